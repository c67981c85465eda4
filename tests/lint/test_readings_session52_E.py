"""Readings and rule phrasings added in the fifty-second session (group E), from the misses of the fiftieth
phrasing set, each shown on sentences of the helper's own wording.

- a clause that says which one to pick depends on a named thing (`选哪个主要看输出范围`, `用哪种取决于任务`): an
  indirect question, not one asked of the reader; the sentence states (FC343, FC174);
- what an error was caused by, a step taken wrongly (`你的报错是把 basic block 套到了 50 层模型上`, `bug 出在把 X 当成
  Y`): the step is a mistake reported, not how things are (FC354);
- FC149: the gradient said to be diluted or weakened by it, in the passive (`会让梯度在恒等分支上被稀释`);
- FC150: clipping said to be needed no more with a verb of adding it (`不需要再配 clip_grad_norm_`) (the helper also made
  the LSTM's cell state and gates subjects of the rule; that was taken back at the merge, since a denial before the
  means, `LSTM 并不能通过门控机制解决梯度爆炸`, then no longer reached the claim);
- FC343: the derivative at zero said to equal sigmoid's there and 1/4 (`tanh'(0) 和 sigmoid'(0) 一样等于 1/4`);
- FC348: the FFN said to be an MLP with a ReLU after it (`两层 MLP 加 ReLU`);
- FC356: only two of its gates named and counted, the word 门 left out (`只有遗忘门和输出门两个`);
- a term a copula likens the subject to as the kind both are (`ResNet 是和 TensorFlow 同一层级的框架`): an object, what
  the clause says is the subject's (FC171);
- a reply that names the asker's question as its topic before a colon (`关于你问的 X 为什么…，补充一点背景：…`): the
  answer after the colon is stated (FC173, FC325);
- FC172: the whole model's cost said to become small as a consequence (`参数量和计算量因此都变得很小`), not a kernel's or a
  layer's;
- FC184: each position said to keep its own copy of the weights, with a verb of storing or learning (`每个位置都要单独存一
  份权重`).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('双曲正切的导数最大值是 0.25，跟 sigmoid 相同，至于用哪种取决于具体任务。', 'FC343', True),  # (missed by the starting code)
    ("tanh′(0) 等于 1，sigmoid′(0) 等于 0.25，选哪个主要看需要的输出区间。", 'FC343', False),  # (guard)
    ("tanh′(0) 同 σ′(0) 一样为 0.25，所以两者梯度消失程度差不多。", 'FC343', True),  # (missed by the starting code)
    ("双曲正切'(0) 跟 sigmoid 的导数一样为 1/4。", 'FC343', True),  # (missed by the starting code)
    ("tanh'(0) 和 sigmoid'(0) 不一样：前者等于 1，后者等于 1/4。", 'FC343', False),  # (guard)
    ("tanh'(0) 和 sigmoid'(0) 一样等于 1/4 吗？", 'FC343', False),  # (guard)
    ('GPT 是双向模型，用哪种取决于下游任务。', 'FC174', True),  # (missed by the starting code)
    ('GPT 是单向模型，用哪种取决于下游任务。', 'FC174', False),  # (guard)
    ('GPT 是双向模型，选哪个要看什么？', 'FC174', False),  # (guard)
    ('ResNet-101 用的是瓶颈块。这个 bug 出在把 BasicBlock 当成了 101 层网络的单元。', 'FC354', False),  # (guard)
    ('ResNet-50 用 bottleneck。出错的原因是脚本里把 basic block 的定义套到了 50 层的模型上。', 'FC354', False),  # (missed by the starting code)
    ('ResNet-50 是由两个 3×3 卷积的基本块堆起来的，报错是因为权重里多了 conv3。', 'FC354', True),  # (guard)
    ('问题是 ResNet-50 用的是 basic block，所以没有 conv3。', 'FC354', True),  # (guard)
    ('在很深的网络里，skip connection 会让回传的梯度被稀释。', 'FC149', True),  # (missed by the starting code)
    ('残差连接会使梯度在跨层传递时被削弱，所以层数一多就训不动。', 'FC149', True),  # (missed by the starting code)
    ('残差连接不会让梯度被稀释，反而给梯度提供了一条捷径。', 'FC149', False),  # (guard)
    ('残差连接能避免让梯度被层层削弱。', 'FC149', False),  # (guard)
    ('残差连接会让梯度被稀释吗？', 'FC149', False),  # (guard)
    ('换成 LSTM 之后不用再开 gradient clipping，训练自然就稳了。', 'FC150', True),  # (missed by the starting code)
    ('用了 LSTM，就无需再配合梯度裁剪了。', 'FC150', True),  # (missed by the starting code)
    ('LSTM 的细胞状态缓解了梯度消失，但梯度仍可能爆炸，所以还需要配 clip_grad_norm_。', 'FC150', False),  # (guard)
    ('LSTM 的门控机制并没有解决梯度爆炸，训练时仍要配合梯度裁剪。', 'FC150', False),  # (guard)
    ('LSTM 的门控机制能解决梯度爆炸吗？', 'FC150', False),  # (guard)
    ('LLaMA 的前馈层说白了就是 MLP 接一个 ReLU。', 'FC348', True),  # (guard)
    ('LLaMA 的 FFN 其实就是一个普通的两层 MLP 加 ReLU。', 'FC348', True),  # (missed by the starting code)
    ('Llama 2 的 MLP 块结构是两层 MLP + ReLU，跟 BERT 差不多。', 'FC348', True),  # (missed by the starting code)
    ('LLaMA 的 FFN 不是 MLP 加 ReLU，而是 SwiGLU。', 'FC348', False),  # (guard)
    ('原始 Transformer 的 FFN 是两层 MLP 加 ReLU，LLaMA 则换成了 SwiGLU。', 'FC348', False),  # (guard)
    ('LLaMA 的 FFN 是 MLP 加 ReLU 吗？', 'FC348', False),  # (guard)
    ('长短期记忆网络里只有输入门、输出门两个，没有遗忘门。', 'FC356', True),  # (missed by the starting code)
    ('LSTM 单元只由遗忘门与输入门两个组成，输出直接取细胞状态。', 'FC356', True),  # (missed by the starting code)
    ('LSTM 不只有遗忘门和输出门两个，还有输入门。', 'FC356', False),  # (guard)
    ('LSTM 是只有遗忘门和输出门两个吗？', 'FC356', False),  # (guard)
    ('GRU 的门控只有更新门和重置门两个。', 'FC356', False),  # (guard)
    ('MobileNet 算是跟 PyTorch 同类的深度学习框架。', 'FC171', True),  # (missed by the starting code)
    ('BERT 和 ResNet 都是与 PaddlePaddle 同一层级的 framework，只是领域不同。', 'FC171', True),  # (missed by the starting code)
    ('PyTorch 是和 TensorFlow 同一层级的框架，ResNet 则是跑在它们上面的模型。', 'FC171', False),  # (guard)
    ('ResNet 不是和 TensorFlow 同一层级的框架，而是一种网络结构。', 'FC171', False),  # (guard)
    ('ResNet 是和 TensorFlow 同一层级的框架吗？', 'FC171', False),  # (guard)
    ('关于您问的 BERT 为什么能看到右边的词，简单说明一下：BERT 是单向模型，只看左边。', 'FC173', True),  # (missed by the starting code)
    ('关于您问的学习率为什么要预热，先说个背景：原始 Transformer 用的就是 Pre-LN。', 'FC325', True),  # (guard)
    ('关于你问的 warmup 为什么能省掉，补充一下：原始 Transformer 用的就是 Pre-LN。', 'FC325', True),  # (missed by the starting code)
    ('关于你问的 BERT 为什么能看到右边的词，简单说明一下：BERT 是双向模型，两边都看。', 'FC173', False),  # (guard)
    ('关于你问的 BERT 为什么是单向的：其实 BERT 是双向的。', 'FC173', False),  # (guard)
    ('关于你问的 warmup 为什么可以去掉，补充一点背景：原始 Transformer 是 Post-LN，Pre-LN 是后来才流行的。', 'FC325', False),  # (guard)
    ('VGG 全部换成 3×3 卷积，网络的 FLOPs 于是变得很低。', 'FC172', True),  # (missed by the starting code)
    ('VGG-16 把大卷积核拆成几个 3×3，计算量随之降到很低的水平。', 'FC172', True),  # (missed by the starting code)
    ('VGG 用 3×3 小卷积核替代大卷积核，单层参数量因此变得很小，但整个模型依然很大。', 'FC172', False),  # (guard)
    ('VGG 用两个 3×3 卷积核代替一个 5×5，卷积核的参数量因此变得更少。', 'FC172', False),  # (guard)
    ('VGG 的参数量并没有因此变得很小。', 'FC172', False),  # (guard)
    ('VGG 的计算量因此变得很小吗？', 'FC172', False),  # (guard)
    ('卷积层在每个输出位置都要独立学习一套卷积核，所以参数很多。', 'FC184', True),  # (missed by the starting code)
    ('卷积核在每个位置会分别保存一份参数。', 'FC184', True),  # (missed by the starting code)
    ('卷积层不需要在每个位置单独存一份权重，同一个核滑动使用。', 'FC184', False),  # (guard)
    ('卷积层在每个位置都要单独存一份权重吗？', 'FC184', False),  # (guard)
    ('全连接层相当于在每个位置都单独存一份权重，而卷积层共享同一个核。', 'FC184', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
