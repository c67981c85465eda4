"""Layouts of the twenty-ninth trial, in wording of my own:

- a one-line question (`> 3、…`, a paragraph or a list entry, question mark or not) right over a collapsible
  answer (`<details><summary>答案</summary>…</details>`) is an item, where two or more are laid out so;
- YAML front matter (`---` … `---` holding a mapping) is metadata: no heading, no item, no finding."""
from __future__ import annotations

from qatool.lint.engine import Linter
from qatool.parse import parse_text

COLLAPSED = """> 1、学习率预热的作用
<details>
  <summary>答案</summary>
  训练初期参数随机，梯度方差大，先用小学习率稳定训练，再升到目标值。
</details>

> 2、为什么要做梯度裁剪？
<details>
  <summary>答案</summary>
  防止梯度爆炸导致参数更新过大。
  </details>

3. 权重衰减和 L2 正则的关系
<details>
<summary>参考答案</summary>
在 SGD 下两者等价，在 Adam 下不等价。
</details>
"""


def test_one_line_questions_over_collapsible_answers_are_items():
    doc = parse_text(COLLAPSED, "c.md")
    assert [r["question"] for r in doc.records] == ["学习率预热的作用", "为什么要做梯度裁剪？", "权重衰减和 L2 正则的关系"]
    assert [(r["line_start"], r["line_end"]) for r in doc.records] == [(1, 5), (7, 11), (13, 17)]
    assert "梯度方差大" in doc.records[0]["answer"]


def test_one_quoted_line_over_one_collapsible_is_not_enough():
    # a single quoted remark over a collapsible answer: no layout to read it by
    text = "> 这一节的笔记\n<details>\n<summary>答案</summary>\n内容。\n</details>\n"
    assert parse_text(text, "c.md").records == []


def test_a_collapsible_that_holds_no_answer_label_asks_nothing():
    text = "> 1、代码\n<details>\n<summary>展开</summary>\nx = 1\n</details>\n\n> 2、图\n<details>\n<summary>展开</summary>\n图片\n</details>\n"
    assert not {"代码", "图"} & {r["question"] for r in parse_text(text, "c.md").records}


FRONT = """---
title: 注意力面试题
tags:
- transformer
follow_up:
- 多头注意力为什么要拼接？
summary: 缩放点积为什么要除以根号 d？
---

本文整理注意力相关的面试题。

## 1. 注意力为什么要除以根号 d？

点积的方差随维度增大，缩放后 softmax 不会饱和。
"""


def test_yaml_front_matter_is_no_content():
    doc = parse_text(FRONT, "f.md")
    assert [r["question"] for r in doc.records] == ["注意力为什么要除以根号 d？"]
    assert doc.records[0]["line_start"] == 12  # line numbers stay the file's


def test_a_file_opening_with_a_thematic_break_keeps_its_text():
    text = "---\n\n## 1. 什么是 dropout？\n\n训练时随机丢弃神经元。\n\n---\n"
    doc = parse_text(text, "f.md")
    assert [r["question"] for r in doc.records] == ["什么是 dropout？"]


def test_front_matter_is_not_linted():
    text = "---\ntags: [mlm]\nnote: 环境返回的 [MASK] token 全部替换成 mask 掉<|endoftext|>\n---\n\n## 1. 题目？\n\n答案正文。\n"
    assert [f.code for f in Linter.default().lint_text(text, "f.md") if f.line <= 3] == []
