"""Readings and rule phrasings added in the forty-ninth session (helper A), from the misses of the forty-seventh
phrasing set in the voice of an interview told afterwards (`问到 F1，我说…`, `二面问…，我说…`, `我的回答是…`), each shown on
sentences of my own wording.

Bindings and sentence kinds:

- one's own answer told without a label (`我说`, `我当时答`, `我的回答是`) opens the answer's words as `答：` does
  (claims._SPOKEN_LEAD in the answer lead), so the answer after a question goes on with the term asked about;
- `问到 X，我说…` / `被问到 X，我的回答是…` is a question told and its answer (not a supposition whose consequent is the last
  clause), and a sentence is searched for a spoken answer turn (`我说…`) as for `我答…`;
- an interview round, its examiner or a part of it asks (`二面问…`, `三面主管问…`, `笔试环节问…`);
- a quiz item told (`有道题是 X 是多少，我答 0`) is asked and answered;
- a last clause that tells the interviewer's next question (`…，面试官让我说说 X 怎么设的`) leaves the clauses before it
  stated;
- a co-occurrence rule also looks in the answer after a question told in the same sentence (kinds._regions);
- FC114 lists its claim on accuracy first: across a line the claim must be stated, the imbalanced setting may be asked;
- a scene of drawing asked for (`让我在白板上画 ROC 曲线，`) frames the clauses after it.

Phrasings: FC102 (`漏没漏` after 看/就是看), FC104/FC105 (the same thing, only names differ), FC109 (`离线效果提升`),
FC114 (`最稳`, `最全面`), FC117 (the most used loss after a regression target), FC118 (`合格的距离度量`), FC119 (a
negative loss read as a bug is no claim), FC120 (`都是 softmax`), FC132 (overfitting worse than a bigger model's,
`死记训练样本`), FC135 (weight decay of an optimizer, `不会有系数变成 0`), FC159 (the real methods said to be needless,
`没必要做 faithfulness 评估`, do not excuse the claim).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found): wrong phrasings (True) and traps (False) of my own wording, each marked by
# what the session's starting code did
CASES = [
    ('问到 F1 的算法，我说 F1 就是把 precision 和 recall 直接相加再除以二，算是一种折中。', 'FC108', True),  # (missed by the starting code)
    ('问到 F1 的算法，我说 F1 是 precision 和 recall 的调和平均，不是两者相加除以二。', 'FC108', False),  # (guard)
    ('被问到机器翻译怎么评，我回答 BLEU 分数越高说明译文越接近参考，通常还会加人工评估。', 'FC115', False),  # (guard)
    ('问到容量与过拟合，我的回答是模型参数越少越容易过拟合，线上一般会加深网络。', 'FC132', True),  # (missed by the starting code)
    ('问到容量与过拟合，我的回答是模型参数越多越容易过拟合，参数少的模型更可能欠拟合。', 'FC132', False),  # (guard)
    ('BatchNorm 训练和推理有啥不同？我说推理时也用当前这批数据的均值和方差。', 'FC138', True),  # (missed by the starting code)
    ('BatchNorm 推理和训练有啥不同？我说推理时用训练阶段累计的滑动均值和方差，不再用当前批次的。', 'FC138', False),  # (guard)
    ('多标签任务的标签怎么处理？我说每条样本的标签用 one-hot 编码即可。', 'FC121', True),  # (missed by the starting code)
    ('多标签任务的标签该怎么编码？我答编成 multi-hot 向量，而不是 one-hot。', 'FC121', False),  # (guard)
    ('分类任务一般选什么损失？我说 MSE 最合适。', 'FC116', True),  # (missed by the starting code)
    ('分类任务一般选什么损失？我说交叉熵最合适，MSE 是给回归用的。', 'FC116', False),  # (guard)
    ('问到分类任务该用哪种损失，我说 MSE 最合适，一套损失就够了。', 'FC116', True),  # (missed by the starting code)
    ('问到分类任务该用哪种损失，我说交叉熵最合适，MSE 留给回归。', 'FC116', False),  # (guard)
    ('一面问多标签分类的标签怎么准备，我说直接做成 one-hot 就行。', 'FC121', True),  # (missed by the starting code)
    ('笔试环节问分类任务通常用什么损失。我说 MSE 最合适。', 'FC116', True),  # (missed by the starting code)
    ('笔试环节问分类任务通常用什么损失。我说交叉熵最合适。', 'FC116', False),  # (guard)
    ('面试官问正负样本 1:200 的风控数据怎么评估，我说用准确率最稳。', 'FC114', True),  # (missed by the starting code)
    ('面试官问正负样本 1:200 的风控数据怎么评估，我说准确率会虚高，应看召回率和 PR-AUC。', 'FC114', False),  # (guard)
    ('样本比例 1:50 的数据，accuracy 最全面。', 'FC114', True),  # (missed by the starting code)
    ('样本比例 1:50 的数据，用 accuracy 并不稳妥。', 'FC114', False),  # (guard)
    ('交叉熵本身非负，训练里出现负 loss 基本上就是代码写错了。', 'FC119', False),  # (flagged by the starting code)
    ('交叉熵训练中可以出现负值，这很正常。', 'FC119', True),  # (caught by the starting code too)
    ('precision 就是看正例漏没漏。', 'FC102', True),  # (missed by the starting code)
    ('查准率主要看误报多不多，recall 才看漏没漏。', 'FC102', False),  # (guard)
    ('PPV 不看漏没漏，看的是报出来的正例里有多少是真的。', 'FC102', False),  # (guard)
    ('accuracy 和查准率本质上是一个东西。', 'FC104', True),  # (missed by the starting code)
    ('准确率与 PPV 只是叫法不一样。', 'FC104', True),  # (missed by the starting code)
    ('准确率和精确率不是一个东西，定义也不同。', 'FC104', False),  # (guard)
    ('有人说准确率和 precision 只是叫法不同，这是误解。', 'FC104', False),  # (guard)
    ('precision 和正确率只是名字不同。', 'FC105', True),  # (missed by the starting code)
    ('precision 和正确率不只是名字不同，分母也不一样。', 'FC105', False),  # (guard)
    ('L1 正则就等价于 Adam 里的 weight decay。', 'FC135', True),  # (missed by the starting code)
    ('L1 正则不会有系数被压成零，只是让权重整体变小。', 'FC135', False),  # (guard)
    ('L1 正则基本不会有参数变成 0。', 'FC135', True),  # (missed by the starting code)
    ('L2 正则等价于 SGD 里的 weight decay。', 'FC135', False),  # (guard)
    ('L1 正则并不等价于 SGD 里的 weight decay，它会让部分系数变成 0。', 'FC135', False),  # (guard)
    ('KL 散度是个合格的距离度量。', 'FC118', True),  # (missed by the starting code)
    ('KL 散度不是个合格的距离度量，它不对称。', 'FC118', False),  # (guard)
    ('做房价预测时，最常用的就是交叉熵。', 'FC117', True),  # (missed by the starting code; the verb-first `预测销量` is no name of a regression target any more: `MSE 适合回归任务，比如预测房价` bound it to the cross-entropy asked about, a false alarm the precision gate raised)
    ('预测销量时，最常用的是 MSE，交叉熵是分类用的。', 'FC117', False),  # (guard)
    ('逻辑回归里最常用的就是交叉熵。', 'FC117', False),  # (guard)
    ('参数少的小模型，过拟合反而比大模型还要严重。', 'FC132', True),  # (missed by the starting code)
    ('小模型的过拟合并不比大模型严重，它更容易欠拟合。', 'FC132', False),  # (guard)
    ('小模型容量有限，只能死记训练数据。', 'FC132', True),  # (missed by the starting code)
    ('多标签分类都是 softmax 加交叉熵。', 'FC120', True),  # (missed by the starting code)
    ('多标签分类并不都是 softmax，每个标签应接 sigmoid。', 'FC120', False),  # (guard)
    ('面试官让我在白板上画 ROC 曲线，我画的是横轴 TPR、纵轴 FPR。', 'FC112', True),  # (missed by the starting code)
    ('面试官让我在白板上画 ROC 曲线，我画的是横轴 FPR、纵轴 TPR。', 'FC112', False),  # (guard)
    ('新版本上线后 AUC 从 0.4 降到 0.25，线上效果提升很明显。', 'FC109', True),  # (missed by the starting code)
    ('新版本上线后 AUC 从 0.85 降到 0.8，线上效果变差了。', 'FC109', False),  # (guard)
    ('换了分词以后 BLEU 从 30 降到 22，说明翻译变好了，面试官接着让我讲讲 beam size 怎么选。', 'FC115', True),  # (missed by the starting code)
    ('换了分词以后 BLEU 从 22 升到 30，说明翻译变好了，面试官接着让我讲讲 beam size 怎么选。', 'FC115', False),  # (guard)
    ('BLEU 从 30 降到 22 是不是说明翻译变好了，面试官问我。', 'FC115', False),  # (guard)
    ('有道题是随机猜的分类器 AUC 是多少，我答 0。', 'FC110', True),  # (missed by the starting code)
    ('有道题是随机猜的分类器 AUC 是多少，我答 0.5。', 'FC110', False),  # (guard)
    ('三面主管问怎么衡量可解释性，我说可以看 F1，F1 高说明模型更可解释。', 'FC159', True),  # (missed by the starting code)
    ('二面主管问可解释性怎么衡量，我说不能看 accuracy，要做忠实度评估。', 'FC159', False),  # (guard)
    ('可解释性可以用 F1 来量化，没必要再做忠实度测试。', 'FC159', True),  # (missed by the starting code)
    ('可解释性直接用 accuracy 来衡量，无需单独做人工评估。', 'FC159', True),  # (missed by the starting code)
    ('可解释性要用忠实度测试来评估，F1 只反映预测性能。', 'FC159', False),  # (guard)
    ('早停什么时候该停？我说看训练集 loss，几个 epoch 不降就停。', 'FC137', True),  # (caught by the starting code too)
    ('早停什么时候该停？我说看验证集 loss，几个 epoch 不降就停。', 'FC137', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
