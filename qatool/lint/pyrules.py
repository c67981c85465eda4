"""Checks that YAML cannot express. Each is registered by name with `@check`; a YAML rule of kind
`python` names it in `check:` and supplies the code, severity, message and docs."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace
from typing import Any, Callable, Iterator

from qatool.common.answers import answer_defect
from qatool.lint.chars import LOOKALIKE_RE, MOJIBAKE_HINT_RE, lookalike_runs, mojibake_spans, standard_char
from qatool.lint.document import LintDoc, Unit, blank_comments
from qatool.lint.kinds import Knowledge, make_finding, source_text
from qatool.lint.model import Finding, Fix, Rule
from qatool.parse.labels import LABEL_RE, match_label
from qatool.parse.markdown import INLINE_CODE_RE, Line

PY_CHECKS: dict[str, Callable[[Rule, LintDoc, Knowledge], Iterator[Finding]]] = {}


def check(name: str):
    def register(fn):
        PY_CHECKS[name] = fn
        return fn
    return register


def _unit_for(doc: LintDoc, line: Line) -> Unit:
    rec = doc.record_at(line.no)
    return Unit(line.no, line.col, line.text, "heading" if line.kind == "heading" else "other", rec)


@check("heading-glued")
def heading_glued(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for ln in doc.scan.lines:
        if ln.glued:
            unit = _unit_for(doc, ln)
            hashes = len(ln.text) - len(ln.text.lstrip("#"))
            found = make_finding(rule, doc, unit, 0, hashes)
            # the fix puts the heading on its own line, after a blank line
            yield replace(found, fix=Fix(ln.no, found.col, found.col, "\n\n"))


@check("malformed-bold-label")
def malformed_bold_label(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for ln in doc.scan.lines:
        lab = match_label(ln)
        if lab is None or not lab.malformed:
            continue
        m = LABEL_RE.match(ln.text)
        if m is None:  # match_label found one: the same pattern
            continue
        indent = m["indent"] + (m["bullet"] or "")
        colon = "：" if "：" in ln.text else ":"
        fixed = f"{indent}**{lab.word}{colon}**" + (f" {lab.rest}" if lab.rest else "")
        unit = Unit(ln.no, ln.col, ln.text, "other", doc.record_at(ln.no))
        yield make_finding(rule, doc, unit, len(m["indent"]), len(ln.text.rstrip()), fix_text=fixed[len(m["indent"]):])


# `**` with white space on both sides can open or close nothing (CommonMark flanking rules): `2 ** 3`.
BOLD_RE = re.compile(r"(?<!\s)\*\*|\*\*(?!\s)")
THEMATIC_BREAK_RE = re.compile(r"^\s{0,3}(?:>\s*)*(?:\*[ \t]*){3,}$")
# `**kwargs` written in prose: Python's keyword unpacking of a lower-case identifier, not bold
UNPACKING_RE = re.compile(r"(?<![\w*])\*\*(?=[a-z_][a-z0-9_]*(?:[^A-Za-z0-9_*]|$))")
# a run of asterisks closing a heading, a list item or a link text: an importance mark (`重点***`)
# that some note collections put after their entries; it may absorb one bold closer (`**重点*****`)
TRAILING_STARS_RE = re.compile(r"(?<=[^\s*])\*{2,}(?=[ \t]*$|\]\()")
OUTLINE_LINE_RE = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s|[-*+]\s|\d+[.)、]\s)")


def _content_line(doc: LintDoc, unit: Unit) -> str:
    """The unit's source text with inline code as content (`X` for each character: bold around
    `` `code` `` flanks code, not spaces), HTML comments and backslash escapes blanked."""
    line = doc.lines[unit.line - 1] if 0 < unit.line <= len(doc.lines) else ""
    if "`" not in line and "\\" not in line:
        return unit.text  # nothing masked but HTML comments, which unit.text blanks already
    s = source_text(doc, unit, 0, len(unit.text))
    if "`" in s:
        s = INLINE_CODE_RE.sub(lambda m: "X" * len(m.group(0)), s)
    if "<!--" in s:
        s = blank_comments(s)
    return s.replace("\\*", "  ")


@check("unbalanced-bold")
def unbalanced_bold(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit in doc.units:
        if unit.scope == "code" or "**" not in unit.text:
            continue
        text = _content_line(doc, unit)
        marks = [m.start() for m in BOLD_RE.finditer(text)]
        if len(marks) % 2 == 0 or THEMATIC_BREAK_RE.match(text):
            continue
        unpacked = UNPACKING_RE.sub("  ", text)
        if unpacked != text:  # an odd count that `**kwargs` accounts for is not broken bold
            text = unpacked
            marks = [m.start() for m in BOLD_RE.finditer(text)]
            if len(marks) % 2 == 0:
                continue
        outline = unit.scope == "heading" or OUTLINE_LINE_RE.match(text) is not None
        if any(outline or m.end() < len(text.rstrip()) for m in TRAILING_STARS_RE.finditer(text)):
            continue  # an importance mark after a heading, list item or link text
        lab = match_label(Line(unit.line, unit.text, kind="heading" if unit.scope == "heading" else "text"))
        if lab is not None and lab.malformed:
            continue  # reported as malformed-bold-label, with a fix
        yield make_finding(rule, doc, unit, marks[-1], marks[-1] + 2)


ENUM_ITEM = r"[^\s、，,。；;：:（）()\[\]【】「」“”\"']"
ENUM_RUN_RE = re.compile(rf"{ENUM_ITEM}+")
ENUM_ENDS = frozenset("、，,。；;）)")
EMPTY_ITEM_RE = re.compile(r"、\s*[、，,。；;]")


def enumeration_pairs(text: str) -> Iterator[tuple[int, int, int]]:
    """(start of A, start of B, end of B) for each `A、B` in `text`: A the whole run of item
    characters before a 、, B the shortest run after it that ends before 等, one of 、，,。；;）) or the
    end of the text. Runs are found once, so a long sentence costs one pass, not one per start."""
    runs = [(m.start(), m.end()) for m in ENUM_RUN_RE.finditer(text)]
    n = len(text)
    for (a_start, a_end), (b_start, b_run_end) in zip(runs, runs[1:]):
        if b_start != a_end + 1 or text[a_end] != "、":
            continue
        stop = text.find("等", b_start + 1, b_run_end)
        if stop < 0:
            at_end = b_run_end == n or (b_run_end == n - 1 and text[-1] == "\n")  # where `$` matches
            if not at_end and text[b_run_end] not in ENUM_ENDS:
                continue
            stop = b_run_end
        yield a_start, b_start, stop


CODE_ITEM = "\ue000"  # stands for an inline code span: an item of its own, never a CJK fragment


@check("truncated-enumeration")
def truncated_enumeration(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit in doc.units:
        if unit.scope == "code" or "、" not in unit.text:
            continue
        text = unit.text
        line = doc.lines[unit.line - 1] if 0 < unit.line <= len(doc.lines) else ""
        if "`" in line and "`" in (src := source_text(doc, unit, 0, len(text))):  # code spans are items, not gaps
            text = INLINE_CODE_RE.sub(lambda m: CODE_ITEM * len(m.group(0)), src)
            text = "".join(c if c == CODE_ITEM else u for c, u in zip(text, unit.text))
        for a_start, b_start, b_end in enumeration_pairs(text):
            a, b = text[a_start:b_start - 1], text[b_start:b_end]
            if len(b) < len(a) and a.endswith(b) and re.search(r"[\u4e00-\u9fff]", b):
                yield make_finding(rule, doc, unit, b_start, b_end, full=source_text(doc, unit, a_start, b_start - 1))
        for m in EMPTY_ITEM_RE.finditer(text):
            yield make_finding(rule, doc, unit, m.start(), m.end(), message=EMPTY_ITEM_MESSAGE)


EMPTY_ITEM_MESSAGE = "列举中有空项：“{match}”之间什么也没有，像是丢了一项"


LIST_TERM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)、])\s+\*\*([\u4e00-\u9fffA-Za-z0-9]{4,20})(?:[（(][^）)]*[）)])?\s*[:：]?\s*\*\*")
TRUNCATION_FOLLOWERS = "可以|可|能够|能|通过|是|的|和|与|则|将|会|，|、|；|。"


@check("truncated-term-in-analysis")
def truncated_term_in_analysis(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    by_record: dict[str, list[Unit]] = defaultdict(list)
    for unit in doc.units:
        if unit.scope == "analysis" and unit.record:
            by_record[unit.record["id"]].append(unit)
    for rec in doc.records:
        units = by_record.get(rec["id"])
        if not units:
            continue
        terms = {m.group(1) for ln in rec["answer"].split("\n") if (m := LIST_TERM_RE.match(ln))}
        for term in sorted(terms):
            head = re.escape(term[:-1])
            rx = re.compile(rf"(?<![\u4e00-\u9fff]){head}(?!{re.escape(term[-1])})(?={TRUNCATION_FOLLOWERS})")
            if any(t != term and t.startswith(term[:-1]) for t in terms):
                continue
            for unit in units:
                for m in rx.finditer(unit.text):
                    yield make_finding(rule, doc, unit, m.start(), m.end(), term=term)


def _record_unit(doc: LintDoc, rec: dict[str, Any]) -> Unit:
    span = rec["spans"]["answer"] or {"start": rec["line_start"]}
    line = span["start"]
    text = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
    return Unit(line, 0, text, "answer", rec)


# QA001 and QA002 apply the one definition of a missing answer that the export's gates use too
# (qatool.common.answers): what QA001/QA002 flag, the export quarantines, and nothing else.
EMPTY_KINDS = {"empty": "", "same-as-question": "（答案只是重复了题目）"}
PLACEHOLDER_KINDS = {"placeholder": "占位符", "link-only": "链接", "image-only": "图片"}


def _answer_finding(rule: Rule, doc: LintDoc, rec: dict[str, Any], quote: str, **fmt: str) -> Finding:
    unit = _record_unit(doc, rec)
    line = unit.text
    s = line.find(quote) if quote else -1
    if s < 0:
        s = len(line) - len(line.lstrip())
        e = len(line.rstrip())
    else:
        e = s + len(quote)
    return make_finding(rule, doc, unit, s, e, **fmt)


@check("empty-answer")
def empty_answer(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for rec in doc.records:
        d = answer_defect(rec["answer"], rec["question"])
        if d is not None and d.kind in EMPTY_KINDS:
            yield _answer_finding(rule, doc, rec, "", title=rec["title"], why=EMPTY_KINDS[d.kind])


@check("placeholder-answer")
def placeholder_answer(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for rec in doc.records:
        d = answer_defect(rec["answer"], rec["question"])
        if d is not None and d.kind in PLACEHOLDER_KINDS:
            yield _answer_finding(rule, doc, rec, d.found if "\n" not in rec["answer"].strip() else "",
                                  found=d.found, what=PLACEHOLDER_KINDS[d.kind])


_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def number_value(num: str | None) -> int | None:
    """'12' '１２' '题目 3' 'Q4' '第7题' '十二' -> int; None when there is no number."""
    if not num:
        return None
    digits = re.search(r"[0-9０-９]+", num)
    if digits:
        return int(digits.group(0).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    cn = re.search(r"[零〇一二两三四五六七八九十百]+", num)
    if not cn:
        return None
    total, cur = 0, 0
    for ch in cn.group(0):
        if ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = _CN[ch]
    return total + cur


def _sequences(doc: LintDoc) -> Iterator[list[dict[str, Any]]]:
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for rec in doc.records:
        if number_value(rec["number"]) is not None:
            style = re.sub(r"[0-9０-９零〇一二两三四五六七八九十百]+", "#", rec["number"])
            groups[(rec["section"], rec["kind"], style)].append(rec)
    yield from groups.values()


def _heading_unit(doc: LintDoc, rec: dict[str, Any]) -> Unit:
    text = doc.lines[rec["line_start"] - 1]
    return Unit(rec["line_start"], 0, text, "heading", rec)


@check("numbering-gap")
def numbering_gap(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for seq in _sequences(doc):
        prev = 0
        for rec in seq:
            n = number_value(rec["number"])
            if n is None:  # _sequences keeps numbered records only
                continue
            if n > prev + 1 and not (prev > 1 and n == 1):
                unit = _heading_unit(doc, rec)
                s = max(unit.text.find(rec["number"]), 0)
                yield make_finding(rule, doc, unit, s, s + len(rec["number"]), expected=str(prev + 1), found=rec["number"])
            prev = n


@check("numbering-repeat")
def numbering_repeat(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for seq in _sequences(doc):
        seen: dict[int, int] = {}
        prev = 0
        for rec in seq:
            n = number_value(rec["number"])
            if n is None:  # _sequences keeps numbered records only
                continue
            if n == 1 and prev > 1:
                seen = {}  # a new list restarting at 1
            if n in seen:
                unit = _heading_unit(doc, rec)
                s = max(unit.text.find(rec["number"]), 0)
                yield make_finding(rule, doc, unit, s, s + len(rec["number"]), found=rec["number"], first=str(seen[n]))
            else:
                seen[n] = rec["line_start"]
            prev = n


_LIST_KEY = re.compile(r"[\s*_`]+")
LIST_ITEM_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)、])\s+(.+)$")


def _list_blocks(doc: LintDoc) -> Iterator[list[tuple[Unit, re.Match]]]:
    """The list items of each answer or analysis, one contiguous list at a time: a paragraph,
    heading or another field between items starts a new list (blank lines and indented
    continuation lines do not)."""
    block: list[tuple[Unit, re.Match]] = []
    owner: tuple[str, str] | None = None
    for unit in doc.units:
        where = (unit.record["id"], unit.scope) if unit.record is not None else None
        # matched on the source: a masked code span at the start of an item is not white space
        m = LIST_ITEM_LINE_RE.match(source_text(doc, unit, 0, len(unit.text))) if unit.scope in ("answer", "analysis") and where else None
        if m and where == owner:
            block.append((unit, m))
            continue
        continuation = where == owner and unit.scope != "heading" and unit.text[:1] in (" ", "\t")
        if continuation:
            continue
        if block:
            yield block
        block, owner = ([(unit, m)], where) if m else ([], None)
    if block:
        yield block


@check("duplicate-list-item")
def duplicate_list_item(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for block in _list_blocks(doc):
        seen: dict[str, int] = {}
        for unit, m in block:
            # code is content: `CPU` 密集型 and `IO` 密集型 are different items
            key = _LIST_KEY.sub("", m.group(1)).casefold()
            if not key:
                continue
            if key in seen:
                yield make_finding(rule, doc, unit, m.start(1), m.end(1), first=str(seen[key]))
            else:
                seen[key] = unit.line


@check("unclosed-code-fence")
def unclosed_code_fence(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for no in doc.scan.unclosed_fences:
        text = doc.lines[no - 1]
        unit = Unit(no, 0, text, "other", doc.record_at(no))
        s = len(text) - len(text.lstrip())
        yield make_finding(rule, doc, unit, s, len(text.rstrip()))


HALFWIDTH_RE = re.compile(r"(?<=[\u4e00-\u9fff])([,;:!?])(?=\s?[\u4e00-\u9fff])")
TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


@check("halfwidth-punctuation")
def halfwidth_punctuation(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit in doc.units:
        if unit.scope == "code":
            continue
        for m in HALFWIDTH_RE.finditer(unit.text):
            end = m.end() + (1 if unit.text[m.end():m.end() + 1] == " " else 0)
            full = TO_FULLWIDTH[m.group(1)]
            yield make_finding(rule, doc, unit, m.start(), end, fix_text=full, expected=full)


FULLWIDTH_ALNUM_RE = re.compile(r"[Ａ-Ｚａ-ｚ０-９]+")


@check("fullwidth-alphanumeric")
def fullwidth_alphanumeric(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit in doc.units:
        if unit.scope in ("code", "heading"):
            continue  # headings keep their numbering as written (１２．) and are parsed as such
        for m in FULLWIDTH_ALNUM_RE.finditer(unit.text):
            half = m.group(0).translate(_FULL_TO_HALF)
            yield make_finding(rule, doc, unit, m.start(), m.end(), fix_text=half, expected=half)


_FULL_TO_HALF = {c: c - 0xFEE0 for c in range(ord("！"), ord("～") + 1)}


def _joined_hits(doc: LintDoc, rx: re.Pattern) -> list[int]:
    """Indices of the prose units where `rx` matches, by one pass over the joined document."""
    text, starts = doc.joined()
    return sorted({bisect.bisect_right(starts, m.start()) - 1 for m in rx.finditer(text)})


@check("cjk-lookalike")
def cjk_lookalike(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    """One finding per line (PDF copies spread look-alikes over whole paragraphs), whose fix replaces
    every look-alike of the line in prose by its standard character."""
    for k in _joined_hits(doc, LOOKALIKE_RE):
        unit = doc.units[k]
        if unit.scope == "code":
            continue
        runs = list(lookalike_runs(unit.text))
        if not runs:
            continue
        start, end = runs[0][0], runs[-1][1]
        fixed: list[str | None] = list(source_text(doc, unit, start, end))
        for s_, e, std in runs:
            fixed[s_ - start:e - start] = [None] * (e - s_)
            fixed[s_ - start] = std
        chars = "".join(dict.fromkeys(c for s_, e, _ in runs for c in unit.text[s_:e]))
        expected = "".join(standard_char(c) or c for c in chars)
        codes = " ".join(f"U+{ord(c):04X}" for c in chars[:MAX_LOOKALIKES])
        more = "…" if len(chars) > MAX_LOOKALIKES else ""
        yield make_finding(rule, doc, unit, start, end, fix_text="".join(c for c in fixed if c is not None),
                           chars=chars[:MAX_LOOKALIKES] + more, expected=expected[:MAX_LOOKALIKES] + more, codes=codes + (" …" if more else ""))


MAX_LOOKALIKES = 6


MOJIBAKE_WHY = {
    "replacement": "替换字符：这里的原文在解码时丢失了，无法恢复",
    "residue": "典型的编码错误残留（锟斤拷/烫烫烫/屯屯屯）",
    "gbk": "UTF-8 文字被当作 GBK 解码，原文应是“{was}”",
    "latin1": "UTF-8 文字被当作 Latin-1/Windows-1252 解码，原文应是“{was}”",
}
MOJIBAKE_RANK = ("gbk", "latin1", "residue", "replacement")
MOJIBAKE_GAP = 3  # spans closer than this on one line are one finding


@check("mojibake")
def mojibake(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    text, _ = doc.joined()
    if not MOJIBAKE_HINT_RE.search(text):
        return
    for unit in doc.units:
        if unit.scope == "code" or not MOJIBAKE_HINT_RE.search(unit.text):
            continue
        merged: list[list] = []
        for s_, e, kind, was in mojibake_spans(unit.text):
            if merged and s_ - merged[-1][1] <= MOJIBAKE_GAP:
                last = merged[-1]
                last[1] = e
                last[2] = min(last[2], kind, key=MOJIBAKE_RANK.index)
                last[3] = last[3] + was
            else:
                merged.append([s_, e, kind, was])
        for s_, e, kind, was in merged:
            yield make_finding(rule, doc, unit, s_, e, why=MOJIBAKE_WHY[kind].format(was=was[:MAX_WAS]))


MAX_WAS = 30


@check("unused-suppression")
def unused_suppression(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    """Computed by the engine after every other rule has run (it needs their findings)."""
    return iter(())
