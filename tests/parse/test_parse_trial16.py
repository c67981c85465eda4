"""Readings of the sixteenth untuned trial's misread layout, in wording of my own (not the trial's text):
a question heading whose answer label is followed by sub-headings, in a file that keeps items at the
sub-headings' level elsewhere."""
from __future__ import annotations

import textwrap

from qatool.lint.engine import Linter
from qatool.parse import parse_text

# a later part of the file holds items at level 4 under a statement chapter, so level 4 is a level
# where this document keeps items
ITEMS_AT_FOUR = """
## 其他易错点

### 一、部署

#### 显存估算为什么总是偏小

推理时除了权重还有 KV cache 和激活，只按参数量估算会偏小。

#### 量化后精度掉得多怎么办

先看是哪几层敏感，把这些层留在高精度。
"""


def parse(md: str):
    return parse_text(textwrap.dedent(md).lstrip("\n"), "doc.md")


def spans(md: str) -> list[tuple[str, int, int]]:
    return [(r["question"], r["line_start"], r["line_end"]) for r in parse(md).records]


def test_sub_headings_under_an_answer_label_go_on_with_the_answer():
    md = textwrap.dedent("""
        # 推理服务面试题

        ## 基础

        ### 1. 说说推理服务的三个组成部分：路由、批处理、缓存

        **答案：**

        #### 路由

        按模型和租户把请求分到不同的实例组。

        #### 批处理

        把同一时刻到达的请求拼成一个批次，提高吞吐。

        #### 缓存

        复用相同前缀的 KV cache，减少重复计算。

        ### 2. 连续批处理和静态批处理有什么区别？

        **答案：** 连续批处理在每一步都可以加入新请求，静态批处理要等整批结束。
        """).lstrip("\n") + ITEMS_AT_FOUR
    got = spans(md)
    assert got[0] == ("说说推理服务的三个组成部分：路由、批处理、缓存", 5, 19)
    assert "路由" not in [q for q, _, _ in got] and "缓存" not in [q for q, _, _ in got]
    answer = parse(md).records[0]["answer"]
    assert "按模型和租户" in answer and "复用相同前缀" in answer
    assert [q for q, _, _ in got][1:] == ["连续批处理和静态批处理有什么区别？", "显存估算为什么总是偏小", "量化后精度掉得多怎么办"]
    assert not [f for f in Linter.default(select=["QA001"]).lint_text(md, "doc.md")]


def test_an_answer_label_under_a_question_further_down_does_not_swallow_a_later_topic():
    # the label answers a bold question inside the section's body, not the section's heading: the
    # level-4 topic after it stays an item of its own
    md = textwrap.dedent("""
        # 训练技巧笔记

        ## 调参

        ### 2、正式训练

        - 先用全部数据，加一个很小的正则项

        **问：为什么验证集准确率一开始就跳得很高？**

        答：初始权重恰好朝正确方向变化，取的是最高准确率，所以会突变。

        #### 学习率衰减的常见做法

        阶梯衰减、余弦衰减和按验证集指标触发的衰减最常见。
        """).lstrip("\n") + ITEMS_AT_FOUR
    got = spans(md)
    assert ("学习率衰减的常见做法", 13, 15) in got


BULLET_ANSWERED = """
# 推理优化速查

## 一、解码（3题）
1) 投机解码为什么能加速？
- 要点：小模型先草拟多个 token，大模型一次前向并行验证，接受的部分不必逐个生成。
- 追问：草拟模型的接受率一般能到多少？
- 易错：以为投机解码会改变输出分布。

2) KV cache 占多少显存？
- 要点：每层存 K 和 V，大小约为 2 × 层数 × 序列长度 × 隐藏维度 × 字节数。
- 示例：
```python
kv_bytes = 2 * n_layers * seq_len * d_model * 2  # fp16
```
- 易错：忘了乘以批大小。

3) 连续批处理解决什么问题？
- 请求长度不一时，静态批次要等最长的请求结束，连续批处理在每步补入新请求。
"""


def test_numbered_questions_answered_by_the_bullets_after_them():
    doc = parse(BULLET_ANSWERED)
    got = [(r["question"], r["line_start"], r["line_end"]) for r in doc.records]
    assert got == [("投机解码为什么能加速？", 4, 7), ("KV cache 占多少显存？", 9, 15), ("连续批处理解决什么问题？", 17, 18)]
    assert "kv_bytes" in doc.records[1]["answer"] and doc.records[1]["code"][0]["lang"] == "python"
    assert "追问" in doc.records[0]["answer"]  # a follow-up asked inside the answer starts no item
    assert not [n for n in doc.non_items if n.reason == "no-answer"]


def test_numbered_steps_with_bullets_are_no_questions():
    md = """
    # 训练流程

    ## 步骤
    1) 准备数据
    - 清洗重复样本
    - 划分训练集和验证集

    2) 训练模型
    - 先用小学习率跑通
    """
    assert parse(md).records == []


def test_one_numbered_question_with_bullets_is_not_read_as_the_layout():
    # the layout is read only where two or more numbered questions are answered so: a lone one keeps
    # the reading it had (a list question with no nested answer)
    md = """
    # 笔记

    ## 杂项
    1) 为什么要做归一化？
    - 见上一节
    """
    before = parse(md)
    assert [r["question"] for r in before.records] == []
