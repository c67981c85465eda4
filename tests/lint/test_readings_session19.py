"""Readings added in the nineteenth session (2026-12-03), in wording of my own.

From the seventeenth phrasing set (read this session; the sixteenth stays unread): a fill-in-the-blank item whose
answer follows on its line (`填空：PCA 是 ____ 降维。答：有监督。`) states the sentence its answer completes, the
answer's parts (`；`) written into the blanks in order; a dialogue's turns (`甲：…？乙：…`, `小王：…？小李：…`) are a
question and its answer, as `Q：…？A：…` are (a tag question in 吧 is a yes/no question); a quoted statement an answer
marks false (`判断题：“…”答：错误。`, `…”答：说反了。`) or one quoted to be corrected (`改错：“…”`) is not stated, and a
closing quote after a sentence's end belongs to that sentence; a glossary's headword alone on its line (`AUC`, `**Log
loss（对数损失）**`) is the subject of the definition on the next line."""
from __future__ import annotations

import pytest

from tests.lint.readings import found, item


@pytest.mark.parametrize("answer,code", [
    # a fill-in-the-blank item and its answer
    ("填空：PCA 是一种 ____ 的降维方法。答：有监督。", "FC442"),
    ("填空：L1 正则得到 ____ 的解，L2 正则得到 ____ 的解。答：平滑；稀疏。", "FC134"),
    ("填空题 3：k-means 属于 ____ 学习。**答案：** 有监督", "FC438"),
    # a dialogue's question and answer
    ("甲：PCA 属于哪类降维？乙：有监督的降维。", "FC442"),
    ("小张：L2 正则会让权重稀疏吗？小刘：会，很多权重直接变成 0。", "FC134"),
    ("学生：k-means 需要标签吧？老师：对，需要标签来确定每个簇。", "FC438"),
    # a quoted statement affirmed
    ("判断题：“PCA 是有监督的降维方法。”答：正确。", "FC442"),
    # a glossary's headword and its definition on the next line
    ("AUC\n越小越好，0 代表完美的排序。", "FC109"),
    ("**PCA（主成分分析）**\n一种有监督的降维方法，要用到类别标签。", "FC442"),
])
def test_the_slip_is_found(answer, code):
    assert code in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    ("填空：PCA 是一种 ____ 的降维方法。答：无监督。", "FC442"),
    ("填空：L1 正则得到 ____ 的解，L2 正则得到 ____ 的解。答：稀疏；平滑。", "FC134"),
    # blanks and parts that do not match: no reading
    ("填空：L1 正则得到 ____ 的解，L2 正则得到 ____ 的解。答：见上文。", "FC134"),
    ("甲：PCA 属于哪类降维？乙：无监督的降维，不看标签。", "FC442"),
    ("小张：L2 正则会让权重稀疏吗？小刘：不会，稀疏的是 L1。", "FC134"),
    ("学生：k-means 需要标签吧？老师：不需要，它是无监督的聚类。", "FC438"),
    ("学生：PCA 是有监督的吧？学生：我也记不清了。", "FC442"),
    # a quoted statement marked false, or quoted to be corrected
    ("判断题：“PCA 是有监督的降维方法。”答：错误。PCA 不看标签。", "FC442"),
    ("判断：“L2 正则产生稀疏解，L1 正则产生平滑解”答：错。", "FC134"),
    ("判断题：“L2 正则会产生稀疏解。L1 正则让权重平滑。”答：说反了。", "FC134"),
    ("改错：“k-means 是有监督的聚类算法。”答：应为无监督。", "FC438"),
    ("AUC\n越大越好，1 代表完美的排序。", "FC109"),
])
def test_the_trap_is_not_flagged(answer, code):
    assert code not in found(item(answer)), answer


def test_a_closing_quote_ends_with_its_sentence():
    from qatool.lint.text import TextLayer
    text = "他说：“好。”然后走了。"
    assert [text[s.start:s.end] for s in TextLayer().sentences(text)] == ["他说：“好。”", "然后走了。"]


