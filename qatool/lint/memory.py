"""weight-memory-arithmetic: a model's weight memory that does not follow from its size and precision.

`7B 模型用 FP16 加载，权重大约需要 7GB` names a parameter count (7B), one precision (FP16: 2 bytes a
parameter) and one memory figure (7GB) in one sentence: the weights take parameters x bytes (14 GB), so
7 GB is the INT8 figure. The check is arithmetic, not a list of sentences: any size, any of FP32 / FP16 /
BF16 / INT8 / INT4, any wording around them. It stays silent where the figure may hold more than the
weights (training, optimizer states, gradients, activations, KV cache, a batch), where the figure is a
card's capacity (`一张 24GB 的显卡`), where the sentence names several precisions or figures (a
comparison), and where it asks, denies or reports what someone thinks.
"""
from __future__ import annotations

import re
from typing import Iterator

from qatool.lint.document import LintDoc
from qatool.lint.kinds import Knowledge, asks, make_finding
from qatool.lint.model import Finding, Rule
from qatool.lint.pyrules import check

# a parameter count: `7B`, `175B`, `70 亿参数`, `13 billion`
# (not a count of other things: `1 亿条向量`, `10 亿张图片`)
PARAMS_RE = re.compile(r"(?<![\d.A-Za-z])(?P<n>\d+(?:\.\d+)?)\s*+(?P<unit>B|b|亿|billion)(?![A-Za-z])(?!\s*+(?:条|篇|张|份|行|句|段|样本|文档|图|词|tokens?\b|个(?!参数)))")
# bytes a parameter takes, by the name of its precision
PRECISIONS = ((re.compile(r"(?<![A-Za-z0-9])(?:fp32|float32|tf32)(?![A-Za-z0-9])|单精度|全精度", re.I), 4.0),
              (re.compile(r"(?<![A-Za-z0-9])(?:fp16|bf16|float16|bfloat16|half)(?![A-Za-z0-9])|半精度", re.I), 2.0),
              (re.compile(r"(?<![A-Za-z0-9])(?:int8|8[- ]?bit)(?![A-Za-z0-9])|8 ?位(?:量化|整数)", re.I), 1.0),
              (re.compile(r"(?<![A-Za-z0-9])(?:int4|4[- ]?bit|nf4)(?![A-Za-z0-9])|4 ?位(?:量化|整数)", re.I), 0.5))
# a memory figure said of what the weights need (`需要 7GB`, `约 14 GB 显存`), not a rate (`GB/s`)
MEMORY_RE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*+(?P<unit>GB|G|GiB|TB)(?![A-Za-z/])(?!\s*+/\s*+s)")
ANY_MEMORY_RE = re.compile(r"\d+(?:\.\d+)?\s*+(?:GB|G|GiB|TB|MB|M)(?![A-Za-z])")
# what the figure may hold besides the weights, or who holds it: the arithmetic does not apply
EXTRAS_RE = re.compile(r"训练|优化器|梯度|Adam|动量|激活|KV|kv|cache|缓存|上下文|batch|批|序列长度|token|峰值|总共|总显存|开销|额外|"
                       # (a length processed, `处理 1024 长度约占用 0.5GB`: the figure is the cache for that length)
                       r"\d+\s*+(?:个)?\s*+(?:长度|字|词)|长度\s*+(?:为|是|=)?\s*+\d|"
                       r"包括|包含|含|加上|另外|LoRA|微调|全量|ZeRO|offload|卸载|每张|每卡|每块|单卡|张卡|块卡|多卡|卡上|显卡|"
                       # (a card, not the memory the weights are said to need: `GPU memory 大约只要 7GB`)
                       r"GPU(?!\s*+(?:memory|显存)\s*+(?:大约|大概|约|只要|仅需|需要|要|占用?|得))|"
                       r"(?<![A-Za-z0-9])(?:A100|H100|A800|H800|V100|T4|4090|3090|RTX|Mac)(?![A-Za-z0-9])|内存条|硬盘|磁盘|下载|文件|"
                       # (vectors or an index stored, not a model's weights: `1 亿条 768 维向量要 286 GB`)
                       r"向量|embedding|索引|index|\d+\s*+维|"
                       # (data sent between devices, not kept: `DDP 下需要发送 10*2*2 = 40GB 的数据`)
                       r"发送|传输|传送|通信|通讯|all[_-]?reduce|带宽", re.I)
# a sentence that denies, hedges or reports the figure rather than stating it
NOT_STATED_RE = re.compile(r"不|没|并非|错|误|有人|以为|认为|据说|大概率|可能|也许|吗|呢|？|\?")
VERB_RE = re.compile(r"(?:需要|需|要|占用?|约|大约|大概|差不多|是|为|就是|得|消耗|存储|只要|仅需|光|就|左右|：|:|=|（|\()\s*+$")
TOLERANCE = (0.7, 1.45)  # the stated figure against parameters x bytes: GiB against GB, rounding and a little overhead pass


def _billions(m: re.Match) -> float:
    n = float(m.group("n"))
    return n / 10 if m.group("unit") == "亿" else n


def _gigabytes(m: re.Match) -> float:
    n = float(m.group("n"))
    return n * 1000 if m.group("unit") == "TB" else n


