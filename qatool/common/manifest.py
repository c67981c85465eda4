"""Output folders that do not lie: one writer at a time, and a `manifest.json` written last.

A command that writes into a folder (`run`, `parse`, `dedup`, `export`, `review`) holds the folder's
lock (`OUT/.qatool.lock`, an advisory `flock`) while it writes: a second command that wants to write
there fails at once with a message naming the first (`FolderBusy`); a command that only reads a
folder takes the lock shared. Temporary files that a killed writer left behind are removed when the
lock is taken.

`manifest.json` lists every file the commands wrote into the folder: size, SHA-256, the qatool
version and settings that made it, and the hashes of the files it was computed from (`made_from`:
findings and duplicates from records.parquet, the export from all four tables). It is written last,
after every file it lists is on disk; `run` removes it before it writes anything, so a run that
was killed halfway leaves a folder with no manifest. Readers (`export --from`, `review`) call
`verify_folder` before they trust a folder: every file they read must be listed, have its size and
hash, and have been made from the files that are there now. So a folder that mixes two runs (new
findings beside old records) is refused with a message saying to run again, never exported.

>>> with OutputFolder(Path("out"), "run") as folder:     # doctest: +SKIP
...     folder.start_fresh()
...     ...                                              # write the files
...     folder.record("records.parquet")
...     folder.record("findings.parquet", made_from=["records.parquet"])
...     folder.commit({"run": {...}})
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable

from qatool.common.io import atomic_writer, fsync_dir, remove_stale_temps, umask
from qatool.common.version import __version__

MANIFEST = "manifest.json"
LOCK_FILE = ".qatool.lock"
MANIFEST_VERSION = 1

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: msvcrt locks are exclusive only
    fcntl = None  # type: ignore[assignment]


class FolderBusy(RuntimeError):
    """Another qatool command holds the folder's lock."""


class FolderError(ValueError):
    """A folder whose files cannot be trusted (no manifest, or files that do not match it)."""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


# ------------------------------------------------------------------------------------------ locking

