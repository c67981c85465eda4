"""Character-level damage that copying and converting text leaves behind: look-alike CJK characters
(Kangxi and supplement radicals, compatibility ideographs) and mojibake.

Look-alikes: PDF extraction often yields the Kangxi radical ⼤ (U+2F24) for the ideograph 大 (U+5927),
or ⻔ (U+2ED4, CJK RADICAL C-SIMPLIFIED GATE) for 门. They look the same and are different characters:
a tokenizer, a search or a dedup hash treats 输⼊ and 输入 as different words. The standard character
of each is its NFKC form (Kangxi radicals, compatibility ideographs), or, for the radicals supplement
that NFKC leaves alone, the Equivalent_Unified_Ideograph of the Unicode data file
EquivalentUnifiedIdeograph.txt (Unicode 15.0), tabled below. Every mapping is checked to be a CJK
unified ideograph (tests/lint/test_chars.py); characters without one (U+2E80, and U+2E95 whose
equivalent U+2B739 is newer than this Python's Unicode data) are not reported. The twelve
compatibility ideographs that are unified ideographs themselves (U+FA0E 﨎, …) have no other form and
are not look-alikes.

Mojibake: the replacement character U+FFFD (a byte sequence lost in decoding), UTF-8 text decoded as
GBK (`鍙傛暟` for 参数, verified by decoding it back), the classic residues 锟斤拷 / 烫烫烫 / 屯屯屯, and
UTF-8 decoded as Latin-1 or Windows-1252 (`Ã©`, `â€™`, `ä¸­`), recognised by ftfy's badness
heuristic, which leaves legitimate accented Latin text (café, Müller) alone.

Neither has a literal to prefilter by (a class of thousands of code points): each check makes one
compiled-regex pass over the document's joined text and returns at once when it finds nothing.
"""
from __future__ import annotations

import re
import unicodedata

import ftfy.badness

from qatool.lint.text import HAN_RE

# CJK Radicals Supplement -> Equivalent_Unified_Ideograph (EquivalentUnifiedIdeograph.txt, Unicode 15.0)
RADICALS_SUPPLEMENT: dict[str, str] = {
    "\u2e81": "厂", "\u2e82": "乛", "\u2e83": "乚", "\u2e84": "乙", "\u2e85": "亻", "\u2e86": "冂", "\u2e87": "𠘨", "\u2e88": "刀",
    "\u2e89": "刂", "\u2e8a": "卜", "\u2e8b": "㔾", "\u2e8c": "小", "\u2e8d": "小", "\u2e8e": "兀", "\u2e8f": "尣", "\u2e90": "尢",
    "\u2e91": "𡯂", "\u2e92": "巳", "\u2e93": "幺", "\u2e94": "彑", "\u2e96": "忄", "\u2e97": "心", "\u2e98": "扌",
    "\u2e99": "攵", "\u2e9b": "旡", "\u2e9c": "日", "\u2e9d": "月", "\u2e9e": "歺", "\u2e9f": "母", "\u2ea0": "民", "\u2ea1": "氵",
    "\u2ea2": "氺", "\u2ea3": "灬", "\u2ea4": "爫", "\u2ea5": "爫", "\u2ea6": "丬", "\u2ea7": "牛", "\u2ea8": "犭", "\u2ea9": "王",
    "\u2eaa": "𤴔", "\u2eab": "目", "\u2eac": "示", "\u2ead": "礻", "\u2eae": "𥫗", "\u2eaf": "糹", "\u2eb0": "纟", "\u2eb1": "罓",
    "\u2eb2": "罒", "\u2eb3": "㓁", "\u2eb4": "冗", "\u2eb5": "𦉫", "\u2eb6": "羊", "\u2eb7": "𦍌", "\u2eb8": "𦍋", "\u2eb9": "耂",
    "\u2eba": "肀", "\u2ebb": "聿", "\u2ebc": "肉", "\u2ebd": "𦥑", "\u2ebe": "艹", "\u2ebf": "艹", "\u2ec0": "艹", "\u2ec1": "虎",
    "\u2ec2": "衤", "\u2ec3": "覀", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec7": "𧢲", "\u2ec8": "讠", "\u2ec9": "贝",
    "\u2eca": "𧾷", "\u2ecb": "车", "\u2ecc": "辶", "\u2ecd": "辶", "\u2ece": "辶", "\u2ecf": "邑", "\u2ed0": "钅", "\u2ed1": "長",
    "\u2ed2": "镸", "\u2ed3": "长", "\u2ed4": "门", "\u2ed5": "𨸏", "\u2ed6": "阝", "\u2ed7": "雨", "\u2ed8": "青", "\u2ed9": "韦",
    "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食", "\u2ede": "𩙿", "\u2edf": "飠", "\u2ee0": "饣", "\u2ee1": "𩠐",
    "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄",
    "\u2eea": "黾", "\u2eeb": "斉", "\u2eec": "齐", "\u2eed": "歯", "\u2eee": "齿", "\u2eef": "竜", "\u2ef0": "龙", "\u2ef1": "龜",
    "\u2ef2": "亀", "\u2ef3": "龟",
}

