"""Readings added after the sixth held-back phrasings were read: a list label that names one term reads
as its copula, numbers in Han numerals, a term inside `在 … 里` is a part of the term before it, A-not-A
questions and beliefs reported across a comma state nothing, and pattern rules skip sentences that ask.
Every text here is written for this file (not taken from the phrasing sets)."""
from __future__ import annotations

import pytest

from qatool.lint.claims import han_value, numbers
from qatool.lint.engine import Linter
from qatool.lint.pyrules import _inline_answer
from qatool.lint.text import TextLayer, sentence_kind

DEFAULT = Linter.default()


def codes(answer: str) -> set[str]:
    text = f"### 1. 测试题？\n\n**答案：**\n\n{answer}\n"
    return {f.code for f in DEFAULT.lint_text(text, "t.md") if f.code.startswith("FC")}


@pytest.mark.parametrize("answer,code", [
    ("- **LLaMA**：ReLU（与原始 Transformer 相同）", "FC348"),  # a label that names one term: `LLaMA 是 ReLU`
    ("各模型的激活函数：\n\n- **PaLM**：SwiGLU\n- **LLaMA**：ReLU", "FC348"),
    ("* LLaMA：ReLU", "FC348"),  # a plain label
    ("GPT-3 的参数规模只有一百七十多亿。", "FC383"),  # Han numerals with 多 before the scale
    ("GPT-3 最大的模型大约有一百七十五亿个参数。", "FC383"),
    ("BERT-base 大约有三亿四千万个参数。", "FC384"),  # 亿 and 万 in one number
    ("BERT-base 的参数量是三亿多。", "FC384"),
    ("原版 BERT 的输入上限是一千零二十四个 token。", "FC387"),
    ("LLaMA 在前馈层里用的是 ReLU。", "FC348"),  # `X 在 Y 里`: Y is part of X
])
def test_label_copulas_han_numbers_and_parts_state_the_claim(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer", [
    "- **LLaMA**：SwiGLU（不是 ReLU）",
    "- **原始 Transformer**：ReLU\n- **LLaMA**：SwiGLU",
    "- **激活函数**：LLaMA 为 SwiGLU",  # a label that names no term keeps its colon
    "GPT-3 的参数量是一千七百五十亿。",
    "BERT-base 大约有一亿一千万个参数。",
    "BERT-base 的参数量是一亿多。",
    "GPT-3 这种模型拥有数十亿乃至上千亿参数中的最高档。",  # vague amounts are no numbers
    "原版 BERT 的输入上限是五百一十二个 token，十分够用。",
    "原始 Transformer 在前馈层里用 ReLU，LLaMA 改成了 SwiGLU。",
])
def test_the_same_shapes_stating_the_fact_are_clean(answer):
    assert not codes(answer) & {"FC348", "FC383", "FC384", "FC387"}, answer


@pytest.mark.parametrize("text,value", [
    ("一百七十五亿", 175e8), ("三亿四千万", 3.4e8), ("两千零四十八", 2048), ("十二", 12), ("十亿", 1e9),
    ("一", None), ("五五", None), ("百百", None),
])
def test_han_values(text, value):
    assert han_value(text) == value


def test_numbers_read_vague_and_odd_amounts():
    found = [(v, unit, odd) for _, _, v, unit, odd in numbers("约 170 多亿、三亿多、数十亿、十几亿、十分", 0, 30)]
    assert found == [(170, "亿", True), (3e8, "", True)]  # (Arabic numbers keep their scale word apart)


@pytest.mark.parametrize("sentence,kind", [
    ("dropout 算不算一种集成方法", "question"),  # A-not-A without a ？
    ("BN 层需不需要偏置", "question"),
    ("训练时动不动就过拟合。", "statement"),  # 动不动, 时不时 are adverbs
    ("loss 时不时会跳一下。", "statement"),
    ("无论数据平不平衡，都要先看分布。", "statement"),
    ("有人只看了公式，就以为 Adam 是二阶方法，其实它只用一阶梯度。", "reported"),  # the belief after a comma
    ("有的教程把 SiLU 写成 GELU，这是记混了。", "reported"),
    ("我认为 BN 在推理时用滑动平均。", "statement"),
])
def test_sentence_kinds(sentence, kind):
    assert sentence_kind(sentence) == kind


def test_a_pattern_rule_skips_a_sentence_that_asks_without_a_question_mark():
    assert "FC142" not in codes("换用 RMSProp 能否避免梯度爆炸")
    assert "FC142" in codes("换用 RMSProp 就能避免梯度爆炸。")


