"""Markdown as a tree of blocks with exact line ranges, read by markdown-it-py (CommonMark + GFM tables).

The extractor works on `Block`s: headings, paragraphs, lists and their items, blockquotes, fenced and
indented code, HTML blocks, tables and thematic breaks, each with its first and last source line
(1-based, inclusive, trailing blank lines excluded). The token `map` of markdown-it gives the ranges;
inline parsing is switched off (the extractor reads inline text from the source lines it needs).

Two repairs CommonMark does not make, both reported to the user:

* an unclosed fence runs to the end of the document in CommonMark; here it ends before the next
  level-2+ ATX heading at column 0 after it, so one missing ``` does not swallow the article; a
  fence whose "code" would hold the opening line of another fence (```` ```python ````) was not
  closed either, and ends there at the latest;
* a bare ``` whose "code" would hold the opening line of another fence (```` ```c++ ````) is a
  stray: it is read as text, so the fence that follows opens where the author meant it to.

A heading glued to the end of a paragraph line (``…<|vq_1|>### 2. 标题``) is split off as a heading
block starting at that column. The lint view (`Scan`: one `Line` per logical line, with its kind and
column) is derived from the same tree. Every pass here is linear in the input.

>>> tree = parse_tree("a\\n```py\\nx = 1\\n```\\n## H")
>>> [(b.kind, b.start, b.end) for b in tree.blocks]
[('paragraph', 1, 1), ('fence', 2, 4), ('heading', 5, 5)]
>>> [(l.no, l.kind) for l in tree.scan.lines]
[(1, 'text'), (2, 'fence'), (3, 'code'), (4, 'fence'), (5, 'heading')]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from qatool.parse.evidence import HTML_TAG_RE

# markdown-it's own nesting limit (its commonmark preset): containers nested deeper than this are
# not split further (their lines stay in the enclosing block), which bounds the work per line.
MAX_NESTING = 20


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    md.core.ruler.disable(["inline", "text_join"])  # block structure only
    return md


_MD = _make_parser()

FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")
# A heading level >= 2 at column 0: where an unclosed fence is assumed to have ended.
RECOVERY_HEADING_RE = re.compile(r"^#{2,6}[ \t]+\S")
# `…<|token|>### 标题` or `…。### 标题`: a heading glued to the end of a paragraph line (not a note written as a code
# comment, `…。# TODO: 待确认`)
GLUED_AT_RE = re.compile(r"(?:<\|[^|<>\n]{0,80}\|>|[。！？!?])[ \t]*(?=#{1,6}[ \t]+(?!(?:TODO|FIXME|XXX|NOTE|HACK)\b)\S)")


@dataclass(slots=True)
class Block:
    """One block of the document. `start`/`end` are 1-based inclusive source lines."""

    kind: str  # heading paragraph list item quote fence code html table hr
    start: int
    end: int
    level: int = 0  # heading level
    info: str = ""  # fence info string; list item marker ('-', '1.', '2)')
    ordered: bool = False  # list / item
    number: str | None = None  # ordered list item number as written
    setext: bool = False
    col: int = 0  # column where a glued heading starts
    closed: bool = True  # fence: has a closing line
    content: str = ""  # fence / code block content (container prefixes removed)
    cut: int = 0  # the last line ends at this column (a paragraph before a glued heading), 0: whole line
    label: object = None  # the field label that starts it, once looked up (parse.sections.block_label)
    html: bool = False  # a heading written as an HTML tag on its own line (`<h2 id="…">…</h2>`)
    children: list[Block] = field(default_factory=list)

    def walk(self):
        """This block and every block inside it, in document order (iterative: nesting is bounded
        by the parser, but no recursion is needed)."""
        stack = [self]
        while stack:
            b = stack.pop()
            yield b
            stack.extend(reversed(b.children))


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


class Scan:
    """The lint view of a document: its logical lines (built when first asked for: the parse stage
    alone never needs them), and what the reader repaired."""

    def __init__(self, lines: list[Line] | None = None, unclosed_fences: list[int] | None = None,
                 glued_headings: list[int] | None = None, stray_fences: list[int] | None = None, build=None) -> None:
        self._lines = lines
        self._build = build
        self.unclosed_fences = unclosed_fences or []  # line numbers of fences never closed
        self.glued_headings = glued_headings or []
        self.stray_fences = stray_fences or []  # bare ``` read as text

    @property
    def lines(self) -> list[Line]:
        if self._lines is None:
            self._lines = self._build() if self._build is not None else []
            self._build = None
        return self._lines


@dataclass
class Tree:
    lines: list[str]  # source lines (no newline)
    blocks: list[Block]  # top-level blocks, in order
    scan: Scan
    code: list[Block] = field(default_factory=list)  # every fenced and indented code block, in order


# ------------------------------------------------------------------------------------- fence pre-pass


class _FirstAtLeast:
    """For a sequence of (position, length) pairs in position order: the first pair after a position
    whose length is at least L, in O(log n) (a max segment tree searched from the left)."""

    def __init__(self, pos: list[int], lens: list[int]) -> None:
        self.pos = pos
        size = 1
        while size < max(1, len(lens)):
            size *= 2
        self.size = size
        tree = [0] * (2 * size)
        tree[size:size + len(lens)] = lens
        for i in range(size - 1, 0, -1):
            tree[i] = max(tree[2 * i], tree[2 * i + 1])
        self.tree = tree

    def first(self, after: int, least: int) -> int | None:
        """Position of the first pair with position > after and length >= least."""
        lo = bisect_right(self.pos, after)
        if lo >= len(self.pos):
            return None
        found = self._search(1, 0, self.size, lo, least)
        return None if found is None else self.pos[found]

    def _search(self, node: int, nlo: int, nhi: int, lo: int, least: int) -> int | None:
        # iterative descent: leftmost leaf index >= lo whose value >= least
        stack = [(node, nlo, nhi)]
        tree = self.tree
        while stack:
            node, nlo, nhi = stack.pop()
            if nhi <= lo or tree[node] < least:
                continue
            if nhi - nlo == 1:
                return nlo
            mid = (nlo + nhi) // 2
            stack.append((2 * node + 1, mid, nhi))
            stack.append((2 * node, nlo, mid))
        return None


@dataclass
class _Fences:
    splits: list[int]  # 0-based lines where a new segment starts (recovery headings)
    unclosed: list[int]  # 0-based opener lines never closed
    stray: list[int]  # 0-based bare fence lines read as text
    code: list[tuple[int, int]] = field(default_factory=list)  # 0-based [opener, end) of each fence


def _fence_prepass(lines: list[str]) -> _Fences:
    """Which fences never close (and where they are taken to end), and which bare fences are strays;
    fence-like lines inside an HTML comment (`<!-- ``` … ``` -->`) or another HTML block with an end
    marker are not fences. Such blocks are looked for outside code only, and code outside them only:
    the two are read again until they agree (one more pass in practice, none without such a block)."""
    out = _fence_scan(lines)
    masked: set[int] = set()
    for _ in range(4):
        inside = _marked_html_lines(lines, out.code)
        if inside == masked:
            break
        masked = inside
        out = _fence_scan([("" if i in masked else s) for i, s in enumerate(lines)])
    return out


def _marked_html_lines(lines: list[str], code: list[tuple[int, int]]) -> set[int]:
    """The lines after the first of each HTML block that ends at a marker on a later line (a comment
    `<!--` … `-->`, `<pre>` … `</pre>`, `<?` … `?>`…), its start outside `code`; a block whose end
    never comes is left alone (a stray `<!--` must not hide the rest of the file)."""
    inside: set[int] = set()
    ends: dict[str, list[int]] = {}
    starts = sorted(code)
    k, i, n = 0, 0, len(lines)
    while i < n:
        while k < len(starts) and starts[k][1] <= i:
            k += 1
        if k < len(starts) and starts[k][0] <= i:
            i = starts[k][1]
            continue
        low = lines[i].lstrip(" \t").lower()
        stop = _html_block_end(low) if low.startswith("<") else None
        if stop:
            if stop not in ends:  # the lines holding each marker, found once: linear however many blocks never end
                ends[stop] = [j for j, line in enumerate(lines) if stop in line.lower()]
            q = bisect_right(ends[stop], i)
            if q < len(ends[stop]):
                j = ends[stop][q]
                inside.update(range(i + 1, j + 1))
                i = j
        i += 1
    return inside


def _html_block_end(low: str) -> str | None:
    """For a lower-cased line that starts an HTML block (`<` first): the marker that ends it on a later
    line (comments, <pre>, <script>…, <?…, <!X…), None when it ends on this line, "" for a block that
    runs to the next blank line (<div>, <details>, </p>…)."""
    for start, stop in _HTML_STARTS:
        if low.startswith(start):
            return None if stop in low[len(start):] else stop
    for tag in _HTML_TAGS:
        if low.startswith("<" + tag) and low[len(tag) + 1:len(tag) + 2] in ("", " ", ">", "\t"):
            return None if f"</{tag}>" in low else f"</{tag}>"
    if low[1:2] == "!" and low[2:3].isalpha():
        return None if ">" in low[2:] else ">"
    return ""


# a list item's marker before a fence on the same line (`- ```text`, `1. ~~~`)
_LIST_FENCE_RE = re.compile(r"([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(?=```|~~~)")
_LIST_LINE_RE = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _indented_code(lines: list[str]) -> set[int]:
    """0-based lines of indented code blocks (four columns in, after a blank line, not under a list item): a fence-like
    line there is the block's text (`    ```python from tool import …` in printed notebook output), as CommonMark reads
    it. One pass."""
    out: set[int] = set()
    listish = False  # the last line indented less than four columns belongs to a list
    inside = False
    prev_blank = True
    for i, s in enumerate(lines):
        if not s.strip():
            prev_blank = True
            continue
        col = len(s.expandtabs(4)) - len(s.expandtabs(4).lstrip(" "))
        if col < 4:
            listish = col >= 2 or _LIST_LINE_RE.match(s) is not None
            inside = False
        elif not inside and prev_blank and not listish:
            inside = True
        prev_blank = False
        if inside:
            out.add(i)
    return out


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
# a line of code: ASCII operators or brackets, or a comment or statement opener
_CODE_LINE_RE = re.compile(r"[=(){}\[\];<>]|^\s*(?:#|//|import |from |def |class |print|return\b)")


# the languages of a block meant for prose (a ```text block of notes that forgot its close is no chat reply)
_PROSE_LANGS = frozenset({"text", "txt", "plain", "plaintext", "markdown", "md"})
# a line of Markdown: a list item, bold, a heading or a quote
_MARKDOWN_LINE_RE = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\*\*|#|>)")


def _quoted_reply(lines: list[str], a: int, b: int) -> bool:
    """Whether lines a..b-1 (some) are all plain sentences in Chinese, no line of code or of Markdown: the text of a
    chat model's reply that a code block shows, whose own fences are its text; a forgotten closing fence has code or
    notes before the next opener."""
    body = [s for s in lines[a:b] if s.strip()]
    return bool(body) and len(body) <= 8 and all(_HAN_RE.search(s) and not _CODE_LINE_RE.search(s)
                                                 and not _MARKDOWN_LINE_RE.match(s) for s in body)


def _fence_scan(lines: list[str]) -> _Fences:
    """`_fence_prepass` without HTML blocks.

    Fence lines are recognised at any indentation (inside list items too); a fence of ` closes at
    the first later line of at least as many ` and nothing else, indented at most three columns past
    the opener (a deeper one is code: an example nested in the block), likewise for ~. Linear: each
    opener finds its closer in O(log n) instead of scanning ahead."""
    openers: dict[int, tuple[str, int, bool]] = {}
    langs: dict[int, str] = {}  # each opener's language (the info string's first word)
    indent: dict[int, int] = {}
    closers: dict[str, tuple[list[int], list[int]]] = {"`": ([], []), "~": ([], [])}
    info_openers: dict[str, list[int]] = {"`": [], "~": []}
    recovery: list[int] = []
    icode = _indented_code(lines)
    # triple quotes before each line: an opening line inside a string literal of the block's code (a prompt template
    # that asks for "```json") is the string's text, not a sign that the block's closing fence was forgotten
    quotes = [0]
    for s in lines:
        quotes.append(quotes[-1] + s.count('"""') + s.count("'''"))
    for i, s in enumerate(lines):
        stripped = s.lstrip(" \t")
        if not stripped or i in icode:
            continue
        c0 = stripped[:1]
        if c0 and c0 in "-*+0123456789" and (item := _LIST_FENCE_RE.match(s)) is not None:
            # a fence that opens a list item (`- ```text`): the fence stands at the item's content indent
            s = " " * len(item.group(1).expandtabs(4)) + s[item.end():]
            c0 = s.lstrip(" \t")[:1]
        if c0 in ("`", "~"):
            m = FENCE_RE.match(s)
            if m:
                fence, info = m.group(1), m.group(2)
                ch = fence[0]
                if ch == "`" and "`" in info:
                    continue
                openers[i] = (ch, len(fence), bool(info.strip()))
                langs[i] = info.strip().split(" ")[0].lower()
                indent[i] = len(s.expandtabs(4)) - len(s.expandtabs(4).lstrip(" "))
                if info.strip():
                    info_openers[ch].append(i)
                else:
                    closers[ch][0].append(i)
                    closers[ch][1].append(len(fence))
        elif c0 == "#" and RECOVERY_HEADING_RE.match(s):
            recovery.append(i)
    finders = {ch: _FirstAtLeast(p, ln) for ch, (p, ln) in closers.items()}
    out = _Fences([], [], [])
    n = len(lines)
    i = 0
    while i < n:
        op = openers.get(i)
        if op is None:
            i += 1
            continue
        ch, length, has_info = op
        j = finders[ch].first(i, length)
        for _ in range(64):  # (a closer indented four or more columns past the opener is the block's text)
            if j is None or indent[j] <= indent[i] + 3:
                break
            j = finders[ch].first(j, length)
        inner = info_openers[ch]
        q = bisect_right(inner, i)
        # an opening line inside the block at the opener's indent or less says its closing fence was forgotten; a
        # deeper one is an example nested in the block (`    ```python` in a transcript, a list item's fence). A
        # fence of four or more marks is written to hold other fences (````markdown around a ```python example):
        # what it holds is its text, as CommonMark reads it, and it closes at its closing fence
        last = q + 256  # (bounded: a document of deep openers that never close stays linear)
        # (inside a string literal only when the closer is outside it: a bare fence in the string would cut the block
        # short in CommonMark, and the forgotten close is then real)
        in_string = j is not None and (quotes[j] - quotes[i + 1]) % 2 == 0
        while q < min(len(inner), last) and (j is None or inner[q] < j) and (
                indent[inner[q]] > indent[i] or (in_string and (quotes[inner[q]] - quotes[i + 1]) % 2)):
            q += 1
        nested = inner[q] if length == 3 and q < len(inner) and (j is None or inner[q] < j) else None
        if nested is not None and j is not None and langs[i] not in _PROSE_LANGS and _quoted_reply(lines, i + 1, nested):
            nested = None  # a model's reply shown as the block's text (`当然！以下是…代码：` then its own ```python)
        if j is not None and nested is None:
            out.code.append((i, j + 1))
            i = j + 1
            continue
        if j is not None and not has_info:
            out.stray.append(i)  # its "code" would hold another fence's opening line (```c++)
            i += 1
            continue
        # never closed, or its "code" holds another fence's opening line: the closing ``` was
        # forgotten; it ends before the next ##-heading (or before that opening line)
        out.unclosed.append(i)
        k = bisect_right(recovery, i)
        stop = recovery[k] if k < len(recovery) else None
        if nested is not None and (stop is None or stop > nested):
            stop = nested
        if stop is None:
            out.code.append((i, n))
            break
        out.code.append((i, stop))
        out.splits.append(stop)
        i = stop
    return out


