"""Table rows read as the sentences they state, for the claim rules.

A row of a pipe table says little on its own line (`| LSTM | 2 |`): its header says what each cell is (`| 模型 |
门数 |`). Cheat sheets and comparison notes state many of their facts this way. Each data row is read as one
sentence per cell after the first: `<first cell>的<header>是<cell>。`, so that a claim rule reads `LSTM的门数是2` as
it would read prose. A yes/no cell, or one that opens with a yes/no mark, reads as the header affirmed or denied
(`| 是否使用标签 |` / `| 是 |` -> `PCA使用标签`; `| 否 |` -> `PCA不使用标签`; `| ❌ 系数小但不为零 |` -> `不是稀疏性，系数…`).

Kept narrow, because comparison tables are everywhere in real notes: only headers written in Chinese are read
(the pack reads Chinese; `| Sparsity |` over `| No sparsity |` would lose its negation), only by row (a table whose
columns are the compared terms, `| 特性 | L1 | L2 |`, leaves which cell is said of which term to its layout, and
its cells are read as the row's own text already), and a column of wrong views (`| 误区 | 正解 |`) states nothing.
A row is read when its first cell names a term, and then a column only when its header names none (`| 困惑度增加 |`
over `| 0 |` is no perplexity of 0; `| 预训练方式 |` is a subject of its own); the one exception, in any row, is the
table's only column headed by a term's name alone (`| 分类器 | AUC |` over `| 随机猜测 | 0 |` reads `随机猜测的AUC是0`),
unless its cell is a yes/no mark. The claim rules take a reading's
finding only when it needs the header (kinds._table_findings): what the cells say without it is the row's own
text, read as such.

Every character of a reading points back to a place in the row's own text (the header's words and the
connectives to the cell they describe), so a finding lands on the row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from qatool.lint.document import LintDoc
from qatool.lint.text import HAN_RE

_SEPARATOR_CELL_RE = re.compile(r"\s*+:?-{2,}:?\s*+")
_MARKUP_RE = re.compile(r"\*\*|__|[*_`]")
YES = frozenset("是 √ ✓ ✔ ✅ 有 支持 可以 能 会 需要 yes y true".split())
NO = frozenset("否 × ✗ ✘ ❌ 无 没有 不支持 不可以 不能 不会 不需要 no n false".split())
_WHETHER_RE = re.compile(r"^(?:是否|能否|可否|有无|是不是|会不会|能不能|有没有)")
# a yes/no mark that opens a cell, before what the cell adds (`✅ 产生稀疏解`, `❌ 无`)
_MARK_RE = re.compile(r"^([√✓✔✅×✗✘❌])\s*+")
# a column of wrong views (`| 误区 | 正解 |`): what its cells say is named to be refuted, not stated
_REFUTED_HEAD_RE = re.compile(r"误区|误解|错误|谬误|陷阱|错的|不正确|反例|myth|wrong|incorrect|mistake", re.I)


@dataclass(frozen=True)
class RowReading:
    unit: int  # index into doc.units
    text: str  # the sentences the row states
    where: tuple[int, ...]  # for each character of `text`, its offset in the unit's text
    keys: frozenset[str]  # the glossary terms the reading names
    plain: str = ""  # the same sentences with each header read as 该项: what the cells say without their header


def _cells(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each cell of a pipe-table row (its outer pipes dropped, each cell stripped); None when the
    line is no table row."""
    s = text.rstrip()
    a = len(text) - len(text.lstrip())
    if not s[a:].startswith("|"):
        return None
    bounds, pos = [], a + 1
    for i in range(a + 1, len(s)):
        if s[i] == "|" and s[i - 1] != "\\":
            bounds.append((pos, i))
            pos = i + 1
    if pos < len(s):
        bounds.append((pos, len(s)))
    out = []
    for b, e in bounds:
        while b < e and text[b] in " \t":
            b += 1
        while e > b and text[e - 1] in " \t":
            e -= 1
        out.append((b, e))
    return out if len(out) >= 2 else None


def _plain(s: str) -> str:
    return _MARKUP_RE.sub("", s).strip()


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.where: list[int] = []

    def add(self, s: str, at: int | None = None, start: int | None = None) -> None:
        """`s` placed at `at` (every character), or its own characters from `start` on."""
        self.parts.append(s)
        self.where.extend(range(start, start + len(s)) if start is not None else [at or 0] * len(s))


def _sentence(out: _Builder, row: str, subject: tuple[int, int], header: str, cell: tuple[int, int],
              neutral: bool = False) -> None:
    """`<subject>的<header>是<cell>。`, or a yes/no cell as the header affirmed or denied (`subject`: the span of the
    row's first cell; `neutral`: the header read as 该项)."""
    cs, ce = cell
    value = _plain(row[cs:ce])
    out.add(row[subject[0]:subject[1]], start=subject[0])
    head = "该项" if neutral else _plain(header)
    whether = _WHETHER_RE.match(head)
    mark = _MARK_RE.match(value)
    word = mark.group(1).lower() if mark else value.lower()
    if word in YES or word in NO:
        # `| 是 |`, `| ❌ 系数小但不为零 |`: the header affirmed or denied, then what the cell adds
        said = head[whether.end():] if whether else head
        neg = word in NO
        out.add(("不" if neg else "") + said if whether else ("不是" if neg else "是") + said, at=cs)
        if mark and mark.end() < len(value):
            out.add("，", at=cs)
            rest = value[mark.end():]
            at = row.find(rest, cs, ce)
            if at >= 0:
                out.add(rest, start=at)
            else:  # (markup inside the cell's rest: its characters point at the cell)
                out.add(rest, at=cs)
    else:
        out.add(f"的{head}是", at=cs)
        out.add(row[cs:ce], start=cs)
    out.add("。", at=max(cs, ce - 1))


