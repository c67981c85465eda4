"""Readings added in the eighteenth session (2026-12-03), in wording of my own.

From the fifteenth phrasing set's misses (read after the sixteenth set was measured): a question and its answer
on one line (`Q：…？A：…`, a flashcard's `正面：…？｜背面：…`) state together what the answer completes; an
interviewer's question reported in the sentence that gives the answer (`面试官问 X 的 P，我说是 V`) does too, unless
the interviewer's verdict follows (`面试官说不对`). A question of why or how, one answered no, or one left unanswered
states nothing. A short exclamation between a question and its answer (`…？很简单！…`) does not stop the answer going on
with the question's term. From the fifty-fifth trial: a property that is one item in the middle of an enumeration
(`分成 model-free、on-policy、off-policy、offline RL 等`) says nothing of the topic carried into its clause; a clause said
to give only a thing's form (`X 是 A 的形式，B 的实质`, `形式上是 A`) is a hedge. A claim rule's word of change up or
down (`变大`, `下降`) reads an arrow too (`batch size ↑ → 梯度噪声 ↑`), as notes write it, and a judgement in casual
words reads as the rule's (`越厉害` for `越好`). A warning not to get it wrong (`…，面试别说反了！`, `千万别记混`)
reports no belief: it insists on what the sentence states (`别把 X 说成 Y` still reports Y); `面试问到 X，…` supposes.
From the fifty-sixth trial: an option of a multiple-choice question (`- D. L2 正则更稀疏`) is offered, not stated; what is
skipped or dropped (`跳过显式训练奖励模型`) is denied; a change from a term to something else (`从教师强制转向模型预测`)
gives no property of the term; `A 与 B 同属 C` states C of both; sparse data is no sparse solution, a feature selector no
feature selection by L2; Supervised PCA and attention pooling are methods of their own; a span ftfy finds odd but
cannot decode into anything else (`≈“` on a line with `×`) is no mojibake. A comparison whose result the sentence goes
on to state (`比较两种格式可知，…`) is no exam prompt."""
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
    # an A-not-A question its answer affirms
    ("Q：GRU 有没有单独的细胞状态？A：有，c_t 与 h_t 各自维护。", "FC361"),
    # an interviewer's question reported with the answer given
    ("面试官问 PCA 是哪类方法，我说是有监督的降维。", "FC442"),
    ("面试官问 GPT 的预训练目标，我答的是掩码语言模型 MLM。", "FC175"),
    ("面试官问 k-means 需要标签吗，我答：需要，先用标签确定每个簇的中心。", "FC438"),
    # an exclamation between the question and its answer
    ("LayerNorm 在哪个维度上归一化？很简单！在 batch 维度上统计均值和方差。", "FC320"),
    # the carried topic with a property of its own (not one item of a list of kinds)
    ("PPO 用 clip 限制更新幅度。它属于 off-policy 算法，可以反复用旧数据。", "FC398"),
    ("PPO 用 clip 限制更新幅度，属于 off-policy、model-free 的算法。", "FC398"),
    ("ZeRO 是模型并行的一种。", "FC431"),
    ("ZeRO 是模型并行的一种。有人说它是数据并行的形式，模型并行的实质。", "FC431"),
    # arrows for a change up or down
    ("batch size ↑ → 梯度估计的方差 ↑", "FC333"),
    ("正则化系数 λ ↑ → 过拟合 ↑", "FC316"),
    # a judgement in casual words
    ("语言模型的困惑度越高，模型就越厉害。", "FC111"),
    # a warning not to get it wrong insists on the statement
    ("L2 正则会产生稀疏解，这点面试千万别记反了。", "FC134"),
    ("PCA 是有监督的降维方法，别搞混了！", "FC442"),
    ("面试问到 L2 正则，要说它会产生稀疏解。", "FC134"),
    # fifty-sixth trial: the slips around each false alarm's mechanism are still found
    ("教师强制就是把模型上一步的预测喂给解码器。", "FC360"),
    ("DPO 需要先训练一个奖励模型。", "FC397"),
    ("k 近邻与 k-means 同属聚类方法。", "FC441"),
    ("KNN 和 k-means 同为聚类算法。", "FC441"),
    ("L2 正则会让权重变得稀疏。", "FC134"),
    ("岭回归可以用来做特征选择。", "FC134"),
    ("PCA 是有监督的降维方法。", "FC442"),
    ("最大池化层有可学习的参数。", "FC181"),
    ("LoRA 的秩增大，可训练参数反而减少。", "FC390"),
    ("答案：D。L2 正则更稀疏，所以选 D。", "FC134"),
    ("比较两种 16 位格式可知，BF16 的精度高于 FP16。", "FC419"),
    ("对比 L1 和 L2 可以看出，L2 正则会产生稀疏解。", "FC134"),
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
    ("Q：GRU 有没有单独的细胞状态？A：没有，只有隐藏状态 h_t。", "FC361"),
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
    ("语言模型的困惑度越低，模型就越厉害。", "FC111"),
    # the mistaken reading named after the warning is reported
    ("别把 L1 和 L2 搞反了，以为 L2 正则会产生稀疏解。", "FC134"),
    ("千万别说 PCA 是有监督的降维方法。", "FC442"),
    ("L1 正则会产生稀疏解，别记反了。", "FC134"),
    ("β2 是二阶矩的衰减率。面试问到一阶矩、二阶矩，别说反。", "FC327"),
    # fifty-sixth trial
    ("- D. L2 正则更稀疏", "FC134"),
    ("（A）岭回归引入 L1 正则项，可以把部分系数压成 0。", "FC313"),
    ("B、DPO 需要先训练一个奖励模型", "FC397"),
    ("DPO 跳过了显式训练奖励模型这一步，直接在偏好对上优化。", "FC397"),
    ("计划采样：训练时逐渐从教师强制转向使用模型自己的预测。", "FC360"),
    ("Scheduled sampling gradually shifts from teacher forcing to the model's own predictions.", "FC360"),
    ("Ridge 在高维稀疏数据上仍是强基线：L2 正则化加线性模型表现优异。", "FC134"),
    ("把 Ridge 系数的绝对值当作特征选择器，取 Top-K 个特征。", "FC134"),
    ("需要用到标签时，可以考虑 Supervised PCA 这类有监督降维方法。", "FC442"),
    ("Attention pooling 会学习一组权重做加权平均。", "FC181"),
    ("LoRA 冻结原权重，只训练低秩增量矩阵，减少可训练参数量。", "FC390"),
    ("请比较 BF16 与 FP16：BF16 的精度是否高于 FP16？", "FC419"),
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

    from qatool.lint.claims import with_variants
    assert with_variants("稀疏") == "稀疏"
    assert with_variants("[^变大]变小?") == "[^变大]变小?"  # in a class, or under a quantifier of its own: as written
    rx = regex.compile(with_variants(r"噪声[^，。]{0,4}?(?:越大|变大)"))
    assert rx.search("噪声 ↑") and rx.search("噪声越大") and not rx.search("噪声 ↓")
    assert regex.compile(with_variants("下降")).search("loss↓")
    assert with_variants("降低") == "降低"  # (a verb that acts on an object: an arrow after a noun is the noun's change)
    assert with_variants("(?<!越大)越小") == "(?<!越大)(?:越小|↓)"  # (a lookaround keeps its words)


