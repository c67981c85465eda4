"""A document's headings as a tree of sections, and what each section is: a Q&A item, a chapter that
groups items, a part of an item's answer, or something else (table of contents, links, notes).

The decision is made from evidence that holds across corpora, per document and per section:

* the heading asks (question mark, interrogative, a prompt such as 简述/介绍/解释/推导/比较, a
  numbering that names a question: `题目 3`, `Q4`, `第5题`), or carries field labels (题目/答案/解析);
* the document is a question bank: its title or a chapter says so (面试/问答/题库/FAQ/…), its
  sections carry labels, or enough of its headings ask: then a topic heading that carries its own
  explanation (`### 平均绝对误差(MAE)`, `### 3.2.5 实例理解反向传播`) is an item too;
* a heading whose own body is empty or a one-line intro and whose children are items is a chapter;
* an item's sub-headings are part of its answer, unless one of them asks with a question mark or
  carries labels, or they sit at a level where the document keeps its items elsewhere;
* a body that is only links, images, a placeholder (TODO, 待补充) or a list of unanswered prompts
  makes no item; a title that names a part of an article (总结, 参考文献, 目录) makes none either.

>>> from qatool.parse.markdown import parse_tree
>>> tree = parse_tree("# 第一章\\n\\n## 1. 什么是 X？\\n\\nX 是 Y。\\n\\n## 2. 代码\\n\\n[链接](http://a)\\n")
>>> [(s.title, s.role, s.reason) for s in build_sections(tree).walk()][1:]
[('第一章', 'title', ''), ('1. 什么是 X？', 'item', ''), ('2. 代码', 'nonitem', 'link-only')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from qatool.parse.evidence import (
    BANK_RE,
    CROSS_REF_RE,
    LOG_RE,
    NARRATIVE_RE,
    NON_QA_SECTION_RE,
    QMARK_RE,
    TODO_RE,
    has_image,
    has_reference,
    is_navigation,
    is_placeholder,
    is_sign_off,
    question_strength,
    strip_links,
    substance,
)
from qatool.parse.labels import _CHAPTER_NUM, LABEL_WORDS, Label, label_of, split_number, strip_bold
from qatool.parse.markdown import Block, Tree, heading_text

FIELD_CATS = ("question", "answer", "analysis", "hint")


@dataclass
class Section:
    heading: Block | None  # None for the document root
    level: int
    title: str  # heading text as written (without #)
    number: str | None = None
    name: str = ""  # title without its number
    explicit: bool = False  # numbering that names a question (题目 3, Q4, 第5题)
    body: list[Block] = field(default_factory=list)  # blocks before the first child heading
    children: list[Section] = field(default_factory=list)
    parent: Section | None = None
    role: str = ""  # title | item | group | part | container | section | nonitem | root
    reason: str = ""  # why a section is not an item
    strength: int = 0  # question strength of the name (0, 1, 2)
    body_kind: str = ""  # empty | trivial | prompts | content
    body_reason: str = ""
    labels: dict[str, int] = field(default_factory=dict)  # field labels at the top of the body
    split: bool = False  # item whose sub-headings are items of their own
    absorb: int = 0  # split item: how many of its first sub-headings are still parts of its answer
    asked_below: bool | None = None  # _asked_below's answer, kept: it is asked at every level of a deep tree
    # a heading that is a question label: `## 问题: X` ("label", its name is X) or `## 问题` alone ("bare",
    # the question is the paragraph under it and the sections after it at its level are its answer)
    qhead: str = ""
    answer_parts: bool = False  # it adopted an answer heading at its level (`### 详细解答`, see _adopt_answer_sections)

    @property
    def start(self) -> int:
        return self.heading.start if self.heading else 1

    def walk(self):
        stack = [self]
        while stack:
            s = stack.pop()
            yield s
            stack.extend(reversed(s.children))


# ---------------------------------------------------------------------------------------- block text


def block_text(b: Block, lines: list[str]) -> str:
    src = lines[b.start - 1:b.end]
    if b.cut and src:
        src = src[:-1] + [src[-1][:b.cut]]
    return "\n".join(src)


def first_line(b: Block, lines: list[str]) -> str:
    s = lines[b.start - 1]
    return s[:b.cut] if b.cut and b.end == b.start else s


def unquote(s: str) -> str:
    """A line with its blockquote markers (`> `, `>> `) taken off."""
    t = s.lstrip(" \t")
    while t.startswith(">"):
        t = t[1:]
        if t[:1] == " ":
            t = t[1:]
        t = t.lstrip(" \t") if t.lstrip(" \t").startswith(">") else t
    return t


def is_comment(b: Block, lines: list[str]) -> bool:
    return b.kind == "html" and first_line(b, lines).lstrip().startswith("<!--")


def label_heading(b: Block, lines: list[str]):
    """The field label of a heading block (`#### 解析：**`), if it is one."""
    if b.kind != "heading":
        return None
    lab = label_of(lines[b.start - 1][b.col:], heading=True)
    return lab if lab is not None and lab.cat in FIELD_CATS else None


_NO_LABEL = object()


def block_label(b: Block, lines: list[str]) -> Label | None:
    """The field label that starts a block: a paragraph, a label heading, a blockquote, a list whose
    first item starts with a label, or `<details><summary>答案</summary>` (looked up once per block)."""
    if b.label is None:
        lab = _block_label(b, lines)
        b.label = _NO_LABEL if lab is None else lab
    return b.label if isinstance(b.label, Label) else None


# the whole text of a question label that only points elsewhere (`**面试题**：[第 1 章面试题](./quiz/chapter-01.md)`)
_POINTER_RE = re.compile(r"\s*(?:\*\*)?\s*\[[^\]\n]+\]\([^)\s]+\)\s*(?:\*\*)?\s*")


def _block_label(b: Block, lines: list[str]) -> Label | None:
    if b.kind == "paragraph":
        lab = label_of(first_line(b, lines))
        if lab is not None and lab.cat == "question" and b.end == b.start and _POINTER_RE.fullmatch(lab.rest):
            return None  # a link to questions elsewhere asks none here (a course outline's `**面试题**：[…](…)`)
        return lab
    if b.kind == "heading":
        return label_heading(b, lines)
    if b.kind == "quote":
        return label_of(unquote(first_line(b, lines)))
    if b.kind == "list" and b.children:
        lab = label_of(first_line(b.children[0], lines))
        if lab is not None and len(lab.word) <= 2 and lab.word.isascii():
            return None  # `- A: 14岁…` is a list entry, not an answer label
        return lab
    if b.kind == "html":
        return details_label(b, lines)
    return None


def split_at_labels(b: Block, lab: Label | None, lines: list[str]) -> list[tuple[Block, Label | None]]:
    """A paragraph whose later lines start fields of their own (`题目: …` / `答案：…` / `解析: …` on
    consecutive lines) as one (block, label) part per field."""
    if b.kind not in ("paragraph", "quote") or b.end == b.start:
        return [(b, lab)]
    quote = b.kind == "quote"
    cuts = []
    for no in range(b.start + 1, b.end + 1):
        s = unquote(lines[no - 1]) if quote else lines[no - 1]
        nl = label_of(s)
        # (a short Latin label alone on its line, `A:`, starts a field only as a paragraph of its own: after a blank
        # line, as `> **A**:` after `> ` in a quote that holds a whole Q&A)
        if nl is not None and nl.cat in FIELD_CATS and nl.indent <= 3 and not (
                len(nl.word) <= 2 and nl.word.isascii() and not nl.rest
                and (unquote(lines[no - 2]) if quote else lines[no - 2]).strip()):
            cuts.append((no, nl))
    if not cuts:
        return [(b, lab)]
    out: list[tuple[Block, Label | None]] = []
    start, cur = b.start, lab
    for no, nl in cuts:
        out.append((Block(b.kind, start, no - 1), cur))
        start, cur = no, nl
    out.append((Block(b.kind, start, b.end, cut=b.cut), cur))
    return out


def split_item_at_answer(item: Block, lab: Label, lines: list[str]) -> list[tuple[Block, Label | None]]:
    """A list item that asks under a question label and answers on its own later lines under an answer
    label (`- 面试题：…？` / `  **参考答案：** …`): the question, then the answer, as two parts."""
    if lab.cat == "question":
        for no in range(item.start + 1, item.end + 1):
            nl = label_of(lines[no - 1])
            if nl is not None and nl.cat in ("answer", "analysis") and not nl.in_list and not nl.malformed:
                return [(Block("item", item.start, no - 1), lab), (Block("paragraph", no, item.end), nl)]
    return [(item, lab)]


def details_label(b: Block, lines: list[str]):
    """The answer label a collapsible's summary is (`<details><summary>答案</summary>`, or `<details>` over
    `<summary>💡 答案要点</summary>`)."""
    s = first_line(b, lines)
    if "<details" not in s.lower():
        return None
    if "<summary" not in s.lower() and b.end > b.start:
        s = lines[b.start]  # (the block's second line)
    low = s.lower()
    i = low.find("<summary>")
    if i < 0:
        return None
    j = low.find("</summary>", i)
    return summary_label(s[i + 9:j if j >= 0 else len(s)])


# what a collapsible's summary says around its label (`💡 答案要点`, `点击查看答案`, `答案（点击展开）`)
_SUMMARY_LEAD_RE = re.compile(r"^[^\w\u4e00-\u9fff]*(?:点击|点我)?\s*(?:查看|展开|显示|看)?\s*(?:参考)?")
_SUMMARY_TAIL_RE = re.compile(r"\s*+(?:要点|详解|详情|与解析|和解析|及解析)?\s*+(?:[（(][^）)]{0,12}[）)])?[^\w\u4e00-\u9fff]*$")


def _answer_summary(k: int, lines: list[str], blocks: list[Block]) -> bool:
    """Whether the `<details>` block k is summarised as an answer (`<summary>` on its first two lines, or in the
    block right after it)."""
    b = blocks[k]
    for no in range(b.start, min(b.end, b.start + 1) + 1):
        m = _SUMMARY_LINE_RE.search(lines[no - 1])
        if m is not None:
            return summary_label(m.group(1)) is not None
    if b.end == b.start and k < len(blocks) - 1 and blocks[k + 1].kind == "html":
        m = _SUMMARY_LINE_RE.search(lines[blocks[k + 1].start - 1])
        return m is not None and summary_label(m.group(1)) is not None
    return False


_SUMMARY_LINE_RE = re.compile(r"<summary[^>]*>(.*?)</summary>", re.IGNORECASE)


def summary_label(inner: str) -> Label | None:
    """The answer or analysis label a collapsible's summary is (`答案`, `💡 答案要点`, `点击查看答案`), if it is one
    and says nothing more."""
    text = strip_bold(re.sub(r"<[^>]+>", "", inner).strip())
    for t in (text, _SUMMARY_TAIL_RE.sub("", _SUMMARY_LEAD_RE.sub("", text, count=1), count=1)):
        lab = label_of(t + "：") if t else None
        if lab is not None and lab.cat in ("answer", "analysis") and not lab.rest:
            return lab
    return None


# ------------------------------------------------------------------------------------- body features


def _link_rows(b: Block, lines: list[str]) -> bool:
    """A table or list whose rows are mostly links with a few words each (a table of contents)."""
    if b.kind == "table":
        rows = [ln for ln in lines[b.start - 1:b.end] if ln.strip() and not set(ln.strip()) <= set("|-: \t")]
    elif b.kind == "list":
        rows = ["\n".join(lines[it.start - 1:it.end]) for it in b.walk() if it.kind == "item"]
    else:
        return False
    if not rows:
        return False
    linked = sum(1 for r in rows if has_reference(r))
    return linked * 10 >= len(rows) * 7 and sum(substance(r) for r in rows) <= 15 * len(rows)


_OUTLINE_NUMBER_RE = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)+|[一二三四五六七八九十]+[、.．])")


def _question_outline(b: Block, lines: list[str]) -> bool:
    """A (nested) list of one-line entries and no sentences, a quarter of them questions or half of
    them numbered like a table of contents (`2.1`, `三、`): an outline of questions answered
    elsewhere, not an answer."""
    if b.kind != "list":
        return False
    entries = asks = numbered = 0
    for leaf in b.walk():
        if leaf.kind in ("fence", "code", "table", "quote", "html"):
            return False
        if leaf.kind != "paragraph":
            continue
        if leaf.end != leaf.start:
            return False
        text = _strip_entry(strip_links(lines[leaf.start - 1]))
        strength = question_strength(text)
        if substance(text) > (60 if strength == 2 else 40) or any(p in text for p in "。；;"):
            return False
        entries += 1
        asks += strength == 2
        numbered += bool(_OUTLINE_NUMBER_RE.match(text))
    return entries >= 4 and (asks * 4 >= entries or numbered * 2 >= entries)


def _has_value(text: str) -> bool:
    """`名称：内容` — a colon with text after it (a caption ends at its colon)."""
    for colon in ("：", ":"):
        i = text.find(colon)
        if i >= 0 and strip_links(text[i + 1:]).strip(" *_\t"):
            return True
    return False


_CONTENT = "content"  # a block verdict of _block_triviality: the block holds something to learn from


def trivial_reason(blocks: list[Block], lines: list[str]) -> str | None:
    """Why these blocks hold nothing to learn from (links, images, a placeholder, a pointer to another
    item, navigation, a reader sign-off), or None when they hold content. Short captions between
    links (`**数据集下载：**`, `- 大语言模型`) do not make a list of links content."""
    seen: set[str] = set()
    for b in blocks:
        verdict = _block_triviality(b, lines)
        if verdict == _CONTENT:
            return None
        if verdict:
            seen.add(verdict)
    if "caption" in seen and not seen & {"link-only", "image-only"}:
        return None  # a short answer is still an answer
    for reason in ("placeholder", "reference", "toc", "link-only", "image-only", "sign-off"):
        if reason in seen:
            return reason
    return "empty"


def _block_triviality(b: Block, lines: list[str]) -> str:
    """One block as trivial_reason sees it: _CONTENT, a reason it holds nothing (`link-only`, `toc`,
    `caption`…), or "" when it counts neither way (a rule, a comment, a line without words)."""
    if b.kind in ("hr",) or is_comment(b, lines):
        return ""
    if b.kind in ("fence", "code"):
        return _CONTENT
    text = block_text(b, lines)
    lab = block_label(b, lines)
    if lab is not None and lab.cat in FIELD_CATS and lab.rest:
        return _CONTENT  # a labelled field with text is content, whatever it says
    if b.kind in ("table", "list") and _link_rows(b, lines):
        return "link-only"
    if _question_outline(b, lines):
        return "toc"
    if b.kind == "table":
        return _CONTENT
    if (len(text) > 300 and b.kind in ("paragraph", "quote", "list") and "](" not in text and "://" not in text
            and substance(text[:300]) > 20):
        return _CONTENT  # a long text with words in its first lines: content (links and sign-offs are short)
    sub = substance(text, cap=20)  # compared with 0, 8 and 20 below
    if b.kind == "html":
        if has_image(text) and sub == 0:
            return "image-only"
        if sub > 20:
            return _CONTENT
        return "caption" if sub else ""
    return _text_triviality(b, text, sub, lines)


# a short line that says something (`用关键字 explain 来查看执行计划`) rather than naming what follows
# (`RNN vs CNN`, `**数据集下载**`); a figure's lead-in (`结构如下图所示`) names what follows however it is worded
_STATES_RE = re.compile(r"是|用|使用|通过|可以|能够|需要|采用|利用|调用|表示|指的?是|意味着|取决于|等于|不[是能会]")
FIGURE_LEAD_RE = re.compile(r"如下|如上|下图|上图|见图|图示|所示|示意|如图|下面|以下|below|above|figure|shown", re.I)


# a display formula standing alone, and a line that names four things or more parted by 、 or commas
_DISPLAY_MATH_RE = re.compile(r"\$\$[^$]+\$\$", re.S)
_ENUMERATION_RE = re.compile(r"(?:[^、，,。；;：:\n]{1,20}[、，,]\s*){3,}[^、，,。；;：:\n]{1,20}")


def _text_triviality(b: Block, text: str, sub: int, lines: list[str]) -> str:
    """_block_triviality of a paragraph, quote, list or heading whose words `sub` were counted."""
    stripped = "\n".join(unquote(ln).strip() for ln in text.split("\n"))
    if is_placeholder(text) or (TODO_RE.search(text) and substance(TODO_RE.sub(" ", text)) <= 2):
        return "placeholder"
    if CROSS_REF_RE.match(stripped.strip()) and "\n" not in stripped.strip():
        return "reference"
    if all(is_navigation(ln) or not ln.strip() for ln in text.split("\n")):
        return "link-only"
    if sub == 0 and has_image(text):
        return "image-only"
    if sub <= 8 and has_reference(text):
        return "link-only"
    if sub == 0:
        return ""
    if (b.kind == "list" and all(is_sign_off(block_text(it, lines)) for it in b.children)) or (b.kind != "list" and is_sign_off(stripped)):
        return "sign-off"
    if _DISPLAY_MATH_RE.fullmatch(stripped.strip()) or _ENUMERATION_RE.fullmatch(stripped.strip()):
        return _CONTENT  # a formula (`$$\sigma(x)=…$$`), a list of names in one line (`准确率、召回率、ROC，AUC，F1`): an answer
    if sub <= 20 and not stripped.rstrip("*_ ").endswith(("。", ".", "！", "!")) and not _has_value(stripped) \
            and not (_STATES_RE.search(stripped) and not FIGURE_LEAD_RE.search(stripped)):
        return "caption"
    return _CONTENT


def answer_like(blocks: list[Block], lines: list[str]) -> bool:
    """Whether nested or following blocks answer a list question: code, or statements that are not
    links, a placeholder, the candidate's narrative (`我说了…`, `让我写出来`) or further questions
    (an outline of follow-ups is not an answer). Read line by line."""
    for b in blocks:
        for leaf in b.walk():
            if leaf.kind in ("fence", "code", "table"):
                return True
    if trivial_reason(blocks, lines) is not None:
        return False
    asks = stated = 0
    long_statement = False
    for b in blocks:
        for leaf in _leaves(b):
            for raw in lines[leaf.start - 1:leaf.end]:
                text = _strip_entry(unquote(raw))
                sub = substance(text, cap=40)
                if sub <= 2 or NARRATIVE_RE.search(text) or is_sign_off(text):
                    continue
                strength = question_strength(text)
                if (strength == 2 and sub <= 40) or (strength == 1 and sub <= 15):
                    asks += 1
                    continue
                stated += 1
                long_statement = long_statement or sub > 40
    return stated > 0 and (long_statement or stated * 2 > asks)


def _strip_entry(s: str) -> str:
    """A line without its list marker (`- `, `1. `, `2) `)."""
    t = s.lstrip(" \t")
    if t[:1] in ("-", "*", "+") and t[1:2] in (" ", "\t", ""):
        return t[1:].strip()
    i = 0
    while i < len(t) and t[i].isdigit():
        i += 1
    if i and t[i:i + 1] in (".", ")") and t[i + 1:i + 2] in (" ", "\t", ""):
        return t[i + 1:].strip()
    return t.strip()


def _leaves(b: Block):
    for x in b.walk():
        if x.kind in ("paragraph", "fence", "code", "table", "html", "heading"):
            yield x


def list_items_of(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if b.kind == "list":
            out.extend(c for c in b.children if c.kind == "item")
    return out


def item_head(item: Block) -> Block | None:
    """The first paragraph of a list item (its prompt), if it starts with one."""
    if item.children and item.children[0].kind == "paragraph" and item.children[0].start == item.start:
        return item.children[0]
    return None


def is_prompt_list(blocks: list[Block], lines: list[str], log: bool = False) -> bool:
    """A body that is a list of prompts nobody answers here: interview questions listed with links
    to answers elsewhere, or the rounds of an interview log (`自我介绍`, `【算法】手写 K-Means`):
    at least half of the entries ask (or point to a page), or, under a bare label such as `一面` in an
    interview log, three or more short entries, few of them answered."""
    items = list_items_of(blocks)
    if len(items) < 2:
        return False
    for b in blocks:
        if b.kind == "list":
            continue
        t = block_text(b, lines)
        if b.kind in ("fence", "code", "table") or (substance(t, cap=30) > 30 and not has_reference(t)):
            return False
    answered = asking = 0
    for it in items:
        head = item_head(it)
        text = " ".join(s.strip() for s in lines[head.start - 1:head.end]) if head else ""
        sub = substance(text, cap=80)
        strength = question_strength(text)
        if text.lstrip(" \t-*+0123456789.").startswith("【"):
            strength = 2  # a tagged problem: 【算法】…, 【编程题】…
        if sub > (80 if strength == 2 else 40) or (sub > 15 and strength < 2 and text.rstrip("*_ ").endswith(("。", "."))):
            return False
        if strength >= 1 or (text and sub == 0 and has_reference(text)):
            asking += 1
        rest = [c for c in it.children if c is not head]
        if rest and answer_like(rest, lines):
            answered += 1
    if answered * 3 > len(items):
        return False
    return asking * 2 >= len(items) or (log and len(items) >= 3)


def body_features(sec: Section, lines: list[str]) -> None:
    blocks = [b for b in sec.body if not is_comment(b, lines)]
    labels: dict[str, int] = {}
    for k, b in enumerate(blocks):
        for _, lab in split_at_labels(b, block_label(b, lines), lines):
            if lab is not None and lab.cat in FIELD_CATS and lab.indent <= 3 and not names_drawback(blocks, k, lab, lines):
                labels[lab.cat] = labels.get(lab.cat, 0) + 1
    sec.labels = labels
    if not blocks:
        sec.body_kind, sec.body_reason = "empty", "empty"
        return
    reason = trivial_reason(blocks, lines)
    if reason is not None:
        sec.body_kind, sec.body_reason = "trivial", reason
        return
    if _labelled_entries(blocks, lines) >= 2 or _question_paragraphs(blocks, lines) >= 2:
        sec.body_kind, sec.body_reason = "qa-list", "labelled list"
        return
    if sec.heading is not None and sec.strength < 2 and _bold_question_list(blocks, lines):
        # `### 6.2 一些细节` over `**为何使用多头？**` `**为何要缩放？**`: a topic heading over bold questions
        # groups them (under a heading that asks, bold questions are the answer's own sub-questions)
        sec.body_kind, sec.body_reason = "qa-list", "bold questions"
        return
    if not labels and sec.strength < 2 and is_prompt_list(blocks, lines, log=sec.number is None and substance(sec.name) <= 6 and _in_log(sec)):
        sec.body_kind, sec.body_reason = "prompts", "questions"
        return
    sec.body_kind = "content"


def _in_log(sec: Section) -> bool:
    """Whether a section sits in an interview log or exam write-up (面经, 笔试, 面试记录)."""
    p = sec.parent
    while p is not None and p.heading is not None:
        if LOG_RE.search(p.title):
            return True
        p = p.parent
    return False


def _labelled_entries(blocks: list[Block], lines: list[str]) -> int:
    """List entries that carry their own field labels (`1. **问题？**` then `- **答案**：…`)."""
    n = 0
    for it in list_items_of(blocks):
        head = item_head(it)
        if head is not None and head_answer_line(it, head, lines) is not None:
            n += 1  # `1. **Q**: …` / `   **A**: …` in one paragraph
            continue
        for c in it.children:
            if c is head:
                continue
            lab = block_label(c, lines)
            if lab is not None and lab.cat in FIELD_CATS + ("code",) and not (len(lab.word) <= 2 and lab.word.isascii()):
                n += 1
                break
    return n


def head_answer_line(it: Block, head: Block, lines: list[str]) -> int | None:
    """The line of an answer label in the paragraph that opens a list entry whose first line carries a
    question label (`1. **Q**: 解释自注意力` / `   **A**: 自注意力…`), if any."""
    if head.end == head.start:
        return None
    own = label_of(lines[it.start - 1].lstrip(" \t")[len(it.info):].lstrip())
    if own is None or own.cat != "question":
        return None
    for part, lab in split_at_labels(head, None, lines)[1:]:
        if lab is not None and lab.cat == "answer":
            return part.start
    return None


_NUMBER_STARTS = frozenset("0123456789０１２３４５６７８９*_(（一二三四五六七八九十题问面习练第Qq")


# `**为何使用多头？**（为什么不用一个头）`: a bold part that asks with a question mark, then at most an aside
_BOLD_ASK_RE = re.compile(
    r"(?P<b>\*\*|__)(?P<q>[^*_\n]*[^*_\s][?？])[ \t]*(?P=b)[ \t]*(?P<aside>[(（][^()（）\n]{0,80}[)）])?[ \t]*$"
)


def bold_question(line: str) -> str | None:
    """The text of a one-line paragraph whose bold part asks with a question mark (with the bracketed
    aside after it, if any), else None. An answer written on the same line after the bold question is
    not taken: that paragraph holds the answer too."""
    m = _BOLD_ASK_RE.match(line.strip())
    if m is None:
        return None
    return m["q"].strip() + (m["aside"] or "")


def _bold_question_list(blocks: list[Block], lines: list[str]) -> bool:
    """Whether a body is a list of bold questions with their answers: it opens with one, holds two
    or more, and no one-line bold paragraph in it states instead of asking (`**static的作用**` among
    `**什么是static？**` makes the bold lines sub-headings of one explanation)."""
    if not blocks or blocks[0].kind != "paragraph" or blocks[0].start != blocks[0].end \
            or bold_question(lines[blocks[0].start - 1]) is None:
        return False
    asks = 0
    for b in blocks:
        if b.kind != "paragraph" or b.start != b.end:
            continue
        s = lines[b.start - 1].strip()
        inner = strip_bold(s)
        if bold_question(s) is not None or (inner != s and question_strength(inner) == 2):
            asks += 1
        elif inner != s:
            return False
    return asks >= 2


def _question_paragraphs(blocks: list[Block], lines: list[str]) -> int:
    """Paragraphs that start items of their own: a numbered question line (`2.xxx?`,
    `**1-1** QA：…`) or a one-line bold numbered or asking paragraph (`**3.如何…；**`)."""
    n = 0
    for b in blocks:
        if b.kind != "paragraph":
            continue
        s = lines[b.start - 1].strip()
        if s[:1] not in _NUMBER_STARTS:
            continue
        num, title, _ = split_number(s)
        inner = strip_bold(s)
        numbered_question = num is not None and question_strength(title) == 2
        bold_question = b.start == b.end and inner != s and question_strength(inner) == 2 and split_number(inner)[0] is not None
        if numbered_question or bold_question:
            n += 1
    return n


def short_intro(sec: Section, lines: list[str]) -> bool:
    """A body that only introduces the sub-sections: at most two short blocks, no code."""
    blocks = [b for b in sec.body if not is_comment(b, lines)]
    if sec.body_kind in ("empty", "trivial"):
        return True
    if len(blocks) > 2 or any(b.kind in ("fence", "code", "table") for b in blocks):
        return False
    return sum(substance(block_text(b, lines), cap=60) for b in blocks) <= 60


# ------------------------------------------------------------------------------------------ building


# the words a heading that only says "the question" is made of (`## 问题`, `## 题目描述：`)
BARE_QUESTION_WORDS = frozenset({"问题", "题目", "面试题", "问题描述", "题目描述", "提问", "question"})


def _question_heading(b: Block, lines: list[str], stack: list[Section]) -> tuple[str, str] | None:
    """("label", question) for a heading that labels its own text as the question (`## 问题: X`),
    ("bare", "") for one that only says "question" (`## 问题`), None otherwise. Not under a heading
    that already asks (`### 1. 什么是X？` then `#### 问题：…`, `#### 答案：…`): there the label heading is
    a field of that item."""
    if any(s.heading is not None and (s.explicit or question_strength(s.name) == 2) for s in stack):
        return None
    lab = label_heading(b, lines)
    if lab is not None:
        rest = strip_bold(lab.rest).strip(" *_")
        return ("label", rest) if lab.cat == "question" and rest else None
    word = strip_bold(heading_text(lines[b.start - 1], b, lines)).strip(" *_:：").lower()
    return ("bare", "") if word in BARE_QUESTION_WORDS else None


def _states_question(sec: Section, lines: list[str]) -> bool:
    """Whether the paragraph under a bare question heading states the question: it opens the body,
    is text without a field label, no block under the heading labels questions of its own, and the
    body is not a run of numbered question paragraphs."""
    if not sec.body or sec.body[0].kind not in ("paragraph", "quote") or block_label(sec.body[0], lines) is not None:
        return False
    if _question_paragraphs(sec.body, lines) >= 2 or _labelled_entries(sec.body, lines) >= 2:
        return False  # `## 面试题` over `**6-1** …？` `**6-2** …？`: the heading names a list of questions
    return not any((lab := block_label(b, lines)) is not None and lab.cat == "question" for b in sec.body)


def _adopt_following(parent: Section, lines: list[str]) -> None:
    """A bare question heading's answer is the sections after it at its level, up to the next bare
    question heading (`## 问题`, text, then `## 背景`, `## 区别`, … as in one-question-per-file notes), or
    up to a section that asks questions of its own with labels (`## 延伸追问` over `### 追问 1：…？` /
    `**问题：**…` / `**答案：**…`): those are items of their own, and what follows them is no longer
    the first question's answer."""
    kids: list[Section] = []
    owner: Section | None = None
    for kid in parent.children:
        if kid.qhead == "bare":
            owner = kid
        elif owner is not None and kid.level == owner.level:
            if _labels_questions(kid, lines):
                owner = None
            else:
                kid.parent = owner
                owner.children.append(kid)
                continue
        kids.append(kid)
    parent.children = kids


