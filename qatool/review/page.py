"""The review page: one self-contained HTML file (no network, no CDN) where a person decides what each
duplicate cluster and same-question conflict keeps, and `--serve`, a localhost server that writes
the decisions file directly.

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
from qatool.common.records import rows_by_id, values_by_id
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


def review_data(inp: RunOutputs, limit: int = 1000) -> dict[str, Any]:
    """Everything the page shows, most consequential groups first (largest clusters, then conflicts).
    Whole records and their findings are read only for the groups shown."""
    chash = values_by_id(inp.records, inp.member_ids(), "content_hash")
    jac = {frozenset((p["id_a"], p["id_b"])): p for p in inp.pairs}
    groups: list[dict[str, Any]] = []
    for c in sorted(inp.clusters, key=lambda c: (-len(c["members"]), c["cluster_id"])):
        members = [m for m in c["members"] if m in chash]
        if len(members) < 2:
            continue
        canon = c["canonical"]
        groups.append({"group": "cluster", "key": c["cluster_id"], "reasons": list(c["reasons"]), "canonical": canon,
                       "min_jaccard": c["min_jaccard"], "max_jaccard": c["max_jaccard"],
                       "members_key": sorted(chash[m] for m in members), "ids": [canon] + [m for m in members if m != canon]})
    for a, b in inp.conflicts:
        p = jac.get(frozenset((a, b))) or {}
        groups.append({"group": "conflict", "key": f"{a}|{b}", "reasons": ["same-question"], "canonical": None,
                       "question_jaccard": p.get("question_jaccard"), "answer_jaccard": p.get("answer_jaccard"),
                       "members_key": sorted([chash[a], chash[b]]), "ids": [a, b]})
    shown = groups[:limit]
    need = {i for g in shown for i in g["ids"]}
    by_id = rows_by_id(inp.records, need)
    fby: dict[str, list[dict[str, Any]]] = {}
    for f in inp.findings_where(need):
        fby.setdefault(f["record_id"], []).append(f)
    for g in shown:
        ids = g.pop("ids")
        if g["group"] == "cluster":
            canon = g["canonical"]
            g["members"] = [_member(by_id[m], fby.get(m, []), m == canon, None if m == canon else _pair_value(jac, canon, m, "jaccard"))
                            for m in ids]
            g["pairs"] = [{"left": canon, "right": m, "jaccard": _pair_value(jac, canon, m, "jaccard"),
                           "reason": _pair_value(jac, canon, m, "reason")} for m in ids[1:]]
        else:
            a, b = ids
            g["members"] = [_member(by_id[a], fby.get(a, []), False, None), _member(by_id[b], fby.get(b, []), False, None)]
            g["pairs"] = [{"left": a, "right": b, "jaccard": _pair_value(jac, a, b, "jaccard"), "reason": "same-question"}]
        for pair in g["pairs"]:  # diffs only for what the page shows
            pair["left_segments"], pair["right_segments"] = diff_segments(member_text(by_id[pair["left"]]), member_text(by_id[pair["right"]]))
    for g in groups[limit:]:
        g.pop("ids")
    shown_keys = {group_key(g["group"], g["members_key"]) for g in shown}
    existing = inp.decisions.items if inp.decisions else {}
    applied = applied_decisions(inp)
    stale_keys = {group_key(s["group"], s["members"]) for s in applied.stale}
    return {
        "tool": f"qatool {__version__}", "total_groups": len(groups), "groups": shown,
        "decisions": [d for k, d in existing.items() if k in shown_keys],
        "hidden_decisions": [d for k, d in existing.items() if k not in shown_keys and k not in stale_keys],
        "stale": applied.stale, "decisions_file": inp.decisions.path if inp.decisions else None,
    }


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
