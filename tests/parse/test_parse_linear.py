"""Every pass of the parser (and the lint view built from it) is linear in its input: inputs that
hung the hand-written scanner are parsed, and four times the input takes well under eight times
as long. Timed with the best of three runs; the bound is generous because the machine is shared
(a linear pass gives about 4, a quadratic one 16)."""
from __future__ import annotations

import time

import pytest

from qatool.lint.document import load_doc
from qatool.parse import parse_text
from qatool.parse.labels import label_of, split_number
from qatool.parse.markdown import mask_inline_code


def _best(fn, arg, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t)
    return best


def _parse_and_view(text: str) -> None:
    load_doc(text, "big.md")


CASES = {
    # one line of 200,000 spaces (at 4n)
    "spaces": lambda n: " " * (50_000 * n),
    # unclosed code fences, each followed by a ## heading (32k of them: see the test below)
    "unclosed_fences": lambda n: "```py\nx = 1\n## h\n" * (1_000 * n),
    "bare_fences_and_headings": lambda n: "```\nx\n## h\n" * (1_000 * n),
    # HTML comments that never end, and comments around fences (each block looked for once)
    "unended_comments": lambda n: "<!-- x\n```\n" * (1_000 * n),
    "commented_fences": lambda n: "<!-- ```\nx\n``` -->\n" * (1_000 * n),
    # 2,000 levels of nesting, repeated
    "nested_lists": lambda n: ("- " * 2_000 + "x\n\n") * (25 * n),
    "nested_quotes": lambda n: ("> " * 2_000 + "x\n\n") * (25 * n),
    "indentation": lambda n: "".join(" " * i + "x\n" for i in range(0, 2_000, 20)) * (3 * n),
    "nested_list_lines": lambda n: "".join("  " * i + "- x\n" for i in range(200)) * (5 * n),
    # long runs of *, backticks, #, <|, brackets and label words
    "stars": lambda n: "*" * (50_000 * n),
    "star_words": lambda n: "*a " * (20_000 * n),
    "backticks": lambda n: "`" * (50_000 * n),
    "backtick_words": lambda n: "`a" * (20_000 * n),
    "backtick_runs": lambda n: " ".join("`" * (k % 60 + 1) for k in range(5_000 * n)),
    "hashes": lambda n: "#" * (50_000 * n),
    "heading_lines": lambda n: "#\n" * (2_000 * n),
    "leaked_tokens": lambda n: "<|" * (25_000 * n),
    "glued_headings": lambda n: ("文本。" * 40 + "<|x|>### 标题\n") * (300 * n),
    "brackets": lambda n: "[" * (50_000 * n),
    "link_starts": lambda n: "[a](" * (15_000 * n),
    "label_words": lambda n: "答案：" * (20_000 * n),
    "label_lines": lambda n: "**答案：**\n" * (3_000 * n),
    "qa_pairs": lambda n: "问：什么是 X？\n答：X 是 Y。\n\n" * (1_000 * n),
    "question_headings": lambda n: "### 1. 什么是X？\n\n**答案：** X。\n\n" * (500 * n),
    "list_questions": lambda n: "1. 什么是X？\n   - **答案**：X。\n" * (500 * n),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_parse_grows_linearly(name):
    make = CASES[name]
    small, large = make(1), make(4)
    for runs in (3, 7):  # measured again, longer, when a busy machine got in the way
        t1 = _best(_parse_and_view, small, runs)
        t4 = _best(_parse_and_view, large, runs)
        if t4 < 8 * max(t1, 0.02):
            break
    assert t4 < 8 * max(t1, 0.02), f"{name}: {t1:.3f}s at n, {t4:.3f}s at 4n"
    assert t4 < 60, f"{name}: {t4:.1f}s"


def test_32k_unclosed_fences_each_before_a_heading_do_not_hang():
    text = "```py\nx = 1\n## h\n" * 32_000
    t = time.perf_counter()
    doc = parse_text(text, "fences.md")
    assert time.perf_counter() - t < 60
    assert len(doc.scan.unclosed_fences) == 32_000


@pytest.mark.parametrize("text", [" " * 200_000, "*" * 200_000, "`" * 200_000, "#" * 200_000, "<|" * 100_000,
                                  "答案：" * 50_000, "- " * 100_000 + "答案：", "**" * 100_000, "1." * 100_000, "Q" + "1" * 200_000])
def test_line_helpers_are_linear_on_pathological_lines(text):
    t = time.perf_counter()
    label_of(text)
    split_number(text)
    mask_inline_code(text)
    assert time.perf_counter() - t < 2.0


def test_mask_inline_code_pairs_equal_backtick_runs():
    assert mask_inline_code("a `b` c") == "a     c"
    assert mask_inline_code("``a`b``!") == "       !"
    assert mask_inline_code("``a`") == "``a`"  # runs of different length do not pair (CommonMark)
    assert mask_inline_code("`" * 7) == "`" * 7