def _labels_questions(sec: Section, lines: list[str]) -> bool:
    """Whether a section or one below it holds a question label in its body (`**问题：** …`)."""
    return any((lab := block_label(b, lines)) is not None and lab.cat == "question" for s in sec.walk() for b in s.body)


# headings that only say "the answer" (`### 详细解答`, `## English Interview Answer`), and headings that name
# another part of an answer (`### 基础知识补充`, `### 案例模拟`): at a numbered or asking heading's own level,
# right after it, they go on with it; an answer heading makes it a question answered below
# (the answer labels, and of the analysis labels those that give the answer, not 分析/解释)
ANSWER_HEADING_WORDS = frozenset(w.lower() for w in LABEL_WORDS["answer"] + (
    "答案解析", "解析", "详细解析", "详解", "详细解答", "简要解答", "简要回答", "简短回答", "简答", "详答", "详细回答", "面试回答", "回答示例",
    "示例回答", "Answers", "Interview Answer", "English Answer", "English Interview Answer", "Detailed Answer", "Short Answer"))
ANSWER_PART_WORDS = ANSWER_HEADING_WORDS | frozenset(w.lower() for w in (
    "答题要点", "答题思路", "解题思路", "分析", "解释", "知识点", "知识点解释", "中文知识点解释", "核心知识点", "相关知识点",
    "基础知识", "基础知识补充", "知识补充", "背景知识", "补充", "补充说明", "要点", "核心要点", "关键点", "案例", "案例模拟",
    "案例分析", "举例", "示例", "例子", "追问", "面试追问", "延伸追问", "扩展", "拓展", "延伸", "Explanation", "Example",
    "Follow-up", "Follow-ups", "Key Points"))


