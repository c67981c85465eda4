"""Structure readings fixed in the thirteenth session (2026-12-02) after the 44th untuned trial, in wording of my
own: a range in a number (`第 1-2 阶段`) covers its end; a number in a heading's link text counts, and a heading that is
one link (`#### [7、…](https://…)`) is read as its text, an item of its own (not a table of contents' anchor link);
its empty body, or a figure alone under it, points to the linked answer; a literal `**` set apart by spaces (the
exponent operator) is no broken bold; a long statement heading that defines is its own content."""
from __future__ import annotations

from qatool.lint.engine import Linter
from qatool.parse.extract import parse_text

DEFAULT = Linter.default()


def found(text: str) -> set[str]:
    return {f.code for f in DEFAULT.lint_text(text, "t.md")}


def _bank(headings: list[str], bodies: list[str]) -> str:
    parts = ["# 面试题\n"]
    for h, b in zip(headings, bodies):
        parts.append(f"{h}\n\n{b}\n" if b else f"{h}\n")
    return "\n".join(parts)


def test_a_range_covers_its_end():
    text = _bank(["### 第 1-2 阶段：基础", "### 第 3 阶段：检索", "### 第 4 阶段：智能体", "### 第 5 阶段：部署"],
                 ["学习提示词与调用接口。", "学习向量检索。", "学习工具调用。", "学习上线。"])
    assert "QA003" not in found(text)
    gap = text.replace("第 3 阶段", "第 6 阶段").replace("第 4 阶段", "第 7 阶段").replace("第 5 阶段", "第 8 阶段")
    assert "QA003" in found(gap)


def test_a_number_in_a_headings_link_counts():
    heads = ["#### 1、什么是进程？", "#### [2、什么是线程？](https://example.com/t)", "#### 3、进程和线程的区别？",
             "#### [4、什么是协程？](https://example.com/c)", "#### 5、什么是纤程？"]
    bodies = ["进程是资源分配的单位。", "线程是调度的单位。", "线程共享进程的内存。", "协程在用户态切换。", "纤程由程序自己调度。"]
    assert "QA003" not in found(_bank(heads, bodies))
    heads[3] = "  #### [4、什么是协程？](https://example.com/c)"  # (indented up to three spaces: still a heading)
    assert "QA003" not in found(_bank(heads, bodies))
    heads[3], heads[4] = "#### [5、什么是协程？](https://example.com/c)", "#### 6、什么是纤程？"
    assert "QA003" in found(_bank(heads, bodies))


def test_a_linked_heading_is_an_item_and_its_empty_body_points_to_the_link():
    text = _bank(["#### 1、什么是进程？", "#### [2、什么是线程？](https://example.com/t)", "#### 3、什么是协程？",
                  "#### [4、什么是纤程？](https://example.com/f)"],
                 ["进程是资源分配的单位。", "线程是调度的单位，共享进程的内存。", "协程在用户态切换。", ""])
    recs = parse_text(text, "t.md").records
    assert [(r["number"], r["question"]) for r in recs][:2] == [("1", "什么是进程？"), ("2", "什么是线程？")]
    assert "线程是调度的单位" in recs[1]["answer"]
    assert "QA001" not in found(text)  # (question 4 links to where it is answered)
    assert "QA001" in found(text.replace("#### [4、什么是纤程？](https://example.com/f)", "#### 4、什么是纤程？"))


def test_a_table_of_contents_link_heading_stays_a_link():
    text = "# 目录\n\n#### [1.什么是索引？](#什么是索引)\n#### [2.什么是事务？](#什么是事务)\n\n## 什么是索引？\n\n索引是帮助快速查找的数据结构。\n"
    assert all("什么是事务" not in r["question"] for r in parse_text(text, "t.md").records)
    assert "QA001" not in found(text)


def test_a_lone_double_star_is_no_broken_bold():
    text = "### 28. 指数运算符 **\n\n多个运算符连用时从右往左算，2 ** 3 ** 2 等于 512。\n"
    assert "FM003" not in found(text)
    assert "FM003" in found("### 1. 问题？\n\n答：这里的**加粗 忘了闭合。\n")


