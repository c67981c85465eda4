"""What reaches a training set, pinned exactly: the train/val split is the SHA-256 bucket of the
record's group key (never Python's `hash()`), the same in every interpreter; every parsed record is
in exactly one of train, val and quarantine, by id and by count, in memory and in the files."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qatool.export import ExportConfig, RunOutputs, export_records
from qatool.export.stage import export_to_dir

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SEED = ExportConfig().split_seed


def bucket(key: str, seed: str = SEED) -> float:
    """The documented bucket, written out independently of qatool.export.split."""
    return int.from_bytes(hashlib.sha256(f"{seed}\x1f{key}".encode("utf-8")).digest()[:8], "big") / 2**64


def records(n: int) -> list[dict]:
    return [{"id": f"{i:016x}", "source": f"s{i % 3}.md", "question": f"问题{i}？",
             "answer": f"第{i}题的答案是一句完整的话，说清楚了要点。", "analysis": None,
             "content_hash": f"{i:064x}", "line_start": i + 1, "line_end": i + 1} for i in range(n)]


def ids(lines: list[dict]) -> list[str]:
    return [line["id"] for line in lines]


# --------------------------------------------------------------------------------------------- split

@pytest.mark.parametrize("ratio", [0.3, 0.5])
def test_split_is_exactly_the_sha256_bucket_of_each_record(ratio):
    recs = records(300)
    res = export_records(RunOutputs(recs), ExportConfig(val_ratio=ratio))
    want_val = [r["id"] for r in recs if bucket(r["id"]) < ratio]
    assert ids(res.val) == want_val
    assert ids(res.train) == [r["id"] for r in recs if bucket(r["id"]) >= ratio]
    assert res.stats["val"] == len(want_val) and res.stats["train"] == 300 - len(want_val)


def test_split_seed_moves_records_and_zero_ratio_has_no_val():
    recs = records(300)
    other = export_records(RunOutputs(recs), ExportConfig(val_ratio=0.3, split_seed="another-seed"))
    assert ids(other.val) == [r["id"] for r in recs if bucket(r["id"], "another-seed") < 0.3]
    assert ids(other.val) != ids(export_records(RunOutputs(recs), ExportConfig(val_ratio=0.3)).val)
    none = export_records(RunOutputs(recs), ExportConfig(val_ratio=0))
    assert none.val == [] and ids(none.train) == [r["id"] for r in recs]


def _straddling(recs: list[dict], ratio: float, k: int = 3) -> list[str]:
    """k ids whose own buckets fall on both sides of the ratio, the smallest on the val side: a
    group that is split by its own key and not by each member's would straddle."""
    val = sorted(r["id"] for r in recs if bucket(r["id"]) < ratio)
    train = sorted(r["id"] for r in recs if bucket(r["id"]) >= ratio)
    first = next(v for v in val if any(t > v for t in train))
    return [first] + [t for t in train if t > first][: k - 1]


def test_a_conflict_group_goes_to_the_side_of_its_smallest_id():
    """Deterministic, not by chance: the members' own buckets disagree, the group key decides."""
    recs = records(60)
    group = _straddling(recs, 0.5)
    res = export_records(RunOutputs(recs, conflicts=[tuple(reversed(group))]), ExportConfig(val_ratio=0.5))
    assert set(group) <= set(ids(res.val))  # min(group) is on the val side
    assert not set(group) & set(ids(res.train))
    flipped = _straddling([r for r in recs if r["id"] >= group[0]], 0.5)  # same trick, other side
    val_first = [r["id"] for r in recs if bucket(r["id"]) >= 0.5 and r["id"] < flipped[0]]
    assert val_first  # a train-side id smaller than every member
    group2 = [val_first[0], *flipped[:2]]
    res = export_records(RunOutputs(recs, conflicts=[tuple(group2)]), ExportConfig(val_ratio=0.5))
    assert set(group2) <= set(ids(res.train))


