"""Readings and rule phrasings added in the fifty-third session (group D), from the misses of the fifty-first phrasing
set (family dialogues: `妈妈：…？小明：…`), each shown on sentences of the helper's own wording.

- a family's members as the speakers of a dialogue written on one line (`爸爸：…？小明：…`, `二姨：…`): the question and
  its answer read as the statement they make, as `甲：…？乙：…` do (FC460, FC464);
- an example of the kinds of answer given (`…，比如是猫还是狗`) is no alternative question: the sentence states (FC459);
- a supposition that only sets up a worked example's numbers (`假如词表有 100 万个词，…`): what the clauses after it work
  out is stated (FC435);
- `这个算法本身…` goes on with the method named before, as `它本身…` does (FC439, which also takes k-means++: it only
  seeds k-means, and reaches a local optimum as well; a result brought nearer to the optimum, `更接近全局最优`, is no claim
  that it is reached);
- FC418: the weight's value named plainly (`数值越大越先剪`);
- FC421: the overflow averted with 免得/以免 (`免得冲破上限`), the loss discounted (`给损失打个折`);
- FC424: a hedge with 不 in it before the byte count (`每个参数差不多占 1 字节`);
- FC432/FC433: a worked sentence's quoted words said to be predicted on both sides or in the middle;
- FC435: the output said to be done in one step, and 彻底/根本 before 无关;
- FC436: a word said to be dropped the less it appears (`出现得越少越容易被扔掉`);
- FC438: the labels pointed at (`根据这些标签`);
- FC441: clustering said in a word (`聚一下`);
- FC444: φ(x) computed first and kept (`先把每个点的 φ(x) 算好存下来`);
- FC446: all trees said to learn the original label (`所有树学的都是原标签`);
- FC456: IoU below the threshold said to be eliminated (`淘汰`), the boxes that overlap much said kept instead;
- FC463: OpenAI said to have put out the title, and the paper named as that of 2018;
- FC464: what was first brought in put before the verb (`第一次把注意力提出来`);
- FC467: Hinton the subject of the sentence, the verb of proposing Adam in a later clause.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    # dialogue of a family
    ('姐姐：mAP 到底是什么？小刚：就是每个类别分类准确率的平均数。', 'FC460', True),  # (missed by the starting code)
    ('舅舅：注意力机制最早是谁提出来的？小刚：就是 Vaswani 他们 2017 年那篇论文。', 'FC464', True),  # (missed by the starting code)
    ('姐姐：mAP 到底是什么？小刚：是各个类别 AP 的平均，AP 是 PR 曲线下的面积。', 'FC460', False),  # (guard)
    ('舅舅：注意力机制最早是谁提出来的？小刚：是 Bahdanau 等人在 2014 年提出的。', 'FC464', False),  # (guard)
    # an example of the answer, not a question
    ('区域建议网络对每个候选区域都会报出具体类别，例如是人还是车。', 'FC459', True),  # (missed by the starting code)
    ('区域建议网络只判断候选区域是不是前景，例如是物体还是背景。', 'FC459', False),  # (guard)
    ('区域建议网络会报出具体类别吗，比如是人还是车？', 'FC459', False),  # (guard)
    # worked numbers set up by a supposition
    ('假设一共有 5 万个词，原始 softmax 要做 5 万次运算，改用层次 softmax 后一步就能算完。', 'FC435', True),  # (missed by the starting code)
    ('假设一共有 5 万个词，原始 softmax 要做 5 万次运算，改用层次 softmax 后只需约 16 次二分类。', 'FC435', False),  # (guard)
    ('假设一共有 5 万个词，层次 softmax 并不能一步算完，要走 log V 层。', 'FC435', False),  # (guard)
    # FC435
    ('层次 softmax 的开销跟词表大小根本无关。', 'FC435', True),  # (missed by the starting code)
    ('层次 softmax 每一步就能算完一个节点的 sigmoid，总共约 log V 步。', 'FC435', False),  # (guard)
    ('层次 softmax 能一步就能算完吗？', 'FC435', False),  # (guard)
    # 这个算法本身, FC439
    ('做聚类时我一般直接跑 K 均值，因为这个算法本身就保证能拿到全局最好的划分。', 'FC439', True),  # (missed by the starting code)
    ('k-means++ 的初始化就能保证结果是全局最优。', 'FC439', True),  # (missed by the starting code)
    ('K 均值多跑几次、挑最好的一次，能更接近全局最优。', 'FC439', False),  # (guard)
    ('做聚类时我一般多跑几次 K 均值，因为这个算法本身并不保证全局最优。', 'FC439', False),  # (guard)
    ('k-means++ 能保证全局最优吗？', 'FC439', False),  # (guard)
    # FC418
    ('幅值剪枝的时候，权重数值越大越应该被剪掉。', 'FC418', True),  # (missed by the starting code)
    ('按幅值剪枝，数值越大越优先剪。', 'FC418', True),  # (missed by the starting code)
    ('幅值剪枝的时候，权重数值越小越先被剪掉，大的保留。', 'FC418', False),  # (guard)
    ('幅值剪枝会不会让数值越大越先剪？', 'FC418', False),  # (guard)
    # FC421
    ('损失缩放的目的就是让梯度变小一点，以免超过 FP16 的表示上限。', 'FC421', True),  # (missed by the starting code)
    ('GradScaler 会先给 loss 打个折再反传。', 'FC421', True),  # (missed by the starting code)
    ('损失缩放先把 loss 乘一个大因子，免得小梯度在 FP16 里下溢成 0。', 'FC421', False),  # (guard)
    ('损失缩放并不是给 loss 打折，而是把它放大。', 'FC421', False),  # (guard)
    # FC424
    ('用 FP16 存的话，每个参数差不多占 1 个字节。', 'FC424', True),  # (missed by the starting code)
    ('FP16 下单个权重差不多占一个字节吧。', 'FC424', True),  # (missed by the starting code)
    ('FP16 下每个参数差不多占 2 个字节。', 'FC424', False),  # (guard)
    ('FP16 下每个参数差不多占 1 个字节吗？', 'FC424', False),  # (guard)
    # FC432 / FC433
    ('以“猫 坐 在 垫子”为例，CBOW 从“坐”出发去预测两侧的“猫”和“在”。', 'FC432', True),  # (missed by the starting code)
    ('以“猫 坐 在 垫子”为例，Skip-gram 用“猫”和“在”去预测中间的“坐”。', 'FC433', True),  # (missed by the starting code)
    ('以“猫 坐 在 垫子”为例，CBOW 用“猫”和“在”去预测中间的“坐”。', 'FC432', False),  # (guard)
    ('以“猫 坐 在 垫子”为例，Skip-gram 从“坐”出发去预测两侧的“猫”和“在”。', 'FC433', False),  # (guard)
    # FC436
    ('word2vec 做下采样时，一个词出现的次数越少越容易被丢掉。', 'FC436', True),  # (missed by the starting code)
    ('高频词下采样里，词出现得越少越可能被剔除。', 'FC436', True),  # (missed by the starting code)
    ('高频词下采样里，词出现得越多越可能被剔除。', 'FC436', False),  # (guard)
    ('高频词下采样里，词出现得越少并不会越容易被丢掉。', 'FC436', False),  # (guard)
    # FC438
    ('K 均值根据这些标签学出每一类的中心。', 'FC438', True),  # (missed by the starting code)
    ('k-means 要依据那批人工标注来划分簇。', 'FC438', True),  # (missed by the starting code)
    ('K 均值不根据这些标签，只按距离分簇。', 'FC438', False),  # (guard)
    ('K 均值会根据这些标签学出类别中心吗？', 'FC438', False),  # (guard)
    # FC441
    ('拿 KNN 把用户聚一下，就能分出几个群体。', 'FC441', True),  # (missed by the starting code)
    ('k 近邻可以把这批用户数据聚一聚。', 'FC441', True),  # (missed by the starting code)
    ('KNN 不能把无标签数据聚一下，聚类要用 k-means。', 'FC441', False),  # (guard)
    ('KNN 能把用户聚一下吗？', 'FC441', False),  # (guard)
    # FC444
    ('用高斯核时，得先把所有样本的 φ(x) 计算出来存起来。', 'FC444', True),  # (missed by the starting code)
    ('核函数要先将每个数据的映射 Φ(x) 算好。', 'FC444', True),  # (missed by the starting code)
    ('用高斯核时，不必先把所有样本的 φ(x) 计算出来。', 'FC444', False),  # (guard)
    ('核技巧避免了先把 φ(x) 算好这一步，直接算 K(x, z)。', 'FC444', False),  # (guard)
    # FC446
    ('梯度提升树里所有的树学的都是原始标签。', 'FC446', True),  # (missed by the starting code)
    ('GBDT 的每棵树拟合的都是原标签。', 'FC446', True),  # (missed by the starting code)
    ('GBDT 的每棵树拟合的都不是原标签，而是负梯度。', 'FC446', False),  # (guard)
    ('GBDT 的每棵树拟合的都是原标签吗？', 'FC446', False),  # (guard)
    # FC456
    ('NMS 里和最高分框交并比低于阈值的框会被淘汰。', 'FC456', True),  # (missed by the starting code)
    ('非极大值抑制时，跟当前框重叠较多的框却被保留。', 'FC456', True),  # (missed by the starting code)
    ('NMS 里和最高分框交并比高于阈值的框会被淘汰，重叠较多的不会保留。', 'FC456', False),  # (guard)
    ('非极大值抑制时，跟当前框重叠较多的框会被保留吗？', 'FC456', False),  # (guard)
    # FC463
    ('OpenAI 当年发了 Attention Is All You Need。', 'FC463', True),  # (missed by the starting code)
    ('Transformer 论文其实是 2018 年那篇。', 'FC463', True),  # (missed by the starting code)
    ('OpenAI 并没有发 Attention Is All You Need，那是 Google 的。', 'FC463', False),  # (guard)
    ('GPT 是 OpenAI 2018 年那篇论文提出的，它用了 Transformer 的解码器。', 'FC463', False),  # (guard)
    # FC464
    ('《Attention Is All You Need》这篇论文首次把注意力引入了机器翻译。', 'FC464', True),  # (missed by the starting code)
    ('Vaswani 等人最早把注意力机制提出来。', 'FC464', True),  # (missed by the starting code)
    ('Transformer 并不是首次把注意力引入机器翻译的，Bahdanau 早就用了。', 'FC464', False),  # (guard)
    ('Transformer 首次把自注意力作为唯一的序列建模方式。', 'FC464', False),  # (guard)
    # FC467
    ('Hinton 当年除了研究玻尔兹曼机，还提出了 Adam。', 'FC467', True),  # (missed by the starting code)
    ('辛顿在多伦多教书，也亲手设计了 Adam。', 'FC467', True),  # (missed by the starting code)
    ('Hinton 提出了 RMSProp，后来 Kingma 和 Ba 又提出了 Adam。', 'FC467', False),  # (guard)
    ('Hinton 还提出了 Adam 吗？', 'FC467', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
