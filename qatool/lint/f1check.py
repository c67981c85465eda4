"""f1-inconsistent-with-precision-recall: an F1 stated beside the precision and recall it comes from, but far off
their harmonic mean.

`precision 为 0.9、recall 为 0.1 时，F1 为 0.5` states three numbers, and the third does not follow from the first two:
F1 = 2PR / (P + R) = 0.18 (0.5 is their arithmetic mean). The check is arithmetic, not a list of sentences: one
sentence that gives one precision, one recall and one F1 (as fractions or percentages, `P = 0.8`, `召回率 60%`,
`F1 值约为 0.69`), whatever the words around them. It leaves alone a sentence that speaks of averages over classes
(macro/micro/weighted: a macro-F1 is no harmonic mean of macro-P and macro-R), of changes (`提升了 5%`: the numbers
are differences, not values), of an F-beta other than F1, or that asks, denies or calls its numbers wrong. A stated F1
passes when it is the harmonic mean rounded to the decimals written, or within 0.01 of it.
"""
from __future__ import annotations

import re
from typing import Iterator

from qatool.lint.document import LintDoc
from qatool.lint.kinds import Knowledge, make_finding, sentence_checks
from qatool.lint.model import Finding, Rule
from qatool.lint.pyrules import check

# (a number that opens a formula is no value: `F1 = 2PR/(P+R)`, `F1 = 2 × P × R / (P + R)`)
_NUM = r"(\d+(?:\.\d+)?)(?!\d|\.\d|[A-Za-z]|\s*+(?:[×*·/]|\\times|\\cdot))\s*+(%|％)?"
_LINK = r"\s*+(?:\*\*)?\s*+(?:的值|值|分数|score|Score)?\s*+(?:\*\*)?\s*+(?:因此|因而|于是|所以|就|则|便|也)?\s*+(?:[:：=＝]|为|是|约为|约|达到|达|只有|仅为|有)?\s*+(?:约|大约|大概|接近)?\s*+\$?\s*+"
# the three metrics, each named and followed by its value (`precision 为 0.9`, `P = 0.8`, `召回率 60%`, `F1 值约为 0.69`)
_PRECISION_RE = re.compile(r"(?:精确率|精准率|查准率|precision|Precision|PRECISION|(?<![A-Za-z@])P(?=\s*+[=＝]))" + _LINK + _NUM)
_RECALL_RE = re.compile(r"(?:召回率|查全率|recall|Recall|RECALL|(?<![A-Za-z@])R(?=\s*+[=＝]))" + _LINK + _NUM)
# (its formula may stand between the name and the value: `F1 = 2PR/(P+R) = 0.5`)
_F1_RE = re.compile(r"(?<![A-Za-z])(?:F1|F_1|F-1)(?:[-\s]?(?:score|Score|分数|值))?(?![\d.])"
                    r"(?:\s*+[=＝][^=＝，,。；;]{1,40}?(?=\s*+[=＝]))?" + _LINK + _NUM)
# averages over classes, changes, other F-measures, a per-class or per-run listing: the numbers are not one P, R, F1
_OTHER_RE = re.compile(r"macro|micro|weighted|宏|微平均|加权|平均|提升|提高|增加|增长|下降|降低|减少|上涨|上升|涨|跌|变化|"
                       r"从\s*+\d|F2|F0\.5|Fβ|F_β|F-beta|β|@\d|top-?\d", re.I)


def _scale(number: str, percent: str | None) -> int:
    """100 for a percentage (written with % or above 1), else 1."""
    return 100 if percent or float(number) > 1 else 1


def _fraction(number: str, percent: str | None) -> float:
    return float(number) / _scale(number, percent)


def _holds(stated: float, written: str, percent: str | None, actual: float) -> bool:
    """Whether `stated` is `actual` rounded to the decimals written (of a fraction or a percentage), or within 0.01."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    return abs(stated - actual) <= max(0.01, 0.5 * 10 ** -decimals / _scale(written, percent)) + 1e-9


def inconsistent_f1(text: str, start: int, end: int) -> tuple[int, int, float, float, float, str] | None:
    """(start, end, P, R, the F1 they give, the F1 stated) when text[start:end] gives one precision, one recall and
    one F1 and the F1 is far off their harmonic mean."""
    if _OTHER_RE.search(text, start, end):
        return None
    found = []
    for rx in (_PRECISION_RE, _RECALL_RE, _F1_RE):
        ms = list(rx.finditer(text, start, end))
        if len({(m.group(1), m.group(2)) for m in ms}) != 1:
            return None  # (none, or values of several models or classes)
        found.append(ms[0])
    (p, r, f) = (_fraction(m.group(1), m.group(2)) for m in found)
    if not (0 < p <= 1 and 0 < r <= 1 and 0 <= f <= 1):
        return None
    actual = 2 * p * r / (p + r)
    if _holds(f, found[2].group(1), found[2].group(2), actual):
        return None
    s, e = min(m.start() for m in found), max(m.end() for m in found)
    return s, e, p, r, actual, found[2].group(1) + (found[2].group(2) or "")


@check("f1-inconsistent-with-precision-recall")
def f1_inconsistent(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit, (s, e, p, r, actual, stated) in sentence_checks(rule, doc, lambda t: "F" in t, inconsistent_f1):
        yield make_finding(rule, doc, unit, s, e, p=f"{p:.4g}", r=f"{r:.4g}", f1=f"{actual:.3g}", stated=stated)
