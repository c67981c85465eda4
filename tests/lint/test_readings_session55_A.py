"""Readings added in the fifty-fifth session (group A), from the misses of the fifty-third phrasing set (chat-style
code-mixed text), each shown on sentences of the helper's own wording.

- FC305: a reciprocal rank said in English (`reciprocal rank 的平均`) is no rank: its average is MRR's definition.
- FC118: KL's direction said not to matter (`哪个方向都无所谓`, `正向还是反向结果都一样`).
- FC112: a rate said to be an axis with a copula (`TPR 是横坐标`, `FPR 作为纵轴`).
- FC137: the training loss written `train loss` when it stops falling.
- FC132: a small model named as the reason it overfits (`所以才过拟合`); `model 越简单` as a small model.
- FC120: softmax put on as all it takes (`上 softmax 就好`).
- FC109: AUC near 0 said to separate the classes the cleaner (`分得越干净`).
- FC495: `更 robust` with a space before the Latin word.
- FC101: the alarms pointed at (`报警的那些 case 里`) and the true positives named among them (`有多少是真阳性`).
- FC116: an English name of the task between the copula and `的最佳选择` (`MSE 才是 classification task 的最佳选择`).
- FC159: a model said to be `interpretable` / `explainable` in English after `证明`, `说明`.
- FC473 (metric-example-mislabelled): a metric named with its value right after it (`特异度 92%`), a count in ten
  thousands (`1 万条`), the test set named in English (`test set`), `抓住` as finding; a count drawn from the test set
  (`测试集里 200 个真实欺诈单`) is what its own noun says.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # FC305
    ('MRR 就是把每个查询的 reciprocal rank 取平均，数值越大越好。', 'FC305', False),  # (flagged by the starting code)
    ('MRR 等于 inverse rank 的均值，不是名次的均值。', 'FC305', False),  # (flagged by the starting code)
    ('MRR 是每个查询第一个相关结果 rank 的平均。', 'FC305', True),  # (guard)
    ('算 MRR 时直接把名次取平均就行。', 'FC305', True),  # (guard)
    # FC118
    ('KL 散度算的时候任何方向都一样，P 在前还是 Q 在前不重要。', 'FC118', True),  # (missed by the starting code)
    ('VAE 里的 KL 散度用 forward 或者 reverse 都一样，随手写就行。', 'FC118', True),  # (missed by the starting code)
    ('KL 散度不是哪个方向都一样的，正向和反向结果不同。', 'FC118', False),  # (guard)
    ('KL 散度哪个方向都一样吗？', 'FC118', False),  # (guard)
    ('有人说 KL 散度哪个方向都无所谓，这不对。', 'FC118', False),  # (guard)
    # FC112
    ('画 ROC 曲线时，TPR 作为横轴，FPR 作为纵轴。', 'FC112', True),  # (missed by the starting code)
    ('ROC 图里召回率是 x 轴，误报率当 y 轴。', 'FC112', True),  # (missed by the starting code)
    ('ROC 曲线里 FPR 是横坐标，TPR 是纵坐标。', 'FC112', False),  # (guard)
    ('ROC 曲线里 TPR 是横坐标吗？', 'FC112', False),  # (guard)
    ('ROC 曲线里 TPR 并不是横坐标，而是纵坐标。', 'FC112', False),  # (guard)
    # FC137
    ('早停的逻辑是 train loss 三轮都没降就结束训练。', 'FC137', True),  # (missed by the starting code)
    ('Early Stopping：train 误差连续几轮不再下降时停下。', 'FC137', True),  # (missed by the starting code)
    ('早停看的是 val loss 连续几轮不再下降，train loss 通常还在降。', 'FC137', False),  # (guard)
    ('早停是看 train loss 不再下降吗？', 'FC137', False),  # (guard)
    # FC132
    ('网络参数太少，因此才会过拟合。', 'FC132', True),  # (missed by the starting code)
    ('这个 model 太简单，训练集上都拟合得很好，反而容易过拟合。', 'FC132', True),  # (missed by the starting code)
    ('模型容量太小，所以才欠拟合。', 'FC132', False),  # (guard)
    ('参数太少的模型不会因此才过拟合，它更可能欠拟合。', 'FC132', False),  # (guard)
    ('model 越简单越不容易过拟合。', 'FC132', False),  # (guard)
    # FC120
    ('多标签任务最后接个 softmax 就行，取概率最大的几个。', 'FC120', True),  # (missed by the starting code)
    ('multi-label 的输出头套一层 softmax 即可。', 'FC120', True),  # (missed by the starting code)
    ('多分类任务上 softmax 就好；多标签任务每个标签用 sigmoid。', 'FC120', False),  # (guard)
    ('多标签分类能不能上 softmax 就好？', 'FC120', False),  # (guard)
    ('多标签分类不能上 softmax 就完事，要每个标签单独 sigmoid。', 'FC120', False),  # (guard)
    # FC109
    ('AUC 越接近 0，表明模型把正负样本区分得越清楚。', 'FC109', True),  # (missed by the starting code)
    ('AUC 越靠近 0 代表正负样本分得越干净。', 'FC109', True),  # (missed by the starting code)
    ('AUC 越接近 1 说明正负样本分得越干净。', 'FC109', False),  # (guard)
    ('AUC 越接近 0 并不说明分得越干净，只是排序反了。', 'FC109', False),  # (guard)
    # FC495
    ('均方误差面对 outliers 更加 robust，所以脏数据用 MSE。', 'FC495', True),  # (missed by the starting code)
    ('L2 loss 对异常值更 robust。', 'FC495', True),  # (missed by the starting code)
    ('MAE 对离群点更 robust，MSE 会放大离群点的影响。', 'FC495', False),  # (guard)
    ('MSE 对离群点并不更 robust。', 'FC495', False),  # (guard)
    # FC101
    ('查全率就是统计告警的那些 samples 里有多少是真正例。', 'FC101', True),  # (missed by the starting code)
    ('recall 很好算：拦截的这些条目中多少为真阳性，就是它。', 'FC101', True),  # (missed by the starting code)
    ('召回率这个指标，看的是系统报警的那些样本里有几成是真阳性。', 'FC101', True),  # (missed by the starting code)
    ('精确率就是看报警的那些样本里有多少是真阳性。', 'FC101', False),  # (guard)
    ('召回率不是看报警的那些样本里有多少是真阳性，而是看真阳性里有多少被报警。', 'FC101', False),  # (guard)
    ('召回率是看报警的样本里有多少是真阳性吗？', 'FC101', False),  # (guard)
    # FC116
    ('对 classification 来说，平方损失才是 classification problem 的最优选择。', 'FC116', True),  # (missed by the starting code)
    ('MSE 就是 classification task 的标准损失函数。', 'FC116', True),  # (missed by the starting code)
    ('MSE 才是 regression task 的最佳选择，classification task 用交叉熵。', 'FC116', False),  # (guard)
    ('MSE 不是 classification task 的最佳选择。', 'FC116', False),  # (guard)
    ('MSE 是 classification task 的最佳选择吗？', 'FC116', False),  # (guard)
    # FC159
    ('测试集 F1 有 0.9，这说明我们的模型是 explainable 的。', 'FC159', True),  # (missed by the starting code)
    ('AUC 提升了三个点，证明新模型 more interpretable。', 'FC159', True),  # (missed by the starting code)
    ('F1 高不能证明模型是 interpretable 的，要做忠实度评估。', 'FC159', False),  # (guard)
    ('AUC 高能说明模型是 interpretable 的吗？', 'FC159', False),  # (guard)
    # FC473
    ('验证集里有 80 个真实违规帖，模型抓住了 60 个，精确率 75%。', 'FC473', True),  # (missed by the starting code)
    ('这次 test set 共 2 万条，模型判对了 19000 条，所以 recall 是 95%。', 'FC473', True),  # (missed by the starting code)
    ('300 个阴性样本里模型正确放行了 270 个，召回率 90%。', 'FC473', True),  # (missed by the starting code)
    ('验证集里有 80 个真实违规帖，模型抓住了 60 个，召回率 75%。', 'FC473', False),  # (guard)
    ('这次 test set 共 2 万条，模型判对了 19000 条，所以 accuracy 是 95%。', 'FC473', False),  # (guard)
    ('300 个阴性样本里模型正确放行了 270 个，召回率 90% 吗？', 'FC473', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
