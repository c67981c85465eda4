"""Every dialect the parser supports, each with a fixture document of our own."""
from __future__ import annotations

import textwrap

import pytest

from qatool.common.io import decode
from qatool.common.schema import validation_errors
from qatool.parse import parse_text


def parse(md: str, source: str = "doc.md"):
    doc = parse_text(textwrap.dedent(md).lstrip("\n"), source)
    for rec in doc.records:
        assert validation_errors(rec) == [], rec
    return doc


def fields(doc, *names):
    return [tuple(r[n] for n in names) for r in doc.records]


def test_seed_dialect_interview_labels_inline():
    doc = parse("""
        ### 1. 什么是过拟合？

        **面试题：** 请解释过拟合。

        **答案：** 模型在训练集上好、测试集上差。

        **解析：** 常用正则化缓解。

        ### 2. 什么是欠拟合？

        **面试题：** 请解释欠拟合。

        **答案：**

        * **现象：** 训练误差也高。
        * **对策：** 增加模型容量。
        """)
    assert fields(doc, "number", "title", "question") == [
        ("1", "什么是过拟合？", "请解释过拟合。"),
        ("2", "什么是欠拟合？", "请解释欠拟合。"),
    ]
    assert doc.records[0]["answer"] == "模型在训练集上好、测试集上差。"
    assert doc.records[0]["analysis"] == "常用正则化缓解。"
    assert doc.records[1]["answer"] == "* **现象：** 训练误差也高。\n* **对策：** 增加模型容量。"
    assert doc.records[1]["analysis"] is None
    r = doc.records[0]
    assert (r["line_start"], r["line_end"]) == (1, 7)
    assert r["spans"] == {"question": {"start": 3, "end": 3}, "answer": {"start": 5, "end": 5}, "analysis": {"start": 7, "end": 7}}


def test_title_label_heading_numbering_and_malformed_analysis_heading():
    doc = parse("""
        ### 训练的关键步骤

        #### 题目 1：什么是梯度裁剪？

        **答案：**

        梯度裁剪限制梯度的范数。

        #### 解析：**

        用于防止梯度爆炸。

        #### 题目 2：什么是早停？

        **答案：**

        验证集指标不再提升时停止训练。
        """)
    assert fields(doc, "number", "question", "answer", "analysis") == [
        ("题目 1", "什么是梯度裁剪？", "梯度裁剪限制梯度的范数。", "用于防止梯度爆炸。"),
        ("题目 2", "什么是早停？", "验证集指标不再提升时停止训练。", None),
    ]
    assert doc.records[0]["section"] == "训练的关键步骤"
    assert doc.records[0]["doc_title"] == "训练的关键步骤"
    assert any("malformed label" in w for w in doc.records[0]["parse_warnings"])


def test_list_style_items_coding_with_later_explanations_and_exercises():
    doc = parse("""
        ### 典型面试题

        1. **什么是 Dropout？**
           - **答案**：训练时随机丢弃神经元，推理时不丢弃。

        2. **什么是 BatchNorm？**
           - **答案**：按批次统计量归一化。

        ### 算法编程题

        1. **编写一个 softmax 函数。**
           - **答案**：实现如下：

        ```python
        import numpy as np
        def softmax(x):
            e = np.exp(x - x.max())
            return e / e.sum()
        ```

        ### 答案解析

        1. **softmax 实现**
           - **解析说明**：减去最大值防止溢出。
           - **源代码实例**：`softmax` 返回概率分布。

        ### 练习

        1. **尝试实现 log-softmax。**
           - **拓展**：注意数值稳定性。

        感谢阅读，这段结尾不属于任何题目。
        """)
    assert fields(doc, "number", "kind", "question") == [
        ("1", "qa", "什么是 Dropout？"),
        ("2", "qa", "什么是 BatchNorm？"),
        ("1", "coding", "编写一个 softmax 函数。"),
        ("1", "exercise", "尝试实现 log-softmax。"),
    ]
    coding = doc.records[2]
    assert coding["code"] == [{"lang": "python", "text": "import numpy as np\ndef softmax(x):\n    e = np.exp(x - x.max())\n    return e / e.sum()"}]
    assert coding["answer"].startswith("实现如下：\n\n```python")
    assert coding["analysis"] == "减去最大值防止溢出。\n`softmax` 返回概率分布。"
    assert coding["spans"]["analysis"]["start"] > coding["line_end"]
    assert doc.records[3]["answer"] == "注意数值稳定性。"
    assert "感谢阅读" not in doc.records[3]["answer"]


