"""Export cleaned fine-tuning data: every record either goes to train/val or to the quarantine with
its reasons, so `records = exported + quarantined`, always.

Reasons a record is left out (a record can have several):

- `duplicate_of:ID`   not the kept member of its duplicate cluster (dedup's canonical, or the
                      member a reviewer kept),
- `finding:CODE`      a lint finding at or above the drop level (default `error`) that cleaning does
                      not repair (unless `keep_flagged`),
- `invalid:schema`    the record failed `schemas/qa_record.schema.json` when it was parsed,
- `review:drop-all`   a reviewer dropped the whole cluster or conflict,
- `review:conflict-keep:ID`  a reviewer kept the other side of a same-question conflict,
- `empty:answer`      nothing left of the answer after cleaning,
- `unclean:CODE`      cleaning could not remove a leaked token or chatter (never exported dirty).

The train/val split hashes a group key (the smallest id of the record's duplicate cluster and
conflicts, or its own id), so adding records does not move old ones and related records never
straddle the split.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import __version__
from .clean import REPAIRED, Cleaner
from .decisions import Decisions, apply_decisions
from .io import atomic_writer
from .lint.model import SEVERITIES

FORMATS = ("messages", "alpaca", "sharegpt")
ANALYSIS_MODES = ("merge", "drop", "field")
DATASET_NAME = "qatool"


class ExportInputError(ValueError):
    """A missing or unreadable input of the export; the message says what to run first."""


@dataclass(frozen=True)
class ExportConfig:
    format: str = "messages"
    system: str | None = None
    with_analysis: str = "merge"  # merge | drop | field
    val_ratio: float = 0.05
    keep_flagged: bool = False
    drop_level: str = "error"
    meta: bool = True
    split_seed: str = "qatool-split-v1"

    def __post_init__(self):
        if self.format not in FORMATS:
            raise ValueError(f"--format must be one of {', '.join(FORMATS)}, got {self.format!r}")
        if self.with_analysis not in ANALYSIS_MODES:
            raise ValueError(f"--with-analysis must be one of {', '.join(ANALYSIS_MODES)}, got {self.with_analysis!r}")
        if not 0 <= self.val_ratio < 1:
            raise ValueError(f"--val-ratio must be in [0, 1), got {self.val_ratio}")
        if self.drop_level not in SEVERITIES:
            raise ValueError(f"drop level must be one of {', '.join(SEVERITIES)}")


@dataclass
class ExportInputs:
    """What the export reads: the outputs of parse, lint and dedup (see `load_inputs`)."""

    records: list[dict[str, Any]]
    findings: list[dict[str, Any]] = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)
    decisions: Decisions | None = None
    pairs: list[dict[str, Any]] = field(default_factory=list)  # dups.parquet rows (evidence for review)


@dataclass
class ExportResult:
    train: list[dict[str, Any]]
    val: list[dict[str, Any]]
    quarantine: list[dict[str, Any]]
    stats: dict[str, Any]
    stale: list[dict[str, Any]]
    config: ExportConfig

    @property
    def exported(self) -> int:
        return len(self.train) + len(self.val)


# ------------------------------------------------------------------------------------------ reading

def load_inputs(in_dir: Path, decisions: Path | None = None) -> ExportInputs:
    """Read records.parquet, findings.parquet, clusters.parquet, dups.parquet and
    invalid_records.jsonl from `in_dir` (what `qatool run` writes)."""
    import pyarrow.parquet as pq

    def need(name: str, made_by: str) -> Path:
        p = in_dir / name
        if not p.exists():
            raise ExportInputError(f"{p}: not found; {made_by}")
        return p

    rec_path = need("records.parquet", "run `qatool run` (or `qatool parse`) with this output folder first")
    find_path = need("findings.parquet", "run `qatool run` with this output folder first: it lints and writes the findings the export honours")
    clus_path = need("clusters.parquet", "run `qatool run` (or `qatool dedup --records records.parquet`) with this output folder first")
    dups_path = need("dups.parquet", "run `qatool run` (or `qatool dedup --records records.parquet`) with this output folder first")
    try:
        records = pq.read_table(rec_path).to_pylist()
        findings = pq.read_table(find_path, columns=["code", "severity", "record_id", "message", "line"]).to_pylist()
        clusters = pq.read_table(clus_path).to_pylist()
        dups = pq.read_table(dups_path).to_pylist()
    except Exception as err:  # pyarrow raises several types for damaged files
        raise ExportInputError(f"{in_dir}: cannot read the Parquet inputs ({err}); re-run `qatool run`") from None
    invalid: list[dict[str, Any]] = []
    inv_path = in_dir / "invalid_records.jsonl"
    if inv_path.exists():
        for no, line in enumerate(inv_path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    invalid.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ExportInputError(f"{inv_path}:{no}: not JSON ({err.msg}); re-run `qatool run`") from None
    known = {r["id"] for r in records}
    conflicts = [(d["id_a"], d["id_b"]) for d in dups if d["kind"] == "same-question" and d["id_a"] in known and d["id_b"] in known]
    return ExportInputs(records, findings, clusters, conflicts, invalid,
                        Decisions.load(decisions) if decisions is not None else None, dups)


# -------------------------------------------------------------------------------------------- logic

def _bucket(key: str, seed: str) -> float:
    h = hashlib.sha256(f"{seed}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def _groups(ids: list[str], clusters: list[dict[str, Any]], conflicts: list[tuple[str, str]]) -> dict[str, str]:
    """id -> smallest id of its connected group (clusters and conflicts joined)."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    for c in clusters:
        for m in c["members"][1:]:
            union(c["members"][0], m)
    for a, b in conflicts:
        union(a, b)
    return {i: find(i) for i in ids}


