"""Readings added in the fifty-fourth session (group B), from the misses of the fifty-second phrasing set, each shown on
sentences of the helper's own wording.

- classical Chinese (文言) read as the modern prose the phrasings are written in, position for position
  (claims.classical_view): in a text that shows two or more classical marks (`余以为`, `窃以为`, `X 者，…也`, `…矣`,
  `盖`, `或曰`, `X 之 Y`), 之 reads 的 (or 它 when it ends its clause as an object), 愈 越, 皆 都, 亦 也, 乃 是 (就 before
  a verb), 此 这, `余以为`/`窃以为` 我认为, `X 者，Y 也` X 是 Y, `一般无二`/`全无二致` 完全相同, and the final particles
  (也, 耳, 焉, 矣) are read as blanks or 了; a view rejected after it (`此误也`, `此谬也`, `此说颠倒矣`) reads `这不对` /
  `颠倒了`, so the quoted-and-rejected statement (`或曰 X，此说颠倒矣`) stays clean as its modern wording does
  (FC154, FC323, FC324, FC328, FC341, FC141 and the other claims a classical text states).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    ('余观 BatchNorm 之构造，窃以为其中无可学习之参数也。', 'FC324', True),  # (missed by the starting code)
    ('吾尝数 BN 层之参数，窃以为其既无 gamma 亦无 beta 矣。', 'FC324', True),  # (missed by the starting code)
    ('BatchNorm 之中有 gamma 与 beta 二参数，皆可学习者也，余尝验之矣。', 'FC324', False),  # (guard)
    ('或以为 BN 无可学习之参数，此谬也。', 'FC324', False),  # (flagged by the starting code)
    ('BN 有可学习之参数乎？', 'FC324', False),  # (guard)
    ('GroupNorm 之组数取 1 者，与 InstanceNorm 一般无二也，余尝验之矣。', 'FC323', True),  # (missed by the starting code)
    ('GroupNorm 组数取 1 者，与 LayerNorm 一般无二也；组数与通道数齐者，乃 InstanceNorm 矣。', 'FC323', False),  # (guard)
    ('或谓 GroupNorm 分一组即 InstanceNorm，此说颠倒矣。', 'FC323', False),  # (guard)
    ('余以为 Adam 加 L2 正则，与 AdamW 之权重衰减全无二致也。', 'FC328', True),  # (missed by the starting code)
    ('AdamW 之权重衰减，与 Adam 加 L2 正则，非等价也，余尝验之矣。', 'FC328', False),  # (guard)
    ('余观 sigmoid 之输出，乃 zero-centered 者也。', 'FC341', True),  # (missed by the starting code)
    ('sigmoid 之输出恒为正，非 zero-centered 者也；tanh 乃 zero-centered 者矣。', 'FC341', False),  # (guard)
    ('窃以为梯度裁剪者，梯度消失与梯度爆炸皆可治之也。', 'FC141', True),  # (missed by the starting code)
    ('余以为梯度裁剪者，唯能治梯度爆炸，梯度消失非其所能治也。', 'FC141', False),  # (guard)
    ('窃以为差分隐私乃加密算法也，盖其能锁数据矣。', 'FC154', True),  # (guard)
    ('差分隐私者，一种加密之术也。余以为其与 AES 同类矣。', 'FC154', True),  # (guard)
    ('或谓差分隐私即加密，此误也。', 'FC154', False),  # (flagged by the starting code)
    ('差分隐私者，加噪之术也，非加密算法，余以为不可混为一谈。', 'FC154', False),  # (guard)
    ('差分隐私乃加密算法乎？余以为非也。', 'FC154', False),  # (guard)
    # (modern prose with 之 is no classical text: read as it is)
    ('总之，差分隐私不是加密算法，二者之间没有关系。', 'FC154', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
