"""Rule cases as data: one YAML file per rule in tests/lint/rules/ with `fail:` and `pass:` snippets
(sqlfluff-style), loaded by one parametrised test. A snippet that does not start with a heading or a
suppression comment is placed as the answer of a Q&A item."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from qatool.common.normalize import normalize_text
from qatool.lint.engine import Linter
from qatool.lint.loader import load_rules

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "rules").glob("*.yml"))
CORPUS = HERE.parents[1] / "corpus"
RULES, KB = load_rules()
BY_CODE = {r.code: r for r in RULES}


def as_document(text: str) -> str:
    if text.lstrip().startswith(("#", "<!--", "```", "~~~")) or "\n问：" in text or text.startswith("问："):
        return text
    return f"### 1. 测试题？\n\n**答案：** {text}\n"


def findings_for(code: str, text: str):
    # unused-suppression judges the other rules' findings, so it runs with the default set
    select = [code] if code != "QA900" else [r.code for r in RULES if r.enabled]
    linter = Linter(RULES, KB, select=select)
    return [f for f in linter.lint_text(as_document(text), "case.md") if f.code == code]


def load_cases():
    for path in CASES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = data["rule"]
        for i, case in enumerate(data["fail"]):
            text, count = (case, 1) if isinstance(case, str) else (case["text"], case.get("count", 1))
            yield pytest.param(code, text, count, id=f"{code}-fail{i}")
        for i, case in enumerate(data["pass"]):
            text = case if isinstance(case, str) else case["text"]
            yield pytest.param(code, text, 0, id=f"{code}-pass{i}")


@pytest.mark.parametrize("code,text,count", list(load_cases()))
def test_rule_case(code, text, count):
    assert code in BY_CODE, f"case file for unknown rule {code}"
    found = findings_for(code, text)
    assert len(found) == count, f"{code} on {text!r}: expected {count}, got {[(f.line, f.col, f.message) for f in found]}"


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
        fails = [c if isinstance(c, str) else c["text"] for c in data["fail"]]
        own = [t for t in fails if normalize_text(t) not in corpus]
        assert own, f"{rule.code}: every failing case is copied from the corpus; add a phrasing of your own"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docs_examples_behave_as_documented(rule):
    assert findings_for(rule.code, rule.docs.fail), f"{rule.code}: its documented failing example does not fail"
    assert not findings_for(rule.code, rule.docs.passing), f"{rule.code}: its documented passing example fails"


def test_rule_pack_size_and_families():
    factual = [r for r in RULES if r.code.startswith("FC")]
    assert len(factual) >= 60
    assert len(KB.papers) >= 30
    assert {r.kind for r in RULES} == {"pattern", "cooccurrence", "definition", "citation", "python"}
    assert len({r.code for r in RULES}) == len(RULES) == len({r.name for r in RULES})
