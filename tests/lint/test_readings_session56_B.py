"""Readings added in the fifty-sixth session (group B), from the misses of the fifty-fourth phrasing set (a slide's
bullets with the speaker's note in brackets, `…（讲者备注：…。）`), each shown on sentences of the helper's own wording.

- a bracket closed right after the full stop of the aside inside it (`…（详见原论文。）`) belongs to the sentence the
  bracket opened in (text.split_spans): the `）` was read as a sentence of its own, the sentence before it kept an open
  bracket, and its commas inside a formula (`max(0, d(a,n) …`) were taken for clause ends (FC309)
- a bracketed note (`（注：…，…）`, `（讲者备注：…）`) is a sentence of its own: its commas part clauses
  (text.clause_spans), so a denial in one clause does not reach over the next, and a goal set before the means to use
  (`要稀疏请用 L1`, `要做特征选择应该用 L1`) supposes (text.SUPPOSE_RE): it states nothing of the term before (FC134, FC313)
- L1 said identical to weight decay with `≡` (FC135)
- less data named by cutting it (`砍数据量`, `削减数据量`) is a term of its own, not the data augmentation named before
  (FC140)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (a bracket closed right after the full stop inside it)
    ('三元组损失写成 max(0, d(a,n) − d(a,p) + α)（详见原论文。）', 'FC309', True),  # (missed by the starting code)
    ('度量学习里三元组损失的目标是 max(0, d(a,n) − d(a,p) + margin)（margin 一般取 0.2。）', 'FC309', True),  # (missed by the starting code)
    ('TripletMarginLoss 的公式：max(0, d(a,n) − d(a,p) + m)（m 为间隔。）', 'FC309', True),  # (missed by the starting code)
    ('三元组损失写成 max(0, d(a,p) − d(a,n) + α)（详见原论文。）', 'FC309', False),  # (guard)
    ('三元组损失并不是 max(0, d(a,n) − d(a,p) + α)（详见原论文。）', 'FC309', False),  # (guard)
    ('三元组损失是 max(0, d(a,n) − d(a,p) + α) 吗？（详见原论文。）', 'FC309', False),  # (guard)
    # (a bracketed note's clauses; a goal set before the means to use)
    ('岭回归不做特征选择，要稀疏请用 L1。', 'FC313', False),  # (flagged by the starting code)
    ('模型加了 L2 正则（备注：Ridge 不会把系数压到 0，要做特征选择应该用 L1。）', 'FC313', False),  # (flagged by the starting code)
    ('L2 整体收缩（讲者备注：岭回归不做特征选择，要稀疏请用 L1。）', 'FC134', False),  # (guard)
    ('全连接层加 L2 惩罚（注：岭回归没有稀疏性，要稀疏就用 Lasso。）', 'FC134', False),  # (guard)
    ('岭回归在损失里加的是 L1 惩罚（注：这是常识。）', 'FC313', True),  # (guard)
    ('L2 正则（备注：岭回归会把很多系数直接压到 0，起到特征选择的作用。）', 'FC134', True),  # (guard)
    # (L1 said identical to weight decay with ≡)
    ('L1 正则 ≡ 权重衰减', 'FC135', True),  # (missed by the starting code)
    ('记住：Lasso ≡ weight decay，两者是一回事', 'FC135', True),  # (missed by the starting code)
    ('L2 正则 ≡ 权重衰减（在 SGD 下）', 'FC135', False),  # (guard)
    ('L1 正则化 ≡ weight decay 吗？', 'FC135', False),  # (guard)
    # (less data named by cutting it)
    ('做数据增强。削减数据量只会加重过拟合。', 'FC140', False),  # (flagged by the starting code)
    ('缓解过拟合要做数据增强（讲者备注：单纯砍数据量只会加重 overfitting。）', 'FC140', False),  # (flagged by the starting code)
    ('数据增强会加重过拟合。', 'FC140', True),  # (guard)
    ('做了数据增强以后模型反而更容易过拟合。', 'FC140', True),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
