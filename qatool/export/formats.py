"""Training-line formats: chat `messages`, alpaca and sharegpt, with the analysis merged, dropped or kept
as a field.
"""
from __future__ import annotations

import json
from typing import Any

from qatool.export.model import ExportConfig


def _user_assistant(rec: dict[str, Any], cfg: ExportConfig) -> tuple[str, str, str | None]:
    question, answer, analysis = rec["question"], rec["answer"], rec.get("analysis")
    if cfg.with_analysis == "merge" and analysis:
        answer = f"{answer}\n\n**解析：** {analysis}" if answer else analysis
    return question, answer, analysis if cfg.with_analysis == "field" else None


def format_line(rec: dict[str, Any], cfg: ExportConfig) -> dict[str, Any]:
    """One exported JSONL object for a cleaned record, in the configured format."""
    user, assistant, analysis = _user_assistant(rec, cfg)
    line: dict[str, Any] = {}
    if cfg.meta:
        line["id"] = rec["id"]
        line["source"] = rec["source"]
    if cfg.format == "messages":
        msgs = ([{"role": "system", "content": cfg.system}] if cfg.system else []) + [
            {"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
        line["messages"] = msgs
    elif cfg.format == "alpaca":
        line.update({"instruction": user, "input": "", "output": assistant})
        if cfg.system:
            line["system"] = cfg.system
    else:
        line["conversations"] = [{"from": "human", "value": user}, {"from": "gpt", "value": assistant}]
        if cfg.system:
            line["system"] = cfg.system
    if cfg.with_analysis == "field":
        line["analysis"] = analysis
    return line


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n"
