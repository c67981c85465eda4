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
    # a direction said through a verb of forgetting or erasing (`忘得越快`, `擦掉的…越多`), a raise written 提到, a
    # strength that loosens the constraint it is
    ("Adam 的 β1 调大以后，旧梯度会被忘得更快。", "FC331", True),
    ("Adam 的 β1 调大以后，旧梯度忘得更慢。", "FC331", False),
    ("forget gate 的值越接近 1，抹掉的历史信息就越多。", "FC358", True),
    ("forget gate 的值越接近 1，丢弃的历史信息越少。", "FC358", False),
    ("核采样的 p 从 0.8 提到 0.95，保留的 token 变少了。", "FC406", True),
    ("核采样的 p 从 0.8 提到 0.95，保留的 token 变多了。", "FC406", False),
    ("加大正则化系数只会弱化对模型的约束。", "FC316", True),
    ("加大正则化系数会强化对模型的约束。", "FC316", False),
    # an exact density, as an exact likelihood
    ("GAN 的好处之一是能输出精确的密度值，方便算困惑度。", "FC453", True),
    ("GAN 算不出精确的密度值，评估只能用 FID。", "FC453", False),
    # accuracy made the only measure on imbalanced data; a high accuracy said to prove it, after 这
    ("欺诈样本极度不平衡，我们把正确率当作唯一的考核指标。", "FC114", True),
    ("欺诈样本极度不平衡，不宜把正确率当作唯一的考核指标。", "FC114", False),
    ("正负比例 1:99 的测试集上拿到 98% 的准确率，这就证明模型对欺诈交易识别得很出色。", "FC114", True),
    # a perplexity raised (提升至), said to prove a stronger model
    ("微调后 perplexity 提升至 38，这可以说明语言建模能力变强了。", "FC111", True),
    ("微调后 perplexity 下降至 18，这可以说明语言建模能力变强了。", "FC111", False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