def _heading_word(sec: Section) -> str:
    return "" if sec.number else strip_bold(sec.title).strip(" *_:：").lower()


def _answer_section(sec: Section) -> bool:
    return _heading_word(sec) in ANSWER_PART_WORDS


def _adopt_answer_sections(parent: Section) -> None:
    """Sections right after a numbered or asking heading, at its own level, whose headings only name a part
    of an answer (`### 1. 什么是 MQA？`, then `### 基础知识补充`, `### 详细解答`, `### 案例模拟`): they
    are that heading's answer, not items of their own."""
    kids: list[Section] = []
    owner: Section | None = None
    bare = False  # the owner asks with a question mark and has nothing under it
    for kid in parent.children:
        if owner is not None and kid.level == owner.level and (_answer_section(kid) or (bare and _subtopic(kid))):
            kid.parent = owner
            owner.children.append(kid)
            # (an answer heading, or sub-topics under a question with nothing of its own: `### 如何剪枝？`, then
            # `### 预剪枝`, `### 后剪枝`)
            owner.answer_parts = owner.answer_parts or bare or _heading_word(kid) in ANSWER_HEADING_WORDS
            continue
        owner = kid if kid.heading is not None and (kid.number or kid.qhead == "label" or question_strength(kid.name) == 2) else None
        bare = owner is not None and not owner.body and not owner.children and QMARK_RE.search(owner.title[-3:]) is not None
        kids.append(kid)
    parent.children = kids


