"""Readings added in the ninth session (2026-12-02), in wording of my own: a subject goes on across the lines
of one paragraph as it does across the sentences of one line (`X 是…。⏎它…`), but not across a blank line, a
list entry or a hard-wrapped line; an exam prompt that does its task after a colon (`对比两种归一化：…`)
states what follows the colon; a term used within a frame of when (`在使用 X 的时候…`) is not what the clause
is said of (thirty-first untuned trial); and a list entry is all its lines when QA005 compares entries (two
JSON examples that both open with `* {`, thirty-first trial)."""
from __future__ import annotations

import pytest

from qatool.lint.engine import Linter

DEFAULT = Linter.default()


def codes(answer: str) -> set[str]:
    text = f"### 1. 请谈谈你对这个问题的理解。\n\n**答案：**\n\n{answer}\n"
    return {f.code for f in DEFAULT.lint_text(text, "t.md")}


@pytest.mark.parametrize("answer,code", [
    # 它 on the next line of the paragraph is the term the line before named
    ("LayerNorm 是 Transformer 里常用的归一化。\n它沿 batch 维度为每个特征统计均值和方差。", "FC320"),
    ("k-means 是经典的聚类算法。\n它需要用带标签的数据来训练，属于有监督学习。", "FC438"),
    # a line with no term at all goes on with the subject of the line before (as on one line)
    ("**要点：** BPE 从单个字符出发构造词表。\n每次迭代把出现次数最少的相邻符号对合并成新符号。", "FC379"),
    # in the prose outside any item as well
    ("# 笔记\n\nk-means 是经典的聚类算法。\n它要用带标签的数据来训练，属于有监督学习。", "FC438"),
])
def test_a_subject_goes_on_across_the_lines_of_a_paragraph(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    # correct statements of the same terms on the next line
    ("LayerNorm 是 Transformer 里常用的归一化。\n它沿特征维度为每个样本统计均值和方差，不依赖 batch。", "FC320"),
    ("k-means 是经典的聚类算法。\n它不需要标签，属于无监督学习。", "FC438"),
    # a blank line ends the paragraph: what follows is not said of its term
    ("k-means 是经典的聚类算法。\n\n需要用带标签的数据来训练，属于有监督学习。", "FC438"),
    # a line that ends mid-sentence is hard-wrapped text: its next line is not read as going on with a subject
    ("k-means 是经典的聚类算法，\n需要用带标签的数据来训练。", "FC438"),
    # a list entry is a block of its own
    ("k-means 是经典的聚类算法。\n- 需要用带标签的数据来训练，属于有监督学习。", "FC438"),
    # the question's term goes on by itself in the opening paragraph; a line after a line about something
    # else is not handed that term as a subject
    ("我们先看一张图。\n也就是说，越往右模型越复杂，训练误差越小。", "FC139"),
])
def test_no_subject_goes_on_where_the_paragraph_does_not(answer, code):
    assert code not in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("对比两种归一化：LayerNorm 沿 batch 维度为每个特征统计均值和方差。", "FC320"),
    ("简述一下聚类：k-means 需要用带标签的数据来训练，属于有监督学习。", "FC438"),
])
def test_a_prompt_that_does_its_task_after_a_colon_states_what_follows(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("对比两种归一化：LayerNorm 沿特征维度为每个样本统计，不依赖 batch。", "FC320"),
    ("对比 LayerNorm 和 BatchNorm：哪一个沿 batch 维度统计？", "FC320"),
    ("对比 LayerNorm 和 BatchNorm 的统计维度。", "FC320"),
])
def test_a_prompt_still_asks_and_a_correct_answer_stays_clean(answer, code):
    assert code not in codes(answer), answer


def test_a_term_used_within_a_frame_of_when_is_not_the_subject():
    # said of LayerNorm (the list's head), not of tanh
    assert "FC148" not in codes("LayerNorm 的好处：\n- 在采用 tanh 这类激活函数时也能减轻梯度消失。")
    assert "FC148" not in codes("- 在使用 sigmoid 一类激活函数的时候，能一定程度缓解梯度消失。")
    # the slip stated of the term itself
    assert "FC148" in codes("tanh 这类激活函数能减轻梯度消失。")


@pytest.mark.parametrize("answer", [
    '- 服务返回的格式：\n  - {\n    "a": 1\n  }\n  - {\n    "a": 2\n  }',
    "- 字段说明：\n  - 字段 a\n    取值为整数\n  - 字段 a\n    取值为字符串",
])
def test_list_entries_that_differ_below_their_first_line_are_no_duplicates(answer):
    assert "QA005" not in codes(answer), answer


