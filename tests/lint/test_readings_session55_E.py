"""Readings added in the fifty-fifth session (group E), from the misses of the fifty-third phrasing set, each shown on
sentences of the helper's own wording.

- a Q&A bank written one item a line, its fields parted by spaced bars with no pipe table around them (`问题 | 答案 |
  难度 | 备注`; document._fields_read): each bar is read as the mark that ends the field before it, position for
  position. The first field that asks (a question word, a `题目：` label; no answer's label) ends on ？, so its answer
  is read as answering it and what it asks is no statement (`题目：ZeRO 是张量并行吗 | 参考答案：不是，…` stays clean); a
  first field that names a topic and asks nothing ends on ：, as a label before its answer (`GloVe 的核心思想 | 结合…`);
  the others on 。. A bar inside brackets or a formula (`P(y | x)`), a pipe table's row (opening or closing on a bar,
  or beside a delimiter row) and a line with one bar only are left as they are (FC431, FC440, FC183, FC445, FC435,
  FC444 and the other claims such a line states).
- FC444 reads the bare verb 求 (`要先求样本在高维空间的映射 φ(x)`); FC419 an adverb of contrast before the range said
  narrow (`范围反而窄`, `范围却较窄`); FC153 the data gathered to the server (`先把各方 raw data 集中到 server 上`).
- a bracketed tag of a few Chinese characters that opens a line (`[高频]`, `[追问]`) is read past (document._OPENING_TAG_RE),
  so that the question after it answers as it would alone (FC439).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # one-line items with fields parted by spaced bars
    ('ZeRO 是哪一类并行方法 | 张量并行，按列切分权重矩阵 | 难度 3', 'FC431', True),  # (missed by the starting code)
    ('ZeRO 属于什么并行 | 张量并行，每张卡只算矩阵乘法的一块 | 中', 'FC431', True),  # (missed by the starting code)
    ('Q12 ZeRO 切分的是什么 | 它就是张量并行，把每层的权重矩阵按列切到各卡上分别做乘法 | 难度：中', 'FC431', True),  # (guard)
    ('ZeRO 和张量并行是一回事吗 | 不是，ZeRO 仍是数据并行，只把优化器状态分片存储 | 易', 'FC431', False),  # (flagged by the starting code)
    ('KNN 中 k 设成 1 时 | 模型最简单，最不容易过拟合 | 中', 'FC440', True),  # (missed by the starting code)
    ('KNN 中 k 设成 1 时 | 边界最复杂，最容易过拟合 | 中', 'FC440', False),  # (guard)
    ('KNN 取 k=1 效果如何 | 决策边界最曲折，训练误差为 0，最容易过拟合 | 难度 2', 'FC440', False),  # (guard)
    ('GloVe 的训练目标 | 把全局平均和局部平均两种统计拼起来 | 考点：词向量', 'FC183', True),  # (guard)
    ('GloVe 的训练目标 | 对共现计数的对数做加权最小二乘拟合 | 考点：词向量', 'FC183', False),  # (guard)
    ('AdaBoost 的弱分类器能不能同时训练 | 能，它们互不依赖，丢到几台机器上一起跑就行 | 高频', 'FC445', True),  # (missed by the starting code)
    ('AdaBoost 的弱分类器能不能同时训练 | 不能，下一轮要用上一轮更新后的样本权重 | 高频', 'FC445', False),  # (guard)
    ('题目：层次 softmax 的复杂度是 O(1) 吗 | 答案：不是，沿 Huffman 树走一条路径，约 O(log V) | 中', 'FC435', False),  # (flagged by the starting code)
    ('题目：SVM 的核技巧要显式算出 φ(x) 吗 | 答案：不要，核函数直接给出内积 | 中', 'FC444', False),  # (flagged by the starting code)
    ('word2vec 的负采样按什么分布抽 | 按 unigram 分布的 3/4 次方 | 中', 'FC438', False),  # (guard)
    # (a bracketed tag that opens the line is read past: `[追问] …`)
    ('[面试追问] K 均值需要换几组初值多跑几次吗？不需要，单跑一次就会落到全局最优。', 'FC439', True),  # (missed by the starting code)
    ('[常考] k-means 需要多次随机初始化吗？不需要，算法自己就能找到全局最优的划分。', 'FC439', True),  # (missed by the starting code)
    ('[常考] k-means 需要多次随机初始化吗？需要，单跑一次只能到局部最优。', 'FC439', False),  # (guard)
    ('[面试追问] K 均值跑一次需要换初值重跑吗？不用，一次迭代到收敛就是全局最优解。', 'FC439', True),  # (guard)
    ('[面试追问] K 均值能保证全局最优吗？不能，只能收敛到局部最优，所以要多次重启。', 'FC439', False),  # (guard)
    ('[常考] K 均值收敛到的是全局最优吗？', 'FC439', False),  # (guard)
    # (a conditional probability's bar is no field's end)
    ('朴素贝叶斯用 P(y | x) ∝ P(x | y) P(y) 做分类，核技巧则不用先求 φ(x)。', 'FC444', False),  # (guard)
    # FC444: the bare verb 求
    ('用多项式核时，核技巧得先求每个样本的高维坐标，然后才能做内积。', 'FC444', True),  # (missed by the starting code)
    ('核技巧要先求样本在高维空间里的表示，再两两做内积。', 'FC444', True),  # (missed by the starting code)
    ('核技巧的第一步是求出每个样本在高维空间里的向量。', 'FC444', True),  # (guard)
    ('核技巧并不先求 φ(x)，而是直接计算 K(x, z)。', 'FC444', False),  # (guard)
    ('核技巧需要先求高维映射吗？', 'FC444', False),  # (guard)
    ('不用核技巧时，要先求样本在高维空间的映射再算内积。', 'FC444', False),  # (guard)
    # FC419: an adverb of contrast before the range said narrow
    ('说到 bfloat16，精度低一些，动态范围反而更小。', 'FC419', True),  # (missed by the starting code)
    ('bfloat16 用 8 位指数，表示范围却较窄。', 'FC419', True),  # (missed by the starting code)
    ('BF16 的尾数只有 7 位，可它的数值范围却比 FP16 窄。', 'FC419', True),  # (guard)
    ('BF16 精度低，范围反而大，和 FP32 一样。', 'FC419', False),  # (guard)
    ('FP16 精度更高，范围反而窄；BF16 不是这样。', 'FC419', False),  # (guard)
    # FC153: the data gathered to the server
    ('联邦学习每轮先把大家的样本收集到 server 上再训练。', 'FC153', True),  # (missed by the starting code)
    ('在联邦学习里，服务器先将各医院的样本收集至云端，然后训练。', 'FC153', True),  # (missed by the starting code)
    ('联邦学习每一轮都要把客户端数据汇总到服务器，再统一更新模型。', 'FC153', True),  # (guard)
    ('联邦学习并不把数据集中到服务器，只上传梯度。', 'FC153', False),  # (guard)
    ('集中式训练把数据集中到服务器上，联邦学习则让数据留在本地。', 'FC153', False),  # (guard)
    ('联邦学习会把数据集中到服务器吗？不会。', 'FC153', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
