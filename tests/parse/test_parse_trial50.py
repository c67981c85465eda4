"""A layout the forty-eighth and fiftieth untuned trials met, in wording of my own: an answer label over an answer that
opens on a `**问题**：` sub-label (the problem the answer solves), then `**方案**：`. The sub-label is a line of the
answer, not the item's question: the item keeps its heading's question and its answer is not empty. A question label
before the answer label still gives the item its question."""
from __future__ import annotations

from qatool.lint.engine import Linter
from qatool.parse import parse_text

SUBLABEL = """# 缓存面试题

### 3. 如何做缓存预热？
**答案**：
**问题**：服务刚启动时缓存是空的，大量请求直接打到数据库。

**方案**：启动时批量把热点数据加载进 Redis。

### 4. 缓存穿透怎么办？
**答案**：用布隆过滤器拦截不存在的 key。
"""

LABELLED = """# 消息队列

**问题**：消息重复消费怎么处理？

**答案**：消费端做幂等，比如用唯一业务 ID 去重。
"""


def test_a_problem_sublabel_inside_an_answer_is_part_of_the_answer():
    records = parse_text(SUBLABEL, "cache.md").records
    assert [r["question"] for r in records] == ["如何做缓存预热？", "缓存穿透怎么办？"]
    assert "启动时缓存是空的" in records[0]["answer"] and "热点数据" in records[0]["answer"]
    assert not [f for f in Linter.default().lint_text(SUBLABEL, "cache.md") if f.code == "QA001"]


def test_a_question_label_before_the_answer_label_is_the_question():
    records = parse_text(LABELLED, "mq.md").records
    assert [(r["question"], r["answer"]) for r in records] == [("消息重复消费怎么处理？", "消费端做幂等，比如用唯一业务 ID 去重。")]
