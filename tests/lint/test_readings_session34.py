"""Readings added in the thirty-fourth session (2026-12-05), in wording of my own.

From the thirty-second phrasing set's misses and flagged traps (read this session; the thirty-third stays unread),
written in the voices of a practitioner's Zhihu answer, a two-host podcast, a cloud platform's help centre and a
livestream host answering bullet comments:

- a speaker's question asked by its tone alone (`A：batch 越大噪声越大？`) is left asked when the other speaker says no
  (`B：反了。`, `不对`), and stated when the answer is a bare yes (`没错`); a question that asks which of the things it
  names (`sigmoid 和 tanh 哪个以 0 为中心？`) says, with its answer, that the one named is, not all of them;
- a question quoted as asked and answered right after its closing quote (`弹幕问：“k-means 属于哪类算法？”有监督分类`)
  is answered as an unquoted one is, and `谁` asks for a value (`…是谁提出的？Hinton`); a question told with a full stop
  (`有人问 X 怎么抽。…`) is answered by the sentence after it;
- an indirect question a colon ends (`看的是准不准：…`) and one of how well (`衡量的是…找得怎么样，即…`) ask nothing;
- a term after 一个 opens a sentence's frame (`一个随机模型，AUC 等于 0`); a speaker's one-letter label (`C: `) is read
  past like `A：`; what was passed in (`传入了 padding mask，它…`) goes on; a later clause that says what the clauses
  before describe (`…，这是 BERT-base 的标准结构`) names their term;
- a change of a little (`β 小一点，`, `系数大一点，`) joins the clause after it, as `增大 λ，` does; 大概 before a power of
  ten (`大概 3.4×10^38`) says "about", not "perhaps";
- for the new set's voices, in wording of my own (its phrasings stay unread): a rhetorical question with a negation
  (`难道 X 不会…吗？`) asserts what it asks of; the other side's view in a debate (`对方辩友刚才说…`), a belief one is told
  to give up (`别再以为…`) or held and corrected (`以为…，其实…`), a fix note's `错误地…` and a corrected description
  (`更正了“…”的错误描述`) are not asserted; a saying going round (`有种说法是…`) and a view said to be just the reverse
  (`这恰好反了`) neither; an answer that says the two things asked about are the same (`本质相同，都…`) speaks of both; a
  choice between the things a question names (`L1 和 L2 谁…？`) and what people would blurt out (`好多人会脱口而出…`) are
  no answer of the item's own; eval mode (`eval() 模式下`) is inference;
- phrasings of FC109, FC111, FC112 (ROC's x-axis said to be specificity), FC115, FC117, FC134, FC136, FC139, FC142,
  FC149, FC150, FC156, FC177, FC178, FC304, FC307, FC310, FC311, FC316, FC322, FC324 (`没有什么` as `没有任何`), FC331,
  FC333, FC335, FC344, FC359, FC377, FC399, and names of the terms of FC113, FC136, FC325 and FC359; a correct
  statement of FC156 (`…只有新加的分类头是随机初始化的`) is no longer flagged.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    ('甲：batch 越大梯度方差越大？乙：错，越大越小。', 'FC333', False),
    ('A：batch 越大梯度方差越大？B：反了，方差随 batch 增大而变小。', 'FC333', False),
    ('A：L2 正则会产生稀疏解？B：不对。', 'FC134', False),
    ('A：ReLU 和 sigmoid 哪个输出以 0 为中心？B：都不是，tanh 才是。', 'FC341', False),
    ('Q：ReLU 和 tanh 哪个输出以 0 为中心？A：tanh。', 'FC341', False),
    # (caught on the session's starting code too: the choice still names the one answered)
    ('Q：sigmoid 和 tanh 哪个输出以 0 为中心？A：sigmoid。', 'FC341', True),
    ('观众提问：“Adam 是谁提出的？”Hinton。', 'FC467', True),
    ('观众提问：“Adam 是谁提出的？”Kingma 和 Ba。', 'FC467', False),
    ('观众提问：“PCA 属于哪类方法？”无监督降维，用不到标签。', 'FC442', False),
    ('读者问：“GRU 有几个门？”三个。', 'FC355', True),
    ('读者问：“GRU 有几个门？”两个。', 'FC355', False),
    ('有听众问：“BN 推理时用的是当前 batch 的统计量吗？”是。', 'FC138', True),
    ('有听众问：“BN 推理时用的是当前 batch 的统计量吗？”不是，用滑动平均。', 'FC138', False),
    ('有朋友问负采样怎么抽。词表里每个词等概率地抽。', 'FC434', True),
    ('有朋友问负采样怎么抽。按词频的 3/4 次方抽。', 'FC434', False),
    ('召回率看的是准不准：预测为正的样本里真正例的比例。', 'FC101', True),
    ('召回率看的是漏没漏：实际为正的样本里被找出来的比例。', 'FC101', False),
    ('精确率衡量的是正样本找得怎么样，即所有真实正例里被模型找出来的比例。', 'FC102', True),
    ('精确率衡量的是报得准不准，即模型报出的正例里真正例的比例。', 'FC102', False),
    ('一个随机猜测的模型，ROC-AUC 等于 0。', 'FC110', True),
    ('一个随机猜测的模型，ROC-AUC 等于 0.5。', 'FC110', False),
    ('C: LSTM 跟 Transformer 一样，时间步可以并行。', 'FC180', True),
    ('C: LSTM 跟 Transformer 不一样，时间步不能并行。', 'FC180', False),
    ('推理时传入了 padding mask，它负责挡住未来位置的 token。', 'FC371', True),
    ('隐藏维度 4096、共 96 层，这是 GPT-3 175B 的标准配置。', 'FC389', False),
    ('隐藏维度 1024、共 12 层，这就是 BERT-base 的默认结构。', 'FC386', True),
    ('正则化系数大一点，过拟合就更严重了。', 'FC316', True),
    ('正则化系数大一点，过拟合就更轻了。', 'FC316', False),
    ('有种说法是 Dropout 推理时也要开着，这恰好反了。', 'FC136', False),
    ('难道 L2 正则不会产生稀疏解吗？', 'FC134', True),
    ('难道 L1 正则不会产生稀疏解吗？', 'FC134', False),
    ('难道 L2 正则会产生稀疏解吗？', 'FC134', False),
    ('对方辩友刚才说 L2 正则会产生稀疏解，我方不能同意。', 'FC134', False),
    ('修复：旧版文档错误地把 L2 正则写成会产生稀疏解，已改正。', 'FC134', False),
    ('L1 和 L2 谁会产生稀疏解？L1，L2 只会让权重变小。', 'FC134', False),
    ('GRU 到底有几个门？好多人会脱口而出三个。其实是两个：重置门和更新门。', 'FC355', False),
    ('踩坑记录：以为 BN 推理时用当前 batch 的统计量，其实用的是滑动平均。', 'FC138', False),
    ('别再以为 BN 推理时用当前 batch 的统计量了。', 'FC138', False),
    # (caught on the session's starting code too: the plain statement the two cases above keep from being asserted)
    ('BN 推理时用当前 batch 的统计量。', 'FC138', True),
    ('LSTM 的门控结构天生就防梯度爆炸。', 'FC150', True),
    ('LSTM 的门控结构防不住梯度爆炸，还得裁剪。', 'FC150', False),
    ('原版 Transformer 其实是在 LSTM 之上叠了一层注意力。', 'FC177', True),
    ('Bahdanau 的做法是在 RNN 上加一层注意力，原版 Transformer 则完全去掉了循环。', 'FC177', False),
    ('问：L1 正则和 L2 正则有什么区别？答：本质相同，都会产生稀疏解。', 'FC134', True),
    ('问：L1 正则和 L2 正则有什么区别？答：不一样，L1 会产生稀疏解，L2 只让权重变小。', 'FC134', False),
    ('RMSNorm 说白了就是 LayerNorm 改了个名字。', 'FC322', True),
    ('RMSNorm 不只是 LayerNorm 改了个名字：它不减均值。', 'FC322', False),
    ('修复：推理时错误地启用了 Dropout，现已关闭。', 'FC136', False),
    ('文档更正：删去了“推理时也要开着 Dropout”这一错误描述。', 'FC136', False),
    ('Dropout 在 eval() 模式下默认仍然生效。', 'FC136', True),
    ('Dropout 在 eval() 模式下会自动关闭。', 'FC136', False),
    ('半精度 FP16 能表示的最大值大概 3.4×10^38。', 'FC420', True),
    ('半精度 FP16 能表示的最大值大概 6.5×10^4。', 'FC420', False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
