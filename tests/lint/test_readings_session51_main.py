"""Readings changed in the fifty-first session outside the helpers' groups, each shown on sentences of my own wording.

- FC367 (traps): the exchange between positions named and then said not to come from the FFN (`…之间的信息交换并不靠它`,
  `不是由它完成的`, `跟 FFN 无关`): the negation after the verb denies the claim.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('FFN 对每个位置独立计算，不同位置之间的信息交换并不靠它。', 'FC367', False),  # (flagged by the starting code)
    ('前馈层逐 token 做变换，token 之间的信息交互不是由它完成的，而是靠注意力层。', 'FC367', False),  # (flagged by the starting code)
    ('FFN 负责位置之间的信息交换，靠它把上下文融合起来。', 'FC367', True),  # (guard)
    ('FFN 的作用是让不同位置之间交换信息，注意力只是辅助。', 'FC367', True),  # (guard)
    ('前馈网络让各个 token 之间互相交换信息，这一点不需要注意力层。', 'FC367', True),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
