"""One small renderer per output format: `render(findings, rules, stream)`."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import PurePosixPath
from typing import Any, Callable, Iterable, TextIO
from urllib.parse import quote

from qatool.common.version import PROJECT_URL, __version__
from qatool.lint.model import Finding, Rule

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_text(findings: list[Finding], rules: Iterable[Rule], out: TextIO) -> None:
    for f in findings:
        out.write(f"{f.path}:{f.line}:{f.col}: {f.code} [{f.name}] {f.message}\n")


def render_json(findings: list[Finding], rules: Iterable[Rule], out: TextIO) -> None:
    json.dump([f.as_dict() for f in findings], out, ensure_ascii=False, indent=2)
    out.write("\n")


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


def render_github(findings: list[Finding], rules: Iterable[Rule], out: TextIO) -> None:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…::message"""
    for f in findings:
        props = ",".join([
            f"file={_gh_escape(f.path, True)}", f"line={f.line}", f"col={f.col}",
            f"endLine={f.end_line}", f"endColumn={f.end_col}", f"title={_gh_escape(f'{f.code} [{f.name}]', True)}",
        ])
        out.write(f"::{GITHUB_LEVEL[f.severity]} {props}::{_gh_escape(f.message)}\n")


def _artifact(path: str) -> dict:
    """A SARIF artifact location: a path relative to the working directory (where a CI job runs from
    the repository root, so code scanning puts it on the repository's file), or a file URI."""
    if path.startswith("/"):
        return {"uri": PurePosixPath(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": "SRCROOT"}


def sarif_log(findings: list[Finding], rules: Iterable[Rule]) -> dict:
    rules = sorted({r.code: r for r in rules}.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    driver = {
        "name": "qatool",
        "version": __version__,
        "informationUri": PROJECT_URL,
        "rules": [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": f"{r.name}: {r.docs.what}"},
            "fullDescription": {"text": r.docs.what},
            "help": {"text": f"{r.docs.why}\n\n错误示例：{r.docs.fail}\n正确示例：{r.docs.passing}"},
            "defaultConfiguration": {"level": SARIF_LEVEL[r.severity], "enabled": r.enabled},
            "properties": {"kind": r.kind},
        } for r in rules],
    }
    results = []
    for f in findings:
        res: dict[str, Any] = {
            "ruleId": f.code,
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _artifact(f.path),
                "region": {"startLine": f.line, "startColumn": f.col, "endLine": f.end_line, "endColumn": f.end_col},
            }}],
            "partialFingerprints": {"qatool/v1": f.fingerprint},
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        if f.record_id:
            res["properties"] = {"record_id": f.record_id}
        if f.fix:
            res["fixes"] = [{
                "description": {"text": "qatool --fix"},
                "artifactChanges": [{
                    "artifactLocation": _artifact(f.path),
                    "replacements": [{
                        "deletedRegion": {"startLine": f.fix.line, "startColumn": f.fix.col, "endLine": f.fix.line, "endColumn": f.fix.end_col},
                        "insertedContent": {"text": f.fix.text},
                    }],
                }],
            }]
        results.append(res)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


def render_sarif(findings: list[Finding], rules: Iterable[Rule], out: TextIO) -> None:
    json.dump(sarif_log(findings, rules), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_junit(findings: list[Finding], rules: Iterable[Rule], out: TextIO, paths: Iterable[str] = ()) -> None:
    """One test suite per file, one failing test case per finding; a clean file is one passing case."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    for p in paths:
        by_path.setdefault(p, [])
    root = ET.Element("testsuites", name="qatool", tests="0", failures="0")
    total = failures = 0
    for path in sorted(by_path):
        items = by_path[path]
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(items))), failures=str(len(items)))
        if not items:
            ET.SubElement(suite, "testcase", name="no findings", classname=path)
        for f in items:
            case = ET.SubElement(suite, "testcase", name=f"{f.code} [{f.name}] {f.line}:{f.col}", classname=path)
            fail = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            fail.text = f"{f.path}:{f.line}:{f.col}: {f.code} [{f.name}] {f.message}"
        total += max(1, len(items))
        failures += len(items)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


RENDERERS: dict[str, Callable[..., None]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}


def statistics(findings: list[Finding]) -> list[dict]:
    """Findings per rule, most frequent first (ruff's --statistics)."""
    by: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by[f.code].append(f)
    rows = [{"code": code, "name": fs[0].name, "severity": fs[0].severity, "count": len(fs),
             "fixable": sum(1 for f in fs if f.fix is not None)} for code, fs in by.items()]
    return sorted(rows, key=lambda r: (-r["count"], r["code"]))


def render_statistics_text(findings: list[Finding], out: TextIO) -> None:
    rows = statistics(findings)
    width = max([len(str(r["count"])) for r in rows] + [1])
    for r in rows:
        fix = f"  [{r['fixable']} fixable]" if r["fixable"] else ""
        out.write(f"{r['count']:>{width}}  {r['code']}  {r['severity']:<7}  {r['name']}{fix}\n")


def render_statistics_json(findings: list[Finding], out: TextIO) -> None:
    json.dump(statistics(findings), out, ensure_ascii=False, indent=2)
    out.write("\n")


RENDER_STATISTICS: dict[str, Callable[[list[Finding], TextIO], None]] = {
    "text": render_statistics_text,
    "json": render_statistics_json,
}


def _count(n: int, noun: str) -> str:
    """`1 finding`, `2 findings`."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def summary(findings: list[Finding], hidden: Counter[str] | None = None) -> str:
    """`12 findings (3 error, 9 warning); 2 fixable with --fix`, and when rules off by default found
    something: how many findings, of which rules, and how to see them."""
    by = Counter(f.severity for f in findings)
    fixable = sum(1 for f in findings if f.fix)
    parts = ", ".join(f"{by[s]} {s}" for s in ("error", "warning", "info") if by[s])
    text = _count(len(findings), "finding") + (f" ({parts})" if parts else "")
    text += f"; {fixable} fixable with --fix" if fixable else ""
    if hidden and sum(hidden.values()):
        codes = sorted(c for c, n in hidden.items() if n)
        each = ", ".join(f"{c} {hidden[c]}" for c in codes)
        text += (f"\n{_count(sum(hidden.values()), 'more finding')} of rules off by default are not shown ({each}): "
                 f"see them with --select {','.join(codes)}; --fix applies their fixes")
    return text


def rules_markdown(rules: Iterable[Rule]) -> str:
    """The rule reference: a table of every rule, then each rule's docs."""
    rules = sorted(rules, key=lambda r: r.code)
    out = ["# qatool rules\n", "Generated by `qatool rules list --markdown`; a test keeps this file in step with the rule pack.\n",
           "| code | name | severity | kind | fix | default |", "| --- | --- | --- | --- | --- | --- |"]
    for r in rules:
        out.append(f"| {r.code} | `{r.name}` | {r.severity} | {r.kind} | {'yes' if r.fixable else ''} | {'on' if r.enabled else 'off'} |")
    for r in rules:
        fail = r.docs.fail.replace("\n", "\n    ")
        passing = r.docs.passing.replace("\n", "\n    ")
        out += ["", f"## {r.code} `{r.name}`", "",
                f"{r.severity}, {r.kind}{', fixable' if r.fixable else ''}{'' if r.enabled else ', off by default'}; defined in `{r.origin}`.",
                "", f"**What it does.** {r.docs.what}", "", f"**Why it matters.** {r.docs.why}", "",
                "Failing example:", "", f"    {fail}", "", "Passing example:", "", f"    {passing}"]
    return "\n".join(out) + "\n"
