"""Running rules over documents: selection, suppression comments, baselines.

>>> from qatool.lint.engine import Linter
>>> linter = Linter.default()
>>> [f.code for f in linter.lint_text("### 1. 什么是X？\\n\\n**答案：** X。<|endoftext|>\\n", "a.md")]
['FM001']
"""
from __future__ import annotations

import dataclasses
import fnmatch
import gc
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from qatool.common.config import project_root_of
from qatool.common.io import InputProblem, ReadLimits, atomic_writer, discover, read_source
from qatool.common.schema import SEVERITY_RANK
from qatool.lint.document import LintDoc, Unit, doc_from_parsed, load_doc
from qatool.lint.kinds import KIND_CHECKS, Knowledge, RuleTimeout, gate_of, make_finding
from qatool.lint.literals import LiteralIndex
from qatool.lint.loader import load_rules
from qatool.lint.model import Finding, Rule
from qatool.lint.pyrules import PY_CHECKS
from qatool.parse.extract import ParsedDoc

SUPPRESS_RE = re.compile(r"<!--\s*qatool\s*:\s*(disable-next-line|disable|enable)\s*(?:=\s*([\w\s,-]+?))?\s*-->")
UNUSED_SUPPRESSION = "QA900"


def _matches(code_or_name: str, selectors: Iterable[str]) -> bool:
    return any(code_or_name == s or (s.isupper() and code_or_name.startswith(s)) or s == "ALL" for s in selectors)


def rule_selected(rule: Rule, select: list[str] | None, ignore: list[str] | None) -> bool:
    if ignore and (_matches(rule.code, ignore) or rule.name in ignore):
        return False
    if select:
        return _matches(rule.code, select) or rule.name in select
    return rule.enabled


@dataclass
class Suppression:
    kind: str
    codes: tuple[str, ...] | None  # None: every rule
    line: int
    col: int
    end_col: int
    first: int = 0
    last: int = 0
    used: set[str] = field(default_factory=set)

    def covers(self, f: Finding) -> bool:
        if not (self.first <= f.line <= self.last):
            return False
        return self.codes is None or any(f.code == c or f.name == c or (c.isupper() and f.code.startswith(c)) for c in self.codes)


def suppressions(doc: LintDoc) -> list[Suppression]:
    code_lines = {ln.no for ln in doc.scan.lines if ln.kind in ("code", "fence")}
    out: list[Suppression] = []
    open_: list[Suppression] = []
    n = len(doc.lines)
    for no, text in enumerate(doc.lines, 1):
        if no in code_lines or "qatool" not in text:
            continue
        for m in SUPPRESS_RE.finditer(text):
            kind = m.group(1)
            codes = tuple(c.strip() for c in m.group(2).split(",") if c.strip()) if m.group(2) else None
            s = Suppression(kind, codes, no, m.start() + 1, m.end() + 1)
            if kind == "disable-next-line":
                nxt = next((k for k in range(no + 1, n + 1) if doc.lines[k - 1].strip()), no + 1)
                s.first = s.last = nxt
                out.append(s)
            elif kind == "disable":
                s.first, s.last = no, n
                open_.append(s)
                out.append(s)
            else:  # enable: closes the matching disables
                for d in list(open_):
                    if codes is None or d.codes is None or set(codes) & set(d.codes):
                        d.last = no
                        open_.remove(d)
    return out


@dataclass
class LintResult:
    findings: list[Finding]
    problems: list[InputProblem]
    files: int
    docs: dict[str, LintDoc] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)  # every file that was linted
    # findings of the rules left out of the default set whose fixes --fix applies (typography), by
    # code: counted, not reported, so that the summary can say they exist and how to see them
    hidden: Counter[str] = field(default_factory=Counter)

    def failing(self, fail_on: str) -> list[Finding]:
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on]]

    @property
    def input_errors(self) -> list[InputProblem]:
        return [p for p in self.problems if p.level == "error"]


