"""The review stage: duplicate clusters and conflicts -> a page where a person decides -> decisions.

In: a run folder (`qatool.common.outputs.RunOutputs`). Out: `review.html` (self-contained), and the
decisions a reviewer saves (`decisions.json`, `schemas/decisions.schema.json`), which the export applies.

`page` builds the page (with `review.html` as its template), `server` is `qatool review --serve`,
`decisions` reads, validates and applies decisions.
"""
from __future__ import annotations

from qatool.review.decisions import Decisions, DecisionsError, applied_decisions, apply_decisions
from qatool.review.page import DECISIONS_FILE, diff_segments, review_data, write_review
from qatool.review.server import make_server, serve_in_thread

__all__ = ["DECISIONS_FILE", "Decisions", "DecisionsError", "applied_decisions", "apply_decisions", "diff_segments",
           "make_server", "review_data", "serve_in_thread", "write_review"]
