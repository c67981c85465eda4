"""`qatool run --engine ray`: the same outputs as the local engine, on a local Ray with 2 CPUs, and
an engine that is optional (the local one needs no Ray)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.dedup import DedupConfig
from qatool.dedup.minhash import candidate_pairs
from qatool.export import ExportConfig
from qatool.lint.engine import Linter
from qatool.parse import ParseConfig
from qatool.pipeline import RunConfig, run_job

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def engine():
    from qatool.engines.ray import RayExecutor

    # small batches and several partitions, so that order and bucket boundaries are exercised
    with RayExecutor(num_cpus=2, items_per_task=2, rows_per_task=16, partitions=3) as eng:
        yield eng


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_ray_run_writes_the_same_bytes_as_the_local_run(tmp_path, engine):
    data = tmp_path / "in"
    shutil.copytree(CORPUS, data)
    (data / "binary.md").write_bytes(b"\x00\x01\x02PNG" * 50)  # an input error: reported, the rest still processed
    (data / "empty.md").write_text("", encoding="utf-8")
    jobs = {}
    for name, eng in (("local", None), ("ray", engine)):
        cfg = RunConfig((data,), tmp_path / name, ParseConfig(), DedupConfig(), ExportConfig(), jobs=2)
        jobs[name] = run_job(cfg, Linter.default(), executor=eng)
    local, ray = _outputs(tmp_path / "local"), _outputs(tmp_path / "ray")
    assert set(local) >= {"records.parquet", "findings.parquet", "dups.parquet", "clusters.parquet", "dedup_report.json",
                          "train.jsonl", "val.jsonl", "quarantine.jsonl", "review.html"}
    assert list(local) == list(ray)
    assert [n for n in local if local[n] != ray[n]] == []
    assert [str(p) for p in jobs["ray"].parse.problems] == [str(p) for p in jobs["local"].parse.problems]
    assert any("binary.md" in str(p) for p in jobs["ray"].parse.problems)
    assert jobs["ray"].dedup.stats == jobs["local"].dedup.stats and jobs["ray"].dedup.stats["clusters"] == 10
    assert jobs["ray"].export.stats == jobs["local"].export.stats


def test_band_key_shuffle_gives_the_local_candidates(engine):
    rng = np.random.default_rng(3)
    keys = rng.integers(0, 40, size=(500, 6)).astype(np.uint64)  # many shared keys
    keys[:100, 2] = 7  # one bucket of 100 members (> max_group: linked as a star)
    want = candidate_pairs(keys)
    got = engine.candidates(keys)
    assert len(want) > 1000 and np.array_equal(got, want)
    assert np.array_equal(engine.candidates(keys[:0]), candidate_pairs(keys[:0]))


def test_the_local_engine_needs_no_ray(tmp_path):
    code = (
        "import sys; sys.modules['ray'] = None\n"  # `import ray` now fails, as without the extra
        "from click.testing import CliRunner\nfrom qatool.cli import main\n"
        f"r = CliRunner().invoke(main, ['run', {str(CORPUS)!r}, '-o', {str(tmp_path / 'a')!r}, '--no-progress', '--jobs', '1'])\n"
        "print('local', r.exit_code)\n"
        f"r = CliRunner().invoke(main, ['run', {str(CORPUS)!r}, '-o', {str(tmp_path / 'b')!r}, '--no-progress', '--engine', 'ray'])\n"
        "print('ray', r.exit_code, r.stderr.strip())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert "local 0" in out
    assert "ray 2 error: --engine ray needs Ray Data" in out and "pip install 'qatool[ray]'" in out
    assert not (tmp_path / "b" / "records.parquet").exists()


def test_ray_address_needs_the_ray_engine(tmp_path):
    res = CliRunner().invoke(main, ["run", str(CORPUS), "-o", str(tmp_path), "--ray-address", "auto"])
    assert res.exit_code == 2 and "--ray-address needs --engine ray" in res.output
