"""Propose the `at:` locations of a rule case file's failing cases from the current linter, for a
person to review (see tests/lint/cases.py for the format).

    .venv/bin/python -m tests.lint.propose_locations tests/lint/rules/FC301.yml          # print
    .venv/bin/python -m tests.lint.propose_locations tests/lint/rules/FC301.yml --write  # rewrite

Printing shows each failing case with the spans the linter reports now and their text; a case
whose findings differ from its count (or from its locations) is marked `!!`. `--write` rewrites the
file with those locations (cases already located are left as they are unless `--force`); check
every proposed span: this records what the linter does, not what it should do.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from tests.lint.cases import Location, as_document, location_of, read_case_file


def findings_for(code: str, text: str):
    from tests.lint.test_rules import findings_for as run

    return run(code, text)


def proposed(code: str, text: str) -> list[str]:
    found = findings_for(code, text)
    return sorted({location_of(text, f).format(text) for f in found},
                  key=lambda s: Location.parse(s).span) if found else []


def propose_file(path: Path, write: bool = False, force: bool = False, out=sys.stdout) -> int:
    """Print (and with `write`, store) the proposed locations; returns the number of cases whose
    current findings disagree with the file."""
    data = read_case_file(path)
    code = data["rule"]
    disagree = 0
    new_fail = []
    for i, case in enumerate(data["fail"]):
        entry = {"text": case} if isinstance(case, str) else dict(case)
        text = entry["text"]
        want = entry.get("count", len(entry["at"]) if "at" in entry else 1)
        got = proposed(code, text)
        mark = "  " if len(got) == want else "!!"
        if len(got) != want:
            disagree += 1
        print(f"{mark} {code} fail{i}: {len(got)} finding(s), file says {want}", file=out)
        for line in as_document(text).splitlines():
            print(f"     | {line}", file=out)
        for loc in got:
            print(f"     at {loc}", file=out)
        if ("at" in entry and not force) or not got:  # nothing found: leave the case for a person
            new_fail.append(case)
            continue
        entry.pop("count", None)
        entry["at"] = got
        new_fail.append(entry)
    if write:
        path.write_text(_with_locations(path.read_text(encoding="utf-8"), [e.get("at") if isinstance(e, dict) and e is not c else None
                                                                           for e, c in zip(new_fail, data["fail"])]), encoding="utf-8")
    return disagree


def _with_locations(source: str, ats: list[list[str] | None]) -> str:
    """The case file's text with `at:` lists added to its failing cases, everything else (comments,
    escapes, quoting) as written: a bare-string case becomes `- text: …`, its count is dropped."""
    lines = source.split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("fail:"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("pass:") and i > start)
    items = [i for i in range(start + 1, end) if lines[i].startswith("- ")]
    if len(items) != len(ats):
        raise SystemExit(f"cannot place locations: {len(items)} items read, {len(ats)} cases")
    out = lines[:items[0] if items else end]  # what comes before the first case (comments) stays
    for k, i in enumerate(items):
        stop = items[k + 1] if k + 1 < len(items) else end
        body = lines[i:stop]
        last = max(j for j, ln in enumerate(body) if ln.strip() and not ln.startswith("#"))
        at = ats[k]
        if at is not None:
            if not body[0].startswith("- text:"):
                body[0] = "- text: " + body[0][2:]
                body[1:last + 1] = [("      " + ln[4:] if ln.startswith("    ") else ln) for ln in body[1:last + 1]]
            kept = [ln for ln in body[:last + 1] if not ln.lstrip().startswith("count:")]
            loc = [f"  - {yaml.safe_dump(a, allow_unicode=True, width=1000).strip().removesuffix(chr(10) + '...')}" for a in at]
            body = kept + ["  at:", *loc] + body[last + 1:]
        out += body
    return "\n".join(out + lines[end:])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--write", action="store_true", help="store the proposed locations in the file")
    ap.add_argument("--force", action="store_true", help="with --write, also replace locations already there")
    args = ap.parse_args(argv)
    bad = sum(propose_file(p, args.write, args.force) for p in args.files)
    if bad:
        print(f"{bad} case(s) where the linter disagrees with the file (marked !!)", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
