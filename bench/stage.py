"""Run one benchmark stage in this process and print a JSON line with its figures (and peak RSS).

Used by bench/run.py, which starts a fresh process per stage so that each peak RSS is its own.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's own peak RSS (VmHWM: reset by exec, unlike ru_maxrss); run.py measures the
    whole process tree."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_parse(data: Path, work: Path) -> dict:
    """Parse on one process, streamed into records.parquet as `qatool run` does (no lint)."""
    from qatool.common.io import discover
    from qatool.parse import parse_to_parquet

    t = time.perf_counter()
    inputs, _ = discover([data])
    res = parse_to_parquet(inputs, work)
    return {"seconds": time.perf_counter() - t, "records": res.num_records}


def stage_lint(data: Path, work: Path) -> dict:
    import pyarrow.parquet as pq

    from qatool.common.records import write_parquet
    from qatool.lint.engine import Linter
    from qatool.lint.model import findings_table

    linter = Linter.default()
    t = time.perf_counter()
    res = linter.lint_paths([data])
    secs = time.perf_counter() - t
    write_parquet(findings_table(res.findings), work / "findings.parquet")
    truth = json.loads((data / "truth.json").read_text(encoding="utf-8"))
    ids = pq.read_table(work / "records.parquet", columns=["id"]).column("id").to_pylist()
    found = {(f.record_id, f.code) for f in res.findings}
    hit = sum(1 for k, code in truth["slips"] if (ids[k], code) in found)
    return {"seconds": secs, "findings": len(res.findings), "slips": len(truth["slips"]), "slips_found": hit}


def stage_dedup(data: Path, work: Path, jobs: int) -> dict:
    import pyarrow.parquet as pq

    from qatool.common.executor import LocalExecutor
    from qatool.common.records import ParquetRows
    from qatool.dedup import DedupConfig, dedup_records, write_dedup

    # as `qatool dedup --records`: the records file is streamed, findings give the canonical policy
    t = time.perf_counter()
    findings = pq.read_table(work / "findings.parquet", columns=["record_id", "severity"]) \
        if (work / "findings.parquet").exists() else []
    res, counts = dedup_records(ParquetRows(work / "records.parquet"), DedupConfig(), findings, executor=LocalExecutor(jobs))
    (work / "dedup").mkdir(exist_ok=True)
    t_write = time.perf_counter()
    write_dedup(res, work / "dedup", counts)
    secs = time.perf_counter() - t
    res.timings["write"] = time.perf_counter() - t_write
    found = [(p.a, p.b) for p in res.pairs]
    sizes = {p.name: p.stat().st_size for p in (work / "dedup").iterdir()}
    out_mb = sum(v for k, v in sizes.items() if k != "signatures.parquet") / 1e6
    report_mb = (sizes.get("dedup_report.json", 0) + sizes.get("dedup_report.md", 0)) / 1e6
    return {"seconds": secs, "timings": res.timings, "pairs": found, "stats": res.stats, "output_mb": out_mb, "report_mb": report_mb}


def stage_datasketch(data: Path, work: Path, jobs: int) -> dict:
    """The obvious datasketch script: character 5-grams, MinHash.bulk, `jobs` processes, LSH at 0.8."""
    from concurrent.futures import ProcessPoolExecutor

    import pyarrow.parquet as pq
    from datasketch import MinHashLSH

    records = pq.read_table(work / "records.parquet", columns=["question", "answer"]).to_pylist()
    t = time.perf_counter()
    texts = [r["question"] + "\n" + r["answer"] for r in records]
    chunks = [texts[i:i + 2000] for i in range(0, len(texts), 2000)]
    with ProcessPoolExecutor(jobs) as pool:
        sigs = [hv for part in pool.map(_ds_sign, chunks) for hv in part]
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    mhs = sigs
    with lsh.insertion_session() as session:
        for i, m in enumerate(mhs):
            session.insert(i, m, check_duplication=False)
    pairs = set()
    for i, m in enumerate(mhs):
        for j in lsh.query(m):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return {"seconds": time.perf_counter() - t, "pairs": sorted(pairs)}


def _ds_sign(texts: list[str]):
    from datasketch import LeanMinHash, MinHash

    sets = [[t[i:i + 5].encode("utf-8") for i in range(max(1, len(t) - 4))] for t in texts]
    return [LeanMinHash(m) for m in MinHash.bulk(sets, num_perm=128, seed=1)]


def stage_export(data: Path, work: Path, jobs: int) -> dict:
    """`qatool export --from` over the parse, lint and dedup outputs of the earlier stages (records
    streamed, cleaning on `jobs` processes, quarantine, split)."""
    from qatool.export import ExportConfig, export_to_dir, load_inputs

    src = work / "export_in"  # the layout `qatool run` leaves, made of the earlier stages' files
    src.mkdir(exist_ok=True)
    from qatool.common.manifest import OutputFolder

    with OutputFolder(src, "bench") as folder:  # the manifest `qatool run` would have written (export --from checks it)
        for name, at in (("records.parquet", work), ("findings.parquet", work), ("clusters.parquet", work / "dedup"), ("dups.parquet", work / "dedup"),
                         ("conflicts.parquet", work / "dedup")):
            (src / name).unlink(missing_ok=True)
            (src / name).symlink_to(at / name)
            folder.record(name, [] if name == "records.parquet" else ["records.parquet"])
        folder.commit()
    t = time.perf_counter()
    res, _ = export_to_dir(load_inputs(src), work / "export", ExportConfig(), jobs=jobs)
    s = res.stats
    return {"seconds": time.perf_counter() - t, "exported": s["exported"], "quarantined": s["quarantined"],
            "reasons": {k: v for k, v in s["reasons"].items() if not k.startswith("finding:")},
            "finding_drops": sum(v for k, v in s["reasons"].items() if k.startswith("finding:"))}


def stage_run(data: Path, work: Path, jobs: int, engine: str = "local") -> dict:
    import re

    from click.testing import CliRunner

    from qatool.cli import main

    out = work / ("run" if engine == "local" else f"run_{engine}")
    t = time.perf_counter()
    res = CliRunner().invoke(main, ["run", str(data), "-o", str(out), "--jobs", str(jobs), "--no-progress", "--engine", engine])
    assert res.exit_code == 0, res.output[-2000:]
    secs = time.perf_counter() - t
    steps = {m[1].strip(): float(m[2]) for m in re.finditer(r"time: ([^│|]+?)\s*[│|]\s*([\d.]+)s", res.output) if m[1].strip() != "total"}
    return {"seconds": secs, "timings": steps}


def stage_ray(data: Path, work: Path, jobs: int) -> dict:
    """`qatool run --engine ray` on a local Ray with `jobs` CPUs; its files are compared with the
    local run's (the run stage's output, when it ran first)."""
    r = stage_run(data, work, jobs, "ray")
    local, ray = work / "run", work / "run_ray"
    if local.is_dir():
        names = sorted(p.name for p in local.iterdir() if p.is_file())
        r["differ"] = [n for n in names if not (ray / n).is_file() or (ray / n).read_bytes() != (local / n).read_bytes()]
        r["compared"] = len(names)
    return r


if __name__ == "__main__":
    name, data, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    fn = globals()[f"stage_{name}"]
    out = fn(data, work) if name in ("parse", "lint") else fn(data, work, jobs)
    out["own_peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(out))
