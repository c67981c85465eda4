"""Hostile inputs (issue 19): only regular files are read, links are reported by their own path,
encodings are detected among UTF-8/UTF-16/GB18030/Big5/Shift-JIS, text that is not Chinese or
English is refused, and names are printed escaped. Each case fails on the code before the issue
(a pipe hung, a loop raised, Big5 became GB18030 gibberish, names reached the terminal raw)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.common.io import InputFile, decode, discover, display_name, read_source

GOOD = "### 1. 什么是 Dropout？\n\n**答案：** 训练时随机丢弃神经元，防止过拟合。\n\n**解析：** 推理时不丢弃，保留全部神经元。\n"
TRAD = "### 1. 什麼是預訓練？\n\n**答案：** 預訓練是在大規模無標註語料上訓練語言模型，學習通用的語言表示。\n\n**解析：** 然後再針對下游任務進行微調。\n"
JAPANESE = "### 1. 事前学習とは何ですか？\n\n**答え：** 事前学習とは、大規模なラベルなしコーパスで言語モデルを訓練し、汎用的な言語表現を学ぶことです。その後、下流タスクに合わせて微調整します。\n"
KOREAN = "### 1. 사전 학습이란 무엇입니까?\n\n**답:** 대규모 비라벨 말뭉치에서 언어 모델을 훈련하여 일반적인 언어 표현을 학습하는 것입니다. 그 후 다운스트림 작업에 맞게 미세 조정합니다.\n"


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_a_named_pipe_is_skipped_not_read(tmp_path):
    """A FIFO in the input folder blocked the parser forever (it waited for a writer)."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(d / "pipe.md")
    code = ("import sys; from pathlib import Path; from qatool.parse import parse_paths; "
            "r = parse_paths([Path(sys.argv[1])]); print(r.num_records); print('\\n'.join(map(str, r.problems)))")
    proc = subprocess.run([sys.executable, "-c", code, str(d)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "1"
    assert any("pipe.md: error: not a regular file (a named pipe)" in ln for ln in lines[1:]), lines


def test_sockets_and_devices_are_skipped_with_a_message(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "sock.md"))
    try:
        files, problems = discover([d])
        msgs = [str(read_source(f)) for f in files]
        dev = [str(read_source(f)) for f in discover([Path("/dev/null")])[0]]
    finally:
        sock.close()
    assert [f.source for f in files] == ["good.md", "sock.md"] and not problems
    assert msgs[1].startswith("sock.md: error: not a regular file (a socket)"), msgs
    assert dev == ["null: error: not a regular file (a character device); skipped: only regular files are read"]
    # a pipe put in place of a file after discovery is not opened for a blocking read either
    os.mkfifo(tmp_path / "late.md")
    got = read_source(InputFile(tmp_path / "late.md", "late.md"))
    assert "not a regular file (a named pipe)" in str(got)


def test_symlink_loops_and_broken_links_are_reported_by_the_link(tmp_path):
    """A symlink loop raised RuntimeError from resolve() and nothing else was processed."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    os.symlink("loop_b.md", d / "loop_a.md")
    os.symlink("loop_a.md", d / "loop_b.md")
    os.symlink("self.md", d / "self.md")
    os.symlink("gone.md", d / "broken.md")
    (d / "real.md").write_text(GOOD.replace("Dropout", "BatchNorm"), encoding="utf-8")
    os.symlink("real.md", d / "link.md")  # a good link is read (as its target)
    res = run_cli("parse", str(d), "-o", str(tmp_path / "out"))
    assert res.exit_code == 1, res.output
    err = res.stderr
    for name in ("loop_a.md", "loop_b.md", "self.md"):
        assert f"\n{name}: error: symlink loop" in "\n" + err, err
    assert "broken.md: error: broken symlink (points to gone.md, which does not exist)" in err
    assert "Traceback" not in err
    assert "parsed 2/6 files" in res.stdout  # good.md and real.md (link.md is real.md); 4 bad links
    # given by name too
    files, problems = discover([d / "loop_a.md", d / "broken.md"])
    assert not problems
    assert [str(read_source(f)).split(" (")[0] for f in files] == ["broken.md: error: broken symlink", "loop_a.md: error: symlink loop"]


@pytest.mark.parametrize("encoding,text,name", [
    ("big5", TRAD, "Big5"),
    ("gb18030", GOOD, "GB18030"),
])
def test_legacy_encodings_are_detected_with_confidence(encoding, text, name):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"the sample cannot be written in {encoding}")
    got = decode(Path("x.md"), "x.md", data)
    assert got.text == text, got
    assert got.encoding == encoding
    (warning,) = got.problems
    assert f"detected {name} (" in warning.message and "% confidence" in warning.message and "convert" in warning.message


def test_big5_is_not_read_as_gb18030_gibberish():
    """Big5 bytes decode as GB18030 without an error; the old fallback did exactly that."""
    data = TRAD.encode("big5")
    data.decode("gb18030")  # the trap: no error, wrong text
    got = decode(Path("x.md"), "x.md", data)
    assert got.encoding == "big5" and "預訓練" in got.text


def test_utf16_with_and_without_bom():
    for data, enc in ((b"\xff\xfe" + GOOD.encode("utf-16-le"), "utf-16-le"), (b"\xfe\xff" + GOOD.encode("utf-16-be"), "utf-16-be"),
                      (GOOD.encode("utf-16-le"), "utf-16-le"), (GOOD.encode("utf-16-be"), "utf-16-be")):
        got = decode(Path("x.md"), "x.md", data)
        assert got.text == GOOD and got.encoding == enc, (data[:8], got)
        assert got.encode(got.text) == data  # written back byte for byte (BOM included)
        bomless = not data.startswith((b"\xff\xfe", b"\xfe\xff"))
        said = [w.message for w in got.problems]
        assert bool(said) == bomless and all("without a byte-order mark" in m and "iconv -f UTF-16" in m for m in said), said
    for binary in (b"\x00\x01", b"\x00\x01\x00\x02" * 8, bytes(range(256)) * 4):  # decode as UTF-16 but are not text
        got = decode(Path("x.md"), "x.md", binary)
        assert not hasattr(got, "text") and "file looks binary" in got.message, (binary[:8], got)


@pytest.mark.parametrize("text,script", [(JAPANESE, "Japanese"), (KOREAN, "Korean")])
def test_text_that_is_not_chinese_or_english_is_refused(text, script):
    for data in (text.encode("utf-8"),) + ((text.encode("shift_jis"),) if script == "Japanese" else ()):
        got = decode(Path("x.md"), "x.md", data)
        assert not hasattr(got, "text"), got
        assert got.level == "error" and f"not Chinese or English text: it reads as {script}" in got.message


def test_latin1_english_gets_a_clear_message_with_a_guess():
    data = ("### 1. What is dropout?\n\n**Answer:** A regulariser \xe9t\xe9 that costs \xa35 " * 3).encode("latin-1")
    got = decode(Path("x.md"), "x.md", data)
    assert got.level == "error" and "not valid UTF-8" in got.message and "not GB18030, Big5 or Shift-JIS" in got.message
    assert "iconv -f" in got.message


def test_chinese_and_english_files_of_the_dev_corpus_are_not_refused():
    """The script check must not cry wolf: every shipped corpus file, and every dev-corpus file
    present on this machine, reads as Chinese or English."""
    from qatool.common.io import foreign_script

    roots = [Path(__file__).resolve().parents[2] / "corpus", Path(os.environ.get("QATOOL_DEVCORPUS", "/work/devcorpus"))]
    seen = 0
    for root in roots:
        if not root.is_dir():
            continue
        for p in sorted(q for q in root.rglob("*") if q.suffix in (".md", ".txt") and q.is_file()):
            try:
                text = p.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            seen += 1
            assert foreign_script(text) is None, p
    assert seen >= 5


def test_control_characters_in_names_are_escaped(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    hostile = "evil\x1b[31mRED\nfake: error: x\u202e.md"
    (d / hostile).write_bytes(b"")
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    res = run_cli("parse", str(d), "-o", str(tmp_path / "out"))
    assert "\x1b" not in res.stderr + res.stdout and "\u202e" not in res.stderr + res.stdout
    line = [ln for ln in res.stderr.splitlines() if "evil" in ln]
    assert len(line) == 1 and line[0].startswith(r"evil\x1b[31mRED\nfake: error: x\u202e.md: error: file is empty")
    assert display_name("a\tb\x7f") == r"a\tb\x7f" and display_name("普通.md") == "普通.md"


def test_undecodable_file_names_do_not_crash(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / os.fsdecode(b"bad\xff.md")).write_text(GOOD, encoding="utf-8")
    res = run_cli("parse", str(d), "-o", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "out" / "records.parquet").column("source").to_pylist() == [r"bad\xff.md"]


def test_run_exits_1_when_an_input_could_not_be_read(tmp_path):
    """`run` exited 0 when files were skipped; `parse` exits 1 on the same input."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.md").write_text(GOOD, encoding="utf-8")
    (d / "binary.md").write_bytes(b"\x00\x01\x02PNG" * 50)
    res = run_cli("run", str(d), "-o", str(tmp_path / "out"), "--no-progress", "--jobs", "1")
    assert res.exit_code == 1, res.output
    assert "file looks binary" in res.stderr and "1 input problem(s)" in res.stderr
    assert (tmp_path / "out" / "train.jsonl").exists()  # the rest was still processed, and the folder is whole
    assert (tmp_path / "out" / "manifest.json").exists()
    assert run_cli("parse", str(d), "-o", str(tmp_path / "p")).exit_code == 1
    (d / "binary.md").unlink()
    assert run_cli("run", str(d), "-o", str(tmp_path / "out"), "--no-progress", "--jobs", "1").exit_code == 0
