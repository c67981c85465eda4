"""Readings added in the forty-third session (2026-12-06), in wording of my own.

From the forty-first phrasing set's flagged traps and misses (read this session; the forty-second stays unread):

- what a reader's letter or an online poster's message believes or worries about (`读者来信担心 X 是个问题`) is the
  poster's view, reported; what it says it saw (`读者来信说他的模型加了噪声后输出几乎不变`) stays a premise; a reader's
  letter that asks (`读者来信问…`) is a question, whose topic the reply goes on with;
- a negative value said to be a sign of a bug (`这一定是实现出了错`) is no claim that cross-entropy can be negative
  (FC119); a one-character verb glued to 不 (`不靠密钥`) is a negation;
- a clause with no subject of its own that says what its subject is made from (`…，就是把 IoU 阈值固定在 0.5 算的，所以
  它…`) does not hand the pronoun after it to the term it acts on;
- a term a when-clause acts on (`部署分类模型时，`) is no subject when the main clause names its own time (`推理阶段`);
- a clause that opens with the value of the term before (`数值越小…`), a place inside it (`里面放的是…`) or a measure of it
  compared (`覆盖范围更宽`) goes on with it; so does a view a person takes of a term (`我们把 AUC 当成…`); a term, its
  owned part and the part's gloss in brackets (`LLaMA 的前馈网络（FFN）`) are one subject;
- the time of a comparison with a speaker after it (`比较 A 和 B 时我发现，…`) is no exam prompt; an indirect question
  whose class is matched (`确定每个簇对应哪一类`) asks nothing;
- what a term is likened to (`Adagrad 像一个学生：它…`) is no subject; a figure set up (`如果把 X 比作 Y，…`, `如果说…，那就
  是 Adam`) supposes nothing, and the term it names as the answer goes on;
- a second thing set against the first (`ResNet 则正好相反，…`) is a contrast, not a statement refuted;
- what a step is done to (`对注意力矩阵进行近似计算`) is not what does it; its purpose (`其目的是…`, `这样做的目的是…`) is
  the added thing's; `均…` after two terms is said of both; what a teacher puts out (`教师生成的软标签`) is the teacher's;
- a term that is the verb of 将/把 (`将模型从 FP32 量化为 INT8，实质上是…`) is the act the next clause goes on with; a
  term set alike after it (`这与剪枝在原理上殊途同归`) is compared with;
- a replacement another thing undergoes (`矩阵乘法被换成了 INT8 计算`) denies nothing of the subject;
- what a property described, named after a comma (`…，这就是 GAN 里的模式崩溃`), is that term (after the place that owns
  it);
- a term used as a clause's topic (`用 FP16 存的话，…`) or advised (`你可以用 X，把…`) goes on with what follows; `要把…`
  opens a purpose the next clause's term serves; the consequent of a concession (`即便是二分类问题，LDA 也能…`) is stated,
  and its subject is the sentence's topic; a term after a comma and a word of result (`，所以微批次…`) is in what follows;
- direction rules read a change before a modified effect (`降低生成结果的随机性`, `收窄候选范围`), the threshold of
  nucleus sampling as its knob; FC404 no longer flags `温度调低会降低输出的多样性`, a correct statement.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (each positive case fails on the session's starting code unless marked as a guard; each negative one is a guard
# unless marked as flagged on the starting code)
CASES = [
    ('我第一次看到 log loss 出现负值时就知道一定是代码写错了：分类交叉熵每一项都不小于 0。', 'FC119', False),  # (flagged on the starting code)
    ('差分隐私不是加密：它不靠密钥保护数据，而是往查询结果里加入噪声。', 'FC154', False),  # (flagged on the starting code)
    ('网友留言担心模型对高斯噪声不敏感是个缺陷。其实对噪声不敏感正说明模型鲁棒，是优点。', 'FC158', False),  # (flagged on the starting code)
    ('读者来信说他的模型加了噪声后输出几乎不变。亲爱的读者，这是个需要改进的缺陷，你得让它对噪声更敏感。', 'FC158', True),  # (guard: flagged on the starting code too)
    ('温度调低会降低输出的多样性。', 'FC404', False),  # (flagged on the starting code)
    ('温度调低，输出的多样性降低。', 'FC404', False),  # (flagged on the starting code)
    ('温度调低，输出会更多样。', 'FC404', True),  # (guard: flagged on the starting code too)
    ('我们组汇报用的 COCO AP，其实是将 IoU 门槛取成 0.5 得到的，因此它跟 AP50 就是一回事。', 'FC461', True),
    ('COCO 主指标 AP 是把 IoU 从 0.5 到 0.95 每隔 0.05 算一次再平均，所以它和 AP50 不是同一个数。', 'FC461', False),  # (guard)
    ('部署文本分类模型时，我们在推理阶段也让 Dropout 保持开启、随机丢弃神经元。', 'FC136', True),
    ('训练分类模型时，推理阶段要关掉 Dropout。', 'FC136', False),  # (guard)
    ('我们把 AUC 当成一种误差来看，取值越低越好。', 'FC109', True),
    ('我们把 AUC 当成一种排序指标来看，取值越高越好。', 'FC109', False),  # (guard)
    ('LLaMA 的前馈层（FFN）结构并不复杂，里面放的还是 ReLU。', 'FC348', True),
    ('LLaMA 的前馈层（FFN）结构并不复杂，里面放的是 SwiGLU，不是 ReLU。', 'FC348', False),  # (guard)
    ('对比 MAE 和 MSE 的时候我们注意到，MAE 对离群点更敏感。', 'FC307', True),
    ('比较 MAE 和 MSE 时有何不同，MAE 对离群点更敏感吗？', 'FC307', False),  # (guard)
    ('k-means 属于有监督学习，要靠标签决定样本归到哪一类。', 'FC438', True),
    ('Adagrad 像一个越学越自信的学生：步数越多，它的有效学习率越大。', 'FC330', True),
    ('Adagrad 像一个越学越谨慎的学生：步数越多，它的有效学习率越小。', 'FC330', False),  # (guard)
    ('如果把做 AI 比作做饭，ResNet、MobileNet 这些框架是厨具，得先装好才能训练模型。', 'FC171', True),
    ('如果把深度学习比作盖房子，PyTorch 这样的框架就是工地，ResNet 是照着图纸盖出来的房子。', 'FC171', False),  # (guard)
    ('如果说优化器里有一个万能钥匙，那就是 Adam：不管是分类还是翻译，它都一定比 SGD 好。', 'FC147', True),
    ('如果说优化器里有一个常用默认，那就是 Adam，不过它并不总是比 SGD 好。', 'FC147', False),  # (guard)
    ('DenseNet 把前面各层的输出拼起来；ResNet 则正好相反，它靠 concat 把通道越堆越多。', 'FC352', True),
    ('FlashAttention 通过对注意力矩阵做近似，省下了大量计算。', 'FC369', True),
    ('FlashAttention 对注意力矩阵做的是精确计算，并不近似。', 'FC369', False),  # (guard)
    ('正弦位置编码训练时会随梯度不断更新。', 'FC372', True),
    ('原始 Transformer 的正弦位置编码是固定公式算出来的，不会随梯度不断更新。', 'FC372', False),  # (guard)
    ('PPO 阶段加上 KL 惩罚，这样做的目的是鼓励策略远离参考模型。', 'FC396', True),
    ('PPO 阶段加上 KL 惩罚，这样做的目的是让策略别离参考模型太远。', 'FC396', False),  # (guard)
    ('top-k 和核采样都属于截断采样，均按累积概率达到阈值来确定候选集。', 'FC405', True),
    ('top-k 和 top-p 是两种截断采样，均从截断后的候选里重新归一化再抽样。', 'FC405', False),  # (guard)
    ('蒸馏时学生模型不看原始图片，而是以教师产生的软标签作为输入。', 'FC151', True),
    ('学生模型以教师输出的软标签作为监督信号，输入仍是原始样本。', 'FC151', False),  # (guard)
    ('将模型从 FP32 量化为 INT8，实质上是删减了部分参数，这与剪枝在原理上殊途同归。', 'FC414', True),  # (guard: flagged on the starting code too)
    ('把权重从 FP32 量化成 INT8，参数个数不变，这跟剪枝在目的上倒是殊途同归。', 'FC414', False),  # (guard)
    ('混合精度训练之所以快，是因为矩阵乘法被换成了 INT8 整数运算。', 'FC144', True),
    ('混合精度训练之所以快，是因为矩阵乘法被换成了 FP16 计算，而不是 INT8 整数计算。', 'FC144', False),  # (guard)
    ('E5M2 留给梯度，E4M3 能装下更大的数，覆盖范围更宽。', 'FC423', True),
    ('E4M3 尾数多一位，表示范围更窄，精度更高。', 'FC423', False),  # (guard)
    ('判别器的损失一路降到了 0，这就是所谓的模式崩溃。', 'FC454', True),
    ('生成器翻来覆去只画同一种脸，这就是 GAN 里的模式崩溃。', 'FC454', False),  # (guard)
    ('用 FP16 加载的话，7B 模型的权重大约占 7GB。', 'FC424', True),
    ('用 FP16 存的话，7B 模型的权重大约要 14GB。', 'FC424', False),  # (guard)
    ('我们可以用数据并行，把前几层放在第一张卡、后几层放在第二张卡。', 'FC425', True),
    ('我们可以用数据并行，把同一份模型复制到每张卡上，各自处理不同的数据。', 'FC425', False),  # (guard)
    ('在 GPipe 式流水线里，把微批次从 8 个加到 32 个，气泡占比会跟着上升，所以微批次越多越亏。', 'FC428', True),
    ('流水线并行里把微批次从 4 个加到 16 个，气泡占比会跟着下降，所以微批次多切一些更划算。', 'FC428', False),  # (guard)
    ('要把模型参数也切到各卡，用 ZeRO-1 就行。', 'FC429', True),
    ('要把模型参数本身也分片，得用 ZeRO-3。', 'FC429', False),  # (guard)
    ('读者来信问 word2vec 负采样的负样本该怎么选。亲爱的读者，直接按词频本身来抽就行。', 'FC434', True),
    ('哪怕只有两个类别，LDA 照样能投影出 5 个判别方向，维度跟类别数没有关系。', 'FC443', True),
    ('如果数据只有两类，LDA 最多降到 1 维，维度受类别数限制。', 'FC443', False),  # (guard)
    ('把采样温度从 0.3 调到 1.2，会降低生成结果的随机性。', 'FC476', True),
    ('把采样温度从 0.3 调到 1.2，会增加生成结果的随机性。', 'FC476', False),  # (guard)
    ('把核采样的阈值从 0.8 调到 0.95，会收窄候选集合。', 'FC475', True),
    ('把核采样的阈值调高，会扩大候选范围。', 'FC475', False),  # (guard)
    ('PCA 依据类别标签挑选主成分。', 'FC442', True),
    ('PCA 按照方差挑选主成分，不依据标签。', 'FC442', False),  # (guard)
    ('IoU 的分母就是两个框面积的直接相加。', 'FC455', True),
    ('IoU 的分母是两个框面积相加再减去交集。', 'FC455', False),  # (guard)
    ('NMS 会把与最高分框重叠度不足阈值的框清除掉。', 'FC456', True),
    ('NMS 只清理和最高分框重叠度超过阈值的框，重叠度不到阈值的框会保留。', 'FC456', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
