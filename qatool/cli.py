"""The `qatool` command line. Thin: parse options, call the library, render.

Exit codes are a contract: 0 clean, 1 findings at or above the failing level (or files that could
not be parsed), 2 usage or input error.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import __version__
from .dataset import ParseConfig, ParseResult, parse_paths, write_records

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


def _config(max_file_mb: float, max_line_chars: int) -> ParseConfig:
    return ParseConfig(max_file_bytes=int(max_file_mb * 2**20), max_line_chars=max_line_chars)


def _report_parse(result: ParseResult, quiet: bool) -> None:
    for p in result.problems:
        _echo_err(str(p))
    if quiet:
        return
    width = max([len(f.source) for f in result.files] + [4])
    for f in result.files:
        kinds = ", ".join(f"{k} {v}" for k, v in f.kinds.items()) or "-"
        click.echo(f"{f.source:<{width}}  {f.encoding or '-':<9}  {f.items:>4} items ({kinds})  {f.status}")
    total = result.table.num_rows
    click.echo(f"parsed {len(result.files) - result.failed_files}/{len(result.files)} files, {total} records"
               + (f", {len(result.invalid)} invalid records" if result.invalid else ""))


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
def parse(paths: tuple[Path, ...], out_dir: Path, max_file_mb: float, max_line_chars: int, quiet: bool) -> None:
    """Parse Markdown Q&A files (or folders of *.md, *.markdown, *.txt) into OUT/records.parquet.

    Every record is validated against schemas/qa_record.schema.json; invalid ones are reported and
    written to OUT/invalid_records.jsonl. Exit 0 when every file parsed, 1 when some file could not be
    parsed, 2 on a usage error or when there is nothing to read.
    """
    config = _config(max_file_mb, max_line_chars)
    result = parse_paths(list(paths), config)
    _report_parse(result, quiet)
    if not result.files:
        _echo_err("error: no input files found (looked for *.md, *.markdown, *.txt)")
        sys.exit(2)
    path = write_records(result, out_dir, config)
    if not quiet:
        click.echo(f"wrote {path}")
    sys.exit(result.exit_code)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Output folder for every stage's results.")
@_parse_options
def run(paths: tuple[Path, ...], out_dir: Path, max_file_mb: float, max_line_chars: int) -> None:
    """Run the whole job: parse every input (default: corpus/) into OUT (default: out/).

    Exits 0 when the job completed, 2 on usage or input errors (nothing to read).
    """
    inputs = list(paths) or [DEFAULT_INPUT]
    config = _config(max_file_mb, max_line_chars)
    t0 = time.perf_counter()
    result = parse_paths(inputs, config)
    _report_parse(result, quiet=False)
    if not result.files:
        _echo_err(f"error: no input files found under {', '.join(map(str, inputs))} (looked for *.md, *.markdown, *.txt)")
        sys.exit(2)
    path = write_records(result, out_dir, config)
    click.echo(f"parse: {result.table.num_rows} records -> {path} ({time.perf_counter() - t0:.2f}s)")
    sys.exit(2 if result.usage_errors else 0)


if __name__ == "__main__":
    main()
