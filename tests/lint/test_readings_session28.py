"""Readings added in the twenty-eighth session (2026-12-04), in wording of my own.

From the twenty-sixth phrasing set (read this session; the twenty-seventh stays unread), written in the voices of a
patent description, a popular-science article, a lab's meeting minutes and a textbook review: a suggestion said not
to help (`换优化器是帮不上忙的`) is no claim that it helps; a reading said to be the wrong way round (`把方向读反了`)
reports what it judges; what an organisation proposed, named after 是 (`Meta 提出的是 RoBERTa`), is that other work; where a work first appeared, said to be Hinton's course (`最早出现在 Hinton 的课程里`), is
another claim of who made it."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    ("线上延迟高的话，改用 Adagrad 训练对推理提速是帮不上忙的，得做量化。", "FC143", False),
    ("推理太慢，想提速可以把优化器换成 Adam，效果立竿见影。", "FC143", True),
    ("推理要更快，换 RMSProp 也无济于事，该做算子融合。", "FC143", False),
    ("评论里说幅值剪枝要先砍绝对值大的权重，这是把顺序看反了。", "FC418", False),
    ("幅值剪枝时要先砍绝对值大的权重。", "FC418", True),
    ("BERT 出自 Google；Meta 发布的是对它重新调参训练的 RoBERTa。", "FC465", False),
    ("BERT 是 Meta 发布的，后来 Google 跟进。", "FC465", True),
    # where a work first appeared, said to be a person's course (that is another work's place)
    ("据说 Adam 首次亮相于辛顿的公开课。", "FC467", True),
    ("Adam 的二阶矩思路最早见于 Hinton 公开课里的 RMSProp。", "FC467", False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
