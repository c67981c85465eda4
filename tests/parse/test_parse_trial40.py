"""Layouts the fortieth and forty-first untuned trials met, in wording of my own: a section that asks with a `**Q**:` label
and gives an empty `**A**:` label, whose answer is the sub-headings that follow. They are the answer's parts up to
the first one that asks or carries a number that does not count them (the document's own numbering going on). And a
link whose anchor holds parentheses, read as a link."""
from __future__ import annotations

from qatool.parse import parse_text

DOC = """# 归一化

### 3. 归一化有哪些类型

BN、LN、GN 等。

## 梯度裁剪的两种方式

**Q**: 按值裁剪和按范数裁剪有什么区别？

**A**:

### 按值裁剪

逐元素截断到区间 [-c, c]，会改变梯度方向。

### 按范数裁剪

整体缩放梯度，使其范数不超过阈值，方向不变。

### 什么时候用哪一种？

大模型训练一般按全局范数裁剪。

### 4. 权重衰减和 L2 正则一样吗

对 SGD 等价，对 Adam 不等价。
"""


def test_the_sub_headings_after_an_empty_answer_label_are_the_answer():
    recs = parse_text(DOC, "clip.md").records
    by_q = {r["question"]: r for r in recs}
    rec = by_q["按值裁剪和按范数裁剪有什么区别？"]
    assert "逐元素截断" in rec["answer"] and "方向不变" in rec["answer"]
    assert "按值裁剪" not in by_q and "按范数裁剪" not in by_q  # parts of the answer, not questions


def test_a_sub_heading_that_asks_or_goes_on_with_the_documents_numbering_is_an_item_of_its_own():
    qs = [r["question"] for r in parse_text(DOC, "clip.md").records]
    assert "什么时候用哪一种？" in qs
    assert any(q.startswith("权重衰减和 L2 正则一样吗") for q in qs)
    rec = next(r for r in parse_text(DOC, "clip.md").records if r["question"].startswith("按值裁剪和按范数裁剪"))
    assert "大模型训练" not in rec["answer"] and "对 Adam 不等价" not in rec["answer"]


def test_numbered_parts_under_the_label_count_the_answers_own_points():
    text = DOC.replace("### 按值裁剪", "### 1. 按值裁剪").replace("### 按范数裁剪", "### 2. 按范数裁剪")
    rec = next(r for r in parse_text(text, "clip.md").records if r["question"].startswith("按值裁剪和按范数裁剪"))
    assert "逐元素截断" in rec["answer"] and "方向不变" in rec["answer"]


def test_an_answer_label_with_text_of_its_own_keeps_the_sub_headings_apart():
    text = DOC.replace("**A**:\n", "**A**: 两者都能防止梯度爆炸。\n")
    rec = next(r for r in parse_text(text, "clip.md").records if r["question"].startswith("按值裁剪和按范数裁剪"))
    assert rec["answer"].startswith("两者都能防止梯度爆炸")


def test_a_link_whose_anchor_holds_parentheses_is_a_link():
    # (the forty-first trial: a table of contents of headings linking to anchors such as `#fork()和vfork()…`)
    text = ("# 进程专题\n\n#### [1.什么是孤儿进程？](#什么是孤儿进程？)\n#### [2.fork()和vfork()有什么区别？](#fork()和vfork()有什么区别？)\n"
            "#### [3.malloc(0)会返回什么？](#malloc(0)会返回什么？)\n\n## 进程基础\n\n进程是资源分配的基本单位。\n")
    reasons = {n.line: n.reason for n in parse_text(text, "toc.md").non_items}
    assert reasons[3] == reasons[4] == reasons[5] == "link-only"


ONE_PER_FILE = """# 梯度裁剪有哪些方式？

> 难度：中等
> 分类：训练

## 简短回答

按值裁剪和按范数裁剪两种。

## 详细解析

### 按值裁剪

逐元素截断。

### 为什么大模型常用按范数裁剪？

它不改变梯度方向。
"""


def test_a_file_of_one_question_answered_under_a_short_answer_heading_is_one_item():
    # (the forty-second trial: machine-written banks put one question per file, `## 简短回答` then `## 详细解析`)
    recs = parse_text(ONE_PER_FILE, "clip.md").records
    assert [r["question"] for r in recs] == ["梯度裁剪有哪些方式？"]
    assert recs[0]["answer"].startswith("## 简短回答") or "按值裁剪和按范数裁剪两种" in recs[0]["answer"]
    assert "不改变梯度方向" in recs[0]["answer"]


def test_a_bank_whose_first_heading_asks_keeps_its_items():
    text = ONE_PER_FILE.replace("## 简短回答", "## 1. 梯度为什么会爆炸？").replace("## 详细解析", "## 2. 怎么发现梯度爆炸？")
    qs = [r["question"] for r in parse_text(text, "clip.md").records]
    assert "梯度为什么会爆炸？" in qs and "梯度裁剪有哪些方式？" not in qs


def test_no_item_starts_inside_a_fence_that_a_details_block_leaves_open():
    # (found by the property test: `<details>` then an unclosed ```python, with a label and an answer below)
    text = "<details><summary>答案</summary>\n```python\n## 第一章 基础\n**问题描述**\n**答案：** X 是 Y。\n"
    doc = parse_text(text, "gen.md")
    code = {ln.no for ln in doc.scan.lines if ln.kind in ("code", "fence")}
    assert all(r["line_start"] not in code for r in doc.records)
