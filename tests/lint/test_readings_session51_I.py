"""Readings and rule phrasings added in the fifty-first session (group I), from the misses of the forty-eighth and
forty-ninth phrasing sets, each shown on sentences of the helper's own wording.

- FC151: the teacher's labels or answers (`老师给的标签`, `teacher 预测的 label`) said to be taken as the student's
  input (the bare 老师 is not made a name of the teacher: `老师说 …` is a person speaking);
- FC157: the two sides required to be one task (`要求上下游是同一个任务`), a full match made the condition of
  transferring (`完全对上才能迁移`);
- FC183 (a reading): a source named by the term (`这篇 GloVe 的论文里作者认为，…`, `GloVe 的原论文中写道：…`) sets the
  term as the topic of what it says next.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('蒸馏里学生模型直接把教师模型打的标签当成输入。', 'FC151', True),  # (missed by the starting code)
    ('做蒸馏时，student 会把 teacher 预测的 label 作为输入来训练。', 'FC151', True),  # (missed by the starting code)
    ('蒸馏的做法是这样的，先让老师跑一遍，然后把这些标签拼到学生的输入里。', 'FC151', True),  # (guard)
    ('蒸馏里学生并不把教师给的标签当作输入，而是当作目标。', 'FC151', False),  # (guard)
    ('蒸馏里学生不是把老师给的标签当作输入，而是拿它当学习目标。', 'FC151', False),  # (guard)
    ('蒸馏里学生会把教师给的标签当作输入吗？', 'FC151', False),  # (guard)
    ('蒸馏时老师的软标签是学生的学习目标，学生的输入还是原始样本。', 'FC151', False),  # (guard)
    ('迁移学习要求上下游是同一个任务。', 'FC157', True),  # (missed by the starting code)
    ('用迁移学习时，两边的任务得完全对上才能迁移。', 'FC157', True),  # (missed by the starting code)
    ('迁移学习并不要求两边是同一个任务，相关就行。', 'FC157', False),  # (guard)
    ('迁移学习是不是要求两边是同一个任务？', 'FC157', False),  # (guard)
    ('迁移学习不需要源任务和目标任务完全对上才能迁移，只要相关即可。', 'FC157', False),  # (guard)
    ('这篇 GloVe 的论文里作者认为，词向量就是全局平均加局部平均。', 'FC183', True),  # (missed by the starting code)
    ('那篇 GloVe 的原论文中作者写道，词向量由全局平均与局部平均结合而成。', 'FC183', True),  # (missed by the starting code)
    ('这篇 GloVe 的论文里作者指出，词向量来自对全局共现计数的对数做加权最小二乘，并不是全局平均加局部平均。', 'FC183', False),  # (guard)
    ('这篇 GloVe 的论文里作者说，句向量常用词向量求平均得到。', 'FC183', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
