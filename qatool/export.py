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
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Iterable, Protocol, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from . import __version__
from .clean import REPAIRED, Cleaner
from .dataset import ParquetRows, TableRows, record_batches, values_by_id
from .decisions import Decisions, apply_decisions
from .io import atomic_writer
from .lint.model import SEVERITIES
from .parallel import map_ordered

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


FINDING_COLUMNS = ["code", "severity", "record_id", "message", "line"]


@dataclass
class ExportInputs:
    """What the export reads: the outputs of parse, lint and dedup (see `load_inputs`). `records` is
    a list of dicts or a (streamed) `TableRows`; `findings` a list of dicts or an Arrow table."""

    records: Sequence[dict[str, Any]]
    findings: list[dict[str, Any]] | pa.Table = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)
    decisions: Decisions | None = None
    pairs: list[dict[str, Any]] = field(default_factory=list)  # dups.parquet rows (evidence for review)

    def findings_where(self, ids: Iterable[str] | None = None, min_level: int = 0) -> list[dict[str, Any]]:
        """Findings of records with these ids (default: any record), at or above a severity index."""
        wanted = None if ids is None else set(ids)
        if isinstance(self.findings, pa.Table):
            t = self.findings
            mask = pc.is_in(t.column("severity"), value_set=pa.array(SEVERITIES[min_level:]))
            if wanted is not None:
                mask = pc.and_(mask, pc.is_in(t.column("record_id"), value_set=pa.array(sorted(wanted), pa.string())))
            return t.filter(mask).select(FINDING_COLUMNS).to_pylist()
        return [f for f in self.findings if SEVERITIES.index(f["severity"]) >= min_level
                and (wanted is None or f.get("record_id") in wanted)]

    def code_counts(self, ids: set[str]) -> dict[str, int]:
        """Findings per code, over the records with these ids."""
        if isinstance(self.findings, pa.Table):
            t = self.findings.filter(pc.is_in(self.findings.column("record_id"), value_set=pa.array(sorted(ids), pa.string())))
            return {d["values"]: d["counts"] for d in pc.value_counts(t.column("code")).to_pylist()}
        return dict(Counter(f["code"] for f in self.findings if f.get("record_id") in ids))

    def member_ids(self) -> set[str]:
        return {m for c in self.clusters for m in c["members"]} | {x for pair in self.conflicts for x in pair}

    def applied_decisions(self) -> Any:
        """The review decisions applied to the clusters and conflicts (see `apply_decisions`)."""
        chash = values_by_id(self.records, self.member_ids(), "content_hash")
        present = None
        if self.decisions and self.decisions.items:
            wanted = {h for key in self.decisions.items for h in key[1]}
            hashes = self.records.column("content_hash") if isinstance(self.records, TableRows) else (r["content_hash"] for r in self.records)
            present = {h for h in hashes if h in wanted}
        members = [{"id": i, "content_hash": h} for i, h in chash.items()]
        return apply_decisions(members, self.clusters, self.conflicts, self.decisions, present)


class ExportSink(Protocol):
    def add(self, split: str, line: dict[str, Any]) -> None: ...


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
        return self.stats["exported"]

    def add(self, split: str, line: dict[str, Any]) -> None:
        getattr(self, split).append(line)


# ------------------------------------------------------------------------------------------ reading

def load_inputs(in_dir: Path, decisions: Path | None = None) -> ExportInputs:
    """Read records.parquet (streamed, not loaded), findings.parquet, clusters.parquet, dups.parquet
    and invalid_records.jsonl from `in_dir` (what `qatool run` writes)."""
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
        records = ParquetRows(rec_path)  # streamed: whole rows are read batch by batch, or for the few records shown
        ids = set(records.column("id"))
        findings = pq.read_table(find_path, columns=FINDING_COLUMNS)
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
    conflicts = [(d["id_a"], d["id_b"]) for d in dups if d["kind"] == "same-question" and d["id_a"] in ids and d["id_b"] in ids]
    return ExportInputs(records, findings, clusters, conflicts, invalid,
                        Decisions.load(decisions) if decisions is not None else None, dups)


# -------------------------------------------------------------------------------------------- logic

