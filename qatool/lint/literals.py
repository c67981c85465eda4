"""A literal prefilter for rule gates: one Aho-Corasick pass per document instead of one regex pass
per rule.

Most rule patterns cannot match without one of a few literal strings (`梯度裁剪|梯度截断|gradient`):
`required_literals` reads them off the pattern's syntax tree. A unit that contains none of a gate's
literals cannot hold a match of it, so the units a rule looks at are the units where one of its
literals occurs: a superset of the units where the gate matches, found for every rule at once by
one pass of an Aho-Corasick automaton (pyahocorasick) over the document. The rules then match
their real patterns on those units only, so findings are exactly those of a full regex scan.

A gate whose literals are too weak to filter (a single ASCII character) or that uses syntax this reader
does not vouch for (fuzzy matching, POSIX classes, properties) keeps its own regex pass.

Reading a pattern's syntax tree costs a few milliseconds, a few seconds for the whole pack at every
start, which `qatool lint` on a handful of files (a pre-commit hook, a CI job) would pay each time. The
results depend only on the pattern, its flags, this module and the Python version that parses them,
so they are kept between runs in a JSON file in the user's cache folder (`AnalysisStore`), as ruff
and jieba keep theirs; a missing, unreadable or stale file only means reading the patterns again.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path
from re import _constants as _c  # type: ignore[attr-defined]  # the stdlib regex parser: private, no stubs;
from re import _parser as _sre_parse  # type: ignore[attr-defined]  # stable since 3.11 (ATOMIC_GROUP etc.)
from typing import Any, Callable, Iterable

import ahocorasick
import regex

from qatool.common.cache import cache_dir
from qatool.common.io import atomic_writer
from qatool.lint.patterns import PATTERN_TOKEN_RE, SafePattern

MAX_SET = 64  # largest set of alternative strings followed through a concatenation
MIN_WEIGHT = 2  # weakest literal a gate may be filtered by: a CJK character counts 2, others 1
MAX_CLASS = 8  # a character class of at most this many literals is followed as alternatives
# syntax of the `regex` module that the standard parser would read differently: leave such gates alone
_FOREIGN = re.compile(r"\{\s*+[a-zA-Z]|\[:\^?[a-zA-Z]+:\]|\\[pPLmMXGNhHKV]|\(\?[a-zA-Z]*[VvfbewrpLu]|\(\?\||\(\?&|\(\?R|\(\?\d|\(\?\+|\(\?-\d")

_INLINE_I = re.compile(r"\(\?[a-zA-Z-]*i")  # (?i) or (?i:...): case-insensitive from inside the pattern


def _weight(s: str) -> int:
    """ASCII characters are common in any text and count 1; any other (a CJK character, a Greek
    letter such as `λ` or `β`, a sign such as `→`) counts 2."""
    return sum(1 if ch.isascii() else 2 for ch in s)


def _score(lits: frozenset[str]) -> tuple[int, int, float]:
    """Rarer first: the weakest literal's weight, then fewer literals, then longer ones on average."""
    weights = [_weight(s) for s in lits]
    return (min(weights), -len(lits), sum(weights) / len(weights))


@dataclass
class _Info:
    exact: frozenset[str] | None  # every string the node can match, when that set is small
    factors: frozenset[str] | None  # every match contains one of these (None: nothing known)


def _minimal(lits: frozenset[str]) -> frozenset[str]:
    """Without the strings that contain another one of the set (they add nothing to a filter)."""
    return frozenset(s for s in lits if not any(t != s and t in s for t in lits))


def _best(*cands: frozenset[str] | None) -> frozenset[str] | None:
    ok = [_minimal(c) for c in cands if c and "" not in c]
    return max(ok, key=_score) if ok else None


def _cased(ch: int) -> str | None:
    """The character as the lower-cased text holds it. A pattern read here folds ASCII letters only
    (`required_literals` refuses Unicode case folding), so a non-ASCII letter matches itself alone:
    a lower-case one (`β`, `λ`, `ſ`) is its own literal in the text whether that is lower-cased fully or
    in ASCII only; an upper-case one (`Β`) would be `β` in the one and `Β` in the other: None."""
    c = chr(ch)
    if not c.isascii() and c.lower() != c:
        return None
    return c.lower()


