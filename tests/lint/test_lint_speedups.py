"""The linter's shortcuts give exactly what the plain way gives: the literal prefilter of rule gates
(lint/literals.py) and the one-pass enumeration pairs of truncated-enumeration (FM005)."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qatool.lint.claims import _FOLDS_TO_ASCII, ClaimReader, Glossary, _PropertyFilter
from qatool.lint.engine import Linter
from qatool.lint.kinds import REGEX_TIMEOUT, gate_of
from qatool.lint.literals import LiteralIndex, required_factors, required_literals, weak_factors
from qatool.lint.pyrules import ENUM_ITEM, enumeration_pairs

ROOT = Path(__file__).resolve().parents[2]
LINTER = Linter.default()


# ------------------------------------------------------------------------------ required literals


@pytest.mark.parametrize("pattern, expected", [
    ("在评论区(?:留言|分享)", {"在评论区留言", "在评论区分享"}),
    ("(?:请)?在评论区", {"在评论区"}),
    ("(?:梯度裁剪|gradient\\s+clipping)[^。]{0,9}?梯度", {"梯度裁剪", "gradient"}),
    ("\\bBERT\\b", {"bert"}),
    ("L(?:1|2)正则", {"l1正则", "l2正则"}),
    ("[和与]更多数据", {"和更多数据", "与更多数据"}),
    ("(?:ab){2}cd", {"ababcd"}),
    ("x+更少的?数据", {"更少数据", "更少的数据"}),
    ("精确率(?=[:：])", {"精确率"}),
    ("(?:精确率|\\w+)是", {"是"}),
    ("[[:alpha:]]{3}召回", None),
    ("[:：]召回率", {":召回率", "：召回率"}),
    ("(?P<a>召回)(?P=a)?", {"召回"}),  # the group's own text is still required
    # ASCII folding leaves other letters to match themselves: a lower-case one is its own literal, and
    # any non-ASCII character weighs as much as a CJK one (`λ` alone filters)
    ("β_?1", {"β1", "β_1"}),
    ("λ", {"λ"}),
    ("ſt", {"ſt"}),
])
def test_required_literals(pattern, expected):
    assert required_literals(pattern) == (frozenset(expected) if expected is not None else None)


@pytest.mark.parametrize("pattern", [
    "[（(]\\d{4}[）)]",  # only single characters to filter by
    "\\d+%",
    "(?:精确率|\\w+)x",  # one branch has nothing required, and one ASCII letter is too weak
    "(?:召回率){e<=1}",  # fuzzy matching (regex module): the literal need not appear
    "[[:alpha:]]{3}召回",  # a POSIX class the standard parser would read as a set
    "\\p{Han}{2}召回",
    "(\\w+)\\1",  # a back reference requires nothing known in advance
    "Βt",  # an upper-case non-ASCII letter (`Β` is `β` in fully lower-cased text, `Β` in ASCII-folded) leaves only a weak "t"
])
def test_no_literals_where_none_are_sure(pattern):
    assert required_literals(pattern) is None


def test_unicode_case_folding_is_not_prefiltered():
    # without ASCII, IGNORECASE folds ſ to s and K (Kelvin) to k: lower() cannot mirror that
    assert required_literals("start", regex.IGNORECASE) is None
    assert required_literals("start", regex.IGNORECASE | regex.ASCII) == {"start"}
    assert required_literals("(?i)start", 0) is None and required_literals("x(?i:start)", 0) is None
    assert required_literals("(?i)start", regex.ASCII) == {"start"}
    assert regex.search("(?i)start", "ſtart")  # what the prefilter would otherwise have missed


def _gates():
    seen = {}
    for rule in LINTER.rules:
        g = gate_of(rule, LINTER.kb)
        if g is not None and required_literals(g.pattern, g.flags) is not None:
            seen[(g.pattern, g.flags)] = (rule.code, g)
    return sorted(seen.values(), key=lambda t: t[0])


GATES = _gates()


def test_most_gates_are_prefiltered():
    assert len(GATES) >= 50
    assert LINTER.literals.covers(gate_of(LINTER.by_code["FC141"], LINTER.kb))


@pytest.mark.parametrize("code, gate", GATES, ids=[c for c, _ in GATES])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_holds_a_literal(code, gate, data):
    """Soundness on the shipped rules: text generated to match the gate (in any case) contains one
    of its literals, so no unit with a match is filtered out."""
    try:
        std = re.compile(gate.pattern, re.IGNORECASE | re.ASCII)
    except re.error:
        pytest.skip("pattern not in the standard library's syntax")
    text = data.draw(st.from_regex(std, fullmatch=True).filter(lambda s: gate.fullmatch(s) is not None))
    lits = required_literals(gate.pattern, gate.flags)
    assert any(lit in text.lower() for lit in lits), (text, sorted(lits)[:10])


@pytest.mark.parametrize("pattern, expected", [
    ("(?:参数|模型)[^。]{0,6}(?:随机初始化|从头)", [[{"从头", "随机初始化"}, {"参数", "模型"}]]),
    ("稀疏|sparse", [[{"稀疏"}], [{"sparse"}]]),  # `稀` and `疏` alone add nothing beside `稀疏`
    ("from\\s+scratch|(?:重新|随机)初始化", [[{"from"}, {"scratch"}], [{"重新初始化", "随机初始化"}]]),
    ("(?:学习率)?[^，]{0,4}越大越好", [[{"越大越好"}]]),
    ("\\w+|稀疏", None),  # one alternative needs nothing: no filter
])
def test_required_factors(pattern, expected):
    got = required_factors(pattern, regex.I | regex.ASCII | regex.V0)
    assert (None if got is None else [[set(f) for f in alt] for alt in got]) == expected


# (a phrasing that needs text after its match, a positive lookahead `(?=…就够了)`, cannot be drawn as a whole
# match: hypothesis would find no example of it)
CLAIM_PHRASINGS = sorted({(p.pattern, p.flags) for r in LINTER.rules if r.kind == "claim"
                          for p in r.spec["claim"].predicates if "(?=" not in p.pattern})[::6]


@pytest.mark.parametrize("pattern, flags", CLAIM_PHRASINGS, ids=[str(i) for i in range(len(CLAIM_PHRASINGS))])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_claim_phrasing_passes_its_filter(pattern, flags, data):
    """Soundness of the claim reader's filter on the shipped phrasings: text generated to match one (in
    any case, with words around it) passes `_Present.within`, so no clause that holds it is skipped."""
    alts = required_factors(pattern, regex.I | regex.ASCII | regex.V0)
    if alts is None:
        pytest.skip("no filter for this phrasing")
    _assert_a_match_passes(pattern, flags, alts, data)


def _assert_a_match_passes(pattern: str, flags: int, alts: list, data) -> None:
    """Draw a match of `pattern` with words around it and check that the filter of `alts` lets its stretch through."""
    try:
        std = re.compile(pattern, re.IGNORECASE | re.ASCII)
    except re.error:
        pytest.skip("pattern not in the standard library's syntax")
    rx = regex.compile(pattern, flags)
    body = data.draw(st.from_regex(std, fullmatch=True).filter(lambda s: rx.fullmatch(s) is not None))
    before, after = data.draw(st.text("模型参数的 ab", max_size=6)), data.draw(st.text("模型参数的 ab", max_size=6))
    text = (before + body + after).lower()
    flt = _PropertyFilter(alts)
    assert flt.present(text, 0, len(text)).within(len(before), len(before) + len(body)), (body, alts)


def test_property_filter_finds_overlapping_strings_and_needs_every_set():
    flt = _PropertyFilter([[frozenset({"模型"}), frozenset({"随机初始化"})], [frozenset({"型参"})]])
    text = "xx模型参数都是随机初始化的"
    present = flt.present(text, 0, len(text))
    assert present.within(0, len(text))  # 模型 … 随机初始化
    assert present.within(3, 5)  # 型参 overlaps 模型 and is found too
    assert not present.within(0, 3)  # 模型 alone: the first alternative also needs 随机初始化
    assert not flt.present("随机初始化", 0, 5).within(0, 5)


# ---------------------------------------------------------------------- prefilter == regex pass


def _without_prefilter() -> Linter:
    plain = Linter.default()
    plain.literals = LiteralIndex()  # no gate is covered: every gate makes its own regex pass
    plain.kb = copy.copy(plain.kb)  # and the claim rules read every sentence that holds a phrasing
    plain.kb._reader = ClaimReader(Glossary(plain.kb.claim_terms), timeout=REGEX_TIMEOUT, shortcuts=False)
    return plain


PLAIN = _without_prefilter()


def test_weak_factors_take_single_characters_where_no_stronger_string_is_needed():
    flags = regex.I | regex.ASCII | regex.V0
    assert required_factors(r"O\s*\(\s*1\s*\)", flags) is None  # every string it needs is one ASCII character
    got = weak_factors(r"O\s*\(\s*1\s*\)", flags)
    assert got is not None and [sorted(map(sorted, alt)) for alt in got] == [[["("], [")"], ["1"], ["o"]]]
    assert weak_factors(r"\w+\s*=\s*\d", flags) is not None  # `=` at least
    assert weak_factors(r"\w+|=", flags) is None  # one alternative needs nothing


# the shipped phrasings filtered only by their single characters (a formula's brackets, signs and digits)
WEAK_PHRASINGS = sorted({(p.pattern, p.flags) for r in LINTER.rules if r.kind == "claim"
                         for p in r.spec["claim"].predicates if "(?=" not in p.pattern
                         and required_factors(p.pattern, regex.I | regex.ASCII | regex.V0) is None
                         and weak_factors(p.pattern, regex.I | regex.ASCII | regex.V0) is not None})


@pytest.mark.parametrize("pattern, flags", WEAK_PHRASINGS, ids=[str(i) for i in range(len(WEAK_PHRASINGS))])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_weakly_filtered_phrasing_passes_its_filter(pattern, flags, data):
    """The same soundness for the phrasings whose filter is their single characters (literals.weak_factors)."""
    alts = weak_factors(pattern, regex.I | regex.ASCII | regex.V0)
    assert alts is not None
    _assert_a_match_passes(pattern, flags, alts, data)


def test_prefilter_gives_the_findings_of_the_regex_pass_on_corpus_and_fixtures():
    for path in (ROOT / "corpus", ROOT / "tests" / "fixtures"):
        fast = LINTER.lint_paths([path]).findings
        assert fast and fast == PLAIN.lint_paths([path]).findings


PROSE = st.lists(st.sampled_from([
    "精确率", "召回率", "是", "指", "、", "，", "。", "Precision", "RECALL", "F1", "预测为正", "实际为正",
    "梯度裁剪", "可以", "避免", "梯度消失", "推理时", "也", "随机丢弃", "L1", "正则化", "权重衰减", "BERT",
    "GPT", "双向", "减少训练数据", "防止过拟合", "(2017)", "arXiv:1706.03762", " ", "**", "`code`",
    "欢迎在评论区留言", "github.com/google/bert", "《深度学习》（李航）", "等", "\n", "- ", "### 1. ",
    "**答案：**", "**解析：**",
]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=PROSE)
def test_prefilter_agrees_with_the_regex_pass_on_generated_documents(text):
    assert LINTER.lint_text(text, "g.md") == PLAIN.lint_text(text, "g.md")


def test_lower_casing_that_changes_length_falls_back_to_ascii_folding():
    # "İ".lower() is two characters: unit offsets must still be right
    text = "### 1. 什么是X？\n\n**答案：** İİİ 欢迎在评论区留言。 ＢＥＲＴ是双向的。\n"
    assert LINTER.lint_text(text, "t.md") == PLAIN.lint_text(text, "t.md")
    assert "FM007" in {f.code for f in LINTER.lint_text(text, "t.md")}


# ------------------------------------------------------------------------------ enumeration pairs

ENUM_PAIR_RE = re.compile(rf"({ENUM_ITEM}+)、({ENUM_ITEM}+?)(?=[、，,。；;）)]|等|$)")


def _pairs_by_regex(text: str) -> list[tuple[int, int, int]]:
    """The regex FM005 used: a search restarted at each B, quadratic on long runs."""
    out, pos = [], 0
    while (m := ENUM_PAIR_RE.search(text, pos)) is not None:
        out.append((m.start(1), m.start(2), m.end(2)))
        pos = m.start(2)
    return out


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(list("模型网络、，,。；;）)（(等 \nab：\"'【】") + ["神经网络", "网络", "卷积"]),
                     max_size=40).map("".join))
def test_enumeration_pairs_equal_the_regex_search(text):
    assert list(enumeration_pairs(text)) == _pairs_by_regex(text)


def test_enumeration_pairs_examples():
    text = "常见方法有卷积神经网络、神经网络、循环网络等。"
    assert [(text[a:b - 1], text[b:e]) for a, b, e in enumeration_pairs(text)] == [
        ("常见方法有卷积神经网络", "神经网络"), ("神经网络", "循环网络")]


# ------------------------------------------------------------------------------ garbage collector


def test_lint_paths_hands_frozen_objects_back(tmp_path, monkeypatch):
    import gc

    for i in range(3):
        (tmp_path / f"a{i}.md").write_text("### 1. 什么是X？\n\n**答案：** X。<|endoftext|>\n", encoding="utf-8")
    assert gc.get_freeze_count() == 0
    res = LINTER.lint_paths([tmp_path])
    assert [f.code for f in res.findings] == ["FM001"] * 3
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own frozen objects stay frozen: lint_paths neither freezes nor unfreezes
    try:
        frozen = gc.get_freeze_count()
        calls: list[str] = []
        monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
        monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
        LINTER.lint_paths([tmp_path])
        monkeypatch.undo()
        assert calls == []
        # frozen objects that die meanwhile leave the count (CI saw 457,810 -> 457,808), none join it
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_a_document_linted_by_two_linters_uses_each_ones_literal_index():
    from qatool.lint.document import load_doc

    text = "### 1. 什么是X？\n\n**答案：** 欢迎在评论区留言。BERT是一种双向模型，推理时也会随机丢弃神经元。\n"
    only_dropout = Linter.default(select=["FC136"])
    doc = load_doc(text, "t.md")
    assert [f.code for f in only_dropout.lint_doc(doc)] == ["FC136"]  # its index: one gate
    found = LINTER.lint_doc(doc)  # the full index must not read the one-gate scan
    assert found == LINTER.lint_text(text, "t.md")
    assert {"FM007", "FC136"} <= {f.code for f in found}


# ------------------------------------------------------------------------------ claim rules


def test_claim_shortcuts_give_the_findings_of_the_plain_reading():
    # a third of the dev phrasings (wrong ones and traps) as the answers of one document: the claim
    # reader's literal filter, skipped sentences and joined phrasings, and the per-document claim
    # index, change no finding
    rows = [json.loads(line) for f in sorted((ROOT / "tests" / "lint" / "phrasings").glob("dev_*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    doc = "".join(f"### {i}. 问题{i}\n\n**答案：** {r['text']}\n\n" for i, r in enumerate(rows[::3]))
    fast = LINTER.lint_text(doc, "p.md")
    assert len([f for f in fast if f.code.startswith("FC")]) > 100
    assert fast == PLAIN.lint_text(doc, "p.md")


def test_fold_guard_names_every_character_that_matches_an_ascii_letter_elsewhere():
    # the literal filter searches lower-cased text; a character that a case-insensitive phrasing matches
    # as an ASCII letter but that does not lower-case to it must turn the filter off for its text
    others = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    hits = set(regex.findall(r"[a-z]", others, regex.I | regex.V0))
    assert "ſ" in hits
    for ch in hits:
        assert _FOLDS_TO_ASCII.search(ch) or (len(ch.lower()) == 1 and ch.lower().isascii()), hex(ord(ch))


def test_claim_rule_finds_a_slip_behind_a_folding_character():
    text = "### 1. 什么是 L2 正则？\n\n**答案：** ſ 说 L2 正则化会让权重变得稀疏。\n"
    fast = [f.code for f in LINTER.lint_text(text, "f.md") if f.code.startswith("FC")]
    assert fast and fast == [f.code for f in PLAIN.lint_text(text, "f.md") if f.code.startswith("FC")]


def test_numeric_claims_skip_only_sentences_without_a_number():
    # a numeric fact is read only in sentences with a number in a statement clause; the sentences skipped
    # still carry their subject to the next one (`它`)
    text = ("### 1. 介绍一下 GPT-3\n\n**答案：** GPT-3 是 OpenAI 的模型。它有 1750 亿参数吗？不，它有 17 亿参数。"
            "它用了大量语料，参数量约 17B。\n\n### 2. BERT-base\n\n**答案：** BERT-base 的层数是十二层，参数量大约是 340M。\n")
    fast = [(f.code, f.line, f.col) for f in LINTER.lint_text(text, "n.md") if f.code.startswith("FC")]
    assert fast and fast == [(f.code, f.line, f.col) for f in PLAIN.lint_text(text, "n.md") if f.code.startswith("FC")]


# ------------------------------------------------------------------- session 17: fewer rule calls

def test_a_claim_rule_needs_its_subject_named_somewhere_in_the_document(monkeypatch):
    # the property's literals alone (`越大越好` of AUC, BLEU, loss, …) no longer run every claim rule that has them:
    # a document that never names the rule's subject is skipped without a call, and gives the same findings
    import qatool.lint.kinds as kinds
    calls: list[str] = []
    real = kinds.check_claim

    def counted(rule, doc, kb):
        calls.append(rule.code)
        return real(rule, doc, kb)

    monkeypatch.setattr(kinds, "check_claim", counted)
    text = "### 1. 指标怎么看？\n\n**答案：** 这个分数越小越好，越接近 0 说明效果越好。\n"
    plain = PLAIN.lint_text(text, "s.md")  # (the plain linter calls every rule)
    calls.clear()
    assert LINTER.lint_text(text, "s.md") == plain
    bleu = next(r for r in LINTER.rules if r.kind == "claim" and "bleu" in r.spec["claim"].subjects)
    assert bleu.code not in calls
    calls.clear()
    slip = "### 1. 指标怎么看？\n\n**答案：** BLEU 分数越小越好，越接近 0 说明翻译越接近参考。\n"
    assert bleu.code in {f.code for f in LINTER.lint_text(slip, "s.md")} and bleu.code in calls


def test_the_literal_pass_gives_per_gate_units_as_a_plain_search_does():
    # per unit, a bit mask of the gates whose literals it holds; a gate's units are listed on demand
    gates = [regex.compile("梯度裁剪|gradient", regex.I | regex.A), regex.compile("召回率"), regex.compile("BERT", regex.I | regex.A)]
    index = LiteralIndex.build(gates)
    units = ["先做梯度裁剪。", "召回率和 Gradient", "无关的一句", "bert 与召回率"]
    starts, text = [], ""
    for u in units:
        starts.append(len(text))
        text += u
    scanned = index.scan(text, starts)
    assert scanned.masks[2] == 0
    for gate in gates:
        assert index.covers(gate)
        want = [i for i, u in enumerate(units) if gate.search(u)]
        assert index.hits(scanned, gate) == want and want
        assert index.held(scanned, gate)


@settings(max_examples=400, deadline=None)
@given(line=st.lists(st.sampled_from(["#", "## ", "- ", "> ", "**", "[", " ", "\t", "🚀 ", "<summary>", "1", "12", "３", "Q", "q ",
                                      "一", "十二", "、", ".", "．", "-", "x", "问题", "：", "`"]), max_size=12).map("".join))
def test_one_look_passes_over_lines_no_loose_number_pattern_can_match(line):
    # numbering rules read the numbers written at lines' starts with three patterns; a line the combined look
    # refuses is one none of the three matches
    from qatool.lint.pyrules import _LOOSE_ANY_RE, _LOOSE_HAN_NUMBER_RE, _LOOSE_NUMBER_RE, _LOOSE_Q_NUMBER_RE
    if not _LOOSE_ANY_RE.match(line):
        assert not (_LOOSE_HAN_NUMBER_RE.match(line) or _LOOSE_Q_NUMBER_RE.match(line) or _LOOSE_NUMBER_RE.match(line))
