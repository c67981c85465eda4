"""The rule-kind registry. Each kind of rule is a class registered with `@register_kind`: its name,
a typed spec (a dataclass of what a rule of this kind checks), its JSON-Schema fragment (the keys a
rule of this kind may have besides the common ones), how a rule file's entry becomes the spec, its
check and its gate. The loader, the rule file schema and the linter only ask the registry, so a new
kind is one module: the class and its schema fragment (see tests/lint/test_registry.py).

>>> sorted(KINDS)
['citation', 'claim', 'cooccurrence', 'definition', 'direction', 'pattern', 'python']
>>> sorted(KINDS["definition"].schema["properties"])
['duplicate', 'given', 'term']
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterator

import qatool.lint.acronyms  # noqa: F401  (registers the acronym-expansion check)
import qatool.lint.arithmetic  # noqa: F401  (registers the stated-arithmetic check)
import qatool.lint.claims as claim_kind
import qatool.lint.compare  # noqa: F401  (registers the metric-comparison check)
import qatool.lint.direction as direction
import qatool.lint.f1check  # noqa: F401  (registers the F1-from-precision-and-recall check)
import qatool.lint.kinds as kinds
import qatool.lint.memory  # noqa: F401  (registers the weight-memory check)
import qatool.lint.ratiocheck  # noqa: F401  (registers the worked-example metric check)
from qatool.lint.document import LintDoc
from qatool.lint.kinds import CITATION_CHECKS, CITATION_GATES, FLAGS, Knowledge
from qatool.lint.literals import required_literals
from qatool.lint.model import PROSE_SCOPES, SCOPES, Finding, Rule
from qatool.lint.patterns import SafePattern, compile_safe
from qatool.lint.pyrules import PY_CHECKS


@dataclass
class Spec:
    """What every rule has, whatever its kind. Read as attributes (`spec.unless`) or, as the check
    functions have always read their spec, by key (`spec["unless"]`, `spec.get("fix")`)."""

    within: str = "sentence"
    misconceptions: tuple[str, ...] = ()
    statement: bool = False  # skip questions (kinds.asks)
    unless: tuple[SafePattern, ...] = ()
    context: tuple[SafePattern, ...] = ()
    gate: Any = None  # what a unit must match for the rule to find anything in it (None: every unit)

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys():
            raise KeyError(key)
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._keys():
            raise KeyError(f"{type(self).__name__} has no field {key!r}")
        setattr(self, key, value)

    def __contains__(self, key: object) -> bool:
        return key in self._keys()

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self._keys() else default

    @classmethod
    def _keys(cls) -> frozenset[str]:
        keys = cls.__dict__.get("_field_names")
        if keys is None:
            keys = frozenset(f.name for f in dataclasses.fields(cls))
            setattr(cls, "_field_names", keys)
        return keys


class BuildContext:
    """What a kind's `build` gets: the rule file entry, the knowledge of all rule files, and helpers
    that compile a regex through the safe-pattern wrapper (probed for catastrophic backtracking) or
    fail with a message naming the rule file, line and key."""

    def __init__(self, entry: dict[str, Any], kb: Knowledge, where: Callable[..., str], compile_regex: Callable[[str, str], SafePattern],
                 error: type[Exception], lazy: bool = False):
        self.entry, self.kb = entry, kb
        self.lazy = lazy  # the built-in pack: patterns built from its patterns are compiled on first use too
        self._where, self._compile, self._error = where, compile_regex, error

    def where(self, key: str, i: int | None = None) -> str:
        return self._where(key, i)

    def regex(self, key: str, pattern: str, i: int | None = None) -> SafePattern:
        return self._compile(pattern, self.where(key, i))

    def regexes(self, key: str, rewrite: Callable[[str], str] | None = None) -> tuple[SafePattern, ...]:
        """The key's pattern or list of patterns, compiled (each rewritten first by `rewrite` when given)."""
        v = self.entry.get(key)
        items = [] if v is None else [v] if isinstance(v, str) else list(v)
        return tuple(self.regex(key, rewrite(p) if rewrite else p, i) for i, p in enumerate(items))

    def fail(self, key: str, message: str) -> Exception:
        return self._error(f"{self.where(key)}: {message}")


