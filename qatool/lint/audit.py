"""A static check that a regular expression stays linear in a search: no two unbounded repeats over
overlapping characters can be adjacent (`\\s*\\s*`, `\\s*(?:x)?\\s*`: every split of a run is tried),
no unbounded repeat over a character class starts the pattern, also inside a look-around there (a
search restarts it from every position of a run: `\\s*、`, `(?=.*x)`). A possessive repeat (`\\s*+`)
gives nothing back, so what follows it cannot split its run; a repeat right after a look-behind that
excludes its characters (`(?<!\\s)\\s+`) starts only where a run starts.

Used by the tests on every shipped rule pattern and on the linter's own patterns; a finding names
the pattern and the problem. It reads the pattern with Python's own regex parser, so syntax only the
`regex` module knows is reported as unreadable (and skipped by the caller).

>>> problems(r"x\\s*\\s*y")
['adjacent unbounded repeats over the same characters']
>>> problems(r"模型\\s*是")
[]
"""
from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]  # the sre modules are private: no stubs
from re import _parser as sp  # type: ignore[attr-defined]
from typing import Any

# characters that stand for the classes a pattern can repeat over
PROBE_CHARS = " \t\n\u3000aZz09_-.,:;!?*#`<>|()[]{}/\\\"'，。、；：！？（）【】《》“”模型的是"
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)


class Unreadable(ValueError):
    pass


def _charset(sub: Any, flags: int) -> frozenset[str]:
    """The probe characters one repetition of `sub` can be (empty when it spans several characters)."""
    from re import _compiler  # type: ignore[attr-defined]  # private: no stubs

    lo, hi = sub.getwidth()
    if not (lo == hi == 1):
        return frozenset()
    compiled = _compiler.compile(sub, flags)
    return frozenset(ch for ch in PROBE_CHARS if compiled.fullmatch(ch))


class _Walk:
    def __init__(self, flags: int):
        self.flags = flags
        self.found: list[str] = []

    def seq(self, items: Any) -> tuple[list[frozenset[str]], list[frozenset[str]], bool]:
        first: list[frozenset[str]] = []
        trailing: list[frozenset[str]] = []
        prefix_nullable = True
        guard: frozenset[str] = frozenset()  # characters a `(?<!…)` just before excludes
        for item in items:
            f, last, nullable = self.item(item, items)
            if guard:  # `(?<!\s)\s+` starts only at the beginning of a run: not a restart per position
                f = [chars for chars in f if not chars <= guard]
            if any(a & b for a in trailing for b in f):
                self.found.append("adjacent unbounded repeats over the same characters")
            if prefix_nullable:
                first += f
            trailing = last + (trailing if nullable else [])
            prefix_nullable = prefix_nullable and nullable
            guard = self._lookbehind_guard(item)
        return first, trailing, prefix_nullable

    def _lookbehind_guard(self, item: tuple[Any, Any]) -> frozenset[str]:
        op, av = item
        if op == c.ASSERT_NOT and av[0] == -1 and av[1].getwidth() == (1, 1):
            return _charset(av[1], self.flags)
        return frozenset()

    def item(self, item: tuple[Any, Any], parent: Any) -> tuple[list[frozenset[str]], list[frozenset[str]], bool]:
        op, av = item
        if op in _REPEATS:
            lo, hi, sub = av
            f, last, inner_null = self.seq(sub)
            nullable = lo == 0 or inner_null
            if hi == c.MAXREPEAT:
                if any(a & b for a in last for b in f):
                    self.found.append("adjacent unbounded repeats over the same characters")
                chars = _charset(sub, self.flags)
                if chars:
                    # a possessive repeat never gives characters back: what follows it cannot split its run
                    return [chars] + f, ([] if op == c.POSSESSIVE_REPEAT else [chars]) + last, nullable
            return f, last, nullable
        if op == c.SUBPATTERN:
            return self.seq(av[-1])
        if op == c.BRANCH:
            first, last, nullable = [], [], False
            for b in av[1]:
                f, l2, n = self.seq(b)
                first += f
                last += l2
                nullable = nullable or n
            return first, last, nullable
        if op in (c.ASSERT, c.ASSERT_NOT):
            # an unbounded look-around is linear where it is tried once per match start after a
            # literal (`BERT(?!\s*as)`), quadratic where the pattern tries it at every position:
            # its leading repeats count as the pattern's own (see `problems`)
            inner = _Walk(self.flags)
            f, last, _ = inner.seq(av[1])
            self.found += inner.found
            return f, [], True
        sub = sp.SubPattern(parent.state, [item])
        return [], [], sub.getwidth()[0] == 0


def problems(pattern: str, flags: int = re.IGNORECASE) -> list[str]:
    """What makes `pattern` superlinear in a search (see the module docstring); [] when nothing."""
    try:
        tree = sp.parse(pattern, flags)
    except re.error as err:
        raise Unreadable(f"{pattern!r}: {err}") from None
    walk = _Walk(flags)
    first, _, _ = walk.seq(tree)
    if first:
        walk.found.append("an unbounded repeat at the start of the pattern")
    return sorted(set(walk.found))
