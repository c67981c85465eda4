"""Structure rules on the tree parser's output: where the findings land and what they say, beyond the
counts of the case files (tests/lint/rules/QA00x.yml)."""
from __future__ import annotations

from qatool.lint.document import load_doc
from qatool.lint.engine import Linter
from qatool.lint.loader import load_rules
from qatool.lint.pyrules import number_family, number_parts, numbered_entries

RULES, KB = load_rules()


def lint(text: str, *codes: str):
    return [(f.code, f.line, f.message) for f in Linter(RULES, KB, select=list(codes)).lint_text(text, "t.md")]


def test_number_parts_and_family():
    assert number_parts("3.2.1") == (3, 2, 1)
    assert number_parts("题目 3-2") == (3, 2)
    assert number_parts("十二") == (12,)
    assert number_parts("１２") == (12,)
    assert number_parts(None) is None
    # depth and separator do not change the family; a prefix word or parentheses do
    assert number_family("3.2", "3.2 甲") == number_family("4", "4. 乙") == number_family("01", "01、丙")
    assert len({number_family("1", "1. 甲"), number_family("Q1", "Q1 甲"), number_family("题目 1", "题目 1：甲"),
                number_family("一", "一、甲"), number_family("1", "(1) 甲")}) == 5


def test_entries_include_headings_that_are_not_records():
    text = "## 1. 什么是甲？\n\n甲。\n\n## 2. 乙的计算过程\n\n### 2.1 什么是前向？\n\n前向。\n\n## 3. 什么是丙？\n\n丙。\n"
    got = [(e.line, e.parts, e.where, e.record) for e in numbered_entries(load_doc(text, "t.md"))]
    assert (5, (2,), "h2", False) in got  # the chapter heading the parser did not make a record
    assert (7, (2, 1), "h3", True) in got


def test_gap_lands_on_the_number_after_the_missing_one_and_names_it():
    text = "### 1. 甲？\n\n**答案：** 甲。\n\n### 2. 乙？\n\n**答案：** 乙。\n\n### 4. 丁？\n\n**答案：** 丁。\n\n### 5. 戊？\n\n**答案：** 戊。\n"
    assert lint(text, "QA003") == [("QA003", 9, "题号跳跃：应为 3，这里是 4")]


def test_gap_under_a_parent_number_names_the_full_number():
    text = "## 3.1 什么是甲？\n\n甲。\n\n## 3.2 什么是乙？\n\n乙。\n\n## 3.4 什么是丁？\n\n丁。\n"
    assert lint(text, "QA003") == [("QA003", 9, "题号跳跃：应为 3.3，这里是 3.4")]


def test_repeat_names_the_first_line():
    text = "### 1. 甲？\n\n**答案：** 甲。\n\n### 2. 乙？\n\n**答案：** 乙。\n\n### 2. 丙？\n\n**答案：** 丙。\n"
    assert lint(text, "QA004") == [("QA004", 9, "题号 2 重复（第一次出现在第 5 行）")]


def test_unanswered_numbered_question_is_reported_on_its_own_line():
    text = "## 面试题\n\nQ1：什么是甲？\n\n甲是一种方法。\n\nQ2：什么是乙？\n\nQ3：什么是丙？\n\n丙是第三种方法。\n"
    assert lint(text, "QA001", "QA002") == [("QA001", 7, "题目“什么是乙？”没有答案")]


def test_todo_body_under_a_question_heading_is_a_placeholder_not_an_empty_answer():
    text = ("### 1. 什么是甲？\n\n**答案：** 甲是一种方法。\n\n### 2. 如何计算乙？\n\n- [ ] TODO\n\n"
            "### 3. 什么是丙？\n\n**答案：** 丙是第三种方法。\n")
    found = lint(text, "QA001", "QA002")
    assert [(c, ln) for c, ln, _ in found] == [("QA002", 7)]


