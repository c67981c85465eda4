"""The nouns of the export: how it is configured (format, analysis, split, drop level) and what it
produced.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from qatool.common.answers import DEFAULT_MIN_ANSWER_CHARS
from qatool.common.schema import SEVERITIES

FORMATS = ("messages", "alpaca", "sharegpt")
ANALYSIS_MODES = ("merge", "drop", "field")
IMAGE_POLICIES = ("alt", "drop", "keep")


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
    images: str = "alt"  # alt | drop | keep
    min_answer_chars: int = DEFAULT_MIN_ANSWER_CHARS
    license: str = "unknown"

    def __post_init__(self):
        if self.format not in FORMATS:
            raise ValueError(f"--format must be one of {', '.join(FORMATS)}, got {self.format!r}")
        if self.with_analysis not in ANALYSIS_MODES:
            raise ValueError(f"--with-analysis must be one of {', '.join(ANALYSIS_MODES)}, got {self.with_analysis!r}")
        if not 0 <= self.val_ratio < 1:
            raise ValueError(f"--val-ratio must be in [0, 1), got {self.val_ratio}")
        if self.drop_level not in SEVERITIES:
            raise ValueError(f"drop level must be one of {', '.join(SEVERITIES)}")
        if self.images not in IMAGE_POLICIES:
            raise ValueError(f"--images must be one of {', '.join(IMAGE_POLICIES)}, got {self.images!r}")
        if self.min_answer_chars < 0:
            raise ValueError(f"--min-answer-chars must be 0 or more, got {self.min_answer_chars}")
        if not self.license.strip() or any(c.isspace() for c in self.license.strip()):
            raise ValueError(f"--license takes a licence identifier such as mit, apache-2.0, cc-by-4.0, other or unknown; got {self.license!r}")

    @property
    def allowed_artifacts(self) -> tuple[str, ...]:
        """Audit kinds that this export's policy leaves in on purpose."""
        return ("image",) if self.images == "keep" else ()


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
    audit: Any = None  # qatool.export.audit.Audit of the exported lines

    @property
    def exported(self) -> int:
        return self.stats["exported"]

    def add(self, split: str, line: dict[str, Any]) -> None:
        getattr(self, split).append(line)
