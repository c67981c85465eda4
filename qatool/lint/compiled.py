"""Compiled rule patterns kept between runs.

The `regex` module parses and optimises a pattern in Python before its C engine takes the result: a
millisecond or more per pattern, and the thousand patterns a corpus reaches cost more than a second
at every start (`qatool lint` in a pre-commit hook or a CI job pays it each time). What the parse
produces is data: the engine's instruction codes, flags and group maps, which the module itself
hands to `copyreg` so that a compiled pattern pickles without its text being parsed again. That
data is kept here in one `marshal` file in the cache folder (marshal, not pickle: loading it runs
no code), and a pattern is rebuilt from it by the same function that unpickles one.

The file's name holds a hash of the `regex` version, the Python version and this module, so a stale
file is never read. A rebuilt pattern must carry the text it was asked for, or it is compiled anew;
a missing, broken or unwritable file only costs the time. Matching never depends on the store (a
test compares every pack pattern rebuilt from it with the same pattern compiled).
"""
from __future__ import annotations

import atexit
import copyreg
import hashlib
import marshal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import regex

from qatool.common.cache import cache_dir
from qatool.common.io import atomic_writer

VERSION = hashlib.sha256(regex.__version__.encode() + sys.version.encode() + Path(__file__).read_bytes()).hexdigest()[:16]
SAVE_EVERY = 10.0  # seconds: a long run (or a worker process, which has no end of its own) saves this often


def _reducer() -> Any:
    """The function `regex` registers to unpickle a compiled pattern (it takes the compiled form)."""
    probe = regex.compile("")
    return copyreg.dispatch_table[type(probe)](probe)[0]


_REBUILD = _reducer()


class CompiledStore:
    """Compiled forms by (pattern, flags), read from and written to `regex-<VERSION>.marshal`."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, int], tuple[Any, ...]] = {}
        self.loaded_from: Path | None = None
        self.dirty = False
        self.saved_at = time.monotonic()
        self._lock = threading.Lock()

    def path(self) -> Path | None:
        folder = cache_dir()
        return folder / f"regex-{VERSION}.marshal" if folder is not None else None

    @staticmethod
    def _read(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
        """The table in the file, or nothing unless the file is whole and written by this code: the engine
        trusts the instruction codes it is given (damaged ones could crash it), so the table is kept with
        its own digest and a file whose table does not match it is not read."""
        try:
            head, digest, payload = marshal.loads(path.read_bytes())
            if head != VERSION or not isinstance(payload, bytes) or hashlib.sha256(payload).hexdigest() != digest:
                return {}
            data = marshal.loads(payload)
        except (OSError, ValueError, EOFError, TypeError):
            return {}  # none yet, or not ours
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], str)
                and isinstance(k[1], int) and isinstance(v, tuple) and v and v[0] == k[0]}

    @staticmethod
    def _encode(table: dict[tuple[str, int], tuple[Any, ...]]) -> bytes:
        payload = marshal.dumps(table)
        return marshal.dumps((VERSION, hashlib.sha256(payload).hexdigest(), payload))

    def load(self) -> None:
        path = self.path()
        if path is None or path == self.loaded_from:
            return
        self.loaded_from = path
        self.table = {**self._read(path), **self.table}

    def compile(self, pattern: str, flags: int = 0) -> regex.Pattern:
        """`regex.compile(pattern, flags)`, rebuilt from the store when it holds the pattern."""
        self.load()
        key = (pattern, int(flags))
        args = self.table.get(key)
        if args is not None:
            try:
                rx = _REBUILD(*args)
                if isinstance(rx, regex.Pattern) and rx.pattern == pattern:
                    return rx
            except Exception:  # noqa: BLE001 - a damaged entry is compiled again, never trusted
                pass
        rx = regex.compile(pattern, flags)
        reduced: Any = copyreg.dispatch_table[type(rx)](rx)  # (the rebuilding function, its arguments)
        if reduced[0] is _REBUILD:
            with self._lock:
                self.table[key] = tuple(reduced[1])
                self.dirty = True
        return rx

    def save(self, force: bool = True) -> None:
        """Write the forms compiled here, merged with what another process wrote meanwhile (atomically:
        a reader sees the old file or the new). Without `force`, only when the last save is `SAVE_EVERY`
        seconds old. A folder that cannot be written only means no store."""
        path = self.path()
        if not self.dirty or path is None or (not force and time.monotonic() - self.saved_at < SAVE_EVERY):
            return
        with self._lock:
            merged = {**self._read(path), **self.table}
            try:
                with atomic_writer(path, "wb") as fh:
                    fh.write(self._encode(merged))
            except (OSError, ValueError):
                return
            self.dirty = False
            self.saved_at = time.monotonic()


STORE = CompiledStore()


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile`, kept between runs (see the module's note)."""
    return STORE.compile(pattern, flags)


def save_compiled(force: bool = True) -> None:
    STORE.save(force)


atexit.register(save_compiled)  # the end of a command; a worker process saves as it goes (SAVE_EVERY)
