"""Readings and rule phrasings added in the fifty-third session (group C), from the misses of the fifty-first phrasing
set, each shown on sentences of the helper's own wording.

- a dialogue whose answerer is named by surname and title (`记者：…？陈教授：…`, `主持人：…？张工：…`): the answer
  completes the question as under any other speaker's turn (SPEAKERS, TITLED);
- a cleft on what does a thing with a second act joined by 、 before its 的 (`把…混在一起、再交给下一层的是 FFN`);
- FC367: the FFN's parameters said to be shared across positions (`参数在位置间共享`) is what position-wise means;
- a maximum a model allows said as the most it takes (`BERT 最多 1024 个 token`): the maximum itself, wrong above it;
- a value glossed onto the quantity that ends the clause before (`BERT 的最大长度，即 1024`);
- a yes or an echoed verb answering a yes/no question only before a stop or the line's end: `是 longest common
  subsequence`, `对 SGD 而言，…` name or frame a thing and say no yes;
- FC415: more than halved (`不止减半`, `何止减半`) is no halving.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed (or, traps, flagged) by it
CASES = [
    ('主持人：BERT-base 的参数量是多少？陈教授：差不多 3.4 亿吧。', 'FC384', True),  # (missed by the starting code)
    ('记者：GPT 的预训练目标是什么？王研究员：就是掩码语言模型，随机遮住一部分词再预测。', 'FC175', True),  # (missed by the starting code)
    ('记者：蒸馏里谁当老师？张工：小模型当教师，去教大模型。', 'FC152', True),  # (missed by the starting code)
    ('记者：蒸馏里谁当老师？张工：大模型当教师，去教小模型。', 'FC152', False),  # (guard)
    ('记者：GPT 是用掩码语言模型预训练的吗？王研究员：不是，GPT 用的是因果语言模型。', 'FC175', False),  # (guard)
    ('主持人：BERT-large 有多少层？陈教授：24 层，hidden size 是 1024。', 'FC385', False),  # (guard)
    ('把各个 token 的表示混合在一起、再交给下一层的是前馈网络。', 'FC367', True),  # (missed by the starting code)
    ('负责把各位置的信息揉在一起、并把结果送进残差的是前馈层。', 'FC367', True),  # (missed by the starting code)
    ('把各个 token 的表示混合在一起、再交给下一层的并不是前馈网络，而是自注意力。', 'FC367', False),  # (guard)
    ('把各个 token 的表示混合在一起、再交给下一层的是前馈网络吗？', 'FC367', False),  # (guard)
    ('FFN 的权重在所有位置之间共享，每个位置单独计算。', 'FC367', False),  # (flagged by the starting code)
    ('前馈层对每个 token 独立变换，参数在位置间共享，跨位置的交互全靠注意力。', 'FC367', False),  # (flagged by the starting code)
    ('FFN 让各个位置之间共享信息。', 'FC367', True),  # (guard)
    ('原版 BERT 最多 1024 个 token。', 'FC387', True),  # (missed by the starting code)
    ('GPT-3 一次最多 4096 个 token。', 'FC388', True),  # (missed by the starting code)
    ('BERT 最多 512 个 token。', 'FC387', False),  # (guard)
    ('我们的新闻稿用 BERT 编码，每篇最多 300 个 token。', 'FC387', False),  # (guard)
    ('GPT-3 最多能处理多少个 token？', 'FC388', False),  # (guard)
    ('BERT 的最大长度，即 1024。', 'FC387', True),  # (missed by the starting code)
    ('GPT-3 的上下文窗口，也就是 4096 个 token。', 'FC388', True),  # (missed by the starting code)
    ('GPT-3 的上下文窗口，也就是 2048 个 token。', 'FC388', False),  # (guard)
    ('BERT 的最大长度，即 512，超出部分要截断。', 'FC387', False),  # (guard)
    ('GPT-3 的上下文窗口是 GPT-2 的两倍，也就是 2048 个 token。', 'FC388', False),  # (guard)
    ('甲：ROUGE-L 靠的是最长公共子串吗？乙：是 longest common subsequence，即最长公共子序列。', 'FC303', False),  # (flagged by the starting code)
    ('甲：weight decay 其实就是 L1 吧？乙：对 SGD 而言，weight decay 跟 L2 正则等价，跟 L1 无关。', 'FC135', False),  # (flagged by the starting code)
    ('甲：weight decay 其实就是 L1 吧？乙：对 AdamW 而言它和 L2 不一样，但无论如何不是 L1。', 'FC135', False),  # (flagged by the starting code)
    ('甲：ROUGE-L 用的是最长公共子串吗？乙：是。', 'FC303', True),  # (guard)
    ('甲：weight decay 就是 L1 吧？乙：对，就是 L1。', 'FC135', True),  # (guard)
    ('INT8 量化之后模型体积远不止减半，只剩四分之一。', 'FC415', False),  # (flagged by the starting code)
    ('FP32 转 INT8，存储何止减半，直接降到四分之一。', 'FC415', False),  # (guard)
    ('把 FP32 权重量化成 INT8，体积差不多砍掉一半。', 'FC415', True),  # (guard)
    ('FP32 转 INT8 模型会不会减半？', 'FC415', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
