"""Readings and rule phrasings added in the fiftieth session (group F), from a grader's notes that quote an answer and
judge it, each shown on sentences of the helper's own wording.

- the reading: a sentence that reports what was said and ends on the writer's verdict that it is wrong (`…，这不对；`,
  `…，这是反的。`, `…，这个限制并不存在；`) hands its subject to the next sentence, which states what the writer says is
  so (as after `其实`); 别 inside a word (`把这个区别说清楚了`) no longer reads an approved answer as a belief refuted;
  a clause that opens on 根本 (`…，根本用不到 PR 曲线`) goes on with the term before it, and 根本无法 (one word to the
  segmenter) negates what follows;
- FC418: the weights cut named by their values, then said to be the largest (`剪掉 0.9 和 −0.7 这两个绝对值最大的`);
- FC444: the mapped vector written out, then its inner product taken (`先把 (x1, x2) 展开成 (…) 这些高维特征再做内积`);
- FC460: the PR curve said to play no part in mAP (`根本用不到 PR 曲线`, `和 PR 曲线没关系`);
- FC464: `只用` excuses only a statement that the Transformer uses attention alone, not one that earlier models used
  only something else (`此前的翻译都只用不带注意力的 RNN`);
- FC158: an advantage named only to be called a flaw right after (`把不敏感当成优点，其实这正是缺点`) is no longer
  taken for a denial.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('点评：候选人说 NMS 会删掉和最高分框重叠很大的框，这是错的；阈值取 0.6 时，和最高分框 IoU 只有 0.2 的框会被去掉。', 'FC456', True),  # (missed by the starting code)
    ('有同学说 GBDT 每棵树拟合负梯度，这是反的。每棵新树都在拟合原始标签。', 'FC446', True),  # (missed by the starting code)
    ('有同学说 GBDT 每棵树拟合原始标签，这是反的。每棵新树拟合的是负梯度。', 'FC446', False),  # (guard)
    ('扣分：回答说 NMS 会删掉和最高分框 IoU 低的框，这不对；与最高分框 IoU 超过阈值的框才会被抑制。', 'FC456', False),  # (guard)
    ('回答说 NMS 会保留 IoU 小的框；与最高分框 IoU 超过阈值的框会被抑制。', 'FC456', False),  # (guard)
    ('回答说 NMS 会保留和最高分框 IoU 小的框，这不对吗？', 'FC456', False),  # (guard)
    ('有同学说 GBDT 每棵树拟合原始标签，这不对；每一棵新树学的都是负梯度。', 'FC446', False),  # (guard)
    ('这份回答可以给满分：对称量化需要额外存一个非零的零点，回答把这个区别说清楚了。', 'FC416', True),  # (missed by the starting code)
    ('这份回答可以给满分：对称量化的零点固定为 0，回答把这个区别说清楚了。', 'FC416', False),  # (guard)
    ('别说对称量化需要非零零点，它的零点固定为 0。', 'FC416', False),  # (guard)
    ('幅值剪枝时要先删掉 0.8、−0.6 这些幅值最大的。', 'FC418', True),  # (missed by the starting code)
    ('幅值剪枝会剪除 -2.3 和 1.9 这两个绝对值最大的参数。', 'FC418', True),  # (missed by the starting code)
    ('幅值剪枝时应先剪掉 0.03 和 0.01 这两个绝对值最小的。', 'FC418', False),  # (guard)
    ('幅值剪枝不会剪掉 0.9 和 −0.7 这两个绝对值最大的，而是剪掉 0.05 和 0.01。', 'FC418', False),  # (guard)
    ('注意力机制是 Vaswani 等人首创的，在那之前的 seq2seq 都只用 RNN。', 'FC464', True),  # (missed by the starting code)
    ('Attention Is All You Need 首创了注意力机制，之前的机器翻译仅用卷积网络。', 'FC464', True),  # (missed by the starting code)
    ('Transformer 首创的是只用自注意力的结构，注意力机制本身 2014 年就有了。', 'FC464', False),  # (guard)
    ('注意力机制是 Transformer 首创的吗？', 'FC464', False),  # (guard)
    ('核技巧要先把样本展开成高维特征再做内积。', 'FC444', True),  # (missed by the starting code)
    ('用多项式核时，得先把 (a, b) 映射成 (a², √2ab, b²) 这样的高维向量再算内积。', 'FC444', True),  # (missed by the starting code)
    ('核技巧不需要先把样本展开成高维特征再做内积。', 'FC444', False),  # (guard)
    ('核技巧根本无法显式写出映射，只能直接算核函数。', 'FC444', False),  # (flagged by the starting code)
    ('RBF 核对应无穷维空间，根本无法显式写出映射。', 'FC444', False),  # (flagged by the starting code)
    ('不用核技巧的话，得先把样本映射到高维空间的特征再算内积，代价很大。', 'FC444', False),  # (guard)
    ('检测里的 mAP 和 PR 曲线没什么关系。', 'FC460', True),  # (missed by the starting code)
    ('mAP 的值是 0.7，根本不需要 PR 曲线。', 'FC460', True),  # (missed by the starting code)
    ('mAP 离不开 PR 曲线：每类先算 PR 曲线下面积得到 AP。', 'FC460', False),  # (guard)
    ('mAP 用不用得到 PR 曲线？', 'FC460', False),  # (guard)
    ('AUC 不需要 PR 曲线，mAP 则要。', 'FC460', False),  # (guard)
    ('对噪声不敏感常被当成优点，其实恰恰是模型的缺点，需要改进。', 'FC158', True),  # (missed by the starting code)
    ('回答把模型对输入扰动不敏感看作优势，其实这正是毛病，模型还需改进。', 'FC158', True),  # (missed by the starting code)
    ('有人把对噪声不敏感当成缺点，其实这正是优点。', 'FC158', False),  # (guard)
    ('对噪声不敏感是优点，不是需要改进的问题。', 'FC158', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
