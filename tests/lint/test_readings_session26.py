"""Readings added in the twenty-sixth session (2026-12-04), in wording of my own.

From the twenty-fourth phrasing set (read this session; the twenty-fifth stays unread), whose traps were written in
the voices of a teacher's grading comments, an engineer's weekly report and a competition forum: a grader's deduction
(`扣 1 分`) judges what the graded answer says, whether the answer is quoted after it (`扣 1 分，因为你说…`) or
before it (`你把 GPT 写成双向模型，扣 1 分`); a conclusion said to be the wrong way round (`结论反了`) is reported; what
someone proposes or suggests (`有人提议…`, `有同学建议…`) is reported, not stated; a setup said to go against its design
(`…，和设计相反`) and a change after which a result got worse (`加了 causal mask 后翻译质量下降`) are bugs found; a
claim judged by a clause that ends in a colon (`楼上说…，这个不对：…`) is reported; a quoted statement crossed out
(`写过“…”，后来划掉了`) is taken back; a property inside a longer modifier of the name compared with (`它与先减均值再除
标准差的 LayerNorm 不同`) is that name's; a denial at the head of a clause (`并不是 BERT 用 BPE、GPT-2 用 WordPiece`)
covers every statement listed after it."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    # a grader's deduction judges what the graded answer says
    ("扣 2 分：因为你认为 L2 正则能得到稀疏解。稀疏解来自 L1。", "FC134", False),
    ("你把 GPT 写成了双向模型，扣 1 分。", "FC174", False),
    ("第三问扣 0.5 分，因为你答 PPO 属于 off-policy 算法。", "FC398", False),
    ("这一问扣两分，原因是你写 BERT 通过预测下一个词来预训练。", "FC176", False),
    # ... but the grader's own statement after the deduction is read
    ("扣 1 分：PPO 是 off-policy 算法，你写成 on-policy 了。", "FC398", True),
    ("扣 2 分，因为你说 BERT 是双向的。其实 BERT 是单向的自回归模型。", "FC173", True),
    # a conclusion said to be the wrong way round
    ("你说 BERT 是单向模型，方向反了。", "FC173", False),
    ("BERT 是单向模型，方向没有反。", "FC173", True),
    # what someone proposes or suggests is reported
    ("有位同学建议用 L2 正则来得到稀疏解。", "FC134", False),
    ("周会上有人提议推理时 BatchNorm 也按当前 batch 统计均值和方差。", "FC138", False),
    ("有人提议用 L1 得到稀疏解。其实 L2 正则也能得到稀疏解。", "FC134", True),
    # a setup said to go against its design, a change after which a result got worse: a bug found
    ("推理脚本里 BatchNorm 被写成按当前 batch 统计均值方差，和设计相反。", "FC138", False),
    ("BatchNorm 在推理时按当前 batch 统计均值和方差，和训练时一样。", "FC138", True),
    ("把编码器换成带 causal mask 的自注意力后，翻译 BLEU 掉了 3 个点。", "FC362", False),
    ("编码器换成带 causal mask 的自注意力后，翻译效果更好。", "FC362", True),
    # a claim judged by a clause that ends in a colon
    ("楼上说 GPT 是双向模型，这个不对：GPT 只看左侧上下文。", "FC174", False),
    ("GPT 是双向模型，这个不难理解：它看得到全句。", "FC174", True),
    # a quoted statement crossed out is taken back
    ("他在答卷上写了“多头注意力的参数量是单头的 h 倍”，后来又划掉了。", "FC366", False),
    ("“多头注意力的参数量是单头的 h 倍”，这一点要记住。", "FC366", True),
    # a property in a longer modifier of the name compared with
    ("RMSNorm 只除以均方根；因此它与先减均值再除标准差的 LayerNorm 不同，计算更省。", "FC322", False),
    ("RMSNorm 与 LayerNorm 一样会先减均值再除以标准差。", "FC322", True),
    # a denial at the head of a clause covers every statement listed after it
    ("并不是 BERT 用 BPE、GPT-2 用 WordPiece。", "FC381", False),
    ("BERT 用 BPE、GPT-2 用 WordPiece。", "FC381", True),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
