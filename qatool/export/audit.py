"""The export audit: every exported line is scanned for what a training line must not carry, so the
counts say what cleaning left behind (and a non-zero count can fail CI: `--fail-on-artifacts`).

| kind             | what is counted (outside code and LaTeX) |
| ---------------- | ---------------------------------------- |
| `leaked-token`   | `<|…|>` tokens (the linter's FM001 pattern) |
| `chatter`        | blog chatter sentences (the linter's FM007: in the export the verification of each field, which quarantines what it finds as `unclean:FM007`; `audit_jsonl` runs it again on the files) |
| `html-tag`       | raw HTML tags of real elements and comments (not `<br>`, `<details>`/`<summary>`, `<img>`: own kinds) |
| `br`             | `<br>` tags |
| `details`        | `<details>` / `<summary>` tags |
| `html-entity`    | HTML entities (`&emsp;`, `&nbsp;`, `&amp;`; `&space;` is not one) |
| `toc`            | `[TOC]` markers |
| `footnote`       | footnote markers and definitions |
| `ref-definition` | link reference definitions |
| `image`          | Markdown images and `<img>` tags (expected with `--images keep`) |
| `relative-link`  | links into the source repository (`../a.md`, `img/x.png`, `#section`) |
| `placeholder`    | answers that are placeholders, and placeholder lines (`- [ ] TODO`, `待补充`) in answers |
| `mojibake`       | U+FFFD, 锟斤拷-style residues, UTF-8 read as GBK (`鏈哄櫒瀛︿範`) or as cp1252 (`ä¸­æ–‡`) |
| `radical`        | look-alike CJK radicals (U+2F00–U+2FDF, U+2E80–U+2EFF) and compatibility ideographs |

Leaked tokens and chatter are the linter's FM001/FM007, mojibake and look-alikes its FM010/FM009
definitions (`qatool.lint.chars`), so the audit and the linter count the same things.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

from qatool.common.answers import answer_defect, is_placeholder_line, may_have_placeholder_lines
from qatool.common.io import atomic_writer
from qatool.common.markup import blocks, is_html_tag, is_relative, scan_inline, tag_name
from qatool.lint.chars import LOOKALIKE_RE, MOJIBAKE_HINT_RE, standard_char
from qatool.lint.chars import mojibake_spans as lint_mojibake

ARTIFACT_KINDS = ("leaked-token", "chatter", "html-tag", "br", "details", "html-entity", "toc", "footnote",
                  "ref-definition", "image", "relative-link", "placeholder", "mojibake", "radical")
EXAMPLES = 3
_TOC = re.compile(r"^\s*(?:\[toc\]|\[\[_?toc_?\]\]|@\[toc\](?:\([^)\n]*\))?)\s*$", re.I)
_MARKUP_CHARS = re.compile(r"[<&\[]|^\s*@\[", re.M)
LEAKED_TOKEN_RE = re.compile(r"<\|[^|<>\n]{0,80}\|>")  # the linter's FM001 pattern


def mojibake_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` has mojibake: the linter's FM010 definition (`qatool.lint.chars`: U+FFFD,
    锟斤拷-style residues, UTF-8 read as GBK verified by decoding back, UTF-8 read as cp1252/Latin-1
    by ftfy's badness heuristic).

    >>> text = "中文编码测试，机器学习".encode("utf-8").decode("gbk", errors="replace")
    >>> bool(mojibake_spans(text)), mojibake_spans("正常的中文句子，没有乱码。"), bool(mojibake_spans("ä¸\xadæ–‡"))
    (True, [], True)
    """
    return [(s, e) for s, e, *_ in lint_mojibake(text)] if MOJIBAKE_HINT_RE.search(text) else []


def lookalikes(text: str) -> list[tuple[int, int]]:
    """Each look-alike radical (any in U+2E80–U+2FDF) and each compatibility ideograph that stands for
    a unified one (the linter's FM009 characters; 﨎 and the other unified ones are text)."""
    out = []
    for m in LOOKALIKE_RE.finditer(text):
        for i, ch in enumerate(m.group(0), m.start()):
            if 0x2E80 <= ord(ch) <= 0x2FDF or standard_char(ch) is not None:
                out.append((i, i + 1))
    return out


