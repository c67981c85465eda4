"""The vectorised dedup pieces agree with their plain definitions, and how records are fed to dedup
(list, Table, streamed Parquet file, batch size) changes nothing in its result."""
from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import numpy as np
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qatool.cli import main
from qatool.common.normalize import nfkc
from qatool.common.records import ParquetRows
from qatool.dedup import DedupConfig, find_duplicates, normalize_for_dedup
from qatool.dedup.minhash import _codepoints, bands_for_recall, bucket_pairs, jaccard, jaccard_many, joined_token_hashes, token_hashes, word_shingles
from qatool.dedup.tokenize import normalise_tokens
from qatool.parse import parse_paths, write_records

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# Chinese, Latin (both cases), digits, full-width forms, punctuation, combining marks, spaces
CHARS = st.sampled_from(list("预训练模型的原理是什么abcXYZ019ＢＥＲＴ１２，：（）？；！。、“”《》 -_\t\u0301\u0338=<>ﬁ㎏"))
TEXT = st.text(CHARS, max_size=40) | st.text(max_size=40)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_fast_nfkc_is_nfkc(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


RAW_TOKEN = st.text(st.sampled_from(list("预训练模型abcXY01，。 -_é")), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(RAW_TOKEN, max_size=30))
def test_token_hashes_from_code_points_match_normalised_tokens(raw):
    raw = [t.casefold() for t in raw]  # dedup segments case-folded text
    th, starts = joined_token_hashes(_codepoints("\x00".join(raw)))
    expected, _ = token_hashes([normalise_tokens(raw)])
    assert th.tolist() == expected.tolist()
    assert len(starts) == len(th)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), max_size=12), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=20), st.integers(1, 5))
def test_jaccard_many_is_pairwise_jaccard(docs, pairs, chunk):
    sets = word_shingles(docs, 1)
    pairs = [(a % len(docs), b % len(docs)) for a, b in pairs]
    ia, ib = np.array([p[0] for p in pairs], dtype=np.int64), np.array([p[1] for p in pairs], dtype=np.int64)
    got = jaccard_many(sets, ia, sets, ib, chunk=chunk)
    assert np.allclose(got, [jaccard(sets.get(a), sets.get(b)) for a, b in pairs])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=2, max_size=2), min_size=1, max_size=40), st.integers(2, 6))
def test_bucket_pairs_are_pairs_sharing_a_key(rows, max_group):
    keys = np.array(rows, dtype=np.uint64)
    got = {tuple(p) for p in bucket_pairs(keys, max_group).tolist()}
    expected = set()
    for col in range(keys.shape[1]):
        for value in set(keys[:, col].tolist()):
            members = sorted(np.flatnonzero(keys[:, col] == value).tolist())
            if len(members) > max_group:  # a large bucket is linked as a star on its first member
                expected.update((members[0], m) for m in members[1:])
            else:
                expected.update(itertools.combinations(members, 2))
    assert got == expected


def _summary(res):
    return ([(p.a, p.b, p.kind, p.reason, round(p.jaccard, 9), p.question_jaccard, p.answer_jaccard) for p in res.pairs],
            [(c["members_idx"], c["answers_idx"], c["answer_counts"], c["distinct_answers"]) for c in res.conflicts],
            [(c["members"], c["canonical"]) for c in res.clusters])


def test_result_does_not_depend_on_how_records_are_fed(tmp_path):
    parsed = parse_paths([CORPUS])
    write_records(parsed, tmp_path)
    records = parsed.table.to_pylist()
    base = _summary(find_duplicates(records, DedupConfig()))
    assert base[0]  # the corpus has duplicates: the comparison below is not vacuous
    assert _summary(find_duplicates(records, DedupConfig(), batch=7)) == base
    assert _summary(find_duplicates(parsed.table, DedupConfig(), batch=13)) == base
    streamed = find_duplicates(ParquetRows(tmp_path / "records.parquet"), DedupConfig(), batch=11)
    assert _summary(streamed) == base
    assert streamed.records[streamed.pairs[0].a]["question"] == records[base[0][0][0]]["question"]


def test_dedup_records_file_is_streamed_and_a_bad_file_is_a_usage_error(tmp_path):
    parsed = parse_paths([CORPUS])
    write_records(parsed, tmp_path)
    res = CliRunner().invoke(main, ["dedup", "--records", str(tmp_path / "records.parquet"), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert "10 clusters remove 10 of 140 records" in res.output
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    res = CliRunner().invoke(main, ["dedup", "--records", str(bad), "-o", str(tmp_path / "out2")])
    assert res.exit_code == 2 and "bad.parquet: not a readable records Parquet file" in res.stderr


def test_scopes_and_character_shingles():
    long_a = "预训练是指在大规模未标注语料上训练模型，使其学习通用的语言表示，之后在下游任务上微调，用较少的标注数据取得较好的效果。" * 2
    long_b = "梯度裁剪在梯度范数超过阈值时按比例缩小梯度，用来防止梯度爆炸，常用于训练循环神经网络，也用于训练大型语言模型。" * 2
    recs = [{"id": f"r{k}", "question": q, "answer": a, "analysis": None, "source": "a.md", "line_start": k, "content_hash": str(k)}
            for k, (q, a) in enumerate([("什么是预训练？", long_a), ("预训练是什么意思？", long_a.replace("较好", "更好")),
                                        ("什么是梯度裁剪？", long_b)])]
    by_answer = find_duplicates(recs, DedupConfig(scope="answer"))
    assert [(p.a, p.b) for p in by_answer.pairs] == [(0, 1)]
    by_question = find_duplicates(recs, DedupConfig(scope="question"))
    assert by_question.pairs == []  # differently worded questions
    chars = find_duplicates(recs, DedupConfig(shingle="char:5", scope="answer"))
    assert [(p.a, p.b) for p in chars.pairs] == [(0, 1)]
    # character shingles see letters, digits and CJK only: white space and punctuation are not content
    grams = [{t[i:i + 5] for i in range(len(t) - 4)} for t in (re.sub(r"[\W_]+", "", normalize_for_dedup(r["answer"])) for r in recs[:2])]
    assert abs(chars.pairs[0].jaccard - len(grams[0] & grams[1]) / len(grams[0] | grams[1])) < 1e-9


def test_control_characters_are_not_content():
    assert normalize_for_dedup("预训练\x01模型\x02") == normalize_for_dedup("预训练 模型")


@settings(max_examples=60, deadline=None)
@given(st.floats(0.5, 0.97), st.sampled_from([64, 128, 256]))
def test_bands_for_recall_are_the_longest_that_keep_the_recall(threshold, num_perm):
    bands, rows = bands_for_recall(threshold, num_perm, 0.99)
    recall = lambda b, r: 1 - (1 - threshold ** r) ** b  # noqa: E731
    assert bands * rows <= num_perm and recall(bands, rows) >= 0.99
    assert all(recall(num_perm // r, r) < 0.99 for r in range(rows + 1, num_perm + 1))