def test_a_cluster_and_a_conflict_sharing_a_member_are_one_group():
    recs = records(60)
    a, b, c = _straddling(recs, 0.5)
    # a cluster {b, c} (c a duplicate of b) and a conflict {a, b}: all three are one group keyed by a
    cluster = {"members": [b, c], "canonical": b, "cluster_id": "c00001", "size": 2}
    res = export_records(RunOutputs(recs, clusters=[cluster], conflicts=[(b, a)]), ExportConfig(val_ratio=0.5))
    assert {a, b} <= set(ids(res.val))
    assert [q["reasons"] for q in res.quarantine] == [[f"duplicate_of:{b}"]]


def test_a_clusters_canonical_takes_the_side_of_the_clusters_smallest_id():
    recs = records(60)
    for size in (2, 3):
        group = _straddling(recs, 0.5, size)  # group[0] val-side and smallest; the rest train-side
        canon = group[-1]
        cluster = {"members": group, "canonical": canon, "cluster_id": "c00001", "size": size}
        res = export_records(RunOutputs(recs, clusters=[cluster]), ExportConfig(val_ratio=0.5))
        assert canon in ids(res.val) and canon not in ids(res.train), size
        assert sorted(q["id"] for q in res.quarantine) == sorted(group[:-1])


def test_group_ids_that_are_not_records_are_ignored():
    """A cluster or conflict naming an id the records do not have (a stale run folder) neither
    crashes the split nor pulls a record to another side."""
    recs = records(40)
    a, b = _straddling(recs, 0.5, 2)
    res = export_records(RunOutputs(recs, conflicts=[("0", b), (a, "zzzz")]), ExportConfig(val_ratio=0.5))
    assert b in ids(res.train) and a in ids(res.val)
    assert sorted(ids(res.train) + ids(res.val)) == sorted(r["id"] for r in recs)


SPLIT_SCRIPT = """
import json, sys
from qatool.export import ExportConfig, RunOutputs, export_records
recs = [{"id": f"{i:016x}", "source": "s.md", "question": f"问题{i}？", "answer": f"第{i}题的答案是一句完整的话，说清楚了要点。",
         "analysis": None, "content_hash": f"{i:064x}", "line_start": i + 1, "line_end": i + 1} for i in range(200)]
res = export_records(RunOutputs(recs, conflicts=[("0000000000000003", "0000000000000007")]), ExportConfig(val_ratio=0.5))
print(json.dumps([[line["id"] for line in res.val], [line["id"] for line in res.train]]))
"""


def _fresh(args: list[str], seed: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    env["PYTHONHASHSEED"] = seed
    res = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd or ROOT, timeout=600)
    assert res.returncode in (0, 1), res.stderr[-2000:]
    return res


def test_split_is_the_same_in_fresh_interpreters_with_different_hash_seeds():
    outs = {_fresh([sys.executable, "-c", SPLIT_SCRIPT], seed).stdout for seed in ("1", "2")}
    assert len(outs) == 1, "the split depends on the interpreter's hash seed"
    val, train = json.loads(outs.pop())
    key = {f"{i:016x}": f"{min(i, 3) if i in (3, 7) else i:016x}" for i in range(200)}
    assert val == [i for i in key if bucket(key[i]) < 0.5] and train == [i for i in key if bucket(key[i]) >= 0.5]


