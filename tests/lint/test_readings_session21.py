"""Readings added in the twenty-first session (2026-12-03), in wording of my own.

From the sixty-third untuned trial (paper notes, LLM tutorials, a ChatGPT primer): words inside title marks
(`《Linformer: Self-Attention with Linear Complexity》`) name a paper and state nothing; a property the subject is
likened to (`和根据上文预测下一个词有些类似`) is not claimed of it; a score raised to above the threshold
(`提高到阈值以上`) is no raised threshold; a framework a named model is part of (`带有两个 BERT 模型的…框架`) does
not call the model a framework; a Latin term before an English noun it qualifies (`ICL demonstrations`) is not the
subject; `$\\beta_1$ 和 $\\beta_2$ 分别…` pairs in order, as `β1 和 β2 分别…` does; two special tokens a sentence
names together (`用<|a|>和<|b|>包起来`) are content, not a leak (FM001); list items with the same text over different
nested lists are different items (QA005).

From the nineteenth phrasing set (read this session; the twentieth stays unread): `无可` denies (`池化层无可学习
参数`); a statement called a wrong understanding (`“…”是一种错误理解`) is refuted; `lr 小` is the small learning
rate. A property's phrasings are also looked for in the text as its signs read (`_noted`): bold marks blanked, and
between words `+`/`&` as 和 and `=` as 是 — not in a formula (`/ (A 的面积 + B 的面积)`) nor after a one-letter variable
(`x = 召回率`), and the text itself is still searched, so a phrasing that spells a sign out keeps matching."""

from __future__ import annotations

import pytest

from tests.lint.readings import DEFAULT, found, item


@pytest.mark.parametrize("answer,code", [
    ("本周精读的论文是《Linformer: Self-Attention with Linear Complexity》。", "FC178"),
    ("BERT 不做下一个词预测，它遮住 15% 的 token 再还原，这一点和根据上文预测下一个词有些类似。", "FC176"),
    ("模型变强以后，原本漏掉的正例得分被提高到阈值以上，召回率和精确率一起上升。", "FC122"),
    ("作者设计了带有两个 BERT 模型的双塔编码框架。", "FC171"),
    ("另一种做法是用 ICL demonstrations 对模型进行微调。", "FC376"),
    ("$\\beta_1$ 和 $\\beta_2$ 分别控制一阶矩和二阶矩的衰减。", "FC327"),
    ("$\\beta_1$ 和 $\\beta_2$ 分别控制一阶矩和二阶矩的衰减。", "FC326"),
    # from the nineteenth set's traps
    ("最大池化层无可学习的参数。", "FC181"),
    ("“BLEU 越低越好”是一种错误理解。", "FC115"),
    ("学习率越大越稳？不对，lr 小才更稳，只是收敛慢。", "FC146"),
    # signs in a formula stay signs
    ("IoU = 交集面积 / (A 的面积 + B 的面积 − 交集面积)。", "FC455"),
    ("ResNet 的输出：F(x) + x，逐元素相加。", "FC352"),
])
def test_not_a_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("Self-Attention 的复杂度是线性的。", "FC178"),
    ("BERT 和 GPT 一样，都是根据上文预测下一个词。", "FC176"),
    ("把判定阈值提高到 0.9，召回率会上升。", "FC122"),
    ("BERT 是一个深度学习框架。", "FC171"),
    ("ICL 就是用示例对模型做微调。", "FC376"),
    ("$\\beta_1$ 和 $\\beta_2$ 分别控制二阶矩和一阶矩的衰减。", "FC327"),
    ("最大池化层有可学习的参数。", "FC181"),
    ("困惑度越高越好。", "FC111"),
    ("lr 越大训练越稳。", "FC146"),
    # note-taking signs and bold read as words
    ("gradient clipping → 梯度爆炸 & 梯度消失都能解决。", "FC141"),
    ("原版 Transformer 的骨架 = RNN + 注意力。", "FC177"),
    ("**F1** 其实就是 P 和 R 的**算术平均**。", "FC108"),
    # a sign a phrasing spells out, a one-letter variable, a sum in a wrong formula
    ("ROC 图里 x 轴 = 召回率。", "FC112"),
    ("迁移学习的前提：源任务 = 目标任务。", "FC157"),
    ("IoU = 交集面积 / (A 的面积 + B 的面积)。", "FC455"),
])
def test_the_slip_is_found(answer, code):
    assert code in found(item(answer)), answer


def test_a_pair_of_named_tokens_is_content_and_a_stray_one_leaks():
    assert "FM001" not in found(item("工具调用的内容用<|tool_call|>和<|/tool_call|>包裹起来，再交给执行器。"))
    assert "FM001" in found(item("感谢阅读，欢迎转发！<|endoftext|>"))
    assert "FM001" in found(item("回答结束。<|im_end|>\n<|im_start|>assistant"))


def test_same_items_over_different_nested_lists_are_not_duplicates():
    doc = ("### 1. 问题生成有哪些方法？\n\n**答案：**\n\n- 方式一：不给答案。\n- 代表论文：\n  - Paper A, 2017.\n"
           "- 方式二：给定答案。\n- 代表论文：\n  - Paper B, 2019.\n")
    assert "QA005" not in found(doc)
    same = ("### 1. 问题生成有哪些方法？\n\n**答案：**\n\n- 代表论文：\n  - Paper A, 2017.\n- 代表论文：\n  - Paper A, 2017.\n")
    assert "QA005" in found(same)


