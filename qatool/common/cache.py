"""Where qatool keeps what it computes once and reuses between runs (the reading of rule patterns,
their compiled form): `$QATOOL_CACHE_DIR`, else `$XDG_CACHE_HOME/qatool`, else `~/.cache/qatool`.
Nothing there changes an output: a missing, stale, broken or unwritable file only costs time."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder; None (keep nothing) when `QATOOL_NO_CACHE` is set to anything but empty or 0.
    (Asked for on every look-up of a stored result: the answer is kept for the environment it was read from.)"""
    env = os.environ
    return _cache_dir(env.get("QATOOL_NO_CACHE", ""), env.get("QATOOL_CACHE_DIR", ""), env.get("XDG_CACHE_HOME", ""),
                      env.get("HOME", ""))


@lru_cache(maxsize=8)
def _cache_dir(no_cache: str, folder: str, xdg: str, home: str) -> Path | None:
    if no_cache not in ("", "0"):
        return None
    if folder:
        return Path(folder)
    base = xdg or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qatool"
