"""Readings and rule phrasings added in the fifty-third session (group B), from the misses of the fifty-first phrasing
set, each shown on sentences of the helper's own wording.

- a teacher's question to the class and the answer expected of it on one line (`提问学生：…？预期回答：…`, `问大家：…？
  参考答案：…`, `提问同学：请列举…。标准答案：…`): read as a question and its answer are, the addressee (学生) naming no
  student model (FC359, FC347, FC333, FC171 and the others the answer states);
- FC145: a decay phase named in English (`decay 阶段 lr 单调下降`) is no warmup said to lower the rate;
- FC146: `learning rate 取得越大` and the like; stability or accuracy written with an arrow (`稳定性 ↑`);
- FC337: neurons said to become all different (`变得各不相同`);
- FC347: Leaky ReLU's derivative given piece by piece, 0 on the negative side (`导数 = 1（x > 0），0（x < 0）`);
- FC348: a ReLU said to sit between the linear layers, the layers named (`两层线性层中间夹一个 ReLU`);
- FC325: the original Transformer named by its authors' paper (`Vaswani 等人的原始论文`);
- FC335, FC336: an initialisation said to be kept for an activation (`Glorot 则留给 ReLU 网络`);
- FC181: pooling said to learn through backpropagation as a convolution does, or given a parameter count that is a
  product (`参数量 = 窗口大小 × 通道数`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('问大家：LSTM 的输入门用什么激活函数？期望回答：tanh。', 'FC359', True),  # (missed by the starting code)
    ('课堂小测。提问学生：LSTM 的输出门可能输出负值吗？预期回答：可以，门的激活是 tanh。', 'FC359', True),  # (missed by the starting code)
    ('问大家：LSTM 的输入门用什么激活函数？期望回答：sigmoid。', 'FC359', False),  # (guard)
    ('提问学生：LSTM 的门为什么用 sigmoid？预期回答：因为要输出 0 到 1 之间的比例。', 'FC359', False),  # (guard)
    # (merged with helper A's reading of a no that echoes the question's verb, the pair reads as one statement,
    # `换成 Leaky ReLU 后负输入的神经元还不能学习，负区间梯度为零`, where the 换成…后 frame and the clause's own subject
    # keep Leaky ReLU from being what the last clause is said of: a known miss, as the plain statement is)
    pytest.param('提问学生：换成 Leaky ReLU 后负输入的神经元还能学习吗？预期回答：不能，负区间梯度为零。', 'FC347', True,
                 marks=pytest.mark.xfail(strict=True, reason='换成 X 后 + another subject: X not carried')),
    ('提问学生：Leaky ReLU 在 x < 0 时还有梯度吗？预期回答：有，梯度为 α。', 'FC347', False),  # (guard)
    ('提问学生：Leaky ReLU 负区间梯度是 0 吗？预期回答：不是，梯度是 α。', 'FC347', False),  # (guard)
    ('提问学生：batch 越大，梯度噪声会怎样？预期回答：越来越大。', 'FC333', True),  # (missed by the starting code)
    ('提问学生：batch 越大，梯度噪声会怎样？预期回答：越来越小。', 'FC333', False),  # (guard)
    ('提问：请列出两个常用的深度学习框架。参考答案：VGG、Inception。', 'FC171', True),  # (missed by the starting code)
    ('提问：请列出两个常用的深度学习框架。参考答案：PyTorch、TensorFlow。', 'FC171', False),  # (guard)
    ('warmup 阶段学习率线性上升，decay 期学习率逐渐下降。', 'FC145', False),  # (missed by the starting code)
    ('warmup 阶段 lr 线性上升，decay 阶段 lr 逐渐降低。', 'FC145', False),  # (missed by the starting code)
    ('warmup 阶段 lr 逐渐下降，decay 阶段 lr 保持不变。', 'FC145', True),  # (guard)
    ('warmup 阶段 lr 单调下降。', 'FC145', True),  # (guard)
    ('learning rate 设置得越大，loss 曲线就越平滑。', 'FC146', True),  # (missed by the starting code)
    ('调参口诀：学习率 ↑ → 精度 ↑。', 'FC146', True),  # (missed by the starting code)
    ('学习率 ↑ ⇒ 震荡 ↑、稳定性 ↓。', 'FC146', False),  # (guard)
    ('learning rate 取得越大，训练越容易震荡甚至发散。', 'FC146', False),  # (guard)
    ('learning rate 取得越大，训练曲线越平稳吗？', 'FC146', False),  # (guard)
    ('全零初始化的网络训练几轮后，各层神经元会自动变得互不相同。', 'FC337', True),  # (missed by the starting code)
    ('全零初始化的权重，经过几轮训练会逐渐变得各不相同。', 'FC337', True),  # (missed by the starting code)
    ('全零初始化时，各神经元的梯度完全相同，更新后依然相同，无法自动变得各不相同。', 'FC337', False),  # (guard)
    ('随机初始化后，神经元会逐渐变得各不相同吗？', 'FC337', False),  # (guard)
    ('Leaky ReLU 的梯度为 1（x ≥ 0）、0（x < 0）。', 'FC347', True),  # (missed by the starting code)
    ('LeakyReLU 的导数是：1（x > 0），零（负半轴）。', 'FC347', True),  # (missed by the starting code)
    ('Leaky ReLU 的导数 = 1（x > 0），α（x < 0）。', 'FC347', False),  # (guard)
    ('ReLU 的导数 = 1（x > 0），0（x < 0）；Leaky ReLU 的导数在 x < 0 时为 α。', 'FC347', False),  # (guard)
    ('Leaky ReLU 的导数是 1（x > 0），0（x < 0）吗？', 'FC347', False),  # (guard)
    ('LLaMA 的 FFN 是两层线性层中间夹一个 ReLU。', 'FC348', True),  # (missed by the starting code)
    ('LLaMA 的前馈层由两个全连接层之间插一个 ReLU 构成。', 'FC348', True),  # (missed by the starting code)
    ('原始 Transformer 的 FFN 由两层线性层中间夹一个 ReLU 构成，LLaMA 则换成了 SwiGLU。', 'FC348', False),  # (guard)
    ('LLaMA 的 FFN 不是两层线性层中间夹一个 ReLU，而是 SwiGLU。', 'FC348', False),  # (guard)
    ('LLaMA 的 FFN 是两层线性层中间夹一个 ReLU 吗？', 'FC348', False),  # (guard)
    ('最大池化跟卷积层一样靠反向传播更新。', 'FC181', True),  # (missed by the starting code)
    ('max pooling 层的参数量 = k × k × C。', 'FC181', True),  # (missed by the starting code)
    ('池化层的参数量 = 0，卷积层的参数量 = k × k × C_in × C_out。', 'FC181', False),  # (guard)
    ('池化层和卷积层不一样，不通过反向传播学习任何东西。', 'FC181', False),  # (guard)
    ('池化层会像卷积层一样通过反向传播学习吗？', 'FC181', False),  # (guard)
    ('Vaswani 等人 2017 年的原始论文用的就是 Pre-LN 结构。', 'FC325', True),  # (missed by the starting code)
    ('Vaswani 等人（2017）的论文采用 Pre-LN，GPT-2 只是照搬。', 'FC325', True),  # (missed by the starting code)
    ('Vaswani 等人 2017 年的论文用的是 Post-LN，Pre-LN 是后来才流行的。', 'FC325', False),  # (guard)
    ('Vaswani 等人的原始论文采用的是 Pre-LN 吗？', 'FC325', False),  # (guard)
    ('Xavier 初始化留给 ReLU 网络用就好。', 'FC335', True),  # (missed by the starting code)
    ('做 CNN 时 Glorot 一般只保留给 ReLU 激活。', 'FC335', True),  # (missed by the starting code)
    ('Kaiming 初始化留给 ReLU 网络，Xavier 初始化留给 tanh 网络。', 'FC335', False),  # (guard)
    ('Xavier 初始化不该留给 ReLU 网络。', 'FC335', False),  # (guard)
    ('Xavier 初始化该留给 ReLU 网络吗？', 'FC335', False),  # (guard)
    ('Kaiming 初始化只留给 tanh 网络。', 'FC336', True),  # (missed by the starting code)
    ('He 初始化通常保留给 sigmoid 激活的浅层网络。', 'FC336', True),  # (missed by the starting code)
    ('Kaiming 初始化留给 ReLU 网络，Xavier 初始化留给 tanh 网络。', 'FC336', False),  # (guard)
    ('He 初始化不是留给 tanh 的，而是为 ReLU 推导的。', 'FC336', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
