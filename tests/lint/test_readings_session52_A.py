"""Readings and rule phrasings added in the fifty-second session (group A), from the misses of the fiftieth phrasing
set, each shown on sentences of the helper's own wording.

- a means that adds something (`通过引入 X`) before a term the doer then takes with 把/将 (`通过引入回译把 BLEU 从 32 降到
  21，…`): the change is the term's, not said of the term with the addition (FC115, FC109, FC111);
- a symptom told as what a fault brought about (`忘了调用 model.eval()，导致 Dropout 在推理时仍在丢弃…`) or as what was
  run into before the cause was tracked down (`遇到交叉熵出现负值，排查后发现是…`): an observed clause, not a claim
  (FC136, FC119);
- the scene a person's work is set in (`做流失预测时，我…`, `复现 LLaMA 时我…`): its terms do not go on to the next
  clause, what the person then takes up does (FC109, FC322);
- FC111: a rise to a value, the model's ability said to grow in the next clause with no word between;
- FC304: the perplexity optimised or trained to a value below 1 (`优化到 0.6`);
- FC112: an axis set to a rate, the bare letter too (`把 x 设为 TPR`);
- FC118: the order of KL's arguments said not to matter (`参数顺序怎么写都不影响结果`), `D(P‖Q) = D(Q‖P)`;
- FC133: the validation error said to fall along with the training error when training goes on;
- FC109: lower said to separate the classes the better (`越小…分得越开`), minimised as the goal (`目标是…尽可能小`);
- FC307: 异常样本 as an outlier;
- FC473: the flagged cases later confirmed (`其中 180 个确诊`) as the true share of what was flagged, the precision;
- FC102: how many actual positives are found, asked indirectly (`实际为正的样本有多少被识别出来`), and the misses as what
  precision measures (`衡量的是漏检`);
- FC318: `inverted 版本`, `inverted 方式` as names of inverted dropout;
- FC308: the modulating factor written out (`(1 − p_t)^γ`) as a name of focal loss.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('我通过引入领域词典把 sacreBLEU 从 35 降到了 27，译文质量明显改善。', 'FC115', True),  # (missed by the starting code)
    ('团队通过引入术语词典将 BLEU 分数从 40 降低到 33，翻译效果明显提升。', 'FC115', True),  # (missed by the starting code)
    ('团队通过引入术语词典将 BLEU 分数从 33 提高到 40，翻译效果明显提升。', 'FC115', False),  # (guard)
    ('通过加入回译，BLEU 从 32 降到了 21，翻译质量并没有提升，反而变差了。', 'FC115', False),  # (guard)
    ('模型部署后我们忘了切换到 eval 模式，结果导致 Dropout 在推理阶段依然随机丢弃神经元。', 'FC136', False),  # (missed by the starting code)
    ('同事漏掉了 model.eval() 这一行，以致推理时 Dropout 还在随机丢弃神经元。', 'FC136', False),  # (missed by the starting code)
    ('推理阶段 Dropout 依然要随机丢弃神经元，和训练时一样。', 'FC136', True),  # (guard)
    ('忘了调用 model.eval() 会让推理结果不稳定；其实推理阶段 Dropout 同样要随机丢弃神经元。', 'FC136', True),  # (guard)
    ('训练时碰到 BCE 变成负数，仔细排查后发现标签里混进了 255。', 'FC119', False),  # (missed by the starting code)
    ('上线前观察到交叉熵损失出现负值，原因是把 logits 直接当概率取了 log。', 'FC119', False),  # (missed by the starting code)
    ('交叉熵可以出现负值，这是正常的。', 'FC119', True),  # (guard)
    ('训练时碰到 BCE 变成负数，这说明交叉熵本来就可以为负。', 'FC119', True),  # (guard)
    ('做销量预测时，我们把 AUROC 当主指标，希望它尽量低。', 'FC109', True),  # (missed by the starting code)
    ('AUC 数值越低，说明正负样本被区分得越清楚。', 'FC109', True),  # (missed by the starting code)
    ('做风控建模时，我们把 AUROC 当主指标，希望它尽量高。', 'FC109', False),  # (guard)
    ('AUC 越小，正负样本分得越开吗？', 'FC109', False),  # (guard)
    ('我们希望 AUC 尽可能大，logloss 尽可能小。', 'FC109', False),  # (guard)
    ('扩充语料后，测试集 PPL 从 18 涨到 35，语言模型的整体性能大幅增强。', 'FC111', True),  # (missed by the starting code)
    ('换了分词器以后困惑度升高到 48，模型的生成效果有了明显提升。', 'FC111', True),  # (missed by the starting code)
    ('换了分词器以后困惑度降低到 12，模型的生成效果有了明显提升。', 'FC111', False),  # (guard)
    ('困惑度升高到 48，模型的生成效果会提升吗？', 'FC111', False),  # (guard)
    ('把训练数据提升到 100B，模型的语言建模能力明显增强，困惑度也降到了 8。', 'FC111', False),  # (guard)
    ('经过几轮调参，验证集 PPL 被我们优化至 0.85。', 'FC304', True),  # (missed by the starting code)
    ('这个小语言模型的 perplexity 可以训练到 0.9。', 'FC304', True),  # (missed by the starting code)
    ('经过几轮调参，验证集 PPL 被我们优化至 12.5，交叉熵损失优化到 0.6。', 'FC304', False),  # (guard)
    ('困惑度不可能优化到 0.6，它最小是 1。', 'FC304', False),  # (guard)
    ('绘制 ROC 图的时候，横坐标设置成召回率。', 'FC112', True),  # (missed by the starting code)
    ('ROC 曲线的 y 轴设为误报率，x 轴设为真阳性率。', 'FC112', True),  # (missed by the starting code)
    ('画 ROC 曲线时把 x 设为 FPR、y 设为 TPR。', 'FC112', False),  # (guard)
    ('画 PR 曲线时把 x 设为 recall、y 设为 precision。', 'FC112', False),  # (guard)
    ('ROC 曲线的横轴能设为 TPR 吗？', 'FC112', False),  # (guard)
    ('算 KL 散度时两个分布的位置随便放都一样。', 'FC118', True),  # (missed by the starting code)
    ('相对熵满足 D(p‖q) = D(q‖p)，所以可以随便交换。', 'FC118', True),  # (missed by the starting code)
    ('KL 散度一般 KL(P‖Q) ≠ KL(Q‖P)，参数顺序会影响结果。', 'FC118', False),  # (guard)
    ('JS 散度的参数顺序怎么写都不影响结果，KL 散度则不然。', 'FC118', False),  # (guard)
    ('KL 散度的参数顺序并不是无所谓的。', 'FC118', False),  # (guard)
    ('延长训练时间，验证 loss 会随着训练 loss 一起降低。', 'FC133', True),  # (missed by the starting code)
    ('增加训练轮数之后，测试误差会和训练误差一同下降，过拟合也就没了。', 'FC133', True),  # (missed by the starting code)
    ('训练前期，验证误差会跟着训练误差一起下降；继续训练下去，验证误差开始回升，这就是过拟合。', 'FC133', False),  # (guard)
    ('延长训练时间，验证 loss 并不会随着训练 loss 一起降低，反而会回升。', 'FC133', False),  # (guard)
    ('在做 Qwen 微调时，我手写了 RMSNorm，它跟 LayerNorm 一样会先减去均值。', 'FC322', True),  # (missed by the starting code)
    ('训练 LLaMA 的时候我们用了 RMSNorm，和 LayerNorm 一样先减均值再除以标准差。', 'FC322', True),  # (missed by the starting code)
    ('训练 LLaMA 的时候我们用了 RMSNorm，它和 LayerNorm 不同，不减均值，只除以均方根。', 'FC322', False),  # (guard)
    ('复现 LLaMA 时我实现了 LayerNorm，先减去均值再除以标准差。', 'FC322', False),  # (guard)
    ('训练集里混进几个异常样本时，平均绝对误差受到的影响比均方误差还大。', 'FC307', True),  # (missed by the starting code)
    ('均方误差受异常样本的影响比平均绝对误差更大。', 'FC307', False),  # (guard)
    ('训练集里混进几个异常样本时，均方误差受到的影响比平均绝对误差大得多。', 'FC307', False),  # (guard)
    ('混进几个异常样本时，MAE 受到的影响比 MSE 大吗？', 'FC307', False),  # (guard)
    ('异常样本对 L1 损失的影响比对 L2 损失更大。', 'FC307', True),  # (missed by the starting code)
    ('PPV 考察的就是漏报情况。', 'FC102', True),  # (missed by the starting code)
    ('查准率就是看实际阳性样本有多少被模型找出来。', 'FC102', True),  # (missed by the starting code)
    ('精确率衡量的是误报，召回率衡量的是漏检。', 'FC102', False),  # (guard)
    ('精确率衡量的是漏检吗？', 'FC102', False),  # (guard)
    ('精确率并不衡量漏检，它看预测为正的样本中有多少是真的。', 'FC102', False),  # (guard)
    ('系统预警了 40 例，其中 30 例确诊，灵敏度为 75%。', 'FC473', True),  # (missed by the starting code)
    ('模型报了 60 个阳性，其中 45 个确诊，因此召回率是 75%。', 'FC473', True),  # (missed by the starting code)
    ('模型报了 60 个阳性，其中 45 个确诊，因此精确率是 75%。', 'FC473', False),  # (guard)
    ('模型报了 60 个阳性，其中 45 个确诊为阴性，因此召回率是 75%。', 'FC473', False),  # (guard)
    ('模型报了 60 个阳性，其中 45 个确诊，召回率是 75% 吗？', 'FC473', False),  # (guard)
    ('调参时我发现 (1-p_t)^γ 会让 p_t 越大的样本权重越高。', 'FC308', True),  # (missed by the starting code)
    ('(1 − p_t)^γ 这个因子会把更大的权重分给容易分类的样本。', 'FC308', True),  # (missed by the starting code)
    ('(1 − p_t)^γ 会给 p_t 高的简单样本更小的权重，让训练聚焦难样本。', 'FC308', False),  # (guard)
    ('(1 − p_t)^γ 给简单样本更大的权重吗？', 'FC308', False),  # (guard)
    ('(1 − p_t)^γ 不会给简单样本更大的权重，反而压低它们。', 'FC308', False),  # (guard)
    ('自己实现 Dropout 时用的是 inverted 版本，测试阶段把输出乘上保留概率。', 'FC318', True),  # (missed by the starting code)
    ('inverted 版本的 Dropout 在推理时要把激活乘以保留概率。', 'FC318', True),  # (missed by the starting code)
    ('自己实现 Dropout 时用的是 inverted 版本，训练阶段把保留的激活除以保留概率，测试阶段什么都不用做。', 'FC318', False),  # (guard)
    ('原始 Dropout 在测试时把激活乘以 (1 − p)，inverted 版本则把这一步挪到了训练时。', 'FC318', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
