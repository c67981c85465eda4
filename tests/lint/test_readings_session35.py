"""Readings added in the thirty-fifth session (2026-12-05), in wording of my own.

From the thirty-third phrasing set's misses and flagged traps (read this session; the thirty-fourth stays unread),
written in the voices of a debate speech, an ML library's release notes, a paid course's sales page and a team's
onboarding wiki:

- a question of how a thing could be at all (`交叉熵怎么会是负的？`) is rhetorical: no answer is read into it;
- what a report or a user is said to claim (`有用户反馈称…`), a step a fix says was taken wrongly (`错误地使…`, `误默认启用了…`) and
  what a thing is moved or changed from (`由“二阶方法”改为…`, not a number: `从 0.9 改成 0.99`) are not asserted;
- a quoted statement named as a kind of bug (`排查“…”这类线上 bug`), a correction notice (`把 X 写成了 Y，特此更正`) and what many
  would answer (`很多人会答“…”`) are not asserted, nor are mistakes listed under their label (`易错：…`, `常见错误：…`; a
  flashcard's `易错点：…` states the point);
- one of two things told apart without saying which (`但一种需要标签，另一种不需要`) is neither's (an enumeration, `一个是…，另一个是…`,
  still names its parts);
- a belief reported and then corrected (`起初以为 X，上完课才明白 Y`, `有人说 X，其实 Y`): Y is what the writer says; a negated
  condition at the head of a clause (`不加位置编码时它…`) does not deny what the clause says;
- a misreading not allowed (`不容曲解`) reports nothing; the audience addressed (`各位评委，`, `主席、评委，`) opens no topic;
- a question of why answered by a purpose (`PPO 为什么要加 KL 项？为了…`) states that purpose; a rhetorical last clause
  (`…，何必早停？`) leaves what comes before it stated; a condition asked by its tone alone and answered by advice
  (`碰到过拟合？那就延长训练。`) reads as one sentence; a question asked by its tone alone and answered yes (`…？对！`, `…？当然。`)
  states what it asks;
- a question that asks for a thing with 什么 is no yes/no question (its 么 is no final particle), and a quiz show's roles
  and a column's (`主持人：…？选手：…`, `读者来信：…？专栏作者：…`) label a question and its answer on one line, and a count answered
  there (`Q：LSTM 有几个门？A：两个。`) is read into its place; a speaker's turn that judges the sentence before it wrong
  (`嘉宾：可惜，回答错误，…`, `评委：答错了。`, `主持人：扣 5 分！`) or sets it right (`选手：X。嘉宾：其实 Y。`) leaves it unasserted;
- a count with a measure word before a Latin quantity (`24 个 layers`); what was loaded, run or quantised (`加载
  BERT-base，`, `跑了一遍 LoRA，`, `量化到 INT8，`) goes on to the next clause, unless a person's run is denied (`我们不一次性跑完
  PPO，…`);
- labelled data said to serve fine-tuning (`人工标注主要用在…`) is no claim that pre-training needs it; a release note's entry
  (`新增 X 选项：…`) says what X is, as a label does;
- phrasings of FC102, FC109 (`越小越是好`), FC113, FC114, FC117, FC120, FC132 (`capacity 过小`), FC133, FC136, FC138, FC139,
  FC140, FC141, FC143, FC148, FC153, FC181, FC302, FC306, FC307, FC308, FC316, FC323, FC331, FC337 (`全零起步`), FC338
  (its name as a setting, `gradient_checkpointing`), FC347, FC348, FC370, FC379, FC404 (`温度高了更确定`), FC407, FC408,
  FC410, FC418, FC426, FC431, FC442, FC451, FC459, FC461, FC464 (`起点`), FC465 (the author's institution), FC467 (the
  author field).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    # (text, code, whether the code is found)
    ('log loss 怎么会是负的？看公式：−log q 在 q≤1 时非负。', 'FC119', False),
    ('交叉熵怎么可能是负的？每项 −log q ≥ 0。', 'FC119', False),
    # (caught on the session's starting code too: a plain statement the trap cases above keep from being asserted)
    ('log loss 可能小于 0。', 'FC119', True),
    ('社区里有用户反馈称，把优化器换成 Adagrad 后推理变快了。推理速度和优化器无关。', 'FC143', False),
    ('旧版本错误地使 warmup 阶段的学习率逐步降低，本版已修正。', 'FC145', False),
    ('上一版的 TransformerEncoder 误默认启用了 causal mask。', 'FC362', False),
    ('教材勘误：Adam 由“二阶方法”改为“一阶方法”。', 'FC332', False),
    ('教材勘误：Adam 由“一阶方法”改为“二阶方法”。', 'FC332', True),
    ('决策树与 k-means 都能把样本分组，但一种需要标签，另一种不需要。', 'FC438', False),
    # (caught on the session's starting code too: an enumeration `一个是…，另一个是…` still names its parts)
    ('BERT 有两项预训练任务，一个是完形填空式的 MLM，另一个是按上文预测下一个词。', 'FC176', True),
    ('起初以为 k-means 不需要标签，上完课才明白它要依赖人工标注的类别。', 'FC438', True),
    ('起初以为 k-means 需要标签，上完课才明白它只看样本之间的距离。', 'FC438', False),
    ('有人说 k-means 要用标签，其实它只需要特征和簇数。', 'FC438', False),
    ('很多人觉得自注意力能分辨词序，其实不加位置编码时它对输入顺序是置换等变的。', 'FC365', False),
    ('ROC 图的纵轴画的是 FPR，横轴画的是 TPR，这一点不容曲解。', 'FC112', True),
    ('各位评委，随机分类器的 ROC 曲线紧贴横轴，AUC 为零。', 'FC110', True),
    ('各位评委，随机分类器的 ROC 曲线是对角线，AUC 为 0.5。', 'FC110', False),
    ('PPO 为什么要加 KL 项？为了让策略放开手脚、尽量远离参考模型。', 'FC396', True),
    ('PPO 为什么要加 KL 项？为了防止策略偏离参考模型太远。', 'FC396', False),
    ('BERT-base 一共 24 个 layers。', 'FC385', True),
    ('BERT-base 一共 12 个 layers。', 'FC385', False),
    ('先加载 BERT-base，数出来是 24 层。', 'FC385', True),
    ('跑了一遍 LoRA，W0 也跟着一起更新了。', 'FC389', True),
    ('跑了一遍 LoRA，W0 始终保持冻结。', 'FC389', False),
    # (not flagged on the session's starting code either: a person's run, denied, hands on nothing)
    ('我们不一次性跑完 PPO，而是跑几百步后暂停，再用新数据微调奖励模型。', 'FC399', False),
    ('把模型从 FP32 量化到 INT8，体积就减半了。', 'FC415', True),
    ('把模型从 FP32 量化到 INT8，体积缩小到四分之一。', 'FC415', False),
    ('预训练是自监督的，人工标注主要用在指令微调上。', 'FC155', False),
    # (caught on the session's starting code too: the plain statement the fixed trap above keeps flagged)
    ('大模型预训练靠人工标注。', 'FC155', True),
    ('延长训练就能避免过拟合，何必早停？', 'FC133', True),
    ('训练越久越不会过拟合吗？', 'FC133', False),
    ('碰到过拟合？那就延长训练。', 'FC133', True),
    ('碰到过拟合？那就早停。', 'FC133', False),
    ('查全率衡量的是实际为正的样本被模型识别出来的比例。', 'FC102', False),
    ('查准率衡量的是实际为正的样本被模型识别出来的比例。', 'FC102', True),
    ('AUC 越靠近 0，说明分类器犯错越少。', 'FC109', True),
    ('AUC 越靠近 1，说明分类器犯错越少。', 'FC109', False),
    ('阈值往上调，召回率跟着走高。', 'FC113', True),
    ('阈值往上调，精确率跟着走高。', 'FC113', False),
    ('测试集里 98% 都是负样本，accuracy 依然最可靠。', 'FC114', True),
    ('测试集里 98% 都是负样本，accuracy 并不可靠。', 'FC114', False),
    ('参数很少的小模型最容易在小数据集上过拟合。', 'FC132', True),
    ('参数很少的小模型最不容易过拟合。', 'FC132', False),
    ('训练轮数越多，模型越不容易过拟合。', 'FC133', True),
    ('训练轮数越多，模型越容易过拟合。', 'FC133', False),
    ('正则化做得越强，网络的复杂度越高。', 'FC139', True),
    ('正则化做得越强，网络的有效复杂度越低。', 'FC139', False),
    ('数据增强做得越多，过拟合就越严重。', 'FC140', True),
    ('数据增强做得越多，过拟合通常越轻。', 'FC140', False),
    ('把 L2 正则系数从 0.001 调到 5，训练误差和验证误差的差距会越来越大。', 'FC316', True),
    ('BP 专门打压比参考译文更长的输出。', 'FC302', True),
    ('BP 专门惩罚比参考译文更短的输出。', 'FC302', False),
    ('候选译文越冗长，BP 越小。', 'FC302', True),
    ('Huber 损失：|a| ≤ δ 时取 δ|a|，|a| > δ 时取 ½a²。', 'FC306', True),
    ('MAE 比 MSE 更经不起离群点。', 'FC307', True),
    ('MSE 比 MAE 更经不起离群点。', 'FC307', False),
    ('focal loss 里 p_t 高的那些样本权重反而更大。', 'FC308', True),
    ('focal loss 里 p_t 高的那些样本权重更小。', 'FC308', False),
    ('多标签分类里 softmax 就能直接给出每个类别各自独立的概率。', 'FC120', True),
    ('平均池化层的权重会注册到优化器的参数组里。', 'FC181', True),
    ('梯度消失时可以换成 tanh，它有助于把梯度稳住。', 'FC148', True),
    ('梯度消失时可以换成 ReLU，它有助于把梯度稳住。', 'FC148', False),
    ('LLaMA 的 FFN 用的是与初代 Transformer 一样的 ReLU 激活。', 'FC348', True),
    ('LLaMA 的 FFN 用的是 SwiGLU，不是与初代 Transformer 一样的 ReLU。', 'FC348', False),
    ('Leaky ReLU 在输入为负时直接回传 0 梯度。', 'FC347', True),
    ('Leaky ReLU 在输入为负时回传 α 倍的梯度，不是 0。', 'FC347', False),
    ('多头注意力里每个头分到的是同一份 QKV。', 'FC370', True),
    ('BPE 每次先合并出现次数少的字符对。', 'FC379', True),
    ('BPE 每次先合并出现次数多的字符对。', 'FC379', False),
    ('加长度惩罚是为了压住束搜索越来越长的输出。', 'FC407', True),
    ('软标签和硬标签其实是一回事。', 'FC410', True),
    ('软标签和硬标签不是一回事。', 'FC410', False),
    ('投机解码会让生成质量打些折扣。', 'FC408', True),
    ('投机解码的输出分布与大模型一致，质量不打折扣。', 'FC408', False),
    ('BN 在推理阶段，某个样本的结果也取决于同一个 batch 里的其他样本。', 'FC138', True),
    ('Dropout 在推理时照样按训练时的比例丢弃。', 'FC136', True),
    ('Dropout 在推理时关闭，不再按训练时的丢弃率随机丢弃。', 'FC136', False),
    ('把 momentum 调高到 0.99，来削弱历史梯度的影响。', 'FC331', True),
    ('GroupNorm 的 groups=1 时每个通道各自归一化，与 InstanceNorm 一致。', 'FC323', True),
    ('用 AdamW 训练出来的模型前向推理更快。', 'FC143', True),
    ('联邦学习要把分散在各个医院的数据收集到一起。', 'FC153', True),
    ('幅值剪枝的做法是优先把绝对值大的那些权重剪掉。', 'FC418', True),
    ('张量并行就是把 24 层模型划分成 4 个 stage。', 'FC426', True),
    ('ZeRO 跟张量切分是一回事。', 'FC431', True),
    ('ZeRO 跟张量切分不是一回事。', 'FC431', False),
    ('跑 PCA 之前要把标签一并喂进去。', 'FC442', True),
    ('跑 PCA 之前不需要把标签喂进去。', 'FC442', False),
    ('Stable Diffusion 的去噪网络输入直接就是原始像素图像。', 'FC451', True),
    ('RPN 的分类分支输出维度是锚框数 × C。', 'FC459', True),
    ('RPN 的分类分支输出维度是锚框数 × 2。', 'FC459', False),
    ('联邦学习不会把各个医院的数据收集到一起。', 'FC153', False),
    ('幅值剪枝的做法是优先把绝对值小的那些权重剪掉。', 'FC418', False),
    ('梯度裁剪可以一并解决 vanishing gradient 和 exploding gradient。', 'FC141', True),
    ('gradient_checkpointing 以更多显存为代价减少计算量。', 'FC338', True),
    ('gradient_checkpointing 以更多计算为代价减少显存。', 'FC338', False),
    ('新增 zero init 选项：全零起步最稳，训练中梯度会让神经元自然分化。', 'FC337', True),
    ('新增 zero init 选项：全零起步会让神经元始终对称，没法分化。', 'FC337', False),
    ('模型 capacity 过小反而最容易过拟合。', 'FC132', True),
    ('评委老师，回归任务我们首推交叉熵。', 'FC117', True),
    ('评委老师，回归任务我们首推 MSE，不推荐交叉熵。', 'FC117', False),
    ('交叉熵的主战场其实就是回归。', 'FC117', True),
    ('注意力机制的起点就是 Transformer 那篇论文。', 'FC464', True),
    ('注意力机制的源头是 Bahdanau 等人 2014 年的工作，比 Transformer 早。', 'FC464', False),
    ('写引用时 Adam 的作者栏署名 Hinton。', 'FC467', True),
    ('写引用时 Adam 的作者栏署名 Kingma 和 Ba。', 'FC467', False),
    ('引用 BERT 时所属机构填 Facebook。', 'FC465', True),
    ('引用 BERT 时所属机构填 Google。', 'FC465', False),
    ('COCO 表格里 AP 那一列其实就是 IoU 取 0.5 的结果。', 'FC461', True),
    ('COCO 表格里 AP50 那一列就是 IoU 取 0.5 的结果。', 'FC461', False),
    ('甲：BERT 的预训练目标是什么？乙：根据上文预测下一个词。', 'FC176', True),
    ('甲：BERT 的预训练目标是什么？乙：掩码语言模型。', 'FC176', False),
    ('主持人：GPT 的预训练目标是什么？选手：掩码语言模型。', 'FC175', True),
    ('主持人：GPT 的预训练目标是什么？选手：预测下一个词。', 'FC175', False),
    ('主持人：PCA 属于哪类方法？选手：有监督学习。嘉宾：可惜，回答错误，PCA 不用标签。', 'FC442', False),
    # (caught on the session's starting code too: an answer affirmed stays read, beside the trap above)
    ('主持人：PCA 属于哪类方法？选手：有监督学习。嘉宾：没错！', 'FC442', True),
    ('GPT 是双向模型。评委：答错了。', 'FC174', False),
    # (caught on the session's starting code too: a verdict of right leaves the statement asserted)
    ('GPT 是双向模型。评委：答对了。', 'FC174', True),
    ('岗位职责：排查“推理时仍开着 Dropout”这类线上 bug。', 'FC136', False),
    ('编者按：上期把 GPT 写成了双向模型，特此更正。', 'FC174', False),
    ('主持人：这道题很多人会答“k-means 是有监督的”，其实它是无监督的。', 'FC438', False),
    ('主持人：这道题很多人会答“k-means 是无监督的”，其实它是有监督的。', 'FC438', True),
    ('选手：我觉得 Adam 是二阶方法。嘉宾：其实 Adam 只用一阶梯度。', 'FC332', False),
    ('选手：Adam 是二阶方法。嘉宾：恰恰相反，它是一阶方法。', 'FC332', False),
    # (caught on the session's starting code too: the turn that sets right is read itself)
    ('选手：Adam 是一阶方法。嘉宾：其实 Adam 是二阶方法。', 'FC332', True),
    # (caught on the session's starting code too: a turn agreeing sets nothing right)
    ('选手：Adam 是二阶方法。嘉宾：没错。', 'FC332', True),
    ('温度高了更确定，温度低了更随机。', 'FC404', True),
    ('温度高了更随机，温度低了更确定。', 'FC404', False),
    ('AUC 越小越是好，零点五是满分。', 'FC109', True),
    ('AUC 越大越是好，一点零是满分。', 'FC109', False),
    ('Dropout 推理时照样丢。', 'FC136', True),
    ('Dropout 推理时不再丢，只在训练时丢。', 'FC136', False),
    ('主持人：LSTM 有几个门？选手：两个。主持人：答对了！', 'FC356', True),
    ('主持人：LSTM 有几个门？选手：三个。', 'FC356', False),
    ('Q：GRU 有几个门？A：三个。', 'FC355', True),
    ('Q：GRU 有几个门？A：两个。', 'FC355', False),
    ('易错：Dropout 推理时也随机丢弃神经元。', 'FC136', False),
    # (caught on the session's starting code too: a flashcard's point to get right states it)
    ('易错点：Dropout 推理时也随机丢弃神经元。', 'FC136', True),
    ('常见错误：BN 推理时还用当前 batch 的均值和方差。', 'FC138', False),
    ('读者来信：BN 推理时是不是用当前 batch 的统计量？专栏作者：是的，这样才准。', 'FC138', True),
    ('读者来信：BN 推理时是不是用当前 batch 的统计量？专栏作者：不是，用训练时累积的滑动平均。', 'FC138', False),
    ('主持人：PCA 属于哪类方法？选手：有监督学习。主持人：扣 5 分！正确答案是无监督。', 'FC442', False),
    ('GPT 是双向模型。老师：扣 2 分。', 'FC174', False),
    ('L2 正则也能产生稀疏解？对！', 'FC134', True),
    ('L2 正则也能产生稀疏解？错！只有 L1 能。', 'FC134', False),
    ('AUC 越低越好？当然。', 'FC109', True),
    ('AUC 越低越好？当然不是。', 'FC109', False),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
