"""Dedup: the corpus truth, fixtures of our own, determinism, tokenisation."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.dedup import DedupConfig, find_duplicates, normalize_for_dedup
from qatool.dedup.minhash import char_shingles, jaccard, minhash, optimal_bands, word_shingles
from qatool.dedup.tokenize import Segmenter
from qatool.parse import parse_paths, parse_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def corpus_result():
    records = parse_paths([CORPUS]).table.to_pylist()
    return records, find_duplicates(records, DedupConfig())


def key(rec):
    return (rec["source"][:3], rec["number"])


def test_corpus_clusters_are_exactly_the_repeated_items(corpus_result):
    records, res = corpus_result
    clusters = {frozenset(key(records[i]) for i in c["members_idx"]) for c in res.clusters}
    expected = {
        # 001 prints items 4-7 again as 27-30 and 19-21 again as 24-26, verbatim
        *(frozenset({("001", a), ("001", b)}) for a, b in [("4", "27"), ("5", "28"), ("6", "29"), ("7", "30"),
                                                           ("19", "24"), ("20", "25"), ("21", "26")]),
        frozenset({("004", "题目 12"), ("004", "题目 30")}),  # 联邦学习, verbatim
        frozenset({("002", "13"), ("002", "19")}),  # 多模态数据 / 多模态数据融合: near-verbatim answers
        frozenset({("000", "10"), ("000", "18")}),  # identical answers under differently worded questions
    }
    assert clusters == expected
    assert res.removed == 10
    same_answer = next(c for c in res.clusters if frozenset(key(records[i]) for i in c["members_idx"]) == frozenset({("000", "10"), ("000", "18")}))
    assert {records[i]["question"] for i in same_answer["members_idx"]} == {"请列举微调模型的评估方法。", "请简要介绍如何评估预训练和微调的效果。"}
    assert records[same_answer["members_idx"][0]]["answer"] == records[same_answer["members_idx"][1]]["answer"]


def test_corpus_same_question_groups(corpus_result):
    """Every group of records asking one question with different answers, once: the four within-file
    repeats, the three cross-file headings the issue names (001 #4 / 002 #3, 000 #11 / 002 #9,
    002 #7 / 004 #9), and 002 #2 什么是迁移学习？, which 004 asks as 什么是迁移学习（Transfer Learning）？."""
    records, res = corpus_result
    got = {frozenset(key(records[i]) for i in c["members_idx"]) for c in res.conflicts}
    assert got == {
        frozenset({("001", "14"), ("001", "22")}),  # 如何进行预训练模型的迁移学习？ answered twice, differently
        frozenset({("004", "题目 7"), ("004", "题目 27"), ("002", "2")}),  # 迁移学习 (gloss does not count)
        frozenset({("004", "题目 8"), ("004", "题目 28")}),  # 模型压缩
        frozenset({("004", "题目 9"), ("004", "题目 29"), ("002", "7")}),  # 知识蒸馏, 002 under the same heading
        frozenset({("001", "4"), ("001", "27"), ("002", "3")}),  # 如何评估预训练模型的质量？ (001 prints its item twice)
        frozenset({("000", "11"), ("002", "9")}),  # 如何选择合适的预训练模型？
    }
    evaluate = next(c for c in res.conflicts if ("002", "3") in {key(records[i]) for i in c["members_idx"]})
    assert evaluate["distinct_answers"] == 2 and sorted(evaluate["answer_counts"]) == [1, 2]
    assert all(c["distinct_answers"] == len(c["answers"]) and c["size"] == len(c["members"]) for c in res.conflicts)
    assert not [p for p in res.pairs if p.reason == "near-answer"]  # no pair beyond the ten duplicates


def test_canonical_policy_prefers_fewer_findings_then_completeness_then_order():
    base = "### 1. 什么是 Dropout？\n\n**答案：** 训练时以一定概率随机丢弃神经元的输出，从而减少神经元之间的共适应，是一种常用的正则化方法，可以缓解深度网络的过拟合问题。"
    md = base + "\n\n" + base.replace("### 1.", "### 2.") + "补充：推理时不丢弃。\n\n" + base.replace("### 1.", "### 3.") + "\n"
    recs = parse_text(md, "a.md").records
    res = find_duplicates(recs, DedupConfig())
    (c,) = res.clusters
    assert c["canonical"] == recs[1]["id"]  # the most complete answer
    res = find_duplicates(recs, DedupConfig(), {recs[1]["id"]: (1, 0)})
    assert res.clusters[0]["canonical"] == recs[0]["id"]  # a lint error loses; then the earliest
    res = find_duplicates(recs[::2], DedupConfig())
    assert res.clusters[0]["canonical"] == recs[0]["id"]  # exact tie: the earliest in source order


LONG = ("预训练是指在大规模未标注语料上训练模型，使其学习通用的语言表示。常见的预训练目标包括掩码语言模型和自回归语言模型。"
        "预训练完成后，模型可以在下游任务上进行微调，用较少的标注数据取得较好的效果。这种范式显著降低了对标注数据的依赖，"
        "也让同一个模型可以迁移到分类、抽取、生成等多种任务。")


def item(n, q, a):
    return f"### {n}. {q}\n\n**答案：** {a}\n\n"


def test_near_duplicates_with_light_edits_and_unrelated_items(tmp_path):
    edited = LONG.replace("显著降低了", "大大降低了").replace("多种任务", "多种不同任务")
    md = (item(1, "什么是预训练？", LONG) + item(2, "什么是预训练？", edited)
          + item(3, "什么是梯度裁剪？", "梯度裁剪在梯度范数超过阈值时按比例缩小梯度，用来防止梯度爆炸，常用于训练循环神经网络。")
          + item(4, "什么是 Dropout？", "Dropout 在训练时随机丢弃神经元，推理时使用完整网络，是一种正则化方法。"))
    recs = parse_text(md, "a.md").records
    res = find_duplicates(recs, DedupConfig())
    assert [(p.a, p.b, p.kind) for p in res.pairs] == [(0, 1, "near")]
    assert 0.8 <= res.pairs[0].jaccard < 1.0 and res.pairs[0].est_jaccard is not None
    assert res.conflicts == []
    word = find_duplicates(recs, DedupConfig(shingle="word:3"))  # the jieba word shingles still work
    assert [(p.a, p.b) for p in word.pairs] == [(0, 1)]


def test_exact_duplicates_ignore_markup_width_and_spacing():
    a = "### 1. 什么是ＢＥＲＴ？\n\n**答案：** **BERT** 是 双向 编码器。\n"
    b = "### 2. 什么是 bert？\n\n**答案：** BERT是双向编码器。\n"
    recs = parse_text(a + "\n" + b, "a.md").records
    assert normalize_for_dedup("ＢＥＲＴ **粗体**") == "bert 粗体"
    res = find_duplicates(recs, DedupConfig())
    assert [(p.kind, p.reason) for p in res.pairs] == [("exact", "exact-text")]


def test_short_texts_fall_back_to_character_shingles():
    recs = parse_text(item(1, "什么是过拟合？", "训练好，测试差。") + item(2, "什么是过拟合？", "训练好，测试差！") + item(3, "什么是欠拟合？", "训练测试都差。"), "a.md").records
    res = find_duplicates(recs, DedupConfig(shingle="word:3"))
    assert {(p.a, p.b) for p in res.pairs} == {(0, 1)}


def test_against_finds_training_records_in_an_eval_set(tmp_path):
    md = item(1, "什么是预训练？", LONG) + item(2, "什么是梯度裁剪？", "梯度裁剪在梯度范数超过阈值时按比例缩小梯度，用来防止梯度爆炸。")
    (tmp_path / "a.md").write_text(md, encoding="utf-8")
    evalset = tmp_path / "eval.jsonl"
    evalset.write_text(json.dumps({"id": "e1", "messages": [{"role": "user", "content": "什么是预训练？"},
                                                           {"role": "assistant", "content": LONG.replace("显著", "大大")}]}, ensure_ascii=False)
                       + "\n" + json.dumps({"id": "e2", "instruction": "什么是 ReLU？", "output": "一种激活函数。"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    res = CliRunner().invoke(main, ["dedup", str(tmp_path / "a.md"), "--against", str(evalset), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    hits = pq.read_table(tmp_path / "out" / "against.parquet").to_pylist()
    assert [(h["against_id"], h["kind"]) for h in hits] == [("e1", "near")]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["dedup", str(tmp_path / "a.md"), "--against", str(bad), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and "bad.jsonl:1: not JSON" in res.stderr


def test_outputs_are_identical_for_any_jobs_and_twice(tmp_path):
    outs = []
    for name, jobs in (("a", "1"), ("b", "2"), ("c", "2")):
        res = CliRunner().invoke(main, ["dedup", str(CORPUS), "-o", str(tmp_path / name), "--jobs", jobs])
        assert res.exit_code == 0, res.output
        outs.append({p.name: p.read_bytes() for p in (tmp_path / name).iterdir() if not p.name.startswith(".")})  # not the folder's lock
    assert outs[0] == outs[1] == outs[2]
    assert set(outs[0]) == {"dups.parquet", "clusters.parquet", "conflicts.parquet", "signatures.parquet", "dedup_report.json", "dedup_report.md",
                            "manifest.json"}
    rep = json.loads(outs[0]["dedup_report.json"])
    assert rep["summary"]["clusters"] == 10 and rep["clusters"][0]["members"][0]["source"].endswith(".txt")
    md = outs[0]["dedup_report.md"].decode("utf-8")
    assert md.index("## Same question, different answers") < md.index("## Duplicate clusters")  # judgement first
    assert {d["kind"] for d in pq.read_table(tmp_path / "a" / "dups.parquet").to_pylist()} <= {"exact", "near"}


def test_signatures_are_stable_across_processes():
    code = ("from qatool.dedup.minhash import word_shingles, minhash; "
            "print(minhash(word_shingles([['预训练', '模型', '很', '重要', 'bert']], 3), 8, 1)[0].tolist())")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONHASHSEED": s, "PATH": ""}).stdout
            for s in ("0", "1", "random")}
    assert len(outs) == 1
    here = minhash(word_shingles([["预训练", "模型", "很", "重要", "bert"]], 3), 8, 1)[0].tolist()
    assert outs.pop().strip() == str(here)


def test_minhash_estimates_jaccard():
    rng = np.random.default_rng(0)
    base = [f"w{i}" for i in rng.integers(0, 5000, 400)]
    other = base[:300] + [f"x{i}" for i in range(100)]
    sets = word_shingles([base, other], 1)
    true = jaccard(sets.get(0), sets.get(1))
    sig = minhash(sets, 512, 7)
    assert abs(float(np.mean(sig[0] == sig[1])) - true) < 0.07
    assert char_shingles(["abc"], 5).sizes().tolist() == [1]


def test_banding_favours_recall():
    b, r = optimal_bands(0.8, 128)
    assert (b, r) == (16, 8)
    assert 1 - (1 - 0.85 ** r) ** b > 0.99


def test_segmenter_keeps_domain_terms_and_agrees_with_jieba_on_the_corpus():
    seg = Segmenter()
    assert seg.cut("预训练模型可以缓解过拟合") == ["预训练模型", "可以", "缓解", "过拟合"]
    assert seg.backend == "rjieba"
    texts = [r["question"] + r["answer"] + (r["analysis"] or "") for r in parse_paths([CORPUS]).table.to_pylist()]
    assert all(seg.cut(t) == seg.cut_jieba(t) for t in texts)
    assert Segmenter(backend="jieba").cut("预训练模型（Fine-tuning）") == ["预训练模型", "fine", "tuning"]


def test_user_dictionary(tmp_path):
    d = tmp_path / "dict.txt"
    d.write_text("双塔召回模型\n", encoding="utf-8")
    assert "双塔召回模型" in Segmenter((d,)).cut("我们使用双塔召回模型")
    assert "双塔召回模型" not in Segmenter().cut("我们使用双塔召回模型")


def test_report_diffs_are_bounded_but_every_cluster_and_conflict_is_listed(tmp_path):
    full = tmp_path / "full"
    res = CliRunner().invoke(main, ["dedup", str(CORPUS), "-o", str(full), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    cut = tmp_path / "cut"
    res = CliRunner().invoke(main, ["dedup", str(CORPUS), "-o", str(cut), "--jobs", "1", "--report-diffs", "2"])
    assert res.exit_code == 0, res.output
    for name in ("dups.parquet", "clusters.parquet"):  # the data does not depend on the report's bound
        assert (full / name).read_bytes() == (cut / name).read_bytes()
    whole, part = (json.loads((d / "dedup_report.json").read_text(encoding="utf-8")) for d in (full, cut))
    assert len(part["clusters"]) == len(whole["clusters"]) == 10 and len(part["conflicts"]) == len(whole["conflicts"]) > 2
    assert [c["diff_shown"] for c in part["clusters"]] == [True, True] + [False] * 8
    assert [c["reasons"] != ["exact-text"] for c in part["clusters"]] == [True, True] + [False] * 8  # near clusters first
    assert part["clusters"][:2] == whole["clusters"][:2]
    assert all(c["diffs"] == [] and c["members"] == w["members"] for c, w in zip(part["clusters"][2:], whole["clusters"][2:]))
    assert part["conflicts"][:2] == whole["conflicts"][:2]
    late = part["conflicts"][2]
    assert not late["text_shown"] and late["answers"][0]["answer"] is None
    assert late["answers"][0]["question"] == whole["conflicts"][2]["answers"][0]["question"] and late["members"] == whole["conflicts"][2]["members"]
    md = (cut / "dedup_report.md").read_text(encoding="utf-8")
    assert "Diffs are shown for the first 2 clusters and answers for the first 2 conflict groups" in md
    assert md.count("```diff") < (full / "dedup_report.md").read_text(encoding="utf-8").count("```diff")
    assert "Diffs are shown" not in (full / "dedup_report.md").read_text(encoding="utf-8")


def test_finding_counts_are_the_same_from_rows_and_from_a_table():
    import pyarrow as pa

    from qatool.dedup import finding_counts

    rows = [{"record_id": "r1", "severity": "error"}, {"record_id": "r1", "severity": "warning"},
            {"record_id": "r1", "severity": "error"}, {"record_id": "r2", "severity": "info"},
            {"record_id": "r3", "severity": "warning"}, {"record_id": "", "severity": "error"},
            {"record_id": None, "severity": "error"}]
    want = {"r1": (2, 1), "r3": (0, 1)}
    assert finding_counts(rows) == want
    table = pa.Table.from_pylist(rows, schema=pa.schema([("record_id", pa.string()), ("severity", pa.string())]))
    assert finding_counts(table) == want
    assert finding_counts(table.slice(0, 0)) == {}
