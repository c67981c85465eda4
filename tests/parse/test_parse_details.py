"""Collapsible questions, in wording of my own: `<details>` / `<summary>问题</summary>` / the answer /
`</details>` (the layout of notes that fold each answer away). The summary is the question, the answer is
what the collapsible holds (a bold question inside it is answer text), and a summary that is an
answer label (`<summary>答案</summary>`) stays the answer's wrapper."""
from __future__ import annotations

from qatool.parse import parse_text

FOLDED = """## 深度学习基础

<details>
<summary>为什么需要激活函数？</summary>

<br>

**核心原因**

没有非线性，多层线性变换叠起来仍是一个线性变换。

**那为什么不用多项式？**

多项式在输入较大时数值会爆炸。

</details>

<details>

<summary>批归一化</summary>

对每个通道在小批量上做标准化，再做可学习的缩放和平移。

</details>
"""


def test_each_summary_is_a_question_answered_by_what_it_folds():
    doc = parse_text(FOLDED, "notes.md")
    got = [(r["question"], r["line_start"]) for r in doc.records]
    assert got == [("为什么需要激活函数？", 3), ("批归一化", 18)]
    first, second = (r["answer"] for r in doc.records)
    assert first.startswith("**核心原因**") and "**那为什么不用多项式？**" in first and "数值会爆炸" in first
    assert "<br>" not in first and "</details>" not in first
    assert second.startswith("对每个通道") and "<summary>" not in second


def test_a_single_summary_that_names_a_topic_is_no_question():
    one = FOLDED.split("<details>\n\n<summary>批归一化")[0]
    doc = parse_text(one.replace("为什么需要激活函数？", "激活函数的作用与选择"), "one.md")
    assert [r["question"] for r in doc.records] == []


def test_an_answer_label_summary_is_still_the_answer():
    md = "### 1. 什么是过拟合？\n\n<details><summary>答案</summary>\n\n模型记住了训练集的噪声，在新数据上表现差。\n\n</details>\n"
    doc = parse_text(md, "a.md")
    assert [(r["question"], r["answer"].strip()) for r in doc.records] == [("什么是过拟合？", "模型记住了训练集的噪声，在新数据上表现差。")]
