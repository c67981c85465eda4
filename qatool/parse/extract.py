"""Markdown Q&A articles -> one record per item.

The document is read as a CommonMark tree (`markdown`), its headings as sections whose roles are
decided from evidence (`sections`), and the records are assembled here:

* heading items (`### 1. 什么是X？`, `## Q3: …`, `### 平均绝对误差(MAE)` in a question bank), whose
  answer runs over the section body and the sub-headings that belong to it;
* items inside a section that is not one: label items (`问：…` / `**题目**: …` / `> **题目**:`),
  list questions with a nested or following answer (`1. 简述 BN 的作用`), bold question paragraphs
  (`**Q1：…**`, `**3.如何…；**`) and numbered question lines (`2.xxx?`) each followed by an answer;
* field labels (题目/面试题/问题/问/Q, 答案/参考答案/回答/答/A, 解析/答案解析/分析, 拓展/提示) with or
  without bold, either colon, in or out of blockquotes and list items, in `<details><summary>答案`;
* coding problems whose explanations sit in a later section (attached by number), exercises.

Headings and starters that do not become records are kept in `ParsedDoc.non_items` with the reason.

>>> doc = parse_text("### 1. 什么是X？\\n\\n**答案：** X 是 Y。\\n", "a.md")
>>> [(r["number"], r["question"], r["answer"]) for r in doc.records]
[('1', '什么是X？', 'X 是 Y。')]
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from qatool.common.io import InputProblem
from qatool.common.normalize import content_hash, sha256_hex
from qatool.parse.evidence import (
    CODING_QUESTION_RE,
    CODING_SECTION_RE,
    EXERCISE_SECTION_RE,
    LINK_RE,
    QMARK_RE,
    has_reference,
    is_navigation,
    is_sign_off,
    question_strength,
    substance,
)
from qatool.parse.labels import LABEL_WORDS, Label, label_of, split_number, strip_bold
from qatool.parse.markdown import Block, Scan, Tree, fence_lang, parse_tree
from qatool.parse.sections import (
    ANSWER_HEADING_WORDS,
    FIELD_CATS,
    Section,
    answer_like,
    block_label,
    block_text,
    bold_question,
    build_sections,
    details_label,
    first_line,
    head_answer_line,
    is_comment,
    item_head,
    lists_problems,
    names_drawback,
    release,
    split_at_labels,
    split_item_at_answer,
    states_problem,
    summary_label,
    trivial_reason,
    unquote,
)


@dataclass
class NonItem:
    """A heading or question that did not become a record, and why (`group`, `title`, `toc`,
    `link-only`, `image-only`, `placeholder`, `reference`, `empty`, `no-answer`, `questions`,
    `labels`, `section`)."""

    line: int
    end: int
    title: str
    reason: str


@dataclass
class ParsedDoc:
    source: str
    records: list[dict[str, Any]]
    problems: list[InputProblem]
    doc_title: str | None
    scan: Scan | None = None
    non_items: list[NonItem] = field(default_factory=list)
    tree: Tree | None = None
    bank: bool = False  # read as a question bank


# ---------------------------------------------------------------------------------------- item specs


@dataclass
class Unit:
    """One block of an item as the field reader sees it (a list whose first item is a label is read
    item by item)."""

    block: Block
    label: Label | None
    quote: bool = False


@dataclass
class ItemSpec:
    kind_hint: str  # heading | list | label | bold | para
    start: int  # first line of the item
    q_end: int  # last line of the question starter
    number: str | None
    title: str
    section: str | None
    section_kind: str  # qa | coding | exercise
    units: list[Unit]
    starter_label: Label | None = None  # a label starter's own label (问：…)
    warnings: list[str] = field(default_factory=list)
    analysis_extra: tuple[int, int, str] | None = None  # (start, end, text)


def _section_kind(title: str | None) -> str:
    if not title:
        return "qa"
    if EXERCISE_SECTION_RE.search(title):
        return "exercise"
    if CODING_SECTION_RE.search(title):
        return "coding"
    return "qa"


def _units(blocks: list[Block], lines: list[str], code_labels: bool = False) -> list[Unit]:
    out: list[Unit] = []
    for b in blocks:
        if b.kind == "list" and b.children:
            first = label_of(first_line(b.children[0], lines))
            labs = [first] + ([label_of(first_line(it, lines)) for it in b.children[1:]] if first is not None else [None] * (len(b.children) - 1))
            labs = [lab if lab is not None and not (len(lab.word) <= 2 and lab.word.isascii()) else None for lab in labs]
            if labs[0] is not None and labs[0].cat in FIELD_CATS + (("code",) if code_labels else ()):
                for it, lab in zip(b.children, labs):
                    if lab is None or lab.cat not in FIELD_CATS + (("code",) if code_labels else ()):
                        out.append(Unit(it, None))
                    else:  # `- 面试题：…？` answered on its own later lines under `**参考答案：**`
                        out.extend(Unit(part, plab) for part, plab in split_item_at_answer(it, lab, lines))
                continue
        lab = block_label(b, lines)
        if lab is not None and ((lab.cat == "code" and not code_labels) or (lab.indent > 3 and b.kind != "heading")):
            lab = None  # `代码实现: …` in prose is text
        if b.kind in ("paragraph", "quote") and b.end > b.start:
            out.extend(_split_at_labels(b, lab, lines))
            continue
        out.append(Unit(b, lab, quote=b.kind == "quote"))
    return out


def _split_at_labels(b: Block, lab: Label | None, lines: list[str]) -> list[Unit]:
    return [Unit(part, plab, quote=b.kind == "quote") for part, plab in split_at_labels(b, lab, lines)]


def _next_number(num: str | None) -> str | None:
    """The number after `num` at its own depth (`1.1` -> `1.2`, `3` -> `4`), None when it is not one."""
    if not num:
        return None
    parts = re.split(r"[.．\-－]", num)
    if not all(p.isdigit() for p in parts):
        return None
    seps = re.findall(r"[.．\-－]", num)
    parts[-1] = str(int(parts[-1]) + 1)
    return "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(parts))


def _sibling_questions(number: str | None, blocks: list[Block], lines: list[str]) -> list[tuple[int, str, str]]:
    """Bold one-line questions in a heading item's answer that carry the next numbers of the heading's own
    numbering (`### 1.1 讲讲对 X 的理解？`, its answer, then `**1.2 X 的计算步骤是什么？**`): items of their own,
    written as paragraphs. Returns (index in `blocks`, number, title) for each, in order."""
    want = _next_number(number)
    cuts: list[tuple[int, str, str]] = []
    if want is None:
        return cuts
    for k, b in enumerate(blocks):
        if k == 0 or b.kind != "paragraph" or b.start != b.end:
            continue
        text = _bold_para(b, lines)
        if text is None:
            continue
        num, title, _ = split_number(text)
        if num is None or num != want or question_strength(title) != 2:
            continue
        cuts.append((k, num, title))
        want = _next_number(num)
    return cuts


def _flatten(sec: Section) -> list[Block]:
    """A heading item's answer-side blocks: its body, then each sub-heading that is part of it."""
    out = list(sec.body)
    for child in (sec.children[:sec.absorb] if sec.split else sec.children):
        if child.heading is not None:  # a sub-section always has its heading
            out.append(child.heading)
        out.extend(_flatten(child))
    return out


# --------------------------------------------------------------------------------------- trimming


def _droppable(u: Unit, lines: list[str], after_rule: bool) -> bool:
    b = u.block
    if b.kind == "hr" or is_comment(b, lines):
        return True
    if b.kind in ("fence", "code", "table"):
        return False
    text = block_text(b, lines)
    if len(text) > 600 and not after_rule:
        return False  # navigation lines and sign-offs are short
    if all(is_navigation(ln) or not ln.strip() for ln in text.split("\n")):
        return True
    plain = "\n".join(unquote(ln) for ln in text.split("\n"))
    if is_sign_off(plain):
        return True
    if after_rule and (substance(plain) <= 8 or "作者" in plain):
        return True
    return False


