"""Readings and rule phrasings added in the forty-ninth session (group C), from the forty-seventh phrasing set's
storyteller voice (`话说…`, `看官，…`), each shown on sentences of my own wording.

Bindings:

- `看官，` / `列位看官，` only address the hearers: the next clause opens the topic;
- a clause that tells who brought a term out (`2019 年谷歌推出 T5，…`, `谷歌放出的基础款 BERT-base，…`) sets it as the topic;
- a clause whose only term is what its unnamed subject is likened to (`…，模型本身则与 GPT 一样，…`) goes on with the topic
  as well, and does not end it;
- `这 X 的路数，…` opens on X (a demonstrative before the term);
- `大模型并行验证` is a model verifying in parallel, not model parallelism;
- `其用意是…` after a clause that adds a term (also `掺着一项 X`) is said of the added term;
- `说穿了，` is a discourse marker like `说白了，`;
- `叫模型猜下一个词是什么，` is an indirect question: the clause states.

Vocabulary: LoRA's W0 updated `一道`, the optimiser holding W0's gradients; beam width `调到 1`, outputs that differ from
run to run; temperature lowered for `天马行空`, raised `拉高` for stability; top-p set to 0.9x leaving only a few words;
length blamed on missing length normalisation; BART with `一叠编码器`; full fine-tuning computing gradients for the last
layer only; a heavier KL pushing the policy farther away; BERT `瞧见` only the left.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), my own wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('看官，DPO 这套方法仍要先拿偏好数据训出一个显式的奖励模型，然后再跑 PPO。', 'FC397', True),  # (caught by the starting code too)
    ('看官，DPO 这套方法不用先训奖励模型，也不跑 PPO。', 'FC397', False),  # (guard)
    ('列位看官，PPO 这一阶段冻结的是策略模型，真正被优化器调整的是 reward model。', 'FC399', True),  # (missed by the starting code)
    ('列位看官，PPO 这一阶段冻结的是 reward model，被优化器调整的是策略模型和 critic。', 'FC399', False),  # (guard)
    ('2019 年谷歌推出 T5，只用一叠解码器。', 'FC375', True),  # (caught by the starting code too)
    ('2019 年谷歌推出 T5，不只用一叠解码器，编码器也保留着。', 'FC375', False),  # (guard)
    ('话说 2021 年 Hu 等人提出 LoRA，训练时原权重 W0 也跟着一块儿更新。', 'FC389', True),  # (caught by the starting code too)
    ('话说 2021 年 Hu 等人提出 LoRA，训练时 W0 冻结，只有 B 和 A 一道更新。', 'FC389', False),  # (guard)
    ('OpenAI 当年发布的完整版 GPT-3，参数只有 13B。', 'FC383', True),  # (missed by the starting code)
    ('OpenAI 当年发布的完整版 GPT-3，参数有 175B。', 'FC383', False),  # (guard)
    ('谷歌推出 T5，它把各种任务都写成文本到文本，结构上则跟 GPT 一样，只有解码器。', 'FC375', True),  # (missed by the starting code)
    ('谷歌推出 T5，它把各种任务都写成文本到文本，结构上则跟 BART 一样，编码器和解码器都有。', 'FC375', False),  # (guard)
    ('这投机解码的思路，是草稿模型先猜、大模型并行核对，可生成的分布还是和大模型的分布有了偏差。', 'FC408', True),  # (missed by the starting code)
    ('这投机解码的思路，是草稿模型先猜、大模型并行核对，生成的分布与大模型完全一致。', 'FC408', False),  # (guard)
    ('PPO 训练里额外掺着一项 KL 惩罚，其用意是鼓励策略远离参考模型。', 'FC396', True),  # (caught by the starting code too)
    ('PPO 训练里额外掺着一项 KL 惩罚，其用意是防止策略远离参考模型。', 'FC396', False),  # (guard)
    ('说穿了，BART 只有一叠编码器，没有解码器。', 'FC378', True),  # (caught by the starting code too)
    ('说穿了，BART 不只是一叠编码器，它还有一个自回归解码器。', 'FC378', False),  # (guard)
    ('BERT 预训练时叫模型接着猜下一个词是什么，猜对了就加分。', 'FC176', True),  # (missed by the starting code)
    ('BERT 预训练时让模型猜被遮住的词是什么，猜下一个词是 GPT 的做法。', 'FC176', False),  # (guard)
    ('BERT 预训练时会让模型猜下一个词是什么吗？', 'FC176', False),  # (guard)
    ('BERT 在编码时，每个 token 只能瞧见它左边的词。', 'FC173', True),  # (missed by the starting code)
    ('BERT 在编码时，每个 token 左右两边的词都能瞧见。', 'FC173', False),  # (guard)
    ('用 LoRA 微调时，优化器里还得存着 W0 的梯度和动量。', 'FC389', True),  # (missed by the starting code)
    ('用 LoRA 微调时，优化器里只存着 A 和 B 的梯度和动量，没有 W0 的。', 'FC389', False),  # (guard)
    ('num_beams 调到 1 之后，同一句话解码两次，得到的译文往往不一样。', 'FC403', True),  # (missed by the starting code)
    ('num_beams 调到 1 之后就是贪心解码，同一句话解码两次，得到的译文完全一样。', 'FC403', False),  # (guard)
    ('束宽为 1 时跟束宽为 5 时输出的句子不同。', 'FC403', False),  # (guard)
    ('想让回答天马行空一些，就把温度调低。', 'FC404', True),  # (missed by the starting code)
    ('想让回答天马行空一些，就把温度调高。', 'FC404', False),  # (guard)
    ('客服问答求稳，就把 temperature 拉高。', 'FC404', True),  # (missed by the starting code)
    ('客服问答求稳，千万别把 temperature 拉高。', 'FC404', False),  # (guard)
    ('核采样把 p 设为 0.95 时，候选集里只剩两三个 token。', 'FC406', True),  # (missed by the starting code)
    ('核采样把 p 设为 0.95 时，如果分布很尖，候选集里可能只剩两三个 token。', 'FC406', False),  # (guard)
    ('核采样把 p 设为 0.95 时候选很多，p 为 0.1 时只剩几个 token。', 'FC406', False),  # (guard)
    ('摘要总是又臭又长，原因就在于束搜索没有加长度惩罚。', 'FC407', True),  # (missed by the starting code)
    ('摘要总是偏短，原因就在于束搜索没有加长度惩罚。', 'FC407', False),  # (guard)
    ('摘要冗长并不在于束搜索没有加长度惩罚。', 'FC407', False),  # (guard)
    ('全参数微调只为最后一层计算梯度，其余各层一律冻结。', 'FC395', True),  # (missed by the starting code)
    ('全参数微调会为每一层计算梯度；只为最后一层计算梯度的是线性探测。', 'FC395', False),  # (guard)
    ('KL 系数加大之后，惩罚越强，策略离 SFT 模型就越远。', 'FC396', True),  # (missed by the starting code)
    ('KL 系数加大之后，惩罚越强，策略离 SFT 模型就越近。', 'FC396', False),  # (guard)
    ('KL 系数越大，离 SFT 模型越远的回答被罚得越重。', 'FC396', False),  # (guard)
    ('KL 系数越小，策略离 SFT 模型越远。', 'FC396', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
