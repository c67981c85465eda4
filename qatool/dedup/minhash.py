"""Vectorised shingling and MinHash over record batches.

Everything per token, per shingle and per permutation is a numpy operation over a whole batch; the
only Python work is one loop over records. Hash values depend only on the text and the seed (no
Python `hash()`, no process state), so signatures are identical across processes and machines.

* token hash: a polynomial hash of each token's code points, computed for all tokens of a batch at
  once with `np.add.reduceat`, then mixed (murmur3 finaliser);
* shingle hash: word n-grams combine n consecutive token hashes; character n-grams combine n
  consecutive code points; then mixed;
* MinHash: datasketch's permutation family and parameters (`permutations`): with the default scheme
  "affine32" each permutation is a * fmix32(h) + b mod 2^32 (a odd), with "legacy" it is
  (a * h + b) mod (2^61 - 1) masked to 32 bits; min-reduced per record with `np.minimum.reduceat`
  (permutations x shingles, so the reduction is contiguous).

`shingle_hash32` is the same shingle hash for one shingle as a Python object (a str for a character
n-gram, a tuple of tokens for a word n-gram): passed to datasketch as `hashfunc`, datasketch's MinHash
over the same shingles equals qatool's signature.

>>> sig = signatures([["预训练", "模型", "很", "重要"]], num_perm=16, ngram=2)[0]
>>> sig.shape
(1, 16)
>>> from datasketch import MinHash
>>> m = MinHash(num_perm=16, seed=1, hashfunc=shingle_hash32)
>>> m.update_batch([("预训练", "模型"), ("模型", "很"), ("很", "重要")])
>>> bool((m.hashvalues == sig[0]).all())
True
"""
from __future__ import annotations

import re
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


_C_FOLD = 0x27D4EB2F  # n-gram fold multiplier
_TOKEN_SALT = 0x9E3779B9
_P_INT = 0x01000193


def _fmix32_int(h: int) -> int:
    h &= 0xFFFFFFFF
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def token_hash32(token: str) -> int:
    """The hash of one normalised token (a polynomial over its code points, mixed), as
    `token_hashes` computes it for a whole batch."""
    h, p = 0, 1
    for ch in token:
        h = (h + ord(ch) * p) & 0xFFFFFFFF
        p = (p * _P_INT) & 0xFFFFFFFF
    return _fmix32_int(h ^ _TOKEN_SALT)


def shingle_hash32(shingle: "str | tuple[str, ...] | list[str]") -> int:
    """The 32-bit hash qatool gives one shingle: a str is a character n-gram (folded over its code
    points), a tuple or list of tokens a word n-gram (folded over the token hashes). Pass it to
    datasketch as `hashfunc` to get qatool's signatures from datasketch (see the module doc)."""
    values = [ord(c) for c in shingle] if isinstance(shingle, str) else [token_hash32(t) for t in shingle]
    acc = 0
    for v in values:
        acc = _fmix32_int(acc * _C_FOLD + v)
    return acc


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


_POWERS = np.ones(1, dtype=np.uint32)


def _powers(n: int) -> np.ndarray:
    """_P**k mod 2^32 for k < n (cached; uint32 products wrap, which is the modulus we want)."""
    global _POWERS
    if len(_POWERS) < n:
        size = max(n, 2 * len(_POWERS))
        _POWERS = np.concatenate(([np.uint32(1)], np.cumprod(np.full(size - 1, _P, dtype=np.uint32), dtype=np.uint32)))
    return _POWERS[:n]


