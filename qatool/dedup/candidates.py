"""The global dedup step: sketches -> verified pairs, clusters and same-question groups.

Exact groups by digest, LSH candidates verified by the exact Jaccard of the shingle sets (LSH only
proposes), identical answers; then question identity (equal title or question-line keys, or combined
question text above the question threshold), and inside each same-question group the answers are
compared with at most `cfg.representatives` representative answers per member (linear in the group's
size): near-duplicate answers make duplicate pairs, and a group left with two or more distinct
answers is a conflict group.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from qatool.common.records import Records, as_records
from qatool.dedup.config import DedupConfig
from qatool.dedup.groups import _clusters, components
from qatool.dedup.minhash import band_keys, candidate_pairs, jaccard_many, overlap_many
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


def _star_pairs(groups: list[np.ndarray]) -> np.ndarray:
    """(first, other) for each other member of each group: enough to connect it, linear in its size."""
    parts = [np.stack([np.full(len(g) - 1, g[0]), g[1:]], axis=1) for g in groups]
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
    pairs = engine.candidates(keys) if engine is not None else None  # an executor may group them (Ray), else here
    return candidate_pairs(keys) if pairs is None else pairs


ESTIMATE_MARGIN = 0.2  # answer pairs estimated this far below the threshold are still checked exactly


def _answer_estimate(sk: Sketch, m: np.ndarray, r: np.ndarray) -> np.ndarray:
    """MinHash estimate of `answer_similarity` (see `_answer_exact`) for pairs (m[k], r[k])."""
    asize = sk.asets.sizes()
    fsize = asize + sk.xsets.sizes()
    out = np.zeros(len(m))
    for lo in range(0, len(m), 8192):
        a, b = m[lo:lo + 8192], r[lo:lo + 8192]
        jaa = (sk.asig[a] == sk.asig[b]).mean(axis=1)
        jab = (sk.asig[a] == sk.fsig[b]).mean(axis=1)  # answer of a vs answer + analysis of b
        jba = (sk.asig[b] == sk.fsig[a]).mean(axis=1)
        la, lb = asize[a].astype(float), asize[b].astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            ca = np.minimum(1.0, jab / (1 + jab) * (la + fsize[b]) / la)
            cb = np.minimum(1.0, jba / (1 + jba) * (lb + fsize[a]) / lb)
        est = np.maximum(jaa, np.minimum(ca, cb))
        out[lo:lo + len(a)] = np.where((la > 0) & (lb > 0), est, 0.0)
    return out


def _answer_exact(sk: Sketch, m: np.ndarray, r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(Jaccard of the answers, mutual containment) for pairs (m[k], r[k]). Mutual containment is the
    smaller of: the share of m's answer shingles found in r's answer + analysis, and the share of r's
    answer in m's answer + analysis, so an answer padded with part of the analysis still matches
    while a one-line answer inside a long one does not. answer_similarity = the larger of the two."""
    asize = sk.asets.sizes()
    inter = overlap_many(sk.asets, m, sk.asets, r)
    in_r = overlap_many(sk.asets, m, sk.xsets, r)
    in_m = overlap_many(sk.asets, r, sk.xsets, m)
    la, lb = asize[m], asize[r]
    with np.errstate(divide="ignore", invalid="ignore"):
        jac = np.where(la + lb - inter > 0, inter / np.maximum(la + lb - inter, 1), 0.0)
        cont = np.minimum((inter + in_r) / np.maximum(la, 1), (inter + in_m) / np.maximum(lb, 1))
    ok = (la > 0) & (lb > 0)
    return np.where(ok, jac, 0.0), np.where(ok, cont, 0.0)


