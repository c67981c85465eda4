"""metric-example-mislabelled: a worked example whose two counts give one metric, under the name of another.

`100 位确诊阳性用户中模型识别出 90 位，所以 TNR 为 90%`: 90/100 is the share of the actual positives that were found,
the recall (TPR); the true negative rate needs the negatives. Machine-written answers often get a definition wrong in
just this way, with numbers that look like proof. The check is arithmetic plus the roles of the two counts, not a
list of sentences: in one sentence, a metric named with a percentage or a fraction, and two counts before it (each
a number with a counting word, `500 条`, `90 位`) whose ratio is that value. What the larger count is (the actual
positives `真实/确诊…`, the actual negatives `正常/负样本…`, what the model flagged `模型推了/告警…`, or all samples
`测试集/全部…`) and what the smaller one is (`识别出/拦下…`, `成交/属实…`, `误拦/误报…`, `判对…`) fix which metric the
ratio is; a name of another metric is the finding. A sentence whose counts play no clear role, whose ratio matches
no stated value, or that asks, denies or calls itself wrong is left alone. `准确率`, which Chinese texts also use for
precision, is not read as a name of accuracy against a precision; `精度`, used for either, is no metric's name here.
"""
from __future__ import annotations

import re
from typing import Iterator

from qatool.lint.document import LintDoc
from qatool.lint.kinds import CALLS_WRONG_RE, Knowledge, make_finding, sentence_checks
from qatool.lint.model import Finding, Rule
from qatool.lint.pyrules import check
from qatool.lint.text import han_number

# a number in Chinese numerals with a ten, hundred, thousand or ten thousand in it (`八十`, `一百`, `两千五百`, `一万`)
_CN_DIGIT = r"[零〇一二两三四五六七八九]"
_CN_NUMBER = r"(?=[零〇一二两三四五六七八九十百千万]{0,8}[十百千万])[零〇一二两三四五六七八九十百千万]{1,8}"


def _count(m: re.Match) -> int | None:
    """The number a count names, in Arabic or Chinese numerals."""
    if m.group(1) is None:
        return han_number(m.group(3))
    return int(m.group(1).replace(",", "")) * (10000 if m.group(2) else 1)  # (`1 万条`: ten thousands)


# each metric's names, and how the finding names it
_METRICS = {
    "recall": (r"召回率|查全率|recall|Recall|TPR|真正例率|真阳性率|灵敏度|敏感度|sensitivity|Sensitivity|检出率", "召回率（TPR）"),
    "precision": (r"精确率|精准率|查准率|precision|Precision|PPV", "精确率（PPV）"),
    "specificity": (r"特异度|特异性|specificity|Specificity|TNR|真负例率|真阴性率", "特异度（TNR）"),
    "fpr": (r"假正例率|假阳性率|FPR|误报率|误检率", "假正例率（FPR）"),
    "fnr": (r"假负例率|假阴性率|FNR|漏报率|漏检率", "漏报率（FNR）"),
    "accuracy": (r"准确率|正确率|accuracy|Accuracy", "准确率（accuracy）"),
}
_NAME_RE = re.compile(
    r"(?<![A-Za-z])(?P<name>" + "|".join(f"(?P<{k}>{v[0]})" for k, v in _METRICS.items()) + r")(?![A-Za-z])"
    r"(?:\s*+[（(][^）)]{0,20}[）)])?\s*+(?:\*\*)?\s*+(?:的值|值)?\s*+(?:(?:[:：=＝]|为|是|即|就是|等于|算出来是|算下来是|达到|只有|仅为)\s*+|(?=\d+(?:\.\d+)?\s*+[%％]))"
    # (or the value right after the name, as a percentage: `所以特异度 92%`)
    # (the ratio written out before its value: `40/50=80%`, `15 除以 20 等于 0.75`)
    r"(?:\d+(?:\.\d+)?\s*+(?:/|÷|除以)\s*+\d+(?:\.\d+)?\s*+(?:[=＝≈]|约为|约等于|等于)\s*+)?"
    r"(?:约|大约|大概|接近)?\s*+(?:(?P<value>\d+(?:\.\d+)?)\s*+(?P<pct>%|％)?|百分之(?P<cnpct>[零〇一二两三四五六七八九十百]{1,5}))")
