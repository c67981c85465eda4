"""The rule kinds' shared parts, pinned exactly: where a finding points and what its message quotes
(`make_finding`), when a span is part of a question rather than a statement (`asks`), and what the
definition kind flags (a term given another term's definition; two terms given one definition),
with its messages, across the units of a document."""
from __future__ import annotations

import pytest

from qatool.lint.document import Unit, load_doc
from qatool.lint.engine import Linter
from qatool.lint.kinds import MAX_QUOTE, asks, fingerprint, judges_statements, make_finding
from qatool.lint.loader import load_rules
from qatool.lint.model import Fix, Rule, RuleDocs
from tests.lint.cases import as_document

RULES, KB = load_rules()
RULE = Rule("XT001", "kinds-test", "warning", "pattern", "在“{match}”处：{extra}", RuleDocs("w", "w", "f", "p"))
DOC = "### 1. 什么是召回率？\n\n**答案：** 召回率衡量模型把正例找全的能力。\n"


def answer_unit(doc):
    (u,) = [u for u in doc.units if u.scope == "answer"]
    return u


# ------------------------------------------------------------------------------------ make_finding

def test_a_finding_spans_its_source_text_and_names_its_record():
    doc = load_doc(DOC, "k.md")
    unit, rec = answer_unit(doc), doc.records[0]
    s = unit.text.index("召回率")
    f = make_finding(RULE, doc, unit, s, s + 3, extra="附注")
    assert (f.line, f.col, f.end_line, f.end_col) == (3, s + 1, 3, s + 4)
    assert doc.lines[2][f.col - 1:f.end_col - 1] == "召回率"
    assert (f.code, f.name, f.severity, f.path, f.message) == ("XT001", "kinds-test", "warning", "k.md", "在“召回率”处：附注")
    assert f.record_id == rec["id"] and f.fix is None
    # the fingerprint follows the record's content (so a baseline survives the item moving), not the line's text
    assert f.fingerprint == fingerprint("XT001", "k.md", unit.text, rec, "召回率") != fingerprint("XT001", "k.md", unit.text, None, "召回率")
    # a unit that starts inside its line (col > 0): columns are the line's
    inner = Unit(unit.line, 2, unit.text[2:], unit.scope, rec)
    g = make_finding(RULE, doc, inner, s - 2, s + 1, extra="")
    assert (g.col, g.end_col) == (f.col, f.end_col) and g.message == "在“召回率”处："


def test_a_zero_width_finding_spans_one_column():
    doc = load_doc(DOC, "k.md")
    unit = answer_unit(doc)
    f = make_finding(RULE, doc, unit, 4, 4, extra="")
    assert (f.col, f.end_col) == (5, 6)


def test_the_quote_is_trimmed_and_shortened_to_the_limit():
    long = "甲" * 60
    doc = load_doc(f"### 1. 问题？\n\n**答案：** {long}\n", "k.md")
    unit = answer_unit(doc)
    s = unit.text.index("甲")
    quote = Rule("XT002", "quote-test", "info", "pattern", "“{match}”{unknown}", RuleDocs("w", "w", "f", "p"))
    assert make_finding(quote, doc, unit, s, s + MAX_QUOTE).message == "“" + "甲" * MAX_QUOTE + "”{unknown}"
    assert make_finding(quote, doc, unit, s, s + MAX_QUOTE + 1).message == "“" + "甲" * (MAX_QUOTE - 1) + "…”{unknown}"
    assert make_finding(quote, doc, unit, s - 1, s + 3).message == "“甲甲甲”{unknown}"  # the space before is trimmed
    assert make_finding(quote, doc, unit, s, s + 1, message="另一条：{match}").message == "另一条：甲"


def test_a_fix_is_made_only_when_a_replacement_is_given():
    doc = load_doc(DOC, "k.md")
    unit = answer_unit(doc)
    s = unit.text.index("召回率")
    assert make_finding(RULE, doc, unit, s, s + 3, extra="").fix is None
    assert make_finding(RULE, doc, unit, s, s + 3, fix_text="", extra="").fix == Fix(3, s + 1, s + 4, "")  # a deletion is a fix
    assert make_finding(RULE, doc, unit, s, s + 3, fix_text="查全率", extra="").fix == Fix(3, s + 1, s + 4, "查全率")


def test_a_finding_outside_any_record_has_no_record_id():
    doc = load_doc("# 笔记\n\n召回率衡量查全。\n", "k.md")
    (unit,) = [u for u in doc.units if u.record is None and "召回率" in u.text]
    f = make_finding(RULE, doc, unit, 0, 3, extra="")
    assert f.record_id is None and f.fingerprint == fingerprint("XT001", "k.md", unit.text, None, "召回率")


# -------------------------------------------------------------------------------------------- asks

ASKING = ("### 1. 召回率的定义\n\n"
          "**面试题：** 召回率是实际为正的样本中被预测为正的比例\n\n"
          "**答案：** 这是陈述。这是问题吗？\n\n"
          "#### 补充说明\n\n"
          "是否上线由产品决定。召回率衡量查全，与是否上线无关。\n")


@pytest.fixture(scope="module")
def asking():
    doc = load_doc(ASKING, "a.md")
    return {u.line: u for u in doc.units}


