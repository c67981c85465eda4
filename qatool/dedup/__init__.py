"""The dedup stage: records -> verified duplicate pairs, clusters with a canonical member, and
same-question conflict groups.

In: records (a list, an Arrow table or `records.parquet`, streamed) and, for the canonical policy, lint
findings. Out: `DedupResult`, written as `dups.parquet`, `clusters.parquet`, `conflicts.parquet`,
`signatures.parquet` and `dedup_report.json/.md`.

`tokenize` (jieba) and `minhash` (hashing, MinHash, LSH) are the tools; `sketch` is the batch-local
map (records -> sketches, no text); `candidates` the global step (LSH + exact Jaccard);
`groups` the clusters and canonical policy; `against` the check against an existing dataset;
`report` the outputs; `stage` ties them together.
"""
from __future__ import annotations

from qatool.dedup.against import load_external
from qatool.dedup.config import DedupConfig
from qatool.dedup.groups import finding_counts
from qatool.dedup.minhash import shingle_hash32
from qatool.dedup.model import DedupResult, Pair
from qatool.dedup.report import REPORT_DIFFS, clusters_table, conflicts_table, dups_table, report, write_dedup
from qatool.dedup.sketch import normalize_for_dedup, record_shingles
from qatool.dedup.stage import dedup_records, find_duplicates

__all__ = ["REPORT_DIFFS", "DedupConfig", "DedupResult", "Pair", "clusters_table", "conflicts_table", "dedup_records", "dups_table",
           "find_duplicates", "finding_counts", "load_external", "normalize_for_dedup", "record_shingles", "report",
           "shingle_hash32", "write_dedup"]
