"""Readings added in the thirty-ninth session (2026-12-06), in wording of my own.

From the thirty-seventh phrasing set's flagged traps and misses (read this session; the thirty-eighth stays unread),
written in the voices of a video-game walkthrough, an online shop's reviews, a doctor's clinic record and a TV weather
forecast:

- a sentence that only gives a verdict that the statement before it is wrong, under any label (`结论：误解。`,
  `点评：概念混淆，…`, `判断：与原论文不符。`, `评语：有误。`, `答复：否。`, `不会。`), leaves that statement unstated;
- a belief another person is said to hold with 以为 (`客户以为…`, `家长们以为…`) is reported (not one's own, nor
  `当时以为`), and so is many people of any kind taking one thing for another (`不少小白把 X 当成 Y`);
- a chief complaint (`主诉：`) tells a symptom, as `现象：` does; a step told as one that kept failing (`之前给 GRU 传
  (h0, c0) 一直报错`) is what was tried, not how things are;
- whoever says what follows (`老师说 X…，…`, `书上讲，X…`) does not keep X from setting the topic of the clauses after it;
- an answer named as such after a question told as asked (`有同学问…，答案是 L2，…`) is read as the answer;
- a value stated before a dash (`AUC 是 0——它没有…`) is no label whose value the words after the dash give;
- a question told as asked by a client, a buyer or a family member (`客户问 X 有多少参数。约 3.4 亿。`) is answered by
  the next sentence.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (each positive case fails on the session's starting code unless marked as a guard)
CASES = [
    ('Adam 属于二阶优化方法。结论：误解。', 'FC332', False),
    ('GRU 有独立的细胞状态。点评：概念混淆，GRU 只有隐藏状态。', 'FC361', False),
    ('BERT 是自回归模型。判断：与原论文不符。', 'FC173', False),
    ('L2 正则会产生稀疏解。评语：有误。', 'FC134', False),
    ('Transformer 编码器用了因果掩码。答复：否。', 'FC362', False),
    ('把词表调大，序列会变长。不会。词表越大，同一段文本切出的 token 越少。', 'FC382', False),
    # (caught on the session's starting code too: guards that the new readings keep them)
    ('Adam 属于二阶优化方法。结论：它收敛更快。', 'FC332', True),
    ('Transformer 编码器用了因果掩码。否则无法训练。', 'FC362', True),
    ('客户以为 BERT 是自回归模型。', 'FC173', False),
    ('家长们以为 BERT 是自回归模型。', 'FC173', False),
    # (caught on the session's starting code too: a guard that the new readings keep it)
    ('我们自己实现 BERT 时用了从左到右的自回归目标，当时以为 BERT 就是自回归模型。', 'FC173', True),
    ('主诉：Transformer 编码器用了因果掩码。', 'FC362', False),
    ('以前给 GRU 传入 (h0, c0) 老是报错。', 'FC361', False),
    ('老师说 ResNet-50 没用瓶颈块，全是两个 3×3 卷积的基本残差块。', 'FC354', True),
    ('书上讲，ResNet-50 没用瓶颈块，全是两个 3×3 卷积的基本残差块。', 'FC354', True),
    ('课上提到过，ResNet-50 没用瓶颈块，全是两个 3×3 卷积的基本残差块。', 'FC354', True),
    # (caught on the session's starting code too: a guard that a term before 说 stays the subject)
    ('准确率说白了就是预测为正的样本里真正为正的比例。', 'FC104', True),
    ('有同学问该选 L1 还是 L2 才能得到稀疏解，答案是 L2，它会让很多权重变成 0。', 'FC134', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('有同学问该选 L1 还是 L2 才能得到稀疏解，答案是 L1，L2 不会让权重变成 0。', 'FC134', False),
    ('随机分类器的 AUC 是 0——它没有任何区分能力。', 'FC110', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('随机分类器的 AUC：不是 0。', 'FC110', False),
    ('客户问 BERT-base 有多少参数。约 3.4 亿。', 'FC384', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('客户问 BERT-base 有多少参数。约 1.1 亿。', 'FC384', False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
