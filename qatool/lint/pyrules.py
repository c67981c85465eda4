"""Checks that YAML cannot express. Each is registered by name with `@check`; a YAML rule of kind
`python` names it in `check:` and supplies the code, severity, message and docs."""
from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterator, Sequence

from markdown_it import MarkdownIt

from qatool.common.answers import answer_defect, item_defect
from qatool.lint.chars import LOOKALIKE_RE, MOJIBAKE_HINT_RE, doubled, lookalike_runs, mojibake_spans, standard_char
from qatool.lint.document import LintDoc, Unit, blank_comments
from qatool.lint.kinds import Knowledge, make_finding, source_text
from qatool.lint.model import Finding, Fix, Rule
from qatool.lint.text import HAN_RE, clause_asks, han_number, sentence_kind
from qatool.parse.evidence import IMAGE_RE, IMG_TAG_RE, is_placeholder, question_strength
from qatool.parse.labels import LABEL_RE, match_label, split_number, strip_bold
from qatool.parse.markdown import INLINE_CODE_RE, WHOLE_LINK_RE, Line

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
        if lab is None or not lab.malformed or not _renders_stray_stars(doc, ln.no):
            continue  # (`Q5：***加粗斜体` closed by `***` on a later line of its paragraph renders whole)
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
THEMATIC_BREAK_RE = re.compile(r"^\s{0,3}(?:>\s*+)*(?:\*[ \t]*){3,}$")
# `**kwargs` written in prose: Python's keyword unpacking of a lower-case identifier, not bold
UNPACKING_RE = re.compile(r"(?<![\w*])\*\*(?=[a-z_][a-z0-9_]*(?:[^A-Za-z0-9_*]|$))"
                          # (after a Han character too, when no other ** follows on the line: `通过**kwargs传入`)
                          r"|(?<=[\u4e00-\u9fff])\*\*(?=[a-z_][a-z0-9_]*(?:[^A-Za-z0-9_*\n]|$))(?![^\n]*\*\*)"
                          r"|(?<=[A-Za-z0-9_)\]])\*\*(?=[0-9(])"  # and `x**2`, `(a+b)**(n-1)`: a power in code written as prose
                          r"|(?<=/)\*\*|\*\*(?=/)"  # and a C comment's delimiters written as prose (`“/**/”`, `/** … */`)
                          r"|(?<=[（(“\"'‘「])\*\*(?=[）)”\"'’」])")  # and the symbol named in brackets or quotes (`双星号（**）`)
# both unpackings glossed in prose (`*(元组)        **(字典)`): the single star before the double one says so
GLOSSED_UNPACKING_RE = re.compile(r"(?<![\w*])\*(?=[(（][^)）*\n]{1,12}[)）])[^*\n]*?[ \t]\*\*(?=[(（][^)）*\n]{1,12}[)）](?:\s|$))")
# a run of asterisks closing a heading, a list item or a link text: an importance mark (`重点***`)
# that some note collections put after their entries; it may absorb one bold closer (`**重点*****`)
TRAILING_STARS_RE = re.compile(r"(?<=[^\s*])\*{2,}(?=[ \t]*$|\]\()")
OUTLINE_LINE_RE = re.compile(r"^\s*+(?:>\s*+)*(?:#{1,6}\s|[-*+]\s|\d+[.)、]\s)")
# inline TeX math (`$\pi^*$`, `$$…$$`): its asterisks are the formula's (a star, a product), not Markdown's;
# dollars that open before a non-space and close after one, not before a digit (`$5 和 $10` is money)
INLINE_MATH_RE = re.compile(r"\$\$[^$\n]+\$\$|\$(?=[^\s$])[^$\n]*?(?<=[^\s$])\$(?!\d)")
# a run of three or more asterisks that opens nothing (white space, punctuation or the line's end after it)
# and without which the line's bold markers pair up: a mask over a name or a word (`张***`, `跑了个***，`)
MASK_RUN_RE = re.compile(r"(?<!\*)\*{3,}(?=[\s，。、；：？！,.;:?!）)」』”]|$)")
# two asterisks that stand for a value or a mark, not for bold: a masked value before 的 (`超过**的设备号`, `带来了**的营收`),
# a wildcard in a model number (`MI3**系列`), a C pointer type written in prose (`(void**)&A_d`)
PLACEHOLDER_STARS_RE = re.compile(r"(?<=[是为了过到有：:，,、])\*\*(?=的)"
                                  # (masked digits in a table cell, `| 336** |`; significance marks listed or named, `*, **, 或无`,
                                  # `用**表示`)
                                  r"|(?<=\d)\*\*(?=[ \t]*\|)|(?:(?<=\*[,，、])|(?<=\*[,，、] ))\*\*(?=[ \t]*[,，、])|(?<=用)\*\*(?=表示|代表|标记|标注)"
                                  r"|(?:(?<=[A-Za-z]\d)|(?<=[A-Za-z]\d\d))\*\*(?=[\u4e00-\u9fff])"
                                  r"|(?:(?<=void)|(?<=char)|(?<=int)|(?<=float)|(?<=double)|(?<=\w_t))[ \t]?\*\*(?=[\s)&A-Za-z_])")


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
    return s.replace("\\*", "XX")  # an escaped asterisk is a literal character: content beside a marker


# a line that begins a block of its own (heading, list item, quote, table row, fence): no paragraph goes on across it
_BLOCK_START_RE = re.compile(r"^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~)")


_QUOTE_RE = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")


def _same_paragraph(doc: LintDoc, first: int, last: int) -> bool:
    """Whether source lines first..last (1-based) are one paragraph: none blank, none after the first
    beginning a block of its own, all at the first one's quote depth. Bold may open on one line of a
    paragraph and close on a later one."""
    depth = _QUOTE_RE.match(doc.lines[first - 1])
    quote = depth.group(0).count(">") if depth else 0
    for no in range(first + 1, last + 1):
        line = doc.lines[no - 1]
        m = _QUOTE_RE.match(line)
        if (m.group(0).count(">") if m else 0) != quote:
            return False
        body = line[m.end():] if m else line
        if not body.strip() or _BLOCK_START_RE.match(body):
            return False
    return True


def _odd_bold_lines(doc: LintDoc) -> Iterator[tuple[Unit, int]]:
    """(unit, offset of its last marker) for each line whose bold markers do not pair up within its own
    paragraph: two such lines of one paragraph pair with each other (`**多行` … `加粗**`). A line whose
    paragraph CommonMark renders without a stray `**` is not one, however its markers count
    (`****可以使用*PCA*吗？**`, `***…` closed by `***` on a later line)."""
    pending: tuple[Unit, int] | None = None
    for unit, mark in _odd_bold_units(doc):
        if pending is not None and unit.scope != "heading" and pending[0].scope != "heading" \
                and _same_paragraph(doc, pending[0].line, unit.line):
            pending = None
            continue
        if pending is not None and _renders_stray_stars(doc, pending[0].line):
            yield pending
        pending = (unit, mark)
    if pending is not None and _renders_stray_stars(doc, pending[0].line):
        yield pending


_INLINE_MD = MarkdownIt("commonmark")
_PREFIX_RE = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?")


_HEADING_LINE_RE = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_STRAY_STAR_RE = re.compile(r"\*(?=\S)|(?<=\S)\*")  # a literal asterisk touching a word (`a * b` is arithmetic)
_LONE_STARS_RE = re.compile(r"(?:^|(?<=\s))\*+(?=\s|$)")  # a run set apart by spaces (`指数运算符 **`)


def _renders_stray_stars(doc: LintDoc, no: int) -> bool:
    """Whether CommonMark leaves a literal asterisk touching a word in the paragraph around line `no`
    (a heading alone, else its lines up to a blank one or a heading, block prefixes taken off)."""
    first = last = no
    if not _HEADING_LINE_RE.match(doc.lines[no - 1]):
        # each step checks one more pair of neighbours: the lines already taken are one paragraph
        while first > 1 and doc.lines[first - 2].strip() and not _HEADING_LINE_RE.match(doc.lines[first - 2]) \
                and _same_paragraph(doc, first - 1, first):
            first -= 1
        while last < len(doc.lines) and doc.lines[last].strip() and _same_paragraph(doc, last, last + 1):
            last += 1
    text = "\n".join(_PREFIX_RE.sub("", doc.lines[k - 1], count=1) for k in range(first, last + 1))
    rendered = _INLINE_MD.renderInline(text)
    lone = _LONE_STARS_RE.search(rendered)
    if lone is not None and rendered.count("*") == len(lone.group()):
        return False  # the one run of the paragraph, set apart by spaces, names the operator (`指数运算符 **`)
    return _STRAY_STAR_RE.search(rendered) is not None


