"""The factual pack against phrasings of its misconceptions written apart from the rules
(tests/lint/phrasings/, see bench/claims/misconceptions.jsonl): every wrong phrasing of a misconception
that a rule declares (`misconception: M0xx`) is found by one of that misconception's rules, and no
trap (a correct statement with the same terms, a negation, a question, a refuted belief) is flagged
by any factual rule. A held-back set of phrasings, never used here, measures the same in bench/claims.py.

Phrasings a rule cannot catch without false alarms are listed, with the reason, in
tests/lint/phrasings/expected_misses.txt (one `MID<TAB>text prefix<TAB>reason` per line)."""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from qatool.lint.engine import Linter
from qatool.lint.loader import load_rules

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from claims import documents  # noqa: E402  (the bench's own dialect wrapper)

PHRASINGS = sorted((HERE / "phrasings").glob("dev_*.jsonl"))
RULES, KB = load_rules()
BY_MIS: dict[str, list[str]] = defaultdict(list)
for _r in RULES:
    for _m in _r.spec.get("misconceptions", ()):
        BY_MIS[_m].append(_r.code)


def _rows() -> list[dict]:
    rows = []
    for p in PHRASINGS:
        for no, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(line)
            if row["kind"] in ("wrong", "trap"):
                rows.append({**row, "where": f"{p.name}:{no}"})
    return rows


def _expected_misses() -> dict[tuple[str, str], str]:
    path = HERE / "phrasings" / "expected_misses.txt"
    out = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                mid, prefix, reason = line.split("\t")
                out[(mid, prefix)] = reason
    return out


@pytest.fixture(scope="module")
def verdicts():
    rows = _rows()
    factual = [r.code for r in RULES if r.code.startswith("FC") and r.enabled]
    linter = Linter(RULES, KB, select=factual)
    out: dict[int, set[str]] = defaultdict(set)
    _, text, spans = documents(rows)[0]  # the heading dialect; bench/claims.py measures all three
    by_line = defaultdict(set)
    for f in linter.lint_text(text, "phrasings.md"):
        by_line[f.line].add(f.code)
    for k, lo, hi in spans:
        for no in range(lo, hi + 1):
            out[k] |= by_line.get(no, set())
    return rows, out


def test_no_trap_is_flagged(verdicts):
    rows, codes = verdicts
    flagged = [(rows[k]["where"], rows[k]["mid"], sorted(c), rows[k]["text"][:80]) for k, c in codes.items()
               if c and rows[k]["kind"] == "trap"]
    assert not flagged, "\n".join(map(str, flagged))


def test_every_wrong_phrasing_of_a_covered_misconception_is_found_by_its_rules(verdicts):
    rows, codes = verdicts
    allowed = _expected_misses()
    missed = []
    for k, row in enumerate(rows):
        if row["kind"] != "wrong" or row["mid"] not in BY_MIS:
            continue
        if not codes.get(k, set()) & set(BY_MIS[row["mid"]]):
            if not any(mid == row["mid"] and row["text"].startswith(prefix) for mid, prefix in allowed):
                missed.append((row["where"], row["mid"], BY_MIS[row["mid"]], row["text"][:80]))
    assert not missed, f"{len(missed)} missed:\n" + "\n".join(map(str, missed))


def test_expected_misses_are_still_missed_and_explained(verdicts):
    rows, codes = verdicts
    for (mid, prefix), reason in _expected_misses().items():
        assert reason.strip(), (mid, prefix)
        hits = [k for k, r in enumerate(rows) if r["mid"] == mid and r["kind"] == "wrong" and r["text"].startswith(prefix)]
        assert hits, f"expected miss {mid} {prefix!r} matches no phrasing"
        assert all(not (codes.get(k, set()) & set(BY_MIS.get(mid, ()))) for k in hits), f"{mid} {prefix!r} is found now: remove it from expected_misses.txt"
