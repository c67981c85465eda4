"""The fast record validator (fastjsonschema) and the reference one (jsonschema) agree on what is
valid, for the corpus records and for mutations of them at every depth."""
from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qatool.common.schema import is_valid, record_schema, validation_errors, validator
from qatool.parse import parse_paths

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
RECORDS = parse_paths([CORPUS]).table.to_pylist()

values = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False), st.text(max_size=5),
                   st.sampled_from(["qa", "coding", "exercise", "zz", "", "000_x.txt#1"]),
                   st.lists(st.integers(-1, 2), max_size=2), st.dictionaries(st.sampled_from(["start", "end", "x"]), st.integers(-2, 5), max_size=3))


def _paths(node, prefix=()):
    """Every key path in a record (dicts and lists)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        yield prefix + (k,)
        yield from _paths(v, prefix + (k,))


def _reference_valid(rec) -> bool:
    return not any(True for _ in validator().iter_errors(rec))


@settings(max_examples=400, deadline=None)
@given(st.integers(0, len(RECORDS) - 1), st.data(), st.sampled_from(["set", "delete", "extra"]), values)
def test_fast_and_reference_validators_agree(k, data, how, value):
    rec = copy.deepcopy(RECORDS[k])
    path = data.draw(st.sampled_from(sorted(_paths(rec), key=str)))
    parent = rec
    for key in path[:-1]:
        parent = parent[key]
    if how == "set":
        parent[path[-1]] = value
    elif how == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif how == "extra" and isinstance(parent, dict):
        parent["unexpected_field"] = value
    assert is_valid(rec) == _reference_valid(rec), (path, how, value)
    assert (validation_errors(rec) == []) == _reference_valid(rec)


def test_corpus_records_are_valid_and_an_invalid_one_is_explained():
    assert all(is_valid(r) and _reference_valid(r) for r in RECORDS)
    bad = copy.deepcopy(RECORDS[0])
    bad["line_start"] = -1
    assert not is_valid(bad) and validation_errors(bad) and "line_start" in validation_errors(bad)[0]
    assert record_schema()["$defs"]["span"] and "$ref" in str(record_schema())  # compiling left the shared schema alone
    assert "https://" not in str(record_schema()["properties"])