# a count: a number with a counting word (`500 条`, `90 位`, `1,000 笔`), or a round number in Chinese numerals that
# holds a ten, hundred, thousand or ten thousand (`一百次`, `八十次`, `一万个`; not `一个`, `两个`: no count of a set)
_COUNT_RE = re.compile(r"(?:(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\s*+万)?|(?<![\u4e00-\u9fff]" + _CN_DIGIT + r")(?<![第几数多])(" + _CN_NUMBER + r"))\s*+"
                       r"(?:个|条|位|笔|张|次|例|份|人|封|篇|件|单|名|台|户|项|段|句|帧|块|只|套)")
# what the larger count is (read around it) and what the smaller one is (read from the larger count on)
# (a positive report, `报阳 50 人`, `判阳性`, is what was flagged, not the actual positives)
_ACT_POS_RE = re.compile(r"真实(?!为负)|确诊|实际为正|实际(?:是|有)?(?=[^，,。；;\d]{0,6}(?:阳性|患者|病例|欺诈|垃圾|违规|正样本|正例))|(?<![报判])阳性|患病|患者|病人|病例|正样本|正例")
_ACT_NEG_RE = re.compile(r"正常|合法|负样本|负例|阴性|健康|真实为负|实际为负|良性|非欺诈|非垃圾|无病")
_PRED_POS_RE = re.compile(r"报阳|判阳|推了|推荐了|判为|判定为|预测为|预测出|预测了|标记为|标为|标出|标了|报出|报了|告警|报警|预警|拦截了|拦了|召回了|检出了|识别为|判成|预测成")
_ALL_RE = re.compile(r"(?i:test\s?set|validation\s?set)|测试集|验证集|全部样本|所有样本|样本总数|总样本|全部数据|所有数据")
_FOUND_RE = re.compile(r"报阳|判阳|识别出|识别了|拦下|拦住|拦截下?|检出|找出|找到|抓到|抓出|抓住|召回|命中|判为阳性|预测为正|查出")
_MISSED_RE = re.compile(r"漏掉|漏检|漏报|漏判|没识别|未识别|没拦|未拦|没找到|没检出")
# (or found to be so, `核实为真阳性`, `复核确认为欺诈`, `其中 180 个确诊`, not found normal; a true positive named, `真阳性`)
_TRUE_RE = re.compile(r"成交|属实|确诊(?!为?(?:阴性|正常|健康|良性|无病))|(?:确认|核实|证实|核验)(?:为|是)(?!正常|误|假|负|阴性|合法|良性)|确为|真的是|真正是|确实是|是真的|确实|转化|下单|命中|真阳性|真正例")
_FALSE_ALARM_RE = re.compile(r"错误(?:地)?(?:拦截|拦下|拦|判|报|标记|识别|预测)|错拦|错报|误拦|误报|误判|误诊|误检|误杀|误伤|错判|被拦|被判为|被标为|被预测为|被诊断为")
_PASSED_RE = re.compile(r"正确放行|放行|判为正常|没被拦|未被拦|没被误|未被误|通过")
# the words that give a count its role: the actual positives, the actual negatives, what was flagged, the whole set
_ROLE_RES = {"pos": _ACT_POS_RE, "neg": _ACT_NEG_RE, "pred": _PRED_POS_RE, "all": _ALL_RE}
_CORRECT_RE = re.compile(r"判对|预测正确|分类正确|预测对|分对|答对|(?<!不)是对的|判断正确|识别正确|(?<!不)正确(?:地)?(?:判断|识别|预测|分类|判)")


def _base(text: str, a: int, b: int, at: int) -> str | None:
    """What the count at `at` in text[a:b] (with the words around it) is: one role, or None when none or several."""
    roles = {role for role, rx in _ROLE_RES.items() if rx.search(text, a, b)}
    if "neg" in roles:
        roles.discard("pos")  # (a count named both ways, `真实的正常交易`: the word for the negatives is the narrower)
    if roles == {"pos", "pred"} and _PRED_POS_RE.search(text, a, at) and not _ACT_POS_RE.search(text, a, at):
        roles.discard("pos")  # (`报了 50 个阳性`: what was flagged as positive, counted)
    own = _COUNT_RE.match(text, at)
    if "pred" in roles and len(roles) == 2 and own is not None and not _PRED_POS_RE.search(text, a, own.end()):
        roles.discard("pred")  # (`一万个正常用户里被错误拦截了 300 个`: the flagging told after the count is its part's)
    if "all" in roles and len(roles) == 2 and own is not None and not _ALL_RE.search(text, at, b) \
            and (other := next(r for r in roles if r != "all")) != "pred" \
            and _ROLE_RES[other].search(text, own.end(), b):
        roles.discard("all")  # (`测试集里 200 个真实欺诈单`: the set the count is drawn from, its own noun the narrower)
    return roles.pop() if len(roles) == 1 else None


