"""Issue 19 on the linter's side: rule timeouts cross the process pool as data, rule files cannot
be alias bombs, every config value is type-checked, deep JSON is refused cleanly, --fix keeps each
file's bytes it does not fix, and the lint passes stay linear in a line's length."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from qatool.cli import main

ROOT = Path(__file__).resolve().parents[2]
SLOW_RULE = """
rules:
  - code: XY001
    name: slow-x
    kind: pattern
    severity: error
    pattern: '(x|xx)+y'
    message: '不要写 {match}'
    docs: {what: 测试, why: 测试, fail: 'xy', pass: 'z'}
"""
GOOD = "### 1. 什么是 Dropout？\n\n**答案：** 训练时随机丢弃神经元。\n"


def run_cli(*args: str):
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def test_a_rule_timeout_in_run_is_an_error_about_the_file_not_a_broken_pool(tmp_path):
    """`run --rules` with a pattern that passes the load-time probe but times out on a document:
    RuleTimeout could not be unpickled across the pool (BrokenProcessPool, empty output)."""
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.md").write_text(GOOD, encoding="utf-8")
    (d / "b.md").write_text("### 1. 什么是 X？\n\n**答案：** " + "x" * 60 + "\n", encoding="utf-8")
    (d / "c.md").write_text(GOOD.replace("Dropout", "BatchNorm"), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "qatool.cli", "run", str(d), "-o", str(out), "--rules", str(tmp_path / "rules"),
                           "--jobs", "2", "--no-progress"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "BrokenProcessPool" not in proc.stderr
    # the terminal groups problems in a table (the rule's message and the file under it); the
    # problems file has one line per file
    assert "rule XY001" in proc.stderr and "b.md" in proc.stderr and "exit 1" in proc.stderr
    line = [ln for ln in (out / "problems.txt").read_text(encoding="utf-8").splitlines() if "XY001" in ln]
    assert len(line) == 1 and "b.md: error: rule XY001" in line[0] and "findings for this file are missing" in line[0]
    assert "a.md" not in line[0] and "c.md" not in line[0]
    assert (out / "manifest.json").exists() and (out / "train.jsonl").exists()
    assert "3/3 parsed" in proc.stdout


def test_rule_timeout_pickles():
    import pickle

    from qatool.lint.kinds import RuleTimeout

    err = RuleTimeout(None, message="rule XY001: slow", code="XY001")
    back = pickle.loads(pickle.dumps(err))
    assert str(back) == "rule XY001: slow" and back.code == "XY001"


BOMB = "\n".join(["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
                 + [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")]
                 + ["rules: [*i]"]) + "\n"


def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path):
    """750 bytes of YAML aliases grew past 2 GB; run under a 1 GiB memory limit to show it does not."""
    (tmp_path / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    assert len(BOMB) < 800
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from qatool.cli import main; sys.argv = ['qatool', 'rules', 'list', '--rules', sys.argv[1]]; main()")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "bomb.yaml")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "bomb.yaml:2: invalid YAML (aliases (*a) are not allowed in rule files" in proc.stderr


@pytest.mark.parametrize("setting,needle", [
    ("rules = [5]", "rules[0]: expected a rule file or folder path"),
    ("rules = 5", "rules: expected a list of rule files or folders"),
    ("rules = [\"\"]", "rules[0]: expected a rule file or folder path"),
    ("select = 5", "select: expected a list of rule codes"),
    ("select = [1]", "select: expected a list of rule codes"),
    ("extend-select = [true]", "extend-select: expected a list of rule codes"),
    ("ignore = {a = 1}", "ignore: expected a list of rule codes"),
    ("per-file-ignores = 5", "per-file-ignores: expected a table of glob = [codes]"),
    ("per-file-ignores = {\"a.md\" = 5}", "per-file-ignores.'a.md': expected a list of rule codes"),
    ("fail-on = 5", "fail-on: must be one of"),
    ("fail-on = [\"error\"]", "fail-on: must be one of"),
])
def test_every_config_value_is_type_checked(tmp_path, monkeypatch, setting, needle):
    """`rules = [5]` raised TypeError."""
    (tmp_path / "qatool.toml").write_text(f"[tool.qatool]\n{setting}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for cmd in (("lint", "a.md"), ("run", "a.md", "-o", "out", "--no-progress")):
        code, _, err = run_cli(*cmd)
        assert code == 2, err
        assert f"qatool.toml:2: {needle}" in err, err


def test_a_non_table_tool_and_deep_toml_are_clear_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "qatool.toml").write_text("tool = 5\n", encoding="utf-8")
    code, _, err = run_cli("lint", "a.md")
    assert code == 2 and "tool: must be a table" in err
    (tmp_path / "qatool.toml").write_text("a = " + "[" * 50000 + "]" * 50000 + "\n", encoding="utf-8")
    code, _, err = run_cli("lint", "a.md")
    assert code == 2 and "nested too deeply" in err


def test_deep_json_is_refused_cleanly(tmp_path):
    """A decisions file nested 100k deep raised RecursionError."""
    deep = '{"qatool_decisions": 1, "decisions": ' + "[" * 100_000 + "]" * 100_000 + "}"
    (tmp_path / "deep.json").write_text(deep, encoding="utf-8")
    from qatool.review.decisions import Decisions, DecisionsError

    with pytest.raises(DecisionsError, match="nested too deeply"):
        Decisions.load(tmp_path / "deep.json")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    code, _, err = run_cli("run", str(tmp_path / "a.md"), "-o", str(tmp_path / "out"), "--no-progress", "--decisions", str(tmp_path / "deep.json"))
    assert code == 2 and "deep.json: JSON nested too deeply" in err
    code, _, err = run_cli("lint", str(tmp_path / "a.md"), "--baseline", str(tmp_path / "deep.json"))
    assert code == 2 and "not a qatool baseline" in err


def test_fix_keeps_mode_encoding_bom_and_each_line_ending(tmp_path):
    """--fix made files 0600, lone-CR files LF, and mixed endings all CRLF."""
    q = ("### 1. 什么是梯度下降？\r\n\r\n**答案：** 沿负梯度方向更新参数。<|endoftext|>\r\n**解析：** 学习率决定步长。\n"
         "### 2. 什么是A？\r**答案：** A是字母<|im_end|>\r")
    want = q.replace("<|endoftext|>", "").replace("<|im_end|>", "")
    files = {
        "mixed.md": (b"\xef\xbb\xbf" + q.encode("utf-8"), 0o644, lambda b: b"\xef\xbb\xbf" + b),
        "cr.md": (q.replace("\r\n", "\r").replace("\n", "\r").encode("utf-8"), 0o640, None),
        "gb.md": (q.encode("gb18030"), 0o664, None),
        "u16.md": (b"\xfe\xff" + q.encode("utf-16-be"), 0o600, None),
    }
    for name, (data, mode, _) in files.items():
        (tmp_path / name).write_bytes(data)
        os.chmod(tmp_path / name, mode)
    os.symlink("mixed.md", tmp_path / "link.markdown")
    code, _, err = run_cli("lint", "--fix", str(tmp_path))
    assert err.count("applied 2 fixes") == 4, err
    expect = {
        "mixed.md": b"\xef\xbb\xbf" + want.encode("utf-8"),
        "cr.md": want.replace("\r\n", "\r").replace("\n", "\r").encode("utf-8"),
        "gb.md": want.encode("gb18030"),
        "u16.md": b"\xfe\xff" + want.encode("utf-16-be"),
    }
    for name, (_, mode, _) in files.items():
        assert (tmp_path / name).read_bytes() == expect[name], name
        assert (tmp_path / name).stat().st_mode & 0o777 == mode, name
    assert (tmp_path / "link.markdown").is_symlink()  # written through the link, not replaced by a file


def test_fix_that_splits_a_line_keeps_that_lines_ending():
    from qatool.lint.engine import Linter
    from qatool.lint.fix import fix_source_exact

    raw = "### 1. 什么是A？\r\n\r\n**答案：** A是字母。<|vq_1|>### 附录\r\n附录内容\n"
    fixed, n = fix_source_exact(Linter.default(), raw, "a.md")
    assert n >= 1 and "\r\n### 附录\r\n附录内容\n" in fixed and "<|vq_1|>" not in fixed


# ------------------------------------------------------------------------------------- linear time

def _lint_seconds(text: str) -> float:
    from qatool.lint.document import doc_from_parsed
    from qatool.lint.engine import Linter
    from qatool.parse.extract import parse_text

    linter = Linter.default()
    parsed = parse_text(text, "a.md")
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        linter.lint_doc(doc_from_parsed(parsed, text))
        best = min(best, time.perf_counter() - t)
    return best


def _doc(payload: str) -> str:
    return "### 1. 什么是召回率？\n\n**答案：** 召回率衡量找全的能力。\n\n" + payload + "\n"


@pytest.mark.parametrize("name,payload", [
    ("spaces", lambda n: "模型" + " " * n + "x"),
    ("unclosed html comments", lambda n: "<!--" * (n // 4)),
    ("unclosed brackets", lambda n: "[" * n),  # QA001/QA002 read the answer's links: 4.9 s at 4k, 21.7 s at 16k before
    ("unclosed images and processing instructions", lambda n: "![<?" * (n // 4)),
    ("suppression comment and spaces", lambda n: "<!-- qatool: disable=FM001" + " " * n + "x"),
    ("arxiv and spaces", lambda n: "见 arxiv" + " " * n + "x 论文"),
    ("a term and spaces", lambda n: "召回率" + " " * n + "是x。"),
    ("respectively and spaces", lambda n: "精确率和召回率分别为" + " " * n + "x、y。"),
    # (inline code is blanked for the claim rules: a line opening on it opened on hundreds of spaces, and the headword
    # pattern read on the line before the next one took hours: 0.7 s at 60, 10.6 s at 100)
    ("inline code opening a line, then another line", lambda n: "`" + "x" * n + "` 召回率的说明,逗号之后没有句号\n它等于预测为正的样本中真正为正的比例。"),
])
def test_lint_grows_linearly_in_a_long_line(name, payload):
    """Growth, not speed: 4x the line may cost at most ~8x the time (quadratic would be 16x; these
    cases were quadratic or worse before). Sizes small enough to run in about a second."""
    small, large = 4000, 16000
    t1 = _lint_seconds(_doc(payload(small)))
    t2 = _lint_seconds(_doc(payload(large)))
    assert t2 < max(8 * t1, 0.25), (name, t1, t2)


def test_a_bad_baseline_says_what_is_wrong_and_one_that_matches_nothing_warns(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("### 1. 什么是召回率？\n\n**答案：** 召回率是预测为正的样本中真正为正的比例。\n", encoding="utf-8")
    b.write_text("### 1. 甲\n\n**答案：** 精确率是实际为正的样本中被预测为正的比例。\n", encoding="utf-8")
    for text, needle in [('{"findings": [', "bl.json:2:1: the baseline is not valid JSON"),
                         ('{"items": []}', 'no "findings" list'),
                         ('{"findings": [{"code": 1}]}', 'baseline entry 0 has no "code" and "fingerprint"')]:
        (tmp_path / "bl.json").write_text(text + "\n", encoding="utf-8")
        code, _, err = run_cli("lint", str(a), "--baseline", str(tmp_path / "bl.json"))
        assert code == 2 and needle in err, err
    code, _, err = run_cli("lint", str(b), "--write-baseline", str(tmp_path / "bl.json"))
    assert code == 0 and "wrote 1 finding to baseline" in err
    code, out, err = run_cli("lint", str(a), "--baseline", str(tmp_path / "bl.json"))
    assert code == 1 and "FC101" in out and "matched none of the 1 findings" in err
    code, out, err = run_cli("lint", str(b), "--baseline", str(tmp_path / "bl.json"))
    assert code == 0 and "matched none" not in err


def test_a_whole_document_gate_pass_is_bounded_in_proportion_to_the_document(monkeypatch):
    """A gate the literal index cannot cover is searched once over the joined document; a 3.4 MB bench
    file took 0.27 s for a linear gate, past the 0.25 s bound, and lost FC328's findings with an error.
    The pass's bound grows with the document; a unit's catastrophic backtracking still runs out of it."""
    from qatool.lint import kinds
    from qatool.lint.engine import Linter

    linter = Linter.default(select=["FC404"])  # its gate (`z\\s*/\\s*T`, ...) has no literal to filter by
    gate = kinds.gate_of(linter.by_code["FC404"], linter.kb)
    assert not linter.literals.covers(gate)
    bounds: list[float] = []
    real = type(gate).finditer

    def spy(self, string, pos=0, endpos=None, timeout=None):
        bounds.append(timeout)
        return real(self, string, pos, endpos, timeout=timeout)

    monkeypatch.setattr(type(gate), "finditer", spy)
    para = "**答案：** 温度越高，softmax 的分布越平坦，采样更多样。\n\n"
    small = "### 1. 温度参数有什么用？\n\n" + para
    large = small + para * (3 * kinds.JOINED_CHUNK // len(para))
    linter.lint_text(large, "l.md")
    assert bounds and max(bounds) >= 3 * kinds.REGEX_TIMEOUT
    bounds.clear()
    linter.lint_text(small, "s.md")
    assert bounds and max(bounds) == kinds.REGEX_TIMEOUT
