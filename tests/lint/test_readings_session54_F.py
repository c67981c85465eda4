"""Readings added in the fifty-fourth session (group F), from the misses of the fifty-second phrasing set, each shown
on sentences of the helper's own wording.

- a sentence in the classical (文言) register (`_classical`) reads more of its words in the modern one, position for
  position: 为 as a copula read as 是 (`本为一物`, `皆为 basic block`), 其 as 它, 于 opening a phrase as 在, 唯 as 只,
  二 before what it counts as 两, 则 as 就; `以 X 为 Y` as `用 X 作 Y` (`以 ReLU 为激活`, FC348); and a topic said by
  者 with what it is closed by 也 or 耳 (`ReLU 者，线性函数也`) as `ReLU 是线性函数` (FC345, FC344); a question
  (`…乎？`), a negation (`非…`, `并不是`) and the correct fact in the same register stay clean;
- FC344: the product written with 乘 (`x 乘 sigmoid(x)`), as `x·sigmoid(x)` is;
- FC355, FC356: gates counted with no measure word, as the classical register counts (`GRU 三门`, `LSTM 二门`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('Swish 与 GELU 之别，世人多不察；GELU 之式，实为 x 乘 sigmoid(x) 耳。', 'FC344', True),  # (missed by the starting code)
    ('GELU 的公式是 x 乘 sigmoid(x)。', 'FC344', True),  # (missed by the starting code)
    ('GELU 者，x 乘以 sigmoid(x) 之谓也。', 'FC344', True),  # (guard)
    ('SiLU 之式乃 x 乘 sigmoid(x)，GELU 则为 x 乘 Φ(x) 也。', 'FC344', False),  # (guard)
    ('GELU 之式为 x 乘 sigmoid(x) 乎？', 'FC344', False),  # (guard)
    ('GELU 之式非 x 乘 sigmoid(x)，乃 x 乘 Φ(x) 也。', 'FC344', False),  # (guard)
    ('GELU 的公式并不是 x 乘 sigmoid(x)，那是 SiLU。', 'FC344', False),  # (guard)
    ('SiLU 的公式是 x 乘 sigmoid(x)。', 'FC344', False),  # (guard)
    ('SiLU 与 GELU 之曲线相近，然 GELU 之式本为 x 乘 Φ(x)，与 SiLU 异也。', 'FC344', False),  # (guard)
    ('ReLU 者，线性之函数也。', 'FC345', True),  # (missed by the starting code)
    ('ReLU 者，线性函数也，叠之百层亦无益。', 'FC345', True),  # (missed by the starting code)
    ('Sigmoid 者，非线性函数也。', 'FC345', False),  # (guard)
    ('ReLU 者，分段线性而非线性函数也。', 'FC345', False),  # (guard)
    ('ReLU 者，线性函数乎？', 'FC345', False),  # (guard)
    ('ReLU 者，乃非线性函数也，故深网可拟万般之函数。', 'FC345', False),  # (guard)
    ('LLaMA 之 FFN 以 ReLU 为激活也。', 'FC348', True),  # (missed by the starting code)
    ('LLaMA 之 FFN，余观其码，以 ReLU 为激活焉。', 'FC348', True),  # (missed by the starting code)
    ('LLaMA 之 FFN 以 SwiGLU 为激活，原始 Transformer 乃以 ReLU 为之也。', 'FC348', False),  # (guard)
    ('LLaMA 之 FFN 以 ReLU 为激活乎？', 'FC348', False),  # (guard)
    ('ResNet-50 之残差单元，皆为两层 3×3 卷积之 basic block 也。', 'FC354', True),  # (guard)
    ('ResNet-50 之单元皆为瓶颈块，basic block 唯 ResNet-18、34 用之。', 'FC354', False),  # (guard)
    ('ResNet-50 之单元皆为 basic block 乎？', 'FC354', False),  # (guard)
    ('GRU 之隐藏状态以外，另有一细胞状态，其与 LSTM 同也。', 'FC361', True),  # (guard)
    ('GRU 之每步唯出 h_t，细胞状态并入其中，与 LSTM 异也。', 'FC361', False),  # (guard)
    ('GRU 之式中另有细胞状态乎？', 'FC361', False),  # (guard)
    ('GRU 三门，LSTM 两门。', 'FC355', True),  # (missed by the starting code)
    ('GRU 凡三门，较 LSTM 为繁。', 'FC355', True),  # (missed by the starting code)
    ('GRU 三门，LSTM 两门。', 'FC356', True),  # (missed by the starting code)
    ('LSTM 之为物，二门而已，遗忘与输入也。', 'FC356', True),  # (missed by the starting code)
    ('LSTM 三门，GRU 二门，盖 GRU 后出而更简也。', 'FC355', False),  # (guard)
    ('LSTM 三门，GRU 二门，盖 GRU 后出而更简也。', 'FC356', False),  # (guard)
    ('GRU 非三门，乃二门也。', 'FC355', False),  # (guard)
    ('GRU 三门乎？', 'FC355', False),  # (guard)
    ('LSTM 二门乎？', 'FC356', False),  # (guard)
    ('LSTM 有三门：输入门、遗忘门、输出门。', 'FC356', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
