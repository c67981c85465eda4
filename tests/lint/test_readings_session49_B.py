"""Readings and rule phrasings added in the forty-ninth session (group B), from the misses of the forty-seventh phrasing
set, each shown on sentences of the helper's own wording.

- FC142: the two gradient problems said to go away with an adaptive optimizer (`这两个问题也就随之化解`);
- FC143: the inference time named with a space (`inference 时间`) and the forward pass said to get faster;
- FC146: a learning rate raised further (`学习率继续调高`, `把学习率再调大`) or a step grown (`步长增大`);
- FC141: every gradient norm said to be brought to the threshold, and "both kinds of problem" solved at once after
  small and large gradients were named;
- FC333: the variance said to grow with B itself (`方差随 B 线性增长`);
- FC348: ReLU sandwiched between the two linear maps (`两层线性变换夹一个 ReLU`);
- FC172: VGG's cost said to be below a cheaper network's (`计算量低于 ResNet-50`);
- FC150: the growth of the gradient prevented too (`防止梯度无限增大`), exploding named before it is said not to occur;
- FC361: hidden state and cell state passed on as two vectors;
- FC370: 副 as the measure word of one set of projection matrices;
- FC181 (a trap): a count of zero before the parameters (`计入 0 个可学习参数`) denies them.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('梯度消失和梯度爆炸都很常见。换成 RMSProp 以后，自适应的步长会调节每个参数，这两个问题也就随之化解。', 'FC142', True),  # (missed by the starting code)
    ('深层网络会遇到梯度消失与梯度爆炸，用上 Adam 之后这两个问题自然被消除了。', 'FC142', True),  # (missed by the starting code)
    ('深层网络会遇到梯度消失与梯度爆炸，用上 Adam 之后这两个问题并不会被消除。', 'FC142', False),  # (guard)
    ('梯度消失与梯度爆炸要靠残差连接和梯度裁剪，换成 Adam 并不能让这两个问题随之消除。', 'FC142', False),  # (guard)
    ('为了让线上更快，我们把 optimizer 从 SGD 换成 AdamW，以此缩短 inference 时间。', 'FC143', True),  # (missed by the starting code)
    ('把优化器换成 Adam 后，前向计算会更快。', 'FC143', True),  # (missed by the starting code)
    ('把优化器换成 Adam 并不会让前向计算更快，优化器只在训练时起作用。', 'FC143', False),  # (guard)
    ('要缩短 inference 时间，应当做量化和算子融合。', 'FC143', False),  # (guard)
    ('损失抖得厉害时，把学习率再调大一些，训练会更平稳。', 'FC146', True),  # (missed by the starting code)
    ('步长增大以后，模型收敛得更稳定。', 'FC146', True),  # (missed by the starting code)
    ('损失抖得厉害时，应该把学习率调小，训练会更平稳。', 'FC146', False),  # (guard)
    ('学习率继续调高只会让训练更不稳定。', 'FC146', False),  # (guard)
    ('梯度裁剪会把全部参数的梯度范数统一缩放到阈值大小。', 'FC141', True),  # (missed by the starting code)
    ('网络前几层梯度接近 0，后面又偶有梯度爆炸，加上梯度裁剪后，两类问题一并解决。', 'FC141', True),  # (missed by the starting code)
    ('梯度裁剪只把超过阈值的梯度范数缩放到阈值大小，小梯度保持原样。', 'FC141', False),  # (guard)
    ('梯度裁剪只对付梯度爆炸，梯度接近 0 的问题要靠残差连接，不能指望两类问题一并解决。', 'FC141', False),  # (guard)
    ('batch size 越大，梯度估计的方差随 batch size 成正比增长。', 'FC333', True),  # (missed by the starting code)
    ('增大批量后，梯度噪声会随 B 线性增大。', 'FC333', True),  # (missed by the starting code)
    ('增大批量后，梯度方差随 B 增大而减小，大约与 1/B 成正比。', 'FC333', False),  # (guard)
    ('batch size 越大，梯度的方差越小。', 'FC333', False),  # (guard)
    ('LLaMA 的前馈层就是两个全连接层夹着一个 ReLU。', 'FC348', True),  # (missed by the starting code)
    ('LLaMA 的 MLP 沿袭老办法：线性层夹一个 ReLU，再接一个线性层。', 'FC348', True),  # (missed by the starting code)
    ('原始 Transformer 的 FFN 是两层线性变换中间夹一个 ReLU，LLaMA 则改用 SwiGLU。', 'FC348', False),  # (guard)
    ('LLaMA 的前馈层不是线性层夹 ReLU，而是 SwiGLU 门控。', 'FC348', False),  # (guard)
    ('VGG-19 结构规整，参数量远低于 ResNet-101。', 'FC172', True),  # (missed by the starting code)
    ('VGG 只用小卷积核，所以 FLOPs 小于 MobileNet。', 'FC172', True),  # (missed by the starting code)
    ('ResNet-50 的计算量远低于 VGG-16。', 'FC172', False),  # (guard)
    ('VGG-16 的计算量大约是 ResNet-50 的四倍，并不低于 ResNet-50。', 'FC172', False),  # (guard)
    ('LSTM 的门控结构可以阻止梯度指数式增长。', 'FC150', True),  # (missed by the starting code)
    ('用 LSTM 时 exploding gradients 根本不会出现。', 'FC150', True),  # (missed by the starting code)
    ('LSTM 缓解了梯度消失，但 exploding gradients 仍会出现，要配合梯度裁剪。', 'FC150', False),  # (guard)
    ('LSTM 并不能阻止梯度指数式增长，训练时仍要做梯度裁剪。', 'FC150', False),  # (guard)
    ('GRU 每一步都会输出隐藏状态和细胞状态这两个向量。', 'FC361', True),  # (missed by the starting code)
    ('GRU 的循环里保留 hidden state 与 cell state 两份状态。', 'FC361', True),  # (missed by the starting code)
    ('LSTM 每一步都会输出隐藏状态和细胞状态这两个向量，GRU 只输出隐藏状态。', 'FC361', False),  # (guard)
    ('GRU 没有隐藏状态和细胞状态两个向量，只有一个隐藏状态。', 'FC361', False),  # (guard)
    ('多头注意力中所有头复用同一副投影矩阵。', 'FC370', True),  # (missed by the starting code)
    ('各个注意力头共享同一副 QKV 权重。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力中每个头都有自己的一副投影矩阵，不共享。', 'FC370', False),  # (guard)
    ('各个注意力头不共享同一副 QKV 权重，各有各的投影。', 'FC370', False),  # (guard)
    ('平均池化只按固定规则求均值，计入 0 个可学习参数。', 'FC181', False),  # (flagged by the starting code)
    ('最大池化层统计参数时记为零个可训练参数。', 'FC181', False),  # (flagged by the starting code)
    ('平均池化层有 4 个可学习参数。', 'FC181', True),  # (guard)
    ('最大池化层有 10 个可训练参数，会随反向传播更新。', 'FC181', True),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
