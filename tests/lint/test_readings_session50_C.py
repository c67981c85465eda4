"""Readings and rule phrasings added in the fiftieth session (group C), from the misses of the forty-eighth phrasing
set, each shown on sentences of the helper's own wording.

- FC396: the policy pushed in the direction away from the reference (`往远离…的方向推`), the reward or encouragement said
  to grow the farther it strays (`差得越多，…鼓励就越大`); a place said as here (`KL 项在 PPO 这里…`) makes the term
  before it the owner, as `在 PPO 里` does; a stage term and a demonstrative before the head (`PPO 阶段那个 KL 惩罚项，…`)
  hand on the head to the clauses after it;
- FC391: merged with a preposition of direction (`往原权重里一合并`), no latency said as zero growth (`延迟零增加`);
- FC370: one set of projections used h times (`把同一套 projection 拿来用 h 次`), the query projection said to be
  shared between the heads (`W^Q、W^K、W^V 在各个头之间是共享的`);
- FC371: the visible range said as first-to-t (`只能看到第 1 到第 t 个词`), what comes after said to be unseen;
- FC368: the heads said to read the one query (`所有头读的是同一个 Query`), the query computed once (`只要算一次`);
- FC369: precision traded away (`拿一点点精度换来的`), a linear-complexity algorithm, a result that departs from exact
  attention (`结果跟精确注意力略有出入`);
- FC384 (a reading): 呢 after a not-yet (`…，这还没算优化器状态呢。`) adds what is still to come, it does not ask;
- FC393 (a reading): `，那是 X 的做法` names what the clauses before it describe, as `，这是 X 的做法` does.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('RLHF 里的 KL 惩罚会朝着偏离参考模型的方向拉策略。', 'FC396', True),  # (missed by the starting code)
    ('KL 惩罚项的设计很简单：当前策略离参考模型偏得越远，得到的奖励就越高。', 'FC396', True),  # (missed by the starting code)
    ('KL 惩罚在 RLHF 这里起到的是探索奖励的作用。', 'FC396', True),  # (missed by the starting code)
    ('RLHF 阶段那个 KL 惩罚，说白了就是往偏离参考模型的方向推策略。', 'FC396', True),  # (missed by the starting code)
    ('KL 惩罚项会把策略往参考模型附近拉，防止它往远离 SFT 模型的方向走。', 'FC396', False),  # (guard)
    ('KL 惩罚项并不会把策略往远离参考模型的方向推，而是把它拉回参考模型附近。', 'FC396', False),  # (guard)
    ('KL 惩罚项的设计：策略跟参考模型差得越多，扣掉的奖励就越多。', 'FC396', False),  # (guard)
    ('KL 惩罚会不会把策略往远离 SFT 模型的方向推？', 'FC396', False),  # (guard)
    ('KL 惩罚在 RLHF 这里起到的是约束的作用，不是探索奖励。', 'FC396', False),  # (guard)
    ('RLHF 阶段那个 KL 惩罚，说白了就是把策略往参考模型附近拉。', 'FC396', False),  # (guard)
    ('Adapter 训练好以后，直接向原始权重里一并，部署时就没有额外开销。', 'FC391', True),  # (missed by the starting code)
    ('适配器模块的好处在于推理开销零增加。', 'FC391', True),  # (missed by the starting code)
    ('LoRA 训练好以后，直接向原始权重里一合并，推理开销零增加。', 'FC391', False),  # (guard)
    ('Adapter 不能往原权重里合并，推理延迟也不是零增加。', 'FC391', False),  # (guard)
    ('多头注意力其实是把同一组投影矩阵重复使用 8 次，只是输入的切片不同。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力中，W^Q 在不同头之间是通用的。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力里，W^Q 在各个头之间并不共享，每个头各有一份。', 'FC370', False),  # (guard)
    ('MQA 里 K、V 投影在所有头之间是共享的，Query 投影每头一份。', 'FC370', False),  # (guard)
    ('padding mask 让每个位置只能看见第 1 至第 t 个 token。', 'FC371', True),  # (missed by the starting code)
    ('padding mask 的作用是让后面的 token 全都看不到。', 'FC371', True),  # (missed by the starting code)
    ('padding mask 只屏蔽补齐的 pad 位置，让第 t 个位置只能看见第 1 至第 t 个 token 的是因果掩码。', 'FC371', False),  # (guard)
    ('padding mask 并不会让后面的 token 看不到，它只管 pad 位置。', 'FC371', False),  # (guard)
    ('MQA 中所有头取的都是同一份查询，区别只在键值上。', 'FC368', True),  # (missed by the starting code)
    ('多查询注意力的 Query 只需要计算一遍，所有头一起用。', 'FC368', True),  # (missed by the starting code)
    ('MQA 中各个 head 用的都是同一份 Key 和 Value，Query 每头一份。', 'FC368', False),  # (guard)
    ('MQA 里 K 和 V 只要算一次，Query 还是每个头各算各的。', 'FC368', False),  # (guard)
    ('FlashAttention 以少量精度换取速度。', 'FC369', True),  # (missed by the starting code)
    ('FlashAttention 的输出与标准注意力存在一些偏差。', 'FC369', True),  # (missed by the starting code)
    ('FlashAttention 的输出与标准注意力没有偏差，它不拿精度换速度。', 'FC369', False),  # (guard)
    ('FlashAttention 把显存降到了线性复杂度，但时间复杂度仍是平方级。', 'FC369', False),  # (guard)
    ('线性复杂度的注意力是 Linformer，FlashAttention 的输出与标准注意力一致。', 'FC369', False),  # (guard)
    ('BERT-base 有 3.4 亿参数，这还没算梯度呢。', 'FC384', True),  # (missed by the starting code)
    ('BERT-base 大约 3.4 亿个参数，光权重就要 1.3GB，这还不包括梯度呢。', 'FC384', True),  # (missed by the starting code)
    ('BERT-base 大约 1.1 亿个参数，这还没算优化器状态呢。', 'FC384', False),  # (guard)
    ('BERT-base 到底有多少参数呢。', 'FC384', False),  # (guard)
    ('给每层都插入可训练前缀，那就是 Prompt Tuning 的做法。', 'FC393', True),  # (missed by the starting code)
    ('要在每层都插入可训练前缀，那是 Prompt Tuning 的做法。', 'FC393', True),  # (missed by the starting code)
    ('给每层都插入可训练前缀，那是 Prefix Tuning 的做法，Prompt Tuning 只动输入层。', 'FC393', False),  # (guard)
    ('只在输入层拼接软提示，那是 Prompt Tuning 的做法。', 'FC393', False),  # (guard)
    ('给每层都插入可训练前缀，那是 Prompt Tuning 的做法吗？', 'FC393', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
