"""Ordered, bounded parallel map over a process pool: the one way stages spread batches over cores."""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator


def map_ordered(fn: Callable[[Any], Any], args: Iterable[Any], pool: ProcessPoolExecutor | None, window: int = 4) -> Iterator[Any]:
    """fn over args, in order, on the pool when given, with at most `window` tasks per worker in
    flight, so that inputs are produced (and memory used) only as fast as the workers consume them."""
    if pool is None:
        for a in args:
            yield fn(a)
        return
    pending: deque = deque()
    limit = window * max(1, getattr(pool, "_max_workers", 1))
    for a in args:
        pending.append(pool.submit(fn, a))
        if len(pending) >= limit:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
