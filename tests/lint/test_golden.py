"""The shipped corpus has a golden findings file: every finding `qatool lint corpus/` reports, in
vale's line format `path:line:col: CODE [name] message`. Each line was checked by hand as a real
problem. This test only compares; after a deliberate change a person regenerates the file with
`make golden` (`python -m tests.lint.update_golden --update`) and reviews the diff line by line."""
from __future__ import annotations

from pathlib import Path

from qatool.lint.engine import Linter
from tests.lint.update_golden import CORPUS, GOLDEN, current, golden

HERE = Path(__file__).resolve().parent


def test_corpus_findings_match_golden_file():
    before = GOLDEN.read_bytes()
    assert current() == golden(), "findings changed: review, then `make golden` (python -m tests.lint.update_golden --update)"
    assert GOLDEN.read_bytes() == before  # nothing in the test run may rewrite the golden file


def test_the_golden_file_is_not_rewritten_by_the_environment(monkeypatch, tmp_path):
    """The old escape hatch (QATOOL_UPDATE_GOLDEN=1 inside pytest) is gone: with it set, a stale
    golden file still fails and is left as it was."""
    import tests.lint.test_golden as me

    monkeypatch.setenv("QATOOL_UPDATE_GOLDEN", "1")
    stale = tmp_path / "corpus_findings.txt"
    stale.write_text("# header\ncorpus/x.txt:1:1: FC999 [made-up] 不存在\n", encoding="utf-8")
    monkeypatch.setattr("tests.lint.update_golden.GOLDEN", stale)
    monkeypatch.setattr(me, "GOLDEN", stale)
    import pytest

    with pytest.raises(AssertionError):
        me.test_corpus_findings_match_golden_file()
    assert "FC999" in stale.read_text(encoding="utf-8")


def test_golden_file_covers_the_known_slips():
    golden = GOLDEN.read_text(encoding="utf-8")
    codes = {ln.split(": ")[1].split(" ")[0] for ln in golden.splitlines() if ln and not ln.startswith("#")}
    factual = sorted(c for c in codes if c.startswith("FC"))
    assert len(factual) >= 20, factual
    # the issue's own example: recall given precision's definition in 002
    assert any(ln.startswith("002_61b8b22aaa2b1a02.txt:40:") and "FC101" in ln for ln in golden.splitlines())


def test_rule_reference_is_up_to_date():
    from qatool.lint.render import rules_markdown

    expected = rules_markdown(Linter.default().all_rules)
    assert (HERE.parents[1] / "docs" / "rules.md").read_text(encoding="utf-8") == expected, \
        "docs/rules.md is stale: run `qatool rules list --markdown > docs/rules.md`"


def test_run_writes_findings_joined_to_records(tmp_path):
    import pyarrow.parquet as pq
    from click.testing import CliRunner

    from qatool.cli import main

    for name in ("a", "b"):
        assert CliRunner().invoke(main, ["run", str(CORPUS), "-o", str(tmp_path / name)]).exit_code == 0
    findings = pq.read_table(tmp_path / "a" / "findings.parquet").to_pylist()
    ids = set(pq.read_table(tmp_path / "a" / "records.parquet").column("id").to_pylist())
    assert len(findings) == len([ln for ln in GOLDEN.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")])
    linked = [f for f in findings if f["record_id"]]
    assert linked and all(f["record_id"] in ids for f in linked)
    for out in ("records.parquet", "findings.parquet"):
        assert (tmp_path / "a" / out).read_bytes() == (tmp_path / "b" / out).read_bytes()
    res = CliRunner().invoke(main, ["run", str(CORPUS), "-o", str(tmp_path / "c"), "--fail-on", "error"])
    assert res.exit_code == 1