def test_non_qa_sections_make_no_records():
    doc = parse("""
        ### 主题概述

        本文介绍预训练。

        ### 1. 什么是预训练？

        **答案：** 在大规模数据上先训练。

        ### 2. 总结

        预训练很重要。

        ### 附录

        1. **学习资源**：
           - 《深度学习》

        ### 参考文献

        1. Devlin, J. (2019). BERT.
        """)
    assert fields(doc, "number", "question") == [("1", "什么是预训练？")]


def test_heading_glued_behind_leaked_token_is_still_a_heading():
    doc = parse("""
        ### 1. 什么是微调？

        **答案：** 在下游任务上继续训练。感谢您的阅读！<|vq_14174|>### 2. 什么是蒸馏？

        **答案：** 用教师模型指导学生模型。
        """)
    assert fields(doc, "number", "question") == [("1", "什么是微调？"), ("2", "什么是蒸馏？")]
    assert doc.records[0]["answer"] == "在下游任务上继续训练。感谢您的阅读！<|vq_14174|>"
    assert doc.records[1]["line_start"] == 3
    assert any(p.line == 3 and "glued" in p.message for p in doc.problems)


@pytest.mark.parametrize("code", ["`a。## b`", "``x。### `y` ``", "`c。#` 与 `d。## e`"])
def test_heading_glued_after_inline_code_with_hashes_is_found_once(code):
    # the code spans' own `。##` are code; the heading glued after them on the same line is a heading
    doc = parse(f"""
        ### 1. 什么是微调？

        **答案：** 例如 {code} 的写法。### 2. 什么是蒸馏？

        **答案：** 用教师模型指导学生模型。
        """)
    assert fields(doc, "number", "question") == [("1", "什么是微调？"), ("2", "什么是蒸馏？")]
    assert code in doc.records[0]["answer"]


@pytest.mark.parametrize("heading,number,title", [
    ("## 1、什么是注意力？", "1", "什么是注意力？"),
    ("### 问题 3：什么是注意力？", "问题 3", "什么是注意力？"),
    ("### Q4. 什么是注意力？", "Q4", "什么是注意力？"),
    ("### Q5 什么是注意力？", "Q5", "什么是注意力？"),
    ("## 一、什么是注意力？", "一", "什么是注意力？"),
    ("### １２．什么是注意力？", "１２", "什么是注意力？"),
    ("### 第7题 什么是注意力？", "第7题", "什么是注意力？"),
    ("### 第三问：什么是注意力？", "第三问", "什么是注意力？"),
    ("### 第二题——什么是注意力？", "第二题", "什么是注意力？"),
    ("### 问题 3-2 什么是注意力？", "问题 3-2", "什么是注意力？"),
    ("### 第3节 什么是注意力？", "第3节", "什么是注意力？"),
    # 第N followed by a word is a sentence (`第二个问题`), not a number
    ("### 第二个问题，什么是注意力？", None, "第二个问题，什么是注意力？"),
    ("##### 8) **什么是注意力？**", "8", "什么是注意力？"),
    ("### 什么是注意力？", None, "什么是注意力？"),
])
def test_heading_numbering_variants(heading, number, title):
    doc = parse(f"{heading}\n\n**答案**：一种加权机制。\n")
    assert fields(doc, "number", "title", "answer") == [(number, title, "一种加权机制。")]


@pytest.mark.parametrize("q_label,a_label", [
    ("问：", "答："),
    ("Q：", "A："),
    ("Q:", "A:"),
    ("**问题：**", "**回答：**"),
    ("**问题**:", "**参考答案**:"),
    ("问题：", "解答："),
    ("__Question:__", "__Answer:__"),
])
def test_label_only_items_without_headings(q_label, a_label):
    doc = parse(f"""
        ## 常见问题

        {q_label} 什么是 ReLU？
        {a_label} 一种激活函数，max(0, x)。

        {q_label} 什么是 GELU？
        {a_label} 高斯误差线性单元。
        """)
    assert fields(doc, "question", "answer") == [
        ("什么是 ReLU？", "一种激活函数，max(0, x)。"),
        ("什么是 GELU？", "高斯误差线性单元。"),
    ]


def test_labels_with_either_colon_and_without_bold_under_headings():
    doc = parse("""
        ### 1. 什么是交叉熵？
        题目: 解释交叉熵。
        答案：衡量两个分布的差异。
        解析: 分类任务常用。
        """)
    assert fields(doc, "question", "answer", "analysis") == [("解释交叉熵。", "衡量两个分布的差异。", "分类任务常用。")]


