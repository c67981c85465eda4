"""The rule-kind registry: a kind is one class with a typed spec and its own JSON-Schema fragment; keys
of another kind are rejected naming the file, line and key; every rule honours `scope` (python
rules too); every user and pack regex goes through the safe-pattern wrapper (one timeout policy)."""
from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

import qatool.lint.loader as loader
from qatool.lint import kinds
from qatool.lint.engine import Linter
from qatool.lint.kinds import make_finding
from qatool.lint.loader import RuleFileError, load_rule_files
from qatool.lint.patterns import PatternTimeout, SafePattern
from qatool.lint.registry import KINDS, BuildContext, RuleKind, Spec, register_kind

DOCS = "docs: {what: w, why: w, fail: 'a', pass: 'b'}"


# ------------------------------------------------------------ a new kind: one class + its schema fragment


@dataclass
class LongAnswerSpec(Spec):
    max_chars: int = 0


class LongAnswerKind(RuleKind):
    """Answers longer than `max_chars` characters on one line."""

    name = "long-line"
    spec_type = LongAnswerSpec
    schema = {"properties": {"max_chars": {"type": "integer", "minimum": 1}}, "required": ["max_chars"]}

    def build(self, ctx: BuildContext) -> dict:
        return {"max_chars": ctx.entry["max_chars"]}

    def check(self, rule, doc, kb) -> Iterator:
        for unit in doc.units:  # it leaves `scope` to the linter, which honours it for every kind
            if len(unit.text.strip()) > rule.spec.max_chars:
                yield make_finding(rule, doc, unit, 0, len(unit.text), n=str(len(unit.text.strip())))


@pytest.fixture
def long_line_kind():
    register_kind(LongAnswerKind)
    loader._file_schema_validator.cache_clear()
    yield KINDS["long-line"]
    del KINDS["long-line"]
    del kinds.KIND_GATES["long-line"]
    loader._file_schema_validator.cache_clear()


def _rule(kind: str, extra: str, code: str = "XY001") -> str:
    return (f"rules:\n  - code: {code}\n    name: rule-{code.lower()}\n    kind: {kind}\n    severity: warning\n"
            f"    message: '消息 {{match}}'\n{extra}    {DOCS}\n")


def _load(tmp_path: Path, text: str):
    p = tmp_path / "mine.yaml"
    p.write_text(text, encoding="utf-8")
    return load_rule_files([p])


DOC = ("本文整理了常见的大模型面试题目以及参考答案，供复习使用。\n\n"
       "### 1. 什么是微调？\n\n**答案：** 在下游任务上继续训练模型的全部或部分参数，使它适应新的任务。\n\n### 2. 短？\n\n**答案：** 短。\n")


def test_a_new_kind_is_one_class_and_its_schema_fragment(tmp_path, long_line_kind):
    rules, kb = _load(tmp_path, _rule("long-line", "    max_chars: 20\n    scope: [answer]\n"))
    (rule,) = rules
    assert isinstance(rule.spec, LongAnswerSpec) and rule.spec.max_chars == 20 and rule.kind == "long-line"
    found = Linter(rules, kb).lint_text(DOC, "a.md")
    assert [(f.code, f.line) for f in found] == [("XY001", 5)]
    rules, kb = _load(tmp_path, _rule("long-line", "    max_chars: 20\n"))  # default scope: prose
    assert [f.line for f in Linter(rules, kb).lint_text(DOC, "a.md")] == [1, 5]
    # its schema fragment is the schema: a wrong type is an error naming the file and line
    with pytest.raises(RuleFileError, match=r"mine\.yaml:7: rule XY001: rules/0/max_chars: 'many' is not of type 'integer'"):
        _load(tmp_path, _rule("long-line", "    max_chars: many\n"))
    with pytest.raises(RuleFileError, match="'max_chars' is a required property"):
        _load(tmp_path, _rule("long-line", ""))
    assert "long-line" in loader.rule_file_schema()["$defs"]["rule"]["properties"]["kind"]["enum"]


def test_without_the_class_the_kind_does_not_exist(tmp_path):
    with pytest.raises(RuleFileError, match="rules/0/kind"):
        _load(tmp_path, _rule("long-line", "    max_chars: 20\n"))


@pytest.mark.parametrize("kind,extra,key,line,owner", [
    ("pattern", "    pattern: 'foo'\n    term: recall\n", "term", 8, "a key of kind definition"),
    ("python", "    check: unbalanced-bold\n    pattern: 'x'\n", "pattern", 8, "a key of kind pattern"),
    ("definition", "    duplicate: true\n    check: year\n", "check", 8, "a key of kind citation and python"),
    ("pattern", "    pattern: 'foo'\n    colour: red\n", "colour", 8, "a key of no rule kind"),
])
def test_a_key_of_another_kind_is_rejected_with_file_line_and_key(tmp_path, kind, extra, key, line, owner):
    with pytest.raises(RuleFileError) as err:
        _load(tmp_path, _rule(kind, extra))
    msg = str(err.value)
    assert msg.startswith(f"{tmp_path / 'mine.yaml'}:{line}: rule XY001: key {key!r} is {owner}, not of kind {kind}"), msg