@check("unbalanced-bold")
def unbalanced_bold(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit, mark in _odd_bold_lines(doc):
        yield make_finding(rule, doc, unit, mark, mark + 2)


def _odd_bold_units(doc: LintDoc) -> Iterator[tuple[Unit, int]]:
    """Each line with an odd number of bold markers that no other reading accounts for (`**kwargs`, a
    thematic break, an importance mark after an entry, a malformed bold label reported by its own rule)."""
    for unit in doc.units:
        if unit.scope == "code" or "**" not in unit.text:
            continue
        text = _content_line(doc, unit)
        marks = [m.start() for m in BOLD_RE.finditer(text)]
        if len(marks) % 2 == 0 or THEMATIC_BREAK_RE.match(text):
            continue
        unpacked = UNPACKING_RE.sub("  ", GLOSSED_UNPACKING_RE.sub(lambda m: m.group()[:-2] + "  ", text))
        if "$" in unpacked:
            unpacked = INLINE_MATH_RE.sub(lambda m: " " * len(m.group()), unpacked)
        if unpacked != text:  # an odd count that `**kwargs` or a formula accounts for is not broken bold
            text = unpacked
            marks = [m.start() for m in BOLD_RE.finditer(text)]
            if len(marks) % 2 == 0:
                continue
        if any(len(BOLD_RE.findall(text[:m.start()] + text[m.end():])) % 2 == 0
               for rx in (MASK_RUN_RE, PLACEHOLDER_STARS_RE) for m in rx.finditer(text)):
            continue
        outline = unit.scope == "heading" or OUTLINE_LINE_RE.match(text) is not None
        if any(outline or m.end() < len(text.rstrip()) for m in TRAILING_STARS_RE.finditer(text)):
            continue  # an importance mark after a heading, list item or link text
        lab = match_label(Line(unit.line, unit.text, kind="heading" if unit.scope == "heading" else "text"))
        if lab is not None and lab.malformed:
            continue  # reported as malformed-bold-label, with a fix
        yield unit, marks[-1]


ENUM_ITEM = r"[^\s、，,。；;：:（）()\[\]【】「」“”\"']"
ENUM_RUN_RE = re.compile(rf"{ENUM_ITEM}+")
ENUM_ENDS = frozenset("、，,。；;）)")
EMPTY_ITEM_RE = re.compile(r"、\s*+[、，,。；;]")


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
        pairs = list(enumeration_pairs(text))
        after = {a_start: text[b_start:b_end] for a_start, b_start, b_end in pairs}  # an item's next item
        for a_start, b_start, b_end in pairs:
            a, b = text[a_start:b_start - 1], text[b_start:b_end]
            a = a[a.rfind("**") + 2:] if "**" in a else a  # a bold marker opens the item (`需要**非常、非常、非常**关注`)
            if b[:1] == CODE_ITEM:
                continue  # an item that opens on inline code is whole (`` `Matplotlib`基础使用、`Seaborn`基础使用 ``)
            if len(b) < len(a) and a.endswith(b) and re.search(r"[\u4e00-\u9fff]", b) \
                    and not _whole_item(a, b, after.get(b_start), _later_items(text, b_end)):
                yield make_finding(rule, doc, unit, b_start, b_end, full=source_text(doc, unit, a_start, b_start - 1))
        for m in EMPTY_ITEM_RE.finditer(text):
            yield make_finding(rule, doc, unit, m.start(), m.end(), message=EMPTY_ITEM_MESSAGE)


def _whole_item(a: str, b: str, c: str | None, later: str = "") -> bool:
    """Whether B, the end of A (`A、B`), is an item of its own after all: A is its contrary (`设置了不确定态、
    确定态、删除态`), or B is said again after it, on purpose (`进行放大、放大、放大`), or is an item again later in
    the same enumeration (`结果依次是正面、正面、反面、正面`: a sequence of outcomes, `later` the items after B)."""
    head = a[: len(a) - len(b)]
    items = [x.strip() for x in later.split("、")]
    if c is not None:
        items.append(c.strip())
    if len(head) == 1 and len(b) > 1 and head + b[1:] in items:
        return True  # `长短期记忆、短期记忆、长期记忆`: a compound of two heads, then each of its parts
    if head[-1:] in _GRADES and any(x[:1] in _GRADES and x[:1] != head[-1] for x in items):
        return True  # `大树枝、树枝、小枝`: a series graded by size names the plain kind between its grades
    if len(head) == 1 and head in _VARIETIES:
        return True  # `青花椒、花椒`, `元数据、数据`: a variety named by its colour, state or a bound prefix, then the plain kind
    if any(head.endswith(adverb) for adverb in _DEGREE_ADVERBS):
        return True  # `极好、好、一般、差、极差`, `非常满意、满意`: the points of a rating scale, a grade and the plain one
    return bool(head) and head[-1] in "不非无未反" or (c is not None and c.endswith(b)) \
        or b in items or _noun_compound(head, b) or head.strip() in _LEADING_ADVERBS


_GRADES = frozenset("大小长短高低粗细深浅精")
_VARIETIES = frozenset("青红黑白绿黄紫蓝灰粉金银生熟干鲜"
                       "元超子父母副伪")  # (and a bound prefix that makes another concept: `元数据、数据`, `子网络、网络`)
# a degree adverb that grades the word after it (`极好`, `非常满意`)
_DEGREE_ADVERBS = frozenset("极 很 较 最 超 稍 略 挺 非常 特别 比较 相当 十分".split())
# an adverb or connective that opens an enumeration says it of every item (`再向右、向右、向下`: B repeats A's item)
_LEADING_ADVERBS = frozenset("再 又 还 也 先 然后 接着 随后 并 都 均 可 可以 就 才 仍 依次 分别".split())


def _noun_compound(head: str, b: str) -> bool:
    """Whether A is two nouns, a Chinese one before the noun B (`激光雷达、雷达`: lidar and radar, a kind and its
    class, both sensors), which a list names apart on purpose; a remnant follows a name (`Laplace机制、机制`), a
    single character (`批归一化、归一化`) or a verb (`权重衰减、衰减`)."""
    if len(head) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in head):
        return False
    import jieba  # (loaded on first use: a candidate remnant is rare)
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)

    words = [jieba.posseg.lcut(w) for w in (head, b)]
    return all(len(ws) == 1 and ws[0].flag.startswith("n") for ws in words)


_LATER_ITEMS_END_RE = re.compile(r"[，,。；;：:\n]")  # where an enumeration ends, after one of its items


def _later_items(text: str, at: int) -> str:
    """The rest of the enumeration that goes on at `at`."""
    m = _LATER_ITEMS_END_RE.search(text, at)
    return text[at:m.start() if m else len(text)]
EMPTY_ITEM_MESSAGE = "列举中有空项：“{match}”之间什么也没有，像是丢了一项"


LIST_TERM_RE = re.compile(r"^\s*+(?:[-*+]|\d+[.)、])\s+\*\*([\u4e00-\u9fffA-Za-z0-9]{4,20})(?:[（(][^）)]*[）)])?\s*+[:：]?\s*+\*\*")
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


_HAS_WORD = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")


def _record_unit(doc: LintDoc, rec: dict[str, Any]) -> Unit:
    span = rec["spans"]["answer"] or {"start": rec["line_start"]}
    line = span["start"]
    text = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
    return Unit(line, 0, text, "answer", rec)


def _line_unit(doc: LintDoc, no: int) -> Unit:
    text = doc.lines[no - 1] if 0 < no <= len(doc.lines) else ""
    return Unit(no, 0, text, "heading" if text.lstrip().startswith("#") else "other", None)


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


# --------------------------------------------------------------------------------- numbered entries

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGITS_RE = re.compile(r"[0-9０-９]+")
_CN_RE = re.compile(r"[零〇一二两三四五六七八九十百]+")
_LIST_MARK_RE = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)?")
_ORDERED_RE = re.compile(r"^[ \t]*(?:>[ \t]*)*[0-9]{1,9}[.)][ \t]")


def number_parts(num: str | None) -> tuple[int, ...] | None:
    """'3.2.1' -> (3, 2, 1); '题目 3-2' -> (3, 2); '十二' -> (12,); None when there is no number."""
    if not num:
        return None
    digits = _DIGITS_RE.findall(num)
    if digits:
        return tuple(int(d.translate(_FW)) for d in digits)
    cn = _CN_RE.search(num)
    value = han_number(cn.group(0)) if cn else None
    return None if value is None else (value,)


def number_family(num: str, written: str) -> str:
    """The numbering style a number belongs to, whatever its depth and separator: `1.` `1、` `01` `3.2`
    are one family; `Q1`, `题目 1`, `第1题`, `一、`, `(1)` are others."""
    fam = _DIGITS_RE.sub("#", num)
    fam = _CN_RE.sub("C", fam)
    fam = re.sub(r"#(?:[ \t]*[.．\-－][ \t]*#)+", "#", fam)
    fam = re.sub(r"[ \t]+", "", fam)
    if written.lstrip("*_ \t").startswith(("(", "（")):
        fam = "(" + fam + ")"
    return fam


