"""Readings added in the fifty-sixth session (group I), from the misses of the fifty-fourth phrasing set, each shown on
sentences of the helper's own wording.

- a clause that opens on a copula (`…，就是从随机初始化的权重出发…`) is a predicate of the topic before it, even when a
  noun with 的 follows the phrasing: it qualifies no noun of its own (claims._COPULA_AT_RE)
- fine-tuning said to throw the pretrained weights away in a 把/将 construction, or to differ in nothing from the
  from-scratch run (`与从头训练并无区别`, FC156)
- transfer said impossible once the tasks are `不再相同`, the transfer named before its impossibility (FC157)
- a flaw named 毛病, a fix told as `要改进`, beside insensitivity to noise (FC158)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (a clause opening on a copula, a noun with 的 after the phrasing)
    ('所谓微调，就是从随机初始化的参数出发训练模型。', 'FC156', True),  # (missed by the starting code)
    ('说到精调，其实就是在下游数据上从随机初始化的权重开始学。', 'FC156', True),  # (missed by the starting code)
    ('所谓微调，就是从预训练好的权重出发，在下游数据上继续训练。', 'FC156', False),  # (guard)
    ('所谓微调，并不是从随机初始化的权重出发训练模型。', 'FC156', False),  # (guard)
    ('所谓微调，就是从随机初始化的权重出发训练模型吗？', 'FC156', False),  # (guard)
    # (the pretrained weights thrown away with 把/将; no difference from the from-scratch run)
    ('微调的第一步是把预训练好的权重全部扔掉。', 'FC156', True),  # (missed by the starting code)
    ('fine-tuning 跟从零训练没什么两样，只是数据少一些。', 'FC156', True),  # (missed by the starting code)
    ('微调并不会把预训练权重丢弃，而是在它上面继续训练。', 'FC156', False),  # (guard)
    ('微调与从头训练最大的区别在于初始化。', 'FC156', False),  # (guard)
    ('微调与从头训练有没有区别？', 'FC156', False),  # (guard)
    ('微调时会把分类头的权重丢弃，换成新的。', 'FC156', False),  # (guard)
    # (the transfer said impossible once the tasks are no longer the same)
    ('迁移学习中，源任务与目标任务一旦不再相同，就不能做迁移。', 'FC157', True),  # (missed by the starting code)
    ('用迁移学习时，要是源领域和目标领域不一样，迁移就无法进行。', 'FC157', True),  # (missed by the starting code)
    ('迁移学习中，源任务与目标任务不再相同，迁移也依然可以进行。', 'FC157', False),  # (guard)
    ('迁移学习中，源任务与目标任务不再相同时，迁移并非不可能进行。', 'FC157', False),  # (guard)
    ('迁移学习中，源任务与目标任务不再相同，迁移还能进行吗？', 'FC157', False),  # (guard)
    # (a flaw named 毛病, a fix told as 要改进, beside insensitivity to noise)
    ('这版网络有个毛病：对输入噪声几乎没有反应。', 'FC158', True),  # (missed by the starting code)
    ('分类器对对抗扰动不敏感，这一点后面得改进。', 'FC158', True),  # (missed by the starting code)
    ('模型没毛病，对噪声不敏感，说明很鲁棒。', 'FC158', False),  # (guard)
    ('我们模型的毛病是对噪声太敏感，下个季度要改进。', 'FC158', False),  # (guard)
    ('对噪声不敏感不是毛病，对扰动过于敏感才要改进。', 'FC158', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
