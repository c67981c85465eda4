"""`qatool review --serve`: a localhost server for the review page that writes the decisions file.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from qatool.common.io import atomic_writer
from qatool.review.decisions import Decisions, DecisionsError
from qatool.review.page import DECISIONS_FILE

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
