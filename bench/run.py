"""Benchmark every stage on synthetic corpora and print a table (also written to bench/RESULTS.md).

    python bench/run.py                      # 10k and 100k records
    python bench/run.py --sizes 10000,100000,1000000   # also 1M (about 40 minutes in all on 2 cores)
    python bench/run.py --sizes 10000 --stages parse,lint,dedup,datasketch

For each size it generates the corpus once (bench/data/, git-ignored), then runs each stage in a
fresh process and reports records/s, MB/s, peak RSS, and the quality figures: pair recall on planted
near duplicates with true Jaccard >= 0.85 (and >= 0.8), pair precision, factual-slip recall. The
obvious datasketch script (character 5-grams, MinHash.bulk, 2 processes, LSH at 0.8) runs on the same
records in the same run, and qatool's dedup speed is printed as a ratio to it. The `run` stage is the
whole `qatool run`; the `ray` stage is `qatool run --engine ray` on a local Ray, whose files are
compared byte for byte with the local run's. Above --lint-max, --datasketch-max and --ray-max records
the stand-alone lint and export, the datasketch script and the Ray run are skipped (noted in the table).
Peak RSS is the stage process's or its largest child's; for the Ray stage, only the driver's.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def run_stage(name: str, data: Path, work: Path, jobs: int) -> dict:
    out = subprocess.run([sys.executable, str(HERE / "stage.py"), name, str(data), str(work), str(jobs)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"stage {name} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def true_jaccards(work: Path, pairs: list[list[int]]) -> list[float]:
    import pyarrow.parquet as pq

    from qatool.dedup import DedupConfig, normalize_for_dedup, text_sets
    from qatool.minhash import jaccard

    import pyarrow as pa

    cfg = DedupConfig()
    need = sorted({i for p in pairs for i in p})
    records = pq.read_table(work / "records.parquet", columns=["question", "answer"]).take(pa.array(need, pa.int64())).to_pylist()
    texts = [normalize_for_dedup(r["question"] + "\n" + r["answer"]) for r in records]
    sets = text_sets(texts, cfg)
    pos = {i: k for k, i in enumerate(need)}
    return [jaccard(sets.get(pos[a]), sets.get(pos[b])) for a, b in pairs]


def quality(found: list[list[int]], planted: list[list[int]], jac: list[float]) -> dict:
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in planted:
        parent[find(a)] = find(b)
    fset = {tuple(sorted(p)) for p in found}
    out = {}
    for t in (0.85, 0.8):
        target = [tuple(sorted(p)) for p, j in zip(planted, jac) if j >= t]
        out[f"recall@{t}"] = sum(1 for p in target if p in fset) / max(1, len(target))
        out[f"planted@{t}"] = len(target)
    correct = sum(1 for a, b in fset if find(a) == find(b))
    out["precision"] = correct / max(1, len(fset))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--stages", default="parse,lint,dedup,export,datasketch,run,ray")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--lint-max", type=int, default=100000,
                    help="above this many records, skip the one-process lint stage and the stand-alone export (the run stage does both)")
    ap.add_argument("--datasketch-max", type=int, default=100000,
                    help="skip the datasketch script above this many records (its LeanMinHash objects took 3.3 GB at 100k)")
    ap.add_argument("--ray-max", type=int, default=100000,
                    help="above this many records, skip `qatool run --engine ray` (a local Ray on this machine; it is for clusters)")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = ap.parse_args()
    from generate import generate

    stages = args.stages.split(",")
    rows, notes = [], []
    for n in (int(s) for s in args.sizes.split(",")):
        data = HERE / "data" / f"{n}"
        if not (data / "truth.json").exists():
            generate(n, data)
        truth = json.loads((data / "truth.json").read_text(encoding="utf-8"))
        mb = truth["bytes"] / 1e6
        work = HERE / "data" / f"{n}_work"
        work.mkdir(exist_ok=True)
        res = {}
        for st in ["parse"] + [s for s in stages if s != "parse"]:
            limit = {"lint": "lint", "export": "lint", "datasketch": "datasketch", "ray": "ray"}.get(st)
            if limit and n > getattr(args, f"{limit}_max"):
                notes.append(f"{n} records: {st} not run (above --{limit}-max)")
                continue
            res[st] = r = run_stage(st, data, work, args.jobs)
            extra = ""
            if st == "export":
                extra = (f"exported {r['exported']}, quarantined {r['quarantined']} "
                         f"({', '.join(f'{k} {v}' for k, v in r['reasons'].items())}, finding {r['finding_drops']})")
            if st == "lint":
                extra = f"slip recall {r['slips_found']}/{r['slips']} = {r['slips_found'] / max(1, r['slips']):.3f}"
            if st in ("dedup", "datasketch"):
                jac = true_jaccards(work, truth["planted_pairs"])
                q = quality(r["pairs"], truth["planted_pairs"], jac)
                r["quality"] = q
                extra = (f"recall {q['recall@0.85']:.3f} (J>=0.85, n={q['planted@0.85']}), {q['recall@0.8']:.3f} (J>=0.8), "
                         f"precision {q['precision']:.3f}")
                if st == "dedup":
                    tm = r["timings"]
                    extra += "; " + ", ".join(f"{k} {v:.1f}s" for k, v in tm.items())
            if st in ("run", "ray"):
                extra = ", ".join(f"{k} {v:.1f}s" for k, v in r["timings"].items())
            if st == "ray" and "compared" in r:
                extra += (f"; outputs identical to the local run ({r['compared']} files)" if not r["differ"]
                          else f"; DIFFERENT from the local run: {', '.join(r['differ'])}")
            rows.append((n, st, r["seconds"], n / r["seconds"], mb / r["seconds"], r["peak_rss_mb"], extra))
            print(f"{n:>8} {st:<10} {r['seconds']:8.2f}s {n / r['seconds']:10.0f} rec/s {mb / r['seconds']:7.2f} MB/s "
                  f"{r['peak_rss_mb']:8.0f} MB  {extra}", flush=True)
        if "dedup" in res and "datasketch" in res:
            ratio = res["datasketch"]["seconds"] / res["dedup"]["seconds"]
            notes.append(f"{n} records: qatool dedup is {ratio:.2f}x the speed of the datasketch script "
                         f"({res['dedup']['seconds']:.1f}s vs {res['datasketch']['seconds']:.1f}s)")
            print(notes[-1], flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    lines = ["# Benchmark results", "", f"Machine: {machine}; jobs={args.jobs}.", "",
             "Reproduce: `make bench` (or `python bench/run.py --sizes 10000,100000`).", "",
             "| records | stage | seconds | records/s | MB/s | peak RSS MB | quality / notes |",
             "| ---: | --- | ---: | ---: | ---: | ---: | --- |"]
    lines += [f"| {n} | {st} | {s:.2f} | {rps:.0f} | {mbs:.2f} | {rss:.0f} | {ex} |" for n, st, s, rps, mbs, rss, ex in rows]
    lines += [""] + [f"- {x}" for x in notes]
    args.results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
