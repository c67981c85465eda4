"""Cleaning the Markdown people write, for training text. Each step is a span replacement; whatever is
not one of these spans is copied as written, and code (fenced, indented, inline) and LaTeX (`$…$`,
`$$…$$`, `\\(…\\)`) are never touched.

| step (in stats)  | what happens |
| ---------------- | ------------ |
| `entity`         | HTML entities decoded (`&emsp;&emsp;` at a paragraph's start goes; `&lt;div&gt;` becomes `` `<div>` ``) |
| `br`             | `<br>` becomes a line break (a space in a table cell or heading, nothing at a line's end) |
| `details`        | `<details>` unwrapped; its `<summary>` dropped when it is a label (答案, 点击展开, Show answer), else kept in bold |
| `html`           | other raw HTML converted to Markdown by markdownify (`<b>` -> `**`, `<h3>` -> `###`, `<table>` -> a pipe table), or to its text (`<font>`, `<center>`, `<span>`); comments, `<script>` and `<style>` removed |
| `toc`            | `[TOC]`, `[[TOC]]`, `@[TOC](…)` lines removed |
| `footnote`       | footnote markers `[^1]` and definitions removed |
| `ref-definition` | link reference definitions removed; `[text][ref]` links resolved to them (or to their text) |
| `relative-link`  | links into the source repository (`[text](../a.md)`, `[text](#sec)`) become their text |
| `formula`        | formula images (`![](https://latex.codecogs.com/…?x^2)`, codecogs editor links) become `$x^2$` |
| `image-alt` / `image-drop` | images (Markdown and `<img>`) per policy: `alt` keeps a meaningful alt text (not a file name, "image", "在这里插入图片描述"), `drop` removes them, `keep` leaves them |
| `radical`        | look-alike CJK radicals (U+2F00–U+2FDF, U+2E80–U+2EFF) and compatibility ideographs replaced by the ideograph they stand for: the linter's FM009 definition and fix (`qatool.lint.chars.standard_char`: NFKC, or Unicode's EquivalentUnifiedIdeograph for the supplement) |

HTML is converted with markdownify (MIT, maintained, built on BeautifulSoup's tolerant parser, every
element's conversion overridable) rather than html2text (GPL-3.0, which an MIT package should not
depend on) or regexes; markdown-it-py's CommonMark grammar (qatool.common.markup) finds the HTML, so
`vector<int>`, `<unk>` and `</s>` stay text.

>>> MarkupCleaner().clean("&emsp;&emsp;见<font color=red>下图</font>：<br>![](img/a.png)`<br>`")[0]
'见下图：\\n`<br>`'
"""
from __future__ import annotations

import re
from collections import Counter

from markdown_it.common.html_re import comment as comment_re
from markdownify import MarkdownConverter

from qatool.common.answers import compact
from qatool.common.markup import (
    ENTITY_RE,
    HTML_TAG_RE,
    PROTECTED,
    Span,
    blocks,
    decode_entity,
    formula_of,
    is_html_tag,
    is_relative,
    reference_key,
    scan_inline,
    tag_name,
)
from qatool.export.model import IMAGE_POLICIES
from qatool.lint.chars import LOOKALIKE_RE, standard_char

_TAG_START = re.compile(r"<[A-Za-z/!]")
_TOC_HINT = re.compile(r"\[\[?_?toc_?\]|@\[toc\]", re.I)
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.M)


def _may_need(text: str) -> bool:
    """Cheap tests, each a substring search first: most fields hold none of what cleaning changes."""
    return bool(("<" in text and _TAG_START.search(text))
                or ("&" in text and ENTITY_RE.search(text))
                or "](" in text or "][" in text or "[^" in text
                or ("]:" in text and _DEFINITION.search(text))
                or (("toc" in text or "TOC" in text) and _TOC_HINT.search(text))
                or LOOKALIKE_RE.search(text))
_TOC_LINE = re.compile(r"^\s*(?:\[toc\]|\[\[_?toc_?\]\]|@\[toc\](?:\([^)\n]*\))?|\{:toc\}|\$\{toc\})\s*$", re.I)
_LINE_PREFIX = re.compile(r"(?P<quote>[ \t]*(?:>[ \t]?)*)(?P<item>[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_EMPTIED = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]*)?$")
_COMMENT = re.compile(comment_re)

