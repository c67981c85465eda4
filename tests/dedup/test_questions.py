"""Question identity (title and question line together), duplicates by near answers inside a
same-question group, conflict groups, and a large group whose work and outputs stay linear."""
from __future__ import annotations

import json

import numpy as np
import pyarrow.parquet as pq
import pytest

from qatool.dedup import DedupConfig, conflicts_table, dups_table, find_duplicates, report
from qatool.dedup import candidates as cand_mod
from qatool.dedup.sketch import question_key, title_key

ANS = {
    "a": "知识蒸馏用一个大的教师模型的输出概率作为软标签，训练一个小的学生模型去模仿它，学生因此学到类别之间的相似关系，在参数少得多的情况下保留大部分精度。",
    "b": "模型压缩的常见方法包括剪枝、量化和低秩分解：剪枝去掉不重要的权重或通道，量化用低比特表示参数，低秩分解把大矩阵拆成小矩阵的乘积。",
    "c": "过拟合指模型在训练集上表现很好而在测试集上表现差，通常因为模型容量相对数据量过大，可以用正则化、数据增强和早停来缓解。",
}
ANALYSIS = "温度参数越高，软标签越平滑，学生能学到更多暗知识。实践中常把软标签损失和真实标签的交叉熵加权相加。"


def rec(title, question, answer, analysis=None, n=1, src="a.md"):
    return {"id": f"{src}:{n}", "source": src, "line_start": n, "line_end": n, "title": title, "question": question,
            "answer": answer, "analysis": analysis, "content_hash": f"{n:064x}"}


def groups(res, recs):
    return {frozenset(recs[i]["id"] for i in c["members_idx"]) for c in res.conflicts}


# ------------------------------------------------------------------------------------ question keys

@pytest.mark.parametrize("a, b", [
    ("什么是知识蒸馏（Knowledge Distillation）？", "什么是知识蒸馏？"),  # an English gloss does not count
    ("什么是知识蒸馏(KD)?", "什么是知识蒸馏？"),  # nor a half-width one
    ("9. 什么是知识蒸馏？", "题目 3：什么是知识蒸馏？"),  # nor a numbering prefix
    ("Q2: 什么是知识蒸馏", "1.1 什么是知识蒸馏？"),
    ("一、什么是 知识 蒸馏", "**什么是知识蒸馏？**"),  # spacing, markup
])
def test_question_keys_ignore_glosses_numbering_and_markup(a, b):
    assert question_key(a) == question_key(b) != ""


@pytest.mark.parametrize("text", ["如何计算", "能够解决什么样的问题", "一般表达式是什么", "1. 优缺点", "是什么？"])
def test_generic_questions_identify_nothing(text):
    assert question_key(text) == ""  # they name no question without their section


def test_a_chinese_parenthesis_and_a_leading_number_that_is_content_stay():
    assert question_key("什么是L2正则化(岭回归)") != question_key("什么是L2正则化")
    assert question_key("3D卷积是什么？") != question_key("卷积是什么？")


def test_topic_headings_are_not_questions():
    assert title_key("代码实现", "请实现一个简单的微调流程。") == ""
    assert title_key("微调策略", "请简述微调策略的基本步骤。") == ""
    assert title_key("预训练与微调的区别", "请简述两者的主要区别。") != ""  # asks: 区别
    assert title_key("梯度裁剪", "梯度裁剪") != ""  # the heading is the question line


# ----------------------------------------------------------------------------- the identity rules

def test_same_title_different_question_lines_is_one_question():
    recs = [rec("什么是知识蒸馏？", "请解释知识蒸馏的概念。", ANS["a"], n=1),
            rec("什么是知识蒸馏（Knowledge Distillation）？", "请说明知识蒸馏在微调中的应用。", ANS["b"], n=2, src="b.md")]
    res = find_duplicates(recs, DedupConfig())
    assert groups(res, recs) == {frozenset({"a.md:1", "b.md:2"})}
    assert res.conflicts[0]["linked_by"] == ["title-or-question"] and res.pairs == []


def test_same_question_line_under_different_headings_is_one_question():
    recs = [rec("第一部分", "什么是模型压缩？", ANS["b"], n=1), rec("复习", "2. 什么是模型压缩?", ANS["c"], n=2)]
    assert groups(find_duplicates(recs, DedupConfig()), recs) == {frozenset({"a.md:1", "a.md:2"})}


