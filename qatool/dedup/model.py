"""The nouns of dedup: a verified pair and the result of a dedup run.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qatool.dedup.config import DedupConfig

# ------------------------------------------------------------------------------------------ result


@dataclass
class Pair:
    a: int
    b: int
    kind: str  # exact | near
    reason: str  # exact-text | near-text | same-answer | near-answer
    est_jaccard: float | None
    jaccard: float
    question_jaccard: float | None = None
    answer_jaccard: float | None = None
    answer_containment: float | None = None  # mutual containment of the answers in answer + analysis (same question only)


@dataclass
class DedupResult:
    records: Any  # qatool.common.records.Records
    pairs: list[Pair]
    clusters: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]  # same-question groups with two or more distinct answers
    config: DedupConfig
    against: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step; not written to outputs
    ids: dict[int, str] = field(default_factory=dict)  # record index -> id, for the records in pairs and conflicts
    signatures: Any = None  # (sig (n, num_perm) uint32, exact digests (n, 2) uint64) of every record, for signatures.parquet
    record_ids: Any = None  # (ids, content hashes) of every record, in order

    @property
    def removed(self) -> int:
        return sum(len(c["members"]) - 1 for c in self.clusters)

    def duplicate_of(self) -> dict[str, str]:
        return {m: c["canonical"] for c in self.clusters for m in c["members"] if m != c["canonical"]}
