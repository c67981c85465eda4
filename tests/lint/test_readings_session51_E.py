"""Readings and rule phrasings added in the fifty-first session (group E), from the misses of the forty-eighth phrasing
set, each shown on sentences of the helper's own wording.

- a question a colon ends that runs longer than twelve characters after its asking word, after a verb asking to explain (`解释一下为什么只给 head 部分做
  layer-wise lr 放大：…`): the answer after the colon is read as a statement (text._ASKS_BEFORE_COLON_RE);
- FC312, FC313: the term added named by what it sums (`加的是系数平方和`, `加系数绝对值之和`);
- FC309: a margin written as a number in the reversed inequality (`d(a,n) + 0.2 ≤ d(a,p)`);
- FC305: the rank called a 位次 before it is averaged;
- FC339: the vanishing said to fall on the layers near the output (`落在靠近输出的那几层`);
- FC340: the layers near the output said to take the most factors of the chain product (`经过的连乘最多`);
- FC331: the speed of forgetting told before the verb (`历史梯度更快被淡忘`);
- FC317: the rate raised, the regularisation said to weaken clauses later (`丢弃率调高后…，所以约束变松`);
- FC111: the higher value judged better as a consequence (`数值更高，所以效果更好`);
- FC181: the trainable weights named with a measure word (`需要训练的那部分权重`);
- FC345: ReLU called 个线性激活 (a measure word without 一);
- FC389: the gradient said to flow toward the frozen weight (`梯度会同时流向 W0`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    # a long question ended by a colon, then the answer
    ('说一说为什么我们要在微调阶段给最后几层单独设置更大的学习率：靠近输出层的权重学得最慢。', 'FC340', True),  # (missed by the starting code)
    ('请解释为什么教程都把动量设成 0.9 这么大：动量系数越大，历史梯度的影响越小。', 'FC331', True),  # (missed by the starting code)
    ('说一说为什么我们要在微调阶段给最后几层单独设置更大的学习率：靠近输入层的权重学得最慢。', 'FC340', False),  # (guard)
    ('说一说为什么我们要在微调阶段给最后几层单独设置更大的学习率：靠近输出层的权重学得最慢吗？', 'FC340', False),  # (guard)
    # FC312 / FC313
    ('Lasso 回归在平方误差之外附加的是全部系数的平方和。', 'FC312', True),  # (missed by the starting code)
    ('所谓 Ridge，就是在目标函数里加上参数绝对值之和。', 'FC313', True),  # (missed by the starting code)
    ('Lasso 回归在平方误差之外附加的是全部系数的绝对值之和。', 'FC312', False),  # (guard)
    ('Ridge 并不是加参数绝对值之和，而是加参数的平方和。', 'FC313', False),  # (guard)
    ('岭回归加的是系数平方和，Lasso 加的是系数绝对值之和。', 'FC313', False),  # (guard)
    ('岭回归加的是系数平方和，Lasso 加的是系数绝对值之和。', 'FC312', False),  # (guard)
    # FC309
    ('triplet loss 希望满足 d(anchor,neg) + 1.0 < d(anchor,pos)。', 'FC309', True),  # (missed by the starting code)
    ('三元组损失的约束写成 d(a, n) + 0.5 ≤ d(a, p) 就对了。', 'FC309', True),  # (missed by the starting code)
    ('三元组损失的约束写成 d(a, p) + 0.5 ≤ d(a, n)。', 'FC309', False),  # (guard)
    ('三元组损失要求的不是 d(a,n) + 0.3 ≤ d(a,p)，而是 d(a,p) + 0.3 ≤ d(a,n)。', 'FC309', False),  # (guard)
    # FC305
    ('MRR 就是把每个查询首个正确答案的位次取平均。', 'FC305', True),  # (missed by the starting code)
    ('平均倒数排名：统计各查询第一个相关结果的位次，再取平均。', 'FC305', True),  # (missed by the starting code)
    ('MRR 是把每个查询首个正确答案位次的倒数取平均。', 'FC305', False),  # (guard)
    ('MRR 并不是直接对位次取平均，而是对位次的倒数取平均。', 'FC305', False),  # (guard)
    # FC339
    ('深层网络里的梯度消失通常落在网络末端的层上。', 'FC339', True),  # (missed by the starting code)
    ('vanishing gradient 主要落于输出端。', 'FC339', True),  # (missed by the starting code)
    ('梯度消失主要落在靠近输入的浅层。', 'FC339', False),  # (guard)
    ('梯度消失并不落在靠近输出的那几层。', 'FC339', False),  # (guard)
    # FC340
    ('链式法则展开后，靠近输出的几层乘过的导数连乘项最多。', 'FC340', True),  # (missed by the starting code)
    ('最后几层的参数经历的梯度连乘次数最多，所以先饿死。', 'FC340', True),  # (missed by the starting code)
    ('靠近输出的几层经过的连乘最少，浅层经过的连乘最多。', 'FC340', False),  # (guard)
    ('最后几层的参数并不经历很多连乘。', 'FC340', False),  # (guard)
    # FC331
    ('动量因子越大，之前的梯度就越快地被遗忘。', 'FC331', True),  # (missed by the starting code)
    ('把 momentum 调大会让以往的更新更快衰减。', 'FC331', True),  # (missed by the starting code)
    ('动量因子越大，之前的梯度就越慢被遗忘。', 'FC331', False),  # (guard)
    ('把 momentum 调大不会让以往的更新更快衰减。', 'FC331', False),  # (guard)
    # FC317
    ('丢弃率增大之后训练损失会升高，不过整体来看，正则化的作用会变弱。', 'FC317', True),  # (missed by the starting code)
    ('drop rate 上调以后网络学会了冗余表示，模型更鲁棒，因此正则效果随之下降。', 'FC317', True),  # (missed by the starting code)
    ('丢弃率增大之后训练损失会升高，不过整体来看，正则化的作用会变强。', 'FC317', False),  # (guard)
    ('丢弃率调高后正则增强，调低后正则减弱。', 'FC317', False),  # (guard)
    ('丢弃率增大之后，正则化的作用会变弱吗？', 'FC317', False),  # (guard)
    # FC111
    ('微调后 PPL 从 25 涨到 38，数值更高，因此质量更好。', 'FC111', True),  # (missed by the starting code)
    ('新模型的困惑度是 70，旧模型是 52，数值高一些，可见建模能力更强。', 'FC111', True),  # (missed by the starting code)
    ('新模型的困惑度是 52，旧模型是 70，旧模型数值更高，所以效果更差。', 'FC111', False),  # (guard)
    ('新模型的 BLEU 是 30，旧模型是 25，数值更高，所以效果更好。', 'FC111', False),  # (guard)
    ('困惑度数值更高，所以效果更好吗？', 'FC111', False),  # (guard)
    # FC181
    ('max pooling 层也带着一组需要学习的那些参数。', 'FC181', True),  # (missed by the starting code)
    ('平均池化里有可训练的那部分权重，会随反向传播更新。', 'FC181', True),  # (missed by the starting code)
    ('池化层没有需要训练的那部分权重。', 'FC181', False),  # (guard)
    ('池化层减少了后续需要训练的那部分参数。', 'FC181', False),  # (guard)
    ('池化层有需要训练的那部分权重吗？', 'FC181', False),  # (guard)
    # FC345
    ('别被名字骗了，ReLU 本质上是个线性函数。', 'FC345', True),  # (missed by the starting code)
    ('在激活函数里，ReLU 只是个线性变换。', 'FC345', True),  # (missed by the starting code)
    ('ReLU 在正区间是个线性映射。', 'FC345', False),  # (guard)
    ('ReLU 不是个线性函数，而是分段线性的非线性函数。', 'FC345', False),  # (guard)
    # FC389
    ('用 LoRA 微调时，反向传播的梯度也流向预训练权重 W0。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 里梯度会同时传向 W₀ 和低秩矩阵。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 训练时梯度只流向 A 和 B，不会流向 W0。', 'FC389', False),  # (guard)
    ('LoRA 训练时梯度并不流向 W0，只流向 A、B。', 'FC389', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
