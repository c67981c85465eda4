"""action.yml (a composite action) and examples/github-workflow.yml: valid YAML of the right shape,
and the action's shell steps run locally, in a temporary git repository, up to the SARIF upload:
the SARIF step never fails the job (so the upload happens), the annotation step fails it.

`${{ … }}` expressions are only used in `env:` and `with:` (never inside a script, where a path or
an input could inject shell), so the steps run here with the same environment GitHub gives them.
The install step is run too when QATOOL_RUN_SLOW=1 (a full pip install of the action's checkout);
otherwise `qatool` is the test venv's.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def test_action_is_a_composite_action_that_uploads_before_it_fails():
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif = next(i for i, s in enumerate(steps) if "--format sarif" in s.get("run", ""))
    annotate = next(i for i, s in enumerate(steps) if "--format github" in s.get("run", ""))
    assert sarif < upload < annotate == len(steps) - 1
    assert "--exit-zero" in steps[sarif]["run"] and "--exit-zero" not in steps[annotate]["run"]
    assert "always()" in steps[upload]["if"]
    for s in steps:
        if "run" in s:
            assert s["shell"] == "bash"
            assert not EXPR.search(s["run"]), f"step {s.get('name')}: expressions belong in env:, not in the script"
    for name, spec in ACTION["inputs"].items():
        assert spec["description"] and "default" in spec, name


def test_workflow_example_uses_the_action_at_the_tagged_version():
    from qatool.common.version import __version__

    assert WORKFLOW["permissions"]["security-events"] == "write"
    (job,) = WORKFLOW["jobs"].values()
    steps = job["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    step = next(s for s in steps if "qatool" in s.get("uses", ""))
    assert step["uses"].endswith(f"@v{__version__}")
    assert set(step["with"]) <= set(ACTION["inputs"])
    on = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert {"push", "pull_request"} <= set(on)


def _evaluate(value: str, inputs: dict[str, str], action_path: Path) -> str:
    def one(m: re.Match) -> str:
        expr = m.group(1)
        if expr.startswith("inputs."):
            return inputs[expr.removeprefix("inputs.")]
        if expr == "github.action_path":
            return str(action_path)
        raise AssertionError(f"unexpected expression {expr!r}")

    return EXPR.sub(one, str(value))


def _run_steps(repo: Path, with_: dict[str, str], path_dirs: list[Path], install: bool) -> dict[str, dict[str, str]]:
    inputs = {k: str(v["default"]) for k, v in ACTION["inputs"].items()} | {k: str(v) for k, v in with_.items()}
    outputs: dict[str, dict[str, str]] = {}
    for i, step in enumerate(ACTION["runs"]["steps"]):
        if "uses" in step:
            if step["uses"].startswith("github/codeql-action/upload-sarif@"):
                break  # the first step that needs GitHub
            continue
        if "pip install" in step["run"] and not install:
            continue
        out_file = repo.parent / f"github_output_{i}"
        out_file.write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV",)}
        env.update({k: _evaluate(v, inputs, ROOT) for k, v in step.get("env", {}).items()})
        env["GITHUB_OUTPUT"] = str(out_file)
        env["PATH"] = os.pathsep.join([str(p) for p in path_dirs] + [env.get("PATH", "")])
        res = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, timeout=1800)
        assert res.returncode == 0, (step.get("name"), res.stdout, res.stderr)
        outputs[step.get("id", step.get("name"))] = dict(ln.split("=", 1) for ln in out_file.read_text(encoding="utf-8").splitlines() if ln)
    outputs["_inputs"] = inputs
    return outputs


def _annotate(repo: Path, inputs: dict[str, str], path_dirs: list[Path]) -> subprocess.CompletedProcess:
    step = ACTION["runs"]["steps"][-1]
    out_file = repo.parent / "github_output_last"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV",)}
    env.update({k: _evaluate(v, inputs, ROOT) for k, v in step.get("env", {}).items()})
    env["GITHUB_OUTPUT"] = str(out_file)
    env["PATH"] = os.pathsep.join([str(p) for p in path_dirs] + [env.get("PATH", "")])
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "corpus", repo / "corpus")
    (repo / "README.md").write_text("# 面试题\n", encoding="utf-8")
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


@pytest.mark.parametrize("install", [
    False,
    pytest.param(True, marks=[pytest.mark.slow, pytest.mark.skipif(not os.environ.get("QATOOL_RUN_SLOW"), reason="slow (pip installs the action's checkout); QATOOL_RUN_SLOW=1 runs it")]),
])
def test_the_workflow_example_runs_locally_up_to_the_upload(repo, tmp_path, install):
    (job,) = WORKFLOW["jobs"].values()
    with_ = next(s for s in job["steps"] if "qatool" in s.get("uses", ""))["with"]
    path_dirs = [Path(sys.executable).parent]
    if install:  # a python of its own on PATH, as actions/setup-python gives
        venv = tmp_path / "runner-python"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        path_dirs = [venv / "bin"]
    outputs = _run_steps(repo, with_, path_dirs, install)
    assert outputs["sarif"] == {"exit-code": "0", "written": "true"}  # findings, yet the step succeeded (--exit-zero)
    log = json.loads((repo / outputs["_inputs"]["sarif-file"]).read_text(encoding="utf-8"))
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"] for loc in r["locations"]}
    assert uris and all(u.startswith("corpus/") and (repo / u).is_file() for u in uris)  # repository paths
    res = _annotate(repo, outputs["_inputs"], path_dirs)
    assert res.returncode == 1  # the last step fails the job
    assert "::error file=corpus/000_" in res.stdout
    # a clean tree passes every step
    for f in (repo / "corpus").iterdir():
        f.unlink()
    (repo / "corpus" / "ok.md").write_text("### 1. 什么是召回率？\n\n**答案：** 召回率是指实际为正的样本中被预测为正的比例。\n", encoding="utf-8")
    outputs = _run_steps(repo, with_, path_dirs, install=False)
    assert outputs["sarif"]["exit-code"] == "0"
    assert _annotate(repo, outputs["_inputs"], path_dirs).returncode == 0
