"""Reading inputs safely and writing outputs atomically.

Every problem with an input file becomes one `InputProblem` that names the file (and the line or
byte offset where it helps) and says what to do; it never raises past the caller, so the other
inputs are still processed.
"""
from __future__ import annotations

import codecs
import contextlib
import errno
import os
import re
import stat
import tempfile
import threading
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
        where = f"{display_name(self.path)}:{self.line}" if self.line else display_name(self.path)
        return f"{where}: {self.level}: {self.message}"


# control characters, DEL, C1 controls, bidirectional overrides and isolates, line/paragraph separators
# and lone surrogates (undecodable bytes of a file name): never printed raw to a terminal
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def display_name(name: str) -> str:
    """A file name as it may be printed: control and bidi characters escaped (`\\n`, `\\x1b`,
    `\\u202e`), so a hostile name cannot move the cursor, fake a line or recolour the terminal."""
    if not _UNPRINTABLE.search(name):
        return name
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), name)


def source_name(name: str) -> str:
    """A path as stored in records: undecodable bytes of the file name (surrogate escapes) become
    `\\xNN`, so the name is valid UTF-8 everywhere it is written."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class SourceText:
    """A decoded input file: text with normalised newlines, the encoding that decoded it (a Python
    codec name; "utf-8-sig" for UTF-8 with a byte-order mark) and the byte-order mark it had."""

    path: Path
    source: str
    text: str
    encoding: str
    problems: list[InputProblem] = field(default_factory=list)
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """`text` in this file's encoding, with its byte-order mark (what `--fix` writes back)."""
        codec = "utf-8" if self.encoding == "utf-8-sig" else self.encoding
        return self.bom + text.encode(codec)


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


# Encodings read besides UTF-8 (Python codec name -> how messages name it). Which one a file is in is
# detected by charset-normalizer among these only: legacy Chinese (GB18030 covers GBK and GB2312,
# Big5) and Japanese (Shift-JIS) files, and UTF-16 without a byte-order mark.
LEGACY_ENCODINGS = {"gb18030": "GB18030", "big5": "Big5", "shift_jis": "Shift-JIS"}
UTF16_ENCODINGS = {"utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE"}
BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"))
MAX_MESS = 0.2  # charset-normalizer's mess ratio above which a decoding is not trusted


@dataclass(frozen=True)
class Detected:
    encoding: str  # Python codec name
    name: str  # as messages name it
    text: str
    confidence: float  # 1 - charset-normalizer's mess ratio
    also: tuple[str, ...] = ()  # other candidates that decode it as cleanly


def detect_encoding(data: bytes, candidates: dict[str, str]) -> Detected | None:
    """The candidate encoding charset-normalizer finds most plausible for `data`, or None when none
    decodes it without mess."""
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data, cp_isolation=list(candidates)) if m.chaos <= MAX_MESS]
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.chaos, list(candidates).index(_codec(m.encoding)) if _codec(m.encoding) in candidates else 99))
    codec = _codec(best.encoding)
    also = tuple(candidates.get(_codec(m.encoding), m.encoding) for m in matches if m is not best and m.chaos <= best.chaos + 0.01)
    return Detected(codecs.lookup(codec).name, candidates.get(codec, codec), str(best), 1.0 - best.chaos, also)


def _codec(name: str) -> str:
    return codecs.lookup(name).name.replace("-", "_") if name else name


