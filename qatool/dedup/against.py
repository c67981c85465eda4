"""Records that duplicate an existing dataset (`--against`): its records are read from Parquet or JSONL
(messages, alpaca, sharegpt, question/answer) and sketched like ours; or an earlier run's
`signatures.parquet` (or its folder) is read as it is, without recomputing anything: exact matches by
digest, near ones proposed by LSH over the stored signatures and verified by the exact Jaccard when
the run's `records.parquet` is beside it (only the candidates are read), else by the MinHash estimate.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from qatool.common.records import Records, as_records
from qatool.dedup.candidates import _lsh_pairs
from qatool.dedup.config import DedupConfig
from qatool.dedup.minhash import jaccard_many
from qatool.dedup.sketch import Sketch, resolved_backend, sketch_records

SIGNATURES_FILE = "signatures.parquet"
COMPATIBLE = ("num_perm", "seed", "scheme", "shingle", "scope", "min_shingles")  # what must match to compare signatures


@dataclass
class StoredSignatures:
    """An earlier run's signatures.parquet: ids, exact digests and MinHash signatures, the config that
    made them, and that run's records.parquet when it is beside them."""

    path: Path
    ids: list[str]
    exact: np.ndarray  # (n, 2) uint64
    sig: np.ndarray  # (n, num_perm) uint32
    config: dict[str, Any]
    records: Path | None

    def check(self, cfg: DedupConfig) -> None:
        mine = asdict(cfg)
        diff = [f"{k}={self.config.get(k)!r} (this run: {mine[k]!r})" for k in COMPATIBLE if self.config.get(k) != mine[k]]
        if diff:
            raise ValueError(f"{self.path}: its signatures were made with {', '.join(diff)}; run with the same settings "
                             "to compare against them, or pass that run's records instead")


def load_signatures(path: Path) -> StoredSignatures:
    """A signatures.parquet (or a run folder holding one), as `write_signatures` wrote it."""
    import pyarrow.parquet as pq

    file = path / SIGNATURES_FILE if path.is_dir() else path
    if not file.exists():
        raise ValueError(f"{path}: no {SIGNATURES_FILE} there; --against takes a run folder, its {SIGNATURES_FILE}, "
                         "or a dataset (Parquet or JSONL)")
    try:
        table = pq.read_table(file)
        meta = json.loads(table.schema.metadata[b"qatool"].decode("utf-8"))
    except Exception as err:  # pyarrow raises several types for damaged files
        raise ValueError(f"{file}: not a readable {SIGNATURES_FILE} ({err}); re-run `qatool run` to write it") from None
    n = table.num_rows
    num_perm = int(meta["config"]["num_perm"])
    sig = table.column("signature").combine_chunks().flatten().to_numpy(zero_copy_only=False).astype(np.uint32).reshape(n, num_perm)
    raw = [b if b is not None else bytes(16) for b in table.column("exact").to_pylist()]
    exact = np.frombuffer(b"".join(raw), dtype=np.uint64).reshape(n, 2).copy() if n else np.zeros((0, 2), np.uint64)
    rec = file.parent / "records.parquet"
    return StoredSignatures(file, table.column("id").to_pylist(), exact, sig, meta["config"], rec if rec.exists() else None)


def is_signatures(path: Path) -> bool:
    """A run folder, or a Parquet file with a `signature` column."""
    if path.is_dir():
        return True
    if path.suffix != ".parquet":
        return False
    import pyarrow.parquet as pq

    try:
        return "signature" in pq.read_schema(path).names
    except Exception:  # an unreadable file is reported by the dataset reader
        return False

# ------------------------------------------------------------------------------------------ against


def load_external(path: Path) -> list[dict[str, Any]] | StoredSignatures:
    """Records of an existing dataset (Parquet with question/answer, or JSONL in messages, alpaca,
    sharegpt or question/answer form), to find training records that leak into it; or the stored
    signatures of an earlier run (its folder or its signatures.parquet)."""
    if is_signatures(path):
        return load_signatures(path)
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


def find_against(records: Sequence[dict[str, Any]], external: Mapping[str, list[dict[str, Any]] | StoredSignatures], cfg: DedupConfig,
                 sk: Sketch | None = None) -> list[dict[str, Any]]:
    """Records that duplicate (exactly or near) a record of an existing dataset or of an earlier run's
    stored signatures. `sk`: the records' sketches when the caller has them already."""
    out = []
    backend = resolved_backend(cfg)
    sk = sk if sk is not None else sketch_records(records, cfg, backend)
    n = len(sk)
    for src, rows in sorted(external.items()):
        stored: StoredSignatures | None = None
        if isinstance(rows, StoredSignatures):
            stored = rows
            stored.check(cfg)
            ext_exact, ext_sig, ext_ids = stored.exact, stored.sig, stored.ids
        else:
            ext = sketch_records(rows, cfg, backend)
            ext_exact, ext_sig, ext_ids = ext.exact, ext.sig, [r["id"] for r in rows]
        hits: dict[tuple[int, int], tuple[float, bool]] = {}
        first = {tuple(k): e for e, k in reversed(list(enumerate(ext_exact.tolist()))) if any(k)}
        for i, k in enumerate(sk.exact.tolist()):
            e = first.get(tuple(k)) if any(k) else None
            if e is not None:
                hits[(i, e)] = (1.0, False)
        cand = _lsh_pairs(np.concatenate([sk.sig, ext_sig]), cfg)
        cand = np.array([(i, j - n) for i, j in cand.tolist() if i < n <= j and (i, j - n) not in hits], dtype=np.int64).reshape(-1, 2)
        if stored is None:
            jac, estimated = jaccard_many(sk.sets, cand[:, 0], ext.sets, cand[:, 1]), False
        elif stored.records is not None:  # exact: sketch only the candidate rows of that run
            want = sorted(set(cand[:, 1].tolist()))
            got = Records(stored.records).take(want, ["id", "question", "answer", "analysis", "title"])
            if any(got[e]["id"] != ext_ids[e] for e in want):
                raise ValueError(f"{stored.records}: its records do not match {stored.path} (re-run that export)")
            csk = sketch_records([got[e] for e in want], cfg, backend)
            pos = {e: k for k, e in enumerate(want)}
            jac, estimated = jaccard_many(sk.sets, cand[:, 0], csk.sets, np.array([pos[e] for e in cand[:, 1].tolist()], dtype=np.int64)), False
        else:
            jac, estimated = (sk.sig[cand[:, 0]] == ext_sig[cand[:, 1]]).mean(axis=1), True
        for (i, e), j in zip(cand.tolist(), jac.tolist()):
            if j >= cfg.threshold:
                hits[(i, e)] = (j, estimated)
        ids = as_records(records).take((i for i, _ in hits), ["id"])
        for (i, e), (jac_v, est) in sorted(hits.items()):
            out.append({"id": ids[i]["id"], "against": src, "against_id": ext_ids[e],
                        "kind": "exact" if jac_v == 1.0 and not est else "near", "jaccard": jac_v, "estimated": est})
    return out
