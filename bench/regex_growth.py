"""How the linter's compiled patterns grow on long runs of one character (whitespace above all).

A pattern with two whitespace runs that can share the same spaces (`\\s*(?:x)?\\s*y`) tries every split of a long run
between them when it fails to match, so a line of 40 spaces can cost seconds (polynomial in the run's length, of a
degree that is the number of such runs). Every module-level pattern of `qatool.lint` and `qatool.parse` is run
(`match`, `search` and `fullmatch`) on runs of N and 2N copies of a few units (space, tab, a space and an ideographic space, newline,
`** `, `的`, `、`) followed by one character that ends the run; the script prints the patterns whose time grows by
more than `--max-ratio` when N doubles (a linear pattern grows about 2x, a quadratic one 4x), slowest first.

    python bench/regex_growth.py               # N = 16; exit 1 when a pattern grows more than 8x
    python bench/regex_growth.py -n 24 --max-ratio 6

The times are wall-clock and noisy on a busy machine: a pattern flagged once is timed twice more and reported only
when every timing grows past the limit.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import qatool  # noqa: E402

UNITS = {"space": " ", "tab": "\t", "ideographic space": " \u3000", "newline": "\n", "bold": "** ", "的": "的",
         "、": "、"}
FLOOR = 0.0005  # seconds: below this the ratio is noise


def patterns() -> dict[str, re.Pattern | regex.Pattern]:
    out: dict[str, re.Pattern | regex.Pattern] = {}
    seen: set[int] = set()
    for info in pkgutil.walk_packages(qatool.__path__, "qatool."):
        if not info.name.startswith(("qatool.lint", "qatool.parse")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)) and id(value) not in seen:
                seen.add(id(value))
                out[f"{info.name}.{name}"] = value
    return out


def cost(rx: re.Pattern | regex.Pattern, text: str) -> float:
    start = time.perf_counter()
    rx.match(text)
    rx.search(text)
    rx.fullmatch(text)
    return time.perf_counter() - start


def growth(rx: re.Pattern | regex.Pattern, unit: str, n: int) -> tuple[float, float, float]:
    small, large = cost(rx, unit * n + "x"), cost(rx, unit * (2 * n) + "x")
    return large / max(small, FLOOR), small, large


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=16, help="run length N (the second run is 2N)")
    ap.add_argument("--max-ratio", type=float, default=8.0, help="largest time ratio allowed when N doubles")
    args = ap.parse_args(argv)
    found = patterns()
    worst: list[tuple[float, str, str, float, float]] = []
    for name, rx in found.items():
        for label, unit in UNITS.items():
            ratio, small, large = growth(rx, unit, args.n)
            if ratio > args.max_ratio and large > FLOOR:
                ratios = [ratio] + [growth(rx, unit, args.n)[0] for _ in range(2)]
                if min(ratios) > args.max_ratio:
                    worst.append((min(ratios), name, label, small, large))
    worst.sort(reverse=True)
    print(f"{len(found)} patterns, runs of {args.n} and {2 * args.n} units of {len(UNITS)} kinds")
    for ratio, name, label, small, large in worst:
        print(f"  {ratio:7.1f}x  {small * 1000:8.2f} ms -> {large * 1000:9.2f} ms  {label:18s} {name}")
    print(f"{len(worst)} patterns grow more than {args.max_ratio:g}x when the run doubles")
    return 1 if worst else 0


if __name__ == "__main__":
    raise SystemExit(main())
