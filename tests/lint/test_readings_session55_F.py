"""Readings added in the fifty-fifth session (group F), from the misses of the fifty-third phrasing set, each shown on
sentences of the helper's own wording.

- a cheat-sheet or question-bank line written as cells (`question | answer | difficulty | tag`, no outer pipes, so no
  table row) read as a question and its answer (text.sentence_kind, text.split_spans, claims._fused,
  ClaimReader._asked_topic): the pipe that ends the first cell ends its question as a question mark would (`… 吗 |` is a
  question, not a statement of what it asks); a first cell asks without its mark when it ends on what it asks for (`是谁
  提出的 |`, `哪家公司 |`, `什么空间 |`) or is a noun phrase naming what is asked (`X 的出处 |`, `X 的提出机构与会议 |`,
  `X 的 IoU 阈值 |`); the answer cell after it is then read into the question (`Adam 是谁提出的 | Hinton`: `Adam 是 Hinton
  提出的`) or about the term the question names, and the blank after a cell's pipe opens no sentence (FC465, FC466,
  FC467, FC451, FC454, FC455 and the other claims such a line's answer states; the quoted question of a trap,
  `题目：COCO 主指标只在 IoU = 0.5 下计算吗 | 参考答案：不是，…`, stays clean: FC461, FC464, FC466).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    ('Adam 的作者是谁 | Hinton 提出的 | 高频', 'FC467', True),  # (missed by the starting code)
    ('Adam 优化器最早由谁提出 | Hinton | 易', 'FC467', True),  # (missed by the starting code)
    ('Adam 是谁提出的 | Kingma 和 Ba，Hinton 提出的是 RMSProp | 易', 'FC467', False),  # (guard)
    ('Adam 是 Hinton 提出的吗 | 不是，是 Kingma 和 Ba | 易', 'FC467', False),  # (flagged by the starting code)
    ('BERT 出自哪个机构 | Meta 的 FAIR 实验室 | 中', 'FC465', True),  # (missed by the starting code)
    ('BERT 出自哪个机构 | Google AI Language，Meta 后来做了 RoBERTa | 中', 'FC465', False),  # (guard)
    ('残差网络的提出者与会议 | 谷歌团队，ICCV 2017 | 中', 'FC466', True),  # (missed by the starting code)
    ('残差网络的提出者与会议 | 微软亚洲研究院，CVPR 2016 | 中', 'FC466', False),  # (guard)
    ('问：ResNet 是谷歌在 ICCV 2017 发的吗 | 答：不是，出自微软亚洲研究院，CVPR 2016 | 易', 'FC466', False),  # (flagged by the starting code)
    ('Stable Diffusion 的扩散发生在什么空间 | 原始像素上，不经过 VAE | 难', 'FC451', True),  # (missed by the starting code)
    ('Stable Diffusion 的扩散发生在什么空间 | 潜空间，不是像素空间 | 难', 'FC451', False),  # (guard)
    ('模式崩溃指的是什么 | 判别器的 loss 直接归零 | 易', 'FC454', True),  # (missed by the starting code)
    ('模式崩溃指的是什么 | 生成器只会产出少数几种样本，多样性丢失 | 易', 'FC454', False),  # (guard)
    ('IoU 的分母是什么 | 两个框面积相加 | 易', 'FC455', True),  # (missed by the starting code)
    ('IoU 的分母是什么 | 两个框的并集面积 | 易', 'FC455', False),  # (guard)
    ('COCO 的 mAP 是否只看 IoU 0.5 这一个阈值吗 | 不是，对 0.5 到 0.95 共十个阈值取平均 | 中', 'FC461', False),  # (guard)
    ('GAN 能不能算精确似然 | 不能，它是隐式模型 | 中', 'FC453', False),  # (guard)
    # (a cheat-sheet line whose first cell names a thing and states nothing: the cells go on as before)
    ('Data Parallel | 每卡完整副本 | 按层切 → 模型并行', 'FC171', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
