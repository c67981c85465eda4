"""The batch-local dedup map: records -> sketches (no text). Normalise, segment once with jieba, hash
tokens and shingles, MinHash; digests for exact matches. Batches run on the process pool (or Ray)
and spool to disk before they are assembled.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pyarrow as pa

from qatool.common.normalize import nfkc
from qatool.common.parallel import map_ordered
from qatool.common.records import ParquetRows, TableRows
from qatool.dedup.config import DedupConfig
from qatool.dedup.minhash import ShingleSets, _codepoints, char_ngram_hashes, char_shingles, joined_token_hashes, minhash, sets_from, word_sets
from qatool.dedup.tokenize import get_segmenter

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<[^>\n]{1,80}>")
_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}|[-+]|\d+[.)、])[ \t]+", re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # never content; the segmenter batches use some as markers


def normalize_for_dedup(text: str) -> str:
    """NFKC (full-width to half-width), Markdown markup and control characters stripped, white space
    collapsed, case folded."""
    text = nfkc(text or "")
    if "](" in text:
        text = _LINK.sub(r" \1 ", text)
    if "<" in text:
        text = _HTML.sub(" ", text)
    text = _CONTROL.sub(" ", _LINE_MARK.sub(" ", text))
    for mark in "*_`~":
        if mark in text:
            text = text.replace(mark, " ")
    return " ".join(text.split()).casefold()


# ------------------------------------------------------------------------------------- signatures


def scoped(qnorm: str, anorm: str, scope: str) -> str:
    """The compared text from the normalised question and answer."""
    return qnorm if scope == "question" else anorm if scope == "answer" else f"{qnorm} {anorm}"


def scope_text(rec: dict[str, Any], scope: str) -> str:
    if scope == "question":
        return rec["question"]
    if scope == "answer":
        return rec["answer"]
    return f"{rec['question']}\n{rec['answer']}"


_NONE = bytes(16)


def _digests(texts: list[str], ok: Iterable[bool]) -> np.ndarray:
    """(n, 2) uint64: 128-bit blake2b of each text with spaces removed; all zero where not `ok`."""
    buf = b"".join(hashlib.blake2b(t.replace(" ", "").encode("utf-8"), digest_size=16).digest() if k else _NONE
                   for t, k in zip(texts, ok))
    return np.frombuffer(buf, dtype=np.uint64).reshape(-1, 2).copy()


def _sets_for(spec: str, texts: list[str], tokens: tuple[np.ndarray, np.ndarray] | None, min_shingles: int) -> ShingleSets:
    """Shingle sets of texts: char n-grams, or word n-grams of their (token hash, record) arrays;
    a text with fewer than `min_shingles` word shingles falls back to character 5-grams."""
    kind, _, k = spec.partition(":")
    n = len(texts)
    if kind == "char":
        return char_shingles(texts, int(k))
    th, rec = tokens
    sets = word_sets(th, rec, n, int(k))
    short = np.flatnonzero(sets.sizes() < min_shingles)
    if not len(short):
        return sets
    keep = np.ones(n, dtype=bool)
    keep[short] = False
    rec_all = np.repeat(np.arange(n, dtype=np.int64), sets.sizes())
    m = keep[rec_all]
    frec, fsh = char_ngram_hashes([texts[i] for i in short], 5)
    return sets_from([(rec_all[m], sets.values[m]), (short[frec], fsh)], n)


def _segment(seg, left: list[str], right: list[str] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token hashes of a batch, their record index, and whether each token is on the right side
    (the answer). The segmenter's raw tokens of all texts are joined into one string (NUL between
    tokens, 0x02 between the sides, 0x01 between records) and hashed as numpy code points."""
    if right is None:
        parts = ["\x00".join(seg.raw_cut(t)) for t in left]
    else:
        parts = ["\x00".join(seg.raw_cut(q)) + "\x02" + "\x00".join(seg.raw_cut(a)) for q, a in zip(left, right)]
    cp = _codepoints("\x01".join(parts))
    th, start = joined_token_hashes(cp)
    rec = np.searchsorted(np.flatnonzero(cp == 1), start)
    side = np.searchsorted(np.flatnonzero(cp == 2), start) > rec if right is not None else np.zeros(len(start), bool)
    return th, rec.astype(np.int64), side


