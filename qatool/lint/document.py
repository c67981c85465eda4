"""What rules see: a parsed file as scoped units of text with exact source positions.

A unit is one logical line of the source, with inline code spans and HTML comments (also those
spanning lines) masked by spaces (so columns stay exact and nothing inside code or a comment is read
as prose; a line wholly inside a comment has no unit), tagged with its scope
(question / answer / analysis / heading / other / code) and the record it belongs to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from qatool.lint.text import invite_tail
from qatool.parse.extract import ParsedDoc, parse_text
from qatool.parse.markdown import Line, Scan, mask_inline_code

SENTENCE_END_RE = re.compile(r"[。！？!?；;]")


@dataclass(frozen=True)
class Unit:
    line: int
    col: int  # 0-based offset of `text` in the source line
    text: str  # masked
    scope: str
    record: dict[str, Any] | None = None

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each sentence in `text` (a list item without 。 is one sentence)."""
        spans, start = [], 0
        for m in SENTENCE_END_RE.finditer(self.text):
            # (an aside that ends it asks nothing of what the sentence states: `…，你知道吗？`, a sentence of its own: invite_tail)
            tag = invite_tail(self.text, start, m.end()) if m.group() in "？?" else None
            if tag is not None:
                spans.append((start, tag))
                start = tag
            spans.append((start, m.end()))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans


@dataclass
class LintDoc:
    path: str
    text: str
    lines: list[str]
    scan: Scan
    records: list[dict[str, Any]]
    units: list[Unit] = field(default_factory=list)
    cache: dict[Any, Any] = field(default_factory=dict)  # per-document results shared by rules
    literals: Any = None  # the linter's LiteralIndex of its rules' gates (lint/literals.py), if any
    non_items: list[Any] = field(default_factory=list)  # parse.extract.NonItem: headings the parser did not make records, and why
    _joined: str | None = None
    _starts: list[int] | None = None

    def joined(self) -> tuple[str, list[int]]:
        """All units' masked text joined by newlines, and where each unit starts in it: one regex
        pass over this finds the few units a rule needs to look at."""
        if self._joined is None or self._starts is None:
            starts, pos = [], 0
            for u in self.units:
                starts.append(pos)
                pos += len(u.text) + 1
            self._joined = "\n".join(u.text for u in self.units)
            self._starts = starts
        return self._joined, self._starts

    def record_at(self, line: int) -> dict[str, Any] | None:
        """The first record (in source order) whose lines or analysis span hold this line."""
        at = self.cache.get("record_at")
        if at is None:
            at = self.cache["record_at"] = {}
            for rec in self.records:
                span = rec["spans"]["analysis"]
                for lo, hi in ((rec["line_start"], rec["line_end"]),) + (((span["start"], span["end"]),) if span else ()):
                    for no in range(lo, hi + 1):
                        at.setdefault(no, rec)
        return at.get(line)


def html_comments(s: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each `<!-- … -->` on a line, as `<!--.*?-->` finds them, in one pass: the
    regex searched to the end of the line again from every unclosed `<!--` (quadratic)."""
    pos = 0
    while True:
        a = s.find("<!--", pos)
        if a < 0:
            return
        b = s.find("-->", a + 4)
        if b < 0:
            return  # no comment closes after this one, so none after a later opener either
        yield a, b + 3
        pos = b + 3


def blank_comments(s: str) -> str:
    """s with each HTML comment within it blanked (same length), in one forward pass."""
    parts, pos = [], 0
    for a, b in html_comments(s):
        parts += [s[pos:a], " " * (b - a)]
        pos = b
    return "".join(parts) + s[pos:]


def _mask(s: str) -> str:
    s = mask_inline_code(s)
    return blank_comments(s) if "<!--" in s else s


def _paragraph_close(lines: list[Line], k: int) -> int:
    """The index of the first line after k, in k's paragraph, that holds `-->`; else -(the index
    where the paragraph ends: a blank line, a heading, code, the end of the file)."""
    for i in range(k + 1, len(lines)):
        if lines[i].kind != "text":
            return -i
        if "-->" in lines[i].text:
            return i
    return -len(lines)


def _comment_masks(lines: list[Line]) -> dict[int, str]:
    """The text of each line that a comment spanning lines touches, the comment blanked (by index
    into `lines`).

    As CommonMark reads them: a comment that starts a line runs to the next `-->`, blank lines
    included, or to the end of the file; one opened inside a paragraph is a comment only when it
    closes before the paragraph ends (else it is text). Comments within one line are `_mask`'s."""
    out: dict[int, str] = {}
    open_ = False
    unclosed_until = 0  # lines before this are in a paragraph known to hold no `-->`
    for k, ln in enumerate(lines):
        if ln.kind in ("code", "fence"):
            # code stays code, but a `-->` on it closes the comment (`<!-- ```py` … ``` -->`: the
            # scanner, unaware of comments, takes the fences inside one for fences)
            open_ = open_ and "-->" not in ln.text
            continue
        s = mask_inline_code(ln.text)
        closed_here = False
        if open_:
            j = s.find("-->")
            if j < 0:
                out[k] = " " * len(s)
                continue
            s = " " * (j + 3) + s[j + 3:]
            open_, closed_here = False, True
        if "<!--" in s:
            s = blank_comments(s)
        j = s.find("<!--")
        if j >= 0 and not s[:j].strip():
            open_ = True  # a comment block
        elif j >= 0 and ln.kind == "text" and k >= unclosed_until:
            close = _paragraph_close(lines, k)
            open_ = close > 0
            unclosed_until = 0 if open_ else -close
        if open_:
            s = s[:j] + " " * (len(s) - j)
        if open_ or closed_here:
            out[k] = s
    return out


