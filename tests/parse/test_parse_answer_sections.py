"""Answer sections as sibling headings and HTML headings, in wording of my own (the layouts of the
twenty-fourth trial's machine-written cards and of notes exported from a site generator):

- `### 1. 问题` then `### 基础知识补充`, `### 详细解答`, `### 案例模拟` at the same level: the headings after
  the question name parts of its answer, they are not questions of their own;
- `<h2 id="…">1. 问题</h2>` alone on its line is a heading."""
from __future__ import annotations

from qatool.parse import parse_text

CARDS = """# 题库：注意力

### 1. 多查询注意力为什么能省显存？

- 来源：某面经
- 难度：中

### 基础知识补充

- 所有头共用一组 K、V 投影。

### 详细解答

推理时缓存的 K、V 只有一份，缓存大小缩小为原来的 1/h。

### 案例模拟

面试官追问：代价是什么？回答：表达能力略有下降。

### 2. 滑动窗口注意力的原理

- 来源：某面经

### 详细解答

每个位置只看前后固定宽度的窗口，计算量随长度线性增长。

### 3. 位置编码有哪些？

- 来源：某面经
"""


def test_answer_part_headings_go_on_with_the_question_before_them():
    doc = parse_text(CARDS, "cards.md")
    got = [(r["question"], r["line_start"], r["line_end"]) for r in doc.records]
    assert got[:2] == [("多查询注意力为什么能省显存？", 3, 18), ("滑动窗口注意力的原理", 20, 26)]
    first = doc.records[0]["answer"]
    assert "缓存大小缩小为原来的 1/h" in first and "代价是什么" in first and "所有头共用" in first
    assert not any(r["question"] in ("基础知识补充", "详细解答", "案例模拟") for r in doc.records)


def test_a_heading_named_like_an_answer_part_elsewhere_is_left_alone():
    # after a topic heading that neither asks nor is numbered, `### 补充` is not taken as its answer
    text = "# 笔记\n\n## 残差网络\n\n残差连接让梯度直接回传。\n\n## 补充\n\n更多变体见论文。\n"
    before = [(r["question"], r["line_start"]) for r in parse_text(text, "notes.md").records]
    assert ("残差网络", 3) not in before or before.count(("残差网络", 3)) == 1
    # and a statement heading followed by a part that is no answer (`### 补充`) does not become a question
    text = "# ResNet 有哪些变种？\n\n## 1. 解决了什么问题？\n\n退化问题。\n\n### 6.4 ReXNet\n\n通道数逐层增加。\n\n### 补充\n\n更多见论文。\n"
    assert "ReXNet" not in [r["question"] for r in parse_text(text, "resnet.md").records]


HTML = """# 目标检测面试题

- [1.IoU 的计算](#1)

<h2 id="1.iou">1.目标检测中IoU的相关概念与计算</h2>

IoU 是预测框与真实框交集面积除以并集面积。

<h2 id="2.nms">2.NMS 的作用？</h2>
NMS 去掉与得分最高的框重叠过多的框。

<h3 id="x">Soft <b>NMS</b></h3>

按重叠程度降低得分，而不是直接删除。
"""


def test_an_html_heading_alone_on_its_line_is_a_heading():
    doc = parse_text(HTML, "det.md")
    got = [(r["question"], r["line_start"]) for r in doc.records]
    assert got[:2] == [("目标检测中IoU的相关概念与计算", 5), ("NMS 的作用？", 9)]
    assert doc.records[0]["answer"].startswith("IoU 是预测框")
    assert "NMS 去掉与得分最高的框" in doc.records[1]["answer"]


def test_an_html_heading_inside_other_html_is_not_read_as_one():
    text = "# 题\n\n<div>\n<h2>1. 这不是标题吗？</h2>\n</div>\n\n正文。\n"
    assert not any("这不是标题" in r["question"] for r in parse_text(text, "x.md").records)


FOLLOW_UPS = """---
title: "Dropout"
---

## 题目描述
请解释 Dropout 的原理，以及训练和推理时有什么不同？

## 参考答案

训练时按概率 p 随机置零神经元输出，推理时不丢弃。

## 考察重点

- 能否说清训练与推理的差别

## 延伸追问

### 追问 1：Dropout 与 BatchNorm 一起用有什么问题？

**问题：** 两者同时使用时，为什么推理时会出现方差偏移？

**答案：** 训练时 Dropout 改变了激活的方差，BN 统计的是带 Dropout 的方差。

### 追问 2：p 一般怎么取？

**问题：** 隐藏层的丢弃概率常取多少？

**答案：** 常取 0.5 左右，输入层更小。

## 更新历史

- v1：初稿
"""


