"""The `qatool` command line. Thin: parse options, call the library, render.

Exit codes are a contract: 0 clean, 1 findings at or above the failing level (or files that could
not be parsed), 2 usage or input error.
"""
from __future__ import annotations

import contextlib
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
import pyarrow as pa
import pyarrow.parquet as pq

from qatool.common.answers import DEFAULT_MIN_ANSWER_CHARS
from qatool.common.config import ConfigError, project_root, resolve_config
from qatool.common.executor import LocalExecutor
from qatool.common.io import InputProblem, atomic_writer, decode, discover, display_name, read_source
from qatool.common.manifest import FolderBusy, OutputFolder, reading
from qatool.common.outputs import INPUT_FILES, OPTIONAL_INPUT_FILES, OutputsError
from qatool.common.parallel import default_jobs
from qatool.common.pathfilter import PathFilter
from qatool.common.records import Records
from qatool.common.schema import SEVERITIES
from qatool.common.version import __version__
from qatool.dedup.config import DedupConfig
from qatool.dedup.report import REPORT_DIFFS, write_dedup
from qatool.dedup.stage import dedup_records
from qatool.engines.ray import EngineError
from qatool.export.model import ANALYSIS_MODES, FORMATS, IMAGE_POLICIES, ExportConfig
from qatool.export.stage import AUDIT_FILE, export_to_dir, load_inputs
from qatool.lint.engine import Linter, LintResult, apply_baseline, read_baseline, relative_path, write_baseline
from qatool.lint.fix import fix_source, fix_source_exact, unified_diff
from qatool.lint.loader import RuleFileError
from qatool.lint.render import RENDER_STATISTICS, RENDERERS, render_junit, rules_markdown, summary
from qatool.parse.extract import parse_text
from qatool.parse.stage import ParseConfig, ParseResult, parse_paths, write_records
from qatool.pipeline import NoProgress, RunConfig, run_job
from qatool.review.decisions import DecisionsError
from qatool.review.page import DECISIONS_FILE, write_review
from qatool.review.server import is_loopback, make_server
from qatool.summary import FILES_TABLE_MAX, itemless_files, per_file_findings, print_files, print_problems, print_summary, record_count_line, write_details

EXPORT_FILES = ("train.jsonl", "val.jsonl", "quarantine.jsonl", AUDIT_FILE, "dataset_info.json", "DATASET.md")
DEFAULT_INPUT = Path("corpus")
DEFAULT_OUT = Path("out")


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


def _parse_options(f):
    f = click.option("--max-line-chars", type=click.IntRange(min=1000), default=ParseConfig.max_line_chars,
                     show_default=True, help="Longest line a file may have; a file with a longer line is reported and skipped.")(f)
    f = click.option("--max-file-mb", type=click.FloatRange(min=0.001), default=ParseConfig.max_file_bytes / 2**20,
                     show_default=True, help="Largest file read, in MiB; larger files are reported and skipped.")(f)
    return f


def _file_options(f):
    f = click.option("--no-respect-gitignore", "no_gitignore", is_flag=True,
                     help="Also take files that .gitignore files leave out (they are honoured by default).")(f)
    f = click.option("--extend-exclude", "extend_exclude", multiple=True, metavar="PATTERN",
                     help="Also leave out files and folders matching this gitignore-style pattern (repeatable; "
                          "added to exclude/extend-exclude from the config).")(f)
    return f


def _path_filter(config, extend_exclude: tuple[str, ...], no_gitignore: bool, force_exclude: bool = False,
                 extra: tuple[Path, ...] = ()) -> PathFilter:
    files = config.files
    return PathFilter(project_root(config), files.exclude, tuple(files.extend_exclude) + tuple(extend_exclude),
                      files.respect_gitignore and not no_gitignore, force_exclude, extra)


