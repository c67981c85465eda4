"""`A 和 B 分别 … X 和 Y …` read as one sentence per term, with the words the parts share (the lead
word of the first part, a place word after the items' shared last word): wording of my own."""
from __future__ import annotations

import pytest

from qatool.lint.engine import Linter

LINTER = Linter.default(select=["FC"])


def factual(text: str) -> list[str]:
    md = "### 1. 请谈谈你对这个问题的理解。\n\n**答案：**\n\n" + text + "\n"
    return sorted({f.code for f in LINTER.lint_text(md, "t.md") if f.code.startswith("FC")})


@pytest.mark.parametrize("text", [
    "BN 和 LN 分别在特征维度和 batch 维度上做归一化。",
    "层归一化与批归一化分别在 batch 维度和通道维度上计算均值方差。",
])
def test_each_term_gets_its_own_part_with_the_shared_words(text):
    assert factual(text)


@pytest.mark.parametrize("text", [
    "BN 和 LN 分别在 batch 维度和特征维度上做归一化。",  # the right pairing
    "对称量化和非对称量化分别只用 scale、以及用 scale 加 zero-point。",  # the last part's own words stay its own
    "BN 和 LN 并不是分别在特征维度和 batch 维度上做归一化，而是反过来。",
])
def test_right_pairings_and_an_item_of_its_own_are_not_claims(text):
    assert factual(text) == []
