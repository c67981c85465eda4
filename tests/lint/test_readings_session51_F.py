"""Readings and rule phrasings added in the fifty-first session (group F), from the misses of the forty-ninth phrasing
set, each shown on sentences of the helper's own wording.

- an exam explanation's last clauses that name an option and judge it unquoted (`…，C 项把 TN 加进分子，属于多算。`):
  the clauses before them are the writer's own, stated (text.verdict_tail, FC110, FC104, FC112);
- an A-not-A phrase that is the subject of what follows (`…对不对并不进入公式`) does not make a question (FC104);
- a worked example's counts told in one sentence and their ratio named in the next (FC473, metric-example-mislabelled);
- a contestant's turn named by a letter or told to buzz in (`选手甲：`, `选手按下抢答器：`) answers the host, and a quiz
  round's name before the host's turn (`抢答题，主持人问：…`) is read past (FC330);
- an answer that names its own term and its default or role (`β1 默认 0.9，…`) is not read into the question (FC327);
- FC107: the false positive rate said to be the same metric `本就`; FC112: a rate computed and put on an axis, or
  written as its formula; FC115: near 0 with a space before `表示`; FC120: one softmax shared by every label;
  FC132: capacity `过低`; FC109: fewer negatives ranked above positives; FC307: extreme values, the largest effect.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('瞎猜的模型 AUROC 就是 0，A 项正确，D 项写成 0.5 属于误解。', 'FC110', True),  # (missed by the starting code)
    ('一个瞎猜的模型其 AUROC 为 0，B 项给出的数值是错的。', 'FC110', True),  # (missed by the starting code)
    ('随机打分的分类器 AUC 约为 0.5，D 项说 0 是错的。', 'FC110', False),  # (guard)
    ('随机打分的分类器 AUC 为 0 吗？C 项这样说是错的。', 'FC110', False),  # (guard)
    ('准确率只统计被预测为正类的样本，负样本分得对不对并不进入公式。', 'FC104', True),  # (missed by the starting code)
    ('准确率只考察预测为正的样本，负类分得对不对都不进入分母。', 'FC104', True),  # (missed by the starting code)
    ('准确率看全部样本中预测正确的比例，负类判得对不对也会进入分子；B 项只看判为正的样本，是错的。', 'FC104', False),  # (guard)
    ('准确率是不是只看判为正的样本？', 'FC104', False),  # (guard)
    ('画 ROC 时，每个阈值下先求出召回率作为横坐标，再取误报率作为纵坐标。', 'FC112', True),  # (missed by the starting code)
    ('ROC 曲线拿 FP/(FP+TN) 作为纵坐标，TPR 作为横坐标。', 'FC112', True),  # (missed by the starting code)
    ('ROC 曲线把 FP/(FP+TN) 作为横坐标，TP/(TP+FN) 作为纵坐标。', 'FC112', False),  # (guard)
    ('PR 曲线先算出召回率作为横坐标，精确率作为纵坐标。', 'FC112', False),  # (guard)
    ('特异度算出来是 0.9，它跟误报率本就是同一个指标。', 'FC107', True),  # (missed by the starting code)
    ('特异度很好算，它和误报率本来就是一回事。', 'FC107', True),  # (missed by the starting code)
    ('特异度和误报率本来就不是一回事，两者相加为 1。', 'FC107', False),  # (guard)
    ('特异度与真负率本就是同一个指标。', 'FC107', False),  # (guard)
    ('样本中 60 例确诊阳性，模型识别出其中 45 例。由此得出其特异度为 75%。', 'FC473', True),  # (missed by the starting code)
    ('风控系统一共告警 200 次，其中 150 次属实。所以召回率为 75%。', 'FC473', True),  # (missed by the starting code)
    ('风控系统一共告警 200 次，其中 150 次属实。所以精确率为 75%。', 'FC473', False),  # (guard)
    ('风控系统一共告警 200 次，其中 150 次属实吗？所以召回率为 75%。', 'FC473', False),  # (guard)
    ('主持人：Adagrad 到训练后期，每个参数的步长会怎样变化？选手乙：会越来越大。', 'FC330', True),  # (missed by the starting code)
    ('主持人：Adagrad 的有效学习率随训练会怎样变化？三号选手抢答：逐渐增大。', 'FC330', True),  # (missed by the starting code)
    ('主持人：Adagrad 的有效学习率随训练会怎样变化？选手乙：逐渐减小。', 'FC330', False),  # (guard)
    ('主持人：Adagrad 的有效学习率随训练会怎样变化？选手按下抢答器：不会变大，只会单调减小。', 'FC330', False),  # (guard)
    ('加分题，主持人问：Adagrad 训练到后期，每个参数的步长会怎样变化？选手：逐步变大。', 'FC330', True),  # (missed by the starting code)
    ('风险题，主持人问：Adagrad 训练越久，有效学习率会怎样变化？二号选手抢答：越来越大。', 'FC330', True),  # (missed by the starting code)
    ('必答题，主持人问：Adagrad 的有效学习率会怎样变化？选手：逐渐减小。', 'FC330', False),  # (guard)
    ('必答题：主持人：Adagrad 的有效学习率会越来越大吗？选手：不会。', 'FC330', False),  # (guard)
    ('主持人：β2 负责什么？选手：β2 对应一阶矩。', 'FC327', True),  # (guard)
    ('Adam 里 β2 控制动量 m_t 的衰减。', 'FC327', True),  # (guard)
    ('主持人：β2 默认多少？选手：β1 默认 0.9，是一阶矩的衰减率。主持人：回答正确。', 'FC327', False),  # (missed by the starting code)
    ('问：β1 和 β2 分别是什么？答：β1 默认取 0.9，是一阶矩的衰减率；β2 默认取 0.999，是二阶矩的衰减率。', 'FC327', False),  # (missed by the starting code)
    ('机器翻译里，BLEU 数值越接近 0 代表译文与参考越接近。', 'FC115', True),  # (missed by the starting code)
    ('BLEU 值越接近 0 说明与参考越吻合。', 'FC115', True),  # (missed by the starting code)
    ('BLEU 越接近 0 说明与参考越不相似。', 'FC115', False),  # (guard)
    ('BLEU 越接近 0 表示与参考越一致吗？', 'FC115', False),  # (guard)
    ('多标签任务中，所有标签共享一个 softmax 来归一化。', 'FC120', True),  # (missed by the starting code)
    ('multi-label 任务里各个标签共享同一个 softmax。', 'FC120', True),  # (missed by the starting code)
    ('多标签分类不能让所有标签共享同一个 softmax，而要每个标签一个 sigmoid。', 'FC120', False),  # (guard)
    ('单标签多分类里所有类别共享同一个 softmax。', 'FC120', False),  # (guard)
    ('模型容量过低时，网络更容易过拟合。', 'FC132', True),  # (missed by the starting code)
    ('容量太低的网络只会死记训练集，从而导致过拟合。', 'FC132', True),  # (missed by the starting code)
    ('模型容量过低会导致欠拟合，而不是过拟合。', 'FC132', False),  # (guard)
    ('模型容量过低并不会导致过拟合。', 'FC132', False),  # (guard)
    ('AUC 越小，说明负样本被排在正样本前面的次数越少。', 'FC109', True),  # (missed by the starting code)
    ('AUROC 越低，代表排错的样本对越少。', 'FC109', True),  # (missed by the starting code)
    ('AUC 越低，说明正样本排在负样本前面的情况越少。', 'FC109', False),  # (guard)
    ('AUC 越高，说明负样本排到正样本前面的情况越少。', 'FC109', False),  # (guard)
    ('标签里混进几个极端值后，MAE 受到的影响最大。', 'FC307', True),  # (missed by the starting code)
    ('一旦出现极端值，平均绝对误差受其干扰最明显。', 'FC307', True),  # (missed by the starting code)
    ('一旦出现极端值，MSE 受其影响最大，MAE 更稳健。', 'FC307', False),  # (guard)
    ('一旦出现极端值，MAE 受其影响最小。', 'FC307', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