def scan_text(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every markup artifact in `text` outside code and LaTeX (not the
    linter-based kinds, not placeholders)."""
    found: list[tuple[str, int, int]] = []
    found.extend(("radical", a, z) for a, z in lookalikes(text))
    found.extend(("mojibake", a, z) for a, z in mojibake_spans(text))
    if not _MARKUP_CHARS.search(text):
        return found
    b = blocks(text)
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    chunk_start, chunk = -1, list[str]()
    for i, (line, kind) in enumerate(zip(lines + [""], b.kinds + ("blank",))):
        if kind in ("text", "table", "html"):
            if _TOC.match(line):
                found.append(("toc", offsets[i], offsets[i] + len(line)))
                continue
            if not chunk:
                chunk_start = offsets[i]
            chunk.append(line)
            continue
        if chunk:
            found.extend(_scan_chunk("\n".join(chunk), chunk_start))
            chunk = []
        if kind in ("footnote", "refdef"):
            found.append(("footnote" if kind == "footnote" else "ref-definition", offsets[i], offsets[i] + len(line)))
    return found


def _scan_chunk(s: str, base: int) -> Iterable[tuple[str, int, int]]:
    spans = scan_inline(s)
    if "<|" in s:  # leaked tokens (FM001's pattern) outside code spans
        code = [(sp.start, sp.end) for sp in spans if sp.kind in ("code", "math")]
        for m in LEAKED_TOKEN_RE.finditer(s):
            if not any(a <= m.start() < z for a, z in code):
                yield "leaked-token", base + m.start(), base + m.end()
    for sp in spans:
        raw = s[sp.start:sp.end]
        kind = None
        if sp.kind == "html" and is_html_tag(raw):
            name = tag_name(raw)[0]
            kind = "br" if name == "br" else "details" if name in ("details", "summary") else "image" if name == "img" else "html-tag"
        elif sp.kind == "comment":
            kind = "html-tag"
        elif sp.kind == "entity":
            kind = "html-entity"
        elif sp.kind == "footnote":
            kind = "footnote"
        elif sp.kind == "image":
            kind = "image"
        elif sp.kind == "link":
            label = sp.label_of(s)
            if "![" in label or "<img" in label:
                kind = "image"
            elif sp.dest is not None and is_relative(sp.dest):
                kind = "relative-link"
        if kind:
            yield kind, base + sp.start, base + sp.end


class Audit:
    """Counts per artifact kind (occurrences, and lines that have one) with the first examples.
    Partial audits of batches merge in order, so the examples are the first in the files."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.lines: Counter[str] = Counter()
        self.examples: dict[str, list[dict[str, Any]]] = {}
        self.scanned = 0

    def add(self, kind: str, n: int, rid: str | None, field: str, text: str, start: int, end: int) -> None:
        self.counts[kind] += n
        ex = self.examples.setdefault(kind, [])
        if len(ex) < EXAMPLES:
            a, z = max(0, start - 30), min(len(text), end + 30)
            ex.append({"id": rid, "field": field, "text": ("…" if a else "") + text[a:z] + ("…" if z < len(text) else "")})

    def scan_line(self, rid: str | None, fields: dict[str, str | None], cleaner: Any = None) -> None:
        """One exported line: `fields` maps a field name (user, assistant, analysis) to its text."""
        self.scanned += 1
        kinds: set[str] = set()
        for field, text in fields.items():
            if not text:
                continue
            by_kind: dict[str, list[tuple[int, int]]] = {}
            for kind, a, z in scan_text(text):
                by_kind.setdefault(kind, []).append((a, z))
            if cleaner is not None:
                for f in cleaner.chatter(text):
                    a = _offset(text, f.line, f.col - 1)
                    by_kind.setdefault("chatter", []).append((a, _offset(text, f.end_line, f.end_col - 1)))
            if field != "user":
                defect = answer_defect(text) if field == "assistant" else None
                if defect is not None and defect.kind == "placeholder":
                    by_kind.setdefault("placeholder", []).append((0, len(text)))
                else:
                    lines = _placeholder_lines(text)
                    if lines:
                        by_kind.setdefault("placeholder", []).extend(lines)
            for kind, spans in by_kind.items():
                self.add(kind, len(spans), rid, field, text, *spans[0])
                kinds.add(kind)
        self.lines.update(kinds)

    def merge(self, other: "Audit") -> None:
        self.counts.update(other.counts)
        self.lines.update(other.lines)
        self.scanned += other.scanned
        for kind, ex in other.examples.items():
            mine = self.examples.setdefault(kind, [])
            mine.extend(ex[:EXAMPLES - len(mine)])

    def failing(self, allowed: Iterable[str] = ()) -> dict[str, int]:
        """The kinds with a non-zero count that the export's policy does not allow."""
        ok = set(allowed)
        return {k: self.counts[k] for k in ARTIFACT_KINDS if self.counts[k] and k not in ok}

    def to_json(self, allowed: Iterable[str] = ()) -> dict[str, Any]:
        ok = sorted(set(allowed))
        return {"qatool_export_audit": 1, "lines_scanned": self.scanned,
                "allowed_by_policy": ok,
                "residual": sum(self.failing(ok).values()),
                "kinds": {k: {"count": self.counts[k], "lines": self.lines[k], "examples": self.examples.get(k, [])}
                          for k in ARTIFACT_KINDS}}


def _placeholder_lines(text: str) -> list[tuple[int, int]]:
    if ("\n" not in text and len(text) > 60) or not may_have_placeholder_lines(text):
        return []
    out = []
    kinds = blocks(text).kinds if ("`" in text or "$" in text or "    " in text) else None
    pos = 0
    for i, line in enumerate(text.split("\n")):
        if (kinds is None or kinds[i] == "text") and line.strip() and len(line) < 80 and is_placeholder_line(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _offset(text: str, line: int, col: int) -> int:
    pos = 0
    for _ in range(line - 1):
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return min(len(text), pos + col)


def write_audit(audit: Audit, path: Path, allowed: Iterable[str] = ()) -> Path:
    with atomic_writer(path) as fh:
        json.dump(audit.to_json(allowed), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return path


def audit_jsonl(paths: Iterable[Path], cleaner: Any = None) -> Audit:
    """The audit of JSONL files as written (messages, alpaca or sharegpt lines)."""
    audit = Audit()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                if raw.strip():
                    line = json.loads(raw)
                    audit.scan_line(line.get("id"), line_fields(line), cleaner)
    return audit


def line_fields(line: dict[str, Any]) -> dict[str, str | None]:
    """The texts of an exported line by role: user, assistant (and analysis), in any format."""
    if "messages" in line:
        out = {m["role"]: m["content"] for m in line["messages"] if m["role"] in ("user", "assistant")}
    elif "conversations" in line:
        roles = {"human": "user", "gpt": "assistant"}
        out = {roles[m["from"]]: m["value"] for m in line["conversations"] if m["from"] in roles}
    else:
        out = {"user": line.get("instruction"), "assistant": line.get("output")}
    if line.get("analysis"):
        out["analysis"] = line["analysis"]
    return out
