"""The decisions dedup makes about what a training set keeps, pinned at their edges: the canonical
member (errors before warnings, then completeness, then source order) and the thresholds (a pair
at exactly the threshold is a duplicate, one just below is not)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from qatool.dedup import DedupConfig, find_duplicates
from qatool.dedup.groups import _clusters, canonical_key, finding_counts
from qatool.dedup.model import Pair
from qatool.parse import parse_text

DROPOUT = ("训练时以一定概率随机丢弃神经元的输出，从而减少神经元之间的共适应，是一种常用的正则化方法，"
           "可以缓解深度网络的过拟合问题。")


def three_copies() -> list[dict]:
    md = "".join(f"### {n}. 什么是 Dropout？\n\n**答案：** {DROPOUT}\n\n" for n in (1, 2, 3))
    return parse_text(md, "a.md").records


def canonical(recs, counts):
    (c,) = find_duplicates(recs, DedupConfig(), counts).clusters
    return recs.index(next(r for r in recs if r["id"] == c["canonical"]))


def test_errors_count_before_warnings():
    recs = three_copies()
    ids = [r["id"] for r in recs]
    # one error and no warning loses to no error and three warnings
    assert canonical(recs, {ids[0]: (1, 0), ids[1]: (0, 3), ids[2]: (1, 0)}) == 1
    # among equal errors, fewer warnings wins
    assert canonical(recs, {ids[0]: (1, 2), ids[1]: (1, 3), ids[2]: (1, 1)}) == 2
    # a clean record wins over any flagged one, wherever it is
    assert canonical(recs, {ids[0]: (0, 1), ids[1]: (0, 1)}) == 2
    # no findings anywhere: the earliest
    assert canonical(recs, {}) == 0


def test_canonical_key_order_and_completeness():
    counts = {"a": (0, 2), "b": (1, 0), "c": (0, 0)}
    assert canonical_key("a", counts, 5, 10) == (0, 2, -10, 5)
    assert canonical_key("z", counts, 1, 3) == (0, 0, -3, 1)  # unknown ids have no findings
    ranked = sorted(["a", "b", "c"], key=lambda r: canonical_key(r, counts, 0, 0))
    assert ranked == ["c", "a", "b"]
    # more complete wins over earlier, fewer findings win over more complete
    assert min(range(3), key=lambda i: canonical_key("x", {}, i, [5, 9, 9][i])) == 1
    assert min(["a", "c"], key=lambda r: canonical_key(r, counts, 0, {"a": 100, "c": 1}[r])) == "c"


def test_clusters_members_canonical_and_similarity_range():
    ids = {0: "r0", 1: "r1", 2: "r2", 3: "r3"}
    pairs = [Pair(0, 1, "near", "near-text", 0.85, 0.9), Pair(1, 2, "near", "near-text", 0.8, 0.82),
             Pair(0, 2, "near", "near-text", 0.8, 0.8)]
    (c,) = _clusters(4, ids, pairs, {"r0": (0, 1)}, np.array([10, 10, 10, 10]))
    assert c["members"] == ["r0", "r1", "r2"] and c["canonical"] == "r1" and c["size"] == 3
    assert c["min_jaccard"] == 0.82 and c["max_jaccard"] == 0.9  # to the canonical: 0-1 and 1-2
    assert c["reasons"] == ["near-text"] and c["cluster_id"] == "c00001"
    # the indices the dedup report reads (which member is the canonical, whose diff base it is)
    assert c["members_idx"] == [0, 1, 2] and c["canonical_idx"] == 1


def test_clusters_are_ordered_most_consequential_first():
    """Several clusters: the largest first (it removes the most records), then the most similar
    (a similarity of 0.0 still sorts below 0.5), then source order of the first member; the cluster
    ids follow that order, so the report and clusters.parquet list them so."""
    ids = {i: f"r{i:02d}" for i in range(11)}
    pairs = [Pair(0, 6, "near", "near-text", 0.9, 0.9), Pair(1, 2, "near", "near-text", 0.9, 0.9),
             Pair(3, 4, "near", "near-text", 0.8, 0.8), Pair(4, 5, "near", "near-answer", 0.85, 0.85),
             Pair(7, 8, "near", "same-answer", 0.0, 0.0), Pair(9, 10, "exact", "exact-text", 1.0, 0.95)]
    out = _clusters(11, ids, pairs, {}, np.full(11, 10))
    assert [c["members"] for c in out] == [["r03", "r04", "r05"], ["r09", "r10"], ["r00", "r06"], ["r01", "r02"], ["r07", "r08"]]
    assert [c["cluster_id"] for c in out] == ["c00001", "c00002", "c00003", "c00004", "c00005"]
    assert [c["max_jaccard"] for c in out] == [0.8, 0.95, 0.9, 0.9, 0.0]
    big = out[0]  # 3 is the canonical (earliest); 5 has no pair with it, so only 3-4 measures the range
    assert big["canonical"] == "r03" and big["min_jaccard"] == big["max_jaccard"] == 0.8
    assert big["reasons"] == ["near-answer", "near-text"] and big["size"] == 3


def test_finding_counts_split_errors_and_warnings():
    fs = [{"record_id": "a", "severity": "error"}, {"record_id": "a", "severity": "warning"},
          {"record_id": "a", "severity": "warning"}, {"record_id": "b", "severity": "info"},
          {"record_id": None, "severity": "error"}, {"record_id": "c", "severity": "error"}]
    assert finding_counts(fs) == {"a": (1, 2), "c": (1, 0)}


def test_finding_counts_from_findings_objects_and_an_arrow_table():
    import pyarrow as pa

    from qatool.lint.model import Finding

    rows = [("a", "error"), ("a", "warning"), ("a", "warning"), ("b", "info"), ("", "error"), ("c", "error"),
            ("c", "error"), ("d", "warning")]
    objs = [Finding("X1", "x", sev, "m", "p.md", 1, 1, 1, 2, rid or None) for rid, sev in rows]
    want = {"a": (1, 2), "c": (2, 0), "d": (0, 1)}
    assert finding_counts(objs) == want
    table = pa.table({"record_id": [r for r, _ in rows], "severity": [s for _, s in rows], "code": ["X1"] * len(rows)})
    assert finding_counts(table) == want


# ---------------------------------------------------------------------------------------- thresholds

BASE = ("预训练是指在大规模未标注语料上训练模型，使其学习通用的语言表示。常见的预训练目标包括掩码语言模型和自回归语言模型。"
        "预训练完成后，模型可以在下游任务上进行微调，用较少的标注数据取得较好的效果。")
EDITED = BASE.replace("较好的效果", "更好的结果")


def _pair_jaccard(recs, **kw) -> float:
    res = find_duplicates(recs, DedupConfig(threshold=0.3, **kw))
    (p,) = [p for p in res.pairs if (p.a, p.b) == (0, 1)]
    return p.jaccard


@pytest.mark.parametrize("q1, q2", [("什么是预训练？", "请解释模型训练中的冷启动问题。")])
def test_a_pair_at_exactly_the_text_threshold_is_a_duplicate(q1, q2):
    """Different questions, near answers: only the text Jaccard links them."""
    md = f"### 1. {q1}\n\n**答案：** {BASE}\n\n### 2. {q2}\n\n**答案：** {EDITED}\n"
    recs = parse_text(md, "a.md").records
    j = _pair_jaccard(recs)
    assert 0.3 < j < 1
    at = find_duplicates(recs, DedupConfig(threshold=j))
    assert [(p.a, p.b) for p in at.pairs] == [(0, 1)] and at.pairs[0].jaccard == j
    above = find_duplicates(recs, DedupConfig(threshold=math.nextafter(j, 1)))
    assert above.pairs == [] and above.clusters == []


def test_same_question_answers_at_exactly_the_threshold_are_duplicates():
    """Same question: the answers' Jaccard (or containment) decides; at the threshold, a duplicate;
    just above it, a conflict group instead."""
    md = f"### 1. 什么是预训练？\n\n**答案：** {BASE}\n\n### 2. 什么是预训练？\n\n**答案：** {EDITED}\n"
    recs = parse_text(md, "a.md").records
    loose = find_duplicates(recs, DedupConfig(threshold=0.3))
    (p,) = loose.pairs
    level = max(p.answer_jaccard or 0, p.answer_containment or 0, p.jaccard)
    at = find_duplicates(recs, DedupConfig(threshold=level))
    assert [(q.a, q.b) for q in at.pairs] == [(0, 1)] and at.conflicts == []
    above = find_duplicates(recs, DedupConfig(threshold=math.nextafter(level, 1)))
    assert above.pairs == [] and len(above.conflicts) == 1


def test_question_threshold_boundary():
    """Two questions whose question-text Jaccard is exactly the question threshold are one group."""
    from qatool.dedup.candidates import question_edges
    from qatool.dedup.sketch import resolved_backend, sketch_records

    md = ("### 1. 请解释一下什么是预训练语言模型以及它的作用？\n\n**答案：** 甲。\n\n"
          "### 2. 请解释一下什么是预训练语言模型以及它的用途？\n\n**答案：** 乙。\n")
    recs = parse_text(md, "a.md").records
    cfg = DedupConfig(question_threshold=0.3)
    sk = sketch_records(recs, cfg, resolved_backend(cfg))
    edges, kind, qj = question_edges(sk, cfg)
    text = [float(j) for e, k, j in zip(edges.tolist(), kind.tolist(), qj.tolist()) if k == 1 and e == [0, 1]]
    assert text and 0.3 < text[0] < 1
    for q, linked in ((text[0], True), (math.nextafter(text[0], 1), False)):
        cfg = DedupConfig(question_threshold=q)
        sk = sketch_records(recs, cfg, resolved_backend(cfg))
        e, k, _ = question_edges(sk, cfg)
        assert ([0, 1] in [x for x, y in zip(e.tolist(), k.tolist()) if y == 1]) is linked, q


# ------------------------------------------------------------------------------ same-question rounds

CLIP = "梯度裁剪在梯度范数超过阈值时按比例缩小梯度，用来防止梯度爆炸，常用于训练循环神经网络和大型语言模型。"
FT = "微调是在预训练模型的基础上，用下游任务的标注数据继续训练，使模型适应具体任务。"
LORA = "LoRA 冻结原模型权重，只训练插入的低秩矩阵，用很少的参数量完成适配，显存占用也更低。"


def _rounds_inputs():
    from qatool.dedup.candidates import question_edges
    from qatool.dedup.groups import components
    from qatool.dedup.sketch import resolved_backend, sketch_records

    md = (f"### 1. 什么是预训练？\n\n**答案：** {BASE}\n\n### 2. 什么是预训练？\n\n**答案：** {EDITED}\n\n"
          f"### 3. 什么是预训练？\n\n**答案：** {CLIP}\n\n### 4. 什么是微调？\n\n**答案：** {FT}\n\n"
          f"### 5. 什么是微调？\n\n**答案：** {LORA}\n\n### 6. 什么是 Dropout？\n\n**答案：** {DROPOUT}\n")
    recs = parse_text(md, "a.md").records
    cfg = DedupConfig()
    sk = sketch_records(recs, cfg, resolved_backend(cfg))
    edges, kind, _ = question_edges(sk, cfg)
    label = components(len(recs), edges)
    return recs, cfg, sk, edges, kind, label


def test_question_edges_link_equal_questions_by_key():
    recs, cfg, sk, edges, kind, label = _rounds_inputs()
    assert label.tolist() == [0, 0, 0, 3, 3, 5]
    assert edges.dtype == np.int64 and kind.dtype == np.int8
    keyed = sorted(tuple(e) for e, k in zip(edges.tolist(), kind.tolist()) if k == 0)
    assert keyed == [(0, 1), (0, 2), (3, 4)]  # a star from each question's first record


def test_answer_rounds_compare_each_member_with_one_leader_per_round():
    from qatool.dedup.candidates import answer_rounds

    recs, cfg, sk, edges, kind, label = _rounds_inputs()
    sizes = np.bincount(label, minlength=len(recs))
    members = np.flatnonzero(sizes[label] > 1)
    (rep, mem, jac, cont, est), (rep_lab, rep_idx) = answer_rounds(label, members, sk, cfg)
    # round 1: records 0 and 3 lead their groups; 1 matches 0. Round 2: 2 and 4 are left and lead.
    assert rep.tolist() == [0] and mem.tolist() == [1] and rep.dtype == np.int64 and mem.dtype == np.int64
    assert jac[0] >= cfg.threshold or cont[0] >= cfg.threshold
    assert len(jac) == len(cont) == len(est) == 1 and 0 < jac[0] <= cont[0] and est[0] > 0  # Jaccard <= containment
    # the answers' Jaccard is the one the pair reports (answer_jaccard), and here below the containment
    (pair,) = [p for p in find_duplicates(recs, cfg).pairs if (p.a, p.b) == (0, 1)]
    assert jac[0] == pytest.approx(pair.answer_jaccard) and jac[0] < cont[0] == pytest.approx(pair.answer_containment)
    assert rep_lab.tolist() == [0, 3, 0, 3] and rep_idx.tolist() == [0, 3, 2, 4]
    one = answer_rounds(label, members, sk, DedupConfig(representatives=1))
    assert one[1][1].tolist() == [0, 3]
    (rep, mem, jac, cont, est), (rep_lab, rep_idx) = answer_rounds(label, np.zeros(0, np.int64), sk, cfg)
    assert [len(x) for x in (rep, mem, jac, cont, est, rep_lab, rep_idx)] == [0] * 7
    assert rep.dtype == mem.dtype == rep_lab.dtype == rep_idx.dtype == np.int64


def test_question_edges_report_the_jaccard_of_text_edges_only():
    recs, cfg, sk, edges, kind, label = _rounds_inputs()
    from qatool.dedup.candidates import question_edges

    _, _, qj = question_edges(sk, cfg)
    assert qj.dtype == np.float64 and len(qj) == len(kind)
    assert np.isnan(qj[kind == 0]).all() and (qj[kind == 1] >= cfg.question_threshold).all()


def _sketch(md: str, cfg):
    from qatool.dedup.sketch import resolved_backend, sketch_records

    recs = parse_text(md, "q.md").records
    return recs, sketch_records(recs, cfg, resolved_backend(cfg))


# two phrasings of one question (question-text Jaccard about 0.62) under different keys
REPHRASED = ("什么是预训练语言模型中的掩码语言建模？", "预训练语言模型中的掩码语言建模是什么意思？")


def test_question_candidates_are_banded_for_the_question_threshold():
    """A pair of questions above a low question threshold is found by the question LSH (banded for
    that threshold), not left to the text LSH, whose bands are tuned for the stricter text threshold
    and would miss it."""
    from qatool.dedup.candidates import question_edges
    from qatool.dedup.minhash import jaccard_many

    md = f"### 1. {REPHRASED[0]}\n\n**答案：** 甲。\n\n### 2. {REPHRASED[1]}\n\n**答案：** 乙。\n"
    cfg = DedupConfig(question_threshold=0.5)
    recs, sk = _sketch(md, cfg)
    j = float(jaccard_many(sk.qsets, np.array([0]), sk.qsets, np.array([1]))[0])
    assert 0.5 < j < 0.7
    edges, kind, qj = question_edges(sk, cfg)
    assert edges.tolist() == [[0, 1]] and kind.tolist() == [1] and qj.tolist() == [j]


def test_question_candidates_come_from_the_engine_when_it_groups_them():
    """An engine that groups LSH keys itself (Ray) is asked for the question candidates, with the
    question bands; the pairs it proposes are the ones verified."""
    from qatool.dedup.candidates import question_edges
    from qatool.dedup.minhash import candidate_pairs

    class Grouping:
        def __init__(self, propose: bool):
            self.propose, self.shapes = propose, []

        def candidates(self, keys):
            self.shapes.append(keys.shape)
            return candidate_pairs(keys) if self.propose else np.zeros((0, 2), np.int64)

    md = f"### 1. {REPHRASED[0]}\n\n**答案：** 甲。\n\n### 2. {REPHRASED[1]}\n\n**答案：** 乙。\n"
    cfg = DedupConfig(question_threshold=0.5)
    recs, sk = _sketch(md, cfg)
    engine = Grouping(True)
    assert question_edges(sk, cfg, engine)[0].tolist() == [[0, 1]]
    assert engine.shapes == [(2, cfg.question_bands_rows()[0])]
    assert question_edges(sk, cfg, Grouping(False))[0].tolist() == []  # nothing proposed: nothing linked


def test_generic_questions_are_not_the_same_question():
    """Two items that only ask 如何计算？ name no question: their question texts are empty (two empty
    sets have Jaccard 1.0), yet they are not one question, so their different answers are neither a
    conflict nor a duplicate."""
    from qatool.dedup.candidates import question_edges

    md = ("### 1. 如何计算？\n\n**答案：** 先把所有数相加，再除以个数，得到平均值。\n\n"
          "### 2. 如何计算？\n\n**答案：** 用矩阵乘法一次算出所有位置之间的注意力分数。\n")
    cfg = DedupConfig()
    recs, sk = _sketch(md, cfg)
    assert sk.qsets.sizes().tolist() == [0, 0]
    assert question_edges(sk, cfg)[0].tolist() == []
    res = find_duplicates(recs, cfg)
    assert res.pairs == [] and res.conflicts == []


def test_an_answer_estimate_exactly_the_margin_below_the_threshold_is_checked_exactly(monkeypatch):
    """The MinHash estimate only pre-selects: a pair estimated exactly `ESTIMATE_MARGIN` below the
    threshold is still verified exactly (and matches when its exact similarity is above the
    threshold); one estimated just below that is not looked at."""
    from qatool.dedup import candidates
    from qatool.dedup.candidates import _answer_estimate, _answer_exact, answer_rounds

    md = f"### 1. 什么是预训练？\n\n**答案：** {BASE}\n\n### 2. 什么是预训练？\n\n**答案：** {BASE + CLIP}\n"
    t = 0.7
    cfg = DedupConfig(threshold=t)
    recs, sk = _sketch(md, cfg)
    m, r = np.array([1]), np.array([0])
    est = float(_answer_estimate(sk, m, r)[0])
    jac, cont = _answer_exact(sk, m, r)
    assert est < t <= max(jac[0], cont[0])  # the estimate is below the threshold, the exact similarity above
    margin = t - est
    while t - margin < est:
        margin = math.nextafter(margin, 0)
    while t - margin > est:
        margin = math.nextafter(margin, 1)
    assert t - margin == est
    label, members = np.array([0, 0]), np.array([0, 1])
    monkeypatch.setattr(candidates, "ESTIMATE_MARGIN", margin)
    (rep, mem, *_), _ = answer_rounds(label, members, sk, cfg)
    assert rep.tolist() == [0] and mem.tolist() == [1]
    below = margin
    while t - below == est:  # the next smaller margin that puts the estimate below the edge
        below = math.nextafter(below, 0)
    monkeypatch.setattr(candidates, "ESTIMATE_MARGIN", below)
    (rep, mem, *_), _ = answer_rounds(label, members, sk, cfg)
    assert rep.tolist() == [] and mem.tolist() == []
