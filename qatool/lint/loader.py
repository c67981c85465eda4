"""Loading rule files: YAML with line numbers, validated against `schemas/rule_file.schema.json`,
every regex compiled and probed for catastrophic backtracking before any document is linted.

Every problem is a `RuleFileError` whose message names the file and line and says what to do.
"""
from __future__ import annotations

import functools
import hashlib
import json
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jsonschema
import regex
import yaml

import qatool.lint.claims as claim_kind
import qatool.lint.registry as registry
from qatool.common.cache import cache_dir
from qatool.common.io import atomic_writer
from qatool.lint.compiled import compile_pattern
from qatool.lint.kinds import FLAGS, Knowledge, Term
from qatool.lint.model import Rule, RuleDocs
from qatool.lint.patterns import SafePattern
from qatool.lint.registry import KINDS, BuildContext, build_spec

BUILTIN_RULE_FILES = ("format.yaml", "structure.yaml", "metrics.yaml", "training.yaml", "models.yaml", "citations.yaml",
                      "claims_training.yaml", "claims_models.yaml", "claims_methods.yaml", "directions.yaml")
PROBE_TIMEOUT = 0.2
PROBES = ("a" * 3000 + "!", "啊" * 3000 + "！", " " * 3000 + "x", "ab" * 1500 + "!", "*" * 3000 + "x", "，" * 3000 + "。", "1" * 3000 + "a")


class RuleFileError(Exception):
    pass


def _base_schema() -> dict[str, Any]:
    return json.loads(resources.files("qatool").joinpath("schemas", "rule_file.schema.json").read_text(encoding="utf-8"))


COMMON_KEYS = frozenset(_base_schema()["$defs"]["rule"]["properties"])


def rule_file_schema() -> dict[str, Any]:
    """The rule file schema: schemas/rule_file.schema.json (knowledge and the keys every rule has)
    with each registered kind's fragment (qatool.lint.registry) applied when `kind` names it."""
    schema = _base_schema()
    rule = schema["$defs"]["rule"]
    rule["properties"]["kind"] = {"enum": list(KINDS)}
    rule["allOf"] = [{"if": {"properties": {"kind": {"const": name}}, "required": ["kind"]}, "then": kind.schema}
                     for name, kind in KINDS.items()]
    rule["unevaluatedProperties"] = False
    return schema


@lru_cache(maxsize=8)
def _file_schema_validator(kinds: tuple[str, ...]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(rule_file_schema())


def _check_kind_keys(path: Path, node: yaml.Node, data: dict[str, Any]) -> None:
    """A key that is not one of the rule's kind is an error naming the file, line and key (the
    schema would only say it was unexpected)."""
    for idx, entry in enumerate(data.get("rules") or [] if isinstance(data, dict) else []):
        if not isinstance(entry, dict) or entry.get("kind") not in KINDS:
            continue
        kind = KINDS[entry["kind"]]
        for key in entry:
            if key in COMMON_KEYS or key in kind.keys:
                continue
            owners = [name for name, k in KINDS.items() if key in k.keys]
            whose = f"a key of kind {' and '.join(owners)}" if owners else "a key of no rule kind"
            raise RuleFileError(
                f"{path}:{_line(_node_at(node, ['rules', idx, key]))}: rule {entry.get('code', '?')}: key {key!r} is {whose}, "
                f"not of kind {kind.name}; remove it or change the kind (keys of {kind.name}: "
                f"{', '.join(sorted(kind.keys)) or 'none'}, besides the common ones)")


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


class _RuleLoader(yaml.SafeLoader):
    """Safe YAML without aliases: `*name` (and `<<: *name` merges) would let a few hundred bytes
    expand into gigabytes once walked (a "billion laughs" file). Rule files spell values out."""

    def compose_node(self, parent, index):  # noqa: ANN001
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed in rule files; "
                                              "write the value out instead", event.start_mark)
        return super().compose_node(parent, index)


