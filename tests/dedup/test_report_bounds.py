"""The reviewer's evidence stays bounded on long records: diffs by sentence, cut at DIFF_CHARS; conflict
answers cut at ANSWER_CHARS with their full length given."""
from __future__ import annotations

from qatool.dedup.report import ANSWER_CHARS, DIFF_CHARS, diff_lines, excerpt, text_diff


def _rec(rid: str, answer: str) -> dict:
    return {"id": rid, "question": "什么是过拟合？", "answer": answer, "analysis": None}


def test_diff_lines_cut_after_sentence_ends_and_keep_line_breaks():
    assert diff_lines("甲。乙！丙\n\n丁?戊") == ["甲。\n", "乙！\n", "丙\n", "\n", "丁?\n", "戊\n"]


def test_a_one_sentence_change_in_a_long_paragraph_shows_that_sentence_only():
    sentences = [f"第{k}句讲的是一个不同的要点。" for k in range(200)]
    a = "".join(sentences)
    b = "".join(s if k != 57 else "第57句被改写成了别的意思。" for k, s in enumerate(sentences))
    d = text_diff(_rec("a", a), _rec("b", b))
    changed = [ln for ln in d.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert changed == ["-第57句讲的是一个不同的要点。", "+第57句被改写成了别的意思。"]
    assert len(d) < 400


def test_a_long_diff_is_cut_and_says_how_much_is_left_out():
    a = "".join(f"原句{k}。" for k in range(2000))
    b = "".join(f"新句{k}。" for k in range(2000))
    d = text_diff(_rec("a", a), _rec("b", b))
    assert len(d) <= DIFF_CHARS + 200
    last = d.splitlines()[-1]
    assert last.startswith("… ") and "more diff lines" in last and "records.parquet" in last
    total = len(text_diff(_rec("a", a), _rec("b", b), limit=10**9).splitlines())
    shown = len(d.splitlines()) - 1
    assert int(last.split()[1]) == total - shown


def test_excerpt_bounds():
    assert excerpt("短答案") == "短答案"
    exact = "字" * ANSWER_CHARS
    assert excerpt(exact) == exact
    long = "字" * (ANSWER_CHARS + 1)
    assert excerpt(long) == "字" * ANSWER_CHARS + " …"
