"""Numbering (QA003): a question heading typed with a full-width space after its marks (`###　6、…`, U+3000) is no
heading to CommonMark, but its number is written in the file, so the next number is no gap (fifty-second trial)."""
from __future__ import annotations

from tests.lint.readings import found

TOPICS = ["过拟合", "正则化", "交叉验证", "偏差与方差", "早停", "数据增强", "学习率", "批归一化", "梯度裁剪"]


def _doc(space_of_six: str | None) -> str:
    out = []
    for i, topic in enumerate(TOPICS, 1):
        if i == 6 and space_of_six is None:
            continue
        space = space_of_six if i == 6 else " "
        out.append(f"###{space}{i}、如何理解{topic}？\n\n{topic}是训练模型时要考虑的一个方面，细节见正文。\n")
    return "\n".join(out)


def test_a_number_behind_a_full_width_space_is_written():
    assert "QA003" not in found(_doc("\u3000"))


def test_a_number_left_out_is_still_a_gap():
    assert "QA003" not in found(_doc(" "))
    assert "QA003" in found(_doc(None))