def test_labelled_follow_ups_after_a_bare_question_are_items_of_their_own():
    doc = parse_text(FOLLOW_UPS, "dropout.md")
    got = [(r["question"], r["line_start"]) for r in doc.records]
    assert got[0] == ("请解释 Dropout 的原理，以及训练和推理时有什么不同？", 5)
    assert "训练时按概率 p 随机置零" in doc.records[0]["answer"] and "方差偏移" not in doc.records[0]["answer"]
    assert ("两者同时使用时，为什么推理时会出现方差偏移？", 18) in got and ("隐藏层的丢弃概率常取多少？", 24) in got
    assert not any(q in ("更新历史",) for q, _ in got)  # a change log is no question


def test_a_contact_block_is_no_question():
    text = "# 面试笔记\n\n## Contact me\n\n博客：example.org\n\n## 什么是过拟合？\n\n训练误差低、测试误差高。\n"
    assert [r["question"] for r in parse_text(text, "notes.md").records] == ["什么是过拟合？"]


SUBTOPICS = """# 机器学习面试题

### 决策树如何防止过拟合？

### 预剪枝

分裂前先看验证集上的收益，收益不够就停止生长。

### 后剪枝

先长成完整的树，再自底向上剪掉不带来收益的子树。

### 什么是基尼指数？

随机抽两个样本类别不一致的概率。

### 词向量方法

#### Word2Vec 是什么？

用上下文预测词（或反之）学到的稠密向量。
"""


def test_short_topics_after_an_empty_question_answer_it():
    doc = parse_text(SUBTOPICS, "tree.md")
    got = [(r["question"], r["line_start"], r["line_end"]) for r in doc.records]
    assert got[0] == ("决策树如何防止过拟合？", 3, 11)
    assert "分裂前先看验证集" in doc.records[0]["answer"] and "自底向上" in doc.records[0]["answer"]
    assert ("什么是基尼指数？", 13, 15) in got
    # a topic with questions of its own below it is a group, not the answer of the question before it
    assert any(q == "Word2Vec 是什么？" for q, _, _ in got)


ONE_QUESTION_FILE = """# 什么是混合专家模型？它为什么能在不增加计算量的情况下扩大参数？

## 1. 核心定性
MoE 用门控网络为每个 token 选出少数专家。

## 2. 具体流程
1. 门控打分
2. 选 top-k 专家
3. 加权合并输出

## 3. 工程考量
专家负载不均衡时需要辅助损失。
"""


def test_a_file_whose_title_asks_is_answered_by_the_sections_under_it():
    doc = parse_text(ONE_QUESTION_FILE, "moe.md")
    assert [(r["question"], r["line_start"]) for r in doc.records] == [
        ("什么是混合专家模型？它为什么能在不增加计算量的情况下扩大参数？", 1)]
    assert "门控网络" in doc.records[0]["answer"] and "辅助损失" in doc.records[0]["answer"]
    # a section under the title that asks makes the sections items of their own, as before
    asks = ONE_QUESTION_FILE.replace("## 3. 工程考量", "## 3. 负载不均衡怎么办？")
    assert "什么是混合专家模型？它为什么能在不增加计算量的情况下扩大参数？" not in [r["question"] for r in parse_text(asks, "moe.md").records]


def test_header_attributes_are_no_part_of_the_question():
    text = "# 面试题\n\n### 1.1 什么是 RAG？ {#what-is-rag}\n\n检索增强生成。\n\n### 1.2 RAG 怎么评估？ {#rag-eval .faq}\n\n看检索和生成两部分。\n"
    assert [r["question"] for r in parse_text(text, "rag.md").records] == ["什么是 RAG？", "RAG 怎么评估？"]
    # braces that are text stay: `{a, b}` is no attribute
    text = "# 面试题\n\n### 集合 {a, b} 的子集有几个？\n\n四个。\n"
    assert [r["question"] for r in parse_text(text, "set.md").records] == ["集合 {a, b} 的子集有几个？"]
