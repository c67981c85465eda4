"""Where a finding is, how loud it is, and when it is suppressed, pinned exactly in every output
format: end columns are exclusive code-point columns (the span's source text is the match), SARIF
and GitHub levels map error/warning/info one to one, and the suppression comments' ranges are exact
(a disable-next-line skips blank lines; an enable closes only the disables it names)."""
from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest

from qatool.lint.engine import Linter, suppressions
from qatool.lint.loader import load_rules
from qatool.lint.render import GITHUB_LEVEL, RENDERERS, SARIF_LEVEL, render_github, render_junit, render_text, sarif_log

RULES, KB = load_rules()
# a leaked token (FM001, error), chatter (FM007, warning) and a half-width comma (TY002, info), at known columns
DOC = ("### 1. 什么是微调？\n\n"
       "**答案：** 在下游任务上继续训练<|endoftext|>即可。\n\n"
       "预训练需要大量数据,微调只需少量数据。\n\n"
       "本文到此结束，感谢大家的阅读！\n")


def lint(text: str, select=("FM001", "FM007", "TY002")):
    return Linter(RULES, KB, select=list(select)).lint_text(text, "doc.md")


def spans(findings) -> list[tuple[str, int, int, int, int]]:
    return [(f.code, f.line, f.col, f.end_line, f.end_col) for f in findings]


def source(text: str, line: int, col: int, end_col: int) -> str:
    return text.splitlines()[line - 1][col - 1:end_col - 1]


@pytest.fixture(scope="module")
def found():
    fs = lint(DOC)
    assert sorted(f.code for f in fs) == ["FM001", "FM007", "TY002"]
    return sorted(fs, key=lambda f: f.code)


def test_findings_span_exactly_their_source_text(found):
    fm001, fm007, ty002 = found
    assert spans(found)[0] == ("FM001", 3, 19, 3, 32)
    assert source(DOC, 3, fm001.col, fm001.end_col) == "<|endoftext|>"
    assert (ty002.line, ty002.col, ty002.end_col) == (5, 10, 11) and source(DOC, 5, 10, 11) == ","
    assert fm007.line == 7 and source(DOC, 7, fm007.col, fm007.end_col).startswith(("本文到此结束", "感谢"))
    assert [f.severity for f in found] == ["error", "warning", "info"]


def test_json_has_exclusive_end_columns(found):
    out = io.StringIO()
    RENDERERS["json"](found, RULES, out)
    rows = json.loads(out.getvalue())
    assert [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in rows] == spans(found)
    assert source(DOC, rows[0]["line"], rows[0]["column"], rows[0]["end_column"]) == "<|endoftext|>"


def test_sarif_regions_and_levels(found):
    log = sarif_log(found, RULES)
    results = log["runs"][0]["results"]
    regions = [(r["ruleId"], *(r["locations"][0]["physicalLocation"]["region"][k] for k in ("startLine", "startColumn", "endLine", "endColumn")))
               for r in results]
    assert regions == spans(found)
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["FM001"]["defaultConfiguration"]["level"] == "error"
    assert rules["FM007"]["defaultConfiguration"]["level"] == "warning"
    assert rules["TY002"]["defaultConfiguration"] == {"level": "note", "enabled": False}
    assert [results[i]["ruleIndex"] for i in range(3)] == [list(rules).index(c) for c in ("FM001", "FM007", "TY002")]
    assert SARIF_LEVEL == {"error": "error", "warning": "warning", "info": "note"}


