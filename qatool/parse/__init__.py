"""The parse stage: Markdown files -> one record per Q&A item.

In: paths (files, or folders walked for `*.md`, `*.markdown`, `*.txt`). Out: records validated against
`schemas/qa_record.schema.json` in `records.parquet` (invalid ones in `invalid_records.jsonl`), and,
given a linter, the findings of the same parse in `findings.parquet`.

`markdown` scans lines and fences, `labels` reads field labels and numbering, `extract` turns one
document into records, `stage` drives files through them (on a process pool) into Parquet.
"""
from __future__ import annotations

from qatool.parse.extract import ParsedDoc, parse_text
from qatool.parse.stage import ParseConfig, ParseResult, parse_inputs, parse_paths, parse_to_parquet, write_records

__all__ = ["ParseConfig", "ParseResult", "ParsedDoc", "parse_inputs", "parse_paths", "parse_text", "parse_to_parquet",
           "write_records"]
