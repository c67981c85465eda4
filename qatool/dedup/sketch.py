"""The batch-local dedup map: records -> sketches (no text). Normalise, segment once with jieba, hash
tokens and shingles, MinHash; digests for exact matches. Batches run on the process pool (or Ray)
and spool to disk before they are assembled.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pyarrow as pa

from qatool.common.executor import Executor
from qatool.common.normalize import nfkc
from qatool.common.records import Records, as_records
from qatool.dedup.config import DedupConfig
from qatool.dedup.minhash import ShingleSets, _codepoints, char_ngram_hashes, content_chars, joined_token_hashes, minhash, ngram_hashes, sets_from
from qatool.dedup.tokenize import get_segmenter

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<[^>\n]{1,80}>")
_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}|[-+]|\d+[.)、])[ \t]+", re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # never content; the segmenter batches use some as markers


def normalize_for_dedup(text: str) -> str:
    """NFKC (full-width to half-width), Markdown markup and control characters stripped, white space
    collapsed, case folded."""
    text = nfkc(text or "")
    if "](" in text:
        text = _LINK.sub(r" \1 ", text)
    if "<" in text:
        text = _HTML.sub(" ", text)
    text = _CONTROL.sub(" ", _LINE_MARK.sub(" ", text))
    for mark in "*_`~":
        if mark in text:
            text = text.replace(mark, " ")
    return " ".join(text.split()).casefold()


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


# ------------------------------------------------------------------------------- question identity

_NUMBERING = re.compile(r"^\s*(?:(?:第\s*)?\d+(?:\.\d+)*\s*[题问]|(?:题目|问题|面试题|问|题|q|question)\s*\d+|\d+(?:\.\d+)*"
                        r"|[一二三四五六七八九十百]+|[(（]\s*\d+\s*[)）])\s*(?:[.、:：)）\-]|\s)\s*", re.I)
_GLOSS = re.compile(r"[(（][^()（）\u3400-\u9fff]*[)）]")  # a parenthesised gloss with no CJK: (Knowledge Distillation)
_NOT_KEY = re.compile(r"[^\u3400-\u9fffa-z0-9]+")
_GENERIC = re.compile(r"如何理解|是什么|什么样|什么|如何|怎么样|怎么|怎样|为什么|为何|有哪些|哪些|哪个|哪种|请|简述|简要|"
                      r"简单|介绍|解释|说明|描述|列举|一下|一般|能够|可以|解决|问题|计算|作用|意义|原理|方法|步骤|区别|联系|"
                      r"优缺点|优点|缺点|应用|场景|定义|概念|表达式|主要|常见|常用|进行|使用|实现|理解|吗|呢|的|了|是|有|和|与|及|样")
_ASKS = re.compile(r"[?？]|什么|如何|怎么|怎样|为什么|为何|哪些|哪个|哪种|多少|是否|吗|呢|区别|异同|优缺点|优点|缺点|不足|局限|特点|作用|原理|"
                   r"\b(?:what|why|how|when|which|who|explain|describe)\b", re.I)
MIN_KEY_CHARS = 4  # a question key shorter than this (after normalisation) identifies nothing
MIN_SPECIFIC_CHARS = 2  # ... nor one with fewer characters than this left once generic question words are removed


def question_key(text: str | None) -> str:
    """The identity of a question line or heading: normalised (`normalize_for_dedup`), without a
    numbering prefix (`1.`, `1.1`, `题目 3：`, `Q2:`, `一、`), without parenthesised glosses that carry no
    Chinese (`（Knowledge Distillation）`), punctuation and spaces; "" when what is left is too short
    or only generic question words (`如何计算`, `能够解决什么样的问题`), which name no question by themselves.

    >>> question_key("### 9. 什么是知识蒸馏（Knowledge Distillation）？")
    '什么是知识蒸馏'
    >>> question_key("题目 3：如何计算？")
    ''
    """
    t = normalize_for_dedup(text or "")
    t = _GLOSS.sub(" ", _NUMBERING.sub("", t, count=1))
    key = _NOT_KEY.sub("", t)
    if len(key) < MIN_KEY_CHARS or len(_GENERIC.sub("", key)) < MIN_SPECIFIC_CHARS:
        return ""
    return key


def title_key(title: str | None, question: str | None) -> str:
    """The heading's question key, when the heading asks something (a question mark or a question
    word): a topic heading such as `代码实现` or `微调策略` is a section name, not a question."""
    key = question_key(title)
    if key and (key == question_key(question) or _ASKS.search(normalize_for_dedup(title or ""))):
        return key
    return ""


def asks(title: str | None, question: str | None) -> bool:
    """Whether the heading or the question line asks something (a question mark or a question word). A
    record where neither does is a topic (`损失函数`, `隐藏状态`, `基于插入的写法`): its name identifies a
    question only inside its own document, where the headings above it give it a meaning; the same topic
    name in another document is another subject (a distillation loss, a k-means loss), not the same
    question answered differently."""
    return any(_ASKS.search(normalize_for_dedup(t)) for t in (title, question) if t)


def question_text(title: str | None, question: str | None) -> str:
    """The combined question text compared by the question threshold: the heading's and the question
    line's identity text (each once)."""
    parts = []
    for t in (title, question):
        t = _GLOSS.sub(" ", _NUMBERING.sub("", normalize_for_dedup(t or ""), count=1))
        t = " ".join(t.split())
        if t and t not in parts:
            parts.append(t)
    return " ".join(parts)