def _scope_map(records: list[dict[str, Any]]) -> dict[int, tuple[str, dict[str, Any]]]:
    scopes: dict[int, tuple[str, dict[str, Any]]] = {}
    for rec in records:
        for no in range(rec["line_start"], rec["line_end"] + 1):
            scopes[no] = ("answer", rec)
        for fld in ("question", "answer", "analysis"):
            span = rec["spans"][fld]
            if span:
                for no in range(span["start"], span["end"] + 1):
                    scopes[no] = (fld, rec)
    return scopes


# a Q&A bank written one item a line, its fields parted by spaced bars with no table around them (`ZeRO 属于哪类并行 |
# 张量并行，… | 中 | 考点：DeepSpeed`): each bar is read as the mark that ends its field (`_fields_read`)
_DELIMITER_ROW_RE = re.compile(r"^[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+)*\|?[ \t]*+$")
_FIELD_ENDED_RE = re.compile(r"[。！？!?；;…：:]\s*+$")
_FIELD_ANSWER_RE = re.compile(r"^\s*+(?:\*\*)?\s*+(?:参考答案|标准答案|答案|回答|解析|答|A\d{0,2})\s*+(?:\*\*)?\s*+[:：]")
_FIELD_LABEL_RE = re.compile(r"[:：]")
_FIELD_PAIR_RE = re.compile(r"(?<![A-Za-z])(?:vs\.?|VS\.?|versus)(?![A-Za-z])|对比|比较")
_FIELD_ASKS_RE = re.compile(r"吗|什么|怎么|怎样|为什么|为何|如何|哪|谁|多少|能否|是否|可否|有无|有没有|是不是|会不会|能不能|要不要|需不需要"
                            r"|还是|区别|异同|关系|^\s*+(?:\*\*)?\s*+(?:题目|问题|追问|问|Q\d{0,2})\s*+(?:\*\*)?\s*+[:：]")
_BRACKETS = {"(": 1, "（": 1, "[": 1, "【": 1, "⟨": 1, "{": 1, ")": -1, "）": -1, "]": -1, "】": -1, "⟩": -1, "}": -1}


# a bracketed tag that opens a line before what it tags (`[高频] k-means 需要多次重启吗？…`, `[追问] …`): read past, as a
# topic tag in 【】 is
_OPENING_TAG_RE = re.compile(r"^[ \t]*(?:[-*+>][ \t]+)?(\[[\u4e00-\u9fff]{1,6}\])[ \t]*(?=[^\s(\[:：])")
# the clock time a transcript's or a comment section's line opens with (`05:12 up主…`, `[12:44] 回复 @X：…`), two
# digits before its colon, minutes and seconds under 60, white space after it: read past as the tag is (not a ratio,
# `1:10 的正负样本`, `16:9`)
_OPENING_TIME_RE = re.compile(r"^[ \t]*(?:[-*+>][ \t]+)?(\[?[0-9]{2}:[0-5][0-9](?::[0-5][0-9])?\]?)[ \t]+(?=[^\s:：])")
# a bullet glyph pasted from a slide or a word processor that opens a line (`• ZeRO vs Megatron | …`, `● 召回率…`): read
# past as Markdown's own list marker is
_OPENING_BULLET_RE = re.compile(r"^[ \t]*+([•·●▪◦■◆])[ \t]++")
# what opens a line and is read past, in order, each with a character the line must hold first (none for the bullet,
# whose anchored pattern fails at the first character that is no space)
_OPENINGS = (("", _OPENING_BULLET_RE), ("[", _OPENING_TAG_RE), (":", _OPENING_TIME_RE))


