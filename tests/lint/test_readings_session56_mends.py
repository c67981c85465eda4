"""Mends of the fifty-sixth session made by me (not by a helper), each shown on sentences of my own wording.

- a bullet glyph pasted from a slide or a word processor (`•`, `●`, `▪`, `·`…) that opens a line is read past as
  Markdown's own list marker is (`document._OPENING_BULLET_RE`): a pair set side by side at the head of such a line
  (`• A vs B | 两者都…`) was read as starting with the glyph and lost its reading as the subject of what follows; a
  phrasing of the fourteenth set (in three dialects) was lost this way by the fifty-fifth session's field reading.

Merge mends, each found by the dump of every phrasing set against the session's starting code:
- the operation named bare (`convolution`, a term helper C gave to FC182) is a subject of FC184 as well, which reads the
  same misconception (four phrasings of earlier sets lost when `convolution` stopped being read as the convolution layer);
- an F1 whose formula stands between its name and its value (`F1 = 2PR/(P+R) = 0.5`) is read at the value, and a number
  that opens a formula (`2PR`) is no value (f1check: a premise helper C's follow-up question left stated, `…F1 = 2PR/(P+R)
  只有 0.18，你能解释…吗？`, was read as stating F1 = 2);
- two terms asked about whose second has an owner named before it (`ZeRO 与 Megatron 的张量并行有何区别？`) are both what
  the answer's 二者 goes back to after a clause that says they do not differ (`没有区别，二者都…`): the fifty-third set's
  ZeRO phrasing, lost by the fifty-fifth session's field reading (claims._COORD_OWNED_RE).
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


MERGE_CASES = [
    ('因为 convolution 在每个输出位置都用一组独立的权重，所以它的参数比全连接层还多。', 'FC184', True),  # (missed by the starting code)
    ('convolution 的每个输出位置都有各自独立的卷积核，因此参数比全连接层多。', 'FC184', True),  # (caught by the starting code)
    ('convolution 在所有空间位置共享同一组权重，所以参数比全连接层少得多。', 'FC184', False),  # (guard)
    ('P = 0.9，R = 0.1，F1 = 2PR/(P+R) 只有 0.18，它为什么被较小的那一项拉低，你能解释吗？', 'FC472', False),  # (guard: the formula's 2 is no value)
    ('精确率 0.6、召回率 0.3 时，F1 = 2PR/(P+R) = 0.45。', 'FC472', True),  # (caught by the starting code, which read F1 = 2; now read at its value)
    ('精确率 0.6、召回率 0.3 时，F1 = 2PR/(P+R) = 0.4。', 'FC472', False),  # (flagged by the starting code, as F1 = 2)
    ('ZeRO 跟 Megatron 的 tensor parallel 有啥区别？没啥区别，二者都在切分矩阵运算。', 'FC431', True),  # (missed by the starting code)
    ('CBOW 与 Google 的 Skip-gram 有何区别？没有区别，二者都是用中心词预测上下文。', 'FC432', True),  # (missed by the starting code)
    ('ZeRO 跟 Megatron 的 tensor parallel 有啥区别？区别很大：二者一个分片存状态，一个切分矩阵运算。', 'FC431', False),  # (guard)
    ('CBOW 与 Google 的 Skip-gram 有何区别？区别在方向：前者用上下文预测中心词，后者用中心词预测上下文。', 'FC432', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", MERGE_CASES)
def test_merge_mends(text, code, expected):
    assert (code in found(item(text))) is expected, text
