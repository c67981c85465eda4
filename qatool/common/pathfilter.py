"""Which files a folder walk takes: `exclude` / `extend-exclude` patterns and `.gitignore` files.

Patterns are gitignore patterns (pathspec): `drafts/` or `/tests/fixtures/` anchored at the project
root (the config file's folder, or the git root), `*.egg-info` or `build` matched at any depth.
As in ruff, they filter what a walk finds: a file or folder named on the command line is taken
even if a pattern matches it (`force_exclude` applies the `exclude` patterns to those too, which is
what a pre-commit hook wants), and patterns that match a folder named on the command line do not
exclude what is inside it. Hidden files and folders (`.git`, `.venv`, …) are never walked.

`.gitignore` files are read in every walked folder and in its parents up to the git root (the folder
holding `.git`), together with `.git/info/exclude`; a deeper file overrides a shallower one, and
`!pattern` re-includes, as git does.

>>> f = PathFilter(Path("/repo"), extend_exclude=("drafts/",), respect_gitignore=False)
>>> f.excluded(Path("/repo/drafts"), is_dir=True), f.excluded(Path("/repo/docs"), is_dir=True)
(True, False)
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pathspec

# Folders nobody means when they lint or parse "." (what ruff leaves out, plus qatool's own `out/`).
DEFAULT_EXCLUDE: tuple[str, ...] = (
    "__pycache__", "*.egg-info", "build", "dist", "node_modules", "site-packages", "venv", "out",
)


def is_output_folder(folder: Path) -> bool:
    """Whether `folder` is one qatool wrote (`run`, `parse`, `dedup`, `export` leave their lock file
    `.qatool.lock` and `manifest.json` in it): a folder walk leaves it out, as it does `out/`, since
    its reports and dataset card are qatool's words, not the corpus."""
    return (folder / ".qatool.lock").is_file() or _is_manifest(folder / "manifest.json")


def _is_manifest(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return b'"qatool_manifest"' in fh.read(1 << 20)
    except OSError:
        return False


def _spec(lines: Iterable[str]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines([ln for ln in lines if ln.strip()])


def git_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `.git` (a folder, or a file for worktrees)."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


@dataclass(frozen=True)
class _Rules:
    """gitignore patterns anchored at `base`."""

    base: Path
    spec: pathspec.PathSpec

    def rel(self, path: Path, is_dir: bool) -> str | None:
        if not path.is_relative_to(self.base) or path == self.base:
            return None
        return path.relative_to(self.base).as_posix() + ("/" if is_dir else "")

    def verdict(self, path: Path, is_dir: bool) -> bool | None:
        """True excluded, False re-included (`!pattern`), None no pattern says."""
        rel = self.rel(path, is_dir)
        return None if rel is None else self.spec.check_file(rel).include

    def sparing(self, root: Path) -> "_Rules":
        """These rules without the patterns that match `root` (a folder named on the command line)."""
        rel = self.rel(root, True)
        if rel is None:
            return self
        kept = [p for p in self.spec.patterns if p.include is None or p.match_file(rel) is None]
        return self if len(kept) == len(self.spec.patterns) else _Rules(self.base, pathspec.GitIgnoreSpec(kept))


def _read_ignore(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


@dataclass
class PathFilter:
    """What `qatool.common.io.discover` leaves out of a walk.

    `root`: where `exclude` patterns are anchored (the project root). `exclude`: replaces
    DEFAULT_EXCLUDE; `extend_exclude`: added to it. `extra_paths`: absolute paths always left out
    (a run's own output folder)."""

    root: Path = field(default_factory=Path.cwd)
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    extra_paths: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        patterns = list(DEFAULT_EXCLUDE if self.exclude is None else self.exclude) + list(self.extend_exclude)
        self._exclude = _Rules(self.root, _spec(patterns))
        self._names = _spec([p.rstrip("/") for p in patterns if "/" not in p.rstrip("/")])  # for paths outside the root
        self._extra = {p.resolve() for p in self.extra_paths}
        self._ignore_cache: dict[Path, _Rules | None] = {}

    # ------------------------------------------------------------------------------------ exclude

    def excluded(self, path: Path, is_dir: bool, rules: _Rules | None = None) -> bool:
        """Whether `exclude`/`extend-exclude` (or `extra_paths`) leave `path` out."""
        path = Path(os.path.abspath(path))
        if path in self._extra:
            return True
        rules = rules or self._exclude
        if path.is_relative_to(rules.base):
            return bool(rules.verdict(path, is_dir))
        return self._names.match_file(path.name + ("/" if is_dir else ""))

    def given_excluded(self, path: Path) -> bool:
        """Whether a path named on the command line is left out: only with `force_exclude`."""
        return self.force_exclude and self.excluded(path, path.is_dir())

    # ---------------------------------------------------------------------------------- gitignore

    def _ignore_file(self, folder: Path) -> _Rules | None:
        if folder not in self._ignore_cache:
            lines = _read_ignore(folder / ".gitignore")
            if (folder / ".git").is_dir():
                lines += _read_ignore(folder / ".git" / "info" / "exclude")
            self._ignore_cache[folder] = _Rules(folder, _spec(lines)) if any(ln.strip() for ln in lines) else None
        return self._ignore_cache[folder]

    def walk(self, top: Path) -> Iterable[tuple[Path, list[str], list[str]]]:
        """os.walk of `top` (a folder named on the command line), sorted, without hidden, excluded
        and git-ignored entries: yields (folder, subfolder names, file names)."""
        top = Path(os.path.abspath(top))
        exclude = self._exclude.sparing(top)
        outer: list[_Rules] = []
        if self.respect_gitignore:
            groot = git_root(top)
            if groot is not None:
                chain = [top, *top.parents]
                for folder in reversed(chain[: chain.index(groot) + 1]):
                    found = self._ignore_file(folder) if folder != top else None
                    if found is not None:
                        outer.append(found.sparing(top))
        stack: dict[Path, list[_Rules]] = {}
        for dirpath, dirnames, filenames in os.walk(top):
            here = Path(dirpath)
            rules = stack.get(here, outer)
            if self.respect_gitignore:
                own = self._ignore_file(here)
                if own is not None:
                    rules = rules + [own]

            def keep(name: str, is_dir: bool) -> bool:
                p = here / name
                if name.startswith(".") or self.excluded(p, is_dir, exclude) or (is_dir and is_output_folder(p)):
                    return False
                for r in reversed(rules):  # the deepest .gitignore that says anything decides
                    v = r.verdict(p, is_dir)
                    if v is not None:
                        return not v
                return True

            dirnames[:] = sorted(d for d in dirnames if keep(d, True))
            for d in dirnames:
                stack[here / d] = rules
            stack.pop(here, None)
            yield here, dirnames, sorted(f for f in filenames if keep(f, False))