def test_heading_of_one_is_the_question_line_of_the_other():
    recs = [rec("什么是过拟合？", "请解释过拟合。", ANS["c"], n=1), rec("过拟合", "什么是过拟合？", ANS["a"], n=2)]
    assert groups(find_duplicates(recs, DedupConfig()), recs) == {frozenset({"a.md:1", "a.md:2"})}


def test_combined_question_text_above_the_threshold():
    q = "请简要描述处理多模态数据的方法，并解释它们的原理和效果以及适用场景"
    recs = [rec("", q, ANS["a"], n=1), rec("", q + "呢？", ANS["b"], n=2)]  # keys differ; the texts are 0.97 alike
    res = find_duplicates(recs, DedupConfig())
    assert groups(res, recs) == {frozenset({"a.md:1", "a.md:2"})} and res.conflicts[0]["linked_by"] == ["question-text"]


def test_related_but_different_questions_are_not_linked():
    recs = [rec("如何评估预训练模型的质量？", "请简述评估预训练模型质量的常用方法。", ANS["a"], n=1),
            rec("如何进行预训练模型的评估？", "请简述评估预训练模型的常用方法。", ANS["b"], n=2),
            rec("如何计算", "如何计算", ANS["c"], n=3), rec("如何计算", "如何计算", ANS["b"] + ANS["c"], n=4, src="b.md"),
            rec("代码实现", "请实现知识蒸馏的损失函数。", ANS["c"] + ANS["a"], n=5), rec("代码实现", "请实现剪枝。", ANS["a"] + ANS["b"], n=6)]
    res = find_duplicates(recs, DedupConfig())
    assert res.conflicts == [] and res.pairs == []


# -------------------------------------------------------------------- answers within one question

def test_answer_padded_with_part_of_the_analysis_is_a_duplicate():
    first = ANALYSIS.split("。")[0] + "。"
    recs = [rec("什么是知识蒸馏？", "请解释知识蒸馏。", ANS["a"], ANALYSIS, n=1),
            rec("什么是知识蒸馏？", "谈谈你对知识蒸馏的理解。", ANS["a"] + first, n=2, src="b.md")]
    res = find_duplicates(recs, DedupConfig())
    (p,) = res.pairs
    assert (p.reason, p.kind) == ("near-answer", "near") and p.answer_jaccard < 0.8 <= p.answer_containment
    assert res.conflicts == [] and res.clusters[0]["canonical"] == "a.md:1"  # the more complete one is kept


def test_a_short_answer_inside_a_long_one_is_not_a_duplicate():
    short = ANS["a"][:30]
    recs = [rec("什么是知识蒸馏？", "请解释知识蒸馏。", ANS["a"] + ANS["b"], n=1), rec("什么是知识蒸馏？", "请解释知识蒸馏。", short, n=2)]
    res = find_duplicates(recs, DedupConfig())
    assert res.pairs == [] and groups(res, recs) == {frozenset({"a.md:1", "a.md:2"})}


def test_conflict_group_lists_distinct_answers_once():
    recs = [rec("什么是知识蒸馏？", "q", ANS["a"], n=1), rec("什么是知识蒸馏？", "q", ANS["a"].replace("大部分", "绝大部分"), n=2),
            rec("什么是知识蒸馏？", "q", ANS["b"], n=3), rec("什么是知识蒸馏？", "q", ANS["c"], n=4)]
    res = find_duplicates(recs, DedupConfig())
    (c,) = res.conflicts
    assert c["size"] == 4 and c["distinct_answers"] == 3 and c["answer_counts"] == [2, 1, 1]
    assert [recs[i]["id"] for i in c["answers_idx"]] == ["a.md:1", "a.md:3", "a.md:4"]
    assert c["answer_similarity_max"] < 0.5
    t = conflicts_table(res)
    assert t.num_rows == 1 and t.column("members").to_pylist() == [["a.md:1", "a.md:2", "a.md:3", "a.md:4"]]
    assert {r["kind"] for r in dups_table(res).to_pylist()} == {"near"}  # duplicates only


@pytest.mark.parametrize("topic", ["损失函数", "隐藏状态", "基础知识", "全连接层(Fully-Connected Layer)"])
def test_a_topic_heading_names_one_question_only_inside_its_document(topic):
    # `损失函数` in a distillation article and in a k-means one are two subjects, not one question
    # answered two ways; inside one document the same topic heading twice still is one
    apart = [rec(topic, topic, ANS["a"], n=1, src="kd.md"), rec(topic, topic, ANS["c"], n=2, src="kmeans.md")]
    assert find_duplicates(apart, DedupConfig()).conflicts == []
    together = [rec(topic, topic, ANS["a"], n=1, src="kd.md"), rec(topic, topic, ANS["c"], n=9, src="kd.md")]
    assert groups(find_duplicates(together, DedupConfig()), together) == {frozenset({"kd.md:1", "kd.md:9"})}


