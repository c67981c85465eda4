"""Markdown as people write it, located exactly: which lines are code, math, tables, raw HTML blocks,
link reference or footnote definitions, and, inside the other lines, where code spans, math, raw HTML,
entities, images, links and bare URLs are.

The grammar is CommonMark's, taken from markdown-it-py rather than re-invented: its block parser
(with the table, `$$` math and footnote extensions) gives each block's lines, its `HTML_TAG_RE` says
what raw HTML is, and its link-destination and title parsers read `(url "title")` with balanced
parentheses. markdown-it's inline tokens carry no source positions, so `scan_inline` walks a line
itself, with those pieces, to give exact spans: cleaning replaces spans and copies everything else as
written.

>>> line = "用 `<br>` 换行：a<br>b，见 ![图](img/a.png) 与 $x<y$"
>>> [(s.kind, line[s.start:s.end]) for s in scan_inline(line)]
[('code', '`<br>`'), ('html', '<br>'), ('image', '![图](img/a.png)'), ('math', '$x<y$')]
"""
from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.common.html_blocks import block_names
from markdown_it.common.html_re import HTML_TAG_RE
from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

# ------------------------------------------------------------------------------------------ raw HTML

# Element names people put in Markdown: markdown-it's block names plus the phrasing elements.
HTML_NAMES = frozenset(block_names) | frozenset(
    "a abbr audio b bdi bdo big br button cite code data del dfn em embed font i img input ins kbd label "
    "mark object output picture q rp rt ruby s samp script select small source span strike strong style "
    "sub sup svg textarea time tt u var video wbr".split())
# Names that double as tokens or placeholders in ML writing (`<s>`/`</s>`, Qwen-VL's `<img>…</img>`,
# prompt slots like `<input>`): HTML only when the tag carries attributes.
AMBIGUOUS_NAMES = frozenset(
    "s img input output label title head body html main data time search select option link base param "
    "track menu dir frame q var col caption legend dialog address form nav section article header footer "
    "aside source video audio object embed svg".split())
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")
_HAS_ATTR = re.compile(r"<[A-Za-z][A-Za-z0-9-]*\s+[A-Za-z_:]")


def tag_name(tag: str) -> tuple[str, bool]:
    """('div', False) for `<div class=x>`, ('div', True) for `</div>`; ('', False) for a comment."""
    m = _TAG_NAME.match(tag)
    return (m.group(2).lower(), bool(m.group(1))) if m else ("", False)


def is_html_tag(tag: str) -> bool:
    """A raw HTML tag (by CommonMark's grammar) of a real element, not a token like `<unk>` or `</s>`.

    >>> [is_html_tag(t) for t in ("<br/>", "<font color=red>", "<int>", "</s>", "<img src='a.png'>", "<img>")]
    [True, True, False, False, True, False]
    """
    name, _ = tag_name(tag)
    if name not in HTML_NAMES:
        return False
    return name not in AMBIGUOUS_NAMES or bool(_HAS_ATTR.match(tag))


# ---------------------------------------------------------------------------------------- entities

ENTITY_RE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entity(entity: str) -> str | None:
    """The character of an HTML entity, or None when it is not one (`&space;` is not)."""
    out = html.unescape(entity)
    return None if out == entity else out


# -------------------------------------------------------------------------------------------- links

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,31}:")


def is_relative(dest: str) -> bool:
    """A link into the source repository or page (`img/a.png`, `../b.md`, `#section`), not a URL."""
    dest = dest.strip()
    return not (_SCHEME.match(dest) or dest.startswith("//"))


# Formula-rendering services carry the LaTeX source in the URL: the formula is text, not a picture.
_FORMULA_URL = re.compile(
    r"^(?:https?:)?//(?:"
    r"(?:latex\.|www\.)?codecogs\.com/(?:[a-z]+\.latex|[a-z]+\.image|eqnedit\.php)\?(?:latex=)?"
    r"|(?:www\.)?zhihu\.com/equation\?tex="
    r"|render\.githubusercontent\.com/render/math\?math="
    r"|chart\.googleapis\.com/chart\?cht=tx&(?:amp;)?chl="
    r")(?P<tex>.+)$", re.I | re.S)
_CODECOGS_OPTIONS = re.compile(r"^(?:\s*(?:\\(?:dpi\{\d+\}|fn_\w+|bg_\w+|bg\{\w+\}|inline|large|Large|LARGE|small|tiny|huge|Huge|normalsize)\s*))+")