@check("weight-memory-arithmetic")
def weight_memory_arithmetic(rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
    for unit in doc.units:
        if unit.scope not in rule.scope or unit.scope == "code":
            continue
        text = unit.text
        if not MEMORY_RE.search(text) or not PARAMS_RE.search(text):
            continue
        for s, e in unit.sentences():
            got = _sentence(text, s, e)
            if got is not None and not asks(unit, got[0], got[1]):
                ms, me, params, nbytes, stated = got
                yield make_finding(rule, doc, unit, ms, me, params=f"{params:g}B", bytes=f"{nbytes:g}",
                                   expected=f"{params * nbytes:g}", stated=f"{stated:g}")


# where a clause ends, and what, said after the figure's clause, may still make a small figure right: the weights split
# over cards or offloaded (`…约 7GB，每张卡只放一半`)
CLAUSE_END_RE = re.compile(r"[，,；;]")
LATER_NOT_STATED_RE = re.compile(r"不(?![少小])|没|并非|错|误|有人|以为|认为|据说|大概率|可能|也许|吗|呢|？|\?")
SPLIT_RE = re.compile(r"每张|每卡|每块|多卡|张量并行|流水线|(?<![A-Za-z])(?:TP|PP)(?![A-Za-z])|ZeRO|offload|卸载|切分|分到|分摊|分片|shard", re.I)


# a card named by its capacity where the model is put (`在 8G 的消费卡上部署过…`, `一张 24GB 的显卡`): the card, not what
# the weights are said to need; blanked (to spaces, positions kept) so that the figure said of the weights is read alone
CARD_RE = re.compile(r"(?:在|用|拿)?\s*+(?:一张|一块|单张|这张|那张)?\s*+\d+(?:\.\d+)?\s*+(?:GB|G|GiB)(?![A-Za-z/])\s*+(?:显存)?\s*+(?:的)?\s*+"
                     r"(?:消费级?|游戏|家用|老|小)?\s*+(?:显卡|卡|GPU|消费卡)(?:上)?")


def _without_card(sent: str) -> str:
    return CARD_RE.sub(lambda m: " " * len(m.group()), sent)


def _sentence(text: str, s: int, e: int) -> tuple[int, int, float, float, float] | None:
    """(start, end of the memory figure, billions of parameters, bytes a parameter, stated GB) when the
    sentence states a weight memory the arithmetic contradicts; None otherwise. A figure below the weights alone is
    read up to the end of its clause: what later clauses add (`…还能留出空间给 KV cache`) cannot make it larger.
    A card named by its capacity (CARD_RE) is read as no figure."""
    sent = _without_card(text[s:e])
    got = _stated(sent)
    if got is None:
        cut = _told_small(sent)
        got = None if cut is None else _stated(sent[:cut], small=True)
    return None if got is None else (s + got[0], s + got[1], got[2], got[3], got[4])


def _told_small(sent: str) -> int | None:
    """Where the clause of the sentence's first memory figure ends, when more follows that neither asks, denies, names
    another precision nor splits the weights."""
    mem = MEMORY_RE.search(sent)
    end = CLAUSE_END_RE.search(sent, mem.end()) if mem is not None else None
    if end is None or LATER_NOT_STATED_RE.search(sent, end.end()) or SPLIT_RE.search(sent, end.end()):
        return None
    # (a precision the later clauses change to, `…约 7GB，再换成 INT8 还能砍到 3.5GB`, is a further step, not the one the
    # figure is given for)
    later = THEN_INTO_RE.sub(" ", sent[end.end():])
    if len({nbytes for rx, nbytes in PRECISIONS if rx.search(sent[:end.end()] + later)}) != 1:
        return None
    return end.start()


# a change to another precision told after the figure (`再换成 INT8`, `进一步量化到 4-bit`)
THEN_INTO_RE = re.compile(r"(?:再|进一步|接着|然后|之后)\s*+(?:换成|转成|转为|改用|换用|量化成|量化到|量化为|压到|压成|降到)\s*+"
                          r"(?:int8|int4|8[- ]?bit|4[- ]?bit|nf4|fp8|8 ?位(?:量化|整数)?|4 ?位(?:量化|整数)?)", re.I)


def _stated(sent: str, small: bool = False) -> tuple[int, int, float, float, float] | None:
    params = list(PARAMS_RE.finditer(sent))
    memory = list(ANY_MEMORY_RE.finditer(sent))
    if len(params) != 1 or len(memory) != 1 or EXTRAS_RE.search(sent) or NOT_STATED_RE.search(sent):
        return None
    mem = MEMORY_RE.match(sent, memory[0].start())
    if mem is None or not VERB_RE.search(sent[max(0, mem.start() - 8):mem.start()]):
        return None
    sizes = {nbytes for rx, nbytes in PRECISIONS if rx.search(sent)}
    if len(sizes) != 1:
        return None
    nbytes = sizes.pop()
    billions, stated = _billions(params[0]), _gigabytes(mem)
    expected = billions * nbytes
    if expected <= 0 or TOLERANCE[0] <= stated / expected <= TOLERANCE[1] or (small and stated / expected > 1):
        return None
    return mem.start(), mem.end(), billions, nbytes, stated
