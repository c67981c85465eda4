"""Field labels and numbering of Q&A items: which line starts a 问/答/解析 field, and how an item's number
(`1.`, `1、`, `1.2.3`, `一、`, `Q10`, `问题 3`, `题目008`, `第3题`, `（2）`, `**1-1**`) is split from its text.

Every pattern here is anchored and has no two adjacent quantifiers over the same characters, so a
line costs linear time whatever it holds (a line of 200,000 spaces, `*`, `#` or label words).

>>> split_number("### 3.2.5 实例理解反向传播".lstrip("# "))
('3.2.5', '实例理解反向传播', False)
>>> label_of("**答案**：模型更大。").cat
'answer'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------- labels

LABEL_WORDS: dict[str, tuple[str, ...]] = {
    "question": ("面试题", "题目描述", "问题描述", "题目", "问题", "提问", "问", "Question", "QA", "Q"),
    "answer": ("参考答案", "标准答案", "参考回答", "答案", "回答", "解答", "答", "Answer", "A"),
    "analysis": ("答案解析", "解析说明", "解析", "分析", "解释", "详解", "Explanation", "Analysis"),
    "code": ("源代码实例", "参考代码", "代码实现", "代码示例", "源代码", "代码", "Code"),
    "hint": ("拓展", "提示", "Hint"),
}
_WORD_TO_CAT = {w.lower(): cat for cat, words in LABEL_WORDS.items() for w in words}
# an answer given in one version of several (`面试口头版答案`, `深入理解版参考答案`, `简洁版回答`)
_VERSION_ANSWER = r"[\u4e00-\u9fff]{1,6}版(?:参考)?(?:答案|回答)"
_WORDS_RE = _VERSION_ANSWER + "|" + "|".join(sorted((re.escape(w) for w in _WORD_TO_CAT), key=len, reverse=True))


def _category(word: str) -> str | None:
    return _WORD_TO_CAT.get(word.lower()) or ("answer" if word.endswith(("答案", "回答")) and "版" in word else None)
DIGITS = r"[0-9０-９]+"
CNUM = r"[一二三四五六七八九十百零〇两]+"
# applied after the indent, heading marks and bullet have been taken off (see `label_of`)
_LABEL_RE = re.compile(
    rf"(?P<b1>\*\*|__)?[ \t]*(?P<word>{_WORDS_RE})[ \t]*(?:(?P<num>{DIGITS})[ \t]*)?(?:(?P<b2>\*\*|__)[ \t]*)?[:：]"
    rf"[ \t]*(?:(?P<b3>\*\*|__)[ \t]*)?(?P<rest>.*)$",
    re.IGNORECASE,
)
# a paragraph that is only a bold label: `**问题描述**`, `**答案：**`
_BOLD_LABEL_RE = re.compile(rf"(\*\*|__)(?P<word>{_WORDS_RE})[:：]?\1[:：]?$", re.IGNORECASE)
# kept for the linter (malformed-bold-label builds its fix from these groups)
LABEL_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<hashes>#{{1,6}}[ \t]*)?(?P<bullet>[-*+][ \t]+)?"
    rf"(?:(?P<b1>\*\*|__)[ \t]*)?(?P<word>{_WORDS_RE})",
    re.IGNORECASE,
)


@dataclass
class Label:
    cat: str  # question | answer | analysis | code | hint
    word: str
    rest: str  # the text after the label on the same line
    number: str | None
    malformed: bool
    indent: int
    in_list: bool
    bare: bool = False  # a bold label alone on its line, without a colon (`**问题描述**`)


def _prefix(s: str) -> tuple[int, bool, bool, str]:
    """(indent, heading marks, bullet, rest) of a line, taken off by hand (no regex backtracking)."""
    t = s.lstrip(" \t")
    indent = len(s) - len(t)
    hashes = False
    if t.startswith("#"):
        h = len(t) - len(t.lstrip("#"))
        if h <= 6:
            t, hashes = t[h:].lstrip(" \t"), True
    bullet = False
    if t[:1] in ("-", "*", "+") and t[1:2] in (" ", "\t"):
        t, bullet = t[1:].lstrip(" \t"), True
    return indent, hashes, bullet, t


_ITALIC_WORD_RE = re.compile(rf"(?P<e>[*_])(?P<inner>(?:{_WORDS_RE})[ \t]*(?:{DIGITS})?)(?P=e)(?=[ \t]*[:：])", re.IGNORECASE)


def label_of(text: str, heading: bool = False) -> Label | None:
    """The field label that starts `text` (one source line), if any."""
    indent, hashes, bullet, t = _prefix(text)
    if not t:
        return None
    first = t[0]
    if not (first in "*_" or first.isalpha()):
        return None
    italic = _ITALIC_WORD_RE.match(t)
    if italic is not None:  # `*Q5*：…`: an italic label word is the plain label
        t = italic["inner"] + t[italic.end():]
    m = _LABEL_RE.match(t)
    if m is None:
        b = _BOLD_LABEL_RE.match(t.rstrip())
        if b is None:
            return None
        word = b["word"]
        cat = _category(word)
        if cat is None or (len(word) <= 2 and word.isascii()):
            return None
        return Label(cat, word, "", None, False, indent, bullet, bare=True)
    word = m["word"]
    cat = _category(word)
    if cat is None:
        return None
    if (hashes or heading) and m["num"] is not None:
        return None  # "#### 题目 1：…" is a numbered item heading, not a label
    rest = m["rest"].rstrip()
    if len(word) <= 2 and word.isascii() and (word.islower() or not (m["b1"] or rest.strip() or m["num"])):
        return None  # "a:" or a bare "A:" is more likely prose than a label ("Q14:" is numbered: a label)
    b1, b2, b3 = m["b1"], m["b2"], m["b3"]
    if b3 and b3 in rest and (not b1 or b2):
        rest, b3 = b3 + rest, None  # `解析：**对**。`: bold after a closed (or no) label is the content's own
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
    return Label(cat, word, rest, m["num"], malformed, indent, bullet)


def match_label(line) -> Label | None:
    """The label of a scanned line (`markdown.Line`) of kind text or heading."""
    if line.kind not in ("text", "heading"):
        return None
    return label_of(line.text, heading=line.kind == "heading")


# ---------------------------------------------------------------------------------------- numbering

_SEP = r"[ \t]*[.．、:：)）]?[ \t]*"
_NUMBERED = [
    # 题目 1：, 问题3, 面试题 12., 题008, 第 7 题, 第三问, 第2:, 第四章 (a chapter's number, not a question's);
    # not `第二个问题…` (words of a sentence)
    re.compile(rf"(?P<num>(?:题目|问题|面试题|习题|练习|题)[ \t]*(?:{DIGITS}(?:[.．\-－]{DIGITS})*|{CNUM})"
               rf"|第[ \t]*(?:{DIGITS}|{CNUM})(?:[ \t]*(?:[题问章节篇讲课]|部分)|(?=[ \t]*(?:[.．、:：)）\-－—]|[ \t]|$))))(?:[ \t]*(?:--|——|—|－－)[ \t]*|{_SEP})(?P<title>.*)$"),
    # Q1, Q10:, q 3., Q2.1 (a question numbered within its section)
    re.compile(rf"(?P<num>[Qq][ \t]*{DIGITS}(?:[.．]{DIGITS})*)(?![0-9０-９]){_SEP}(?P<title>.*)$"),
    # 1.2.3 / 3-1 / １．２ (kept as written), then a separator or a space
    # (a dot before a digit goes on with the number: `10.4.1新手原则` is not 10.4 and `1新手原则`); three or
    # more parts may run straight into the title's first Chinese character
    re.compile(rf"(?P<num>{DIGITS}(?:[.．\-－]{DIGITS})+)(?:[.．](?![0-9０-９])[ \t]*|[、:：)）][ \t]*|[ \t]+|$)(?P<title>.*)$"),
    re.compile(rf"(?P<num>{DIGITS}(?:[.．]{DIGITS}){{2,}})(?=[\u4e00-\u9fff])(?P<title>.*)$"),
    # 1. 1、 1) 1： 05.Pytorch (a dot followed by a digit is a decimal, not a number's end)
    re.compile(rf"(?P<num>{DIGITS})[ \t]*(?:[.．](?![0-9０-９])|[、)）:：])[ \t]*(?P<title>.*)$"),
    # (1) （一）
    re.compile(rf"[(（][ \t]*(?P<num>{DIGITS}|{CNUM})[ \t]*[)）][ \t]*(?P<title>.*)$"),
    # 一、 十二．
    re.compile(rf"(?P<num>{CNUM})[ \t]*[、.．][ \t]*(?P<title>.*)$"),
]
_BOLD_NUM = re.compile(rf"(\*\*|__)[ \t]*(?P<num>{DIGITS}(?:[.．\-－]{DIGITS})*)[ \t]*[.．、:：)）]?[ \t]*\1[ \t]*(?P<title>.*)$")
_EXPLICIT_QUESTION_NUM = re.compile(r"^(?:题目|问题|面试题|习题|练习|题|第|[Qq])")
_CHAPTER_NUM = re.compile(r"(?:[章节篇讲课]|部分)$")
_LEADING_QLABEL = re.compile(r"(?:QA|Q&A|Q|问题|问|题目)[ \t]*[:：][ \t]*(?P<title>.*)$", re.IGNORECASE)


_HTML_BOLD_RE = re.compile(r"<(strong|b)>(?P<body>(?:(?!</?(?:strong|b)>).)+)</\1>[ \t]*[:：]?$", re.IGNORECASE)


def strip_bold(s: str) -> str:
    """`**text**` / `__text__` / `<strong>text</strong>` / `<b>text</b>` (optionally followed by a colon)
    -> text; anything else unchanged."""
    s = s.strip()
    if s[:1] == "<":
        m = _HTML_BOLD_RE.match(s)
        if m:
            return m.group("body").strip()
    for mark in ("**", "__"):
        if s.startswith(mark):
            t = s.rstrip(" \t")
            t = t[:-1].rstrip(" \t") if t.endswith((":", "：")) else t
            if t.endswith(mark) and len(t) > 2 * len(mark):
                body = t[len(mark):-len(mark)]
                if mark not in body:
                    return body.strip()
    return s


def _after_symbols(s: str) -> str:
    """`s` without the pictographs and marks it opens with (`🚀 **6. …**`, `🔹 1. …`), else `s`."""
    i = 0
    while i < len(s) and (s[i] in " \t\u200d\ufe0f" or unicodedata.category(s[i]) in ("So", "Sk")):
        i += 1
    return s[i:] if 0 < i < len(s) and s[:i].strip() else s


def split_number(heading: str) -> tuple[str | None, str, bool]:
    """(number as written, title, whether the numbering names a question explicitly). A pictograph
    before the number (`🚀 **6. …**`) does not hide it."""
    num, title, explicit = _split_number(heading)
    if num is None:
        plain = strip_bold(heading)
        bare = _after_symbols(plain)
        if bare != plain:
            got = _split_number(bare)
            if got[0] is not None:
                return got
    return num, title, explicit


def _split_number(heading: str) -> tuple[str | None, str, bool]:
    text = strip_bold(heading)
    bn = _BOLD_NUM.match(text)
    if bn:
        title = bn["title"].strip()
        q = _LEADING_QLABEL.match(title)
        if q:
            title = q["title"]
        return bn["num"], strip_bold(title), False
    for rx in _NUMBERED:
        m = rx.match(text)
        if m:
            num, title = m["num"].strip(), strip_bold(m["title"])
            explicit = bool(_EXPLICIT_QUESTION_NUM.match(num)) and not _CHAPTER_NUM.search(num)
            if title or explicit:
                return num, title, explicit
    return None, text, False

