"""The review page: one self-contained HTML file (no network, no CDN) where a person decides what each
duplicate cluster and same-question conflict group keeps, and `--serve`, a localhost server that writes
the decisions file directly. Every group is on the page, what needs judgement first (conflict groups,
then near-duplicate clusters, then identical ones), a page of groups at a time; the text of the first
`limit` groups is carried, the rest by id, place and content hash.

Corpus text is untrusted. It reaches the page only as JSON inside a `<script type="application/json">`
block with `<`, `>` and `&` escaped, and the page's script puts it into the DOM with `textContent`
only; a Content-Security-Policy forbids every script, image and connection the page does not carry
itself.
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from qatool.common.io import atomic_writer
from qatool.common.outputs import RunOutputs
from qatool.common.version import __version__
from qatool.dedup.report import member_text
from qatool.review.decisions import applied_decisions, group_key

DECISIONS_FILE = "decisions.json"
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


REFINE_CHARS = 1200  # a changed block of lines shorter than this is compared character by character


def _push(side: list[list[Any]], text: str, changed: bool) -> None:
    if not text:
        return
    if side and side[-1][1] == changed:
        side[-1][0] += text
    else:
        side.append([text, changed])


def _char_diff(a: str, b: str, left: list[list[Any]], right: list[list[Any]]) -> None:
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        # a one-character match between two changes is noise: show the run as one change
        changed = op != "equal" or (i2 - i1 == 1 and 0 < k < len(ops) - 1)
        _push(left, a[i1:i2], changed)
        _push(right, b[j1:j2], changed)


def diff_segments(a: str, b: str) -> tuple[list[list[Any]], list[list[Any]]]:
    """Both sides as [text, changed] runs: lines first, then characters inside changed blocks that
    are not too long (a wholly different long block is marked changed as a whole)."""
    la, lb = a.splitlines(keepends=True), b.splitlines(keepends=True)
    left: list[list[Any]] = []
    right: list[list[Any]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        x, y = "".join(la[i1:i2]), "".join(lb[j1:j2])
        if op == "equal":
            _push(left, x, False)
            _push(right, y, False)
        elif x and y and len(x) + len(y) <= REFINE_CHARS:
            _char_diff(x, y, left, right)
        else:
            _push(left, x, True)
            _push(right, y, True)
    return left, right


def _member(rec: dict[str, Any], findings: list[dict[str, Any]], canonical: bool, jaccard: float | None) -> dict[str, Any]:
    return {"id": rec["id"], "content_hash": rec["content_hash"], "source": rec["source"],
            "line_start": rec["line_start"], "line_end": rec["line_end"], "question": rec["question"],
            "canonical": canonical, "jaccard": jaccard,
            "findings": [{"code": f["code"], "severity": f["severity"], "message": f["message"], "line": f["line"]} for f in findings]}


KINDS = ("conflict", "near", "exact")  # the order a person needs them in: judgement first


def _cluster_kind(c: dict[str, Any]) -> str:
    return "exact" if list(c["reasons"]) == ["exact-text"] else "near"


def review_groups(inp: RunOutputs, chash: dict[str, str]) -> list[dict[str, Any]]:
    """Every group, light (ids, content hashes, similarity), in the order a person needs them:
    same-question conflict groups (largest first), then near-duplicate clusters, then clusters of
    identical text (the canonical policy can decide those alone)."""
    groups: list[dict[str, Any]] = []
    info = {tuple(c["members"]): c for c in inp.conflict_rows}
    for group in inp.conflicts:
        members = [m for m in group if m in chash]
        if len(members) < 2:
            continue
        row = info.get(tuple(members)) or next((c for c in inp.conflict_rows if set(members) <= set(c["members"])), {})
        answers = [a for a in row.get("answers", members[:2]) if a in chash] or members[:2]
        counts = row.get("answer_counts") or [1] * len(answers)
        groups.append({"group": "conflict", "kind": "conflict", "key": row.get("conflict_id") or "|".join(members),
                       "question": row.get("question", ""), "reasons": ["same-question"], "canonical": None,
                       "distinct_answers": row.get("distinct_answers", len(answers)), "linked_by": row.get("linked_by", []),
                       "answer_similarity_min": row.get("answer_similarity_min"), "answer_similarity_max": row.get("answer_similarity_max"),
                       "answers": [{"id": a, "count": n} for a, n in zip(answers, counts)],
                       "members_key": sorted(chash[m] for m in members), "ids": members})
    clusters = sorted(inp.clusters, key=lambda c: (KINDS.index(_cluster_kind(c)), -len(c["members"]), c["cluster_id"]))
    for c in clusters:
        members = [m for m in c["members"] if m in chash]
        if len(members) < 2:
            continue
        canon = c["canonical"]
        groups.append({"group": "cluster", "kind": _cluster_kind(c), "key": c["cluster_id"], "reasons": list(c["reasons"]),
                       "canonical": canon, "min_jaccard": c["min_jaccard"], "max_jaccard": c["max_jaccard"],
                       "members_key": sorted(chash[m] for m in members), "ids": [canon] + [m for m in members if m != canon]})
    groups.sort(key=lambda g: KINDS.index(g["kind"]))  # stable: each kind keeps its order
    return groups


def _light_members(ids: list[str], chash: dict[str, str], where: dict[str, tuple[str, int]]) -> list[dict[str, Any]]:
    return [{"id": m, "content_hash": chash[m], "source": where.get(m, ("", 0))[0], "line_start": where.get(m, ("", 0))[1]} for m in ids]


def review_data(inp: RunOutputs, limit: int = 1000) -> dict[str, Any]:
    """Everything the page shows: every group (the page pages through them), with the text, findings
    and diffs of the first `limit` groups; the others carry their members' ids, places and content
    hashes, enough to decide them. Whole records and their findings are read only for the groups
    whose text is carried."""
    chash = inp.records.values_by_id(inp.member_ids(), "content_hash")
    jac = {frozenset((p["id_a"], p["id_b"])): p for p in inp.pairs}
    groups = review_groups(inp, chash)
    shown = groups[:limit]
    need = {i for g in shown for i in (g["ids"] if g["group"] == "cluster" else [a["id"] for a in g["answers"]])}
    by_id = inp.records.by_id(need)
    rest_ids = {i for g in groups[limit:] for i in g["ids"]} | {i for g in shown if g["group"] == "conflict" for i in g["ids"]}
    where = {r: (s, ln) for r, s, ln in _places(inp.records, rest_ids - need)}
    where.update({r: (by_id[r]["source"], by_id[r]["line_start"]) for r in need})
    fby: dict[str, list[dict[str, Any]]] = {}
    for f in inp.findings_where(need):
        fby.setdefault(f["record_id"], []).append(f)
    for g in shown:
        ids = g.pop("ids")
        g["text"] = True
        if g["group"] == "cluster":
            canon = g["canonical"]
            g["members"] = [_member(by_id[m], fby.get(m, []), m == canon, None if m == canon else _pair_value(jac, canon, m, "jaccard"))
                            for m in ids]
            g["pairs"] = [{"left": canon, "right": m, "jaccard": _pair_value(jac, canon, m, "jaccard"),
                           "reason": _pair_value(jac, canon, m, "reason")} for m in ids[1:]]
            for pair in g["pairs"]:  # diffs only for what the page shows
                pair["left_segments"], pair["right_segments"] = diff_segments(member_text(by_id[pair["left"]]), member_text(by_id[pair["right"]]))
        else:
            _conflict_text(g, ids, by_id, fby, chash, where)
    for g in groups[limit:]:
        ids = g.pop("ids")
        g["text"] = False
        g["members"] = _light_members(ids, chash, where)
    shown_keys = {group_key(g["group"], g["members_key"]) for g in groups}
    existing = inp.decisions.items if inp.decisions else {}
    applied = applied_decisions(inp)
    stale_keys = {group_key(s["group"], s["members"]) for s in applied.stale}
    counts = {k: sum(1 for g in groups if g["kind"] == k) for k in KINDS}
    return {
        "tool": f"qatool {__version__}", "total_groups": len(groups), "counts": counts, "text_limit": limit,
        "groups": groups,
        "decisions": [d for k, d in existing.items() if k in shown_keys],
        "hidden_decisions": [d for k, d in existing.items() if k not in shown_keys and k not in stale_keys],
        "stale": applied.stale, "decisions_file": inp.decisions.path if inp.decisions else None,
    }


def _conflict_text(g: dict[str, Any], ids: list[str], by_id: dict[str, dict[str, Any]], fby: dict[str, list[dict[str, Any]]],
                   chash: dict[str, str], where: dict[str, tuple[str, int]]) -> None:
    """A conflict group's distinct answers side by side (each with its record and findings; with two
    answers, the differing spans marked), and every member light (id, place, content hash)."""
    answers = [a["id"] for a in g["answers"]]
    g["members"] = _light_members(ids, chash, where)
    g["answer_members"] = [_member(by_id[a], fby.get(a, []), False, None) for a in answers]
    texts = [member_text(by_id[a]) for a in answers]
    if len(texts) == 2:
        g["answer_segments"] = list(diff_segments(texts[0], texts[1]))
    else:
        g["answer_segments"] = [[[t, False]] for t in texts]


def _places(records: Any, ids: set[str]) -> list[tuple[str, str, int]]:
    """(id, source, line) of some records, reading three columns."""
    if not ids:
        return []
    src = records.values_by_id(ids, "source")
    line = records.values_by_id(ids, "line_start")
    return [(i, src[i], line[i]) for i in ids if i in src]


def _pair_value(jac: dict[frozenset, dict[str, Any]], a: str, b: str, key: str) -> Any:
    p = jac.get(frozenset((a, b)))
    return p.get(key) if p else None


def _script_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in _ESCAPES.items():
        text = text.replace(ch, esc)
    return text


def render_page(data: dict[str, Any]) -> str:
    template = resources.files("qatool.review").joinpath("review.html").read_text(encoding="utf-8")
    page = template.replace("__QATOOL_DATA__", _script_json(data)).replace("__QATOOL_TOOL__", data["tool"])
    return with_script_hashes(page)


_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def script_hashes(page: str) -> list[str]:
    """CSP sources (`'sha256-…'`) of the page's own inline scripts (not its JSON data block)."""
    out = []
    for m in _INLINE_SCRIPT.finditer(page):
        if "src=" in m["attrs"] or "application/json" in m["attrs"]:
            continue
        out.append("'sha256-" + base64.b64encode(hashlib.sha256(m["body"].encode("utf-8")).digest()).decode("ascii") + "'")
    return out


def with_script_hashes(page: str) -> str:
    """The page with its Content-Security-Policy allowing exactly its own inline scripts, by hash:
    no 'unsafe-inline' script, so nothing injected into the page could run."""
    return page.replace("__QATOOL_SCRIPT_SRC__", " ".join(script_hashes(page)) or "'none'")


def write_review(inp: RunOutputs, out_dir: Path, limit: int = 1000) -> tuple[Path, dict[str, Any]]:
    data = review_data(inp, limit)
    path = out_dir / "review.html"
    out_dir.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path) as fh:
        fh.write(render_page(data))
    return path, data
