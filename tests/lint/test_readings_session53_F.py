"""Readings and rule phrasings added in the fifty-third session (group F), from the misses of the fifty-first phrasing
set, each shown on sentences of the helper's own wording.

- a speaker's avowal of candour opening the sentence (`说实话，`, `讲真，`, `说真的，`, `说实在的，`; or before an opinion,
  `说实话我一直觉得…，`) sets no topic: the next clause does, and its term goes on to the clauses after it;
- a scene of work on a term that tells when it was (`我第一次手写 BPE 是在 2016 年，…`) sets that term as the topic of
  what follows, as `我当时手写 BPE 时，…` does;
- FC389: the pretrained weights said to be updated as before (`W0 照样参与梯度更新`, `预训练权重依旧会被更新`);
- FC400: the reward model said to be trained or backpropagated together with the value network (`它和 critic 一起做反向传播`);
- FC155: pretraining called a supervised process or task (`本质上是一个有监督的过程`), or said to learn from labelled data
  (`从 labeled data 里学习`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('讲真，贪心搜索每一步都取最可能的词，拼出来的整句概率必然最高。', 'FC402', True),  # (missed by the starting code)
    ('说实在的，BPE 从字符开始，每一轮合并频率最低的相邻符号对。', 'FC379', True),  # (missed by the starting code)
    ('说实话我一直觉得没必要，贪心解码每步都选概率最大的词，整个序列的联合概率一定是全局最大的。', 'FC402', True),  # (missed by the starting code)
    ('讲真，贪心搜索每一步都取最可能的词，但拼出来的整句概率不一定最高。', 'FC402', False),  # (guard)
    ('说真的，贪心搜索每一步都取最可能的词，拼出来的整句概率就一定最高吗？', 'FC402', False),  # (guard)
    ('说实在的，BPE 从字符开始，每一轮合并频率最高的相邻符号对。', 'FC379', False),  # (guard)
    ('说实话，我一直觉得没必要，BPE 每一轮合并的是频率最高的相邻符号对。', 'FC379', False),  # (guard)
    ('我们第一次训练 BPE 是在 2020 年，每一轮都挑频率最低的相邻符号对合并。', 'FC379', True),  # (missed by the starting code)
    ('我第一次复现 BPE 是在去年，合并的始终是出现频率最低的那对相邻符号。', 'FC379', True),  # (missed by the starting code)
    ('我第一次手写 BPE 是在 2019 年，每一轮都合并频率最高的相邻符号对。', 'FC379', False),  # (guard)
    ('我第一次手写 BPE 是在读研时，它真的每一轮都合并频率最低的相邻符号对吗？', 'FC379', False),  # (guard)
    ('用 LoRA 微调时，预训练权重依旧会被更新。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 里原始权重照常参与训练，只是多了 BA 两个矩阵。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 训练时 W0 照样不参与梯度更新。', 'FC389', False),  # (guard)
    ('LoRA 训练时 W0 仍然保持冻结，只更新 A 和 B。', 'FC389', False),  # (guard)
    ('LoRA 里 W0 照样冻结吗？', 'FC389', False),  # (guard)
    ('在 PPO 里，奖励模型会跟价值网络一同训练。', 'FC400', True),  # (missed by the starting code)
    ('RLHF 的强化学习阶段，reward model 与 value model 同时做反向传播。', 'FC400', True),  # (missed by the starting code)
    ('PPO 阶段，策略模型和 critic 一起做反向传播，奖励模型冻结。', 'FC400', False),  # (guard)
    ('PPO 阶段奖励模型不会和 critic 一起更新。', 'FC400', False),  # (guard)
    ('奖励模型和价值网络一起训练吗？', 'FC400', False),  # (guard)
    ('LLM 的预训练说到底是一个监督式的任务。', 'FC155', True),  # (missed by the starting code)
    ('BERT 的预训练算是一种有监督的训练过程。', 'FC155', True),  # (missed by the starting code)
    ('预训练时模型要从大规模 annotated corpus 里学习。', 'FC155', True),  # (missed by the starting code)
    ('预训练并不是有监督的过程，而是自监督。', 'FC155', False),  # (guard)
    ('预训练是一个有监督的过程吗？', 'FC155', False),  # (guard)
    ('预训练时模型从海量未标注文本中学习。', 'FC155', False),  # (guard)
    ('SFT 是一个有监督的过程，预训练不是。', 'FC155', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
