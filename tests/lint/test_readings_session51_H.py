"""Readings and rule phrasings added in the fifty-first session (group H), from the misses of the forty-eighth and
forty-ninth phrasing sets, each shown on sentences of the helper's own wording.

- FC374: `通通` beside `统统`, and the covering verbs (`盖上 [MASK]`, `打成 [MASK]`); a denial of the other two
  replacements (`也不会换成随机词`) no longer reads as a denial of the claim;
- FC372: the sinusoidal encoding said to be `训练出来的`;
- FC141: vanishing gradients named first and then said to need no more worry (`梯度消失也就不用操心了`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('MLM 预训练时，被抽中的词通通改成 [MASK] 再让模型还原。', 'FC374', True),  # (missed by the starting code)
    ('做掩码语言模型时，抽样到的位置统统盖上 [MASK] 标记。', 'FC374', True),  # (missed by the starting code)
    ('BERT 把选中的 token 全部打成 [MASK]，不会换成随机词。', 'FC374', True),  # (missed by the starting code)
    ('BERT 选中的 token 并不是通通改成 [MASK]，80% 改成 [MASK]，10% 换成随机词，10% 不变。', 'FC374', False),  # (guard)
    ('MLM 里被抽中的词都会盖上 [MASK] 吗？', 'FC374', False),  # (guard)
    ('BERT 选中的 token 不会通通打成 [MASK]，有一部分保持原样。', 'FC374', False),  # (guard)
    ('原版论文里的正弦位置编码其实是网络训练出来的一组向量。', 'FC372', True),  # (missed by the starting code)
    ('sin/cos 位置编码和可学习的位置嵌入一样，都是模型训练出来的参数。', 'FC372', True),  # (missed by the starting code)
    ('正弦位置编码不是训练出来的，而是由公式直接算出。', 'FC372', False),  # (guard)
    ('正弦位置编码是训练出来的吗？', 'FC372', False),  # (guard)
    ('正弦位置编码是按公式算出来的，BERT 的位置嵌入才是训练出来的。', 'FC372', False),  # (guard)
    ('开启 gradient clipping 以后，梯度消失这个问题就无需再顾虑了。', 'FC141', True),  # (missed by the starting code)
    ('用上梯度裁剪，梯度过小也不必操心。', 'FC141', True),  # (missed by the starting code)
    ('用了梯度裁剪，梯度爆炸就不用再担心了，梯度消失还得靠残差连接。', 'FC141', False),  # (guard)
    ('加了梯度裁剪，梯度消失就不用操心了吗？', 'FC141', False),  # (guard)
    ('梯度裁剪并不能治梯度消失，梯度消失不用指望它。', 'FC141', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
