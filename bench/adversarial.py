"""Pathological inputs at two sizes through every stage: how does each stage's time grow?

    python bench/adversarial.py                       # every case, default sizes
    python bench/adversarial.py --cases spaces,fences --scale 2
    python bench/adversarial.py --per-rule spaces     # lint time per rule on one case (large size)
    python bench/adversarial.py --markdown            # the table as Markdown (README "Adversarial inputs")

Each case is one Markdown document built around a payload of size n (a run of spaces, tabs, `*`,
backticks, `#`, `<|`, label words; unclosed fences each followed by a heading; deep indentation,
block quotes and brackets). The payload sits in the answer of two Q&A items, so that every stage has
it to chew on: parse (`parse_text`), lint (every rule, on the parse), dedup (`find_duplicates` of the
records: the two items are a duplicate pair), export (`export_records`: cleaning, quarantine, split)
and the review page (`review_data`: diffs of the pair).

Every (case, size) runs in a child process with a time limit (`--timeout`, default 60 s), so a stage
that hangs is reported as such instead of stalling the bench. For each stage the table gives the
seconds at n and at `factor`*n and the growth exponent log(t2/t1)/log(factor): about 1 is linear,
2 quadratic. Stages that take under `--floor` seconds (default 0.05) at the large size are shown as
"fast" (their ratio is noise). A stage that grows worse than `--max-exponent` (default 1.5) at a
time above the floor is flagged (and the exit code is 1), so the script can gate a change.

Timings on a shared 2-core machine are noisy: `--repeat N` takes the fastest of N runs.
"""
from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import sys
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

STAGES = ("parse", "lint", "dedup", "export", "review")


def _item(no: int, payload: str, question: str = "什么是梯度裁剪？") -> str:
    return f"### {no}. {question}\n\n**答案：** 梯度裁剪用于避免梯度爆炸。\n\n{payload}\n\n**解析：** 常见做法是按范数裁剪。\n\n"


def _doc(payload: str) -> str:
    # two items that differ in one line: a near-duplicate pair, so dedup verifies it and the review page diffs it
    return "# 面试题\n\n" + _item(1, payload) + _item(2, payload).replace("按范数裁剪", "按值裁剪")


def _fences(n: int) -> str:
    # n unclosed fences, each followed by a heading: the fence pass must not search to the end for each
    return "# 面试题\n\n" + _item(1, "答案正文。") + "".join(f"```\ncode {i}\n## 小节 {i}\n" for i in range(n))


def _indent(n: int) -> str:
    return _doc("\n".join(" " * (2 * i) + f"- 第{i}层" for i in range(n)))


def _labels_lines(n: int) -> str:
    return _doc("\n".join(f"**答案：** 第{i}个" for i in range(n)))


