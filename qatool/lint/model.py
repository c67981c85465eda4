"""The nouns of the linter: severities, rules, fixes, findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qatool.common.schema import findings_arrow_schema

SCOPES = ("question", "answer", "analysis", "heading", "other", "code")
PROSE_SCOPES = ("question", "answer", "analysis", "heading", "other")


@dataclass(frozen=True)
class RuleDocs:
    what: str
    why: str
    fail: str
    passing: str


@dataclass(frozen=True)
class Rule:
    """One rule. `spec` holds the compiled, kind-specific parts (patterns, terms, checks)."""

    code: str
    name: str
    severity: str
    kind: str
    message: str
    docs: RuleDocs
    scope: tuple[str, ...] = PROSE_SCOPES
    enabled: bool = True
    fixable: bool = False
    autofix: bool = False  # off by default, yet --fix applies its fixes (the typography rules)
    spec: Any = field(default_factory=dict, compare=False, hash=False)  # the kind's typed spec (qatool.lint.registry)
    origin: str = ""  # file:line where the rule is defined


@dataclass(frozen=True)
class Fix:
    """Replace columns [col, end_col) of one line (1-based columns, code points) with `text`."""

    line: int
    col: int
    end_col: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.col, "end_column": self.end_col, "replacement": self.text}


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: str
    message: str
    path: str
    line: int
    col: int  # 1-based, in Unicode code points
    end_line: int
    end_col: int  # exclusive
    record_id: str | None = None
    fix: Fix | None = None
    fingerprint: str = ""  # what a baseline matches on: code + record content + matched text

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.code, self.end_line, self.end_col, self.message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "end_line": self.end_line,
            "end_column": self.end_col,
            "record_id": self.record_id,
            "fix": self.fix.as_dict() if self.fix else None,
            "fingerprint": self.fingerprint,
        }


def findings_table(findings: list[Finding]):
    import pyarrow as pa

    return pa.Table.from_pylist([f.as_dict() for f in findings], schema=findings_arrow_schema())
