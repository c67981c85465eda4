"""Readings of the thirty-fourth untuned trial's misread layouts, in wording of my own (not the trial's text): an
agenda of numbered questions announced by a line ending in a colon and answered in the sections after it; and a
one-line list question that carries its answer after a colon (`…怎么办：…`)."""
from __future__ import annotations

from qatool.lint.engine import Linter
from qatool.parse import parse_text
from qatool.parse.extract import _answered_inline, _entry_asks

DEFAULT = Linter.default()

AGENDA = """# 隐马尔可夫模型

#### 1. 模型要解决什么问题

序列标注里，每个位置的标签都依赖前一个位置。

#### 2. 模型的结构

模型由初始概率、转移矩阵和发射矩阵组成。一个暴力的办法是枚举所有状态序列，再逐个算概率，但这样的复杂度是指数级。

于是我们要回答三个问题：

1.已知参数，怎样算出一个观测序列的概率？

2.只有观测序列时，怎样估计模型的参数？

3.已知参数和观测，怎样找出最可能的状态序列。

**2.1 第一个问题：怎样算出观测序列的概率？**

用前向算法，按时间递推累加每个状态的前向概率，复杂度是状态数的平方乘以长度。

**2.2 第二个问题：怎样估计参数？**

用 Baum-Welch 算法，也就是 EM 在隐马尔可夫模型上的形式。

**2.3 第三个问题：怎样找出最可能的状态序列？**

用维特比算法做动态规划，记下每一步的最优前驱。

#### 3. 应用

词性标注和语音识别。
"""


def test_an_announced_agenda_of_questions_is_no_list_of_items():
    doc = parse_text(AGENDA, "hmm.md")
    questions = [r["question"] for r in doc.records]
    assert not any(q.startswith(("已知参数", "只有观测", "1.", "2.")) for q in questions), questions
    assert [q for q in questions if q.startswith("第")] == ["第一个问题：怎样算出观测序列的概率？", "第二个问题：怎样估计参数？",
                                                              "第三个问题：怎样找出最可能的状态序列？"], questions
    assert not [f for f in DEFAULT.lint_text(AGENDA, "hmm.md") if f.code == "QA001"]


QUESTIONS_IN_A_ROW = """# 面试记录

#### 1. 概率图模型

1.已知参数，怎样算出一个观测序列的概率？

2.只有观测序列时，怎样估计模型的参数？

用 Baum-Welch 算法。
"""


def test_questions_in_a_row_without_an_announcing_colon_are_still_items():
    doc = parse_text(QUESTIONS_IN_A_ROW, "q.md")
    assert any(r["question"].startswith("只有观测序列") for r in doc.records), [r["question"] for r in doc.records]


INTERVIEW_LOG = """# 面经

### 一面

1. BERT 的预训练任务是什么？

   掩码语言模型和下一句预测。

2. Transformer 里 decoder 有几个注意力？

   两个，一个自注意力，一个交叉注意力。

### 二面
3. 推荐里为什么只看 AUC 不够？怎么改进？：换成按用户分组的 GAUC

### 三面

4. 梯度爆炸怎么办：梯度裁剪，或者减小学习率
5. 请推导逻辑回归的损失：写出似然函数再取负对数
6. 为什么 L1 会带来稀疏？：等高线在坐标轴上有尖角，最优解容易落在轴上
7. Adam 和 SGD 有什么区别？

   Adam 给每个参数自适应的步长。
"""


def test_a_list_question_that_answers_after_its_colon_is_not_unanswered():
    flagged = {f.line for f in DEFAULT.lint_text(INTERVIEW_LOG, "log.md") if f.code == "QA001"}
    assert not flagged & {14, 17, 19}, flagged


def test_what_an_answer_after_a_colon_is():
    assert _answered_inline("梯度爆炸怎么办：梯度裁剪")
    assert _answered_inline("为什么 L1 会带来稀疏？：等高线在坐标轴上有尖角")
    # a prompt whose task goes on after the colon, objects announced, a question after it, a link
    assert not _answered_inline("请推导逻辑回归的损失：写出似然函数再取负对数")
    assert not _answered_inline("请解释以下概念：Dropout、BN")
    assert not _answered_inline("面试题：为什么要做归一化？")
    assert not _answered_inline("BN 为什么有效？：[原文](https://example.com/bn)")


# --------------------------------------------------------------------------- 35th untuned trial, same session

KEYED_PROPERTIES = """# 初始化方法

### 2. **随机初始化**
- **原理**：权重从均匀分布或正态分布里随机取值。

* **问题**：

  * 范围取得不合适时，信号会逐层变小或变大。

* **适用场景**：浅层网络，范围要手动调。

### 3. **Xavier 初始化**
- **原理**：让前向和反向的方差保持一致。
"""


def test_a_problem_key_among_keyed_entries_names_a_drawback():
    doc = parse_text(KEYED_PROPERTIES, "init.md")
    assert not [r for r in doc.records if "范围取得不合适" in r["question"]], [r["question"] for r in doc.records]
    assert not [f for f in DEFAULT.lint_text(KEYED_PROPERTIES, "init.md") if f.code == "QA001"]


ANNOUNCED_PROBLEMS = """# 边框损失

##### IoU 损失

IoU 损失只看交并比，写法简单，主要是`交集/并集`，但其实也存在两个问题。

![](https://example.com/iou.png)

问题1：即状态1的情况，当`两个框不相交时，IoU=0，看不出远近`，此时损失不可导，无法优化不相交的情况。

问题2：即状态2和状态3的情况，当两个框大小相同，`IoU 也相同，损失分不出它们相交的方式。`

![](https://example.com/giou.png)

GIoU 加入了最小外接框，缓解了不相交时没有梯度的问题。

##### DIoU 损失

DIoU 直接最小化中心点距离。
"""


def test_numbered_problems_after_an_announcement_are_no_questions():
    doc = parse_text(ANNOUNCED_PROBLEMS, "iou.md")
    assert not [r for r in doc.records if r["question"].startswith(("两个框", "问题"))], [r["question"] for r in doc.records]
    assert not [f for f in DEFAULT.lint_text(ANNOUNCED_PROBLEMS, "iou.md") if f.code == "QA001"]


def test_a_problem_label_that_asks_is_still_a_question():
    text = "### 1. 训练\n\n模型训练里有很多细节，但也存在一些问题。\n\n问题1：学习率怎么选？\n\n看损失曲线，先用小学习率试。\n"
    doc = parse_text(text, "q.md")
    assert any(r["question"].startswith("学习率怎么选") for r in doc.records), [r["question"] for r in doc.records]


def test_a_step_named_and_described_asks_nothing():
    # a numbered step `名称: 描述.` whose description holds 哪些 is a step of an answer, not a list question
    assert not _entry_asks("确定预训练目标: 想清楚模型要学哪些通用知识,以及针对哪些任务优化.")
    assert not _entry_asks("**准备数据**：收集哪些数据、怎样清洗，都要先定下来。")
    # a short entry that asks, and one whose named part asks, still ask
    assert _entry_asks("预训练目标有哪些?")
    assert _entry_asks("为什么要做归一化: 请结合 BN 说明")
