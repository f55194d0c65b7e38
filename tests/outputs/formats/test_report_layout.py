"""Reports lead with a summary paragraph and the errors; `--severity` and `--rule` filter; the decisions the
template leaves open (`[[decide: ...]]`) are counted per document and in total."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import TODAY, run
from scaffold import scaffold

DECIDE = re.compile(r"\[\[decide:[^\]]*\]\]")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new 27001 + 9001 repository (gaps are warnings) with two errors: an unknown clause and an owner."""
    root = scaffold(tmp_path_factory.mktemp("layout") / "acme", "iso27001-2022", "iso9001-2015",
                    organization="Acme Ltd")
    policy = root / "docs/policies/backup.md"
    text = policy.read_text(encoding="utf-8")
    text = re.sub(r"\nowner: [^\n]+\n", "\nowner: nobody-here\n", text, count=1)
    policy.write_text(text, encoding="utf-8")
    manual = root / "docs/manual/scope-and-context.md"
    text = manual.read_text(encoding="utf-8")
    manual.write_text(text.replace('"4.3"', '"4.3", "4.99"', 1), encoding="utf-8")
    return root


def check(root: Path, *args: str) -> tuple[int, str]:
    result = run("check", str(root), "--today", TODAY, *args)
    assert result.code in (0, 1), result.err
    return result.code, result.out


def test_the_text_report_leads_with_the_summary_and_the_errors(repository: Path):
    code, out = check(repository)
    everything = json.loads(check(repository, "--format", "json")[1])
    errors = [f for f in everything["findings"] if f["severity"] == "error"]
    warnings = [f for f in everything["findings"] if f["severity"] == "warning"]
    assert code == 1 and len(errors) == 2 and len(warnings) > 30
    lines = out.splitlines()
    assert lines[0].startswith(f"isodocs check: 2 errors and {len(warnings)} warnings")
    assert "iso27001-2022 0/106" in lines[0] and "decisions are still open" in lines[0]
    severities = [m.group(1) for m in (re.match(r"\s+(?:\d+|-)\s+(error|warning)\s", line) for line in lines) if m]
    assert severities == ["error"] * 2 + ["warning"] * len(warnings)
    assert lines.index(next(line for line in lines if line.startswith("Errors (2)"))) < \
        lines.index(next(line for line in lines if line.startswith("Warnings (")))


def test_the_markdown_report_leads_with_the_summary_and_the_errors(repository: Path):
    _, out = check(repository, "--format", "markdown")
    paragraphs = out.split("\n\n")
    assert paragraphs[0].startswith("## isodocs check") and paragraphs[1].startswith("isodocs check: 2 errors")
    first_error = out.index("| error |")
    assert first_error < out.index("| Standard | Required |") < out.index("| warning |")


def test_severity_and_rule_filter_what_is_reported_and_the_exit_code(repository: Path):
    code, out = check(repository, "--format", "json", "--severity", "error")
    assert code == 1 and {f["severity"] for f in json.loads(out)["findings"]} == {"error"}
    code, out = check(repository, "--format", "json", "--rule", "clause-unknown", "--rule", "edition-superseded")
    assert code == 1 and {f["rule"] for f in json.loads(out)["findings"]} == {"clause-unknown", "edition-superseded"}
    code, out = check(repository, "--rule", "edition-superseded")
    assert code == 0 and "Shown: --rule edition-superseded." in out.splitlines()[0]
    code, out = check(repository, "--severity", "error", "--rule", "edition-superseded")
    assert code == 0 and "0 errors and 0 warnings" in out
    wrong = run("check", str(repository), "--rule", "clause-unknwn")
    assert wrong.code == 2 and "clause-unknown" in wrong.err and "Traceback" not in wrong.err


def test_open_decisions_are_counted_per_document_and_in_total(repository: Path):
    expected = {}
    for path in (repository / "docs").rglob("*.md"):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        if DECIDE.search(body):
            expected[path.relative_to(repository).as_posix()] = len(DECIDE.findall(body))
    report = json.loads(check(repository, "--format", "json")[1])["open_decisions"]
    assert {d["path"]: d["count"] for d in report["documents"]} == expected
    assert report["total"] == sum(expected.values()) > 100
    _, text = check(repository)
    assert f"Open decisions ({report['total']}): " in text
    _, markdown = check(repository, "--format", "markdown")
    assert f"Open decisions ({report['total']}): " in markdown
    assert all(f"{d['id']} ({d['count']})" in text for d in report["documents"])
