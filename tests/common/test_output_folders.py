"""Output folders that do not lie (issue 19): one writer at a time, a manifest written last that
`export --from` and `review` check, stale temporary files removed, files fsynced with umask modes.
The kill test stops a real `qatool run` (a subprocess, SIGKILL) at a chosen stage."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.common.io import atomic_writer
from qatool.common.manifest import MANIFEST, FolderBusy, FolderLock, OutputFolder, verify_folder

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

# Runs `qatool run` and stops at a stage: after the function named in argv[1] of qatool.pipeline
# returns, it says so on stdout and waits, so the test can kill it there.
STOPPER = r"""
import sys, time
import qatool.pipeline as pl
from qatool.cli import main
stage = sys.argv[1]
real = getattr(pl, stage)
def stop(*a, **k):
    out = real(*a, **k)
    print("STOPPED", flush=True)
    time.sleep(600)
    return out
setattr(pl, stage, stop)
sys.argv = ["qatool"] + sys.argv[2:]
main()
"""


def run_cli(*args: str):
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def _killed_run_at(stage: str, inputs: Path, out: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", STOPPER, stage, "run", str(inputs), "-o", str(out), "--no-progress", "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "STOPPED", proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.parametrize("stage", ["parse_to_parquet", "export_to_dir"])
def test_a_run_killed_midway_is_refused_then_a_rerun_recovers(tmp_path, stage):
    """kill -9 during a rerun over an older output left new files beside old ones, and
    `export --from` exported them (130 records instead of 113, the factual errors included)."""
    old_in = tmp_path / "old"
    shutil.copytree(CORPUS, old_in)
    (old_in / "000_extra.md").write_text("### 1. 什么是过拟合？\n\n**答案：** 训练集好测试集差。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("run", str(old_in), "-o", str(out), "--no-progress", "--jobs", "1")[0] == 0
    before = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    _killed_run_at(stage, CORPUS, out)
    assert not (out / MANIFEST).exists()  # the run removed it first and never got to write it
    for cmd in (("export", "--from", str(out), "-o", str(tmp_path / "exp")), ("review", "-o", str(out))):
        code, _, err = run_cli(*cmd)
        assert code == 2, (cmd, err)
        assert "no manifest.json: the last qatool command that wrote this folder did not finish" in err
        assert f"rerun `qatool run -o {out}`" in err
    assert not (tmp_path / "exp" / "train.jsonl").exists()
    # the rerun takes the folder back: stale temporary files go, the manifest comes back last
    (out / ".records.parquet.deadbeef.tmp").write_bytes(b"half")
    code, stdout, err = run_cli("run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "1")
    assert code == 0, err
    assert not list(out.glob(".*.tmp"))
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"] != before["files"]
    code, stdout, err = run_cli("export", "--from", str(out), "-o", str(tmp_path / "exp"))
    assert code == 0, err
    assert "140 records = 113 exported" in stdout


def test_a_folder_mixing_two_runs_is_refused(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    data = tmp_path / "in"
    shutil.copytree(CORPUS, data)
    assert run_cli("run", str(CORPUS), "-o", str(a), "--no-progress", "--jobs", "1")[0] == 0
    (data / "004_extra.md").write_text("### 1. 什么是欠拟合？\n\n**答案：** 模型太简单。\n", encoding="utf-8")
    assert run_cli("run", str(data), "-o", str(b), "--no-progress", "--jobs", "1")[0] == 0
    shutil.copy(b / "records.parquet", a / "records.parquet")  # new records beside old findings and duplicates
    code, _, err = run_cli("export", "--from", str(a), "-o", str(tmp_path / "e"))
    assert code == 2 and f"{a / 'records.parquet'}: changed since manifest.json was written" in err
    # a later `qatool parse` into the folder drops what was made from the old records
    assert run_cli("run", str(CORPUS), "-o", str(a), "--no-progress", "--jobs", "1")[0] == 0
    assert run_cli("parse", str(data), "-o", str(a), "-q")[0] == 0
    manifest = json.loads((a / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == ["records.parquet"]
    code, _, err = run_cli("export", "--from", str(a), "-o", str(tmp_path / "e"))
    assert code == 2 and "findings.parquet: not listed in" in err
    # export into the same folder updates the manifest; review reads the folder it vouches for
    assert run_cli("run", str(CORPUS), "-o", str(a), "--no-progress", "--jobs", "1")[0] == 0
    assert run_cli("export", "-o", str(a), "--format", "alpaca")[0] == 0
    verify_folder(a, ["records.parquet", "train.jsonl", "findings.parquet"])
    assert json.loads((a / MANIFEST).read_text(encoding="utf-8"))["settings"]["export"]["format"] == "alpaca"
    assert run_cli("review", "-o", str(a))[0] == 0
    verify_folder(a, ["review.html"])


def test_a_second_writer_fails_clearly_while_the_first_holds_the_folder(tmp_path):
    """Two runs into one folder at once both exited 0 with files from different runs."""
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", STOPPER, "write_dedup", "run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "STOPPED"
        code, _, err = run_cli("run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "1")
        assert code == 2
        assert f"{out}: another qatool command is using this folder" in err and "qatool run, pid" in err
        code, _, err = run_cli("export", "--from", str(out), "-o", str(tmp_path / "e"))
        assert code == 2 and "another qatool command is using this folder" in err  # a reader waits for no half-written folder
    finally:
        proc.kill()
        proc.wait()
    assert run_cli("run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "1")[0] == 0  # the lock died with it


def test_lock_is_exclusive_for_writers_and_shared_for_readers(tmp_path):
    with FolderLock(tmp_path, "run"):
        with pytest.raises(FolderBusy):
            with FolderLock(tmp_path, "export"):
                pass
        with pytest.raises(FolderBusy):
            with FolderLock(tmp_path, "review", shared=True):
                pass
    with FolderLock(tmp_path, "export", shared=True), FolderLock(tmp_path, "review", shared=True):
        with pytest.raises(FolderBusy):
            with FolderLock(tmp_path, "run"):
                pass
    t0 = time.monotonic()
    with FolderLock(tmp_path, "run", wait=5):
        pass
    assert time.monotonic() - t0 < 5


def test_outputs_get_the_umask_mode_and_replaced_files_keep_theirs(tmp_path):
    old = os.umask(0o027)
    try:
        import qatool.common.io as io

        io._UMASK.clear()
        with atomic_writer(tmp_path / "a.txt") as fh:
            fh.write("x")
        assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o640
        with atomic_writer(tmp_path / "a.txt", file_mode=0o604) as fh:
            fh.write("y")
        assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o604
    finally:
        os.umask(old)
        io._UMASK.clear()


def test_files_are_flushed_to_disk_before_the_rename_and_the_folder_after(tmp_path, monkeypatch):
    """Stale outputs came with no fsync before rename: a crash could leave a renamed, empty file."""
    from qatool.common.io import atomic_path

    events: list[tuple[str, str]] = []
    real_fsync, real_replace, real_open = os.fsync, os.replace, os.open
    opened: dict[int, str] = {}

    def track_open(path, flags, *a, **k):
        fd = real_open(path, flags, *a, **k)
        opened[fd] = os.fspath(path)
        return fd

    def track_fsync(fd):
        events.append(("fsync", opened.get(fd, "?")))
        return real_fsync(fd)

    def track_replace(src, dst):
        events.append(("replace", os.fspath(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "open", track_open)
    monkeypatch.setattr(os, "fsync", track_fsync)
    monkeypatch.setattr(os, "replace", track_replace)
    for name, writer in (("a.txt", lambda p: atomic_writer(p)), ("b.bin", lambda p: atomic_path(p))):
        events.clear()
        with writer(tmp_path / name) as fh:
            if isinstance(fh, Path):
                fh.write_bytes(b"x")
            else:
                fh.write("x")
        kinds = [k for k, _ in events]
        i = kinds.index("replace")
        assert events[i] == ("replace", str(tmp_path / name))
        assert any(k == "fsync" and Path(p).name.startswith(f".{name}.") for k, p in events[:i]), events  # the data
        assert ("fsync", str(tmp_path)) in events[i + 1:], events  # the rename
        assert (tmp_path / name).read_bytes() == b"x"


def test_manifest_lists_every_file_with_size_hash_version_and_settings(tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "1")[0] == 0
    m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    # files.jsonl and problems.txt: the CLI's reports of the run (paths as the user gave them), written after it
    names = {p.name for p in out.iterdir() if p.is_file() and not p.name.startswith(".")} - {MANIFEST, "files.jsonl", "problems.txt"}
    assert set(m["files"]) == names
    import hashlib

    for name, entry in m["files"].items():
        data = (out / name).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert m["files"]["findings.parquet"]["made_from"] == {"records.parquet": m["files"]["records.parquet"]["sha256"]}
    assert set(m["files"]["train.jsonl"]["made_from"]) == {"records.parquet", "findings.parquet", "clusters.parquet", "dups.parquet", "conflicts.parquet"}
    from qatool.common.version import __version__

    assert m["qatool"] == __version__
    assert m["settings"]["run"]["dedup"]["threshold"] == 0.8 and "jobs" not in m["settings"]["run"]["dedup"]
    first = (out / MANIFEST).read_bytes()
    assert run_cli("run", str(CORPUS), "-o", str(out), "--no-progress", "--jobs", "2")[0] == 0
    assert (out / MANIFEST).read_bytes() == first  # byte-identical reruns, whatever --jobs


def test_invalidate_drops_what_was_made_from_a_rewritten_file(tmp_path):
    for name in ("records.parquet", "findings.parquet", "train.jsonl", "other.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    with OutputFolder(tmp_path, "test") as folder:
        folder.record("records.parquet")
        folder.record("other.txt")
        folder.record("findings.parquet", ["records.parquet"])
        folder.record("train.jsonl", ["findings.parquet"])
        folder.commit()
        folder.invalidate(["records.parquet"])
    assert sorted(json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))["files"]) == ["other.txt"]


def test_a_report_written_to_a_pipe_or_device_keeps_it(tmp_path):
    """`-o /dev/null` renamed a temporary file over the device and left a regular file there: a
    device or a pipe is written in place (there is nothing to keep half-written)."""
    import stat
    import threading

    md = tmp_path / "a.md"
    md.write_text("### 1. 什么是甲？\n\n**答案：** 这是**重点内容\n", encoding="utf-8")
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    res = CliRunner().invoke(main, ["lint", str(md), "--format", "json", "-o", str(fifo)])
    reader.join(timeout=10)
    assert res.exit_code == 0, res.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(got[0].decode("utf-8"))[0]["code"] == "FM003"
    assert not [p.name for p in tmp_path.iterdir() if p.name not in ("a.md", "report.fifo")]  # no temporary file left
