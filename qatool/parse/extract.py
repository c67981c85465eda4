"""Markdown Q&A articles -> one record per item.

The parser recognises the family of interview-article dialects rather than a fixed template:

* item headings at any level, numbered ``1.`` ``1、`` ``１．`` ``一、`` ``题目 1：`` ``问题1`` ``第3题``
  ``Q1`` or unnumbered questions ending in ``？``;
* field labels (面试题/题目/问题/问/Q, 答案/回答/参考答案/解答/答/A, 解析/分析/答案解析/解析说明,
  代码/源代码实例, 拓展/提示) with or without bold, either colon, inline or followed by content,
  also inside list items (``- **答案**：``) and in malformed headings (``#### 解析：**``);
* list-style items (``1. **问题？**`` then an indented labelled answer);
* label-only items (``问：…`` / ``答：…``) under a plain heading;
* coding problems whose explanations sit in a later section (attached by number);
* sections that are not Q&A (overview, summary, appendix, references) become no record.

>>> doc = parse_text("### 1. 什么是X？\n\n**答案：** X 是 Y。\n", "a.md")
>>> [(r["number"], r["question"], r["answer"]) for r in doc.records]
[('1', '什么是X？', 'X 是 Y。')]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from qatool.common.io import InputProblem
from qatool.common.normalize import content_hash, sha256_hex
from qatool.parse.labels import (
    CODING_QUESTION_RE,
    CODING_SECTION_RE,
    EXERCISE_SECTION_RE,
    LABEL_RE,
    LIST_ITEM_RE,
    NON_QA_SECTION_RE,
    QUESTION_WORDS_RE,
    _strip_bold,
    match_label,
    split_number,
)
from qatool.parse.markdown import Line, Scan, fenced_blocks, scan

# ------------------------------------------------------------------------------------------- fields


@dataclass
class Field:
    cat: str
    start: int  # line number of the label (or first content line)
    lines: list[str] = field(default_factory=list)
    end: int = 0

    def add(self, line: Line) -> None:
        self.lines.append(line.text)
        if line.text.strip():
            self.end = line.no


def _dedent_text(lines: list[str]) -> str:
    if not lines:
        return ""
    first, rest = lines[0], lines[1:]
    indents = [len(s) - len(s.lstrip(" \t")) for s in rest if s.strip()]
    cut = min(indents) if indents else 0
    out = [first.strip()] + [s[cut:].rstrip() if s.strip() else "" for s in rest]
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


@dataclass
class Item:
    """An item while it is being assembled."""

    kind_hint: str  # heading | list | label
    start: Line
    number: str | None
    title: str
    section: str | None
    section_kind: str  # qa | coding | exercise
    body: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    analysis_extra: Field | None = None


def _fields(item: Item) -> tuple[dict[str, Field], list[str]]:
    fields: dict[str, Field] = {}
    warnings: list[str] = []
    current: Field | None = None
    preamble = Field("preamble", item.start.no)
    for line in item.body:
        lab = match_label(line)
        if lab and (lab.cat not in fields or lab.cat == "code"):
            if lab.malformed:
                warnings.append(f"line {line.no}: malformed label {line.text.strip()!r}, read as {lab.word}")
            if lab.cat == "code":
                target = current if current is not None else fields.setdefault("answer", Field("answer", line.no))
                target.lines.append(lab.rest)
                target.end = max(target.end, line.no)
                continue
            current = Field(lab.cat, line.no, [lab.rest], line.no)
            fields[lab.cat] = current
            continue
        if lab and lab.cat in fields:
            warnings.append(f"line {line.no}: second {lab.word} label kept as text of the {current.cat if current else lab.cat}")
        (current if current is not None else preamble).add(line)
    if any(s.strip() for s in preamble.lines):
        fields["preamble"] = preamble
    return fields, warnings


def _build(item: Item, source: str) -> dict[str, Any]:
    fields, warnings = _fields(item)
    warnings = item.warnings + warnings
    q, a, n, h, pre = (fields.get(k) for k in ("question", "answer", "analysis", "hint", "preamble"))
    title = item.title
    spans: dict[str, Any] = {"question": None, "answer": None, "analysis": None}
    if q is not None:
        question = _dedent_text(q.lines)
        spans["question"] = {"start": q.start, "end": max(q.end, q.start)}
        if not question:
            question = title
            warnings.append(f"line {q.start}: empty question label, the title is used")
    else:
        question = title
        spans["question"] = {"start": item.start.no, "end": item.start.no}
    if a is None and h is not None:
        a, h = h, None
    if pre is not None:
        pre_text = _dedent_text(pre.lines)
        if a is None and q is None:
            a = pre  # unlabelled answer under a question heading
            a.start = next(ln.no for ln in item.body if ln.kind != "blank")
        elif q is None:
            question = f"{question}\n\n{pre_text}"  # a question description before the answer label
            spans["question"]["end"] = pre.end
        else:
            warnings.append(f"line {pre.start}: text before the question label was added to the question")
            question = f"{question}\n\n{pre_text}"
    answer = ""
    if a is not None:
        answer = _dedent_text(a.lines)
        spans["answer"] = {"start": a.start, "end": max(a.end, a.start)}
    if h is not None:
        answer = f"{answer}\n\n{_dedent_text(h.lines)}".strip()
    if not answer:
        warnings.append(f"line {item.start.no}: no answer found")
    analysis = None
    if n is not None:
        analysis = _dedent_text(n.lines)
        spans["analysis"] = {"start": n.start, "end": max(n.end, n.start)}
    if item.analysis_extra is not None:
        extra = _dedent_text(item.analysis_extra.lines)
        analysis = f"{analysis}\n\n{extra}" if analysis else extra
        spans["analysis"] = {"start": item.analysis_extra.start, "end": item.analysis_extra.end}
        warnings.append(f"analysis attached from the explanation at line {item.analysis_extra.start}")
    code = [{"lang": lang, "text": body} for lang, body in fenced_blocks(answer)]
    if analysis:
        code += [{"lang": lang, "text": body} for lang, body in fenced_blocks(analysis)]
    kind = "exercise" if item.section_kind == "exercise" else "qa"
    if kind == "qa" and code and (item.section_kind == "coding" or CODING_QUESTION_RE.search(question + title)):
        kind = "coding"
    last = max([ln.no for ln in item.body if ln.kind != "blank"] + [item.start.no])
    return {
        "id": "",  # assigned once the whole file is known
        "source": source,
        "doc_title": None,
        "section": item.section,
        "number": item.number,
        "kind": kind,
        "title": title or question.split("\n", 1)[0][:200],
        "question": question,
        "answer": answer,
        "analysis": analysis,
        "code": code,
        "line_start": item.start.no,
        "line_end": last,
        "spans": spans,
        "content_hash": content_hash(question, answer),
        "parse_warnings": warnings,
    }


# -------------------------------------------------------------------------------------------- document


@dataclass
class ParsedDoc:
    source: str
    records: list[dict[str, Any]]
    problems: list[InputProblem]
    doc_title: str | None
    scan: Scan | None = None


def _count_labels(lines: list[Line], cats: tuple[str, ...] = ("question", "answer")) -> Counter[str]:
    """Top-level labels in a heading's body, by category (labels inside list items belong to list-style items)."""
    found: Counter[str] = Counter()
    for ln in lines:
        lab = match_label(ln)
        if lab and lab.cat in cats and not lab.in_list and lab.indent <= 3:
            found[lab.cat] += 1
    return found