# From the sixty-fourth untuned trial (a textbook's PyTorch edition, tutorials, translated NLP notes): the share of the
# found positives in all positives (`…的数量占样本中所有正样本的比例`) is recall's base, not precision's; terms marked
# left and right of a figure take the parts after its colon in order; a scene-setting clause (`在回归任务中，`) and a
# modifier of another named term (`…中使用的平方损失`) say nothing of the term before; a likeness frame (`与 GRU 中的
# 两个门一样，`) is not the sentence's subject; a clause that opens on a kind of method (`两阶段检测方法精度更高`) is
# about that kind.
@pytest.mark.parametrize("answer,code", [
    ("召回率代表实际为正并且被正确识别为正样本的数量占样本中所有正样本的比例。", "FC101"),
    ("图 3：ResNet（左）与 DenseNet（右）的跨层连接：残差相加和通道拼接。", "FC353"),
    ("对于分类任务，我们用交叉熵损失。在回归任务中，我们把输出交给线性回归中使用的平方损失。", "FC117"),
    ("与 GRU 中的两个门一样，LSTM 的门也用 sigmoid 输出。因此这 3 个门的取值都在 0 到 1 之间。", "FC355"),
    ("YOLO 属于单阶段方法。一般而言，两阶段检测方法精度更高，单阶段方法速度更快。", "FC457"),
])
def test_a_textbook_states_no_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("召回率是预测为正的样本中真正为正的比例。", "FC101"),
    ("图 3：ResNet（左）与 DenseNet（右）的跨层连接：通道拼接和残差相加。", "FC353"),
    ("交叉熵是给回归用的损失。", "FC117"),
    ("GRU 有 3 个门。", "FC355"),
    ("YOLO 属于两阶段目标检测方法。", "FC457"),
])
def test_the_textbook_slips_are_still_found(answer, code):
    assert code in found(item(answer)), answer


def test_exercises_left_to_the_reader_are_no_unanswered_questions():
    doc = "# 第一章\n\n## 练习\n\n1. 什么是过拟合？\n\n2. 什么是欠拟合？\n\n## 面试题\n\n### 1. 什么是 BN？\n\n### 2. 什么是 LN？\n\nLN 是层归一化。\n"
    findings = [f for f in DEFAULT.lint_text(doc, "t.md") if f.code == "QA001"]
    assert [f.line for f in findings] == [11]


def test_a_series_graded_by_size_is_no_truncated_enumeration():
    assert "FM005" not in found(item("画一棵树要画出大树枝、树枝、小枝和叶子。"))
    assert "FM005" in found(item("它用到了批归一化、归一化、激活函数。"))


def test_a_reading_of_source_code_or_a_file_in_another_repository_is_no_official_repository():
    # (the sixty-third trial: notes on reading BERT's code, a file of GPT-2's implementation in a library)
    doc = ("### 1. 有哪些参考资料？\n\n**答案：**\n\n"
           "- [BERT 源码解析（二）：预训练](https://github.com/someone/notes/blob/main/bert/pretrain.md)\n"
           "- GPT-2 源码：https://github.com/huggingface/transformers/blob/main/src/transformers/models/gpt2/modeling_gpt2.py\n")
    assert "FC204" not in found(doc)
    for line in ("- BERT 源码：https://github.com/someone/bert\n",
                 "- BERT 官方代码：https://github.com/someone/bert-pytorch/blob/master/model.py\n"):
        assert "FC204" in found("### 1. 有哪些参考资料？\n\n**答案：**\n\n" + line), line


# From the sixty-fifth untuned trial (a course's translated notes and its table of contents, an LLM application
# tutorial with printed notebook output): a fence-like line inside an indented code block is the block's text
# (FM008); a numbered title between numbered titles is an entry of a table of contents, not an unanswered question
# (QA001); what one really needs (`你真正需要的是…`) is a goal, not the subject's property; a value set (`设为 1`) is no
# copula before a modifier of another term.
def test_a_fence_line_in_indented_code_is_text():
    doc = ("### 1. 怎么调用模型？\n\n**答案：**\n\n```python\nprint(run())\n```\n\n    运行输出：\n\n"
           "    ```python from tool import get_completion\n\n    response = get_completion(prompt) ```\n\n    结果很好。\n")
    assert "FM008" not in found(doc)
    assert "FM008" in found("### 1. 怎么调用模型？\n\n**答案：**\n\n```python\nprint(run())\n\n后面的文字。\n")
    listed = "### 1. 怎么调用模型？\n\n**答案：**\n\n- 第一步：\n\n    ```python\n    print(run())\n\n- 第二步：写日志。\n"
    assert "FM008" in found(listed)  # (a fence under a list item is a fence)


def test_titles_of_a_table_of_contents_are_no_unanswered_questions():
    toc = ("# 目录\n\n## 第一门课\n\n1.1 欢迎\n\n1.2 什么是神经网络？\n\n1.3 神经网络的监督学习\n\n"
           "1.4 为什么深度学习会兴起？\n\n## 第二门课\n\n2.1 训练集、验证集、测试集\n\n2.2 为什么正则化可以减少过拟合？\n")
    assert "QA001" not in found(toc)


@pytest.mark.parametrize("answer,code", [
    ("贪心搜索每一步挑选最有可能的词，但是你真正需要的是一次性选出整个序列，让整体的概率最大化。", "FC402"),
    ("分类时用交叉熵。在回归任务中，我们把输出个数设为 1，并把输出交给线性回归中使用的平方损失。", "FC117"),
])
def test_a_course_states_no_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("贪心搜索能让整体的概率最大化。", "FC402"),
    ("交叉熵是给回归用的损失。", "FC117"),
])
def test_the_course_slips_are_still_found(answer, code):
    assert code in found(item(answer)), answer