def _decide_title(sec: Section, lines: list[str], bank: bool, levels: set[int]) -> None:
    if _opens_answer_heading(sec):
        sec.role = "item"  # `# 文档分块策略有哪些？`, `## 简短回答`, `## 详细解析`: one question per file, answered below
        _mark_parts(sec)
        return
    sec.role = "title"
    _decide_children(sec, lines, bank, sec, levels)


def _opens_answer_heading(sec: Section) -> bool:
    """Whether the first sub-heading names an answer (`## 简短回答`, `## 答案`) and holds text, under a title that
    names no bank and whose own body is at most a note in quotes (`> 难度：基础`): what the section says first is its
    own answer. (A bank's title over its list of questions and a `## 参考回答` holding their answers is no question.)"""
    kids = [k for k in sec.children if k.heading is not None]
    return bool(kids) and _heading_word(kids[0]) in ANSWER_HEADING_WORDS and kids[0].body_kind == "content" \
        and not BANK_RE.search(sec.name) and all(b.kind == "quote" for b in sec.body)


def _subtopic(sec: Section) -> bool:
    """A short topic heading (`### 预剪枝`): no number, no question, a few words, text under it and no
    question below it (`#### 词嵌入方法` over `##### Word2Vec？` is a group of its own)."""
    name = strip_bold(sec.title).strip(" *_:：")
    return not sec.number and 0 < len(name) <= 12 and question_strength(name) < 2 and not NON_QA_SECTION_RE.search(name) \
        and bool(sec.body) and not any(QMARK_RE.search(k.title) for k in sec.walk() if k is not sec)


