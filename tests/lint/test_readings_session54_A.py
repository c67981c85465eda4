"""Readings and rule phrasings added in the fifty-fourth session (group A), from the misses of the fifty-second
phrasing set, each shown on sentences of the helper's own wording.

- a question and its answer on one line whose asking word comes right after a verb of choosing or using (`Q：…接哪种
  激活？A：softmax`, `…看哪个指标？A：训练 loss`), answered by a bare value: read with the value in the place of the
  asking words (`…接 softmax`), not with a 是 put after them; one that ends on its copula (`…的输入是？A：X`) takes no
  second 是 (FC120, FC137, FC311 and the others the answer states);
- FC101: the predicted positives named in English (`只看预测为 positive 的样本`);
- FC105: the right predictions counted with 正确 first (`正确分类的样本数 / 全部样本数`), both classes judged right counted
  (`正负类判对的都算`);
- FC102: the actual positives with the count after the verb (`真实为正的样本被识别出了多少`), what precision is said to care
  about with no 真实 before the positives (`在意的是正样本有没有被找全`);
- FC106: the same count (`真实为阳性的病例被检出了多少`), the positive class named as specificity's point of view
  (`从正类的角度`);
- a note's `=` read as 是 next to the words after it (`KL 散度 = 一种距离度量` → `…   是一种距离度量`), FC118: the
  result said unchanged when the two distributions are swapped (`交换两个分布结果不变`);
- FC111: the ability named bare after a sign (`困惑度高 = 预测能力强`); FC116: MSE paired with the task (`一般配 MSE`);
  FC302: the reference named in English (`候选比 reference 长`); FC138: the statistics named before the batch they are
  computed on (`统计量对当前输入批次实时计算`), a question of where they come from answered in its place (`从哪来？A：…`);
- a question asked with its asking word and answered after an arrow (`LN 为什么适合 NLP → 因为…`): read as the question
  and its answer after a colon are (FC320, FC133 and the others the answer states);
- a symptom with the advice to look for its fault (`交叉熵出现负值 → 先查实现`), and what a fault brings about, in its
  own clause (`忘了 model.eval() 才会继续用当前 batch 统计`) or the next (`忘了调用 model.eval()，BN 就会…`): observed,
  not stated (FC119, FC138).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('问：多标签任务最后一层接哪种激活？答：softmax，概率归一。', 'FC120', True),  # (missed by the starting code)
    ('Q：multi-label 分类输出层选什么函数？A：softmax。', 'FC120', True),  # (missed by the starting code)
    ('Q：多标签任务最后一层接哪种激活？A：sigmoid，每个标签各自独立。', 'FC120', False),  # (guard)
    ('Q：多标签任务最后一层接哪种激活？A：不是 softmax，是 sigmoid。', 'FC120', False),  # (guard)
    ('多标签任务最后一层接哪种激活？', 'FC120', False),  # (guard)
    ('Q：early stopping 该看哪个指标？A：训练集上的 loss。', 'FC137', True),  # (missed by the starting code)
    ('问：早停时盯哪条曲线？答：验证集上的 loss。', 'FC137', False),  # (guard)
    ('Q：early stopping 该看哪个指标？A：验证集上的 loss。', 'FC137', False),  # (guard)
    ('Q：early stopping 该看哪个指标？A：不看训练 loss，看验证 loss。', 'FC137', False),  # (guard)
    ('Q：nn.CrossEntropyLoss 接收的输入是？A：经过 softmax 的概率。', 'FC311', True),  # (missed by the starting code)
    ('Q：nn.CrossEntropyLoss 接收的输入是？A：未归一化的 logits。', 'FC311', False),  # (guard)
    ('Q：nn.CrossEntropyLoss 的输入是 softmax 概率吗？A：不是，是 logits。', 'FC311', False),  # (guard)
    ('召回率的算法：只统计判为 positive 的那些样本，看其中有多少是真的。', 'FC101', True),  # (missed by the starting code)
    ('TPR 仅考虑预测为 positive 的部分。', 'FC101', True),  # (missed by the starting code)
    ('precision 只看预测为 positive 的样本，recall 看实际为 positive 的样本。', 'FC101', False),  # (guard)
    ('召回率并不只看预测为 positive 的样本。', 'FC101', False),  # (guard)
    ('召回率只看预测为 positive 的样本吗？', 'FC101', False),  # (guard)
    ('精确率 = 正确分类的样本数 / 全部样本数。', 'FC105', True),  # (missed by the starting code)
    ('precision 的计算：正负两类判对的都算进去。', 'FC105', True),  # (missed by the starting code)
    ('accuracy = 正确分类的样本数 / 全部样本数，precision 只看预测为正的样本。', 'FC105', False),  # (guard)
    ('精确率并不是正确预测数除以总样本数。', 'FC105', False),  # (guard)
    ('PPV 在意的是正样本有没有被找全。', 'FC102', True),  # (missed by the starting code)
    ('查准率衡量真实为正的样本被模型正确识别出了多少。', 'FC102', True),  # (missed by the starting code)
    ('召回率在意的是正样本有没有被找全。', 'FC102', False),  # (guard)
    ('查准率不关心正例有没有被抓到，关心的是预测为正的准不准。', 'FC102', False),  # (guard)
    ('TNR 从正类的角度出发衡量模型。', 'FC106', True),  # (missed by the starting code)
    ('特异度反映真实为阳性的病例被检出了多少。', 'FC106', True),  # (missed by the starting code)
    ('特异度从负类的角度衡量模型，召回率从正类的角度衡量。', 'FC106', False),  # (guard)
    ('特异度是站在正类视角吗？', 'FC106', False),  # (guard)
    ('KL divergence = 一种严格的距离度量。', 'FC118', True),  # (missed by the starting code)
    ('相对熵交换两个分布后，结果相同。', 'FC118', True),  # (missed by the starting code)
    ('JS 散度 = 一种对称的度量。', 'FC118', False),  # (guard)
    ('KL 散度交换两个分布结果不变吗？', 'FC118', False),  # (guard)
    ('KL 散度 ≠ 距离度量，交换两个分布结果会变。', 'FC118', False),  # (guard)
    ('PPL 大 → 语言建模能力好。', 'FC111', True),  # (missed by the starting code)
    ('perplexity 高 ⇒ 模型能力强。', 'FC111', True),  # (missed by the starting code)
    ('困惑度低 = 预测能力强。', 'FC111', False),  # (guard)
    ('困惑度高 = 预测能力强？', 'FC111', False),  # (guard)
    ('做二分类时通常配 mean squared error。', 'FC116', True),  # (missed by the starting code)
    ('二分类任务一般配 MSE 损失。', 'FC116', True),  # (missed by the starting code)
    ('分类任务一般配交叉熵，回归任务一般配 MSE。', 'FC116', False),  # (guard)
    ('分类任务一般不配 MSE。', 'FC116', False),  # (guard)
    ('brevity penalty 在译文比 reference 更长时小于 1。', 'FC302', True),  # (missed by the starting code)
    ('译文比 reference 长时 BP 就被压到 1 以下，会扣分。', 'FC302', True),  # (missed by the starting code)
    ('BP 只在候选比 reference 短时小于 1。', 'FC302', False),  # (guard)
    ('候选比 reference 长时 BP 会小于 1 吗？', 'FC302', False),  # (guard)
    ('BN 在推理阶段，统计量是在当前输入批次上实时计算的。', 'FC138', True),  # (missed by the starting code)
    ('eval 模式下 BatchNorm 的均值方差对当前 batch 现算。', 'FC138', True),  # (missed by the starting code)
    ('BN 在训练时统计量对当前 batch 计算，推理时改用滑动平均。', 'FC138', False),  # (guard)
    ('BN 推理时的统计量不再对当前 batch 计算，而是用 running mean。', 'FC138', False),  # (guard)
    ('忘了调用 model.eval()，BN 就会继续用当前 batch 的统计量。', 'FC138', False),  # (missed by the starting code)
    ('忘了切 eval 模式才会用当前 batch 统计，正常推理用滑动平均。', 'FC138', False),  # (missed by the starting code)
    ('交叉熵出现负值 → 检查实现。', 'FC119', False),  # (missed by the starting code)
    ('交叉熵出现负值，应该先排查代码。', 'FC119', False),  # (missed by the starting code)
    ('交叉熵出现负值很正常，不需要排查。', 'FC119', True),  # (guard)
    ('交叉熵可以为负，不用查代码。', 'FC119', True),  # (guard)
    ('LayerNorm 为什么适合 NLP → 因为它在 batch 维度上求均值。', 'FC320', True),  # (missed by the starting code)
    ('LN 为什么不怕小 batch → 因为 LN 沿 batch 维做归一化。', 'FC320', True),  # (missed by the starting code)
    ('Transformer 为什么用 LN → 因为 LN 对每个样本单独统计，与 batch 大小无关。', 'FC320', False),  # (guard)
    ('LN 为什么不依赖 batch → LN 在 batch 维上统计吗？', 'FC320', False),  # (guard)
    ('过拟合怎么办 → 多训几轮，训练越久泛化越好。', 'FC133', True),  # (missed by the starting code)
    ('过拟合怎么办 → 早停，训练越久越容易过拟合。', 'FC133', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
