"""Readings added in the fifty-second session by the merger, on sentences of my own wording.

- a denied causative right before the term a property is said of (`MQA 不是让所有头用同一个 Query`) denies what it would
  cause: the denial stands before the verb of causing, not between the term and the property (a helper reported the
  starting code flagging it).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were flagged by it
CASES = [
    ('MQA 不是让所有头用同一个 Query，而是共享 K 和 V。', 'FC368', False),  # (flagged by the starting code)
    ('多查询注意力并没有让各个头共用一份 Query 投影。', 'FC368', False),  # (flagged by the starting code)
    ('MQA 让所有头用同一个 Query。', 'FC368', True),  # (guard)
    ('MQA 不是让所有头共享 K 和 V，而是让所有头用同一个 Query。', 'FC368', True),  # (guard)
    ('MQA 会让所有头用同一个 Query 吗？', 'FC368', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