def formula_of(url: str) -> str | None:
    """The LaTeX of a formula image URL (codecogs, zhihu, GitHub's math renderer), else None.

    >>> formula_of("http://www.codecogs.com/eqnedit.php?latex=\\\\fn_jvn&space;a&plus;b")
    'a+b'
    """
    m = _FORMULA_URL.match(url.strip())
    if not m:
        return None
    tex = urllib.parse.unquote(m.group("tex"))
    tex = tex.replace("&space;", " ").replace("&plus;", "+")
    tex = _CODECOGS_OPTIONS.sub("", tex).strip()
    if not tex or "$" in tex or "\n" in tex:
        return None
    return tex


# -------------------------------------------------------------------------------------- block lines

@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(dollarmath_plugin).use(footnote_plugin)
    md.core.ruler.disable(["inline", "footnote_tail", "text_join"])  # block structure only: much faster
    md.block.ruler.disable(["lheading"])  # a setext heading or a paragraph: text either way
    return md


@dataclass(frozen=True)
class Blocks:
    """Per line (0-based) its kind: text | blank | code | math | table | html | refdef | footnote;
    and the link reference definitions (normalised label -> destination). Shared: do not mutate."""

    kinds: tuple[str, ...]
    refs: dict[str, str]


def blocks(text: str) -> Blocks:
    """Classify the lines of `text` with markdown-it's block parser. The answer gates, the cleaner
    and the audit look at the same texts, so the last results are kept.

    >>> blocks("段落\\n\\n```\\n<br>\\n```\\n[a]: http://x\\n| a |\\n| - |").kinds
    ('text', 'blank', 'code', 'code', 'code', 'refdef', 'table', 'table')
    """
    if not may_have_blocks(text):
        return Blocks(tuple("text" if ln.strip() else "blank" for ln in text.split("\n")), {})
    return _blocks_cached(text) if len(text) < 100_000 else _blocks(text)


_INDENTED = re.compile(r"[ \t>]*(?: {4}|\t)")
_LINE_START = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*")
_DELIMITER_CHARS = frozenset("|-: \t>")


def may_have_blocks(text: str) -> bool:
    """False when no line of `text` could open a fence, a `$$` block, a table, an HTML block, a
    reference or footnote definition or an indented code block: then it is all paragraphs and needs
    no parse (a test checks this against the parser on every section of the dev corpora's shape)."""
    if "```" in text or "~~~" in text or "$$" in text:
        return True
    after_blank = True
    for line in text.split("\n"):
        if not line.strip(" \t>"):
            after_blank = True
            continue
        if after_blank and _INDENTED.match(line):
            return True
        start = _LINE_START.match(line)  # matches every line (all its parts are optional)
        rest = line[start.end() if start else 0:]
        if rest[:1] == "<" or (rest[:1] == "[" and "]:" in rest):
            return True
        if "|" in line and "-" in line and _DELIMITER_CHARS.issuperset(line):
            return True
        after_blank = False
    return False


def _blocks(text: str) -> Blocks:
    lines = text.split("\n")
    kinds = ["text" if ln.strip() else "blank" for ln in lines]
    env: dict = {}
    for tok in _block_parser().parse(text, env):
        if tok.map is None:
            continue
        kind = {"fence": "code", "code_block": "code", "math_block": "math", "math_block_label": "math",
                "table_open": "table", "html_block": "html", "footnote_reference_open": "footnote"}.get(tok.type)
        if kind == "html":
            first = HTML_TAG_RE.match(tok.content.lstrip())
            if first is None or not (first.group(0).startswith("<!--") or is_html_tag(first.group(0))):
                continue  # `<unk>` alone on a line is text
        if kind:
            for i in range(tok.map[0], min(tok.map[1], len(lines))):
                if kinds[i] != "blank" or kind in ("code", "math"):
                    kinds[i] = kind
    refs: dict[str, str] = {}
    for label, ref in env.get("references", {}).items():
        refs[label] = ref["href"]
        start, end = ref["map"]
        for i in range(start, min(end, len(lines))):
            kinds[i] = "refdef"
    return Blocks(tuple(kinds), refs)


_blocks_cached = lru_cache(maxsize=64)(_blocks)


def reference_key(label: str) -> str:
    return normalizeReference(label)


# ----------------------------------------------------------------------------------------- in-line

@dataclass(frozen=True)
class Span:
    """A located piece of a line: `kind` one of code | math | autolink | url | html | comment | entity |
    image | link | footnote. Images and links carry their label's (start, end) and destination (None for
    a reference link, whose `ref` is then the reference label)."""

    kind: str
    start: int
    end: int
    label: tuple[int, int] | None = None
    dest: str | None = None
    ref: str | None = None

    def label_range(self) -> tuple[int, int]:
        """Where the label is (links and images have one)."""
        if self.label is None:
            raise ValueError(f"a {self.kind} span has no label")
        return self.label

    def label_of(self, s: str) -> str:
        """The label's text in `s`."""
        lo, hi = self.label_range()
        return s[lo:hi]


