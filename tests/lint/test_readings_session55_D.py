"""Readings added in the fifty-fifth session (group D), from the misses of the fifty-third phrasing set, each shown on
sentences of the helper's own wording.

- a tag aside at a sentence's end that asks only whether the listener knew or is surprised (`…，你知道吗？`,
  `…，你是不是觉得很神奇？`, `…，没想到吧？`: text.invite_tail) asks nothing of what the clauses before it state: the sentence
  is split there (document.Unit.sentences and TextLayer.sentences), so a rule's question guard no longer hides the claim
  (FC390, FC404 and every pattern rule); `…，对吧？` still asks whether it is right.
- 什么 of an indefinite after a negation (`看不出多了什么`, `不需要什么特殊的算子`) asks nothing (text._NOT_ASKING_RE,
  and QUESTION_END_RE no longer reads its 么 as a final particle).
- wider phrasings: the gradient said to flow on into W0, and W0 said to have changed (FC389); the long candidates' score
  said to be pressed down, each token said to add to the score (FC407); one candidate kept, then the word drawn by lot
  (FC403); 温度一升 (FC404); 用精度换速度, 有些偏差 (FC408); the policy pushed outward or driven to try different answers
  (FC396); no overhead at all, the amount before the negation (FC391); 只动输入嵌入层 (FC394); 小巧/小小的 teacher
  (FC152); 稀疏度 50% 就能直接快一倍, 不需要特殊的算子 (FC411); 把不重要的参数去掉 (FC414); 瘦一半 (FC415).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or flagged) by it
CASES = [
    ('LoRA 把 rank 调大，可训练的参数就越少，没想到吧？', 'FC390', True),  # (missed by the starting code)
    ('温度调高以后输出会更确定，大家知道吗？', 'FC404', True),  # (missed by the starting code)
    ('LoRA 的秩 r 越大，可训练的参数就越多，你知道吗？', 'FC390', False),  # (guard)
    ('LoRA 的秩 r 越大，可训练的参数越少，对吧？', 'FC390', False),  # (guard)
    ('温度调高以后输出会更确定吗？', 'FC404', False),  # (guard)
    ('Adapter 训练后可以合并进原权重，部署时看不出多了什么。', 'FC391', True),  # (missed by the starting code)
    ('非结构化剪枝在普通 GPU 上就能加速，用不着什么稀疏算子。', 'FC411', True),  # (guard)
    ('Adapter 为什么没法合并进原权重？', 'FC391', False),  # (guard)
    ('非结构化剪枝在普通 GPU 上不会加速，除非用上什么专门的稀疏算子。', 'FC411', False),  # (guard)
    ('用 LoRA 微调时，反传的梯度除了更新 B、A，还会传到 W0。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 微调后预训练权重已经变了样。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 训练时梯度只流向 B 和 A，不会流到 W0。', 'FC389', False),  # (guard)
    ('全参数微调之后原始权重已经变了，而 LoRA 的 W0 保持冻结。', 'FC389', False),  # (guard)
    ('LoRA 训练后原始权重变了吗？', 'FC389', False),  # (guard)
    ('beam search 打分时每多输出一个 token，总分都往上涨一截。', 'FC407', True),  # (missed by the starting code)
    ('给束搜索加长度惩罚，是为了把过长的输出的得分压下来。', 'FC407', True),  # (missed by the starting code)
    ('束搜索里每多生成一个词，得分就加上一个负的对数概率，所以偏向短句。', 'FC407', False),  # (guard)
    ('长度惩罚是用来把长句子的分数压下去的吗？', 'FC407', False),  # (guard)
    ('束搜索每多生成一个词，得分并不会往上加，而是往下减。', 'FC407', False),  # (guard)
    ('beam search 的束宽为 1 时每一步只保留一个候选，下一个词靠抽签决定。', 'FC403', True),  # (missed by the starting code)
    ('束宽为 1 时只留一条路径，然后按分布随机挑一个词接上去。', 'FC403', True),  # (missed by the starting code)
    ('束宽为 1 时只保留一个候选，每步取概率最大的词，不用掷骰子。', 'FC403', False),  # (guard)
    ('束宽为 1 时只保留一个候选，等价于贪心解码；要掷骰子得改用采样。', 'FC403', False),  # (guard)
    ('束宽为 1 时只留一个候选，是不是就靠抽签选词了？', 'FC403', False),  # (guard)
    ('温度一升高，模型输出就更保守了。', 'FC404', True),  # (missed by the starting code)
    ('温度一升，输出就更随机了，不会更保守。', 'FC404', False),  # (guard)
    ('温度一升，回答会更保守吗？', 'FC404', False),  # (guard)
    ('温度一高，分布就更平坦，回答也更发散。', 'FC404', False),  # (guard)
    ('推测解码本质上是拿一点生成质量换取速度。', 'FC408', True),  # (missed by the starting code)
    ('投机解码的输出分布和大模型相比有些偏差。', 'FC408', True),  # (missed by the starting code)
    ('投机解码并不是用精度换速度，输出分布和大模型完全一致。', 'FC408', False),  # (guard)
    ('量化是用精度换速度，投机解码则不损失精度。', 'FC408', False),  # (guard)
    ('投机解码是不是用精度换速度？', 'FC408', False),  # (guard)
    ('RLHF 里的 KL 惩罚会逼着策略去尝试和 SFT 模型不同的回答。', 'FC396', True),  # (missed by the starting code)
    ('KL 惩罚项像一只手，推着策略往外跑。', 'FC396', True),  # (missed by the starting code)
    ('KL 惩罚防止策略为了奖励去尝试太不一样的回答。', 'FC396', False),  # (guard)
    ('KL 惩罚不会逼着模型尝试不同的回答，而是把它拉回参考模型附近。', 'FC396', False),  # (guard)
    ('KL 惩罚会推着策略往外走吗？', 'FC396', False),  # (guard)
    ('加了适配器模块以后，推理时一点额外开销都没有。', 'FC391', True),  # (missed by the starting code)
    ('Adapter 推理时半点额外延迟也没有。', 'FC391', True),  # (missed by the starting code)
    ('LoRA 合并以后推理时一点额外开销都没有。', 'FC391', False),  # (guard)
    ('Adapter 推理时会多出几层计算，不是一点开销都没有。', 'FC391', False),  # (guard)
    ('Adapter 推理时一点额外开销都没有吗？', 'FC391', False),  # (guard)
    ('前缀调优只动输入嵌入层。', 'FC394', True),  # (missed by the starting code)
    ('Prefix tuning 训练时仅改 embedding 层，其余层不变。', 'FC394', True),  # (missed by the starting code)
    ('Prefix tuning 不只动输入嵌入层，每一层的 Key/Value 前都有前缀。', 'FC394', False),  # (guard)
    ('Prompt tuning 只动输入嵌入层，Prefix tuning 则每层都加前缀。', 'FC394', False),  # (guard)
    ('Prefix tuning 是不是只动输入嵌入层？', 'FC394', False),  # (guard)
    ('知识蒸馏里通常拿一个小巧的网络当教师。', 'FC152', True),  # (missed by the starting code)
    ('蒸馏时先准备一个小小的 teacher，再去教大模型。', 'FC152', True),  # (guard)
    ('知识蒸馏里教师并不是小巧的模型，而是大模型。', 'FC152', False),  # (guard)
    ('知识蒸馏里学生模型一般是小巧的网络。', 'FC152', False),  # (guard)
    ('知识蒸馏能不能用小巧的 teacher？', 'FC152', False),  # (guard)
    ('细粒度剪枝后稀疏度 50% 就可以直接快一倍。', 'FC411', True),  # (missed by the starting code)
    ('非结构化剪枝完全不需要专门的算子。', 'FC411', True),  # (missed by the starting code)
    ('非结构化剪枝稀疏度 50% 并不能直接快一倍，需要专门的算子。', 'FC411', False),  # (guard)
    ('结构化剪枝不需要特殊的算子。', 'FC411', False),  # (guard)
    ('非结构化剪枝稀疏度 50% 就能快一倍吗？', 'FC411', False),  # (guard)
    ('INT8 量化会把冗余的权重删掉，所以模型变小。', 'FC414', True),  # (missed by the starting code)
    ('量化就是将一部分参数给去掉。', 'FC414', True),  # (missed by the starting code)
    ('量化不会把不重要的参数去掉，只是降低位宽。', 'FC414', False),  # (guard)
    ('剪枝会把不重要的参数去掉，量化只降低位宽。', 'FC414', False),  # (guard)
    ('量化会把不重要的参数去掉吗？', 'FC414', False),  # (guard)
    ('FP32 权重转成 INT8 后，体积刚好瘦一半。', 'FC415', True),  # (missed by the starting code)
    ('INT8 存一个 FP32 模型，大小恰好瘦了一半。', 'FC415', True),  # (missed by the starting code)
    ('FP32 转 INT8 体积瘦到四分之一，FP16 才是刚好减一半。', 'FC415', False),  # (guard)
    ('FP32 转 INT8 体积会瘦一半吗？', 'FC415', False),  # (guard)
    ('FP32 转 INT8 体积不是瘦一半，而是变成四分之一。', 'FC415', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
