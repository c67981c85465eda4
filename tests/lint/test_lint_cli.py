"""`qatool lint` as CI sees it: formats, exit codes, configuration, suppressions, baselines, fixes,
user rule files and their errors."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from qatool.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
CACHE = ROOT / ".cache"
SLIP = "### 1. 什么是召回率？\n\n**答案：** 召回率是指预测为正的样本中真正为正样本的比例。\n"
LEAK = "### 1. 什么是微调？\n\n**答案：** 在下游任务上继续训练。<|endoftext|>\n"
CLEAN = "### 1. 什么是召回率？\n\n**答案：** 召回率是指实际为正的样本中被预测为正的比例。\n"


def run(*args: str, cwd: Path | None = None, input: str | bytes | None = None):
    """`qatool ARGS` in `cwd` (default: the repository root, as a user runs it from their project)."""
    old = os.getcwd()
    os.chdir(cwd or ROOT)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False, input=input)
    finally:
        os.chdir(old)


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


# ------------------------------------------------------------------------------------------ formats


def test_text_format_and_exit_code_on_corpus():
    res = run("lint", "corpus/")
    assert res.exit_code == 1
    first = res.stdout.splitlines()[0]
    assert first.startswith("corpus/000_899eff923a9e5d5d.txt:87:5: FC131 [less-data-reduces-overfitting] ")
    assert "findings" in res.stderr


def test_json_format_has_the_documented_fields(tmp_path):
    write(tmp_path, "a.md", SLIP + "\n<|vq_1|>\n")
    res = run("lint", str(tmp_path), "--format", "json")
    data = json.loads(res.stdout)
    assert {d["code"] for d in data} == {"FC101", "FM001"}
    keys = {"code", "name", "severity", "message", "path", "line", "column", "end_line", "end_column", "record_id", "fix"}
    assert all(keys <= set(d) for d in data)
    fc = next(d for d in data if d["code"] == "FC101")
    assert fc["record_id"] and fc["fix"] is None and fc["line"] == 3
    fm = next(d for d in data if d["code"] == "FM001")
    assert fm["record_id"] is not None and fm["fix"] == {"line": 5, "column": 1, "end_column": 9, "replacement": ""}  # end is exclusive


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The official SARIF 2.1.0 JSON schema (rtm.5), from the MIT-licensed npm package
    @microsoft/jest-sarif, fetched once into .cache/ (make test does the same)."""
    path = CACHE / "sarif-2.1.0-rtm.5.json"
    if not path.exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed once to fetch the official SARIF schema into .cache/ (or run `make test`)"
        CACHE.mkdir(exist_ok=True)
        out = subprocess.run([npm, "pack", "@microsoft/jest-sarif@1.0.0-beta.0", "--pack-destination", str(CACHE)],
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        tgz = next(CACHE.glob("microsoft-jest-sarif-*.tgz"))
        with tarfile.open(tgz) as tar:
            member = tar.getmember("package/lib/schemas/sarif-2.1.0-rtm.5.json")
            path.write_bytes(tar.extractfile(member).read())
    return json.loads(path.read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_official_schema(sarif_schema):
    res = run("lint", str(CORPUS), "--format", "sarif")
    log = json.loads(res.stdout)
    jsonschema.Draft4Validator.check_schema(sarif_schema)
    errors = list(jsonschema.Draft4Validator(sarif_schema).iter_errors(log))
    assert errors == []
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    assert len(run_["results"]) == 84
    rules = run_["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run_["results"])
    assert any("fixes" in r for r in run_["results"])


def test_github_annotations(tmp_path):
    write(tmp_path, "d/a,b.md", SLIP)
    res = run("lint", ".", "--format", "github", cwd=tmp_path)
    (line,) = res.stdout.splitlines()
    assert line.startswith("::error file=d/a%2Cb.md,line=3,col=")
    assert "title=FC101 [recall-defined-as-precision]::召回率被赋予了精确率的定义" in line


def test_junit_xml(tmp_path):
    write(tmp_path, "bad.md", SLIP)
    write(tmp_path, "good.md", CLEAN)
    res = run("lint", ".", "--format", "junit", "-o", str(tmp_path / "report.xml"), cwd=tmp_path)
    assert res.exit_code == 1
    root = ET.parse(tmp_path / "report.xml").getroot()
    assert root.tag == "testsuites" and root.get("failures") == "1" and root.get("tests") == "2"
    suites = {s.get("name"): s for s in root}
    assert suites["bad.md"].find("testcase/failure").get("type") == "error"
    assert suites["good.md"].find("testcase/failure") is None


# ---------------------------------------------------------------------------------------- exit codes


def test_exit_codes_and_fail_on(tmp_path):
    clean = write(tmp_path, "clean.md", CLEAN)
    assert run("lint", str(clean)).exit_code == 0
    warn = write(tmp_path, "warn.md", CLEAN + "\n欢迎在评论区留言。\n")
    assert run("lint", str(warn)).exit_code == 0  # a warning is below the default fail-on (error)
    assert run("lint", str(warn), "--fail-on", "warning").exit_code == 1
    assert run("lint", str(tmp_path / "missing.md")).exit_code == 2
    assert run("lint", str(clean), "--select", "XX999").exit_code == 2
    assert run("lint", str(clean), "--diff").exit_code == 2
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\x00\x01\x02")
    res = run("lint", str(clean), str(binary))  # an input that cannot be read fails the check: 1, not a usage error
    assert res.exit_code == 1 and "bin.md: error: file looks binary" in res.stderr and "could not be read" in res.stderr


def test_select_and_ignore(tmp_path):
    f = write(tmp_path, "a.md", SLIP + "\n<|vq_1|>\n\n使用 BERT模型。\n")
    codes = lambda *a: {d["code"] for d in json.loads(run("lint", str(f), "--format", "json", *a).stdout)}  # noqa: E731
    assert codes() == {"FC101", "FM001"}
    assert codes("--select", "FM") == {"FM001"}
    assert codes("--ignore", "FC101") == {"FM001"}
    assert codes("--ignore", "recall-defined-as-precision,FM") == set()
    assert codes("--extend-select", "TY001") == {"FC101", "FM001", "TY001"}


# ------------------------------------------------------------------------------------- configuration


def test_config_from_pyproject_and_qatool_toml(tmp_path):
    write(tmp_path, "docs/a.md", SLIP + "\n欢迎在评论区留言。\n")
    write(tmp_path, "drafts/b.md", SLIP)
    write(tmp_path, "pyproject.toml", '[tool.qatool]\nignore = ["FC101"]\nfail-on = "warning"\n'
                                      '[tool.qatool.per-file-ignores]\n"drafts/*" = ["FM007"]\n')
    res = run("lint", "docs", "drafts", "--format", "json", cwd=tmp_path)
    assert [d["code"] for d in json.loads(res.stdout)] == ["FM007"]
    assert res.exit_code == 1  # fail-on = warning from the config
    write(tmp_path, "qatool.toml", 'select = ["FC"]\n')
    res = run("lint", "docs", "--format", "json", cwd=tmp_path)
    assert [d["code"] for d in json.loads(res.stdout)] == ["FC101"]  # qatool.toml is found first


@pytest.mark.parametrize("text,needle", [
    ("select = [\n", "invalid TOML"),
    ('select = ["FC"]\nfail_on = "x"\n', "qatool.toml:2: unknown setting 'fail_on'"),
    ('fail-on = "fatal"\n', "qatool.toml:1: fail-on: must be one of info, warning, error"),
])
def test_bad_config_is_a_clear_usage_error(tmp_path, text, needle):
    write(tmp_path, "qatool.toml", text)
    write(tmp_path, "a.md", CLEAN)
    res = run("lint", "a.md", cwd=tmp_path)
    assert res.exit_code == 2
    assert needle in res.stderr


# -------------------------------------------------------------------------------------- suppressions


def test_suppression_comments(tmp_path):
    doc = (
        "### 1. 什么是召回率？\n\n"
        "<!-- qatool: disable-next-line=FC101 -->\n"
        "**答案：** 召回率是指预测为正的样本中真正为正样本的比例。<|a|>\n\n"
        "<!-- qatool: disable=FM001 -->\n"
        "**解析：** 泄漏<|b|>，接着又是<|c|>。\n"
        "<!-- qatool: enable=FM001 -->\n\n"
        "### 2. 什么是 AUC？\n\n**答案：** ROC 曲线下的面积。<|d|>\n\n"
        "<!-- qatool: disable-next-line=FC102 -->\n"
        "这一行没有任何问题。\n"
    )
    write(tmp_path, "a.md", doc)
    data = json.loads(run("lint", str(tmp_path / "a.md"), "--format", "json").stdout)
    got = sorted((d["code"], d["line"]) for d in data)
    assert got == [("FM001", 4), ("FM001", 12), ("QA900", 14)]


# ----------------------------------------------------------------------------------------- baseline


def test_baseline_matches_by_content_not_line(tmp_path):
    f = write(tmp_path, "a.md", SLIP + "\n" + LEAK.replace("### 1.", "### 2."))
    base = tmp_path / "baseline.json"
    res = run("lint", str(f), "--write-baseline", str(base))
    assert res.exit_code == 0 and len(json.loads(base.read_text(encoding="utf-8"))["findings"]) == 2
    assert run("lint", str(f), "--baseline", str(base)).exit_code == 0
    # lines inserted above do not reopen the old findings
    f.write_text("# 标题\n\n一段新的前言。\n\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    res = run("lint", str(f), "--baseline", str(base), "--format", "json")
    assert res.exit_code == 0 and json.loads(res.stdout) == []
    # a new slip is reported
    f.write_text(f.read_text(encoding="utf-8") + "\n### 3. 什么是精确率？\n\n**答案：** 精确率是指实际为正的样本中被正确预测的比例。\n", encoding="utf-8")
    res = run("lint", str(f), "--baseline", str(base), "--format", "json")
    assert res.exit_code == 1 and [d["code"] for d in json.loads(res.stdout)] == ["FC102"]
    bad = write(tmp_path, "bad.json", "[]")
    assert run("lint", str(f), "--baseline", str(bad)).exit_code == 2


# -------------------------------------------------------------------------------------------- fixes

BROKEN = (
    "### 1. 什么是梯度裁剪？\r\n\r\n**答案：**\r\n\r\n限制梯度范数,防止梯度爆炸。<|vq_9|>\r\n\r\n"
    "#### 解析：**\r\n\r\n召回率是指预测为正的样本中真正为正样本的比例。感谢阅读！<|vq_1|>### 附录\r\n\r\n资料。\r\n"
)


def test_fix_diff_previews_without_writing(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(BROKEN.encode("utf-8"))
    res = run("lint", str(f), "--fix", "--diff")
    assert res.exit_code == 1  # fixes are pending (ruff's --diff)
    assert f.read_bytes() == BROKEN.encode("utf-8")
    assert "-#### 解析：**" in res.stdout and "+**解析：**" in res.stdout
    assert "+限制梯度范数，防止梯度爆炸。" in res.stdout
    assert res.stdout.startswith(f"--- a/{f.as_posix()}\n")  # outside the working directory: the absolute path
    # after the fixes nothing is pending: exit 0 and no diff
    assert run("lint", "a.md", "--fix", cwd=tmp_path).exit_code == 1  # FC101 remains (facts are not rewritten)
    again = run("lint", "a.md", "--fix", "--diff", cwd=tmp_path)
    assert again.exit_code == 0 and again.stdout == ""


def test_fix_applies_safe_fixes_only_and_keeps_crlf(tmp_path):
    f = tmp_path / "a.md"
    f.write_bytes(BROKEN.encode("utf-8"))
    res = run("lint", str(f), "--fix", "--format", "json")
    after = f.read_bytes().decode("utf-8")
    assert "\r\n" in after and "\n" not in after.replace("\r\n", "")
    assert "<|" not in after
    assert "**解析：**" in after and "#### 解析：**" not in after
    assert "感谢阅读！\r\n\r\n### 附录" in after
    assert "限制梯度范数，防止梯度爆炸。" in after
    assert "召回率是指预测为正的样本中真正为正样本的比例" in after  # facts are never rewritten
    remaining = {d["code"] for d in json.loads(res.stdout)}
    assert "FC101" in remaining and not remaining & {"FM001", "FM002", "FM004", "TY002"}
    assert res.exit_code == 1


# --------------------------------------------------------------------------------- user rule files

GOOD_RULE = """
rules:
  - code: XY001
    name: no-foo
    kind: pattern
    severity: error
    pattern: 'foo(?:bar)?'
    message: '不要写 {match}'
    docs: {what: 禁止 foo, why: 测试, fail: 'foo', pass: 'bar'}
"""


def test_user_rules_are_loaded_and_listed(tmp_path):
    write(tmp_path, "rules/mine.yaml", GOOD_RULE)
    f = write(tmp_path, "a.md", "### 1. 问题？\n\n**答案：** 这里有 foobar。\n")
    res = run("lint", str(f), "--rules", str(tmp_path / "rules"), "--format", "json")
    assert [(d["code"], d["message"]) for d in json.loads(res.stdout)] == [("XY001", "不要写 foobar")]
    listed = run("rules", "list", "--rules", str(tmp_path / "rules")).stdout
    assert "XY001  no-foo" in listed
    explained = run("rules", "explain", "no-foo", "--rules", str(tmp_path / "rules")).stdout
    assert "禁止 foo" in explained and "mine.yaml:3" in explained


@pytest.mark.parametrize("text,needle", [
    ("rules:\n  - code: XY001\n    name: [oops\n", "mine.yaml:4: invalid YAML"),
    (GOOD_RULE.replace("kind: pattern", "kind: magic"), "mine.yaml:5: rule XY001: rules/0/kind"),
    (GOOD_RULE.replace("code: XY001", "code: xy1"), "mine.yaml:3: rule xy1: rules/0/code"),
    (GOOD_RULE.replace("'foo(?:bar)?'", "'foo(?:bar'"), "does not compile"),
    (GOOD_RULE.replace("'foo(?:bar)?'", "'(a|aa)+$'"), "backtracks catastrophically"),
    (GOOD_RULE.replace("code: XY001", "code: FC101"), "is already defined at qatool/rules/metrics.yaml"),
    ("", "rule file is empty"),
])
def test_bad_rule_files_are_rejected_with_file_and_line(tmp_path, text, needle):
    write(tmp_path, "rules/mine.yaml", text)
    write(tmp_path, "a.md", CLEAN)
    res = run("lint", str(tmp_path / "a.md"), "--rules", str(tmp_path / "rules"))
    assert res.exit_code == 2
    assert needle in res.stderr, res.stderr


def test_a_slow_pattern_is_bounded_at_lint_time(tmp_path, monkeypatch):
    """A pattern that passes the load-time probes but backtracks on real text is stopped by the
    per-search timeout: the rule is reported and dropped, the run ends."""
    import qatool.lint.kinds as kinds
    import qatool.lint.loader as loader

    monkeypatch.setattr(loader, "PROBES", ("x",))
    monkeypatch.setattr(kinds, "REGEX_TIMEOUT", 0.05)
    loader._load_cached.cache_clear()
    write(tmp_path, "rules/slow.yaml", GOOD_RULE.replace("'foo(?:bar)?'", "'(?:a|aa)+b'"))
    write(tmp_path, "a.md", "### 1. 问题？\n\n**答案：** " + "a" * 60 + "\n")
    res = run("lint", str(tmp_path / "a.md"), "--rules", str(tmp_path / "rules"))
    loader._load_cached.cache_clear()
    assert res.exit_code == 1  # the file's check is incomplete: it fails, as an unreadable input does
    assert "rule XY001" in res.stderr and "backtracks catastrophically" in res.stderr


def test_rules_explain_unknown_code():
    assert run("rules", "explain", "ZZ999").exit_code == 2


def test_report_into_a_folder_that_does_not_exist_yet(tmp_path):
    # a CI step's `-o reports/q.sarif`: the folder is made, the report written whole
    f = write(tmp_path, "a.md", SLIP)
    res = run("lint", str(f), "--format", "sarif", "-o", str(tmp_path / "reports" / "q.sarif"))
    assert res.exit_code == 1 and json.loads((tmp_path / "reports" / "q.sarif").read_text(encoding="utf-8"))["runs"]
    assert not [p for p in (tmp_path / "reports").iterdir() if p.name != "q.sarif"]  # no temporary file left