# Private-use characters stand in for what must survive markdownify or be decided at the end; a
# text that already holds them is converted without protection (they are never in real prose).
_SP, _LT, _GT = "\ue001", "\ue002", "\ue003"
_SLOT_OPEN, _SLOT_CLOSE = "\ue010", "\ue011"
_SLOT = re.compile(f"{_SLOT_OPEN}(\\d+){_SLOT_CLOSE}")
_PRIVATE = re.compile("[\ue001-\ue011]")
_SPACES = {"\u00a0", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f"}
_SPACE_MAP = str.maketrans({c: _SP for c in _SPACES})
_LEAD_SPACES = re.compile(f"^((?:[ \\t]*>)*[ \\t]*(?:(?:[-*+]|\\d{{1,9}}[.)])[ \\t]+)?)[ {_SP}]*{_SP}[ {_SP}]*", re.M)
_DECODED_TAG = re.compile(f"{_LT}([^{_LT}{_GT}\\n]{{1,200}}){_GT}")

# alt texts that say nothing: file names, screenshot and editor defaults
_NO_ALT = re.compile(
    r"^(?:image|img|pic|picture|photo|figure|fig|alt|screenshot|图片|图|图像|截图|示意图|插图|在这里插入图片描述|这里写图片描述|"
    r"微信截图|qq截图|tim截图|snipaste|屏幕截图|untitled|default|placeholder)[\w\-_. ]*$|"
    r"\.(?:png|jpe?g|gif|svg|webp|bmp)$|^[\w\-.]*\d{4,}[\w\-.]*$", re.I)
_LABEL_SUMMARY = re.compile(
    r"^(?:点击|点此|查看|展开|收起|显示|隐藏|答案|参考答案|解析|解答|详情|详解|更多|代码|示例|折叠|内容|"
    r"click|show|hide|view|expand|collapse|toggle|answer|answers|solution|details|detail|more|code|here|to|the|see|me)*$")
_UI_HINT = re.compile(r"[（(]?\s*(?:点击展开|点击查看|点击显示|点击折叠|click to (?:expand|show|view))\s*[）)]?", re.I)


class _Html(MarkdownConverter):
    """markdownify with the choices a training text needs: ATX headings, `-` bullets, no escaping (the
    text between tags is already Markdown), images always as Markdown (the image policy runs after),
    `<details>` unwrapped and label `<summary>`s dropped."""

    def __init__(self) -> None:
        super().__init__(heading_style="ATX", bullets="-", escape_asterisks=False, escape_underscores=False,
                         escape_misc=False, newline_style="backslash", table_infer_header=True,
                         keep_inline_images_in=["a", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "li", "p", "span", "font", "center", "div", "b", "strong"])

    def convert_br(self, el, text, parent_tags):
        return "\n" + text

    def convert_details(self, el, text, parent_tags):
        return "\n\n" + text.strip("\n") + "\n\n"

    def convert_summary(self, el, text, parent_tags):
        return _summary(text)

    def convert_img(self, el, text, parent_tags):
        alt, src = el.attrs.get("alt") or "", el.attrs.get("src") or ""
        return f"![{alt}]({src})" if src else ""

    def convert_hr(self, el, text, parent_tags):
        return "\n\n"

    def convert_sup(self, el, text, parent_tags):
        return _script("^", text)

    def convert_sub(self, el, text, parent_tags):
        return _script("_", text)


def _script(mark: str, text: str) -> str:
    """`x<sup>2</sup>` -> `x^2`, `x<sub>ij</sub>` -> `x_{ij}`: how people type them in plain text."""
    text = text.strip()
    if not text:
        return ""
    return f"{mark}{text}" if len(text) == 1 else f"{mark}{{{text}}}"


def _summary(text: str) -> str:
    s = _UI_HINT.sub("", text).strip().strip("*").strip()
    if not s or _LABEL_SUMMARY.match(compact(s)):
        return ""
    return f"\n\n{s}\n\n"


_CONVERTER: list[_Html] = []


def _converter() -> _Html:
    if not _CONVERTER:
        _CONVERTER.append(_Html())
    return _CONVERTER[0]


class MarkupCleaner:
    """Cleans one field. `images`: alt | drop | keep."""

    def __init__(self, images: str = "alt"):
        if images not in IMAGE_POLICIES:
            raise ValueError(f"--images must be one of {', '.join(IMAGE_POLICIES)}, got {images!r}")
        self.images = images

    def clean(self, text: str) -> tuple[str, Counter[str]]:
        """(cleaned text, steps applied with how often)."""
        steps: Counter[str] = Counter()
        if not _may_need(text):
            return text, steps
        out = self._blocks(text, steps, {})
        if _PRIVATE.search(out):
            out = _finish(out, steps)
        if steps["entity"] and "&" in out and ENTITY_RE.search(out):
            again, more = self.clean(out)  # escaped twice (`&amp;nbsp;`), as scrapers leave it
            if again != out:
                steps.update(more)
                out = again
        return out, steps

    # ------------------------------------------------------------------------------------- blocks

    def _blocks(self, text: str, steps: Counter[str], refs: dict[str, str]) -> str:
        b = blocks(text)
        refs = {**refs, **b.refs}
        lines = text.split("\n")
        out: list[str] = []
        i = 0
        while i < len(lines):
            kind = b.kinds[i]
            j = i
            while j < len(lines) and (b.kinds[j] == kind or (kind == "text" and b.kinds[j] == "blank")):
                j += 1
            group = lines[i:j]
            if kind in ("code", "math", "blank"):
                out.extend(group)
            elif kind == "refdef":
                steps["ref-definition"] += len(group)
            elif kind == "footnote":
                steps["footnote"] += 1
            elif kind == "table":
                out.extend(self._inline(line, "table", steps, refs) for line in group)
            elif kind == "html":
                out.extend(self._html_block(group, steps, refs).split("\n"))
            else:
                out.extend(self._text(group, steps, refs))
            i = j
        return "\n".join(out)

    def _text(self, group: list[str], steps: Counter[str], refs: dict[str, str]) -> list[str]:
        kept = []
        for line in group:
            if _TOC_LINE.match(line):
                steps["toc"] += 1
            else:
                kept.append(line)
        cleaned = self._inline("\n".join(kept), "text", steps, refs).split("\n")
        # a line that cleaning emptied (an image alone on it, with its list marker) goes
        if len(cleaned) == len(kept):
            return [c for c, k in zip(cleaned, kept) if not (_EMPTIED.match(c) and not _EMPTIED.match(k))]
        if not any(_EMPTIED.match(k) and k.strip() for k in kept):
            return [c for c in cleaned if not (_EMPTIED.match(c) and c.strip())]
        return cleaned

    def _html_block(self, group: list[str], steps: Counter[str], refs: dict[str, str]) -> str:
        """Lines with tags go through markdownify, lines without (the Markdown people write between
        `<details>` and `</details>`) are cleaned as Markdown; a table or list converts as a whole."""
        joined = "\n".join(group)
        if "<!--" in joined:  # a comment may run over several lines: it goes first, whole
            without = _COMMENT.sub("", joined)
            if without != joined:
                steps["html"] += len(_COMMENT.findall(joined))
                group = [line for line in without.split("\n") if line.strip()]
                if not group:
                    return ""
        first = HTML_TAG_RE.match(group[0].lstrip())
        name = tag_name(first.group(0))[0] if first else ""
        if name in ("table", "ul", "ol", "dl", "pre"):
            return self._convert("\n".join(group), "text", steps, refs)
        parts: list[str] = []
        run: list[str] = []
        tagged: bool | None = None
        for line in group + [None]:
            has_tag = line is not None and bool(re.search(r"<[A-Za-z/!]", line))
            if line is None or (tagged is not None and has_tag != tagged):
                chunk = "\n".join(run)
                if tagged:
                    indent = run[0][:len(run[0]) - len(run[0].lstrip())]  # keep it inside its list item
                    converted = self._convert(chunk, "text", steps, refs).strip("\n")
                    parts.append("\n".join(indent + ln if ln.strip() else ln for ln in converted.split("\n")))
                else:
                    parts.append(self._blocks(chunk, steps, refs))
                run = []
            if line is not None:
                run.append(line)
                tagged = has_tag
        return "\n".join(p for p in parts)

    # -------------------------------------------------------------------------------------- inline

    def _inline(self, s: str, mode: str, steps: Counter[str], refs: dict[str, str]) -> str:
        spans = scan_inline(s)
        if not spans and not LOOKALIKE_RE.search(s):
            return s
        items = _pair_html(spans, s)
        out: list[str] = []
        pos = 0
        for start, end, sp, _element in items:
            out.append(self._gap(s[pos:start], steps))
            pos = end
            if sp is None:  # an element, both tags here
                out.append(self._convert(s[start:end], mode, steps, refs))
            else:
                out.append(self._span(s, sp, mode, steps, refs))
        out.append(self._gap(s[pos:], steps))
        res = "".join(out)
        if mode == "table":
            res = res.replace("\n", " ")
        return res

    def _gap(self, text: str, steps: Counter[str]) -> str:
        if LOOKALIKE_RE.search(text):
            fixed = LOOKALIKE_RE.sub(lambda m: "".join(standard_char(c) or c for c in m.group(0)), text)
            if fixed != text:
                steps["radical"] += sum(1 for a, b in zip(text, fixed) if a != b)
                return fixed
        return text

    def _span(self, s: str, sp: Span, mode: str, steps: Counter[str], refs: dict[str, str]) -> str:
        raw = s[sp.start:sp.end]
        if sp.kind in PROTECTED:
            return raw
        if sp.kind == "comment":
            steps["html"] += 1
            return ""
        if sp.kind == "footnote":
            steps["footnote"] += 1
            return ""
        if sp.kind == "entity":
            return self._entity(raw, mode, steps)
        if sp.kind == "html":
            if not is_html_tag(raw):
                return raw  # `<unk>`, `</s>`, `vector<int>`: text
            name, closing = tag_name(raw)
            if name == "br":
                steps["br"] += 1
                return self._br(s, sp.start, sp.end, mode)
            steps["details" if name in ("details", "summary") else "html"] += 1
            if name == "img":
                return self._markdown(_converter().convert(raw), mode, steps, refs)
            return ""
        if sp.kind == "image":
            return self._image(s, sp, mode, steps, refs)
        if sp.kind == "link":
            return self._link(s, sp, mode, steps, refs)
        return raw

    def _entity(self, raw: str, mode: str, steps: Counter[str]) -> str:
        steps["entity"] += 1
        ch = decode_entity(raw) or raw
        if ch in _SPACES or ch == " ":
            return _SP
        if ch == "<":
            return _LT
        if ch == ">":
            return _GT
        if ch == "|" and mode == "table":
            return "\\|"
        return ch

    def _br(self, s: str, start: int, end: int, mode: str) -> str:
        if mode != "text" or _HEADING.match(s, s.rfind("\n", 0, start) + 1):
            return " "
        nl = s.find("\n", end)
        if not s[end:nl if nl >= 0 else len(s)].strip():
            return ""  # already at a line's end
        line_start = s.rfind("\n", 0, start) + 1
        m = _LINE_PREFIX.match(s, line_start)  # matches everywhere (all its parts are optional)
        indent = (m.group("quote") + " " * len(m.group("item") or "")) if m else ""
        return "\n" + indent

    def _image(self, s: str, sp: Span, mode: str, steps: Counter[str], refs: dict[str, str]) -> str:
        raw = s[sp.start:sp.end]
        dest = sp.dest if sp.dest is not None else refs.get(reference_key(sp.ref or ""))
        tex = formula_of(dest) if dest is not None and self.images != "keep" else None
        if tex is not None:
            steps["formula"] += 1
            return _formula(tex, s, sp, mode)
        if self.images == "keep":
            return raw
        alt = sp.label_of(s).strip()
        if self.images == "drop" or not alt or _NO_ALT.search(alt):
            steps["image-drop"] += 1
            return ""
        steps["image-alt"] += 1
        return self._inline(alt, mode, steps, refs)

    def _link(self, s: str, sp: Span, mode: str, steps: Counter[str], refs: dict[str, str]) -> str:
        raw = s[sp.start:sp.end]
        label = sp.label_of(s)
        dest = sp.dest
        if dest is None:
            dest = refs.get(reference_key(sp.ref or ""))
            if dest is None:
                if sp.ref == label:
                    return "[" + self._inline(label, mode, steps, refs) + "]"  # `[CLS]`: brackets, not a link
                steps["ref-definition"] += 1
                return self._inline(label, mode, steps, refs)
        tex = formula_of(dest) if self.images != "keep" else None
        if tex is not None:
            steps["formula"] += 1
            return _formula(tex, s, sp, mode)
        text = self._inline(label, mode, steps, refs)
        if is_relative(dest) or dest.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
            steps["relative-link"] += 1
            return text
        if not text.strip():
            return ""  # a link around an image that went
        if sp.dest is None:
            return f"[{text}]({dest})"
        return "[" + text + s[sp.label_range()[1]:sp.end] if text != label else raw

    def _convert(self, fragment: str, mode: str, steps: Counter[str], refs: dict[str, str]) -> str:
        """markdownify on raw HTML, with code, math, URLs, entities and non-HTML `<tokens>` held out of
        its reach, then the Markdown policies (images, links) on what it made."""
        if _PRIVATE.search(fragment):
            return self._markdown(_converter().convert(fragment), mode, steps, refs)
        held: list[str] = []

        def hold(text: str) -> str:
            held.append(text)
            return f"{_SLOT_OPEN}{len(held) - 1}{_SLOT_CLOSE}"

        parts: list[str] = []
        pos = 0
        for sp in scan_inline(fragment):
            raw = fragment[sp.start:sp.end]
            if sp.kind == "html" and is_html_tag(raw):
                name = tag_name(raw)[0]
                steps["br" if name == "br" else "details" if name in ("details", "summary") else "html"] += 1
            elif sp.kind == "comment":
                steps["html"] += 1
            keep = sp.kind in PROTECTED or sp.kind == "entity" or (sp.kind == "html" and not is_html_tag(raw))
            if keep:
                parts.append(fragment[pos:sp.start])
                parts.append(hold(self._entity(raw, mode, steps) if sp.kind == "entity" else raw))
                pos = sp.end
        parts.append(fragment[pos:])
        converted = _converter().convert("".join(parts)).translate(_SPACE_MAP)
        md = self._markdown(converted, mode, steps, refs)
        return _SLOT.sub(lambda m: held[int(m.group(1))], md)

    def _markdown(self, md: str, mode: str, steps: Counter[str], refs: dict[str, str]) -> str:
        """The Markdown that markdownify made, with the image and link policies applied."""
        inner: Counter[str] = Counter()
        res = self._inline(md, mode, inner, refs) if mode == "table" else self._blocks(md, inner, refs)
        for k in ("image-alt", "image-drop", "formula", "relative-link", "radical"):
            if inner[k]:
                steps[k] += inner[k]
        return res


def _alone(s: str, sp: Span) -> bool:
    line_start = s.rfind("\n", 0, sp.start) + 1
    nl = s.find("\n", sp.end)
    return not s[line_start:sp.start].strip() and not s[sp.end:nl if nl >= 0 else len(s)].strip()


def _formula(tex: str, s: str, sp: Span, mode: str) -> str:
    return f"$${tex}$$" if mode == "text" and _alone(s, sp) else f"${tex}$"


def _pair_html(spans: list[Span], s: str) -> list[tuple[int, int, Span | None, bool]]:
    """The spans in order, with raw HTML elements whose open and close tags are both here merged into
    one (start, end, None, True) item (outermost elements only)."""
    opens: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}  # index of open span -> index of its close span
    line_end = -1
    for k, sp in enumerate(spans):
        if sp.kind != "html":
            continue
        if sp.start > line_end:  # elements pair within a line: across lines, tags convert one by one
            opens.clear()
            nl = s.find("\n", sp.start)
            line_end = nl if nl >= 0 else len(s)
        raw = s[sp.start:sp.end]
        name, closing = tag_name(raw)
        if not closing:
            if is_html_tag(raw) and not raw.rstrip(">").endswith("/") and name not in ("br", "hr", "img", "wbr", "input", "source", "col", "embed", "link"):
                opens.append((name, k))
            continue
        for depth in range(len(opens) - 1, -1, -1):
            if opens[depth][0] == name:
                pairs[opens[depth][1]] = k
                del opens[depth:]
                break
    items: list[tuple[int, int, Span | None, bool]] = []
    k = 0
    while k < len(spans):
        sp = spans[k]
        if k in pairs:
            close = spans[pairs[k]]
            items.append((sp.start, close.end, None, True))
            k = pairs[k] + 1
        else:
            items.append((sp.start, sp.end, sp, False))
            k += 1
    return items


def _finish(text: str, steps: Counter[str]) -> str:
    """Entity-made spaces at a line's start go, others become spaces; a decoded `&lt;div&gt;` that
    reads as a tag becomes inline code."""
    text = _LEAD_SPACES.sub(r"\1", text).replace(_SP, " ")

    def tag(m: re.Match) -> str:
        t = f"<{m.group(1)}>"
        return f"`{t}`" if HTML_TAG_RE.fullmatch(t) and is_html_tag(t) else t

    text = _DECODED_TAG.sub(tag, text)
    return text.replace(_LT, "<").replace(_GT, ">")


__all__ = ["ENTITY_RE", "IMAGE_POLICIES", "MarkupCleaner"]
