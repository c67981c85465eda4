"""The checks of the data rule kinds: pattern, cooccurrence, definition, citation, claim (see
claims.py); `python` checks are in pyrules.py. Each kind is registered, with its typed spec and
schema fragment, in registry.py.

Every regex search goes through `search` or a `SafePattern` (patterns.py), which bound it with a
timeout: a user pattern that backtracks catastrophically raises `RuleTimeout` / `PatternTimeout`
instead of hanging the linter.
"""
from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import regex

from qatool.common.normalize import normalize_text
from qatool.lint.claims import (
    CLASSICAL_HINT_RE,
    HEADWORD_LINE_RE,
    SPEAKERS,
    ClaimReader,
    ClaimSpec,
    Glossary,
    Lead,
    answer_after_ask,
    answered_view,
    asks_what,
    classical_view,
    merges_at,
)
from qatool.lint.claims import Term as ClaimTerm
from qatool.lint.compiled import compile_pattern
from qatool.lint.document import LintDoc, Unit
from qatool.lint.model import Finding, Fix, Rule
from qatool.lint.patterns import TIMEOUT, SafePattern, compile_safe, safe
from qatool.lint.tables import Tables, tables
from qatool.lint.text import (
    ADDRESSEES,
    ANSWER_QUALIFIER,
    HAN_RE,
    NE_ASKS,
    SENTENCE_END,
    affirmed_until,
    answer_after_colon,
    answer_after_turn,
    clause_asks,
    invite_tail,
    judged_false,
    may_be_affirmed,
    reports_belief,
    sentence_kind,
)

REGEX_TIMEOUT = TIMEOUT  # seconds per search call (qatool.lint.patterns: one policy)
# ASCII: `\b` and `\w` are ASCII-only, so `\bBERT\b` matches in "BERT模型" (CJK letters are \w in Unicode).
FLAGS = regex.IGNORECASE | regex.ASCII | regex.VERSION0
MAX_QUOTE = 40
JOINED_CHUNK = 100_000  # characters of a whole-document gate pass per REGEX_TIMEOUT of its time bound


class RuleTimeout(Exception):
    """A rule's pattern ran out of time on some text. Plain data (the rule's code and the message),
    so it pickles across a process pool; the linter turns it into an error about the file."""

    def __init__(self, rule: Rule | None, where: str = "", message: str | None = None, code: str | None = None):
        if message is None:
            assert rule is not None, "a RuleTimeout is made from its rule, or from its message and code when unpickled"
            message = (f"rule {rule.code} ({rule.origin}): a pattern took longer than {REGEX_TIMEOUT}s on {where}; its findings "
                       "for this file are missing: the pattern backtracks catastrophically, simplify it (avoid nested "
                       "quantifiers like (a+)+ and adjacent ones over the same characters like \\s*\\s*)")
        super().__init__(message)
        self.code = code if code is not None else (rule.code if rule is not None else "")

    def __reduce__(self):
        return (RuleTimeout, (None, "", str(self), self.code))


