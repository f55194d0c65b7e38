"""Stage, per-rule severities, `off`, `--strict` and `--today`."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import TODAY, make_repo, run


def set_config(root: Path, old: str, new: str) -> None:
    path = root / "isodocs.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def check(root: Path, *extra: str) -> tuple[int, dict]:
    result = run("check", str(root), "--format", "json", "--today", TODAY, *extra)
    return result.code, json.loads(result.out)


def test_gaps_are_warnings_in_preparation_and_errors_once_certified(tmp_path: Path):
    root = make_repo(tmp_path)
    (root / "docs/procedures/management-review.md").unlink()
    code, report = check(root)
    assert code == 1
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("clause-uncovered", "error")]
    set_config(root, "stage: certified", "stage: preparation")
    code, report = check(root)
    assert code == 0
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == \
        [("clause-uncovered", "warning"), ("stage-not-certified", "warning")]   # the certificate is issued
    assert report["readiness"]["iso27001-2022"] == {"required": 106, "covered": 105, "percent": 99.1}
    assert check(root, "--strict")[0] == 1


def test_rules_in_config_change_severity_or_turn_a_rule_off(tmp_path: Path):
    root = make_repo(tmp_path)
    (root / "docs/procedures/management-review.md").unlink()
    set_config(root, "defaults:", "rules:\n  clause-uncovered: warning\ndefaults:")
    assert check(root)[0] == 0
    set_config(root, "clause-uncovered: warning", "clause-uncovered: off")
    code, report = check(root, "--strict")
    assert (code, report["findings"]) == (0, [])


def test_today_moves_reviews_from_current_to_due_soon_to_overdue(tmp_path: Path):
    root = make_repo(tmp_path)

    def rules(day: str) -> set[str]:
        report = json.loads(run("check", str(root), "--format", "json", "--today", day).out)
        return {f["rule"] for f in report["findings"]}

    assert rules("2027-02-01") == set()
    assert "review-due-soon" in rules("2027-05-15") and "review-overdue" not in rules("2027-05-15")
    assert {"review-overdue", "clause-uncovered"} <= rules("2027-06-02")


def test_review_interval_on_a_document_overrides_the_default(tmp_path: Path):
    root = make_repo(tmp_path)
    path = root / "docs/procedures/objectives.md"
    path.write_text(path.read_text().replace("classification: internal",
                                             "review_interval: 3 months\nclassification: internal"))
    _code, report = check(root)
    overdue = [f for f in report["findings"] if f["rule"] == "review-overdue"]
    assert [f["path"] for f in overdue] == ["docs/procedures/objectives.md"]
    assert "2026-09-01" in overdue[0]["message"]


def test_future_dates_are_schema_findings(tmp_path: Path):
    root = make_repo(tmp_path)
    code, report = check(root, "--today", "2026-05-01")
    assert code == 1
    assert {f["rule"] for f in report["findings"]} == {"schema-invalid"}
    assert all("in the future" in f["message"] for f in report["findings"])


def test_bad_today_is_a_usage_error(tmp_path: Path):
    result = run("check", str(tmp_path), "--today", "2026-02-30")
    assert result.code == 2 and "not a date" in result.err


def test_a_folder_that_is_not_git_is_checked_and_says_so(tmp_path: Path):
    import shutil

    from conftest import FIXTURES
    root = tmp_path / "plain"
    shutil.copytree(FIXTURES / "clean", root)
    result = run("check", str(root), "--today", TODAY)
    assert result.code == 0
    assert "not a git repository: the approvals of 15 approved documents were not verified" in result.out
    assert "[history-skipped]" in result.out
    assert run("check", str(root), "--today", TODAY, "--strict").code == 1


def test_a_placeholder_wrapped_over_two_lines_is_found_at_its_first_line(tmp_path: Path):
    root = make_repo(tmp_path)
    path = root / "docs/procedures/objectives.md"
    path.write_text(path.read_text() + "Kept for [[decide: retention,\n  e.g. five years]].\n\n```\n[[example]]\n```\n")
    _code, report = check(root)
    lines = path.read_text().split("\n")
    found = [f for f in report["findings"] if f["rule"] == "placeholder-left"]
    assert [f["line"] for f in found] == [next(i for i, t in enumerate(lines, 1) if "[[decide" in t)]
    assert "'[[decide: retention, e.g. five years]]'" in found[0]["message"]


def test_links_in_code_are_not_checked_and_reference_links_are(tmp_path: Path):
    root = make_repo(tmp_path)
    path = root / "docs/procedures/objectives.md"
    path.write_text(path.read_text() + "Plain [a](gone-a.md).\n\n[ref]: gone-b.md\n")
    coded = root / "docs/procedures/operations.md"
    coded.write_text(coded.read_text() + "Code `[x](gone-c.md)` and\n\n```\n[y](gone-d.md)\n```\n\n[z](gone-e.md)\n")
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY, "--strict").out)
    broken = sorted((f["path"], f["message"].split("'")[1]) for f in report["findings"] if f["rule"] == "link-broken")
    assert broken == [("docs/procedures/objectives.md", "gone-a.md"), ("docs/procedures/objectives.md", "gone-b.md"),
                      ("docs/procedures/operations.md", "gone-e.md")]
    lines = path.read_text().split("\n")
    found = {f["message"].split("'")[1]: f["line"] for f in report["findings"] if f["rule"] == "link-broken"}
    assert lines[found["gone-a.md"] - 1].startswith("Plain [a]") and lines[found["gone-b.md"] - 1] == "[ref]: gone-b.md"