_RANGES = "\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f"
LOOKALIKE_RE = re.compile(f"[{_RANGES}]+")


def standard_char(ch: str) -> str | None:
    """The unified ideograph a look-alike stands for, or None when it has none (then it is not reported)."""
    if ch in RADICALS_SUPPLEMENT:
        return RADICALS_SUPPLEMENT[ch]
    cp = ord(ch)
    if 0x2F00 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F:
        std = unicodedata.normalize("NFKC", ch)
        if std != ch and len(std) == 1 and unicodedata.name(std, "").startswith("CJK UNIFIED IDEOGRAPH"):
            return std
    return None


def doubled(text: str, i: int, std: str) -> bool:
    """Whether the look-alike at `i` stands right beside its own standard character `std` (`⻉贝`)."""
    return text[i + 1:i + 2] == std or (i > 0 and text[i - 1] == std)


def lookalike_runs(text: str):
    """(start, end, standard text) of each run of look-alike characters that all have a standard form;
    a run is split where a character has none. A look-alike written right beside its own standard
    character (`⻉贝叶斯`, `常⻅见`: some PDF copies emit both) is dropped, not doubled (`贝贝叶斯`)."""
    for m in LOOKALIKE_RE.finditer(text):
        start = m.start()
        fixed: list[str] = []
        for i, ch in enumerate(m.group(0), m.start()):
            std = standard_char(ch)
            if std is None:
                if fixed:
                    yield start, i, "".join(fixed)
                start, fixed = i + 1, []
            elif doubled(text, i, std):
                fixed.append("")
            else:
                fixed.append(std)
        if fixed:
            yield start, m.end(), "".join(fixed)


# ---------------------------------------------------------------------------------------- mojibake

REPLACEMENT_RE = re.compile(r"\ufffd+(?:[?？]\ufffd*)*")
# residues of well-known encoding accidents: U+FFFD's UTF-8 bytes read as GBK, MSVC's fill bytes
RESIDUE_RE = re.compile(r"(?:锟斤拷)+|烫{3,}|屯{3,}")
QUOTED_BEFORE = "“「『\"'‘《"


