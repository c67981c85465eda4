"""Readings added in the twenty-second session (2026-12-04), in wording of my own.

From the sixty-sixth untuned trial (hand-built LLM tutorials, worked solutions to a statistics-learning textbook, a
deep-learning reading list): a term inside a manner frame (`以自注意力矩阵偏置的形式作用于…`) names the form
something takes, not what the sentence is said of; a sentence that opens on the converse (`反之，…`) states the
opposite case and does not go on with the subject before it; a file in another repository of a project's own
GitHub owner (`pytorch/vision/blob/…/resnet.py` for "PyTorch 官方实现 ResNet") is no wrong official repository."""

from __future__ import annotations

import pytest

from tests.lint.readings import found, item


@pytest.mark.parametrize("answer,code", [
    ("旋转编码既可以以自注意力偏置的方式作用于打分，直接反映两个 token 的相对位置，也可以写成对 q、k 的旋转。", "FC364"),
    ("ALiBi 以自注意力偏置的形式作用于注意力分数，反映了 token 之间的相对位置。", "FC364"),
    ("模型越简单，方差越小，容易欠拟合。反之，模型越复杂，越容易过拟合。", "FC132"),
    ("决策树深度越浅，模型越简单，偏差大。相反地，树越深，越容易过拟合。", "FC132"),
])
def test_not_a_slip(answer, code):
    assert code not in found(item(answer)), answer


@pytest.mark.parametrize("answer,code", [
    # the subject itself, or a subject the converse does not leave
    ("自注意力天然能感知词序，不需要位置编码。", "FC364"),
    ("自注意力以矩阵乘法的形式计算，天然能感知词序。", "FC364"),
    ("模型越简单，越稳定，而且更容易过拟合。", "FC132"),
    ("参数越少的模型越容易过拟合。反之，参数多的模型泛化更好。", "FC132"),
])
def test_the_slip_is_found(answer, code):
    assert code in found(item(answer)), answer


def test_a_file_of_the_projects_own_owner_is_no_wrong_official_repository():
    head = "### 1. 有哪些参考实现？\n\n**答案：**\n\n"
    assert "FC204" not in found(head + "- [PyTorch 官方实现的 VGG](https://github.com/pytorch/vision/blob/main/torchvision/models/vgg.py)\n")
    for line in ("- [PyTorch 官方仓库](https://github.com/pytorch/vision)\n",  # the owner's other repository named as the project's own
                 "- [PyTorch 官方实现的 VGG](https://github.com/someone/vision/blob/main/vgg.py)\n",
                 "- GPT-2 官方仓库：https://github.com/openai/gpt\n"):
        assert "FC204" in found(head + line), line