# name -> (payload builder of size n, default n); sizes are chosen so that a quadratic stage still ends
# in seconds at the large size
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "spaces": (lambda n: _doc("模型" + " " * n + "x"), 20_000),
    "spaces-line": (lambda n: _doc(" " * n), 20_000),
    "tabs": (lambda n: _doc("模型" + "\t" * n + "x"), 20_000),
    "stars": (lambda n: _doc("*" * n), 20_000),
    "stars-spaced": (lambda n: _doc("* " * (n // 2)), 20_000),
    "bold-runs": (lambda n: _doc("**a" * (n // 3)), 20_000),
    "backticks": (lambda n: _doc("`" * n), 20_000),
    "backtick-runs": (lambda n: _doc("`a``b" * (n // 5)), 20_000),
    "hashes": (lambda n: _doc("#" * n), 20_000),
    "hash-heading": (lambda n: _doc("## " + "#" * n + " x"), 20_000),
    "tokens": (lambda n: _doc("<|" * (n // 2)), 20_000),
    "token-words": (lambda n: _doc("<|im_end" * (n // 8)), 20_000),
    "label-spaces": (lambda n: _doc("**答案" + " " * n + "x"), 500),
    "label-words": (lambda n: _doc("答案" * (n // 2)), 20_000),
    "label-lines": (_labels_lines, 2_000),
    "enumeration": (lambda n: _doc("、".join(["A"] * (n // 2))), 20_000),
    "fullwidth-punct": (lambda n: _doc("，" * n), 20_000),
    "cjk-line": (lambda n: _doc("模型" * (n // 2)), 20_000),
    "fences": (_fences, 2_000),
    "indent": (_indent, 300),
    "quote-nesting": (lambda n: _doc(">" * n + " x"), 20_000),
    "bracket-nesting": (lambda n: _doc("[" * n + "x" + "]" * n), 10_000),
    "paren-nesting": (lambda n: _doc("(" * n + "x" + ")" * n), 10_000),
    "html-comment": (lambda n: _doc("<!--" * (n // 4)), 20_000),
    "links": (lambda n: _doc("[a](" * (n // 4)), 20_000),
    "blank-lines": (lambda n: _doc(" \n" * n), 20_000),
    # the linter's own patterns: a trigger word followed by a long run its pattern may scan
    "suppress-spaces": (lambda n: _doc("<!-- qatool: disable=FM001" + " " * n + "x"), 20_000),
    "arxiv-spaces": (lambda n: _doc("见 arxiv" + " " * n + "x 论文"), 20_000),
    "respectively-spaces": (lambda n: _doc("精确率和召回率分别为" + " " * n + "x。"), 20_000),
    "author-letters": (lambda n: _doc("Vaswani 等人在 Attention Is All You Need (2017) 中提出 " + "A" * n + " 模型。"), 20_000),
    "term-spaces": (lambda n: _doc("召回率" + " " * n + "是x。"), 20_000),
    "paren-run": (lambda n: _doc("均方误差(" * (n // 5) + "适合分类"), 20_000),
    "term-run": (lambda n: _doc("模型" * (n // 2) + "。无需"), 20_000),
}


def _measure(case: str, n: int, queue: Any) -> None:
    """In the child: build the document and time each stage; each figure is sent as soon as it is known."""
    from qatool.common.outputs import RunOutputs
    from qatool.dedup.config import DedupConfig
    from qatool.dedup.report import clusters_table, dups_table
    from qatool.dedup.stage import find_duplicates
    from qatool.export.model import ExportConfig
    from qatool.export.stage import export_records
    from qatool.lint.document import doc_from_parsed
    from qatool.lint.engine import Linter
    from qatool.parse.extract import parse_text
    from qatool.review.page import review_data

    linter = Linter.default()
    find_duplicates(parse_text(_doc("预热"), "warmup.md").records, DedupConfig(jobs=1))  # loads the tokenizer's dictionary
    text = CASES[case][0](n)
    queue.put(("size", len(text)))
    t = time.perf_counter()
    parsed = parse_text(text, f"{case}.md")
    queue.put(("parse", time.perf_counter() - t))
    queue.put(("records", len(parsed.records)))
    t = time.perf_counter()
    findings = linter.lint_doc(doc_from_parsed(parsed, text))
    queue.put(("lint", time.perf_counter() - t))
    records = parsed.records
    t = time.perf_counter()
    res = find_duplicates(records, DedupConfig(jobs=1))
    dups, clusters = dups_table(res).to_pylist(), clusters_table(res).to_pylist()
    queue.put(("dedup", time.perf_counter() - t))
    inp = RunOutputs(records, [f.as_dict() for f in findings], clusters,
                     [(p["id_a"], p["id_b"]) for p in dups if p["kind"] == "same-question"], [], None, dups)
    t = time.perf_counter()
    export_records(inp, ExportConfig())
    queue.put(("export", time.perf_counter() - t))
    t = time.perf_counter()
    review_data(inp)
    queue.put(("review", time.perf_counter() - t))


def measure(case: str, n: int, timeout: float) -> dict[str, Any]:
    """Stage -> seconds for one document (None: the stage did not finish within `timeout`)."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(case, n, queue), daemon=True)
    proc.start()
    out: dict[str, Any] = {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not all(s in out for s in STAGES):
        try:
            k, v = queue.get(timeout=min(1.0, max(0.01, deadline - time.monotonic())))
            out[k] = v
        except Exception:  # queue.Empty
            if not proc.is_alive() and queue.empty():
                break
    if proc.is_alive():
        proc.kill()
    proc.join()
    for s in STAGES:
        out.setdefault(s, None)
    return out


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(runs[0])
    for s in STAGES:
        vals = [r[s] for r in runs]
        out[s] = None if any(v is None for v in vals) else min(vals)
    return out


def growth(t1: float | None, t2: float | None, factor: float, floor: float) -> tuple[str, float | None]:
    if t2 is None:
        return "timeout", None
    if t1 is None:
        return "?", None
    if t2 < floor:
        return "fast", None
    e = math.log(max(t2, 1e-6) / max(t1, 1e-6)) / math.log(factor)
    return f"{e:.2f}", e


def per_rule(case: str, n: int) -> list[tuple[str, float]]:
    """Lint time of each selected rule alone on one document (slowest first)."""
    from qatool.lint.document import doc_from_parsed
    from qatool.lint.engine import Linter
    from qatool.parse.extract import parse_text

    base = Linter.default()
    text = CASES[case][0](n)
    parsed = parse_text(text, f"{case}.md")
    out = []
    for rule in base.rules:
        linter = Linter(base.all_rules, base.kb, select=[rule.code])
        t = time.perf_counter()
        linter.lint_doc(doc_from_parsed(parsed, text))
        out.append((f"{rule.code} {rule.name}", time.perf_counter() - t))
    return sorted(out, key=lambda x: -x[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every default size n")
    ap.add_argument("--factor", type=float, default=4.0, help="large size = factor * n")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per (case, size) before it counts as a hang")
    ap.add_argument("--repeat", type=int, default=1, help="runs per (case, size); the fastest counts")
    ap.add_argument("--floor", type=float, default=0.05, help="below this many seconds at the large size a stage is 'fast'")
    ap.add_argument("--max-exponent", type=float, default=1.5, help="flag (and exit 1 on) a growth exponent above this")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--per-rule", metavar="CASE", help="instead: lint time per rule on CASE at its large size")
    args = ap.parse_args(argv)

    if args.per_rule:
        n = int(CASES[args.per_rule][1] * args.scale * args.factor)
        for name, secs in per_rule(args.per_rule, n)[:15]:
            print(f"{secs:8.3f}s  {name}")
        return 0

    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        ap.error(f"unknown case(s) {', '.join(unknown)}; known: {', '.join(CASES)}")
    rows, flagged = [], []
    if args.markdown:
        print(f"| case | n -> {args.factor:g}n | " + " | ".join(STAGES) + " |")
        print("| --- | --- | " + " | ".join("---" for _ in STAGES) + " |", flush=True)
    for case in cases:
        n1 = max(1, int(CASES[case][1] * args.scale))
        n2 = int(n1 * args.factor)
        small = _best([measure(case, n1, args.timeout) for _ in range(args.repeat)])
        large = _best([measure(case, n2, args.timeout) for _ in range(args.repeat)])
        row = {"case": case, "n": n1, "n_large": n2, "chars_large": large.get("size"), "records": large.get("records"), "stages": {}}
        for s in STAGES:
            label, e = growth(small[s], large[s], args.factor, args.floor)
            row["stages"][s] = {"small": small[s], "large": large[s], "growth": label}
            if label == "timeout" or (e is not None and e > args.max_exponent):
                flagged.append(f"{case}/{s}")
        rows.append(row)
        if args.markdown:  # a row as soon as it is measured (a long bench can be read while it runs)
            print(f"| {case} | {n1:,} -> {n2:,} | " + " | ".join(_cell(row["stages"][s]) for s in STAGES) + " |", flush=True)
        else:
            cells = "  ".join(f"{s} {_cell(row['stages'][s])}" for s in STAGES)
            print(f"{case:<16} n={n1:>7}->{n2:<7} {cells}", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"factor": args.factor, "timeout": args.timeout, "rows": rows}, indent=1) + "\n", encoding="utf-8")
    if flagged:
        print(f"\nworse than n^{args.max_exponent:g} (or hung past {args.timeout:g}s): {', '.join(flagged)}", file=sys.stderr)
        return 1
    return 0


def _cell(st: dict[str, Any]) -> str:
    if st["large"] is None:
        return f"timeout ({_secs(st['small'])} at n)"
    return f"{_secs(st['small'])} -> {_secs(st['large'])} ({st['growth']})"


def _secs(v: float | None) -> str:
    return "-" if v is None else f"{v:.2f}s" if v >= 0.01 else f"{v * 1000:.1f}ms"


if __name__ == "__main__":
    sys.exit(main())
