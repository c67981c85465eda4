"""Readings added in the thirty-second session (2026-12-05), in wording of my own.

From the thirtieth phrasing set's misses (read this session; the thirty-first stays unread), written in the voices of a
product requirement document, a post-incident review, a web-novel scene and a speaker's slide notes:

- a number glued to the Han character before it is read when a unit of scale follows it (`有3.4亿参数`, `也就17.5B参数`),
  or as a count of tokens, layers, heads or dimensions after a word that gives a value (`是24层`, `是4096个token`); a
  bare one (`为128`, `剩下的11个层`) stays unread, as it raised only false alarms on the development corpora;
- an opening quotation mark is part of a sentence's lead, so the term after it opens the sentence (`林昊说：“BERT跟GPT
  一个路数，它就是…”`: 它 is BERT); a speech quoted in two parts reads as one, its tag between them read past
  (`“…，”顾言说，“…”`);
- a question in the text answered by the sentence after it is read even when no sentence of the text states the property
  in its own words (`IoU 的分母是什么？就是两个框的面积相加。`), and an answer may open by calling its audience (`各位，…`);
- a metric defined with the task's own class word (`判为欺诈的订单里真正是欺诈的占比`, `正常交易中被误报为欺诈的比例`,
  `告警中确认为真的数量 ÷ 告警总数`);
- a procedure denied before its first step (`不是把…算出来，`) denies the steps after it (`再取平均`);
- a result said last with its object before it (`加上梯度裁剪，这样梯度消失也能解决`) is the added thing's, read past a
  clause that names nothing between them;
- a clause that opens with a verb of watching or basing on (`观察训练损失…`) says what the sentence's topic does; so
  does one that opens with the property itself (`…，整句概率自然最大`, `…，普通 GPU 上推理就快十倍`), unless the clause
  or the next one then says something of that opening (`具体类别由 RoI 头预测`, `切矩阵乘法的是 TP`, `…，等于…`);
- a root cause told as a step taken under its label (`根因：重构时给 encoder 加了 causal mask`) is a mistake made, not a
  claim; the label is no longer read past at the start of an answer, so a symptom under its label (`现象：…`) is not
  one either there;
- phrasings of FC107, FC116, FC133, FC136, FC138, FC300/FC301, FC307, FC318, FC389, FC404, FC408, FC445, FC460; `恒等路径` names
  the residual connection (FC149).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

GLUED = [
    # (text, code, whether the code is found)
    ("听说BERT-base约有3.4亿参数量。", "FC384", True),
    ("BERT-base约有1.1亿参数。", "FC384", False),
    ("据说GPT-3总共也就17亿参数。", "FC383", True),
    ("GPT-3有1750亿参数，当年算是庞然大物。", "FC383", False),
    # a count of layers or tokens glued to a word that gives a value
    ("培训时他强调：BERT-base是24层的编码器。", "FC385", True),
    ("培训时他强调：BERT-base是12层的编码器。", "FC385", False),
    ("GPT-3能看的上下文有8192个token。", "FC388", True),
    ("GPT-3能看的上下文有2048个token。", "FC388", False),
    # a bare number glued to Han is still not read
    ("ALBERT 拿 12 层的 BERT-base 举例，只学第一个块，在剩下的11个层里重用它。", "FC385", False),
]

QUOTED = [
    ("她在白板上写下：“BERT和GPT差不多，它也是自回归模型。”", "FC173", True),
    ("她在白板上写下：“BERT和GPT不一样，它不是自回归模型。”", "FC173", False),
    ("「BERT跟GPT一个套路，它就是自回归模型。」", "FC173", True),
    # a speech quoted in two parts, its tag between them (`“…，”老陈说，“…”`), reads as one
    ("“BERT 跟 GPT 一个思路，”老陈说，“它也是从左到右的自回归模型。”", "FC173", True),
    ("“BERT 跟 GPT 不一样，”老陈说，“它不是自回归模型。”", "FC173", False),
    ("“BERT 的预训练很直接，”她补充道，“就是根据前文预测下一个词。”", "FC176", True),
]

SELF_ASKED = [
    ("IoU 的分母是什么？同学们，就是两框面积直接相加。", "FC455", True),
    ("IoU 的分母是什么？同学们，是两框的并集面积，不是直接相加。", "FC455", False),
    ("IoU 的分母是什么？就是两个框的面积加起来。", "FC455", True),
    ("IoU 的分母是什么？两个框的并集面积。", "FC455", False),
]

DOMAIN_METRICS = [
    ("召回率：系统标成垃圾邮件的那些邮件里，真的是垃圾邮件的占多少。", "FC101", True),
    ("精确率：系统标成垃圾邮件的那些邮件里，真的是垃圾邮件的占多少。", "FC101", False),
    ("召回率不是系统标成垃圾邮件的邮件里真的是垃圾邮件的比例。", "FC101", False),
    ("召回率 = 报警里确认属实的条数 ÷ 报警总条数。", "FC101", True),
    ("精确率 = 报警里确认属实的条数 ÷ 报警总条数。", "FC101", False),
    ("查准率指所有真实的违规帖子里被系统识别出来的比例。", "FC102", True),
    ("查全率指所有真实的违规帖子里被系统识别出来的比例。", "FC102", False),
    ("特异度：正常用户里被误伤成作弊的比例。", "FC107", True),
    ("假正例率：正常用户里被误伤成作弊的比例。", "FC107", False),
    ("特异度：正常用户里没有被误伤的比例。", "FC107", False),
]

STEPS = [
    # a procedure denied before its first step
    ("mAP 并不是把每一类的准确率求出来，再取平均。", "FC460", False),
    ("mAP 是把每一类的准确率求出来，再取平均。", "FC460", True),
    ("mAP 就是每一类的准确率算出来，再取个平均。", "FC460", True),
    # a result said last, its object first
    ("给 LSTM 用上梯度裁剪，这样梯度消失也能一并缓解。", "FC141", True),
    ("给 LSTM 用上梯度裁剪，梯度爆炸能缓解，梯度消失却不能。", "FC141", False),
    ("网络加上梯度裁剪，一下子解决了梯度消失。", "FC141", True),
    ("网络加上梯度裁剪，一下子解决了梯度爆炸。", "FC141", False),
    # a clause that opens with a verb of watching says what the topic does
    ("早停不难，监控训练损失，不降了就停。", "FC137", True),
    ("早停不难，监控验证损失，不降了就停。", "FC137", False),
]

OPENING = [
    # a phrasing that opens a clause is a predicate of the sentence's topic, unless the clause then says something of it
    ("贪心搜索每一步都挑最可能的词，全局最优自然有保证。", "FC402", True),
    ("贪心搜索每一步都挑最可能的词，整个序列的概率自然最大。", "FC402", True),
    ("非结构化剪枝把一半权重置零，普通显卡上速度直接翻倍。", "FC411", True),
    ("RPN 只给出前景/背景得分，具体类别由后面的分类头决定。", "FC459", False),
    ("RPN 只给出前景/背景得分，具体类别要等第二阶段来判。", "FC459", False),
    ("GAN 只能采样；精确似然 → 自回归模型和标准化流。", "FC453", False),
]

ROOT_CAUSE = [
    # a root cause told as a step taken under its label, at an answer's start too: a mistake made, not how things are
    ("事故原因：新同事给 encoder 加了 causal mask。", "FC362", False),
    ("原版 Transformer 的 encoder 也加了 causal mask。", "FC362", True),
    # (a cause explained after the step is a claim)
    ("故障原因：加了 skip connection，浅层梯度消失更严重了。", "FC149", True),
]

PHRASINGS = [
    ("BLEU 说白了就是 n-gram 召回率。", "FC300", True),
    ("BLEU 说白了就是 n-gram 精确率。", "FC300", False),
    ("ROUGE 本质上是 n-gram 精确率。", "FC301", True),
    ("ROUGE 本质上是召回率导向的指标。", "FC301", False),
    ("AdaBoost 的弱分类器能各自独立地并行训练。", "FC445", True),
    ("AdaBoost 的弱分类器之间互不干扰，可以完全独立地并行训练。", "FC445", True),
    ("AdaBoost 的弱分类器之间有先后依赖，不可以完全独立地并行训练。", "FC445", False),
    ("Bagging 的基学习器能各自独立地并行训练。", "FC445", False),
    ("用了 speculative decoding，输出分布会向 draft model 偏移。", "FC408", True),
    ("speculative decoding 的输出分布不会向 draft model 偏移。", "FC408", False),
    ("上线推理时维持 Dropout 开启。", "FC136", True),
    ("训练时维持 Dropout 开启，推理时关掉。", "FC136", False),
    ("inverted dropout 把缩放留到推理时才做。", "FC318", True),
    ("inverted dropout 的缩放在训练时就做完了，推理时不做。", "FC318", False),
    ("部署时 BN 直接拿测试 batch 的均值和方差。", "FC138", True),
    ("上线以后 BN 按推理 batch 自身的均值方差做归一化。", "FC138", True),
    ("BN 训练时用当前 batch 的均值和方差，推理时用滑动平均。", "FC138", False),
    ("LoRA 训练也要替预训练权重保存一份动量。", "FC389", True),
    ("LoRA 不用替预训练权重保存动量。", "FC389", False),
    ("把 temperature 改成 1.8，生成会更可预测。", "FC404", True),
    ("把 temperature 改成 0.3，生成会更可预测。", "FC404", False),
    ("分类问题的 loss 就用 MSE。", "FC116", True),
    ("回归问题的 loss 就用 MSE。", "FC116", False),
    ("MAE 会放大较大的误差。", "FC307", True),
    ("MSE 会放大较大的误差。", "FC307", False),
    ("训练轮数越多，模型越能走出过拟合。", "FC133", True),
    ("训练轮数越多，模型越难走出过拟合。", "FC133", False),
    # `恒等路径` names the residual connection
    ("其实恒等路径反而会稀释回传的梯度。", "FC149", True),
    ("恒等路径让回传的梯度不被稀释。", "FC149", False),
]


@pytest.mark.parametrize("text,code,expected", GLUED + QUOTED + SELF_ASKED + DOMAIN_METRICS + STEPS + OPENING + ROOT_CAUSE + PHRASINGS)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