class Linter:
    """A selected set of rules with their knowledge; lints text, files and folders."""

    def __init__(self, rules: list[Rule], kb: Knowledge, select: list[str] | None = None,
                 ignore: list[str] | None = None, per_file_ignores: dict[str, list[str]] | None = None,
                 root: Path | None = None):
        self.all_rules = rules
        # the project root (config file's folder or git root): per-file-ignores globs and finding
        # fingerprints use paths relative to it, so they do not depend on which files were passed
        self.root = root
        self.kb = kb
        self.select, self.ignore = select, ignore
        self.rules = [r for r in rules if rule_selected(r, select, ignore)]
        self._fixer: Linter | None = None
        self._hidden: Linter | None = None
        self.per_file_ignores = per_file_ignores or {}
        self.by_code = {r.code: r for r in rules}
        # one literal pass per document finds the units every gated rule needs to look at
        self.literals = LiteralIndex.build(g for r in self.rules for g in (gate_of(r, kb), r.spec.get("pgate")) if g is not None)

    @classmethod
    def default(cls, extra_rules: list[Path] | None = None, **kw: Any) -> "Linter":
        rules, kb = load_rules(extra_rules)
        return cls(rules, kb, **kw)

    def _defaults_kept(self) -> bool:
        """Whether the selection still holds the whole default set (no --select narrowed it)."""
        chosen = {r.code for r in self.rules}
        return all(r.code in chosen or not rule_selected(r, None, self.ignore)
                   for r in self.all_rules if r.enabled)

    def _unselected_autofix(self) -> list[Rule]:
        if not self._defaults_kept():
            return []
        return [r for r in self.all_rules if r.autofix and r not in self.rules and rule_selected(r, [r.code], self.ignore)]

    def fixer(self) -> "Linter":
        """The linter `--fix` runs: the selected rules plus, unless --select narrowed the selection,
        the rules off by default whose fixes are on (typography: TY002, TY003), so that style fixes
        are applied without their findings crowding the default report (as ruff keeps style rules
        out of its default set)."""
        if self._fixer is None:
            extra = self._unselected_autofix()
            self._fixer = self if not extra else Linter(
                self.all_rules, self.kb, select=[r.code for r in self.rules + extra], ignore=self.ignore,
                per_file_ignores=self.per_file_ignores, root=self.root)
        return self._fixer

    def hidden_counter(self) -> "Linter | None":
        """A linter of the autofix rules left out of this selection (None when there are none)."""
        if self._hidden is None:
            extra = self._unselected_autofix()
            self._hidden = Linter(self.all_rules, self.kb, select=[r.code for r in extra],
                                  per_file_ignores=self.per_file_ignores, root=self.root) if extra else False  # type: ignore[assignment]
        return self._hidden or None

    def _rules_for(self, path: str) -> list[Rule]:
        ignored = [c for pat, codes in self.per_file_ignores.items() if fnmatch.fnmatch(path, pat) for c in codes]
        return [r for r in self.rules if not (ignored and (_matches(r.code, ignored) or r.name in ignored))]

    def lint_parsed(self, parsed: ParsedDoc, text: str, path: Path | None = None) -> list[Finding]:
        """Lint a document the parse stage has already parsed (the same parse, not a second one).
        Given the file's `path`, per-file-ignores and fingerprints use its project path (see
        `project_key`); the findings keep the parsed document's source as their path."""
        doc = doc_from_parsed(parsed, text)
        if path is None:
            return self.lint_doc(doc)
        return self.lint_doc_as(doc, self.project_key(path), parsed.source)

    def project_key(self, path: Path) -> str:
        """`path` relative to the project root (forward slashes). A file outside it is keyed
        relative to its own project (the nearest config file's folder or git root above it), else
        by its absolute path."""
        root = self.root if self.root is not None else Path.cwd()
        path = Path(os.path.abspath(path))
        if not path.is_relative_to(root):
            root = project_root_of(path) or root
        return relative_path(path, root)

    def lint_doc_as(self, doc: LintDoc, key: str, shown: str) -> list[Finding]:
        """Lint `doc` as the file `key` (project path: per-file-ignores, fingerprints) and report its
        findings under the path `shown` (what the user reads, e.g. relative to the working directory)."""
        doc.path = key
        found = self.lint_doc(doc)
        doc.path = shown
        return found if key == shown else [dataclasses.replace(f, path=shown) for f in found]

    def lint_doc(self, doc: LintDoc) -> list[Finding]:
        rules = self._rules_for(doc.path)
        found: list[Finding] = []
        doc.literals = self.literals
        for rule in rules:
            if rule.code == UNUSED_SUPPRESSION:
                continue
            fn = PY_CHECKS[rule.spec["check"]] if rule.kind == "python" else KIND_CHECKS[rule.kind]
            found.extend(fn(rule, doc, self.kb))
        found = sorted(set(found), key=Finding.sort_key)
        sups = suppressions(doc)
        kept = []
        for f in found:
            hit = next((s for s in sups if s.covers(f)), None)
            if hit is None:
                kept.append(f)
            else:
                hit.used.add(f.code)
        unused_rule = self.by_code.get(UNUSED_SUPPRESSION)
        if unused_rule is not None and unused_rule in rules:
            selected = {r.code for r in rules}
            for s in sups:
                if s.codes and not any(self._selects(c, selected) for c in s.codes):
                    continue  # it names only rules that are not running here: nothing to judge
                if not s.used:
                    unit = Unit(s.line, 0, doc.lines[s.line - 1], "other", None)
                    what = ",".join(s.codes) if s.codes else "all rules"
                    kept.append(make_finding(unused_rule, doc, unit, s.col - 1, s.end_col - 1, codes=what))
        return sorted(kept, key=Finding.sort_key)

    def _selects(self, code: str, selected: set[str]) -> bool:
        return any(c == code or (code.isupper() and c.startswith(code)) or self.by_code[c].name == code for c in selected)

    def lint_text(self, text: str, path: str) -> list[Finding]:
        return self.lint_doc(load_doc(text.replace("\r\n", "\n").replace("\r", "\n"), path))

    def lint_paths(self, paths: list[Path], limits: ReadLimits = ReadLimits(), keep_docs: bool = False,
                   relative_to: Path | None = None, path_filter: Any = None) -> LintResult:
        """Lint files and folders. Findings and problems name each file relative to `relative_to`
        (the CLI passes the working directory, as ruff does), or by default relative to the
        inputs' common folder; fingerprints always use the project path (`project_key`)."""
        inputs, problems = discover(paths, path_filter=path_filter)
        findings: list[Finding] = []
        hidden: Counter[str] = Counter()
        counter = self.hidden_counter()
        docs: dict[str, LintDoc] = {}
        sources: list[str] = []
        # The findings kept so far are only ever added to: after each file, every object alive is
        # moved out of the cyclic garbage collector's sight (gc.freeze), so that its full collections
        # do not walk them again and again (5-10% of a 100-file lint); they are handed back at the end.
        settle = gc.get_freeze_count() == 0  # unless a caller froze objects of its own
        try:
            for inp in inputs:
                shown = relative_path(inp.path, relative_to) if relative_to is not None else inp.source
                src = read_source(inp, limits)
                if isinstance(src, InputProblem):
                    problems.append(_shown_as(src, shown))
                    continue
                problems.extend(_shown_as(p, shown) for p in src.problems)
                key = self.project_key(inp.path)
                doc = load_doc(src.text, key)
                sources.append(shown)
                try:
                    findings.extend(self.lint_doc_as(doc, key, shown))
                    if counter is not None:
                        hidden.update(f.code for f in counter.lint_doc_as(doc, key, shown))
                except RuleTimeout as err:
                    problems.append(InputProblem(shown, "error", str(err)))
                    self.rules = [r for r in self.rules if r is not err.rule]
                if keep_docs:
                    docs[shown] = doc
                if settle:
                    gc.freeze()
        finally:
            if settle:
                gc.unfreeze()
        return LintResult(findings, problems, len(inputs), docs, sources, hidden)