def test_unlabelled_answer_and_subheading_kept_in_answer():
    doc = parse("""
        ### 1. 为什么需要归一化？

        归一化让各特征尺度一致。

        #### 代码示例

        ```python
        x = (x - mu) / sigma
        ```

        ### 2. 如何选择学习率？

        先做学习率范围测试。
        """)
    assert fields(doc, "number", "kind") == [("1", "qa"), ("2", "qa")]
    assert "#### 代码示例" in doc.records[0]["answer"]
    assert doc.records[0]["code"] == [{"lang": "python", "text": "x = (x - mu) / sigma"}]
    assert doc.records[1]["answer"] == "先做学习率范围测试。"


def test_math_tables_and_html_inside_answers_are_kept():
    answer = textwrap.dedent("""\
        F1 的定义：$F_1 = \\frac{2PR}{P+R}$

        | 指标 | 含义 |
        | --- | --- |
        | P | 精确率 |

        <details><summary>展开</summary>调和平均</details>""")
    doc = parse("### 1. 什么是 F1？\n\n**答案：**\n\n" + answer + "\n")
    assert doc.records[0]["answer"] == answer


def test_crlf_and_bom_are_normalised():
    raw = "\ufeff### 1. 什么是 BN？\r\n\r\n**答案：** 批归一化。\r\n".encode("utf-8")
    src = decode(None, "a.md", raw)
    assert src.encoding == "utf-8-sig"
    doc = parse_text(src.text, "a.md")
    assert fields(doc, "question", "answer", "line_start") == [("什么是 BN？", "批归一化。", 1)]


def test_code_fences_hide_headings_and_labels():
    doc = parse("""
        ### 1. 如何写注释？

        **答案：**

        ```python
        # 不是标题
        ### 也不是标题
        答案：这也不是标签
        ```
        """)
    assert len(doc.records) == 1
    assert "### 也不是标题" in doc.records[0]["answer"]
    assert "答案：这也不是标签" in doc.records[0]["code"][0]["text"]


def test_unclosed_fence_is_recovered_at_next_heading_and_reported():
    doc = parse("""
        ### 1. 什么是 A？

        **答案：**

        ```python
        print("a")

        ### 2. 什么是 B？

        **答案：** B。
        """)
    assert fields(doc, "number") == [("1",), ("2",)]
    assert any("never closed" in p.message and p.line == 5 for p in doc.problems)


def test_no_qa_is_a_warning_with_no_records():
    doc = parse("# 随笔\n\n今天天气不错。\n")
    assert doc.records == []
    assert [p.level for p in doc.problems] == ["warning"]
    assert "no Q&A items" in doc.problems[0].message


def test_identical_items_get_distinct_stable_ids():
    md = "### 1. 什么是 X？\n\n**答案：** X。\n\n### 2. 什么是 X？\n\n**答案：** X。\n"
    a = parse_text(md, "a.md").records
    b = parse_text(md, "a.md").records
    assert a[0]["content_hash"] == a[1]["content_hash"]
    assert a[0]["id"] != a[1]["id"]
    assert [r["id"] for r in a] == [r["id"] for r in b]
    assert parse_text(md, "other.md").records[0]["id"] != a[0]["id"]


def test_links_to_topic_pages_with_an_outline_are_not_questions():
    # a list of links to other pages (read as prompts answered elsewhere); the outline nested under
    # one of them does not make it a question, while a linked entry that asks, with an answer, is one
    md = """
        # 深度学习

        相关页面
        ---
        - [卷积网络](./cnn.md)
        - [循环网络](./rnn.md)
        - [优化方法](./optim.md)
            - 随机梯度下降
            - 动量方法
            - 自适应学习率方法

        ## 常见问题

        - [什么是梯度消失？](./vanish.md)
        - [为什么要做归一化？](./norm.md)
            - 让各层输入的分布保持稳定，缓解内部协变量偏移，训练收敛更快。
            - 对学习率和初始化不那么敏感，也有一定的正则化效果。
        - [怎样选择学习率？](./lr.md)
        """
    doc = parse(md)
    assert [r["question"] for r in doc.records] == ["[为什么要做归一化？](./norm.md)"]
    assert not any("优化方法" in r["question"] for r in doc.records)


def test_numbered_question_labels_left_empty_end_the_previous_item():
    """`Q14:` with nothing after it is an unfinished question of a Q1…Qn list, not text of the answer
    before it: the previous question keeps only its own answer, and the empty ones give no records."""
    doc = parse("""
        # 常见问题

        Q1:什么是梯度裁剪？

        限制梯度的范数，防止梯度爆炸。

        Q2:什么是学习率预热？

        Q3:

        Q4:

        Q5:为什么要做归一化？

        让各特征处在相近的尺度，训练更稳定。
        """)
    assert fields(doc, "number", "question", "answer") == [
        ("Q1", "什么是梯度裁剪？", "限制梯度的范数，防止梯度爆炸。"),
        ("Q5", "为什么要做归一化？", "让各特征处在相近的尺度，训练更稳定。"),
    ]
    assert [n.line for n in doc.non_items if n.reason == "no-answer"] == [7, 9, 11]