def test_run_outputs_are_byte_identical_across_fresh_interpreters(tmp_path):
    """`qatool run` (parse, lint, dedup, export, review page) and `qatool lint` in two fresh
    interpreters with different PYTHONHASHSEED: every file byte for byte, the lint output too."""
    qatool = [sys.executable, "-m", "qatool.cli"]
    files, lint_out = [], []
    for seed in ("11", "12345"):
        out = tmp_path / f"run{seed}"
        _fresh(qatool + ["run", str(CORPUS), "-o", str(out), "--val-ratio", "0.5", "--jobs", "1", "--no-progress"], seed)
        files.append({p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()})
        lint_out.append(_fresh(qatool + ["lint", "corpus/", "--format", "json"], seed).stdout)
    assert files[0].keys() == files[1].keys() and {"train.jsonl", "val.jsonl", "dups.parquet", "findings.parquet"} <= files[0].keys()
    differ = sorted(name for name in files[0] if files[0][name] != files[1][name])
    assert differ == [], f"differ between hash seeds: {differ}"
    assert lint_out[0] == lint_out[1] and json.loads(lint_out[0])
    assert files[0]["val.jsonl"].strip() and files[0]["train.jsonl"].strip()


# ---------------------------------------------------------------------------------------- accounting

def _mixed() -> tuple[RunOutputs, dict[str, str]]:
    """Records that go every way: exported, duplicate, flagged by an error, a warning only (exported),
    an empty answer, a leaked token cleaned away (exported), invalid at parse time."""
    recs = records(12)
    recs[2]["answer"] = ""  # answer:empty
    recs[5]["answer"] = "第5题的答案是一句完整的话，说清楚了要点。<|endoftext|>"  # cleaned, exported
    cluster = {"members": [recs[3]["id"], recs[4]["id"]], "canonical": recs[3]["id"], "cluster_id": "c00001", "size": 2}
    findings = [
        {"record_id": recs[6]["id"], "code": "FC101", "severity": "error", "line": 7, "message": "召回率定义错误", "name": "x", "path": "s0.md"},
        {"record_id": recs[7]["id"], "code": "FC131", "severity": "warning", "line": 8, "message": "警告", "name": "y", "path": "s1.md"},
    ]
    invalid = [{"record": {"id": "bad0", "source": "s9.md", "line_start": 1, "line_end": 2, "question": "？"}, "errors": ["field 'answer': required"]}]
    inp = RunOutputs(recs, findings=findings, clusters=[cluster], invalid=invalid)
    expect = {recs[2]["id"]: "answer:empty", recs[4]["id"]: f"duplicate_of:{recs[3]['id']}",
              recs[6]["id"]: "finding:FC101", "bad0": "invalid:schema"}
    return inp, expect


def test_every_record_is_in_exactly_one_place_by_id_and_count():
    inp, expect = _mixed()
    res = export_records(inp, ExportConfig(val_ratio=0.5))
    everyone = [r["id"] for r in inp.records] + ["bad0"]
    placed = ids(res.train) + ids(res.val) + ids(res.quarantine)
    assert sorted(placed) == sorted(everyone)  # none lost, none twice
    assert {q["id"]: q["reasons"] for q in res.quarantine} == {k: [v] for k, v in expect.items()}
    exported = set(everyone) - set(expect)
    assert set(ids(res.train)) | set(ids(res.val)) == exported
    assert set(ids(res.val)) == {i for i in exported if bucket(i) < 0.5}
    s = res.stats
    assert (s["records"], s["exported"], s["quarantined"], s["train"], s["val"]) == (
        13, 9, 4, len(res.train), len(res.val))
    assert s["reasons"] == {"answer:empty": 1, "duplicate_of": 1, "finding:FC101": 1, "invalid:schema": 1}
    assert s["per_source"] == {
        "s0.md": {"records": 4, "exported": 3, "quarantined": 1},  # 0, 3, 6 (FC101), 9
        "s1.md": {"records": 4, "exported": 3, "quarantined": 1},  # 1, 4 (duplicate), 7, 10
        "s2.md": {"records": 4, "exported": 3, "quarantined": 1},  # 2 (empty), 5, 8, 11
        "s9.md": {"records": 1, "exported": 0, "quarantined": 1},
    }


