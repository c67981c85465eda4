"""Readings added in the tenth session (2026-12-02), in wording of my own.

Recall: an answer that opens with a degree adverb (`越小越好`, `更容易…`) goes on with the question's term; a
line that gives one's answer (`我答：…`) to the question reported on the line before goes on with what was asked;
an answer that echoes the verb of its yes/no question (`需要标签吗？` -> `需要，…`) answers yes (or no, denied).

Precision (thirty-fourth untuned trial: human-written notes): a property inside a compared pair (`A 与单向模型的
差异`, `与单向模型相比`, `优于从左到右的单向训练`) is not claimed of the sentence's term; a contrast that opens
with a phrasing qualifying a noun (`，而自回归模型…`) has a subject of its own; a sentence that names a thing of its
own (`…称为 TLM`) ends what 其 stands for; a number is said of the previous sentence's own term, not of one carried
through sentences that name none; a fraction (`3/4`) is not its numerator."""
from __future__ import annotations

import pytest

from qatool.lint.engine import Linter

DEFAULT = Linter.default()


def found(text: str) -> set[str]:
    return {f.code for f in DEFAULT.lint_text(text, "t.md")}


# ----------------------------------------------------------------------------------------- recall

@pytest.mark.parametrize("text,code", [
    ("### 1. AUC 怎么看？\n\n越小越好，最好能压到 0。", "FC109"),
    ("### 1. 困惑度怎么看？\n\n越大越好，说明模型越好。", "FC111"),
    ("### 1. 学习率调大会怎样？\n\n越大越稳定，收敛更精确。", "FC146"),
])
def test_an_answer_that_opens_with_a_degree_adverb_goes_on_with_the_question(text, code):
    assert code in found(text), text


@pytest.mark.parametrize("text,code", [
    ("### 1. AUC 怎么看？\n\n越大越好，1 最理想。", "FC109"),  # the right direction
    ("### 1. 困惑度怎么看？\n\n越小越好，说明模型越好。", "FC111"),
    # a degree adverb before a noun phrase (`过于简单的模型`) opens a subject of its own
    ("### 1. 模型复杂度怎么选？\n\n过于简单的模型容易欠拟合，太复杂的模型容易过拟合。", "FC132"),
])
def test_no_degree_adverb_reading_where_the_text_is_right(text, code):
    assert code not in found(text), text


def test_my_answer_on_the_next_line_goes_on_with_the_reported_question():
    assert "FC109" in found("面试官问 AUC 怎么看。\n我答：越小越好，0 最理想。")
    assert "FC109" not in found("面试官问 AUC 怎么看。\n我答：越大越好，1 最理想。")


@pytest.mark.parametrize("text", [
    "### 1. K-means 需要标签吗？\n\n需要，要先用标签确定初始中心。",
    "### 1. K-means 属于有监督学习吗？\n\n属于，训练要用到类别。",
])
def test_an_echo_of_the_questions_verb_answers_yes(text):
    assert "FC438" in found(text), text


@pytest.mark.parametrize("text", [
    "### 1. K-means 需要标签吗？\n\n不需要，它按距离把样本分簇。",  # the echo denied
    "### 1. K-means 需要标签吗？\n\n标签的话，不需要。",  # the object, not the verb
    "### 1. K-means 需要调哪些参数？\n\n需要，主要是簇数 k。",  # not a yes/no question
])
def test_no_echo_answer_where_none_is_given(text):
    assert "FC438" not in found(text), text


# -------------------------------------------------------------------------------------- precision

@pytest.mark.parametrize("text", [
    "ELMo 之后的进步，多半来自双向语言模型与单向语言模型的差异，BERT 就是例子。",
    "BERT 的论文说明，与单向语言模型相比，双向训练能看到更多上下文。",
    "BERT 开始收敛慢一些，但训练久了，双向训练仍然优于从左到右的单向训练。",
    "BERT 收敛更慢（每批只预测 15% 的词，而自回归模型每个位置都参与训练）。",
])
def test_a_compared_property_is_not_claimed_of_the_term(text):
    assert "FC173" not in found(text), text


def test_bert_called_unidirectional_is_still_found():
    assert "FC173" in found("BERT 是一个从左到右的单向语言模型。")


def test_a_sentence_that_names_a_thing_of_its_own_ends_what_its_refers_to():
    base = "### 1. GPT 如何训练？\n\nGPT 是 OpenAI 提出的模型。{}其训练方式是把一部分词遮蔽掉，再让模型还原出被遮蔽的词。"
    assert "FC175" in found(base.format(""))
    assert "FC175" not in found(base.format("另一种目标被称为 TLM。"))


def test_a_number_is_said_of_the_sentence_befores_own_term():
    assert "FC387" in found("### 1. 讲讲 BERT\n\nBERT 的输入有长度限制。最大长度只能是 128。")
    # two sentences that name no term stand between: the number is the paper's, not BERT's
    assert "FC387" not in found("### 1. 讲讲 BERT\n\nBERT 的掩码策略很有名。后来的工作改进了掩码。文中最大长度只能是 10。")


def test_a_fraction_is_not_its_numerator():
    assert "FC305" in found("MRR = (1 + 3)/2 = 2。")
    assert "FC305" not in found("MRR = (1/2 + 1)/2 = 3/4 = 0.75。")


@pytest.mark.parametrize("text,code", [
    # negative sampling in a recommender (in-batch plus uniform negatives) is not word2vec's
    ("双塔召回常用混合负采样：batch 内负采样加上全库均匀采样。", "FC434"),
    # first and second derivatives named together
    ("XGBoost 允许自定义损失，只需要损失函数一阶二阶可导即可。", "FC447"),
])
def test_no_finding_on_correct_text_of_other_settings(text, code):
    assert code not in found(text), text


@pytest.mark.parametrize("text,code", [
    ("word2vec 的负采样按均匀分布抽取负样本。", "FC434"),
    ("XGBoost 只用一阶梯度来拟合每棵树。", "FC447"),
])
def test_the_same_rules_still_find_the_slip(text, code):
    assert code in found(text), text
