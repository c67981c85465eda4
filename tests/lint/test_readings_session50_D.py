"""Readings and rule phrasings added in the fiftieth session (group D), from the misses of the forty-eighth phrasing
set, each shown on sentences of the helper's own wording.

- a grader's approval that opens a sentence before a colon (`这条回答给满分：`, `这份答案讲得对：`, `给满分：`) is an
  opening marker: the term after it is the sentence's subject, and later clauses go on with it (FC439, FC144);
- an indirect question told as the purpose of the clause's head (`…来判定检测是否正确`, `…用来判断是不是过拟合`) no
  longer makes the whole clause a question: its head is read (FC461);
- FC445: the learners trained at once on several machines (`可以同时在多台机器上训练`);
- FC446: the label taken as the tree's target with a bare 当 (`拿真实标签 y 当回归目标`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('这份答案给满分：k-means 每轮重新分配样本，等分配稳定下来，就拿到了误差平方和的全局最优。', 'FC439', True),  # (missed by the starting code)
    ('这条回答说得对：Lloyd 算法跑到质心不再移动，收敛到的就是全局最优解。', 'FC439', True),  # (missed by the starting code)
    ('这条回答给满分：k-means 跑到质心不再移动，收敛到的只是一个局部最优解。', 'FC439', False),  # (guard)
    ('这条回答正确吗：k-means 跑到质心不再移动，收敛到的是全局最优解吗？', 'FC439', False),  # (guard)
    ('这份答案给满分：mixed precision 训练的做法，就是一部分算子跑浮点、一部分算子跑 INT8 整数运算。', 'FC144', True),  # (missed by the starting code)
    ('这条回答正确：混合精度训练的关键在于分工，前向用 INT8 整数运算，反向再切回浮点运算。', 'FC144', True),  # (missed by the starting code)
    ('这条回答讲得对：混合精度训练里，矩阵乘法用 FP16 算，主权重留一份 FP32，两者混着来。', 'FC144', False),  # (guard)
    ('混合精度训练并不是让一部分算子走 INT8 整数运算，而是混用 FP16 和 FP32。', 'FC144', False),  # (guard)
    ('COCO 的 AP 只取 IoU 为 0.5 的情况来判断预测框是不是命中。', 'FC461', True),  # (missed by the starting code)
    ('COCO 主指标只用 0.5 这一个 IoU 阈值，用来确定一个框能否算作真正例。', 'FC461', True),  # (guard)
    ('COCO 主指标用 0.5 到 0.95 共十个 IoU 阈值来判断预测框是否命中，再取平均。', 'FC461', False),  # (guard)
    ('COCO 的主指标并不只用 IoU = 0.5 一个阈值来判定检测是否正确。', 'FC461', False),  # (guard)
    ('COCO 的主指标是否只用 IoU = 0.5 来判定检测是否正确？', 'FC461', False),  # (guard)
    ('Boosting 的基学习器之间关系松散，可以同时在几个节点上训练。', 'FC445', True),  # (missed by the starting code)
    ('梯度提升里的树能够并行地在多台机器上训练，训练时间因此大幅缩短。', 'FC445', True),  # (missed by the starting code)
    ('AdaBoost 的弱分类器不能同时在多个 GPU 上训练，后一个要用前一个更新过的样本权重。', 'FC445', False),  # (guard)
    ('随机森林的树可以同时在多台机器上训练，梯度提升则只能一棵接一棵地训练。', 'FC445', False),  # (guard)
    ('GBDT 每轮都拿原始标签当拟合目标，一棵树接一棵树地训练。', 'FC446', True),  # (missed by the starting code)
    ('梯度提升树的第 3 棵树也是把样本的真实 y 当训练目标。', 'FC446', True),  # (missed by the starting code)
    ('GBDT 的新树不是拿原始标签当拟合目标，而是拟合负梯度。', 'FC446', False),  # (guard)
    ('GBDT 的新树拿当前模型的负梯度当拟合目标，平方损失下就是残差。', 'FC446', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
