"""The nouns of the export: how it is configured (format, analysis, split, drop level) and what it
produced.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from qatool.common.schema import SEVERITIES

FORMATS = ("messages", "alpaca", "sharegpt")
ANALYSIS_MODES = ("merge", "drop", "field")


@dataclass(frozen=True)
class ExportConfig:
    format: str = "messages"
    system: str | None = None
    with_analysis: str = "merge"  # merge | drop | field
    val_ratio: float = 0.05
    keep_flagged: bool = False
    drop_level: str = "error"
    meta: bool = True
    split_seed: str = "qatool-split-v1"

    def __post_init__(self):
        if self.format not in FORMATS:
            raise ValueError(f"--format must be one of {', '.join(FORMATS)}, got {self.format!r}")
        if self.with_analysis not in ANALYSIS_MODES:
            raise ValueError(f"--with-analysis must be one of {', '.join(ANALYSIS_MODES)}, got {self.with_analysis!r}")
        if not 0 <= self.val_ratio < 1:
            raise ValueError(f"--val-ratio must be in [0, 1), got {self.val_ratio}")
        if self.drop_level not in SEVERITIES:
            raise ValueError(f"drop level must be one of {', '.join(SEVERITIES)}")


class ExportSink(Protocol):
    def add(self, split: str, line: dict[str, Any]) -> None: ...


@dataclass
class ExportResult:
    train: list[dict[str, Any]]
    val: list[dict[str, Any]]
    quarantine: list[dict[str, Any]]
    stats: dict[str, Any]
    stale: list[dict[str, Any]]
    config: ExportConfig

    @property
    def exported(self) -> int:
        return self.stats["exported"]

    def add(self, split: str, line: dict[str, Any]) -> None:
        getattr(self, split).append(line)