def _metric(base: str, part: str) -> str | None:
    """The metric the ratio of a part to its base is, from the part's words."""
    # (the part judged right, `判对了 95 个`, is the found share of the positives, the true share of what was flagged,
    # the passed share of the negatives)
    if base == "pos":
        if _MISSED_RE.search(part):
            return "fnr"
        return "recall" if _FOUND_RE.search(part) or _CORRECT_RE.search(part) else None
    if base == "pred":
        return "precision" if (_TRUE_RE.search(part) or _CORRECT_RE.search(part)) and not _FALSE_ALARM_RE.search(part) else None
    if base == "neg":
        if _FALSE_ALARM_RE.search(part):
            return "fpr"
        return "specificity" if _PASSED_RE.search(part) or _CORRECT_RE.search(part) else None
    return "accuracy" if _CORRECT_RE.search(part) else None


def _matches(value: float, written: str, percent: bool, ratio: float) -> bool:
    scale = 100 if percent or value > 1 else 1
    decimals = len(written.split(".")[1]) if "." in written else 0
    return abs(value / scale - ratio) <= max(0.005, 0.5 * 10 ** -decimals / scale) + 1e-9


# a sentence before that asks or supposes (one that calls its numbers wrong: kinds.CALLS_WRONG_RE) tells no counts
_ASKS_OR_SUPPOSES_RE = re.compile(r"[？?]|如果|假如|假设|若")


def _counted_before(text: str, start: int) -> int | None:
    """Where the sentence right before text[start:] starts, when it is a statement on the same line that ends in a full
    stop (the counts of a worked example told before the sentence that names their ratio); else None."""
    end = start
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end == 0 or text[end - 1] not in "。！!":
        return None
    prev = max(text.rfind(ch, 0, end - 1) for ch in "。！!？?\n") + 1
    if _ASKS_OR_SUPPOSES_RE.search(text, prev, end) or CALLS_WRONG_RE.search(text, prev, end):
        return None
    return prev


def mislabelled_ratio(text: str, start: int, end: int) -> tuple[int, int, str, str, int, int] | None:
    """(start, end, the metric named, the metric the counts give, the part, the base) when text[start:end] names a
    metric whose stated value is the ratio of two counts before it that give another metric."""
    for m in _NAME_RE.finditer(text, start, end):
        named = next(k for k in _METRICS if m.group(k) is not None)
        counts = [c for c in _COUNT_RE.finditer(text, start, m.start())]
        told = start  # (where the sentence that tells the counts starts)
        if len(counts) < 2 and (before := _counted_before(text, start)) is not None:
            # (the counts told in the sentence before, the metric named in this one: `…面对 100 个真实缺陷件，命中其中
            # 80 个。按定义其 precision 为 80/100 = 0.8`)
            counts = [c for c in _COUNT_RE.finditer(text, before, start)]
            told = before
        hits = []
        for i, big in enumerate(counts):
            for small in counts[i + 1:]:
                n, k = _count(big), _count(small)
                if n is not None and k is not None and 0 < k < n and (
                        _matches(float(m.group("value")), m.group("value"), bool(m.group("pct")), k / n) if m.group("value") is not None
                        else (pct := han_number(m.group("cnpct"))) is not None and abs(pct / 100 - k / n) <= 0.005 + 1e-9):
                    hits.append((big, small, n, k))
        if len(hits) != 1:
            continue  # (no pair gives the value, or several do)
        big, small, n, k = hits[0]
        lo = max([told] + [c.end() for c in counts if c.end() <= big.start()])
        base = _base(text, max(lo, big.start() - 16), min(small.start(), big.end() + 12), big.start())
        if base is None:
            continue
        derived = _metric(base, text[big.end():min(m.start(), small.end() + 8)])
        if derived is None or derived == named or (named == "accuracy" and derived == "precision" and m.group("name") in ("准确率", "正确率")):
            continue  # (`准确率` is precision in many Chinese texts; `accuracy` is not)
        return max(big.start(), start), m.end(), named, derived, k, n
    return None


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text) or _CN_COUNT_HINT_RE.search(text) is not None


_CN_COUNT_HINT_RE = re.compile(r"[十百千万]")


