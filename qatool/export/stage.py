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
- `answer:KIND`       the answer is no answer (`qatool.common.answers`, the definition the linter's
                      QA001/QA002 share): `empty`, `same-as-question`, `placeholder`, `image-only`,
                      `link-only`, judged on the answer as written and again after cleaning;
                      `image-dependent` (the text points at an image that the image policy removes);
                      `too-short` (fewer than `min_answer_chars` characters in what the assistant says),
- `question:empty`    nothing left of the question after cleaning,
- `unclean:CODE`      cleaning could not remove a leaked token or chatter (never exported dirty).

Every exported line is audited (`qatool.export.audit`) in the worker that makes it, on the object
that is written; the counts go to `export_audit.json`, the summary and `DATASET.md`.

The train/val split hashes a group key (the smallest id of the record's duplicate cluster and
conflicts, or its own id), so adding records does not move old ones and related records never
straddle the split.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from qatool.common.answers import STANDS_IN, answer_defect, too_short
from qatool.common.executor import Executor, LocalExecutor
from qatool.common.io import atomic_writer
from qatool.common.outputs import RunOutputs, load_outputs
from qatool.common.schema import SEVERITIES
from qatool.export.audit import Audit, line_fields, write_audit
from qatool.export.card import _write_meta
from qatool.export.clean import REPAIRED, Cleaner
from qatool.export.formats import _line, format_line
from qatool.export.model import ExportConfig, ExportResult, ExportSink
from qatool.export.split import _bucket, _groups
from qatool.review.decisions import Decisions, applied_decisions

_WORKER: dict[str, Cleaner] = {}
CLEAN_BATCH = 1000  # records cleaned per task
EXAMPLES = 3  # examples per quarantine reason in the stats and the data card
_QUARANTINE_FIELDS = ("id", "source", "line_start", "line_end", "question")


def _clean_batch(args: tuple) -> tuple[list[tuple[str, str, dict[str, Any] | None, list[str], dict[str, Any] | None]], dict[str, Any]]:
    """One batch of records: (id, source, exported line or None, reasons, the fields a quarantine
    line shows) per record, and the batch's figures: linter repairs and markup steps (records per
    code or step) and the audit of its exported lines. Runs in the workers (or in-process)."""
    batch, prior, cfg, cleaner = args
    if cleaner is None or cleaner.markup.images != cfg.images:
        key = f"cleaner:{cfg.images}"
        cleaner = _WORKER.get(key) or _WORKER.setdefault(key, Cleaner(images=cfg.images))
    repaired: Counter[str] = Counter()
    audit = Audit()
    out = []
    for rec, why in zip(batch, prior):
        details: list[str] = []
        line = None if why else _clean(rec, cfg, cleaner, why, repaired, details)
        if line is not None:  # chatter: `_clean` ran FM007 on each field of this line (none, or it is quarantined)
            audit.scan_line(rec["id"], line_fields(line))
        q = None if line is not None else {**{k: rec[k] for k in _QUARANTINE_FIELDS}, "gate_details": details}
        out.append((rec["id"], rec["source"], line, why, q))
    figures = {"repaired": Counter({k: v for k, v in repaired.items() if k in REPAIRED}),
               "cleaned": Counter({k: v for k, v in repaired.items() if k not in REPAIRED}), "audit": audit}
    return out, figures


def _clean_part(shared: tuple[dict[str, list[str]], ExportConfig, Cleaner | None], batch: Any):
    """`_clean_batch` of one batch of records (a list of rows, or an Arrow batch read by Ray), with
    what dedup, lint and review decided about each (`prior_of`) shared by every batch."""
    prior_of, cfg, cleaner = shared
    rows = batch if isinstance(batch, list) else batch.to_pylist()
    return _clean_batch((rows, [prior_of.get(r["id"], []) for r in rows], cfg, cleaner))


def load_inputs(in_dir: Path, decisions: Path | None = None) -> RunOutputs:
    """A run folder (see `load_outputs`) with the review decisions of a decisions file, if given."""
    return load_outputs(in_dir, Decisions.load(decisions) if decisions is not None else None)


