"""Readings of the thirty-fourth untuned trial's misread layouts, in wording of my own (not the trial's text): an
agenda of numbered questions announced by a line ending in a colon and answered in the sections after it; and a
one-line list question that carries its answer after a colon (`…怎么办：…`)."""
from __future__ import annotations

from qatool.lint.engine import Linter
from qatool.parse import parse_text
from qatool.parse.extract import _answered_inline

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