def _trim_units(units: list[Unit], lines: list[str], keep: int) -> tuple[list[Unit], list[int]]:
    """Drop trailing rules, comments, navigation, reader sign-offs and a footer after a rule; never
    the first `keep` units. Returns the kept units and the first lines of what was dropped."""
    rules = [k for k, u in enumerate(units) if u.block.kind == "hr" and k >= keep]
    cut = len(units)
    if rules:
        r = rules[-1]
        if all(_droppable(u, lines, True) for u in units[r + 1:]):
            cut = r
    while cut > keep:
        u = units[cut - 1]
        if _droppable(u, lines, False):
            cut -= 1
            continue
        if u.block.kind == "heading" and u.label is None:
            cut -= 1  # a sub-heading left with nothing under it
            continue
        break
    dropped = [u.block.start for u in units[cut:] if u.block.kind not in ("hr",) and not is_comment(u.block, lines)]
    return units[:cut], dropped


# ------------------------------------------------------------------------------------------ fields


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
class Field:
    cat: str
    units: list[Unit] = field(default_factory=list)
    label: Label | None = None

    @property
    def start(self) -> int:
        return self.units[0].block.start

    @property
    def end(self) -> int:
        return max(u.block.end for u in self.units)

    def text(self, lines: list[str]) -> str:
        out: list[str] = []
        details = bool(self.units) and self.units[0].block.kind == "html" and self.label is not None
        prev_end = 0  # the last line of the previous unit (read only once `out` holds one)
        for k, u in enumerate(self.units):
            b = u.block
            if details and k and b.kind == "html" and block_text(b, lines).strip().lower() == "</details>":
                continue
            src = lines[b.start - 1:b.end]
            if b.cut:
                src = src[:-1] + [src[-1][:b.cut]]
            if b.kind == "heading" and u.label is None:
                src = [lines[b.start - 1][b.col:]]
            if u.quote:
                src = [unquote(s) for s in src]
            if b.kind == "html" and u.label is not None and u.label.cat in ("answer", "analysis"):
                src = _unwrap_details(src)
            elif u.label is not None and (k == 0 or u.label.cat == "code"):
                src = [u.label.rest] + src[1:]
            if out:
                gap = b.start - prev_end - 1
                out.extend([""] * max(gap, 0))
            out.extend(src)
            prev_end = b.end
        return _dedent_text(out)


def _unwrap_details(src: list[str]) -> list[str]:
    text = "\n".join(src)
    low = text.lower()
    i = low.find("</summary>")
    j = low.rfind("</details>")
    inner = text[i + 10 if i >= 0 else 0:j if j >= 0 else len(text)]
    return inner.strip("\n").split("\n")


def _read_fields(units: list[Unit], warnings: list[str], lines: list[str]) -> tuple[dict[str, Field], list[Unit], list[Unit]]:
    """Split an item's units into labelled fields. Returns (fields, preamble before any label, text
    after a question statement that no answer label claimed)."""
    fields: dict[str, Field] = {}
    preamble: list[Unit] = []
    after_q: list[Unit] = []
    current: Field | None = None
    q_open = False  # the question field still takes the block after a bare label
    answered_after = [False] * (len(units) + 1)  # whether an answer or analysis label comes after unit k
    for k in range(len(units) - 1, -1, -1):
        lab = units[k].label
        answered_after[k] = answered_after[k + 1] or (lab is not None and lab.cat in ("answer", "analysis"))
    for k, u in enumerate(units):
        lab = u.label
        if lab is not None and lab.cat == "question" and (
                lists_problems(lab, units[k + 1].block if k + 1 < len(units) else None, lines)
                or (preamble and current is None and not answered_after[k + 1] and states_problem(lab))
                or (current is None and k == len(units) - 1 and states_problem(lab) and _FULL_STATEMENT_RE.search(lab.rest)
                    and question_strength(lab.rest) == 0)):
            # `问题：` over a list of drawbacks, or `问题：在很多应用中，我们希望…` after the section's text with no
            # answer label after it: the problem the notes go on to solve, a line of the answer; or a `问题：` that ends
            # the item and states a whole sentence (`- 问题：原始计数的效果不是很好，因为…`): the problem it names
            lab = None
        if lab is not None and lab.cat == "question" and current is not None and current.cat in ("answer", "analysis"):
            lab = None  # `**答案**：⏎**问题**：启动时缓存是空的…`: the problem the answer opens on, a line of the answer
        if lab is not None and lab.cat in FIELD_CATS and lab.cat not in fields:
            if lab.malformed:
                warnings.append(f"line {u.block.start}: malformed label {first_line(u.block, lines).strip()!r}, read as {lab.word}")
            if lab.cat != "question" and after_q:
                fields["question"].units.extend(after_q)  # the stem went on until the answer label
                after_q = []
            current = Field(lab.cat, [u], lab)
            fields[lab.cat] = current
            q_open = lab.cat == "question" and not lab.rest
            continue
        if lab is not None and lab.cat in FIELD_CATS:
            warnings.append(f"line {u.block.start}: second {lab.word} label kept as text of the {current.cat if current else lab.cat}")
        if current is None:
            preamble.append(u)
        elif current.cat == "question":
            if q_open:
                current.units.append(u)
                q_open = False
            else:
                after_q.append(u)
        else:
            current.units.append(u)
    return fields, preamble, after_q


# a label's text that is a whole statement: clauses, or a full stop
_FULL_STATEMENT_RE = re.compile(r"[，,；;][^，,；;。]{2,}|。\s*$")


_STEM_START = ("要求", "输入", "输出", "示例", "例如", "已知", "给定", "如下", "选项", "A.", "A、", "A．", "（A）", "(A)")


def _is_stem(units: list[Unit], lines: list[str]) -> bool:
    """Whether unlabelled text between a question and its answer label continues the question
    (code, options, 要求/输入/示例, or a sentence that still asks or introduces something) rather
    than answering it (then the answer label sits in the middle of the answer)."""
    if not units:
        return True
    texts = [block_text(u.block, lines) for u in units]
    if any(u.block.kind in ("fence", "code") for u in units):
        return True
    if any(t.lstrip("> \t*").startswith(_STEM_START) for t in texts):
        return True
    last = texts[-1].rstrip(" \t*_")
    return len(units) <= 2 and sum(substance(t) for t in texts) <= 200 and last.endswith(("？", "?", "：", ":"))


def _fences(blocks: list[Block]) -> list[Block]:
    """Every fenced code block of the document, in order of their first line."""
    out = [b for top in blocks for b in top.walk() if b.kind == "fence"]
    out.sort(key=lambda b: b.start)
    return out


def _fence_code(fences: list[Block], starts: list[int], lo: int, hi: int) -> list[dict[str, Any]]:
    code = []
    for b in fences[bisect_left(starts, lo):bisect_right(starts, hi)]:
        text = b.content[:-1] if b.content.endswith("\n") else b.content
        text = "\n".join(s.rstrip() for s in text.split("\n"))
        code.append({"lang": fence_lang(b.info), "text": text})
    return code


def _question_of(spec: ItemSpec, q: Field | None, lines: list[str], warnings: list[str]) -> tuple[str, dict[str, int]]:
    """The question text and its span: a label starter's own text (问：…), else the question field,
    else the title (heading or bold line)."""
    whole = {"start": spec.start, "end": spec.q_end}
    if spec.starter_label is not None:  # 问：… starts the item itself
        return spec.starter_label.rest or spec.title, whole
    if q is None:
        return spec.title, whole
    question = q.text(lines)
    if not question:
        warnings.append(f"line {q.start}: empty question label, the title is used")
        question = spec.title
    return question, {"start": q.start, "end": max(q.end, q.start)}


def _answers_elsewhere(spec: ItemSpec, q: Field | None, a: Field | None, n: Field | None, question: str,
                       lines: list[str]) -> bool:
    """Whether a numbered question label stands for a question asked elsewhere, its text being that
    question's answer: `**问题 2：**` alone on its line (the second of the questions listed above), then a
    statement, and no answer (an answer label over the list of such labels, `**参考答案：**`, answers nothing
    itself). `**问题描述**` over a statement is a problem stated, and is kept. Such text is no question; a record of it would ask a statement and answer nothing."""
    return (q is not None and q.label is not None and q.label.number is not None and not q.label.rest.strip(" *_")
            and (a is None or not a.text(lines).strip()) and n is None
            and spec.starter_label is None and question_strength(_opening(question)) < 2)


