"""Cleaning record text for export: first the Markdown people write (HTML, entities, `<details>`,
images, relative links, `[TOC]`, footnotes, look-alike radicals: `qatool.export.markup`), then with the
linter's own rules: leaked tokens removed, malformed bold labels and glued headings repaired (the
linter's safe fixes), blog-chatter sentences deleted, unbalanced bold repaired; placeholder lines
(`- [ ] TODO`) in an answer that has other content dropped; white space normalised. Everything else of
the author's Markdown is kept.

Code stays code: like the linter, the cleaner never touches inline code spans or fenced code, so
`` `<|endoftext|>` `` survives as content.

>>> Cleaner().clean("预训练是在大规模数据上训练。<|vq_1|>感谢您的阅读！")
('预训练是在大规模数据上训练。', ('FM001', 'FM007'))
"""
from __future__ import annotations

import re
from collections import defaultdict

from qatool.common.answers import is_placeholder_line, may_have_placeholder_lines
from qatool.common.markup import blocks
from qatool.export.markup import MarkupCleaner
from qatool.lint.engine import Linter
from qatool.lint.fix import apply_fixes
from qatool.lint.model import Finding

# The rules whose damage the export repairs; a finding of these never quarantines a record.
REPAIRED = ("FM001", "FM002", "FM003", "FM004", "FM007")
FIXED_BY_LINTER = ("FM001", "FM002", "FM004")
CHATTER, UNBALANCED = "FM007", "FM003"

_SENTENCE_END = "。！？!?；;"
_LIST_BOLD_LABEL = re.compile(r"^(\s*(?:[-*+]|\d+[.)、])\s+)\*\*([^*\n]{1,40}?[：:])(?!\*\*)\s*")
_ONLY_MARKUP = re.compile(r"^\s*(?:#{1,6}|[-*+>]|\d+[.)、])?\s*(?:\*\*|__)?\s*$")


class Cleaner:
    """Cleans one field at a time. Build it once: it holds a linter restricted to REPAIRED."""

    def __init__(self, linter: Linter | None = None, max_passes: int = 8, images: str = "alt"):
        self.markup = MarkupCleaner(images)
        base = linter or Linter.default()
        self.linter = Linter(base.all_rules, base.kb, select=list(REPAIRED))
        self.max_passes = max_passes
        chatter = base.by_code.get(CHATTER)
        # the rule's own gate: a regex that matches wherever one of its patterns could
        self._chatter = chatter.spec.get("gate") if chatter is not None else None

    def _may_need(self, text: str) -> bool:
        """A cheap gate: most fields have nothing to clean and skip the linter."""
        return ("<|" in text or "**" in text or "#" in text or "__" in text
                or (self._chatter is not None and self._chatter.search(text) is not None))

    def chatter(self, text: str) -> list[Finding]:
        """FM007's findings on `text` outside code; the linter runs only where the rule's gate matches."""
        if self._chatter is None or self._chatter.search(text) is None:
            return []
        return [f for f in self.findings(text) if f.code == CHATTER]

    def findings(self, text: str) -> list[Finding]:
        """The REPAIRED rules' findings on `text` outside code (used to verify exported text)."""
        return _outside_code(text, self.linter.lint_text(text, "<export>")) if self._may_need(text) else []

    def clean(self, text: str | None, placeholders: bool = False) -> tuple[str | None, tuple[str, ...]]:
        """Returns (cleaned text, what was repaired: the codes of the linter rules and the names of
        the markup steps, see `qatool.export.markup`). `placeholders`: drop placeholder lines too."""
        if text is None:
            return None, ()
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text, steps = self.markup.clean(text)
        repaired: set[str] = set(steps)
        if self._may_need(text):
            for _ in range(self.max_passes):
                found = _outside_code(text, self.linter.lint_text(text, "<export>"))
                fixable = [f for f in found if f.code in FIXED_BY_LINTER and f.fix is not None]
                if fixable:
                    text, n = apply_fixes(text, fixable)
                    if n:
                        repaired.update(f.code for f in fixable)
                        continue
                chatter = [f for f in found if f.code == CHATTER]
                if chatter:
                    text = _delete_sentences(text, chatter)
                    repaired.add(CHATTER)
                    continue
                bold = [f for f in found if f.code == UNBALANCED]
                if bold:
                    text = _repair_bold(text, bold)
                    repaired.add(UNBALANCED)
                    continue
                break
        if placeholders:
            text, dropped = drop_placeholder_lines(text)
            if dropped:
                repaired.add("placeholder-line")
        return normalize_whitespace(text), tuple(sorted(repaired))


