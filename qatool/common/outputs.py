"""A run's output folder as the later stages read it: records (streamed), findings, clusters,
same-question conflicts, invalid records and verified pairs, with the review decisions to apply.
The export and the review page both read it.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.compute as pc

from qatool.common.manifest import FolderError, verify_folder
from qatool.common.records import Records, as_records
from qatool.common.schema import SEVERITIES


class OutputsError(ValueError):
    """A missing or unreadable input of the export; the message says what to run first."""


FINDING_COLUMNS = ["code", "severity", "record_id", "message", "line"]


@dataclass
class RunOutputs:
    """What the export reads: the outputs of parse, lint and dedup (see `load_inputs`). `records`: a
    record store (`Records`; a list of dicts or an Arrow table given here becomes one); `findings` a
    list of dicts or an Arrow table."""

    records: Records
    findings: list[dict[str, Any]] | pa.Table = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[tuple[str, ...]] = field(default_factory=list)  # same-question groups: member ids
    invalid: list[dict[str, Any]] = field(default_factory=list)
    decisions: Any = None  # qatool.review.decisions.Decisions
    pairs: list[dict[str, Any]] = field(default_factory=list)  # dups.parquet rows (evidence for review)
    conflict_rows: list[dict[str, Any]] = field(default_factory=list)  # conflicts.parquet rows (the review page's)

    def __post_init__(self) -> None:
        self.records = as_records(self.records)

    def findings_where(self, ids: Iterable[str] | None = None, min_level: int = 0) -> list[dict[str, Any]]:
        """Findings of records with these ids (default: any record), at or above a severity index."""
        wanted = None if ids is None else set(ids)
        if isinstance(self.findings, pa.Table):
            t = self.findings
            mask = pc.is_in(t.column("severity"), value_set=pa.array(SEVERITIES[min_level:]))
            if wanted is not None:
                mask = pc.and_(mask, pc.is_in(t.column("record_id"), value_set=pa.array(sorted(wanted), pa.string())))
            return t.filter(mask).select(FINDING_COLUMNS).to_pylist()
        return [f for f in self.findings if SEVERITIES.index(f["severity"]) >= min_level
                and (wanted is None or f.get("record_id") in wanted)]

    def code_counts(self, ids: set[str]) -> dict[str, int]:
        """Findings per code, over the records with these ids."""
        if isinstance(self.findings, pa.Table):
            t = self.findings.filter(pc.is_in(self.findings.column("record_id"), value_set=pa.array(sorted(ids), pa.string())))
            return {d["values"]: d["counts"] for d in pc.value_counts(t.column("code")).to_pylist()}
        return dict(Counter(f["code"] for f in self.findings if f.get("record_id") in ids))

    def member_ids(self) -> set[str]:
        return {m for c in self.clusters for m in c["members"]} | {x for group in self.conflicts for x in group}


# ------------------------------------------------------------------------------------------ reading

INPUT_FILES = ("records.parquet", "findings.parquet", "clusters.parquet", "dups.parquet")
OPTIONAL_INPUT_FILES = ("conflicts.parquet", "invalid_records.jsonl")


def trusted_folder(in_dir: Path) -> None:
    """The run folder's tables are the ones its manifest.json lists, made together (see
    `qatool.common.manifest`); OutputsError otherwise."""
    names = list(INPUT_FILES) + [n for n in OPTIONAL_INPUT_FILES if (in_dir / n).exists()]
    try:
        verify_folder(in_dir, names)
    except FolderError as err:
        raise OutputsError(str(err)) from None


def load_outputs(in_dir: Path, decisions: Any = None) -> RunOutputs:
    """Read records.parquet (streamed, not loaded), findings.parquet, clusters.parquet, dups.parquet
    and invalid_records.jsonl from `in_dir` (what `qatool run` writes); `decisions`: the review
    decisions to apply (`qatool.review.Decisions`), if any."""
    import pyarrow.parquet as pq

    def need(name: str, made_by: str) -> Path:
        p = in_dir / name
        if not p.exists():
            raise OutputsError(f"{p}: not found; {made_by}")
        return p

    rec_path = need("records.parquet", "run `qatool run` (or `qatool parse`) with this output folder first")
    find_path = need("findings.parquet", "run `qatool run` with this output folder first: it lints and writes the findings the export honours")
    clus_path = need("clusters.parquet", "run `qatool run` (or `qatool dedup --records records.parquet`) with this output folder first")
    dups_path = need("dups.parquet", "run `qatool run` (or `qatool dedup --records records.parquet`) with this output folder first")
    trusted_folder(in_dir)
    try:
        records = Records(rec_path)  # streamed: whole rows are read batch by batch, or for the few records shown
        ids = set(records.column("id"))
        findings = pq.read_table(find_path, columns=FINDING_COLUMNS)
        clusters = pq.read_table(clus_path).to_pylist()
        dups = pq.read_table(dups_path).to_pylist()
    except Exception as err:  # pyarrow raises several types for damaged files
        raise OutputsError(f"{in_dir}: cannot read the Parquet inputs ({err}); re-run `qatool run`") from None
    invalid: list[dict[str, Any]] = []
    inv_path = in_dir / "invalid_records.jsonl"
    if inv_path.exists():
        for no, line in enumerate(inv_path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    invalid.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise OutputsError(f"{inv_path}:{no}: not JSON ({err.msg}); re-run `qatool run`") from None
    conflict_rows = read_conflicts(in_dir, dups)
    conflicts = [g for g in (tuple(m for m in c["members"] if m in ids) for c in conflict_rows) if len(g) > 1]
    return RunOutputs(records, findings, clusters, conflicts, invalid,
                        decisions, [d for d in dups if d["kind"] != "same-question"], conflict_rows)


def read_conflicts(in_dir: Path, dups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """conflicts.parquet rows; a run folder made before it existed has same-question pairs in
    dups.parquet instead, read as groups of two."""
    import pyarrow.parquet as pq

    path = in_dir / "conflicts.parquet"
    if path.exists():
        try:
            return pq.read_table(path).to_pylist()
        except Exception as err:  # pyarrow raises several types for damaged files
            raise OutputsError(f"{path}: cannot read it ({err}); re-run `qatool run`") from None
    return [{"conflict_id": f"{d['id_a']}|{d['id_b']}", "members": [d["id_a"], d["id_b"]], "answers": [d["id_a"], d["id_b"]],
             "answer_counts": [1, 1], "size": 2, "distinct_answers": 2, "question": "", "linked_by": []}
            for d in dups if d["kind"] == "same-question"]
