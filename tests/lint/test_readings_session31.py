"""Readings added in the thirty-first session (2026-12-05), in wording of my own.

From the twenty-ninth phrasing set's flagged traps (read this session; the thirtieth stays unread), written in the
voices of an interviewer's evaluation, lecture notes, a work group chat and training-script comments: a reviewer who
points out what a statement really is (`面试官指出此为…`, `评审指出这是反的`) or has it corrected refutes it; a warning
not to get it the wrong way round that names the wrong reading (`千万别写反成…`) reports that reading; the direction of
DPO's β told correctly (`β 越大越把策略拉向参考模型`) is not turned round by a later clause that wants more drift; the
3/4 power named in the clause after `就是 unigram 分布` keeps negative sampling's distribution right.

From its misses: an answer that opens with a bare phrase (`MLM，…`, `约 3.4 亿`, `off-policy 算法`) under a question that
asks for a thing, a kind or a number (`…是什么？`, `…有多少参数？`, `…算哪一类？`) says what the two read together say
(an item's question, a question earlier in the same text, a chat turn `【甲】…【乙】…`, or `面试官：…？我：…`); a speaker's
turn that asks ends a sentence; a number glued to the word before it stays unread (`剩下的11个层`); a value an answer gives
first, with no term before it, is the value of the one term its question names. Phrasing: FC112's rates said to be on
the wrong axis with a bare 在 (`误报率在纵轴`)."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    # a reviewer pointing out what the statement really is
    ("学员说 precision 是真实正例里被找回来的比例，老师指出这其实是召回率的意思，精确率看的是预测为正的样本。", "FC102", False),
    ("学员说 precision 是真实正例里被找回来的比例，老师点头表示没问题。", "FC102", True),
    ("学员给出的召回率定义是预测为正的样本里真正为正的比例，评委指出此为查准率的定义。", "FC101", False),
    ("学员给出的召回率定义是预测为正的样本里真正为正的比例，评委指出这是对的。", "FC101", True),
    ("三元组损失要让锚点离负样本更近，评审指出这是反的，应当推远负样本。", "FC309", False),
    ("三元组损失要让锚点离负样本更近，评审指出这个说法为一个误解。", "FC309", False),
    ("三元组损失要让锚点离负样本更近，离正样本更远。", "FC309", True),
    # a warning that names the wrong reading reports it; a plain warning insists on what is stated
    ("幅值剪枝时要把绝对值小的权重置零，千万别写反成剪掉绝对值最大的权重。", "FC418", False),
    ("幅值剪枝会优先剪掉绝对值最大的权重，千万别搞反了。", "FC418", True),
    # the correct direction of β is not turned round by a later clause that wants more drift
    ("DPO 里 β 调大，会把 policy 拉向参考模型一侧，若要更多偏离，β 就要减小。", "FC401", False),
    ("DPO 里 β 调大，policy 就能更自由地偏离参考模型。", "FC401", True),
    # the 3/4 power a few characters after `unigram 分布`
    ("word2vec 负采样的分布就是 unigram 分布再做 0.75 次幂，低频词机会更多。", "FC434", False),
    ("word2vec 负采样的分布就是 unigram 分布，高频词被抽中的概率更大。", "FC434", True),
]


NUMBERS = [
    # a number glued to the word before it is not read (`剩下的11个层`): the value must stand apart
    ("ALBERT 拿 12 层的 BERT-base 举例，只学第一个块，在剩下的11个层里重用它。", "FC385", False),
    ("BERT-base 的参数量约为 3.4 亿。", "FC384", True),
]

INLINE = [
    # a question earlier in the same text, answered by the sentence after it
    ("有人问：GPT-3 的上下文窗口有多长？答：4096 个 token。", "FC388", True),
    ("有人问：GPT-3 的上下文窗口有多长？答：2048 个 token。", "FC388", False),
    ("面试官：T5 是什么结构？我：decoder-only。", "FC375", True),
    ("面试官：T5 是什么结构？我：encoder-decoder。", "FC375", False),
    # chat turns, one line
    ("【甲】PPO 算哪一类算法【乙】off-policy【甲】懂了", "FC398", True),
    ("【甲】PPO 算哪一类算法【乙】on-policy【甲】懂了", "FC398", False),
    # a phrase that says no, or asks, is no answer read into the question
    ("面试官：T5 是什么结构？我：不是 decoder-only。", "FC375", False),
    ("面试官：T5 是什么结构？我：decoder-only 吗？不，是 encoder-decoder。", "FC375", False),
    # a question of why, or of a difference, reads no phrase into itself
    ("为什么 GPT 不用掩码？掩码语言模型 MLM，适合 BERT 那样的编码器。", "FC175", False),
    ("GPT 的目标和 MLM 有什么区别？MLM，随机遮住一些词。", "FC175", False),
    # a question that asks to choose among the terms it names: the answer names one of them
    ("ReLU 和 sigmoid 哪个是零中心的？ReLU 和 sigmoid 都不是，tanh 才是。", "FC341", False),
    ("YOLO 和 Faster R-CNN 哪一个是两阶段的？Faster R-CNN，先出候选框再分类。", "FC457", False),
]


AXES = [
    # the false positive rate put on the vertical axis, the true positive rate on the horizontal, told with 在
    ("评估报告里的 ROC 图：误报率在纵轴，灵敏度在横轴。", "FC112", True),
    ("评估报告里的 ROC 图：误报率在横轴，灵敏度在纵轴。", "FC112", False),
    ("ROC 图中 FPR 不在 y 轴，而在 x 轴。", "FC112", False),
    ("PR 图中召回率在 x 轴，精确率在 y 轴。", "FC112", False),
]


@pytest.mark.parametrize("text,code,expected", CASES + NUMBERS + INLINE + AXES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text


ASKED = [
    # (an item's question, its answer, code, whether the code is found)
    ("BERT-base 一共有多少参数？", "约 3.4 亿。", "FC384", True),
    ("BERT-base 一共有多少参数？", "约 1.1 亿。", "FC384", False),
    ("GPT 系列预训练用的是哪种目标？", "掩码语言模型 MLM，和 BERT 一样。", "FC175", True),
    ("GPT 系列预训练用的是哪种目标？", "自回归的下一个词预测，不是 MLM。", "FC175", False),
    ("PPO 算哪一类强化学习算法", "off-policy 算法。", "FC398", True),
    ("PPO 算哪一类强化学习算法", "on-policy 算法。", "FC398", False),
    ("GPT-3 的上下文窗口有多长？", "4096 个 token。", "FC388", True),
    ("GPT-3 的上下文窗口有多长？", "2048 个 token。", "FC388", False),
    ("T5 是哪种架构？", "不是 decoder-only，是 encoder-decoder。", "FC375", False),
    # a question that asks how or why reads no phrase into itself
    ("T5 为什么不用 decoder-only？", "decoder-only，不利于理解类任务。", "FC375", False),
]


@pytest.mark.parametrize("question,answer,code,expected", ASKED)
def test_answer_read_into_its_question(question, answer, code, expected):
    doc = f"### 1. {question}\n\n**答案：** {answer}\n"
    assert (code in found(doc)) is expected, (question, answer)