def test_bare_short_ascii_labels_are_still_prose():
    """Only a number makes a bare `Q14:` a label: `A:` alone on a line stays answer text."""
    doc = parse("""
        Q1:什么是过拟合？

        A:

        在训练集上好、测试集上差。
        """)
    assert fields(doc, "question") == [("什么是过拟合？",)]
    assert "A:" in doc.records[0]["answer"]


def test_a_chapter_heading_with_a_long_introduction_is_no_question_over_its_sections():
    # found on a textbook-style repository: `# 第三章 …`, a long introduction, then numbered questions
    intro = "本章介绍优化方法的由来。" * 20
    doc = parse(f"# 第三章 优化方法\n\n{intro}\n\n## 3.1 基本概念\n\n### 3.1.1 什么是梯度下降？\n\n沿负梯度方向更新参数。\n\n"
                "### 3.1.2 什么是学习率？\n\n每一步更新的步长。\n")
    assert [(r["number"], r["question"]) for r in doc.records] == [("3.1.1", "什么是梯度下降？"), ("3.1.2", "什么是学习率？")]


def test_a_numbered_question_line_answered_on_the_next_lines_of_its_paragraph():
    doc = parse("## 3.2 优化器\n\n（1）**为什么要用动量？**\n动量累积历史梯度，减小震荡。\n\n"
                "（2）**为什么要用自适应学习率？**\n不同参数的梯度尺度不同。\n")
    got = [(r["number"], r["question"], r["answer"]) for r in doc.records]
    assert got == [("1", "为什么要用动量？", "动量累积历史梯度，减小震荡。"), ("2", "为什么要用自适应学习率？", "不同参数的梯度尺度不同。")]


def test_numbered_labelled_questions_keep_bold_sub_questions_and_lists_in_their_answers():
    # found on a public LLM interview collection: Q2's answer has bold sub-questions and plain lists
    doc = parse("# LLM 面试题\n\n**Q1：什么是 RAG？**\n\n检索增强生成。\n\n"
                "**Q2：如何让输出合法又可控？**\n\n**如何保证 JSON 合法？**\n\n- 用结构化提示词\n- 解析失败就重试\n\n"
                "**如何限定输出类别？**\n\n- 实现受限解码\n- 列出允许的选项\n\n"
                "**Q3：什么时候用 SFT？**\n\n需要固定格式时：\n\n- 实现稳定的输出风格\n- 注入领域知识\n")
    got = [(r["number"], r["question"]) for r in doc.records]
    assert got == [("Q1", "什么是 RAG？"), ("Q2", "如何让输出合法又可控？"), ("Q3", "什么时候用 SFT？")]
    q2, q3 = doc.records[1]["answer"], doc.records[2]["answer"]
    assert "如何限定输出类别？" in q2 and "列出允许的选项" in q2
    assert "实现稳定的输出风格" in q3 and "注入领域知识" in q3


def test_a_sentence_before_a_pointer_link_is_content_not_the_links_lead_in():
    # `CNN是卷积神经网络，具体详见此文：[url](…)`: the lead-in is the clause before the colon, not the
    # whole sentence; with short circled-number points under it the item is answered, not link-only
    md = ("### 38. **有哪些办法防止过拟合？**\n\n解析：\n\n① Dropout\n\n② 加L1/L2正则化\n\n"
          "### 39. **CNN是什么，关键的层有哪些？**\n\n解析：\n\n"
          "CNN是卷积神经网络，具体详见此文：[https://blog.example.com/a](https://blog.example.com/a)。\n\n"
          "其关键层有：\n\n① 输入层，去均值\n\n② 卷积层，局部关联\n\n"
          "### 40. 参考阅读\n\n详见：[这里](https://example.com/b)\n")
    doc = parse(md)
    assert [r["number"] for r in doc.records] == ["38", "39"]
    assert "卷积神经网络" in doc.records[1]["answer"]
    assert [n.line for n in doc.non_items] == [21]  # the reading pointer stays no item