_NONE = bytes(16)


def _digests(texts: list[str], ok: Iterable[bool]) -> np.ndarray:
    """(n, 2) uint64: 128-bit blake2b of each text with spaces removed; all zero where not `ok`."""
    buf = b"".join(hashlib.blake2b(t.replace(" ", "").encode("utf-8"), digest_size=16).digest() if k else _NONE
                   for t, k in zip(texts, ok))
    return np.frombuffer(buf, dtype=np.uint64).reshape(-1, 2).copy()


def _parts_for(spec: str, texts: list[str], tokens: tuple[np.ndarray, np.ndarray] | None, min_shingles: int) -> tuple[np.ndarray, np.ndarray]:
    """(record, hash) of the shingles of texts: char n-grams, or word n-grams of their (token hash,
    record) arrays; a text with fewer than `min_shingles` word shingles gets character 5-grams instead."""
    kind, _, k = spec.partition(":")
    n = len(texts)
    if kind == "char":
        return char_ngram_hashes(texts, int(k))
    if tokens is None:
        raise ValueError(f"{spec} shingles need the texts' tokens")
    th, rec = tokens
    srec, sh = ngram_hashes(th, rec, n, int(k))
    counts = sets_from([(srec, sh)], n).sizes()
    short = np.flatnonzero(counts < min_shingles)
    if not len(short):
        return srec, sh
    keep = np.ones(n, dtype=bool)
    keep[short] = False
    m = keep[srec]
    frec, fsh = char_ngram_hashes([texts[i] for i in short], 5)
    return np.concatenate([srec[m], short[frec]]), np.concatenate([sh[m], fsh])


def _sets_for(spec: str, texts: list[str], tokens: tuple[np.ndarray, np.ndarray] | None, min_shingles: int) -> ShingleSets:
    srec, sh = _parts_for(spec, texts, tokens, min_shingles)
    return sets_from([(srec, sh)], len(texts))


