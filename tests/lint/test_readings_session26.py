"""Readings added in the twenty-sixth session (2026-12-04), in wording of my own.

From the twenty-fourth phrasing set (read this session; the twenty-fifth stays unread), whose traps were written in
the voices of a teacher's grading comments, an engineer's weekly report and a competition forum: a grader's deduction
(`扣 1 分`) judges what the graded answer says, whether the answer is quoted after it (`扣 1 分，因为你说…`) or
before it (`你把 GPT 写成双向模型，扣 1 分`); a conclusion said to be the wrong way round (`结论反了`) is reported; what
someone proposes or suggests (`有人提议…`, `有同学建议…`) is reported, not stated; a setup said to go against its design
(`…，和设计相反`) and a change after which a result got worse (`加了 causal mask 后翻译质量下降`) are bugs found; a
claim judged by a clause that ends in a colon (`楼上说…，这个不对：…`) is reported; a quoted statement crossed out
(`写过“…”，后来划掉了`) is taken back; a property inside a longer modifier of the name compared with (`它与先减均值再除
标准差的 LayerNorm 不同`) is that name's; a denial at the head of a clause (`并不是 BERT 用 BPE、GPT-2 用 WordPiece`)
covers every statement listed after it."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    # a grader's deduction judges what the graded answer says
    ("扣 2 分：因为你认为 L2 正则能得到稀疏解。稀疏解来自 L1。", "FC134", False),
    ("你把 GPT 写成了双向模型，扣 1 分。", "FC174", False),
    ("第三问扣 0.5 分，因为你答 PPO 属于 off-policy 算法。", "FC398", False),
    ("这一问扣两分，原因是你写 BERT 通过预测下一个词来预训练。", "FC176", False),
    # ... but the grader's own statement after the deduction is read
    ("扣 1 分：PPO 是 off-policy 算法，你写成 on-policy 了。", "FC398", True),
    ("扣 2 分，因为你说 BERT 是双向的。其实 BERT 是单向的自回归模型。", "FC173", True),
    # a conclusion said to be the wrong way round
    ("你说 BERT 是单向模型，方向反了。", "FC173", False),
    ("BERT 是单向模型，方向没有反。", "FC173", True),
    # what someone proposes or suggests is reported
    ("有位同学建议用 L2 正则来得到稀疏解。", "FC134", False),
    ("周会上有人提议推理时 BatchNorm 也按当前 batch 统计均值和方差。", "FC138", False),
    ("有人提议用 L1 得到稀疏解。其实 L2 正则也能得到稀疏解。", "FC134", True),
    # a setup said to go against its design, a change after which a result got worse: a bug found
    ("推理脚本里 BatchNorm 被写成按当前 batch 统计均值方差，和设计相反。", "FC138", False),
    ("BatchNorm 在推理时按当前 batch 统计均值和方差，和训练时一样。", "FC138", True),
    ("把编码器换成带 causal mask 的自注意力后，翻译 BLEU 掉了 3 个点。", "FC362", False),
    ("编码器换成带 causal mask 的自注意力后，翻译效果更好。", "FC362", True),
    ("差分隐私其实就是一种加密算法，把数据加密后再训练，精度只掉了 1 个点。", "FC154", True),  # (加密 adds nothing)
    # a claim judged by a clause that ends in a colon
    ("楼上说 GPT 是双向模型，这个不对：GPT 只看左侧上下文。", "FC174", False),
    ("GPT 是双向模型，这个不难理解：它看得到全句。", "FC174", True),
    # a quoted statement crossed out is taken back
    ("他在答卷上写了“多头注意力的参数量是单头的 h 倍”，后来又划掉了。", "FC366", False),
    ("“多头注意力的参数量是单头的 h 倍”，这一点要记住。", "FC366", True),
    # a property in a longer modifier of the name compared with
    ("RMSNorm 只除以均方根；因此它与先减均值再除标准差的 LayerNorm 不同，计算更省。", "FC322", False),
    ("RMSNorm 与 LayerNorm 一样会先减均值再除以标准差。", "FC322", True),
    # a denial at the head of a clause covers every statement listed after it
    ("并不是 BERT 用 BPE、GPT-2 用 WordPiece。", "FC381", False),
    ("BERT 用 BPE、GPT-2 用 WordPiece。", "FC381", True),
]

# a value compared with a baseline's, read to show an improvement in the wrong direction (from the twenty-fourth set's
# misses, model-card voice)
BASELINE = [
    ("BLEU 为 18.2，低于基线的 24.6，说明译文质量提升。", "FC115", True),
    ("BLEU 为 18.2，低于基线的 24.6，说明译文质量下降。", "FC115", False),
    ("BLEU 为 26.1，高于基线的 24.6，说明译文质量提升。", "FC115", False),
    ("困惑度为 42.7，高于基线，说明建模能力更强。", "FC111", True),
    ("困惑度为 28.1，低于基线的 31.5，说明建模能力更强。", "FC111", False),
    ("测试集上 AUC 为 0.61，低于对照组的 0.70，表明排序能力更强。", "FC109", True),
    ("测试集上 AUC 为 0.61，低于对照组的 0.70，并不表明排序能力更强。", "FC109", False),
]

# from the twenty-fourth set's misses: an A-not-A whose answer is said not to matter asks nothing; more wording
MISSES_24 = [
    ("Transformer 的自注意力自己就能区分词序，用不用位置编码都差不多。", "FC364", True),
    ("自注意力要不要加位置编码，效果差别很大吗？", "FC364", False),
    ("排查后发现，梯度消失主要集中在靠近输出的那几层。", "FC339", True),
    ("梯度消失主要集中在靠近输入的那几层。", "FC339", False),
    ("把 batch size 从 128 拉到 2048，梯度噪声跟着变大。", "FC333", True),
    ("把 batch size 从 2048 降到 128，梯度噪声跟着变大。", "FC333", False),
    ("Hinton 早年提出了 Adam。", "FC467", True),
    ("Hinton 早年提出了 RMSProp，Adam 则出自 Kingma 和 Ba。", "FC467", False),
    ("束搜索只保留一条序列的时候，就相当于按概率分布随机采样。", "FC403", True),
    ("束搜索只保留一条序列的时候，就相当于贪心解码。", "FC403", False),
    ("测得精确率 0.8、召回率 0.6，F1 就取二者之和的一半，也就是 0.7。", "FC108", True),
    ("F1 是精确率和召回率的调和平均，不是二者之和的一半。", "FC108", False),
    ("word2vec 的负采样按词频直接去抽负样本。", "FC434", True),
    ("word2vec 的负采样按词频的 3/4 次方去抽负样本。", "FC434", False),
    ("KNN 的 k 调大了边界就会变得弯弯曲曲，容易过拟合。", "FC440", True),
    ("KNN 的 k 调小了边界弯弯曲曲，容易过拟合；调大了更平滑。", "FC440", False),
    ("流水线并行里微批次从 8 加到 32，气泡占比明显上去了。", "FC428", True),
    ("流水线并行里微批次从 8 加到 32，气泡占比明显下来了。", "FC428", False),
    ("数据并行就是把模型前 16 层放 GPU0、后 16 层放 GPU1。", "FC425", True),
    ("流水线并行就是把模型前 16 层放 GPU0、后 16 层放 GPU1。", "FC425", False),
    ("Stable Diffusion 的 UNet 每一步都在像素上预测噪声。", "FC451", True),
    ("Stable Diffusion 在潜空间里预测噪声，而不是在像素上预测噪声。", "FC451", False),
    ("梯度裁剪把大梯度压下来、把过小的拉上去。", "FC141", True),
    ("梯度裁剪只把过大的梯度压下来，过小的不会拉上去。", "FC141", False),
    ("gradient checkpointing 会用更多显存缓存激活。", "FC338", True),
    ("gradient checkpointing 用更少显存，代价是多算一次前向。", "FC338", False),
    # a 、 before `一部分` parts clauses: the second part is not said of the term named in the first
    ("混合精度训练，就是让一部分算子用 FP32 浮点、一部分用 INT8 整数。", "FC144", True),
    ("混合精度训练让一部分算子用 FP32、一部分用 FP16。", "FC144", False),
]

TRIAL_86_87 = [
    # a factor written with a multiplication sign, a section of a source: no values (FC383, FC388)
    ("结论：6B 的对齐模型胜过 175B GPT-3（参数差 30×）（[S3] §4）。", "FC383", False),
    ("GPT-3 论文对上下文窗口的说明见（[S1] §4）。", "FC388", False),
    ("GPT-3 的参数量约 13B（[S2] §3）。", "FC383", True),
    # ... nor is a list of several models' sizes that holds the term's true value (FC383)
    ("- 规模：1.3B / 6B / 175B，**都用 GPT-3 的结构**（[S1] §2，three sizes (1.3B, 6B, and 175B parameters) use the GPT-3 architecture）。", "FC383", False),
    ("GPT-3 最大的版本有 13B 参数，沿用 GPT-2 架构。", "FC383", True),
    ("GPT-3 比 GPT-2 大了 100×，约 17.5B 参数。", "FC383", True),
    # a term named later inside the bracket that glosses one of a pair is no candidate for 前者/后者 (FC173)
    ("不要混淆 Causal LM（GPT）与 Masked LM（BERT，原文提到 BERT 用 WordPiece）：前者自回归生成，后者双向编码填空。", "FC173", False),
    ("GPT 与 BERT（原文说 BERT 用 WordPiece 分词）：前者双向编码，后者自回归生成。", "FC173", True),
    # a property named as what a method targets, with its flaw after it (FC457)
    ("YOLO 属于单阶段检测器，针对于两阶段检测算法速度慢的缺点，它把分类和定位合成一步。", "FC457", False),
    ("YOLO 针对小目标采用了两阶段检测。", "FC457", True),
    # both Python unpackings glossed in prose: no bold (FM003)
    ("参数可以这样传：*(列表)  **(字典)", "FM003", False),
    ("这里 **(重要) 注意", "FM003", True),
]

TRIAL_88 = [
    # the architecture a method is built on, chosen, is no software framework (FC171)
    ("目标函数定下来以后，框架确定为 Transformer-XL 自回归语言模型，再加双流注意力。", "FC171", False),
    ("部署时选了 ShuffleNet 这个轻量级深度学习框架。", "FC171", True),
    # a kind of model named in a frame clause is not the term's kind (FC173)
    ("XLNet 的改进有两点，一是吸收了 BERT 等自编码模型的经验，在自回归模型的训练过程中引入了下文信息；二是用了更多数据。", "FC173", False),
    ("BERT 在预训练时是自回归模型。", "FC173", True),
]

TRIAL_89_90 = [
    # `从未` glued to its verb by the segmenter still denies (FC360)
    ("Teacher Forcing 训练时总是喂真实的上一个词，模型从未见过自己生成的错误前缀；", "FC360", False),
    ("teacher forcing 训练时喂模型自己生成的上一个词。", "FC360", True),
    # `哪块` asks (FC338)
    ("重计算或通信开销会增加。监控面板要能说清“省下的是哪块显存、增加的是哪块开销”，否则会误判。", "FC338", False),
    ("梯度检查点用更多显存换更少计算。", "FC338", True),
    # a table's or a figure's number is no value (FC383)
    ("（LaMDA、GPT-3 及各规模模型的结果见表 4）", "FC383", False),
    ("GPT-3 有 13B 参数，见表 4。", "FC383", True),
    # an item of an enumeration the glossary does not know: the sentence is that item's (FC383)
    ("第一个是 GPT-3，对应 175B 参数的模型。第二个是 **Chinchilla**（Hoffmann et al. 2022），有 70B 参数的模型。", "FC383", False),
    ("第二个是 GPT-3，它有 13B 参数。", "FC383", True),
]

TRIAL_91 = [
    # an English verb phrase after a label's colon is no value (FC462)
    ("- UNet: add the text embedding to every block", "FC462", False),
    ("U-Net 的跳跃连接就是 add。", "FC462", True),
]

TRIAL_92 = [
    # a coordinated clause with a subject of its own (a resource, another term) (FC178)
    ("因为自注意力的计算量是长度的平方 ( $O(n^2)$ )，而且 KV Cache 与激活随长度线性增长，长文本很容易 OOM。", "FC178", False),
    ("自注意力的计算量很大，并且随长度线性增长。", "FC178", True),
    # what a clause combines does not go on; the unnamed whole does (FC173, FC174)
    ("T5(Text-to-Text Transfer Transformer),融合了BERT和GPT两条路线，使得它**既有双向编码的长处，也有单向自回归生成的长处**。", "FC173", False),
    ("BERT 是单向自回归模型。", "FC173", True),
    # what the object of 将 is changed into is not the subject's (FC356)
    ("2.将三个门：输入门、遗忘门、输出门简化为两个门：更新门和重置门", "FC356", False),
    ("LSTM 只有两个门。", "FC356", True),
    ("层次 softmax 把每次预测的复杂度从 O(V) 压到了 O(1)。", "FC435", True),  # (what the term itself brings about)
    # a setting with its value, right before the property (FC132)
    ("- **lr=1e-3**：适合大模型，小模型用 lr=1e-3 反而容易过拟合", "FC132", False),
    ("小模型更容易过拟合。", "FC132", True),
]

TRIAL_93 = [
    # a number with thousands separators is one number; an exponent, an operand of \times and a count per layer are
    # no values (FC383, FC384, FC385)
    ("- GPT-3 (175B parameters): would need 30,000 TB for its Hessian alone", "FC383", False),
    ("GPT-3 有 13,000,000,000 个参数。", "FC383", True),
    ("- BERT-base（$d = 768$）：$4 \\times 768^2 = 2,359,296$ 参数/层", "FC384", False),
    ("- BERT-base（$d = 768$）：$4 \\times 768^2 = 2,359,296$ 参数/层", "FC385", False),
    ("BERT-base 有 24 层。", "FC385", True),
    # a number in scientific notation is one number (the exponent rule above would lose `10^10`'s catch)
    ("GPT-3 最大的版本约有 1.75 × 10^10 个参数。", "FC383", True),
    ("GPT-3 最大的版本约有 1.75 × 10^11 个参数。", "FC383", False),
    ("GPT-3 最大的版本约有 1.75e11 个参数。", "FC383", False),
    # billions count parameters, not a context window (FC388)
    ("| GPT-3 | 2020 | 175B | 上下文学习 |", "FC388", False),
    ("GPT-3 的上下文窗口是 4K。", "FC388", True),
    # all queries sharing something is no query shared (FC368)
    ("- **MQA**：只有 1 个 KV head，所有 Query 共享它。", "FC368", False),
    ("MQA 中 Query 是共享的。", "FC368", True),
    # int8 with outliers in FP16 is LLM.int8()'s mixed-precision decomposition (FC144)
    ("> 混合精度矩阵乘法：大部分维度用 INT8，离群值用 FP16。", "FC144", False),
    ("混合精度训练：大部分运算用 INT8。", "FC144", True),
    # a peer after `+` at the end of a text (FC145)
    ('"""Linear warmup + 线性衰减"""', "FC145", False),
    ("Warmup 就是线性衰减。", "FC145", True),
    # a token named as special characters is content (FM001)
    ("把图片位置替换成 64 个特殊字符<|vision_pad|>。", "FM001", False),
]

# the thing `本模型` names owns the metric after it, which the next clause goes on with (model-card voice)
OWNED = [
    ("本模型在测试集上的 BLEU 为 18.2，低于基线的 24.6，表明译文质量提升。", "FC115", True),
    ("本模型的困惑度为 42.7，高于基线的 31.5，说明建模能力更强。", "FC111", True),
    ("本模型的困惑度为 28.1，低于基线的 31.5，说明建模能力更强。", "FC111", False),
]

# an answer of names in one line or of a formula, with a figure after it, is an answer (QA002: not an image alone)
_BANK = ("# 激活函数笔记\n\n## 一、动机篇\n\n### 1.1 为什么需要激活函数？\n\n1. 表达能力：线性模型叠加仍是线性的，需要非线性变换;\n"
         "2. 拟合角度：引入非线性才能逼近复杂函数\n\n## 二、介绍篇\n\n### 2.1 sigmoid 篇\n\n")
_NEXT = "\n\n#### 2.1.2 sigmoid 有什么缺点？\n\n两端饱和，梯度接近 0。\n"
FIGURE_ANSWERS = [
    (_BANK + "#### 2.1.1 什么是 sigmoid 函数？\n\n- 公式\n  \n$$\\sigma(x)=\\frac {1}{1+e^{-x}}$$\n\n- 图像\n\n![](img/s.png)" + _NEXT, "QA002", False),
    (_BANK + "#### 2.1.1 常用的评价指标有哪些？\n\n准确率、召回率、F1，AUC，混淆矩阵\n\n![](img/m.png)" + _NEXT, "QA002", False),
    (_BANK + "#### 2.1.1 什么是 sigmoid 函数？\n\n- 图像\n\n![](img/s.png)" + _NEXT, "QA002", True),
    (_BANK + "#### 2.1.1 常用的评价指标有哪些？\n\n![](img/m.png)" + _NEXT, "QA002", True),
]

# an answer label alone on its line (`**A**：`) is followed by its answer, bold sub-headings and all (QA001)
_LABELLED = "# 笔记\n\n**Q**：为什么 MoE 在同等算力下损失更低？\n\n**A**：\n\n"
_SECOND = "**Q**：MoE 的专家数怎么选？\n\n**A**：\n\n**显存够不够？**\n\n专家越多参数越多，先看显存。\n"
LABELLED_ANSWERS = [
    (_LABELLED + "**交叉熵损失是什么？**\n\n它衡量模型给真实下一个词的概率。\n\n" + _SECOND, "QA001", False),
    (_LABELLED + "**1. 稀疏激活**\n\n每个 token 只走少数专家。\n\n" + _SECOND, "QA001", False),
    (_LABELLED + _SECOND, "QA001", True),
]


@pytest.mark.parametrize("text,code,expected", CASES + BASELINE + OWNED + MISSES_24 + TRIAL_86_87 + TRIAL_88 + TRIAL_89_90 + TRIAL_91 + TRIAL_92 + TRIAL_93)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text


@pytest.mark.parametrize("doc,code,expected", FIGURE_ANSWERS)
def test_figure_answer(doc, code, expected):
    assert (code in found(doc)) is expected, doc


@pytest.mark.parametrize("doc,code,expected", LABELLED_ANSWERS)
def test_labelled_answer(doc, code, expected):
    assert (code in found(doc)) is expected, doc