def build_sections(tree: Tree) -> Section:
    """The section tree of a document, each section's role decided."""
    lines = tree.lines
    root = Section(None, 0, "", role="root")
    stack = [root]
    bare = False
    folded = False  # inside a collapsible answer (`<details><summary>💡 答案要点</summary>` … `</details>`)
    fold_level = 0  # the level of the section the collapsible belongs to
    for k, b in enumerate(tree.blocks):
        if b.kind == "html":
            low = lines[b.start - 1].lstrip().lower()
            if low.startswith("<details") and _answer_summary(k, lines, tree.blocks):
                folded = "</details>" not in "\n".join(lines[b.start - 1:b.end]).lower()
                fold_level = stack[-1].level
            elif folded and "</details>" in "\n".join(lines[b.start - 1:b.end]).lower():
                folded = False
        if b.kind == "heading" and folded and b.level > fold_level:
            # a heading inside a folded answer (`### 选择维度`) is part of the answer; one at the level of the
            # question that owns the fold, or above, begins the next part whatever was left open
            stack[-1].body.append(b)
            continue
        folded = folded and b.kind != "heading"
        if b.kind == "heading":
            qhead = _question_heading(b, lines, [s for s in stack if s.level < b.level])
            if qhead is None and label_heading(b, lines) is not None:
                stack[-1].body.append(b)  # a field label (`#### 答案：`) of the section it sits in
                continue
            while len(stack) > 1 and stack[-1].level >= b.level:  # the root stays, whatever a heading's level
                stack.pop()
            title = heading_text(lines[b.start - 1], b, lines)
            num, name, explicit = split_number(title)
            sec = Section(b, b.level, title, num, name, explicit, parent=stack[-1])
            if qhead is not None:
                sec.qhead, sec.explicit = qhead[0], True
                sec.name = qhead[1]
                bare = bare or qhead[0] == "bare"
            stack[-1].children.append(sec)
            stack.append(sec)
        else:
            stack[-1].body.append(b)
    if bare:
        for sec in list(root.walk()):
            if sec.qhead == "bare" and not _states_question(sec, lines):
                sec.qhead = ""  # `## 面试题` over `Q1：…` `Q2：…`: a group heading after all
                sec.number, sec.name, sec.explicit = split_number(sec.title)
        for sec in list(root.walk()):
            _adopt_following(sec, lines)
    for sec in list(root.walk()):
        _adopt_answer_sections(sec)
    for sec in root.walk():
        if sec.heading is not None:
            sec.strength = 2 if sec.explicit else question_strength(sec.name)
        body_features(sec, lines)
    _decide(root, lines)
    return root


