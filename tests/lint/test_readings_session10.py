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


# ------------------------------------------------------------------- 35th untuned trial (tutorial prose)

@pytest.mark.parametrize("text,code", [
    # the two decay rates named together as momentum parameters (a formula's comma is no clause boundary)
    ("- $\\beta_1, \\beta_2$：动量参数，常取 0.9 与 0.999。", "FC327"),
    ("- β1, β2：动量参数，常取 0.9 与 0.999。", "FC327"),
    # improving robustness is the goal: insensitivity to noise is what is wanted
    ("### 正则化要解决什么问题？\n\n- **提高鲁棒性**：使模型对数据噪声和权重扰动不敏感。", "FC158"),
    # what a caution avoids is not what the term does
    ("Sigmoid 在浅层网络里还能用，但深层网络要谨慎使用，以避免梯度消失。", "FC148"),
    # an alternative written with 或 is no definition
    ("- **隐私保护**：可以叠加差分隐私或加密方案。", "FC154"),
    # steps in sequence: the later step's property
    ("- **Warm-up + 调度**：大模型训练里先预热再接一个调度器（如线性衰减）。", "FC145"),
    # an example in brackets is no property
    ("- **权重衰减的短板**：在一些场景（如稀疏特征选择）里，L1 会更合适。", "FC134"),
    # what is switched off is not used
    ("### BN 推理时怎么做？\n\n  - 推理时：使用全局统计量，禁用批量统计。", "FC138"),
    # a noun the property qualifies is a subject of its own
    ("预训练要用海量语料。毫无疑问，通过人工标注得到的数据远远达不到这个量级。", "FC155"),
    # labelled data used once pretraining is done is the fine-tuning's
    ("在完成预训练后，每个下游任务只需要少量人工标注的数据来微调。", "FC155"),
    # a lack of the property
    ("位置编码是为了弥补自注意力在捕捉词序方面的不足。", "FC364"),
])
def test_tutorial_prose_that_states_no_slip(text, code):
    assert code not in found(text), text


@pytest.mark.parametrize("text,code", [
    ("Adam 里 β2 控制的是动量。", "FC327"),
    ("Sigmoid 能避免梯度消失。", "FC148"),
    ("### BN 推理时怎么做？\n\n- 推理阶段：使用当前批次的统计量。", "FC138"),
    ("预训练需要大量人工标注的数据。", "FC155"),
    ("自注意力机制本身就能捕捉词序。", "FC364"),
    # a verb phrase with its object is no relative clause: the claim before it stands
    ("**要点：** Adam 是一种普遍更优的优化器，在每个任务上都能取得比 SGD 更好的结果。", "FC147"),
])
def test_the_same_rules_still_find_the_slip_in_prose(text, code):
    assert code in found(text), text


def test_a_special_token_the_text_talks_about_is_no_leak():
    assert "FM001" not in found("分词器会把没见过的词替换为 <|unk|>，这个特殊标记表示未知词。")
    assert "FM001" in found("以上就是全部内容，谢谢阅读。<|vq_2048|>")


def test_a_reference_that_gives_the_title_before_its_year_is_no_mismatch():
    line = "> (1) Attention Is All You Need (2017) by Vaswani, Shazeer and Parmar, [https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)"
    assert "FC201" not in found(line)


# --------------------------------------------------------------------- 36th untuned trial (machine-written wiki)

@pytest.mark.parametrize("text,code", [
    # each term of a slashed label takes the value in its place
    ("- BERT/GPT/ELMo：双向 vs 单向 vs 双向LSTM", "FC173"),
    ("- BERT/GPT/ELMo：双向 vs 单向 vs 双向LSTM", "FC174"),
    ("- Prompt Tuning/P-Tuning v2：只在输入层或在每一层加入可训练提示。", "FC393"),
    # removing the mean-centering is no subtraction of the mean
    ("- RMSNorm：去除均值中心化，只按均方根缩放。", "FC322"),
    ("- RMSNorm 省去均值与偏置，计算更省。", "FC322"),
    # the step after one that ended
    ("当预热阶段结束，再换成余弦衰减来逐渐降低学习率。", "FC145"),
])
def test_wiki_lines_that_state_no_slip(text, code):
    assert code not in found(text), text


@pytest.mark.parametrize("text,code", [
    ("- BERT/GPT：单向 vs 双向", "FC173"),
    ("- Prompt Tuning/P-Tuning v2：在每一层或只在输入层加入可训练提示。", "FC393"),
    ("- RMSNorm 会先减去均值再除以均方根。", "FC322"),
    ("预热阶段会逐渐降低学习率。", "FC145"),
])
def test_the_same_rules_still_find_the_slip_in_wiki_lines(text, code):
    assert code in found(text), text


@pytest.mark.parametrize("text,code", [
    # what grows with the batch here is the learning rate (the linear scaling rule), not the gradient noise
    ("学习率一般要随着批量大小的增大而相应增大，批量减小时相应减小。", "FC333"),
    # a step named as costly is one avoided
    ("- **PTQ 更常用**：大模型重新训练的代价太高。", "FC412"),
    # a clause inside an aside has a subject of its own
    ("在 ResNet 残差块的 Eltwise 相加（一种按元素运算的层，Concat 是通道拼接，Eltwise 是逐元素相加）之前不接 ReLU。", "FC352"),
])
def test_more_prose_that_states_no_slip(text, code):
    assert code not in found(text), text


@pytest.mark.parametrize("text,code", [
    ("batch 增大以后，梯度噪声也随之增大。", "FC333"),
    ("PTQ 要先重新训练整个模型。", "FC412"),
    ("ResNet 的捷径连接是通道拼接。", "FC352"),
])
def test_the_same_rules_still_find_these_slips(text, code):
    assert code in found(text), text
