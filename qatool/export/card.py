"""What describes an export: the LLaMA-Factory `dataset_info.json` registration and the `DATASET.md`
data card, a Hugging Face dataset card (YAML front matter: licence, languages, tasks, size, the split
files) with the sources, provenance and licence, settings, what was left out and why, the cleaning and
the export audit.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

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


SIZE_CATEGORIES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
                   (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B"))
AUDIT_NOTES = {"image": "images (expected with `--images keep`)"}


def size_category(n: int) -> str:
    """Hugging Face's size bucket for n examples."""
    return next((name for limit, name in SIZE_CATEGORIES if n < limit), "n>1B")


def front_matter(res: ExportResult) -> dict[str, Any]:
    """The Hugging Face dataset card metadata: licence, languages, tasks, size, and the files of each split."""
    s, cfg = res.stats, res.config
    files = [{"split": "train", "path": "train.jsonl"}]
    if s["val"]:
        files.append({"split": "validation", "path": "val.jsonl"})
    return {"license": cfg.license, "language": ["zh", "en"],
            "task_categories": ["question-answering", "text-generation"],
            "size_categories": [size_category(s["exported"])],
            "tags": ["qatool", "sft", f"format:{cfg.format}"],
            "configs": [{"config_name": "default", "data_files": files}]}