def _dedup_options(f):
    f = click.option("--jobs", type=click.IntRange(min=1), default=None, help="Processes (parse and lint files, tokenise and sign records, clean exported records). [default: all cores] Output is identical for any value.")(f)
    f = click.option("--rows", type=click.IntRange(min=1), default=None, help="LSH rows per band (with --bands), instead of choosing them from --threshold.")(f)
    f = click.option("--bands", type=click.IntRange(min=1), default=None, help="LSH bands (with --rows).")(f)
    f = click.option("--num-perm", type=click.IntRange(min=8, max=1024), default=128, show_default=True, help="MinHash permutations.")(f)
    f = click.option("--minhash-scheme", "scheme", type=click.Choice(["affine32", "legacy"]), default="affine32", show_default=True,
                     help="datasketch's permutation scheme the signatures follow: affine32 (datasketch >= 2.0) or legacy (datasketch < 2.0; slower).")(f)
    f = click.option("--shingle", default="word:2", show_default=True, help="word:N (n-grams of jieba tokens) or char:N (character n-grams).")(f)
    f = click.option("--scope", type=click.Choice(["qa", "question", "answer"]), default="qa", show_default=True, help="Which text is compared.")(f)
    f = click.option("--threshold", type=click.FloatRange(0.0, 1.0, min_open=True), default=0.8, show_default=True, help="Jaccard similarity of the shingle sets (see --shingle) at which two records are near duplicates; also the answer similarity at which two records asking the same question are duplicates.")(f)
    f = click.option("--user-dict", "user_dicts", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra jieba user dictionary (word [freq] [tag] per line).")(f)
    return f


_report_diffs_option = click.option(
    "--report-diffs", type=click.IntRange(min=0), default=REPORT_DIFFS, show_default=True,
    help="Clusters and conflicts (most consequential first) whose text diffs dedup_report.md/.json show; "
         "every cluster is listed, and all of them are in clusters.parquet and dups.parquet.")


def _dedup_config(threshold, scope, shingle, num_perm, bands, rows, user_dicts, scheme="affine32") -> DedupConfig:
    try:
        return DedupConfig(threshold=threshold, num_perm=num_perm, shingle=shingle, scope=scope, bands=bands, rows=rows, scheme=scheme,
                           user_dicts=tuple(str(p) for p in user_dicts))
    except ValueError as err:
        raise click.UsageError(str(err)) from None


def _config(max_file_mb: float, max_line_chars: int) -> ParseConfig:
    return ParseConfig(max_file_bytes=int(max_file_mb * 2**20), max_line_chars=max_line_chars)


def _report_parse(result: ParseResult, quiet: bool) -> None:
    for p in result.problems:
        _echo_err(str(p))
    if quiet:
        return
    width = max([len(display_name(f.source)) for f in result.files] + [4])
    for f in result.files:
        kinds = ", ".join(f"{k} {v}" for k, v in f.kinds.items()) or "-"
        click.echo(f"{display_name(f.source):<{width}}  {f.encoding or '-':<9}  {f.items:>4} items ({kinds})  {f.status}")
    click.echo(record_count_line(len(result.files) - result.failed_files, len(result.files), result.num_records, len(result.invalid),
                                     itemless_files(result.files)))


def _report_run(job, out_dir: Path, quiet: bool) -> list[Path]:
    """Problems grouped by kind (stderr), the file table for small runs, the per-file details in OUT."""
    cwd = Path.cwd()
    shown = {inp.source: relative_path(inp.path, cwd) for inp in job.inputs}
    result = job.parse
    details = write_details(out_dir, result.files, result.problems, shown, per_file_findings(out_dir / "findings.parquet")) if result.files else []
    print_problems(result.problems, shown, out_dir, quiet=quiet)
    if not quiet:
        if len(result.files) <= FILES_TABLE_MAX:
            print_files(result.files, shown)
        click.echo(record_count_line(len(result.files) - result.failed_files, len(result.files), result.num_records, len(result.invalid),
                                     itemless_files(result.files)))
    return details


def _export_options(f):
    f = click.option("--fail-on-artifacts", is_flag=True,
                     help="Exit 1 when the export audit finds residual artifacts in the exported lines (HTML, entities, placeholders, "
                          "mojibake, look-alike radicals…; images only when --images is not keep). For CI.")(f)
    f = click.option("--license", "license_id", default="unknown", show_default=True,
                     help="Licence identifier for the DATASET.md card's front matter (Hugging Face ids: mit, apache-2.0, cc-by-4.0, other…).")(f)
    f = click.option("--min-answer-chars", type=click.IntRange(min=0), default=DEFAULT_MIN_ANSWER_CHARS, show_default=True,
                     help="Quarantine answers (with a merged analysis) with fewer letters, digits and CJK characters (answer:too-short); "
                          "0 turns the gate off. A choice letter answering a question with lettered options passes.")(f)
    f = click.option("--images", type=click.Choice(IMAGE_POLICIES), default="alt", show_default=True,
                     help="Images in exported text: alt (a meaningful alt text, else nothing), drop, or keep. Formula images become LaTeX "
                          "unless keep; an answer that leans on a removed image (如图…) is quarantined as answer:image-dependent.")(f)
    f = click.option("--no-meta", is_flag=True, help="Leave out the id and source fields of each exported line.")(f)
    f = click.option("--keep-flagged", is_flag=True, help="Export records with lint findings at or above error too (they are still counted in DATASET.md).")(f)
    f = click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Review decisions (saved from review.html) to honour; stale ones are reported, not applied.")(f)
    f = click.option("--val-ratio", type=click.FloatRange(0.0, 1.0, max_open=True), default=0.05, show_default=True,
                     help="Share of records (by a hash of their group) that go to val.jsonl.")(f)
    f = click.option("--with-analysis", type=click.Choice(ANALYSIS_MODES), default="merge", show_default=True,
                     help="merge: append the analysis to the answer; drop: leave it out; field: an `analysis` field of its own.")(f)
    f = click.option("--system", default=None, help="System prompt for every example (messages: a system turn; alpaca/sharegpt: a `system` field).")(f)
    f = click.option("--format", "fmt", type=click.Choice(FORMATS), default="messages", show_default=True,
                     help="messages (OpenAI/TRL chat), alpaca (instruction/input/output) or sharegpt (conversations from/value).")(f)
    return f


def _export_config(fmt, system, with_analysis, val_ratio, keep_flagged, no_meta, images="alt",
                   min_answer_chars=DEFAULT_MIN_ANSWER_CHARS, license_id="unknown") -> ExportConfig:
    return ExportConfig(format=fmt, system=system, with_analysis=with_analysis, val_ratio=val_ratio,
                        keep_flagged=keep_flagged, meta=not no_meta, images=images, min_answer_chars=min_answer_chars,
                        license=license_id)


def _audit_line(res) -> str:
    audit, cfg = res.audit, res.config
    failing = audit.failing(cfg.allowed_artifacts)
    kept = [f"{k} {audit.counts[k]} (--images keep)" for k in cfg.allowed_artifacts if audit.counts[k]]
    return (f"audit: {sum(failing.values())} residual artifacts in {audit.scanned} exported lines"
            + (f" ({', '.join(f'{k} {n}' for k, n in failing.items())})" if failing else "")
            + (f"; {', '.join(kept)}" if kept else "") + f" -> {AUDIT_FILE}")


def _artifacts_fail(res) -> bool:
    return bool(res.audit.failing(res.config.allowed_artifacts))


def _export_line(res) -> str:
    s = res.stats
    why = ", ".join(f"{k} {v}" for k, v in s["reasons"].items()) or "none"
    return (f"export: {s['records']} records = {s['exported']} exported ({s['train']} train, {s['val']} val) + "
            f"{s['quarantined']} quarantined ({why})"
            + (f"; {s['decisions_applied']} review decisions applied, {s['decisions_stale']} stale" if s["decisions_applied"] or s["decisions_stale"] else ""))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qatool")
def main() -> None:
    """qatool: lint, deduplicate and export Chinese Markdown Q&A corpora for fine-tuning."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Output folder; records go to OUT/records.parquet.")
@_parse_options
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no per-file summary.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Processes parsing files. [default: all cores] Output is identical for any value.")
def parse(paths: tuple[Path, ...], out_dir: Path, max_file_mb: float, max_line_chars: int, quiet: bool, jobs: int | None) -> None:
    """Parse Markdown Q&A files (or folders of *.md, *.markdown, *.txt) into OUT/records.parquet.

    Every record is validated against schemas/qa_record.schema.json; invalid ones are reported and
    written to OUT/invalid_records.jsonl. Exit 0 when every file parsed, 1 when some file could not be
    parsed, 2 on a usage error or when there is nothing to read.
    """
    config = _config(max_file_mb, max_line_chars)
    result = parse_paths(list(paths), config, executor=LocalExecutor(jobs or default_jobs()))
    _report_parse(result, quiet)
    if not result.files:
        _echo_err("error: no input files found (looked for *.md, *.markdown, *.txt)")
        sys.exit(2)
    try:
        with OutputFolder(out_dir, "parse") as folder:
            folder.invalidate(["records.parquet", "invalid_records.jsonl"])
            path = write_records(result, out_dir, config)
            folder.record("records.parquet")
            if (out_dir / "invalid_records.jsonl").exists():
                folder.record("invalid_records.jsonl")
            folder.commit({"parse": asdict(config)})
    except FolderBusy as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    if not quiet:
        click.echo(f"wrote {path}")
    sys.exit(result.exit_code)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Output folder for every stage's results.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a lint finding at or above this severity exists. Without it, findings are data and the job exits 0.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra rule files or folders.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Config file (qatool.toml or pyproject.toml).")
@click.option("--against", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Existing data whose duplicates are reported: a dataset (Parquet or JSONL; e.g. an evaluation set), or an "
                   "earlier run's folder or signatures.parquet (read as stored, not recomputed). Repeatable.")
@click.option("--review-limit", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Groups whose text review.html carries (conflicts, then near and identical clusters); every group is on the page, paged.")
@click.option("--no-progress", is_flag=True, help="No progress bars (they are drawn only on a terminal anyway).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (grouped by kind) and no summary; everything is still in OUT (files.jsonl, problems.txt, DATASET.md).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where the batch work runs: local processes, or Ray Data (needs `pip install 'qatool[ray]'`). The outputs are the same.")
@click.option("--ray-address", default=None, metavar="ADDR",
              help="With --engine ray: an existing Ray cluster (e.g. ray://head:10001, or auto). Without it a local Ray instance with --jobs CPUs is started.")
@_report_diffs_option
@_export_options
@_dedup_options
@_file_options
@_parse_options
def run(**opts: Any) -> None:
    """Run the whole job on PATHs (default: corpus/) into OUT (default: out/):
    parse -> lint -> dedup -> export -> review page.

    Writes records.parquet, findings.parquet, dups.parquet, clusters.parquet, conflicts.parquet,
    signatures.parquet, dedup_report.md/.json,
    train.jsonl, val.jsonl, quarantine.jsonl, dataset_info.json, DATASET.md and review.html, then
    prints a summary table. Review decisions are read from --decisions, or from OUT/decisions.json
    when it exists. Exits 0 when the job completed (findings are data: they are in the summary,
    findings.parquet and the quarantine), 1 only when --fail-on is given and met, 2 on usage or
    input errors.
    """
    try:
        lint_config = resolve_config(opts["config_path"])
        linter = _make_linter(lint_config, [], [], [], opts["rules_dirs"])
        cfg = _run_config(opts, lint_config)
    except (ConfigError, RuleFileError, ValueError) as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    if cfg.ray_address and cfg.engine != "ray":
        raise click.UsageError("--ray-address needs --engine ray")
    missing = [p for p in cfg.paths if str(p) != "-" and not (p.exists() or p.is_symlink())]
    if missing and len(missing) == len(cfg.paths):  # nothing to read: say so before OUT (an earlier run's) is touched
        _echo_err(f"error: {', '.join(map(str, missing))}: no such file or folder; give the Markdown files or folders to read "
                  f"(default: {DEFAULT_INPUT}/); {cfg.out_dir} was left as it was")
        sys.exit(2)
    quiet = opts["quiet"]
    t0 = time.perf_counter()
    with contextlib.ExitStack() as stack:
        try:
            try:
                executor = stack.enter_context(cfg.executor())
            except EngineError as err:
                _echo_err(f"error: {err}")
                sys.exit(2)
            with _progress(disabled=opts["no_progress"]) as progress:
                job = run_job(cfg, linter, progress, executor)
        except (DecisionsError, ValueError, FolderBusy) as err:
            _echo_err(f"error: {err}")
            sys.exit(2)
    result = job.parse
    details = _report_run(job, cfg.out_dir, quiet)
    if not result.files:
        _echo_err(f"error: no input files found under {', '.join(map(str, cfg.paths))} (looked for *.md, *.markdown, *.txt)")
        sys.exit(2)
    if job.decisions_path is not None and not quiet:
        click.echo(f"review decisions: {job.decisions_path}")
    for st in (job.export.stale if job.export is not None else []):
        _echo_err(f"{job.decisions_path}: warning: stale decision ({st['group']} {', '.join(st['ids'])}): {st['why']}; not applied")
    if not quiet:
        click.echo(_dedup_line(job.dedup))
        click.echo(_export_line(job.export))
        click.echo(_audit_line(job.export))
        print_summary(job, time.perf_counter() - t0, cfg.out_dir, details)
    if result.usage_errors:
        sys.exit(2)
    unread = [p for p in result.problems if p.level == "error"]
    if unread:  # like `parse`: an input that could not be read (or fully linted) fails the run
        _echo_err(f"error: {len(unread)} input problem(s) above (files skipped or not fully checked); exit 1")
        sys.exit(1)
    fail_on = cfg.fail_on
    failing = sum(n for sev, n in result.severity_counts.items() if SEVERITIES.index(sev) >= SEVERITIES.index(fail_on)) if fail_on else 0
    if failing:
        _echo_err(f"error: {failing} finding(s) at or above --fail-on {fail_on}; exit 1")
        sys.exit(1)
    if cfg.fail_on_artifacts and _artifacts_fail(job.export):
        if quiet:
            _echo_err(_audit_line(job.export))
        sys.exit(1)
    sys.exit(0)


def _run_config(o: dict[str, Any], lint_config: Any) -> RunConfig:
    """The RunConfig of `qatool run`'s options (the one place they are read)."""
    out_dir = o["out_dir"]
    return RunConfig(
        paths=tuple(o["paths"]) or (DEFAULT_INPUT,), out_dir=out_dir,
        parse=_config(o["max_file_mb"], o["max_line_chars"]),
        dedup=_dedup_config(o["threshold"], o["scope"], o["shingle"], o["num_perm"], o["bands"], o["rows"], o["user_dicts"], o["scheme"]),
        export=_export_config(o["fmt"], o["system"], o["with_analysis"], o["val_ratio"], o["keep_flagged"], o["no_meta"], o["images"],
                              o["min_answer_chars"], o["license_id"]),
        jobs=o["jobs"] or default_jobs(), engine=o["engine"], ray_address=o["ray_address"], against=tuple(o["against"]),
        decisions=o["decisions_path"], review_limit=o["review_limit"], report_diffs=o["report_diffs"], fail_on=o["fail_on"],
        fail_on_artifacts=o["fail_on_artifacts"],
        path_filter=_path_filter(lint_config, o["extend_exclude"], o["no_gitignore"], extra=(out_dir,)),  # never read our own outputs
    )


class _RichProgress:
    """A bar per stage on standard error, only when it is a terminal."""

    def __init__(self, bar):
        self.bar = bar
        self.task = None

    def start(self, stage: str, total: int | None) -> None:
        self.task = self.bar.add_task(stage, total=total)

    def advance(self, n: int = 1) -> None:
        self.bar.advance(self.task, n)

    def done(self) -> None:
        t = self.bar.tasks[-1]
        self.bar.update(self.task, total=t.total or 1, completed=t.total or 1)


@contextlib.contextmanager
def _progress(disabled: bool):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if disabled or not console.is_terminal:
        yield NoProgress()
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=False) as bar:
        yield _RichProgress(bar)


