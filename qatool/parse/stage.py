"""The parse stage end to end: input paths -> validated records -> `records.parquet` (and, given a
linter, each file linted from the same parse -> `findings.parquet`).

>>> from pathlib import Path
>>> result = parse_paths([Path("corpus")])          # doctest: +SKIP
>>> write_records(result, Path("out"))  # doctest: +SKIP
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pyarrow as pa

from qatool.common.io import InputFile, InputProblem, ReadLimits, SourceText, atomic_writer, discover, read_source
from qatool.common.parallel import map_ordered
from qatool.common.records import ParquetStream, parquet_metadata, write_parquet
from qatool.common.schema import arrow_schema, findings_arrow_schema, validation_errors
from qatool.parse.extract import parse_text


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
    table: pa.Table | None  # None when the records were streamed to a file (`parse_to_parquet`)
    files: list[FileReport]
    problems: list[InputProblem]
    invalid: list[dict[str, Any]]  # {"record": …, "errors": […]}
    findings: list[Any] = field(default_factory=list)  # lint findings, when a linter was given (not kept when streamed)
    usage_errors: list[InputProblem] = field(default_factory=list)  # paths that do not exist
    records_written: int = 0  # valid records (also when streamed)
    severity_counts: dict[str, int] = field(default_factory=dict)  # findings per severity
    record_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # record id -> (errors, warnings)

    @property
    def num_records(self) -> int:
        return self.table.num_rows if self.table is not None else self.records_written

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
    findings = linter.lint_parsed(doc, text.text, text.path) if linter is not None else []
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


def _file_results(inputs: list[InputFile], config: ParseConfig, linter: Any, jobs: int) -> Iterator[tuple]:
    """(report, valid, invalid, problems, findings) per file, in input order; on a process pool
    (at most a few files ahead of the consumer) when jobs > 1."""
    if jobs > 1 and len(inputs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(inputs)), initializer=_init_worker, initargs=(config, linter)) as pool:
            yield from map_ordered(_process_in_worker, inputs, pool)
    else:
        for inp in inputs:
            yield _process_file(inp, config, linter)


class _Tally:
    """What a parse keeps of every file besides its records: reports, problems, invalid records and
    finding counts."""

    def __init__(self) -> None:
        self.reports: list[FileReport] = []
        self.problems: list[InputProblem] = []
        self.invalid: list[dict[str, Any]] = []
        self.severity: Counter[str] = Counter()
        self.per_record: dict[str, list[int]] = {}
        self.records = 0

    def add(self, report: FileReport, valid: list, bad: list, file_problems: list, file_findings: list) -> None:
        self.reports.append(report)
        self.invalid.extend(bad)
        self.problems.extend(file_problems)
        self.records += len(valid)
        for f in file_findings:
            self.severity[f.severity] += 1
            if f.record_id and f.severity in ("error", "warning"):
                self.per_record.setdefault(f.record_id, [0, 0])[0 if f.severity == "error" else 1] += 1

    def result(self, table: pa.Table | None, findings: list[Any]) -> ParseResult:
        for bad in self.invalid:
            rec = bad["record"]
            for err in bad["errors"]:
                self.problems.append(InputProblem(rec.get("source", "?"), "error",
                                                  f"record {rec.get('id')!r} ({rec.get('title')!r}) fails the schema: {err}; it was written to invalid_records.jsonl",
                                                  line=rec.get("line_start")))
        return ParseResult(table, self.reports, self.problems, self.invalid, findings, records_written=self.records,
                           severity_counts=dict(self.severity), record_counts={k: (v[0], v[1]) for k, v in self.per_record.items()})


def parse_inputs(inputs: list[InputFile], config: ParseConfig = ParseConfig(), linter: Any = None,
                 on_file: Callable[[int], None] | None = None, jobs: int = 1) -> ParseResult:
    """Files are independent: with `jobs` > 1 they are parsed (and linted) on a process pool, and
    the result is the same as with one process (results are taken in input order)."""
    tally = _Tally()
    findings: list[Any] = []
    valid: list[dict[str, Any]] = []
    for report, ok, bad, file_problems, file_findings in _file_results(inputs, config, linter, jobs):
        tally.add(report, ok, bad, file_problems, file_findings)
        valid.extend(ok)
        findings.extend(file_findings)
        if on_file is not None:
            on_file(1)
    return tally.result(records_table(valid), findings)


def parse_to_parquet(inputs: list[InputFile], out_dir: Path, config: ParseConfig = ParseConfig(), linter: Any = None,
                     on_file: Callable[[int], None] | None = None, jobs: int = 1, engine: Any = None) -> ParseResult:
    """`parse_inputs`, streamed: each file's records and findings are appended to OUT/records.parquet
    and OUT/findings.parquet as it is done, so memory does not grow with the corpus. The files are
    byte-identical to `write_records` / `write_parquet` of the in-memory result. The result keeps
    reports, problems, invalid records and finding counts, not the rows. With an `engine`
    (qatool.engine_ray) the files are parsed and linted there, and written here in the same order."""

    tally = _Tally()
    with ParquetStream(out_dir / "records.parquet", arrow_schema(), parquet_metadata("parse", config)) as rec_out, \
            ParquetStream(out_dir / "findings.parquet", findings_arrow_schema()) as find_out:
        results = engine.file_results(inputs, config, linter) if engine is not None else _file_results(inputs, config, linter, jobs)
        for report, ok, bad, file_problems, file_findings in results:
            tally.add(report, ok, bad, file_problems, file_findings)
            rec_out.write(ok)
            find_out.write([f.as_dict() for f in file_findings])
            if on_file is not None:
                on_file(1)
    result = tally.result(None, [])
    _write_invalid(result, out_dir)
    return result


def _write_invalid(result: ParseResult, out_dir: Path) -> None:
    invalid_path = out_dir / "invalid_records.jsonl"
    if result.invalid:
        with atomic_writer(invalid_path) as fh:
            for bad in result.invalid:
                fh.write(json.dumps(bad, ensure_ascii=False, sort_keys=True) + "\n")
    elif invalid_path.exists():
        invalid_path.unlink()


def write_records(result: ParseResult, out_dir: Path, config: ParseConfig = ParseConfig()) -> Path:
    path = out_dir / "records.parquet"
    write_parquet(result.table, path, parquet_metadata("parse", config))
    _write_invalid(result, out_dir)
    return path