def search(rule: Rule, rx: regex.Pattern | SafePattern, text: str, pos: int = 0, endpos: int | None = None):
    try:
        return rx.search(text, pos, len(text) if endpos is None else endpos, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        raise RuleTimeout(rule, repr(text[:60])) from None


def finditer(rule: Rule, rx: regex.Pattern | SafePattern, text: str, pos: int = 0, endpos: int | None = None):
    try:
        return list(rx.finditer(text, pos, len(text) if endpos is None else endpos, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        raise RuleTimeout(rule, repr(text[:60])) from None


def fingerprint(code: str, path: str, unit_text: str, record: dict[str, Any] | None, matched: str) -> str:
    basis = record["content_hash"] if record else normalize_text(unit_text)
    h = hashlib.sha256("\x1f".join([code, path, basis, normalize_text(matched)]).encode("utf-8"))
    return h.hexdigest()[:24]


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def source_text(doc: LintDoc, unit: Unit, start: int, end: int) -> str:
    """Characters [start, end) of `unit.text` as the source has them: inline code is content, so a
    finding that covers a code span quotes the code, not the spaces that mask it from prose rules."""
    if 0 < unit.line <= len(doc.lines):
        seg = doc.lines[unit.line - 1][unit.col + start:unit.col + end]
        if len(seg) == end - start:
            return seg
    return unit.text[start:end]


def make_finding(rule: Rule, doc: LintDoc, unit: Unit, start: int, end: int, message: str | None = None,
                 fix_text: str | None = None, **fmt: str) -> Finding:
    """A finding for characters [start, end) of `unit.text`; the message quotes the source text."""
    matched = source_text(doc, unit, start, end)
    col = unit.col + start + 1
    end_col = unit.col + max(end, start + 1) + 1
    quote = matched.strip()
    quote = quote if len(quote) <= MAX_QUOTE else quote[: MAX_QUOTE - 1] + "…"
    msg = (message or rule.message).format_map(_Fields(match=quote, **fmt))
    fix = Fix(unit.line, col, unit.col + end + 1, fix_text) if fix_text is not None else None
    rec = unit.record
    return Finding(rule.code, rule.name, rule.severity, msg, doc.path, unit.line, col, unit.line, end_col,
                   rec["id"] if rec else None, fix, fingerprint(rule.code, doc.path, unit.text, rec, matched))


# kind name -> its gate (filled by qatool.lint.registry.register_kind)
KIND_GATES: dict[str, Callable[[Rule, "Knowledge"], Any]] = {}


def gate_of(rule: Rule, kb: "Knowledge") -> regex.Pattern | SafePattern | None:
    """What a unit must match for the rule to find anything in it (None: every unit is looked at):
    the rule's kind says (qatool.lint.registry)."""
    fn = KIND_GATES.get(rule.kind)
    return fn(rule, kb) if fn is not None else rule.spec.get("gate")


def _gate_hits(rule: Rule, doc: LintDoc, gate: regex.Pattern | SafePattern) -> list[int]:
    """Indices of the units where `gate` can match. With the linter's literal index (literals.py),
    the units holding one of the gate's required literals, found for all gates by one pass;
    otherwise one pass of the gate over the joined document, keeping the unit of each match's start
    and end (a match that crosses units can hide a real one only inside the unit where it ends). That
    pass is bounded per JOINED_CHUNK characters: a linear pattern takes longer on a larger document,
    and only backtracking out of proportion to the text runs out of time."""
    index = doc.literals
    if index is not None and index.covers(gate):
        return index.hits(literal_scan(doc, index), gate)
    text, starts = doc.joined()
    found: set[int] = set()
    try:
        for m in gate.finditer(text, 0, len(text), timeout=REGEX_TIMEOUT * (1 + len(text) // JOINED_CHUNK)):
            found.add(bisect.bisect_right(starts, m.start()) - 1)
            found.add(bisect.bisect_right(starts, max(m.end() - 1, m.start())) - 1)
    except TimeoutError:
        raise RuleTimeout(rule, f"{doc.path} (one pass over its {len(text):,} characters, {REGEX_TIMEOUT}s per {JOINED_CHUNK:,})") from None
    return sorted(found)


def literal_scan(doc: LintDoc, index: Any) -> Any:
    """The literal index's pass over `doc` (literals.LiteralIndex.scan), made once per document and index."""
    scanned = doc.cache.get("literal_hits")
    if scanned is None or scanned[0] is not index:  # per index: its gates are numbered its own way
        text, starts = doc.joined()
        scanned = doc.cache["literal_hits"] = (index, index.scan(text, starts))
    return scanned[1]


def _gate_indices(rule: Rule, doc: LintDoc, gate: regex.Pattern | SafePattern) -> list[int]:
    """Indices of the units where `gate` can match, whatever their scope; rules that share a gate (the
    definition rules, the claim rules of one term) look once per document."""
    key = ("gate", gate.pattern, gate.flags)
    hits = doc.cache.get(key)
    if hits is None:
        hits = doc.cache[key] = _gate_hits(rule, doc, gate)
    return hits


def _units(rule: Rule, doc: LintDoc, gate: regex.Pattern | SafePattern | None = None) -> Iterator[Unit]:
    """Units in the rule's scope; with a gate pattern, only those where it can match."""
    if gate is None:
        for u in doc.units:
            if u.scope in rule.scope:
                yield u
        return
    for k in _gate_indices(rule, doc, gate):
        u = doc.units[k]
        if u.scope in rule.scope:
            yield u


def _context(unit: Unit) -> str:
    rec = unit.record
    return f"{rec['title']}\n{rec['question']}" if rec else ""


def _regions(rule: Rule, unit: Unit) -> list[tuple[int, int]]:
    """Where a co-occurrence rule looks for all its parts: each sentence, each sentence with the one before it
    (`pair`: `过拟合了怎么办？办法就是…`), or the whole line."""
    within = rule.spec.get("within")
    if within == "line":
        # (and a dialogue's answer turn to the end of the line, after the turn that asked: `委员：…怎么评估？学生：…`,
        # where the question mark of the asking turn would otherwise hold back the line's answer)
        return [(0, len(unit.text))] + _answer_turns(unit)
    sents = unit.sentences()
    # (and the answer of a sentence that opens with a question, alone: `弹幕问温度调高会怎样，嗯，温度越高…`, where the
    # question would otherwise hold the first part)
    # (or one's answer told after the question it answers: `主管问怎么评估可解释性，我说看 F1…`)
    answers = [(c, e) for s, e in sents if (c := answer_after_colon(unit.text, s, e)) is not None or (c := answer_after_turn(unit.text, s, e)) is not None]
    if within == "pair":
        return [(sents[k - 1][0] if k else s, e) for k, (s, e) in enumerate(sents)] + answers
    return sents + answers


# a speaker's turn label opening a sentence (`学生：`, `考生B：`): short, Han only, a letter or number after it
_TURN_OPENS_RE = regex.compile(r"\s*+(?:\*\*)?\s*+\p{Han}{1,4}(?:[A-Z]|[0-9]{1,2})?\s*+(?:\*\*)?\s*+[:：]\s*+(?=\S)")


def _answer_turns(unit: Unit) -> list[tuple[int, int]]:
    """The answer turns of a dialogue on one line, each to the line's end: a sentence led by a speaker's label right
    after a turn, led by a label of its own, that ends in a question (`委员：…怎么评估？学生：…`), when nothing after it
    asks again."""
    text = unit.text
    if ("？" not in text and "?" not in text) or ("：" not in text and ":" not in text):
        return []
    sents = unit.sentences()
    out = []
    for (s0, e0), (s, e) in zip(sents, sents[1:]):
        if sentence_kind(text[s0:e0]) != "question" or _TURN_OPENS_RE.match(text, s0, e0) is None:
            continue
        turn = _TURN_OPENS_RE.match(text, s, e)
        if turn is None or "？" in text[s:] or "?" in text[s:]:
            continue
        out.append((s, len(text)))
    return out


def _unless(rule: Rule, unit: Unit, start: int, end: int) -> bool:
    text = _affirmed_view(unit) if may_be_affirmed(unit.text) else unit.text
    invited = invite_tail(unit.text, start, end)  # (`S，你知道为什么吗？`: the last clause asks nothing of S)
    end = end if invited is None else invited
    return any(search(rule, rx, text, start, end) for rx in rule.spec.get("unless", ()))


def _affirmed_view(unit: Unit) -> str:
    """The unit's text with each question that asks whether the statement before it is right and is answered yes
    blanked (`S，对吗？` before `对。`): an exception that looks for a question mark or a doubt finds none there, as S is
    stated (text.affirmed_until)."""
    text, sents = unit.text, unit.sentences()
    for (s, e), (a, b) in zip(sents, sents[1:]):
        stated = affirmed_until(text, s, e, a, b)  # (only a sentence that ends in ？ asks so)
        if stated is not None:
            text = text[:stated] + " " * (e - stated) + text[e:]
    return text


def _context_ok(rule: Rule, unit: Unit) -> bool:
    ctx_rx = rule.spec.get("context", ())
    if not ctx_rx:
        return True
    ctx = _context(unit)
    return all(search(rule, rx, ctx) for rx in ctx_rx)


# ---------------------------------------------------------------------------- questions are not claims

# A sentence that asks: it ends in a question mark, or in 吗/呢 (a full stop after them is a slip; text.NE_ASKS: not 呢 that
# exclaims or rounds off a statement, `…还多呢！`).
QUESTION_END_RE = regex.compile(r"(?:[?？]|吗[。.！!]?|" + NE_ASKS + r")[\s*_`）)」』”\"'’】\]]*$")
# A claim posed as a yes/no question: A-not-A (能不能, 是不是, 有没有, 可以不可以) or 是否 inside it.
YES_NO_RE = regex.compile(r"(\p{Han}{1,2})[不没]\1|是否")


def _sentence_start(unit: Unit, pos: int) -> int:
    return next((s for s, e in unit.sentences() if s <= pos < e), 0)


def judges_statements(rule: Rule) -> bool:
    return bool(rule.spec.get("statement"))


# the answer of a question given on the question's own line (`Q: …？ A: …`, `问题：…？ 回答：…`)
_INLINE_ANSWER_RE = regex.compile(r"[？?][ \t]*(?:\*\*)?[ \t]*(?:A\d{0,2}|答|" + ANSWER_QUALIFIER + r"?(?:回答|答案))[ \t]*(?:\*\*)?[ \t]*[:：]")


def asks(unit: Unit, start: int, end: int) -> bool:
    """Whether text [start, end) of `unit` is part of a question rather than a statement: the unit is
    an item's question (its question field or the heading that titles it) or a multiple-choice option, the sentence around it
    ends in ？/?/吗/呢 or reports a belief to refute it (text.REPORTED_RE, `有人以为…`), or the matched
    claim itself is a yes/no question (LSTM 能不能…, 是否…)."""
    if _asked_by_place(unit):
        inline = _INLINE_ANSWER_RE.search(unit.text)
        if inline is None or start < inline.end():
            return True  # (`Q: …？ A: …` on the question's line: its answer, after the label, states)
    sents = unit.sentences()
    k = next((i for i, (s, e) in enumerate(sents) if s <= start < e), None)
    sentence = sents[k] if k is not None else (0, len(unit.text))
    colon = answer_after_colon(unit.text, *sentence)
    if colon is not None:  # `过拟合怎么办：一个办法是…`: the question before the colon asks, its answer states
        if start < colon:
            return True
        sentence = (colon, sentence[1])
    told = answer_after_ask(unit.text, *sentence)
    if told is not None:  # `有同学问 LSTM 有几个门，我直接公布答案：两个。`: the question told asks, its answer states
        if end <= told:
            return True
        sentence = (min(start, told), sentence[1])  # (a match read across both: `问 X 的来源，我答：…`)
    invited = invite_tail(unit.text, *sentence)
    if invited is not None:  # `S，你知道为什么吗？`: S stated, the last clause only invites the listener to wonder
        if start >= invited:
            return True
        sentence = (sentence[0], invited)
    if QUESTION_END_RE.search(unit.text[sentence[0]:sentence[1]]):
        stated = affirmed_until(unit.text, *sentence, *sents[k + 1]) if k is not None and k + 1 < len(sents) else None
        if stated is None or end > stated:
            return True
        sentence = (sentence[0], stated)  # `S，对吗？对。`: S asked about, then affirmed, is stated
    if k is not None and k + 1 < len(sents) and judged_false(unit.text, *sents[k + 1]):
        return True  # a quiz statement judged false by the sentence after it (`…最可靠的指标。错。`, `答：×`)
    sent = unit.text[sentence[0]:sentence[1]]
    if sentence_kind(sent) in ("reported", "observed") or reports_belief(sent):
        return True  # the text layer's reading, as for claims: a belief reported to refute it (`有人以为…，其实…`) is no claim
    # a clause the match spans that asks without a ？ (`换用 Adam 能否避免梯度消失`, `差分隐私算不算加密`); a later
    # clause that asks (`…，与是否上线无关`) does not make the match a question
    pos = sentence[0]
    for piece in regex.split(r"([，,])", sent):
        if pos < end and start < pos + len(piece) and piece not in "，," and clause_asks(piece):
            return True
        pos += len(piece)
    return YES_NO_RE.search(unit.text, start, end) is not None


# a sentence that calls its own numbers wrong (`这个算错了`, `F1 不是 0.9`, `算反了`, `typo`); 误 as part of a word for a
# kind of error (`误报`, `误判`, `误拦`), an A-not-A that asks nothing of the sentence (`判得对不对没有关系`) and 不错
# (good: `F1 也能保持在不错的水平`) do not
CALLS_WRONG_RE = re.compile(r"(?<!不)错(?!误?地?(?:拦|报|判|杀|伤|识别|诊|检|预测|分类|标记))|误(?!地?[拦报判杀伤识诊检预分标])|(?<!对)不对|不是|不等于|≠|算反|typo|wrong|incorrect", re.I)


def sentence_checks(rule: Rule, doc: LintDoc, present: Callable[[str], bool],
                    read: Callable[[str, int, int], Any]) -> Iterator[tuple[Unit, Any]]:
    """(unit, what `read` found) for each sentence of each unit in the rule's scope (not code) whose text `present`
    accepts: `read(text, a, b)` gives None or a tuple whose first two items are a span; a sentence that calls itself
    wrong (CALLS_WRONG_RE) or a span that is asked about yields nothing. The loop of the checks of worked numbers (F1
    from precision and recall, a metric's ratio, an IoU)."""
    for unit in doc.units:
        if unit.scope not in rule.scope or unit.scope == "code" or not present(unit.text):
            continue
        for a, b in unit.sentences():
            got = read(unit.text, a, b)
            if got is not None and not CALLS_WRONG_RE.search(unit.text, a, b) and not asks(unit, got[0], got[1]):
                yield unit, got


# ------------------------------------------------------------------------------------------ pattern


def _asked_apart(rule: Rule, rx: Any, text: str) -> list[Any]:
    """The pattern's matches in `text`, none across a question mark: a match that runs from a question into what
    follows it (`Q: 词表变大有什么影响？ A: 词表越大，…越长`) is searched again after the mark, where the statement is."""
    out: list[Any] = []
    for m in finditer(rule, rx, text):
        while m is not None:  # (each search starts past a question mark the last match held: linear)
            q = max(text.rfind("？", m.start(), m.end()), text.rfind("?", m.start(), m.end()))
            if q < 0:
                if not any(a.start() == m.start() for a in out):
                    out.append(m)
                break
            m = search(rule, rx, text, q + 1)
    return out


def _answered(doc: LintDoc, unit: Unit) -> Unit:
    """The unit as a rule that judges statements reads it: a question and its answer on one line (`主持人：…感受野多大？
    选手：6×6。`, `Q：…可以吗？A：可以，…`, or a short answer right after its question, `…该看什么指标？准确率最可靠。`) as the
    statement they make together (claims.answered_view, position for position, as the claim kind reads them), so that
    the question mark no longer hides the answer; a sentence in the classical register read in the modern one (as the claim
    kind reads it, `余以为…二患，易一 Adam 即可尽除。`); the unit itself when it holds none, or when it is an item's question."""
    text = unit.text
    asked = "？" in text or "?" in text
    if (not asked and CLASSICAL_HINT_RE.search(text) is None) or _asked_by_place(unit):
        return unit
    cache = doc.cache.setdefault("answered", {})
    got = cache.get(id(unit))
    if got is None:
        # (a unit with no question mark is read only in the modern register: `我答：…` reports no question to merge)
        view = answered_view(text) if asked else classical_view(text)
        got = cache[id(unit)] = unit if view == text else dataclasses.replace(unit, text=view)
    return got


def check_pattern(rule: Rule, doc: LintDoc, kb: "Knowledge") -> Iterator[Finding]:
    fix_tpl = rule.spec.get("fix")
    statements = judges_statements(rule)
    for unit in _units(rule, doc, gate_of(rule, kb)):
        read = _answered(doc, unit) if statements else unit
        taken: list[tuple[int, int]] = []  # several patterns of one rule report one place once
        for rx in rule.spec["patterns"]:
            for m in _asked_apart(rule, rx, read.text):
                if m.end() == m.start() or any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                region = next(((s, e) for s, e in _regions(rule, read) if s <= m.start() < e), (0, len(read.text)))
                if _unless(rule, read, *region) or not _context_ok(rule, unit):
                    continue
                if statements and asks(read, m.start(), m.end()):
                    continue
                if fix_tpl is None and any(region[0] <= s < region[1] for s, _ in taken):
                    continue  # a claim is reported once per sentence; fixable matches each get their own fix
                taken.append((m.start(), m.end()))
                fix_text = m.expand(fix_tpl) if fix_tpl is not None else None
                yield make_finding(rule, doc, unit, m.start(), m.end(), fix_text=fix_text)


# ------------------------------------------------------------------------------------- cooccurrence


def check_cooccurrence(rule: Rule, doc: LintDoc, kb: "Knowledge") -> Iterator[Finding]:
    parts: list[tuple[regex.Pattern, str]] = rule.spec["all"]
    statements = judges_statements(rule)
    for unit in _units(rule, doc, gate_of(rule, kb)):
        read = _answered(doc, unit) if statements else unit
        ctx = None
        seen: set[tuple[int, int]] = set()
        sents: list[tuple[int, int]] | None = None  # (read's sentences, split when a part is missing from one)
        at: dict[int, int] = {}
        for start, end in _regions(rule, read):
            spans = []
            ok = True
            for rx, where in parts:
                m = search(rule, rx, read.text, start, end) if where in ("unit", "either") else None
                if m:
                    spans.append((m.start(), m.end()))
                    continue
                if where in ("context", "either"):
                    ctx = _context(unit) if ctx is None else ctx
                    if search(rule, rx, ctx):
                        continue
                if where in ("unit", "either") and _AFTER_ASKING_RE.search(read.text, max(0, start - 12), start):
                    if sents is None:
                        sents = read.sentences() if rule.spec.get("within") not in ("pair", "line") else []
                        at = {s: k for k, (s, _) in enumerate(sents)}
                    if (asked := _asked_before(read.text, sents, at.get(start, 0))) is not None \
                            and search(rule, rx, read.text, *asked):
                        continue  # (`您问 GPT-3 的 few-shot 怎么做？就是…`: the question the answer's own sentence answers sets the context)
                ok = False
                break
            if not ok or not spans or _unless(rule, read, start, end) or not _context_ok(rule, unit):
                continue
            first, last = min(s for s, _ in spans), max(e for _, e in spans)
            # (across a line, what must be stated is the first part: `过拟合了怎么办？办法就是减少训练数据量` asks
            # only about the setting the claim is made in)
            if statements and (asks(read, *spans[0]) if rule.spec.get("within") in ("pair", "line") else asks(read, first, last)):
                continue
            if (first, last) in seen:
                continue  # (two overlapping pairs of sentences found the same parts)
            seen.add((first, last))
            yield make_finding(rule, doc, unit, first, last)


def _asked_before(text: str, sents: list[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The sentence right before sentence `k` when it is a question (ends in ？) that asks how a thing
    is done or what it is, which that sentence answers: the parts the question names are named for the answer too (`您问
    GPT-3 的 few-shot 是怎么做的？就是…`), as they would be in the statement the two make; else None. A question of yes or
    no, of a choice or of a difference is none: its answer may take any side."""
    if k == 0:
        return None
    s, e = sents[k - 1]
    q = text[s:e].rstrip(" \t*_”」』\"")
    if not q.endswith(("？", "?")) or not _OPEN_ASK_RE.search(q) or _CLOSED_ASK_RE.search(q):
        return None
    return s, e


# (a region right after a question mark, the only place _asked_before can find a question)
_AFTER_ASKING_RE = regex.compile(r"[？?][ \t*_”」』\"\n]*+$")
_OPEN_ASK_RE = regex.compile(r"怎么|如何|怎样|什么|啥")
_CLOSED_ASK_RE = regex.compile(r"吗|么\s*+[？?]|嘛|是不是|是否|能不能|会不会|有没有|还是|区别|不同|差别|异同|对比|比较|为什么|为啥|为何|不|没")


# --------------------------------------------------------------------------------------- definition


@dataclass
class Term:
    key: str
    label: str  # how messages name it (Chinese)
    names: SafePattern
    definition: SafePattern


@dataclass
class Knowledge:
    """Data shared by rules: the glossary (for definition rules) and the citation knowledge table."""

    terms: dict[str, Term] = field(default_factory=dict)
    claim_terms: dict[str, ClaimTerm] = field(default_factory=dict)
    papers: list[dict[str, Any]] = field(default_factory=list)
    repos: list[dict[str, Any]] = field(default_factory=list)
    books: list[dict[str, Any]] = field(default_factory=list)
    acronyms: dict[str, list[str]] = field(default_factory=dict)  # acronym -> the expansions right for it
    _names_rx: SafePattern | None = None
    _reader: ClaimReader | None = None
    _claim_gates: dict[tuple[str, ...], SafePattern] = field(default_factory=dict)
    _titles: list[tuple[dict[str, Any], str]] | None = None
    _title_rxs: dict[str, SafePattern] = field(default_factory=dict)

    def title_rx(self, paper: dict[str, Any]) -> SafePattern:
        key = paper["title"]
        rx = self._title_rxs.get(key)
        if rx is None:
            rx = self._title_rxs[key] = safe(_title_rx(key), f"title of {key!r}")
        return rx

    def claim_reader(self) -> ClaimReader:
        if self._reader is None:
            self._reader = ClaimReader(Glossary(self.claim_terms), timeout=REGEX_TIMEOUT)
        return self._reader

    def claim_gate(self, subjects: tuple[str, ...]) -> SafePattern:
        """Where a claim about these terms can be: one of their names."""
        rx = self._claim_gates.get(subjects)
        if rx is None:
            # literal names, escaped: it compiles; where the literal index covers it, it is never searched
            rx = self._claim_gates[subjects] = compile_safe(self.claim_reader().glossary.names_pattern(subjects), FLAGS,
                                                            f"names of {', '.join(subjects)}", lazy=True)
        return rx

    def normed_titles(self) -> list[tuple[dict[str, Any], str]]:
        if self._titles is None or len(self._titles) != len(self.papers):
            self._titles = [(p, f" {norm_title(p['title'])} ") for p in self.papers]
        return self._titles

    def names_rx(self) -> SafePattern:
        if self._names_rx is None:
            alts = [f"(?P<t{i}>{t.names.pattern})" for i, t in enumerate(self.terms.values())]
            self._names_rx = compile_safe("|".join(alts) or "(?!)", FLAGS, "glossary names")
        return self._names_rx

    def term_hits(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        keys = list(self.terms)
        hits: list[tuple[int, int, str]] = []
        for m in self.names_rx().finditer(text, start, len(text) if end is None else end):
            idx = int((m.lastgroup or "")[1:])  # every alternative is a group t<index>
            key = keys[idx]
            # "精确率（Precision）": an alias in brackets right after the same term is not a new term
            if hits and hits[-1][2] == key and regex.fullmatch(r"\s*+(\*\*)?\s*+[（(]\s*+", text[hits[-1][1]:m.start()]):
                continue
            hits.append((m.start(), m.end(), key))
        return hits

    def definitions_in(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for key, t in self.terms.items():
            for m in t.definition.finditer(text):
                found.append((m.start(), m.end(), key))
        return sorted(found)


RESPECTIVELY_RE = regex.compile(r"分别(?:表示|是|为|指|代表|衡量|对应|用于衡量|定义为)?\s*+[:：]?")
# possessive \s*+: nothing after a run of white space can start with white space, so giving some back
# never helps a match, and the four runs in a row stay linear (with \s* they were polynomial in a run)
BINDING_RE = regex.compile(
    r"\s*+(?:\*\*)?\s*+(?:[（(][^）)]{0,40}[）)])?\s*+(?:\*\*)?\s*+(?:[:：]|(?:的定义)?\s*+(?:是指|指的是|是|指|表示|定义为|衡量(?:的是)?|即|代表|描述(?:的是)?|计算(?:的是)?)|=)"
)
CLAUSE_END_RE = regex.compile(r"[。；;！？!?\n]")
PART_SPLIT_RE = regex.compile(r"\s*+(?:、|，|,|；|;|以及|及其)\s*+")
PART_SPLIT_LOOSE_RE = regex.compile(r"\s*+(?:、|，|,|；|;|以及|及|和|与)\s*+")
# the separators alone: `separators` finds what the two patterns above find, in one pass (their
# leading \s* made a search quadratic in a run of white space)
_PART_SEPS = {PART_SPLIT_RE: regex.compile(r"、|，|,|；|;|以及|及其"), PART_SPLIT_LOOSE_RE: regex.compile(r"、|，|,|；|;|以及|及|和|与")}
_SPACE_RUN = regex.compile(r"\s+")


def separators(rx: regex.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of PART_SPLIT_RE or PART_SPLIT_LOOSE_RE (`rx`) in `text`, as
    finditer gives them, in linear time: a separator with the white space around it."""
    run_start: dict[int, int] = {}
    run_end: dict[int, int] = {}
    for m in _SPACE_RUN.finditer(text):
        run_start[m.end()] = m.start()
        run_end[m.start()] = m.end()
    pos = 0
    for m in _PART_SEPS[rx].finditer(text):
        if m.start() < pos:
            continue
        start = max(run_start.get(m.start(), m.start()), pos)
        end = run_end.get(m.end(), m.end())
        yield start, end
        pos = end


@dataclass(frozen=True)
class Binding:
    term: str
    defs: frozenset[str]
    start: int  # offsets of the definition text in the unit
    end: int
    text: str
    form: str  # direct | respectively


def _split_parts(text: str, base: int, n: int) -> list[tuple[int, int]] | None:
    for rx in (PART_SPLIT_RE, PART_SPLIT_LOOSE_RE):
        parts, pos = [], 0
        for start, end in separators(rx, text):
            parts.append((pos, start))
            pos = end
        parts.append((pos, len(text)))
        parts = [(s, e) for s, e in parts if text[s:e].strip()]
        if len(parts) == n:
            return [(base + s, base + e) for s, e in parts]
    return None


def bindings(unit: Unit, kb: Knowledge) -> list[Binding]:
    """Every (term, definition) pair stated in a unit, in the direct or the "respectively" form."""
    out: list[Binding] = []
    text = unit.text
    covered: list[tuple[int, int]] = []
    for s_start, s_end in unit.sentences():
        m = RESPECTIVELY_RE.search(text, s_start, s_end)
        if not m:
            continue
        terms = [h for h in kb.term_hits(text, s_start, m.start())]
        keys: list[str] = []
        for h in terms:
            if not keys or keys[-1] != h[2]:
                keys.append(h[2])
        tail_end = s_end - (1 if text[s_end - 1:s_end] in "。；;！？!?" else 0)
        parts = _split_parts(text[m.end():tail_end], m.end(), len(keys)) if len(keys) >= 2 else None
        if not parts:
            continue
        covered.append((s_start, s_end))
        for key, (ps, pe) in zip(keys, parts):
            part = text[ps:pe]
            defs = frozenset(k for _, _, k in kb.definitions_in(part))
            out.append(Binding(key, defs, ps, pe, part, "respectively"))
    hits = kb.term_hits(text)
    for i, (hs, he, key) in enumerate(hits):
        if any(a <= hs < b for a, b in covered):
            continue
        b = BINDING_RE.match(text, he)  # at `he`, without copying the rest of the text for every term
        if not b:
            continue
        seg_start = b.end()
        nxt = CLAUSE_END_RE.search(text, seg_start)
        seg_end = nxt.start() if nxt else len(text)
        for hs2, _, key2 in hits[i + 1:]:
            if hs2 >= seg_start and key2 != key and hs2 < seg_end:
                seg_end = hs2
                break
        seg = text[seg_start:seg_end]
        found = kb.definitions_in(seg)
        if not found:
            continue
        first_start = found[0][0]
        defs = frozenset(k for s, _, k in found if s == first_start)
        out.append(Binding(key, defs, seg_start + found[0][0], seg_start + found[0][1], seg, "direct"))
    return out


def check_definition(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    duplicate = rule.spec.get("duplicate", False)
    term: str = rule.spec.get("term", "")  # both set unless `duplicate` (loader)
    given: str = rule.spec.get("given", "")
    statements = judges_statements(rule)
    cache = doc.cache.setdefault("bindings", {})
    for unit in _units(rule, doc, gate_of(rule, kb)):
        key = (unit.line, unit.col)
        if key not in cache:
            cache[key] = bindings(unit, kb)
        bs = [b for b in cache[key] if not (statements and asks(unit, _sentence_start(unit, b.start), b.end))]
        if duplicate:
            resp = [b for b in bs if b.form == "respectively"]
            for i, a in enumerate(resp):
                for b in resp[i + 1:]:
                    same_text = normalize_text(a.text) and normalize_text(a.text) == normalize_text(b.text)
                    same_meaning = a.defs and a.defs == b.defs
                    if a.term != b.term and a.start != b.start and (same_text or same_meaning):
                        yield make_finding(rule, doc, unit, b.start, b.end,
                                           a=kb.terms[a.term].label, b=kb.terms[b.term].label)
            continue
        for b in bs:
            if b.term == term and given in b.defs and term not in b.defs:
                yield make_finding(rule, doc, unit, b.start, b.end,
                                   term=kb.terms[term].label, given=kb.terms[given].label)


# -------------------------------------------------------------------------------------------- claim


@dataclass
class _ClaimIndex:
    """What every claim rule of a pack reads the same way in one document, built once for all of them
    (so a rule costs in proportion to the units it can find something in, not to the document)."""

    terms: dict[str, tuple[frozenset, ...]]  # record id -> (terms its question names, terms its title names,
    # the same as sets of the key sets of their mentions)
    about: dict[str, list[int]]  # term key -> indices of the answer/analysis units of records whose question or title names it
    yes_no: list[tuple[dict[str, Any], Unit, Any, bool]]  # records whose first answer begins with yes or no: (record, unit, match, yes)
    opening: set[int]  # indices of the units of each answer's first paragraph (its first block of lines)
    what: list[tuple[dict[str, Any], int]]  # records whose question asks for a thing or a number: (record, first answer unit's index)


def _claim_index(kb: Knowledge, doc: LintDoc) -> _ClaimIndex:
    """The document's claim index for the knowledge's glossary (the glossary's mentions, so a name inside
    a longer one counts as the longer term)."""
    glossary = kb.claim_reader().glossary
    cached = doc.cache.get("claim_index")
    if cached is not None and cached[0] is glossary:
        return cached[1]
    terms: dict[str, tuple[frozenset, ...]] = {}
    for r in doc.records:
        named = [{m.keys for m in glossary.mentions(r.get(f) or "")} for f in ("question", "title")]
        terms[r["id"]] = (*(frozenset(k for keys in n for k in keys) for n in named), *(frozenset(n) for n in named))
    units_of: dict[str, list[int]] = {}
    first_at: dict[str, int] = {}  # record id -> index of its first answer unit with text
    for k, u in enumerate(doc.units):
        if u.record is None:
            continue
        rid = u.record["id"]
        if u.scope in ("answer", "analysis"):
            units_of.setdefault(rid, []).append(k)
        if u.scope == "answer" and u.text.strip():
            first_at.setdefault(rid, k)
    first = {rid: doc.units[k] for rid, k in first_at.items()}
    about: dict[str, list[int]] = {}
    for rid, named_terms in terms.items():
        for key in named_terms[0] | named_terms[1]:
            about.setdefault(key, []).extend(units_of.get(rid, ()))
    yes_no, what = [], []
    for rec in doc.records:
        unit = first.get(rec["id"])
        if unit is None:
            continue
        yes = YES_RE.match(unit.text)
        m = yes or NO_RE.match(unit.text)
        if m is not None:
            yes_no.append((rec, unit, m, yes is not None))
        elif (echo := _echo_answer(unit.text, rec.get("question") or "", glossary)) is not None:
            yes_no.append((rec, unit, echo, echo.group("neg") is None))
        elif asks_what(rec.get("question") or ""):
            what.append((rec, first_at[rec["id"]]))
    index = _ClaimIndex(terms, about, yes_no, _openings(doc, units_of, first), what)
    doc.cache["claim_index"] = (glossary, index)
    return index


def _openings(doc: LintDoc, units_of: dict[str, list[int]], first: dict[str, Unit]) -> set[int]:
    """The units of each answer's opening paragraph: from its first line with text to the next blank
    line. Only there does a sentence that names no term go on with the question's term; further down
    an answer (a section under a heading read as the question, a second paragraph) a sentence without
    a term of its own is about whatever its paragraph is about (`所以一共有三个可训练参数`)."""
    out: set[int] = set()
    for rid, unit in first.items():
        end = unit.line
        while end < len(doc.lines) and doc.lines[end].strip():
            end += 1  # doc.lines[end] is line end + 1: the opening paragraph is lines unit.line .. end
        out.update(k for k in units_of.get(rid, ()) if unit.line <= doc.units[k].line <= end)
    return out


# a line that starts a block of its own (a list entry, a quote, a table row, a heading) rather than going on
# with the paragraph above it
_BLOCK_START_RE = regex.compile(r"\s*+(?:[-*+]\s|\d{1,3}[.)、．]|[>|#])")
# the end of a line after which the next line begins a sentence (a line that ends mid-sentence is hard-wrapped
# text: its next line is the rest of one sentence, read apart as before)
_LINE_ENDS_SENTENCE_RE = regex.compile(r"[。！？!?；;：:.…][\s*_`”’」』）)]*$")


def _continues(doc: LintDoc, k: int) -> bool:
    """Whether unit `k` goes on with the line before it: the next line of the same paragraph of one answer (or
    analysis, or of the prose outside any item), after a line that ended its sentence."""
    if k == 0:
        return False
    u, p = doc.units[k], doc.units[k - 1]
    return (p.record is u.record and u.scope in ("answer", "analysis", "other") and p.scope == u.scope
            and p.line == u.line - 1 and (not _BLOCK_START_RE.match(u.text) or _list_led(doc, k)) and not p.text.lstrip().startswith("|")
            and (_LINE_ENDS_SENTENCE_RE.search(p.text) is not None or HEADWORD_LINE_RE.fullmatch(p.text) is not None))


_LIST_ITEM_RE = regex.compile(r"\s*+(?:[-*+]\s|\d{1,3}[.)、．])")
_COLON_END_RE = regex.compile(r"[：:][\s*_`]*$")


def _list_led(doc: LintDoc, k: int) -> bool:
    """Whether the list item at unit `k` is one of a list that a line ending in a colon leads right before it, with no
    gap (`GBDT 的训练过程：⏎1. 每棵树…⏎2. …`): the list goes on with what that line is about."""
    return _lead_in(doc, k) is not None


def _lead_in(doc: LintDoc, k: int) -> int | None:
    """The unit of the line ending in a colon that leads the list whose item is unit `k` (`_list_led`), or None."""
    j = k
    while j > 0 and k - j < 64:
        u, p = doc.units[j], doc.units[j - 1]
        if p.record is not u.record or p.scope != u.scope or p.line != u.line - 1 or not _LIST_ITEM_RE.match(u.text):
            return None
        if _COLON_END_RE.search(p.text) and not _BLOCK_START_RE.match(p.text):
            return j - 1
        j -= 1
    return None


def _unit_topic(index: _ClaimIndex, unit: Unit, k: int) -> frozenset[str] | None:
    return _topic(index.terms.get(unit.record["id"]) if unit.record else None) if k in index.opening else None


def _lead(reader: ClaimReader, doc: LintDoc, k: int) -> Lead | None:
    """What the lines before unit `k` in its paragraph hand on to it (None when it begins a paragraph);
    computed once per line of a document, from the paragraph's first line on."""
    leads = doc.cache.get("claim_leads")
    if leads is None or leads[0] is not reader:
        leads = doc.cache["claim_leads"] = (reader, {})
    known: dict[int, Lead | None] = leads[1]
    if k in known:
        return known[k]
    first = k
    while first not in known and _continues(doc, first):
        first -= 1
    lead = known.setdefault(first, None)
    for j in range(first + 1, k + 1):
        before = doc.units[j - 1].text
        head = _lead_in(doc, j) if _LIST_ITEM_RE.match(doc.units[j].text) else None
        if head is not None and head < j - 1:
            # (an item after the first of a list goes on with the line that leads the list, as the first item does, not
            # with the item before it: `使得：⏎1. …⏎2. 可以用更大的学习率⏎3. 训练更稳定` says 3 of what leads, not of 2)
            lead = known[j] = known.get(head + 1)
            continue
        if _LINE_ENDS_SENTENCE_RE.search(before) is None and reader.headword(before) is None:
            lead = known[j] = None  # (a short line that ends no sentence and is no headword hands nothing on)
        else:
            lead = known[j] = reader.carry_out(before, lead)
    return lead


def _topic(terms: tuple[frozenset, ...] | None) -> frozenset[str] | None:
    """The one term a record's question (or title) names, if it names exactly one (a name that belongs to
    several terms, as `岭回归` of both L2 regularisation and ridge regression, names them all at once)."""
    for named in (terms or ())[2:]:
        if len(named) == 1:
            return next(iter(named))
        if named:
            return None
    return None


_ANSWER_LABEL = r"^\s*+(?:[-*+>]\s+)?(?:\*\*)?\s*+(?:" + ANSWER_QUALIFIER + r"?(?:答案|回答)|答|A|Answer)?\s*+[:：]?\s*+(?:\*\*)?\s*+"
YES_RE = regex.compile(_ANSWER_LABEL + r"(?:\*\*)?\s*+(?P<word>是的|是|对的|对|正确|没错|能|可以|会的|会|当然|肯定|yes)(?:\*\*)?\s*+(?:[，,。！!：:；;]|$)", regex.I)
NO_RE = regex.compile(_ANSWER_LABEL + r"(?:\*\*)?\s*+(?P<word>不是|不对|不能|不会|不可以|不可|不行|否|没有|并不|并非|不|no)(?:\*\*)?\s*+(?:[，,。！!：:；;]|$)", regex.I)


# an answer that opens by echoing the verb its yes/no question asks with (`需要标签吗？` -> `需要，…` / `不需要。`)
ECHO_RE = regex.compile(_ANSWER_LABEL + r"(?:\*\*)?\s*+(?P<neg>不|没|没有|并不|无需|不用)?(?P<word>\p{Han}{1,4}?)(?:\*\*)?\s*+(?:[，,。！!；;]|$)")
_YES_NO_QUESTION_RE = regex.compile(r"吗\s*+[？?]?\s*+$")


def _echo_answer(answer: str, question: str, glossary: Any) -> regex.Match | None:
    """The echo of a yes/no question's verb that opens `answer` (its group `neg` set when it is denied): the
    question asks yes or no, and the word stands in it as its verb: before an object (`需要标签吗`), or right
    after the question's term with nothing but 吗 after it (`sigmoid 可导吗`); not the object itself (`标签`)."""
    q = question.strip().rstrip("*").strip()
    if not _YES_NO_QUESTION_RE.search(q):
        return None
    m = ECHO_RE.match(answer)
    if m is None or len(m.group("word")) < 2 and m.group("neg") is None:
        return None  # (a one-character word echoes only when denied: `会` and `能` are YES_RE's)
    word = m.group("word")
    at = q.find(word)
    if at < 0 or word.startswith(("不", "没")):
        return None
    if _YES_NO_QUESTION_RE.match(q, at + len(word)):  # the last word before 吗: a verb only right after the term
        before = max((x.end for x in glossary.mentions(q) if x.end <= at), default=-1)
        if before < 0 or q[before:at].strip(" *_`"):
            return None
    return m


def _sentence_around(text: str, s: int, e: int) -> tuple[int, int]:
    """The sentence of `text` that holds [s, e): from after the last sentence end before it to the first after."""
    lo = max(text.rfind(c, 0, s) for c in SENTENCE_END) + 1
    ends = [i for i in (text.find(c, e) for c in SENTENCE_END) if i >= 0]
    return lo, min(ends) + 1 if ends else len(text)


AROUND_LINES = 5
AROUND_CHARS = 120


# a bold label that opens a line (`3. **X 是近似算法**：错。…`, `- **X**：…`)
_LEAD_LABEL_RE = regex.compile(r"^\s*+(?:(?:[-*+]|\d{1,3}[.)、])\s+)?\*\*(?P<label>[^*]+)\*\*\s*+[:：]\s*+")
# what refutes the label it follows: a verdict (`：错。`, `：✗`, `：不对，…`)
_VERDICT_RE = regex.compile(r"(?:错误?|不对|不正确|不成立|误区|谬误|[×✗✘❌])(?![\p{Han}])|(?:错|不对)[，,。；;！!]")
# a heading over a list of misconceptions or pitfalls, whose entries say what goes wrong (`易错点 · 反直觉点`,
# `常见误区`, `工程陷阱`, `踩坑记录`, `Common mistakes`)
_MYTHS_HEADING_RE = regex.compile(r"易错|误区|误解|谬误|错误(?:认知|观念|说法|理解)|常见错误|反直觉|陷阱|踩坑|避坑|(?:常见|易踩)的?坑|反模式"
                                  r"|(?i:myths?|misconceptions?|pitfalls?|gotchas?|anti-?patterns?|(?:common\s+)?mistakes)")
# a list entry's first line
_ENTRY_START_RE = regex.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)、])[ \t]+")
# a line of an entry that gives the fix of what the entry names (`   处置：推理前调用 model.eval()`): stated as so
_FIX_LINE_RE = regex.compile(r"^\s*+(?:[-*+]\s+)?(?:\*\*|__)?\s*+(?:处置|处理方法|解决(?:方案|办法|方法)?|修复|修正|改正|纠正|正确(?:做法|理解|说法|答案|的做法)?|正解"
                             r"|应对|对策|建议|规避|(?i:fix(?:es)?|solutions?|remed(?:y|ies)|corrections?|instead))\s*+(?:\*\*|__)?\s*+[:：]")
ENTRY_LINES = 40  # how far back a line looks for the list entry it goes on


def _heading_lines(doc: LintDoc) -> list[tuple[int, str]]:
    heads = doc.cache.get("heading_lines")
    if heads is None:
        heads = doc.cache["heading_lines"] = [(ln.no, ln.text) for ln in doc.scan.lines if ln.kind == "heading"]
    return heads


def _under_myths_heading(doc: LintDoc, line: int) -> int | None:
    """The line of the nearest heading above `line` when it names a list of misconceptions or pitfalls."""
    heads = _heading_lines(doc)
    k = bisect.bisect_left(heads, (line,)) - 1
    return heads[k][0] if k >= 0 and _MYTHS_HEADING_RE.search(heads[k][1]) is not None else None


def _refuted_label(doc: LintDoc, unit: Unit, s: int, e: int) -> bool:
    """Whether the claim at [s, e) is named to be refuted or warned against: it lies in a line's leading bold label
    that the line refutes (a verdict right after its colon, or a heading above that names the list a list of
    misconceptions), or its line belongs to an entry of a list of misconceptions or pitfalls other than the line
    that gives the entry's fix (`## 工程陷阱` / `2. **忘记 model.eval()** → 推理时 Dropout 仍然生效` / `   处置：…`:
    the entry says what goes wrong, not what is so)."""
    head = _under_myths_heading(doc, unit.line)
    m = _LEAD_LABEL_RE.match(unit.text)
    if m is not None and m.start("label") <= s and e <= m.end("label") and (_VERDICT_RE.match(unit.text, m.end()) or head is not None):
        return True
    if head is None or _FIX_LINE_RE.match(unit.text):
        return False
    for no in range(unit.line, max(head, unit.line - ENTRY_LINES), -1):  # (1-based: the lines after the heading)
        line = doc.lines[no - 1]
        if _ENTRY_START_RE.match(line):
            return True
        if line.strip() and not line[:1].isspace():
            return False  # a paragraph of its own under the heading, not an entry of its list
    return False


ITEM_LINES = 40  # how far back in its item `unless_around` reads


def _around(rule: Rule, doc: LintDoc, unit: Unit, s: int, e: int) -> bool:
    """Whether a claim rule's `unless_around` matches around the claim: in its sentence and the text just before
    it, its item's title and question, the few source lines before its line (a list of notes on LoRA names it
    a line above), or its item's lines before it (at most ITEM_LINES)."""
    a, b = _sentence_around(unit.text, s, e)
    texts = [unit.text[max(0, a - AROUND_CHARS):b]]  # the sentence and what comes just before it
    if unit.record is not None:
        texts.append(_context(unit))
    first = max(0, unit.line - 1 - AROUND_LINES)
    if unit.record is not None:  # the item so far (`KV cache 以 BF16 存储` some lines above), at most ITEM_LINES back
        first = min(first, max(unit.record["line_start"] - 1, unit.line - 1 - ITEM_LINES))
    texts.extend(doc.lines[first:max(0, unit.line - 1)])
    return any(search(rule, rx, t) for rx in rule.spec["unless_around"] for t in texts)


# a dialogue reported inside an answer (`面试官：…？` then `我：…`, `Q：…？` then `A：…`): who asks, who answers
# (white space taken once: a line opening on thousands of blanked characters was quadratic to fail)
# (a turn of a dialogue's speakers or roles, `用户：`, `客服：`, `乙：`, with a chat's time stamp before or after its label,
# `[10:48] 客服：`, `用户 [21:15]：`)
_STAMP = r"(?:[\[【(（]\s*+\d{1,2}:\d{2}(?::\d{2})?\s*+[\]】)）]\s*+)?"
_TURN_LEAD = r"^\s*+(?:[-*+>]\s++)?(?:\*\*)?\s*+" + _STAMP + r"(?:\*\*)?\s*+"
_TURN_END = r"\s*+\d{0,2}\s*+" + _STAMP + r"(?:\*\*)?\s*+[:：]\s*+(?:\*\*)?"
_ASKING_LINE_RE = regex.compile(_TURN_LEAD + r"(?:面试官|考官|Q|问|提问" + ADDRESSEES + r"?|追问)" + _TURN_END)
_SPEAKER_LINE_RE = regex.compile(_TURN_LEAD + r"(?:" + SPEAKERS + r")" + _TURN_END)  # (asks only when it ends in a question)
_ANSWERING_LINE_RE = regex.compile(_TURN_LEAD + r"(?:我|我答|我的回答|候选人|应聘者|A|答|回答|" + SPEAKERS + r")" + _TURN_END)


@dataclass(frozen=True)
class _Turn:
    question: str  # what the asking turn asks (its label dropped)
    text: str  # the answering turn's text, its label blanked (same length)
    topic: frozenset[str] | None  # the one term the question names, if it names one
    asking: str = ""  # the asking line as one line of a dialogue reads it, led by its label (`问：` when it had none)
    body: int = 0  # where the answering turn's words begin, after its label


def _turns(doc: LintDoc, glossary: Any) -> dict[int, _Turn]:
    """Unit index -> the answering turn of a dialogue inside an answer (or outside any item): a line led by 我：/A：/答：
    (or 候选人：, or a speaker or role, `乙：`, `客服：`) right after a line that asks (led by 面试官：/Q：/问：, or ending in ？)
    in the same item. The answer goes on with what was asked, as an item's answer goes on with its question (computed
    once per document)."""
    got = doc.cache.get("claim_turns")
    if got is not None and got[0] is glossary:
        return got[1]
    out: dict[int, _Turn] = {}
    for k in range(1, len(doc.units)):
        u, p = doc.units[k], doc.units[k - 1]
        if u.scope not in ("answer", "analysis", "other") or p.scope != u.scope or p.record is not u.record or u.line - p.line > 2:
            continue  # (a dialogue outside an item, `other`, takes turns too)
        a = _ANSWERING_LINE_RE.match(u.text)
        if a is None:
            continue
        q = _ASKING_LINE_RE.match(p.text)
        if q is None and not QUESTION_END_RE.search(p.text.rstrip()):
            continue
        q = q or _SPEAKER_LINE_RE.match(p.text)
        asked = p.text[q.end():] if q is not None else p.text
        named = {m.keys for m in glossary.mentions(asked)}
        topic = next(iter(named)) if len(named) == 1 else None
        out[k] = _Turn(asked.strip(), " " * a.end() + u.text[a.end():], frozenset(topic) if topic else None,
                       p.text.rstrip() if q is not None else "问：" + p.text.strip(), a.end())
    doc.cache["claim_turns"] = (glossary, out)
    return out


# an option of a multiple-choice question: a capital letter and a dot, 、 or a closing bracket, or a letter in brackets
# (`- A. …`, `B、…`, `（C）…`; not `A：`, an answer's label)
OPTION_LINE_RE = regex.compile(r"^\s*+(?:[-*+]\s+)?(?:\*\*)?\s*+(?:[（(]\s*+[A-H]\s*+[)）]|[A-H]\s*+(?:[.．](?![A-Za-z0-9.])|[、)）]))\s*+(?:\*\*)?\s*+(?=\S)")
# a line that lists keywords or tags (`**关键词**：…`, `Tags: …`)
_KEYWORD_LINE_RE = regex.compile(r"^\s*+(?:[-*+>]\s+)?(?:\*\*|__)?\s*+(?:关键词|关键字|核心词|标签|key\s*+words?|tags?)\s*+(?:\*\*|__)?\s*+[:：]", regex.I)


def _asked_by_place(unit: Unit) -> bool:
    """An item's question (its question field or the heading that titles it) asks, even without a ？; an option of
    a multiple-choice question (`- D. L2 正则更稀疏`) is offered for choosing, not stated."""
    return unit.scope == "question" or (unit.scope == "heading" and unit.record is not None and unit.line == unit.record["line_start"]) \
        or OPTION_LINE_RE.match(unit.text) is not None


# a comment of a code line: after `#` or `//` that opens the line or follows white space, or a one-line docstring
_CODE_COMMENT_RE = regex.compile(r"(?:^|(?<=\s))(?:#+|//+)[ \t]*(?P<c>\S.*)$|^[ \t]*[rRuU]?(?:\"\"\"|\'\'\')(?P<c>.+?)(?:\"\"\"|\'\'\')?[ \t]*$")


def code_comment(line: str) -> str | None:
    """A code line with everything but its comment blanked (same length, so columns stay exact), when the comment
    is written in Chinese; else None. Only prose is read for claims: `tp / (tp + fp)` is no sentence."""
    m = _CODE_COMMENT_RE.search(line)
    if m is None or not HAN_RE.search(m.group("c")):
        return None
    a, b = m.span("c")
    return " " * a + line[a:b] + " " * (len(line) - b)


def _claim_text(rule: Rule, unit: Unit) -> str | None:
    """What a claim rule reads of a unit of its scope: its text, or of code only its comment (`# 召回率 = TP / 预测为正
    的样本数` is prose); None for a unit out of scope or one that states nothing."""
    if unit.scope not in rule.scope or _states_nothing(unit):
        return None
    return code_comment(unit.text) if unit.scope == "code" else unit.text


def _states_nothing(unit: Unit) -> bool:
    """What asks by its place (`_asked_by_place`) states nothing; nor does a list of keywords
    (`**关键词**：CBOW、Skip-gram、中心词…`), nor a table of contents' entry, a link to a heading of the page
    (`- [聚类特征和 K 近邻特征](#聚类特征和-k-近邻特征)`)."""
    return _asked_by_place(unit) or _KEYWORD_LINE_RE.match(unit.text) is not None or _TOC_ENTRY_RE.fullmatch(unit.text) is not None


# a line that is only links to headings of the page or to other pages of the book (a table of contents' entry:
# `- [2.3 用神经网络解决回归问题](第2章/2.3-解决回归问题.md)`)
_TOC_ENTRY_RE = regex.compile(r"\s*+(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\[[^\]\n]{1,120}\]\((?:#[^)\s]*|[^)\s:]*\.(?:md|markdown|html?)(?:#[^)\s]*)?)\)\s*+)+")


def _claim_candidates(doc: LintDoc, spec: ClaimSpec, index: _ClaimIndex, named: list[int], turns: dict[int, _Turn],
                      asked_of: set[int], holders: list[int] | None) -> set[int]:
    """The units a claim rule reads: those that name the subject (`named`) and the lines that go on from them, the
    answers of items about it, the answering turns under a question about it; with `holders` (the units that hold a
    literal of a property phrasing), only those, and the answering turns under a line that names the subject, read
    with that line (the phrasing may be in either)."""
    candidates = set(named)
    for k in named:  # the lines that go on from a line naming the subject (`GPT 基于解码器。⏎它是双向的…`)
        k += 1
        while k < len(doc.units) and k not in candidates and _continues(doc, k):
            candidates.add(k)
            k += 1
    for key in spec.subjects:
        candidates.update(index.about.get(key, ()))
    candidates.update(asked_of)  # (an answering turn under a question that names the subject)
    if holders is not None:
        candidates.intersection_update(holders)
    if turns:
        lines, held = set(named), None if holders is None else set(holders)
        candidates.update(k for k in turns if k - 1 in lines and (held is None or k in held or k - 1 in held))
    return candidates


def check_claim(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    """Sentences that state the rule's claim with its wrong polarity (see claims.py); an answer that
    begins with yes or no to a question asking the claim states it too.

    The units read are those where a name of the subject can be, and the answers and analyses of
    items whose question or title names it; with the property's literal prefilter, only those that
    hold a phrasing of the property."""
    reader = kb.claim_reader()
    spec: ClaimSpec = rule.spec["claim"]
    label = kb.claim_terms[spec.subjects[0]].label
    gate = kb.claim_gate(spec.subjects)  # gate_of for a claim rule
    found: set[tuple[int, int]] = set()
    try:
        pgate = rule.spec.get("pgate")  # units without a literal of any property phrasing cannot state the claim
        holders = _gate_indices(rule, doc, pgate) if pgate is not None and doc.literals is not None and doc.literals.covers(pgate) else None
        if holders is not None and not holders:
            return  # no unit (questions included: a question asks the claim only in a phrasing of it) holds one
        index = _claim_index(kb, doc)
        view = tables(doc, reader.glossary) if "|" in doc.text else None
        turns = _turns(doc, reader.glossary)
        asked_of = _asked_of(turns, spec)
        candidates = _claim_candidates(doc, spec, index, _gate_indices(rule, doc, gate), turns, asked_of, holders)
        for k in sorted(candidates):
            unit = doc.units[k]
            text = _claim_text(rule, unit)
            if text is None:
                continue
            topic = _unit_topic(index, unit, k)
            if k in turns:  # (the turn's label stays: `我答：` after a reported question is read as such, claims.py)
                topic = topic or turns[k].topic
            lead = None if unit.scope == "code" else _lead(reader, doc, k)  # (a comment goes on from no line)
            hits = reader.findings(text, spec, topic=topic, lead=lead)
            if k in turns and turns[k].asking:
                hits = _with_turn_read(reader, turns[k], text, spec, topic, hits)
            for s, e in hits:
                if view is not None and view.in_refuted_cell(k, s, e):
                    continue  # `| 误区 | 正解 |`: a wrong view in its column is named to be refuted
                if rule.spec.get("unless") and _unless(rule, unit, *_sentence_around(unit.text, s, e)):
                    continue  # a claim rule's `unless` is read in the whole sentence that states the claim
                if rule.spec.get("unless_around") and _around(rule, doc, unit, s, e):
                    continue
                if _refuted_label(doc, unit, s, e):
                    continue  # `**X 是近似算法**：错。…`: a misconception named to be corrected
                found.add((unit.line, unit.col))
                yield make_finding(rule, doc, unit, s, e, term=label)
        if view is not None:
            yield from _table_findings(rule, doc, reader, spec, view, found, label)
        if "answer" in rule.scope:
            yield from _what_answers(rule, doc, index, turns, asked_of, reader, spec, label, found)
        if "answer" in rule.scope and spec.predicates:
            yield from _turn_yes_no(rule, doc, turns, asked_of, reader, spec, label, found)
            for f in _yes_no_answers(rule, doc, index, reader, spec, label):
                if (f.line, f.col) not in found and all(f.line != line for line, _ in found):
                    yield f
    except TimeoutError:
        raise RuleTimeout(rule, f"{doc.path}") from None


def _table_findings(rule: Rule, doc: LintDoc, reader: ClaimReader, spec: ClaimSpec, view: Tables,
                    found: set[tuple[int, int]], label: str) -> Iterator[Finding]:
    """Table rows read as the sentences they state (tables.py) that state the claim: one finding per row, on the
    cells that state it, unless the row's own text was found to."""
    for row in view.readings:
        unit = doc.units[row.unit]
        if unit.scope not in rule.scope or (unit.line, unit.col) in found or not row.keys & set(spec.subjects):
            continue
        hits = reader.findings(row.text, spec)
        if hits and reader.findings(row.plain, spec):
            continue  # the cells state it without their header: the row's own text decides (`| INT8 | 节省 50% |`)
        for s, e in hits:
            s, e = row.where[s], row.where[max(s, e - 1)] + 1  # back on the row
            if (rule.spec.get("unless") and _unless(rule, unit, *_sentence_around(unit.text, s, e))) or _refuted_label(doc, unit, s, e) \
                    or (rule.spec.get("unless_around") and _around(rule, doc, unit, s, e)):
                continue
            found.add((unit.line, unit.col))
            yield make_finding(rule, doc, unit, s, e, term=label)
            break


def _yes_no_answers(rule: Rule, doc: LintDoc, index: _ClaimIndex, reader: ClaimReader, spec: ClaimSpec,
                    label: str) -> Iterator[Finding]:
    """Answers that begin with yes or no to a question that asks the spec's claim: the answer asserts
    what the question asks (yes) or its opposite (no)."""
    subjects = set(spec.subjects)
    for rec, unit, m, yes in index.yes_no:
        if not subjects & index.terms[rec["id"]][0]:
            continue
        if _answers_the_slip(reader, rec.get("question") or "", spec, yes):
            yield make_finding(rule, doc, unit, m.start("word"), m.end("word"), term=label)


def _answers_the_slip(reader: ClaimReader, question: str, spec: ClaimSpec, yes: bool) -> bool:
    """Whether answering yes (or no) to `question` asserts the spec's wrong claim: the question asks the claim, and
    the answer affirms what it asks (or its opposite)."""
    asked = reader.question_polarity(question, spec)
    return asked is not None and (asked if yes else not asked) == (spec.wrong == "affirm")


def _what_answers(rule: Rule, doc: LintDoc, index: _ClaimIndex, turns: dict[int, _Turn], asked_of: set[int], reader: ClaimReader,
                  spec: ClaimSpec, label: str, found: set[tuple[int, int]]) -> Iterator[Finding]:
    """Answers (an item's first answer line, an answering turn) that open with a bare phrase the question asks for
    (`GPT 的预训练目标是什么？` / `MLM，…`): the phrase read into the question states the claim (ClaimReader.answered);
    not on a line already found."""
    subjects = set(spec.subjects)
    pairs = [(rec.get("question") or "", doc.units[k].text, k, True) for rec, k in index.what if subjects & index.terms[rec["id"]][0]]
    pairs += [(turns[k].question, turns[k].text, k, False) for k in sorted(asked_of)]
    for question, text, k, asked in pairs:
        unit = doc.units[k]
        if any(unit.line == line for line, _ in found):
            continue
        hit = reader.answered(question, text, spec, asked=asked)
        if hit is not None:
            found.add((unit.line, unit.col))
            yield make_finding(rule, doc, unit, hit[0], hit[1], term=label)


def _with_turn_read(reader: ClaimReader, turn: _Turn, text: str, spec: ClaimSpec, topic: frozenset[str] | None,
                    hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`hits` (the answering turn read alone) with what the turn states read together with the line that asks before
    it, as the two would read on one line (`用户：阈值调高后 recall 会怎样？⏎客服：会变高，…` reads as `…会怎样？客服：会变高`
    does, claims._answered_inline), when the two are read as one statement there: spans of the turn's words only, one
    per place. (A question of why or how hands the answer nothing: `…为什么有差异？⏎A：全量 SFT 更新所有参数…` is not
    said of the question's LoRA.)"""
    lead = turn.asking + " 答："
    joined = lead + text[turn.body:]
    mark = max(turn.asking.rfind("？"), turn.asking.rfind("?"))
    if mark < 0 or turn.asking[mark + 1:].strip(" *") or not merges_at(joined, mark):
        return hits  # (a question of why or how, or one answered no or at length: the answer reads on its own)
    shift = len(lead) - turn.body  # (a place in `joined` past the lead is that place minus `shift` in `text`)
    got = list(hits)
    alone = set(reader.findings(turn.asking, spec, topic=topic))  # (what the asking line says on its own is its own)
    for s, e in reader.findings(joined, spec, topic=topic):
        if e <= len(turn.asking) and (s, e) in alone:
            continue
        if e <= len(lead):  # (the question read as the statement the answer affirms: the answer's first sentence says it)
            stop = next((i + 1 for i in range(turn.body, len(text)) if text[i] in SENTENCE_END), len(text))
            span = (turn.body, stop)
        else:
            span = (max(s, len(lead)) - shift, e - shift)
        if not any(a < span[1] and span[0] < b for a, b in got):
            got.append(span)
    return sorted(got)


def _asked_of(turns: dict[int, _Turn], spec: ClaimSpec) -> set[int]:
    """The answering turns whose question names one of the spec's subjects."""
    return {k for k, t in turns.items() if t.topic and t.topic & set(spec.subjects)}


def _turn_yes_no(rule: Rule, doc: LintDoc, turns: dict[int, _Turn], asked_of: set[int], reader: ClaimReader,
                 spec: ClaimSpec, label: str, found: set[tuple[int, int]]) -> Iterator[Finding]:
    """Answering turns that begin with yes or no to a question turn that asks the spec's claim (`面试官：GPT 是双向
    的吗？` / `我：是的，…`), as an item's answer does (_yes_no_answers); not on a line already found."""
    for k in sorted(asked_of):
        turn, unit = turns[k], doc.units[k]
        yes = YES_RE.match(turn.text)
        m = yes or NO_RE.match(turn.text)
        if m is None or any(unit.line == line for line, _ in found):
            continue
        if _answers_the_slip(reader, turn.question, spec, yes is not None):
            found.add((unit.line, unit.col))
            yield make_finding(rule, doc, unit, m.start("word"), m.end("word"), term=label)


# ----------------------------------------------------------------------------------------- citation
#
# A citation's fields are read from that citation only: a line can hold several (a table row, a list of
# links), so each field is bound to the paper it belongs to (the link whose target holds the arXiv id,
# the year nearest the paper within one clause, the title of the same reference entry), never to
# the first one the line happens to contain.

ARXIV_RE = regex.compile(r"(?:arxiv\.org/(?:abs|pdf)/|arxiv(?:\s*+[:：])?\s*+)(\d{4}\.\d{4,5})(?:v\d+)?", FLAGS)  # one \s* run at a time
YEAR_RE = regex.compile(r"[（(]\s*+((?:19|20)\d{2})[a-z]?\s*+[）)]")
GITHUB_RE = regex.compile(r"github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?(?=[/)\s\]#?]|$)", FLAGS)
BOOK_RE = regex.compile(r"《([^》]{1,60})》\s*+(?:\*\*)?\s*+[（(]([^）)]{2,120})[）)]")
# [text](target) or [text](target "title") (also the slip `(target, "title")`)
LINK_RE = regex.compile(r"\[([^\[\]]{1,300})\]\(\s*+<?([^\s)<>,]+)>?(?:[\s,]+[\"“']([^\"”']{1,300})[\"”'])?\s*+\)")
URL_RE = regex.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:org|com|net|io|cn)/\S*", FLAGS)
# clause boundaries that end one citation: Chinese punctuation, semicolons, table cells
CLAUSE_RE = regex.compile(r"[；;|。，、]")
# link texts that describe a link instead of naming the work
DESCRIPTION_RE = regex.compile(r"\b(?:paper|papers|et\s+al|link|here|pdf|arxiv|article|blog|original|slides?)\b|论文|原文|链接|地址|这里|点击|下载|代码", FLAGS)
_LATIN_WORD = regex.compile(r"[A-Za-z][A-Za-z'’\-]*")
# a reference label of authors and the work's short name (`Kingma 与 Ba, Adam`, `He et al., ResNet`), no title
_AUTHOR_LABEL_RE = regex.compile(r"[A-Z][a-z]+(?:\s*+(?:与|和|及|、|and|&|,)\s*+[A-Z][a-z]+){0,3}\s*+(?:等人?|et\s+al\.?)?\s*+[,，:：]\s*+"
                                 r"[A-Za-z0-9\-]+(?:\s+[A-Za-z0-9\-]+)?\s*+$")
_NON_WORD = regex.compile(r"[^\w]+")


def norm_title(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return _NON_WORD.sub(" ", s).strip()


def looks_like_title(text: str) -> bool:
    """Whether a link text (or the sentence of a reference entry) can be compared with a paper title:
    at least three Latin words, mostly Latin, not a URL, not a short name (`VGG`) and not a
    description of the link (`原始论文地址`, `the original paper`)."""
    t = text.strip().strip("*_`\"“”'’ ")
    if (tag := _NAME_TAG_RE.search(t)) is not None:
        t = t[:tag.start()]  # (a short name tagged on is not a word of the title: `Low-Rank Adaption (LoRA)`)
    if not t or URL_RE.search(t) or DESCRIPTION_RE.search(t) or _AUTHOR_LABEL_RE.match(t):
        return False
    words = _LATIN_WORD.findall(t)
    if len(words) < 3:
        return False
    return sum(len(w) for w in words) >= 0.6 * len(regex.sub(r"\s", "", t))


_ARTICLES = frozenset({"the", "a", "an"})


def _loose_title(title: str) -> str:
    """A normalised title without articles and plural endings: `the Densely Connected Convolutional
    Network` names the work of `Densely Connected Convolutional Networks` in a sentence."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in title.split() if w not in _ARTICLES)


def _same_title(cited: str, known: str) -> bool:
    """Equal up to case, punctuation, articles and plural endings; a cited title that contains the known
    one, or is cut short of it, counts as the same (one changed word does not); so does one led by the work's
    short name and a colon (`InstructGPT：Training language models to follow instructions`), and one that spells a
    hyphenated word as one (`Pretraining`)."""
    b = norm_title(known)
    unhyphened = norm_title(known.replace("-", ""))
    named = _NAME_LABEL_RE.match(cited)
    tagged = _NAME_TAG_RE.search(cited)  # (and without a short name tagged on in brackets: `An Image is Worth 16x16 Words (ViT)`)
    for text in ((cited, cited[named.end():]) if named else (cited,)) + ((cited[:tagged.start()],) if tagged else ()):
        a = norm_title(text)
        # (and with hyphens dropped: `Pretraining` is `Pre-training`; a space dropped, `Reasoningin`, is still a typo)
        if any(x == y or y in x or (len(x) >= 12 and x in y) for x, y in ((a, b), (_loose_title(a), _loose_title(b)),
                                                                          (norm_title(text.replace("-", "")), unhyphened))):
            return True
    return False


_NAME_LABEL_RE = regex.compile(r"\s*+[\w.\-]{2,20}\s*+[：:]\s*+")  # `InstructGPT：`, `LoRA: ` before a title
_NAME_TAG_RE = regex.compile(r"\s*+[（(]\s*+[\w.\-]{2,20}\s*+[)）]\s*+$")  # ` (ViT)` after one


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    text: tuple[int, int]
    target: tuple[int, int]
    title: tuple[int, int] | None


@dataclass(frozen=True)
class Anchor:
    """Where a unit names a work: an arXiv id, a known paper's title, or any other link."""

    start: int
    end: int
    paper: dict[str, Any] | None
    how: str  # arxiv | title | link


def links(text: str) -> list[Link]:
    return [Link(m.start(), m.end(), m.span(1), m.span(2), m.span(3) if m.group(3) else None) for m in LINK_RE.finditer(text)]


def _title_rx(title: str) -> regex.Pattern:
    """A known title with any punctuation between its words, bounded on both sides by something that
    cannot continue a title (`Deep Learning` is not read inside `Deep Learning with Differential Privacy`)."""
    words = norm_title(title).split()
    body = r"[\W_]+".join(regex.escape(w) for w in words)
    return compile_pattern(rf"(?<![A-Za-z0-9][\s\-]*)(?:{body})(?![\s\-:]*[A-Za-z0-9])", regex.IGNORECASE)


def _corroborated(paper: dict[str, Any], text: str) -> bool:
    """A short title (three words or fewer: `Deep Learning`, `Layer Normalization`) is a common phrase;
    it names the paper only next to one of its authors or its venue."""
    if len(norm_title(paper["title"]).split()) > 3:
        return True
    names = list(paper["authors"]) + ([paper["venue"]] if paper.get("venue") else [])
    return any(regex.search(rf"\b{regex.escape(n)}\b", text, regex.IGNORECASE) for n in names)


def anchors(text: str, kb: Knowledge) -> list[Anchor]:
    """Every place `text` names a work, in order: arXiv ids (with their paper, when known), known
    titles, and the other links (they separate one citation from the next)."""
    out: list[Anchor] = []
    for m in ARXIV_RE.finditer(text):
        out.append(Anchor(m.start(), m.end(), next((p for p in kb.papers if p.get("arxiv") == m.group(1)), None), "arxiv"))
    nt = f" {norm_title(text)} "
    for p, title in kb.normed_titles():
        if title not in nt:
            continue
        for m in kb.title_rx(p).finditer(text):
            if _corroborated(p, text):
                out.append(Anchor(m.start(), m.end(), p, "title"))
    # a link names one work: the arXiv id in its target and the title in its text are one anchor, the link
    for ln in links(text):
        inside = [a for a in out if ln.start <= a.start < ln.end]
        paper = next((a.paper for a in inside if a.paper is not None), None)
        out = [a for a in out if a not in inside] + [Anchor(ln.start, ln.end, paper, inside[0].how if inside else "link")]
    return sorted(out, key=lambda a: (a.start, a.end))


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: between the clause boundaries (，、；。|) before and after it."""
    start = 0
    for m in CLAUSE_RE.finditer(text, 0, pos):
        start = m.end()
    nxt = CLAUSE_RE.search(text, pos)
    return start, nxt.start() if nxt else len(text)


def _between(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return (min(a[1], b[1]), max(a[0], b[0]))


def year_of(text: str, anchor: Anchor, others: list[Anchor]) -> regex.Match | None:
    """The year that belongs to `anchor`: in its clause, nearest to it, with no other work named in between."""
    lo, hi = _clause(text, anchor.start)
    best = None
    for y in YEAR_RE.finditer(text, lo, max(hi, anchor.end)):
        gap = _between((y.start(), y.end()), (anchor.start, anchor.end))
        if any(o.paper is not anchor.paper and gap[0] <= o.start < gap[1] for o in others):
            continue
        dist = max(0, gap[1] - gap[0])
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _cite_title(rule: Rule, doc: LintDoc, kb: Knowledge, unit: Unit) -> Iterator[Finding]:
    text = unit.text
    lks = links(text)
    for m in ARXIV_RE.finditer(text):
        paper = next((p for p in kb.papers if p.get("arxiv") == m.group(1)), None)
        if paper is None:
            continue
        cand = None
        link = next((ln for ln in lks if ln.target[0] <= m.start() < ln.target[1]), None)
        if link is not None:  # the link whose target holds the id: its title attribute, else its text
            for span in (link.title, link.text):
                if span and looks_like_title(text[span[0]:span[1]]):
                    cand = span
                    break
        else:  # a reference entry: `Authors (year). Title. … arXiv:id`, all in one clause
            lo, _ = _clause(text, m.start())
            if norm_title(paper["title"]) in norm_title(text[lo:m.start()]):
                continue  # the entry gives the title right, before its year (`Title (2017) by Authors, url`)
            years = [y for y in YEAR_RE.finditer(text, lo, m.start())]
            if years:
                t = regex.match(r"[\s.,]*([^.。]{6,300})", text[years[-1].end():m.start()])
                if t and looks_like_title(t.group(1)):
                    cand = (years[-1].end() + t.start(1), years[-1].end() + t.end(1))
        if cand is None:
            continue
        found = text[cand[0]:cand[1]]
        if not _same_title(found, paper["title"]) and not (_spells_name(found, paper) and not _TITLED_BEFORE_RE.search(text, max(0, cand[0] - 8), cand[0])):
            # (a name spelt out is the work's name, unless the text gives it as the paper's title: `论文[Bidirectional …]`)
            yield make_finding(rule, doc, unit, cand[0], cand[1], arxiv=m.group(1), expected=paper["title"], found=found.strip())


_TITLED_BEFORE_RE = regex.compile(r"(?:论文|文章|paper|题为|题目为|titled)\s*+[《“\"\[(（]*\s*+$", FLAGS)
_FUNCTION_WORDS = frozenset("from of for the and with in to on by via a an".split())


def _spells_name(text: str, paper: dict[str, Any]) -> bool:
    """Whether a link text spells out the short name a paper's title opens with (`Bidirectional Encoder
    Representations from Transformers` for `BERT: …`): the name of the work, not a wrong title of it."""
    name = paper["title"].split(":", 1)[0].strip() if ":" in paper["title"] else ""
    if not name or " " in name:
        return False
    words = [w for w in _LATIN_WORD.findall(text) if w.casefold() not in _FUNCTION_WORDS]
    if len(words) >= 2 and "".join(w[0] for w in words).casefold() == regex.sub(r"[^A-Za-z]", "", name).casefold():
        return True
    # the name glossed with words of its title (`低秩适配(Low-Rank Adaptation, LoRA)`): every other word is the title's
    title_words = {w.casefold() for w in _LATIN_WORD.findall(paper["title"])}
    return any(w.casefold() == name.casefold() for w in words) and all(w.casefold() in title_words for w in words)


_BOOK_WORDS_RE = regex.compile(r"\bPress\b|出版社|\bbook\b", FLAGS)


def _the_book(text: str, paper: dict[str, Any], kb: Knowledge) -> bool:
    """Whether a citation of a paper's title is of the book with the same title (`Goodfellow, Bengio, &
    Courville (2016). "Deep Learning." MIT Press` is not LeCun et al.'s Nature paper): a book of that title
    is known and the entry names its first author, or a press."""
    title = norm_title(paper["title"])
    for book in kb.books:
        if any(norm_title(t) == title for t in book["titles"]):
            low = text.casefold()
            authors = book.get("authors", ())
            if _BOOK_WORDS_RE.search(text) or (authors and authors[0].casefold() in low):
                return True
    return False


def _cite_year(rule: Rule, doc: LintDoc, kb: Knowledge, unit: Unit) -> Iterator[Finding]:
    found = anchors(unit.text, kb)
    done: set[tuple[str, int]] = set()
    for a in found:
        if a.paper is None or _the_book(unit.text, a.paper, kb):
            continue
        y = year_of(unit.text, a, found)
        if y is None or (a.paper["title"], y.start()) in done:
            continue
        done.add((a.paper["title"], y.start()))
        if int(y.group(1)) not in a.paper["years"]:
            yield make_finding(rule, doc, unit, y.start(1), y.end(1), title=a.paper["title"],
                               expected="/".join(map(str, a.paper["years"])), found=y.group(1))


AUTHOR_RE = regex.compile(r"\s*+(?:\d+[.、]\s*+)?(?:[-*]\s*+)?(?:\*\*[^*]{0,40}\*\*\s*+[:：]?\s*+)?([A-Z][A-Za-z'\-]+),\s*+[A-Z]\.")


def _cite_author(rule: Rule, doc: LintDoc, kb: Knowledge, unit: Unit) -> Iterator[Finding]:
    m = AUTHOR_RE.match(unit.text)
    if not m:
        return
    # the work this author list belongs to: the first one named after it in the same reference entry
    _, hi = _clause(unit.text, m.end())
    first = next((a for a in anchors(unit.text, kb) if a.start >= m.end() and a.start < hi), None)
    if first is None or first.paper is None or _the_book(unit.text, first.paper, kb):
        return
    if m.group(1).casefold() != first.paper["authors"][0].casefold():
        yield make_finding(rule, doc, unit, m.start(1), m.end(1), title=first.paper["title"],
                           expected=first.paper["authors"][0], found=m.group(1))


# The text says a link is the work's own repository: `官方代码/official implementation/源码` (not a
# reading of it: `源码解读`), or `<name> (GitHub) 仓库/repo/项目地址`, or the link is named by the bare
# project name and goes to a repository's root.
_NOT_THE_REPO = r"(?!\s*+(?:解读|解析|分析|阅读|导读|走读|精读|笔记|注释|剖析|详解|讲解|学习|复现|讲义|教程|文档|介绍|说明|中文|中译|汉化|翻译|译文|译本|参考|示例|样例|范例))"
OFFICIAL_RE = regex.compile(
    r"(?:(?<!非)官方|原作者|作者)\s*+的?\s*+(?:GitHub\s*+)?(?:仓库|代码库|代码|实现|源码|源代码|repo(?:sitory)?|地址|开源(?:代码|实现|项目)?|项目)" + _NOT_THE_REPO
    + r"|(?<!un)official\s+(?:GitHub\s+)?(?:repo(?:sitory)?|implementation|code(?:base)?|source)|原始(?:代码|实现)" + _NOT_THE_REPO
    + r"|original\s+(?:code|implementation|repo(?:sitory)?)", FLAGS)
# `源码`/`source code` alone says a link is the work's own code only when it goes to a repository's root: `GPT2 源码：…/
# transformers/…/modeling_gpt2.py` points at an implementation's file in another project
SOURCE_RE = regex.compile(r"(?:源码|源代码)" + _NOT_THE_REPO + r"|\bsource\s+code\b", FLAGS)
REPO_NOUN = r"\s*+(?:的)?\s*+(?:GitHub\s*+|Github\s*+)?(?:仓库|代码库|repo(?:sitory)?\b|项目(?:地址|主页)|主页|homepage)" + _NOT_THE_REPO
BARE_LABEL_RE = regex.compile(r"^[\s\-*+>#\d.、:：\[\]()（）`_]*|[\s\-*+>:：\[\]()（）`_]*$")


def _repo_rx(repo: dict[str, Any], key: str, pattern: str) -> SafePattern:
    """A repository's names pattern (from a rule file), compiled once, under the timeout policy."""
    rx = repo.get(key)
    if rx is None:
        rx = repo[key] = compile_safe(pattern, FLAGS, f"repository {repo.get('project', '?')}")
    return rx


def _repo_root(text: str, m: regex.Match) -> bool:
    """A link to a repository itself (github.com/owner/repo[/] [#readme]), not to a file, folder or issue in it."""
    return regex.match(r"/?(?:#\S*)?(?:[)\s\]]|$)", text[m.end():]) is not None


# a label that introduces implementations (`代码实现：`, `Code:`): a framework named in the link after it is what the
# linked code is written in
_IMPLEMENTATION_LABEL_RE = regex.compile(r"(?:代码实现|实现代码|代码|实现|源码|复现|code|implementations?|impl)\s*+(?:\*\*)?\s*+[:：]\s*+(?:\*\*)?\s*+$", FLAGS)
# a framework's name followed by version or implementation words: what the code is written in (`Pytorch版的代码`)
_WRITTEN_IN_AFTER_RE = regex.compile(r"\s*+(?:版本?|实现|写的|编写的)", FLAGS)
_DEEP_PATH_RE = regex.compile(r"[\w.-]+(?:/[\w.-]+){2,}/?")  # owner/repo/folder...: a path inside a repository


def _cite_repo(rule: Rule, doc: LintDoc, kb: Knowledge, unit: Unit) -> Iterator[Finding]:
    text = unit.text
    lks = links(text)
    last_end = 0
    for m in GITHUB_RE.finditer(text):
        link = next((ln for ln in lks if ln.start <= m.start() < ln.end), None)
        if link is not None and link.text[0] <= m.start() < link.text[1]:
            target = GITHUB_RE.search(text, link.target[0], link.target[1])
            if target and target.group(0).casefold() == m.group(0).casefold():
                continue  # the same URL as the link's target: reported once, there
        scheme = regex.search(r"(?:https?://)?(?:www\.)?$", text[:m.start()], FLAGS)  # matches at the end of any text
        url_start = m.start() - (len(scheme.group(0)) if scheme else 0)
        lo = max(_clause(text, link.start if link else url_start)[0], last_end)
        label = text[lo:link.start] + text[link.text[0]:link.text[1]] if link else text[lo:url_start]
        last_end = link.end if link else m.end()
        label = URL_RE.sub(" ", label)
        # the label's last part (`**答案：** - **fastText**：` -> `fastText`), without markup
        bare = next((b for b in (BARE_LABEL_RE.sub("", part) for part in reversed(regex.split(r"[：:]", label))) if b), "")
        # the project the label names closest to the link
        paths = [(p.start(), p.end()) for p in _DEEP_PATH_RE.finditer(label)]
        # (a name inside a path into a repository, `tensorflow/models/research/deeplab`, names a folder, not a project)
        named = [(n.end(), i, n) for i, repo in enumerate(kb.repos) for n in _repo_rx(repo, "names_rx", repo["names"]).finditer(label)
                 if not any(a <= n.start() < b for a, b in paths)]
        if not named:
            continue
        _, i, name = max(named, key=lambda t: (t[0], -t[1]))
        repo = kb.repos[i]
        # (`代码实现：[tensorflow](…/tensorflow-resnet)`: a framework named as what an implementation is written in)
        written_in = link is not None and _IMPLEMENTATION_LABEL_RE.search(text, lo, link.start) is not None
        official = OFFICIAL_RE.search(label) is not None
        claim = (official
                 or (SOURCE_RE.search(label) is not None and _repo_root(text, m))
                 or _repo_rx(repo, "noun_rx", f"(?:{repo['names']}){REPO_NOUN}").search(label) is not None
                 or (_repo_root(text, m) and name.group(0) == bare and not written_in))
        slug = f"{m.group(1)}/{m.group(2)}".casefold()
        if _WRITTEN_IN_AFTER_RE.match(label, name.end()) is not None and not official:
            continue  # `[Pytorch版的代码](…)`: code written in that framework, not the framework's repository
        if link is not None and not official and m.group(2).casefold() in text[link.text[0]:link.text[1]].casefold() \
                and not _repo_rx(repo, "names_rx", repo["names"]).fullmatch(m.group(2)):
            # `llama 仓库代码 [llama-cuda-graph-example-masked_attn](…/fw-ai/llama-cuda-graph-example/…)`: the link text names the
            # repository it links, by a name of its own (not the project's: `[GloVe GitHub仓库](…/joinstreet/glove)` claims it)
            continue
        if claim and not _repo_root(text, m) and m.group(1).casefold() in [c.casefold().split("/")[0] for c in repo["canonical"]]:
            continue  # `[PyTorch官方实现ResNet](…/pytorch/vision/blob/…/resnet.py)`: a file in another repository of the project's own owner
        if claim and slug not in [c.casefold() for c in repo["canonical"]]:
            yield make_finding(rule, doc, unit, m.start(), m.end(), project=repo["project"],
                               expected=" 或 ".join(repo["canonical"]), found=f"{m.group(1)}/{m.group(2)}")


# What a book's brackets hold when they are not its authors: a nickname (花书, 西瓜书), an edition,
# a publisher, a year, a translation.
NOT_AUTHORS_RE = regex.compile(r"书$|版|出版|社|第|卷|册|译|年|课程|教材|影印|原书|中文|英文|^\d+$|\bPress\b|\bEdition\b|\bed\."
                               # an English title in the brackets (`《深度学习》（Deep Learning）`): its words name no person
                               r"|\b(?:Learning|Introduction|Intelligence|Networks?|Recognition|Methods?|Analysis|Processing|Language|"
                               r"Programming|Principles|Elements|Theory|Statistics|Statistical|Machine|Models?|Algorithms?|Data|Vision|"
                               r"Computer|Neural|Deep|Reinforcement|Probabilistic|Pattern|Understanding|Guide|Handbook|Approach|"
                               r"Foundations|Mining|Optimization|Inference|Graphical|Modern|Complete|Pearls|Hands-On|Practice)\b", FLAGS)
PERSON_RE = regex.compile(r"^(?:[A-Z][A-Za-z'\-]*\.?\s*+)+$|^\p{Han}{2,4}$|^[\p{Han}·・.]{3,16}$")


def _book_parts(authors: str) -> list[str]:
    parts = regex.split(r"[,，、&;；]|\band\b|和|与", authors)
    return [regex.sub(r"\s*+(?:等|等人|著|编著|主编|编|et\s+al\.?)\s*+$", "", p).strip() for p in parts if p.strip()]


def looks_like_authors(text: str) -> bool:
    """Whether brackets after a book title list its authors (`Goodfellow, Bengio`, `李航`), not a
    nickname (`花书`), an edition (`第二版`) or a publisher."""
    parts = _book_parts(text)
    if not parts or any(NOT_AUTHORS_RE.search(p) for p in parts):
        return False
    return any(PERSON_RE.match(p) for p in parts)


def _book_authors(authors: str) -> set[str]:
    return {norm_title(p) for p in _book_parts(authors) if norm_title(p)}


def _same_author(cited: str, known: str) -> bool:
    """'goodfellow i' ~ 'goodfellow'; CJK names match as substrings ('李沐' in '李沐等')."""
    if regex.search(r"\p{Han}", known):
        return known in cited
    return known in cited.split()


def _book_matches_authors(book: dict[str, Any], cited: set[str]) -> int:
    known = {norm_title(a) for a in book["authors"]}
    return sum(1 for c in cited if any(_same_author(c, k) for k in known))


def _cite_book_author(rule: Rule, doc: LintDoc, kb: Knowledge, unit: Unit) -> Iterator[Finding]:
    for m in BOOK_RE.finditer(unit.text):
        if not looks_like_authors(m.group(2)):
            continue
        title, cited = m.group(1), _book_authors(m.group(2))
        book = next((b for b in kb.books if any(norm_title(title) == norm_title(t) for t in b["titles"])), None)
        if book and _book_matches_authors(book, cited) == 0:
            yield make_finding(rule, doc, unit, m.start(2), m.end(2), title=title,
                               expected=", ".join(book["authors"][:4]), found=m.group(2).strip())


def _cite_book_title(rule: Rule, doc: LintDoc, kb: Knowledge, unit: Unit) -> Iterator[Finding]:
    for m in BOOK_RE.finditer(unit.text):
        if not looks_like_authors(m.group(2)):
            continue
        title, cited = m.group(1), _book_authors(m.group(2))
        if any(any(norm_title(title) == norm_title(t) for t in b["titles"]) for b in kb.books):
            continue
        for book in kb.books:
            if len(cited) >= 2 and _book_matches_authors(book, cited) >= min(2, len(book["authors"])):
                yield make_finding(rule, doc, unit, m.start(1), m.end(1), found=title,
                                   expected="》或《".join(book["titles"]), authors=m.group(2).strip())
                break


def check_citation(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    checker = CITATION_CHECKS[rule.spec["check"]]
    for unit in _units(rule, doc, gate_of(rule, kb)):
        yield from checker(rule, doc, kb, unit)


CITATION_CHECKS: dict[str, Callable[..., Iterator[Finding]]] = {
    "arxiv-title": _cite_title,
    "year": _cite_year,
    "first-author": _cite_author,
    "repository": _cite_repo,
    "book-authors": _cite_book_author,
    "book-title": _cite_book_title,
}

# what a line must contain for each citation check to have anything to look at
CITATION_GATES: dict[str, regex.Pattern] = {
    "arxiv-title": ARXIV_RE,
    "year": YEAR_RE,
    "first-author": regex.compile(r"[A-Z][A-Za-z'\-]+,\s*+[A-Z]\."),
    "repository": regex.compile(r"github\.com/", FLAGS),
    "book-authors": BOOK_RE,
    "book-title": BOOK_RE,
}
