"""Pipe-table rows read as the sentences they state (qatool/lint/tables.py), in tables of my own.

A row states its facts through its header: `| 模型 | 门数 |` over `| LSTM | 2 |` says LSTM has two gates. A
yes/no cell affirms or denies its header; a table whose first column names no term and whose header does is
read by column. A column of wrong views (`| 误区 | 正解 |`) states nothing, and neither does a question cell."""
from __future__ import annotations

import pytest

from qatool.lint.document import load_doc
from qatool.lint.engine import Linter
from qatool.lint.tables import tables

DEFAULT = Linter.default()


def item(table: str) -> str:
    return f"### 1. 对比一下？\n\n**答案：**\n\n{table}\n"


def fc(text: str) -> list:
    return [f for f in DEFAULT.lint_text(text, "t.md") if f.code.startswith("FC")]


@pytest.mark.parametrize("table,code", [
    ("| 网络 | 门的个数 |\n|---|---|\n| GRU | 3 |\n| LSTM | 3 |", "FC355"),
    ("| 网络 | 门的数量 |\n| :--- | ---: |\n| LSTM | 2 个 |", "FC356"),
    ("| 降维方法 | 是否需要类别标签 |\n|---|---|\n| PCA | 需要 |\n| LDA | 需要 |", "FC442"),
    ("| 激活函数 | 是否以 0 为中心 |\n|---|---|\n| **Sigmoid** | ✓ |", "FC341"),
    ("| 激活函数 | 零中心 |\n|---|---|\n| tanh | ✗ |", "FC342"),
    ("| 模型 | 注意力方向 |\n|---|---|\n| GPT-2 | 双向 |", "FC174"),
    # a cell that opens with a yes/no mark, then says more
    ("| 方法 | 是否需要奖励模型 |\n|---|---|\n| DPO | ✅ 需要先训练奖励模型 |", "FC397"),
])
def test_a_row_states_what_its_header_says_of_its_cells(table, code):
    found = fc(item(table))
    assert code in {f.code for f in found}, table
    last_row = len(item(table).rstrip("\n").split("\n"))
    assert all(5 <= f.line <= last_row for f in found)  # on the table's rows, not elsewhere


@pytest.mark.parametrize("table", [
    "| 网络 | 门的个数 |\n|---|---|\n| GRU | 2 |\n| LSTM | 3 |",  # right
    "| 降维方法 | 是否需要类别标签 |\n|---|---|\n| PCA | 不需要 |\n| LDA | 需要 |",
    "| 激活函数 | 是否以 0 为中心 |\n|---|---|\n| Sigmoid | ✗ |\n| tanh | ✓ |",
    "| 模型 | 注意力方向 |\n|---|---|\n| GPT-2 | 单向 |\n| BERT | 双向 |",
    "| 对比项 | BatchNorm | LayerNorm |\n|---|---|---|\n| 归一化维度 | batch | 单个样本的特征 |",
    # wrong views in their own column, named to be refuted
    "| 常见误区 | 正解 |\n|---|---|\n| GPT 是双向模型 | GPT 是单向的自回归模型 |",
    "| 模型 | 错误说法 | 正确说法 |\n|---|---|---|\n| GPT | 双向 | 单向 |",
    # a question in a cell asks; its answer cell says no
    "| 问题 | 回答 |\n|---|---|\n| GPT 是双向的吗？ | 不是，它是单向的 |",
    # not read: a table by column (which cell is said of which term is left to the layout), English headers,
    # and a row whose cells say what they say without the header (the row's own text is read as such)
    "| 对比项 | BatchNorm | LayerNorm |\n|---|---|---|\n| 归一化维度 | 单个样本的特征 | batch |",
    "| Aspect | L1 | L2 |\n|---|---|---|\n| Sparsity | Creates sparse solutions | No sparsity |",
    "| 特性 | L1 | L2 |\n|---|---|---|\n| **稀疏性** | ✅ 产生稀疏解 | ❌ 系数小但不为零 |",
    "| 精度 | 权重大小 | 显存 |\n|---|---|---|\n| FP16 | 2 byte | 2GB |\n| INT8 | 1 byte | 1GB（节省 50%） |",
    # a model variant named with its size in brackets: the size is the variant's
    "| 模型 | 参数量 |\n|---|---|\n| GPT-3 (13B) | 13B |\n| GPT-3 (175B) | 175B |",
    # a comparison whose baseline is FP16, named in the rows above
    "| 精度 | 权重显存 | 显存节省 |\n|---|---|---|\n| FP16 | 14GB | 0% |\n| INT8 | 7GB | 50% |",
    # a row with fewer cells than the header
    "| 模型 | 注意力方向 |\n|---|---|\n| GPT-2 |",
])
def test_right_rows_wrong_views_and_questions_are_not_flagged(table):
    assert not fc(item(table)), table


def test_each_character_of_a_reading_points_into_its_row():
    doc = load_doc(item("| 网络 | 门的个数 | 是否常用 | 细胞状态 |\n|---|---|---|---|\n| LSTM | 3 | 是 | 有 |"), "t.md")
    (row,) = tables(doc, _glossary()).readings
    unit = doc.units[row.unit]
    assert row.text == "LSTM的门的个数是3。LSTM常用。"  # (a header that names a term is not read)
    assert len(row.where) == len(row.text)
    assert all(0 <= w < len(unit.text) for w in row.where)
    assert unit.text[row.where[0]:row.where[0] + 4] == "LSTM"


def _glossary():
    from qatool.lint import kinds
    kb = next(getattr(DEFAULT, a) for a in dir(DEFAULT) if isinstance(getattr(DEFAULT, a), kinds.Knowledge))
    return kb.claim_reader().glossary
