"""Readings fixed in the thirteenth session (2026-12-02), in wording of my own.

From the traps of the tenth phrasing set: a bold label that compares (`**A vs B**：`, `**A 和 B**：`) heads its line
and is no subject of the clauses after it; a statement followed by "it is the other way round" (`其实反了`,
`正好相反`) is a belief named to be refuted; a property said to be another term's (`约 3.4e38 是 FP32 的最大值`)
is not the subject's; the reciprocal of a rank averaged (`1/rank_i 的平均`) is MRR itself. From its misses: a
question asked and answered at once (`X 是什么？就是…`) is answered about the one term it names; a discourse marker
(`说白了`, `简单来说`) before 就是 defines nothing of its own; what happens otherwise (`否则 loss 会算错`) judges no
statement; a term owned by the head term (`PyTorch 的 CrossEntropyLoss`) goes on with it; the purpose of a thing
added (`加 KL 惩罚，是为了…`) is that thing's; a note-taking word between a bold label and its colon (`**BERT** 速记：`)
keeps the label the line's topic, and a subject named after a label goes on in its line; an answer that opens on
就是 after a question is about what was asked. (The structure readings of the session are in test_structure_trial44.py.)"""
from __future__ import annotations

import pytest

from tests.lint.readings import found, item


@pytest.mark.parametrize("answer,code", [
    # a comparison label heads the line: the clause after it is said of the term it names, or goes on with it
    ("**MAE 与 MSE**：MSE 把残差平方，对异常点更敏感。", "FC307"),
    ("**MAE 和 MSE 的区别**：MSE 把残差平方，对异常点更敏感。", "FC307"),
    ("**L1 loss vs L2 loss**：1）L2 loss 平方放大误差，受离群值影响更大；2）L1 loss 更稳健。", "FC307"),
    ("**Xavier vs He**：Xavier 照顾 tanh 这类对称激活；He 把方差翻倍，针对 ReLU。", "FC335"),
    ("**Glorot 和 He 的差异**：前者配 tanh；He 的方差翻倍，专门针对 ReLU。", "FC335"),
    # a statement then "it is the other way round"
    ("网上流传的说法是 ROUGE 看精确、BLEU 看召回，其实正好反了。", "FC300"),
    ("有种讲法是 BLEU 偏召回，ROUGE 偏精确，实际上恰恰相反。", "FC300"),
    # the number is given to another term
    ("**FP16 的上限不是 3.4e38**：只有 65504；约 3.4e38 是 FP32 的上限。", "FC420"),
    ("- **FP16**：最大 65504，3.4e38 则是 BF16 的最大值。", "FC420"),
    # the reciprocal of each rank, averaged
    ("MRR 的计算方式是对每个查询求 1/rank 再取平均。", "FC305"),
    ("MRR 等于所有查询 1 / rank_i 的平均值，越接近 1 越好。", "FC305"),
])
def test_correct_statements_are_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    # the label's own term, or the term after the label, still states the slip
    ("**MAE vs MSE**：MAE 对离群点更敏感。", "FC307"),
    ("**L1 loss 和 L2 loss**：L1 loss 取绝对值，对离群值更敏感。", "FC307"),
    ("**Xavier 与 Kaiming 的区别**：Xavier 初始化针对 ReLU 设计。", "FC335"),
    ("- **Xavier 初始化**：专门针对 ReLU。", "FC335"),
    # the slip stated plainly, or refuted the wrong way
    ("BLEU 看召回，ROUGE 看精确。", "FC300"),
    # the number given to FP16 itself
    ("3.4e38 是 FP16 的最大值。", "FC420"),
    ("FP16 能表示的最大值约 3.4×10^38。", "FC420"),
    # the mean of the ranks themselves
    ("MRR 就是把各个查询的 rank 取平均。", "FC305"),
])
def test_slips_are_still_flagged(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    # a question asked and answered at once: the answer is about the one term the question names
    ("焦点损失想解决什么？主要是提高简单样本在总损失里的比重。", "FC308"),
    ("教师强制怎么理解？训练时把模型上一步自己生成的词当作下一步的输入。", "FC360"),
    # a discourse marker before the verb defines nothing of its own
    ("差分隐私属于哪类技术？其实就是一种加密算法。", "FC154"),
    ("差分隐私很常用。简单来说就是一种加密算法。", "FC154"),
    # what happens otherwise is a consequence, not a judgement of the statement
    ("使用 nn.CrossEntropyLoss 前，要先把输出过一遍 softmax，不然 loss 就算错了。", "FC311"),
    # a term owned by the head term goes on with it
    ("PyTorch 的 CrossEntropyLoss 内部只有 NLL，所以输入必须是 softmax 之后的概率。", "FC311"),
    # the purpose of a thing added is the thing's
    ("RLHF 的 PPO 阶段施加 KL 惩罚，是为了鼓励策略远离 SFT 模型。", "FC396"),
    # an answer that opens on 就是 is about what the question asked, whatever it names after
    ("MQA 到底是什么？就是让每个头共用同一组 Query，而 K、V 各头独立。", "FC368"),
    # a subject named after a label goes on in the label's line, before the label's own term
    ("**激活函数与梯度消失**：tanh 输出有界，能够缓解梯度消失。", "FC148"),
    # less data as a remedy, across the line that sets the remedy up (FC131 reads the line)
    ("模型过拟合的话，可以先把 training set 缩减到一半，样本少了泛化就好了。", "FC131"),
    ("**应对过拟合** 的做法：1）加 dropout；2）**删掉一部分训练样本**；3）早停。", "FC131"),
    ("过拟合了该怎么办？最省事的就是减少训练数据量。", "FC131"),
    # residual connections said to worsen vanishing gradients, MSE as the loss for classification
    ("残差连接把网络堆深后，vanishing gradient 问题只会更加严重。", "FC149"),
    ("跳跃连接会让梯度传播得更弱。", "FC149"),
    ("分类任务最合适的损失就是 **MSE**。", "FC116"),
    ("二分类里用 sigmoid + MSE 效果最好。", "FC116"),
])
def test_new_phrasings_of_slips_are_flagged(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("焦点损失想解决什么？主要是降低简单样本在总损失里的比重。", "FC308"),
    ("教师强制怎么理解？训练时把上一步的真实词当作下一步的输入。", "FC360"),
    ("差分隐私属于哪类技术？它不是加密，而是一种给统计结果加噪声的隐私保护方法。", "FC154"),
    ("很多人在 nn.CrossEntropyLoss 前先做 softmax，其实搞错了：它要的是 logits。", "FC311"),
    ("RLHF 的 PPO 阶段施加 KL 惩罚，是为了防止策略离 SFT 模型太远。", "FC396"),
    ("**BERT** 小结：1）只用编码器；2）双向的掩码语言模型。", "FC173"),
    ("MQA 到底是什么？就是让所有头共用同一组 K 和 V，只有 Query 各头独立。", "FC368"),
    ("**激活函数与梯度消失**：ReLU 正区间导数为 1，能够缓解梯度消失。", "FC148"),
    ("过拟合了该怎么办？最省事的就是多收集一些训练数据。", "FC131"),
    ("过拟合严重的话，千万不要减少训练数据，那只会更糟。", "FC131"),
    # less data named in English is a term of its own, not the data augmentation before it
    ("数据增强能缓解过拟合。相反，减少 training data 只会加重过拟合。", "FC140"),
    # what is taken away is no subject of what follows
    ("去掉残差连接后，梯度消失反而加剧。", "FC149"),
    ("二分类用 sigmoid + 交叉熵效果最好，MSE 更适合回归。", "FC116"),
])
def test_their_correct_versions_are_not(answer, code):
    assert code not in found(item(answer)), answer


