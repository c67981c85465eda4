"""Dedup outputs: `dups.parquet`, `clusters.parquet` (+ `against.parquet`) and the reviewer's evidence in
`dedup_report.json` / `dedup_report.md`.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa

from qatool.common.io import atomic_writer
from qatool.common.records import rows_at, write_parquet
from qatool.dedup.model import DedupResult

# ------------------------------------------------------------------------------------------- output

DUPS_SCHEMA = pa.schema([
    pa.field("id_a", pa.string(), False), pa.field("id_b", pa.string(), False),
    pa.field("kind", pa.string(), False), pa.field("reason", pa.string(), False),
    pa.field("est_jaccard", pa.float64(), True), pa.field("jaccard", pa.float64(), False),
    pa.field("question_jaccard", pa.float64(), True), pa.field("answer_jaccard", pa.float64(), True),
    pa.field("cluster_id", pa.string(), True),
])
CLUSTERS_SCHEMA = pa.schema([
    pa.field("cluster_id", pa.string(), False), pa.field("canonical", pa.string(), False),
    pa.field("members", pa.list_(pa.string()), False), pa.field("size", pa.int64(), False),
    pa.field("reasons", pa.list_(pa.string()), False),
    pa.field("min_jaccard", pa.float64(), True), pa.field("max_jaccard", pa.float64(), True),
])
AGAINST_SCHEMA = pa.schema([
    pa.field("id", pa.string(), False), pa.field("against", pa.string(), False),
    pa.field("against_id", pa.string(), False), pa.field("kind", pa.string(), False),
    pa.field("jaccard", pa.float64(), False),
])


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def dups_table(res: DedupResult) -> pa.Table:
    cid = {m: c["cluster_id"] for c in res.clusters for m in c["members"]}
    rows = []
    for p in res.pairs + res.conflicts:
        a, b = res.ids[p.a], res.ids[p.b]
        rows.append({"id_a": a, "id_b": b, "kind": p.kind, "reason": p.reason, "est_jaccard": _r(p.est_jaccard),
                     "jaccard": _r(p.jaccard), "question_jaccard": _r(p.question_jaccard),
                     "answer_jaccard": _r(p.answer_jaccard), "cluster_id": cid.get(a) if p.kind != "same-question" else None})
    return pa.Table.from_pylist(rows, schema=DUPS_SCHEMA)


def clusters_table(res: DedupResult) -> pa.Table:
    rows = [{k: (_r(c[k]) if k.endswith("jaccard") else c[k]) for k in CLUSTERS_SCHEMA.names} for c in res.clusters]
    return pa.Table.from_pylist(rows, schema=CLUSTERS_SCHEMA)


def against_table(res: DedupResult) -> pa.Table:
    return pa.Table.from_pylist([{**a, "jaccard": _r(a["jaccard"])} for a in res.against], schema=AGAINST_SCHEMA)


def member_text(rec: dict[str, Any]) -> str:
    parts = [f"问：{rec['question']}", f"答：{rec['answer']}"]
    if rec.get("analysis"):
        parts.append(f"解析：{rec['analysis']}")
    return "\n".join(parts)


def text_diff(a: dict[str, Any], b: dict[str, Any]) -> str:
    return "".join(difflib.unified_diff(member_text(a).splitlines(keepends=True), member_text(b).splitlines(keepends=True),
                                        fromfile=f"{a['id']} (canonical)", tofile=b["id"], n=1))


REPORT_DIFFS = 1000  # clusters and conflicts whose diffs the report shows, most consequential first
_MEMBER_COLUMNS = ("id", "source", "line_start", "question", "content_hash")
_TEXT_COLUMNS = ("id", "question", "answer", "analysis")


def report(res: DedupResult, counts: dict[str, tuple[int, int]] | None = None, diffs: int = REPORT_DIFFS) -> dict[str, Any]:
    """The review evidence: every cluster's members (source, line, question, similarity, findings) and
    every conflict; text diffs for the first `diffs` clusters and conflicts only, so that the report
    (and the rows read for it) stays bounded on large corpora."""
    counts = counts or {}
    by_pair = {(p.a, p.b): p for p in res.pairs}
    light = rows_at(res.records, [i for c in res.clusters for i in c["members_idx"]]
                    + [x for p in res.conflicts for x in (p.a, p.b)], _MEMBER_COLUMNS)
    text = rows_at(res.records, [i for c in res.clusters[:diffs] for i in c["members_idx"]]
                   + [x for p in res.conflicts[:diffs] for x in (p.a, p.b)], _TEXT_COLUMNS)

    def member(i: int, canon: int) -> dict[str, Any]:
        r = light[i]
        p = by_pair.get((min(i, canon), max(i, canon)))
        e, w = counts.get(r["id"], (0, 0))
        return {"id": r["id"], "source": r["source"], "line": r["line_start"], "question": r["question"],
                "canonical": i == canon, "jaccard_to_canonical": None if i == canon else _r(p.jaccard) if p else None,
                "reason": None if i == canon or not p else p.reason, "findings": {"error": e, "warning": w},
                "content_hash": r["content_hash"]}

    def side(i: int, shown: bool) -> dict[str, Any]:
        r = light[i]
        return {"id": r["id"], "source": r["source"], "line": r["line_start"], "question": r["question"],
                "answer": text[i]["answer"] if shown else None, "content_hash": r["content_hash"]}

    clusters = []
    for k, c in enumerate(res.clusters):
        canon = c["canonical_idx"]
        clusters.append({
            "cluster_id": c["cluster_id"], "size": c["size"], "removes": c["size"] - 1, "canonical": c["canonical"],
            "reasons": c["reasons"], "min_jaccard": _r(c["min_jaccard"]), "max_jaccard": _r(c["max_jaccard"]),
            "members": [member(i, canon) for i in c["members_idx"]], "diff_shown": k < diffs,
            "diffs": [{"id": text[i]["id"], "diff": text_diff(text[canon], text[i])} for i in c["members_idx"] if i != canon] if k < diffs else [],
        })
    conflicts = [{
        "a": side(p.a, k < diffs), "b": side(p.b, k < diffs),
        "question_jaccard": _r(p.question_jaccard), "answer_jaccard": _r(p.answer_jaccard),
        "diff": text_diff(text[p.a], text[p.b]) if k < diffs else None,
    } for k, p in enumerate(res.conflicts)]
    cfg = asdict(res.config)
    cfg.pop("jobs", None)
    return {"config": cfg, "summary": res.stats, "policy": "canonical = fewest lint findings (errors, then warnings), then most complete answer, then earliest in source order",
            "diff_limit": diffs, "clusters": clusters, "conflicts": conflicts, "against": res.against}


def report_markdown(rep: dict[str, Any]) -> str:
    s = rep["summary"]
    out = ["# Dedup report", "",
           f"{s['records']} records; {s['verified_pairs']} verified pairs from {s['candidates']} LSH candidates "
           f"({s['bands']} bands x {s['rows']} rows; questions {s['question_bands']} x {s['question_rows']}); "
           f"**{s['clusters']} clusters remove {s['removed']} records**; "
           f"{s['conflicts']} same-question conflicts.", "",
           f"Canonical policy: {rep['policy']}.", "",
           *([f"Diffs are shown for the first {rep['diff_limit']} clusters and the first {rep['diff_limit']} conflicts "
              "(--report-diffs); every pair and cluster is in dups.parquet and clusters.parquet.", ""]
             if s["clusters"] > rep["diff_limit"] or s["conflicts"] > rep["diff_limit"] else []),
           "Settings: " + ", ".join(f"{k}={v}" for k, v in rep["config"].items() if k != "user_dicts"), ""]
    for c in rep["clusters"]:
        out += [f"## {c['cluster_id']}: {c['size']} members, removes {c['removes']} ({', '.join(c['reasons'])})", "",
                "| | id | source:line | question | Jaccard | findings (E/W) |", "| --- | --- | --- | --- | --- | --- |"]
        for m in c["members"]:
            jac = "—" if m["jaccard_to_canonical"] is None else f"{m['jaccard_to_canonical']:.3f}"
            q = m["question"].replace("|", "\\|").replace("\n", " ")[:80]
            out.append(f"| {'**keep**' if m['canonical'] else 'drop'} | `{m['id']}` | {m['source']}:{m['line']} | {q} | {jac} | {m['findings']['error']}/{m['findings']['warning']} |")
        for d in c["diffs"]:
            if d["diff"]:
                out += ["", "```diff", d["diff"].rstrip("\n"), "```"]
        out.append("")
    if rep["conflicts"]:
        out += ["## Same question, different answer", ""]
        for k, cf in enumerate(rep["conflicts"], 1):
            out += [f"### conflict {k}: question Jaccard {cf['question_jaccard']:.3f}, answer Jaccard {cf['answer_jaccard']:.3f}", "",
                    f"- `{cf['a']['id']}` {cf['a']['source']}:{cf['a']['line']} — {cf['a']['question']}",
                    f"- `{cf['b']['id']}` {cf['b']['source']}:{cf['b']['line']} — {cf['b']['question']}", ""]
            if cf["diff"] is not None:
                out += ["```diff", cf["diff"].rstrip("\n"), "```", ""]
    if rep["against"]:
        out += ["## Records that duplicate an existing dataset", "", "| id | dataset | its id | kind | Jaccard |", "| --- | --- | --- | --- | --- |"]
        out += [f"| `{a['id']}` | {a['against']} | {a['against_id']} | {a['kind']} | {a['jaccard']:.3f} |" for a in rep["against"]]
    return "\n".join(out) + "\n"


def write_dedup(res: DedupResult, out_dir: Path, counts: dict[str, tuple[int, int]] | None = None,
                report_diffs: int = REPORT_DIFFS, tables: tuple[pa.Table, pa.Table] | None = None) -> list[Path]:
    """dups.parquet, clusters.parquet, dedup_report.json, dedup_report.md (+ against.parquet), atomically;
    the report shows diffs for the first `report_diffs` clusters and conflicts. `tables`: the
    (dups_table, clusters_table) of `res` when the caller has built them already."""

    cfg = asdict(res.config)
    cfg.pop("jobs", None)
    meta = {b"qatool": json.dumps({"stage": "dedup", "config": cfg}, sort_keys=True, ensure_ascii=False).encode("utf-8")}
    paths = [out_dir / "dups.parquet", out_dir / "clusters.parquet"]
    dups, clusters = tables if tables is not None else (dups_table(res), clusters_table(res))
    write_parquet(dups, paths[0], meta)
    write_parquet(clusters, paths[1], meta)
    rep = report(res, counts, report_diffs)
    with atomic_writer(out_dir / "dedup_report.json") as fh:
        json.dump(rep, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    with atomic_writer(out_dir / "dedup_report.md") as fh:
        fh.write(report_markdown(rep))
    paths += [out_dir / "dedup_report.json", out_dir / "dedup_report.md"]
    against_path = out_dir / "against.parquet"
    if res.against:
        write_parquet(against_table(res), against_path, meta)
        paths.append(against_path)
    elif against_path.exists():
        against_path.unlink()
    return paths
