"""Readings and rule phrasings added in the fifty-first session (group G), from the misses of the forty-ninth phrasing
set (a quiz transcript: a contestant's answer confirmed by the host), each shown on sentences of the helper's own
wording.

- the alternative question whose two options share the words before them (`梯度噪声会更大还是更小？`): the first option
  no longer runs back over the question's subject, so an answer naming either option reads as the statement it makes
  (`_alternative_chosen`), for FC333 and any claim rule read through a quiz answer;
- a count asked of two things at once (`GRU 和 LSTM 各有几个门？`) and given under each name (`GRU 三个，…`): the count is
  said of the thing it is given under, `GRU 有 三个 门` (`_count_opens`, `_fused`), for FC355/FC356;
- FC177: attention added on the RNN itself (`在 RNN 上加了 self-attention`), not only on its basis;
- FC350: the map said to stay N×N after an unpadded convolution (`特征图仍然保持 32×32`), and a shrinking denied
  (`一点都不会缩小`, `没缩小`) no longer read as a shrinking;
- FC343: a quarter written in words (`四分之一`);
- a quiz answer the host's next turn calls wrong (`主持人：很遗憾，…`, `回答错误`) is not read into its question
  (`refuted_next` before `_inline_answer` and `_with_answers` merge them): it states nothing; one the host confirms
  (`回答正确`) still does.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('主持人：batch size 增大以后，梯度噪声会更大还是更小？选手：更大。', 'FC333', True),  # (missed by the starting code)
    ('考官：把批量从 32 加到 512，梯度方差会变大还是变小？考生：变大，主持人说得对。', 'FC333', True),  # (missed by the starting code)
    ('主持人：batch size 增大以后，梯度噪声会更大还是更小？选手：更小。', 'FC333', False),  # (guard)
    ('考官：把批量从 32 加到 512，梯度方差会变大还是变小？考生：变小，因为是更多样本的平均。', 'FC333', False),  # (guard)
    ('主持人：batch size 增大以后，梯度噪声会更大还是更小？选手：都不是。', 'FC333', False),  # (guard)
    ('主持人：batch size 增大以后，梯度噪声会更大还是更小？', 'FC333', False),  # (guard)
    ('主持人：LSTM、GRU 各有几个门？选手：GRU 有 3 个，LSTM 有 3 个。', 'FC355', True),  # (missed by the starting code)
    ('考官：LSTM 和 GRU 分别有几个门？考生：LSTM 两个，GRU 两个。', 'FC356', True),  # (missed by the starting code)
    ('主持人：GRU 和 LSTM 各有几个门？选手：GRU 两个，LSTM 三个。', 'FC355', False),  # (guard)
    ('主持人：GRU 和 LSTM 各有几个门？选手：GRU 三个，LSTM 两个。主持人：很遗憾，回答错误。', 'FC355', False),  # (guard)
    ('考官：GRU 和 LSTM 各有几个门？考生：GRU 三个吗？', 'FC355', False),  # (guard)
    ('原始 Transformer 其实就是在 LSTM 上叠加了多头注意力。', 'FC177', True),  # (missed by the starting code)
    ('选手：Transformer 说白了是在 RNN 上加入了注意力。主持人：没错。', 'FC177', True),  # (missed by the starting code)
    ('Transformer 并不是在 RNN 上加了 self-attention，它完全去掉了循环。', 'FC177', False),  # (guard)
    ('Bahdanau 注意力是在 RNN 上加入注意力，而 Transformer 完全抛弃了循环结构。', 'FC177', False),  # (guard)
    ('Transformer 是在 RNN 上加了注意力吗？', 'FC177', False),  # (guard)
    ('64×64 的图经过 padding=0 的 5×5 卷积，输出依然保持 64×64，尺寸不会减小。', 'FC350', True),  # (missed by the starting code)
    ('无填充、步幅 1 的 3×3 卷积堆三层，特征图也保持 28×28，一点都没缩小。', 'FC350', True),  # (missed by the starting code)
    ('无填充的 3×3 卷积会让特征图缩小，想让输出仍然保持 32×32 需要 padding=1。', 'FC350', False),  # (guard)
    ('无填充的 3×3 卷积之后，特征图还能保持 32×32 吗？', 'FC350', False),  # (guard)
    ('步幅 1、无填充的 3×3 卷积，特征图不会仍然保持 32×32，而是变成 30×30。', 'FC350', False),  # (guard)
    ('tanh 的导数在原点处只有四分之一。', 'FC343', True),  # (missed by the starting code)
    ('tanh 的梯度最大也就四分之一，和 sigmoid 一样。', 'FC343', True),  # (missed by the starting code)
    ('sigmoid 的导数最大只有四分之一，tanh 的导数最大是 1。', 'FC343', False),  # (guard)
    ('tanh 在 0 处的导数是 1，不是四分之一。', 'FC343', False),  # (guard)
    ('tanh 在 0 处的导数是四分之一吗？', 'FC343', False),  # (guard)
    ('主持人：GRU 有几个门？选手：三个。主持人：回答正确。', 'FC355', True),  # (guard)
    ('主持人：GRU 有几个门？选手：三个。主持人：很遗憾，是两个。', 'FC355', False),  # (flagged by the starting code)
    ('主持人：64×64 的图过一个 5×5 卷积，padding 为 0，步幅 1，输出多大？选手：64×64。主持人：答错了，应该是 60×60。', 'FC350', False),  # (guard)
    ('主持人：原始 Transformer 的 LayerNorm 放在哪里？选手：放在每个子层前面。主持人：回答错误，原文是 Post-LN。', 'FC325', False),  # (guard)
    ('主持人：28×28 的特征图过一个 5×5 卷积，步幅 1，不加 padding，输出多大？选手：28×28。主持人：很遗憾，应该是 24×24，要保持尺寸得把 padding 设为 2。', 'FC350', False),  # (flagged by the starting code)
    ('主持人：28×28 的特征图过一个 5×5 卷积，步幅 1，不加 padding，输出多大？选手：28×28。主持人：回答正确，加十分。', 'FC350', True),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
