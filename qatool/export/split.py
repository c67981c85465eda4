"""The train/val split: a record's bucket is a hash of its group key (the smallest id of its duplicate
cluster and conflicts joined, or its own id), so adding records does not move old ones and related
records never straddle the split.
"""
from __future__ import annotations

import hashlib
from typing import Any

# -------------------------------------------------------------------------------------------- logic

def _bucket(key: str, seed: str) -> float:
    h = hashlib.sha256(f"{seed}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def _groups(clusters: list[dict[str, Any]], conflicts: list[tuple[str, ...]], known: set[str]) -> dict[str, str]:
    """id -> smallest id of its connected group (clusters and conflicts joined), for the known ids
    that are in a group; any other record is a group of its own."""
    parent = {i: i for i in known}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

    for c in clusters:
        for m in c["members"][1:]:
            union(c["members"][0], m)
    for group in conflicts:  # same-question groups (member ids)
        for m in group[1:]:
            union(group[0], m)
    return {i: find(i) for i in parent}
