"""Readings and rule phrasings added in the fifty-fourth session (group E), from the misses of the fifty-second phrasing
set, each shown on sentences of the helper's own wording.

- a belief many people blurt out (`很多人脱口而出“…”`, `不少人张口就说…`) is reported to be refuted, as `很多人会答…` is
  (FC419 and any claim rule);
- the writer's scorn for a belief in a clause of its own (`很多人以为 X，太天真了，Y`, `…，大错特错，Y`) corrects it as
  `，其实` does: Y is stated (FC144, FC419);
- a question, the answer people blurt out and is set aside, then the writer's own answer named as the right one (`X 是多少？
  很多人张口就说 A，太天真了！正确答案是 B`): B answers the question (FC420, FC355);
- a hook that says most people do not know, before an answer (`99%的人都不知道：…`), is passed over as `这个简单，` is
  (FC461);
- FC153: the parties' raw data merged into one data set at the server; the samples uploaded averaged;
- FC158: a model said to be meant to be highly sensitive to noise (`应该对扰动高度敏感`), an output unmoved by any
  perturbation (`怎么扰动都不变`) with a call to fix it (`得赶紧改`);
- FC418: the largest weights said to be where pruning starts (`拿绝对值最大的权重开刀`);
- FC422, FC423: E4M3's range said to surpass E5M2's, E5M2's strength said to be precision (`胜在精度`);
- FC469: the memory the weights need written `GPU memory`/`GPU 显存` (a card's capacity stays out), and a later clause
  that changes to a lower precision (`再换成 INT8 还能砍到 3.5GB`) is a further step, not the precision the figure is for;
- FC432, FC433: a worked sample in quoted words of any script, one word in and two out or the other way round.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    # a belief blurted out, refuted
    ('为什么选 BF16？不少人张口就说“它精度比 FP16 高”，其实正好相反。', 'FC419', False),  # (guard)
    ('很多人脱口而出：BF16 精度比 FP16 高。其实不是，BF16 的尾数只有 7 位。', 'FC419', False),  # (flagged by the starting code)
    ('我们选 BF16，是因为它的精度比 FP16 更高。', 'FC419', True),  # (guard)
    # scorn for the belief in a clause of its own, then the writer's claim
    ('不少同学以为混合精度训练混的是 FP16 和 FP32，太天真了，它其实是 FP16 加 INT8 一起算。', 'FC144', True),  # (missed by the starting code)
    ('有人觉得 BF16 的数值范围和 FP32 一样大，大错特错，BF16 的范围比 FP16 还小。', 'FC419', True),  # (missed by the starting code)
    ('有人觉得 BF16 的数值范围比 FP16 小，大错特错，BF16 的范围和 FP32 一样大。', 'FC419', False),  # (guard)
    ('不少同学以为混合精度训练就是 FP16 加 INT8 一起算，太天真了，它混的是 FP16 和 FP32。', 'FC144', False),  # (guard)
    # a question, the answer people blurt out set aside, then the right one named
    ('GRU 里一共有几个门？很多人回答两个，太天真了！正确答案是三个。', 'FC355', True),  # (missed by the starting code)
    ('半精度浮点最大能表示多少？不少人张口就说 65504，错！正确答案：约 3.4e38。', 'FC420', True),  # (missed by the starting code)
    ('GRU 里一共有几个门？很多人回答三个，太天真了！正确答案是两个。', 'FC355', False),  # (guard)
    ('半精度浮点最大能表示多少？很多人张口就说 3.4e38，大错特错！正确答案是 65504。', 'FC420', False),  # (flagged by the starting code)
    ('半精度浮点最大能表示多少？很多人张口就说 3.4e38，这是 FP32 的上限。', 'FC420', False),  # (flagged by the starting code)
    # a hook before the answer
    ('COCO 的 mAP 是怎么算的？绝大多数人都不知道：只在 IoU 取 0.5 时算一次 AP。', 'FC461', True),  # (missed by the starting code)
    ('COCO 的 mAP 怎么算？很多同学答不上来：只取 IoU=0.5 一个阈值。', 'FC461', True),  # (guard)
    ('COCO 的 mAP 是怎么算的？99%的人都不知道：在 IoU 从 0.5 到 0.95 的十个阈值上分别算 AP 再平均。', 'FC461', False),  # (guard)
    ('COCO 的 mAP 只在 IoU=0.5 一个阈值下算吗？很多人不知道：不是，要在十个阈值上平均。', 'FC461', False),  # (guard)
    # FC153
    ('FedAvg 里，服务器先把所有客户端的原始样本拼接成一个大训练集。', 'FC153', True),  # (missed by the starting code)
    ('FedAvg 的聚合就是对各客户端上传的样本求加权平均。', 'FC153', True),  # (missed by the starting code)
    ('联邦学习不会把各方的原始数据合并成一个大数据集，服务器只聚合参数。', 'FC153', False),  # (guard)
    ('FedAvg 对客户端上传的参数求加权平均。', 'FC153', False),  # (guard)
    ('传统集中式训练会把各方的原始数据拼成一个大数据集，联邦学习则只交换参数。', 'FC153', False),  # (guard)
    ('联邦学习需要把各方的原始数据拼成一个数据集吗？', 'FC153', False),  # (guard)
    # FC158
    ('好的分类器应当对输入噪声非常敏感，目前这一点还需要改进。', 'FC158', True),  # (missed by the starting code)
    ('这个模型不管怎么加扰动输出都不变，得尽快修。', 'FC158', True),  # (missed by the starting code)
    ('模型不应该对微小扰动敏感，否则就是鲁棒性不足。', 'FC158', False),  # (guard)
    ('一个鲁棒的模型无论怎么加扰动输出都不变，这是优点。', 'FC158', False),  # (guard)
    ('异常检测模型应该对噪声敏感，这是难点也是挑战。', 'FC158', False),  # (guard)
    ('模型应该对扰动敏感吗？不应该，对扰动不敏感才是鲁棒。', 'FC158', False),  # (guard)
    # FC418
    ('幅值剪枝会先对幅值较大的那批连接下手。', 'FC418', True),  # (missed by the starting code)
    ('做 magnitude pruning 时，先拿绝对值最大的参数开刀。', 'FC418', True),  # (missed by the starting code)
    ('剪枝时拿绝对值最小的权重开刀。', 'FC418', False),  # (guard)
    ('幅值剪枝并不是拿绝对值最大的权重开刀，而是先剪最小的。', 'FC418', False),  # (guard)
    ('幅值剪枝是拿绝对值最大的权重开刀吗？', 'FC418', False),  # (guard)
    # FC422, FC423
    ('FP8 里 E4M3 的动态范围明显超过 E5M2。', 'FC423', True),  # (missed by the starting code)
    ('E5M2 胜在精度，E4M3 胜在范围。', 'FC422', True),  # (missed by the starting code)
    ('E5M2 的范围远超 E4M3，E4M3 则胜在精度。', 'FC423', False),  # (guard)
    ('E5M2 的范围远超 E4M3，E4M3 则胜在精度。', 'FC422', False),  # (guard)
    ('E4M3 的范围并不超过 E5M2。', 'FC423', False),  # (guard)
    ('E4M3 能表示的数更大吗？', 'FC423', False),  # (guard)
    # FC469
    ('13B 的模型以 BF16 加载，GPU 显存大约需要 13GB。', 'FC469', True),  # (missed by the starting code)
    ('13B 模型用 BF16 存权重约 13GB，进一步量化到 4-bit 只要 3GB 多。', 'FC469', True),  # (missed by the starting code)
    ('13B 的模型以 BF16 加载，GPU 显存大约需要 26GB。', 'FC469', False),  # (guard)
    ('13B 模型用 BF16 存权重约 26GB，进一步量化到 4-bit 只要 6.5GB。', 'FC469', False),  # (guard)
    ('7B 模型 FP16 推理，一张 24GB 的 GPU 就够。', 'FC469', False),  # (guard)
    ('7B 模型用 FP16，GPU memory 要 7GB 吗？', 'FC469', False),  # (guard)
    # FC432, FC433
    ('CBOW 模型里，输入是“天气”，标签是“今天”、“好”。', 'FC432', True),  # (missed by the starting code)
    ('Skip-gram：输入是“猫”和“鱼”，输出是“吃”。', 'FC433', True),  # (missed by the starting code)
    ('CBOW：输入是“猫”和“鱼”，输出是“吃”。', 'FC432', False),  # (guard)
    ('Skip-gram：输入是“吃”，输出是“猫”和“鱼”。', 'FC433', False),  # (guard)
    ('CBOW 的输入是“天气”，输出是“今天”和“好”吗？', 'FC432', False),  # (guard)
    # FC445
    ('XGBoost 里每一棵树各训各的，最后把结果相加。', 'FC445', True),  # (missed by the starting code)
    ('GBDT 的各个基模型各拟合各的，可以同时开训。', 'FC445', True),  # (guard)
    ('Boosting 的弱学习器各学各的，互不影响。', 'FC445', True),  # (missed by the starting code)
    ('随机森林的每棵树各训各的，而 GBDT 的每棵树不能各训各的。', 'FC445', False),  # (guard)
    ('XGBoost 的每棵树并不是各训各的。', 'FC445', False),  # (guard)
    # FC446
    ('梯度提升树里后面每棵树的拟合目标跟第一棵相同，都是样本的真实标签。', 'FC446', True),  # (missed by the starting code)
    ('GBDT 第 m 棵树的学习目标与第 1 棵一致，也是原始标签。', 'FC446', True),  # (missed by the starting code)
    ('GBDT 中后续树的拟合目标和第一棵树不一样，不是真实标签而是负梯度。', 'FC446', False),  # (guard)
    ('GBDT 各棵树的拟合目标形式一样，都是当前模型的负梯度。', 'FC446', False),  # (guard)
    # FC454, and a term named after the steps as the one legend speaks of (`这就是传说中的 X`)
    ('判别器 loss 一下子降到 0，这就是传说中的模式崩溃。', 'FC454', True),  # (missed by the starting code)
    ('GAN 的 D 损失突然归零，这就是传说中的 mode collapse。', 'FC454', True),  # (missed by the starting code)
    ('每轮生成器只画同一张脸，这就是传说中的模式崩溃。', 'FC454', False),  # (guard)
    ('判别器 loss 很快降到 0，这就是传说中的模式崩溃吗？', 'FC454', False),  # (guard)
    ('判别器损失掉到零并不是传说中的模式崩溃。', 'FC454', False),  # (guard)
    # FC460
    ('目标检测的 mAP：先统计每一类的正确率，再取平均。', 'FC460', True),  # (guard)
    ('检测评测时，先把各类别的 accuracy 统计好，然后取个均值就是 mAP。', 'FC460', True),  # (guard)
    ('每一类的 accuracy 逐个算好，最后求一下平均就是 mAP。', 'FC460', True),  # (missed by the starting code)
    ('把每个类别的 accuracy 分别算出来，求个平均就是 mAP。', 'FC460', True),  # (missed by the starting code)
    ('检测里的 mAP 要先算每一类的 AP，再取平均。', 'FC460', False),  # (guard)
    ('把每个类别的 accuracy 分别算出来，再求平均，得到的是平均准确率，不是 mAP。', 'FC460', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
