"""Review decisions: what a person decided for each duplicate cluster and same-question conflict.

A decision is keyed by its members' content hashes, not by ids or lines, so it survives re-parsing
and line shifts. It applies only to a current group with exactly the same members; otherwise it is
*stale*: reported, never applied blindly (an edited answer has a new content hash).

Actions: `keep-canonical` (the proposed canonical stays, the rest are duplicates), `keep-member`
(`keep` names the member to keep), `keep-all` (not duplicates: everything stays), `drop-all`.

>>> d = Decisions.from_json({"qatool_decisions": 1, "decisions": []}, "x.json")
>>> len(d.items)
0
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from qatool.common.outputs import RunOutputs

ACTIONS = ("keep-canonical", "keep-member", "keep-all", "drop-all")


class DecisionsError(ValueError):
    """A decisions file that cannot be used; the message names the file and the entry."""


@lru_cache(maxsize=None)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("qatool").joinpath("schemas", "decisions.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def group_key(group: str, hashes: list[str]) -> tuple[str, tuple[str, ...]]:
    return group, tuple(sorted(hashes))


@dataclass
class Decisions:
    items: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = field(default_factory=dict)
    path: str = ""

    @classmethod
    def from_json(cls, data: Any, path: str) -> "Decisions":
        try:
            errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        except RecursionError:
            raise DecisionsError(f"{path}: nested too deeply to be a decisions file; save it again from review.html") from None
        if errors:
            err = errors[0]
            where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
            raise DecisionsError(f"{path}: {where}: {err.message}; save the file again from review.html "
                                 f"(format: schemas/decisions.schema.json)")
        items: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
        for k, d in enumerate(data["decisions"]):
            if d["action"] == "keep-member" and d["keep"] not in d["members"]:
                raise DecisionsError(f"{path}: decisions/{k}: keep {d['keep'][:12]}… is not one of its members")
            items[group_key(d["group"], d["members"])] = d  # a later decision for the same group wins
        return cls(items, path)

    @classmethod
    def load(cls, path: Path) -> "Decisions":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DecisionsError(f"{path}: not found; save decisions from review.html first") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            line = f":{err.lineno}" if isinstance(err, json.JSONDecodeError) else ""
            raise DecisionsError(f"{path}{line}: not a JSON decisions file ({err}); save it again from review.html") from None
        except RecursionError:
            raise DecisionsError(f"{path}: JSON nested too deeply to be a decisions file; save it again from review.html") from None
        except OSError as err:
            raise DecisionsError(f"{path}: cannot read ({err.strerror or err}); check the path") from None
        return cls.from_json(data, str(path))


@dataclass
class Applied:
    drops: dict[str, list[str]]  # record id -> reasons
    applied: int
    stale: list[dict[str, Any]]
    actions: dict[str, str] = field(default_factory=dict)  # cluster id or "a|b" -> action applied


def apply_decisions(records: list[dict[str, Any]], clusters: list[dict[str, Any]], conflicts: list[tuple[str, ...]],
                    decisions: Decisions | None, present: set[str] | None = None) -> Applied:
    """Which records the duplicate clusters and conflicts leave out, with decisions applied where
    they still match, and dedup's canonical policy elsewhere. `records` needs only the members of
    the clusters and conflicts (id and content_hash); `present`: the content hashes of the decisions
    that some record of the dataset still has (default: those of `records`)."""
    chash = {r["id"]: r["content_hash"] for r in records}
    items = decisions.items if decisions else {}
    used: set[tuple[str, tuple[str, ...]]] = set()
    drops: dict[str, list[str]] = {}
    actions: dict[str, str] = {}
    for c in clusters:
        members = [m for m in c["members"] if m in chash]
        if len(members) < 2:
            continue
        key = group_key("cluster", [chash[m] for m in members])
        d = items.get(key)
        if d:
            used.add(key)
            actions[c["cluster_id"]] = d["action"]
        _drop_cluster(members, c["canonical"], d, chash, drops)
    for group in conflicts:  # same-question groups: flagged, never dropped, unless a reviewer decides
        members = [m for m in group if m in chash]
        if len(members) < 2:
            continue
        key = group_key("conflict", [chash[m] for m in members])
        d = items.get(key)
        if not d:
            continue
        used.add(key)
        actions["|".join(members)] = d["action"]
        _drop_conflict(members, d, chash, drops)
    present = set(chash.values()) if present is None else present | set(chash.values())
    stale = [_stale(key, d, present) for key, d in items.items() if key not in used]
    return Applied(drops, len(used), stale, actions)


def _drop_cluster(members: list[str], canonical: str, d: dict[str, Any] | None, chash: dict[str, str],
                  drops: dict[str, list[str]]) -> None:
    """A duplicate cluster's drops: the reviewer's decision `d`, or all but the canonical member."""
    action = d["action"] if d else None
    keep = canonical
    if d is not None and action == "keep-member":
        same = [m for m in members if chash[m] == d["keep"]]
        keep = canonical if canonical in same else same[0]
    if action == "drop-all":
        for m in members:
            drops.setdefault(m, []).append("review:drop-all")
    elif action != "keep-all":
        for m in members:
            if m != keep:
                drops.setdefault(m, []).append(f"duplicate_of:{keep}")


def _drop_conflict(members: list[str], d: dict[str, Any], chash: dict[str, str], drops: dict[str, list[str]]) -> None:
    """A same-question conflict group's drops under the reviewer's decision `d`."""
    if d["action"] == "drop-all":
        for m in members:
            drops.setdefault(m, []).append("review:drop-all")
    elif d["action"] == "keep-member":
        keep = next(m for m in members if chash[m] == d["keep"])
        for m in members:
            if chash[m] != d["keep"]:
                drops.setdefault(m, []).append(f"review:conflict-keep:{keep}")


def _stale(key: tuple[str, tuple[str, ...]], d: dict[str, Any], present: set[str]) -> dict[str, Any]:
    """A decision that matched no current group, and why."""
    gone = [h for h in key[1] if h not in present]
    why = (f"{len(gone)} of {len(key[1])} members changed or are gone since the decision" if gone
           else "the group's members changed since the decision (records joined or left it)")
    return {"group": key[0], "members": list(key[1]), "ids": d.get("ids", []), "action": d["action"], "why": why}


def applied_decisions(outputs: RunOutputs) -> Applied:
    """The review decisions of a run folder applied to its clusters and conflicts (see `apply_decisions`)."""
    chash = outputs.records.values_by_id(outputs.member_ids(), "content_hash")
    present = None
    if outputs.decisions and outputs.decisions.items:
        wanted = {h for key in outputs.decisions.items for h in key[1]}
        hashes = outputs.records.column("content_hash")
        present = {h for h in hashes if h in wanted}
    members = [{"id": i, "content_hash": h} for i, h in chash.items()]
    return apply_decisions(members, outputs.clusters, outputs.conflicts, outputs.decisions, present)