def test_problems_grouped_by_their_number_are_no_repeat():
    from tests.lint.readings import DEFAULT
    exam = "## 2025-09-03 笔试\n\n" + "".join(f"### 第{n}题-题目{k}\n\n题解{k}。\n\n" for k, n in enumerate([2, 2, 2, 3, 3]))
    assert not [f for f in DEFAULT.lint_text(exam, "t.md") if f.code == "QA004"]
    pasted = "".join(f"### {n}. 问题{k}？\n\n**答案：** 答{k}。\n\n" for k, n in enumerate([1, 2, 3, 3, 4]))
    assert [f.line for f in DEFAULT.lint_text(pasted, "t.md") if f.code == "QA004"]
    alone = "## 2025-09-03 笔试\n\n" + "".join(f"### 第3题-题目{k}\n\n题解{k}。\n\n" for k in range(2))
    assert not [f for f in DEFAULT.lint_text(alone, "t.md") if f.code == "QA004"]
    continued = "".join(f"### {n}. 问题{k}？\n\n**答案：** 答{k}。\n\n" for k, n in enumerate([5, 6, 7, 7, 8]))
    assert [f.line for f in DEFAULT.lint_text(continued, "t.md") if f.code == "QA004"]


def test_an_odd_span_that_decodes_to_itself_is_no_mojibake():
    from qatool.lint.chars import mojibake_spans
    assert not list(mojibake_spans("误差≈“一个变动 × 另一个的量级”"))
    assert [kind for _, _, kind, _ in mojibake_spans("è¿™æ˜¯ä¸€ä¸ªæµ‹è¯•")] == ["latin1"]