def release(root: Section) -> None:
    """Drop the parent links, the only reference cycles of a section tree, once it has been read: the
    tree and its blocks are then freed by reference counting when parsing ends instead of waiting
    for (and slowing down) the cyclic garbage collector."""
    for sec in root.walk():
        sec.parent = None


def _title_section(root: Section) -> Section | None:
    """The document's title: its first heading, when it is unnumbered and either of level 1 or the
    only heading at its level and above."""
    if not root.children:
        return None
    first = root.children[0]
    if first.number is not None or first.qhead:
        return None
    if first.level == 1 and (first.children or len(root.children) == 1):
        return first
    if len(root.children) == 1 and first.children:
        return first
    if first.body_kind in ("empty", "trivial") and not first.children and not QMARK_RE.search(first.name) \
            and _numbered_from_start(root.children[1:], first.level):
        # `## 如何使用预训练模型` over `## 0. 基础概念`, `## 1. …`: the file's title, written at their level
        # (`## 什么是过拟合？` over `## 1. 什么是欠拟合？` is a question of its own, left unanswered)
        return first
    return None


def _numbered_from_start(sections: list[Section], level: int) -> bool:
    """Whether the headings of `level` among `sections` are numbered, two at least, the first as 0 or 1
    (an unnumbered heading before them is no part of their numbering: a missing first number would be 1)."""
    same = [s for s in sections if s.level == level]
    return len(same) >= 2 and all(s.number is not None for s in same) and (same[0].number or "").strip() in ("0", "1")


TOC_TITLE_RE = re.compile(r"(?:文章|内容|本章|全书)?目\s*录|(?:table\s+of\s+)?contents|toc", re.IGNORECASE)


def _is_non_qa_title(sec: Section) -> bool:
    if sec.strength == 2:
        return False
    name = sec.name.strip(" ：:*")
    if not NON_QA_SECTION_RE.search(name):
        return False
    return len(name) <= 12 or sec.number is None


def _link_title(sec: Section) -> bool:
    return has_reference(sec.title) and substance(sec.title) <= 8


def _asks_with_mark(sec: Section) -> bool:
    """Whether a heading asks unmistakably: a question mark, explicit numbering or labels, or a prompt
    addressed to the reader with 请 (`# 2. 请简要说说一个机器学习项目的流程`)."""
    return sec.explicit or "？" in sec.name or "?" in sec.name or bool(sec.labels.get("question")) \
        or (sec.name.lstrip(" *_").startswith("请") and sec.strength == 2)


def _doc_is_bank(root: Section, title: Section | None) -> bool:
    """Whether the document collects questions (then topic headings with a body are items): two or
    more sections carry field labels, or a quarter or more of its headings ask (two at least), or
    its title or a chapter says it is a question bank (面试题, FAQ, 笔试…) and one heading asks or
    one section carries labels. A project README titled `…Interview…` whose headings are 简介,
    社群, 目录 is not one."""
    heads = [s for s in root.walk() if s.heading is not None]
    if not heads:
        return False
    labelled = sum(1 for s in heads if s.labels.get("question") or s.labels.get("answer"))
    if labelled >= 2:
        return True
    named = [s for s in heads if s is not title and not _is_non_qa_title(s) and not _link_title(s)]
    asking = [s for s in named if s.strength == 2]
    if len(asking) >= 2 and len(asking) * 4 >= len(named):
        return True
    titled = any((s is title or s.children) and BANK_RE.search(s.name) and not _link_title(s) for s in heads)
    return titled and (len(asking) + labelled) >= 1


def _decide(root: Section, lines: list[str]) -> None:
    title = _title_section(root)
    bank = _doc_is_bank(root, title)
    root.bank = bank  # type: ignore[attr-defined]
    levels: set[int] = set()
    for pass_no in (1, 2):
        for s in root.walk():
            if s is not root:
                s.role, s.reason, s.split, s.absorb = "", "", False, 0
        _decide_children(root, lines, bank, title, levels if pass_no == 2 else set())
        if pass_no == 1:
            for s in root.walk():
                if s.role == "item" and s.parent is not None and s.parent.role in ("root", "title", "group", "section", "nonitem", "container"):
                    levels.add(s.level)
    # a question-bank file with one question: its title is the item
    if title is not None and title.strength == 2 and not any(s.role == "item" for s in root.walk()):
        if title.body_kind == "content":
            title.role = "item"
        elif title.body_kind in ("empty", "trivial") and any(k.body_kind == "content" for k in title.children) \
                and not any(_asks_with_mark(k) for k in title.walk() if k is not title):
            # `# GQA 是什么？为什么 LLaMA 2 用它？` over `## 1. 核心定性`, `## 2. 具体流程`, …: one question per file,
            # answered by the sections under its title, none of which asks
            title.role = "item"
            _mark_parts(title)


def _decide_children(parent: Section, lines: list[str], bank: bool, title: Section | None, levels: set[int]) -> None:
    for sec in parent.children:
        _decide_one(sec, lines, bank, title, levels)


def _mark_parts(sec: Section) -> None:
    for s in sec.walk():
        if s is not sec:
            s.role = "part"


