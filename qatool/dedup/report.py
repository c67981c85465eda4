"""Dedup outputs: `dups.parquet` (verified duplicate pairs), `clusters.parquet`, `conflicts.parquet` (one
row per same-question group with distinct answers), `signatures.parquet` (datasketch-compatible
MinHash signatures, reusable with `--against`) (+ `against.parquet`) and the reviewer's evidence in
`dedup_report.json` / `dedup_report.md`, each group once.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from qatool.common.io import atomic_writer
from qatool.common.records import write_parquet
from qatool.dedup.model import DedupResult

# ------------------------------------------------------------------------------------------- output

DUPS_SCHEMA = pa.schema([
    pa.field("id_a", pa.string(), False), pa.field("id_b", pa.string(), False),
    pa.field("kind", pa.string(), False), pa.field("reason", pa.string(), False),
    pa.field("est_jaccard", pa.float64(), True), pa.field("jaccard", pa.float64(), False),
    pa.field("question_jaccard", pa.float64(), True), pa.field("answer_jaccard", pa.float64(), True),
    pa.field("answer_containment", pa.float64(), True), pa.field("cluster_id", pa.string(), True),
])
CONFLICTS_SCHEMA = pa.schema([
    pa.field("conflict_id", pa.string(), False), pa.field("question", pa.string(), False),
    pa.field("members", pa.list_(pa.string()), False), pa.field("size", pa.int64(), False),
    pa.field("distinct_answers", pa.int64(), False),
    pa.field("answers", pa.list_(pa.string()), False), pa.field("answer_counts", pa.list_(pa.int64()), False),
    pa.field("linked_by", pa.list_(pa.string()), False),
    pa.field("answer_similarity_min", pa.float64(), True), pa.field("answer_similarity_max", pa.float64(), True),
    pa.field("answer_similarity_mean", pa.float64(), True),
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
    pa.field("jaccard", pa.float64(), False), pa.field("estimated", pa.bool_(), False),
])
SIGNATURES_FILE = "signatures.parquet"


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def dups_table(res: DedupResult) -> pa.Table:
    cid = {m: c["cluster_id"] for c in res.clusters for m in c["members"]}
    rows = []
    for p in res.pairs:
        a, b = res.ids[p.a], res.ids[p.b]
        rows.append({"id_a": a, "id_b": b, "kind": p.kind, "reason": p.reason, "est_jaccard": _r(p.est_jaccard),
                     "jaccard": _r(p.jaccard), "question_jaccard": _r(p.question_jaccard),
                     "answer_jaccard": _r(p.answer_jaccard), "answer_containment": _r(p.answer_containment),
                     "cluster_id": cid.get(a)})
    return pa.Table.from_pylist(rows, schema=DUPS_SCHEMA)


def conflicts_table(res: DedupResult) -> pa.Table:
    """One row per same-question group with two or more distinct answers."""
    rows = [{k: (_r(c[k]) if k.startswith("answer_similarity") else c[k]) for k in CONFLICTS_SCHEMA.names} for c in res.conflicts]
    return pa.Table.from_pylist(rows, schema=CONFLICTS_SCHEMA)


def clusters_table(res: DedupResult) -> pa.Table:
    rows = [{k: (_r(c[k]) if k.endswith("jaccard") else c[k]) for k in CLUSTERS_SCHEMA.names} for c in res.clusters]
    return pa.Table.from_pylist(rows, schema=CLUSTERS_SCHEMA)


def signatures_table(res: DedupResult) -> pa.Table:
    """One row per record: id, content hash, the digest of its normalised compared text (exact
    matches) and its MinHash signature, which `datasketch.LeanMinHash(seed=seed, hashvalues=signature,
    scheme=scheme)` takes as it is (settings in the file's metadata)."""
    sig, exact = res.signatures
    n, num_perm = sig.shape
    ids, hashes = res.record_ids
    ok = exact.any(axis=1)
    raw = exact.view(np.uint8).reshape(n, 16)
    return pa.table({
        "id": pa.array(ids, pa.string()), "content_hash": pa.array(hashes, pa.string()),
        "exact": pa.array([bytes(raw[i]) if ok[i] else None for i in range(n)], pa.binary(16)),
        "signature": pa.FixedSizeListArray.from_arrays(pa.array(sig.ravel(), pa.uint32()), num_perm),
    })


def against_table(res: DedupResult) -> pa.Table:
    return pa.Table.from_pylist([{**a, "jaccard": _r(a["jaccard"])} for a in res.against], schema=AGAINST_SCHEMA)


def member_text(rec: dict[str, Any]) -> str:
    parts = [f"问：{rec['question']}", f"答：{rec['answer']}"]
    if rec.get("analysis"):
        parts.append(f"解析：{rec['analysis']}")
    return "\n".join(parts)


_SENTENCE_END_RE = re.compile(r"(?<=[。！？；!?;])")
DIFF_CHARS = 2000  # the most of one diff the report shows; the rest is counted, the texts are in records.parquet
ANSWER_CHARS = 600  # the most of one conflict answer the report shows


def diff_lines(text: str) -> list[str]:
    """The text's lines, each also cut after its sentence ends (。！？；!?;), so that a diff of two
    one-paragraph answers shows the sentences that differ, not the whole paragraph twice."""
    out = []
    for line in text.splitlines():
        out += [part + "\n" for part in _SENTENCE_END_RE.split(line) if part] or ["\n"]
    return out


def text_diff(a: dict[str, Any], b: dict[str, Any], limit: int = DIFF_CHARS) -> str:
    """A unified diff of two members' texts by sentence (see diff_lines), at most `limit` characters of
    it; a cut diff ends with a line that says how many diff lines were left out."""
    lines = list(difflib.unified_diff(diff_lines(member_text(a)), diff_lines(member_text(b)),
                                      fromfile=f"{a['id']} (canonical)", tofile=b["id"], n=1))
    out, size = [], 0
    for k, line in enumerate(lines):
        if size + len(line) > limit and k > 2:
            out.append(f"… {len(lines) - k} more diff lines (full texts of {a['id']} and {b['id']} in records.parquet)\n")
            break
        out.append(line)
        size += len(line)
    return "".join(out)


def excerpt(text: str, limit: int = ANSWER_CHARS) -> str:
    """At most `limit` characters of text, cut at a character boundary and marked with an ellipsis."""
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


REPORT_DIFFS = 1000  # clusters and conflicts whose diffs the report shows, most consequential first
_MEMBER_COLUMNS = ("id", "source", "line_start", "question", "content_hash")
_TEXT_COLUMNS = ("id", "question", "answer", "analysis")


def exact_only(cluster: dict[str, Any]) -> bool:
    """A cluster of identical normalised texts: the canonical policy can decide it without a person."""
    return list(cluster["reasons"]) == ["exact-text"]


def judgement_order(clusters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Clusters that need a person first: near (not identical) ones, then identical ones; each part
    keeps its order (largest first)."""
    return [c for c in clusters if not exact_only(c)] + [c for c in clusters if exact_only(c)]


def report(res: DedupResult, counts: dict[str, tuple[int, int]] | None = None, diffs: int = REPORT_DIFFS) -> dict[str, Any]:
    """The review evidence: every cluster's members (source, line, question, similarity, findings) and
    every conflict group once (its member ids, and its representative answers with how many members
    share each); text diffs and answers for the first `diffs` clusters and conflict groups only, each
    diff at most DIFF_CHARS and each answer at most ANSWER_CHARS characters, so that the report (and
    the rows read for it) stays bounded on large corpora and long records."""
    counts = counts or {}
    by_pair = {(p.a, p.b): p for p in res.pairs}
    ordered = judgement_order(res.clusters)
    light = res.records.take([i for c in res.clusters for i in c["members_idx"]]
                    + [i for c in res.conflicts for i in c["answers_idx"]], _MEMBER_COLUMNS)
    text = res.records.take([i for c in ordered[:diffs] for i in c["members_idx"]]
                   + [i for c in res.conflicts[:diffs] for i in c["answers_idx"]], _TEXT_COLUMNS)

    def member(i: int, canon: int) -> dict[str, Any]:
        r = light[i]
        p = by_pair.get((min(i, canon), max(i, canon)))
        e, w = counts.get(r["id"], (0, 0))
        return {"id": r["id"], "source": r["source"], "line": r["line_start"], "question": r["question"],
                "canonical": i == canon, "jaccard_to_canonical": None if i == canon else _r(p.jaccard) if p else None,
                "reason": None if i == canon or not p else p.reason, "findings": {"error": e, "warning": w},
                "content_hash": r["content_hash"]}

    def answer(i: int, count: int, shown: bool) -> dict[str, Any]:
        r = light[i]
        full = text[i]["answer"] if shown else None
        return {"id": r["id"], "source": r["source"], "line": r["line_start"], "question": r["question"], "members": count,
                "answer": None if full is None else excerpt(full), "answer_chars": None if full is None else len(full),
                "content_hash": r["content_hash"]}

    clusters = []
    for k, c in enumerate(ordered):
        canon = c["canonical_idx"]
        clusters.append({
            "cluster_id": c["cluster_id"], "size": c["size"], "removes": c["size"] - 1, "canonical": c["canonical"],
            "reasons": c["reasons"], "min_jaccard": _r(c["min_jaccard"]), "max_jaccard": _r(c["max_jaccard"]),
            "members": [member(i, canon) for i in c["members_idx"]], "diff_shown": k < diffs,
            "diffs": [{"id": text[i]["id"], "diff": text_diff(text[canon], text[i])} for i in c["members_idx"] if i != canon] if k < diffs else [],
        })
    conflicts = [{
        "conflict_id": c["conflict_id"], "question": c["question"], "size": c["size"], "distinct_answers": c["distinct_answers"],
        "linked_by": c["linked_by"], "answer_similarity_min": _r(c["answer_similarity_min"]),
        "answer_similarity_max": _r(c["answer_similarity_max"]), "answer_similarity_mean": _r(c["answer_similarity_mean"]),
        "answers": [answer(i, n, k < diffs) for i, n in zip(c["answers_idx"], c["answer_counts"])],
        "members": c["members"], "text_shown": k < diffs,
    } for k, c in enumerate(res.conflicts)]
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
           f"{s['conflicts']} same-question conflict groups ({s['conflict_records']} records) "
           f"among {s['question_groups']} groups of records asking the same question.", "",
           f"Canonical policy: {rep['policy']}.", "",
           *([f"Diffs are shown for the first {rep['diff_limit']} clusters and answers for the first {rep['diff_limit']} conflict groups "
              "(--report-diffs); every pair, cluster and conflict group is in dups.parquet, clusters.parquet and conflicts.parquet.", ""]
             if s["clusters"] > rep["diff_limit"] or s["conflicts"] > rep["diff_limit"] else []),
           "Settings: " + ", ".join(f"{k}={v}" for k, v in rep["config"].items() if k != "user_dicts"), "",
           "Order: what needs a person first: same-question conflict groups, then near-duplicate clusters, then clusters "
           "of identical text.", ""]
    if rep["conflicts"]:
        out += ["## Same question, different answers", ""]
        for cf in rep["conflicts"]:
            sim = "" if cf["answer_similarity_max"] is None else \
                f"; answer similarity between them {cf['answer_similarity_min']:.2f}–{cf['answer_similarity_max']:.2f} (estimated)"
            out += [f"### {cf['conflict_id']}: {' '.join(cf['question'].split())[:120]}", "",
                    f"{cf['size']} records, {cf['distinct_answers']} distinct answers (linked by {', '.join(cf['linked_by'])}){sim}.", ""]
            for k, a in enumerate(cf["answers"], 1):
                out.append(f"- answer {k} ({a['members']} records): `{a['id']}` {a['source']}:{a['line']} — {' '.join(a['question'].split())[:80]}")
                if a["answer"] is not None:
                    out.append("  > " + " ".join(a["answer"].split())[:300])
            if len(cf["answers"]) < cf["distinct_answers"]:
                out.append(f"- … {cf['distinct_answers'] - len(cf['answers'])} more distinct answers (members in conflicts.parquet)")
            out.append("")
    if rep["clusters"]:
        out += ["## Duplicate clusters", ""]
    for c in rep["clusters"]:
        out += [f"### {c['cluster_id']}: {c['size']} members, removes {c['removes']} ({', '.join(c['reasons'])})", "",
                "| | id | source:line | question | Jaccard | findings (E/W) |", "| --- | --- | --- | --- | --- | --- |"]
        for m in c["members"]:
            jac = "—" if m["jaccard_to_canonical"] is None else f"{m['jaccard_to_canonical']:.3f}"
            q = m["question"].replace("|", "\\|").replace("\n", " ")[:80]
            out.append(f"| {'**keep**' if m['canonical'] else 'drop'} | `{m['id']}` | {m['source']}:{m['line']} | {q} | {jac} | {m['findings']['error']}/{m['findings']['warning']} |")
        for d in c["diffs"]:
            if d["diff"]:
                out += ["", "```diff", d["diff"].rstrip("\n"), "```"]
        out.append("")
    if rep["against"]:
        out += ["## Records that duplicate an existing dataset", "", "| id | dataset | its id | kind | Jaccard |", "| --- | --- | --- | --- | --- |"]
        out += [f"| `{a['id']}` | {a['against']} | {a['against_id']} | {a['kind']} | {a['jaccard']:.3f} |" for a in rep["against"]]
    return "\n".join(out) + "\n"


def write_dedup(res: DedupResult, out_dir: Path, counts: dict[str, tuple[int, int]] | None = None,
                report_diffs: int = REPORT_DIFFS, tables: tuple[pa.Table, pa.Table] | None = None) -> list[Path]:
    """dups.parquet, clusters.parquet, conflicts.parquet, dedup_report.json, dedup_report.md (+ against.parquet), atomically;
    the report shows diffs for the first `report_diffs` clusters and conflicts. `tables`: the
    (dups_table, clusters_table) of `res` when the caller has built them already."""

    cfg = asdict(res.config)
    cfg.pop("jobs", None)
    meta = {b"qatool": json.dumps({"stage": "dedup", "config": cfg}, sort_keys=True, ensure_ascii=False).encode("utf-8")}
    paths = [out_dir / "dups.parquet", out_dir / "clusters.parquet", out_dir / "conflicts.parquet"]
    dups, clusters = tables if tables is not None else (dups_table(res), clusters_table(res))
    write_parquet(dups, paths[0], meta)
    write_parquet(clusters, paths[1], meta)
    write_parquet(conflicts_table(res), paths[2], meta)
    if res.signatures is not None:
        sig_meta = {b"qatool": json.dumps({"stage": "signatures", "config": cfg, "hashfunc": "qatool.dedup.shingle_hash32",
                                           "shingles": "qatool.dedup.record_shingles",
                                           "datasketch": f"LeanMinHash(seed={res.config.seed}, hashvalues=signature, scheme={res.config.scheme!r})"},
                                          sort_keys=True, ensure_ascii=False).encode("utf-8")}
        write_parquet(signatures_table(res), out_dir / SIGNATURES_FILE, sig_meta)
        paths.append(out_dir / SIGNATURES_FILE)
    rep = report(res, counts, report_diffs)
    with atomic_writer(out_dir / "dedup_report.json") as fh:
        json.dump(rep, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
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