@dataclass(frozen=True)
class NumberedEntry:
    """A numbered heading, record starter or non-item of a document: `where` is its place (heading
    level, or the kind of block it starts), `family` its numbering style, `parts` its number."""

    line: int
    number: str  # as written
    parts: tuple[int, ...]
    family: str
    where: str
    section: int  # line of the nearest heading above at a shallower level (0: none)
    question: bool  # a record's or non-item's starter (not a heading inside an answer)
    record: bool

    def key(self) -> tuple[str, str, tuple[int, ...]]:
        """Entries of one sequence: same place, same style, same parent number (`3.1` `3.2` under 3)."""
        return (self.where, self.family, self.parts[:-1])


# a heading that names a part of the numbered question it repeats the number of (its check, key, code or summary)
_PART_OF_RE = re.compile(r"(?:\*\*)?(?:验证|解析|答案|参考答案|代码实现|代码|实现|练习|测试|小结|总结|补充|拓展|扩展|追问|回顾|讲解|详解|思路|题解|解答)"
                         r"(?:\*\*)?(?:[：:\s（(]|$)")
# the characters a number can start with (split_number's styles): a cheap test before reading it
_NUMBER_STARTS = frozenset("0123456789０１２３４５６７８９Qq题问面习练第(（*_零〇一二两三四五六七八九十百")


def _block_where(text: str) -> str:
    if _ORDERED_RE.match(text):
        return "ordered-list"
    stripped = _LIST_MARK_RE.sub("", text, count=1)
    kind = "list" if len(stripped) != len(text.lstrip(" \t>")) else "para"
    return ("quote-" if text.lstrip().startswith(">") else "") + kind


def numbered_entries(doc: LintDoc) -> list[NumberedEntry]:
    """Every numbered heading of the document (records, headings the parser did not make records,
    headings inside answers) and every numbered record or non-item starter, in source order. The
    numbering rules read sequences from these, so a number the parser did not turn into a record
    (a statement heading, a chapter heading, a question left without an answer) still counts."""
    got = doc.cache.get("numbered_entries")
    if got is not None:
        return got
    if not doc.records:  # the rules check only sequences that number records
        doc.cache["numbered_entries"] = []
        return []
    starts = {rec["line_start"]: rec for rec in doc.records}
    non = {n.line for n in doc.non_items}
    heads = {ln.no: ln for ln in doc.scan.lines if ln.kind == "heading" and not ln.glued}
    entries: list[NumberedEntry] = []
    seen: set[tuple[str, tuple[int, ...] | None]] = set()  # (family, number) of the entries so far
    stack: list[tuple[int, int]] = []  # (level, line) of the headings above
    for no in sorted(set(heads) | set(starts) | non):
        rec = starts.get(no)
        ln = heads.get(no)
        text = doc.lines[no - 1] if 0 < no <= len(doc.lines) else ""
        if ln is not None:
            while stack and stack[-1][0] >= ln.level:
                stack.pop()
            section = stack[-1][1] if stack else 0
            stack.append((ln.level, no))
            where, written = f"h{ln.level}", ln.heading
        else:
            section = stack[-1][1] if stack else 0
            if _ORDERED_RE.match(text):
                written = text.strip(" \t>")
            else:
                written = _LIST_MARK_RE.sub("", text, count=1)
            where = _block_where(text)
        if written.lstrip()[:1] in _NUMBER_STARTS:
            num, title, _ = split_number(written)
            if num is not None and _PART_OF_RE.match(title) and (number_family(num, written), number_parts(num)) in seen:
                continue  # `## Q1验证：…` after `## Q1：…`: a part of question N, not another one numbered N
        if rec is not None and rec["number"]:
            num = rec["number"]
        elif written.lstrip()[:1] not in _NUMBER_STARTS:
            continue
        parts = number_parts(num)
        if num is None or parts is None:
            continue
        entries.append(NumberedEntry(no, num, parts, number_family(num, written), where, section,
                                     rec is not None or no in non, rec is not None))
        seen.add((entries[-1].family, parts))
    doc.cache["numbered_entries"] = entries
    return entries


def _runs(entries: list[NumberedEntry], ones: Sequence[int] = (), higher: Sequence[int] = ()) -> Iterator[list[NumberedEntry]]:
    """Each uniform numbered sequence, cut where it restarts at 1 (a new list). `ones`, `higher`: the lines where a
    1, or a number above 1, is written at a line's start, read as a record or not (`1、 自我介绍` opening an interview
    round's list, `2、 聊项目` going on with it)."""
    groups: dict[tuple, list[NumberedEntry]] = defaultdict(list)
    for e in entries:
        groups[e.key()].append(e)
    for seq in groups.values():
        run: list[NumberedEntry] = []
        for e in seq:
            # a 1 after a higher number or in an ordered list (`1. 1. 1.` is how many write one), and a
            # number not above the last one under another heading, start anew; so does a number not above the
            # last one after a 1 written between them (`…10、 二面：… 1、 自我介绍 2、 …`: the 1 was no record)
            n, last = e.parts[-1], run[-1].parts[-1] if run else 0
            if run and ((n <= 1 and (last > 1 or e.where == "ordered-list" or (not e.where.startswith("h") and _between(higher, run[-1].line, e.line))))
                        or (e.section != run[-1].section and n <= last)
                        or (n <= last and not e.where.startswith("h") and _between(ones, run[-1].line, e.line))):
                yield run
                run = []
            run.append(e)
        if run:
            yield run


def _between(lines: Sequence[int], after: int, before: int) -> bool:
    """Whether one of the sorted `lines` lies strictly between `after` and `before`."""
    k = bisect.bisect_right(lines, after)
    return k < len(lines) and lines[k] < before


def _checked_runs(doc: LintDoc) -> Iterator[list[NumberedEntry]]:
    """The runs the numbering rules check: those that number records (a note's section numbering is
    not a question numbering)."""
    got = doc.cache.get("checked_runs")
    if got is None:
        entries = numbered_entries(doc)
        ones: list[int] = []
        higher: list[int] = []
        if any(not e.where.startswith("h") for e in entries):  # (_runs reads them for paragraph and list entries only)
            written = _written_numbers(doc).items()
            # (written in a paragraph or list line, as the numbers of a post's rounds are; a heading run is cut by headings)
            ones = sorted(no for (_, parts), places in written if parts == (1,) for no, where in places if where == "block")
            higher = sorted(no for (_, parts), places in written if len(parts) == 1 and parts[0] > 1 for no, where in places if where == "block")
        got = doc.cache["checked_runs"] = [run for run in _runs(entries, ones, higher) if any(e.record for e in run)]
    yield from got


def _number_unit(doc: LintDoc, e: NumberedEntry) -> tuple[Unit, int, int]:
    text = doc.lines[e.line - 1]
    unit = Unit(e.line, 0, text, "heading" if e.where.startswith("h") else "other", doc.record_at(e.line))
    s = max(text.find(e.number), 0)
    return unit, s, s + len(e.number)


# a number written at the start of a heading or a list/paragraph line, however loosely (`## 28 对称的二叉树`)
# (a pictograph before the number does not hide it: `## 🚀 **8. …**`, `### **🔹 2. …**`)
_PICTOGRAPHS = r"(?:[\u2300-\u23ff\u2460-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d][ \t]*)*"
# (a collapsible's summary line, `<summary>💡 Q4: …</summary>`, numbers what it folds)
# (nor does a link around the heading's text: `#### [24、什么是阻塞队列。](https://…)`)
_LOOSE_LEAD = r"^[ \t>]*(?:#{1,6}[ \t\u3000]+)?(?:[-*+][ \t]+)?(?:<summary>[ \t]*)?" + _PICTOGRAPHS + r"(?:\*\*|__)?\[?[ \t]*" + _PICTOGRAPHS
_LOOSE_NUMBER_RE = re.compile(_LOOSE_LEAD + r"([0-9０-９]{1,6}(?:[.．\-－][0-9０-９]{1,6})*)(?![0-9０-９])")
_LOOSE_Q_NUMBER_RE = re.compile(_LOOSE_LEAD + r"[Qq][ \t]?([0-9]{1,4})(?![0-9])")  # `### Q12:`, `<summary>💡 Q8:`
_LOOSE_HAN_NUMBER_RE = re.compile(_LOOSE_LEAD + r"([一二三四五六七八九十百零〇两]{1,4})[ \t]*[、.．]")  # `### ⚙️ 二、训练`
# (the three above begin alike: a line none of them can match is passed over with one look)
_LOOSE_PAREN_NUMBER_RE = re.compile(_LOOSE_LEAD + r"([（(][ \t]*[0-9]{1,4}[ \t]*[）)])")  # `（3）智能体…`, a bracketed number
_LOOSE_ANY_RE = re.compile(_LOOSE_LEAD + r"(?:[0-9０-９Qq一二三四五六七八九十百零〇两（(])")
MAX_SKIP = 10  # a jump over more numbers than this, and than the run holds, is another numbering (problem ids), not a gap