def _hash_runs(cp: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Polynomial hash of each run cp[starts[k]:starts[k+1]] (the last run to the end), mixed."""
    pos = np.arange(len(cp), dtype=np.int64) - np.repeat(starts, np.diff(np.append(starts, len(cp))))
    h = np.add.reduceat(cp * _powers(int(pos.max()) + 1)[pos], starts).astype(np.uint32)
    return _fmix32(h ^ np.uint32(0x9E3779B9))


def token_hashes(docs: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(hash of every token, record index of every token) for a batch of token lists."""
    lens = [len(d) for d in docs]
    if sum(lens) == 0:
        return np.zeros(0, np.uint32), np.zeros(0, np.int64)
    toks = [t for d in docs for t in d]
    cp = _codepoints("".join(toks))
    starts = np.cumsum([0] + [len(t) for t in toks[:-1]], dtype=np.int64)
    empty = np.array([len(t) == 0 for t in toks])
    h = _hash_runs(cp, starts[~empty]) if len(cp) else np.zeros(0, np.uint32)
    out = np.full(len(toks), _fmix32(np.array([0x9E3779B9], dtype=np.uint32))[0], dtype=np.uint32)
    out[~empty] = h
    rec = np.repeat(np.arange(len(docs), dtype=np.int64), lens)
    return out, rec


def _class_table() -> np.ndarray:
    t = np.zeros(0x10000, dtype=np.int8)
    t[0x3400:0xA000] = 1  # CJK
    t[ord("a"):ord("z") + 1] = 2
    t[ord("0"):ord("9") + 1] = 3
    t[ord("A"):ord("Z") + 1] = 4  # folded to a-z below
    return t


_CLASS = _class_table()


def joined_token_hashes(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the normalised tokens in the code points of raw segmenter output joined by NUL (and
    by other control characters used as markers), with the position where each token starts.

    A token is a maximal run of one class of word characters, CJK (U+3400-U+9FFF), a-z or 0-9, not
    crossing a NUL: exactly the tokens `tokenize.normalise_tokens` gives for text that is already
    case-folded (A-Z are folded here too), hashed as `token_hashes` hashes them, with no Python object
    per token."""
    cls = _CLASS[np.minimum(cp, 0xFFFF)]
    upper = cls == 4
    if upper.any():
        cp = cp + upper.astype(np.uint32) * np.uint32(32)
        cls[upper] = 2
    word = cls > 0
    start = word.copy()
    start[1:] &= cls[1:] != cls[:-1]
    start_pos = np.flatnonzero(start)
    if len(start_pos) == 0:
        return np.zeros(0, np.uint32), start_pos.astype(np.int64)
    return _hash_runs(cp[word], np.flatnonzero(start[word])), start_pos.astype(np.int64)


def word_shingles(docs: list[list[str]], n: int) -> ShingleSets:
    """Word n-grams; a record with fewer than n tokens gets its whole token sequence as one shingle."""
    th, rec = token_hashes(docs)
    return word_sets(th, rec, len(docs), n)


def ngram_hashes(th: np.ndarray, rec: np.ndarray, n_records: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(record, hash) of every word n-gram of token hashes `th` grouped by record `rec` (ascending);
    a record with fewer than n tokens gets one shingle of its whole token sequence."""
    if len(th) == 0:
        return rec, th
    if n == 1:
        return rec, _fmix32(th)  # the fold of one token hash
    m = len(th) - n + 1
    sh = np.zeros(max(m, 0), dtype=np.uint32)
    ok = np.ones(max(m, 0), dtype=bool)
    for k in range(n if m > 0 else 0):
        sh = _fmix32(sh * np.uint32(0x27D4EB2F) + th[k:k + m])
        ok &= rec[k:k + m] == rec[:m]
    sh, srec = sh[ok], rec[:max(m, 0)][ok]
    lens = np.bincount(rec, minlength=n_records)
    short = np.flatnonzero((lens > 0) & (lens < n))
    if len(short):
        extra = []
        with np.errstate(over="ignore"):
            for r in short:
                acc = np.uint32(0)
                for v in th[rec == r]:
                    acc = _fmix32(np.array([acc * np.uint32(0x27D4EB2F) + v], dtype=np.uint32))[0]
                extra.append(acc)
        sh = np.concatenate([sh, np.array(extra, dtype=np.uint32)])
        srec = np.concatenate([srec, short])
    return srec, sh


def word_sets(th: np.ndarray, rec: np.ndarray, n_records: int, n: int) -> ShingleSets:
    srec, sh = ngram_hashes(th, rec, n_records, n)
    return _unique_per_record(srec, sh, n_records)


_NOT_CONTENT = re.compile(r"[\W_]+")


def content_chars(text: str) -> str:
    """What character shingles see: letters, digits and CJK characters; white space, punctuation and
    symbols removed (`。` or `！` at a sentence's end is not a difference in content)."""
    return _NOT_CONTENT.sub("", text)


def char_ngram_hashes(texts: list[str], n: int) -> tuple[np.ndarray, np.ndarray]:
    """(record, hash) of every character n-gram of texts (`content_chars`: white space and punctuation
    removed); a text shorter than n is one shingle."""
    texts = [content_chars(t) for t in texts]
    lens = np.array([len(t) for t in texts], dtype=np.int64)
    if lens.sum() == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.uint32)
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
        extra = [np.uint32(shingle_hash32(texts[r])) for r in short]  # the whole short text is the shingle
        sh = np.concatenate([sh, np.array(extra, dtype=np.uint32)])
        srec = np.concatenate([srec, short])
    return srec, sh


def char_shingles(texts: list[str], n: int) -> ShingleSets:
    """Character n-grams of texts (`content_chars`); a text shorter than n is one shingle."""
    srec, sh = char_ngram_hashes(texts, n)
    return _unique_per_record(srec, sh, len(texts))


def sets_from(parts: list[tuple[np.ndarray, np.ndarray]], n_records: int) -> ShingleSets:
    """ShingleSets from several (record, hash) arrays."""
    return _unique_per_record(np.concatenate([p[0] for p in parts]).astype(np.int64),
                              np.concatenate([p[1] for p in parts]).astype(np.uint32), n_records)


SCHEMES = ("affine32", "legacy")
MERSENNE = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int, scheme: str = "affine32") -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of each permutation, drawn exactly as datasketch draws them from its seed
    (`numpy.random.RandomState(seed)`), so signatures are datasketch's:

    * "affine32" (datasketch >= 2.0's default): a odd, b in [0, 2^32), uint32;
    * "legacy" (datasketch < 2.0, or `scheme="legacy"`): a in [1, p), b in [0, p), p = 2^61 - 1, uint64.
    """
    gen = np.random.RandomState(seed)
    if scheme == "legacy":
        ab = np.array([(gen.randint(1, MERSENNE, dtype=np.uint64), gen.randint(0, MERSENNE, dtype=np.uint64))
                       for _ in range(num_perm)], dtype=np.uint64).T
        return ab[0].copy(), ab[1].copy()
    if scheme != "affine32":
        raise ValueError(f"unknown MinHash scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _permute(values: np.ndarray, a: np.ndarray, b: np.ndarray, scheme: str) -> np.ndarray:
    """(permutations x values) uint32 permuted hashes of 32-bit shingle hashes, as datasketch computes
    them: affine32 `a * fmix32(h) + b mod 2^32`; legacy `((a * h + b) mod 2^64 mod (2^61 - 1)) & (2^32 - 1)`
    (numpy's uint64 products wrap as datasketch's do; the Mersenne modulus is a shift-and-add fold)."""
    if scheme == "affine32":
        hv = a[:, None] * _fmix32(values)[None, :]
        hv += b[:, None]
        return hv
    hv = a[:, None] * values.astype(np.uint64)[None, :]
    hv += b[:, None]
    x = hv & MERSENNE
    hv >>= np.uint64(61)
    x += hv
    np.subtract(x, MERSENNE, out=x, where=x >= MERSENNE)
    x &= _MASK32
    return x.astype(np.uint32)


def minhash(sets: ShingleSets, num_perm: int, seed: int, scheme: str = "affine32", first: int | None = None) -> np.ndarray:
    """(n_records, num_perm) uint32 signatures, equal to datasketch's `MinHash(num_perm, seed,
    hashfunc=shingle_hash32, scheme=scheme)` over the same shingles. An empty record gets all-max
    (matches nothing; datasketch's empty MinHash).

    The work is laid out permutations x shingles so that the min-reduction per record runs along
    contiguous memory; chunks of ~8K shingles stay in cache. `first`: only the leading permutations
    (a prefix of the full signature)."""
    a, b = permutations(num_perm, seed, scheme)
    if first is not None:
        a, b, num_perm = a[:first], b[:first], first
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
        hv = _permute(sets.values[lo:hi], a, b, scheme)
        sig[recs] = np.minimum.reduceat(hv, sets.offsets[recs] - lo, axis=1).T
        i = j
    return sig


def signatures(docs: list[list[str]], num_perm: int = 128, seed: int = 1, ngram: int = 3,
               scheme: str = "affine32") -> tuple[np.ndarray, ShingleSets]:
    sets = word_shingles(docs, ngram)
    return minhash(sets, num_perm, seed, scheme), sets


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique arrays."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (len(a) + len(b) - inter)


def _gather(sets: ShingleSets, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Elements of the sets idx[0], idx[1], ... one after another, as (pair number << 32 | value),
    which is ascending because each set is sorted. Also the sizes."""
    lens = sets.sizes()[idx]
    first = sets.offsets[idx]
    pid = np.repeat(np.arange(len(idx), dtype=np.uint64), lens)
    pos = np.arange(int(lens.sum()), dtype=np.int64) - np.repeat(np.cumsum(lens) - lens, lens) + np.repeat(first, lens)
    return (pid << np.uint64(32)) | sets.values[pos].astype(np.uint64), lens


def overlap_many(sets_a: ShingleSets, ia: np.ndarray, sets_b: ShingleSets, ib: np.ndarray, chunk: int = 4096) -> np.ndarray:
    """|sets_a[ia[k]] & sets_b[ib[k]]| for every k (int64), vectorised in chunks of pairs."""
    out = np.zeros(len(ia), dtype=np.int64)
    for lo in range(0, len(ia), chunk):
        a, la = _gather(sets_a, np.asarray(ia[lo:lo + chunk]))
        b, lb = _gather(sets_b, np.asarray(ib[lo:lo + chunk]))
        if len(a) and len(b):
            pos = np.minimum(np.searchsorted(b, a), len(b) - 1)
            hit = b[pos] == a
            out[lo:lo + len(la)] = np.bincount((a[hit] >> np.uint64(32)).astype(np.int64), minlength=len(la))
    return out


def jaccard_many(sets_a: ShingleSets, ia: np.ndarray, sets_b: ShingleSets, ib: np.ndarray, chunk: int = 4096) -> np.ndarray:
    """Exact Jaccard of sets_a[ia[k]] and sets_b[ib[k]] for every k, vectorised in chunks of pairs
    (two empty sets: 1.0, as `jaccard`)."""
    ia, ib = np.asarray(ia, dtype=np.int64), np.asarray(ib, dtype=np.int64)
    inter = overlap_many(sets_a, ia, sets_b, ib, chunk)
    union = sets_a.sizes()[ia] + sets_b.sizes()[ib] - inter
    return np.where(union > 0, inter / np.maximum(union, 1), 1.0)


def _integrate(f, lo: float, hi: float, steps: int = 200) -> float:
    xs = np.linspace(lo, hi, steps + 1)
    ys = f(xs)
    return float(np.trapezoid(ys, xs) if hasattr(np, "trapezoid") else np.trapz(ys, xs))  # type: ignore[attr-defined]  # numpy < 2.0


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
    if best is None:
        raise ValueError(f"num_perm must be at least 1, not {num_perm}")
    return best[1], best[2]


def bands_for_recall(threshold: float, num_perm: int, recall: float = 0.99) -> tuple[int, int]:
    """The longest bands (fewest false candidates) that still make a pair with Jaccard `threshold`
    a candidate with probability >= `recall`: rows r as large as possible, bands = num_perm // r.

    >>> bands_for_recall(0.9, 128)
    (12, 10)
    """
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands and 1 - (1 - threshold ** rows) ** bands >= recall:
            best = (bands, rows)
    return best


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


def bucket_pairs(keys: np.ndarray, max_group: int = 64) -> np.ndarray:
    """Unique (i, j), i < j, of the records that share a key in one column of `keys` (n x columns).
    Buckets larger than `max_group` are linked as a star (each member with the bucket's first),
    which is enough for clustering and keeps pairs linear. Vectorised per distinct bucket size."""
    n = keys.shape[0]
    pairs: list[np.ndarray] = []
    for col in range(keys.shape[1]):
        order = np.argsort(keys[:, col], kind="stable")
        ks = keys[order, col]
        edge = np.flatnonzero(ks[1:] != ks[:-1]) + 1
        starts = np.concatenate(([0], edge))
        sizes = np.diff(np.concatenate((starts, [n])))
        for size in np.unique(sizes[sizes >= 2]).tolist():
            first = starts[sizes == size]
            members = np.sort(order[first[:, None] + np.arange(size)[None, :]], axis=1)
            if size > max_group:
                pairs.append(np.stack([np.repeat(members[:, 0], size - 1), members[:, 1:].ravel()], axis=1))
            else:
                ii, jj = np.triu_indices(size, k=1)
                pairs.append(np.stack([members[:, ii].ravel(), members[:, jj].ravel()], axis=1))
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    code = np.unique(np.concatenate(pairs).astype(np.int64) @ np.array([n, 1], dtype=np.int64))
    return np.stack([code // n, code % n], axis=1)


def candidate_pairs(keys: np.ndarray, max_group: int = 64) -> np.ndarray:
    """Unique (i, j), i < j, that share an LSH band key (see `bucket_pairs`)."""
    return bucket_pairs(keys, max_group)
