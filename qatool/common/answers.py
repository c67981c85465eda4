"""When an answer is no answer: the one definition that the linter (QA001 empty-answer, QA002
placeholder-answer) and the export's quarantine gates share, so they cannot disagree.

Kinds, checked in this order (the first that holds is the answer's defect):

- `empty`            nothing but markup (a `**答案：**` label with nothing after it, `<details></details>`)
- `same-as-question` the answer only repeats the question
- `placeholder`      only TODO / `- [ ]` / 待补充 / 待更新 / 略 / 同上 / 无 / 见原文 / 见链接 / TBD …, or a
                     note to self (`TODO: 补充推导`)
- `image-only`       only images (and words like 如图 / 下图 / image); a formula rendered as an image
                     (codecogs, zhihu) is text, not an image
- `link-only`        only links or URLs (and words like 参考 / 详见 / 原文 / 知乎解读 / 点击查看答案), or
                     a link beside questions that it answers elsewhere
- `image-dependent`  (with `images=True`) an image the text points at (如图 / 见下图 / 如下图所示) and
                     fewer than `IMAGE_DEPENDENT_CHARS` characters of its own: half an answer without it
- `too-short`        (with `min_chars`) fewer than `min_chars` letters, digits and CJK characters;
                     a choice letter answering a question with lettered options is not too short

Characters are counted as letters, digits and CJK characters of the visible text: markup, URLs and
punctuation do not count, code and formulas do.

>>> answer_defect("- [ ] TODO").kind, answer_defect("见[原文](https://x.cn/a)").kind
('placeholder', 'link-only')
>>> answer_defect("训练时随机丢弃神经元，防止过拟合。") is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from qatool.common.markup import Span, blocks, formula_of, is_html_tag, scan_inline, tag_name

DEFAULT_MIN_ANSWER_CHARS = 8
IMAGE_DEPENDENT_CHARS = 40
KINDS = ("empty", "same-as-question", "placeholder", "image-only", "link-only", "image-dependent", "too-short")

# ------------------------------------------------------------------------------------ vocabularies
# Matched against the answer's letters, digits and CJK characters run together and case-folded
# ("- [ ] TODO：" -> "todo"), so punctuation, spacing and markup never matter.

_STRONG = ("todo|tbd|tba|fixme|wip|placeholder|comingsoon|tobecontinued|tobeadded|tobedone|"
           "待补充|待补|待完善|待更新|待续|未完待续|待整理|待添加|待填写|待填|待写|待定|待做|待回答|待解答|"
           "占位|占坑|挖坑|敬请期待|施工中|建设中|更新中|整理中|编写中|撰写中|补充中|"
           "后续补充|后续更新|后面补充|以后补充|稍后补充|稍后更新|有空再写|有空补充|有时间再写|有时间补充|"
           "未完成|暂未完成|暂缺|空缺|未填写|未作答")
_WEAK = ("略|省略|此处省略|无|暂无|没有|空|同上|同前|同上题|同前题|见上|见上文|见下文|见前文|见后文|见原文|"
         "参见原文|详见原文|见链接|详见链接|见文章|见书|见书本|参考原文|看原文|见参考|见参考资料|参考答案|答案|答|解析|"
         "同第\\d+题|见第\\d+题|同\\d+|none|null|nil|na|n(?![0-9])|xxx|tbc")  # (`N*1` is an answer: a shape, not N/A)
_SUBJECT = "(?:本题|此题|该题|本节|这题|这里|此处|这部分|这个|答案|内容|解析|暂时|目前|暂|还|尚)?"
_TAIL = "(?:答案|内容|解析|中|了|\\d*)?"

def _hint_automaton() -> ahocorasick.Automaton:
    """Every strong placeholder word, to find in one pass whether a text can hold a placeholder line."""
    auto = ahocorasick.Automaton()
    words = set(_STRONG.split("|")) | {"to do", "to be", "coming soon", "tbc"}
    for w in words:
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


_HINTS = _hint_automaton()
_STRONG_RE = re.compile(f"^(?:{_SUBJECT}(?:{_STRONG}){_TAIL})+$")
_ANY_PLACEHOLDER_RE = re.compile(f"^(?:{_SUBJECT}(?:{_STRONG}|{_WEAK}){_TAIL})+$")
# "TODO: 补充 BN 的推导", "待补充：反向传播" - a marker, a separator and a short note
_NOTE_RE = re.compile(f"^\\W*(?:{_SUBJECT}(?:{_STRONG}))\\s*[:：\\-—–]", re.I)
_NOTE_CHARS = 40

_LINK_FILLER_RE = re.compile(
    "^(?:见|参见|参考|参阅|详见|请见|请看|请参考|请参阅|可参考|可以参考|可参看|具体参考|具体见|具体|更多|详细|详情|"
    "更详细|请查阅|查阅|查看|阅读|点击|点此|点这里|这里|此处|链接|原文|地址|传送门|出处|来源|资料|文献|"
    "相关|文章|博客|博文|论文|解读|知乎|csdn|博客园|简书|掘金|github|arxiv|公众号|微信|百家号|视频|教程|答案|解答|"
    "如下|下面|以下|here|link|links|see|ref|refs|reference|references|source|paper|click|more|details|"
    "blog|post|article|read|url|的|和|与|及|或)*$")
_IMAGE_FILLER_RE = re.compile(
    "^(?:如图|如下图|如上图|见图|见下图|见上图|下图|上图|图示|图片|图|示意图|截图|所示|如下|如上|"
    "figure|fig|image|img|pic|picture|see|below|above|shown|as|the)*$")
FIGURE_REF_RE = re.compile(
    r"如图|如下图|如上图|见下图|见上图|见图|下图|上图|图中|图示|"
    r"(?:as )?shown (?:below|above|in the (?:figure|picture|image))|see (?:the )?(?:figure|image|picture)|"
    r"the (?:figure|picture|image) (?:below|above)", re.I)

_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_TASK = re.compile(r"^(\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+)\[[ xX]\](?=\s|$)", re.M)
_UNCHECKED = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[ \](?=\s|$)", re.M)
_FENCE_LINE = re.compile(r"^\s*(?:`{3,}|~{3,}).*$")
_QUESTION_SENTENCE = re.compile(r"[^。！!？?\n；;]*[？?]")
_CHOICE = re.compile(r"^[a-h]{1,4}$")
_OPTION_MARK = re.compile(r"(?:^|[\s（(])[A-H]\s*[.．、:：)）]", re.M)
# no run here passes the opener of another piece, so a line of unclosed `<` or `[` stays linear
_QUICK_DROP = re.compile(r"!?\[[^\[\]\n]*\]\([^()\n]*\)|https?://[^\s)]+|<[^<>\n]*>|&#?\w+;")
_MARKUP_ONLY = re.compile(r"[\s*_#>`~|:：=]+|^\s*(?:[-+]|\d+[.)])\s", re.M)
_TRIGGER = re.compile(r"[<&\[!`$]|https?://|www\.")
FAST_CHARS = 80  # with at least this many characters outside links, images and tags, only same-as-question can apply


def compact(text: str) -> str:
    """Letters, digits and CJK characters only, case-folded: what the vocabularies match."""
    return _NOT_WORD.sub("", text).casefold()


def content_chars(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class View:
    """An answer as a reader sees it: `text` without markup (code and formulas kept), link texts
    apart in `link_text`, and how many images, links (and bare URLs) and formula images it had."""

    text: str
    link_text: str = ""
    images: int = 0
    links: int = 0
    formulas: int = 0
    unchecked_task: bool = False


def view(answer: str) -> View:
    """The visible text of an answer.

    >>> v = view("<details><summary>答案</summary>\\n\\n见 [原文](https://x.cn) ![](a.png)\\n\\n</details>")
    >>> (v.text.split(), v.link_text, v.images, v.links)
    (['见'], '原文', 1, 1)
    """
    unchecked = bool(_UNCHECKED.search(answer))
    text = _TASK.sub(r"\1", answer) if "[" in answer else answer
    if not _TRIGGER.search(text):
        return View(text, unchecked_task=unchecked)
    acc = _Acc()
    b = blocks(text)
    lines = text.split("\n")
    chunk: list[str] = []
    for line, kind in zip(lines + [""], b.kinds + ("blank",)):
        if kind in ("text", "table", "html"):
            chunk.append(line)
            continue
        if chunk:
            acc.inline("\n".join(chunk))
            acc.out.append("\n")
            chunk = []
        if kind in ("code", "math"):
            if not _FENCE_LINE.match(line) and line.strip() != "$$":
                acc.out.append(line + "\n")
    return View("".join(acc.out), "".join(acc.link_text), acc.images, acc.links, acc.formulas, unchecked)


class _Acc:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.link_text: list[str] = []
        self.images = self.links = self.formulas = 0
        self.skip: str | None = None  # inside <summary>, <script> or <style>: not visible
        self.anchor = False  # inside <a href>: link text

    def emit(self, s: str) -> None:
        if self.skip is None:
            (self.link_text if self.anchor else self.out).append(s)

    def inline(self, s: str, in_link: bool = False) -> None:
        pos = 0
        for sp in scan_inline(s):
            self.emit(s[pos:sp.start])
            pos = sp.end
            self.span(s, sp, in_link)
        self.emit(s[pos:])

    def span(self, s: str, sp: Span, in_link: bool) -> None:
        raw = s[sp.start:sp.end]
        if sp.kind == "code":
            self.emit(raw.strip("`"))
        elif sp.kind == "math":
            self.emit(raw)
        elif sp.kind in ("url", "autolink"):
            self.links += 1
        elif sp.kind == "entity":
            self.emit(" ")
        elif sp.kind == "html":
            self.html(raw)
        elif sp.kind == "image":
            if sp.dest is not None and (formula := formula_of(sp.dest)):
                self.formulas += 1
                self.emit(formula)
            else:
                self.images += 1
        elif sp.kind == "link":
            label = sp.label_of(s)
            if sp.dest is None and sp.ref == label:  # `[CLS]`: brackets, not a link
                self.emit(raw)
                return
            if sp.dest is not None and (formula := formula_of(sp.dest)):
                self.formulas += 1
                self.emit(formula)
                return
            before = self.images
            was, self.anchor = self.anchor, True
            self.inline(label, in_link=True)
            self.anchor = was
            if self.images == before:
                self.links += 1
        # comments and footnote references are not visible

    def html(self, tag: str) -> None:
        if not is_html_tag(tag):
            self.emit(tag)
            return
        name, closing = tag_name(tag)
        if name in ("summary", "script", "style"):
            self.skip = None if closing else name
        elif name == "img" and not closing:
            src = re.search(r"""\ssrc\s*=\s*["']?([^"'\s>]+)""", tag)
            if src and (formula := formula_of(src.group(1))):
                self.formulas += 1
                self.emit(formula)
            else:
                self.images += 1
        elif name == "a":
            if closing:
                self.anchor = False
            elif "href" in tag:
                self.anchor = True
                self.links += 1
        elif name in ("br", "p", "div", "li", "tr", "td", "th"):
            self.emit(" ")


@dataclass(frozen=True)
class Defect:
    kind: str   # one of KINDS
    found: str  # the answer, shortened, as the message quotes it


def _shorten(text: str, n: int = 40) -> str:
    s = " ".join(text.split())
    return s if len(s) <= n else s[:n - 1] + "…"


def _is_choice(compact_answer: str, question: str | None) -> bool:
    return bool(_CHOICE.match(compact_answer)) and question is not None and len(_OPTION_MARK.findall(question)) >= 2


def is_placeholder_line(line: str) -> bool:
    """A line that holds only a placeholder that is never content (`- [ ] TODO`, `待补充`, `TBD`):
    removable from an answer that has other content. `略`, `无`, `同上` on a line of their own can be
    content (a table-like list of 优点/缺点) and are not.

    >>> [is_placeholder_line(s) for s in ("- [ ] TODO", "（待补充）", "- 无", "TODO 注释用于标记待办")]
    [True, True, False, False]
    """
    if not may_have_placeholder_lines(line):
        return False
    c = compact(_TASK.sub(r"\1", line))
    return bool(c) and bool(_STRONG_RE.match(c))


def may_have_placeholder_lines(text: str) -> bool:
    """False when no line of `text` can be a placeholder line (a cheap test before looking at lines)."""
    return next(_HINTS.iter(text.lower()), None) is not None


# answer defects an item's analysis makes up for: an answer that is only a figure or a link, explained under 解析
STANDS_IN = ("empty", "image-only", "link-only")


def item_defect(answer: str | None, analysis: str | None, question: str | None = None) -> Defect | None:
    """The answer's defect (`answer_defect`), unless it is one the item's analysis makes up for
    (`STANDS_IN`) and the analysis is an answer itself: a figure under the question and its explanation
    under 解析 answer the question."""
    d = answer_defect(answer, question)
    if d is not None and d.kind in STANDS_IN and analysis and analysis.strip() \
            and answer_defect(analysis, question, min_chars=DEFAULT_MIN_ANSWER_CHARS) is None:
        return None
    return d


def answer_defect(answer: str | None, question: str | None = None, *, min_chars: int = 0,
                  images: bool = False) -> Defect | None:
    """The answer's defect, or None. `min_chars` > 0 adds the too-short check, `images` the
    image-dependent one (the export's gates; the linter checks neither)."""
    text = answer or ""
    if len(text) >= FAST_CHARS and min_chars <= FAST_CHARS:
        quick = _QUICK_DROP.sub("", text) if ("](" in text or "http" in text or "<" in text or "&" in text) else text
        n = 0
        for _ in _WORD.finditer(quick):
            n += 1
            if n >= FAST_CHARS:
                break
        if n >= FAST_CHARS:
            return _same(text, question)
    v = view(text)
    c = compact(v.text)
    found = _shorten(v.text) if c and "<" in text and not (v.images or v.links) else _shorten(text)  # quote what is inside HTML wrappers
    if not c and not v.link_text.strip() and not v.images and not v.links:
        # "……", "...", "？", "-": something stands in for the answer; "**", "" or a lone label: nothing does
        stand_in = v.unchecked_task or bool(_MARKUP_ONLY.sub("", v.text))
        return Defect("placeholder" if stand_in else "empty", found)
    same = _same(text, question, c)
    if same is not None:
        return same
    if c and _ANY_PLACEHOLDER_RE.match(c) or (not c and v.unchecked_task and not v.images and not v.links):
        return Defect("placeholder", found)
    if _NOTE_RE.match(v.text.strip()) and content_chars(_NOTE_RE.sub("", v.text.strip(), count=1)) < _NOTE_CHARS:
        return Defect("placeholder", found)
    if v.images and _IMAGE_FILLER_RE.match(c) and _LINK_FILLER_RE.match(compact(v.link_text)):
        return Defect("image-only", found)
    if v.links:
        rest = compact(_QUESTION_SENTENCE.sub("", v.text))
        if _LINK_FILLER_RE.match(rest):
            return Defect("link-only", found)
    own = v.text + v.link_text
    if images and v.images and FIGURE_REF_RE.search(own):
        if content_chars(FIGURE_REF_RE.sub("", own)) < IMAGE_DEPENDENT_CHARS:
            return Defect("image-dependent", found)
    if min_chars > 0 and too_short(own, question, min_chars):
        return Defect("too-short", found)
    return None


def too_short(text: str, question: str | None, min_chars: int) -> bool:
    """Fewer than `min_chars` letters, digits and CJK characters, unless a choice letter answers a
    question with lettered options (`B` to "… A. SGD B. ReLU C. Adam")."""
    if len(text) > 4 * min_chars + 200:
        return False
    v = view(text)
    own = v.text + v.link_text
    return content_chars(own) < min_chars and not _is_choice(compact(own), question)


def _same(answer: str, question: str | None, compact_answer: str | None = None) -> Defect | None:
    if not question or len(answer) > 3 * len(question) + 20:
        return None
    a = compact_answer if compact_answer is not None else compact(view(answer).text)
    if a and a == compact(view(question).text):
        return Defect("same-as-question", _shorten(answer))
    return None