class FolderLock:
    """The advisory lock of one folder: exclusive for a writer, shared for a reader. Non-blocking by
    default; `wait` seconds to keep trying."""

    def __init__(self, folder: Path, command: str, shared: bool = False, wait: float = 0.0):
        self.folder, self.command, self.shared, self.wait = Path(folder), command, shared, wait
        self._fd: int | None = None

    def __enter__(self) -> "FolderLock":
        path = self.folder / LOCK_FILE
        if self.shared:
            try:
                self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            except OSError:
                return self  # no writer has ever locked this folder (or it cannot be locked): nothing to wait for
        else:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666 & ~umask())
        if fcntl is None:  # pragma: no cover
            return self
        import time

        deadline = time.monotonic() + self.wait
        flag = (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        while True:
            try:
                fcntl.flock(self._fd, flag)
                break
            except OSError as err:
                if err.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    holder = self._holder()
                    os.close(self._fd)
                    self._fd = None
                    advice = "wait for it to finish" if self.shared else \
                        f"wait for it to finish, or give `qatool {self.command}` another output folder (-o)"
                    raise FolderBusy(f"{self.folder}: another qatool command is using this folder ({LOCK_FILE} is locked"
                                     f"{'; last taken by ' + holder if holder else ''}); {advice}") from None
                time.sleep(0.1)
        if not self.shared:
            os.ftruncate(self._fd, 0)
            os.write(self._fd, f"qatool {self.command}, pid {os.getpid()}\n".encode())
        return self

    def _holder(self) -> str:
        if self._fd is None:
            return ""
        try:
            text = os.pread(self._fd, 200, 0).decode("utf-8", "replace").strip()
        except OSError:
            text = ""
        return text

    def __exit__(self, *exc: Any) -> None:
        if self._fd is not None:
            if not self.shared:
                os.ftruncate(self._fd, 0)  # the folder's files do not depend on who wrote them last
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


# ----------------------------------------------------------------------------------------- manifest

def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The folder's manifest, or None when it has none; FolderError when it is not one."""
    path = folder / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise FolderError(f"{path}: cannot read ({err}); rerun `qatool run -o {folder}`") from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise FolderError(f"{path}: not a qatool manifest ({err}); rerun `qatool run -o {folder}`") from None
    if not isinstance(data, dict) or data.get("qatool_manifest") != MANIFEST_VERSION or not isinstance(data.get("files"), dict):
        raise FolderError(f"{path}: not a qatool manifest (version {MANIFEST_VERSION}); rerun `qatool run -o {folder}`")
    return data


def verify_folder(folder: Path, names: Iterable[str]) -> dict[str, Any]:
    """Check that the files `names` of `folder` are the ones its manifest lists (size and SHA-256)
    and were made from the files listed there now. Returns the manifest; raises FolderError with
    what to do."""
    names = list(names)
    rerun = f"rerun `qatool run -o {folder}` (with the same inputs) to make it whole"
    manifest = read_manifest(folder)
    if manifest is None:
        raise FolderError(
            f"{folder}: no {MANIFEST}: the last qatool command that wrote this folder did not finish (it was killed or "
            f"failed), or the folder was not written by `qatool run`; its files may be from different runs, so they "
            f"are not used: {rerun}")
    files = manifest["files"]
    for name in names:
        entry = files.get(name)
        path = folder / name
        if not isinstance(entry, dict):
            raise FolderError(f"{path}: not listed in {folder / MANIFEST}: it was not written together with the other "
                              f"files of this folder (a later command replaced or dropped it); {rerun}")
        try:
            size = path.stat().st_size
        except OSError:
            raise FolderError(f"{path}: listed in {MANIFEST} but missing; {rerun}") from None
        if size != entry.get("size") or sha256_file(path) != entry.get("sha256"):
            raise FolderError(f"{path}: changed since {MANIFEST} was written (its size or SHA-256 differs): the folder "
                              f"mixes files of different runs; {rerun}")
    for name in names:
        for src, digest in (files[name].get("made_from") or {}).items():
            have = files.get(src, {}).get("sha256") if isinstance(files.get(src), dict) else None
            if have is not None and have != digest:
                raise FolderError(f"{folder / name}: was made from another {src} than the one in this folder; {rerun}")
            if have is None and src in names:
                raise FolderError(f"{folder / name}: was made from a {src} that {MANIFEST} does not list; {rerun}")
    return manifest


class OutputFolder:
    """A folder being written by one command: holds its lock, removes stale temporary files, and
    keeps its manifest true (see the module docstring)."""

    def __init__(self, folder: Path, command: str, wait: float = 0.0):
        self.folder = Path(folder)
        self.command = command
        self.lock = FolderLock(self.folder, command, wait=wait)
        self.manifest: dict[str, Any] = {}
        self.removed_temps: list[Path] = []

    def __enter__(self) -> "OutputFolder":
        self.lock.__enter__()
        try:
            self.removed_temps = remove_stale_temps(self.folder)
            try:
                self.manifest = read_manifest(self.folder) or self._empty()
            except FolderError:
                self.manifest = self._empty()
        except BaseException:
            self.lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self.lock.__exit__(*exc)

    def _empty(self) -> dict[str, Any]:
        return {"qatool_manifest": MANIFEST_VERSION, "files": {}, "settings": {}}

    def start_fresh(self) -> None:
        """Before a command rewrites the whole folder (`run`): drop the manifest, so that a folder
        left by a killed run has none."""
        self.manifest = self._empty()
        self._remove_manifest()

    def invalidate(self, names: Iterable[str]) -> None:
        """Before files are rewritten: drop them, and every file made from them, from the manifest on
        disk (so that a command killed while it writes leaves no entry vouching for them)."""
        files = self.manifest["files"]
        gone = set(names)
        while True:
            more = {n for n, e in files.items() if n not in gone and gone & set(e.get("made_from") or {})}
            if not more:
                break
            gone |= more
        for name in gone:
            files.pop(name, None)
        if files:
            self._write()
        else:
            self._remove_manifest()

    def record(self, name: str, made_from: Iterable[str | Path] = ()) -> None:
        """A file just written into the folder (and the files, by name in this folder or by path,
        it was computed from)."""
        path = self.folder / name
        deps = {}
        for src in made_from:
            p = src if isinstance(src, Path) else self.folder / src
            key = p.name
            if not p.exists():
                continue  # an optional input that this folder does not have
            entry = self.manifest["files"].get(key) if p.parent.resolve() == self.folder.resolve() else None
            deps[key] = entry["sha256"] if entry else sha256_file(p)
        self.manifest["files"][name] = {"size": path.stat().st_size, "sha256": sha256_file(path), "made_from": dict(sorted(deps.items()))}

    def commit(self, settings: dict[str, Any] | None = None) -> Path:
        """Write the manifest (last, after every file it lists)."""
        self.manifest["qatool"] = __version__
        for k, v in (settings or {}).items():
            self.manifest["settings"][k] = v
        self._write()
        return self.folder / MANIFEST

    def _write(self) -> None:
        m = self.manifest
        m["files"] = dict(sorted(m["files"].items()))
        m["settings"] = dict(sorted(m["settings"].items()))
        with atomic_writer(self.folder / MANIFEST) as fh:
            json.dump(m, fh, ensure_ascii=False, indent=1, sort_keys=True, default=str)
            fh.write("\n")

    def _remove_manifest(self) -> None:
        try:
            os.unlink(self.folder / MANIFEST)
        except FileNotFoundError:
            return
        fsync_dir(self.folder)


def reading(folder: Path, command: str, writing_to: Path | None = None):
    """The shared lock of a folder a command reads (none when it is the folder it writes, whose
    exclusive lock it holds already)."""
    import contextlib

    if writing_to is not None and Path(folder).resolve() == Path(writing_to).resolve():
        return contextlib.nullcontext()
    return FolderLock(Path(folder), command, shared=True)
