"""Readings and rule phrasings added in the fifty-third session (group G), from the misses of the fifty-first phrasing
set (dialogue scenes) that the first helper left, each shown on sentences of the helper's own wording.

- FC473: a worked example's counts and its percentage written in Chinese numerals (`一万个`, `八十次`, `百分之八十`); the
  negatives' count named before a passive flagging that belongs to its part (`正常用户里被错误拦截了 300 个`); `错误拦截`,
  `错误地判为` name a false alarm, they do not call the sentence wrong;
- FC101, FC102: the denominator's formula said in words (`分母是 TP 加 FP`);
- FC108: the pair named as `两个`/`两项` before the half of their sum, and a verb of taking before the simple mean
  (`精确率和召回率取个简单平均`);
- FC116: the best loss said to be MSE by a pronoun (`…用 MSE，…最合适的损失就是它`; not when cross-entropy is named
  nearby), and MSE called the better choice where the task is named after it (`MSE 在分类任务上是更好的选择`);
- FC134: what a purpose clause says to use (`想做特征筛选就加 L2 正则化，`) is what the next clause goes on about;
- FC322: the mean written as a call in the centring formula (`(x - x.mean())`);
- a last clause that asks the listener to rate a result (`…，还算过得去吧？`) leaves the clauses before it stated (FC108);
- a slip blamed on the one spoken to (`肯定是你标签弄错了，…`) reports no belief: what follows is stated (FC110);
- a stage direction that opens a scene (`（大家在讨论要不要换）老韩：…`) is no part of the first turn (FC322);
- an A-not-A left out of a count (`负样本判得对不对不计入`) asks nothing (FC104);
- FC114: accuracy said to be what one should look at (`就该看 accuracy`), and the imbalance said with 这么 (`数据这么不平衡`);
- FC111: the perplexity's rise said as spoken (`困惑度涨了说明…越学越好`);
- FC115: the smaller the gap to the reference, the lower the score (`差距越小分数越低`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('两千个正常交易里被误报了一百笔，所以特异度是百分之五。', 'FC473', True),  # (missed by the starting code)
    ('风控组统计：五百个合法账户中有 25 个被错误拦截，特异度就是 5%。', 'FC473', True),  # (missed by the starting code)
    ('一百个确诊患者里模型找出了九十个，召回率就是百分之九十。', 'FC473', False),  # (guard)
    ('两千个正常交易里被误报了一百笔，所以假正例率是百分之五。', 'FC473', False),  # (guard)
    ('一百个确诊患者里模型找出了九十个，特异度就是百分之九十吗？', 'FC473', False),  # (guard)
    ('召回率的分母是 FP 加上 TP。', 'FC101', True),  # (missed by the starting code)
    ('算 TPR 时，分母就是 TP 加 FP。', 'FC101', True),  # (missed by the starting code)
    ('召回率的分母是 TP 加 FN，精确率的分母才是 TP 加 FP。', 'FC101', False),  # (guard)
    ('召回率的分母是 TP 加 FP 吗？', 'FC101', False),  # (guard)
    ('查准率的分母是 FN 加上 TP。', 'FC102', True),  # (missed by the starting code)
    ('查准率的分母是 TP 加 FP，不是 TP 加 FN。', 'FC102', False),  # (guard)
    ('F1 的算法很直白：两项加起来除以 2 就行。', 'FC108', True),  # (missed by the starting code)
    ('F-score 说穿了就是把精确率和召回率取个算术平均。', 'FC108', True),  # (guard)
    ('F1 其实就是 precision 与 recall 求个简单平均。', 'FC108', True),  # (missed by the starting code)
    ('F1 不是精确率和召回率取个简单平均，而是调和平均。', 'FC108', False),  # (guard)
    ('F1 是精确率和召回率取个简单平均吗？', 'FC108', False),  # (guard)
    ('精确率 0.8，召回率 0.6，两项加起来除以 2 是 0.7，但 F1 是调和平均，约 0.686。', 'FC108', False),  # (guard)
    ('P 是 0.8，R 是 0.4，F1 就是两个加起来除以 2，等于 0.6，还不错吧？', 'FC108', True),  # (missed by the starting code)
    ('F1 是精确率和召回率的调和平均，还算过得去吧？', 'FC108', False),  # (guard)
    ('猫狗分类我都接 MSE，算起来省事，最好的损失函数其实就是它。', 'FC116', True),  # (missed by the starting code)
    ('MSE 在分类任务上是更好的选择。', 'FC116', True),  # (missed by the starting code)
    ('回归用 MSE，分类任务最合适的损失是交叉熵，最好的选择就是它。', 'FC116', False),  # (guard)
    ('MSE 对分类任务并不是更好的选择。', 'FC116', False),  # (guard)
    ('MSE 在回归任务上是更好的选择，分类任务用交叉熵。', 'FC116', False),  # (guard)
    ('要让模型稀疏就用 L2 正则化，训练结束后许多权重会被压到 0。', 'FC134', True),  # (missed by the starting code)
    ('想挑特征就加 L2 正则，跑完之后大部分系数都是 0。', 'FC134', True),  # (missed by the starting code)
    ('想让权重变小就加 L2 正则化，训完权重会整体缩小，但不会变成精确的 0。', 'FC134', False),  # (guard)
    ('想做特征筛选就加 L1 正则化，训完会有一大批权重变成精确的 0。', 'FC134', False),  # (guard)
    ('RMSNorm 的实现就是 (x - torch.mean(x)) / torch.std(x) * γ。', 'FC322', True),  # (missed by the starting code)
    ('我写的 RMSNorm 是 (x - x.mean()) / sqrt(var + eps)，乘上 weight。', 'FC322', True),  # (missed by the starting code)
    ('LayerNorm 的实现是 (x - x.mean()) / x.std()，RMSNorm 不减均值，只除以均方根。', 'FC322', False),  # (guard)
    ('RMSNorm 不是 (x - x.mean()) / x.std()，而是 x / rms(x)。', 'FC322', False),  # (guard)
    ('（大家在争论要不要把 LN 换掉）阿凯：换了能快多少？老周：快不了多少，RMSNorm 跟 LayerNorm 的计算步骤完全一样。', 'FC322', True),  # (missed by the starting code)
    ('（会上在讨论用不用 RMSNorm）老周：RMSNorm 也是先减均值再除以标准差，没区别。', 'FC322', True),  # (missed by the starting code)
    ('【机房，深夜】（两人讨论换不换归一化层）小林：RMSNorm 省在哪？老周：省在不减均值，只除以均方根。', 'FC322', False),  # (guard)
    ('小张：我把阈值设 0.5 跑出来的 AUC 怎么是 0.5？老周：八成是你数据弄错了，随机猜测的 AUC 本来就是 0。', 'FC110', True),  # (missed by the starting code)
    ('小张：随机打分的 AUC 怎么是 0.5？老周：肯定是你代码搞错了，随机分类器的 AUC 就是 0.5。', 'FC110', False),  # (guard)
    ('很多人把随机分类器的 AUC 搞错了，以为是 0。', 'FC110', False),  # (guard)
    ('准确率只看判为正的样本里有多少真的是正，负样本判得对不对不算进分母。', 'FC104', True),  # (missed by the starting code)
    ('accuracy 说的是模型判为正的样本中有多少确实是正，负类判得对不对一律不计入。', 'FC104', True),  # (missed by the starting code)
    ('精确率只看判为正的样本里有多少真的是正，负样本判得对不对不计入。', 'FC104', False),  # (guard)
    ('准确率的分母是全部样本，负样本判得对不对也计入吗？', 'FC104', False),  # (guard)
    ('样本这么不平衡，评估时就该用 accuracy，别的指标太飘。', 'FC114', True),  # (missed by the starting code)
    ('阳性只有千分之三，数据如此不平衡，准确率才最能说明问题。', 'FC114', True),  # (missed by the starting code)
    ('数据这么不平衡，就该看准确率之外的指标。', 'FC114', False),  # (guard)
    ('正负样本 1:99，这么不平衡，就该看 F1 而不是准确率。', 'FC114', False),  # (guard)
    ('类别极度不平衡时，准确率最能说明问题吗？', 'FC114', False),  # (guard)
    ('验证集 PPL 一直在涨，涨了就说明模型学得更好。', 'FC111', True),  # (missed by the starting code)
    ('困惑度变高了说明模型越来越好。', 'FC111', True),  # (missed by the starting code)
    ('困惑度涨了说明模型变差了。', 'FC111', False),  # (guard)
    ('困惑度涨了说明模型越学越好吗？', 'FC111', False),  # (guard)
    ('BLEU 看的是译文与参考的距离，距离越小，得分就越低。', 'FC115', True),  # (missed by the starting code)
    ('BLEU 算的是和人工译文的差异，差异越小分值越低。', 'FC115', True),  # (missed by the starting code)
    ('BLEU 看的是 n-gram 重合，与参考的差距越小，分数越高。', 'FC115', False),  # (guard)
    ('BLEU 与参考的差距越大，分数越低。', 'FC115', False),  # (guard)
    ('BLEU 的差距越小分数越低吗？', 'FC115', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
