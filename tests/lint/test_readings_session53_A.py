"""Readings and rule phrasings added in the fifty-third session (group A), from the misses of the fifty-first phrasing
set (dialogue scenes), each shown on sentences of the helper's own wording.

- FC483: the regularisation named by its short name 正则 before a move (`正则越强，模型越复杂`) is the knob;
- FC482: the dropout rate named by its symbol p with Dropout right after its move (`p 越小 Dropout 的…`), or by how
  much is dropped (`丢得越多`), is the knob;
- FC307: MAE's reaction to outliers compared with another loss's (`对异常值的反应比 MSE 大得多`);
- FC308: the easy examples' weight said to be blown up more (`易分样本的权重被放大得越多`);
- FC136: Dropout kept (`保留`) at inference;
- FC311: a clause that forbids adding softmax before the loss (`别在 CrossEntropyLoss 前面加 softmax`) states no slip;
- a yes/no question asked with a final particle and answered no by the question's verb after its negation (`…需要验证集
  吗？B：不需要`) reads as the statement the answer makes (`…不需要验证集`), and a negative question answered by its own
  negation (`…不会…吧？B：不会`) as it asks (FC137, FC135); not a question of both at once (`能同时解决 A 和 B 吗？不能`)
  nor a passive one (`会被 BP 罚吗？不会`), and a yes said by echoing no longer opens an answer that goes on with a
  Latin word (`是 longest common subsequence`, `对 SGD 来说`); an answer that opens `一般反过来` says no;
- a dialogue's speakers named as colleagues call each other (`阿杰`, `老韩`, `苏姐`, `林工`), a stage direction maybe
  between name and colon (`苏姐（扫了一眼）：`), are the question's asker and answerer (FC134).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('权重衰减也好 L1 也好，正则越强，网络就越复杂。', 'FC483', True),  # (missed by the starting code)
    ('正则越弱，模型越不容易过拟合。', 'FC483', True),  # (missed by the starting code)
    ('正则越强，模型越简单，越不容易过拟合。', 'FC483', False),  # (guard)
    ('正则越强模型就越复杂吗？', 'FC483', False),  # (guard)
    ('正则越弱，模型越容易过拟合。', 'FC483', False),  # (guard)
    ('把 p 调成 0.1 是因为 p 越小 dropout 的正则化效果就越强。', 'FC482', True),  # (missed by the starting code)
    ('神经元丢得越少，过拟合就越轻。', 'FC482', True),  # (missed by the starting code)
    ('p 越大 Dropout 的正则作用越强。', 'FC482', False),  # (guard)
    ('丢得越多，正则越强。', 'FC482', False),  # (guard)
    ('p 越小 Dropout 的正则作用越强吗？', 'FC482', False),  # (guard)
    ('平均绝对误差对离群点的响应要比均方误差剧烈。', 'FC307', True),  # (missed by the starting code)
    ('有脏数据时 MAE 对异常值的反应比 MSE 大得多。', 'FC307', True),  # (missed by the starting code)
    ('MSE 对异常值的反应比 MAE 大得多。', 'FC307', False),  # (guard)
    ('MAE 对异常值的反应并不比 MSE 大。', 'FC307', False),  # (guard)
    ('MAE 对异常值的反应比 MSE 大吗？', 'FC307', False),  # (guard)
    ('焦点损失的 γ 调得越大，易分样本的权重被放大得越多。', 'FC308', True),  # (missed by the starting code)
    ('用了 focal loss 以后，简单样本的损失会被放大得更厉害。', 'FC308', True),  # (missed by the starting code)
    ('焦点损失的 γ 越大，难分样本的权重被放大得越多。', 'FC308', False),  # (guard)
    ('focal loss 里易分样本的损失会被放大得更厉害吗？', 'FC308', False),  # (guard)
    ('focal loss 里易分样本的损失并不会被放大得更厉害，而是被压低。', 'FC308', False),  # (guard)
    ('部署到线上以后预测阶段仍然保留 Dropout。', 'FC136', True),  # (missed by the starting code)
    ('为了和训练一致，测试时同样保留 dropout。', 'FC136', True),  # (missed by the starting code)
    ('训练时要保留 Dropout，推理时就关掉。', 'FC136', False),  # (guard)
    ('推理时不要再保留 Dropout。', 'FC136', False),  # (guard)
    ('测试时也要保留 Dropout 吗？', 'FC136', False),  # (guard)
    ('千万不要在 CrossEntropyLoss 前面再加 softmax，它自己会做 LogSoftmax。', 'FC311', False),  # (flagged by the starting code)
    ('别在 nn.CrossEntropyLoss 之前加 softmax，输入应当是 logits。', 'FC311', False),  # (flagged by the starting code)
    ('CrossEntropyLoss 前面要先加一层 softmax。', 'FC311', True),  # (guard)
    ('用 CrossEntropyLoss 时最后要加 softmax。', 'FC311', True),  # (guard)
    ('小王：训练 early stopping 时有必要留验证集吗？老师：没必要。', 'FC137', True),  # (missed by the starting code)
    ('阿杰：做早停的时候需要单独划出一个验证集吗？老韩：不需要，训练误差不降就停。', 'FC137', True),  # (missed by the starting code)
    ('早停要用验证集吗？不用，训练集上的 loss 不再下降就可以停了。', 'FC137', True),  # (missed by the starting code)
    ('阿杰：早停需要验证集吗？老韩：需要，不然会过拟合。', 'FC137', False),  # (guard)
    ('阿杰：早停需要验证集吗？老韩：不需要吗？当然需要。', 'FC137', False),  # (guard)
    ('唐唐：L1 正则化和权重衰减是一回事吗？许博：不是，权重衰减对应 L2。', 'FC135', False),  # (guard)
    ('阿杰：L1 正则不会让权重变稀疏吧？许博：不会。', 'FC135', True),  # (missed by the starting code)
    ('林工：L1 正则能产生稀疏解吗？陈总：不能。', 'FC135', True),  # (missed by the starting code)
    ('林工：L1 正则能产生稀疏解吗？陈总：能，这正是它和权重衰减的区别。', 'FC135', False),  # (guard)
    ('阿杰（翻着笔记）：L2 正则化会让权重变成精确的 0 吗？苏姐：会的。', 'FC134', True),  # (missed by the starting code)
    ('老韩：L2 正则会产生稀疏解吗？林工（摇头）：会的。', 'FC134', True),  # (missed by the starting code)
    ('阿杰：L2 正则化会产生稀疏解吗？林工：不会，它只会让权重整体变小。', 'FC134', False),  # (guard)
    ('阿杰：L2 正则化会产生稀疏解吗？', 'FC134', False),  # (guard)
    ('阿杰：早停需要验证集吗？老韩：不需要，但是训练集上的 loss 不能当判据。', 'FC137', True),  # (missed by the starting code)
    ('阿杰：参数越少越容易过拟合？苏姐：一般反过来，参数太少通常是欠拟合。', 'FC132', False),  # (guard)
    ('阿杰：梯度裁剪能同时解决梯度过大和过小吗？老韩：不能，它只管过大的梯度。', 'FC141', False),  # (guard)
    ('阿杰：我的译文比参考长，会被 BP 罚吗？许博：不会，c > r 时 BP = 1。', 'FC302', False),  # (guard)
    ('阿杰：ROUGE-L 里的 LCS 是最长公共子串吗？林工：是 longest common subsequence，不要求连续。', 'FC303', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
