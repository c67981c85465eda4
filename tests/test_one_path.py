"""One way through the code: `qatool lint` and `qatool run` take every file by the same per-file path
(`qatool.parse.stage.process_file`), so they give the same findings, and a rule that fails on a file
(times out, raises) is the same clean error in both, never the loss of the file's other findings."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from qatool.cli import main
from qatool.lint import pyrules
from qatool.lint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent

# A pattern that passes the load-time probes (none of them holds an x) but backtracks
# exponentially on a run of x's: the issue's `(x|xx)+z`.
RULES = """
rules:
  - code: XY001
    name: slow-pattern
    kind: pattern
    severity: warning
    pattern: '(x|xx)+z'
    message: '慢 {match}'
    docs: {what: w, why: w, fail: 'xz', pass: 'y'}
  - code: XY002
    name: exploding-check
    kind: python
    check: test-explodes
    severity: warning
    message: '不会出现'
    docs: {what: w, why: w, fail: 'a', pass: 'b'}
"""

# a.md: the slow pattern times out on its 36 x's, the python rule raises; its other findings
# (the leaked token FM001, the recall slip FC101) must survive both.
A_MD = ("### 1. 什么是召回率？\n\n**答案：** 召回率是指预测为正的样本中真正为正样本的比例。<|endoftext|>\n\n"
        "### 2. 什么是x？\n\n**答案：** " + "x" * 36 + "\n")
B_MD = "### 1. 什么是微调？\n\n**答案：** 在下游任务上继续训练。<|endoftext|>\n"


def _explodes(rule, doc, kb):
    if "x" * 10 in doc.text:
        raise ValueError("boom")
    return iter(())


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setitem(pyrules.PY_CHECKS, "test-explodes", _explodes)  # registered before the workers fork
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(A_MD, encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text(B_MD, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "qatool.toml").write_text("", encoding="utf-8")  # the project root: no config of this repository applies
    return tmp_path


def _invoke(cwd: Path, *args: str):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def _rule_errors(lines: list[str]) -> list[tuple[str, str]]:
    """(file, message) of each failed-rule problem, with the message's variable tail cut off."""
    out = []
    for ln in lines:
        if ": error: rule XY00" in ln:
            path, _, msg = ln.partition(": error: ")
            out.append((Path(path).name, msg.split(" (")[0]))
    return sorted(out)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lint_and_run_give_the_same_findings_and_the_same_rule_errors(project, jobs):
    docs = project / "docs"
    lint = _invoke(docs, "lint", ".", "--rules", str(project / "rules.yaml"), "--format", "json")
    assert lint.exit_code == 1, lint.stderr  # a rule that failed: the file was not fully checked (exit 1, as run)
    linted = sorted((Path(d["path"]).name, d["line"], d["column"], d["end_column"], d["code"], d["message"])
                    for d in json.loads(lint.stdout))

    out = project / "out"
    run = _invoke(project, "run", "docs", "-o", str(out), "--rules", str(project / "rules.yaml"), "--jobs", jobs,
                  "--no-progress", "-q")
    # no BrokenProcessPool, no traceback: the job completes, and exits 1 as for any file not fully checked
    assert run.exit_code == 1 and "input problem(s) above" in run.stderr, run.stderr + run.stdout
    assert (out / "DATASET.md").exists()
    ran = pq.read_table(out / "findings.parquet").to_pylist()
    got = sorted((Path(d["path"]).name, d["line"], d["column"], d["end_column"], d["code"], d["message"]) for d in ran)

    assert got == linted
    # the failing rules cost a.md none of its other findings, in either command
    assert {(f[0], f[4]) for f in got} >= {("a.md", "FM001"), ("a.md", "FC101"), ("b.md", "FM001")}
    assert not any(f[4].startswith("XY") for f in got)
    # one error per failing rule and file, the same message in both commands
    want = [("a.md", "rule XY001"), ("a.md", "rule XY002 [exploding-check]")]
    assert _rule_errors(lint.stderr.splitlines()) == want
    problems = (out / "problems.txt").read_text(encoding="utf-8").splitlines()
    assert _rule_errors(problems) == want
    lint_msgs = sorted(ln.partition(": error: ")[2] for ln in lint.stderr.splitlines() if ": error: rule XY" in ln)
    run_msgs = sorted(ln.partition(": error: ")[2] for ln in problems if ": error: rule XY" in ln)
    assert lint_msgs == run_msgs
    assert "backtracks catastrophically" in lint_msgs[0] and "ValueError: boom" in lint_msgs[1]


def test_a_failing_rule_keeps_the_documents_other_findings_in_the_library(project):
    linter = Linter.default(extra_rules=[project / "rules.yaml"], select=["ALL"])
    res = linter.lint_paths([project / "docs"])
    codes = {(Path(f.path).name, f.code) for f in res.findings}
    assert {("a.md", "FM001"), ("a.md", "FC101"), ("b.md", "FM001")} <= codes
    errs = [str(p) for p in res.problems if p.level == "error"]
    assert len(errs) == 2 and all(e.startswith("a.md: error: rule XY00") for e in errs)


def test_a_timeout_crosses_a_process_boundary_whole():
    import pickle

    from qatool.lint.engine import RuleError
    from qatool.lint.kinds import RuleTimeout

    rule = Linter.default().rules[0]
    err = pickle.loads(pickle.dumps(RuleTimeout(rule, "'xxx'")))
    assert err.code == rule.code and "backtracks catastrophically" in str(err)
    assert pickle.loads(pickle.dumps(RuleError(["a", "b"]))).messages == ["a", "b"]


# ------------------------------------------------------------------ dedup PATHS ranks as run does

TAIL = ("召回率衡量模型找出全部正样本的能力，在医疗诊断、欺诈检测等漏报代价很高的场景中尤其重要，"
        "通常与精确率一起通过 F1 分数综合评价模型，二者往往此消彼长，需要结合业务需求来权衡分类阈值的选择。")
# the first file states recall with precision's definition (FC101, an error); its answer is the
# longer one and comes first, so only the lint counts make the second the canonical
WRONG = "### 1. 什么是召回率？\n\n**答案：** 召回率是指预测为正的样本中真正为正样本的比例。" + TAIL + "\n"
RIGHT = "### 1. 什么是召回率？\n\n**答案：** 召回率是指实际为正的样本中被预测为正的比例。" + TAIL + "\n"


def test_dedup_paths_and_run_keep_the_same_canonical(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(WRONG, encoding="utf-8")
    (docs / "b.md").write_text(RIGHT, encoding="utf-8")
    (tmp_path / "qatool.toml").write_text("", encoding="utf-8")
    run = _invoke(tmp_path, "run", "docs", "-o", str(tmp_path / "run"), "--jobs", "1", "--no-progress", "-q")
    assert run.exit_code == 0, run.stderr
    dedup = _invoke(tmp_path, "dedup", "docs", "-o", str(tmp_path / "dedup"), "--jobs", "1")
    assert dedup.exit_code == 0, dedup.stderr

    findings = pq.read_table(tmp_path / "run" / "findings.parquet").to_pylist()
    wrong_id = next(f["record_id"] for f in findings if f["code"] == "FC101")
    ids = {r["source"]: r["id"] for r in pq.read_table(tmp_path / "run" / "records.parquet").to_pylist()}
    assert wrong_id == ids["a.md"]
    for out in ("run", "dedup"):
        (cluster,) = pq.read_table(tmp_path / out / "clusters.parquet").to_pylist()
        assert sorted(cluster["members"]) == sorted(ids.values()), out
        assert cluster["canonical"] == ids["b.md"], out
