"""The pre-commit hooks (.pre-commit-hooks.yaml): a valid manifest, Markdown only (.txt opt-in), and
`pre-commit try-repo` running both on a sample repository (slow: pre-commit installs qatool with its
dependencies into an environment of its own; QATOOL_RUN_SLOW=1, as .ci/run sets)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
LEAK_AND_SLIP = ("### 1. 什么是召回率？\n\n**答案：** 召回率是指预测为正的样本中真正为正样本的比例。<|endoftext|>\n")
CLEAN = "### 1. 什么是召回率？\n\n**答案：** 召回率是指实际为正的样本中被预测为正的比例。\n"


def _hooks() -> dict[str, dict]:
    from pre_commit.clientlib import load_manifest

    return {h["id"]: h for h in load_manifest(str(MANIFEST))}  # pre-commit's own schema check


def _takes(hook: dict, path: str) -> bool:
    from identify.identify import tags_from_filename

    tags = tags_from_filename(path) | {"file"}
    return set(hook["types"]) <= tags and bool(set(hook["types_or"]) & tags or not hook["types_or"])


def test_manifest_is_valid_and_takes_markdown_only():
    hooks = _hooks()
    assert set(hooks) == {"qatool-lint", "qatool-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["entry"].startswith("qatool lint")
        assert "--force-exclude" in hook["entry"]
        assert _takes(hook, "docs/a.md") and _takes(hook, "docs/b.markdown")
        for other in ("pkg/__init__.py", "notes.txt", "setup.cfg", "data.json"):
            assert not _takes(hook, other), other
        assert _takes({**hook, "types_or": ["markdown", "plain-text"]}, "notes.txt")  # the documented .txt opt-in
    assert "--fix" in hooks["qatool-fix"]["entry"]


def test_readme_uses_the_tagged_version():
    from qatool.common.version import PROJECT_URL, __version__

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"rev: v{__version__}" in readme and f"repo: {PROJECT_URL}" in readme
    assert f"uses: qatool/qatool@v{__version__}" in readme or f"@v{__version__}" in readme
    tags = subprocess.run(["git", "tag", "--list", f"v{__version__}"], capture_output=True, text=True, cwd=ROOT)
    if tags.returncode == 0 and (ROOT / ".git").exists() and tags.stdout.strip():
        assert tags.stdout.strip() == f"v{__version__}"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.fixture
def sample_repo(tmp_path) -> Path:
    repo = tmp_path / "sample"
    (repo / "docs").mkdir(parents=True)
    (repo / "pkg").mkdir()
    (repo / "docs" / "a.md").write_text(LEAK_AND_SLIP, encoding="utf-8")
    (repo / "docs" / "clean.md").write_text(CLEAN, encoding="utf-8")
    (repo / "notes.txt").write_text(LEAK_AND_SLIP, encoding="utf-8")
    (repo / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    return repo


def _pre_commit(repo: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, capture_output=True, text=True, env=env, timeout=1800)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("QATOOL_RUN_SLOW"), reason="slow (pre-commit installs qatool and its dependencies); QATOOL_RUN_SLOW=1 runs it, as .ci/run does")
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo_runs_both_hooks(sample_repo, tmp_path):
    home = tmp_path / "pre-commit-home"
    lint = _pre_commit(sample_repo, "try-repo", str(ROOT), "qatool-lint", "--all-files", "--verbose", home=home)
    assert lint.returncode == 1, lint.stdout + lint.stderr
    assert "docs/a.md:3:" in lint.stdout and "FC101" in lint.stdout and "FM001" in lint.stdout
    assert "notes.txt" not in lint.stdout and "__init__.py" not in lint.stdout  # Markdown only
    fix = _pre_commit(sample_repo, "try-repo", str(ROOT), "qatool-fix", "--all-files", "--verbose", home=home)
    assert fix.returncode == 1  # it changed a file (and the factual slip remains: facts are never rewritten)
    assert "files were modified by this hook" in fix.stdout, fix.stdout
    assert (sample_repo / "docs" / "a.md").read_text(encoding="utf-8") == LEAK_AND_SLIP.replace("<|endoftext|>", "")
    assert (sample_repo / "notes.txt").read_text(encoding="utf-8") == LEAK_AND_SLIP  # not a Markdown file: untouched
    assert (sample_repo / "docs" / "clean.md").read_text(encoding="utf-8") == CLEAN