def _guess_any(data: bytes) -> str | None:
    """Which encoding the file seems to be in, among all charset-normalizer knows (for the message)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None and best.chaos <= MAX_MESS else None


_LETTER = re.compile(r"[^\W\d_]")


def foreign_script(text: str, sample: int = 200_000) -> str | None:
    """Why `text` is not Chinese or English, or None: Japanese when kana make more than a tenth of
    its letters, another script when letters other than Han and Latin make more than a fifth."""
    import regex

    s = text[:sample]
    if not regex.search(r"[^\W\d_\p{Han}\p{Latin}]|[\p{No}\p{Nl}]", s):
        return None  # Chinese and Latin letters only (most files): nothing to count
    letters = len(_LETTER.findall(s))
    if letters < 50:
        return None  # too little prose to tell (code, numbers, tables)
    kana = len(regex.findall(r"[\p{Hiragana}\p{Katakana}]", s))
    han = len(regex.findall(r"\p{Han}", s))
    latin = len(regex.findall(r"\p{Latin}", s))
    other = letters - han - latin - kana
    if kana > 0.1 * letters:
        return f"Japanese (kana are {kana / letters:.0%} of its letters)"
    if other > 0.2 * letters:
        scripts = {"Korean": r"\p{Hangul}", "Cyrillic": r"\p{Cyrillic}", "Arabic": r"\p{Arabic}", "Greek": r"\p{Greek}",
                   "Hebrew": r"\p{Hebrew}", "Thai": r"\p{Thai}", "Devanagari": r"\p{Devanagari}"}
        counts = {name: len(regex.findall(rx, s)) for name, rx in scripts.items()}
        name = max(counts, key=lambda k: counts[k]) if max(counts.values()) else "another script"
        return f"{name} ({other / letters:.0%} of its letters are neither Chinese nor Latin)"
    return None


# what text in UTF-16 without a byte-order mark is made of: ASCII, CJK ideographs, kana, Hangul
# and the punctuation and full-width forms around them (a foreign script is refused later, by name)
_UTF16_TEXT = re.compile(r"[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _reads_as_utf16_text(text: str) -> bool:
    """Whether bytes decoded as UTF-16 without a byte-order mark are text rather than binary that
    happens to decode (b"\\x00\\x01" is the one character U+0100): nine in ten characters must
    be of the scripts above, and no control bytes."""
    if not text or _looks_binary(text.encode("utf-8", "replace")):
        return False
    return len(_UTF16_TEXT.findall(text)) >= 0.9 * len(text)


def _decode_bytes(source: str, data: bytes) -> tuple[str, str, bytes, list[InputProblem]] | InputProblem:
    """(text, encoding, byte-order mark, warnings) or the reason the bytes cannot be read as text."""
    for bom, name, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name, bom, []
            except UnicodeDecodeError as err:
                return InputProblem(source, "error", f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                                    f"(bad bytes at byte offset {err.start + len(bom)}); convert it to UTF-8")
    if _looks_binary(data):
        if b"\x00" in data[:8192]:
            utf16 = detect_encoding(data, UTF16_ENCODINGS)
            if utf16 is not None and _reads_as_utf16_text(utf16.text):
                # read, as GB18030 is, with a word: tools that expect UTF-8 will not read it
                warning = InputProblem(source, "warning", f"{utf16.name} without a byte-order mark (detected by charset-normalizer) "
                                       f"and read as {utf16.name}: convert the file to UTF-8 (`iconv -f {utf16.name} -t UTF-8`)")
                return utf16.text, utf16.encoding, b"", [warning]
        return InputProblem(source, "error", "file looks binary (NUL or control bytes in the first 8 KiB); only Markdown/text "
                            "in UTF-8, UTF-16, GB18030, Big5 or Shift-JIS is read, remove it from the input")
    try:
        return data.decode("utf-8"), "utf-8", b"", []
    except UnicodeDecodeError as err:
        bad = err
    found = detect_encoding(data, LEGACY_ENCODINGS)
    line = _first_bad_line(data, bad)
    if found is None:
        seems = _guess_any(data)
        hint = f"it looks like {seems}: " if seems else ""
        return InputProblem(
            source, "error",
            f"not valid UTF-8 (bad byte 0x{data[bad.start]:02x} at byte offset {bad.start}) and not GB18030, Big5 or Shift-JIS "
            f"text either; {hint}convert it to UTF-8 (e.g. `iconv -f {seems or '<encoding>'} -t UTF-8`)",
            line=line,
        )
    also = f"; it also decodes as {', '.join(found.also)}" if found.also else ""
    warning = InputProblem(
        source, "warning",
        f"not valid UTF-8 (bad byte at offset {bad.start}); detected {found.name} ({found.confidence:.0%} confidence, "
        f"charset-normalizer{also}) and read as {found.name}: check the text and convert the file to UTF-8 "
        f"(`iconv -f {found.name} -t UTF-8`)",
        line=line,
    )
    return found.text, found.encoding, b"", [warning]


def decode(path: Path, source: str, data: bytes, limits: ReadLimits = ReadLimits()) -> SourceText | InputProblem:
    """Decode bytes of one input, or say why they cannot be used."""
    if not data.strip():
        return InputProblem(source, "error", "file is empty (or only whitespace); nothing to parse, remove it or add content")
    decoded = _decode_bytes(source, data)
    if isinstance(decoded, InputProblem):
        return decoded
    text, encoding, bom, problems = decoded
    if not text.strip(" \t\r\n\ufeff"):
        return InputProblem(source, "error", "file is empty (or only whitespace); nothing to parse, remove it or add content")
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
    foreign = foreign_script(text)
    if foreign is not None:
        return InputProblem(source, "error", f"not Chinese or English text: it reads as {foreign} (decoded as {encoding}); "
                            "qatool checks Chinese and English Q&A, remove it from the input (or convert it if the encoding is wrong)")
    return SourceText(path, source, text, encoding, problems, bom)


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def _kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_regular(path: Path, shown: str) -> InputProblem | None:
    """Why `path` is not a regular file that can be read (a pipe, socket or device, a broken symlink,
    a symlink loop), as a problem naming `shown` (the path as found, not where a link points), or None."""
    try:
        st = os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return InputProblem(shown, "error", "symlink loop (too many levels of symbolic links); skipped: fix or remove the link")
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return InputProblem(shown, "error", f"broken symlink (points to {display_name(source_name(target))}, which does not exist); "
                                "skipped: fix or remove the link")
        reason = err.strerror or str(err)
        return InputProblem(shown, "error", f"cannot read file ({reason}); check that it exists and is readable")
    if not stat.S_ISREG(st.st_mode):
        return InputProblem(shown, "error", f"not a regular file ({_kind_of(st.st_mode)}); skipped: only regular files are read")
    return None


def _read_regular(path: Path, source: str, limit: int) -> bytes | InputProblem:
    """The bytes of a regular file, opened without blocking (a pipe put in its place never stalls the
    read) and checked to be a regular file on the open handle itself."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return InputProblem(source, "error", f"not a regular file ({_kind_of(st.st_mode)}); skipped: only regular files are read")
        if st.st_size > limit:
            return InputProblem(source, "error", f"file is {st.st_size:,} bytes (limit {limit:,}); split it or raise --max-file-mb")
        data = fh.read(limit + 1)
    if len(data) > limit:
        return InputProblem(source, "error", f"file is over {limit:,} bytes (limit {limit:,}); split it or raise --max-file-mb")
    return data


