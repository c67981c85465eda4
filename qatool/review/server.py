"""`qatool review --serve`: a local server for the review page that writes the decisions file.

Any web page open in the reviewer's browser can send requests to a local port, so a write must prove
it comes from the review page itself:

- a per-session token (random, made when the server starts) is in the page's URL, and every request
  but the page's own assets must carry it (`X-Qatool-Token` header, or `?token=` for GET);
- the `Host` header must name this server (a DNS-rebinding page has another host name), and an
  `Origin` header, when a browser sends one, must be this server's origin;
- writes are `application/json` only (an HTML form cannot send that cross-origin without a CORS
  preflight, which this server never grants);
- each request has a time limit (a stalled upload cannot hold a thread), bodies a size limit;
- it binds to the loopback address unless `--host` says otherwise (and then the CLI warns).

Saving merges: the decisions in a request replace those of the same groups in the file, the groups
listed in `undecided` are removed, every other decision in the file is kept. So a page reloaded
from an older review.html never loses what was saved before.
"""
from __future__ import annotations

import ipaddress
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from qatool.common.io import atomic_writer
from qatool.review.decisions import Decisions, DecisionsError, group_key
from qatool.review.page import DECISIONS_FILE

MAX_BODY = 64 * 2**20
REQUEST_TIMEOUT = 15.0  # seconds: per socket operation, and for a whole request body
TOKEN_HEADER = "X-Qatool-Token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Refused(Exception):
    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


def merge_decisions(current: dict[str, Any] | None, body: dict[str, Any], undecided: list[dict[str, Any]]) -> dict[str, Any]:
    """The decisions file after a save: `current`'s decisions, those of the same groups replaced by
    `body`'s, the `undecided` groups removed; sorted by group and members (a stable file)."""
    items: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
    for d in (current or {}).get("decisions", []):
        items[group_key(d["group"], d["members"])] = d
    for u in undecided:
        items.pop(group_key(u["group"], u["members"]), None)
    for d in body["decisions"]:
        items[group_key(d["group"], d["members"])] = d
    out = {"qatool_decisions": 1, "decisions": [items[k] for k in sorted(items)]}
    if body.get("saved_at"):
        out["saved_at"] = body["saved_at"]
    return out


def host_allowed(host: str, allowed: set[str] | None) -> bool:
    """Whether a request's Host header names this server: one of `allowed`, or, for a server bound
    to every address (`allowed` None), an IP address or this machine's name (a page that rebinds its
    own domain name to this machine still sends that name, and is refused)."""
    if allowed is not None:
        return host in allowed
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    name = name.strip("[]")
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        import socket

        return name in ("localhost", socket.gethostname(), socket.getfqdn())


