"""Readings added in the fifty-third session by the merger, on sentences of my own wording.

- a negation right before 在 (`不会在推理时…`, `并没有在测试时…`) denies the verb phrase the term after 在 opens: it is
  not a negated condition frame (`在没有位置信息时`, `不加位置信息时`), whose negation is the condition's own. The
  starting code read `不会在推理时` as such a frame and flagged the denial (FC136, FC138).
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
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
