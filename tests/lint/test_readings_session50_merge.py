"""Mends of the fiftieth session beside its helpers' readings, shown on sentences of my own wording.

- FC178 took the cost of one part of self-attention for the whole (`QKV 投影的计算量随序列长度线性增长`: the projections
  and the FFN are linear in n; a helper found it on a correct sentence): a sentence that names such a part's cost is left;
- FC323's phrasing of `GroupNorm(C, C)` never matched: inside a lookbehind, which the `regex` module matches from its end,
  a back reference must stand left of the group it repeats;
- a helper's reading of an answerer's label after a question (`委员：…？学生：…`, where 学生 also names the distilled
  model) read any short label there as a speaker's and took it away, so a one-line question and answer between two
  people named by name (`小王：…？小李：…`) lost the question it completes (a phrasing of the seventeenth set, lost in the full
  dump): only a label that names a term, or one's own `我：`, is read past;
- a helper's picture frame (`BART 你就把它当成 BERT 的加强版`) took any `当成` after a term as a likening, so `把这些软标签当成
  学生模型的输入` in a dialogue lost its FC151 (a phrasing of the twenty-second set, lost in the full dump): 当成/当作 are
  a picture only with the reader told or 它 taken (`你就当成…`, `把它当成…`), 看成/看作 also after 不妨/可以.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    ('self-attention 里 QKV 投影的计算量随序列长度线性增长，打分矩阵那一步才是平方级。', 'FC178', False),
    ('注意力层中线性变换的开销跟 token 数成正比，score 矩阵则随长度平方增长。', 'FC178', False),
    ('Transformer 层里 FFN 的计算量和序列长度成正比，自注意力的打分矩阵是平方级。', 'FC178', False),
    ('self-attention 的计算量随序列长度线性增长。', 'FC178', True),
    ('自注意力的耗时与 token 数成正比，所以长文本也不慢。', 'FC178', True),
    ('实验里把归一化层写成 GroupNorm(64, 64)，它就等价于 LayerNorm。', 'FC323', True),
    ('GroupNorm 用 GroupNorm(C, C) 构造时，相当于 LayerNorm。', 'FC323', True),
    ('GroupNorm(1, 64) 相当于 LayerNorm。', 'FC323', False),
    ('把归一化层写成 GroupNorm(64, 64)，它就等价于 InstanceNorm。', 'FC323', False),
    ('GroupNorm(32, 64) 的每组有两个通道，介于 LayerNorm 和 InstanceNorm 之间。', 'FC323', False),
    ('老周：微调阶段权重怎么来？小陈：随机初始化，接着用下游数据重新训练一遍，这就叫 fine-tuning。', 'FC156', True),
    ('阿杰：微调时模型参数从哪来？小美：从预训练权重加载，再拿下游数据继续训练，这就是微调。', 'FC156', False),
    ('委员：蒸馏里学生模型比教师大吗？学生：通常学生模型参数更少，是小模型向大模型学习。', 'FC152', False),
    ('阿强：knowledge distillation 怎么做？阿伟：教师先推理一遍，产出软标签。阿强：接着呢？阿伟：接着把这些软标签当成学生网络的输入喂进去，学生就学这个。', 'FC151', True),
    ('阿强：knowledge distillation 怎么做？阿伟：教师先推理一遍，产出软标签。阿强：接着呢？阿伟：接着把这些软标签当成学生网络拟合的目标，而输入还是原始样本。', 'FC151', False),
]


@pytest.mark.parametrize("text, code, expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