def _section_kind(title: str | None) -> str:
    if not title:
        return "qa"
    if EXERCISE_SECTION_RE.search(title):
        return "exercise"
    if CODING_SECTION_RE.search(title):
        return "coding"
    return "qa"


def _is_heading(ln: Line) -> bool:
    return ln.kind == "heading" and match_label(ln) is None


def _heading_blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """(index of heading, index after its direct body) for each real heading."""
    idx = [i for i, ln in enumerate(lines) if _is_heading(ln)]
    return [(i, idx[k + 1] if k + 1 < len(idx) else len(lines)) for k, i in enumerate(idx)]


def _is_item_heading(ln: Line, body: list[Line]) -> bool:
    num, title, explicit = split_number(ln.heading)
    if not title and not explicit:
        return False
    if NON_QA_SECTION_RE.fullmatch(title.strip(" ：:")) or (num is None and NON_QA_SECTION_RE.search(title) and not QUESTION_WORDS_RE.search(title)):
        return False
    labels = _count_labels(body)
    if labels["question"] > 1:
        return False  # a plain heading over several 问/答 pairs: a section of label-only items
    if labels:
        return True
    has_body = any(b.kind != "blank" for b in body)
    if explicit:
        return True
    if QUESTION_WORDS_RE.search(title) and (has_body or num is not None):
        return True
    return False


