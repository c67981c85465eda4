"""A layout the forty-eighth untuned trial met, in wording of my own: a course outline whose chapters each list their
lessons as links and point to the chapter's question bank with a question label whose whole text is one link
(`**面试题**：[第 3 章面试题](./quiz/c3.md)`). Such a label asks nothing here, so the outline holds no items; a question
label with a question of its own still opens one."""
from __future__ import annotations

from qatool.lint.engine import Linter
from qatool.parse import parse_text

OUTLINE = """# 数据库课程

## 第一部分：基础

### 第 3 章：索引原理

- [03. B+ 树与索引](./content/03-index.md) - 聚簇索引、覆盖索引、最左前缀

**面试题**：[第 3 章面试题](./quiz/c3.md)

### 第 4 章：事务

- [04. 事务与锁](./content/04-tx.md) - ACID、隔离级别、MVCC

**面试题**：[第 4 章面试题](./quiz/c4.md)
"""

ASKED = """# 数据库

**面试题**：什么是覆盖索引？

**答案**：查询所需的列都在索引里，不必回表。
"""


def test_an_outline_that_points_to_question_banks_holds_no_items():
    assert parse_text(OUTLINE, "README.md").records == []
    assert not [f for f in Linter.default().lint_text(OUTLINE, "README.md") if f.code.startswith("QA")]


def test_a_question_label_with_a_question_still_opens_an_item():
    (rec,) = parse_text(ASKED, "db.md").records
    assert rec["question"].startswith("什么是覆盖索引") and "不必回表" in rec["answer"]