class RuleKind:
    """One kind of rule. Subclasses set `name`, `spec_type` and `schema` (a JSON-Schema fragment:
    `properties` of this kind's keys, optionally `required`, `oneOf`, `anyOf`), and define
    `build` and `check` (and `gate` when a cheap pattern says where the rule can match)."""

    name: ClassVar[str]
    spec_type: ClassVar[type[Spec]] = Spec
    schema: ClassVar[dict[str, Any]] = {"properties": {}}
    judges_statements: ClassVar[bool] = False  # an FC rule of this kind skips questions by default
    default_scope: ClassVar[tuple[str, ...]] = PROSE_SCOPES

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.schema.get("properties", {}))

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        """The kind's own spec fields from the rule file entry (`ctx.entry`)."""
        return {}

    def fixable(self, entry: dict[str, Any]) -> bool:
        return "fix" in entry

    def gate(self, rule: Rule, kb: Knowledge) -> Any:
        return rule.spec.get("gate")

    def needs(self, rule: Rule, kb: Knowledge) -> tuple[Any, ...]:
        """Patterns without each of which in some unit (of the rule's scope, when `needs_in_scope`) the rule
        finds nothing in a document (empty: it cannot tell): the linter skips the rule on a document where the
        literal index says no unit can hold one of them."""
        return ()

    needs_in_scope: ClassVar[bool] = False

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        raise NotImplementedError


class GatedKind(RuleKind):
    """A kind that reads only the units of its scope where its gate can match (kinds._units)."""

    needs_in_scope = True

    def needs(self, rule: Rule, kb: Knowledge) -> tuple[Any, ...]:
        gate = self.gate(rule, kb)
        return () if gate is None else (gate,)


KINDS: dict[str, RuleKind] = {}


def register_kind(cls: type[RuleKind]) -> type[RuleKind]:
    """Class decorator: make `cls` a kind rule files can name (`kind: <cls.name>`)."""
    KINDS[cls.name] = cls()
    kinds.KIND_GATES[cls.name] = KINDS[cls.name].gate
    return cls


def rule_kind(rule_or_name: Rule | str) -> RuleKind:
    return KINDS[rule_or_name if isinstance(rule_or_name, str) else rule_or_name.kind]


REGEXES = {"$ref": "#/$defs/regexes"}


# ------------------------------------------------------------------------------------ the built-ins


@dataclass
class PatternSpec(Spec):
    patterns: tuple[SafePattern, ...] = ()
    fix: str | None = None


@register_kind
class PatternKind(GatedKind):
    name = "pattern"
    spec_type = PatternSpec
    judges_statements = True
    schema = {"properties": {"pattern": REGEXES, "fix": {"type": "string"}}, "required": ["pattern"]}

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        patterns = ctx.regexes("pattern")
        gate = compile_safe("|".join(f"(?:{p.pattern})" for p in patterns), FLAGS, ctx.where("pattern"), lazy=ctx.lazy)
        return {"patterns": patterns, "gate": gate, "fix": ctx.entry.get("fix")}

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        return kinds.check_pattern(rule, doc, kb)


@dataclass
class CooccurrenceSpec(Spec):
    all: tuple[tuple[SafePattern, str], ...] = ()


@register_kind
class CooccurrenceKind(GatedKind):
    name = "cooccurrence"
    spec_type = CooccurrenceSpec
    judges_statements = True
    schema = {"properties": {"all": {"type": "array", "minItems": 2, "items": {"oneOf": [
        {"type": "string", "minLength": 1},
        {"type": "object", "additionalProperties": False, "required": ["pattern"],
         "properties": {"pattern": {"type": "string", "minLength": 1}, "in": {"enum": ["unit", "context", "either"]}}}]}}},
        "required": ["all"]}

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        claims = []
        for i, c in enumerate(ctx.entry["all"]):
            pat, place = (c, "unit") if isinstance(c, str) else (c["pattern"], c.get("in", "unit"))
            claims.append((ctx.regex("all", pat, i), place))
        if not any(p in ("unit", "either") for _, p in claims):
            raise ctx.fail("all", "a co-occurrence needs at least one claim matched in the text (in: unit or either)")
        return {"all": tuple(claims), "gate": next((rx for rx, place in claims if place == "unit"), None)}

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        return kinds.check_cooccurrence(rule, doc, kb)


