"""The literal analysis kept between runs (literals.AnalysisStore): what it returns is what the
analysis computes, a bad or unwritable store costs only time, and lint output does not depend on it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qatool.lint import literals
from qatool.lint.claims import FILTER_FLAGS
from qatool.lint.engine import Linter
from qatool.lint.kinds import gate_of
from qatool.lint.loader import load_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(own_cache, monkeypatch):
    """A fresh store reading and writing the test's own cache folder (`tmp_path/cache`)."""
    fresh = literals.AnalysisStore()
    monkeypatch.setattr(literals, "STORE", fresh)
    return fresh


def _pack_patterns() -> tuple[list[tuple[str, int]], list[str]]:
    """The gates and properties of the default selection (what `qatool lint` reads)."""
    all_rules, kb = load_rules(None)
    rules = [r for r in all_rules if r.enabled]
    gates = sorted({(g.pattern, g.flags) for r in rules for g in (gate_of(r, kb), r.spec.get("pgate")) if g is not None})
    props = sorted({rx.pattern for r in rules if "claim" in r.spec for rx in r.spec["claim"].predicates})
    return gates, props


def test_a_linter_leaves_the_reading_of_every_pattern_in_the_store(store, tmp_path):
    rules, kb = load_rules(None)
    Linter(rules, kb)
    files = list((tmp_path / "cache").glob("literals-*.json"))
    assert len(files) == 1 and literals.AnalysisStore.VERSION in files[0].name
    data = json.loads(files[0].read_text(encoding="utf-8"))
    gates, props = _pack_patterns()
    assert {literals.AnalysisStore.key(p, f) for p, f in gates} <= set(data["literals"])
    assert {literals.AnalysisStore.key(p, FILTER_FLAGS) for p in props} <= set(data["factors"])


def test_what_the_store_returns_is_what_the_analysis_computes(store, monkeypatch):
    gates, props = _pack_patterns()
    for p, f in gates:
        literals.required_literals(p, f)
    for p in props:
        literals.required_factors(p, FILTER_FLAGS)
    store.save()
    again = literals.AnalysisStore()  # a later process: everything from the file
    monkeypatch.setattr(literals, "STORE", again)

    def no_analysis(*a):
        raise AssertionError("read from the pattern, not from the store")

    monkeypatch.setattr(literals, "_required_literals", no_analysis)
    monkeypatch.setattr(literals, "_required_factors", no_analysis)
    stored_lits = [literals.required_literals(p, f) for p, f in gates]
    stored_factors = [literals.required_factors(p, FILTER_FLAGS) for p in props]
    monkeypatch.undo()
    assert stored_lits == [literals._required_literals(p, f) for p, f in gates]
    assert stored_factors == [literals._required_factors(p, FILTER_FLAGS) for p in props]
    assert any(x is None for x in stored_lits) and any(x is not None for x in stored_lits)


@pytest.mark.parametrize("content", ["{not json", "[]", '{"literals": [], "factors": {}}', '{"literals": {}}', "\x00\x01"])
def test_a_broken_store_is_read_again_and_written_anew(store, content):
    store.path().parent.mkdir(parents=True)
    store.path().write_text(content, encoding="utf-8")
    assert literals.required_literals("梯度裁剪|gradient clipping") == frozenset({"梯度裁剪", "gradient clipping"})
    store.save()
    assert json.loads(store.path().read_text(encoding="utf-8"))["literals"] == {
        literals.AnalysisStore.key("梯度裁剪|gradient clipping", literals.regex.ASCII): ["gradient clipping", "梯度裁剪"]}


def test_a_folder_that_cannot_be_written_costs_only_the_store(store, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("QATOOL_CACHE_DIR", str(blocker / "sub"))  # a folder below a file: mkdir fails
    assert literals.required_literals("在评论区(?:留言|分享)") == frozenset({"在评论区留言", "在评论区分享"})
    store.save()
    assert store.dirty  # nothing written, nothing raised


def test_no_cache_keeps_nothing(store, tmp_path, monkeypatch):
    monkeypatch.setenv("QATOOL_NO_CACHE", "1")
    literals.required_literals("稀疏|sparse")
    store.save()
    assert not (tmp_path / "cache").exists()


def test_lint_output_is_the_same_with_a_cold_and_a_warm_store(tmp_path):
    env = {**os.environ, "QATOOL_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("QATOOL_NO_CACHE", None)
    cmd = [sys.executable, "-m", "qatool.cli", "lint", "corpus", "--format", "json"]
    cold = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
    assert list((tmp_path / "cache").glob("literals-*.json"))
    warm = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
    off = subprocess.run(cmd, cwd=ROOT, env={**env, "QATOOL_NO_CACHE": "1"}, capture_output=True)
    assert cold.returncode == warm.returncode == off.returncode == 1
    assert cold.stdout == warm.stdout == off.stdout and json.loads(cold.stdout)
