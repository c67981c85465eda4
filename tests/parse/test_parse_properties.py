"""Property tests of the parser on generated Markdown: it never raises, it is deterministic, its
line spans hold together, and the lint view can always be built from it."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qatool.common.schema import validation_errors
from qatool.lint.document import doc_from_parsed
from qatool.parse import parse_text

PIECES = [
    "# 标题", " ### 2. 缩进一格的题？", "   ## 三格缩进", " ### 1. ", "## 第一章 基础", "### 1. 什么是X？", "#### 1.2.3 实例", "### Q：为什么？", "## 平均绝对误差(MAE)", "#", "####### 七级",
    "标题\n===", "小节\n---", "---", "***", "- [ ] TODO", "待补充",
    "**题目**：解释 X。", "**答案：** X 是 Y。", "答：好。", "问：什么是 Z？", "> **题目**: 引用里的题", "> A：引用里的答",
    "**解析**：因为。", "#### 解析：**", "**问题描述**", "**Q1：什么是 W？**", "**3.如何做；**", "2.为什么这样?", "**1-1** QA：什么？",
    "1. 简述 BN 的作用", "   - **答案**：归一化。", "    > 嵌套的回答。", "- 自我介绍", "- 【算法】手写排序", "  - 我说了两个思路",
    "- [链接](https://example.org)", "[返回目录](#目录)", "![图](a.png)", "详细参考：https://example.org/x",
    "```python", "```", "~~~", "    缩进代码", "x = 1", "<details><summary>答案</summary>", "</details>", "<!-- 注释 -->",
    "| a | b |", "| - | - |", "| 1 | 2 |", "点个在看，关注公众号", "普通的一段说明文字。", "<|vq_1|>### 2. 粘连标题", "  ", "\t- tab",
]
MARKDOWN = st.lists(st.sampled_from(PIECES), max_size=40).flatmap(
    lambda parts: st.lists(st.sampled_from(["\n", "\n\n"]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps))))
TEXT = st.one_of(MARKDOWN, st.text(alphabet=st.sampled_from(list("#>-*_`~|<!?？：:.1 \n\t[]()答问题Q")), max_size=200))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_parser_never_raises_is_deterministic_and_spans_hold(text):
    doc = parse_text(text, "gen.md")
    again = parse_text(text, "gen.md")
    assert doc.records == again.records
    assert [(n.line, n.end, n.title, n.reason) for n in doc.non_items] == [(n.line, n.end, n.title, n.reason) for n in again.non_items]
    assert [str(p) for p in doc.problems] == [str(p) for p in again.problems]
    n_lines = text.count("\n") + 1
    ids = set()
    for rec in doc.records:
        assert validation_errors(rec) == [], rec
        assert 1 <= rec["line_start"] <= rec["line_end"] <= n_lines
        for span in rec["spans"].values():
            if span is not None:
                assert 1 <= span["start"] <= span["end"] <= n_lines
        ids.add(rec["id"])
    assert len(ids) == len(doc.records)
    starts = [r["line_start"] for r in doc.records]
    assert starts == sorted(starts)
    for n in doc.non_items:
        assert 1 <= n.line <= n_lines
    lint = doc_from_parsed(doc, text)
    assert all(1 <= u.line <= n_lines for u in lint.units)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKDOWN)
def test_records_do_not_overlap_and_stay_out_of_code(text):
    doc = parse_text(text, "gen.md")
    code_lines = {ln.no for ln in doc.scan.lines if ln.kind in ("code", "fence")}
    prev_end = 0
    for rec in doc.records:
        if rec["spans"]["analysis"] is None or rec["spans"]["analysis"]["start"] <= rec["line_end"]:
            assert rec["line_start"] > prev_end, (rec["line_start"], prev_end)
            prev_end = rec["line_end"]
        assert rec["line_start"] not in code_lines


def test_atx_headings_indented_up_to_three_spaces_are_headings():
    # CommonMark allows 0-3 spaces before `#`; such a heading once had level 0 and emptied the section stack
    text = (" ### 1. 什么是预训练？\n\n**答案：** 在大规模语料上先训练。\n\n"
            "   ### 2. 什么是微调？\n\n**答案：** 在下游任务上继续训练。\n\n ### 3. \n")
    doc = parse_text(text, "indented.md")
    assert [r["question"] for r in doc.records] == ["什么是预训练？", "什么是微调？"]
    assert [r["number"] for r in doc.records] == ["1", "2"]


@pytest.mark.xfail(strict=True, reason="known parser defect (found by a random draw, 2026-12-03): a level-1 heading inside a "
                   "fence left open after a recovery heading becomes a record while the line scan keeps it as code")
def test_a_level_one_heading_inside_a_reopened_fence_is_no_record():
    text = ("# 标题\n" * 6 + "**题目**：解释 X。\n```python\n## 第一章 基础\n<details><summary>答案</summary>\n```python\n\n"
            "# 标题\n**3.如何做；**\n")
    doc = parse_text(text, "gen.md")
    code_lines = {ln.no for ln in doc.scan.lines if ln.kind in ("code", "fence")}
    assert all(rec["line_start"] not in code_lines for rec in doc.records)
