"""Duplicate detection over records: exact duplicates by hash of the normalised text, near duplicates
by MinHash LSH over jieba word shingles (verified by the true Jaccard of the shingle sets: LSH only
proposes), identical answers under different questions, and same-question conflicts.

Clusters are connected components (union-find) of the verified pairs. Each cluster keeps one
canonical member, chosen by this policy, in order:

1. fewest lint findings (errors count before warnings),
2. the most complete answer (longest normalised answer plus analysis),
3. the earliest in source order (source path, then line).

The others are `duplicate_of` the canonical one. Same-question conflicts (questions match, answers
do not) are not duplicates: they are listed for review.

>>> from qatool.dedup import DedupConfig
>>> DedupConfig().bands_rows()
(16, 8)
"""
from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pyarrow as pa

from .minhash import (ShingleSets, _codepoints, band_keys, bands_for_recall, candidate_pairs, char_ngram_hashes, char_shingles, jaccard_many,
                      joined_token_hashes, minhash, optimal_bands, sets_from, word_sets)
from .dataset import ParquetRows, TableRows, rows_at
from .parallel import map_ordered
from .normalize import nfkc
from .tokenize import get_segmenter

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


@dataclass(frozen=True)
class DedupConfig:
    """One knob (`threshold`) with escape hatches (`bands`, `rows`). Written into the outputs' metadata."""

    threshold: float = 0.8
    num_perm: int = 128
    shingle: str = "word:3"  # word:N over jieba tokens, or char:N
    scope: str = "qa"  # qa | question | answer
    seed: int = 1
    bands: int | None = None
    rows: int | None = None
    min_shingles: int = 3  # texts with fewer word shingles fall back to char:5
    question_shingle: str = "char:3"  # questions are short: character trigrams
    question_threshold: float = 0.9  # "same question": stricter than near-duplicate text
    min_same_answer_chars: int = 20  # identical answers shorter than this are not reported
    jobs: int = 1
    user_dicts: tuple[str, ...] = ()
    segmenter: str = "auto"  # auto | jieba | rjieba

    def __post_init__(self):
        kind, _, n = self.shingle.partition(":")
        if kind not in ("word", "char") or not n.isdigit() or int(n) < 1:
            raise ValueError(f"--shingle must be word:N or char:N, got {self.shingle!r}")
        if self.scope not in ("qa", "question", "answer"):
            raise ValueError(f"--scope must be qa, question or answer, got {self.scope!r}")
        if not 0 < self.threshold <= 1:
            raise ValueError("--threshold must be in (0, 1]")
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give --bands and --rows together")
        if self.bands and self.bands * self.rows > self.num_perm:
            raise ValueError(f"--bands x --rows ({self.bands * self.rows}) exceeds --num-perm ({self.num_perm})")

    def bands_rows(self) -> tuple[int, int]:
        if self.bands:
            return self.bands, self.rows
        return optimal_bands(self.threshold, self.num_perm)

    def question_bands_rows(self) -> tuple[int, int]:
        """Question LSH: banded for question_threshold with recall >= 0.99 there (equal questions are
        paired by their digest anyway)."""
        return bands_for_recall(self.question_threshold, self.num_perm, 0.99)


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


# ------------------------------------------------------------------------------------------ result


@dataclass
class Pair:
    a: int
    b: int
    kind: str  # exact | near | same-question
    reason: str  # exact-text | near-text | same-answer | same-question
    est_jaccard: float | None
    jaccard: float
    question_jaccard: float | None = None
    answer_jaccard: float | None = None


@dataclass
class DedupResult:
    records: list[dict[str, Any]]
    pairs: list[Pair]
    clusters: list[dict[str, Any]]
    conflicts: list[Pair]
    config: DedupConfig
    against: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step; not written to outputs
    ids: dict[int, str] = field(default_factory=dict)  # record index -> id, for the records in pairs and conflicts

    @property
    def removed(self) -> int:
        return sum(len(c["members"]) - 1 for c in self.clusters)

    def duplicate_of(self) -> dict[str, str]:
        return {m: c["canonical"] for c in self.clusters for m in c["members"] if m != c["canonical"]}


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


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def key_groups(keys: np.ndarray) -> list[np.ndarray]:
    """Index groups (ascending, two or more members) of equal non-zero 128-bit keys, in order of
    their first member."""
    valid = np.flatnonzero(keys.any(axis=1))
    if len(valid) < 2:
        return []
    k = keys[valid]
    order = np.lexsort((k[:, 1], k[:, 0]))
    ks = k[order]
    bounds = np.concatenate(([0], np.flatnonzero((ks[1:] != ks[:-1]).any(axis=1)) + 1, [len(ks)]))
    groups = [valid[order[lo:hi]] for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist()) if hi - lo > 1]
    return sorted(groups, key=lambda g: int(g[0]))


