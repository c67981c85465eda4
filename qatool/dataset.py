"""The parse stage end to end: input paths -> validated records -> `records.parquet`.

>>> from pathlib import Path
>>> result = parse_paths([Path("corpus")])          # doctest: +SKIP
>>> write_records(result.table, Path("out/records.parquet"))  # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .io import InputFile, InputProblem, ReadLimits, SourceText, atomic_path, atomic_writer, discover, read_source
from .lint.document import doc_from_parsed
from .parallel import map_ordered
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
    from .lint.model import findings_arrow_schema

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


def parquet_metadata(stage: str, config: Any) -> dict[bytes, bytes]:
    return {b"qatool": json.dumps({"version": __version__, "stage": stage, "config": asdict(config)},
                                  sort_keys=True, ensure_ascii=False).encode("utf-8")}


ROW_GROUP = 64 * 1024
PARQUET_OPTIONS = {"compression": "zstd", "write_statistics": True}


def write_parquet(table: pa.Table, path: Path, metadata: dict[bytes, bytes] | None = None) -> None:
    """Write Parquet atomically and deterministically (explicit schema, no timestamps, fixed row groups)."""
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, row_group_size=ROW_GROUP, **PARQUET_OPTIONS)


class ParquetStream:
    """Rows appended in batches to one Parquet file, in row groups of ROW_GROUP rows like
    `write_parquet`, so the bytes are the same as writing the whole table at once; written to a
    temporary file that replaces `path` only when the stream closes without an error."""

    def __init__(self, path: Path, schema: pa.Schema, metadata: dict[bytes, bytes] | None = None):
        self.schema = schema.with_metadata({**(schema.metadata or {}), **metadata}) if metadata else schema
        self._stack = contextlib.ExitStack()
        self._tmp = self._stack.enter_context(atomic_path(path))
        self._writer = self._stack.enter_context(pq.ParquetWriter(self._tmp, self.schema, **PARQUET_OPTIONS))
        self._pending: list[pa.Table] = []
        self._rows = 0

    def write(self, rows: list[dict[str, Any]] | pa.Table) -> None:
        table = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(rows, schema=self.schema)
        if table.num_rows:
            self._pending.append(table)
            self._rows += table.num_rows
        while self._rows >= ROW_GROUP:
            self._flush(ROW_GROUP)

    def _flush(self, n: int) -> None:
        whole = pa.concat_tables(self._pending)
        # one contiguous chunk, as `write_parquet` gets it: the pages (and so the bytes) come out the same
        self._writer.write_table(whole.slice(0, n).combine_chunks(), row_group_size=ROW_GROUP)
        rest = whole.slice(n)
        self._pending, self._rows = ([rest] if rest.num_rows else []), rest.num_rows

    def __enter__(self) -> "ParquetStream":
        return self

    def __exit__(self, *exc: Any) -> bool:
        if exc[0] is None and self._rows:
            self._flush(self._rows)
        return self._stack.__exit__(*exc)


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


def read_records(path: Path) -> pa.Table:
    return pq.read_table(path)


class TableRows(Sequence):
    """Records held as a pyarrow Table, seen as a sequence of dicts that are built only for the rows
    read (dedup, export and review need whole rows of a few records, columns of all)."""

    def __init__(self, table: pa.Table):
        self.table = table
        self._rows: dict[int, dict[str, Any]] = {}
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return self.table.num_rows

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        if i not in self._rows:
            self.prefetch([i])
        return self._rows[i]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for b in self.batches(2000):
            yield from b.to_pylist()

    def column(self, name: str) -> list[Any]:
        return self.table.column(name).to_pylist()

    def batches(self, size: int, columns: Sequence[str] | None = None) -> Iterator[pa.RecordBatch]:
        t = self.table.select([c for c in columns if c in self.table.column_names]) if columns else self.table
        yield from t.to_batches(max_chunksize=size)

    def prefetch(self, idx: Iterable[int]) -> None:
        """Keep whole rows of these records for `records[i]`."""
        self._rows.update(self.take(set(int(i) for i in idx) - self._rows.keys()))

    def take(self, idx: Iterable[int], columns: Sequence[str] | None = None) -> dict[int, dict[str, Any]]:
        """index -> row (of these columns only, if given) for these records; nothing is kept."""
        need = sorted(set(int(i) for i in idx))
        t = self.table.select(list(columns)) if columns else self.table
        return dict(zip(need, t.take(pa.array(need, pa.int64())).to_pylist())) if need else {}

    def by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Whole rows of the records with these ids (unknown ids are left out)."""
        if self._index is None:
            self._index = {rid: k for k, rid in enumerate(self.column("id"))}
        idx = [self._index[i] for i in set(ids) if i in self._index]
        self.prefetch(idx)
        return {self._rows[k]["id"]: self._rows[k] for k in idx}