def _written_numbers(doc: LintDoc) -> dict[tuple[str, tuple[int, ...]], list[tuple[int, str]]]:
    """Where each number is written in the file: (family, parts) -> [(line, place)], counting the
    parents a number implies (10.1 says there is a 10) and numbers written loosely at the start of
    any heading or list/paragraph line (`## 28 对称的二叉树`, a list item the parser did not read)."""
    got = doc.cache.get("written_numbers")
    if got is not None:
        return got
    got = defaultdict(list)
    for e in numbered_entries(doc):
        for k in range(1, len(e.parts) + 1):
            got[(e.family, e.parts[:k])].append((e.line, e.where))
    heads = _heading_levels(doc)
    for no, text in enumerate(doc.lines, 1):
        if not _LOOSE_ANY_RE.match(text):
            continue
        h = _LOOSE_HAN_NUMBER_RE.match(text)
        if h:
            parts = number_parts(h.group(1))
            if parts is not None:
                got[("C", parts)].append((no, f"h{heads[no]}" if no in heads else "block"))
            continue
        q = _LOOSE_Q_NUMBER_RE.match(text)
        if q:
            got[("Q#", (int(q.group(1)),))].append((no, f"h{heads[no]}" if no in heads else "block"))
            continue
        b = _LOOSE_PAREN_NUMBER_RE.match(text)
        if b:
            parts = number_parts(b.group(1))
            if parts is not None:
                bare = b.group(1).strip("（()） \t")
                got[(number_family(bare, b.group(1)), parts)].append((no, f"h{heads[no]}" if no in heads else "block"))
            continue
        m = _LOOSE_NUMBER_RE.match(text)
        if m:
            parts = number_parts(m.group(1))
            if parts is None:  # a loose prefix that does not read as a number
                continue
            where = f"h{heads[no]}" if no in heads else "block"
            for k in range(1, len(parts) + 1):
                got[("#", parts[:k])].append((no, where))
    doc.cache["written_numbers"] = got
    return got


def _asked_between(doc: LintDoc, after: int, before: int, parts: tuple[int, ...]) -> bool:
    """Whether a question numbered so (in a style that numbers records here) stands between two entries of a
    run, in whatever numbering style: the numbering went on in another style there (`### Q8` … `## 9.`
    `## 10.` `## 11.` … `### Q12`); a section heading so numbered (`## 十五、…` over `### Q16`) does not count."""
    entries = numbered_entries(doc)
    asking = doc.cache.get("asking_styles")
    if asking is None:  # the styles that number questions here, read once per document
        asking = doc.cache["asking_styles"] = {(x.family, x.where) for x in entries if x.record}
    return any(after < x.line < before and x.parts == parts and x.question and (x.family, x.where) in asking for x in entries)


def _written_before(written: dict, e: NumberedEntry, parts: tuple[int, ...]) -> bool:
    """Whether a number is written before `e` in the file, or anywhere at another place (a statement
    heading at another level, a list item): then it is not a lost question. The same number written
    later at the same place is a second series or a misplaced item: the gap stands."""
    block = not e.where.startswith("h")
    for line, where in written.get((e.family, parts), ()):
        if line < e.line or (where != e.where and not (block and where == "block")):
            return True
    return False


def _counts(run: list[NumberedEntry]) -> bool:
    """Whether a run counts its entries (at least half its steps go up by one or two, whatever gaps and
    misplaced items it has, and it keeps nearly half the numbers of its span) rather than naming them by
    identifiers (`### 35.搜索插入位置`, `### 69.x 的平方根`, `### 77.组合`: problem ids, where no number is
    missing between two)."""
    steps = [b.parts[-1] - a.parts[-1] for a, b in zip(run, run[1:]) if a.parts[:-1] == b.parts[:-1]]
    if len(steps) >= 3 and 2 * sum(1 for d in steps if 1 <= d <= 2) < len(steps):
        return False
    # and it keeps nearly half the numbers of its span or more (a jump too long to be a gap, numbering_gap's
    # limit, starts another stretch): a subset of a numbered collection (`题003`, `题008`, `题012` … `题064` of
    # 剑指Offer's array problems, a third of their span) leaves out much more than a damaged count does
    numbers = sorted({e.parts[-1] for e in run})
    limit = max(MAX_SKIP, len(run)) + 1
    span = numbers[-1] - numbers[0] + 1 - sum(b - a - 1 for a, b in zip(numbers, numbers[1:]) if b - a > limit)
    return 20 * len(numbers) >= 9 * span


def _selected(run: list[NumberedEntry]) -> bool:
    """Whether a run is a selection from a numbering kept elsewhere: it starts above 1 and skips numbers in three or
    more places (`题3 题5 题8 题9 … 题16 题17 题20 …`, one topic's problems of a book numbered across several files), as a
    damaged count, which loses a number or two, does not."""
    if run[0].parts[-1] <= 1:
        return False
    skips, top = 0, run[0].parts[-1]
    for e in run[1:]:
        if e.parts[:-1] == run[0].parts[:-1] and e.parts[-1] > top + 1:
            skips += 1
        top = max(top, e.parts[-1])
    return skips >= 3


