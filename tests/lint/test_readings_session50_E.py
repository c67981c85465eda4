"""Readings and rule phrasings added in the fiftieth session (group E), from the misses of the forty-eighth phrasing
set (analogy frames: `你可以想成…`, `把 X 当成 Y：…`, `就像…：…`), each shown on sentences of the helper's own wording.

- FC367 (claims.py): a picture set up before a colon (`把 X 想成一次讨论：`) leaves the term after the colon the subject
  that a later 它 stands for;
- FC378 (claims.py): the picture a reader is told to take a term for (`X 你就把它当成 Y 的加强版：…`) is no subject;
- FC388 (claims.py): a quantity named as the topic before a comma, then pictured (`X 的上下文窗口，就像…`), is the
  number's;
- FC176 (text.py, models.yaml): a model set to guess what comes next (`让它猜后面紧跟着的那个词是什么`) states, it does
  not ask;
- FC404: an appositive and a picture between the temperature and its direction (`温度这个参数你可以想成“…”：调得越高`);
- FC152: a model with few parameters said to be the teacher (`参数量小的模型当老师`, `参数少的 teacher 给…`);
- FC401: the policy said to fly off the reference model (`飞离`, `飘离`);
- FC402: the whole sentence named the most probable one (`整句就是…概率最大的那一个`);
- FC158: the good side named as the view another took, then corrected into a flaw (`把…当成优点，其实这正是缺点`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('打个比方，把一个 Transformer 块想成一场圆桌会：FFN 就像主持人，各个 token 之间的信息交换全靠它。', 'FC367', True),  # (missed by the starting code)
    ('把编码器层比作一个工厂：前馈网络好比传送带，位置之间的信息传递主要由它负责。', 'FC367', True),  # (missed by the starting code)
    ('把编码器层比作一个工厂：自注意力好比传送带，位置之间的信息传递主要由它负责。', 'FC367', False),  # (guard)
    ('把编码器层比作一个工厂：FFN 好比每个工位自己加工，它只处理本位置的向量。', 'FC367', False),  # (guard)
    ('BART 不妨看成 BERT 的放大版：骨架上也只有编码器。', 'FC378', True),  # (missed by the starting code)
    ('BART 大家可以当成 BERT 的加强版：同样仅有编码器一个部分。', 'FC378', True),  # (missed by the starting code)
    ('BART 你就把它当成 BERT 加上 GPT：双向编码器读输入，自回归解码器重建原文。', 'FC378', False),  # (guard)
    ('BART 可以看作 BERT 的加强版吗？它并不是只有编码器。', 'FC378', False),  # (guard)
    ('GPT-3 的上下文窗口，就像一块只能写 1024 个 token 的白板。', 'FC388', True),  # (missed by the starting code)
    ('GPT-3 的上下文长度，可以想成一页能放 8192 个 token 的便签。', 'FC388', True),  # (missed by the starting code)
    ('GPT-3 的上下文长度，可以想成一页能放 2048 个 token 的便签。', 'FC388', False),  # (guard)
    ('GPT-3 的上下文，GPT-4 的窗口能放 8192 个 token。', 'FC388', False),  # (guard)
    ('BERT 的训练很像成语接龙：让模型猜紧接着的那个字是什么，一路往后猜。', 'FC176', True),  # (missed by the starting code)
    ('BERT 的训练很像续写故事：给一段开头，叫它预测紧跟其后的那个词是什么，再往后续。', 'FC176', True),  # (missed by the starting code)
    ('BERT 的训练更像完形填空：遮住几个词，让模型猜被遮住的那个词是什么。', 'FC176', False),  # (guard)
    ('BERT 并不是让模型猜紧跟着的那个词是什么，而是猜被遮住的词。', 'FC176', False),  # (guard)
    ('temperature 这个超参调得越高，回答越稳定。', 'FC404', True),  # (missed by the starting code)
    ('温度大家可以理解成“谨慎度”，设得越高，生成越保守。', 'FC404', True),  # (missed by the starting code)
    ('温度你可以理解成“活跃度”：调得越高，生成越随机、越发散。', 'FC404', False),  # (guard)
    ('温度这个参数调得越高，生成就越不稳定。', 'FC404', False),  # (guard)
    ('做蒸馏时，通常拿参数量小的网络当教师，把知识教给大网络。', 'FC152', True),  # (missed by the starting code)
    ('知识蒸馏里，参数量较小的 teacher 为参数量大的 student 生成软目标。', 'FC152', True),  # (missed by the starting code)
    ('知识蒸馏中参数量大的 teacher 为参数量小的 student 生成软目标。', 'FC152', False),  # (guard)
    ('蒸馏并不是让参数量小的网络当教师，教师是大网络。', 'FC152', False),  # (guard)
    ('DPO 里 β 调大以后，策略更容易飘离参考模型。', 'FC401', True),  # (missed by the starting code)
    ('β 就像拴风筝的绳子：DPO 的 β 越大，策略越能飞远。', 'FC401', True),  # (missed by the starting code)
    ('DPO 的 β 越小，策略越容易飘离参考模型。', 'FC401', False),  # (guard)
    ('DPO 的 β 越大，策略越难飞离参考模型。', 'FC401', False),  # (guard)
    ('贪心解码每步都拿局部最优，最后拼出的整个序列就是可能性最高的那条。', 'FC402', True),  # (missed by the starting code)
    ('greedy search 一步一步挑最大概率的词，所以整句一定是所有候选里概率最大的那句。', 'FC402', True),  # (missed by the starting code)
    ('贪心解码每步取局部最好的词，但拼出的整句不一定是概率最大的那一个。', 'FC402', False),  # (guard)
    ('束搜索保留多条候选，拼出的整句更可能是概率最大的那一个。', 'FC402', False),  # (guard)
    ('评语：考生把模型对输入噪声不敏感看作优势，实际上这恰恰是缺陷，得继续改进。', 'FC158', True),  # (missed by the starting code)
    ('点评：这份答卷把分类器对对抗扰动不敏感当作好处，其实这正是问题所在，需要进一步改进。', 'FC158', True),  # (missed by the starting code)
    ('考生把模型对输入噪声不敏感看作优势，这个判断没错，鲁棒性本来就是要追求的。', 'FC158', False),  # (guard)
    ('有人把模型对对抗扰动不敏感说成缺点，其实这正是优点。', 'FC158', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
