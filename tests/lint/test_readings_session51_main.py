"""Readings changed in the fifty-first session outside the helpers' groups, each shown on sentences of my own wording.

- FC367 (traps): the exchange between positions named and then said not to come from the FFN (`…之间的信息交换并不靠它`,
  `不是由它完成的`, `跟 FFN 无关`): the negation after the verb denies the claim.
- FC472, FC473 and the IoU check (the checks of worked numbers) read one mark of a sentence that calls its own numbers wrong: an
  F1 sentence that names false positives (`误报`) is checked now, and a ratio sentence that says it swapped names
  (`算反了`) is not.
- an answer that says its question's verb again (`…属于哪一类网络？选手：属于 RNN`): the answer is read in the place of the
  asking words and the noun after them (`Transformer 属于 RNN`), not after the noun left behind.
- `LSTM 的门` (a name of FC359's gates) is not read before `的数量`/`的个数`: the count of the gates is said of LSTM (FC356).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('FFN 对每个位置独立计算，不同位置之间的信息交换并不靠它。', 'FC367', False),  # (flagged by the starting code)
    ('前馈层逐 token 做变换，token 之间的信息交互不是由它完成的，而是靠注意力层。', 'FC367', False),  # (flagged by the starting code)
    ('FFN 负责位置之间的信息交换，靠它把上下文融合起来。', 'FC367', True),  # (guard)
    ('FFN 的作用是让不同位置之间交换信息，注意力只是辅助。', 'FC367', True),  # (guard)
    ('前馈网络让各个 token 之间互相交换信息，这一点不需要注意力层。', 'FC367', True),  # (guard)
    ('精确率 0.5、召回率 0.5 时 F1 为 0.8，误报也不多。', 'FC472', True),  # (missed by the starting code)
    ('precision 0.6、recall 0.6，F1 达到 0.9，误判的样本不多。', 'FC472', True),  # (missed by the starting code)
    ('精确率 0.5、召回率 0.5 时 F1 为 0.8，这里算错了，应为 0.5。', 'FC472', False),  # (guard)
    ('精确率 0.5、召回率 0.5 时 F1 为 0.5，误报也不多。', 'FC472', False),  # (guard)
    ('100 位确诊阳性用户中模型识别出 90 位，所以 TNR 为 90%，这里把名字算反了。', 'FC473', False),  # (flagged by the starting code)
    ('100 位确诊阳性用户中模型识别出 90 位，所以 TNR 为 90%。', 'FC473', True),  # (guard)
    ('主持人：Transformer 属于哪一类网络？选手：属于循环神经网络。', 'FC177', True),  # (guard)
    ('考官：Transformer 属于哪种模型？考生：属于 RNN 的一种。', 'FC177', True),  # (guard)
    ('主持人：Transformer 属于哪一类网络？选手：属于前馈的注意力网络，不是循环神经网络。', 'FC177', False),  # (guard)
    ('考官：Transformer 属于哪种模型？考生：属于基于自注意力的模型，不属于 RNN。', 'FC177', False),  # (guard)
    ('LSTM 的门的数量是 2 个。', 'FC356', True),  # (guard)
    ('LSTM 的门的数量是 3 个：输入门、遗忘门和输出门。', 'FC356', False),  # (guard)
    ('LSTM 的门一般用 tanh 激活。', 'FC359', True),  # (missed by the starting code)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
