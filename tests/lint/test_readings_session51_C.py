"""Readings and rule phrasings added in the fifty-first session (group C), from the misses of the forty-ninth phrasing
set (a spoken voice: fillers, tag questions, claims told through advice), each shown on sentences of the helper's own
wording.

- the claim reading: a spoken filler 呃/嗯 with no comma after it (`呃 BPE …`, `…，呃因为…`, `scratch 呃其实…`) is read
  past as the filler with a comma was (FC379, and every claim rule);
- number claims: a size followed by 的 and a Latin quantity (`17.5B 的 parameters`, FC383); a term taken up with 拿 and a
  short job before 的话/时 (`拿 BERT-base 抽特征的话，…`) is what the next clause is about (FC385, FC386); the limit of
  BERT or GPT-3 named 上限 after the term or 它 (`它上限是 1024`), and 塞到/塞进 N 个 token (FC387, FC388);
- FC404: a bad outcome denied after the claim (`输出就很确定，不会乱说`) no longer counts as a denial;
- FC402: the whole sentence said as 整句话/整个句子, its certainty before 也 (`整句话的概率肯定也是最大的`);
- FC403: greedy decoding denied as the claim's contrast (`就是 sampling，跟 greedy decoding 不是一回事`);
- FC391: LoRA likened by what it does (`跟 LoRA 的处理方式没区别`) and matrices multiplied into W (`乘进原来的 W`);
- FC152: the teacher chosen as the small one (`教师模型选参数少的那个`);
- FC400: `跟策略模型是一起训的`; FC395: `前面的层全都冻着`, `梯度只算最后那一层`; FC409: the final distribution
  (`最终分布跟大模型的分布不一样`); FC407: longer candidates said to score higher after beam search is named.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('呃 BPE 这个算法呢，每一步都挑出现次数最少的相邻符号对来合并', 'FC379', True),  # (missed by the starting code)
    ('嗯 byte pair encoding 的训练呢，每轮挑最罕见的那一对去合并', 'FC379', True),  # (missed by the starting code)
    ('呃 BPE 每一轮都把出现次数最多的一对符号合起来', 'FC379', False),  # (guard)
    ('嗯 BPE 会不会优先合并最罕见的相邻字符对？', 'FC379', False),  # (guard)
    ('说到规模，GPT-3 是 1.75B 的 parameters 量级', 'FC383', True),  # (missed by the starting code)
    ('GPT3 这个模型，大概 17.5B 的 params', 'FC383', True),  # (missed by the starting code)
    ('GPT-3 是 175B 的 parameters 量级', 'FC383', False),  # (guard)
    ('GPT-3 并没有 17.5B 的 parameters，而是 175B', 'FC383', False),  # (guard)
    ('拿 BERT-base 算相似度的话，每个 token 是 1024 维', 'FC386', True),  # (missed by the starting code)
    ('拿 BERT-base 抽句向量的话，整个网络是 24 层', 'FC385', True),  # (missed by the starting code)
    ('拿 BERT-base 做句向量的话，每层输出的都是 768 维', 'FC386', False),  # (guard)
    ('拿 BERT-base 做分类时，不用管 BERT-large 那 24 层', 'FC385', False),  # (guard)
    ('BERT 用起来很方便，不过它的上限是 2048', 'FC387', True),  # (missed by the starting code)
    ('原版 BERT 上限就是 1024 个 token，超了才需要截断', 'FC387', True),  # (missed by the starting code)
    ('原版 BERT 上限就是 512 个 token，超了就要截断', 'FC387', False),  # (guard)
    ('BERT 微调时 batch size 上限是 1024', 'FC387', False),  # (guard)
    ('GPT-3 那时候一次能塞到 4096 个 token', 'FC388', True),  # (missed by the starting code)
    ('GPT-3 单次请求能塞到 3000 个 token', 'FC388', True),  # (missed by the starting code)
    ('GPT-3 一次最多塞进 2048 个 token', 'FC388', False),  # (guard)
    ('GPT-3 一次能塞到 4096 个 token 吗？', 'FC388', False),  # (guard)
    ('想让回复稳定一点，就把 temperature 往上调，这样回答就很确定，不会胡编', 'FC404', True),  # (missed by the starting code)
    ('温度调高以后输出更保守，不会跑偏', 'FC404', True),  # (missed by the starting code)
    ('温度调高以后输出更发散，不会更保守', 'FC404', False),  # (guard)
    ('把温度调高，输出并不会更确定，反而更容易胡说', 'FC404', False),  # (guard)
    ('贪心搜索每步挑最可能的 token，整个句子的概率必然也是最大的', 'FC402', True),  # (missed by the starting code)
    ('greedy decoding 逐步取 argmax，所以整句话的概率一定是最大的', 'FC402', True),  # (missed by the starting code)
    ('贪心搜索每步挑最可能的 token，整个句子的概率却未必是最大的', 'FC402', False),  # (guard)
    ('贪心解码得到的整句话的概率一定是最大的吗？', 'FC402', False),  # (guard)
    ('把 num_beams 设为 1，解码其实就是按分布随机抽样，跟贪心解码不是一回事', 'FC403', True),  # (missed by the starting code)
    ('束宽等于 1 时就等于随机采样，和 greedy 不是一回事', 'FC403', True),  # (missed by the starting code)
    ('束宽为 1 的束搜索和随机采样不是一回事，它等于贪心解码', 'FC403', False),  # (guard)
    ('num_beams 设为 1 时跟 sampling 不是一回事', 'FC403', False),  # (guard)
    ('Adapter 部署前可以把上下投影矩阵乘到原来的权重矩阵里，效果跟 LoRA 的合并做法没两样', 'FC391', True),  # (missed by the starting code)
    ('适配器模块训练完也能合并进原始权重，这一点和 LoRA 的处理没什么区别', 'FC391', True),  # (missed by the starting code)
    ('LoRA 训练完能合并进原始权重，适配器模块和 LoRA 的处理不一样，会多出几层', 'FC391', False),  # (guard)
    ('适配器能不能像 LoRA 那样把矩阵乘到原来的 W 里？', 'FC391', False),  # (guard)
    ('知识蒸馏里 teacher 要挑轻量的网络', 'FC152', True),  # (missed by the starting code)
    ('知识蒸馏时教师网络一般选参数量少的那个', 'FC152', True),  # (missed by the starting code)
    ('知识蒸馏时教师网络一般选参数量多的那个，学生选小的', 'FC152', False),  # (guard)
    ('知识蒸馏时教师网络该选参数少的吗？', 'FC152', False),  # (guard)
    ('RLHF 里 reward model 和 policy 都是一起训的', 'FC400', True),  # (missed by the starting code)
    ('PPO 阶段，奖励模型和策略模型也是同步更新的', 'FC400', True),  # (missed by the starting code)
    ('PPO 阶段奖励模型冻结，只有策略模型和价值网络一起训', 'FC400', False),  # (guard)
    ('PPO 阶段奖励模型并不和策略模型一起训', 'FC400', False),  # (guard)
    ('全量微调其实只给分类头算梯度，梯度只计算最后一层', 'FC395', True),  # (missed by the starting code)
    ('全参数微调时前面的层都冻着，不参与训练', 'FC395', True),  # (missed by the starting code)
    ('线性探测时梯度只算最后一层，全参数微调则更新全部参数', 'FC395', False),  # (guard)
    ('全参数微调的梯度只算最后一层吗？', 'FC395', False),  # (guard)
    ('投机解码用了草稿模型，所以最终分布和大模型的分布不一样', 'FC409', True),  # (missed by the starting code)
    ('用 speculative decoding 时，最终分布跟目标模型不完全一致', 'FC409', True),  # (missed by the starting code)
    ('用 speculative decoding 时，最终分布跟目标模型完全一致', 'FC409', False),  # (guard)
    ('投机解码的最终分布跟大模型一样吗？', 'FC409', False),  # (guard)
    ('集束搜索打分是对数概率相加，所以较长的序列得分会更高', 'FC407', True),  # (missed by the starting code)
    ('beam search 不加惩罚时，长一些的句子分数会更高', 'FC407', True),  # (missed by the starting code)
    ('beam search 打分是对数概率相加，所以较长的序列得分更低，偏向短句', 'FC407', False),  # (guard)
    ('beam search 里长的序列得分会更高吗？', 'FC407', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
