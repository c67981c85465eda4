"""Session-wide settings: the cache stores (the literal analysis, qatool.lint.literals, and the compiled
patterns, qatool.lint.compiled) are kept in a folder of this test session, not in the user's cache, so that no test reads what an earlier run or
another checkout left there; the processes the tests start inherit it. Property tests draw the same examples on
every run (hypothesis `derandomize`), so that CI passes or fails on the code, not on the draw;
`QATOOL_HYPOTHESIS=explore` draws new ones."""
import os
import tempfile

import pytest
from hypothesis import settings

settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("QATOOL_HYPOTHESIS", "fixed"))

os.environ["QATOOL_CACHE_DIR"] = tempfile.mkdtemp(prefix="qatool-test-cache-")
os.environ.pop("QATOOL_NO_CACHE", None)


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """A cache folder of this test alone (`tmp_path/cache`), with caching on."""
    monkeypatch.setenv("QATOOL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QATOOL_NO_CACHE", raising=False)
    return tmp_path / "cache"
