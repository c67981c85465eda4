"""Readings fixed in the fourteenth session (2026-12-03), in wording of my own.

A term that acts through another (`X 通过/借助/凭借/依靠 Y 做到 Z`) is said to do Z itself: the claim binds to X
as it binds to Y. Found because the synthetic bench's planted `LSTM 通过门控机制…解决了…梯度爆炸` slip went unflagged.
Traps: the same construction saying what is true, asking, or denied."""
from __future__ import annotations

import pytest

from qatool.lint.engine import Linter

DEFAULT = Linter.default()


def found(text: str) -> set[str]:
    return {f.code for f in DEFAULT.lint_text(text, "t.md")}


def item(answer: str) -> str:
    return f"### 1. 请谈谈你的理解。\n\n**答案：**\n{answer}\n"


@pytest.mark.parametrize("answer", [
    "LSTM 借助三个门彻底解决了梯度消失和梯度爆炸问题。",
    "LSTM 主要通过细胞状态的加法更新解决了梯度爆炸问题。",
    "LSTM 凭借遗忘门避免了梯度爆炸。",
    "在长序列上，LSTM 依靠门控结构根除了梯度爆炸。",
])
def test_a_term_acting_through_another_states_the_slip(answer):
    assert "FC150" in found(item(answer)), answer


@pytest.mark.parametrize("answer", [
    "LSTM 通过门控机制缓解了梯度消失，但梯度爆炸仍需要梯度裁剪。",
    "LSTM 通过门控机制能解决梯度爆炸吗？",
    "LSTM 并不能通过门控机制解决梯度爆炸。",
    "LSTM 借助加法形式的细胞状态更新缓解梯度消失；梯度爆炸要靠梯度裁剪。",
])
def test_the_same_construction_saying_what_is_true_is_not_flagged(answer):
    assert "FC150" not in found(item(answer)), answer
