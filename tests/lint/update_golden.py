"""Rewrite the corpus golden findings file, deliberately, by hand:

    .venv/bin/python -m tests.lint.update_golden          # show what would change (exit 1 if stale)
    .venv/bin/python -m tests.lint.update_golden --update # rewrite tests/lint/golden/corpus_findings.txt

(`make golden` runs the second). The test (tests/lint/test_golden.py) only compares: it never writes
the file, so a behaviour change cannot bless itself. Review the diff line by line before committing.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from qatool.lint.engine import Linter

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "corpus_findings.txt"
CORPUS = HERE.parents[1] / "corpus"
HEADER = "# qatool lint corpus/ (default rule set). Each line checked by hand as a real problem.\n"


def current() -> list[str]:
    """The corpus findings as the linter reports them now, in vale's line format."""
    result = Linter.default().lint_paths([CORPUS])
    assert not result.input_errors, result.input_errors
    return [f"{f.path}:{f.line}:{f.col}: {f.code} [{f.name}] {f.message}" for f in result.findings]


def golden() -> list[str]:
    """The pinned findings (header comments and blank lines left out)."""
    return [ln for ln in GOLDEN.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="rewrite the golden file (otherwise only show the diff)")
    args = ap.parse_args(argv)
    now, old = current(), golden() if GOLDEN.exists() else []
    diff = list(difflib.unified_diff(old, now, "golden", "current", lineterm="", n=0))
    sys.stdout.writelines(line + "\n" for line in diff)
    if args.update:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(HEADER + "\n".join(now) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN.relative_to(HERE.parents[1])}: {len(now)} findings; explain every changed line", file=sys.stderr)
        return 0
    print("golden file is up to date" if not diff else "golden file is stale: rerun with --update after review", file=sys.stderr)
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
