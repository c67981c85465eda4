"""Numbering (QA003): one topic's problems picked from a book's numbering kept across several files (`题3 … 题5 … 题8
题9 … 题12`, the rest of the numbers in sibling files) are a selection, not a damaged count: a run that starts above 1
and skips numbers in three or more places is not reported (fifty-third trial). A run from 1, or one skip, still is."""
from __future__ import annotations

from tests.lint.readings import found

TITLES = ["数组中重复的数字", "二维数组中的查找", "替换空格", "从尾到头打印链表", "重建二叉树", "二叉树的下一个节点",
          "用两个栈实现队列", "斐波那契数列", "旋转数组的最小数字", "矩阵中的路径", "机器人的运动范围", "剪绳子",
          "二进制中 1 的个数", "数值的整数次方"]


def _doc(numbers: list[int]) -> str:
    return "\n".join(f"#### 题{n} {TITLES[n - 1]}\n\n思路：先想清楚边界条件，再写代码；时间复杂度尽量做到线性。\n" for n in numbers)


def test_a_selection_from_a_numbering_kept_elsewhere_is_no_gap():
    assert "QA003" not in found(_doc([3, 5, 8, 9, 12, 13, 14]))


def test_a_run_from_one_with_the_same_skips_is_still_reported():
    assert "QA003" in found(_doc([1, 2, 3, 5, 8, 9, 12, 13, 14]))


def test_a_run_that_starts_later_and_skips_once_is_still_reported():
    assert "QA003" in found(_doc([3, 4, 5, 6, 8, 9, 10]))
