"""The whole job (`qatool run`): parse -> lint -> dedup -> export -> review page, into one folder.

A `Progress` callback object lets the CLI draw a bar per stage without the library knowing about
terminals; `JobResult` carries every stage's figures for the closing summary.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyarrow.parquet as pq

from qatool.common.io import discover
from qatool.common.manifest import OutputFolder, sha256_file
from qatool.common.outputs import FINDING_COLUMNS, RunOutputs
from qatool.common.records import ParquetRows
from qatool.common.schema import SEVERITIES
from qatool.dedup.against import load_external
from qatool.dedup.config import DedupConfig
from qatool.dedup.model import DedupResult
from qatool.dedup.report import REPORT_DIFFS, clusters_table, conflicts_table, dups_table, write_dedup
from qatool.dedup.stage import find_duplicates
from qatool.export.model import ExportConfig, ExportResult
from qatool.export.stage import export_to_dir
from qatool.parse.stage import ParseConfig, ParseResult, parse_to_parquet
from qatool.review.decisions import Decisions
from qatool.review.page import DECISIONS_FILE, write_review


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
    inputs: list[Any] = field(default_factory=list)  # the InputFiles read (their paths name them to the user)

    def findings_by_severity(self) -> dict[str, int]:
        return {s: self.parse.severity_counts.get(s, 0) for s in reversed(SEVERITIES)}


# what each file of a run is computed from (manifest.json's `made_from`)
RUN_TABLES = ("records.parquet", "findings.parquet", "clusters.parquet", "dups.parquet", "conflicts.parquet")
RUN_MADE_FROM = {"records.parquet": (), "invalid_records.jsonl": (), "findings.parquet": ("records.parquet",),
                 "dups.parquet": ("records.parquet",), "clusters.parquet": ("records.parquet",),
                 "conflicts.parquet": ("records.parquet",),
                 "dedup_report.json": ("records.parquet",), "dedup_report.md": ("records.parquet",),
                 "against.parquet": ("records.parquet",)}


def run_job(paths: list[Path], out_dir: Path, linter: Any, parse_cfg: ParseConfig, dedup_cfg: DedupConfig,
            export_cfg: ExportConfig, against: list[Path] = (), decisions: Path | None = None,
            review_limit: int = 1000, progress: Progress | None = None, report_diffs: int = REPORT_DIFFS,
            engine: Any = None, path_filter: Any = None) -> JobResult:
    """Run every stage into `out_dir` while holding its lock (`qatool.common.manifest`): the old
    manifest.json goes first, the new one, listing every file written, comes last, so a run that
    is killed halfway leaves a folder that `export --from` and `review` refuse.
    Raises FolderBusy when another command is writing `out_dir`; see `_run_stages` for the rest."""
    with OutputFolder(out_dir, "run") as folder:
        folder.start_fresh()
        job = _run_stages(paths, out_dir, linter, parse_cfg, dedup_cfg, export_cfg, against, decisions, review_limit,
                          progress, report_diffs, engine, path_filter)
        if job.export is not None:
            _commit_run(folder, job, linter, parse_cfg, dedup_cfg, export_cfg, against, review_limit, report_diffs)
    return job


def _commit_run(folder: OutputFolder, job: JobResult, linter: Any, parse_cfg: ParseConfig, dedup_cfg: DedupConfig,
                export_cfg: ExportConfig, against: list[Path], review_limit: int, report_diffs: int) -> None:
    names = [p.name for p in job.written]
    if (folder.folder / "invalid_records.jsonl").exists():
        names.append("invalid_records.jsonl")
    decisions = [job.decisions_path] if job.decisions_path is not None else []
    for name in sorted(set(names)):
        folder.record(name, RUN_MADE_FROM.get(name, RUN_TABLES + tuple(decisions)))
    dedup = asdict(dedup_cfg)
    dedup.pop("jobs", None)  # the files are the same for any number of processes
    folder.commit({"run": {
        "parse": asdict(parse_cfg), "dedup": dedup, "export": asdict(export_cfg),
        "rules": sorted(r.code for r in getattr(linter, "rules", [])),
        "against": {p.name: sha256_file(p) for p in against},
        "decisions": {job.decisions_path.name: sha256_file(job.decisions_path)} if job.decisions_path is not None else {},
        "review_limit": review_limit, "report_diffs": report_diffs,
    }})


def _run_stages(paths: list[Path], out_dir: Path, linter: Any, parse_cfg: ParseConfig, dedup_cfg: DedupConfig,
                export_cfg: ExportConfig, against: list[Path] = (), decisions: Path | None = None,
                review_limit: int = 1000, progress: Progress | None = None, report_diffs: int = REPORT_DIFFS,
                engine: Any = None, path_filter: Any = None) -> JobResult:
    """Run every stage; `decisions` defaults to OUT/decisions.json when that file exists. With an
    `engine` (qatool.engine_ray.RayEngine), parse + lint, signatures, band-key grouping and export
    cleaning run there; the outputs are the same as without one.
    Raises DecisionsError for an unusable decisions file and ValueError for an unreadable --against
    file (before any stage runs)."""
    progress = progress or NoProgress()
    if decisions is None and (out_dir / DECISIONS_FILE).exists():
        decisions = out_dir / DECISIONS_FILE
    loaded = Decisions.load(decisions) if decisions is not None else None
    external = {str(p): load_external(p) for p in against} if against else None  # a bad file fails before any stage
    timings: dict[str, float] = {}

    t0 = time.perf_counter()
    inputs, usage_errors = discover(paths, path_filter=path_filter)
    job = JobResult(ParseResult(None, [], list(usage_errors), [], usage_errors=usage_errors), decisions_path=decisions, inputs=inputs)
    if not inputs:
        return job
    # records and findings stream from the parser to the files; later stages read them back in batches
    progress.start("parse + lint", len(inputs))
    result = parse_to_parquet(inputs, out_dir, parse_cfg, linter, on_file=progress.advance, jobs=dedup_cfg.jobs, engine=engine)
    result.usage_errors = usage_errors
    result.problems[:0] = usage_errors
    progress.done()
    job.parse = result
    job.written += [out_dir / "records.parquet", out_dir / "findings.parquet"]
    timings["parse + lint"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    progress.start("dedup", None)
    records = ParquetRows(out_dir / "records.parquet")
    res = find_duplicates(records, dedup_cfg, result.record_counts, external=external, engine=engine)
    tables = dups_table(res), clusters_table(res)  # written here, and what the export reads
    job.written += write_dedup(res, out_dir, result.record_counts, report_diffs, tables)
    job.dedup = res
    progress.done()
    timings["dedup"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    progress.start("export", None)
    pairs = tables[0].to_pylist()
    conflict_rows = conflicts_table(res).to_pylist()
    inp = RunOutputs(records, pq.read_table(out_dir / "findings.parquet", columns=FINDING_COLUMNS),
                       tables[1].to_pylist(), [tuple(c["members"]) for c in conflict_rows],
                       result.invalid, loaded, pairs, conflict_rows)
    job.export, written = export_to_dir(inp, out_dir, export_cfg, jobs=dedup_cfg.jobs, engine=engine)
    job.written += written
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