def source_groups(per_source: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Files grouped by their first folder (a repository or collection under the input root)."""
    out: dict[str, dict[str, int]] = {}
    for src, c in per_source.items():
        g = out.setdefault(src.split("/", 1)[0], {"files": 0, "records": 0, "exported": 0, "quarantined": 0})
        g["files"] += 1
        for k in ("records", "exported", "quarantined"):
            g[k] += c[k]
    return dict(sorted(out.items()))


def _cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def data_card(res: ExportResult) -> str:
    s, cfg = res.stats, res.config
    meta = yaml.safe_dump(front_matter(res), sort_keys=False, allow_unicode=True, default_flow_style=False)
    groups = source_groups(s["per_source"])
    out = ["---", meta.rstrip("\n"), "---", "", "# Dataset card", "",
           f"Made by qatool {__version__} (`qatool export`). {s['records']} records = {s['exported']} exported "
           f"({s['train']} train, {s['val']} val) + {s['quarantined']} quarantined.", "",
           "## Dataset structure", "",
           f"JSON Lines, one example per line, in the `{cfg.format}` format"
           + {"messages": " (`messages`: user and assistant turns, OpenAI / TRL chat)",
              "alpaca": " (`instruction`, `input`, `output`)",
              "sharegpt": " (`conversations` with `from` human/gpt and `value`)"}[cfg.format]
           + ("; each line carries its record's `id` and `source` file" if cfg.meta else "")
           + f". Splits: `train.jsonl` ({s['train']}), `val.jsonl` ({s['val']}), chosen by a hash of each record's"
           " duplicate group, so related records stay on one side.", "",
           "## Sources", "",
           f"{len(s['per_source'])} files in {len(groups)} sources (first folder under the input root).", "",
           "| source | files | records | exported | quarantined |", "| --- | ---: | ---: | ---: | ---: |"]
    out += [f"| {_cell(g)} | {c['files']} | {c['records']} | {c['exported']} | {c['quarantined']} |" for g, c in groups.items()]
    out += ["", "## Provenance and licence", "",
            "The records were extracted by qatool from the Markdown files of the sources above; nothing was "
            "added but the cleaning listed below. "
            + (f"This dataset is published under `{cfg.license}` (`--license`)."
               if cfg.license not in ("unknown", "other") else
               f"Its licence is `{cfg.license}`: no licence was given with `--license`." if cfg.license == "unknown" else
               "Its licence is `other`: state it in this section.")
            + " Each source keeps its own licence and copyright, and text scraped from web pages or repositories "
            "may not be redistributable: check every source's licence before you publish this dataset or train on "
            "it, and give the licence that covers all of them with `--license`.", ""]
    out += ["## Settings", "", "| setting | value |", "| --- | --- |"]
    for k, v in asdict(cfg).items():
        out.append(f"| {k} | {'' if v is None else _cell(v)} |")
    out += ["", "## Why records were left out", "",
            "Records per reason (a record can have several); every one is in `quarantine.jsonl` with its reasons "
            "and details.", "", "| reason | records | examples |", "| --- | ---: | --- |"]
    for r, n in s["reasons"].items():
        ex = "; ".join(f"{_cell(e['source'])}:{e['line']} “{_cell(e['question'])}”" + (f" {_cell(e['detail'])}" if e.get("detail") else "")
                       for e in s.get("examples", {}).get(r, []))
        out.append(f"| `{r}` | {n} | {ex} |")
    if not s["reasons"]:
        out.append("| (none) | 0 | |")
    out += ["", "## Cleaning", "",
            "Markup cleaning steps (`qatool.export.markup`), records per step:", "", "| step | records |", "| --- | ---: |"]
    out += [f"| {c} | {n} |" for c, n in s.get("cleaned", {}).items()] or ["| (none) | 0 |"]
    out += ["", "Rules whose damage the export repairs instead of dropping the record "
            f"({', '.join(REPAIRED)}); records repaired per rule:", "", "| code | records |", "| --- | ---: |"]
    out += [f"| {c} | {n} |" for c, n in s["repaired"].items()] or ["| (none) | 0 |"]
    out += _audit_section(res)
    out += ["", "## Lint findings in the input, by code", "", "| code | findings |", "| --- | ---: |"]
    out += [f"| {c} | {n} |" for c, n in s["findings"].items()] or ["| (none) | 0 |"]
    out += ["", "## Review decisions", "", f"{s['decisions_applied']} applied, {s['decisions_stale']} stale (not applied)."]
    for st in res.stale:
        out.append(f"- stale: {st['group']} {', '.join(st['members'][:4])}: {st['why']}")
    out += ["", "## Per file", "", "| source | records | exported | quarantined |", "| --- | ---: | ---: | ---: |"]
    out += [f"| {_cell(src)} | {c['records']} | {c['exported']} | {c['quarantined']} |" for src, c in s["per_source"].items()]
    out += ["", "Files: `train.jsonl`, `val.jsonl`, `quarantine.jsonl` (one line per left-out record with its reasons), "
            "`export_audit.json` (the audit with examples), `dataset_info.json` (LLaMA-Factory).", ""]
    return "\n".join(out)


def _audit_section(res: ExportResult) -> list[str]:
    from qatool.export.audit import ARTIFACT_KINDS

    audit, cfg = res.audit, res.config
    if audit is None:
        return []
    failing = audit.failing(cfg.allowed_artifacts)
    out = ["", "## Export audit", "",
           f"Every exported line ({audit.scanned}) was scanned for what a training line must not carry, outside code and "
           f"LaTeX: {sum(failing.values())} residual artifacts"
           + (f" ({', '.join(f'{k} {n}' for k, n in failing.items())})" if failing else "")
           + (f"; allowed by the policy: {', '.join(cfg.allowed_artifacts)}" if cfg.allowed_artifacts else "")
           + ". Examples in `export_audit.json`.", "", "| kind | count | lines |", "| --- | ---: | ---: |"]
    out += [f"| {AUDIT_NOTES.get(k, k) if k in cfg.allowed_artifacts else k} | {audit.counts[k]} | {audit.lines[k]} |" for k in ARTIFACT_KINDS]
    return out


def _write_meta(res: ExportResult, out_dir: Path) -> list[Path]:
    paths = [out_dir / "dataset_info.json", out_dir / "DATASET.md"]
    with atomic_writer(paths[0]) as fh:
        json.dump(dataset_info(res.config, res.stats["val"] > 0), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    with atomic_writer(paths[1]) as fh:
        fh.write(data_card(res))
    return paths