def _should_split(sec: Section, levels: set[int], lines: list[str]) -> bool:
    kids = sec.children
    if not kids:
        return False
    if any(_asks_with_mark(k) for k in kids) or _answer_label_last(sec, lines):
        return True  # (after an empty answer label, the sub-headings are split off where the answer ends: _numbered_parts_end)
    if _stated_problem(sec, lines):
        # a stated problem (`**问题描述**` and its block) answered by the sub-headings below it
        # (`### 思路 1`, `### 如果树是二叉搜索树`): one item, however the document numbers its levels
        return False
    if _opens_with_answer(sec, lines) and not any(k.labels for k in kids):
        # the heading's answer label begins its answer: sub-headings below it that neither ask nor carry
        # labels go on with it (`**答案：**` over `#### State（状态）`, `#### Node（节点）`), even at a level
        # where the document keeps items elsewhere
        return False
    return any(k.level in levels and k.level > sec.level and (k.body_kind in ("content", "qa-list") or k.children) for k in kids)


def _opens_with_answer(sec: Section, lines: list[str]) -> bool:
    """Whether the section's body begins with an answer label (`**答案：**`, `### 参考回答：`): what
    follows answers the heading itself, not a question asked further down its body."""
    blocks = [b for b in sec.body if not is_comment(b, lines)]
    if not blocks:
        return False
    lab = block_label(blocks[0], lines)
    return lab is not None and lab.cat == "answer"


def _answer_label_last(sec: Section, lines: list[str]) -> bool:
    """Whether the section's body ends with an answer label that has nothing after it (`**A**:` on its own
    line after `**Q**: …`): the answer is what comes next, under the sub-headings."""
    blocks = [b for b in sec.body if not is_comment(b, lines)]
    if not blocks or not sec.labels.get("question"):
        return False
    lab = block_label(blocks[-1], lines)
    return lab is not None and lab.cat == "answer" and not lab.rest.strip(" \t*_：:") and blocks[-1].end == blocks[-1].start


_ARABIC_NUMBER_RE = re.compile(r"\d+")


def _numbered_parts_end() -> Callable[[Section], bool]:
    """After `**Q**: …` and an empty `**A**:`, where the sub-headings that answer it end: at the first one that asks or
    carries a number that does not count them (`### 7.正则化…` goes on with the document's own numbering; `### 1.`
    `### 2.` under the label number the answer's parts)."""
    expected = 1

    def ends(kid: Section) -> bool:
        nonlocal expected
        num = _ARABIC_NUMBER_RE.match(kid.number or "")
        if _asks_with_mark(kid) or (num is not None and int(num.group()) != expected):
            return True
        expected += num is not None
        return False

    return ends


def _absorb_parts(sec: Section, ends: Callable[[Section], bool]) -> None:
    """The sub-headings that open the section, up to the first one `ends`, are parts of its answer."""
    while sec.absorb < len(sec.children) and not ends(sec.children[sec.absorb]):
        _mark_parts(sec.children[sec.absorb])
        sec.children[sec.absorb].role = "part"
        sec.absorb += 1


def _decide_split(sec: Section, lines: list[str], bank: bool, title: Section | None, levels: set[int], asks: bool) -> None:
    """A section whose sub-headings are items of their own: it is an item itself when it asks (or
    the document is a question bank) and has content, else a chapter; a stated problem's first
    sub-headings that do not ask are parts of its answer."""
    sec.split = True
    labelled = _answer_label_last(sec, lines)
    if labelled:
        sec.role = "item"  # `**Q**: …` then `**A**:` and nothing more: the sub-headings that follow are the answer
        _absorb_parts(sec, _numbered_parts_end())
    elif not asks and _CHAPTER_NUM.search(sec.number or "") and _asked_below(sec):
        sec.role, sec.reason = "group", "chapter"  # `# 第二章 …` over questions: its body introduces them
    elif sec.body_kind == "content" and (asks or bank) and not short_intro(sec, lines):
        sec.role = "item"
    elif sec.body_kind == "content" and asks:
        sec.role = "item"
    else:
        sec.role, sec.reason = "group", "chapter"
    if sec.role == "item" and not labelled and _stated_problem(sec, lines):
        _absorb_parts(sec, _asks_with_mark)  # the sub-headings before the first one that asks answer the stated problem
    for kid in sec.children[sec.absorb:]:
        _decide_one(kid, lines, bank, title, levels)


def _decide_one(sec: Section, lines: list[str], bank: bool, title: Section | None, levels: set[int]) -> None:
    if sec is title:
        _decide_title(sec, lines, bank, levels)
        return
    if _link_title(sec):
        sec.role, sec.reason = "nonitem", "link-only"
        _decide_children(sec, lines, bank, title, levels)
        return
    if sec.qhead:
        _decide_question_heading(sec, lines)
        return
    if sec.answer_parts and any(k.body_kind == "content" for k in sec.children if _heading_word(k) in ANSWER_HEADING_WORDS or not sec.body):
        sec.role = "item"  # `### 1. …的原理`, then `### 详细解答` and its text: a question answered below
        _mark_parts(sec)
        return
    if TOC_TITLE_RE.fullmatch(sec.name.strip(" ：:*_")) and sec.strength < 2:
        # a table of contents lists the questions (`1.9 What is …? 4`, page numbers and all): none is asked there
        sec.role, sec.reason = "nonitem", "toc"
        _decide_children(sec, lines, bank, title, levels)
        return
    if sec.labels.get("question", 0) > 1 or sec.body_kind == "qa-list":
        sec.role, sec.reason = "container", "labels"
        _decide_children(sec, lines, bank, title, levels)
        return
    if _is_non_qa_title(sec) and not sec.labels:
        sec.role, sec.reason = "nonitem", "toc" if sec.body_kind == "trivial" else "section"
        _decide_children(sec, lines, bank, title, levels)
        return
    # outside a question bank only an explicit question counts (a question mark, 题目 3 / Q4, labels):
    # notes have headings like `判断奇偶` or `对比学习` that read as prompts but are not
    asks = (sec.strength == 2 and (bank or _asks_with_mark(sec))) or bool(sec.labels)
    topic_ok = bank
    if not sec.name.strip(" ：:*_.．、)）0123456789０１２３４５６７８９") and not sec.labels:
        sec.role, sec.reason = "nonitem", "untitled"  # `# 14.` with no question at all
        _decide_children(sec, lines, bank, title, levels)
        return
    if TODO_RE.search(sec.name) and sec.body_kind in ("empty", "trivial") and not sec.children:
        sec.role, sec.reason = "nonitem", "placeholder"
        return
    if sec.children and _should_split(sec, levels, lines):
        _decide_split(sec, lines, bank, title, levels, asks)
        return
    if asks:
        if sec.body_kind == "content" or (sec.children and sec.body_kind in ("empty", "trivial")
                                          and any(k.body_kind == "content" or k.children for k in sec.children)):
            if sec.body_kind == "content" and _question_only(sec, lines) and not sec.children:
                sec.role, sec.reason = "nonitem", "no-answer"
                return
            sec.role = "item"
            _mark_parts(sec)
            return
        if sec.body_kind == "prompts":
            sec.role, sec.reason = "container", "questions"
            _decide_children(sec, lines, bank, title, levels)
            return
        sec.role, sec.reason = "nonitem", sec.body_reason or "empty"
        _decide_children(sec, lines, bank, title, levels)
        return
    # a topic heading: a chapter when its sub-headings hold the questions (`# 第二章 机器学习基础`, an
    # introduction, then `### 2.1.2 什么是神经网络`), however long its introduction
    if sec.children and (short_intro(sec, lines) or sec.body_kind != "content" or _asked_below(sec)):
        sec.role, sec.reason = "group", "chapter"
        _decide_children(sec, lines, bank, title, levels)
        return
    if sec.body_kind == "prompts":
        sec.role, sec.reason = "container", "questions"
        _decide_children(sec, lines, bank, title, levels)
        return
    if topic_ok and sec.body_kind == "content":
        if _question_only(sec, lines) and not sec.children:
            sec.role, sec.reason = "nonitem", "no-answer"
            return
        sec.role = "item"
        _mark_parts(sec)
        return
    if sec.body_kind in ("empty", "trivial"):
        sec.role, sec.reason = "nonitem", sec.body_reason
    else:
        sec.role, sec.reason = "section", "not a question"
    _decide_children(sec, lines, bank, title, levels)


