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
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import pyarrow as pa

from .minhash import ShingleSets, band_keys, candidate_pairs, char_shingles, jaccard, minhash, optimal_bands, word_shingles
from .tokenize import get_segmenter

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<[^>\n]{1,80}>")
_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}|[-+]|\d+[.)、])[ \t]+", re.M)
_DROP = str.maketrans({c: " " for c in "*_`~"})


def normalize_for_dedup(text: str) -> str:
    """NFKC (full-width to half-width), Markdown markup stripped, white space collapsed, case folded."""
    text = unicodedata.normalize("NFKC", text or "")
    if "](" in text:
        text = _LINK.sub(r" \1 ", text)
    if "<" in text:
        text = _HTML.sub(" ", text)
    text = _LINE_MARK.sub(" ", text).translate(_DROP)
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


def _shingle_batch(texts: list[str], spec: str, min_shingles: int, user_dicts: tuple[str, ...], backend: str = "auto") -> ShingleSets:
    kind, _, n = spec.partition(":")
    n = int(n)
    if kind == "char":
        return char_shingles(texts, n)
    seg = get_segmenter(tuple(Path(p) for p in user_dicts), backend)
    docs = [seg.cut(t) for t in texts]
    sets = word_shingles(docs, n)
    short = [i for i, s in enumerate(sets.sizes()) if s < min_shingles]
    if not short:
        return sets
    # very short texts: character 5-grams say more than one or two word trigrams
    fallback = char_shingles([texts[i] for i in short], 5)
    parts, offsets, pos = [], [0], 0
    fb = {i: k for k, i in enumerate(short)}
    for i in range(len(texts)):
        arr = fallback.get(fb[i]) if i in fb else sets.get(i)
        parts.append(arr)
        pos += len(arr)
        offsets.append(pos)
    values = np.concatenate(parts) if parts else np.zeros(0, np.uint32)
    return ShingleSets(values.astype(np.uint32), np.array(offsets, dtype=np.int64))


