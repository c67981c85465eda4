"""The searched form of a pattern (`patterns.searchable`) finds exactly what the pattern finds, and the literal
reading of a pattern the standard parser refuses (`literals._looser`) still needs only what its matches contain."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from qatool.lint.claims import FILTER_FLAGS, _PropertyFilter
from qatool.lint.engine import Linter
from qatool.lint.literals import _looser, required_factors
from qatool.lint.patterns import SafePattern, compile_safe, searchable

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("pattern, expected", [
    # the rest is asked for first; its copy captures nothing, so the groups keep their numbers and names
    (r"(?<=组数为1[^。]{0,9})等价于IN", r"(?=等价于IN)(?<=组数为1[^。]{0,9})等价于IN"),
    (r"(?<=a(b))(c|(?P<n>d))x(?=y)", r"(?=(?:c|(?:d))x(?=y))(?<=a(b))(c|(?P<n>d))x(?=y)"),
    # a parenthesis in a class or escaped opens nothing
    (r"(?<=[(]x\))y", r"(?=y)(?<=[(]x\))y"),
    (r"(?<=[^)\]]{0,3})y", r"(?=y)(?<=[^)\]]{0,3})y"),
    # kept as written: no lookbehind first, nothing after it, a back reference, a conditional, verbose comments
    (r"abc(?<=c)", r"abc(?<=c)"),
    (r"(?<=a)", r"(?<=a)"),
    (r"(?<=(\d))x\1", r"(?<=(\d))x\1"),
    (r"(?<=(?P<g>a))x(?P=g)", r"(?<=(?P<g>a))x(?P=g)"),
    (r"(?<=(a)?)(?(1)x|y)", r"(?<=(a)?)(?(1)x|y)"),
    (r"(?<=a)(?x) b # (c", r"(?<=a)(?x) b # (c"),
])
def test_searchable_form(pattern, expected):
    assert searchable(pattern) == expected


def _pack_patterns() -> list[tuple[str, int]]:
    """Every pattern of the shipped pack that opens with a lookbehind, with the flags it is compiled with."""
    linter = Linter.default()
    found: set[tuple[str, int]] = set()
    for rule in linter.rules:
        for rx in _patterns_in(rule.spec):
            if rx.pattern.startswith("(?<="):
                found.add((rx.pattern, rx.flags))
    return sorted(found)


def _patterns_in(value, depth: int = 0):
    if depth > 4:
        return
    if isinstance(value, (regex.Pattern, SafePattern)):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _patterns_in(v, depth + 1)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _patterns_in(getattr(value, name), depth + 1)


PACK = _pack_patterns()
TEXT = "\n".join(json.loads(line)["text"] for path in sorted((ROOT / "tests" / "lint" / "phrasings").glob("dev_*.jsonl"))
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_the_pack_has_such_patterns():
    assert len(PACK) > 100  # (the claim phrasings open with the context they need before the slip)


@pytest.mark.parametrize("part", range(4))
def test_every_pack_pattern_finds_the_same_in_its_searched_form(part):
    """On the development phrasings (which hold matches of most of them), each pattern and its searched form find the
    same matches at the same places, with the same groups."""
    matched = 0
    for pattern, flags in PACK[part::4]:
        plain, fast = regex.compile(pattern, flags), regex.compile(searchable(pattern, flags), flags)
        assert (fast.groups, fast.groupindex) == (plain.groups, plain.groupindex), pattern
        got = [(m.span(), m.groups()) for m in fast.finditer(TEXT)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(TEXT)], pattern
        matched += bool(got)
    assert matched > 5  # (the comparison saw matches, not only their absence)


def test_a_safe_pattern_keeps_its_own_text():
    rx = compile_safe(r"(?<=组数为1[^。]{0,9})等价于IN", regex.I)
    assert rx.pattern == r"(?<=组数为1[^。]{0,9})等价于IN"
    assert rx.search("组数为1时等价于IN").group() == "等价于IN"
    assert rx.search("组数为2时等价于IN") is None


# -------------------------------------------------------------------- the looser reading of a pattern


def test_looser_reading_of_back_references_and_names_used_again():
    assert _looser(r"(?<=G\((\d+),\s*\1\))等价") == r"(?<=G\((\d+),\s*(?:[\s\S]*)\))等价"
    assert _looser(r"(?P<u>a)x|(?P<u>b)(?P=u)") == r"(?P<u>a)x|(?:b)(?:[\s\S]*)"
    assert _looser(r"[\1](?P<u>a)\\1") == r"[\1](?P<u>a)\\1"  # a character, an escaped backslash: read as they are


@pytest.mark.parametrize("pattern, text", [
    # a back reference inside a lookbehind (the standard parser refuses it; a lookbehind is matched from its end, so
    # the reference stands left of its group): the rest still needs its strings
    (r"(?<=GroupNorm\(\s*\1\s*,\s*(\d+)\s*\)[^。]{0,9})(?:等价于|相当于)\s*(?:LayerNorm|层归一化)", "把 GroupNorm(32, 32) 用上，相当于 LayerNorm"),
    # a group name used twice (the `regex` module allows it)
    (r"(?P<u>召回率)是[^。]{0,6}预测为正|(?P<u>查全率)是[^。]{0,6}预测为正", "查全率是在预测为正的样本里"),
])
def test_a_pattern_the_standard_parser_refuses_gets_a_sound_filter(pattern, text):
    alts = required_factors(pattern, FILTER_FLAGS)
    assert alts is not None
    m = regex.compile(pattern, FILTER_FLAGS).search(text)
    assert m is not None
    low = text.lower()
    assert _PropertyFilter(alts).present(low, 0, len(low)).within(m.start(), m.end())
    assert not _PropertyFilter(alts).present("这句话什么也没有说", 0, 9).within(0, 9)
