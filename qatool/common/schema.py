"""The output contracts: the record schema (`schemas/qa_record.schema.json`) with the Arrow schema
derived from it, and the schema of `findings.parquet` with the severities of a finding.

>>> arrow_schema().field("id").type
DataType(string)
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import jsonschema
import pyarrow as pa

SCHEMA_NAME = "qa_record.schema.json"
SEVERITIES = ("info", "warning", "error")  # of a lint finding, lowest first
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@lru_cache(maxsize=None)
def record_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of one record."""
    text = resources.files("qatool").joinpath("schemas", SCHEMA_NAME).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def validator() -> jsonschema.Draft202012Validator:
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@lru_cache(maxsize=None)
def fast_check() -> Any:
    """The record schema compiled to Python by fastjsonschema (about 20x jsonschema's speed), which
    decides validity; jsonschema explains the failures. The schema uses only keywords both read the
    same way (a test checks that they agree)."""
    import fastjsonschema

    return fastjsonschema.compile(copy.deepcopy(record_schema()))  # compile rewrites $refs in place


def is_valid(record: dict[str, Any]) -> bool:
    import fastjsonschema

    try:
        fast_check()(record)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Human-readable validation errors of one record, `[]` when it is valid."""
    if is_valid(record):
        return []
    errors = []
    for err in sorted(validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(str(p) for p in err.absolute_path) or "(record)"
        errors.append(f"field '{where}': {err.message}")
    return errors


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported in the record schema, got {ref!r}")
    target: Any = root
    for part in ref[2:].split("/"):
        target = target[part]
    return _resolve(target, root)


def _types(node: dict[str, Any]) -> tuple[str, bool]:
    """(the non-null JSON type, whether null is allowed)."""
    t = node.get("type")
    if isinstance(t, str):
        return t, False
    if isinstance(t, list):
        non_null = [x for x in t if x != "null"]
        if len(non_null) != 1:
            raise ValueError(f"cannot map union type {t} to Arrow")
        return non_null[0], "null" in t
    if "enum" in node:
        return "string", False
    raise ValueError(f"schema node without a type: {node}")


def _arrow_type(node: dict[str, Any], root: dict[str, Any]) -> tuple[pa.DataType, bool]:
    node = _resolve(node, root)
    jtype, nullable = _types(node)
    if jtype == "string":
        return pa.string(), nullable
    if jtype == "integer":
        return pa.int64(), nullable
    if jtype == "number":
        return pa.float64(), nullable
    if jtype == "boolean":
        return pa.bool_(), nullable
    if jtype == "array":
        item_type, item_nullable = _arrow_type(node["items"], root)
        return pa.list_(pa.field("item", item_type, nullable=item_nullable)), nullable
    if jtype == "object":
        return pa.struct(list(_fields(node, root))), nullable
    raise ValueError(f"cannot map JSON type {jtype!r} to Arrow")


def _fields(node: dict[str, Any], root: dict[str, Any]) -> Iterator[pa.Field]:
    required = set(node.get("required", []))
    for name, child in node["properties"].items():
        typ, nullable = _arrow_type(child, root)
        yield pa.field(name, typ, nullable=nullable or name not in required)


@lru_cache(maxsize=None)
def arrow_schema() -> pa.Schema:
    """The Parquet/Arrow schema of `records.parquet`, derived from the JSON Schema (same fields, same order)."""
    root = record_schema()
    return pa.schema(list(_fields(root, root)))


def column_names() -> list[str]:
    return list(record_schema()["properties"])


def findings_arrow_schema():
    """Schema of findings.parquet: one row per finding, joined to records by `record_id`."""
    fix = pa.struct([pa.field("line", pa.int64(), False), pa.field("column", pa.int64(), False),
                     pa.field("end_column", pa.int64(), False), pa.field("replacement", pa.string(), False)])
    return pa.schema([
        pa.field("code", pa.string(), False), pa.field("name", pa.string(), False),
        pa.field("severity", pa.string(), False), pa.field("message", pa.string(), False),
        pa.field("path", pa.string(), False), pa.field("line", pa.int64(), False),
        pa.field("column", pa.int64(), False), pa.field("end_line", pa.int64(), False),
        pa.field("end_column", pa.int64(), False), pa.field("record_id", pa.string(), True),
        pa.field("fix", fix, True), pa.field("fingerprint", pa.string(), False),
    ])
