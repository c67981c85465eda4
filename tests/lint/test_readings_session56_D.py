"""Readings added in the fifty-sixth session (group D), from the misses of the fifty-fourth phrasing set, each shown on
sentences of the helper's own wording.

- 其 before 实现/实验/实施/实质 is its (`其实现被建立在…`), not the 其实 of `actually` (`其实现在…` still is): after a
  clause that names no term (`我们不难看出，`) it goes on with the term before (claims._PRONOUN_RE and kin)
- a generic head noun between a term and its 的 (`GPT 系列模型的预训练目标`, `BERT 模型的损失`) keeps the term the owner
  (claims._OWNER_RE)
- phrasings: a passive 被学习 before one set of projections (FC370), 遮蔽 and 无法看到 of future tokens (FC371), only the
  initial value given by the formula and the optimiser as what adjusts it (FC372), 仅能利用 the left side (FC173), 猜出紧随
  其后的词 (FC176), the parameter cost doubling with the heads (FC366)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (其实现 as its implementation, after a clause with no term)
    ('T5 是一个很有名的模型，显然，其实现只用到了去掉编码器的 Transformer。', 'FC375', True),  # (missed by the starting code)
    ('说到 T5，值得注意的是，其实现依赖一个去掉了编码器的网络结构。', 'FC375', True),  # (missed by the starting code)
    ('T5 是一个很有名的模型，显然，其实现保留了完整的编码器和解码器。', 'FC375', False),  # (guard)
    ('T5 去掉了编码器吗？', 'FC375', False),  # (guard)
    ('有人说 T5 去掉了编码器，这不对。', 'FC375', False),  # (guard)
    # (a generic head noun between the term and its 的)
    ('GPT 模型的训练目标就是 MLM，随机遮住一些词再还原。', 'FC175', True),  # (missed by the starting code)
    ('GPT-2 系列模型的预训练任务是掩码语言模型。', 'FC175', True),  # (missed by the starting code)
    ('GPT 模型的预训练目标是因果语言模型，而不是掩码语言模型。', 'FC175', False),  # (guard)
    ('GPT 模型的预训练目标是 MLM 吗？', 'FC175', False),  # (guard)
    ('BERT 模型的预训练目标是 MLM，GPT 模型的预训练目标是预测下一个词。', 'FC175', False),  # (guard)
    # (FC370: a passive before one set of projections)
    ('多头注意力里只需要被训练一组 QKV 投影，各头拿去重复使用。', 'FC370', True),  # (missed by the starting code)
    ('在这种设计下，多头注意力仅需学一套 Q、K、V 的权重就够了。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力并不是只需要学习一套 Q、K、V 投影，每个头各有一套。', 'FC370', False),  # (guard)
    ('多头注意力只需要学习一套 QKV 投影吗？', 'FC370', False),  # (guard)
    # (FC371: 遮蔽 and 无法看到)
    ('padding mask 的用途是把当前词后面的位置都遮蔽起来。', 'FC371', True),  # (missed by the starting code)
    ('填充掩码的作用是让模型无法偷看到后面的 token。', 'FC371', True),  # (missed by the starting code)
    ('padding mask 只遮蔽补齐用的 pad 位置，无法看到未来 token 靠的是因果掩码。', 'FC371', False),  # (guard)
    ('padding mask 是用来把当前位置后面的 token 遮蔽起来的吗？', 'FC371', False),  # (guard)
    # (FC372: only the initial value, adjusted by the optimiser)
    ('正余弦位置编码的公式只提供了一个初始值，之后还要继续学。', 'FC372', True),  # (missed by the starting code)
    ('训练开始后，sinusoidal 位置编码会被优化器调整。', 'FC372', True),  # (missed by the starting code)
    ('正余弦位置编码的公式给出的就是最终的值，不会被优化器调整。', 'FC372', False),  # (guard)
    ('正弦位置编码会被优化器调整吗？', 'FC372', False),  # (guard)
    # (FC173: 仅能利用 the left side)
    ('BERT 在编码一个词的时候仅能依赖它左边的词。', 'FC173', True),  # (missed by the starting code)
    ('BERT 编码时仅能看到前面的上下文。', 'FC173', True),  # (missed by the starting code)
    ('BERT 编码时并非仅能看到前面的上下文，而是左右两侧都能看到。', 'FC173', False),  # (guard)
    ('BERT 编码时仅能看到前面的上下文吗？', 'FC173', False),  # (guard)
    # (FC176: 猜出紧随其后的词)
    ('BERT 的预训练就是让模型猜出紧随其后的那个 token。', 'FC176', True),  # (missed by the starting code)
    ('BERT 预训练时会预测紧随当前位置的下一个词。', 'FC176', True),  # (missed by the starting code)
    ('BERT 预训练时并不猜紧随其后的那个词，而是还原被遮住的词。', 'FC176', False),  # (guard)
    ('GPT 预训练时会猜出紧随其后的那个词，BERT 则还原被遮住的词。', 'FC176', False),  # (guard)
    # (FC366: the parameter cost doubling with the heads)
    ('头数每翻一番，注意力层付出的参数开销也随之翻倍。', 'FC366', True),  # (missed by the starting code)
    ('heads 翻倍以后，整层的参数规模也会翻倍。', 'FC366', True),  # (missed by the starting code)
    ('头数每翻一番，参数开销并不会随之翻倍，仍约 4·d_model²。', 'FC366', False),  # (guard)
    ('头数翻倍时参数开销会翻倍吗？', 'FC366', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
