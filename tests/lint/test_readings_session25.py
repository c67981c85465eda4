"""Readings added in the twenty-fifth session (2026-12-04), in wording of my own.

From the twenty-third phrasing set (read this session; the twenty-fourth stays unread), whose traps were written in
the voice of a letter to a client: a view or a worry named as the topic of a clause (`关于“…”的说法，`, `对于客户认为…的
看法，`, `关于您担心…的问题，`) is reported, not stated, and the clauses after it are read on their own, so a slip in the
answer after it is still found; what the addressee, a client or a colleague is said to think (`贵司同事认为…`,
`你在作业里说…`) is reported when a later clause of the sentence corrects it (`这需要纠正`, `这一点需要澄清`) or
answers a worry (`不必担心`, `请放心`); a step taken by mistake (`误加了因果掩码`, `误把…放进…`) is a bug found, not a
claim of how the model is built; a question word in what is said not to matter (`数据是哪个策略采的并不重要`) asks
nothing; a clause that only opens a summary (`简单来说，`, `换句话说，`) sets no topic, so the term after it does; a frame
clause (`对于分类任务，`) opens after a colon too (`下面为你解释：对于分类任务，…`); what a term is replaced by
(`把 ReLU 换成了 tanh，`) is what the next clause goes on with.

From the eighty-first untuned trial (deep-learning notes and paper notes): the query heads that share the K/V are not
what is shared (FC368); the KV cache is kept in FP16, so INT8 halves it (FC415); a step replaced by another
(`减均值改为缩放`) is not taken (FC322); a term in a likeness aside (`类似于 BERT 的掩码`) is no subject for the next
sentence (FC171); a list compared with, parted by a comma (`与BN，IN不同，`), is what the subject is compared with
(FC324); a table row's label names the dimension compared (`| 质量损失 | 无损 |`, FC408); a citation's year
(`GPT-3 (Brown 2020)`) is no parameter count (FC383).

From the eighty-second untuned trial (lecture notes of an NLP course): the examples in a bracket (`（如 T5 和 BART）`)
are not what follows it (FC375); what is made up for (`为弥补 Top-K 采样…的不足`) is no subject for the next sentence
(FC405); a title that names two topics (`贪心解码与最优序列`) states nothing (FC402); the points of a rating scale
(`极好、好、一般`) are whole items (FM005).

From the eighty-third untuned trial (LLM learning notes and lecture handouts): a chat template written out or
explained is content (FM001); a Chinese translation of an official tutorial is no claim of the official repository
(FC204); a method named beside warmup (`预热和余弦/线性衰减的`) and the step after a stage named as a time (`在预热期间，
…，之后…`) are not warmup's (FC145); the original model compared with (`相比原始 Transformer 和 GPT-1`) is an object
(FC325); `双向优化` is no bidirectional model (FC174); a factor (`100 余倍`) and a link's target are no counts (FC383);
an intrinsic dimension is no hidden size (FC386); the real other thing after a dash (`——真正的二阶方法`, FC332); a
clause that opens by using another named thing (`再用 TP 横着切`) takes no subject from before (FC427); a rate kept
conservative (FC146); the term whose limit another solves (`解决了 Top-k 的局限性`, FC405).

From the eighty-fourth untuned trial (LLM learning notes): a model proposed to be trained (`并建议训练双向模型`) is not
the term (FC174); where a change starts (`从 15 亿参数推到 1750 亿参数`) is not the term's value, nor is a bare year in a
table (FC383); a term named again inside the property (`一般使用交叉熵`) says nothing of it (FC117); a clause that opens
with a purpose (`为了捕捉位置信息，`) is a goal (FC364); a span replaced by one mask token is GLM's scheme (FC374); what to
pay attention to (`你可以关注我们是怎么…`) is no plea to follow (FM007); the optimizer's parameters are its states
(FC429).

From the eighty-fifth untuned trial (LLM learning notes): a sample of training data written out (`输入：…。<|endoftext|>`)
is content: the line opens with it, or the token's sentence or the one before it names a template (FM001); two versions to build, coordinated (`Sinusoidal PE +
Learnable PE 两版`), are peers (FC372); the sum of both directions of KL is symmetric, not KL (FC118)."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    # a view or a worry named as a clause's topic is reported
    ("关于你们组长担心 BatchNorm 在推理时仍按当前 batch 统计的问题，不必担心：推理时用的是训练中累积的滑动均值和方差。", "FC138", False),
    ("对于客户认为 L2 正则能得到稀疏解的看法，我们的回复是：稀疏解来自 L1。", "FC134", False),
    ("L2 正则能得到稀疏解。", "FC134", True),
    # ... and the answer after it is read on its own: a slip there is found
    ("对于组里想用 ImageNet 预训练模型做医学影像分割的想法，我直说了：迁移学习要求源任务和目标任务完全相同。", "FC157", True),
    ("关于客户提到的显存问题，可以放心：LSTM 能彻底解决梯度爆炸。", "FC150", True),
    # a topic that names no view reports nothing
    ("关于客户的部署方案，我们认为：BERT 是单向自回归模型。", "FC173", True),
    # what the addressee, a client or a colleague thinks, corrected later in the sentence
    ("客户那边认为 Adam 是二阶优化器，这一点需要更正。", "FC332", False),
    ("你在作业里说 BERT 是单向自回归模型，这需要纠正。", "FC173", False),
    # ... and not corrected: agreed with, it is stated
    ("客户认为 Adam 是二阶优化器，我们完全同意。", "FC332", True),
    # a step taken by mistake is a bug found
    ("排查后发现编码器自注意力里误加了因果掩码，去掉后 BLEU 回升。", "FC362", False),
    ("编码器自注意力里加了因果掩码。", "FC362", True),
    # an embedded question word in what is said not to matter asks nothing (`哪个策略采的并不重要`)
    ("因为 PPO 属于离策略方法，数据是哪个策略采的并不重要。", "FC398", True),
    ("PPO 对数据由哪个策略产生有要求吗", "FC398", False),
    # a clause that only opens a summary (`简单来说，`, `换句话说，`) sets no topic: the term after it does
    ("简单来说，召回率衡量的是模型的查全能力，公式可以写成 TP/(TP+FP)。", "FC101", True),
    ("换句话说，召回率关心的是漏没漏，算法是 TP/(TP+FP)。", "FC101", True),
    ("简单来说，召回率衡量的是模型的查全能力，公式可以写成 TP/(TP+FN)。", "FC101", False),
    # a frame clause opens after a colon too (`下面为你解释：对于分类任务，…`)
    ("好的，下面为你解释：对于分类任务，最合适的损失其实是均方误差（MSE），直接拿 sigmoid 输出去拟合标签就行。", "FC116", True),
    ("好的，下面为你解释：对于分类任务，最合适的损失其实是交叉熵，直接拿 softmax 输出去拟合标签就行。", "FC116", False),
    # what a term is replaced by (`把 ReLU 换成了 tanh`) is what the next clause goes on with
    ("为了稳住训练，我们把 ReLU 换成了 tanh，能明显缓解梯度消失。", "FC148", True),
    ("为了稳住训练，我们把 tanh 换成了 ReLU，能明显缓解梯度消失。", "FC148", False),
]


# from the eighty-first untuned trial (deep-learning notes and paper notes)
TRIAL_81 = [
    # the query heads are who shares: what they share comes later in the clause (FC368)
    ("MQA 中，所有 query head 共享同一组、只含 1 个 head 的 Key/Value。", "FC368", False),
    ("MQA 里所有头共享同一个 Query 投影。", "FC368", True),
    # the KV cache is kept in FP16: INT8 halves it (FC415)
    ("把 KV 缓存量化到 INT8 后，显存占用减半。", "FC415", False),
    ("FP32 模型量化成 INT8 后显存减半。", "FC415", True),
    # a step replaced by another is not taken (FC322); a value set is no replacement
    ("RMSNorm：减均值改为缩放。", "FC322", False),
    ("RMSNorm 也会减均值。", "FC322", True),
    # a term in a likeness aside (`类似于 BERT 的掩码`) is no subject for the next sentence (FC171)
    ("模型引入吸收状态（类似于 BERT 的掩码）来建模加噪过程。下面的推导基于整个反向过程框架。", "FC171", False),
    ("BERT 是一个框架。", "FC171", True),
    # a list of what is compared, parted by a comma (`与BN，IN不同，`), is what the subject is compared with (FC324)
    ("与BN，IN不同，AdaIN没有可学习的仿射参数。", "FC324", False),
    ("与LN，GN不同，BN没有可学习的仿射参数。", "FC324", True),
    # a table's row label names the dimension compared (FC408); a citation's year is no parameter count (FC383)
    ("| 维度 | 投机解码 | Medusa |\n|---|---|---|\n| 加速比 | 2-3x | 2-4x |\n| 质量损失 | 无损 | 近似无损 |", "FC408", False),
    ("投机解码会带来轻微的质量损失。", "FC408", True),
    ("| 模型 | 架构 | 数据规模 |\n|---|---|---|\n| GPT-3 (Brown 2020) | Decoder-only | ~300B tokens |", "FC383", False),
    ("GPT-3 的参数量是 2020 亿。", "FC383", True),
]


# from the eighty-second untuned trial (lecture notes of an NLP course)
TRIAL_82 = [
    # the examples in a bracket (`（如 T5 和 BART）`) are not what follows the bracket (FC375)
    ("Transformer 有编码器-解码器模型（如 T5 和 BART）以及仅解码器模型（如 GPT）。", "FC375", False),
    ("T5 是仅解码器模型。", "FC375", True),
    # what is made up for (`为弥补 Top-K 采样…的不足`) is no subject for the next sentence (FC405)
    ("为弥补 Top-K 采样候选数固定的不足，核采样改用动态阈值。做法是按概率从高到低累加词元，直到累积概率超过 p 为止。", "FC405", False),
    ("Top-K 采样按概率从高到低累加词元，直到累积概率超过 p 为止。", "FC405", True),
    # a title that names two topics (`贪心解码（Greedy Search）与最优序列`) states nothing of either (FC402)
    ("贪心解码（Greedy Search）与最优序列", "FC402", False),
    ("贪婪解码能找到最优序列。", "FC402", True),
    # the points of a rating scale (`极好、好、一般`) are whole items (FM005)
    ("把 1 至 5 星转成描述性标签（如“极好、好、一般、差、极差”）。", "FM005", False),
    ("问卷选项有非常满意、满意、一般、不满意。", "FM005", False),
    ("使用差分隐私技术，如 Laplace机制、机制，确保隐私。", "FM005", True),
]


# from the eighty-fourth untuned trial (LLM learning notes and paper-reading notes)
TRIAL_84 = [
    # a model proposed to be trained (`并建议训练双向模型`) is not the term (FC174)
    ("论文指出 GPT 的单向性可能是这些限制的原因，并建议训练双向模型。", "FC174", False),
    ("GPT 是双向模型。", "FC174", True),
    # where a change starts (`从 1.1 亿参数扩到…`) is not the term's value; a bare year in a table is no count (FC383)
    ("GPT-3 论文想把这条曲线从 15 亿参数推到 1750 亿参数，看规律是否仍然成立。", "FC383", False),
    ("GPT-3 有 15 亿参数。", "FC383", True),
    ("| 论文 | 年份 | 为什么必读 |\n|---|---|---|\n| GPT-3 | 2020 | 规模定律、In-context Learning |", "FC383", False),
    # a term named again inside the property (`一般使用交叉熵`) says nothing of that term (FC117)
    ("交叉熵的定义见上文。在分类问题里最小化 KL 就是最小化交叉熵，因此一般使用交叉熵作为损失函数。", "FC117", False),
    ("回归问题一般使用交叉熵作为损失函数。", "FC117", True),
    # a clause that opens with a purpose (`为了捕捉位置信息，`) is a goal, not a fact of the term before (FC364)
    ("自注意力本身不看顺序，为了捕捉位置信息，通常会在输入上加位置编码。", "FC364", False),
    ("自注意力能捕捉位置信息。", "FC364", True),
    # a span replaced by one mask token is GLM's or T5's scheme (FC374)
    ("GLM 里每个片段都被替换为一个 [MASK] 标记。", "FC374", False),
    ("MLM 中被选中的词都被替换为 [MASK]。", "FC374", True),
    # what to pay attention to (`你可以关注我们是怎么…`) is no plea to follow (FM007)
    ("你可以关注我们是怎么一步步写出这个提示的。", "FM007", False),
    ("喜欢的话欢迎关注我们！", "FM007", True),
    # the optimizer's parameters are its states (FC429)
    ("ZeRO-1：优化器参数被划分到各张卡上，每张卡只更新自己那部分。", "FC429", False),
    ("ZeRO-1 会把模型参数划分到多张卡上。", "FC429", True),
]


# from the eighty-third untuned trial (LLM learning notes and lecture handouts)
TRIAL_83 = [
    # a chat template written out or explained is content, not a leak (FM001)
    ("2. chat-PROMPT: <|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n<|im_start|>user\\n你好<|im_end|>", "FM001", False),
    ("- <|user|>：表示用户说出的话语。", "FM001", False),
    ("以上就是全部内容。<|im_end|>", "FM001", True),
    # a Chinese translation of an official tutorial is no claim of the official repository (FC204)
    ("PyTorch官方实现中文：https://github.com/apachecn/apachecn-dl-zh/blob/master/docs/pt-tut-17/32.md", "FC204", False),
    ("PyTorch官方实现：https://github.com/apachecn/apachecn-dl-zh", "FC204", True),
    # a method named beside warmup (`预热（warmup）和余弦/线性衰减的`), the step after a stage named as a time (FC145)
    ("使用 AdamW 优化器和线性预热（warmup）和余弦/线性衰减的学习率调度器。", "FC145", False),
    ("**学习率调度**（线性预热 + 线性衰减）：", "FC145", False),
    ("主要过程是：在预热期间，学习率从 0 线性增加到初始 lr，之后使其学习率从初始 lr 线性降低到 0。", "FC145", False),
    ("预热就是让学习率线性衰减。", "FC145", True),
    # the original model compared with (`相比原始 Transformer 和 GPT-1`) is an object (FC325)
    ("GPT-2 相比原始 Transformer 和 GPT-1 的一个重要改进是使用了 **Pre-Norm** 而非 Post-Norm：", "FC325", False),
    ("原始 Transformer 使用 Pre-Norm。", "FC325", True),
    # two things working on each other (`双向优化`) are no bidirectional model (FC174)
    ("NLLB 与 ChatGPT 双向优化：探索翻译模型与语言模型的融合策略", "FC174", False),
    # a factor (`提升了 100 余倍`) and a link's target (`](#33-gpt-3-…)`) are no parameter counts (FC383)
    ("**GPT-3**：与 GPT-2 相比，GPT-3 直接将参数规模提升了 100 余倍。", "FC383", False),
    ("   - 3.3 [GPT-3 各规模配置与参数估算](#33-gpt-3-各规模配置与参数估算)", "FC383", False),
    ("GPT-3 有 100 亿参数。", "FC383", True),
    # an intrinsic dimension is no hidden size (FC386)
    ("| 模型 | 参数量 | 内在维度 | 比例 |\n|---|---|---|---|\n| BERT-Base | 110M | ~200 | 1.8e-6 |", "FC386", False),
    ("BERT-base 的隐藏维度是 1024。", "FC386", True),
    # the real other thing after a dash (`——真正的二阶方法`) (FC332)
    ("Adam 仍是**一阶方法**——真正的二阶方法（Newton 法）需要存储和求逆 Hessian 矩阵。", "FC332", False),
    ("Adam 是一种二阶方法。", "FC332", True),
    # a clause that opens by using another named thing (`再用 **TP (Tensor)** 横着切`) (FC427)
    ("先用 **PP (Pipeline)** 竖着切：把 100 层切成 4 段；再用 **TP (Tensor)** 横着切：把每一层的超大矩阵切成 2 块。", "FC427", False),
    ("流水线并行把每一层的矩阵切到多张卡上。", "FC427", True),
    # a rate kept conservative for stability (FC146)
    ("| 手段 | 机制 |\n|---|---|\n| **Actor/Critic 分开学习率** | Critic 需要更高学习率以跟上 Actor；Actor 学习率保守以保持稳定 |", "FC146", False),
    ("学习率越大训练越稳定。", "FC146", True),
    # the term whose limit another solves (`Top-p 解决了 Top-k 的局限性：…`) (FC405)
    ("**Top-p** 解决了 Top-k 的局限性：**动态选择累积概率达到 p 的最小 Token 集合**。", "FC405", False),
    ("Top-k 是动态选择累积概率达到 p 的最小 Token 集合。", "FC405", True),
]


# from the eighty-fifth untuned trial (LLM learning notes and a twelve-week study plan)
TRIAL_85 = [
    # a sample of training data written out (`输入：…。<|endoftext|>`): the template words are read in the whole line (FM001)
    ("输入：英国航空是英国的国家航空公司。<|endoftext|>", "FM001", False),
    ("输出：英航是欧洲第二大的航空公司。其余两间为法国航空和新加坡航空。<|endoftext|>", "FM001", False),
    ("感谢您的阅读！<|vq_14174|>", "FM001", True),
    # ... but a template named sentences before does not excuse a stray token at the line's end (the gate's lost find)
    ("请遵循文章结构模板来写。内容要准确、简洁。祝您撰写顺利！<|user|>", "FM001", True),
    # two versions to build, coordinated (`Sinusoidal PE + Learnable PE 两版`) (FC372)
    ("② 实现 Sinusoidal PE + Learnable PE 两版；", "FC372", False),
    ("原始 Transformer 的正弦位置编码是可学习的。", "FC372", True),
    # the sum of both directions is symmetric, not KL (FC118)
    ("单向 KL 是非对称的。双向之和 (Jensen–Shannon 风格) 变成对称度量。", "FC118", False),
    ("KL 散度是对称的。", "FC118", True),
]


@pytest.mark.parametrize("text,code,expected", CASES + TRIAL_81 + TRIAL_82 + TRIAL_83 + TRIAL_84 + TRIAL_85)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