def parse_text(text: str, source: str) -> ParsedDoc:  # noqa: C901 (complexity 22: qatool/parse is being rewritten on parse14)
    """Parse one article (newlines normalised). Never raises on any input text."""
    sc = scan(text)
    lines = sc.lines
    problems: list[InputProblem] = []
    for no in sc.unclosed_fences:
        problems.append(InputProblem(source, "warning", "code fence is never closed; it is taken to end before the next heading, close it with ```", line=no))
    for no in sc.glued_headings:
        problems.append(InputProblem(source, "warning", "a heading is glued to the end of a paragraph; it was split off (put it on its own line)", line=no))

    blocks = _heading_blocks(lines)
    item_heads: set[int] = set()
    for i, end in blocks:
        if _is_item_heading(lines[i], lines[i + 1:end]):
            item_heads.add(i)

    items: list[Item] = []
    explanations: list[tuple[str | None, Field]] = []
    section_stack: list[Line] = []  # non-item headings
    doc_title: str | None = None
    first_item_level: int | None = None
    first_heading_title: str | None = None

    k = 0
    n = len(lines)
    while k < n:
        ln = lines[k]
        if _is_heading(ln):
            if first_heading_title is None and ln.level == 1:
                first_heading_title = ln.heading
            if k in item_heads:
                num, title, _ = split_number(ln.heading)
                sec = next((s for s in reversed(section_stack) if s.level < ln.level), None)
                if first_item_level is None:
                    first_item_level = ln.level
                    if doc_title is None and sec is not None:
                        doc_title = sec.heading
                # the item runs to the next heading of the same or higher level, or the next item,
                # keeping deeper headings that are part of the answer
                j = k + 1
                while j < n:
                    lj = lines[j]
                    if _is_heading(lj) and (lj.level <= ln.level or j in item_heads or NON_QA_SECTION_RE.search(lj.heading)):
                        break
                    j += 1
                kind = _section_kind(sec.heading if sec else None)
                items.append(Item("heading", ln, num, title, sec.heading if sec else None, kind, lines[k + 1:j]))
                k = j
                continue
            while section_stack and section_stack[-1].level >= ln.level:
                section_stack.pop()
            section_stack.append(ln)
            k += 1
            # plain section: list items and label items inside it
            j = k
            while j < n and not _is_heading(lines[j]):
                j += 1
            _section_items(lines[k:j], ln, items, explanations, source)
            k = j
            continue
        # content before any heading
        j = k
        while j < n and not _is_heading(lines[j]):
            j += 1
        _section_items(lines[k:j], None, items, explanations, source)
        k = j

    # attach explanations (coding answers explained in a later section) by number
    for num, fld in explanations:
        target = next((it for it in reversed(items) if it.section_kind == "coding" and it.number == num and it.start.no < fld.start and it.analysis_extra is None), None)
        if target is None:
            problems.append(InputProblem(source, "warning", f"explanation item {num} matches no earlier coding problem; it was not attached to any record", line=fld.start))
        else:
            target.analysis_extra = fld

    if doc_title is None:
        doc_title = first_heading_title
    if doc_title is None:
        stem = source.rsplit("/", 1)[-1]
        doc_title = stem.rsplit(".", 1)[0] if "." in stem else stem

    records = [_build(it, source) for it in items]
    seen: Counter[str] = Counter()
    for rec in records:
        rec["doc_title"] = doc_title
        occurrence = seen[rec["content_hash"]]
        seen[rec["content_hash"]] += 1
        rec["id"] = sha256_hex(source, rec["content_hash"], str(occurrence))[:16]
    if not records:
        problems.append(InputProblem(source, "warning", "no Q&A items found (no numbered question headings, labelled answers or question lists); check that this is a Q&A article"))
    return ParsedDoc(source, records, problems, doc_title, sc)


def _section_items(lines: list[Line], heading: Line | None, items: list[Item], explanations: list[tuple[str | None, Field]], source: str) -> None:
    """Find list-style items and label-only items in the body of a plain (non-item) section."""
    sec_title = heading.heading if heading else None
    kind = _section_kind(sec_title)
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        li = LIST_ITEM_RE.match(ln.text) if ln.kind == "text" else None
        lab = match_label(ln)
        if li:
            base = len(li["indent"])
            j = i + 1
            while j < n:
                lj = lines[j]
                if lj.kind == "text" and LIST_ITEM_RE.match(lj.text) and lj.indent <= base:
                    break
                if lj.kind == "text" and lj.indent <= base and lines[j - 1].kind == "blank" and not LABEL_RE.match(lj.text):
                    break  # an unindented paragraph ends the list item
                j += 1
            body = lines[i + 1:j]
            while body and body[-1].kind == "blank":
                body.pop()
            labels = [lb for lb in (match_label(b) for b in body) if lb]
            cats = {lb.cat for lb in labels}
            if cats & {"answer", "hint", "question"}:
                title = _strip_bold(li["text"])
                items.append(Item("list", ln, li["num"], title, sec_title, kind, body))
            elif cats & {"analysis", "code"}:
                fld = Field("analysis", ln.no)
                for b in body:
                    lb = match_label(b)
                    if lb:
                        fld.lines.append(lb.rest)
                        fld.end = b.no
                    else:
                        fld.add(b)
                explanations.append((li["num"], fld))
            i = j
            continue
        if lab and lab.cat == "question" and lab.indent == 0 and not lab.in_list:
            j = i + 1
            while j < n:
                nxt = match_label(lines[j])
                if nxt and nxt.cat == "question" and nxt.indent == 0 and not nxt.in_list:
                    break
                j += 1
            body = lines[i:j]
            while body and body[-1].kind == "blank":
                body.pop()
            title = lab.rest.split("\n", 1)[0]
            items.append(Item("label", ln, lab.number, _strip_bold(title) or lab.word, sec_title, kind, body))
            i = j
            continue
        i += 1
