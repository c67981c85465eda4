"""The package layout: one package per stage, imports only run down the pipeline, no cycles."""
from __future__ import annotations

import ast
from pathlib import Path

QATOOL = Path(__file__).resolve().parents[1] / "qatool"

# what each package may import (besides itself); everything may import qatool.common
ALLOWED = {
    "common": set(),
    "parse": {"common"},
    "lint": {"common", "parse"},
    "dedup": {"common"},
    "review": {"common", "dedup"},
    "export": {"common", "lint", "review"},
    "engines": {"common", "parse", "lint", "dedup", "export"},
}


def _imports() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in QATOOL.rglob("*.py"):
        mod = ".".join(path.relative_to(QATOOL.parent).with_suffix("").parts).removesuffix(".__init__")
        deps = out.setdefault(mod, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path}: relative import; use absolute qatool.* imports"
                if node.module and node.module.startswith("qatool"):
                    deps.add(node.module)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("qatool"))
    return out


def _package(mod: str) -> str | None:
    parts = mod.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (QATOOL / parts[1]).is_dir()) else None


def test_stage_packages_import_only_down_the_pipeline():
    bad = []
    for mod, deps in _imports().items():
        pkg = _package(mod)
        if pkg is None:
            continue  # cli, pipeline and the top-level package sit on top
        for dep in deps:
            dpkg = _package(dep)
            if dpkg is None and dep != "qatool":
                bad.append(f"{mod} imports {dep} (above the stages)")
            elif dpkg and dpkg != pkg and dpkg not in ALLOWED[pkg]:
                bad.append(f"{mod} imports {dep}")
    assert not bad, bad


def test_no_import_cycles_between_modules():
    graph = {m: {d for d in deps if d != m} for m, deps in _imports().items()}
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in graph.get(m, ()):
            if state.get(d) == 1:
                raise AssertionError(" -> ".join(path[path.index(d):] + [d]) if d in path else f"{m} -> {d}")
            if d not in state:
                visit(d, path + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])


def test_every_package_folder_is_a_package_with_a_docstring():
    for folder in [p for p in QATOOL.iterdir() if p.is_dir() and any(p.glob("*.py"))]:
        init = folder / "__init__.py"
        assert init.exists(), f"{folder} has modules but no __init__.py (it would be left out of the wheel)"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{init}: say what flows in and out"
