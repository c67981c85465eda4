"""acronym-expansion-wrong: an acronym written beside an English expansion that is not its own.

`ReLU (Restricted Linear Unit)` or `长短期记忆网络 LSTM（Long Short Time Memory）` spells the acronym out with words whose
initials fit it but which are not its expansion (Rectified Linear Unit, Long Short-Term Memory). The expansions come
from the rule pack's `acronyms` table (any rule file may add to it). The check reads `ACRONYM (expansion)` and
`expansion (ACRONYM)`; it compares words case-insensitively, with hyphens as spaces and plurals as singulars, skips
small words (of, the, for…), and takes a shortening (`Norm`) or a spelling two edits away (`Adaption`) for the word. An expansion whose initials do not spell the acronym is taken to be a gloss of
another kind (`BERT（base 版本）`) and left alone, as is an acronym the table does not know.
"""
from __future__ import annotations

import re
from typing import Iterator

from qatool.lint.document import LintDoc
from qatool.lint.kinds import Knowledge, asks, make_finding
from qatool.lint.model import Finding, Rule
from qatool.lint.pyrules import check

_WORDS = r"[A-Za-z][A-Za-z'-]*(?:[ \t]+[A-Za-z][A-Za-z'-]*){1,9}"
_ACRONYM = r"[A-Za-z][A-Za-z0-9-]{1,11}"
# `ReLU (Rectified Linear Unit)`, `ReLU（全称 Rectified Linear Unit）`, `Rectified Linear Unit (ReLU)`
_AFTER_RE = re.compile(r"(?<![A-Za-z0-9-])(?:" + _ACRONYM + r")[ \t]*[（(][ \t]*(?:全称|即|全名|英文全称|英文名)?[:：]?[ \t]*(?P<exp>" + _WORDS + r")[ \t]*[)）]")
_BEFORE_TAIL_RE = re.compile(r"(?<![A-Za-z0-9'-])(?P<exp>" + _WORDS + r")[ \t]*[（(]$")  # (the text before the acronym)
_CLOSE_RE = re.compile(r"[ \t]*[)）]")
_SMALL = frozenset("of the for from a an and with to in on by via over as at".split())


def _words(expansion: str) -> list[str]:
    out = []
    for w in re.split(r"[\s-]+", expansion.lower().replace("'", "")):
        if not w or w in _SMALL:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"  # (`Queries`)
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


def _initials(acronym: str) -> str:
    """The letters an expansion's words must begin with: the capitals (`ReLU` -> RLU, `LoRA` -> LRA), or every
    letter of an all-lowercase or all-capital acronym."""
    caps = "".join(c for c in acronym if c.isupper())
    return (caps if len(caps) >= 2 else acronym).lower()


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the words' initials spell the acronym's letters, in order (a word may give more than one letter:
    `Low-Rank Adaptation` spells LoRA with L, R, A; `eXtreme` is skipped as a word, not a letter)."""
    want = [c for c in _initials(acronym) if c.isalpha()]
    got = [w[0] for w in words]
    return len(want) >= 2 and got == want


def _close(a: str, b: str) -> bool:
    """One word written for another: the same, a shortening of it (`Norm`, `Conv`), another form of its stem (five
    letters the same), or a spelling of it one edit away (two when both are long: `Mased`, `Adaption`, `Neighbour`):
    a typo or a variant, not another word."""
    if a == b or (len(a) >= 3 and b.startswith(a)) or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]):
        return True  # (a shortening, `Norm`; another form of the same stem, `Reinforced`, `Encode`)
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2:
        return False
    limit = 2 if min(len(a), len(b)) >= 6 else 1  # (`Mased` for `Masked`)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= limit


def _same(words: list[str], right: list[str]) -> bool:
    return len(words) == len(right) and all(_close(a, b) for a, b in zip(words, right))


_Known = dict[str, tuple[str, list[tuple[list[str], str]]]]
_PREPARED: dict[tuple[tuple[str, tuple[str, ...]], ...], _Known] = {}
# a word right before a bracket, or alone inside one: where an acronym and its expansion can meet
_WORD_THEN_BRACKET_RE = re.compile(r"(?<![A-Za-z0-9-])(" + _ACRONYM + r")[ \t]*[（(]")
_BRACKETED_WORD_RE = re.compile(r"(?<=[（(])[ \t]*(" + _ACRONYM + r")(?=[ \t]*[)）])")


def _prepared(table: dict[str, list[str]]) -> _Known:
    """The table's expansions as word lists, by lower-case acronym."""
    key = tuple(sorted((k, tuple(v)) for k, v in table.items()))
    got = _PREPARED.get(key)
    if got is None:
        got = _PREPARED[key] = {k.lower(): (k, [(_words(x), x) for x in v]) for k, v in table.items()}
    return got


def wrong_expansions(text: str, table: dict[str, list[str]]) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, acronym, expansion written, an expansion right for it) for each acronym in the table written
    beside an expansion whose initials spell it but whose words are none of the right ones."""
    return _wrong_expansions(text, _prepared(table))


def _wrong_expansions(text: str, known: _Known) -> Iterator[tuple[int, int, str, str, str]]:
    for cand in _WORD_THEN_BRACKET_RE.finditer(text):  # `ReLU (Rectified Linear Unit)`
        entry = known.get(cand.group(1).lower())
        found = _AFTER_RE.match(text, cand.start()) if entry is not None else None
        if entry is not None and found is not None:
            got = _judge(entry, found.group("exp"), after=True)
            if got is not None:
                yield found.start(), found.end(), entry[0], found.group("exp").strip(), got
    for cand in _BRACKETED_WORD_RE.finditer(text):  # `Rectified Linear Unit (ReLU)`
        entry = known.get(cand.group(1).lower())
        if entry is None:
            continue
        opening = max(text.rfind("(", 0, cand.start(1)), text.rfind("（", 0, cand.start(1)))
        before = text[max(0, opening - 160):opening + 1]
        words = _BEFORE_TAIL_RE.search(before)
        close = _CLOSE_RE.match(text, cand.end(1))
        if words is not None and close is not None:
            got = _judge(entry, words.group("exp"), after=False)
            if got is not None:
                yield opening + 1 - (len(before) - words.start()), close.end(), entry[0], words.group("exp").strip(), got


def _judge(entry: tuple[str, list[tuple[list[str], str]]], exp: str, after: bool) -> str | None:
    """The right expansion to name when `exp` is a wrong one for the acronym; None when it is right or no expansion
    of it at all."""
    name, right = entry
    words = _words(exp)
    if not after:  # the words before the bracket may start with more than the expansion: keep its tail
        n = len(_initials(name))
        words = words[-n:] if len(words) >= n else words
    if not _spells(name, words) or any(_same(words, w) for w, _ in right) \
            or not any(_close(a, b) for w, _ in right for a in words for b in w):
        return None  # (no word in common: the acronym stands for something else here, `MHA（Master High Availability）`)
    return right[0][1]


@check("acronym-expansion-wrong")
def acronym_expansion_wrong(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    if not kb.acronyms:
        return
    known = _prepared(kb.acronyms)  # (once a document, not once a line)
    for unit in doc.units:
        if unit.scope not in rule.scope or unit.scope == "code" or ("(" not in unit.text and "（" not in unit.text):
            continue
        for s, e, acr, written, right in _wrong_expansions(unit.text, known):
            if not asks(unit, s, e):
                yield make_finding(rule, doc, unit, s, e, acronym=acr, written=written, right=right)
