"""Mends of the fifty-sixth session made by me (not by a helper), each shown on sentences of my own wording.

- a bullet glyph pasted from a slide or a word processor (`•`, `●`, `▪`, `·`…) that opens a line is read past as
  Markdown's own list marker is (`document._OPENING_BULLET_RE`): a pair set side by side at the head of such a line
  (`• A vs B | 两者都…`) was read as starting with the glyph and lost its reading as the subject of what follows; a
  phrasing of the fourteenth set (in three dialects) was lost this way by the fifty-fifth session's field reading.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did
CASES = [
    ('• ZeRO vs Megatron 张量并行，原理一致：都把矩阵乘法切到多卡上算。', 'FC431', True),  # (missed by the starting code)
    ('● CBOW vs Skip-gram，思路一样：都是拿中心词去猜周围的词。', 'FC432', True),  # (missed by the starting code)
    ('▪ CBOW vs Skip-gram，本质一样：都是用中心词预测上下文。', 'FC432', True),  # (missed by the starting code)
    ('• ZeRO vs Megatron 张量并行，原理不同：前者分片存储模型状态，后者切分矩阵乘法。', 'FC431', False),  # (guard)
    ('● CBOW vs Skip-gram，思路相反：前者用上下文预测中心词，后者用中心词预测上下文。', 'FC432', False),  # (guard)
    ('• CBOW vs Skip-gram，都是用中心词预测上下文吗？不是。', 'FC432', False),  # (guard: a question, then its denial)
    ('• K-means vs 层次聚类 | 两者都属于监督学习算法 | 易', 'FC438', True),  # (caught by the starting code)
    ('• K-means vs 层次聚类 | 两者都属于无监督的聚类算法 | 易', 'FC438', False),  # (guard)
    ('· ZeRO 本质上就是张量并行，只不过由 DeepSpeed 实现。', 'FC431', True),  # (caught by the starting code)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