@check("numbering-gap")
def numbering_gap(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    written = None  # read only when a number is skipped
    for run in _checked_runs(doc):
        if not _counts(run) or _selected(run):
            continue
        top = max(run[0].parts[-1], _range_end(doc, run[0]))  # a run may start anywhere (numbering continued from another file)
        last = run[0].line  # the line of the entry with the highest number so far
        for e in run[1:]:
            n = e.parts[-1]
            if n > top + 1 and e.question and n - top - 1 <= max(MAX_SKIP, len(run)):
                head = e.parts[:-1]
                written = written if written is not None else _written_numbers(doc)
                listed = _listed_numbers(doc) if not head else frozenset()
                missing = [v for v in range(top + 1, n) if not _written_before(written, e, head + (v,))
                           and not _asked_between(doc, last, e.line, head + (v,)) and v not in listed]
                if missing:
                    unit, s, t = _number_unit(doc, e)
                    expected = ".".join(map(str, head + (missing[0],)))
                    yield make_finding(rule, doc, unit, s, t, expected=expected, found=e.number)
            if n > top:
                top, last = n, e.line
            top = max(top, _range_end(doc, e))


# a table column of question numbers (`| 题号 | 题目 | 待补内容 |`), and the numbers, lists and ranges in its cells
_NUMBER_COLUMN_RE = re.compile(r"^\s*+(?:题号|题目编号|编号|序号|题\s*+#|No\.?|#)\s*+$", re.I)
_CELL_NUMBERS_RE = re.compile(r"(?<![\d.])(\d{1,4})(?:\s*+[-－~～–]\s*+(\d{1,4}))?(?![\d.])")


def _listed_numbers(doc: LintDoc) -> frozenset[int]:
    """The question numbers a table of the file lists in a column headed 题号 (a to-do list of the numbers not
    written yet, `| 1 | 基础 | 7 | Copilot 与 Agent 的差异 |`): a number listed so is accounted for, not lost."""
    got = doc.cache.get("listed_numbers")
    if got is not None:
        return got
    found: set[int] = set()
    column = None
    for line in doc.lines:
        if not line.lstrip().startswith("|"):
            column = None
            continue
        cells = line.strip().strip("|").split("|")
        if column is None:
            heads = [k for k, c in enumerate(cells) if _NUMBER_COLUMN_RE.match(c.replace("*", ""))]
            # (the last such column: `| # | 分类 | 题号 |` counts rows in its first)
            column = heads[-1] if heads else -1
            continue
        if 0 <= column < len(cells):
            for m in _CELL_NUMBERS_RE.finditer(cells[column]):
                a = int(m.group(1))
                b = int(m.group(2)) if m.group(2) else a
                found.update(range(a, b + 1) if 0 <= b - a <= MAX_SKIP else (a,))
    got = doc.cache["listed_numbers"] = frozenset(found)
    return got


# a number that opens a range (`第 1-2 阶段`, `1～3 题`): the entry covers the numbers up to its end
_RANGE_END_RE = re.compile(r"\s*+(?:[-－~～—–]|至|到)\s*+([0-9]{1,4})(?![0-9.．])")


def _range_end(doc: LintDoc, e: NumberedEntry) -> int:
    """The last number an entry's range covers (`第 1-2 阶段`: 2), or 0 when it names one number."""
    text = doc.lines[e.line - 1]
    at = text.find(e.number)
    m = _RANGE_END_RE.match(text, at + len(e.number)) if at >= 0 else None
    end = int(m.group(1)) if m else 0
    return end if e.parts[-1] < end <= e.parts[-1] + MAX_SKIP else 0


# what says a numbered heading goes on with the item of that number (`## 第33题补充：…`, `### 5.（续）`)
_CONTINUED_RE = re.compile(r"\s*+(?:补充|续|（续）|\(续\)|增补|cont(?:inued|\.)?\b)", re.I)


def _continued(doc: LintDoc, e: NumberedEntry) -> bool:
    """Whether the entry's number is followed by a word saying it supplements the item of that number."""
    text = doc.lines[e.line - 1]
    at = text.find(e.number)
    return at >= 0 and _CONTINUED_RE.match(text, at + len(e.number)) is not None


def _grouped_by_number(run: list[NumberedEntry]) -> bool:
    """Whether a run lists problems from several sources grouped by their number there: it starts above 1, never
    goes down, and gives two or more numbers more than once, or one number three times or more, or no other number
    (`第2题 第2题 第2题 第3题 第3题` under one exam date, one for each paper of that day), as a pasted-twice entry, which
    repeats one number once among others, does not."""
    if run[0].parts[-1] <= 1 or any(e.parts[:-1] != run[0].parts[:-1] for e in run):
        return False
    numbers = [e.parts[-1] for e in run]
    if any(b < a for a, b in zip(numbers, numbers[1:])):
        return False
    counts = list(Counter(numbers).values())
    return sum(1 for c in counts if c > 1) >= 2 or max(counts) >= 3 or len(counts) == 1


@check("numbering-repeat")
def numbering_repeat(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for run in _checked_runs(doc):
        if _grouped_by_number(run):
            continue
        seen: dict[tuple[int, ...], int] = {}
        for e in run:
            if not e.question or _continued(doc, e):
                continue
            if e.parts in seen and _bilingual_twin(doc, seen[e.parts], e.line):
                continue  # `### 3.5 总结` then `### 3.5 Summary`: a bilingual article gives each section twice
            if e.parts in seen:
                unit, s, t = _number_unit(doc, e)
                yield make_finding(rule, doc, unit, s, t, found=e.number, first=str(seen[e.parts]))
            else:
                seen[e.parts] = e.line


_LATIN_WORD_RE = re.compile(r"[A-Za-z]{3,}")


def _bilingual_twin(doc: LintDoc, first: int, again: int) -> bool:
    """Whether two lines with one number are a section and its translation: one written in Chinese, the other
    with no Han character at all but English words (`3.5 总结` / `3.5 Summary`), the second the next heading
    after the first (a section numbered again further on, in the other language, is a repeat)."""
    if any(first < no < again for no in _heading_levels(doc)):
        return False
    a, b = (doc.lines[no - 1] if 0 < no <= len(doc.lines) else "" for no in (first, again))
    han_a, han_b = bool(HAN_RE.search(a)), bool(HAN_RE.search(b))
    return han_a != han_b and bool(_LATIN_WORD_RE.search(b if han_a else a))


# ------------------------------------------------------------------------------ unanswered questions

_UNANSWERED = ("empty", "no-answer")
# a question whose line goes on after its question mark with an answer of its own: prose of 20 characters or
# more, ten Han characters among them, that neither asks again nor is a bracketed note or a source tag
# (`(1) 样本是如何生成的？通常假设样本独立同分布，……`; not `？（2019 字节）`, `？<Tencent AI lab-一面>`)
_INLINE_ANSWER_RE = re.compile(r"^(.{4,}?[？?])\s*((?![（(【\[<《])(?=(?:[^\u4e00-\u9fff？?]*[\u4e00-\u9fff]){10})[^？?]{20,}[^？?\s])$")
# what goes on asking after a question mark: a demand (`并写出…的公式`, `至少列出 4 种`, `从…的角度举例说明`)
_DEMAND_RE = re.compile(r"^(?:并且?|请|试|再|另外|同时|以及|也|至少|分别|最好)?\s*+(?:写出|列出|说出|说明|举例|推导|比较|对比|分析|解释|阐述|谈谈|说说|介绍|讲讲|聊聊|"
                        r"给出|画出|简述|描述|证明|计算|实现|从|结合|用|回答|讨论)|举例说明|来说明|并说出|并写出|并给出|优缺点")


# a heading question answered in a word or two after its question mark (`##### 虚函数表在哪个环节生成? 编译`)
_HEADING_SHORT_ANSWER_RE = re.compile(r"^#{1,6}[ \t]+(.{4,}?[？?])[ \t]+((?![（(【\[<《])[^？?\s][^？?]{0,39})$")
# so is a numbered or bulleted one, right after a full-width mark (`4. z 的维度太多了怎么办？采样。`, `5. 为何要剪枝? a bushy
# tree has high variance`), in words, not markup closing the question or a source in brackets (`？** (来自 …)`)
_LIST_SHORT_ANSWER_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.、．)])[ \t]*(.{4,}?(?:？[ \t]*|\?[ \t]+))((?![（(【\[<《])(?![^？?]*[（(]\s*+(?:来自|来源|出自|source))(?=[^？?]*[\u4e00-\u9fffA-Za-z])[^？?\s*_`][^？?]{0,79})$")


# a point stated in its own heading: a short topic, a colon, then prose of 20 characters or more (ten Han among
# them) that does not ask (`### 2.任务的复杂性和能力阈值：复杂任务可能需要多种基础能力的组合，……`)
_STATED_POINT_RE = re.compile(r"^(?:#{1,6}[ \t]+)?(?:[0-9]{1,3}[.、．)][ \t]*)?([^：:？?\n]{2,24})[：:][ \t]*((?![（(【\[<《])(?=(?:[^\u4e00-\u9fff？?]*[\u4e00-\u9fff]){10})[^？?]{20,}[^？?\s])$")


# what stands before a colon as a label or a number, not as a topic (`问题6：`, `Q24:`, `面试题 3：`, `第2题：`)
_NOT_A_TOPIC_RE = re.compile(r"^\s*+(?:\*\*)?\s*+(?:问题|题目|面试题|考题|试题|问|题|Q|q|第)?\s*+[0-9０-９一二三四五六七八九十]*\s*+(?:题|问)?\s*+(?:\*\*)?\s*+$")
# what a prompt after a colon begins with (`### 梯度消失：请解释原因`, `### 2. BN：简述其作用`)
_PROMPT_AFTER_COLON_RE = re.compile(r"\s*+(?:请|试|简述|简要|说说|谈谈|解释|比较|对比|分析|阐述|描述|说明|列举|推导|写出|画出)")


def _inline_answer(line: str) -> bool:
    """Whether a question's line goes on after its question mark with its answer, not with more of the
    question; or the line states its point after a topic and a colon, asking nothing (no question mark, no
    prompt, no 吗/呢 at its end: a clause such as `并学会如何组合这些能力` inside it asks nothing)."""
    m = _INLINE_ANSWER_RE.match(line) or _HEADING_SHORT_ANSWER_RE.match(line) or _LIST_SHORT_ANSWER_RE.match(line)
    if m is not None:
        return not _DEMAND_RE.search(m.group(2)) and sentence_kind(m.group(2)) == "statement"
    if _states_itself(line) or _answers_after_asking(line):
        return True
    m = _STATED_POINT_RE.match(line)
    if m is None or _PROMPT_AFTER_COLON_RE.match(m.group(2)) or _NOT_A_TOPIC_RE.search(m.group(1)) or question_strength(m.group(1)) == 2:
        return False  # (`问题6：…`, `Q24：…`: a label, not a topic; `请推导 X：…`: the prompt is before the colon)
    clauses = re.split(r"[，,。；;]", m.group(2).rstrip("。.！! "))
    return not any(clause_asks(c) for c in (clauses[0], clauses[-1])) and not clauses[-1].endswith(("吗", "呢"))


# a definition's verb (`…，这种情况就叫做拥塞。`, `…的过程称为…`)
_DEFINES_RE = re.compile(r"叫做|叫作|称为|称作|称之为|定义为|就是指|是指|指的是")


def _line_title(line: str) -> str:
    """A line's words without its heading or list marks, bold and number (`#### 8、**…**` -> `…`)."""
    return split_number(strip_bold(line.strip().lstrip("#>-*+ \t")))[1]


def _clauses_of(text: str) -> list[str]:
    return [c for c in re.split(r"[，,。；;]", text) if c.strip()]


def _clause_asks_or_tags(clause: str) -> bool:
    """A clause that asks, with an interrogative or a 吗/呢 at its end."""
    return clause_asks(clause) or clause.rstrip().endswith(("吗", "呢"))


def _states_itself(line: str) -> bool:
    """Whether a heading is a statement long enough to be its own content: two clauses or more, 40 Han
    characters or more, a definition's verb, ending in a full stop, and no clause that asks or demands
    (`#### 8、若对网络中某一资源的需求超过…，网络的性能就要变坏，这种情况就叫做拥塞。`)."""
    text = _line_title(line).strip()
    if not text.endswith(("。", ".")) or len(HAN_RE.findall(text)) < 40 or not _DEFINES_RE.search(text) \
            or _PROMPT_AFTER_COLON_RE.match(text) or _DEMAND_RE.search(text):
        return False
    clauses = _clauses_of(text)
    return len(clauses) >= 2 and not any(_clause_asks_or_tags(c) for c in clauses)


def _answers_after_asking(line: str) -> bool:
    """Whether a line asks in its first clause only and answers in the clauses after it, with no question mark
    anywhere (`2、 上一次的状态 h(t-1) 是怎么和输入结合起来的，这也是很多资料没讲明白的地方，也很简单，就是把二者
    直接拼起来，…`): three clauses or more, 40 Han characters or more, none after the first asking or demanding."""
    text = _line_title(line).strip()
    if "？" in text or "?" in text or len(HAN_RE.findall(text)) < 40 or _DEMAND_RE.search(text) or _PROMPT_AFTER_COLON_RE.match(text):
        return False
    clauses = _clauses_of(text)
    return len(clauses) >= 3 and clause_asks(clauses[0]) and not any(_clause_asks_or_tags(c) for c in clauses[1:])


def _answered_by_headings_below(doc: LintDoc, no: int, title: str) -> bool:
    """Whether a question heading with nothing under it is answered by the statement headings that follow it at its
    level (`### M×N 集成问题有了解过吗，MCP 怎么解决的` then `### M×N 集成问题`, `### MCP 解决方案`): the next heading is
    of the same level, unnumbered, asks nothing, and is a part of the question's own words (not the next question)."""
    heads = _heading_levels(doc)
    level = heads.get(no)
    if level is None:
        return False
    nxt = next((k for k in range(no + 1, len(doc.lines) + 1) if doc.lines[k - 1].strip()), None)
    if nxt is None or heads.get(nxt) != level:
        return False
    number, below, _ = split_number(strip_bold(doc.lines[nxt - 1].lstrip("#> \t").rstrip("# ")))
    below = below.strip()
    if number or len(below.replace(" ", "")) < 4 or question_strength(below.replace("问题", "")) > 0:  # (`M×N 集成问题`: a problem)
        return False
    return below in split_number(strip_bold(title))[1]


def _linked_heading(doc: LintDoc, no: int) -> bool:
    """Whether line `no` is a heading whose whole text is one link (`#### [6、如何打印 dump 信息。](https://…)`)."""
    text = doc.lines[no - 1] if 0 < no <= len(doc.lines) else ""
    m = _HEADING_LINE_RE.match(text)
    return m is not None and WHOLE_LINK_RE.fullmatch(text[m.end():].strip().rstrip("#").strip()) is not None


_QKEY_DROP_RE = re.compile(r"[\s*_`#>]+|[？?。．.：:！!；;，,、]+$")


def _question_key(text: str) -> str:
    return _QKEY_DROP_RE.sub("", _line_title(text))


def _asked_again_below(doc: LintDoc, line: int, question: str) -> bool:
    """Whether the question stands again, as a heading, further down the file (a table of contents without
    links: `## 题目` listing `1、…？` `2、…？`, then `## 开炮` with `### 1、…？` and its answer)."""
    key = _question_key(question)
    if len(key) < 6:
        return False
    heads = doc.cache.get("heading_keys")
    if heads is None:
        heads = doc.cache["heading_keys"] = {}
        for no in _heading_levels(doc):
            heads.setdefault(_question_key(doc.lines[no - 1]), []).append(no)
    return any(no > line for no in heads.get(key, ()))


def _heading_levels(doc: LintDoc) -> dict[int, int]:
    """Line -> level of every heading of the document (not glued ones: the reader split those)."""
    heads = doc.cache.get("heading_levels")
    if heads is None:
        heads = doc.cache["heading_levels"] = {ln.no: ln.level for ln in doc.scan.lines if ln.kind == "heading" and not ln.glued}
    return heads


def _place(doc: LintDoc, no: int) -> str:
    """Where a starter sits: `h3` for a level-3 heading, else the kind of block (`ordered-list`, `para`…)."""
    heads = _heading_levels(doc)
    if no in heads:
        return f"h{heads[no]}"
    return _block_where(doc.lines[no - 1] if 0 < no <= len(doc.lines) else "")


def _boundaries(doc: LintDoc) -> set[int]:
    """Lines where something new starts: headings, record starters, non-item starters."""
    got = doc.cache.get("starter_lines")
    if got is None:
        got = doc.cache["starter_lines"] = ({ln.no for ln in doc.scan.lines if ln.kind == "heading"}
                                            | {rec["line_start"] for rec in doc.records} | {n.line for n in doc.non_items})
    return got


def _body(doc: LintDoc, n: Any) -> list[int]:
    """The lines after a non-item's starter up to the next starter; under a heading, up to the next
    heading at its level or above (what its sub-headings hold is its body too)."""
    heads = _heading_levels(doc)
    level = heads.get(n.line)
    stops = _boundaries(doc)
    out = []
    for no in range(n.end + 1, len(doc.lines) + 1):
        if level is not None:
            if no in heads and heads[no] <= level:
                break
        elif no in stops:
            break
        out.append(no)
    return out


def unanswered(doc: LintDoc) -> list[tuple[Any, str, list[int]]]:
    """Questions left without an answer: non-items the parser did not make records because nothing
    (or only a placeholder) follows them, with their title and body lines. Only where the document's
    other questions at that place are records: a numbered starter in a run of numbered records
    (`Q8:` between answered `Q7:` and `Q13:`), or a heading that asks at a heading level where the
    document keeps its items. A list of prompts that are all unanswered is not a defect."""
    got = doc.cache.get("unanswered")
    if got is not None:
        return got
    out: list[tuple[Any, str, list[int]]] = []
    candidates = [n for n in doc.non_items if n.reason in _UNANSWERED + ("placeholder", "image-only")]
    if not candidates or not doc.records:
        doc.cache["unanswered"] = out
        return out
    places = {_place(doc, rec["line_start"]) for rec in doc.records}
    next_in_run = {e.line: (run[k + 1].line if k + 1 < len(run) else None) for run in _checked_runs(doc) for k, e in enumerate(run)}
    in_runs = set(next_in_run)
    heads = sorted(_heading_levels(doc))
    prompts = {n.line for n in doc.non_items if n.reason == "questions"}  # sections the parser read as lists of prompts
    for n in candidates:
        title = split_number(strip_bold(n.title))[1]
        place = _place(doc, n.line)
        if n.line not in in_runs and not (place.startswith("h") and place in places and question_strength(title) == 2):
            continue
        if not place.startswith("h") and _listed_title(doc, n.line, next_in_run.get(n.line)):
            continue  # `4.6 什么是神经风格转换？` between the titles before and after it: a table of contents, not an item
        k = bisect.bisect_left(heads, n.line)
        if n.reason in _UNANSWERED and k and heads[k - 1] in prompts:
            continue  # an entry of a list of prompts nobody answers here (an interview log's round), though one of them is answered
        body = _body(doc, n)
        words = [no for no in body if _HAS_WORD.search(doc.lines[no - 1])]
        if n.reason in _UNANSWERED and words:
            continue  # something follows it after all: not an empty answer
        if n.reason in _UNANSWERED and question_strength(title) < 2 and _holds_headings_of_its_level(doc, heads, n.line, next_in_run.get(n.line)):
            continue
        out.append((n, title, body))
    doc.cache["unanswered"] = out
    return out


def _listed_title(doc: LintDoc, line: int, nxt: int | None) -> bool:
    """Whether a numbered line comes right after a numbered title (`4.5 面部验证`; blank lines at most between) and
    before another title (a numbered one, a heading, `第一周 …`) or the file's end: one title of a list of titles, a
    table of contents, not a question left without its answer."""
    before = next((ln for ln in reversed(doc.lines[max(0, line - 4):line - 1]) if ln.strip()), None)
    if before is None or not _NUMBERED_TITLE_RE.match(before):
        return False
    if nxt is not None and nxt - line <= 2:
        return True
    after = next((ln for ln in doc.lines[line:line + 3] if ln.strip()), None)
    return after is None or _TITLE_LINE_RE.match(after) is not None


_NUMBERED_TITLE = r"\d+(?:\.\d+)+\s*+\S"  # `4.5 面部验证`: a section number with dots
_NUMBERED_TITLE_RE = re.compile(r"^\s*+" + _NUMBERED_TITLE)
_TITLE_LINE_RE = re.compile(r"^\s*+(?:#{1,6}\s|" + _NUMBERED_TITLE + r"|第[一二三四五六七八九十\d]+[章节周课])")


def _holds_headings_of_its_level(doc: LintDoc, order: list[int], line: int, next_member: int | None) -> bool:
    """Whether a numbered heading that asks nothing (`### 3.3 两个追问`) is followed, before the next
    heading of its numbering, by headings at its own level outside that numbering (`### Q1: …？`,
    `### Q2: …？`): the writer put its content at its level, so it is a section, not an empty answer.
    `order` is the document's heading lines in order."""
    heads = _heading_levels(doc)
    level = heads.get(line)
    if level is None:
        return False
    for k in range(bisect.bisect_right(order, line), len(order)):
        no = order[k]
        if no == next_member or heads[no] < level:
            return False
        if heads[no] == level:
            return True
    return False


def _topic_runs(doc: LintDoc) -> set[int]:
    """Lines of the numbered runs in which a heading that does not ask became a record."""
    got = doc.cache.get("topic_runs")
    if got is None:
        got = doc.cache["topic_runs"] = set()
        for run in _checked_runs(doc):
            if any(e.record and e.where.startswith("h") and (rec := doc.record_at(e.line)) is not None
                   and rec["line_start"] == e.line and question_strength(split_number(rec["title"])[1]) < 2 for e in run):
                got.update(e.line for e in run)
    return got


def _body_placeholder(doc: LintDoc, n: Any, body: list[int]) -> tuple[int, str] | None:
    """The line and text of the placeholder under a non-item (`- [ ] TODO`, by the one definition of
    a missing answer), or of a TODO mark ending its heading when nothing is under it."""
    texts = [(no, doc.lines[no - 1]) for no in body if doc.lines[no - 1].strip()]
    if texts:
        d = answer_defect("\n".join(t for _, t in texts), n.title)
        if d is None or d.kind != "placeholder":
            return None
        line = next((no for no, t in texts if d.found and d.found in t), texts[0][0])
        return line, d.found
    m = re.search(r"(?:todo|tbd|待补充|待完善|待更新)\s*+$", doc.lines[n.line - 1], re.I)
    return (n.line, m.group(0).strip()) if m else None


def _whole_line(rule: Rule, doc: LintDoc, no: int, quote: str = "", **fmt: str) -> Finding:
    unit = _line_unit(doc, no)
    s = unit.text.find(quote) if quote else -1
    if s < 0:
        s, e = len(unit.text) - len(unit.text.lstrip()), len(unit.text.rstrip())
    else:
        e = s + len(quote)
    return make_finding(rule, doc, unit, s, e, **fmt)


def _answer_defects(doc: LintDoc) -> list[tuple[dict[str, Any], Any]]:
    """Each record with its answer's defect (or None), read once for QA001 and QA002."""
    got = doc.cache.get("answer_defects")
    if got is None:
        got = doc.cache["answer_defects"] = [(rec, item_defect(rec["answer"], rec.get("analysis"), rec["question"])) for rec in doc.records]
    return got


def _answered_by_subsections(rec: dict[str, Any], nxt: dict[str, Any] | None) -> bool:
    """Whether an item's answer is the numbered subsections that follow it (`10.4 …？` then `10.4.1 …`,
    `10.4.2 …` at the same heading level): the next item's number goes on from this one's."""
    num, after = rec.get("number"), (nxt or {}).get("number")
    if not num or not after:
        return False
    n = len(num)
    return after.startswith(num) and len(after) > n + 1 and after[n] in ".．-－" and not after[n + 1].isspace()


@check("empty-answer")
def empty_answer(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    found = []
    defects = _answer_defects(doc)
    exercises = _exercise_sections(doc)
    for i, (rec, d) in enumerate(defects):
        if d is None or d.kind not in EMPTY_KINDS or _inline_answer(rec["question"]) or _asked_again_below(doc, rec["line_start"], rec["question"]) \
                or _linked_heading(doc, rec["line_start"]) or _in_sections(exercises, rec["line_start"]):
            continue  # (a question that carries its answer on its own line, or is a heading further down, is answered;
            # a heading that is one link points to where it is answered; a hands-on exercise's question is the reader's)
        if not _answered_by_subsections(rec, defects[i + 1][0] if i + 1 < len(defects) else None):
            found.append(_answer_finding(rule, doc, rec, "", title=rec["title"], why=EMPTY_KINDS[d.kind]))
    starts = [r["line_start"] for r in doc.records]  # in document order
    for n, title, _body_lines in unanswered(doc):
        # (not a list of the questions at the top, each answered under its own heading below; not a textbook's
        # exercises, `## 9 练习` over questions left to the reader)
        if _in_sections(exercises, n.line):
            continue
        if n.reason in _UNANSWERED and not _asked_again_below(doc, n.line, title) and not _linked_heading(doc, n.line) \
                and not _answered_by_headings_below(doc, n.line, title) \
                and not _inline_answer(doc.lines[n.line - 1].strip() if 0 < n.line <= len(doc.lines) else ""):
            k = bisect.bisect_right(starts, n.line)
            heading = split_number(doc.lines[n.line - 1].lstrip("#> \t"))[0] if 0 < n.line <= len(doc.lines) else None
            if not _answered_by_subsections({"number": heading}, doc.records[k] if k < len(doc.records) else None):
                found.append(_whole_line(rule, doc, n.line, title=title, why=""))
    yield from sorted(found, key=lambda f: (f.line, f.col))


# a heading over exercises left to the reader (`## 9 练习`, `### 课后习题`, `## Exercises`): its whole title, unlike the
# parser's EXERCISE_SECTION_RE, which looks for the word anywhere in a section's title
_EXERCISES_HEADING_RE = re.compile(r"^#{1,6}\s*+(?:[\d.]+\s*+)?(?:(?:课后)?(?:练习|习题|思考题|作业|exercises?)(?:与思考|和思考)?\s*+[:：]?\s*+$"
                                   # a hands-on exercise the reader works through (`## 自己动手：手写 do 运算`)
                                   r"|(?:自己动手|动手练习|动手实践|动手做|动手实验)(?:\s*+[:：—-].*)?$)", re.I)


def _exercise_sections(doc: LintDoc) -> list[tuple[int, int]]:
    """[first line, last line] of each section whose heading names exercises, up to the next heading of its level
    or above (the document's headings as the reader found them: none inside code)."""
    out: list[tuple[int, int]] = []
    open_at: tuple[int, int] | None = None  # (line, level) of the exercise heading being read
    for no, level in sorted(_heading_levels(doc).items()):
        if open_at is not None and level <= open_at[1]:
            out.append((open_at[0], no - 1))
            open_at = None
        if open_at is None and 0 < no <= len(doc.lines) and _EXERCISES_HEADING_RE.match(doc.lines[no - 1].strip()):
            open_at = (no, level)
    if open_at is not None:
        out.append((open_at[0], len(doc.lines)))
    return out


def _in_sections(sections: list[tuple[int, int]], no: int) -> bool:
    return any(a < no <= b for a, b in sections)


def _image(line: str, no: int) -> tuple[int, str] | None:
    m = IMAGE_RE.search(line) or IMG_TAG_RE.search(line)
    return (no, m.group(0)) if m else None


@check("placeholder-answer")
def placeholder_answer(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    found = []
    for rec, d in _answer_defects(doc):
        if d is not None and d.kind in PLACEHOLDER_KINDS and not (d.kind != "placeholder" and _linked_heading(doc, rec["line_start"])):
            # (a heading that is one link points to its answer: a figure or a link under it adds to that)
            found.append(_answer_finding(rule, doc, rec, d.found if "\n" not in rec["answer"].strip() else "",
                                         found=d.found, what=PLACEHOLDER_KINDS[d.kind]))
    for n, _title, body in unanswered(doc):
        if n.reason == "placeholder":
            hit = _body_placeholder(doc, n, body)
            if hit is not None:
                found.append(_whole_line(rule, doc, hit[0], hit[1], found=hit[1], what=PLACEHOLDER_KINDS["placeholder"]))
        elif n.reason == "image-only" and (question_strength(_title) == 2 or n.line in _topic_runs(doc)) and not _linked_heading(doc, n.line):
            # a question answered by a figure alone: no record, and no answer to train on. A heading that
            # does not ask (`### 1.3 Kernel Methods`) is a question only where its numbered siblings
            # that do not ask either are records (a bank of topic questions); in notes it asks nothing
            image = next((m for no in body if (m := _image(doc.lines[no - 1], no)) is not None), None)
            if image is not None:
                at, quote = image
                quote = quote if len(quote) <= 40 else quote[:39] + "…"
                found.append(_whole_line(rule, doc, at, quote, found=quote, what=PLACEHOLDER_KINDS["image-only"]))
    yield from sorted(found, key=lambda f: (f.line, f.col))


_LIST_KEY = re.compile(r"[\s*_`]+")
# a bracketed character range (`[A-Z]`, `[a-z]`): its case is its content
_CHAR_RANGE_RE = re.compile(r"(\[[^\[\]\n]{1,12}\])")


def _list_key(text: str) -> str:
    """An item compared with its siblings: markup and space taken out, case folded outside character ranges."""
    key = _LIST_KEY.sub("", text)
    if "[" not in key:
        return key.casefold()
    return "".join(part if part.startswith("[") else part.casefold() for part in _CHAR_RANGE_RE.split(key))


LIST_ITEM_LINE_RE = re.compile(r"^\s*+(?:[-*+]|\d+[.)、])\s+(.+)$")


_MATH_FENCE_RE = re.compile(r"^\s*+(?:>\s*+)*\$\$")


def _display_math_lines(doc: LintDoc) -> set[int]:
    """Lines (1-based) inside a display-math block (`$$` on a line of its own, or opening a formula that
    closes with `$$` on a later line), fences included."""
    got = doc.cache.get("display_math")
    if got is None:
        got, start = set(), 0
        for no, line in enumerate(doc.lines, 1):
            if not start:
                if _MATH_FENCE_RE.match(line) and line.count("$$") % 2 == 1:
                    start = no
            elif "$$" in line:
                got.update(range(start, no + 1))
                start = 0
        doc.cache["display_math"] = got
    return got


def _list_blocks(doc: LintDoc) -> Iterator[list[tuple[Unit, re.Match]]]:
    """The list items of each answer or analysis, one contiguous list at a time: a paragraph,
    heading or another field between items starts a new list (blank lines and indented
    continuation lines do not)."""
    block: list[tuple[Unit, re.Match]] = []
    owner: tuple[str, str] | None = None
    base = 0  # the indent of the list's first item: a line indented no further is not inside the list
    math = _display_math_lines(doc)
    for unit in doc.units:
        if unit.line in math:
            continue  # `+ \sum …` continuing a formula inside `$$ … $$` is no list item
        where = (unit.record["id"], unit.scope) if unit.record is not None else None
        # matched on the source: a masked code span at the start of an item is not white space
        m = LIST_ITEM_LINE_RE.match(source_text(doc, unit, 0, len(unit.text))) if unit.scope in ("answer", "analysis") and where else None
        if m and where == owner:
            block.append((unit, m))
            continue
        # (an answer nested whole in a list entry is indented throughout: its paragraphs between lists
        # are as far in as the lists' items, and end them)
        continuation = where == owner and unit.scope != "heading" and unit.text[:1] in (" ", "\t") and _indent(doc, unit.line) > base
        if continuation:
            continue
        if block:
            yield block
        block, owner = ([(unit, m)], where) if m else ([], None)
        base = _indent(doc, unit.line) if m else 0
    if block:
        yield block


def _indent(doc: LintDoc, no: int) -> int:
    line = doc.lines[no - 1].expandtabs(4)
    return len(line) - len(line.lstrip())


# a list item that is an empty checkbox or a slot of a template to fill in (`[ ]`, `[x]`, `[待填写]`), spaces dropped
_SLOT_ITEM_RE = re.compile(r"\[[x]?\]|\[[^\]\n]{1,12}\]")
_ELLIPSIS_KEYS = frozenset({"...", "…", "……", "⋯", "⋯⋯", "etc.", "等等"})
_SENTENCE_PUNCT_RE = re.compile(r"[。，；,;：:！？!?]")
# a lead-in that announces steps in order: 顺序如下： / 一条请求会经历： / 依次为： / The steps are:
_SEQUENCE_LEAD_RE = re.compile(r"(?:顺序|次序|步骤|流程|依次|经历|经过|过程|阶段|先后|order|steps?\b|sequence|pipeline|flow)[^。；;]{0,12}[：:]\s*+$", re.I)


def _shows_a_sequence(doc: LintDoc, block: list[tuple[Unit, re.Match]]) -> bool:
    """A list led in as steps in order (`顺序很标准：`, `一条请求会经历：`), or one that trails off with an
    ellipsis item (`- decode` `- decode` `- ...`): a step done twice is written twice."""
    if any(_LIST_KEY.sub("", m.group(1)) in _ELLIPSIS_KEYS for _, m in block):
        return True
    no = block[0][0].line - 1
    while no >= 1 and not doc.lines[no - 1].strip():
        no -= 1
    return no >= 1 and bool(_SEQUENCE_LEAD_RE.search(doc.lines[no - 1]))


def _step_name(key: str) -> bool:
    """A short name (`RMSNorm`, `decode`), not a phrase or sentence that a generator repeats."""
    return len(key) <= 16 and not _SENTENCE_PUNCT_RE.search(key)


@check("duplicate-list-item")
def duplicate_list_item(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for block in _list_blocks(doc):
        sequence = _shows_a_sequence(doc, block)
        seen: dict[tuple[int, str], int] = {}
        parents: list[tuple[int, int]] = []  # (indent, line) of the items that enclose the current one
        for i, (unit, m) in enumerate(block):
            # items repeat only among siblings: `- 损失函数` under each of two regression variants, or the
            # same first step under `1. R-CNN` and `2. Fast R-CNN`, are no duplicates
            indent = _indent(doc, unit.line)
            while parents and parents[-1][0] >= indent:
                parents.pop()
            parent = parents[-1][1] if parents else 0
            parents.append((indent, unit.line))
            # code is content: `CPU` 密集型 and `IO` 密集型 are different items
            key = _list_key(m.group(1))
            if not key or key in _ELLIPSIS_KEYS or _SLOT_ITEM_RE.fullmatch(key) or is_placeholder(m.group(1)) or _data_item(key):
                continue  # (an empty checkbox or a template's slot, `- [ ]`, `- [待填写]`, repeats no content; two
                # objects of an example may have the same values: `2. 重量30，价值60` and `3. 重量30，价值60`)
            # an item is all its lines: two JSON examples that both open with `* {` differ below it
            # (and the items nested under it: `- 代表论文：` over two different lists of papers are two items)
            whole = key + _list_key("".join(_item_rest(doc, block, i, indent) + _nested_items(doc, block, i, indent)))
            if (parent, whole) in seen and not (sequence and _step_name(key)):
                yield make_finding(rule, doc, unit, m.start(1), m.end(1), first=str(seen[(parent, whole)]))
            else:
                seen[(parent, whole)] = unit.line


_NUMBER_IN_ITEM_RE = re.compile(r"\d+(?:\.\d+)?")
_NOT_WORD_RE = re.compile(r"[\d.\s，,；;、:：=（）()%/\-+*]+")


def _data_item(key: str) -> bool:
    """Whether a list item is a data record, attributes and their values (`重量30，价值60（价值密度2）`, `x=1, y=2`):
    at least two numbers and few words besides."""
    return len(_NUMBER_IN_ITEM_RE.findall(key)) >= 2 and len(_NOT_WORD_RE.sub("", key)) <= 12


def _nested_items(doc: LintDoc, block: list[tuple[Unit, re.Match]], i: int, indent: int) -> list[str]:
    """The text of the block's items nested under its i-th item (indented past it), up to its next sibling."""
    out = []
    for unit, m in block[i + 1:]:
        if _indent(doc, unit.line) <= indent:
            break
        out.append(m.group(1))
    return out


def _item_rest(doc: LintDoc, block: list[tuple[Unit, re.Match]], i: int, indent: int) -> list[str]:
    """The continuation lines of the block's i-th list item: up to the next item of the block, or (the last
    item) the lines right below it that go on with it (indented past its marker, or lazily at its indent)."""
    no = block[i][0].line
    if i + 1 < len(block):
        return [ln for ln in doc.lines[no:block[i + 1][0].line - 1] if ln.strip()]
    rest = []
    for ln in doc.lines[no:]:
        at = len(ln.expandtabs(4)) - len(ln.expandtabs(4).lstrip())
        if not ln.strip() or at < indent or (at == indent and (LIST_ITEM_LINE_RE.match(ln) or ln.lstrip().startswith("#"))):
            break
        rest.append(ln)
    return rest


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
        chars = "".join(dict.fromkeys(c for s_, e, _ in runs for c in unit.text[s_:e]))[:MAX_LOOKALIKES + 1]
        more = "…" if len(chars) > MAX_LOOKALIKES else ""
        chars = chars[:MAX_LOOKALIKES]
        # a look-alike each time written beside its own standard character (`⻉贝`) is deleted, not replaced
        alone = {c for s_, e, _ in runs for i, c in enumerate(unit.text[s_:e], s_) if not doubled(unit.text, i, standard_char(c) or c)}
        replace = "".join(standard_char(c) or c for c in chars if c in alone)
        delete = "".join(c for c in chars if c not in alone)
        said = ([f"应为“{replace}{more}”"] if replace else []) \
            + ([f"“{delete}”紧挨着它的标准字“{''.join(standard_char(c) or c for c in delete)}”，应删去"] if delete else [])
        codes = " ".join(f"U+{ord(c):04X}" for c in chars)
        yield make_finding(rule, doc, unit, start, end, fix_text="".join(c for c in fixed if c is not None),
                           chars=chars + more, expected="；".join(said), codes=codes + (" …" if more else ""))


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
