"""`qatool lint` next to ruff in a repository and in CI: paths relative to the working directory,
fingerprints that do not depend on which files were passed, which files a walk takes (exclude,
.gitignore), standard input, --exit-zero, --statistics, -q."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qatool.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
SLIP = "### 1. 什么是召回率？\n\n**答案：** 召回率是指预测为正的样本中真正为正样本的比例。\n"
LEAK = "### 1. 什么是微调？\n\n**答案：** 在下游任务上继续训练。<|endoftext|>\n"
CLEAN = "### 1. 什么是召回率？\n\n**答案：** 召回率是指实际为正的样本中被预测为正的比例。\n"


def run(*args: str, cwd: Path = ROOT, input: str | bytes | None = None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False, input=input)
    finally:
        os.chdir(old)


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def paths_of(res) -> list[str]:
    return sorted({d["path"] for d in json.loads(res.stdout)})


# ------------------------------------------------------------------------------ paths in the output


def test_github_annotations_name_files_relative_to_the_working_directory():
    res = run("lint", "corpus/", "--format", "github")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines and all(" file=corpus/0" in ln for ln in lines), lines[:3]
    assert any(ln.startswith("::error file=corpus/000_899eff923a9e5d5d.txt,line=") for ln in lines)
    # from inside the folder the same files are named without it, as ruff does
    inside = run("lint", ".", "--format", "github", cwd=ROOT / "corpus")
    assert [ln.replace("file=", "file=corpus/", 1) for ln in inside.stdout.splitlines()] == lines


def test_text_json_and_junit_use_the_same_paths(tmp_path):
    write(tmp_path, "docs/zh/a.md", SLIP)
    text = run("lint", "docs", cwd=tmp_path)
    assert text.stdout.startswith("docs/zh/a.md:3:")
    assert paths_of(run("lint", "docs/zh", "--format", "json", cwd=tmp_path)) == ["docs/zh/a.md"]
    assert paths_of(run("lint", str(tmp_path / "docs"), "--format", "json", cwd=tmp_path)) == ["docs/zh/a.md"]
    assert paths_of(run("lint", "zh/a.md", "--format", "json", cwd=tmp_path / "docs")) == ["zh/a.md"]
    junit = run("lint", "docs", "--format", "junit", cwd=tmp_path).stdout
    assert 'name="docs/zh/a.md"' in junit


def test_sarif_locations_are_repository_paths_and_information_uri_is_the_project_url():
    log = json.loads(run("lint", "corpus/", "--format", "sarif").stdout)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"] for loc in r["locations"]}
    assert uris and all(u.startswith("corpus/0") for u in uris), uris
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert log["runs"][0]["tool"]["driver"]["informationUri"] == project["urls"]["Repository"]
    assert log["runs"][0]["tool"]["driver"]["informationUri"].startswith("https://github.com/")


def test_a_file_outside_the_working_directory_is_named_by_its_absolute_path(tmp_path):
    f = write(tmp_path / "elsewhere", "a.md", SLIP)
    (tmp_path / "work").mkdir()
    res = run("lint", str(f), "--format", "sarif", cwd=tmp_path / "work")
    loc = json.loads(res.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": f.as_uri()}
    assert run("lint", str(f), cwd=tmp_path / "work").stdout.startswith(f"{f.as_posix()}:3:")


# ------------------------------------------------------------------------------------- baselines


def test_baseline_fingerprints_do_not_depend_on_which_files_were_passed(tmp_path):
    """Fingerprints come from the path relative to the project root (the config file's folder),
    so a baseline written for the whole tree matches a run on one file, from any folder."""
    write(tmp_path, "qatool.toml", "")
    write(tmp_path, "docs/a.md", SLIP)
    write(tmp_path, "docs/sub/b.md", SLIP + "\n" + LEAK.replace("### 1.", "### 2."))
    base = tmp_path / "baseline.json"
    assert run("lint", ".", "--write-baseline", str(base), cwd=tmp_path).exit_code == 0
    assert len(json.loads(base.read_text(encoding="utf-8"))["findings"]) == 3
    for args, cwd in [(["docs/sub/b.md"], tmp_path), (["b.md"], tmp_path / "docs" / "sub"), (["docs/a.md", "docs/sub"], tmp_path),
                      ([str(tmp_path / "docs" / "sub" / "b.md")], ROOT), (["sub"], tmp_path / "docs")]:
        res = run("lint", *args, "--baseline", str(base), "--format", "json", cwd=cwd)
        assert (res.exit_code, json.loads(res.stdout)) == (0, []), (args, cwd, res.stdout)
    # the same text in another file is a new finding: the path is part of the fingerprint
    write(tmp_path, "docs/c.md", SLIP)
    res = run("lint", "docs", "--baseline", str(base), "--format", "json", cwd=tmp_path)
    assert res.exit_code == 1 and paths_of(res) == ["docs/c.md"]


def test_fingerprints_use_the_git_root_without_a_config_file(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, "corpus/a.md", SLIP)
    whole = json.loads(run("lint", ".", "--format", "json", cwd=tmp_path).stdout)
    one = json.loads(run("lint", "a.md", "--format", "json", cwd=tmp_path / "corpus").stdout)
    assert [d["fingerprint"] for d in whole] == [d["fingerprint"] for d in one]
    assert whole[0]["path"] == "corpus/a.md" and one[0]["path"] == "a.md"


# ------------------------------------------------------------------------------ which files a walk takes


def test_default_excludes_and_gitignore(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "/generated/\n*.draft.md\n")
    write(tmp_path, "docs/a.md", SLIP)
    write(tmp_path, "docs/b.draft.md", SLIP)
    write(tmp_path, "generated/x.md", SLIP)
    write(tmp_path, "qatool.egg-info/PKG-INFO.md", SLIP)
    write(tmp_path, "out/DATASET.md", SLIP)
    write(tmp_path, "build/lib/c.md", SLIP)
    write(tmp_path, ".hidden/d.md", SLIP)
    write(tmp_path, "docs/keep/.gitignore", "*.md\n!e.md\n")  # a deeper file overrides, `!` re-includes
    write(tmp_path, "docs/keep/e.md", SLIP)
    write(tmp_path, "docs/keep/f.md", SLIP)
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path)) == ["docs/a.md", "docs/keep/e.md"]
    everything = paths_of(run("lint", ".", "--format", "json", "--no-respect-gitignore", cwd=tmp_path))
    assert everything == ["docs/a.md", "docs/b.draft.md", "docs/keep/e.md", "docs/keep/f.md", "generated/x.md"]
    # a file or folder named on the command line is linted even when ignored (as ruff does)
    assert paths_of(run("lint", "docs/b.draft.md", "generated", "--format", "json", cwd=tmp_path)) == ["docs/b.draft.md", "generated/x.md"]
    # the same from a subfolder: the .gitignore files above it still apply
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path / "docs")) == ["a.md", "keep/e.md"]


def test_exclude_and_extend_exclude_from_config_and_cli(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.qatool]\nextend-exclude = ["tests/fixtures/", "drafts/*.md"]\n')
    write(tmp_path, "docs/a.md", SLIP)
    write(tmp_path, "tests/fixtures/bad.md", SLIP)
    write(tmp_path, "drafts/b.md", SLIP)
    write(tmp_path, "drafts/c.txt", SLIP)
    write(tmp_path, "build/d.md", SLIP)
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path)) == ["docs/a.md", "drafts/c.txt"]
    assert paths_of(run("lint", ".", "--format", "json", "--extend-exclude", "*.txt", cwd=tmp_path)) == ["docs/a.md"]
    # the patterns are anchored at the config file's folder, wherever qatool runs
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path / "drafts")) == ["c.txt"]
    # files named on the command line (as pre-commit passes them) are linted unless --force-exclude
    assert paths_of(run("lint", "tests/fixtures/bad.md", "docs/a.md", "--format", "json", cwd=tmp_path)) == ["docs/a.md", "tests/fixtures/bad.md"]
    forced = run("lint", "tests/fixtures/bad.md", "docs/a.md", "--format", "json", "--force-exclude", cwd=tmp_path)
    assert paths_of(forced) == ["docs/a.md"]
    # `exclude` replaces the defaults: build/ is walked once it is not in the list
    write(tmp_path, "pyproject.toml", '[tool.qatool]\nexclude = ["tests/"]\n')
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path)) == ["build/d.md", "docs/a.md", "drafts/b.md", "drafts/c.txt"]


@pytest.mark.parametrize("text,needle", [
    ('extend-exclude = "x"\nexclude = 3\n', "qatool.toml:2: exclude: expected a list of gitignore-style patterns"),
    ('respect-gitignore = "no"\n', "qatool.toml:1: respect-gitignore: expected true or false"),
])
def test_bad_file_settings_are_usage_errors(tmp_path, text, needle):
    write(tmp_path, "qatool.toml", text)
    write(tmp_path, "a.md", CLEAN)
    res = run("lint", "a.md", cwd=tmp_path)
    assert res.exit_code == 2 and needle in res.stderr, res.stderr


def test_a_run_never_reads_its_own_output_folder(tmp_path):
    write(tmp_path, "docs/a.md", SLIP)
    for _ in range(2):  # the second run sees results/ (DATASET.md) beside the input
        res = run("run", ".", "-o", "results", "--no-progress", "-q", "--jobs", "1", cwd=tmp_path)
        assert res.exit_code == 0, res.output
    import pyarrow.parquet as pq

    assert set(pq.read_table(tmp_path / "results" / "records.parquet").column("source").to_pylist()) == {"docs/a.md"}
    # nor does a later lint of the project: results/ is qatool's (its lock file, or failing that its
    # manifest, says so), while a folder that only has a file called manifest.json is walked
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path)) == ["docs/a.md"]
    (tmp_path / "results" / ".qatool.lock").unlink()
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path)) == ["docs/a.md"]
    write(tmp_path, "other/manifest.json", '{"name": "not ours"}')
    write(tmp_path, "other/b.md", SLIP)
    assert paths_of(run("lint", ".", "--format", "json", cwd=tmp_path)) == ["docs/a.md", "other/b.md"]
    # named on the command line, qatool's own folder is linted
    assert "results/DATASET.md" in paths_of(run("lint", "results", "--format", "json", cwd=tmp_path))


# ----------------------------------------------------------------------------------- standard input


def test_stdin_with_a_file_name(tmp_path):
    write(tmp_path, "qatool.toml", '[per-file-ignores]\n"drafts/*" = ["FM001"]\n')
    two = SLIP + "\n" + LEAK.replace("### 1.", "### 2.")
    res = run("lint", "-", "--stdin-filename", "docs/a.md", "--format", "json", cwd=tmp_path, input=two)
    assert res.exit_code == 1
    assert {(d["path"], d["code"]) for d in json.loads(res.stdout)} == {("docs/a.md", "FC101"), ("docs/a.md", "FM001")}
    ignored = run("lint", "--stdin-filename", "drafts/b.md", "--format", "json", cwd=tmp_path, input=two)
    assert {d["code"] for d in json.loads(ignored.stdout)} == {"FC101"}  # per-file-ignores match the name
    bare = run("lint", "-", cwd=tmp_path, input=SLIP)
    assert bare.exit_code == 1 and bare.stdout.startswith("-:3:")
    assert run("lint", "-", cwd=tmp_path, input=CLEAN).exit_code == 0
    assert run("lint", "-", "a.md", cwd=tmp_path, input=CLEAN).exit_code == 2
    assert run("lint", cwd=tmp_path).exit_code == 2
    binary = run("lint", "-", "--stdin-filename", "x.md", cwd=tmp_path, input=b"\x00\x01")
    assert binary.exit_code == 1 and "x.md: error: file looks binary" in binary.stderr


def test_stdin_fix_prints_the_fixed_text_and_diff_exits_1(tmp_path):
    res = run("lint", "-", "--fix", cwd=tmp_path, input=LEAK)
    assert res.exit_code == 0 and res.stdout == LEAK.replace("<|endoftext|>", "")
    diff = run("lint", "-", "--stdin-filename", "a.md", "--fix", "--diff", cwd=tmp_path, input=LEAK)
    assert diff.exit_code == 1 and "-**答案：** 在下游任务上继续训练。<|endoftext|>" in diff.stdout and "+++ b/a.md" in diff.stdout
    none = run("lint", "-", "--fix", "--diff", cwd=tmp_path, input=CLEAN)
    assert (none.exit_code, none.stdout) == (0, "")


# ------------------------------------------------------------------------ exit codes and summaries


def test_exit_zero_statistics_and_quiet(tmp_path):
    write(tmp_path, "a.md", SLIP + "\n" + LEAK.replace("### 1.", "### 2.") + "\n<|vq_2|>\n")
    assert run("lint", "a.md", cwd=tmp_path).exit_code == 1
    zero = run("lint", "a.md", "--exit-zero", cwd=tmp_path)
    assert zero.exit_code == 0 and "FC101" in zero.stdout
    assert run("lint", "missing.md", "--exit-zero", cwd=tmp_path).exit_code == 2  # input errors still count
    stats = run("lint", "a.md", "--statistics", cwd=tmp_path)
    assert stats.exit_code == 1
    assert stats.stdout.splitlines() == ["2  FM001  error    leaked-special-token  [2 fixable]",
                                         "1  FC101  error    recall-defined-as-precision"]
    rows = json.loads(run("lint", "a.md", "--statistics", "--format", "json", cwd=tmp_path).stdout)
    assert [(r["code"], r["count"], r["fixable"]) for r in rows] == [("FM001", 2, 2), ("FC101", 1, 0)]
    assert run("lint", "a.md", "--statistics", "--format", "sarif", cwd=tmp_path).exit_code == 2
    loud, quiet = run("lint", "a.md", cwd=tmp_path), run("lint", "a.md", "-q", cwd=tmp_path)
    assert "3 findings" in loud.stderr and quiet.stderr == "" and quiet.stdout == loud.stdout


def test_lint_help_documents_the_ci_options():
    out = subprocess.run([sys.executable, "-m", "qatool.cli", "lint", "--help"], capture_output=True, text=True, cwd=ROOT).stdout
    for opt in ("--exit-zero", "--statistics", "--quiet", "--stdin-filename", "--no-respect-gitignore", "--extend-exclude", "--force-exclude"):
        assert opt in out