@pytest.mark.parametrize("question", ["什么是损失函数？", "损失函数的作用", "BERT 的缺点", "How does dropout work"])
def test_a_heading_that_asks_is_one_question_across_documents(question):
    recs = [rec(question, question, ANS["a"], n=1, src="kd.md"), rec(question, question, ANS["c"], n=2, src="kmeans.md")]
    assert groups(find_duplicates(recs, DedupConfig()), recs) == {frozenset({"kd.md:1", "kmeans.md:2"})}


def test_topic_records_from_two_documents_still_pair_as_duplicates():
    # scoping the question to its document changes conflicts, not duplicate detection
    recs = [rec("损失函数", "损失函数", ANS["a"], n=1, src="kd.md"), rec("损失函数", "损失函数", ANS["a"], n=2, src="copy.md")]
    res = find_duplicates(recs, DedupConfig())
    assert len(res.pairs) == 1 and res.conflicts == []


# ------------------------------------------------------------------------------- a large group

def _big(k):
    rng = np.random.default_rng(5)
    chars = list("模型训练数据参数梯度损失函数优化学习率正则化过拟合泛化能力特征表示注意力机制层归一化批量大小权重衰减")
    answers = ["".join(rng.choice(chars, 120)) for _ in range(k)]
    return [rec("什么是过拟合？", "请解释过拟合。", answers[n], n=n) for n in range(k)]


def test_a_large_conflict_group_costs_linear_work_and_one_output_row(monkeypatch):
    k = 500
    recs = _big(k)
    compared = []
    real = cand_mod._answer_estimate

    def counting(sk, m, r):
        compared.append(len(m))
        return real(sk, m, r)

    monkeypatch.setattr(cand_mod, "_answer_estimate", counting)
    cfg = DedupConfig()
    res = find_duplicates(recs, cfg)
    (c,) = res.conflicts
    assert c["size"] == k and c["distinct_answers"] == k
    assert len(c["answers"]) == cfg.representatives  # the page and report show a bounded set of answers
    # each member was compared with at most `representatives` representatives (plus their own pairs)
    assert sum(compared) <= cfg.representatives * k + cfg.representatives ** 2
    assert conflicts_table(res).num_rows == 1 and dups_table(res).num_rows == 0
    rep = report(res)
    assert len(rep["conflicts"]) == 1 and len(rep["conflicts"][0]["answers"]) == cfg.representatives
    assert len(json.dumps(rep, ensure_ascii=False)) < 200 * k  # ids of members, not k^2/2 pairs


def test_a_popular_question_with_many_copies_of_a_few_answers():
    base = [ANS["a"], ANS["b"], ANS["c"]]
    recs = [rec(f"{n}. 什么是过拟合？", "请解释过拟合。", base[n % 3], n=n) for n in range(300)]
    res = find_duplicates(recs, DedupConfig())
    (c,) = res.conflicts
    assert c["distinct_answers"] == 3 and sorted(c["answer_counts"]) == [100, 100, 100]
    assert len(res.clusters) == 3 and res.removed == 297
    assert len(res.pairs) == 297  # each copy paired once (with its group's first), not 100^2/2 per answer


def test_conflicts_file_and_export_read_groups(tmp_path):
    from click.testing import CliRunner

    from qatool.cli import main
    from qatool.export import load_inputs

    md = "".join(f"### {n}. 什么是知识蒸馏（KD）？\n\n**面试题：** 请回答{n}\n\n**答案：** {a}\n\n" for n, a in enumerate(ANS.values(), 1))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(md, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(out), "--no-progress", "--jobs", "1"])
    assert res.exit_code == 0, res.output
    rows = pq.read_table(out / "conflicts.parquet").to_pylist()
    assert len(rows) == 1 and rows[0]["size"] == 3 and rows[0]["distinct_answers"] == 3
    inp = load_inputs(out)
    assert inp.conflicts == [tuple(rows[0]["members"])]
    exported = (out / "train.jsonl").read_text(encoding="utf-8").splitlines() + (out / "val.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(exported) == 3  # a conflict is flagged, never dropped by itself
    assert len({json.loads(x)["id"] for x in (out / "val.jsonl").read_text(encoding="utf-8").splitlines()}) in (0, 3)  # one side