@check("metric-example-mislabelled")
def metric_example_mislabelled(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit, (s, e, named, derived, part, base) in sentence_checks(rule, doc, _has_digit, mislabelled_ratio):
        yield make_finding(rule, doc, unit, s, e, part=str(part), base=str(base), got=_METRICS[derived][1],
                           named=_METRICS[named][1])


# --- iou-example-miscomputed ---------------------------------------------------------------------------------------
# the two areas (`两个框各 100 像素`, `面积分别为 100 和 80`, `A 框面积 100，B 框面积 80`), their overlap (`交集 50`, `重叠
# 部分面积为 30`) and the IoU stated (`IoU 就是 50 除以 200，等于 0.25`, `IoU = 0.25`)
_NUMBER = r"(\d+(?:\.\d+)?)"
_AREAS_EACH_RE = re.compile(r"(?:两个?框|两个?(?:边界|检测|候选|预测)?框|二者|两者|(?:预测|检测)框(?:和|与|跟)(?:真实|标注|GT|gt)框)[^，,。；;\d]{0,8}?(?:面积)?\s*+(?:都是|均为|各是|各为|各|都为|都)\s*+(?:为|是)?\s*+" + _NUMBER)
_AREAS_PAIR_RE = re.compile(r"面积\s*+(?:分别)?\s*+(?:为|是|=)?\s*+" + _NUMBER + r"\s*+(?:像素|px)?\s*+(?:和|与|、|,|，)\s*+" + _NUMBER)
_AREA_ONE_RE = re.compile(r"(?:框\s*+[AB]|[AB]\s*+框|预测框|真实框|标注框|GT\s*+框?|gt\s*+框?)[^，,。；;\d]{0,6}?(?:面积)?\s*+(?:为|是|=|：|:)?\s*+" + _NUMBER)
_OVERLAP_RE = re.compile(r"(?:交集|重叠|相交|交叠|重合)(?:部分|区域)?(?:的)?(?:面积)?\s*+(?:为|是|=|有|：|:)?\s*+" + _NUMBER)
_IOU_RE = re.compile(r"(?<![A-Za-z])(?:IoU|IOU|iou|交并比)(?![A-Za-z])[^。；;，,]{0,30}?(?:=|＝|为|是|等于|得|得到)\s*+"
                     r"(?:(?P<num>\d+)\s*+(?:/|÷|除以)\s*+(?P<den>\d+)(?![\d.])|(?P<value>0?\.\d+|1(?:\.0+)?)(?![\d.])(?!\s*+[/÷]))")


def miscomputed_iou(text: str, start: int, end: int) -> tuple[int, int, float, float] | None:
    """(start, end, the IoU the numbers give, the IoU stated) when text[start:end] gives two boxes' areas, their overlap
    and an IoU far off overlap / (area A + area B − overlap)."""
    if _OVERLAP_RE.search(text, start, end) is None:
        return None
    each = _AREAS_EACH_RE.search(text, start, end)
    pair = _AREAS_PAIR_RE.search(text, start, end)
    ones = list(_AREA_ONE_RE.finditer(text, start, end))
    if each is not None:
        areas = (float(each.group(1)),) * 2
    elif pair is not None:
        areas = (float(pair.group(1)), float(pair.group(2)))
    elif len(ones) == 2:
        areas = (float(ones[0].group(1)), float(ones[1].group(1)))
    else:
        return None
    overlaps = {float(m.group(1)) for m in _OVERLAP_RE.finditer(text, start, end)}
    stated = list(_IOU_RE.finditer(text, start, end))
    if len(overlaps) != 1 or len(stated) != 1:
        return None
    inter = overlaps.pop()
    union = areas[0] + areas[1] - inter
    if not (0 < inter <= min(areas)) or union <= 0:
        return None
    got = stated[0]
    if got.group("value") is None:  # `IoU 为 1/3`: a fraction, exact
        if int(got.group("den")) == 0:
            return None
        value, decimals = int(got.group("num")) / int(got.group("den")), 9
    else:
        value = float(got.group("value"))
        decimals = len(got.group("value").split(".")[1]) if "." in got.group("value") else 0
    actual = inter / union
    if abs(value - actual) <= max(0.01, 0.5 * 10 ** -decimals) + 1e-9:
        return None
    return got.start(), got.end(), actual, value


def _names_iou(text: str) -> bool:
    return "IoU" in text or "IOU" in text or "iou" in text or "交并比" in text


@check("iou-example-miscomputed")
def iou_example_miscomputed(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit, (s, e, actual, value) in sentence_checks(rule, doc, _names_iou, miscomputed_iou):
        yield make_finding(rule, doc, unit, s, e, iou=f"{actual:.3g}", stated=f"{value:g}")
