"""Readings added in the eighteenth session (2026-12-03), in wording of my own.

From the fifteenth phrasing set's misses (read after the sixteenth set was measured): a question and its answer
on one line (`Q：…？A：…`, a flashcard's `正面：…？｜背面：…`) state together what the answer completes; an
interviewer's question reported in the sentence that gives the answer (`面试官问 X 的 P，我说是 V`) does too, unless
the interviewer's verdict follows (`面试官说不对`). A question of why or how, one answered no, or one left unanswered
states nothing. A short exclamation between a question and its answer (`…？很简单！…`) does not stop the answer going on
with the question's term. From the fifty-fifth trial: a property that is one item in the middle of an enumeration
(`分成 model-free、on-policy、off-policy、offline RL 等`) says nothing of the topic carried into its clause; a clause said
to give only a thing's form (`X 是 A 的形式，B 的实质`, `形式上是 A`) is a hedge. A claim rule's word of change up or
down (`变大`, `降低`) reads an arrow too (`batch size ↑ → 梯度噪声 ↑`), as notes write it."""
from __future__ import annotations

import pytest

from tests.lint.readings import found, item


@pytest.mark.parametrize("answer,code", [
    # a question that asks for a value, answered on the same line
    ("问：BERT 的注意力方向？答：单向，只看左侧上下文。", "FC173"),
    ("Q：PCA 属于哪类方法？A：有监督降维。", "FC442"),
    ("**Q：** PCA 属于哪类方法？ **A：** 有监督降维。", "FC442"),
    ("Q：BN 推理时用什么统计量？A：当前 batch 的均值和方差。", "FC138"),
    ("正面：BN 推理时的统计量？｜背面：当前 batch 的均值和方差。", "FC138"),
    # a yes/no question its answer affirms by echoing the verb
    ("Q：L2 正则会让权重稀疏吗？A：会，很多权重直接变成 0。", "FC134"),
    # an interviewer's question reported with the answer given
    ("面试官问 PCA 是哪类方法，我说是有监督的降维。", "FC442"),
    ("面试官问 GPT 的预训练目标，我答的是掩码语言模型 MLM。", "FC175"),
    # an exclamation between the question and its answer
    ("LayerNorm 在哪个维度上归一化？很简单！在 batch 维度上统计均值和方差。", "FC320"),
    # the carried topic with a property of its own (not one item of a list of kinds)
    ("PPO 用 clip 限制更新幅度。它属于 off-policy 算法，可以反复用旧数据。", "FC398"),
    ("PPO 用 clip 限制更新幅度，属于 off-policy、model-free 的算法。", "FC398"),
    ("ZeRO 是模型并行的一种。", "FC431"),
    # arrows for a change up or down
    ("batch size ↑ → 梯度估计的方差 ↑", "FC333"),
    ("正则化系数 λ ↑ → 过拟合 ↑", "FC316"),
])
def test_the_slip_is_found(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("问：BERT 的注意力方向？答：双向，同时看左右上下文。", "FC173"),
    ("Q：PCA 属于哪类方法？A：无监督降维。", "FC442"),
    ("Q：BN 推理时用什么统计量？A：训练时累积的滑动平均，不是当前 batch 的。", "FC138"),
    # answered no, unanswered, or asking why
    ("Q：L2 正则会让权重稀疏吗？A：不会，稀疏的是 L1。", "FC134"),
    ("Q：L2 正则会让权重稀疏吗？", "FC134"),
    ("Q：PCA 是有监督的吗？A：不是，它不用标签。", "FC442"),
    ("Q：为什么 L2 正则不会让权重稀疏？A：因为梯度随权重变小而变小。", "FC134"),
    ("面试官问 PCA 是不是有监督的，我说不是。", "FC442"),
    # the interviewer's verdict on the answer given
    ("面试官问 GPT 的预训练目标，我说是 MLM，面试官说不对，是下一个词预测。", "FC175"),
    # one kind in an enumeration of kinds; a form said to differ from the substance
    ("PPO 用 clip 限制更新幅度。强化学习算法按数据来源可以分成 model-free、on-policy、off-policy、offline RL 等几类。", "FC398"),
    ("其实**ZeRO是模型并行的形式，数据并行的实质**。", "FC431"),
    ("ZeRO 形式上是模型并行，本质上还是数据并行。", "FC431"),
    ("batch size ↑ → 梯度估计的方差 ↓", "FC333"),
    ("正则化系数 λ ↑ → 过拟合 ↓", "FC316"),
])
def test_the_trap_is_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


def test_the_rewrite_keeps_every_position():
    from qatool.lint.claims import _INLINE_QA_RE, _inline_answer
    text = "Q：Leaky ReLU 负区间梯度？A：0，跟 ReLU 一样。"
    m = _INLINE_QA_RE.search(text)
    assert m is not None
    chars = list(text)
    for k, c in _inline_answer(text, m) or []:
        chars[k] = c
    merged = "".join(chars)
    assert len(merged) == len(text)
    assert merged.split() == ["Leaky", "ReLU", "负区间梯度是", "0，跟", "ReLU", "一样。"]


def test_arrows_join_the_words_of_change_outside_character_classes():
    import regex

    from qatool.lint.claims import with_arrows
    assert with_arrows("稀疏") == "稀疏"
    assert with_arrows("[^变大]变小?") == "[^变大]变小?"  # in a class, or under a quantifier of its own: as written
    rx = regex.compile(with_arrows(r"噪声[^，。]{0,4}?(?:越大|变大)"))
    assert rx.search("噪声 ↑") and rx.search("噪声越大") and not rx.search("噪声 ↓")
    assert regex.compile(with_arrows("降低")).search("lr↓")
