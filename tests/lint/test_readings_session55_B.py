"""Readings added in the fifty-fifth session (group B), from the misses of the fifty-third phrasing set, each shown on
sentences of the helper's own wording (its reading of a comment section's furniture, `05:12`, `回复 @X：`,
`3楼`, was not merged: unchecked on real text).

- a convolutional layer's weights said not to be shared, the negation between noun and verb (`卷积层的权重并不共享`),
  deny the sharing (FC182)
- a pooling layer said to have weights too (`也有权重`, FC181), and which one to pick told as what a layer learns
  (`会学选哪个位置`) asks nothing (text._INDIRECT_RE)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (a convolutional layer's weights said not to be shared)
    ('卷积层的参数其实并不共享，每个位置单独学一份。', 'FC182', True),  # (missed by the starting code)
    ('卷积层的权重不共享。', 'FC182', True),  # (missed by the starting code)
    ('卷积层的权重在不同位置是共享的，参数比全连接少得多。', 'FC182', False),  # (guard)
    ('全连接层的权重不共享，卷积层的权重共享。', 'FC182', False),  # (guard)
    ('卷积层的权重并不是不共享。', 'FC182', False),  # (guard)
    ('卷积层的权重不共享吗？', 'FC182', False),  # (guard)
    ('有人说卷积层的权重不共享，这不对。', 'FC182', False),  # (guard)
    ('卷积层的参数量比同规模的全连接层少得多。', 'FC184', False),  # (guard)
    # (a pooling layer said to have weights too, and what it learns to pick)
    ('平均池化层也有权重的，训练时要学选哪个位置。', 'FC181', True),  # (missed by the starting code)
    ('池化层里面有权重，反向传播时会学着挑哪个值保留。', 'FC181', True),  # (missed by the starting code)
    ('池化层也没有权重。', 'FC181', False),  # (guard)
    ('池化层没有权重，卷积层才有权重。', 'FC181', False),  # (guard)
    ('池化层也有权重吗？', 'FC181', False),  # (guard)
    ('池化层没有权重，它不用学选哪个位置，规则是固定的。', 'FC181', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
