"""Text normalisation shared by the parser (content hashes) and dedup.

>>> normalize_text("**答案：**  Ｆｉｎｅ-tuning\\n是 `微调`")
'答案:fine-tuning是微调'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_MARKUP = re.compile(r"(\*\*|__|`+|~~|^#{1,6}\s|^\s*(?:[-*+]|\d+[.)])\s+|<[^>\n]{1,80}>)", re.M)
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFKC (folds full-width to half-width), Markdown markup and all whitespace removed, case-folded."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKUP.sub(" ", text)
    return _SPACE.sub("", text).casefold()


def sha256_hex(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def content_hash(question: str, answer: str) -> str:
    """sha256 of the normalised question and answer: equal for texts that differ only in markup, width or spacing."""
    return sha256_hex(normalize_text(question), normalize_text(answer))
