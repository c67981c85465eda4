"""The whole job (`qatool run`): parse -> lint -> dedup -> export -> review page, into one folder.

A `Progress` callback object lets the CLI draw a bar per stage without the library knowing about
terminals; `JobResult` carries every stage's figures for the closing summary.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .dataset import ParseConfig, ParseResult, parse_inputs, write_parquet, write_records
from .decisions import Decisions
from .dedup import DedupConfig, DedupResult, clusters_table, dedup_records, dups_table, write_dedup
from .export import ExportConfig, ExportInputs, ExportResult, export_records, write_export
from .io import discover
from .lint.model import SEVERITIES, findings_table
from .review import DECISIONS_FILE, write_review


class Progress(Protocol):
    def start(self, stage: str, total: int | None) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def done(self) -> None: ...


class NoProgress:
    def start(self, stage: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def done(self) -> None:
        pass


@dataclass
class JobResult:
    parse: ParseResult
    dedup: DedupResult | None = None
    export: ExportResult | None = None
    review_path: Path | None = None
    decisions_path: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)

    def findings_by_severity(self) -> dict[str, int]:
        out = {s: 0 for s in reversed(SEVERITIES)}
        for f in self.parse.findings:
            out[f.severity] += 1
        return out


def run_job(paths: list[Path], out_dir: Path, linter: Any, parse_cfg: ParseConfig, dedup_cfg: DedupConfig,
            export_cfg: ExportConfig, against: list[Path] = (), decisions: Path | None = None,
            review_limit: int = 1000, progress: Progress | None = None) -> JobResult:
    """Run every stage; `decisions` defaults to OUT/decisions.json when that file exists.
    Raises DecisionsError for an unusable decisions file (before any stage runs)."""
    progress = progress or NoProgress()
    if decisions is None and (out_dir / DECISIONS_FILE).exists():
        decisions = out_dir / DECISIONS_FILE
    loaded = Decisions.load(decisions) if decisions is not None else None
    timings: dict[str, float] = {}

    t0 = time.perf_counter()
    inputs, usage_errors = discover(paths)
    progress.start("parse + lint", len(inputs))
    result = parse_inputs(inputs, parse_cfg, linter, on_file=progress.advance, jobs=dedup_cfg.jobs)
    result.usage_errors = usage_errors
    result.problems[:0] = usage_errors
    progress.done()
    job = JobResult(result, decisions_path=decisions)
    if not result.files:
        return job
    job.written.append(write_records(result, out_dir, parse_cfg))
    findings_path = out_dir / "findings.parquet"
    write_parquet(findings_table(result.findings), findings_path)
    job.written.append(findings_path)
    timings["parse + lint"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    progress.start("dedup", None)
    records = result.table.to_pylist()
    res, counts = dedup_records(records, dedup_cfg, result.findings, list(against))
    job.written += write_dedup(res, out_dir, counts)
    job.dedup = res
    progress.done()
    timings["dedup"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    progress.start("export", None)
    finding_rows = [{"code": f.code, "severity": f.severity, "record_id": f.record_id, "message": f.message, "line": f.line}
                    for f in result.findings]
    pairs = dups_table(res).to_pylist()
    inp = ExportInputs(records, finding_rows, clusters_table(res).to_pylist(),
                       [(p["id_a"], p["id_b"]) for p in pairs if p["kind"] == "same-question"],
                       result.invalid, loaded, pairs)
    job.export = export_records(inp, export_cfg)
    job.written += write_export(job.export, out_dir)
    progress.done()
    timings["export"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    progress.start("review page", None)
    job.review_path, _ = write_review(inp, out_dir, review_limit)
    job.written.append(job.review_path)
    progress.done()
    timings["review page"] = time.perf_counter() - t0
    job.timings = timings
    return job
