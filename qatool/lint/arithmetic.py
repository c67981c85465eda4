"""stated-arithmetic-wrong: an equation of plain numbers whose sides are not equal.

`每头维度 64，512 = 12 × 64` or `0.3 × 0.9 = 0.36` writes out a sum, a product or a quotient and a result that does
not follow from it. The check is arithmetic, not a list of sentences: any numbers, the operators + − × * / ÷ · and
LaTeX's \\times, \\cdot and \\div, brackets. It reads only an equation of one expression and numbers, standing free:
a side next to a letter, `}`, `@`, `≈` or `±` (`W1 = 2 × 3`, `7B × 2 = 14GB`, `Recall@5 = 2/3 ≈ 0.67`), a digit group
(`1,024`), a percentage, a range (`2023-2024`), a power (`^`, a XOR in code), a count or magnitude after the result
(`= 3 枚`, `= 80 亿`), an operator elsewhere in the clause (`单选 15×6 + 多选 5×12 = 150`), a side that opens on a
minus (a list bullet), two divisions in a row (`3/5 / 4/5`), numbers of eight digits (puzzles) and a power a copy
flattened (`0.82+0.22=0.68` for 0.8² + 0.2²) are left alone, as is an equation that is asked about, denied, reported
or called wrong. A result written with fewer decimals passes when it is the rounded value (`1/3 = 0.33`), within 5%
(`=` often means "about"), or a whole number for a fraction rounded up or down (`1024/768 = 2` blocks).
"""
from __future__ import annotations

import ast
import math
import operator
import re
from typing import Iterator

from qatool.lint.document import LintDoc
from qatool.lint.kinds import Knowledge, asks, make_finding
from qatool.lint.model import Finding, Rule
from qatool.lint.pyrules import check

# LaTeX operators and wide or typographic signs, written as the plain ones (same length, so offsets stay put); an en
# dash between spaced numbers is a minus (`2 · 5 – 4`)
_LATEX_RE = re.compile(r"\\(?P<op>times|cdot|div)(?![A-Za-z])")
_PLAIN = str.maketrans({"×": "*", "·": "*", "÷": "/", "−": "-", "–": "-", "＝": "=", "（": "(", "）": ")", "＋": "+", "＊": "*", "／": "/"})
# a run of numbers, operators, brackets and equals signs (spaces and `$` inside it)
_RUN_RE = re.compile(r"[\d.+\-*/()=$ \t]+")  # (no `^`: a power in prose, a bitwise XOR in code)
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_GROUP_AFTER_RE = re.compile(r",\d{3}(?!\d)")  # a digit group goes on after the run (`2^10 = 1,024`)
_RANGE_RE = re.compile(r"\d[-–]\d")  # a hyphen or dash between digits is a range (`3-5 层`, `2023–2024`), not a minus
# what may stand right before or after an equation of numbers: space, CJK text, sentence punctuation, opening
# brackets before it and closing ones after it; anything else (a letter, `}`, `]`, `@`, `≈`, `±`…) makes its outer
# side part of something that is not a number (`\frac{1}{4}(8 - 5)`, `Recall@5 = 2/3 ≈ 0.67`, `= 1 GB`)
_FREE_BEFORE = set(" \t，,。；;：:！!？?、（【「“《")
_FREE_AFTER = set(" \t，,。；;：:！!？?、）】」”》")
# a side that opens on an operator or a minus (a list bullet, `实际值-1 - 预测值-1 = 0`) or ends on one, a number that ends
# on its point (`0.`), two divisions in a row (`3/5 / 4/5`: fractions, not a quotient of a quotient), or a number of
# eight digits or more (a puzzle's digit strings, `444444444444 * 222`)
_PART_EDGE_RE = re.compile(r"^\s*+[+\-*/]|[+\-*/]\s*+$|\d\.(?!\d)|\.\.|/[^()]*/|\d{8}")
# things counted or a magnitude after the number stated (`4 + 1 + 1 = 3 枚` counts coins, not their values; `= 80 亿`,
# `= 1万`): not the value of the expression as written
_COUNTED_AFTER_RE = re.compile(r"[ \t]*[个枚张条人只块台件篇种类项组对万亿千百兆]")
# an operator earlier or later in the same clause: the equation is part of a longer expression (`单选 15×6 + 多选 5×12 = 150`)
_CLAUSE_OP_RE = re.compile(r"\d\s*+[+*/×÷·−]|[+*/×÷·−]\s*+\d")  # (beside a digit: not `**bold**`, `TP/FP`, `F1 = …`)
_PROSE_RE = re.compile(r"[\u3400-\u9fff]")
_CLAUSE_END = "，,。；;：:！!？?\n"
# a sentence that calls its numbers wrong (`（错误答案）：(4 + 20 × 0.25) = 6`): not stated
_WRONG_RE = re.compile(r"错|误|不对|不等于|≠|typo|wrong|incorrect", re.I)


