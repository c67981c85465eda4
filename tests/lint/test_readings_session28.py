"""Readings added in the twenty-eighth session (2026-12-04), in wording of my own.

From the twenty-sixth phrasing set (read this session; the twenty-seventh stays unread), written in the voices of a
patent description, a popular-science article, a lab's meeting minutes and a textbook review: a suggestion said not
to help (`换优化器是帮不上忙的`) is no claim that it helps; a reading said to be the wrong way round (`把方向读反了`)
reports what it judges; what an organisation proposed, named after 是 (`Meta 提出的是 RoBERTa`), is that other work;
where a work first appeared, said to be Hinton's course (`最早出现在 Hinton 的课程里`), is another claim of who made
it; directions said through other verbs. From the 99th to 105th untuned trials (TRIAL_99_102, TRIAL_99_102_DOCS):
the mechanisms of their false alarms, each case failing on the code before its fix, with guards beside them."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    ("线上延迟高的话，改用 Adagrad 训练对推理提速是帮不上忙的，得做量化。", "FC143", False),
    ("推理太慢，想提速可以把优化器换成 Adam，效果立竿见影。", "FC143", True),
    ("推理要更快，换 RMSProp 也无济于事，该做算子融合。", "FC143", False),
    ("评论里说幅值剪枝要先砍绝对值大的权重，这是把顺序看反了。", "FC418", False),
    ("幅值剪枝时要先砍绝对值大的权重。", "FC418", True),
    ("BERT 出自 Google；Meta 发布的是对它重新调参训练的 RoBERTa。", "FC465", False),
    ("BERT 是 Meta 发布的，后来 Google 跟进。", "FC465", True),
    # where a work first appeared, said to be a person's course (that is another work's place)
    ("据说 Adam 首次亮相于辛顿的公开课。", "FC467", True),
    ("Adam 的二阶矩思路最早见于 Hinton 公开课里的 RMSProp。", "FC467", False),
    # a direction said through a verb of forgetting or erasing (`忘得越快`, `擦掉的…越多`), a raise written 提到, a
    # strength that loosens the constraint it is
    ("Adam 的 β1 调大以后，旧梯度会被忘得更快。", "FC331", True),
    ("Adam 的 β1 调大以后，旧梯度忘得更慢。", "FC331", False),
    ("forget gate 的值越接近 1，抹掉的历史信息就越多。", "FC358", True),
    ("forget gate 的值越接近 1，丢弃的历史信息越少。", "FC358", False),
    ("核采样的 p 从 0.8 提到 0.95，保留的 token 变少了。", "FC406", True),
    ("核采样的 p 从 0.8 提到 0.95，保留的 token 变多了。", "FC406", False),
    ("加大正则化系数只会弱化对模型的约束。", "FC316", True),
    ("加大正则化系数会强化对模型的约束。", "FC316", False),
    # an exact density, as an exact likelihood
    ("GAN 的好处之一是能输出精确的密度值，方便算困惑度。", "FC453", True),
    ("GAN 算不出精确的密度值，评估只能用 FID。", "FC453", False),
    # accuracy made the only measure on imbalanced data; a high accuracy said to prove it, after 这
    ("欺诈样本极度不平衡，我们把正确率当作唯一的考核指标。", "FC114", True),
    ("欺诈样本极度不平衡，不宜把正确率当作唯一的考核指标。", "FC114", False),
    ("正负比例 1:99 的测试集上拿到 98% 的准确率，这就证明模型对欺诈交易识别得很出色。", "FC114", True),
    # a perplexity raised (提升至), said to prove a stronger model
    ("微调后 perplexity 提升至 38，这可以说明语言建模能力变强了。", "FC111", True),
    ("微调后 perplexity 下降至 18，这可以说明语言建模能力变强了。", "FC111", False),
]


# from the 99th to 102nd untuned trials (their false alarms, in wording of my own): a block-sparse variant and what a
# method serves or is extended to (FC369); a term in a bracket still open glosses the one term before it (FC135); a gate
# that multiplies a tanh (FC359); a speed-up said to be poor (FC411); a large model around an INT8 halving (FC415); a
# quantity whose own number stands between it and another number (FC387); `rank1` is no beam width (FC403); where a
# method is used (`在监督学习中`, FC442); a model generating, not its outputs (FC360); a demonstration's distribution
# beside the paper's (FC434); a method set against checkpointing, or checkpointing fewer blocks (FC338); `var` inside a
# word (FC138); data sent, not kept (FC469); a name inside a URL, or spelled out in lower case after its Chinese name;
# a cluster (`聚类簇`) and a class name (`SpectralClustering`) are no clustering claim (FC441)
TRIAL_99_102 = [
    ("论文还提出了块稀疏 FlashAttention，它是一种近似注意力，比原版更快。", "FC369", False),
    ("FlashAttention 可以当作原语，用来实现近似注意力算法的加速。", "FC369", False),
    ("Flash-Attention 与各种精确、近似和低秩注意力基线相比，显存都更省。", "FC369", False),
    ("FlashAttention 是一种近似注意力。", "FC369", True),
    ("常见的正则有 L1、L2（L2 正则化也叫 weight decay）。", "FC135", False),
    ("常见的正则有 L1（也叫 weight decay）。", "FC135", True),
    ("输出门向量与 c_t 的双曲正切做逐元素相乘，得到 h_t。", "FC359", False),
    ("LSTM 的三个门都用 tanh 激活。", "FC359", True),
    ("非结构化剪枝在普通 GPU 上的加速很有限。", "FC411", False),
    ("非结构化剪枝在普通 GPU 上的加速很明显。", "FC411", True),
    ("部署大模型时，INT8 量化让权重占用减少一半。", "FC415", False),
    ("ResNet 做 INT8 量化后，权重占用减少一半。", "FC415", True),
    ("我们训练的 BERT-base（序列长度 128）比 Horovod 2.0 的记录快 20%。", "FC387", False),
    ("BERT 的最大序列长度是 2048。", "FC387", True),
    ("GPT-3 的上下文长度从 1024 扩到了 4096。", "FC388", True),
    ("rank0 和 rank1 输出结果不同，因为每个进程的随机状态不一样。", "FC403", False),
    ("PCA 不看标签，在监督学习中未必最优。", "FC442", False),
    ("PCA 属于监督学习方法。", "FC442", True),
    ("使用 teacher forcing：模型在预测下一个词时，输入的是真实的上一个词。", "FC360", False),
    ("teacher forcing 就是把模型上一步预测的词作为下一步输入。", "FC360", True),
    ("为了演示方便这里按均匀分布抽负样本，word2vec 原文用词频的 0.75 次方。", "FC434", False),
    ("word2vec 的负采样按均匀分布抽负样本。", "FC434", True),
    ("和先前的梯度检查点做法不同，这里前向时顺手算出梯度，避免了需要重新计算的开销。", "FC338", False),
    ("只对一部分层做梯度检查点，可以减少重计算，代价是多占显存。", "FC338", False),
    ("梯度检查点减少了重新计算。", "FC338", True),
    ("推理时启用 batch invariant 的算子，保证结果确定。", "FC138", False),
    ("BN 在推理时用当前 batch 的 mean 做归一化。", "FC138", True),
    ("13B参数的fp16模型用DDP时每步要发送 13*2*2 = 52GB 的数据。", "FC469", False),
    ("7B 模型用 FP16 加载，权重大约需要 7GB。", "FC469", True),
    ("[稀疏性示例](https://example.org/demo_l1_l2_sparsity.html#demo-l1-l2-sparsity)", "FC134", False),
    ("稳健回归（robust regression）适合回归数据里有离群点的情形。", "FC117", False),
    ("选邻居数时要大于一个聚类簇的最小样本数，KNN 才稳。", "FC441", False),
    ("KNN 可以参考 sklearn.cluster.SpectralClustering 的近邻图。", "FC441", False),
    ("KNN 是一种聚类算法。", "FC441", True),
    # from the 103rd to 105th: a deep network that consumes what the term gives it (FC437); a symmetric, smoothed version
    # of KL (FC118); a page's contents linked to other pages (FC117); a field label `Framework:` (FC171); what was used
    # before the Transformer appeared (FC177); what should be predicted positive are the actual positives (FC101)
    ("word2vec 不是深度模型，它把词变成深度神经网络能够处理的向量。", "FC437", False),
    ("word2vec 是一种深度神经网络。", "FC437", True),
    ("JS 散度可以看成 KL 散度的对称平滑版本。", "FC118", False),
    ("KL 散度是对称的。", "FC118", True),
    ("- [3.1 用交叉熵做回归](第3章/3.1-交叉熵回归.md)", "FC117", False),
    ("| **VGG16** <br/>Framework: tensorflow |", "FC171", False),
    ("ResNet is a deep learning framework.", "FC171", True),
    ("在 Transformer 类的大模型流行以前，机器翻译多用循环神经网络。", "FC177", False),
    ("Transformer 使用了循环神经网络。", "FC177", True),
    ("召回率是本应判为正的全部样本里真正正例的比例。", "FC101", False),
    ("召回率是真正正例的比例。", "FC101", True),
    # supervised and unsupervised named as a pair, before an example of the second (FC438)
    ("特征取值跨度大，对有监督和无监督中如k-均值这类算法都不利。", "FC438", False),
    ("k-means 是一种有监督学习算法。", "FC438", True),
]

# format and structure: a lone ** that stands for a value before 的 (FM003); a bold marker opens an enumeration's item
# (FM005); a call to follow is not what one says one focuses on (FM007); a numbered question answered after its
# question mark (QA001); a link to code written in a framework, or a link whose text names the repository it links (FC204)
TRIAL_99_102_DOCS = [
    ("### 1. 指标？\n\n**答案：**\n\n- 日活超过**的账户会被标记。\n", "FM003", False),
    ("### 1. 指标？\n\n**答案：**\n\n- 接口写成 (char**)&buf 的形式。\n", "FM003", False),
    ("### 1. 指标？\n\n**答案：**\n\n- 新一代的 A1**系列显卡很快。\n", "FM003", False),
    ("### 1. 指标？\n\n**答案：**\n\n- 这是**重点内容。\n", "FM003", True),
    ("### 1. 反馈？\n\n**答案：**\n\n我们**一定、一定、一定**要重视用户反馈。\n", "FM005", False),
    ("### 1. 工具？\n\n**答案：**\n\n- 学会 `NumPy` 数组操作、`Pandas` 数组操作；\n", "FM005", False),
    ("### 1. 显著性？\n\n**答案：**\n\n| 因素 | F 比 | 显著性 |\n|---|---|---|\n| A | 5.2 | *, **, 或无 |\n", "FM003", False),
    ("### 1. 显著性？\n\n**答案：**\n\n若 F 比大于临界值，用**表示高度显著。\n", "FM003", False),
    ("### 1. 数据？\n\n**答案：**\n\n| 编号 | 邮编 |\n|---|---|\n| 1 | 100** |\n", "FM003", False),
    ("### 1. 资料？\n\n**答案：**\n\n本章重点关注我们常见的三种组件。\n", "FM007", False),
    ("### 1. 资料？\n\n**答案：**\n\n欢迎关注我们。\n", "FM007", True),
    ("### 1. 规则？\n\n**答案：**\n\n- 至少一个字母在 [a-z] 中\n- 至少一个字母在 [A-Z] 中\n", "QA005", False),
    ("### 1. 模型？\n\n**答案：**\n\n- BERT 模型\n- GPT 模型\n- bert 模型\n", "QA005", True),
    ("## 面试题\n\n1. **什么是过拟合？** (来自 `某论坛`)\n\n   过拟合是模型在训练集上表现好、在测试集上表现差的现象。\n\n"
     "2. **什么是欠拟合？** (来自 `某论坛`)\n\n3. **什么是正则化？**\n\n   正则化是在损失中加入约束参数的惩罚项。\n", "QA001", True),
    ("### 1. 资料？\n\n**答案：**\n\n这一节重点关注我经常遇到的三类故障。\n", "FM007", False),
    ("### 1. 资料？\n\n**答案：**\n\n觉得有用就关注我吧！\n", "FM007", True),
    ("## 笔记\n\n1. 什么是隐变量模型？用看不见的变量解释观测数据的生成过程。\n\n   先从先验里采样隐变量，再经过网络生成观测。\n\n"
     "2. 怎么训练这个网络？最大似然估计。\n\n   对数似然很难直接算，所以用变分下界近似。\n\n3. 后验太复杂怎么办？变分推断。\n\n"
     "4. 为什么要用重参数化？让采样可导。\n", "QA001", False),
    ("### 1. 代码？\n\n**答案：**\n\n这份开源代码写得很规范（尤其是[Pytorch版的代码](https://github.com/someone/pytorch-GAN-zoo)，值得一读）。\n", "FC204", False),
    ("### 1. 代码？\n\n**答案：**\n\n见 [TensorFlow 官方仓库](https://github.com/someone/tensorflow)。\n", "FC204", True),
]


@pytest.mark.parametrize("text,code,expected", CASES + TRIAL_99_102)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text


@pytest.mark.parametrize("doc,code,expected", TRIAL_99_102_DOCS)
def test_document(doc, code, expected):
    assert (code in found(doc)) is expected, doc