def _user_assistant(rec: dict[str, Any], cfg: ExportConfig) -> tuple[str, str, str | None]:
    question, answer, analysis = rec["question"], rec["answer"], rec.get("analysis")
    if cfg.with_analysis == "merge" and analysis:
        answer = f"{answer}\n\n**解析：** {analysis}" if answer else analysis
    return question, answer, analysis if cfg.with_analysis == "field" else None


def format_line(rec: dict[str, Any], cfg: ExportConfig) -> dict[str, Any]:
    """One exported JSONL object for a cleaned record, in the configured format."""
    user, assistant, analysis = _user_assistant(rec, cfg)
    line: dict[str, Any] = {}
    if cfg.meta:
        line["id"] = rec["id"]
        line["source"] = rec["source"]
    if cfg.format == "messages":
        msgs = ([{"role": "system", "content": cfg.system}] if cfg.system else []) + [
            {"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
        line["messages"] = msgs
    elif cfg.format == "alpaca":
        line.update({"instruction": user, "input": "", "output": assistant})
        if cfg.system:
            line["system"] = cfg.system
    else:
        line["conversations"] = [{"from": "human", "value": user}, {"from": "gpt", "value": assistant}]
        if cfg.system:
            line["system"] = cfg.system
    if cfg.with_analysis == "field":
        line["analysis"] = analysis
    return line


def export_records(inp: ExportInputs, cfg: ExportConfig = ExportConfig(), cleaner: Cleaner | None = None) -> ExportResult:
    """Clean, filter and split. Pure: no I/O."""
    cleaner = cleaner or Cleaner()
    records = inp.records
    by_id = {r["id"]: r for r in records}
    reasons: dict[str, list[str]] = defaultdict(list)

    # duplicates and conflicts: reviewer decisions first, dedup's canonical policy otherwise
    applied = apply_decisions(records, inp.clusters, inp.conflicts, inp.decisions)
    for rid, why in applied.drops.items():
        reasons[rid].extend(why)

    # findings at or above the drop level that cleaning does not repair
    level = SEVERITIES.index(cfg.drop_level)
    flagged: dict[str, set[str]] = defaultdict(set)
    for f in inp.findings:
        rid = f.get("record_id")
        if rid in by_id and f["code"] not in REPAIRED and SEVERITIES.index(f["severity"]) >= level:
            flagged[rid].add(f["code"])
    if not cfg.keep_flagged:
        for rid, codes in flagged.items():
            reasons[rid].extend(f"finding:{c}" for c in sorted(codes))

    cleaned: dict[str, dict[str, Any]] = {}
    repaired: Counter[str] = Counter()
    for rec in records:
        if reasons.get(rec["id"]):
            continue
        new = dict(rec)
        fixed: set[str] = set()
        for key in ("question", "answer", "analysis"):
            new[key], codes = cleaner.clean(rec.get(key))
            fixed.update(codes)
        repaired.update(fixed)
        if not new["answer"] and not (cfg.with_analysis == "merge" and new.get("analysis")):
            reasons[rec["id"]].append("empty:answer")
            continue
        left = {f.code for key in ("question", "answer", "analysis") if new.get(key)
                for f in cleaner.findings(new[key]) if f.code in ("FM001", "FM007")}
        if left:
            reasons[rec["id"]].extend(f"unclean:{c}" for c in sorted(left))
            continue
        cleaned[rec["id"]] = new

    findings_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in inp.findings:
        if f.get("record_id") in flagged:
            findings_of[f["record_id"]].append(f)
    group = _groups([r["id"] for r in records], inp.clusters, inp.conflicts)
    train, val, quarantine = [], [], []
    for rec in records:
        rid = rec["id"]
        if rid in cleaned:
            line = format_line(cleaned[rid], cfg)
            (val if cfg.val_ratio and _bucket(group[rid], cfg.split_seed) < cfg.val_ratio else train).append(line)
        else:
            quarantine.append(_quarantine_line(rec, reasons[rid], flagged.get(rid, set()), findings_of.get(rid, ())))
    for bad in inp.invalid:
        rec = bad.get("record") or {}
        quarantine.append({"id": rec.get("id"), "source": rec.get("source"), "line_start": rec.get("line_start"),
                           "line_end": rec.get("line_end"), "question": rec.get("question"),
                           "reasons": ["invalid:schema"], "details": list(bad.get("errors", []))})

    reason_counts = Counter(reason_key(r) for q in quarantine for r in q["reasons"])
    total = len(records) + len(inp.invalid)
    stats = {
        "records": total, "exported": len(train) + len(val), "train": len(train), "val": len(val),
        "quarantined": len(quarantine), "reasons": dict(sorted(reason_counts.items())),
        "repaired": dict(sorted(repaired.items())), "decisions_applied": applied.applied,
        "decisions_stale": len(applied.stale),
        "per_source": _per_source(records, inp.invalid, cleaned),
        "findings": dict(sorted(Counter(f["code"] for f in inp.findings if f.get("record_id") in by_id).items())),
    }
    assert stats["records"] == stats["exported"] + stats["quarantined"], "every record is exported or quarantined"
    return ExportResult(train, val, quarantine, stats, applied.stale, cfg)


def reason_key(reason: str) -> str:
    """`duplicate_of:ID` -> `duplicate_of`; reasons that name a rule keep it (`finding:FC101`)."""
    for prefix in ("duplicate_of:", "review:conflict-keep:"):
        if reason.startswith(prefix):
            return prefix[:-1]
    return reason


def _quarantine_line(rec: dict[str, Any], why: list[str], flagged: set[str], findings: Iterable[dict[str, Any]]) -> dict[str, Any]:
    details = [f"{f['code']} line {f['line']}: {f['message']}" for f in findings if f["code"] in flagged]
    return {"id": rec["id"], "source": rec["source"], "line_start": rec["line_start"], "line_end": rec["line_end"],
            "question": rec["question"], "reasons": list(dict.fromkeys(why)), "details": details}


def _per_source(records: list[dict[str, Any]], invalid: list[dict[str, Any]], cleaned: dict[str, Any]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for rec in records:
        s = out.setdefault(rec["source"], {"records": 0, "exported": 0, "quarantined": 0})
        s["records"] += 1
        s["exported" if rec["id"] in cleaned else "quarantined"] += 1
    for bad in invalid:
        s = out.setdefault((bad.get("record") or {}).get("source") or "?", {"records": 0, "exported": 0, "quarantined": 0})
        s["records"] += 1
        s["quarantined"] += 1
    return dict(sorted(out.items()))


# ------------------------------------------------------------------------------------------ writing

def dataset_info(cfg: ExportConfig, has_val: bool) -> dict[str, Any]:
    """LLaMA-Factory's dataset_info.json entries for train (and val)."""
    if cfg.format == "alpaca":
        entry: dict[str, Any] = {"columns": {"prompt": "instruction", "query": "input", "response": "output"}}
        if cfg.system:
            entry["columns"]["system"] = "system"
    elif cfg.format == "sharegpt":
        entry = {"formatting": "sharegpt", "columns": {"messages": "conversations"},
                 "tags": {"role_tag": "from", "content_tag": "value", "user_tag": "human", "assistant_tag": "gpt"}}
        if cfg.system:
            entry["columns"]["system"] = "system"
    else:
        entry = {"formatting": "sharegpt", "columns": {"messages": "messages"},
                 "tags": {"role_tag": "role", "content_tag": "content", "user_tag": "user",
                          "assistant_tag": "assistant", "system_tag": "system"}}
    info = {f"{DATASET_NAME}_train": {"file_name": "train.jsonl", **entry}}
    if has_val:
        info[f"{DATASET_NAME}_val"] = {"file_name": "val.jsonl", **entry}
    return info


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with atomic_writer(path) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


def data_card(res: ExportResult) -> str:
    s, cfg = res.stats, res.config
    out = ["# Dataset card", "",
           f"Made by qatool {__version__} (`qatool export`). {s['records']} records = {s['exported']} exported "
           f"({s['train']} train, {s['val']} val) + {s['quarantined']} quarantined.", "",
           "## Settings", "", "| setting | value |", "| --- | --- |"]
    for k, v in asdict(cfg).items():
        out.append(f"| {k} | {'' if v is None else str(v).replace('|', '/')} |")
    out += ["", "## Per source", "", "| source | records | exported | quarantined |", "| --- | ---: | ---: | ---: |"]
    out += [f"| {src} | {c['records']} | {c['exported']} | {c['quarantined']} |" for src, c in s["per_source"].items()]
    out += ["", "## Why records were left out", "", "| reason | records |", "| --- | ---: |"]
    out += [f"| `{r}` | {n} |" for r, n in s["reasons"].items()] or ["| (none) | 0 |"]
    out += ["", "## Lint findings in the input, by code", "", "| code | findings |", "| --- | ---: |"]
    out += [f"| {c} | {n} |" for c, n in s["findings"].items()] or ["| (none) | 0 |"]
    out += ["", "## Repaired during export", "",
            "Rules whose damage the export repairs instead of dropping the record "
            f"({', '.join(REPAIRED)}); records repaired per rule:", "", "| code | records |", "| --- | ---: |"]
    out += [f"| {c} | {n} |" for c, n in s["repaired"].items()] or ["| (none) | 0 |"]
    out += ["", "## Review decisions", "", f"{s['decisions_applied']} applied, {s['decisions_stale']} stale (not applied)."]
    for st in res.stale:
        out.append(f"- stale: {st['group']} {', '.join(st['members'][:4])}: {st['why']}")
    out += ["", "Files: `train.jsonl`, `val.jsonl`, `quarantine.jsonl` (one line per left-out record with its reasons), "
            "`dataset_info.json` (LLaMA-Factory).", ""]
    return "\n".join(out)


def write_export(res: ExportResult, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / n for n in ("train.jsonl", "val.jsonl", "quarantine.jsonl", "dataset_info.json", "DATASET.md")]
    _jsonl(paths[0], res.train)
    _jsonl(paths[1], res.val)
    _jsonl(paths[2], res.quarantine)
    with atomic_writer(paths[3]) as fh:
        json.dump(dataset_info(res.config, bool(res.val)), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    with atomic_writer(paths[4]) as fh:
        fh.write(data_card(res))
    return paths