def _resolved(path: Path) -> Path:
    """The real path of an input; for a link that leads nowhere (broken, a loop) or to something
    that is not a regular file, the link itself in its real folder, so it is named by its own path."""
    if not_regular(path, "") is None:
        return path.resolve()
    return Path(os.path.realpath(path.parent)) / path.name


def read_source(inp: InputFile, limits: ReadLimits = ReadLimits()) -> SourceText | InputProblem:
    """Read and decode one input file; every failure is returned as an `InputProblem`."""
    try:
        data = _read_regular(inp.path, inp.source, limits.max_file_bytes)
    except (OSError, ValueError) as err:
        special = not_regular(inp.path, inp.source) if isinstance(err, OSError) else None
        if special is not None:
            return special
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        return InputProblem(inp.source, "error", f"cannot read file ({reason}); check that it exists and is readable")
    if isinstance(data, InputProblem):
        return data
    return decode(inp.path, inp.source, data, limits)


def discover(paths: list[Path], extensions: tuple[str, ...] = TEXT_EXTENSIONS,
             path_filter: PathFilter | None = None) -> tuple[list[InputFile], list[InputProblem]]:
    """Expand files and folders into input files, sorted, each with its path relative to the input root.

    The input root is the folder given, or for several paths their common parent folder. Folders
    are walked without hidden, excluded and git-ignored entries (`path_filter`; by default
    DEFAULT_EXCLUDE anchored at the working directory, .gitignore respected). Only regular files
    are read: pipes, sockets, devices, broken symlinks and symlink loops are inputs that
    `read_source` reports (by the path where they were found, not where a link points) and skips;
    the returned problems are the usage errors (a path that does not exist).
    """
    problems: list[InputProblem] = []
    found: list[Path] = []
    path_filter = path_filter if path_filter is not None else PathFilter()
    for p in paths:
        if not p.exists() and not os.path.lexists(p):
            problems.append(InputProblem(source_name(str(p)), "error", "no such file or folder; check the path"))
        elif path_filter.given_excluded(p):
            continue
        elif p.is_dir():
            for dirpath, _, filenames in path_filter.walk(p):
                found.extend(dirpath / name for name in filenames if name.lower().endswith(extensions))
        else:
            found.append(p)
    if not found:
        return [], problems
    resolved = [_resolved(f) for f in found]
    roots = [p.resolve() if p.is_dir() else _resolved(p).parent for p in paths if os.path.lexists(p)]
    root = Path(os.path.commonpath(roots)) if roots else Path.cwd()
    seen: set[str] = set()
    files = []
    for f in resolved:
        rel = f.relative_to(root).as_posix() if f.is_relative_to(root) else f.as_posix()
        rel = source_name(rel)
        if rel in seen:
            continue
        seen.add(rel)
        files.append(InputFile(f, rel))
    files.sort(key=lambda x: x.source)
    return files, problems