# the eighth untuned trial's false-alarm classes (three repositories never seen; findings judged against
# the source by a helper), in wordings of this file, with the same shapes stating the slip beside them
@pytest.mark.parametrize("answer,code", [
    ("每一类的 IoU 可以写成 TP/(TP+FP+FN)。", "FC455"),  # three disjoint parts: the union itself
    ("代入混淆矩阵：IoU = 30/(30+4+6)。", "FC455"),
    ("IoU 还可以写成 TP 比上 TP、FP、FN 之和。", "FC455"),
    ("GPT-3 的 1750 亿参数按每个参数 2 个字节算，要占 350 GB 显存。", "FC383"),  # a number with its own measure
    ("池化把特征图缩小，从而减少后面需要训练的参数。", "FC181"),  # what it reduces is not what it has
    ("在自注意力里，通过加入相对位置偏置，模型就能区分词序。", "FC364"),  # the ability comes with the addition
    ("很多模型都基于 Transformer.举例来说：OpenAI 的 GPT 系列。", "FC463"),  # `.` between Han characters ends a sentence
])
def test_trial_false_alarm_classes_state_nothing(answer, code):
    assert code not in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("IoU 等于交集除以两个框的面积之和。", "FC455"),
    ("IoU = 交集 / (A + B)。", "FC455"),
    ("GPT-3 一共有 350 亿个参数。", "FC383"),
    ("池化层也有需要训练的参数。", "FC181"),
    ("自注意力本身就能区分词序。", "FC364"),
    ("Transformer 是 OpenAI 在 2018 年提出的.它改变了 NLP。", "FC463"),
])
def test_the_same_shapes_stating_the_slip_are_found(answer, code):
    assert code in codes(answer), answer


def _lint(text: str, code: str) -> list:
    return [f for f in DEFAULT.lint_text(text, "t.md") if f.code == code]


def test_an_item_said_again_later_in_an_enumeration_is_whole():
    # a sequence of outcomes repeats its items on purpose; a truncated item does not come back
    assert not _lint("### 1. 题？\n\n**答案：** 抛三次骰子，点数依次是六点、六点、两点、六点。\n", "FM005")
    assert _lint("### 1. 题？\n\n**答案：** 常见的正则化有权重衰减、衰减、数据增强。\n", "FM005")


@pytest.mark.parametrize("line,answered", [
    ("(1)为什么要对特征做归一化？因为各特征的量纲不同，数值范围相差很大时梯度下降会沿某些方向震荡。", True),
    ("1. 样本是怎样得到的？一般假设训练样本独立同分布，即每个样本都按同一个联合分布采样得到。", True),
    ("(1)什么是核技巧？并写出高斯核的公式，说明它的好处。", False),  # a demand goes on asking
    ("(1)常用的超参数搜索方法有哪些？至少列出三种并说出各自的优缺点。", False),
    ("(1)两阶段和一阶段检测器有什么不同？<某公司一面（2020）>", False),  # a source tag
    ("(1)两阶段和一阶段检测器有什么不同？（2020 某公司）", False),
    ("(1)两阶段和一阶段检测器有什么不同？", False),
    ("(1)两阶段和一阶段检测器有什么不同？单阶段的又有哪些代表作？", False),
])
def test_a_question_line_that_goes_on_with_its_answer(line, answered):
    # QA001 leaves a numbered question alone when its own line answers it (pumpkin-book style notes)
    assert _inline_answer(line) is answered


def test_a_name_inside_a_path_into_a_repository_names_a_folder_not_the_project():
    inside = "- 官方代码：[tensorflow/models/research/deeplab/](https://github.com/tensorflow/models/tree/master/research/deeplab)"
    assert not _lint(f"### 1. 题？\n\n**答案：**\n\n{inside}\n", "FC204")
    claimed = "- TensorFlow 官方代码：[tensorflow/models](https://github.com/tensorflow/models)"
    assert _lint(f"### 1. 题？\n\n**答案：**\n\n{claimed}\n", "FC204")


