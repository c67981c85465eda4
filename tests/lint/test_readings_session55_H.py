"""Readings added in the fifty-fifth session (group H), from the misses of the fifty-third phrasing set (chat-style
code-mixed text), each shown on sentences of the helper's own wording.

- FC140: the model named in English after the causative (`会让 model 过拟合`, `容易让 network 陷入过拟合`); a model made
  harder to overfit (`让模型更难过拟合`, `让 model 难以 overfit`) is the reverse and stays clean.
- FC131: overfitting said to be bad now (`overfitting 比较严重，`) as the situation a cut of the data answers; fewer
  samples gathered (`少采点样本`); less left to memorise (`没那么多东西可以记`) as the cut's outcome; too much data named
  as the cause of overfitting in the same sentence (`过拟合的根源就是训练数据太多`); a cut said to make it worse
  (`只会更糟`, `适得其反`) stays clean.
- FC114: a high accuracy on imbalanced data said to show the model is good in an English word (`很 reliable`,
  `够 solid`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (FC140: the model named in English)
    ('数据增强用多了反而会让 model 过拟合，因为同样的图被看了太多遍。', 'FC140', True),  # (missed by the starting code)
    ('随机裁剪这类数据增广容易让 network 陷入过拟合。', 'FC140', True),  # (missed by the starting code)
    ('数据增强不会让 model 过拟合。', 'FC140', False),  # (guard)
    ('数据增强会让 model 过拟合吗？', 'FC140', False),  # (guard)
    ('有人说数据增强会让 model 过拟合，这不对。', 'FC140', False),  # (guard)
    ('数据增强会让模型更难过拟合。', 'FC140', False),  # (flagged by the starting code)
    ('数据增强会让 model 难以 overfit。', 'FC140', False),  # (guard)
    # (FC131: overfitting bad now, a cut of the data as the plan; too much data as its cause)
    ('过拟合有点严重，先把训练集砍到原来的三分之一看看。', 'FC131', True),  # (missed by the starting code)
    ('砍掉一些训练样本，model 就没那么多细节可以背。', 'FC131', True),  # (missed by the starting code)
    ('想缓解过拟合，下一批少收集点样本。', 'FC131', True),  # (missed by the starting code)
    ('为了缓解过拟合，下一批数据多收集点样本，别少采。', 'FC131', False),  # (guard)
    ('我一直觉得过拟合的主因就是训练数据过多。', 'FC131', True),  # (missed by the starting code)
    ('过拟合的原因是样本太多，模型把什么都学进去了。', 'FC131', True),  # (missed by the starting code)
    ('过拟合比较严重，这时候减少训练数据只会更糟。', 'FC131', False),  # (guard)
    ('过拟合了，这时候减少训练数据只会适得其反。', 'FC131', False),  # (flagged by the starting code)
    ('过拟合很严重，千万别减少训练数据，应该多采样本。', 'FC131', False),  # (guard)
    ('过拟合比较严重时，要不要减少训练数据？', 'FC131', False),  # (guard)
    ('过拟合的原因是模型太复杂，而不是训练数据太多。', 'FC131', False),  # (guard)
    ('过拟合的原因不是训练数据过多。', 'FC131', False),  # (guard)
    ('过拟合的原因是训练数据太多吗？', 'FC131', False),  # (guard)
    ('训练数据太多时训练会很慢。过拟合的原因是模型容量相对数据过大。', 'FC131', False),  # (guard)
    # (FC114: the verdict on the model in English)
    ('风控数据里 98% 都是正常样本，accuracy 达到 98.3% 就说明 model 够 solid 了。', 'FC114', True),  # (missed by the starting code)
    ('正负样本 1:99，准确率做到 99% 说明模型很 reliable，可以上线。', 'FC114', True),  # (missed by the starting code)
    ('正负样本 1:99，准确率做到 99% 并不说明模型很 reliable。', 'FC114', False),  # (guard)
    ('正负样本 1:99，准确率做到 99% 能说明模型很 reliable 吗？', 'FC114', False),  # (guard)
    ('正负样本 1:99，准确率做到 99% 是虚高，不说明模型 reliable。', 'FC114', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
