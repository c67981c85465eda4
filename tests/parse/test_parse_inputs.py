"""Bad inputs, the CLI contract, the schema round trip, determinism and the shipped corpus."""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qatool.cli import main
from qatool.common.records import write_parquet
from qatool.common.schema import arrow_schema, column_names, record_schema, validation_errors
from qatool.parse import parse_paths, parse_text
from qatool.parse.stage import records_table

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
GOOD = "### 1. 什么是 Dropout？\n\n**答案：** 训练时随机丢弃神经元。\n"


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_shipped_corpus_item_counts():
    result = parse_paths([CORPUS])
    by_file = {f.source: f for f in result.files}
    assert [f.status for f in result.files].count("error") == 0
    for prefix in ("000", "001", "002", "004"):
        (src,) = [s for s in by_file if s.startswith(prefix)]
        assert by_file[src].items == 30, src
    (src003,) = [s for s in by_file if s.startswith("003")]
    recs = [r for r in result.table.to_pylist() if r["source"] == src003]
    assert Counter(r["kind"] for r in recs) == {"qa": 15, "coding": 2, "exercise": 3}
    numbered = [r for r in recs if r["section"] is None]
    assert len(numbered) == 5
    assert len([r for r in recs if r["section"] == "相关领域的典型问题/面试题库"]) == 10
    assert all(r["analysis"] for r in recs if r["kind"] == "coding")
    ids = result.table.column("id").to_pylist()
    assert len(ids) == len(set(ids)) == 140