def test_a_bare_question_heading_asks_the_paragraph_under_it_and_is_answered_by_the_sections_after_it():
    # one-question-per-file notes: `## 问题`, the question as a paragraph, then `## 背景`, `## 区别`…
    doc = parse("# PPO 笔记\n\n## 问题\n\nPPO 为什么要裁剪概率比\n\n## 背景\n\n策略梯度的步长难以控制。\n\n"
                "## 区别\n\n与 TRPO 相比，PPO 用裁剪代替 KL 约束。\n")
    assert [(r["line_start"], r["line_end"], r["question"]) for r in doc.records] == [(3, 13, "PPO 为什么要裁剪概率比")]
    assert "策略梯度的步长难以控制" in doc.records[0]["answer"] and "用裁剪代替 KL 约束" in doc.records[0]["answer"]
    # the question may be quoted, and a heading that only says "answer" is no line of the answer
    doc = parse("# 笔记\n\n## 问题\n\n> 为什么 LayerNorm 适合 Transformer\n\n### 解答\n\n它对每个样本单独归一化。\n")
    assert [(r["question"], r["answer"]) for r in doc.records] == [("为什么 LayerNorm 适合 Transformer", "它对每个样本单独归一化。")]
    # with nothing under it, it asks nothing; over labelled questions it is a group heading
    assert parse("# 笔记\n\n## 问题\n\n## 背景\n\n一些背景。\n").records == []
    doc = parse("## 面试题\n\nQ1：什么是甲？\n\n甲是一种方法。\n\nQ2：什么是乙？\n\n乙是另一种方法。\n")
    assert [r["question"] for r in doc.records] == ["什么是甲？", "什么是乙？"]


def test_a_question_label_heading_is_the_question_without_its_label():
    doc = parse("# 笔记\n\n## 问题：什么是梯度裁剪\n\n把梯度范数限制在阈值以内。\n\n## 问题：什么是权重衰减\n\n每步把权重乘以略小于 1 的系数。\n")
    assert [(r["line_start"], r["question"]) for r in doc.records] == [(3, "什么是梯度裁剪"), (7, "什么是权重衰减")]
    # under a heading that already asks, `#### 问题：` and `#### 答案：` are that item's fields
    doc = parse("# 面试\n\n### 1. 什么是 Dropout？\n\n#### 问题：训练和推理时有何不同？\n\n#### 答案：\n\n训练时随机丢弃，推理时不丢。\n")
    assert [(r["line_start"], r["question"], r["answer"]) for r in doc.records] == [(3, "训练和推理时有何不同？", "训练时随机丢弃，推理时不丢。")]


@pytest.mark.parametrize("heading", ["# 目录", "## Table of Contents", "### Contents", "# 文章目录"])
def test_a_table_of_contents_lists_questions_without_asking_them(heading):
    # a book's README: the contents list every question with its page number, one paragraph each
    # (a question then a topic: the topic line is no answer to the question above it)
    toc = "\n\n".join(f"1.{k} What is the difference between A{k} and B{k}? {k + 3}  " if k % 2 else
                       f"1.{k} Properties of A{k} {k + 3}  " for k in range(1, 8))
    doc = parse(f"# Deep Learning Questions\n\nAn introduction to the book.\n\n{heading}\n\nChapter 1 Foundations 1\n\n{toc}\n\n"
                "## 1.8 什么是正定矩阵？\n\n所有特征值都大于零的对称矩阵。\n")
    assert [(r["number"], r["question"]) for r in doc.records] == [("1.8", "什么是正定矩阵？")]


def test_a_problems_label_in_notes_is_a_line_of_the_answer_not_the_question():
    # `问题：` over a list of drawbacks, or `问题：<a statement>` after the section's text with no answer label
    doc = parse("# 词表示\n\n## 1.1 什么是词袋模型？\n\n把文本看成词的集合，不考虑词序。\n\n问题：\n\n1. 丢失了词序信息\n2. 维度随词表增长\n\n"
                "## 1.2 什么是循环网络？\n\n循环网络按时间步读入序列。\n\n**问题：** 只能看到过去的词，看不到后面的词\n\n![](img/rnn.png)\n")
    got = [(r["line_start"], r["question"]) for r in doc.records]
    assert got == [(3, "什么是词袋模型？"), (12, "什么是循环网络？")]
    assert "丢失了词序信息" in doc.records[0]["answer"] and "看不到后面的词" in doc.records[1]["answer"]
    # a real question label keeps its meaning: it asks, or an answer label follows it, or its list asks
    doc = parse("## 1.3 注意力\n\n注意力按相关性加权。\n\n问题：注意力的复杂度是多少？\n\n答案：序列长度的平方。\n")
    assert [(r["question"].split("\n")[0], r["answer"]) for r in doc.records] == [("注意力的复杂度是多少？", "序列长度的平方。")]


def test_a_short_answer_that_says_something_before_a_figure_is_an_answer():
    doc = parse("# 数据库面试题\n\n### 1. 如何查看语句的执行计划？\n\n用关键字 `explain` 查看\n\n![](img/plan.png)\n\n"
                "### 2. 索引有哪些类型？\n\n如下图所示\n\n![](img/index.png)\n\n### 3. 什么是事务？\n\n一组要么全做要么全不做的操作。\n")
    assert [r["number"] for r in doc.records] == ["1", "3"]  # a figure's lead-in alone is still no answer