def _sign_batch(args: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    texts, spec, min_shingles, user_dicts, num_perm, seed, backend = args
    sets = _shingle_batch(texts, spec, min_shingles, user_dicts, backend)
    return minhash(sets, num_perm, seed), sets.values, sets.offsets


def _prepare_batch(args: tuple) -> tuple:
    """One batch of records, in a worker: normalise question and answer, sign the scoped text and
    the question. Everything per record happens here, so it runs on every core."""
    questions, answers, cfg, backend = args
    qnorm = [normalize_for_dedup(q) for q in questions]
    anorm = [normalize_for_dedup(a) for a in answers]
    norm = [scoped(q, a, cfg.scope) for q, a in zip(qnorm, anorm)]
    sig, values, offsets = _sign_batch((norm, cfg.shingle, cfg.min_shingles, cfg.user_dicts, cfg.num_perm, cfg.seed, backend))
    qsig, qvalues, qoffsets = _sign_batch((qnorm, cfg.question_shingle, cfg.min_shingles, cfg.user_dicts, cfg.num_perm, cfg.seed, backend))
    return qnorm, anorm, norm, sig, values, offsets, qsig, qvalues, qoffsets


def _concat_sets(parts: list[tuple[np.ndarray, np.ndarray]]) -> ShingleSets:
    if not parts:
        return ShingleSets(np.zeros(0, np.uint32), np.zeros(1, np.int64))
    offs, base = [np.zeros(1, np.int64)], 0
    for _, o in parts:
        offs.append(o[1:] + base)
        base += int(o[-1])
    return ShingleSets(np.concatenate([v for v, _ in parts]).astype(np.uint32), np.concatenate(offs))


def _shingle_only(args: tuple) -> tuple[np.ndarray, np.ndarray]:
    texts, spec, min_shingles, user_dicts, backend = args
    sets = _shingle_batch(texts, spec, min_shingles, user_dicts, backend)
    return sets.values, sets.offsets


def resolved_backend(cfg: DedupConfig) -> str:
    """Check the fast segmenter once, here; workers then trust the answer instead of re-probing."""
    if cfg.shingle.startswith("char"):
        return cfg.segmenter
    return get_segmenter(tuple(Path(p) for p in cfg.user_dicts), cfg.segmenter).backend


def sign_texts(texts: list[str], spec: str, cfg: DedupConfig, batch: int = 2000, pool: ProcessPoolExecutor | None = None,
               backend: str | None = None) -> tuple[np.ndarray, ShingleSets]:
    """Signatures and shingle sets of normalised texts, in batches, on a process pool when given.
    The output does not depend on the number of processes."""
    backend = backend or resolved_backend(cfg)
    chunks = [(texts[i:i + batch], spec, cfg.min_shingles, cfg.user_dicts, cfg.num_perm, cfg.seed, backend)
              for i in range(0, len(texts), batch)]
    if pool is not None and len(chunks) > 1:
        results = list(pool.map(_sign_batch, chunks))
    elif cfg.jobs > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(max_workers=cfg.jobs) as own:
            results = list(own.map(_sign_batch, chunks))
    else:
        results = [_sign_batch(c) for c in chunks]
    if not results:
        return np.zeros((0, cfg.num_perm), np.uint32), ShingleSets(np.zeros(0, np.uint32), np.zeros(1, np.int64))
    return np.concatenate([r[0] for r in results]), _concat_sets([(r[1], r[2]) for r in results])


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

    @property
    def removed(self) -> int:
        return sum(len(c["members"]) - 1 for c in self.clusters)

    def duplicate_of(self) -> dict[str, str]:
        return {m: c["canonical"] for c in self.clusters for m in c["members"] if m != c["canonical"]}


class _SubsetSets:
    """Shingle sets of only the records that need them (answers of candidate pairs), in batches on
    the pool when there is one."""

    def __init__(self, texts: list[str], need: Iterable[int], cfg: DedupConfig, backend: str,
                 pool: ProcessPoolExecutor | None = None, batch: int = 2000):
        order = sorted(set(need))
        self.index = {i: k for k, i in enumerate(order)}
        chunks = [([texts[i] for i in order[k:k + batch]], cfg.shingle, cfg.min_shingles, cfg.user_dicts, backend)
                  for k in range(0, len(order), batch)]
        parts = list(pool.map(_shingle_only, chunks)) if pool is not None and len(chunks) > 1 else [_shingle_only(c) for c in chunks]
        self.sets = _concat_sets(parts)

    def get(self, i: int) -> np.ndarray:
        return self.sets.get(self.index[i])


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


def _sha(text: str) -> str:
    return hashlib.sha256(text.replace(" ", "").encode("utf-8")).hexdigest()


def _groups(keys: list[str | None]) -> Iterable[list[int]]:
    by: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k is not None:
            by.setdefault(k, []).append(i)
    return (g for g in by.values() if len(g) > 1)


def _lsh_pairs(sig: np.ndarray, cfg: DedupConfig) -> np.ndarray:
    bands, rows = cfg.bands_rows()
    return candidate_pairs(band_keys(sig, bands, rows))


def find_duplicates(records: list[dict[str, Any]], cfg: DedupConfig = DedupConfig(),
                    finding_counts: dict[str, tuple[int, int]] | None = None, batch: int = 2000) -> DedupResult:
    """The global dedup step over a list of records (in source order)."""
    import time

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    n = len(records)
    backend = resolved_backend(cfg)
    pool = ProcessPoolExecutor(max_workers=cfg.jobs) if cfg.jobs > 1 and n > batch else None
    try:
        return _find_duplicates(records, cfg, finding_counts or {}, backend, pool, timings, t0, batch)
    finally:
        if pool is not None:
            pool.shutdown()


def _find_duplicates(records: list[dict[str, Any]], cfg: DedupConfig, finding_counts: dict[str, tuple[int, int]],
                     backend: str, pool: ProcessPoolExecutor | None, timings: dict[str, float], t0: float, batch: int) -> DedupResult:
    import time

    n = len(records)
    chunks = [([r["question"] for r in records[i:i + batch]], [r["answer"] for r in records[i:i + batch]], cfg, backend)
              for i in range(0, n, batch)]
    results = list(pool.map(_prepare_batch, chunks)) if pool is not None else [_prepare_batch(c) for c in chunks]
    qnorm = [q for r in results for q in r[0]]
    anorm = [a for r in results for a in r[1]]
    norm = [t for r in results for t in r[2]]
    sig = np.concatenate([r[3] for r in results]) if results else np.zeros((0, cfg.num_perm), np.uint32)
    sets = _concat_sets([(r[4], r[5]) for r in results])
    qsig = np.concatenate([r[6] for r in results]) if results else np.zeros((0, cfg.num_perm), np.uint32)
    qsets = _concat_sets([(r[7], r[8]) for r in results])
    timings["sign"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    pairs: dict[tuple[int, int], Pair] = {}

    # exact duplicates of the scoped text
    exact_keys = [_sha(t) if t else None for t in norm]
    for g in _groups(exact_keys):
        for j in g[1:]:
            pairs[(g[0], j)] = Pair(g[0], j, "exact", "exact-text", 1.0, 1.0)

    # near duplicates: LSH proposes, the exact Jaccard decides
    cand = _lsh_pairs(sig, cfg)
    n_candidates = len(cand)
    for i, j in cand.tolist():
        if (i, j) in pairs or exact_keys[i] == exact_keys[j] and exact_keys[i] is not None:
            continue
        jac = jaccard(sets.get(i), sets.get(j))
        if jac >= cfg.threshold:
            est = float(np.mean(sig[i] == sig[j]))
            pairs[(i, j)] = Pair(i, j, "near", "near-text", est, jac)

    timings["lsh_verify"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    # question and answer similarity, for identical answers and same-question conflicts
    qcand = {(i, j) for i, j in _lsh_pairs(qsig, cfg).tolist()}
    for g in _groups([_sha(t) if t else None for t in qnorm]):
        qcand.update((g[x], g[y]) for x in range(len(g)) for y in range(x + 1, len(g)))
    qcand = {(i, j) for i, j in qcand if jaccard(qsets.get(i), qsets.get(j)) >= cfg.question_threshold}
    if cfg.scope == "qa":
        akeys = [_sha(t) if len(t.replace(" ", "")) >= cfg.min_same_answer_chars else None for t in anorm]
        for g in _groups(akeys):
            for x in range(len(g)):
                for y in range(x + 1, len(g)):
                    i, j = g[x], g[y]
                    if (i, j) not in pairs:
                        pairs[(i, j)] = Pair(i, j, "near", "same-answer", float(np.mean(sig[i] == sig[j])),
                                             jaccard(sets.get(i), sets.get(j)))

    asets = _SubsetSets(anorm, [x for p in list(pairs) + list(qcand) for x in p], cfg, backend, pool)

    conflicts: list[Pair] = []
    for i, j in sorted(qcand):
        qj = jaccard(qsets.get(i), qsets.get(j))
        if qj < cfg.question_threshold:
            continue
        aj = jaccard(asets.get(i), asets.get(j))
        if (i, j) in pairs:
            pairs[(i, j)].question_jaccard, pairs[(i, j)].answer_jaccard = qj, aj
        elif aj < cfg.threshold:
            conflicts.append(Pair(i, j, "same-question", "same-question", float(np.mean(qsig[i] == qsig[j])), qj, qj, aj))
    for p in pairs.values():
        if p.question_jaccard is None:
            p.question_jaccard = jaccard(qsets.get(p.a), qsets.get(p.b))
            p.answer_jaccard = jaccard(asets.get(p.a), asets.get(p.b))

    timings["questions_answers"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ordered = [pairs[k] for k in sorted(pairs)]
    clusters = _clusters(records, ordered, finding_counts, norm)
    timings["cluster"] = time.perf_counter() - t0
    stats = {"records": n, "candidates": n_candidates, "verified_pairs": len(ordered), "clusters": len(clusters),
             "removed": sum(len(c["members"]) - 1 for c in clusters), "conflicts": len(conflicts),
             "bands": cfg.bands_rows()[0], "rows": cfg.bands_rows()[1]}
    return DedupResult(records, ordered, clusters, conflicts, cfg, stats=stats, timings=timings)


def canonical_key(rec: dict[str, Any], counts: dict[str, tuple[int, int]], order: int) -> tuple:
    errors, warnings = counts.get(rec["id"], (0, 0))
    completeness = len(normalize_for_dedup(rec["answer"]).replace(" ", "")) + len(normalize_for_dedup(rec.get("analysis") or "").replace(" ", ""))
    return (errors, warnings, -completeness, order)


def _clusters(records: list[dict[str, Any]], pairs: list[Pair], counts: dict[str, tuple[int, int]], norm: list[str]) -> list[dict[str, Any]]:
    uf = _UnionFind(len(records))
    for p in pairs:
        uf.union(p.a, p.b)
    comps: dict[int, list[int]] = {}
    for p in pairs:
        for x in (p.a, p.b):
            comps.setdefault(uf.find(x), [])
    for i in range(len(records)):
        r = uf.find(i)
        if r in comps:
            comps[r].append(i)
    out = []
    by_pair = {(p.a, p.b): p for p in pairs}
    reasons_of: dict[int, set[str]] = {}
    for p in pairs:
        reasons_of.setdefault(uf.find(p.a), set()).add(p.reason)
    for root, members in comps.items():
        members = sorted(set(members))
        canon = min(members, key=lambda i: canonical_key(records[i], counts, i))
        sims = []
        for m in members:
            if m == canon:
                continue
            p = by_pair.get((min(m, canon), max(m, canon)))
            sims.append(p.jaccard if p else None)
        reasons = sorted(reasons_of[root])
        out.append({
            "members_idx": members,
            "canonical_idx": canon,
            "members": [records[i]["id"] for i in members],
            "canonical": records[canon]["id"],
            "size": len(members),
            "reasons": reasons,
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


def find_against(records: list[dict[str, Any]], external: dict[str, list[dict[str, Any]]], cfg: DedupConfig) -> list[dict[str, Any]]:
    """Records that duplicate (exactly or near) a record of an existing dataset."""
    out = []
    norm = [normalize_for_dedup(scope_text(r, cfg.scope)) for r in records]
    sig, sets = sign_texts(norm, cfg.shingle, cfg)
    for src, rows in sorted(external.items()):
        enorm = [normalize_for_dedup(scope_text(r, cfg.scope)) for r in rows]
        esig, esets = sign_texts(enorm, cfg.shingle, cfg)
        allsig = np.concatenate([sig, esig]) if len(esig) else sig
        cand = _lsh_pairs(allsig, cfg)
        n = len(records)
        hits: dict[tuple[int, int], float] = {}
        ekeys = {_sha(t): k for k, t in enumerate(enorm) if t}
        for i, t in enumerate(norm):
            k = ekeys.get(_sha(t)) if t else None
            if k is not None:
                hits[(i, k)] = 1.0
        for i, j in cand.tolist():
            if i < n <= j and (i, j - n) not in hits:
                jac = jaccard(sets.get(i), esets.get(j - n))
                if jac >= cfg.threshold:
                    hits[(i, j - n)] = jac
        for (i, k), jac in sorted(hits.items()):
            out.append({"id": records[i]["id"], "against": src, "against_id": rows[k]["id"],
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
        a, b = res.records[p.a]["id"], res.records[p.b]["id"]
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


def report(res: DedupResult, counts: dict[str, tuple[int, int]] | None = None) -> dict[str, Any]:
    counts = counts or {}
    recs = res.records
    by_pair = {(p.a, p.b): p for p in res.pairs}

    def member(i: int, canon: int) -> dict[str, Any]:
        r = recs[i]
        p = by_pair.get((min(i, canon), max(i, canon)))
        e, w = counts.get(r["id"], (0, 0))
        return {"id": r["id"], "source": r["source"], "line": r["line_start"], "question": r["question"],
                "canonical": i == canon, "jaccard_to_canonical": None if i == canon else _r(p.jaccard) if p else None,
                "reason": None if i == canon or not p else p.reason, "findings": {"error": e, "warning": w},
                "content_hash": r["content_hash"]}

    clusters = []
    for c in res.clusters:
        canon = c["canonical_idx"]
        clusters.append({
            "cluster_id": c["cluster_id"], "size": c["size"], "removes": c["size"] - 1, "canonical": c["canonical"],
            "reasons": c["reasons"], "min_jaccard": _r(c["min_jaccard"]), "max_jaccard": _r(c["max_jaccard"]),
            "members": [member(i, canon) for i in c["members_idx"]],
            "diffs": [{"id": recs[i]["id"], "diff": text_diff(recs[canon], recs[i])} for i in c["members_idx"] if i != canon],
        })
    conflicts = [{
        "a": {"id": recs[p.a]["id"], "source": recs[p.a]["source"], "line": recs[p.a]["line_start"], "question": recs[p.a]["question"], "answer": recs[p.a]["answer"], "content_hash": recs[p.a]["content_hash"]},
        "b": {"id": recs[p.b]["id"], "source": recs[p.b]["source"], "line": recs[p.b]["line_start"], "question": recs[p.b]["question"], "answer": recs[p.b]["answer"], "content_hash": recs[p.b]["content_hash"]},
        "question_jaccard": _r(p.question_jaccard), "answer_jaccard": _r(p.answer_jaccard),
        "diff": text_diff(recs[p.a], recs[p.b]),
    } for p in res.conflicts]
    cfg = asdict(res.config)
    cfg.pop("jobs", None)
    return {"config": cfg, "summary": res.stats, "policy": "canonical = fewest lint findings (errors, then warnings), then most complete answer, then earliest in source order",
            "clusters": clusters, "conflicts": conflicts, "against": res.against}


def report_markdown(rep: dict[str, Any]) -> str:
    s = rep["summary"]
    out = ["# Dedup report", "",
           f"{s['records']} records; {s['verified_pairs']} verified pairs from {s['candidates']} LSH candidates "
           f"({s['bands']} bands x {s['rows']} rows); **{s['clusters']} clusters remove {s['removed']} records**; "
           f"{s['conflicts']} same-question conflicts.", "",
           f"Canonical policy: {rep['policy']}.", "",
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
                    f"- `{cf['b']['id']}` {cf['b']['source']}:{cf['b']['line']} — {cf['b']['question']}", "",
                    "```diff", cf["diff"].rstrip("\n"), "```", ""]
    if rep["against"]:
        out += ["## Records that duplicate an existing dataset", "", "| id | dataset | its id | kind | Jaccard |", "| --- | --- | --- | --- | --- |"]
        out += [f"| `{a['id']}` | {a['against']} | {a['against_id']} | {a['kind']} | {a['jaccard']:.3f} |" for a in rep["against"]]
    return "\n".join(out) + "\n"


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def finding_counts(findings: Iterable[Any]) -> dict[str, tuple[int, int]]:
    """record id -> (errors, warnings), from Finding objects or findings.parquet rows."""
    out: dict[str, list[int]] = {}
    for f in findings:
        rid = f["record_id"] if isinstance(f, dict) else f.record_id
        sev = f["severity"] if isinstance(f, dict) else f.severity
        if rid and sev in ("error", "warning"):
            c = out.setdefault(rid, [0, 0])
            c[0 if sev == "error" else 1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def write_dedup(res: DedupResult, out_dir: Path, counts: dict[str, tuple[int, int]] | None = None) -> list[Path]:
    """dups.parquet, clusters.parquet, dedup_report.json, dedup_report.md (+ against.parquet), atomically."""
    from .dataset import write_parquet
    from .io import atomic_writer

    cfg = asdict(res.config)
    cfg.pop("jobs", None)
    meta = {b"qatool": json.dumps({"stage": "dedup", "config": cfg}, sort_keys=True, ensure_ascii=False).encode("utf-8")}
    paths = [out_dir / "dups.parquet", out_dir / "clusters.parquet"]
    write_parquet(dups_table(res), paths[0], meta)
    write_parquet(clusters_table(res), paths[1], meta)
    rep = report(res, counts)
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


def dedup_records(records: list[dict[str, Any]], cfg: DedupConfig, findings: Iterable[Any] = (),
                  against: list[Path] = ()) -> tuple[DedupResult, dict[str, tuple[int, int]]]:
    counts = finding_counts(findings)
    res = find_duplicates(records, cfg, counts)
    if against:
        res.against = find_against(records, {str(p): load_external(p) for p in against}, cfg)
        res.stats["against_hits"] = len(res.against)
    return res, counts
