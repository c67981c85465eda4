"""Readings and rule phrasings added in the fiftieth session (group B), from the misses of the forty-eighth phrasing
set, each shown on sentences of the helper's own wording.

- the claim reader (`ClaimReader._copula`): the answerer's turn after a question turn on the same line (`导师：…？学生：…`,
  `面试官：…？我：…`) is read past as a label, so the answer reads as told of the question's term, and a speaker's word
  there (`学生`, the student model's name too) is no term; shown on FC318, FC322 and FC319;
- FC319: the model said to grow more sure (`更笃定`), the supervision signal said to be more concentrated (`监督信号更集中`);
- FC146: a rate or a step said to be set larger with a verb and 得 between (`学习率给得越大`, `步长设得越大`), as names of lr-large;
- FC177: Transformer said to belong to RNN's variants (`属于 RNN 的一个变体`);
- FC178: the cost said to grow linearly with the number of tokens (`随 token 数线性增长`, `和 token 数成正比`);
- FC141, FC150: both gradient problems said to be blocked at once (`同时兜住`, `都堵住`);
- FC138: the statistics said to be worked out on the spot for the current batch at inference (`现算均值`, `实时算均值`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('导师：inverted dropout 测试时怎么处理？学生：inverted dropout 训练时什么都不改，测试时把每个神经元的输出乘上保留概率。', 'FC318', True),  # (missed by the starting code)
    ('面试官：inverted dropout 在哪个阶段缩放？我：inverted dropout 的思路是训练时保持原样，等部署推理时再乘以保留概率。', 'FC318', True),  # (missed by the starting code)
    ('导师：inverted dropout 推理时要乘以保留概率吗？学生：不用，训练时已经除过保留概率，推理时原样输出。', 'FC318', False),  # (guard)
    ('考官：inverted dropout 推理时怎么处理？学生：推理时把激活乘以保留概率。考官：不对，推理时不缩放。', 'FC318', False),  # (guard)
    ('考官：inverted dropout 推理时怎么处理？学生：推理时把激活乘以保留概率。考官：其实推理时不做缩放。', 'FC318', False),  # (flagged by the starting code)
    ('老师：RMSNorm 怎么算？学生：和 LayerNorm 一样，先减去均值再除以标准差。', 'FC322', True),  # (missed by the starting code)
    ('老师：RMSNorm 怎么算？学生：RMSNorm 跟 LN 是一个思路，第一步同样是去均值。', 'FC322', True),  # (missed by the starting code)
    ('导师：RMSNorm 要减均值吗？学生：不减，只除以均方根。', 'FC322', False),  # (guard)
    ('老师：RMSNorm 怎么算？学生：和 LayerNorm 一样，先减去均值再除以标准差。老师：错，RMSNorm 不减均值。', 'FC322', False),  # (guard)
    ('导师：label smoothing 有什么效果？学生：label smoothing 是一种正则，会让模型的置信度变得更高。', 'FC319', True),
    ('面试官：标签平滑起什么作用？我：标签平滑改的是训练目标，结果是模型输出更接近 one-hot。', 'FC319', True),  # (missed by the starting code)
    ('加了标签平滑以后，网络对自己的预测会变得更笃定。', 'FC319', True),  # (missed by the starting code)
    ('标签平滑让训练用的监督信号更加集中在正确类别上。', 'FC319', True),  # (missed by the starting code)
    ('标签平滑能防止模型变得过于笃定。', 'FC319', False),  # (guard)
    ('标签平滑让监督信号不再集中在正确类别上，模型也就没那么笃定。', 'FC319', False),  # (guard)
    ('不用标签平滑时，模型会更笃定，容易过度自信。', 'FC319', False),  # (guard)
    ('标签平滑会让模型更笃定吗？不会，它让模型更不自信。', 'FC319', False),  # (guard)
    ('导师：label smoothing 有什么效果？学生：它会让模型的置信度降低，缓解过度自信。', 'FC319', False),  # (guard)
    ('学习率给得越大，loss 曲线越平滑。', 'FC146', True),  # (missed by the starting code)
    ('步长设得越大，收敛越稳。', 'FC146', True),  # (missed by the starting code)
    ('学习率给得越大，越容易震荡，训练越不稳定。', 'FC146', False),  # (guard)
    ('步长调得越大，训练越稳吗？不是，反而更容易发散。', 'FC146', False),  # (guard)
    ('步长取得越大并不会让训练越稳，反而会震荡。', 'FC146', False),  # (guard)
    ('Transformer 可以看作 LSTM 的一个变体。', 'FC177', True),  # (missed by the starting code)
    ('Transformer 属于 RNN 的一个变体，区别只是加了注意力。', 'FC177', True),  # (missed by the starting code)
    ('Transformer 并不属于 RNN 的变体，它没有循环结构。', 'FC177', False),  # (guard)
    ('Transformer 属于 RNN 的变体吗？不属于。', 'FC177', False),  # (guard)
    ('GRU 属于 RNN 的一个变体。', 'FC177', False),  # (guard)
    ('self-attention 的耗时随 token 数线性增长。', 'FC178', True),  # (missed by the starting code)
    ('self-attention 的显存和 token 数成正比。', 'FC178', True),  # (missed by the starting code)
    ('self-attention 的耗时随 token 数的平方增长，而不是随 token 数线性增长。', 'FC178', False),  # (guard)
    ('线性注意力的耗时随 token 数线性增长，self-attention 则是平方增长。', 'FC178', False),  # (guard)
    ('梯度裁剪可以同时兜住梯度爆炸和梯度消失。', 'FC141', True),  # (missed by the starting code)
    ('gradient clipping 能一并堵住梯度过大和梯度过小。', 'FC141', True),  # (missed by the starting code)
    ('梯度裁剪不能同时兜住梯度爆炸和梯度消失，它只管过大的梯度。', 'FC141', False),  # (guard)
    ('梯度裁剪能同时兜住梯度过大和过小吗？不能。', 'FC141', False),  # (guard)
    ('LSTM 把梯度消失和梯度爆炸都堵住了。', 'FC150', True),  # (missed by the starting code)
    ('LSTM 的门控把梯度消失和梯度爆炸一起兜住。', 'FC150', True),  # (missed by the starting code)
    ('LSTM 并没有把梯度消失和梯度爆炸都堵住，爆炸仍要靠裁剪。', 'FC150', False),  # (guard)
    ('LSTM 能把梯度消失和梯度爆炸都堵住吗？不能。', 'FC150', False),  # (guard)
    ('LSTM 的门控堵住了梯度消失，梯度爆炸仍要靠裁剪。', 'FC150', False),  # (guard)
    ('测试阶段 BN 层对当前这一批数据现算均值和方差。', 'FC138', True),  # (missed by the starting code)
    ('推理时 BatchNorm 会对每个 batch 的样本实时算均值再归一化。', 'FC138', True),  # (missed by the starting code)
    ('推理时 BN 层不会对当前这一批数据现算均值和方差，而是用滑动均值。', 'FC138', False),  # (guard)
    ('推理时 BN 层对当前这一批数据现算均值和方差吗？不会。', 'FC138', False),  # (guard)
    ('训练时 BN 层对当前这一批数据现算均值和方差，推理时改用滑动平均。', 'FC138', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
