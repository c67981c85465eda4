"""Readings fixed in the fifteenth session (2026-12-03), in wording of my own.

From the four traps the eleventh phrasing set flagged, each read at its mechanism:
- a term whose stage is said to be over (`X 结束后/完成以后…`) names a time; what follows is said of the time after it,
  not of the term, in its own clause and in the clauses after it;
- a term named ahead as the subject or owner of a reason (`…，这正是 X 取代 Y 的原因`, `这就是 X 的原因`) is not what
  the clause before it describes;
- a whole correlative (`X 越大 Y 越小，`) states its claim already and is not a frame joined to the next clause, as
  `X 越大，` is;
- a term after the property (`不等价：L2 …`) leaves a negation before the property denying it.
From the eleventh set's misses: a property linked to its term by a verb (`X 属于 P：…`) is stated there; the words after
the colon are no value of a label `X P：…` (whose `无` would deny it)."""
from __future__ import annotations

import pytest

from tests.lint.readings import found, item


@pytest.mark.parametrize("answer,code", [
    ("预热阶段学习率逐渐下降。", "FC145"),
    ("warmup 期间学习率是逐渐减小的。", "FC145"),
    ("在 warmup 阶段，学习率逐渐减小。", "FC145"),
    ("只能按时间步串行计算，这就是 Transformer 的计算方式。", "FC177"),
    ("batch size 越大，梯度噪声越大。", "FC333"),
    ("batch size 越大，梯度的方差也越大。", "FC333"),
    ("Adam 加 L2 正则和 AdamW 完全等价。", "FC328"),
    ("KNN 属于聚类方法：它把无标签样本划分成 k 个簇。", "FC441"),
    ("k 近邻是一种聚类算法：不需要标注，直接把样本聚成 k 簇。", "FC441"),
])
def test_the_slip_is_still_found(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("预热阶段结束之后学习率开始逐渐下降。", "FC145"),
    ("warmup 完成后进入余弦退火，学习率逐渐减小。", "FC145"),
    ("warmup 结束以后切换到 cosine，此时学习率逐渐下降。", "FC145"),
    ("每一步都要等上一步的隐状态，无法并行，这正是 Transformer 能取代 RNN 的原因。", "FC177"),
    ("必须按时间步依次计算，这也是 Transformer 后来居上的主要原因之一。", "FC177"),
    ("批大小越大梯度估计的方差越小，小 batch 训练时方差自然更大。", "FC333"),
    ("batch 越大梯度噪声越低，batch 很小时噪声反而更大。", "FC333"),
    ("Adam 加 L2 正则跟 AdamW 等价吗？不等价：L2 的梯度会被二阶矩缩放。", "FC328"),
    ("Adam 里加 L2 正则与 AdamW 一样吗？并不一样：AdamW 的衰减是解耦的。", "FC328"),
    ("KNN 属于聚类方法吗？不属于：它需要有标签的样本。", "FC441"),
])
def test_the_trap_is_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