def _free(c: str, allowed: set[str]) -> bool:
    return c in allowed or "\u3400" <= c <= "\u9fff"


def _value(node: ast.AST) -> float | None:
    """The value of an expression of numbers and + - * / ** (small powers only); None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _value(node.operand)
        return None if v is None else (-v if isinstance(node.op, ast.USub) else v)
    if isinstance(node, ast.BinOp):
        a, b = _value(node.left), _value(node.right)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.Pow):
            return a ** b if abs(b) <= 64 and abs(a) <= 1e6 else None
        fn = _OPS.get(type(node.op))
        if fn is None or (isinstance(node.op, ast.Div) and b == 0):
            return None
        return fn(a, b)
    return None


def _evaluate(part: str) -> float | None:
    expr = part.replace("$", " ").strip()
    if not expr or not _NUMBER_RE.search(expr):
        return None
    try:
        tree = ast.parse(expr, mode="eval")
    except (SyntaxError, ValueError):
        return None
    return _value(tree.body)


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _holds(stated: float, decimals: int, actual: float) -> bool:
    """Whether `stated` is `actual`, or `actual` rounded to the decimals written, or within 5% of it (an equals
    sign often stands for "about": `2^10 = 1000`)."""
    return abs(stated - actual) <= max(0.5 * 10 ** -decimals + 1e-9, 0.05 * abs(actual))


def _is_plain_number(part: str) -> bool:
    return _NUMBER_RE.fullmatch(part.replace("$", "").strip()) is not None


def _outer(plain: str, s: int, e: int) -> tuple[str, str]:
    """The nearest characters before and after [s, e) that are not spaces or `$` ("" at the ends)."""
    i = s - 1
    while i >= 0 and plain[i] in " \t$":
        i -= 1
    j = e
    while j < len(plain) and plain[j] in " \t$":
        j += 1
    return (plain[i] if i >= 0 else ""), (plain[j] if j < len(plain) else "")


def _trim(parts: list[str], s: int, e: int) -> tuple[list[str], int, int]:
    """Drop empty outer sides, then the brackets around the whole equation (`（512 = 12 × 64）`)."""
    # (a side that closes a bracket opened before the run, `P(C=0) = …`, or opens one closed after it, is no number)
    while parts and (not parts[0].strip(" \t$") or parts[0].count(")") > parts[0].count("(")):
        s, parts = s + len(parts[0]) + 1, parts[1:]
    while parts and (not parts[-1].strip(" \t$") or parts[-1].count("(") > parts[-1].count(")")):
        e, parts = e - len(parts[-1]) - 1, parts[:-1]
    if len(parts) < 2:
        return parts, s, e
    head = parts[0].lstrip(" \t$")
    while head.startswith("(") and head.count("(") > head.count(")"):
        head = head[1:].lstrip(" \t$")
    tail = parts[-1].rstrip(" \t$")
    while tail.endswith(")") and tail.count(")") > tail.count("("):
        tail = tail[:-1].rstrip(" \t$")
    s, e = s + len(parts[0]) - len(head), e - (len(parts[-1]) - len(tail))
    return [head, *parts[1:-1], tail], s, e


def _equations(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, sides) of each equation of plain numbers in `text` (`$`, spaces and the operators normalised)."""
    plain = _LATEX_RE.sub(lambda m: ("/" if m.group("op") == "div" else "*") + " " * (len(m.group()) - 1), text).translate(_PLAIN)
    for run in _RUN_RE.finditer(plain):
        s, e = run.start(), run.end()
        if "=" not in run.group() or _RANGE_RE.search(text, s, e) or _GROUP_AFTER_RE.match(plain, e) \
                or (s > 1 and plain[s - 1] in ",." and plain[s - 2].isdigit()):
            continue  # (a range: `2023-2024`, a digit group: `1,024`)
        before, after = _outer(plain, s, e)
        if after in ("%", "‰"):
            continue
        parts = run.group().split("=")
        if before and not _free(before, _FREE_BEFORE):
            s, parts = s + len(parts[0]) + 1, parts[1:]  # `F1 = …`, `\frac{1}{4}(8 - 5) = …`: the first side is no number
        if parts and after and not _free(after, _FREE_AFTER):
            e, parts = e - len(parts[-1]) - 1, parts[:-1]  # `… = 1 GB`, `= 64.75 ± 4.27`: the last side is no number
        parts, s, e = _trim(parts, s, e)
        if len(parts) < 2 or any(_PART_EDGE_RE.search(p) for p in parts) or _COUNTED_AFTER_RE.match(plain, e) \
                or _in_longer_expression(text, s, e):
            continue
        yield s, e, parts