@dataclass
class DirectionSpec(Spec):
    relation: Any = None  # direction.Relation
    pgate: Any = None  # where a change of an effect can be: its names and its words of change (the literal prefilter)


@register_kind
class DirectionKind(GatedKind):
    """A knob and the effects it moves, with the way each truly moves (qatool.lint.direction): a statement that moves
    the knob and says an effect changes the other way is the slip, in whatever words for up and down."""

    name = "direction"
    spec_type = DirectionSpec
    judges_statements = True
    _EFFECT = {"type": "object", "additionalProperties": False, "required": ["names", "moves"],
               "properties": {"names": {"type": "string", "minLength": 1}, "moves": {"enum": ["same", "opposite"]},
                              "up": {"type": "string", "minLength": 1}, "down": {"type": "string", "minLength": 1}}}
    schema = {"properties": {"knob": {"type": "string", "minLength": 1}, "symbol": {"type": "string", "minLength": 1},
                             "effects": {"type": "array", "minItems": 1, "items": _EFFECT}},
              "required": ["knob", "effects"]}

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        symbol = ctx.entry.get("symbol")
        # (compiled through the safe wrapper: probed, located on error; the gate holds a symbol given a value, `T=2`)
        knob = ctx.regex("knob", ctx.entry["knob"])
        gate = knob if symbol is None else ctx.regex(
            "symbol", f"{knob.pattern}|(?:{symbol})\\s*(?:=|＝|为|取|设为)\\s*[0-9]|(?:∝|正比于|反比于)\\s*(?:1\\s*/\\s*)?(?:{symbol})")
        effects = []
        for i, e in enumerate(ctx.entry["effects"]):
            for key in ("names", "up", "down"):
                if key in e:
                    ctx.regex("effects", e[key], i)
            effects.append(direction.Effect(direction.compile_part(e["names"]), e["moves"] == "same",
                                            direction.compile_part(e["up"]) if "up" in e else None,
                                            direction.compile_part(e["down"]) if "down" in e else None))
        moves = symbol is not None and bool(ctx.entry.get("context"))
        if moves:  # (the symbol with a move after it: `r 调大`, `β↑`, `k 越小`)
            gate = ctx.regex("symbol", f"{knob.pattern}|(?:{symbol})(?=\\s{{0,3}}(?:越|更|调|设|=|＝|从|由|↑|↓|⬆|⬇|往|取|太|大|小|高|低|增|减|降|提|拉))"
                                       f"|(?:∝|正比于|反比于)\\s*(?:1\\s*/\\s*)?(?:{symbol})")
        # (every slip names an effect or says its change in its own words: a document with neither is skipped)
        parts = [e[k] for e in ctx.entry["effects"] for k in ("names", "up", "down") if k in e and e[k] != "(?!)"]
        pgate = ctx.regex("effects", "|".join(f"(?:{p})" for p in parts)) if parts else None
        if pgate is not None and required_literals(gate.pattern) is None:
            # (a knob read with a one-letter symbol, `T=2`, `p 调大`, holds no literal to look for: the units are those where
            # an effect can be, from the literal pass, and the reader looks for the knob there)
            gate = pgate
        return {"relation": direction.Relation(knob.pattern, effects, symbol, moves), "gate": gate, "pgate": pgate}

    def needs(self, rule: Rule, kb: Knowledge) -> tuple[Any, ...]:
        return tuple(g for g in (self.gate(rule, kb), rule.spec.get("pgate")) if g is not None)

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        return direction.check_direction(rule, doc, kb)