class ParquetRows(TableRows):
    """The records of a Parquet file, streamed: columns are read in batches, whole rows only for the
    records asked for (a second pass picks them out), so memory does not grow with the file."""

    take_batch = 8192  # rows read at a time while picking rows out

    def __init__(self, path: Path):
        self.path = Path(path)
        self.file = pq.ParquetFile(self.path)
        self.names = self.file.schema_arrow.names
        self._rows = {}
        self._index = None

    def __len__(self) -> int:
        return self.file.metadata.num_rows

    def column(self, name: str) -> list[Any]:
        return self.file.read(columns=[name], use_threads=False).column(name).to_pylist()

    def batches(self, size: int, columns: Sequence[str] | None = None) -> Iterator[pa.RecordBatch]:
        cols = [c for c in columns if c in self.names] if columns else None
        yield from self.file.iter_batches(batch_size=size, columns=cols, use_threads=False)

    def take(self, idx: Iterable[int], columns: Sequence[str] | None = None) -> dict[int, dict[str, Any]]:
        need = np.array(sorted(set(int(i) for i in idx)), dtype=np.int64)
        out: dict[int, dict[str, Any]] = {}
        lo, last = 0, int(need[-1]) if len(need) else -1
        for b in self.batches(self.take_batch, columns):
            if lo > last:
                break
            hi = lo + b.num_rows
            here = need[(need >= lo) & (need < hi)]
            if len(here):
                out.update(zip(here.tolist(), b.take(pa.array(here - lo)).to_pylist()))
            lo = hi
        return out


def record_batches(records: Sequence[dict[str, Any]], size: int = 2000) -> Iterator[list[dict[str, Any]]]:
    """Whole records in consecutive lists of `size`, from a list or a (streamed) TableRows."""
    if isinstance(records, TableRows):
        for b in records.batches(size):
            yield b.to_pylist()
        return
    for lo in range(0, len(records), size):
        yield list(records[lo:lo + size])


def rows_at(records: Sequence[dict[str, Any]], idx: Iterable[int], columns: Sequence[str] | None = None) -> dict[int, dict[str, Any]]:
    """index -> row (only these columns, if given) of some records, from a list or a (streamed) table."""
    if isinstance(records, TableRows):
        return records.take(idx, columns)
    return {i: ({c: records[i][c] for c in columns} if columns else records[i]) for i in sorted(set(int(i) for i in idx))}


def values_by_id(records: Sequence[dict[str, Any]], ids: Iterable[str], column: str) -> dict[str, Any]:
    """id -> value of one column for the records with these ids, reading only two columns of a
    (streamed) table."""
    want = set(ids)
    if isinstance(records, TableRows):
        out: dict[str, Any] = {}
        for b in records.batches(65536, ["id", column]):
            for rid, v in zip(b.column("id").to_pylist(), b.column(column).to_pylist()):
                if rid in want:
                    out[rid] = v
        return out
    return {r["id"]: r[column] for r in records if r["id"] in want}


def rows_by_id(records: Sequence[dict[str, Any]], ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Whole rows of the records with these ids (from a list, or read from a (streamed) table)."""
    if isinstance(records, TableRows):
        return records.by_id(ids)
    want = set(ids)
    return {r["id"]: r for r in records if r["id"] in want}