def export_records(inp: RunOutputs, cfg: ExportConfig = ExportConfig(), cleaner: Cleaner | None = None,
                   sink: ExportSink | None = None, jobs: int = 1, executor: Executor | None = None) -> ExportResult:
    """Clean, filter and split, one batch of records at a time, cleaning on `executor` (default:
    `jobs` local processes; the result is the same for any executor and number; Ray reads records
    streamed from a file itself). Lines go to `sink` (e.g. the files of `ExportWriter`) as they are made,
    or, without one, into the result's lists. Pure but for what the sink does."""
    res = ExportResult([], [], [], {}, [], cfg)
    out: ExportSink = sink or res

    # duplicates and conflicts: reviewer decisions first, dedup's canonical policy otherwise
    applied = applied_decisions(inp)
    reasons: dict[str, list[str]] = defaultdict(list)
    for rid, why in applied.drops.items():
        reasons[rid].extend(why)

    # findings at or above the drop level that cleaning does not repair
    flagged: dict[str, set[str]] = defaultdict(set)
    findings_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in inp.findings_where(min_level=SEVERITIES.index(cfg.drop_level)):
        frid = f.get("record_id")
        if frid and f["code"] not in REPAIRED:
            flagged[frid].add(f["code"])
            findings_of[frid].append(f)

    def prior(rid: str) -> list[str]:
        why = list(reasons.get(rid, ()))
        if not cfg.keep_flagged and rid in flagged:
            why.extend(f"finding:{c}" for c in sorted(flagged[rid]))
        return why
    prior_of = {rid: why for rid in sorted(reasons.keys() | flagged.keys()) if (why := prior(rid))}  # the rest: none

    ids = set(inp.records.column("id"))
    group = _groups(inp.clusters, inp.conflicts, inp.member_ids() & ids)
    repaired: Counter[str] = Counter()
    cleaned_steps: Counter[str] = Counter()
    audit = Audit()
    examples: dict[str, list[dict[str, Any]]] = {}
    per_source: dict[str, dict[str, int]] = {}
    counts: Counter[str] = Counter()
    if cleaner is not None:  # a caller's own cleaner object works here, in this process
        executor = Executor()
    executor = executor or LocalExecutor(jobs)
    cleaned = executor.map_records(_clean_part, inp.records, CLEAN_BATCH, None, (prior_of, cfg, cleaner),
                                   batches=inp.records.row_batches(CLEAN_BATCH))
    for batch_out, figures in cleaned:
        repaired.update(figures["repaired"])
        cleaned_steps.update(figures["cleaned"])
        audit.merge(figures["audit"])
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
                _add_examples(examples, q)
                counts["quarantine"] += 1
                src["quarantined"] += 1
    for bad in inp.invalid:
        rec = bad.get("record") or {}
        q = {"id": rec.get("id"), "source": rec.get("source"), "line_start": rec.get("line_start"),
             "line_end": rec.get("line_end"), "question": rec.get("question"),
             "reasons": ["invalid:schema"], "details": list(bad.get("errors", []))}
        out.add("quarantine", q)
        _add_examples(examples, q)
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
        "repaired": dict(sorted(repaired.items())), "cleaned": dict(sorted(cleaned_steps.items())),
        "examples": {k: examples[k] for k in sorted(examples)}, "decisions_applied": applied.applied,
        "decisions_stale": len(applied.stale), "per_source": dict(sorted(per_source.items())),
        "findings": dict(sorted(inp.code_counts(ids).items())),
    }
    res.stale = applied.stale
    res.audit = audit
    assert res.stats["records"] == res.stats["exported"] + res.stats["quarantined"], "every record is exported or quarantined"
    return res