@dataclass
class Sketch:
    """What the global dedup step needs of records, and no text: digests for exact matches (all zero
    = none), MinHash signatures, and shingle sets for the exact Jaccard of the scoped text, the
    answer and the question."""

    exact: np.ndarray  # (n, 2) uint64, scoped text
    answer: np.ndarray  # (n, 2) uint64, answers of at least min_same_answer_chars
    question: np.ndarray  # (n, 2) uint64, non-empty questions
    completeness: np.ndarray  # (n,) int64: characters of normalised answer + analysis
    sig: np.ndarray  # (n, num_perm) uint32, scoped text
    qsig: np.ndarray  # (n, num_perm) uint32, question
    sets: ShingleSets
    asets: ShingleSets
    qsets: ShingleSets

    def __len__(self) -> int:
        return len(self.completeness)


class SketchSpool:
    """Batch sketches kept on disk as they arrive (a temporary folder), then assembled into one
    Sketch with every array allocated once: the peak is the whole sketch plus one batch, where
    holding the batches and concatenating them would need the whole sketch twice."""

    ARRAYS = ("exact", "answer", "question", "completeness", "sig", "qsig")
    SETS = ("sets", "asets", "qsets")

    def __init__(self, num_perm: int):
        self.num_perm = num_perm
        self._dir = tempfile.TemporaryDirectory(prefix="qatool-sketch-")
        self._parts: list[tuple[Path, int, dict[str, int]]] = []  # file, records, set values per set
        self._first: dict[str, np.ndarray] = {}
        self._shared = False

    def add(self, sk: Sketch) -> None:
        self._shared = sk.asets is sk.sets  # scope "answer": the answer sets are the compared sets
        arrays = {name: getattr(sk, name) for name in self.ARRAYS}
        for name in self.SETS:
            if not (name == "asets" and self._shared):
                arrays[f"{name}.values"], arrays[f"{name}.offsets"] = getattr(sk, name).values, getattr(sk, name).offsets
        if not self._first:
            self._first = {k: v[:0] for k, v in arrays.items()}  # dtypes and row shapes
        path = Path(self._dir.name) / f"{len(self._parts):06d}.npz"
        np.savez(path, **arrays)
        self._parts.append((path, len(sk), {n: len(arrays[f"{n}.values"]) for n in self.SETS if f"{n}.values" in arrays}))

    def assemble(self) -> Sketch:
        try:
            n = sum(k for _, k, _ in self._parts)
            if not self._parts:
                z2, zs = np.zeros((0, 2), np.uint64), np.zeros((0, self.num_perm), np.uint32)
                empty = ShingleSets(np.zeros(0, np.uint32), np.zeros(1, np.int64))
                return Sketch(z2, z2, z2, np.zeros(0, np.int64), zs, zs, empty, empty, empty)
            out: dict[str, Any] = {name: np.empty((n,) + self._first[name].shape[1:], self._first[name].dtype) for name in self.ARRAYS}
            names = [m for m in self.SETS if f"{m}.values" in self._first]
            sets = {m: ShingleSets(np.empty(sum(p[2][m] for p in self._parts), np.uint32), np.empty(n + 1, np.int64)) for m in names}
            row, pos = 0, dict.fromkeys(names, 0)
            for path, k, sizes in self._parts:
                with np.load(path) as z:
                    for name in self.ARRAYS:
                        out[name][row:row + k] = z[name]
                    for m in names:
                        sets[m].values[pos[m]:pos[m] + sizes[m]] = z[f"{m}.values"]
                        sets[m].offsets[row:row + k + 1] = z[f"{m}.offsets"] + pos[m]
                        pos[m] += sizes[m]
                row += k
            out.update(sets)
            if self._shared:
                out["asets"] = out["sets"]
            return Sketch(**out)
        finally:
            self._dir.cleanup()


