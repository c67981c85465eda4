"""Readings added in the fortieth session (2026-12-06), in wording of my own.

From the thirty-eighth phrasing set's flagged traps (read this session; the thirty-ninth stays unread), 37 of 38 of
them written as a teacher's red-pen comments that quote a student's wrong answer and mark it (`学生写“…”，错。…`):

- a statement quoted, or reported after whoever wrote or answered it, and judged wrong by a bare verdict that ends the
  clause after it (`“X”，错。`, `考生答“X”，错误。`, `有人写 X，错。`) is not asserted; a verdict that does not end its
  clause (`错不了`, `错误率`) or a yes (`对`) leaves it asserted;
- the baseline a comparison is made against (`比直接按词频抽时高`) is not what the subject does (FC434);
- in a quote opened after who wrote or answered it (`学生写“GPT-3，…”`), the speaker's name, even where it is a term
  (学生, a distilled student model), is not the topic: the quote's first term is;
- a likeness whose part is named (`GRU 与 LSTM 的结构一样，…`) frames both terms, as `GRU 和 LSTM 一样，…` does;
- a clause that names what the clauses before it described (`…，这就是 X`) may come after one more clause that only goes on
  with the description and names no term (`…的比例，乘以一百，就是召回率`);
- a topic tag in black lenticular brackets before a clause that names its own term (`【要点】label smoothing 会…，模型因此…`)
  does not keep that term from setting the topic of the clauses after it;
- a cleft on what does a thing (`编码器里负责在位置之间交换信息的正是 FFN`) says it of the term after it, not of the place named
  before;
- `用 B…` after a clause that says what not to use (`多标签任务别用 sigmoid，用 softmax…`) goes on with the topic; a warning
  (`千万别用 softmax`) denies what it warns against;
- a clause that is only a term with a kind modifier and a kind noun (`销量这种连续值回归任务，…`) sets the topic, as `瞎蒙的
  random classifier，…` does.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (each positive case fails on the session's starting code unless marked as a guard)
CASES = [
    ('小李写“BERT 靠预测下一个词来预训练”，错。', 'FC176', False),
    ('考生答“PPO 属于 off-policy 方法”，错误。', 'FC398', False),
    ('“Adam 是二阶优化方法”，错。', 'FC332', False),
    ('作业里写“k-means 是有监督学习”，错了，应是无监督。', 'FC438', False),
    ('有人写 PPO 属于 off-policy 方法，错。', 'FC398', False),
    ('负采样按词频的 3/4 次方抽负样本，低频词被抽到的机会比直接按词频抽时高。', 'FC434', False),
    # (guards: flagged on the starting code and still flagged)
    ('“GPT 是双向语言模型”，错不了。', 'FC174', True),
    ('学生写“GPT 是双向语言模型”，对。', 'FC174', True),
    ('我们的结论是“Adam 是二阶优化方法”，错误率也因此更低。', 'FC332', True),
    ('学生写“Adam 是二阶优化方法”，错误率也更低。', 'FC332', True),
    ('负采样直接按词频抽负样本，比均匀抽样更合理。', 'FC434', True),
    ('负采样比别的方法好，它直接按词频抽负样本。', 'FC434', True),
    ('学生写“GPT-3，参数量只有 17.5B”，对。', 'FC383', True),
    ('作业里学生写“GPT-3，参数量是 17.5B”，判对。', 'FC383', True),
    ('学生答“BERT-base，大约 3.4 亿参数”。', 'FC384', True),
    # (not flagged on the session's starting code either: a guard against the new readings)
    ('学生写“GPT-3，参数量只有 17.5B”，错。', 'FC383', False),
    ('Adapter 与 LoRA 的原理一样，训练后可以合并进原权重，推理没有额外延迟。', 'FC391', True),
    # (guards: flagged on the starting code and still flagged / not flagged on either)
    ('GRU 与 LSTM 的内部结构完全相同，也有独立的细胞状态。', 'FC361', True),
    ('Adapter 与 LoRA 的原理不一样，LoRA 训练后可以合并进原权重。', 'FC391', False),
    ('预测为正的样本里真正为正的比例，乘以一百，就是召回率。', 'FC101', True),
    ('实际为正的样本里被预测为正的比例，换算成百分数，这就是精确率。', 'FC102', True),
    # (not flagged on the session's starting code either: guards against the new reading)
    ('实际为正的样本里被预测为正的比例，换算成百分数，这就是召回率。', 'FC102', False),
    ('实际为正的样本里被预测为正的比例，这个数不该太低，精确率则另算。', 'FC102', False),
    ('【要点】label smoothing 会改动训练目标，模型因此更加自信。', 'FC319', True),
    # (guards: caught on the starting code too / not flagged on either)
    ('【复习】Dropout 在训练时随机丢弃神经元，推理时也照样随机丢弃。', 'FC136', True),
    ('【小陈】label smoothing 会改动训练目标，模型因此更不自信。', 'FC319', False),
    ('编码器里负责在不同位置之间交换信息的正是 FFN。', 'FC367', True),
    # (guards: caught on the starting code too / not flagged on either)
    ('每一层里让不同位置之间交换信息的其实是 FFN。', 'FC367', True),
    ('编码器里负责在不同位置之间交换信息的是自注意力，不是 FFN。', 'FC367', False),
    ('多标签任务别用 sigmoid，用 softmax 把概率归一化。', 'FC120', True),
    ('多标签问题千万别用 softmax，每个标签各自过 sigmoid。', 'FC120', False),
    # (guards: caught on the starting code too / not flagged on either)
    ('多标签分类千万要用 softmax。', 'FC120', True),
    ('推理时 Dropout 千万别关掉。', 'FC136', True),
    ('多标签任务千万不要用 softmax，要给每个标签各接一个 sigmoid。', 'FC120', False),
    ('销量这种连续值回归任务，首选交叉熵。', 'FC117', True),
    # (guards: not flagged on either / caught on the starting code too)
    ('房价这类连续值回归问题，首选 MSE，分类才用交叉熵。', 'FC117', False),
    ('气温这类连续值的回归任务，最常用的损失就是交叉熵。', 'FC117', True),
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
