"""Compiled patterns kept between runs (qatool.lint.compiled) and the validated-rule-file digests
(qatool.lint.loader): a pattern rebuilt from the store is the pattern compiled, a bad or unwritable
store costs only time, and a rule file is validated again whenever its bytes change."""
from __future__ import annotations

import marshal

import pytest
import regex

from qatool.lint import compiled, loader
from qatool.lint.loader import RuleFileError, load_rules, read_rule_file

PROBES = ["梯度裁剪可以避免梯度爆炸", "Gradient Clipping avoids exploding gradients", "召回率是指 TP/(TP+FP)",
          "L1 正则让权重稀疏，L2 让权重变小。", "", "x" * 200, "BERT-base 有 110M 参数，GPT-3 有 175B。"]


@pytest.fixture
def store(own_cache, monkeypatch):
    """A fresh store reading and writing the test's own cache folder."""
    fresh = compiled.CompiledStore()
    monkeypatch.setattr(compiled, "STORE", fresh)
    return fresh


def _pack_patterns() -> list[tuple[str, int]]:
    rules, kb = load_rules(None)
    out = set()
    for r in rules:
        for name in ("patterns", "unless", "context"):
            out.update((rx.pattern, rx.flags) for rx in getattr(r.spec, name, ()) or ())
        if r.kind == "claim":
            out.update((rx.pattern, rx.flags) for rx in r.spec["claim"].predicates)
    return sorted(out)


def test_a_pattern_rebuilt_from_the_store_is_the_pattern_compiled(store, monkeypatch):
    pats = _pack_patterns()[:400]
    assert len(pats) > 100
    for p, f in pats:
        store.compile(p, f)
    store.save()
    later = compiled.CompiledStore()  # a later process: everything from the file

    def no_parse(*a, **k):
        raise AssertionError("parsed the pattern instead of rebuilding it")

    monkeypatch.setattr(compiled.regex, "compile", no_parse)
    rebuilt = [later.compile(p, f) for p, f in pats]
    monkeypatch.undo()
    for (p, f), rx in zip(pats, rebuilt):
        fresh = regex.compile(p, f)
        assert (rx.pattern, rx.flags, rx.groups, dict(rx.groupindex)) == (fresh.pattern, fresh.flags, fresh.groups, dict(fresh.groupindex))
        for text in PROBES:
            a, b = rx.search(text), fresh.search(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (p, text)


DAMAGED = {("a+", 0): ("a+", 0, b"\x00\x01", {}, {}, {}, [], 0, (), 0, 0)}  # instruction codes no compiler made


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps([1, 2]), marshal.dumps({("x", 0): "nope"}),
                                     marshal.dumps(DAMAGED), marshal.dumps((compiled.VERSION, "0" * 64, marshal.dumps(DAMAGED))),
                                     compiled.CompiledStore._encode(DAMAGED)[:-5]])
def test_a_broken_store_is_compiled_again(store, content):
    path = store.path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    rx = store.compile("a+", 0)
    assert rx.pattern == "a+" and rx.search("baa").span() == (1, 3)
    store.save()
    assert compiled.CompiledStore._read(path)[("a+", 0)]


def test_a_folder_that_cannot_be_written_costs_only_the_store(store, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("QATOOL_CACHE_DIR", str(blocker / "sub"))
    assert store.compile("稀疏|sparse").search("权重稀疏")
    store.save()
    assert store.dirty


def test_no_cache_keeps_nothing(store, tmp_path, monkeypatch):
    monkeypatch.setenv("QATOOL_NO_CACHE", "1")
    store.compile("稀疏|sparse")
    store.save()
    assert not (tmp_path / "cache").exists()


def test_two_processes_saving_keep_both_patterns(store, tmp_path):
    other = compiled.CompiledStore()
    store.compile("甲+")
    other.compile("乙+")
    store.save()
    other.save()
    assert {("甲+", 0), ("乙+", 0)} <= set(compiled.CompiledStore._read(store.path()))


RULE_FILE = """rules:
  - code: XX001
    name: demo-rule
    kind: pattern
    severity: warning
    message: 示例（demo-rule）
    pattern: ['示例错误']
    docs:
      what: 示例。
      why: 示例。
      fail: '示例错误'
      pass: '示例正确'
"""


def test_a_rule_file_is_validated_again_when_its_bytes_change(tmp_path, own_cache, monkeypatch):
    loader._validated.cache_clear()
    good = tmp_path / "r.yaml"
    good.write_text(RULE_FILE, encoding="utf-8")
    read_rule_file(good)
    assert (tmp_path / "cache" / loader.VALIDATED_NAME).exists()
    loader._validated.cache_clear()
    real = loader._file_schema_validator

    def no_validation(kinds):
        raise AssertionError("validated the same bytes again")

    monkeypatch.setattr(loader, "_file_schema_validator", no_validation)
    read_rule_file(good)  # the same bytes (a later process): from the digest
    monkeypatch.setattr(loader, "_file_schema_validator", real)
    good.write_text(RULE_FILE.replace("severity: warning", "severity: loud"), encoding="utf-8")
    with pytest.raises(RuleFileError, match="severity"):
        read_rule_file(good)
    loader._validated.cache_clear()