def test_keep_flagged_and_drop_level_move_records_between_export_and_quarantine():
    inp, expect = _mixed()
    kept = export_records(inp, ExportConfig(val_ratio=0, keep_flagged=True))
    assert inp.records[6]["id"] in ids(kept.train)
    stricter = export_records(inp, ExportConfig(val_ratio=0, drop_level="warning"))
    q = {x["id"]: x["reasons"] for x in stricter.quarantine}
    assert q[inp.records[7]["id"]] == ["finding:FC131"] and q[inp.records[6]["id"]] == ["finding:FC101"]
    assert len(stricter.train) + len(stricter.quarantine) == 13


def test_the_written_files_hold_every_record_once(tmp_path):
    inp, expect = _mixed()
    res, _ = export_to_dir(inp, tmp_path, ExportConfig(val_ratio=0.5))
    read = {name: [json.loads(x)["id"] for x in (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
            for name in ("train", "val", "quarantine")}
    assert len(read["train"]) == res.stats["train"] and len(read["val"]) == res.stats["val"]
    assert sorted(read["quarantine"]) == sorted(expect)
    assert sorted(read["train"] + read["val"] + read["quarantine"]) == sorted([r["id"] for r in inp.records] + ["bad0"])
    assert set(read["val"]) == {i for i in set(read["train"] + read["val"]) if bucket(i) < 0.5}


# ------------------------------------------------------------------------------ quarantine lines

def test_quarantine_lines_say_where_the_record_is_and_why():
    """Each quarantine line names the record (id, source, lines, question) and says why: the
    reasons, and the details a person checks: the dropping findings (code, line, message; a
    warning below the drop level is not one of them), what a gate found, a schema error."""
    recs = records(6)
    recs[1]["answer"] = ""
    findings = [
        {"record_id": recs[2]["id"], "code": "FC101", "severity": "error", "line": 3, "message": "召回率定义错误", "name": "x", "path": "s2.md"},
        {"record_id": recs[2]["id"], "code": "FC131", "severity": "warning", "line": 3, "message": "只是警告", "name": "y", "path": "s2.md"},
    ]
    invalid = [{"record": {"id": "bad0", "source": "s9.md", "line_start": 11, "line_end": 12, "question": "坏题？"},
                "errors": ["field 'answer': required", "field 'id': too short"]}]
    res = export_records(RunOutputs(recs, findings=findings, invalid=invalid), ExportConfig(val_ratio=0))
    assert res.quarantine == [
        {"id": recs[1]["id"], "source": "s1.md", "line_start": 2, "line_end": 2, "question": "问题1？",
         "reasons": ["answer:empty"], "details": ["answer:empty: “”"]},
        {"id": recs[2]["id"], "source": "s2.md", "line_start": 3, "line_end": 3, "question": "问题2？",
         "reasons": ["finding:FC101"], "details": ["FC101 line 3: 召回率定义错误"]},
        {"id": "bad0", "source": "s9.md", "line_start": 11, "line_end": 12, "question": "坏题？",
         "reasons": ["invalid:schema"], "details": ["field 'answer': required", "field 'id': too short"]},
    ]


def test_a_kept_flagged_record_that_fails_a_gate_shows_its_findings_and_the_gate():
    """keep_flagged: a record with an error is not dropped for it, but if it fails a gate its
    quarantine line still lists the finding beside what the gate found."""
    recs = records(3)
    recs[1]["answer"] = ""
    findings = [{"record_id": recs[1]["id"], "code": "FC101", "severity": "error", "line": 2, "message": "召回率定义错误",
                 "name": "x", "path": "s1.md"}]
    res = export_records(RunOutputs(recs, findings=findings), ExportConfig(val_ratio=0, keep_flagged=True))
    (q,) = res.quarantine
    assert q["reasons"] == ["answer:empty"] and q["details"] == ["FC101 line 2: 召回率定义错误", "answer:empty: “”"]


def test_a_finding_that_cleaning_repairs_does_not_drop_the_record():
    """A leaked token (FM001, an error) is cut out by cleaning: the record is exported clean and
    counted as repaired, not quarantined; markup cleaning is counted per step."""
    recs = records(3)
    recs[0]["answer"] = "第0题的答案是一句完整的话，说清楚了要点。<|endoftext|>"
    recs[2]["answer"] = "第2题的答案是一句完整的话，说清楚了 &lt;要点&gt;。"
    findings = [{"record_id": recs[0]["id"], "code": "FM001", "severity": "error", "line": 1, "message": "泄漏的特殊标记",
                 "name": "leaked-special-token", "path": "s0.md"}]
    res = export_records(RunOutputs(recs, findings=findings), ExportConfig(val_ratio=0))
    assert res.quarantine == [] and ids(res.train) == [r["id"] for r in recs]
    assert "<|endoftext|>" not in json.dumps(res.train[0], ensure_ascii=False)
    assert res.stats["repaired"] == {"FM001": 1} and res.stats["cleaned"] == {"entity": 1}


def test_counts_per_reason_and_source_add_up_with_several_records_each():
    recs = records(9)
    for k in (0, 3):
        recs[k]["answer"] = ""  # two empty answers in s0.md
    invalid = [{"record": {"id": f"bad{k}", "source": "s9.md", "line_start": k, "line_end": k, "question": "？"}, "errors": ["e"]}
               for k in (1, 2)]
    invalid.append({"record": {"id": "bad3"}, "errors": ["field 'source': required"]})  # no source: counted under "?"
    res = export_records(RunOutputs(recs, invalid=invalid), ExportConfig(val_ratio=0))
    s = res.stats
    assert s["reasons"] == {"answer:empty": 2, "invalid:schema": 3}
    assert s["per_source"] == {"?": {"records": 1, "exported": 0, "quarantined": 1},
                               "s0.md": {"records": 3, "exported": 1, "quarantined": 2},
                               "s1.md": {"records": 3, "exported": 3, "quarantined": 0},
                               "s2.md": {"records": 3, "exported": 3, "quarantined": 0},
                               "s9.md": {"records": 2, "exported": 0, "quarantined": 2}}
    assert (s["records"], s["exported"], s["quarantined"]) == (12, 7, 5)
    # the first examples of each reason, in order, for the data card
    assert [e["id"] for e in s["examples"]["answer:empty"]] == [recs[0]["id"], recs[3]["id"]]
    assert [e["id"] for e in s["examples"]["invalid:schema"]] == ["bad1", "bad2", "bad3"]


def test_reason_keys_group_reasons_that_name_a_record():
    from qatool.export.stage import reason_key

    assert reason_key("duplicate_of:00ab") == "duplicate_of"
    assert reason_key("review:conflict-keep:00ab") == "review:conflict-keep"
    assert reason_key("finding:FC101") == "finding:FC101" and reason_key("review:drop-all") == "review:drop-all"


def test_a_record_exactly_at_the_val_ratio_goes_to_train():
    """The val side is bucket < ratio: a record whose bucket equals the ratio is in train."""
    recs = records(20)
    at = recs[7]["id"]
    ratio = bucket(at)
    assert 0 < ratio < 1
    res = export_records(RunOutputs(recs), ExportConfig(val_ratio=ratio))
    assert at in ids(res.train)
    assert ids(res.val) == [r["id"] for r in recs if bucket(r["id"]) < ratio]


def test_a_stale_group_id_does_not_move_a_record():
    """A conflict naming an id that is not a record, smaller than the real member and on the
    other side of the split: the member stays on its own side (the stale id is not its group key)."""
    recs = records(40)
    side = {r["id"]: bucket(r["id"]) < 0.5 for r in recs}
    member = next(i for i in sorted(side) if i > "0000")
    stale = next(f"0{k:03d}" for k in range(1000) if (bucket(f"0{k:03d}") < 0.5) != side[member])
    assert stale < member and stale not in side
    res = export_records(RunOutputs(recs, conflicts=[(stale, member)]), ExportConfig(val_ratio=0.5))
    assert (member in ids(res.val)) == side[member]
