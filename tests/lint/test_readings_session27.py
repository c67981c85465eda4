"""Readings added in the twenty-seventh session (2026-12-04), in wording of my own.

From the twenty-fifth phrasing set (read this session; the twenty-sixth stays unread), written in the voices of a
thesis chapter, a tech-media article, a livestream Q&A and a design document: a property followed by the name it is
given (`…的比例称为准确率`) is that name's, not the term of a clause before it; some of the sources said to put a thing
so (`部分文献将 X 表述为…`) are reported, not stated; a question told as asked (`有同学问…，`, `弹幕问…，`), its asking
word before a comma, is followed by the answer spoken in the same sentence, which states; the openers of a report or
a talk (`据悉，`, `值得一提的是，`, `嗯，`) set no topic; a formal degree adverb (`最为合适`) reads as its plain
form (`最合适`); a formula is the definition of what it is used to compute (`以 TP/(TP+FN) 计算特异度`); names side
by side in a question (`BERT 预训练的目标是什么？`) ask of one thing, and its answer is about both."""

from __future__ import annotations

import pytest

from qatool.parse import parse_text
from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    ("由于 accuracy 与 precision 经常被混着说，判对的样本占总样本的比例称为 accuracy。", "FC105", False),
    ("由于两者常被混用，这里说清楚：模型判对的样本占全部样本的比例称为 precision。", "FC105", True),
    # ... or of what it is used to compute
    ("这篇论文以 TP/(TP+FN) 计算特异度。", "FC106", True),
    ("用 TP/(TP+FN) 计算召回率，用 TN/(TN+FP) 计算特异度。", "FC106", False),
    ("有些教材将召回率写作“预测为正的样本里真正为正的比例”，这其实是精确率。", "FC101", False),
    ("教材将召回率定义为预测为正的样本里真正为正的比例。", "FC101", True),
    ("有位同学问 GPT 用没用因果掩码，其实没用，GPT 是双向模型。", "FC174", True),
    ("有同学问 GPT 是不是双向模型，不是的，它只看左侧。", "FC174", False),
    ("弹幕里有人问温度调高会怎样，温度越高输出越确定。", "FC404", True),
    ("观众问 PPO 属于哪类算法，嗯，PPO 属于 off-policy。", "FC398", True),
    ("有同学问 PPO 属于哪一类，PPO 是 off-policy 的。", "FC398", True),
    ("观众问 PPO 是不是 off-policy 算法。", "FC398", False),
    # ... and the answer that names no term is about the term the told question asks of
    ("有位观众问量化怎么省显存，原理就是减少参数的个数。", "FC414", True),
    ("有位观众问量化怎么省显存，原理是降低每个参数的位宽，参数个数不变。", "FC414", False),
    ("弹幕问知识蒸馏里谁教谁，一般是小模型当教师、大模型当学生。", "FC152", True),
    # names side by side in a question ask of one thing, both at once
    ("BERT 预训练的目标是什么？就是根据前文预测下一个词。", "FC176", True),
    ("BERT 预训练的目标是什么？就是 MLM，不是根据前文预测下一个词。", "FC176", False),
    ("据了解，BatchNorm 只做减均值除标准差，整个过程没有可学习参数。", "FC324", True),
    ("值得注意的是，BatchNorm 先减均值除标准差，之后还有可学习的缩放和平移。", "FC324", False),
    ("做多分类时，MSE 是最为合适的损失函数。", "FC116", True),
    ("做多分类时，交叉熵是最为合适的损失函数。", "FC116", False),
]

