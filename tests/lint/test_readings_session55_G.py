"""Readings added in the fifty-fifth session (group G), from the misses of the fifty-third phrasing set, each shown on
sentences of the helper's own wording.

- the clock time a transcript's or a comment section's line opens with (`05:12 …`, `[12:44] 回复 @X：…`: two digits,
  a colon, minutes and seconds under 60, white space after it) is read past as an opening tag is
  (document._OPENING_TIME_RE), so the sentence after it opens on its own subject and the clauses after that go on with
  it (FC348, FC149 and every claim such a line states); a ratio (`1:10`, `16:9`) is no clock time.
- FC180: the time steps said to be independent with an adverb of scope and a copula before it (`每个时间步都是独立计算的`,
  `各个 step 也是相互独立的`).
- FC150: the gradient said neither to shrink nor to explode (`既不会变小也不会爆`, `不会衰减也不会爆炸`).
- FC182: the weights denied sharing in a clause of their own that opens on the negation, the weights named before it
  (`卷积核的权重在每个位置各用一套，不共享`; not `不共享的是…`).
- FC143: the inference said to have become faster after the optimizer was changed (`推理速度就快了`, `推理快了不少`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (a clock time opening the line)
    ('03:15 Llama 2 的前馈层还是原来那套，两层全连接中间夹一个 ReLU。', 'FC348', True),  # (missed by the starting code)
    ('21:40 回复 阿强：残差网络里的 shortcut 是为了把浅层特征带过去，副作用是梯度消失更严重。', 'FC149', True),  # (missed by the starting code)
    ('[21:40] 回复 @阿强：ResNet 的跳连主要是为了复用浅层特征，代价是会加剧梯度消失。', 'FC149', True),  # (guard)
    ('03:15 Llama 2 的前馈层用的是 SwiGLU，两层线性中间不是 ReLU。', 'FC348', False),  # (guard)
    ('[21:40] 回复 @阿强：残差连接给梯度提供了恒等捷径，能缓解梯度消失。', 'FC149', False),  # (guard)
    ('03:15 Llama 2 的前馈层中间夹的是 ReLU 吗？', 'FC348', False),  # (guard)
    # (the time steps said to be independent, an adverb and a copula before it)
    ('LSTM 的每个时间步都是独立计算的，所以可以全并行。', 'FC180', True),  # (missed by the starting code)
    ('GRU 里各个 step 也是相互独立的，训练时一次就能全部算完。', 'FC180', True),  # (missed by the starting code)
    ('RNN 的每个时间步都不是独立的，必须等上一步算完。', 'FC180', False),  # (guard)
    ('RNN 的每个时间步都是独立计算的吗？', 'FC180', False),  # (guard)
    ('Transformer 的每个位置都是独立计算的，RNN 则要按时间步顺序算。', 'FC180', False),  # (guard)
    # (the gradient said neither to shrink nor to explode)
    ('LSTM 有门控，梯度就不会衰减也不会爆炸了。', 'FC150', True),  # (missed by the starting code)
    ('LSTM 有门控，梯度既不会变小也不会爆，裁剪可以省了。', 'FC150', True),  # (missed by the starting code)
    ('LSTM 的门控让梯度不容易变小，但仍可能爆炸，所以还要梯度裁剪。', 'FC150', False),  # (guard)
    ('LSTM 的梯度真的既不会变小也不会爆吗？', 'FC150', False),  # (guard)
    # (a convolutional layer's weights denied sharing in a clause of its own that opens on the negation)
    ('卷积层每滑到一个新位置就换一组参数，并不共享。', 'FC182', True),  # (missed by the starting code)
    ('卷积核的权重在每个位置各用一套，不共享，参数比全连接还多。', 'FC182', True),  # (missed by the starting code)
    ('卷积层在所有位置共享同一组权重，不共享的只是输入。', 'FC182', False),  # (guard)
    ('全连接层每个连接都有自己的权重，不共享；卷积层则在各位置共享权重。', 'FC182', False),  # (guard)
    ('局部连接层在每个位置有自己的一套参数，不共享，这正是它和卷积层的区别。', 'FC182', False),  # (guard)
    ('卷积层的权重不共享吗？', 'FC182', False),  # (guard)
    # (the inference said to have become faster after the optimizer was changed)
    ('换了 Adam 之后，模型推理速度就快了。', 'FC143', True),  # (missed by the starting code)
    ('听说把优化器从 SGD 改成 RMSProp，上线后推理快了不少。', 'FC143', True),  # (missed by the starting code)
    ('优化器只影响训练，换 Adam 后推理并不会快了。', 'FC143', False),  # (guard)
    ('换成 Adam 之后训练快了，推理速度没有变化。', 'FC143', False),  # (guard)
    ('换成 Adam 推理会快了吗？', 'FC143', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
