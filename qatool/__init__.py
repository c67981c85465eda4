"""qatool: a content-quality linter and dataset toolkit for Chinese Markdown Q&A corpora.

The flat public API:

>>> import qatool
>>> doc = qatool.parse_text("### 1. 什么是X？\\n\\n**答案：** X。", "a.md")
>>> doc.records[0]["answer"]
'X。'
"""
__version__ = "0.1.0"

from .dataset import ParseConfig, parse_paths, read_records, write_records  # noqa: E402
from .parse import parse_text  # noqa: E402

parse = parse_paths

__all__ = ["__version__", "parse", "parse_paths", "parse_text", "read_records", "write_records", "ParseConfig"]
