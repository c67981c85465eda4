"""The review page: one self-contained HTML file (no network, no CDN) where a person decides what each
duplicate cluster and same-question conflict keeps, and `--serve`, a localhost server that writes
the decisions file directly.

Corpus text is untrusted. It reaches the page only as JSON inside a `<script type="application/json">`
block with `<`, `>` and `&` escaped, and the page's script puts it into the DOM with `textContent`
only; a Content-Security-Policy forbids every script, image and connection the page does not carry
itself.
"""
from __future__ import annotations

import difflib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .dedup import member_text
from .dataset import rows_by_id, values_by_id
from .decisions import Decisions, DecisionsError, group_key
from .export import ExportInputs
from .io import atomic_writer

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


def review_data(inp: ExportInputs, limit: int = 1000) -> dict[str, Any]:
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
    applied = inp.applied_decisions()
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
    template = resources.files("qatool").joinpath("data", "review.html").read_text(encoding="utf-8")
    return template.replace("__QATOOL_DATA__", _script_json(data)).replace("__QATOOL_TOOL__", data["tool"])


def write_review(inp: ExportInputs, out_dir: Path, limit: int = 1000) -> tuple[Path, dict[str, Any]]:
    data = review_data(inp, limit)
    path = out_dir / "review.html"
    out_dir.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path) as fh:
        fh.write(render_page(data))
    return path, data


# -------------------------------------------------------------------------------------------- serve

MAX_BODY = 64 * 2**20


def make_server(out_dir: Path, host: str = "127.0.0.1", port: int = 8765, decisions_path: Path | None = None) -> ThreadingHTTPServer:
    """GET / serves OUT/review.html; POST /decisions validates the body and writes the decisions file
    atomically (default OUT/decisions.json). Only ever binds to the given host (localhost by default)."""
    target = decisions_path or out_dir / DECISIONS_FILE
    page = out_dir / "review.html"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt: str, *args: Any) -> None:  # quiet: the CLI prints what matters
            pass

        def _send(self, code: int, body: bytes, ctype: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            if self.path.split("?")[0] in ("/", "/review.html"):
                self._send(200, page.read_bytes(), "text/html; charset=utf-8")
            else:
                self._send(404, b"not found", "text/plain")

        def do_POST(self) -> None:  # noqa: N802
            if self.path.split("?")[0] != "/decisions":
                self._send(404, b"not found", "text/plain")
                return
            n = int(self.headers.get("Content-Length") or 0)
            if n <= 0 or n > MAX_BODY:
                self._send(413, b'{"ok":false,"error":"empty or too large"}', "application/json")
                return
            raw = self.rfile.read(n)
            try:
                data = json.loads(raw.decode("utf-8"))
                Decisions.from_json(data, "request")
            except (UnicodeDecodeError, json.JSONDecodeError, DecisionsError) as err:
                self._send(400, json.dumps({"ok": False, "error": str(err)}).encode(), "application/json")
                return
            with atomic_writer(target) as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
                fh.write("\n")
            self.server.saved += 1  # type: ignore[attr-defined]
            self._send(200, json.dumps({"ok": True, "path": str(target), "decisions": len(data["decisions"])}).encode(),
                       "application/json")

    server = ThreadingHTTPServer((host, port), Handler)
    server.saved = 0  # type: ignore[attr-defined]
    server.daemon_threads = True
    return server


def serve_in_thread(server: ThreadingHTTPServer) -> threading.Thread:
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    return t
