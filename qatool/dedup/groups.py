"""Clusters of verified pairs and the canonical policy.

Clusters are connected components (union-find) of the verified pairs. Each cluster keeps one
canonical member, chosen by this policy, in order:

1. fewest lint findings (errors count before warnings),
2. the most complete answer (longest normalised answer plus analysis),
3. the earliest in source order (source path, then line).

The others are `duplicate_of` the canonical one.
"""
from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pyarrow as pa

from qatool.dedup.model import Pair


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


def components(n: int, edges: np.ndarray) -> np.ndarray:
    """Connected components of n nodes and (m, 2) edges: each node's label is the smallest node of its
    component. Vectorised: labels flow along the edges by minimum, then pointer jumping, until stable
    (a few rounds; work linear in nodes + edges per round).

    >>> components(5, np.array([[3, 1], [1, 4]])).tolist()
    [0, 1, 2, 1, 1]
    """
    label = np.arange(n, dtype=np.int64)
    if len(edges) == 0:
        return label
    u, v = edges[:, 0].astype(np.int64), edges[:, 1].astype(np.int64)
    while True:
        low = np.minimum(label[u], label[v])
        new = label.copy()
        np.minimum.at(new, u, low)
        np.minimum.at(new, v, low)
        np.minimum.at(new, label[u], low)  # hook the old roots too: fewer rounds on long chains
        np.minimum.at(new, label[v], low)
        while True:  # pointer jumping: a label's own label, until fixed
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, label):
            return label
        label = new


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
    out: list[dict[str, Any]] = []
    by_pair = {(p.a, p.b): p for p in pairs}
    for root, member_set in comps.items():
        members = sorted(member_set)
        canon = min(members, key=lambda i: canonical_key(ids[i], counts, i, int(completeness[i])))
        sims = []
        for m in members:
            if m == canon:
                continue
            pair = by_pair.get((min(m, canon), max(m, canon)))
            sims.append(pair.jaccard if pair else None)
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
