"""The streamed paths of `qatool run` (records and findings written file by file, export and review
reading records back in batches) give the same bytes as the in-memory paths."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import qatool.common.records as records_io
from qatool.common.io import discover
from qatool.common.records import Records, write_parquet
from qatool.common.schema import arrow_schema
from qatool.export import RunOutputs, export_records, export_to_dir, load_inputs, write_export
from qatool.lint.engine import Linter
from qatool.lint.model import findings_table
from qatool.parse import parse_inputs, parse_to_parquet, write_records
from qatool.review import review_data
from qatool.review.decisions import Decisions

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def linter():
    return Linter.default()


@pytest.mark.parametrize("row_group", [7, 64 * 1024])
def test_streamed_parse_writes_the_same_bytes(tmp_path, monkeypatch, linter, row_group):
    monkeypatch.setattr(records_io, "ROW_GROUP", row_group)  # several row groups and chunk boundaries in 140 records
    inputs, _ = discover([CORPUS])
    mem = parse_inputs(inputs, linter=linter)
    write_records(mem, tmp_path / "mem")
    write_parquet(findings_table(mem.findings), tmp_path / "mem" / "findings.parquet")
    streamed = parse_to_parquet(inputs, tmp_path / "stream", linter=linter, jobs=2)
    for name in ("records.parquet", "findings.parquet"):
        assert (tmp_path / "mem" / name).read_bytes() == (tmp_path / "stream" / name).read_bytes(), name
    assert pq.ParquetFile(tmp_path / "stream" / "records.parquet").metadata.num_row_groups == -(-140 // row_group)
    assert streamed.table is None and streamed.num_records == mem.num_records == 140
    assert streamed.severity_counts == mem.severity_counts and sum(mem.severity_counts.values()) == len(mem.findings)
    assert streamed.record_counts == mem.record_counts and streamed.record_counts


def test_a_failed_stream_leaves_no_file(tmp_path):
    schema = arrow_schema()
    with pytest.raises(RuntimeError):
        with records_io.ParquetStream(tmp_path / "records.parquet", schema):
            raise RuntimeError("stage failed")
    assert list(tmp_path.iterdir()) == []


def test_streamed_export_and_review_equal_the_in_memory_ones(tmp_path):
    from click.testing import CliRunner

    from qatool.cli import main

    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "1"])
    assert res.exit_code == 0, res.output
    streamed = load_inputs(out)
    assert isinstance(streamed.records, Records) and streamed.records.path is not None
    member = streamed.clusters[0]["members"][1]
    chash = next(r["content_hash"] for r in streamed.records if r["id"] == member)
    dec = tmp_path / "decisions.json"
    dec.write_text(json.dumps({"qatool_decisions": 1, "decisions": [
        {"group": "cluster", "members": sorted(r["content_hash"] for r in streamed.records if r["id"] in streamed.clusters[0]["members"]),
         "action": "keep-member", "keep": chash},
        {"group": "cluster", "members": ["0" * 64, "1" * 64], "action": "drop-all"}]}), encoding="utf-8")
    streamed.decisions = Decisions.load(dec)
    in_memory = RunOutputs(list(streamed.records), streamed.findings.to_pylist(), streamed.clusters, streamed.conflicts,
                             streamed.invalid, streamed.decisions, streamed.pairs, streamed.conflict_rows)
    mem_res = export_records(in_memory)
    write_export(mem_res, tmp_path / "mem")
    stream_res, _ = export_to_dir(streamed, tmp_path / "stream", jobs=2)  # cleaning on two processes
    assert mem_res.stats == stream_res.stats and stream_res.stats["decisions_applied"] == 1 and stream_res.stats["decisions_stale"] == 1
    for name in ("train.jsonl", "val.jsonl", "quarantine.jsonl", "dataset_info.json", "DATASET.md"):
        assert (tmp_path / "mem" / name).read_bytes() == (tmp_path / "stream" / name).read_bytes(), name
    assert review_data(in_memory) == review_data(streamed)
    small = review_data(streamed, limit=2)  # every group is on the page; only the first two carry their text
    assert len(small["groups"]) == small["total_groups"] == review_data(streamed)["total_groups"]
    assert [g["text"] for g in small["groups"]] == [True, True] + [False] * (small["total_groups"] - 2)


def test_one_record_store_reads_the_same_rows_from_a_list_a_table_and_a_file(tmp_path, monkeypatch):
    from qatool.parse import parse_paths, write_records

    monkeypatch.setattr(Records, "take_batch", 4)  # rows picked out of several batches
    res = parse_paths([CORPUS])
    write_records(res, tmp_path)
    records = res.table.to_pylist()
    idx = [len(records) - 1, 0, 7, 7, 3]
    want = {i: {"id": records[i]["id"], "question": records[i]["question"]} for i in sorted(set(idx))}
    for src in (records, res.table, tmp_path / "records.parquet"):
        store = Records(src)
        assert store.take(idx, ["id", "question"]) == want
        assert store.take([5])[5] == records[5] == store[5]
        assert store.take([]) == {}
        assert store.column("id") == [r["id"] for r in records]
        assert store.by_id([records[7]["id"], "nope"]) == {records[7]["id"]: records[7]}
        assert store.values_by_id([records[3]["id"]], "line_start") == {records[3]["id"]: records[3]["line_start"]}
        assert [r for b in store.row_batches(50) for r in b] == records