def _answer_code(spec: ItemSpec, spans: dict[str, Any], fences: list[Block], starts: list[int]) -> list[dict[str, Any]]:
    """The fenced code inside the answer span, then inside the analysis span (unless the analysis
    was attached from an explanation elsewhere)."""
    code = []
    if spans["answer"]:
        code += _fence_code(fences, starts, spans["answer"]["start"], spans["answer"]["end"])
    if spans["analysis"] and spec.analysis_extra is None:
        code += _fence_code(fences, starts, spans["analysis"]["start"], spans["analysis"]["end"])
    return code


def _record_kind(spec: ItemSpec, code: list[dict[str, Any]], text: str) -> str:
    """exercise in an exercise section; coding when a Q&A item has code and sits in a coding
    section or asks for code; else qa."""
    if spec.section_kind == "exercise":
        return "exercise"
    if code and (spec.section_kind == "coding" or CODING_QUESTION_RE.search(text)):
        return "coding"
    return "qa"


def _build(spec: ItemSpec, source: str, lines: list[str], fences: list[Block], starts: list[int]) -> dict[str, Any] | None:
    warnings = list(spec.warnings)
    units, dropped = _trim_units(spec.units, lines, keep=1 if spec.units and spec.units[0].label is not None else 0)
    if dropped:
        warnings.append("left out of the answer as reader sign-off, navigation or footer: line" + ("s " if len(dropped) > 1 else " ")
                        + ", ".join(str(d) for d in dropped))
    fields, preamble, after_q = _read_fields(units, warnings, lines)
    q, a, n, h = (fields.get(k) for k in ("question", "answer", "analysis", "hint"))
    spans: dict[str, Any] = {"question": None, "answer": None, "analysis": None}
    title = spec.title
    question, spans["question"] = _question_of(spec, q, lines, warnings)
    question = question.strip(_EDGE_INVISIBLE)  # (`* \u200b\tSVM的原理是什么？`: a zero-width space before the prompt)
    if _answers_elsewhere(spec, q, a, n, question, lines):
        return None

    answer_field: Field | None = a
    if a is None and h is not None:
        answer_field, h = h, None
    if preamble:
        pre = Field("preamble", preamble)
        if answer_field is None and q is None:
            answer_field = pre  # the unlabelled answer under a question
            if spec.starter_label is not None:
                warnings.append(f"line {pre.start}: no answer label; the text after the question is the answer")
        elif q is None and spec.starter_label is None and answer_field is not None and not _is_stem(preamble, lines):
            # an answer label in the middle of the answer: keep it all as the answer
            warnings.append(f"line {answer_field.start}: {answer_field.label.word if answer_field.label else 'answer'} label inside the answer text was kept as text")
            merged = Field("answer", preamble + [Unit(u.block, None, u.quote) for u in answer_field.units])
            answer_field = merged
        elif q is None and spec.starter_label is None:
            question = f"{question}\n\n{pre.text(lines)}"  # the question goes on before the answer label
            spans["question"]["end"] = pre.end
            warnings.append(f"lines {pre.start}-{pre.end}: text between the question and its answer label was taken as part of the question")
        else:
            warnings.append(f"line {pre.start}: text before the question label was added to the question")
            question = f"{question}\n\n{pre.text(lines)}"
    if after_q and answer_field is None and n is None:
        answer_field = Field("answer", after_q)
        warnings.append(f"line {after_q[0].block.start}: no answer label; the text after the question statement is the answer")
    elif after_q:
        # the question statement went on without an answer label claiming anything after it
        question = f"{question}\n\n{Field('question', after_q).text(lines)}"
    analysis_field = n
    if answer_field is None and n is not None:
        answer_field, analysis_field = n, None
        warnings.append(f"line {n.start}: no 答案 label; the {n.label.word if n.label else '解析'} text is used as the answer")

    answer = ""
    if answer_field is not None:
        answer = answer_field.text(lines)
        spans["answer"] = {"start": answer_field.start, "end": max(answer_field.end, answer_field.start)}
    if h is not None:
        answer = f"{answer}\n\n{h.text(lines)}".strip()
    if not answer:
        warnings.append(f"line {spec.start}: no answer found")
    analysis = None
    if analysis_field is not None:
        analysis = analysis_field.text(lines)
        spans["analysis"] = {"start": analysis_field.start, "end": max(analysis_field.end, analysis_field.start)}
    if spec.analysis_extra is not None:
        s, e, extra = spec.analysis_extra
        analysis = f"{analysis}\n\n{extra}" if analysis else extra
        spans["analysis"] = {"start": s, "end": e}
        warnings.append(f"analysis attached from the explanation at line {s}")
    last = max([u.block.end for u in units] + [spec.q_end])
    code = _answer_code(spec, spans, fences, starts)
    kind = _record_kind(spec, code, question + title)
    return {
        "id": "",
        "source": source,
        "doc_title": None,
        "section": spec.section,
        "number": spec.number,
        "kind": kind,
        "title": title or question.split("\n", 1)[0][:200] or "(untitled)",
        "question": question or title or "(untitled)",
        "answer": answer,
        "analysis": analysis,
        "code": code,
        "line_start": spec.start,
        "line_end": last,
        "spans": spans,
        "content_hash": content_hash(question or title, answer),
        "parse_warnings": warnings,
    }


# -------------------------------------------------------------------------------- items in a body


def _numbered_run(paras: list[tuple[int, str]]) -> bool:
    """Whether bold paragraphs are numbered one after another (`**1. …？**`, `**2. 模型结构**`, `**3. …**`, …):
    then the ones that name a topic are items of the same list as the ones that ask."""
    nums = [split_number(t)[0] for _, t in paras]
    if len(nums) < 3 or not all(n is not None and n.isdigit() for n in nums):
        return False
    ints = [int(n) for n in nums if n is not None]
    steps = sum(1 for a, b in zip(ints, ints[1:]) if b == a + 1)
    return steps * 5 >= (len(ints) - 1) * 4


def _bold_para(b: Block, lines: list[str]) -> str | None:
    """The text of a paragraph that is all bold on one line (`**1.多模态业务简单介绍；**`), or whose bold part
    asks, with an aside after it (`**为何使用多头？**（为什么不用一个头）`)."""
    if b.kind != "paragraph" or b.end != b.start:
        return None
    s = lines[b.start - 1].strip()
    inner = strip_bold(s)
    return inner if inner != s else bold_question(s)


def _numbered_para(b: Block, lines: list[str]) -> tuple[str, str] | None:
    if b.kind != "paragraph":
        return None
    num, title, _ = split_number(lines[b.start - 1].strip())
    if num is None or not title:
        return None
    return num, title


_SENTENCE_END_RE = re.compile(r"[。]|\n")


def _opening(text: str) -> str:
    """The first sentence of `text`, its end mark kept (a question asked is read off its opening: an answer
    may ask 是否 further on)."""
    text = text.strip()
    m = _SENTENCE_END_RE.search(text)
    return text if m is None else text[: m.end()]


def _first_sentence(text: str) -> str:
    m = _SENTENCE_END_RE.search(text)
    return text if m is None else text[: m.start()]


_CLAUSE_SPLIT_RE = re.compile(r"[，,：:]")


def _clause_asks(sentence: str) -> bool:
    """Whether a sentence, or one of its comma or colon clauses, asks (`友善的面试官：请简述…`,
    `同学来吧，给我推导一下…`)."""
    return any(question_strength(c) == 2 for c in _CLAUSE_SPLIT_RE.split(sentence) if c.strip())


def _number_style(line: str) -> str:
    """How an item's number is written, for telling a run of questions from the parts of an answer:
    `**6-1**` and `6-1` differ, so do `1.`, `1、`, `（1）`, `一、`, `Q1`."""
    s = line.strip()
    bold = s.startswith(("**", "__"))
    t = s.lstrip("*_ \t")
    if t[:1] in "(（":
        return "paren"
    head = re.match(r"[0-9０-９]+(?:[.．\-－][0-9０-９]+)*([.．、:：)）]?)", t)
    if head is not None:
        dotted = "multi" if re.match(r"[0-9０-９]+[.．\-－][0-9０-９]", t) else "one"
        return f"{'bold' if bold else 'plain'}-{dotted}-{head.group(1) or ' '}"
    return f"{'bold' if bold else 'plain'}-{t[:1]}"