# -------------------------------------------------------------------------------------------- tree

_CONTAINERS = {
    "bullet_list_open": "list", "ordered_list_open": "list", "list_item_open": "item",
    "blockquote_open": "quote", "paragraph_open": "paragraph", "heading_open": "heading",
    "table_open": "table",
}
_SKIP_INSIDE = {"table"}  # their inner tokens are not blocks of ours


def _blocks_of(text: str, offset: int, lines: list[str], code: list[Block]) -> list[Block]:
    """Top-level blocks of one segment (its lines start at 0-based `offset`); its fenced and indented
    code blocks are appended to `code`."""
    tokens = _MD.parse(text)
    root = Block("root", 1, 1)
    stack: list[Block] = [root]
    skip_depth = 0
    for tok in tokens:
        ttype = tok.type
        if skip_depth:
            if ttype.endswith("_open") and ttype[:-5] in _SKIP_INSIDE:
                skip_depth += 1
            elif ttype.endswith("_close") and ttype[:-6] in _SKIP_INSIDE:
                skip_depth -= 1
                if not skip_depth and len(stack) > 1:
                    stack.pop()  # the table itself
            continue
        if tok.nesting == 1:
            kind = _CONTAINERS.get(ttype)
            if kind is None or tok.map is None:
                stack.append(Block("other", 0, 0))  # kept only to balance the close
                continue
            b = Block(kind, tok.map[0] + offset + 1, tok.map[1] + offset)
            if kind == "heading":
                b.level = int(tok.tag[1])
                b.setext = tok.markup in ("=", "-")
            elif kind in ("list", "item"):
                b.ordered = ttype.startswith("ordered") or (kind == "item" and tok.markup in (".", ")"))
                if kind == "item":
                    b.number = tok.info or None
                    b.info = (tok.info + tok.markup) if tok.info else tok.markup
            stack[-1].children.append(b)
            if kind == "table":
                skip_depth = 1
            stack.append(b)
        elif tok.nesting == -1:
            if len(stack) > 1:
                stack.pop()
        else:
            if tok.map is None or ttype == "inline":
                continue
            for b in _leaf_blocks(tok, tok.map[0] + offset + 1, tok.map[1] + offset, lines):
                if b.kind in ("fence", "code"):
                    code.append(b)
                stack[-1].children.append(b)
    _trim(root.children, lines)
    return root.children