def test_a_question_answered_by_a_figure_alone_is_reported_though_it_is_no_record():
    # the parser keeps a figure-only answer out of the records (nothing to train on); the question must
    # not vanish unreported, whether the figure is Markdown or an <img> tag, with a caption or not
    text = ("## 1. 什么是甲？\n\n甲是一种方法。\n\n## 2. 简单说说乙的几种结构。\n\n解析：\n\n![乙的结构](img/b.png)\n\n"
            "## 3. 丙如何反向求导？\n\n下图是推导过程：\n\n<img src=\"c.png\" width=\"300\">\n\n"
            "## 4. 什么是丁？\n\n丁是第四种方法。\n")
    found = lint(text, "QA001", "QA002")
    assert [(c, ln) for c, ln, _ in found] == [("QA002", 9), ("QA002", 15)]
    assert "图片" in found[0][2] and "![乙的结构](img/b.png)" in found[0][2]
    # a figure beside an answer in words is no finding
    ok = "## 1. 什么是甲？\n\n甲是一种方法。\n\n## 2. 乙如何计算？\n\n![乙](b.png)\n\n乙由两步相加得到，先求和再平均。\n"
    assert lint(ok, "QA001", "QA002") == []


# ------------------------------------------------------- found on real chapters nobody tuned the rules to


def test_a_section_number_that_runs_into_its_title_is_read_whole():
    from qatool.parse.labels import split_number

    assert split_number("10.4.1新手原则。")[:2] == ("10.4.1", "新手原则。")
    assert split_number("7.2.3损失函数的选择")[:2] == ("7.2.3", "损失函数的选择")
    assert split_number("2.5倍的加速从何而来")[0] is None  # a decimal is no section number
    text = ("### 7.2 网络训练有哪些技巧？\n\n### 7.2.1学习率预热。\n\n先用小学习率。\n\n"
            "### 7.2.2梯度裁剪。\n\n防止梯度爆炸。\n")
    assert lint(text, "QA004", "QA003") == []  # 7.2.1 is no second 7.2


def test_a_question_answered_by_its_numbered_subsections_is_not_empty():
    text = ("### 7.1 什么是甲？\n\n甲。\n\n### 7.2 网络训练有哪些技巧？\n\n### 7.2.1 学习率预热\n\n先用小学习率。\n\n"
            "### 7.2.2 梯度裁剪\n\n防止梯度爆炸。\n")
    assert lint(text, "QA001") == []
    # the next heading is a sibling, not a subsection: 7.2 is left without an answer
    text = text.replace("7.2.1 学习率预热", "7.3 学习率预热？").replace("7.2.2 梯度裁剪", "7.4 梯度裁剪？")
    assert [line for _, line, _ in lint(text, "QA001")] == [5]


def test_lines_of_a_display_formula_are_not_list_items():
    formula = "$$\nL = a\n\t+ b \\\\\n\t+ b \\\\\n\t= c\n$$\n"
    text = "### 1. 甲怎么推导？\n\n**答案：** 推导如下：\n" + formula + "\n所以得到 c。\n"
    assert lint(text, "QA005") == []
    listed = "### 1. 甲有哪些做法？\n\n**答案：**\n\n+ 做法一\n+ 做法一\n"
    assert [code for code, _, _ in lint(listed, "QA005")] == ["QA005"]


def test_list_items_repeat_only_among_siblings():
    text = ("### 1. 各种回归的损失函数是什么？\n\n**答案：**\n\n"
            "* **Lasso 回归**\n  * 损失函数\n  * 稀疏\n* **岭回归**\n  * 损失函数\n  * 平滑\n\n"
            "1. R-CNN\n   - 先用 selective search 取候选框\n   - 再用 SVM 分类\n"
            "2. Fast R-CNN\n   - 先用 selective search 取候选框\n   - 再整图提特征\n")
    assert lint(text, "QA005") == []
    twice = "### 1. 甲有哪些做法？\n\n**答案：**\n\n* **甲**\n  * 做法一\n  * 做法一\n"
    assert [line for _, line, _ in lint(twice, "QA005")] == [7]
