"""Readings and rule phrasings added in the fifty-first session (group B), from the misses of the forty-ninth phrasing
set, each shown on sentences of the helper's own wording.

- an answer that says the question's verb again (`Query 来自哪里？选手：来自编码器的输出`): the verb read once (FC363);
- FC359: `LSTM 的门`, `LSTM 中的门` named as the gates (not before 控: `LSTM 的门控结构` is `LSTM` and `门控`);
- a spoken aside that takes for granted the listener knows (`GPT 那套预训练你知道怎么做的吧，就是…`): no question (FC175);
- a speaker's repair (`…，不对不对我是说 Y`): the clause before it taken back, Y stated, not denied by 不对 (FC174, FC368);
- FC370: the projections said to be shared by all heads (`projection 参数是所有 heads 共用的`);
- FC333: the batch grown from one number to a larger one, then the estimate said to get less reliable;
- a question that opens on the premise it grants (`既然 X，…？`): X stated, unless the answer after it may deny it (FC180).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('考官：ResNet-101 堆叠的是哪一种残差单元？考生：basic block，也就是两层 3×3 卷积。', 'FC354', True),  # (guard)
    ('考官：ResNet-101 堆叠的是哪一种残差单元？考生：bottleneck，1×1、3×3、1×1 三层卷积。', 'FC354', False),  # (guard)
    ('考官：ResNet-18 堆叠的是哪一种残差单元？考生：basic block，也就是两层 3×3 卷积。', 'FC354', False),  # (guard)
    ('面试官：ResNet-50 的主干用什么残差块？候选人：1×1、3×3、1×1 三层卷积组成的瓶颈块。', 'FC354', False),  # (guard)
    ('面试官：LSTM 的门一般用哪种激活？候选人：tanh，因为它以 0 为中心。', 'FC359', True),  # (missed by the starting code)
    ('LSTM 中的门都是 tanh 激活的。', 'FC359', True),  # (missed by the starting code)
    ('面试官：LSTM 的门一般用哪种激活？候选人：sigmoid，候选细胞状态才用 tanh。', 'FC359', False),  # (guard)
    ('LSTM 的门不用 tanh，而是用 sigmoid，输出在 0 到 1 之间。', 'FC359', False),  # (guard)
    ('LSTM 的门控结构缓解了梯度消失，细胞状态输出前再用 tanh 压缩。', 'FC359', False),  # (guard)
    ('嘉宾：GRU 里一共有几个门？观众：三个。', 'FC355', True),  # (guard)
    ('嘉宾：GRU 里一共有几个门？观众：两个，更新门和重置门。', 'FC355', False),  # (guard)
    ('考官：Transformer 解码器交叉注意力的 Q 来自哪里？考生：来自编码器最后一层的输出。', 'FC363', True),  # (missed by the starting code)
    ('考官：cross-attention 里的 Query 取自哪里？考生：取自编码器输出。', 'FC363', True),  # (missed by the starting code)
    ('考官：交叉注意力的 Query 来自哪里？考生：来自解码器，K 和 V 来自编码器输出。', 'FC363', False),  # (guard)
    ('考官：交叉注意力的 Key 来自哪里？考生：来自编码器的输出。', 'FC363', False),  # (guard)
    ('GPT 怎么做预训练你肯定知道吧，就是随机遮住一部分词让模型去猜。', 'FC175', True),  # (missed by the starting code)
    ('GPT 怎么预训练的大家都清楚吧，就是随机盖住一些词让模型去填，即 MLM。', 'FC175', True),  # (missed by the starting code)
    ('GPT 的训练目标你应该知道是啥吧，就是根据前文预测下一个 token，不是 MLM。', 'FC175', False),  # (guard)
    ('GPT 的预训练是不是跟 BERT 一样做掩码语言模型？', 'FC175', False),  # (guard)
    ('GPT 是单向的，不对不对我是说它是双向的模型。', 'FC174', True),  # (missed by the starting code)
    ('GPT 看的是左边的上文，不对我是说它是 bidirectional 的，上下文两边都看。', 'FC174', True),  # (missed by the starting code)
    ('GPT 是双向的，不对不对我是说它是单向的，只看左边。', 'FC174', False),  # (guard)
    ('BERT 是单向的，不对我是说 BERT 是双向的，GPT 才是单向的。', 'FC174', False),  # (guard)
    ('多头注意力的 projection 参数是所有 heads 共用的。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力里 projection 矩阵是所有 heads 共享的。', 'FC370', True),  # (missed by the starting code)
    ('多头注意力的 projection 参数并不是所有 heads 共用的。', 'FC370', False),  # (guard)
    ('多头注意力里，输出投影 W_O 的参数由所有头共享。', 'FC370', False),  # (guard)
    ('MQA 里 K 和 V 的 projection 是所有 heads 共用的，Q 各头独立。', 'FC370', False),  # (guard)
    ('MHA 中 projection 权重是全部 heads 共用的吗？', 'FC370', False),  # (guard)
    ('batch size 从 32 增大到 512 以后，梯度估计更加不可靠。', 'FC333', True),  # (missed by the starting code)
    ('把 batch 从 128 提高到 4096，梯度会更嘈杂。', 'FC333', True),  # (missed by the starting code)
    ('batch size 从 32 增大到 512 以后，梯度估计更准，并不会更不可靠。', 'FC333', False),  # (guard)
    ('batch size 从 4096 降到 128，梯度会更嘈杂。', 'FC333', False),  # (guard)
    ('考官：既然 LSTM 的每个时间步都能同时计算，它为什么还比 Transformer 慢？', 'FC180', True),  # (missed by the starting code)
    ('主持人：既然循环神经网络能把所有时间步并行算完，那它输给 Transformer 的原因是什么？选手：主要是效果差一些。', 'FC180', True),  # (missed by the starting code)
    ('既然 RNN 不能在时间步上并行，那 Transformer 靠什么提速？', 'FC180', False),  # (guard)
    ('面试官：既然 RNN 能并行处理所有时间步，为什么还要 Transformer？我：其实 RNN 不能并行，每一步依赖上一步的隐状态。', 'FC180', False),  # (guard)
    ('RNN 能并行处理所有时间步吗？', 'FC180', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