def _compose_and_load(text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and the data built from it: one parse, by libyaml when
    PyYAML has it (the pure-Python parser took most of the start-up of a linter with the full pack);
    aliases refused either way."""
    if not getattr(yaml, "__with_libyaml__", False):
        loader = _RuleLoader(text)
        try:
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else None)
        finally:
            loader.dispose()
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            mark: Any = event.start_mark  # libyaml's Mark: the same line/column fields as yaml.error.Mark
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed in rule files; "
                                              "write the value out instead", mark)
    cloader = yaml.CSafeLoader(text)
    try:
        node = cloader.get_single_node()
        return node, (cloader.construct_document(node) if node is not None else None)
    finally:
        cloader.dispose()


def read_rule_file(path: Path, text: str | None = None) -> tuple[dict[str, Any], yaml.Node]:
    """Parse and schema-validate one rule file; returns the data and its YAML node tree (for line numbers)."""
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as err:
        raise RuleFileError(f"{path}: cannot read rule file ({err}); check the path and that it is UTF-8") from None
    try:
        node, data = _compose_and_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleFileError(f"{where}: invalid YAML ({getattr(err, 'problem', err)}); fix the syntax") from None
    except RecursionError:
        raise RuleFileError(f"{path}: YAML nested too deeply to be a rule file; fix the file") from None
    if data is None or node is None:
        raise RuleFileError(f"{path}: rule file is empty; add a `rules:` list")
    _check_kind_keys(path, node, data)
    digest = _schema_digest(tuple(KINDS), text)
    if digest in _validated():
        return data, node  # these very bytes passed this very schema before (VALIDATED_NAME)
    errors = list(_file_schema_validator(tuple(KINDS)).iter_errors(data))
    # a key whose value fails its kind's fragment is also "unevaluated": report the failure itself
    bad = jsonschema.exceptions.best_match([e for e in errors if e.validator != "unevaluatedProperties"] or errors)
    if bad is not None:
        at = _node_at(node, list(bad.absolute_path))
        where = "/".join(map(str, bad.absolute_path)) or "(file)"
        code = ""
        if len(bad.absolute_path) >= 2 and bad.absolute_path[0] == "rules":
            rule = data["rules"][bad.absolute_path[1]]
            code = f" rule {rule.get('code', '?')}:" if isinstance(rule, dict) else ""
        raise RuleFileError(f"{path}:{_line(at)}:{code} {where}: {bad.message}; see schemas/rule_file.schema.json")
    _remember_valid(digest)
    return data, node


# Validating the built-in pack against the schema takes a third of a second at every start; its
# result depends only on the file's bytes, the schema and jsonschema's version. The digests of files
# that passed are kept in the cache folder (qatool.common.cache), so the same bytes are not validated
# again; any other file, or a changed one, is.
VALIDATED_NAME = "validated-rule-files.json"
_VALIDATED_KEEP = 256


@lru_cache(maxsize=8)
def _schema_part(kinds: tuple[str, ...]) -> bytes:
    return (json.dumps(rule_file_schema(), sort_keys=True) + metadata.version("jsonschema")).encode()


def _schema_digest(kinds: tuple[str, ...], text: str) -> str:
    return hashlib.sha256(_schema_part(kinds) + b"\0" + text.encode("utf-8")).hexdigest()


@functools.cache
def _validated() -> list[str]:
    folder = cache_dir()
    try:
        got = json.loads((folder / VALIDATED_NAME).read_text(encoding="utf-8")) if folder is not None else []
    except (OSError, ValueError):
        return []
    return [d for d in got if isinstance(d, str)] if isinstance(got, list) else []


def _remember_valid(digest: str) -> None:
    known = _validated()
    folder = cache_dir()
    if digest in known or folder is None:
        return
    known.append(digest)
    del known[:-_VALIDATED_KEEP]
    try:
        with atomic_writer(folder / VALIDATED_NAME) as fh:
            json.dump(known, fh)
    except OSError:
        pass  # an unwritable cache folder only means validating again


def compile_regex(pattern: str, where: str, lazy: bool = False) -> SafePattern:
    """A rule file's regex, compiled and probed for catastrophic backtracking, under the timeout policy
    (`qatool.lint.patterns.SafePattern`): every user and pack pattern is made here. `lazy` (the built-in
    pack, whose every pattern the tests compile and probe: `load_rule_files(..., eager=True)`): compiled
    on its first search instead, so that a linter starts without compiling a thousand patterns."""
    if lazy:
        return SafePattern.lazy(pattern, FLAGS, where)
    try:
        rx = compile_pattern(pattern, FLAGS)
    except regex.error as err:
        raise RuleFileError(f"{where}: pattern {pattern!r} does not compile ({err}); fix the regular expression") from None
    for probe in PROBES:
        try:
            rx.search(probe, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            raise RuleFileError(f"{where}: pattern {pattern!r} backtracks catastrophically (over {PROBE_TIMEOUT}s on a "
                                "3,000-character probe); remove nested quantifiers such as (a+)+ or (.*)*") from None
    return SafePattern(rx, where)


def _as_list(v: str | list[str] | None) -> list[str]:
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


@lru_cache(maxsize=64)
def display_path(path: Path) -> str:
    """Built-in rule files are shown as qatool/rules/NAME, wherever the package is installed. (Asked for once per
    rule: the answer is kept per file.)"""
    builtin = Path(str(resources.files("qatool").joinpath("rules")))
    try:
        return f"qatool/rules/{path.resolve().relative_to(builtin.resolve()).as_posix()}"
    except ValueError:
        return str(path)


def _build_rule(path: Path, node: yaml.Node, idx: int, entry: dict[str, Any], kb: Knowledge, lazy: bool = False) -> Rule:
    rnode = _node_at(node, ["rules", idx])
    origin = f"{display_path(path)}:{_line(rnode)}"

    def where(key: str, i: int | None = None) -> str:
        sub = ["rules", idx, key] + ([i] if i is not None else [])
        return f"{path}:{_line(_node_at(node, sub))}: rule {entry['code']}"

    kind = KINDS[entry["kind"]]
    ctx = BuildContext(entry, kb, where, functools.partial(compile_regex, lazy=lazy), RuleFileError, lazy=lazy)
    common = {
        "within": entry.get("within", "sentence"), "misconceptions": tuple(_as_list(entry.get("misconception"))),
        # a rule that judges statements never reads a question as one (kinds.asks; claim rules read sentences themselves)
        "statement": entry.get("statement", entry["code"].startswith("FC") and kind.judges_statements),
        "unless": ctx.regexes("unless"), "context": ctx.regexes("context"),
    }
    spec = build_spec(kind, ctx, common)
    fixable = kind.fixable(entry)
    if entry.get("autofix") and not fixable:
        raise RuleFileError(f"{where('autofix')}: autofix needs a rule that can fix (a `fix:` template); remove autofix or add the fix")
    docs = entry["docs"]
    return Rule(
        code=entry["code"], name=entry["name"], severity=entry["severity"], kind=kind.name, message=entry["message"],
        docs=RuleDocs(docs["what"], docs["why"], docs["fail"], docs["pass"]),
        scope=tuple(entry.get("scope", kind.default_scope)), enabled=entry.get("enabled", True),
        fixable=fixable, autofix=entry.get("autofix", False), spec=spec, origin=origin,
    )


FIXABLE_PY_CHECKS = registry.FIXABLE_PY_CHECKS


def _merge_knowledge(path: Path, node: yaml.Node, data: dict[str, Any], kb: Knowledge, lazy: bool = False) -> None:
    for key, t in (data.get("glossary") or {}).items():
        at = f"{path}:{_line(_node_at(node, ['glossary', key]))}: glossary term {key}"
        kb.terms[key] = Term(key, t["label"], compile_regex(t["names"], at, lazy), compile_regex(t["definition"], at, lazy))
        kb._names_rx = None
    for key, t in (data.get("terms") or {}).items():
        old = kb.claim_terms.get(key)  # a term named in several files gets the names of all (the first label)
        names = tuple(dict.fromkeys((old.names if old else ()) + tuple(t["names"])))
        within = tuple(dict.fromkeys((old.within if old else ()) + tuple(t.get("within") or ())))
        kb.claim_terms[key] = claim_kind.Term(key, old.label if old else t["label"], names, within)
        kb._reader = None
    kb.papers.extend(data.get("papers") or [])
    kb.books.extend(data.get("books") or [])
    for a in data.get("acronyms") or []:
        kb.acronyms.setdefault(a["acronym"], []).extend(a["expansions"])
    for i, r in enumerate(data.get("repos") or []):
        if not lazy:  # checked here, compiled where it is used (kinds.check_citation)
            compile_regex(r["names"], f"{path}:{_line(_node_at(node, ['repos', i]))}: repository {r['project']}")
        kb.repos.append(r)


def load_rule_files(paths: list[Path], texts: dict[Path, str] | None = None,
                    eager: bool = False) -> tuple[list[Rule], Knowledge]:
    """Load rule files in order (knowledge first, then rules). Codes and names must be unique. The
    patterns of the built-in pack are compiled on first use (its tests compile and probe them all,
    with `eager`); those of every other file are compiled and probed here, so a bad one is reported
    with its file and line before anything is linted."""
    kb = Knowledge()
    parsed = []
    builtin = {p.resolve() for p in builtin_rule_paths()}
    for path in paths:
        data, node = read_rule_file(path, (texts or {}).get(path))
        lazy = not eager and texts is None and path.resolve() in builtin
        _merge_knowledge(path, node, data, kb, lazy)
        parsed.append((path, node, data, lazy))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path, node, data, lazy in parsed:
        for idx, entry in enumerate(data.get("rules") or []):
            rule = _build_rule(path, node, idx, entry, kb, lazy)
            for key in (rule.code, rule.name):
                if key in seen:
                    raise RuleFileError(f"{rule.origin}: rule {rule.code} [{rule.name}]: {key!r} is already defined at {seen[key]}; "
                                        "pick another code/name")
                seen[key] = rule.origin
            rules.append(rule)
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
