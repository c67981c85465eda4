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
from qatool.common.io import InputProblem, ReadLimits, atomic_writer, discover
from qatool.common.schema import SEVERITY_RANK
from qatool.lint.claims import warm_filters
from qatool.lint.compiled import save_compiled
from qatool.lint.document import LintDoc, Unit, doc_from_parsed, load_doc
from qatool.lint.kinds import Knowledge, RuleTimeout, gate_of, literal_scan, make_finding
from qatool.lint.literals import LiteralIndex, save_analysis
from qatool.lint.loader import load_rules
from qatool.lint.model import Finding, Rule
from qatool.lint.registry import in_scope, rule_kind
from qatool.parse.extract import ParsedDoc
from qatool.parse.stage import FileJob, ParseConfig, file_results

SUPPRESS_RE = re.compile(r"<!--\s*+qatool\s*+:\s*+(disable-next-line|disable|enable)\s*+(?:=\s*+([\w\s,-]+?))?\s*+-->")
# the body of one comment (between `<!--` and `-->`, see `suppression_comments`): linear, unlike
# SUPPRESS_RE's search, whose adjacent \s* and lazy codes are quadratic in a run of spaces
_SUPPRESS_BODY = re.compile(r"\s*+qatool\s*+:\s*+(disable-next-line|disable|enable)(?:\s*+=\s*+([\w\s,-]*[\w,-]))?\s*+")