def test_among_labelled_questions_a_tagged_statement_a_privacy_term_and_a_rhetorical_question_are_answer_text():
    # `- 【术语】陈述。` is content where questions are labelled (a tagged prompt `【算法】手写 K-Means` is not);
    # `隐私信息` holds `私信` but is no request to message the author; `怎么做呢？` inside a long entry is rhetorical
    long_entry = ("- 先统计每个词出现的频率，把频率当作权重建一棵二叉树，权重大的词离根更近，因此编码更短。"
                  "那么具体怎么编码呢？约定左分支记 0、右分支记 1，从根走到叶子得到的串就是这个词的编码，整体路径加权最短。")
    doc = parse("# 推荐系统\n\nQ1：**什么是召回？**\n\n- 从全量物品中筛出候选集。\n\n"
                "Q2：**协同过滤和基于内容的推荐有什么区别？**\n\n- 【协同过滤】依赖用户行为，用相似用户的偏好来推荐。\n\n"
                "Q3：**如何保护用户隐私？**\n\n- 主要思路是不让隐私信息离开本地：\n    - 加密：同态加密让密文可算。\n"
                "    - 扰动：给数据加噪声。\n    - 联邦学习：数据不出设备。\n\n"
                f"Q4：**层次 softmax 为什么用霍夫曼树？**\n\n{long_entry}\n")
    got = [(r["number"], bool(r["answer"].strip())) for r in doc.records]
    assert got == [("Q1", True), ("Q2", True), ("Q3", True), ("Q4", True)]
    assert "同态加密" in doc.records[2]["answer"] and "怎么编码呢" in doc.records[3]["answer"]


def test_an_italic_label_word_is_the_label():
    doc = parse("# CNN\n\nQ1：**什么是卷积？**\n\n滑动窗口内的加权求和。\n\n*Q2*：**什么是池化？**\n\n降采样。\n\n"
                "_Q3_: **什么是步长？**\n\n窗口每次移动的距离。\n\nQ4：**什么是填充？**\n\n在边缘补零。\n")
    assert [r["number"] for r in doc.records] == ["Q1", "Q2", "Q3", "Q4"]
    assert doc.records[1]["question"].strip("*") == "什么是池化？"


def test_a_bold_topic_entry_among_bold_question_entries_is_a_question_of_that_list():
    # `- **…的作用**` with its notes nested, beside `- **…吗？**` entries of the same shape, is asked too
    # (as a topic heading is in a question bank); bold entries in a list where few ask stay content
    doc = parse("# 笔记\n\n## 训练技巧\n\n- **学习率太大会怎样？**\n\n  损失震荡甚至发散。\n\n"
                "- **权重衰减的作用**\n\n  限制权重的大小，减轻过拟合。\n\n- **早停为什么有效？**\n\n  在验证集变差前停下。\n\n"
                "- **数据增强的常见做法**\n\n  翻转、裁剪、加噪声。\n")
    assert [r["question"].strip("*") for r in doc.records] == ["学习率太大会怎样？", "权重衰减的作用", "早停为什么有效？",
                                                               "数据增强的常见做法"]
    notes = parse("# 笔记\n\n## 激活函数\n\n- **Sigmoid**\n\n  输出在 0 到 1 之间。\n\n- **ReLU**\n\n  负半轴为 0。\n\n"
                  "- **为什么需要非线性？**\n\n  否则多层等于一层。\n\n- **Tanh**\n\n  输出在 -1 到 1 之间。\n")
    assert [r["question"].strip("*") for r in notes.records] == ["为什么需要非线性？"]


def test_a_question_heading_over_numbered_question_paragraphs_is_a_group():
    # `## 面试题` names the list below it; each `**3-N**` paragraph is one question with its answer
    doc = parse("""
        # 第三章 聚类

        ## 面试题

        **3-1** 考官：请说一说 K 均值的步骤。

        先随机选中心，再迭代分配与更新。

        **3-2** 考官：好，那 K 值怎么选？

        常看肘部法则或轮廓系数。

        **3-3** 考官：K 均值对初始化敏感吗？

        敏感，可用 k-means++ 初始化。
        """)
    assert [(r["number"], r["line_start"], r["line_end"]) for r in doc.records] == [
        ("3-1", 5, 7), ("3-2", 9, 11), ("3-3", 13, 15)]


