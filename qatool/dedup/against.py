"""Records that duplicate an existing dataset (`--against`): its records are read from Parquet or JSONL
(messages, alpaca, sharegpt, question/answer) and sketched like ours.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from qatool.common.records import rows_at
from qatool.dedup.candidates import _lsh_pairs
from qatool.dedup.config import DedupConfig
from qatool.dedup.minhash import jaccard_many
from qatool.dedup.sketch import Sketch, resolved_backend, sketch_records

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
            except RecursionError:
                raise ValueError(f"{path}:{k}: JSON nested too deeply; --against takes Parquet or JSONL of records") from None
            if not isinstance(obj, dict):
                raise ValueError(f"{path}:{k}: expected a JSON object per line, got {type(obj).__name__}; --against takes JSONL of records") from None
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
