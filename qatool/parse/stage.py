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

from qatool.common.executor import Executor, LocalExecutor
from qatool.common.io import InputFile, InputProblem, ReadLimits, atomic_writer, discover, read_source
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


def parse_paths(paths: list[Path], config: ParseConfig = ParseConfig(), linter: Any = None, jobs: int = 1,
                executor: Executor | None = None) -> ParseResult:
    """Discover, read, parse and validate every input (and lint it, given a linter), on `executor`
    (default: `jobs` local processes). Problems with one file never stop the others."""
    inputs, usage_errors = discover(paths)
    result = parse_inputs(inputs, config, linter, jobs=jobs, executor=executor)
    result.usage_errors = usage_errors
    result.problems[:0] = usage_errors
    return result


@dataclass(frozen=True)
class FileJob:
    """What is done to every input file: read it (within `config`'s limits), parse it, lint the same
    parse when there is a linter, validate its records. `qatool parse`, `lint`, `run` and
    `dedup PATHS` all take this one path (`process_file`), so they see a file the same way."""

    config: ParseConfig = ParseConfig()
    linter: Any = None  # a qatool.lint.Linter (duck-typed: parse sits below lint)
    validate: bool = True  # schema-validate records (`qatool lint` does not need them)
    parse_problems: bool = True  # report the parser's warnings (`qatool lint` has rules for what they say)
    count_hidden: bool = False  # count the findings of off-by-default autofix rules (`qatool lint`'s summary)
    keep_doc: bool = False  # keep the lint view of the document (bench/realworld_lint.py)


@dataclass
class FileResult:
    """One file done: its report, valid and invalid records, problems (reading, parsing, failed
    rules), lint findings; `read` is False when the file could not be read at all."""

    report: FileReport
    valid: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)
    hidden: Counter[str] = field(default_factory=Counter)
    doc: Any = None
    read: bool = True


def process_file(job: FileJob, inp: InputFile, shown: str | None = None) -> FileResult:
    """Read, parse, lint and validate one file. `shown`: the name findings carry (default: the
    file's source). A rule that raises or times out is one error problem naming the rule; the
    file's records and other findings are kept."""
    src = read_source(inp, job.config.limits)
    if isinstance(src, InputProblem):
        return FileResult(FileReport(inp.source, "error", messages=[str(src)]), problems=[src], read=False)
    doc = parse_text(src.text, src.source)
    records = doc.records
    file_problems = src.problems + (doc.problems if job.parse_problems else [])
    res = FileResult(FileReport(inp.source, "ok"), problems=file_problems)
    if job.linter is not None:
        lint = job.linter.lint_file(doc, src.text, src.path, shown, count_hidden=job.count_hidden, keep_doc=job.keep_doc)
        file_problems.extend(InputProblem(src.source, "error", e) for e in lint.errors)
        res.findings, res.hidden, res.doc = lint.findings, lint.hidden, lint.doc
    res.report = FileReport(inp.source, "warning" if file_problems else "ok", src.encoding, len(records),
                            dict(sorted(Counter(r["kind"] for r in records).items())), [str(p) for p in file_problems])
    res.valid, res.invalid = validate(records) if job.validate else (records, [])
    return res


def _process_item(job: FileJob, item: tuple[InputFile, str | None]) -> FileResult:
    return process_file(job, *item)


def file_results(inputs: list[InputFile], job: FileJob, executor: Executor | None = None,
                 shown: list[str] | None = None) -> Iterator[FileResult]:
    """`process_file` of every input, in input order, on `executor` (default: this process; a
    process pool or Ray keep at most a few files ahead of the consumer)."""
    items = list(zip(inputs, shown if shown is not None else [None] * len(inputs)))
    yield from (executor or Executor()).map(_process_item, items, shared=job)


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

    def add(self, res: FileResult) -> None:
        self.reports.append(res.report)
        self.invalid.extend(res.invalid)
        self.problems.extend(res.problems)
        self.records += len(res.valid)
        for f in res.findings:
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
                 on_file: Callable[[int], None] | None = None, jobs: int = 1, executor: Executor | None = None) -> ParseResult:
    """Files are independent: on `executor` (default: `jobs` local processes) they are parsed (and
    linted) in parallel, and the result is the same as with one process (results are taken in input order)."""
    tally = _Tally()
    findings: list[Any] = []
    valid: list[dict[str, Any]] = []
    for res in file_results(inputs, FileJob(config, linter), executor or LocalExecutor(jobs)):
        tally.add(res)
        valid.extend(res.valid)
        findings.extend(res.findings)
        if on_file is not None:
            on_file(1)
    return tally.result(records_table(valid), findings)


def parse_to_parquet(inputs: list[InputFile], out_dir: Path, config: ParseConfig = ParseConfig(), linter: Any = None,
                     on_file: Callable[[int], None] | None = None, jobs: int = 1, executor: Executor | None = None) -> ParseResult:
    """`parse_inputs`, streamed: each file's records and findings are appended to OUT/records.parquet
    and OUT/findings.parquet as it is done, so memory does not grow with the corpus. The files are
    byte-identical to `write_records` / `write_parquet` of the in-memory result. The result keeps
    reports, problems, invalid records and finding counts, not the rows. The files are parsed and
    linted on `executor` (default: `jobs` local processes; or Ray) and written here in input order."""

    tally = _Tally()
    with ParquetStream(out_dir / "records.parquet", arrow_schema(), parquet_metadata("parse", config)) as rec_out, \
            ParquetStream(out_dir / "findings.parquet", findings_arrow_schema()) as find_out:
        for res in file_results(inputs, FileJob(config, linter), executor or LocalExecutor(jobs)):
            tally.add(res)
            rec_out.write(res.valid)
            find_out.write([f.as_dict() for f in res.findings])
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
