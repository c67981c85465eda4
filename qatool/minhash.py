"""Vectorised shingling and MinHash over record batches.

Everything per token, per shingle and per permutation is a numpy operation over a whole batch; the
only Python work is one loop over records. Hash values depend only on the text and the seed (no
Python `hash()`, no process state), so signatures are identical across processes and machines.

* token hash: a polynomial hash of each token's code points, computed for all tokens of a batch at
  once with `np.add.reduceat`, then mixed (murmur3 finaliser);
* shingle hash: word n-grams combine n consecutive token hashes; character n-grams combine n
  consecutive code points; then mixed;
* MinHash: per permutation x -> (a*x + b) mod 2^32 (a odd) on the mixed shingle hashes, min-reduced
  per record with `np.minimum.reduceat` (permutations x shingles, so the reduction is contiguous).

>>> sig = signatures([["预训练", "模型", "很", "重要"]], num_perm=16, ngram=2)[0]
>>> sig.shape
(1, 16)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

M32 = np.uint32(0xFFFFFFFF)
_P = np.uint32(0x01000193)  # FNV prime as the polynomial base
CHUNK_SHINGLES = 1 << 13


def _fmix32(h: np.ndarray) -> np.ndarray:
    """murmur3's 32-bit finaliser: avalanche so that close inputs give unrelated hashes."""
    h = h.astype(np.uint32, copy=True)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


@dataclass
class ShingleSets:
    """Unique sorted shingle hashes of many records: record i is values[offsets[i]:offsets[i+1]]."""

    values: np.ndarray  # uint32
    offsets: np.ndarray  # int64, len = n_records + 1

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def get(self, i: int) -> np.ndarray:
        return self.values[self.offsets[i]:self.offsets[i + 1]]

    def sizes(self) -> np.ndarray:
        return np.diff(self.offsets)


