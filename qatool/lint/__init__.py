"""The lint stage: parsed documents -> findings.

In: a parsed document (`qatool.parse.ParsedDoc`) and its raw text, or files. Out: `Finding`s, each
with a stable code, severity and exact location; `findings.parquet` when run by the parse stage.
Rules are data (`qatool/rules/*.yaml`, kinds in `kinds.py`) plus a few Python checks (`pyrules.py`).
"""
from __future__ import annotations

from qatool.lint.engine import Linter, LintResult, apply_baseline, read_baseline, write_baseline
from qatool.lint.loader import RuleFileError, load_rules
from qatool.lint.model import Finding, Fix, Rule

__all__ = ["Finding", "Fix", "LintResult", "Linter", "Rule", "RuleFileError", "apply_baseline", "load_rules",
           "read_baseline", "write_baseline"]
