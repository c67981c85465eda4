"""Readings of the fourteenth untuned trial's misread layouts, in wording of my own (not the trial's text):
words a sign-off shares with content, a 是否 that says what is checked, an answer label of one version
among several, a list question answered on its own later lines, a numbered question label standing for a
question asked elsewhere, and a file title written at its sections' heading level."""
from __future__ import annotations

import textwrap

import pytest

from qatool.lint.engine import Linter
from qatool.parse import parse_text
from qatool.parse.evidence import is_sign_off, question_strength


def parse(md: str):
    return parse_text(textwrap.dedent(md).lstrip("\n"), "doc.md")


def lint(md: str, *codes: str) -> list[tuple[str, int]]:
    linter = Linter.default(select=list(codes))
    return [(f.code, f.line) for f in linter.lint_text(textwrap.dedent(md).lstrip("\n"), "doc.md")]


@pytest.mark.parametrize("text, signs_off", [
    # content that names likes, shares, saves or forwarding
    ("推荐系统的正反馈包括用户的收藏、转发和点赞次数，可以加权成一个互动分数。", False),
    ("网关收到请求后按用户 ID 做哈希，再把请求转发给对应的分片。", False),
    ("奖励模型的训练数据可以来自线上的点赞与点踩记录。", False),
    ("收藏夹功能", False),
    ("如果您需要收集偏好数据，可以利用用户的点赞和转发记录。", False),  # an answer addressing the asker
    # a sign-off: asked of the reader, the reader addressed, an account promoted, or nothing else said
    ("如果这篇笔记帮到了你，记得点赞收藏～", True),
    ("有疑问的同学可以在下面留言，我看到都会回。", True),
    ("更多面经会同步到我的公众号。", True),
    ("点赞 + 收藏", True),
    ("码字不易，求转发！", True),
])
def test_sign_off_words_are_read_in_context(text, signs_off):
    assert is_sign_off(text) is signs_off


def test_an_answer_that_names_likes_is_kept():
    doc = parse("""
        ### 1. 线上怎么收集偏好数据？

        **答案：** 有两个来源。

        一是产品里的点赞和点踩按钮，二是用户转发或收藏的回答，按会话去重后使用。
        """)
    assert [(r["line_start"], r["line_end"]) for r in doc.records] == [(1, 5)]
    assert doc.records[0]["answer"].endswith("按会话去重后使用。")


@pytest.mark.parametrize("text", ["后端把请求转发给空闲的推理节点。", "需求转发给了算法组。"])
def test_forwarding_a_request_is_no_blog_chatter(text):
    assert lint(f"### 1. 负载均衡怎么做？\n\n**答案：** {text}\n", "FM007") == []


def test_a_request_to_share_is_blog_chatter():
    assert lint("### 1. 负载均衡怎么做？\n\n**答案：** 轮询即可。觉得有用就求转发！\n", "FM007") == [("FM007", 3)]


@pytest.mark.parametrize("text, strength", [
    ("先检查是否有空值，再校验字段类型", 0),
    ("用规则校验输出是否合法。", 0),
    ("训练时观察验证集损失是否上升", 0),
    ("判断模型是否欠拟合", 2),        # a prompt at the start
    ("如何判断模型是否欠拟合", 2),
    ("模型是否欠拟合", 2),
    ("先看训练误差，模型是否欠拟合", 2),  # the check is in another clause
])
def test_a_checked_whether_asks_nothing(text, strength):
    assert question_strength(text) == strength


def test_an_answer_listing_checks_is_not_a_list_of_questions():
    # among follow-up questions (追问), a numbered list of checks in the answer asks nothing
    doc = parse("""
        ### 4.1 追问

        **问题：** 工具返回的结果不可信怎么办？

        **参考答案：**
        先加一层校验。

        1. **格式校验**：检查是否为 JSON、字段是否齐全。
        2. **取值校验**：检查数值是否在合理区间。
        3. **交叉校验**：用另一个来源核对结果是否一致。

        校验失败就重试或转人工。

        - **追问：** 校验本身太慢怎么办？
          - **回答：** 只抽样校验。

        - **追问：** 怎样避免反复重试？
          - **回答：** 记录重试次数，设上限。
        """)
    assert [(r["line_start"], r["line_end"]) for r in doc.records] == [(3, 12), (14, 15), (17, 18)]
    assert [n.reason for n in doc.non_items if n.reason == "no-answer"] == []


def test_an_answer_label_of_one_version_among_several():
    doc = parse("""
        ### 1. 什么是梯度裁剪？
        **简洁版答案：**
        把梯度范数限制在阈值以内。

        **详细版参考答案：**
        按全局范数缩放所有梯度，防止一步走得太远。
        """)
    (rec,) = doc.records
    assert rec["question"] == "什么是梯度裁剪？"
    assert rec["answer"].startswith("把梯度范数限制在阈值以内。")


def test_a_list_question_answered_on_its_own_later_lines():
    doc = parse("""
        ### 2.1 读书笔记：混合精度

        **摘要：** 介绍了损失缩放。

        **延伸题：**
        - 面试题：为什么混合精度训练需要损失缩放？
          **参考答案：** 半精度的下限太高，小梯度会下溢成零。

        ## 3. 下一部分
        """)
    (rec,) = doc.records
    # (the text before the question label goes with the question, as for every labelled item)
    assert rec["question"].startswith("为什么混合精度训练需要损失缩放？")
    assert rec["answer"] == "半精度的下限太高，小梯度会下溢成零。"


def test_a_numbered_question_label_over_a_statement_stands_for_a_question_asked_above():
    md = """
        ### 读书笔记一：缓存

        **延伸题：**
        1. KV Cache 为什么能加速解码？
        2. 它的显存怎么估算？

        **参考答案：**
        - 问题1：
          “解码时每一步只需计算新 token 的 K、V，之前的都从缓存里读。”
        - 问题2：
          “按层数、头数、头维度、序列长度和批大小相乘，再乘 2 和字节数。”
        """
    doc = parse(md)
    assert all(not r["question"].lstrip().startswith("“") for r in doc.records)
    assert lint(md, "QA001") == []


def test_a_numbered_question_label_over_a_question_is_kept():
    doc = parse("""
        **问题 1：**
        为什么 Adam 需要偏差修正？

        **答案：** 一阶、二阶矩从零初始化，前几步偏小。

        **问题 2：**
        学习率预热的作用

        **答案：** 早期梯度不稳，先用小学习率。
        """)
    assert [r["question"] for r in doc.records] == ["为什么 Adam 需要偏差修正？", "学习率预热的作用"]


def test_a_file_title_at_its_sections_level_is_no_unanswered_question():
    md = """
        ## 怎样选择微调方法

        ## 1. 数据很少时选什么？

        用提示词或少量参数的方法。

        ## 2. 数据很多时选什么？

        可以全参数微调。
        """
    assert lint(md, "QA001") == []


def test_an_unnumbered_question_before_numbered_ones_is_still_unanswered():
    md = """
        ## 什么是学习率预热？

        ## 1. 什么是余弦退火？

        学习率按余弦曲线下降。

        ## 2. 什么是周期学习率？

        学习率在上下界之间来回变化。
        """
    assert lint(md, "QA001") == [("QA001", 1)]
