"""Readings and rule phrasings added in the fiftieth session (group A), from the misses of the forty-eighth phrasing
set, each shown on sentences of the helper's own wording.

- a dialogue's answer turn led by a speaker whose name the glossary knows as a thing's too (`…？学生：…`: 学生 is the
  distilled model) reads as a turn, its label read past, not as the term the answer is about (FC140, FC303 and the
  other claim rules);
- FC114 (a co-occurrence across the line): the answer turn of a dialogue on one line is searched on its own, so the
  question mark of the asking turn no longer holds back what the answer states;
- FC114: the positives said to be rare (`阳性样本极为罕见`), and accuracy called the most reliable for a reason given
  first (`准确率因为统计了全部样本，反而是最值得信赖的`);
- FC473: a worked example's part named as judged right (`判对了`, `其中 45 条是对的`, `正确识别出`), found true on review
  (`复核后确认为欺诈`) or misdiagnosed (`误诊`, `误检`); `accuracy` in English is not read as precision; an A-not-A
  (`对不对`) is no verdict on the sentence;
- FC472: 不错 (good) is no verdict that the numbers are wrong;
- FC133: overfitting said to be removed (`过拟合会被消除`, `被化解`);
- FC316: the strength said to be laid on heavier (`加得越重`, `加重`);
- FC131: the training set cut (`裁掉`) and the model then not so prone to overfit (`就不那么容易过拟合`);
- FC139: regularization said to add degrees of freedom (`增加了自由度`);
- FC119: cross-entropy said to head for negative numbers (`越往负数走`, `往负值方向走`; not its gradient);
- FC116: MSE compared with cross-entropy before the speed is named (`MSE 比交叉熵收敛更快`) or set against it first
  (`相比交叉熵，MSE 在分类上收敛更稳`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('导师：增广为什么关掉了？学生：数据增强会让网络把增广出来的样本背下来，反而更容易 overfitting。', 'FC140', True),  # (missed by the starting code)
    ('主考：ROUGE-L 的 L 代表什么？学生：L 就是最长公共子串，候选与参考的匹配词必须连续。', 'FC303', True),  # (missed by the starting code)
    ('导师：增广为什么关掉了？学生：数据增强本来是缓解 overfitting 的，关掉是因为算力不够。', 'FC140', False),  # (guard)
    ('主考：ROUGE-L 的 L 是最长公共子串吗？学生：不是，是最长公共子序列，不要求连续。', 'FC303', False),  # (guard)
    ('导师：蒸馏里哪个模型更大？学生：教师模型更大，学生模型参数更少。', 'FC152', False),  # (guard)
    ('导师：风控模型效果怎么样？学生：正负样本 1:99，准确率高达 99%，这就足以说明模型很好。', 'FC114', True),  # (missed by the starting code)
    ('导师：欺诈模型表现如何？学生：数据极度不平衡，但 accuracy 依然是最可靠的指标。', 'FC114', True),  # (missed by the starting code)
    ('导师：风控模型效果怎么样？学生：正负样本 1:99，准确率 99% 并不能说明什么，要看召回率和 PR-AUC。', 'FC114', False),  # (guard)
    ('导师：正负样本 1:99 时准确率足以说明问题吗？学生：说明不了，全判负也有 99%。', 'FC114', False),  # (guard)
    ('系统共拦截了 50 笔交易，复核后 40 笔确认为欺诈，因此这批数据上的 recall 为 80%。', 'FC473', True),  # (missed by the starting code)
    ('400 例真实患者中，模型判对了其中 300 例，所以特异度就是 75%。', 'FC473', True),  # (missed by the starting code)
    ('体检的 500 名健康受试者里，模型误检了 25 名，于是 TNR = 25/500 = 5%。', 'FC473', True),  # (missed by the starting code)
    ('模型一共标了 60 条垃圾邮件，其中 45 条是对的，所以 accuracy 为 75%。', 'FC473', True),  # (missed by the starting code)
    ('系统共拦截了 50 笔交易，复核后 40 笔确认为欺诈，因此精确率为 80%。', 'FC473', False),  # (guard)
    ('500 名健康受试者里模型误诊了 25 名，FPR = 25/500 = 5%。', 'FC473', False),  # (guard)
    ('模型一共标了 60 条垃圾邮件，其中 45 条是对的，所以准确率为 75%。', 'FC473', False),  # (guard)
    ('500 名健康受试者里模型误检了 25 名，TNR 是 5% 吗？', 'FC473', False),  # (guard)
    ('精确率 0.8，召回率 0.4，F1 为 0.6，整体表现还不错。', 'FC472', True),  # (missed by the starting code)
    ('P=0.5、R=1.0 时 F1 是 0.75，结果挺不错。', 'FC472', True),  # (missed by the starting code)
    ('精确率 0.8，召回率 0.4，F1 约为 0.53，整体还不错。', 'FC472', False),  # (guard)
    ('精确率 0.8、召回率 0.4 时 F1 不是 0.6，而是约 0.53。', 'FC472', False),  # (guard)
    ('多跑几个 epoch，过拟合会被消除。', 'FC133', True),  # (missed by the starting code)
    ('训练更久的话，过拟合问题就会逐渐被化解。', 'FC133', True),  # (missed by the starting code)
    ('多跑几个 epoch，过拟合不会被消除，反而更严重。', 'FC133', False),  # (guard)
    ('训练更久的话，过拟合会被消除吗？', 'FC133', False),  # (guard)
    ('MSE 在二分类问题上比交叉熵收敛得更快。', 'FC116', True),  # (missed by the starting code)
    ('相比交叉熵，平方损失在多分类问题上收敛更稳。', 'FC116', True),  # (missed by the starting code)
    ('分类问题上 MSE 比交叉熵收敛更慢，因为饱和区梯度很小。', 'FC116', False),  # (guard)
    ('MSE 在分类问题上比交叉熵收敛更快吗？', 'FC116', False),  # (guard)
    ('相比交叉熵，MSE 在回归问题上收敛更快。', 'FC116', False),  # (guard)
    ('正则化强度加得越重，模型就越倾向于死记硬背训练样本。', 'FC316', True),  # (missed by the starting code)
    ('正则强度加重以后，网络更容易过拟合。', 'FC316', True),  # (missed by the starting code)
    ('正则化强度加得越重，模型越不容易记住训练集里的噪声。', 'FC316', False),  # (guard)
    ('正则化强度加得越重，模型会更容易过拟合吗？', 'FC316', False),  # (guard)
    ('将训练样本裁掉三成，网络自然就不太容易过拟合。', 'FC131', True),  # (missed by the starting code)
    ('把训练数据删去一半以后，模型也就不那么容易过拟合了。', 'FC131', True),  # (missed by the starting code)
    ('把训练集裁掉一部分做验证集，模型反而更容易过拟合。', 'FC131', False),  # (guard)
    ('把训练集裁掉一部分，模型就不那么容易过拟合了吗？', 'FC131', False),  # (guard)
    ('加上 L2 正则化，等于给网络多给了一些自由度。', 'FC139', True),  # (missed by the starting code)
    ('L1 正则化会提高模型的自由度，让它拟合得更灵活。', 'FC139', True),  # (missed by the starting code)
    ('正则化并不会增加模型的自由度，反而限制它。', 'FC139', False),  # (guard)
    ('增加隐藏层宽度会增加模型的自由度，正则化则限制它。', 'FC139', False),  # (guard)
    ('正则化会增加模型的自由度吗？', 'FC139', False),  # (guard)
    ('训练越久，交叉熵损失会一直往负值方向走。', 'FC119', True),  # (missed by the starting code)
    ('预测越准，cross-entropy 就越往负数走。', 'FC119', True),  # (missed by the starting code)
    ('交叉熵不会往负数走，最低就是 0。', 'FC119', False),  # (guard)
    ('交叉熵的梯度会往负值方向走。', 'FC119', False),  # (guard)
    ('交叉熵会往负数走吗？', 'FC119', False),  # (guard)
    ('阳性样本极为罕见，准确率由于覆盖了所有样本，依然是最可靠的指标。', 'FC114', True),  # (missed by the starting code)
    ('少数类非常稀少，准确率因为把所有样本都算进去了，也是最客观的。', 'FC114', True),  # (missed by the starting code)
    ('阳性样本极为罕见，准确率因为被多数类主导，并不可靠。', 'FC114', False),  # (guard)
    ('阳性样本极为罕见时，准确率因为统计了全部样本，是不是最可靠的指标？', 'FC114', False),  # (guard)
    ('正例十分稀少时，应该看 PR-AUC；准确率因为统计了全部样本，反而最不可靠。', 'FC114', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