def _seq(items: Iterable[Any]) -> _Info:
    """A concatenation: runs of exactly known parts multiply into longer literals."""
    info, cands = _seq_all(items)
    return info


def _seq_all(items: Iterable[Any]) -> tuple[_Info, list[frozenset[str] | None]]:
    """`_seq`, and every set it chose from: each is required by every match (one per part, or per run
    of exactly known parts)."""
    cur: frozenset[str] | None = frozenset({""})
    all_exact = True
    cands: list[frozenset[str] | None] = []
    for op, av in items:
        info = _node(op, av)
        cands.append(info.factors)
        if info.exact is not None and cur is not None and len(cur) * len(info.exact) <= MAX_SET:
            cur = frozenset(a + b for a, b in product(cur, info.exact))
            continue
        all_exact = False
        cands.append(cur)
        cur = info.exact if info.exact is not None else frozenset({""})
    cands.append(cur)
    return _Info(cur if all_exact else None, _best(*cands)), cands


def _node(op: Any, av: Any) -> _Info:
    if op is _c.LITERAL:
        c = _cased(av)
        s = frozenset({c}) if c is not None else None
        return _Info(s, s)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _Info(frozenset({""}), None)  # zero width: part of no match text
    if op is _c.SUBPATTERN:
        return _seq(av[-1])
    if op is _c.ATOMIC_GROUP:
        return _seq(av)
    if op is _c.IN:
        chars = [_cased(ch) if o is _c.LITERAL else None for o, ch in av]
        known = [ch for ch in chars if ch is not None]
        if len(chars) <= MAX_CLASS and len(known) == len(chars):
            s = frozenset(known)
            return _Info(s, s)
        return _Info(None, None)
    if op is _c.BRANCH:
        infos = [_seq(branch) for branch in av[1]]
        exacts = [i.exact for i in infos if i.exact is not None]
        exact = None
        if len(exacts) == len(infos) and sum(len(e) for e in exacts) <= MAX_SET:
            exact = frozenset[str]().union(*exacts)
        parts = [p for i in infos if (p := _best(i.exact, i.factors)) is not None]
        factors = frozenset[str]().union(*parts) if len(parts) == len(infos) else None
        return _Info(exact, _best(exact, factors))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        inner = _seq(sub)
        if lo == 0:
            if hi == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _Info(None, None)
        exact = None
        if lo == hi and inner.exact is not None and len(inner.exact) ** lo <= MAX_SET:
            exact = frozenset("".join(p) for p in product(sorted(inner.exact), repeat=lo))
        return _Info(exact, _best(exact, inner.factors))
    return _Info(None, None)  # any character, classes, back references, conditionals


class AnalysisStore:
    """`required_literals`, `required_factors` and `weak_factors` by pattern and flags, read from and written to one
    JSON file whose name holds a hash of this module's source and the Python version: any change to the
    reading makes a new file, so a stored result is always the one this code would compute."""

    VERSION = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()[:16]

    def __init__(self) -> None:
        self.literals: dict[str, list[str] | None] = {}
        self.factors: dict[str, list[list[list[str]]] | None] = {}
        self.weak: dict[str, list[list[list[str]]] | None] = {}
        self.loaded_from: Path | None = None
        self.dirty = False
        self._folder: Path | None = None
        self._path: Path | None = None

    @staticmethod
    def key(pattern: str, flags: int) -> str:
        return f"{int(flags)}:{pattern}"

    def path(self) -> Path | None:
        folder = cache_dir()
        if folder is not self._folder:  # (the same folder object while the environment stays as it was)
            self._folder, self._path = folder, folder / f"literals-{self.VERSION}.json" if folder is not None else None
        return self._path

    def load(self) -> None:
        path = self.path()
        if path is None or path == self.loaded_from:
            return
        self.loaded_from = path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            literals, factors, weak = data["literals"], data["factors"], data["weak"]
            if not all(isinstance(table, dict) for table in (literals, factors, weak)):
                return
        except (OSError, ValueError, KeyError, TypeError):
            return  # none yet, or not ours: computed again and written anew
        self.literals.update(literals)
        self.factors.update(factors)
        self.weak.update(weak)

    def save(self) -> None:
        """Write what was computed since the load (atomically: a reader sees the old file or the new,
        and two processes writing at once each leave a whole file). A folder that cannot be written
        only means no store."""
        path = self.path()
        if not self.dirty or path is None:
            return
        try:
            with atomic_writer(path) as fh:
                json.dump({"literals": self.literals, "factors": self.factors, "weak": self.weak}, fh, ensure_ascii=False, sort_keys=True)
        except OSError:
            return
        self.dirty = False


