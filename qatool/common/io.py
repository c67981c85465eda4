"""Reading inputs safely and writing outputs atomically.

Every problem with an input file becomes one `InputProblem` that names the file (and the line or
byte offset where it helps) and says what to do; it never raises past the caller, so the other
inputs are still processed.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

from qatool.common.pathfilter import PathFilter

TEXT_EXTENSIONS = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class ReadLimits:
    """Limits that keep one pathological file from stalling a run."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_line_chars: int = 200_000


@dataclass(frozen=True)
class InputProblem:
    """One message about one input. `level` is "error" (file skipped) or "warning" (file used)."""

    path: str
    level: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.level}: {self.message}"


@dataclass
class SourceText:
    """A decoded input file: text with normalised newlines, and the encoding that decoded it."""

    path: Path
    source: str
    text: str
    encoding: str
    problems: list[InputProblem] = field(default_factory=list)


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str  # relative to the input root, forward slashes


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(head) > 0 and control / len(head) > 0.10


def _first_bad_line(data: bytes, err: UnicodeDecodeError) -> int:
    return data.count(b"\n", 0, err.start) + 1


def decode(path: Path, source: str, data: bytes, limits: ReadLimits = ReadLimits()) -> SourceText | InputProblem:
    """Decode bytes of one input, or say why they cannot be used."""
    if not data.strip():
        return InputProblem(source, "error", "file is empty (or only whitespace); nothing to parse, remove it or add content")
    if _looks_binary(data):
        return InputProblem(source, "error", "file looks binary (NUL or control bytes in the first 8 KiB); only UTF-8 Markdown/text is read, remove it from the input")
    problems: list[InputProblem] = []
    encoding = "utf-8"
    try:
        text = data.decode("utf-8-sig")
        if data.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8-sig"
    except UnicodeDecodeError as err:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return InputProblem(
                source, "error",
                f"not valid UTF-8 (bad byte 0x{data[err.start]:02x} at byte offset {err.start}) and not GB18030 either; "
                "convert it to UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`)",
                line=_first_bad_line(data, err),
            )
        encoding = "gb18030"
        problems.append(InputProblem(
            source, "warning",
            f"not valid UTF-8 (bad byte at offset {err.start}); decoded as GB18030 instead, check the text and convert the file to UTF-8",
            line=_first_bad_line(data, err),
        ))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lengths = [len(line) for line in text.split("\n")]
    if max(lengths) > limits.max_line_chars:
        lineno = next(i for i, n in enumerate(lengths, 1) if n > limits.max_line_chars)
        return InputProblem(
            source, "error",
            f"line is {lengths[lineno - 1]:,} characters long (limit {limits.max_line_chars:,}); this is not an article "
            "the parser can use: split the line, or raise --max-line-chars",
            line=lineno,
        )
    return SourceText(path, source, text, encoding, problems)


def read_source(inp: InputFile, limits: ReadLimits = ReadLimits()) -> SourceText | InputProblem:
    """Read and decode one input file; every failure is returned as an `InputProblem`."""
    try:
        size = inp.path.stat().st_size
        if size > limits.max_file_bytes:
            return InputProblem(
                inp.source, "error",
                f"file is {size:,} bytes (limit {limits.max_file_bytes:,}); split it or raise --max-file-mb",
            )
        data = inp.path.read_bytes()
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        return InputProblem(inp.source, "error", f"cannot read file ({reason}); check that it exists and is readable")
    return decode(inp.path, inp.source, data, limits)


def discover(paths: list[Path], extensions: tuple[str, ...] = TEXT_EXTENSIONS,
             path_filter: PathFilter | None = None) -> tuple[list[InputFile], list[InputProblem]]:
    """Expand files and folders into input files, sorted, each with its path relative to the input root.

    The input root is the folder given, or for several paths their common parent folder. Folders
    are walked without hidden, excluded and git-ignored entries (`path_filter`; by default
    DEFAULT_EXCLUDE anchored at the working directory, .gitignore respected).
    """
    problems: list[InputProblem] = []
    found: list[Path] = []
    path_filter = path_filter if path_filter is not None else PathFilter()
    for p in paths:
        if not p.exists():
            problems.append(InputProblem(str(p), "error", "no such file or folder; check the path"))
        elif path_filter.given_excluded(p):
            continue
        elif p.is_dir():
            for dirpath, _, filenames in path_filter.walk(p):
                found.extend(dirpath / name for name in filenames if name.lower().endswith(extensions))
        else:
            found.append(p)
    if not found:
        return [], problems
    resolved = [f.resolve() for f in found]
    roots = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths if p.exists()]
    root = Path(os.path.commonpath(roots)) if roots else Path.cwd()
    seen: set[str] = set()
    files = []
    for f in resolved:
        rel = f.relative_to(root).as_posix() if f.is_relative_to(root) else f.as_posix()
        if rel in seen:
            continue
        seen.add(rel)
        files.append(InputFile(f, rel))
    files.sort(key=lambda x: x.source)
    return files, problems


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path` (never a half-written output)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with (os.fdopen(fd, mode) if "b" in mode else os.fdopen(fd, mode, encoding="utf-8", newline="\n")) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Like `atomic_writer` for libraries that want a file name (pyarrow): yields the temp path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