def test_the_filled_item_keeps_every_later_position():
    from qatool.lint.claims import _filled
    text = "前一行\n填空：KNN 是一种 ____ 算法。答：聚类。后文\n下一行"
    out = _filled(text)
    assert len(out) == len(text) and out.split("\n")[0] == "前一行" and out.split("\n")[2] == "下一行"
    assert out.split("\n")[1].split() == ["KNN", "是一种", "聚类", "算法。", "后文"]
    assert out.split("\n")[1].endswith("后文") and text.split("\n")[1].endswith("后文")


def _lines(text: str, code: str) -> list[int]:
    from tests.lint.readings import DEFAULT
    return [f.line for f in DEFAULT.lint_text(text, "t.md") if f.code == code]


def test_template_slots_and_empty_checkboxes_repeat_no_content():
    slots = "### 1. 什么是 BN？\n\n**答案：** 批归一化。\n\n- [ ]\n- [ ]\n- [填写]\n- [填写]\n- TODO\n- TODO\n"
    assert not _lines(slots, "QA005")
    assert _lines("### 1. 什么是 BN？\n\n**答案：**\n\n- 减均值\n- 除以标准差\n- 减均值\n", "QA005") == [7]


def test_a_fence_that_opens_a_list_item_closes_at_its_content_indent():
    assert not _lines("- 步骤：\n\n  - ```python\n    x = 1\n    ```\n\n- 下一项\n", "FM008")
    assert not _lines("1. ~~~text\n   a\n   ~~~\n2. 下一项\n", "FM008")
    assert _lines("- 步骤：\n\n  - ```python\n    x = 1\n\n- 下一项\n", "FM008") == [3]


def test_a_bracketed_aside_after_an_ascii_period_is_a_sentence_of_its_own():
    from qatool.lint.text import TextLayer
    text = "代表网络有 YOLO v3, SSD, RetinaNet. （two-stage 算法中的 RoI pooling 会放大小目标）"
    assert [text[s.start:s.end] for s in TextLayer().sentences(text)] == [
        "代表网络有 YOLO v3, SSD, RetinaNet.", " （two-stage 算法中的 RoI pooling 会放大小目标）"]
    assert "FC457" not in found(item(text))
    assert "FC457" in found(item("代表网络有 Faster R-CNN. YOLO 也是 two-stage 的检测器。"))


@pytest.mark.parametrize("code,slip", [
    ("def recall(tp, fp):\n    # 召回率：预测为正的样本里真正为正的比例\n    return tp / (tp + fp)", True),
    ('def recall(tp, fp):\n    """召回率是预测为正的样本中真正为正的比例"""\n    return tp / (tp + fp)', True),
    ("x = recall(tp, fn)  // 召回率是预测为正的样本中真正为正的比例", True),
    ("def recall(tp, fn):\n    # 召回率：实际为正的样本里被预测为正的比例\n    return tp / (tp + fn)", False),
    ("# recall is the share of predicted positives that are positive\nr = tp / (tp + fp)", False),
    ('msg = "# 召回率是预测为正的样本中真正为正的比例"', False),
])
def test_a_comment_in_code_is_read_as_prose(code, slip):
    assert ("FC101" in found(item(f"```python\n{code}\n```"))) is slip, code


@pytest.mark.parametrize("answer,slip", [
    ("k-means 是一种分类算法，需要先给定类别。", True),
    ("K 均值属于分类模型。", True),
    ("用 k-means 对 SIFT 特征聚类，得到的视觉词袋可以作为一种图像分类方法的输入。", False),
    ("k-means 聚出的簇中心可用作一种分类器的初始化。", False),
])
def test_a_use_k_means_can_be_put_to_is_no_category(answer, slip):
    assert ("FC438" in found(item(answer))) is slip, answer