def _gbk_leads() -> str:
    """The characters GBK makes of a UTF-8 lead byte of a Chinese character (E4-E9) and a continuation
    byte (80-BF): UTF-8 Chinese decoded as GBK has one every other character (鍙傛暟 for 参数), while
    Chinese text hardly uses them (15 in the 3.8 MB of the development corpora)."""
    out = []
    for lead in range(0xE4, 0xEA):
        for trail in range(0x80, 0xC0):
            try:
                out.append(bytes([lead, trail]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return "".join(sorted(out))


GBK_LEADS = _gbk_leads()
GBK_CANDIDATE_RE = re.compile(f"[{GBK_LEADS}][^\\s]{{0,3}}?[{GBK_LEADS}]")
HAN_OR_DAMAGE = re.compile("[\u3400-\u9fff\ue000-\uf8ff\ufffd]")


def gbk_mojibake(run: str) -> str | None:
    """The text `run` was before UTF-8 bytes were decoded as GBK, when it decodes back cleanly
    (most of its bytes form ideographs again); else None."""
    data = run.encode("gbk", errors="ignore")
    if len(data) < 6:
        return None
    back = data.decode("utf-8", errors="replace")
    good = sum(1 for c in back if "\u4e00" <= c <= "\u9fff" or c in "，。、；：？！“”（）")
    return back.replace("\ufffd", "").strip() if 3 * good >= 0.6 * len(data) else None


def mojibake_spans(text: str):
    """(start, end, kind, what it was) of each mojibake span in `text`, in order and not overlapping;
    kind is one of replacement, residue, gbk, latin1."""
    spans = sorted(_spans(text))
    end = 0
    for sp in spans:
        if sp[0] >= end:
            yield sp
            end = sp[1]


_CLOSING_OF = {"'": "'", '"': '"', "“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "`": "`"}


def _quoted(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] stands alone between a pair of quotes (`'�'`, `“�”`)."""
    return a > 0 and b < len(text) and _CLOSING_OF.get(text[a - 1]) == text[b]


def _in_short_quote(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] lies inside a short quotation of no Chinese words (`“ä½ å¥½”这种奇怪的文字`): mojibake shown as
    an example, not damage. The span may hold the closing quote (a Latin-1 run reaches into it)."""
    lo = max(0, a - 12)
    for p in range(a - 1, lo - 1, -1):
        close = _CLOSING_OF.get(text[p])
        if close is not None and text[p] not in "`'":
            q = text.find(close, max(p + 1, b - 1), b + 12)
            return q >= 0 and not HAN_RE.search(text, p + 1, a) and not HAN_RE.search(text, b, q)
        if "\u4e00" <= text[p] <= "\u9fff":
            return False
    return False


def _spans(text: str):
    if "\ufffd" in text:
        for m in REPLACEMENT_RE.finditer(text):
            if _quoted(text, m.start(), m.end()):
                continue  # `出现'�'`: the character named, as a tokenizer's byte-split symptom is, not lost bytes
            yield m.start(), m.end(), "replacement", ""
    for m in RESIDUE_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in QUOTED_BEFORE:  # 「锟斤拷」 explained, not damage
            yield m.start(), m.end(), "residue", ""
    done = 0
    for m in GBK_CANDIDATE_RE.finditer(text):
        if m.start() < done:
            continue
        s, e = m.start(), m.end()
        while s > 0 and HAN_OR_DAMAGE.match(text[s - 1]):
            s -= 1
        while e < len(text) and HAN_OR_DAMAGE.match(text[e]):
            e += 1
        was = gbk_mojibake(text[s:e])
        if was and not _quoted(text, s, e):  # (`“浣犲ソ”这种乱码`: an example quoted)
            done = e
            yield s, e, "gbk", was
    if LATIN1_HINT_RE.search(text):
        for m in ftfy.badness.BADNESS_RE.finditer(text):
            s, e = m.start(), m.end()
            while s > 0 and LATIN1_CHAR_RE.match(text[s - 1]):
                s -= 1
            while e < len(text) and LATIN1_CHAR_RE.match(text[e]):
                e += 1
            was = ftfy.fix_encoding(text[s:e])
            if was != text[s:e] and not _in_short_quote(text, s, e):  # (`≈“` beside a `×` elsewhere on the line: odd to ftfy's eye, but no decoding undoes it)
                yield s, e, "latin1", was


# mojibake of UTF-8 as Latin-1/Windows-1252 always holds one of these lead characters
LATIN1_HINT_RE = re.compile("[\u00c2-\u00ef]")
LATIN1_CHAR_RE = re.compile("[\u0080-\u024f\u02c6\u02dc\u2013-\u2122]")

# a line can hold mojibake only if it has one of these: U+FFFD, a residue's first character, a GBK
# lead (above) or a Latin-1 lead
MOJIBAKE_HINT_RE = re.compile(f"[\\ufffd锟烫屯{GBK_LEADS}\\u00c2-\\u00ef]")