def _unique_per_record(rec: np.ndarray, sh: np.ndarray, n_records: int) -> ShingleSets:
    key = (rec.astype(np.uint64) << np.uint64(32)) | sh.astype(np.uint64)
    key.sort()
    if len(key) > 1:
        key = key[np.concatenate(([True], key[1:] != key[:-1]))]
    rec_u = (key >> np.uint64(32)).astype(np.int64)
    vals = (key & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    offsets = np.searchsorted(rec_u, np.arange(n_records + 1), side="left").astype(np.int64)
    return ShingleSets(vals, offsets)


def _codepoints(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32)


def token_hashes(docs: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(hash of every token, record index of every token) for a batch of token lists."""
    lens = [len(d) for d in docs]
    if sum(lens) == 0:
        return np.zeros(0, np.uint32), np.zeros(0, np.int64)
    joined = "\x00".join("\x00".join(d) for d in docs if d)
    cp = _codepoints(joined)
    is_sep = cp == 0
    # start index of each token in cp
    starts = np.flatnonzero(np.concatenate(([True], is_sep[:-1])))
    tok_of = np.cumsum(is_sep) - is_sep  # token index of each code point (separators belong to previous)
    pos = np.arange(len(cp)) - starts[tok_of]
    powers = np.ones(int(pos.max()) + 1 if len(pos) else 1, dtype=np.uint32)
    for i in range(1, len(powers)):
        powers[i] = (int(powers[i - 1]) * int(_P)) & 0xFFFFFFFF
    contrib = np.where(is_sep, np.uint32(0), cp * powers[pos])
    h = np.add.reduceat(contrib, starts).astype(np.uint32)
    h = _fmix32(h ^ np.uint32(0x9E3779B9))
    rec = np.repeat(np.arange(len(docs), dtype=np.int64), lens)
    return h, rec


def word_shingles(docs: list[list[str]], n: int) -> ShingleSets:
    """Word n-grams; a record with fewer than n tokens gets its whole token sequence as one shingle."""
    th, rec = token_hashes(docs)
    if len(th) == 0:
        return _unique_per_record(rec, th, len(docs))
    if n == 1:
        return _unique_per_record(rec, th, len(docs))
    m = len(th) - n + 1
    sh = np.zeros(max(m, 0), dtype=np.uint32)
    ok = np.ones(max(m, 0), dtype=bool)
    for k in range(n if m > 0 else 0):
        part = th[k:k + m]
        sh = _fmix32(sh * np.uint32(0x27D4EB2F) + part)
        ok &= rec[k:k + m] == rec[:m]
    sh, srec = sh[ok], rec[:max(m, 0)][ok]
    # records shorter than n tokens: one shingle of all their tokens
    lens = np.bincount(rec, minlength=len(docs))
    short = np.flatnonzero((lens > 0) & (lens < n))
    if len(short):
        extra = []
        for r in short:
            acc = np.uint32(0)
            for v in th[rec == r]:
                acc = _fmix32(np.array([acc * np.uint32(0x27D4EB2F) + v], dtype=np.uint32))[0]
            extra.append(acc)
        sh = np.concatenate([sh, np.array(extra, dtype=np.uint32)])
        srec = np.concatenate([srec, short])
    return _unique_per_record(srec, sh, len(docs))


def char_shingles(texts: list[str], n: int) -> ShingleSets:
    """Character n-grams of texts (white space removed); a text shorter than n is one shingle."""
    texts = ["".join(t.split()) for t in texts]
    lens = np.array([len(t) for t in texts], dtype=np.int64)
    if lens.sum() == 0:
        return _unique_per_record(np.zeros(0, np.int64), np.zeros(0, np.uint32), len(texts))
    cp = _codepoints("".join(texts))
    rec = np.repeat(np.arange(len(texts), dtype=np.int64), lens)
    m = len(cp) - n + 1
    sh = np.zeros(max(m, 0), dtype=np.uint32)
    ok = np.ones(max(m, 0), dtype=bool)
    for k in range(n if m > 0 else 0):
        sh = _fmix32(sh * np.uint32(0x27D4EB2F) + cp[k:k + m])
        ok &= rec[k:k + m] == rec[:m]
    sh, srec = sh[ok], rec[:max(m, 0)][ok]
    short = np.flatnonzero((lens > 0) & (lens < n))
    if len(short):
        extra = [np.uint32(int(hashlib.blake2b(texts[r].encode("utf-8"), digest_size=4).hexdigest(), 16)) for r in short]
        sh = np.concatenate([sh, np.array(extra, dtype=np.uint32)])
        srec = np.concatenate([srec, short])
    return _unique_per_record(srec, sh, len(texts))


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit (a odd, b) for each permutation, derived from sha256(seed, i): stable everywhere."""
    a = np.empty(num_perm, dtype=np.uint32)
    b = np.empty(num_perm, dtype=np.uint32)
    for i in range(num_perm):
        d = hashlib.sha256(f"qatool-minhash:{seed}:{i}".encode()).digest()
        a[i] = int.from_bytes(d[:4], "little") | 1
        b[i] = int.from_bytes(d[4:8], "little")
    return a, b


def minhash(sets: ShingleSets, num_perm: int, seed: int) -> np.ndarray:
    """(n_records, num_perm) uint32 signatures. An empty record gets all-max (matches nothing).

    Each permutation is x -> a*x + b mod 2^32 (a odd: a bijection) applied to shingle hashes that are
    already avalanche-mixed. The work is laid out permutations x shingles so that the min-reduction
    per record runs along contiguous memory; chunks of ~8K shingles stay in cache."""
    a, b = permutations(num_perm, seed)
    a, b = a[:, None], b[:, None]
    n = len(sets)
    sig = np.full((n, num_perm), 0xFFFFFFFF, dtype=np.uint32)
    sizes = sets.sizes()
    nonempty = np.flatnonzero(sizes > 0)
    i = 0
    while i < len(nonempty):
        j, total = i, 0
        while j < len(nonempty) and (total == 0 or total + sizes[nonempty[j]] <= CHUNK_SHINGLES):
            total += sizes[nonempty[j]]
            j += 1
        recs = nonempty[i:j]
        lo, hi = sets.offsets[recs[0]], sets.offsets[recs[-1] + 1]
        hv = a * sets.values[lo:hi][None, :]
        hv += b
        sig[recs] = np.minimum.reduceat(hv, sets.offsets[recs] - lo, axis=1).T
        i = j
    return sig


def signatures(docs: list[list[str]], num_perm: int = 128, seed: int = 1, ngram: int = 3) -> tuple[np.ndarray, ShingleSets]:
    sets = word_shingles(docs, ngram)
    return minhash(sets, num_perm, seed), sets


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique arrays."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (len(a) + len(b) - inter)


def _integrate(f, lo: float, hi: float, steps: int = 200) -> float:
    xs = np.linspace(lo, hi, steps + 1)
    ys = f(xs)
    return float(np.trapezoid(ys, xs) if hasattr(np, "trapezoid") else np.trapz(ys, xs))


@lru_cache(maxsize=64)
def optimal_bands(threshold: float, num_perm: int, fn_weight: float = 0.95) -> tuple[int, int]:
    """Bands and rows minimising fp_weight * P(false positive) + fn_weight * P(false negative) (the
    datasketch criterion), weighted towards recall by default: the exact-Jaccard verification that
    follows restores precision, so a missed pair costs more than a wasted candidate."""
    best = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = _integrate(lambda s: 1 - (1 - s ** rows) ** bands, 0.0, threshold)
            fn = _integrate(lambda s: 1 - (1 - (1 - s ** rows) ** bands), threshold, 1.0)
            err = (1 - fn_weight) * fp + fn_weight * fn
            if best is None or err < best[0] - 1e-12:
                best = (err, bands, rows)
    return best[1], best[2]


def band_keys(sig: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(n_records, bands) uint64 keys: each band's rows folded into one 64-bit value."""
    n = sig.shape[0]
    mult = np.array([(0x9E3779B97F4A7C15 * (2 * k + 1)) & 0xFFFFFFFFFFFFFFFF for k in range(rows)], dtype=np.uint64)
    keys = np.zeros((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = sig[:, band * rows:(band + 1) * rows].astype(np.uint64)
            k = (block * mult[None, :]).sum(axis=1, dtype=np.uint64)
            keys[:, band] = k ^ (np.uint64(band) * np.uint64(0xC2B2AE3D27D4EB4F))
    return keys


def candidate_pairs(keys: np.ndarray, max_group: int = 64) -> np.ndarray:
    """Unique (i, j), i < j, that share a band key. Buckets larger than `max_group` are linked as a
    star (each member with the bucket's first), which is enough for clustering and keeps pairs linear."""
    pairs: list[np.ndarray] = []
    n, bands = keys.shape
    for band in range(bands):
        k = keys[:, band]
        order = np.argsort(k, kind="stable")
        ks = k[order]
        edge = np.flatnonzero(np.diff(ks) != 0) + 1
        starts = np.concatenate(([0], edge))
        ends = np.concatenate((edge, [n]))
        multi = np.flatnonzero(ends - starts >= 2)
        for g in multi:
            members = np.sort(order[starts[g]:ends[g]])
            if len(members) > max_group:
                pairs.append(np.stack([np.full(len(members) - 1, members[0]), members[1:]], axis=1))
            else:
                ii, jj = np.triu_indices(len(members), k=1)
                pairs.append(np.stack([members[ii], members[jj]], axis=1))
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    allp = np.concatenate(pairs).astype(np.int64)
    code = np.unique(allp[:, 0] * n + allp[:, 1])
    return np.stack([code // n, code % n], axis=1)
