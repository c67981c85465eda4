"""The direction rule kind (qatool/lint/direction.py, qatool/rules/directions.yaml): a knob moved one way and an effect
said to change the wrong way round, in whatever words for up and down, read the same for every rule. Wording of my
own: each form of saying a move, each way a statement can fail to make one, and the engine's one-finding-per-slip."""
from __future__ import annotations

import pytest

from qatool.lint.engine import Linter
from qatool.lint.loader import load_rules
from tests.lint.readings import found, item

RULES, KB = load_rules()

CASES = [
    # ways of moving the knob
    ("LoRA 的 rank 越高，可训练参数越少。", "FC478", True),  # a correlative
    ("把 LoRA 的秩调大以后，可训练参数变少了。", "FC478", True),  # a verb of change after it
    ("调大 LoRA 的秩会让可训练参数减少。", "FC478", True),  # before it
    ("LoRA 的 r 从 16 降到 4，可训练参数反而多了。", "FC478", True),  # between two values
    ("LoRA：r=32 比 r=8 的可训练参数还少。", "FC478", True),  # two settings compared, by its symbol
    ("对比 r=8 和 r=32：后者可训练参数更少。", "FC478", False),  # (no LoRA named anywhere: the symbol alone is not read)
    ("LoRA 里对比 r=8 和 r=32：后者可训练参数更少。", "FC478", True),
    ("LoRA 里对比 r=8 和 r=32：后者可训练参数更多。", "FC478", False),
    ("LoRA：r↑ → 可训练参数↓。", "FC478", True),  # a symbol moves where the context names what it stands for
    ("笔记：r↑ → 可训练参数↓。", "FC478", False),  # (no LoRA named: `r` stands for nothing known)
    ("KNN 里 top-k 越大，模型越复杂。", "FC484", False),  # (`top-k` is no KNN `k`)
    ("LoRA 的秩↑ → 可训练参数↓。", "FC478", True),  # an arrow
    ("想让可训练参数少一点，就把 LoRA 的 rank 调大。", "FC478", True),  # a goal the move serves
    ("想让可训练参数少一点，就把 LoRA 的 rank 调小。", "FC478", False),
    ("更大的 LoRA 秩意味着更少的可训练参数。", "FC478", True),  # the knob named with its size
    ("LoRA 里可训练参数 ∝ 1/r。", "FC478", True),  # an effect said to be proportional to it
    ("LoRA 里可训练参数 ∝ r。", "FC478", False),
    ("流水线气泡占比与微批次数量成正比。", "FC481", True),
    ("流水线气泡占比与微批次数量成反比。", "FC481", False),
    ("流水线气泡占比并不与微批次数量成正比。", "FC481", False),
    # ways of stating no move, or no change
    ("LoRA 的 rank 越高，可训练参数并不会越少。", "FC478", False),  # a negated change
    ("LoRA 的 rank 调高了，可训练参数却没有变少。", "FC478", False),
    ("LoRA 的 rank 越高，可训练参数越少吗？", "FC478", False),  # a question
    ("有人以为 LoRA 的 rank 越高，可训练参数越少，其实正好相反。", "FC478", False),  # a belief reported to refute it
    ("可训练参数随秩 r 线性增加，r 越小越省参数。", "FC478", False),  # what moves with the knob is the thing before 随
    ("LoRA 的 rank 调高以后，效果变好了，但可训练参数也变多了。", "FC478", False),
    ("LoRA 的 rank 调高以后效果更好；可训练参数减少要靠调小秩。", "FC478", False),  # (the change is in the next sentence)
    ("低秩分解能显著减少参数量。", "FC478", False),  # (`低秩` names no rank being moved)
    ("小词表 → 更多回退到字节，序列更长。", "FC480", False),  # (a small vocabulary: the size before the knob)
    ("大词表 → 序列更长。", "FC480", True),
    # the same reading for another knob and effect
    ("温度 T 越高，采样越确定。", "FC476", True),
    ("temperature 一高模型就变保守。", "FC476", True),
    ("temperature/top-p 高则更多样（探索），低则更确定（利用）。", "FC476", False),
    ("Temperature 越高，模型越倾向于尝试概率较低的 Token，结果更有创造性，但随机性和不确定性也会增加。", "FC476", False),
    ("把置信度阈值往上提，这样才能保住 recall。", "FC477", True),
    ("把置信度阈值往下调，这样才能保住 recall。", "FC477", False),
    ("KNN 里把 k 往小调，调到 1，模型简单了，过拟合自然就没了。", "FC484", True),
    ("KNN 里把 k 往小调，调到 1，模型复杂了，过拟合会更重。", "FC484", False),
    # the dev corpus's false alarms while the kind was written, reworded: a verb that acts on an object after it moves
    # that object, a bare word is no change, a condition begins another driver, a negative log perplexity
    ("温度往下调、限制发散，回答更可控。", "FC476", False),
    ("把 temperature 设为 0 可以减少随机性。", "FC476", False),
    ("温度稍低一点更稳，低多样性。", "FC476", False),
    ("对比学习里温度参数的设置能提高表示的稳定性。", "FC476", False),
    ("温度从 0.2 提到 0.8 后稳定性下降。", "FC476", False),
    ("低 temperature 生成推理链、若再配合多次采样投票则提高多样性。", "FC476", False),
    ("学习率应随 batch size 的增长倍数的平方根放大，以保持梯度方差的比例。", "FC485", False),
    ("负对数困惑度越大越好。", "FC488", False),
    ("在测试集上困惑度越高，说明语言模型训练得越好。", "FC488", True),
    # the read phrasing sets' traps it flagged while it was written, reworded: a move denied before the knob, the knob
    # named again before the change, a quiz statement judged false, a question without its mark
    ("所以并不是 dropout 丢弃率越大正则化越弱。", "FC482", False),
    ("大 batch ≠ 梯度噪声更大。", "FC485", False),
    ("我们把 top-p 从 0.9 降到 0.6：p 越大候选集合越大、越多样。", "FC475", False),
    ("我们把 top-p 从 0.9 降到 0.6，候选集合变大了。", "FC475", True),
    ("判断：“KNN 里 k 越小，模型越简单。”答：错误。", "FC484", False),
    ("把温度调高以后，输出是更确定还是更随机", "FC476", False),
    # forms added in the thirty-ninth session, in wording of my own: two settings each with what holds under it, two
    # settings compared with 比 and a bare comparative after the second, a goal before a list's 、, a move as far as
    # possible, a move named before the knob by 加强/减弱, a knob said to grow stronger
    ("LoRA 的 r=4 时可训练参数多，r=64 时可训练参数才少。", "FC478", True),
    ("LoRA 的 r=4 时可训练参数少，r=64 时可训练参数才多。", "FC478", False),
    ("分类阈值取 0.8 时的召回率比取 0.2 时还高。", "FC477", True),
    ("分类阈值取 0.8 时的召回率比取 0.2 时更低。", "FC477", False),
    ("LoRA 的 r=64 的可训练参数比 r=4 的少。", "FC478", True),
    ("LoRA 的 r=64 的可训练参数比 r=4 的多。", "FC478", False),
    ("LoRA 的 r=64 的可训练参数比 r=4 的少吗？", "FC478", False),
    ("想让序列更短、显存更省，就把词表调小。", "FC480", True),
    ("想让序列更短、显存更省，就把词表调大。", "FC480", False),
    ("要让模型显得更好，就要把验证集困惑度做得尽量高。", "FC488", True),
    ("要让模型显得更好，就要把验证集困惑度做得尽量低。", "FC488", False),
    ("减弱 L2 正则系数能缓解过拟合。", "FC483", True),
    ("加强 L2 正则系数能缓解过拟合。", "FC483", False),
    ("PPO 的 KL 惩罚越强，策略离 SFT 模型越远。", "FC479", True),
    ("PPO 的 KL 惩罚越强，策略离 SFT 模型越近。", "FC479", False),
    # the dev corpus's false alarms of this session's forms, reworded: the knob named again before the change (its own
    # purpose, not the move's), a goal that is the knob's own purpose or lies past a turn
    ("欠拟合时应调低正则化系数，正则化本来就是用来防止过拟合的。", "FC483", False),
    ("正则化是为了抑制过拟合，如果模型反而欠拟合，就调低正则化系数。", "FC483", False),
    ("想抑制过拟合，就调低正则化系数。", "FC483", True),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_direction_reading(text, code, expected):
    alone = Linter(RULES, KB, select=[code])  # (the reader itself: an older rule of the misconception may report it too)
    assert (code in {f.code for f in alone.lint_text(item(text), "t.md")}) is expected, text


def test_an_older_rule_of_the_same_misconception_reports_the_slip_alone():
    """One slip, one finding: where a rule of another kind reports the same misconception on the line, the direction
    rule's finding is left out; run alone, the direction rule reports it."""
    text = item("核采样里把 p 调高，保留的候选词会更少。")
    codes = found(text)
    assert "FC406" in codes and "FC475" not in codes
    alone = Linter(RULES, KB, select=["FC475"])
    assert [f.code for f in alone.lint_text(text, "t.md")] == ["FC475"]


def test_a_direction_rule_with_a_bad_knob_pattern_is_a_rule_file_error(tmp_path):
    from qatool.lint.loader import RuleFileError, load_rule_files
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - code: XX001\n    name: bad-knob\n    kind: direction\n    knob: '(unclosed'\n"
                   "    effects: [{names: 'x', moves: same}]\n    severity: error\n    message: m\n"
                   "    docs: {what: w, why: y, fail: f, pass: p}\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_files([bad])
    assert "bad.yaml:5" in str(err.value)
