"""Findings people can trust: the mechanisms behind the false-alarm classes found on real corpora
(each rule's own pass/fail cases are in tests/lint/rules/), the look-alike and mojibake rules' data,
the default report without typography, and a linter that never raises."""
from __future__ import annotations

import re
import unicodedata

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qatool.cli import main
from qatool.lint.chars import RADICALS_SUPPLEMENT, gbk_mojibake, lookalike_runs, mojibake_spans, standard_char
from qatool.lint.engine import Linter
from qatool.lint.fix import fix_source
from qatool.lint.loader import load_rules

RULES, KB = load_rules()
ALL = Linter(RULES, KB, select=["ALL"])
DEFAULT = Linter(RULES, KB)


def doc(answer: str) -> str:
    return f"### 1. 测试题？\n\n**答案：** {answer}\n"


def lint(text: str, *codes: str):
    return Linter(RULES, KB, select=list(codes)).lint_text(text, "t.md")


# ----------------------------------------------------------------------------- code is content


def test_findings_quote_inline_code_instead_of_blanks():
    text = doc("常用函数有 `relu`、、`tanh`，以及 `softmax`、、`sigmoid`。")
    found = lint(text, "FM005")
    assert found and all(not re.search(r"“\s*”", f.message) for f in found)
    assert all("`" in f.message or "、、" in f.message for f in found)


def test_a_truncated_item_next_to_code_is_still_found_and_names_the_full_item():
    found = lint(doc("可选 `AdamW`、批归一化、归一化等。"), "FM005")
    assert [f.message for f in found] == ["列举项不完整：“归一化”像是“批归一化”被截断后的残片"]


# ------------------------------------------------------------------------- one citation's fields


def test_a_title_is_taken_from_the_link_that_holds_the_arxiv_id():
    text = doc("[Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)；"
               "[Mobile Nets Are Slow Networks Indeed](https://arxiv.org/abs/1704.04861)")
    found = lint(text, "FC201")
    assert len(found) == 1
    assert "Mobile Nets Are Slow Networks Indeed" in found[0].message and "MobileNets: Efficient" in found[0].message


def test_a_year_is_taken_from_its_own_citation():
    text = doc("[Attention Is All You Need](https://arxiv.org/abs/1706.03762) (2019)，"
               "[BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding](https://arxiv.org/abs/1810.04805) (2018)")
    found = lint(text, "FC202")
    assert len(found) == 1 and found[0].message.startswith("《Attention Is All You Need》") and "写成了 2019 年" in found[0].message


def test_a_short_title_needs_its_author_or_venue():
    assert not lint(doc("深度学习（Deep Learning）的概念在（2006）年被重新提出。"), "FC202")
    assert lint(doc("LeCun, Y., Bengio, Y., & Hinton, G. (2013). Deep Learning. Nature."), "FC202")


def test_a_repository_url_in_link_text_and_target_is_reported_once():
    text = doc("BERT 官方代码：[https://github.com/someone/bert](https://github.com/someone/bert)")
    assert len(lint(text, "FC204")) == 1


def test_unofficial_or_a_reading_of_the_code_is_not_a_claim():
    assert not lint(doc("BERT 的非官方实现：https://github.com/someone/bert"), "FC204")
    assert not lint(doc("BERT 源码解读：https://github.com/someone/bert-notes"), "FC204")
    assert not lint(doc("Hugging Face 官方文档中的例子：https://github.com/someone/demo"), "FC204")


# ---------------------------------------------------------------------- questions are not claims


def test_every_claim_kind_skips_questions_and_keeps_statements():
    cases = {  # code: (question, statement) with the same claim
        "FC150": ("LSTM 能不能解决梯度爆炸？", "LSTM 解决了梯度爆炸。"),  # pattern
        "FC131": ("减少训练数据可以防止过拟合吗？", "减少训练数据可以防止过拟合。"),  # cooccurrence
        "FC101": ("召回率是预测为正的样本中真正为正的比例吗？", "召回率是预测为正的样本中真正为正的比例。"),  # definition
    }
    for code, (question, statement) in cases.items():
        assert not lint(doc(question), code), code
        assert len(lint(doc(statement), code)) == 1, code
        assert not lint(f"### 1. {statement}\n\n**答案：** 不对。\n", code), f"{code}: an item's title is its question"