@pytest.mark.parametrize("answer", [
    '- 服务返回的格式：\n  - {\n    "a": 1\n  }\n  - {\n    "a": 1\n  }',
    "- 常见步骤：\n  - 清洗数据\n  - 清洗数据",
])
def test_list_entries_the_same_in_all_their_lines_are_duplicates(answer):
    assert "QA005" in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    # 它 after a term that only names when (`微调时它…`) stands for the previous sentence's subject
    ("BERT 是编码器结构。预训练时它按从左到右的顺序逐个预测下一个词。", "FC173"),
    # 其 before a term is its owner, as 它的 is
    ("LLaMA 用了 RoPE。其 FFN 中的激活函数就是普通的 ReLU。", "FC348"),
    # a label that heads a line (a term and more words) is not the line's subject: the term after it is
    ("**训练目标：** GPT 系列是 decoder-only 的。\n它在预训练时随机遮住 15% 的 token 并让模型还原。", "FC175"),
    # a label that is only a term's name is the line's subject
    ("- **LLaMA**：位置编码用 RoPE。\n它的 FFN 激活是 ReLU。", "FC348"),
])
def test_pronouns_and_labels_name_the_subject(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("BERT 是编码器结构。预训练时它同时看左右两侧的上下文。", "FC173"),
    ("LLaMA 用了 RoPE。其 FFN 中的激活函数是 SwiGLU。", "FC348"),
    ("**训练目标：** GPT 系列是 decoder-only 的。\n它在预训练时根据前文预测下一个 token。", "FC175"),
    # 其中 / 其他 are no pronoun
    ("LLaMA 用了 RoPE。其他模型的 FFN 激活函数是 ReLU。", "FC348"),
])
def test_pronouns_and_labels_with_correct_statements_stay_clean(answer, code):
    assert code not in codes(answer), answer


def test_a_verb_glued_to_its_negation_by_the_segmenter_is_negated():
    # the segmenter cuts `不加` as one word before a Latin word: it still denies
    assert "FC362" not in codes("Transformer 编码器的自注意力不加下三角 mask，解码器才加。")
    assert "FC362" in codes("Transformer 编码器的自注意力也要加下三角 mask。")


@pytest.mark.parametrize("answer", [
    # a later word of a name spelled out in Latin words is no mention of its own (32nd trial)
    "CART 的全称是分类与回归树(Classify and Regression Tree)，它既能用于分类，也能用于回归。",
    "CART 即 Classification and Regression Tree，它可以用于分类，也可以用于回归。",
    "分类回归树（Classification And Regression Tree）既可用于分类问题也可用于回归问题。",
])
def test_a_word_of_a_spelled_out_name_is_no_term(answer):
    assert "FC117" not in codes(answer), answer


def test_a_name_that_begins_with_the_term_is_the_term():
    assert "FC117" in codes("Cross Entropy Loss 一般用在回归任务上。")


@pytest.mark.parametrize("answer", [
    # an example nested deeper inside an open block (its own fences indented four or more columns past the
    # opener, or with an info string) is the block's text (32nd trial)
    "```python\nprompt = '''\n        ```py\n        print(1)\n        ```\n'''\n```\n\n后文。",
    "```text\n对话记录：\n   ```python\n   x = 1\n   ```\"\n```\n\n后文。",
])
def test_fences_nested_in_an_open_block_do_not_unpair_it(answer):
    assert "FM008" not in codes(answer), answer


def test_a_forgotten_closing_fence_is_still_found():
    assert "FM008" in codes("```python\nx = 1\n\n```python\ny = 2\n```\n\n后文。")


def test_former_and_latter_name_the_terms_the_previous_clauses_were_about():
    # (32nd trial) 前者/后者 opening a sentence are the two terms the sentence before was about
    assert "FC174" not in codes("BERT 用 MLM 预训练；GPT 做下一个词的预测任务。前者是双向的，后者是单向的。")
    assert "FC174" in codes("BERT 用 MLM 预训练；GPT 做下一个词的预测任务。后者是双向的。")


def test_what_a_metric_ignores_it_does_not_measure():
    # (32nd trial) `P 忽略了 X`: X is what precision leaves out, not its definition
    assert "FC102" not in codes("Precision 只看预测为正的样本里有多少是真的正例，而忽略了真实正例中有多少被漏判为负。")


def test_a_shape_answer_is_no_placeholder():
    text = "### 3. GBDT 中输入 N*M 的数据，导数的维度是多少？\n\nN\\*1\n\n### 4. 什么是 XGBoost？\n\n一种梯度提升树的实现。\n"
    assert "QA002" not in {f.code for f in DEFAULT.lint_text(text, "t.md")}
    assert "QA002" in {f.code for f in DEFAULT.lint_text(text.replace("N\\*1", "TODO"), "t.md")}


@pytest.mark.parametrize("doc", [
    # (32nd trial) numbering that goes on in another style of question heading between two entries
    "# 题\n\n### Q1: 什么是 A？\n\n答。\n\n### Q2: 什么是 B？\n\n答。\n\n## 3. 什么是 C？\n\n答。\n\n## 4. 什么是 D？\n\n答。\n\n### Q5: 什么是 E？\n\n答。\n",
])
def test_numbering_that_goes_on_elsewhere_is_no_gap(doc):
    assert "QA003" not in {f.code for f in DEFAULT.lint_text(doc, "t.md")}, doc


def test_a_real_gap_between_question_headings_is_still_found():
    doc = "# 题\n\n### Q1: 什么是 A？\n\n答。\n\n## 二、进阶\n\n### Q2: 什么是 B？\n\n答。\n\n## 三、更多\n\n### Q4: 什么是 D？\n\n答。\n"
    assert "QA003" in {f.code for f in DEFAULT.lint_text(doc, "t.md")}


