"""Rule cases as data (tests/lint/rules/CODE.yml): how a case file is read, how a snippet becomes a
document, and where each expected finding is.

    rule: FC101
    fail:
    - text: 查全率表示模型判定为正例的样本中真正是正例的占比。
      at:
      - 1:5-26 模型判定为正例的样本中真正是正例的占比
    - 一段只给出文本的失败例子            # a bare string: one finding, anywhere (no location yet)
    - text: 一<|a|>二<|b|>三
      count: 2                           # a count without locations (files not converted yet)
    pass:
    - 召回率是实际为正的样本中被预测为正的比例。

A location is `LINE:COL-ENDCOL` (or `LINE:COL-ENDLINE:ENDCOL` for a finding over several lines) in
the snippet's own coordinates: lines from 1, columns in Unicode code points from 1, the end
exclusive; on a wrapped snippet's first line the answer label `**答案：** ` takes columns -7 to 0, so
a finding on the whole answer field starts at column -7. What follows the first space, if anything, is the text of the span as the snippet has it
(the test checks it too, so a reviewer reads what is flagged without counting columns). The test
compares the set of locations exactly. `python -m tests.lint.propose_locations FILE...` proposes
the locations of a file's failing cases from the current linter, for a person to review.

A snippet that does not start with a heading, a suppression comment or a fence is placed as the
answer of a Q&A item (`### 1. 测试题？` / blank / `**答案：** ` + snippet).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

HERE = Path(__file__).resolve().parent
CASE_DIR = HERE / "rules"
ANSWER_PREFIX = "**答案：** "
WRAP_LINES = 2  # the heading and the blank line before the answer line
LOCATION_RE = re.compile(r"^(\d+):(-?\d+)-(?:(\d+):)?(-?\d+)(?: (.*))?$", re.S)


@dataclass(frozen=True)
class Location:
    line: int
    col: int
    end_line: int
    end_col: int
    text: str | None = None  # the span's text, as the case file quotes it

    @classmethod
    def parse(cls, s: str) -> "Location":
        m = LOCATION_RE.match(str(s))
        if not m:
            raise ValueError(f"bad location {s!r}: write LINE:COL-ENDCOL [text] (1-based, end exclusive)")
        line, col, end_line, end_col, text = m.groups()
        return cls(int(line), int(col), int(end_line or line), int(end_col), text)

    @property
    def span(self) -> tuple[int, int, int, int]:
        return (self.line, self.col, self.end_line, self.end_col)

    def format(self, snippet: str) -> str:
        end = f"{self.end_col}" if self.end_line == self.line else f"{self.end_line}:{self.end_col}"
        quoted = span_text(snippet, self)
        # the quote is left out where an editor could change it (NFC folds compatibility ideographs)
        ok = quoted and quoted.strip() == quoted and "\n" not in quoted and unicodedata.normalize("NFC", quoted) == quoted \
            and quoted.isprintable()
        return f"{self.line}:{self.col}-{end}" + (f" {quoted}" if ok else "")


@dataclass(frozen=True)
class Case:
    code: str
    kind: str  # fail | pass
    index: int
    text: str
    count: int
    at: tuple[Location, ...] | None  # None: the case file gives no locations (count only)

    @property
    def id(self) -> str:
        return f"{self.code}-{self.kind}{self.index}"


def wrapped(text: str) -> bool:
    return not (text.lstrip().startswith(("#", "<!--", "```", "~~~")) or "\n问：" in text or text.startswith("问："))


def as_document(text: str) -> str:
    return f"### 1. 测试题？\n\n{ANSWER_PREFIX}{text}\n" if wrapped(text) else text


def to_snippet(text: str, line: int, col: int) -> tuple[int, int]:
    """A document position (line, col) as a position in the snippet (before it was wrapped)."""
    if not wrapped(text):
        return line, col
    line -= WRAP_LINES
    return line, (col - len(ANSWER_PREFIX) if line == 1 else col)


def location_of(text: str, f: Any) -> Location:
    """A finding's location in the snippet's coordinates."""
    line, col = to_snippet(text, f.line, f.col)
    end_line, end_col = to_snippet(text, f.end_line, f.end_col)
    return Location(line, col, end_line, end_col)


def to_document(text: str, line: int, col: int) -> tuple[int, int]:
    """A snippet position as a position in the document the linter sees."""
    if not wrapped(text):
        return line, col
    return line + WRAP_LINES, (col + len(ANSWER_PREFIX) if line == 1 else col)


def span_text(snippet: str, loc: Location) -> str:
    """The text at a location (read from the document, so the answer label can be part of it)."""
    lines = as_document(snippet).split("\n")
    (line, col), (end_line, end_col) = to_document(snippet, loc.line, loc.col), to_document(snippet, loc.end_line, loc.end_col)
    if not (1 <= line <= len(lines) and 1 <= end_line <= len(lines)) or col < 1 or end_col < 1:
        return ""
    if line == end_line:
        return lines[line - 1][col - 1:end_col - 1]
    return "\n".join([lines[line - 1][col - 1:], *lines[line:end_line - 1], lines[end_line - 1][:end_col - 1]])


def read_case_file(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def cases_of(path: Path) -> Iterator[Case]:
    data = read_case_file(path)
    code = data["rule"]
    for i, case in enumerate(data["fail"]):
        if isinstance(case, str):
            yield Case(code, "fail", i, case, 1, None)
            continue
        at = tuple(Location.parse(s) for s in case["at"]) if "at" in case else None
        count = case.get("count", len(at) if at is not None else 1)
        if count < 1:
            raise ValueError(f"{path.name} fail {i}: a failing case expects at least one finding")
        if at is not None and count != len(at):
            raise ValueError(f"{path.name} fail {i}: count {count} but {len(at)} locations")
        yield Case(code, "fail", i, case["text"], count, at)
    for i, case in enumerate(data["pass"]):
        yield Case(code, "pass", i, case if isinstance(case, str) else case["text"], 0, ())
