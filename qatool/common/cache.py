"""Where qatool keeps what it computes once and reuses between runs (the reading of rule patterns,
their compiled form): `$QATOOL_CACHE_DIR`, else `$XDG_CACHE_HOME/qatool`, else `~/.cache/qatool`.
Nothing there changes an output: a missing, stale, broken or unwritable file only costs time."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder; None (keep nothing) when `QATOOL_NO_CACHE` is set to anything but empty or 0."""
    if os.environ.get("QATOOL_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("QATOOL_CACHE_DIR"):
        return Path(os.environ["QATOOL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qatool"
