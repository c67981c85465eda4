"""Claim readings added in the sixth session of 2026-12-01, in wording of my own: a possessive pronoun
owns what follows it (`它的主指标 mAP …`), a part named in apposition after `A 的<名词>` is A's, a clause
that opens with a verb of meaning says what the term before it means, terms coordinated before a stage
share what is said in it, a term that names when is not the subject a later 它 stands for; and what is not a claim: a bold
label that the line refutes (`**X**：错。`) or that stands under a heading of misconceptions, a count of
tokens beside a parameter count, a clause whose own subject is a name the glossary does not know."""
from __future__ import annotations

import pytest

from qatool.lint.engine import Linter


def codes(text: str, select: list[str]) -> list[str]:
    md = "### 1. 请谈谈你对这个问题的理解。\n\n**答案：**\n\n" + text + "\n"
    return sorted({f.code for f in Linter.default(select=select).lint_text(md, "t.md")})


@pytest.mark.parametrize("text,code", [
    # the possessive pronoun stands where it is, and owns the term after it
    ("COCO 数据集的图片来自日常场景。它的 mAP 只在 IoU = 0.5 这一个阈值下计算。", "FC461"),
    ("COCO 数据集的类别更多。它的核心指标 mAP 只用 IoU = 0.5 一个阈值。", "FC461"),
    # a clause opening with a verb of meaning goes on with the term before it
    ("风控里常看 recall，指的是预测为正的样本中真正为正的比例。", "FC101"),
    ("说到召回率，衡量的是预测为正的样本里有多少真的是正样本。", "FC101"),
    # terms coordinated before a stage (`A 和 B 预训练时都…`) are each said to do it
    ("GPT 和 BERT 预训练时都是在预测下一个 token。", "FC176"),
    # a term that only names when (`训练 X 时`) is not what the next sentence's 它 stands for
    ("训练 LSTM 时一般会加上梯度裁剪。它把梯度范数限制在阈值以内，同时解决了梯度过大和梯度过小两个问题。", "FC141"),
])
def test_bindings_that_now_read_the_claim(text, code):
    assert codes(text, [code]) == [code]


@pytest.mark.parametrize("text,code", [
    # a misconception named to be corrected
    ("1. **FlashAttention 用近似计算换速度**：错。它的结果与标准注意力一致，只是减少了显存读写。", "FC369"),
    ("- **FlashAttention 是一种近似注意力**：✗，它是精确的。", "FC369"),
    # a count of tokens is no parameter count
    ("缩放定律早期的结论偏向堆参数（于是有了 GPT-3 只训练 300B tokens 的做法）。", "FC383"),
    # the clause's own subject is a name the glossary does not know
    ("投机解码的标准方案是无损的。Lookahead 的变体是近似的，只保证大致相同的分布。", "FC408"),
])
def test_what_is_not_the_claim(text, code):
    assert codes(text, [code]) == []


def test_a_heading_of_misconceptions_makes_its_bold_labels_myths():
    myths = "### 三、常见误区\n\n1. **FlashAttention 是近似算法**：它数值上与标准实现一致。\n"
    points = "### 三、要点回顾\n\n1. **FlashAttention 是近似算法**：它数值上与标准实现一致。\n"
    lint = Linter.default(select=["FC369"]).lint_text
    assert [f.code for f in lint("# 面试题\n\n" + myths, "m.md")] == []
    assert [f.code for f in lint("# 面试题\n\n" + points, "p.md")] == ["FC369"]