def _all_pairs(groups: list[np.ndarray]) -> np.ndarray:
    """Every (i, j), i < j, within each group."""
    parts = [np.stack([g[ii], g[jj]], axis=1) for g in groups for ii, jj in [np.triu_indices(len(g), k=1)]]
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros((0, 2), np.int64)


def _est(sig: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """MinHash estimate of the Jaccard of each pair."""
    out = np.empty(len(pairs))
    for lo in range(0, len(pairs), 8192):
        p = pairs[lo:lo + 8192]
        out[lo:lo + len(p)] = (sig[p[:, 0]] == sig[p[:, 1]]).mean(axis=1)
    return out


def _lsh_pairs(sig: np.ndarray, cfg: DedupConfig, question: bool = False, engine: Any = None) -> np.ndarray:
    bands, rows = cfg.question_bands_rows() if question else cfg.bands_rows()
    keys = band_keys(sig, bands, rows)
    return engine.candidates(keys) if engine is not None else candidate_pairs(keys)


def find_duplicates(records: Sequence[dict[str, Any]] | pa.Table | Path, cfg: DedupConfig = DedupConfig(),
                    finding_counts: dict[str, tuple[int, int]] | None = None, batch: int = 2000,
                    external: dict[str, list[dict[str, Any]]] | None = None, engine: Any = None) -> DedupResult:
    """The whole dedup step over records in source order (a list of dicts, a pyarrow Table, or the
    path of a records Parquet file, which is streamed): the batch-local sketches on `cfg.jobs`
    processes, then the global step; with `external` datasets, also the records that duplicate them.
    With an `engine` (qatool.engine_ray), a streamed file is sketched and the band keys are grouped there."""
    import time

    t0 = time.perf_counter()
    if isinstance(records, pa.Table):
        records = TableRows(records)
    elif isinstance(records, (str, Path)):
        records = ParquetRows(Path(records))
    backend = resolved_backend(cfg)
    pool = ProcessPoolExecutor(max_workers=cfg.jobs) if engine is None and cfg.jobs > 1 and len(records) > batch else None
    try:
        sk = sketch_records(records, cfg, backend, pool, batch, engine)
    finally:
        if pool is not None:
            pool.shutdown()
    timings = {"sign": time.perf_counter() - t0}
    res = global_step(records, sk, cfg, finding_counts or {}, timings, engine)
    if external:
        res.against = find_against(records, external, cfg, sk)
        res.stats["against_hits"] = len(res.against)
    return res


def global_step(records: Sequence[dict[str, Any]], sk: Sketch, cfg: DedupConfig, finding_counts: dict[str, tuple[int, int]],
                timings: dict[str, float] | None = None, engine: Any = None) -> DedupResult:
    """Exact groups, LSH candidates verified by exact Jaccard, identical answers, same-question
    conflicts and clusters, from the sketches alone (record text is read only for the outputs)."""
    import time

    timings = {} if timings is None else timings
    t0 = time.perf_counter()
    n = len(records)
    pairs: dict[tuple[int, int], Pair] = {}

    # exact duplicates of the scoped text: each member paired with the group's first
    for g in key_groups(sk.exact):
        for j in g[1:].tolist():
            pairs[(int(g[0]), j)] = Pair(int(g[0]), j, "exact", "exact-text", 1.0, 1.0)

    # near duplicates: LSH proposes, the exact Jaccard decides
    cand = _lsh_pairs(sk.sig, cfg, engine=engine)
    n_candidates = len(cand)
    same = (sk.exact[cand[:, 0]] == sk.exact[cand[:, 1]]).all(axis=1) & sk.exact[cand[:, 0]].any(axis=1)
    cand = cand[~same]
    jac = jaccard_many(sk.sets, cand[:, 0], sk.sets, cand[:, 1])
    near = cand[jac >= cfg.threshold]
    for (i, j), est, jv in zip(near.tolist(), _est(sk.sig, near).tolist(), jac[jac >= cfg.threshold].tolist()):
        pairs[(i, j)] = Pair(i, j, "near", "near-text", est, jv)
    timings["lsh_verify"] = time.perf_counter() - t0
    t0 = time.perf_counter()

    # same question: LSH over question signatures plus equal questions, kept above question_threshold
    qcand = np.concatenate([_lsh_pairs(sk.qsig, cfg, question=True, engine=engine), _all_pairs(key_groups(sk.question))])
    if len(qcand):
        qcand = np.unique(qcand, axis=0)
    qj = jaccard_many(sk.qsets, qcand[:, 0], sk.qsets, qcand[:, 1])
    keep = qj >= cfg.question_threshold
    qcand, qj = qcand[keep], qj[keep]

    if cfg.scope == "qa":  # identical answers under different questions
        same_answer = np.array([p for p in _all_pairs(key_groups(sk.answer)).tolist() if tuple(p) not in pairs], dtype=np.int64).reshape(-1, 2)
        for (i, j), est, jv in zip(same_answer.tolist(), _est(sk.sig, same_answer).tolist(),
                                   jaccard_many(sk.sets, same_answer[:, 0], sk.sets, same_answer[:, 1]).tolist()):
            pairs[(i, j)] = Pair(i, j, "near", "same-answer", est, jv)

    conflicts: list[Pair] = []
    aj = jaccard_many(sk.asets, qcand[:, 0], sk.asets, qcand[:, 1])
    qest = _est(sk.qsig, qcand)
    for (i, j), q, a, e in zip(qcand.tolist(), qj.tolist(), aj.tolist(), qest.tolist()):
        if (i, j) in pairs:
            pairs[(i, j)].question_jaccard, pairs[(i, j)].answer_jaccard = q, a
        elif a < cfg.threshold:
            conflicts.append(Pair(i, j, "same-question", "same-question", e, q, q, a))
    rest = [p for p in pairs.values() if p.question_jaccard is None]
    if rest:
        ia, ib = np.array([p.a for p in rest]), np.array([p.b for p in rest])
        for p, q, a in zip(rest, jaccard_many(sk.qsets, ia, sk.qsets, ib).tolist(), jaccard_many(sk.asets, ia, sk.asets, ib).tolist()):
            p.question_jaccard, p.answer_jaccard = q, a
    timings["questions_answers"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    ordered = [pairs[k] for k in sorted(pairs)]
    # only the ids of the paired records are read here; the report reads what it shows
    ids = {i: r["id"] for i, r in rows_at(records, (x for p in ordered + conflicts for x in (p.a, p.b)), ["id"]).items()}
    clusters = _clusters(n, ids, ordered, finding_counts, sk.completeness)
    timings["cluster"] = time.perf_counter() - t0
    stats = {"records": n, "candidates": n_candidates, "verified_pairs": len(ordered), "clusters": len(clusters),
             "removed": sum(len(c["members"]) - 1 for c in clusters), "conflicts": len(conflicts),
             "bands": cfg.bands_rows()[0], "rows": cfg.bands_rows()[1],
             "question_bands": cfg.question_bands_rows()[0], "question_rows": cfg.question_bands_rows()[1]}
    return DedupResult(records, ordered, clusters, conflicts, cfg, stats=stats, timings=timings, ids=ids)


def canonical_key(rid: str, counts: dict[str, tuple[int, int]], order: int, completeness: int) -> tuple:
    """The canonical policy as a sort key: fewest errors, then warnings, then most complete, then earliest."""
    errors, warnings = counts.get(rid, (0, 0))
    return (errors, warnings, -completeness, order)


def _clusters(n: int, ids: dict[int, str], pairs: list[Pair], counts: dict[str, tuple[int, int]],
              completeness: np.ndarray) -> list[dict[str, Any]]:
    uf = _UnionFind(n)
    for p in pairs:
        uf.union(p.a, p.b)
    comps: dict[int, set[int]] = {}
    reasons_of: dict[int, set[str]] = {}
    for p in pairs:
        root = uf.find(p.a)
        comps.setdefault(root, set()).update((p.a, p.b))
        reasons_of.setdefault(root, set()).add(p.reason)
    out = []
    by_pair = {(p.a, p.b): p for p in pairs}
    for root, members in comps.items():
        members = sorted(members)
        canon = min(members, key=lambda i: canonical_key(ids[i], counts, i, int(completeness[i])))
        sims = []
        for m in members:
            if m == canon:
                continue
            p = by_pair.get((min(m, canon), max(m, canon)))
            sims.append(p.jaccard if p else None)
        out.append({
            "members_idx": members,
            "canonical_idx": canon,
            "members": [ids[i] for i in members],
            "canonical": ids[canon],
            "size": len(members),
            "reasons": sorted(reasons_of[root]),
            "min_jaccard": min((s for s in sims if s is not None), default=None),
            "max_jaccard": max((s for s in sims if s is not None), default=None),
        })
    # most consequential first: most records removed, then the most similar, then source order
    out.sort(key=lambda c: (-c["size"], -(c["max_jaccard"] or 0), c["members_idx"][0]))
    for k, c in enumerate(out, 1):
        c["cluster_id"] = f"c{k:05d}"
    return out


# ------------------------------------------------------------------------------------------ against


def load_external(path: Path) -> list[dict[str, Any]]:
    """Records of an existing dataset (Parquet with question/answer, or JSONL in messages, alpaca,
    sharegpt or question/answer form), to find training records that leak into it."""
    rows: list[dict[str, Any]] = []
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        for k, r in enumerate(table.to_pylist()):
            rows.append({"id": str(r.get("id", k)), "question": r.get("question") or r.get("instruction") or "",
                         "answer": r.get("answer") or r.get("output") or ""})
        return rows
    with path.open(encoding="utf-8") as fh:
        for k, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{k}: not JSON ({err.msg}); --against takes Parquet or JSONL") from None
            q = a = ""
            if "messages" in obj:
                q = "\n".join(m.get("content", "") for m in obj["messages"] if m.get("role") == "user")
                a = "\n".join(m.get("content", "") for m in obj["messages"] if m.get("role") == "assistant")
            elif "conversations" in obj:
                q = "\n".join(m.get("value", "") for m in obj["conversations"] if m.get("from") in ("human", "user"))
                a = "\n".join(m.get("value", "") for m in obj["conversations"] if m.get("from") in ("gpt", "assistant"))
            else:
                q = obj.get("question") or obj.get("instruction") or ""
                a = obj.get("answer") or obj.get("output") or ""
            rows.append({"id": str(obj.get("id", k)), "question": q, "answer": a})
    return rows


def find_against(records: Sequence[dict[str, Any]], external: dict[str, list[dict[str, Any]]], cfg: DedupConfig,
                 sk: Sketch | None = None) -> list[dict[str, Any]]:
    """Records that duplicate (exactly or near) a record of an existing dataset. `sk`: the records'
    sketches when the caller has them already."""
    out = []
    backend = resolved_backend(cfg)
    sk = sk if sk is not None else sketch_records(records, cfg, backend)
    n = len(sk)
    for src, rows in sorted(external.items()):
        ext = sketch_records(rows, cfg, backend)
        hits: dict[tuple[int, int], float] = {}
        first = {tuple(k): e for e, k in reversed(list(enumerate(ext.exact.tolist()))) if any(k)}
        for i, k in enumerate(sk.exact.tolist()):
            e = first.get(tuple(k)) if any(k) else None
            if e is not None:
                hits[(i, e)] = 1.0
        cand = _lsh_pairs(np.concatenate([sk.sig, ext.sig]), cfg)
        cand = np.array([(i, j - n) for i, j in cand.tolist() if i < n <= j and (i, j - n) not in hits], dtype=np.int64).reshape(-1, 2)
        for (i, e), jac in zip(cand.tolist(), jaccard_many(sk.sets, cand[:, 0], ext.sets, cand[:, 1]).tolist()):
            if jac >= cfg.threshold:
                hits[(i, e)] = jac
        ids = rows_at(records, (i for i, _ in hits), ["id"])
        for (i, e), jac in sorted(hits.items()):
            out.append({"id": ids[i]["id"], "against": src, "against_id": rows[e]["id"],
                        "kind": "exact" if jac == 1.0 else "near", "jaccard": jac})
    return out


# ------------------------------------------------------------------------------------------- output

DUPS_SCHEMA = pa.schema([
    pa.field("id_a", pa.string(), False), pa.field("id_b", pa.string(), False),
    pa.field("kind", pa.string(), False), pa.field("reason", pa.string(), False),
    pa.field("est_jaccard", pa.float64(), True), pa.field("jaccard", pa.float64(), False),
    pa.field("question_jaccard", pa.float64(), True), pa.field("answer_jaccard", pa.float64(), True),
    pa.field("cluster_id", pa.string(), True),
])
CLUSTERS_SCHEMA = pa.schema([
    pa.field("cluster_id", pa.string(), False), pa.field("canonical", pa.string(), False),
    pa.field("members", pa.list_(pa.string()), False), pa.field("size", pa.int64(), False),
    pa.field("reasons", pa.list_(pa.string()), False),
    pa.field("min_jaccard", pa.float64(), True), pa.field("max_jaccard", pa.float64(), True),
])
AGAINST_SCHEMA = pa.schema([
    pa.field("id", pa.string(), False), pa.field("against", pa.string(), False),
    pa.field("against_id", pa.string(), False), pa.field("kind", pa.string(), False),
    pa.field("jaccard", pa.float64(), False),
])


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 6)


def dups_table(res: DedupResult) -> pa.Table:
    cid = {m: c["cluster_id"] for c in res.clusters for m in c["members"]}
    rows = []
    for p in res.pairs + res.conflicts:
        a, b = res.ids[p.a], res.ids[p.b]
        rows.append({"id_a": a, "id_b": b, "kind": p.kind, "reason": p.reason, "est_jaccard": _r(p.est_jaccard),
                     "jaccard": _r(p.jaccard), "question_jaccard": _r(p.question_jaccard),
                     "answer_jaccard": _r(p.answer_jaccard), "cluster_id": cid.get(a) if p.kind != "same-question" else None})
    return pa.Table.from_pylist(rows, schema=DUPS_SCHEMA)


def clusters_table(res: DedupResult) -> pa.Table:
    rows = [{k: (_r(c[k]) if k.endswith("jaccard") else c[k]) for k in CLUSTERS_SCHEMA.names} for c in res.clusters]
    return pa.Table.from_pylist(rows, schema=CLUSTERS_SCHEMA)


def against_table(res: DedupResult) -> pa.Table:
    return pa.Table.from_pylist([{**a, "jaccard": _r(a["jaccard"])} for a in res.against], schema=AGAINST_SCHEMA)


def member_text(rec: dict[str, Any]) -> str:
    parts = [f"问：{rec['question']}", f"答：{rec['answer']}"]
    if rec.get("analysis"):
        parts.append(f"解析：{rec['analysis']}")
    return "\n".join(parts)


def text_diff(a: dict[str, Any], b: dict[str, Any]) -> str:
    return "".join(difflib.unified_diff(member_text(a).splitlines(keepends=True), member_text(b).splitlines(keepends=True),
                                        fromfile=f"{a['id']} (canonical)", tofile=b["id"], n=1))


REPORT_DIFFS = 1000  # clusters and conflicts whose diffs the report shows, most consequential first
_MEMBER_COLUMNS = ("id", "source", "line_start", "question", "content_hash")
_TEXT_COLUMNS = ("id", "question", "answer", "analysis")


def report(res: DedupResult, counts: dict[str, tuple[int, int]] | None = None, diffs: int = REPORT_DIFFS) -> dict[str, Any]:
    """The review evidence: every cluster's members (source, line, question, similarity, findings) and
    every conflict; text diffs for the first `diffs` clusters and conflicts only, so that the report
    (and the rows read for it) stays bounded on large corpora."""
    counts = counts or {}
    by_pair = {(p.a, p.b): p for p in res.pairs}
    light = rows_at(res.records, [i for c in res.clusters for i in c["members_idx"]]
                    + [x for p in res.conflicts for x in (p.a, p.b)], _MEMBER_COLUMNS)
    text = rows_at(res.records, [i for c in res.clusters[:diffs] for i in c["members_idx"]]
                   + [x for p in res.conflicts[:diffs] for x in (p.a, p.b)], _TEXT_COLUMNS)

    def member(i: int, canon: int) -> dict[str, Any]:
        r = light[i]
        p = by_pair.get((min(i, canon), max(i, canon)))
        e, w = counts.get(r["id"], (0, 0))
        return {"id": r["id"], "source": r["source"], "line": r["line_start"], "question": r["question"],
                "canonical": i == canon, "jaccard_to_canonical": None if i == canon else _r(p.jaccard) if p else None,
                "reason": None if i == canon or not p else p.reason, "findings": {"error": e, "warning": w},
                "content_hash": r["content_hash"]}

    def side(i: int, shown: bool) -> dict[str, Any]:
        r = light[i]
        return {"id": r["id"], "source": r["source"], "line": r["line_start"], "question": r["question"],
                "answer": text[i]["answer"] if shown else None, "content_hash": r["content_hash"]}

    clusters = []
    for k, c in enumerate(res.clusters):
        canon = c["canonical_idx"]
        clusters.append({
            "cluster_id": c["cluster_id"], "size": c["size"], "removes": c["size"] - 1, "canonical": c["canonical"],
            "reasons": c["reasons"], "min_jaccard": _r(c["min_jaccard"]), "max_jaccard": _r(c["max_jaccard"]),
            "members": [member(i, canon) for i in c["members_idx"]], "diff_shown": k < diffs,
            "diffs": [{"id": text[i]["id"], "diff": text_diff(text[canon], text[i])} for i in c["members_idx"] if i != canon] if k < diffs else [],
        })
    conflicts = [{
        "a": side(p.a, k < diffs), "b": side(p.b, k < diffs),
        "question_jaccard": _r(p.question_jaccard), "answer_jaccard": _r(p.answer_jaccard),
        "diff": text_diff(text[p.a], text[p.b]) if k < diffs else None,
    } for k, p in enumerate(res.conflicts)]
    cfg = asdict(res.config)
    cfg.pop("jobs", None)
    return {"config": cfg, "summary": res.stats, "policy": "canonical = fewest lint findings (errors, then warnings), then most complete answer, then earliest in source order",
            "diff_limit": diffs, "clusters": clusters, "conflicts": conflicts, "against": res.against}


def report_markdown(rep: dict[str, Any]) -> str:
    s = rep["summary"]
    out = ["# Dedup report", "",
           f"{s['records']} records; {s['verified_pairs']} verified pairs from {s['candidates']} LSH candidates "
           f"({s['bands']} bands x {s['rows']} rows; questions {s['question_bands']} x {s['question_rows']}); "
           f"**{s['clusters']} clusters remove {s['removed']} records**; "
           f"{s['conflicts']} same-question conflicts.", "",
           f"Canonical policy: {rep['policy']}.", "",
           *([f"Diffs are shown for the first {rep['diff_limit']} clusters and the first {rep['diff_limit']} conflicts "
              "(--report-diffs); every pair and cluster is in dups.parquet and clusters.parquet.", ""]
             if s["clusters"] > rep["diff_limit"] or s["conflicts"] > rep["diff_limit"] else []),
           "Settings: " + ", ".join(f"{k}={v}" for k, v in rep["config"].items() if k != "user_dicts"), ""]
    for c in rep["clusters"]:
        out += [f"## {c['cluster_id']}: {c['size']} members, removes {c['removes']} ({', '.join(c['reasons'])})", "",
                "| | id | source:line | question | Jaccard | findings (E/W) |", "| --- | --- | --- | --- | --- | --- |"]
        for m in c["members"]:
            jac = "—" if m["jaccard_to_canonical"] is None else f"{m['jaccard_to_canonical']:.3f}"
            q = m["question"].replace("|", "\\|").replace("\n", " ")[:80]
            out.append(f"| {'**keep**' if m['canonical'] else 'drop'} | `{m['id']}` | {m['source']}:{m['line']} | {q} | {jac} | {m['findings']['error']}/{m['findings']['warning']} |")
        for d in c["diffs"]:
            if d["diff"]:
                out += ["", "```diff", d["diff"].rstrip("\n"), "```"]
        out.append("")
    if rep["conflicts"]:
        out += ["## Same question, different answer", ""]
        for k, cf in enumerate(rep["conflicts"], 1):
            out += [f"### conflict {k}: question Jaccard {cf['question_jaccard']:.3f}, answer Jaccard {cf['answer_jaccard']:.3f}", "",
                    f"- `{cf['a']['id']}` {cf['a']['source']}:{cf['a']['line']} — {cf['a']['question']}",
                    f"- `{cf['b']['id']}` {cf['b']['source']}:{cf['b']['line']} — {cf['b']['question']}", ""]
            if cf["diff"] is not None:
                out += ["```diff", cf["diff"].rstrip("\n"), "```", ""]
    if rep["against"]:
        out += ["## Records that duplicate an existing dataset", "", "| id | dataset | its id | kind | Jaccard |", "| --- | --- | --- | --- | --- |"]
        out += [f"| `{a['id']}` | {a['against']} | {a['against_id']} | {a['kind']} | {a['jaccard']:.3f} |" for a in rep["against"]]
    return "\n".join(out) + "\n"


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def finding_counts(findings: Iterable[Any] | pa.Table) -> dict[str, tuple[int, int]]:
    """record id -> (errors, warnings), from Finding objects, findings.parquet rows, or a findings
    table (counted in Arrow, without a dict per finding)."""
    out: dict[str, list[int]] = {}
    if isinstance(findings, pa.Table):
        import pyarrow.compute as pc

        t = findings.select(["record_id", "severity"])
        t = t.filter(pc.and_(pc.is_in(t["severity"], pa.array(["error", "warning"])), pc.greater(pc.utf8_length(t["record_id"]), 0)))
        g = t.group_by(["record_id", "severity"]).aggregate([([], "count_all")])
        for rid, sev, k in zip(*(g[c].to_pylist() for c in ("record_id", "severity", "count_all"))):
            out.setdefault(rid, [0, 0])[0 if sev == "error" else 1] = k
        return {k: (v[0], v[1]) for k, v in out.items()}
    for f in findings:
        rid = f["record_id"] if isinstance(f, dict) else f.record_id
        sev = f["severity"] if isinstance(f, dict) else f.severity
        if rid and sev in ("error", "warning"):
            c = out.setdefault(rid, [0, 0])
            c[0 if sev == "error" else 1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def write_dedup(res: DedupResult, out_dir: Path, counts: dict[str, tuple[int, int]] | None = None,
                report_diffs: int = REPORT_DIFFS, tables: tuple[pa.Table, pa.Table] | None = None) -> list[Path]:
    """dups.parquet, clusters.parquet, dedup_report.json, dedup_report.md (+ against.parquet), atomically;
    the report shows diffs for the first `report_diffs` clusters and conflicts. `tables`: the
    (dups_table, clusters_table) of `res` when the caller has built them already."""
    from .dataset import write_parquet
    from .io import atomic_writer

    cfg = asdict(res.config)
    cfg.pop("jobs", None)
    meta = {b"qatool": json.dumps({"stage": "dedup", "config": cfg}, sort_keys=True, ensure_ascii=False).encode("utf-8")}
    paths = [out_dir / "dups.parquet", out_dir / "clusters.parquet"]
    dups, clusters = tables if tables is not None else (dups_table(res), clusters_table(res))
    write_parquet(dups, paths[0], meta)
    write_parquet(clusters, paths[1], meta)
    rep = report(res, counts, report_diffs)
    with atomic_writer(out_dir / "dedup_report.json") as fh:
        json.dump(rep, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    with atomic_writer(out_dir / "dedup_report.md") as fh:
        fh.write(report_markdown(rep))
    paths += [out_dir / "dedup_report.json", out_dir / "dedup_report.md"]
    against_path = out_dir / "against.parquet"
    if res.against:
        write_parquet(against_table(res), against_path, meta)
        paths.append(against_path)
    elif against_path.exists():
        against_path.unlink()
    return paths


def dedup_records(records: Sequence[dict[str, Any]] | pa.Table | Path, cfg: DedupConfig, findings: Iterable[Any] | pa.Table = (),
                  against: list[Path] = ()) -> tuple[DedupResult, dict[str, tuple[int, int]]]:
    """find_duplicates with lint findings (for the canonical policy) and --against files."""
    counts = finding_counts(findings)
    external = {str(p): load_external(p) for p in against} if against else None
    return find_duplicates(records, cfg, counts, external=external), counts
