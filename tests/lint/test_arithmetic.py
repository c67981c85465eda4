"""FC470 stated-arithmetic-wrong: an equation of plain numbers whose sides are not equal (in wording of my own)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qatool.lint.arithmetic import wrong_equations
from tests.lint.readings import found, item

FLAGGED = [
    "每个头 64 维、共 12 个头，所以隐藏维度是 512 = 12 × 64。",
    "两步都选中的概率是 0.3 × 0.9 = 0.36。",
    "按公式 F1 = 2 × 0.9 × 0.5 / (0.9 + 0.5) = 0.7，比上周高。",  # (0.643: the arithmetic mean's 0.7)
    "显存按 $4 \\times 1024 \\times 1024 = 2097152$ 字节估算。",  # (4194304: half of it written)
    "一个 token 的 KV cache 是 2 × 32 × 4096 × 2 = 262144 字节，再乘层数即可。",  # (524288)
    "总步数 = 10000 / 32 = 31.25 步，取整后 313 步。",  # (312.5: the first result is wrong)
    "（举例：7 − 3 = 5）",
    "预测值为 1.5 + 2.25 – 0.75 = 4.0。",  # (an en dash as the minus: 3.0)
    "用两类样本数各除以一万：P(C=0) = 8700/100000 = 0.87。",  # (0.087 as written)
]

NOT_FLAGGED = [
    "每个头 64 维、共 12 个头，所以隐藏维度是 768 = 12 × 64。",
    "两步都选中的概率是 0.3 × 0.9 = 0.27。",
    "1/3 = 0.33，保留两位小数。",  # rounded to the decimals written
    "7 / 2 = 3（整除）。",  # within half a unit of 3.5
    "1000 / 3 = 330，大约三百三。",  # within 5%: `=` often stands for "about"
    "2^10 = 1000 左右。",  # a power is not read (in code `^` is XOR: `5 ^ 25 = 28`)
    "参数量 W1 = 2 × 3 只是记号。",  # a name on the left
    "7B × 2 = 7GB 的说法来自 INT8。",  # units: the weight-memory check's business, not arithmetic
    "层数 3-5 = 2 种设置。",  # an ASCII hyphen between digits is a range
    "1024 × 1024 = 1,048,576。",  # a digit group after the run
    "1 / 2 = 50%。",  # a percentage
    "有人写 2 × 3 = 7，这是算错了。",  # reported to be refuted
    "2 × 3 = 7 吗？",  # asked
    "d_k = 512 / 8 = 64，每个头 64 维。",
    "score = 0.5 * 2",
    # things counted or a magnitude after the number (`4 + 1 + 1 = 3 枚` counts coins), an expression that goes on
    # across words in the clause, a power a copy flattened
    "卷积核参数量为 3 × 3 × 64 × 128 = 36864 个。",
    "贪心找零：4 + 1 + 1 = 3 枚硬币。",
    "3 层就能存 2000 × 2000 × 2000 = 80 亿条记录。",
    "总分为单选 15×6 + 多选 5×12 = 150 分。",
    "平衡损失 = 0.82+0.22 = 0.68（上标丢了）。",
    # rounded up or down to a whole number (a ceiling, an integer division)
    "需要的块数为 ceil(N/B) = 1000/300 = 4 块。",
    "每个线程块 320/32 = 10 个线程束，最多放 48/10 = 4 个块。",
    # a side next to something that is not a number: `@`, `≈`, `}`, `±`, a unit after a space
    "Recall@5 = 2/3 ≈ 0.67。",
    "$V = 5 + \\frac{1}{4}(8 - 5) = 5 + 0.75 = 5.75$",
    "$2 \\times 1024 \\times 1024 = 2{,}097{,}152 \\text{ 字节} \\approx 2 \\text{ MB}$",
    "均值为 64.75，误差 = 2.365 × 2.43 × 0.743 = 64.75 ± 4.27。",
    "总共 2 × 1024 × 1024 = 2 MB。",
    "*x*[a] + *x*[b] – 3.5 = 0.",
    # called wrong in its own sentence
    "只写方程（错误答案）：(3 + 10 × 0.5) = 6。",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_flagged(text):
    assert "FC470" in found(item(text)), text


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_not_flagged(text):
    assert "FC470" not in found(item(text)), text


def test_the_finding_names_the_expression_and_both_values():
    (s, e, expr, actual, stated), = wrong_equations("隐藏维度是 512 = 12 \\times 64。")
    assert (expr, actual, stated) == ("12 × 64", 768.0, "512")
    assert "隐藏维度是 512 = 12 \\times 64。"[s:e] == "512 = 12 \\times 64"


def test_code_blocks_are_not_read():
    doc = "### 1. 题\n\n**答案：**\n\n```python\nassert 2 * 3 == 7  # 2 * 3 = 7\n```\n"
    assert "FC470" not in found(doc)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.+-−×*/÷·^()（）=＝ $\\timescdot%,，a", max_size=40))
def test_never_raises(text):
    for s, e, _expr, _actual, _stated in wrong_equations(text):
        assert 0 <= s < e <= len(text)
