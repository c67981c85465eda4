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

>>> doc = parse_text("### 1. 什么是X？\\n\\n**答案：** X 是 Y。\\n", "a.md")
>>> [(r["number"], r["question"], r["answer"]) for r in doc.records]
[('1', '什么是X？', 'X 是 Y。')]
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .io import InputProblem
from .markdown import Line, Scan, fenced_blocks, scan
from .normalize import content_hash, sha256_hex

# ---------------------------------------------------------------------------------------------- labels

LABEL_WORDS: dict[str, tuple[str, ...]] = {
    "question": ("面试题", "题目描述", "问题描述", "题目", "问题", "提问", "问", "Question", "Q"),
    "answer": ("参考答案", "标准答案", "答案", "回答", "解答", "答", "Answer", "A"),
    "analysis": ("答案解析", "解析说明", "解析", "分析", "解释", "详解", "Explanation", "Analysis"),
    "code": ("源代码实例", "参考代码", "代码实现", "代码示例", "源代码", "代码", "Code"),
    "hint": ("拓展", "提示", "Hint"),
}
_WORD_TO_CAT = {w: cat for cat, words in LABEL_WORDS.items() for w in words}
_WORDS_RE = "|".join(sorted((re.escape(w) for w in _WORD_TO_CAT), key=len, reverse=True))
_DIGITS = r"[0-9０-９]+"
_CNUM = r"[一二三四五六七八九十百零〇两]+"
LABEL_RE = re.compile(
    rf"^(?P<indent>\s*)(?P<hashes>#{{1,6}}\s*)?(?P<bullet>[-*+]\s+)?"
    rf"(?P<b1>\*\*|__)?\s*(?P<word>{_WORDS_RE})\s*(?P<num>{_DIGITS})?\s*(?P<b2>\*\*|__)?\s*[:：]"
    rf"\s*(?P<b3>\*\*|__)?[ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------- numbering

_NUMBERED = [
    re.compile(rf"^(?P<num>(?:题目|问题|面试题|习题|练习|第)\s*(?:{_DIGITS}|{_CNUM})\s*[题问]?)\s*[.．、:：)）]?\s*(?P<title>.*)$"),
    re.compile(rf"^(?P<num>[Qq]\s*{_DIGITS})\s*[.．、:：)）]?\s*(?P<title>.*)$"),
    re.compile(rf"^(?P<num>{_DIGITS})\s*(?:[.．](?![0-9])|[、)）:：])\s*(?P<title>.+)$"),
    re.compile(rf"^(?P<num>{_CNUM})\s*[、.．]\s*(?P<title>.+)$"),
]
_EXPLICIT_QUESTION_NUM = re.compile(r"^(?:题目|问题|面试题|习题|练习|第|[Qq])")
_NUM_ONLY = re.compile(rf"{_DIGITS}|{_CNUM}")
LIST_ITEM_RE = re.compile(rf"^(?P<indent> {{0,3}})(?P<num>{_DIGITS})[.、)）]\s+(?P<text>\S.*)$")
QUESTION_WORDS_RE = re.compile(r"[?？]\s*(\*\*)?\s*$|什么|如何|为什么|为何|怎么|怎样|哪些|哪种|是否|吗[?？]?$|区别|异同")
NON_QA_SECTION_RE = re.compile(
    r"总结|小结|结语|结论|概述|简介|引言|前言|附录|参考|资料|延伸阅读|推荐阅读|相关阅读|写在最后|致谢|目录|Summary|Conclusion|References|Appendix",
    re.IGNORECASE,
)
CODING_SECTION_RE = re.compile(r"编程|代码|算法题|coding|programming|leetcode", re.IGNORECASE)
CODING_QUESTION_RE = re.compile(r"编写|实现|写一个|写出|代码|编程|算法题|implement|write a", re.IGNORECASE)
EXERCISE_SECTION_RE = re.compile(r"练习|习题|拓展|exercise", re.IGNORECASE)

_CN_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _strip_bold(s: str) -> str:
    s = s.strip()
    m = re.fullmatch(r"(\*\*|__)(.+?)\1\s*[:：]?", s)
    return m.group(2).strip() if m else s


def split_number(heading: str) -> tuple[str | None, str, bool]:
    """(number as written, title, whether the numbering names a question explicitly)."""
    text = _strip_bold(heading)
    for rx in _NUMBERED:
        m = rx.match(text)
        if m:
            num, title = m["num"].strip(), _strip_bold(m["title"])
            explicit = bool(_EXPLICIT_QUESTION_NUM.match(num))
            if title or explicit:
                return num, title, explicit
    return None, text, False


@dataclass
class Label:
    cat: str
    word: str
    rest: str
    number: str | None
    malformed: bool
    indent: int
    in_list: bool


def match_label(line: Line) -> Label | None:
    if line.kind not in ("text", "heading"):
        return None
    m = LABEL_RE.match(line.text)
    if not m:
        return None
    word = m["word"]
    cat = _WORD_TO_CAT.get(word) or _WORD_TO_CAT.get(word.capitalize()) or _WORD_TO_CAT.get(word.upper())
    if cat is None:
        return None
    if line.kind == "heading" and m["num"] is not None:
        return None  # "#### 题目 1：…" is a numbered item heading, not a label
    if len(word) == 1 and word.isascii() and (word.islower() or not (m["b1"] or m["rest"].strip())):
        return None  # "a:" or a bare "A:" is more likely prose than a label
    b1, b2, b3 = m["b1"], m["b2"], m["b3"]
    rest = m["rest"].rstrip()
    malformed = False
    if b1 and not b2 and not b3:
        if rest.endswith(b1):
            rest = rest[: -len(b1)].rstrip()
        else:
            malformed = True
    elif not b1 and (b2 or b3):
        malformed = True
    elif b1 and b2 and b3:
        malformed = True
    return Label(cat, word, rest, m["num"], malformed, len(m["indent"]), bool(m["bullet"]))


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


def parse_text(text: str, source: str) -> ParsedDoc:
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
