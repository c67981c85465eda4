"""Line-level Markdown scanning: fenced code, ATX headings, glued headings, inline code masking.

Hand-written rather than markdown-it because every finding needs exact (line, column) positions in
the source, including for inline code spans, which markdown-it's inline tokens do not carry.

>>> lines = scan("a\\n```py\\nx = 1\\n```\\n## H")
>>> [(l.no, l.kind) for l in lines]
[(1, 'text'), (2, 'fence'), (3, 'code'), (4, 'fence'), (5, 'heading')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

FENCE_RE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
HEADING_RE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
LEAKED_TOKEN_RE = re.compile(r"<\|[^|<>\n]{0,80}\|>")
GLUED_HEADING_RE = re.compile(
    r"^(?P<before>.*?\S.*?(?:<\|[^|<>\n]{0,80}\|>|[。！？!?]))[ \t]*(?P<heading>#{1,6}[ \t]+\S.*)$"
)
# A heading level >= 2 at column 0: where an unclosed fence is assumed to have ended.
RECOVERY_HEADING_RE = re.compile(r"^#{2,6}[ \t]+\S")


@dataclass
class Line:
    """One logical line. A heading glued to a paragraph is split off as its own logical line with the
    same `no` and the column `col` where it starts."""

    no: int
    text: str
    col: int = 0
    kind: str = "text"  # text | blank | heading | fence | code
    level: int = 0  # heading level
    heading: str = ""  # heading text
    glued: bool = False
    fence_lang: str | None = None

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t"))


@dataclass
class Scan:
    lines: list[Line]
    unclosed_fences: list[int] = field(default_factory=list)  # line numbers of fences never closed
    glued_headings: list[int] = field(default_factory=list)


def _fence_pass(raw: list[str]) -> tuple[list[str], list[int]]:
    """Classify each raw line as text/fence/code; recover from unclosed fences.

    An unclosed fence runs to the end of the file in CommonMark; here it is taken to end before the
    first level-2+ heading at column 0 after it, so one missing ``` does not swallow the article.
    """
    kinds = ["text"] * len(raw)
    unclosed: list[int] = []
    i = 0
    while i < len(raw):
        m = FENCE_RE.match(raw[i])
        if not m:
            i += 1
            continue
        char, length = m["fence"][0], len(m["fence"])
        j = i + 1
        close = None
        while j < len(raw):
            c = FENCE_RE.match(raw[j])
            if c and c["fence"][0] == char and len(c["fence"]) >= length and not c["info"].strip():
                close = j
                break
            j += 1
        kinds[i] = "fence"
        if close is None:
            unclosed.append(i + 1)
            end = next((k for k in range(i + 1, len(raw)) if RECOVERY_HEADING_RE.match(raw[k])), len(raw))
            for k in range(i + 1, end):
                kinds[k] = "code"
            i = end
        else:
            for k in range(i + 1, close):
                kinds[k] = "code"
            kinds[close] = "fence"
            i = close + 1
    return kinds, unclosed


def scan(text: str) -> Scan:
    """Split text (newlines already normalised to \\n) into classified logical lines."""
    raw = text.split("\n")
    kinds, unclosed = _fence_pass(raw)
    out: list[Line] = []
    glued: list[int] = []
    for idx, (s, kind) in enumerate(zip(raw, kinds)):
        no = idx + 1
        if kind == "fence":
            m = FENCE_RE.match(s)
            info = (m["info"].strip().split() or [None])[0] if m else None
            out.append(Line(no, s, kind="fence", fence_lang=info))
            continue
        if kind == "code":
            out.append(Line(no, s, kind="code"))
            continue
        if not s.strip():
            out.append(Line(no, s, kind="blank"))
            continue
        g = GLUED_HEADING_RE.match(s) if "#" in s and not HEADING_RE.match(s) else None
        if g:
            out.append(Line(no, g["before"], kind="text"))
            col = g.start("heading")
            h = HEADING_RE.match(g["heading"])
            if h:
                out.append(Line(no, g["heading"], col=col, kind="heading", level=len(h["hashes"]),
                                heading=(h["text"] or "").strip(), glued=True))
                glued.append(no)
                continue
        h = HEADING_RE.match(s)
        if h:
            out.append(Line(no, s, kind="heading", level=len(h["hashes"]), heading=(h["text"] or "").strip()))
        else:
            out.append(Line(no, s, kind="text"))
    return Scan(out, unclosed, glued)


def fenced_blocks(text: str) -> list[tuple[str | None, str]]:
    """(language, body) of each fenced code block in `text`, in order (unclosed ones included)."""
    lines = text.split("\n")
    kinds, _ = _fence_pass(lines)
    blocks: list[tuple[str | None, str]] = []
    lang: str | None = None
    body: list[str] | None = None
    for s, kind in zip(lines, kinds):
        if kind == "fence":
            if body is None:
                m = FENCE_RE.match(s)
                lang = (m["info"].strip().split() or [None])[0] if m else None
                body = []
            else:
                blocks.append((lang, "\n".join(body)))
                body = None
        elif kind == "code" and body is not None:
            body.append(s)
        elif body is not None:  # recovered unclosed fence ended
            blocks.append((lang, "\n".join(body)))
            body = None
    if body is not None:
        blocks.append((lang, "\n".join(body)))
    return blocks


INLINE_CODE_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")


def mask_inline_code(s: str) -> str:
    """Replace inline code spans (and their backticks) with spaces, keeping every other column in place."""
    if "`" not in s:
        return s
    return INLINE_CODE_RE.sub(lambda m: " " * len(m.group(0)), s)
