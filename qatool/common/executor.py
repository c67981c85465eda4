"""Where the batch-local work of every command runs: one `Executor` interface, a local process pool
(`LocalExecutor`) or Ray Data (`qatool.engines.ray.RayExecutor`, `--engine ray`).

A stage hands the executor a function `fn(shared, item)`, the items (files, record batches) and what
every call shares (a linter, a config): the shared part crosses to each worker once, the items one
by one, and the results come back in input order, with at most a few items per worker in flight.
Results never depend on the executor or on the number of processes.

>>> ex = LocalExecutor(jobs=1)
>>> list(ex.map(pow, [1, 2, 3], shared=2))
[2, 4, 8]
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from qatool.common.parallel import default_jobs, map_ordered

_SHARED: dict[str, Any] = {}


def _init_worker(fn: Callable[[Any, Any], Any], shared: Any) -> None:
    _SHARED["fn"], _SHARED["shared"] = fn, shared


def _call(item: Any) -> Any:
    return _SHARED["fn"](_SHARED["shared"], item)


class Executor:
    """The interface every fan-out goes through. `jobs`: how many workers (also the CPUs a local
    Ray instance is started with). This base class runs everything in this process."""

    name = "inline"

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, int(jobs))

    def map(self, fn: Callable[[Any, Any], Any], items: Iterable[Any], shared: Any = None, parallel: bool = True) -> Iterator[Any]:
        """`fn(shared, item)` for every item, in order. `parallel=False`: the caller knows the work is
        too small to be worth workers (it runs here)."""
        for item in items:
            yield fn(shared, item)

    def map_records(self, fn: Callable[[Any, Any], Any], records: Any, size: int, columns: list[str] | None = None,
                    shared: Any = None, batches: Iterable[Any] | None = None) -> Iterator[Any]:
        """`fn(shared, batch)` over consecutive batches of `size` records of a record store, in order:
        `batches` (the caller's own cut of them), or the store's Arrow batches of `columns`. Ray reads
        a store backed by a Parquet file there instead (only `columns`)."""
        items = batches if batches is not None else records.batches(size, columns)
        yield from self.map(fn, items, shared, parallel=len(records) > size)

    def candidates(self, keys: Any) -> Any:
        """Record pairs sharing an LSH band key; None: the caller's own (in-process) grouping."""
        return None

    def close(self) -> None:
        pass

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class LocalExecutor(Executor):
    """A process pool of `jobs` workers per map (none with one job); the shared part is sent to each
    worker once, when it starts."""

    name = "local"

    def map(self, fn: Callable[[Any, Any], Any], items: Iterable[Any], shared: Any = None, parallel: bool = True) -> Iterator[Any]:
        if self.jobs <= 1 or not parallel:
            yield from super().map(fn, items, shared)
            return
        if not isinstance(items, (list, tuple)):
            items = iter(items)
        from concurrent.futures import ProcessPoolExecutor

        workers = min(self.jobs, len(items)) if isinstance(items, (list, tuple)) else self.jobs
        if workers <= 1:
            yield from super().map(fn, items, shared)
            return
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(fn, shared)) as pool:
            yield from map_ordered(_call, items, pool)


def local(jobs: int | None = None) -> LocalExecutor:
    """A local executor with `jobs` processes (default: the machine's cores, at most 8)."""
    return LocalExecutor(jobs or default_jobs())
