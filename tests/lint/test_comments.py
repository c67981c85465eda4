"""HTML comments are not prose: the linter reads none of their text, also when they span lines, as
CommonMark reads them (a comment starting a line runs to `-->`, blank lines included; one opened
inside a paragraph is a comment only when it closes in that paragraph)."""
from __future__ import annotations

from qatool.lint.document import load_doc
from qatool.lint.engine import Linter
from qatool.lint.loader import load_rules

RULES, KB = load_rules()
TOKEN = "<|im_end|>"  # FM001 leaked-special-token wherever it is read


def found(text: str) -> list[tuple[int, int]]:
    return [(f.line, f.col) for f in Linter(RULES, KB, select=["FM001"]).lint_text(text, "t.md")]


def article(*body: str) -> str:
    return "\n".join(["### 1. 什么是预训练？", "", "**答案：** 预训练是在大规模语料上先训练模型。", "", *body, ""])


def test_a_comment_block_over_several_lines_is_not_read():
    text = article("<!--", f"草稿 {TOKEN} 未完成", "", f"第二段 {TOKEN}", "-->", f"正文 {TOKEN}")
    assert found(text) == [(10, 4)]


def test_text_after_the_closing_marker_keeps_its_columns():
    text = article("<!-- 注释开始", f"还在注释里 {TOKEN} --> 之后 {TOKEN}")
    line = text.split("\n")[5]
    assert found(text) == [(6, line.rindex(TOKEN) + 1)]


def test_a_comment_opened_inside_a_paragraph_and_closed_in_it_is_not_read():
    text = article(f"正文说明 <!-- 旁注 {TOKEN}", f"旁注续 {TOKEN} --> 正文 {TOKEN}")
    line = text.split("\n")[5]
    assert found(text) == [(6, line.rindex(TOKEN) + 1)]


def test_an_opener_inside_a_paragraph_that_never_closes_there_is_text():
    text = article(f"HTML 注释以 <!-- 开头 {TOKEN}", f"下一行 {TOKEN}", "", "--> 之后的段落")
    assert [ln for ln, _ in found(text)] == [5, 6]


def test_an_opener_in_inline_code_opens_nothing():
    text = article(f"注释写作 `<!--` 和 `-->`，例如 {TOKEN}", f"下一行 {TOKEN}")
    assert [ln for ln, _ in found(text)] == [5, 6]


def test_an_unclosed_comment_block_runs_to_the_end_of_the_file():
    text = article(f"正文 {TOKEN}", "", "<!--", f"草稿 {TOKEN}", "", f"### 2. 草稿题 {TOKEN}")
    assert found(text) == [(5, 4)]


def test_one_line_comments_and_lines_wholly_inside_a_comment():
    text = article(f"<!-- {TOKEN} --> 正文 <!-- {TOKEN} --> 尾", "<!--", f"{TOKEN}", "-->")
    doc = load_doc(text, "t.md")
    assert [u.line for u in doc.units if u.line >= 5] == [5]  # lines 6-8 hold only the comment
    assert doc.units[-1].text.strip() == "正文" + " " * len(f" <!-- {TOKEN} --> ") + "尾"
    assert found(text) == []


def test_a_comment_closed_on_a_fence_line_ends_there():
    # `<!-- ```py` … ``` -->`: a commented-out code block; what follows is read again (the scanner
    # takes `` ``` --> `` for an unclosed fence, which the next item heading ends)
    text = article("<!-- ```py", "x = 1", "``` -->", "", f"### 2. 下一题 {TOKEN}")
    assert found(text) == [(9, 12)]