@dataclass
class DefinitionSpec(Spec):
    term: str | None = None
    given: str | None = None
    duplicate: bool = False


@register_kind
class DefinitionKind(GatedKind):
    name = "definition"
    spec_type = DefinitionSpec
    judges_statements = True
    schema = {"properties": {"term": {"type": "string"}, "given": {"type": "string"}, "duplicate": {"type": "boolean"}},
              "oneOf": [{"required": ["term", "given"]}, {"required": ["duplicate"]}]}

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        if ctx.entry.get("duplicate"):
            return {"duplicate": True}
        for key in ("term", "given"):
            if ctx.entry[key] not in ctx.kb.terms:
                raise ctx.fail(key, f"unknown glossary term {ctx.entry[key]!r}; known: {', '.join(sorted(ctx.kb.terms))}")
        return {"term": ctx.entry["term"], "given": ctx.entry["given"]}

    def gate(self, rule: Rule, kb: Knowledge) -> Any:
        return kb.names_rx()

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        return kinds.check_definition(rule, doc, kb)


@dataclass
class CitationSpec(Spec):
    check: str = ""


@register_kind
class CitationKind(RuleKind):
    name = "citation"
    spec_type = CitationSpec
    schema = {"properties": {"check": {"enum": sorted(CITATION_CHECKS)}}, "required": ["check"]}

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        return {"check": ctx.entry["check"]}

    def gate(self, rule: Rule, kb: Knowledge) -> Any:
        return CITATION_GATES[rule.spec["check"]]

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        return kinds.check_citation(rule, doc, kb)


@dataclass
class ClaimKindSpec(Spec):
    claim: Any = None  # claims.ClaimSpec
    pgate: Any = None  # where a phrasing of the property can be (the literal prefilter)
    unless_around: tuple[Any, ...] = ()  # searched around the claim: its item's question and the lines just before


@register_kind
class ClaimKind(RuleKind):
    name = "claim"
    spec_type = ClaimKindSpec
    # the question field asks, it states nothing; of code, only a comment written in Chinese is read (kinds.code_comment)
    default_scope = tuple(s for s in PROSE_SCOPES if s != "question") + ("code",)
    schema = {
        "properties": {
            "subject": {"oneOf": [{"type": "string", "minLength": 1},
                                  {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}]},
            "predicate": REGEXES,
            "wrong": {"enum": ["affirm", "deny"]},
            # what makes the subject's name mean something else, searched around the sentence: the item's title and
            # question and the three source lines before it (`adapter` in a LoRA answer is LoRA's adapter)
            "unless_around": REGEXES,
            "number": {"type": "object", "additionalProperties": False, "required": ["value"], "properties": {
                "value": {"type": "number"}, "tolerance": {"type": "number", "exclusiveMinimum": 0, "maximum": 10},
                "quantity": {"type": "string", "minLength": 1}, "scaled": {"type": "boolean"},
                # the value is a limit the model allows (a maximum length): a run's shorter setting is no error
                "limit": {"type": "boolean"}}},
        },
        "required": ["subject"],
        "oneOf": [{"required": ["predicate"]}, {"required": ["number"]}],
    }

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        entry, kb = ctx.entry, ctx.kb
        subject = entry["subject"]
        subjects = (subject,) if isinstance(subject, str) else tuple(subject)
        for s in subjects:
            if s not in kb.claim_terms:
                raise ctx.fail("subject", f"unknown term {s!r}; define it under `terms:` (known: {', '.join(sorted(kb.claim_terms)) or 'none'})")
            for w in kb.claim_terms[s].within:
                if w not in kb.claim_terms:
                    raise ctx.fail("subject", f"term {s!r} is `within` an unknown term {w!r}; define it under `terms:` or drop it from `within`")
        # (claims.py reads them as Patterns; a SafePattern is one; a word of change up or down reads an arrow too)
        preds: tuple[Any, ...] = ctx.regexes("predicate", claim_kind.with_variants)
        number = None
        if "number" in entry:
            n = entry["number"]
            qty: Any = ctx.regex("number", n["quantity"]) if "quantity" in n else None
            number = claim_kind.NumberSpec(float(n["value"]), float(n.get("tolerance", 0.1)), qty, n.get("scaled", True),
                                          n.get("limit", False))
        # where a phrasing of the property can be: the literal prefilter narrows the units to read
        pgate = compile_safe("|".join(f"(?:{p.pattern})" for p in preds), FLAGS, ctx.where("predicate"), lazy=ctx.lazy) if preds else None
        return {"claim": claim_kind.ClaimSpec(subjects, preds, entry.get("wrong", "affirm"), number), "pgate": pgate,
                "unless_around": ctx.regexes("unless_around")}

    def gate(self, rule: Rule, kb: Knowledge) -> Any:
        return kb.claim_gate(rule.spec["claim"].subjects)

    def needs(self, rule: Rule, kb: Knowledge) -> tuple[Any, ...]:
        # a document where no unit holds a phrasing's literals states no claim (check_claim), nor one where no unit
        # names the subject: every way a unit comes to be about it (an item's question, a line before it, a table's
        # header, a dialogue's question, 前者/后者) names it in some unit of the document
        pgate = rule.spec.get("pgate")
        return (self.gate(rule, kb),) if pgate is None else (pgate, self.gate(rule, kb))

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        return kinds.check_claim(rule, doc, kb)