def _in_longer_expression(text: str, s: int, e: int) -> bool:
    """Whether an operator stands elsewhere in the clause around [s, e) (`单选 15×6 + 多选 5×12 = 150 分`)."""
    a = max((text.rfind(c, 0, s) for c in _CLAUSE_END), default=-1) + 1
    ends = [i for i in (text.find(c, e) for c in _CLAUSE_END) if i >= 0]
    b = min(ends) if ends else len(text)
    return bool(_CLAUSE_OP_RE.search(_LATEX_RE.sub("*", text[a:s])) or _CLAUSE_OP_RE.search(_LATEX_RE.sub("*", text[e:b])))


def _flattened(digits: str) -> bool:
    """Whether a number may be a base with its power flattened after it (`0.82` for 0.8², `892` for 89²)."""
    return len(digits) > 1 and digits[-1] in "23" and digits[-2] != "."


def _unflatten(digits: str) -> str:
    return f"({digits[:-1]})**{digits[-1]}"


def _lost_superscript(expr: str, stated: float | None, decimals: int) -> bool:
    """Whether the equation holds once an operand's last digit 2 or 3 is read as the power a copy flattened
    (`0.8² + 0.2² = 0.68` copied as `0.82+0.22=0.68`, `89² × 400` as `892 × 400`)."""
    if stated is None:
        return False
    for m in _NUMBER_RE.finditer(expr):
        if _flattened(m.group()):
            value = _evaluate(expr[:m.start()] + _unflatten(m.group()) + expr[m.end():])
            if value is not None and _holds(stated, decimals, value):
                return True
    # (every such operand flattened at once: `0.82+0.22`)
    value = _evaluate(_NUMBER_RE.sub(lambda m: _unflatten(m.group()) if _flattened(m.group()) else m.group(), expr))
    return value is not None and _holds(stated, decimals, value)


def _rounded(stated: float, actual: float) -> bool:
    """A whole number stated for a fraction (`1024/768 = 2` rounded up, `48/10 = 4` rounded down)."""
    return stated.is_integer() and not actual.is_integer() and stated in (math.floor(actual), math.ceil(actual))


def wrong_equations(text: str) -> Iterator[tuple[int, int, str, float, str]]:
    """(start, end, expression, its value, the number stated) for each equation of plain numbers in `text` whose
    written result differs from the value of the expression beside it."""
    for s, e, parts in _equations(text):
        values = [_evaluate(p) for p in parts]
        numbers = [k for k, p in enumerate(parts) if _is_plain_number(p)]
        exprs = [k for k, p in enumerate(parts) if not _is_plain_number(p)]
        actual = values[exprs[0]] if len(exprs) == 1 else None  # (one expression: `a = b × c = d` chains of two are
        # often a copy's rendering twice over, `29+2+4=29+2+4=35`)
        if actual is None or not numbers or any(v is None for v in values) or _lost_superscript(parts[exprs[0]], values[numbers[0]], _decimals(parts[numbers[0]].replace("$", "").strip())):
            continue
        for n in numbers:
            stated, value = parts[n].replace("$", "").strip(), values[n]
            if value is not None and not _holds(value, _decimals(stated), actual) and not _rounded(value, actual):
                yield s, e, " ".join(parts[exprs[0]].replace("$", " ").replace("*", "×").split()), actual, stated
                break


def _shown(value: float) -> str:
    return f"{value:.6g}"


@check("stated-arithmetic-wrong")
def stated_arithmetic_wrong(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit in doc.units:
        if unit.scope not in rule.scope or unit.scope == "code" or "=" not in unit.text and "＝" not in unit.text:
            continue
        sents = unit.sentences()
        for s, e, expr, actual, stated in wrong_equations(unit.text):
            if not _PROSE_RE.search(unit.text[:s] + unit.text[e:]):
                continue  # (a line that is only the equation: an example's input or output, `5 + 4 = 1` in a puzzle)
            sent = next(((a, b) for a, b in sents if a <= s < b), (0, len(unit.text)))
            if not asks(unit, s, e) and not _WRONG_RE.search(unit.text, *sent):
                yield make_finding(rule, doc, unit, s, e, expr=expr, actual=_shown(actual), stated=stated)