def _leaf_blocks(tok, s: int, e: int, lines: list[str]) -> list[Block]:
    """The blocks of one leaf token spanning source lines s..e: a fence, an indented code block, an HTML
    block, a thematic break; none for the others."""
    ttype = tok.type
    if ttype == "fence":
        b = Block("fence", s, e, info=tok.info.strip(), content=tok.content)
        last = lines[e - 1] if e - 1 < len(lines) else ""
        b.closed = e > s and _closes(tok.markup, FENCE_RE.match(last))
        return [b]
    if ttype == "code_block":
        return [Block("code", s, e, content=tok.content)]
    if ttype == "html_block":
        h = HTML_HEADING_RE.match(lines[s - 1]) if s - 1 < len(lines) else None
        if h is not None:  # `<h2 id="q1">1. 什么是 IoU？</h2>` on its own line: a heading (and text glued under it)
            rest: list[Block] = []
            if e > s:  # what the HTML block swallowed after it: text, or (a fence, more HTML) kept as HTML, as it renders
                glued = lines[s] if s < len(lines) else ""
                rest = [Block("html" if glued.lstrip().startswith(("```", "~~~", "<")) else "paragraph", s + 1, e)]
            return [Block("heading", s, s, level=int(h.group(1)), html=True)] + rest
        return [Block("html", s, e, content=tok.content)]
    if ttype == "hr":
        return [Block("hr", s, e)]
    return []