def _question_paras(blocks: list[Block], lines: list[str]) -> dict[int, tuple[str, str]]:
    """Numbered paragraphs that ask a question of their own (index -> (number, title)).

    Where numbered paragraphs ask with a question mark in their first sentence, the way most of them are
    numbered is the numbering of the questions: a paragraph numbered the same way whose first sentence asks is one
    too (`**6-7** 请介绍Q函数的两种表示方法。`), while one numbered otherwise without a question mark is a part
    of the answer above it (`（2）…期望值是多少。` under `**6-6** …？`). Elsewhere a paragraph asks when its
    text asks and no full stop comes within its first 60 characters."""
    cands: list[tuple[int, str, str, bool, str, bool]] = []
    for k, b in enumerate(blocks):
        para = _numbered_para(b, lines)
        if para is None:
            continue
        first = _first_sentence(para[1])
        asks = question_strength(para[1]) == 2
        if not (asks or _clause_asks(first)):
            continue
        if b.end != b.start and question_strength(lines[b.start - 1]) != 2 and not _clause_asks(first):
            continue
        marked = QMARK_RE.search(first) is not None  # (not `�?`: a character lost in decoding)
        cands.append((k, para[0], para[1], marked, _number_style(lines[b.start - 1]), asks))
    styles = Counter(style for _, _, _, marked, style, _ in cands if marked)
    top = styles.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        style = top[0][0]
        found = {k: (num, title) for k, num, title, marked, st, _ in cands
                 if marked or (st == style and _clause_asks(_first_sentence(title)))}
    else:
        found = {k: (num, title) for k, num, title, _, _, asks in cands if asks and "。" not in title[:60]}
    return _without_agendas(found, blocks, lines)


def _without_agendas(found: dict[int, tuple[str, str]], blocks: list[Block], lines: list[str]) -> dict[int, tuple[str, str]]:
    """`found` less the agendas: two or more numbered questions one right after the other, nothing between
    them, under a paragraph that announces them with a colon (`这样我们就需要关注几个问题：⏎1. …？⏎2. …？`).
    They list what the text goes on to answer (in sections of their own), not questions each answered here."""
    out = dict(found)
    keys = sorted(found)
    i = 0
    while i < len(keys):
        j = i
        while j + 1 < len(keys) and keys[j + 1] == keys[j] + 1:
            j += 1
        first = keys[i]
        if j > i and first > 0 and blocks[first - 1].kind == "paragraph" \
                and _ANNOUNCES_RE.search(lines[blocks[first - 1].end - 1]) is not None:
            for k in keys[i:j + 1]:
                del out[k]
        i = j + 1
    return out


# a paragraph that ends announcing what follows (`…需要关注几个问题：`)
_ANNOUNCES_RE = re.compile(r"[：:]\s*(?:\*\*)?\s*$")


@dataclass
class _Starter:
    kind: str  # label | bold | para | list
    block: Block  # the starter block (paragraph / quote / list item)
    number: str | None
    title: str
    label: Label | None = None
    nested: list[Block] = field(default_factory=list)  # list item: its blocks after the prompt
    head_end: int = 0
    labelled: bool = False  # a list question whose nested answer carries a label
    laid_out: bool = False  # a list question the layout shows answered (`_bullet_answers`)


def _topic_link(text: str) -> bool:
    """An entry that is only a link whose words do not ask (`[CNN 专题](./cnn.md)`): it points to a
    page on a topic; whatever is nested under it outlines that page, it does not answer a question."""
    if not has_reference(text) or substance(text):
        return False
    words = " ".join(m.group(0)[1:m.group(0).find("]")] for m in LINK_RE.finditer(text))
    return question_strength(words) < 2


_EDGE_INVISIBLE = " \t\u200b\u200c\u200d\u2060\ufeff\u3000"
# an entry that only introduces the questions nested under it (`* 常见面试题：`, `- 高频问题`)
_QUESTIONS_INTRO_RE = re.compile(r"^\s*(?:常见|高频|经典|典型|相关|必考|补充)?的?(?:面试题|面试问题|面试考点|问题|题目|考点|面经|追问)"
                                 r"(?:汇总|整理|列表|合集|集锦)?\s*[:：]?\s*$")


def _list_starters(k: int, b: Block, lines: list[str], prompts: bool, loose: bool,
                   starters: list[tuple[int, _Starter]], explanations: list[tuple[str | None, int, int, str]]) -> int:
    """The list questions of list `b` (top-level block `k`) appended to `starters` (coding
    explanations to `explanations`); returns how many of them have a nested answer."""
    answered = 0
    alike = _bold_siblings(b, lines, prompts, loose)
    for it in b.children:
        head = item_head(it)
        first = it.start  # the line the entry's prompt is on
        nested_lists = [c for c in it.children if c is not head and c.kind == "list"]
        if head is not None and nested_lists and len(nested_lists) == len(it.children) - 1 \
                and _QUESTIONS_INTRO_RE.match(strip_bold(_strip_marker(" ".join(s.strip() for s in lines[head.start - 1:head.end])))):
            # `* 常见面试题：` over a nested list of questions with their answers: the questions are the nested entries
            for sub in nested_lists:
                answered += _list_starters(k, sub, lines, prompts, loose, starters, explanations)
            continue
        if head is None:
            head = _bare_marker_head(it, lines)
            if head is None:
                continue
            first = head.start
        asked = _line_questions(head, lines)
        if len(asked) >= 2:
            # `01. embedding层相关` then `(1) …？` / its answer / `(2) …？` / … as lines of one paragraph
            for j, (no, num, title) in enumerate(asked):
                upto = asked[j + 1][0] - 1 if j + 1 < len(asked) else head.end
                after = [c for c in it.children if c is not head] if j + 1 == len(asked) else []
                starters.append((k, _Starter("list", Block("paragraph", no, no), num, title,
                                             nested=[Block("paragraph", no + 1, upto), *after], head_end=no)))
            answered += 1
            continue
        text = " ".join(s.strip() for s in lines[head.start - 1:head.end])
        text = _strip_marker(text)
        if text[:1] == "<":
            text = strip_bold(text)  # `<strong>…？</strong>` asks as `**…？**` does
        # a prompt set in bold on a line of its own is a head, not prose that asks in passing
        raw = lines[head.start - 1].strip() if head.start == head.end else ""
        raw = _strip_marker(raw).strip() if first == it.start else raw
        boldface = bool(raw) and strip_bold(raw) != raw
        rest = [c for c in it.children if c is not head]
        prompt = strip_bold(_strip_marker(lines[first - 1]) if first == it.start else lines[first - 1])
        head_end = head.end
        # (one clause that asks, `7. XGBoost为什么使用泰勒二阶展开`; not a step of a procedure, `2. 然后计算…落在哪个网格，…`)
        indented = head.end > head.start and question_strength(prompt) == 2 and not _CLAUSE_MARK_RE.search(lines[first - 1]) \
            and lines[head.start].startswith(("\t", "  ")) and not lines[first - 1].startswith(("\t", "  "))
        if head.end > head.start and not _ends_asking(lines[head.end - 1]) and (_ends_asking(prompt) or indented):
            # `1. X 的节点分裂依靠什么？` with its answer on the next lines of the same paragraph
            # (indented with a tab, or not indented at all): the question is the first line; without a
            # question mark only when the answer lines are indented under it (`7. 为什么用二阶展开` / `\t精准性：…`)
            text, head_end = prompt, head.start
            rest = [Block("paragraph", head.start + 1, head.end), *rest]
        if id(it) in alike and rest:
            # shaped like the questions beside it (`- **1 x 1 卷积的作用**` and its notes among `- **…？**` entries)
            answers = answer_like(rest, lines)
            kept = answers or _placeholder(rest, lines)
            starters.append((k, _Starter("list", it, it.number, prompt, nested=rest if kept else [], head_end=head_end)))
            answered += answers
            continue
        own = label_of(lines[first - 1].lstrip(" \t")[len(it.info) if first == it.start else 0:].lstrip())
        a_line = head_answer_line(it, head, lines)
        if own is not None and a_line is not None:
            # `1. **Q**: 解释自注意力` / `   **A**: …` in one paragraph: the label's text is the question
            starters.append((k, _Starter("list", it, it.number, strip_bold(own.rest.strip()) or prompt,
                                         nested=[Block("paragraph", a_line, head.end), *[c for c in it.children if c is not head]],
                                         head_end=a_line - 1, labelled=True)))
            answered += 1
            continue
        nested_labels = [block_label(c, lines) for c in rest]
        cats = {lab.cat for lab in nested_labels if lab is not None}
        if cats & {"answer", "hint", "question"}:
            starters.append((k, _Starter("list", it, it.number, prompt, nested=rest, head_end=head_end, labelled=True)))
            answered += 1
        elif cats & {"analysis", "code"} and not cats & {"answer"}:
            explanations.append(_explanation(it, rest, lines))
        elif own is not None and own.cat == "question":
            continue
        elif (prompts and not _topic_link(text)) or (question_strength(text) == 2 and (loose or indented or "?" in text or "？" in text)
                                                     and (_entry_asks(text) or (boldface and rest))) \
                or (text.lstrip().startswith("【") and loose and "。" not in text):
            # (a tagged problem, `【算法】手写 K-Means`; among labelled questions, `- 【协同过滤】使用…。` is content)
            if rest and _answer_or_placeholder(rest, lines):
                starters.append((k, _Starter("list", it, it.number, prompt, nested=rest, head_end=head_end)))
                answered += 1
            else:
                starters.append((k, _Starter("list", it, it.number, prompt, nested=[], head_end=head_end)))
    return answered


