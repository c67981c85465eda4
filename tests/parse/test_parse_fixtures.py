"""Fixture documents of our own, one per dialect the parser reads, each with its expected records
(`tests/fixtures/parse/NAME.md` and `NAME.expected.json`), plus the behaviours each one is for,
asserted outright so that a careless regeneration of the expectations cannot hide a regression.

Regenerate the expectations only deliberately, and read the diff:
    QATOOL_UPDATE_FIXTURES=1 .venv/bin/python -m pytest tests/parse/test_parse_fixtures.py
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from qatool.common.schema import validation_errors
from qatool.parse import parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.md"))
FIELDS = ("line_start", "line_end", "number", "kind", "section", "question", "answer", "analysis", "spans")


def parse(name: str):
    text = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    doc = parse_text(text, f"{name}.md")
    for rec in doc.records:
        assert validation_errors(rec) == [], rec
    return doc


def summary(doc) -> dict:
    return {
        "records": [{k: r[k] for k in FIELDS} for r in doc.records],
        "non_items": [[n.line, n.reason] for n in doc.non_items],
    }


@pytest.mark.parametrize("name", NAMES)
def test_fixture_gives_its_expected_records(name):
    got = summary(parse(name))
    path = FIXTURES / f"{name}.expected.json"
    if os.environ.get("QATOOL_UPDATE_FIXTURES"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_every_fixture_has_expectations():
    assert NAMES and all((FIXTURES / f"{n}.expected.json").is_file() for n in NAMES)


def qa(doc):
    return [(r["line_start"], r["line_end"], r["question"], r["answer"]) for r in doc.records]


@pytest.mark.parametrize("name", ["notes_tutorial", "readme_project", "toc_questions"])
def test_notes_readmes_and_tables_of_contents_give_no_records(name):
    doc = parse(name)
    assert doc.records == []
    assert any("no Q&A items" in p.message for p in doc.problems)


def test_question_label_without_answer_label_keeps_the_answer_out_of_the_question():
    doc = parse("bold_question_labels")
    assert [(r["number"], r["question"]) for r in doc.records] == [
        ("Q1", "什么是批归一化？"), ("Q2", "为什么残差连接能训练更深的网络？"),
        (None, "Dropout 在推理时怎么处理？"), (None, "什么是标签平滑？")]
    first = doc.records[0]
    assert first["answer"].startswith("批归一化在每个小批次上") and first["answer"].endswith("变得可用。")
    assert first["spans"]["answer"] == {"start": 5, "end": 7}
    assert any("no answer label" in w for w in first["parse_warnings"])


def test_analysis_only_items_use_it_as_the_answer_and_say_so():
    doc = parse("title_and_analysis_only")
    assert [r["question"] for r in doc.records] == ["动量法为什么能加速收敛？", "学习率预热解决什么问题？"]
    assert all(r["answer"] and r["analysis"] is None for r in doc.records)
    assert all(any("解析 text is used as the answer" in w for w in r["parse_warnings"]) for r in doc.records)


def test_labels_inside_blockquotes_and_details_answers():
    doc = parse("blockquote_and_details")
    assert [r["question"] for r in doc.records] == ["什么是词向量？", "分词为什么重要？", "什么是注意力机制？"]
    assert doc.records[0]["answer"] == "把词映射到稠密的低维向量，语义相近的词向量距离也近。"
    assert doc.records[1]["answer"].startswith("中文没有天然的词边界")
    assert "<details>" not in doc.records[2]["answer"] and "</details>" not in doc.records[2]["answer"]
    assert doc.records[2]["line_end"] == 16  # the closing </details> ends the item


def test_topic_headings_in_a_question_bank_and_imperative_questions_are_items():
    doc = parse("numbered_topics_bank")
    assert [(r["number"], r["title"]) for r in doc.records] == [
        (None, "平均绝对误差(MAE)"), (None, "均方误差(MSE)"), (None, "请简述一下精确率和召回率的区别。"),
        ("3.2.5", "实例理解反向传播"), ("3.2.6", "梯度检查")]
    assert [n.reason for n in doc.non_items if n.line == 15] == ["chapter"]


def test_chapters_toc_todo_link_and_image_bodies_are_non_items_with_a_reason():
    doc = parse("chapters_and_non_items")
    assert [r["number"] for r in doc.records] == ["4.1", "4.2"]
    assert doc.records[1]["line_end"] == 14  # the 返回目录 link after the answer is navigation
    reasons = {n.line: n.reason for n in doc.non_items}
    assert reasons == {1: "chapter", 3: "toc", 18: "placeholder", 22: "link-only", 26: "image-only", 30: "link-only"}


def test_every_numbering_style_is_parsed_and_stripped_from_the_question():
    doc = parse("numbering_styles")
    assert [(r["number"], r["question"]) for r in doc.records] == [
        ("1.2.3", "什么是偏差？"), ("Q10", "什么是方差？"), ("问题 3", "什么是正则化？"), ("题目008", "什么是交叉验证？"),
        ("一", "什么是特征缩放？"), ("１２", "什么是独热编码？"), ("第5题", "什么是过拟合？"),
        ("1-1", "什么是欠拟合？"), ("1-2", "如何缓解欠拟合？")]


def test_answer_subheadings_mid_answer_label_and_code_prose_stay_in_the_answer():
    doc = parse("answer_structure")
    first, second, third = doc.records
    assert "#### 总结" in first["answer"] and first["line_end"] == 13
    assert second["question"] == "为什么要做归一化？"
    assert second["answer"].startswith("归一化让不同特征处于相近的尺度") and "答：另外" in second["answer"]
    assert "代码实现: 调用框架" in second["answer"]
    assert third["question"].startswith("给定下面的代码，输出是什么？") and "print(sum(range(4)))" in third["question"]
    assert "要求：说明计算过程。" in third["question"] and third["answer"] == "输出 6，因为 0+1+2+3=6。"


def test_list_questions_with_nested_answers_and_interview_logs():
    doc = parse("list_questions")
    assert [(r["number"], r["line_start"], r["line_end"]) for r in doc.records] == [("1", 3, 6), ("2", 7, 8), ("4", 10, 13)]
    assert [n.line for n in doc.non_items if n.reason == "no-answer"] == [9]
    log = parse("interview_log")
    # narrative (我说了…), follow-up questions and links are not answers
    assert [(r["question"], r["line_start"], r["line_end"]) for r in log.records] == [
        ("如何无监督地学习句子表示", 13, 14), ("用程序估计圆周率", 23, 24)]
    assert {n.line: n.reason for n in log.non_items}[6] == "questions"


def test_one_question_per_file_and_bold_numbered_paragraphs():
    doc = parse("one_question")
    assert qa(doc)[0][:3] == (1, 5, "什么是梯度消失？")
    bold = parse("bold_numbered_paragraphs")
    assert [(r["number"], r["line_start"], r["line_end"]) for r in bold.records] == [("1", 3, 5), ("2", 7, 9), ("3", 11, 13)]


def test_reader_sign_off_and_footer_are_left_out_of_answers():
    doc = parse("signoff")
    assert [(r["line_start"], r["line_end"]) for r in doc.records] == [(3, 5), (13, 15)]
    assert "公众号" not in doc.records[0]["answer"] and "作者" not in doc.records[1]["answer"]
    assert any("sign-off" in w for w in doc.records[0]["parse_warnings"])


def test_unclosed_and_stray_fences_are_repaired_and_reported():
    doc = parse("fences_repair")
    assert [(r["number"], r["line_start"], r["line_end"]) for r in doc.records] == [("1", 3, 8), ("2", 10, 15), ("3", 17, 21)]
    assert [(p.line, "never closed" in p.message) for p in doc.problems] == [(5, True), (18, False)]
    assert doc.records[2]["code"] == [{"lang": "cpp", "text": "static_cast<int>(x);"}]


def test_a_labelled_placeholder_answer_is_an_item_a_placeholder_body_is_not():
    doc = parse_text("### 1. 什么是 X？\n\n**答案：** 待补充\n\n### 2. 什么是 Y？\n\n待补充\n\n### 3. 什么是 Z？\n\n", "p.md")
    assert [(r["number"], r["answer"]) for r in doc.records] == [("1", "待补充")]
    assert [(n.line, n.reason) for n in doc.non_items] == [(5, "placeholder"), (9, "empty")]


def test_a_stated_problem_keeps_the_sub_headings_that_answer_it():
    # `## 最近公共祖先` states a problem under a 问题描述 label and answers it in `###` sub-headings, at the
    # level where the document keeps its other items; the sub-heading with its own problem is an item
    doc = parse("stated_problems")
    spans = [(r["line_start"], r["line_end"]) for r in doc.records]
    assert (24, 39) in spans and (41, 47) in spans
    rec = next(r for r in doc.records if r["line_start"] == 24)
    assert "普通二叉树" in rec["answer"] and rec["spans"]["answer"]["end"] == 39
    assert not any(r["line_start"] in (30, 33, 36) for r in doc.records)
