"""Readings and rule phrasings added in the fifty-fourth session (group I), from the misses of the fifty-second
phrasing set, each shown on sentences of the helper's own wording.

- a question that asks each of the things it names for its value (`A 和 B 分别出自哪家？`) is no choice between them; an
  answer that gives one value for all (`都是 X`, `均由 X`) reads with the 分别 of the question set aside, the asking
  word 哪家 blanked whole (FC465 and the others such an answer states);
- an answer that gives a work by its title in book brackets (`就是《Attention Is All You Need》`): the title counts as one
  name in the answer's length (FC464 and the other attributions);
- FC464: who brought attention in named after the verb (`…的发明者是 Vaswani`, `…是谁发明的？答：Transformer`);
- a term alone after a dash that ends an opening clause (`…之一——残差网络，发表在…`): the topic of the clauses after it, as
  a bare term opening the sentence is (FC466, FC432, FC433 and the others);
- a lead-in that names no term before a colon (`以“爱”为中心：CBOW 的输入是…，输出是…`), and a clause that only sets out a
  quoted sample (`句子“我 爱 自然 语言”，`): the clause after them sets the sentence's topic (FC432, FC433);
- a sentence that goes on with the subject of the exclamation before it (`核技巧原来是这样的！第一步…，第二步…`) still does
  when a later clause names that subject again (`…，核函数就是这两步流程的统称`) (FC444, FC435 and the others).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('问：BERT 与 XLNet 分别是哪家公司的成果？答：均是 Meta 的成果。', 'FC465', True),  # (missed by the starting code)
    ('Q：BERT 和 ALBERT 分别由哪家提出？A：都由 Facebook 提出。', 'FC465', True),  # (missed by the starting code)
    ('问：BERT 和 RoBERTa 分别出自哪家？答：BERT 出自 Google，RoBERTa 出自 Facebook。', 'FC465', False),  # (guard)
    ('问：BERT 和 RoBERTa 都出自 Facebook 吗？答：不是，BERT 出自 Google。', 'FC465', False),  # (guard)
    ('Q：BERT 和 RoBERTa 哪个出自 Facebook？A：RoBERTa。', 'FC465', False),  # (guard)
    ('问：BERT 和 RoBERTa 分别出自哪家？答：都不是 Facebook 一家的，BERT 来自 Google。', 'FC465', False),  # (guard)
    ('问：BERT 和 GPT 分别出自哪家？答：都是 Google 的作品。', 'FC465', False),  # (guard)
    ('attention 这个概念是谁发明的？就是《Attention Is All You Need》。', 'FC464', True),  # (missed by the starting code)
    ('注意力机制的发明者是 Vaswani 团队。', 'FC464', True),  # (missed by the starting code)
    ('注意力机制是谁提出的？答：Vaswani 等人。', 'FC464', True),  # (guard)
    ('注意力机制是谁发明的？不是《Attention Is All You Need》，是 Bahdanau 等人 2014 年的工作。', 'FC464', False),  # (guard)
    ('注意力机制是谁发明的？Bahdanau 等人，比《Attention Is All You Need》早三年。', 'FC464', False),  # (guard)
    ('Transformer 出自哪篇论文？《Attention Is All You Need》。', 'FC464', False),  # (guard)
    ('注意力机制的发明者是 Vaswani 吗？', 'FC464', False),  # (guard)
    ('注意力机制由 Bahdanau 提出，提出 Transformer 的是 Vaswani。', 'FC464', False),  # (guard)
    ('影响最深远的架构之一——深度残差网络，论文发在 ICCV 2017 上。', 'FC466', True),  # (missed by the starting code)
    ('CV 领域的奠基之作——ResNet，背后是谷歌团队。', 'FC466', True),  # (missed by the starting code)
    ('word2vec 的两种结构之一——CBOW，用中心词预测上下文。', 'FC432', True),  # (missed by the starting code)
    ('word2vec 的另一种结构——Skip-gram，用上下文词去预测中心词。', 'FC433', True),  # (missed by the starting code)
    ('最重要的论文之一——残差网络，发表在 CVPR 2016，出自微软亚洲研究院。', 'FC466', False),  # (guard)
    ('最重要的论文之一——残差网络，并非发表在 ICCV 2017。', 'FC466', False),  # (guard)
    ('Mask R-CNN——何恺明在 FAIR 的工作，发表在 ICCV 2017。', 'FC466', False),  # (guard)
    ('最重要的论文之一——残差网络，发表在 ICCV 2017 吗？', 'FC466', False),  # (guard)
    ('拿“今天 天气 很 好”来说：CBOW 的输入是“天气”，输出是“今天”和“很”。', 'FC432', True),  # (missed by the starting code)
    ('窗口取 1：CBOW 的输入是“天气”，输出是“今天”和“很”。', 'FC432', True),  # (missed by the starting code)
    ('样本“深度 学习 很 有趣”，以“学习”为中心：Skip-gram 的输入是“深度”和“很”，输出是“学习”。', 'FC433', True),  # (missed by the starting code)
    ('窗口取 1：CBOW 的输入是“今天”和“很”，输出是“天气”。', 'FC432', False),  # (guard)
    ('样本“深度 学习 很 有趣”，以“学习”为中心：Skip-gram 的输入是“学习”，输出是“深度”和“很”。', 'FC433', False),  # (guard)
    ('以“爱”为中心：CBOW 的输入是“爱”，输出是“我”和“自然”吗？', 'FC432', False),  # (guard)
    ('句子“我 爱 自然 语言”，以“爱”为中心：CBOW 的输入并不是“爱”，输出也不是“我”和“自然”。', 'FC432', False),  # (guard)
    ('核技巧的本质揭秘！先把样本逐个显式地映射到高维空间，然后求内积，kernel trick 说的就是这个流程。', 'FC444', True),  # (missed by the starting code)
    ('kernel trick 的本质揭秘！第一步显式算出 φ(x)，第二步求内积，核技巧就是这么回事。', 'FC444', True),  # (missed by the starting code)
    ('核方法原来是这样的！先显式计算出高维空间里的坐标，接着做点积，核函数指的就是这整个过程。', 'FC444', True),  # (missed by the starting code)
    ('核技巧原来是这样的！它不需要显式映射到高维空间，直接用核函数算内积，核函数就是这个捷径的名字。', 'FC444', False),  # (guard)
    ('核技巧原来是这样的吗？先显式映射到高维空间再做内积，核函数就是这两步的统称吗？', 'FC444', False),  # (guard)
    ('层次 softmax 原来是这样的！每个词要走根到叶约 log V 步，层次 softmax 的开销随词表增长。', 'FC435', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
