"""Readings and rule phrasings added in the fifty-second session (group B), from the misses of the fiftieth phrasing
set, each shown on sentences of the helper's own wording.

- a belief reported (`把 X 当成了 Y`) and the writer's verdict on it before a colon (`，这是反的：…`, `，这不对：…`): what
  follows the colon is what the writer says is so, stated (FC359);
- FC178: the English `complexity` (`time complexity`, `computational complexity`) read as 复杂度;
- FC177: the Transformer's encoder or decoder said to be a recurrent network (`编码器本质上是一个多层 LSTM`);
- FC180: RNN/LSTM/GRU and the Transformer named as a pair, their parallelism then said to be the same;
- FC364: self-attention said to take the order into account (`考虑…顺序`), not where position encoding makes it so.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('面试时我把 tanh 当成了 LSTM 门的激活，这是反的：LSTM 的门都用 tanh，只有细胞状态更新才用 sigmoid。', 'FC359', True),  # (missed by the starting code)
    ('队友把门的激活写成了 sigmoid，这不对：LSTM 的门用的是 tanh。', 'FC359', True),  # (missed by the starting code)
    ('队友把门的激活写成了 tanh，这是反的：LSTM 的门用的是 sigmoid，tanh 用在候选细胞状态上。', 'FC359', False),  # (guard)
    ('有人把 GPT 当成了单向模型，这是反的：GPT 其实是单向的，只看左边。', 'FC174', False),  # (guard)
    ('标准 self-attention 的 time complexity 是 O(n)。', 'FC178', True),  # (missed by the starting code)
    ('self-attention 每算一层的 computational complexity 都是线性的。', 'FC178', True),  # (missed by the starting code)
    ('标准 self-attention 的 complexity 是 O(n²·d)，线性注意力才是 O(n·d)。', 'FC178', False),  # (guard)
    ('self-attention 的 complexity 是线性的吗？', 'FC178', False),  # (guard)
    ('Transformer 的编码器本质上是一个多层 LSTM。', 'FC177', True),  # (missed by the starting code)
    ('原始 Transformer 的解码器其实就是单向 RNN，只是加了注意力。', 'FC177', True),  # (missed by the starting code)
    ('Transformer 的编码器并不是 RNN，而是自注意力层加前馈层的堆叠。', 'FC177', False),  # (guard)
    ('Transformer 出现之前，seq2seq 的编码器通常是一个双向 LSTM。', 'FC177', False),  # (guard)
    ('Transformer 的编码器是 RNN 吗？', 'FC177', False),  # (guard)
    ('LSTM 跟 Transformer 的并行程度基本相同。', 'FC180', True),  # (missed by the starting code)
    ('GRU 与 Transformer 在序列维度上的并行能力其实差不多。', 'FC180', True),  # (missed by the starting code)
    ('RNN 和 Transformer 在时间维度上的并行度完全不一样。', 'FC180', False),  # (guard)
    ('GRU 与 Transformer 在时间维度上的并行度并不相同。', 'FC180', False),  # (guard)
    ('RNN 和 Transformer 的并行度一样吗？', 'FC180', False),  # (guard)
    ('自注意力层本身就考虑了 token 的排列顺序。', 'FC364', True),  # (missed by the starting code)
    ('做 self-attention 时模型天然会考虑词语的先后顺序，用不着额外的位置信息。', 'FC364', True),  # (missed by the starting code)
    ('自注意力本身不考虑 token 的先后顺序，要靠位置编码。', 'FC364', False),  # (guard)
    ('自注意力加上位置编码之后才能考虑词序。', 'FC364', False),  # (guard)
    ('自注意力会考虑 token 的先后顺序吗？', 'FC364', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
