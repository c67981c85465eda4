"""Item recall and precision of the parser on real interview repositories, against a hand-made truth.

    python bench/realworld.py                       # corpora in /work/devcorpus
    python bench/realworld.py --corpora DIR -q      # totals only
    python bench/realworld.py --json out.json       # also the figures as JSON

The truth (`bench/realworld_truth.json`, conventions in `bench/realworld_truth.md`) lists, for files
of public repositories, every Q&A item a reader would extract (first line, last line) and whether a
file is Q&A at all (notes, READMEs and tables of contents have no items). Only line numbers and short
titles are stored; the texts stay in the corpora folder, laid out as `<owner>+<repo>/<path>`.

A file is parsed only when its git blob hash is the one the truth was made from (otherwise it is
skipped with a note: the line numbers would not mean the same lines). A parsed record is right when
its first line (`line_start`) is the item's `start` and its end is the item's `end`, where the
record's end is its `line_end` moved up past trailing lines a reader does not count as answer:
blank lines, thematic breaks (`---`, `***`, `___`), and navigation lines: a line at column 0 (or a
top-level `- ` / `> ` entry) made only of links to anchors in the same document, `[..](#..)`, or a
line holding 返回目录 / 回到目录 / 回到顶部 / 返回顶部 / 点击跳转 / back to top. An indented anchor link
(`  - [AdaBoost 算法](#adaboost-算法)` under `- 代表算法：`) is content, not navigation.
Recall = right records / truth items; precision = right records / records emitted from those files
(every record from a notes or TOC file is wrong).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from qatool.common.io import InputProblem, decode  # noqa: E402
from qatool.parse import parse_text  # noqa: E402

THEMATIC_BREAK_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
ANCHOR_LINKS_RE = re.compile(r"^(?:[-*+>] ?)?(?:\[[^\]\n]*\]\(#[^)\s]*\)[ \t|·/,，、]*)+$")
NAV_WORDS_RE = re.compile(r"返回目录|回到目录|回到顶部|返回顶部|点击跳转|back to top", re.IGNORECASE)


def git_blob_sha1(data: bytes) -> str:
    """The hash `git hash-object` gives these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def is_trailer(line: str) -> bool:
    """A line that does not count as the end of an answer (see the module docstring)."""
    s = line.strip()
    return not s or bool(THEMATIC_BREAK_RE.match(line) or ANCHOR_LINKS_RE.match(line)
                         or (len(s) <= 40 and NAV_WORDS_RE.search(s)))


def record_end(lines: list[str], start: int, end: int) -> int:
    """`end` (1-based) moved up past trailing blank, rule and navigation lines, not above `start`."""
    while end > start and is_trailer(lines[end - 1]):
        end -= 1
    return end


def score_file(text: str, source: str, items: list[dict]) -> dict:
    """Right, missed and spurious records of one file."""
    doc = parse_text(text, source)
    lines = text.split("\n")
    got = [(r["line_start"], record_end(lines, r["line_start"], r["line_end"])) for r in doc.records]
    want = [(it["start"], it["end"]) for it in items]
    want_set = set(want)
    right = [g for g in got if g in want_set]
    right_set = set(right)
    by_start = defaultdict(list)
    for g in got:
        by_start[g[0]].append(g)
    misses = []
    for w in want:
        if w not in right_set:
            near = [g for g in by_start.get(w[0], []) if g != w]
            misses.append((w, near[0] if near else None))
    spurious = [g for g in got if g not in want_set]
    return {"truth": len(want), "records": len(got), "right": len(set(right)), "misses": misses, "spurious": spurious}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _span(s: tuple[int, int]) -> str:
    return f"{s[0]}-{s[1]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=Path("/work/devcorpus"), help="folder of <owner>+<repo>/<path> trees")
    ap.add_argument("--truth", type=Path, default=HERE / "realworld_truth.json")
    ap.add_argument("-q", "--quiet", action="store_true", help="print the table only, not each file's misses")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)

    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    per_repo: dict[str, dict[str, int]] = defaultdict(lambda: {"files": 0, "truth": 0, "records": 0, "right": 0})
    notes: list[str] = []
    details: list[str] = []
    for f in truth["files"]:
        path = args.corpora / f["repo"].replace("/", "+") / f["path"]
        if not path.is_file():
            notes.append(f"skipped {f['repo']}:{f['path']}: not in {args.corpora}")
            continue
        data = path.read_bytes()
        if git_blob_sha1(data) != f["blob"]:
            notes.append(f"skipped {f['repo']}:{f['path']}: blob {git_blob_sha1(data)[:12]} is not the truth's {f['blob'][:12]}")
            continue
        src = decode(path, f"{f['repo']}/{f['path']}", data)
        if isinstance(src, InputProblem):
            notes.append(f"skipped {f['repo']}:{f['path']}: unreadable ({src.message})")
            continue
        res = score_file(src.text, src.source, f["items"])
        agg = per_repo[f["repo"]]
        agg["files"] += 1
        for k in ("truth", "records", "right"):
            agg[k] += res[k]
        if res["misses"] or res["spurious"]:
            miss = " ".join(_span(w) + (f"(got {_span(n)})" if n else "") for w, n in res["misses"])
            spur = " ".join(_span(s) for s in res["spurious"])
            details.append(f"{f['repo']}:{f['path']} [{f['kind']}] right {res['right']}/{res['truth']}, records {res['records']}\n"
                           f"    missed: {miss or '-'}\n    spurious: {spur or '-'}")

    total = {"files": 0, "truth": 0, "records": 0, "right": 0}
    rows = []
    for repo in sorted(per_repo, key=str.lower):
        a = per_repo[repo]
        for k in total:
            total[k] += a[k]
        rows.append((repo, a))
    rows.append(("all", total))
    width = max(len(r[0]) for r in rows)
    print(f"{'repository':<{width}}  files  items  records  right  recall  precision")
    figures = {}
    for name, a in rows:
        rec, prec = _ratio(a["right"], a["truth"]), _ratio(a["right"], a["records"])
        figures[name] = dict(a, recall=round(rec, 4), precision=round(prec, 4))
        print(f"{name:<{width}}  {a['files']:>5}  {a['truth']:>5}  {a['records']:>7}  {a['right']:>5}  {rec:>6.3f}  {prec:>9.3f}")
    for n in notes:
        print("note:", n)
    if not args.quiet and details:
        print("\nper file (missed: truth items no record matches, with the record starting there if any; spurious: records that match no item)")
        print("\n".join(details))
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "notes": notes}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