def suppression_comments(text: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, kind, codes) of each suppression comment on a line: what SUPPRESS_RE finds, in
    one pass over the line (each comment is read from the last `<!--` before its `-->`)."""
    pos = 0
    while True:
        b = text.find("-->", pos)
        if b < 0:
            return
        a = text.rfind("<!--", pos, b)
        if a >= 0:
            m = _SUPPRESS_BODY.fullmatch(text, a + 4, b)
            if m:
                yield a, b + 3, m.group(1), m.group(2)
        pos = b + 3
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
        for start, end, kind, listed in suppression_comments(text):
            codes = tuple(c.strip() for c in listed.split(",") if c.strip()) if listed else None
            s = Suppression(kind, codes, no, start + 1, end + 1)
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
        warm_filters(r.spec["claim"] for r in self.rules if "claim" in r.spec)
        # a rule whose kind names a pattern it cannot find anything without is skipped on a document where
        # no unit holds that pattern's literals (one look at the literal pass instead of a call per rule)
        self._needs = {r.code: (gs, rule_kind(r).needs_in_scope) for r in self.rules
                       if (gs := tuple(g for g in rule_kind(r).needs(r, kb) if self.literals.covers(g)))}
        save_analysis()  # the patterns' reading, for the next start (and for workers that load it)

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
        `project_key`); the findings keep the parsed document's source as their path. A rule that
        raises or runs out of time is reported among the parse's problems (an error about the file)."""
        res = self.lint_file(parsed, text, path)
        parsed.problems.extend(InputProblem(parsed.source, "error", e) for e in res.errors)
        return res.findings

    def lint_file(self, parsed: ParsedDoc, text: str, path: Path | None = None, shown: str | None = None,
                  count_hidden: bool = False, keep_doc: bool = False) -> "FileLint":
        """The one way a file is linted (`qatool lint`, `qatool run`, `qatool dedup PATHS`): the parsed
        document's findings, reported under `shown` (default: its source), with per-file-ignores
        and fingerprints keyed by its project path. A rule that raises or times out is one error
        message naming the rule and the file; the document's other findings are kept."""
        doc = doc_from_parsed(parsed, text)
        shown = parsed.source if shown is None else shown
        key = self.project_key(path) if path is not None else parsed.source
        doc.path = key
        findings, errors = self.check_doc(doc)
        hidden: Counter[str] = Counter()
        counter = self.hidden_counter() if count_hidden else None
        if counter is not None:
            found, _ = counter.check_doc(doc)  # its rules' failures are the selected rules' too, reported above
            hidden.update(f.code for f in found)
        doc.path = shown
        if key != shown:
            findings = [dataclasses.replace(f, path=shown) for f in findings]
        save_compiled(force=False)  # the patterns compiled so far, for the next start (a worker has no end of its own)
        return FileLint(findings, errors, hidden, doc if keep_doc else None)

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
        """The findings of `doc`; raises `RuleError` when a rule fails on it (`check_doc` keeps going)."""
        found, errors = self.check_doc(doc)
        if errors:
            raise RuleError(errors)
        return found

    def _run_rule(self, rule: Rule, doc: LintDoc) -> tuple[list[Finding], str | None]:
        """One rule over one document, isolated: its findings, or none and why it failed."""
        try:
            return in_scope(rule, doc, list(rule_kind(rule).check(rule, doc, self.kb))), None
        except RuleTimeout as err:
            return [], str(err)
        except TimeoutError as err:  # a glossary, repository or claim pattern the rule reads (qatool.lint.patterns)
            return [], f"rule {rule.code} ({rule.origin}): {err}"
        except Exception as err:  # noqa: BLE001 - a broken rule must not cost the document its other findings
            return [], (f"rule {rule.code} [{rule.name}] ({rule.origin}) failed on this file ({type(err).__name__}: {err}); "
                        "its findings here are missing, the other rules ran: fix or disable the rule (--ignore "
                        f"{rule.code}) and report the bug with this file")

    def _without_echoes(self, found: list[Finding]) -> list[Finding]:
        """`found` without the findings of direction rules (qatool/rules/directions.yaml) on a line where a rule of
        another kind reports the same misconception: one slip, one finding."""
        kinds_of = {f.code: self.by_code[f.code] for f in found if f.code in self.by_code}
        if not any(r.kind == "direction" for r in kinds_of.values()):
            return found
        said = {(f.path, f.line, m) for f in found if (r := kinds_of.get(f.code)) is not None and r.kind != "direction"
                for m in r.spec.get("misconceptions", ())}
        return [f for f in found if not ((r := kinds_of.get(f.code)) is not None and r.kind == "direction"
                                         and any((f.path, f.line, m) in said for m in r.spec.get("misconceptions", ())))]

    def check_doc(self, doc: LintDoc) -> tuple[list[Finding], list[str]]:
        """Every selected rule over `doc`, each isolated from the others: the findings (suppressions
        applied) and one message per rule that raised or timed out."""
        rules = self._rules_for(doc.path)
        found: list[Finding] = []
        errors: list[str] = []
        doc.literals = self.literals
        scanned = literal_scan(doc, self.literals) if self._needs else None
        for rule in rules:
            if rule.code == UNUSED_SUPPRESSION:
                continue
            need = self._needs.get(rule.code)
            if need is not None and scanned is not None and not self._may_find(rule, doc, scanned, *need):
                continue
            got, err = self._run_rule(rule, doc)
            found.extend(got)
            if err is not None:
                errors.append(err)
        found = self._without_echoes(sorted(set(found), key=Finding.sort_key))
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
            known = set(self.by_code)
            for s in sups:
                unknown = [c for c in s.codes or () if not self._selects(c, known)]
                if unknown:  # a mistyped code suppresses nothing, ever: said whatever else the comment names
                    unit = Unit(s.line, 0, doc.lines[s.line - 1], "other", None)
                    kept.append(make_finding(unused_rule, doc, unit, s.col - 1, s.end_col - 1,
                                             message=f"抑制注释里的规则代码不存在：{','.join(unknown)}，它什么也不会抑制（unused-suppression）"))
                    continue
                if s.codes and not any(self._selects(c, selected) for c in s.codes):
                    continue  # it names only rules that are not running here: nothing to judge
                if not s.used:
                    unit = Unit(s.line, 0, doc.lines[s.line - 1], "other", None)
                    what = ",".join(s.codes) if s.codes else "all rules"
                    kept.append(make_finding(unused_rule, doc, unit, s.col - 1, s.end_col - 1, codes=what))
        return sorted(kept, key=Finding.sort_key), errors

    def _may_find(self, rule: Rule, doc: LintDoc, scanned: Any, needed: tuple[Any, ...], in_scope: bool) -> bool:
        for gate in needed:
            if not self.literals.covers(gate):
                continue  # (an index swapped in after the linter was made covers other gates)
            if not self.literals.held(scanned, gate):
                return False
            if in_scope and not any(doc.units[k].scope in rule.scope for k in self.literals.hits(scanned, gate)):
                return False
        return True

    def _selects(self, code: str, selected: set[str]) -> bool:
        return any(c == code or (code.isupper() and c.startswith(code)) or self.by_code[c].name == code for c in selected)

    def lint_text(self, text: str, path: str) -> list[Finding]:
        return self.lint_doc(load_doc(text.replace("\r\n", "\n").replace("\r", "\n"), path))

    def lint_paths(self, paths: list[Path], limits: ReadLimits = ReadLimits(), keep_docs: bool = False,
                   relative_to: Path | None = None, path_filter: Any = None, executor: Any = None) -> LintResult:
        """Lint files and folders, each file by the per-file path `qatool run` takes too
        (`qatool.parse.stage.process_file`), on `executor` (default: this process). Findings and
        problems name each file relative to `relative_to` (the CLI passes the working directory, as
        ruff does), or by default relative to the inputs' common folder; fingerprints always use
        the project path (`project_key`). A rule that fails on a file is an error problem of that file."""
        inputs, problems = discover(paths, path_filter=path_filter)
        findings: list[Finding] = []
        hidden: Counter[str] = Counter()
        docs: dict[str, LintDoc] = {}
        sources: list[str] = []
        shown = [relative_path(inp.path, relative_to) if relative_to is not None else inp.source for inp in inputs]
        job = FileJob(ParseConfig(limits.max_file_bytes, limits.max_line_chars), self, validate=False, parse_problems=False,
                      count_hidden=True, keep_doc=keep_docs)
        # The findings kept so far are only ever added to: after each file, every object alive is
        # moved out of the cyclic garbage collector's sight (gc.freeze), so that its full collections
        # do not walk them again and again (5-10% of a 100-file lint); they are handed back at the end.
        settle = gc.get_freeze_count() == 0  # unless a caller froze objects of its own
        try:
            for name, res in zip(shown, file_results(inputs, job, executor, shown)):
                problems.extend(_shown_as(p, name) for p in res.problems)
                if not res.read:
                    continue  # not read: no document to lint
                sources.append(name)
                findings.extend(res.findings)
                hidden.update(res.hidden)
                if keep_docs and res.doc is not None:
                    docs[name] = res.doc
                if settle:
                    gc.freeze()
        finally:
            if settle:
                gc.unfreeze()
        return LintResult(findings, problems, len(inputs), docs, sources, hidden)