# From the forty-ninth untuned trial's claim false alarms (an expert LLM tutorial repository), each read at its
# mechanism and tested here in wording of my own:
# - a step the property names said to be left out (`把减均值这一步省掉`, `省去了减均值`, `drops the mean subtraction`);
# - a sameness word that opens a condition (`相同 λ 下…`) says nothing is the same;
# - a pair named before its 前者/后者 in the same clause (`**A vs B**：前者…`);
# - what an English comparison is made with (`faster than Adam`) is not the subject;
# - a clause that closes a bracket opened before it goes on with what the brackets annotate, not with a term inside;
# - `Symmetric KL` / `对称 KL` is a divergence of its own, not KL.
@pytest.mark.parametrize("answer,code", [
    ("RMSNorm 会减去均值再除以均方根。", "FC322"),
    ("RMSNorm 也做减均值这一步。", "FC322"),
    ("在相同学习率下，Adam 加 L2 与 AdamW 完全一样。", "FC328"),
    ("Causal mask 与 Padding mask：后者用下三角屏蔽未来位置。", "FC371"),
    ("Adam is a second-order optimizer.", "FC332"),
    ("BERT 使用 BPE 分词。", "FC380"),
    ("BERT 分词：1) 使用 BPE 合并子词。", "FC380"),
    ("KL divergence is symmetric.", "FC118"),
    ("zero initialization 没什么问题，对称性会在训练中被打破。", "FC337"),
    ("推理阶段，Dropout 还是像训练时一样随机丢弃神经元。", "FC136"),  # (`Dropout` is no verb of removal)
])
def test_the_slip_is_still_found_after_the_trial_fixes(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("RMSNorm 把减均值这一步省掉了，只做缩放。", "FC322"),
    ("RMSNorm 省去了减均值，只保留按均方根的缩放。", "FC322"),
    ("RMSNorm drops the mean subtraction and only rescales.", "FC322"),
    ("Adam 加 L2 和 AdamW 在相同 λ 下更新不同。", "FC328"),
    ("Causal mask vs Padding mask：前者用下三角阻断未来，后者屏蔽 padding。", "FC371"),
    ("Sophia converges faster than Adam and is second-order.", "FC332"),
    ("WordPiece（Google 提出；BERT 也用它，2018 年）与 BPE 同为自底向上合并。", "FC380"),
    ("Symmetric KL 把两个方向的 KL 取平均，因此是对称的。", "FC118"),
    ("对称 KL 散度是对称的，KL 本身不对称。", "FC118"),
    ("全零初始化没什么问题吗？问题很大：对称性打不破。", "FC337"),
])
def test_the_trial_false_alarm_mechanisms_are_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,flagged", [
    ("卷积层不共享权重。", True),
    ("局部连接层是一种不共享权重的卷积层。", False),
])
def test_a_negated_relative_clause_picks_out_a_kind(answer, flagged):
    assert ("FC182" in found(item(answer))) == flagged, answer


# From the twelfth set's flagged traps (read after it was measured): a 而非 the segmenter glues to the next word
# (`而 / 非用`) still denies (and `而非常` is no negation); 前者/后者 stand for the pair named before them, not
# for a part one of them owns (`U-Net 与 ResNet 的跳跃连接`), and the clause after one goes on with what it names; when
# the pair is not known, 前者/后者 stand for no term rather than for an earlier one (when only one member is a known
# term, its place in `A 与 B` says whether it is 前者 or 后者).
@pytest.mark.parametrize("answer,code", [
    ("梯度检查点的本质：以显存换时间。", "FC338"),
    ("梯度检查点是用显存换计算，而非常见的用计算换显存。", "FC338"),
    ("symmetric quantization 与 asymmetric quantization：后者只需 scale，不需要零点。", "FC417"),
    ("张量并行与流水线并行：后者把同一层内的权重矩阵切分到多卡。", "FC427"),
    ("U-Net 与 ResNet 的跳跃连接不同：后者把特征按通道拼接。", "FC352"),
    ("混合精度训练和 INT8 量化不是一回事：前者依赖整数运算。", "FC144"),
])
def test_the_pair_and_nested_readings_still_find_the_slip(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("梯度检查点用计算换显存，而非用显存换计算。", "FC338"),
    ("对称量化与非对称量化：前者零点固定为 0，所以只需 scale；后者还要 zero-point。", "FC417"),
    ("张量并行和流水线并行：前者比如 Megatron，把同一层的矩阵按列切到多卡；后者按层分段。", "FC427"),
    ("U-Net 与 ResNet 的跳跃连接不同：前者按通道拼接，后者逐元素相加。", "FC352"),
    ("混合精度训练与整型量化不同：前者用 FP16 计算；后者依赖整数运算。", "FC144"),
    ("核技巧与显式特征映射的区别：后者要先算出 φ(x)，前者用核函数直接得到高维内积。", "FC444"),
    ("显式特征映射与核技巧的区别：前者要先算出 φ(x)，后者用核函数直接得到高维内积。", "FC444"),
    ("PCA 与 LDA 分别是：前者不看标签的无监督降维，后者用类别标签做有监督降维。", "FC442"),
])
def test_the_pair_and_nested_readings_leave_the_trap(answer, code):
    assert code not in found(item(answer)), answer