def _clean(rec: dict[str, Any], cfg: ExportConfig, cleaner: Cleaner, why: list[str], repaired: Counter[str],
           details: list[str] | None = None) -> dict[str, Any] | None:
    """The exported line of a record, cleaned; None (with the reason added to `why` and what it
    found to `details`) when the record fails a gate or cleaning could not make it clean."""
    details = [] if details is None else details

    def gate(reason: str, found: str) -> None:
        why.append(reason)
        details.append(f"{reason}: “{found}”")

    # the answer as written: the linter's definition (so QA001/QA002 and the gates agree), and
    # whether it leans on an image that the policy takes away
    # an empty answer with an analysis merged after it: the analysis stands in for it (the parser put
    # the text under the analysis label), if it is an answer itself
    stand_in = cfg.with_analysis == "merge" and bool((rec.get("analysis") or "").strip())
    raw = answer_defect(rec.get("answer"), rec.get("question"), images=cfg.images != "keep")
    if raw is not None and not (raw.kind in STANDS_IN and stand_in):
        gate(f"answer:{raw.kind}", raw.found)
        return None
    new = dict(rec)
    fixed: set[str] = set()
    for key in ("question", "answer", "analysis"):
        new[key], codes = cleaner.clean(rec.get(key), placeholders=key != "question")
        fixed.update(codes)
    repaired.update(fixed)
    if not new["question"] or not new["question"].strip():
        gate("question:empty", rec.get("question") or "")
        return None
    after = answer_defect(new["answer"], new["question"])
    if after is not None and after.kind in STANDS_IN and stand_in and new.get("analysis"):
        # an empty answer, or a figure or link explained under 解析 (merged after it): the analysis answers, so it is
        # judged itself (an empty answer is exported as the analysis alone)
        if after.kind == "empty":
            new["answer"] = ""
        after = answer_defect(new["analysis"], new["question"], images=cfg.images != "keep")
    if after is not None:
        gate(f"answer:{after.kind}", after.found)
        return None
    if new["answer"] and new.get("analysis") and answer_defect(new["analysis"]) is not None:
        new["analysis"] = None  # an analysis that is only "待补充" or a link is left out, not the record
        repaired["placeholder-analysis"] += 1
    said = new["answer"] + (f"\n\n{new['analysis']}" if cfg.with_analysis == "merge" and new.get("analysis") else "")
    if cfg.min_answer_chars and too_short(said, new["question"], cfg.min_answer_chars):
        gate("answer:too-short", " ".join(said.split())[:40])
        return None
    left = {f.code for key in ("question", "answer", "analysis") if new.get(key)
            for f in cleaner.findings(new[key]) if f.code in ("FM001", "FM007")}
    if left:
        why.extend(f"unclean:{c}" for c in sorted(left))
        return None
    return format_line(new, cfg)


def _add_examples(examples: dict[str, list[dict[str, Any]]], q: dict[str, Any]) -> None:
    for r in q["reasons"]:
        ex = examples.setdefault(reason_key(r), [])
        if len(ex) < EXAMPLES:
            detail = next((d for d in q.get("details", []) if d.startswith(r) or d.split(" ", 1)[0] == r.split(":", 1)[-1]), "")
            ex.append({"id": q["id"], "source": q["source"], "line": q["line_start"],
                       "question": " ".join((q.get("question") or "").split())[:60], "detail": detail})


def reason_key(reason: str) -> str:
    """`duplicate_of:ID` -> `duplicate_of`; reasons that name a rule keep it (`finding:FC101`)."""
    for prefix in ("duplicate_of:", "review:conflict-keep:"):
        if reason.startswith(prefix):
            return prefix[:-1]
    return reason


def _quarantine_line(rec: dict[str, Any], why: list[str], flagged: set[str], findings: Iterable[dict[str, Any]]) -> dict[str, Any]:
    details = [f"{f['code']} line {f['line']}: {f['message']}" for f in findings if f["code"] in flagged]
    details += rec.get("gate_details", [])
    return {"id": rec["id"], "source": rec["source"], "line_start": rec["line_start"], "line_end": rec["line_end"],
            "question": rec["question"], "reasons": list(dict.fromkeys(why)), "details": details}


SPLIT_FILES = {"train": "train.jsonl", "val": "val.jsonl", "quarantine": "quarantine.jsonl"}
AUDIT_FILE = "export_audit.json"


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

    def __exit__(self, *exc: Any) -> bool | None:
        return self._stack.__exit__(*exc)


def export_to_dir(inp: RunOutputs, out_dir: Path, cfg: ExportConfig = ExportConfig(), jobs: int = 1,
                  executor: Executor | None = None) -> tuple[ExportResult, list[Path]]:
    """`export_records` streamed into OUT's files (memory does not grow with the records); the
    files are byte-identical to `write_export` of the in-memory result."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with ExportWriter(out_dir) as sink:
        res = export_records(inp, cfg, sink=sink, jobs=jobs, executor=executor)
    audit = write_audit(res.audit, out_dir / AUDIT_FILE, cfg.allowed_artifacts)
    return res, [out_dir / n for n in SPLIT_FILES.values()] + [audit] + _write_meta(res, out_dir)


def write_export(res: ExportResult, out_dir: Path) -> list[Path]:
    """The in-memory result's files (see `export_to_dir` for the streamed way)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for split, name in SPLIT_FILES.items():
        with atomic_writer(out_dir / name) as fh:
            fh.writelines(_line(row) for row in getattr(res, split))
        paths.append(out_dir / name)
    paths.append(write_audit(res.audit or Audit(), out_dir / AUDIT_FILE, res.config.allowed_artifacts))
    return paths + _write_meta(res, out_dir)
