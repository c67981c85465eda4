"""Export: cleaning, quarantine with reasons, formats, the split, decisions, the data card, and the
whole `qatool run` on the corpus."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.export import ExportConfig, RunOutputs, export_records, format_line, load_inputs
from qatool.export.clean import Cleaner
from qatool.review.decisions import Decisions, DecisionsError

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
FIXTURE = ROOT / "tests" / "fixtures" / "export" / "basic"
OUT_FILES = ["records.parquet", "findings.parquet", "dups.parquet", "clusters.parquet", "dedup_report.md",
             "dedup_report.json", "train.jsonl", "val.jsonl", "quarantine.jsonl", "export_audit.json", "dataset_info.json",
             "DATASET.md", "review.html"]


def run_cli(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def exported(out: Path) -> list[dict]:
    return jsonl(out / "train.jsonl") + jsonl(out / "val.jsonl")


def assistant(line: dict) -> str:
    return next(m["content"] for m in line["messages"] if m["role"] == "assistant")


@pytest.fixture(scope="module")
def fixture_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fx")
    code, _, err = run_cli("run", str(FIXTURE), "-o", str(out), "--no-progress", "--jobs", "1")
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    code, stdout, err = run_cli("run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "1")
    assert code == 0, err
    assert "exported" in stdout and "quarantined" in stdout and "time: total" in stdout
    return out


# ------------------------------------------------------------------------------------------ cleaning

@pytest.mark.parametrize("dirty, clean, codes", [
    ("预训练在大规模数据上进行。<|vq_14174|>", "预训练在大规模数据上进行。", ("FM001",)),
    ("模型输出 <|im_end|> 后停止。", "模型输出  后停止。", ("FM001",)),
    ("答案正文。如果你有任何问题，请随时在评论区留言！", "答案正文。", ("FM007",)),
    ("正文一。\n\n码字不易，点赞收藏关注一下吧。\n\n正文二。", "正文一。\n\n正文二。", ("FM007",)),
    ("- **稀疏性： L1 正则化产生稀疏解。", "- **稀疏性：** L1 正则化产生稀疏解。", ("FM003",)),
    ("#### 解析：** 正则化限制模型复杂度。", "**解析：** 正则化限制模型复杂度。", ("FM002",)),
    ("行尾空格   \n\n\n\n下一段", "行尾空格\n\n下一段", ()),
])
def test_cleaner_repairs_what_the_linter_flags(dirty, clean, codes):
    assert Cleaner().clean(dirty) == (clean, codes)


@pytest.mark.parametrize("text", [
    "文本以 `<|endoftext|>` 标记结束。",
    "```python\ntok = '<|endoftext|>'\n\n\n\nprint(tok)\n```",
    "评论区是论坛帖子下方的讨论区域。",
    "计算 `2 ** 3` 等于 8，**加粗**保持不变。",
    "| 列 | 值 |\n| --- | --- |\n| a | $x^2$ |",
])
def test_cleaner_leaves_content_alone(text):
    assert Cleaner().clean(text) == (text, ())


# -------------------------------------------------------------------------------------- the fixture

def test_every_record_is_exported_or_quarantined(fixture_out):
    import pyarrow.parquet as pq

    ids = [r["id"] for r in pq.read_table(fixture_out / "records.parquet").to_pylist()]
    out_ids = [line["id"] for line in exported(fixture_out)]
    q_ids = [q["id"] for q in jsonl(fixture_out / "quarantine.jsonl")]
    assert sorted(out_ids + q_ids) == sorted(ids)
    assert not set(out_ids) & set(q_ids)
    card = (fixture_out / "DATASET.md").read_text(encoding="utf-8")
    assert f"{len(ids)} records = {len(out_ids)} exported" in card and f"+ {len(q_ids)} quarantined" in card


def test_quarantine_reasons(fixture_out):
    q = {line["question"]: line for line in jsonl(fixture_out / "quarantine.jsonl")}
    # recall given precision's definition: a factual error, quarantined with its rule and line
    assert q["什么是召回率？"]["reasons"] == ["finding:FC101"]
    assert "FC101 line 13" in q["什么是召回率？"]["details"][0]
    # item 6 repeats item 4 verbatim: the later one is the duplicate
    dup = next(v for v in jsonl(fixture_out / "quarantine.jsonl") if v["reasons"][0].startswith("duplicate_of:"))
    assert dup["line_start"] == 37
    kept = dup["reasons"][0].split(":", 1)[1]
    assert kept in {line["id"] for line in exported(fixture_out)}


def test_exported_text_is_clean_but_keeps_code(fixture_out):
    cleaner = Cleaner()
    lines = exported(fixture_out)
    for line in lines:
        for m in line["messages"]:
            assert not [f for f in cleaner.findings(m["content"]) if f.code in ("FM001", "FM007")], m["content"]
    text = "\n".join(assistant(line) for line in lines)
    assert "<|vq_2048|>" not in text and "希望本文对您有所帮助" not in text
    assert "`<|endoftext|>`" in text  # code is content
    assert "* **停止条件：** 也可以" in text  # unbalanced bold repaired
    assert "常见的缓解方法包括增加训练数据" in text  # the sentence after the leaked token survives


def test_same_question_conflict_is_kept_and_stays_on_one_side(tmp_path):
    code, _, err = run_cli("run", str(FIXTURE), "-o", str(tmp_path), "--no-progress", "--jobs", "1", "--val-ratio", "0.5")
    assert code == 0, err
    train = {line["id"] for line in jsonl(tmp_path / "train.jsonl")}
    val = {line["id"] for line in jsonl(tmp_path / "val.jsonl")}
    gd = [line["id"] for line in exported(tmp_path) if line["messages"][0]["content"] == "什么是梯度下降？"]
    assert len(gd) == 2  # a conflict is flagged for review, never dropped by itself
    # exactly the side of the group's key (its smallest id), not "both on one side" (which chance gives half the time)
    from tests.export.test_split_accounting import bucket

    assert set(gd) <= (val if bucket(min(gd)) < 0.5 else train)


def test_keep_flagged_exports_flagged_records(fixture_out, tmp_path):
    for name in ("records.parquet", "findings.parquet", "dups.parquet", "clusters.parquet", "manifest.json"):
        shutil.copy(fixture_out / name, tmp_path / name)
    code, stdout, err = run_cli("export", "-o", str(tmp_path), "--keep-flagged")
    assert code == 0, err
    assert "什么是召回率？" in {line["messages"][0]["content"] for line in exported(tmp_path)}
    assert all(q["reasons"][0].startswith("duplicate_of:") for q in jsonl(tmp_path / "quarantine.jsonl"))


# --------------------------------------------------------------------------------------------- formats

REC = {"id": "0123456789abcdef", "source": "a.md", "question": "问？", "answer": "答。", "analysis": "析。"}


def test_formats():
    msg = format_line(REC, ExportConfig(system="你是助手。"))
    assert msg == {"id": REC["id"], "source": "a.md", "messages": [
        {"role": "system", "content": "你是助手。"}, {"role": "user", "content": "问？"},
        {"role": "assistant", "content": "答。\n\n**解析：** 析。"}]}
    alp = format_line(REC, ExportConfig(format="alpaca", with_analysis="drop", meta=False))
    assert alp == {"instruction": "问？", "input": "", "output": "答。"}
    sg = format_line(REC, ExportConfig(format="sharegpt", with_analysis="field"))
    assert sg["conversations"] == [{"from": "human", "value": "问？"}, {"from": "gpt", "value": "答。"}]
    assert sg["analysis"] == "析。"
    with pytest.raises(ValueError):
        ExportConfig(format="csv")


@pytest.mark.parametrize("fmt", ["messages", "alpaca", "sharegpt"])
def test_exported_files_load_with_datasets(fixture_out, tmp_path, fmt):
    datasets = pytest.importorskip("datasets")
    for name in ("records.parquet", "findings.parquet", "dups.parquet", "clusters.parquet", "manifest.json"):
        shutil.copy(fixture_out / name, tmp_path / name)
    code, _, err = run_cli("export", "-o", str(tmp_path), "--format", fmt, "--system", "你是面试官。", "--val-ratio", "0.3")
    assert code == 0, err
    files = {"train": str(tmp_path / "train.jsonl")}
    if jsonl(tmp_path / "val.jsonl"):
        files["validation"] = str(tmp_path / "val.jsonl")
    ds = datasets.load_dataset("json", data_files=files, cache_dir=str(tmp_path / "hf"))
    n = sum(len(ds[k]) for k in ds)
    assert n == len(exported(tmp_path))
    row = ds["train"][0]
    key = {"messages": "messages", "alpaca": "instruction", "sharegpt": "conversations"}[fmt]
    assert key in row and row["id"] and row["source"] == "qa.md"
    info = json.loads((tmp_path / "dataset_info.json").read_text(encoding="utf-8"))
    assert info["qatool_train"]["file_name"] == "train.jsonl"
    if fmt != "alpaca":
        assert info["qatool_train"]["formatting"] == "sharegpt"


# ----------------------------------------------------------------------------------------------- split

def _inputs(n: int) -> RunOutputs:
    recs = [{"id": f"{i:016x}", "source": "s.md", "question": f"问题{i}？", "answer": f"第{i}题的答案是一句完整的话。", "analysis": None,
             "content_hash": f"{i:064x}", "line_start": i, "line_end": i} for i in range(n)]
    return RunOutputs(recs)


def test_split_is_stable_when_records_are_added():
    cfg = ExportConfig(val_ratio=0.3)
    small = export_records(_inputs(200), cfg)
    big = export_records(_inputs(400), cfg)
    val_small = {line["id"] for line in small.val}
    val_big = {line["id"] for line in big.val}
    assert val_small and val_small == {i for i in val_big if int(i, 16) < 200}
    assert 0.2 < len(val_big) / 400 < 0.4


def test_invalid_records_are_quarantined():
    inp = _inputs(3)
    inp.invalid = [{"record": {"id": "bad", "source": "s.md", "line_start": 9, "question": "?"}, "errors": ["field 'answer': required"]}]
    res = export_records(inp)
    assert res.stats["records"] == 4 and res.stats["exported"] == 3 and res.stats["quarantined"] == 1
    assert res.quarantine[0]["reasons"] == ["invalid:schema"]


def test_an_analysis_stands_in_for_an_empty_answer_when_merged():
    """The parser can put the whole answer under an analysis label (`**答案：**` then `解析说明：…`): with
    --with-analysis merge the analysis is exported as the answer, and judged by the gates itself."""
    inp = _inputs(3)
    inp.records[0]["answer"], inp.records[0]["analysis"] = "", "训练时随机丢弃一部分神经元，推理时使用全部神经元。"
    inp.records[1]["answer"], inp.records[1]["analysis"] = "", "待补充"
    res = export_records(inp, ExportConfig(val_ratio=0))
    assert res.train[0]["messages"][1]["content"] == "训练时随机丢弃一部分神经元，推理时使用全部神经元。"
    assert res.quarantine[0]["reasons"] == ["answer:placeholder"]
    res = export_records(inp, ExportConfig(val_ratio=0, with_analysis="drop"))
    assert [q["reasons"] for q in res.quarantine] == [["answer:empty"], ["answer:empty"]]


def test_a_figure_answer_explained_under_its_analysis_is_exported_when_merged():
    """A figure (or a link) as the answer with its explanation under 解析 answers the question when the
    analysis is merged after it; without the analysis, or with one that explains nothing, it is quarantined
    as before (the same definition as QA002's)."""
    inp = _inputs(3)
    why = "sigmoid 用在各个门上输出 0 到 1 的值，tanh 用在状态和输出上。"
    inp.records[0]["answer"], inp.records[0]["analysis"] = "![](img/lstm.png)", why
    inp.records[1]["answer"], inp.records[1]["analysis"] = "![](img/lstm.png)", "见图。"
    res = export_records(inp, ExportConfig(val_ratio=0, images="keep"))
    assert res.train[0]["messages"][1]["content"] == f"![](img/lstm.png)\n\n**解析：** {why}"
    assert [q["reasons"] for q in res.quarantine] == [["answer:too-short"]]  # "见图。" explains nothing
    res = export_records(inp, ExportConfig(val_ratio=0, with_analysis="drop"))
    assert [q["reasons"] for q in res.quarantine] == [["answer:image-only"], ["answer:image-only"]]


def test_empty_answer_after_cleaning_is_quarantined():
    inp = _inputs(2)
    inp.records[0]["answer"] = "<|endoftext|>"
    res = export_records(inp, ExportConfig(with_analysis="drop"))
    assert res.quarantine[0]["reasons"] == ["answer:empty"]


# ------------------------------------------------------------------------------------------- decisions

def _decisions(tmp: Path, items: list[dict]) -> Path:
    p = tmp / "decisions.json"
    p.write_text(json.dumps({"qatool_decisions": 1, "decisions": items}), encoding="utf-8")
    return p


def test_decisions_honoured_and_stale_reported(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(FIXTURE, corpus)
    out = tmp_path / "out"
    assert run_cli("run", str(corpus), "-o", str(out), "--no-progress", "--jobs", "1")[0] == 0
    inp = load_inputs(out)
    by_id = {r["id"]: r for r in inp.records}
    cluster = inp.clusters[0]
    other = next(m for m in cluster["members"] if m != cluster["canonical"])
    a, b = inp.conflicts[0]
    items = [
        {"group": "cluster", "members": sorted(by_id[m]["content_hash"] for m in cluster["members"]),
         "action": "keep-member", "keep": by_id[other]["content_hash"]},
        {"group": "conflict", "members": sorted([by_id[a]["content_hash"], by_id[b]["content_hash"]]), "action": "drop-all"},
    ]
    dec = _decisions(tmp_path, items)
    code, stdout, err = run_cli("export", "-o", str(out), "--decisions", str(dec))
    assert code == 0, err
    assert "2 review decisions applied, 0 stale" in stdout
    q = {line["id"]: line["reasons"] for line in jsonl(out / "quarantine.jsonl")}
    assert q[cluster["canonical"]] == [f"duplicate_of:{other}"]
    assert other not in q
    assert q[a] == ["review:drop-all"] and q[b] == ["review:drop-all"]

    # edit one conflict member's answer: that decision is stale, reported, and not applied
    src = corpus / "qa.md"
    src.write_text(src.read_text(encoding="utf-8").replace("再按固定比例减去它，", "再按学习率乘以它后减去，"), encoding="utf-8")
    code, stdout, err = run_cli("run", str(corpus), "-o", str(out), "--no-progress", "--jobs", "1", "--decisions", str(dec))
    assert code == 0, err
    assert "stale decision (conflict" in err and "1 of 2 members changed" in err
    assert "1 review decisions applied, 1 stale" in stdout
    q = {line["id"]: line["reasons"] for line in jsonl(out / "quarantine.jsonl")}
    assert not [r for r in q.values() if "review:drop-all" in r]
    assert "stale:" in (out / "DATASET.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("content, expect", [
    ("not json", "not a JSON decisions file"),
    ('{"qatool_decisions": 1, "decisions": [{"group": "cluster", "members": ["x"], "action": "keep-all"}]}', "decisions/0/members"),
    ('{"qatool_decisions": 1, "decisions": [{"group": "cluster", "members": ["' + "a" * 64 + '", "' + "b" * 64
     + '"], "action": "keep-member", "keep": "' + "c" * 64 + '"}]}', "is not one of its members"),
])
def test_bad_decisions_file_is_a_usage_error(fixture_out, tmp_path, content, expect):
    p = tmp_path / "d.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(DecisionsError, match=expect):
        Decisions.load(p)
    code, _, err = run_cli("export", "-o", str(tmp_path / "o"), "--from", str(fixture_out), "--decisions", str(p))
    assert code == 2 and str(p) in err


def test_export_without_run_outputs_says_what_to_run(tmp_path):
    code, _, err = run_cli("export", "-o", str(tmp_path))
    assert code == 2
    assert "records.parquet: not found" in err and "qatool run" in err


# ------------------------------------------------------------------------------------- the whole job

def test_run_on_corpus_leaves_every_output(corpus_out):
    for name in OUT_FILES:
        assert (corpus_out / name).exists(), name
    lines = exported(corpus_out)
    quarantined = jsonl(corpus_out / "quarantine.jsonl")
    assert len(lines) + len(quarantined) == 140
    cleaner = Cleaner()
    for line in lines:
        for m in line["messages"]:
            assert not [f for f in cleaner.findings(m["content"]) if f.code in ("FM001", "FM007")]
    reasons = {r.split(":")[0] for q in quarantined for r in q["reasons"]}
    assert reasons == {"duplicate_of", "finding"}
    assert sum(1 for q in quarantined if q["reasons"][0].startswith("duplicate_of:")) == 10


def test_run_is_byte_identical_twice(corpus_out, tmp_path):
    code, _, err = run_cli("run", str(CORPUS), "-o", str(tmp_path), "--no-progress", "--jobs", "2")
    assert code == 0, err
    for name in OUT_FILES:
        assert (tmp_path / name).read_bytes() == (corpus_out / name).read_bytes(), name


def test_export_command_reproduces_run(corpus_out, tmp_path):
    code, _, err = run_cli("export", "-o", str(tmp_path), "--from", str(corpus_out))
    assert code == 0, err
    for name in ("train.jsonl", "val.jsonl", "quarantine.jsonl", "export_audit.json", "dataset_info.json", "DATASET.md"):
        assert (tmp_path / name).read_bytes() == (corpus_out / name).read_bytes(), name


def test_run_fail_on(tmp_path):
    code, _, _ = run_cli("run", str(FIXTURE), "-o", str(tmp_path), "--no-progress", "--jobs", "1", "--fail-on", "error")
    assert code == 1