def test_numbered_parts_of_an_answer_stay_in_it_when_they_are_numbered_unlike_the_questions():
    # `（1）…是多少。` reads like a question (多少) but is numbered unlike the `**N-M** …？` questions
    # around it; `**5-3** 请介绍…。` is numbered like them and prompts, so it is one of them
    doc = parse("""
        ## 练习

        **5-1** 批大小和学习率之间有什么关系？

        （1）批大小变大时，梯度估计的方差变小，学习率通常可以随之变大多少。

        （2）线性缩放规则给出的放大倍数是多少：与批大小的倍数相同。

        **5-2** 为什么要做学习率预热？

        训练初期参数不稳定，小学习率能避免发散。

        **5-3** 请介绍两种学习率衰减方法。

        （1）阶梯衰减：每隔固定轮数乘以一个系数。

        （2）余弦衰减：按余弦曲线从初值降到接近零。
        """)
    assert [(r["number"], r["line_start"], r["line_end"]) for r in doc.records] == [
        ("5-1", 3, 7), ("5-2", 9, 11), ("5-3", 13, 17)]


def test_a_prompt_with_two_lead_words_asks():
    from qatool.parse.evidence import question_strength

    assert question_strength("请详细描述 Adam 的更新过程。") == 2
    assert question_strength("请你简要说明残差连接的作用") == 2


def test_a_topic_heading_over_bold_questions_groups_them():
    # `### 细节` does not ask; the bold lines under it do (a question mark, or a prompt), each with its answer
    doc = parse("""
        ## 卷积网络

        ### 3.4 常见细节

        **为什么卷积核通常取奇数大小？**（面试常问）

        - 奇数核有中心点，便于对称填充。

        **池化层有没有参数？**

        没有可学习参数，只有窗口大小和步长。

        **简单讲一下感受野的计算。**

        从后往前逐层累加（核大小减一）乘以之前各层步长的积。
        """)
    assert [(r["line_start"], r["line_end"], r["question"]) for r in doc.records] == [
        (5, 7, "为什么卷积核通常取奇数大小？（面试常问）"),
        (9, 11, "池化层有没有参数？"),
        (13, 15, "简单讲一下感受野的计算。"),
    ]


def test_a_bold_statement_among_bold_questions_is_a_sub_heading_of_the_answer_above():
    # `**注意力的实现**` states; under a topic heading it makes the bold lines sub-headings, so the heading is
    # not a list of bold questions and the statement stays in the answer before it
    doc = parse("""
        # Transformer 学习笔记

        ## 3.2 注意力

        **什么是注意力？**

        按相关性给输入加权求和。

        **注意力的实现**

        先算打分，再 softmax，再加权。

        **为什么要缩放？**

        避免点积过大使 softmax 饱和。
        """)
    assert [(r["line_start"], r["line_end"]) for r in doc.records] == [(5, 11), (13, 15)]


def test_a_pictograph_before_a_heading_number_does_not_hide_it():
    from qatool.parse.labels import split_number

    assert split_number("🚀 **6. 池化层的作用**") == ("6", "池化层的作用", False)
    assert split_number("**🔹 2. 激活层**") == ("2", "激活层", False)
    assert split_number("★ 3.2 什么是 BN？")[0] == "3.2"
    assert split_number("🎯 面试时怎么回答？") == (None, "🎯 面试时怎么回答？", False)


def test_a_numbered_prompt_title_with_请_is_the_one_question_of_its_file():
    # the whole file answers its title; the numbered sub-headings are steps of that answer
    doc = parse("""
        # 7. 请简单说说模型上线前要做哪些检查

        ## 1 离线指标

        在留出集上确认指标达标。

        ## 2 压力测试

        用峰值流量压测延迟和吞吐。
        """)
    assert [(r["number"], r["line_start"], r["line_end"]) for r in doc.records] == [("7", 1, 9)]


def test_a_bold_question_with_the_next_number_after_a_heading_question_is_its_sibling():
    # `### 2.1 …？` then `**2.2 …？**` inside its answer: the paragraph continues the heading's numbering
    doc = parse("""
        ## 2. 归一化

        ### 2.1 为什么需要归一化？

        让各特征处在相近的尺度上。

        **2.2 BN 和 LN 有什么区别？**

        BN 沿批次统计，LN 沿特征统计。

        **2.3 BN 在推理时怎么用？**

        用训练时累计的均值和方差。

        **注意**：批很小时 BN 不稳定。
        """)
    assert [(r["number"], r["line_start"], r["line_end"]) for r in doc.records] == [
        ("2.1", 3, 5), ("2.2", 7, 9), ("2.3", 11, 15)]