def _bare_marker_head(it: Block, lines: list[str]) -> Block | None:
    """The prompt of an entry whose marker stands alone on its line (`1.` then, indented on the next
    line, `<strong>…？</strong>` and the answer's paragraphs): its first paragraph, on the next line."""
    if it.children and it.children[0].kind == "paragraph" and it.children[0].start == it.start + 1 \
            and not _strip_marker(lines[it.start - 1]).strip():
        return it.children[0]
    return None


def _answer_or_placeholder(blocks: list[Block], lines: list[str]) -> bool:
    """Nested blocks that answer a list question, or stand where its answer should be (`TODO`, `待补充`):
    the item is kept with that placeholder as its answer, which the linter reports and export quarantines."""
    return answer_like(blocks, lines) or _placeholder(blocks, lines)


def _placeholder(blocks: list[Block], lines: list[str]) -> bool:
    return trivial_reason(blocks, lines) == "placeholder"


def _bold_siblings(b: Block, lines: list[str], prompts: bool, loose: bool) -> set[int]:
    """Entries of list `b` (their ids) that are questions by their shape alone: where at least two entries are a
    bold head on one line with notes nested under it, and at least half of those ask, the others of
    that shape are topic questions of the same list (`- **样本不够时的处理办法**` among `- **…为什么？**`),
    as topic headings are in a question bank."""
    shaped: list[tuple[Block, bool]] = []
    for it in b.children:
        head = item_head(it)
        if head is None or head.end != head.start or len(it.children) < 2:
            continue
        text = _strip_marker(lines[head.start - 1])
        if not text.startswith(("**", "__")):
            continue
        asks = question_strength(text) == 2 and (loose or prompts or "?" in text or "？" in text) and _entry_asks(text)
        shaped.append((it, asks))
    asking = sum(1 for _, a in shaped if a)
    if asking < 2 or asking * 2 < len(shaped):
        return set()
    return {id(it) for it, a in shaped if not a and label_of(_strip_marker(lines[it.start - 1])) is None}


# an entry that names a thing before a colon and describes it in a sentence that ends with a full stop
_KEYED_STATEMENT_RE = re.compile(r"(?:\*\*)?(?P<key>[^:：?？*]{1,24})(?:\*\*)?\s*[:：]\s*[^?？]{6,}[.。]")


def _entry_asks(text: str) -> bool:
    """A list entry that reads as a question: a short one, one that ends asking, or one that asks before
    it states (`30. 深度学习是什么？它跟传统模型有什么区别？举例说明。`). A long entry that opens with
    statements and asks a rhetorical `如何编码呢？` in its middle is content."""
    t = text.strip(" *_")
    keyed = _KEYED_STATEMENT_RE.fullmatch(t)
    if keyed is not None and question_strength(keyed.group("key")) < 2:
        return False  # `选择模型架构: 确定模型将学习哪些知识.`: a step named and described, asking nothing
    if len(t) <= 80 or t.endswith(("?", "？", "吗", "呢")):
        return True
    stop = t.find("。")
    marks = [i for i in (t.find("？"), t.find("?")) if i >= 0]
    return stop < 0 or (bool(marks) and min(marks) < stop)


def _label_item(st: _Starter, lab: Label, after: list[Block], lines: list[str], sec_title: str | None, kind: str) -> ItemSpec | NonItem:
    """The item a label starter (`问：…`, `**题目**:`) opens, `after` being the blocks up to the next
    starter; a NonItem when it has no answer."""
    # the starter paragraph holds the question (a bare `**问题描述**` also the block after it);
    # an answer label may share the paragraph or follow
    lines_in = lines[st.block.start - 1:st.block.end]
    q_end = st.block.end
    if not lab.rest and after and after[0].kind != "heading" and block_label(after[0], lines) is None:
        q_end = after[0].end
        lab.rest = _dedent_text([unquote(s) if st.block.kind == "quote" else s for s in lines[after[0].start - 1:after[0].end]])
        after = after[1:]
    units = _units(_until_heading(after), lines)
    inline_answer = _answer_inside(st.block, lines)
    if inline_answer is not None:
        units = [inline_answer] + units
        q_end = inline_answer.block.start - 1
    elif len(lines_in) > 1 and st.block.kind == "paragraph" and _ends_asking(lines_in[0]) \
            and not any(_ends_asking(s) for s in lines_in[1:]):
        # `**Q：为什么要做梯度裁剪？**` with its answer on the next line of the paragraph (a hard line break)
        units = [Unit(Block("paragraph", st.block.start + 1, st.block.end), None)] + units
        q_end = st.block.start
    elif len(lines_in) > 1:
        lab.rest = _dedent_text([lab.rest] + [unquote(s) if st.block.kind == "quote" else s for s in lines_in[1:]])
    spec = ItemSpec("label", st.block.start, q_end, st.number, st.title, sec_title, kind, units, starter_label=lab)
    if not units or trivial_reason([u.block for u in units], lines) is not None:
        return NonItem(st.block.start, q_end, st.title[:80], "no-answer")
    return spec


def _under_empty_answer(blocks: list[Block], labels: list[Label | None]) -> set[int]:
    """The blocks after an answer label alone on its line (`**A**：`), up to the next question label or heading: the
    answer that follows the label, whatever bold lines open it."""
    out: set[int] = set()
    awaiting = False
    for k, (b, lab) in enumerate(zip(blocks, labels)):
        if b.kind == "heading" or (lab is not None and lab.cat == "question"):
            awaiting = False
        elif lab is not None and lab.cat == "answer":
            awaiting = not lab.rest.strip()
        elif awaiting:
            out.add(k)
    return out