def test_a_keyword_line_states_nothing_and_a_negated_degree_is_no_claim():
    keywords = "Skip-gram 用中心词预测上下文。\n\n**关键词**：CBOW、Skip-gram、上下文预测中心词、负采样\n"
    assert "FC433" not in found(item(keywords))
    assert "FC433" in found(item("Skip-gram 是用上下文预测中心词的。"))
    assert "FC404" not in found(item("温度越高，生成的文本就越不可预测，也更发散。"))
    assert "FC404" in found(item("温度越高，生成的文本就越可预测。"))


@pytest.mark.parametrize("answer,code", [
    # (46th untuned trial) a warning against saying it, a bracketed 错 after it, the property of what it differs
    # from, a nuance closed on the right category
    ("常见坑：千万别说\"PPO 是 off-policy 的\"，它每轮都重新采样。", "FC398"),
    ("面试时把 PPO 归为 off-policy（错），它每轮重新采样。", "FC398"),
    ("FlashAttention 给出精确结果，不同于 Performer 那类方法的核近似。", "FC369"),
    ("PPO 严格说做了一点 off-policy 修正，但仍属于 on-policy 方法。", "FC398"),
])
def test_refuted_and_contrasted_statements_are_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


def test_the_same_slips_stated_are_flagged():
    assert "FC398" in found(item("PPO 严格说是 off-policy 的。"))
    assert "FC369" in found(item("FlashAttention 不同于标准实现，它是近似计算。"))


def test_a_supposition_in_brackets_is_still_a_supposition():
    text = "推理时所有神经元保留。（如果训练时没用 Inverted Dropout，推理时需将输出乘以 (1-p)。）"
    assert "FC318" not in found(item(text))
    assert "FC318" in found(item("推理时所有神经元保留。（Inverted Dropout 在推理时需将输出乘以 (1-p)。）"))
