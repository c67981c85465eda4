"""qatool: a content-quality linter and dataset toolkit for Chinese Markdown Q&A corpora.

The pipeline, one package per stage: `qatool.parse` (files -> records), `qatool.lint` (records ->
findings), `qatool.dedup` (records -> duplicate groups), `qatool.review` (groups -> decisions) and
`qatool.export` (records, findings, groups, decisions -> training data); `qatool.common` holds what
they share.

>>> import qatool
>>> doc = qatool.parse_text("### 1. 什么是X？\\n\\n**答案：** X。", "a.md")
>>> doc.records[0]["answer"]
'X。'
"""
from qatool.common.records import read_records
from qatool.common.version import __version__
from qatool.parse import ParseConfig, parse_paths, parse_text, write_records

__all__ = ["__version__", "parse_paths", "parse_text", "read_records", "write_records", "ParseConfig"]
