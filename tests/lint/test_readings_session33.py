"""Readings added in the thirty-third session (2026-12-05), in wording of my own.

From the thirty-first phrasing set's misses and flagged traps (read this session; the thirty-second stays unread),
written in the voices of a microblog thread, a labelling guideline for annotators who judge model answers, a student's
study diary and a launch e-mail:

- a grader's rule that marks an answer wrong, the answer quoted or said in the sentence's first clause (`答“…”者，一律判为
  错误`, `说…的回答判为错误`, `写…的答案记零分`), asserts nothing of what it quotes; an answer said to be right (`…，这类
  回答判对`) or a statement before the rule is still read;
- an answer named as such (`答案是 MLM`, `标准答案：MLM`, `我答 MLM`) gives what a question before it asks for, and so
  does one after a question quoted in the same sentence (`题目是“…是什么”，标准答案是 MLM`);
- a clause that opens by saying what the term just named is (`…用的是 k-means，这是一种…`, `…，它属于…`, `…，即…`,
  `…，这一机制…`) is about that term;
- what a clause used, added, switched to, turned on or built on, named last (`分类头换成了层次 softmax`, `我只用了
  padding mask`, `新功能基于 LDA`), is what the next clause says something of, when that clause names nothing of its own
  or opens with 它;
- a reason that opens with 因为它 after a question is about what the question asked about (`为什么 Transformer 选
  LayerNorm？因为它…`); a time frame may open with 到 (`inverted dropout 到推理阶段，…`);
- a question that asks how a thing does one short thing (`GPT 怎么预训练？`) is answered by a phrase that takes the
  interrogative's place (`用掩码语言模型`), and `我写的是“…”` names an answer;
- words that only look like a verdict are read as they are: `算漏检` (counts as a miss, not 算漏), `还远着呢` (insists,
  does not ask), `…是过拟合的元凶` (a claim; only an incident's 元凶 is a finding of a review); a setup called a bug
  (`…是个 bug`) is not asserted;
- Q&A in the manner of a dialogue, a help page or a live stream, in wording of my own (the thirty-second set's voices
  were chosen by me but its phrasings are unread): speakers named by one letter (`A：…？B：…`) and a filler (`嗯……`) before
  the answer; a remark on the question (`这题简单，`) or an announcement (`我直接公布答案：`) before the answer; a question
  told without quotes (`有同学问 X 有几个门，…`) and answered after it; a yes/no question answered yes (`…吗？是的。`)
  states what it asks, unless the yes is taken back in the same sentence (`对，这是常见误区，实际…`); `说结论：` opens a statement, `别问为什么` asks nothing, `我一直以为…` reports a belief given up;
  `啥来着` asks as `啥` does;
- worked metric examples (FC473) read a ratio written out before its value (`= 60/80 = 75%`), what was flagged as
  positive counted by the class word (`报出 40 个阳性`), and patients as the positives;
- phrasings of FC111, FC112, FC113, FC114, FC116, FC119, FC121, FC131, FC132, FC137, FC139, FC140, FC153, FC318, FC320,
  FC366, FC371, FC391, FC396, FC399, FC403, FC405, FC407, FC408, FC410, FC411, FC416, FC428, FC431, FC444, FC456, FC463;
  a correct statement of FC428 (`微批次越多，气泡占比越小，吞吐越高`) is no longer flagged.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

GRADED = [
    # (text, code, whether the code is found)
    ("LSTM 只有两个门。", "FC356", True),
    ("评分细则：答“LSTM 只有两个门”者，一律判为错误。", "FC356", False),
    ("写 ReLU 没有非线性的答案记零分。", "FC346", False),
    ("认为 Dropout 在推理时也要开启的，不予给分。", "FC136", False),
    ("BERT 是自回归模型，这类回答判对。", "FC173", True),
    # a statement before the rule, and a rule that does not open its sentence, are still read
    ("推理时也要开启 Dropout。模型给出这一说法的回答判为错误。", "FC136", True),
    ("BN 没有可学习参数，另外，说 GRU 有三个门的判为错误。", "FC324", True),
]

NAMED_ANSWER = [
    ('GPT 的预训练任务是什么？答案是 MLM。', 'FC175', True),
    ('GPT 的预训练任务是什么？参考答案：MLM。', 'FC175', True),
    ('GPT 的预训练任务是什么？答案是自回归的下一个词预测。', 'FC175', False),
    ('面试官问“GPT 的预训练任务是什么”，我答 MLM。', 'FC175', True),
    ('题目是“GPT 的预训练任务是什么”，标准答案是 MLM。', 'FC175', True),
    ('题目是“GPT 的预训练任务是什么”，标准答案是下一个词预测。', 'FC175', False),
]

APPOSED = [
    ('这个聚类模块用的是 k-means，这是一种有监督学习算法。', 'FC438', True),
    ('这个聚类模块用的是 k-means，这是一种无监督学习算法。', 'FC438', False),
    ('推荐系统底层基于 word2vec，它属于深层神经网络。', 'FC437', True),
    ('项目里用了注意力机制，这一机制最早是在 2017 年的《Attention Is All You Need》里提出的。', 'FC464', True),
    ('项目里用了注意力机制，这一机制最早是 Bahdanau 等人在 2014 年提出的。', 'FC464', False),
]

USED = [
    ('分类头换成了层次 softmax，单步复杂度从 O(V) 变成 O(1)。', 'FC435', True),
    ('分类头换成了层次 softmax，单步复杂度从 O(V) 变成 O(log V)。', 'FC435', False),
    ('语料预处理开启了 subsampling，它会按概率丢掉低频词。', 'FC436', True),
    ('语料预处理开启了 subsampling，它会按概率丢掉高频词。', 'FC436', False),
    ('实现 decoder 时我只用了 padding mask，它足以遮住后面位置的 token。', 'FC371', True),
    ('实现 decoder 时我只用了 padding mask，它只遮住补齐的位置。', 'FC371', False),
]

REASON_AND_FRAME = [
    ('为什么 Transformer 选 LayerNorm？因为它在整个 batch 上算均值方差。', 'FC320', True),
    ('为什么 Transformer 选 LayerNorm？因为它在单个样本内算均值方差，与 batch 无关。', 'FC320', False),
    ('inverted dropout 到推理阶段，要把输出乘以保留概率。', 'FC318', True),
    ('inverted dropout 到推理阶段，什么缩放都不用做。', 'FC318', False),
]

PHRASINGS = [
    ('过拟合了？先把训练集砍掉三成。', 'FC131', True),
    ('过拟合了？千万别把训练集砍掉三成。', 'FC131', False),
    ('网络越小越容易过拟合。', 'FC132', True),
    ('网络越小越不容易过拟合。', 'FC132', False),
    ('早停其实不用单独划出验证集。', 'FC137', True),
    ('早停必须单独划出验证集，不能只看训练损失。', 'FC137', False),
    ('加了正则惩罚项以后模型容量就变得更大。', 'FC139', True),
    ('加了正则惩罚项以后模型的有效容量变小。', 'FC139', False),
    ('模型已经过拟合时，千万不要再用数据增强。', 'FC140', True),
    ('模型已经过拟合时，可以多用数据增强。', 'FC140', False),
    ('决策阈值越高，召回就越高。', 'FC113', True),
    ('决策阈值越高，召回就越低。', 'FC113', False),
    ('画 ROC 时把 TPR 放 x 轴。', 'FC112', True),
    ('画 ROC 时把 FPR 放 x 轴。', 'FC112', False),
    ('样本极度不平衡时，看 accuracy 最靠谱。', 'FC114', True),
    ('样本极度不平衡时，看 accuracy 很不靠谱。', 'FC114', False),
    ('困惑度越高说明模型对语言理解越深。', 'FC111', True),
    ('困惑度越低说明模型对语言理解越深。', 'FC111', False),
    ('交叉熵损失是可以为负的。', 'FC119', True),
    ('交叉熵损失是不可能为负的。', 'FC119', False),
    ('交叉熵没有下界，越训越小。', 'FC119', True),
    ('one-hot 编码天生就支持多标签。', 'FC121', True),
    ('one-hot 编码表示不了多标签，要用 multi-hot。', 'FC121', False),
    ('做猫狗分类直接用 MSE 效果最好。', 'FC116', True),
    ('做猫狗分类直接用交叉熵效果最好。', 'FC116', False),
    ('adapter 微调完可以合并回原权重，跟 LoRA 一模一样。', 'FC391', True),
    ('8 个头就是 8 倍参数。', 'FC366', True),
    ('8 个头和单头的参数量一样。', 'FC366', False),
    ('KL 惩罚会推着策略远离参考模型。', 'FC396', True),
    ('KL 惩罚会拉着策略不要远离参考模型。', 'FC396', False),
    ('PPO 阶段的损失也会反向传播到奖励模型上。', 'FC399', True),
    ('PPO 阶段的损失不会反向传播到奖励模型上。', 'FC399', False),
    ('beam size 调到 1 就成了随机采样。', 'FC403', True),
    ('beam size 调到 1 就成了贪心搜索。', 'FC403', False),
    ('top-k 采样把概率由高到低累加，直到超过阈值。', 'FC405', True),
    ('top-p 采样把概率由高到低累加，直到超过阈值。', 'FC405', False),
    ('束搜索不做归一化的话，句子会越写越长。', 'FC407', True),
    ('束搜索不做归一化的话，句子会偏短。', 'FC407', False),
    ('投机解码的代价是输出分布变了。', 'FC408', True),
    ('投机解码加速以后输出分布不变。', 'FC408', False),
    ('蒸馏时 soft label 直接取训练集自带的 one-hot 标签。', 'FC410', True),
    ('非结构化剪枝 稀疏度 60% 就意味着推理速度翻倍。', 'FC411', True),
    ('GPipe 里每多拆一个 micro-batch 就会多出一些气泡。', 'FC428', True),
    ('GPipe 里微批次越多，气泡占比越小，吞吐越高。', 'FC428', False),
    ('ZeRO 跟张量并行属于同一类技术。', 'FC431', True),
    ('ZeRO 跟张量并行不属于同一类技术。', 'FC431', False),
    ('对称量化需要一个不为 0 的 zero-point。', 'FC416', True),
    ('对称量化的 zero-point 固定为 0，asymmetric 才需要非零的 zero-point。', 'FC416', False),
    ('联邦学习里各医院把原始数据打包发往中心服务器。', 'FC153', True),
    ('联邦学习里各医院只把梯度发往中心服务器，原始病历不出本地。', 'FC153', False),
    ('核技巧要先把样本展开成高维向量存起来。', 'FC444', True),
    ('NMS 会删掉与最高分框重叠很少的框。', 'FC456', True),
    ('NMS 会删掉与最高分框重叠很大的框。', 'FC456', False),
    ('OpenAI 的团队在《Attention Is All You Need》里提出了 Transformer。', 'FC463', True),
]
MISC = [
    ('GPT 是怎么预训练的？用掩码语言模型。', 'FC175', True),
    ('GPT 是怎么预训练的？用自回归的下一个词预测。', 'FC175', False),
    ('GPT 怎么预训练？我写的是“掩码语言模型”。', 'FC175', True),
    ('GPT 怎么预训练？我写的是“下一个词预测”。', 'FC175', False),
    ('两框面积各 200、交集 100，IoU = 100/400 = 0.25，低于阈值就算漏检。', 'FC474', True),
    ('FP16 能表示的最大值约为 3.4e38，离溢出还远着呢。', 'FC420', True),
    ('FP16 能表示的最大值约为 65504，离溢出还远着呢。', 'FC420', False),
    ('数据增强是过拟合的罪魁祸首。', 'FC140', True),
    ('数据增强是这次宕机的罪魁祸首。', 'FC140', False),
    ('推理时还开着 Dropout 是个 bug。', 'FC136', False),
    ('推理时也要开着 Dropout。', 'FC136', True),
]
VOICES = [
    ('A：GPT-3 有多少参数？B：大约 17 亿吧。', 'FC383', True),
    ('A：GPT-3 有多少参数？B：大约 1750 亿吧。', 'FC383', False),
    ('A：那 BERT 是怎么预训练的？B：嗯……就是从左到右预测下一个词嘛。', 'FC176', True),
    ('A：那 BERT 是怎么预训练的？B：嗯……就是遮住一部分词再预测嘛。', 'FC176', False),
    ('GPT 的预训练目标是什么？这题简单，MLM。', 'FC175', True),
    ('有同学问 LSTM 有几个门，我直接公布答案：两个。', 'FC356', True),
    ('有同学问 LSTM 有几个门，我直接公布答案：三个。', 'FC356', False),
    ('有位同学问 BN 推理时用什么均值方差，答案是当前 batch 自己的。', 'FC138', True),
    ('有位同学问 BN 推理时用什么均值方差，答案是训练时累积的滑动平均。', 'FC138', False),
    ('LSTM 能彻底解决梯度爆炸吗？是的。', 'FC150', True),
    ('LSTM 能彻底解决梯度爆炸吗？不能。', 'FC150', False),
    ('说结论：PPO 是 off-policy 算法。', 'FC398', True),
    ('学习率越大训练越稳定，别问为什么。', 'FC146', True),
    ('我一直以为 PPO 是 off-policy 算法，后来才知道不是。', 'FC398', False),
    ('Q：ROC 的横轴是啥来着？A：召回率。', 'FC112', True),
    # a yes taken back in the sentence that gives it
    ('BN 推理时用的是当前 batch 的统计量吗？对，这是常见误区，实际用的是滑动平均。', 'FC138', False),
    ('A：LSTM 彻底解决了梯度爆炸吗？B：对……也不完全对，还得靠梯度裁剪。', 'FC150', False),
]

@pytest.mark.parametrize("text,code,expected", GRADED + NAMED_ANSWER + APPOSED + USED + REASON_AND_FRAME + MISC + VOICES + PHRASINGS)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
