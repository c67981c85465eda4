"""Merge mends of the fifty-fourth session, each found by the dump of every phrasing set against the session's starting
code and shown here on sentences of my own wording.

- a previous subject named again in a later clause carries the sentence on (helper I) only when that clause does not
  deny it: `…把原始数据汇总到中心统一训练，就不是联邦学习了` says what federated learning is not (FC153), and only when the
  term leads its clause: `所以，在机器学习里一般直接用交叉熵做损失函数` names it as an object (FC117; three false alarms on
  development files found by the precision gate);
- the classical reading takes no 为 of a verb compound (`混为一谈`, `分为`, `变为`) as a copula, and no 乃 before 是
  (`乃是`): a definition quoted and rejected in that register stays rejected (FC101);
- a unit without a question mark is read only in the modern register by the pattern kinds, not merged as a question
  and its answer (`面试官问…，我答：…`) (FC158, shown by the phrasing sets);
- a symptom with the advice to look for its fault (helper A) is no symptom when a claim follows the advice after a
  colon (`出现 inf 时先查数据：FP16 能表示到…`), nor is a figure checked (`算出 MRR 是 2，核对无误`) advice (FC420, FC305).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's code before the mend did: a guard was right then and is now, the others were wrong then
CASES = [
    ('联邦学习的做法：各方在本地训练，只上传梯度。\n提醒：把用户的原始数据汇总到中心统一训练，就不是联邦学习了。', 'FC153', False),  # (flagged before the mend)
    ('联邦学习就是把各方的原始数据汇总到服务器上统一训练。', 'FC153', True),  # (guard)
    ('召回率亦即 TPR，分母为实际为正之样本；以“预测为正者中真正为正的比例”释之，乃是将其与精确率混为一谈。', 'FC101', False),  # (flagged before the mend)
    ('以“预测为正者中真正为正的比例”释召回率者，乃将其与精确率混为一谈矣。', 'FC101', False),  # (guard)
    ('召回率者，预测为正者中真正为正之比例也，亦即查全率。', 'FC101', True),  # (guard)
    ('混合精度训练里出现 inf 时先查数据：FP16 能表示到 3.4×10^38，上溢不可能是精度造成的。', 'FC420', True),  # (missed before the mend)
    ('混合精度训练里出现 inf 时先查 loss scaling：FP16 最大只能表示约 65504，上溢很常见。', 'FC420', False),  # (guard)
    ('要衡量标签和预测的差距，本可以用 KL 散度，但标签的熵是常数。因此，为了方便，只需关注交叉熵就行了。所以，在机器学习里一般直接用交叉熵做损失函数来评估模型。', 'FC117', False),  # (flagged before the mend)
    ('三个查询的首个相关结果依次排在第 1、2、3 名，于是算出 MRR 是 2，核对无误。', 'FC305', True),  # (missed before the mend)
    ('例子里三个查询的首个相关结果分别排第 1、2、3 位，算出 MRR 约为 0.61，已核对无误。', 'FC305', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
