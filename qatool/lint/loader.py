"""Loading rule files: YAML with line numbers, validated against `schemas/rule_file.schema.json`,
every regex compiled and probed for catastrophic backtracking before any document is linted.

Every problem is a `RuleFileError` whose message names the file and line and says what to do.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import regex
import yaml

import qatool.lint.claims as claim_kind
from qatool.lint.kinds import CITATION_CHECKS, FLAGS, KIND_CHECKS, Knowledge, Term
from qatool.lint.model import PROSE_SCOPES, Rule, RuleDocs
from qatool.lint.pyrules import PY_CHECKS

BUILTIN_RULE_FILES = ("format.yaml", "structure.yaml", "metrics.yaml", "training.yaml", "models.yaml", "citations.yaml",
                      "claims_training.yaml", "claims_models.yaml", "claims_methods.yaml")
PROBE_TIMEOUT = 0.2
PROBES = ("a" * 3000 + "!", "啊" * 3000 + "！", " " * 3000 + "x", "ab" * 1500 + "!", "*" * 3000 + "x", "，" * 3000 + "。", "1" * 3000 + "a")


class RuleFileError(Exception):
    pass


@lru_cache(maxsize=None)
def _file_schema_validator() -> jsonschema.Draft202012Validator:
    text = resources.files("qatool").joinpath("schemas", "rule_file.schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def _node_at(node: yaml.Node, path: list[Any]) -> yaml.Node:
    for part in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            nxt = node.value[part]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
    return node


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def read_rule_file(path: Path, text: str | None = None) -> tuple[dict[str, Any], yaml.Node]:
    """Parse and schema-validate one rule file; returns the data and its YAML node tree (for line numbers)."""
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as err:
        raise RuleFileError(f"{path}: cannot read rule file ({err}); check the path and that it is UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleFileError(f"{where}: invalid YAML ({getattr(err, 'problem', err)}); fix the syntax") from None
    if data is None:
        raise RuleFileError(f"{path}: rule file is empty; add a `rules:` list")
    err = jsonschema.exceptions.best_match(_file_schema_validator().iter_errors(data))
    if err is not None:
        at = _node_at(node, list(err.absolute_path))
        where = "/".join(map(str, err.absolute_path)) or "(file)"
        code = ""
        if len(err.absolute_path) >= 2 and err.absolute_path[0] == "rules":
            rule = data["rules"][err.absolute_path[1]]
            code = f" rule {rule.get('code', '?')}:" if isinstance(rule, dict) else ""
        raise RuleFileError(f"{path}:{_line(at)}:{code} {where}: {err.message}; see schemas/rule_file.schema.json")
    return data, node


def compile_regex(pattern: str, where: str) -> regex.Pattern:
    try:
        rx = regex.compile(pattern, FLAGS)
    except regex.error as err:
        raise RuleFileError(f"{where}: pattern {pattern!r} does not compile ({err}); fix the regular expression") from None
    for probe in PROBES:
        try:
            rx.search(probe, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            raise RuleFileError(f"{where}: pattern {pattern!r} backtracks catastrophically (over {PROBE_TIMEOUT}s on a "
                                "3,000-character probe); remove nested quantifiers such as (a+)+ or (.*)*") from None
    return rx


def _as_list(v: str | list[str] | None) -> list[str]:
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def display_path(path: Path) -> str:
    """Built-in rule files are shown as qatool/rules/NAME, wherever the package is installed."""
    builtin = Path(str(resources.files("qatool").joinpath("rules")))
    try:
        return f"qatool/rules/{path.resolve().relative_to(builtin.resolve()).as_posix()}"
    except ValueError:
        return str(path)


def _build_rule(path: Path, node: yaml.Node, idx: int, entry: dict[str, Any], kb: Knowledge) -> Rule:
    rnode = _node_at(node, ["rules", idx])
    origin = f"{display_path(path)}:{_line(rnode)}"

    def where(key: str, i: int | None = None) -> str:
        sub = ["rules", idx, key] + ([i] if i is not None else [])
        return f"{path}:{_line(_node_at(node, sub))}: rule {entry['code']}"

    kind = entry["kind"]
    spec: dict[str, Any] = {"within": entry.get("within", "sentence"), "misconceptions": tuple(_as_list(entry.get("misconception")))}
    # a rule that judges statements never reads a question as one (kinds.asks; claim rules read sentences themselves)
    spec["statement"] = entry.get("statement", entry["code"].startswith("FC") and kind in STATEMENT_KINDS)
    for key in ("unless", "context"):
        spec[key] = [compile_regex(p, where(key, i)) for i, p in enumerate(_as_list(entry.get(key)))]
    if kind == "pattern":
        spec["patterns"] = [compile_regex(p, where("pattern", i)) for i, p in enumerate(_as_list(entry["pattern"]))]
        spec["gate"] = regex.compile("|".join(f"(?:{p.pattern})" for p in spec["patterns"]), FLAGS)
        if "fix" in entry:
            spec["fix"] = entry["fix"]
    elif kind == "cooccurrence":
        claims = []
        for i, c in enumerate(entry["all"]):
            pat, place = (c, "unit") if isinstance(c, str) else (c["pattern"], c.get("in", "unit"))
            claims.append((compile_regex(pat, where("all", i)), place))
        if not any(p in ("unit", "either") for _, p in claims):
            raise RuleFileError(f"{where('all')}: a co-occurrence needs at least one claim matched in the text (in: unit or either)")
        spec["all"] = claims
        spec["gate"] = next((rx for rx, place in claims if place == "unit"), None)
    elif kind == "definition":
        if entry.get("duplicate"):
            spec["duplicate"] = True
        else:
            for key in ("term", "given"):
                if entry[key] not in kb.terms:
                    raise RuleFileError(f"{where(key)}: unknown glossary term {entry[key]!r}; known: {', '.join(sorted(kb.terms))}")
            spec["term"], spec["given"] = entry["term"], entry["given"]
    elif kind == "citation":
        if entry["check"] not in CITATION_CHECKS:
            raise RuleFileError(f"{where('check')}: unknown citation check {entry['check']!r}; one of {', '.join(CITATION_CHECKS)}")
        spec["check"] = entry["check"]
    elif kind == "claim":
        subjects = tuple(_as_list(entry["subject"]))
        for s in subjects:
            if s not in kb.claim_terms:
                raise RuleFileError(f"{where('subject')}: unknown term {s!r}; define it under `terms:` (known: {', '.join(sorted(kb.claim_terms)) or 'none'})")
        preds = tuple(compile_regex(p, where("predicate", i)) for i, p in enumerate(_as_list(entry.get("predicate"))))
        number = None
        if "number" in entry:
            n = entry["number"]
            qty = compile_regex(n["quantity"], where("number")) if "quantity" in n else None
            number = claim_kind.NumberSpec(float(n["value"]), float(n.get("tolerance", 0.1)), qty, n.get("scaled", True))
        spec["claim"] = claim_kind.ClaimSpec(subjects, preds, entry.get("wrong", "affirm"), number)
        if preds:  # where a phrasing of the property can be: the literal prefilter narrows the units to read
            spec["pgate"] = regex.compile("|".join(f"(?:{p.pattern})" for p in preds), FLAGS)
    elif kind == "python":
        if entry["check"] not in PY_CHECKS:
            raise RuleFileError(f"{where('check')}: unknown python check {entry['check']!r}; one of {', '.join(sorted(PY_CHECKS))}")
        spec["check"] = entry["check"]
    if entry.get("autofix") and not ("fix" in entry or (kind == "python" and entry["check"] in FIXABLE_PY_CHECKS)):
        raise RuleFileError(f"{where('autofix')}: autofix needs a rule that can fix (a `fix:` template); remove autofix or add the fix")
    docs = entry["docs"]
    return Rule(
        code=entry["code"], name=entry["name"], severity=entry["severity"], kind=kind, message=entry["message"],
        docs=RuleDocs(docs["what"], docs["why"], docs["fail"], docs["pass"]),
        scope=tuple(entry.get("scope", CLAIM_SCOPES if kind == "claim" else PROSE_SCOPES)), enabled=entry.get("enabled", True),
        fixable="fix" in entry or (kind == "python" and entry["check"] in FIXABLE_PY_CHECKS),
        autofix=entry.get("autofix", False),
        spec=spec, origin=origin,
    )


STATEMENT_KINDS = ("pattern", "cooccurrence", "definition")
CLAIM_SCOPES = tuple(s for s in PROSE_SCOPES if s != "question")  # the question field asks; it states nothing
FIXABLE_PY_CHECKS = {"heading-glued", "malformed-bold-label", "halfwidth-punctuation", "fullwidth-alphanumeric", "cjk-lookalike"}


def _merge_knowledge(path: Path, node: yaml.Node, data: dict[str, Any], kb: Knowledge) -> None:
    for key, t in (data.get("glossary") or {}).items():
        at = f"{path}:{_line(_node_at(node, ['glossary', key]))}: glossary term {key}"
        kb.terms[key] = Term(key, t["label"], compile_regex(t["names"], at), compile_regex(t["definition"], at))
        kb._names_rx = None
    for key, t in (data.get("terms") or {}).items():
        old = kb.claim_terms.get(key)  # a term named in several files gets the names of all (the first label)
        names = tuple(dict.fromkeys((old.names if old else ()) + tuple(t["names"])))
        kb.claim_terms[key] = claim_kind.Term(key, old.label if old else t["label"], names)
        kb._reader = None
    kb.papers.extend(data.get("papers") or [])
    kb.books.extend(data.get("books") or [])
    for i, r in enumerate(data.get("repos") or []):
        compile_regex(r["names"], f"{path}:{_line(_node_at(node, ['repos', i]))}: repository {r['project']}")
        kb.repos.append(r)


def load_rule_files(paths: list[Path], texts: dict[Path, str] | None = None) -> tuple[list[Rule], Knowledge]:
    """Load rule files in order (knowledge first, then rules). Codes and names must be unique."""
    kb = Knowledge()
    parsed = []
    for path in paths:
        data, node = read_rule_file(path, (texts or {}).get(path))
        _merge_knowledge(path, node, data, kb)
        parsed.append((path, node, data))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path, node, data in parsed:
        for idx, entry in enumerate(data.get("rules") or []):
            rule = _build_rule(path, node, idx, entry, kb)
            for key in (rule.code, rule.name):
                if key in seen:
                    raise RuleFileError(f"{rule.origin}: rule {rule.code} [{rule.name}]: {key!r} is already defined at {seen[key]}; "
                                        "pick another code/name")
                seen[key] = rule.origin
            rules.append(rule)
    assert set(KIND_CHECKS) | {"python"} >= {r.kind for r in rules}
    return rules, kb


def builtin_rule_paths() -> list[Path]:
    base = resources.files("qatool").joinpath("rules")
    return [Path(str(base.joinpath(name))) for name in BUILTIN_RULE_FILES]


def user_rule_paths(dirs: list[Path]) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        if d.is_file():
            out.append(d)
        elif d.is_dir():
            out.extend(sorted(p for p in d.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            raise RuleFileError(f"{d}: no such rule file or folder; --rules takes a folder of *.yaml rule files")
    return out


@lru_cache(maxsize=4)
def _load_cached(paths: tuple[Path, ...]) -> tuple[list[Rule], Knowledge]:
    return load_rule_files(list(paths))


def load_rules(extra: list[Path] | None = None) -> tuple[list[Rule], Knowledge]:
    """The built-in rule pack plus user rule files/folders (`--rules DIR`)."""
    return _load_cached(tuple(builtin_rule_paths() + user_rule_paths(extra or [])))
