"""Readings and rule phrasings added in the fifty-fourth session (group D), from the misses of the fifty-second
phrasing set (a talk's questions and answers), each shown on sentences of the helper's own wording.

- the roles of a talk, a lecture or a sharing session (`主讲人：`, `讲者：`, `分享人：`, `提问者：`) take turns as a quiz
  show's do, and one of the audience is named by a letter or number after the role (`观众A：…？主讲人：…`, `听众2：`): a
  question and its answer read as the statement they make (FC175, FC384, FC388 and the others the answer states);
- a listener's question that names nothing (`观众：为什么？`, `效果怎么样？`) is read past: the answer goes on from the
  statement before it, its 它 or 两者 (FC389, FC391), and the number it gives is said of the term named before the
  question (FC385);
- an example named in the clause that opens a sentence (`拿 BERT-base 举例，`, `以 X 为例，`) is what the clauses after it
  tell of (FC384); not one named after another clause, nor one a formula is worked through on (`21128 * 768 = …`);
- by how much a thing shrinks, asked and answered (`能小多少？答：差不多一半`), reads with the answer in the place of
  多少; an INT8 model said to be `小一半` (FC415);
- a learner said to learn how to do a thing (`学生再学习怎么处理这些标签`) asks nothing: the sentence states (FC151);
- FC406: a later clause that turns p down (`p 调小候选就收窄`) is not the result of turning it up;
- FC407: without the normalisation, the search said to favour long sentences (`偏爱长句`) with no beam search named;
- FC408: the distribution said to lean toward the draft model's side (`往小模型那边偏`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('提问者：GPT 的预训练目标是什么？讲者：掩码语言模型，和 BERT 一样。', 'FC175', True),  # (missed by the starting code)
    ('提问者：GPT 的预训练目标是什么？讲者：自回归的下一个词预测。', 'FC175', False),  # (guard)
    ('听众2：GPT-3 的上下文窗口多长？分享人：8192 个 token。', 'FC388', True),  # (missed by the starting code)
    ('听众2：GPT-3 的上下文窗口多长？分享人：2048 个 token。', 'FC388', False),  # (guard)
    ('听众2：GPT-3 的上下文窗口是 8192 吗？分享人：不是，是 2048。', 'FC388', False),  # (guard)
    ('观众A：BERT-base 一共几层？演讲者：十二层。', 'FC385', False),  # (guard)
    ('我们线上跑的是 BERT-base。观众B：效果怎么样？讲者：还行，它有 24 层，推理有点慢。', 'FC385', True),  # (missed by the starting code)
    ('我们线上跑的是 BERT-base。观众B：效果怎么样？讲者：还行，它有 12 层，推理不算慢。', 'FC385', False),  # (guard)
    ('就拿 BERT-base 来说，隐藏层是 1024 维。', 'FC386', True),  # (guard)
    ('以 BERT-base 为例，参数量大约 3.4 亿。', 'FC384', True),  # (missed by the starting code)
    ('以 BERT-base 为例，参数量大约 1.1 亿。', 'FC384', False),  # (guard)
    ('拿 BERT-base 举例，BERT-large 才有 3.4 亿参数。', 'FC384', False),  # (guard)
    ('以 BERT-base 为例，它的参数量是 3.4 亿吗？', 'FC384', False),  # (guard)
    ('这一层做了扩展，以 BERT-base 为例，中间维度为 3072。', 'FC386', False),  # (guard)
    ('以 BERT-base 为例，词嵌入参数量为 30522 × 768 ≈ 2300 万。', 'FC384', False),  # (guard)
    ('我们这次选了 LoRA。观众：为什么？讲者：训练时 W0 也会一起更新，效果更好。', 'FC389', True),  # (missed by the starting code)
    ('我们这次选了 LoRA。观众：为什么？讲者：预训练权重冻结，只训练低秩矩阵，省显存。', 'FC389', False),  # (guard)
    ('我们这次选了 LoRA。观众：为什么？讲者：预训练权重会一起更新吗？不会。', 'FC389', False),  # (guard)
    ('团队在 LoRA 和 Adapter 之间犹豫过。为什么？两者训练完都能合并回原权重，推理没有额外开销。', 'FC391', True),  # (missed by the starting code)
    ('团队在 LoRA 和 Adapter 之间犹豫过。为什么？两者都省显存，但只有 LoRA 能合并回原权重。', 'FC391', False),  # (guard)
    ('核采样里 p 调大以后，候选集合反而变小。', 'FC406', True),  # (guard)
    ('把 top-p 设得越大，保留下来的候选词就越少。', 'FC406', True),  # (guard)
    ('top-p 越大候选越多，p 调小候选集合就收缩。', 'FC406', False),  # (missed by the starting code)
    ('p 越大集合越大，p 往小调则候选变少、输出更保守。', 'FC406', False),  # (missed by the starting code)
    ('p 调大以后候选集合会变小吗？', 'FC406', False),  # (guard)
    ('不归一化的话，解码器偏爱长句。', 'FC407', True),  # (missed by the starting code)
    ('不做归一化时，打分偏好长序列。', 'FC407', True),  # (missed by the starting code)
    ('不做长度归一化的话，束搜索偏爱短句。', 'FC407', False),  # (guard)
    ('束搜索不做归一化会偏爱长句吗？不会，反而偏短。', 'FC407', False),  # (guard)
    ('投机解码的采样分布会朝 draft model 那一侧偏移。', 'FC408', True),  # (missed by the starting code)
    ('投机解码输出的分布往小模型那头偏。', 'FC408', True),  # (missed by the starting code)
    ('投机解码的输出分布不会往小模型那边偏，和大模型完全一致。', 'FC408', False),  # (guard)
    ('投机解码的输出分布会往小模型那边偏吗？', 'FC408', False),  # (guard)
    ('INT8 权重存下来，体积比 FP32 小一半。', 'FC415', True),  # (missed by the starting code)
    ('问：FP32 换成 INT8 后模型文件能小多少？答：差不多一半。', 'FC415', True),  # (missed by the starting code)
    ('INT8 比 FP16 小一半，比 FP32 小四分之三。', 'FC415', False),  # (guard)
    ('INT8 模型不止小一半，体积只有 FP32 的四分之一。', 'FC415', False),  # (guard)
    ('INT8 模型会比 FP32 小一半吗？', 'FC415', False),  # (guard)
    ('问：FP32 换成 INT8 后模型文件能小多少？答：大约四分之三。', 'FC415', False),  # (guard)
    ('蒸馏时把教师输出的概率喂给学生网络当输入，让学生学会怎样模仿。', 'FC151', True),  # (missed by the starting code)
    ('教师的软标签作为学生的输入，学生再学着如何拟合。', 'FC151', True),  # (missed by the starting code)
    ('教师的软标签是学生的训练目标，学生学习如何拟合这些软标签。', 'FC151', False),  # (guard)
    ('教师的输出不是学生的输入，学生学会怎么拟合它就行。', 'FC151', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
