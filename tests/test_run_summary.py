"""What `qatool run` prints: problems grouped by kind with a few examples and where the rest are,
no line per file on large runs, per-file details in OUT, -q, aligned tables with Chinese file names,
one record count."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from click.testing import CliRunner
from rich.cells import cell_len

from qatool.cli import main
from qatool.summary import FILES_TABLE_MAX, group_problems, problem_kind

GOOD = "### 1. 什么是召回率？\n\n**答案：** 召回率是指实际为正的样本中被预测为正的比例。\n\n### 2. 什么是精确率？\n\n**答案：** 预测为正的样本中真正为正的比例。\n"
NO_QA = "# 读书笔记\n\n今天读了一篇关于注意力机制的文章，记录如下。\n"


def run(cwd: Path, *args: str):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["run", *args, "--no-progress", "--jobs", "1"], catch_exceptions=False)
    finally:
        os.chdir(old)


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def big_corpus(tmp: Path) -> None:
    for i in range(30):
        write(tmp, f"docs/笔记/第{i:02d}篇.md", NO_QA)
    write(tmp, "docs/empty1.md", "")
    write(tmp, "docs/empty2.md", "  \n")
    write(tmp, "docs/qa.md", GOOD)


def test_problems_are_grouped_with_examples_and_details_go_to_files(tmp_path):
    big_corpus(tmp_path)
    res = run(tmp_path, "docs", "-o", "out")
    assert res.exit_code == 1, res.output  # the two empty files could not be read: like `parse`, the run says so (issue 19)
    err = res.stderr
    assert "input problems: 2 errors, 30 warnings in 32 files (all of them: out/problems.txt)" in err
    assert "… and 27 more (see out/problems.txt)" in err
    # one row per kind: the 30 notes are one warning row with three examples, named from the working directory
    assert err.count("docs/笔记/第") == 3 and "docs/笔记/第00篇.md" in err
    assert err.index("file is empty") < err.index("no Q&A items found")  # errors first
    assert len(res.output.splitlines()) < 45  # not a line per file
    assert "第29篇" not in res.output
    problems = (tmp_path / "out" / "problems.txt").read_text(encoding="utf-8").splitlines()
    assert len(problems) == 32 and problems[0].startswith("docs/empty1.md: error: file is empty")
    rows = [json.loads(ln) for ln in (tmp_path / "out" / "files.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 33
    qa = next(r for r in rows if r["source"] == "qa.md")
    assert qa["path"] == "docs/qa.md" and qa["items"] == 2 and qa["status"] == "ok" and qa["problems"] == []
    note = next(r for r in rows if r["source"] == "笔记/第00篇.md")
    assert note["status"] == "warning" and note["problems"][0]["message"].startswith("no Q&A items found")
    assert "out/files.jsonl, out/problems.txt" in res.stdout


def test_details_are_byte_identical_across_runs(tmp_path):
    big_corpus(tmp_path)
    blobs = []
    for name in ("a", "b"):
        assert run(tmp_path, "docs", "-o", name).exit_code == 1  # two unreadable (empty) inputs
        blobs.append([(tmp_path / name / f).read_bytes() for f in ("files.jsonl", "problems.txt")])
    assert blobs[0] == blobs[1]


def test_quiet_prints_errors_only(tmp_path):
    big_corpus(tmp_path)
    res = run(tmp_path, "docs", "-o", "out", "-q")
    assert res.exit_code == 1  # two unreadable (empty) inputs
    assert res.stdout == ""
    assert "file is empty" in res.stderr and "no Q&A items found" not in res.stderr
    assert "30 warnings not shown (-q); all problems: out/problems.txt" in res.stderr
    assert (tmp_path / "out" / "train.jsonl").exists()


def _table_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln[:1] in "┏┃┡│├└"]


def test_tables_stay_aligned_with_chinese_file_names(tmp_path):
    write(tmp_path, "语料/机器学习面试题.md", GOOD)
    write(tmp_path, "语料/ab.md", GOOD.replace("召回率", "F1"))
    write(tmp_path, "语料/深度学习笔记（草稿）.md", NO_QA)
    res = run(tmp_path, "语料", "-o", "out")
    assert res.exit_code == 0
    for stream in (res.stdout, res.stderr):
        blocks = re.split(r"\n(?=┏)", stream)
        tables = [_table_lines(b) for b in blocks if _table_lines(b)]
        assert tables
        for lines in tables:
            widths = {cell_len(ln) for ln in lines}
            assert len(widths) == 1, lines  # every row of a table is as wide on screen as its border
            # the column separators sit at the same screen columns in every row
            cols = {tuple(cell_len(ln[:i]) for i, ch in enumerate(ln) if ch in "┃│┳╇┼┬┿") for ln in lines if ln[0] in "┃│"}
            assert len(cols) == 1, lines
    assert "语料/机器学习面试题.md" in res.stdout and "语料/深度学习笔记（草稿）.md" in res.stderr


def test_small_runs_list_their_files_large_ones_do_not(tmp_path):
    for i in range(FILES_TABLE_MAX + 1):
        write(tmp_path, f"c/{i:02d}.md", GOOD.replace("召回率", f"指标{i}"))
    many = run(tmp_path, "c", "-o", "out").stdout
    assert "c/00.md" not in many
    few = run(tmp_path, "c/00.md", "c/01.md", "-o", "out2").stdout
    assert "c/00.md" in few and "c/01.md" in few


def test_the_record_counts_agree_when_records_are_schema_invalid(tmp_path, monkeypatch):
    import qatool.parse.stage as stage

    original = stage.parse_text

    def one_broken(text, source):
        doc = original(text, source)
        if doc.records:
            doc.records[0]["kind"] = "essay"
        return doc

    monkeypatch.setattr(stage, "parse_text", one_broken)
    write(tmp_path, "c/a.md", GOOD)
    write(tmp_path, "c/b.md", GOOD.replace("召回率", "准确率"))
    res = run(tmp_path, "c", "-o", "out")
    counts = {int(n) for n in re.findall(r"(\d+) records(?: \(| =|$)", res.stdout, re.M)}
    table = re.search(r"│ records\s+│\s+(\d+)", res.stdout)
    assert "parsed 2/2 files, 4 records (2 schema-invalid: invalid_records.jsonl)" in res.stdout
    assert "export: 4 records = " in res.stdout
    assert counts == {4} and table and int(table.group(1)) == 4
    assert re.search(r"\b4 records\b", (tmp_path / "out" / "DATASET.md").read_text(encoding="utf-8"))


def test_problem_kinds_blank_what_differs_between_files():
    assert problem_kind("line is 300,000 characters long (limit 200,000); split the line") == \
        "line is N characters long (limit N); split the line"
    assert problem_kind("not valid UTF-8 (bad byte 0xff at byte offset 12); decoded as GB18030") == \
        "not valid UTF-8 (bad byte N at byte offset N); decoded as GB18030"
    assert problem_kind("record 'ab12' ('什么是X？') fails the schema") == "record '…' ('…') fails the schema"
    from qatool.common.io import InputProblem

    groups = group_problems([InputProblem("a.md", "warning", "w"), InputProblem("b.md", "error", "e 1"),
                             InputProblem("c.md", "error", "e 22"), InputProblem("d.md", "warning", "v"), InputProblem("e.md", "warning", "v")])
    assert [(g.level, g.kind, len(g.problems)) for g in groups] == [("error", "e N", 2), ("warning", "v", 2), ("warning", "w", 1)]


def test_a_mistyped_input_leaves_the_previous_run_as_it_was(tmp_path):
    # `qatool run nothere.md -o out` after a good run: a usage error, said before OUT is touched
    write(tmp_path, "a.md", GOOD)
    assert run(tmp_path, "a.md", "-o", "out").exit_code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    res = run(tmp_path, "nothere.md", "-o", "out")
    assert res.exit_code == 2 and "nothere.md: no such file or folder" in res.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()} == before
    # and no corpus/ where the default input is looked for: nothing made
    res = run(tmp_path, "-o", "out2")
    assert res.exit_code == 2 and not (tmp_path / "out2").exists()


def test_fail_on_says_why_the_run_fails(tmp_path):
    write(tmp_path, "a.md", "### 1. 什么是召回率？\n\n**答案：** 召回率是预测为正的样本中真正为正的比例。\n")
    res = run(tmp_path, "a.md", "-o", "out", "--fail-on", "error")
    assert res.exit_code == 1 and "at or above --fail-on error; exit 1" in res.stderr


def test_export_quiet_prints_nothing_on_success(tmp_path):
    write(tmp_path, "docs/qa.md", GOOD)
    assert run(tmp_path, "docs", "-o", "out", "-q").exit_code == 0
    loud = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "out"), "--jobs", "1"], catch_exceptions=False)
    quiet = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "out"), "--jobs", "1", "-q"], catch_exceptions=False)
    assert loud.exit_code == quiet.exit_code == 0
    assert "export:" in loud.stdout and quiet.stdout == "" and quiet.stderr == ""
    assert (tmp_path / "out" / "train.jsonl").exists()
