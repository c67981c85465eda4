"""Applying safe mechanical fixes (leaked tokens, malformed bold labels, glued headings, look-alike CJK
characters, punctuation and letter width). Facts are never rewritten: only rules whose YAML gives a `fix` (or the few fixable Python
checks) produce fixes."""
from __future__ import annotations

import difflib
from collections import defaultdict

from qatool.lint.model import Finding, Fix


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """Apply the non-overlapping fixes of `findings` to `text` (newlines normalised). Returns the new
    text and how many fixes were applied; overlapping fixes are left for the next pass."""
    lines = text.split("\n")
    by_line: dict[int, list[Fix]] = defaultdict(list)
    for f in findings:
        if f.fix is not None and 1 <= f.fix.line <= len(lines):
            by_line[f.fix.line].append(f.fix)
    applied = 0
    for no, fixes in by_line.items():
        s = lines[no - 1]
        taken: list[tuple[int, int]] = []
        for fx in sorted(set(fixes), key=lambda x: (x.col, x.end_col)):
            a, b = fx.col - 1, fx.end_col - 1
            if any(a < e and s_ < b or (a == b and s_ < a < e) for s_, e in taken) or b > len(s):
                continue
            taken.append((a, b))
        for a, b in sorted(taken, reverse=True):
            fx = next(x for x in fixes if (x.col - 1, x.end_col - 1) == (a, b))
            s = s[:a] + fx.text + s[b:]
            applied += 1
        lines[no - 1] = s
    return "\n".join(lines), applied


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def fix_source(linter, text: str, path: str, passes: int = 5) -> tuple[str, int]:
    """Lint, fix, re-lint until no fix applies (a fix can uncover another). Returns (text, fixes applied).
    The fixes are those of `linter.fixer()`: the selected rules and the typography rules whose fixes
    are on by default though their findings are not reported."""
    linter = linter.fixer()
    total = 0
    for _ in range(passes):
        findings = linter.lint_text(text, path)
        text, n = apply_fixes(text, findings)
        total += n
        if n == 0:
            break
    return text, total
