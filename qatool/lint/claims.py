"""Claim rules: a rule states a claim, not a sentence.

A claim binds a subject (a glossary term, known by all its names) to a property (a few phrasings) with
a polarity; the rule says which polarity is wrong. The text is read sentence by sentence and clause by
clause (split at ，；。！？, not inside brackets; a frame such as `…时，` or a change such as `X 越大，` is read
with the clause it conditions): a sentence that asks or reports a belief to refute it is skipped, and of a
supposition only the consequent is read; in a statement clause each phrasing of the property is bound to
the term it is said of (the
nearest term before it that is not a comparison object such as `比 X` / `与 X 不同`, with the terms
coordinated with it (`A 和 B 都…`); the nearest after it in a cleft (`…的是 X`); in a `A 和 B 分别 P 和 Q`
clause, position by position), in any order and with words in between. The words between term and
property decide the polarity: an odd number of negation words (`不`, `并非`, `无法`, `not`; read on
jieba tokens, so `不同` and `无监督` are not negations) denies the property; a modal hedge (`可能`,
`不一定`) asserts nothing. A clause without a term that continues the previous one (`…，使权重变得稀疏`)
is said of that clause's one term; the clauses of a list item with a bold label (`- **L2 正则**：…`) are
said of the label's term; a sentence whose first clause says 它 before any term is said of the previous
sentence's subject; a glossary's headword alone on its line (`Dropout`) is the subject of the line after it. A
question and its answer on one line (`Q：…？A：…`, a dialogue's `甲：…？乙：…`) read as the statement they make
together, and a fill-in-the-blank item answered on its line as the sentence its answer completes (`_copula`). A
comment written in Chinese in code is read as prose (kinds.code_comment). A phrasing never begins inside a term's name.

Numeric claims compare a stated value with a known one: `GPT-3 有 1750 亿参数` (units 亿/万/B/M/K and
billion/million are read) against 175e9 with a relative tolerance.

>>> g = Glossary({"l2": Term("l2", "L2 正则化", ("L2 正则化", "L2正则", "L2", "岭回归")),
...               "l1": Term("l1", "L1 正则化", ("L1 正则化", "L1", "Lasso"))})
>>> spec = ClaimSpec(subjects=("l2",), predicates=compile_predicates(["稀疏"]))
>>> reader = ClaimReader(g)
>>> [text[s:e] for text in ["L2 正则化会让权重变得稀疏。", "L2 正则化不会产生稀疏解。", "L2 正则会产生稀疏解吗？"]
...  for s, e in reader.findings(text, spec)]
['L2 正则化会让权重变得稀疏']
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import or_
from typing import Callable, Iterable, NamedTuple, Sequence

import ahocorasick
import regex

from qatool.lint.compiled import compile_pattern
from qatool.lint.literals import required_factors, weak_factors
from qatool.lint.patterns import searchable
from qatool.lint.text import (
    A_NOT_A,
    ADDRESSEES,
    ANSWER_BY,
    ANSWER_QUALIFIER,
    ANSWER_TURN,
    ANSWER_TURN_RE,
    ASK_HABIT,
    ASKERS,
    ASKS_FOR_END_RE,
    EXAMPLE_LEAD,
    HAN_RE,
    INTERVIEW_ASKERS,
    OBSERVED_RE,
    REPLY_TURN_RE,
    ROLES,
    SENTENCE_END,
    SPEAKER_LABEL,
    SPOKEN_TURN,
    TITLED,
    TOLD_LABEL,
    TURN_LABEL_RE,
    Span,
    TextLayer,
    han_number,
    next_turn_start,
    refuted_next,
    sentence_kind,
    set_right_next,
)

_NOT_WORD_BEFORE = r"(?<![A-Za-z0-9_])"
_NOT_WORD_AFTER = r"(?![A-Za-z0-9_]|\.\d)"


@dataclass(frozen=True)
class Term:
    key: str
    label: str  # how messages name it
    names: tuple[str, ...]  # literal names: Chinese, English, abbreviations, variants
    # the terms of the methods or systems this one is a part of (`negative-sampling` is within `word2vec`): an answer
    # that names the whole to a question on the part is about the part as well
    within: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    keys: frozenset[str]


def name_pattern(name: str) -> str:
    """A literal name as a regex: case-insensitive by the caller, white space optional between words and
    between CJK and Latin parts, Latin ends not inside a longer Latin word."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    body = r"\s*+".join(_cjk_latin_flex(re.escape(p)) for p in parts)
    if re.match(r"[A-Za-z0-9_]", name):
        body = _NOT_WORD_BEFORE + body
    if re.search(r"[A-Za-z0-9_]$", name):
        body = body + _NOT_WORD_AFTER
    return body


def _cjk_latin_flex(escaped: str) -> str:
    # "L2正则" and "L2 正则" are the same name
    return re.sub(r"(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[A-Za-z0-9\\])", r"\\s*", escaped)


class Glossary:
    """Terms and their names; mentions are found by a scan that tries, at each position, the names that
    begin with the two characters there, the longest first (a dictionary look-up per position, so the
    cost does not grow with the number of names). A name matches case-insensitively, with white space
    optional between its words and between CJK and Latin parts, and a name that begins (ends) with a
    Latin letter or digit does not match inside a longer Latin word (nor before `.5` in `GPT-3.5`)."""

    def __init__(self, terms: dict[str, Term]):
        self.terms = terms
        by_name: dict[str, set[str]] = {}
        for t in terms.values():
            for n in t.names:
                key = _squash(n)
                if key:
                    by_name.setdefault(key, set()).add(t.key)
        self._keys = {k: frozenset(v) for k, v in by_name.items()}
        # the spaced forms: where a listed name has white space between two Latin characters
        self._gaps: dict[str, set[int]] = {}
        for t in terms.values():
            for n in t.names:
                self._gaps.setdefault(_squash(n), set()).update(_latin_gaps(n))
        self._by_prefix: dict[str, list[int]] = {}
        for k in self._keys:
            self._by_prefix.setdefault(k[:2], []).append(len(k))
        for lens in self._by_prefix.values():
            lens.sort(reverse=True)
        self._short = {k for k in self._keys if len(k) == 1}
        firsts = sorted({k[0] for k in self._keys})
        self._first = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]" if firsts else "(?!)")

    @property
    def words(self) -> list[str]:
        return [n for t in self.terms.values() for n in t.names]

    def names_pattern(self, keys: Iterable[str]) -> str:
        names = sorted({n for k in keys for n in self.terms[k].names}, key=lambda n: (-len(n), n))
        return "|".join(f"(?:{name_pattern(n)})" for n in names)

    def mentions(self, text: str, start: int = 0, end: int | None = None, timeout: float | None = None) -> list[Mention]:
        """Mentions in text[start:end], left to right, the longest name at each position, not overlapping.
        (`timeout` is accepted for the regex-based callers' signature; the scan is linear.)"""
        end = len(text) if end is None else end
        seg = text[start:end]
        low = seg.lower()
        if len(low) != len(seg):  # a character whose lower case is longer (İ): fold it alone
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in seg)
        if _SPACE.search(low):
            parts = [(m.start(), m.group()) for m in _NONSPACE.finditer(low)]
            s = "".join(p for _, p in parts)
            where = [start + a + k for a, p in parts for k in range(len(p))]
        else:
            s, where = low, range(start, end)
        out: list[Mention] = []
        pos = 0
        for m in self._first.finditer(s):
            i = m.start()
            if i < pos:
                continue
            hit = 0
            for ln in self._by_prefix.get(s[i:i + 2], ()):
                if self._accept(text, s, where, i, ln, start, end):
                    hit = ln
                    break
            if not hit and s[i] in self._short and self._accept(text, s, where, i, 1, start, end):
                hit = 1
            if hit:
                out.append(Mention(where[i], where[i + hit - 1] + 1, self._keys[s[i:i + hit]]))
                pos = i + hit
        return out

    def _accept(self, text: str, s: str, where: list[int], i: int, ln: int, start: int, end: int) -> bool:
        key = s[i:i + ln]
        if len(key) != ln or key not in self._keys:
            return False
        a, b = where[i], where[i + ln - 1] + 1
        if _WORDISH.match(key[0]) and a > start and _WORDISH.match(text[a - 1]):
            return False
        if _WORDISH.match(key[-1]) and b < end and (_WORDISH.match(text[b]) or (text[b] == "." and b + 1 < end and text[b + 1].isdigit())):
            return False
        if _WORDISH.match(key[-1]) and _HYPHENED_NAME_RE.match(text, b, end):
            return False  # `L1-FOBOS`, `L1-RDA`: the first part of another name joined by a hyphen to an acronym
        if _WORDISH.match(key[0]) and _HYPHEN_PREFIX_RE.search(text, max(start, a - 6), a):
            return False  # `W-GAN`, `DC-GAN`: the last part of another name, an acronym's variant joined by a hyphen
        if key == "底层" and (_UNDERLYING_BEFORE_RE.search(text, max(start, a - 4), a) or _UNDERLYING_AFTER_RE.match(text, b, end)):
            return False  # `推理服务底层我们启用了…`, `底层用的是 word2vec`: 底层 as "underlying", not the layers near the input
        if key == "模型并行" and _MODEL_ACTS_BEFORE_RE.search(text, max(start, a - 2), a) and _MODEL_ACTS_AFTER_RE.match(text, b, end):
            return False  # `再交给大模型并行验证`: a model that does something in parallel, not model parallelism
        if key[-1] == "门" and key != "门" and b < end and (text[b] in "控数" or text.startswith(("的数量", "的个数", "的数目"), b)):
            return False  # `LSTM 的门控结构…`, `LSTM 的门数`: a longer word begins at its last character (read as `LSTM` + `门控`);
            # `LSTM 的门的数量`: the count of the gates, said of LSTM
        if key[-1] in "大小多少高低长短" and b < end and text[b] == "于":
            return False  # `容量小于最佳容量`: a comparison, not the name `容量小`
        gaps = self._gaps.get(key, ())
        for j in range(i + 1, i + ln):  # white space between two Latin characters only where the name has it
            if where[j] != where[j - 1] + 1 and _WORDISH.match(s[j - 1]) and _WORDISH.match(s[j]) and (j - i) not in gaps:
                return False
        return True


_WORDISH = re.compile(r"[A-Za-z0-9_]")
_UNDERLYING_BEFORE_RE = re.compile(r"(?:服务|框架|系统|平台|引擎|产品|库|硬件|代码|工具|应用)\s*+$")
_UNDERLYING_AFTER_RE = re.compile(r"\s*+(?:我们|咱们|我|用|使用|采用|接入|调用|依赖|基于|跑|实现|框架|原理|逻辑|代码|库|算子|细节|硬件|架构|结构|系统|接口|机制|资产|公式|API|kernel)")
_MODEL_ACTS_BEFORE_RE = re.compile(r"(?:大|小|草稿|目标|主)$")
_MODEL_ACTS_AFTER_RE = re.compile(r"\s*+(?:地)?\s*+(?:验证|校验|检查|打分|评估|审核|前向|计算|处理|推理|解码|生成|跑|算|核对|给出)")
_HYPHENED_NAME_RE = re.compile(r"-[A-Z]{2,}(?![a-z])")
_HYPHEN_PREFIX_RE = re.compile(r"(?<![A-Za-z0-9_-])[A-Z]{1,4}-$")
# a back reference, or a group whose number or name another phrasing's could clash with, or a global inline flag
_NUMBERED_RE = re.compile(r"\\[1-9]|\(\?P[=<]|\(\?<[A-Za-z]|\(\?[a-zA-Z]+\)")
# characters that match an ASCII letter case-insensitively but do not lower-case to it
_FOLDS_TO_ASCII = re.compile("[\u017f\u0131\u0130\u212a]")
_SPACE = re.compile(r"\s")
_NONSPACE = re.compile(r"\S+")


def _latin_gaps(name: str) -> set[int]:
    """Offsets (in the squashed name) where the listed name has white space between two Latin characters."""
    out, pos = set(), 0
    for k, part in enumerate(name.split()):
        if k:
            out.add(pos)
        pos += len(part)
    return out


def _fold(s: str) -> str:
    return " ".join(s.split()).casefold()


def _squash(s: str) -> str:
    return "".join(s.split()).lower()


def compile_predicates(phrasings: Sequence[str]) -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(with_variants(p), regex.I | regex.V0) for p in phrasings)


# words of a change up or down, which notes write as an arrow (`batch size ↑ → 梯度噪声 ↓`), and words of judgement
# that casual writing puts in other words (`越好`: `越厉害`, `越牛`)
# (only words that say a thing changes, which an arrow after it says too; not a verb that acts on an object, `降低 λ`,
# where an arrow after a noun would be that noun's change: `过拟合 ↓` is no `减小 λ`)
_UP_WORDS = ("越大", "变大", "上升", "增多", "变多", "越多", "越高", "变高")
_DOWN_WORDS = ("越小", "变小", "下降", "变少", "越少", "越低", "变低")
_VARIANTS = {**{w: "↑" for w in _UP_WORDS}, **{w: "↓" for w in _DOWN_WORDS},
             "越好": "越厉害|越牛|越靠谱|越给力", "更好": "更厉害|更牛|更靠谱|更给力",
             "越差": "越拉胯|越烂|越菜", "更差": "更拉胯|更烂|更菜"}
_CHANGE_WORD_RE = re.compile("|".join(_VARIANTS))


def with_variants(pattern: str) -> str:
    r"""A property's phrasing that also accepts the variants people write for some of its words: each word of
    increase (`变大`, `上升`, `越大`…) in the pattern's text, outside a character class and a lookaround and not
    under a quantifier of its own, also matches ↑, each word of decrease ↓ (not a space before the arrow: an
    alternative that can begin with a space makes every space a place to start, and a lookbehind before it
    backtracks). Notes and cheat-sheets write `lr ↑ → 震荡` for `学习率变大会震荡`; a rule written in words reads
    both. So with a judgement in casual words: `越好` reads `越厉害`, `越牛`; `更差` reads `更拉胯`.

    >>> print(with_variants("(?:越大|变大)(?!变小)"))
    (?:(?:越大|↑)|(?:变大|↑))(?!变小)
    >>> with_variants("[^越大]变小?")
    '[^越大]变小?'
    """
    if _CHANGE_WORD_RE.search(pattern) is None:
        return pattern
    out: list[str] = []
    looks: list[bool] = []  # for each open group: whether it is a lookaround or inside one (its words are kept as written)
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "(":
            looks.append(bool(looks and looks[-1]) or pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i))
        elif c == ")" and looks:
            looks.pop()
        if c == "[":  # a character class is copied whole (its `]` may come first: `[]…]`, `[^]…]`)
            j = i + 1 + (pattern.startswith("^", i + 1))
            j += pattern.startswith("]", j)
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        m = _CHANGE_WORD_RE.match(pattern, i) if not (looks and looks[-1]) else None
        if m is not None and not pattern.startswith(("?", "*", "+", "{"), m.end()):
            w = m.group(0)
            out.append(f"(?:{w}|{_VARIANTS[w]})")
            i = m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class NumberSpec:
    """A known value: `value` (in base units), compared within `tolerance` (relative); the number must
    stand next to `quantity` (a regex: 参数|parameters) when given."""

    value: float
    tolerance: float = 0.1
    quantity: regex.Pattern | None = None
    scaled: bool = True  # read 亿/万/B/M/K after the number
    limit: bool = False  # a maximum the model allows: a value set for a run (`BERT-base（序列长度 128）`) is wrong only above it


@dataclass(frozen=True)
class ClaimSpec:
    subjects: tuple[str, ...]
    predicates: tuple[regex.Pattern, ...] = ()
    wrong: str = "affirm"  # affirm: stating the property of the subject is the slip; deny: denying it is
    number: NumberSpec | None = None


# the way a thing is done, after a word of comparison (`比按原始词频抽样…`, `相对于用 MSE…`)
_MANNER = r"(?:按照?|用|以|使用|采用)"
# words before a term that make it the object of a comparison, not the subject
_OBJECT_BEFORE_RE = re.compile(r"(?:比|比起|相比于?|相较于?|相对于?|较之?|不同于|区别于|类似于|相似于|对比|不像|而不是|而非|不是(?:说)?|并非(?:说)?|除了|除|不(?:代表|意味着|等于|说明|表示)"
                               r"|替换|替换掉|代替|取代|替代|换掉"
                               # what is taken away (`去掉残差连接后，梯度消失更严重`: said of the network without it)
                               r"|去掉|去除|移除|删除|删去|删掉|拿掉|砍掉"
                               # what is not used (`不用标签平滑时，模型更容易过度自信`: said of the model without it)
                               r"|(?:不|没有?|未)(?:再)?(?:使用|用|加|加上|采用|引入|开启|打开|启用)(?:了)?"
                               # (a way of doing compared with: `比按原始词频抽样更高`, `相对于用 MSE 训练`)
                               r"|(?:比|比起|相比于?|相较于?|相对于?|较之?)\s*+" + _MANNER +
                               r"|(?:远|明显|大大|大幅)?(?:超过|超越|超出|优于|胜过|好于|强于|高于|低于|不如|逊于|不及|远超)"
                               r"|(?<![A-Za-z])than"  # `converges faster than AdamW`: what is compared with
                               # what a clause is used for or paired with (`用于 tanh 或 sigmoid 激活的网络，避免梯度消失`:
                               # said of the initialisation the clause is about)
                               r"|(?:用于|用在|适用于|适合于?|针对于?|配合|搭配|面向|应用于|作用于)"
                               # what is overcome or made up for (`为克服 Top-K 采样的僵化缺陷，Top-P…`)
                               r"|(?:为了?)?(?:克服|弥补)"
                               # (with a term coordinated before it: `相比 Sigmoid 和 Tanh`, `用于 tanh 或 sigmoid`)
                               # (the original one: `GPT-2 相比原始 Transformer 和 GPT-1`)
                               r")\s*+(?:\*\*)?\s*+(?:(?:(?:原始|原版|最初|早期|传统|经典)(?:的)?\s*+)?[^\s，,。；;或和与及、/]{1,16}\s*+(?:\*\*)?\s*+(?:或者|或|和|与|以及|及|、|/)\s*+(?:\*\*)?\s*+)?"
                               r"(?:(?:原始|原版|最初|早期|传统|经典)(?:的)?\s*+)?$")  # `…都超过 SGD`: SGD is what is compared with  # `用 ReLU 替换 sigmoid`: sigmoid is replaced
# a bare 比 that opens a step of a slide before the term and its colon (`→ 比 F-measure：就是…`) is the verb compare,
# not than: what follows the colon is said of the term
_COMPARE_VERB_BEFORE_RE = re.compile(r"(?:^|[^\u4e00-\u9fff])比\s*+(?:\*\*)?\s*+$")
_COLON_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+[：:]")
# a term that only names what another thing derives from (`X 的简化版本`, `X 的一种变体`) or, for a stage of
# training, the model it made (`预训练的模型`, `微调后的模型`): the clause is about that other thing
_DERIVED_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:[)）]\s*+)?的\s*+(?:一种|一个|一类)?\s*+(?:简化|变体|变种|改进|扩展|推广|特例|升级|延伸|前身|替代)")
_MADE_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:(?:好|过)?的?|[后完]的)\s*+(?:\*\*)?\s*+(?:模型|网络|权重|参数(?!量|规模|个数|数量))(?!结构|架构|参数|大小|规模|容量|本身|的)")
# an English noun a Latin term qualifies (`ICL objectives`, `BERT paper`): the term names a kind of it (not `loss`:
# `cross-entropy loss` is the term itself)
_EN_COMPOUND_AFTER_RE = re.compile(r"[ \t]+(?:objectives?|examples?|demonstrations?|templates?|formats?|prompts?|papers?)(?![A-Za-z])", re.I)
_STAGE_NAME_RE = re.compile(r"预训练|训练|微调|蒸馏|剪枝|量化|对齐|pre-?train|fine-?tun", re.I)
# a term a step is done to (`通过对注意力矩阵进行近似计算`, `对 logits 做截断`)
_DONE_TO_BEFORE_RE = re.compile(r"(?<![相针])对\s*+(?:\*\*)?\s*+$")
_DONE_TO_AFTER_RE = re.compile(r"[^，,。；;：:]{0,10}?(?:进行|做|作|施加|执行|实施)(?!用|为|出)")
_OBJECT_AROUND_RE = re.compile(r"(?:与|和|跟|同|像|如同|就像|好像)\s*+(?:\*\*)?\s*+$")
# (the part that is alike may be named before the likeness: `GRU 与 LSTM 的结构一样，…`)
_ALIKE_PART = r"的\s*+(?:整体|内部|基本)?(?:结构|架构|原理|设计|机制|思路|构造|套路)\s*+(?:完全|基本|大致)?"
_OBJECT_AFTER_RE = re.compile(r"^\s*+(?:\*\*)?\s*+(?:相比|相较|比较|对比|不同|不一样|有所不同|的区别|的不同|(?:" + _ALIKE_PART + r")?(?:一样|类似|相同|相似)|那样"
                             # (alike in some respect: `这与剪枝在原理上殊途同归`)
                             r"|(?:在[^，,。；;]{1,8}?上)?\s*+(?:是)?(?:殊途同归|如出一辙|异曲同工|相通|相仿|一脉相承)"
                             r"|的[^，,。；;]{0,4}?(?:不同|区别|差别|差异)(?:就|主要|其实|正|最大的|最主要的)?(?:在于|是|之处)"
                             # `与预训练时的语言建模目标存在巨大差异`: what differs is compared, not said of
                             r"|[^，,。；;]{0,24}?(?<![没无])(?:存在|有)\s*+(?:着)?\s*+(?:巨大|很大|明显|较大|显著|一定|本质|根本)?(?:的)?\s*+(?:差异|差别|区别|不同)"
                             # a likeness frame that closes on a part of the term (`与 GRU 中的重置门一样，…`, `与跳字模型中的相反`)
                             r"|(?:中|里)的[^，,。；;]{0,12}?(?:一样|一致|类似|相同|相似|相反|不同)(?=\s*+[，,）)])"
                             # a frame that closes the clause on the difference (`与 BERT 致力于通过双向上下文理解语言不同，…`)
                             r"|[^，,。；;]{0,40}?(?:不同|不一样|有别|相反)\s*+(?:\*\*)?\s*+(?:[，,]|$)"
                             # (the list compared with parted by a comma: `与BN，IN或CIN不同，…`)
                             r"|[^，,。；;]{0,8}?[，,][^，,。；;]{1,20}?(?:不同|不一样|有别|相反)\s*+(?:\*\*)?\s*+(?:[，,]|$))")
# a property said to have nothing to do with the subject (`跟判别器 loss 变 0 不是一回事`, `跟 Google 都没关系`)
_AUTHORS_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的)?\s*+(?:作者|原作者|团队|研究者|研究人员|论文|原论文|原文)(?:们)?\s*+(?:在[^，,。；;]{0,12}?中)?"
                               r"(?:认为|指出|觉得|发现|提到|表示|声称|主张|批评|质疑)")
_ENUMERATED_NEXT_RE = re.compile(r"\s*+(?:\*\*)?\s*+[、]\s*+(?:\*\*)?\s*+")
# a title that names two topics (`贪婪解码(Greedy Decoding)与最优序列搜索`): the word after 与/和 is the term's peer, when
# the clause ends soon after it without a stop (`精确率和召回率会同时提升。` says something of both)
_PEER_NEXT_RE = re.compile(r"\s*+(?:\*\*)?\s*+[)）]?\s*+(?:[（(][^（()）]{1,40}[)）]\s*+)?(?:与|和|及|以及|跟)\s*+(?:\*\*)?\s*+")
# a property that is a noun phrase coordinated with the term (`预热和余弦/线性衰减的`, `预热 + 线性衰减）`): its peer
_COORD_PEER_RE = re.compile(r"\s*+(?:\*\*)?\s*+[)）]?\s*+(?:和|与|及|以及|跟|\+|＋|、)\s*+(?:[^，。；,;和与及、+＋\s]{1,4}?\s*+[/／]\s*+)?")
_NOUN_TAIL_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:[A-Za-z]{1,12}\s*+)?(?:的|[)）]|[:：]|[两二三四几]\s*+(?:版|种|个|套|类)|[\"'”」`]|$)")  # (`Sinusoidal PE + Learnable PE 两版`)
_TITLE_TAIL_RE = re.compile(r"[^，,。；;！!？?：:\n]{0,8}?\s*+(?:\*\*)?\s*+")
_WITH_IN_RE = re.compile(r"(?:跟|与|和|同)")
_UNRELATED_AFTER_RE = re.compile(r"[^，,。；;]{0,24}?(?:都|也|完全|根本|并|毫|压根)?\s*+(?:没(?:有)?(?:什么|任何|半点)?(?:关系|关联)|无关|不相干|不是一回事|是两回事|两码事|不沾边)")
# an ordinal is no count (`第一阶段 RPN 生成候选框` says nothing of `一阶段`)
_ORDINAL_HEAD_RE = re.compile(r"第\s*+[一二三四五六七八九十两\d]")
# a number that is a factor of a product or a quotient's operand (`4 × 0.25 = 1`) is not the value stated
# (not a size, `3×3`: an operand is one of a calculation that goes on to its result, `= 1`)
_OPERAND_BEFORE_RE = re.compile(r"[\d)）]\s*+(?:[×*✕·]|\\times|\\cdot)\s*+$")
_EQUALS_AFTER_RE = re.compile(r"\s*+(?:[=＝]|[，,]?\s*+(?:也就是|即|得到?|等于|结果是|算下来是)\s*+[\d(（])")
_OPERAND_AFTER_RE = re.compile(r"\s*+(?:[×*✕·/]|\\times|\\cdot)\s*+[\d(（][^，,。；;=＝]{0,12}[=＝]")
_TRAILING_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?$")
# a count of parameters stated as zero denies them (`可学习参数是 0`, `参数量为零`)
_COUNTED_RE = re.compile(r"(?:参数|权重|权值|parameters?|weights?)\s*+$", re.I)
_ZERO_AFTER_RE = re.compile(r"\s*+(?:的)?(?:数量|个数|数目|量)?\s*+(?:是|为|=|＝|等于|只有|就是)\s*+(?:0|零)\s*+(?:个)?\s*+(?=$|[，,。；;）)！!])")
# (or counted before it: `计入 0 个可学习参数`, `只有零个可训练权重`)
_ZERO_BEFORE_RE = re.compile(r"(?<![\d.])(?:0|零)\s*+个\s*+(?:可|需要|要)?$")
# a term a clause builds on (`在 vanilla Transformer 的基础上`) or uses as an instrument (`通过 ResNet`) is not its subject
# a sentence that states the converse of the one before (`反之，…`, `相反地，…`)
_CONVERSE_RE = re.compile(r"\s*+(?:[-*+>]\s*+)?(?:\*\*)?\s*+(?:反之(?:亦然)?|相反(?:地)?|反过来(?:说|讲)?|与此相反|与之相反|反之则)\s*+(?:\*\*)?\s*+[，,、：:]?")
_BASIS_RE = re.compile(r"(?:在|以|基于)\s*+(?:\*\*)?\s*+$")
_BASIS_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的)?\s*+(?:基础上|基础之上|之上)"
                             # a manner frame, `以自注意力矩阵偏置的形式作用于…`: the term names a form, not what acts
                             r"|[^，,。；;]{0,8}?的\s*+(?:形式|方式|形态)")
_INSTRUMENT_RE = re.compile(r"(?:通过|借助|利用|经过|经由)\s*+(?:\*\*)?\s*+$")
# a term that acts through another (`LSTM 通过门控机制解决了…`, `BERT 主要借助 MLM 实现…`): what is done is said of both
_ACTS_THROUGH_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:主要|正是|就是|也|还|则|可以|能够|能|会)?\s*+(?:通过|借助|利用|凭借|依靠|依赖|经由)\s*+(?:\*\*)?\s*+")
# a term said to be added or used before `之后`/`后` (`加了残差连接之后浅层的梯度…`, `用了 BN 后，激活值…`): what the
# clause then says of a part or a later term is the effect of the addition, so it is said of the added term too
_USED_VERB_BEFORE_RE = re.compile(r"(?<![不没未无别])(?:加|加上|加入|添加|用|使用|采用|引入|接入|换成|改用|开启|启用)(?:了|上)?\s*+(?:\*\*)?\s*+$")
_UNUSED_RE = re.compile(r"[不没未无别非]")  # (a negation before the verb: `没加残差连接之后…`, `不用 BN 后…`)
_USED_THEN_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:之后|以后|后(?![端面台来续期者]))\s*+[，,]?\s*+")


def _used_then(text: str, lo: int, m: Mention, hi: int, whole: bool = False) -> bool:
    """Whether term `m` (in a clause from `lo`) is put in a "used, then" frame: a verb of adding or using within six
    characters before it and `之后`/`后` after it, up to `hi` when `whole` (`加了残差连接之后…`)."""
    gap = _USED_THEN_GAP_RE.fullmatch if whole else _USED_THEN_GAP_RE.match
    return gap(text, m.end, hi) is not None and _USED_VERB_BEFORE_RE.search(text, max(lo, m.start - 6), m.start) is not None


_SUITED_END_RE = re.compile(r"(?:适合|适用于|合适于)(?:于|用于|用在|拿来做)?\s*+$")  # (a property that ends on a verb of suitability)
_IS_OR_BECOMES_BEFORE_RE = re.compile(r"(?:就是|即是|也就是|其实是|(?<![不还但可])是|等于|变成|退化成|退化为|成了|成为)[^，,。；;是]{0,16}$")
_COORD_RE = re.compile(r"^\s*+(?:\*\*)?\s*+(?:和|与|及|以及|或|或者|、|/|,|，|and|or|[（(])\s*+(?:\*\*)?\s*+$", re.I)
# the joint of two terms asked about when the second has an owner named before it (`ZeRO 与 Megatron 的张量并行有何区别？`)
_COORD_OWNED_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:和|与|跟|同|及)\s*+[^\s，,。；;：:？?的]{1,16}+\s*+的\s*+(?:\*\*)?\s*+")
# between two parallel phrasings of one claim (`…真正例率 TPR、纵轴…`), between a term and its gloss (`真正例率 TPR`)
_PARALLEL_GAP_RE = re.compile(r"[ \t]*(?:[（(]?[A-Za-z][A-Za-z0-9-]*[)）]?)?[ \t]*[、，,；;][ \t]*")
_GLOSS_GAP_RE = re.compile(r"[ \t]*[（(]?[ \t]*")
# the opening of a bracket between two terms: the second glosses the first
_BRACKET_JOINT_RE = re.compile(r"\s*+(?:\*\*)?\s*+[（(]\s*+(?:\*\*)?\s*+")
# a term and the kind it is named as, after a demonstrative (`BART 这个去噪自编码器`): one thing in apposition
_DEMONSTRATIVE_APPOSED_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:这个|这种|这类|这一|这款|这套|那个|那种|那类|那套)\s*[^，,。；;：:\s的]{0,8}?")
# a clause that goes on with the previous clause's subject
_ANSWER_WORDS = ANSWER_QUALIFIER + r"?(?:答案|回答)|答|解析|A|[B-H]|Answer|判断题|判断|是非题|甲|乙|丙|丁|" + TOLD_LABEL  # an answer's own label (or a quiz item's: `判断题：…`; a dialogue turn's, `甲：`)
# (a clause number of a standard or a manual opening a line, `8.1 困惑度是…`, `（2）…`, is no word of the clause)
_CLAUSE_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2}){1,3}[ \t]+(?![\d的倍版个])|[（(]\d{1,2}[)）]\s*+)"
# (one's own answer told without a label, `我说 X…`, `我当时答 X`, `我的回答是 X`: what follows is the answer's own words)
_SPOKEN_LEAD = (r"(?:(?:当时|那时)?我(?:当时|那时|也|还|就|便|直接|则){0,2}(?:(?:回答|答|说|讲)(?:说|道|的是)?(?![了过错对明清楚完得白服话起到解述课])(?!\s*+[：:])"
                r"|的(?:回答|答案|说法)(?:是|就是))\s*+[，,：:]?\s*+(?!看))?")  # (not before 看, `我说看训练集 loss`: the
# clause is read from 我, as before, since an answer opening on 看 after `什么时候…？` is not yet bound to the term asked about)
_ANSWER_LEAD = r"\s*+(?:[-*+>]\s+)?" + _CLAUSE_NUMBER + r"?(?:\*\*)?\s*+(?:(?:" + _ANSWER_WORDS + r")\s*+[:：])?\s*+(?:\*\*)?\s*+(?:[“\"「『]\s*+)?" + _SPOKEN_LEAD
_ANSWER_LEAD_RE = re.compile(_ANSWER_LEAD)


def _after_lead(rx: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    """`rx` matched right after the answer's lead (`**答：**`, a list bullet, white space) at `start`. The lead is matched
    on its own, once: written into a pattern, its optional white space was tried again for every way the rest could
    fail, so a long indented line cost about the fourth power of its indent."""
    return rx.match(text, _ANSWER_LEAD_RE.match(text, start, end).end(), end)
# a degree adverb that opens a clause (`越小越好`, `更容易…`), not one before a noun phrase (`过于简单的模型`)
_DEGREE_LEAD = r"(?:越|更|较(?!之|于)|很|非常|相对(?!于|而言|来说|应)|过于|太)(?![^，,。；;]{0,4}的)"
# a line that gives one's answer to the question reported before it (`我答：`, `我的回答是：`)
# an API reference's own object (`本层不含…`, `本函数返回…`), standing for the documented term as a pronoun does; not
# the text itself (本文/本节)
_OWN_OBJECT = r"本(?=层|模块|函数|方法|算法|模型|网络|类|接口|组件|算子|优化器)"
_MY_ANSWER_RE = re.compile(r"\s*+(?:[-*+>]\s+)?(?:\*\*)?\s*+" + ANSWER_BY + ANSWER_TURN + r"\s*+(?:\*\*)?\s*+[:：]")
# a verb of a result brought about (`一举解决了`, `有效缓解`; not the noun `解决方法`)
_RESULT_VERB = r"(?:(?:从而|进而|由此|一举|一下子|一次性|同时|一并|成功|有效|彻底|顺利)(?:地)?)?(?:解决|缓解|避免|消除|克服|防止|根治|治好|抑制|减轻)(?!方法|方案|办法|思路|措施|之道|途径|手段|问题的)"
# a clause that opens by weighing what the clause before named or used (`我们用 X 提速，代价是…`, `…，好处是…`): said of
# that term
_APPRAISED = (r"(?:这样做的|这么做的|这样的|其)?(?:代价|好处|优点|优势|缺点|坏处|副作用|弊端|原理|本质|前提"
              r"|目标|作用|用途|思路|核心思想|核心|做法|训练目标|优化目标)(?:就|则)?(?:是|在于)")
# an aim named at a clause's head (`目的是…`, `用意就是…`): in `_CONTINUES_RE` and `_PURPOSE_LEAD_RE`
_AIM = r"(?:目的|用意|初衷)(?:就|正|其实|主要)?"
# the writer's own view said to follow (`我认为这会…`, `笔者理解其…`): what follows goes on as it would without it
# (or what the writer reports finding, `这里我们发现 X…`, `实验中我们注意到 X…`: a finding the writer states as so)
_OPINION_HEAD = (r"(?:(?:这里|此处|这次|后来|最后|最终|实验中|实践中|实际中)\s*+[，,]?\s*+)?"
                 r"(?:(?:我|我们|笔者|本人|本审稿人|审稿人|评审人)(?:个人|也|还是|一直)?(?:认为|觉得|相信|理解|判断|发现|注意到|观察到"
                 # (or the writer agreeing with what was said, `我很同意：…`, `我完全赞同，…`: the writer's own view)
                 r"|(?:很|深|深表|非常|完全|十分|也)?(?:同意|赞同|认同|赞成))"
                 # (or the writer's understanding named as a noun, `我的理解是 X 里的 Y…`: what follows is the writer's view)
                 r"|(?:我|我们|笔者|本人)(?:个人)?的(?:理解|看法|观点|判断|印象)(?:是|就是))")
_OPINION_LEAD = r"(?:" + _OPINION_HEAD + r"\s*+[，,：:]?\s*+)?"
# the writer telling someone what to do (`我还专门提醒他要先…`): what follows is the writer's own view
_ADVISED_LEAD = (r"(?:(?:我|我们|笔者)(?:还|也|都|就)?(?:专门|特意|特地|一直|反复|再三)?(?:提醒|告诉|叮嘱|嘱咐|建议|要求|教)(?:了)?"
                 r"(?:他|她|他们|她们|你|你们|大家|同事|新人|学生)?(?:说)?\s*+[，,：:]?\s*+)?")
# a reason whose clause names a subject of its own in a correlative (`因为样本越少，…`): it does not go on with the term
# before (`它越…`, `用得越多…` still do)
_OWN_CORRELATIVE = r"(?:因为|由于)\s*+(?!它|其|这|该)[\u4e00-\u9fffA-Za-z]{1,6}?(?<!得)越"
_OWN_CORRELATIVE_RE = re.compile(r"\s*+(?:\*\*)?\s*+" + _OWN_CORRELATIVE)
_CONTINUES_RE = re.compile(r"^" + _ANSWER_LEAD + _OPINION_LEAD + _ADVISED_LEAD + r"(?:它|其|该|这|此|人家|"
                          # (both of a pair of which only one is a term goes on with that term: `ZeRO 和 Megatron 什么关系？两者都是…`)
                          r"(?:两者|二者|这两者|它俩|这俩)(?=\s*+(?:都|均|全))|"
                          # (any one of the things it works on, `…，一个词出现得越少越…`: how it treats them)
                          r"(?=(?:一个|每个|每一个|任何一个|任一|某个)\s*+(?:词|单词|样本|token|特征|节点|像素)\s*+(?:只要|如果|若)?\s*+(?:出现|被|在|越|的(?:频率|词频|概率)|会))|"
                          # (the inside of it, as 它里面: `…这个 BatchNorm 层，…，里面没有 gamma、beta`)
                          r"(?:里面|里头|内部)(?=\s*+(?:没|不|有|只|就|也|还|是|都|并|其实))|"
                          # (a part of it pointed at, `…，小误差那段则…`; a likeness, `…，跟训练时一样…`)
                          r"[^，,。；;\s]{1,8}?(?:那|这)一?(?:段|部分|侧|边|头|区间|区域)|(?:也|就)?(?:跟|和|与|同|像)[^，,。；;]{1,12}?(?:一样|一致|相同|似的)|" + _OWN_OBJECT + r"|是(?!否|不是)|最|因此|所以|从而|进而|因而|于是|使|让|令|导致|能|会|可以|可|就|便|则|也|还|并|且|同时|而且|不|无|并不|它们|这种|这个|这样"
                          r"|即|亦即|也就是说?|意味着|就是|正是|恰恰是|恰是|但|但是|不过|然而|却|仍然?|依然|依旧|同样|然后|接着|随后|再|最终|最后|首先|先(?!前|生|验|天|进|后|手)"
                          r"|没|而|而是|以此|借此|在|属于|作为(?!对比|比较|参照|补充|例子|示例|代价)|(?!" + _OWN_CORRELATIVE + r")因为|反而|以便|用以|自然而然地?|自然(?=就|会|能|也|便|越|更)|" + _APPRAISED + r"|(?:训练|测试|推理|预测|评估|部署)(?:时|阶段|的时候)|线上(?!版本|模型|服务|系统)|上线后|生产环境(?:中|里|下)?"
                          # a clause that begins with its verb, an adverb or a preposition has no subject of its own
                          r"|" + _DEGREE_LEAD +
                          r"|都|只|仅|本质上|实质上|实际上|其实|根本(?=\s*+(?:不|没|用不|无|就是|谈不上))|说白了|简单来说|简单说|通俗地?说|换句话说|" + _AIM + r"(?:是|在于)|是为了|是因为|为了|用于|用来|旨在|(?:很|更|最|越)?容易|防止|避免|以免|以防|保证|确保|专门"
                          # (a result it brings: `…，一举解决了…`, `…，有效缓解了…`; what it does not depend on: `…，与类别数无关`)
                          r"|" + _RESULT_VERB + r"|(?:与|和|跟)[^，,。；;]{0,12}?(?:无关|没有?关系|不相关)"
                          # (a harm it brings, `…，加剧梯度消失`)
                          r"|(?:进一步|反而|从而)?(?:加剧|加重|恶化|引发|引起|造成|带来|诱发)"
                          # (an adverb of extent or duration, `…，一直累加到…`, `…，差不多砍一半`; the part of the cluster each
                          # device holds, `…，每张卡只算…`; what the procedure yields, `…，拿到的就是…`)
                          r"|一直|差不多|大约|大概|将近|几乎"
                          r"|基本上|基本(?=都|是|就|没|不|会|能|可|相同|一样|一致|持平|等于)"  # (not the noun `基本块`)
                          r"|每一?(?:张|个|块|台)\s*+(?:卡|GPU|显卡|节点|设备|进程|worker|rank)"
                          # (after the step that yields it, `…，每步取 argmax 得到的就是…`)
                          r"|[^，,。；;的]{0,16}?(?:拿到|得到|得出|选出|选到|解出|找到|搜到|生成|输出)(?:出来|来)?的(?:结果|序列|句子|解|答案|东西)?\s*+(?:也|就|便|都)?\s*+(?:一定|必然|肯定)?\s*+(?:是|为)"
                          # a clause that opens with the value reached (`…扩大了四倍，达到 4096 个 token`)
                          r"|(?:达到|增至|增加到|增长到|扩大到|扩展到|扩充到|提升到|提高到|降到|降至|降低到|减少到|缩小到|变成|变为)\s*+(?:了|约|近)?\s*+(?=(?:[-−－–]|负)?\s*+[\d一二两三四五六七八九十百千])"
                          r"|把|将|为|对|通过|以|按|根据|基于|直接|主要|一般|通常|往往|总是|一定|必须|需要|要"
                          # (the modal 得 `must`, `…，得先在偏好数据上拟合…`; not 得到, 得出)
                          r"|(?:还|也|都|就)?得(?=先|要|把|将|用|在|靠|经过|有|做|再|额外|单独|另外|依赖|借助)"
                          # a clause that opens comparing the value before it (`BLEU 为 18.2，低于基线的 24.6`)
                          r"|(?:远|明显|略|稍|显著)?(?:低于|高于|小于|大于|优于|不如|超过|胜过|逊于)"
                          # a clause that opens with a verb of meaning (`X，指的是…`, `，衡量的是…`, `，意思是…`) says what the term before means
                          r"|指的?是|是指|系指|即指|(?:说|讲)的(?:就|其实|正)?是|表示|代表|衡量|反映|刻画|描述的是|定义为|计算的是|(?:这个?|其)?意思(?:就|也就)?是"
                          # ... or with a part of the figure or the formula it has (`新增 ROC 曲线，横轴取…`, `，分母是…`, `，分母就是…`)
                          r"|(?:横轴|纵轴|横坐标|纵坐标|[xy]\s?轴|分子|分母)(?=\s*+(?:就|则|也|呢)?\s*+(?:是|为|取|用|表示|代表|对应|上|[:：]))"
                          # ... or with a place inside it (`LLaMA 的 FFN 很朴素，中间用的是…`, `，里面放的是…`)
                          r"|(?:中间|里面|里头|内部)(?=\s*+(?:用|放|夹|接|是|采用|使用|选用|有))"
                          # ... or with a measure of it compared (`E4M3 能容纳更大的数值，覆盖范围更宽`, `，显存占用也更低`)
                          r"|(?:覆盖|表示|数值|动态|取值)?(?:范围|精度|速度|延迟|显存(?:占用)?|内存(?:占用)?|开销|参数量|计算量)(?=\s*+(?:也|就|则|会)?\s*+(?:更|较|越|相对|明显|大幅))"
                          # ... or with a measure of its cost or size and what becomes of it (`…，复杂度直接变成 O(1)`, `…，计算量跟
                          # 词表大小无关`, `…，参数个数少了`, `…，模型大小差不多砍一半`): the elided owner is the term before
                          r"|(?:(?:时间|空间|计算|推理)?复杂度|计算量|计算开销|参数(?:个数|数量|数目)|(?:模型|权重|文件|存储)(?:大小|体积)|体积)(?!的|\s*+[，,。；;：:]|\s*+$)"
                          # ... or with its value as it goes up or down (`X 看作损失一样的量，数值越小…`, `，取值越大…`)
                          r"|(?:数值|取值|分值|得分|分数)(?=\s*+(?:越|愈|更|较))"
                          # ... or with the way it is computed (`X 达到 0.92，口径是…`, `，计算方法是…`, `，算法是…`)
                          r"|(?:计算|统计)?(?:方法|方式|口径|公式|算法)\s*+(?:是|为|[:：])|定义(?:是|[:：])"
                          # ... or with how it is done (`X，具体做法是把…`, `，核心思路就是…`)
                          r"|(?:具体|主要|核心|基本)?的?(?:做法|方法|方式|思路|流程|步骤)\s*+(?:就|其实|也)?\s*+(?:是|为|[:：])"
                          # ... or with the next operation of a formula it gives (`IoU：两个框重叠的面积，除以…`) or the coverb 拿 (`…，拿
                          # 全局和局部统计合起来表示…`): verb-first, no subject of its own
                          r"|(?:再)?(?:除以|乘以|减去)|拿(?!到|出|来|去|着)"
                          r"|$)")
_RESPECTIVELY_RE = re.compile(r"分别|respectively", re.I)
# terms marked as the left and right of a figure (`ResNet（左）与 DenseNet（右）的区别：使用相加和使用连结`): the parts after
# the colon go to them in order, as after 分别
_LEFT_MARK_RE = re.compile(r"[（(]\s*+(?:左|左图|左侧|左边|上|上图)\s*+[)）]")
_RIGHT_THEN_RE = re.compile(r"[（(]\s*+(?:右|右图|右侧|右边|下|下图)\s*+[)）][^，,。；;：:]{0,30}?(?P<colon>[：:])")
_COLON_RE = re.compile(r"[：:]")
_FRAME_END_RE = re.compile(r"(?:中|里|内|时|后|之后|下|上|一样|相同|类似|来说|而言|方面|阶段)\s*+(?:\*\*)?\s*+[，,]?\s*+$")
# (after a deictic place word that names no term, `这里 early stopping 监控…`, `此处，X…`)
_FRAME_LEAD = r"(?:(?:这里|此处|在这里|在此处|这儿)\s*+[，,]?\s*+)?(?:在|对于|对|关于|就|当|和|与|跟|同|像|所谓的?)?\s*+(?:这种|这类|这样的|此类|一个|一种|任何一个|任意一个|这个|那个|这(?![是就也])|那(?![是就也么]))?\s*+(?:\*\*)?\s*+"
# words that only open a summary or a restatement (`简单来说，`, `总结一下：`): a clause of them sets no topic, and a
# frame may open after them
# words that open a restatement, not a subject (`说白了就是…`, `简单来说…`)
_DISCOURSE_MARKERS = r"说白了|说穿了|说破了|讲白了|简单来说|简单说|其实|本质上|通俗地?说"
_ADDRESSED = (r"(?:尊敬的|亲爱的)?(?:各位|诸位)?(?:主席|评委(?:老师|们)?|对方辩友|对方辩手|观众(?:朋友)?们?|同学们|老师们?|朋友们|家人们"
              r"|读者(?:朋友)?们?|小伙伴们|大家|各位"
              # (a storyteller's hearers: `看官，`, `列位看官，`)
              r"|(?:列位|诸位|各位)?看官(?:们)?|列位"
              # (family addressed in a letter or a chat: `爸、妈，`)
              r"|爸爸|妈妈|老爸|老妈|爸|妈|爷爷|奶奶|外公|外婆|姥姥|姥爷)")
# a clause that only addresses its hearers (`爸、妈，`, `各位同学，`): it opens no topic, the next clause does
_VOCATIVE_CLAUSE_RE = re.compile(r"\s*+(?:\*\*)?\s*+" + _ADDRESSED + r"(?:\s*+[、和与及]\s*+" + _ADDRESSED + r")*\s*+(?:\*\*)?\s*+[，,：:!！]?\s*+")
# (a speaker's avowal of candour, `说实话，`, `老实讲，`: no topic of its own)
_CANDID_MARKERS = r"说实话|说实在的|说真的|老实说|老实讲|实话实说|坦白说|坦白讲|坦率地?说|讲真|讲实话"
_OPENING_MARKERS = (_DISCOURSE_MARKERS + r"|" + _CANDID_MARKERS + r"|换句话说|也就是说|总之|总结一下|总的来说|总体来说|总体而言|一句话|简而言之"
                    r"|具体来说|具体地说|首先|其次|另外|此外|同时|因此|所以"
                    # (a report's and a talk's openers: `据悉，`, `值得一提的是，`, `嗯，`)
                    r"|据悉|据了解|据介绍|据报道|值得一提的是|值得注意的是|需要指出的是|需要注意的是|有意思的是|有趣的是|众所周知"
                    r"|嗯+|哎|诶|好的?|来"
                    # (a teacher's call to attend, think or reckon, `同学们注意，`, `大家想一想，`, `算一下账，`; `很简单，`)
                    r"|(?:" + _ADDRESSED + r"|你们?|咱们?)?\s*+(?:请|先|再|可以)?\s*+(?:注意(?:了|一下|听)?|听好了?|看(?:这里|一下|下)|想(?:一想|想|一下)|比较一下|对比一下|算一下账?|回忆一下)"
                    r"|(?:其实|说来|道理)?(?:很|非常|特别)?简单|答案很简单|原因很简单|很好理解|不难理解"
                    # (a teacher's praise of the one who asked, `这位同学问得好，`, `这位同学很细心，`: no topic of its own)
                    r"|(?:这位|那位)?(?:同学|朋友|候选人)?(?:你|您)?(?:这个)?(?:问题)?问得(?:真|很|非常)?(?:好|不错|妙)|好问题"
                    r"|(?:这位|那位)(?:同学|朋友)(?:很|真|非常)?(?:细心|仔细|敏锐|用心)"
                    # (a grader's approval of the answer it grades, `这条回答给满分：`, `这条回答讲得对：`, `给满分：`: what
                    # follows is the answer's statement, endorsed, and read as the writer's)
                    r"|(?:(?:这条|这个|这份|该|此)?(?:回答|答案|作答)(?:的[\u4e00-\u9fff]{1,6}?)?)?(?:(?:可以|可|应|应该|能)?给|得|拿)?满分"
                    r"|(?:这条|这个|这份|该|此)?(?:回答|答案|作答)(?:的[\u4e00-\u9fff]{1,6}?)?(?:完全|基本)?(?:正确|准确|合理|无误|没问题|(?:讲|说|答)得(?:很)?对)"
                    # (the audience addressed: `主席、评委，`, `对方辩友，`, `各位观众，`)
                    r"|" + _ADDRESSED + r"(?:\s*+[、和与及]\s*+" + _ADDRESSED + r")*")
_FRAME_LEAD_RE = re.compile(_ANSWER_LEAD + r"(?:(?:" + _OPENING_MARKERS + r")\s*+[，,：:]\s*+)?" + _OPINION_LEAD + _FRAME_LEAD)  # (`嗯，我理解 BLEU…`)
# (after whoever or whatever says it, a word that names no term: `老师说 ResNet-50 没用瓶颈块，全是…`, `课上讲，…`: what is
# said sets the topic)
_SAYS = (r"(?:[\u4e00-\u9fff]{1,4}?(?:里|上|中)?(?:说|讲|提到|指出|表示|强调|介绍)(?![白到明起的法])(?:了|过)?"  # (`老师说`, `书上讲`, `课上提到过`)
         # (a longer speaker and a verb of explaining or testifying: `专家证人解释说`, `评审专家补充道`)
         r"|[\u4e00-\u9fff]{1,6}?(?:解释|回答|补充|坦言|作证|陈述|答复)(?:说|道|称)?"
         # (a time when it was said, before or after the speaker: `那时我给新人讲`, `我当年跟组员说`)
         r"|(?:我们?)?(?:那时|当时|那年|那几年|那些年|当年|那会儿?|那阵子|那次|有一次|有次|以前|早年|过去)(?:候)?[\u4e00-\u9fff]{1,5}?"
         r"(?:说|讲|提到|指出|强调|介绍)(?![白到明起的法])(?:了|过)?)")
# (or who wrote or answered what follows, `学生写“微调，就是…”`; what is said may open a quote: `他说“微调，就是…”`)
_WRITES = (r"[\u4e00-\u9fff]{1,4}?(?:写道|答道|写的是|答的是)"
           r"|(?:[\u4e00-\u9fff]{1,4}?(?:里|上|中))?(?:学生|考生|同学|候选人|面试者|答题者|作者|有人|他|她|你)(?:们)?(?:写|答)(?:了|成)?")
_SAID_LEAD = _ANSWER_LEAD + r"(?:" + _SAYS + r"|" + _WRITES + r")\s*+[，,：:]?\s*+"  # (who says or writes what follows)
_SAID_FRAME_LEAD_RE = re.compile(_SAID_LEAD + r"[“「『]?\s*+" + _FRAME_LEAD)
# a topic tag in black lenticular brackets that opens a clause (`【标签平滑】…`)
_TOPIC_TAG_RE = re.compile(r"\s*+(?:\*\*)?\s*+【[^【】\n]{1,20}】\s*+(?:\*\*)?\s*+")
# (a quote opened after who says or writes it: a term that names the speaker, `学生写“…”`, is not the topic)
_QUOTE_LEAD_RE = re.compile(_SAID_LEAD + r"[“「『]")
_LABELLED_LEAD_RE = re.compile(_ANSWER_LEAD + r"(?:[0-9]{1,2}[.、)）]\s*+)?" + _FRAME_LEAD)  # after a label: `**A vs B**：1）…`
# the words of correction between a belief reported and what the writer says is so (`，其实`, `，实际上，`)
_CORRECTION_GAP_RE = re.compile(r"\s*+[，,；;—]\s*+(?:(?:但|可|然而|不过)?\s*+(?:其实|实际上|事实上)\s*+(?:[，,：:]|——|—)?"
                                r"|(?:那|这|这就|那就|那可)?(?:也|就|可|真是|实在)?(?:太天真了|大错特错|错得离谱)(?:吧|啊|呀)?\s*+[，,：:])\s*+")
# the writer's verdict that closes a sentence reporting what was said: it is wrong, the wrong way round, or a limit it
# names does not exist (`…，这不对；`, `…，这是反的。`, `…，方向说反了；`, `…，这个限制并不存在；`)
_REJECTED_END_RE = re.compile(r"[，,]\s*+(?:这个说法|这种说法|这话|这样说|这么说|这(?:个|种|一|条)?(?:限制|约束|上限)|这个|这|方向|结论|因果)?\s*+"
                              r"(?:是|并|就|正好|恰好|完全|其实|根本)?\s*+(?:不对|错的|错了|不正确|有误|不成立|反的|(?:说|弄|搞|记|写)?反了|不存在)"
                              r"(?:的)?\s*+[。！!；;]\s*+$")
# ... after a sentence that opens by telling who said or wrote what (`扣分：回答说…`, `有同学说…`, `候选人把…`)
_SAID_BEFORE_RE = re.compile(r"\s*+(?:[-*+>]\s+)?(?:\*\*)?\s*+(?:[\u4e00-\u9fff]{1,4}\s*+(?:\*\*)?\s*+[:：]\s*+(?:\*\*)?\s*+)?[^，,。；;：:]{0,12}?"
                             r"(?:说|称|认为|以为|觉得|写|答|讲|提到|把|将)")
# a sentence that opens on both of two terms named before it (`…，其实两者的…`)
_BOTH_OPENS_RE = re.compile(_ANSWER_LEAD + r"(?:(?:其实|实际上|事实上|本质上|但|但是|不过|然而)\s*+[，,]?\s*+)?(?:两者|二者|这两者|它们俩|它俩)")
# a clause that goes on with all the terms of the previous clause: `A 和 B …，两者都…`
_BOTH_RE = re.compile(r"^" + _ANSWER_LEAD + r"(?:(?:其实|实际上|事实上|本质上)\s*+(?=两者|二者|这两者|它们))?(?:两者|二者|这两者|这两个|两种方法|它们|都|均(?!值|匀|衡|方)"
                      # (or says they are the same: `A 和 B 有什么区别？本质相同，都是…`)
                      r"|(?:本质上?|其实|实际上|基本上?)?(?:是)?(?:相同|一样|一回事)(?:的)?\s*+[，,]|没(?:有|啥|什么)?(?:本质)?区别)")
# a clause that gives examples of what a label names (`- **提示微调**：如 Prefix Tuning 和 P-Tuning，…`):
# the clauses after it are said of the examples, not of the label (examples in brackets are glosses, see
# _EXAMPLE_GLOSS_RE: `允许使用饱和激活函数（如 sigmoid，tanh 等）进行训练，其能…` goes on with its subject)
_EXAMPLES_AT_RE = re.compile(r"(?:(?<=[：:，,；;\s*])|^)\s*+(?:" + EXAMPLE_LEAD + r"|e\.g\.|such as)\s*+(?:\*\*)?\s*+(?:[：:]\s*+)?")
# 其 followed by 实 is 其实 (actually), not its, unless what follows makes it 其 + a noun (`其实现`, its implementation;
# `其实验`, `其实施`, `其实质`), though not `其实现在` (actually now), `其实现阶段` or `其实验证` (actually checks)
_QI_SHI = r"实(?!现(?!在|阶段|今)|验(?!证)|施|质)"
# a sentence that goes on with the previous sentence's subject: `它…` / `它们…` before any term of its own
_PRONOUN_RE = re.compile(r"它们?|(?<![尤极与])其(?!余|他|它|次|" + _QI_SHI + r"|中|后|间|一|所)(?=\s*+(?:\*\*)?\s*+[A-Za-z\u4e00-\u9fff])"  # (其: its)
                         # a demonstrative for a measure (`这个数值越小，…`, `该指标越高`): the measure named before
                         r"|(?:这个|该|此)(?:数值|指标|值|分数|得分)(?=\s*+(?:越|更|的值|的取值|也|就|会|应该|应当|偏|很|较))"
                         # or for a method, said of itself (`因为这个算法本身就能…`, `该算法本身…`): the method named before
                         r"|(?:这个|该|此)(?:算法|方法)(?=\s*+本身)")
# 其 as the object of 将/把, after the clause's own doer at most (`我们将其…`, `本文把其…`, `与多数脚本一致，我们将其…`)
_DISPOSED_PRONOUN_RE = re.compile(r"[^，,。；;：:\s]{0,10}?(?:将|把)\s*+")
_PAIR_OPENS_RE = re.compile(_ANSWER_LEAD + r"(?:而|但|则)?\s*+(?:前者|后者)")  # (a sentence that opens on one of a pair)
_INCLUDES_LEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:其中)?(?:就|也)?(?:包括|包含|涵盖|囊括)(?:了)?\s*+(?:\*\*)?\s*+")  # (a list of a kind's items)
# two terms joined as a pair (`BLEU 与 ROUGE`, `**A** 和 **B**`)
_JOINED_PAIR_RE = re.compile(r"[ \t]*+(?:\*\*)?[ \t]*+(?:和|与|及|以及|跟|、)[ \t]*+(?:\*\*)?[ \t]*+")
# in a compared phrase (`与使用 L2 正则的岭回归不同`) a property followed by `…的 TERM` is a relative clause on
# that term, not a claim about the term before it
_MODIFIES_RE = re.compile(r"^\s*[^，。；,;\s]{0,4}?的\s*+(?:\*\*)?\s*+$")
_COMMA_RE = re.compile(r"[，,]")
# the colon after a lead that announces what follows is about (`三十秒讲清楚 T5：…`, `今天聊聊 RLHF 里的 KL 惩罚：…`)
_TITLE_COLON_RE = re.compile(r"[：:](?!\d)")
_TITLE_GAP_RE = re.compile(r"[ \t]*(?:\*\*)?[ \t]*")
# (or the aspect of the term a title announces, `这篇文章里作者讲 NMS 的流程：…`, `书上 GBDT 的训练步骤：…`: what follows is
# said of the term)
_TITLE_ASPECT_RE = re.compile(r"[ \t]*+(?:\*\*)?[ \t]*+的\s*+(?:具体|整个|完整)?(?:流程|步骤|过程|做法|原理|机制|思路|定义|定位|计算方法|计算方式|算法|训练流程|训练过程|训练步骤|工作原理)[ \t]*+(?:\*\*)?[ \t]*+")
_COMPARED_RE = re.compile(r"(?:与|和|跟|同|比|像|不同于|区别于|相比于?|对比|而不是|而非|不是|除了)\s*[^，。；,;\s]{0,6}$")
# a list item or paragraph that begins with a bold label (`- **Leaky ReLU**：…`): its clauses are said of the label
# (used with match(text, pos), which anchors at pos: no `^`, which would only match at the start of the text)
# (a word of note-taking may stand between the bold and its colon: `**BERT** 速记：1）…；2）…`)
_NOTE_WORDS = r"速记|要点|小结|总结|笔记|概述|简介|速览|一览|回顾|梳理|精要|口诀|核心要点|知识点"
_LABEL_RE = re.compile(r"\s*+(?:[-*+]\s+|\d+[.、)]\s*+)?\*\*(?P<label>[^*\n]{1,60}?)(?:\*\*\s*+(?:" + _NOTE_WORDS + r")?\s*+[:：]|\s*+[:：]\s*+\*\*)"
                       r"|\s*+[-*+]\s+(?P<plain>[^：:，,。*\n]{1,30})[:：]")
# a list item's label at the start of its line (for _copula): `- **X**：`, `**X：**`, `- X：`
_LABEL_LINE_RE = re.compile(r"^[ \t]*(?:(?:[-*+][ \t]+|\d+[.、)][ \t]*)?\*\*(?P<label>[^*\n]{1,60}?)(?:\*\*[ \t]*[:：]|[ \t]*[:：][ \t]*\*\*)"
                            r"|[-*+][ \t]+(?P<plain>[^：:，,。*\n]{1,30})[:：]"
                            # (a line that opens with a term's names and a full-width colon before Chinese: `均方误差（MSE）：…`)
                            # (after a clause number of a standard or a manual: `8.1 困惑度：…`, `3.2.4 精确率 precision：…`)
                            r"|(?:\d{1,2}(?:\.\d{1,2}){1,3}[ \t]+)?(?P<bare>[^：:，,。*\n]{1,30})：(?=[ \t]*[\u4e00-\u9fff]))", re.M)
# a short bold section label that names no term (`**核心结论：**`, `**原理：**`); not one that refutes, warns or
# asks (`**误区：**`, `**注意：**`, `**问：**`), which says how to read what follows
# (nor an answer label, `**答案：**`, which the answer lead reads already)
_SECTION_LABEL_RE = re.compile(r"(?!A$)(?!.*(?:误|错|不对|不是|谬|陷阱|坑|注意|警告|问|题|追问|Q\b|反例|答|解析|Answer))[\u4e00-\u9fffA-Za-z ]{1,10}", re.I)
_A_NOT_A_RE = re.compile(A_NOT_A)  # (the text layer's A-not-A: `会不会`)
# a clause that opens with an example (`比如阅读理解这种任务，…`), or holds one
_EXAMPLE_OPENS_RE = re.compile(r"(?:比如|例如|譬如|诸如|像是)")
_EXAMPLE_IN_RE = re.compile(r"比如|例如|譬如|诸如")
# a clause whose subject is an acronym the glossary does not know (`PPL 是…，这个平均 NLL 是大于等于 0 的`): it is said
# of that thing, not of the term before it
_ACRONYM = r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![A-Za-z0-9(（])\s*+(?:\*\*)?\s*+"  # (`NLL`, `LLM`, with what may close it)
_OWN_ACRONYM_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:这个|该|此|其中的?|这里的)?\s*+(?:[\u4e00-\u9fff]{1,2}\s*+)?" + _ACRONYM +
                                   # (a stage it names: `SFT 阶段才需要人工标注数据` is said of that stage)
                                   r"(?:(?:阶段|环节|步骤)\s*+)?(?:是|为|的值|值|越|都|也|就|才|会|总是|一定|始终|永远|必然|恒|[≥≤]|大于|小于|不小于|不大于)")  # (not `FL = …`: a formula defines the term before)
# ... or, opening any clause, the things of the present such an acronym names (`考虑到目前 LLM 一般采用 Pre-Norm`): not
# the original the text went on about
_PRESENT_ACRONYM_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:考虑到|鉴于|由于|因为)?\s*+(?:目前|现在|如今|当前|现代|主流)的?\s*+" + _ACRONYM +
                                       r"(?:一般|通常|普遍|大多|基本上?|都|大都|多|往往)")
# the steps of a procedure (`先在无标注文本上预训练，然后用少量标注数据微调`): a later step is not the first one's
# (a step done by an instrument, `通过在无标注文本上预训练，…，然后…`, is a first step too)
# (after a label: `直觉：先…`; a stage named as the time of the first step: `在预热期间，…，之后…`)
_FIRST_STEP_RE = re.compile(_ANSWER_LEAD + r"(?:首先|先|通过|经过|在[^，,。；;]{1,16}?(?:期间|阶段|过程中))"
                            r"|[^，,。；;]*?[：:]\s*+(?:\*\*)?\s*+(?:首先|先|在[^，,。；;]{1,16}?(?:期间|阶段|过程中))")
_NEXT_STEP_RE = re.compile(r"\s*+(?:然后|随后|接着|之后)")
# one of two things told apart without naming which (`但一个需要标签，一个不需要`, `一种…，另一种…`)
# (not one that enumerates, `一个是 NSP，另一个是…`: the parts of the sentence's term)
# (after a short preface the clause took in, `简单来说，一个在做完形填空，一个在做接龙`)
_ONE_LEAD = r"\s*+(?:[\u4e00-\u9fff]{2,6}[，,]\s*+)?"
_ONE_OF_TWO_RE = re.compile(_ONE_LEAD + r"(?:但|而|可|其中)?\s*+(?:一个|一者|一种|其一)(?![个种者是为叫即])")
_THE_OTHER_RE = re.compile(_ONE_LEAD + r"(?:而|但|可)?\s*+(?:另一个|另一者|另一种|另外一个|另外一种|一个|一者|一种|其二)(?![个种者是为叫即])")


def _distinct_keys(mentions) -> list[frozenset[str]]:
    """The keys of the different terms among `mentions`, in the order first met."""
    keys: list[frozenset[str]] = []
    for m in mentions:
        if m.keys and m.keys not in keys:
            keys.append(m.keys)
    return keys


def _last_two_keys(seen: list) -> list[frozenset[str]]:
    """The keys of the last two different terms in `seen` (in their order), or none when there are fewer."""
    keys = _distinct_keys(reversed(seen))
    return keys[1::-1] if len(keys) >= 2 else []


def _pair_opening(text: str, clause: Span, seen: list) -> tuple[list, None, bool] | None:
    """`LLaMA 采用 RMSNorm 替代 LayerNorm，二者的计算流程一致：…`: 二者 at the head of a later clause (naming no term) is
    the last two different terms the sentence named: the new (prev, frame, acted) of the sentence's reading; not
    `二者分别为…`, each its own value. Else none."""
    if not _BOTH_OPENS_RE.match(text, clause.start, clause.end) or _RESPECTIVELY_RE.search(text, clause.start, clause.end):
        return None
    pair = _last_two_keys(seen)
    return ([Mention(clause.start, clause.start, k) for k in pair], None, False) if pair else None


def _unowned(text: str, clauses: list, i: int) -> bool:
    """Whether clause i (naming no term) is a next step of a procedure the first clause opens (`先…，然后…`), or one of
    two things told apart (`一个…，一个…`): what it says is not the sentence's term's."""
    clause = clauses[i]
    if i > 0 and _NEXT_STEP_RE.match(text, clause.start, clause.end):
        return any(_FIRST_STEP_RE.match(text, c.start, c.end) for c in clauses[:i])
    if _ONE_OF_TWO_RE.match(text, clause.start, clause.end):
        return any(_THE_OTHER_RE.match(text, c.start, c.end) for k, c in enumerate(clauses) if k != i)
    return _THE_OTHER_RE.match(text, clause.start, clause.end) is not None and i > 0 \
        and _ONE_OF_TWO_RE.match(text, clauses[i - 1].start, clauses[i - 1].end) is not None
# what may stand before a clause's subject: a connective (`而其…`, `但其…`)
_CLAUSE_HEAD_RE = re.compile(r"\s*+(?:(?:而且|而|但是?|并且|且|同时|因此|所以|另外|此外|不过|然而|(?:这|正|就)?是?(?:因为|由于|得益于|归功于|受益于)|因|凭借|依靠)\s*+[，,]?\s*+)?")
# a frame of regard that opens a clause, `对于 X 而言，` / `对 X 来说，`, before more of the same clause: when what follows it
# names a term of its own (`对于 BERT 而言，所谓全参数微调，…`, `对于 PPO 而言，加入 KL 惩罚这一项，意味着…`), that term is the
# topic the later clauses go on with, not the one the frame regards
_REGARD_FRAME_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:对于|对)[^，,。；;：:！!？?\n]{1,40}?(?:而言|来说)\s*+[，,]\s*+")
# a clause that ends by marking its term as the topic of what follows (`ROC 曲线的话，`, `LSTM 的门呢，`)
_TOPIC_MARKED_RE = re.compile(r"(?<![如若要假])(?:的话|呢|嘛|来说|而言)\s*+[，,]\s*+$")
# a fill-in-the-blank item and its answer on one line (`填空：KNN 是一种 ____ 算法。答：聚类。`): the blanks, the answer's
# label, and a label naming the exercise
_BLANK_RE = re.compile(r"_{3,}|＿{2,}")
_FILL_ANSWER_RE = re.compile(r"[ \t]*(?:\*\*)?[ \t]*(?:参考答案|答案|(?<![A-Za-z])A|答)[ \t]*(?:\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?[ \t]*")
_FILL_LABEL_RE = re.compile(r"[ \t]*(?:\*\*)?[ \t]*填空题?[ \t]*\d*[ \t]*(?:\*\*)?[ \t]*[:：]")
_FILL_PARTS_RE = re.compile(r"[ \t]*[；;][ \t]*")


def _filled(text: str) -> str:
    """`text` with each fill-in-the-blank item whose answer follows on the same line read as the statement the
    answer completes, the answer's parts (`；`) written into the blanks in order: `填空：KNN 是一种 ____ 算法。答：聚类。`
    reads as `KNN 是一种 聚类 算法。` (spaces keep the length, and every later character in its place). An item whose
    parts do not match its blanks is left as it is."""
    out = []
    for line in text.split("\n"):
        blanks = list(_BLANK_RE.finditer(line))
        if not blanks:
            out.append(line)
            continue
        label = _FILL_ANSWER_RE.search(line, blanks[-1].end())
        if label is None:
            out.append(line)
            continue
        stop = line.find("。", label.end())
        stop = len(line) if stop < 0 else stop
        answer = line[label.end():stop].rstrip()
        parts = _FILL_PARTS_RE.split(answer) if len(blanks) > 1 else [answer]
        if len(parts) != len(blanks) or not all(parts):
            out.append(line)
            continue
        head = _FILL_LABEL_RE.match(line)
        stem, at = [" " * head.end()] if head else [], head.end() if head else 0
        for b, part in zip(blanks, parts):
            stem += [line[at:b.start()], part]
            at = b.end()
        stem.append(line[at:label.start()].rstrip())
        filled = "".join(stem)
        if not filled.endswith(("。", "！", "？", ".", "!", "?")):
            filled += "。"
        end = stop + 1 if stop < len(line) else stop
        if len(filled) > end:
            out.append(line)
            continue
        out.append(filled + " " * (end - len(filled)) + line[end:])
    return "\n".join(out)


# a normative modal before the verb it governs (`横坐标应取 TPR`, `宜将阈值调高`): a standard's or a manual's rule says
# what the plain verb says (not after a negation, `不应取`, and not `应该`, which may only guess)
_MODAL_RE = re.compile(r"(?<![不无没非未勿别])(?:应当|应|宜|须|必须|务必)(?!该|用(?![于在]))(?=\s{0,2}(?:取|为|是|将|把|与|和|跟|同|以|采用|使用|选用|选|用|设|调|保持|继续|按|作为|当作|视为|记为))")


# a verb of meaning that is the copula of a definition (`ZeRO，系指一种…方法`, `是指由 Google 提出的`, a statute's and
# a contract's 系指): read as 是 (not 指出, 指标, 指定, 指导…)
_MEANS_COPULA_RE = re.compile(r"(?:是|系|即)指(?![出标定导令南针数向纹甲代明示])")


def _noted(text: str) -> str | None:
    """`text` as its signs read, position for position: bold marks blanked (`的**算术平均值**` says what `的算术平均值`
    says), a note's signs between words as the words they stand for (`门控 + 细胞状态` 和, `BN = 纯标准化` 是), a
    normative modal before its verb blanked (`横坐标应取` reads as `横坐标取`), and a verb of meaning read as the copula
    (`系指一种…` as `是 一种…`). None when it has none of them. A
    property's phrasings are looked for here as well as in the text itself (a phrasing may spell a sign out:
    `源任务\\s*=\\s*目标任务`)."""
    chars = None
    if "**" in text:
        for m in _BOLD_MARK_RE.finditer(text):
            chars = chars or list(text)
            chars[m.start():m.end()] = "  "
    if "应" in text or "宜" in text or "须" in text:
        for m in _MODAL_RE.finditer(text):
            chars = chars or list(text)
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    if "指" in text:
        for m in _MEANS_COPULA_RE.finditer(text):
            chars = chars or list(text)
            chars[m.start():m.end()] = "是 "
    for m in _NOTATION_RE.finditer(text):
        word = _notation_word(text, m)
        if word is not None:
            chars = chars or list(text)
            chars[m.start()] = word
            if word == "是" and m.end() < len(text) and text[m.end()] in " \t" and text[m.end() + 1:m.end() + 2].strip():
                # (`KL 散度 = 一种距离度量` reads `KL 散度   是一种距离度量`: the copula next to the words it joins, as a
                # phrasing that opens on it spells it, `是一种…`)
                chars[m.start()], chars[m.end()] = " ", word
    return None if chars is None else "".join(chars)


def _unfilled(text: str) -> list[str] | None:
    """The characters of `text` with its spoken fillers blanked (`…，嗯，…`) and its fill-in-the-blank items answered
    on their line read as filled (`_filled`); None when there is neither."""
    chars = None
    for m in _FILLER_RE.finditer(text):  # `…，嗯，…`: a spoken filler is read past
        chars = chars or list(text)
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    if "不对" in text:
        for m in _SELF_REPAIR_RE.finditer(text):
            # `X，不对不对我是说 Y`: X taken back (`X，不对。`) and Y said in a sentence of its own
            chars = chars or list(text)
            k = text.index("不对", m.start())
            chars[m.start():m.end()] = " " * (m.end() - m.start())
            chars[k:k + 2] = "不对"
            chars[m.end() - 1] = "。"
            # (only the clause right before the repair is taken back: `X1，X2，不对我是说 Y` → `X1。X2，不对。Y`)
            before = max(text.rfind(c, 0, m.start() - 1) for c in "，,")
            if before > max(text.rfind(c, 0, m.start() - 1) for c in "。！!？?；;\n"):
                chars[before] = "。"
    if "”" in text and "“" in text:
        for m in _SPEECH_TAG_RE.finditer(text):  # `“A，”顾言说，“B”`: one speech, its tag between its parts read past
            chars = chars or list(text)
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    if "为" in text:
        for m in _DEGREE_WEI_RE.finditer(text):  # `最为合适` reads as `最合适`, position for position (` 最合适`)
            chars = chars or list(text)
            chars[m.start()], chars[m.start() + 1] = " ", text[m.start()]
    if "__" in text or "＿" in text:
        filled = _filled(text)
        if filled != text:
            chars = chars or list(text)
            for k, (was, c) in enumerate(zip(text, filled)):
                if was != c:
                    chars[k] = c
    return chars


# a bold mark: two asterisks, not three or more (a rule `***`) and not a list bullet
_BOLD_MARK_RE = re.compile(r"(?<!\*)\*\*(?!\*)")
# a sign that joins or equates words in notes (`门控 + 细胞状态`, `梯度消失 & 梯度爆炸`, `BN = 纯标准化`)
_NOTATION_RE = re.compile(r"[+＋&＆=＝]")
_HAN_CHAR_RE = re.compile(r"[\u3400-\u9fff]")
_IN_FORMULA_RE = re.compile(r"[/÷×*^]|\((?![^()]*\))")  # a division or product before the sign, or an open bracket


def _notation_word(text: str, m: re.Match) -> str | None:
    """The word a note's sign stands for between words: `+`, `&` join (和), `=` equates (是). None in a formula
    or code (`TP+FP`, `F(x) + x`, `x = TPR`, `k=1`): a sign stands for a word only with Chinese on one side of it
    (`）+ 注意力` too) and no digit or operator on the other."""
    lo, hi = m.start(), m.end()
    while lo > 0 and text[lo - 1] in " \t":
        lo -= 1
    while hi < len(text) and text[hi] in " \t":
        hi += 1
    before, after = text[lo - 1:lo], text[hi:hi + 1]
    if not before or not after or before in "=+&<>!*/^_-|" or after in "=+&<>*/^_-|":
        return None
    han_before = bool(_HAN_CHAR_RE.match(before)) or before in "）」”"
    han_after = bool(_HAN_CHAR_RE.match(after))
    if m.group() in "=＝":
        # (Chinese after it: `BN = 纯标准化`, `可学习参数量=0` reads 是 0 too; a word before and after:
        # `结构基础 = RNN`; not one letter, `x = 召回率`, a variable a formula names)
        if han_after:
            return "是" if not re.search(r"(?<![A-Za-z])[A-Za-z]$", text[max(0, lo - 2):lo]) else None
        return "是" if han_before and after.isalpha() and after.isascii() else None
    if _IN_FORMULA_RE.search(text, max(0, lo - 16), lo):
        return None  # (`交集面积 / (A 的面积 + B 的面积)`: a sum in a formula)
    if (han_before and (han_after or (after.isascii() and after.isalpha()))) or (han_after and before.isascii() and before.isalpha()):
        return "和"
    return None


# a spoken filler between clauses (`LLaMA 的 FFN，嗯，用的是…`): read past, as if it were not there (its own comma too)
# a degree adverb in its formal two-character form (`最为`, `更为`, `较为`, `极为`) before an adjective
_DEGREE_WEI_RE = re.compile(r"(?<![变])[最更较极颇甚尤]为(?=[\u4e00-\u9fff])(?![了主止例此何准之其人师伍])")
_FILLER_RE = re.compile(r"(?:(?<=[，,。；;！!？?\n：:])|^)[ \t]*(?:嗯+|呃+|唔+|额+|(?i:emm*|um+|uh+|hmm+))[ \t]*[，,…]+[ \t]*"
                        # (a service tone's aside that closes a clause, `…时请注意，`: what follows goes on as without it)
                        r"|(?<=[\u4e00-\u9fffA-Za-z0-9])(?:请您?|需要|要)(?:注意|留意)(?=[，,])"
                        # (a talk's hesitation without a comma, `呃 BPE 训练…`, `…，呃因为它…`, `scratch 呃其实…`: 呃 and 嗯
                        # are nothing but fillers, so they are read past wherever a clause or a word may start)
                        r"|(?:(?<=[，,。；;！!？?\n：: \t])|^)[ \t]*+(?:嗯|呃)++(?![，,…])[ \t]*+", re.M)
# a speaker's repair of the words just said (`…，不对不对我是说它是双向的`, `…，不对，我的意思是…`): the clause before it is
# taken back (read as a sentence `…，不对。`), and what follows is what the speaker says, in a sentence of its own (not denied by 不对)
_SELF_REPAIR_RE = re.compile(r"(?<=[，,])[ \t]*+不对(?:不对)?[ \t]*+(?:[，,][ \t]*+)?(?:我(?:的意思)?是说|我是想说|我的意思是|应该说是?)[ \t]*+[，,]?")
# the tag of a speech quoted in two parts, between them (`“BART跟BERT一样，只有编码器，”顾言说，“名字都差不多…”`): the quote
# marks around it and the speaker's words, so the speech reads as one
_SPEECH_TAG_RE = re.compile(r"(?<=[，,])”[^“”。；;！!？?\n]{1,16}?(?:说|道|问|答|补充|解释|强调|笑着说|叹气|摇头|点头|继续)[^“”。；;！!？?\n]{0,6}?[，,：:]\s*+“")
# a teacher's label for the question put to the class (`提问学生：`, `问同学：`): the addressee names no student model
_ASKING_LABEL = r"(?:提问|追问|问)" + ADDRESSEES
_ASKING_LABEL_RE = re.compile(_ASKING_LABEL)
# a short plain label opening a line (`定义：`, `算法：`, `例：`, a speaker's turn `主播A：`), not a list entry's key; or a
# speaker's turn or a note's label opening a sentence (`…。嘉宾B：…`, `…。注：…`, not `…。它有两个特例：…`)
_PLAIN_SECTION_RE = re.compile(r"^[ \t]*(?P<label>" + SPEAKER_LABEL + r")[:：][ \t]*(?=\S)"
                               r"|(?<=[。！？!?])[ \t]*(?P<turn>[\u4e00-\u9fff]{1,4}(?:[A-Z]|[0-9]{1,2})|" + ROLES + r"|" + TITLED + r"|" + _ASKING_LABEL + r"|注|释义|解释|备注|提示|点评|评注|小贴士|贴士)"
                               r"[:：][ \t]*(?=\S)"
                               # (the answerer's turn right after a question turn on the same line, `委员：X 怎么算？学生：…`,
                               # `面试官：…？我：…`: read past as the turn after a full stop is, `_reply_turn`)
                               r"|(?<=[？?])[ \t]*(?P<reply>[\u4e00-\u9fff]{1,4})[:：][ \t]*(?=\S)", re.M)
# the asker's label that opens a line (`委员：`, `面试官：`), for the answerer's turn after its question (`_reply_turn`)
_ASKER_LINE_RE = re.compile(r"[ \t]*(?:[-*+>]\s+)?(?:\*\*)?[ \t]*(?P<asker>" + SPEAKER_LABEL + r")[ \t]*(?:\*\*)?[ \t]*[:：]")
# who answers under a turn label (`我：`, `我答：`)
_I_ANSWER_RE = re.compile(ANSWER_BY + "(?:" + ANSWER_TURN + ")?")
# a question and its answer on one line (`Q：Leaky ReLU 负区间梯度？A：0。`, `正面：…？｜背面：…`): the answer
# completes the question as a statement would (`Leaky ReLU 负区间梯度是 0`)
# (or a dialogue's turns: one speaker asks, another answers, `甲：…？乙：…`, `小王：…？小李：…`)
KIN = (r"爸爸|妈妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|哥哥|姐姐|弟弟|妹妹|叔叔|阿姨|舅舅|舅妈|姑姑|姑妈|姨妈|婶婶|伯伯"
       r"|[表堂][哥姐弟妹]|[大二三四五六七八九][姨舅叔姑伯爷]")
# (or a family's members, in a chat at home written as a dialogue: `妈妈：mAP 是啥？小明：…`, `二姨：…`, `表妹：…`)
SPEAKERS = (r"甲|乙|丙|丁|[A-D]同学|同学[A-D甲乙]|小(?![结贴技提])[\u4e00-\u9fff]|老[张王李赵刘陈杨黄周吴孙马师]|学生|老师|学长|学姐|面试官|候选人"
            r"|" + ROLES + r"|" + KIN + r"|" + TITLED)
# (or a character of a scene named as colleagues call each other, `阿杰`, `老韩`, `苏姐`, `林工`, `陈总`, with a stage
# direction maybe between the name and the colon, `苏姐（扫了一眼）：`; in a question and its answer only)
_NICKNAME = r"阿[\u4e00-\u9fff]|老(?![师板是说实化大])[\u4e00-\u9fff]|[\u4e00-\u9fff](?:姐|哥|总|工|博)(?![\u4e00-\u9fff])"
_STAGE_DIRECTION = r"(?:[（(][^（）()\n]{1,20}[）)])?"
_SPEAKER_RE = re.compile(SPEAKERS + "|" + _NICKNAME)
# an answer that opens with a frame or a discourse word of its own (`答：在权重剪枝模式下，…`, `答：简单来说，…`): a
# sentence, not the value a question asked for
_QA_FULL_ANSWER_RE = re.compile(r"(?:两者|二者|它们|这两个|在(?!线)|当(?![前今下时])|对于|如果|若|假如|简单来说|简单地说|简单讲|一般来说|一般而言|通常来说|其实|事实上|实际上|请|您好)")
_INLINE_QA_RE = re.compile(
    # (a speaker named by one letter, `A：…？B：…`, as a podcast transcript names its hosts)
    # (a shop's or a forum's question to everyone and the reply under it: `问大家：…？店家回复：…`)
    # (a quiz round's name before the host's turn, `抢答题，主持人问：…`, is blanked with the label)
    r"(?P<qlab>(?:(?:抢答|必答|风险|附加|加分|选答)题[ \t]*[，,：:]?[ \t]*)?(?:\*\*)?[ \t]*(?P<asker>Q\d{0,2}|问大家|问|问题|正面|追问|提问" + ADDRESSEES + r"?|(?<![A-Za-z0-9])[A-H](?![A-Za-z0-9])|" + SPEAKERS + r"|" + _NICKNAME + r")"
    # (one of the audience named by a letter or number after the role, `观众A：`, `听众 2：`, `提问者B：`)
    r"(?:(?:(?<=观众|听众|嘉宾|选手|考生|同学|读者|网友|用户|学员)|(?<=提问者|提问人))[ \t]?(?:[甲乙丙丁]|[A-H](?![A-Za-z0-9])|[0-9]{1,2}(?![0-9])))?"
    + _STAGE_DIRECTION + r"(?:问道|问|提问|追问)?[ \t]*(?:\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?)"
    r"(?P<q>[^？?\n:：|｜]{2,80}?)"
    r"(?P<qm>[ \t]*(?:\*\*)?[？?][ \t]*(?:\*\*)?[ \t]*(?:[｜|/][ \t]*)?(?:\*\*)?[ \t]*(?:[一二三四五六七八九十0-9]{1,2}[ \t]*号)?(?P<answerer>A\d{0,2}|(?<![A-Za-z0-9])[B-H](?![A-Za-z0-9])|答|回答|" + ANSWER_QUALIFIER + r"(?:回答|答案)|背面|[\u4e00-\u9fff]{0,4}?(?:回复|答复)|" + SPEAKERS + r"|" + _NICKNAME + r")" + _STAGE_DIRECTION + r""
    # (a contestant named by a letter after the role, `选手甲`, `选手B`, or told to buzz in or answer before the colon,
    # `一号选手按下抢答器：`, `选手抢答：`)
    r"(?:(?<=选手|嘉宾|考生|同学)(?:[甲乙丙丁]|[A-D](?![A-Za-z0-9])))?[ \t]*(?:(?:按下|按响|拍下)(?:了)?抢答器|抢答(?:道)?|举手(?:答|回答)?|答道|回答道?)?"
    r"[ \t]*(?:\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?[ \t]*)"
    r"(?=[^\s*])")
# a question an interviewer asked and the answer given, reported in one sentence (`面试官问 GPT 的预训练目标，我说是
# MLM`): read as the inline question and answer are
_ASKED_TURN_RE = re.compile(
    r"(?P<qlab>(?:面试官|考官|对方)[ \t]*(?:又|还|接着|再|就|" + ASK_HABIT + r")?(?:问|追问|提问)(?:我|了)?(?:一下)?[ \t]*[:：]?[ \t]*)"
    r"(?P<q>[^，,。；;？?！!\n]{2,60}?)"
    # (or the answer the reader is told to give: `面试官最爱问 X 是 A 还是 B，记住一句话：B`, `…，你就答 B`)
    r"(?P<qm>[ \t]*[？?]?[ \t]*[，,][ \t]*(?:" + SPOKEN_TURN + r"|" + TOLD_LABEL + r"|你(?:就|直接)?(?:回)?答(?:说)?)[ \t]*[:：]?[ \t]*)"
    r"(?=[^\s，,。；;])")
# a question quoted as asked and answered right after its closing quote (`弹幕问：“k-means 是有监督的吗？”是。`): read as
# the inline question and answer are when it asks yes or no and the answer is bare (_answered_inline); one that asks for a
# value is answered by the sentence after it (`“k-means 属于哪类算法？”有监督分类`, _with_answers)
_QUOTED_QA_RE = re.compile(
    r"(?P<qlab>(?:问|问道|提问|追问|问到)[ \t]*[:：]?[ \t]*[“\"「『][ \t]*)"
    r"(?P<q>[^”\"」』“「『？?\n]{2,80}?)"
    r"(?P<qm>[ \t]*[？?][ \t]*[”\"」』][ \t]*)"
    r"(?=[^\s，,。；;：:！!？?])")
# a clause that says what the clauses before it describe: `…，这是 BERT-base 的标准结构` (_named_after)
# (or with that, `…，那是 Prompt tuning 的做法`)
_BACK_NAMED_RE = re.compile(r"\s*+(?:这|那|这些|那些|以上|上面这些|这套|那套)(?:就|都|也|正|恰恰|其实)?(?:是|为)\s*+(?:\*\*)?\s*+")
_BACK_WHAT_RE = re.compile(r"\s*+(?:\*\*)?\s*+的\s*+(?:标准|默认|原始|原版|官方|典型|经典)?(?:的)?\s*+(?:结构|配置|设置|参数|超参数?|架构|规格|设计|定义|做法|用法|规定)")
# a bare reply that ends its sentence (`是。`, `对！`, `不是。`)
_BARE_REPLY_RE = re.compile(r"[^，,。；;！!？?\n]{1,6}(?:[。！!；;]|\s*+$)")
# a rhetorical question that asserts what it asks of with a negation (`难道 BERT 不是自回归模型吗？`): its 难道, the
# negation's 不/没 and the question mark
_RHETORICAL_RE = re.compile(r"(?P<lead>难道)(?:说)?[^。！？?!；;\n不没]{1,40}?(?P<neg>不(?=是|会|能|要|需要|用|该|就|也|都|算)|没(?=有))"
                            r"[^。！？?!；;\n不没]{1,40}?(?P<particle>[吗么嘛]?)\s*+(?P<qm>[？?])")
# a short exclamation standing as a sentence of its own (`超简单！`, `别慌！`, `稳！`)
_EXCLAIM_RE = re.compile(r"\s*+[\u4e00-\u9fff]{1,6}\s*+[！!～~]+\s*+")
# a short reply turn (`乙：多查询注意力。`, `乙：知道。`): a label, a few words, an end
_SHORT_REPLY_RE = re.compile(r"\s*+(?:(?:\*\*)?\s*+" + SPEAKER_LABEL + r"\s*+(?:\*\*)?\s*+[:：]\s*)[^，,。；;！!？?\n]{1,10}[。！!…~～]*\s*+")
# a listener's short question that echoes the one before it (`甲：BERT 怎么读句子？乙：怎么读？甲：…`, `乙：为啥？`)
_ECHO_ASK_RE = re.compile(r"\s*+(?:(?:\*\*)?\s*+" + SPEAKER_LABEL + r"\s*+(?:\*\*)?\s*+[:：]\s*+)?[\u4e00-\u9fff]{1,5}\s*+[？?]+\s*+")
# a question of how a thing changes, or what follows from a change, at its end (`有效学习率怎么变化`, `β 调大会怎样`)
# (or by how much it grows or shrinks, `模型能小多少？`, `速度快多少？`: the answer, `大概一半`, stands where 多少 stands)
_CHANGE_ASK_RE = re.compile(r"(?:会|将|又)?(?:怎么样|怎样|如何|怎么)(?:变化?|改变|变动)?(?:呢|啊|呀)?\s*+$|(?:会|将)?有(?:什么|何|啥)变化(?:呢|啊|呀)?\s*+$"
                            r"|(?<=[小大快慢少多高低省降涨升减缩])(?:了)?多少(?:呢|啊|呀)?\s*+$")
# what such a question asks: why or how (its answer states things of its own), yes or no, or which value
# (or what a thing means, `出现负值说明什么`: an explanation, not a value)
_QA_WHY_RE = re.compile(r"为什么|为何|怎么|怎样|如何|凭什么|干嘛|区别|差别|差异|异同|不同|优缺点|还是|trade-?off"
                        r"|(?:说明|意味着|代表|表明|暗示)(?:了)?什么", re.I)
_QA_PARTICLE = r"(?:吗|(?<![什怎那这多要])么|嘛|吧)\s*+(?:\*\*)?\s*+$"  # (a final particle; not the 么 of 什么, 怎么)
_QA_WHETHER = r"是否|(?<=[能可])否"  # (the asking part of 是否, 能否, 可否)
_QA_PARTICLE_RE, _QA_WHETHER_RE = re.compile(_QA_PARTICLE), re.compile(_QA_WHETHER)
_QA_YES_NO_RE = re.compile(_QA_PARTICLE + "|" + _QA_WHETHER + "|" + A_NOT_A)  # (A-not-A: 有没有, 能不能, 需不需要…)
_COUNT_ASK_RE = re.compile(r"几(?=[个种层维头类倍])")
_CLAUSE_MARK_RE = re.compile(r"[，,；;]")
# (or a count given for each of the things a question asks about at once, each under its name: `GRU 和 LSTM 各有几个门？
# GRU 两个，LSTM 三个`, `_each_counted`)
_COUNT_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:(?P<each>[A-Za-z][\w.\-]{0,15}|[\u4e00-\u9fff]{2,6}?)\s*+(?:是|有|为|[:：])?\s*+)??(?:大约|大概|约)?\s*+(?:[0-9]+|[一二两三四五六七八九十]+)\s*+(?:个|层|种|维|头|类|倍)?\s*+(?:左右|上下|多)?\s*+(?:[，,。；;！!]|$)")
_QA_ASKS_RE = re.compile(r"是什么|是啥|什么|啥|哪(?:个|些|种|一|类|里|儿|家)?|几(?:个|种|层|维|倍)?|多少|多大|多长|多高|谁")
# an answer that affirms a yes/no question by echoing its verb (`A：有，…`, `A：会。`)
_QA_ECHO_RE = re.compile(r"(?:是|对|有|会|能|可以|需要|要|用|必须|对的|是的|行|没问题|当然可以)(?:的)?(?:[呢哦啊呀哈嘛喔~～]+)?(?=[ \t]*+(?:[，,。；;！!\n]|$))")
# an answer that opens by saying yes to a question asked by its tone alone (`batch 越大噪声越大？B：对。`), or no
# (white space only before a stop or the end, here and in the echo: `是 longest common subsequence`, `对 SGD 来说` name
# or frame a thing, they say no yes)
_QA_YES_RE = re.compile(r"(?:是这样的?|确实如此|的确如此|正是如此|可以这么(?:理解|说)|基本(?:如此|是这样)|是的|是|对的|对|没错|嗯|当然|正确|yes|[✅✓✔√])"
                        r"(?:[呢哦啊呀哈嘛喔~～]+)?(?=[ \t]*+(?:[，,。；;！!\n]|$))", re.I)
_QA_NO_RE = re.compile(r"不(?!错)|没(?!错)|否|错|(?:一般|通常|往往|其实|恰恰|正好|刚好|正)?(?:是)?(?:反了|反过来|相反)|恰恰相反|非也|未必|并非|并不|no(?![A-Za-z])|nope|[❌✗✘×✖]", re.I)
# an answer to a question asked by its tone alone that doubts it or hedges in a short phrase, with no value (`乙：听着不像。`,
# `我看八成不是`, `您别蒙我`, `差不多吧`): the question stays asked
_QA_DOUBT_RE = re.compile(r"[^，,。；;！!？?\n]{0,6}?(?:不(?!错)|没(?!错)|未必|并非|别)[^，,。；;！!？?\n]{0,4}(?=[，,。；;！!？?…~～]|$)"
                          r"|(?:差不多|大概|可能|也许|或许|估计|好像|似乎)[^，,。；;！!？?\n]{0,4}?吧"
                          r"|说不好|不好说|难说|看情况|不一定")
# a question that asks which of the things it names (`sigmoid 和 tanh 哪个是零中心？`): up to its asking word
# (not a question that asks each of them for its own value, `A 和 B 分别出自哪家`: the answer is said of each, not of one)
_QA_CHOICE_RE = re.compile(r"^[^，,；;]*?(?:和|与|跟|及|、|还是|或|vs\.?)(?:(?!分别|各自)[^，,；;]){0,24}?哪(?:个|些|种|一|类)?", re.I)
_BRACKETED_RE = re.compile(r"[（(][^（()）]*[）)]")
# a modifier before a term that a clause consists of (`瞎蒙的 random classifier，…`)
_MODIFIED_TOPIC_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9 \t]{1,10}?(?:的|(?:这类|这种|这样的|之类的?)[\u4e00-\u9fff]{0,4})[ \t]*")
# (and a kind noun after the term: `房价这类连续值 regression 任务，…`)
_TOPIC_KIND_TAIL_RE = re.compile(r"[ \t]*(?:任务|问题|场景)?[ \t*，,]*")
# a clause that opens by comparing with a term (`BERT 怎么读？跟 GPT 一样是自回归的`): what it says is of the topic before
_LIKE_OPENS_RE = re.compile(_ANSWER_LEAD + r"(?:(?:" + SPEAKERS + r")\s*+[:：]\s*+)?(?:也|就|其实)?\s*+(?:跟|和|与|同|像)\s*+")
# a denied causative right before the term a property is said of (`不是让所有头…`, `并不会使梯度…`)
_DENIED_CAUSE_BEFORE_RE = re.compile(r"(?:不是|并不是|并非|不会|并不会|不能|并不能|没有|并没有|不)\s*+(?:让|使|令|使得)\s*+(?:\*\*)?\s*+$")
# a denied preposition right before the term (`BN 不会在推理时使用当前 batch 的统计量`, `并没有在测试时…`): the term
# names when or where, and the negation before 在 denies the verb phrase it opens (not `不仅在`, `不管在`)
_DENIED_AT_BEFORE_RE = re.compile(r"(?:不|没有?|未)(?:会|再|能|应该?|该|可以|可能|曾|是)?\s*+(?:再|去)?\s*+(?:在|于)\s*+(?:\*\*)?\s*+$")
# what opens a statement of its own after the term (`根因不在 warmup：前 1000 步…`): a colon, a dash or an arrow
_STATEMENT_OPENS_RE = re.compile(r"[：:]|——|→|⇒|->|=>")
# a term that owns the weights a way or a habit disposes of (`是把线性层的矩阵…`, `会将每个注意力头的参数…`): what is done
# is the subject's (with no copula or modal before 把, `A 把 B 的权重变得稀疏` is said of neither)
_WEIGHTS_DISPOSED_BEFORE_RE = re.compile(r"(?:是|就是|即|指|会|要|需要|得)\s*+(?:把|将)\s*+(?:一个|一层|单个|每个|每一个|某个|同一个?|整个)?\s*+(?:\*\*)?\s*+$")
_OWNED_WEIGHTS_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+的\s*+(?:权重矩阵|权重|矩阵|参数矩阵|参数)")
# the enumeration comma between two terms of a list (`DQN、SAC`), and before or after a term
_ENUM_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+、\s*+(?:\*\*)?\s*+")
_ENUM_SEP_RE = re.compile(r"\s*+(?:\*\*)?\s*+、")
_ENUM_SEP_BEFORE_RE = re.compile(r"、\s*+(?:\*\*)?\s*+$")
# "A 和 B 一样 P": B is compared with A, and has P too
_LIKE_AFTER_RE = re.compile(r"^\s*+(?:\*\*)?\s*+(?:" + _ALIKE_PART + r")?(?:一样|类似|相同|相似|那样)")
# a term a copula likens the subject to, as the kind both are (`ResNet 是和 TensorFlow 同一层级的框架`, `X 是与 Y 一样的模型`):
# what the clause says is of the subject; the term likened to is an object
_COPULA_WITH_BEFORE_RE = re.compile(r"(?:是|属于|算是?)\s*+(?:和|与|跟|同)\s*+(?:\*\*)?\s*+$")
_KIND_LIKENED_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:一样|同一?(?:个)?(?:层级|级别|层次|类|种|类型|范畴)|同级|同类|相同|类似|相似)(?:的)?")
# a sentence that opens with a pronoun is about the previous sentence's subject
# a person's act told as a cleft, up to the thing it names (`我们微调的是 LLaMA`, `我这次用的其实是 Adam`)
_PERSON_CLEFT_RE = re.compile(_ANSWER_LEAD + r"(?:我们|我|咱们|你们|你|他们|她们|大家|团队|作者们?)[^，,。；;：:的]{0,12}?的\s*+(?:其实|就|正|便|也|都)?\s*+是\s*+(?:\*\*)?\s*+")
_ANAPHOR_RE = re.compile(_ANSWER_LEAD + r"(?:(?:不过|但是?|然而|而且|同时|因此|所以|另外|此外|可见|显然)\s*+[，,]?\s*+)?"
                         r"(?:(?:正是|恰恰是|恰是|就是)\s*+)?"  # (`…。正是这两种激活函数缓解了…`)
                         r"(?:它|其(?!余|他|它|次|" + _QI_SHI + r"|中|后|间)|该|此(?!时|外)|这(?:两|二|三|几)?(?:类|种|些|样的|项|篇|一|个)(?=模型|网络|方法|算法|分类器|检测器|优化器|编码器|解码器|结构|层|技术|工作|研究|论文|机制|做法|操作|损失|指标|设计|激活函数|函数|策略)"
                         r"|" + _OWN_OBJECT + r")")
# (not a time, `那时我给新人讲 X，说…`, `这次…`: the speaker goes on after it, and the term after the verb)
_TIME_AFTER_DEMONSTRATIVE = r"(?!时|年|次|回|天|阵|会儿|段时间|些年|几年|几天|几次|几回|一年|一次|一回|一天)"
# (nor a place, `这里我们发现 X…`, `此处…`: here/there is where the speaker stands, it stands for no term)
_PLACE_AFTER_DEMONSTRATIVE = r"(?!里|儿|边|处)"
_PRONOUN_LEAD_RE = re.compile(r"(?:它们?|其(?!余|他|它|次|" + _QI_SHI + r"|中|后|间)|该|此(?!时|外|处)|这" + _TIME_AFTER_DEMONSTRATIVE + _PLACE_AFTER_DEMONSTRATIVE
                              + r"(?:个|种|些|类|样)?|那" + _TIME_AFTER_DEMONSTRATIVE + _PLACE_AFTER_DEMONSTRATIVE + r"(?:个|种|些)?|" + _OWN_OBJECT + r")")
# a property named beside its contrary as what is compared (`同策略（on-policy）与异策略（off-policy）的区别`) is a
# topic, not a claim
_TOPIC_OF_COMPARISON_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:[)）]\s*+)?(?:[\u4e00-\u9fffA-Za-z]{1,8}?\s*+)?(?:之间)?\s*+(?:(?:的|有)\s*+(?:什么|哪些)?(?:一个|一些|几个|一大|主要|重要|关键|核心|根本|最大|显著|本质)*(?:的)?\s*+(?:区别|差异|不同|异同|联系|对比|比较)"
                                     r"|(?:区别|差异|异同|对比|比较))")
_DISPOSAL_OBJECT_RE = re.compile(r"(?:把|将)(?!会|要|来|在|是|被|近)[^，,。；;把将]{0,12}$")
# (what the object of 将 is changed into, when the term is that object: `将三个门：输入门、遗忘门、输出门变为两个门`; not
# what the term itself brings about, `层次 softmax 把复杂度从 O(V) 降到 O(1)`)
_CHANGED_INTO = r"(?:调整|变|改|换|合并|简化|替换|缩减|减少|压缩|精简|降)(?:成|为|到)"  # (a verb of changing something into another)
_DISPOSED_INTO_RE = re.compile(r"(?:把|将)(?!会|要|来|在|是|被|近)[^，,。；;把将]{0,30}?" + _CHANGED_INTO + r"\s*+(?:\*\*)?\s*+$")
_CHANGED_INTO_RE = re.compile(r"[^，,。；;]{0,2}?" + _CHANGED_INTO)
_COMPARED_LEAD_RE = re.compile(r"(?:相比|相较|比起|与其)(?:于)?\s*+(?:\*\*)?\s*[^，,。；;\s]{1,3}$")
_WITH_BEFORE_RE = re.compile(r"(?:与|和|跟|同)\s*+(?:\*\*)?\s*[^，,。；;\s]{0,4}$")
# what a thing is said to differ from, and that thing's property (`不同于 Linformer/Performer 的低秩近似`)
_DIFFERS_FROM_RE = re.compile(r"(?:不同于|区别于|有别于|不像|不同与)\s*+(?:\*\*)?[^，,。；;]{0,24}?的\s*+(?:\*\*)?\s*[^，,。；;\s]{0,3}$")
_BASED_ON_RE = re.compile(r"(?:基于|源于|源自|来源于|脱胎于|借鉴了?|改进自)\s*+(?:\*\*)?\s*+$")
_WITH_GAP_RE = re.compile(r"(?:与|跟|同|和)\s*+(?:\*\*)?\s*+$")
# a clause that opens by denying a list of statements parted by 、, up to the term of the second one
_DENIED_LIST_RE = re.compile(_ANSWER_LEAD + r"(?:并不是|不是|并非)(?:说)?\s*[^，,。；;、：:]{2,30}、\s*+(?:\*\*)?\s*+")
_DIFFERS_AFTER_RE = re.compile(r"[^，,。；;]{0,16}?(?:不同|不一样|有别|相反|区分开|相比|相较|比起来|对比)"
                               # (the property in a longer modifier of the name compared with: `与先减均值再除标准差的 LayerNorm 不同`)
                               r"|[^，,。；;]{0,24}?的\s*+(?:\*\*)?\s*+[\u4e00-\u9fffA-Za-z0-9\-]{1,12}\s*+(?:\*\*)?\s*+(?:不同|不一样|有别|相反|相比|相较|比起来|对比)")
_CONTRAST_TOPIC_RE = re.compile(_ANSWER_LEAD + r"(?:(?:而|但|但是|反之)\s*[^，,。；;：:]{2,20}?\s*+(?:则|却|反而)"
                                r"|而(?!是|且|言|已)\s*+(?![它其该此这那])[^，,。；;：:\s]{2,10}?\s*+(?:为|是|属于))")  # `而分类过程为有监督过程`
_JUXTAPOSED_RE = re.compile(r"[ \t]*(?:\*\*)?[ \t]*")  # names side by side (`BERT 预训练`)
_OWNER_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+的\s*+(?:\*\*)?\s*+")
_ATTRIBUTED_AFTER_RE = re.compile(r"[^，,。；;]{0,6}?(?:就|才|正|其实|实际上)?\s*+(?:是|为|属于)\s*[^，,。；;]{1,20}?的\s*+(?:\*\*)?\s*+"
                                  r"(?:做法|方法|特点|思路|方式|操作|策略|特性|性质|行为|缺点|优点|问题|设计)")
# a property followed by "is another term's …" (`约 3.4e38 是 FP32 和 BF16 的最大值`): it is given to that term
# the name a property is given after it, in its own clause (`预测正确的样本占总样本的比例 (TP+TN)/N 称为准确率`)
# (or by a bare 叫, as a definition says which of two things bears the name: `把模型上一步的预测作为下一步输入才叫 teacher forcing`)
_NAMED_AS_AFTER_RE = re.compile(r"[^，,。；;：:！!？?]{0,30}?(?:被)?(?:称为|称作|称之为|叫做|叫作|记为|记作|(?<=[才就便则正也])叫)\s*+(?:\*\*)?\s*+")
# ... or the thing a formula is used to compute (`以 TP/(TP+FN) 计算真负例率`)
_COMPUTED_WITH_BEFORE_RE = re.compile(r"(?:以|用|按|按照|根据|依据)\s*+(?:\*\*)?\s*+$")
_COMPUTES_AFTER_RE = re.compile(r"\s*+[)）]?\s*+(?:\*\*)?\s*+(?:来|去)?(?:计算|求|算|求得|算出|得到|定义)(?:出)?\s*+(?:\*\*)?\s*+")
_SUBCLAUSE_BREAK_RE = re.compile(r"[，,；;：:]")
_GIVEN_TO_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:就|才|正|其实|实际上|恰恰|则)?\s*+(?:是|为|属于)\s*+(?:\*\*)?\s*+")
# the quotes a property may stand inside, and the close of one followed by the copula that gives it to a term
_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"))


def _quoted_given(text: str, start: int, ps: int, pe: int, nxt: int) -> bool:
    """Whether the property at text[ps:pe] stands inside a quote opened after `start` and closed before `nxt`, the
    quote followed by a copula that gives it to the term at `nxt` (`“预测为正里有多少真为正”属于 precision`)."""
    for opening, closing in _QUOTE_PAIRS:
        qo = text.rfind(opening, start, ps + 1)
        if qo < 0 or text.find(closing, qo, ps) >= 0:
            continue
        qc = text.find(closing, pe, nxt)
        if qc >= 0 and _GIVEN_TO_RE.fullmatch(text, qc + 1, nxt):
            return True
    return False


_OWNED_AFTER_RE = re.compile(r"(?:\s*+(?:和|与|及|、|/|或)\s*[^，,。；;的]{1,16}?)?\s*+(?:\*\*)?\s*+的")
# an answer that opens without a subject of its own, on a copula (`就是让所有头共享…`, `其实就是…`, `说白了就是…`)
_ELIDED_ANSWER_RE = re.compile(_ANSWER_LEAD + r"(?:" + _DISCOURSE_MARKERS + r")?\s*+[，,]?\s*+(?:就是|其实就是|即是|也就是|指的是)")
# a clause that gives a purpose (`…，是为了…`), and a term added or used right before it (`加 KL 惩罚`)
# (what opens both: `这就是…`, `主要是…`, `这么做其实是…`)
_LEAD_COPULA = r"(?:这|这样|这么做|此举|其(?=目的|用意|初衷)|(?:这样做|这么做|此举|这一步)的(?=目的))?\s*+(?:(?:就|主要|其实|正)?是|都是)?\s*+"
# (or a result it brought: `RNN 加上梯度裁剪，一举解决了…` is the clipping's result, not the RNN's)
# a result said last, its object before it (`…，这样梯度爆炸和梯度消失都能一并解决`)
_RESULT_TAIL_RE = re.compile(r"(?:都|也|均|全)\s*+(?:能|可以|可|就能|就可以|便能|会)?\s*+(?:被|得到)?\s*+(?:(?:一并|同时|彻底|一举|顺利|有效)(?:地)?)?"
                             r"(?:得到)?(?:解决|缓解|避免|消除|克服|防止|根治|抑制|减轻)(?:了|掉|掉了)?\s*+[。！!]?\s*+$")
# (or the use of what was added, `…打开 loss scaling，它的作用是防止…`)
_PURPOSE_LEAD_RE = re.compile(_LEAD_COPULA + r"(?:为了|" + _AIM + r"是|目的在于|旨在|用来|用于|为的是|" + _RESULT_VERB
                              + r"|(?:它|其)(?:的)?\s*+(?:作用|用途|用处)(?:就|正|其实|主要)?\s*+(?:是|在于))")
# a clause that gives the reason for what the clause before did (`…，是因为它…`, `…，因为它…`)
_REASON_LEAD_RE = re.compile(_LEAD_COPULA + r"(?:因为|由于|因|得益于|归功于|受益于|凭借|依靠)\s*+(?:它|其)")  # (`使用 LSTM，得益于其门控…`)
# a clause that says what the word before it is (`…，这是一种有监督算法`, `…，它属于生成模型`, `…，这一机制…`) or what it
# does (`…，即把…`; not a gloss that names what the clause before described, `…加一条 shortcut，也就是 basic block`)
_APPOSED_OPENS_RE = re.compile(r"(?:(?:这|它|此)\s*+(?P<copula>(?:其实|本身|本质上|实际上)?\s*+(?:就|也)?\s*+(?:是|属于))|(?P<gloss>(?:即|亦即|也就是说?)(?=\s*+(?:把|将|用|让|使|在|对|通过|先))|这(?:一|个|种|类|项)?(?:机制|模型|算法|方法|技术|结构|网络|思想|做法|方案)))(?!因为|为了|由于|指|说)")
# a verb of using, adding, switching to or building on the term after it (`我只加了 padding mask`, `输出层换成了层次 softmax`,
# `训练开启了 subsampling`, `新功能基于 LDA`)
_USED_BEFORE_RE = re.compile(r"(?:(?:可以|可|应该|应当|得|建议|不妨)(?:用|使用|采用|选用|改用|换用)|(?<![不没别未])(?:就|便|那就|就得|就要)(?:加上?|用上?|上|使用|采用)|加了|加上了?|用了|用上了?|使用了|采用了?|选了|选用了?|换成了?|(?<!替)换了|改成了?|改用了?|换用了?|引入了|开了|开启了?|启用了?|打开了|上了|基于|传入了?|传进了?|添加了?|加入了)"
                             r"\s*+(?:一个|一层|一种)?\s*+(?:\*\*)?\s*+$")
# what is loaded, run or quantised (`加载 BERT-base`, `跑了一遍 LoRA`, `量化到 INT8`), in a clause with no person and no
# negation (`_PERSON_NEG_RE`): the next clause goes on with it
_RUN_BEFORE_RE = re.compile(r"(?:加载|载入|运行|跑|打印|实例化|调出)(?:了|起)?(?:一遍|一下|一次|一轮)?\s*+(?:\*\*)?\s*+$|(?:量化|转换|转)(?:到|为|成)了?\s*+$")
_PERSON_NEG_RE = re.compile(r"我|你|咱|他|她|不|没|别")
# a term said not to be used (`我们这次没用 X，`), and a clause after it that gives the reason (`因为…`, `是由于…`): a reason
# that names no term of its own is about the term not used (`没用 transfer learning，因为…就不能做迁移`)
_NOT_USED_BEFORE_RE = re.compile(r"(?:没有?|并没有?|不|从不|没再)\s*+(?:用|使用|采用|选用|选|上|加|做)(?:过)?\s*+(?:\*\*)?\s*+$")
_REASON_OPENS_RE = re.compile(r"(?:这|主要)?\s*+(?:是)?\s*+(?:因为|由于)(?!\s*+(?:我|你|咱|他|她|大家|团队|老板|公司|客户|领导|时间|预算|算力|资源|显存|数据量?|样本))")
# a clause that opens with a subject of its own: a person, or a demonstrative
_PERSON_OPENS_RE = re.compile(r"\s*+(?:我|你|他|她|它|咱|大家|这|那|其|该|此|有)")
# a choice of the term after it (`选用 LayerNorm`, `我们采用了 Adam`)
_CHOSEN_BEFORE_RE = re.compile(r"(?:选用|选择|选|采用|使用|用|改用|换用|换成|引入)\s*+(?:了|的是|的)?\s*+(?:\*\*)?\s*+$")
# the pronouns that stand for the term a purpose clause is told of (`…打开 loss scaling，它的作用是…`, `其用意是…`)
_IT_WORDS = ("它", "其")
_ADDED_BEFORE_RE = re.compile(r"(?:加|加入|加上|引入|添加|施加|增加|使用|采用|用|设置|配置|打开|开启|启用|掺入|掺进|掺着|掺|挂上|挂着)\s*+(?:了|一个|一项|一道|上|一下)?\s*+(?:\*\*)?\s*+$")
# a term set to another value with 把/将 (`把 momentum 从 0.9 调到 0.99`, `将 λ 调大`): a purpose told next is the change's
_DISPOSED_BEFORE_RE = re.compile(r"(?:把|将)\s*+(?:\*\*)?\s*+$")
_SET_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的值|的取值|的系数)?\s*+(?:从\s*[^，,。；;]{1,12}?)?(?:调|设|改|提|降|加|减|拉|放|增)(?:得)?(?:大|小|高|低|到|成|为|至)")
_ANSWER_WORD_RE = re.compile(_ANSWER_WORDS, re.I)
_ALTERNATIVE_BEFORE_RE = re.compile(r"(?:还是|或者|或是|以及|而是?|和|与|、)\s*+(?:\*\*)?\s*[^，,。；;\s]{0,2}$")
# a pair's separator before a property glued to the next term: `BERT/自回归GPT`, `BERT 和自回归 GPT`
_PAIRED_BEFORE_RE = re.compile(r"(?:[/／、]|和|与|及|或)\s*+$")
_COMPARED_PAIR_RE = re.compile(r"与|和|跟|及|、|\bvs\.?|\bversus\b|\band\b", re.I)
_GLOSS = r"[（(](?P<body>[A-Za-z][A-Za-z0-9 .\-]{2,60})[）)]"  # an English name in brackets
_GLOSS_RE = re.compile(r"\s*+(?:\*\*)?\s*+" + _GLOSS)
_GLOSS_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+[（(]\s*+")  # (what is between a term and another name of it that glosses it)
# a noun of its own before an adverb of habit (`算法近似往往会…`, `语言建模通常采用…`): the subject of its clause
# (not a generic noun that names the term again, `模型通常…`, nor one of its attributes, `参数量通常比…更大`)
_HABIT_SUBJECT = (r"(?!因此|所以|从而|而|且|但|于是|同时|故|不过|然而|并且|也|还|就|则)"  # a connective is no noun
                  r"(?!(?:这个|这种|该|其|它的)?(?:模型|网络|算法|方法|技术|结构|参数量|参数|计算量|计算|速度|效果|性能|精度|显存|内存"
                  r"|训练|收敛|泛化|梯度|输出|结果|表现|准确率|误差|损失|复杂度)\s*+(?:往往|通常|一般|常常|经常|总是|大多|多半|大都))"
                  r"(?P<np>[\u4e00-\u9fff]{2,8}(?<![中上里时下后前内外]))\s*+(?:往往|通常|一般|常常|经常|总是|大多|多半|大都)")
# (after a connective that opens the clause: `因此语言建模通常…`; not `训练出的权重大多是…`, which goes on)
_HABIT_SUBJECT_RE = re.compile(_ANSWER_LEAD + r"(?:因此|所以|从而|而且|而|但是?|于是|同时|故)\s*+[，,]?\s*+" + _HABIT_SUBJECT)
# a sentence that opens with a subject of its own (`其他的激活值…`, `这些数据…`) does not go on with the last one's
# a frame that names a thing in Latin letters (`在 PPO-ER 中，智能体使用经验回放…`): when the glossary does not know the
# name, the sentence is about that thing, not the term carried or asked before
_NAMED_FRAME = r"在\s*+\$?(?:\\text\{)?\s*+[A-Za-z][A-Za-z0-9\-]{1,30}\s*+\}?\$?\s*+(?:中|里|当中|之中)\s*+[，,]"
# a phrasing that opens on a part of a ratio (`分母就是…`): of the ratio the sentence before named
_RATIO_PART_OPENS_RE = re.compile(r"(?:分母|分子)(?![^，,。；;]{0,6}?(?:的|之)(?:分母|分子))")
# an answer's opening clause that says the two asked about do not differ (`数学上没区别，`, `本质上一样，`)
_NO_DIFFERENCE_LEAD_RE = re.compile(r"\s*+(?:[\u4e00-\u9fff]{1,6}\s*+[:：]\s*+)?[^，,。；;：:？?]{0,6}?(?:没(?:有)?(?:什么|啥)?|无|并无)(?:本质)?(?:区别|差别|不同)\s*+[，,]\s*+")
# the copula between a part and the whole named as its answer (`下采样丢的是 word2vec 会…`): the gap ends on 是
_WHOLE_AFTER_PART_RE = re.compile(r"[^，,。；;：:]{0,12}?是[ \t]*+")
_NAMED_FRAME_RE = re.compile(_ANSWER_LEAD + _NAMED_FRAME)
_OWN_SUBJECT_RE = re.compile(_ANSWER_LEAD + r"(?:(?:与此同时|同时|此外|另外|而|但是?|然后|因此|所以)\s*+[，,]?\s*+)?"
                             # after a frame (`工程权衡上，`), a noun of its own before an adverb of habit
                             # (`算法近似往往会损失精度`): the sentence is about that noun
                             r"(?:[^，,。；;：:]{1,10}(?:上|中|方面|来说|而言)\s*+[，,]\s*+" + _HABIT_SUBJECT + r"|其他|其它|其余|剩下|剩余|另一些|另外一些|这些|那些|有些|有的"
                             # a thing named with its English gloss (`标准化流（normalizing flow）…`)
                             r"|[\u4e00-\u9fffA-Za-z0-9\-]{2,12}\s*+" + _GLOSS +
                             # a thing named in Latin letters that the glossary does not know, with an adverb that
                             # sets it beside what came before (`同时，Normalization 也有抗过拟合作用`)
                             r"|[A-Za-z][A-Za-z0-9\-]{2,30}\s*+(?:也|还|则|都|同样|本身|自身|又)"
                             # what a paper or its authors tried (`原论文也试过可学习版本`): an experiment told, about the paper
                             r"|(?:原论文|原文|论文|原作者|作者们?|后续工作|后来的工作)\s*+(?:里|中)?\s*+(?:也|还|则|曾经?|都|同样)?\s*+(?:试过|尝试过?|做过|比较过?|对比过?|试验过?|实验过?)"
                             r"|" + _NAMED_FRAME +
                             # a counted noun phrase (`加权平均的m个学习器是可以并行处理的`): the sentence is about those
                             r"|[^，,。；;：:]{1,12}的\s*+(?:[0-9A-Za-z]{1,3}|[一二两三四五六七八九十几多]{1,2})\s*+(?:个|种|类|组|层|套)\s*+[\u4e00-\u9fffA-Za-z]{1,8}\s*+(?:都|也|则|是|可以|能|会|均)"
                             # some of the parameters, named by what they have (`梯度小的参数，…`): the sentence compares them
                             # (not an object after a verb: `先剪掉绝对值最大的权重，…`)
                             r"|(?!先|再|把|将|对|给|让|使|剪|删|去|选|保留|留)[^，,。；;：:]{0,8}?(?:小|大|多|少|高|低|频繁|稀疏|罕见|常见)的\s*+(?:参数|权重|特征|神经元|分量|维度)\s*+[，,]"
                             # a noun of its own sized by a comparative (`小一些的学习率更稳定`, `大一点的 batch 则…`): the
                             # sentence compares that, not the term before it
                             r"|(?:更|较|稍)?(?:小|大|多|少|高|低)(?:一些|一点|点|些)的\s*+[\u4e00-\u9fffA-Za-z]{1,8}\s*+(?:更|较|比较|反而|则|也|就|会|能))")
# a clause that names what the term is paired with (`使用 warm-up，搭配线性衰减`): what follows is that other thing's
_PAIRED = r"(?:再|并|然后|之后|同时)?\s*+(?:搭配|配合|配上|外加|辅以|再加上|结合)"
_PAIRED_BETWEEN_RE = re.compile(r"[，,；;]\s*+" + _PAIRED)  # (after the term, past a comma, in the same clause)
_PAIRED_WITH_RE = re.compile(_ANSWER_LEAD + _PAIRED + r"(?:着|上|使用|采用)?")  # (opening a clause of its own)
# a sentence that defines a thing (`X 是一种…`, `X 指的是…`): about X, whatever X is
# (a discourse marker before the verb defines nothing: `说白了就是一种加密算法`, `简单来说就是…`)
_DEFINES_RE = re.compile(r"(?!(?:" + _DISCOURSE_MARKERS + r"|简而言之|换句话说|也就是说|一句话|总之|实际上)\s*+[，,]?\s*+(?:它|这|其)?\s*+(?:就|也)?(?:是一|是指|指的是))"
                         r"[^，,。；;：:]{2,24}?(?:是一种|是一类|是一个|[，,]?\s*+(?:是指|指的是|就是指))")
# a clause that opens (after a conjunction at most) with a phrasing that qualifies a noun: the noun is its subject
_SUBJECT_PHRASE_AT_RE = re.compile(r"(?:(?:毫无疑问|显然|当然|其实|事实上|实际上|因此|所以|同样|另外|此外)\s*+[，,]?\s*+)?"
                                   r"(?:而|但|但是|不过|然而|同时|且|并且|另外|此外|相反|虽然|尽管|虽说|即使|即便)?\s*+(?:\*\*)?\s*+(?:通过|经过|经由|由)?\s*+"
                                   r"(?:传统|经典|常规|普通|标准|一般)?(?:的)?\s*+")  # (`传统的有监督学习方法…`)
# a consequent that opens on a noun phrase of its own (`…固定位置编码，因此通过学习得到的输入嵌入需要…`)
# an arithmetic operator right after or before a number (`64 \times 0.15`, `4 × 0.25`, `1024 / 2`)
_OPERATOR_AFTER_RE = re.compile(r"\s*+(?:\$\s*+)?(?:\\times|\\cdot|×|·|\*|÷|/)\s*+(?:\$\s*+)?[\d.(（]")
_OPERATOR_BEFORE_RE = re.compile(r"[\d.)）]\s*+(?:\$\s*+)?(?:\\times|\\cdot|×|·|\*|÷|/)\s*+(?:\$\s*+)?$")
# a value set for a run (`将 BERT 输入序列的最大长度设置为 64`, `把 max_len 设成 128`): chosen, not a fact of the model
_CONFIGURED_BEFORE_RE = re.compile(r"(?:将|把)[^，,。；;]{1,30}?(?:设置|设定|设|配置|调整|调|改|定|指定)(?:为|成|到)\s*+(?:\*\*)?\s*+$")
_CONSEQUENT = r"(?:因此|所以|从而|于是|因而)\s*+(?:\*\*)?\s*+(?:通过|经过|由)?\s*+"
_CONSEQUENT_SUBJECT_BEFORE_RE = re.compile(r"[，,；;]\s*+" + _CONSEQUENT + r"$")
_CONSEQUENT_SUBJECT_AT_RE = re.compile(r"\s*+" + _CONSEQUENT)  # (the consequent as a clause of its own)
_CONTRAST_SUBJECT_BEFORE_RE = re.compile(r"[，,；;（(]\s*+(?:而|但|但是|然而|相反)\s*+(?:\*\*)?\s*+$")
# a phrasing that opens on a copula (`…，就是从随机初始化的权重出发…`): a predicate, it qualifies no noun of its own
_COPULA_AT_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:其实|实际上|本质上)?\s*+(?:就|即|也|正|便)?(?:是|即|指|等于|相当于|等同于|意味着)(?!否|不)")
_NOUN_HEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的)?\s*+(?:语言模型|模型|方法|网络|架构|结构|算法|方式|分布(?=\s*+(?:只|会|能|可以|将|则|也|都|就|却|反而))|LMs?\b|models?\b|methods?\b"
                           # (or a relative clause's noun: `通过人工标注产出的全监督数据很难…`)
                           # followed by what is said of it: not `取得更好的结果。`, an object)
                           r"|[^，,。；;]{0,10}?的\s*+[\u4e00-\u9fff]{0,4}(?:数据|样本|语料|模型|方法|结果|表示|表征|特征|向量|参数|权重)(?=\s*[^，,。；;\s)）]))", re.I)
# a purpose clause after a caution (`…需谨慎使用，以避免梯度消失`): what being careful avoids
_CAUTION_PURPOSE_RE = re.compile(r"(?:谨慎|慎用|慎重|小心|少用|避免使用|不要使用|减少使用|限制使用)[^。；;！!？?]{0,20}?[，,]?\s*+(?:以|以便|从而|来|才能|才可以)\s*+$")
# what a step costs, said to be high (`重新训练成本极高`): the step is named as an obstacle
_COST_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,2}?\s*+(?:的)?\s*+(?:成本|代价|开销|耗时|花费|难度|门槛)\s*+(?:都|也)?\s*+(?:极|很|非常|太|过|较|特别|十分|相当)?\s*+(?:高|大|昂贵|贵|难以承受)")
# steps in sequence: `先 A 再 B`
_FIRST_RE = re.compile(r"先\s*+(?:\*\*)?\s*+$")
_THEN_RE = re.compile(r"再|然后|随后|接着|之后")
# a procedure denied before its first step (`不是把…算出来，`): the steps that follow in the sentence are denied too
_DENIED_STEPS_RE = re.compile(r"(?:不是|并不是|并非|而不是|而非|不能|不应该?|不要|别)\s*+(?:先|直接|简单地?|单纯地?)?\s*+(?:把|将)[^。；;！!？?\n]*[，,]\s*+$")
_THEN_LEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:再|然后|随后|接着|之后)")
_ENDED_BEFORE_RE = re.compile(r"(?:结束|完成|过后)\s*+(?:之后|以后|后)?\s*+[，,]\s*+$")
# the term as a step done, then the next step (`各级池化后通过可学习权重加权融合`, `池化之后再…`): what follows is that step's
_AFTER_STEP_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:之后|以后|后)\s*+[，,]?\s*+(?:再|又|则|通过|经过|经|用|使用|利用|进行|接|送入|输入|做)")
_ENDED_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的)?(?:过程|阶段)?\s*+(?:结束|完成|过后)")
# the term's stage over, and a time after it (`预热结束后才进入衰减阶段`): what follows happens after the term, not in it
_ENDED_AFTER_RE = re.compile(_ENDED_RE.pattern + r"\s*+(?:之后|以后|后)")
_EXAMPLE_BRACKET_RE = re.compile(r"\s*+(?:如|例如|比如|譬如|e\.g\.|eg\.|such as)", re.I)


_SLASH_GAP_RE = re.compile(r"\s*+[/／、]\s*+")
# a label that compares (`**Xavier vs He**`, `**L1 与 L2 的区别**`): it heads its line, naming no one subject
_COMPARISON_LABEL_RE = re.compile(r"(?<![A-Za-z])(?:vs\.?|versus)(?![A-Za-z])|对比|比较|区别|差异|异同", re.I)
_PAIR_SEP_RE = re.compile(r"\s+vs\.?\s+|\s*+(?:或者|或)\s*+|\s*+[/／、]\s*+", re.I)


def _slashed_pairing(text: str, clause: Span, mentions: list, ps: int):
    """In a label of terms joined by slashes whose values after the colon are as many, joined by vs, 或 or slashes
    (`BERT/GPT/ELMo：双向 vs 单向 vs 双向LSTM级联`, `A/B：在输入层或各层`), the term whose value holds `ps` (None when
    the clause is not of that form)."""
    colon = min((i for i in (text.find("：", clause.start, clause.end), text.find(":", clause.start, clause.end)) if i >= 0), default=-1)
    if colon < 0 or ps < colon:
        return None
    head = [m for m in mentions if m.end <= colon]
    if len(head) < 2 or not all(_SLASH_GAP_RE.fullmatch(text, a.end, b.start) for a, b in zip(head, head[1:])):
        return None
    if text[clause.start:head[0].start].strip(" -*+\t") or text[head[-1].end:colon].strip(" *"):
        return None
    seps = [m for m in _PAIR_SEP_RE.finditer(text, colon + 1, clause.end)]
    if len(seps) + 1 != len(head):
        return None
    return head[sum(1 for m in seps if m.end() <= ps)]


# what opens a gloss that is said of every item of the list before it (`（都用到 Hessian）`, `（它们都…）`)
_ALL_OF_LIST_RE = re.compile(r"\s*+(?:都|均|全都?|皆|一律|这些|它们|这几[种个类]|三者|两者|二者)")


def _open_bracket(text: str, start: int, at: int) -> int:
    """Where the last bracket opened in text[start:at] (`（` or `(`) is, when it is still open at `at`; -1 otherwise."""
    opened = max(text.rfind("（", start, at), text.rfind("(", start, at))
    if opened < 0 or max(text.rfind("）", opened, at), text.rfind(")", opened, at)) >= 0:
        return -1
    return opened


def _closes_aside(text: str, start: int, at: int) -> bool:
    """Whether text[start:at] closes a bracket opened before `start` (`…2018 年）与 BPE 同为…`, the clause having
    begun inside an aside): what follows the close is said of what the brackets annotate, not of a term inside
    them. (An enumerator's bracket, `1) …`, closes nothing.)"""
    depth = 0
    for j in range(start, at):
        ch = text[j]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                return not _ENUMERATOR_RE.fullmatch(text, start, j)
    return False


_ENUMERATOR_RE = re.compile(r"\s*+(?:[-*+]\s+)?(?:\*\*)?\s*+(?:[0-9A-Za-z]{1,2}|[ivx]{1,4})?")


def _aside_clause(text: str, start: int, at: int) -> bool:
    """Whether `at` lies in a bracket opened after `start` and still open there, past a comma inside it: a clause
    of an aside, with a subject of its own, not something said of a term before the bracket."""
    opened = _open_bracket(text, start, at)
    return opened >= 0 and ("，" in text[opened:at] or ", " in text[opened:at])


def _in_bracket_led_by(lead: re.Pattern, text: str, start: int, at: int) -> bool:
    """Whether `at` lies in a bracket opened in text[start:at] and still open there, whose text up to `at` `lead`
    matches: one that gives examples (`（如稀疏模型）`, `(e.g. …)`, _EXAMPLE_BRACKET_RE) or glosses the word before it
    (`（就是两个近似值相减…）`, `（用于…）`, _GLOSS_BRACKET_RE)."""
    opened = _open_bracket(text, start, at)
    return opened >= 0 and lead.match(text, opened + 1, at) is not None


# what names a lack of the property before it (`…在捕捉位置信息方面的不足`)
_LACK_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:方面|上|层面)?\s*+(?:的)?\s*+(?:不足|缺陷|短板|局限性?|弱点|缺失|欠缺)")
# not one of a thing (`一个可学习参数都没有`, `任何需要训练的权重也没有`): a count of one or any before the property and
# 都/也 with a negation right after it deny it
_NONE_BEFORE_RE = re.compile(r"(?:一个|一项|一点|一丁点|一丝|半个|任何)\s*[^，,。；;：:]{0,6}$")
_NONE_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:也|都)\s*+(?:没有|没|不存在|不带|不含|不需要|不用|不要)")
# what says the step the property names is left out (`把减均值这一步省掉`, `re-centering 可省`, `mean subtraction is
# dropped`): the property is not done
# the verbs that put one thing in the place of the one before them (`A 改为 B`, `A 换成 B`)
_INTO_VERBS = r"改为|改成|换成|换为|替换为|替换成|换回成?|改回成?"
_DROPPED_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+[”\"」]?\s*+(?:这一?步|这个步骤|步骤|操作|这一项|环节)?\s*+(?:也|都|就)?\s*+(?:可以|可|能|被|给)?\s*+"
                               r"(?:省掉|省去|省略|省了|可省|去掉|去除|移除|删除|删掉|拿掉|舍弃|砍掉|取消|略去|丢掉|免去|免掉|关掉|关闭|关了|停用|停掉|禁用"
                               # (a step replaced by another, `减均值改为缩放`; not a value set, `改为 0.1`)
                               r"|(?:" + _INTO_VERBS + r")(?!\s*+[\d.])"
                               r"|(?:is|are|was|were|gets?|can\s+be)\s+(?:dropped|removed|omitted|skipped|eliminated))")
# what stands before an item of a list (`A、B 和 C`)
_LIST_ITEM_BEFORE_RE = re.compile(r"(?:[、，,]|和|与|及|以及|或)\s*+(?:\*\*)?\s*+$")
# a denied attribution before the term (`不能归因于`, `并不说明`), or a denied finding or belief (`我们并没有发现`,
# `我不认为`): the clause it introduces is not asserted
_DENIED_CAUSE_RE = re.compile(r"(?:(?:不能|不可|无法|并非|不是|不应|不该|不宜|别|并不|不)\s*+(?:简单地?|直接|完全|全部|都)?\s*+"
                              r"(?:归因于|归咎于|归结于|归结为|怪到|怪罪于|怪在|说明|证明|意味着|表明|代表)"
                              r"|(?:并|也|都|从|从来|一直)?(?:没有?|未|没能|未能)\s*+(?:发现|看到|观察到|测到|证实|证明)"
                              r"|(?:并|也|从来|从)?不\s*+(?:认为|觉得|相信|同意)"
                              # (what one is told not to count on, `别指望 X 在普通 GPU 上提速`, or not to write somewhere,
                              # `别在文档里写 X 是近似算法`: the clause after it is denied, not stated)
                              r"|(?:别|不要|千万别|不能|甭)\s*+(?:再)?\s*+(?:指望|期待|奢望|幻想)"
                              r"|(?:别|不要|千万别|切勿)\s*+(?:再)?\s*+在[^，,。；;！!？?]{1,12}?(?:里|中|上)\s*+(?:写|说|讲|宣称))[^，,。；;]*$")
# a clause that ends by calling what it told an exception (`…的做法是少见的特例`, `…属于例外情况`)
_EXCEPTION_AFTER_RE = re.compile(r"[^，,。；;！!？?]{0,30}?(?<![不非没])(?:是|属于|算是?|只是|乃是|为)\s*+(?:一个|个|一种|种)?\s*+"
                                 r"(?:特殊|少见|罕见|少数|个别|极少数)?的?\s*+(?:例外|特例)(?:情况|情形)?\s*+(?:而已|罢了)?\s*+[，,。；;！!]?\s*+$")
# what joins a property to the term after it as a statement (`不等价：L2…`, `不稀疏的是 L2`)
_STATED_OF_AFTER_RE = re.compile(r"[:：]|是|为")
# a term that is the second or the first of a pair whose other member the glossary does not know (`X 与 B`, `B 和 X`)
_PAIR_SECOND_RE = re.compile(r"[^\s，,。；;：:（(、]\s*+(?:与|和|跟|及|vs\.?|VS|对比)\s*+(?:\*\*)?\s*+$")
_PAIR_FIRST_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:与|和|跟|及|vs\.?|VS|对比)\s*[^\s，,。；;：:]")
# a sameness word that opens a condition (`相同 wd 下两者差 0.21`, `在同样的学习率下`)
_SAME_WORD_RE = re.compile(r"(?:相同|一样|同样|同一)\s*+$")
_SAME_FRAME_RE = re.compile(r"\s*(?:的)?[^，,。；;：:]{1,24}?(?:(?<!以)下(?![降载面列来去])|条件下|情况下|前提下|设置下|配置下)")
# a term introduced by the name it is given, ending its clause: `…，叫幅值剪枝。`, `有个毛病叫模式崩溃，…` (what the clause
# names goes on, not the words it was described in)
_INTRODUCED_AS_RE = re.compile(_ANSWER_LEAD + r"(?:这|它)?\s*+(?:就)?\s*+(?:叫|叫做|叫作|称为|称作|被称为|名叫)\s*+(?:\*\*)?\s*+[“\"「]?\s*+$")
_THERE_IS_NAMED_RE = re.compile(r"有(?:个|一个|一种|种|一类|类)[^，,。；;]{0,8}?(?:叫|叫做|叫作|名叫)\s*+(?:\*\*)?\s*+[“\"「]?\s*+$")
_INTRODUCED_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+[”\"」]?\s*+(?:\*\*)?\s*+[，,。；;！!]?\s*+")
# a sentence that gives a thing its name (`…的目标称为 TLM`)
_NAMES_NEW_RE = re.compile(r"(?:被)?(?:称为|称作|称之为|叫做|叫作|命名为|取名为)\s*+(?:\*\*)?")
_FORMER_LATTER_RE = re.compile(r"前者|后者")
# a term that only qualifies the term after it (`PyTorch 中的 nn.Dropout`) is not what the clause is about
# (and a use in it: `蒸馏损失里用到的软标签`)
_MODIFIER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:[^，,。；;\s]{0,4}?(?:中|里|内)(?:用到|使用|用|采用|引入|出现)?的|(?:中|里|内)的)\s*+(?:\*\*)?\s*+$")
# the next clause names what the clause before it described: `这就是 X`, `这个过程就叫 X`, `得到的就是 X`
_PLACE_OWNS_RE = re.compile(r"\s*+(?:里|中|当中|内)的\s*+")


def _owned_head(text: str, mentions: list[Mention]) -> Mention:
    """The first of `mentions`, or the term a place owns right after it (`GAN 里的模式崩溃`: 模式崩溃)."""
    k = 0
    while k + 1 < len(mentions) and _PLACE_OWNS_RE.fullmatch(text, mentions[k].end, mentions[k + 1].start):
        k += 1
    return mentions[k]


_COPULA_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:就|才|正|其实|实际上)?\s*+(?:是|为|属于)[^，,。；;：:？?]{0,10}?")
_ATTRIBUTED_TAIL_RE = re.compile(r"\s*+(?:\*\*)?\s*+的\s*+(?:\*\*)?\s*+(?:做法|方法|特点|思路|方式|操作|策略|特性|性质|设计|结构|配置)")


def _cleft(text: str, pe: int, after: list[Mention]) -> tuple[list[Mention], bool]:
    """The terms after a property at `pe`, and whether the first is in a cleft (`稀疏性是 L2 的特点`), or named after a
    comma as what the property described (`判别器的 loss 降到 0，这就是 GAN 里的模式崩溃`: the term after the place that owns
    it); only the named one is left in that case."""
    if after and _NAMED_AFTER_COMMA_RE.fullmatch(text, pe, after[0].start):
        return [_owned_head(text, after)], True
    if after and _COPULA_GAP_RE.fullmatch(text, pe, after[0].start) and _ATTRIBUTED_TAIL_RE.match(text, after[0].end):
        # `x + Sublayer(LN(x)) 正是 2017 年原始 Transformer 的设计`: the property is said to be the design (做法, 特点) of
        # the term after the copula, past a short modifier
        return [after[0]], True
    return after, bool(after) and _CLEFT_RE.fullmatch(text, pe, after[0].start) is not None


_NAMES_AHEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+"
                             # (told by the one whose text it is: `…时停止，作者称这就是早停的标准实现`)
                             r"(?:(?:作者|原文|文中|论文|书中|他|她)\s*+(?:称|说|认为|指出|写道|表示)\s*+[，,：:]?\s*+(?=这|此))?"
                             r"(?:这|此|这个?过程|这一过程|这种(?:做法|方法|技术|策略|机制|操作|现象)|这(?:个|一)现象|这(?:个|种)?(?:情况|情形)|这样的?(?:做法|方法)|得到的|所得的?|结果|对应的"
                             r"|(?:这|该|此)(?:个|一)?(?:比例|比值|比率|占比|概率|分数|值))?\s*+"
                             # (or what the steps described yield, `…加入 L2 惩罚，便得到了岭回归`)
                             r"(?:也|则)?(?:就|便|即|正|其实|实际上)?\s*+(?:是|叫|叫做|叫作|称为|被称为|被叫做|被称作|称作|称之为|等价于|等同于|对应于?|(?:可以|能)?(?:得到|变成)了?)\s*+"
                             # (or the one a lesson spoke of: `这就是第五周所说的 X`, `这就是前面讲过的 X`)
                             r"(?:所谓的?|传说中的?|我们常说的|常说的|经典的|典型的|一种|一个|一类|标准的|最常见的|常见的"
                             r"|[^，,。；;：:！!？?\n\s]{0,8}?(?:所说|所讲|说过|讲过|讲到|提到过?|介绍过?|学过)的)?\s*+(?:\*\*)?\s*+"
                             # (or the term pointed at, `…混到一起的，是后面那个 FFN`: the demonstrative names no other thing)
                             r"(?:(?:后面|前面|上面|下面|后边|前边|最后|中间)(?:的)?(?:那个|这个|那一层|这一层|那层|这层)\s*+(?:\*\*)?\s*+)?")
# the end of a headless relative clause that a cleft's copula and term in the next clause complete (`…混到一起的，`)
_CLEFT_HEAD_END_RE = re.compile(r"[^，,。；;：:！!？?]{0,8}?的\s*+(?:\*\*)?\s*+[，,]\s*+")
# a worked example's value, in the clause after it (`…，其准确率便是 75%`, `…，那么 recall 就等于 0.8。`): the term whose
# value the counts give
_VALUE_LEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:其|则|那么|于是|所以|因此|这时|此时)?\s*+(?:模型的?|它的|其)?\s*+(?:\*\*)?\s*+")
_VALUE_TAIL_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:值)?\s*+(?:也)?(?:就|便|即)?\s*+(?:是|为|等于|=|＝|算出来是|算下来是)\s*+"
                            r"(?:\d+(?:\.\d+)?\s*+%?|\d+\s*+/\s*+\d+|百分之[一二三四五六七八九十百零〇两]+)\s*+[。，,；;！!]?\s*+")
# the condition of a 越…越 pair, up to the comma before its consequent (`候选越长，`)
_CORRELATIVE_IF_RE = re.compile(r"[^，,。；;：:\s]{1,10}?越[^，,。；;：:]{1,6}?[，,]\s*+")
# a term that modifies the noun after it (`不用 X 的深网`): the noun is what goes on
_MODIFIER_OF_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的|等|之类的?|这类|这样的|一类的?)\s*+(?:\*\*)?\s*+[\u4e00-\u9fffA-Za-z]")
# a term compared with, before it (`相比 Full Checkpointing，训练速度更快`): what the next clause says is of the other thing
_COMPARED_BEFORE_RE = re.compile(r"(?:相比|相比于|比起|对比|相较于?|不同于|区别于)[^，,。；;：:]{0,12}$")
_COMPARED_AFTER_RE = re.compile(r"[^，,。；;：:]{0,12}?(?:相比|相较|比较起来|比起来|对比)\s*+[，,]?\s*+$")
# a phrasing that opens on an agent of its own (`模型生成一个 an，…`): the agent acts, it is no state the term brings about
_AGENT_OPENS_RE = re.compile(r"(?:模型|网络|系统|算法|我们|我|你|用户|作者)")
# what follows a phrasing that is the subject of its clause (`Pre-LN 是…`, `具体类别由…`)
_SUBJECT_TAIL_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:是|为|的|则|却|也|就|都|才|要|需|会|可|能|由|被|靠|和|与|跟|及|或|这)")
# the term the next clause says is made for what the clause described (`…，三元组损失正是为此而设`, `…，X 就是为此设计的`)
_FOR_THIS_LEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:而|所以|因此)?\s*+")
_GOAL_MODAL_RE = re.compile(r"应当?|应该|要(?!么|是)|需要|得(?=使|让)|希望|目标是|目的是|旨在|力求")
_FOR_THIS_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:也)?(?:正|就|便|恰恰|恰)?(?:是)?\s*+为(?:此|这个目的|了这个目的|了这一点)\s*+(?:而)?\s*+(?:设|设计|提出|引入|存在|生|服务)")
# what a term uses, named after it in a relative clause (`LLaMA 所用的 RMSNorm`, `GPT-2 采用的 BPE`)
_USED_BY_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+所?(?:用|使用|采用|选用|沿用|引入|提出|设计)(?:了)?的\s*+(?:\*\*)?\s*+")
# a quantifier that opens a clause, of the noun after it (`所有时间步…`, `每个神经元…`)
_QUANTIFIER_LEAD_RE = re.compile(r"(?:所有|全部|每一?个|各个|每)(?:的)?\s*+")
# (or with no comma, the state named by its kind: `判别器 loss 掉到零的情况就叫 mode collapse`; a state in a when-clause,
# `…降为 0 的时候，这就是 X`)
_NAMED_AFTER_COMMA_RE = re.compile(r"(?:(?:\s*+、[^，,。；;：:！!？?、]{1,8}?)?(?:\s*+(?:时|的时候))?\s*+[，,—]\s*+(?:这|此|这种现象|这个现象|这一现象|这种情况)|\s*+的\s*+(?:情况|现象|情形|状态)"
                                   # (or the way described, named after it: `…按列拆开、分到多卡上同时算的做法，叫 X`)
                                   r"|[^，,。；;：:！!？?不没无未非]{0,16}?的\s*+(?:做法|方法|方式|思路|方案)\s*+[，,]?\s*+(?:就|则|便)?(?=\s*+(?:叫|称为|被称为)))"
                                   r"\s*+(?:也)?(?:就|便|即|正)?\s*+(?:是|叫|叫做|叫作|称为|被称为)\s*+"
                                   r"(?:所谓的?|传说中的?|典型的|我们常说的|常说的)?\s*+(?:\*\*)?\s*+")
# the named term is the subject or owner of a reason (`这也是 Transformer 取代 RNN 的原因`, `这就是梯度消失的原因`):
# the clause before is why the term did or has something, not what the term is
_REASON_CLAUSE_RE = re.compile(r"\s*+(?:\*\*)?[^，,。；;]{0,24}?的\s*+(?:主要|根本|重要|核心|关键)?\s*+"
                               r"(?:原因|理由|缘故|动机|根源|出发点)")
# a purpose clause (`为了避免梯度消失，`) and the clause that says what serves it (`…应该使用 X`)
# (or a wish, `想让模型收敛得更精确，就把 lr 往大了调`)
_PURPOSE_RE = re.compile(r"\s*+(?:[-*+>]\s+)?(?:\*\*)?\s*+(?:为了|为|要想|若想|(?:如果|要是|假如|倘若|若是)想|希望|想|(?:如果|若|要是|假如)?要(?=把|将|让|使|在|给|对))")
_WISH_LEAD_RE = re.compile(r"\s*+(?:[-*+>]\s+)?(?:\*\*)?\s*+(?:要想|想要|想让|若想|(?:如果|要是|假如|倘若|若是)想)")  # (a wish as a clause's lead)
_CONSEQUENT_LEAD_RE = re.compile(r"\s*+(?:那就|那么就|就|那|则)")
_WISH_OPENS_RE = re.compile(r"为了|想让|想要|要想|希望")  # (a phrasing of the property that opens with the purpose itself)
_SERVED_BY_RE = re.compile(r"(?:(?![不别没勿莫])[^，,。；;]){0,16}?(?:使用|采用|选用|选择|选|挑|上|用|改用|换成|换用|引入|加入|加上|需要|应该用|应当用|就把|就将|就"
                           # (the choice named after a copula, `研究者们的首选是 L2`, `最好的选择就是 X`)
                           r"|(?:首选|选择|做法|办法|方案)(?:就|当然|一般|通常)?(?:是|为))\s*+(?:\*\*)?\s*+")
_DENIED_COPULA_RE = re.compile(r"(?:不是|并不是|并非|不属于|并不属于)")
# (or a verb of watching or basing on, `早停很简单，观察训练损失…就停`: the topic does it)
_ADVERB_LEAD_RE = re.compile(r"(?:" + _DEGREE_LEAD + r"|只|仅|都|也|还|就|总是|一定|必须|直接|主要|往往|通常|一般|输入|输出|得到|生成"
                             r"|观察|监控|监测|盯着|依据|根据|基于)")
_SCENE_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:中|里|当中|之中)(?!的)")
_MARKUP_RE = re.compile(r"[\s*_`（）()：:]+")
# a term followed by (or ending in) a time word and preceded by 在/当/于 (or standing first) is a time frame
_TIME_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的)?(?:时|时候|阶段|期间|过程中|过程里|之时)")
_COPULA_BEFORE_RE = re.compile(r"(?<![但可于还凡要若或])是|(?<![设改变成作转化分认以因行称])为|属于|算是|即|称为|作为|当作|看作|相当于|等于")
# what may open a clause before its topic, and a noun of kind after a property that opens it
_CLAUSE_LEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:而|但|但是|其中|一般而言|一般来说|通常|总的来说|相比之下|相对而言)?\s*+[，,]?\s*+")
_KIND_NOUN_AFTER_RE = re.compile(r"\s*+(?:的)?\s*+(?:目标检测|检测器|检测方法|检测算法|方法|模型|算法|网络|框架|架构|范式|系列)")
# a clause that only sets the scene (`在回归问题中，…`): with no term of its own, it says nothing of the term before it
_FRAME_CLAUSE_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:而|但|但是|那么|所以|同样)?\s*+(?:在|对于|针对|面对)[^，,。；;]{1,24}?"
                              r"(?:中|里|上|时|时候|方面|场景下?|情况下|任务中?|问题中?)\s*+[，,]\s*+")
_IN_BEFORE_RE = re.compile(r"(?:在|当)\s*+(?:\*\*)?\s*+(?:[^，,。；;\s]{1,12}?\s*+(?:和|与|、|/|／)\s*+)?$")
# an era named by the term's arrival (`在进入 Transformer 之前，…`, `在有 BERT 以前`): a time frame, not the subject
_ERA_BEFORE_RE = re.compile(r"(?:在|当)\s*+(?:进入|迎来|出现|提出|发明|诞生|有了?)\s*+(?:\*\*)?\s*+$")
_ERA_EVENT = r"(?:出现|问世|诞生|提出|出来)"
_ERA_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+" + _ERA_EVENT + r"?\s*+(?:之前|以前)\s*+[，,]")
_ERA_EVENT_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+" + _ERA_EVENT + r"\s*+(?:之前|以前)\s*+[，,]")  # (`Transformer 出现之前，`)
# a stage waited out (`等它这段结束，…`, `直到预热完成，…`)
_UNTIL_LEAD = r"(?:等|等到|直到|待)"
_UNTIL_ENDS = r"(?:结束|完成|走完|过去|跑完|用完)(?:了)?(?:之后|以后|后)?\s*+[，,]"
_UNTIL_CLAUSE_RE = re.compile(r"\s*+" + _UNTIL_LEAD + r"[^，,。；;]{0,24}?" + _UNTIL_ENDS + r"\s*+")
_UNTIL_BEFORE_RE = re.compile(_UNTIL_LEAD + r"\s*+(?:\*\*)?\s*+(?:它们?|其)?$")
_UNTIL_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:这段|这一段|这个阶段|这一阶段|阶段)?\s*+" + _UNTIL_ENDS)
_TIME_LATER_RE = re.compile(r"[^，,。；;]{0,8}?(?:之前|之后|以前|以后|的时候|时)\s*+[，,]")
# `在使用 sigmoid 等激活函数的时候…`: a term used within a frame of when (what is used, not what is said of)
_USED_IN_FRAME_RE = re.compile(r"(?:在|当)\s*+(?:(?:不|没有?|未)\s*+(?:使用|采用|用|加|加上|加入|引入)|使用|采用|选用|用|搭配|配合|结合)[^，,。；;]{0,8}$")  # (`在不加位置编码的时候`)
_FRAME_CLOSES_RE = re.compile(r"[^，,。；;]{0,12}?(?:的时候|时候|时)")
_TIME_TAIL_RE = re.compile(r"(?:时|阶段|期间|过程中)$")
# a term a clause keeps or uses as its object, in a description that goes on (`其余部分保留 FP32`)
_KEPT_OBJECT_BEFORE_RE = re.compile(r"[^，,。；;：:！!？?\n]{1,8}?(?:保留|保持|仍用|仍然用|继续用|用|使用|采用|跑|存成|存为|放在|放到)\s*+(?:\*\*)?\s*+$")
# a term whose way of doing the phrasing describes (`Megatron-LM 那种把…`), as an owner does its noun (`线性层的矩阵…`)
_KIND_OF_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:那种|这种|那样|这样|那类|这类)\s*+(?:把|将)?\s*+[^，,。；;：:！!？?\n]{0,12}?")
# a scene told as a time or a way of doing, then named (`…时，这就是 X`, `…的时候，这种情况就叫 X`, `…分到多卡上的做法，
# 叫 X`)
_SCENE_NAMED_RE = re.compile(r"[^，,。；;：:！!？?\n]{0,24}?(?:时|时候|之时|的\s*+(?:做法|方法|方式|过程|操作|技术|思路|策略|机制|方案|情况|现象))"
                             r"\s*+[，,]?\s*+(?:这|此)?(?:个|种|一)?(?:情况|现象|状态|做法|方法|过程)?\s*+"
                             r"(?:也|则)?(?:就|便|其实|正|即)?\s*+(?:是|叫做?|叫作|称为|称作|被称为|被叫做)\s*+(?:典型的|所谓的?|传说中的?)?\s*+(?:\*\*)?\s*+")
_WHEN_CLAUSE_ENDS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的)?(?:时|时候|之时)\s*+[，,]")
_FRAME_BEFORE_RE = re.compile(r"(?:在|当|于|(?<![从由])到|等到|一到)\s*+(?:\*\*)?\s*+$|^" + _ANSWER_LEAD + r"$")
_LIST_WORDS = r"有|包括|包含|例如|比如|诸如|譬如|如|[:：]"  # a cleft that lists (`…有 A、B 和 C`)
_LISTS_RE = re.compile(_LIST_WORDS)
# between two items of such a list, the items the glossary does not know (`有逻辑回归、SVM、k-means`)
_LIST_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:、|和|及|以及|/)\s*+(?:[^，,。；;：:（）()、\s][^，,。；;：:（）()、]{0,15}?\s*+(?:、|和|及|以及|/)\s*+)+")
_LIST_LEAD_RE = re.compile(r"[^，,。；;：:（）()]{0,8}?(?:" + _LIST_WORDS + r")\s*+(?:\*\*)?\s*+"
                           r"(?:[^，,。；;：:（）()、]{1,16}?\s*+(?:、|和|及|以及|/)\s*+)+")
_CLEFT_RE = re.compile(r"[^，,。；;：:（）()]{0,8}?(?:是|为|属于|要数|当属|莫过于|有|包括|包含|例如|比如|如|相当于|等于|等同于|即|意味着|表示|说明)\s*+(?:\*\*)?\s*+"
                       r"|\s*[^，,。；;：:（）()\s]{0,4}?的\s*+(?:\*\*)?\s*+|\s*+(?:\*\*)?\s*+了?\s*+[《「“『]?\s*+"
                       r"|[^，,。；;：:（）()]{0,8}?[:：]\s*+(?:\*\*)?[^，,。；;：:（）()]{0,4}?"  # `过拟合的原因：模型参数太少`
                       r"|[^，,。；;：:（）()]{0,6}?(?:[，,]|\s*+[（(])?\s*+(?:如|例如|比如|诸如|譬如)\s*+"  # `轻量级框架，如 MobileNet`, `两阶段检测器（如 YOLO）`
                       r"|[^，,。；;：:（）()]{0,8}?(?:提出|发表|发布|推出|开发|设计|发明)了?\s*+[《「“]?")  # `OpenAI 提出了 X`
# the two sides of `A vs B` (`加法残差 vs 拼接残差`): what is set against what, not a claim about either
_VS_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:vs|VS|Vs|versus)\.?\s*[^，,。；;：:\s]{0,6}$")
# a count before a term (`96 个注意力头`, `12 层 Transformer`): what is counted is a part of the thing the sentence
# is about (`GPT-3 有 96 层，96 个注意力头，参数量…`), not a subject of its own
_COUNTED_BEFORE_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十百千几多])\s*+(?:个|层|组|路|种|块|条)?\s*+$")
_AFTERWARD_OPENS_RE = re.compile(r"\s*+(?:所以|因此|于是|因而)?\s*+(?:我们|我|团队)?\s*+(?:后面|后来|后续|之后|接下来|下一步|回头)")
_COUNT_NAME_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十百千几多])\s*+(?:个|层|组|路|种|块|条)")


def _counted_part(text: str, m: Mention) -> bool:
    """Whether mention `m` is a part counted in its own name (`16 个头`; not a count before a name, `两个微调策略`, which
    may be a topic of its own)."""
    return m.end > m.start and _COUNT_NAME_RE.match(text, m.start, m.end) is not None


# a verb of replacing the term before it by the one after it (`A 换成 B`; not `A 替换 B`, where A replaces B)
_REPLACED_INTO_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:也|都|就|则|已|已经)?\s*+(?:" + _INTO_VERBS + r"|改用|升级为|升级成)了?\s*+(?:\*\*)?\s*+")
# a clause that opens by using another named thing (`再用 **TP (Tensor)** 横着切`)
_USES_OTHER_OPENS_RE = re.compile(r"\s*+(?:[-*+]\s+|\d+[.、)]\s*+)?(?:\*\*)?\s*+(?:而|但)?(?:先|再|然后|接着|最后|改|又|另)?\s*+(?:用|使用|采用|换用|改用)\s*+(?:\*\*)?\s*+[A-Za-z]")
# a clause that says what not to use (`别用 sigmoid`, `不要再用 MSE`), before one that says what to use instead
_DONT_USE_RE = re.compile(r"(?:别|不要|不用|不该|不应|不能|千万别|不必|切勿)(?:再)?\s*+(?:用|使用|采用|选|上)")
# a clause that opens with the purpose of what follows (not `是为了…`, the purpose said of a thing)
_PURPOSE_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+为了(?!什么|啥)")
# a dash that opens a contrast with the real thing (`——真正的二阶方法`, `——所谓的…`)
# a term alone after a dash at the end of a clause (`…之一——残差网络，`): the gap before it, and what may follow it
_DASH_TOPIC_GAP_RE = re.compile(r"[ \t]*+(?:\*\*)?[ \t]*+")
_DASH_TOPIC_END_RE = re.compile(r"[ \t]*+(?:\*\*)?[ \t]*+[，,]?[ \t]*+")
# a clause's lead-in up to a colon (`以“爱”为中心：`, `举个例子：`), not a ratio or a time (`1:99`)
_LEAD_IN_COLON_RE = re.compile(r"[^：:，,。；;！!？?\n]{1,16}(?:：|(?<!\d):(?!\d))[ \t]*+")
_CONTRASTED_AFTER_DASH_RE = re.compile(r"(?:——|—|--)\s*+(?:\*\*)?\s*+(?:而|但)?\s*+(?:真正的|所谓的?|相反)")
# a proposal to build or train another thing (`并建议在这种规模下训练双向模型`): what follows is that thing's
_PROPOSED_RE = re.compile(r"(?:建议|提议|主张|计划|打算|尝试|设想|呼吁)[^，。；,;]{0,16}?(?:训练|构建|搭建|设计|开发|研发|引入|换成|改用|采用)")
# a factor after a number (`100 余倍`), and a year written bare (`2020`)
_TIMES_AFTER_RE = re.compile(r"\s*+(?:(?:余|多)?\s*+倍|[×✕](?!\s*+\d))")  # (`100×` too, not a product `3×3`)
_FIGURE_NO_RE = re.compile(r"(?:表|图|式|公式|第|(?<![A-Za-z])(?:Table|Tab\.|Fig\.|Figure|Eq\.|Section|Sec\.))\s*+$", re.I)
_COUNT_UNITS = frozenset(("b", "billion", "亿", "十亿", "百亿", "千亿", "万亿", "t", "trillion"))
_PER_UNIT_AFTER_RE = re.compile(r"\s*+\$?\s*+(?:个)?\s*+(?:参数|params?|parameters?)?\s*+(?:/|每|per\s)\s*+(?:层|头|token|个|layer|head)", re.I)
_SECTION_SIGN_RE = re.compile(r"[§¶]\s*+$")  # (`（[S2] §3）`: a section of a source, not a value)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# the start of a change from one value to another (`从 15 亿参数推到 1750 亿`)
_VALUE_FROM_BEFORE_RE = re.compile(r"从\s*+(?:约|大约)?\s*+$")
_TO_BETWEEN_RE = re.compile(r"[^，。；,;]{0,12}?(?:到|至|→|->|=>)\s*+(?:约|大约|了)?\s*+")
# a year after an author's name in a citation (`(Brown 2020)`, `Devlin et al., 2019）`): the window before the number
# ends on the name, the one after it closes the bracket
_CITED_YEAR_RE = re.compile(r".*?[A-Z][a-z]+(?:\s+et\s+al\.?)?,?\s*+(?:19|20)\d\d\s*+[)）\]]?.{0,1}", re.S)
# a clause that is only a word of assent (`可以的，`, `是的，`, `没错，`)
_BARE_YES_RE = re.compile(r"\s*+(?:\*\*)?(?:是的|是啊|对的?|没错|可以的?|当然(?:可以)?|嗯|好的|会的?|能的?|有的)(?:\*\*)?\s*+[，,！!]\s*+")
# a clause that is only a word of denial answering the question before it (`没有的，`, `不会的，`): like a word of assent, it
# opens no topic (what it denies is the question's, not the next clause's); the next clause does
_BARE_NO_RE = re.compile(r"\s*+(?:\*\*)?(?:没有的?|没的|不会的?|不用的?|不需要的?|不存在的)(?:\*\*)?\s*+[，,！!]\s*+")
# a clause that only opens a summary or a restatement: it sets no topic, the next clause does
# a clause that only says who says what follows (`课上讲，`, `老师说：`)
_SAID_CLAUSE_RE = re.compile(r"\s*+(?:\*\*)?" + _SAYS + r"(?:\*\*)?\s*+[，,：:]\s*+")
_MARKER_CLAUSE_RE = re.compile(r"\s*+(?:\*\*)?(?:" + _OPENING_MARKERS + r")(?:\*\*)?\s*+[，,：:！!]\s*+")
# a question told as asked (`你问早停怎么实现。`, `有同学问 X 能不能…。`): it asks as one ending in ？ does
_ASK_REPORTED_RE = re.compile(r"\s*+(?:[\u4e00-\u9fff]{1,4}\s*+[:：]\s*+)?(?:(?:" + ASKERS + r"|面试官(?:们)?(?:刚才|之前|上次)?|" + INTERVIEW_ASKERS + r")" + ASK_HABIT + r"?(?:问|问到|问起|提问)|被问到|问到)")
# reaching the level of another thing (`达到 Two-stage 的水平`, `媲美全参数微调的效果`)
_REACHES_BEFORE_RE = re.compile(r"(?:达到|接近|媲美|比肩|赶上|追平|逼近|不输|不亚于)(?:了)?\s*+(?:\*\*)?\s*+$")
_LEVEL_AFTER_RE = re.compile(r"(?:[^，,。；;]{0,16}?[)）])?\s*+(?:\*\*)?\s*+的?\s*+(?:水平|水准|精度|准确率|效果|性能|表现|程度|那样|一样|相当)")
# a place a thing is done in (`在任何现代深度学习框架的代码中`): the property named is the place
_PLACE_BEFORE_RE = re.compile(r"(?<![存现实])在\s*+(?:\*\*)?\s*+(?:任何|任意|各种|各类|主流|现代|常见|所有|一些|不同的?|大多数|多数|很多)?[^，,。；;在是]{0,8}$")
_PLACE_AFTER_RE = re.compile(r"[^，,。；;]{0,8}?(?:的代码|代码)?(?:中|里|之中|当中)\s*+(?:很容易地?|轻松地?|方便地?|直接)?\s*+"
                             r"(?:实现|写出|编写|写|运行|调用|搭建|定义|复现|构建)")
# a count of the parts that serve a purpose (`有两个门用于这样的目的`)
_COUNT_IN_RE = re.compile(r"(?:\d+|[两二三四五六七八九十几])\s*+(?:个|种|道|类|层)")
_PURPOSE_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:用于|用来|负责|专门用于|专门负责|专门用来)")
# an intention or an attempt (`想把…`, `本想用…`, `试图让…`): what follows was meant, not stated
# an argument's assumption (`这里的推导假设数据…`): what follows is supposed, not said of the term
_ARGUMENT_ASSUMES_RE = re.compile(r"(?:推导|证明|分析|定理|这里|此处|上面|上述|我们)(?:中|里)?(?:的)?(?:推导|证明)?\s*+(?:都|也|还)?(?:先)?假设(?:了)?")
_INTENT_RE = re.compile(r"(?<![思理感设构联回猜幻梦妄着])(?:想|本想|原想|打算|试图|企图)(?:要)?(?:把|将|用|让|使|在|给|通过)")
# what one really needs or wants, earlier in the sentence (`但是你真正需要的是一次性挑选出整个序列，…来使得整体的概率最大化`):
# a goal, not what is so
_GOAL_RE = re.compile(r"(?:你|我们|我|大家|人们)(?:真正|其实|实际上|最终)?(?:需要|想要|希望|要)的(?:是|其实是)")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
# what stands between a term and the next one it qualifies (`RLHF 的 PPO 阶段`, `蒸馏中的软标签`)
# a question of how a thing is done, said after the thing (`GPT 的预训练是怎么做的？`) or before it (`怎么复现 GPT 的预训练？`)
_HOW_DONE_RE = re.compile(r"\s*+(?:是|要|该|应该)?\s*+(?:怎么|如何|怎样)\s*+(?:做|进行|实现|完成|搞|弄)(?:的)?\s*+(?:呢|啊|呀)?\s*+[？?]")
_HOW_DO_BEFORE_RE = re.compile(r"(?:怎么|如何|怎样)\s*+(?:做|进行|实现|完成|复现|搞|弄|跑)(?:的)?\s*+(?:\*\*)?\s*+$")
_ASK_ENDS_RE = re.compile(r"\s*+(?:呢|啊|呀)?\s*+[？?]")
_QUALIFIES_RE = re.compile(r"\s*+(?:的|中的|里的|中|里|之中的?|当中的?|阶段的|模型的)\s*+")
# a clause that sets the scene of work on one term (`当时手写 GBDT，`, `复现 U-Net 的时候，`): what follows is about the
# term's parts
_SCENE_LEAD_RE = re.compile(_ANSWER_LEAD + r"(?:当时|那时|那会儿|之前|以前|最近|上次|有次|有一次|这周|这阵子|这段时间|这里|此处|在这里|这儿)?\s*+[，,]?\s*+"
                            # (or the work one was asked to do, `让我在白板上画 ROC 曲线，`)
                            r"(?:(?:面试官|考官|对方)?(?:让|要|请|要求)\s*+(?=我))?"
                            r"(?:(?:我们|咱们|我)(?:组|团队)?\s*+(?:当时|那时|之前|以前|最近|这周|这阵子|这段时间)?\s*+(?:正|一直|第一次|头一次|第一回|头一回|最早)?)?\s*+(?:在|给)?\s*+(?:白板上|黑板上|纸上)?\s*+(?:自己)?"
                            r"(?:手写|手撸|手搓|实现|复现|训练|微调|调试|部署|搭建|搭|跑|写|做|搞|研究|用|使用|画|绘制|手画)(?:了|过|出)?\s*+(?:\*\*)?\s*+")
# a clause that tells who brought the term out, and when (`2019 年 Google 推出 T5，…`, `谷歌放出的基础款 BERT-base，…`): the term is
# what the sentence goes on about, as after a scene of work on it (not a person who raises it: `有人提出 X，…`)
_RELEASED_LEAD_RE = re.compile(_ANSWER_LEAD + r"(?!有人|面试官|网友|同学|读者|你|我)[^，,。；;：:？?！!\n]{0,24}?(?<![不没未别])(?:推出|提出|发布|放出|开源|发表)(?:了|的[^，,。；;：:？?！!\s]{0,4}?)?\s*+(?:\*\*)?\s*+")
# a clause that tells who or what explains the term (`作者介绍 U-Net 时说，…`, `书上这一节讲梯度提升树，说…`, `老师讲解 NMS 的时候，…`):
# what the sentence goes on to say is said of the term, as after a scene of work on it (a source that names it only
# in passing, `书上提到 X 和 Y`, names two terms and sets none)
_TOLD_LEAD_RE = re.compile(r"\s*+(?:\*\*)?(?:(?:这|那|该)?(?:本|篇|份)?(?:书|书上|书里|书中|教材|课本|文章|论文|博客|教程|讲义|课上|课堂上|视频|原文|文中)"
                           r"(?:里|上|中)?[，,]?\s*+)?(?:(?:这|那|第[一二三四五六七八九十0-9]{1,3})(?:一)?(?:节|章|部分|小节|段)(?:里|中)?\s*+)?"
                           r"(?:作者|老师|讲师|教授|书上|书里|书中|教材|文章|论文)?(?:在)?"
                           r"(?:介绍|讲解|讲述|讲到|讲|解释|阐述|谈到|说到|聊到)(?:了)?\s*+(?:\*\*\s*+)?")
_SOURCE_PART_CLAUSE_RE = re.compile(r"(?:" + _TOLD_LEAD_RE.pattern + r")[^，,。；;：:？?！!]{1,20}?(?:那|这|的)\s*+(?:一)?(?:部分|节|章|段|小节)\s*+[，,：:]\s*+")
_TOLD_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的时候|时候|时)?\s*+(?:就|便)?(?:说|讲|提到|指出|写道)?(?:了|过)?\s*+[，,：:]\s*+")
# a source named by the term (`这篇 GloVe 的文章里作者的意思是，…`, `U-Net 的原论文中写道：…`): what it says follows, of the term
_SOURCE_OF_LEAD_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:这|那|该)?(?:本|篇|份)?\s*+")
_SOURCE_OF_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+的\s*+(?:文章|论文|原文|原论文|paper)\s*+(?:里|中)?\s*+[，,]?\s*+(?:作者|原作者)?\s*+"
                               r"(?:的意思是|的说法是|的结论是|认为|说|提到|指出|写道|讲的是)\s*+[，,：:]\s*+")
# (or the time of the scene, `我第一次手写 BPE 是在 2016 年，`)
_SCENE_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的时候|时候|时|是在\s*+(?:\d{4}\s*+年|去年|前年|读研时|读博时|上学时|实习时))?\s*+[，,]\s*+")
_VS_RE = re.compile(r"(?<![A-Za-z])(?:vs|VS|Vs|versus)\.?(?![A-Za-z])")
_VS_AFTER_RE = re.compile(r"[^，,。；;：:\s]{0,6}\s*+(?<![A-Za-z])(?:vs|VS|Vs|versus)\.?(?![A-Za-z])")
# (or before a noun phrase the property qualifies: `优于从左到右的单向训练`)
_COMPARED_PROPERTY_RE = re.compile(r"(?:比|比起|相比于?|相较于?|相对于?|不同于|区别于|不像|远超过?|超过|优于|好于|强于|弱于|劣于|高于|低于|快于|慢于|不如|不及|逊于)\s*+(?:\*\*)?\s*+" + _MANNER + r"?\s*+"
                                   r"(?P<mod>[^，,。；;比]{1,10}?的\s*+(?:\*\*)?\s*+)?$")
# a property that is what the subject is likened to (`其实和根据上文预测下一个 Token 类似`): a likeness, not the
# property itself (not 一样/相同, which say the subject is that)
_LIKENED_RE = re.compile(r"(?:和|跟|与|同)(?!时|样|一)")  # (before the phrasing or at its head, `其实和…`)
_LIKENED_AFTER_RE = re.compile(r"[^，,。；;：:]{0,16}?(?:类似|相似|相近|差不多)")
_OWN_TOPIC_RE = re.compile(r"\s*+(?:\*\*)?[^\s，,。；;：:*]{1,8}?\s*+(?:\*\*)?\s*+(?:则|却|才|倒是|反倒)")
_DISPOSAL_RE = re.compile(r"(?:把|将)\s*+(?:\*\*)?\s*+$")
# a clause that opens with a name the glossary does not know (`Medusa 的 typical acceptance 是近似…`, `He 面向 ReLU`)
# is about that name, not about the sentence's topic
# (an acronym too, `SFT 使用少量标注数据`, but not one capital letter, `W 是…`)
_NAMED_SUBJECT_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:[A-Z][A-Za-z0-9.\-]*[a-z][A-Za-z0-9.\-]*|[A-Z][A-Z0-9.\-]*[A-Z][A-Z0-9]*)\s*+(?:\*\*)?\s*+(?:的|是|为|会|采用|使用|用|把|将|$)")
# advice to use what follows (`这时候可以考虑使用…`, `建议改用…`): a proposal, not a description of the topic
# (a requirement is no advice: `需要用标签` still says what the topic needs)
_ADVISED_USE_RE = re.compile(r"(?:(?:考虑|不妨|建议|最好|尝试|试着?)\s*+(?:使用|采用|选用|改用|换用|用|上)?|(?:可以|应该|应当|应)\s*+(?:改用|换用))\s*+(?:\*\*)?\s*+$")
# a change from the term to something else (`从教师强制转向模型预测`): what follows is where it goes, not what it has
_FROM_BEFORE_RE = re.compile(r"(?:从|由|(?i:\bfrom))\s*+(?:\*\*)?\s*+$")
_FROM_TO_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:逐渐|慢慢|逐步|平滑地?)?\s*+(?:转向|转为|转到|转成|过渡到|过渡为|切换到|切换为|切换成|变为|变成|换成|换到|走向|迁移到|改为|到|(?i:to\b))")
# the 、 of an enumeration, markup and spaces allowed beside it
_ENUM_BEFORE_RE = re.compile(r"、[\s*`]*$")
_ENUM_AFTER_RE = re.compile(r"[\s*`]*+(?:[（(][^（()）]{0,40}[）)])?[\s*`]*+(?:、|等)")


def _listed_kind(text: str, ps: int, pe: int) -> bool:
    """Whether the phrasing at ps..pe is an item in the middle of an enumeration (`RL 还有 model-free、on-policy、
    off-policy、offline RL…`): it names one kind among others, and says nothing of the topic carried into the
    clause."""
    return _ENUM_BEFORE_RE.search(text, max(0, ps - 4), ps) is not None and _ENUM_AFTER_RE.match(text, pe) is not None


# a person as the clause's subject: what the clause says is done by them, not by the topic carried into it
_PERSON_RE = re.compile(r"我们|咱们|你们|他们|她们|人们|大家|作者|研究者|研究人员|工程师")
# a clause whose subject is a person acting on the term after it (`我们不一次性跑完 PPO`)
_PERSON_ACTS_RE = re.compile(_ANSWER_LEAD + r"(?:我们|咱们|你们|大家)(?!的)"
                             # (when: `我们在前 10 个 epoch 中使用线性预热`; not where, `我们在 decoder 里使用填充掩码，把…`)
                             r"(?:在[^，,。；;]{0,12}?(?:\d|epoch|step|轮|步|阶段|初期|开始)[^，,。；;]{0,6}?(?:中|内|时|期间))?"
                             r"[^，,。；;]{0,8}?(?:跑|用|使用|采用|运行|执行|调用|部署|训练|把|将)(?:完|了|过|上)?"
                             r"\s*+(?:\*\*)?\s*+(?:线性|余弦|cosine|linear)?\s*+(?:的)?\s*+$")
_ACT_APPRAISED_RE = re.compile(_APPRAISED)
# a clause whose subject is a bare noun of a method's kind (`算法根据这些标签…`, `这个方法会…`): the method a person used before
_KIND_NOUN_OPENS_RE = re.compile(r"(?P<noun>(?:这个|该|此|这套)?算法|(?:这个|该|此|这套)方法)(?:本身)?\s*+(?:就|会|也|则|都|能|可以|直接|先|再|要|需要|是|根据|依据|按照?)")
# a clause that restates what the term a person used is (`我们会用张量并行，就是把模型…`): the term's, not the person's act
_ACT_GLOSSED_RE = re.compile(r"(?:也)?就是(?!说|为了|因为)|亦即|即(?!使|便|可)")
# a clause that opens on any one of the things a procedure works on (`一个词出现得越少…`, `每个样本…`): how it treats them
_ANY_ONE_OPENS_RE = re.compile(r"(?:一个|每个|每一个|任何一个|任一|某个)\s*+(?:词|单词|样本|token|特征|节点|像素)\s*+(?:只要|如果|若)?\s*+(?:出现|被|在|越|的(?:频率|词频|概率)|会)")
# a term done or used that ends a clause (`word2vec 训练前会做下采样，`), as what a gloss in the next clause opens on
_OBJECT_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+[”\"」]?\s*+(?:\*\*)?\s*+[，,]?\s*+$")
_OBJECT_VERB_RE = re.compile(r"(?:做|用|加|加上|加入|采用|使用|引入|进行|开|开启|打开|上|配|配合|叫|称为)(?:了|过|上)?\s*+(?:一下|一步|一层|一个|一种)?\s*+(?:\*\*)?\s*+$")
# after a term that heads a person's relative clause (`我们训练用的半精度 FP16 其实挺能装的`), a predicate of its own
_HEAD_SAID_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:[（(][^（()）]{1,20}[)）]\s*+)?[^\s，,。；;：:]")
# the verbs of a picture a reader is told to see (`想成`), and of what a thing is taken as (`看成`, `当成`)
_PICTURE_VERB = r"想成|想象成|比作|比喻成"
_TAKE_AS_VERB = r"看成|看作|当成|当作|理解成"
# the words between a term and what it is likened to (`Adagrad 像一个越学越有信心的学生`, `KL 散度就好比一把尺子`)
_LIKENED_TO_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:(?:就|则|更)?(?:像|好像|如同|好比|犹如|仿佛|宛如|就像)(?:是)?"
                            # (or the picture a reader is told to take it for: `BART 你就把它当成 BERT 的加强版：…`)
                            # (看成/当成 and the like only with the reader told or 它 taken: `把这些软标签当成学生模型的输入` says
                            # what is done with them, no picture)
                            r"|(?:你|我们|大家)?\s*+(?:就|也|不妨|可以|完全可以|姑且)?(?:把它|将它)?(?:" + _PICTURE_VERB + r")"
                            r"|(?:(?:你|我们|大家)\s*+(?:就|也|不妨|可以|完全可以|姑且)?(?:把它|将它)?|(?:就|也|不妨|可以|完全可以|姑且)?(?:把它|将它))"
                            r"(?:" + _TAKE_AS_VERB + r")|(?:不妨|可以|完全可以|姑且)(?:看成|看作|理解成))\s*+(?:一个|一位|一名|一只|一台|一把|一座|一块|个|位|只)?[^，,。；;：:、和与及]{0,12}")
# what a topic named before a comma is, or is pictured as (`X 的上下文，你可以想成…`, `…，就像…`, `…，是…`)
_PICTURED_AFTER_RE = re.compile(r"\s*+(?:(?:你|我们)?\s*+(?:可以|不妨|就)?\s*+(?:把它)?(?:想成|想象成|" + _TAKE_AS_VERB + r"|理解为)"
                                r"|(?:就|其实)?(?:像|好像|好比|相当于|是))")
# a picture a clause sets up before its colon (`你可以把 X 想成一次小组讨论：`, `打个比方：`)
_PICTURE_LEAD_RE = re.compile(r"(?:" + _PICTURE_VERB + r"|比方成|比喻为|好比|打个比方|打个比喻)")
# `A 比 B 更不…`: the gap between A and B, and between B and the property after 不
_THAN_GAP_RE = re.compile(r"\s*+(?:训练|的|在)?\s*+(?:时|中)?\s*+比\s*+(?:\*\*)?\s*+")
_MORE_NOT_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:训练)?\s*+(?:更|还|要)\s*+不")
# the change of one term into another (`FP32 转成 INT8`, `FP16 量化为 INT4`)
# (the thing converted may be named after the format, `把 FP32 模型量化成 INT8 会怎样？`, or the verb may end the term before
# it, `模型量化` read as one term)
_INTO_GAP_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:(?:的)?(?:模型|权重|网络|参数|checkpoint)\s*+)?(?:量化|转换|压缩|降|转|换|改|变)(?:成|为|到)\s*+(?:\*\*)?\s*+"
                          r"|(?<=量化|转换|压缩)(?:成|为|到)\s*+(?:\*\*)?\s*+")
# a clause that only says a view or a figure follows (`我的经验是，`, `我理解是，`, `打个比方，`, `说个…，`)
_PREFACE_RE = re.compile(_ANSWER_LEAD + r"(?:(?:" + _CANDID_MARKERS + r")\s*+[，,]?\s*+)?(?:" + _OPINION_HEAD
                         + r"|(?:我|我们)的(?:经验|看法|理解|观点|建议|感受|体会)(?:是|就是)|打个比方|说个)")
# a clause that only sets out a worked sample, quoted (`句子“我 爱 自然 语言”，`, `例句："the cat sat"，`): it names the
# sample, no topic; the next clause opens one (`以“爱”为中心：CBOW 的输入是…`)
_QUOTED_SAMPLE_CLAUSE_RE = re.compile(_ANSWER_LEAD + r"(?:比如|例如|假设|设)?\s*+(?:一个|一句|有)?\s*+(?:句子|例句|语句|文本|序列|样本|输入句子?)\s*+(?:是|为|[:：])?\s*+"
                                      r"[“\"「『'‘][^“”\"「」『』'‘’\n]{1,40}[”\"」』'’]\s*+[，,]?\s*+")
# a clause that opens with a demonstrative (`这就是…`, `此即…`)
_THIS_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:这|此)")
# a clause that opens with a plural pronoun (`它们`, `两者`, `这俩`)
_THEY_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:它们|这两者|两者|二者|这俩|这两个)")
# what a person takes a term for (`我们把 AUC 当成一种误差`): a view of the term, which the next clause goes on with
_VIEWED_AS_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:当成|当作|看作|看成|视为|视作|理解为|理解成|归为|归入"
                                 # (or used to do a job, `我们集群上用 ZeRO 做 tensor parallelism，每张卡…`)
                                 r"|(?:来)?(?:做|实现|搞|完成)(?!完|好))")
# a supposition that only says a term is used (`如果使用 L2 正则化，`, `若用 X 训练，`, `要是换成 Y 的话，`): what follows
# is what comes of the term
_SUPPOSED_USE_LEAD_RE = re.compile(_ANSWER_LEAD + r"(?:如果|若|假如|要是|倘若|即使|即便|哪怕|就算|纵使)?\s*+(?:我们|你)?\s*+(?:在训练中|训练时)?\s*+"
                                   r"(?:使用|用|采用|选用|加上|加入|引入|开启|打开|启用|改用|换成|换用|拿)(?:了)?\s*+(?:\*\*)?\s*+")
_USE_TOPIC_END_RE = re.compile(r"的话\s*+[，,]?\s*+$")
# (or a short job it is used for, `拿 X 抽特征的话，`, `用 X 做检索时，`: no negation in it, `用 X 不微调的话`)
_SUPPOSED_USE_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:来训练|训练|做训练|(?:来|去)?(?:存|存储|保存|加载|推理|跑)?的话|之后|以后|后|时"
                                  r"|(?:来|去)?(?:(?![不没未无别])[\u4e00-\u9fff]){1,5}?(?:的话|的时候|时))?\s*+[，,]?\s*+")


# a clause that names one term as the example the next clauses tell of (`拿 BERT-base 举例，`, `就以 X 为例，`, `拿 X 来说，`)
_EXAMPLE_NAMED_LEAD_RE = re.compile(r"\s*+(?:就|那|那就|我们|咱们)?\s*+(?:以|拿)\s*+(?:\*\*)?\s*+")
# (a number worked through a formula after it: `21128 * 768 = 16226304`)
_WORKED_RE = re.compile(r"\d\s*+\\?[*×xX·]\s*+\d|\d\s*+=|=\s*+\d")
_EXAMPLE_NAMED_END_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:为例|举例|来举例|举个例子|来说|来讲|说事)(?:子)?(?:吧|的话)?\s*+[，,]?\s*+")


def _example_named(text: str, clause: Span, mentions: list[Mention]) -> list[Mention]:
    """The one term a clause names as the example the clauses after it tell of (`_EXAMPLE_NAMED_LEAD_RE`, `拿 X 举例，`),
    and nothing else; [] for any other clause."""
    if len({m.keys for m in mentions}) != 1 or not _EXAMPLE_NAMED_LEAD_RE.fullmatch(text, clause.start, mentions[0].start) \
            or not _EXAMPLE_NAMED_END_RE.fullmatch(text, mentions[-1].end, clause.end):
        return []
    stop = _ANSWER_STOP_RE.search(text, clause.end)
    if _WORKED_RE.search(text, clause.end, stop.start() if stop else len(text)):
        return []  # (`以 bert-base 为例，参数量为 21128 * 768 = …`: a formula worked through on it, not its own figures)
    return mentions[:1]


def _supposed_use(text: str, clause: Span, mentions: list[Mention]) -> list[Mention]:
    """The one term a supposition says is used (`_SUPPOSED_USE_LEAD_RE`), and nothing else, as what the consequence after
    it goes on with; [] for any other supposition. (Also asked of a clause that ends in 的话 without 如果, which names the
    term used as its topic: `用 FP16 存的话，…`.)"""
    if len({m.keys for m in mentions}) != 1 or not _SUPPOSED_USE_LEAD_RE.fullmatch(text, clause.start, mentions[0].start) \
            or not _SUPPOSED_USE_END_RE.fullmatch(text, mentions[-1].end, clause.end):
        return []
    return mentions[:1]


# a sentence that introduces an item of an enumeration (`第二个是 **LaMDA**（…），`, `其三是 X，`), up to the end of its name
# (after the answer's lead)
_ORDINAL_INTRO_RE = re.compile(r"(?:第\s*+[一二三四五六七八九十\d]{1,3}\s*+(?:个|种|类|项|位)?|其[一二三四五六七八九十])\s*+(?:是|为)\s*+"
                               # (a name: bold, or Latin; not a description, `第一个是根据前面的词预测下一个词`)
                               r"(?:\*\*[^*\n]{1,40}\*\*|[A-Za-z][A-Za-z0-9\-. ]{0,30}(?<! ))\s*+(?:[（(][^（()）]{0,40}[)）])?\s*+(?=[，,。；;：:]|$)")
# the thing a leading pronoun names owns the term right after it (`本模型的 BLEU 为 18.2，…`, `该方法的 F1…`): the term goes on
_OWNED_BY_LEAD_RE = re.compile(r"\s*+(?:模型|网络|方法|系统|算法)?\s*+(?:的|在[^，,。；;]{1,24}?(?:上|中|里)\s*+(?:的)?)\s*+(?:\*\*)?\s*+")
# a clause that opens (after the answer's lead) by combining or drawing on named things (`结合了 BERT 和 GPT 两种模型思路，`):
# they are its objects
_COMBINED_OPENS_RE = re.compile(r"(?:并|也|还|同时)?(?:结合|融合|综合|吸收|借鉴|集成|汲取|兼顾|兼具)(?:了)?")
# a setting with its value used with the term, right before the property (`小模型用 r=32 反而容易过拟合`)
_SETTING_USED_RE = re.compile(r"(?:用|使用|采用|配|设|设成|调到)\s*+(?:\*\*|`)?\s*+[A-Za-z_][\w.]{0,20}\s*+[=＝]\s*+[\d.eE\-]+\s*+(?:\*\*|`)?\s*+(?:时|的时候)?\s*+(?:反而|就|会|也|则)?\s*+$")
# a coordinated clause that opens on a subject of its own (`…，且 KV Cache 和激活值随长度线性增长`): another term, or a
# resource the term's property is not (memory, cache, communication)
_OWN_SUBJECT_AFTER_AND_RE = re.compile(r"[，,；;]\s*+(?:且|并且|而且|同时)\s*+(?:\*\*)?\s*+(?P<np>[^，,。；;]{2,30}?)\s*+$")
_RESOURCE_RE = re.compile(r"显存|内存|激活值|缓存|通信|带宽|存储|(?<![A-Za-z])(?:KV|memory|cache)(?![A-Za-z])", re.I)
# a kind of model that a frame clause names (`在自回归模型的训练和预测过程中`): where something happens, not the term's kind
_MODEL_KIND_FRAME_RE = re.compile(r"\s*+(?:语言)?(?:模型|网络)的?[^，,。；;]{0,16}?(?:中|里|内|时)")
_FLAWS = r"(?:局限性?|缺陷|不足|缺点|弊端|短板|问题|痛点|瓶颈)"  # (words for a method's flaw)
# a property named as what a method targets or solves, whose flaw follows (`针对于 Two-Stage 目标检测算法普遍存在的…缺点`)
_TARGETED_BEFORE_RE = re.compile(r"(?:针对于?|解决|克服|弥补)(?:了)?\s*+(?:\*\*)?\s*+$")  # (searched: `为了解决` holds `解决`)
_FLAW_AFTER_RE = re.compile(r"[^，,。；;]{0,30}?的\s*+" + _FLAWS)
# a verb of solving or improving on right before a term (`解决了 Top-k 的局限性`) and the limit after it
_SOLVED_BEFORE_RE = re.compile(r"(?:解决|克服|弥补|改进|改善|缓解|突破)(?:了)?\s*+(?:\*\*)?\s*+$")
_LIMIT_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+的\s*+" + _FLAWS)
# what a property is said to be the very thing named after it (`…被误判为正的比例是 FPR`, `…的做法就叫 Dropout`)
# (or a ratio of a part of it: `真实为正的样本里被模型判对的比例就是 X`)
# a property that a later term is said to do (`token 之间的信息融合主要靠前馈网络完成`, `…交给 FFN 来做`)
_DONE_BY_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的话)?\s*+(?:主要|全|都|只|完全|基本上?|其实|实际上)?\s*+(?:是)?\s*+(?:靠|依靠|依赖|仰仗|交给|交由|由)\s*+(?:\*\*)?\s*+")
_DONE_TAIL_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:来|去)?\s*+(?:完成|实现|负责|承担|处理|做|执行|搞定)")
_INTO_VERB_END_RE = re.compile(r"(?:换成|换为|替换为|替换成|改成|改为|改用|换用)(?:了)?$")
_INTO_GAP_AFTER_RE = re.compile(r"\s*+(?:了)?\s*+(?:\*\*)?\s*+")
_NAMED_BY_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:类|例|样本|类别)?\s*+(?:(?:的)?\s*+(?:比例|比率|概率|占比|值|指标|做法|方法|过程|操作|技术)?"
                          r"|[^，,。；;：:！!？?\n]{1,14}?的\s*+(?:比例|比率|概率|占比)"
                          # (or a cleft on what does it: `Transformer 里负责在位置之间交换信息的正是 FFN`)
                          # (and a second act joined to it before the 的, `…揉到一起、在 token 之间搬运内容的是 FFN`)
                          r"|[^，,。；;：:！!？?\n]{0,8}?(?:、[^，,。；;：:！!？?\n、]{1,20}?)?的(?=\s*+(?:正|就|恰恰|其实)?\s*+是))\s*+(?:就|便|正|即|恰恰|其实)?\s*+"
                          r"(?:是|即|叫做?|称为|称作|被称为|记为|记作)\s*+(?:\*\*)?\s*+"
                          # (the term pointed at, `…的，是后面那个 FFN`: the demonstrative is no word of a claim)
                          r"(?:(?:后面|前面|上面|下面|后边|前边|最后|中间)?(?:的)?(?:那个|这个|那一层|这一层|那层|这层)\s*+(?:\*\*)?\s*+)?")
# between a term that names when and the head noun it qualifies (`PPO 训练时加入的 KL 惩罚`)
_MODIFIED_HEAD_GAP_RE = re.compile(r"\s*+(?:的)?(?:时|时候|阶段|期间|过程中)\s*+[^，,。；;：:！!？?\s]{0,6}?的\s*+(?:\*\*)?\s*+")
# the scene of a person's work, up to the person (`负责流失预测时，我…`, `复现 LLaMA 时我…`)
_PERSON_SCENE_RE = re.compile(r"[^，,。；;：:！!？?]{1,30}?(?:时|的时候|期间|过程中)\s*+[，,]?\s*+(?=(?:我|我们|笔者|团队)(?![^，,。；;]{0,2}(?:认为|觉得|以为)))")
# (a term that names a stage itself, then a demonstrative and the head noun: `PPO 阶段那个 KL 惩罚项，…`)
_STAGE_THAT_HEAD_RE = re.compile(r"[^，,。；;：:！!？?]{0,12}?(?:阶段|时期|期间)\s*+(?:里|中)?\s*+(?:那个|这个)\s*+(?:\*\*)?\s*+")
# a clause that opens with a copula, no subject of its own before it (`，是指…`), and what a term in its complement then
# qualifies (`学生在蒸馏中要拟合的目标`)
_COMPLEMENT_OPENS_RE = re.compile(_ANSWER_LEAD + r"(?:其实|也就|这里)?\s*+(?:是指|指的是|就是指|说的是)\s*+(?:\*\*)?\s*+[^，,。；;：:—的]{0,12}")
_RELATIVE_TAIL_RE = re.compile(r"[^，,。；;：:—的]{1,12}的\s*+[\u4e00-\u9fff]")
# the objective or task of a training stage, named right after the stage's term (`预训练目标是`)
_STAGE_ATTRIBUTE_AFTER_RE = re.compile(r"\s*+(?:的)?\s*+(?:目标函数|目标|任务|损失函数|损失|方式)\s*+(?:是|为|用的是|采用的是|就是|则是)")
# a concession over a choice of terms (`无论最后选 A 还是 B，`), right before its first term, and the 都 of what holds for each
_CONCEDED_CHOICE_RE = re.compile(r"(?:无论|不论|不管)\s*+(?:是|最后|最终|我们|你)?\s*+(?:选|选择|选用|用|使用|采用)?\s*+(?:的是)?\s*+(?:\*\*)?\s*+$")
_ALL_BEFORE_RE = re.compile(r"都|均|也")
# the place a property is done in (`在每一层注意力里`): `在` before it and `里`/`中` after the term that ends it
_PLACE_IN_BEFORE_RE = re.compile(r"在\s*+$")
_PLACE_IN_AFTER_RE = re.compile(r"\s*+(?:里|中|内|之中|当中)")
# what a state the property describes is the sign of, in the clause joined after it (`判别器损失变成 0，就说明发生了模式崩溃`)
# (or with no comma, after 就: `判别器损失一旦变成 0 就说明发生了模式崩溃`)
_SIGN_OF_RE = re.compile(r"[^，,。；;：:！!？?\n]{0,6}?(?:[，,]\s*+(?:那么?\s*+)?(?:就|便|则)?|(?<![不没])(?:就|便|则))\s*+(?:说明|意味着|表明|标志着)\s*+"
                         r"(?:模型|网络|训练|GAN)?\s*+(?:已经)?(?:发生了|出现了|陷入了|进入了)\s*+(?:\*\*)?\s*+")
# (unless that noun is the kind a property names, right before the bracket: `两阶段检测器（如 YOLO）` says YOLO is one)
_PROPERTY_EXAMPLE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?\s*+[（(]\s*+(?:如|例如|比如|诸如|譬如)\s*+(?:\*\*)?\s*+")
# a term given in brackets as an example of the noun before it (`抛弃 Encoder-Decoder（如 T5）转向…`)
_EXAMPLE_GLOSS_RE = re.compile(r"[（(]\s*+(?:" + EXAMPLE_LEAD + r"|e\.g\.,?)\s*+(?:\*\*)?\s*+"
                               # (and the examples after the first: `（如 T5 和 BART）`)
                               r"(?:[^（()）。；;]{1,24}?\s*+(?:和|与|及|以及|、|/|,|，|或)\s*+(?:\*\*)?\s*+)?$")
_AGENT_BEFORE_RE = re.compile(r"(?:被|由)\s*+(?:\*\*)?\s*+$")  # the agent of a passive, right before it
_AGENT_PHRASE_AFTER_RE = re.compile(r"\s*+(?:则|主要|都|就|也|全)?\s*+(?:是)?\s*+(?:由|交给|交由)\s*[^，,。；;]{1,16}?\s*+(?:来|去)?\s*+"
                                    r"(?:预测|完成|负责|决定|输出|计算|给出|处理|判断|实现|承担)")
_COMPOSED_OF_RE = re.compile(r"[^，,。；;]{0,8}?(?:组成|构成|堆叠|堆砌|而成|拼成|组合|搭建|搭成)")
_AGENT_AFTER_RE = re.compile(r"\s*+(?:的)?\s*+(?:则|主要|都|就|也|全|全都|其实)?\s*+(?:是)?\s*+(?:由|靠|依靠|交给|交由)\s*+(?:\*\*)?\s*+")
_DISPOSAL_IN_RE = re.compile(r"把|将(?!会|要|来|在|是|被|近)")
_CHANGED_FROM_TO_RE = re.compile(r"从[^，,。；;]{1,20}?(?:降|减|缩|压|变|提|升|增|涨)[^，,。；;]{0,3}?(?:到|至|为|成)")  # (`从 O(n²) 降到了 O(n)`)
_POSSESSED_RE = re.compile(r"\s*+(?:\*\*)?\s*+的(?!同时|时候|时|过程|话|前提|基础|情况|方式)")  # `把 B 的 X`: what follows the disposed term is its part
# the word that leads the parts of a respectively clause (`分别是 X 和 Y`, `分别在 X 和 Y 上`)
_LEAD_RE = re.compile(r"(?:是|为|在|用|以|采用|使用|基于|对应|表示|代表|指|沿|从|对)\s*+")
# what follows the items of a respectively clause and belongs to all of them: a place or time word after
# their shared last word (`X 维度和 Y 维度上做…`), not another item's own words (`用 scale 加 zero-point`)
_SHARED_TAIL_RE = re.compile(r"\s*+(?:上|中|里|下|内|间|时|之[上中间内前后]|前|后)")
_PART_SPLIT_RE = re.compile(r"\s*+(?:、|和|与|及|以及|，|,|;|；|and)\s*+")

# what a question asks for when it asks for a thing, a kind or a number (`是什么`, `是啥`, `多少`, `哪种`, `几层`): the place
# the answer's opening phrase is read into (ClaimReader.answered); a question that asks how, why or whether is none
_WHAT_RE = re.compile(r"什么|啥|谁|多少|多(?:长|大|宽|深)|哪(?:一)?(?:种|类|个|些|家)|几(?=[个层种维头类倍])")
# a question that asks something else as well, or asks of what is not (`不是什么`, `为什么`, `什么时候`, `有什么区别`), or
# asks to choose among the terms it names (`sigmoid 和 tanh 哪个是零中心的？`: the answer names one of them)
_NOT_WHAT_RE = re.compile(r"(?:和|与|跟|及|、|还是|或)[^，,；;]{0,24}?(?:哪|什么|啥|谁)|为什么|为啥|干什么|什么时候|什么情况|什么样|什么区别|什么不同|什么关系|什么联系|什么用|什么作用|什么意义|什么好处|什么优势|什么缺点|什么问题|什么影响|不是|没有|吗|呢|还是|是否|怎么|如何|哪里|多少次")
# asking how a thing does a short thing that ends the question (`怎么预训练`, `如何合并的`); a question that asks
# something else as well (`为什么`, `吗`, `还是`) or of what is not (`不`, `没`)
_HOW_RE = re.compile(r"(?:怎么|如何|怎样)(?=\s*+[\u4e00-\u9fffA-Za-z]{1,6}(?:的)?(?:啊|呀|呢|来着)?$)")
# (nor one that asks how it could be at all, `交叉熵怎么会是负的？`: rhetorical, what follows says why not)
_NOT_HOW_RE = re.compile(r"为什么|为啥|吗|还是|是否|不|没|(?:怎么|如何|怎样)(?:样|回事|办|理解|看|说|做到|实现|做)|怎么?(?:会|可能)")
# the interrogatives an answer's opening phrase can stand for
_SLOT_RE = re.compile(_WHAT_RE.pattern + r"|怎么|如何|怎样|为什么|为何|为啥")
# a question of why a thing is done (`PPO 阶段为什么加 KL 惩罚？`), and an answer that gives its purpose or cause
_WHY_ASK_RE = re.compile(r"为什么|为何|为啥")
_WHY_ANSWER_RE = re.compile(r"\s*+(?:这是|是|就是|主要是)?\s*+(?:为了|因为|由于)")
# a 呢 that ends a question's clause
_FINAL_NE_RE = re.compile(r"\s*+呢\s*+$")
# what may follow the interrogative and is kept (`架构`, `token`), minus the particles of asking
_WHAT_TAIL_RE = re.compile(r"(?:啊|呀|呢|吗|来着|啦|哇)+$")
# the end of an answer's opening phrase
_PHRASE_END_RE = re.compile(r"[，,。；;！!？?：:\n（(]|【")


def _phrase_end(text: str, a: int) -> int:
    """Where the opening phrase of the answer at text[a:] ends (`_PHRASE_END_RE`; the text's end when nothing ends it)."""
    stop = _PHRASE_END_RE.search(text, a)
    return stop.start() if stop is not None else len(text)

# the answerer's label in a dialogue written on one line (`面试官：T5 是什么结构？我：decoder-only。`)
_ANSWERER_RE = re.compile(r"\s*+(?:" + ANSWER_BY + r"|面试者|同学|A|[B-H](?![A-Za-z0-9])|Answer|" + SPOKEN_TURN + "|" + SPEAKERS + r")\s*+[:：]\s*+", re.I)
# a speaker's turn label after white space (an indented line of a list item)
_TURN_AT_RE = re.compile(r"\s*+" + TURN_LABEL_RE.pattern)
# an interrogative word that asks nothing (`没什么`, `什么都`, `或多或少`, `多少有些`)
_NOT_ASKED_RE = re.compile(r"没(?:有)?什么|什么都|什么也|或多或少|多多少少|多少(?:有|会|都|也)")


def _question_clauses(question: str) -> list[str]:
    """The clauses of a question, without its question mark and the quote that closes it (a question quoted:
    `弹幕问：“…是什么？”`) or the quote that opens it."""
    q = question.strip().rstrip("”」』\"").rstrip("？? \t*_")
    return re.split(r"[，,；;：:。】“「『]", q)


def _asked_for(question: str) -> tuple[str, re.Match] | None:
    """The clause of a question that asks for a thing, a kind or a number, and its interrogative: the last clause with
    an interrogative (`BERT-base 参数量多少啊，写报告用`), when it holds one only and asks nothing else."""
    clause = next((c for c in reversed(_question_clauses(question)) if _WHAT_RE.search(c)), "")
    asks = list(_WHAT_RE.finditer(clause))
    # (a 呢 that ends the clause after its interrogative only softens it, `BERT 最多能读多少个 token 呢`; a 呢 of its own
    # asks about another thing, `那 GPT 呢`)
    core = _FINAL_NE_RE.sub("", clause) if asks else clause
    if len(asks) != 1 or _NOT_WHAT_RE.search(core) or _NOT_ASKED_RE.search(clause):
        return None
    return clause, asks[0]


def _asked_how(question: str) -> tuple[str, re.Match] | None:
    """The last clause of a question that asks how a thing does one short thing (`GPT 怎么预训练`, `BPE 如何合并`), and
    its interrogative: an answer's opening phrase (`用掩码语言模型`) takes the interrogative's place."""
    clause = _question_clauses(question)[-1]
    asks = list(_HOW_RE.finditer(clause))
    if len(asks) != 1 or _WHAT_RE.search(clause) or _NOT_HOW_RE.search(clause) or _NOT_ASKED_RE.search(clause):
        return None
    return clause, asks[0]


# a question that only echoes what the listener asked about, a bare noun phrase (`您问 context length？`, `BERT-base 的配置您问？`,
# `对，你是问最大长度吗？`): it asks what the thing is, and the sentence after it answers
_ECHO_TOPIC_RE = re.compile(r"\s*+(?:(?:对|嗯|哦|噢|好|是|啊)+(?:的)?\s*+[，,…]+\s*+)*"
                            r"(?:(?:您|你)(?:是)?(?:想)?(?:问|说)(?:的是)?\s*+(?P<a>[^，,。；;？?！!：:]{2,24}?)"
                            r"|(?P<b>[^，,。；;？?！!：:]{2,24}?)\s*+(?:的话)?\s*+(?:您|你)(?:是)?(?:想)?(?:问|说)(?:的是)?(?:这个|那个)?)"
                            r"\s*+(?:吗|嘛|啊|呀|是吧|对吧|对不对)?\s*+[？?]\s*+")
# what such an echo may not hold: an asking word, a yes-or-no, a verb that makes it a claim of its own
_ECHO_NOT_RE = re.compile(_SLOT_RE.pattern + r"|是|不|没|无|非|会|能|要|吗|么|否|怎|几|哪|谁|为|用|有")


def _echoed_topic(text: str, q: Span) -> str | None:
    """The noun phrase a question sentence only echoes as what was asked about (`_ECHO_TOPIC_RE`), or None."""
    if q.kind != "question" or "问" not in text[q.start:q.end] and "说" not in text[q.start:q.end]:
        return None
    m = _ECHO_TOPIC_RE.fullmatch(text, q.start, q.end)
    if m is None:
        return None
    topic = (m.group("a") or m.group("b")).strip()
    return None if _ECHO_NOT_RE.search(topic) else topic


def _told_ask(text: str, a: int, b: int) -> re.Match | None:
    """The question the sentence text[a:b] tells (quoted or not) before it names its answer (`有同学问 LSTM 有几个门，
    我直接公布答案：两个。`, `问“…是什么”，标准答案是…`), when what comes after it is a statement; else None."""
    if text.find("问", a, b) < 0 and text.find("题", a, b) < 0:
        return None
    asked = _QUOTED_ASK_RE.search(text, a, b) or _TOLD_ASK_RE.search(text, a, b)
    return asked if asked is not None and sentence_kind(text[asked.end():b]) == "statement" else None


def answer_after_ask(text: str, a: int, b: int) -> int | None:
    """Where the answer starts in the sentence text[a:b] when the sentence tells a question and then names its answer
    (`_told_ask`): what comes after is stated, whatever the telling of the question makes of the sentence."""
    asked = _told_ask(text, a, b)
    return asked.end() if asked is not None else None


def asks_what(question: str) -> bool:
    """Whether a question asks for a thing, a kind or a number (ClaimReader.answered reads an answer's opening phrase
    into it)."""
    return _asked_for(question) is not None


# a question that asks the same of two or more things named side by side, each on its own (`GRU 和 LSTM 各有几个门？`,
# `A、B 分别有多少层？`): the names, then the words of asking each
_EACH_ASKED_RE = re.compile(r"(?P<names>[^，,。；;：:？?]{1,40}?(?:和|与|跟|及|、)[^，,。；;：:？?]{1,40}?)\s*+(?:各自|各|分别)\s*+(?P<verb>(?:是|有|为|用|含|包含|需要)?)\s*+$")


def _count_opens(question: str, text: str, a: int) -> bool:
    """Whether the answer at text[a:] opens with a count (`两个。`), or with one of the names a question asks about
    each on its own and a count for it (`GRU 两个，…` after `GRU 和 LSTM 各有几个门？`)."""
    m = _COUNT_OPENS_RE.match(text, a)
    if m is None:
        return False
    if m.group("each") is None:
        return True
    ask = _COUNT_ASK_RE.search(question)
    each = _EACH_ASKED_RE.search(question, 0, ask.start()) if ask is not None else None
    return each is not None and m.group("each") in each.group("names")


# a work's title in book brackets (`《Attention Is All You Need》`): one name, however long, in an answer's length
_BOOK_TITLE_RE = re.compile(r"《[^《》\n]{1,80}》")


@lru_cache(maxsize=4096)
def _fused(question: str, answer: str, asked: bool) -> tuple[str, int, int, int] | None:
    """(the question with the answer's opening phrase in the place of its interrogative, where the phrase starts in it,
    its length, where it starts in `answer`), or None when the two do not read together (ClaimReader.answered; the same
    for every rule, so computed once per pair)."""
    q = question.strip().rstrip(" \t*_")
    if not asked and not q.endswith(("？", "?")) and (not TURN_LABEL_RE.match(q) or ASKS_FOR_END_RE.search(q) is None):
        return None  # (a chat turn may ask without a question mark, ending on what it asks: `【小陈】T5 是啥架构`)
    got = _asked_for(q) or _asked_how(q)
    if got is None:
        return _fused_why(q, answer)
    clause, ask = got
    before, after = clause[:ask.start()], _WHAT_TAIL_RE.sub("", clause[ask.end():])
    # (the clauses of the question before the one that asks set its scene, `GroupNorm 的组数取 1 时，它等价于哪种归一化？`:
    # read with the answer as the sentence they make, behind their speaker's label)
    head = q.rstrip("”」』\"").rstrip("？? \t*_")
    if clause and (cut := head.rfind(clause)) > 0 and head[cut - 1] in "，,":
        lead_in = head[:cut]
        if (turn := TURN_LABEL_RE.match(lead_in) or _ASKER_LINE_RE.match(lead_in)) is not None:
            lead_in = " " * turn.end() + lead_in[turn.end():]
        before = lead_in + before
    lead = _ANSWER_LEAD_RE.match(answer)
    a = lead.end() if lead else 0
    if (label := TURN_LABEL_RE.match(answer, a) or _ANSWERER_RE.match(answer, a)) is not None:
        a = label.end()  # (`【小李】decoder-only`, `我：decoder-only`)
    if (called := _VOCATIVE_RE.match(answer, a)) is not None:
        a = called.end()  # (`各位，就是两个框的面积相加`: the audience called, then the answer)
    if (easy := _EASY_RE.match(answer, a)) is not None:
        a = easy.end()  # (`这个简单，MLM`: a remark on the question, then the answer)
    if (hook := _HOOK_RE.match(answer, a)) is not None:
        a = hook.end()  # (`99%的人都不知道：MLM`: a hook, then the answer)
    if (named := _ANSWER_IS_RE.match(answer, a)) is not None:
        a = named.end()  # (`答案是 ReLU`, `标准答案：ReLU`: the answer named as such, then the answer)
    b = _phrase_end(answer, a)
    if (copula := _COPULA_OPENS_RE.match(answer, a, b)) is not None:
        a = copula.end()  # (`是 MLM`, `就是 1024`: the answer's copula is the question's)
    phrase = _PARTICLE_END_RE.sub("", answer[a:b]).rstrip()
    if not (0 < len(_BOOK_TITLE_RE.sub("《》", phrase).strip()) <= 24) or _OWN_CLAIM_RE.search(phrase) or sentence_kind(phrase) != "statement" \
            or _PEOPLE_OPEN_RE.match(phrase):  # (`很多人会脱口而出 Hinton`: what people would say, not the answer)
        return None
    if after[:1] and after[0] in "个层种维头类倍" and phrase.endswith(after[0]):
        after = after[1:]  # (`GRU 有几个门？三个。`: the measure word once, `GRU 有 三个 门`)
    if (each := _EACH_ASKED_RE.search(before)) is not None and (counted := _COUNT_OPENS_RE.match(phrase)) is not None \
            and counted.group("each") is not None and counted.group("each") in each.group("names"):
        # (`GRU 和 LSTM 各有几个门？GRU 两个`: the count is said of the thing it is given under, `GRU 有 两个 门`, not of
        # all the things asked about)
        name = counted.group("each")
        at = phrase.index(name) + len(name)
        at += len(phrase[at:]) - len(phrase[at:].lstrip(" \t:：是有为"))
        before = before[:each.start()] + name + " " + (each.group("verb") or "有")
        a += at
        phrase = phrase[at:]
    before = before.rstrip() + " "  # (spaced: a number read must stand apart, `有 4096 个 token`)
    return before + phrase + " " + after.lstrip() + "。", len(before), len(phrase), a


# (not one that asks why not, or whether: `为什么不用 X`, `为什么要…吗`)
_NOT_WHY_RE = re.compile(r"不|没|吗|呢|还是|是否")
# where the first sentence of an answer ends
_ANSWER_STOP_RE = re.compile(r"[。！!？?；;\n]")


def _fused_why(question: str, answer: str) -> tuple[str, int, int, int] | None:
    """A question of why a thing is done in its last clause (`PPO 阶段为什么加 KL 惩罚？`) and an answer that opens with
    its purpose or cause (`为了鼓励策略远离 SFT 模型！`), read together as the statement they make (`PPO 阶段加 KL 惩罚，是为了
    鼓励策略远离 SFT 模型`), in the form `_fused` gives; else None."""
    clause = _question_clauses(question)[-1]
    asks = list(_WHY_ASK_RE.finditer(clause))
    opens = _WHY_ANSWER_RE.match(answer)
    if len(asks) != 1 or opens is None or _NOT_WHY_RE.search(clause):
        return None
    stop = _ANSWER_STOP_RE.search(answer)
    b = stop.start() if stop else len(answer)
    a = len(opens.group()) - len(opens.group().lstrip())
    phrase = answer[a:b].rstrip()
    if not phrase or len(phrase) > 80:
        return None
    stated = (clause[:asks[0].start()] + clause[asks[0].end():]).strip() + "，"
    if not _WHY_ANSWER_RE.match(phrase).group().strip().startswith(("是", "这是", "就是", "主要是")):
        stated += "是"
    return stated + phrase + "。", len(stated), len(phrase), a


_PEOPLE_OPEN_RE = re.compile(r"\s*+(?:很多人|好多人|有人|有些人|不少人|许多人|大家|一般人|多数人|大多数人|我们|他们|你们?|我)")
_EASY_RE = re.compile(r"\s*+(?:这个|这题|这道题|这个问题|这问题|这)?(?:很|太|超|挺|非常|特别|比较)?(?:简单|容易|好答|基础|好说)(?:了|啊|哈|的|呀)?\s*+[，,！!]\s*+")
# the answer named as the right one (`正确答案是…`, `标准答案：…`), after an answer others give
_CORRECT_ANSWER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:其实|实际上)?\s*+(?:正确|标准|真正的?|合格)的?(?:答案|回答)\s*+(?:应该?|应当|就|其实)?\s*+(?:是|为|[:：])")
# a hook that says most people do not know the answer, then gives it (`99%的人都不知道：…`, `很多人都不知道：…`): a remark on
# the question, as `这个简单，` is, not what people believe
_HOOK_RE = re.compile(r"\s*+(?:\d{1,3}\s*+%|百分之\d{1,3}|绝大多数|大多数|多数|很多|不少|好多|九成)\s*+的?\s*+(?:人|同学|面试者|候选人)\s*+(?:都|也|竟然|居然)?"
                      r"\s*+(?:不知道|不清楚|答不上来|答不出来|答错|想不到)(?:的是)?\s*+[:：，,！!]\s*+")
# a stage direction that opens a scene's line (after its place and time, `【模型组，白天】`), right before the first
# speaker's label (`（大家在讨论要不要换）老韩：`)
_OPENING_STAGE_RE = re.compile(r"(?m)^[ \t]*+(?:【[^【】\n]{1,20}】[ \t]*+)?(?P<stage>[（(][^（）()\n]{2,40}[）)])(?=[ \t]*+[\u4e00-\u9fff]{1,4}"
                               r"[ \t]*+(?:[（(][^（）()\n]{1,20}[）)])?[ \t]*+[:：])")
# a run of blanks (ClaimReader._squeezed)
_BLANK_RUN_RE = re.compile(r"[ \t]{2,}")
_COMPOUND_AFTER_RE = re.compile(r"-[A-Z][a-z]")  # (another capitalised word hyphenated on)
# an aside that opens as a gloss of the word before it (`（一种加密方法）`)
_GLOSS_OPENS_RE = re.compile(r"一种|一类|一个|即|也就是|就是|又称|也叫|亦称|简称|俗称|指|是")
# a short aside of words only between two words of a clause (no negation, verdict, question, sign or Latin name)
_WORD_ASIDE_RE = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?:(?![不没无非未别错误对否勿吗呢么吧])[\u4e00-\u9fff、]){2,10}[）)](?=[\u4e00-\u9fff])")
# a remark on a question before its answer (`这个问题问得好，`, `好问题！`, a support chat's `亲，`)
_ANSWER_REMARK_RE = re.compile(r"\s*+(?:(?:这个|这)?问题问得(?:好|很好|不错)|好问题|问得好|亲亲?)\s*+[，,！!~～]\s*+")
_VOCATIVE_RE = re.compile(r"\s*+(?:各位|大家|诸位|同学们|朋友们|家人们|兄弟们|姐妹们|老铁们|宝子们|小伙伴们)\s*+[，,！!：:]\s*+")
# an answer named as such (`答案是 ReLU`, `标准答案：ReLU`), or said to be given (`我答 ReLU`)
_NAMED_ANSWER = (r"(?:(?:合格|标准|正确|参考|官方|最终)?的?(?:答案|回答|答复)\s*+(?:应该?|应当|就|其实|一般)?\s*+(?:是|为|[:：])"
                 r"|(?:我)?(?:直接)?(?:说|给|公布|揭晓)(?:一下)?(?:答案|结论)\s*+[:：]"
                 r"|(?:我|他|她|候选人|面试者|模型|对方)(?:当时)?(?:(?:答|回答|写|填|选)(?:了|的是|说|道)?|说的是)\s*+[:：，,]?"
                 # (the answer the reader is told to give, `面试官问 X 是 A 还是 B，记住一句话：B`)
                 r"|" + TOLD_LABEL + r"\s*+[:：，,])\s*+")
# (or told without quotes, ending at a comma: `这位观众问 BN 推理时用什么统计量，答案是…`)
# (or a quiz item told: `有道题是随机模型的 AUC 是多少，我答…`)
_TOLD_ASK_RE = re.compile(r"(?:问|问到|问起|(?<=[道个])题(?:目)?是)\s*+[：:]?\s*+(?P<q>[^，,。；;？?“”\"「」『』]{4,60}?)\s*+[？?]?\s*+[，,；;]\s*+(?=" + _NAMED_ANSWER + ")")
_ANSWER_IS_RE = re.compile(r"\s*+" + _NAMED_ANSWER + r"(?:[“\"「『]\s*+)?")
# a question quoted as asked, then its answer (`问“…”，合格答案是…`, `被问到“…”，我答…`)
_QUOTED_ASK_RE = re.compile(r"(?:问|问到|问起|提问|问题是|题目是)\s*+[：:]?\s*+[“\"「『](?P<q>[^”\"」』]{4,80})[”\"」』]\s*+[，,：:；;]?\s*+(?="
                            + _NAMED_ANSWER + ")")
_COPULA_OPENS_RE = re.compile(r"\s*+(?:其实|主要|就|一般)?(?:是|为)\s*+")
_PARTICLE_END_RE = re.compile(r"(?:啊|呀|吧|嘛|哈|呗|啦|哦|喔)+\s*+$")
# an opening phrase that states a claim of its own (a copula or a verb of saying), or says no, or hedges it away
# (or its default, or what it stands for or controls: `β1 默认 0.9，…`, `β1 对应一阶矩`, an answer that names its own terms)
_OWN_CLAIM_RE = re.compile(r"是|为|指|叫|称|不|没|无|非|未|看情况|取决于|因人而异|不一定|分情况|一般|都可以|都行|默认|对应|控制|负责|表示|代表|用于|用来")

# what may stand before the value an answer gives first (`大约 340M`, `参数量约为 1.1 亿`, `是 2048`): the quantity's
# name, a hedge, a copula; no clause punctuation, no Latin name (`Base 版 110M`: another item's value)
_VALUE_FIRST_RE = re.compile(r"[\u4e00-\u9fff\s]{0,10}?(?:大约|大概|约|约为|约有|差不多|接近|将近|一共|总共|共|有|是|为|在)?\s*+(?:[:：]\s*+)?")

_NUMBER_RE = re.compile(
    # (a number glued to the word before it is not read, Han included: `GPT3`, `剩下的11个层`, `需要约700GB`; read glued
    # to Han, it raised nine false alarms and no true find on the development corpora, and seven when only a word that
    # introduces a value came before it, `为128`, `是64`: thirty-first session)
    # (a number with thousands separators is one number: `2,359,296`, `30,000 TB`)
    # (and a unit written in LaTeX: `174600 $M$`)
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?)\s*+(?:\$\s*+(?=[KkMmBbTt]\s*+\$))?(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|[KkMmBbTt](?![A-Za-z])|billion|million|thousand|trillion)?"
    r"(?:(?<=[KkMmBbTt])\s*+\$)?", re.I)
# a number glued to the Han character before it is read only with a unit of scale after it (`有3.4亿参数`,
# `也就17.5B参数`), or as a count of tokens, layers, heads or dimensions after a word that gives a value (`是24层`,
# `是4096个token`): a bare one (`为128`, `是64`, `剩下的11个层`) is too often a setting or a count of something else
# (read so, it raised seven false alarms and no true find on 1,647 development files that have such numbers; read as
# here, none either way: thirty-second session)
_GLUED_HAN_DIGIT_RE = re.compile(r"[\u4e00-\u9fff]\d")
_GLUED_NUMBER_RE = regex.compile(
    r"(?<=[\u4e00-\u9fff])(\d+(?:\.\d+)?)\s*+(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|[KkMmBbTt](?![A-Za-z])|billion|million|trillion"
    # (or a count of tokens, layers, heads or dimensions after a word that gives a value: `是24层`, `是4096个token`)
    r"|(?<=(?:是|为|有|约|达|共|到|仅|吃|长达)\d+)(?=\s{0,2}(?:个\s{0,2})?(?:tokens?(?![A-Za-z])|层|头|维)))", regex.I | regex.V0)
# a number in Han numerals (`一百七十五亿`, `三亿四千万`, `五百一十二`, `一百七十多亿`); a vague one (`数十亿`, `十几亿`,
# `上千亿`, `十分`) is none, and han_value drops a lone digit (`一个`, `两层`)
_HAN_NUMBER_RE = re.compile(r"(?<![零一二两三四五六七八九十百千万亿数几上近好])[零一二两三四五六七八九十百千万亿]+(?:[多余][万亿]+)?(?![几分])")
# `170 多亿`, `1 亿多`: a little more than the number (at most about twice it)
_ODD_RE = re.compile(r"\s*+(?:多|余)")
_SCALE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3,
          "k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


FILTER_FLAGS = regex.I | regex.ASCII | regex.V0  # a property's phrasings, as its filter reads them


def warm_filters(specs: Iterable[ClaimSpec]) -> None:
    """Read what the properties' phrasings need ahead of linting (kept in literals.STORE), so that
    the reading is stored once for every process that lints with them."""
    for spec in specs:
        for rx in spec.predicates:
            _factors(rx)


def _factors(rx: regex.Pattern) -> list[list[frozenset[str]]] | None:
    """What a phrasing needs (literals.required_factors), or when it needs no string of two weights, its single
    characters together (literals.weak_factors: a formula's `(`, `+`, `=` and `0`)."""
    got = required_factors(rx.pattern, FILTER_FLAGS)
    return got if got is not None else weak_factors(rx.pattern, FILTER_FLAGS)


class _PropertyFilter:
    """What the phrasings of a property need (literals.required_factors): per alternative, sets of
    lower-cased strings each of which must occur. `present` finds them all in a text with one
    Aho-Corasick pass (pyahocorasick), and `_Present.within` says whether some alternative could
    match in a stretch of it."""

    def __init__(self, alternatives: list[list[frozenset[str]]]):
        lits = sorted({x for alt in alternatives for f in alt for x in f})
        bit = {x: 1 << i for i, x in enumerate(lits)}
        masks = [tuple(sum(bit[x] for x in f) for f in alt) for alt in alternatives]
        self.single = 0  # the strings of every alternative that needs one set only: any of them is enough
        for alt in masks:
            if len(alt) == 1:
                self.single |= alt[0]
        self.masks = [alt for alt in masks if len(alt) > 1]
        self.enough: dict[int, bool] = {}  # the strings found in a stretch -> whether some alternative has all it needs
        self.automaton = ahocorasick.Automaton()
        for x in lits:
            self.automaton.add_word(x, (len(x), bit[x]))
        self.automaton.make_automaton()

    def present(self, lows: str | tuple[str, ...], start: int, stop: int) -> "_Present":
        """Where the strings begin in `lows`: one text, or readings of one text, position for position (the text and
        its noted reading)."""
        if isinstance(lows, str):
            lows = (lows,)
        return _Present(self, sorted((end - size + 1, b) for low in lows for end, (size, b) in self.automaton.iter(low, start, stop)))


class _Present:
    """Where the strings of a property's filter begin in one text. `within(a, b)` is true when some
    alternative has a string of each of its sets beginning in [a, b): a superset of the stretches
    where a phrasing matches, so the sentences and clauses it lets through include every one that
    holds a phrasing."""

    __slots__ = ("at", "bits", "single", "masks", "enough")

    def __init__(self, flt: _PropertyFilter, found: list[tuple[int, int]]):
        self.at = [p for p, _ in found]
        self.bits = [b for _, b in found]
        self.single, self.masks, self.enough = flt.single, flt.masks, flt.enough

    def within(self, a: int, b: int) -> bool:
        i, j = bisect.bisect_left(self.at, a), bisect.bisect_left(self.at, b)
        if i == j:
            return False
        seen = reduce(or_, self.bits[i:j])
        if seen & self.single:
            return True
        ok = self.enough.get(seen)
        if ok is None:  # the same strings recur from stretch to stretch: each set is judged once
            ok = self.enough[seen] = any(all(seen & f for f in alt) for alt in self.masks)
        return ok


@dataclass
class _Clause:
    span: Span
    mentions: list[Mention] = field(default_factory=list)


# a name spelled out in Latin words in brackets (`(Classify and Regression Tree)`, `（Large Language Model, LLM）`)
_SPELLED_NAME_RE = re.compile(r"[A-Z][A-Za-z\-]*(?:[ ,]+(?:[A-Z][A-Za-z\-]*|and|of|for|from|with|to|the|on|in|via|by)){1,8}")
# ... or in lower case, right after the Chinese name it spells (`稳健回归（robust regression）`)
_LOWER_SPELLED_RE = re.compile(r"[A-Za-z][a-z\-]*(?: [a-z][a-z\-]*){1,3}")

# a run of three or more capitalised Latin words (`Classification And Regression Tree`): a name
_TITLE_RUN_RE = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z\-]*(?:\s+(?:[A-Z][A-Za-z\-]*|and|of|for|from|with|to|the|on|in|via|by)){2,8}(?![A-Za-z])")


def _modified_topic(text: str, at: int, m: Mention, last: int, end: int) -> bool:
    """Whether text[at:end] is the term `m` with a modifier of its own before it and nothing after its group (which ends at
    `last`): `瞎蒙的 random classifier，` sets the topic as `random classifier，` does."""
    return _MODIFIED_TOPIC_RE.fullmatch(text, at, m.start) is not None and _TOPIC_KIND_TAIL_RE.fullmatch(text, last, end) is not None


def _in_spelled_name(text: str, m: Mention) -> bool:
    """Whether mention `m` is a later word of a name spelled out in brackets, or of a run of three or more
    capitalised words (`Classification And Regression Tree(CART)`); a name that begins with the term is its own."""
    for r in _TITLE_RUN_RE.finditer(text, max(0, m.start - 60), min(len(text), m.end + 60)):
        if r.start() < m.start and m.end <= r.end():
            return True  # (a name that begins with the term, `Cross Entropy Loss`, is the term's)
    lo = _open_bracket(text, max(0, m.start - 60), m.start)
    if lo < 0:
        return False
    ends = [i for i in (text.find(")", m.end, m.end + 60), text.find("）", m.end, m.end + 60)) if i >= 0]
    if not ends:
        return False
    body = text[lo + 1:min(ends)].strip()
    if body.startswith(text[m.start:m.end].strip()):
        return False
    # (in lower case too, right after the Chinese name it spells: `稳健回归（robust regression）`)
    return _SPELLED_NAME_RE.fullmatch(body) is not None or (lo > 0 and "\u4e00" <= text[lo - 1] <= "\u9fff" and _LOWER_SPELLED_RE.fullmatch(body) is not None)


def _commented_topic(text: str, clauses: list[Span], i: int, mentions: list[Mention],
                     kept: tuple[list[Mention], frozenset[str] | None, bool]) -> tuple[list[Mention], frozenset[str] | None, bool]:
    """What the clause after the opening clause i goes on with, its topic and whether that is only carried: when clause
    i is a noun phrase that the next clause comments on (`蒸馏损失里所用的软标签，其实就是…`), its head, a term after 的
    that ends the clause (not the terms of its modifier); else `kept`."""
    clause = clauses[i]
    if i + 1 >= len(clauses) or clause.kind != "statement" or not mentions:
        return kept
    head = mentions[-1]
    if _NP_TAIL_RE.fullmatch(text, head.end, clause.end) and _DE_HEAD_RE.search(text, clause.start, head.start) \
            and _COMMENT_OPENS_RE.match(text, clauses[i + 1].start, clauses[i + 1].end):
        return [head], head.keys, False
    return kept


def _scene_owner(text: str, m: Mention, ps: int) -> bool:
    """Whether a term before a property at ps only owns the noun the property opens on (`线性层的矩阵…`) or is the
    example of the way of doing it describes (`Megatron-LM 那种把…`)."""
    return m.end <= ps and (_OWNER_GAP_RE.fullmatch(text, m.end, ps) is not None or _KIND_OF_GAP_RE.fullmatch(text, m.end, ps) is not None)


def _last(found):
    """The last of an iterator's items (None when it has none)."""
    item = None
    for item in found:
        pass
    return item


# a point of view named at a phrase (`从 MAP 的角度看`, `从贝叶斯视角来说`, `站在优化的角度`)
_VIEWPOINT_WORDS = ("角度", "视角", "观点", "立场")  # (a clause without one of them names no point of view: no search on the hot path)
_VIEWPOINT_RE = re.compile(r"(?:从|站在|以)\s*[^，。；,;：:]{1,20}?\s*+(?:的)?\s*+(?:角度|视角|观点|立场)\s*+(?:来|上)?\s*+(?:看|讲|说|理解|解释|分析)?")


# the modifier of the noun a verb takes, up to that noun (`最大化|真实分布和模型分布之间的 |KL 散度`)
_OBJECT_NP_GAP_RE = re.compile(r"[^，,。；;：:（）()！!？?]{1,20}?的\s*+(?:\*\*)?\s*+")


def _without_glosses(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions less those inside a bracketed gloss right after another term, which spell out its name
    (`GPT（Generative Pre-trained Transformer）`: the Transformer there is part of GPT's name)."""
    out: list[Mention] = []
    gloss_end = -1
    for m in mentions:
        if m.start < gloss_end:
            continue
        if out and out[-1].end <= m.start:
            g = _GLOSS_RE.match(text, out[-1].end)
            if g is not None and g.start("body") <= m.start and m.end <= g.end("body") and not (m.keys & out[-1].keys):
                gloss_end = g.end("body")
                continue
        out.append(m)
    return out


_SHORT_BEFORE_RE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}[/／]$")
_SHORT_AFTER_RE = re.compile(r"[/／][\u4e00-\u9fff]{1,2}(?![\u4e00-\u9fff])")


def _alternative(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one of two short alternatives written with a slash (`单/双向语言模型`,
    `双向/单向`): it names a choice, it is not said of anything. (A longer neighbour, `双向/自回归模型`, lists
    two properties.)"""
    if not ("\u4e00" <= text[start] <= "\u9fff" or "\u4e00" <= text[end - 1] <= "\u9fff"):
        return False  # `TP/FP`: a ratio or a pair of Latin names, not a choice of words
    return bool(_SHORT_BEFORE_RE.search(text, max(0, start - 4), start) or _SHORT_AFTER_RE.match(text, end))


# a verb that reports what someone (a paper, its title, an author) says, right before an opening quote
_SAYS_BEFORE_RE = re.compile(r"(?:说|称|写道|写着|指出|表示|直言|直说|声称|宣称|断言|提到|题为|名为)(?:了|过|的是|道)?\s*+[：:，,]?\s*+$")
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『", "”」』"


def _in_title(text: str, pos: int, end: int) -> bool:
    """Whether text[pos:end] is inside title marks, 《…》 (`论文标题：《Linformer: Self-Attention with Linear Complexity》`):
    the words name a book, a paper or an article; they state nothing of their own (a phrasing that runs past the
    title, `《Attention Is All You Need》首次提出…`, is said of it)."""
    lo = max(0, pos - 100)
    opened = text.rfind("《", lo, pos)
    if opened < 0 or text.rfind("》", opened, pos) >= 0 or "\n" in text[opened:pos]:
        return False
    closed = text.find("》", pos, pos + 160)
    return closed >= end and "\n" not in text[pos:closed]


def _title_case(phrase: str) -> bool:
    """Whether an English phrasing is written in title case (`with Linear Complexity`): in a clause of English
    alone, part of a title (`Linformer: Self-Attention with Linear Complexity` in a reference list), not a
    claim (a clause with Chinese in it names titles on purpose: `由《Attention Is All You Need》提出`)."""
    content = [w for w in _LATIN_WORD_RE.findall(phrase) if len(w) > 3]
    return len(content) >= 2 and all(w[0].isupper() and not w.isupper() for w in content)


_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")
# a phrasing that opens with 为/是 where that character ends another word (`行为距离`, `但是距离…`) is no copula
_NOT_COPULA_RE = re.compile(r"(?:行|因|认|以|人)为|(?:但|可|于|凡|要|若|或)是")


def _quoted_speech(text: str, pos: int) -> bool:
    """Whether `pos` is inside a quotation that a verb of saying introduces (`标题就直说了“Transformer 本质是
    RNN”`): the words are someone else's, reported, not the text's own claim."""
    lo = max(0, pos - 120)
    for i in range(pos - 1, lo - 1, -1):
        ch = text[i]
        if ch in _CLOSE_QUOTES or ch in "。\n":
            return False
        if ch in _OPEN_QUOTES:
            return _SAYS_BEFORE_RE.search(text, max(0, i - 12), i) is not None
    return False


def _bracket_closes(text: str, a: int, b: int) -> bool:
    """Whether a bracket open before `a` closes in text[a:b] and ends an item of an enumeration there
    (`CLM（…，GPT/LLaMA）、MLM（…）`: GPT annotates CLM, and MLM is the next item). A gloss that goes on
    with its sentence (`DP（差分隐私）属于…`) is not one."""
    depth = 0
    for i in range(a, b):
        c = text[i]
        if c in "(（[【":
            depth += 1
        elif c in ")）]】":
            if depth == 0:
                return text[i + 1:b].lstrip(" *_")[:1] in ("、", "，", ",", "；", ";")
            depth -= 1
    return False


# a property that uses, or is, the very term it is said of (`One-hot 编码…使用 one-hot 编码`, `独热编码就是
# One-Hot …`): the term restated, nothing claimed of it
# a term that something allows or bears (`允许更高学习率`, `支持更大的 batch`): what follows is said of that something
# (not `可以用 X 解决`: there X is the means, and what follows is said of it)
_PERMITTED_RE = re.compile(r"(?:允许|容许|支持|可承受|能承受)\s*+(?:使用|采用)?\s*+(?:更|较|相对)?\s*+$")
_BRACKET_OPEN_RE = re.compile(r"\s*+[（(]\s*+")
_BRACKET_CLOSE_RE = re.compile(r"\s*+[）)]")
_BRACKETED_BEFORE_RE = re.compile(r"[^\s（()）][ \t]*[（(]\s*+$")
# a variant of a term, qualified by a property (`零中心的 Sigmoid 变体`, `带动量的 SGD 改进版`)
_VARIANT_OF_RE = re.compile(r"[”\"」』]?\s*+(?:\*\*)?\s*+的\s*+(?:\*\*)?\s*+")
_VARIANT_AFTER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:的)?\s*+(?:变体|变种|改进版|改良版|升级版|衍生版|衍生|替代品|替代方案)")
# what a subject is set against before a colon (`CBOW 与 Skip-gram 相反：…`)
_COMPARED_WITH_COLON_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:正好|恰好|恰恰|完全)?(?:不同|不一样|相反|相比|相较|对比)\s*+(?:的是|之下)?\s*+(?:\*\*)?\s*+[：:，,]")
# what opens a bracket that glosses the word before it (`catastrophic cancelling(就是两个近似值相减…)`), up to a property
# inside it (read by _in_bracket_led_by)
_GLOSS_BRACKET_RE = re.compile(r"\s*+(?:就是|即|也就是|也即|指的?是|意思是|用于|用来|作为|used\s+(?:for|as|to)|for\s|i\.e\.|namely)[^（()）]{0,40}$", re.I)
# what a thing is said to resemble (`看起来很像 off-policy 的…`)
# (only with a word of seeming: a bare 像 states by analogy, `原始 GAN 像用推土机搬沙子`)
_LOOKS_LIKE_BEFORE_RE = re.compile(r"(?:看起来|看上去|乍看|乍一看|表面上|形式上)(?:很|有点|有些|非常)?像\s*+(?:\*\*)?\s*+$")
# the second of two things a comparing verb takes, up to a property inside it (`比较了 A 与常见近似…`)
_COMPARED_SECOND_BEFORE_RE = re.compile(r"(?:比较|对比|比对)(?:了|过)?\s*+(?:\*\*)?[^，,。；;：:]{1,30}?(?:与|和|跟|同|及|vs\.?|VS)\s*+(?:\*\*)?[^，,。；;：:与和跟]{0,8}$")
# a size before 的 and the Latin name it is the size of (`1750 亿参数的 GPT-3`; the name's start read by _LATIN_WORD_RE)
_SIZE_OF_NAME_AFTER_RE = re.compile(r"\s*+(?:亿|万|千|[KMBT]|billion|million)?\s*+(?:个)?\s*+(?:参数|parameters?|params?)(?:量|规模)?\s*+的\s*+(?:\*\*)?\s*+", re.I)
# a group named by the example that represents it (`以 R-CNN 系列为代表的`)
_REPRESENTED_BEFORE_RE = re.compile(r"以\s*+(?:\*\*)?[^，,。；;以]{1,24}?为(?:代表|首|主)\s*+的\s*+(?:\*\*)?\s*+$")
# a bracketed term closed before a coordinator (`MLM（BERT）与…`)
_BRACKET_CLOSE_COORD_RE = re.compile(r"\s*+[）)]\s*+(?:\*\*)?\s*+(?:与|和|及|以及|、|vs\.?|VS)")
# (or turns something into it: `独热编码：将每个类别转换为一个独热向量`)
_USE_VERB_RE = re.compile(r"(?:(?:通常|一般|常|主要|都|多|往往|大多)\s*+(?:会)?\s*+)?"  # (`因此一般使用交叉熵`)
                          r"(?:使用|采用|利用|用|进行|做|转换为|转换成|转化为|转为|转成|编码为|编码成|表示为|表示成)(?:了)?\s*+(?:一个|一种)?"
                          r"|(?:就|即|也)?(?:是|为)")


def _across_cells(text: str, at: int, ps: int) -> bool:
    """Whether the term at `at` and a property at `ps` sit in different cells of a table row, the term not in
    the row's first cell (`| | Post-LN（原始 Transformer） | Pre-LN（GPT-2） |`: the header pairs each name with
    its own column). A row's first cell names what the other cells are said of (`| 原始 Transformer | Pre-LN |`)."""
    if "|" not in text[at:ps]:
        return False
    head = text[text.rfind("\n", 0, at) + 1:at]
    return head.count("|") - (1 if head.lstrip().startswith("|") else 0) > 0


# a line that may be a glossary's headword: short, no sentence's punctuation (its term then checked by ClaimReader.headword)
# (its white space taken once, and its word opening on something else: written with white space on both sides of a
# word that may hold white space, a line opening on some hundred spaces took hours to fail)
HEADWORD_LINE_RE = re.compile(r"[ \t]*+(?:[-*+][ \t]++)?(?:\*\*)?[ \t]*+(?P<word>[^ \t。！？!?；;，,：:\n*][^。！？!?；;，,：:\n*]{0,39}?)[ \t]*(?:\*\*)?[ \t]*[:：]?[ \t]*")
_HEADWORD_GAP_RE = re.compile(r"[\s/／（）()、|&-]+")


# what a release note's entry says besides the name it gives (`新增 clip_grad_norm 回调：…`, `变更 X 选项：…`): the verb of
# the change and the kind of thing named; the entry, like a label, says what the thing is (not a fix's, `修复 X：…`, which
# may tell the bug fixed)
_NOTED_VERB_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:新增|新加|增加|引入|支持|改进|优化|调整|变更|更新)\s*+(?:\*\*)?\s*+")
_NOTED_KIND_RE = re.compile(r"\s*+(?:选项|参数|回调|工具|接口|函数|模块|功能|预设|配置|实现)\s*+$")


def _outside_entry(text: str, a: int, b: int, names: Sequence[Mention]) -> str:
    """What the label text[a:b] says besides its terms' names (`_outside_names`, markup dropped), save the verb of a
    release note's change right before the first name and the kind of thing named after the last (`_NOTED_VERB_RE`)."""
    verb = _NOTED_VERB_RE.fullmatch(text, a, names[0].start)
    rest = _MARKUP_RE.sub("", _outside_names(text, verb.end() if verb else a, b, names))
    return _NOTED_KIND_RE.sub("", rest) if verb else rest


def _outside_names(text: str, a: int, b: int, names: Sequence[Mention]) -> str:
    """text[a:b] without the spans of `names` (mentions inside it, in order): what a label or a line says besides
    its terms' names."""
    return "".join(text[x:y] for x, y in zip([a] + [n.end for n in names], [n.start for n in names] + [b]))


class Lead(NamedTuple):
    """What a line hands on to the next line of its paragraph (ClaimReader.carry_out)."""

    carry: frozenset[str] | None  # the subject a sentence without a term goes on with (empty: a thing of its own)
    statement: bool  # whether the line's last sentence states something
    asked: frozenset[str] | None = None  # the one term a question that ends the line asks about (`AdamW 是啥？`)

    @property
    def goes_on(self) -> bool:
        """Whether the next line's first sentence goes on from a statement about a term the lines named."""
        return self.statement and bool(self.carry)


def _led(topic: frozenset[str] | None, lead: Lead | None) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(carry, topic) at a text's start: the subject handed on by the lines before it, else the topic; a thing
    of their own defined there ends the topic."""
    if lead is None or lead.carry is None:
        return topic, topic
    return lead.carry, (topic if lead.carry else None)


def _inline_answer(text: str, m: re.Match, a_not_a: bool = True,
                   names: Callable[[str, int, int], Sequence[Mention]] | None = None) -> list[tuple[int, str]] | None:
    """The characters to rewrite so that a question and the answer after it on the same line read as the
    statement they make together, position for position: the labels blanked, and the question mark (with the
    answer label) read as 是 after a question that asks for a value (`Q：Leaky ReLU 负区间梯度？A：0` →
    `Leaky ReLU 负区间梯度是 0`; its asking word blanked: `哪个激活以 0 为中心？A：sigmoid`), or as a plain
    pause after a yes/no question its answer affirms by echoing the verb (`max pooling 有参数吗？A：有，…` states
    that it has); an A-not-A or 是否 question only when `a_not_a` (an interviewer's, reported with the answer
    given, `面试官问 X 能不能…，我答：能`, is the text layer's to split into question and answer). A question of how a
    thing changes reads with its answer in the place of its asking words (`有效学习率怎么变化？选手：越来越大`). A remark
    before the answer (`这个问题问得好，`, `亲，`) is read past. A question of why or how, one answered no, one answered by
    another question, or (with `names`, the glossary's mentions) one of what answered by a claim about a term of the
    answer's own (`…AUC 是多少？答：随机分类器毫无区分能力，…`), is left as it is."""
    q0, q1 = m.span("q")
    q = text[q0:q1]
    if (change := _CHANGE_ASK_RE.search(q)) is not None and not _QA_WHY_RE.search(q, 0, change.start()) \
            and not _QA_NO_RE.match(text, m.end()) and not _QA_FULL_ANSWER_RE.match(text, m.end()):
        # (`有效学习率怎么变化？选手：越来越大。`: how a thing changes, answered by the change, states it changes so)
        return [(k, " ") for k in range(*m.span("qlab"))] + [(k, " ") for k in range(q0 + change.start(), m.end())]
    if "还是" in q and (chosen := _alternative_chosen(text, m)) is not None:
        return [(k, " ") for k in range(*m.span("qlab"))] + chosen
    if _QA_WHY_RE.search(q):
        return None
    if "answerer" in m.groupdict():
        asker, answerer = m.group("asker"), m.group("answerer")
        if asker == answerer or (_SPEAKER_RE.fullmatch(asker) is None and _SPEAKER_RE.fullmatch(answerer) is not None):
            return None  # a speaker asking on (`甲：…？甲：…`), or a dialogue turn after a Q label: no answer (a speaker's
            # question is answered under an answer's label, `读者来信：…？答：…`)
    out = [(k, " ") for k in range(*m.span("qlab"))]
    a = m.end()
    while (remark := _ANSWER_REMARK_RE.match(text, a) or _VOCATIVE_RE.match(text, a) or _EASY_RE.match(text, a)) is not None:
        a = remark.end()  # (`发言人：这个问题问得好，是的。`, `客服：亲，开着的哦~`: a remark on the question, then the answer)
    if refuted_next(text, a):
        return None  # (`…输出多大？选手：32×32。主持人：很遗憾，…`: an answer the next turn calls wrong states nothing)
    if _QA_YES_NO_RE.search(q):
        said = _yes_no_inline(text, m, q, a, a_not_a)
        return None if said is None else out + said
    if _QA_FULL_ANSWER_RE.match(text, a):
        return None  # `…剪掉哪些权重？答：在剪枝模式下，…`: an answer that opens a sentence of its own reads on its own
    if _QA_ASKS_RE.search(q) is None:
        # a question asked by its tone alone (`batch 越大噪声越大？`): a no (`B：反了。`) leaves it asked; a yes states it
        # (`B：对。`); any other answer gives the value a phrase asks for (`Leaky ReLU 负区间梯度？A：0`)
        if _QA_NO_RE.match(text, a) or _QA_DOUBT_RE.match(text, a) or refuted_next(text, a):
            return None
        if (yes := _QA_YES_RE.match(text, a)) is not None:
            return out + [(k, " ") for k in range(m.start("qm"), yes.end())]
    elif (choice := _QA_CHOICE_RE.search(q)) is not None:
        # (which of the things it names: the answer names one, `哪个是零中心？B：tanh` says tanh is, not the others)
        out += [(k, " ") for k in range(q0, q0 + choice.end())]
    if _claims_own(text, a, names):
        return None  # (`AUC 是多少？答：随机分类器毫无区分能力，…`: an answer that says a thing of a term of its own is no value)
    out += _asking_blanked(text, q, q0, q1, a)
    qm = m.span("qm")
    if (put := _put_after_verb(q, text, a)) is not None:
        # (`早停看哪条曲线？A：训练损失`, `多标签输出层用哪个激活？A：softmax`: a choice asked for right after its verb,
        # answered by a bare value, reads with the value in the place of the asking words and the noun after them,
        # `早停看 训练损失`, not `看 条曲线是 训练损失`; a copula question, `…的输入是？A：X`, takes no second 是)
        return out + [(k, " ") for k in range(q0 + put, qm[1])]
    if (echo := _echoed_verb(q, text, a)) is not None:
        # (`Query 来自哪里？选手：来自编码器的输出。`: the answer says the question's verb again; read once, with no 是, the
        # answer in the place of the asking words and the noun after them, `Transformer 属于哪一类网络？选手：属于 RNN`)
        return out + [(k, " ") for k in range(q0 + echo[0], echo[1])]
    out += [(qm[0], "是")] + [(k, " ") for k in range(qm[0] + 1, qm[1])]
    if (copula := _COPULA_OPENS_RE.match(text, m.end())) is not None:
        out += [(k, " ") for k in range(*copula.span())]  # (`A：就是浮点和 INT8…`: the answer's copula is the 是 put in)
    return out


def _asking_blanked(text: str, q: str, q0: int, q1: int, a: int) -> list[tuple[int, str]]:
    """The asking words of question `q` (at text[q0:q1]) blanked, the answer at text[a:] to stand in their place: each
    asking word, the particles of asking at its end (`ROC 横轴是啥来着？B：TPR`), and its 分别 when the answer gives one
    value for all it names (`A 和 B 分别出自哪家？答：都是 X 的作品`: each asked for, the same said of each)."""
    out = []
    if _ALL_OF_LIST_RE.match(text, a) is not None:
        out += [(k, " ") for r in _RESPECTIVELY_RE.finditer(q) for k in range(q0 + r.start(), q0 + r.end())]
    for w in _QA_ASKS_RE.finditer(q):
        out += [(k, " ") for k in range(q0 + w.start(), q0 + w.end())]
    if (tail := _WHAT_TAIL_RE.search(q)) is not None:
        out += [(k, " ") for k in range(q0 + tail.start(), q1)]
    return out


# a verb of choosing or using right before a question's asking word (`用哪个激活`, `看哪条曲线`, `配啥`, `放哪一步`), and a
# question that ends on its copula (`CrossEntropyLoss 的输入是？`)
_CHOICE_VERB_END_RE = re.compile(r"(?:用|使用|采用|选用|选|接|配|搭配|看|放|放在|取|挑)\s*+$")
_SOURCE_ASK_RE = re.compile(r"从\s*+哪(?:里|儿)?\s*+(?:来|得来|算来|获得|得到|算出)的?\s*+(?:呢|啊|呀)?\s*+$")
_COPULA_END_RE = re.compile(r"(?:是|为)\s*+$")
# an answer that opens with a verb, a negation or a clause of its own is not a bare value
_BARE_VALUE_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:[A-Za-z0-9\u0370-\u03ff]|(?!不|没|非|并|别|未|无|先|要|得|可|应|就|也|都|还|是|为|用|看|放|取|配|接|选)[\u4e00-\u9fff])")


def _put_after_verb(q: str, text: str, a: int) -> int | None:
    """Where (in `q`) the asking words start that the bare value answered at text[a:] takes the place of, when they
    come right after a verb of choosing or using (`…用哪个激活？A：softmax`, `…配啥？A：MSE`), or where the question's
    end starts when it ends on its copula, asked by its tone (`…的输入是？A：logits`); else None."""
    if _BARE_VALUE_OPENS_RE.match(text, a) is None or _QA_NO_RE.match(text, a) or _QA_YES_RE.match(text, a):
        return None
    if (source := _SOURCE_ASK_RE.search(q)) is not None:
        return source.start()  # (`统计量从哪来？A：对当前批次现算`: where a thing comes from, told by the answer in its place)
    asks = list(_QA_ASKS_RE.finditer(q))
    if asks:
        if asks[-1].group().startswith(("是", "多", "几", "谁")) or not _CHOICE_VERB_END_RE.search(q, 0, asks[-1].start()):
            return None
        return asks[-1].start()
    cop = _COPULA_END_RE.search(q)
    return None if cop is None else len(q)


def _echoed_verb(q: str, text: str, a: int) -> tuple[int, int] | None:
    """Where the question's last asking word starts (in `q`) and where the verb ends that the answer at text[a:] opens
    with, when it is the two-character verb (not a copula) right before that asking word (`…来自哪里？来自编码器`,
    `…采用哪种？采用 X`); else None."""
    asks = list(_QA_ASKS_RE.finditer(q))
    if not asks:
        return None
    verb = q[:asks[-1].start()].rstrip()[-2:]
    if len(verb) != 2 or not all("\u4e00" <= c <= "\u9fff" for c in verb) or verb[-1] in "是为的了" \
            or _QA_NO_RE.match(verb) or text[a:a + 2] != verb:
        return None
    return asks[-1].start(), a + 2


# the two options of an alternative question at its end (`原始 Transformer 是 Pre-LN 还是 Post-LN？`)
_ALTERNATIVE_END_RE = re.compile(r"(?P<x>[^\s，,。；;？?：:、还是]{1,20}?)\s*+还是\s*+(?P<y>[^\s，,。；;？?：:、]{1,20}?)\s*+(?:呢|啊|呀)?\s*+$")
_OPTION_END_RE = re.compile(r"\s*+(?:的|啦|呀|啊|呢|哦)?(?P<end>)\s*+(?:[，,。！!；;]|$)")  # (`双向的。`: an option named as the answer)


def _alternative_chosen(text: str, m: re.Match) -> list[tuple[int, str]] | None:
    """The characters to blank (besides the question's label) so that an alternative question and the answer that
    names one of its options read as the statement it makes (`…是 Pre-LN 还是 Post-LN？Pre-LN，…` → `…是 Pre-LN ，…`):
    the other option and 还是, the question mark and the echoed option. None when the answer names neither (`都不是`)."""
    q0, q1 = m.span("q")
    alt = _ALTERNATIVE_END_RE.search(text, q0, q1)
    if alt is None:
        return None
    a = m.end()
    while (remark := _ANSWER_REMARK_RE.match(text, a) or _VOCATIVE_RE.match(text, a)) is not None:
        a = remark.end()
    # (the first option runs back to the question's subject when the two share their head, `小批量梯度估计会更准还是
    # 更不准`: it starts where the second option's first character last occurs in it, `更准`)
    x0 = alt.start("x")
    if (k := alt.group("x").rfind(alt.group("y")[0])) > 0:
        x0 += k
    for g in ("x", "y"):
        word = text[x0:alt.end("x")] if g == "x" else alt.group(g)
        if text[a:a + len(word)].lower() == word.lower() and (end := _OPTION_END_RE.match(text, a + len(word))) is not None:
            cut = range(alt.end("x"), q1) if g == "x" else range(x0, alt.start("y"))
            return [(k, " ") for k in cut] + [(k, " ") for k in range(m.start("qm"), end.start("end"))]
    return None


def _yes_answered(text: str, m: re.Match) -> bool:
    """Whether a yes/no question is answered yes right after it (`GRU 有细胞状态吗？有，…`, `…吗？是的。`)."""
    q = m.group("q")
    return _QA_YES_NO_RE.search(q) is not None and _yes_no_inline(text, m, q, m.end(), True) is not None


def _claims_own(text: str, a: int, names: Callable[[str, int, int], Sequence[Mention]] | None) -> bool:
    """Whether the answer at text[a:] opens with a phrase that says a thing of a term of its own (a glossary mention,
    `names`, then a copula or a negation: `随机分类器毫无区分能力`), so that it is no value put into a question."""
    if names is None:
        return False
    b = _phrase_end(text, a)
    own = names(text, a, b)
    return bool(own) and _OWN_CLAIM_RE.search(text, own[0].end, b) is not None


def _yes_no_inline(text: str, m: re.Match, q: str, a: int, a_not_a: bool) -> list[tuple[int, str]] | None:
    """The characters to rewrite (besides the question's label) so that a yes/no question and the answer at text[a:]
    that affirms it by echoing its verb read as the statement it asks about (`_inline_answer`); None when the answer
    does not, or the question is an A-not-A or 是否 one and not `a_not_a`."""
    q0, q1 = m.span("q")
    particle = _QA_PARTICLE_RE.search(q)
    echo = _QA_ECHO_RE.match(text, a) or _QA_YES_RE.match(text, a)
    if echo is None and particle is not None:
        # (or the question's own verb, `…还开着吗？客服：开着的。`)
        said = q[:particle.start()].rstrip()[-2:]
        if len(said) == 2 and all("\u4e00" <= c <= "\u9fff" for c in said) and not _QA_NO_RE.match(said):
            # (after a word that only stresses it: `要生效的`, `当然生效`)
            echo = re.compile(r"(?:要|会|还|还是|仍|仍然|依然|照样|当然|肯定|也|都)?" + re.escape(said) + r"(?:[的了]?[呢哦啊呀哈嘛喔~～]*)(?=[！!，,。；;\s]|$)").match(text, a)
    if echo is None and particle is not None:
        return _no_echoed(text, m, q, particle, a)
    if echo is None:
        return None
    if particle is not None:
        out = [(k, " ") for k in range(q0 + particle.start(), q1)]
    elif not a_not_a:
        return None
    else:
        # an A-not-A or 是否 question: its asking words read as the verb alone (`GRU 有没有细胞状态？A：有` states
        # that it has one; `能不能` → 能, `是否` → nothing, `能否` → 能)
        ask = _A_NOT_A_RE.search(q)
        if ask is not None:
            lo, hi = ask.start(), ask.start() + 2  # (`有没有` → `  有`, `需不需要` → `  需要`)
        else:
            other = _QA_WHETHER_RE.search(q)
            if other is None:
                return None
            lo, hi = other.span()
        out = [(k, " ") for k in range(q0 + lo, q0 + hi)]
    return out + [(k, " ") for k in range(m.start("qm"), echo.end())]


# an answer that says no by echoing the question's verb after its negation (`…需要验证集吗？B：不需要，…`, `…有参数吗？没有。`)
_QA_NO_ECHO_RE = re.compile(r"(?P<neg>不|没)(?P<verb>[\u4e00-\u9fff]{1,3}?)(?:[的了]?[呢哦啊呀哈嘛喔~～]*)(?=[！!，,。；;\s]|$)")


_NO_SCOPE_RE = re.compile(r"同时|一并|一起|都|均|全部|全都|所有|一定|总是|每")


def _no_echoed(text: str, m: re.Match, q: str, particle: re.Match, a: int) -> list[tuple[int, str]] | None:
    """The characters to rewrite so that a yes/no question asked with a final particle and the answer at text[a:] that
    says no by echoing the question's verb after a negation read as the statement the answer makes: the negation put
    before the question's verb, the rest of the question moved on into the place of its particle and question mark
    (`早停需要验证集吗？B：不需要` → `早停不需要验证集`); a question that already holds the negation the answer echoes
    (`L1 不会产生稀疏解吧？B：不会`) reads as it asks. None when the answer echoes no verb of the question."""
    no = _QA_NO_ECHO_RE.match(text, a)
    if no is None:
        return None
    q0, q1 = m.span("q")
    neg, verb = no.group("neg"), no.group("verb")
    v = q.rfind(verb, 0, particle.start())
    if v <= 0 or not q[:v].strip() or q.count(verb, 0, particle.start()) > 1:
        return None  # (nor when the verb's characters stand twice: `KNN 算聚类算法吗？不算`, the 算 of 算法 is no verb)
    if not q[v + len(verb):particle.start()].strip():
        return None  # (a verb that ends the question judges the whole of it, `降到 5 维行吗？不行`: the no is no statement)
    if q[:v].rstrip().endswith(("，", ",")):
        return None  # (a tag question, `精确率 = …，对吗？客服：不对`: its no denies what is asked, which stays asked)
    blank = [(k, " ") for k in range(q0 + particle.start(), q1)] + [(k, " ") for k in range(m.start("qm"), no.end())]
    if q[:v].rstrip().endswith(neg):
        return blank  # (the question's own negation, which the answer says again)
    if _NO_SCOPE_RE.search(q, v, particle.start()) or q[v + len(verb):particle.start()].lstrip().startswith("被"):
        return None  # (`能同时解决 A 和 B 吗？不能`: the no denies the both, not the verb; `会被 BP 罚吗？不会`: the
        # negation would stand before the agent, out of the reach of the property said after it)
    if neg == "没" and q[v - 1] == "有":
        return blank + [(q0 + v - 1, neg)]  # (`有必要…吗？没必要`: 有 gives way to 没)
    if _QA_NO_RE.search(q, 0, particle.start()):
        return None  # (a question with a negation of its own elsewhere: which one the answer denies is not clear)
    # (the question from its verb on, one place on: `需要验证集` into `不需要验证集`)
    moved = [(q0 + k + 1, q[k]) for k in range(v, particle.start())]
    return blank + moved + [(q0 + v, neg)]


@lru_cache(maxsize=4096)
def merges_at(text: str, at: int) -> bool:
    """Whether the claim reader reads the question that ends at text[at] (its question mark) and the answer after it as
    one statement (`_answered_inline`): not a question of why or how, nor one answered no or at length. (Remembered:
    every claim rule that reads an answering turn asks it of the same pair of lines.)"""
    chars = _answered_inline(text, None)
    return chars is not None and chars[at] != text[at]


def answered_view(text: str) -> str:
    """`text` with each question and its answer on one line read as the statement they make together
    (`_answered_inline`: `主持人：两个 3×3 卷积堆叠，感受野多大？选手：6×6。` → `… 感受野 是 6×6。`), position for
    position; `text` itself when it holds none. The pattern and co-occurrence kinds read a line so (kinds.py), as the
    claim kind does; a sentence in the classical register is read in the modern one first (`classical_view`)."""
    text = classical_view(text)
    chars = _answered_inline(text, None, every=True)
    return text if chars is None else "".join(chars)


# a question and the sentence after it with no labels (`正负样本 1:99，该看什么指标？准确率最可靠。`): read as one by a pattern
# when the answer is a short phrase (`_short_answer`)
_PAIR_QA_RE = re.compile(r"(?:^|(?<=[。！!？?；;\n]))(?P<qlab>[ \t]*)(?P<q>(?:[^？?\n。！!；;：:]|(?<=\d):(?=\d)){2,80}?)"
                         r"(?P<qm>[？?][ \t]*(?:(?:答案?|回答)[ \t]*[:：][ \t]*)?)(?=[^\s？?])")


# a request for a value, a formula or a list and the answer given under another speaker's label (`主持人：请写出 GELU 的
# 公式。选手：x·sigmoid(x)`, `考官：请说出三个深度学习框架。考生：…`)
_REQUEST_QA_RE = re.compile(
    r"(?P<qlab>(?:\*\*)?[ \t]*(?P<asker>Q\d{0,2}|问|问题|题目|提问|" + _ASKING_LABEL + r"|" + SPEAKERS + r")[ \t]*(?:\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?[ \t]*"
    r"请[ \t]*(?:你|您|大家|选手|考生|候选人)?[ \t]*(?:说出|列举|列出|写出|举出|给出|说说|写下|解释|说明|介绍|描述|讲讲|讲一讲|讲解)(?:一下)?[ \t]*"
    r"(?:[一二两三四五六七八九十0-9]+[ \t]*(?:个|种|项|条|类)?)?[ \t]*)"
    r"(?P<q>[^。！!？?\n:：|｜，,；;]{2,30}?)"
    r"(?P<qm>[ \t]*[。.：:]?[ \t]*(?:\*\*)?[ \t]*(?P<answerer>A\d{0,2}|答|回答|" + ANSWER_QUALIFIER + r"(?:回答|答案)|" + SPEAKERS + r")[ \t]*(?:\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?[ \t]*)"
    r"(?=[^\s*])")


def _request_answer(text: str, m: re.Match, names: Callable[[str, int, int], Sequence[Mention]] | None) -> list[tuple[int, str]] | None:
    """The characters to rewrite so that a request and the answer given to it (`_REQUEST_QA_RE`) read as the statement
    they make together (`请写出 GELU 的公式。选手：x·sigmoid(x)` → `GELU 的公式 是 x·sigmoid(x)`), as `_inline_answer` reads a
    question of what; None when the same speaker goes on, or the answer says no or makes a claim of a term of its own."""
    if m.group("asker") == m.group("answerer") or _QA_NO_RE.match(text, m.end()) or _QA_FULL_ANSWER_RE.match(text, m.end()):
        return None
    if _claims_own(text, m.end(), names):
        return None
    qm = m.span("qm")
    return [(k, " ") for k in range(*m.span("qlab"))] + [(qm[0], "是")] + [(k, " ") for k in range(qm[0] + 1, qm[1])]


def _pair_answered(text: str, m: re.Match) -> bool:
    """Whether a question and the sentence after it (`_PAIR_QA_RE`) read as one: the question asks for one value
    (`_asked_for`), how a thing changes, or yes or no (not whether the statement before it is right, `…，对吗？`, which the
    text layer reads; nor a question quoted), or is asked by its tone and answered yes; and the answer is short."""
    q = m.group("q")
    if any(c in q for c in "“”「」『』\"") or _TAG_ASKED_RE.search(q):
        return False
    asks = _asked_for(q) is not None or _CHANGE_ASK_RE.search(q) is not None or _QA_YES_NO_RE.search(q) is not None \
        or (_QA_ASKS_RE.search(q) is None and _QA_YES_RE.match(text, m.end()) is not None) \
        or ("还是" in q and _alternative_chosen(text, m) is not None)
    return asks and _short_answer(text, m.end())


# a question that asks whether the statement before it is right (`…，对吗`, `…，是不是`)
_TAG_ASKED_RE = re.compile(r"[，,]\s*+(?:这)?(?:对|是|没错|正确|对不对|是不是|行不行|可以|可不可以|成立)(?:吗|吧|么|嘛)?\s*+$")


def _short_answer(text: str, a: int) -> bool:
    """Whether the answer at text[a:] opens with a short phrase that says nothing of its own (no copula, no
    negation: `准确率最可靠`, `输出更确定`, `是的`), as a value or a yes does."""
    phrase = text[a:_phrase_end(text, a)]
    return 0 < len(phrase.strip()) <= 16 and (_QA_ECHO_RE.match(phrase) is not None or _QA_YES_RE.match(phrase) is not None
                                               or _QA_NO_ECHO_RE.match(phrase) is not None
                                               or not _OWN_CLAIM_RE.search(phrase))


# a chat's time stamp: bracketed (`[10:02]`), or beside a role's label (`客服 10:03：`, `10:02 用户：`)
_TIMESTAMP_RE = re.compile(r"[\[【(（]\s*+(?:\d{4}-\d{1,2}-\d{1,2}\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*+[\]】)）]"
                           r"|(?<=[\u4e00-\u9fff])[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?=[:：])"
                           r"|(?:^|(?<=[。！!？?\n]))[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?=(?:" + ROLES + r")[ \t]*[:：])")


def _answered_inline(text: str, chars: list[str] | None, every: bool = False,
                     names: Callable[[str, int, int], Sequence[Mention]] | None = None) -> list[str] | None:
    """`chars` (the characters of `text` as read so far, None when unchanged) with each question and its answer on one
    line, or reported in one sentence, read as the statement they make together (`_inline_answer`; an A-not-A question
    there is the text layer's to split). Not a count or a question of several clauses, which the claim reader reads
    the answer into (`_with_answers`), unless `every` (a pattern reads them as the others)."""
    if (":" in text or "：" in text) and any(c.isdigit() for c in text):
        for t in _TIMESTAMP_RE.finditer(text):  # (`用户 [10:02]：…`: a chat's time stamp is read past)
            chars = chars or list(text)
            chars[t.start():t.end()] = " " * (t.end() - t.start())
    text = "".join(chars) if chars is not None else text  # (the questions are read in the text as read so far)
    asked = []
    if ("？" in text or "?" in text) and ("：" in text or ":" in text):
        asked.append((_INLINE_QA_RE, True))
    if "？" in text or "?" in text:
        # (the claim kind reads only an alternative question, or a yes/no one answered yes, so: `_alternative_chosen`,
        # `_yes_no_inline`)
        asked.append((_PAIR_QA_RE, True))
    if "请" in text and ("：" in text or ":" in text):
        asked.append((_REQUEST_QA_RE, False))
    if "问" in text and ("我" in text or "记" in text or "背" in text or "你" in text):
        asked.append((_ASKED_TURN_RE, False))
    if "问" in text and any(q in text for q in ("？”", "?”", "？\"", "?\"", "？」", "？』")):
        asked.append((_QUOTED_QA_RE, True))
    for rx, a_not_a in asked:
        for m in rx.finditer(text):
            if rx is _QUOTED_QA_RE and (_QA_ASKS_RE.search(m.group("q")) or _BARE_REPLY_RE.match(text, m.end()) is None):
                # (a quoted question that asks for a value: its answer is read into it, _with_answers; one answered at
                # length, `“…能并行吗？”能，每个…`: the answer is a sentence of its own, about what the question asks)
                continue
            if rx is _INLINE_QA_RE and not every and ((_COUNT_ASK_RE.search(m.group("q")) and _count_opens(m.group("q"), text, m.end()))
                                        or (_QA_ASKS_RE.search(m.group("q")) and _CLAUSE_MARK_RE.search(m.group("q")))):
                # (`Q：LSTM 有几个门？A：两个。`: a count is read into its place, `LSTM 有 两个 门`, by _with_answers; so is
                # the value a question of several clauses asks for, `你们用了混合精度，具体混的是什么？答：…`)
                continue
            if rx is _PAIR_QA_RE and (not _pair_answered(text, m) or not (every or _alternative_chosen(text, m) or _yes_answered(text, m))):
                continue  # (`什么是 BN？BN 是…`: an answer of its own sentence reads on its own)
            if rx is _REQUEST_QA_RE:
                merged = _request_answer(text, m, names)
            else:
                merged = _inline_answer(text, m, a_not_a, names)
            if merged is not None:
                chars = chars or list(text)
                for k, c in merged:
                    chars[k] = c
    return chars


# what a thing is moved or changed from (`Adam 已从“二阶优化”一栏移到 first-order 一栏`, `由 0.9 改为 0.99`): what it was,
# not what it is
_MOVED_FROM_RE = re.compile(r"(?:从|由(?!于))\s*+(?P<from>[“\"「『][^”\"」』，,。；;\d]{1,24}[”\"」』]|[^，,。；;\s“”\"「」『』\d]{1,16}?)\s*+"
                            r"(?:一栏|栏目?|分类|类别|类|列表|分组|组|章节|一节|部分)?(?:中|里|下)?\s*+"
                            r"(?:移到|移至|移入|挪到|调整到|调整为|改到|改为|改成|更正为|修正为|迁移到|迁到|归到|归入|划到|划入)")


# a thing telling of itself (`我是 GroupNorm，…`, `作为一个 BN 层，我…`) at the start of a line or sentence
_SELF_NAMED_RE = re.compile(r"(?:^|(?<=[。！!？?\n]))[ \t]*(?P<lead>(?P<am>我是)|(?P<as>作为))[ \t]*(?:一个|一种|一位|一名|一层|一款|一条)?[ \t]*"
                            r"(?P<name>[^，,。；;：:！!？?\n]{1,30}?)[ \t]*(?P<comma>[，,])")
# words that make what 我是 names a person, not the thing (`我是 BERT 的用户`, `我是做 NLP 的`, `我是第一次用 Adam`)
_SELF_NAME_NOT_RE = re.compile(r"[用做说在把被想觉认会要能让使学看给对跟和与第人者员师生家手迷粉]|\d")
# (作为 X，我…: the first person follows at once)
_SELF_AS_I_RE = re.compile(r"[ \t]*我(?!们)")


def _moved_from(text: str, chars: list[str] | None) -> list[str] | None:
    """`chars` with what each thing is moved or changed from blanked (`_MOVED_FROM_RE`)."""
    if "从" not in text and "由" not in text:
        return chars
    for m in _MOVED_FROM_RE.finditer(text):
        chars = chars or list(text)
        for k in range(*m.span("from")):
            chars[k] = " "
    return chars


# a situation asked about by its tone alone and then answered by what to do (`遇到梯度消失？换成 Adam 即可。`): the two read
# as one sentence, the situation then the advice (not a wish, `想要稀疏权重？用 L2 就对了，…`: the answer states on its own)
_CONDITION_ASKED_RE = re.compile(r"(?:^|(?<=[。！!？?\n：:]))\s*+(?:(?:训练|推理|部署|实验)?(?:中|时)?\s*+)?(?:遇到|碰到|出现|发现)"
                                 r"[^。！!？?\n：:]{1,40}?(?P<qm>[？?])(?=\s*[^\s？?])")
_CONDITION_NOT_ASKED_RE = re.compile(_QA_ASKS_RE.pattern + "|" + _QA_WHY_RE.pattern + "|" + _QA_YES_NO_RE.pattern + r"|呢|吗|么")


def _condition_asked(text: str, chars: list[str] | None) -> list[str] | None:
    """`chars` with the question mark of each condition asked by its tone alone (`_CONDITION_ASKED_RE`) read as a comma,
    when the question asks nothing else (no interrogative, no 吗 or 呢)."""
    if "？" not in text and "?" not in text:
        return chars
    for m in _CONDITION_ASKED_RE.finditer(text):
        if _CONDITION_NOT_ASKED_RE.search(text, m.start(), m.start("qm")):
            continue
        chars = chars or list(text)
        chars[m.start("qm")] = "，"
    return chars


# a sentence in the classical (文言) register, told by two or more kinds of its function words: the possessive 之 (`池化层之参数`),
# 之 as an object closing a clause (`余约略估之，`), a final 也 or 耳 (`…之器也。`, `…一半耳；`), 焉 or 矣, a topic's 者 (`GELU 者，`),
# 皆 (all), 亦 (also), 乃 (is), and 盖 (for) before a reason (`盖其…`); not the 之 of modern compounds (`之后`, `之间`, `总之`)
_CLASSICAL_SENTENCE_RE = re.compile(r"[^。！!？?；;\n]+")
_CLASSICAL_ZHI = r"(?<![总随加反言使令致为])之(?!后|前|间|一|外|内|中|上|下|际|类|所以|处|多|久|遥|余|至|极|称|说|乎|字|和|差|比|积|商|首|最|[，,。；;！!？?])"
# (the possessive 之, `池化层之参数`; 皆; 亦; 盖 before a reason, `盖其…`: marks of the register and words it reads)
_CLASSICAL_OF_RE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9)）\s])" + _CLASSICAL_ZHI + r"(?=\s*+[\u4e00-\u9fffA-Za-z(（])")
_CLASSICAL_ALL_RE = re.compile(r"皆")
_CLASSICAL_ALSO_RE = re.compile(r"亦(?!步亦趋)")
_CLASSICAL_FOR_RE = re.compile(r"(?<![覆涵掩遮铺])盖(?=其|因|以|此)")
_CLASSICAL_MARKS = (
    ("zhi", _CLASSICAL_OF_RE),
    ("zhi-object", re.compile(r"(?<=[\u4e00-\u9fff])(?<![总随加反言使令致为])之(?=[，,。；;])")),
    ("final", re.compile(r"(?<=[\u4e00-\u9fff])(?:也|耳)(?=\s*+(?:[，,。；;！!]|$))|焉|矣")),
    ("topic", re.compile(r"(?<![前后或作读学患记用笔二两三四再或])(?<=[\u4e00-\u9fffA-Za-z0-9)）\s])者\s*+[，,]")),
    ("all", _CLASSICAL_ALL_RE),
    ("also", _CLASSICAL_ALSO_RE),
    ("is", re.compile(r"乃(?!至)")),
    ("for", _CLASSICAL_FOR_RE),
    # (the writer's own view, `余以为`, `窃谓`; another's, `或曰`; a view rejected, `此误也`, `此说颠倒矣`; a conclusion, `故曰`)
    ("view", re.compile(r"(?:^|(?<=[，,。；;：:？?！!\s]))(?:余|窃|吾)(?:尝|亦|乃)?(?:以为|谓)|(?:^|(?<=[。；;！!？?\s]))或(?:曰|谓|言|以为)"
                        r"|(?<=[，,；;])(?:此|是)(?:说|论|言)?(?:大)?(?:误|谬|非)(?=也|矣)|故曰")),
    # (a comparison said by 较 X 为多, `反较全连接层为多`)
    ("compare", re.compile(r"较[^，,。；;！!？?\n]{1,20}?为(?=[多少大小高低快慢强弱优劣])")),
    # (the writer, 余 or 吾, opening a clause with a verb: `余读…`, `吾尝试…`)
    ("writer", re.compile(r"(?:^|(?<=[，,。；;：:？?！!\s]))(?:余|吾)(?:尝|乃|亦)?(?=读|观|训|设|数|择|试|调|近|初|答|辨|算|见|疑|谓|以|倍)")),
)
# what each word of the register says in the modern one, position for position (a possessive 之 as 的, 皆 as 都, 亦 as 也,
# 乃 as 是, 盖 as 因); a reading shorter than its span keeps its first character in place and its others at the span's end
# (`此说误也` -> `这 不对`), None blanks the span; 之 in a modern compound stays
_CLASSICAL_READ: tuple[tuple[re.Pattern[str], str | None], ...] = (
    # (a view rejected, `此误也`, `此说颠倒矣`, `非也`: as `这不对`, which the reading of a rejected answer knows)
    (re.compile(r"(?<=[，,；;])(?:此|是)(?:说|论|言)?(?:大)?(?:误|谬|非)(?:也|矣)"), "这不对"),
    (re.compile(r"(?<=[，,；;])非也"), "不对"),
    # (the writer's own view, `余以为`, `窃以为`: stated, as `我认为` states it; the writer opening a clause, as 我)
    (re.compile(r"(?:^|(?<=[，,。；;：:？?！!\s]))(?:余|窃|吾)(?:尝|亦|乃)?以为"), "我认为"),
    (re.compile(r"(?:^|(?<=[，,。；;：:？?！!\s]))(?:余|窃|吾)谓"), "认为"),
    (re.compile(r"(?:^|(?<=[，,。；;：:？?！!\s]))(?:余|吾)(?=[\u4e00-\u9fff])(?![弦下额量项数为者热震])"), "我"),
    # (another thing put in, `易一 Adam`: 换; `尽除`: 消除; `是谓`: 叫做; `一般无二`: 完全相同)
    (re.compile(r"(?<![容不轻简难交贸变])易(?=\s?(?:一\s?)?[A-Za-z])"), "换"),
    (re.compile(r"尽除|尽去"), "消除"),
    (re.compile(r"是谓"), "叫做"),
    (re.compile(r"一般无二|毫厘不差|全无二致"), "完全相同"),
    (re.compile(r"无二致"), "相同"),
    # (the writer approving of what was said, `余深然之：`: as `我很同意：`)
    (re.compile(r"(?<=[我余吾])(?:深|颇|甚)然之(?=\s*+[：:，,])"), "很同意"),
    (re.compile(r"(?<=[我余吾])然之(?=\s*+[：:，,])"), "同意"),
    # (之于 as 对于: `自注意力之于长文本`)
    (re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9)）\s])之于"), "对于"),
    # (one thing dropped for another, `舍 ReLU 而就 sigmoid`: as `舍 ReLU 改用 sigmoid`)
    (re.compile(r"(?:(?<=[A-Za-z0-9)）]\s)|(?<=[A-Za-z0-9)）]))而就(?=\s?[A-Za-z])"), "改用"),
    (re.compile(r"(?<![因如彼从自据藉多])此(?!外|一举)"), "这"),
    # (a verb of one character after a word that tells it, `随尺寸而增`, `长度之增`, `能减计算量`, `并解二患`: the verb in two)
    (re.compile(r"(?:而|之)增(?![加长大强益多减])"), "增加"),
    (re.compile(r"(?:而|之)减(?![少小弱轻低缓增])"), "减少"),
    (re.compile(r"(?:能|可)减(?=[\u4e00-\u9fffA-Za-z])(?![少小弱轻低缓去])"), "减少"),
    (re.compile(r"(?:能|可)省(?=[\u4e00-\u9fffA-Za-z])(?![去掉略下])"), "节省"),
    (re.compile(r"(?:能|可)增(?=[\u4e00-\u9fffA-Za-z])(?![加长大强益多])"), "提高"),
    (re.compile(r"(?:并|兼|俱|尽)解(?![释码读析除决])"), "解决"),
    (re.compile(r"俾"), "使"),
    (re.compile(r"愈"), "越"),
    # (a sentence's closing particle, `…之器也。`: read away; 矣 as 了; 盖 opening a clause without a reason after it)
    (re.compile(r"(?<=[\u4e00-\u9fff\w)）\s])(?:也|耳|焉)(?=\s*+(?:[。；;！!]|$))"), None),
    (re.compile(r"(?<=[\u4e00-\u9fff\w)）])矣(?=\s*+(?:[，,。；;！!]|$))"), "了"),
    # (single-character verbs of the register, read with the word they stand for, position for position: 胜之 closing a
    # clause as 胜过 (`于一切任务皆胜之`); a verb with 其 and its object, `减其学习率`, as 减小; a rise or fall closing a
    # clause after 而, `随温度而升`, as 升高 (而增 and 而减 are read above, as 增加 and 减少); 众 or 寡 after 越, `样本愈众`, as 多 or 少; 复忧 as 担心; 上扬 as 上升;
    # 而后 as 然后, 步步 as 逐步, 伊始 as 开始, 置 before what is set as 设)
    (re.compile(r"胜之(?=\s*+(?:[，,。；;！!？?]|$))"), "胜过"),
    (re.compile(r"(?<=[\u4e00-\u9fff\s])减其(?=\s*+[\u4e00-\u9fffA-Za-z])"), "减小"),
    (re.compile(r"(?<=[\u4e00-\u9fff\s])降其(?=\s*+[\u4e00-\u9fffA-Za-z])"), "降低"),
    (re.compile(r"(?<=[\u4e00-\u9fff\s])增其(?=\s*+[\u4e00-\u9fffA-Za-z])"), "增大"),
    (re.compile(r"(?<=[\u4e00-\u9fff\s])升其(?=\s*+[\u4e00-\u9fffA-Za-z])"), "升高"),
    (re.compile(r"而升(?=\s*+(?:[，,。；;！!？?]|$))"), "升高"),
    (re.compile(r"而降(?=\s*+(?:[，,。；;！!？?]|$))"), "降低"),
    (re.compile(r"(?<=[愈越])众"), "多"),
    (re.compile(r"(?<=[愈越])寡"), "少"),
    (re.compile(r"复忧|深忧"), "担心"),
    (re.compile(r"上扬"), "上升"),
    (re.compile(r"而后"), "然后"),
    (re.compile(r"步步"), "逐步"),
    (re.compile(r"伊始"), "开始"),
    (re.compile(r"(?<![设位放配布处装前后倒重搁安内外闲弃购])置(?=\s*+[一较为])"), "设"),
    # (之 as the object of the verb before it, closing its clause, `皆胜之，`, or before the closing particle, `助长之也。`: 它)
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<![总随加反言使令致为久要换])之(?=(?:也|耳|矣)?\s*+(?:[，,。；;！!？?]|$))"), "它"),
    (re.compile(r"乃(?=[知悟易施倍得使令取用改换设置复])"), "就"),  # (乃 before a verb, `乃用…`: then)
    (_CLASSICAL_OF_RE, "的"),
    (_CLASSICAL_ALL_RE, "都"),
    (_CLASSICAL_ALSO_RE, "也"),
    (re.compile(r"乃(?!至|[是用施以知在将把可能得由有使令从自])"), "是"),  # (not 乃 before a verb, `乃用…`: then; nor 乃是, whose 是 is there)
    (_CLASSICAL_FOR_RE, "因"),
    # (为 as a copula, `本为一物`, `皆为 basic block`: not 以为, 认为, 成为, 作为, 因为, 混为一谈, 分为, 变为 and the like, nor 为了 or 为何)
    # (nor the 为 of a passive, `不为噪声所扰`: by)
    (re.compile(r"(?<![以认成作因称视较而行与之所难可更最甚极混分变转改设记归列化合译换])为(?![了何什止主])(?![^，,。；;]{1,8}?所)"), "是"),
    # (其 as 它, `其前馈层…`: not 其中, 其他, 其实 (but 其实现, its implementation), 其余, 其次, 其间, 尤其, 极其, 与其)
    (re.compile(r"(?<![尤极与])其(?![中他它余次间]|" + _QI_SHI + r")"), "它"),
    # (于 opening a phrase of place or range, `于 x < 0 时`, `于原点处`: as 在; not the 于 of 由于, 对于, 等于, 大于…)
    (re.compile(r"(?:(?<=[，,：:；;\s])|^)于(?=\s*+[\u4e00-\u9fffA-Za-z0-9(（])"), "在"),
    (re.compile(r"唯(?!一|物|美|心|有)"), "只"),  # (唯 as 只: only)
    (re.compile(r"(?<![一\d])二(?=[门者患层种类步个])"), "两"),  # (二 before what it counts, `二门`, `二者`)
    (re.compile(r"(?<![规否原法准细实然])则(?![是为])"), "就"),  # (则 as 就: then)
    (re.compile(r"(?:^|(?<=[，,。；;：:\s]))盖(?=\s?[\u4e00-\u9fffA-Za-z])"), None),
)
# `以 X 为 Y` (`以 ReLU 为激活`): as `用 X 作 Y`, position for position (not 以为, 可以, 所以, 足以, 难以, 得以, 加以, 予以)
_CLASSICAL_USE_AS_RE = re.compile(r"(?<![可所足难得加予])以(?=[^，,。；;！!？?为以\n]{1,16}?为(?![了何什]))")
# a topic said by 者 and what it is by the clause after it, closed by 也 or 耳 (`ReLU 者，线性函数也`): as `ReLU 是线性函数`,
# 者 blanked and its comma read as 是 (not 或者, 作者, 前者, 二者 and the like)
_CLASSICAL_TOPIC_RE = re.compile(r"(?<![前后或作读学患记用笔二两三四再])(?<=[\u4e00-\u9fffA-Za-z0-9)）\s])(?P<zhe>者)\s*+(?P<comma>[，,])"
                                 r"(?=[^，,。；;！!？?\n]{1,40}?(?:也|耳)\s*+(?:[，,。；;！!]|$))")
# `非 X 所能 V` (`非易一 Adam 所能尽除`): what X cannot do, as `X 不能 V` (非 blanked, 所能 read as 不能)
_CLASSICAL_CANNOT_RE = re.compile(r"(?<![是并而])非(?=[^，,。；;！!？?\n非所]{1,16}?所能)(?:[^，,。；;！!？?\n非所]{1,16}?)(?P<can>所能)")
# `较 X 为多` (`反较全连接层为多`): as `比 X 更多`, position for position
_CLASSICAL_COMPARE_RE = re.compile(r"较(?=[^，,。；;！!？?\n]{1,20}?为[多少大小高低快慢强弱优劣])[^，,。；;！!？?为\n]{1,20}?为")
CLASSICAL_HINT_RE = re.compile(r"之|皆|亦|乃|盖|焉|矣|耳|者|余|窃|吾|或|此|也|较")


def _classical(text: str, chars: list[str] | None) -> list[str] | None:
    """`chars` with each sentence in the classical register (`_CLASSICAL_MARKS`, two kinds or more, or the possessive 之 twice) read in the modern one,
    position for position (`_CLASSICAL_READ`): `池化一层，亦有可学习之参数…也。` says what `池化一层，也有可学习的参数…` does."""
    if CLASSICAL_HINT_RE.search(text) is None:
        return chars
    spans = []
    for sm in _CLASSICAL_SENTENCE_RE.finditer(text):
        a, b = sm.span()
        kinds = sum(1 for _, rx in _CLASSICAL_MARKS if rx.search(text, a, b))
        if kinds == 1 and len(_CLASSICAL_OF_RE.findall(text, a, b)) >= 2:
            kinds = 2  # (the possessive 之 twice: `门控之值…，故 LSTM 之门当用 tanh`)
        if kinds:
            spans.append((a, b, kinds))
    # (the register is the passage's: a sentence with one mark beside a sentence in the register is read in it too,
    # `余以为…二患，易一 Adam 即可尽除。盖 Adam …亦能…也。`, `…同功；设 …，则…，即 IN 也。`)
    passage = any(kinds >= 2 for _, _, kinds in spans)
    for a, b, kinds in spans:
        if kinds < 2 and not passage:
            continue
        chars = chars or list(text)
        for m in _CLASSICAL_USE_AS_RE.finditer(text, a, b):
            chars[m.start()] = "用"
            chars[text.index("为", m.start())] = "作"
        for m in _CLASSICAL_CANNOT_RE.finditer(text, a, b):
            chars[m.start()] = " "
            chars[m.start("can"):m.start("can") + 2] = ["不", "能"]
        for m in _CLASSICAL_TOPIC_RE.finditer(text, a, b):
            after = text[m.end("comma"):m.end("comma") + 1]
            if after in ("皆", "亦"):  # (`此数者，皆 Y 也`: `这些都是 Y`, 皆 or 亦 read before the 是)
                chars[m.start("zhe")], chars[m.start("comma")], chars[m.end("comma")] = "都" if after == "皆" else "也", "是", " "
                continue
            chars[m.start("zhe")] = " "
            chars[m.start("comma")] = "是" if after != "乃" else " "
        for m in _CLASSICAL_COMPARE_RE.finditer(text, a, b):
            chars[m.start()] = "比"
            chars[m.end() - 1] = "更"
        for rx, word in _CLASSICAL_READ:
            for m in rx.finditer(text, a, b):
                s, e = m.span()
                if chars[s:e] != list(text[s:e]) or (word is not None and len(word) > e - s):
                    continue  # (read already)
                chars[s:e] = list(" " * (e - s) if word is None else word[0] + " " * (e - s - len(word)) + word[1:])
    return chars


def classical_view(text: str) -> str:
    """`text` with each sentence in the classical register read in the modern one (`_classical`), position for position;
    `text` itself when it has none."""
    chars = _classical(text, None)
    return text if chars is None else "".join(chars)


def _rhetorical(text: str, chars: list[str] | None) -> list[str] | None:
    """`chars` with each rhetorical question that asserts what it asks of with a negation read as that assertion
    (`难道 BERT 不是自回归模型吗？`: its 难道, the 不 and the question mark read away)."""
    if "难道" not in text:
        return chars
    for m in _RHETORICAL_RE.finditer(text):
        chars = chars or list(text)
        for k in (*range(*m.span("lead")), *range(m.start("neg"), m.start("neg") + 1), *range(*m.span("particle"))):
            chars[k] = " "
        chars[m.start("qm")] = "。"
    return chars


class ClaimReader:
    """Reads the claims of prose against claim specs (see the module docstring)."""

    def __init__(self, glossary: Glossary, layer: TextLayer | None = None, timeout: float | None = None,
                 shortcuts: bool = True):
        """`timeout`: seconds per regex search (a rule pack's patterns are bounded like every other rule's);
        a search that takes longer raises TimeoutError. `shortcuts=False` reads every sentence of a text
        that holds a phrasing of the property (the plain reading the shortcuts must agree with: the
        literal filter, the sentences without a phrasing skipped, one alternation for all phrasings)."""
        self.glossary = glossary
        self.shortcuts = shortcuts
        self.layer = layer or TextLayer(glossary.words)
        self.timeout = timeout
        self._cache: dict[tuple, object] = {}
        self._plain_of: dict[str, str] = {}  # a text _copula changed -> the text it read (the texts of the last few calls)
        # per property (keyed by the identity of its tuple of phrasings, kept alive beside the value: hashing
        # the tuple hashes every phrasing, and these are looked up for every sentence a rule reads)
        self._alternation: dict[int, tuple[tuple, tuple[regex.Pattern, ...]]] = {}  # _any_rx
        self._filters: dict[int, tuple[tuple, _PropertyFilter | None]] = {}  # literals.py's factors

    def findings(self, text: str, spec: ClaimSpec, start: int = 0, end: int | None = None,
                 topic: frozenset[str] | None = None, lead: Lead | None = None) -> list[tuple[int, int]]:
        """[start, end) spans of `text` that state the spec's wrong claim, one per sentence. `topic`: the
        term(s) the text is about when it names none (an answer under a question that names one term).
        `lead`: what the lines before it in its paragraph hand on (`carry_out`), when `text` goes on from them
        (`GPT 基于解码器。⏎它是双向的…`: 它 is GPT, as it would be on one line)."""
        read = self._copula(text)
        squeezed = self._squeezed(text, read)
        if squeezed is None:
            return self._findings_of(read, spec, start, end, topic, lead)
        short, index = squeezed
        hits = self._findings_of(short, spec, bisect.bisect_left(index, start),
                                 None if end is None else bisect.bisect_left(index, end), topic, lead)
        return [(index[s], index[e - 1] + 1) for s, e in hits]

    def _squeezed(self, text: str, read: str) -> tuple[str, list[int]] | None:
        """`read` (`text` as `_copula` reads it) with the blanks the reading put in each run of blanks dropped (one kept
        when the text had none there), and where each of its characters stands in `read`; None when it put none. The
        blanks a reading puts in place of labels and asking words (`用户 [10:02]：BN 推理时用什么统计量？客服：…` →
        `BN 推理时用  统计量是           当前 batch…`) would otherwise count against the few characters a phrasing allows
        between its words."""
        key = ("squeeze", read)
        if key not in self._cache:
            runs = [m for m in _BLANK_RUN_RE.finditer(read) if any(text[k] not in " \t" for k in range(*m.span()))]
            got: tuple[str, list[int]] | None = None
            if runs:
                index: list[int] = []
                pos = 0
                for m in runs:
                    index.extend(range(pos, m.start()))
                    # (the blanks the text had, inline code masked among them, stay: a word of code is a word)
                    kept = [k for k in range(*m.span()) if text[k] in " \t"]
                    index.extend(kept or [m.start()])
                    pos = m.end()
                index.extend(range(pos, len(read)))
                short = "".join(read[k] for k in index)
                plain = self._uncopula(read)
                if len(plain) == len(read) and plain != read:
                    self._plain_of[short] = "".join(plain[k] for k in index)
                got = (short, index)
            self._remember(key, got)
        return self._cache[key]  # type: ignore[return-value]

    def _findings_of(self, text: str, spec: ClaimSpec, start: int, end: int | None,
                     topic: frozenset[str] | None, lead: Lead | None) -> list[tuple[int, int]]:
        """`findings` in `text` as `_copula` read it."""
        out: list[tuple[int, int]] = []
        stop = len(text) if end is None else end
        if not self.shortcuts:
            return self._plain_findings(text, spec, start, end, topic, lead)
        readings = self._readings(text)
        flt = self._filter(spec) if spec.predicates else None
        # (the strings are looked for in every reading of the text; none when one does not lower in place)
        lows = tuple(self._lower(t) for t in readings) if flt is not None else ()
        unit_ok: bool | None = True  # a phrasing of the property somewhere in the text (None: not looked for yet)
        near: _Present | None = None  # where the strings the phrasings need begin
        if flt is not None and None not in lows:
            near = flt.present(lows, start, stop)  # type: ignore[arg-type]
            if not near.within(start, stop):
                # no phrasing of the property has all it needs: none of them can match, but an answer read into the
                # question before it may (`IoU 的分母是什么？就是两个框的面积相加。`)
                return self._answers_only(text, spec, start, end)
            unit_ok = None
        elif spec.predicates and not any(rx.search(t, start, stop, timeout=self.timeout) for rx in self._any_rx(spec)
                                         for t in readings):
            # no phrasing of the property anywhere (every clause ends with its separator, so none inside one)
            return self._answers_only(text, spec, start, end)
        sents = self._sentences(text, start, end)
        carry, topic = _led(topic, lead)  # what a sentence that begins with 它 is about: the previous sentence's subject
        read = 0
        for i, sent in enumerate(sents):
            # a supposition's consequent states a claim; a sentence without a phrasing of the property in a
            # statement clause states none
            if sent.kind not in ("statement", "supposed") or (near is not None and not near.within(sent.start, sent.end)) \
                    or not self._may_state(text, sent, spec, near):
                continue
            if unit_ok is None:
                unit_ok = any(rx.search(t, start, stop, timeout=self.timeout) for rx in self._any_rx(spec)
                              for t in readings)
            if not unit_ok:
                break
            for k in range(read, i):  # the subjects of the sentences before it, read only when needed
                carry = self._next_carry(text, sents[k], carry, k > 0 or lead is not None)
                if carry is not None and not carry:
                    topic = None  # a thing of its own was defined: sentences without a term are about it
            read = i
            said = self._number_carry(text, sents, i, spec, carry)
            asked = self._asked_topic(text, sents, i, topic)
            if i == 0 and lead is not None and lead.asked:
                asked = lead.asked  # `AdamW 是啥？⏎其实就是…`: the line answers the question that ended the line before
            hit = self._sentence(text, sent, spec, asked, said, continued=i == 0 and lead is not None and lead.goes_on)
            if hit:
                out.append(hit)
        return self._with_answers(text, sents, spec, out)

    def _plain_findings(self, text: str, spec: ClaimSpec, start: int, end: int | None,
                        topic: frozenset[str] | None, lead: Lead | None = None) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        text = self._copula(text)
        if spec.predicates and not any(rx.search(t, start, len(text) if end is None else end, timeout=self.timeout)
                                       for rx in spec.predicates for t in self._readings(text)):
            return out
        carry, topic = _led(topic, lead)
        sents = self._sentences(text, start, end)
        for k, sent in enumerate(sents):
            if sent.kind in ("statement", "supposed"):
                said = self._number_carry(text, sents, k, spec, carry)
                asked = self._asked_topic(text, sents, k, topic)
                if k == 0 and lead is not None and lead.asked:
                    asked = lead.asked
                hit = self._sentence(text, sent, spec, asked, said, continued=k == 0 and lead is not None and lead.goes_on)
                if hit:
                    out.append(hit)
            carry = self._next_carry(text, sent, carry, k > 0 or lead is not None)
            if carry is not None and not carry:
                topic = None
        return self._with_answers(text, sents, spec, out)

    def _answers_only(self, text: str, spec: ClaimSpec, start: int, end: int | None) -> list[tuple[int, int]]:
        """The spans of the sentences that answer a question before them (`_with_answers`), in a text whose sentences
        state the spec's claim in none of their own words."""
        if _SLOT_RE.search(text, start, len(text) if end is None else end) is None:
            return []
        return self._with_answers(text, self._sentences(text, start, end), spec, [])

    def _with_answers(self, text: str, sents: list[Span], spec: ClaimSpec, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`out` with the spans of the sentences that answer the question right before them in the text (`1楼：BERT-base
        有多少参数？2楼：大概 3.4 亿。`, `【小陈】T5 是啥架构【小李】decoder-only`) read into it (ClaimReader.answered)."""
        for sent in sents:  # (`问“LLaMA 的 FFN 用什么激活”，标准答案是 ReLU`: a question quoted or told, then its answer)
            if sent.kind not in ("statement", "reported", "question"):
                continue  # (`有同学问…，答案是…`: the ask reported, or the sentence read as one, and its answer after it)
            asked = _told_ask(text, sent.start, sent.end)
            if asked is not None and _SLOT_RE.search(asked.group("q")) is not None:
                hit = self.answered(asked.group("q"), text[asked.end():sent.end], spec, asked=True)
                if hit is not None:
                    out.append((asked.end() + hit[0], asked.end() + hit[1]))
        for i in range(1, len(sents)):
            q, sent = sents[i - 1], sents[i]
            if i > 1 and q.kind == "reported" and sents[i - 2].kind == "question" and _PEOPLE_OPEN_RE.match(text, q.start, q.end) \
                    and _CORRECT_ANSWER_RE.match(text, sent.start, sent.end):
                # (`X 是多少？很多人张口就说 A，太天真了！正确答案是 B`: the answer others give, set aside, then the writer's
                # own, named as the right one, answers the question before them both)
                q = sents[i - 2]
            echo = _echoed_topic(text, q)
            if sent.kind != "statement" or (not _SLOT_RE.search(text, q.start, q.end) and echo is None) \
                    or (q.kind != "question" and not (_TURN_AT_RE.match(text, q.start) and _TURN_AT_RE.match(text, sent.start))) \
                    or any(sent.start <= s < sent.end for s, _ in out) or refuted_next(text, sent.start):
                continue  # (nor an answer the next turn calls wrong: `GRU 有几个门？选手：三个。主持人：很遗憾，…`)
            if echo is not None:  # (`BERT-base 的配置您问？24 层…`: what the listener asked about, echoed, asks what it is)
                hit = self.answered(echo + " 是什么？", text[sent.start:sent.end], spec, asked=True)
                if hit is not None:
                    out.append((sent.start + hit[0], sent.start + hit[1]))
                continue
            # (a question told, `有同学问 LSTM 有几个门，`, asks without its question mark; its telling is no part of it)
            told = _ASK_REPORTED_RE.match(text, q.start, q.end)
            hit = self.answered(text[told.end() if told else q.start:q.end], text[sent.start:sent.end], spec, asked=told is not None)
            if hit is not None:
                out.append((sent.start + hit[0], sent.start + hit[1]))
        return out

    def answered(self, question: str, answer: str, spec: ClaimSpec, asked: bool = False) -> tuple[int, int] | None:
        """The span of `answer` that, put in the place of what `question` asks for, states the spec's wrong claim: a
        question that asks for a thing, a kind or a number in its last clause (`GPT 的预训练目标是什么？`, `T5 是啥架构？`,
        `BERT-base 有多少参数？`, `PPO 属于哪类？`) and an answer that opens with a bare phrase (`MLM，随机遮掉…`,
        `大概 3.4 亿`): the two read together (`GPT 的预训练目标是 MLM`) are what the answer says. `asked`: `question` is an
        item's question, which may go without a question mark."""
        got = _fused(question, answer, asked)
        if got is None:
            return None
        fused, at, length, a = got
        for s, e in self.findings(fused, spec):
            if e > at and s < at + length:
                return a + max(0, s - at), a + min(length, e - at)
        return None

    def _asked_topic(self, text: str, sents: list[Span], k: int, topic: frozenset[str] | None) -> frozenset[str] | None:
        """The topic of sentence k: when the sentence before it asks a question (ending in ？) that names one term (`BERT
        怎么预训练的？`, `1楼：GPT-3 上下文多长？2楼：…`), the sentence that answers it is about that term when it names none
        of its own, as an item's answer is about the term its question names (or about both terms a question names side by
        side, when the answer opens with 两者: `A 和 B 有什么区别？两者都…`); else the topic so far. A short
        exclamation between them that names nothing (`X 怎么算？超简单！…`, `别慌！`), or a short question that echoes the one before
        it (`乙：怎么读？`), is read past."""
        answer = sents[k] if k < len(sents) else None  # (k == len(sents): what the next line answers)
        k -= 1
        while k > 0 and (((_EXCLAIM_RE.fullmatch(text, sents[k].start, sents[k].end)
                           or (_ECHO_ASK_RE.fullmatch(text, sents[k].start, sents[k].end) and sents[k - 1].kind == "question"))
                          and not self._mentions(text, sents[k].start, sents[k].end))
                         or self._short_reply(text, sents[k - 1], sents[k])):
            k -= 1
        if k < 0:
            return topic
        sent = sents[k]
        if sent.kind != "question" or (text[sent.start:sent.end].rstrip(" \t*_”」』\"")[-1:] not in ("？", "?", "：")
                                       and not text[sent.start:sent.end].rstrip(" \t*_，,").endswith("呢")
                                       and not _ASK_REPORTED_RE.match(text, sent.start, sent.end)
                                       # (a chat turn that asks, answered by the next speaker's turn: `【小陈】BPE 怎么合并的【小王】…`)
                                       and not (answer is not None and _TURN_AT_RE.match(text, answer.start) and _TURN_AT_RE.match(text, sent.start))):
            return topic  # (`：` ends a question the text layer split from its answer, `X 怎么算：…`; `你问 X 怎么…。`)
        found = self._mentions(text, sent.start, sent.end)
        if answer is not None and _after_lead(_REASON_LEAD_RE, text, answer.start, answer.end):
            chosen = [m for m in found if _CHOSEN_BEFORE_RE.search(text, sent.start, m.start)]
            if chosen:  # `为啥 Transformer 用 LayerNorm？因为它…`: 它 in the reason is what the question says was chosen
                return chosen[-1].keys
        named = {m.keys for m in found}
        if len(named) == 2 and len(found) == 2 and _OWNER_GAP_RE.fullmatch(text, found[0].end, found[1].start) \
                and (_HOW_DONE_RE.match(text, found[1].end, sent.end)
                     or (_HOW_DO_BEFORE_RE.search(text, sent.start, found[0].start) and _ASK_ENDS_RE.match(text, found[1].end, sent.end))):
            # `我们怎么复现 GPT 的预训练？就是…`: how the owner's process is done is told of the owner as well
            return frozenset().union(*named)
        if len(named) > 1:  # `RLHF 的 PPO 阶段更新什么？`: a term that only qualifies the next one is not what is asked
            named = {m.keys for m, n in zip(found, found[1:] + [None]) if n is None or not _QUALIFIES_RE.fullmatch(text, m.end, n.start)}
        if len(named) > 1 and all(_JUXTAPOSED_RE.fullmatch(text, m.end, n.start) for m, n in zip(found, found[1:])):
            return frozenset().union(*named)  # `BERT 预训练的任务是啥？`: names side by side ask of one thing, both at once
        if len(named) == 2 and len(found) == 2 and (_COORD_RE.match(text[found[0].end:found[1].start])
                                                    or _COORD_OWNED_RE.fullmatch(text, found[0].end, found[1].start)) \
                and answer is not None and (_BOTH_RE.match(text[answer.start:answer.end])
                                            # (or after a clause that says they do not differ: `数学上没区别，都只用…`)
                                            or ((same := _NO_DIFFERENCE_LEAD_RE.match(text, answer.start, answer.end)) is not None
                                                and _BOTH_RE.match(text[same.end():answer.end]))):
            return frozenset().union(*named)  # `A 和 B 有什么区别？两者都…`: the answer's 两者 is both terms asked about
        if len(named) > 1:
            asked = self._asked_last(text, sent)
            if asked is not None:
                return asked
            into = next((n for m, n in zip(found, found[1:]) if _INTO_GAP_RE.fullmatch(text, m.end, n.start)), None)
            if into is not None:
                return into.keys  # `FP32 转成 INT8，模型体积缩小多少？`: what is asked about is what the thing becomes
        return next(iter(named)) if len(named) == 1 else topic

    def _asked_last(self, text: str, sent: Span) -> frozenset[str] | None:
        """The one term of a question's last clause when the question ends in 呢 (`序列长度翻一倍，标准注意力翻四倍，用了
        FlashAttention 呢？`): what it asks about, the terms before set the scene."""
        if sent.kind != "question" or not text[sent.start:sent.end].rstrip(" \t*_？?").endswith("呢"):
            return None
        last = self._clauses(text, sent)[-1]
        asked = {m.keys for m in self._mentions(text, last.start, last.end)}
        return next(iter(asked)) if len(asked) == 1 else None

    def _asked_into(self, text: str, sent: Span) -> frozenset[str] | None:
        """What a question asks a thing be turned into (`把 FP32 模型量化成 INT8 会怎样？`): the sentences after it that
        name no term go on with the format it becomes, not the one it was."""
        if sent.kind != "question":
            return None
        return self._into(text, sent.start, sent.end)

    def _into(self, text: str, start: int, end: int) -> frozenset[str] | None:
        """The term a thing named in [start, end) is said to be turned into (`FP32 转成 INT8`), if any."""
        found = self._mentions(text, start, end)
        into = next((n for m, n in zip(found, found[1:]) if _INTO_GAP_RE.fullmatch(text, m.end, n.start)), None)
        return None if into is None else into.keys

    def _short_reply(self, text: str, question: Span, reply: Span) -> bool:
        """Whether `reply` is a listener's short reply to `question` that adds no term of its own (`甲：MQA 知道吗？乙：多查询
        注意力。甲：其实是…`, `乙：知道。`): the turn after it goes on about what was asked."""
        if question.kind != "question" or reply.kind not in ("statement", "reported") or not _SHORT_REPLY_RE.fullmatch(text, reply.start, reply.end):
            return False
        asked = {k for m in self._mentions(text, question.start, question.end) for k in m.keys}
        named = self._mentions(text, reply.start, reply.end)
        rest = "".join(c for k, c in enumerate(text[reply.start:reply.end], reply.start) if not any(m.start <= k < m.end for m in named))
        # (a name the glossary does not know is a term of its own too: `乙：GQA 我倒了解。`)
        return all(m.keys <= asked for m in named) and not re.search(r"[A-Za-z]{2,}", rest)

    def _number_carry(self, text: str, sents: list[Span], k: int, spec: ClaimSpec,
                      carry: frozenset[str] | None) -> frozenset[str] | None:
        """What sentence k goes on with: for a numeric fact, only the sentence before's own term, not one carried
        through sentences that name none (`原始 BERT 的 mask…。…。文中…最大长度只能是 10`: the span length of the
        paper described); for any fact, nothing when the sentence opens on the converse (`反之，…`)."""
        if spec.number and k > 0 and carry:
            j = k - 1
            while j > 0 and sents[j].kind == "question" and not self._mentions(text, sents[j].start, sents[j].end):
                j -= 1  # (a listener's question that names nothing, `我们用 BERT-base。观众：取哪一层？讲者：它一共…`, is read past)
            if not self._subject(text, sents[j], None):
                return None
        if carry and _CONVERSE_RE.match(text, sents[k].start, sents[k].end):
            return None  # `模型越简单，容易欠拟合。反之，模型越复杂，容易过拟合。`: the converse is not said of the subject before
        return carry

    def carry_out(self, text: str, lead: Lead | None = None) -> Lead:
        """What `text` hands on to a line that goes on from it in the same paragraph: the subject a sentence
        without a term of its own (or with 它) continues, as the next sentence of the same line would (the
        empty set when `text` defined a thing the glossary does not know), and whether its last sentence
        states something. Only a term the lines name is handed on: the item's topic reaches the lines of an
        answer's opening paragraph by itself, and is no subject a line's sentences were seen to go on with."""
        text = self._copula(text)
        carry = lead.carry if lead is not None else None
        word = self.headword(text)
        if word is not None:
            return Lead(word, True)  # a glossary's headword (`Dropout`, `**Log loss（对数损失）**`): the next line defines it
        sents = self._sentences(text, 0, None)
        for k, sent in enumerate(sents):
            carry = self._next_carry(text, sent, carry, k > 0 or lead is not None)
        asked = self._asked_topic(text, sents, len(sents), None) if sents else None  # (what the next line answers)
        return Lead(carry, bool(sents) and sents[-1].kind == "statement", asked)

    def headword(self, text: str) -> frozenset[str] | None:
        """The term a line names when it is a headword alone (a short line without a sentence's punctuation whose
        names are all of one term, and little besides them: `Dropout`, `精度 / Precision`, `**KL divergence**`)."""
        m = HEADWORD_LINE_RE.fullmatch(text)
        if m is None:
            return None
        a, b = m.span("word")
        names = self._mentions(text, a, b)
        if not names:
            return None
        # (the term all its names share: `精度 / Precision` is precision, though 精度 alone may be accuracy too)
        keys = frozenset.intersection(*(n.keys for n in names))
        if not keys or (len(keys) > 1 and len({n.keys for n in names}) > 1):
            return None
        return keys if len(_HEADWORD_GAP_RE.sub("", _outside_names(text, a, b, names))) <= 10 else None

    def _asides_read_past(self, text: str, chars: list[str] | None) -> list[str] | None:
        """`chars` (None: `text` unchanged) with each short aside in brackets between two words of a clause blanked when
        it is words only and names no term (`预测对的样本数（正负都算）除以总样本数`): the clause reads on as without it.
        An aside that negates, judges, asks, holds a sign or a name, or glosses the term before it is kept (`（不含偏置）`,
        `（错）`, `（TP+FN）`, `差分隐私（一种加密方法）`). A stage direction that opens a scene's line is blanked too."""
        for m in _WORD_ASIDE_RE.finditer(text):
            # (nor a gloss: one that opens as a definition, `（一种加密方法）`, or follows a term's name, `差分隐私（…）`)
            if not self._mentions(text, m.start(), m.end()) and not _GLOSS_OPENS_RE.match(text, m.start() + 1) \
                    and not any(n.end == m.start() for n in self._mentions(text, max(0, m.start() - 24), m.start())):
                chars = chars or list(text)
                if chars[m.start():m.end()] == list(text[m.start():m.end()]):
                    chars[m.start():m.end()] = " " * (m.end() - m.start())
        for m in _OPENING_STAGE_RE.finditer(text):
            # `【模型组，白天】（大家在讨论要不要换）老韩：…`: the stage direction that opens a scene, before its first turn, is
            # no part of that turn (a question it tells of, `要不要`, asks nothing of the turn)
            chars = chars or list(text)
            if chars[m.start("stage"):m.end("stage")] == list(m.group("stage")):
                chars[m.start("stage"):m.end("stage")] = " " * (m.end("stage") - m.start("stage"))
        return chars

    def _copula(self, text: str) -> str:
        """`text` with the colon of each list label that names one term read as 是, position for position:
        `- **LLaMA**：ReLU` says what `LLaMA 是 ReLU` would (a cheat-sheet line gives the value without a
        verb); a label that names no term, or several, keeps its colon (`- **上下文长度**：…`). A spoken filler
        between clauses (`…，嗯，…`) is blanked with its comma, so the clauses around it read as one sentence would.
        A question and its answer on one line read as the statement they make together (`_inline_answer`), and a
        rhetorical question with a negation as what it asserts (`_rhetorical`)."""
        key = ("copula", text)
        got = self._cache.get(key)
        if got is None:
            plain = text
            got = text = classical_view(text)  # (a sentence in the classical register read in the modern one; the text kept for _uncopula)
            chars = _condition_asked(text, _moved_from(text, _rhetorical(text, _answered_inline(text, _unfilled(text), names=self._mentions))))
            if "我" in text:
                chars = self._told_of_itself(text, chars)
            if "（" in text or "(" in text:
                chars = self._asides_read_past(text, chars)
            if "：" in text or ":" in text:
                for m in _LABEL_LINE_RE.finditer(text):
                    g = "label" if m.group("label") is not None else "plain" if m.group("plain") is not None else "bare"
                    a, b = m.span(g)
                    names = self._mentions(text, a, b)
                    lo = text.rfind("**", m.start(), a)
                    if not names and g == "label" and not text[m.start():lo].strip() and _SECTION_LABEL_RE.fullmatch(text, a, b):
                        # `**核心结论：** X …` opening a paragraph: a section label of an answer names no term; the line
                        # is read from what follows it, as if the label were not there (`**对比：**` compares nothing).
                        # (a list entry's label is a key of what the entry gives: `- **参数量**：GPT-3 为 175B`)
                        chars = chars or list(text)
                        chars[lo:m.end()] = " " * (m.end() - lo)
                        continue
                    # (one term; a plain label, under one or more of its names: `均方误差（MSE）：…`)
                    if not names or len({n.keys for n in names} if g == "bare" else names) != 1 \
                            or _outside_entry(text, a, b, names).strip(" \t（()）/、"):
                        continue
                    colon = max(text.rfind("：", b, m.end()), text.rfind(":", b, m.end()))
                    if colon >= 0:
                        chars = chars or list(text)
                        chars[colon] = "是"
                        if (verb := _NOTED_VERB_RE.fullmatch(text, a, names[0].start)) is not None:
                            chars[verb.start():verb.end()] = " " * (verb.end() - verb.start())  # (`新增 X：…` says what X is)
                kept: set[int] = set()  # the turns of an exchange where one speaker sets the other right
                for m in _PLAIN_SECTION_RE.finditer(text):
                    speaker = False  # (an answerer's turn after a question turn: `_reply_turn`)
                    if m.group("reply") is not None:
                        a, b = m.span("reply")
                        if not (speaker := self._reply_turn(text, m)):
                            continue
                    else:
                        a, b = m.span("label") if m.group("label") else m.span("turn")
                    if set_right_next(text, m.start()):
                        # (a turn the next speaker sets right keeps its label, and so does the next turn, for the text
                        # layer to see the exchange: `选手：我觉得 X。嘉宾：其实 Y。`)
                        kept.add(m.start())
                        kept.add(next_turn_start(text, m.start()))
                    if m.start() in kept:
                        continue
                    if chars is not None and chars[m.start():m.end()] != list(text[m.start():m.end()]):
                        continue  # (an answer's turn a question on the line already reads: `甲：…？乙：…`)
                    if speaker or _ASKING_LABEL_RE.fullmatch(text, a, b) \
                            or (not self._mentions(text, a, b) and _SECTION_LABEL_RE.fullmatch(text, a, b)
                                   and not OBSERVED_RE.match(_line_from(text, m.start()))):
                        # (a speaker's word names no term there: `学生：` is no student model)
                        # `算法：X 按…排序，先剪掉…`: a plain section label opening a line is read past as a bold one is
                        # (not one under which a symptom or a mistake made is told: `根因：重构时给 encoder 加了…`)
                        chars = chars or list(text)
                        chars[a:m.end()] = " " * (m.end() - a)
            if chars is not None:
                got = "".join(chars)
            if got != plain:
                if len(self._plain_of) >= 256:
                    self._plain_of.clear()
                self._plain_of[got] = plain
            self._remember(key, got)
        return got  # type: ignore[return-value]

    def _reply_turn(self, text: str, m: re.Match) -> bool:
        """Whether the label after a question mark (`_PLAIN_SECTION_RE`'s reply) is another speaker's turn answering a
        question turn that opens the line, to be read past: one's own (`面试官：…？我：…`, `我答：`), or a speaker's word that
        also names a term (`委员：X 怎么算？学生：…`: 学生 is no student model). Not another label, nor a speaker's name that
        names nothing (`小王：…？小李：…`, left to the one-line answer's reading), nor one after a line that opens with no
        turn, nor the same speaker asking on (`甲：…？甲：…`)."""
        line = text.rfind("\n", 0, m.start()) + 1
        asker = _ASKER_LINE_RE.match(text, line, m.start())
        reply = m.group("reply")
        if asker is None or asker.group("asker") == reply:
            return False
        return _I_ANSWER_RE.fullmatch(reply) is not None \
            or (_SPEAKER_RE.fullmatch(reply) is not None and bool(self._mentions(text, *m.span("reply"))))

    def _told_of_itself(self, text: str, chars: list[str] | None) -> list[str] | None:
        """`chars` with a line that a thing tells of itself read as told of it (`我是 Adagrad，训练越往后，我给每个参数的…`,
        `作为一个 BN 层，我…`): the 我 of the line is the thing named, read as 它, and its self-introduction as a
        topic (`Adagrad：…`), position for position. Only where what is named after 我是/作为 is terms and the
        words of a part or a kind (`我是 Adam 里的 beta2`), not a person's role (`我是 BERT 的用户`)."""
        for m in _SELF_NAMED_RE.finditer(text):
            a, b = m.span("name")
            names = self._mentions(text, a, b)
            if not names or _SELF_NAME_NOT_RE.search(_outside_names(text, a, b, names)):
                continue
            if m.group("as") is not None and not _SELF_AS_I_RE.match(text, m.end()):
                continue
            chars = chars or list(text)
            for k in range(*m.span("lead")):
                chars[k] = " "
            chars[m.start("comma")] = "是"  # (as a label's colon reads: `Adagrad：…`)
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            for k in range(m.end(), end):
                if text[k] == "我" and text[k + 1:k + 2] != "们":
                    chars[k] = "它"
        return chars

    def _readings(self, text: str) -> tuple[str, ...]:
        """The readings of a text `_copula` gave that a property's phrasings are looked for in: the text, and its
        `_noted` reading when that differs (cached)."""
        key = ("readings", text)
        if key not in self._cache:
            noted = _noted(text)
            self._remember(key, (text,) if noted is None else (text, noted))
        return self._cache[key]  # type: ignore[return-value]

    def _uncopula(self, text: str) -> str:
        """The text `_copula` read `text` from (`text` itself when it changed nothing)."""
        return self._plain_of.get(text, text)

    def _filter(self, spec: ClaimSpec) -> _PropertyFilter | None:
        """What the property's phrasings need (literals.py reads it off them, lower-cased), looked for in the
        lower-cased text: where no phrasing has all it needs, none can match, and the phrasings' own
        (case-insensitive, slower) search is skipped. None when some phrasing needs nothing this can read."""
        got = self._filters.get(id(spec.predicates))
        if got is None:
            alternatives: list[list[frozenset[str]]] | None = []
            for rx in spec.predicates:
                alts = _factors(rx)
                if alts is None:
                    alternatives = None
                    break
                alternatives += alts
            got = self._filters[id(spec.predicates)] = (spec.predicates, _PropertyFilter(alternatives) if alternatives else None)
        return got[1]

    def _lower(self, text: str) -> str | None:
        """`text` lower-cased, position for position; None when a character would not keep its place or
        folds to an ASCII letter only under Unicode case-insensitive matching (ſ, ı, İ, K)."""
        key = ("low", text)
        if key not in self._cache:
            low = text.lower()
            self._remember(key, low if len(low) == len(text) and not _FOLDS_TO_ASCII.search(text) else None)
        return self._cache[key]  # type: ignore[return-value]

    def _may_state(self, text: str, sent: Span, spec: ClaimSpec, near: "_Present | None" = None) -> bool:
        """Whether a statement clause of the sentence holds a phrasing of the property (the first search
        `_predicates` makes there): a sentence without one states nothing, and reading its clauses'
        terms, frames and pronouns would be wasted. With where the strings the property's phrasings need
        begin, a clause where no phrasing has them all is not searched."""
        if spec.number is not None:  # a numeric fact is read off the numbers of statement clauses only
            return any(c.kind == "statement" and numbers(text, c.start, c.end) for c in self._clauses(text, sent))
        if not spec.predicates:
            return True
        rxs = self._any_rx(spec)
        return any(rx.search(t, c.start, c.end, timeout=self.timeout) is not None
                   for c in self._clauses(text, sent)
                   if c.kind == "statement" and (near is None or near.within(c.start, c.end))
                   for rx in rxs for t in self._readings(text))

    def _any_rx(self, spec: ClaimSpec) -> tuple[regex.Pattern, ...]:
        """Patterns that match where some phrasing of the property does: one alternation of the phrasings
        (one search instead of one per phrasing), and apart those that number their groups (a back
        reference would point elsewhere in the alternation)."""
        known = self._alternation.get(id(spec.predicates))
        if known is not None:
            return known[1]
        plain = [rx for rx in spec.predicates if not _NUMBERED_RE.search(rx.pattern)]
        got = tuple(rx for rx in spec.predicates if rx not in plain)
        if len(plain) > 1:
            got = (compile_pattern("|".join(f"(?:{searchable(rx.pattern, rx.flags)})" for rx in plain), plain[0].flags),) + got
        elif plain:
            got = (plain[0],) + got
        self._alternation[id(spec.predicates)] = (spec.predicates, got)
        return got

    def _sentences(self, text: str, start: int, end: int | None) -> list[Span]:
        key = ("s", text, start, end)
        if key not in self._cache:
            self._remember(key, self.layer.sentences(text, start, end))
        return self._cache[key]

    def _clauses(self, text: str, sent: Span) -> list[Span]:
        """The clauses of a sentence (the text layer's), a wish that a consequent serves read as a purpose: `想要收敛更稳，
        就用大学习率` says what `为了收敛更稳，用大学习率` says (not a supposition whose terms the consequent leaves)."""
        key = ("c", text, sent)
        if key not in self._cache:
            got = self.layer.clauses(text, sent)
            got = [Span(c.start, c.end, "statement") if c.kind == "supposed" and _WISH_LEAD_RE.match(text, c.start, c.end)
                   and k + 1 < len(got) and _CONSEQUENT_LEAD_RE.match(text, got[k + 1].start, got[k + 1].end) else c
                   for k, c in enumerate(got)]
            if len(got) > 1 and got[0].kind == "supposed" and _WISH_LEAD_RE.match(text, got[0].start, got[0].end) \
                    and not any(_CONSEQUENT_LEAD_RE.match(text, c.start, c.end) for c in got[1:]):
                # `想要一个稀疏模型，研究者们的首选是 L2`: a wish whose way follows with no 就/那 is a purpose too, and the
                # clauses after it (the text layer's fallback made them part of the supposition) state the way
                got = [Span(c.start, c.end, "statement") if c.kind == "supposed" else c for c in got]
            self._remember(key, got)
        return self._cache[key]

    def _mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """The glossary's mentions in text[start:end], remembered: every rule of a pack reads the same text. A word
        of a name spelled out in brackets (`分类与回归树(Classify and Regression Tree)`: Regression there is part
        of CART's name) is no mention."""
        key = ("m", text, start, end)
        if key not in self._cache:
            found = self.glossary.mentions(text, start, end, self.timeout)
            found = [m for m in found if not (m.end - m.start > 1 and text[m.start].isascii() and _in_spelled_name(text, m))]
            if "-" in text:  # (nor the first word of a hyphenated name the glossary does not know: `Warmup-Stable-Decay`)
                found = [m for m in found if not _COMPOUND_AFTER_RE.match(text, m.end) or not text[m.start:m.end].isascii()]
            if found and "://" in text:  # (a name inside a URL is no mention: `…/plot_logistic_l1_l2_sparsity.html`)
                urls = [(u.start(), u.end()) for u in _URL_SPAN_RE.finditer(text, start, end)]
                found = [m for m in found if not any(a <= m.start < b for a, b in urls)]
            self._remember(key, found)
        return self._cache[key]

    def _remember(self, key: tuple, value) -> None:
        if len(self._cache) >= 100000:
            self._cache.clear()
        self._cache[key] = value

    def _next_carry(self, text: str, sent: Span, carry: frozenset[str] | None, later: bool) -> frozenset[str] | None:
        """What a following sentence without a term goes on with after `sent`: its subject; else, when `sent`
        is not the text's first and defines a thing the glossary does not know (`余弦调度器是一种…方法`), the
        empty set: the next sentences are about that thing, not the term (or the item's topic) before it; else
        the carry so far. (A first sentence that defines an unknown name is taken to name the topic itself.)"""
        if self._defines_unknown(text, sent):
            # (a first sentence goes on with the topic it names, not with a term inside its definition: `弹性网络是一种在
            # Lasso 的基础上加入 L2 正则化的线性模型。它在保证特征选择能力的同时…` is not L2's)
            return frozenset() if later else carry
        if sent.kind == "question":
            # (`PPO 阶段的 KL 惩罚有什么作用？它是为了…`: a question's term that only qualifies the next one is not what
            # it asks about, nor what the 它 of its answer stands for; as `_asked_topic` reads it)
            found = self._mentions(text, sent.start, sent.end)
            owners = {m.keys for m, n in zip(found, found[1:]) if _QUALIFIES_RE.fullmatch(text, m.end, n.start)}
            heads = {m.keys for m in found} - owners
            if owners and len(heads) == 1:
                return next(iter(heads))
        return self._subject(text, sent, carry) or carry

    def _defines_unknown(self, text: str, sent: Span) -> bool:
        """Whether `sent` defines a thing the glossary does not know (`余弦调度器是一种…`, `距离上的对称性指的是…`), or
        names one that no term of the sentence names before (`在平行语料上使用的目标称为 TLM`)."""
        m = _after_lead(_DEFINES_RE, text, sent.start, sent.end)
        if m is not None:
            return not self._mentions(text, sent.start, m.end())
        n = _NAMES_NEW_RE.search(text, sent.start, sent.end)
        if n is None or self._mentions(text, sent.start, n.start()):
            return False
        after = self._mentions(text, n.end(), sent.end)
        return not (after and after[0].start - n.end() <= 2)  # (`…称为 BERT`: a known term named)

    def _subject(self, text: str, sent: Span, carry: frozenset[str] | None) -> frozenset[str] | None:
        """The keys of a sentence's subject: its first term that is not a comparison object (or what its
        leading 它 stands for), passing over a term that only names when (`训练 RNN 时常用梯度裁剪。它…`: 它 is
        the clipping) when another follows."""
        asked = self._asked_last(text, sent) or self._asked_into(text, sent)
        if asked is not None:
            return asked
        for clause in self._clauses(text, sent):
            introduced = self._introduced(text, clause, self._mentions(text, clause.start, clause.end))
            if introduced is not None:
                return introduced.keys  # `最近我在给模型“修剪枝叶”，叫幅值剪枝。`: the name given is what the sentence is about
        for clause in self._clauses(text, sent):
            mentions = self._pronoun(text, clause, self._mentions(text, clause.start, clause.end), carry)
            subjects = [m for m in mentions if not self._is_object(text, clause, m)]
            label = _LABEL_RE.match(self._uncopula(text), clause.start, clause.end)
            if label is not None and any(m.start >= label.end() for m in subjects) and self._heads_line(text, label):
                # `**预训练目标：** GPT 系列…`: a label that says what the line is about (a term and more words, or
                # several terms) heads the line; the sentence's subject is the term after it
                subjects = [m for m in subjects if m.start >= label.end()]
            if subjects:
                return next((m.keys for m in subjects if not _TIME_AFTER_RE.match(text, m.end, clause.end)), subjects[0].keys)
        return None

    def _over_line(self, text: str, clause: Span) -> re.Match | None:
        """The label a clause opens with, after an answer's own label (`**答案：** **A vs B**：…`), when it heads
        the line rather than being its subject (see `_heads_line`)."""
        plain = self._uncopula(text)
        label = _LABEL_RE.match(plain, clause.start, clause.end)
        if label is not None and label.group("label") is not None and _ANSWER_WORD_RE.fullmatch(label.group("label").strip()):
            label = _LABEL_RE.match(plain, label.end(), clause.end)
        return label if label is not None and self._heads_line(text, label) else None

    def _past_label(self, text: str, clause: Span, subj: list[Mention]) -> tuple[list[Mention], int | None]:
        """`subj` without the terms of a label over the line when a term follows it (`**MAE vs MSE**：MSE 平方放大
        误差，…`: the term after the label is what the line is about, and sets its topic), and where the label ends
        (None when there is no such label)."""
        label = self._over_line(text, clause)
        if label is None or not any(m.start >= label.end() for m in subj):
            return subj, None
        return [m for m in subj if m.start >= label.end()], label.end()

    def _heads_line(self, text: str, label: re.Match) -> bool:
        """Whether a leading label heads its line rather than being its subject: it says more than its terms'
        names (`**预训练目标：**`), or names several terms (`**MAE vs MSE**：`, `**A 和 B**：`)."""
        if not self._names_only(text, label):
            return True
        g = "label" if label.group("label") is not None else "plain"
        return len({m.keys for m in self._mentions(text, *label.span(g))}) > 1 or bool(_COMPARISON_LABEL_RE.search(text, *label.span(g)))

    def _names_only(self, text: str, label: re.Match) -> bool:
        """Whether a leading label is its terms' names and nothing more (`- **LLaMA**：`): the label is the line's
        subject, not a heading over it."""
        g = "label" if label.group("label") is not None else "plain"
        a, b = label.span(g)
        return not _MARKUP_RE.sub("", _outside_names(text, a, b, self._mentions(text, a, b))).strip(" \t（()）、/和与及的")

    def _pronoun(self, text: str, clause: Span, mentions: list[Mention], carry: frozenset[str] | None) -> list[Mention]:
        """`它`/`它们` before the first term of a clause stands for `carry`; the clause is then read from its
        start (`训练不会让它们变得不同`: the negation before the pronoun counts)."""
        if not carry:
            return mentions
        # (a term that only names when, `预训练时它…`, does not stand before the pronoun's place)
        first = next((x.start for x in mentions if not _TIME_AFTER_RE.match(text, x.end, clause.end)), clause.end)
        m = _PRONOUN_RE.search(text, clause.start, clause.end)  # (to the clause's end: 其 looks past the term's start)
        if not m or m.start() >= first:
            return mentions
        lead = _ANSWER_LEAD_RE.match(text, clause.start).end()  # where the clause's own words begin
        if m.group() == "其" and _DISPOSED_PRONOUN_RE.fullmatch(text, lead, m.start()):
            # `我们将其计算为…`, `本文将其视为…`: 其 as what 将/把 disposes of is what the clause says of (read from the
            # clause's start, so that a negation before it counts: `我们不将其视为…`)
            return [Mention(lead, lead, carry)] + mentions
        if m.group() == "其" and not _CLAUSE_HEAD_RE.fullmatch(text, lead, m.start()):
            return mentions  # `这限制了其在…的效果`: 其 after a verb is what is acted on, not the clause's subject
        if text.startswith("的", m.end()) or m.group() == "其":
            # `它的主指标 mAP …`, `其 FFN …`: the owner of what follows, where the pronoun stands
            return sorted([Mention(m.start(), m.end(), carry)] + mentions, key=lambda x: x.start)
        return [Mention(lead, lead, carry)] + mentions

    def question_polarity(self, text: str, spec: ClaimSpec) -> bool | None:
        """A question that asks the spec's claim (`L2 正则会产生稀疏解吗？`): True when it asks it
        affirmatively, False when negated (`…不会…吗`), None when it does not ask it. An A-not-A question
        (`会不会改变…`, `是不是…`) asks affirmatively: its 不X is read as blank."""
        text = _A_NOT_A_RE.sub(lambda m: m.group("ana") + " " * (len(m.group(0)) - len(m.group("ana"))), text)
        for sent in self.layer.sentences(text):
            for clause in self._clauses(text, sent):
                mentions = self._mentions(text, clause.start, clause.end)
                hit = self._predicates(text, Span(clause.start, clause.end), mentions, [], spec, None, polarity=True)
                if hit is not None:
                    return hit
        return None

    def _opening(self, text: str, sent: Span, topic: frozenset[str] | None,
                 carry: frozenset[str] | None) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """The topic and the carried subject a sentence is read with: none when it introduces an item the glossary
        does not know; the topic as what its 它 stands for when it opens with a reason (`为啥 Transformer 用
        LayerNorm？因为它…`: the reason is about what the question asked about)."""
        if self._introduces_unknown(text, sent):
            return None, None
        if topic and _after_lead(_REASON_LEAD_RE, text, sent.start, sent.end):
            return topic, topic
        return topic, carry

    def _introduces_unknown(self, text: str, sent: Span) -> bool:
        """`第二个是 **LaMDA**（…），有 422M…参数的模型`: a sentence that introduces an item of an enumeration the glossary
        does not know; what it says is that item's, not the topic's or the previous sentence's term's."""
        intro = _after_lead(_ORDINAL_INTRO_RE, text, sent.start, sent.end)
        return intro is not None and not self._mentions(text, sent.start, intro.end())

    def _sentence(self, text: str, sent: Span, spec: ClaimSpec, topic: frozenset[str] | None = None,
                  carry: frozenset[str] | None = None, continued: bool = False) -> tuple[int, int] | None:
        """The span of the sentence's clause that states the spec's wrong claim, if one does. `continued`: the
        sentence opens a line that goes on from a statement on the line before (as `_after_statement`)."""
        topic, carry = self._opening(text, sent, topic, carry)
        prev: list[Mention] = [Mention(sent.start, sent.start, topic)] if topic else []
        if prev and (named := _NAMED_FRAME_RE.match(text, sent.start, sent.end)) and not self._mentions(text, sent.start, named.end()):
            prev = []  # `在 PPO-ER 中，…` under a question on PPO: said of the variant the frame names
        if carry and (_ANAPHOR_RE.match(text, sent.start, sent.end)  # `其…` / `该…`: the previous sentence's subject
                      or (_ELIDED_ANSWER_RE.match(text, sent.start, sent.end) and self._asked_before(text, sent))):
            # (`MQA 是怎么回事？就是让所有头共享…`: an answer that opens on 就是 is about what the question asked)
            prev = [Mention(sent.start, sent.start, carry)]
        prev = prev or self._both_before(text, sent)
        label = self._label(text, sent)
        clauses = self._clauses(text, sent)
        # (`hidden_size 为 1024、层数为 24，这是 BERT-base 的标准结构`: the clauses before a later one's term are its)
        frame: frozenset[str] | None = None if prev else self._named_after(text, clauses)
        if carry and self._goes_on_before(text, sent, clauses, continued, frame is None and not prev, spec, carry):
            frame = carry
        # (a topic carried from the sentence before, or named after the first clause's head, not its subject)
        carried = frame is not None
        seen = self._pair_before(text, sent)  # the sentence's mentions so far, for 前者/后者
        if seen is None:
            return None  # (whatever its 前者/后者 stand for, it is not the term the sentence would go on with)
        acted = False  # whether `prev` is what a person acts on (`我们…跑完 PPO`)
        supposed: list[Mention] = []  # the subject of a supposition, for a 它 in its consequent
        opening = 0  # the clause that sets the sentence's frame
        # (an answer that names the whole to a question on a part of it, `负采样怎么抽？word2vec 直接按词频抽`: said of the part)
        part = self._part_asked(text, sent, topic)
        for i, clause in enumerate(clauses):
            mentions = self._former_latter(text, clause, self._mentions(text, clause.start, clause.end), seen)
            mentions = self._whole_after_part(text, mentions, part)
            seen.extend(m for m in mentions if m.end > m.start)
            mentions = self._pronoun(text, clause, mentions, self._referent(text, clauses, i, carry, prev, supposed))
            mentions = self._named_before(text, clauses, i, mentions)
            # (not when the terms carried are two already: `BERT 和 GPT 分别基于编码器和解码器，但两者都…`)
            pair = i > 0 and not mentions and len({m.keys for m in prev}) < 2
            prev, frame, acted = (_pair_opening(text, clause, seen) if pair else None) or (prev, frame, acted)
            if not mentions and (_after_lead(_EXAMPLE_OPENS_RE, text, clause.start, clause.end)
                                 or (i > 0 and _OWN_ACRONYM_OPENS_RE.match(text, clause.start, clause.end))
                                 or _PRESENT_ACRONYM_OPENS_RE.match(text, clause.start, clause.end)):
                # `…，比如阅读理解这种任务，做的时候可以同时看到上下文`: said of the example, which names no term
                prev, frame, label = [], None, []
                continue
            if not mentions and _unowned(text, clauses, i):
                # `预训练的直觉：先在无标注文本上学规律，然后在具体任务上用少量标注数据调整`: the next step of a procedure
                # that names no term is not what the sentence's term (the first step) does; nor is one of two told
                # apart, `两者都有 k，但一个需要标签，一个不需要`
                prev, frame, label = [], None, []
                continue
            added = self._purpose_of(text, clauses, i, mentions) if i > 0 else None
            if added is not None:  # `PPO 阶段加 KL 惩罚，是为了…`: the purpose is the added thing's
                prev, frame = [added], None
                # (`…打开 loss scaling，它的作用是…`: 它 is the added thing)
                mentions = [Mention(m.start, m.end, added.keys) if text[m.start:m.end] in _IT_WORDS else m
                            for m in _past_result_object(text, clause, _without_aim_owner(text, clause, mentions))]
            mentions, acted = _kind_named(text, clause, mentions, prev, acted and i > 0)
            if clause.kind == "statement":
                # (a purpose told of what the person added or set, `我们把 momentum 调大了，目的是…`, is that term's)
                cont = self._continued(text, clauses, i, mentions, prev, acted and added is None)
                said = frame
                if not mentions and ((i > 0 and _PURPOSE_OPENS_RE.match(text, clause.start, clause.end))
                                     or (_USES_OTHER_OPENS_RE.match(text, clause.start, clause.end)
                                         # (not after a clause that says what not to use: `多标签任务别用 sigmoid，用 softmax…`
                                         # goes on with the task)
                                         and not (i > 0 and _DONT_USE_RE.search(text, clauses[i - 1].start, clauses[i - 1].end)))):
                    # `…不看顺序，为了捕捉位置信息，会加位置编码`: the goal of what follows, not the term's; `先用 PP 竖着切：…；再用
                    # TP 横着切：…`: a clause about another thing it names (one the glossary does not know)
                    cont, said = [], None
                hit = (self._number(text, clause, mentions, spec, cont, said or (label[0].keys if label and label[0].end <= clause.start else None),
                                    answers=i == 0 and bool(topic) and bool(cont) and cont[0].start == cont[0].end == sent.start)
                       if spec.number else
                       self._predicates(text, clause, mentions, cont, spec, topic, frame=said, label=label,
                                        following=tuple(clauses[i + 1:i + 4]), carried=carried))
                if hit:
                    return hit
            if i == opening:
                frame, carried = self._opening_frame(text, clause, mentions, frame, carried)
                if _BARE_YES_RE.fullmatch(text, clause.start, clause.end) or _MARKER_CLAUSE_RE.fullmatch(text, clause.start, clause.end) \
                        or (i == 0 and _BARE_NO_RE.fullmatch(text, clause.start, clause.end) and self._asked_before(text, sent)) \
                        or _SAID_CLAUSE_RE.fullmatch(text, clause.start, clause.end) \
                        or _SOURCE_PART_CLAUSE_RE.fullmatch(text, clause.start, clause.end) \
                        or _VOCATIVE_CLAUSE_RE.fullmatch(text, clause.start, clause.end) \
                        or (_PREFACE_RE.match(text, clause.start, clause.end) and not mentions and not _PRONOUN_RE.search(text, clause.start, clause.end)) \
                        or _QUOTED_SAMPLE_CLAUSE_RE.fullmatch(text, clause.start, clause.end):
                    opening += 1  # `可以的，L2 正则会…，得到稀疏解`: the answer word opens no topic; the next clause does
                    # (nor does a preface that names no term, `我的经验是，`, `打个比方，`)
            elif frame and clause.kind == "statement" and any(not m.keys <= frame and self._leads(text, clause, m)
                                                              and not _COUNTED_BEFORE_RE.search(text, clause.start, m.start)
                                                              # (not what the clause's unnamed subject is likened to,
                                                              # `…，模型则与 GPT 一样，…`)
                                                              and not self._is_like(text, clause, m)
                                                              for m in self._subjects(text, clause, mentions)):
                frame = None  # `A 是 X，B 是 Y，一个…`: a later clause with a subject of its own ends the first one's topic
            if _ADDED_MEANS_RE.search(text, clause.start, clause.end) or _ARGUMENT_ASSUMES_RE.search(text, clause.start, clause.end) \
                    or _UNTIL_CLAUSE_RE.fullmatch(text, clause.start, clause.end):
                # `在自注意力中，通过加入位置偏置，使模型能感知相对位置`: what follows comes of the addition, not of the
                # sentence's term as it is; `这里的推导假设数据要么…，要么…为零均值`: nor does what an argument assumes;
                # `等它这段结束，学习率才进入衰减`: nor what follows a stage waited out
                prev, frame, label = [], None, []
                continue
            if clause.kind == "supposed":
                # a supposed term is not the subject of the consequence; one supposed used is (`如果使用 L2 正则化，权重会…`)
                prev = _supposed_use(text, clause, mentions)
                frame = prev[0].keys if prev else frame
                supposed = self._subjects(text, clause, mentions) or supposed
                # (`即便是二分类问题，LDA 也能…，维数…`: the consequent's subject is the sentence's topic)
                opening += int(i == opening and not prev and frame is None)
            else:  # what the next clause may go on with: the clause's terms that are neither compared nor qualifiers
                subj = self._with_likened(text, clause, self._goes_on_with(text, clause, mentions), prev)
                # (`用 FP16 存的话，…`: the term a clause says is used, as its topic (的话), is what follows is about)
                used = _supposed_use(text, clause, mentions) if _USE_TOPIC_END_RE.search(text, clause.start, clause.end) else []
                # (`拿 BERT-base 举例，…`, `以 X 为例，…`: the example a clause names is what the clauses after it tell of)
                used = used or (_example_named(text, clause, mentions) if i == opening else [])
                subj, frame = (used, used[0].keys) if used else (subj, frame)
                if subj:
                    prev = subj
                    acted = _PERSON_ACTS_RE.match(text, clause.start, subj[0].start) is not None \
                        and not _VIEWED_AS_AFTER_RE.match(text, subj[-1].end, clause.end) \
                        and not (text[clause.start:subj[0].start].rstrip(" *").endswith("的")
                                 and _HEAD_SAID_AFTER_RE.match(text, subj[-1].end, clause.end))
                    # (`我们把 AUC 当成…`: a view of it; `我们用的 X 其实…`: X heads the person's relative clause and is the subject)
                ex = _EXAMPLES_AT_RE.search(text, clause.start, clause.end)
                examples = [m for m in mentions if ex is not None and m.start >= ex.end()]
                if examples:  # `提示微调：如 Prefix Tuning 和 P-Tuning，在各层前加入…`: said of the examples
                    prev, frame, label = examples, None, []
                elif not mentions and _EXAMPLE_IN_RE.search(text, clause.start, clause.end):
                    # `…的效果，比如阅读理解这种任务，在做的时候可以同时看到上下文`: what follows is the example's
                    prev, frame, label = [], None, []
            prev, frame, carried = _commented_topic(text, clauses, i, mentions, (prev, frame, carried)) if i == opening else (prev, frame, carried)
        return None

    def _part_asked(self, text: str, sent: Span, topic: frozenset[str] | None) -> tuple[frozenset[str], frozenset[str]] | None:
        """The term a question before `sent` asks about and the terms of the wholes it is a part of (`within`), when the
        topic is that part and the question asks of it alone: an answer that names the whole (`word2vec 直接按原始词频抽`)
        is about the part as well. None otherwise."""
        if not topic:
            return None
        wholes = self._wholes(topic)
        if not wholes or not self._asked_before(text, sent):
            return None
        return topic, wholes

    def _wholes(self, keys: Iterable[str]) -> frozenset[str]:
        """The terms of the wholes the terms `keys` are parts of (their `within`)."""
        return frozenset(w for k in keys if k in self.glossary.terms for w in self.glossary.terms[k].within)

    def _whole_after_part(self, text: str, mentions: list[Mention],
                          part: tuple[frozenset[str], frozenset[str]] | None = None) -> list[Mention]:
        """`mentions` with a whole of the part a question asked about (`part`, `_part_asked`), and a whole named right after
        是 that follows one of its parts (`下采样丢的是 word2vec 会…`, a question on the part and its answer read as one
        statement), standing for the part as well."""
        out = [Mention(m.start, m.end, m.keys | part[0]) if part is not None and m.end > m.start and m.keys <= part[1] else m
               for m in mentions]
        for i in range(1, len(out)):
            m = out[i]
            for p in out[:i]:
                wholes = self._wholes(p.keys)
                if wholes and m.keys <= wholes and p.end <= m.start and _WHOLE_AFTER_PART_RE.fullmatch(text, p.end, m.start):
                    out[i] = Mention(m.start, m.end, m.keys | p.keys)
                    break
        return out

    @staticmethod
    def _start_before(text: str, sent: Span) -> int:
        """Where the sentence before `sent` (in the same text) starts."""
        return max(text.rfind(c, 0, max(sent.start - 1, 0)) for c in SENTENCE_END) + 1

    def _asked_before(self, text: str, sent: Span) -> bool:
        """Whether the sentence before `sent` asks about one term (and ends in a question mark)."""
        a = self._start_before(text, sent)
        q = text[a:sent.start]
        # (or a question told as asked that a comma or a full stop ends before its answer: `弹幕问量化怎么压缩的，原理就是…`,
        # `有人问 X 怎么抽。词表里…`)
        return a < sent.start and (q.rstrip().endswith(("？", "?")) or (q.rstrip().endswith(("，", ",", "。")) and _ASK_REPORTED_RE.match(q))) \
            and sentence_kind(q) == "question" \
            and (len({m.keys for m in self._mentions(text, a, sent.start)}) == 1 or self._into(text, a, sent.start) is not None)

    def _after_statement(self, text: str, sent: Span) -> bool:
        """Whether the sentence before `sent` (in the same text) states something: after a reported belief
        (`有人把 X 说成…，这是记错了：…；`) a sentence without a term is the correction, not X's; or asks about one
        term, which the sentence then answers (`F1 怎么算？把 P 和 R 相加再除以 2。`)."""
        if ((ANSWER_TURN_RE.match(text, sent.start) or REPLY_TURN_RE.match(text, sent.start)) and sent.start > 0) \
                or (sent.start == 0 and _MY_ANSWER_RE.match(text)):
            # `面试官问 X …，我答：…` (or on the next line: `面试官问 X。⏎我答：…`): the answer goes on with what the
            # question asked about
            return True
        a = self._start_before(text, sent)
        if a >= sent.start:
            return False
        if self._asked_before(text, sent):
            return True  # a question asked and answered at once: about the one term it names
        q = text[a:sent.start]
        if len(q.strip()) <= 20 and q.rstrip().endswith(("？", "?")) and sentence_kind(q) == "question" \
                and not self._mentions(text, a, sent.start):
            # (a listener's question that names nothing, `我们选了 LoRA。观众：为什么？讲者：训练时…`: the answer goes on
            # from the statement before it)
            b = max(text.rfind(c, 0, max(a - 1, 0)) for c in SENTENCE_END) + 1
            return b < a and sentence_kind(text[b:a]) in ("statement", "observed")
        return sentence_kind(q) in ("statement", "observed")

    @staticmethod
    def _leads(text: str, clause: Span, m: Mention) -> bool:
        """Whether a term stands at the head of its clause (a few words at most before it: `而 GPT…`,
        `训练时 GPT…`), where a clause names its own topic; a term after a verb phrase (`就是训练中一部分算子跑
        FP32`) is an object."""
        at = _ANSWER_LEAD_RE.match(text, clause.start).end()
        return len(_MARKUP_RE.sub("", text[at:m.start])) <= 6

    def _subjects(self, text: str, clause: Span, mentions: list[Mention]) -> list[Mention]:
        """The clause's mentions that can be what it is about: not a comparison object (`与 BERT 不同`), not a
        term that only qualifies the next one (`PyTorch 中的 nn.Dropout`); terms compared as alike
        (`A 和 B 一样`) are kept."""
        out = []
        instrument = False
        for k, m in enumerate(mentions):
            coordinated = k > 0 and _COORD_RE.match(text[mentions[k - 1].end:m.start]) is not None
            instrument = bool(_INSTRUMENT_RE.search(text, clause.start, m.start)) or (instrument and coordinated)
            if instrument:
                continue  # `通过 ResNet 等模型把每一帧转成特征，然后…`: the instrument (and what is coordinated with it) does not go on
            if self._is_object(text, clause, m) and not self._is_like(text, clause, m):
                continue
            if _TOPIC_LABEL_RE.match(text, m.end, clause.end):
                continue  # `X 的做法：Y 先…，再…`: X names the topic; what follows is said of Y
            if k + 1 < len(mentions) and _MODIFIER_RE.fullmatch(text, m.end, mentions[k + 1].start) and mentions[k + 1].start > m.end:
                continue
            if k + 1 < len(mentions) and _SCENE_AFTER_RE.match(text, m.end, mentions[k + 1].start):
                continue  # `混合精度训练里使用损失缩放，是为了…`: the term before 里/中 is the scene, the later one the subject
            out.append(m)
        return out

    def _named_after(self, text: str, clauses: list[Span]) -> frozenset[str] | None:
        """The term a later clause says the clauses before it describe (`hidden_size 为 1024、层数为 24，这是 BERT-base 的
        标准结构`), when those clauses name no term of their own."""
        for i, clause in enumerate(clauses):
            mentions = self._mentions(text, clause.start, clause.end)
            if i > 0 and (back := _BACK_NAMED_RE.match(text, clause.start, clause.end)) is not None:
                first = next((m for m in mentions if m.start >= back.end()), None)
                if first is not None and first.start == back.end() and _BACK_WHAT_RE.match(text, first.end, clause.end):
                    return first.keys
            if mentions:
                return None
        return None

    def _opening_frame(self, text: str, clause: Span, mentions: list[Mention], frame: frozenset[str] | None,
                       carried: bool) -> tuple[frozenset[str] | None, bool]:
        """The topic the sentence's opening clause sets (`_frame`), or `frame` as it was, and whether that topic is
        only carried: from the sentence before, or named after the clause's head rather than as its subject
        (`适用于使用 Sigmoid…的全连接层`)."""
        titled = self._titled(text, clause, mentions)
        if titled is not None:
            return titled, False
        after = self._past_regard(text, clause, mentions)
        if after is not None:
            return self._opening_frame(text, after, [m for m in mentions if m.start >= after.start], frame, carried)
        apposed = self._dash_apposed(text, clause, mentions)
        if apposed is not None:
            return apposed, False
        opened = self._frame(text, clause, mentions)
        if not opened:
            return frame, carried
        at = self._frame_lead(text, clause, mentions)
        return opened, not any(m.start == at or _modified_topic(text, at, m, m.end, clause.end) for m in mentions)

    @staticmethod
    def _dash_apposed(text: str, clause: Span, mentions: list[Mention]) -> frozenset[str] | None:
        """The term an opening clause ends on after a dash, alone (`最重要的论文之一——残差网络，发表在…`): what the description
        before the dash names, the topic of the clauses after it, as a bare term opening the sentence is (`残差网络，发表在…`);
        else None."""
        dash = text.rfind("——", clause.start, clause.end)
        if dash < 0:
            return None
        after = [m for m in mentions if m.start >= dash + 2]
        if not after or len({m.keys for m in after}) != 1 or not _DASH_TOPIC_GAP_RE.fullmatch(text, dash + 2, after[0].start) \
                or not _DASH_TOPIC_END_RE.fullmatch(text, after[-1].end, clause.end):
            return None
        return after[0].keys

    def _titled(self, text: str, clause: Span, mentions: list[Mention]) -> frozenset[str] | None:
        """The term an opening clause announces before its first colon, as the topic of what follows the colon (`三十秒讲清楚
        T5：它跟 GPT 是一个路子，decoder-only，…`, `今天聊聊 RLHF 里的 KL 惩罚：…`): the last term before the colon, right
        before it, when the terms before it are its owners only (`X 里的 Y`) and none is compared with; else None."""
        colon = _TITLE_COLON_RE.search(text, clause.start, clause.end)
        if colon is None:
            return None
        before = [m for m in mentions if m.end <= colon.start()]
        if not before or not (_TITLE_GAP_RE.fullmatch(text, before[-1].end, colon.start())
                              or _TITLE_ASPECT_RE.fullmatch(text, before[-1].end, colon.start())) \
                or any(self._is_object(text, clause, m) for m in before):
            return None
        if not all(_OWNER_RE.fullmatch(text, a.end, b.start) for a, b in zip(before, before[1:])):
            return None
        if _TITLE_GAP_RE.fullmatch(text, _ANSWER_LEAD_RE.match(text, clause.start).end(), before[0].start):
            return None  # (a label, `X：…`, is read as one)
        return before[-1].keys

    def _continued(self, text: str, clauses: list[Span], i: int, mentions: list[Mention], prev: list[Mention],
                   acted: bool) -> list[Mention]:
        """What the statement clause `clauses[i]` goes on with: `prev`, or none after a person's act (`acted`: what a person
        does with a term, `我们不一次性跑完 PPO，而是…`, goes on as the person's acts, and a later clause names the term again
        or refers to it (它) to be about it; not one that appraises or glosses it), or the term the clause before ends on
        as what is done or used when this one opens on a gloss (`word2vec 训练前会做下采样，就是随机扔掉…`)."""
        clause = clauses[i]
        glossed = _after_lead(_ACT_GLOSSED_RE, text, clause.start, clause.end)
        if not glossed and not mentions and i > 0 and _after_lead(_ANY_ONE_OPENS_RE, text, clause.start, clause.end):
            # (or tells how it treats any one thing it works on: `…会做 subsampling，一个词出现得越少…`)
            glossed = True
        if glossed and not mentions and i > 0:
            done = self._done_last(text, clauses[i - 1])
            if done is not None:
                return [done]
        if acted and not glossed and not _after_lead(_ACT_APPRAISED_RE, text, clause.start, clause.end):
            return []
        return prev

    def _done_last(self, text: str, clause: Span) -> Mention | None:
        """The term a clause ends on as the one thing done or used (`…会做下采样，`, `…加了 L2 正则，`), if any."""
        mentions = [m for m in self._mentions(text, clause.start, clause.end) if m.end > m.start]
        if not mentions or not _OBJECT_END_RE.fullmatch(text, mentions[-1].end, clause.end):
            return None
        last = mentions[-1]
        lo = mentions[-2].end if len(mentions) > 1 else clause.start
        return last if _OBJECT_VERB_RE.search(text, lo, last.start) else None

    @staticmethod
    def _introduced(text: str, clause: Span, mentions: list[Mention]) -> Mention | None:
        """The term a clause introduces by the name it gives, ending the clause (`_INTRODUCED_AS_RE`), if any."""
        if not mentions or not _INTRODUCED_END_RE.fullmatch(text, mentions[-1].end, clause.end):
            return None
        m = mentions[-1]
        if _INTRODUCED_AS_RE.match(text, clause.start, m.start) or _THERE_IS_NAMED_RE.search(text, clause.start, m.start):
            return m
        return None

    def _with_likened(self, text: str, clause: Span, subj: list[Mention], prev: list[Mention]) -> list[Mention]:
        """`subj`, what the clause goes on with, and the topic before it too when its only terms are what the clause's unnamed
        subject is likened to (`T5 …，模型本身则与 GPT 一样，是…`: said of T5 as well as of GPT)."""
        if subj and prev and all(self._is_like(text, clause, m) for m in subj):
            return prev + subj
        return subj

    def _past_regard(self, text: str, clause: Span, mentions: list[Mention]) -> Span | None:
        """The rest of a clause after a frame of regard it opens with (`对于 BERT 而言，所谓全参数微调，`), when that rest
        names a term at its head, the one the clauses after go on with (`_REGARD_FRAME_RE`); else None."""
        m = _REGARD_FRAME_RE.match(text, _ANSWER_LEAD_RE.match(text, clause.start, clause.end).end(), clause.end)
        if m is None or m.end() >= clause.end:
            return None
        after = Span(m.end(), clause.end, clause.kind)
        rest = [x for x in mentions if x.start >= m.end()]
        if not rest or not self._goes_on_with_terms(text, after, rest):
            return None
        return after

    def _goes_on_with(self, text: str, clause: Span, mentions: list[Mention]) -> list[Mention]:
        after = self._past_regard(text, clause, mentions)
        if after is not None:
            return self._goes_on_with(text, after, [m for m in mentions if m.start >= after.start])
        introduced = self._introduced(text, clause, mentions)
        if introduced is not None:
            return [introduced]  # `GAN 训练时有个毛病叫模式崩溃，就是…`: the named term goes on
        cleft = _PERSON_CLEFT_RE.match(text, clause.start, clause.end)
        if cleft is not None and any(m.start == cleft.end() for m in mentions):
            # `我们微调的是 LLaMA，它的…`: what a person does, told in a cleft, names what goes on after 的是; a term
            # that is the person's act before it (微调) is no subject
            mentions = [m for m in mentions if m.start >= cleft.end()]
        for mark in ("——", "："):
            at = text.rfind(mark, clause.start, clause.end)
            if at >= 0 and any(m.start >= at + len(mark) and _JUXTAPOSED_RE.fullmatch(text, at + len(mark), m.start)
                               # (a colon takes up a term its lead named: not a label's, `标签平滑：Inception-v3 中引入的…`)
                               and (mark == "——" or any(n.end <= at and n.keys & m.keys for n in mentions)
                                    # (or a picture set up before the colon, whose parts the terms after it are: `把
                                    # Transformer 的一层想成一次小组讨论：FFN 就像…，…靠它…`)
                                    or _PICTURE_LEAD_RE.search(text, clause.start, at) is not None) for m in mentions):
                # `…以独热编码呈现——多标签分类的标签，正是用…`: a dash that opens on a term opens a statement of its own; what its
                # subject is goes on, not the terms before the dash (not a description of the term before it, `BERT——基于
                # Transformer 的编码器，它…`); so does a colon that opens on a term named before it (`所以用 MAE 而不用 MSE：MSE
                # 取平方，对离群点更敏感`)
                after = Span(at + len(mark), clause.end, clause.kind)
                subj = self._goes_on_with_terms(text, after, [m for m in mentions if m.start >= at + len(mark)])
                if subj:
                    return subj
        got = self._goes_on_with_terms(text, clause, mentions)
        if len(got) == 1:
            # (`介绍 LLaMA 所用的 RMSNorm 时说，其…`: the term a relative clause of use qualifies heads the phrase; 其 is it)
            head = next((m for m in mentions if m.start >= got[0].end and _USED_BY_GAP_RE.fullmatch(text, got[0].end, m.start)), None)
            if head is not None:
                return [head]
        return got

    def _goes_on_with_terms(self, text: str, clause: Span, mentions: list[Mention]) -> list[Mention]:
        """What the next clause may go on with: the clause's terms that are neither compared nor qualifiers, those
        at its head when there are (not the objects after its verb: `mAP：先算每类的准确率，再取平均`), with the
        terms coordinated with them (`A 或 B`); none after a leading pronoun that stands for the subject."""
        subj, past = self._past_label(text, clause, self._subjects(text, clause, mentions))
        # (what a term is likened to is no subject: `Adagrad 像一个越学越有信心的学生：…它…` goes on with Adagrad)
        subj = [m for k, m in enumerate(subj) if not (k > 0 and _LIKENED_TO_RE.fullmatch(text, subj[k - 1].end, m.start))]
        if len(subj) > 1 and _TIME_AFTER_RE.match(text, subj[0].end, clause.end) and _MODIFIED_HEAD_GAP_RE.fullmatch(text, subj[0].end, subj[1].start):
            # `PPO 训练时加入的 KL 惩罚，作用是…`: the term that only names when qualifies the head noun after 的; the head goes on
            subj = subj[1:]
        elif len(subj) > 1 and _STAGE_THAT_HEAD_RE.fullmatch(text, subj[0].start, subj[1].start):
            subj = subj[1:]  # `PPO 阶段那个 KL 惩罚项，…`: the stage qualifies the head the demonstrative points at
        elif len(subj) > 1 and (scene := _PERSON_SCENE_RE.match(text, clause.start, subj[-1].start)) is not None \
                and subj[0].start < scene.end() <= subj[-1].start:
            # `做流失预测时，我以 AUC 为核心指标，…`, `复现 LLaMA 时我实现了 RMSNorm，…`: the terms of the scene a person's
            # work is set in do not go on; what the person then takes up does
            subj = [m for m in subj if m.start >= scene.end()]
        start = clause.start if past is None else past
        head: list[Mention] = []
        for m in subj:
            if self._leads(text, Span(start, clause.end, clause.kind), m) \
                    or (head and head[-1].end <= m.start and _COORD_RE.match(text[head[-1].end:m.start])):
                head.append(m)
        if _DISPOSAL_OPENS_RE.match(text, clause.start, clause.end):
            # `将模型从 FP32 量化为 INT8，实质上是…`: a term that is the verb of 将/把 (its result after 为/成/到) is the act
            # the next clause goes on with, not the terms it acts on
            act = next((m for m in mentions if m.start > clause.start and text[m.start - 1] not in "的" and HAN_RE.match(text, m.start)
                        and _ACT_RESULT_AFTER_RE.match(text, m.end, clause.end)), None)
            if act is not None:
                return [act]
        if subj and _NAMED_ANSWER_OPENS_RE.fullmatch(text, clause.start, subj[0].start):
            return [subj[0]]  # `如果说有一个全能冠军，那就是 Adam：…它…`: the term named as the answer goes on
        lead = _after_lead(_PRONOUN_LEAD_RE, text, clause.start, clause.end)
        if lead and subj and len(_MARKUP_RE.sub("", text[lead.end():subj[0].start])) > 1 \
                and not _OWNED_BY_LEAD_RE.fullmatch(text, lead.end(), subj[0].start):
            # `它的输入是采用 one-hot 编码的向量`, `该方法借鉴了 X 的…`: what the pronoun stands for goes on, not a
            # term after its verb (`这种 X …` names X itself)
            return []
        if _after_lead(_COMBINED_OPENS_RE, text, clause.start, clause.end):
            return []  # `BART…，结合了 BERT 和 GPT 两种思路，使得它…`: what is combined does not go on; the unnamed whole does
        if _COPULA_DISPOSAL_OPENS_RE.match(text, clause.start, clause.end):
            return []  # `X，就是把 IoU 阈值定在 0.5 算的，所以它…`: what the elided subject is made from does not go on; X does
        pair = [m for m in subj if _FORMER_LATTER_RE.fullmatch(text, m.start, m.end)]
        if pair:
            return pair[-1:]  # `A 与 B：前者…，…`: the clause went on with the one its 前者/后者 names
        # `ReLU 换成了 Leaky ReLU，负区间梯度…`, `网络太深时，把 ReLU 换回 tanh，它…`: what the term is replaced by goes on
        for a in head[-1:] or subj:
            into = next((m for m in mentions if m.start >= a.end and _REPLACED_INTO_RE.fullmatch(text, a.end, m.start)), None)
            if into is not None:
                return [into]
        # `PyTorch 的 CrossEntropyLoss …，所以输入必须…`: a term owned by the head term goes on with it, as one subject
        # (the owned term and its bracketed gloss are inside that subject, at the clause's head: `LLaMA 的前馈网络（FFN）…，
        # 中间用的…`; not objects after a verb, `…上使用 Transformer 的注意力模块，并…` goes on with none of them)
        out: list[Mention] = []
        for m in head or subj:
            if head and out and (m.end <= out[-1].end or (set(m.keys) <= set(out[-1].keys) and _GLOSS_AFTER_RE.fullmatch(text, out[-1].end, m.start))):
                continue
            out.append(self._owned(text, m, mentions))
        return out

    def _purpose_of(self, text: str, clauses: list[Span], i: int, mentions: list[Mention]) -> Mention | None:
        """The term a clause that gives a purpose (`…，是为了…`) or a result (`…，一举解决了…`) is about: the one the
        clause before added or used (`加 KL 惩罚`), if any, and if none of the clause's `mentions` heads it."""
        lead = _after_lead(_PURPOSE_LEAD_RE, text, clauses[i].start, clauses[i].end)
        if lead is None:
            # `…加上梯度裁剪，这样梯度爆炸和梯度消失都能一并解决`: a result whose object stands before its verb, at the
            # clause's end
            if _RESULT_TAIL_RE.search(text, clauses[i].start, clauses[i].end) is None:
                return None
        elif any(m.start < lead.end() and self._leads(text, clauses[i], m) and text[m.start:m.end] not in _IT_WORDS
                 for m in mentions):
            # (a 其 before 目的/用意 is the purpose's owner, the thing added: `…加一项 KL 惩罚，其用意是…`)
            return None  # (a clause with a subject of its own at its head; its terms after the verb are what it acts on:
            # `…，一举解决了梯度爆炸`)
        before = clauses[i - 1]
        added = [m for m in self._mentions(text, before.start, before.end) if _ADDED_BEFORE_RE.search(text, before.start, m.start)
                 or (_DISPOSED_BEFORE_RE.search(text, before.start, m.start) and _SET_AFTER_RE.match(text, m.end, before.end))]
        return added[-1] if added else None

    def _referent(self, text: str, clauses: list[Span], i: int, carry: frozenset[str] | None, prev: list[Mention],
                  supposed: list[Mention]) -> frozenset[str] | None:
        """What a 它 in clause i of a sentence stands for (None: nothing it can stand for)."""
        if i == 0:
            return carry
        chosen = self._chosen_before(text, clauses, i)
        if chosen is not None:
            return chosen.keys  # `Transformer 选用 LayerNorm，是因为它…`: 它 in the reason for a choice is what was chosen
        used = self._used_before(text, clauses[i - 1])
        if used is not None:
            return used.keys  # `我只加了 padding mask，它已经能…`: 它 is what the person just used
        framed = [m for m in self._mentions(text, clauses[i - 1].start, clauses[i - 1].end)
                  if _used_then(text, clauses[i - 1].start, m, clauses[i - 1].end)]
        if len({m.keys for m in framed}) == 1 and not _UNUSED_RE.search(text, clauses[i - 1].start, framed[0].start):
            return framed[0].keys  # `换成 FlashAttention 之后数值对不齐，它本来就是…`: 它 is what was switched to
        if len({m.keys for m in prev}) == 1:  # `…，训练会让它们变得不同`: 它们 is the previous clause's term
            return prev[-1].keys
        whole = max(prev, key=lambda m: len(m.keys), default=None)
        if whole is not None and all(m.keys <= whole.keys and whole.start <= m.start and m.end <= whole.end for m in prev):
            # `我们改进了 Faster R-CNN 的 RPN，它会…`: the part named with its owner, and the part inside that name, are one thing
            return whole.keys
        if not prev and len({m.keys for m in supposed}) == 1:
            # `如果模型是在瞎猜（random classifier），那它的…`: 它 in the consequent is the supposition's term
            return supposed[-1].keys
        if len({m.keys for m in prev}) > 1 and self._coordinated(text, prev) \
                and _THEY_OPENS_RE.match(text, clauses[i].start, clauses[i].end):
            return frozenset().union(*(m.keys for m in prev))  # `把 PPO 和 DQN 放一起看，它们都是…`: 它们 is every term
        return carry if not prev else None  # `与 BERT 不同，它…`: no subject so far, 它 is the previous sentence's

    def _named_before(self, text: str, clauses: list[Span], i: int, mentions: list[Mention]) -> list[Mention]:
        """The mentions of clause i, with the term the clause before named last when clause i is about it:
        what that clause switched to or used, when clause i names nothing of its own (`输出层换成了层次 softmax，复杂度从
        O(V) 降到 O(1)`), or what clause i opens by saying what it is (`…基于 k-means，这是一种聚类算法`)."""
        if i == 0:
            return mentions
        clause = clauses[i]
        # (or names terms only after a copula or a verb of becoming, inside what it says the used term is or becomes:
        # `…换成了 GELU，实现上就是一行 x * torch.sigmoid(x)`, `…，groups 设成 1 就退化成 InstanceNorm`; not after a verb of
        # its own, `…，因此团队选用了专为 ReLU 打造的…`)
        if (not mentions or (not any(self._leads(text, clause, m) for m in mentions)
                             and _IS_OR_BECOMES_BEFORE_RE.search(text, clause.start, mentions[0].start))
                or _DISPOSAL_OPENS_RE.match(text, clause.start, clause.end)) \
                and not _after_lead(_PERSON_OPENS_RE, text, clause.start, clause.end) \
                and not _OWN_CORRELATIVE_RE.match(text, clause.start, clause.end) \
                and ((used := self._used_before(text, clauses[i - 1])) is not None
                     or (not mentions and _after_lead(_REASON_OPENS_RE, text, clause.start, clause.end)
                         and (used := self._unused_before(text, clauses[i - 1])) is not None)):
            # (or what it does with 把/将, having no subject of its own: `你可以用 data parallelism，把前几层放在…`)
            at = _ANSWER_LEAD_RE.match(text, clause.start).end()
            return [Mention(at, at, used.keys)] + mentions
        apposed = self._apposed(text, clauses, i)
        if apposed is not None and not any(m.start < apposed[1] for m in mentions):
            return [Mention(apposed[1], apposed[1], apposed[0].keys)] + mentions
        return mentions

    def _apposed(self, text: str, clauses: list[Span], i: int) -> tuple[Mention, int] | None:
        """The term that ends the clause before clause i, and where the demonstrative that stands for it ends, when
        clause i opens by saying what that term is (`新功能基于 k-means，这是一种…`, `底层用的是 word2vec，它属于…`)."""
        opens = _after_lead(_APPOSED_OPENS_RE, text, clauses[i].start, clauses[i].end)
        if opens is None:
            return None
        last = self._last_term(text, clauses[i - 1])
        if last is None:
            return None
        return last, opens.start("copula") if opens.group("copula") is not None else opens.end()

    def _unused_before(self, text: str, before: Span) -> Mention | None:
        """The term that ends clause `before` as what is said not to be used (`我们这次没用 transfer learning，`), if
        any: a reason given after it that names no term is about it (`_NOT_USED_BEFORE_RE`)."""
        last = self._last_term(text, before)
        if last is None or not _NOT_USED_BEFORE_RE.search(text, before.start, last.start):
            return None
        return last

    def _used_before(self, text: str, before: Span) -> Mention | None:
        """The term that ends clause `before` as what is used, added, switched to or built on in it (`写 decoder 时我只加了
        padding mask`, `输出层换成了层次 softmax`), or what is loaded, run or quantised in a clause without a person or a
        negation (`加载 BERT-base，`, `跟着课程跑 LoRA，`; not `我们不一次性跑完 PPO，`), if any: the next clause, when it
        names no term, is about it."""
        last = self._last_term(text, before)
        if last is None:
            return None
        if _USED_BEFORE_RE.search(text, before.start, last.start):
            return last
        ran = _RUN_BEFORE_RE.search(text, before.start, last.start)
        return last if ran and not _PERSON_NEG_RE.search(text, before.start, last.start) else None

    def _last_term(self, text: str, clause: Span) -> Mention | None:
        """The term a clause ends with (markup and a comma after it allowed), if any."""
        found = self._mentions(text, clause.start, clause.end)
        if not found or _MARKUP_RE.sub("", text[found[-1].end:clause.end]).strip(" \t，,"):
            return None
        return found[-1]

    def _chosen_before(self, text: str, clauses: list[Span], i: int) -> Mention | None:
        """The term the clause before chose or used (`选用 LayerNorm，`), when clause i gives the reason for it (`是因为
        它…`, `因为它…`), if any."""
        if not _after_lead(_REASON_LEAD_RE, text, clauses[i].start, clauses[i].end):
            return None
        before = clauses[i - 1]
        chosen = [m for m in self._mentions(text, before.start, before.end) if _CHOSEN_BEFORE_RE.search(text, before.start, m.start)]
        return chosen[-1] if chosen and not _MARKUP_RE.sub("", text[chosen[-1].end:before.end]).strip(" \t，,") else None

    @staticmethod
    def _owned(text: str, m: Mention, mentions: list[Mention]) -> Mention:
        """`m`, joined with a term it owns right after it (`PyTorch 的 CrossEntropyLoss`: both names at once)."""
        n = next((x for x in mentions if x.start >= m.end and x.keys != m.keys and _OWNER_GAP_RE.fullmatch(text, m.end, x.start)), None)
        return m if n is None else Mention(m.start, n.end, m.keys | n.keys)

    def _pair_before(self, text: str, sent: Span) -> list[Mention] | None:
        """What 前者/后者 can stand for at the start of a sentence: none yet (an empty list) unless the sentence
        names nothing before them (`bert 用 MLM；gpt 做 next token prediction。前者是双向…`); then the two terms
        the previous sentences' clauses were about, not their last two words, or None when there are no two."""
        fl = _FORMER_LATTER_RE.search(text, sent.start, sent.end)
        if fl is None or self._mentions(text, sent.start, fl.start()):
            return []
        return self._heads_before(text, sent) or None

    def _sentence_before(self, text: str, sent: Span) -> Span | None:
        """The sentence of `text` that ends last at or before `sent` starts, if any (a binary search: the pass stays linear)."""
        sents = self._sentences(text, 0, None)
        k = bisect.bisect_right(self._ends(text, sents), sent.start)
        return sents[k - 1] if k else None

    def _ends(self, text: str, sents: list[Span]) -> list[int]:
        key = ("e", text)
        if key not in self._cache:
            self._remember(key, [x.end for x in sents])
        return self._cache[key]

    def _goes_on_before(self, text: str, sent: Span, clauses: list[Span], continued: bool, unframed: bool,
                        spec: ClaimSpec | None = None, carry: frozenset[str] = frozenset()) -> bool:
        """Whether the sentence goes on with the previous sentence's subject as its frame: one that names no term at all
        (`BPE 从字符开始。每一轮合并频率最高的一对。`), as a sentence's first clause sets the topic of its others, but not
        one that defines a thing of its own (`KL 散度不对称。距离上的对称性指的是…`: about 对称性); or, when nothing else
        frames it (`unframed`), what the writer says right after a belief reported (`_corrects_belief`). `carry`: the previous
        subject, which a later clause may name again."""
        # (a part counted, `16 个头`, `96 个注意力头`, is the previous subject's part, not a term of the sentence's own:
        # `我们用的是 BERT-base。层数是 24，…，16 个头`)
        # (nor is a term named only in a clause of result or of a later plan after the description, `…，所以推理有点慢，后面
        # 打算蒸馏一下`)
        # (nor a term named only inside the property said, as what it is said to use or need: `DPO 很麻烦。照样要先训练奖励
        # 模型。`, `软标签很简单。就是数据集里的 one-hot。`: the sentence goes on with the subject before)
        # (nor, when the first clause says the property and names no term but what the property says is used or needed,
        # `照样要先训练奖励模型`, `直接用数据集里的 one-hot 就行，温度只是…`, that term or one of a later clause: what the
        # first clause says goes on with the subject of the sentence before; not after a `；` of a list of steps)
        said = bool(clauses) and not text[:sent.start].rstrip(" \t*").endswith(("；", ";", "，", ",")) \
            and self._says_alone(text, clauses[0], spec)
        # (nor the previous subject itself named again in a later clause, `核技巧原来是这样的！第一步…，第二步…，核函数就是这两步的
        # 统称`: the sentence still goes on with it, when the term leads its clause; not when the later clause denies it,
        # `…，就不是联邦学习了`, nor names it as an object, `所以，在机器学习中一般直接用交叉熵做损失函数`)
        # (when `said`, every term of the first clause lies inside the property and the later clauses are not read)
        if (said or not any(not _counted_part(text, m) and not (k > 0 and m.keys <= carry and self._leads(text, c, m) and not _NEGATION_CHAR_RE.search(text, c.start, m.start))
                            for k, c in enumerate(clauses) if not (k > 0 and _AFTERWARD_OPENS_RE.match(text, c.start, c.end))
                            for m in self._mentions(text, c.start, c.end))) \
                and (continued or self._after_statement(text, sent)) \
                and not _OWN_SUBJECT_RE.match(text, sent.start, sent.end) and not self._defines_unknown(text, sent):
            return True
        return unframed and self._corrects_belief(text, sent)

    def _in_property(self, text: str, clause: Span, m: Mention, said: list[tuple[int, int]]) -> bool:
        """Whether term `m` of a statement clause lies inside one of the phrasings `said` of the property there (their
        spans), past the clause's head (`照样要先训练奖励模型`): what the property says its subject uses or needs, not a
        subject of the clause's own."""
        if self._leads(text, clause, m):
            return False
        if _CLEFT_BEFORE_RE.search(text, clause.start, m.start):
            return False  # `真正切分矩阵乘法的是 tensor parallelism`: the term a cleft names is the clause's subject
        return any(a <= m.start and m.end <= b and _USED_IN_PROPERTY_RE.search(text, a, m.start) for a, b in said)

    def _says_alone(self, text: str, clause: Span, spec: ClaimSpec | None) -> bool:
        """Whether a statement clause holds a phrasing of the property `spec` and names a term, and none but inside it."""
        if spec is None or spec.number is not None or not spec.predicates or clause.kind != "statement":
            return False
        said = [p.span() for rx in spec.predicates for t in self._readings(text)
                for p in [rx.search(t, clause.start, clause.end, timeout=self.timeout)] if p is not None]
        lead = _ANSWER_LEAD_RE.match(text, clause.start).end()
        # (the phrasing opens the clause, past a word or two, `还得…`, `直接用…`: not after a subject of the clause's own,
        # `另一项损失用的是…`, `而传统做法要先…`; nor is it turned down after, `直接用 one-hot 是不行的`)
        if not any(len(text[lead:a].strip(" \t*")) <= 2 and not _NEGATION_CHAR_RE.search(text, b, clause.end) for a, b in said):
            return False
        found = self._mentions(text, clause.start, clause.end)
        return bool(found) and all(self._in_property(text, clause, m, said) for m in found)

    def _both_before(self, text: str, sent: Span) -> list[Mention]:
        """`很多同学以为 tanh 的梯度比 sigmoid 大，其实两者的导数峰值都是 0.25`: 两者 at a sentence's head is both terms the
        sentence before named (when it named two), as the sentence's opening subjects; else none."""
        if not _BOTH_OPENS_RE.match(text, sent.start, sent.end):
            return []
        return [Mention(sent.start, sent.start, k) for k in self._pair_named_before(text, sent)]

    def _corrects_belief(self, text: str, sent: Span) -> bool:
        """Whether `sent` is what the writer says is so right after a belief reported in the same sentence (`有人以为 X，
        其实…`: the text splits the two at the word of correction). What it says goes on with the belief's subject where
        its clauses name no subject of their own (`很多同学以为 RNN 必须一步一步算，其实序列里所有时间步都能同时…`)."""
        if not any(w in text[max(0, sent.start - 12):sent.start] for w in ("其实", "实际上", "事实上", "天真", "大错特错", "错得离谱")):
            # (or right after a sentence that reports what was said and ends on the writer's verdict that it is wrong:
            # `扣分：回答说 NMS 会保留 IoU 小的框，这不对；与最高分框 IoU 低的框会被抑制`, `…，这是反的。`)
            before = self._sentence_before(text, sent)
            return before is not None and before.kind == "reported" and not text[before.end:sent.start].strip() \
                and _REJECTED_END_RE.search(text, before.start, before.end) is not None \
                and _SAID_BEFORE_RE.match(text, before.start, before.end) is not None
        before = self._sentence_before(text, sent)
        return before is not None and before.kind == "reported" and _CORRECTION_GAP_RE.fullmatch(text, before.end, sent.start) is not None

    def _pair_named_before(self, text: str, sent: Span) -> list[frozenset[str]]:
        """The two terms the sentence just before `sent` names, in order, when it names exactly two (else none)."""
        before = self._sentence_before(text, sent)
        if before is not None and before.kind == "question" and len(text[before.start:before.end].strip()) <= 20 \
                and not self._mentions(text, before.start, before.end):
            before = self._sentence_before(text, before)  # (`…选 LoRA 还是适配器。观众：为什么？讲者：两者都…`)
        if before is None:
            return []
        keys = _distinct_keys(m for m in self._mentions(text, before.start, before.end) if m.end > m.start)
        return keys if len(keys) == 2 else []

    def _heads_before(self, text: str, sent: Span) -> list[Mention]:
        """The terms at the heads of the clauses of the sentences just before `sent` in the same text (at most three
        back), when they are two different terms or more (else none)."""
        sents = [x for x in self._sentences(text, 0, None) if x.end <= sent.start]
        heads: list[Mention] = []
        on_pair = True  # whether the sentences after `before` (up to `sent`) all open on 前者/后者
        for before in reversed(sents[-3:]):
            later = heads
            heads = [m for c in self._clauses(text, before) for m in self._mentions(text, c.start, c.end)[:1]
                     if self._leads(text, c, m) and not self._is_object(text, c, m)] + heads
            if len({m.keys for m in heads}) >= 2:
                return heads
            if not later or on_pair:
                # `我们同时报告 BLEU 与 ROUGE。前者…；后者…`: the sentence before (past the ones of no head of their own, the
                # 前者 one) names the pair as one object, two terms joined by 与/和 (and no third)
                pair = self._joined_pair(text, before)
                if pair:
                    return pair
            on_pair = on_pair and _PAIR_OPENS_RE.match(text, before.start, before.end) is not None
        return []

    def _joined_pair(self, text: str, sent: Span) -> list[Mention]:
        """The last two terms of `sent` joined by 与/和/及 as a pair (`…报告 BLEU 与 ROUGE`), unless a third term is
        listed with them; else none."""
        ms = [m for m in self._mentions(text, sent.start, sent.end) if m.end > m.start]
        for k in range(len(ms) - 1, 0, -1):
            a, b = ms[k - 1], ms[k]
            if a.keys != b.keys and _JOINED_PAIR_RE.fullmatch(text, a.end, b.start):
                if (k >= 2 and _JOINED_PAIR_RE.fullmatch(text, ms[k - 2].end, a.start)) \
                        or (k + 1 < len(ms) and _JOINED_PAIR_RE.fullmatch(text, b.end, ms[k + 1].start)):
                    return []
                return [a, b]
        return []

    def _former_latter(self, text: str, clause: Span, mentions: list[Mention], seen: list[Mention]) -> list[Mention]:
        """`A 与 B 相比，前者…，后者…`: 前者 names the sentence's first term, 后者 its last."""
        here = _FORMER_LATTER_RE.search(text, clause.start, clause.end)
        if here is None:
            return mentions
        # (the pair may be named in the same clause, before its 前者: `**A vs B**：前者…`)
        seen = seen + [m for m in mentions if m.end > m.start and m.end <= here.start()]
        former = latter = frozenset()  # (what the pair is not known: 前者/后者 then stand for no term, not for an earlier one)
        if seen:
            # the last two terms named: `包括位置编码的两种：A 和 B，前者…，后者…` pairs A and B, whatever came before
            # (named before the sentence's first 前者/后者: a term in the 前者 clause is no candidate for 后者; nor is a
            # part owned by a term of the pair: `U-Net 与 ResNet 的跳跃连接不同：前者…`)
            first = _FORMER_LATTER_RE.search(text, seen[0].start, clause.end)
            pool = [m for m in seen if first is None or m.end <= first.start()] or seen
            pool = [m for k, m in enumerate(pool) if k == 0 or not _OWNER_RE.fullmatch(text, pool[k - 1].end, m.start)]
            # (a term named later inside the bracket that glosses one of the pair is an aside: `Masked LM（BERT，…提到
            # BERT 用 WordPiece）：前者…` pairs what the brackets gloss)
            pool = [m for k, m in enumerate(pool)
                    if (br := _open_bracket(text, 0, m.start)) < 0 or not any(br < n.start for n in pool[:k])] or pool
            named = next((m.keys for m in reversed(pool) if m.keys != pool[-1].keys), None)
            if named is not None:
                former, latter = named, pool[-1].keys
            elif _PAIR_SECOND_RE.search(text, max(0, pool[-1].start - 12), pool[-1].start):
                latter = pool[-1].keys  # `原始 Dropout 与 inverted dropout：…后者…`: the one known term is the second
            elif _PAIR_FIRST_RE.match(text, pool[-1].end):
                former = pool[-1].keys  # `inverted dropout 与原始版本：前者…`: the one known term is the first
        extra = [Mention(r.start(), r.end(), former if r.group() == "前者" else latter)
                 for r in _FORMER_LATTER_RE.finditer(text, clause.start, clause.end)
                 if not any(m.start <= r.start() < m.end for m in mentions)]
        return sorted(mentions + extra, key=lambda m: m.start)

    @staticmethod
    def _frame_lead(text: str, clause: Span, mentions: list[Mention]) -> int:
        """Where a clause's topic may start: after its lead (`_FRAME_LEAD_RE`), or after whoever says what follows when no
        term is named before (`老师说 ResNet-50…`; not `准确率说白了就是…`)."""
        at = _FRAME_LEAD_RE.match(text, clause.start).end()
        if any(m.start == at for m in mentions):
            return at
        said = _SAID_FRAME_LEAD_RE.match(text, clause.start, clause.end)
        return said.end() if said is not None and not any(m.start < said.end() for m in mentions) else at

    def _frame(self, text: str, clause: Span, mentions: list[Mention]) -> frozenset[str] | None:
        """The topic a sentence's first clause sets for its later clauses that name no term: the term it
        opens with (`BPE 从字符开始，每次合并…`, `- **GRU**：…，…`), or the one term of a frame clause
        (`在 PPO 阶段，…`, `Adapter 和 LoRA 一样，…`); None when it sets none."""
        if len(mentions) == 1 and (_SCENE_LEAD_RE.fullmatch(text, clause.start, mentions[0].start)
                                   or _RELEASED_LEAD_RE.fullmatch(text, clause.start, mentions[0].start)) \
                and _SCENE_END_RE.fullmatch(text, mentions[0].end, clause.end):
            return mentions[0].keys  # `当时手写 GBDT，每棵新树都拟合…`: a scene of work on the term, whose parts follow
        if len(mentions) == 1 and _TOLD_LEAD_RE.fullmatch(text, clause.start, mentions[0].start) \
                and _TOLD_END_RE.fullmatch(text, mentions[0].end, clause.end):
            return mentions[0].keys  # `作者介绍 U-Net 时说，跳跃连接…`: the term a source explains, what it says follows
        if len(mentions) == 1 and _SOURCE_OF_LEAD_RE.fullmatch(text, clause.start, mentions[0].start) \
                and _SOURCE_OF_END_RE.fullmatch(text, mentions[0].end, clause.end):
            return mentions[0].keys  # `这篇 GloVe 的文章里作者的意思是，…`: the term's own paper, what it says follows
        quoted = _QUOTE_LEAD_RE.match(text, clause.start, clause.end)
        if quoted is not None:
            mentions = [m for m in mentions if m.start >= quoted.end()]
        tag = _TOPIC_TAG_RE.match(text, clause.start, clause.end)
        if tag is not None and any(m.start >= tag.end() for m in mentions):
            # (a topic tag before a clause that names its own term: `【标签平滑】label smoothing 会…，模型因此…` is read from
            # after the tag)
            clause = Span(tag.end(), clause.end, clause.kind)
            mentions = [m for m in mentions if m.start >= tag.end()]
        elif (lead_in := _LEAD_IN_COLON_RE.match(text, clause.start, clause.end)) is not None \
                and mentions and not any(m.start < lead_in.end() for m in mentions):
            # (a lead-in that names no term, up to a colon, before a clause that opens on one: `以“爱”为中心：CBOW 的输入是…，
            # 输出是…` is read from after the colon, as a topic tag is)
            clause = Span(lead_in.end(), clause.end, clause.kind)
        subj = [m for m in mentions if not self._is_object(text, clause, m)]
        if not subj:
            return None
        subj, past = self._past_label(text, clause, subj)
        lead = self._frame_lead(text, clause, mentions) if past is None else _LABELLED_LEAD_RE.match(text, past).end()
        first = subj[0]
        group = [first] + [m for a, m in zip(subj, subj[1:]) if _COORD_RE.match(text[a.end:m.start])]
        like = [m for m in mentions if self._is_like(text, clause, m)]  # `Bagging 和 Boosting 一样，…`: both
        if _DENIED_COPULA_RE.search(text, first.end, clause.end):
            return None  # `X 不是谷歌的工作，发表在…`: what goes on may go on under the denial; no topic is set
        if _ENDED_AFTER_RE.match(text, group[-1].end, clause.end):
            return None  # `warmup 完成后进入余弦退火，…`: a time after the term's stage, not the term, goes on
        # one term (a name may stand for several keys at once: `BERT-base` is a BERT too)
        if len({m.keys for m in group}) == 1 and (first.start == lead or _modified_topic(text, lead, first, group[-1].end, clause.end)):
            return first.keys.union(*(m.keys for m in like))
        if _FRAME_END_RE.search(text[clause.start:clause.end]) and len({k for m in subj for k in m.keys}) == 1:
            return first.keys
        return None

    def _label(self, text: str, sent: Span) -> list[Mention]:
        """The one term a sentence's leading label names (`- **Leaky ReLU**：…`), as a mention at the label."""
        plain = self._uncopula(text)  # the label with its colon
        m = _LABEL_RE.match(plain, sent.start, sent.end)
        if not m:
            # a later sentence of the same list item (`- **X**：…；…。…`): the item's label still names its topic
            line = text.rfind("\n", 0, sent.start) + 1
            m = _LABEL_RE.match(plain, line, sent.start) if line < sent.start and text[line:sent.start].lstrip()[:1] in "-*+0123456789" else None
            if not m:
                return []
        g = "label" if m.group("label") is not None else "plain"
        if _COMPARISON_LABEL_RE.search(text, m.start(g), m.end(g)):
            return []  # `**Xavier vs He**：…`: a label that compares names no one subject of its line
        mentions = self._mentions(text, m.start(g), m.end(g))
        keys = {k for x in mentions for k in x.keys}
        return [Mention(mentions[0].start, mentions[0].end, mentions[0].keys)] if len({x.keys for x in mentions}) == 1 and keys else []

    # -------------------------------------------------------------------------------- properties

    def _predicates(self, text: str, clause: Span, mentions: list[Mention], prev: list[Mention], spec: ClaimSpec,  # noqa: C901 (one pass over the properties; split pending)
                    topic: frozenset[str] | None = None, polarity: bool = False, frame: frozenset[str] | None = None,
                    label: list[Mention] | None = None, following: tuple[Span, ...] = (), carried: bool = False):
        preds = []
        mentions = _without_glosses(text, mentions)
        # a term that only names the point of view (`从 MAP 的角度看就相当于…`, `从贝叶斯视角来看`) is not what is said
        seg = text[clause.start:clause.end]
        views = [(v.start(), v.end()) for v in _VIEWPOINT_RE.finditer(text, clause.start, clause.end)] \
            if any(w in seg for w in _VIEWPOINT_WORDS) else []
        if views:
            mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in views)]
        inside = [(m.start, m.end) for m in mentions if m.end - m.start > 1]
        # a phrasing never begins with a name of the subject itself (`召回率是指实际为正类的样本中…`: the 召回 of
        # 召回率 is no verb of the property `召回…正类…中`)
        named = {m.start for m in mentions if m.end > m.start and spec.subjects[0] in m.keys}
        subject_names = [m for m in mentions if m.end > m.start and set(m.keys) & set(spec.subjects)]  # (the subject named here)
        for rx, where in ((rx, t) for rx in spec.predicates for t in self._readings(text)):
            pos = clause.start
            while pos < clause.end:
                m = rx.search(where, pos, clause.end, timeout=self.timeout)
                if m is None:
                    break
                into = next((e for s, e in inside if s < m.start() < e), None)
                if into is None and m.start() in named:
                    into = m.start() + 1
                if into is not None:  # a phrasing never begins inside a term's name (`简短惩罚` is no `惩罚…`)
                    pos = m.start() + 1
                    continue
                if m.end() > m.start() and not self.layer.inside_word(text, m.start(), clause.start, clause.end) \
                        and not _alternative(text, m.start(), m.end()) and not _quoted_speech(text, m.start()) \
                        and not (_title_case(m.group()) and not HAN_RE.search(text, clause.start, clause.end)) \
                        and not ("《" in text and _in_title(text, m.start(), m.end())) \
                        and not _NOT_COPULA_RE.match(text, max(clause.start, m.start() - 1), m.start() + 1):
                    preds.append((m.start(), m.end()))
                # (a match that holds the subject's name, `用到的软标签就是 one-hot`, may hide the phrasing after the name:
                # search again inside it)
                pos = m.start() + 1 if any(m.start() < x.start and x.end <= m.end() for x in subject_names) else max(m.end(), m.start() + 1)
        if preds and not mentions and _FRAME_CLAUSE_RE.fullmatch(text, clause.start, clause.end):
            return None  # (a scene set for what follows: `在回归问题中，我们…`)
        if preds and not mentions:
            # a clause of its own that opens on a kind of method (`一般而言，两阶段目标检测具有较高的精度`) is about that
            # kind, not about the term of the sentence before
            head = _CLAUSE_LEAD_RE.match(text, clause.start, clause.end).end()
            preds = [(ps, pe) for ps, pe in preds if not (ps <= head + 1 and _KIND_NOUN_AFTER_RE.match(text, pe, clause.end))]
        if not preds:
            return None
        lead = _ANSWER_LEAD_RE.match(text, clause.start).end()  # where the clause's own words begin, past a label or a bullet
        preds = sorted(set(preds))  # (a phrasing found in the text and in its noted reading once)
        habit = _HABIT_SUBJECT_RE.match(text, clause.start, clause.end)  # the clause's own noun before 通常/往往, if any
        resp = self._respectively(text, clause, mentions, preds, spec)
        if resp is not None:
            return resp or None
        for ps, pe in preds:
            if any(m.start <= ps and pe < m.end and not set(m.keys) & set(spec.subjects) and self._mentions(text, pe, m.end)
                   and not any(n.keys == m.keys for n in self._mentions(text, ps, pe))
                   and _LIST_ITEM_BEFORE_RE.search(text, clause.start, m.start) for m in mentions):
                # `KL 散度、对称 KL 散度和 JS 散度`: a phrasing that qualifies a term's name inside the longer name of another
                # term listed beside it (对称 + KL 散度) is part of that name (not one the subject is said to be, `属于…的近似
                # 注意力`; nor one that names the term itself, `BPE 分词`, or is the name but for a sign, `λ‖w‖₂²`)
                continue
            if text[pe - 1:pe] == "的" and not _COPULA_BEFORE_RE.search(text, clause.start, ps):
                after = pe + len(text[pe:min(clause.end, pe + 2)]) - len(text[pe:min(clause.end, pe + 2)].lstrip(" *"))
                if any(m.start == after and not set(m.keys) & set(spec.subjects) for m in mentions):
                    # `将输出提供给线性回归中使用的平方损失函数`: a phrasing that ends a modifier of another term (its 的 the
                    # phrasing's own) describes that term (not after a copula: `X 是给回归用的损失`)
                    continue
            if any(m.start >= pe and _VARIANT_OF_RE.fullmatch(text, pe, m.start) and _VARIANT_AFTER_RE.match(text, m.end, clause.end)
                   for m in mentions):
                continue  # `是零中心的 Sigmoid 变体`: the property is the variant's, not the term's it is a variant of
            if _LOOKS_LIKE_BEFORE_RE.search(text, max(clause.start, ps - 8), ps):
                continue  # `PPO 是一个看起来很像 off-policy 的 on-policy 算法`: what it resembles, not what it is
            if _LIKENED_RE.search(text, max(clause.start, ps - 12), min(pe, ps + 4)) and _LIKENED_AFTER_RE.match(text, pe, clause.end):
                continue  # `和根据上文预测下一个 Token 类似`: what the subject is likened to
            if (cmp := _COMPARED_PROPERTY_RE.search(text, clause.start, ps)) is not None \
                    and (cmp.group("mod") or _OBJECT_BEFORE_RE.search(text, clause.start, ps)):
                continue  # `BERT 收敛得比 left-to-right 模型慢`: the property describes what is compared with
            if (_VS_BEFORE_RE.search(text, max(clause.start, ps - 12), ps) or _VS_AFTER_RE.match(text, pe, clause.end)
                    or _VS_RE.search(text, ps, pe)) and _slashed_pairing(text, clause, mentions, ps) is None:
                # `加法残差 vs 拼接残差`: one side of a pair set against each other, not said of the term (but `BERT/GPT：
                # 单向 vs 双向` gives each term the value in its place)
                continue
            if _TOPIC_OF_COMPARISON_RE.match(text, pe, clause.end) and _COMPARED_PAIR_RE.search(text, clause.start, pe):
                continue  # `介绍 on-policy 与 off-policy 的区别`: both are what is compared, neither is claimed
            if _in_bracket_led_by(_GLOSS_BRACKET_RE, text, max(clause.start, ps - 48), ps):
                continue  # `灾难性取消（就是两个近似值相减…）`: a bracket that glosses the word before it
            if _COMPARED_SECOND_BEFORE_RE.search(text, clause.start, ps):
                continue  # `比较了 FlashAttention 与常见近似注意力方法的 IO 复杂度`: the property is the second compared thing's
            if (_DISPOSAL_OBJECT_RE.search(text, clause.start, ps) and _CHANGED_INTO_RE.match(text, pe, clause.end)) or (
                    (into := _DISPOSED_INTO_RE.search(text, max(0, clause.start - 12), ps)) is not None
                    and any(into.start() < m.start and m.end <= ps and set(m.keys) & set(spec.subjects) for m in mentions)):
                continue  # `GRU 将 LSTM 的三个门调整为两个`, `将三个门：输入门、遗忘门、输出门变为两个门`: what 将 changes is not what the subject has
            if _COMPARED_LEAD_RE.search(text, clause.start, ps) or _DIFFERS_FROM_RE.search(text, clause.start, ps) or \
                    (_WITH_BEFORE_RE.search(text, clause.start, ps) and _DIFFERS_AFTER_RE.match(text, pe, clause.end)):
                continue  # `相比直接按词频抽样`, `与要求连续匹配的子串不同`: the property is the compared thing's
            if _SETTING_USED_RE.search(text, clause.start, ps):
                continue  # `小模型用 r=32 反而容易过拟合`: what a setting does to the term, not the term as it is
            if (own := _OWN_SUBJECT_AFTER_AND_RE.search(text, clause.start, ps)) is not None and (
                    _RESOURCE_RE.search(own.group("np")) or any(
                        own.start("np") <= m.start and m.end <= own.end("np") and not set(m.keys) & set(spec.subjects) for m in mentions)):
                continue  # `…，且 KV Cache 和激活值随长度线性增长`: a coordinated clause with a subject of its own
            if _IN_BEFORE_RE.search(text, max(clause.start, ps - 3), ps) and _MODEL_KIND_FRAME_RE.match(text, pe, clause.end):
                continue  # `在自回归模型的训练和预测过程中引入了下文信息`: a kind of model named in a frame, not the term's kind
            if _TARGETED_BEFORE_RE.search(text, clause.start, ps) and _FLAW_AFTER_RE.match(text, pe, clause.end):
                continue  # `针对于 Two-Stage 目标检测算法…的缺点`: the flaw of another thing that is targeted
            if (means := _ADDED_MEANS_RE.search(text, clause.start, ps)) is not None and not any(
                    means.end() <= m.start < ps and set(m.keys) & set(spec.subjects)
                    and _DISPOSAL_OBJECT_RE.search(text, means.end(), m.start) for m in mentions):
                # `自注意力通过加入位置编码能感知顺序`: said of the term with the addition (not a term the doer then takes
                # with 把/将, `通过引入回译把 BLEU 从 32 降到 21，…`: the change and what it is judged to mean are the term's)
                continue
            if _WITH_IN_RE.search(text, clause.start, ps + 1) and _UNRELATED_AFTER_RE.match(text, pe, clause.end):
                continue  # `跟判别器 loss 变 0 不是一回事`: the property is said to be unrelated
            if _SAME_WORD_RE.search(text, ps, pe) and _SAME_FRAME_RE.match(text, pe, clause.end):
                continue  # `相同 weight_decay 下，…`: a condition held equal, not two things said to be the same
            if _ORDINAL_HEAD_RE.match(text, max(clause.start, ps - 1), ps + 1):
                continue  # `第一阶段`: an ordinal, not `一阶段`
            if (num := _TRAILING_NUMBER_RE.search(text, ps, pe)) is not None and (
                    (_OPERAND_BEFORE_RE.search(text, clause.start, num.start()) and _EQUALS_AFTER_RE.match(text, pe))
                    or _OPERAND_AFTER_RE.match(text, pe, clause.end)):
                continue  # `4 × 0.25 = 1`: an operand, not the value stated
            if _COUNTED_RE.search(text, ps, pe) and (_ZERO_AFTER_RE.match(text, pe, clause.end)
                                                     or _ZERO_BEFORE_RE.search(text, max(clause.start, ps - 8), ps)):
                continue  # `可学习参数是 0`: there are none
            if _in_bracket_led_by(_EXAMPLE_BRACKET_RE, text, clause.start, ps):
                continue  # `对某些任务（如稀疏模型），…`: an example named in brackets, not a property
            if _REACHES_BEFORE_RE.search(text, max(clause.start, ps - 8), ps) and _LEVEL_AFTER_RE.match(text, pe, clause.end):
                continue  # `达到 Two-stage（如 R-CNN）的水平`: the level of what is compared with, not what the term is
            if _PLACE_BEFORE_RE.search(text, max(clause.start, ps - 14), ps) and _PLACE_AFTER_RE.match(text, pe, clause.end):
                continue  # `在任何现代深度学习框架的代码中实现`: where something is done, not what the subject is
            if _COUNT_IN_RE.search(text, ps, pe) and _PURPOSE_AFTER_RE.match(text, pe, clause.end):
                continue  # `也有两个门用于这样的目的`: the ones that serve a purpose are counted, not all there are
            if _INTENT_RE.search(text, clause.start, ps):
                continue  # `当时想把二分类数据用 LDA 降到 2 维`: what one meant or tried to do, not what is so
            if _ARGUMENT_ASSUMES_RE.search(text, clause.start, ps):
                continue  # `这里的推导假设数据…为零均值`: what an argument assumes, not what the term is
            if "的" in text[max(0, ps - 80):ps] and (goal := _GOAL_RE.search(text, max(0, ps - 80), ps)) is not None \
                    and not _SENTENCE_END_RE.search(text, goal.end(), ps):
                continue  # `你真正需要的是…，…来使得整体的概率最大化`: what one needs, not what the subject does
            if _CAUTION_PURPOSE_RE.search(text, max(0, ps - 40), ps):
                continue  # `需谨慎使用，以避免梯度消失`: what the caution avoids, not what the term does
            if _COST_AFTER_RE.match(text, pe, clause.end):
                continue  # `PTQ更常用：因为…重新训练成本极高`: a step named as costly is one avoided, not done
            if _CAUSED_RE.search(text, max(clause.start, ps - 6), ps) and _QUALIFIED_NOUN_RE.match(text, pe, clause.end):
                continue  # `…，同时又使得 Auto-Regressive LM 能够…`: what is made to act, not the term's property
            paired = _slashed_pairing(text, clause, mentions, ps)
            if paired is not None and not set(paired.keys) & set(spec.subjects):
                continue  # `BERT/GPT/ELMo：双向 vs 单向 vs …`: each term takes the value in its place
            # a term inside the phrasing is part of it, and so is the same term's gloss right after it (`取真正例率 TPR`);
            # so is a term, not the subject, inside a parallel phrasing of the claim next to it (`横轴取 TPR、纵轴取 FPR`)
            live = [m for m in mentions if (m.end <= ps or m.start >= pe) and not any(
                (m.start < qe and m.end > qs and not set(m.keys) & set(spec.subjects)
                 and _PARALLEL_GAP_RE.fullmatch(text, *((pe, qs) if qs >= pe else (qe, ps))))
                or self._glosses(text, mentions, m, qs, qe) for qs, qe in preds)]
            if (prev or frame) and live and live[0].end <= ps and live[0].start == lead \
                    and _STAGE_ATTRIBUTE_AFTER_RE.match(text, live[0].end, ps) and not set(live[0].keys) & set(spec.subjects):
                # `…沿用 GPT 路线，预训练目标是 MLM`: a stage named with its objective is an attribute of the term before
                live, staged = live[1:], True
            else:
                staged = False
            nxt = next((m for m in live if m.start >= pe), None)
            if nxt is not None and not set(nxt.keys) & set(spec.subjects) and _GIVEN_TO_RE.fullmatch(text, pe, nxt.start) \
                    and _OWNED_AFTER_RE.match(text, nxt.end, clause.end):
                continue  # `约 3.4e38 是 FP32 和 BF16 的最大值`: the property is said to be another term's
            if nxt is not None and not set(nxt.keys) & set(spec.subjects) and _quoted_given(text, clause.start, ps, pe, nxt.start):
                continue  # `→ “预测为正里有多少真为正”属于 precision`: a quoted definition said to be another term's
            if nxt is not None and _BRACKET_OPEN_RE.fullmatch(text, pe, nxt.start) and _BRACKET_CLOSE_RE.match(text, nxt.end, clause.end) \
                    and not any(m.start < pe and m.end > ps for m in mentions) and self._bracketed_pairs(text, clause, live) > 1:
                # `sparsity (L1) and smoothness (L2)`: properties each followed by the term that has it, in brackets
                # (not one gloss, `整数（INT8）运算`, nor the gloss of a term the property names, `真正例率（TPR）`)
                bound = ([nxt], nxt.start)
            elif nxt is not None and (_NAMED_AS_AFTER_RE.fullmatch(text, pe, nxt.start) or (
                    _COMPUTED_WITH_BEFORE_RE.search(text, max(clause.start, ps - 4), ps) and _COMPUTES_AFTER_RE.fullmatch(text, pe, nxt.start))) \
                    and not any(m.end <= ps and not _SUBCLAUSE_BREAK_RE.search(text, m.end, ps) for m in live):
                # `…的比例称为准确率`, `以 TP/(TP+FN) 计算 TNR`: the property is of the name it is given, or of what it computes
                bound = ([nxt], nxt.start)
            elif nxt is not None and _MODIFIES_RE.match(text[pe:nxt.start]) and (_COMPARED_RE.search(text, clause.start, ps)
                                                                               or _ALTERNATIVE_BEFORE_RE.search(text, clause.start, ps)):
                bound = ([nxt], nxt.start)  # `使用 L2 正则的岭回归`: the property qualifies the term after it
            elif nxt is not None and not text[pe:nxt.start].strip() and _PAIRED_BEFORE_RE.search(text, clause.start, ps):
                bound = ([nxt], nxt.start)  # `自编码 BERT/自回归 GPT`: in a pair, the property names the term right after it
            elif (rep := _REPRESENTED_BEFORE_RE.search(text, max(clause.start, ps - 40), ps)) is not None:
                # `以 R-CNN 系列为代表的 two-stage 流派`: the property is what the represented group has, its named example's
                inside = [m for m in live if rep.start() <= m.start and m.end <= rep.end()]
                if not inside:
                    continue
                bound = ([inside[-1]], inside[-1].start)
            elif label and label[0].end <= clause.start and not any(m.end <= ps and not self._disposed(text, clause, live, m) for m in live) \
                    and not (prev and all(label[0].end < m.start < clause.start for m in prev)):
                # (not when an earlier clause after the label named a subject of its own: `**激活函数与梯度消失**：
                # sigmoid、tanh 平滑有界，可以缓解梯度消失` goes on with sigmoid and tanh)
                # (a term taken by 把 is an object: `- **X**：…，把注意力的计算量降到 O(n)` is said of X)
                bound = ([Mention(clause.start, clause.start, label[0].keys)], clause.start)  # said of the item's label
            elif prev and not any(m.end <= ps for m in live) and not any(m.start >= clause.start for m in prev) \
                    and _CONCEDED_CHOICE_RE.search(text, max(0, prev[0].start - 10), prev[0].start) \
                    and _ALL_BEFORE_RE.search(text, clause.start, ps) and not _OWN_TOPIC_RE.match(text, clause.start, ps):
                # `无论选 Adapter 还是 LoRA，训练出来的增量都能折叠回原始权重`: what holds whichever is chosen is said of each
                at = lead
                bound = ([Mention(at, at, m.keys) for m in self._mentions(text, prev[0].start, clause.start)], at)
            elif len({m.keys for m in prev}) == 1 and not any(m.start >= clause.start for m in prev) \
                    and (cd := _COPULA_DISPOSAL_OPENS_RE.match(text, lead, ps)) is not None \
                    and not any(m.end <= ps and m.start < cd.end() for m in live):
                # `混合精度训练，本质是把 FP32 浮点计算和 INT8 定点计算拼在一起`: a clause that says what the previous clause's
                # term is, as what is done with 把, has no subject of its own; what 把 takes is an object
                at = lead
                bound = ([Mention(at, at, prev[-1].keys)], at)
            else:
                bound = self._bind(text, clause, live, ps, pe)
                if bound is not None and bound[0][-1].end <= ps:
                    # `A 比 B 更不容易 P`: B is the one more likely to P, and the 不 is spent on the comparison
                    other = next((m for m in live if bound[0][-1].end <= m.start and m.end <= ps
                                  and _THAN_GAP_RE.fullmatch(text, bound[0][-1].end, m.start)), None)
                    if other is not None and _MORE_NOT_RE.fullmatch(text, other.end, ps):
                        bound = ([other], ps)
            if bound is None:
                # (a term named as the agent of a passive inside the phrasing, `IoU 为 0.2 的框会被 NMS 删掉`, or right after
                # it, `位置之间的交互则由前馈网络来完成`: the phrasing is said of it, and of no term the clause goes on with)
                agent = next((m for m in mentions if ((ps < m.start and m.end <= pe and _AGENT_BEFORE_RE.search(text, max(ps, m.start - 4), m.start))
                                                       or (m.start >= pe and _AGENT_AFTER_RE.fullmatch(text, pe, m.start)))
                              and not _COMPOSED_OF_RE.match(text, m.end, clause.end)), None)  # (not `由解码器堆叠而成`: what it is made of)
                if (agent is not None and not set(agent.keys) & set(spec.subjects)) or (
                        agent is None and _AGENT_PHRASE_AFTER_RE.match(text, pe, clause.end)):
                    continue  # `具体类别由 RoI 头预测`: another thing's doing
                bound = None if agent is None else ([agent], agent.start)
            # no term of its own but compared ones (`跟 GPT 一样是…`: what the clause compares with)
            # (nor a term that heads the object the phrasing's verb takes, past a modifier of it: `…，其实就是在最大化真实
            # 分布和模型分布之间的 KL 散度` has no subject of its own)
            compared = all(self._is_object(text, clause, m) or self._opens_like(text, clause, m)
                           or (bound is None and m.start >= pe and _OBJECT_NP_GAP_RE.fullmatch(text, pe, m.start) is not None
                               and _CONTINUES_RE.match(text[clause.start:ps]) is not None)
                           for m in live)
            # a clause with a topic of its own (`而增加层数则会…`) or that gives the property to another
            # thing (`…乘以 p 是原始 Dropout 的做法`) does not go on with an earlier term
            # (not a topic the phrasing itself describes: `…，而 IoU 为 0.8 的框则会保留` says what the term does with it)
            ct = _CONTRAST_TOPIC_RE.match(text, clause.start, clause.end)
            own = bool((ct is not None and ct.end() <= ps) or _ATTRIBUTED_AFTER_RE.match(text, pe, clause.end)
                       or (habit is not None and habit.end("np") <= ps) or _PAIRED_WITH_RE.match(text, clause.start, ps))
            if _NOUN_HEAD_RE.match(text, pe, clause.end) and (
                    (bound is None and _SUBJECT_PHRASE_AT_RE.fullmatch(text, lead, ps) and not _COPULA_AT_RE.match(text, ps, pe))
                    or _CONTRAST_SUBJECT_BEFORE_RE.search(text, clause.start, ps)
                    or _CONSEQUENT_SUBJECT_BEFORE_RE.search(text, clause.start, ps)
                    or _CONSEQUENT_SUBJECT_AT_RE.fullmatch(text, clause.start, ps)):
                continue  # `…，而自回归语言模型每个样本都…`: the phrasing qualifies a subject of its own, a noun
            if bound is None and compared and not own and len({m.keys for m in prev}) == 1 \
                    and (_CONTINUES_RE.match(text[clause.start:pe]) or staged or (live and self._opens_like(text, clause, live[0]))) \
                    and not _BASED_ON_RE.search(text, max(0, prev[-1].start - 6), prev[-1].start) \
                    and not _ENDED_AFTER_RE.match(text, prev[-1].end) \
                    and not _closes_aside(text, clause.start, ps):
                # (not a term the previous clause built on: `JS divergence，基于 KL 散度发展而来，是对称度量` is JS's;
                # nor one whose stage it said was over: `warmup 完成后进入余弦退火，学习率逐渐减小`; nor one inside
                # brackets that close before the property: `WordPiece（…；BERT 沿用，…）与 BPE 同为…` is WordPiece's)
                at = lead
                bound = ([Mention(at, at, prev[-1].keys)], at)  # said of the previous clause's term (or of the question's)
            elif bound is None and compared and (len({m.keys for m in prev}) > 1 or (len(prev) == 1 and len(prev[0].keys) > 1)) \
                    and _BOTH_RE.match(text[clause.start:pe]):  # (or both terms a question asked about: `_asked_topic`)
                at = lead
                bound = ([Mention(at, at, m.keys) for m in prev], at)  # `两者` is every term of the previous clause
            across = None
            owners = False
            if bound is not None and following and all(_TIME_AFTER_RE.match(text, m.end, clause.end) for m in bound[0]) \
                    and _THIS_OPENS_RE.match(text, following[0].start, following[0].end) \
                    and self._named_ahead(text, clause, self._naming_clause(text, following), ps) is not None:
                bound = None  # `训练 GAN 时…，这就是 X`: the scene's term is no subject when the next clause names what happened
            elif bound is not None and following and all(_scene_owner(text, m, ps) for m in bound[0]) \
                    and self._named_ahead(text, clause, self._naming_clause(text, following), ps) is not None:
                bound = None  # `把线性层的矩阵按列拆开，这种做法叫 X`: nor is the owner of the noun the phrasing opens on
                owners = True
            elif bound is not None and following and all(m.start >= pe and _PLACE_IN_AFTER_RE.match(text, m.end, clause.end) for m in bound[0]) \
                    and _PLACE_IN_BEFORE_RE.search(text, max(clause.start, ps - 3), ps) \
                    and self._named_ahead(text, clause, self._naming_clause(text, following), ps) is not None:
                bound = None  # `要在每一层注意力里都插入…，则应选 X`: the term that ends the place is no subject; X, served, is
            elif bound is not None and following and all(m.start == m.end for m in bound[0]) \
                    and _CLEFT_HEAD_END_RE.fullmatch(text, pe, clause.end) \
                    and self._named_ahead(text, clause, following[0], ps) is not None:
                bound = None  # `…，但真正把各个 token 的信息混到一起的，是后面那个 FFN`: a cleft names its own subject next
            if bound is None and following and not any(m.end <= ps and not _TIME_AFTER_RE.match(text, m.end, clause.end)
                                                       and not (owners and _scene_owner(text, m, ps)) for m in live):
                ahead = self._naming_clause(text, following)  # (looked for only where a property has no term of its own)
                across = self._named_ahead(text, clause, ahead, ps)
                if across is not None:
                    bound = ([across], across.start)
            if bound is None and compared and len(prev) > 1 and self._coordinated(text, prev) and _CONTINUES_RE.match(text[clause.start:pe]):
                at = lead
                bound = ([Mention(at, at, m.keys) for m in prev], at)  # `把激活函数换成 A 或 B，是…`: the coordinated terms go on
                if len(prev) == 2 and _WITH_GAP_RE.search(text, prev[0].end, prev[1].start) and _DIFFERS_AFTER_RE.match(text, prev[1].end):
                    bound = ([Mention(at, at, prev[0].keys)], at)  # `A 与 B 相反，它…`: B is what A is compared with
            # (a term after the property past a comma and a word of result is in what follows from it: `气泡占比会跟着
            # 上升，所以微批次切得越细越浪费`)
            if bound is None and not [m for m in live if not (m.start >= pe and _RESULT_BREAK_RE.search(text, pe, m.start))] \
                    and frame and not own and not _closes_aside(text, clause.start, ps):
                at = lead
                # a phrasing that opens the clause is its own subject, not a property; so is a topic of its own
                # before 则/却 (`量化降低位宽，剪枝则减少参数个数`)
                # (unless the clause opens with an adverb or a verb and so has no subject of its own: `…，只用到一阶梯度`)
                # (nor when the clause before only names the topic, `ROC 曲线的话，横轴是…`: what follows comments on it)
                # (nor a phrasing that opens it as a predicate of the topic: `…，整句概率自然最大`, `…，普通 GPU 上推理就快
                # 十倍`; unless something else is then said of it, `具体类别由 RoI 头预测`, `切矩阵乘法的是 TP`, `…，等于…`, or
                # the topic is only carried from the sentence before, `…欠拟合；容量过高会…，导致过拟合`)
                if (text[at:ps].strip(" *") or _ADVERB_LEAD_RE.match(text, at, pe) or _TOPIC_MARKED_RE.search(text, max(0, clause.start - 8), clause.start)
                        or not (carried or _said_of_itself(text, pe, clause.end))
                        # (or on a part of a ratio, the topic's: `交并比很好算。分母就是两框面积相加`)
                        or (carried and _RATIO_PART_OPENS_RE.match(text, ps, pe))) \
                        and not _OWN_TOPIC_RE.match(text, at, ps) \
                        and not _PERSON_RE.search(text, at, ps) and not _NAMED_SUBJECT_RE.match(text, at, ps) \
                        and not _EXAMPLE_IN_RE.search(text, at, ps) \
                        and not _ADVISED_USE_RE.search(text, at, ps) \
                        and not _listed_kind(text, ps, pe):  # (`…，比如阅读理解这种任务，…`: said of the example)
                    # (nor advice to use the property: `这时候可以考虑使用聚类算法` proposes it, not what the topic is)
                    bound = ([Mention(at, at, frame)], at)  # said of the sentence's topic
                    # (not when a person does it: `接下来我们就可以…进行有监督训练` is not said of the topic)
            if bound is None and compared and not own and not live and len({m.keys for m in prev}) == 1 \
                    and (at := _opens_on_state(text, clause, ps, pe, prev[-1])) is not None:
                bound = ([Mention(at, at, prev[-1].keys)], at)  # said of the previous clause's term
            if bound is None:
                continue
            group, anchor = bound
            if not any(k in spec.subjects for m in group for k in m.keys):
                continue
            if group[0].start >= pe and len(group) > 1:  # a list after the property ends, for the quote, at the subject
                group = group[:max(i for i, m in enumerate(group) if set(m.keys) & set(spec.subjects)) + 1]
            if group[-1].end <= ps and _THEN_RE.search(text, group[-1].end, ps) \
                    and (_FIRST_RE.search(text, max(clause.start, group[0].start - 3), group[0].start)
                         or _ENDED_RE.match(text, group[-1].end, ps)):
                continue  # `先预热再结合调度器（如线性衰减）`, `预热结束后，再…降低`: the later step's property, not the first's
            if group[-1].end <= ps and _ENDED_AFTER_RE.match(text, group[-1].end, ps):
                continue  # `预热结束后才进入衰减阶段`: said of the time after the term's stage
            if group[-1].end <= ps and _FROM_TO_RE.match(text, group[-1].end, ps) \
                    and _FROM_BEFORE_RE.search(text, max(clause.start, group[0].start - 6), group[0].start):
                continue  # `逐渐从教师强制转向模型预测`, `shift from teacher forcing to model predictions`: where a change starts
            if group[-1].end <= ps and _AFTER_STEP_RE.match(text, group[-1].end, ps):
                continue  # `池化后通过可学习权重加权融合`: the weights are the fusion's, the step after the term
            if group[-1].end <= ps and _PAIRED_BETWEEN_RE.search(text, group[-1].end, ps):
                continue  # `使用 warm-up，搭配线性衰减`: the decay is what the term is paired with, not the term's
            if group[-1].end <= ps and _aside_clause(text, group[-1].end, ps):
                continue  # `在 Residual Block 的 Eltwise sum（…，Concat是通道拼接，…）之前`: an aside's own clause
            glossed = self._glossed(text, group, mentions, ps)
            if glossed is not None:
                if not any(k in spec.subjects for k in glossed.keys):
                    continue  # `如量化（…）、剪枝（去除冗余的参数）`: a gloss in brackets is said of the term right before it
                group = [glossed]
            if group[-1].end <= clause.start and _THEN_LEAD_RE.match(text, clause.start, ps) \
                    and _ENDED_BEFORE_RE.search(text, max(0, clause.start - 16), clause.start):
                continue  # `当预热过程结束，再选择一种衰减方法来降低…`: the next step's, not the one that ended
            if _THEN_LEAD_RE.match(text, clause.start, ps) and _DENIED_STEPS_RE.search(text, max(0, clause.start - 60), clause.start):
                continue  # `mAP 不是把每类的准确率算出来，再取平均`: the denial before 把 covers the steps after it
            if group[-1].end <= ps:
                colon = max(text.rfind("：", group[-1].end, ps), text.rfind(":", group[-1].end, ps))
                if colon >= 0 and _NAMED_SUBJECT_RE.match(text, colon + 1, ps):
                    continue  # `再看 TP vs PP：TP 把权重矩阵切到多卡`: after the colon a name of its own is the subject
            if group[0].end > group[0].start and _PERMITTED_RE.search(text, max(clause.start, group[0].start - 8), group[0].start):
                continue  # `**允许更高学习率**：训练更稳定`: the benefits of what allows the term, not the term's
            said_of = {k for m in group for k in m.keys}
            if any(ps <= m.start < pe and m not in group and said_of <= set(m.keys)
                   and (_USE_VERB_RE.fullmatch(gap := text[ps:m.start].strip(" \t*_")) or (not gap and m.end >= pe)) for m in mentions) \
                    and not any(m not in group and set(m.keys) & set(spec.subjects) and not said_of & set(m.keys) for m in mentions):
                # the property is, uses or names again the term it is said of (`**Laplace Prior**: Laplace先验`): nothing is
                # claimed (unless it is said of another term too, or another of the rule's terms is in the clause:
                # `**One-Hot**：将多标签数据转换为 one-hot`)
                continue
            if group[-1].end <= ps and _across_cells(text, group[0].start, ps):
                continue  # a table cell's term and a later cell's words, not in the row's first cell
            if group[-1].end <= ps and _COORD_PEER_RE.fullmatch(text, group[-1].end, ps) and _NOUN_TAIL_RE.match(text, pe, clause.end):
                continue  # `线性预热（warmup）和余弦/线性衰减的调度器`, `（线性预热 + 线性衰减）`: a method named beside the term
            if group[-1].end <= ps and (_ENUMERATED_NEXT_RE.fullmatch(text, group[-1].end, ps)
                                        or (_PEER_NEXT_RE.fullmatch(text, group[-1].end, ps) and _TITLE_TAIL_RE.fullmatch(text, pe, clause.end))):
                continue  # `低维有效的算法（k-NN、聚类）`: a word listed after the term with 、 is its peer, not said of it
            lo, hi = (anchor, ps) if anchor <= ps else (pe, anchor)
            if anchor > ps and _SCENE_NAMED_RE.fullmatch(text, pe, anchor):
                # `判别器损失掉到 0、不再更新时，这就是 X`: a negation in the rest of the scene is the scene's; the words
                # that name it decide
                lo = max(text.rfind("，", pe, anchor), text.rfind(",", pe, anchor)) + 1
            if across is not None:
                # `…P，这就是 X`: the property's own clause and the words naming X decide the polarity
                within = (clause.start, ahead.end)
                if self.layer.hedged(text, clause.start, ps, within) or self.layer.hedged(text, ahead.start, across.start, within):
                    continue
                negs = self.layer.negations(text, clause.start, ps, within) + self.layer.negations(text, ahead.start, across.start, within) \
                    + self.layer.prefix_negated(text, ps, clause.start)
                if polarity:
                    return negs % 2 == 0
                if (negs % 2 == 0) == (spec.wrong == "affirm"):
                    return min(ps, across.start), max(pe, across.end)
                continue
            if anchor <= ps and _CONTRASTED_AFTER_DASH_RE.search(text, max(clause.start, group[-1].end), ps):
                continue  # `Adam 仍是一阶方法——真正的二阶方法（牛顿法）需要…`: the real other thing, after a dash
            if anchor <= ps and _PROPOSED_RE.search(text, max(clause.start, group[-1].end), ps):
                continue  # `…，并建议在这种规模下训练双向模型`: a model proposed to be built, not the term
            if anchor <= ps and _DENIED_CAUSE_RE.search(text, clause.start, group[0].start):
                continue  # `下降不能归因于大 batch 噪声变大`: what a denied attribution names is neither stated nor denied
            if _EXCEPTION_AFTER_RE.match(text, pe, clause.end):
                continue  # `推理时保留随机失活的 MC Dropout 是特殊的例外`: what the clause calls an exception is not the rule
            if anchor <= ps and group[0].end > group[0].start and _DISPOSAL_RE.search(text, clause.start, group[0].start):
                # `X 并不是把教师的输出当成学生的输入`: the term is the object of 把/将, and the negation before
                # 把 denies the whole predicate: read from the term (or the clause start) before it
                lo = max([clause.start] + [m.end for m in mentions if m.end <= group[0].start and m is not group[0]])
                lo = min(lo, group[0].start)
            colon = max(text.rfind("：", lo, hi), text.rfind(":", lo, hi), text.rfind("——", lo, hi) + 1,
                        text.rfind("→", lo, hi), text.rfind("⇒", lo, hi), text.rfind("->", lo, hi) + 1, text.rfind("=>", lo, hi) + 1)
            if colon >= 0 and text[lo:colon].strip(" *—"):
                # "X 并不能…：它对排列是置换等变的": a colon after words opens a new statement; so does a dash
                # (`核心思想是"数据不动模型动"——让各方在不共享原始数据的前提下…`: the slogan's 不 is its own), and an
                # arrow to what follows (`无法合并 → 增加推理延迟`: the cause's 无法 is the cause's)
                lo = colon + 1
            within = (clause.start, clause.end)
            if anchor <= ps and (frame := _NEG_FRAME_RE.match(text, clause.start, ps)) is not None:
                lo = max(lo, frame.end())  # `不加位置信息时它…`: the frame's negation is the frame's, not the property's
            if anchor <= ps and ((frame := _NEG_FRAME_RE.match(text, _FRAME_LEAD_SKIP_RE.match(text, lo, ps).end(), ps)) is not None
                                 or (frame := _last(_IN_NEG_FRAME_RE.finditer(text, lo, ps))) is not None):
                lo = max(lo, frame.end())  # (after the term or a colon: `自注意力在没有位置信息时…`, `自注意力：没有位置信息时它…`)
            if self.layer.hedged(text, lo, hi, within):
                continue
            # (a negation before a comma inside a joined clause denies the part before it: `既能防止梯度变小，也能
            # 防止梯度变大` reads the second 防止 from after the comma)
            cut = max(text.rfind("，", lo, hi), text.rfind(",", lo, hi)) + 1 if anchor <= ps else 0
            if anchor <= ps and (enum := text.rfind("、", max(lo, cut), ps)) >= 0:
                # (and one inside an earlier item of a list parted by 、 denies that item only: `参数量不大、计算复杂度低`;
                # not one that opens the list, `并不是参数量小、计算复杂度低`)
                item = max(lo, cut, text.rfind("、", max(lo, cut), enum) + 1)
                head = _ANSWER_LEAD_RE.match(text, item).end()
                if self.layer.negations(text, item, enum, within) and not self.layer.negations(text, item, min(enum, head + 2), within) \
                        and not _PRONOUN_RE.fullmatch(text, item, enum):
                    cut = enum + 1
            if anchor <= ps:
                # and a bracket still open at the property that says its own negation is an aside of its own:
                # `L2 不会使权重为 0（不会产生稀疏解）` reads the second 不会 alone (an aside without one restates what
                # is before it: `均值不是 0（即 zero-centered）` still denies)
                br = _open_bracket(text, lo, ps)
                if br >= 0 and self.layer.negations(text, br + 1, ps, within):
                    cut = max(cut, br + 1)
            rel = _REL_NEG_BEFORE_RE.search(text, max(lo, cut), ps) if anchor <= ps else None
            if rel is not None:
                # `KNN 是不看标签、把数据自动分组的聚类算法`: a negation inside the modifier of the noun the property names
                # picks out a kind of it; the copula before the modifier is what is affirmed or denied
                negs = self.layer.negations(text, max(lo, cut), rel.start("rel"), within) + self.layer.negations(text, rel.end("rel"), hi, within)
            else:
                negs = self.layer.negations(text, max(lo, cut), hi, within)
            negs += self.layer.prefix_negated(text, ps, clause.start)
            if anchor <= ps and _DENIED_CAUSE_BEFORE_RE.search(text, max(clause.start, cut, group[0].start - 8), group[0].start):
                negs += 1  # `MQA 不是让所有头用同一个 Query`: a denial of the causing denies what it would cause
            if anchor <= ps and any((at := _DENIED_AT_BEFORE_RE.search(text, max(clause.start, cut, m.start - 10), m.start)) is not None
                                    and at.start() < max(lo, cut) and not _STATEMENT_OPENS_RE.search(text, m.end, ps) for m in group):
                negs += 1  # `BN 不会在推理时使用当前 batch 的统计量`: the denial before 在 covers the verb phrase the term opens
            if anchor <= ps and any(_DENIED_LIST_RE.fullmatch(text, clause.start, m.start) for m in group):
                negs += 1  # `并不是 BERT 用 BPE、GPT-2 用 WordPiece`: the denial at the head covers every statement listed
            if anchor > ps and _STATED_OF_AFTER_RE.search(text, pe, anchor):
                # the term after the property (`不等价：L2 项…`, `不稀疏的是 L2`): a negation before the property in
                # its own part of the clause denies it too (not in a relative clause that picks out a kind of the
                # term, `不进行权重共享的卷积层`)
                negs += self.layer.negations(text, max(clause.start, text.rfind("，", clause.start, ps) + 1,
                                                       text.rfind(",", clause.start, ps) + 1), ps, within)
            elif anchor > ps and not polarity and spec.wrong == "affirm" and self.layer.negations(
                    text, max(clause.start, *(text.rfind(c, clause.start, ps) + 1 for c in "，,、")), ps, within) % 2:
                continue  # `采用无偏置、不减均值的 RMSNorm`: a denied property picks out the term, it states nothing wrong of it
            if anchor <= ps and _LACK_AFTER_RE.match(text, pe, clause.end):
                negs += 1  # `补充自注意力在捕捉位置信息方面的不足`: a lack of the property
            if _NONE_BEFORE_RE.search(text, clause.start, ps) and _NONE_AFTER_RE.match(text, pe, clause.end):
                negs += 1  # `一个可学习参数都没有`: not one of what the property names
            if _DROPPED_AFTER_RE.match(text, pe, clause.end):
                negs += 1  # `干脆把减均值这一步省掉`: the step the property names is left out
            tail = _LABEL_TAIL_RE.match(text, pe, clause.end)
            if tail and not negs and len(_MARKUP_RE.sub("", text[lo:hi])) <= 4 and not _LINKED_RE.search(text, lo, hi) \
                    and not _LINKED_RE.search(text, ps, pe):  # (`ROC 曲线下面积是 0——它没有区分能力`: a value stated, no label)
                # "稀疏性：不具备": the property named as a label right after the term, then said of it
                negs += self.layer.negations(text, tail.end(), clause.end, within)
            affirmed = negs % 2 == 0
            if polarity:
                return affirmed
            if affirmed == (spec.wrong == "affirm"):
                first = min([ps] + [m.start for m in group])
                last = max([pe] + [m.end for m in group])
                return first, last
        return None

    @staticmethod
    def _bracketed_pairs(text: str, clause: Span, mentions: list[Mention]) -> int:
        """How many different terms of the clause stand alone in brackets after words (`稀疏（L1）和平滑（L2）`)."""
        return len({m.keys for m in mentions if _BRACKETED_BEFORE_RE.search(text, clause.start, m.start)
                    and _BRACKET_CLOSE_RE.match(text, m.end, clause.end)})

    @staticmethod
    def _disposed(text: str, clause: Span, live: list[Mention], m: Mention) -> bool:
        """Whether a term is what 把/将 takes, or a part of it (`将 LSTM 的三个门调整为两个`: both)."""
        if _DISPOSAL_RE.search(text, clause.start, m.start):
            return True
        k = next((i for i, x in enumerate(live) if x is m), 0)
        while k > 0 and _OWNER_GAP_RE.fullmatch(text, live[k - 1].end, live[k].start):
            k -= 1
            if _DISPOSAL_RE.search(text, clause.start, live[k].start):
                return True
        return False

    def _naming_clause(self, text: str, following: tuple[Span, ...]) -> Span:
        """Of the (up to three) clauses after a clause, the one that may name what it described: the next, or the one after
        it when the next only goes on with the description, naming no term (`把判对的正例和负例加起来，再除以样本总数，这就是
        精确率`), or a later one that opens on 这 when those between name terms only as objects (`…换成 INT8 计算，其余部分
        保留 FP32，…，这就是 X`)."""
        nxt = following[0]
        for j in range(1, len(following)):
            if following[j - 1].kind != "statement":
                break
            far = following[j]
            named = self._mentions(text, far.start, far.end)
            if not named or not _NAMES_AHEAD_RE.fullmatch(text, far.start, named[0].start):
                continue
            between = [(c, m) for c in following[:j] for m in self._mentions(text, c.start, c.end)]
            if (j == 1 and not between) or (_THIS_OPENS_RE.match(text, far.start, far.end)
                                             and all(_KEPT_OBJECT_BEFORE_RE.search(text, c.start, m.start) for c, m in between)):
                return far
            break
        return nxt

    def _named_ahead(self, text: str, clause: Span, ahead: Span, ps: int) -> Mention | None:
        """The term a property with no term of its own is said of in the next clause: one that names what the
        clause described (`…慢慢往下调，这个过程就叫 X`, `…，这就是 X`, `…，得到的就是 X`), its agent (`…，主要是由 X 来完成`),
        or the term a purpose clause is served by (`为了避免 P，隐藏层应该使用 X`)."""
        mentions = self._mentions(text, ahead.start, ahead.end)
        if not mentions:
            return None
        first = mentions[0]
        if _NAMES_AHEAD_RE.fullmatch(text, ahead.start, first.start) and not _REASON_CLAUSE_RE.match(text, first.end, ahead.end):
            return _owned_head(text, mentions)  # (`…，这就是 GAN 里的模式崩溃`: the term after the place that owns it)
        if _AGENT_AFTER_RE.fullmatch(text, ahead.start, first.start):
            return first  # (`token 之间的信息交换，主要是由 FFN 来完成`: the agent the next clause names)
        if _INCLUDES_LEAD_RE.fullmatch(text, ahead.start, first.start):
            return first  # (`熟悉多种深度学习框架，包括 MobileNet、ResNet…`: the items of the kind the clause named)
        if _FOR_THIS_LEAD_RE.fullmatch(text, ahead.start, first.start) and _FOR_THIS_AFTER_RE.match(text, first.end, ahead.end) \
                and _GOAL_MODAL_RE.search(text, clause.start, ps):
            # (`…应使锚点离负样本更近，三元组损失正是为此而设`: the goal the term is made for is what it does; not a state
            # it answers, `锚点离负样本更近的情况不少见，X 正是为此而设`)
            return first
        if _VALUE_LEAD_RE.fullmatch(text, ahead.start, first.start) and _VALUE_TAIL_RE.fullmatch(text, first.end, ahead.end):
            # (`输出 200 个正类判断、其中 150 个判对，其准确率便是 75%`: a worked example, then the value of the term computed
            # on it; what the example counts is how the term is computed)
            return first
        purpose = _PURPOSE_RE.match(text, clause.start, max(ps, clause.start + 1) + 1)  # (its lead may look at the property's start: `要把…`)
        if ((purpose is not None and purpose.end() <= ps) or _WISH_OPENS_RE.match(text, ps)) and _SERVED_BY_RE.fullmatch(text, ahead.start, first.start):
            return first
        return None

    @staticmethod
    def _coordinated(text: str, group: list[Mention]) -> bool:
        """Whether the mentions are one coordinated group (`A 或 B`, `A、B 和 C`)."""
        return all(b.start >= a.end and _COORD_RE.match(text[a.end:b.start]) for a, b in zip(group, group[1:]))

    def _coordinated_up_to(self, text: str, clause: Span, before: list[Mention], end: int) -> list[Mention]:
        """before[end] with the terms coordinated right before it that are not objects (`GPT 和 BERT 的预训练目标`: the part
        of each owner; `BERT 和 GPT 预训练时都…`: the terms in that stage)."""
        i = end
        while i > 0 and _COORD_RE.match(text[before[i - 1].end:before[i].start]) and not self._is_object(text, clause, before[i - 1]):
            i -= 1
        return before[i:end + 1]

    def _bind(self, text: str, clause: Span, mentions: list[Mention], ps: int, pe: int,
              extend: bool = True) -> tuple[list[Mention], int] | None:
        """The term group a property at [ps, pe) is said of, and where the words that qualify it begin
        (`extend`: with the agent of a 把 phrase and the owner of a part, `X 的 Y`)."""
        bound = self._said_of_next(text, clause, mentions, ps, pe)
        if bound is not None:
            return bound
        before = [m for m in mentions if m.end <= ps]
        named = next((m for m in mentions if m.start >= pe), None)
        if before and named is not None and _SCENE_NAMED_RE.fullmatch(text, pe, named.start) \
                and all(_scene_owner(text, m, ps) for m in before):
            return [named], named.start  # `当 GAN 的判别器损失掉到 0 时，这就是 X`: the owner of the scene's noun is no subject
        frame = None  # `在预训练时`: a time frame is the subject only when no other term is
        for k in range(len(before) - 1, -1, -1):
            m = before[k]
            if self._is_object(text, clause, m) or _bracket_closes(text, m.end, ps) or (
                    # (`Adagrad 像一个学生：它的…`: what the term is likened to is not what the property is said of)
                    k > 0 and _LIKENED_TO_RE.fullmatch(text, before[k - 1].end, m.start) and not self._is_like(text, clause, m)) or (
                    # (the other name of a thing compared with, glossed in a bracket: `MAE 比均方误差（MSE）更敏感`)
                    k > 0 and _BRACKET_JOINT_RE.fullmatch(text, before[k - 1].end, m.start)
                    and self._is_object(text, clause, before[k - 1])) or (
                    k == 0 and self._opens_like(text, clause, m)) or (
                    _BRACKET_CLOSE_COORD_RE.match(text, m.end, ps) and _BRACKETED_BEFORE_RE.search(text, clause.start, m.start)
                    and self._bracketed_pairs(text, clause, mentions) > 1) or (
                    _WITH_GAP_RE.search(text, max(clause.start, m.start - 6), m.start) and _COMPARED_WITH_COLON_RE.match(text, m.end, ps)):
                # (a term inside brackets that close before the property annotates another word; so does each of a
                # pair, `MLM（BERT）与自回归语言模型（GPT）`; what the subject is set against is no subject, `CBOW 与
                # Skip-gram 相反：…`)
                continue
            if k > 0 and _TIME_AFTER_RE.match(text, m.end, clause.end) and not text[before[k - 1].end:m.start].strip(" *") \
                    and not self._is_object(text, clause, before[k - 1]):
                # (with the terms coordinated with it: `BERT 和 GPT 预训练时都…`)
                return [*self._coordinated_up_to(text, clause, before, k - 1), m], m.end  # `BERT 预训练时…`, `word2vec 抽负样本时…`: said of the term in that stage
            if self._is_time_frame(text, clause, m) or (frame is not None and _WHEN_CLAUSE_ENDS_RE.match(text, m.end, ps)):
                # (and a term a when-clause acts on, before a time the main clause names: `部署分类模型时，推理阶段也…`)
                frame = frame or ([m], m.end)
                continue
            group = [m]
            j = k
            while j > 0 and (_COORD_RE.match(text[before[j - 1].end:before[j].start])
                             or (not text[before[j - 1].end:before[j].start].strip(" *")  # (or in apposition: `COCO 的主指标 mAP`)
                                 and not self._is_time_frame(text, clause, before[j - 1]))
                             or _DEMONSTRATIVE_APPOSED_RE.fullmatch(text, before[j - 1].end, before[j].start)):
                group.insert(0, before[j - 1])
                j -= 1
                if _BRACKET_JOINT_RE.fullmatch(text, group[0].end, group[1].start):
                    break  # `L1、L2（L2 也叫 weight decay`: a term in a bracket still open glosses the one term before it
            group += [x for x in before[k + 1:] if self._is_like(text, clause, x)]
            anchor = m.end
            if not extend:
                return group, anchor
            return self._extended(text, clause, before, group, j, anchor, ps, pe)
        if frame:
            return frame
        after = [m for m in mentions if m.start >= pe and (not self._is_object(text, clause, m)
                                                           or _PROPERTY_EXAMPLE_RE.fullmatch(text, pe, m.start))]
        after, cleft = _cleft(text, pe, after)
        suited = next((m for m in mentions if m.start >= pe), None)
        if suited is not None and _SUITED_END_RE.search(text, ps, pe) and not text[pe:suited.start].strip(" \t*"):
            # `MSE 比交叉熵更适合分类问题`: what a property of suitability ends on is what it is said of
            return [suited], suited.start
        listed = None
        if after and not cleft:
            # `聚类方法包括 DBSCAN、KNN、GMM`: items the glossary does not know come first in the list
            listed = next((k for k, m in enumerate(after) if _LIST_LEAD_RE.fullmatch(text, pe, m.start)), None)
            if listed is not None:
                after = after[listed:]
        if after and (listed is not None or cleft):
            # `稀疏性是 L2 的特点`, `单向的 GPT`: a cleft or a property that qualifies the term, not across a comma
            # and not `AR（单向缺点）和 BERT…` or `用自回归的特点克服 BERT 的缺点`
            group = [after[0]]
            k = 0
            while k + 1 < len(after) and _OWNER_GAP_RE.fullmatch(text, after[k].end, after[k + 1].start):
                # `送入 PyTorch 的 nn.CrossEntropyLoss`: the part the owner right after the property has is said of too
                k += 1
                group.append(after[k])
            if k == 0 and (listed is not None or _LISTS_RE.search(text, pe, after[0].start)):
                # `常见的聚类算法有 k-means、KNN 和 DBSCAN`: a category listed is said of every item of the list
                for m in after[1:]:
                    if not _COORD_RE.match(text[group[-1].end:m.start]) and not _LIST_GAP_RE.fullmatch(text, group[-1].end, m.start):
                        break
                    group.append(m)
            return group, after[0].start
        return None

    def _extended(self, text: str, clause: Span, before: list[Mention], group: list[Mention], j: int, anchor: int,
                  ps: int, pe: int) -> tuple[list[Mention], int] | None:
        """`group` (the terms before a property at [ps, pe), `before[j]` its first) with the agent of a 把 phrase, the owner
        of a part, the term acted through and the term added before `之后`, and where the words that qualify the property
        begin (`anchor`, the end of the group's own term, unless an agent's end); None when the property is what the
        agent makes of another's part."""
        agent = next((x for x in reversed(before[:j]) if not self._is_object(text, clause, x)
                      and _DISPOSAL_IN_RE.search(text, x.end, group[0].start)), None)
        if agent is not None and _POSSESSED_RE.match(text, group[-1].end, ps) \
                and not _CHANGED_FROM_TO_RE.search(text, ps, pe):
            # `A 把 B 的 X 降为 Y`: Y is what A makes of B's part X; it is said neither of A nor of B as it is (unless
            # the phrasing is the change itself, `FlashAttention 把 attention 的计算量从 O(n²) 降到了 O(n)`: what A does)
            return None
        if agent is not None:
            # `U-Net 的跳跃连接把编码器特征与解码器特征逐元素相加`: what 把 takes is the object; the agent
            # before it is a candidate too, and the words after the agent qualify the property
            group, anchor = [agent] + group, agent.end
        owner = next((x for x in before if x.end < group[0].start and not _AUTHORS_AFTER_RE.match(text, x.end, group[0].start)
                      and (_OWNER_RE.fullmatch(text, x.end, group[0].start)
                      or (text[x.start:x.end] == "其" and not text[x.end:group[0].start].strip(" *"))  # `其 FFN`
                      or (x.start == x.end and _PRONOUN_OWNER_GAP_RE.fullmatch(text, x.end, group[0].start))  # `它那个 decoder`
                      or _OWNER_NOUN_RE.fullmatch(text, x.end, group[0].start)
                      or (_LOCATIVE_GAP_RE.fullmatch(text, x.end, group[0].start) and _LOCATIVE_TAIL_RE.match(text, group[-1].end, ps))
                      # (the term a source explains, a part of it named after: `老师讲 U-Net 的时候，跳跃连接…`)
                      or (_TOLD_LEAD_RE.fullmatch(text, clause.start, x.start) and _TOLD_END_RE.fullmatch(text, x.end, group[0].start)))), None)
        if owner is not None:  # `U-Net 的跳跃连接`, `LLaMA 在 FFN 里用…`: what is said of the part is said of its owner too
            group = self._coordinated_up_to(text, clause, before, before.index(owner)) + group
        actor = next((x for x in reversed(before[:j]) if _ACTS_THROUGH_RE.fullmatch(text, x.end, group[0].start)), None)
        if actor is not None and not self._is_object(text, clause, actor):
            group = [actor] + group  # `LSTM 通过门控机制解决了梯度爆炸`: said of LSTM as of its gates
        used = before[j - 1] if j > 0 else None
        if used is not None and _used_then(text, clause.start, used, group[0].start, whole=True) \
                and not _UNUSED_RE.search(text, clause.start, used.start):
            group = [used] + group  # `加了残差连接之后浅层的梯度衰减得更快`: the effect of the addition
        return group, anchor

    def _said_of_next(self, text: str, clause: Span, mentions: list[Mention], ps: int,
                      pe: int) -> tuple[list[Mention], int] | None:
        """The term right after a property at [ps, pe) when the property's own words say it is that term's: what names it
        (`负样本中被误判为正的比例是 FPR`), what does the work (`信息融合主要靠前馈网络完成`), or what a phrasing that is the
        change itself changes into (`把 ReLU 改成 tanh`); None otherwise."""
        named = next((m for m in mentions if m.start >= pe), None)
        if named is None or self._is_object(text, clause, named):
            return None
        if _NAMED_BY_RE.fullmatch(text, pe, named.start) or _SIGN_OF_RE.fullmatch(text, pe, named.start):
            return [named], named.start
        if _DONE_BY_RE.fullmatch(text, pe, named.start) and _DONE_TAIL_RE.match(text, named.end, clause.end):
            return [named], named.start
        if _INTO_VERB_END_RE.search(text, ps, pe) and _INTO_GAP_AFTER_RE.fullmatch(text, pe, named.start):
            return [named], named.start
        return None

    @staticmethod
    def _is_time_frame(text: str, clause: Span, m: Mention) -> bool:
        """`在预训练时` / `预训练阶段，`: a term that names when something happens, not what it is said of."""
        if not (_TIME_AFTER_RE.match(text, m.end, clause.end) or _TIME_TAIL_RE.search(text, m.start, m.end)):
            return False
        return bool(_FRAME_BEFORE_RE.search(text[clause.start:m.start]))

    def _opens_like(self, text: str, clause: Span, m: Mention) -> bool:
        """`跟 B 一样…` opening a clause: B is what the clause's subject, left unnamed, is compared with."""
        return _LIKE_OPENS_RE.fullmatch(text, clause.start, m.start) is not None and self._is_like(text, clause, m)

    def _is_like(self, text: str, clause: Span, m: Mention) -> bool:
        """`A 和 B 一样`, `像 B 一样`: B is compared with A as having the same property (each of a list compared, `A 跟
        B、C 一样`)."""
        a, b = self._enumerated(text, clause, m)
        left = text[clause.start:a]
        return bool(_OBJECT_AROUND_RE.search(left) and not left.rstrip(" *").endswith("不像")
                    and _LIKE_AFTER_RE.match(text[b:clause.end]))

    def _enumerated(self, text: str, clause: Span, m: Mention) -> tuple[int, int]:
        """Where the enumeration `m` stands in starts and ends: the terms joined to it by 、 only (`DQN、SAC`), so that
        what is said around the list is said around each of its terms; m's own span when it stands alone."""
        if not _ENUM_SEP_RE.match(text, m.end) and not _ENUM_SEP_BEFORE_RE.search(text, clause.start, m.start):
            return m.start, m.end
        found = self._mentions(text, clause.start, clause.end)
        k = next((i for i, x in enumerate(found) if x.start == m.start and x.end == m.end), None)
        if k is None:
            return m.start, m.end
        i = j = k
        while i > 0 and _ENUM_GAP_RE.fullmatch(text, found[i - 1].end, found[i].start):
            i -= 1
        while j + 1 < len(found) and _ENUM_GAP_RE.fullmatch(text, found[j].end, found[j + 1].start):
            j += 1
        return found[i].start, found[j].end

    @staticmethod
    def _glossed(text: str, group: list[Mention], mentions: list[Mention], ps: int) -> Mention | None:
        """The term a bracket still open at `ps` glosses, when the bracket opens right after a term at or after the
        group's last (`量化（…）、剪枝（去除冗余的参数）`: the gloss is 剪枝's alone); None otherwise."""
        if group[-1].end > ps:
            return None
        br = _open_bracket(text, group[-1].start, ps)
        if br < 0 or _ALL_OF_LIST_RE.match(text, br + 1, ps):
            return None  # (`Adam、牛顿法、L-BFGS（都用到 Hessian）`: a gloss of them all)
        return next((m for m in mentions if m.end <= br and m.start >= group[-1].start and not text[m.end:br].strip(" \t*")), None)

    @staticmethod
    def _glosses(text: str, mentions: list[Mention], m: Mention, ps: int, pe: int) -> bool:
        """Whether m, right after the phrasing ps..pe, glosses a term inside it (`真正例率 TPR`, `真正例率（TPR）`)."""
        return bool(_GLOSS_GAP_RE.fullmatch(text, pe, m.start)) and any(o.keys == m.keys and o.start < pe and o.end > ps for o in mentions)

    def _is_object(self, text: str, clause: Span, m: Mention) -> bool:
        left = text[clause.start:m.start]
        if _COPULA_WITH_BEFORE_RE.search(left) and _KIND_LIKENED_AFTER_RE.match(text, m.end, clause.end):
            return True  # `ResNet 是和 TensorFlow 同一层级的框架`: TensorFlow is what ResNet is likened to
        if _AUTHORS_AFTER_RE.match(text, m.end, clause.end):
            return True  # `BERT 的作者认为 ELMo…`: the term names whose authors speak, what they say is of another
        if _COMPLEMENT_OPENS_RE.fullmatch(text, clause.start, m.start) and _RELATIVE_TAIL_RE.match(text, m.end, clause.end):
            return True  # `软标签，是指学生在蒸馏中要拟合的目标——…`: the term qualifies the complement a copula opens the clause with
        if (_OBJECT_BEFORE_RE.search(left) and not (_COMPARE_VERB_BEFORE_RE.search(left) and _COLON_AFTER_RE.match(text, m.end))) \
                or _EXAMPLE_GLOSS_RE.search(left) or (
                _SOLVED_BEFORE_RE.search(left) and _LIMIT_AFTER_RE.match(text, m.end, clause.end)):
            return True  # (`Top-p 解决了 Top-k 的局限性`: the term whose limit another thing solves)
        if _DERIVED_AFTER_RE.match(text, m.end, clause.end) or \
                (_MADE_AFTER_RE.match(text, m.end, clause.end) and _STAGE_NAME_RE.search(text, m.start, m.end)):
            return True  # `可以看作是 Prefix Tuning 的简化版本`, `预训练的模型`: the term qualifies another thing
        if _BASIS_RE.search(left) and _BASIS_AFTER_RE.match(text, m.end, clause.end):
            return True
        if _IN_BEFORE_RE.search(left) and not _TIME_AFTER_RE.match(text, m.end, clause.end) and _TIME_LATER_RE.match(text, m.end, clause.end):
            return True  # `在 ELMO／BERT 出来之前，…`: the term of a time frame is not the subject
        if (_ERA_BEFORE_RE.search(left) and _ERA_END_RE.match(text, m.end, clause.end + 1)) \
                or (not left.strip(" \t*") and _ERA_EVENT_END_RE.match(text, m.end, clause.end + 1)):
            return True  # `在进入 Transformer 之前，很多模型依赖 RNN`, `Transformer 出现之前，…`: the era before the term
        if _UNTIL_BEFORE_RE.search(left) and _UNTIL_END_RE.match(text, m.end, clause.end):
            return True  # `等 warmup 这段结束，学习率才进入衰减`: the stage that must end first, not what the clause is said of
        if _USED_IN_FRAME_RE.search(left) and _FRAME_CLOSES_RE.match(text, m.end, clause.end):
            return True  # `在使用 sigmoid 等激活函数的时候能缓解梯度消失`: said of what is used with it, not of it
        if _DONE_TO_BEFORE_RE.search(left) and _DONE_TO_AFTER_RE.match(text, m.end, clause.end):
            return True  # `FlashAttention 通过对注意力矩阵进行近似计算`: what a step is done to, not what does it
        if text[m.end - 1:m.end].isascii() and _EN_COMPOUND_AFTER_RE.match(text, m.end, clause.end):
            return True  # `使用 ICL objectives 对模型进行微调`: the term names the kind of objective, it is not the subject
        if _WEIGHTS_DISPOSED_BEFORE_RE.search(left) and _OWNED_WEIGHTS_AFTER_RE.match(text, m.end, clause.end):
            return True  # `流水线并行是把线性层的矩阵按列拆开`: the owner of the weights disposed of is no subject
        a, b = self._enumerated(text, clause, m)  # (each of a list compared with: `跟 DQN、SAC 一样`)
        return bool(_OBJECT_AROUND_RE.search(text[clause.start:a]) and _OBJECT_AFTER_RE.match(text[b:clause.end]))

    def _respectively(self, text: str, clause: Span, mentions: list[Mention], preds: list[tuple[int, int]],
                      spec: ClaimSpec) -> tuple[int, int] | tuple[()] | None:
        """`A 和 B 分别 P 和 Q`: the i-th term gets the i-th part. None when the clause is not of that form,
        () when it is and states nothing wrong."""
        r = _RESPECTIVELY_RE.search(text, clause.start, clause.end)
        if r is None and (left := _LEFT_MARK_RE.search(text, clause.start, clause.end)) is not None \
                and (right := _RIGHT_THEN_RE.search(text, left.end(), clause.end)) is not None:
            r = _COLON_RE.match(text, right.start("colon"))
        if not r or _FORMER_LATTER_RE.search(text, r.end(), clause.end):
            return None  # (`A 与 B 分别是：前者…，后者…`: 前者/后者 say which is which)
        before = [m for m in mentions if m.end <= r.start()]
        if len(before) > 1 and _OWNER_RE.fullmatch(text, before[-2].end, before[-1].start):
            before = before[:-1]  # `GPT 和 BERT 的预训练目标分别是…`: the owners' shared part, not one more term
        terms: list[Mention] = before[-1:]  # the coordinated terms right before 分别
        left = terms[0].start if terms else 0
        for m in reversed(before[:-1]):
            gap = _BRACKETED_RE.sub("", text[m.end:left]).strip(" \t（()）$\\")  # ($: `$\beta_1$ 和 $\beta_2$`)
            if gap and not _COORD_RE.match(gap):
                break
            if gap and m.keys != terms[0].keys:  # no gap: an alias in brackets, `LN（层归一化）`
                terms.insert(0, m)
            left = m.start
        if len(terms) < 2:
            return None
        tail_end = clause.end - (1 if text[clause.end - 1] in "，,。；;！？!?" else 0)
        parts, pos = [], r.end()
        for m in _PART_SPLIT_RE.finditer(text, r.end(), tail_end):
            if m.start() > pos:
                parts.append((pos, m.start()))
            pos = m.end()
        if pos < tail_end:
            parts.append((pos, tail_end))
        if len(parts) > len(terms):  # `分别沿 batch 维度和特征维度统计均值与方差`: the tail is shared
            parts = parts[:len(terms) - 1] + [(parts[len(terms) - 1][0], parts[-1][1])]
        if len(parts) != len(terms):
            return ()  # a respectively clause whose parts cannot be paired states nothing that can be read
        for m, (a, b) in zip(terms, parts):
            if not any(k in spec.subjects for k in m.keys):
                continue
            for ps, pe in preds:
                if a <= ps and pe <= b:
                    within = (clause.start, clause.end)
                    affirmed = self.layer.negations(text, a, ps, within) % 2 == 0
                    if affirmed == (spec.wrong == "affirm") and not self.layer.hedged(text, a, ps, within):
                        return m.start, pe
        for m, said in zip(terms, self._distributed(text, terms, r, parts)):
            if any(k in spec.subjects for k in m.keys) and self.findings(said, spec):
                return m.start, tail_end
        return ()

    def _distributed(self, text: str, terms: list[Mention], r: re.Match, parts: list[tuple[int, int]]) -> list[str]:
        """`A 和 B 的横轴分别是 X 和 Y`, `A 和 B 分别在 X 维度和 Y 维度上做…` read as the sentences it stands
        for, one per term: the term, what stands between the terms and 分别 (`的横轴`), the word that leads
        the first part (`是`, `在`), the term's own part, and what follows the last part's item when the
        items share their last word (`维度` … `上做归一化`). Each such sentence is read as a text of its own."""
        mid = text[terms[-1].end:r.start()]
        pieces = [text[a:b].strip() for a, b in parts]
        lead = _LEAD_RE.match(pieces[0])
        head = lead.group(0) if lead else ""
        if head:
            pieces[0] = pieces[0][len(head):]
        tail = ""
        last = pieces[-1]
        for k in range(min(4, len(pieces[0])), 1, -1):  # the items' shared last word, if any (2 to 4 characters)
            at = last.find(pieces[0][-k:])
            if at >= 0 and _SHARED_TAIL_RE.match(last, at + k):
                tail, pieces[-1] = last[at + k:], last[:at + k]
                break
        return [f"{text[m.start:m.end]}{mid}{head}{piece}{tail}。" for m, piece in zip(terms, pieces)]

    # ------------------------------------------------------------------------------------ numbers

    def _number(self, text: str, clause: Span, mentions: list[Mention], spec: ClaimSpec, prev: list[Mention] = (),
                frame: frozenset[str] | None = None, answers: bool = False) -> tuple[int, int] | None:
        """The span of a value of the spec's quantity stated of its subject in `clause`, if far off. `answers`: the clause
        opens the answer to a question that names one term (`prev` holds it): a value it gives first, with no term of
        its own before it (`BERT-base 有多少参数？` `大约 340M 参数。`), is that term's."""
        num = spec.number
        found = numbers(text, clause.start, clause.end)
        for i, (ms, me, value, unit, odd) in enumerate(found):
            if any(m.start <= ms < m.end for m in mentions) or _NAME_DIGITS_RE.match(text, max(clause.start, ms - 2), ms + 1):
                continue  # `GPT-3数据集`, `ResNet-50`: the digits are part of a name
            if _no_value(text, clause, found, i, num):
                continue
            scaled = _in_unit(value, unit, num)
            if scaled is None:
                continue
            value = scaled
            if num.quantity is not None and not self._near_quantity(text, clause, ms, me, num.quantity):
                continue
            bound = self._bind(text, clause, [x for x in mentions if x.end <= ms or x.start >= me], ms, me,
                               extend=False)
            if bound is None and not mentions:
                at = _ANSWER_LEAD_RE.match(text, clause.start).end()
                keys = prev[-1].keys if (len({k for x in prev for k in x.keys}) == 1 and _CONTINUES_RE.match(text[clause.start:ms])) \
                    or (answers and i == 0 and _VALUE_FIRST_RE.fullmatch(text, at, ms)) else frame
                if keys:
                    bound = ([Mention(at, at, keys)], at)  # said of the previous clause's or the sentence's term
            if bound is None:
                continue
            group, anchor = bound
            keys = set(group[0].keys)
            owner = [x for x in mentions if x.end <= group[0].start and _OWNER_RE.fullmatch(text[x.end:group[0].start])]
            if owner:  # "BERT 的 position embedding 有 512 个位置": the number is BERT's too
                keys |= owner[-1].keys
            if len(group) != 1 or not keys & set(spec.subjects):
                continue
            if self._bracketed_for_other(text, clause, ms, mentions, spec):
                continue  # `GPT-2Pile（1.5B参数）`: a number in brackets after a name is that name's
            if (q := _SIZE_OF_NAME_AFTER_RE.match(text, me, clause.end)) is not None and _LATIN_WORD_RE.match(text, q.end(), clause.end) \
                    and not any(m.start == q.end() and set(m.keys) & set(spec.subjects) for m in mentions):
                continue  # `1750 亿参数的 GPT-3 和 5400 亿参数的 PaLM`: a size before 的 is the size of the name after it
            if self._variant_size(text, ms, value, num.tolerance):
                continue  # `GPT3-13B … GPT3 的参数量为 12850M`: the size of a variant named nearby
            if _OPERATOR_AFTER_RE.match(text, me, clause.end) or _OPERATOR_BEFORE_RE.search(text, max(clause.start, ms - 12), ms):
                continue  # `$64 \times 0.15$`: an operand of arithmetic, not a value stated of the term
            if _CONFIGURED_BEFORE_RE.search(text, clause.start, ms) or (num.limit and self._bracketed_for_own(text, clause, ms, group)):
                # `将 BERT 输入序列的最大长度设置为 64`: a value chosen for a run, which the model must allow: wrong only
                # above the true value (`把 max_seq_length 设成 1024，原生就支持`)
                if value > num.value * (1 + num.tolerance):
                    return min(group[0].start, ms), max(group[0].end, me)
                continue
            if anchor <= ms and self.layer.negations(text, anchor, ms, (clause.start, clause.end)) % 2:
                continue
            if anchor >= me and self.layer.negations(text, me, anchor, (clause.start, clause.end)) % 2:
                continue  # `24 层并不是 BERT-base 的配置`: the number is denied of the term after it
            if _wrong_value(text, clause, found, i, value, odd, num):
                return min(group[0].start, ms), max(group[0].end, me)
        return None

    @staticmethod
    def _bracketed_for_other(text: str, clause: Span, ms: int, mentions: list[Mention], spec: ClaimSpec) -> bool:
        """Whether the number at `ms` stands in brackets right after a name (`GPT-2Pile（1.5B参数）`) that is
        not a name of the spec's subject: the number is that name's."""
        opened = _open_bracket(text, clause.start, ms)
        if opened <= clause.start:
            return False
        if not _NAME_END_RE.match(text[opened - 1]):
            return False
        return not any(m.end == opened and set(m.keys) & set(spec.subjects) for m in mentions)

    @staticmethod
    def _bracketed_for_own(text: str, clause: Span, ms: int, group: list[Mention]) -> bool:
        """Whether the number at `ms` stands in brackets opened right after the term it is said of (`BERT-base（序列长度
        128）`): the setting of a run the brackets label, which the model must allow, not the model's own value."""
        opened = _open_bracket(text, clause.start, ms)
        return opened > clause.start and any(m.end == opened or not text[m.end:opened].strip() for m in group)

    @staticmethod
    def _variant_size(text: str, ms: int, value: float, tolerance: float) -> bool:
        """Whether the value is the size a model variant named in the text gives (`GPT3-13B`, `LLaMA-7B`): a
        value said of the family then means that variant."""
        for v in _VARIANT_SIZE_RE.finditer(text):
            size = float(v.group(1)) * _SCALE[v.group(2).lower()]
            # (the number itself, in brackets after the name, `GPT-3 (13B)`, labels the variant)
            if (v.start() != ms or (text[v.start() - 1] in "（(" and text[v.end():v.end() + 1] in ("）", ")"))) \
                    and _close(value, size, max(tolerance, 0.05)):
                return True
        return False

    @staticmethod
    def _near_quantity(text: str, clause: Span, ms: int, me: int, quantity: regex.Pattern) -> bool:
        if _FACTOR_BEFORE_RE.search(text, clause.start, ms):
            return False  # `768 * 3w`: a factor of a product, not the quantity
        stop = min(clause.end, me + 8)
        sep = _ITEM_SEP_RE.search(text, me, stop)
        if sep:  # `L = 12、H = 768`: a measure after a separator names the next item's number
            stop = sep.start()
        after = quantity.match(text, me, stop) or quantity.search(text, me, min(stop, me + 6))
        if after:
            return True
        counted = _COUNTED_AS_RE.match(text, me, clause.end)  # (`24 个 layers`: a measure word, then a Latin quantity)
        if counted and quantity.match(text, counted.end(), min(clause.end, counted.end() + 12)):
            return True
        if _OTHER_MEASURE_RE.match(text, me, clause.end):
            return False  # "12 层、768 维": a number followed by its own measure word is not the quantity named before it
        if _TOKENS_AFTER_RE.match(text, me, clause.end) and quantity.search("参数") and not quantity.search("tokens"):
            return False  # `堆参数（…只训 300B token）`: a count of tokens is no parameter count (a context length's, a corpus's)
        line = text.rfind("\n", 0, clause.start) + 1
        lab = _LABEL_RE.match(text, line, ms)
        if lab and quantity.search(text, lab.start(), lab.end()):
            return True  # `- **上下文长度**：GPT-2 为 1024，GPT-3 为 2048`: the item's label names the quantity
        if (gloss := _APPOSED_VALUE_RE.search(text[max(line, ms - 12):ms])) is not None:
            # `BERT 的 max sequence length，也就是 1024`: the value glossed onto the quantity that ends the clause before
            cut = max(line, ms - 12) + gloss.start()
            head = text[max(line, cut - 40):cut].rstrip(" \t*")
            if any(q.end() == len(head) for q in quantity.finditer(head)):
                return True
        echo = _ECHO_TOPIC_RE.match(text, line, ms)
        if echo is not None and quantity.search(echo.group("a") or echo.group("b")) \
                and not _ECHO_NOT_RE.search(echo.group("a") or echo.group("b")) \
                and not any(c in text[echo.end():ms] for c in "。！!；;？?\n"):
            # `您问 context length？嗯，GPT-2 是 1024，…`: the question echoed names the quantity the sentence that answers
            # it gives (that sentence only)
            return True
        window = text[max(clause.start, ms - 24):ms]  # `max sequence length 只有 1024`
        cut = max(window.rfind(c) for c in "、,，/／|")
        if cut >= 0 and window[cut] in ",，" and _PICTURED_AFTER_RE.match(window, cut + 1) \
                and max(window.rfind(c, 0, cut) for c in "、,，/／|") < 0:
            # `GPT-3 的上下文，你可以想成一张能写 4096 个 token 的草稿纸`: a quantity named as the topic, then what it is (or is
            # pictured as) after the comma, is the number's
            cut = -1
        window = window[cut + 1:]  # `12 层、hidden size 768`, `12 层 / 768`: 层 is the measure of 12
        named = list(quantity.finditer(window))
        # (a quantity whose own number stands between it and this one, in brackets that shut before this one, is that
        # number's: `BERT-large（序列长度 512）比 MLPerf 1.1`)
        if not named:
            return False
        own = _DIGIT_RE.search(window, named[-1].end())  # (`上下文长度从 1024 提升到 4096`: the later number is the quantity's too)
        return own is None or _BRACKET_CLOSE_RE.search(window, own.end()) is None


# a clause that opens with 将/把 and no subject of its own (`将模型从 FP32 量化为 INT8，`, `你可以用 X，把前几层放在…`), and
# the result after a term that is its verb (`量化为 INT8`)
_DISPOSAL_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:我们|你|如果|若)?\s*+(?:将|把)")
_ACT_RESULT_AFTER_RE = re.compile(r"\s*+(?:为|成|到|至)\s*+(?:\*\*)?\s*+[A-Za-z0-9\u4e00-\u9fff]")
# a comma and a word of result (`，所以…`): what follows comes of the clause before
_RESULT_BREAK_RE = re.compile(r"[，,；;]\s*+(?:所以|因此|因而|于是|从而|进而)")
# a clause that names the answer to a figure set up before it (`如果说有一个全能冠军，那就是 Adam`)
_NAMED_ANSWER_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:那|那么|这)(?:就|便|也)?是\s*+(?:\*\*)?\s*+")
# a clause with no subject of its own that says what the subject before it is by what is done to something else
# (`…，就是把 IoU 阈值固定在 0.5 算出来的`, `…，其实是将两个分布的差距取平均`)
_COPULA_DISPOSAL_OPENS_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:就|其实|实际上|也就|本质上?|实质上?|说白了就?)?(?:是|即|等于)\s*+(?:把|将)")
# a frame at the head of a clause under a negated condition (`不加位置信息时`, `在没有 mask 的情况下`): its negation
# qualifies the condition, not what the clause then says (not a negation before 在, `不会在推理时…`: that one denies
# what is done then)
_NEG_FRAME = r"(?:不|没有?|未)(?!是|只|仅|光|单|止|同|管|论|少|断)(?!(?:会|再|能|应该?|该|可以|可能|曾)?\s*+(?:再|去)?\s*+(?:在|于))[^，,。；;！!？?]{1,16}?(?:时|的时候|情况下|前提下)"
_NEG_FRAME_RE = re.compile(r"\s*+(?:当|在)?\s*+" + _NEG_FRAME)
_FRAME_LEAD_SKIP_RE = re.compile(r"(?:[：:]|是(?=\s*+(?:不|没|未)))?")  # (a label's colon, read as 是 in the copula reading)
# a modifier with a negation of its own, ending in 的 right before the property's noun, after a copula (`是不看标签的聚类算法`)
_REL_NEG_BEFORE_RE = re.compile(r"(?:是|为|属于|算是)\s*+(?:一种|一个|一类|一款)?\s*+(?P<rel>[^，,。；;是的]{0,12}?(?:不|没有?|无|未)[^，,。；;是]{1,20}?的)\s*+(?:\*\*)?\s*+$")
# a topic noun phrase and the comment on it (`蒸馏损失里所用的软标签，其实就是…`): its head term after 的, the clause ending
# there, and the next clause opening on a copula
_NP_TAIL_RE = re.compile(r"\s*+(?:\*\*)?\s*+[，,]\s*+")
_DE_HEAD_RE = re.compile(r"的\s*+(?:\*\*)?\s*+$")
_COMMENT_OPENS_RE = re.compile(r"\s*+(?:其实|实际上|本质上|说白了|说到底)?\s*+(?:就|也|都|即)?\s*+(?:是|指|等于|相当于|等同于)(?!否|不是)")
_IN_NEG_FRAME_RE = re.compile(r"(?:当|在)\s*+" + _NEG_FRAME)  # (the same frame after the term, its 在/当 required)

def _opens_on_state(text: str, clause: Span, ps: int, pe: int, last: Mention) -> int | None:
    """Where the clause's head ends when the phrasing at ps..pe opens the clause (after its lead, a quantifier, or the
    condition of a 越…越 pair: `…，候选越长，惩罚越重`) and holds its own noun, a state the previous clause's term `last`
    brings about (`residual connection 每加一条，…，梯度衰减得更快`); else None. Not for a term denied, compared with
    (`相比 X，训练速度更快`) or named in a modifier of another noun (`不用 residual connection 的深网，…`, `通过 X 等机制，
    降低…`), nor a phrasing that opens on an agent of its own (`使用 X，模型生成一个 an，…`) or is the subject of what
    follows (`…，Pre-LN 是后来才引入的`, `…，具体类别是 RoI 头预测的`), nor one that opens its sentence (`为什么 GPT 不用
    掩码？掩码语言模型 MLM，适合…`: a sentence opening on the phrasing has its own subject)."""
    at = _ANSWER_LEAD_RE.match(text, clause.start).end()
    if not (at == ps or _QUANTIFIER_LEAD_RE.fullmatch(text, at, ps) or _CORRELATIVE_IF_RE.fullmatch(text, at, ps)):
        return None
    if _SUBJECT_TAIL_RE.match(text, pe, clause.end) \
            or not text[max(text.rfind(c, 0, clause.start) for c in SENTENCE_END) + 1:clause.start].strip(" \t*") \
            or _UNUSED_RE.search(text, max(0, last.start - 4), last.start) \
            or _MODIFIER_OF_RE.match(text, last.end) \
            or _COMPARED_BEFORE_RE.search(text, max(0, last.start - 20), last.start) \
            or _COMPARED_AFTER_RE.match(text, last.end, clause.start) \
            or _AGENT_OPENS_RE.match(text, ps) \
            or _BASED_ON_RE.search(text, max(0, last.start - 6), last.start) \
            or _ENDED_AFTER_RE.match(text, last.end) or _closes_aside(text, clause.start, ps):
        return None
    return at

# (or 的 before it, `17.5B 的 parameters`: the number is the size of the Latin quantity named right after it)
_COUNTED_AS_RE = re.compile(r"\s{0,2}[个的]\s{0,2}(?=[A-Za-z])")
# a verb that links the term to the property (`KNN 属于聚类方法：它…`): the property is stated, not a label whose value follows
_LINKED_RE = re.compile(r"是|属于|为|叫|称为|算是|就是")
_LABEL_TAIL_RE = regex.compile(r"[性的]?\s*+(?:\*\*)?\s*+(?:[:：]|——|—|-{1,2}|\s是|\s为|方面)")
_TOPIC_LABEL_RE = re.compile(r"\s*+(?:\*\*)?\s*+的\s*+(?:做法|流程|原理|思路|步骤|过程|机制|实现|具体做法)\s*+(?:是|为|如下)?\s*+(?:\*\*)?\s*+[:：]")
# a verb of use or need, or a copula, before a term inside a phrasing of a property (`要先训练奖励模型`, `直接用…one-hot`)
_NEGATION_CHAR_RE = re.compile(r"[不没无未非别]")
_CLEFT_BEFORE_RE = re.compile(r"的(?:就|才|正)?是\s*+(?:\*\*)?\s*+$")
_USED_IN_PROPERTY_RE = re.compile(r"用|拿|取|需要|需|依赖|依靠|靠|训练?|拟合|就是|即|等于|是")
# (after a generic head noun of the term, `GPT 系列模型的预训练目标`: the model is the term itself)
_OWNER_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:(?:系列|家族)?\s*+(?:模型|网络)\s*+|系列\s*+)?(?:(?:中|里|当中)\s*+|(?:生成|产生|输出|给出|预测|算出)(?:出来|出)?)?的\s*+(?:每一?个|每|各个|各|所有|全部)?\s*+")  # `A 的（每个）B`, `A 里的 B`: B is part of A (and `教师生成的软标签`: what A puts out)
# a pronoun that owns the term after it (`因为它那个 decoder 里…`, `它的 encoder…`): the pronoun's referent stands at the
# clause's start, the pronoun itself a few words on
_PRONOUN_OWNER_GAP_RE = re.compile(r"[^，,。；;：:\s]{0,4}?(?:它|它们|其)\s*+(?:的|那个|这个|那些|这些)\s*+(?:每一?个|每|各个|各|所有|全部)?\s*+")
# a property right after a causative verb that qualifies the noun after it names what is caused to act
# (`使得 Auto-Regressive LM 能够…`), the subject of a clause of its own, not something said of the term before
# (not `让梯度衰减得更快`, `让所有头共享…`: there the property is what is caused)
_CAUSED_RE = re.compile(r"(?:使得|使|让|令|促使)\s*+$")
_QUALIFIED_NOUN_RE = re.compile(r"\s*+(?:的)?\s*+(?:LM|语言模型|模型|models?|网络|结构|架构|方法|方式)", re.IGNORECASE)
# a means that adds something (`通过加入位置偏置`, `借助引入的门控`): what it brings is not the bare term's
_ADDED_MEANS_RE = re.compile(r"(?:通过|借助|依靠|利用|经由|配合)\s*+(?:额外|显式)?(?:地)?\s*+(?:加入|引入|添加|加上|注入|叠加|增加)")
# `A 的主指标 B`, `它的核心模块 B`: B named in apposition with a part of A (a short Han noun, nothing else between)
# (not what X is compared by: `和 GPT 的区别就是 BERT…` says nothing of GPT's part)
# (not a kin or a rival, another thing: `DenseNet 的前辈 ResNet`, `它的同伴 sigmoid`)
_OWNER_NOUN_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:上|里|中)?的\s*+(?![\u4e00-\u9fff]{0,2}(?:区别|不同|差异|差别|异同|关系|联系))"
                            r"(?![\u4e00-\u9fff]{0,2}(?:前辈|后辈|前身|后继|继任|同伴|伙伴|兄弟|姐妹|同行|同门|对手|邻居|表亲|亲戚|祖先|后代|前任|搭档|同类|师兄|师弟|大哥|小弟|竞品))"
                            r"[\u4e00-\u9fff]{1,4}\s*+")
# `X 在 Y（子层）里/中 …`: Y is a place inside X
_LOCATIVE_GAP_RE = re.compile(r"\s*+(?:它们?)?\s*+(?:\*\*)?\s*+在\s*+")  # (`X 的 Y 里` is _OWNER_RE's; `它在 Y 中`: the pronoun's place)
# (and the place said as here, `KL 项在 PPO 这里扮演…`)
_LOCATIVE_TAIL_RE = re.compile(r"\s*+[^，,。；;\s]{0,4}\s*+(?:里面|里|中|内|当中|之中|这儿|那儿)")
_NAME_END_RE = re.compile(r"[A-Za-z0-9]")
_NAME_DIGITS_RE = re.compile(r"[A-Za-z]-\d")
# a model variant named with its size: `GPT3-13B`, `GPT-3 13B`, `LLaMA-7B`, `GPT-3 (13B)`
_VARIANT_SIZE_RE = re.compile(r"(?:(?<=[A-Za-z0-9][-_ ])|(?<=[A-Za-z0-9][（(])|(?<=[A-Za-z0-9] [（(]))(\d+(?:\.\d+)?)\s?([BM])(?![A-Za-z0-9])")
# a web address: not prose (a link's `#anchor` target repeats its text, and is read with it)
_URL_SPAN_RE = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]（）]+")
_DIGIT_RE = re.compile(r"[0-9０-９]")
_FACTOR_BEFORE_RE = re.compile(r"[×*✕]\s*+\$?\s*+\Z")
_ITEM_SEP_RE = re.compile(r"[、，,；;]")
# a measure word of another quantity: `12 层`, `700 GB`, `4 个字节`, `$6$ 次`, `1438 lbs`, a factor `6 ×`
_OTHER_MEASURE_RE = re.compile(r"\$?\s*+(?:个\s*+(?=字节|比特))?(?:层|维|个头|头|倍|次|%|％|[×*✕]|"
                               r"(?!tokens?\b|params?\b|parameters?\b|billion|million|thousand|trillion|[KMBT]\b)[A-Za-z]{2,}\b|[KMGTP]i?B(?![A-Za-z])|[KMGTP]iB|G(?![A-Za-z])|字节|bytes?\b|bits?\b|比特|位(?!置)|秒|小时|天|张卡|块卡|张|块)", re.I)
_TOKENS_AFTER_RE = re.compile(r"\s*+(?:个\s*+)?(?:tokens?\b|词元|token)", re.I)
_ABOUT_RE = re.compile(r"约|大约|大概|接近|将近|近|~|≈")
_LOWER_BOUND_RE = re.compile(r"超过|大于|多于|高于|逾|至少|不止|不少于")
_LOWER_AFTER_RE = re.compile(r"^\s*+\S{0,4}?(?:以上|多|余)")
_UPPER_BOUND_RE = re.compile(r"不到|少于|小于|低于|不足|至多|最多|不超过")
_UPPER_AFTER_RE = re.compile(r"^\s*+\S{0,4}?以[下内]")
# the lead of a value glossed onto what the clause before ends on (`…的 max sequence length，也就是 1024`)
_APPOSED_VALUE_RE = re.compile(r"[，,][ \t]*+(?:也就是|也即|亦即|即)[ \t]*+$")
_LIMIT_SAID_RE = re.compile(r"至多|最多")  # (the most a model takes, of a maximum: the maximum itself)


_RANGE_GAP_RE = re.compile(r"\s*+(?:~|～|〜|-|–|—|到|至|甚至(?:是|到|上)?|乃至)\s*+")
# an order of magnitude, not a value: a Han unit without a digit before it (`百亿`, `千亿`), or a number followed by
# 级别 / 量级 (`1000 亿级别`)
_BARE_MAGNITUDE_RE = re.compile(r"[十百千]?[万亿]{1,2}")
_MAGNITUDE_AFTER_RE = re.compile(r"\s*+(?:级别|量级|数量级|级(?![联数]))")


def _no_value(text: str, clause: Span, found: list[tuple[int, int, float, str, bool]], i: int, num: "NumberSpec") -> bool:
    """Whether number `i` of the clause's numbers states no value of a term: a citation's year (`GPT-3 (Brown 2020)`,
    `（Devlin et al., 2019）`), a bare year where a count of millions is meant (`| GPT-3 | 2020 | 规模定律 |`), or where a
    change starts (`从 15 亿参数推到 1750 亿参数`: the end is the term's value), a factor (`提升了 100 余倍`, `100×`), a
    section number (`§3`) or a link's target (`](#33-gpt-3-…)`)."""
    ms, me, _, unit, _ = found[i]
    if not unit and _CITED_YEAR_RE.fullmatch(text, max(clause.start, ms - 24), min(clause.end, me + 2)) is not None:
        return True
    if _TIMES_AFTER_RE.match(text, me, clause.end):
        return True  # `参数规模提升了 100 余倍`, `参数差 100×`: a factor, not a count
    if _SECTION_SIGN_RE.search(text, max(clause.start, ms - 2), ms) or _FIGURE_NO_RE.search(text, max(clause.start, ms - 8), ms):
        return True  # `（[S2] §3）`, `见表 4`, `如图 2`: a section, table or figure number
    if unit.lower() in _COUNT_UNITS and num.value < 1e6:
        return True  # `| GPT-3 | 2020 | 175B |` under a context length: billions count parameters, not tokens of a window
    if text[max(clause.start, ms - 1):ms] == "^" or _PER_UNIT_AFTER_RE.match(text, me, clause.end):
        return True  # `768^2`: an exponent; `2,359,296$ 参数/层`: a count per layer, not the total
    if _listed_with_true(text, found, i, num):
        return True  # `(1.3B, 6B, and 175B parameters)`: the sizes of several models, the term's among them
    link = text.rfind("](", clause.start, ms)
    if link >= 0 and text.find(")", link, ms) < 0:
        return True  # `[GPT-3 各规模配置](#33-gpt-3-…)`: a link's target, not text
    if not unit and num.scaled and num.value >= 1e6 and _YEAR_RE.fullmatch(text[ms:me].strip()):
        return True
    return bool(_VALUE_FROM_BEFORE_RE.search(text, max(clause.start, ms - 4), ms)) and any(
        _TO_BETWEEN_RE.fullmatch(text, me, x[0]) for x in found[i + 1:i + 2])


_LISTED_GAP_RE = re.compile(r"\s*+(?:[,，、/／]|and|和|及|以及|与|或)\s*+(?:and\s+|和\s*+)?", re.I)


def _listed_with_true(text: str, found: list[tuple[int, int, float, str, bool]], i: int, num: "NumberSpec") -> bool:
    """Whether number `i` stands in a list of numbers (`1.3B / 6B / 175B`, `1.3B, 6B, and 175B`) one of which is the
    spec's true value: a list of several things' sizes, not a wrong size of the term."""
    lo = hi = i
    while lo > 0 and _LISTED_GAP_RE.fullmatch(text, found[lo - 1][1], found[lo][0]):
        lo -= 1
    while hi + 1 < len(found) and _LISTED_GAP_RE.fullmatch(text, found[hi][1], found[hi + 1][0]):
        hi += 1
    if hi == lo:
        return False
    return any(v is not None and _close(v, num.value, num.tolerance)
               for v in (_in_unit(value, unit, num) for _, _, value, unit, _ in found[lo:hi + 1]))


def _in_unit(value: float, unit: str, num: "NumberSpec") -> float | None:
    """A number's value in the spec's unit (`175B` is 175e9 for a count of parameters), or None when its unit cannot
    be the spec's (a count given with a unit where the spec takes none)."""
    if num.scaled and unit:
        return value * _SCALE.get(unit.lower(), 1.0)
    return None if unit else value


def _wrong_value(text: str, clause: Span, found: list[tuple[int, int, float, str, bool]], i: int, value: float, odd: bool,
                 num: "NumberSpec") -> bool:
    """Whether number `i` of the clause's numbers (`found`), of value `value` in the spec's unit, states the spec's value
    `num` wrongly: read as a range, a magnitude, a little more than it (`odd`), a bound or about it where the text says so."""
    ms, me = found[i][0], found[i][1]
    before = text[max(clause.start, ms - 4):ms]
    after = text[me:min(clause.end, me + 8)]
    span = _range_of(text, found, i, num.scaled)
    if span is not None:  # `100M~1B 参数，如 BERT-base`: a range that holds the true value is right
        hi = i if i > 0 and _RANGE_GAP_RE.fullmatch(text, found[i - 1][1], ms) else i + 1
        top = span[1] * (10 if _magnitude(text, found[hi], clause.end) else 1)  # (`百亿甚至千亿级别`)
        return not (span[0] * (1 - num.tolerance) <= num.value <= top * (1 + num.tolerance))
    if _magnitude(text, found[i], clause.end):  # `千亿级别`: from the number to ten times it
        return not (value * (1 - num.tolerance) <= num.value < value * 10 * (1 + num.tolerance))
    if odd:  # `170 多亿`: a little more than the number, at most about twice it
        return num.value < value * (1 - num.tolerance) or num.value > value * 2
    if _LOWER_BOUND_RE.search(before) or _LOWER_AFTER_RE.match(after):
        return num.value < value * (1 - num.tolerance)  # "超过 X": wrong only if the true value is below X
    if num.limit and _LIMIT_SAID_RE.search(before):
        # (a maximum the model allows, said as the most it takes: `BERT 最多 1024 个 token` says the limit is 1024,
        # wrong above the true one; below it, a text's length, `…最多 300 个 token`, may be meant)
        return value > num.value * (1 + num.tolerance)
    if _UPPER_BOUND_RE.search(before) or _UPPER_AFTER_RE.match(after):
        return num.value > value * (1 + num.tolerance)
    tol = max(num.tolerance, 0.25) if _ABOUT_RE.search(before) else num.tolerance
    return not _close(value, num.value, tol)


def _magnitude(text: str, number: tuple[int, int, float, str, bool], end: int) -> bool:
    """Whether a number of `numbers` names an order of magnitude (`千亿级别`, `百亿参数`): what it says holds from
    the number up to ten times it."""
    ms, me = number[0], number[1]
    return _BARE_MAGNITUDE_RE.fullmatch(text, ms, me) is not None or _MAGNITUDE_AFTER_RE.match(text, me, end) is not None


def _range_of(text: str, found: list[tuple[int, int, float, str, bool]], i: int, scaled: bool) -> tuple[float, float] | None:
    """The (low, high) values of the range that number `i` of `found` is an end of (`100M~1B`, `7-13B`,
    `1 到 3 亿`), the end without a unit taking the other's; None when it is no end of a range."""
    if i > 0 and _RANGE_GAP_RE.fullmatch(text, found[i - 1][1], found[i][0]):
        a, b = found[i - 1], found[i]
    elif i + 1 < len(found) and _RANGE_GAP_RE.fullmatch(text, found[i][1], found[i + 1][0]):
        a, b = found[i], found[i + 1]
    else:
        return None
    ua, ub = a[3].lower() or b[3].lower(), b[3].lower() or a[3].lower()
    lo = a[2] * (_SCALE.get(ua, 1.0) if scaled else 1.0)
    hi = b[2] * (_SCALE.get(ub, 1.0) if scaled else 1.0)
    return (lo, hi) if lo <= hi else None


def han_value(digits: str) -> float | None:
    """The value of a number in Han numerals (`一百七十五` 175, `两千零四十八` 2048, `三亿四千万` 3.4e8); None for
    a string that is not one number (`五五`, `百百`, `亿`) or is a lone digit (`一`, `两`: a count word, not a quantity).

    >>> [han_value(s) for s in ("一百七十五", "十二", "两千零四十八", "五百一十二", "一百七十五亿", "三亿四千万", "三", "五五")]
    [175.0, 12.0, 2048.0, 512.0, 17500000000.0, 340000000.0, None, None]
    """
    value = han_number(digits) if len(digits) > 1 else None
    return None if value is None else float(value)


def numbers(text: str, start: int, end: int) -> list[tuple[int, int, float, str, bool]]:
    """(start, end, value, unit, odd) of each number in text[start:end], in Arabic (`1750 亿`, `17.5B`) or Han
    numerals (`一百七十五亿`); `odd` when it is said to be a little more (`170 多亿`, `三亿多`), in order."""
    out = []
    sci = [(m.start(), m.end(), float(m.group(1) or m.group(3)) * 10 ** int(m.group(2) or m.group(4)))
           for m in _SCIENTIFIC_RE.finditer(text, start, end)]
    for a, b, value in sci:  # `1.75 × 10^11`, `1.75e11`: one number
        out.append((a, b, value, "", False))
    for m in _number_matches(text, start, end):
        if any(a <= m.start() < b for a, b, _ in sci):
            continue
        unit = m.group(2) or ""
        odd = False
        if not unit:  # `170 多亿`
            o = _ODD_RE.match(text, m.end(), end)
            u = _ODD_UNIT_RE.match(text, o.end(), end) if o else None
            if u:
                unit, odd = u.group(1), True
                out.append((m.start(), u.end(), float(m.group(1).replace(",", "")), unit, odd))
                continue
        out.append((m.start(), m.end(), float(m.group(1).replace(",", "")), unit, bool(_ODD_RE.match(text, m.end(), end))))
    for m in _HAN_NUMBER_RE.finditer(text, start, end):
        digits, odd, unit = m.group(), False, ""
        cut = max(digits.find("多"), digits.find("余"))
        if cut > 0:  # `一百七十多亿`
            digits, unit, odd = digits[:cut], digits[cut + 1:], True
        value = han_value(digits)
        if value is not None and unit:
            value *= _SCALE.get(unit, 1.0) if unit in _SCALE else math.nan
        if value is not None and not math.isnan(value):
            out.append((m.start(), m.end(), value, "", odd or bool(_ODD_RE.match(text, m.end(), end))))
    return sorted(out)


def _number_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The Arabic numbers of text[start:end]: those standing apart, and those glued to a Han character before them
    that carry a unit of scale (`有3.4亿参数`, `也就17.5B参数`) or count tokens, layers, heads or dimensions after a word
    that gives a value (`是24层`), in order."""
    found = list(_NUMBER_RE.finditer(text, start, end))
    if _GLUED_HAN_DIGIT_RE.search(text, start, end) is None:
        return found
    glued = list(_GLUED_NUMBER_RE.finditer(text, start, end))
    return sorted(found + glued, key=lambda m: m.start()) if glued else found


_SCIENTIFIC_RE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*+(?:[×xX*✕·]|\\times|\\cdot)\s*+10\s*+\^\s*+\{?\s*+(\d{1,2})\s*+\}?"
                            r"|(?<![\w.])(\d+(?:\.\d+)?)[eE]\+?(\d{1,2})(?![\w.])")
_ODD_UNIT_RE = re.compile(r"\s*+(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)")


# what, after a phrasing that opens a clause, says something of the phrasing itself: it is the clause's own subject
# (`具体类别由第二阶段的 RoI 头预测`, `切矩阵乘法的是 TP`, `判别器 loss 掉到 0 是另一种失败`, `精确似然 → 自回归`, `…的话`)
_OWN_TOPIC_TAIL_RE = re.compile(
    r"\s*+(?:\*\*)?\s*+(?:(?:都|也|就|则|才|必然|必定|一定|其实|通常|往往|一般|主要|就是|肯定|多半|可能)\s*+)*"
    r"(?:的是|的话|的时候|时|是|为|等于|相当于|意味着|说明|表示|代表|属于|叫|称为|→|->|=>|⇒|[：:=＝]|由|被|交给|交由|靠|要靠|得靠|要等|等到|留给|留待|"
    r"取决于|依赖|跟|和|与|及|、|/|／|\+|或|并不|不是|不|没|无|并非)")
# what, after a clause that a phrasing fills, judges the phrasing in the next clause (`先 softmax 再喂进去，等于归一化两遍`)
_JUDGED_NEXT_RE = re.compile(r"\s*+[，,]?\s*+(?:这|这样|这么做|此举)?\s*+(?:就|也)?\s*+(?:等于|相当于|意味着|说明|会导致|导致|是因为|是由于|属于|算是)")


def _line_from(text: str, pos: int) -> str:
    """text from `pos` to the end of its line (the newline left out)."""
    end = text.find("\n", pos)
    return text[pos:] if end < 0 else text[pos:end]


def _without_aim_owner(text: str, clause: Span, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without a 其 that owns the purpose a clause opens on (`…加一项 KL 惩罚，其用意是…`): it stands for the term
    added before, which the clause is about."""
    aim = _after_lead(_PURPOSE_LEAD_RE, text, clause.start, clause.end)
    if aim is None:
        return mentions
    return [m for m in mentions if not (m.start < aim.end() and text[m.start:m.end] == "其")]


def _past_result_object(text: str, clause: Span, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without the terms before a result said last (`这样梯度消失也能解决`): they are its object, not the
    clause's subject."""
    tail = _RESULT_TAIL_RE.search(text, clause.start, clause.end)
    if tail is None or _after_lead(_PURPOSE_LEAD_RE, text, clause.start, clause.end):
        return mentions
    return [m for m in mentions if m.start >= tail.start()]


def _kind_named(text: str, clause: Span, mentions: list[Mention], prev: list[Mention], acted: bool) -> tuple[list[Mention], bool]:
    """The clause's mentions and whether it goes on with a person's act: a clause that names no term and whose subject is
    the term a person used, named by its kind (`我们用 K 均值做分类，算法根据…`), is about that term."""
    kind = _after_lead(_KIND_NOUN_OPENS_RE, text, clause.start, clause.end) if acted and prev and not mentions else None
    if kind is None:
        return mentions, acted
    return [Mention(kind.start("noun"), kind.end("noun"), prev[0].keys)], False


def _said_of_itself(text: str, pe: int, end: int) -> bool:
    """Whether the rest of a clause after a phrasing that opens it (from `pe` to `end`), or the clause after it, says
    something of the phrasing or of the clause it opens: then the phrasing is a subject, not said of the sentence's
    topic."""
    if _OWN_TOPIC_TAIL_RE.match(text, pe, end):
        return True
    return _JUDGED_NEXT_RE.match(text, end) is not None


def _close(stated: float, known: float, tolerance: float) -> bool:
    if known == 0:
        return abs(stated) <= tolerance
    return math.isclose(stated, known, rel_tol=tolerance)

