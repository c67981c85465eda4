"""Configuration: `[tool.qatool]` in pyproject.toml, or a qatool.toml, found from the current folder
upwards (or given with --config). Command-line options override it.

    [tool.qatool]
    select = ["FC", "FM"]
    ignore = ["TY002"]
    fail-on = "warning"
    rules = ["my_rules/"]          # extra rule files or folders, relative to the config file
    extend-exclude = ["tests/fixtures/", "drafts/*.txt"]   # gitignore patterns, relative to the config file
    # exclude = [...]              # replaces the default excludes (build, dist, out, *.egg-info, …)
    # respect-gitignore = false    # .gitignore files are honoured by default

    [tool.qatool.per-file-ignores]
    "drafts/*.md" = ["QA003"]
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qatool.common.schema import SEVERITIES

KEYS = {"select", "ignore", "extend-select", "per-file-ignores", "fail-on", "rules", "exclude", "extend-exclude", "respect-gitignore"}


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "error"
    rules: tuple[Path, ...] = ()
    files: "FileSettings" = field(default_factory=lambda: FileSettings())


@dataclass(frozen=True)
class FileSettings:
    """Which files a folder walk takes (`exclude`, `extend-exclude`, `respect-gitignore`)."""

    exclude: tuple[str, ...] | None = None  # None: qatool.common.pathfilter.DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True


def _file_settings(table: dict[str, Any], where: Any) -> FileSettings:
    def patterns(key: str) -> tuple[str, ...] | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where(key)}: expected a list of gitignore-style patterns, e.g. [\"tests/fixtures/\", \"*.txt\"]")
        return tuple(value)

    respect = table.get("respect-gitignore", True)
    if not isinstance(respect, bool):
        raise ConfigError(f"{where('respect-gitignore')}: expected true or false, got {respect!r}")
    return FileSettings(patterns("exclude"), patterns("extend-exclude") or (), respect)


def project_root(config: Config, cwd: Path | None = None) -> Path:
    """Where project paths start: the config file's folder, else the git root, else `cwd`.
    Fingerprints, per-file-ignores and exclude patterns use paths relative to it."""
    cwd = (cwd or Path.cwd()).resolve()
    if config.path is not None:
        return config.path.resolve().parent
    return _git_root(cwd) or cwd


def _git_root(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def project_root_of(path: Path) -> Path | None:
    """The project a file outside the working project belongs to: the folder of the nearest config
    file above it, else its git root; None when it has neither."""
    folder = path.resolve().parent
    found = find_config(folder)
    return found.parent if found is not None else _git_root(folder)


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        bad = value if not isinstance(value, list) else next(v for v in value if not isinstance(v, str))
        raise ConfigError(f"{where}: expected a list of rule codes or names, e.g. [\"FC\", \"FM001\"], got {bad!r} ({_type(bad)})")
    return tuple(v.strip() for v in value)


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config ({err.strerror}); check the path") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: invalid TOML ({err}); fix the syntax") from None
    except RecursionError:
        raise ConfigError(f"{path}: TOML nested too deeply to be a config file; fix the file") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}:{_line_of(text, 'tool') or '?'}: tool: must be a table ([tool.qatool]), got {_type(tool)}")
    table = tool.get("qatool") if path.name == "pyproject.toml" else tool.get("qatool", data)
    if table is None:
        return Config(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.qatool] must be a table, got {_type(table)}")
    for key in table:
        if key not in KEYS:
            line = _line_of(text, key)
            raise ConfigError(f"{path}:{line or '?'}: unknown setting {key!r}; known settings: {', '.join(sorted(KEYS))}")

    def where(key: str) -> str:
        return f"{path}:{_line_of(text, key) or '?'}: {key}"

    fail_on = table.get("fail-on", "error")
    if not isinstance(fail_on, str) or fail_on not in SEVERITIES:
        raise ConfigError(f"{where('fail-on')}: must be one of {', '.join(SEVERITIES)}, got {fail_on!r}")
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where('per-file-ignores')}: expected a table of glob = [codes], got {_type(pfi)}")
    return Config(
        path=path,
        select=_codes(table.get("select", []), where("select")),
        extend_select=_codes(table.get("extend-select", []), where("extend-select")),
        ignore=_codes(table.get("ignore", []), where("ignore")),
        per_file_ignores={k: list(_codes(v, f"{where('per-file-ignores')}.{k!r}")) for k, v in pfi.items()},
        fail_on=fail_on,
        rules=_paths(table.get("rules", []), where("rules"), path.parent),
        files=_file_settings(table, where),
    )


def _type(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__)


def _paths(value: Any, where: str, base: Path) -> tuple[Path, ...]:
    """A list of rule files or folders (strings), relative to the config file's folder."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of rule files or folders (strings), got {_type(value)}")
    for i, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            raise ConfigError(f"{where}[{i}]: expected a rule file or folder path (a non-empty string), got {v!r} ({_type(v)})")
    return tuple(base / v for v in value)


def find_config(start: Path) -> Path | None:
    """qatool.toml, or a pyproject.toml with [tool.qatool], in `start` or its parents."""
    for folder in [start, *start.parents]:
        q = folder / "qatool.toml"
        if q.is_file():
            return q
        p = folder / "pyproject.toml"
        if p.is_file():
            try:
                if "qatool" in tomllib.loads(p.read_text(encoding="utf-8")).get("tool", {}):
                    return p
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, TypeError, RecursionError):
                return p  # let load_config report the problem
    return None


def resolve_config(explicit: Path | None, cwd: Path | None = None) -> Config:
    if explicit is not None:
        return load_config(explicit)
    found = find_config((cwd or Path.cwd()).resolve())
    return load_config(found) if found else Config()
