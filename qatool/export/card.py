"""What describes an export: the LLaMA-Factory `dataset_info.json` registration and the `DATASET.md`
data card.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from qatool.common.io import atomic_writer
from qatool.common.version import __version__
from qatool.export.clean import REPAIRED
from qatool.export.model import ExportConfig, ExportResult

DATASET_NAME = "qatool"


# ------------------------------------------------------------------------------------------ writing

def dataset_info(cfg: ExportConfig, has_val: bool) -> dict[str, Any]:
    """LLaMA-Factory's dataset_info.json entries for train (and val)."""
    if cfg.format == "alpaca":
        entry: dict[str, Any] = {"columns": {"prompt": "instruction", "query": "input", "response": "output"}}
        if cfg.system:
            entry["columns"]["system"] = "system"
    elif cfg.format == "sharegpt":
        entry = {"formatting": "sharegpt", "columns": {"messages": "conversations"},
                 "tags": {"role_tag": "from", "content_tag": "value", "user_tag": "human", "assistant_tag": "gpt"}}
        if cfg.system:
            entry["columns"]["system"] = "system"
    else:
        entry = {"formatting": "sharegpt", "columns": {"messages": "messages"},
                 "tags": {"role_tag": "role", "content_tag": "content", "user_tag": "user",
                          "assistant_tag": "assistant", "system_tag": "system"}}
    info = {f"{DATASET_NAME}_train": {"file_name": "train.jsonl", **entry}}
    if has_val:
        info[f"{DATASET_NAME}_val"] = {"file_name": "val.jsonl", **entry}
    return info


def data_card(res: ExportResult) -> str:
    s, cfg = res.stats, res.config
    out = ["# Dataset card", "",
           f"Made by qatool {__version__} (`qatool export`). {s['records']} records = {s['exported']} exported "
           f"({s['train']} train, {s['val']} val) + {s['quarantined']} quarantined.", "",
           "## Settings", "", "| setting | value |", "| --- | --- |"]
    for k, v in asdict(cfg).items():
        out.append(f"| {k} | {'' if v is None else str(v).replace('|', '/')} |")
    out += ["", "## Per source", "", "| source | records | exported | quarantined |", "| --- | ---: | ---: | ---: |"]
    out += [f"| {src} | {c['records']} | {c['exported']} | {c['quarantined']} |" for src, c in s["per_source"].items()]
    out += ["", "## Why records were left out", "", "| reason | records |", "| --- | ---: |"]
    out += [f"| `{r}` | {n} |" for r, n in s["reasons"].items()] or ["| (none) | 0 |"]
    out += ["", "## Lint findings in the input, by code", "", "| code | findings |", "| --- | ---: |"]
    out += [f"| {c} | {n} |" for c, n in s["findings"].items()] or ["| (none) | 0 |"]
    out += ["", "## Repaired during export", "",
            "Rules whose damage the export repairs instead of dropping the record "
            f"({', '.join(REPAIRED)}); records repaired per rule:", "", "| code | records |", "| --- | ---: |"]
    out += [f"| {c} | {n} |" for c, n in s["repaired"].items()] or ["| (none) | 0 |"]
    out += ["", "## Review decisions", "", f"{s['decisions_applied']} applied, {s['decisions_stale']} stale (not applied)."]
    for st in res.stale:
        out.append(f"- stale: {st['group']} {', '.join(st['members'][:4])}: {st['why']}")
    out += ["", "Files: `train.jsonl`, `val.jsonl`, `quarantine.jsonl` (one line per left-out record with its reasons), "
            "`dataset_info.json` (LLaMA-Factory).", ""]
    return "\n".join(out)


def _write_meta(res: ExportResult, out_dir: Path) -> list[Path]:
    paths = [out_dir / "dataset_info.json", out_dir / "DATASET.md"]
    with atomic_writer(paths[0]) as fh:
        json.dump(dataset_info(res.config, res.stats["val"] > 0), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    with atomic_writer(paths[1]) as fh:
        fh.write(data_card(res))
    return paths
