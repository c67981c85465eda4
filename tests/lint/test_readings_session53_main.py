"""Readings added in the fifty-third session by the merger, on sentences of my own wording.

- a negation right before 在 (`不会在推理时…`, `并没有在测试时…`) denies the verb phrase the term after 在 opens: it is
  not a negated condition frame (`在没有位置信息时`, `不加位置信息时`), whose negation is the condition's own. The
  starting code read `不会在推理时` as such a frame and flagged the denial (FC136, FC138). Not across a colon after the
  term (`毛病不在 warmup：…`): what follows the colon is a statement of its own.
- merge mends: a no that echoes a verb whose characters stand twice in the question (`算聚类算法吗？不算`) leaves the
  question asked, and so does a no to a tag question (`…，对吗？不对`); helper A's reading had put the 不 inside 算法
  and read the tagged statement as said; and so does a no to a verb that ends the question and judges the whole of it
  (`降到 5 维行吗？不行`, a session-38 trap the whole `tests/lint` found flagged).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were flagged by it
CASES = [
    ('Dropout 不会在推理时继续随机丢弃神经元。', 'FC136', False),  # (flagged by the starting code)
    ('模型不会在推理阶段继续随机丢弃神经元。', 'FC136', False),  # (flagged by the starting code)
    ('BN 不会在推理时使用当前 batch 的均值和方差。', 'FC138', False),  # (flagged by the starting code)
    ('我们并没有在测试时用当前批次的统计量做归一化。', 'FC138', False),  # (flagged by the starting code)
    ('Dropout 在推理时也会随机丢弃神经元。', 'FC136', True),  # (guard)
    ('Dropout 会在推理时继续随机丢弃神经元吗？', 'FC136', False),  # (guard)
    ('在推理时，BN 依然使用当前 batch 的均值和方差。', 'FC138', True),  # (guard)
    ('BN 不是在训练时用滑动均值，在推理时用的是当前 batch 的均值和方差。', 'FC138', True),  # (guard)
    ('BN 层在推理时并不会再用当前 batch 的统计量。', 'FC138', False),  # (guard)
    ('毛病不在 warmup：前 500 步把学习率从 1e-3 慢慢降到 1e-5，本来就是预热的常规操作。', 'FC145', True),  # (guard)
    ('我觉得不在 warmup：它就是在训练开始时把学习率逐步降低。', 'FC145', True),  # (guard)
    ('阿杰：K 近邻算聚类算法吗？老韩：不算，它是有监督的。', 'FC441', False),  # (guard)
    ('阿杰：早停需要验证集吗？老韩：不需要。', 'FC137', True),  # (missed by the starting code)
    ('用户：召回率就是预测为正的样本里真正为正的比例，对吗？客服：不对，那是精确率。', 'FC101', False),  # (guard)
    ('用户：F1 是精确率和召回率的算术平均，是吗？客服：不是，是调和平均。', 'FC108', False),  # (guard)
    ('用户：召回率就是预测为正的样本里真正为正的比例，对吗？客服：对。', 'FC101', True),  # (guard)
    ('甲：二分类任务拿 LDA 降成 3 维行吗？乙：不行，只能到 1 维。', 'FC443', False),  # (guard)
    ('甲：两类样本用 LDA 投到 2 维可以吗？乙：不可以，最多 1 维。', 'FC443', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
