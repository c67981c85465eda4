"""How dedup is configured: one knob (`threshold`) with escape hatches (`bands`, `rows`), written into
the outputs' metadata.

>>> DedupConfig().bands_rows()
(16, 8)
"""
from __future__ import annotations

from dataclasses import dataclass

from qatool.dedup.minhash import bands_for_recall, optimal_bands


@dataclass(frozen=True)
class DedupConfig:
    """One knob (`threshold`) with escape hatches (`bands`, `rows`). Written into the outputs' metadata."""

    threshold: float = 0.8  # Jaccard of the shingle sets (see `shingle`)
    num_perm: int = 128
    shingle: str = "word:2"  # word:N over jieba tokens (the design card's MinHash over jieba tokens), or char:N
    scope: str = "qa"  # qa | question | answer
    seed: int = 1
    scheme: str = "affine32"  # datasketch's permutation scheme: affine32 (datasketch >= 2.0) or legacy
    representatives: int = 8  # distinct answers each same-question group is compared against (work per member)
    bands: int | None = None
    rows: int | None = None
    min_shingles: int = 3  # texts with fewer word shingles fall back to char:5
    question_shingle: str = "char:3"  # questions are short: character trigrams
    question_threshold: float = 0.9  # "same question": stricter than near-duplicate text
    min_same_answer_chars: int = 20  # identical answers shorter than this are not reported
    user_dicts: tuple[str, ...] = ()
    segmenter: str = "auto"  # auto | jieba | rjieba

    def __post_init__(self):
        kind, _, n = self.shingle.partition(":")
        if kind not in ("word", "char") or not n.isdigit() or int(n) < 1:
            raise ValueError(f"--shingle must be word:N or char:N, got {self.shingle!r}")
        if self.scope not in ("qa", "question", "answer"):
            raise ValueError(f"--scope must be qa, question or answer, got {self.scope!r}")
        if self.scheme not in ("affine32", "legacy"):
            raise ValueError(f"--minhash-scheme must be affine32 or legacy, got {self.scheme!r}")
        if self.representatives < 1:
            raise ValueError("representatives must be at least 1")
        if not 0 < self.threshold <= 1:
            raise ValueError("--threshold must be in (0, 1]")
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give --bands and --rows together")
        if self.bands and self.bands * self.rows > self.num_perm:
            raise ValueError(f"--bands x --rows ({self.bands * self.rows}) exceeds --num-perm ({self.num_perm})")

    def bands_rows(self) -> tuple[int, int]:
        if self.bands and self.rows is not None:  # __post_init__: given together
            return self.bands, self.rows
        return optimal_bands(self.threshold, self.num_perm)

    def question_bands_rows(self) -> tuple[int, int]:
        """Question LSH: banded for question_threshold with recall >= 0.99 there (equal questions are
        paired by their digest anyway)."""
        return bands_for_recall(self.question_threshold, self.num_perm, 0.99)
