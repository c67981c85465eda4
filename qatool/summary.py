"""What `qatool run` tells the user: input problems grouped by kind (count, first few files, where
the rest are), a closing table, and the per-file details written to OUT/files.jsonl and
OUT/problems.txt instead of one terminal line per file.

Tables are drawn by rich, which measures wide (CJK) characters, so columns stay aligned with Chinese
file names.

>>> problem_kind("file is 70,000,000 bytes (limit 67,108,864); split it or raise --max-file-mb")
'file is N bytes (limit N); split it or raise --max-file-mb'
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from qatool.common.io import InputProblem, atomic_writer

FILES_FILE = "files.jsonl"
PROBLEMS_FILE = "problems.txt"
EXAMPLES = 3  # files shown per kind of problem
FILES_TABLE_MAX = 20  # up to this many input files, the run also prints a table of them

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”")
_NUMBER = re.compile(r"0x[0-9a-fA-F]+|(?<![\w.-])\d[\d,]*(?:\.\d+)?(?![\w])")


def problem_kind(message: str) -> str:
    """The message with what differs from file to file (quoted text, numbers) blanked out."""
    return _NUMBER.sub("N", _QUOTED.sub("'…'", message))


@dataclass
class ProblemGroup:
    level: str
    kind: str
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len({p.path for p in self.problems})


def group_problems(problems: Iterable[InputProblem]) -> list[ProblemGroup]:
    """Problems by (level, kind): errors first, then the largest groups, then by kind."""
    groups: dict[tuple[str, str], ProblemGroup] = {}
    for p in problems:
        kind = problem_kind(p.message)
        groups.setdefault((p.level, kind), ProblemGroup(p.level, kind)).problems.append(p)
    return sorted(groups.values(), key=lambda g: (g.level != "error", -len(g.problems), g.kind))


def shown_as(problem: InputProblem, shown: dict[str, str]) -> InputProblem:
    """The problem with its file named as the user sees it (relative to the working directory)."""
    path = shown.get(problem.path)
    return problem if path is None or path == problem.path else InputProblem(path, problem.level, problem.message, problem.line)


# ------------------------------------------------------------------------------------------- files


def per_file_findings(findings_path: Path) -> dict[str, Counter[str]]:
    """Lint findings per source and severity, from findings.parquet."""
    import pyarrow.parquet as pq

    if not findings_path.exists():
        return {}
    t = pq.read_table(findings_path, columns=["path", "severity"])
    out: dict[str, Counter[str]] = {}
    for row in t.group_by(["path", "severity"]).aggregate([([], "count_all")]).to_pylist():
        out.setdefault(row["path"], Counter())[row["severity"]] = row["count_all"]
    return out


def write_details(out_dir: Path, files: list[Any], problems: list[InputProblem], shown: dict[str, str],
                  findings: dict[str, Counter[str]]) -> list[Path]:
    """OUT/files.jsonl (per input file: path, source, status, encoding, items by kind, findings by
    severity, problems) and OUT/problems.txt (every problem, `path:line: level: message`)."""
    by_file: dict[str, list[InputProblem]] = {}
    for p in problems:
        by_file.setdefault(p.path, []).append(p)
    files_path, problems_path = out_dir / FILES_FILE, out_dir / PROBLEMS_FILE
    with atomic_writer(files_path) as fh:
        for f in files:
            row = {
                "path": shown.get(f.source, f.source), "source": f.source, "status": f.status, "encoding": f.encoding,
                "items": f.items, "kinds": f.kinds, "findings": dict(sorted(findings.get(f.source, Counter()).items())),
                "problems": [{"level": p.level, "line": p.line, "message": p.message} for p in by_file.get(f.source, [])],
            }
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    with atomic_writer(problems_path) as fh:
        for p in problems:
            fh.write(str(shown_as(p, shown)) + "\n")
    return [files_path, problems_path]


# ----------------------------------------------------------------------------------------- printing


def _console(stderr: bool):
    from rich.console import Console

    probe = Console(stderr=stderr)
    # on a terminal its width; in a pipe or a CI log a fixed 100 columns, so the text is the same everywhere
    return probe if probe.is_terminal else Console(stderr=stderr, width=100, no_color=True, highlight=False)


def print_problems(problems: list[InputProblem], shown: dict[str, str], out_dir: Path, quiet: bool = False,
                   examples: int = EXAMPLES, console: Any = None) -> None:
    """The problems as a table: one row per kind with its count, its first `examples` files and
    where the rest are. With `quiet`, only errors get rows; warnings are one count line."""
    from rich.markup import escape
    from rich.table import Table

    if not problems:
        return
    console = console or _console(stderr=True)
    problems = [shown_as(p, shown) for p in problems]
    levels = Counter(p.level for p in problems)
    where = out_dir / PROBLEMS_FILE
    files = len({p.path for p in problems})
    head = ", ".join(f"{levels[lv]} {lv}{'s' if levels[lv] != 1 else ''}" for lv in ("error", "warning") if levels[lv])
    groups = group_problems(problems)
    shown_groups = [g for g in groups if g.level == "error"] if quiet else groups
    table = Table(title=f"input problems: {head} in {files} files (all of them: {where})", title_justify="left",
                  show_header=True, header_style="bold", show_lines=True, expand=False)
    table.add_column("level")
    table.add_column("count", justify="right")
    table.add_column("problem and first files", overflow="fold")
    for g in shown_groups:
        first = [f"{p.path}:{p.line}" if p.line else p.path for p in g.problems[:examples]]
        more = len(g.problems) - len(first)
        body = [escape(g.kind if len(g.problems) > 1 else g.problems[0].message)]
        body += [f"  {escape(x)}" for x in first]
        if more:
            body.append(f"  … and {more} more (see {escape(str(where))})")
        table.add_row(g.level, str(len(g.problems)), "\n".join(body))
    if shown_groups:
        console.print(table)
    hidden = len(problems) - sum(len(g.problems) for g in shown_groups)
    if hidden:
        console.print(f"{hidden} warnings not shown (-q); all problems: {escape(str(where))}", highlight=False)


def print_files(files: list[Any], shown: dict[str, str], console: Any = None) -> None:
    """A table of the input files (path, encoding, items by kind, status): for small runs."""
    from rich.markup import escape
    from rich.table import Table

    console = console or _console(stderr=False)
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column("file", overflow="fold")
    table.add_column("encoding")
    table.add_column("items", justify="right")
    table.add_column("kinds")
    table.add_column("status")
    for f in files:
        kinds = ", ".join(f"{k} {v}" for k, v in f.kinds.items()) or "-"
        table.add_row(escape(shown.get(f.source, f.source)), f.encoding or "-", str(f.items), kinds, f.status)
    console.print(table)


def record_count_line(files_ok: int, files: int, valid: int, invalid: int, itemless: int = 0) -> str:
    """One record count, the same figure the export and DATASET.md give: valid + schema-invalid; and how
    many of the files read gave no Q&A item (each has its own warning saying why)."""
    total = valid + invalid
    return (f"parsed {files_ok}/{files} files, {total} records"
            + (f" ({invalid} schema-invalid: invalid_records.jsonl)" if invalid else "")
            + (f"; {itemless} of the files read held no Q&A item (see their warnings)" if itemless else ""))


def itemless_files(files: list[Any]) -> int:
    """How many files were read but gave no Q&A item."""
    return sum(1 for f in files if not f.items and f.status != "error")


def print_summary(job: Any, total_s: float, out_dir: Path, details: list[Path], console: Any = None) -> None:
    """The closing table: files, records, findings, clusters, export, where the details are, timings."""
    from rich.markup import escape
    from rich.table import Table

    console = console or _console(stderr=False)
    table = Table(title=f"qatool run -> {escape(str(out_dir))}", show_header=True, header_style="bold")
    table.add_column("", style="bold")
    table.add_column("value", justify="right")
    s, ex = job.dedup.stats, job.export.stats
    sev = job.findings_by_severity()
    parse = job.parse
    statuses = Counter(f.status for f in parse.files)
    rows = [
        ("files", f"{len(parse.files) - parse.failed_files}/{len(parse.files)} parsed"
                  + (f" ({statuses['warning']} with warnings)" if statuses["warning"] else "")),
        ("records", f"{ex['records']}" + (f" ({len(parse.invalid)} schema-invalid)" if parse.invalid else "")),
        ("findings", f"{sev['error']} error, {sev['warning']} warning, {sev['info']} info"),
        ("clusters", f"{s['clusters']} (remove {s['removed']} records)"),
        ("conflicts", str(s["conflicts"])),
        ("exported", f"{ex['exported']} ({ex['train']} train, {ex['val']} val)"),
        ("quarantined", str(ex["quarantined"])),
        ("residual artifacts", str(sum(job.export.audit.failing(job.export.config.allowed_artifacts).values()))
         if job.export.audit is not None else "-"),
        ("per-file details", ", ".join(escape(str(p)) for p in details)),
    ]
    rows += [(f"time: {k}", f"{v:.2f}s") for k, v in job.timings.items()]
    rows.append(("time: total", f"{total_s:.2f}s"))
    for k, v in rows:
        table.add_row(k, v)
    console.print(table)
