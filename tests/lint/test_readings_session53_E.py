"""Readings and rule phrasings added in the fifty-third session (group E), from the misses of the fifty-first phrasing
set (family dialogues) that group D left, each shown on sentences of the helper's own wording.

- a part and the whole it belongs to (`within:` in a term of the rule files: negative sampling, subsampling and
  hierarchical softmax are word2vec's, mode collapse is GAN's, the RPN is Faster R-CNN's): an answer that names the whole
  to a question on the part (`负采样怎么抽？word2vec 直接按原始词频抽`), or the whole named after 是 as the answer read into
  the question, is about the part as well (FC434, FC436);
- a concessive `怎么也/怎么都 + verb + 不…` (`怎么也学不动了`) asks nothing: the sentence states (FC454);
- `这个现象/这种情况就叫 X` names what the clause before described, as `这就叫 X` does (FC454);
- an indirect question of which class a thing belongs to may name the set of classes (`属于 VOC 20 类里的哪一类`), and
  FC459 takes that phrasing;
- a sentence that opens on a part of a ratio (`分母就是…`) after a sentence on a metric is about that metric (FC455); so
  is the answer said yes to a listener's short question that names nothing (`这么简单？对，分母就是…`);
- after a person's use of a method (`我们用 K 均值做分类，`), a clause whose subject is the method named by its kind
  (`算法根据这些标签…`) is the method's (FC438);
- an answer to a question on two terms (`A 和 B 区别在哪？`) that first says they do not differ (`数学上没区别，`) and then
  goes on with 都 says it of both (FC447);
- a clause that opens on any one of the things a procedure works on (`…会做 subsampling，一个词出现得越少…`) tells how
  the procedure treats them (FC436).
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

# (text, code, whether the code is found), wrong phrasings (True) and traps (False); each is marked by what the
# session's starting code did: a guard was right then and is now, the others were missed by it
CASES = [
    # a part asked about, the whole named in the answer
    ('甲：负采样的负样本按什么分布抽？乙：word2vec 就是均匀地随机抽。', 'FC434', True),  # (missed by the starting code)
    ('甲：负采样按什么抽？乙：word2vec 按词频的 0.75 次方抽，不是均匀抽。', 'FC434', False),  # (guard)
    ('问：下采样会扔掉哪类词？答：word2vec 会优先扔掉生僻词。', 'FC436', True),  # (missed by the starting code)
    ('甲：下采样扔掉哪类词？乙：word2vec 扔掉的是高频词，生僻词基本都保留。', 'FC436', False),  # (guard)
    ('word2vec 会用 min_count 丢掉低频词。', 'FC436', False),  # (guard)
    ('word2vec 会丢掉低频词吗？', 'FC436', False),  # (guard)
    # 怎么也 + a verb negated; 这个现象就叫 X
    ('判别器的 loss 掉到 0、怎么也训不动了，这个现象就叫模式崩溃。', 'FC454', True),  # (missed by the starting code)
    ('判别器损失一路降到零，这种情形就叫 mode collapse。', 'FC454', True),  # (missed by the starting code)
    ('生成器怎么也只产出几种样本，这个现象就叫模式崩溃。', 'FC454', False),  # (guard)
    ('判别器损失降到零，这个现象叫模式崩溃吗？', 'FC454', False),  # (guard)
    # FC459: the set of classes named
    ('RPN 会判断每个 anchor 属于 VOC 20 类里的哪一类。', 'FC459', True),  # (missed by the starting code)
    ('区域建议网络会识别每个候选框是 COCO 类别中的哪一种。', 'FC459', True),  # (missed by the starting code)
    ('RPN 会判断每个 anchor 属于 VOC 20 类里的哪一类吗？', 'FC459', False),  # (guard)
    ('RPN 不判断 anchor 属于 VOC 20 类里的哪一类，只判断是不是前景。', 'FC459', False),  # (guard)
    # FC455: a part of the ratio opens the next sentence
    ('IoU 算起来不难。分母就是两个框的面积之和。', 'FC455', True),  # (missed by the starting code)
    ('交并比的公式很短。分母等于两框面积相加。', 'FC455', True),  # (missed by the starting code)
    ('交并比很好算。乙：这么简单？甲：对，分母就是两框面积加起来。', 'FC455', True),  # (missed by the starting code)
    ('IoU 算起来不难。分母是两个框的并集面积。', 'FC455', False),  # (guard)
    ('Dice 系数算起来不难。分母就是两框面积相加。', 'FC455', False),  # (guard)
    ('IoU 算起来不难。分母并不是两框面积相加，要减去交集。', 'FC455', False),  # (guard)
    ('交并比的公式很短。分母等于两框面积相加吗？', 'FC455', False),  # (guard)
    ('交并比很好算。乙：这么简单？甲：对，分母就是两框的并集面积。', 'FC455', False),  # (guard)
    # FC438: the method a person used, named by its kind
    ('我们采用 K 均值分组，算法要依据人工标注来划分。', 'FC438', True),  # (missed by the starting code)
    ('我们使用 k-means 分群，该算法需要用到类别标签。', 'FC438', True),  # (missed by the starting code)
    ('我们采用 K 均值分组，算法不需要任何人工标注。', 'FC438', False),  # (guard)
    ('我们采用 K 均值分组，算法需要标签吗？', 'FC438', False),  # (guard)
    # FC436: any one word the procedure works on
    ('语料先过一遍 subsampling，一个词出现的次数越少就越会被丢掉。', 'FC436', True),  # (missed by the starting code)
    ('训练前先做高频词下采样，一个词出现得越少越容易被删掉。', 'FC436', True),  # (missed by the starting code)
    ('语料先过一遍 subsampling，一个词出现的次数越多就越会被丢掉。', 'FC436', False),  # (guard)
    ('语料先过一遍 subsampling，一个词出现的次数越少就越会被丢掉吗？', 'FC436', False),  # (guard)
    # the two asked about said not to differ, then 都
    ('GBDT 和 XGBoost 差在哪？原理上没有区别，都只用一阶梯度。', 'FC447', True),  # (missed by the starting code)
    ('乙：XGBoost 与 GBDT 有何不同？甲：公式上没什么不同，都只用到了一阶梯度。', 'FC447', True),  # (missed by the starting code)
    ('XGBoost 和 GBDT 区别在哪？没啥区别，都用了二阶导数。', 'FC447', False),  # (guard)
    ('XGBoost 和 GBDT 区别在哪？原理上没区别，都只用一阶梯度吗？', 'FC447', False),  # (guard)
]


@pytest.mark.parametrize("text,code,expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