# the ninth untuned trial's false-alarm classes (three more repositories, mostly tutorials), in wordings of
# this file, with the same shapes stating the slip
@pytest.mark.parametrize("answer,code", [
    ("- BERT-base（110M 参数）：训练一次约排放 1400 lbs 二氧化碳", "FC384"),  # a number with a Latin unit of its own
    ("训练 GPT-3 时，每个参数每个 token 要做 $6$ 次浮点运算。", "FC383"),  # a count of times
    ("BERT-base 词嵌入的参数量为 768 * 3w，比整个模型小得多。", "FC384"),  # a factor of a product
    ("GPT 可以利用已有的上下文信息来预测接下来的词。", "FC174"),  # 下文 inside 上下文
    ("Linformer: Self-Attention with Linear Complexity", "FC178"),  # an English title in a reference list
])
def test_ninth_trial_false_alarm_classes_state_nothing(answer, code):
    assert code not in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("BERT-base 有 340M parameters。", "FC384"),
    ("GPT-3 有 6 亿参数。", "FC383"),
    ("GPT 可以利用下文信息来预测当前词。", "FC174"),
    ("Self-attention has linear complexity in the sequence length.", "FC178"),
    ("注意力机制最早由《Attention Is All You Need》提出。", "FC464"),  # a title named in a Chinese clause is read
])
def test_ninth_trial_shapes_stating_the_slip_are_found(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,code", [
    ("BERT 的 base 版本大约有 3.4 亿参数。", "FC384"),  # names people write for a term
    ("标准 attention 的计算量和序列长度成线性关系。", "FC178"),
    ("重计算策略的本质是用显存换计算时间。", "FC338"),
    ("用了 Huffman 树之后，每次输出的代价与词表大小无关，是常数。", "FC435"),
])
def test_more_names_of_terms_are_read(answer, code):
    assert code in codes(answer), answer


def test_a_copula_that_ends_another_word_is_none():
    # `行为距离`: 为 ends 行为; `但是距离…`: 是 ends 但是
    assert "FC118" not in codes("KL 散度度量的是两个策略间的行为距离，而不是参数距离。")
    assert "FC118" in codes("KL 散度为距离度量，可以交换两个分布。")


@pytest.mark.parametrize("answer", [
    # another model's size in brackets, and the digits of `GPT-3数据集`, are no size of GPT-3
    "当用这份语料训练OPT-Mini（1.3B参数）并与用GPT-3数据集训练的GPT-3（175B参数）进行比较时，作者发现差距不大。",
    "若用新语料训练T5-Small（60M参数）并与用GPT-3数据训练的GPT-3（175B参数）对比，可以看到差别。",
    "先看 GPT3-13B 的训练开销。GPT3 的模型参数量为 12850M。",  # the size of a variant named nearby
])
def test_numbers_of_other_models_and_names_are_not_gpt3s(answer):
    assert "FC383" not in codes(answer), answer


@pytest.mark.parametrize("answer", ["GPT-3（17.5B 参数）是 OpenAI 的模型。", "GPT-3 的参数量为 13B。"])
def test_a_wrong_size_in_brackets_after_the_name_is_still_found(answer):
    assert "FC383" in codes(answer), answer


# tenth untuned trial: what a clause is used for is not its subject; an aspect of the data is not its amount
@pytest.mark.parametrize("answer", [
    "- 用于 tanh 或 sigmoid 激活的网络，让各层方差保持一致，避免梯度消失或爆炸。",  # said of an initialisation
    "- 适合搭配 sigmoid 使用，能让前后层方差相等，从而避免梯度消失。",
    "- 常用于 sigmoid 激活的网络，防止梯度弥散。",
    "为了缓解过拟合，可以降低数据维度。",
    "- **降维**：降低数据维度，减少计算量，防止过拟合。",
    "删除训练数据中的噪声样本可以缓解过拟合。",
    "使用较少的数据维度来防止过拟合。",
])
def test_a_purpose_object_and_an_aspect_of_the_data_state_no_slip(answer):
    assert not codes(answer) & {"FC131", "FC148"}, answer


@pytest.mark.parametrize("answer,code", [
    ("- sigmoid 用于输出层，可以避免梯度消失。", "FC148"),  # sigmoid is the subject here
    ("在 RNN 中使用 tanh 可以缓解梯度消失。", "FC148"),
    ("减少数据量可以防止过拟合。", "FC131"),
    ("通过减少训练数据来防止过拟合。", "FC131"),
    ("使用更少的样本训练能防止过拟合。", "FC131"),
])
def test_the_slips_beside_them_are_still_found(answer, code):
    assert code in codes(answer), answer


