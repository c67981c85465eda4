"""Readings added in the fifty-sixth session (group A), from the misses of the fifty-fourth phrasing set (slide and
speaker-note phrasings: `主题｜… → …`, `（讲者备注：…）`), each shown on sentences of the helper's own wording.

- KL divergence's swap told in two clauses, the result in a clause of its own after the comma (`交换两个分布，结果不变`),
  and KL said to be the same thing as JS divergence (FC118)
- softmax given to a multi-label output by an arrow (`输出层 → softmax`), or called the task's standard with the task
  named between (`softmax 是多标签的标准配置`, FC120)
- cross-entropy named the most common loss of a regression, the name before the word (`regression 场景下交叉熵最常见`),
  its main ground given by an arrow or a colon, and the main loss given after a colon (FC117)
- an accuracy (or F1, AUC) said to mean the model is interpretable (`准确率高 = 模型可解释`), and the real methods
  dismissed after their name (`faithfulness 之类可以不测`) no longer read as a denial (FC159)
- on imbalanced data, a high accuracy said to mean the minority class is learned, or to be enough to ship (FC114)
- MSE judged the best pairing by a pronoun after it (`接 MSE，这是最合适的组合`, FC116)
- a quoted definition given by a copula to another term (`→ “预测为正里有多少真为正”属于 precision`) is not said of the
  term before it (claims._quoted_given, FC101)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (KL divergence's swap told in two clauses; KL said to be JS)
    ('KL 散度交换两个分布，结果不变。', 'FC118', True),  # (missed by the starting code)
    ('相对熵：调换 P 和 Q 的位置，得数还是一样。', 'FC118', True),  # (missed by the starting code)
    ('相对熵跟 JS 散度其实是一回事。', 'FC118', True),  # (missed by the starting code)
    ('KL 散度交换两个分布，结果会变。', 'FC118', False),  # (guard)
    ('KL 散度交换两个分布，结果并不相同。', 'FC118', False),  # (guard)
    ('JS 散度交换两个分布，结果不变。', 'FC118', False),  # (guard)
    ('KL 散度交换两个分布，结果不变吗？', 'FC118', False),  # (guard)
    ('KL 散度和 JS 散度并不等价，后者是对称的。', 'FC118', False),  # (guard)
    ('KL 散度和 JS 散度不是一回事。', 'FC118', False),  # (guard)
    # (softmax given to a multi-label output by an arrow, or called its standard)
    ('多标签分类输出层 → softmax。', 'FC120', True),  # (missed by the starting code)
    ('softmax 就是多标签任务的默认做法。', 'FC120', True),  # (missed by the starting code)
    ('softmax 是多分类的标准配置，多标签要用 sigmoid。', 'FC120', False),  # (guard)
    ('softmax 不是多标签的标准配置。', 'FC120', False),  # (guard)
    ('softmax 是多标签的标准配置吗？', 'FC120', False),  # (guard)
    ('多分类输出层 → softmax；多标签输出层 → sigmoid。', 'FC120', False),  # (guard)
    # (cross-entropy named the most common loss of a regression; its main ground by an arrow; the main loss after a colon)
    ('在温度预测这种回归任务里交叉熵最常用。', 'FC117', True),  # (missed by the starting code)
    ('房价预测输出一个实数，主 loss：cross-entropy。', 'FC117', True),  # (missed by the starting code)
    ('交叉熵的主战场 → 连续值回归。', 'FC117', True),  # (missed by the starting code)
    ('分类场景下交叉熵最常见，回归场景下 MSE 最常见。', 'FC117', False),  # (guard)
    ('逻辑回归里交叉熵最常用。', 'FC117', False),  # (guard)
    ('回归场景下交叉熵最常见吗？', 'FC117', False),  # (guard)
    ('回归场景下交叉熵并不常见。', 'FC117', False),  # (guard)
    ('房价预测输出一个实数，主 loss：MSE。', 'FC117', False),  # (guard)
    ('交叉熵的主战场 → 分类；回归 → MSE', 'FC117', False),  # (guard)
    # (a metric said to mean the model is interpretable; the real methods dismissed)
    ('准确率高说明模型可解释。', 'FC159', True),  # (missed by the starting code)
    ('F1 到 0.9 就意味着推理过程很透明。', 'FC159', True),  # (missed by the starting code)
    ('可解释性看 F1：F1 越高解释性越好，忠实度之类可以不测。', 'FC159', True),  # (missed by the starting code)
    ('准确率高并不说明模型可解释。', 'FC159', False),  # (guard)
    ('准确率高说明模型可解释吗？', 'FC159', False),  # (guard)
    ('决策树的路径说明决策逻辑清楚，准确率 0.9。', 'FC159', False),  # (guard)
    ('评估可解释性用 faithfulness 测试，F1 只衡量预测性能。', 'FC159', False),  # (guard)
    # (a high accuracy on imbalanced data said to mean the minority class is learned, or to be enough to ship)
    ('不平衡数据上准确率高达 99% 代表各类别都学好了。', 'FC114', True),  # (missed by the starting code)
    ('样本严重不平衡，准确率 98% → 直接部署。', 'FC114', True),  # (missed by the starting code)
    ('样本严重不平衡，准确率 98% 并不说明少数类学好了。', 'FC114', False),  # (guard)
    ('样本严重不平衡，准确率 98% 说明少数类也学好了吗？', 'FC114', False),  # (guard)
    ('样本严重不平衡，准确率 98% → 不能直接上线，要看召回率。', 'FC114', False),  # (guard)
    ('类别均衡的数据上准确率 95% → 可以上线。', 'FC114', False),  # (guard)
    # (MSE judged the best pairing by a pronoun after it)
    ('二分类接 MSE，这是最合适的组合。', 'FC116', True),  # (missed by the starting code)
    ('文本分类模型再配平方损失，这才是最理想的搭配。', 'FC116', True),  # (missed by the starting code)
    ('二分类接 MSE，这不是最合适的组合。', 'FC116', False),  # (guard)
    ('二分类接 MSE，这是最合适的组合吗？', 'FC116', False),  # (guard)
    ('房价回归接 MSE，这是最合适的组合。', 'FC116', False),  # (guard)
    ('二分类接交叉熵，这是最合适的组合；MSE 用于回归。', 'FC116', False),  # (guard)
    # (a quoted definition given to another term)
    ('召回率的分母是 TP+FN → “预测为正里有多少真为正”属于精确率。', 'FC101', False),  # (flagged by the starting code)
    ('召回率看的不是这个：“判为正的样本中真正为正的比例”其实是精确率。', 'FC101', False),  # (guard)
    ('召回率是“预测为正的样本中真正为正的比例”。', 'FC101', True),  # (guard)
    ('召回率就是“预测为正的样本中真正为正的比例”，属于常考题。', 'FC101', True),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
