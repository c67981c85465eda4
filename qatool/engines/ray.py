"""`qatool run --engine ray`: the same stages on Ray Data, for corpora that outgrow one machine.

Each stage keeps its batch function and only the place it runs changes, so the outputs are the
same bytes as the local engine's:

- parse + lint: a dataset of the input files, `map_batches` of `parse.stage.process_file` (a few files
  per task); the driver writes records.parquet and findings.parquet in input order.
- signatures: `read_parquet` of records.parquet, `map_batches` of `dedup.sketch._sketch_part` over Arrow
  batches; the driver keeps only the sketches (signatures and shingle sets, no text).
- LSH candidates: the band keys as rows (band, key, record), hash-shuffled by (band, key) with
  `repartition(keys=...)`, and each partition's buckets turned into pairs by `minhash.bucket_pairs`;
  a bucket never spans two partitions, so the pairs are those of the local engine.
- connected components (clusters): union-find over the verified pairs on the driver, which holds
  only record indices by then.
- export: `read_parquet` of records.parquet, `map_batches` of `export.stage._clean_part`, with what dedup,
  lint and review decided about each record broadcast once through the object store.

Results come back to the driver in order (`preserve_order`), one pickled result per batch.
Without an address a local Ray instance is started with `num_cpus` CPUs; with one (`ray://host:10001`
or `auto`) the job joins that cluster, whose nodes need qatool installed (`pip install qatool[ray]`).
"""
from __future__ import annotations

import logging
import os
import pickle
from functools import partial
from typing import Any, Callable, Iterable, Iterator

import numpy as np
import pyarrow as pa

from qatool.common.executor import Executor
from qatool.dedup.minhash import bucket_pairs


class EngineError(RuntimeError):
    """Ray is missing or cannot be reached."""


def _blob(value: Any) -> pa.Table:
    return pa.table({"out": pa.array([pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)], pa.large_binary())})


def _call_items(batch: pa.Table, fn: Callable[[Any, Any], Any], shared_ref: Any) -> pa.Table:
    shared = _get(shared_ref)  # Ray Data passes an ObjectRef in fn_args through as it is
    return _blob([fn(shared, pickle.loads(b)) for b in batch.column("item").to_pylist()])


def _call_records(batch: pa.Table, fn: Callable[[Any, Any], Any], shared_ref: Any) -> pa.Table:
    return _blob(fn(_get(shared_ref), batch))


def _bucket_pairs(part: pa.Table, max_group: int) -> pa.Table:

    band, key, row = (part.column(c).to_numpy() for c in ("band", "key", "row"))
    order = np.argsort(row, kind="stable")  # members in record order, as the local engine sees them
    band, key, row = band[order], key[order], row[order]
    out = [np.zeros((0, 2), np.int64)]
    for b in np.unique(band).tolist():
        at = np.flatnonzero(band == b)
        out.append(row[at][bucket_pairs(key[at][:, None], max_group)])
    pairs = np.concatenate(out)
    return pa.table({"a": pa.array(pairs[:, 0], pa.int64()), "b": pa.array(pairs[:, 1], pa.int64())})


_CACHE: dict[Any, Any] = {}


def _get(ref: Any) -> Any:
    """An object-store value, fetched once per worker process."""
    import ray

    key = ref.hex()
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = ray.get(ref)
    return _CACHE[key]


class RayExecutor(Executor):
    """The executor (`qatool.common.executor`) on Ray Data. `items_per_task`: items of a `map` per
    Ray task (files: a few per task); a record map reads its batches of rows (the stage's batch size,
    at most `rows_per_task`) from the Parquet file in the cluster. The outputs do not depend on them."""

    name = "ray"

    def __init__(self, address: str | None = None, num_cpus: int | None = None, items_per_task: int = 4,
                 partitions: int | None = None, rows_per_task: int | None = None):
        try:
            import ray
            import ray.data  # noqa: F401
        except ImportError as err:
            raise EngineError(f"--engine ray needs Ray Data ({err}); install it with: pip install 'qatool[ray]'") from None
        super().__init__(num_cpus or 1)
        self.ray = ray
        self.items_per_task, self.rows_per_task = items_per_task, rows_per_task
        self._started = not ray.is_initialized()
        if self._started:
            os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")
            try:
                ray.init(address=address, num_cpus=None if address else num_cpus, include_dashboard=False,
                         log_to_driver=False, logging_level=logging.WARNING, configure_logging=True)
            except (ConnectionError, RuntimeError, ValueError) as err:
                raise EngineError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {err}") from None
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # results come back in input order
        ctx.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        self.partitions = partitions or max(2, int(ray.cluster_resources().get("CPU", 2)))

    def close(self) -> None:
        if self._started:
            self.ray.shutdown()

    def _results(self, ds: Any, fn: Callable[..., pa.Table], batch_size: int, *args: Any) -> Iterator[Any]:
        """fn's pickled result per batch of `ds`, in order."""
        for b in ds.map_batches(fn, batch_size=batch_size, batch_format="pyarrow", fn_args=args).iter_batches(
                batch_size=1, batch_format="pyarrow"):
            yield pickle.loads(b.column("out")[0].as_py())

    def map(self, fn: Callable[[Any, Any], Any], items: Iterable[Any], shared: Any = None, parallel: bool = True) -> Iterator[Any]:
        items = list(items)
        if not items:
            return
        ds = self.ray.data.from_items([{"item": pickle.dumps(i)} for i in items], override_num_blocks=max(1, min(len(items), 200)))
        for per_batch in self._results(ds, _call_items, self.items_per_task, fn, self.ray.put(shared)):
            yield from per_batch

    def map_records(self, fn: Callable[[Any, Any], Any], records: Any, size: int, columns: list[str] | None = None,
                    shared: Any = None, batches: Iterable[Any] | None = None) -> Iterator[Any]:
        path = getattr(records, "path", None)
        if path is None:  # records held in this process: the items are the caller's batches
            yield from super().map_records(fn, records, size, columns, shared, batches)
            return
        ds = self.ray.data.read_parquet(str(path))
        if columns:
            ds = ds.select_columns([c for c in columns if c in records.names])
        yield from self._results(ds, _call_records, min(size, self.rows_per_task or size), fn, self.ray.put(shared))

    def candidates(self, keys: np.ndarray, max_group: int = 64) -> np.ndarray:
        n, bands = keys.shape
        if not n:
            return np.zeros((0, 2), np.int64)
        rows = pa.table({"band": np.repeat(np.arange(bands, dtype=np.int32)[None, :], n, axis=0).ravel(),
                         "key": keys.ravel(), "row": np.repeat(np.arange(n, dtype=np.int64), bands)})
        ds = self.ray.data.from_arrow(rows).repartition(self.partitions, keys=["band", "key"])
        buckets = ds.map_batches(partial(_bucket_pairs, max_group=max_group), batch_size=None, batch_format="pyarrow")
        tables = [t for t in buckets.iter_batches(batch_size=None, batch_format="pyarrow") if isinstance(t, pa.Table)]
        parts = [np.stack([t.column("a").to_numpy(), t.column("b").to_numpy()], axis=1) for t in tables if t.num_rows]
        if not parts:
            return np.zeros((0, 2), np.int64)
        code = np.unique(np.concatenate(parts).astype(np.int64) @ np.array([n, 1], dtype=np.int64))
        return np.stack([code // n, code % n], axis=1)


RayEngine = RayExecutor  # the name the stages and tests used before the executor interface