def body_items(blocks: list[Block], lines: list[str], sec_title: str | None, bank: bool, prompts: bool = False) -> tuple[list[ItemSpec], list[NonItem], list[tuple[str | None, int, int, str]]]:
    """Items inside the body of a section that is not an item itself (or the text before the first
    heading): label items, list questions, bold question paragraphs, numbered question lines.
    Also returns explanations of coding problems ((number, start, end, text)) found there."""
    kind = _section_kind(sec_title)
    starters: list[tuple[int, _Starter]] = []  # (index of the top-level block, starter)
    explanations: list[tuple[str | None, int, int, str]] = []
    bolds = [(k, _bold_para(b, lines)) for k, b in enumerate(blocks)]
    bold_qs = [(k, t) for k, t in bolds if t is not None and not is_sign_off(t)
               and (question_strength(t) == 2 or split_number(t)[0] is not None)]
    asking = sum(1 for _, t in bold_qs if question_strength(split_number(t)[1]) == 2)
    bold_ok = len(bold_qs) >= 2 and (asking * 2 >= len(bold_qs) or (asking >= 2 and _numbered_run(bold_qs)))
    bold_at = dict(bold_qs) if bold_ok else {}
    # among numbered or labelled questions (`**Q25：…？**`), an unnumbered bold question is a part of the
    # answer it sits in (`**如何保证输出是合法 JSON？**` under Q25), not an item of its own
    labels = [block_label(b, lines) if b.kind in ("paragraph", "quote", "heading") else None for b in blocks]
    asked = sum(1 for lab in labels if lab is not None and lab.cat == "question" and lab.number)
    if asked >= 2:
        bold_at = {k: t for k, t in bold_at.items() if split_number(t)[0] is not None}
    answered_lists = 0
    # outside a question bank or a list of prompts, a list entry asks only with a question mark,
    # unless two entries here do (then `解释一下…` next to them asks too)
    marked = sum(1 for b in blocks if b.kind == "list" for it in b.children
                 if (head := item_head(it) or _bare_marker_head(it, lines)) is not None
                 and ("?" in lines[head.start - 1] or "？" in lines[head.start - 1]))
    # where the questions are labelled and numbered (`**Q25：…**`), a list entry asks only with a question
    # mark: `- 实现简单用户个性化` in an answer is content, not a prompt that ends the answer above it
    loose = (bank or prompts or marked >= 2) and asked < 2
    para_at: dict[int, tuple[str | None, str]] = {**_question_paras(blocks, lines), **_over_collapsible_answers(blocks, lines)}
    details_at = _details_questions(blocks, lines)
    bullet_answered = _bullet_answers(blocks, lines)
    covered = {j for k, (_, _, upto) in bullet_answered.items() for j in range(k + 1, upto)}
    covered |= {j for k, (_, end) in details_at.items() for j in range(k + 1, end)}  # a bold question inside a collapsible starts nothing
    # (after an answer label alone on its line, `**A**：`, a bold line is a sub-heading of the answer: `**Pile Loss 是什么？**`)
    sub_headings = _under_empty_answer(blocks, labels)
    bold_at = {k: t for k, t in bold_at.items() if k not in sub_headings}
    para_at = {k: t for k, t in para_at.items() if k not in sub_headings}
    for k, b in enumerate(blocks):
        if k in bullet_answered:
            it, head_end, upto = bullet_answered[k]
            starters.append((k, _Starter("list", it, it.number, strip_bold(_strip_marker(lines[it.start - 1])),
                                         nested=blocks[k + 1:upto], head_end=head_end, laid_out=True)))
            answered_lists += 1
            continue
        if k in covered:
            continue  # a bullet answer's entries (`- 反问点：…？`) start nothing
        if (lab := labels[k]) is not None:
            if lab.cat == "question" and (lab.indent <= 3 or b.kind == "heading") and not lab.in_list \
                    and not lists_problems(lab, blocks[k + 1] if k + 1 < len(blocks) else None, lines) \
                    and not names_drawback(blocks, k, lab, lines):
                lab = replace(lab)  # its text is completed below; the block keeps its own
                title = strip_bold(lab.rest.split("\n", 1)[0]) or lab.word
                number = f"{lab.word}{lab.number}" if lab.number else None
                starters.append((k, _Starter("label", b, number, title, label=lab, head_end=b.end if lab.rest else b.start)))
                continue
        if k in bold_at:
            num, title, _ = split_number(bold_at[k])
            starters.append((k, _Starter("bold", b, num, title or bold_at[k], head_end=b.end)))
            continue
        if k in details_at:
            num, title, _ = split_number(details_at[k][0])
            starters.append((k, _Starter("details", b, num, title or details_at[k][0], head_end=b.end)))
            continue
        if k in para_at:
            # `2.分类算法和回归算法有什么区别呢?` (no space after the number: not a list)
            num, title = para_at[k]
            starters.append((k, _Starter("para", b, num, title, head_end=b.start)))
            continue
        if b.kind == "list":
            answered_lists += _list_starters(k, b, lines, prompts, loose, starters, explanations)
    items: list[ItemSpec] = []
    non: list[NonItem] = []
    for pos, (k, st) in enumerate(starters):
        nxt = starters[pos + 1][0] if pos + 1 < len(starters) else len(blocks)
        same_block_next = pos + 1 < len(starters) and starters[pos + 1][0] == k
        if st.kind == "list":
            answer_blocks = list(st.nested)
            last_in_list = st.block is blocks[k].children[-1]
            following = blocks[k + 1:nxt] if last_in_list and not same_block_next else []
            if answer_blocks:
                answer_blocks += _leading_code(following)
            elif following and answered_lists >= 1 and answer_like(_following_answer(following), lines):
                answer_blocks = _following_answer(following)
            if not answer_blocks or not (st.labelled or st.laid_out or _answer_or_placeholder(answer_blocks, lines)):
                on_line = not answer_blocks and st.block.start == st.head_end and _answered_inline(st.title)
                non.append(NonItem(st.block.start, st.head_end, st.title[:80], "answered-inline" if on_line else "no-answer"))
                continue
            units = _units(answer_blocks, lines)
            spec = ItemSpec("list", st.block.start, st.head_end, st.number, st.title, sec_title, kind, units)
            if not st.nested:
                spec.warnings.append(f"line {answer_blocks[0].start}: the answer follows the list question instead of being nested in it")
            items.append(spec)
            continue
        after = blocks[k + 1:nxt] if st.kind != "details" else _details_answer(blocks, lines, k, min(nxt, details_at[k][1]))
        if st.kind == "label" and st.label is not None:
            got = _label_item(st, st.label, after, lines, sec_title, kind)
            if isinstance(got, NonItem):
                non.append(got)
            else:
                items.append(got)
            continue
        # `（1）**为什么…**` with its answer on the next lines of the same paragraph
        inline = [Unit(Block("paragraph", st.block.start + 1, st.block.end), None)] \
            if st.kind == "para" and st.block.kind == "paragraph" and st.block.end > st.block.start else []
        head_end = st.block.start if inline else st.block.end
        if not inline and (not after or trivial_reason(_until_heading(after), lines) is not None):
            non.append(NonItem(st.block.start, st.block.end, st.title[:80], "no-answer"))
            continue
        units = inline + _units(_until_heading(after), lines)
        # (a collapsible's summary is the question: a `Q：`/`问题1：` inside it is answer text)
        units = [Unit(u.block, None) if st.kind == "details" and u.label is not None and u.label.cat == "question" else u for u in units]
        items.append(ItemSpec(st.kind, st.block.start, head_end, st.number, st.title, sec_title, kind, units))
    return items, non, explanations


_SUMMARY_RE = re.compile(r"^\s*(?:<details[^>]*>\s*)?<summary[^>]*>(?P<q>.*?)</summary>\s*$", re.IGNORECASE)


def _summary_in(b: Block, lines: list[str]) -> re.Match | None:
    """The `<summary>…</summary>` on the first two lines of block b (`<details><summary>` or `<details>` over it)."""
    return next((m for no in range(b.start, min(b.end, b.start + 1) + 1) if (m := _SUMMARY_RE.match(lines[no - 1]))), None)


def _summary_text(m: re.Match | None) -> str | None:
    """A summary's text without tags or bold."""
    return strip_bold(re.sub(r"<[^>]+>", "", m.group("q")).strip()) if m is not None else None


_BREAK_RE = re.compile(r"(?:<br\s*/?>\s*)+", re.IGNORECASE)


def _details_end(blocks: list[Block], lines: list[str], k: int) -> int:
    """The index of the block that closes the collapsible opened at block k (its `</details>`), or the body's end."""
    return next((j for j in range(k + 1, len(blocks)) if blocks[j].kind == "html" and "</details>" in block_text(blocks[j], lines).lower()),
                len(blocks))


def _details_answer(blocks: list[Block], lines: list[str], k: int, end: int) -> list[Block]:
    """What the collapsible opened at block k holds, up to block `end` (its `</details>`, or the next starter),
    without a leading `<br>` or a `<summary>` a blank line below its `<details>` (the question's)."""
    after = blocks[k + 1:end]
    while after and after[0].kind == "html" and (_BREAK_RE.fullmatch(block_text(after[0], lines).strip())
                                                 or _SUMMARY_RE.match(lines[after[0].start - 1])):
        after = after[1:]
    return after