def test_headings_inside_a_folded_answer_belong_to_it():
    # (32nd trial) `<details><summary>💡 答案要点</summary>` with sub-headings inside: one item, answered
    doc = ("# 题\n\n### Q1: 什么是 RAG？\n\n检索增强生成。\n\n### Q2: 什么是向量库？\n\n存向量的库。\n\n## 3. 向量模型怎么选？\n\n"
           "<details>\n<summary>💡 答案要点</summary>\n\n### 选择维度\n\n| 维度 | 推荐 |\n|---|---|\n| 语言 | bge |\n\n"
           "### 推荐模型\n\n多语言选 bge-m3。\n\n</details>\n\n### Q4: 什么是重排？\n\n对召回结果再排序。\n")
    from qatool.parse.extract import parse_text
    recs = parse_text(doc, "t.md").records
    assert [r["question"] for r in recs] == ["什么是 RAG？", "什么是向量库？", "向量模型怎么选？", "什么是重排？"]
    assert "多语言选 bge-m3" in recs[2]["answer"] and "<summary>" not in recs[2]["answer"]
    assert "QA001" not in {f.code for f in DEFAULT.lint_text(doc, "t.md")}


@pytest.mark.parametrize("answer,code", [
    # a plain section label opening a line is read past, as a bold one is
    ("流程：magnitude pruning 把权重按绝对值从大到小排好，先剪掉排在最前面的。", "FC418"),
    # an answer given to a reported question goes on with what was asked
    ("面试官问 LayerNorm 在哪个维度上统计，我答：跨样本统计均值和方差。", "FC320"),
])
def test_labels_and_reported_answers_state_claims(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("面试官问 LayerNorm 在哪个维度上统计，我答：沿特征维度，不依赖 batch。", "FC320"),
    # the question itself, reported as asked, is no claim
    ("面试官问 LayerNorm 是不是沿 batch 维度统计。", "FC320"),
    ("面试官又问 k-means 是有监督还是无监督，我答：无监督。", "FC438"),
])
def test_reported_questions_and_correct_answers_stay_clean(answer, code):
    assert code not in codes(answer), answer


def test_an_a_not_a_question_asks_affirmatively():
    # `会不会…` asks whether it does: a `不会` answer denies it (a heldback9 trap, list dialect)
    def lint(q: str, a: str) -> set[str]:
        return {f.code for f in DEFAULT.lint_text(f"### 1. {q}\n\n{a}\n", "t.md")}
    assert "FC408" not in lint("投机解码会不会改变大模型的输出分布？", "不会。它只是生成得更快。")
    assert "FC408" in lint("投机解码会不会改变大模型的输出分布？", "会，分布会变。")


def test_problems_listed_as_keyed_entries_are_no_question():
    # (33rd trial) `**问题**:` over `- **名称**: 描述` entries lists drawbacks, even when a description holds 为什么
    doc = ("# 笔记\n\n### 1.1 端到端模型的局限\n\n端到端模型直接从输入映射到输出。\n\n**问题**:\n"
           "- **不可解释**: 看不出模型为什么这样决策\n- **难以调试**: 出错时不知道哪一步有问题\n\n### 1.2 改进思路\n\n加入显式推理。\n")
    from qatool.parse.extract import parse_text
    recs = parse_text(doc, "t.md").records
    assert recs[0]["question"] == "端到端模型的局限" and "不可解释" in recs[0]["answer"]
    assert "QA001" not in {f.code for f in DEFAULT.lint_text(doc, "t.md")}


def test_a_named_owner_and_its_part_are_the_topic_across_a_comma():
    # `LLaMA 的前馈网络，用的是…`: the noun phrase is the subject of the clause after the comma
    assert "FC348" in codes("LLaMA 的前馈网络，用的是普通的 ReLU。")
    assert "FC348" not in codes("LLaMA 的前馈网络，用的是 SwiGLU。")
    # not a verb phrase ending in 的 + noun (`CBOW 通过上下文中的词来预测目标词，而 Skip-Gram 则相反，…`)
    assert "FC432" not in codes("CBOW 通过上下文中的词来预测目标词，而 Skip-Gram 则相反，通过目标词来预测上下文中的词。")
    assert "FC356" not in codes("GRU是LSTM的稍微简化版本，只有两个gate。")


def test_a_supplement_to_a_numbered_item_is_no_repeat():
    # (33rd trial) `## 第33题补充：…` goes on with item 33; a second `## 第2题：` is still a repeat
    doc = ("# 题\n\n## 第1题：什么是 A？\n\n答。\n\n## 第2题：什么是 B？\n\n答。\n\n## 第2题补充：B 的变体\n\n答。\n\n"
           "## 第3题：什么是 C？\n\n答。\n")
    assert "QA004" not in {f.code for f in DEFAULT.lint_text(doc, "t.md")}
    assert "QA004" in {f.code for f in DEFAULT.lint_text(doc.replace("第3题", "第2题"), "t.md")}
