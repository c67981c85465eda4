"""metric-comparison-reversed: a conclusion drawn the wrong way from two systems' scores.

`模型 A 的困惑度为 35，模型 B 为 20，因此模型 A 更好` names a metric, gives it a value (or an order,
`A 的困惑度比 B 高`) for two or more systems, and prefers one of them; whether the preferred one is
really ahead depends on which way the metric points (perplexity, FID, error rates: lower is better;
AUC, BLEU, accuracy, F1: higher is better). The directions are data: the rule's `params` name glossary
terms under `higher` and `lower`. One pass over the units that hold a digit or 比 and a preference.
"""
from __future__ import annotations

import re
from typing import Iterator

from qatool.lint.document import LintDoc, Unit
from qatool.lint.kinds import Knowledge, asks, make_finding
from qatool.lint.model import Finding, Rule
from qatool.lint.pyrules import check

# a system named for comparison: 模型 A, 系统 B, 方法 2, 方案甲, or a bare capital A–D
_ENT = (r"(?:(?:模型|系统|方法|方案|算法|分类器|检测器|版本|实验组|实验|组)\s*+(?:[A-Za-z]|[甲乙丙丁]|[0-9一二三四]号?)"
        r"(?![A-Za-z0-9])|(?<![A-Za-z0-9_\-./])[A-D](?![A-Za-z0-9_\-/]))")
ENT_RE = re.compile(_ENT)
_NUM = r"(?P<num>\d+(?:\.\d+)?)\s*+(?P<pct>[%％])?"
# `模型 A 的 ROC-AUC 为 0.15`, `B 为 0.85`, `系统 B：28.7`
VALUE_RE = re.compile(rf"(?P<ent>{_ENT})(?P<mid>[^，。；,;！？!?]{{0,16}}?)(?:为|是|=|＝|:|：|达到了?|达|得到了?|只有|仅为?|约为?|高达|低至|提升到|降到|降至)\s*+{_NUM}")
# `A 的困惑度比 B 高`: an order without values
ORDER_RE = re.compile(rf"(?P<e1>{_ENT})[^，。；,;！？!?]{{0,14}}?比\s*+(?P<e2>{_ENT})[^，。；,;！？!?]{{0,6}}?(?P<dir>高|低|大|小|多|少)")
_BETTER = (r"(?:更好|更优|更佳|更强|更准确?|更出色|更理想|更胜一筹|胜出|占优|(?:表现|效果|性能|质量|能力|水平)(?:也)?更(?:好|高|强|优|出色)"
           r"|(?:排序|翻译|生成|分类|检测)(?:效果|能力|质量)更(?:好|高|强))")
_WORSE = r"(?:更差|更弱|较差|不如|落后|(?:表现|效果|性能|质量|能力)(?:也)?更(?:差|低|弱))"
# the preference: `因此模型 A 更好`, `所以应选择 B`, `说明系统 B 的译文质量更高`
PREFER_RE = re.compile(
    rf"(?:因此|所以|故而?|可见|可以看出|看出|说明|表明|显然|于是|结论是|这意味着|意味着)[^。；;！？!?]{{0,8}}?"
    rf"(?:(?:应该?|应当|会|要|可以)?(?:选择?|选用|采用|上线|部署|推荐)\s*+(?P<chosen>{_ENT})"
    rf"|(?P<ent>{_ENT})(?:的)?[^，。；,;！？!?]{{0,10}}?(?:(?P<better>{_BETTER})|(?P<worse>{_WORSE})))")
NEGATION_RE = re.compile(r"不|没|并非|未必|无法")
GATE_RE = re.compile(r"[0-9]|比")


def _id(ent: str) -> str:
    """The identity of a system name: its letter or numeral (`模型 A` and `A` are one system)."""
    return ent.rstrip("号").strip()[-1:].upper()


def _directions(rule: Rule) -> dict[str, str]:
    params = rule.spec.get("params") or {}
    return {**{k: "higher" for k in params.get("higher", ())}, **{k: "lower" for k in params.get("lower", ())}}


def _metric(kb: Knowledge, text: str, start: int, end: int, directions: dict[str, str]) -> tuple[str, str] | None:
    """The one metric with a direction named in text[start:end] (its label and direction), or None
    when none is, or when two that point different ways are."""
    found: dict[str, str] = {}
    for m in kb.claim_reader().glossary.mentions(text, start, end):
        for key in m.keys:
            if key in directions:
                found[key] = directions[key]
    if len(set(found.values())) != 1:
        return None
    key = sorted(found)[0]
    term = kb.claim_terms.get(key)
    return (term.label if term else key), found[key]


@check("metric-comparison-reversed")
def metric_comparison_reversed(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    directions = _directions(rule)
    if not directions:
        return
    for unit in doc.units:
        if unit.scope not in rule.scope or unit.scope == "code" or not GATE_RE.search(unit.text):
            continue
        if PREFER_RE.search(unit.text) is None:
            continue
        yield from _unit_findings(rule, doc, kb, unit, directions)


def _unit_findings(rule: Rule, doc: LintDoc, kb: Knowledge, unit: Unit, directions: dict[str, str]) -> Iterator[Finding]:
    text = unit.text
    sentences = unit.sentences()
    for k, (s, e) in enumerate(sentences):
        prefer = PREFER_RE.search(text, s, e)
        if prefer is None or asks(unit, prefer.start(), prefer.end()):
            continue
        metric = _metric(kb, text, s, e, directions)
        if metric is None and k > 0:  # `我们比较了两个模型的困惑度。A 为 35，B 为 20，因此 A 更好。`
            metric = _metric(kb, text, sentences[k - 1][0], sentences[k - 1][1], directions)
        if metric is None:
            continue
        scores = _scores(text, s, prefer.start())
        if scores is None:
            continue
        winner = _id(prefer.group("chosen") or prefer.group("ent"))
        if winner not in scores or len(scores) < 2:
            continue
        clause = max(text.rfind(c, s, prefer.start()) for c in "，,；;") + 1
        if NEGATION_RE.search(text, max(clause, s), prefer.end()):
            continue  # `但这并不说明 A 更好`, `因此不能说 A 更好`
        worse = prefer.group("worse") is not None
        label, better = metric
        mine = scores[winner]
        others = [v for key, v in scores.items() if key != winner]
        ahead = mine > max(others) if better == "higher" else mine < min(others)
        behind = mine < min(others) if better == "higher" else mine > max(others)
        if (behind and not worse) or (ahead and worse):
            yield make_finding(rule, doc, unit, prefer.start(), prefer.end(), metric=label,
                               better="越高越好" if better == "higher" else "越低越好")


def _scores(text: str, start: int, end: int) -> dict[str, float] | None:
    """Each system's score stated in text[start:end] (an order `A 比 B 高` as 1 and 0), or None when
    the scores mix percentages with plain numbers."""
    scores: dict[str, float] = {}
    kinds = set()
    for m in VALUE_RE.finditer(text, start, end):
        scores.setdefault(_id(m.group("ent")), float(m.group("num")))
        kinds.add(bool(m.group("pct")))
    if not scores:
        for m in ORDER_RE.finditer(text, start, end):
            up = m.group("dir") in "高大多"
            scores[_id(m.group("e1"))], scores[_id(m.group("e2"))] = (1.0, 0.0) if up else (0.0, 1.0)
            break
    if len(kinds) > 1:
        return None
    return scores

