"""Records and Parquet files: deterministic, atomic Parquet writing (whole tables or streamed in row
groups) and the one record store the stages read (`Records`: an Arrow table in memory or a Parquet
file streamed), with accessors that read only the columns or rows asked for.
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


class Records(Sequence):
    """The one record store every stage reads: records held as a list of dicts or an Arrow table in
    memory, or streamed from a Parquet file (`path`), seen as a sequence of dicts (built only for the
    rows read). One set of accessors whatever holds them: `column`, `batches` (Arrow batches of some
    columns), `row_batches`, `take` (some rows, some columns), `by_id`, `values_by_id`. A file is read
    in batches (columns), and a second pass picks out the whole rows asked for, so memory does not
    grow with the file; a list is used as it is (a caller's changes to its dicts are seen).

    >>> recs = Records([{"id": "a", "question": "q1"}, {"id": "b", "question": "q2"}])
    >>> len(recs), recs.column("id"), recs.take([1], ["question"]), recs.path is None
    (2, ['a', 'b'], {1: {'question': 'q2'}}, True)
    """

    take_batch = 8192  # rows read at a time while picking rows out of a file

    def __init__(self, source: "Records | pa.Table | Path | str | Iterable[dict[str, Any]]"):
        self.path: Path | None = None
        self.table: Any = None  # pa.Table, when the records are held as one
        self.rows: Any = None  # list[dict], when they are held as a list
        if isinstance(source, Records):
            self.path, self.table, self.rows = source.path, source.table, source.rows
        elif isinstance(source, pa.Table):
            self.table = source
        elif isinstance(source, (str, Path)):
            self.path = Path(source)
        else:
            self.rows = source if isinstance(source, list) else list(source)
        self.file: Any = pq.ParquetFile(self.path) if self.path is not None else None
        if self.file is not None:
            self.names = self.file.schema_arrow.names
        elif self.table is not None:
            self.names = self.table.column_names
        else:  # every key any row has (a row without one reads as null there)
            self.names = list(dict.fromkeys(k for r in self.rows for k in r))
        self._rows: dict[int, dict[str, Any]] = {}
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        if self.rows is not None:
            return len(self.rows)
        return self.file.metadata.num_rows if self.file is not None else self.table.num_rows

    def __getitem__(self, i):
        if self.rows is not None:
            return self.rows[i]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        if i not in self._rows:
            self.prefetch([i])
        return self._rows[i]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if self.rows is not None:
            yield from self.rows
            return
        for b in self.batches(2000):
            yield from b.to_pylist()

    def column(self, name: str) -> list[Any]:
        if self.rows is not None:
            return [r.get(name) for r in self.rows]
        if self.file is not None:
            return self.file.read(columns=[name], use_threads=False).column(name).to_pylist()
        return self.table.column(name).to_pylist()

    def batches(self, size: int, columns: Sequence[str] | None = None) -> Iterator[pa.RecordBatch]:
        """Consecutive Arrow batches of at most `size` records, of these columns (those that exist) or all."""
        cols = [c for c in columns if c in self.names] if columns else None
        if self.rows is not None:
            for lo in range(0, len(self.rows), size):
                part = self.rows[lo:lo + size]
                yield pa.RecordBatch.from_pydict({c: [r.get(c) for r in part] for c in (cols or self.names)})
        elif self.file is not None:
            yield from self.file.iter_batches(batch_size=size, columns=cols, use_threads=False)
        else:
            yield from (self.table.select(cols) if cols else self.table).to_batches(max_chunksize=size)

    def row_batches(self, size: int) -> Iterator[list[dict[str, Any]]]:
        """Whole records in consecutive lists of `size`."""
        if self.rows is not None:
            for lo in range(0, len(self.rows), size):
                yield self.rows[lo:lo + size]
            return
        for b in self.batches(size):
            yield b.to_pylist()

    def prefetch(self, idx: Iterable[int]) -> None:
        """Keep whole rows of these records for `records[i]`."""
        self._rows.update(self.take(set(int(i) for i in idx) - self._rows.keys()))

    def take(self, idx: Iterable[int], columns: Sequence[str] | None = None) -> dict[int, dict[str, Any]]:
        """index -> row (of these columns only, if given; a column the records lack is left out) for
        these records; nothing is kept."""
        if self.rows is not None:
            cols = [c for c in columns if c in self.names] if columns else None
            return {i: ({c: self.rows[i].get(c) for c in cols} if cols is not None else self.rows[i])
                    for i in sorted(set(int(i) for i in idx))}
        if self.file is None:
            need_list = sorted(set(int(i) for i in idx))
            if not need_list:
                return {}
            t = self.table.select([c for c in columns if c in self.names]) if columns else self.table
            return dict(zip(need_list, t.take(pa.array(need_list, pa.int64())).to_pylist()))
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

    def by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Whole rows of the records with these ids (unknown ids are left out)."""
        if self.rows is not None:
            want = set(ids)
            return {r["id"]: r for r in self.rows if r["id"] in want}
        if self._index is None:
            self._index = {rid: k for k, rid in enumerate(self.column("id"))}
        idx = [self._index[i] for i in set(ids) if i in self._index]
        self.prefetch(idx)
        return {self._rows[k]["id"]: self._rows[k] for k in idx}

    def values_by_id(self, ids: Iterable[str], column: str) -> dict[str, Any]:
        """id -> value of one column for the records with these ids, reading only two columns."""
        want = set(ids)
        if self.rows is not None:
            return {r["id"]: r.get(column) for r in self.rows if r["id"] in want}
        out: dict[str, Any] = {}
        for b in self.batches(65536, ["id", column]):
            for rid, v in zip(b.column("id").to_pylist(), b.column(column).to_pylist()):
                if rid in want:
                    out[rid] = v
        return out


def as_records(records: "Records | pa.Table | Path | str | Iterable[dict[str, Any]]") -> Records:
    """The record store of a list of dicts, an Arrow table or a Parquet file (a store is itself)."""
    return records if isinstance(records, Records) else Records(records)


# the names the stages used before there was one store type
TableRows = ParquetRows = Records
