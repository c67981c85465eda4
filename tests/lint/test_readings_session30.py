"""Readings added in the thirtieth session (2026-12-05), in wording of my own.

From the twenty-eighth phrasing set (read this session; the twenty-ninth stays unread), written in the voices of an
engineer's weekly report, a GitHub issue thread, pull-request review comments and a study post: what a text under
review says (a code comment, a document) judged wrong in the same clause (`注释写 X 不对`) is not asserted, nor is a
statement in ASCII single quotes judged wrong after it; an A-not-A whose answer is said not to matter (`判得对不对不影响…`)
asks nothing; a clause that opens with how the term before it is computed (`，口径是…`, `，计算方法是…`) or with a part of
its figure or formula (`，横轴取…`, `，分母是…`) goes on with that term; a term's gloss after the phrasing (`真正例率 TPR`)
and a term inside a parallel phrasing of the same claim (`横轴取 A、纵轴取 B`) are part of the phrasing. Phrasings: the
denominator written as the formula's sum (FC101/FC102), `打了正标签` (FC104), the two averaged (FC108), a fall judged an
improvement and a rise judged a decline (FC109/FC115), the area under the curve without ROC named (FC110), dropout's
random dropping kept at inference and evaluation mode advised against (FC136). STRUCTURE holds the untuned trials'
structure misreads (109th-111th): a line that asks in its first clause and answers after it, a question heading answered
by the statement headings below it, and a `问题：` that names what the model does not know."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    # a text under review judged wrong in the same clause, a single-quoted statement judged wrong
    ("审阅意见：文档里写 BERT-base 约有 340M 参数不对，那是 BERT-large 的规模。", "FC384", False),
    ("审阅意见：BERT-base 约有 340M 参数，文档写对了。", "FC384", True),
    ("评语：答卷里的 'BERT-base 约有 340M 参数' 不对，base 版约 110M。", "FC384", False),
    # a symptom told under its label, with no inference drawn, is what was seen
    ("遇到的问题：监控里看到 log loss 掉到了 −0.1。排查后发现是标签没做 one-hot。", "FC119", False),
    ("遇到的问题：log loss 掉到了 −0.1，说明模型已经拟合得很好。", "FC119", True),
    # an A-not-A whose answer is said not to matter asks nothing
    ("召回率的口径是被预测为正的样本里真正为正的比例，负样本分得对不对不影响它。", "FC101", True),
    ("召回率的口径是真实为正的样本里被预测为正的比例，负样本分得对不对不影响它。", "FC101", False),
    # a clause that opens with how the term before it is computed
    ("上线后 recall 到了 0.8，计算方式是用 TP 除以预测为正的样本数。", "FC101", True),
    ("上线后 recall 到了 0.8，计算方式是用 TP 除以真实为正的样本数。", "FC101", False),
    ("准确率看的是被模型打了正标签的样本中有多少真的为正。", "FC104", True),
    ("精确率看的是被模型打了正标签的样本中有多少真的为正。", "FC104", False),
]

FORMULAS = [
    # the two metrics averaged
    ("F1 直接对这两个指标取平均就行。", "FC108", True),
    ("F1 对这两个指标取调和平均。", "FC108", False),
    # the denominator written as the formula's sum
    ("查准率的分母为 FN+TP。", "FC102", True),
    ("查准率的分母为 TP+FP。", "FC102", False),
    ("查全率的分母就是 TP+FP。", "FC101", True),
    ("查全率的分母就是 TP+FN。", "FC101", False),
]

RESULTS = [
    # a fall judged an improvement, a rise judged a decline
    ("AUC 从 0.8 跌到 0.6，区分能力变强了。", "FC109", True),
    ("AUC 从 0.6 涨到 0.8，区分能力变强了。", "FC109", False),
    ("换了特征后 AUC 从 0.6 涨到 0.9，这说明排序质量变差了。", "FC109", True),
    ("换了特征后 AUC 从 0.6 涨到 0.9，但线上点击率变差了。", "FC109", False),
    ("BLEU 由 30 跌到 24，生成质量提升不少。", "FC115", True),
    ("BLEU 从 24 提高到 30，说明译文质量恶化。", "FC115", True),
    ("BLEU 从 24 提高到 30，说明译文质量改善。", "FC115", False),
]

FIGURES = [
    # a part of the figure goes on with the term before it; a gloss and a parallel phrasing are part of the phrasing
    ("周报里加了 ROC 曲线，横轴用召回率 recall，纵轴用 FPR。", "FC112", True),
    ("周报里加了 ROC 曲线，横轴用 FPR，纵轴用召回率 recall。", "FC112", False),
    ("周报里加了 ROC 曲线，横轴是灵敏度 TPR、纵轴是误报率 FPR。", "FC112", True),
    ("周报里加了 ROC 曲线，横轴是误报率 FPR、纵轴是灵敏度 TPR。", "FC112", False),
    ("随机分类器的曲线下面积为 0。", "FC110", True),
    ("乱猜的模型画出来的 ROC 曲线就是对角线，曲线下面积为 0.5。", "FC110", False),
    # a parallel phrasing, not a negated one: `X 不等于 Y：Y 是…` keeps Y the subject
    ("微调不等于从头训练：从头训练是随机初始化，微调则沿用预训练权重。", "FC156", False),
]

DROPOUT = [
    # dropout's random dropping kept at inference, evaluation mode advised against
    ("部署推理时保留 dropout 的随机失活，和训练一致。", "FC136", True),
    ("部署推理时关掉 dropout 的随机失活，训练时保留随机失活。", "FC136", False),
    ("MC Dropout 在推理时特意保留随机失活来估计不确定性。", "FC136", False),
    ("推理时别调用 model.eval()，否则和训练对不上。", "FC136", True),
    ("推理时一定要调用 model.eval()，否则和训练对不上。", "FC136", False),
]


@pytest.mark.parametrize("text,code,expected", CASES + FORMULAS + RESULTS + FIGURES + DROPOUT)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text


# the untuned trials' structure misreads: each document must raise no QA001 (or must, for the guard)
STRUCTURE = [
    # a question heading answered by the statement headings that follow it at its level (not by a question heading)
    ('### 什么是协同过滤？\n\n根据相似用户或相似物品的历史行为做推荐。\n\n### 召回和排序有什么区别？\n\n召回从全量物品里粗筛候选，排序对候选做精细打分。\n\n### 冷启动问题了解过吗，推荐系统一般怎么应对\n\n### 冷启动问题\n\n新用户和新物品都没有行为数据，协同过滤无从下手。\n\n### 推荐系统的应对\n\n先用内容特征和热门榜单兜底，积累行为后再切到协同过滤。\n\n### 什么是 CTR 预估？\n\n预测用户点击某个物品的概率。\n', False),
    ('### 什么是协同过滤？\n\n根据相似用户或相似物品的历史行为做推荐。\n\n### 召回和排序有什么区别？\n\n召回从全量物品里粗筛候选，排序对候选做精细打分。\n\n### 冷启动问题了解过吗，推荐系统一般怎么应对\n\n### 推荐系统的召回和排序有什么区别？\n\n新用户和新物品都没有行为数据，协同过滤无从下手。\n\n### 推荐系统的应对\n\n先用内容特征和热门榜单兜底，积累行为后再切到协同过滤。\n\n### 什么是 CTR 预估？\n\n预测用户点击某个物品的概率。\n', True),
    # a `问题：` that names what the model does not know is the problem, not a question label
    ("## 提示词迭代\n\n### 1.1 第一版提示词\n\n```\n给这段评论打个标签：{text}\n```\n\n"
     "**问题**：太笼统，模型不清楚有哪些标签可选，也不清楚要输出什么格式。\n\n"
     "### 1.2 第二版提示词\n\n```\n从 正面、负面、中性 中选一个标签：{text}\n```\n\n**改进**：给出了候选标签。\n", False),
]


@pytest.mark.parametrize("doc,expected", STRUCTURE)
def test_structure(doc, expected):
    from qatool.lint.engine import Linter
    codes = [f.code for f in Linter.default().lint_text(doc, "notes.md")]
    assert ("QA001" in codes) is expected, codes


# a line that asks in its first clause and answers in the clauses after it carries its own answer
INLINE = [
    ("2、 上一步的隐藏状态是怎么和这一步的输入合到一起的，这也是很多资料没有讲明白的地方，其实很简单，就是把二者直接拼接起来，"
     "比如输入是 28 维、隐藏状态是 128 维，拼起来就是 156 维。", True),
    ("2、 上一步的隐藏状态是怎么和这一步的输入合到一起的", False),
    ("2、 注意力分数是怎么算出来的，为什么要除以维度的平方根，多头又是怎么拼接的，各自的复杂度是多少", False),
    ("3、 请说明注意力分数是怎么算出来的，写出公式，并分析它在长序列上的时间复杂度和显存占用", False),
]


@pytest.mark.parametrize("line,expected", INLINE)
def test_inline_answer(line, expected):
    from qatool.lint.pyrules import _inline_answer
    assert _inline_answer(line) is expected
