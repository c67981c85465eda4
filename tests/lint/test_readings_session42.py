"""Readings added in the forty-second session (2026-12-06), in wording of my own.

From the fortieth phrasing set's flagged traps and misses (read this session; the forty-first stays unread):

- a claim made, or a step taken, by another party the text answers (the authors of a paper under review, the original
  text, a tutorial, a blogger), set right by the writer in a later clause of the same sentence (`笔者需要指出`, `我不认同`,
  `但必须指出`, `我认为这其实…`), is reported to be refuted; what the writer says after the rebuttal is read as a statement;
  a claim the writer lets stand (`我同意`) stays a claim;
- a colleague who holds a belief firmly (`有个实习生认定…`), or one of them who calls one thing another (`有位同事把 X 和 Y
  放在一起叫框架`), reports a belief, as `有人把…` does;
- a way of doing compared with (`比按原始词频抽样更高`) is what is compared with, not the subject's way;
- a verb of meaning that is a definition's copula (`本标准所称 X，系指…`, `是指一种…`) reads as 是;
- a time before the speaker (`那几年我给实习生讲 X，说…`) keeps the speaker's words about X;
- the writer's own view before a pronoun (`我认为这会…`, `笔者认为其…`) goes on with what the pronoun stands for;
- `自然就…` goes on with the clause's topic; after what we use (`我们用 X 加速推理，`), a clause that weighs it (`代价是…`,
  `好处是…`) is said of X;
- (a rule's phrasing, not a reading) what the mantissa bits are in charge of (`口诀：…尾数位多管精度`) is not said of the
  FP8 format carried from the sentence before: FC422 and FC423 read `管精度`/`管范围` only without a subject of its own
  before the verb (from a trap of a read set that was flagged);
- what is named a wrong saying before it (`常见的错误说法是“…”`, `典型的错误理解是：…`) is reported, not stated;
- an arrow to what follows (`无法合并 → 增加推理延迟`) bounds a negation as a colon does: the cause's 无法 is the cause's;
- a supposition that only says one term is used (`如果使用 L2 正则化，…`, `若用 X 训练，…`) is followed by what comes of the
  term: the consequence is said of it (not a supposition of anything else about it, `如果 L2 正则化的系数很大，…`, nor a
  use denied, `如果不用…`);
- what a paper or its authors tried (`原论文也试过可学习版本`) is an experiment told, not a property of the term carried.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (each positive case fails on the session's starting code unless marked as a guard; each negative one is a guard
# unless marked as flagged on the starting code)
CASES = [
    ('原文在第二段称 L2 正则化会让权重变得稀疏，笔者需要指出，这其实是 L1 正则化的特点。', 'FC134', False),  # (guard: clean on the starting code too)
    ('教程把 Adam 描述为一种二阶优化方法，我不认同：它只用到梯度的一阶矩和二阶矩的估计。', 'FC332', False),  # (flagged on the starting code)
    ('博主认为 KL 散度是对称的距离度量，但必须指出 KL(P‖Q) 一般不等于 KL(Q‖P)。', 'FC118', False),  # (flagged on the starting code)
    ('原文称 L2 正则化会让权重变得稀疏，我同意这一点。', 'FC134', True),  # (guard)
    ('教程把 dropout 描述为推理时也要随机丢弃神经元，我不认同：推理时应关闭 dropout，而 L2 正则化会让权重变得稀疏。', 'FC134', True),  # (guard)
    ('有个实习生认定 BN 层没有可学习参数，我让他把 gamma 和 beta 打印出来看看。', 'FC324', False),  # (flagged on the starting code)
    ('有位同事把 PyTorch 和 ResNet 放在一起叫框架，我解释说 ResNet 是模型，PyTorch 才是框架。', 'FC171', False),  # (flagged on the starting code)
    ('负采样按 3/4 次方抽样，低频词被抽中的概率比按原始词频抽样要高。', 'FC434', False),  # (flagged on the starting code)
    ('负采样直接按原始词频抽样。', 'FC434', True),  # (guard)
    ('非极大值抑制先保留得分最高的框并删除与它 IoU 高于阈值的框，再对剩下的框重复这一过程。', 'FC456', False),  # (flagged on the starting code)
    ('本标准所称 ZeRO，系指一种张量并行方法。', 'FC431', True),
    ('本办法所称 ZeRO，系指一种显存优化的数据并行方法。', 'FC431', False),  # (guard)
    ('那几年我给实习生讲梯度消失，说最受影响的是靠近输出层的几层。', 'FC339', True),
    ('作者引入了标签平滑，我认为这会让模型的预测更加过度自信。', 'FC319', True),
    ('作者引入了标签平滑，我认为这能缓解模型的过度自信。', 'FC319', False),  # (guard)
    ('我们用贪心解码，它每步挑概率最大的词，自然就得到全局最优的整句。', 'FC402', True),
    ('我们用投机解码加速推理，代价是输出分布会偏向草稿模型。', 'FC408', True),
    ('我们用投机解码加速推理，代价是要多部署一个草稿模型。', 'FC408', False),  # (guard)
    ('E5M2 的范围比 E4M3 大。口诀：指数位多管范围，尾数位多管精度。', 'FC422', False),  # (flagged on the starting code)
    ('E5M2 的范围比 E4M3 大。E5M2 尾数位多，所以精度更高。', 'FC422', True),  # (guard)
    ('一个常见的错误说法是“GPT 是双向语言模型”，其实 GPT 只看左边的上下文。', 'FC174', False),  # (flagged on the starting code)
    ('面试中典型的错误理解是：L2 正则化会让权重变得稀疏。', 'FC134', False),  # (flagged on the starting code)
    ('Adapter 含非线性、无法合并 → 增加推理层数和延迟。', 'FC392', False),  # (flagged on the starting code)
    ('Adapter 可以合并进主干 → 不增加推理延迟。', 'FC392', True),  # (guard)
    ('如果使用 L2 正则化，权重会变得稀疏。', 'FC134', True),
    ('假如用投机解码，输出的分布会向草稿模型偏移。', 'FC408', True),
    ('如果使用 L2 正则化，权重会整体变小但不会稀疏。', 'FC134', False),  # (guard)
    ('如果不用 L2 正则化，权重会变得稀疏吗？', 'FC134', False),  # (guard)
    ('如果 L2 正则化的系数很大，权重会变得很小。', 'FC134', False),  # (guard)
    ('正弦位置编码是固定的。原论文也试过可学习的位置嵌入，效果相近。', 'FC372', False),  # (guard)
    ('问：正弦位置编码是可学习参数吗？答：不是；原论文也试过可学习版本，效果差不多。', 'FC372', False),  # (flagged on the starting code)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