def _field_bars(text: str) -> list[int]:
    """Where each bar that parts the fields of a one-line item stands in `text` (outside brackets and formulas: `P(y | x)`
    is a condition), when it has two or more; else none."""
    depth, dollars, bars = 0, 0, []
    for i, c in enumerate(text):
        if c == "$":
            dollars ^= 1
        elif c in _BRACKETS:
            depth = max(0, depth + _BRACKETS[c])
        elif c == "|" and not depth and not dollars and 0 < i < len(text) - 1 and text[i - 1] in " \t" and text[i + 1] in " \t":
            bars.append(i)
    return bars if len(bars) >= 2 else []


def _fields_read(text: str) -> str:
    """`text`, a one-line item whose fields are parted by spaced bars (`问题 | 答案 | 难度 | 备注`, no pipe table: the
    line opens with no bar), with each bar read as the mark that ends the field before it, position for position: the
    field that asks (a question word, a `题目：` label; the first such field only, and no answer's label) ends on ？, so
    that its answer is read as answering it and what it asks is no statement; a first field that names a topic and asks
    nothing ends on ：, as a label before its answer does (`GloVe 的核心思想 | 结合…`); any other on 。 (a field that ends
    on a mark of its own keeps it). `text` itself when it is no such line."""
    if text.lstrip().startswith("|") or text.rstrip().endswith("|"):
        return text
    bars = _field_bars(text)
    if not bars:
        return text
    chars = list(text)
    start, asked = 0, False
    for n, bar in enumerate(bars):
        field = text[start:bar]
        if _FIELD_ENDED_RE.search(field):
            mark = " "
        elif not asked and not _FIELD_ANSWER_RE.match(field) and _FIELD_ASKS_RE.search(field):
            mark, asked = "？", True
        elif n == 0 and not _FIELD_LABEL_RE.search(field):
            # (a pair set side by side is the subject of what the next field says of both, `K 均值 vs 逻辑回归 | 两者都…`)
            mark = "，" if _FIELD_PAIR_RE.search(field) else "："
        else:
            mark = "。"
        asked = asked or field.rstrip().endswith(("？", "?"))
        lo = bar - 1 if text[bar - 1] in " \t" else bar
        while lo > start and text[lo - 1] in " \t":
            lo -= 1
        chars[lo] = mark
        for k in range(lo + 1, bar + 1):
            chars[k] = " "
        start = bar + 1
    return "".join(chars)


def _table_lines(lines: list[Line]) -> set[int]:
    """The indices of the lines that stand in a run of text lines with bars holding a table's delimiter row (a pipe table
    whose rows open with no bar: `a | b` over `--- | ---`); one pass over the lines."""
    out: set[int] = set()
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and lines[j].kind == "text" and "|" in lines[j].text:
            j += 1
        if any(_DELIMITER_ROW_RE.match(lines[i].text) for i in range(k, j)):
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def build_units(lines: list[Line], records: list[dict[str, Any]]) -> list[Unit]:
    scopes = _scope_map(records)
    spanning = _comment_masks(lines) if any("<!--" in ln.text for ln in lines) else {}
    units = []
    tables = _table_lines(lines) if any(" | " in ln.text for ln in lines) else set()
    for k, ln in enumerate(lines):
        if ln.kind in ("blank", "fence"):
            continue
        scope, rec = scopes.get(ln.no, ("other", None))
        if ln.kind == "code":
            units.append(Unit(ln.no, ln.col, ln.text, "code", rec))
            continue
        text = spanning.get(k)
        if text is None:
            text = _mask(ln.text)
        elif not text.strip():
            continue  # wholly inside a comment: nothing to read
        if " | " in text and ln.kind == "text" and k not in tables:
            text = _fields_read(text)
        if ln.kind == "text":  # (a bullet glyph, then a tag, then a clock time, read past)
            for hint, opening in _OPENINGS:
                if hint in text and (tag := opening.match(text)) is not None:
                    text = text[:tag.start(1)] + " " * (tag.end(1) - tag.start(1)) + text[tag.end(1):]
        units.append(Unit(ln.no, ln.col, text, "heading" if ln.kind == "heading" else scope, rec))
    return units


def doc_from_parsed(parsed: ParsedDoc, text: str) -> LintDoc:
    """The lint view of an already parsed document (no second parse)."""
    if parsed.scan is None:
        raise ValueError(f"{parsed.source}: the parse kept no line scan; parse it with parse_text")
    doc = LintDoc(parsed.source, text, text.split("\n"), parsed.scan, parsed.records, non_items=list(parsed.non_items))
    doc.units = build_units(parsed.scan.lines, parsed.records)
    return doc


def load_doc(text: str, path: str) -> LintDoc:
    """Parse `text` (newlines normalised) and build its units."""
    return doc_from_parsed(parse_text(text, path), text)
