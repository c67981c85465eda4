"""Build the development corpora (bench/devcorpus.json) from git directories of the repositories.

    python bench/devcorpus.py MIRRORS [OUT]     # OUT defaults to /work/devcorpus

MIRRORS holds one git directory per repository, named `<owner>+<repo>` (a bare repository, or one
with a `repo/` or `repo/.git` inside, as the fetch tool leaves them). Each repository's Markdown files
at the listed commit are written to OUT/<owner>+<repo>/<path>; a file whose blob is missing from the
snapshot is named and skipped. The texts are never committed here (verdicts keep paths and hashes).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = HERE / "devcorpus.json"


def git_dir(root: Path, name: str) -> Path:
    for cand in (root / name / "repo" / ".git", root / name / "repo", root / name):
        if (cand / "objects").is_dir():
            return cand
    raise SystemExit(f"error: no git directory for {name} under {root}")


def wanted(path: str, entry: dict) -> bool:
    inc, exc = entry.get("include"), entry.get("exclude", [])
    if inc and path in inc:  # a file the list names is wanted whatever the case of its suffix (`README.MD`)
        return not any(path.startswith(p) for p in exc)
    if not path.endswith((".md", ".markdown")):
        return False
    return (not inc or any(path.startswith(p) for p in inc)) and not any(path.startswith(p) for p in exc)


def build(mirrors: Path, out: Path) -> int:
    missing = 0
    for entry in json.loads(SPEC.read_text(encoding="utf-8"))["repos"]:
        name = entry["repo"].replace("/", "+")
        gd = git_dir(mirrors, name)
        listing = subprocess.run(["git", f"--git-dir={gd}", "ls-tree", "-r", "-z", entry["commit"]],
                                 check=True, capture_output=True).stdout.decode("utf-8").split("\0")
        n = 0
        for row in filter(None, listing):
            meta, path = row.split("\t", 1)
            if not wanted(path, entry):
                continue
            blob = subprocess.run(["git", f"--git-dir={gd}", "cat-file", "blob", meta.split()[2]], capture_output=True)
            if blob.returncode:
                print(f"{name}/{path}: blob missing from the snapshot, skipped", file=sys.stderr)
                missing += 1
                continue
            dest = out / name / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(blob.stdout)
            n += 1
        print(f"{name}: {n} files")
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    sys.exit(build(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/work/devcorpus")))
