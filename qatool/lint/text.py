"""The text layer rules share: sentences and clauses with offsets, word tokens, and what a sentence
does besides stating something (asking, reporting a claim to refute it, hedging, negating).

A claim is a statement: a sentence that asks (`…吗？`, `是否…`, `为什么…`), reports what others
wrongly believe (`很多人误以为…`, `…的说法是错误的`) or supposes (`如果…`) states nothing a rule may
hold against the text. Negation is read on word tokens (jieba), so that `不同`, `无监督` and `非线性`
are words and not negations, while `不`, `并非`, `无法` and `not` are.

>>> t = TextLayer()
>>> [s.kind for s in t.sentences("L2 正则会产生稀疏解吗？很多人误以为如此。L1 会。")]
['question', 'reported', 'statement']
>>> t.negations("并不会产生")
1
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

SENTENCE_END = "。！？!?；;\n"
CLAUSE_SEP = "，,"

# the end of a sentence that asks: a question mark, or a final particle (markup and brackets allowed after)
_TRAIL = r"[\s*_`)）」』”\"'\]】]*"
QUESTION_END_RE = re.compile(rf"(?:[?？]|[吗么嘛呢][。.!！，,]?){_TRAIL}$")
# asking words that make a sentence a question wherever they stand (a heading or list item often drops the "？")
QUESTION_WORD_RE = re.compile(
    r"是否|能否|可否|是不是|会不会|能不能|有没有|要不要|为什么|为何|凭什么|如何|怎么|怎样|哪些|哪个|哪种|哪一|什么(?:是|叫|样|时候|原因|区别|作用|意思)"
    r"|^\s*(?:请|试)?(?:简述|简要说明|简单介绍|介绍一下|说明|解释|阐述|论述|谈谈|说说|讲讲|比较|对比|列举|推导|写出|描述)",
    re.I,
)
# a sentence that reports a belief in order to refute it, or calls a statement wrong
REPORTED_RE = re.compile(
    r"误以为|误认为|错误地认为|错以为|常被误解|误解|误区|谬误|迷思|想当然|有人(?:认为|说|觉得|以为)|有些人(?:认为|说|觉得)|很多人(?:认为|觉得|以为|会说)"
    r"|(?:说法|观点|理解|看法|认识|结论)(?:是|并)?(?:错误|错|不对|不正确|不准确|不成立|有误)|是错误的|是错的|是不对的|不正确|不准确|并不成立|不成立"
    r"|其实不然|并非如此|事实并非|实际上并非|这是(?:一个|一种)?(?:常见的)?(?:错误|误解)|myth|misconception|is (?:wrong|incorrect|false)"
    r"|说成|搞错|弄错|弄反|搞反|搞混|弄混|混淆(?!矩阵)|记错|记混|张冠李戴|漏算|算漏"
    r"|[”\"」』]\s*(?:这种|这个|这一|的)?(?:说法|观点|理解|认识|看法)|[”\"」』]\s*(?:其实|实际上)?是(?:把|将)",
    re.I,
)
# a sentence that opens with a verb of saying reports what is said: "说 X 是 Y，是漏算了…"
SAY_LEAD_RE = re.compile(r"^(?:说|称|认为|觉得|以为)(?!明|到|起|过|的|法)")
# supposition: a clause that begins like this states nothing
SUPPOSE_RE = re.compile(r"^\s*(?:如果|假如|假设|倘若|若是|要是|即使|即便|哪怕|if\b|suppose)", re.I)

NEGATIONS = frozenset(
    "不 没 没有 无 无需 无须 无法 不会 不能 不是 并不 并非 非 未 未曾 不再 不需要 不用 不必 绝不 从不 从未 并没有 毫无 决不 不可 "
    "不可能 不该 不应 不应该 不要 别 勿 难以 不至于 不致 不会再 不得 没法 而非 并未 不需 无从 谈不上 算不上 不属于 不等于 不等同于 "
    "不叫 不算 不具有 不具备 不存在 不涉及 不包括 不包含 不依赖 不影响 不改变 不使用 不采用 不支持 不需要 不含 不带".split()
)
_NEGATION_EN_RE = re.compile(r"\b(?:not|no|never|cannot|without|neither|nor)\b|n't\b", re.I)
_LATIN_RE = re.compile(r"[A-Za-z]")
# modal hedges: a claim under them is not asserted
HEDGES = frozenset("可能 也许 或许 未必 不一定 不见得 有时 有时候 偶尔 大概 似乎 或多或少".split())

# words whose tail reads like another word: a property phrasing must not begin inside one of them
# ("监督" inside "无监督", "线性" inside "非线性"); a rule pack adds its own term names
COMPOUNDS = tuple(sorted(set("""
无监督 有监督 半监督 自监督 弱监督 非监督 非线性 非参数 无参数 无偏 有偏 非凸 非对称 不对称 非稀疏 无损 有损 无序 有序 非负 非零
不可导 不可微 可导 可微 不可逆 非平稳 非独立 不独立 非确定性 不确定性 非自回归 自回归 双向 单向 反向传播 逆向 无放回 有放回
不平衡 非均匀 不均匀 非结构化 结构化 非对齐 未登录词 非端到端 端到端 不饱和 非饱和 无限 有限 无界 有界 非因果 因果
""".split()), key=len, reverse=True))

GUARD_PREFIXES = "无非不未半自弱"  # compounds whose tail must not be read alone

# list markers, heading marks, numbering and emphasis before a sentence's first word
_LEAD_RE = re.compile(r"^(?:\s|[-*+>#]|\d+[.、)）]|[（(]?\d+[）)]|[一二三四五六七八九十]+、|\*\*|__)*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str = "statement"  # statement | question | reported | supposed

    def text(self, s: str) -> str:
        return s[self.start:self.end]


def split_spans(text: str, seps: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) pieces of text[start:end] ending after each separator character (kept in the piece)."""
    end = len(text) if end is None else end
    out, lo = [], start
    for i in range(start, end):
        if text[i] in seps:
            out.append((lo, i + 1))
            lo = i + 1
    if lo < end:
        out.append((lo, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses end at "，" and at a "," that is followed by white space or CJK (not inside `PE(pos,2i)`)."""
    out = []
    for a, b in split_spans(text, CLAUSE_SEP, start, end):
        glue = out and text[out[-1][1] - 1] == "," and not (text[a].isspace() or "\u3400" <= text[a] <= "\u9fff")
        if glue and out[-1][1] == a:
            out[-1] = (out[-1][0], b)  # glue the piece after an ASCII comma inside a formula or a word list
        else:
            out.append((a, b))
    return out


def sentence_kind(s: str) -> str:
    """statement, question, reported (a belief quoted to refute it) or supposed (a conditional)."""
    core = s.strip().rstrip("；;")
    lead = _LEAD_RE.sub("", core)
    if QUESTION_END_RE.search(core) or QUESTION_WORD_RE.search(lead):
        return "question"
    if REPORTED_RE.search(core) or SAY_LEAD_RE.match(lead):
        return "reported"
    if SUPPOSE_RE.match(lead):
        return "supposed"
    return "statement"


class TextLayer:
    """Sentences, clauses, tokens and negation of prose, with a segmenter that keeps the given words
    (a rule pack's term names) whole."""

    def __init__(self, words: Iterable[str] = ()):
        self.words = tuple(sorted(set(w for w in words if w and not w.isascii())))
        self._seg = _segmenter(self.words + COMPOUNDS)
        self._compounds = re.compile("|".join(re.escape(w) for w in COMPOUNDS if w[0] in GUARD_PREFIXES))

    def sentences(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        return [Span(a, b, sentence_kind(text[a:b])) for a, b in split_spans(text, SENTENCE_END, start, end)]

    def clauses(self, text: str, sentence: Span) -> list[Span]:
        out = []
        for a, b in _clause_spans(text, sentence.start, sentence.end):
            kind = sentence.kind
            if kind == "statement":
                piece = text[a:b].rstrip("，, ")
                kind = "question" if QUESTION_END_RE.search(piece) else "supposed" if SUPPOSE_RE.match(piece) else "statement"
            out.append(Span(a, b, kind))
        return out

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, token) of each word of `text` (spaces dropped), in order."""
        out, pos = [], 0
        for tok in self._seg(text):
            at = text.find(tok, pos)
            if at < 0:  # the segmenter never changes text; guard anyway
                continue
            pos = at + len(tok)
            if tok.strip():
                out.append((at, pos, tok))
        return out

    def negations(self, text: str, start: int = 0, end: int | None = None) -> int:
        """How many negation words stand in text[start:end]."""
        piece = text[start:len(text) if end is None else end]
        n = len(_NEGATION_EN_RE.findall(piece)) if piece.isascii() or _LATIN_RE.search(piece) else 0
        if not piece.isascii():
            n += sum(1 for _, _, tok in self.tokens(piece) if tok in NEGATIONS)
        return n

    def inside_word(self, text: str, pos: int, start: int = 0, end: int | None = None) -> bool:
        """Whether `pos` falls strictly inside a known compound word of text[start:end]."""
        for m in self._compounds.finditer(text, start, len(text) if end is None else end):
            if m.start() < pos < m.end():
                return True
            if m.start() >= pos:
                break
        return False

    def hedged(self, text: str, start: int = 0, end: int | None = None) -> bool:
        piece = text[start:len(text) if end is None else end]
        return any(tok in HEDGES for _, _, tok in self.tokens(piece))


@lru_cache(maxsize=8)
def _segmenter(words: tuple[str, ...]):
    """A cut function that keeps `words` whole: rjieba when installed, else jieba."""
    try:
        import rjieba

        seg = rjieba.Jieba()
        for w in words:
            seg.add_word(w, None, None)
        return lambda s: seg.cut(s, True)
    except ImportError:  # pragma: no cover - rjieba is a dependency; jieba is its reference
        import jieba

        tok = jieba.Tokenizer()
        for w in words:
            tok.add_word(w)
        return lambda s: tok.lcut(s, HMM=True)