def _trim(blocks: list[Block], lines: list[str]) -> None:
    """Move each block's end up past trailing blank lines (markdown-it's list maps include them)."""
    for top in blocks:
        for b in top.walk():
            while b.end > b.start and not lines[b.end - 1].strip(" \t"):
                b.end -= 1


def _outside_code(found: Iterator[re.Match[str]], spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first of `found` (in order of position) that begins outside every inline code span of `spans`
    (sorted, disjoint): one pointer walks the spans, so a line of many candidates and spans stays linear."""
    k = 0
    for c in found:
        while k < len(spans) and spans[k][1] <= c.start():
            k += 1
        if k == len(spans) or c.start() < spans[k][0]:
            return c
    return None


def _split_glued(blocks: list[Block], lines: list[str]) -> list[int]:
    """Split top-level paragraphs at headings glued to the end of a line; returns their line numbers."""
    glued: list[int] = []
    out: list[Block] = []
    for b in blocks:
        if b.kind != "paragraph" or "#" not in "".join(lines[b.start - 1:b.end]):
            out.append(b)
            continue
        start = b.start
        for no in range(b.start, b.end + 1):
            s = lines[no - 1]
            if "#" not in s:
                continue
            m = _outside_code(GLUED_AT_RE.finditer(s), inline_code_spans(s))
            if not m or not s[:m.start()].strip():
                continue  # (a `#` inside an inline code span, `` `!# a` ``, is code, not a glued heading)
            col = m.end()
            hashes = len(s) - col - len(s[col:].lstrip("#"))
            out.append(Block("paragraph", start, no, cut=m.start() + len(m.group(0).rstrip(" \t"))))
            out.append(Block("heading", no, no, level=hashes, col=col))
            glued.append(no)
            start = no + 1
        if start <= b.end:
            out.append(Block("paragraph", start, b.end) if start != b.start else b)
    blocks[:] = out
    return glued


def fence_lang(info: str) -> str | None:
    """The language of a fence: the first word of its info string (```` ```python title ```` -> python)."""
    words = info.split()
    return words[0] if words else None


# header attributes at the end of a heading (kramdown, pandoc): `{#id}`, `{#id .class}`, `{.unnumbered}`
HEADER_ATTRS_RE = re.compile(r"\s\{\s*[#.][A-Za-z][\w.:-]*(?:\s+[#.][A-Za-z][\w.:-]*)*\s*\}$")
# an HTML heading alone on its line (`<h2 id="1.iou">1.目标检测中IOU的计算</h2>`)
HTML_HEADING_RE = re.compile(r"[ ]{0,3}<h([1-6])(?:\s[^<>]*)?>(.*?)</h\1\s*>\s*$", re.IGNORECASE)


# a heading's whole text one inline link, maybe in bold: `[7、线程异常会怎样](https://…)`, `**[题目](url "t")**`
WHOLE_LINK_RE = re.compile(r"(\*\*)?\[(?P<label>[^\[\]\n]+)\]\(\s*<?(?P<dest>(?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)(?(1)\*\*)")
_IN_PAGE_RE = re.compile(r"#|[^#]*\.(?:md|markdown)(?:#|$)", re.I)  # an anchor, or another page of the same notes


def heading_text(line: str, block: Block, lines: list[str] | None = None) -> str:
    """The text of a heading block: ATX markers and closing #s removed, the setext text lines, or an
    HTML heading's text without its tags."""
    if block.html:
        h = HTML_HEADING_RE.match(line)
        return HTML_TAG_RE.sub("", h.group(2)).strip() if h else line.strip()
    if block.setext and lines is not None:
        return " ".join(s.strip() for s in lines[block.start - 1:block.end - 1])
    s = line[block.col:].strip()
    s = s[len(s) - len(s.lstrip("#")):].strip() if s.startswith("#") else s
    if s.endswith("#"):
        body = s.rstrip("#")
        if not body or body[-1] in " \t":
            s = body.strip()
    if s.endswith("}"):
        a = HEADER_ATTRS_RE.search(s)
        if a is not None and a.start() > 0:
            s = s[:a.start()].rstrip()  # `### 1.1 训练流程 {#training-process}`: an anchor (kramdown, pandoc), not text
    if s.startswith(("[", "**[")) and s.endswith((")", ")**")):
        w = WHOLE_LINK_RE.fullmatch(s)
        if w is not None and not _IN_PAGE_RE.match(w.group("dest")):
            # `#### [7、…的区别。](https://…)`: a heading that is one link reads as its text (not an entry of a table
            # of contents, `#### [2.脏页是什么？](#脏页是什么？)`, whose question stands again below)
            s = w.group("label").strip()
    return s


def _closes(fence: str, m: re.Match | None) -> bool:
    """Whether a FENCE_RE match is a closing fence for the opening `fence` (its character, at least as long,
    no info string)."""
    return bool(m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not m.group(2).strip())


def _swallowed_fence(lines: list[str], b: Block, kinds: list[str], langs: dict[int, str | None]) -> None:
    """A fence that an HTML block swallowed (`<h1>…</h1>` with ```` ```python ```` on the next line) renders
    as text, but the author wrote code: for the linter the lines from it to its closing fence stay code
    (a token printed there is an example, not a leak). The parse itself keeps CommonMark's reading."""
    if lines[b.start - 1].lstrip().startswith("<!--"):
        return  # a comment's fences are commented out (`<!-- ```py` … ``` -->`)
    for no in range(b.start, b.end + 1):  # (the remainder under an HTML heading starts at the fence)
        m = FENCE_RE.match(lines[no - 1])
        if m is None or kinds[no - 1] != "text":
            continue
        kinds[no - 1] = "fence"
        langs[no] = fence_lang(m.group(2).strip())
        for k in range(no + 1, len(lines) + 1):
            if kinds[k - 1] == "fence" or _closes(m.group(1), FENCE_RE.match(lines[k - 1])):
                kinds[k - 1] = "fence"  # its closing fence (which CommonMark may take for an opening one)
                return
            if kinds[k - 1] == "text":
                kinds[k - 1] = "code"
        return


def _line_view(lines: list[str], blocks: list[Block], glued: list[int], code: list[Block]) -> list[Line]:
    kinds = ["text"] * len(lines)
    langs: dict[int, str | None] = {}
    headings: dict[int, Block] = {}
    for b in code:
        if b.kind == "fence":
            kinds[b.start - 1] = "fence"
            langs[b.start] = fence_lang(b.info)
            last = b.end if b.closed and b.end > b.start else b.end + 1
            for no in range(b.start + 1, last):
                kinds[no - 1] = "code"
            if b.closed and b.end > b.start:
                kinds[b.end - 1] = "fence"
        else:
            for no in range(b.start, b.end + 1):
                kinds[no - 1] = "code"
    for b in blocks:
        if b.kind == "html":
            _swallowed_fence(lines, b, kinds, langs)
    for b in blocks:
        if b.kind == "heading" and not b.col:
            headings[b.start] = b
            if b.setext:
                for no in range(b.start, b.end):
                    headings[no] = b
    glued_at = {b.start: b for b in blocks if b.kind == "heading" and b.col}
    out: list[Line] = []
    for idx, s in enumerate(lines):
        no = idx + 1
        kind = kinds[idx]
        if kind in ("fence", "code"):
            out.append(Line(no, s, kind=kind, fence_lang=langs.get(no)))
            continue
        if not s.strip():
            out.append(Line(no, s, kind="blank"))
            continue
        g = glued_at.get(no)
        if g is not None:
            out.append(Line(no, s[:g.col].rstrip(), kind="text"))
            out.append(Line(no, s[g.col:], col=g.col, kind="heading", level=g.level, heading=heading_text(s, g), glued=True))
            continue
        h = headings.get(no)
        if h is not None:
            text = heading_text(s, h, lines) if not h.setext else s.strip()
            out.append(Line(no, s, kind="heading", level=h.level, heading=text))
        else:
            out.append(Line(no, s, kind="text"))
    return out


# ------------------------------------------------------------------------------------ plain runs
#
# Most of a Q&A article is plain: ATX headings over paragraphs and flat bullet lists, where CommonMark
# leaves nothing to decide. Those runs are read here directly, and everything else by markdown-it;
# `tests/parse/test_parse_plain.py` checks on corpora and generated text that both give the same
# blocks. A run is cut only at a column-0 ATX heading outside code and HTML blocks, where CommonMark
# always starts a new top-level block.

_THEMATIC_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ORDERED_RE = re.compile(r"^[0-9]{1,9}[.)](?:[ \t]|$)")
_HTML_STARTS = (("<!--", "-->"), ("<?", "?>"), ("<![cdata[", "]]>"))
_HTML_TAGS = ("pre", "script", "style", "textarea")


_SPECIAL_START = frozenset(" \t>#`~<|=+[-*_0123456789")


def _plain_kind(s: str, bullet: bool = True) -> str | None:
    """'blank', 'text' (a paragraph line nothing else can claim), '-' / '*' (a bullet whose content
    is such text; only one level: `- - x` is not plain), or None (anything CommonMark might read
    otherwise)."""
    c = s[:1]
    if c not in _SPECIAL_START:
        return "text" if c else "blank"  # the common case: a line that starts with a letter or 汉字
    if not s.strip(" \t"):
        return "blank"  # CommonMark: only spaces and tabs make a blank line
    if c in " \t>#`~<|=+[-" and not (c == "-" and s[1:2] == " "):
        return None
    if c.isdigit():
        return None if _ORDERED_RE.match(s) else "text"
    if _THEMATIC_RE.match(s):
        return None
    if c in "*-" and s[1:2] == " ":
        if not bullet:
            return None
        if s[2:3] and s[2] not in _SPECIAL_START:
            return c  # the entry starts with a letter or 汉字 (what the call below would say, faster)
        rest = s[2:]
        return c if rest and _plain_kind(rest, bullet=False) == "text" else None
    if s[1:2] in ("", "\t"):
        return None
    return "text"


def _html_regions(lines: list[str]) -> list[bool]:
    """Lines that may be inside an HTML block (from a line starting with `<` to its end marker for
    comments, <pre>, <script>…, else to the next blank line): no run is cut there."""
    inside = [False] * len(lines)
    end: str | None = None
    for i, s in enumerate(lines):
        if end is not None:
            inside[i] = True
            if end == "" and not s.strip(" \t"):
                end = None
            elif end and end in s.lower():
                end = None
            continue
        t = s.lstrip(" \t")
        if not t.startswith("<"):
            continue
        inside[i] = True
        end = _html_block_end(t.lower())
    return inside


def _plain_blocks(lines: list[str], a: int, b: int, kinds: list[str | None]) -> list[Block]:
    """Blocks of lines[a:b] (0-based), every line of which is plain (after a leading ATX heading)."""
    out: list[Block] = []
    i = a
    atx = ATX_RE.match(lines[i]) if i < b else None
    if atx:  # its `#` run (after up to three spaces of indentation) is the level
        out.append(Block("heading", i + 1, i + 1, level=len(atx.group(1))))
        i += 1
    while i < b:
        k = kinds[i]
        if k == "blank":
            i += 1
            continue
        if k == "text":
            j = i + 1
            while j < b and kinds[j] == "text":
                j += 1
            out.append(Block("paragraph", i + 1, j))
            i = j
            continue
        marker = k or ""  # a list marker kind: every line of a plain run has a kind
        lst = Block("list", i + 1, i + 1)
        while i < b and kinds[i] == marker:
            j = i + 1
            while j < b and kinds[j] == "text":  # lazy continuation of the item's paragraph
                j += 1
            item = Block("item", i + 1, j, info=marker, children=[Block("paragraph", i + 1, j)])
            lst.children.append(item)
            lst.end = j
            k2 = j
            while k2 < b and kinds[k2] == "blank":
                k2 += 1
            if k2 < b and kinds[k2] == marker:
                i = k2
                continue
            i = j
            break
        out.append(lst)
    return out


def _runs(lines: list[str], parse_lines: list[str], fences: _Fences) -> tuple[list[tuple[int, int, bool]], list[str | None]]:
    """The document cut into (start, end, plain) runs (0-based, end exclusive): at recovery points
    of unclosed fences (hard cuts) and at safe ATX headings; consecutive non-plain runs between hard
    cuts are merged so markdown-it is called once for them. Also returns each line's plain kind."""
    n = len(lines)
    blocked = _html_regions(parse_lines)
    for s0, e0 in fences.code:
        for i in range(s0, min(e0, n)):
            blocked[i] = True
    kinds = [_plain_kind(s) for s in parse_lines]
    hard = set(fences.splits)
    cuts = [0]
    for i in range(1, n):
        if i in hard or (not blocked[i] and parse_lines[i][:1] == "#" and ATX_RE.match(parse_lines[i])):
            cuts.append(i)
    cuts.append(n)
    runs: list[tuple[int, int, bool]] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        first = a + 1 if ATX_RE.match(parse_lines[a]) and not blocked[a] else a
        plain = all(kinds[i] is not None for i in range(first, b)) and not any(blocked[i] for i in range(a, b))
        if runs and not plain and not runs[-1][2] and a not in hard:
            runs[-1] = (runs[-1][0], b, False)
        else:
            runs.append((a, b, plain))
    return runs, kinds


_FRONT_MATTER_MD = MarkdownIt("zero").use(front_matter_plugin)
_MAY_CLOSE_FRONT_MATTER_RE = re.compile(r"[ \t]*(?:-{3,}|\.\.\.)[ \t]*$")


def front_matter_lines(lines: list[str]) -> int:
    """How many lines at the top of a document are YAML front matter (`---` … `---` holding a YAML mapping,
    as Jekyll, Hugo and GitHub read it): metadata, not text. 0 when there is none; a file that opens with
    a thematic break and has another one below is no front matter (what lies between is no mapping)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    head = lines[:400]
    # (the plugin closes the block at the first line that can close it: parsed up to that line only, the same token
    # comes out at a fraction of the cost of parsing 400 lines of prose; when that line turns out not to close it,
    # the whole head is parsed as before)
    closer = next((k for k in range(1, len(head)) if _MAY_CLOSE_FRONT_MATTER_RE.match(head[k])), None)
    tokens = _FRONT_MATTER_MD.parse("\n".join(head[:closer + 1]) + "\n") if closer is not None else []
    if not tokens or tokens[0].type != "front_matter" or not tokens[0].map:
        tokens = _FRONT_MATTER_MD.parse("\n".join(head) + "\n")
    if not tokens or tokens[0].type != "front_matter" or not tokens[0].map:
        return 0
    end = tokens[0].map[1]
    if end > len(head) or head[end - 1].rstrip() not in ("---", "..."):
        return 0  # never closed within reach
    try:
        meta = yaml.safe_load(tokens[0].content)
    except yaml.YAMLError:
        return 0
    return end if isinstance(meta, dict) and meta else 0


def parse_tree(text: str, fast: bool = True) -> Tree:
    """Read `text` (newlines normalised to \n) into top-level blocks and its lint view. With `fast`
    (the default), plain runs are read directly instead of by markdown-it (the same blocks). YAML
    front matter is read as blank lines (line numbers stay those of the file)."""
    lines = text.split("\n")
    fm = front_matter_lines(lines)
    if fm:
        lines = [""] * fm + lines[fm:]
    fences = _fence_prepass(lines)
    parse_lines = lines
    if fences.stray:
        parse_lines = list(lines)
        for i in fences.stray:
            parse_lines[i] = ""
    blocks: list[Block] = []
    code: list[Block] = []
    if fast:
        runs, kinds = _runs(lines, parse_lines, fences)
        # The slow reading gives markdown-it each fence-split segment whole; a non-plain run that
        # ends inside such a segment is followed there by a newline, which an HTML block keeps.
        segment_ends = set(fences.splits)
        segment_ends.add(len(lines))
        upto = 0  # runs before this line were read with an earlier one
        for a, b, plain in runs:
            if a < upto:
                continue
            if plain:
                blocks.extend(_plain_blocks(parse_lines, a, b, kinds))
                continue
            tail = "" if b in segment_ends else "\n"
            got: list[Block] = []
            found = _blocks_of("\n".join(parse_lines[a:b]) + tail, a, lines, got)
            if tail and found and found[-1].kind == "fence" and not found[-1].closed:
                # a fence the pre-pass took as closed opens here for markdown-it (its opener was swallowed by an
                # HTML block above): it runs on past this run, so the rest of the segment is read with it
                b = min(e for e in segment_ends if e > a)  # a segment's end: no newline follows it
                got = []
                found = _blocks_of("\n".join(parse_lines[a:b]), a, lines, got)
                upto = b
            blocks.extend(found)
            code.extend(got)
    else:
        bounds = [0] + fences.splits + [len(lines)]
        for a, b in zip(bounds, bounds[1:]):
            if a < b:
                blocks.extend(_blocks_of("\n".join(parse_lines[a:b]), a, lines, code))
    code.sort(key=lambda b: b.start)
    glued = _split_glued(blocks, lines)
    scan = Scan(None, [i + 1 for i in fences.unclosed], glued, [i + 1 for i in fences.stray],
                build=lambda: _line_view(lines, blocks, glued, code))
    return Tree(lines, blocks, scan, code)


# ----------------------------------------------------------------------------------------- inline code


def inline_code_spans(s: str) -> list[tuple[int, int]]:
    """(start, end) of each inline code span of a line, backticks included: a run of backticks
    opens a span that the next run of exactly the same length closes (CommonMark). Runs are paired
    in one left-to-right pass, so a line of many backticks costs linear time."""
    if "`" not in s:
        return []
    runs = [(m.start(), m.end()) for m in _BACKTICKS_RE.finditer(s)]
    nxt: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for k in range(len(runs) - 1, -1, -1):
        length = runs[k][1] - runs[k][0]
        nxt[k] = last.get(length)
        last[length] = k
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        j = nxt[k]
        if j is None:
            k += 1
            continue
        spans.append((runs[k][0], runs[j][1]))
        k = j + 1
    return spans


def mask_inline_code(s: str) -> str:
    """Replace inline code spans (and their backticks) with spaces, keeping every other column in place."""
    return INLINE_CODE_RE.sub(lambda m: " " * len(m.group(0)), s)


class _Span:
    __slots__ = ("_s", "_a", "_b")

    def __init__(self, s: str, a: int, b: int) -> None:
        self._s, self._a, self._b = s, a, b

    def group(self, n: int = 0) -> str:
        return self._s[self._a:self._b]

    def start(self) -> int:
        return self._a

    def end(self) -> int:
        return self._b


class _InlineCode:
    """`INLINE_CODE_RE.sub(repl, s)` and `.finditer(s)` over inline code spans, as a compiled pattern
    would offer, but linear (see `inline_code_spans`)."""

    def finditer(self, s: str):
        return (_Span(s, a, b) for a, b in inline_code_spans(s))

    def sub(self, repl, s: str) -> str:
        spans = inline_code_spans(s)
        if not spans:
            return s
        out, pos = [], 0
        for a, b in spans:
            out.append(s[pos:a])
            out.append(repl(_Span(s, a, b)) if callable(repl) else repl)
            pos = b
        out.append(s[pos:])
        return "".join(out)


INLINE_CODE_RE = _InlineCode()
_BACKTICKS_RE = re.compile(r"`+")
