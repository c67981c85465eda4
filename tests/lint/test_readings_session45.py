"""Readings added in the forty-fifth session (2026-12-06), in wording of my own.

From the forty-third phrasing set's flagged traps and misses (read this session; the forty-fourth stays unread):

- a reason whose clause names a subject of its own in a correlative (`因为样本越少，网络越容易…`) does not go on with the
  term the clause before used (FC140);
- `很少有 X` (few are X) denies X (`很少有正好等于零的`), as `很难` does; `很少有人知道 X` does not (FC134);
- a hope held at first (`起初我们指望用 Adam 解决…`) is a belief told to be given up, as `一开始以为…` is (FC142);
- what one is told not to count on (`别指望 X…`) or not to write somewhere (`不要在报告里写 X 是…`) is denied in its own
  clause only: an earlier clause of the sentence still states (FC411, FC369, FC135);
- `把 X 写成了 Y，其实…` tells a mistake made and set right (FC344); `把任务都改写成了…` tells no mistake (FC375);
- a teammate's worry (`组员担心…`) is reported, as a teammate's belief is (FC345);
- `把 X 关掉` switches X off: X is not used (FC175);
- a classification judged wrong in its own clause (`把 BART 归到仅编码器模型不对`) is not asserted (FC378);
- a goal before a move of a knob is served by the first move after it, not by a later one; a knob named again with what
  it stands for (`β 对应…的强度，越大…`) ends the reach of the move before it (FC479);
- FC358 reads `接近 1 就保留…，接近 0 才…忘掉` as the truth;
- a purpose told after `把 X 调大了` is X's (FC331).

From the two helpers' diagnoses of the set's unbound misses (HELPER_CASES): `这里` is a place, not a pronoun; a finding
(`这里我们发现 X…`) leads to its topic; `之前写反了` sets the statement right; an indirect question after a verb of
wondering asks only in its clause; a concessive A-not-A (`加不加 X 都一样`) asks nothing unless led by 无论; a value
reached may be negative; a person's cleft hands on the term after 的是; a dash opening on a term starts a statement;
`P 正是 … X 的设计`, `P 主要靠 X 完成`, `A 比 B 更适合 T`, `把 ReLU 改成 tanh`, `…，便得到了 X` bind the term they name;
`A 把 B 的计算量从 … 降到 …` is what A does; `加了 X 之后…` is X's effect; `它` after `Faster R-CNN 的 RPN` is the part;
`每加一份 X，…` is a change clause; `想要 X，首选是 Y` is a purpose; `作为…`, `说的就是…`, `得先…`, `…得到的就是…` go on
with the term before; `但实践告诉我们，…` sets a reported belief right; a short subject before `便会` starts the consequent.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found); each False case is flagged by the session's starting code, each True one
# is a guard (found then and now)
CASES = [
    ('团队没有减少样本，而是扩充训练集并加上数据增强，因为样本越少，网络越容易死记训练集。', 'FC140', False),  # (flagged by the starting code)
    ('数据增强要慎用，因为会导致过拟合。', 'FC140', True),  # (guard)
    ('用了 L2 正则之后，权重都缩小了，但很少有正好等于零的。', 'FC134', False),  # (flagged by the starting code)
    ('用了 L2 正则之后，很多权重正好等于零。', 'FC134', True),  # (guard)
    ('很少有人知道，L2 正则会把很多权重压成零。', 'FC134', True),  # (guard)
    ('起初我们指望用 Adam 解决深层网络的梯度消失，后来才想通得靠残差连接。', 'FC142', False),  # (flagged by the starting code)
    ('用 Adam 就能解决深层网络的梯度消失。', 'FC142', True),  # (guard)
    ('之前代码里把 GELU 写成了 x·sigmoid(x)，那其实是 SiLU。', 'FC344', False),  # (flagged by the starting code)
    ('GELU 就是 x·sigmoid(x)。', 'FC344', True),  # (guard)
    ('组员担心全用 ReLU 网络就退化成线性模型，其实不会。', 'FC345', False),  # (flagged by the starting code)
    ('ReLU 会让网络退化成线性模型。', 'FC345', True),  # (guard)
    ('遗忘门输出接近 1 就保留旧记忆，接近 0 才是把它忘掉。', 'FC358', False),  # (flagged by the starting code)
    ('遗忘门输出接近 1 时，旧记忆会被忘掉。', 'FC358', True),  # (guard)
    ('不要在报告里写 FlashAttention 是一种近似注意力，它算的是精确结果。', 'FC369', False),  # (flagged by the starting code)
    ('FlashAttention 是一种近似注意力。', 'FC369', True),  # (guard)
    ('继续预训练 GPT-2 时记得把 MLM 关掉。', 'FC175', False),  # (flagged by the starting code)
    ('GPT 的预训练用的是 MLM。', 'FC175', True),  # (guard)
    ('这里把 BART 归到仅编码器模型不对，它有解码器。', 'FC378', False),  # (flagged by the starting code)
    ('BART 属于仅编码器模型。', 'FC378', True),  # (guard)
    ('若希望策略更贴近参考模型，就要调大 β，DPO 里 β 越小越允许偏离。', 'FC479', False),  # (flagged by the starting code)
    ('想让策略更贴近参考模型，就把 PPO 的 KL 系数调小。', 'FC479', True),  # (guard)
    ('想让策略更贴近参考模型，应把 KL 系数调大，KL 系数越小越允许偏离。', 'FC479', False),
    ('我们把 KL 系数从 0.2 降到 0.05：KL 系数代表约束的强度，越大越把策略拉回参考模型。', 'FC479', False),  # (guard)  # (flagged by the starting code)
    ('不要指望非结构化剪枝在普通 GPU 上直接带来加速。', 'FC411', False),  # (flagged by the starting code)
    ('别指望 Adam 能解决梯度消失。', 'FC142', False),  # (flagged by the starting code)
    ('同事担心 BatchNorm 在推理时还要用当前 batch 的统计量，其实不用。', 'FC138', False),  # (flagged by the starting code)
    ('不要在 PPT 里写 BART 是仅编码器模型。', 'FC378', False),  # (flagged by the starting code)
    ('L1 正则其实就是权重衰减，所以别指望它给出稀疏解。', 'FC135', True),  # (guard)
    ('T5 像 GPT 一样只有解码器，它把各种任务都改写成了文本到文本。', 'FC375', True),  # (guard)
    # (guards in my own wording for the constructions of seven false alarms a proposed reading raised on the development
    # corpora, not taken: a term after the property that is the clause's own subject or a gloss of it; a concession led
    # by 无论 that states nothing)
    ('弹性网络是岭回归和 Lasso 的混合，它同时使用 L2 和 L1 正则。', 'FC312', False),  # (guard)
    ('Megatron 可以把矩阵运算拆到多张卡上（张量并行），也可以把不同层拆到不同卡上（流水线并行）。', 'FC426', False),  # (guard)
    ('预训练是先在海量无标注数据上学通用知识，然后再用少量标注数据去微调。', 'FC155', False),  # (guard)
    ('训练时无论模型上一个词预测得是否正确，teacher forcing 喂给解码器的都是真实的前一个词。', 'FC360', False),  # (guard)
    ('推理时 BatchNorm 用当前 batch 的统计量。', 'FC138', True),  # (guard)
    ('非结构化剪枝在普通 GPU 上就能直接带来加速。', 'FC411', True),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text

# Cases written by the two helper sessions that traced the forty-third set's unbound misses, each in wording of its own
# (wrong sentences the reading now catches, and traps of the same construction: the truth, a negation, a question);
# unmarked cases behave as they did with the session's starting code (a proposed reading that let a clause go on past a
# term after its property was not taken: on the development corpora it raised seven false alarms, where the term after
# is the clause's own subject or a gloss of what it describes; its traps stay here as guards)
HELPER_CASES = [
    ('因为自注意力天然能感知词序，用不用位置编码都一样。', 'FC364', True),  # (missed by the starting code)
    ('我们删掉了 Dropout，因为推理时它照样随机丢弃神经元，开不开都一样。', 'FC136', True),  # (missed by the starting code)
    ('我们删掉了位置编码，因为自注意力天然能感知词序，加不加位置编码效果没区别。', 'FC364', True),  # (missed by the starting code)
    ('我们保留了位置编码，因为自注意力本身不能感知词序，加不加位置编码差别很大。', 'FC136', False),
    ('我们保留了位置编码，因为自注意力本身不能感知词序，加不加位置编码差别很大。', 'FC364', False),
    ('因为自注意力能不能感知词序还不确定，加不加位置编码都试了一遍。', 'FC136', False),
    ('因为自注意力能不能感知词序还不确定，加不加位置编码都试了一遍。', 'FC364', False),
    ('自注意力能不能感知 token 的顺序？加不加位置编码有区别吗？', 'FC136', False),
    ('自注意力能不能感知 token 的顺序？加不加位置编码有区别吗？', 'FC364', False),
    ('加了残差连接之后浅层的梯度衰减得更快。', 'FC149', True),  # (missed by the starting code)
    ('用了残差连接后，浅层梯度消失更严重。', 'FC149', True),  # (missed by the starting code)
    ('引入 shortcut 之后靠近输入的几层梯度衰减得更快。', 'FC149', True),
    ('去掉残差连接之后浅层的梯度衰减得更快。', 'FC149', False),
    ('没加残差连接之后浅层的梯度衰减得更快。', 'FC149', False),
    ('加了残差连接之后浅层的梯度会不会衰减得更快？', 'FC149', False),
    ('换成 FlashAttention 之后结果完全一致，它不是近似注意力。', 'FC149', False),
    ('用了 Dropout 之后验证集效果好了，推理时它会被关掉。', 'FC149', False),
    ('在线性回归的损失里加 L2 范数惩罚，就变成了 Lasso。', 'FC312', True),  # (missed by the starting code)
    ('在线性回归上加入 L2 惩罚，便得到了 Lasso。', 'FC312', True),  # (missed by the starting code)
    ('在线性回归上加入 L1 惩罚，便得到了 Lasso。', 'FC312', False),
    ('在线性回归上加入 L2 惩罚，并不会得到 Lasso。', 'FC312', False),
    ('在线性回归上加入 L2 惩罚，能得到 Lasso 吗？', 'FC312', False),
    ('COCO 的 AP 与 VOC 不同，并不只在 0.5 这一个 IoU 阈值下计算。', 'FC461', False),
    ('COCO 的主指标 AP 只在 0.5 的 IoU 阈值下计算吗？', 'FC461', False),
    ('COCO 的主指标不只在 0.5 下计算，只在 0.5 下计算的那个叫 AP50。', 'FC461', False),
    ('最小化交叉熵，其实就是在最小化真实分布和模型分布之间的 KL 散度。', 'FC461', False),
    ('我想特别提一下：VAE 的训练目标总是大于 log p(x)，作为似然的上界被最大化。', 'FC450', True),  # (missed by the starting code)
    ('我想特别提一下：所谓模式崩溃，讲的就是判别器 loss 降到零。', 'FC454', True),  # (missed by the starting code)
    ('我想特别提一下：VAE 的训练目标总是不大于 log p(x)，作为似然的下界被最大化。', 'FC450', False),
    ('我想特别提一下：VAE 的训练目标总是不大于 log p(x)，作为似然的下界被最大化。', 'FC454', False),
    ('我想特别提一下：所谓模式崩溃，讲的并不是判别器 loss 降到零。', 'FC450', False),
    ('我想特别提一下：所谓模式崩溃，讲的并不是判别器 loss 降到零。', 'FC454', False),
    ('我想特别提一下：所谓模式崩溃，作为对比，判别器 loss 降到零是另一回事。', 'FC450', False),
    ('我想特别提一下：所谓模式崩溃，作为对比，判别器 loss 降到零是另一回事。', 'FC454', False),
    ('所谓 mode collapse，说的是不是判别器的 loss 归零？', 'FC450', False),
    ('所谓 mode collapse，说的是不是判别器的 loss 归零？', 'FC454', False),
    ('假如一批数据有 50 个正例，模型找出了 45 个，工程师们便会写下 90% 的精确率——精确率衡量的，正是真实正样本被正确识别的程度。', 'FC102', True),  # (missed by the starting code)
    ('如果正例有 100 个、找回了 80 个，分析师们便会写下 80% 的精确率——PPV 衡量的，正是真实正样本被正确识别的比例。', 'FC102', True),  # (missed by the starting code)
    ('如果模型预测了 50 个正例，其中 45 个是对的，工程师们便会写下 90% 的精确率，它衡量的是预测为正的样本里有多少是真的。', 'FC102', False),
    ('如果用了 L1 正则，权重里很多项就会变成 0，模型变稀疏。', 'FC102', False),
    ('如果训练集很小，工程师们就会加大 Dropout，推理时它会被关闭。', 'FC102', False),
    ('很多人担心 FP16 会上溢，但实践告诉我们，半精度能表示的最大值约 3.4×10^38。', 'FC420', True),  # (missed by the starting code)
    ('有人说 Dropout 在推理时关闭，但实践告诉我们，推理时它照样随机丢弃神经元。', 'FC136', True),  # (missed by the starting code)
    ('很多人以为 FP16 的最大值和 FP32 一样，但实验表明，半精度的最大值只有 65504。', 'FC136', False),
    ('很多人以为 FP16 的最大值和 FP32 一样，但实验表明，半精度的最大值只有 65504。', 'FC420', False),
    ('有人说 Dropout 在推理时仍随机丢弃神经元，但实践告诉我们，推理时它是关闭的。', 'FC136', False),
    ('有人说 Dropout 在推理时仍随机丢弃神经元，但实践告诉我们，推理时它是关闭的。', 'FC420', False),
    ('很多人担心 L1 正则不会产生稀疏解，但实验表明，L1 确实会让很多权重变成 0。', 'FC136', False),
    ('很多人担心 L1 正则不会产生稀疏解，但实验表明，L1 确实会让很多权重变成 0。', 'FC420', False),
    ('MSE 比交叉熵更适合分类问题。', 'FC116', True),  # (missed by the starting code)
    ('均方误差比交叉熵更适合分类任务，收敛也更快。', 'FC116', True),  # (missed by the starting code)
    ('MSE 并不比交叉熵更适合分类问题。', 'FC116', False),
    ('MSE 比交叉熵更适合回归问题。', 'FC116', False),
    ('MSE 会比交叉熵更适合分类问题吗？', 'FC116', False),
    ('交叉熵比 MSE 更适合分类问题。', 'FC116', False),
    ('我们把激活换成了 GELU，实现上就是一行 x * torch.sigmoid(x)。', 'FC344', True),  # (missed by the starting code)
    ('我们把激活换成了 GELU，写出来就是 x * torch.sigmoid(x)。', 'FC344', True),  # (missed by the starting code)
    ('我们把激活换成了 GELU，实现上用的是 x * Φ(x)，其中 Φ 是标准正态分布函数，不是 sigmoid。', 'FC344', False),
    ('我们把激活换成了 SiLU，实现上就是一行 x * torch.sigmoid(x)。', 'FC344', False),
    ('我们把归一化换成了 GroupNorm，groups 设成 1 时就等价于 LayerNorm。', 'FC344', False),
    ('我们把激活换成了 GELU，实现上是不是一行 x * torch.sigmoid(x)？', 'FC344', False),
    ('这里我们发现 Adagrad 训到后面，有效学习率是逐渐上升的。', 'FC330', True),  # (missed by the starting code)
    ('实验中我们注意到 Adagrad 训到后面，有效学习率并没有上升，反而越来越小。', 'FC330', False),
    ('我们发现 Adagrad 的有效学习率会逐渐上升吗？', 'FC330', False),
    ('后来我们发现零初始化会让对称性无法被打破，于是改成了随机初始化。', 'FC330', False),
    ('GPT-2 用的是 WordPiece，之前写反了。', 'FC381', True),  # (missed by the starting code)
    ('GPT-2 用的是 BPE，之前写反了。', 'FC381', False),
    ('有人说 GPT-2 用的是 WordPiece，这是写反了。', 'FC381', False),
    ('GPT-2 用的是 WordPiece，写反了。', 'FC381', False),
    ('GPT-2 用的是 WordPiece？不对，之前写反了，GPT-2 用的是 BPE。', 'FC381', False),
    ('我们纳闷纯 ReLU 的网络为什么拟合不了曲线，后来想通了：ReLU 本身是线性函数。', 'FC345', True),  # (missed by the starting code)
    ('我们纳闷纯 ReLU 的网络为什么能拟合曲线，后来想通了：ReLU 是分段线性的非线性函数。', 'FC345', False),
    ('为什么 ReLU 是线性函数？', 'FC345', False),
    ('我一直好奇 ReLU 为什么不是线性函数。', 'FC345', False),
    ('ReLU 为什么是线性函数，我一直想不通。', 'FC345', False),
    ('训练后期，交叉熵损失一路下跌，降到了负 0.5。', 'FC119', True),  # (missed by the starting code)
    ('日志里的交叉熵损失一路下跌，降到了 0.02。', 'FC119', False),
    ('交叉熵损失不可能降到 −0.2。', 'FC119', False),
    ('日志里的对数似然一路下跌，降到了 −0.2。', 'FC119', False),
    ('我们微调的是 LLaMA，它的前馈层用 ReLU 激活。', 'FC348', True),  # (missed by the starting code)
    ('我们微调的是 LLaMA，它的前馈层用 SwiGLU 激活。', 'FC348', False),
    ('我们微调的是 LLaMA，它的前馈层不用 ReLU 激活。', 'FC348', False),
    ('我们微调的是 LLaMA 吗？它的前馈层用 ReLU 激活吗？', 'FC348', False),
    ('训练目标依然是独热编码——多标签分类的标签，正是用 one-hot 来表示的。', 'FC121', True),  # (missed by the starting code)
    ('它依然用 softmax——多标签分类，也是用 one-hot 表示标签的。', 'FC121', True),  # (missed by the starting code)
    ('BERT——基于 Transformer 的编码器，它是单向的。', 'FC121', False),
    ('训练目标依然是独热编码——多标签分类的标签，要用 multi-hot 来表示。', 'FC121', False),
    ('softmax 的输出也是这样——多分类的标签，正是用 one-hot 来表示的。', 'FC121', False),
    ('FlashAttention 把 attention 的计算量从 O(n²) 降到了 O(n)。', 'FC369', True),  # (missed by the starting code)
    ('FlashAttention 把 attention 的显存占用从 O(n²) 降到了 O(n)。', 'FC369', False),
    ('FlashAttention 并没有把 attention 的计算量从 O(n²) 降到 O(n)。', 'FC369', False),
    ('FlashAttention 能把 attention 的计算量从 O(n²) 降到 O(n) 吗？', 'FC369', False),
    ('线性注意力把 attention 的计算量从 O(n²) 降到了 O(n)。', 'FC369', False),
    ('Transformer 里 token 之间的信息融合主要靠前馈网络完成。', 'FC367', True),  # (missed by the starting code)
    ('Transformer 里 token 之间的信息融合主要靠自注意力完成。', 'FC367', False),
    ('Transformer 里 token 之间的信息融合不是靠前馈网络完成的。', 'FC367', False),
    ('Transformer 里逐位置的非线性变换主要靠前馈网络完成。', 'FC367', False),
    ('评测用 greedy decoding，每步取 argmax 得到的就是整体概率最大的句子。', 'FC402', True),  # (missed by the starting code)
    ('评测用 greedy decoding，每步取 argmax 得到的不一定是整体概率最大的句子。', 'FC402', False),
    ('评测用 beam search，每步保留 k 个候选得到的是近似最优的句子。', 'FC402', False),
    ('吗？', 'FC402', False),
    ('我们改进了 Faster R-CNN 的 RPN，它会为每个候选框直接输出具体的物体类别。', 'FC459', True),
    ('我们改进了 Faster R-CNN 的 RPN，它只判断候选框是前景还是背景。', 'FC459', False),
    ('我们改进了 Faster R-CNN 的 RPN，它会不会直接输出具体的物体类别？', 'FC459', False),
    ('每加一份正则化惩罚，模型复杂度便随之上升一分。', 'FC139', True),  # (missed by the starting code)
    ('每加一份正则化惩罚，模型复杂度便随之下降一分。', 'FC139', False),
    ('每加一份正则化惩罚，模型复杂度并不会随之上升。', 'FC139', False),
    ('每加一份正则化惩罚，模型复杂度会随之上升吗？', 'FC139', False),
    ('出现梯度消失时，把 ReLU 改成 tanh 就好了。', 'FC148', True),  # (missed by the starting code)
    ('深层网络出现梯度消失，把 ReLU 改成 sigmoid 是最直接的补救。', 'FC148', True),  # (missed by the starting code)
    ('出现梯度消失时，把 sigmoid 改成 ReLU 就好了。', 'FC148', False),
    ('出现梯度消失时，不要把 ReLU 改成 tanh。', 'FC148', False),
    ('出现梯度消失时，能把 ReLU 改成 tanh 吗？', 'FC148', False),
    ('想要一个稀疏模型，研究者们的首选是 L2 regularization。', 'FC134', True),  # (missed by the starting code)
    ('为了得到稀疏模型，最好的办法是 L2 正则。', 'FC134', True),  # (missed by the starting code)
    ('想要一个稀疏模型，研究者们的首选是 L1 regularization，而不是 L2。', 'FC134', False),
    ('想要一个稀疏模型，首选是 L2 regularization 吗？', 'FC134', False),
    ('想要模型更平滑，首选是 L2 regularization。', 'FC134', False),
    ('工程师们评估模型时，保留了随机失活。', 'FC136', True),  # (missed by the starting code)
    ('评估阶段 Dropout 照样开着。', 'FC136', True),  # (missed by the starting code)
    ('评估阶段要关掉 Dropout，不能保留随机失活。', 'FC136', False),
    ('评估阶段 Dropout 还开着吗？', 'FC136', False),
]


@pytest.mark.parametrize("text,code,expected", HELPER_CASES)
def test_helper_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