class RuleError(Exception):
    """Rules failed on a document (raised or timed out); one message per rule, naming it."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages

    def __reduce__(self):
        return (RuleError, (self.messages,))


@dataclass
class FileLint:
    """What linting one file gives: findings, one message per rule that failed on it, the counts of
    the off-by-default autofix rules (`qatool lint`'s summary), and the document when asked for."""

    findings: list[Finding]
    errors: list[str] = field(default_factory=list)
    hidden: Counter[str] = field(default_factory=Counter)
    doc: LintDoc | None = None


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
    """The (code, fingerprint) multiset of a baseline file; ValueError naming what is wrong and where."""
    fix = "create one with --write-baseline"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ValueError(f"{path}: cannot read the baseline ({err.strerror or err}); check the path or {fix}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: the baseline is not UTF-8 text; {fix}") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}:{err.lineno}:{err.colno}: the baseline is not valid JSON ({err.msg}); {fix}") from None
    except RecursionError:
        raise ValueError(f"{path}: not a qatool baseline (JSON nested too deeply); {fix}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: not a qatool baseline (no \"findings\" list at the top); {fix}")
    out: Counter[tuple[str, str]] = Counter()
    for i, e in enumerate(entries):
        if not (isinstance(e, dict) and isinstance(e.get("code"), str) and isinstance(e.get("fingerprint"), str)):
            raise ValueError(f"{path}: baseline entry {i} has no \"code\" and \"fingerprint\" strings; {fix}")
        out[(e["code"], e["fingerprint"])] += 1
    return out


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
