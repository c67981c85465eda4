"""What the reading tests of the later sessions share: the default linter, the codes it finds in a text, and a
Q&A item whose answer is the text under test."""
from __future__ import annotations

from qatool.lint.engine import Linter

DEFAULT = Linter.default()


def found(text: str) -> set[str]:
    return {f.code for f in DEFAULT.lint_text(text, "t.md")}


def item(answer: str) -> str:
    return f"### 1. 请谈谈你的理解。\n\n**答案：**\n{answer}\n"
