"""How a statement says one quantity moves with another: the reading behind the `direction` rule kind.

A direction rule names a knob (`top-p 的 p`, `分类阈值`, `LoRA 的秩`) and one or more effects (`候选集合`, `召回率`,
`可训练参数`), each with the way it truly moves when the knob goes up (`same` or `opposite`). A sentence that moves the
knob one way (`把 p 调大`, `从 0.95 降到 0.5`, `rank 从 8 提到 64`, `p 越大`) and says the effect then moves a way
that does not fit (`候选集就变小了`, `立马下去一大截`, `越窄`) states the slip, however it is worded around them:
the words for up and down are the same for every knob, so a rule is written once per relation, not once per phrasing.
A goal served by the move reads the same way (`想要 recall 高？把阈值往上拉就行`).

Only moves a sentence states are read: a negated move or change (`并不会变小`), a question, or a reported belief
states none (the rule kind skips those sentences), and a value set without a direction (`调到 2.0`) moves nothing.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator, NamedTuple

import qatool.lint.kinds as kinds
from qatool.lint.document import LintDoc, Unit
from qatool.lint.kinds import Knowledge
from qatool.lint.model import Finding, Rule
from qatool.lint.text import CLAUSE_STOP_RE

# a move of the knob named after it (`p 调大`, `阈值往上拉`, `rank 越高`, `β 调小到 0.01`), up or down
_UP_AFTER = (r"(?:调|设|改|开|拉|提|加|放|增|升|变|取|选|弄|搞)得?(?:大|高|宽|多|长|强)|越(?:大|高|多|长|强)|更(?:大|高|多|长|强)"
             r"|(?:大|高|多)(?:一点|一些|些|点)|往(?:大|高|上)(?:了|里)?(?:调|拉|提|设|开|推)|上调|拉高|调高|提高|提升|增大|增加|加大|扩大"
             r"|升高|翻倍|翻番|(?:提|升|涨|加|增|扩|拉)(?:高|大)?到|一提|往上提|上提|一(?:高|大)(?=[^，,。]{0,3}就|，|,)|↑|⬆"
             r"|尽(?:量|可能)(?:地)?(?:高|大|多)|(?:提|调|拉|升|抬)上去")  # (`让困惑度尽量高`, `把阈值提上去`)
_DOWN_AFTER = (r"(?:调|设|改|开|拉|压|缩|降|减|变|取|选|弄|搞)得?(?:小|低|窄|少|短|弱)|越(?:小|低|少|短|弱)|更(?:小|低|少|短|弱)"
               r"|(?:小|低|少)(?:一点|一些|些|点)|往(?:小|低|下)(?:了|里)?(?:调|拉|压|设|开|降)|下调|拉低|调低|降低|减小|减少|缩小|砍半|减半"
               r"|(?:降|砍|减|缩|压)(?:低|小)?到|一降|往下降|一(?:低|小)(?=[^，,。]{0,3}就|，|,)|↓|⬇"
               r"|尽(?:量|可能)(?:地)?(?:低|小|少)|(?:压|降|调)得?(?:尽量)?(?:接近|趋近|逼近)\s*+0(?![.\d])"  # (`把 AUC 压得尽量接近 0`)
               r"|(?:降|调|压|减|拉)下来|降下去")  # (`把丢弃率降下来`)
# a state named right after it (`困惑度高说明…`, `PPL 高的那个`)
_BARE = r"[ \t]?(?:(?P<up>高|大)(?!小|约|概|部分|幅|致|多数|都|家|型|模型|于)|(?P<down>低|小)(?!于|时|心|部分|幅|型|模型))"
# a move named before the knob (`提高阈值`, `调低温度`)
_UP_BEFORE = r"(?:提高|提升|增大|增加|加大|调高|调大|拉高|扩大|升高|上调|放大|多训|再训|延长|加长|加强|增强|调强)了?"
_DOWN_BEFORE = r"(?:降低|减小|减少|调低|调小|拉低|缩小|下调|压低|减弱|削弱|调弱)了?"
# (不断, 不停, 不少, 不仅, 不过, 不同 deny nothing: `不断趋近于零的数字——AUC 越小…`)
_NEG = r"不(?!断|停|少|仅|过|同)|没|别|未|无法|并非|≠"
# a change of the effect after it (`候选集就变小了`, `立马下去一大截`, `召回率跟着涨`)
_E_UP = (r"变大|增大|增加|上升|上去|变多|更多|越多|越大|越高|更高|更大|变高|涨|升高|提高|提升|大了|多了|高了|翻倍|增多|膨胀|放大|变宽|放宽"
         r"|扩大|变长|越长|更长|长了|更强|越强|变强|增强|加强|强了|更宽|越宽|(?:更|越)(?:严重|重|厉害|凶)|加剧|加重|恶化|还要?(?:多|大|高|长)|↑|⬆"
         r"|才(?:大|高|多|强|长)|往上(?:走|涨|升|跑)")  # (under one of two settings: `β=0.5 时历史梯度占比才大`)
_E_DOWN = (r"变小|减小|减少|下降|下去|降低|变少|更少|越少|越小|越低|更低|少了|小了|低了|缩小|收窄|变窄|减半|降下来|掉|变短|越短|更短|短了"
           r"|消了|消失|没了|缓解|减轻"
           r"|更弱|越弱|变弱|减弱|弱了|更窄|越窄|(?:更|越)轻|好转|还要?(?:少|小|低|短)|↓|⬇|才(?:小|低|少|弱|短)|往下(?:走|掉|降|跑)")
# before it (`更多的候选`, `少切几百个 token`); the verbs of change among them may also stand before a modified effect
# (`_E_BEFORE_GAP_RE`)
_E_UP_VERBS = r"提升|提高|增加|增强|加强|扩大|增大|加大|放宽|拓宽"
_E_DOWN_VERBS = r"降低|减少|减小|缩小|收窄|缩短|压缩"
_E_UP_BEFORE = (r"(?:更|越)(?:多|大|长|宽)的?|多(?:切|出|了)?\s*+(?:几|[0-9一二两三四五六七八九十百千万]+)?\s*+(?:个|倍)?"
                r"|(?:更|越)(?:容易|可能|会)|容易|加剧|加重|导致|引起|造成|" + _E_UP_VERBS + r"|保住|保证|确保")
_E_DOWN_BEFORE = (r"(?:更|越)(?:少|小|短|窄)的?|少(?:切|了|掉)?\s*+(?:几|[0-9一二两三四五六七八九十百千万]+)?\s*+(?:个|倍)?"
                  r"|(?:更|越)难|(?:更|越)?不(?:太)?(?:容易|易)|减轻|缓解|抑制|防止|避免|消除|改善|" + _E_DOWN_VERBS + r"|节省|省")
# the goal a move serves, before it (`想要 recall 高？`, `想让序列短点，`, `要想正则更强，`)
# (or a bare 要 before a change of the effect: `要加强正则，得把 p 降到 0.1`)
_GOAL_LEAD = (r"(?:如果想要?|若想要?|要是想要?|想要|想让|要想|要让|要使|希望|为了|想"
              r"|(?<![不需只主重还总])要(?=加强|增强|提高|提升|增加|降低|减少|减小|减轻|缓解|抑制|防止|避免|减弱|削弱))")  # (longest first)
_GOAL_UP = r"(?:更|越)?(?:高|大|多|长|强|宽)(?:一点|一些|些|点)?"
_GOAL_DOWN = r"(?:更|越)?(?:低|小|少|短|弱|窄)(?:一点|一些|些|点)?"
_GOAL_STATE_RE = re.compile(r"[^，,。；;！!？?\n]{0,3}?(?:(?P<up>" + _GOAL_UP + r")|(?P<down>" + _GOAL_DOWN + r"))(?=\s*+(?:[，,。；;！!？?…、]|就|的话|$))")
_GOAL_CHANGE_RE = re.compile(r"(?:(?P<up>" + _E_UP_BEFORE + r")|(?P<down>" + _E_DOWN_BEFORE + r"))[^，,。；;！!？?\n]{0,12}$")
# the knob named with its size (`小词表`, `更大的 batch`; after another word only with a comparative, `用较大的 batch`)
_SIZED_BEFORE_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:(?P<up>(?:更|较|越)?(?:大|高)(?:一些|一点|些|点)?(?:的)?)|(?P<down>(?:更|较|越)?(?:小|低)(?:一些|一点|些|点)?(?:的)?))\s*+$"
                              r"|(?:(?P<up2>(?:更|较)(?:大|高)(?:一些|一点|些|点)?的?)|(?P<down2>(?:更|较)(?:小|低)(?:一些|一点|些|点)?的?))\s*+$")
_TURN_RE = re.compile(r"[，,、]\s*+(?:但|但是|而|不过|然而|可是|反之|相反|若|如果|假如|要是)")
# a verb that acts on what follows it (`温度参数能够提高模型的稳定性`, `batch size 的增长倍数`): it moves that object, not the
# knob before it
_TRANSITIVE_RE = re.compile(r"(?:提高|提升|增加|增大|加大|扩大|降低|减少|减小|缩小|增长|下降|压低|拉高|拉低)$")
_ACTS_ON_RE = re.compile(r"(?![了到至后时就则会也越为成，,。、；;！!？?\s]|以后|之后|的话)[\u4e00-\u9fffA-Za-z]")
_WITH_BEFORE_RE = re.compile(r"(?:随着?|跟着)\s*+$")


# a bare comparative ending the clause after two settings compared with 比 (`…比 m=32 的气泡小`, `…比取 0.3 时更高`)
_CMP_TAIL_RE = re.compile(r"[^，,。；;！!？?\n]{0,16}?(?P<adj>(?P<up>(?:更|还要?|要)?(?:加)?(?:大|高|多|强|长|宽|严重))|(?P<down>(?:更|还要?|要)?(?:加)?(?:小|低|少|弱|短|窄|轻)))"
                          r"(?=\s*+(?:[，,。；;！!？?]|$))")
# what follows the knob named as the subject of what is said next (`正则化的目的是…`, `正则化本来就是…`), not as a word
# that qualifies a noun (`mini-batch 梯度里…`)
_SUBJECT_AFTER_RE = re.compile(r"\s*+(?:的|是|本来|本身|就是|其实|主要|用来|用于|可以|能够?|会|也|都|则|还|只)")
# what the knob stands for said next (`β 对应隐式 KL 约束的强度，越大…`): it is the subject, even of the effect it names
_STANDS_FOR_AFTER_RE = re.compile(r"\s*+(?:其实|本质上)?(?:对应|代表|控制|决定|衡量)")
_CLAUSE_SEP_RE = re.compile(r"[，,；;。！!？?\n：:]")
# two quantities said to move together, the same way or opposite ways (`成正比`, `同涨同跌`, `此消彼长`)
_TOGETHER = r"成正比|成反比|正相关|负相关|同涨同跌|同增同减|同升同降|此消彼长"
_SAME_WAY = ("∝", "正比于", "成正比", "正相关", "同涨同跌", "同增同减", "同升同降")
# a change of the effect after its name, a few words between (`候选集合一下就大了`), and before it (`更容易过拟合`)
# (not past a list's 、: `提升与条件的贴合度、降低多样性` changes the next item)
_E_AFTER_RE = re.compile(r"[^，,。；;！!？?\n、]{0,10}?(?P<neg>" + _NEG + r")?[^，,。；;！!？?\n、]{0,2}?(?:(?P<up>" + _E_UP + r")|(?P<down>" + _E_DOWN + r"))")
_E_BEFORE_RE = re.compile(r"(?:(?P<up>" + _E_UP_BEFORE + r")|(?P<down>" + _E_DOWN_BEFORE + r"))\s*+$")
# a verb of change, a short modifier of the effect between (`降低生成结果的随机性`, `收窄候选范围`; not a quantity before
# 的, `用尽量少的参数`)
_E_BEFORE_GAP_RE = re.compile(r"(?:(?P<up>" + _E_UP_VERBS + r")|(?P<down>" + _E_DOWN_VERBS + r"))"
                              r"(?:(?!会|能|使|让|带来|导致|后|时|就|把|将|得|更|越|的)[\u4e00-\u9fffA-Za-z])"
                              r"(?:(?!会|能|使|让|带来|导致|后|时|就|把|将|得|更|越)[\u4e00-\u9fffA-Za-z]){0,3}的?\s*+$")


def _clause_start(text: str, start: int, at: int) -> int:
    """Where the clause that holds text[at] starts (not before `start`)."""
    return max([start] + [m.end() for m in _CLAUSE_SEP_RE.finditer(text, start, at)])

_NUM = r"[0-9]+(?:\.[0-9]+)?\s*+(?:[kKwW万千亿]|e-?[0-9]+)?"
# a move between two values (`从 0.95 降到 0.5`, `由 8 改为 64`, `8 → 64`)
_FROM_TO = r"(?:从|由)\s*+(?P<a>" + _NUM + r")\s*+(?:[^，,。；;！!？?\d]{0,4}?)(?:到|至|为|成)\s*+(?P<b>" + _NUM + r")|(?P<c>" + _NUM + r")\s*+(?:→|->|=>|⇒)\s*+(?P<d>" + _NUM + r")"

# the knob's move right after it: a few words between, not a clause of its own (`temperature/top-p 高则更多样` moves
# nothing by 更多); a state right after it; a move between two values; a move named before it
_KNOB_AFTER_RE = re.compile(r"[^，,。；;！!？?\n则就、/|]{0,4}?(?P<neg>" + _NEG + r")?\s*+(?:(?P<up>" + _UP_AFTER + r")|(?P<down>" + _DOWN_AFTER + r"))")
_BARE_RE = re.compile(_BARE)
_FROM_TO_RE = re.compile(r"[^，,。；;！!？?\n]{0,10}?(?:" + _FROM_TO + r")")
_KNOB_BEFORE_RE = re.compile(r"(?:(?P<up>" + _UP_BEFORE + r")|(?P<down>" + _DOWN_BEFORE + r"))[^，,。；;！!？?\n]{0,4}$")

_SCALE = {"k": 1e3, "K": 1e3, "千": 1e3, "w": 1e4, "W": 1e4, "万": 1e4, "亿": 1e8}


def _value(s: str) -> float | None:
    s = s.replace(" ", "")
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([kKwW万千亿]|e-?[0-9]+)?", s)
    if m is None:
        return None
    v = float(m.group(1))
    unit = m.group(2) or ""
    if unit.startswith("e"):
        return v * 10 ** int(unit[1:])
    return v * _SCALE.get(unit, 1.0)


def _two_values(a: str, b: str) -> tuple[float, float] | None:
    """Two stated values of a knob, when both read as numbers and differ (a move between them has a direction)."""
    va, vb = _value(a), _value(b)
    return None if va is None or vb is None or va == vb else (va, vb)


class Effect(NamedTuple):
    names: re.Pattern  # the effect quantity (`候选(?:集合|池)`)
    same: bool  # whether it truly goes up when the knob goes up
    up: re.Pattern | None  # words that say it goes up without naming it (`更随机`, `天马行空`)
    down: re.Pattern | None


class Relation:
    """A knob and the effects it moves. The patterns that hold the knob's names are compiled on first use: most rules
    never get past their gate in a document."""

    def __init__(self, knob: str, effects: list[Effect], symbol: str | None = None, symbol_moves: bool = False):
        # (a symbol moves as the knob does where the rule's context says what it stands for: `LoRA` for `r`, `DPO` for `β`)
        self.knob = re.compile(knob if symbol is None or not symbol_moves else f"{knob}|{symbol}", re.I)
        self.effects = effects
        self._name = knob if symbol is None else f"{knob}|{symbol}"  # (the knob, or its symbol: `T`, `r`)

    def named(self, text: str) -> bool:
        """Whether `text` names the knob or its symbol at all (a look before reading its sentences), its English glosses
        read past as `slips` reads them."""
        return self._named.search(text) is not None or (
            _GLOSS_RE.search(text) is not None and self._named.search(_GLOSS_RE.sub("", text)) is not None)

    @cached_property
    def _named(self) -> re.Pattern:
        return re.compile(self._name, re.I)

    @cached_property
    def _proportional(self) -> list[re.Pattern]:
        """An effect said to be proportional to the knob: `Y ∝ X`, `Y ∝ 1/X`, `Y 与 X 成反比`, `Y 正比于 X`."""
        name = self._name
        return [re.compile(r"(?:" + e.names.pattern + r")[^，,。；;\n]{0,8}?(?:(?P<prop>∝|正比于|反比于)\s*+(?P<inv>1\s*+/\s*+)?(?:" + name + r")"
                           r"|(?:与|和|跟|同)\s*+(?:" + name + r")[^，,。；;\n]{0,6}?(?P<cheng>" + _TOGETHER + r"))"
                           # (or the knob first, the effect after 与: `批大小与噪声同涨同跌`)
                           r"|(?:" + name + r")[^，,。；;\n]{0,6}?(?:与|和|跟|同)\s*+(?:" + e.names.pattern + r")[^，,。；;\n]{0,6}?"
                           r"(?P<cheng2>" + _TOGETHER + r")", re.I)
                for e in self.effects]

    @cached_property
    def _mention(self) -> re.Pattern:
        """The knob or its symbol named again with a move of its own after it (`…降到 0.3：T 越高，…`)."""
        return re.compile(r"(?:" + self._name + r")(?=\s{0,2}(?:越|更|调|=|＝|从|由|↑|↓|高|低|大|小))", re.I)

    @cached_property
    def _compared(self) -> re.Pattern:
        """Two settings compared (`T=2 比 T=0.5 …更确定`, `对比 lr=0.001 和 lr=1：后者…`), or one said to beat the other
        (`BLEU 0.2 的赢了 0.4 的`: the verb is the change)."""
        name = self._name
        setting = r"(?:" + name + r")\s*+(?:=|＝|为|取|设为|是)\s*+"
        # (after 比, the knob named again or only its verb of setting: `阈值取 0.9 时的召回率比取 0.3 时更高`)
        return re.compile(setting + r"(?P<a>" + _NUM + r")[^，,。；;！!？?\n]{0,16}?比\s*+(?:(?:" + name + r")\s*+(?:=|＝|为|取|设为|是)\s*+|(?:取|设为|设成|为)\s*+)?(?P<b>" + _NUM + r")"
                          r"|" + setting + r"(?P<c>" + _NUM + r")\s*+(?:和|与|跟|、|vs\.?)\s*+(?:" + name + r")\s*+(?:=|＝|为|取|设为|是)\s*+(?P<d>" + _NUM + r")"
                          r"[^，,。；;！!？?\n]{0,8}?[：:，,]\s*+(?P<which>前者|后者)"
                          r"|(?:" + name + r")\s*+(?:=|＝|为|取|设为|是)?\s*+(?P<e>" + _NUM + r")[^，,。；;！!？?\n\d]{0,6}?"
                          r"(?=(?:赢了?|胜过|胜出|优于|好于|强于|打败|完胜|输给了?|不如|逊于)\s*+(?:(?:" + name + r")\s*+(?:=|＝|为|取|设为|是)?\s*+)?(?P<f>" + _NUM + r"))"
                          # (two settings, each with what holds under it: `β=0.99 时…，β=0.5 时历史梯度占比才大`)
                          r"|(?:" + name + r")\s*+(?:=|＝|为|取|设为|是)?\s*+(?P<g>" + _NUM + r")\s*+(?:时|的时候)[^；;。！!？?\n]{0,30}?[，,；;]\s*+(?:而|但|但是|可|当)?\s*+"
                          r"(?:" + name + r")\s*+(?:=|＝|为|取|设为|是)?\s*+(?P<h>" + _NUM + r")\s*+(?:时|的时候)", re.I)

    def knob_moves(self, text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
        """(start, end, up) of each stated move of the knob in text[start:end]."""
        return [(s, e, up) for s, e, up, _ in self._moves(text, start, end)]

    def _moves(self, text: str, start: int, end: int) -> list[tuple[int, int, bool, bool]]:
        """`knob_moves`, each with whether it is two settings compared whose change may be a bare comparative after the
        second (`…比 r=4 的少`; not one said to beat the other, `BLEU 0.2 的赢了 0.4 的`, whose verb is the change)."""
        out = []
        for c in self._compared.finditer(text, start, end):
            if c.group("a") is not None:
                if (ab := _two_values(c.group("a"), c.group("b"))) is not None:
                    out.append((c.start(), c.end(), ab[0] > ab[1], True))  # (the first setting is what the clause goes on about)
            elif c.group("c") is not None:
                if (cd := _two_values(c.group("c"), c.group("d"))) is not None:
                    out.append((c.start(), c.end(), (cd[1] > cd[0]) == (c.group("which") == "后者"), True))
            elif c.group("g") is not None:
                if (gh := _two_values(c.group("g"), c.group("h"))) is not None:
                    out.append((c.start(), c.end(), gh[1] > gh[0], True))  # (what the clause goes on about is the second setting)
            elif (ef := _two_values(c.group("e"), c.group("f"))) is not None:
                out.append((c.start(), c.end(), ef[0] > ef[1], False))
        if out:
            return out
        for k in self.knob.finditer(text, start, end):
            if (w := _WITH_BEFORE_RE.search(text, max(start, k.start() - 4), k.start())) is not None \
                    and (w.group().strip() == "随" or text[_clause_start(text, start, w.start()):w.start()].strip()):
                continue  # `参数随秩 r 线性增加`: what moves is the thing before 随, not the knob (`随着 r 增大，…` moves it)
            pre = _SIZED_BEFORE_RE.search(text, max(start, k.start() - 4), k.start())
            if pre is not None:  # `小词表 → …`, `更大的 batch`: the knob named with its size
                out.append((pre.start(), k.end(), pre.group("up") is not None or pre.group("up2") is not None, False))
                continue
            ft = _FROM_TO_RE.match(text, k.end(), end)
            if ft is not None:
                a, b = (ft.group("a"), ft.group("b")) if ft.group("a") is not None else (ft.group("c"), ft.group("d"))
                if (ab := _two_values(a, b)) is not None:
                    out.append((k.start(), ft.end(), ab[1] > ab[0], False))
                    continue
            m = _BARE_RE.match(text, k.end(), end) or _KNOB_AFTER_RE.match(text, k.end(), end)
            if m is not None:
                acts = _ACTS_ON_RE.match(text, m.end(), end) is not None and _TRANSITIVE_RE.search(text, m.start(), m.end()) is not None
                if not acts and not re.search(_NEG, text[k.end():m.end()]):
                    out.append((k.start(), m.end(), m.group("up") is not None, False))
                continue
            b = _KNOB_BEFORE_RE.search(text, max(start, k.start() - 12), k.start())
            if b is not None and not re.search(_NEG, text[max(start, b.start() - 2):b.start()]):
                out.append((b.start(), k.end(), b.group("up") is not None, False))
        return out

    def effect_moves(self, text: str, start: int, end: int, effect: Effect) -> list[tuple[int, int, bool]]:
        """(start, end, up) of each stated change of the effect in text[start:end]."""
        out = []
        for e in effect.names.finditer(text, start, end):
            m = _E_AFTER_RE.match(text, e.end(), end)
            if m is not None and _TRANSITIVE_RE.search(text, m.start(), m.end()) and _ACTS_ON_RE.match(text, m.end(), end):
                m = None  # (`贴合度降低多样性`: a verb acting on the object after it changes that object)
            if m is not None:
                if not re.search(_NEG, text[e.end():m.end()]):  # (`并不会变小`, `和不确定性也会增加`: no plain change)
                    out.append((e.start(), m.end(), m.group("up") is not None))
                continue
            b = _E_BEFORE_RE.search(text, max(start, e.start() - 10), e.start()) or _E_BEFORE_GAP_RE.search(text, max(start, e.start() - 10), e.start())
            if b is not None and b.group(0).strip() and not re.search(_NEG, text[max(start, b.start() - 2):b.start()]) \
                    and (b.group("down") is not None or not re.search(_NEG, b.group(0))):
                out.append((b.start(), e.end(), b.group("up") is not None))
        for rx, up in ((effect.up, True), (effect.down, False)):
            if rx is not None:
                for m in rx.finditer(text, start, end):
                    if not re.search(_NEG, text[max(start, m.start() - 3):m.end()]):
                        out.append((m.start(), m.end(), up))
        return sorted(out)

    def _said_again(self, text: str, m: re.Match, end: int) -> bool:
        """Whether the knob named at `m` is the subject of what is said next (`正则化的目的是…`): not a name the rule gives an
        effect too, nor one that qualifies an effect named within six characters after it."""
        if _STANDS_FOR_AFTER_RE.match(text, m.end()):
            return True
        return _SUBJECT_AFTER_RE.match(text, m.end()) is not None and not any(
            e.names.match(text, m.start()) or any(e.names.match(text, p, end) for p in range(m.end(), min(m.end() + 7, end + 1)))
            for e in self.effects)

    @staticmethod
    def _compared_change(text: str, ks: int, ke: int, reach: int, effect: Effect) -> list[tuple[int, int, bool]]:
        """The change of an effect that two settings compared with 比 state by a bare comparative after the second one,
        the effect named between them or after it (`批大小为 512 时的梯度噪声比批大小为 16 时更大`, `m=8 的气泡比 m=32 的气泡小`)."""
        m = _CMP_TAIL_RE.match(text, ke, reach)
        if m is None or re.search(_NEG, m.group(0)) or not (effect.names.search(text, ks, ke) or effect.names.search(text, ke, m.start("adj"))):
            return []
        return [(ke, m.end(), m.group("up") is not None)]

    def goal_moves(self, text: str, start: int, end: int, effect: Effect) -> list[tuple[int, int, bool]]:
        """(start, end, up) of each goal of a change of the effect (`想要 recall 高`, `想让输出多样点`)."""
        out = []
        for g in re.finditer(_GOAL_LEAD, text[start:end]):
            a = start + g.end()
            stop = CLAUSE_STOP_RE.search(text, a, end)
            clause_end = min(stop.start() if stop else end, a + 36)
            said = [(m, up) for rx, up in ((effect.up, True), (effect.down, False)) if rx is not None
                    for m in [rx.search(text, a, clause_end)] if m is not None and not re.search(_NEG, text[a:m.end()])]
            if said:
                m, up = min(said, key=lambda x: x[0].start())
                out.append((start + g.start(), m.end(), up))
                continue
            e = effect.names.search(text, a, clause_end)
            if e is not None and not re.search(_NEG, text[a:e.start()]):
                st = _GOAL_STATE_RE.match(text, e.end(), clause_end + 1)
                if st is not None:
                    out.append((start + g.start(), st.end(), st.group("up") is not None))
                elif (v := _GOAL_CHANGE_RE.match(text, a, e.start())) is not None:  # (`想缓解过拟合`, `想降低 pipeline bubble`)
                    out.append((start + g.start(), e.end(), v.group("up") is not None))
        return out

    def proportions(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans where an effect is said to be proportional to the knob the wrong way round (`bubble 占比 ∝ m`,
        `可训练参数 ∝ 1/r`, `气泡占比与微批次数成正比`)."""
        out = []
        for effect, rx in zip(self.effects, self._proportional):
            for m in rx.finditer(text, start, end):
                if re.search(_NEG, m.group(0)):
                    continue
                said = m.group("cheng") or m.group("cheng2") or m.group("prop")
                same = said in _SAME_WAY and not m.group("inv")
                if same != effect.same:
                    out.append(m.span())
        return out

    def slips(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of text[start:end] where a move of the knob and a change of an effect are stated together the wrong
        way round: the change after the move (a consequence), or a goal before the move that serves it; and where an
        effect is said to be proportional to the knob the wrong way (`proportions`). A name glossed in English right
        after it (`微批次（micro-batch）的数量`, `气泡（pipeline bubble）占比`) reads as the name alone."""
        out = self._slips(text, start, end)
        if not out and _GLOSS_RE.search(text, start, end):
            index = [k for g in _gloss_gaps(text, start, end) for k in g]
            short = "".join(text[k] for k in index)
            out = [(index[a], index[b - 1] + 1) for a, b in self._slips(short, 0, len(short))]
        return out

    def _slips(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """`slips`, read on the text as it is."""
        out = self.proportions(text, start, end)
        moves = self._moves(text, start, end)
        if not moves:
            return out
        for n, (ks, ke, kup, compared) in enumerate(moves):
            if re.search(_NEG, text[_clause_start(text, start, ks):ks]):
                continue  # (`并不是困惑度越高越好`, `不应将较低的 BLEU 解释为…`: the move is denied)
            # (the change in the move's clause or the next one: `p 调大，候选集就变小`; not one a later clause says
            # of another driver, `…随秩 r 线性增加，r 越小越省参数`)
            seps = [m for m in _CLAUSE_SEP_RE.finditer(text, ke, end)]
            reach = seps[2].start() if len(seps) > 2 else end  # (up to two clauses on: `k 往小调，调到 1，模型简单了`)
            stop = next((m.start() for m in seps if m.group() in "；;。！!？?\n"), end)  # (a sentence or a list item ends)
            turn = _TURN_RE.search(text, ke, end)  # (nor past a turn: `…，但…`)
            # (nor past the knob named again with a move of its own, `…降到 0.3：T 越高…越随机`, or as the subject of what
            # follows, `减少正则化参数，正则化的目的是防止过拟合`: not a name the rule gives an effect too, `β 调大，KL 惩罚更
            # 弱`, nor one that qualifies an effect named right after it, `mini-batch SGD 的梯度方差`)
            moved = self._mention.search(text, ke, end)
            reach = min(reach, stop, turn.start() if turn else end, moves[n + 1][0] if n + 1 < len(moves) else end,
                        moved.start() if moved else end)
            for m in self._named.finditer(text, ke, end):
                if m.start() >= reach:
                    break
                if self._said_again(text, m, end):
                    reach = m.start()
                    break
            for effect in self.effects:  # (the reach is the move's, whichever effect: found once per move)
                changes = self.effect_moves(text, ke, reach, effect)
                if not changes and compared:
                    changes = self._compared_change(text, ks, ke, reach, effect)
                if any(a[2] != b[2] and "还是" in text[a[1]:b[0]] for a, b in zip(changes, changes[1:])):
                    continue  # (`输出是更确定还是更随机`: both ways, asked)
                for es, ee, eup in changes:
                    if re.search(_NEG, text[ke:es]):
                        break  # (`增大系数不会让模型更容易过拟合`: the change is denied)
                    if _GOAL_AFTER_RE.match(text, ee):
                        break  # (`…，缓解过拟合应增加训练数据`: the change is a goal the clause says how to reach)
                    if (kup == eup) != effect.same:
                        out.append((ks, ee))
                    break
                for gs, ge, gup in self.goal_moves(text, start, ks, effect):
                    if _TURN_RE.search(text, ge, ks) or self._named.search(text, _clause_start(text, start, gs), gs):
                        continue  # (a goal past a turn, or the knob's own purpose: `正则化是为了防止过拟合，如果…，就降低正则化参数`)
                    if n > 0 and moves[n - 1][1] > ge:
                        continue  # (a goal the move before serves: `想更贴近参考模型，应该调大 β，…β 越小才越允许偏离`)
                    if ge <= ks and (kup == gup) != effect.same:
                        out.append((gs, ke))
        return sorted(set(out))


# what one should do next, right after a change (`缓解过拟合应增加数据`): the change is a goal, not a consequence
_GOAL_AFTER_RE = re.compile(r"\s*+(?:的话)?\s*+(?:应该|应当|应|就要|需要|要|就得|得|必须)\s*+(?:增加|减少|增大|减小|提高|降低|扩大|缩小|加大|调大|调小|调高|调低|采用|使用|改用|用|加|减|做)")
# an English gloss in brackets right after a Chinese name (`微批次（micro-batch）`): two or more Latin characters
_GLOSS_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s*+[（(][A-Za-z][A-Za-z0-9 _.\-]{1,40}[）)]")


def _gloss_gaps(text: str, start: int, end: int) -> Iterator[range]:
    """The positions of text[start:end] outside its English glosses (`_GLOSS_RE`), run by run."""
    pos = start
    for m in _GLOSS_RE.finditer(text, start, end):
        yield range(pos, m.start())
        pos = m.end()
    yield range(pos, end)


def check_direction(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    """The direction kind's check: each stated move of the rule's knob whose effect is said to change the wrong way
    round, once per place, in statements only (not in questions nor reported beliefs: kinds.asks)."""
    relation: Relation = rule.spec["relation"]
    for unit in kinds._units(rule, doc, kinds.gate_of(rule, kb)):
        if not relation.named(unit.text) or not _context_ok(rule, unit):
            continue  # (the line and its item say nothing of what the knob is: read no further)
        read = kinds._answered(doc, unit)
        seen: set[tuple[int, int]] = set()
        for start, end in kinds._regions(rule, read):
            if kinds._unless(rule, read, start, end):
                continue
            for s, e in relation.slips(read.text, start, end):
                if (s, e) in seen or any(s < b and a < e for a, b in seen):
                    continue
                if kinds.asks(read, e - 1, e) or _not_stated(kb, read.text, e - 1):
                    continue  # (a goal asked before the move, `想要 recall 高？把阈值往上拉`, asks nothing of the move)
                seen.add((s, e))
                yield kinds.make_finding(rule, doc, unit, s, e)


def _not_stated(kb: Knowledge, text: str, at: int) -> bool:
    """Whether the sentence holding text[at] states nothing, as the claim rules' text layer reads it: a question without
    its mark (`…是更确定还是更随机`), a quiz statement judged false after it (`“…”答：错误。`), a reported belief."""
    sent = next((s for s in kb.claim_reader().layer.sentences(text) if s.start <= at < s.end), None)
    return sent is not None and sent.kind not in ("statement", "supposed")


def _context_ok(rule: Rule, unit: Unit) -> bool:
    """Whether each of the rule's context patterns is found in the line or in its item's title and question (a knob
    such as `β` or `k` names one thing only where the text is about it: `DPO 的 β`, `KNN 的 k`)."""
    rxs = rule.spec.get("context", ())
    return not rxs or all(kinds.search(rule, rx, unit.text) or kinds.search(rule, rx, kinds._context(unit)) for rx in rxs)


def compile_part(pattern: str) -> re.Pattern:
    """A rule file's pattern for a knob, an effect or its words of change, as the reader searches it."""
    return re.compile(pattern, re.I)
