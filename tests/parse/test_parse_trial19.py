"""Readings of the nineteenth untuned trial's misread layouts, in wording of my own (not the trial's
text): an answer key whose entries put the marker alone on its line (`1.`) and, indented under it, the
question in HTML bold (`<strong>…？</strong>`) and its answer; and lists inside such an indented answer,
which a paragraph at their own indent ends."""
from __future__ import annotations

from qatool.lint.engine import Linter
from qatool.parse import parse_text
from qatool.parse.labels import strip_bold

ANSWER_KEY = """# 检索增强八股
1.  检索增强生成解决了什么问题？
2.  向量数据库怎么选型？

## 参考回答
1.
    <strong>检索增强生成解决了什么问题？</strong>

    它让模型回答时能查到训练数据以外的新资料，减少编造。

    * <strong>做法：</strong>
        1.  先把文档切块并编码成向量。
        2.  查询时取最相近的几块拼进提示词。

    <strong>代价</strong>

    多了一次检索，延迟会变高。
    * <strong>做法：</strong>
        1.  缓存常见查询的结果。

---
2.
    <strong>向量数据库在选型时要考虑哪些因素？请结合数据规模说明，并给出你会优先看的指标（例如召回率、延迟）</strong>

    数据量小时内存索引就够；上亿条时要看分片、压缩和过滤能力。
"""


def test_entries_with_the_marker_alone_are_read_with_their_bold_question():
    doc = parse_text(ANSWER_KEY, "rag.md")
    got = [(r["question"], r["line_start"]) for r in doc.records]
    assert got == [("检索增强生成解决了什么问题？", 6),
                   ("向量数据库在选型时要考虑哪些因素？请结合数据规模说明，并给出你会优先看的指标（例如召回率、延迟）", 22)]
    first = doc.records[0]["answer"]
    assert first.startswith("它让模型回答时能查到") and "延迟会变高" in first and "<strong>检索增强" not in first


def test_a_paragraph_at_the_lists_indent_ends_the_list():
    # the two `* <strong>做法：</strong>` entries are in two lists, a paragraph between them
    found = [f for f in Linter.default(select=["QA005"]).lint_text(ANSWER_KEY, "rag.md")]
    assert found == []
    nested_once = ANSWER_KEY.replace("    <strong>代价</strong>\n\n    多了一次检索，延迟会变高。\n", "")
    found = [f.line for f in Linter.default(select=["QA005"]).lint_text(nested_once, "rag.md")]
    assert found == []  # one list now, but the two entries hold different steps: two items under one label
    same_steps = nested_once.replace("        1.  缓存常见查询的结果。\n",
                                     "        1.  先把文档切块并编码成向量。\n        2.  查询时取最相近的几块拼进提示词。\n")
    found = [f.line for f in Linter.default(select=["QA005"]).lint_text(same_steps, "rag.md")]
    assert found == [15]  # the entry is repeated in it, steps and all


def test_html_bold_is_bold():
    assert strip_bold("<strong>什么是注意力？</strong>") == "什么是注意力？"
    assert strip_bold("<b>定义</b>：") == "定义"
    assert strip_bold("<strong>一</strong>和<strong>二</strong>") == "<strong>一</strong>和<strong>二</strong>"
    assert strip_bold("<em>x</em>") == "<em>x</em>"