_HEAD_NOUN_RE = re.compile(r"\s*+(?:的)?\s*+(?:取值|值|数值|大小|行为|做法|表现)?\s*+")


def _yes_no(cell: str) -> bool:
    """Whether a cell is a yes/no mark (`| 有 |`, `| ✅ … |`): under a term's name it says the row has the thing
    (`| LSTM | … | 有 |` under `| 细胞状态 |`), not that the term is the row's value."""
    value = _plain(cell)
    return value.lower() in YES or value.lower() in NO or _MARK_RE.match(value) is not None


def _term_alone(header: str, glossary: Any) -> bool:
    """Whether a header is one term's name and nothing more (`AUC`, `Dropout 行为`, `BLEU 值`)."""
    head = _plain(header)
    names = glossary.mentions(head)
    return len(names) == 1 and not head[:names[0].start].strip() and _HEAD_NOUN_RE.fullmatch(head, names[0].end) is not None


def _columns(b: _Builder, plain: _Builder, row: str, cells: list[tuple[int, int]], texts: list[str], header: list[str],
             glossary: Any, alone: list[int], named: bool) -> None:
    """The sentences of a row, one per column read: the table's one column headed by a term's name alone (`alone`:
    `| 随机猜测 | 0 |` under `| 分类器 | AUC |`, not a yes/no cell), and, when the first cell names a term (`named`), each
    column whose header is written in Chinese and names no term (a header that says more of a term, `| 困惑度增加 |`,
    `| 预训练方式 |`, is a subject of its own; a first cell that names a case, not a term, has only the former)."""
    for j in range(1, min(len(cells), len(header))):
        if not texts[j].strip() or not _plain(texts[j]):
            continue
        if (j in alone and not _yes_no(texts[j])) or (named and HAN_RE.search(header[j]) and not glossary.mentions(_plain(header[j]))):
            _sentence(b, row, cells[0], header[j], cells[j])
            _sentence(plain, row, cells[0], header[j], cells[j], neutral=True)


@dataclass(frozen=True)
class Tables:
    readings: list[RowReading]
    refuted: dict[int, list[tuple[int, int]]]  # unit index -> spans of its cells under a header of wrong views

    def in_refuted_cell(self, k: int, start: int, end: int) -> bool:
        """Whether [start, end) of unit k's text reaches into a cell of wrong views."""
        return any(a < end and start < b for a, b in self.refuted.get(k, ()))


def tables(doc: LintDoc, glossary: Any) -> Tables:
    """The reading of every data row of every pipe table of the document, and the cells that hold wrong views
    named to be refuted (computed once per document)."""
    got = doc.cache.get("tables")
    if got is not None and got[0] is glossary:
        return got[1]
    out: list[RowReading] = []
    refuted: dict[int, list[tuple[int, int]]] = {}
    wrong_cols: set[int] = set()
    alone: list[int] = []  # the one column of the header a term's name alone heads, if any
    header: list[str] | None = None
    prev_line = -2
    for k, u in enumerate(doc.units):
        cells = _cells(u.text) if "|" in u.text and u.scope != "code" else None
        if cells is None or u.line != prev_line + 1:
            header = None
        prev_line = u.line if cells is not None else -2
        if cells is None:
            continue
        texts = [u.text[b:e] for b, e in cells]
        if all(_SEPARATOR_CELL_RE.fullmatch(t) for t in texts if t):
            continue
        if header is None:
            header = texts
            wrong_cols = {j for j, h in enumerate(header) if _REFUTED_HEAD_RE.search(h)}
            # (a table whose columns are the compared terms, `| 特性 | L1 | L2 |`, leaves which cell is said of which term
            # to its layout: a header that is a term's name is read only when it is the one such column)
            alone = [j for j in range(1, len(header)) if _term_alone(header[j], glossary)]
            alone = alone if len(alone) == 1 else []
            continue
        if wrong_cols:
            refuted[k] = [cells[j] for j in wrong_cols if j < len(cells)]
            continue  # (rows of a table of wrong views give no reading)
        b, plain = _Builder(), _Builder()
        _columns(b, plain, u.text, cells, texts, header, glossary, alone, named=bool(glossary.mentions(_plain(texts[0]))))
        if b.parts:
            text = "".join(b.parts)
            keys = frozenset(key for m in glossary.mentions(text) for key in m.keys)
            if keys:
                out.append(RowReading(k, text, tuple(b.where), keys, "".join(plain.parts)))
    view = Tables(out, refuted)
    doc.cache["tables"] = (glossary, view)
    return view