_UMASK_LOCK = threading.Lock()
_UMASK: list[int] = []
TMP_SUFFIX = ".tmp"


def umask() -> int:
    """The process's umask (read once; os.umask can only be read by setting it)."""
    with _UMASK_LOCK:
        if not _UMASK:
            old = os.umask(0o022)
            os.umask(old)
            _UMASK.append(old)
        return _UMASK[0]


def _finish(tmp: str, path: Path, mode: int | None) -> None:
    """Give the temporary file its mode (the one asked for, else 0666 less the umask, as any new
    file gets), flush it to disk, rename it over `path` and flush the folder entry."""
    os.chmod(tmp, mode if mode is not None else 0o666 & ~umask())
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w", file_mode: int | None = None) -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path` (never a half-written
    output). The file is flushed to disk before the rename; it gets `file_mode` if given (e.g. the
    mode of the file it replaces), else the mode any new file gets under the umask. A device or a pipe
    (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written in place: renaming over it would replace it."""
    encoding, newline = (None, None) if "b" in mode else ("utf-8", "\n")  # binary mode takes neither
    if _special_file(path):
        with open(path, mode, encoding=encoding, newline=newline) as fh:
            yield fh
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
        _finish(tmp, path, file_mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _special_file(path: Path) -> bool:
    """Whether `path` exists and is neither a regular file nor a folder (a device, a pipe, a socket)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Like `atomic_writer` for libraries that want a file name (pyarrow): yields the temp path (for a
    device or a pipe, its bytes are copied into it afterwards)."""
    if _special_file(path):
        fd, tmp = tempfile.mkstemp(suffix=TMP_SUFFIX)
        os.close(fd)
        try:
            yield Path(tmp)
            with open(tmp, "rb") as src, open(path, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        _finish(tmp, path, None)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of the temporary files `atomic_writer` / `atomic_path` make."""
    return name.startswith(".") and name.endswith(TMP_SUFFIX) and name.count(".") >= 3


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete temporary files left in `folder` by a writer that was killed before its rename. Call it
    only while holding the folder's lock (`qatool.common.manifest.FolderLock`), when no writer can
    be at work there."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for entry in os.scandir(folder):
        if is_temp_name(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
