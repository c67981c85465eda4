"""Rule cases as data: one YAML file per rule in tests/lint/rules/ with `fail:` and `pass:` snippets
(sqlfluff-style) and where each expected finding is (`at:`, see tests/lint/cases.py for the format),
loaded by one parametrised test. A snippet that does not start with a heading or a suppression
comment is placed as the answer of a Q&A item."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qatool.common.normalize import normalize_text
from qatool.lint.engine import Linter
from qatool.lint.loader import load_rules
from tests.lint.cases import Location, as_document, cases_of, location_of, span_text

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "rules").glob("*.yml"))
CORPUS = HERE.parents[1] / "corpus"
RULES, KB = load_rules()
BY_CODE = {r.code: r for r in RULES}


def findings_for(code: str, text: str):
    # unused-suppression judges the other rules' findings, so it runs with the default set
    select = [code] if code != "QA900" else [r.code for r in RULES if r.enabled]
    linter = Linter(RULES, KB, select=select)
    return [f for f in linter.lint_text(as_document(text), "case.md") if f.code == code]


def _known_failures() -> dict[str, str]:
    """Case ids (and `docs:CODE`) the pack does not meet yet, with why: strict xfails (a case that starts
    passing fails the suite until it is removed from the file)."""
    out = {}
    for line in (HERE / "rules" / "KNOWN_FAILURES.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            case_id, _, why = line.partition("\t")
            out[case_id] = why
    return out


KNOWN_FAILURES = _known_failures()


def _marks(key: str) -> list:
    return [pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[key])] if key in KNOWN_FAILURES else []


def load_cases():
    for path in CASES:
        for case in cases_of(path):
            yield pytest.param(case, id=case.id, marks=_marks(case.id))


@pytest.mark.parametrize("case", list(load_cases()))
def test_rule_case(case):
    assert case.code in BY_CODE, f"case file for unknown rule {case.code}"
    found = findings_for(case.code, case.text)
    got = sorted(location_of(case.text, f).format(case.text) for f in found)
    assert len(found) == case.count, f"{case.id} on {case.text!r}: expected {case.count}, got {got}"
    if case.at is not None:  # exact places, not only how many
        assert sorted(location_of(case.text, f).span for f in found) == sorted(a.span for a in case.at), \
            f"{case.id} on {case.text!r}: expected {[a.format(case.text) for a in case.at]}, got {got}"


def test_quoted_span_texts_match_the_snippets():
    """A location's quoted text is the snippet's text at that span (a typo in a column shows here)."""
    bad = [f"{c.id}: {a.line}:{a.col}-{a.end_col} is {span_text(c.text, a)!r}, not {a.text!r}"
           for path in CASES for c in cases_of(path) for a in c.at or () if a.text is not None and span_text(c.text, a) != a.text]
    assert bad == []


def test_location_format():
    assert Location.parse("1:5-9 召回率").span == (1, 5, 1, 9)
    assert Location.parse("2:3-4:1").span == (2, 3, 4, 1)
    assert Location.parse("1:1-3 a b").text == "a b"
    with pytest.raises(ValueError):
        Location.parse("1:5")
    snippet = "第一行<|a|>\n第二行"
    doc = as_document(snippet)
    assert doc.splitlines()[2][9 + 3 - 1:9 + 8 - 1] == "<|a|>"  # wrapped: line 3, after the 8-character label
    (f,) = findings_for("FM001", snippet)
    assert location_of(snippet, f).format(snippet) == "1:4-9 <|a|>"


def _corpus_text() -> str:
    return normalize_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))))


def test_every_rule_has_docs_and_a_case_file_with_own_phrasings():
    corpus = _corpus_text()
    case_codes = {p.stem for p in CASES}
    missing = sorted(set(BY_CODE) - case_codes)
    assert not missing, f"rules without a case file in tests/lint/rules/: {missing}"
    for path in CASES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = BY_CODE[data["rule"]]
        assert path.stem == rule.code
        assert all(getattr(rule.docs, k).strip() for k in ("what", "why", "fail", "passing")), rule.code
        assert len(data["fail"]) >= 1 and len(data["pass"]) >= 1, rule.code
        fails = [c.text for c in cases_of(path) if c.kind == "fail"]
        own = [t for t in fails if normalize_text(t) not in corpus]
        assert own, f"{rule.code}: every failing case is copied from the corpus; add a phrasing of your own"


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.code, marks=_marks(f"docs:{r.code}")) for r in RULES])
def test_docs_examples_behave_as_documented(rule):
    assert findings_for(rule.code, rule.docs.fail), f"{rule.code}: its documented failing example does not fail"
    assert not findings_for(rule.code, rule.docs.passing), f"{rule.code}: its documented passing example fails"


def test_rule_pack_size_and_families():
    factual = [r for r in RULES if r.code.startswith("FC")]
    assert len(factual) >= 60
    assert len(KB.papers) >= 30
    assert {r.kind for r in RULES} == {"pattern", "cooccurrence", "definition", "citation", "python", "claim", "direction"}
    assert len({r.code for r in RULES}) == len(RULES) == len({r.name for r in RULES})


def test_case_files_without_locations_still_load_and_the_helper_proposes_them(tmp_path):
    """A case file written with counts only (the format before locations) loads as counts; the
    helper adds the locations the linter reports, keeping comments, and the result loads exactly."""
    import io

    from tests.lint.propose_locations import propose_file

    path = tmp_path / "FM001.yml"
    path.write_text("rule: FM001\nfail:\n# a leaked token\n- 答案到此为止。<|im_end|>\n- text: 一<|a|>二<|b|>三\n  count: 2\n"
                    "pass:\n- 文本以 `<|endoftext|>` 标记结束。\n", encoding="utf-8")
    before = list(cases_of(path))
    assert [(c.kind, c.count, c.at) for c in before] == [("fail", 1, None), ("fail", 2, None), ("pass", 0, ())]
    shown = io.StringIO()
    assert propose_file(path, write=True, out=shown) == 0
    assert "at 1:8-18 <|im_end|>" in shown.getvalue()
    text = path.read_text(encoding="utf-8")
    assert "# a leaked token" in text and "count:" not in text
    after = list(cases_of(path))
    assert [[a.span for a in c.at] for c in after[:2]] == [[(1, 8, 1, 18)], [(1, 2, 1, 7), (1, 8, 1, 13)]]
    assert [c.text for c in after] == [c.text for c in before]


def test_known_failures_name_existing_cases():
    ids = {p.id for p in load_cases()} | {f"docs:{r.code}" for r in RULES}
    assert set(KNOWN_FAILURES) <= ids, sorted(set(KNOWN_FAILURES) - ids)
