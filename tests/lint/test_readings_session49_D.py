"""Readings and rule phrasings added in the forty-ninth session (group D), from the forty-seventh phrasing set's misses
in compression, precision, classical ML and detection, each shown on sentences of the helper's own wording.

Readings:

- a question that asks what a thing becomes (`把 FP32 模型量化成 INT8 会怎样？`, the verb read into a term `模型量化`) is
  about the format it becomes: its answer goes on with that term;
- `…打开/启用 X，它的作用是…` gives the use of the term just turned on, and its 它 is that term;
- a warning against a reading (`别把 X 当成 Y`) reports the reading, it does not state it;
- a storyteller's address (`列位看官，`, `看官，`) opens no topic;
- 无 of 无标注/无标签/未标注 is no negation (a compound, as 无监督);
- `P 的情况/现象就叫 X` and `P 就说明发生了 X` (no comma) are P said of X;
- weight-memory arithmetic: a figure below the weights alone is read up to the end of its clause, what later clauses add
  (KV cache, a card's capacity) cannot make it right.

Phrasings widened (no new rule): FC410 (soft labels the same thing as hard ones, the one-hot vector spelt out), FC411
(skipping the zeros met, `快上十倍`, `省多少`), FC414 (the parameters said to be all that is left), FC144 (INT8 in the
passes, work sent to INT8 units), FC153 (local data synced to the centre), FC436 (the rarer, the likelier dropped; the
frequent kept), FC440 (the neighbours taken fewer), FC441 (`聚成若干簇`), FC158 (`太迟钝`; `并不是好现象` no longer
reads as a denial), FC460 (per-class accuracy spelt out), FC445 (learners handed to workers at once, independent tasks).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), the helper's own wrong phrasings (True) and traps (False); each is marked by
# what the session's starting code did: a guard was right then and is now, a trap flagged by it, a wrong phrasing it
# missed or caught too
CASES = [
    ('把单精度模型量化成 INT8 之后体积如何？存储会缩小到原来的一半。', 'FC415', True),  # (missed by the starting code)
    ('FP32 权重转成 INT8 会怎样？占用缩成原来的一半左右。', 'FC415', True),  # (missed by the starting code)
    ('把 FP32 模型量化成 INT8 会怎样？存储会缩小到原来的四分之一。', 'FC415', False),  # (guard)
    ('把 FP32 模型量化成 FP16 会怎样？存储会缩小到原来的一半。', 'FC415', False),  # (guard)
    ('各位看官，软标签和硬标签本来就是同一种东西。', 'FC410', True),  # (missed by the starting code)
    ('知识蒸馏的软标签就是目标类别为 1、其他类别都为 0 的向量。', 'FC410', True),  # (missed by the starting code)
    ('软标签不是目标类别为 1、其他为 0 的向量，而是教师输出的概率分布。', 'FC410', False),  # (guard)
    ('软标签和硬标签是同一种东西吗？', 'FC410', False),  # (guard)
    ('非结构化剪枝砍掉八成权重后，直接在普通显卡上跑，推理能快上五倍。', 'FC411', True),  # (missed by the starting code)
    ('非结构化剪枝之后，稠密 GEMM 遇到 0 就会自动跳过，稀疏率多高就节省多少时间。', 'FC411', True),  # (missed by the starting code)
    ('非结构化剪枝在普通 GPU 上推理快不了多少；结构化剪枝推理能快上两倍。', 'FC411', False),  # (guard)
    ('稠密矩阵乘法遇到 0 并不会跳过，所以非结构化剪枝需要稀疏算子才能加速。', 'FC411', False),  # (guard)
    ('一个 13B 模型做完 INT8 量化，参数就只剩 30 亿个了。', 'FC414', True),  # (missed by the starting code)
    ('模型做完 INT8 量化，参数还是 70 亿个，只是每个只剩 8 位。', 'FC414', False),  # (guard)
    ('量化之后参数并不会只剩 30 亿个，个数不变。', 'FC414', False),  # (guard)
    ('混合精度训练会把卷积交给 INT8 张量核心执行。', 'FC144', True),  # (missed by the starting code)
    ('想省显存就用混合精度：把激活量化成 INT8 参与反向。', 'FC144', True),  # (missed by the starting code)
    ('混合精度训练不会把矩阵乘法放到 INT8 Tensor Core 上，而是用 FP16 Tensor Core。', 'FC144', False),  # (guard)
    ('INT8 量化推理时，矩阵乘法放到 INT8 Tensor Core 上执行。', 'FC144', False),  # (guard)
    ('FP16 训练记得打开 GradScaler，它的作用是防止梯度数值冲过 65504 而上溢。', 'FC421', True),  # (missed by the starting code)
    ('半精度训练一般会开启动态损失缩放，它的作用是避免梯度过大而溢出成 inf。', 'FC421', True),  # (caught by the starting code too)
    ('半精度训练要启用损失缩放，它的作用是避免小梯度下溢成 0。', 'FC421', False),  # (guard)
    ('半精度训练要启用损失缩放，它的作用并不是防止上溢，而是防止下溢。', 'FC421', False),  # (guard)
    ('13B 模型用 BF16 部署，权重约 13GB，剩下的显存留给激活和 KV cache。', 'FC469', True),  # (missed by the starting code)
    ('13B 模型用 BF16 部署，权重约 26GB，剩下的显存留给激活和 KV cache。', 'FC469', False),  # (guard)
    ('13B 模型用 BF16 部署，权重约 13GB，每张卡只放一半。', 'FC469', False),  # (guard)
    ('7B 模型以 FP16 加载，权重大约占 7GB 显存，这个说法不对。', 'FC469', False),  # (guard)
    ('联邦学习中客户端会定期把本地训练数据同步到协调节点。', 'FC153', True),  # (missed by the starting code)
    ('联邦学习的客户端每轮把本地原始数据拷贝到参数服务器。', 'FC153', True),  # (missed by the starting code)
    ('联邦学习里各终端不会把本地训练数据同步到服务器，只同步模型更新。', 'FC153', False),  # (guard)
    ('联邦学习里各终端把本地模型更新同步到服务器。', 'FC153', False),  # (guard)
    ('下采样时，一个词越冷门，被丢弃的概率越高。', 'FC436', True),  # (missed by the starting code)
    ('word2vec 的下采样会先扔掉长尾词，高频词大多都会保留。', 'FC436', True),  # (missed by the starting code)
    ('下采样时一个词越常见，被丢弃的概率越大，长尾词基本都会保留。', 'FC436', False),  # (guard)
    ('下采样并不会扔掉长尾词，高频词才会被随机丢弃。', 'FC436', False),  # (guard)
    ('模型对输入噪声过于迟钝，这是个需要解决的缺陷。', 'FC158', True),  # (missed by the starting code)
    ('加了扰动输出纹丝不动并不是好现象，说明模型对噪声太迟钝，需要改进。', 'FC158', True),  # (missed by the starting code)
    ('模型对输入噪声很迟钝，这并不是问题，反而说明它鲁棒。', 'FC158', False),  # (guard)
    ('汇报时千万不要把检测的 mAP 看成各类准确率的均值。', 'FC460', False),  # (flagged by the starting code)
    ('验收时别把 mAP 当成各类分类准确率的平均，它是各类 AP 的平均。', 'FC460', False),  # (flagged by the starting code)
    ('检测里的 mAP 就是把每类分对的目标数除以该类目标总数，然后求平均。', 'FC460', True),  # (missed by the starting code)
    ('检测里的 mAP 不是把每类分对的目标数除以该类目标总数再平均，而是对各类 AP 取平均。', 'FC460', False),  # (guard)
    ('汇报时把检测的 mAP 看成各类准确率的均值即可。', 'FC460', True),  # (caught by the starting code too)
    ('GBDT 的每棵树之间互不依赖。', 'FC445', True),  # (caught by the starting code too)
    ('想加速 GBDT 训练，可以把 300 棵树分发给 30 个 worker 同时训练。', 'FC445', True),  # (missed by the starting code)
    ('为了提速，可以把 XGBoost 的 200 棵树分给 8 台机器同时训练。', 'FC445', True),  # (caught by the starting code too)
    ('GBDT 的每棵树之间并非互不依赖，后一棵依赖前一棵的残差。', 'FC445', False),  # (guard)
    ('Bagging 的基学习器之间互不依赖，可以分给 8 个 worker 同时训练，Boosting 则不行。', 'FC445', False),  # (guard)
    ('AdaBoost 的弱分类器不能分给 100 个 worker 同时训练。', 'FC445', False),  # (guard)
    ('训练里判别器损失跌到 0 的现象就叫模式崩溃。', 'FC454', True),  # (missed by the starting code)
    ('判别器损失降到 0 便意味着出现了 mode collapse。', 'FC454', True),  # (missed by the starting code)
    ('生成器只产出几种相似样本的情况就叫模式崩溃。', 'FC454', False),  # (guard)
    ('判别器损失降到 0 并不说明发生了模式崩溃。', 'FC454', False),  # (guard)
    ('判别器损失降到 0 的情况不叫模式崩溃，叫判别器过强。', 'FC454', False),  # (guard)
    ('KNN 里邻居选得越少，模型越简单。', 'FC440', True),  # (missed by the starting code)
    ('用 KNN 时近邻取得越少，过拟合风险也跟着下降。', 'FC440', True),  # (missed by the starting code)
    ('KNN 里邻居选得越少，模型越复杂，越容易过拟合。', 'FC440', False),  # (guard)
    ('KNN 里邻居选得越多，模型越简单。', 'FC440', False),  # (guard)
    ('做用户分群时我们用 KNN 把样本聚成几个群。', 'FC441', True),  # (missed by the starting code)
    ('KNN 会把无标签样本聚成几个簇。', 'FC441', True),  # (missed by the starting code: 无 of 无标签 read as a negation)
    ('KNN 不会把无标签样本聚成几个簇，它需要标注。', 'FC441', False),  # (guard)
    ('k-means 会把无标签样本聚成几个簇，KNN 则用于分类。', 'FC441', False),  # (guard)
    ('k-means 使用无标注数据进行聚类。', 'FC438', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