def _segment(seg, *sides: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token hashes of a batch, their record index, and the side (0, 1, ...: question, answer,
    analysis) each token is on. The segmenter's raw tokens of all texts are joined into one string
    (NUL between tokens, 0x02 between the sides, 0x01 between records) and hashed as numpy code points."""
    parts = ["\x02".join("\x00".join(seg.raw_cut(t)) for t in texts) for texts in zip(*sides)]
    cp = _codepoints("\x01".join(parts))
    th, start = joined_token_hashes(cp)
    rec = np.searchsorted(np.flatnonzero(cp == 1), start)
    side = np.searchsorted(np.flatnonzero(cp == 2), start) - rec * (len(sides) - 1)
    return th, rec.astype(np.int64), side


ANSWER_PERM = 64  # leading permutations of the answer signatures that estimate answer similarity


@dataclass
class Sketch:
    """What the global dedup step needs of records, and no text: digests for exact matches (all zero
    = none), question keys, MinHash signatures, and shingle sets for exact Jaccards: of the scoped
    text, the answer, the analysis' own shingles (those not in the answer) and the question text."""

    exact: np.ndarray  # (n, 2) uint64, scoped text
    answer: np.ndarray  # (n, 2) uint64, answers of at least min_same_answer_chars
    qkeys: np.ndarray  # (n, 2, 2) uint64: title key, question-line key (all zero = none)
    completeness: np.ndarray  # (n,) int64: characters of normalised answer + analysis
    sig: np.ndarray  # (n, num_perm) uint32, scoped text (datasketch-compatible)
    qsig: np.ndarray  # (n, num_perm) uint32, combined question text (question_shingle)
    asig: np.ndarray  # (n, ANSWER_PERM) uint32, answer
    fsig: np.ndarray  # (n, ANSWER_PERM) uint32, answer + analysis
    sets: ShingleSets
    asets: ShingleSets
    xsets: ShingleSets  # analysis shingles not in the answer
    qsets: ShingleSets

    def __len__(self) -> int:
        return len(self.completeness)


class SketchSpool:
    """Batch sketches kept on disk as they arrive (a temporary folder), then assembled into one
    Sketch with every array allocated once: the peak is the whole sketch plus one batch, where
    holding the batches and concatenating them would need the whole sketch twice."""

    ARRAYS = ("exact", "answer", "qkeys", "completeness", "sig", "qsig", "asig", "fsig")
    SETS = ("sets", "asets", "xsets", "qsets")

    def __init__(self, num_perm: int):
        self.num_perm = num_perm
        self._dir = tempfile.TemporaryDirectory(prefix="qatool-sketch-")
        self._parts: list[tuple[Path, int, dict[str, int]]] = []  # file, records, set values per set
        self._first: dict[str, np.ndarray] = {}
        self._shared = False

    def add(self, sk: Sketch) -> None:
        self._shared = sk.asets is sk.sets  # scope "answer": the answer sets are the compared sets
        arrays = {name: getattr(sk, name) for name in self.ARRAYS}
        for name in self.SETS:
            if not (name == "asets" and self._shared):
                arrays[f"{name}.values"], arrays[f"{name}.offsets"] = getattr(sk, name).values, getattr(sk, name).offsets
        if not self._first:
            self._first = {k: v[:0] for k, v in arrays.items()}  # dtypes and row shapes
        path = Path(self._dir.name) / f"{len(self._parts):06d}.npz"
        np.savez(path, **arrays)
        self._parts.append((path, len(sk), {n: len(arrays[f"{n}.values"]) for n in self.SETS if f"{n}.values" in arrays}))

    def assemble(self) -> Sketch:
        try:
            n = sum(k for _, k, _ in self._parts)
            if not self._parts:
                z2, zs, za = np.zeros((0, 2), np.uint64), np.zeros((0, self.num_perm), np.uint32), np.zeros((0, ANSWER_PERM), np.uint32)
                empty = ShingleSets(np.zeros(0, np.uint32), np.zeros(1, np.int64))
                return Sketch(z2, z2, np.zeros((0, 2, 2), np.uint64), np.zeros(0, np.int64), zs, zs, za, za, empty, empty, empty, empty)
            out: dict[str, Any] = {name: np.empty((n,) + self._first[name].shape[1:], self._first[name].dtype) for name in self.ARRAYS}
            names = [m for m in self.SETS if f"{m}.values" in self._first]
            sets = {m: ShingleSets(np.empty(sum(p[2][m] for p in self._parts), np.uint32), np.empty(n + 1, np.int64)) for m in names}
            row, pos = 0, dict.fromkeys(names, 0)
            for path, k, sizes in self._parts:
                with np.load(path) as z:
                    for name in self.ARRAYS:
                        out[name][row:row + k] = z[name]
                    for m in names:
                        sets[m].values[pos[m]:pos[m] + sizes[m]] = z[f"{m}.values"]
                        sets[m].offsets[row:row + k + 1] = z[f"{m}.offsets"] + pos[m]
                        pos[m] += sizes[m]
                row += k
            out.update(sets)
            if self._shared:
                out["asets"] = out["sets"]
            return Sketch(**out)
        finally:
            self._dir.cleanup()


def _nchars(t: str) -> int:
    return len(t) - t.count(" ")


def sketch_batch(questions: list[str], answers: list[str], analyses: list[str | None], cfg: "DedupConfig", backend: str,
                 titles: list[str | None] | None = None, sources: list[str | None] | None = None) -> Sketch:
    """The batch-local dedup map: normalise, segment once, hash, sign. Runs in the workers.

    The compared set of a record is the union of its question's and its answer's shingles (scope qa),
    so its signature is the element-wise minimum of theirs; the answer signature serves the
    same-question answer comparison, the answer + analysis one (the minimum with the analysis')
    the containment of one record's answer in another's answer and analysis. `sources`: each record's
    file; a topic record's question keys hold it (see `asks`), and its question text is compared with
    no other's."""
    n = len(questions)
    titles = titles if titles is not None else [None] * n
    sources = sources if sources is not None else [None] * n
    qn = [normalize_for_dedup(q) for q in questions]
    an = [normalize_for_dedup(a) for a in answers]
    xn = [normalize_for_dedup(x) if x else "" for x in analyses]
    norm = [scoped(q, a, cfg.scope) for q, a in zip(qn, an)]
    completeness = np.array([_nchars(a) + _nchars(x) for a, x in zip(an, xn)], dtype=np.int64)
    exact = _digests(norm, (t.strip() != "" for t in norm))
    answer = _digests(an, (_nchars(a) >= cfg.min_same_answer_chars for a in an))
    scope = [src if src and not asks(t, q) else None for t, q, src in zip(titles, questions, sources)]
    tk = [_scoped_key(title_key(t, q), where) for t, q, where in zip(titles, questions, scope)]
    qk = [_scoped_key(question_key(q), where) for q, where in zip(questions, scope)]
    qkeys = np.stack([_digests(tk, (bool(k) for k in tk)), _digests(qk, (bool(k) for k in qk))], axis=1)
    tokens = None
    if cfg.shingle.startswith("word") or cfg.question_shingle.startswith("word"):
        th, rec, side = _segment(get_segmenter(tuple(Path(p) for p in cfg.user_dicts), backend), qn, an, xn)
        tokens = [(th[side == k], rec[side == k]) for k in range(3)]
    tok = (lambda k: tokens[k]) if tokens else (lambda k: None)  # noqa: E731
    qpart = _parts_for(cfg.shingle, qn, tok(0), cfg.min_shingles)
    apart = _parts_for(cfg.shingle, an, tok(1), cfg.min_shingles)
    xpart = _parts_for(cfg.shingle, xn, tok(2), cfg.min_shingles)
    asets = sets_from([apart], n)
    qmain = sets_from([qpart], n)
    sets = asets if cfg.scope == "answer" else qmain if cfg.scope == "question" else sets_from([qpart, apart], n)
    xall = sets_from([xpart], n)
    xsets = _minus(xall, asets)
    # a record whose heading and question line are both generic (`如何计算`) asks nothing by itself
    qtext = [question_text(t, q) if (a or b) and where is None else "" for t, q, a, b, where in zip(titles, questions, tk, qk, scope)]
    if cfg.question_shingle.startswith("word"):
        qtok = get_segmenter(tuple(Path(p) for p in cfg.user_dicts), backend)
        qth, qrec, _ = _segment(qtok, qtext)
        qsets = _sets_for(cfg.question_shingle, qtext, (qth, qrec), cfg.min_shingles)
    else:
        qsets = _sets_for(cfg.question_shingle, qtext, None, cfg.min_shingles)
    asig_full = minhash(asets, cfg.num_perm, cfg.seed, cfg.scheme)
    if cfg.scope == "answer":
        sig = asig_full
    else:
        qsig_main = minhash(qmain, cfg.num_perm, cfg.seed, cfg.scheme)
        sig = qsig_main if cfg.scope == "question" else np.minimum(qsig_main, asig_full)
    asig = np.ascontiguousarray(asig_full[:, :ANSWER_PERM])
    fsig = np.minimum(asig, minhash(xsets, cfg.num_perm, cfg.seed, cfg.scheme, first=ANSWER_PERM))
    return Sketch(exact, answer, qkeys, completeness, sig, minhash(qsets, cfg.num_perm, cfg.seed, cfg.scheme),
                  asig, fsig, sets, asets, xsets, qsets)


def _scoped_key(key: str, where: str | None) -> str:
    """A question key, held to one document (`where`) for a topic record."""
    return f"{key}\x1f{where}" if key and where is not None else key


def _minus(a: ShingleSets, b: ShingleSets) -> ShingleSets:
    """Per record, the elements of a not in b (both sorted, unique)."""
    n = len(a)
    ra = np.repeat(np.arange(n, dtype=np.uint64), a.sizes())
    rb = np.repeat(np.arange(n, dtype=np.uint64), b.sizes())
    ka = (ra << np.uint64(32)) | a.values.astype(np.uint64)
    kb = (rb << np.uint64(32)) | b.values.astype(np.uint64)
    keep = ~np.isin(ka, kb, assume_unique=True)
    rec = ra[keep].astype(np.int64)
    return ShingleSets(a.values[keep], np.searchsorted(rec, np.arange(n + 1), side="left").astype(np.int64))


def record_shingles(title: str | None, question: str, answer: str, cfg: DedupConfig, part: str = "scope",
                    source: str | None = None) -> list:
    """The shingles of one record as Python objects (a str per character n-gram, a tuple of tokens per
    word n-gram), exactly as dedup hashes them: `part` "scope" (the compared text: question and answer
    shingles for scope qa), "answer" or "question" (the combined question text, question_shingle).
    With `minhash.shingle_hash32` as datasketch's hashfunc, datasketch's MinHash over these equals
    dedup's signature (see signatures.parquet)."""
    seg = lambda: get_segmenter(tuple(Path(p) for p in cfg.user_dicts))  # noqa: E731

    def of(text: str, spec: str) -> list:
        kind, _, size = spec.partition(":")
        k = int(size)
        if kind == "word":
            toks = seg().cut(text)
            if toks:
                grams = [tuple(toks[i:i + k]) for i in range(len(toks) - k + 1)] or [tuple(toks)]
                if len(set(grams)) >= cfg.min_shingles:
                    return grams
            kind, k = "char", 5
        t = content_chars(text)
        return [t[i:i + k] for i in range(len(t) - k + 1)] or ([t] if t else [])

    qn, an = normalize_for_dedup(question), normalize_for_dedup(answer)
    if part == "question":
        keyed = (title_key(title, question) or question_key(question)) and not (source and not asks(title, question))
        return sorted(set(of(question_text(title, question), cfg.question_shingle)), key=repr) if keyed else []
    if part == "answer" or cfg.scope == "answer":
        return sorted(set(of(an, cfg.shingle)), key=repr)
    if cfg.scope == "question":
        return sorted(set(of(qn, cfg.shingle)), key=repr)
    return sorted(set(of(qn, cfg.shingle)) | set(of(an, cfg.shingle)), key=repr)


def _sketch_args(args: tuple) -> Sketch:
    texts, cfg, backend = args
    if isinstance(texts, (pa.RecordBatch, pa.Table)):  # Arrow buffers cross the process boundary; the text is decoded here
        texts = tuple(texts.column(c).to_pylist() if c in texts.schema.names else [None] * texts.num_rows for c in _TEXT)
    question, answer, analysis, title, source = texts
    return sketch_batch(question, answer, analysis, cfg, backend, title, source)


def resolved_backend(cfg: DedupConfig) -> str:
    """Check the fast segmenter once, here; workers then trust the answer instead of re-probing."""
    if "word" not in (cfg.shingle.partition(":")[0], cfg.question_shingle.partition(":")[0]):
        return cfg.segmenter
    return get_segmenter(tuple(Path(p) for p in cfg.user_dicts), cfg.segmenter).backend


def text_sets(texts: list[str], cfg: DedupConfig, spec: str | None = None, backend: str | None = None) -> ShingleSets:
    """Shingle sets of already normalised texts, as dedup compares them (`spec` defaults to
    cfg.shingle). Used by the benchmark to compute the true Jaccard of planted pairs."""
    spec = spec or cfg.shingle
    tokens = None
    if spec.startswith("word"):
        th, rec, _ = _segment(get_segmenter(tuple(Path(p) for p in cfg.user_dicts), backend or resolved_backend(cfg)), texts)
        tokens = (th, rec)
    return _sets_for(spec, texts, tokens, cfg.min_shingles)


_TEXT = ("question", "answer", "analysis", "title", "source")


def _text_batches(records: Records, batch: int) -> Iterable[tuple[list, list, list, list, list] | pa.RecordBatch]:
    """(questions, answers, analyses, titles, sources) of consecutive batches of records; from a Parquet file, record
    batches of those columns, which own their buffers (see `_sketch_args`). A slice of an in-memory
    table would pickle its whole parent buffer, so that one is read into lists here."""
    for b in records.batches(batch, _TEXT):
        if records.path is not None:
            yield b
        else:
            yield tuple(b.column(c).to_pylist() if c in b.schema.names else [None] * b.num_rows for c in _TEXT)


def _sketch_part(shared: tuple[DedupConfig, str], texts: Any) -> Sketch:
    return _sketch_args((texts, *shared))


def sketch_records(records: Sequence[dict[str, Any]] | pa.Table, cfg: DedupConfig, backend: str,
                   executor: Executor | None = None, batch: int = 2000) -> Sketch:
    """Sketches of all records, batch by batch on `executor` (default: this process; bounded in
    flight); identical for any executor."""
    records = as_records(records)
    parts = (executor or Executor()).map_records(_sketch_part, records, batch, list(_TEXT), (cfg, backend),
                                                 batches=_text_batches(records, batch))
    spool = SketchSpool(cfg.num_perm)
    for part in parts:
        spool.add(part)
    return spool.assemble()