def test_every_builtin_rule_has_its_kinds_typed_spec():
    linter = Linter.default()
    assert linter.all_rules
    for r in linter.all_rules:
        kind = KINDS[r.kind]
        assert type(r.spec) is kind.spec_type, r.code
        assert dataclasses.is_dataclass(r.spec)
        for rx in list(r.spec.unless) + list(r.spec.context) + list(r.spec.get("patterns") or []):
            assert isinstance(rx, SafePattern), r.code


# ------------------------------------------------------------------------------ scope for every rule


FULLWIDTH = "### 1. 模型\n\n**面试题：** ＢＥＲＴ是什么？\n\n**答案：** ＢＥＲＴ是一种模型。\n"


@pytest.mark.parametrize("scope,lines", [(None, [3, 5]), ("[question]", [3]), ("[answer]", [5]), ("[heading]", [])])
def test_python_rules_honour_scope(tmp_path, scope, lines):
    extra = "    check: fullwidth-alphanumeric\n" + (f"    scope: {scope}\n" if scope else "")
    rules, kb = _load(tmp_path, _rule("python", extra))
    found = Linter(rules, kb).lint_text(FULLWIDTH, "a.md")
    assert sorted({f.line for f in found}) == lines


# ------------------------------------------------------------------ one timeout policy for every regex

GLOSSARY = """glossary:
  thing:
    label: 东西
    names: 'thing'
    definition: '(x|xx)+z'
  other:
    label: 别的
    names: 'other'
    definition: 'yy'
rules:
  - code: XY009
    name: thing-given-other
    kind: definition
    term: thing
    given: other
    severity: error
    message: '{term} 被写成了 {given} 的定义'
    docs: {what: w, why: w, fail: 'a', pass: 'b'}
"""


def test_a_glossary_definition_that_slips_past_the_probes_is_a_clean_timeout(tmp_path):
    """The issue's example: `(x|xx)+z` took 10 s on one 36-character line; now every search of it is
    bounded and the rule reading it reports one error, the document's other findings kept."""
    rules, kb = _load(tmp_path, GLOSSARY)
    assert isinstance(kb.terms["thing"].definition, SafePattern)
    with pytest.raises(PatternTimeout):
        kb.definitions_in("x" * 36)
    linter = Linter(rules + Linter.default().all_rules, kb, select=["XY009", "FM001"])
    doc = "### 1. 什么是 thing？\n\n**答案：** thing 是 " + "x" * 36 + "。<|endoftext|>\n"
    t = time.perf_counter()
    found, errors = linter.check_doc(__import__("qatool.lint.document", fromlist=["load_doc"]).load_doc(doc, "a.md"))
    assert time.perf_counter() - t < 5
    assert [f.code for f in found] == ["FM001"]
    assert len(errors) == 1 and errors[0].startswith("rule XY009 (") and "pattern '(x|xx)+z'" in errors[0]
    assert "mine.yaml:3: glossary term thing" in errors[0]


def test_repository_names_are_bounded_too(tmp_path):
    text = ("repos:\n  - project: Demo\n    names: '(d|dd)+e'\n    canonical: [demo/demo]\n"
            "rules:\n  - code: XY010\n    name: demo-repo\n    kind: citation\n    check: repository\n    severity: error\n"
            "    message: 'm'\n    docs: {what: w, why: w, fail: 'a', pass: 'b'}\n")
    rules, kb = _load(tmp_path, text)
    doc = "### 1. 问题？\n\n**答案：** " + "d" * 36 + " 官方代码 https://github.com/other/demo\n"
    from qatool.lint.document import load_doc

    found, errors = Linter(rules, kb).check_doc(load_doc(doc, "a.md"))
    assert found == [] and len(errors) == 1 and "pattern '(d|dd)+e'" in errors[0] and "repository Demo" in errors[0]


# ------------------------------------------------------------------------------ the built-in pack's patterns


def test_builtin_patterns_are_compiled_on_first_use_and_all_compile_and_pass_the_probes():
    from qatool.lint.loader import builtin_rule_paths, load_rule_files

    lazy_rules, _ = load_rule_files(builtin_rule_paths())
    lazy = [p for r in lazy_rules for p in r.spec.get("unless", ())]
    assert lazy and all(p._rx is None for p in lazy)  # nothing compiled at load
    # eager: every pattern of every built-in file compiled and probed for catastrophic backtracking,
    # as a user's rule file is at load (a bad one raises RuleFileError naming file and line)
    eager_rules, _ = load_rule_files(builtin_rule_paths(), eager=True)
    assert [r.code for r in eager_rules] == [r.code for r in lazy_rules]
    assert all(p._rx is not None for r in eager_rules for p in r.spec.get("unless", ()))


def test_a_lazy_pattern_searches_pickles_and_compares_as_a_compiled_one():
    import pickle

    from qatool.lint.kinds import FLAGS
    from qatool.lint.patterns import SafePattern, compile_safe

    lazy = SafePattern.lazy(r"稀疏(?:解|性)", FLAGS, "demo")
    assert lazy.pattern == r"稀疏(?:解|性)" and lazy._rx is None
    back = pickle.loads(pickle.dumps(lazy))
    assert back == lazy and hash(back) == hash(lazy) and back._rx is None
    assert lazy.search("L1 会产生稀疏解").group() == "稀疏解" and lazy._rx is not None
    assert hash(lazy) == hash(back)  # compiling does not change its identity
    eager = compile_safe(r"稀疏(?:解|性)", FLAGS, "demo")
    assert pickle.loads(pickle.dumps(eager)).search("稀疏性").group() == "稀疏性"