STORE = AnalysisStore()


def save_analysis() -> None:
    """Keep what this process read off patterns for the next one (see AnalysisStore.save)."""
    STORE.save()


def _stored(table: dict[str, Any], pattern: str, flags: int, compute: Callable[[str, int], Any],
            encode: Callable[[Any], Any], decode: Callable[[Any], Any]) -> Any:
    """`compute(pattern, flags)`, from `table` (one of STORE's) when it holds the pattern; a result is
    kept there as JSON data (`encode`), None as None."""
    key = STORE.key(pattern, flags)
    if key not in table:  # (the folder is looked up only for what this process has not read yet)
        STORE.load()
    if key in table:
        got = table[key]
        return decode(got) if got is not None else None
    result = compute(pattern, flags)
    table[key] = encode(result) if result is not None else None
    STORE.dirty = True
    return result


def required_literals(pattern: str, flags: int = regex.ASCII) -> frozenset[str] | None:
    """`_required_literals`, from the store when it holds the pattern."""
    return _stored(STORE.literals, pattern, flags, _required_literals, sorted, frozenset)


def required_factors(pattern: str, flags: int = regex.ASCII) -> list[list[frozenset[str]]] | None:
    """`_required_factors`, from the store when it holds the pattern."""
    return _stored(STORE.factors, pattern, flags, _required_factors,
                   lambda alts: [[sorted(f) for f in alt] for alt in alts],
                   lambda got: [[frozenset(f) for f in alt] for alt in got])


@lru_cache(maxsize=4096)
def _required_literals(pattern: str, flags: int = regex.ASCII) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of `pattern` contains, or None when there is no
    such set strong enough to filter by.

    >>> sorted(required_literals(r"(?:请)?在评论区(?:留言|分享)"))
    ['在评论区分享', '在评论区留言']
    >>> sorted(required_literals(r"(?:梯度裁剪|gradient\\s+clipping)[^。]{0,9}梯度"))
    ['gradient', '梯度裁剪']
    >>> required_literals(r"[（(]\\d{4}[）)]") is None
    True
    """
    tree = _parsed(pattern, flags)
    if tree is None:
        return None
    info = _seq(tree)
    lits = _best(info.exact, info.factors)
    if lits is None or _score(lits)[0] < MIN_WEIGHT:
        return None
    return lits


def _parsed(pattern: str, flags: int) -> Any:
    """The standard parser's tree of `pattern`, or None when its reading would not be the `regex` module's."""
    unicode_case = not flags & regex.ASCII and (flags & regex.IGNORECASE or _INLINE_I.search(pattern))
    if _FOREIGN.search(pattern) or unicode_case:
        return None  # Unicode case folding (ſ ~ s, K ~ k) is more than lower() mirrors
    std = (re.VERBOSE if flags & regex.VERBOSE else 0) | re.ASCII
    try:
        return _sre_parse.parse(pattern, std)
    except Exception:  # noqa: BLE001 - syntax the standard parser refuses: read a looser pattern, or no prefilter
        pass
    looser = _looser(pattern)
    if looser == pattern:
        return None
    try:
        return _sre_parse.parse(looser, std)
    except Exception:  # noqa: BLE001 - any other syntax the standard parser refuses: no prefilter
        return None


def _looser(pattern: str) -> str:
    """`pattern` with what the `regex` module allows and the standard parser refuses made looser: a back reference
    (refused inside a lookbehind) becomes a run of any characters, and a `(?P<name>` group name used again (refused as
    a redefinition) names nothing. It matches every string the pattern matches (and more), so the strings its matches
    need are needed by the pattern's matches too."""
    seen: set[str] = set()

    def loosen(m: regex.Match[str]) -> str:
        if m.group("ref"):
            return r"(?:[\s\S]*)"
        name = m.group("name")
        if name is None or not m.group().startswith("(?P<"):
            return m.group()
        if name in seen:
            return "(?:"
        seen.add(name)
        return m.group()

    return PATTERN_TOKEN_RE.sub(loosen, pattern)


