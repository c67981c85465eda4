"""Applying safe mechanical fixes (leaked tokens, malformed bold labels, glued headings, look-alike CJK
characters, punctuation and letter width). Facts are never rewritten: only rules whose YAML gives a `fix` (or the few fixable Python
checks) produce fixes."""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict

from qatool.lint.model import Finding, Fix


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """Apply the non-overlapping fixes of `findings` to `text` (newlines normalised). Returns the new
    text and how many fixes were applied; overlapping fixes are left for the next pass."""
    lines, applied = fixed_lines(text.split("\n"), findings)
    return "\n".join(lines), applied


def fixed_lines(lines: list[str], findings: list[Finding]) -> tuple[list[str], int]:
    """Each line with its fixes applied (a fix that splits a line, such as a glued heading, leaves a
    newline inside it), and how many fixes were applied."""
    lines = list(lines)
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
    return lines, applied


_EOL = re.compile(r"\r\n|\r|\n")


def split_endings(text: str) -> tuple[list[str], list[str]]:
    """The lines of `text` and the line ending of each (`\\r\\n`, `\\r`, `\\n`, or "" for a last line
    without one): the same lines the linter sees (it reads all three as line breaks)."""
    lines, ends, pos = [], [], 0
    for m in _EOL.finditer(text):
        lines.append(text[pos:m.start()])
        ends.append(m.group())
        pos = m.end()
    lines.append(text[pos:])
    ends.append("")
    return lines, ends


def fix_source_exact(linter, raw: str, path: str, passes: int = 5) -> tuple[str, int]:
    """`fix_source` on text whose line endings are kept exactly, line by line (CRLF, LF and lone CR,
    mixed as they are): a line keeps its own ending, and a line a fix splits gives its ending to
    every piece (the last line's pieces, which has none, take the file's most common one). The
    fixes are those of `linter.fixer()`, as in `fix_source`."""
    linter = linter.fixer()
    lines, ends = split_endings(raw)
    common = Counter(e for e in ends if e).most_common(1)
    inner = common[0][0] if common else "\n"
    total = 0
    for _ in range(passes):
        findings = linter.lint_text("\n".join(lines), path)
        new, n = fixed_lines(lines, findings)
        if n == 0:
            break
        total += n
        lines2, ends2 = [], []
        for line, end in zip(new, ends):
            pieces = line.split("\n")
            lines2.extend(pieces)
            ends2.extend([end or inner] * (len(pieces) - 1) + [end])
        lines, ends = lines2, ends2
    return "".join(line + end for line, end in zip(lines, ends)), total


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
