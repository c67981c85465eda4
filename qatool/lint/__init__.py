"""The linter: data-driven rules over parsed Q&A records and the raw lines of each file."""
from __future__ import annotations

from .engine import LintResult, Linter, apply_baseline, read_baseline, write_baseline
from .loader import RuleFileError, load_rules
from .model import Finding, Fix, Rule

__all__ = ["Finding", "Fix", "LintResult", "Linter", "Rule", "RuleFileError", "apply_baseline", "load_rules",
           "read_baseline", "write_baseline"]
