"""A linter goes to process pools and Ray workers pickled, also after it has read claims (its text layer
holds a native segmenter, rebuilt where the linter is unpickled)."""
from __future__ import annotations

import pickle

from qatool.lint.engine import Linter

TEXT = "### 1. 什么是 L2 正则？\n\n**答案：** L2 正则会产生稀疏解。\n\n### 2. 什么是 L1 正则？\n\n**答案：** L1 正则会产生稀疏解。\n"


def test_a_linter_that_has_read_claims_pickles_and_finds_the_same():
    linter = Linter.default()
    before = [(f.code, f.line, f.col) for f in linter.lint_text(TEXT, "a.md")]
    assert any(code.startswith("FC") for code, _, _ in before)
    again = pickle.loads(pickle.dumps(linter))
    assert [(f.code, f.line, f.col) for f in again.lint_text(TEXT, "a.md")] == before