def _details_questions(blocks: list[Block], lines: list[str]) -> dict[int, tuple[str, int]]:
    """Collapsible questions (`<details>` / `<summary>问题</summary>` / the answer / `</details>`): block index ->
    (the summary's text, the index of the block that closes it), where the body holds two or more such blocks, or the summary asks. A summary that is an
    answer label (`<summary>答案</summary>`) is the answer's wrapper, read as a label elsewhere."""
    found: dict[int, tuple[str, int]] = {}
    for k, b in enumerate(blocks):
        if b.kind != "html" or not lines[b.start - 1].lstrip().lower().startswith("<details"):
            continue
        m = _summary_in(b, lines)
        if m is None and b.end == b.start and k + 1 < len(blocks) and blocks[k + 1].kind == "html":
            m = _SUMMARY_RE.match(lines[blocks[k + 1].start - 1])  # `<details>`, a blank line, then `<summary>…</summary>`
        q = _summary_text(m)
        if q is None:
            continue
        if q and details_label(b, lines) is None and label_of(q + "：") is None and summary_label(q) is None:
            found[k] = (q, _details_end(blocks, lines, k))
    if len(found) < 2:
        found = {k: qe for k, qe in found.items() if question_strength(qe[0]) == 2}
    return found


def _answer_collapsible(b: Block, lines: list[str]) -> bool:
    """Whether block b opens a collapsible whose summary labels an answer (`<details>` / `<summary>答案</summary>`)."""
    if b.kind != "html" or not lines[b.start - 1].lstrip().lower().startswith("<details"):
        return False
    q = _summary_text(_summary_in(b, lines))
    return q is not None and summary_label(q) is not None


def _over_collapsible_answers(blocks: list[Block], lines: list[str]) -> dict[int, tuple[str | None, str]]:
    """One-line blocks (`> 1、Transformer 为什么除以根号 d_k`, a paragraph, a list entry) right over a collapsible
    answer (`<details><summary>答案</summary>…</details>`): each asks, question mark or not, where two or more in
    the body are laid out so (index -> (number, title))."""
    found: dict[int, tuple[str | None, str]] = {}
    for k, b in enumerate(blocks[:-1]):
        if b.end != b.start or b.kind not in ("paragraph", "quote", "list") or not _answer_collapsible(blocks[k + 1], lines):
            continue
        text = unquote(lines[b.start - 1])
        text = strip_bold((_strip_marker(text) if b.kind == "list" else text).strip())
        if not text or len(text) > 150 or label_of(text) is not None:
            continue
        num, title, _ = split_number(text)
        found[k] = (num if b.kind != "list" else (b.children[0].number if b.children else num), title or text)
    return found if len(found) >= 2 else {}


def _bullet_answers(blocks: list[Block], lines: list[str]) -> dict[int, tuple[Block, int, int]]:
    """`1) 多头注意力为何有效？` then `- 标准答：…` / `- 坑位：…` at the same indent: Markdown ends the
    numbered list where the bullets begin, so each question is a numbered list of one entry and its
    answer the bullet list after it (with the code and lists that follow, up to the next numbered list
    or heading). Read so only where two or more numbered questions in the body are answered this way.
    Maps the question list's index k to (its one-line entry, that line, the end of the answer's blocks,
    which begin at k + 1)."""
    found: dict[int, tuple[Block, int, int]] = {}
    for k, b in enumerate(blocks[:-1]):
        nxt = blocks[k + 1]
        if b.kind != "list" or not b.ordered or len(b.children) != 1 or nxt.kind != "list" or nxt.ordered:
            continue
        it = b.children[0]
        head = item_head(it)
        if head is None or len(it.children) != 1 or head.end != head.start:
            continue  # the entry is one line, with nothing nested
        title = strip_bold(_strip_marker(lines[it.start - 1]))
        if not (_ends_asking(title) or question_strength(title) == 2) or label_of(title) is not None:
            continue
        upto = k + 1
        while upto < len(blocks) and blocks[upto].kind not in ("heading", "hr") and not (blocks[upto].kind == "list" and blocks[upto].ordered):
            upto += 1
        found[k] = (it, head.end, upto)
    return found if len(found) >= 2 else {}


_LINE_QUESTION_RE = re.compile(r"^[ \t]*(?:[-*+][ \t]+|[0-9]{1,3}[.、)）][ \t]*)?[(（]?(?P<num>[0-9]{1,2})[)）.、][ \t]*(?P<title>\S.*[?？])[ \t]*$")


def _line_questions(head: Block, lines: list[str]) -> list[tuple[int, str, str]]:
    """Numbered lines of one paragraph that ask, each followed by lines that answer it (`(1) X？` /
    `answer` / `(2) Y？` / `answer`): (line, number, question). Empty unless every one of them has an answer
    line and none of those lines asks."""
    found = [(no, m["num"], m["title"].strip()) for no in range(head.start, head.end + 1)
             if (m := _LINE_QUESTION_RE.match(lines[no - 1])) is not None]
    for j, (no, _, _) in enumerate(found):
        upto = found[j + 1][0] - 1 if j + 1 < len(found) else head.end
        if upto <= no or any(_ends_asking(lines[x - 1]) for x in range(no + 1, upto + 1)):
            return []
    return found


_CLAUSE_MARK_RE = re.compile(r"[，,。；;：:！!]")


def _ends_asking(line: str) -> bool:
    """Whether a line ends with a question mark (bold and spaces aside)."""
    return line.rstrip().rstrip("*_ \t").endswith(("?", "？"))


def _strip_marker(s: str) -> str:
    t = s.lstrip(" \t")
    i = 0
    while i < len(t) and (t[i].isdigit() or t[i] in "０１２３４５６７８９"):
        i += 1
    if i and t[i:i + 1] in (".", ")", "、", "）"):
        return t[i + 1:].strip()
    if t[:1] in ("-", "*", "+"):
        return t[1:].strip()
    return t.strip()


