"""Readings added in the twentieth session (2026-12-03), in wording of my own.

From the sixtieth untuned trial (ML tutorial repositories, not interview collections): an entry of a list under a
heading of pitfalls or mistakes (`## 常见陷阱`, `## 踩坑记录`) says what goes wrong, not what is so, except the line
that gives its fix (`处置：…`); a sentence that opens on a thing named in Latin letters the glossary does not know,
with 也/还/则 (`同时，Mixup 还有…`), is about that thing, not the term before; what a property is compared with
(`远低于自回归解码`) is not the subject's property; English `rather than` / `instead of` deny what follows; the
next step of a procedure (`先…，然后用少量标注数据…`) is not the first step's; a magnitude (`千亿级别`, `百亿甚至千亿`)
holds from the number to ten times it; either side of `A vs B` is set against the other, not claimed; a memory
figure of stored vectors or an index is not a model's weight memory; a replacement character between quotes is
named, not lost bytes; `动态调整 top-k` adjusts k, it does not say top-k sampling is dynamic. Longer fences hold
shorter ones (FM008, in tests/lint/rules/FM008.yml).

From the eighteenth phrasing set (read this session; the nineteenth stays unread): a question a colon ends (`过拟合了
该怎么处理：…`) is answered after the colon, and a question told as asked (`你问 X 怎么算。`) is a question whose term the
next sentence goes on with; a word of assent that opens a sentence (`可以的，`) opens no topic; a counted part (`96 个注意力
头`) is no subject of its own; a term that only qualifies the next (`RLHF 的 PPO 阶段`) is not what a question asks; what
one meant to do (`本想把…`) is not stated, and a mistake a newcomer wrote (`新人写成…`) is reported, not made; a clause
that sets the scene of work on one term (`当时手写 GBDT，`) hands it on to the parts that follow; `本质上还是` is "still",
not an alternative question; a pattern rule's match does not run from a question across its question mark into the
answer on the same line (it is searched again after the mark). Phrasings the rules did not know: dropout kept on at
inference, less data against overfitting, Adam said to use second-order information. A line goes on answering the
question that ends the line before it (`AdamW 到底是什么？⏎说白了就是…`); a discourse marker (`说白了`, `简单来说`) opens no
subject of its own; what is reached or approached (`达到 two-stage 的水平`) is compared with, not claimed."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

REPLACEMENT = "\ufffd"


@pytest.mark.parametrize("text,code", [
    # entries of a list of pitfalls
    ("## 常见陷阱\n\n1. **忘了切换到 eval 模式** → 预测时 Dropout 依然随机丢弃神经元\n   解决：推理前调用 model.eval()\n", "FC136"),
    ("## 踩坑记录\n\n- 把 KL 散度当成对称的距离来用 → 方向一反，优化目标就错了\n", "FC118"),
    ("## 常见坑\n\n3. **Encoder 误用因果 mask**\n   现象：给编码器的自注意力也加上了因果 mask，结果只能看到左侧上下文。\n", "FC362"),
    # a sentence about a thing of its own
    (item("归一化之后可以用更大的学习率。同时 Mixup 还有抗过拟合的作用，让训练过程更平稳。"), "FC146"),
    # what is compared with
    (item("BERT 的推理成本远低于自回归解码。"), "FC173"),
    # English denials
    (item("Stable Diffusion runs its denoising in a compressed latent space rather than in pixel space."), "FC451"),
    # the next step of a procedure
    (item("预训练范式一句话：先在海量无标注语料上学通用表示，然后用少量标注数据适配下游任务。"), "FC155"),
    # magnitudes
    (item("GPT-3 的参数量在千亿级别。"), "FC383"),
    (item("GPT-3 的参数规模处于千亿量级。"), "FC383"),
    (item("GPT-3 的参数量在百亿甚至千亿级别。"), "FC383"),
    # the sides of a comparison
    (item("ResNet 这一节的要点：特征相加 vs 用通道拼接，两种融合方式对照着看。"), "FC352"),
    # vectors stored, not weights
    (item("2 亿条 1024 维 FP16 向量约需 400 GB。"), "FC469"),
    # a character named between quotes
    (item(f"解码失败时屏幕上会显示 '{REPLACEMENT}' 这个替换符号。"), "FM010"),
    # adjusting k
    (item("检索阶段可以动态调整 top-k，少取几篇文档。"), "FC405"),
])
def test_not_a_slip(text, code):
    assert code not in found(text), text


@pytest.mark.parametrize("text,code", [
    # a pitfall list's fix line, and a paragraph of its own under the heading, state what they say
    ("## 常见陷阱\n\n1. **忘了切 eval**\n   处置：推理时 Dropout 仍然要随机丢弃神经元，保持和训练一致。\n", "FC136"),
    ("## 常见陷阱\n\n推理阶段 Dropout 依然会随机丢弃神经元。\n", "FC136"),
    (item("学习率越大，训练越稳定。"), "FC146"),
    (item("增大学习率可以让训练过程更加平稳。"), "FC146"),
    (item("BERT 本质上是一个自回归模型。"), "FC173"),
    (item("Stable Diffusion denoises directly in pixel space."), "FC451"),
    (item("预训练阶段需要大量人工标注的数据。"), "FC155"),
    (item("GPT-3 的参数量是百亿级别。"), "FC383"),
    (item("GPT-3 有 175 亿参数。"), "FC383"),
    (item("ResNet 的 shortcut 用通道拼接把输入和输出合在一起。"), "FC352"),
    (item("7B 模型用 FP16 加载，权重约需 7GB。"), "FC469"),
    (item(f"模型输出里出现了乱码{REPLACEMENT}{REPLACEMENT}，需要重新解码。"), "FM010"),
    (item("Top-k 采样会根据分布动态调整候选集的大小。"), "FC405"),
])
def test_the_slip_is_found(text, code):
    assert code in found(text), text


@pytest.mark.parametrize("answer,code", [
    # a question a colon ends, then its answer
    ("模型过拟合了该怎么处理：一个办法是减少训练数据。", "FC131"),
    ("精确率怎么计算：分母是全部真实正样本，也就是 TP/(TP+FN)。", "FC102"),
    # a question told as asked
    ("你问精确率怎么计算。就是 TP/(TP+FN)。", "FC102"),
    # a word of assent, a counted part
    ("可以的，岭回归的 L2 惩罚会把不相关变量的系数推到 0，得到稀疏解。", "FC134"),
    ("GPT-3 有 96 层，96 个注意力头，参数量约 17.5B。", "FC383"),
    # a term that qualifies the one asked about
    ("问：知识蒸馏中的软标签从哪来？答：直接用数据集里的 one-hot 标签。", "FC410"),
    ("Q: InstructGPT 的 PPO 阶段训练哪个模型？ A: 训练奖励模型的参数。", "FC399"),
    # phrasings the rules did not know
    ("做 inference 的时候 dropout 照样随机丢弃神经元。", "FC136"),
    ("随机失活在部署时也应该保持启用。", "FC136"),
    ("训练样本少一点，模型就不容易过拟合。", "FC131"),
    ("Adam 快在哪？因为它用了损失函数的 Hessian，等于一个便宜的牛顿法。", "FC332"),
    ("Adam 的优势在于借助二阶导数信息来调整步长。", "FC332"),
    # `本质上还是` is "still", not "or"
    ("只用 ReLU 激活的深层网络本质上还是线性模型。", "FC345"),
    # a pattern's statement after an inline question, not across its question mark
    ("问：vocab 扩大以后序列会怎样？ 答：vocab 越大，同一句话切出来的序列就越长。", "FC382"),
    # a scene of work on a term, its parts after it
    ("当时手写 GBDT，每棵新树都直接去拟合原始标签 y。", "FC446"),
    # a line that answers the question ending the line before; a discourse marker before 就是
    ("AdamW 到底是什么？\n说白了就是 Adam 加 L2 正则，两者完全等价。", "FC328"),
])
def test_an_answer_states_the_slip(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("我们本想把两类数据用 LDA 投影到 3 维，后来才知道最多只能到 1 维。", "FC443"),
    ("GBDT 每棵树拟合的是负梯度。当时新人写成每棵树拟合原始标签，后面的树都白学了。", "FC446"),
    ("你问特异度和 FPR 的关系：负样本中被错判为正的比例是 FPR，特异度则是 1 − FPR。", "FC107"),
    ("精确率怎么计算：TP/(TP+FP)。", "FC102"),
    ("过拟合怎么办：多收集训练数据。", "FC131"),
    ("Adam 没有用二阶信息，只用了梯度的一阶矩和二阶矩估计。", "FC332"),
    # `二阶信息` alone is Adam's second moment as often as curvature
    ("Adam 引入二阶动量，利用二阶信息给每个参数定自己的步长。", "FC332"),
    ("问：vocab 越大序列就越长吗？ 答：不会，反而更短。", "FC382"),
    ("手写 GBDT 的时候，每棵树拟合的是当前模型的负梯度。", "FC446"),
    ("AdamW 到底是什么？\n它和 Adam 加 L2 正则并不等价，权重衰减是解耦的。", "FC328"),
    # the level of what is compared with
    ("YOLO 的精度已经逼近 two-stage 的水平。", "FC457"),
    ("单阶段检测器精度不断提升，逐步达到 two-stage（如 Faster R-CNN）的水平。", "FC457"),
])
def test_an_answer_states_no_slip(answer, code):
    assert code not in found(item(answer)), answer


# From the sixty-second untuned trial (a textbook's chapters): a participle phrase that opens a consequent
# (`…，所以通过训练得到的词嵌入…`) qualifies the noun after it; a value set for a run (`将 … 设为 128`) is chosen, not the
# model's; a count of the parts that serve a purpose (`有两个门专门负责…`) is not all there are; the place something is
# done in (`在任何深度学习框架的代码中`) is no property of the subject; an operand of arithmetic (`$64 \\times 0.15$`) is no
# value stated of the term.
@pytest.mark.parametrize("answer,code", [
    ("我们用的是固定的正弦位置编码，所以通过训练得到的词嵌入向量要先乘以 √d 再与它相加。", "FC372"),
    ("示例里将 BERT 的最大序列长度设为 128，以节省显存。", "FC387"),
    ("GRU 用更新门和重置门控制信息；LSTM 里同样有两个门专门负责这件事：输入门和遗忘门。", "FC356"),
    ("VGG 网络由重复的块组成。借助循环，可以很容易地在任何现代深度学习框架的代码中写出这些块。", "FC171"),
    # an operand of arithmetic
    ("在每个 BERT 输入序列里，遮蔽 $128 \\times 0.15$ 个位置来做预测。", "FC387"),
])
def test_a_textbook_states_no_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("正弦位置编码是在训练中学出来的。", "FC372"),
    ("BERT 的最大输入长度是 1024 个 token。", "FC387"),
    ("LSTM 只有两个门。", "FC356"),
    ("VGG 是一种深度学习框架。", "FC171"),
    # a place that is the property itself, a place word inside another (`簇中心`), a value set above what the model allows
    ("Prompt tuning 在每一层的注意力里都插入可训练的前缀。", "FC393"),
    ("k-means 在训练时利用类别标签来确定簇中心。", "FC438"),
    ("做长文本时直接把 BERT 的 max_seq_length 设成 2048，原生就支持。", "FC387"),
])
def test_the_same_slips_are_still_found(answer, code):
    assert code in found(item(answer)), answer
