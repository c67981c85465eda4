"""Field labels and numbering of Q&A items: which line is a 问/答/解析 label, and how a heading's number
(`1.`, `1、`, `一、`, `Q1`, `第3题`) is split from its text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from qatool.parse.markdown import Line

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
