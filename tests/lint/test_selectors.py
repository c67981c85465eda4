"""Rule selectors as a user types them: codes in any case, every unknown one named at once (command
line, config select/ignore and per-file-ignores alike), and the summary's counts in good English."""
from __future__ import annotations

from click.testing import CliRunner

from qatool.cli import main
from qatool.lint.render import summary

WRONG = "### 1. 什么是召回率？\n\n**答案：** 召回率是预测为正的样本中真正为正的比例。\n"


def _cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_codes_and_prefixes_are_case_insensitive(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(WRONG, encoding="utf-8")
    for sel in ("fc101", "fc1", "Fc", "all", "FC101"):
        res = _cli("lint", str(f), "--select", sel)
        assert res.exit_code == 1 and "FC101" in res.stdout, sel
    assert "FC101" not in _cli("lint", str(f), "--ignore", "fc101").stdout
    res = _cli("rules", "explain", "fc101")
    assert res.exit_code == 0 and res.stdout.startswith("FC101 [recall-defined-as-precision]")


def test_every_unknown_selector_is_named_in_one_usage_error(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(WRONG, encoding="utf-8")
    res = _cli("lint", str(f), "--select", "fcx,zz", "--ignore", "qq")
    assert res.exit_code == 2
    assert "'fcx' (--select)" in res.output and "'zz' (--select)" in res.output and "'qq' (--ignore)" in res.output


def test_per_file_ignores_with_an_unknown_code_is_a_usage_error(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(WRONG, encoding="utf-8")
    cfg = tmp_path / "qatool.toml"
    cfg.write_text('ignore = ["QQ"]\n[per-file-ignores]\n"a.md" = ["FC999", "fc101"]\n', encoding="utf-8")
    res = _cli("lint", str(f), "--config", str(cfg))
    assert res.exit_code == 2
    assert "'FC999'" in res.output and "per-file-ignores 'a.md'" in res.output and "'QQ'" in res.output
    assert "fc101" not in res.output  # a known code in another case is not an error
    cfg.write_text('[per-file-ignores]\n"a.md" = ["fc101"]\n', encoding="utf-8")
    res = _cli("lint", str(f), "--config", str(cfg))
    assert res.exit_code == 0 and "FC101" not in res.stdout


def test_summary_counts_in_singular_and_plural():
    assert summary([]).startswith("0 findings")
    assert "1 more finding of rules off by default" in summary([], hidden={"TY002": 1})  # type: ignore[arg-type]
    assert "2 more findings of rules off by default" in summary([], hidden={"TY002": 2})  # type: ignore[arg-type]