# eleventh untuned trial: a table header's cells, a property that names its own subject, MQA's "1 个 KV",
# a kind of attention, the steps of a gate
@pytest.mark.parametrize("answer", [
    "| | Post-LN（原始 Transformer） | Pre-LN（后来的 GPT-2） |\n|---|---|---|\n| 公式 | LN(x+F(x)) | x+F(LN(x)) |",
    "| 方法 | 做法 |\n|---|---|\n| **MQA** | 全部 Q 头共享 1 个 KV 头 |",
    "- **One-hot 编码**：对类别特征使用 one-hot 编码后，线性模型也能拟合非线性关系。",
    "- **纯注意力结构**：最早由 Transformer 提出，完全抛弃了循环。",
    "LSTM 的输入门分两步：1. tanh 生成候选值 2. sigmoid 决定写入多少。",
])
def test_cells_tautologies_kinds_and_steps_state_no_slip(answer):
    assert not codes(answer) & {"FC325", "FC368", "FC121", "FC464", "FC359"}, answer


@pytest.mark.parametrize("answer,code", [
    ("| 模型 | 归一化位置 |\n|---|---|\n| 原始 Transformer | Pre-LN |", "FC325"),  # the row's first cell names it
    ("原始 Transformer 用的是 Pre-LN。", "FC325"),
    ("MQA 中所有头共享同一个 Query。", "FC368"),
    ("多标签分类的标签通常用 one-hot 表示。", "FC121"),
    ("注意力机制最早是由 Transformer 提出的。", "FC464"),
    ("LSTM 的输入门用 tanh 激活。", "FC359"),
])
def test_the_same_slips_stated_plainly_are_found(answer, code):
    assert code in codes(answer), answer


def test_a_pictograph_before_a_chapter_number_keeps_the_number_written():
    # `## 🚀 **2. 池化层**` groups two questions and is no record; its number is still in the file, so
    # 3 after 1 is no gap, while 5 after 3 is one
    text = "\n".join([
        "# 卷积网络笔记", "", "## 🚀 **1. 卷积层的作用？**", "", "提取局部特征。", "", "## 🚀 **2. 池化层**", "",
        "### 🎯 **最大池化是什么？**", "", "取窗口最大值。", "", "### 🎯 **平均池化是什么？**", "", "取窗口平均值。", "",
        "## 🚀 **3. 感受野是什么？**", "", "输出一个点对应的输入区域。", "", "## 🚀 **5. 空洞卷积是什么？**", "", "在核元素之间插空。", ""])
    gaps = [(f.line, f.message) for f in DEFAULT.lint_text(text, "t.md") if f.code == "QA003"]
    assert [line for line, _ in gaps] == [21], gaps


def test_a_heading_question_answered_in_a_word_after_its_question_mark_is_answered():
    from qatool.lint.pyrules import _inline_answer

    assert _inline_answer("##### 虚函数表在编译还是链接时生成? 编译")
    assert not _inline_answer("### 1. 什么是过拟合？ 如何解决？")  # asks again
    assert not _inline_answer("### 什么是 BN？ 【高频】")  # a tag
    assert not _inline_answer("### X 是什么？ 简述其原理")  # a demand


# twelfth untuned trial: a term in the brackets of one enumerated item; what a person does after the topic
@pytest.mark.parametrize("answer", [
    "- 预训练目标：CLM（预测下一个词，GPT/LLaMA）、MLM（掩码还原，BERT）。",
    "K-Means 把富类样本聚成 K 簇，用簇中心代替富类样本。接下来我们就可以用这些样本进行有监督训练。",
])
def test_an_enumerated_items_brackets_and_a_persons_deed_state_no_slip(answer):
    assert not codes(answer) & {"FC175", "FC438"}, answer


@pytest.mark.parametrize("answer,code", [
    ("GPT（生成式预训练模型）使用 MLM 作为预训练目标。", "FC175"),  # a gloss that goes on with its sentence
    ("GPT 使用掩码语言模型预训练。", "FC175"),
    ("k-means 是一种有监督学习算法。", "FC438"),
])
def test_glossed_and_plain_slips_beside_them_are_found(answer, code):
    assert code in codes(answer), answer


@pytest.mark.parametrize("answer,flagged", [
    ("RPN 负责给出候选框，只区分前景和背景；在 Fast R-CNN 阶段，用于区分猫、狗等具体类别。", False),
    ("RPN 负责给出候选框，只区分前景和背景，在第二阶段才区分具体的类别。", False),
    ("RPN 会输出每个 anchor 属于哪一个具体类别。", True),
    ("RPN 负责给出候选框，并区分猫、狗等具体类别。", True),
])
def test_the_classes_of_the_second_stage_are_not_the_rpns(answer, flagged):
    assert ("FC459" in codes(answer)) == flagged, answer