def weak_factors(pattern: str, flags: int = regex.ASCII) -> list[list[frozenset[str]]] | None:
    """`_required_factors` with single ASCII characters allowed as strings (`O\\s*\\(\\s*1`, `=\\s*0`), from the
    store when it holds the pattern: for a pattern whose every string is that weak, where a filter that needs them all
    together still spares most searches."""
    return _stored(STORE.weak, pattern, flags, _weak_factors,
                   lambda alts: [[sorted(f) for f in alt] for alt in alts],
                   lambda got: [[frozenset(f) for f in alt] for alt in got])


def _weak_factors(pattern: str, flags: int) -> list[list[frozenset[str]]] | None:
    return _required_factors(pattern, flags, 1)


def _required_factors(pattern: str, flags: int = regex.ASCII, min_weight: int = MIN_WEIGHT) -> list[list[frozenset[str]]] | None:
    """The pattern as alternatives (its top-level branches), each with every set of lower-cased strings
    its matches need one of: a match of an alternative contains one string of each of its sets. A
    stronger filter than `required_literals` (one set per pattern): `模型|参数` is common, `模型 … 随机
    初始化` is not. None when some alternative has no set of weight MIN_WEIGHT or more.

    >>> [sorted(sorted(f) for f in alt) for alt in required_factors(r"(?:参数|模型)[^。]{0,6}(?:随机初始化|从头)")]
    [[['从头', '随机初始化'], ['参数', '模型']]]
    >>> [[sorted(f) for f in alt] for alt in required_factors(r"稀疏|sparse")]
    [[['稀疏']], [['sparse']]]
    """
    if min_weight >= MIN_WEIGHT and _required_literals(pattern, flags) is None:
        return None  # the same syntax and case limits
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return None
    tree = list(parsed)
    branches = tree[0][1][1] if len(tree) == 1 and tree[0][0] is _c.BRANCH else [tree]
    out: list[list[frozenset[str]]] = []
    for branch in branches:
        _, cands = _seq_all(branch)
        factors = {m for c in cands if c and "" not in c and _score(m := _minimal(c))[0] >= min_weight}
        if not factors:
            return None
        # a set that every string of another set contains one of adds nothing (`稀` beside `稀疏`)
        implied = {f for f in factors if any(g != f and all(any(x in y for x in f) for y in g) for g in factors)}
        out.append(sorted(factors - implied, key=sorted))
    return out