def test_github_annotations_carry_the_span_and_level(found):
    out = io.StringIO()
    render_github(found, RULES, out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("::error file=doc.md,line=3,col=19,endLine=3,endColumn=32,title=FM001 [")
    assert lines[1].startswith(f"::warning file=doc.md,line=7,col={found[1].col},endLine=7,endColumn={found[1].end_col},")
    assert lines[2].startswith("::notice file=doc.md,line=5,col=10,endLine=5,endColumn=11,title=TY002 [")
    assert GITHUB_LEVEL == {"error": "error", "warning": "warning", "info": "notice"}


def test_text_and_junit_name_the_start(found):
    out = io.StringIO()
    render_text(found, RULES, out)
    assert out.getvalue().splitlines()[0].startswith("doc.md:3:19: FM001 [")
    out = io.StringIO()
    render_junit(found, RULES, out, paths=["doc.md", "clean.md"])
    root = ET.fromstring(out.getvalue().split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures")) == ("4", "3")
    cases = root.findall("testsuite[@name='doc.md']/testcase")
    assert [c.get("name").split(" ")[0] for c in cases] == ["FM001", "FM007", "TY002"]
    assert cases[0].get("name").endswith(" 3:19") and cases[0].find("failure").get("type") == "error"
    assert cases[2].find("failure").get("type") == "info"
    assert cases[0].find("failure").text.startswith("doc.md:3:19: FM001 [")
    assert root.find("testsuite[@name='clean.md']/testcase").get("name") == "no findings"


def test_a_fix_replaces_exactly_the_span():
    (f,) = lint("### 1. 问？\n\n**答案：** 用<|im_end|>结束。\n", ("FM001",))
    assert (f.fix.line, f.fix.col, f.fix.end_col) == (3, 10, 20) == (f.line, f.col, f.end_col)
    log = sarif_log([f], RULES)
    region = log["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert region == {"startLine": 3, "startColumn": 10, "endLine": 3, "endColumn": 20}


# -------------------------------------------------------------------------------------- suppressions

LEAKS = "### 1. 问？\n\n**答案：** 第一行<|a|>\n\n{comment}\n\n\n第二行<|b|>\n\n第三行<|c|>\n"


def codes_lines(text: str, select=("FM001", "FM007", "QA900")) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in lint(text, select))


def test_disable_next_line_skips_blank_lines_and_covers_one_line():
    text = LEAKS.format(comment="<!-- qatool: disable-next-line=FM001 -->")
    # the comment is on line 5; lines 6 and 7 are blank; line 8 is the next line; line 10 is not covered
    assert codes_lines(text) == [("FM001", 3), ("FM001", 10)]


def test_disable_next_line_at_the_end_of_a_document_suppresses_nothing():
    text = "### 1. 问？\n\n**答案：** 好<|a|>\n\n<!-- qatool: disable-next-line=FM001 -->\n"
    assert codes_lines(text) == [("FM001", 3), ("QA900", 5)]


def test_enable_closes_only_the_disables_it_names():
    text = ("### 1. 问？\n\n**答案：** 好。\n\n"
            "<!-- qatool: disable=FM007 -->\n"           # 5
            "<!-- qatool: disable=FM001 -->\n"           # 6
            "感谢大家的阅读！<|a|>\n"                    # 7: both suppressed
            "<!-- qatool: enable=FM001 -->\n"            # 8: closes FM001 only
            "感谢大家的阅读！<|b|>\n"                    # 9: FM001 reported, FM007 still suppressed
            "<!-- qatool: enable=FM007 -->\n"            # 10
            "感谢大家的阅读！\n")                        # 11: FM007 reported
    assert codes_lines(text) == [("FM001", 9), ("FM007", 11)]


def test_suppression_ranges_are_exact():
    from qatool.lint.document import load_doc

    text = ("### 1. 问？\n\n<!-- qatool: disable=FM007,FM001 -->\n正文。\n<!-- qatool: enable=FM001 -->\n"
            "<!-- qatool: disable -->\n正文。\n<!-- qatool: enable -->\n<!-- qatool: disable-next-line -->\n\n正文。\n正文。\n")
    doc = load_doc(text, "d.md")
    got = [(s.kind, s.codes, s.line, s.first, s.last, s.col, s.end_col) for s in suppressions(doc)]
    assert got == [
        ("disable", ("FM007", "FM001"), 3, 3, 5, 1, 37),  # enable=FM001 names one of its codes: closed
        ("disable", None, 6, 6, 8, 1, 25),
        ("disable-next-line", None, 9, 11, 11, 1, 35),
    ]


def test_an_unused_suppression_is_reported_at_its_comment():
    text = "### 1. 问？\n\n**答案：** 好。\n\n<!-- qatool: disable-next-line=FM001 -->\n正常的一行。\n"
    (f,) = lint(text, ("FM001", "QA900"))
    assert (f.code, f.line, f.col, f.end_col) == ("QA900", 5, 1, 41)


def test_suppression_edges():
    """Comments in code are not suppressions; codes are split on commas with spaces; rule names
    and upper-case prefixes select; a second enable does not reopen what the first one closed; the
    comment's own line is in its range."""
    text = ("### 1. 问？\n\n"
            "```\n<!-- qatool: disable=FM001 -->\n```\n"                                # 3-5: in code, nothing
            "正文<|a|>\n"                                                                 # 6: reported
            "<|b|> <!-- qatool: disable= FM001 , FM007 -->\n"                             # 7: own line suppressed
            "感谢大家的阅读！<|c|>\n"                                                     # 8: both suppressed
            "<!-- qatool: enable=FM001,FM007 --><|d|>\n"                                  # 9: still in range
            "<|e|>\n"                                                                     # 10: reported
            "<!-- qatool: enable=FM001 -->\n"                                             # 11: closes nothing more
            "<|f|>\n"                                                                     # 12: reported
            "<!-- qatool: disable-next-line=leaked-special-token -->\n<|g|>\n"           # 13-14: by name
            "<!-- qatool: disable-next-line=fm -->\n<|h|>\n"                             # 15-16: lower-case prefix: no (and said)
            "<!-- qatool: disable-next-line=FM -->\n<|i|>\n")                            # 17-18: prefix FM
    assert codes_lines(text) == [("FM001", 6), ("FM001", 10), ("FM001", 12), ("FM001", 16), ("QA900", 15)]


def test_a_bare_disable_is_closed_by_any_enable_and_next_line_means_the_next_line():
    text = ("### 1. 问？\n\n"
            "<!-- qatool: disable -->\n<|a|>\n<!-- qatool: enable=FM007 -->\n<|b|>\n"   # 3-6
            "<!-- qatool: disable-next-line=FM001 -->\n<|c|>\n<|d|>\n"                    # 7-9
            "  <!-- qatool: disable-next-line=FM001 -->\n"                               # 10: suppresses nothing
            "<!-- qatool: disable=FM001 -->\n<|e|>\n\n<|f|>\n")                           # 11-14: unclosed, to the end
    assert codes_lines(text) == [("FM001", 6), ("FM001", 9), ("QA900", 10)]
    (unused,) = [f for f in lint(text, ("FM001", "QA900")) if f.code == "QA900"]
    assert (unused.col, unused.end_col) == (3, 43)
    assert "FM001" in unused.message


# --------------------------------------------------------------------------------- whole documents

def _findings():
    from qatool.lint.model import Finding, Fix

    rules = {r.code: r for r in RULES}
    fm001, fc101 = rules["FM001"], rules["FC101"]
    return [
        Finding("FM001", fm001.name, "error", "泄漏 <|a|>", "d/a,b.md", 3, 5, 3, 10, "r1", Fix(3, 5, 10, ""), "fp1"),
        Finding("FC101", fc101.name, "warning", "消息\n第二行 50%", "/abs/路径 x.md", 7, 2, 7, 9, None, None, "fp2"),
    ]


def test_sarif_log_in_full():
    fs = _findings()
    log = sarif_log(fs, [r for r in RULES if r.code in ("FC101", "FM001")])
    run = log["runs"][0]
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "qatool" and driver["informationUri"].startswith("https://")
    from qatool.common.version import __version__

    assert driver["version"] == __version__
    rules = {r.code: r for r in RULES}
    assert [r["id"] for r in driver["rules"]] == ["FC101", "FM001"]
    r0 = driver["rules"][1]
    fm = rules["FM001"]
    assert r0 == {
        "id": "FM001", "name": fm.name,
        "shortDescription": {"text": f"{fm.name}: {fm.docs.what}"}, "fullDescription": {"text": fm.docs.what},
        "help": {"text": f"{fm.docs.why}\n\n错误示例：{fm.docs.fail}\n正确示例：{fm.docs.passing}"},
        "defaultConfiguration": {"level": "error", "enabled": True}, "properties": {"kind": fm.kind},
    }
    assert run["results"][0] == {
        "ruleId": "FM001", "level": "error", "message": {"text": "泄漏 <|a|>"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "d/a%2Cb.md", "uriBaseId": "SRCROOT"},
                                            "region": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 10}}}],
        "partialFingerprints": {"qatool/v1": "fp1"}, "ruleIndex": 1, "properties": {"record_id": "r1"},
        "fixes": [{"description": {"text": "qatool --fix"}, "artifactChanges": [{
            "artifactLocation": {"uri": "d/a%2Cb.md", "uriBaseId": "SRCROOT"},
            "replacements": [{"deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 10},
                              "insertedContent": {"text": ""}}]}]}],
    }
    second = run["results"][1]
    assert second["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///abs/%E8%B7%AF%E5%BE%84%20x.md"}
    assert second["level"] == "warning" and second["ruleIndex"] == 0
    assert "properties" not in second and "fixes" not in second
    assert "ruleIndex" not in sarif_log(fs, [rules["FC101"]])["runs"][0]["results"][0]
    out = io.StringIO()
    RENDERERS["sarif"](fs, RULES, out)
    assert json.loads(out.getvalue()) == sarif_log(fs, RULES) and out.getvalue().endswith("}\n")
    assert "泄漏" in out.getvalue()  # not \\u-escaped