def sketch_batch(questions: list[str], answers: list[str], analyses: list[str | None], cfg: "DedupConfig", backend: str) -> Sketch:
    """The batch-local dedup map: normalise, segment once, hash, sign. Runs in the workers."""
    qn = [normalize_for_dedup(q) for q in questions]
    an = [normalize_for_dedup(a) for a in answers]
    norm = [scoped(q, a, cfg.scope) for q, a in zip(qn, an)]
    completeness = np.array([len(a) - a.count(" ") + (len(x) - x.count(" ") if (x := normalize_for_dedup(y) if y else "") else 0)
                             for a, y in zip(an, analyses)], dtype=np.int64)
    exact = _digests(norm, (t.strip() != "" for t in norm))
    answer = _digests(an, (len(a) - a.count(" ") >= cfg.min_same_answer_chars for a in an))
    question = _digests(qn, (q != "" for q in qn))
    tokens = None
    if "word" in (cfg.shingle.partition(":")[0], cfg.question_shingle.partition(":")[0]):
        th, rec, side = _segment(get_segmenter(tuple(Path(p) for p in cfg.user_dicts), backend), qn, an)
        pick = lambda mask: (th[mask], rec[mask])  # noqa: E731
        tokens = {"qa": (th, rec), "question": pick(~side), "answer": pick(side)}
    tok = (lambda scope: tokens[scope]) if tokens else (lambda scope: None)  # noqa: E731
    sets = _sets_for(cfg.shingle, norm, tok(cfg.scope), cfg.min_shingles)
    asets = sets if cfg.scope == "answer" else _sets_for(cfg.shingle, an, tok("answer"), cfg.min_shingles)
    qsets = _sets_for(cfg.question_shingle, qn, tok("question"), cfg.min_shingles)
    return Sketch(exact, answer, question, completeness, minhash(sets, cfg.num_perm, cfg.seed),
                  minhash(qsets, cfg.num_perm, cfg.seed), sets, asets, qsets)


def _sketch_args(args: tuple) -> Sketch:
    texts, cfg, backend = args
    if isinstance(texts, (pa.RecordBatch, pa.Table)):  # Arrow buffers cross the process boundary; the text is decoded here
        texts = tuple(texts.column(c).to_pylist() if c in texts.schema.names else [None] * texts.num_rows for c in _TEXT)
    return sketch_batch(*texts, cfg, backend)


def resolved_backend(cfg: DedupConfig) -> str:
    """Check the fast segmenter once, here; workers then trust the answer instead of re-probing."""
    if "word" not in (cfg.shingle.partition(":")[0], cfg.question_shingle.partition(":")[0]):
        return cfg.segmenter
    return get_segmenter(tuple(Path(p) for p in cfg.user_dicts), cfg.segmenter).backend


def text_sets(texts: list[str], cfg: DedupConfig, spec: str | None = None, backend: str | None = None) -> ShingleSets:
    """Shingle sets of already normalised texts, as dedup compares them (`spec` defaults to
    cfg.shingle). Used by the benchmark to compute the true Jaccard of planted pairs."""
    spec = spec or cfg.shingle
    tokens = None
    if spec.startswith("word"):
        th, rec, _ = _segment(get_segmenter(tuple(Path(p) for p in cfg.user_dicts), backend or resolved_backend(cfg)), texts)
        tokens = (th, rec)
    return _sets_for(spec, texts, tokens, cfg.min_shingles)


_TEXT = ("question", "answer", "analysis")


def _text_batches(records: Sequence[dict[str, Any]] | pa.Table, batch: int) -> Iterable[tuple[list, list, list] | pa.RecordBatch]:
    """(questions, answers, analyses) of consecutive batches of records; from a Parquet file, record
    batches of those columns, which own their buffers (see `_sketch_args`). A slice of an in-memory
    table would pickle its whole parent buffer, so that one is read into lists here."""
    if isinstance(records, pa.Table):
        records = TableRows(records)
    if isinstance(records, ParquetRows):
        yield from records.batches(batch, _TEXT)
        return
    if isinstance(records, TableRows):
        for b in records.batches(batch, _TEXT):
            yield tuple(b.column(c).to_pylist() if c in b.schema.names else [None] * b.num_rows for c in _TEXT)
        return
    for lo in range(0, len(records), batch):
        part = records[lo:lo + batch]
        yield [r["question"] for r in part], [r["answer"] for r in part], [r.get("analysis") for r in part]


def sketch_records(records: Sequence[dict[str, Any]] | pa.Table, cfg: DedupConfig, backend: str,
                   pool: ProcessPoolExecutor | None = None, batch: int = 2000, engine: Any = None) -> Sketch:
    """Sketches of all records, batch by batch on the pool (bounded in flight) or on `engine`
    (see qatool.engine_ray); identical for any pool and engine."""
    if engine is not None and isinstance(records, ParquetRows):
        parts = engine.sketches(records.path, cfg, backend)
    else:
        parts = map_ordered(_sketch_args, ((texts, cfg, backend) for texts in _text_batches(records, batch)), pool)
    spool = SketchSpool(cfg.num_perm)
    for part in parts:
        spool.add(part)
    return spool.assemble()