def _bucket(key: str, seed: str) -> float:
    h = hashlib.sha256(f"{seed}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def _groups(clusters: list[dict[str, Any]], conflicts: list[tuple[str, str]], known: set[str]) -> dict[str, str]:
    """id -> smallest id of its connected group (clusters and conflicts joined), for the known ids
    that are in a group; any other record is a group of its own."""
    parent = {i: i for i in known}

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
    return {i: find(i) for i in parent}


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


_WORKER: dict[str, Cleaner] = {}
CLEAN_BATCH = 1000  # records cleaned per task
_QUARANTINE_FIELDS = ("id", "source", "line_start", "line_end", "question")


def _clean_batch(args: tuple) -> tuple[list[tuple[str, str, dict[str, Any] | None, list[str], dict[str, Any] | None]], Counter[str]]:
    """One batch of records: (id, source, exported line or None, reasons, the fields a quarantine
    line shows) per record, and the repairs made. Runs in the workers (or in-process)."""
    batch, prior, cfg, cleaner = args
    if cleaner is None:
        cleaner = _WORKER.get("cleaner") or _WORKER.setdefault("cleaner", Cleaner())
    repaired: Counter[str] = Counter()
    out = []
    for rec, why in zip(batch, prior):
        line = None if why else _clean(rec, cfg, cleaner, why, repaired)
        out.append((rec["id"], rec["source"], line, why, None if line is not None else {k: rec[k] for k in _QUARANTINE_FIELDS}))
    return out, repaired


def export_records(inp: ExportInputs, cfg: ExportConfig = ExportConfig(), cleaner: Cleaner | None = None,
                   sink: ExportSink | None = None, jobs: int = 1, engine: Any = None) -> ExportResult:
    """Clean, filter and split, one batch of records at a time, cleaning on `jobs` processes (the
    result is the same for any number) or, for records streamed from a file, on `engine`
    (qatool.engine_ray). Lines go to `sink` (e.g. the files of `ExportWriter`) as they are made,
    or, without one, into the result's lists. Pure but for what the sink does."""
    res = ExportResult([], [], [], {}, [], cfg)
    out: ExportSink = sink or res

    # duplicates and conflicts: reviewer decisions first, dedup's canonical policy otherwise
    applied = inp.applied_decisions()
    reasons: dict[str, list[str]] = defaultdict(list)
    for rid, why in applied.drops.items():
        reasons[rid].extend(why)

    # findings at or above the drop level that cleaning does not repair
    flagged: dict[str, set[str]] = defaultdict(set)
    findings_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in inp.findings_where(min_level=SEVERITIES.index(cfg.drop_level)):
        rid = f.get("record_id")
        if rid and f["code"] not in REPAIRED:
            flagged[rid].add(f["code"])
            findings_of[rid].append(f)

    def prior(rid: str) -> list[str]:
        why = list(reasons.get(rid, ()))
        if not cfg.keep_flagged and rid in flagged:
            why.extend(f"finding:{c}" for c in sorted(flagged[rid]))
        return why
    prior_of = {rid: why for rid in sorted(reasons.keys() | flagged.keys()) if (why := prior(rid))}  # the rest: none

    ids = set(inp.records.column("id")) if isinstance(inp.records, TableRows) else {r["id"] for r in inp.records}
    group = _groups(inp.clusters, inp.conflicts, inp.member_ids() & ids)
    repaired: Counter[str] = Counter()
    per_source: dict[str, dict[str, int]] = {}
    counts: Counter[str] = Counter()
    on_engine = engine is not None and isinstance(inp.records, ParquetRows)
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 and not on_engine else None
    in_process = None if pool is not None else (cleaner or Cleaner())
    if on_engine:
        cleaned = engine.clean_batches(inp.records.path, prior_of, cfg)
    else:
        args = ((b, [prior_of.get(r["id"], []) for r in b], cfg, in_process) for b in record_batches(inp.records, CLEAN_BATCH))
        cleaned = map_ordered(_clean_batch, args, pool)
    try:
        for batch_out, batch_repaired in cleaned:
            repaired.update(batch_repaired)
            for rid, source, line, why, qrec in batch_out:
                src = per_source.setdefault(source, {"records": 0, "exported": 0, "quarantined": 0})
                src["records"] += 1
                if line is not None:
                    split = "val" if cfg.val_ratio and _bucket(group.get(rid, rid), cfg.split_seed) < cfg.val_ratio else "train"
                    out.add(split, line)
                    counts[split] += 1
                    src["exported"] += 1
                else:
                    q = _quarantine_line(qrec, why, flagged.get(rid, set()), findings_of.get(rid, ()))
                    out.add("quarantine", q)
                    counts.update(reason_key(r) for r in q["reasons"])
                    counts["quarantine"] += 1
                    src["quarantined"] += 1
    finally:
        if pool is not None:
            pool.shutdown()
    for bad in inp.invalid:
        rec = bad.get("record") or {}
        out.add("quarantine", {"id": rec.get("id"), "source": rec.get("source"), "line_start": rec.get("line_start"),
                               "line_end": rec.get("line_end"), "question": rec.get("question"),
                               "reasons": ["invalid:schema"], "details": list(bad.get("errors", []))})
        counts["invalid:schema"] += 1
        counts["quarantine"] += 1
        src = per_source.setdefault(rec.get("source") or "?", {"records": 0, "exported": 0, "quarantined": 0})
        src["records"] += 1
        src["quarantined"] += 1

    records = sum(s["records"] for s in per_source.values())
    reason_counts = {k: v for k, v in counts.items() if k not in ("train", "val", "quarantine")}
    res.stats = {
        "records": records, "exported": counts["train"] + counts["val"], "train": counts["train"], "val": counts["val"],
        "quarantined": counts["quarantine"], "reasons": dict(sorted(reason_counts.items())),
        "repaired": dict(sorted(repaired.items())), "decisions_applied": applied.applied,
        "decisions_stale": len(applied.stale), "per_source": dict(sorted(per_source.items())),
        "findings": dict(sorted(inp.code_counts(ids).items())),
    }
    res.stale = applied.stale
    assert res.stats["records"] == res.stats["exported"] + res.stats["quarantined"], "every record is exported or quarantined"
    return res


def _clean(rec: dict[str, Any], cfg: ExportConfig, cleaner: Cleaner, why: list[str], repaired: Counter[str]) -> dict[str, Any] | None:
    """The exported line of a record, cleaned; None (with the reason added to `why`) when nothing
    is left of the answer or cleaning could not make it clean."""
    new = dict(rec)
    fixed: set[str] = set()
    for key in ("question", "answer", "analysis"):
        new[key], codes = cleaner.clean(rec.get(key))
        fixed.update(codes)
    repaired.update(fixed)
    if not new["answer"] and not (cfg.with_analysis == "merge" and new.get("analysis")):
        why.append("empty:answer")
        return None
    left = {f.code for key in ("question", "answer", "analysis") if new.get(key)
            for f in cleaner.findings(new[key]) if f.code in ("FM001", "FM007")}
    if left:
        why.extend(f"unclean:{c}" for c in sorted(left))
        return None
    return format_line(new, cfg)


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


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n"


SPLIT_FILES = {"train": "train.jsonl", "val": "val.jsonl", "quarantine": "quarantine.jsonl"}


class ExportWriter:
    """An export sink that writes train.jsonl, val.jsonl and quarantine.jsonl as lines come (each
    atomically: the files appear when the writer closes without an error)."""

    def __init__(self, out_dir: Path):
        import contextlib

        self._stack = contextlib.ExitStack()
        self._fh = {k: self._stack.enter_context(atomic_writer(out_dir / name)) for k, name in SPLIT_FILES.items()}

    def add(self, split: str, line: dict[str, Any]) -> None:
        self._fh[split].write(_line(line))

    def __enter__(self) -> "ExportWriter":
        return self

    def __exit__(self, *exc: Any) -> bool:
        return self._stack.__exit__(*exc)


def export_to_dir(inp: ExportInputs, out_dir: Path, cfg: ExportConfig = ExportConfig(), jobs: int = 1,
                  engine: Any = None) -> tuple[ExportResult, list[Path]]:
    """`export_records` streamed into OUT's files (memory does not grow with the records); the
    files are byte-identical to `write_export` of the in-memory result."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with ExportWriter(out_dir) as sink:
        res = export_records(inp, cfg, sink=sink, jobs=jobs, engine=engine)
    return res, [out_dir / n for n in SPLIT_FILES.values()] + _write_meta(res, out_dir)


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
    """The in-memory result's files (see `export_to_dir` for the streamed way)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for split, name in SPLIT_FILES.items():
        with atomic_writer(out_dir / name) as fh:
            fh.writelines(_line(row) for row in getattr(res, split))
        paths.append(out_dir / name)
    return paths + _write_meta(res, out_dir)


def _write_meta(res: ExportResult, out_dir: Path) -> list[Path]:
    paths = [out_dir / "dataset_info.json", out_dir / "DATASET.md"]
    with atomic_writer(paths[0]) as fh:
        json.dump(dataset_info(res.config, res.stats["val"] > 0), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    with atomic_writer(paths[1]) as fh:
        fh.write(data_card(res))
    return paths