def question_edges(sk: Sketch, cfg: DedupConfig, engine: Any = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edges (i, j) of 'asks the same question', their kind (0 title/question-line key, 1 combined
    question text) and, for kind 1, the verified question Jaccard. Equal keys are linked as a star
    (each record with the key's first), so a question asked k times costs k - 1 edges, not k^2/2."""
    n = len(sk)
    keys = sk.qkeys.reshape(-1, 2)  # record i's title key at 2i, its question-line key at 2i+1
    owner = np.repeat(np.arange(n, dtype=np.int64), 2)
    groups = [np.unique(owner[g]) for g in key_groups(keys)]
    key_edges = _star_pairs([g for g in groups if len(g) > 1])
    cand = _lsh_pairs(sk.qsig, cfg, question=True, engine=engine)
    qj = jaccard_many(sk.qsets, cand[:, 0], sk.qsets, cand[:, 1])
    keep = (qj >= cfg.question_threshold) & (sk.qsets.sizes()[cand[:, 0]] > 0)
    text_edges = cand[keep]
    edges = np.concatenate([key_edges, text_edges]).astype(np.int64).reshape(-1, 2)
    kind = np.concatenate([np.zeros(len(key_edges), np.int8), np.ones(len(text_edges), np.int8)])
    return edges, kind, np.concatenate([np.full(len(key_edges), np.nan), qj[keep]])


def answer_rounds(label: np.ndarray, members: np.ndarray, sk: Sketch, cfg: DedupConfig):
    """Leader rounds over same-question groups: in each round every group's first remaining member
    becomes a representative and every other remaining member is compared with it (MinHash estimate,
    then exact where the estimate is near the threshold); members whose answers match are duplicates
    of it and leave. At most `cfg.representatives` rounds, so each member is compared with at most
    that many representatives: work linear in the group's size. Vectorised over all groups per round.

    Returns (matches: list of (representative, member, answer Jaccard, containment, estimate),
    representatives: (group label, record) arrays in round order)."""
    idx = members
    lab = label[members]
    order = np.lexsort((idx, lab))
    idx, lab = idx[order], lab[order]
    matches: list[tuple[np.ndarray, ...]] = []
    reps_lab, reps_idx = [], []
    for _ in range(cfg.representatives):
        if len(idx) == 0:
            break
        first = np.concatenate(([True], lab[1:] != lab[:-1]))
        reps_lab.append(lab[first])
        reps_idx.append(idx[first])
        leader = idx[first][np.cumsum(first) - 1]
        m, r = idx[~first], leader[~first]
        est = _answer_estimate(sk, m, r)
        cand = np.flatnonzero(est >= cfg.threshold - ESTIMATE_MARGIN)
        matched = np.zeros(len(m), bool)
        if len(cand):
            jac, cont = _answer_exact(sk, m[cand], r[cand])
            ok = np.maximum(jac, cont) >= cfg.threshold
            matched[cand[ok]] = True
            matches.append((r[cand[ok]], m[cand[ok]], jac[ok], cont[ok], est[cand[ok]]))
        rest = np.flatnonzero(~first)[~matched]
        idx, lab = idx[rest], lab[rest]
    cat = (lambda k: np.concatenate([x[k] for x in matches]) if matches else np.zeros(0))  # noqa: E731
    reps = (np.concatenate(reps_lab) if reps_lab else np.zeros(0, np.int64), np.concatenate(reps_idx) if reps_idx else np.zeros(0, np.int64))
    return (cat(0).astype(np.int64), cat(1).astype(np.int64), cat(2), cat(3), cat(4)), reps


def global_step(records: Records | Sequence[dict[str, Any]], sk: Sketch, cfg: DedupConfig, finding_counts: dict[str, tuple[int, int]],
                timings: dict[str, float] | None = None, engine: Any = None) -> DedupResult:
    """Exact groups, LSH candidates verified by exact Jaccard, identical answers, same-question groups
    (duplicates by near answers, conflict groups) and clusters, from the sketches alone (record text
    is read only for the outputs)."""
    import time

    records = as_records(records)
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

    if cfg.scope == "qa":  # identical answers under different questions: each with the first
        same_answer = np.array([p for p in _star_pairs(key_groups(sk.answer)).tolist() if tuple(p) not in pairs],
                               dtype=np.int64).reshape(-1, 2)
        for (i, j), est, jv in zip(same_answer.tolist(), _est(sk.sig, same_answer).tolist(),
                                   jaccard_many(sk.sets, same_answer[:, 0], sk.sets, same_answer[:, 1]).tolist()):
            pairs[(i, j)] = Pair(i, j, "near", "same-answer", est, jv)

    # question identity -> same-question groups -> near answers inside them
    edges, edge_kind, _ = question_edges(sk, cfg, engine)
    label = components(n, edges)
    sizes = np.bincount(label, minlength=n)
    members = np.flatnonzero(sizes[label] > 1)
    (rep_a, mem_b, ajac, acont, aest), (rep_lab, rep_idx) = answer_rounds(label, members, sk, cfg)
    found = [(int(min(r, m)), int(max(r, m)), j, c, e) for r, m, j, c, e in zip(rep_a.tolist(), mem_b.tolist(), ajac.tolist(), acont.tolist(), aest.tolist())]
    new = [f for f in found if (f[0], f[1]) not in pairs]
    if new:
        na = np.array([[f[0], f[1]] for f in new], dtype=np.int64)
        for (a, b, j, c, e), jv, est in zip(new, jaccard_many(sk.sets, na[:, 0], sk.sets, na[:, 1]).tolist(), _est(sk.sig, na).tolist()):
            p = Pair(a, b, "near", "near-answer", est, jv)
            p.answer_containment = c
            pairs[(a, b)] = p
    for a, b, j, c, e in found:
        if (a, b) in pairs and pairs[(a, b)].answer_containment is None:
            pairs[(a, b)].answer_containment = c
    rest = list(pairs.values())
    if rest:
        ia, ib = np.array([p.a for p in rest]), np.array([p.b for p in rest])
        for p, q, a in zip(rest, jaccard_many(sk.qsets, ia, sk.qsets, ib).tolist(), jaccard_many(sk.asets, ia, sk.asets, ib).tolist()):
            p.question_jaccard, p.answer_jaccard = q, a
    timings["questions_answers"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    ordered = [pairs[k] for k in sorted(pairs)]
    # only the ids of the records in pairs and groups are read here; the report reads what it shows
    ids = {i: r["id"] for i, r in records.take(sorted({x for p in ordered for x in (p.a, p.b)} | set(members.tolist())), ["id"]).items()}
    clusters = _clusters(n, ids, ordered, finding_counts, sk.completeness)
    conflicts = conflict_groups(records, sk, label, members, edges, edge_kind, rep_lab, rep_idx, clusters, ids)
    timings["cluster"] = time.perf_counter() - t0
    stats = {"records": n, "candidates": n_candidates, "verified_pairs": len(ordered), "clusters": len(clusters),
             "removed": sum(len(c["members"]) - 1 for c in clusters), "conflicts": len(conflicts),
             "conflict_records": sum(c["size"] for c in conflicts),
             "question_groups": int(np.count_nonzero(sizes > 1)), "near_answer_pairs": sum(1 for p in ordered if p.reason == "near-answer"),
             "bands": cfg.bands_rows()[0], "rows": cfg.bands_rows()[1],
             "question_bands": cfg.question_bands_rows()[0], "question_rows": cfg.question_bands_rows()[1]}
    return DedupResult(records, ordered, clusters, conflicts, cfg, stats=stats, timings=timings, ids=ids)


LINKS = ("title-or-question", "question-text")


def conflict_groups(records: Records, sk: Sketch, label: np.ndarray, members: np.ndarray, edges: np.ndarray,
                    edge_kind: np.ndarray, rep_lab: np.ndarray, rep_idx: np.ndarray, clusters: list[dict[str, Any]],
                    ids: dict[int, str]) -> list[dict[str, Any]]:
    """Same-question groups whose members have two or more distinct answers (distinct duplicate
    clusters), one dict per group: its members, the representative answers (at most
    `representatives`, each with how many members share it), how the members were linked, and the
    estimated answer similarity between the representatives. Work per group: its members plus the
    representatives' pairs."""
    root = np.arange(len(label), dtype=np.int64)
    for k, c in enumerate(clusters):
        root[c["members_idx"]] = -(k + 1)  # a duplicate cluster counts as one answer
    by_label: dict[int, list[int]] = {}
    for i in members.tolist():
        by_label.setdefault(int(label[i]), []).append(i)
    reps: dict[int, list[int]] = {}
    for lab, i in zip(rep_lab.tolist(), rep_idx.tolist()):
        reps.setdefault(lab, []).append(i)
    linked: dict[int, set[str]] = {}
    for (a, _), k in zip(edges.tolist(), edge_kind.tolist()):
        linked.setdefault(int(label[a]), set()).add(LINKS[k])
    out: list[dict[str, Any]] = []
    firsts = []
    for lab, mem in by_label.items():
        roots = root[mem]
        distinct = len(np.unique(roots))
        if distinct < 2:
            continue
        shown, seen = [], set()
        for r in reps.get(lab, []):
            if root[r] not in seen:
                seen.add(int(root[r]))
                shown.append(r)
        counts = [int(np.count_nonzero(roots == root[r])) for r in shown]
        sims = []
        if len(shown) > 1:
            ii, jj = np.triu_indices(len(shown), k=1)
            sa, sb = np.array(shown)[ii], np.array(shown)[jj]
            sims = _answer_estimate(sk, sa, sb).tolist()
        out.append({"members_idx": mem, "members": [ids[i] for i in mem], "size": len(mem), "distinct_answers": distinct,
                    "answers_idx": shown, "answers": [ids[i] for i in shown], "answer_counts": counts,
                    "linked_by": sorted(linked.get(lab, ())),
                    "answer_similarity_min": min(sims) if sims else None, "answer_similarity_max": max(sims) if sims else None,
                    "answer_similarity_mean": float(np.mean(sims)) if sims else None})
        firsts.append(mem[0])
    text = records.take(firsts, ["title", "question"])
    for group in out:
        row = text[group["members_idx"][0]]
        group["question"] = (row.get("title") or row.get("question") or "").strip()
    out.sort(key=lambda c: (-c["size"], c["members_idx"][0]))
    for k, c in enumerate(out, 1):
        c["conflict_id"] = f"q{k:05d}"
    return out
