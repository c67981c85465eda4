"""Benchmark every stage on synthetic corpora and print a table (also written to bench/RESULTS.md).

    python bench/run.py                      # 10k and 100k records
    python bench/run.py --sizes 10000,100000,1000000   # also 1M (about 40 minutes in all on 2 cores)
    python bench/run.py --sizes 10000 --stages parse,lint,dedup,datasketch
    python bench/run.py --sizes 100000 --corpora popular,hundred --stages parse,dedup,datasketch   # repeated questions

For each size it generates the corpus once (bench/data/, git-ignored), then runs each stage in a
fresh process and reports records/s, MB/s, peak RSS, and the quality figures: pair recall on planted
near duplicates with true Jaccard >= 0.85 (and >= 0.8), pair precision, factual-slip recall. The
obvious datasketch script (character 5-grams, MinHash.bulk, 2 processes, LSH at 0.8) runs on the same
records in the same run, and qatool's dedup speed is printed as a ratio to it. The true Jaccard of a
planted pair is the character 5-gram Jaccard of its normalised question + answer (what the default
threshold measures). `--corpora` picks the question repetition of the generated corpora (plain,
popular, hundred; see generate.py); the dedup stage also reports its output size per 10k records. The `run` stage is the
whole `qatool run`; the `ray` stage is `qatool run --engine ray` on a local Ray, whose files are
compared byte for byte with the local run's. Above --lint-max, --datasketch-max and --ray-max records
the stand-alone lint and export, the datasketch script and the Ray run are skipped (noted in the table).
Peak memory is the largest PSS of a stage's process tree (workers and Ray's processes included).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _tree(root: int) -> list[int]:
    """root and its descendants (pool workers, Ray's processes), from /proc."""
    parent: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(c for c, p in parent.items() if p == pid)
    return out


def _pss_mb(pids: list[int]) -> float:
    """Proportional set size of these processes together (shared pages counted once)."""
    kb = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    kb += int(line.split()[1])
                    break
        except (OSError, ValueError):
            pass
    return kb / 1024


def run_stage(name: str, data: Path, work: Path, jobs: int) -> dict:
    """One stage in a fresh process; its peak memory is the largest PSS of the process and all its
    descendants together, sampled every 0.2 s (ru_maxrss would carry this harness's own size over
    the exec, and counts the pages workers share with their parent once per worker)."""
    peak = 0.0
    with subprocess.Popen([sys.executable, str(HERE / "stage.py"), name, str(data), str(work), str(jobs)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc, ThreadPoolExecutor(1) as reader:
        talk = reader.submit(proc.communicate)
        while not talk.done():
            peak = max(peak, _pss_mb(_tree(proc.pid)))
            time.sleep(0.2)
        out, err = talk.result()
    if proc.returncode != 0:
        raise SystemExit(f"stage {name} failed:\n{err[-3000:]}")
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_rss_mb"] = peak
    return res


def true_jaccards(work: Path, pairs: list[list[int]]) -> list[float]:
    from qatool.common.records import ParquetRows
    from qatool.dedup import DedupConfig, normalize_for_dedup
    from qatool.dedup.minhash import jaccard
    from qatool.dedup.sketch import text_sets

    cfg = DedupConfig(shingle="char:5")
    need = sorted({i for p in pairs for i in p})
    rows = ParquetRows(work / "records.parquet").take(need, ["question", "answer"])  # batch by batch: no 2 GB string column
    shingles = {}
    for lo in range(0, len(need), 20000):  # in slices: one giant batch would hold every code point at once
        part = need[lo:lo + 20000]
        sets = text_sets([normalize_for_dedup(rows[i]["question"] + "\n" + rows[i]["answer"]) for i in part], cfg, "char:5")
        shingles.update((i, sets.get(k)) for k, i in enumerate(part))
    return [jaccard(shingles[a], shingles[b]) for a, b in pairs]


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
    ap.add_argument("--corpora", default="plain", help="comma-separated: plain, popular, hundred (question repetition, see generate.py)")
    ap.add_argument("--stages", default="parse,lint,dedup,export,datasketch,run,ray")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--lint-max", type=int, default=1000000,
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
    for n, mode in ((int(s), m) for s in args.sizes.split(",") for m in args.corpora.split(",")):
        data = HERE / "data" / (f"{n}" if mode == "plain" else f"{n}_{mode}")
        if not (data / "truth.json").exists():
            generate(n, data, mode=mode)
        truth = json.loads((data / "truth.json").read_text(encoding="utf-8"))
        mb = truth["bytes"] / 1e6
        work = data.parent / f"{data.name}_work"
        work.mkdir(exist_ok=True)
        res = {}
        # parse first (the other stages read its records.parquet), unless left out and already there
        first = ["parse"] if "parse" in stages or not (work / "records.parquet").exists() else []
        for st in first + [s for s in stages if s != "parse"]:
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
                    extra += (f"; {r['stats']['conflicts']} conflict groups ({r['stats']['conflict_records']} records), "
                              f"outputs {r['output_mb'] / (n / 1e4):.2f} MB per 10k records (report {r['report_mb'] / (n / 1e4):.2f})")
            if st in ("run", "ray"):
                extra = ", ".join(f"{k} {v:.1f}s" for k, v in r["timings"].items())
            if st == "ray" and "compared" in r:
                extra += (f"; outputs identical to the local run ({r['compared']} files)" if not r["differ"]
                          else f"; DIFFERENT from the local run: {', '.join(r['differ'])}")
            if mode != "plain":
                extra = f"[{mode}] " + extra
            rows.append((n, st, r["seconds"], n / r["seconds"], mb / r["seconds"], r["peak_rss_mb"], extra))
            print(f"{n:>8} {st:<10} {r['seconds']:8.2f}s {n / r['seconds']:10.0f} rec/s {mb / r['seconds']:7.2f} MB/s "
                  f"{r['peak_rss_mb']:8.0f} MB  {extra}", flush=True)
        if "dedup" in res and "datasketch" in res:
            ratio = res["datasketch"]["seconds"] / res["dedup"]["seconds"]
            notes.append(f"{n} records ({mode}): qatool dedup is {ratio:.2f}x the speed of the datasketch script "
                         f"({res['dedup']['seconds']:.1f}s vs {res['datasketch']['seconds']:.1f}s)")
            print(notes[-1], flush=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    lines = ["# Benchmark results", "", f"Machine: {machine}; jobs={args.jobs}.", "",
             f"Reproduce: `{' '.join(['python bench/run.py', *sys.argv[1:]])}` (`make bench` runs 10k and 100k).", "",
             "| records | stage | seconds | records/s | MB/s | peak memory MB (PSS) | quality / notes |",
             "| ---: | --- | ---: | ---: | ---: | ---: | --- |"]
    lines += [f"| {n} | {st} | {s:.2f} | {rps:.0f} | {mbs:.2f} | {rss:.0f} | {ex} |" for n, st, s, rps, mbs, rss, ex in rows]
    lines += [""] + [f"- {x}" for x in notes]
    args.results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
