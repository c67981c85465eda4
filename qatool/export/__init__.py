"""The export stage: a run folder -> cleaned fine-tuning JSONL.

In: the run's records, findings, clusters and conflicts (`qatool.common.outputs.RunOutputs`) and the
review decisions. Out: `train.jsonl` / `val.jsonl` in the chosen format, `quarantine.jsonl` with a reason
for every record left out (records = exported + quarantined), `dataset_info.json` and `DATASET.md`.

`clean` repairs what lint found, `formats` writes messages/alpaca/sharegpt lines, `split` assigns
train/val, `card` describes the export, `stage` ties them together.
"""
from __future__ import annotations

from qatool.common.outputs import RunOutputs
from qatool.export.clean import Cleaner
from qatool.export.formats import format_line
from qatool.export.model import ANALYSIS_MODES, FORMATS, ExportConfig, ExportResult
from qatool.export.stage import export_records, export_to_dir, load_inputs, write_export

__all__ = ["ANALYSIS_MODES", "FORMATS", "Cleaner", "ExportConfig", "ExportResult", "RunOutputs", "export_records",
           "export_to_dir", "format_line", "load_inputs", "write_export"]
