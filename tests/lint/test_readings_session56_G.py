"""Readings added in the fifty-sixth session (group G), from what the earlier helpers left of the misses of the
fifty-fourth phrasing set, each shown on sentences of the helper's own wording.

- a positive report counted (`报阳 200 人`, `判阳 60 位`) is what was flagged, and among the actual positives the part
  found; `阳性` after 报/判 no longer names the actual positives (ratiocheck, FC473)
- softmax the subject of its own clause after an output layer's colon or arrow (`输出层：softmax 会让标签互相竞争`)
  gives it to no multi-label task (FC120)
- softmax put on by hand with its harm told right after (`手动套一层 softmax → 梯度变小`) is a warning, not advice
  (FC311)
- `自然` before 越/更 (`…，自然越小越好`) goes on with the term before, as `自然就` did (claims._CONTINUES_RE, FC109)
- F1 as half the sum said with `除二`/`除 2` and `等权相加` (FC108); a bare 比 before a term and its colon on a slide
  (`→ 比 F1：…`) is the verb compare, not than: what follows the colon is said of the term (claims._is_object)
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    # (a positive report counted)
    ('门诊试点：报阳 200 人，其中确诊 150 人，所以召回率为 75%。', 'FC473', True),  # (missed by the starting code)
    ('80 位确诊患者里判阳 60 位，特异度就是 75%。', 'FC473', True),  # (missed by the starting code)
    ('门诊试点：报阳 200 人，其中确诊 150 人，所以精确率为 75%。', 'FC473', False),  # (guard)
    ('80 位确诊患者里判阳 60 位，召回率就是 75%。', 'FC473', False),  # (guard)
    ('报阳 200 人，其中确诊 150 人，召回率是 75% 吗？', 'FC473', False),  # (guard)
    # (softmax the subject of its own clause after the output layer's colon)
    ('多标签任务的输出层：softmax 会让标签互相竞争，所以改用 sigmoid。', 'FC120', False),  # (flagged by the starting code)
    ('多标签的输出层：softmax 只适合互斥类别，这里逐标签用 sigmoid。', 'FC120', False),  # (flagged by the starting code)
    ('多标签任务的输出层：softmax，再接交叉熵。', 'FC120', True),  # (guard)
    ('多标签分类输出层 → softmax。', 'FC120', True),  # (guard)
    # (softmax put on by hand, its harm told after)
    ('CrossEntropyLoss 前手动套一层 softmax → 梯度变小，所以别这么做。', 'FC311', False),  # (flagged by the starting code)
    ('nn.CrossEntropyLoss 直接吃 logits，自己再加一层 softmax 会重复归一化。', 'FC311', False),  # (flagged by the starting code)
    ('CrossEntropyLoss 之前需要手动加一层 softmax。', 'FC311', True),  # (guard)
    ('nn.CrossEntropyLoss 前面要自己套一层 softmax，把输出变成概率。', 'FC311', True),  # (guard)
    # (`自然` before 越 goes on with the term)
    ('挑 B 上线，错判更少（备注：AUC 就是出错区域的大小，自然越小越好。）', 'FC109', True),  # (missed by the starting code)
    ('两版对比，留下 AUC 低的那个（讲者备注：ROC 曲线下面积反映误报，自然越低越好。）', 'FC109', True),  # (missed by the starting code)
    ('选 A（讲者备注：AUC 衡量排序能力，自然越大越好。）', 'FC109', False),  # (guard)
    ('选 A（讲者备注：AUC 衡量排序能力，自然不是越小越好。）', 'FC109', False),  # (guard)
    ('选 A（讲者备注：AUC 是不是自然越小越好？）', 'FC109', False),  # (guard)
    # (F1 as half the sum, `除二`; 比 before a term and its colon)
    ('F1 就是把 P、R 相加除 2 得到的。', 'FC108', True),  # (missed by the starting code)
    ('F1 分数等于精确率和召回率等权相加再除二。', 'FC108', True),  # (missed by the starting code)
    ('两个模型 → 比 F1：P 与 R 直接相加除以 2，大的上线。', 'FC108', True),  # (missed by the starting code)
    ('两个模型 → 比 F1：P 与 R 的调和平均，大的上线。', 'FC108', False),  # (guard)
    ('算 F1 时 P 与 R 不是简单相加再除二，而是取调和平均。', 'FC108', False),  # (guard)
    ('F1 是 P 与 R 相加再除二吗？', 'FC108', False),  # (guard)
    ('macro-F1 是把各类 F1 相加再除二得到的。', 'FC108', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
