"""Readings added in the twenty-third session (2026-12-04), in wording of my own.

From the twenty-first phrasing set (read this session; the twenty-second stays unread): what a text under review, its
author or a candidate is said to claim, judged wrong by a later clause of the same sentence (`作者称 X，这与原文不符`,
`候选人认为 X，需要纠正`), is not asserted; `与 L1 相反` without 这 compares two methods and judges nothing; a
supposition whose subject comes first (`你要是先做 softmax…`) states its antecedent as supposed; a clause that is a
whole correlative (`…是越大越好的，`) is no frame of the clause after it; `怎么…都一样` concedes, it does not ask; a
spoken question ended by 呢 and a comma (`X 怎么算呢，就是…`) is answered by the rest of the sentence; a context
pattern that names what is denied (`无需量化`, `不再分类`) does not excuse a claim (FC424, FC459).

From the seventy-fourth untuned trial (an embodied-AI tutorial): PPO made partly off-policy (`可以做成“部分 off-policy”`)
is a variant, and a difficulty named (`难点在于 replay buffer 中的数据…`) is no claim that PPO uses one (FC398). From
the twenty-first set again: `本层`/`本函数` in an API reference stands for the documented object.

From the seventy-fifth untuned trial (a front-end and AI appendix, competition baselines): a clause done by an
instrument (`通过在海量无标注文本上预训练，…`) is a first step, and what follows `然后` is the next step's (FC155);
mojibake quoted alone as an example (`类似“ä½ å¥½”这种奇怪的文字`) is shown on purpose, not damage (FM010).

From the seventy-third untuned trial (LangChain and paper-reading tutorials, model deployment recipes): another
remedy named between the optimizer and the problem (`AdamW 优化器，…，使用梯度裁剪防止梯度爆炸`) is what prevents it
(FC142); a block that shows a chat model's reply (`当然！以下是…代码：` and then the reply's own ```python) holds the
reply's fences as text and is closed by the reply's closing fence (FM008)."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    ("论文作者称 BERT 是单向模型，这与原文不符。", "FC173", False),
    ("论文作者称 BERT 是单向模型，这一点很有启发。", "FC173", True),
    ("候选人认为 GPT 用掩码语言模型预训练，需要纠正。", "FC175", False),
    ("作者在第3节称 BPE 每次合并频率最低的符号对，这其实是对算法的误读。", "FC379", False),
    ("论文认为 L2 正则产生稀疏解，与 L1 相反。", "FC134", True),
    ("你要是先做 softmax 再传给 nn.CrossEntropyLoss，就等于归一化两次。", "FC311", False),
    ("困惑度这个指标，是越大越好的，GPT 论文里也这么报。", "FC111", True),
    ("困惑度这个指标，是越小越好的，GPT 论文里也这么报。", "FC111", False),
    ("k-means 总能收敛到全局最优，初值怎么取都一样。", "FC439", True),
    ("k-means 只能收敛到局部最优，初值怎么取都要多试几次。", "FC439", False),
    ("召回率怎么算呢，就是预测为正的样本里真正为正的比例。", "FC101", True),
    ("召回率怎么算呢，就是实际为正的样本里被预测为正的比例。", "FC101", False),
    ("困惑度高说明模型的生成能力强。", "FC111", True),
    ("困惑度低说明模型的生成能力强。", "FC111", False),
    ("7B 的模型，FP16 权重大概 7GB，无需量化就能放进显卡。", "FC424", True),
    ("7B 模型 INT8 量化后权重约 7GB。", "FC424", False),
    ("Adam 配合梯度裁剪可以防止梯度爆炸。", "FC142", False),
    ("- **优化器**：AdamW，权重衰减 0.1，使用梯度裁剪防止梯度爆炸", "FC142", False),
    ("Adam 本身就能防止梯度爆炸。", "FC142", True),
    # a step done by an instrument is a first step: what follows 然后 is the next one's
    ("通过在大量未标注语料上做预训练，模型获得通用表示，然后只要少量标注样本就能迁移到下游任务。", "FC155", False),
    ("预训练阶段需要大量人工标注的语料，然后再做微调。", "FC155", True),
    # an API reference's own object (`本层…`) is the documented term, even when a later clause names another
    ("BatchNorm1d(num_features)：按特征维做标准化。本层不含可学习参数，也无需设置 weight_decay。", "FC324", True),
    ("BatchNorm1d(num_features)：按特征维做标准化。本层含可学习的 γ 和 β，也要注意 weight_decay。", "FC324", False),
]

ASKED = "### 1. PPO 是 on-policy 的，它能改成 off-policy 吗？\n\n"


@pytest.mark.parametrize("answer,expected", [
    ("能改成“半 off-policy”，不过限制很多。麻烦在于经验回放里的旧样本会让重要性比值方差变大。", False),
    ("PPO 本来就是 off-policy 的，样本都从经验回放里取。", True),
])
def test_a_variant_or_a_difficulty_is_no_off_policy_claim(answer, expected):
    assert ("FC398" in found(ASKED + answer + "\n")) is expected, answer


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text


REPLY = "得到的返回值如下：\n\n```python\n当然！以下是一个贪吃蛇游戏的代码，带有注释。\n\n```python\nimport curses\n```\n"
NOTES = "```text\n**代码 2**\n- 代码量少一点，但是遍历的长度要多一点。\n```python\nx = 1\n```\n"  # notes that forgot their close
TEXT_BLOCK = "```text\n当然！以下是一个贪吃蛇游戏的代码。\n\n```python\nimport curses\n```\n"  # a text block: its close forgotten
FORGOTTEN = "示例：\n\n```python\nx = load()\nprint(x)\n\n下面是第二段：\n\n```python\ny = 2\n```\n"


@pytest.mark.parametrize("body,expected", [(REPLY, False), (FORGOTTEN, True), (NOTES, True), (TEXT_BLOCK, True)])
def test_a_quoted_reply_holds_its_own_fences(body, expected):
    assert ("FM008" in found(item(body))) is expected


@pytest.mark.parametrize("text,expected", [
    ("打开文件一看，里面全是类似“浣犲ソ”或“ä½ å¥½”这种奇怪的文字。", False),
    ("这份数据的第三列是 Ã©tudiant，明显解码错了。", True),
    ("文件里写着“æ¨¡åž‹è®­ç»ƒ完成”。", True),
])
def test_mojibake_quoted_as_an_example(text, expected):
    assert ("FM010" in found(item(text))) is expected, text
