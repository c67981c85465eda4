"""Mutation testing of the modules that decide what reaches a training set, one command (`make mutation`):

    .venv/bin/python -m tests.mutation.score --run        # mutmut run over MODULES' functions, then the table
    .venv/bin/python -m tests.mutation.score              # the table of killed / run per module (mutants/**/*.meta), as the README shows it
    .venv/bin/python -m tests.mutation.score --survivors  # and the surviving mutants' names (`mutmut show NAME`)

The tests each mutant meets are the fast tests named in pyproject.toml's [tool.mutmut]
(pytest_add_cli_args_test_selection), and of those only the ones that reach the mutated function.

MODULES names, per module, the functions whose mutants are run (the parts that decide what reaches
a training set); EQUIVALENT (tests/mutation/equivalent.txt) lists mutants that cannot change
behaviour, each with its reason: they are left out of the score.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES: dict[str, list[str]] = {
    "export split (qatool/export/split.py)": ["qatool.export.split.*"],
    "export accounting (qatool/export/stage.py: export_records, quarantine lines)": [
        "qatool.export.stage.x_export_records__*", "qatool.export.stage.x__quarantine_line__*", "qatool.export.stage.x_reason_key__*"],
    "dedup canonical policy (qatool/dedup/groups.py)": ["qatool.dedup.groups.x_canonical_key__*", "qatool.dedup.groups.x__clusters__*",
                                                       "qatool.dedup.groups.x_finding_counts__*"],
    "dedup thresholds (qatool/dedup/candidates.py: answer_rounds, question_edges)": [
        "qatool.dedup.candidates.x_answer_rounds__*", "qatool.dedup.candidates.x_question_edges__*"],
    "lint suppressions (qatool/lint/engine.py)": ["qatool.lint.engine.x_suppressions__*", "qatool.lint.engine.xǁSuppressionǁcovers__*"],
    "renderers (qatool/lint/render.py: locations and levels)": [
        "qatool.lint.render.x_render_text__*", "qatool.lint.render.x_render_json__*", "qatool.lint.render.x_render_github__*",
        "qatool.lint.render.x_sarif_log__*", "qatool.lint.render.x_render_junit__*"],
    "rule kinds (qatool/lint/kinds.py: locations, questions, definitions)": [
        "qatool.lint.kinds.x_make_finding__*", "qatool.lint.kinds.x_asks__*", "qatool.lint.kinds.x_judges_statements__*",
        "qatool.lint.kinds.x_check_definition__*"],
}


def patterns() -> list[str]:
    return [p for ps in MODULES.values() for p in ps]


def equivalent() -> dict[str, str]:
    path = Path(__file__).with_name("equivalent.txt")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            name, _, why = line.partition(" ")
            out[name] = why.strip()
    return out


def results(root: Path = ROOT) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in (root / "mutants").rglob("*.meta"):
        out.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--survivors", action="store_true")
    ap.add_argument("--run", action="store_true", help="run mutmut over the modules' functions first")
    ap.add_argument("--max-children", type=int, default=2)
    args = ap.parse_args(argv)
    if args.run:
        import subprocess
        import sys

        mutmut = Path(sys.executable).with_name("mutmut")
        subprocess.run([str(mutmut), "run", "--max-children", str(args.max_children), *patterns()], cwd=ROOT, check=True)
    res, eq = results(), equivalent()
    worst = 1.0
    # the table as the README's development notes show it (markdown), then the survivors if asked
    print("| module (functions) | killed / run |")
    print("| --- | --- |")
    survivors: list[tuple[str, list[str]]] = []
    for module, pats in MODULES.items():
        names = sorted(n for n in res if any(fnmatch.fnmatchcase(n, p) for p in pats))
        run = [n for n in names if res[n] is not None and n not in eq]
        # mutmut's exit codes: 0 survived, 33 no test reached it, 34 skipped, anything else killed (1) or timed out
        killed = [n for n in run if res[n] not in (0, 33, 34)]
        excluded = sum(1 for n in names if n in eq)
        not_run = len(names) - len(run) - excluded
        score = len(killed) / len(run) if run else 0.0
        worst = min(worst, score) if run else worst
        notes = [f"{score:.1%}"] + ([f"{excluded} equivalent"] if excluded else []) + ([f"{not_run} not run"] if not_run else [])
        shown = f"{len(killed)}/{len(run)} ({'; '.join(notes)})" if run else f"not run ({len(names)} mutants)"
        print(f"| {module} | {shown} |")
        survivors.append((module, [n for n in run if n not in killed]))
    if args.survivors:
        for module, names in survivors:
            for n in names:
                print(f"survived ({module.split(' (')[0]}): {n}")
    return 0 if worst >= 0.9 else 1


if __name__ == "__main__":
    raise SystemExit(main())
