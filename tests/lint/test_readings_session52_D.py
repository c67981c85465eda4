"""Readings and rule phrasings added in the fifty-second session (group D), from the misses of the fiftieth phrasing
set, each shown on sentences of the helper's own wording.

- a bare word of denial that answers the question before it (`X 会拖慢推理吗？不会的，它…`): it opens no topic, the
  clause after it does, as a word of assent would (FC391);
- FC391: the adapter said merged back with a short verb (`并回原来的权重`, `合进了主干网络`);
- a question whose term only qualifies the next (`RLHF 里的 KL 惩罚有什么用？它…`): the 它 of its answer is the term
  qualified, not its owner (FC396);
- a term likened to a list of others (`A 跟 B、C 一样…`): each of the list is compared with, A is the subject (FC398);
- FC402: the whole sentence's probability said `也就是最大的`; FC403: beam width one said used as sampling (`就是当采样用`);
- a hearer addressed (`这位同学问得好，你担心的…`): no classmate's belief is told, the speaker's answer states (FC420);
- a state told in a when-clause, then named (`判别器损失降为 0 的时候，这就是所谓的 X`): said of X (FC454);
- FC407: the length stressed (`偏向生成特别长的句子`) and the normalisation left out by 没做; FC421: the loss scaled said
  as `对损失做缩放`, a name of the technique; FC414: the parameters said to fall from one count to another (`参数从 7B 降到
  2B`); FC411: the latency said cut to a share with 了 (`降到了十分之一`); FC152: the teacher's or the student's size given by
  a number first (`teacher 是 6 层的小模型`); FC410: the soft labels read from the label files;
- a talk's topic marker or a stage (`LoRA 这块您看，…`, `PPO 那一步，…`): read together with the clause after it, as a
  frame `…里，` is (FC389, FC399);
- a term that owns the weights a clause disposes of (`把线性层的矩阵按列拆开`) is no subject, and a way described then
  named (`…的做法，就叫 X`) is X's (FC427).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    ('Adapter 会拖慢推理吗？不会的，它和 LoRA 一样，训练完可以直接合并进原权重。', 'FC391', True),  # (missed by the starting code)
    ('Adapter 会多出延迟吗？没有的，它跟 LoRA 一样，训完就能合并进原始权重。', 'FC391', True),  # (missed by the starting code)
    ('适配器训练后能并回原来的权重里，所以部署没有额外层。', 'FC391', True),  # (missed by the starting code)
    ('上线前我们把 Adapter 合进了主干网络。', 'FC391', True),  # (missed by the starting code)
    ('Adapter 会拖慢推理吗？会的，它和 LoRA 不一样，没法合并进原权重。', 'FC391', False),  # (guard)
    ('Adapter 和 LoRA 不一样，训练后没法并回原来的权重里。', 'FC391', False),  # (guard)
    ('LoRA 训练后能并回原来的权重里，Adapter 不行。', 'FC391', False),  # (guard)
    ('Adapter 能并回原来的权重里吗？', 'FC391', False),  # (guard)
    ('RLHF 里的 KL 惩罚有什么用？它就是推着策略多去探索。', 'FC396', True),  # (missed by the starting code)
    ('PPO 阶段的 KL 项起什么作用？它鼓励策略远离参考模型，多做探索。', 'FC396', True),  # (missed by the starting code)
    ('RLHF 里的 KL 惩罚有什么用？它就是防止策略离 SFT 模型太远。', 'FC396', False),  # (guard)
    ('PPO 阶段的 KL 惩罚有什么用？它并不是鼓励探索，而是限制策略偏离参考模型。', 'FC396', False),  # (guard)
    ('PPO 跟 DQN、SAC 一样属于 off-policy。', 'FC398', True),  # (missed by the starting code)
    ('PPO 跟 DDPG、TD3 一样是离策略算法。', 'FC398', True),  # (missed by the starting code)
    ('PPO 与 DQN、SAC 不同，不属于 off-policy。', 'FC398', False),  # (guard)
    ('PPO 跟 DQN、SAC 不一样，后两者才是 off-policy。', 'FC398', False),  # (guard)
    ('PPO 跟 DQN、SAC 一样属于 off-policy 吗？', 'FC398', False),  # (guard)
    ('贪心解码每步挑最可能的 token，拼出来的整个序列的概率也就是最高的。', 'FC402', True),  # (missed by the starting code)
    ('贪心解码每一步都取最大概率的词，那整个句子的概率也就是最大的。', 'FC402', True),  # (missed by the starting code)
    ('贪心解码每步挑最可能的 token，但整个序列的概率不一定就是最高的。', 'FC402', False),  # (guard)
    ('贪心解码得到的整句概率也就是最大的吗？', 'FC402', False),  # (guard)
    ('束宽取 1 的时候，相当于当成采样用。', 'FC403', True),  # (missed by the starting code)
    ('beam width 取 1 的实验组就是当采样 baseline 跑的。', 'FC403', True),  # (missed by the starting code)
    ('束宽取 1 的那组就是当贪心解码用的，和采样那组分开比较。', 'FC403', False),  # (guard)
    ('beam width 取 1 并不是当采样用，而是等价于贪心。', 'FC403', False),  # (guard)
    ('beam width 取 1 就是当采样用的吗？', 'FC403', False),  # (guard)
    ('这位同学问得好，你担心的问题其实不大，因为 FP16 的最大值大约是 3.4e38。', 'FC420', True),  # (missed by the starting code)
    ('老师：这位同学问得好，你担心的上溢不会出现，半精度能表示到 3.4×10^38 左右。', 'FC420', True),  # (missed by the starting code)
    ('这位同学问得好，你担心的溢出确实会发生，因为 FP16 的最大值只有 65504。', 'FC420', False),  # (guard)
    ('有同学担心 FP16 的上限是 3.4×10^38，其实那是 FP32 的。', 'FC420', False),  # (guard)
    ('训练中判别器的 loss 一路降为 0 的时候，这就是所谓的 mode collapse。', 'FC454', True),  # (missed by the starting code)
    ('判别器损失变为零时，这就叫模式崩溃。', 'FC454', True),  # (missed by the starting code)
    ('判别器损失掉到 0 时，这不是模式崩溃。', 'FC454', False),  # (guard)
    ('生成器只产出几种样本时，这就是模式崩溃。', 'FC454', False),  # (guard)
    ('判别器损失降到 0 时，这就是模式崩溃吗？', 'FC454', False),  # (guard)
    ('没做长度惩罚时 beam search 非常容易输出特别长的译文。', 'FC407', True),  # (missed by the starting code)
    ('不加长度归一化的话，beam search 往往偏向输出特别长的句子。', 'FC407', True),  # (missed by the starting code)
    ('不做长度归一化，束搜索会偏向特别短的句子。', 'FC407', False),  # (guard)
    ('beam search 并不会偏向生成特别长的句子，反而偏短。', 'FC407', False),  # (guard)
    ('不加长度归一化，束搜索会偏向生成特别长的句子吗？', 'FC407', False),  # (guard)
    ('混合精度里对 loss 进行缩放，是为了防止梯度太大溢出。', 'FC421', True),  # (missed by the starting code)
    ('对损失做缩放，目的是防止 FP16 的梯度上溢。', 'FC421', True),  # (missed by the starting code)
    ('对损失做缩放是为了防止小梯度在 FP16 里下溢成 0，而不是防止上溢。', 'FC421', False),  # (guard)
    ('对损失做缩放能防止梯度上溢吗？', 'FC421', False),  # (guard)
    ('模型量化之后，权重从 70 亿个减到了 20 亿个。', 'FC414', True),  # (missed by the starting code)
    ('做完 INT8 量化，参数直接从 13B 压到了 4B。', 'FC414', True),  # (missed by the starting code)
    ('量化之后参数并不会从 7B 降到 2B，只是每个参数的位宽变小。', 'FC414', False),  # (guard)
    ('剪枝以后参数从 7B 降到了 2B。', 'FC414', False),  # (guard)
    ('量化以后参数从 7B 降到 2B 了吗？', 'FC414', False),  # (guard)
    ('非结构化剪枝去掉八成权重后，推理延迟就降到了原来的五分之一。', 'FC411', True),  # (missed by the starting code)
    ('非结构化剪枝剪掉一半权重，在普通显卡上耗时也降到了 1/2。', 'FC411', True),  # (missed by the starting code)
    ('非结构化剪枝去掉八成权重后，推理延迟并没有降到五分之一。', 'FC411', False),  # (guard)
    ('结构化剪枝去掉八成通道后，推理延迟降到了原来的五分之一。', 'FC411', False),  # (guard)
    ('蒸馏时教师模型是 100M 的小模型，学生是 1B 的大模型。', 'FC152', True),  # (missed by the starting code)
    ('知识蒸馏里 teacher 是 3 层的小网络。', 'FC152', True),  # (missed by the starting code)
    ('蒸馏时教师是 24 层的大模型，学生是 6 层的小模型。', 'FC152', False),  # (guard)
    ('教师模型是 6 层的小模型吗？', 'FC152', False),  # (guard)
    ('在自蒸馏里，教师并不是 6 层的小模型。', 'FC152', False),  # (guard)
    ('蒸馏用的软标签是从训练集的标注文件里读取的。', 'FC410', True),  # (missed by the starting code)
    ('这里的 soft labels 读的是标注文件。', 'FC410', True),  # (missed by the starting code)
    ('软标签不是读的标注文件，而是教师模型的输出。', 'FC410', False),  # (guard)
    ('硬标签直接读的是标注文件，软标签来自教师模型。', 'FC410', False),  # (guard)
    ('软标签是从标注文件里读的吗？', 'FC410', False),  # (guard)
    ('LoRA 这部分您看，我们训练时原始权重也是一起更新的。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 这块您看，我们训练的时候原始权重 W0 也是一起更新的。', 'FC389', True),  # (missed by the starting code)
    ('LoRA 这块，我们训练的时候原始权重 W0 是冻住的，只训 A 和 B。', 'FC389', False),  # (guard)
    ('LoRA 这块您看，原始权重 W0 会一起更新吗？', 'FC389', False),  # (guard)
    ('LoRA 这块，我们没有更新原始权重。', 'FC389', False),  # (guard)
    ('PPO 那一步，我们训练的是 reward model。', 'FC399', True),  # (missed by the starting code)
    ('PPO 这一步，我们更新的是奖励模型。', 'FC399', True),  # (missed by the starting code)
    ('PPO 阶段，我们训练的是策略模型，奖励模型冻住不动。', 'FC399', False),  # (guard)
    ('PPO 那一步，我们训练的是 reward model 吗？', 'FC399', False),  # (guard)
    ('在奖励建模阶段，我们训练的是奖励模型。', 'FC399', False),  # (guard)

    ('流水线并行是把线性层的矩阵按列拆开。', 'FC427', True),  # (missed by the starting code)
    ('流水线并行会把全连接层的权重矩阵按列切到不同 GPU 上。', 'FC427', True),  # (missed by the starting code)
    ('按列切开权重矩阵、每张卡算一部分的做法，就叫流水线并行。', 'FC427', True),  # (missed by the starting code)
    ('张量并行是把线性层的矩阵按列拆开，流水线并行则按层切分。', 'FC427', False),  # (guard)
    ('流水线并行不是把线性层的矩阵按列拆开，而是按层切分。', 'FC427', False),  # (guard)
    ('把权重矩阵按行切到几张卡上的方法称为张量并行。', 'FC427', False),  # (guard)
    ('把权重矩阵按行切到几张卡上的方法不叫流水线并行。', 'FC427', False),  # (guard)
    ('流水线并行是把线性层的矩阵按列拆开吗？', 'FC427', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
