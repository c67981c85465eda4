"""Readings added in the fifty-sixth session (group H), from the misses of the fifty-fourth phrasing set, each shown on
sentences of the helper's own wording.

- Dropout named, then said to be kept on with no adverb (`Dropout 保持开启`, `维持启用`), and 推理部署 named as the
  inference phase (FC136)
- the current batch said to be tallied at inference with no statistic named (`eval 阶段也实时统计本批数据`, FC138)
- Key and Value said to come from the decoder with 则 between (`K 和 V 则来自解码器`, FC363)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (Dropout kept on with no adverb)
    ('推理部署这一步，Dropout 层维持启用，输出带一点随机性。', 'FC136', True),  # (missed by the starting code)
    ('部署时 Dropout 保持生效，让线上预测和训练对齐。', 'FC136', True),  # (missed by the starting code)
    ('训练时 Dropout 保持开启，推理时关闭。', 'FC136', False),  # (guard)
    ('推理时 Dropout 不再保持开启。', 'FC136', False),  # (guard)
    ('到了测试阶段，Dropout 还保持开启吗？', 'FC136', False),  # (guard)
    ('推理部署时关掉 Dropout，只有 MC Dropout 才保持开启。', 'FC136', False),  # (guard)
    # (the current batch tallied at inference)
    ('推理阶段，BN 会重新统计当前批次的数据。', 'FC138', True),  # (missed by the starting code)
    ('eval 模式下 BatchNorm 还是现场统计这一 batch 的样本。', 'FC138', True),  # (missed by the starting code)
    ('推理阶段，BN 不会统计当前批次的数据，而是用滑动平均。', 'FC138', False),  # (guard)
    ('训练时 BN 统计当前批次的数据，推理时用滑动平均。', 'FC138', False),  # (guard)
    ('推理阶段 BN 还要统计当前批次的数据吗？', 'FC138', False),  # (guard)
    # (Key and Value from the decoder, 则 between)
    ('在交叉注意力中，K 与 V 则都来自解码器。', 'FC363', True),  # (missed by the starting code)
    ('cross-attention 里 Query 来自编码器，Key 和 Value 则来自 decoder。', 'FC363', True),  # (missed by the starting code)
    ('交叉注意力中 Q 来自解码器，K 和 V 则来自编码器。', 'FC363', False),  # (guard)
    ('交叉注意力中 Key 和 Value 则并非来自解码器，而是来自编码器。', 'FC363', False),  # (guard)
    ('交叉注意力里 Key 和 Value 来自解码器吗？', 'FC363', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