def _leading_code(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        if b.kind in ("fence", "code"):
            out.append(b)
        else:
            break
    return out


def _until_heading(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        if b.kind == "heading":
            break
        out.append(b)
    return out


def _following_answer(blocks: list[Block]) -> list[Block]:
    """What answers a list question from outside the list: the blocks after it up to the next
    heading, thematic break or list (a new entry, numbered or not, starts something else)."""
    out = []
    for b in blocks:
        if b.kind in ("heading", "hr", "list"):
            break
        out.append(b)
    return out


# the colon of a one-line entry that gives its answer after it (`L1不可导怎么办：坐标下降算法`); not one that
# announces what the question is about (`请解释以下概念：…`)
_INLINE_COLON_RE = re.compile(r"\s*(?:\*\*)?\s*[：:]\s*(?:\*\*)?\s*(?!//)")
# a question that ends right at the colon: a question mark, or a question word last (`…怎么办：`)
_ASKS_AT_END_RE = re.compile(r"(?:[？?]|怎么办|怎么做|怎么样|怎么处理|如何(?:处理|解决|做|实现|选择)?|为什么|为何|是什么|有什么|有哪些|哪些|哪个|多少|几种|吗|呢)\s*(?:\*\*)?\s*$")
_ANNOUNCED_RE = re.compile(r"(?:以下|下列|如下|下面|几个|几种|哪些|这些|两个|三个)[^，,。；;]{0,8}$")


def _answered_inline(title: str) -> bool:
    """Whether a one-line list question carries its answer after a colon (`如何解决？：换NDCG等分组的指标`, `L1不可导
    怎么办：坐标下降算法`): the question ends right at the colon (not `请推导逻辑回归模型：目标函数的构建…`), and what
    comes after it does not ask, and has words (not a link or a note mark)."""
    for m in _INLINE_COLON_RE.finditer(title):
        before, after = title[:m.start()], title[m.end():]
        if _ASKS_AT_END_RE.search(before) and question_strength(after) < 2 and substance(after) >= 2 \
                and not QMARK_RE.search(after) and not _ANNOUNCED_RE.search(before):
            return True
    return False


def _answer_inside(b: Block, lines: list[str]) -> Unit | None:
    """An answer label on a later line of the question paragraph (`问：…` / `答：…` without a blank
    line between them): the rest of the paragraph from that line is an answer unit."""
    for no in range(b.start + 1, b.end + 1):
        s = lines[no - 1]
        lab = label_of(unquote(s) if b.kind == "quote" else s)
        if lab is not None and lab.cat in ("answer", "analysis", "hint"):
            return Unit(Block("paragraph", no, b.end), lab, quote=b.kind == "quote")
    return None


def _explanation(item: Block, rest: list[Block], lines: list[str]) -> tuple[str | None, int, int, str]:
    units = _units(rest, lines, code_labels=True)
    for u in units:
        if u.label is not None and u.label.cat not in ("analysis", "code"):
            u.label = None
    text = Field("analysis", units).text(lines)
    end = max(b.end for b in rest)
    return item.number, item.start, end, text


# ------------------------------------------------------------------------------------------ document


def _section_title(sec: Section | None) -> str | None:
    return sec.title if sec is not None and sec.heading is not None else None


def _enclosing(sec: Section) -> Section | None:
    """The nearest enclosing heading that is not an item."""
    p = sec.parent
    while p is not None and p.heading is not None and p.role in ("item", "part"):
        p = p.parent
    return p if p is not None and p.heading is not None else None


_ANSWER_WORDS = ANSWER_HEADING_WORDS | frozenset(w.lower() for w in LABEL_WORDS["analysis"])


def _answer_word(line: str) -> bool:
    """A heading that only says "answer" (`## 解答`, `### **参考答案**`, `### 详细解答`, `## 分析`)."""
    return strip_bold(line.strip().lstrip("#").strip()).strip(" *_:：").lower() in _ANSWER_WORDS


def _item_specs(root: Section, lines: list[str], bank: bool) -> tuple[list[tuple[int, ItemSpec]], list[NonItem], list[tuple[str | None, int, int, str]]]:
    """Every item of the section tree ((start line, spec), unsorted): the heading items, and the
    items found in the bodies of sections that are not items; with the non-items and the coding
    explanations met on the way."""
    specs: list[tuple[int, ItemSpec]] = []
    non_items: list[NonItem] = []
    explanations: list[tuple[str | None, int, int, str]] = []
    for sec in root.walk():
        if sec.role == "item":
            encl = _enclosing(sec)
            sec_title = _section_title(encl)
            blocks, title, q_end = _flatten(sec), sec.name or sec.title, sec.heading.end
            if sec.qhead == "bare":  # `## 问题`: the paragraph under it is the question
                stated = block_text(sec.body[0], lines).split("\n")
                title = "\n".join(unquote(t) for t in stated).strip() if sec.body[0].kind == "quote" else "\n".join(stated).strip()
                q_end, blocks = sec.body[0].end, blocks[1:]
            if sec.qhead and blocks and blocks[0].kind == "heading" and _answer_word(lines[blocks[0].start - 1]):
                blocks = blocks[1:]  # `## 解答` under the question: the answer, not a line of it
            cuts = _sibling_questions(sec.number, blocks, lines)
            units = _units(blocks[:cuts[0][0]] if cuts else blocks, lines)
            spec = ItemSpec("heading", sec.start, q_end, sec.number, title, sec_title, _section_kind(sec_title), units)
            if sec.strength < 2 and not sec.labels and not sec.explicit:
                spec.warnings.append(f"line {sec.start}: topic heading read as a question (the document is a question bank)")
            specs.append((sec.start, spec))
            for pos, (k, num, qtitle) in enumerate(cuts):
                upto = cuts[pos + 1][0] if pos + 1 < len(cuts) else len(blocks)
                b = blocks[k]
                specs.append((b.start, ItemSpec("bold", b.start, b.end, num, qtitle, sec_title, _section_kind(sec_title),
                                                _units(blocks[k + 1:upto], lines))))
            continue
        if sec.role == "part":
            continue
        if sec.heading is not None and sec.role not in ("item",):
            non_items.append(NonItem(sec.start, sec.heading.end, sec.title[:80], sec.reason or sec.role))
        if sec.role in ("root", "title", "group", "container", "section", "nonitem"):
            if sec.role == "nonitem" and sec.reason in ("toc", "link-only", "image-only", "placeholder", "empty", "reference", "no-answer", "untitled"):
                continue
            found, non, expl = body_items(sec.body, lines, sec.title if sec.heading is not None else None, bank,
                                          prompts=sec.role == "container" and sec.reason == "questions")
            if sec.role == "container" and sec.heading is not None and sec.strength == 2 and found:
                # `### 2.1 为什么需要归一化？`, its answer, then `**2.2 …？**` `**2.3 …？**`: the heading asks, and
                # what stands before the first question under it answers it
                lead = [b for b in sec.body if b.end < found[0].start]
                if lead and trivial_reason(lead, lines) is None:
                    encl = _enclosing(sec)
                    sec_title = _section_title(encl)
                    specs.append((sec.start, ItemSpec("heading", sec.start, sec.heading.end, sec.number, sec.name or sec.title,
                                                      sec_title, _section_kind(sec_title), _units(lead, lines))))
            specs.extend((s.start, s) for s in found)
            non_items.extend(non)
            explanations.extend(expl)
    return specs, non_items, explanations


def parse_text(text: str, source: str) -> ParsedDoc:
    """Parse one article (newlines normalised). Never raises on any input text.

    The cyclic garbage collector is paused meanwhile: parsing allocates many small objects but
    leaves no reference cycles behind (`release` drops the section tree's parent links), so
    collections during it would only cost time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_text(text, source)
    finally:
        if was_enabled:
            gc.enable()


def _parse_text(text: str, source: str) -> ParsedDoc:
    tree = parse_tree(text)
    lines = tree.lines
    sc = tree.scan
    problems: list[InputProblem] = []
    for no in sc.unclosed_fences:
        problems.append(InputProblem(source, "warning", "code fence is never closed; it is taken to end before the next heading, close it with ```", line=no))
    for no in sc.stray_fences:
        problems.append(InputProblem(source, "warning", "a ``` here would swallow the next code block's opening line; it was read as text (remove it or close the block above)", line=no))
    for no in sc.glued_headings:
        problems.append(InputProblem(source, "warning", "a heading is glued to the end of a paragraph; it was split off (put it on its own line)", line=no))

    root = build_sections(tree)
    bank = bool(getattr(root, "bank", False))
    specs, non_items, explanations = _item_specs(root, lines, bank)
    specs.sort(key=lambda p: p[0])
    # an item never starts inside a fenced block as the line scan reads it (a fence that a `<details>` block opens
    # and never closes can hide from the block tree what the scan counts as code)
    fenced, inside = set(), False
    for ln in sc.lines:
        if ln.kind == "fence":
            inside = not inside
        if ln.kind == "fence" or (inside and ln.kind == "code"):
            fenced.add(ln.no)
    items = [s for _, s in specs if s.start not in fenced]

    for num, start, end, text_ in explanations:
        target = next((it for it in reversed(items) if it.section_kind == "coding" and it.number == num and it.start < start and it.analysis_extra is None), None)
        if target is None:
            problems.append(InputProblem(source, "warning", f"explanation item {num} matches no earlier coding problem; it was not attached to any record", line=start))
        else:
            target.analysis_extra = (start, end, text_)

    doc_title = _doc_title(root, items, source)
    records = []
    fences = [b for b in tree.code if b.kind == "fence"]
    starts = [b.start for b in fences]
    for it in items:
        rec = _build(it, source, lines, fences, starts)
        if rec is not None:
            records.append(rec)
        else:
            non_items.append(NonItem(it.start, it.q_end, it.title[:80], "answer-elsewhere"))
    seen: Counter[str] = Counter()
    for rec in records:
        rec["doc_title"] = doc_title
        occurrence = seen[rec["content_hash"]]
        seen[rec["content_hash"]] += 1
        rec["id"] = sha256_hex(source, rec["content_hash"], str(occurrence))[:16]
    if not records:
        problems.append(InputProblem(source, "warning", "no Q&A items found (no question headings, labelled answers or answered question lists); check that this is a Q&A article"))
    non_items.sort(key=lambda x: x.line)
    release(root)
    return ParsedDoc(source, records, problems, doc_title, sc, non_items, tree, bank)


def _doc_title(root: Section, items: list[ItemSpec], source: str) -> str:
    first_item = next((s for s in root.walk() if s.role == "item"), None)
    if first_item is not None:
        encl = _enclosing(first_item)
        if encl is not None:
            return encl.title
    for s in root.walk():
        if s.heading is not None and s.level == 1 and s.role != "item":
            return s.title
    stem = source.rsplit("/", 1)[-1]
    return stem.rsplit(".", 1)[0] if "." in stem else stem
