"""The safe-pattern wrapper: every regex a rule file brings (rule patterns, glossary names and
definitions, repository names, claim predicates) and every pattern built from them is a
`SafePattern`, so that one timeout policy bounds every search. A search that takes longer than
`TIMEOUT` raises `PatternTimeout` (a `TimeoutError`) naming the pattern and where it is defined;
the linter reports it as an error of that rule and file instead of hanging.

>>> rx = safe(regex.compile(r"(x|xx)+z"), "glossary term demo")
>>> rx.search("x" * 36 + "!")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
qatool.lint.patterns.PatternTimeout: pattern '(x|xx)+z' (glossary term demo) took longer than 0.25s on 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx!'; it backtracks catastrophically: simplify it (avoid nested quantifiers such as (a+)+ or (x|xx)+)
"""
from __future__ import annotations

from typing import Any

import regex

from qatool.lint.compiled import compile_pattern

TIMEOUT = 0.25  # seconds per search call: the one policy for user and pack patterns


class PatternTimeout(TimeoutError):
    def __init__(self, pattern: str, where: str, text: str, timeout: float):
        super().__init__(f"pattern {pattern!r}{f' ({where})' if where else ''} took longer than {timeout}s on {text[:60]!r}; "
                         "it backtracks catastrophically: simplify it (avoid nested quantifiers such as (a+)+ or (x|xx)+)")
        self.pattern, self.where, self.text, self.timeout = pattern, where, text, timeout

    def __reduce__(self):  # crosses process boundaries whole
        return (PatternTimeout, (self.pattern, self.where, self.text, self.timeout))


# syntax that a copy of a pattern's tail cannot carry unchanged (back references, conditionals, recursion, branch
# reset, \K, global or version flags, fuzzy matching, verbose comments): such a pattern is searched as written
_NO_COPY_RE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(|\\K|\(\?\||\(\?[&R+\d]|\(\?[a-zA-Z]*[rVx]|\(\?[a-zA-Z]+\)|\{\s*e")
# one token of a pattern's text: a back reference (`\1`, `\g<name>`, `(?P=name)`), any other escape, a character class
# (where `\1` is a character), a named group's opening, or any other character
PATTERN_TOKEN_RE = regex.compile(r"(?P<ref>\\[1-9][0-9]?|\\g<\w+>|\(\?P=\w+\))|\\.|\[\^?\]?(?:\\.|[^\]\\])*+\]"
                                 r"|\(\?P?<(?![=!])(?P<name>\w+)>|\(\?'\w+'|.", regex.S)


def searchable(pattern: str, flags: int = 0) -> str:
    """The form of `pattern` that is searched: the same matches, found sooner. A pattern that opens with a lookbehind
    (`(?<=组数为1[^。]{0,30})等价于IN`) makes the engine match that lookbehind backwards at every position of a text;
    `(?=TAIL)(?<=...)TAIL` first asks whether the rest can match there, which the few positions where it can begin
    answer at once. The copy of the rest captures nothing (group numbers and names stay the pattern's own); a pattern
    whose copy could not mean the same (see `_NO_COPY_RE`), or that opens otherwise, is kept as it is."""
    if not pattern.startswith("(?<=") or flags & regex.VERBOSE or _NO_COPY_RE.search(pattern):
        return pattern
    tokens = [m.group() for m in PATTERN_TOKEN_RE.finditer(pattern)]
    depth = 0
    for k, tok in enumerate(tokens):
        depth += tok.startswith("(") - (tok == ")")
        if depth == 0:
            break
    else:
        return pattern
    tail = tokens[k + 1:]
    if not tail:
        return pattern
    copy = "".join("(?:" if (tok == "(" and tail[j + 1:j + 2] != ["?"]) or (tok.startswith("(?") and tok.endswith((">", "'")))
                   else tok for j, tok in enumerate(tail))
    return f"(?={copy}){pattern}"


class SafePattern:
    """A compiled `regex` pattern whose searches are bounded by `TIMEOUT` (or the `timeout` a caller
    passes). Offers the Pattern methods the rules use; `finditer` and `findall` return lists (the
    whole iteration runs under the bound). Made with `lazy`, the pattern is compiled on its first
    search (its text and flags are known without compiling): a pack of a thousand patterns of which a
    document reaches a few starts fast."""

    __slots__ = ("_rx", "_source", "_hash", "where")

    def __init__(self, rx: regex.Pattern | None, where: str = "", source: tuple[str, int] | None = None):
        self._rx = rx
        self._source: tuple[str, int] = source if source is not None else (rx.pattern, rx.flags)  # type: ignore[union-attr]
        self._hash = hash(self._source)  # patterns key many dicts: hashed once
        self.where = where

    @classmethod
    def lazy(cls, pattern: str, flags: int = 0, where: str = "") -> "SafePattern":
        return cls(None, where, (pattern, flags))

    @property
    def rx(self) -> regex.Pattern:
        if self._rx is None:
            self._rx = compile_pattern(searchable(*self._source), self._source[1])
        return self._rx

    pattern = property(lambda self: self._source[0])
    flags = property(lambda self: self._source[1])
    groups = property(lambda self: self.rx.groups)
    groupindex = property(lambda self: self.rx.groupindex)

    # the bounded searches, made by `_bounded` below: each calls the compiled pattern's method directly
    # (no lookup by name per call: they run hundreds of thousands of times a file)
    search: Any
    match: Any
    fullmatch: Any
    finditer: Any  # returns a list: the whole iteration runs under the bound
    findall: Any

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        try:
            return self.rx.sub(repl, string, count, timeout=TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.pattern, self.where, string, TIMEOUT) from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SafePattern) and self._source == other._source

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r})"

    def __getstate__(self) -> tuple[Any, str, tuple[str, int] | None]:
        return (None, self.where, self._source)  # compiled again where it is used

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        rx, self.where, *rest = state
        self._rx = rx
        self._source = rest[0] if rest else (rx.pattern, rx.flags)
        self._hash = hash(self._source)


def _bounded(name: str, whole: bool = False) -> Any:
    """SafePattern's `name` search under its time bound; `whole`: the iterator is run out inside it."""
    method = getattr(regex.Pattern, name)

    def bounded(self: SafePattern, string: str, pos: int = 0, endpos: int | None = None, timeout: float | None = None) -> Any:
        t = TIMEOUT if timeout is None else timeout
        try:
            out = method(self._rx or self.rx, string, pos, len(string) if endpos is None else endpos, timeout=t)
            return list(out) if whole else out
        except TimeoutError:
            raise PatternTimeout(self.pattern, self.where, string[pos:pos + 60], t) from None

    bounded.__name__ = name
    return bounded


for _name in ("search", "match", "fullmatch", "findall"):
    setattr(SafePattern, _name, _bounded(_name))
SafePattern.finditer = _bounded("finditer", whole=True)


def safe(rx: "regex.Pattern | SafePattern", where: str = "") -> SafePattern:
    """`rx` under the timeout policy (a SafePattern stays as it is)."""
    return rx if isinstance(rx, SafePattern) else SafePattern(rx, where)


def compile_safe(pattern: str, flags: int = 0, where: str = "", lazy: bool = False) -> SafePattern:
    """`pattern` under the timeout policy; `lazy`: compiled on its first search (for patterns already
    known to compile, such as the built-in pack's, checked by its tests)."""
    if lazy:
        return SafePattern.lazy(pattern, flags, where)
    return SafePattern(compile_pattern(searchable(pattern, flags), flags), where, (pattern, flags))