def test_a_long_defining_heading_is_its_own_content():
    stated = ("#### 8、当对某一资源的需求超过它能提供的可用部分时，整个系统的吞吐就会下降，"
              "这种由资源不足引起的性能变坏的状况就被称为过载或拥塞。")
    text = _bank(["#### 7、什么是流量控制？", stated, "#### 9、什么是慢启动？"],
                 ["流量控制让发送方不超过接收方的处理能力。", "", "慢启动让拥塞窗口从小开始指数增长。"])
    assert "QA001" not in found(text)
    asked = "#### 8、当对某一资源的需求超过它能提供的可用部分时，整个系统的吞吐就会下降，这种状况叫什么，如何缓解？"
    assert "QA001" in found(_bank(["#### 7、什么是流量控制？", asked, "#### 9、什么是慢启动？"],
                                  ["流量控制让发送方不超过接收方的处理能力。", "", "慢启动让拥塞窗口从小开始指数增长。"]))


def test_a_figure_under_a_linked_heading_is_no_image_only_answer():
    text = ("# 往期\n\n### 1. 如何保证缓存与数据库一致？\n\n先更新数据库，再删除缓存。\n\n"
            "### [2. 过期键是怎么清理的？](https://example.com/2)\n\n![](qr.png)\n")
    assert not {"QA001", "QA002"} & found(text)
    assert "QA002" in found(text.replace("[2. 过期键是怎么清理的？](https://example.com/2)", "2. 过期键是怎么清理的？"))


def test_a_number_listed_in_a_to_do_table_is_accounted_for():
    table = ("## 待写清单\n\n| # | 分类 | 题号 | 题目 |\n|---|---|:---:|---|\n| 1 | 基础 | 3 | 什么是纤程 |\n"
             "| 2 | 进阶 | 6-7 | 调度与抢占 |\n\n")
    heads = ["## 题1：什么是进程？", "## 题2：什么是线程？", "## 题4：什么是协程？", "## 题5：什么是锁？", "## 题8：什么是死锁？"]
    bodies = ["资源分配的单位。", "调度的单位。", "用户态切换的执行流。", "保护共享数据的机制。", "互相等待资源而僵持。"]
    assert "QA003" not in found(table + _bank(heads, bodies))
    assert "QA003" in found(_bank(heads, bodies))


def test_a_compound_and_its_parts_are_no_truncated_list():
    text = "### 1. 记忆有哪些？\n\n答：关键词有滑动窗口、长短期记忆、短期记忆、长期记忆。\n"
    assert "FM005" not in found(text)
    assert "FM005" in found("### 1. 记忆有哪些？\n\n答：关键词有滑动窗口、长短期记忆、短期记忆。\n")


def test_someone_following_someone_is_no_request_to_follow():
    text = "### 1. 注意力为什么不对称？\n\n答：“我关注你”不等于“你关注我”，所以 Q 和 K 用不同的矩阵。\n"
    assert "FM007" not in found(text)
    assert "FM007" in found("### 1. 注意力为什么不对称？\n\n答：Q 和 K 用不同的矩阵。觉得有用就关注我吧。\n")


def test_questions_numbered_within_their_sections_are_no_repeats():
    parts = ["# 面试题\n"]
    for sec in (1, 2, 3):
        parts.append(f"## 第{sec}部分\n")
        for k in (1, 2, 3):
            parts.append(f"**Q{sec}.{k} 第 {sec} 部分的第 {k} 个问题是什么？**\n\n这是第 {sec} 部分第 {k} 题的回答，内容完整。\n")
    text = "\n".join(parts)
    recs = parse_text(text, "t.md").records
    assert [r["number"] for r in recs][:4] == ["Q1.1", "Q1.2", "Q1.3", "Q2.1"]
    assert not {"QA003", "QA004"} & found(text)
    assert "QA004" in found(text.replace("Q2.2 第 2 部分", "Q2.1 第 2 部分"))