# From the fiftieth untuned trial's claim false alarms, in wording of my own: an outcome a verb limits (`限制发散`,
# `减少随机性`) after a lowered temperature is the right direction; `L2,1 范数` is a norm of its own, not L2; a name
# joined by a hyphen to an acronym (`L1-FOBOS`, `L1-RDA`) is part of another name, not L1.
@pytest.mark.parametrize("answer,code", [
    ("把温度调低，输出会更随机、更发散。", "FC404"),
    ("L2 正则可以让模型具有较高的稀疏度。", "FC134"),
    ("L1 正则不能产生稀疏解。", "FC135"),
    ("RMSProp 的动机是解决 Adagrad 训练后期学习率过大、容易发散的问题。", "FC330"),  # (a problem named is still stated)
    ("显式特征映射与核技巧的区别：后者要先显式算出高维特征 φ(x) 再求内积。", "FC444"),
    ("PCA 与 LDA 分别是：前者用类别标签做有监督降维，后者不看标签。", "FC442"),  # (分别 then 前者/后者)
])
def test_the_slip_is_still_found_after_the_fiftieth_trial(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("生成时把温度调低，可以限制发散、减少随机性。", "FC404"),
    ("MLR 同时加了 L1 和 L2,1 范数，学出来的模型比较稀疏。", "FC134"),
    ("MLR 训练时加上 L1 与 L2,1 范数，能让最终模型更稀疏。", "FC134"),
    ("FTRL 主要用于解决在线学习里 SGD 的权重不能产生足够稀疏性的问题。", "FC135"),  # (`L1-FOBOS` is no L1)
    ("FTRL 综合了 L1-FOBOS 和 L1-RDA 的优点，主要解决在线学习下权重不能产生足够稀疏性的问题。", "FC135"),
])
def test_the_fiftieth_trial_false_alarm_mechanisms_are_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


# From the thirteenth set's flagged traps (read after it was measured twice, unread, at 23 per dialect): an option judged
# wrong in a multiple-choice explanation (`D 项错在认为…`) and a belief a colleague or we ourselves held at first (`有同事以为…`,
# `我们一开始以为…`) report a claim to reject it; a lowered temperature for replies that were too divergent (`太发散`) is the
# right direction, and `T 越高…` does not run past a comma into another clause about T (`，T 趋近 0 才接近贪心`).
@pytest.mark.parametrize("answer,code", [
    ("本题选 B：换成 Adam 优化器就能避免梯度消失。", "FC142"),
    ("C 项正确：残差连接会加剧梯度消失。", "FC149"),
    ("FlashAttention 是一种近似注意力算法。", "FC369"),
    ("想让回复更发散，就把 temperature 调低。", "FC404"),
    ("temperature 调高以后，回答更稳定、更可预测。", "FC404"),
])
def test_the_slip_is_still_found_beside_reported_beliefs(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("B 选项错在认为换成 Adam 就能避免梯度消失，优化器并不改变梯度怎么算。", "FC142"),
    ("A 项错在说残差连接会加剧梯度消失，恒等支路恰恰让梯度直通。", "FC149"),
    ("组里有同事以为 FlashAttention 是近似算法，实测输出和标准注意力一致。", "FC369"),
    ("我们起初以为 T5 是纯解码器模型，看了结构才知道是 encoder-decoder。", "FC375"),
    ("回复太发散了，所以我们把 temperature 从 0.9 调低到 0.2。", "FC404"),
    ("输出过于随机时，把温度调低。", "FC404"),
    ("按 softmax(z/T) 采样，T 越高分布越平坦，T 趋近 0 时才接近贪心。", "FC404"),
])
def test_reported_beliefs_and_corrections_are_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


# A quiz verdict after a statement: a statement marked false (`（×）`, `（错）`, `—— 错误`) is reported to be rejected; one
# marked true (`（√）`) is stated.
@pytest.mark.parametrize("answer,flagged", [
    ("判断题：L2 正则能把不重要特征的权重压成 0，得到稀疏解。（√）", True),
    ("判断题：L2 正则能把不重要特征的权重压成 0，得到稀疏解。（×）解析：那是 L1 的性质。", False),
    ("L2 正则能得到稀疏解（错），能得到稀疏解的是 L1。", False),
    ("L2 正则能得到稀疏解 —— 错误，稀疏的是 L1。", False),
])
def test_a_quiz_verdict_marks_the_statement(answer, flagged):
    assert ("FC134" in found(item(answer))) == flagged, answer
