"""The linter's and the parser's own module-level patterns are held to the linearity audit (qatool.lint.audit) as a
ratchet: a pattern with two unbounded repeats that can share the same characters (`\\s*(?:x)?\\s*y`: a failed match
tries every split of a run between them) fails this test unless it is listed in module_pattern_allowlist.txt with the
hash of its text. The listed patterns were timed by bench/regex_growth.py (none grows more than 8x when a run doubles,
because the runs that touch are bounded by what lies between them or are possessive); a new or edited one is timed
again before it is listed. Making the runs possessive (`\\s*+`) is the usual fix."""
from __future__ import annotations

import hashlib
import importlib
import pkgutil
import re
from pathlib import Path

import regex

import qatool
from qatool.lint.audit import Unreadable, problems

ALLOWLIST = Path(__file__).with_name("module_pattern_allowlist.txt")
ADJACENT = "adjacent unbounded repeats over the same characters"


def module_patterns() -> dict[str, str]:
    out: dict[str, str] = {}
    for info in pkgutil.walk_packages(qatool.__path__, "qatool."):
        if not info.name.startswith(("qatool.lint", "qatool.parse")):
            continue
        for name, value in vars(importlib.import_module(info.name)).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                out.setdefault(f"{info.name}.{name}", value.pattern)
    return out


def flagged() -> set[str]:
    out = set()
    for name, pattern in module_patterns().items():
        try:
            if ADJACENT in problems(pattern):
                out.add(f"{name}\t{hashlib.sha1(pattern.encode()).hexdigest()[:12]}")
        except Unreadable:
            continue
    return out


def listed() -> set[str]:
    return {ln for ln in ALLOWLIST.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")}


def test_no_new_pattern_with_adjacent_runs():
    new = sorted(flagged() - listed())
    assert not new, ("patterns with adjacent unbounded repeats over the same characters (make the runs possessive, "
                     "or time them with bench/regex_growth.py and list them in " + ALLOWLIST.name + "):\n"
                     + "\n".join(new))


def test_the_allowlist_holds_no_stale_line():
    stale = sorted(listed() - flagged())
    assert not stale, "no longer flagged or changed; drop or update these lines:\n" + "\n".join(stale)


def test_the_audit_sees_a_new_polynomial_pattern():
    assert ADJACENT in problems(r"^\s*(?:答案)?\s*[:：]")
    assert ADJACENT not in problems(r"^\s*+(?:答案)?\s*+[:：]")
