"""qatool as a user installs it, not as `make` does (editable, from the source tree): the wheel holds
every package and data file, `qatool run` works from it in a fresh venv, and the runtime
dependencies are exactly what the code imports.

The fast check builds the wheel (no build isolation: setuptools and wheel are in the test extra),
installs it with `--no-deps` into a fresh venv whose only view of the test venv is a `.pth` line
naming the test venv's site-packages (so the dependencies are found, but qatool itself can only come
from the wheel: the test venv's editable install is a finder that a plain path line does not
activate), and runs `qatool run` on a copy of corpus/ in a temporary folder. The slow check
(QATOOL_RUN_SLOW=1, as .ci/run sets) installs the wheel with its dependencies into a venv of its own,
exactly as `pip install qatool` would, from the pip cache where it can.
"""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SKIP_COPY = shutil.ignore_patterns(".git", ".venv", "build", "dist", "out", "*.egg-info", ".cache", "__pycache__",
                                   ".pytest_cache", ".hypothesis", "data")
# declared but not imported, each with the reason it is declared anyway
DECLARED_UNUSED = {
    "datasketch": "the design card's MinHash library: qatool's signatures are made interoperable with it (issue 18, dedup)",
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(reqs: list[str]) -> set[str]:
    return {_norm(re.match(r"[A-Za-z0-9_.-]+", r).group(0)) for r in reqs}


def _imported_top_modules(package: Path) -> set[str]:
    mods: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                mods.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods.add(node.module.split(".")[0])
    return {m for m in mods if m not in sys.stdlib_module_names and m not in ("qatool", "__future__")}


def test_runtime_dependencies_are_what_the_code_imports():
    dists = metadata.packages_distributions()
    extras = PYPROJECT["project"]["optional-dependencies"]
    runtime = _requirement_names(PYPROJECT["project"]["dependencies"])
    optional = {_norm(n) for n in _requirement_names(extras["ray"])}
    imported: dict[str, str] = {}
    for mod in _imported_top_modules(ROOT / "qatool"):
        names = dists.get(mod)
        assert names, f"qatool imports {mod!r}, which no installed distribution provides"
        imported[_norm(names[0])] = mod
    missing = set(imported) - runtime - optional
    assert not missing, f"imported but not declared in [project] dependencies: {sorted(missing)}"
    unused = runtime - set(imported) - set(DECLARED_UNUSED)
    assert not unused, f"declared in [project] dependencies but never imported: {sorted(unused)}"
    assert "ray" in optional and "ray" not in runtime  # Ray is the optional extra qatool[ray]
    assert not runtime & _requirement_names(extras["test"]), "test tools are not runtime dependencies"
    assert "pandas" not in runtime  # only a test compares the Parquet files through pandas


# ---------------------------------------------------------------------------------------------- wheel


def _source_copy(tmp: Path) -> Path:
    src = tmp / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=SKIP_COPY)
    return src


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = _source_copy(tmp)
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp / "dist"), str(src)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    (whl,) = (tmp / "dist").glob("qatool-*.whl")
    return whl


def test_the_wheel_holds_every_package_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {p.relative_to(ROOT).as_posix() for p in (ROOT / "qatool").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix in (".py", ".yaml", ".yml", ".json", ".txt", ".html")}
    assert wanted and not wanted - names, sorted(wanted - names)
    assert {"qatool/lint/__init__.py", "qatool/schemas/qa_record.schema.json", "qatool/rules/metrics.yaml",
            "qatool/review/review.html", "qatool/dedup/userdict.txt"} <= names
    from qatool.common.version import __version__

    assert wheel.name.startswith(f"qatool-{__version__}-")


def _venv_bin(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin")


def _run_qatool(qatool: Path, tmp: Path, env: dict[str, str]) -> None:
    work = tmp / "work"
    shutil.copytree(ROOT / "corpus", work / "corpus")
    for args in (["--version"], ["lint", "--help"]):
        out = subprocess.run([str(qatool), *args], capture_output=True, text=True, cwd=work, env=env, timeout=120)
        assert out.returncode == 0, out.stderr
    out = subprocess.run([str(qatool), "run", "--no-progress", "--jobs", "1"], capture_output=True, text=True, cwd=work, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "export: 140 records" in out.stdout
    for name in ("records.parquet", "findings.parquet", "train.jsonl", "val.jsonl", "DATASET.md", "review.html", "files.jsonl"):
        assert (work / "out" / name).is_file(), name
    lint = subprocess.run([str(qatool), "lint", "corpus/", "--format", "github"], capture_output=True, text=True, cwd=work, env=env, timeout=300)
    assert lint.returncode == 1 and " file=corpus/000_" in lint.stdout, lint.stdout[:500]


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def test_fresh_venv_runs_qatool_from_the_wheel(wheel, tmp_path):
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = _venv_bin(venv) / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # the dependencies come from the test venv: its site-packages as a plain path line (no .pth in it runs)
    (site / "_test_venv_packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index", "-q", str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    env = _clean_env()
    where = subprocess.run([str(py), "-c", "import qatool, qatool.lint; print(qatool.__file__)"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(site), where.stdout  # qatool from the wheel, not the source tree
    _run_qatool(_venv_bin(venv) / "qatool", tmp_path, env)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("QATOOL_RUN_SLOW"), reason="slow (a full dependency install); QATOOL_RUN_SLOW=1 runs it, as .ci/run does")
def test_pip_install_of_the_wheel_with_its_dependencies_runs_qatool(wheel, tmp_path):
    """What `pip install qatool` gives a new user: no Ray, no test tools, and a working `qatool run`."""
    venv = tmp_path / "user"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = [str(_venv_bin(venv) / "python"), "-m", "pip"]
    out = subprocess.run([*pip, "install", "-q", str(wheel)], capture_output=True, text=True, timeout=1800, env=_clean_env())
    assert out.returncode == 0, out.stderr
    installed = {_norm(re.split(r"==| @ ", line)[0]) for line in subprocess.run([*pip, "freeze"], capture_output=True, text=True, check=True).stdout.splitlines()}
    assert "qatool" in installed and not installed & {"ray", "pytest", "hypothesis", "selenium", "duckdb", "datasets", "pandas"}
    _run_qatool(_venv_bin(venv) / "qatool", tmp_path, _clean_env())