# from the 94th and 95th untuned trials (their false alarms, in wording of my own): a pair whose terms each annotate
# the property before them; a variant of a term (`零中心的 sigmoid 变体`); what the subject is set against before a
# colon; a prediction's direction written as an arrow; the second of two compared things; a clause that opens on a
# noun of its own after 虽然; a perplexity that fell before the larger model is called better; a deployment tool's
# optimizer; a property that names the term itself; unlabeled data; the dimensions of the data; some of the
# parameters, named by what they have (`梯度小的参数，…`); what an argument assumes
TRIAL_94_95 = [
    ("两种预训练任务：掩码语言模型（BERT）与自回归语言模型（GPT）。", "FC173", False),
    ("BERT 是一种自回归语言模型。", "FC173", True),
    ("tanh 可以看成零中心的 sigmoid 变体。", "FC341", False),
    ("sigmoid 是零中心的激活函数。", "FC341", True),
    ("CBOW 和 Skip-gram 正好相反：由上下文预测中心词。", "FC433", False),
    ("Skip-gram 由上下文预测中心词。", "FC433", True),
    ("CBOW 的预测方向是上下文 → 中心词。", "FC432", False),
    ("Skip-gram 的预测方向是中心词 → 上下文。", "FC433", False),
    ("我们对比了 FlashAttention 和几种近似注意力算法的显存占用。", "FC369", False),
    ("FlashAttention 是一种近似注意力算法。", "FC369", True),
    ("FlashAttention 很快。虽然近似方法的计算量更小，但访存更多。", "FC369", False),
    ("模型从 1B 扩到 7B，困惑度从 30.2 降到了 **21.7**，说明更大的模型确实更好。", "FC111", False),
    ("课程介绍了用模型优化器和推理引擎加速部署后的推理。", "FC143", False),
    ("换成 Adam 优化器可以加速推理。", "FC143", True),
    ("- 多标签分类损失：`nn.BCEWithLogitsLoss`，用于多标签分类任务。", "FC121", False),
    ("one-hot 向量可以用来表示多标签。", "FC121", True),
    ("预训练适合有大量 unlabeled data 的场景。", "FC155", False),
    ("预训练需要大量 labeled data。", "FC155", True),
    ("降低数据的维度可以帮助避免过拟合。", "FC131", False),
    ("减少训练数据的数量可以避免过拟合。", "FC131", True),
    ("AdaGrad 累加每个参数的梯度平方。梯度小的参数，累积和也小，相当于学习率被放大了。", "FC330", False),
    ("Adagrad 的学习率会随着训练逐渐增大。", "FC330", True),
    ("sigmoid 是常见的默认选择。此外，这里的推导假设数据要么预先处理成零均值，要么天然就是零均值。", "FC341", False),
]

# ... and whole documents: a line that goes on from one that defined a thing the glossary does not know; a clause on
# its own noun under a question; a retrieval parameter's table row; a paper's title with its short name tagged on; a
# quoted Q&A whose answer label stands alone
TRIAL_94_95_DOCS = [
    ("### 1. 弹性网络\n\n弹性网络是一种在 Lasso 的基础上加入 L2 正则的线性模型。\n它在保留特征选择能力的同时，更能应对特征相关。\n", "FC134", False),
    ("### 1. L2 正则\n\nL2 正则会把权重整体缩小。\n它能得到稀疏解，适合做特征选择。\n", "FC134", True),
    ("### L1 正则为什么带来稀疏？\n\nL1 对应拉普拉斯先验，L2 对应高斯先验。而高斯先验分布只会把参数压到 0 附近，不会正好为 0。\n", "FC314", False),
    ("### L1 正则为什么带来稀疏？\n\n因为 L1 相当于给参数加了高斯先验。\n", "FC314", True),
    ("### 检索参数\n\n| 参数 | 作用 | 调法 |\n|---|---|---|\n| **top_k** | 返回的文档数量 | 按下游需要调整 |\n", "FC405", False),
    ("### 论文\n\n- [Attention Is All You Need (Transformer)](https://arxiv.org/abs/1706.03762)\n", "FC201", False),
    ("### 论文\n\n- [Attention Is All You Want (Transformer)](https://arxiv.org/abs/1706.03762)\n", "FC201", True),
    ("### 导数\n\n**直观理解**：变化率\n\n> **Q: 梯度下降是什么？**\n> \n> **A**: \n> 一种沿梯度反方向更新参数的优化算法。\n", "QA001", False),
]

