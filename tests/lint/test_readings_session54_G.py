"""Readings and rule phrasings added in the fifty-fourth session (group G), from the misses of the fifty-second phrasing
set in the classical register, each shown on sentences of the helper's own wording.

- the pattern and co-occurrence kinds read a sentence in the classical register in the modern one, as the claim kind
  does, with or without a question mark in the unit (FC142 and the other pattern rules);
- the register is the passage's: a sentence with one mark of it beside a sentence in it is read in it too
  (`余以为…二患，易一 Adam 即可尽除。盖 Adam …亦能…也。`);
- single-character verbs and words of the register read as the modern word, position for position: 胜之 closing a
  clause as 胜过, 减其/增其/降其/升其 as 减小/增大/降低/升高, 而增/而减 closing a clause as 增大/减小, 愈众 as 越多,
  复忧 as 担心, 上扬 as 上升, 而后 as 然后, 步步 as 逐步, 伊始 as 开始, 置 as 设, 之 before a closing 也 as 它;
  `非 X 所能 V` as `X 不能 V`; the 为 of a passive (`不为噪声所扰`) no copula;
- FC141: small gradients said to be raised to the threshold (`提至阈值`, `拉到下限`);
- FC143: the inference speed said to rise (`推理速度也随之升高`, `…上升了`), not the rise named as a noun (`推理速度的升高`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('吾以为深网之梯度爆炸，易一 RMSProp 即可尽除。', 'FC142', True),  # (missed by the starting code)
    ('梯度消失之患，余以为易一 Adagrad 即可尽除也。', 'FC142', True),  # (missed by the starting code)
    ('余以为梯度消失、梯度爆炸二患，非易一 Adam 所能尽除也。', 'FC142', False),  # (guard)
    ('或问：易一 Adam，梯度爆炸可尽除乎？', 'FC142', False),  # (guard)
    ('余以为梯度爆炸之患，当以梯度裁剪除之，易一 Adam 无济于事也。', 'FC142', False),  # (guard)
    ('余以为 Adam 者，于一切场景皆胜之。', 'FC147', True),  # (missed by the starting code)
    ('Adam 于一切任务皆胜之乎？', 'FC147', False),  # (guard)
    ('或谓 Adam 于一切任务皆胜之，此误也。', 'FC147', False),  # (guard)
    ('窃以为 Adam 之于 SGD，非于一切任务皆胜之也。', 'FC147', False),  # (guard)
    ('窃以为批大小之于梯度，样本愈众，梯度之方差亦随之而增。', 'FC333', True),  # (missed by the starting code)
    ('批大小愈众，梯度之方差随之而减，此理甚明也。', 'FC333', False),  # (guard)
    ('余以为 warmup 者，训练之初减其学习率也。', 'FC145', True),  # (missed by the starting code)
    ('余以为 warmup 者，训练之初增其学习率也。', 'FC145', False),  # (guard)
    ('或谓 warmup 乃初期减其学习率，此误也。', 'FC145', False),  # (guard)
    ('余以为 warmup 之义，乃初期增其学习率，非减之也。', 'FC145', False),  # (guard)
    ('Adam 训练出的模型，推理速度会随之升高。', 'FC143', True),  # (missed by the starting code)
    ('把优化器换成 Adagrad 之后，推理速度也上升了不少。', 'FC143', True),  # (missed by the starting code)
    ('换用 Adam 并不会让推理速度上升。', 'FC143', False),  # (guard)
    ('优化器只影响训练，推理速度的升高要靠量化和剪枝。', 'FC143', False),  # (guard)
    ('梯度裁剪能把过小的梯度抬至阈值，从而缓解梯度消失。', 'FC141', True),  # (missed by the starting code)
    ('gradient clipping 会将太小的梯度拉到下限。', 'FC141', True),  # (missed by the starting code)
    ('gradient clipping 只会把过大的梯度缩到阈值，不会把过小的梯度提到阈值。', 'FC141', False),  # (guard)
    ('梯度裁剪能把过大的梯度压到阈值。', 'FC141', False),  # (guard)
    ('梯度裁剪能把过小的梯度提到阈值吗？', 'FC141', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
