"""The answer gates: one definition (qatool.common.answers) shared with the linter's QA001/QA002, with
traps; the fixture documents of tests/fixtures/export/markdown run end to end."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.common.answers import DEFAULT_MIN_ANSWER_CHARS, answer_defect, is_placeholder_line

ROOT = Path(__file__).resolve().parents[2]
MARKDOWN = ROOT / "tests" / "fixtures" / "export" / "markdown"
Q = "什么是 Dropout？"


def kind(answer: str, question: str = Q, **kw) -> str | None:
    d = answer_defect(answer, question, **kw)
    return d.kind if d else None


@pytest.mark.parametrize("answer, expected", [
    ("", "empty"),
    ("**", "empty"),
    ("<details><summary>答案</summary>\n\n</details>", "empty"),
    ("什么是 dropout", "same-as-question"),
    ("- [ ] TODO", "placeholder"),
    ("- [ ]", "placeholder"),
    ("TBD", "placeholder"),
    ("待补充。", "placeholder"),
    ("【待更新】", "placeholder"),
    ("本题答案待完善", "placeholder"),
    ("略", "placeholder"),
    ("同上。", "placeholder"),
    ("见第 3 题", "placeholder"),
    ("见原文", "placeholder"),
    ("……", "placeholder"),
    ("N/A", "placeholder"),
    ("TODO: 补充推导过程", "placeholder"),
    ("<details><summary>查看答案</summary>\n\n待补充\n\n</details>", "placeholder"),
    ("https://zhuanlan.example.com/p/123", "link-only"),
    ("- 参考链接：https://example.org/a", "link-only"),
    ("[一篇讲得很清楚的博客](https://blog.example.org/dropout)", "link-only"),
    ("详见：[原文](https://example.org) 与 [代码](https://github.com/x/y)", "link-only"),
    ("Dropout 和 BN 能一起用吗？ > [点击查看答案](https://example.org/answer)", "link-only"),
    ("![Dropout 示意图](img/dropout.png)", "image-only"),
    ("如图：\n\n![](img/a.png)", "image-only"),
    ('<p align="center"><img src="img/a.png"></p>', "image-only"),
])
def test_defects(answer, expected):
    assert kind(answer) == expected


@pytest.mark.parametrize("answer", [
    "训练时随机丢弃一部分神经元，推理时使用全部神经元。",
    "什么是 Dropout？就是训练时以概率 p 把神经元输出置零的正则化方法。",  # starts with the question
    "略去细节来说，就是训练时随机丢弃神经元。",
    "无监督地看，它相当于训练了许多共享参数的子网络。",
    "同上一题的 BN 不同，Dropout 不依赖批统计量。",
    "TODO 注释与本题无关；Dropout 是一种正则化方法。",
    "随机丢弃神经元，详见[原论文](https://jmlr.org/papers/v15/srivastava14a.html)。",
    "![](https://latex.codecogs.com/gif.latex?y=m\\odot{x}/(1-p))，其中 m 是伯努利掩码。",
    "![](img/dropout.png)\n\n训练时每个神经元以概率 p 被置零，推理时不丢弃，但要把输出按保留概率缩放。",
    "```python\nnn.Dropout(p=0.5)\n```\n\n训练时生效，eval() 后关闭。",
    "[CLS] 位置的向量经过 Dropout 后再送入分类层。",
])
def test_real_answers_are_not_defects(answer):
    assert kind(answer, min_chars=DEFAULT_MIN_ANSWER_CHARS, images=True) is None


def test_export_only_kinds():
    fig = "如下图所示，左边是训练时，右边是推理时。\n\n![](img/dropout.png)"
    assert kind(fig) is None and kind(fig, images=True) == "image-dependent"
    assert kind("Adam。", min_chars=8) == "too-short" and kind("Adam。") is None
    assert kind("B", "下列哪个是激活函数？ A. SGD B. ReLU C. Adam", min_chars=8) is None  # a choice letter
    assert kind("B", "哪个优化器最常用？", min_chars=8) == "too-short"


def test_placeholder_lines():
    assert [is_placeholder_line(s) for s in ("- [ ] TODO", "TODO", "（待补充）", "- 无", "略", "TODO 注释很常见")] == \
        [True, True, True, False, False, False]


# ------------------------------------------------------------------------------------- end to end

def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def md_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("md")
    code, stdout, err = run("run", str(MARKDOWN), "-o", str(out), "--no-progress", "--jobs", "1")
    assert code == 0, err
    assert "audit: 0 residual artifacts" in stdout
    return out


def by_question(out: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    exported = {ln["messages"][0]["content"]: ln["messages"][1]["content"]
                for name in ("train.jsonl", "val.jsonl") for ln in lines(out / name)}
    quarantined = {q["question"]: q["reasons"] for q in lines(out / "quarantine.jsonl")}
    return exported, quarantined


def test_fixture_gates(md_out):
    exported, q = by_question(md_out)
    # the linter's QA001/QA002 and the gates are one definition: the linter catches these first
    for question, code in [("什么是标签平滑？", "QA002"), ("什么是梯度累积？", "QA002"), ("BN 在训练和测试时有什么区别？", "QA002"),
                           ("什么是知识蒸馏中的温度？", "QA002"), ("什么是学习率预热？", "QA002"), ("什么是层归一化？", "QA002"),
                           ("什么是混合精度训练？", "QA002"), ("ResNet 的残差块长什么样？", "QA002"), ("为什么要做特征归一化", "QA001")]:
        assert q[question] == [f"finding:{code}"], question
    assert q["Transformer 的整体结构是怎样的？"] == ["answer:image-dependent"]
    assert q["最常用的自适应优化器是哪个？"] == ["answer:too-short"]
    # traps are exported; placeholder lines and a placeholder analysis go, the answer stays
    assert exported["快速排序的平均复杂度是多少？"].startswith("略去常数项后")
    assert exported["代码里的 TODO 注释有什么用？"].startswith("TODO 注释")
    assert exported["下列哪个是激活函数？ A. SGD B. ReLU C. Adam D. Dropout"] == "B"
    assert exported["什么是早停？"] == "在验证集指标连续若干轮不再提升时停止训练，并回退到最好的那一轮的参数。"
    assert exported["什么是权重衰减？"] == "权重衰减在每次更新时按比例缩小权重，等价于在损失里加 L2 正则项。"


def test_gates_apply_to_flagged_records_too(md_out, tmp_path):
    """With --keep-flagged the linter's errors do not quarantine; the gates still do, with the same
    verdicts the linter gave (one definition)."""
    for name in ("records.parquet", "findings.parquet", "dups.parquet", "clusters.parquet", "manifest.json"):
        shutil.copy(md_out / name, tmp_path / name)
    code, stdout, err = run("export", "-o", str(tmp_path), "--keep-flagged")
    assert code == 0, err
    _, q = by_question(tmp_path)
    assert q["什么是标签平滑？"] == ["answer:placeholder"] and q["什么是知识蒸馏中的温度？"] == ["answer:placeholder"]
    assert q["什么是层归一化？"] == ["answer:link-only"] and q["什么是混合精度训练？"] == ["answer:link-only"]
    assert q["ResNet 的残差块长什么样？"] == ["answer:image-only"]
    assert q["为什么要做特征归一化"] == ["answer:same-as-question"]
    ids = {r["id"]: r for r in pq.read_table(tmp_path / "records.parquet").to_pylist()}
    flagged = {f["record_id"] for f in pq.read_table(tmp_path / "findings.parquet").to_pylist() if f["code"] in ("QA001", "QA002")}
    gated = {x["id"] for x in lines(tmp_path / "quarantine.jsonl")
             if any(r in x["reasons"] for r in ("answer:empty", "answer:same-as-question", "answer:placeholder",
                                                 "answer:link-only", "answer:image-only"))}
    assert flagged == gated and flagged <= set(ids)


def test_min_answer_chars_and_images_options(md_out, tmp_path):
    for name in ("records.parquet", "findings.parquet", "dups.parquet", "clusters.parquet", "manifest.json"):
        shutil.copy(md_out / name, tmp_path / name)
    code, _, err = run("export", "-o", str(tmp_path), "--min-answer-chars", "0", "--images", "keep")
    assert code == 0, err
    exported, q = by_question(tmp_path)
    assert exported["最常用的自适应优化器是哪个？"] == "Adam。"
    assert exported["Transformer 的整体结构是怎样的？"].endswith("![](img/transformer.png)")  # kept images: whole answer
    code, _, err = run("export", "-o", str(tmp_path), "--min-answer-chars", "-1")
    assert code == 2
