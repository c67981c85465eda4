"""Readings added in the twenty-fourth session (2026-12-04), in wording of my own.

From the twenty-second phrasing set (read this session; the twenty-third stays unread): an option of a multiple-choice
question (`选项C说…`, `B 项把…写成…`) and what someone suggests (`有人建议…`) are statements the explanation judges,
reported, not asserted, when a later clause of the sentence rules them out (`那是精确率的定义`, `实际上这是…`,
`故不选`, `结果适得其反`); a teammate's belief (`有组员以为…`) is reported; a name given by mistake (`被误称为…`)
is not a claim; a denied finding or belief (`我们没有观察到…`, `我不认为…`) asserts nothing of what it introduces;
a speaker's turn (`主播A：`, mid-line after a full stop) is a label the claim is read past; a tag question
(`…，对吧？`) affirmed by the next turn (`对对对，…`) states what it asked. Rule-level: a pair told apart
(`分清模型和框架：…`) calls nothing a framework (FC171); the area two boxes cover together is the union (FC455); the
stability a lowered learning rate brings is not a large rate's (FC146).

From the seventy-seventh untuned trial (interview-question lists and a prompt-engineering course): a denied kind of
nonlinearity (`不是传统的非线性函数，而是分段线性函数`) is no denial of ReLU's nonlinearity (FC346); a note written as a
code comment after a sentence (`。# TODO: 待确认`) is no heading glued to the paragraph (FM004).

From the seventy-eighth untuned trial (two Chinese LLM course notes): an off-policy variant of PPO (`PPO 的离策略变体`)
is no claim that PPO is off-policy (FC398); a larger model after the perplexity fell (`困惑度下降 → 更大的模型更好`)
says nothing of a higher perplexity (FC111); the old pipeline DPO replaces (`把原来“先训练奖励模型…”的流程压缩成…`) is not
DPO's (FC397); a reliance on labelled data reduced (`缓解对人工标注数据的依赖`) is not pretraining's use of it (FC155);
removing the mean adjustment (`去除均值调整`) is RMSNorm's not subtracting it (FC322); the era before the Transformer
(`在进入 Transformer 之前，…依赖 RNN`) is not the Transformer (FC177, also as a clause's time frame); what follows the
warmup (`warmup 后面通常接一个学习率衰减策略`) is not the warmup (FC145).

From the seventy-ninth untuned trial (LLM course notes, one in traditional Chinese): the models of the present
(`考虑到目前 LLM 一般采用 Pre-Norm`) are not the original Transformer a heading names (FC325); a gloss in brackets is said
of the term right before it, even the last of a list (`如量化（…）、剪枝（去除冗余的参数）`, FC414); an era named by the
term's arrival without 在 (`Transformer 出现之前，…`, FC177); the cards state is split across (`切分到各个计算卡中`) are no
computation split (FC431); and, found on the way, ZeRO said to work by tensor parallelism (`ZeRO 采用数据并行+张量并行的
方式`, FC431).

From the eightieth untuned trial (a site of LLM paper notes): a method that brings self-attention's cost down
(`将复杂度从O(n²)降低到O(n)`) says it was quadratic (FC178); other models a clause names as its subject (`这两个模型都比学生
模型小`, models that build a proxy teacher) are not the teacher (FC152)."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    # an option or a suggestion, ruled out by a later clause of its sentence
    ("选项C说召回率是预测为正的样本中真正为正的比例，那是精确率的定义。", "FC101", False),
    ("B 项把召回率写成预测为正的样本里真正为正的比例，故不选。", "FC101", False),
    ("选项B说召回率是预测为正的样本中真正为正的比例，正确。", "FC101", True),
    ("有人建议用 tanh 缓解梯度消失，结果适得其反。", "FC148", False),
    ("用 tanh 可以缓解梯度消失。", "FC148", True),
    # what a source says, with a clause that only defines (`指的是`) and judges nothing
    ("GPT-3 论文里说的 few-shot，指的是拿几十个样本对模型做一次小规模 fine-tuning。", "FC377", True),
    # a teammate's belief, a name given by mistake, a denied finding
    ("有组员以为学习率越大训练越稳定，结果 loss 直接发散。", "FC146", False),
    ("Adam 经常被误称为二阶优化器，其实它只用一阶梯度。", "FC332", False),
    ("Adam 是二阶优化器。", "FC332", True),
    ("我们没有观察到 Adam 在所有任务上都优于 SGD。", "FC147", False),
    ("我们观察到 Adam 在所有任务上都优于 SGD。", "FC147", True),
    # rule-level readings
    ("先要分清模型和框架：VGG、ResNet 属于网络结构。", "FC171", False),
    ("VGG 是一个深度学习框架。", "FC171", True),
    ("IoU 等于重叠部分除以两个框合起来覆盖的总面积。", "FC455", False),
    ("IoU 等于交集除以两个框面积之和。", "FC455", True),
    ("学习率越大，收敛越快；降到 1e-4 以后反而更稳定。", "FC146", False),
    ("学习率调大以后训练更稳定。", "FC146", True),
    # vocabulary: outliers named before the comparison, an exact zero
    ("数据里有异常值时，MAE 比 MSE 更敏感。", "FC307", True),
    ("数据里有异常值时，MSE 比 MAE 更敏感。", "FC307", False),
    ("用了 L2 正则以后，很多权重会被压成严格的 0。", "FC134", True),
    ("用了 L2 正则以后，权重整体变小，但不会被压成严格的 0。", "FC134", False),
    ("ReLU 并不是典型的非线性函数，它是分段线性的。", "FC346", False),
    ("ReLU 不能提供非线性。", "FC346", True),
    # the seventy-eighth trial's classes
    ("PPO 这类算法的离策略变体会复用旧策略采样的轨迹。", "FC398", False),
    ("PPO 这类算法属于离策略算法。", "FC398", True),
    ("参数量越大，困惑度越低，说明更大的模型更好地学到了语言规律。", "FC111", False),
    ("两个模型比困惑度，困惑度更高的那个模型更好。", "FC111", True),
    ("DPO 把原先“先学一个奖励模型再跑 PPO”的流程合成了一步。", "FC397", False),
    ("DPO 也要先训练一个奖励模型。", "FC397", True),
    ("用模型自己生成的数据继续预训练，可以减少对人工标注数据的依赖。", "FC155", False),
    ("预训练阶段要依赖大量人工标注的数据。", "FC155", True),
    ("与 LayerNorm 相比，RMSNorm 直接去除均值调整，计算更省。", "FC322", False),
    ("RMSNorm 的第一步是减去均值。", "FC322", True),
    ("在迎来 Transformer 之前，机器翻译普遍依赖 RNN 按时间步递归处理序列。", "FC177", False),
    ("Transformer 依赖 RNN 按时间步递归处理序列。", "FC177", True),
    ("预热阶段结束以后，一般还会接一个余弦衰减，把学习率逐渐降低。", "FC145", False),
    ("warmup 后面通常还要接一个衰减策略，让学习率逐渐降低。", "FC145", False),
    ("warmup 的做法是在最初几百步把学习率逐渐降低。", "FC145", True),
    # the seventy-ninth trial's classes
    ("常用的压缩手段有量化（把浮点权重换成低比特整数）、剪枝（删掉不重要的权重）。", "FC414", False),
    ("量化（删掉不重要的权重）能让模型变小。", "FC414", True),
    # the eightieth trial's classes
    ("这个方法借助稀疏路由，将自注意力的复杂度从 O(n²) 压到 O(n)。", "FC178", False),
    ("自注意力的复杂度是 O(n)。", "FC178", True),
    ("做蒸馏时我们拿两个小模型拼出一个代理教师，这些模型都比学生模型小。", "FC152", False),
    ("知识蒸馏里教师模型通常比学生模型更小。", "FC152", True),
    # (a gloss that opens with 都 is said of the whole list before it)
    ("二阶优化包括：Adam、牛顿法、拟牛顿法（都用到 Hessian）。", "FC332", True),
    ("Transformer 问世之前，机器翻译大多依赖 RNN 逐词处理序列。", "FC177", False),
    ("ZeRO-2 把梯度也切分到每张计算卡上。", "FC431", False),
    ("ZeRO 采用数据并行加张量并行的方式。", "FC431", True),
    # a speaker's turn is a label: the clauses after it go on with the term its first clause names
    ("嘉宾A：BPE 的训练挺绕的，每轮都挑出现次数最少的相邻符号对合并。", "FC379", True),
    ("好的。主持人：BPE 的训练挺绕的，每轮都挑出现次数最少的相邻符号对合并。", "FC379", True),
    ("嘉宾A：BPE 的训练挺绕的，每轮都挑出现次数最多的相邻符号对合并。", "FC379", False),
    # a tag question affirmed by the next turn states what it asked
    ("乙：原版 Transformer 的正弦位置编码在训练时会更新，对吧？甲：对对对，和可学习的位置嵌入一样。", "FC372", True),
    ("乙：原版 Transformer 的正弦位置编码在训练时会更新，对吧？甲：不对，它是固定的。", "FC372", False),
    ("原版 Transformer 的正弦位置编码在训练时会更新，对吧？", "FC372", False),
    # a note written as a code comment is no glued heading
    ("把配置文件放到项目根目录。# TODO: 放到哪个固定位置待确认", "FM004", False),
    ("感谢阅读！### 附录", "FM004", True),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text


ORIGINAL = "### 原始 Transformer 的结构\n\n"


@pytest.mark.parametrize("answer,expected", [
    ("原论文《Attention Is All You Need》的配图里 LayerNorm 在子层之后，也就是 Post-Norm。考虑到目前 LLM 一般采用 Pre-Norm，"
     "这里的实现也采用 Pre-Norm。", False),
    ("原始 Transformer 采用 Pre-LN 结构。", True),
])
def test_the_models_of_the_present_are_not_the_original(answer, expected):
    assert ("FC325" in found(ORIGINAL + answer + "\n")) is expected, answer
