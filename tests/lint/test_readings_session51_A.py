"""Readings and rule phrasings added in the fifty-first session (group A), from the misses of the forty-ninth phrasing
set, each shown on sentences of the helper's own wording.

- a request to explain, describe or introduce a thing (`请解释X。选手：…`, `请说明X。候选人：…`) read with the answer under
  another speaker's label as the statement they make together, as a request to name or write one was (`_REQUEST_QA_RE`);
- a question whose last clause asks for a value read with the clauses before it, which set its scene (`GroupNorm 的组数取
  1 时，它等价于哪种归一化？选手：InstanceNorm` reads `… 组数取 1 时，它等价于 InstanceNorm`, `_fused`);
- the asker's label with its verb (`主持人问：…？`) and the answerer's with an ordinal (`三号选手：`) in a dialogue on one line
  (`_INLINE_QA_RE`);
- FC330: Adagrad's step named as 步子 (`越到后期步子迈得越大`);
- FC131: less data as the condition of the model remembering less (`数据越少，模型能记住的噪声就越少`) is no prescription
  about something else, the guard for that lets the claim before it stand;
- FC143: the choice of optimizer said to affect the inference speed named in English (`影响 inference speed`), and the
  forward pass of a network trained with one optimizer said to be faster than with another;
- FC147: SGD (with momentum) said never to match Adam (`永远比不过 Adam`, `始终赶不上 Adam`);
- a last clause that quotes a statement (an option's) and judges it wrong (`…，C 选项“…”不正确。`, `…，B 项“…”的说法
  错误`) is reported on its own: the writer's clauses before it are stated (`verdict_tail`; FC118, FC135 on them).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('面试官：请说明一下学习率 warmup。候选人：就是训练一开始先用大学习率，再一步步把它降下来。', 'FC145', True),  # (missed by the starting code)
    ('考官：请解释学习率预热。考生：训练初期让学习率从大到小慢慢衰减。', 'FC145', True),  # (missed by the starting code)
    ('主持人：请解释学习率预热。选手：不是从大到小，而是让学习率从很小逐步升到目标值。', 'FC145', False),  # (guard)
    ('主持人：请解释学习率预热。选手：就是训练刚开始让学习率从小到大逐步升上去。', 'FC145', False),  # (guard)
    ('阿强：GroupNorm 一共 32 个通道，如果组数取 1，它就相当于哪种归一化？小李：InstanceNorm。', 'FC323', True),  # (missed by the starting code)
    ('甲：把 GroupNorm 的 groups 设成 1，它退化成什么？乙：InstanceNorm。', 'FC323', True),  # (missed by the starting code)
    ('甲：把 GroupNorm 的 groups 设成 1，它退化成什么？乙：LayerNorm。', 'FC323', False),  # (guard)
    ('甲：把 GroupNorm 的 groups 设成 1，它退化成什么？乙：不是 InstanceNorm，而是 LayerNorm。', 'FC323', False),  # (guard)
    ('甲：GroupNorm 的组数取 1，它会退化成 InstanceNorm 吗？乙：不会，是 LayerNorm。', 'FC323', False),  # (guard)
    ('主持人问：Adagrad 训练到后期，有效学习率会怎样变化？三号选手：会越来越大。', 'FC330', True),  # (missed by the starting code)
    ('Adagrad 训练越久，每个参数的步子就迈得越大。', 'FC330', True),  # (missed by the starting code)
    ('用 Adagrad 时，越往后期步子放得越大。', 'FC330', True),  # (missed by the starting code)
    ('主持人问：Adagrad 训练到后期，有效学习率会怎样变化？三号选手：会越来越小。', 'FC330', False),  # (guard)
    ('Adagrad 越到训练后期步子迈得越小。', 'FC330', False),  # (guard)
    ('Adagrad 训练越久，步子并不会越迈越大，反而越来越小。', 'FC330', False),  # (guard)
    ('Adagrad 到了后期步子会越来越大吗？', 'FC330', False),  # (guard)
    ('删掉一半训练样本能缓解过拟合，样本越少，网络能死记的东西也就越少。', 'FC131', True),  # (missed by the starting code)
    ('为了减轻过拟合，可以砍掉一部分训练数据：数据越少，模型能记忆的噪声越少。', 'FC131', True),  # (missed by the starting code)
    ('删掉一半训练样本并不能缓解过拟合，样本越少，网络反而越容易死记训练集。', 'FC131', False),  # (guard)
    ('数据越少，模型越容易记住噪声，所以要用数据增强来缓解过拟合。', 'FC131', False),  # (guard)
    ('减少训练数据量能缓解过拟合吗？', 'FC131', False),  # (guard)
    ('拿 AdamW 训练得到的 ResNet，做前向计算比 SGD 版本更快。', 'FC143', True),  # (missed by the starting code)
    ('优化器选型会影响 inference latency。', 'FC143', True),  # (missed by the starting code)
    ('用 Adam 训练时，前向通常比反向快得多。', 'FC143', False),  # (guard)
    ('优化器的选择并不影响 inference speed。', 'FC143', False),  # (guard)
    ('用 Adam 训练出来的网络，前向并不会比用 SGD 训练的更快。', 'FC143', False),  # (guard)
    ('SGD 在 CV 任务上从来都比不过 Adam。', 'FC147', True),  # (missed by the starting code)
    ('不管什么任务，动量 SGD 始终赶不上 Adam。', 'FC147', True),  # (missed by the starting code)
    ('带动量的 SGD 并非永远比不过 Adam。', 'FC147', False),  # (guard)
    ('SGD 真的永远比不过 Adam 吗？', 'FC147', False),  # (guard)
    ('有人说 SGD 永远比不过 Adam，这种说法是错的。', 'FC147', False),  # (guard)
    ('KL 散度本身就是对称的，可以直接当距离用，因此 C 选项“KL 散度不满足对称性”不正确。', 'FC118', True),  # (missed by the starting code)
    ('L1 正则化其实就是权重衰减，故选项 D“L1 正则会让部分权重变成 0”这种说法是错的。', 'FC135', True),  # (missed by the starting code)
    ('KL(P‖Q) 一般不等于 KL(Q‖P)，因此 C 选项“KL 散度是对称的”不正确。', 'FC118', False),  # (guard)
    ('有同学认为 KL 散度是对称的，C 选项“KL 散度不满足对称性”不正确吗？', 'FC118', False),  # (guard)
    ('KL 散度是对称的吗？B 项“KL 不对称”的说法错误吗？', 'FC118', False),  # (guard)
    ('L1 正则化不是权重衰减，故选项 D“L1 正则就是 weight decay”这种说法是错的。', 'FC135', False),  # (guard)
    ('“L1 正则化就是权重衰减”的说法错误，L1 会产生稀疏解。', 'FC135', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
