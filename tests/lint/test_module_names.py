"""No module of the linter binds one module-level name twice: a second `_X_RE = …` silently replaces the first, and the
code written for the first then runs with the second (claims.py had two `_FROM_BEFORE_RE`, and a merge brought a second
`_DISPOSED_BEFORE_RE`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import qatool

MODULES = sorted(Path(qatool.__file__).parent.rglob("*.py"))


def rebound(source: str) -> list[tuple[str, int]]:
    """Module-level names assigned more than once, with the line of each later assignment."""
    seen: dict[str, int] = {}
    out = []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for t in targets:
            if isinstance(t, ast.Name):
                if t.id in seen and t.id != "__all__":
                    out.append((t.id, node.lineno))
                seen.setdefault(t.id, node.lineno)
    return out


def test_rebound_is_found():
    assert rebound("_A_RE = 1\n_B = 2\n_A_RE = 3\n") == [("_A_RE", 3)]
    assert rebound("_A_RE = 1\ndef f():\n    _A_RE = 2\n") == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_module_name_bound_twice(path):
    assert rebound(path.read_text(encoding="utf-8")) == []