def _undecided(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    ok = isinstance(value, list) and all(
        isinstance(u, dict) and u.get("group") in ("cluster", "conflict") and isinstance(u.get("members"), list)
        and all(isinstance(m, str) for m in u["members"]) for u in value)
    if not ok:
        raise _Refused(400, "undecided: expected a list of {group, members}")
    return value


class _Handler(BaseHTTPRequestHandler):
    server: "ReviewServer"

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.request_timeout)  # every socket read and write
    server_version = "qatool-review"
    sys_version = ""

    def log_message(self, fmt: str, *args: Any) -> None:  # quiet: the CLI prints what matters
        pass

    def _send(self, code: int, body: bytes, ctype: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", "frame-ancestors 'none'")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, code: int, data: dict[str, Any]) -> None:
        self._send(code, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _check_origin(self) -> None:
        host = self.headers.get("Host", "")
        if not host_allowed(host, self.server.allowed_hosts):
            raise _Refused(403, f"Host {host!r} is not this review server; open the address `qatool review --serve` printed")
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{host}":
            raise _Refused(403, f"requests from {origin!r} are not accepted; only the review page itself may write")

    def _check_token(self, query: dict[str, list[str]]) -> None:
        given = self.headers.get(TOKEN_HEADER) or (query.get("token") or [""])[0]
        if not secrets.compare_digest(given.encode(), self.server.token.encode()):
            raise _Refused(403, "missing or wrong session token; open the address `qatool review --serve` printed")

    def _read_body(self) -> bytes:
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise _Refused(415, "decisions are sent as application/json only")
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            n = -1
        if n <= 0 or n > MAX_BODY:
            raise _Refused(413, "empty or too large (or no Content-Length)")
        limit = self.server.request_timeout
        deadline = time.monotonic() + limit
        chunks, got = [], 0
        while got < n:
            if time.monotonic() > deadline:
                raise _Refused(408, f"the request body took longer than {limit:g}s")
            try:
                chunk = self.rfile.read1(min(65536, n - got)) if hasattr(self.rfile, "read1") else self.rfile.read(min(65536, n - got))
            except TimeoutError:
                raise _Refused(408, f"the request body stalled for {limit:g}s") from None
            if not chunk:
                raise _Refused(400, "the request body ended early")
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def _route(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        return parts.path, parse_qs(parts.query)

    def do_GET(self) -> None:  # noqa: N802
        try:
            path, query = self._route()
            self._check_origin()
            if path in ("/", "/review.html"):
                self._check_token(query)
                self._send(200, self.server.page.read_bytes(), "text/html; charset=utf-8")
            elif path == "/decisions":
                self._check_token(query)
                self._json(200, self._current() or {"qatool_decisions": 1, "decisions": []})
            else:
                self._send(404, b"not found", "text/plain")
        except _Refused as err:
            self._json(err.code, {"ok": False, "error": str(err)})
        except DecisionsError as err:
            self._json(409, {"ok": False, "error": str(err)})

    def _current(self) -> dict[str, Any] | None:
        if not self.server.target.exists():
            return None
        d = Decisions.load(self.server.target)
        return {"qatool_decisions": 1, "decisions": list(d.items.values())}

    def do_POST(self) -> None:  # noqa: N802
        try:
            path, query = self._route()
            if path != "/decisions":
                raise _Refused(404, "not found")
            self._check_origin()
            self._check_token({})  # writes carry the token in a header (a cross-origin page cannot set it)
            raw = self._read_body()
            try:
                data = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError) as err:
                raise _Refused(400, f"not JSON ({err})") from None
            if not isinstance(data, dict):
                raise _Refused(400, "expected a JSON object")
            undecided = _undecided(data.pop("undecided", None))
            Decisions.from_json(data, "request")
            with self.server.write_lock:
                try:
                    current = self._current()
                except DecisionsError as err:
                    self._json(409, {"ok": False, "error": f"{err}; the saved decisions were not changed: fix or move that file"})
                    return
                merged = merge_decisions(current, data, undecided)
                with atomic_writer(self.server.target) as fh:
                    json.dump(merged, fh, ensure_ascii=False, indent=1, sort_keys=True)
                    fh.write("\n")
                self.server.saved += 1
            self._json(200, {"ok": True, "path": str(self.server.target), "saved": len(data["decisions"]),
                             "decisions": len(merged["decisions"])})
        except _Refused as err:
            self.server.refused += 1
            self._json(err.code, {"ok": False, "error": str(err)})
            self.close_connection = True
        except DecisionsError as err:
            self._json(400, {"ok": False, "error": str(err)})



class ReviewServer(ThreadingHTTPServer):
    """The review page's server: what the handler reads (the page, the decisions file and its lock, the
    session token and the Host names it answers to) and what a caller reads (`url`, `saved`, `refused`)."""

    daemon_threads = True

    def __init__(self, out_dir: Path, host: str, port: int, decisions_path: Path | None, token: str | None):
        super().__init__((host, port), _Handler)
        self.target = decisions_path or out_dir / DECISIONS_FILE
        self.page = out_dir / "review.html"
        self.write_lock = threading.Lock()
        self.request_timeout = REQUEST_TIMEOUT  # read when the server is made (a test lowers it)
        bound = self.server_address[1]
        self.port = bound
        self.allowed_hosts: set[str] | None
        if host in ("0.0.0.0", "::", ""):
            self.allowed_hosts = None  # any address of this machine, by IP (see host_allowed)
        else:
            names = (set(LOOPBACK_NAMES) | {host}) if is_loopback(host) else {host}
            self.allowed_hosts = {f"[{h}]:{bound}" if ":" in h and not h.startswith("[") else f"{h}:{bound}" for h in names}
        self.token = token or secrets.token_urlsafe(24)
        shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
        self.url = f"http://{shown}:{bound}/?token={self.token}"
        self.saved = 0
        self.refused = 0


def make_server(out_dir: Path, host: str = "127.0.0.1", port: int = 8765, decisions_path: Path | None = None,
                token: str | None = None) -> ReviewServer:
    """GET /?token=T serves OUT/review.html; GET /decisions returns the decisions file as it is now;
    POST /decisions merges the decisions in its body into the file (atomically; default
    OUT/decisions.json). `server.token` is the session token, `server.url` the page's address."""
    return ReviewServer(out_dir, host, port, decisions_path, token)


def serve_in_thread(server: ReviewServer) -> threading.Thread:
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    return t
