"""The parse stage end to end: input paths -> validated records -> `records.parquet`.

>>> from pathlib import Path
>>> result = parse_paths([Path("corpus")])          # doctest: +SKIP
>>> write_records(result.table, Path("out/records.parquet"))  # doctest: +SKIP
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .io import InputFile, InputProblem, ReadLimits, SourceText, atomic_path, atomic_writer, discover, read_source
from .lint.document import doc_from_parsed
from .parse import parse_text
from .schema import arrow_schema, validation_errors


@dataclass(frozen=True)
class ParseConfig:
    """How a parse was made; written into the Parquet metadata."""

    max_file_bytes: int = ReadLimits.max_file_bytes
    max_line_chars: int = ReadLimits.max_line_chars

    @property
    def limits(self) -> ReadLimits:
        return ReadLimits(self.max_file_bytes, self.max_line_chars)


@dataclass
class FileReport:
    source: str
    status: str  # ok | warning | error
    encoding: str | None = None
    items: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


@dataclass
class ParseResult:
    table: pa.Table
    files: list[FileReport]
    problems: list[InputProblem]
    invalid: list[dict[str, Any]]  # {"record": …, "errors": […]}
    findings: list[Any] = field(default_factory=list)  # lint findings, when a linter was given
    usage_errors: list[InputProblem] = field(default_factory=list)  # paths that do not exist

    @property
    def failed_files(self) -> int:
        return sum(1 for f in self.files if f.status == "error")

    @property
    def exit_code(self) -> int:
        """0 all parsed, 1 some file could not be parsed or a record was invalid, 2 nothing to read/usage."""
        if self.usage_errors or not self.files:
            return 2
        return 1 if self.failed_files or self.invalid else 0


def parse_source(text: SourceText, linter: Any = None) -> tuple[list[dict[str, Any]], list[InputProblem], list[Any]]:
    """Parse one decoded file; with a linter, lint the same parse (records and raw lines)."""
    doc = parse_text(text.text, text.source)
    findings = linter.lint_doc(doc_from_parsed(doc, text.text)) if linter is not None else []
    return doc.records, text.problems + doc.problems, findings


def validate(records: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split records into (valid, invalid-with-errors). Nothing is dropped: invalid ones are returned."""
    valid, invalid = [], []
    for rec in records:
        errors = validation_errors(rec)
        if errors:
            invalid.append({"record": rec, "errors": errors})
        else:
            valid.append(rec)
    return valid, invalid


def records_table(records: list[dict[str, Any]]) -> pa.Table:
    """Records -> Arrow table with the schema derived from the JSON Schema."""
    return pa.Table.from_pylist(records, schema=arrow_schema())


def parse_paths(paths: list[Path], config: ParseConfig = ParseConfig(), linter: Any = None, jobs: int = 1) -> ParseResult:
    """Discover, read, parse and validate every input (and lint it, given a linter). Problems with
    one file never stop the others."""
    inputs, usage_errors = discover(paths)
    result = parse_inputs(inputs, config, linter, jobs=jobs)
    result.usage_errors = usage_errors
    result.problems[:0] = usage_errors
    return result


def _process_file(inp: InputFile, config: ParseConfig, linter: Any) -> tuple[FileReport, list, list, list, list]:
    """Read, parse, lint and validate one file: (report, valid records, invalid, problems, findings)."""
    src = read_source(inp, config.limits)
    if isinstance(src, InputProblem):
        return FileReport(inp.source, "error", messages=[str(src)]), [], [], [src], []
    records, file_problems, file_findings = parse_source(src, linter)
    status = "warning" if file_problems else "ok"
    report = FileReport(inp.source, status, src.encoding, len(records),
                        dict(sorted(Counter(r["kind"] for r in records).items())), [str(p) for p in file_problems])
    valid, invalid = validate(records)
    return report, valid, invalid, file_problems, file_findings


_WORKER: dict[str, Any] = {}


def _init_worker(config: ParseConfig, linter: Any) -> None:
    _WORKER["config"], _WORKER["linter"] = config, linter


def _process_in_worker(inp: InputFile) -> tuple[FileReport, list, list, list, list]:
    return _process_file(inp, _WORKER["config"], _WORKER["linter"])


def parse_inputs(inputs: list[InputFile], config: ParseConfig = ParseConfig(), linter: Any = None,
                 on_file: Callable[[int], None] | None = None, jobs: int = 1) -> ParseResult:
    """Files are independent: with `jobs` > 1 they are parsed (and linted) on a process pool, and
    the result is the same as with one process (results are taken in input order)."""
    problems: list[InputProblem] = []
    findings: list[Any] = []
    reports: list[FileReport] = []
    valid: list[dict[str, Any]] = []
    invalid: list[dict[str, Any]] = []
    if jobs > 1 and len(inputs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=min(jobs, len(inputs)), initializer=_init_worker, initargs=(config, linter))
        results = pool.map(_process_in_worker, inputs)
    else:
        pool = None
        results = (_process_file(inp, config, linter) for inp in inputs)
    try:
        for report, ok, bad, file_problems, file_findings in results:
            reports.append(report)
            valid.extend(ok)
            invalid.extend(bad)
            problems.extend(file_problems)
            findings.extend(file_findings)
            if on_file is not None:
                on_file(1)
    finally:
        if pool is not None:
            pool.shutdown()
    for bad in invalid:
        rec = bad["record"]
        for err in bad["errors"]:
            problems.append(InputProblem(rec.get("source", "?"), "error",
                                         f"record {rec.get('id')!r} ({rec.get('title')!r}) fails the schema: {err}; it was written to invalid_records.jsonl",
                                         line=rec.get("line_start")))
    return ParseResult(records_table(valid), reports, problems, invalid, findings)


def parquet_metadata(stage: str, config: Any) -> dict[bytes, bytes]:
    return {b"qatool": json.dumps({"version": __version__, "stage": stage, "config": asdict(config)},
                                  sort_keys=True, ensure_ascii=False).encode("utf-8")}


def write_parquet(table: pa.Table, path: Path, metadata: dict[bytes, bytes] | None = None) -> None:
    """Write Parquet atomically and deterministically (explicit schema, no timestamps, fixed row groups)."""
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd", row_group_size=64 * 1024, write_statistics=True)


def write_records(result: ParseResult, out_dir: Path, config: ParseConfig = ParseConfig()) -> Path:
    path = out_dir / "records.parquet"
    write_parquet(result.table, path, parquet_metadata("parse", config))
    invalid_path = out_dir / "invalid_records.jsonl"
    if result.invalid:
        with atomic_writer(invalid_path) as fh:
            for bad in result.invalid:
                fh.write(json.dumps(bad, ensure_ascii=False, sort_keys=True) + "\n")
    elif invalid_path.exists():
        invalid_path.unlink()
    return path


def read_records(path: Path) -> pa.Table:
    return pq.read_table(path)
