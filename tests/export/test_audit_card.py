"""The export audit (every residual artifact kind, the counts as written, --fail-on-artifacts) and
DATASET.md as a Hugging Face dataset card (front matter parsed, splits loaded by `datasets`)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from qatool.cli import main
from qatool.export.audit import ARTIFACT_KINDS, Audit, audit_jsonl, mojibake_spans, scan_text
from qatool.export.card import size_category
from qatool.export.clean import Cleaner

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "export"


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


# ------------------------------------------------------------------------------------------- audit

@pytest.mark.parametrize("text, kinds", [
    ("泄漏的标记<|im_end|>还在", {"leaked-token"}),
    ("正文。希望本文对您有所帮助，欢迎点赞收藏！", {"chatter"}),
    ("<font color=red>红</font>字", {"html-tag"}),
    ("<!-- 备注 -->正文", {"html-tag"}),
    ("第一行<br>第二行", {"br"}),
    ("<details><summary>答案</summary>正文</details>", {"details"}),
    ("&emsp;&emsp;正文", {"html-entity"}),
    ("[TOC]\n\n正文", {"toc"}),
    ("正文[^1]\n\n[^1]: 脚注", {"footnote"}),
    ("正文\n\n[a]: http://example.org", {"ref-definition"}),
    ("![图](img/a.png) 与 <img src='b.png'>", {"image"}),
    ("见[上一节](../a.md)", {"relative-link"}),
    ("正文\n\n- [ ] TODO", {"placeholder"}),
    ("乱码\ufffd在这", {"mojibake"}),
    ("⻔控单元", {"radical"}),
])
def test_each_artifact_kind_is_counted(text, kinds):
    audit = Audit()
    audit.scan_line("x", {"assistant": text}, Cleaner())
    assert {k for k in ARTIFACT_KINDS if audit.counts[k]} == kinds
    assert audit.examples[next(iter(kinds))][0]["id"] == "x"


@pytest.mark.parametrize("text", [
    "`<br>` 与 `&nbsp;` 是代码。",
    "```html\n<div>&nbsp;<br>![a](b.png)</div>\n```",
    "公式 $a<b>c$ 与 $$x &amp; y$$。",
    "vector<int> 与 <unk>、</s>、a < b、[CLS]、&space;",
    "见 [论文](https://arxiv.org/abs/1706.03762)。",
    "正常的中文句子，模型训练与参数更新，没有乱码。",
])
def test_content_is_not_an_artifact(text):
    audit = Audit()
    audit.scan_line("x", {"assistant": text}, Cleaner())
    assert not +audit.counts, dict(audit.counts)


def test_mojibake_helper():
    gbk = "预训练语言模型的微调方法".encode("utf-8").decode("gbk", errors="replace")
    assert mojibake_spans(gbk) and mojibake_spans("ä¸­æ–‡ä¹±ç ")
    assert mojibake_spans("锟斤拷") and not mojibake_spans("深度学习中的注意力机制与位置编码")
    assert [k for k, *_ in scan_text("⼀个")] == ["radical"]


@pytest.fixture(scope="module")
def md_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("md")
    code, stdout, err = run("run", str(FIXTURES / "markdown"), "-o", str(out), "--no-progress", "--jobs", "2", "--license", "cc-by-4.0")
    assert code == 0, err
    return out


def test_audit_file_matches_a_rescan_of_what_was_written(md_out):
    audit = json.loads((md_out / "export_audit.json").read_text(encoding="utf-8"))
    assert audit["residual"] == 0 and audit["lines_scanned"] == 18
    rescan = audit_jsonl([md_out / "train.jsonl", md_out / "val.jsonl"], Cleaner())
    assert {k: v["count"] for k, v in audit["kinds"].items()} == {k: rescan.counts[k] for k in ARTIFACT_KINDS}


def test_fail_on_artifacts(tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(FIXTURES / "residual", corpus)
    code, stdout, _ = run("run", str(corpus), "-o", str(tmp_path / "a"), "--no-progress", "--jobs", "1")
    assert code == 0 and "audit: 1 residual artifacts in 1 exported lines (mojibake 1)" in stdout
    code, stdout, _ = run("run", str(corpus), "-o", str(tmp_path / "b"), "--no-progress", "--jobs", "1", "--fail-on-artifacts")
    assert code == 1
    audit = json.loads((tmp_path / "b" / "export_audit.json").read_text(encoding="utf-8"))
    assert audit["kinds"]["mojibake"]["count"] == 1 and "\ufffd" in audit["kinds"]["mojibake"]["examples"][0]["text"]
    code, _, _ = run("export", "-o", str(tmp_path / "b"), "--fail-on-artifacts")
    assert code == 1
    # images kept by choice are not residual artifacts
    (corpus / "mojibake.md").write_text("### 1. 结构？\n\n**答案：** 编码器和解码器各六层，结构见图。\n\n![结构](img/a.png)\n", encoding="utf-8")
    code, stdout, _ = run("run", str(corpus), "-o", str(tmp_path / "c"), "--no-progress", "--jobs", "1", "--images", "keep", "--fail-on-artifacts")
    assert code == 0 and "image 1 (--images keep)" in stdout


# -------------------------------------------------------------------------------------------- card

def front_matter(card: str) -> dict:
    assert card.startswith("---\n")
    head, _, _ = card[4:].partition("\n---\n")
    return yaml.safe_load(head)


def test_dataset_card_front_matter(md_out):
    card = (md_out / "DATASET.md").read_text(encoding="utf-8")
    meta = front_matter(card)
    assert meta["license"] == "cc-by-4.0"
    assert meta["language"] == ["zh", "en"]
    assert meta["task_categories"] == ["question-answering", "text-generation"]
    assert meta["size_categories"] == ["n<1K"]
    files = meta["configs"][0]["data_files"]
    assert files == [{"split": "train", "path": "train.jsonl"}, {"split": "validation", "path": "val.jsonl"}]
    for section in ("## Sources", "## Provenance and licence", "## Settings", "## Why records were left out",
                    "## Cleaning", "## Export audit"):
        assert section in card
    assert "| `answer:image-dependent` | 1 | gates.md:" in card  # a reason with its example
    assert "published under `cc-by-4.0`" in card


def test_card_says_when_the_licence_is_unknown(tmp_path):
    code, _, err = run("run", str(FIXTURES / "residual"), "-o", str(tmp_path), "--no-progress", "--jobs", "1", "--val-ratio", "0")
    assert code == 0, err
    card = (tmp_path / "DATASET.md").read_text(encoding="utf-8")
    meta = front_matter(card)
    assert meta["license"] == "unknown" and "no licence was given" in card
    assert meta["configs"][0]["data_files"] == [{"split": "train", "path": "train.jsonl"}]  # no empty validation split


def test_card_loads_with_datasets(md_out, tmp_path):
    datasets = pytest.importorskip("datasets")
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("train.jsonl", "val.jsonl"):
        shutil.copy(md_out / name, repo / name)
    shutil.copy(md_out / "DATASET.md", repo / "README.md")
    ds = datasets.load_dataset(str(repo), cache_dir=str(tmp_path / "hf"))
    n_train = len((md_out / "train.jsonl").read_text(encoding="utf-8").splitlines())
    assert set(ds) == {"train", "validation"} and len(ds["train"]) == n_train


def test_size_categories():
    assert [size_category(n) for n in (0, 999, 1000, 54_321, 2_000_000)] == ["n<1K", "n<1K", "1K<n<10K", "10K<n<100K", "1M<n<10M"]


def test_bad_license_is_a_usage_error(tmp_path):
    code, _, err = run("run", str(FIXTURES / "residual"), "-o", str(tmp_path), "--no-progress", "--license", "my licence")
    assert code == 2 and "--license" in err
