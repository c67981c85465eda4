"""Readings and rule phrasings added in the fifty-second session (group C), from the misses of the fiftieth phrasing
set, each shown on sentences of the helper's own wording.

- FC367: the FFN named as `feed-forward 层`; the positions' information said to be mixed together (`混到一起`); the term
  of a cleft pointed at with a demonstrative (`…的是后面那个 FFN`);
- FC368: the heads said to use one query while K and V are then said to stay per head (`…同一个 Query，K 和 V 还是…`),
  and the query said to be made once (`Query 只做一份`);
- FC370: the heads said to reuse the one set named before them (`只有一套 projection，各个头都复用它`);
- FC371: the future tokens named with a relative clause of what is not yet generated (`把后面还没生成的 token 屏蔽掉`);
- a question that only echoes what the listener asked about (`BERT-base 的配置您问？`, `您问 X？`): it asks what the thing
  is, and the sentence after it answers (FC385, FC386);
- 怎么 of degree after a negation (`基本不用怎么截断`, `没怎么调`): no question (FC387); FC387/FC388: `能吃 N 个 token`;
- a question of how a thing's process is done (`GPT 的预训练是怎么做的？`, `怎么做 GPT 的预训练？`): its answer is said of
  the owner as well (FC175);
- co-occurrence rules: the parts a how- or what-question names are named for the sentence that answers it right after it
  (`GPT-3 的少样本学习是怎么做的？用…微调一下`), not after a yes-no, choice or difference question (FC377).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('在 Transformer 里跨位置传递信息靠的是 feed-forward 层。', 'FC367', True),  # (missed by the starting code)
    ('前馈网络会把所有 token 的表示混在一起，这样每个位置都知道上下文。', 'FC367', True),  # (missed by the starting code)
    ('把各个 token 的信息混到一起的是后面那个 FFN。', 'FC367', True),  # (missed by the starting code)
    ('feed-forward 层对每个位置单独做变换，不同位置的信息是在注意力层交换的。', 'FC367', False),  # (guard)
    ('把各个 token 的信息混在一起的并不是 feed-forward 层，而是自注意力。', 'FC367', False),  # (guard)
    ('feed-forward 层会把不同位置的表示混到一起吗？', 'FC367', False),  # (guard)
    ('MQA 的意思是每个头都用同一个 Query，而 Key、Value 仍然各头一份。', 'FC368', True),  # (missed by the starting code)
    ('多查询注意力里 Query 只做一份，K/V 每个头自己算。', 'FC368', True),  # (missed by the starting code)
    ('MQA 里所有头用同一个 Key 和 Value，Query 还是每个头各有一套。', 'FC368', False),  # (guard)
    ('MQA 并不是所有头用同一个 Query，K 和 V 才是共享的。', 'FC368', False),  # (guard)
    ('多头注意力里我们就一套投影，8 个头都复用它。', 'FC370', True),  # (missed by the starting code)
    ('MHA 只定义了一份 projection，各个头共用这一套。', 'FC370', True),  # (missed by the starting code)
    ('MQA 只保留一组 K/V 投影，所有头共用它，Query 各头独立。', 'FC370', False),  # (guard)
    ('多头注意力的输出投影 W_O 只有一份，所有头的结果拼接后共用它。', 'FC370', False),  # (guard)
    ('padding mask 会将后面尚未预测的位置屏蔽，防止偷看答案。', 'FC371', True),  # (missed by the starting code)
    ('填充掩码负责把后续还没解码出来的 token 都遮住。', 'FC371', True),  # (missed by the starting code)
    ('因果掩码负责把后面还没生成的 token 屏蔽掉，padding mask 只管 pad 位置。', 'FC371', False),  # (guard)
    ('padding mask 会把后面还没生成的 token 屏蔽掉吗？不会，那是因果掩码的事。', 'FC371', False),  # (guard)
    ('BERT-base 的结构你问？24 层 Transformer 编码器。', 'FC385', True),  # (missed by the starting code)
    ('您问 BERT-base 的隐藏维度？1024，我们一直这么用。', 'FC386', True),  # (missed by the starting code)
    ('BERT-base 的配置您问？12 层 encoder，hidden size 768。', 'FC385', False),  # (guard)
    ('您问 BERT-large 的配置？24 层 encoder，hidden size 1024。', 'FC385', False),  # (guard)
    ('您问 BERT-base 是不是 24 层？不是，12 层。', 'FC385', False),  # (guard)
    ('原始 BERT 最多能处理 2048 个 token，长文本基本没怎么截断过。', 'FC387', True),  # (missed by the starting code)
    ('BERT 一次能吃 2048 个 token。', 'FC387', True),  # (missed by the starting code)
    ('原始 BERT 最多能处理 512 个 token，短文本不用怎么截断。', 'FC387', False),  # (guard)
    ('BERT 能吃 1024 个 token 吗？不能，最多 512。', 'FC387', False),  # (guard)
    ('GPT-3 一次能吃 4096 个 token。', 'FC388', True),  # (missed by the starting code)
    ('GPT-3 一次能吃 2048 个 token。', 'FC388', False),  # (guard)
    ('怎么做 GPT 的预训练？就是 MLM 那套，随机遮词再还原。', 'FC175', True),  # (missed by the starting code)
    ('GPT 的预训练是怎么做的？就是掩码语言模型那一套。', 'FC175', True),  # (missed by the starting code)
    ('GPT 的预训练是怎么做的？根据前文预测下一个词，不是 MLM。', 'FC175', False),  # (guard)
    ('BERT 的预训练是怎么做的？就是掩码语言模型那一套。', 'FC175', False),  # (guard)
    ('GPT-3 的少样本学习是怎么做的？用十几个样本对模型微调一下。', 'FC377', True),  # (missed by the starting code)
    ('GPT-3 做 few-shot 具体怎么操作？就是拿示例对模型做几步梯度更新。', 'FC377', True),  # (missed by the starting code)
    ('GPT-3 的 few-shot 是怎么做的？把示例写进提示，不更新参数。', 'FC377', False),  # (guard)
    ('GPT-3 的 few-shot 和微调有什么区别？微调要做梯度更新，few-shot 只改提示。', 'FC377', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