@dataclass
class LiteralIndex:
    """The literal sets of many gates in one automaton: `scan` finds, for every gate at once, the
    document units that contain one of its literals."""

    gates: dict[tuple[str, int], int] = field(default_factory=dict)  # (pattern, flags) -> index
    automaton: Any = None  # literal -> the number of its owner set (literals with the same owners share one)
    owner_sets: list[tuple[int, ...]] = field(default_factory=list)  # the gates each owner set stands for
    owner_masks: list[int] = field(default_factory=list)  # the same as bit masks (bit k: gate k)
    _owners_of: dict[int, list[int]] = field(default_factory=dict)  # gate -> the owner sets that stand for it

    @classmethod
    def build(cls, gates: Iterable[regex.Pattern | SafePattern]) -> "LiteralIndex":
        index = cls()
        owners: dict[str, set[int]] = {}
        for rx in gates:
            key = (rx.pattern, rx.flags)
            if key in index.gates:
                continue
            lits = required_literals(rx.pattern, rx.flags)
            if lits is None:
                continue
            k = index.gates[key] = len(index.gates)
            for lit in lits:
                owners.setdefault(lit, set()).add(k)
        if owners:
            auto = ahocorasick.Automaton()
            numbers: dict[tuple[int, ...], int] = {}
            for lit in sorted(owners):
                gates_of = tuple(sorted(owners[lit]))
                auto.add_word(lit, numbers.setdefault(gates_of, len(numbers)))
            auto.make_automaton()
            index.automaton = auto
            index.owner_sets = sorted(numbers, key=numbers.__getitem__)
            index.owner_masks = [sum(1 << k for k in owners) for owners in index.owner_sets]
        return index

    def covers(self, gate: regex.Pattern | SafePattern) -> bool:
        return (gate.pattern, gate.flags) in self.gates

    def hits(self, scanned: "Scanned", gate: regex.Pattern | SafePattern) -> list[int]:
        return scanned.hits(self.gates[(gate.pattern, gate.flags)])

    def held(self, scanned: "Scanned", gate: regex.Pattern | SafePattern) -> bool:
        """Whether some unit holds one of the gate's literals."""
        return bool(scanned.any >> self.gates[(gate.pattern, gate.flags)] & 1)

    def scan(self, text: str, starts: list[int]) -> "Scanned":
        """Which gates' literals each unit (starting at `starts` in `text`) holds; `hits` gives, per gate, the sorted
        indices of the units that hold one of its literals. One automaton pass over the whole text: a literal
        holds no newline, and units are joined by newlines, so every match lies inside one unit."""
        if self.automaton is None or not starts:
            return Scanned([0] * len(starts), {}, self)
        low = text.lower()
        if len(low) != len(text):  # some character lower-cases to more than one: fold ASCII only
            low = text.translate(_ASCII_LOWER)
        # the owner sets found in each unit, each counted once per unit however often its literals recur there
        by_owner: dict[int, list[int]] = {}
        unit, nxt, last = 0, starts[1] if len(starts) > 1 else len(text) + 1, len(starts) - 1
        for end, n in self.automaton.iter(low):  # (matches come in order of their end)
            while end >= nxt:  # the match ends in a later unit
                unit += 1
                nxt = starts[unit + 1] if unit < last else len(text) + 1
            got = by_owner.get(n)
            if got is None:
                by_owner[n] = [unit]
            elif got[-1] != unit:
                got.append(unit)
        masks = [0] * len(starts)
        owner_masks = self.owner_masks
        for n, units in by_owner.items():
            m = owner_masks[n]
            for u in units:
                masks[u] |= m
        return Scanned(masks, by_owner, self)

    def owners_of(self, k: int) -> list[int]:
        """The owner sets (numbers) that stand for gate k."""
        got = self._owners_of.get(k)
        if got is None:
            bit = 1 << k
            got = self._owners_of[k] = [n for n, m in enumerate(self.owner_masks) if m & bit]
        return got


class Scanned:
    """One document's literal pass: per unit, the gates (bits) whose literals it holds, and per owner set the units
    holding one of its literals. The units of one gate are listed when a rule asks for them (most gates are only
    asked whether any unit holds them), from the owner sets that stand for it."""

    __slots__ = ("masks", "any", "_hits", "_by_owner", "_index")

    def __init__(self, masks: list[int], by_owner: dict[int, list[int]] | None = None, index: LiteralIndex | None = None) -> None:
        self.masks = masks
        self.any = 0
        for m in masks:
            self.any |= m
        self._hits: dict[int, list[int]] = {}
        self._by_owner = by_owner
        self._index = index

    def hits(self, k: int) -> list[int]:
        got = self._hits.get(k)
        if got is None:
            bit = 1 << k
            if not self.any & bit:
                got = []
            elif self._by_owner is None or self._index is None:
                got = [u for u, m in enumerate(self.masks) if m & bit]
            else:
                lists = [self._by_owner[n] for n in self._index.owners_of(k) if n in self._by_owner]
                got = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
            self._hits[k] = got
        return got


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