# thirteenth untuned trial: comparison objects in coordination, a word2vec window's centre, a gloss in
# brackets, the book that shares a paper's title
@pytest.mark.parametrize("answer", [
    "- **ReLU**：ReLU 相比 Sigmoid 和 Tanh 在解决梯度消失问题上表现更好。",
    "CBOW 模型根据上下文词预测中心词，它利用窗口内所有词生成特征向量来预测处于窗口中心的词。",
    "Skip-gram 模型根据中心词（输入词）预测其上下文词（目标词）。",
    '1. Goodfellow, I., Bengio, Y., & Courville, A. (2016). "Deep Learning." MIT Press.',
])
def test_compared_terms_window_centres_glosses_and_books_state_no_slip(answer):
    assert not codes(answer) & {"FC148", "FC432", "FC433", "FC202", "FC203"}, answer


@pytest.mark.parametrize("answer,code", [
    ("Skip-gram 用上下文预测中心词。", "FC433"),
    ("CBOW 用中心词预测上下文。", "FC432"),
    ("CBOW 预测窗口内的上下文词。", "FC432"),
    ('1. LeCun, Y., Bengio, Y., & Hinton, G. (2016). "Deep Learning." Nature, 521.', "FC202"),
    ('1. Hinton, G., LeCun, Y., & Bengio, Y. (2015). "Deep Learning." Nature, 521.', "FC203"),
    ("RPN 负责给出候选框和具体类别，第二阶段只做边框精修。", "FC459"),
])
def test_their_slips_are_still_found(answer, code):
    assert code in codes(answer), answer


def test_a_han_numbered_heading_behind_a_pictograph_is_a_written_number():
    # a link-only `### ⚙️ 二、训练与对齐` between two records numbered 一 and 三 (a repository README's table of
    # contents) writes 二 in the file: 三 after 一 is no gap
    from qatool.lint.pyrules import _LOOSE_HAN_NUMBER_RE, number_parts

    for line, value in [("### ⚙️ 二、训练与对齐", 2), ("## 十二．部署", 12), ("- **三、** 推理", 3)]:
        m = _LOOSE_HAN_NUMBER_RE.match(line)
        assert m is not None and number_parts(m.group(1)) == (value,), line
    assert _LOOSE_HAN_NUMBER_RE.match("### 二分查找的复杂度") is None  # no separator: a word, not a number


@pytest.mark.parametrize("answer,code,flagged", [
    ("- **回归问题**：Huber Loss 适用于对异常值不敏感的回归任务。", "FC158", False),  # 回归问题 is a task
    ("模型对噪声不敏感，这是一个需要解决的问题。", "FC158", True),
    ("- [GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers](https://arxiv.org/abs/2210.17323)",
     "FC412", False),  # `Pre-trained` holds no `re-train`
    ("PTQ needs to re-train the whole model.", "FC412", True),
])
def test_a_task_named_problem_and_pre_trained_are_no_slips(answer, code, flagged):
    assert (code in codes(answer)) == flagged, answer


def test_a_negation_inside_a_word_that_begins_in_the_name_is_read():
    # the segmenter cuts `层不含` as one word across the end of the name `BN 层`: its 不含 still denies
    layer = TextLayer()
    for text, name in [("BN 层不含可学习参数。", "BN 层"), ("卷积层不含偏置项。", "卷积层")]:
        start = text.index(name) + len(name)
        assert layer.negations(text, start, len(text), within=(0, len(text))) == 1, text
    text = "BN 层包含可学习参数。"
    assert layer.negations(text, len("BN 层"), len(text), within=(0, len(text))) == 0
    assert "FC324" in codes("BN 层不含可学习参数。")


def test_a_later_sentence_that_defines_another_thing_ends_the_topic():
    # the item asks about warmup; a later sentence defines the cosine schedule (a name the glossary does not
    # know), and the sentence after it, naming no term, is about the schedule: its decay is no claim on warmup
    md = ("### 1. 预热和余弦退火分别是什么？\n\n**答案：** 预热在训练开始时慢慢提高学习率。余弦调度器是一种学习率调度方法，"
          "按余弦曲线调整学习率。学习率在训练过程中逐渐降低，最后接近零。\n")
    assert [f.code for f in Linter.default(select=["FC145"]).lint_text(md, "t.md")] == []
    # the same decay said right after warmup's own sentence is still read as warmup's
    md = "### 1. 预热是什么？\n\n**答案：** 预热是训练初期使用的策略。学习率在训练过程中逐渐降低。\n"
    assert [f.code for f in Linter.default(select=["FC145"]).lint_text(md, "t.md")] == ["FC145"]