def test_a_list_question_answered_on_the_next_lines_of_its_paragraph():
    # the answer continues the list item's paragraph (tab-indented or lazy): the question is its first line
    doc = parse("""
        ## 常见问题

        1. 随机森林为什么不容易过拟合？
        \t每棵树用不同的样本和特征训练，平均后方差小。

        2. 梯度提升树的每一棵树拟合什么？
        \t拟合当前模型损失的负梯度。
        \t平方损失下就是残差。

        3. 随机森林能并行训练吗？
        """)
    assert [(r["line_start"], r["line_end"], r["question"]) for r in doc.records] == [
        (3, 4, "随机森林为什么不容易过拟合？"), (6, 8, "梯度提升树的每一棵树拟合什么？")]
    assert doc.records[1]["answer"] == "拟合当前模型损失的负梯度。\n平方损失下就是残差。"


def test_a_question_wrapped_over_two_lines_of_a_list_item_stays_one_question():
    doc = parse("""
        ## 常见问题

        1. 在训练很深的网络时，
           为什么要用残差连接？

           让梯度能直接回传。

        2. 为什么要做归一化？

           让各层输入分布稳定。
        """)
    assert [(r["line_start"], r["line_end"]) for r in doc.records] == [(3, 6), (8, 10)]
    assert doc.records[0]["answer"] == "让梯度能直接回传。"


def test_numbered_question_lines_with_their_answer_lines_in_one_paragraph():
    # a list entry names a group, then `(n) question？` and its answer alternate line by line (hard breaks)
    doc = parse("""
        ## 常见问题

        1. 卷积层相关
        (1) 卷积核为什么常用 3x3？
        两个 3x3 的感受野等于一个 5x5，参数更少
        (2) 1x1 卷积有什么用？
        调整通道数，做跨通道融合

        2. 为什么要用批归一化？
        让每层输入分布稳定，可以用更大的学习率
        """)
    assert [(r["number"], r["line_start"], r["line_end"], r["question"]) for r in doc.records] == [
        ("1", 4, 5, "卷积核为什么常用 3x3？"), ("2", 6, 7, "1x1 卷积有什么用？"), ("2", 9, 10, "为什么要用批归一化？")]


def test_a_list_prompt_without_a_question_mark_answered_on_indented_lines():
    doc = parse("""
        # 集成学习面试题

        ## 常见问题

        1. 随机森林为什么能并行训练
        \t每棵树独立地在自助采样上训练。

        2. 简述梯度提升的思想
        \t每一轮拟合上一轮的残差。
        """)
    assert [(r["line_start"], r["line_end"], r["question"]) for r in doc.records] == [
        (5, 6, "随机森林为什么能并行训练"), (8, 9, "简述梯度提升的思想")]


def test_a_bold_label_question_answered_on_the_next_line_of_its_paragraph():
    doc = parse("""
        ## 训练

        **Q：为什么要做梯度裁剪？**<BR>
        防止梯度爆炸导致参数更新过大。

        **Q：学习率预热有什么用？**<BR>
        训练初期用小学习率，避免发散。
        """.replace("<BR>", "  "))  # a hard line break after the question
    assert [(r["line_start"], r["line_end"], r["question"], r["answer"]) for r in doc.records] == [
        (3, 4, "为什么要做梯度裁剪？", "防止梯度爆炸导致参数更新过大。"),
        (6, 7, "学习率预热有什么用？", "训练初期用小学习率，避免发散。")]


def test_bold_numbered_paragraphs_in_one_run_are_one_list_topics_included():
    # two of five ask; the topics numbered among them (`**2. 模型结构**`) are items of the same list
    doc = parse("""
        # BERT 面试题

        **1. BERT 的预训练任务是什么？**

        掩码语言模型和下一句预测。

        **2. 模型结构**

        多层双向 Transformer 编码器。

        **3. 输入表示**

        词向量、段向量和位置向量相加。

        **4. 为什么要用 LayerNorm？**

        对每个样本归一化，不依赖批大小。

        **5. 微调方式**

        在输出上接任务层，全部参数一起训练。
        """)
    assert [(r["number"], r["line_start"], r["line_end"]) for r in doc.records] == [
        ("1", 3, 5), ("2", 7, 9), ("3", 11, 13), ("4", 15, 17), ("5", 19, 21)]


def test_a_list_entry_with_question_and_answer_labels_in_one_paragraph():
    # `1. **Q**: …` then `   **A**: …` on the next line of the same paragraph; not every question asks with ？
    doc = parse("""
        # 高频面试题

        ### Transformer 核心
        1. **Q**: 解释自注意力机制
           **A**: 每个位置按相关性对所有位置加权求和。

        2. **Q**: 为什么用多头？
           **A**: 不同的头关注不同子空间。
        """)
    assert [(r["line_start"], r["line_end"], r["question"], r["answer"]) for r in doc.records] == [
        (4, 5, "解释自注意力机制", "每个位置按相关性对所有位置加权求和。"),
        (7, 8, "为什么用多头？", "不同的头关注不同子空间。")]
