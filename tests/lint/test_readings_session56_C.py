"""Readings added in the fifty-sixth session (group C), from the misses of the fifty-fourth phrasing set (a classroom
dialogue, `师：…？生：…`), each shown on sentences of the helper's own wording (reading 师/生 as speakers' labels was
not merged: the dialogue reading then flags two traps of that set, as it does with 老师/学生 already).

- a statement asked about with `你同意吗？`/`这一点你认可吗？` and answered `同意`/`认可`, or a question answered
  `正是如此`/`确实如此`/`是这样的`, is stated (text._TAG_ASK, text._AFFIRMED_RE)
- a last clause that only checks the listener followed (`…，你明白了吗？`, `…，你懂了吗？`) asks nothing of the statement
  (text._INVITE_TAIL_RE)
- a premise stated, then a further question led by 那么/你 (`X 是 Y，那么 Z 在哪里算？`, `…，你说 beta2 管什么？`): the
  premise is stated, unless the answer denies it or the clause asks what the listener makes of it (text._FOLLOW_ASK_RE)
- a definition that names its term last by a bare 叫 (`…才叫 teacher forcing`) gives the property to that term
  (claims._NAMED_AS_AFTER_RE)
- AdamW's decoupled decay described and named (`把 weight decay 与梯度更新解耦，…这就是 decoupled weight decay`) is no
  claim that Adam's L2 equals it (FC328)
- wider phrasings: sigmoid/tanh said to suffer vanishing gradients less than ReLU (FC148), self-attention said to be
  linear (FC178), the convolution named `convolution`/`普通卷积` said not to share weights (FC182), GRU said to carry
  LSTM's cell state on (FC361), self-attention said to carry or notice order itself (FC364), GroupNorm's extremes with
  无异/成了 (FC323), inference said to run through the optimizer (FC143), the gradient noise said to grow with B (FC333)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (a statement asked about with `你同意吗？`, `这一点你认可吗？` and answered `同意`, `认可`: stated)
    ('老师：tanh 的输出不以 0 为中心，你同意吗？学生：同意。', 'FC342', True),  # (caught by the starting code)
    ('老师：Transformer 建立在循环网络之上，这一点你们认可吗？学生：认可。', 'FC177', True),  # (caught by the starting code)
    ('老师：tanh 的输出不以 0 为中心，你同意吗？学生：不同意，tanh 的输出以 0 为中心。', 'FC342', False),  # (guard)
    ('老师：tanh 的输出不以 0 为中心，你同意吗？', 'FC342', False),  # (guard)
    ('甲：Transformer 建立在循环网络之上，你认可吗？乙：我不认可。', 'FC177', False),  # (guard)
    # (a statement followed by `你明白了吗？`, `懂了吗？`: the last clause only checks the listener followed)
    ('甲：差分隐私说到底是一种加密手段，你明白了吗？乙：明白了。', 'FC154', True),  # (missed by the starting code)
    ('差分隐私本质上属于加密算法，你懂了吗？', 'FC154', True),  # (missed by the starting code)
    ('差分隐私并不是加密，你明白了吗？', 'FC154', False),  # (guard)
    ('差分隐私是不是一种加密，你明白了吗？', 'FC154', False),  # (guard)
    # (a premise stated, then a further question led by 那么/你: the premise is stated)
    ('面试官：Transformer 本质上是一种循环网络，那么它的注意力算在哪一层？我：不清楚。', 'FC177', True),  # (missed by the starting code)
    ('老师：Adam 的 beta1 管的是梯度平方的滑动平均，你说 beta2 管什么？', 'FC326', True),  # (missed by the starting code)
    ('面试官：Transformer 本质上是一种循环网络，那么它的注意力算在哪一层？我：其实 Transformer 没有循环结构。', 'FC177', False),  # (guard)
    ('如果 Transformer 是一种循环网络，那么它还能并行吗？', 'FC177', False),  # (guard)
    ('Transformer 是一种循环网络，你怎么看？', 'FC177', False),  # (guard)
    ('有人说 Transformer 是一种循环网络，那么注意力算在哪里？', 'FC177', False),  # (guard)
    # (a question answered `正是如此`, `确实如此`, `是这样的`: stated)
    ('学生：tanh 在 0 处的导数最大值也只有 0.25 吧？老师：确实如此。', 'FC343', True),  # (caught by the starting code)
    ('学生：差分隐私属于加密算法吗？老师：正是这样。', 'FC154', True),  # (missed by the starting code)
    ('学生：差分隐私属于加密算法吗？老师：不是，它靠加噪声。', 'FC154', False),  # (guard)
    ('学生：差分隐私属于加密算法吗？', 'FC154', False),  # (guard)
    # (AdamW's decoupled decay described and named: no claim that Adam's L2 equals it)
    ('AdamW 将权重衰减从梯度更新中剥离出来，单独做 θ ← θ − ηλθ，这就是解耦的做法。', 'FC328', False),  # (flagged by the starting code)
    ('它把 weight decay 和自适应的梯度步分开，这就是 decoupled weight decay。', 'FC328', False),  # (guard)
    ('在 Adam 的 loss 里加 L2 就是 decoupled weight decay。', 'FC328', True),  # (caught by the starting code)
    ('Adam 里加 L2 正则和 AdamW 的权重衰减效果完全一样。', 'FC328', True),  # (caught by the starting code)
    # (sigmoid or tanh said to suffer vanishing gradients less than ReLU)
    ('在很深的网络里，sigmoid 比 ReLU 更难出现梯度消失。', 'FC148', True),  # (missed by the starting code)
    ('tanh 相较 ReLU 反而更不容易遇到梯度消失。', 'FC148', True),  # (missed by the starting code)
    ('ReLU 比 tanh 更不容易出现梯度消失。', 'FC148', False),  # (guard)
    ('tanh 并不比 ReLU 更不容易梯度消失。', 'FC148', False),  # (guard)
    ('sigmoid 比 ReLU 更不容易梯度消失吗？', 'FC148', False),  # (guard)
    # (self-attention said to be linear outright, its quadratic cost called a myth)
    ('其实标准 self-attention 本身是线性的，序列翻倍开销也翻倍。', 'FC178', True),  # (missed by the starting code)
    ('自注意力其实是线性的，长序列也不怕。', 'FC178', True),  # (missed by the starting code)
    ('自注意力的输出对 V 是线性的。', 'FC178', False),  # (guard)
    ('标准自注意力不是线性的，而是平方级的。', 'FC178', False),  # (guard)
    ('自注意力是线性的吗？', 'FC178', False),  # (guard)
    # (the convolution named bare said not to share weights)
    ('普通卷积并不共享权重，每个位置各有一套参数。', 'FC182', True),  # (missed by the starting code)
    ('convolution 其实没有 weight sharing。', 'FC182', True),  # (missed by the starting code)
    ('卷积共享权重，全连接层不共享权重。', 'FC182', False),  # (guard)
    ('与卷积不同，全连接层不共享权重。', 'FC182', False),  # (guard)
    ('卷积不共享权重吗？', 'FC182', False),  # (guard)
    # (GRU said to carry LSTM's cell state on, or to update both states side by side)
    ('GRU 继承了 LSTM 的细胞状态，只是门更少。', 'FC361', True),  # (missed by the starting code)
    ('GRU 在每个时间步分别更新隐藏状态与细胞状态。', 'FC361', True),  # (missed by the starting code)
    ('GRU 没有沿用 LSTM 的 cell state，而是把它并入隐藏状态。', 'FC361', False),  # (guard)
    ('LSTM 每一步同时更新隐藏状态和细胞状态，GRU 只更新隐藏状态。', 'FC361', False),  # (guard)
    ('GRU 是否沿用了 LSTM 的 cell state？', 'FC361', False),  # (guard)
    # (self-attention said to carry order itself, or to notice it)
    ('自注意力自身就带有词序信息，位置编码可有可无。', 'FC364', True),  # (missed by the starting code)
    ('self-attention 能察觉 token 的先后顺序。', 'FC364', True),  # (missed by the starting code)
    ('自注意力自己并不带有顺序信息，所以要加位置编码。', 'FC364', False),  # (guard)
    ('加了位置编码以后，自注意力才能察觉顺序。', 'FC364', False),  # (guard)
    ('自注意力察觉不到顺序的变化。', 'FC364', False),  # (guard)
    # (a definition whose term is named last by a bare 叫: `…才叫 teacher forcing`)
    ('训练时拿解码器自己上一步的输出当下一步输入才叫教师强制。', 'FC360', True),  # (missed by the starting code)
    ('用模型自己的预测作为下一步输入的做法就叫 teacher forcing。', 'FC360', True),  # (caught by the starting code)
    ('把真实 token 作为下一步输入才叫 teacher forcing，用模型自己的预测的叫 free-running。', 'FC360', False),  # (guard)
    ('用模型自己的预测作为输入的不叫 teacher forcing，叫 free-running。', 'FC360', False),  # (guard)
    # (GroupNorm's extremes: no different from InstanceNorm, or become LayerNorm, said with 无异 and 成了)
    ('组数设为 1 时，GroupNorm 和 InstanceNorm 无异。', 'FC323', True),  # (missed by the starting code)
    ('GroupNorm 的组数取到通道数时，它就成了 LayerNorm。', 'FC323', True),  # (missed by the starting code)
    ('组数设为 1 时 GroupNorm 与 LayerNorm 无异。', 'FC323', False),  # (guard)
    ('组数设为 1 时 GroupNorm 并不会成为 InstanceNorm，而是 LayerNorm。', 'FC323', False),  # (guard)
    # (inference said to go through the optimizer, its speed to go up)
    ('模型推理时每一步都会调用优化器。', 'FC143', True),  # (missed by the starting code)
    ('换成 RMSProp 这类更轻的优化器，推理速度就上去了。', 'FC143', True),  # (missed by the starting code)
    ('推理阶段不需要经过优化器。', 'FC143', False),  # (guard)
    ('推理时没有用到优化器。', 'FC143', False),  # (guard)
    ('推理阶段要经过优化器吗？', 'FC143', False),  # (guard)
    # (the gradient noise said to grow with B)
    ('梯度噪声的方差随 B 增大而增大。', 'FC333', True),  # (missed by the starting code)
    ('小批量梯度的方差会随着 B 的增加而变大。', 'FC333', True),  # (missed by the starting code)
    ('梯度噪声的方差随 B 增大而减小。', 'FC333', False),  # (guard)
    ('梯度噪声的方差随 B 增大而增大吗？', 'FC333', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
