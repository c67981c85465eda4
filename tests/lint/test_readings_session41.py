"""Readings added in the forty-first session (2026-12-06), in wording of my own.

From the thirty-ninth phrasing set's misses and the traps the first readings flagged (read this session; the fortieth
stays unread):

- the other name of a thing compared with, glossed in a bracket (`MAE 比均方误差（MSE）更…`), is compared with too, not
  the subject;
- `即使是 X 也…`, `哪怕是 X 都…` single X out and state what follows of it (not a supposition, as `即使 X 有…，…` is);
- a reply to a question the sentence reports as asked (`面试官追问为什么…，候选人回答说 …`) is the answer given, stated;
  not when those replying are people a belief is told of (`…，很多人说 …`); `我回答说` is an answer turn as `我回答` is;
- a line that a thing tells of itself (`我是 Adagrad，…我…`, `作为一个 ReLU 激活，我…`) is told of that thing; not when
  what 我是 names is a person's role (`我是 Adagrad 的老用户`);
- a kin or a rival named after 的 (`它的前辈 ResNet`, `X 的同伴 sigmoid`) is another thing, not a part of the owner;
- what follows a stage waited out (`等它结束，学习率调度才开始衰减`) is not the stage's;
- a negated frame after the term (`自注意力在不加位置编码的时候…`) keeps its negation, and the term it names is not the
  subject;
- `有了 X，…` says what comes of X; a reported question's indirect question inside a statement clause (`看重的是真实正例
  有没有被找全`, `区别只在于最后怎么拼接`) asks nothing; a longer speaker and a verb of explaining (`评审专家补充道，`)
  only says who speaks; a convention's frame (`按照知识蒸馏的惯例，`) is the topic of the clause after it; `混了` (mixed
  in) reports no mix-up unless it ends its clause;
- a clause that is a noun phrase whose head is a term after 的 (`…学生去拟合的软标签，说白了就是…`) is the topic the next
  clause comments on, not the terms of its modifier.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (each positive case fails on the session's starting code unless marked as a guard; each negative one is a guard)
CASES = [
    ('平均绝对误差（MAE）比均方误差（MSE）更容易被离群点带偏。', 'FC307', True),
    ('均方误差（MSE）比平均绝对误差（MAE）更容易被离群点带偏。', 'FC307', False),
    ('即使是体量较小的 BERT-base 也有 340M 参数。', 'FC384', True),
    ('哪怕是 BERT-base 都有 3.4 亿个参数。', 'FC384', True),
    ('即使 BERT-base 有 340M 参数，推理也不算慢。', 'FC384', False),
    ('面试官追问为什么不用 BERT 做续写，候选人回答说 BERT 本身就是单向的自回归模型。', 'FC173', True),
    ('面试官追问为什么不用 BERT 做续写，很多人说 BERT 本身就是单向的自回归模型。', 'FC173', False),
    ('面试官问 GPT 怎么预训练，我回答说 GPT 用 MLM 做预训练。', 'FC175', True),
    ('我是 Adagrad，越训练到后期，我给参数的学习率就越大。', 'FC330', True),  # (guard: flagged on the starting code too)
    ('作为一个 ReLU 激活，我本质上就是线性函数。', 'FC345', True),
    ('我是 Adagrad 的老用户，我发现训练越往后我调的学习率越大。', 'FC330', False),
    ('DenseNet 把各层特征按通道拼接，它的前辈 ResNet 则把特征逐元素相加。', 'FC353', False),
    ('DenseNet 把各层特征逐元素相加，它的前辈 ResNet 则是按通道拼接。', 'FC353', True),
    ('warmup 阶段学习率从小慢慢升到目标值；等它结束，学习率调度才开始衰减。', 'FC145', False),
    ('自注意力在不加位置编码的时候对输入顺序是置换等变的。', 'FC365', False),
    ('自注意力在不加位置编码的时候对输入顺序不是置换等变的。', 'FC365', True),
    ('有了残差连接，深层网络的梯度消失反而更严重。', 'FC149', True),
    ('有了残差连接，深层网络的梯度消失得到了缓解。', 'FC149', False),
    ('精确率看重的是真实正例有没有被找全。', 'FC102', True),
    ('多头注意力的各个头共用同一组 W^Q，区别只在于最后怎么拼接。', 'FC370', True),
    ('评审专家补充道，GPT 的解码器没有因果掩码，而是双向建模。', 'FC174', True),
    ('按照知识蒸馏的惯例，应由参数更少的小网络担任教师。', 'FC152', True),
    ('依照知识蒸馏的常规做法，应由参数少的小模型当教师。', 'FC152', True),
    ('按照知识蒸馏的惯例，由大模型担任教师去指导小模型。', 'FC152', False),
    ('训练数据里混了离群点，MAE 会被带偏得更严重。', 'FC307', True),
    ('GPT 和 BERT 混了，BERT 其实是双向的。', 'FC173', False),
    ('知识蒸馏里学生去拟合的软标签，说白了就是原始数据的 one-hot 标签。', 'FC410', True),
    ('知识蒸馏里学生去拟合的软标签，说白了就是教师输出的概率分布。', 'FC410', False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