def test_claim_can_be_turned_off_or_on_in_a_rule_file(tmp_path):
    rule = """rules:
  - code: XX101
    name: moon-is-cheese
    kind: pattern
    severity: error
    statement: {claim}
    pattern: '月亮是奶酪做的'
    message: '月亮不是奶酪：{{match}}'
    docs: {{what: w, why: y, fail: '月亮是奶酪做的。', pass: '月亮是岩石。'}}
"""
    for claim, expected in (("true", 0), ("false", 1)):
        path = tmp_path / f"claim_{claim}.yaml"
        path.write_text(rule.format(claim=claim), encoding="utf-8")
        linter = Linter.default(extra_rules=[path], select=["XX101"])
        assert len(linter.lint_text(doc("月亮是奶酪做的吗？"), "t.md")) == expected, claim


# ---------------------------------------------------------------------------- look-alike characters


def test_every_lookalike_maps_to_a_unified_ideograph():
    checked = 0
    for cp in list(range(0x2E80, 0x2FE0)) + list(range(0xF900, 0xFB00)) + list(range(0x2F800, 0x2FA20)):
        ch = chr(cp)
        if not unicodedata.name(ch, None):
            continue
        std = standard_char(ch)
        if std is not None:
            assert unicodedata.name(std).startswith("CJK UNIFIED IDEOGRAPH"), hex(cp)
            checked += 1
    assert checked == 214 + 113 + 1002  # Kangxi radicals, the supplement's table, compatibility ideographs
    assert all(unicodedata.name(v).startswith("CJK UNIFIED IDEOGRAPH") for v in RADICALS_SUPPLEMENT.values())
    for cp in (0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24, 0xFA27, 0xFA28, 0xFA29, 0x2E80):
        assert standard_char(chr(cp)) is None, hex(cp)  # unified ideographs themselves, or no equivalent


def test_lookalike_fix_gives_the_standard_characters():
    before = "### 1. 如何⽐较？\n\n**答案：** 输⼊序列很⻓，`⼊` 在代码里不动。\n"
    after, n = fix_source(Linter(RULES, KB), before, "t.md")
    assert after == "### 1. 如何比较？\n\n**答案：** 输入序列很长，`⼊` 在代码里不动。\n" and n == 2
    assert list(lookalike_runs("⼤\u2e80⼩")) == [(0, 1, "大"), (2, 3, "小")]


# ------------------------------------------------------------------------------------- mojibake


LEGIT = [
    "Le café est crème brûlée à la française, déjà vu, naïve, Noël.",
    "Müller–Lyer, Größe, Über, Ärger, schön, „Anführungszeichen“.",
    "señor, niño, acción, ¿qué?, ¡olé!, São Paulo, coração, informação.",
    "Ångström, Øresund, fjörður, Dvořák, Łódź, Kraków, Zürich.",
    "Pīnyīn: Zhōngwén, nǚ, lǜ, xiàndài Hànyǔ.",
    "温度 25°C，误差 ±0.5，π ≈ 3.14，α、β、γ，x² + y² = r²，→ ← ↑，© 2024 · ™。",
    "使用浏览器打开网页，浏览器缓存。",
    "繁體中文：過大的梯度，參數量相同的情況下，深層網絡泛化更好。",
]


def test_legitimate_text_is_not_mojibake():
    for text in LEGIT:
        assert not list(mojibake_spans(text)), text
        assert not lint(doc(text), "FM010"), text


def test_mojibake_kinds_and_what_the_text_was():
    chinese = "注意力机制的计算复杂度是序列长度的平方"
    as_gbk = chinese.encode("utf-8").decode("gbk", errors="ignore")
    spans = list(mojibake_spans(as_gbk))
    assert spans and spans[0][2] == "gbk" and "注意力机制" in spans[0][3]
    assert gbk_mojibake("注意力机制的计算复杂度") is None
    assert [k for _, _, k, _ in mojibake_spans("cafÃ© au lait")] == ["latin1"]
    assert [k for _, _, k, _ in mojibake_spans("文字锟斤拷锟斤拷丢失")] == ["residue"]
    assert [k for _, _, k, _ in mojibake_spans("可�?以")] == ["replacement"]