_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]*[^\s<>\u3000-\u303f\uff00-\uffef\u4e00-\u9fff.,;:!?)'\"]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,64}\]")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
MAX_LABEL = 1000


class _Backticks:
    """Where each backtick run is, by length, so a code span's closer is found without rescanning."""

    def __init__(self, s: str):
        self.by_len: dict[int, list[int]] = {}
        for m in re.finditer(r"`+", s):
            self.by_len.setdefault(len(m.group(0)), []).append(m.start())
        self.ptr: dict[int, int] = {}

    def closer(self, n: int, after: int) -> int:
        runs = self.by_len.get(n, [])
        k = self.ptr.get(n, 0)
        while k < len(runs) and runs[k] < after:
            k += 1
        self.ptr[n] = k
        return runs[k] if k < len(runs) else -1


def _code_end(s: str, i: int, ticks: _Backticks) -> int:
    """End of the code span opening at i, or -(end of the backtick run) when it is not one."""
    j = i
    while j < len(s) and s[j] == "`":
        j += 1
    close = ticks.closer(j - i, j)
    return close + (j - i) if close >= 0 else -j


def _math_end(s: str, i: int) -> int:
    """End of `$…$` / `$$…$$` (pandoc's rules: no space inside the dollars, no digit after the closer)."""
    n = len(s)
    if s.startswith("$$", i):
        close = s.find("$$", i + 2)
        return close + 2 if close > i + 2 else -1
    if i + 1 >= n or s[i + 1].isspace() or s[i + 1] == "$":
        return -1
    j = i + 1
    limit = min(n, i + 2000)
    while j < limit:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "\n" and j + 1 < n and s[j + 1] == "\n":
            return -1
        if c == "$" and not s[j - 1].isspace() and not (j + 1 < n and s[j + 1].isdigit()):
            return j + 1
        j += 1
    return -1


def _label_end(s: str, i: int, ticks: _Backticks) -> int:
    """Index of the `]` closing the bracket at i (nested brackets balanced, escapes and code skipped)."""
    depth, j, n = 1, i + 1, min(len(s), i + MAX_LABEL)
    while j < n:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            end = _code_end(s, j, ticks)
            j = abs(end)
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _inline_dest(s: str, p: int) -> tuple[int, str] | None:
    """`(dest "title")` starting at p (the `(`): (end, destination as written) or None."""
    n = len(s)
    q = p + 1
    while q < n and s[q] in " \t\n":
        q += 1
    if q < n and s[q] == ")":
        return q + 1, ""
    res = parseLinkDestination(s, q, n)
    if not res.ok:
        return None
    dest = s[q:res.pos]  # as written: the parser's string has escapes and entities resolved (`\\{` -> `{`)
    if dest.startswith("<") and dest.endswith(">"):
        dest = dest[1:-1]
    q = res.pos
    while q < n and s[q] in " \t\n":
        q += 1
    if q < n and s[q] in "\"'(":
        title = parseLinkTitle(s, q, n)
        if title.ok:
            q = title.pos
            while q < n and s[q] in " \t\n":
                q += 1
    if q < n and s[q] == ")":
        return q + 1, dest
    return None


def _link(s: str, i: int, image: bool, ticks: _Backticks) -> Span | None:
    """An image (`![alt](src)`) or link (`[text](url)`, `[text][ref]`, `[text][]`, `[text]`) at i."""
    open_at = i + 1 if image else i
    close = _label_end(s, open_at, ticks)
    if close < 0:
        return None
    label = (open_at + 1, close)
    kind = "image" if image else "link"
    nxt = s[close + 1:close + 2]
    if nxt == "(":
        got = _inline_dest(s, close + 1)
        if got is not None:
            return Span(kind, i, got[0], label, got[1])
    if nxt == "[":
        end = s.find("]", close + 2, close + 2 + MAX_LABEL)
        if end >= 0 and "[" not in s[close + 2:end]:
            ref = s[close + 2:end] or s[label[0]:label[1]]
            return Span(kind, i, end + 1, label, None, ref)
    return Span(kind, i, close + 1, label, None, s[label[0]:label[1]])  # shortcut: a link only if defined


class _Line:
    """`s.find(sub, start)` for starts that only grow, as `scan_inline` asks: each string is searched
    once forward instead of once per opener (many unclosed `<!--` or `\\(` made a line quadratic)."""

    def __init__(self, s: str):
        self.s = s
        self.found: dict[str, int] = {}
        self._ticks: _Backticks | None = None

    def ticks(self) -> "_Backticks":
        """The line's backtick runs, built on first use."""
        if self._ticks is None:
            self._ticks = _Backticks(self.s)
        return self._ticks

    def find(self, sub: str, start: int) -> int:
        at = self.found.get(sub)
        if at is None or (at != -1 and at < start):
            at = self.s.find(sub, start)
            self.found[sub] = at
        return at