def _decide_question_heading(sec: Section, lines: list[str]) -> None:
    """A question heading is an item when something answers it: for `## 问题: X` its body or its
    sub-sections, for a bare `## 问题` what follows the question paragraph under it."""
    body = sec.body[1:] if sec.qhead == "bare" else sec.body
    answered = (body and trivial_reason(body, lines) is None) or any(
        k.body_kind == "content" or k.children for k in sec.children)
    if sec.qhead == "bare" and not sec.body:
        sec.role, sec.reason = "nonitem", "untitled"
    elif answered:
        sec.role = "item"
        _mark_parts(sec)
        return
    else:
        sec.role, sec.reason = "nonitem", sec.body_reason or "no-answer"
    for kid in sec.children:
        _decide_one(kid, lines, False, None, set())


def _asked_below(sec: Section) -> bool:
    """Whether a heading below `sec` asks with a question mark, explicit numbering or labels, or holds
    a list of questions in its body. Each
    section's answer is kept, so asking it of every section of a deep tree stays linear."""
    if sec.asked_below is None:
        sec.asked_below = any(_asks_with_mark(kid) or kid.body_kind == "qa-list" or _asked_below(kid) for kid in sec.children)
    return sec.asked_below


def lists_problems(lab: Label, nxt: Block | None, lines: list[str]) -> bool:
    """`问题：` alone over a list of entries none of which asks: the problems (drawbacks) of what the
    section describes, as in `one-hot 表示 … 问题：1. 维度太高 2. 无法计算相似度`, not a question."""
    if lab.word != "问题" or lab.rest.strip(" *_") or lab.number or nxt is None or nxt.kind != "list":
        return False
    heads = [lines[it.start - 1] for it in nxt.walk() if it.kind == "item"]
    # an entry asks with a question mark, or as a short question (a long sentence with 什么 in it states); an
    # entry keyed by a bold name (`- **黑箱决策**: 无法理解机器人为什么这样做`) names a problem and describes it
    return bool(heads) and not any("?" in h or "？" in h or (question_strength(h) == 2 and len(h.strip()) <= 30
                                                            and not _KEYED_ENTRY_RE.match(h)) for h in heads)


_KEYED_ENTRY_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)、])\s+\*\*[^*]{1,30}\*\*\s*[:：]")


# a paragraph that ends announcing problems (`…但其实也存在两个问题。`, `主要有以下几个问题：`)
_PROBLEMS_ANNOUNCED_RE = re.compile(r"(?:存在|有|面临|遇到|带来|导致|两|三|四|几|一些|以下|如下|这些|主要)[^。？?！!\n]{0,8}(?:问题|缺点|不足|局限)"
                                    r"\s*(?:\*\*)?\s*[。：:]?\s*(?:\*\*)?\s*$")


def names_drawback(blocks: list[Block], k: int, lab: Label, lines: list[str]) -> bool:
    """Whether `问题` labelling block k names a drawback, not a question: its text states (no question mark, no
    question word), and it is one key of a list keyed by bold names (`- **原理**：…` `* **问题**：…` `* **适用场景**：…`)
    or follows a paragraph that announces problems (`…也存在两个问题。⏎问题1：当两框不相交时…`)."""
    if lab.word != "问题" or lab.cat != "question":
        return False
    rest = strip_bold(lab.rest.split("\n", 1)[0]).strip()
    if "?" in rest or "？" in rest or (rest and question_strength(rest) == 2):
        return False
    b = blocks[k]
    if b.kind == "list":
        keyed = [it for it in b.children[1:] if _KEYED_ENTRY_RE.match(lines[it.start - 1])]
        prev_keyed = k > 0 and blocks[k - 1].kind == "list" and _KEYED_ENTRY_RE.match(lines[blocks[k - 1].start - 1]) is not None
        if keyed or prev_keyed:
            return True
    j = k - 1
    while j >= 0 and blocks[j].kind == "paragraph" and (before := block_label(blocks[j], lines)) is not None \
            and before.word == "问题":  # (问题1：…⏎问题2：…: the announcement is before the first)
        j -= 1
    while j >= 0 and blocks[j].kind == "paragraph" and _IMAGE_ONLY_RE.fullmatch(lines[blocks[j].start - 1].strip()):
        j -= 1  # (a figure between the announcement and the problems)
    return j >= 0 and blocks[j].kind == "paragraph" and _PROBLEMS_ANNOUNCED_RE.search(lines[blocks[j].end - 1]) is not None


_IMAGE_ONLY_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def states_problem(lab: Label) -> bool:
    """`问题：` with a text that states rather than asks (no question mark, no question word): after a
    section's own text, the problem the notes go on to solve (`问题：在很多应用中，我们希望…`); a
    `问题描述：` or `题目：` states a problem to solve and stays a label."""
    rest = strip_bold(lab.rest.split("\n", 1)[0]).strip()
    return lab.word == "问题" and bool(rest) and question_strength(rest) < 2 and not lab.number


def _question_only(sec: Section, lines: list[str]) -> bool:
    """A body that states the question (a 问题描述 label and its block) and nothing else; a short
    note may come before the label (`> 《剑指 Offer》 7.2`)."""
    blocks = [b for b in sec.body if not is_comment(b, lines)]
    if not blocks:
        return False
    first = 0
    if len(blocks) > 1 and block_label(blocks[0], lines) is None and blocks[0].kind in ("quote", "paragraph") \
            and blocks[0].end - blocks[0].start < 2 and len(block_text(blocks[0], lines)) <= 80:
        first = 1
    b = blocks[first]
    lab = block_label(b, lines)
    if lab is None or lab.cat != "question":
        return False
    if lists_problems(lab, blocks[first + 1] if first + 1 < len(blocks) else None, lines) or (first and states_problem(lab)):
        return False  # `问题：` over the drawbacks of what the note above it describes
    if len(split_at_labels(b, lab, lines)) > 1:
        return False
    rest = blocks[first + 1:] if lab.rest else blocks[first + 2:]
    return not rest or trivial_reason(rest, lines) is not None


def _stated_problem(sec: Section, lines: list[str]) -> bool:
    return bool(sec.labels.get("question")) and _question_only(sec, lines)
