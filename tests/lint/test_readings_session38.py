"""Readings added in the thirty-eighth session (2026-12-05), in wording of my own.

From the thirty-sixth phrasing set's misses and flagged traps (read this session; the thirty-seventh stays unread),
written in the voices of a sports-style commentary, a museum audio guide, a crosstalk routine and a radio call-in show,
and from phrasings two helpers wrote from the misconception list alone (tests/lint/phrasings/dev_d.jsonl):

- a question asked by its tone and answered with doubt or a hedge (`乙：听着不像。`, `我看八成不是`, `您别蒙我`, `差不多吧`)
  stays asked; an answer the next turn says is wrong (`乙：对。甲：差远了！`, `…3.4 亿。评委：错！`) states nothing, read
  by the claim rules and by the text layer alike;
- a question word inside a clause that says the thing is not counted (`负样本判得怎样根本不算进来`) asks nothing; nor does
  one after 随便 (`随便怎么初始化，结果都一样`) or after a comparison (`…之间比较，看哪一个更适合`); a last clause asking
  what the point would be (`既然 X，还用 beam search 干嘛？`) leaves what comes before it stated; `行` answers yes;
- a wish served by choosing (`想要零中心的输出，就选 sigmoid`; `要是想…`) reads as a purpose;
- many people of any kind said to believe a thing (`不少观众以为…`, `常有同学把 X 当成 Y`) report it; a noun sized by a
  comparative of its own (`小一些的学习率更稳定`) is the subject of its sentence, not the term before it;
- a listener's short echo of a question (`乙：怎么读？`) is read past, so the answer after it is about what was asked; a
  clause that opens by comparing with a term (`跟 GPT 一样是自回归的`) is about the topic, not that term; a term with a
  modifier of its own that makes up a clause (`瞎蒙的 random classifier，…`) sets the topic; `正是这两种激活函数…` after
  a pair goes on with the pair; what a term is switched back to (`把 ReLU 换回 tanh，它…`) goes on; a listener's short
  reply that adds no term (`乙：多查询注意力嘛。`) is read past too, and a crosstalk turn's label (`甲：`) opens a clause as
  an answer's label does.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    ('小王：BERT-base 的参数量是 3.4 亿？小李：好像是吧。小王：差远了，base 只有 1.1 亿。', 'FC384', False),
    ('A：全量微调就是只训练分类头？B：我看不是。', 'FC395', False),
    # (caught on the session's starting code too: a guard that the new readings keep it)
    ('A：全量微调就是只训练分类头？B：对，其余层都冻住。', 'FC395', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('老师：多头注意力里所有头共用同一组 Q、K、V 投影？学生：没听说过。', 'FC370', False),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('甲：MQA 让所有头共享 Query？乙：对。甲：不对！共享的是 K 和 V。', 'FC368', False),
    # (caught on the session's starting code too: a guard that the new readings keep it)
    ('甲：MQA 让所有头共享 Query？乙：对。', 'FC368', True),
    ('甲：MQA 让所有头共享 Query？乙：说不好。', 'FC368', False),
    ('甲：MQA 让所有头共享 Query？乙：是的。甲：其实不是，共享的是 K 和 V。', 'FC368', False),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('主持人：BERT-base 的参数量是多少？选手：3.4 亿。评委：错！是 1.1 亿。', 'FC384', False),
    # (caught on the session's starting code too: a guard that the new readings keep it)
    ('主持人：BERT-base 的参数量是多少？选手：3.4 亿。评委：好，下一题。', 'FC384', True),
    # (caught on the session's starting code too: a guard that the new readings keep it)
    ('Q：Leaky ReLU 负区间梯度？A：0。', 'FC347', True),
    ('准确率只看预测为正的样本里有多少是真的，负样本判得怎样压根不计入。', 'FC104', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('精确率只看预测为正的样本，负样本判得怎样根本不算进来。', 'FC104', False),
    ('k-means 一定能找到全局最优，随便怎么选初始中心，结果都一样。', 'FC439', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('k-means 只保证局部最优，随便怎么选初始中心，结果都可能不同。', 'FC439', False),
    ('既然贪心搜索每步取概率最大的词就等于全局最优，那还要束搜索干嘛？', 'FC402', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('贪心搜索不保证全局最优，不然还要束搜索干嘛？', 'FC402', False),
    ('问：二分类数据用 LDA 降到 5 维行吗？答：行，维数自己定。', 'FC443', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('问：二分类数据用 LDA 降到 5 维行吗？答：不行，最多 1 维。', 'FC443', False),
    ('要是想要零中心的激活输出，就挑 sigmoid。', 'FC341', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('要是想让激活输出以零为中心，就挑 tanh，而不是 sigmoid。', 'FC341', False),
    ('不少读者以为换个优化器就能让模型推理更快，这是个误会。', 'FC143', False),
    ('常听人说学习率越大越稳，其实恰恰相反。学习率过大时，参数更新会越过最优点；小一些的学习率更稳定，只是收敛慢。', 'FC146', False),
    ('学习率越大越稳吗？不是。学习率过大时，参数更新会越过最优点；小一些的学习率更稳定，只是收敛慢。', 'FC146', False),
    ('甲：BERT 是怎么建模上下文的？乙：怎么建模？甲：从左往右逐词预测，只看前文。', 'FC173', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('甲：BERT 是怎么建模上下文的？乙：怎么建模？甲：左右两边一起看，是双向的。', 'FC173', False),
    ('BERT 预训练时怎么看上下文？跟 GPT 一样只看左边的词。', 'FC173', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('BERT 预训练时怎么看上下文？跟 GPT 不一样，左右两边都看。', 'FC173', False),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('BERT 预训练时怎么看上下文？跟 ELMo 一样是双向的。', 'FC173', False),
    ('完全靠猜的随机分类器，ROC-AUC 等于 0。', 'FC110', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('完全靠猜的随机分类器，ROC-AUC 等于 0.5。', 'FC110', False),
    ('早年流行 sigmoid 和 tanh。正是这两种激活函数解决了梯度消失。', 'FC148', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('早年流行 sigmoid 和 tanh。正是这两种激活函数加剧了梯度消失。', 'FC148', False),
    ('网络太深梯度传不回来时，可以把 ReLU 换回 tanh，它能让梯度顺畅地传回去。', 'FC148', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('网络太深梯度传不回来时，可以把 tanh 换回 ReLU，它能让梯度顺畅地传回去。', 'FC148', False),
    # a listener's short reply that adds no term of its own (`乙：多查询注意力嘛。`) is read past; a dialogue turn's
    # label (`甲：`) opens a clause as an answer's does
    ('甲：MQA 你了解吗？乙：多查询注意力嘛。甲：其实就是所有头共用一组 Query。', 'FC368', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('甲：MQA 你了解吗？乙：多查询注意力嘛。甲：其实就是所有头共用一组 K 和 V。', 'FC368', False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
