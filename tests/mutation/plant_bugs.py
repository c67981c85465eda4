"""Plant each bug named in issue 21 (one at a time), run the tests that must catch it, report CAUGHT or
SURVIVED, and restore the file. `.venv/bin/python -m tests.mutation.plant_bugs [NAME-SUBSTRING...]`."""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUGS = [
 ("split keyed by hash()", "qatool/export/stage.py",
  "_bucket(group.get(rid, rid), cfg.split_seed) < cfg.val_ratio", "(hash(group.get(rid, rid)) % 10**6) / 10**6 < cfg.val_ratio",
  ["tests/export/test_split_accounting.py::test_split_is_exactly_the_sha256_bucket_of_each_record",
   "tests/export/test_split_accounting.py::test_split_is_the_same_in_fresh_interpreters_with_different_hash_seeds"]),
 ("record silently vanishes", "qatool/export/stage.py",
  "            for rid, source, line, why, qrec in batch_out:", "            for rid, source, line, why, qrec in batch_out[:-1]:",
  ["tests/export/test_split_accounting.py::test_every_record_is_in_exactly_one_place_by_id_and_count"]),
 ("canonical: warnings before errors", "qatool/dedup/groups.py",
  "return (errors, warnings, -completeness, order)", "return (warnings, errors, -completeness, order)",
  ["tests/dedup/test_policy_and_thresholds.py::test_errors_count_before_warnings"]),
 ("disable-next-line stops at a blank line", "qatool/lint/engine.py",
  "if doc.lines[k - 1].strip()), no + 1)", "), no + 1)",
  ["tests/lint/test_locations_levels_suppressions.py::test_disable_next_line_skips_blank_lines_and_covers_one_line"]),
 ("enable=FM001 closes disable=FM007", "qatool/lint/engine.py",
  "set(codes) & set(d.codes)", "set(codes) | set(d.codes)",
  ["tests/lint/test_locations_levels_suppressions.py::test_enable_closes_only_the_disables_it_names"]),
 ("SARIF levels one step too low", "qatool/lint/render.py",
  'SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}', 'SARIF_LEVEL = {"error": "warning", "warning": "note", "info": "none"}',
  ["tests/lint/test_locations_levels_suppressions.py::test_sarif_regions_and_levels"]),
 ("end columns one short", "qatool/lint/kinds.py",
  "end_col = unit.col + max(end, start + 1) + 1", "end_col = unit.col + max(end, start + 1)",
  ["tests/lint/test_locations_levels_suppressions.py::test_json_has_exclusive_end_columns",
   "tests/lint/test_locations_levels_suppressions.py::test_sarif_regions_and_levels",
   "tests/lint/test_locations_levels_suppressions.py::test_github_annotations_carry_the_span_and_level",
   "tests/lint/test_rules.py::test_rule_case"]),
 ("definition rule flags a text giving both definitions", "qatool/lint/kinds.py",
  "if b.term == term and given in b.defs and term not in b.defs:", "if b.term == term and given in b.defs:",
  ["tests/lint/test_rules.py::test_rule_case"]),
 ("pair at exactly the threshold dropped", "qatool/dedup/candidates.py",
  "near = cand[jac >= cfg.threshold]", "near = cand[jac > cfg.threshold]",
  ["tests/dedup/test_policy_and_thresholds.py::test_a_pair_at_exactly_the_text_threshold_is_a_duplicate"]),
 ("same-question answers at exactly the threshold dropped", "qatool/dedup/candidates.py",
  "ok = np.maximum(jac, cont) >= cfg.threshold", "ok = np.maximum(jac, cont) > cfg.threshold",
  ["tests/dedup/test_policy_and_thresholds.py::test_same_question_answers_at_exactly_the_threshold_are_duplicates"]),
 ("split ignores the group key (the test that passed by chance)", "qatool/export/stage.py",
  "_bucket(group.get(rid, rid), cfg.split_seed)", "_bucket(rid, cfg.split_seed)",
  ["tests/export/test_split_accounting.py::test_a_conflict_group_goes_to_the_side_of_its_smallest_id",
   "tests/export/test_split_accounting.py::test_a_cluster_and_a_conflict_sharing_a_member_are_one_group"]),
]
only = sys.argv[1:]
for name, path, old, new, tests in BUGS:
    if only and not any(o in name for o in only):
        continue
    f = ROOT / path
    src = f.read_text(encoding="utf-8")
    assert src.count(old) >= 1, (name, old)
    f.write_text(src.replace(old, new), encoding="utf-8")
    try:
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider", *tests],
                           cwd=ROOT, capture_output=True, text=True)
        failed = [ln.split(" ")[1] for ln in r.stdout.splitlines() if ln.startswith("FAILED")]
        print(f"{'CAUGHT' if r.returncode else 'SURVIVED'}  {name}: {len(failed)} failing: {sorted(set(x.split('[')[0] for x in failed))[:4]}", flush=True)
    finally:
        f.write_text(src, encoding="utf-8")