# from the 96th untuned trial (in wording of my own): a property of the group a name represents (`以 R-CNN 为代表的
# two-stage 流派`); a size before 的 is the size of the name after it; an operation that negates (`再取负数`); the
# predicted positives as the denominator; a vision model's supervised pretraining and `传统的有监督学习方法` as a subject
# of its own; users who follow an account in a case study
TRIAL_96 = [
    ("YOLO 一步到位。这个思路针对的是当时以 R-CNN 为代表的 two-stage 流派。", "FC457", False),
    ("以 YOLO 为代表的 two-stage 检测器速度较慢。", "FC457", True),
    ("常被拿来对比的有 1750 亿参数的 GPT-3 和 5400 亿参数的 PaLM。", "FC383", False),
    ("常被拿来对比的有 5400 亿参数的 GPT-3 和 1750 亿参数的 PaLM。", "FC383", True),
    ("交叉熵就是对正确类别的预测概率求对数，求平均再取负数即可。", "FC119", False),
    ("交叉熵损失可以取负值。", "FC119", True),
    ("查准率表示在所有预测为正的样本中预测正确的比例。", "FC105", False),
    ("查准率表示在所有样本中预测正确的比例。", "FC105", True),
    ("ViT 的预训练用的是 ImageNet 上的有监督学习。", "FC155", False),
    ("预训练的本质是学一个压缩器。传统的有监督学习方法要靠标签定义相似性。", "FC155", False),
    ("预训练本质上是有监督学习。", "FC155", True),
    ("这份案例里，新用户先关注公众号，再领取优惠券。", "FM007", False),
    ("觉得有用就关注公众号吧。", "FM007", True),
]

# ... and a table of contents' entry, a reference implementation's source
TRIAL_96_DOCS = [
    ("# 目录\n\n- [聚类特征和 K 近邻特征](#聚类特征和-k-近邻特征)\n", "FC441", False),
    ("# 笔记\n\n- K 近邻是一种聚类算法。\n", "FC441", True),
    ("### 1. 检测模型\n\n- [SSD PyTorch 源码参考](https://github.com/someone/ssd.pytorch)\n", "FC204", False),
]

# from the 97th and 98th untuned trials (in wording of my own): `…的一个重要区别` names what is compared; a bracket that
# glosses the word before it (`（就是…）`, `（用于…）`, `(for …)`); what a thing looks like (`看起来很像 off-policy 的…`); a
# unit written in LaTeX (`174600 $M$`)
TRIAL_97_98 = [
    ("BERT 这类模型能一次预测所有被遮住的词。这是掩码语言模型与自回归语言模型的一个重要区别。", "FC173", False),
    ("FlashAttention 对困惑度略有影响。这可能不是实现错误，而是数值抵消的例子(就是两个近似值相减，误差比实际大很多倍)。", "FC369", False),
    ("Decoupled PPO 拆出两个角色：近端策略和行为策略（用于重要性采样中的异策略修正）。", "FC398", False),
    ("PPO 看起来很像 off-policy 的算法，其实是 on-policy。", "FC398", False),
    ("PPO 是 off-policy 算法。", "FC398", True),
    ("打个比方，原始 GAN 像用推土机把沙子推成另一堆，优化的就是 Wasserstein 距离。", "FC448", True),  # (a bare 像 is an analogy)
    ("GPT-3 的参数量为 174600 $M$。", "FC383", False),
    ("GPT-3 的参数量为 17460 $M$。", "FC383", True),
]

# ... and `**kwargs` after a Han character; a method's name with its short name tagged on, linked to its paper
TRIAL_97_98_DOCS = [
    ("### 1. 参数\n\n这些参数都是通过**kwargs传进来的。\n", "FM003", False),
    ("### 1. 参数\n\n这一句的**加粗没有闭合。\n", "FM003", True),
    ("### LoRA\n\n[Low-Rank Adaption (LoRA)](https://arxiv.org/abs/2106.09685) 是一种参数高效微调方法。\n", "FC201", False),
]

QUOTED_QA = "### 导数\n\n**直观理解**：变化率\n\n> **Q: 梯度下降是什么？**\n> \n> **A**: \n> 一种沿梯度反方向更新参数的优化算法。\n"


@pytest.mark.parametrize("text,code,expected", CASES + TRIAL_94_95 + TRIAL_96 + TRIAL_97_98)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text


@pytest.mark.parametrize("doc,code,expected", TRIAL_94_95_DOCS + TRIAL_96_DOCS + TRIAL_97_98_DOCS)
def test_document(doc, code, expected):
    assert (code in found(doc)) is expected, doc


def test_quoted_answer_label_alone_starts_the_answer():
    """`> **A**: ` alone on its line after `> ` in a quote that holds a whole Q&A starts the answer, as it does outside
    a quote (the parser had read the answer into the question)."""
    (rec,) = parse_text(QUOTED_QA, "notes.md").records
    assert rec["question"].startswith("梯度下降是什么？")
    assert rec["answer"] == "一种沿梯度反方向更新参数的优化算法。"
