"""The parse stage: Markdown files -> one record per Q&A item.

In: paths (files, or folders walked for `*.md`, `*.markdown`, `*.txt`). Out: records validated against
`schemas/qa_record.schema.json` in `records.parquet` (invalid ones in `invalid_records.jsonl`), and,
given a linter, the findings of the same parse in `findings.parquet`.

`markdown` reads the CommonMark block tree (markdown-it-py) with its line ranges, `labels` reads field
labels and numbering, `evidence` says what a piece of text is (a question, links, a placeholder, a
sign-off), `sections` decides what each heading is (item, chapter, part of an answer, non-item),
`extract` turns one document into records (and lists what it skipped), `stage` drives files through
them (on a process pool) into Parquet.
"""
from __future__ import annotations

from qatool.parse.extract import NonItem, ParsedDoc, parse_text
from qatool.parse.stage import ParseConfig, ParseResult, parse_inputs, parse_paths, parse_to_parquet, write_records

__all__ = ["NonItem", "ParseConfig", "ParseResult", "ParsedDoc", "parse_inputs", "parse_paths", "parse_text", "parse_to_parquet",
           "write_records"]
