"""Readings added in the twenty-second session (2026-12-04), in wording of my own.

From the sixty-sixth untuned trial (hand-built LLM tutorials, worked solutions to a statistics-learning textbook, a
deep-learning reading list): a term inside a manner frame (`以自注意力矩阵偏置的形式作用于…`) names the form
something takes, not what the sentence is said of; a sentence that opens on the converse (`反之，…`) states the
opposite case and does not go on with the subject before it; a file in another repository of a project's own
GitHub owner (`pytorch/vision/blob/…/resnet.py` for "PyTorch 官方实现 ResNet") is no wrong official repository.

From the sixty-seventh untuned trial (computer-vision tutorials, NLP tutorial READMEs, learning-theory notes): an
acronym joined by a hyphen to a capital prefix (`W-GAN`) names another model; a learning rate that rises and then
falls (`由小增大再逐渐下降`) is warmup followed by decay, not warmup said to lower it; a link text that spells out the
short name a paper's title opens with (`Bidirectional Encoder Representations from Transformers` for BERT) is the
work's name, not a wrong title (FC201).

From the twentieth phrasing set (read this session; the twenty-first stays unread): `可不是`/`可不` deny (save the
agreeing `可不是嘛`); an emoji that social notes put between sentences (✅ 💡 ⚠ …) ends one; a belief someone is
said to hold (`有同学说…`) and a clause of its own that only rejects it (`…，这个不对，…`) are not asserted; `不是说 X`
denies X; a clause whose subject is an acronym the glossary does not know (`这个平均 NLL 是…`) is said of that thing.

From the sixty-eighth untuned trial (six Datawhale tutorials: an NLP textbook, LLM algorithm exercises, team-learning
tasks): a heading that repeats a question's number for a part of it (`## Q1验证：…`) is no repeated number (QA004);
a denied property that picks out a term (`无偏置、不减均值的 RMSNorm`) states nothing wrong of it; removing a step
(`去除均值计算`) is no subtraction of the mean; states passed along side by side (`在时间轴上并行传递`) are no
parallel computation over time; a choice between the true token and the model's prediction is no teacher-forcing
slip; the term whose authors speak (`BERT 的作者认为 ELMo…`) is not what they speak of; a comparison frame that
closes its clause on the difference (`与 BERT 致力于…不同，`) leaves the term compared; in a text about GLU-family
layers a count of three matrices is the GLU's (FC357); `近似 X 的推理收益` estimates a measure.

From the sixty-ninth untuned trial (reinforcement-learning notes, Hugging Face tutorials, a book on reasoning with
hands-on exercises): `容易分类错误的样本` are the hard ones (FC308); a word listed after the term with 、 is its peer
(`（k-NN、聚类）`); a link text that names the work and glosses it with words of its title (`低秩适配(Low-Rank
Adaptation, LoRA)`) is no wrong title, while a misspelt title still is (FC201); the questions of a hands-on exercise
(`## 自己动手：…`) are the reader's to answer (QA001); two objects of an example with the same values are no
duplicate list items (QA005).

From the seventieth untuned trial (a reinforcement-learning book, mathematics for AI, PDF-copied toy-code notes): a
reader said to think so however long the reason (`有读者可能会因为…，就觉得…`) asserts nothing; a frame that names a
thing the glossary does not know (`在 PPO-ER 中，…`) is about that thing, not the term asked or carried; what a method
is adapted to (`以适应 off-policy 训练`) is not what it is (FC398); lowering the samples' correlation
(`降低样本相关性`) is no smaller training set (FC131).

From the seventy-first untuned trial (an agents book, LLM deployment tutorials, a RAG tutorial with its sample data):
self-supervised learning is no supervised learning (FC155); `尾数位宽度` is the noun bit width, no comparison (FC419);
the cost of a step that moves data to or from HBM is memory traffic, not attention's compute (FC178); a bracketed
number written at a line's start (`（3）…`) counts as written when the parser took that line into an answer (QA003); a
variety named by its colour or state before the plain kind (`青花椒、花椒`) is no truncated item (FM005)."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item


@pytest.mark.parametrize("answer,code", [
    ("旋转编码既可以以自注意力偏置的方式作用于打分，直接反映两个 token 的相对位置，也可以写成对 q、k 的旋转。", "FC364"),
    ("ALiBi 以自注意力偏置的形式作用于注意力分数，反映了 token 之间的相对位置。", "FC364"),
    ("模型越简单，方差越小，容易欠拟合。反之，模型越复杂，越容易过拟合。", "FC132"),
    ("决策树深度越浅，模型越简单，偏差大。相反地，树越深，越容易过拟合。", "FC132"),
])
def test_not_a_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    # the subject itself, or a subject the converse does not leave
    ("自注意力天然能感知词序，不需要位置编码。", "FC364"),
    ("自注意力以矩阵乘法的形式计算，天然能感知词序。", "FC364"),
    ("模型越简单，越稳定，而且更容易过拟合。", "FC132"),
    ("参数越少的模型越容易过拟合。反之，参数多的模型泛化更好。", "FC132"),
])
def test_the_slip_is_found(answer, code):
    assert code in found(item(answer)), answer


def test_a_file_of_the_projects_own_owner_is_no_wrong_official_repository():
    head = "### 1. 有哪些参考实现？\n\n**答案：**\n\n"
    assert "FC204" not in found(head + "- [PyTorch 官方实现的 VGG](https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py)\n")
    for line in ("- [PyTorch 官方仓库](https://github.com/pytorch/vision)\n",  # the owner's other repository named as the project's own
                 "- [PyTorch 官方实现的 VGG](https://github.com/someone/vision/blob/main/vgg.py)\n",
                 "- GPT-2 官方仓库：https://github.com/openai/gpt\n"):
        assert "FC204" in found(head + line), line


@pytest.mark.parametrize("answer,code", [
    ("DC-GAN 之后，又有 W-GAN 用 Wasserstein 距离代替 JS 散度。", "FC448"),
    ("Noam 调度中 warmup 让学习率由小增大再逐渐下降。", "FC145"),
    # the twentieth set's traps, reworded
    ("张量并行切的是矩阵乘法，ZeRO 可不是张量并行哦！", "FC431"),
    ("mAP 可不是各类准确率的平均！它是各类 AP 的平均。", "FC460"),
    ("GBDT 的第二棵树可不拟合原始标签，拟合的是负梯度。", "FC446"),
    ("k-means 只按距离把样本分到最近的中心✅ 说它属于有监督分类就错啦🔥", "FC438"),
    ("有同学说数据增强会加重过拟合，这个不对，增强只是可能伤效果。", "FC140"),
    ("PR 曲线的横轴才是召回率，也不是说 ROC 的横轴是召回率。", "FC112"),
    ("困惑度等于 exp(平均 NLL)，这个平均 NLL 是大于等于 0 的，所以困惑度至少为 1。", "FC304"),
])
def test_not_a_slip_either(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("原始 GAN 用 Wasserstein 距离来训练。", "FC448"),
    ("warmup 就是在前几千步里让学习率慢慢降下来。", "FC145"),
    ("ZeRO 就是张量并行。", "FC431"),
    ("可不是嘛，ZeRO 就是张量并行。", "FC431"),
    ("k-means 属于有监督学习✅ 训练时要用标签💡", "FC438"),
    ("数据增强会加重过拟合，这个大家要记住。", "FC140"),
    ("困惑度的最小值是 0，PPL 可以为 0。", "FC304"),
])
def test_these_slips_are_still_found(answer, code):
    assert code in found(item(answer)), answer


def test_a_link_text_that_spells_out_the_name_is_no_wrong_title():
    head = "### 1. 用了哪个预训练模型？\n\n**答案：**\n\n"
    assert "FC201" not in found(head + "用的是 BERT（[Bidirectional Encoder Representations from Transformers](https://arxiv.org/abs/1810.04805)）。\n")
    assert "FC201" in found(head + "见 [Bidirectional Transformers for Language Generation](https://arxiv.org/abs/1810.04805)。\n")
    # given as the paper's title, the spelt-out name is a wrong title
    assert "FC201" in found(head + "BERT 的论文[Bidirectional Encoder Representations from Transformers](https://arxiv.org/abs/1810.04805)。\n")


@pytest.mark.parametrize("answer,code", [
    ("LLaMA 的归一化换成了无偏置、不减均值的 RMSNorm，计算更省。", "FC322"),
    ("**RMSNorm 替代 LayerNorm：** 去除均值计算，速度更快。", "FC322"),
    ("LSTM 引入了细胞状态和隐藏状态两个向量，在时间轴上并行传递。", "FC180"),
    ("教师强制的实现：按概率选择真实的下一个 token 或模型自己的预测作为输入。", "FC360"),
    ("BERT 的作者认为 ELMo 把两个单向语言模型拼起来还不够。", "FC173"),
    ("与 BERT 致力于通过双向上下文理解语言不同，GPT 的重心在生成。它以自回归方式逐词生成。", "FC173"),
    ("| 笔记本 | 近似 FlashAttention 的推理收益 |", "FC369"),
])
def test_trial68_readings_state_no_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("采用减均值的 RMSNorm。", "FC322"),
    ("RMSNorm 先减去均值，再除以标准差。", "FC322"),
    ("LSTM 在时间维度上也能并行计算。", "FC180"),
    ("教师强制就是把模型自己的预测作为下一步的输入。", "FC360"),
    ("BERT 的作者认为 BERT 是单向的。", "FC173"),
    ("BERT 和 GPT 不同，它是单向的。", "FC173"),
    ("FlashAttention 是一种近似注意力。", "FC369"),
    ("LSTM 有三个门，每个门一组权重，所以参数量是 RNN 的 3 倍。", "FC357"),
])
def test_trial68_slips_are_still_found(answer, code):
    assert code in found(item(answer)), answer


def test_a_count_of_three_matrices_in_a_glu_text_is_the_glus():
    text = ("### 1. SwiGLU 的参数量怎么算？\n\n**答案：**\n\n"
            "1. **SwiGLU 前馈层**：\n   输入为 d，隐藏层为 h。\n   因为有门控机制，升维需要两个投影矩阵。\n"
            "   降维需要一个矩阵。\n   总参数量 = $3 \\cdot (d \\times h)$。\n")
    assert "FC357" not in found(text)


def test_a_part_of_a_numbered_question_is_no_repeated_number():
    head = "# 练习\n\n## Q1：列表和字典各自负责什么？\n\n列表存顺序数据，字典存键值。\n\n"
    assert "QA004" not in found(head + "## Q1验证：合并配置\n\n运行下面的代码检查。\n")
    assert "QA004" in found(head + "## Q1：什么时候用元组？\n\n不可变时。\n")


@pytest.mark.parametrize("answer,code", [
    ("和交叉熵相比，Focal Loss 更关注容易分类错误的难样本。", "FC308"),
    ("在高维空间里，很多低维有效的算法（k-NN、聚类）都会失效。", "FC441"),
])
def test_trial69_readings_state_no_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("Focal Loss 更关注容易分类的样本。", "FC308"),
    ("k-NN 是一种聚类算法。", "FC441"),
])
def test_trial69_slips_are_still_found(answer, code):
    assert code in found(item(answer)), answer


def test_a_name_glossed_with_its_title_words_is_no_wrong_title():
    head = "### 1. LoRA 是谁提出的？\n\n**答案：**\n\n"
    assert "FC201" not in found(head + "微软提出了[低秩适配（Low-Rank Adaptation，LoRA）](https://arxiv.org/abs/2106.09685)。\n")
    assert "FC201" in found(head + "见 [LoRA: Low-Rank Adaptation of Large Langage Models](https://arxiv.org/abs/2106.09685)。\n")


def test_questions_of_a_hands_on_exercise_are_the_readers():
    doc = ("# 因果推断\n\n## 自己动手：用模拟数据估计因果效应\n\n### 第一步：生成数据\n\n```python\nx = 1\n```\n\n"
           "**问题 1**：真实的因果效应是多少？\n\n---\n\n### 第二步：比较相关性\n\n```python\ny = 2\n```\n")
    assert "QA001" not in found(doc)


def test_objects_of_an_example_with_the_same_values_are_no_duplicates():
    head = "### 1. 贪心法一定最优吗？\n\n**答案：** 不一定，看这个背包的例子：\n\n"
    assert "QA005" not in found(head + "1. 重量20，价值50\n2. 重量10，价值30\n3. 重量10，价值30\n")
    assert "QA005" in found(head + "1. 先按价值密度排序\n2. 依次放入物品\n3. 依次放入物品\n")


def test_trial70_readings():
    asked = "### 1. PPO 原理上是 on-policy 的，它能用经验回放吗？\n\n**答案：**\n\n"
    assert "FC398" not in found(asked + "可以。在 PPO-ER 中，智能体使用经验回放缓冲区中的数据训练策略网络，这需要调整损失函数以适应 off-policy 训练。\n")
    assert "FC398" not in found(item("有读者可能会因为 PPO 在重要性采样里用了旧策略采到的样本，就觉得 PPO 是 off-policy 的。其实不是。"))
    assert "FC131" not in found(item("把样本顺序打乱的好处有降低样本相关性、减小过拟合风险。"))
    assert "FC398" in found(asked + "可以，PPO 本来就是 off-policy 算法，直接用经验回放。\n")
    assert "FC131" in found(item("减少训练样本可以减小过拟合风险。"))


def test_trial71_readings():
    assert "FC155" not in found(item("预训练阶段在海量文本上通过自监督学习（Self-supervised Learning）的方式训练模型。"))
    assert "FC155" in found(item("预训练阶段用的是监督学习，需要大量人工标注。"))
    assert "FC419" not in found(item("- **缺点**：与 FP16 相比，BF16 的尾数位宽度更小，精度有所下降。"))
    assert "FC419" in found(item("BF16 的尾数比 FP16 更宽，所以精度更高。"))
    assert "FC178" not in found(item("自注意力的计算量是序列长度的平方。标准实现中，先从 HBM 读取 Q 和 K，时间复杂度为 $O(Nd)$；再算 $S=QK^T$，为 $O(N^2)$。"))
    assert "FC178" in found(item("自注意力的时间复杂度为 O(Nd)，是线性的。"))
    assert "FM005" not in found(item("下锅顺序：八角、桂皮、青花椒、花椒、干辣椒。"))
    assert "FM005" not in found(item("节点无状态，状态（元数据、数据、索引）都存在外部服务里。"))  # (72nd trial: a bound prefix)
    assert "FM005" in found(item("它用到了批归一化、归一化、激活函数。"))


def test_a_bracketed_number_at_a_line_start_counts_as_written():
    # (the trial's parser took `（3）…` into the answer of `（2）…`; the numbering rules still see that 3 is written)
    from qatool.lint.document import doc_from_parsed
    from qatool.lint.pyrules import _written_numbers
    from qatool.parse.extract import parse_text

    text = "## 区别\n\n（1）样本是序列数据。\n\n（2）学习器要自己发现好的动作。\n\n（3）智能体靠试错获得能力。\n\n(4) 奖励是延迟的。\n"
    written = _written_numbers(doc_from_parsed(parse_text(text, "t.md"), text))
    assert ("(#)", (3,)) in written and ("(#)", (4,)) in written


def test_a_fence_inside_a_string_literal_of_the_code_is_its_text():
    # (the seventy-second trial: a LangChain prompt template that asks for "```json" inside a ```python block)
    head = "### 1. 怎么写路由提示？\n\n**答案：**\n\n"
    code = '```python\nTEMPLATE = """返回一个 markdown 代码片段：\n```json\n{"destination": "x"}\n"""\nprint(TEMPLATE)\n```\n\n后文。\n'
    assert "FM008" not in found(head + code)
    # outside a string literal the opening line still says the block's closing fence was forgotten
    assert "FM008" in found(head + "```python\nx = 1\n\n```json\n{\"a\": 1}\n```\n\n后文。\n")
