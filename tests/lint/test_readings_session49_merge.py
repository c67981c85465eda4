"""What the merge of the forty-ninth session's four helpers' readings lost or newly flagged on the read phrasing sets,
and how each was mended, shown on sentences of my own wording.

- a likeness clause that carries the topic on (`范围和 FP32 相同，但…`) bound BF16 to a comparison that comes out lower
  (`精度比 FP16 低`), which FC419's `精度比 FP16` phrasing took as "more precise": the phrasing now stops before a lower
  result;
- a reading warned against (`别把 X 当成 Y`) marked the whole sentence as reported, the writer's own clauses before it
  too (`FFN 层同样负责在不同位置之间混合信息，所以别把它看成逐位置的变换`): it reports only from the sentence's first clause;
- one's spoken answer skipped as the answer's lead (`我说…`) took `我答：` too, which the answer-turn reading already
  carried from the question before (`面试官问…。⏎我答：…`): a spoken lead with a colon after it is left to that reading.
"""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item

CASES = [
    ('BF16 的表示范围和 FP32 一样大，但精度比 FP16 低。', 'FC419', False),
    ('BF16 的表示范围和 FP32 一样大，但精度比 FP16 要差一些。', 'FC419', False),
    ('BF16 的表示范围和 FP32 一样大，而且精度比 FP16 更高。', 'FC419', True),
    ('FFN 层同样负责在不同位置之间混合信息，所以别把它看成逐位置的变换。', 'FC367', True),
    ('别把 FFN 当成会混合不同位置信息的层，位置之间的交互靠的是注意力。', 'FC367', False),
    ('面试官问推理阶段 dropout 怎么办。\n我答：推理时照样按概率随机丢弃神经元。', 'FC136', True),
    ('面试官问推理阶段 dropout 怎么办。\n我答：推理时关闭 dropout，不再随机丢弃神经元。', 'FC136', False),
]


@pytest.mark.parametrize("text, code, expected", CASES)
def test_reading(text, code, expected):
    assert (code in found(item(text))) is expected, text
