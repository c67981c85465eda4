"""qatool's signatures are datasketch's: a `datasketch.LeanMinHash` rebuilt from a stored signature
equals datasketch's own MinHash over the same shingles (both schemes, char and word shingles); the
vectorised permutation equals datasketch's arithmetic; `--against` reads stored signatures."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from datasketch import LeanMinHash, MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from qatool.cli import main
from qatool.common.manifest import sha256_file
from qatool.dedup import DedupConfig, record_shingles, shingle_hash32
from qatool.dedup.minhash import ShingleSets, char_ngram_hashes, minhash, permutations, word_shingles
from qatool.parse import parse_paths

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _datasketch(shingles, cfg: DedupConfig, seed: int | None = None) -> LeanMinHash:
    m = MinHash(num_perm=cfg.num_perm, seed=cfg.seed if seed is None else seed, hashfunc=shingle_hash32, scheme=cfg.scheme)
    m.update_batch(shingles)
    return LeanMinHash(m)


@pytest.mark.parametrize("shingle, scheme", [("char:5", "affine32"), ("word:3", "affine32"), ("char:5", "legacy")])
def test_stored_signatures_rebuild_datasketch_minhash(tmp_path, shingle, scheme):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["dedup", str(CORPUS), "-o", str(out), "--jobs", "1", "--shingle", shingle, "--minhash-scheme", scheme])
    assert res.exit_code == 0, res.output
    table = pq.read_table(out / "signatures.parquet")
    meta = json.loads(table.schema.metadata[b"qatool"])
    cfg = DedupConfig(**{k: v for k, v in meta["config"].items() if k in ("shingle", "scheme", "seed", "num_perm", "scope")})
    records = {r["id"]: r for r in parse_paths([CORPUS]).table.to_pylist()}
    rows = table.to_pylist()
    assert len(rows) == len(records) == 140
    for row in rows:
        r = records[row["id"]]
        rebuilt = LeanMinHash(seed=meta["config"]["seed"], hashvalues=row["signature"], scheme=meta["config"]["scheme"])
        assert rebuilt == _datasketch(record_shingles(r["title"], r["question"], r["answer"], cfg), cfg), row["id"]
        assert rebuilt != _datasketch(record_shingles(r["title"], r["question"], r["answer"], cfg), cfg, seed=cfg.seed + 1)
        assert row["content_hash"] == r["content_hash"]


@pytest.mark.parametrize("scheme", ["affine32", "legacy"])
def test_vectorised_permutations_equal_datasketch_arithmetic(scheme):
    rng = np.random.default_rng(3)
    vals = np.unique(np.concatenate([rng.integers(0, 2**32, 5000, dtype=np.uint64), [0, 1, 2**31, 2**32 - 1]])).astype(np.uint32)
    offsets = np.array([0, 1, 17, 17, 2000, len(vals)])  # one empty record
    sig = minhash(ShingleSets(vals, offsets), 64, 11, scheme)
    for r in range(len(offsets) - 1):
        m = MinHash(num_perm=64, seed=11, hashfunc=int, scheme=scheme)
        m.update_batch(vals[offsets[r]:offsets[r + 1]].tolist())
        assert (m.hashvalues == sig[r]).all(), (scheme, r)
    a, _ = permutations(64, 11, scheme)
    assert (a == MinHash(num_perm=64, seed=11, scheme=scheme).permutations[0]).all()


TOKENS = st.lists(st.text(st.sampled_from(list("预训练模型abc01")), min_size=1, max_size=4), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=5), st.integers(1, 4))
def test_vectorised_word_shingle_hashes_equal_shingle_hash32(docs, n):
    sets = word_shingles(docs, n)
    for r, d in enumerate(docs):
        grams = {tuple(d[i:i + n]) for i in range(len(d) - n + 1)} or ({tuple(d)} if d else set())
        assert sets.get(r).tolist() == sorted(shingle_hash32(g) for g in grams)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("预训练模型的原理abcXY01，。 ！")), max_size=30), min_size=1, max_size=5), st.integers(1, 6))
def test_vectorised_char_shingle_hashes_equal_shingle_hash32(texts, n):
    import re

    srec, sh = char_ngram_hashes(texts, n)
    for r, t in enumerate(texts):
        t = re.sub(r"[\W_]+", "", t)
        grams = {t[i:i + n] for i in range(len(t) - n + 1)} or ({t} if t else set())
        assert sorted(set(sh[srec == r].tolist())) == sorted({shingle_hash32(g) for g in grams})


# ------------------------------------------------------------------------------------------ against

def _copy_items(src: Path, dst: Path, keep) -> None:
    dst.mkdir()
    for p in src.iterdir():
        if keep(p.name):
            (dst / p.name).write_bytes(p.read_bytes())


def test_against_an_earlier_run_reads_its_signatures_without_recomputing(tmp_path, monkeypatch):
    old = tmp_path / "old"
    _copy_items(CORPUS, tmp_path / "old_in", lambda n: n.startswith(("000", "001")))
    assert CliRunner().invoke(main, ["run", str(tmp_path / "old_in"), "-o", str(old), "--no-progress", "--jobs", "1"]).exit_code == 0
    week = tmp_path / "week"
    week.mkdir()
    text = (CORPUS / next(p.name for p in CORPUS.iterdir() if p.name.startswith("000"))).read_text(encoding="utf-8")
    (week / "copy.md").write_text(text.replace("预训练", "预 训练"), encoding="utf-8")  # a spacing edit: still the same text
    (week / "new.md").write_text("### 1. 什么是梯度累积？\n\n**答案：** 梯度累积把几个小批量的梯度加起来再更新一次参数，用来在显存有限时模拟大批量训练。\n",
                                 encoding="utf-8")

    import qatool.dedup.against as against

    sketched = []
    real = against.sketch_records
    monkeypatch.setattr(against, "sketch_records", lambda recs, *a, **k: (sketched.append(len(recs)), real(recs, *a, **k))[1])
    for target in (old, old / "signatures.parquet"):
        out = tmp_path / f"out_{target.name}"
        res = CliRunner().invoke(main, ["dedup", str(week), "--against", str(target), "-o", str(out), "--jobs", "1"])
        assert res.exit_code == 0, res.output
        hits = pq.read_table(out / "against.parquet").to_pylist()
        assert len({h["id"] for h in hits if h["kind"] == "exact"}) == 30  # every copied item, exactly
        assert not any(h["estimated"] for h in hits)
    assert all(n < 10 for n in sketched)  # only candidate rows of the earlier run were read, never all of it
    # signatures made with other settings are refused with a message that says what to do
    res = CliRunner().invoke(main, ["dedup", str(week), "--against", str(old), "-o", str(tmp_path / "x"), "--shingle", "char:5"])
    assert res.exit_code == 2 and "shingle='word:2'" in res.stderr and "same settings" in res.stderr


def test_against_signatures_alone_uses_the_estimate(tmp_path):
    old = tmp_path / "old"
    assert CliRunner().invoke(main, ["dedup", str(CORPUS), "-o", str(old), "--jobs", "1"]).exit_code == 0
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "sigs.parquet").write_bytes((old / "signatures.parquet").read_bytes())  # no records.parquet beside it
    week = tmp_path / "week"
    week.mkdir()
    src = next(p for p in CORPUS.iterdir() if p.name.startswith("002"))
    (week / "a.md").write_text(src.read_text(encoding="utf-8").replace("方法", "办法", 3), encoding="utf-8")
    res = CliRunner().invoke(main, ["dedup", str(week), "--against", str(lone / "sigs.parquet"), "-o", str(tmp_path / "o"), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    hits = pq.read_table(tmp_path / "o" / "against.parquet").to_pylist()
    assert len({h["id"] for h in hits}) >= 25
    assert {h["estimated"] for h in hits if h["kind"] == "near"} <= {True}


def test_run_against_an_earlier_run_folder_finishes_and_records_what_it_read(tmp_path):
    # `qatool run week/ --against out/2024-w01` (the README's example): the run completes, and its
    # manifest records the hash of the earlier run's signatures file it read
    old = tmp_path / "old"
    _copy_items(CORPUS, tmp_path / "old_in", lambda n: n.startswith("000"))
    assert CliRunner().invoke(main, ["run", str(tmp_path / "old_in"), "-o", str(old), "--no-progress", "--jobs", "1"]).exit_code == 0
    new = tmp_path / "new"
    res = CliRunner().invoke(main, ["run", str(tmp_path / "old_in"), "-o", str(new), "--against", str(old), "--no-progress", "--jobs", "1"])
    assert res.exit_code == 0, res.output
    manifest = json.loads((new / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["settings"]["run"]["against"] == {"old": sha256_file(old / "signatures.parquet")}