@main.command()
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Output folder: review.html is written here (and decisions.json when served).")
@click.option("--from", "in_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with the outputs of `qatool run`. [default: OUT]")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Decisions to show (and, with --serve, to write). [default: OUT/decisions.json]")
@click.option("--limit", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Groups whose text the page carries (what needs judgement first); every group is on the page, paged, the rest by id and place.")
@click.option("--serve", is_flag=True, help="Serve the page on localhost; its Save button then writes the decisions file directly.")
@click.option("--host", default=None, help="With --serve: address to bind. [default: 127.0.0.1, this machine only] Another address lets other machines reach the page (with its token); a warning says so.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="With --serve: port (0 picks a free one).")
def review(out_dir: Path, in_dir: Path | None, decisions_path: Path | None, limit: int, serve: bool, host: str, port: int) -> None:
    """Write OUT/review.html: one self-contained page to decide what each duplicate cluster and
    same-question conflict keeps (keep the proposed canonical, keep another member, keep all, drop all).

    Save downloads decisions.json (or, with --serve, writes it into OUT); pass it to
    `qatool export --decisions FILE`. Decisions are keyed by content hash; ones whose records changed
    are reported as stale. Exit 0 on success, 2 on missing or bad inputs.
    """
    target = decisions_path or out_dir / DECISIONS_FILE
    source = in_dir or out_dir
    try:
        with OutputFolder(out_dir, "review") as folder, reading(source, "review", out_dir):
            inputs = load_inputs(source, target if target.exists() else None)
            folder.invalidate(["review.html"])
            path, data = write_review(inputs, out_dir, limit)
            folder.record("review.html", [source / n for n in INPUT_FILES + OPTIONAL_INPUT_FILES] + ([target] if target.exists() else []))
            folder.commit({"review": {"limit": limit}})
    except (OutputsError, DecisionsError, FolderBusy) as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    c = data["counts"]
    click.echo(f"review: {data['total_groups']} groups ({c['conflict']} conflicts, {c['near']} near, {c['exact']} identical), "
               f"text for the first {min(limit, data['total_groups'])} -> {path}"
               + (f"; {len(data['stale'])} stale decisions in {target}" if data["stale"] else ""))
    if not serve:
        return
    if host is None:
        host = "127.0.0.1"
    elif not is_loopback(host):
        _echo_err(f"warning: --host {host} serves the review page beyond this machine: anyone who can reach {host}:{port} "
                  "and learns the address with its token can read the corpus and write decisions; use the default "
                  "(127.0.0.1) unless you mean it")
    try:
        server = make_server(out_dir, host, port, target)
    except OSError as err:
        _echo_err(f"error: cannot serve on {host}:{port} ({err}); try another --port")
        sys.exit(2)
    click.echo(f"serving {server.url}\nopen that address (it carries this session's token); Save merges into {target}. Ctrl-C to stop.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--records", "records_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A records.parquet from `qatool parse` (instead of PATHs). Lint counts come from findings.parquet beside it, if present.")
@click.option("--against", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Existing data whose duplicates in these records are listed: a dataset (Parquet or JSONL: messages, alpaca, "
                   "sharegpt or question/answer; e.g. test leakage), or an earlier run's folder or signatures.parquet "
                   "(its stored signatures are used as they are). Repeatable.")
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT, show_default=True)
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="With PATHs: extra rule files or folders for the lint that ranks canonicals (as `qatool run --rules`).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="With PATHs: config file whose rule selection the lint uses (qatool.toml or pyproject.toml).")
@_report_diffs_option
@_dedup_options
def dedup(paths, records_path, against, out_dir, rules_dirs, config_path, report_diffs, threshold, scope, shingle, scheme, num_perm, bands, rows,
          jobs, user_dicts) -> None:
    """Find exact and near-duplicate records, identical answers and same-question conflicts.

    PATHs are parsed and linted as `qatool run` does, so each cluster keeps the member with the
    fewest lint findings (errors, then warnings) as its canonical; with --records the findings
    come from findings.parquet beside it.

    Writes OUT/dups.parquet (verified duplicate pairs), OUT/clusters.parquet (clusters with their
    canonical member), OUT/conflicts.parquet (one row per same-question group with distinct answers),
    OUT/signatures.parquet (datasketch-compatible MinHash signatures, reusable with --against),
    OUT/dedup_report.md and .json (evidence for review) and, with --against, OUT/against.parquet.
    Exit 0 on success, 2 on usage or input errors.
    """
    cfg = _dedup_config(threshold, scope, shingle, num_perm, bands, rows, user_dicts, scheme)
    executor = LocalExecutor(jobs or default_jobs())
    findings: list | pa.Table = []
    if records_path:
        if paths:
            raise click.UsageError("give PATHs or --records, not both")
        try:
            records = Records(records_path)  # streamed: texts in batches, whole rows only for what the report shows
        except (OSError, pa.ArrowException) as err:
            _echo_err(f"error: {records_path}: not a readable records Parquet file ({err}); make one with `qatool parse`")
            sys.exit(2)
        fpath = records_path.parent / "findings.parquet"
        if fpath.exists():
            findings = pq.read_table(fpath, columns=["record_id", "severity"])
    else:
        if not paths:
            raise click.UsageError("give PATHs to parse or --records FILE")
        try:  # linted as `qatool run` lints them: the canonical policy ranks members by their findings
            linter = _make_linter(resolve_config(config_path), [], [], [], rules_dirs)
        except (ConfigError, RuleFileError, ValueError) as err:
            _echo_err(f"error: {err}")
            sys.exit(2)
        result = parse_paths(list(paths), linter=linter, executor=executor)
        for p in result.problems:
            _echo_err(str(p))
        if not result.files or result.table is None:
            sys.exit(2)
        records = Records(result.table)
        findings = result.findings
    try:
        res, counts = dedup_records(records, cfg, findings, list(against), executor)
    except ValueError as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    try:
        with OutputFolder(out_dir, "dedup") as folder:
            folder.invalidate(["dups.parquet", "clusters.parquet", "dedup_report.json", "dedup_report.md", "against.parquet"])
            written = write_dedup(res, out_dir, counts, report_diffs)
            for path in written:
                folder.record(path.name, [records_path] if records_path else [])
            dcfg = asdict(cfg)
            dcfg.pop("jobs", None)
            folder.commit({"dedup": dcfg})
    except FolderBusy as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    click.echo(_dedup_line(res) + f" -> {', '.join(str(p) for p in written)}")


def _dedup_line(res) -> str:
    s = res.stats
    return (f"dedup: {s['clusters']} clusters remove {s['removed']} of {s['records']} records; {s['verified_pairs']} verified pairs "
            f"from {s['candidates']} candidates ({s['bands']}x{s['rows']} bands); {s['conflicts']} same-question conflict groups ({s['conflict_records']} records)"
            + (f"; {s['against_hits']} records duplicate --against data" if "against_hits" in s else ""))


@main.command()
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Output folder: train.jsonl, val.jsonl, quarantine.jsonl, export_audit.json, dataset_info.json, DATASET.md.")
@click.option("--from", "in_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder holding records.parquet, findings.parquet, clusters.parquet and dups.parquet (what `qatool run` writes). [default: OUT]")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Processes that clean records. [default: all cores] Output is identical for any value.")
@click.option("-q", "--quiet", is_flag=True, help="Print warnings and errors only, no summary; everything is still in OUT (export_audit.json, DATASET.md).")
@_export_options
def export(out_dir: Path, in_dir: Path | None, jobs: int | None, quiet: bool, fmt, system, with_analysis, val_ratio, decisions_path, keep_flagged, no_meta,
           images, min_answer_chars, license_id, fail_on_artifacts) -> None:
    """Export cleaned fine-tuning data from the outputs of `qatool run`.

    Markup people write is cleaned (HTML to Markdown, entities, <br>, <details>, [TOC], footnotes,
    relative links, images per --images, look-alike radicals; code and LaTeX untouched); leaked
    tokens, blog chatter, malformed bold labels, unbalanced bold and glued headings are repaired.
    Non-canonical duplicates, records with lint errors (unless --keep-flagged), answers that are no
    answer (empty, placeholder, link-only, image-only, image-dependent, too short, the question
    again), schema-invalid records and what a reviewer dropped go to OUT/quarantine.jsonl with their
    reasons: records = exported + quarantined. Every exported line is audited for residual artifacts
    (OUT/export_audit.json). The train/val split is by a hash of each record's group, so related
    records stay on one side. Exit 0 on success, 1 with --fail-on-artifacts when the audit finds any,
    2 on missing or bad inputs.
    """
    source = in_dir or out_dir
    try:
        cfg = _export_config(fmt, system, with_analysis, val_ratio, keep_flagged, no_meta, images, min_answer_chars, license_id)
        with OutputFolder(out_dir, "export") as folder, reading(source, "export", out_dir):
            inputs = load_inputs(source, decisions_path)
            folder.invalidate(EXPORT_FILES)
            res, written = export_to_dir(inputs, out_dir, cfg, executor=LocalExecutor(jobs or default_jobs()))
            for p in written:
                folder.record(p.name, [source / n for n in INPUT_FILES + OPTIONAL_INPUT_FILES] + ([decisions_path] if decisions_path else []))
            folder.commit({"export": asdict(cfg)})
    except (OutputsError, DecisionsError, ValueError, FolderBusy) as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    for st in res.stale:
        _echo_err(f"{decisions_path}: warning: stale decision ({st['group']} {', '.join(st['ids']) or ', '.join(h[:12] for h in st['members'])}): {st['why']}; not applied")
    if not quiet:
        click.echo(_export_line(res) + f" -> {out_dir}")
        click.echo(_audit_line(res))
    if fail_on_artifacts and _artifacts_fail(res):
        if quiet:
            _echo_err(_audit_line(res))  # why the exit is 1
        sys.exit(1)


def _baselined(findings: list, base, baseline: Path) -> list:
    """The findings not in the baseline; a warning when it matches none of them."""
    left = apply_baseline(findings, base)
    if findings and sum(base.values()) and len(left) == len(findings):
        _echo_err(f"warning: baseline {baseline} matched none of the {len(findings)} findings: it was written for other "
                  "files or from an older version of their text (fingerprints use the record's content and the "
                  "matched text); rewrite it with --write-baseline")
    return left


def _split_codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _make_linter(config, select: list[str], extend: list[str], ignore: list[str], rules_dirs: tuple[Path, ...]) -> Linter:
    base = Linter.default(extra_rules=list(config.rules) + list(rules_dirs))
    root = project_root(config)
    codes = {r.code for r in base.all_rules}
    known = codes | {r.name for r in base.all_rules}

    unknown: list[str] = []

    def norm(sel: str, where: str) -> str:
        """A selector as written, or its upper case when that is a code, a code prefix or ALL
        (`fc101`, `ty`, `all`); unknown ones are collected and reported together."""
        if sel in known or sel == "ALL" or (sel.isupper() and any(c.startswith(sel) for c in codes)):
            return sel
        up = sel.upper()
        if up == "ALL" or any(c.startswith(up) for c in codes):
            return up
        unknown.append(f"{sel!r} ({where})")
        return sel

    cfg = f"config {config.path}" if config.path else "config"
    selectors = ([norm(s, "--select") for s in select] or [norm(s, cfg + " select") for s in config.select])
    selectors += [norm(s, cfg + " extend-select") for s in config.extend_select] + [norm(s, "--extend-select") for s in extend]
    ignored = [norm(s, "--ignore") for s in ignore] + [norm(s, cfg + " ignore") for s in config.ignore]
    per_file = {glob: [norm(s, f"{cfg} per-file-ignores {glob!r}") for s in sels] for glob, sels in config.per_file_ignores.items()}
    if unknown:
        raise click.UsageError(f"unknown rule code or name {', '.join(unknown)}; see `qatool rules list`")
    if selectors and not (select or config.select):
        selectors = [r.code for r in base.all_rules if r.enabled] + selectors  # extend the default set
    return Linter(base.all_rules, base.kb, select=selectors or None, ignore=ignored,
                  per_file_ignores=per_file, root=root)


def _fix_in_place(linter, inp, src, diff: bool, key: str | None = None, shown: str | None = None) -> int:
    """--fix for one file: its mode, encoding, byte-order mark and each line's ending are kept (a
    symlink is written through, to its target). Returns the fixes applied."""
    import os

    real = Path(os.path.realpath(inp.path))
    data = real.read_bytes()
    codec = "utf-8" if src.encoding == "utf-8-sig" else src.encoding
    raw = data[len(src.bom):].decode(codec)
    shown = shown or src.source
    fixed, n = fix_source_exact(linter, raw, key or src.source)
    if n == 0:
        return 0
    if diff:
        click.echo(unified_diff(shown, raw.replace("\r\n", "\n").replace("\r", "\n"),
                                fixed.replace("\r\n", "\n").replace("\r", "\n")), nl=False)
        return n
    try:
        out = src.encode(fixed)
    except UnicodeEncodeError as err:
        _echo_err(f"{display_name(shown)}: warning: a fix writes {err.object[err.start:err.end]!r}, which {src.encoding} "
                  "cannot hold; the file was left unchanged (convert it to UTF-8 to apply the fixes)")
        return 0
    with atomic_writer(real, "wb", file_mode=real.stat().st_mode & 0o7777) as fh:
        fh.write(out)
    return n


def _fix_files(linter: Linter, paths: list[Path], path_filter: PathFilter, limits, diff: bool) -> int:
    """Apply (or, with diff, print) the safe fixes of every file; returns how many files have fixes."""
    inputs, _ = discover(paths, path_filter=path_filter)
    cwd = Path.cwd()
    changed = 0
    for inp in inputs:
        src = read_source(inp, limits)
        if isinstance(src, InputProblem):
            continue  # reported by the lint pass below
        shown = relative_path(inp.path, cwd)
        n = _fix_in_place(linter, inp, src, diff, linter.project_key(inp.path), shown)
        if n == 0:
            continue
        changed += 1
        if not diff:
            _echo_err(f"{display_name(shown)}: applied {n} fixes")
    return changed


def _lint_stdin(linter: Linter, name: str | None, limits, fix: bool, diff: bool):
    """Lint standard input as the file `name` (for per-file-ignores and the paths shown): returns
    a LintResult, or exits when --fix --diff has said everything."""
    raw = sys.stdin.buffer.read()
    shown = relative_path(Path(name), Path.cwd()) if name else "-"
    src = decode(Path(name or "-"), shown, raw, limits)
    if isinstance(src, InputProblem):
        return LintResult([], [src], 1)
    key = linter.project_key(Path(name)) if name else "-"
    text = src.text
    if fix:
        fixed, n = fix_source(linter, text, key)
        if diff:
            click.echo(unified_diff(shown, text, fixed), nl=False)
            sys.exit(1 if n else 0)
        click.echo(fixed, nl=False)  # ruff's behaviour: the fixed text on standard output
        text = fixed
    res = linter.lint_file(parse_text(text, key), text, Path(name) if name else None, shown, count_hidden=True)
    problems = list(src.problems) + [InputProblem(shown, "error", e) for e in res.errors]
    return LintResult(res.findings, problems, 1, sources=[shown], hidden=res.hidden)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(list(RENDERERS)), default="text", show_default=True,
              help="Output format: text (path:line:col: CODE [name] message), json, sarif (SARIF 2.1.0), github (workflow annotations), junit (JUnit XML).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to a file instead of standard output.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="Exit 1 when a finding at or above this severity remains. [default: error, or fail-on from config]")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings at or above --fail-on remain (an unreadable input still exits 1, a usage error 2).")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has (text, or json with --format json) instead of the findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary line, no 'applied N fixes' messages.")
@click.option("--select", multiple=True, help="Only these rules: codes, code prefixes (FC, FC1) or names, comma-separated. Also enables rules that are off by default.")
@click.option("--extend-select", multiple=True, help="Add rules to the default (or configured) selection.")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, prefixes or names, comma-separated.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Extra rule files or folders of *.yaml rule files (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Config file (qatool.toml or pyproject.toml). [default: found from the current folder upwards]")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "baseline_out", type=click.Path(dir_okay=False, path_type=Path), help="Write all current findings to a baseline file and exit 0.")
@click.option("--fix", is_flag=True, help="Apply safe mechanical fixes in place (leaked tokens, malformed bold labels, glued headings, punctuation width). Facts are never rewritten.")
@click.option("--diff", is_flag=True, help="With --fix: print the fixes as a unified diff instead of writing them; exit 1 when there are fixes to apply, 0 when none.")
@click.option("--stdin-filename", metavar="PATH", help="Read the document from standard input (also `-` as PATH) and report it under this name; per-file-ignores match it.")
@click.option("--force-exclude", is_flag=True, help="Apply exclude/extend-exclude also to paths named on the command line (what a pre-commit hook wants).")
@_file_options
@_parse_options
def lint(paths, fmt, output, fail_on, exit_zero, statistics, quiet, select, extend_select, ignore, rules_dirs, config_path,
         baseline, baseline_out, fix, diff, stdin_filename, force_exclude, extend_exclude, no_gitignore, max_file_mb, max_line_chars) -> None:
    """Lint Q&A Markdown files (or folders of *.md, *.markdown, *.txt; `-` for standard input) for
    factual slips and format damage.

    Paths are printed relative to the current folder. Folders are walked without hidden files,
    the default excludes (build, dist, out, *.egg-info, ...), exclude/extend-exclude patterns from
    the config and what .gitignore files leave out.

    Exit codes: 0 no finding at or above --fail-on (or --exit-zero), 1 otherwise (or, with
    --fix --diff, fixes to apply; or an input that could not be read), 2 usage error (a bad
    config or rule file, a missing path, no input files). Suppress in a document with `<!-- qatool: disable=CODE -->` ...
    `<!-- qatool: enable=CODE -->` or `<!-- qatool: disable-next-line=CODE -->`.

    What the start-up computes once (the rule patterns' reading and compiled form, the rule files'
    validation) is kept in ~/.cache/qatool ($QATOOL_CACHE_DIR; QATOOL_NO_CACHE=1 keeps nothing);
    findings never depend on it.
    """
    if diff and not fix:
        raise click.UsageError("--diff only goes with --fix")
    use_stdin = paths == (Path("-"),) or (not paths and stdin_filename is not None)
    if not paths and not use_stdin:
        raise click.UsageError("give PATHs to lint, or `-` (or --stdin-filename NAME) to read standard input")
    if not use_stdin and Path("-") in paths:
        raise click.UsageError("`-` (standard input) cannot be combined with other paths")
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError("--statistics prints text or json; leave out --format or use --format json")
    try:
        config = resolve_config(config_path)
        linter = _make_linter(config, _split_codes(select), _split_codes(extend_select), _split_codes(ignore), rules_dirs)
        base = read_baseline(baseline) if baseline else None
    except (ConfigError, RuleFileError, ValueError) as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    limits = _config(max_file_mb, max_line_chars).limits
    path_filter = _path_filter(config, extend_exclude, no_gitignore, force_exclude)
    if use_stdin:
        result = _lint_stdin(linter, stdin_filename, limits, fix, diff)
    else:
        if fix:
            changed = _fix_files(linter, list(paths), path_filter, limits, diff)
            if diff:
                sys.exit(1 if changed else 0)
        result = linter.lint_paths(list(paths), limits, relative_to=Path.cwd(), path_filter=path_filter)
    for p in result.problems:
        _echo_err(str(p))
    findings = result.findings
    if baseline_out:
        write_baseline(findings, baseline_out)
        _echo_err(f"wrote {len(findings)} finding{'' if len(findings) == 1 else 's'} to baseline {baseline_out}")
        sys.exit(1 if result.input_errors else 0)
    if base is not None:
        findings = _baselined(findings, base, baseline)
    report = sys.stderr if use_stdin and fix and not output else sys.stdout  # stdout holds the fixed text

    def render(stream: Any) -> None:
        if statistics:
            RENDER_STATISTICS[fmt](findings, stream)
        elif fmt == "junit":
            render_junit(findings, linter.rules, stream, paths=result.sources)
        else:
            RENDERERS[fmt](findings, linter.rules, stream)

    if output:  # written whole or not at all, its folder made if missing (a CI step's reports/q.sarif)
        try:
            with atomic_writer(output) as fh:
                render(fh)
        except OSError as err:
            raise click.UsageError(f"cannot write the report to {output}: {err.strerror or err}") from None
    else:
        render(report)
    if fmt == "text" and not quiet:
        _echo_err(summary(findings, result.hidden))
    fail_level = fail_on or config.fail_on
    if not result.files:
        _echo_err("error: no input files found (looked for *.md, *.markdown, *.txt)")
        sys.exit(2)
    if result.input_errors:  # an input that could not be read fails the check, as a finding would (not a usage error)
        _echo_err(f"error: {len(result.input_errors)} input file(s) could not be read (see above); exit 1")
        sys.exit(1)
    failing = [f for f in findings if SEVERITIES.index(f.severity) >= SEVERITIES.index(fail_level)]
    sys.exit(1 if failing and not exit_zero else 0)


@main.group()
def rules() -> None:
    """List the rules and explain what each one checks."""


@rules.command("list")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Include extra rule files or folders.")
@click.option("--all", "show_all", is_flag=True, help="Also list rules that are off by default.")
@click.option("--markdown", is_flag=True, help="Print the full rule reference as Markdown (docs/rules.md is made this way).")
def rules_list(rules_dirs: tuple[Path, ...], show_all: bool, markdown: bool) -> None:
    """Print every rule: code, name, severity, kind, whether it can fix, and whether it is on by default."""
    try:
        linter = Linter.default(extra_rules=list(rules_dirs))
    except RuleFileError as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    if markdown:
        click.echo(rules_markdown(linter.all_rules), nl=False)
        return
    for r in sorted(linter.all_rules, key=lambda r: r.code):
        if not r.enabled and not show_all:
            continue
        flags = ("fix" if r.fixable else "   ") + ("" if r.enabled else " off")
        click.echo(f"{r.code}  {r.name:<46} {r.severity:<8} {r.kind:<13} {flags}")


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files: the keys every rule has, and each registered kind's own."""
    from qatool.lint.loader import rule_file_schema

    click.echo(json.dumps(rule_file_schema(), ensure_ascii=False, indent=1))


@rules.command("explain")
@click.argument("code")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Include extra rule files or folders.")
def rules_explain(code: str, rules_dirs: tuple[Path, ...]) -> None:
    """Explain one rule (by code or name): what it finds, why it matters, a failing and a passing example."""
    try:
        linter = Linter.default(extra_rules=list(rules_dirs))
    except RuleFileError as err:
        _echo_err(f"error: {err}")
        sys.exit(2)
    rule = next((r for r in linter.all_rules if code in (r.code, r.name) or code.upper() == r.code), None)
    if rule is None:
        _echo_err(f"error: no rule {code!r}; see `qatool rules list`")
        sys.exit(2)
    click.echo(f"{rule.code} [{rule.name}]  severity: {rule.severity}  kind: {rule.kind}"
               f"{'  fixable' if rule.fixable else ''}{'' if rule.enabled else '  (off by default)'}")
    click.echo(f"defined at: {rule.origin}\n")
    click.echo(f"What it does\n  {rule.docs.what}\n")
    click.echo(f"Why it matters\n  {rule.docs.why}\n")
    click.echo("Failing example\n" + "\n".join("  " + ln for ln in rule.docs.fail.splitlines()) + "\n")
    click.echo("Passing example\n" + "\n".join("  " + ln for ln in rule.docs.passing.splitlines()))


if __name__ == "__main__":
    main()
