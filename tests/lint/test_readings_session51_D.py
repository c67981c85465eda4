"""Readings and rule phrasings added in the fifty-first session (group D), from the misses of the forty-ninth phrasing
set, each shown on sentences of the helper's own wording.

- a title that announces an aspect of the term before its colon (`这本书里 NMS 的流程：…`, `作者对 ZeRO 的定位：…`): what
  follows the colon is said of the term (FC456, FC431);
- a source that explains the term (`老师讲 U-Net 的时候，…`, `书上这一节介绍 GBDT，说…`): the term is the topic of what it
  says, and the owner of a part named after (FC446, FC462);
- a clause that only tells which part of a source is read (`课上讲生成模型那一段，`) opens no topic, and the writer's
  understanding named as a noun (`我的理解是…`) is an opinion lead (FC451);
- what a source sets out to explain (`书上解释 XGBoost 为什么快，说…`) asks the reader nothing (FC445);
- a belief someone is said to hold in a place (`有人在群里说…`) is reported (FC424, a trap);
- a headless description as subject (`尾数位多的那个精度高`) is not the carried term (FC422, a trap);
- FC445: the learners handed to different cores or machines and trained there on their own;
- FC446: every tree said to learn one and the same target;
- FC452: the scale turned up by a direction (`往大调`) after the wish for variety;
- FC461: COCO's figure said to use a single threshold without its value;
- FC464: the authors and the year between the name and `首创`.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('教材里 NMS 的具体步骤：先按得分排序，再把与最高分框 IoU 低于阈值的框全部删掉。', 'FC456', True),  # (missed by the starting code)
    ('这一章里 NMS 的做法：保留最高分框，随后把和它 IoU 低于阈值的框都删掉。', 'FC456', True),  # (missed by the starting code)
    ('教材里 NMS 的具体步骤：先按得分排序，再把与最高分框 IoU 高于阈值的框删掉。', 'FC456', False),  # (guard)
    ('这本书里 NMS 的流程：是删掉 IoU 低于阈值的框，还是删掉 IoU 高于阈值的框？', 'FC456', False),  # (guard)
    ('书里对 ZeRO 的定位：它把每层的矩阵乘法切到多张卡上，本质上是一种 tensor parallelism。', 'FC431', True),  # (missed by the starting code)
    ('论文对 ZeRO 的定位：像 Megatron 一样切分矩阵计算，本质上是一种张量并行。', 'FC431', True),  # (missed by the starting code)
    ('书里对 ZeRO 的定位：本质上是数据并行，并不是 tensor parallelism。', 'FC431', False),  # (guard)
    ('论文对 ZeRO 的定位：它不是张量并行，而是数据并行的显存优化。', 'FC431', False),  # (guard)
    ('老师讲解 GBDT 的时候说，每棵新树拟合的都是真实标签。', 'FC446', True),  # (missed by the starting code)
    ('书上这一节介绍 GBDT，说后面的树拟合的是样本的原始标签。', 'FC446', True),  # (missed by the starting code)
    ('老师讲解 GBDT 的时候说，每棵新树拟合的是负梯度，不是真实标签。', 'FC446', False),  # (guard)
    ('书上这一节介绍 GBDT，说后面的树拟合的是残差 y − F(x)。', 'FC446', False),  # (guard)
    ('GBDT 里每棵树学的都是同一个目标。', 'FC446', True),  # (missed by the starting code)
    ('在 GBDT 中，所有树学的都是相同的标签。', 'FC446', True),  # (missed by the starting code)
    ('GBDT 里每棵树学的都是同一个损失函数的负梯度。', 'FC446', False),  # (guard)
    ('GBDT 里每棵树学的并不是同一个目标，而是上一轮的残差。', 'FC446', False),  # (guard)
    ('课上讲 U-Net 时，跳跃连接是把编码器和解码器的特征逐元素相加。', 'FC462', True),  # (missed by the starting code)
    ('老师介绍 U-Net 的时候，跳跃连接就是把两路特征图逐元素相加。', 'FC462', True),  # (missed by the starting code)
    ('课上讲 U-Net 时，跳跃连接是把编码器特征按通道拼接到解码器特征上，不是逐元素相加。', 'FC462', False),  # (guard)
    ('老师讲 ResNet 的时候，跳跃连接是把输入和输出逐元素相加。', 'FC462', False),  # (guard)
    ('课上讲生成模型那一段，我的理解是 Stable Diffusion 里的 VAE 只做后处理，加噪和去噪都在原始像素上进行。', 'FC451', True),  # (missed by the starting code)
    ('我的理解是 Stable Diffusion 里的 VAE 只负责最后放大，扩散还是在原始像素上进行。', 'FC451', True),  # (missed by the starting code)
    ('课上讲生成模型那一段，我的理解是 Stable Diffusion 在潜空间去噪，并不在原始像素上进行。', 'FC451', False),  # (guard)
    ('我的理解是 Stable Diffusion 的扩散和去噪都在 VAE 的潜空间里进行。', 'FC451', False),  # (guard)
    ('教材里解释 XGBoost 为什么训练快，说 Boosting 的各棵树可以分给多个线程同时训练。', 'FC445', True),  # (missed by the starting code)
    ('Boosting 能把弱学习器分发到多台机器上并行训练。', 'FC445', True),  # (missed by the starting code)
    ('教材里解释 XGBoost 为什么训练快，说并行发生在单棵树内部的特征分裂搜索上，各棵树仍要串行训练。', 'FC445', False),  # (guard)
    ('Boosting 并不能把各棵树分配到不同的核上独立训练。', 'FC445', False),  # (guard)
    ('有人在论坛上说 7B 模型用 FP16 只要 7GB 显存，我算了一下其实要约 14GB。', 'FC424', False),  # (flagged by the starting code)
    ('有人在评论区说 FP16 加载 7B 模型只要 7GB，这个数其实是 INT8 的。', 'FC424', False),  # (flagged by the starting code)
    ('FP16 存 7B 模型的权重只要 7GB 显存。', 'FC424', True),  # (guard)
    ('FP16 加载一个 70 亿参数的模型，光权重就是 7G。', 'FC424', True),  # (guard)
    ('E5M2 是 5 位指数位、2 位尾数位；两种格式里尾数位多的那个精度更高。', 'FC422', False),  # (flagged by the starting code)
    ('E5M2 范围大，记法是指数位多的那个范围大，尾数位多的那个精度高。', 'FC422', False),  # (flagged by the starting code)
    ('E5M2 精度更高，所以常给前向激活用。', 'FC422', True),  # (guard)
    ('E5M2 的尾数位更多，精度更高。', 'FC422', True),  # (guard)
    ('为了让出图更丰富，把 CFG 往大调。', 'FC452', True),  # (missed by the starting code)
    ('想要样本更多样一些，就把 guidance scale 往高调。', 'FC452', True),  # (missed by the starting code)
    ('guidance scale 往大调，图片更贴合提示词，多样性反而下降。', 'FC452', False),  # (guard)
    ('想让出图更多样，应该把 CFG 往小调。', 'FC452', False),  # (guard)
    ('COCO 的主指标 mAP 只用一个 IoU 阈值。', 'FC461', True),  # (missed by the starting code)
    ('COCO 报告的 mAP 用的是单一阈值。', 'FC461', True),  # (missed by the starting code)
    ('COCO 的 AP50 用的是单一阈值，主指标则对 10 个阈值取平均。', 'FC461', False),  # (guard)
    ('COCO 的主指标 mAP 并不是只用一个 IoU 阈值。', 'FC461', False),  # (guard)
    ('Vaswani 和同事们在 2017 年首创了注意力机制。', 'FC464', True),  # (missed by the starting code)
    ('注意力机制由 Vaswani 团队于 2017 年发明。', 'FC464', True),  # (missed by the starting code)
    ('Vaswani 等人在 2017 年首创了完全基于注意力的 Transformer。', 'FC464', False),  # (guard)
    ('注意力机制并非 Vaswani 等人在 2017 年首创。', 'FC464', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
