"""Readings added in the fifty-fifth session (group C), from the misses of the fifty-third phrasing set (a chatty,
child-directed register: `你知道吗？`, `…呢！`, `X 呢？答案是…`, `…，你知道为什么吗？`), each shown on sentences of the
helper's own wording.

- 呢 before an exclamation mark exclaims (`…还多呢！`), and 呢 after a clause with an adverb of degree or scope (还, 都, 也,
  很, 可, 真, 才, 足足) rounds off what it states (`…都很吃力呢。`): neither makes the sentence a question (text.NE_ASKS;
  a bare topic, `那 BERT-base 呢。`, still asks) (FC383, FC384, FC369, FC387).
- a last clause that only invites the listener to wonder at or guess the reason for what comes before it (`…，你知道为什么
  吗？`, `…，你说巧妙不巧妙？`, `…，是不是很神奇？`) leaves the clauses before it stated (text.invite_tail, read by the
  claim reader's asking_tail, kinds.asks and a pattern rule's `unless`) (FC382, FC370).
- a question's clause that ends in 呢 after its interrogative (`…多少个 token 呢？`) still asks for the value the next
  sentence gives (claims._asked_for) (FC385, FC387, FC388).
- 哪 after a need denied (`没必要把哪个词遮起来`, `不用管哪些…`) means any one and asks nothing (text.QUESTION_WORD_RE, text.asks_by_word) (FC176).
- phrasings: padding mask said to keep the model from peeking ahead or to cover what follows (`遮起来`) (FC371); every
  sentence labelled by hand, and pretraining said not to run without labelled data (FC155); both sides seen in a 既…也…
  pair (FC174); the frozen weight said to be busy too or to follow the gradient (FC389); the one projection's output
  copied to every head (FC370); 一样 of a simile no longer reads as the parameters being the same (FC366).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # 呢 that exclaims or rounds off a statement (text.NE_ASKS)
    ('GPT-3 的最大版本只有 13B 参数呢！', 'FC383', True),  # (missed by the starting code)
    ('最大号的 GPT-3 足足有 1750 亿参数呢！', 'FC383', False),  # (guard)
    ('BERT-base 的参数其实也有 3.4 亿呢。', 'FC384', True),  # (missed by the starting code)
    ('BERT-base 只有 1.1 亿参数，BERT-large 才有 3.4 亿呢。', 'FC384', False),  # (guard)
    ('那 BERT-base 呢。', 'FC384', False),  # (guard)
    ('FlashAttention 的计算量可是线性的呢！', 'FC369', True),  # (missed by the starting code)
    ('FlashAttention 的计算量还是平方级的呢，省下的是显存。', 'FC369', False),  # (guard)
    ('FlashAttention 的计算量为什么是线性的呢。', 'FC369', False),  # (guard)
    # a last clause that only invites wonder or a guess (text.invite_tail)
    ('把子词表扩大以后，同一篇文章切出来会更长，大家猜猜这是为什么？', 'FC382', True),  # (missed by the starting code)
    ('词表扩大以后，序列长度随之增加，是不是很神奇？', 'FC382', True),  # (missed by the starting code)
    ('词表扩大以后，序列长度随之减少，你知道为什么吗？', 'FC382', False),  # (guard)
    ('词表扩大以后，序列长度会随之增加吗？', 'FC382', False),  # (guard)
    ('词表扩大以后，序列长度随之增加，对吗？不对，序列会变短。', 'FC382', False),  # (guard)
    ('多头注意力的各个头共用一套 QKV 投影，你说巧妙不巧妙？', 'FC370', True),  # (missed by the starting code)
    ('多头注意力的各个头各有一套 QKV 投影，你说巧妙不巧妙？', 'FC370', False),  # (guard)
    # a question's 呢 after its interrogative (claims._asked_for)
    ('GPT-3 一次能吃进多少个 token 呢？答案是 4096 个。', 'FC388', True),  # (missed by the starting code)
    ('BERT-large 一共有多少层呢？答案是 24 层。', 'FC385', False),  # (guard)
    ('BERT-base 堆了几层编码器呢？一共 24 层。', 'FC385', True),  # (missed by the starting code)
    ('BERT-base 堆了几层编码器呢？一共 12 层。', 'FC385', False),  # (guard)
    # 哪 for any one after a need denied (text.QUESTION_WORD_RE, text.asks_by_word)
    ('BERT 是按从左到右的顺序预测下一个词，不用管哪些词被遮住。', 'FC176', True),  # (missed by the starting code)
    ('BERT 预测被遮住的词，不用管哪个词排在后面。', 'FC176', False),  # (guard)
    ('BERT 预训练时预测哪个词？', 'FC176', False),  # (guard)
    # FC371 padding mask
    ('解码时填充掩码的任务就是免得当前位置偷看到后面的内容。', 'FC371', True),  # (missed by the starting code)
    ('padding mask 会把第 t 个 token 以后的位置全盖起来。', 'FC371', True),  # (missed by the starting code)
    ('causal mask 不让模型看到未来的 token，padding mask 只负责遮住补齐的位置。', 'FC371', False),  # (guard)
    ('padding mask 的作用并不是不让模型看到未来的词，而是屏蔽 pad。', 'FC371', False),  # (guard)
    ('padding mask 能不让模型看到后面的词吗？', 'FC371', False),  # (guard)
    # FC155 pretraining labels
    ('LLM 预训练阶段得给每条文本都打上标签。', 'FC155', True),  # (missed by the starting code)
    ('缺少这些标注数据的话，预训练压根无法进行。', 'FC155', True),  # (missed by the starting code)
    ('预训练不需要给每条文本打上标签，SFT 才需要有人手工标好答案。', 'FC155', False),  # (guard)
    ('没有人工标注数据，预训练一样可以照常进行。', 'FC155', False),  # (guard)
    ('预训练需要给每条文本都打上标签吗？', 'FC155', False),  # (guard)
    # FC174 GPT both sides
    ('GPT-2 编码每个 token 时既能看到前文又能看到后文。', 'FC174', True),  # (missed by the starting code)
    ('GPT 的每个位置既可以关注上文也可以关注下文。', 'FC174', True),  # (missed by the starting code)
    ('BERT 既能看到前文又能看到后文，GPT 只能看到前文。', 'FC174', False),  # (guard)
    ('GPT 并不是既能看到前文又能看到后文，它只看左侧。', 'FC174', False),  # (guard)
    ('GPT 能不能既看到前文又看到后文？', 'FC174', False),  # (guard)
    # FC389 LoRA
    ('LoRA 微调时原始权重可没闲着，也在一起更新。', 'FC389', True),  # (missed by the starting code)
    ('用 LoRA 时，原权重 W0 会随着梯度一起更新。', 'FC389', True),  # (guard)
    ('LoRA 中 W0 冻结不动，只有 B 和 A 跟着梯度更新。', 'FC389', False),  # (guard)
    ('LoRA 的原始权重会随着梯度更新吗？', 'FC389', False),  # (guard)
    # FC366 simile
    ('多头注意力有 h 个头，参数量就是单头的 h 倍，好比开 h 家分店就得租 h 个门面一样。', 'FC366', True),  # (missed by the starting code)
    ('多头注意力的参数量和单头注意力一样，都是约 4·d_model²。', 'FC366', False),  # (guard)
    ('多头注意力的参数量并不是单头的 h 倍，就像切蛋糕一样，总量不变。', 'FC366', False),  # (guard)
    # FC370 copied result
    ('多头注意力里只算一次投影，算出的输出原样拷贝给每个头。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力的输入复制给每个头，每个头再用自己的投影矩阵。', 'FC370', False),  # (guard)
    ('多头注意力的投影结果是切分给每个头的，并不是复制给每个头。', 'FC370', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
