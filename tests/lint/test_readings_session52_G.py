"""Readings and rule phrasings added in the fifty-second session (group G), from the misses of the fiftieth phrasing
set, each shown on sentences of the helper's own wording.

- FC157: the condition stated through its consequence (`两个任务不完全相同，就不能做迁移`), also across a comma;
- a term said not to be used, then a reason that names no term (`我们这次没用 X，因为…`): the reason is about that term;
- FC155: labelled data named as the bottleneck (`瓶颈就是 labeled data`), the corpus labelled by hand, annotators
  outsourced, the model said to learn nothing without labels;
- FC379: `merge 规则`, `merges.txt`, `BPE merges` named as BPE's (the bare `merges` was taken back at the merge: a
  sentence ending on `…记录到 merges 中` then had a term of its own and no longer went on with BPE, three read sets lost); the rarest pairs said to be merged last or never are no claim;
- a cleft across a comma (`…混到一起的，是后面那个 FFN`) names its own subject, past a topic carried before it;
- a sentence whose only terms are parts counted in their names (`16 个头`) or sit in a clause of result or plan
  (`所以…，后面打算蒸馏`) goes on with the subject of the sentence before (FC385, FC386);
- an echoed question (`您问 context length？`) names the quantity of the numbers the next sentence gives (FC388).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('迁移学习有个硬性条件：源领域跟目标领域只要不一样，模型就无法迁移过去。', 'FC157', True),  # (missed by the starting code)
    ('做迁移学习时，上游任务和下游任务不一致的话便不能迁移。', 'FC157', True),  # (missed by the starting code)
    ('团队没采用迁移学习，是因为上游任务和下游任务不完全一样，所以没法做迁移。', 'FC157', True),  # (missed by the starting code)
    ('迁移学习里，两个任务不完全相同也能做迁移，只要相关。', 'FC157', False),  # (guard)
    ('迁移学习中源任务和目标任务不完全相同，并不意味着不能迁移。', 'FC157', False),  # (guard)
    ('迁移学习：两个任务不完全相同就不能做迁移吗？', 'FC157', False),  # (guard)
    ('迁移学习：源领域和目标领域不一致时，不能直接迁移，要做领域适应。', 'FC157', False),  # (guard)
    ('我们项目里没采用迁移学习，是因为源任务和目标任务差别太大，容易负迁移。', 'FC157', False),  # (guard)
    ('我们没用 L2 正则，因为会得到稀疏解。', 'FC134', True),  # (missed by the starting code)
    ('我们没用 L2 正则，因为数据量够大。', 'FC134', False),  # (guard)
    ('我们没用 L2 正则，因为它不会得到稀疏解。', 'FC134', False),  # (guard)
    ('对 LLM 预训练来说，最贵的其实是 labeled data。', 'FC155', True),  # (missed by the starting code)
    ('预训练这一步，要是没有标注数据，模型压根学不会语言规律。', 'FC155', True),  # (missed by the starting code)
    ('预训练没有人工标注数据就学不到语言规律。', 'FC155', True),  # (missed by the starting code)
    ('LLM 预训练时我们把标注外包给了一家标注公司。', 'FC155', True),  # (missed by the starting code)
    ('预训练的瓶颈是算力和数据质量，微调的瓶颈才是标注数据。', 'FC155', False),  # (guard)
    ('预训练的瓶颈并不是标注数据，而是高质量的无标注语料。', 'FC155', False),  # (guard)
    ('预训练阶段没有人工标注，模型也能学到语言规律。', 'FC155', False),  # (guard)
    ('预训练阶段的瓶颈是标注数据吗？', 'FC155', False),  # (guard)
    ('微调阶段没有足够的标注数据，模型就学不到任务格式。', 'FC155', False),  # (guard)
    ('预训练完以后，我们请了标注团队给 SFT 数据打标。', 'FC155', False),  # (missed by the starting code)
    ('训练分词器时，BPE merges 里靠前的总是那些最少见的字符对。', 'FC379', True),  # (guard)
    ('merge 规则是按出现次数最少的 pair 优先学出来的。', 'FC379', True),  # (missed by the starting code)
    ('merges 的顺序是这样：先合并最常见的 pair，罕见组合最后才合并或者不合并。', 'FC379', False),  # (guard)
    ('merges 是先合并最罕见的 pair 吗？', 'FC379', False),  # (guard)
    # (a result clause naming another term is that term's: `…；这里要一个对称的度量，因此改用 JS 散度` is not KL's)
    ('KL 散度不对称，不能当距离用；这里要一个对称的度量，因此改用 JS 散度。', 'FC118', False),  # (guard)
    ('merges.txt 里按频率从高到低记录合并规则，频率最低的 pair 可能根本进不了词表。', 'FC379', False),  # (guard)
    ('BPE 里最罕见的组合最后才合并。', 'FC379', False),  # (missed by the starting code)
    ('注意力先打分，可把序列里各个位置的信息融合起来的，其实是中间那个 FFN 子层。', 'FC367', True),  # (missed by the starting code)
    ('多头注意力先算权重，负责让不同位置互相交换信息的，正是最后那个前馈层。', 'FC367', True),  # (missed by the starting code)
    ('FFN 先逐位置做变换，但真正把各个 token 的信息混到一起的，是前面那个注意力层。', 'FC367', False),  # (missed by the starting code)
    ('自注意力先算权重，真正把各个 token 的信息混到一起的，不是后面那个 FFN，而是注意力加权求和本身。', 'FC367', False),  # (guard)
    ('自注意力先算权重，真正把各个 token 的信息混到一起的，是后面那个 FFN 吗？', 'FC367', False),  # (guard)
    ('线上跑的是 BERT-base。一共 24 层，12 个头。', 'FC385', True),  # (missed by the starting code)
    ('线上跑的是 BERT-base。总共 24 层，隐藏维度 1024，所以我们后来换成了 DistilBERT。', 'FC386', True),  # (missed by the starting code)
    ('线上跑的是 BERT-base。一共 12 层，12 个头，隐藏维度 768。', 'FC385', False),  # (guard)
    ('线上跑的是 BERT-base。总共 12 层，隐藏维度 768，所以后面打算蒸馏一下。', 'FC386', False),  # (guard)
    ('我们用的是 BERT-base。BERT-large 才是 24 层，16 个头。', 'FC385', False),  # (guard)
    ('你是问 context length 吗？GPT-2 是 1024，GPT-3 是 4096。', 'FC388', True),  # (missed by the starting code)
    ('您问 context length？嗯，GPT-3 直接就是 4096，比 GPT-2 大。', 'FC388', True),  # (missed by the starting code)
    ('你是问上下文窗口吗？GPT-3 有 2048 个 token，GPT-3.5 才到 4096。', 'FC388', False),  # (guard)
    ('您问 context length？GPT-3 是 2048。另外 GPT-3 是 175B 的模型。', 'FC388', False),  # (guard)
    ('您问上下文长度？GPT-3 是 4096 吗？不是，是 2048。', 'FC388', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