# ------------------------------------------------------------------------- the default report


def _cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_typography_is_off_by_default_counted_and_still_fixed(tmp_path):
    f = tmp_path / "a.md"
    text = "### 1. 什么是预训练？\n\n**答案：** 预训练需要大量数据,微调只需少量数据。\n"
    f.write_text(text, encoding="utf-8")
    res = _cli("lint", str(f))
    assert res.exit_code == 0 and "TY002" not in res.stdout
    assert "1 more finding of rules off by default" in res.stderr and "--select TY002" in res.stderr
    assert "TY002" in _cli("lint", str(f), "--select", "TY").stdout
    assert "TY002" in _cli("lint", str(f), "--extend-select", "TY002").stdout
    for narrowing in (("--ignore", "TY002"), ("--select", "FC")):
        _cli("lint", str(f), "--fix", *narrowing)
        assert f.read_text(encoding="utf-8") == text, narrowing
    _cli("lint", str(f), "--fix")
    assert "大量数据，微调" in f.read_text(encoding="utf-8")
    assert "more finding" not in _cli("lint", str(f)).stderr


# --------------------------------------------------------------------------------- never raises

PIECES = st.sampled_from([
    "`relu`、`gelu`", "、、", "**", "***", "*****", "**`x`**", "**kwargs", "[VGG](https://arxiv.org/abs/1409.1556)",
    "[https://github.com/a/b](https://github.com/a/b)", "BERT 官方代码：", "(2015)", "（2019）", "Deep Learning",
    "《深度学习》（花书）", "《统计学习方法》（李航）", "吗？", "能不能", "是否", "macro-F1", "负对数困惑度越大越好",
    "⼤⼩⻔", "\ufa0e", "\ufffd?", "锟斤拷", "Ã©", "鍙傛暟", "\n", "- ", "### 1. ", "**答案：**", "> ", "|", "。", "，",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=200), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=50).map("".join)))
def test_the_linter_never_raises(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for linter in (ALL, DEFAULT):
        for f in linter.lint_text(text, "fuzz.md"):
            assert 1 <= f.line <= text.count("\n") + 1


def test_a_lookalike_beside_its_own_standard_character_is_dropped_not_doubled():
    # some PDF copies emit the radical and the character (`⻉贝叶斯`, `常⻅见`); the fix must not write `贝贝`
    assert [(s, e, std) for s, e, std in lookalike_runs("朴素⻉贝叶斯")] == [(2, 3, "")]
    assert [(s, e, std) for s, e, std in lookalike_runs("常⻅见的")] == [(1, 2, "")]
    assert [(s, e, std) for s, e, std in lookalike_runs("朴素⻉叶斯")] == [(2, 3, "贝")]
    text = "### 1. 什么是朴素⻉贝叶斯？\n\n**答案：** 朴素⻉叶斯是常⻅见的模型。\n"
    fixed, _ = fix_source(Linter.default(select=["FM009"]), text, "a.md")
    assert "朴素贝叶斯？" in fixed and "朴素贝叶斯是常见的模型" in fixed


def test_the_lookalike_message_says_a_doubled_one_is_deleted_not_replaced():
    # the message said `应为“贝”` of `⻉贝`, which read as "write 贝 there" (giving `贝贝`); it must say what the fix does
    lin = Linter.default(select=["FM009"])
    (doubled,) = lin.lint_text("# t\n\n答：朴素⻉贝叶斯。\n", "a.md")
    assert "应删去" in doubled.message and "应为" not in doubled.message and "“贝”" in doubled.message
    (alone,) = lin.lint_text("# t\n\n答：朴素⻉叶斯。\n", "a.md")
    assert "应为“贝”" in alone.message and "删去" not in alone.message
    (both,) = lin.lint_text("# t\n\n答：常⻅见的⽅法。\n", "a.md")
    assert "应为“方”" in both.message and "“⻅”紧挨着它的标准字“见”，应删去" in both.message
