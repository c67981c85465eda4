"""Readings added in the thirty-sixth session (2026-12-05), in wording of my own.

From the thirty-fourth phrasing set's misses and flagged trap (read this session; the thirty-fifth stays unread),
written in the voices of a magazine's advice column, a TV quiz show, exam mnemonics and a job description:

- a question and its answer on one line are read as the statement they make together by the pattern and co-occurrence
  rules too, as by the claim rules (`主持人：…感受野多大？选手：…`, `读者来信：…用什么指标？答：…`), so that the question mark
  no longer hides the answer, and so is a short answer right after its question with no labels (`…看哪个指标？准确率最
  靠谱。`); a no, an answer of its own sentence, or an answer judged wrong, still leaves it asked; a note's label after a sentence
  (`…。注：…`) is read past;
- the roles of a quiz, a column, a press conference or a support chat label an answer after a question on the line before
  it as well (`选手：`, `发言人：`, `客服：`); a speaker's question is answered under an answer's label (`读者来信：…？答：…`);
  a chat's time stamps (`用户 [21:15]：`, `21:16 客服：`) and a remark before the answer (`好问题！`, `亲，`) are read past, and
  a yes may echo the question's own verb (`…还生效吗？客服：生效的。`), end on a chat's particle (`是的呢`, `对哦`) or be said
  formally (`确实如此`, `可以这么理解`); the `错` of a yes (`…？没错！`) takes nothing back;
- the blanks such readings leave (labels, asking words, time stamps) are cut to one, so that they no longer count against
  the few characters a phrasing allows between its words;
- a question of how a thing changes (`…怎么变化？选手：越来越大。`, `…调大会怎样？`) is answered by the change; a request for
  a value, a formula or a list (`考官：请写出 X 的公式。考生：…`, `请列举两个…。`) is answered as a question of what is;
- an answer to a question of what that makes a claim of its own (`…是多少？答：随机分类器毫无区分能力，…`) is no value
  put into the question;
- a property that names the very thing after it (`负样本里被错判为正的占比是 FPR`) is said of that thing, not of a term
  before it;
- a kind a property names lists its examples in brackets (`两阶段检测器（如 YOLO）`) or after `有`, with items the glossary
  does not know between them (`有监督方法有逻辑回归、SVM、k-means`);
- a last clause that asks to explain or carry out what comes before it (`…，请说明原因。`) leaves that stated (not one
  that asks to judge it, `…，请判断对错`);
- `恰恰相反` opening a sentence or an answer turns from what came before: what follows is stated; a belief set right by
  the clause after it (`…，纠正一下——…`) or taken back as a joke (`…——开玩笑的，…`) is reported, what follows is stated;
  a belief someone else holds firmly (`组长坚信…`, `他一直以为…`; not one's own, `我坚信…`) is reported; a turn in brackets
  that says the line before it is wrong (`（观众：错！）`) judges it false;
- a ratio named after the clause that defines it (`…，这个占比就是召回率`) names what the clause describes;
- phrasings: zero initialisation said to be fine (`初始化为 0 可以`), less data said to keep a model from overfitting
  (`把训练集删掉一部分…就不会过拟合`), LoRA said to update every weight (`LoRA 会更新全部参数`), ROUGE said
  to look at precision (`考察的是精确率`), a larger smoothing ε said to make a model surer (`ε 越大…越自信`), a dropout rate
  raised from one value to another said to weaken regularisation, accuracy said to be reliable at any class ratio of
  1:20 or more (`1:50`), not only 1:99.
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
    # a short answer right after its question, with no labels
    ('类别比例 1:50，评估看哪个指标？准确率最靠谱。', 'FC114', True),
    ('类别比例 1:50，评估看哪个指标？PR-AUC，准确率不靠谱。', 'FC114', False),
    ('把 temperature 调大会怎样？生成更确定。', 'FC404', True),
    ('把 temperature 调大会怎样？生成更随机。', 'FC404', False),
    # (not a no marked by a cross, a question that asks whether the statement before it is right, a question quoted, or
    # a condition asked by its tone, `过拟合了？那就…`, which the patterns read as a condition)
    ('遗忘门输出为 1 代表把旧记忆全部清空？❌', 'FC358', False),
    ('遗忘门输出为 1 代表把旧记忆全部清空？✅', 'FC358', True),
    # (caught on the session's starting code too: a statement asked about and affirmed)
    ('衡量可解释性直接看准确率就行，对吗？对，准确率能量化可解释性。', 'FC159', True),
    ('模型过拟合了？那就删掉一半训练数据。', 'FC131', True),
    ('“温度调大输出更确定？”反了，温度越大越随机。', 'FC404', False),
    # the roles, and a speaker's question answered under an answer's label
    ('记者：同样的隐藏层宽度，LSTM 的参数大约是普通 RNN 的几倍？发言人：三倍左右。', 'FC357', True),
    ('记者：同样的隐藏层宽度，LSTM 的参数大约是普通 RNN 的几倍？发言人：四倍左右。', 'FC357', False),
    # (caught on the session's starting code too: a support chat's roles labelled an inline answer already)
    ('用户：GPT 预训练的任务是什么？客服：掩码语言模型。', 'FC175', True),
    ('用户：GPT 预训练的任务是什么？客服：预测下一个 token。', 'FC175', False),
    # a request for a value, a formula or a list, answered under another speaker's label
    ('考官：请给出 GELU 的定义式。考生：x·sigmoid(x)。', 'FC344', True),
    ('考官：请给出 GELU 的定义式。考生：x·Φ(x)，Φ 是标准正态的分布函数。', 'FC344', False),
    ('考官：请列举两个深度学习框架。考生：ResNet 和 VGG。', 'FC171', True),
    ('考官：请列举两个深度学习框架。考生：PyTorch 和 JAX。', 'FC171', False),
    ('考官：请列举两个深度学习框架。考生：ResNet 和 VGG。考官：不对，那是模型。', 'FC171', False),
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
    # false alarms a midway run found on the development corpora: blanks of masked inline code are a word, not gap
    # (`自注意力的 $O(n^2)$ 计算复杂度以及`KV Cache`随…线性膨胀`); a number is no kind its bracketed example is one of
    # (`> 100B（如 GPT-3）`); what another thing is an alternative to is not said of it (`…是训练所有参数的可行替代方案`)
    ('为了解决长上下文推理中自注意力的 $O(n^2)$ 计算复杂度以及`KV Cache`随上下文长度线性膨胀的问题，可以…。', 'FC178', False),
    ('模型规模 > 100B（如 GPT-3）时才出现这种能力。', 'FC383', False),
    ('冻结主干、只加 LoRA 层，是训练所有参数的一个高效替代方案。', 'FC389', False),
    # (not yet: a property after `以及` and a subject the glossary does not know is read as said of the term before)
    pytest.param('长文本场景里，自注意力的 `O(n^2)` 开销以及 `KV Cache` 随长度线性增长的显存都是瓶颈。', 'FC178', False,
                 marks=pytest.mark.xfail(strict=True, reason="a property after 以及 binds to the term before it")),
    # a chat's time stamps, a remark before the answer, a yes that echoes the question's verb
    ('用户 [21:15]：推理阶段 BN 用什么统计量？客服 [21:16]：当前这个 batch 的均值和方差。', 'FC138', True),
    ('用户 [21:15]：推理阶段 BN 用什么统计量？客服 [21:16]：训练时累计的滑动平均。', 'FC138', False),
    ('21:15 用户：推理阶段 BN 用什么统计量？21:16 客服：当前这个 batch 的均值和方差。', 'FC138', True),
    ('记者：Adam 是二阶优化器吗？发言人：好问题！是的。', 'FC332', True),
    ('记者：Adam 是二阶优化器吗？发言人：好问题！不是，它只用一阶梯度。', 'FC332', False),
    ('用户：推理时 Dropout 还生效吗？客服：生效的。', 'FC136', True),
    ('用户：推理时 Dropout 还生效吗？客服：不生效的。', 'FC136', False),
    ('用户：推理时 Dropout 还生效吗？客服：生效的呢。', 'FC136', True),
    # (caught on the session's starting code too: the answer's own clause states it)
    ('用户：k-means 需要标注数据吗？客服：亲，需要的哦，它是有监督的。', 'FC438', True),
    ('用户：k-means 是有监督的吗？客服：亲，是的呢。', 'FC438', True),
    ('用户：k-means 是有监督的吗？客服：不是的呢，它不用标签。', 'FC438', False),
    ('记者：Transformer 的自注意力天然知道词序吗？发言人：确实如此。', 'FC364', True),
    ('记者：Transformer 的自注意力天然知道词序吗？发言人：并非如此，要靠位置编码。', 'FC364', False),
    ('记者：GPT 是不是双向模型？发言人：可以这么理解。', 'FC174', True),
    # (a yes of `没错` is no `错`)
    ('困惑度越大说明语言模型越好？没错！', 'FC111', True),
    ('困惑度越大说明语言模型越好？没错，这是很多人的误解，其实越小越好。', 'FC111', False),
    # a note's label after a sentence (`…。注：…`) is read past
    ('顺口溜：贪心一路走到底。注：greedy decoding 逐步取最大，拼出来的整句概率就是全局最大。', 'FC402', True),
    ('顺口溜：贪心一路走到底。注：greedy decoding 逐步取最大，整句概率却未必全局最大。', 'FC402', False),
    # a belief someone else holds firmly, a joke taken back, a bracketed turn that judges the line before it
    ('我们组长坚信 AUC 越低越好，所以他的模型越调越差。', 'FC109', False),
    # (caught on the session's starting code too: one's own belief is stated)
    ('我坚信 AUC 越低越好。', 'FC109', True),
    ('Adam 算二阶优化器，它用了 Hessian——开玩笑的，它只用一阶梯度。', 'FC332', False),
    # (caught on the session's starting code too: what comes after the joke is stated)
    ('BERT 是单向的——开玩笑的，GPT 才是双向模型。', 'FC174', True),
    ('朋友们，k-means 是有监督的！（观众：错！）好吧，是无监督的。', 'FC438', False),
    # (caught on the session's starting code too: a bracketed turn that says yes)
    ('朋友们，k-means 是有监督的！（观众：对！）', 'FC438', True),
    # phrasings
    ('MLP 的权重统统初始化为 0 可以，反向传播会让它们分化开。', 'FC337', True),
    ('线性回归的权重初始化为 0 可以，它是凸问题。', 'FC337', False),
    ('MLP 的权重统统初始化为 0 可以吗？', 'FC337', False),
    ('把训练集删掉一半，模型自然就不会过拟合。', 'FC131', True),
    ('把训练集删掉一半不会缓解过拟合，只会加剧。', 'FC131', False),
    ('用 LoRA 时要更新模型的所有权重。', 'FC389', True),
    ('全参数微调更新所有权重，LoRA 只训练两个低秩矩阵。', 'FC389', False),
    ('LoRA 只更新所有参数中的 0.1%。', 'FC389', False),
    ('ROUGE 考察的是精确率。', 'FC301', True),
    ('ROUGE 考察的是召回率。', 'FC301', False),
    ('label smoothing 的 ε 调得越大，输出分布越自信。', 'FC319', True),
    ('label smoothing 的 ε 越大，模型越不自信。', 'FC319', False),
    ('把 dropout 的 p 从 0.3 提到 0.6，正则作用会减弱。', 'FC317', True),
    ('把 dropout 的 p 从 0.3 提到 0.6，正则作用会增强。', 'FC317', False),
    # a ratio named after the clause that defines it (`…，这个占比就是 X`)
    ('在所有预测成正类的样本里数一数有多少真是正类，这个占比就是召回率。', 'FC101', True),
    ('在所有真实正类里数一数有多少被预测成正类，这个占比就是召回率。', 'FC101', False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
