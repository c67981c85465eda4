"""Readings fixed in the eleventh session (2026-12-02) after the thirty-seventh untuned trial, in wording of my own.

A term that a difference is stated against (`和 GPT 的区别就是 BERT…`) owns nothing after it; a sentence that opens
with a counted noun phrase (`加权平均的 m 个学习器…`) has a subject of its own; a property never begins with the
subject's own name (`召回率是指实际为正类的样本中…`: the 召回 of 召回率 is no verb); an English title in a book's
brackets is no author; a heading numbered again in the other language of a bilingual article is a translation,
not a repeated number. After the thirty-eighth: what a term is paired with (`使用 warm-up，搭配线性衰减`) is not the
term's; a gate of another kind (a tanh gate on cross-attention, GLU) is no LSTM gate."""
from __future__ import annotations

import pytest

from qatool.lint.document import load_doc
from qatool.lint.engine import Linter
from qatool.lint.pyrules import _bilingual_twin

DEFAULT = Linter.default()


def found(text: str) -> set[str]:
    return {f.code for f in DEFAULT.lint_text(text, "t.md")}


def item(answer: str) -> str:
    return f"### 1. 请谈谈你的理解。\n\n**答案：** {answer}\n"


@pytest.mark.parametrize("answer,code", [
    # the difference is said of the term after 区别就是 / 区别在于, not of the one it is compared with
    ("GPT 是单向语言模型（它和gpt的区别就是bert叫双向），更适合生成。", "FC174"),
    ("和 GPT 的区别就是 BERT 是双向的。", "FC174"),
    ("ELMo 与 GPT 的差异是 BERT 用了双向的 Transformer 编码器。", "FC174"),
    # a counted noun phrase opens a subject of its own
    ("AdaBoost 的基学习器有先后顺序，后一个依赖前一个的误差。加权平均的 m 个学习器是可以并行训练的。", "FC445"),
    ("Boosting 是串行的。随机森林的多棵树都可以并行训练。", "FC445"),
    # the right definitions of recall, with 召回率 as the sentence's subject
    ("**召回率（Recall）**：召回率是指实际为正类的样本中被正确分类为正类的比例，它关注的是查全率。", "FC101"),
    ("召回率就是真实为正的样本里被模型找出来的比例。", "FC101"),
    # (38th trial) what a term is paired with is not the term's: warm-up, then a decay schedule
    ("BERT 微调用 AdamW，使用 warm-up，搭配线性衰减。", "FC145"),
    ("训练时先用 warmup，再配合余弦退火逐步降低学习率。", "FC145"),
    # another kind of gate: a tanh gate on an inserted cross-attention layer, a GLU
    ("Flamingo 在层间插入门控跨注意力，门控参数经过 tanh gate，初始化为 0。", "FC359"),
    ("SwiGLU 的门控分支不用 tanh，而是用 Swish；GLU 原文的门控用 sigmoid，有的变体门控用 tanh。", "FC359"),
    # (39th trial) the term as a step done, then the next step: what follows is that step's
    ("多层特征各自平均池化后，通过可学习的权重加权融合。", "FC181"),
    ("先做最大池化，之后再用带可学习参数的 1x1 卷积调整通道。", "FC181"),
])
def test_correct_statements_are_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("BERT 和 GPT 的区别就是 GPT 是双向的。", "FC174"),  # the term after 区别就是 is still the subject
    ("和 BERT 的区别在于 GPT 是双向的。", "FC174"),
    ("Boosting 的各个基学习器可以并行训练。", "FC445"),  # no counted noun of its own: said of Boosting
    ("召回率是指预测为正类的样本中真正为正类的比例。", "FC101"),
    ("召回率：被召回为正的样本中真正为正的比例。", "FC101"),  # a phrasing's verb after the name still counts
    ("warm-up 阶段让学习率线性衰减。", "FC145"),
    ("LSTM 的门控用 tanh 激活，取值在 -1 到 1 之间。", "FC359"),
    ("池化层也有可学习的参数。", "FC181"),
])
def test_the_slips_are_still_caught(answer, code):
    assert code in found(item(answer)), answer


def test_an_english_title_in_a_books_brackets_is_no_author():
    assert "FC205" not in found("### 1. 推荐书目？\n\n**答案：** 《深度学习》（Deep Learning）：由 Goodfellow 等人所著。\n")
    assert "FC205" not in found("### 1. 推荐书目？\n\n**答案：** 《统计学习方法》（Statistical Learning Methods）。\n")
    assert "FC205" in found("### 1. 推荐书目？\n\n**答案：** 《深度学习》（Andrew Ng）是入门经典。\n")


def test_a_heading_given_again_in_english_is_a_bilingual_twin():
    doc = load_doc("# 文\n\n### 3.5 总结\n\n内容。\n\n### 3.5 Summary\n\nText.\n\n### 3.6 展望\n\n内容。\n\n### 3.6 展望\n\n又一次。\n", "t.md")
    assert _bilingual_twin(doc, 3, 7)  # 总结 / Summary
    assert not _bilingual_twin(doc, 11, 15)  # the same heading twice: a repeat
    assert not _bilingual_twin(doc, 3, 11)
    later = load_doc("# 文\n\n### 3.3 带数字的例子\n\n内容。\n\n### 3.4 小结\n\n内容。\n\n### 3.3. FAST+ (Universal Tokenizer)\n\nText.\n", "t.md")
    assert not _bilingual_twin(later, 3, 11)  # numbered again further on, past another heading: a repeat


# ------------------------------------------------------------------- a dialogue reported inside an answer

@pytest.mark.parametrize("answer,code", [
    # the answering turn goes on with what the asking turn asked, as an item's answer goes on with its question
    ("面试官：学习率预热是做什么的？\n我：在训练初期逐步减小学习率，避免一开始就震荡。", "FC145"),
    ("Q：AUC 越大越好还是越小越好？\nA：越小越好，0 最理想。", "FC109"),
    # a yes/no answer to a question that asks the claim
    ("面试官：GPT 是双向模型吗？\n候选人：是的，它能同时看到左右两边。", "FC174"),
    ("面试官：k-means 属于无监督学习吗？\n我：不是，它需要标签。", "FC438"),
])
def test_an_answering_turn_goes_on_with_the_question_turn(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("面试官：学习率预热是做什么的？\n我：训练刚开始时把学习率从很小逐步调大。", "FC145"),
    ("Q：AUC 越大越好还是越小越好？\nA：越大越好。", "FC109"),
    ("面试官：GPT 是双向模型吗？\n候选人：不是，它是单向的自回归模型。", "FC174"),
    ("面试官：k-means 属于无监督学习吗？\n我：是的，不需要标签。", "FC438"),
    # no turn: a question line and a line that does not answer it (no answering label)
    ("GPT 是双向模型吗？\n是的话就不能做生成了。", "FC174"),
    # the answering turn under a question that names another term
    ("面试官：BERT 是双向模型吗？\n我：是的，它能同时看到左右两边。", "FC174"),
])
def test_right_answers_and_lines_that_are_no_turns_are_not_flagged(answer, code):
    assert code not in found(item(answer)), answer
