"""Readings and rule phrasings added in the fifty-second session (group F), from the misses of the fiftieth phrasing
set, each shown on sentences of the helper's own wording.

- a teacher's praise of the one who asked (`这位同学问得好，`, `这位同学很细心，`): an opener with no topic of its own (FC437);
- a contrast clause whose topic the phrasing itself describes (`…，而 IoU 为 0.8 的框则会保留`): no topic of its own (FC456);
- a term that only owns the noun a phrasing opens on (`GAN 的判别器…`, `线性层的矩阵…`) or is the example of the way of
  doing it describes (`Megatron-LM 那种把…`), in a scene or a way of doing later named (`…时，这就是 X`, `…的做法，叫 X`):
  said of the term named (FC454, FC426, FC427); a negation in the rest of the scene is the scene's (`…、不再更新时`);
- a naming clause (`这就是 X`) after clauses that go on with the description and name terms only as what they keep or use
  (`…，其余部分保留 FP32，…，这就是 X`), and X as the one a lesson spoke of (`第五周所说的 X`) (FC144);
- FC432/FC433: a worked sample with one word in and several out; the context words put together to predict one;
- FC437: a network said to be deep enough (`够深：`), several layers of a named nonlinearity (`多层 ReLU 变换`);
- FC397: the reward model named just before taken up again by 它 (`DPO 离不开它`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('问得好，Skip-gram 之所以快，靠的是网络很深。', 'FC437', True),  # (missed by the starting code)
    ('这位同学很细心，CBOW 之所以好用，全靠它足够深：中心词向量要经过好几层 tanh 映射。', 'FC437', True),  # (missed by the starting code)
    ('Word2Vec 的网络够深。', 'FC437', True),  # (missed by the starting code)
    ('这位同学问得好，word2vec 之所以快，正是因为网络很浅，只有一个线性投影层。', 'FC437', False),  # (guard)
    ('word2vec 的网络并不深，只有一个没有激活函数的投影层。', 'FC437', False),  # (guard)
    ('word2vec 的输入要经过多层 ReLU 变换吗？', 'FC437', False),  # (guard)
    ('BERT 之所以效果好，靠的就是网络够深：十二层 Transformer 逐层加工表示。', 'FC437', False),  # (guard)
    ('NMS 会把重复框删掉，而 IoU 达到 0.9 的框则会保留下来。', 'FC456', True),  # (missed by the starting code)
    ('非极大值抑制会去掉一部分框，而 IoU 是 0.95 的框则会被保留。', 'FC456', True),  # (missed by the starting code)
    ('NMS 会删掉高度重叠的框，而 IoU 为 0.1 的框则会保留下来。', 'FC456', False),  # (guard)
    ('NMS 会删掉重叠框，而 IoU 为 0.9 的框则不会保留。', 'FC456', False),  # (guard)
    ('NMS 里 IoU 为 0.9 的框会保留下来吗？', 'FC456', False),  # (guard)
    ('当 GAN 的判别器 loss 降到 0、再也学不动时，这就叫模式坍塌。', 'FC454', True),  # (missed by the starting code)
    ('当 GAN 的判别器损失变为零、梯度不再回传的时候，这种情况就叫 mode collapse。', 'FC454', True),  # (missed by the starting code)
    ('当 GAN 的判别器损失掉到 0 时，这并不是模式崩溃，而是判别器太强。', 'FC454', False),  # (guard)
    ('当 GAN 的生成器翻来覆去只产出几种样本时，这就是模式崩溃。', 'FC454', False),  # (guard)
    ('当 GAN 的判别器损失掉到 0 时，这就是模式崩溃吗？', 'FC454', False),  # (guard)
    ('Megatron-LM 那种把 MLP 的权重矩阵按行切开的办法，就叫流水线并行。', 'FC427', True),  # (missed by the starting code)
    ('把一个全连接层的权重矩阵按列拆到四张卡上，这种做法叫流水线并行。', 'FC427', True),  # (missed by the starting code)
    ('Megatron-LM 那种把线性层的矩阵按列拆开的做法，叫张量并行。', 'FC427', False),  # (guard)
    ('Megatron-LM 那种把线性层的矩阵按列拆开的做法，不叫流水线并行，而叫张量并行。', 'FC427', False),  # (guard)
    ('Megatron-LM 那种把线性层的矩阵按列拆开的做法，叫流水线并行吗？', 'FC427', False),  # (guard)
    ('GPipe 那种把连续的几层分到不同的卡上的做法，则叫张量并行。', 'FC426', True),  # (missed by the starting code)
    ('PipeDream 那种把连续的层分配到不同卡上、交错执行微批次的方法，就是张量并行。', 'FC426', True),  # (missed by the starting code)
    ('GPipe 那种把连续的层放到不同卡上的做法，叫流水线并行。', 'FC426', False),  # (guard)
    ('GPipe 那种把连续的层放到不同卡上的做法，并不叫张量并行。', 'FC426', False),  # (guard)
    ('训练时把一半的层换成 INT8 计算，其余的层保留 FP32，这就是混合精度。', 'FC144', True),  # (missed by the starting code)
    ('前向时部分矩阵乘法换成 INT8 计算，主权重仍用 FP32，这就是前面讲过的混合精度训练。', 'FC144', True),  # (missed by the starting code)
    ('训练时大部分运算换成 FP16，主权重保留 FP32，再配合损失缩放，这就是混合精度。', 'FC144', False),  # (guard)
    ('部署时把一部分层换成 INT8 计算，其余部分保留 FP16，这并不是混合精度训练，而是量化。', 'FC144', False),  # (guard)
    ('训练时把一部分层换成 INT8 计算，其余部分保留 FP32，这就是混合精度吗？', 'FC144', False),  # (guard)
    ('拿 I love deep learning 举例，CBOW 喂进去的输入是 love、输出是 I、deep、learning。', 'FC432', True),  # (missed by the starting code)
    ('连续词袋模型里，每条样本是输入 "fox"、输出 "the"、"quick" 和 "brown"。', 'FC432', True),  # (missed by the starting code)
    ('CBOW 的训练样本是输入 the、cat、on，输出 sat。', 'FC432', False),  # (guard)
    ('Skip-gram 的训练样本是输入 sat、输出 the、cat、on 这些词。', 'FC432', False),  # (guard)
    ('跳字模型则把 I、deep、learning 这几个上下文词加起来去预测 love。', 'FC433', True),  # (missed by the starting code)
    ('Skip-gram 把窗口里的上下文词向量合起来去预测 fox。', 'FC433', True),  # (missed by the starting code)
    ('CBOW 把周围的上下文词合起来去预测中心词，Skip-gram 则不把上下文词加起来，而是用中心词逐个预测它们。', 'FC433', False),  # (guard)
    ('Skip-gram 会把窗口里的上下文词加起来再去预测中间那个词吗？', 'FC433', False),  # (guard)
    ('RLHF 里要单独训练奖励模型，DPO 同样依赖它来给回答打分。', 'FC397', True),  # (missed by the starting code)
    ('奖励模型是 RLHF 的核心部件，DPO 训练时也少不了它。', 'FC397', True),  # (missed by the starting code)
    ('RLHF 里要单独训练奖励模型，DPO 则完全不依赖它。', 'FC397', False),  # (guard)
    ('奖励模型在 RLHF 里很关键，那 DPO 也离不开它吗？', 'FC397', False),  # (guard)
    ('PPO 需要奖励模型打分，DPO 并不需要它。', 'FC397', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
