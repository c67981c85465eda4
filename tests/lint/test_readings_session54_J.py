"""Readings and rule phrasings added in the fifty-fourth session (group J), from the misses of the fifty-second
phrasing set (a talk's questions and answers), each shown on sentences of the helper's own wording.

- a sentence whose first clause says a property and names no term but the one the property says its subject uses or
  needs (`还得单独训一个奖励模型`, `直接用数据集里标好的 one-hot 就行`) goes on with the subject of the sentence before,
  past a listener's question that names nothing, as one that names no term does; a term in a later clause of it
  (`…，温度只调学生那边`) does not stop that; not after a `；` of a list of steps, nor a clause whose own subject comes
  before the phrasing (`另一项损失用的是…`, `而传统做法要先…`), nor one that turns it down after (`…是不行的`)
  (FC410, FC397 and the other rules whose phrasings name another term);
- FC370: the heads named in English after a Chinese quantifier (`所有 heads`); their Q, K and V said to come from one
  set of weights (`都来自同一组权重`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('软标签其实不难准备。就是训练集自带的 one-hot。', 'FC410', True),  # (missed by the starting code)
    ('soft targets 准备起来很省事。直接拿数据集里标好的 one-hot，温度只调学生一侧。', 'FC410', True),  # (missed by the starting code)
    ('软标签来自教师的输出分布。硬标签就是数据集里的 one-hot。', 'FC410', False),  # (guard)
    ('软标签来自教师。不是直接用数据集里的 one-hot。', 'FC410', False),  # (guard)
    ('软标签来自教师模型。直接用数据集里的 one-hot 是不行的。', 'FC410', False),  # (guard)
    ('软标签来自教师。另一项损失用的是 one-hot。', 'FC410', False),  # (guard)
    ('软标签来自教师。能不能直接用数据集里的 one-hot？', 'FC410', False),  # (guard)
    ('DPO 的流程也不轻松。还得单独训一个奖励模型。', 'FC397', True),  # (missed by the starting code)
    ('我们换成了 DPO。听众：为什么？讲者：还得单独训一个奖励模型，只是更稳。', 'FC397', True),  # (missed by the starting code)
    ('DPO 很简洁。不需要单独训练奖励模型。', 'FC397', False),  # (guard)
    ('DPO 很简洁。PPO 才需要先训练奖励模型。', 'FC397', False),  # (guard)
    ('DPO 很简洁。而传统做法要先训练奖励模型。', 'FC397', False),  # (guard)
    ('所有 heads 都共用同一组 Q、K、V 投影。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力里，各头的 Q、K、V 全都出自同一套投影矩阵。', 'FC370', True),  # (missed by the starting code)
    ('所有 heads 各自有独立的 Q、K、V 投影。', 'FC370', False),  # (guard)
    ('每个头的 Q、K、V 都来自同一个输入 X，但投影矩阵各不相同。', 'FC370', False),  # (guard)
    ('每个头的 Q、K、V 并不来自同一组权重，各有各的投影。', 'FC370', False),  # (guard)
    ('每个头的 Q、K、V 是不是都来自同一组权重？', 'FC370', False),  # (guard)
    ('MQA 里所有头的 K、V 都来自同一组权重。', 'FC370', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
