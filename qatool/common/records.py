"""Record stores and Parquet files: deterministic, atomic Parquet writing (whole tables or streamed in
row groups) and the record sequences the stages read (`TableRows` over an Arrow table, `ParquetRows`
streamed from a file), with accessors that read only the columns or rows asked for.
"""
from __future__ import annotations

import contextlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from qatool.common.io import atomic_path
from qatool.common.version import __version__


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

    def __exit__(self, *exc: Any) -> bool | None:
        if exc[0] is None and self._rows:
            self._flush(self._rows)
        return self._stack.__exit__(*exc)


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

    def __getitem__(self, i):
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
