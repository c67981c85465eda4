"""Layouts the thirty-seventh untuned trial's notes used, in wording of my own: an entry that only introduces a list
of questions (`* 常见面试题：`) with each question's answer nested under it; and a zero-width space left before a
prompt by a copy from a web page."""
from __future__ import annotations

from qatool.parse import parse_text

NESTED = """# 支持向量机

1. 对偶问题

* 常见面试题：
  * 支持向量机的基本思想是什么？
    1. 在特征空间中找间隔最大的分离超平面。
    2. 线性不可分时引入松弛变量和核函数。
  * 为什么要把原问题转成对偶问题？
    1. 对偶问题更容易求解。
    2. 自然引入核函数。
  * 多分类怎么做？
    1. 一对一或一对多地组合多个二分类器。

## 参考
"""


def test_questions_nested_under_an_introducing_entry_are_items():
    recs = parse_text(NESTED, "svm.md").records
    assert [r["question"] for r in recs] == ["支持向量机的基本思想是什么？", "为什么要把原问题转成对偶问题？", "多分类怎么做？"]
    assert recs[0]["answer"].startswith("1. 在特征空间中找间隔最大的分离超平面。")
    assert (recs[0]["line_start"], recs[0]["line_end"]) == (6, 8)
    assert "一对一" in recs[2]["answer"] and "参考" not in recs[2]["answer"]


def test_an_entry_that_is_content_is_not_an_introduction():
    # the same shape under an entry that says something of its own: its nested entries are its content
    text = NESTED.replace("* 常见面试题：", "* 核技巧的作用：把低维线性不可分的数据映射到高维")
    assert all(r["question"] != "支持向量机的基本思想是什么？" for r in parse_text(text, "svm.md").records)


def test_a_zero_width_space_before_a_prompt_is_not_part_of_the_question():
    text = NESTED.replace("  * 支持向量机的基本思想是什么？", "  * \u200b\t支持向量机的基本思想是什么？")
    assert parse_text(text, "svm.md").records[0]["question"] == "支持向量机的基本思想是什么？"
