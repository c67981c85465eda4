"""Readings added in the fifty-fourth session (group C), from the misses of the fifty-second phrasing set, each shown
on sentences of the helper's own wording.

- a sentence in the classical (文言) register, told by two or more kinds of its function words (a possessive 之, 之 closing
  a clause, a final 也 or 耳, 焉, 矣, a topic's 者, 皆, 亦, 乃, 盖 before a reason) or by the possessive 之 twice, read in
  the modern one position for position (之 as 的, 皆 as 都, 亦 as 也, 乃 as 是, 盖 as 因): `池化一层，亦有可学习之参数…也。`
  says what `池化一层，也有可学习的参数…` does (FC181, FC171, FC357, FC359, FC362, FC178, FC352); a question (`…乎？`),
  a negation (`非框架`) and the correct fact in the same register stay clean.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('最大池化层之参数亦随训练而更新也。', 'FC181', True),  # (guard)
    ('平均池化之层，亦有可学习之权重焉。', 'FC181', True),  # (missed by the starting code)
    ('池化之层无可学之参数，仅取其窗口之最大或均值耳。', 'FC181', False),  # (guard)
    ('池化之层亦有可学习之参数乎？', 'FC181', False),  # (guard)
    ('VGG、Inception 皆深度学习框架也。', 'FC171', True),  # (guard)
    ('常用之深度学习框架，乃 ResNet 与 VGG 也。', 'FC171', True),  # (missed by the starting code)
    ('PyTorch、TensorFlow 皆深度学习框架也，ResNet 则为网络结构。', 'FC171', False),  # (guard)
    ('ResNet 非框架，乃网络结构也。', 'FC171', False),  # (guard)
    ('ResNet 之跳跃连接，乃按通道拼接二者之特征也。', 'FC352', True),  # (guard)
    ('残差块之输出，乃将 F(x) 与 x 沿通道拼接而成，故通道倍增焉。', 'FC352', True),  # (guard)
    ('ResNet 之跳跃连接，乃逐元素相加也，DenseNet 方按通道拼接。', 'FC352', False),  # (guard)
    ('ResNet 之跳跃连接乃按通道拼接乎？', 'FC352', False),  # (guard)
    ('LSTM 之参数量，乃普通 RNN 之三倍也。', 'FC357', True),  # (missed by the starting code)
    ('同维之 LSTM，其参数亦仅为 RNN 之三倍耳。', 'FC357', True),  # (missed by the starting code)
    ('LSTM 之参数量，乃普通 RNN 之四倍也。', 'FC357', False),  # (guard)
    ('LSTM 之参数量乃 RNN 之三倍乎？', 'FC357', False),  # (guard)
    ('遗忘门之激活，乃 tanh 也，故其值可负。', 'FC359', True),  # (guard)
    ('LSTM 之各门皆用 sigmoid，tanh 乃用于候选细胞状态也。', 'FC359', False),  # (guard)
    ('LSTM 之门用 tanh 乎？', 'FC359', False),  # (guard)
    ('自注意力之时间复杂度乃 O(n) 也。', 'FC178', True),  # (guard)
    ('self-attention 之耗时亦随长度线性而增，盖其复杂度本为 O(n) 也。', 'FC178', True),  # (guard)
    ('自注意力之复杂度，乃序列长度之平方也。', 'FC178', False),  # (guard)
    ('self-attention 之复杂度非线性也，盖其须算 n×n 之矩阵。', 'FC178', False),  # (guard)
    ('编码器之自注意力亦用因果掩码，每词唯见其前。', 'FC362', True),  # (missed by the starting code)
    ('Transformer 编码器之自注意力，乃用因果掩码也。', 'FC362', True),  # (guard)
    ('因果掩码唯施于解码器之自注意力，编码器则无之。', 'FC362', False),  # (guard)
    ('编码器之自注意力亦用因果掩码乎？', 'FC362', False),  # (guard)
    ('LSTM 之门控，其值皆由 tanh 而出，故可正可负也。', 'FC359', True),  # (missed by the starting code)
    ('LSTM 一层之权重，约为同宽 RNN 之三倍，余尝算之。', 'FC357', True),  # (missed by the starting code)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