# the openers of HTML_TAG_RE that scan to their closer (a comment, a processing instruction, a
# declaration, CDATA): the regex is run only up to the closer, found once per line by `_Line.find`
_HTML_CLOSERS = (("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">"))


def _html_tag(s: str, i: int, nxt: _Line):
    """HTML_TAG_RE.match(s, i), in time bounded by the distance to the tag's closer."""
    for opener, closer in _HTML_CLOSERS:
        if s.startswith(opener, i):
            if opener == "<!--" and (s.startswith("<!-->", i) or s.startswith("<!--->", i)):
                return HTML_TAG_RE.match(s, i, i + 6)
            end = nxt.find(closer, i + len(opener))
            return HTML_TAG_RE.match(s, i, end + len(closer)) if end >= 0 else None
    return HTML_TAG_RE.match(s, i)


# What starts at s[i], for each character that can open a span: (the span or None, where to go on).
# `line` gives the line's backtick runs (built on first use) and forward searches (`_Line.find`).
_Step = tuple[Span | None, int]


def _at_backslash(s: str, i: int, line: "_Line") -> _Step:
    nxt = s[i + 1:i + 2]
    if nxt in ("(", "["):
        close = line.find("\\" + (")" if nxt == "(" else "]"), i + 2)
        if close > i + 2:
            return Span("math", i, close + 2), close + 2
    return None, i + (2 if nxt in _ASCII_PUNCT else 1)


def _at_backtick(s: str, i: int, line: "_Line") -> _Step:
    end = _code_end(s, i, line.ticks())
    return (Span("code", i, end) if end > 0 else None), abs(end)


def _at_dollar(s: str, i: int, line: "_Line") -> _Step:
    end = _math_end(s, i)
    if end > 0:
        return Span("math", i, end), end
    return None, i + (2 if s.startswith("$$", i) else 1)


def _at_angle(s: str, i: int, line: "_Line") -> _Step:
    m = _AUTOLINK.match(s, i)
    if m:
        return Span("autolink", i, m.end()), m.end()
    m = _html_tag(s, i, line)
    if not m:
        return None, i + 1
    tag = m.group(0)
    if tag.startswith("<!--"):
        return Span("comment", i, m.end()), m.end()
    if tag[:2] in ("<?", "<!"):
        return None, m.end()  # declarations and processing instructions: left as text
    return Span("html", i, m.end()), m.end()


def _at_ampersand(s: str, i: int, line: "_Line") -> _Step:
    m = ENTITY_RE.match(s, i)
    if m and decode_entity(m.group(0)) is not None:
        return Span("entity", i, m.end()), m.end()
    return None, i + 1


def _at_bang(s: str, i: int, line: "_Line") -> _Step:
    if s.startswith("[", i + 1) and line.find("]", i) >= 0:  # no label can close: a line of unclosed `[` stays linear
        sp = _link(s, i, True, line.ticks())
        if sp is not None and (sp.dest is not None or sp.ref is not None):
            return sp, sp.end
    return None, i + 1


def _at_bracket(s: str, i: int, line: "_Line") -> _Step:
    m = _FOOTNOTE_REF.match(s, i)
    if m:
        return Span("footnote", i, m.end()), m.end()
    if line.find("]", i) < 0:
        return None, i + 1
    sp = _link(s, i, False, line.ticks())
    if sp is not None:
        return sp, sp.end
    return None, i + 1


def _at_url_start(s: str, i: int, line: "_Line") -> _Step:
    if i == 0 or not s[i - 1].isascii() or not s[i - 1].isalnum():
        m = _URL.match(s, i)
        if m:
            return Span("url", i, m.end()), m.end()
    return None, i + 1


_AT: dict[str, Callable[[str, int, "_Line"], _Step]] = {
    "\\": _at_backslash, "`": _at_backtick, "$": _at_dollar, "<": _at_angle, "&": _at_ampersand,
    "!": _at_bang, "[": _at_bracket, "h": _at_url_start, "w": _at_url_start,
}


def scan_inline(s: str) -> list[Span]:
    """The spans of one line or paragraph, in order, not overlapping. Linear in `s` but for the
    bounded look-aheads (a link label, an inline formula)."""
    spans: list[Span] = []
    line = _Line(s)
    i, n = 0, len(s)
    while i < n:
        at = _AT.get(s[i])
        if at is None:
            i += 1
            continue
        sp, i = at(s, i, line)
        if sp is not None:
            spans.append(sp)
    return spans


PROTECTED = frozenset({"code", "math", "autolink", "url"})