@dataclass
class PythonSpec(Spec):
    check: str = ""
    params: dict[str, Any] = field(default_factory=dict)  # data the check reads (`params:` in the rule file)


FIXABLE_PY_CHECKS = {"heading-glued", "malformed-bold-label", "halfwidth-punctuation", "fullwidth-alphanumeric", "cjk-lookalike"}


def in_scope(rule: Rule, doc: LintDoc, found: list[Finding]) -> list[Finding]:
    """The findings on lines of the rule's scopes: how the linter honours `scope` for every kind,
    whether or not its check reads it (the data kinds read only units of their scopes anyway)."""
    if set(SCOPES) <= set(rule.scope) or not found:
        return found
    scopes = line_scopes(doc)
    return [f for f in found if scopes.get(f.line, "other") in rule.scope]


def line_scopes(doc: LintDoc) -> dict[int, str]:
    """The scope of each source line: its unit's, `code` for fences and code, `other` for the rest."""
    got = doc.cache.get("line_scopes")
    if got is None:
        got = doc.cache["line_scopes"] = {u.line: u.scope for u in doc.units}
        for ln in doc.scan.lines:
            if ln.kind == "fence":
                got.setdefault(ln.no, "code")
    return got


@register_kind
class PythonKind(RuleKind):
    """A check written in Python (qatool.lint.pyrules). Its `scope` is honoured like every rule's (the
    linter keeps a finding only on a line of a scope the rule names); default: every scope."""

    name = "python"
    spec_type = PythonSpec
    default_scope = SCOPES
    schema = {"properties": {"check": {"type": "string"}, "params": {"type": "object"}}, "required": ["check"]}

    def build(self, ctx: BuildContext) -> dict[str, Any]:
        if ctx.entry["check"] not in PY_CHECKS:
            raise ctx.fail("check", f"unknown python check {ctx.entry['check']!r}; one of {', '.join(sorted(PY_CHECKS))}")
        return {"check": ctx.entry["check"], "params": dict(ctx.entry.get("params") or {})}

    def fixable(self, entry: dict[str, Any]) -> bool:
        return entry["check"] in FIXABLE_PY_CHECKS

    def check(self, rule: Rule, doc: LintDoc, kb: Knowledge) -> Iterator[Finding]:
        return PY_CHECKS[rule.spec["check"]](rule, doc, kb)


def build_spec(kind: RuleKind, ctx: BuildContext, common: dict[str, Any]) -> Spec:
    return kind.spec_type(**common, **kind.build(ctx))


__all__ = ["KINDS", "BuildContext", "RuleKind", "Spec", "register_kind", "rule_kind", "line_scopes", "field"]