def test_an_items_question_and_title_ask_but_a_heading_inside_its_answer_does_not(asking):
    title, question, heading = asking[1], asking[3], asking[7]
    assert title.scope == "heading" and title.record["line_start"] == 1
    assert asks(title, 0, len(title.text))  # the heading that titles an item asks, question mark or not
    assert question.scope == "question" and asks(question, 0, 3)
    assert heading.scope == "heading" and heading.record["line_start"] == 1
    assert not asks(heading, 0, len(heading.text))  # a statement heading inside the answer


def test_the_sentence_around_the_span_decides(asking):
    u = asking[5]
    statement, question = u.text.index("这是陈述"), u.text.index("这是问题")
    assert not asks(u, statement, statement + 4)
    assert asks(u, question, question + 4)  # starts exactly where the statement ends
    assert asks(u, len(u.text), len(u.text))  # at the very end: the unit, which ends in 吗？


def test_a_yes_no_form_counts_only_inside_the_span(asking):
    u = asking[9]
    s = u.text.index("召回率")
    assert not asks(u, s, s + len("召回率衡量查全"))  # 是否 before it and after it, in statements
    yes_no = u.text.index("是否上线无关")
    assert asks(u, s, yes_no + 4)


# the built-in pack's one-term definition rules became claim rules; the definition kind's "term given
# another term's definition" form is still a kind a rule file can use: a rule file of the tests' own
DEFINITION_RULE = """rules:
  - code: FC990
    name: recall-given-precision-definition
    kind: definition
    term: recall
    given: precision
    severity: error
    message: '{term}被赋予了{given}的定义：“{match}”'
    docs:
      what: 召回率被定义成精确率的定义。
      why: 召回率是 TP/(TP+FN)。
      fail: '召回率是指预测为正的样本中真正为正样本的比例。'
      pass: '召回率是指实际为正的样本中被预测为正的比例。'
"""


@pytest.fixture(scope="module")
def with_definition(tmp_path_factory):
    path = tmp_path_factory.mktemp("rules") / "definition.yaml"
    path.write_text(DEFINITION_RULE, encoding="utf-8")
    return load_rules([path])


def test_definition_rules_judge_statements_only(with_definition):
    by_code = {r.code: r for r in with_definition[0]}
    assert judges_statements(by_code["FC990"]) and judges_statements(by_code["FC103"])
    assert not judges_statements(RULE)


# ------------------------------------------------------------------------------------ definitions

def lint(code: str, snippet: str, rules=None):
    rules, kb = rules or (RULES, KB)
    return Linter(rules, kb, select=[code]).lint_text(as_document(snippet), "d.md")


def test_a_term_given_another_terms_definition_is_quoted_in_the_message(with_definition):
    (f,) = lint("FC990", "召回率是指预测为正的样本中真正为正样本的比例。", with_definition)
    assert f.message == "召回率被赋予了精确率的定义：“预测为正的样本中真正为正样本”"
    assert (f.line, f.col, f.end_col) == (3, 14, 28)
    # a yes/no form after the definition, in the same statement, does not make it a question
    (g,) = lint("FC990", "召回率是指预测为正的样本中真正为正样本的比例，这个说法是否严谨另说。", with_definition)
    assert (g.line, g.col, g.end_col) == (3, 14, 28)


def test_two_terms_given_one_definition_by_text_or_by_meaning():
    same_text = "精确率、召回率和F1分数：分别表示一个常用的评价指标、一个常用的评价指标以及两者的调和平均。"
    (f,) = lint("FC103", same_text)  # no known definition, the same words
    assert f.message == "精确率和召回率被给出了完全相同的定义“一个常用的评价指标”"
    assert (f.line, f.col, f.end_col) == (3, 36, 45)
    same_meaning = "召回率、精确率和F1分数：分别是所有预测为正的样本中真实为正的比例、判定为正的样本中确实为正的占比以及调和平均。"
    (g,) = lint("FC103", same_meaning)  # other words, the one (precision's) definition
    assert g.message == "召回率和精确率被给出了完全相同的定义“判定为正的样本中确实为正的占比”"
    assert lint("FC103", "精确率、召回率：分别表示预测为正的样本中实际为正的比例、实际为正的样本中被预测为正的比例。") == []


def test_each_unit_of_a_document_is_read_for_definitions(with_definition):
    """The first answer line names the terms without defining them; the slips are on later lines."""
    doc = ("### 1. 精确率和召回率？\n\n**答案：** 精确率和召回率是两个常用指标。\n\n"
           "召回率是指预测为正的样本中真正为正样本的比例。\n\n"
           "精确率、召回率：分别表示一个常用的评价指标、一个常用的评价指标。\n")
    rules, kb = with_definition
    xd101 = Linter(rules, kb, select=["FC990"]).lint_text(doc, "d.md")
    assert [(f.code, f.line, f.col, f.end_col) for f in xd101] == [("FC990", 5, 6, 20)]
    fc103 = Linter(RULES, KB, select=["FC103"]).lint_text(doc, "d.md")
    assert [(f.code, f.line) for f in fc103] == [("FC103", 7)]
    both = Linter(rules, kb, select=["FC990", "FC103"]).lint_text(doc, "d.md")  # the rules share the bindings of each unit
    assert sorted((f.code, f.line) for f in both) == [("FC103", 7), ("FC990", 5)]