def drop_placeholder_lines(text: str) -> tuple[str, int]:
    """Lines holding only a placeholder (`- [ ] TODO`, `待补充`) go, outside code, when the text has
    other content; a text that is all placeholder stays whole for the answer gate to judge."""
    if not may_have_placeholder_lines(text):
        return text, 0
    lines = text.split("\n")
    drop = {i for i, line in enumerate(lines) if len(line) < 80 and line.strip() and is_placeholder_line(line)}
    if not drop:
        return text, 0
    kinds = blocks(text).kinds
    drop = {i for i in drop if kinds[i] == "text"}
    if not drop or all(i in drop or not line.strip() for i, line in enumerate(lines)):
        return text, 0
    return "\n".join(line for i, line in enumerate(lines) if i not in drop), len(drop)


def _outside_code(text: str, findings: list[Finding]) -> list[Finding]:
    """The linter knows fenced code; an indented code block (CommonMark) is code too, and never repaired."""
    if not findings or ("    " not in text and "\t" not in text):
        return findings
    kinds = blocks(text).kinds
    return [f for f in findings if not (0 < f.line <= len(kinds) and kinds[f.line - 1] in ("code", "math"))]


def _delete_sentences(text: str, findings: list[Finding]) -> str:
    """Delete the sentence around each finding; a line left with only markup goes too."""
    lines = text.split("\n")
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for f in findings:
        spans[f.line].append((f.col - 1, f.end_col - 1))
    for no in sorted(spans, reverse=True):
        s = lines[no - 1]
        cut: list[tuple[int, int]] = []
        for a, b in spans[no]:
            start = max((s.rfind(c, 0, a) for c in _SENTENCE_END), default=-1) + 1
            ends = [i for i in (s.find(c, b) for c in _SENTENCE_END) if i != -1]
            end = min(ends) + 1 if ends else len(s)
            while end < len(s) and s[end] in "”’」）)" + _SENTENCE_END:
                end += 1
            cut.append((start, end))
        for a, b in sorted(_merge(cut), reverse=True):
            s = s[:a] + s[b:]
        if _ONLY_MARKUP.match(s):
            del lines[no - 1]
        else:
            lines[no - 1] = s.rstrip()
    return "\n".join(lines)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _repair_bold(text: str, findings: list[Finding]) -> str:
    """`- **术语： 说明` -> `- **术语：** 说明`; any other lone `**` is removed."""
    lines = text.split("\n")
    for f in sorted(findings, key=lambda f: (f.line, f.col), reverse=True):
        s = lines[f.line - 1]
        m = _LIST_BOLD_LABEL.match(s)
        if m and s.count("**") == 1:
            rest = s[m.end():]
            lines[f.line - 1] = f"{m.group(1)}**{m.group(2)}**" + (f" {rest}" if rest else "")
        else:
            a = f.col - 1
            if s[a:a + 2] == "**":
                lines[f.line - 1] = s[:a] + s[a + 2:]
    return "\n".join(lines)


def normalize_whitespace(text: str) -> str:
    """Trailing spaces removed, runs of blank lines collapsed to one, ends trimmed; code and `$$`
    blocks (fenced or indented, as CommonMark reads them) are kept as written."""
    lines = text.split("\n")
    kinds = blocks(text).kinds
    out: list[str] = []
    keep: list[bool] = []
    for line, kind in zip(lines, kinds):
        verbatim = kind in ("code", "math")
        if not verbatim:
            line = line.rstrip()
            if not line and out and not out[-1] and not keep[-1]:
                continue
        out.append(line)
        keep.append(verbatim)
    while out and not out[-1].strip() and not keep[-1]:
        out.pop(), keep.pop()
    start = next((i for i, line in enumerate(out) if line.strip() or keep[i]), len(out))
    out, keep = out[start:], keep[start:]
    if out and not keep[0]:
        out[0] = out[0].lstrip()
    return "\n".join(out)
