"""Readings added in the thirty-sixth session (2026-12-05), in wording of my own.

From the thirty-fourth phrasing set's misses and flagged trap (read this session; the thirty-fifth stays unread),
written in the voices of a magazine's advice column, a TV quiz show, exam mnemonics and a job description:

- a question and its answer on one line are read as the statement they make together by the pattern and co-occurrence
  rules too, as by the claim rules (`主持人：…感受野多大？选手：…`, `读者来信：…用什么指标？答：…`), so that the question mark
  no longer hides the answer; a no, or an answer judged wrong, still leaves it asked;
- the roles of a quiz, a column, a press conference or a support chat label an answer after a question on the line before
  it as well (`选手：`, `发言人：`, `客服：`); a speaker's question is answered under an answer's label (`读者来信：…？答：…`);
- a question of how a thing changes (`…怎么变化？选手：越来越大。`, `…调大会怎样？`) is answered by the change;
- an answer to a question of what that makes a claim of its own (`…是多少？答：随机分类器毫无区分能力，…`) is no value
  put into the question;
- a property that names the very thing after it (`负样本里被错判为正的占比是 FPR`) is said of that thing, not of a term
  before it;
- a kind a property names lists its examples in brackets (`两阶段检测器（如 YOLO）`) or after `有`, with items the glossary
  does not know between them (`有监督方法有逻辑回归、SVM、k-means`);
- a last clause that asks to explain or carry out what comes before it (`…，请说明原因。`) leaves that stated (not one
  that asks to judge it, `…，请判断对错`);
- `恰恰相反` opening a sentence or an answer turns from what came before: what follows is stated; a belief set right by
  the clause after it (`…，纠正一下——…`) is reported, what follows is stated;
- phrasings: zero initialisation said to be fine (`初始化为 0 可以`), less data said to keep a model from overfitting
  (`把训练集删掉一部分…就不会过拟合`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    # a question and its answer on one line, for the pattern and co-occurrence kinds
    ('主持人：三层 3×3 卷积叠起来，感受野有多大？选手：9×9。主持人：答对了！', 'FC351', True),
    ('主持人：三层 3×3 卷积叠起来，感受野有多大？选手：7×7。主持人：答对了！', 'FC351', False),
    ('主持人：16×16 的图，5×5 卷积，步长 1，不补零，输出多大？选手：16×16。', 'FC350', True),
    ('主持人：16×16 的图，5×5 卷积，步长 1，不补零，输出多大？选手：12×12。', 'FC350', False),
    ('Q：forget gate 等于 1 意味着啥？A：把旧的记忆全部清空。', 'FC358', True),
    ('Q：forget gate 等于 1 意味着啥？A：旧的记忆原样保留。', 'FC358', False),
    ('主持人：forget gate 等于 1 意味着啥？选手：把旧的记忆全部清空。评委：很遗憾，答错了。', 'FC358', False),
    ('读者来信：正例不到 2% 的数据集，评估该看哪个指标？答：看准确率就行，类别不平衡时 accuracy 最可靠。', 'FC114', True),
    ('读者来信：正例不到 2% 的数据集，评估该看哪个指标？答：看 PR-AUC，类别不平衡时 accuracy 不可靠。', 'FC114', False),
    # the roles, and a speaker's question answered under an answer's label
    ('记者：同样的隐藏层宽度，LSTM 的参数大约是普通 RNN 的几倍？发言人：三倍左右。', 'FC357', True),
    ('记者：同样的隐藏层宽度，LSTM 的参数大约是普通 RNN 的几倍？发言人：四倍左右。', 'FC357', False),
    # (caught on the session's starting code too: a support chat's roles labelled an inline answer already)
    ('用户：GPT 预训练的任务是什么？客服：掩码语言模型。', 'FC175', True),
    ('用户：GPT 预训练的任务是什么？客服：预测下一个 token。', 'FC175', False),
    # how a thing changes, answered by the change
    ('主持人：用 Adagrad 时，随着迭代进行，步长会怎么变化？选手：越来越大。', 'FC330', True),
    ('主持人：用 Adagrad 时，学习率怎么变？选手：越来越大。', 'FC330', True),
    ('主持人：用 Adagrad 时，随着迭代进行，步长会怎么变化？选手：越来越小。', 'FC330', False),
    ('主持人：batch 从 64 加到 2048，梯度的噪声如何变化？选手：跟着变大。', 'FC333', True),
    ('主持人：batch 加大，噪声会怎样？选手：变大。', 'FC333', True),
    ('主持人：batch 从 64 加到 2048，梯度的噪声如何变化？选手：不对，会变小。', 'FC333', False),
    # an answer that makes a claim of its own is no value
    ('读者来信：瞎猜的分类器 AUC 是多少？答：这种分类器完全没有区分能力，因此 AUC 等于 0。', 'FC110', True),
    ('读者来信：瞎猜的分类器 AUC 是多少？答：这种分类器完全没有区分能力，因此 AUC 等于 0.5。', 'FC110', False),
    # a property that names the thing after it
    ('读者问：TNR 和 FPR 什么关系？答：负类里被错判成正类的占比是 FPR；TNR = 1 − FPR。', 'FC107', False),
    # (caught on the session's starting code too: a plain definition, that the binding to the term after a property
    # leaves stated)
    ('TNR 就是负类里被错判成正类的占比。', 'FC107', True),
    # examples of a kind
    ('我们在招人：要熟悉单阶段检测器（如 Faster R-CNN）的部署。', 'FC458', True),
    ('我们在招人：要熟悉两阶段检测器（如 Faster R-CNN）的部署。', 'FC458', False),
    ('常见的有监督方法有逻辑回归、SVM、k-means。', 'FC438', True),
    ('常见的有监督方法有逻辑回归、SVM、决策树，k-means 则是无监督的。', 'FC438', False),
    # a request for an explanation after what it presupposes
    ('面试题：RBF 核的 SVM 训练前要先显式算出每个样本的 φ(x) 并保存，请说明如何压缩内存。', 'FC444', True),
    ('面试题：RBF 核的 SVM 为什么不用显式算出 φ(x)，请说明原因。', 'FC444', False),
    # 恰恰相反 opening an answer, and a belief set right
    ('读者来信：ROC 曲线下面积才 0.05，是不是很糟？答：恰恰相反，AUC 越低越好。', 'FC109', True),
    ('常有人说 AUC 越低越好，恰恰相反。', 'FC109', False),
    ('实习生把 DDP 说成按层切分模型，纠正一下——DDP 每张卡都有完整模型。', 'FC425', False),
    ('实习生把 DDP 说成按层切分模型，纠正一下——DDP 就是把不同的层放到不同卡上。', 'FC425', True),
    # phrasings
    ('MLP 的权重统统初始化为 0 可以，反向传播会让它们分化开。', 'FC337', True),
    ('线性回归的权重初始化为 0 可以，它是凸问题。', 'FC337', False),
    ('MLP 的权重统统初始化为 0 可以吗？', 'FC337', False),
    ('把训练集删掉一半，模型自然就不会过拟合。', 'FC131', True),
    ('把训练集删掉一半不会缓解过拟合，只会加剧。', 'FC131', False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
