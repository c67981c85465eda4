"""The dedup stage end to end: records (a list, an Arrow table or a streamed Parquet file) -> sketches on
an executor (local processes or Ray) -> the global step -> `DedupResult`; with lint findings for the canonical policy
and `--against` datasets.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pyarrow as pa

from qatool.common.executor import Executor
from qatool.common.records import Records, as_records
from qatool.dedup.against import StoredSignatures, find_against, load_external
from qatool.dedup.candidates import global_step
from qatool.dedup.config import DedupConfig
from qatool.dedup.groups import finding_counts
from qatool.dedup.model import DedupResult
from qatool.dedup.sketch import resolved_backend, sketch_records


def find_duplicates(records: Sequence[dict[str, Any]] | pa.Table | Path, cfg: DedupConfig = DedupConfig(),
                    finding_counts: dict[str, tuple[int, int]] | None = None, batch: int = 2000,
                    external: Mapping[str, list[dict[str, Any]] | StoredSignatures] | None = None, executor: Executor | None = None) -> DedupResult:
    """The whole dedup step over records in source order (a list of dicts, a pyarrow Table, or the
    path of a records Parquet file, which is streamed): the batch-local sketches on `executor`
    (default: this process), then the global step; with `external` datasets, also the records that
    duplicate them. On Ray (`qatool.engines.ray`), a streamed file is sketched and the band keys are
    grouped there."""
    import time

    t0 = time.perf_counter()
    records = as_records(records)
    backend = resolved_backend(cfg)
    sk = sketch_records(records, cfg, backend, executor, batch)
    timings = {"sign": time.perf_counter() - t0}
    res = global_step(records, sk, cfg, finding_counts or {}, timings, executor)
    res.signatures = (sk.sig, sk.exact)
    res.record_ids = _record_ids(records)
    if external:
        res.against = find_against(records, external, cfg, sk)
        res.stats["against_hits"] = len(res.against)
    return res


def _record_ids(records: Records) -> tuple[list[str], list[str]]:
    hashes = records.column("content_hash") if "content_hash" in records.names else [""] * len(records)
    return records.column("id"), [h or "" for h in hashes]


def dedup_records(records: Sequence[dict[str, Any]] | pa.Table | Path, cfg: DedupConfig, findings: Iterable[Any] | pa.Table = (),
                  against: Sequence[Path] = (), executor: Executor | None = None) -> tuple[DedupResult, dict[str, tuple[int, int]]]:
    """find_duplicates with lint findings (for the canonical policy) and --against files."""
    counts = finding_counts(findings)
    external = {str(p): load_external(p) for p in against} if against else None
    return find_duplicates(records, cfg, counts, external=external, executor=executor), counts
