"""Readings and rule phrasings added in the fifty-fourth session (group H), from the misses of the fifty-second phrasing
set in the classical register, each shown on sentences of the helper's own wording.

- the classical reading: a comparison `较 X 为多` (as `比 X 更多`, and a mark of the register); a one-character verb told
  by the word before it (`而增`, `之减`, `能减`, `能省`, `并解`: 增加, 减少, 节省, 解决); `之于` as 对于; `舍 A 而就 B`
  (改用 B); the writer approving, `余深然之：` (我很同意); a topic whose clause opens with 皆 or 亦 (`此数者，皆 Y 也`:
  这些都是 Y); 此 kept in 因此, 如此, 彼此, 多此一举, 此外;
- the writer agreeing before a colon (`我很同意：…`, `我完全赞同：…`) is the writer's own view, as `我认为：` is (FC171 and the others);
- FC150: `既不消亦不爆`, clipping called superfluous (`多此一举`, `画蛇添足`);
- FC148: the problem said to be escaped (`梯度消失的问题便可避免`);
- FC181: pooling said each to have weights of its own (`各有权重`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    # FC184 via 较…为多
    ('全连接层之参数，乃按输入之大小而定；卷积层则较全连接层为多，盖每处各用其核也。', 'FC184', True),  # (missed by the starting code)
    ('余以为卷积层之参数，实较同尺寸之全连接层为多。', 'FC184', True),  # (missed by the starting code)
    ('余以为卷积层之参数，实较同尺寸之全连接层为少，盖其权重共享也。', 'FC184', False),  # (guard)
    ('卷积层之参数，岂较全连接层为多乎？', 'FC184', False),  # (guard)
    ('卷积层之参数，并不较全连接层为多，此共享之功也。', 'FC184', False),  # (guard)
    # FC150 via 并解 and 不消不爆 and 多此一举
    ('LSTM 之门控，兼解梯度消失与梯度爆炸之弊，故为 RNN 之良药也。', 'FC150', True),  # (missed by the starting code)
    ('用了 LSTM 之后，梯度既不会消失也不爆。', 'FC150', True),  # (missed by the starting code)
    ('换成 LSTM 以后，梯度裁剪实属画蛇添足。', 'FC150', True),  # (missed by the starting code)
    ('LSTM 之门控，唯解梯度消失之患，梯度爆炸亦须裁剪也。', 'FC150', False),  # (guard)
    ('LSTM 并未兼解梯度消失与梯度爆炸，梯度裁剪并非多此一举。', 'FC150', False),  # (guard)
    ('训练 LSTM 时，梯度裁剪是多此一举吗？', 'FC150', False),  # (guard)
    # FC179 via 能减/能省
    ('余以为自注意力之于长文本，能省运算量，序列愈长，其效愈著也。', 'FC179', True),  # (missed by the starting code)
    ('长文档者，注意力机制可减运算量也，此其所长。', 'FC179', True),  # (missed by the starting code)
    ('余以为注意力机制之于长序列，不能减计算量，其开销随长度之平方而增也。', 'FC179', False),  # (guard)
    ('长序列之上，稀疏注意力能减计算量，全注意力则否。', 'FC179', False),  # (guard)
    # FC171 via agreement before a colon / 然之
    ('同事列了 ResNet、MobileNet 两个名字，我完全赞同：它们都是深度学习框架。', 'FC171', True),  # (missed by the starting code)
    ('友举 ResNet、MobileNet 以对，余深然之：此数者，皆深度学习框架也。', 'FC171', True),  # (missed by the starting code)
    ('同事列了 ResNet、MobileNet 两个名字，我不同意：它们都是网络结构，不是深度学习框架。', 'FC171', False),  # (guard)
    ('余颇然之：ResNet、BERT 皆网络结构，PyTorch 乃深度学习框架也。', 'FC171', False),  # (guard)
    ('我很同意：PyTorch 和 TensorFlow 都是深度学习框架，ResNet 是模型。', 'FC171', False),  # (guard)
    # FC181 各有
    ('最大池化与平均池化各有权重，随训练而变。', 'FC181', True),  # (missed by the starting code)
    ('CNN 中的池化层各自有权重，会随训练更新。', 'FC181', True),  # (missed by the starting code)
    ('池化层没有权重，卷积层和全连接层才各有权重。', 'FC181', False),  # (guard)
    ('最大池化和平均池化各有可训练参数吗？', 'FC181', False),  # (guard)
    ('最大池化和平均池化并不各有权重，它们都没有参数。', 'FC181', False),  # (guard)
    # FC148 舍…而就 and 之患可免
    ('为防梯度消失，余以为宜舍 GELU 而就 tanh，盖其输出以零为中心也。', 'FC148', True),  # (missed by the starting code)
    ('网络里全用 tanh，梯度消失的问题便能避免。', 'FC148', True),  # (missed by the starting code)
    ('为防梯度消失，余以为宜舍 tanh 而就 ReLU，盖其正区间导数恒为 1 也。', 'FC148', False),  # (guard)
    ('网络里全用 tanh，梯度消失的问题便不可避免。', 'FC148', False),  # (guard)
    ('把 sigmoid 换成 ReLU，梯度消失的问题便能避免。', 'FC148', False),  # (guard)
    ('用 tanh 的话，梯度消失的问题能避免吗？', 'FC148', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
