"""A layout the fifty-first untuned trial met, in wording of my own: an interview-experience post lists each round's
questions numbered from 1 again (`一面：` `1、 自我介绍` `2、 …` then `二面：` `1、 自我介绍` …), under plain paragraphs,
not headings, and the 1 (a self-introduction, no question) is no record. Each round is a list of its own: its numbers are
no repeats. A number really written twice in one list is still one."""
from __future__ import annotations

from qatool.lint.engine import Linter

DEFAULT = Linter.default()

ROUNDS = """# 某厂算法岗面经

一面：

1、 自我介绍

2、 梯度消失怎么解决？

3、 Adam 和 SGD 的区别？

二面：

1、 自我介绍

2、 项目里最难的部分是什么？

3、 为什么用 LayerNorm？
"""

REPEATED = """# 面试题

### 1. BN 的作用是什么？

**答案：** 稳定每层输入的分布。

### 2. 梯度消失怎么解决？

**答案：** 残差连接、合适的初始化。

### 2. Adam 和 SGD 的区别？

**答案：** Adam 按参数自适应步长。
"""


def codes(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in DEFAULT.lint_text(text, "mianjing.md") if f.code in ("QA003", "QA004")]


def test_each_round_numbered_again_is_a_list_of_its_own():
    assert codes(ROUNDS) == []


def test_a_number_written_twice_in_one_list_is_still_a_repeat():
    assert ("QA004", 11) in codes(REPEATED)
