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

from qatool.common.executor import Executor, LocalExecutor
from qatool.common.io import discover
from qatool.common.manifest import OutputFolder, sha256_file
from qatool.common.outputs import FINDING_COLUMNS, RunOutputs
from qatool.common.records import Records
from qatool.common.schema import SEVERITIES
from qatool.dedup.against import SIGNATURES_FILE, load_external
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


@dataclass(frozen=True)
class RunConfig:
    """Everything `qatool run` was asked to do, built once by the CLI and passed down: the inputs
    and output folder, each stage's config, where the work runs (`jobs`, `engine`), what the
    run reads besides the inputs and when it fails."""

    paths: tuple[Path, ...]
    out_dir: Path
    parse: ParseConfig = ParseConfig()
    dedup: DedupConfig = DedupConfig()
    export: ExportConfig = ExportConfig()
    jobs: int = 1  # processes (or, with engine ray and no address, the CPUs of the local Ray instance)
    engine: str = "local"  # local | ray
    ray_address: str | None = None
    against: tuple[Path, ...] = ()
    decisions: Path | None = None  # default: OUT/decisions.json when it exists
    review_limit: int = 1000
    report_diffs: int = REPORT_DIFFS
    fail_on: str | None = None
    fail_on_artifacts: bool = False
    path_filter: Any = field(default=None, compare=False)  # qatool.common.pathfilter.PathFilter

    def executor(self) -> Executor:
        """Where the batch work runs (close it when done; `with cfg.executor() as ex:`). Raises
        qatool.engines.ray.EngineError when Ray is asked for and missing or unreachable."""
        if self.engine == "ray":
            from qatool.engines.ray import RayExecutor

            return RayExecutor(self.ray_address, num_cpus=self.jobs)
        return LocalExecutor(self.jobs)


# what each file of a run is computed from (manifest.json's `made_from`)
RUN_TABLES = ("records.parquet", "findings.parquet", "clusters.parquet", "dups.parquet", "conflicts.parquet")
RUN_MADE_FROM = {"records.parquet": (), "invalid_records.jsonl": (), "findings.parquet": ("records.parquet",),
                 "dups.parquet": ("records.parquet",), "clusters.parquet": ("records.parquet",),
                 "conflicts.parquet": ("records.parquet",),
                 "dedup_report.json": ("records.parquet",), "dedup_report.md": ("records.parquet",),
                 "against.parquet": ("records.parquet",)}


def run_job(cfg: RunConfig, linter: Any, progress: Progress | None = None, executor: Executor | None = None) -> JobResult:
    """Run every stage as `cfg` says into `cfg.out_dir` while holding its lock (`qatool.common.manifest`),
    on `executor` (default: `cfg.jobs` local processes; the outputs are the same on any executor): the
    old manifest.json goes first, the new one, listing every file written, comes last, so a run that
    is killed halfway leaves a folder that `export --from` and `review` refuse.
    Raises FolderBusy when another command is writing the folder; see `_run_stages` for the rest."""
    with OutputFolder(cfg.out_dir, "run") as folder:
        folder.start_fresh()
        job = _run_stages(cfg, linter, progress, executor or LocalExecutor(cfg.jobs))
        if job.export is not None:
            _commit_run(folder, job, linter, cfg)
    return job


def _commit_run(folder: OutputFolder, job: JobResult, linter: Any, cfg: RunConfig) -> None:
    names = [p.name for p in job.written]
    if (folder.folder / "invalid_records.jsonl").exists():
        names.append("invalid_records.jsonl")
    decisions = [job.decisions_path] if job.decisions_path is not None else []
    for name in sorted(set(names)):
        folder.record(name, RUN_MADE_FROM.get(name, RUN_TABLES + tuple(decisions)))
    folder.commit({"run": {  # the files are the same for any number of processes: jobs is not recorded
        "parse": asdict(cfg.parse), "dedup": asdict(cfg.dedup), "export": asdict(cfg.export),
        "rules": sorted(r.code for r in getattr(linter, "rules", [])),
        "against": {p.name: sha256_file(p / SIGNATURES_FILE if p.is_dir() else p) for p in cfg.against},  # a run folder: the file read
        "decisions": {job.decisions_path.name: sha256_file(job.decisions_path)} if job.decisions_path is not None else {},
        "review_limit": cfg.review_limit, "report_diffs": cfg.report_diffs,
    }})


def _run_stages(cfg: RunConfig, linter: Any, progress: Progress | None, engine: Executor) -> JobResult:
    """Run every stage; `cfg.decisions` defaults to OUT/decisions.json when that file exists.
    Raises DecisionsError for an unusable decisions file and ValueError for an unreadable --against
    file (before any stage runs)."""
    out_dir, decisions = cfg.out_dir, cfg.decisions
    progress = progress or NoProgress()
    if decisions is None and (out_dir / DECISIONS_FILE).exists():
        decisions = out_dir / DECISIONS_FILE
    loaded = Decisions.load(decisions) if decisions is not None else None
    external = {str(p): load_external(p) for p in cfg.against} if cfg.against else None  # a bad file fails before any stage
    timings: dict[str, float] = {}

    t0 = time.perf_counter()
    inputs, usage_errors = discover(list(cfg.paths), path_filter=cfg.path_filter)
    job = JobResult(ParseResult(None, [], list(usage_errors), [], usage_errors=usage_errors), decisions_path=decisions, inputs=inputs)
    if not inputs:
        return job
    # records and findings stream from the parser to the files; later stages read them back in batches
    progress.start("parse + lint", len(inputs))
    result = parse_to_parquet(inputs, out_dir, cfg.parse, linter, on_file=progress.advance, executor=engine)
    result.usage_errors = usage_errors
    result.problems[:0] = usage_errors
    progress.done()
    job.parse = result
    job.written += [out_dir / "records.parquet", out_dir / "findings.parquet"]
    timings["parse + lint"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    progress.start("dedup", None)
    records = Records(out_dir / "records.parquet")
    res = find_duplicates(records, cfg.dedup, result.record_counts, external=external, executor=engine)
    tables = dups_table(res), clusters_table(res)  # written here, and what the export reads
    job.written += write_dedup(res, out_dir, result.record_counts, cfg.report_diffs, tables)
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
    job.export, written = export_to_dir(inp, out_dir, cfg.export, executor=engine)
    job.written += written
    progress.done()
    timings["export"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    progress.start("review page", None)
    job.review_path, _ = write_review(inp, out_dir, cfg.review_limit)
    job.written.append(job.review_path)
    progress.done()
    timings["review page"] = time.perf_counter() - t0
    job.timings = timings
    return job
