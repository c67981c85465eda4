"""Readings added in the eighth session (2026-12-02) from the twenty-eighth untuned trial's false alarms,
in wording of my own: a sentence that defines a thing of its own (`距离上的对称性指的是…`) does not go on
with the previous sentence's term; in a pair (`A/自回归 B`, `A 和双向 B`) a property glued to the next term
names that term; and a list led in as steps in order, or trailing off with an ellipsis, may repeat a
short step."""
from __future__ import annotations

import pytest

from qatool.lint.engine import Linter

DEFAULT = Linter.default()


def codes(answer: str) -> set[str]:
    text = f"### 1. 请谈谈你对这个问题的理解。\n\n**答案：**\n\n{answer}\n"
    return {f.code for f in DEFAULT.lint_text(text, "t.md")}


@pytest.mark.parametrize("answer,code", [
    # a sentence that defines the property word itself is about that word
    ("相对熵看上去像距离，其实不是，因为它不满足对称性。数学上的对称性是指交换两个参数结果相同。", "FC118"),
    ("KL 散度没有对称性。所谓度量的对称性，指的是 d(a,b) 与 d(b,a) 相等。", "FC118"),
    # a property glued to the next term of a pair names that term
    ("做文本分类时可以选双向 BERT/自回归 GPT 等预训练模型。", "FC173"),
    ("下游任务常用的基座有编码器 BERT 和自回归GPT。", "FC173"),
])
def test_what_defines_a_property_or_names_the_next_term_is_no_claim(answer, code):
    assert code not in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    # the slip itself, stated of the term, still counts
    ("KL 散度是对称的。对称性指的是交换两个分布结果不变。", "FC118"),
    ("BERT 是自回归 Transformer 模型。", "FC173"),
    ("BERT/自回归模型都适合直接做文本生成。", "FC173"),
    # a sentence without its own definition goes on with the term before
    ("KL 散度常用来衡量分布差异。并且满足对称性，可以当作距离。", "FC118"),
])
def test_the_slip_stated_of_the_term_is_still_found(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer", [
    "训练一步的顺序：\n\n1. 前向\n2. 反向\n3. 更新\n4. 前向\n5. 反向",
    "服务端处理过程：\n\n- load\n- step\n- step\n- step",
    "- prefill\n- decode\n- decode\n- …",
])
def test_a_sequence_may_repeat_a_short_step(answer):
    assert "QA005" not in codes(answer), answer


@pytest.mark.parametrize("answer", [
    "缓解过拟合的方法：\n\n- 数据增强\n- 早停\n- 数据增强",  # no sequence: a repeated item
    "训练流程：\n\n- 先把学习率调小，再观察验证集损失。\n- 保存模型。\n- 先把学习率调小，再观察验证集损失。",  # a repeated sentence
    "1. 正则化\n2. 早停\n3. 正则化",  # numbered, but not led in as steps
])
def test_a_repeated_item_outside_a_sequence_is_still_found(answer):
    assert "QA005" in codes(answer), answer


@pytest.mark.parametrize("answer,code,flagged", [
    # 前者/后者 are the last two terms named before them, not the first and last distinct ones
    ("正则化常见的做法有很多，比较典型的是 L2 正则和 L1 正则，前者让权重变小，后者能产生稀疏解。", "FC134", False),
    ("位置编码有两类：正弦位置编码和可学习的位置嵌入，前者用固定公式，后者是训练得到的。", "FC372", False),
    ("正则化常见的做法有很多，比较典型的是 L1 正则和 L2 正则，前者让权重变小，后者能产生稀疏解。", "FC134", True),
])
def test_former_and_latter_are_the_last_two_terms_named(answer, code, flagged):
    assert (code in codes(answer)) is flagged, answer


def lint_codes(md: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.code) for f in DEFAULT.lint_text(md, "t.md"))


def test_a_fence_swallowed_by_an_html_block_stays_code_for_the_linter():
    # CommonMark ends the `<h2>` HTML block at the blank line, so the fence renders as text; the author
    # wrote code, and a special token printed in it is an example, not a leak
    md = ("## 1. 对话模板长什么样？\n\n**答案：**\n\n<h2 id=\"demo\">示例</h2>\n```text\nprint(template)\n\n"
          "<|im_start|>user\n你好<|im_end|>\n```\n\n模板由分词器生成。\n")
    assert [c for _, c in lint_codes(md) if c == "FM001"] == []
    # prose after the fences is prose: a token there is a leak (CommonMark takes the closing fence for an
    # opening one, which the next block's closing fence ends)
    md2 = md + "\n```python\nx = 1\n```\n\n谢谢阅读<|endoftext|>\n"
    assert [n for n, c in lint_codes(md2) if c == "FM001"] == [md2.count("\n", 0, md2.index("谢谢")) + 1]
    # an HTML block that swallowed no fence changes nothing
    md3 = "## 1. 题目？\n\n**答案：**\n\n<div>\n说明</div>\n\n正文<|vq_1|>\n"
    assert [c for _, c in lint_codes(md3) if c == "FM001"] == ["FM001"]


@pytest.mark.parametrize("answer,code", [
    # a short bold section label that names no term is read past: the line is about the term after it
    ("**结论：** 层归一化计算简单，统计量沿 batch 维度求得。", "FC320"),
    ("**一句话总结：** LN 不需要额外参数，统计量沿 batch 维度求得。", "FC320"),
])
def test_a_section_label_is_read_past(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    # a label that refutes or warns says how to read the line: nothing is claimed
    ("**误区：** LN 的统计量是在 batch 维度上求的。", "FC320"),
    # a bracket still open at the property is an aside of its own: its negation is read alone
    ("L2 正则不会让参数变成 0（不会产生稀疏的权重），所以特征都保留下来。", "FC134"),
    # an aside without a negation of its own restates what is before it: the negation outside holds
    ("sigmoid 函数输出的均值不是 0（即 zero-centered），这会让梯度更新走之字形。", "FC341"),
    ("sigmoid 的输出均值不是0（也就是 zero-centered 不成立）。", "FC341"),
    ("微调时不希望太快改变预训练权重（尤其是随机初始化的分类头刚接上时）。", "FC156"),
    # after a colon a name the glossary does not know is the subject of its own clause
    ("再比较 TP vs PP：TP 把单个权重矩阵切到多卡，PP 按层切。", "FC427"),
])
def test_refuting_labels_asides_and_named_subjects_state_no_slip(answer, code):
    assert code not in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("L2 正则会让很多参数变成 0（产生稀疏的权重）。", "FC134"),  # the aside affirms: still the slip
    ("流水线并行：把单个权重矩阵切到多卡。", "FC427"),  # the colon after the term itself
])
def test_the_slip_after_an_aside_or_a_colon_is_still_found(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,code,flagged", [
    # a final 嘛 asserts: the sentence states what it says
    ("F1 嘛，其实就是精确率和召回率的算术平均嘛。", "FC108", True),
    ("我理解召回率就是预测为正的样本里真正为正的比例嘛。", "FC101", True),
    # 吗 and 干嘛 still ask
    ("F1 就是精确率和召回率的算术平均吗？", "FC108", False),
    ("F1 就是精确率和召回率的算术平均吗", "FC108", False),
])
def test_a_final_ma_asserts(answer, code, flagged):
    assert (code in codes(answer)) is flagged, answer
