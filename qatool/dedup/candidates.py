"""The global dedup step: sketches -> verified pairs. Exact groups by digest, LSH candidates verified by
the exact Jaccard of the shingle sets (LSH only proposes), identical answers, and same-question
conflicts; then clusters.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from qatool.common.records import rows_at
from qatool.dedup.config import DedupConfig
from qatool.dedup.groups import _clusters
from qatool.dedup.minhash import band_keys, candidate_pairs, jaccard_many
from qatool.dedup.model import DedupResult, Pair
from qatool.dedup.sketch import Sketch


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