def test_bad_inputs_each_get_one_message_and_the_rest_still_parse(tmp_path: Path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    (d / "empty.md").write_bytes(b"")
    (d / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "gbk.md").write_bytes(GOOD.encode("gb18030"))
    (d / "latin.md").write_bytes("### 1. caf\xe9?\n".encode("latin-1") + b"\x81\x30\xff\xfe")
    (d / "huge.txt").write_bytes(b"a" * (30 * 1024 * 1024))
    (d / "fence.md").write_text("### 1. 什么是 A？\n\n**答案：**\n\n```python\nx = 1\n", encoding="utf-8")
    (d / "prose.md").write_text("# 随笔\n\n没有问答。\n", encoding="utf-8")
    (d / "ignored.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    res = run_cli("parse", str(d), "-o", str(out))
    assert res.exit_code == 1, res.output
    err = res.stderr
    lines = [ln for ln in err.splitlines() if ln.strip()]
    msgs = {name: [ln for ln in lines if ln.startswith(name + ":")] for name in
            ("empty.md", "binary.md", "gbk.md", "latin.md", "huge.txt", "fence.md", "prose.md")}
    assert all(len(v) == 1 for v in msgs.values()), msgs
    assert "error: file is empty" in msgs["empty.md"][0]
    assert "error: file looks binary" in msgs["binary.md"][0]
    assert "warning:" in msgs["gbk.md"][0] and "GB18030" in msgs["gbk.md"][0]
    assert msgs["latin.md"][0].startswith("latin.md:1: error: not valid UTF-8") and "byte offset" in msgs["latin.md"][0]
    assert msgs["huge.txt"][0].startswith("huge.txt:1: error: line is 31,457,280 characters long")
    assert msgs["fence.md"][0].startswith("fence.md:5: warning: code fence is never closed")
    assert "warning: no Q&A items found" in msgs["prose.md"][0]
    table = pq.read_table(out / "records.parquet")
    assert sorted(table.column("source").to_pylist()) == ["fence.md", "gbk.md", "good.md"]
    gbk = [r for r in table.to_pylist() if r["source"] == "gbk.md"][0]
    assert gbk["answer"] == "训练时随机丢弃神经元。"


def test_exit_codes(tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    assert run_cli("parse", str(good), "-o", str(tmp_path / "o")).exit_code == 0
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    assert run_cli("parse", str(empty_dir), "-o", str(tmp_path / "o")).exit_code == 2
    missing = run_cli("parse", str(tmp_path / "missing.md"), str(good), "-o", str(tmp_path / "o2"))
    assert missing.exit_code == 2
    assert "missing.md: error: no such file or folder" in missing.stderr
    assert pq.read_table(tmp_path / "o2" / "records.parquet").num_rows == 1  # the other input still parsed
    assert run_cli("parse").exit_code == 2
    assert run_cli("parse", str(good), "--max-line-chars", "5").exit_code == 2  # below the allowed range


def test_invalid_record_is_reported_not_dropped(tmp_path: Path):
    md = tmp_path / "a.md"
    md.write_text(GOOD, encoding="utf-8")
    import qatool.parse.stage as ds

    original = ds.parse_text

    def broken(text, source):
        doc = original(text, source)
        doc.records[0]["kind"] = "essay"
        return doc

    ds.parse_text = broken
    try:
        result = ds.parse_paths([md])
    finally:
        ds.parse_text = original
    assert result.exit_code == 1
    assert result.table.num_rows == 0
    assert len(result.invalid) == 1
    msg = [str(p) for p in result.problems if "fails the schema" in p.message][0]
    assert msg.startswith("a.md:1: error:") and "field 'kind'" in msg and "essay" in msg
    ds.write_records(result, tmp_path / "out")
    saved = [json.loads(x) for x in (tmp_path / "out" / "invalid_records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert saved[0]["record"]["kind"] == "essay"


def test_arrow_schema_is_derived_from_json_schema():
    schema = arrow_schema()
    assert schema.names == column_names() == list(record_schema()["properties"])
    assert not schema.field("id").nullable and schema.field("analysis").nullable
    assert str(schema.field("code").type) == "list<item: struct<lang: string, text: string not null> not null>"
    assert str(schema.field("spans").type).startswith("struct<question: struct<start: int64 not null")


def test_schema_round_trip_through_parquet_pandas_and_duckdb(tmp_path: Path):
    records = parse_paths([CORPUS]).table.to_pylist()
    path = tmp_path / "records.parquet"
    write_parquet(records_table(records), path)
    back = pq.read_table(path)
    assert back.schema.remove_metadata() == arrow_schema()
    again = back.to_pylist()
    assert again == records
    assert all(validation_errors(r) == [] for r in again)
    import duckdb
    import pandas as pd

    assert list(pd.read_parquet(path).columns) == column_names()
    assert [c[0] for c in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()] == column_names()


def test_parse_is_byte_identical_across_runs_and_folders(tmp_path: Path, monkeypatch):
    for name in ("a", "b"):
        assert run_cli("parse", str(CORPUS), "-o", str(tmp_path / name), "-q").exit_code == 0
    monkeypatch.chdir(tmp_path)
    assert run_cli("run", str(CORPUS), "-o", str(tmp_path / "c")).exit_code == 0
    blobs = {(tmp_path / n / "records.parquet").read_bytes() for n in ("a", "b", "c")}
    assert len(blobs) == 1
    assert not list((tmp_path / "a").glob(".*.tmp"))  # no temp files left behind


def test_run_with_no_arguments_uses_corpus_into_out(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "x.md").write_text(GOOD, encoding="utf-8")
    res = run_cli("run")
    assert res.exit_code == 0, res.output
    assert "x.md" in res.output and "parsed 1/1 files, 1 records" in res.output
    assert pq.read_table(tmp_path / "out" / "records.parquet").num_rows == 1


MARKDOWNISH = st.lists(
    st.sampled_from(list("#*-_`~|<>：:？?。 \n\t\r1２一abcQA问答题目解析")
                    + ["答案", "**答案：**", "**题目：**", "#### 解析：**", "### 1. ", "1. **", "   - **答案**：", "```", "<|vq_1|>", "\n\n"]),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), MARKDOWNISH))
def test_parser_never_raises_and_records_always_validate(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = parse_text(text, "fuzz.md")
    n_lines = text.count("\n") + 1
    for rec in doc.records:
        assert validation_errors(rec) == [], rec
        assert 1 <= rec["line_start"] <= rec["line_end"] <= n_lines


@pytest.mark.parametrize("text", ["", "\n\n", "###", "### 1.", "**答案：**", "1. **x**\n   - **答案**：", "```\n### 1. q？\n"])
def test_parser_edge_cases(text):
    doc = parse_text(text, "e.md")
    for rec in doc.records:
        assert validation_errors(rec) == []


def test_parallel_parse_and_lint_equal_one_process(tmp_path):
    from qatool.lint.engine import Linter

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    shutil.copytree(corpus, tmp_path / "c")
    (tmp_path / "c" / "empty.md").write_bytes(b"")  # a bad file among good ones, in both modes
    linter = Linter.default()
    one = parse_paths([tmp_path / "c"], linter=linter, jobs=1)
    two = parse_paths([tmp_path / "c"], linter=linter, jobs=2)
    assert one.table.equals(two.table)
    assert one.findings == two.findings
    assert [str(p) for p in one.problems] == [str(p) for p in two.problems]
    assert [f.source for f in one.files] == [f.source for f in two.files]


def test_content_normalisation_drops_every_unicode_white_space():
    import re

    from qatool.common.normalize import normalize_text

    spaces = "".join(chr(c) for c in range(0x110000) if re.match(r"\s", chr(c)))
    assert len(spaces) > 20 and normalize_text(f"预训练{spaces}模型 **BERT**\u3000ｏｋ") == "预训练模型bertok"


def test_the_count_line_says_how_many_files_gave_no_item(tmp_path: Path):
    (tmp_path / "bank.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# 学习笔记\n\n今天复习了卷积的计算方式，明天看池化。\n", encoding="utf-8")
    res = run_cli("parse", str(tmp_path), "-o", str(tmp_path / "o"))
    assert "parsed 2/2 files, 1 records; 1 of the files read held no Q&A item (see their warnings)" in res.output, res.output