def relative_path(path: Path, base: Path) -> str:
    """`path` relative to `base` with forward slashes when it lies under `base`, else its absolute
    path (as ruff and sqlfluff print paths).

    >>> relative_path(Path("/repo/corpus/a.md"), Path("/repo"))
    'corpus/a.md'
    >>> relative_path(Path("/elsewhere/a.md"), Path("/repo"))
    '/elsewhere/a.md'
    """
    path = Path(os.path.abspath(path))
    base = Path(os.path.abspath(base))
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()


def _shown_as(problem: InputProblem, shown: str) -> InputProblem:
    return problem if problem.path == shown else dataclasses.replace(problem, path=shown)


# ----------------------------------------------------------------------------------------- baseline


def write_baseline(findings: list[Finding], path: Path) -> None:
    entries = [{"code": f.code, "path": f.path, "fingerprint": f.fingerprint, "message": f.message} for f in findings]
    entries.sort(key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    with atomic_writer(path) as fh:
        json.dump({"version": 1, "tool": "qatool", "findings": entries}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def read_baseline(path: Path) -> Counter[tuple[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Counter((e["code"], e["fingerprint"]) for e in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(f"{path}: not a qatool baseline ({err}); create one with --write-baseline") from None


def apply_baseline(findings: list[Finding], baseline: Counter[tuple[str, str]]) -> list[Finding]:
    """Findings not in the baseline. Matching is by code + fingerprint (record content and matched
    text, not line numbers), as a multiset: a second copy of a baselined finding is new."""
    left = Counter(baseline)
    out = []
    for f in findings:
        key = (f.code, f.fingerprint)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out


def iter_fixes(findings: list[Finding]) -> Iterator[Finding]:
    return (f for f in findings if f.fix is not None)