def test_github_text_json_junit_in_full():
    fs = _findings()
    out = io.StringIO()
    render_github(fs, RULES, out)
    assert out.getvalue() == (
        f"::error file=d/a%2Cb.md,line=3,col=5,endLine=3,endColumn=10,title=FM001 [{fs[0].name}]::泄漏 <|a|>\n"
        f"::warning file=/abs/路径 x.md,line=7,col=2,endLine=7,endColumn=9,title=FC101 [{fs[1].name}]::消息%0A第二行 50%25\n")
    out = io.StringIO()
    render_text(fs, RULES, out)
    assert out.getvalue() == (f"d/a,b.md:3:5: FM001 [{fs[0].name}] 泄漏 <|a|>\n"
                              f"/abs/路径 x.md:7:2: FC101 [{fs[1].name}] 消息\n第二行 50%\n")
    out = io.StringIO()
    RENDERERS["json"](fs, RULES, out)
    assert out.getvalue().endswith("]\n") and "泄漏" in out.getvalue() and '\n  {\n    "code"' in out.getvalue()
    assert json.loads(out.getvalue()) == [f.as_dict() for f in fs]
    out = io.StringIO()
    render_junit(fs, RULES, out)
    text = out.getvalue()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="qatool" tests="2" failures="2">\n  <testsuite')
    assert text.endswith("</testsuites>\n")
    root = ET.fromstring(text.split("\n", 1)[1])
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [("/abs/路径 x.md", "1", "1"), ("d/a,b.md", "1", "1")]
    case = suites[1].find("testcase")
    assert case.attrib == {"name": f"FM001 [{fs[0].name}] 3:5", "classname": "d/a,b.md"}
    assert case.find("failure").attrib == {"message": "泄漏 <|a|>", "type": "error"}
    assert case.find("failure").text == f"d/a,b.md:3:5: FM001 [{fs[0].name}] 泄漏 <|a|>"
    out = io.StringIO()
    render_junit([], RULES, out, paths=["ok.md"])
    root = ET.fromstring(out.getvalue().split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures")) == ("1", "0")
    assert suite.find("testcase").attrib == {"name": "no findings", "classname": "ok.md"}


def test_suppression_comments_on_fence_lines_or_at_the_edges_of_a_document():
    """A comment in a fence's info string is code, not a suppression; a disable-next-line whose
    next non-blank line is the document's last line covers it; one with nothing after it covers
    nothing, not the line before it."""
    fence = ("### 1. 问？\n\n**答案：** 好。\n\n"
             "```text <!-- qatool: disable=FM001 -->\nprint(1)\n```\n"   # 5-7: the comment is the fence's info string
             "正文<|a|>\n")                                                # 8: reported
    assert codes_lines(fence) == [("FM001", 8)]
    last = "### 1. 问？\n\n**答案：** 好。\n\n<!-- qatool: disable-next-line=FM001 -->\n\n正文<|a|>\n"
    assert codes_lines(last) == [] and codes_lines(last.rstrip("\n")) == []
    before = "### 1. 问？\n\n**答案：** 好<|a|>\n<!-- qatool: disable-next-line=FM001 -->\n"
    assert codes_lines(before) == [("FM001", 3), ("QA900", 4)]
