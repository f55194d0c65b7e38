"""`isodocs approve` and `isodocs review`: segregation of duties, who reviewed, and no dates ahead of today."""

from __future__ import annotations

import json
from pathlib import Path

import git
from conftest import TODAY, commit_all, run

MANUAL = "docs/policies/controls-manual.md"


def check(root: Path) -> list[tuple[str, str]]:
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
    return [(f["rule"], f["path"]) for f in report["findings"]]


def test_another_role_cannot_approve_without_asking_to_become_the_approver(clean: Path):
    before = (clean / MANUAL).read_bytes()
    result = run("approve", "MAN-IS-001", "--by", "it-lead", "--today", TODAY, "--path", str(clean))
    assert result.code == 2 and "approved by Alex Morgan (ceo), not it-lead" in result.err
    assert "--change-approver" in result.err and len(result.err.strip().splitlines()) == 1
    assert (clean / MANUAL).read_bytes() == before
    result = run("approve", "MAN-IS-001", "--by", "it-lead", "--change-approver", "--today", TODAY,
                 "--path", str(clean))
    assert result.code == 0, result.err
    text = (clean / MANUAL).read_text()
    assert "approver: it-lead\n" in text and 'version: "1.1"' in text and "reviewed_by: it-lead\n" in text
    diff = json.loads(run("diff", "HEAD", "--format", "json", "--today", TODAY, "--path", str(clean)).out)
    assert diff["documents"][0]["approver_change"] == {"from": "ceo", "to": "it-lead"}


def test_an_owner_cannot_approve_their_own_document_unless_the_repository_allows_it(clean: Path):
    manual = clean / MANUAL
    manual.write_text(manual.read_text().replace("owner: ciso", "owner: ceo"))
    before = manual.read_bytes()
    result = run("approve", "MAN-IS-001", "--by", "ceo", "--today", TODAY, "--path", str(clean))
    assert result.code == 2 and "ceo owns MAN-IS-001" in result.err and "allow_self_approval" in result.err
    assert manual.read_bytes() == before
    assert ("approval-self", MANUAL) in check(clean)
    config = clean / "isodocs.yml"
    config.write_text(config.read_text() + "approvals: {allow_self_approval: true}\n")
    assert run("approve", "MAN-IS-001", "--by", "ceo", "--today", TODAY, "--path", str(clean)).code == 0
    assert ("approval-self", MANUAL) not in check(clean)


def test_dates_after_today_are_refused_and_today_can_be_given(clean: Path):
    manual = clean / MANUAL
    before = manual.read_bytes()
    for command in (["review", "MAN-IS-001", "--by", "ciso"], ["approve", "MAN-IS-001", "--by", "ceo"]):
        result = run(*command, "--date", "2026-11-22", "--today", TODAY, "--path", str(clean))
        assert result.code == 2 and "2026-11-22 is in the future (today is 2026-11-21)" in result.err, result.err
        assert manual.read_bytes() == before
        assert run(*command, "--date", "2026-11-22", "--today", "2026-11-22", "--path", str(clean)).code == 0
        manual.write_bytes(before)
    result = run("review", "MAN-IS-001", "--by", "ciso", "--date", "2999-01-01", "--path", str(clean))
    assert result.code == 2 and "in the future" in result.err


def test_add_records_the_day_a_document_is_begun_and_refuses_a_later_one(clean: Path):
    added = clean / "docs/policies/dated.md"
    command = ["add", "policy", "Dated", "--owner", "ciso", "--path", str(clean)]
    result = run(*command, "--date", "2026-11-22", "--today", TODAY)
    assert result.code == 2 and result.err.count("\n") <= 2, result.err
    assert "--date 2026-11-22 is in the future (today is 2026-11-21)" in result.err and not added.exists()
    assert run(*command, "--today", TODAY).code == 0
    assert "created: 2026-11-21\n" in added.read_text()
    added.unlink()
    assert run(*command, "--date", "2026-11-01", "--today", TODAY).code == 0
    assert "created: 2026-11-01\n" in added.read_text()
    report = json.loads(run("check", str(clean), "--format", "json", "--today", TODAY).out)
    assert report["findings"] == []  # the schema knows `created`
    manual = clean / MANUAL  # and a later change of it is metadata, not a change of the approved text
    manual.write_text(manual.read_text().replace("classification: internal",
                                                 "classification: internal\ncreated: 2025-01-01"))
    commit_all(git.Repo(clean), "Record when the manual was begun")
    report = json.loads(run("check", str(clean), "--format", "json", "--today", TODAY).out)
    assert report["findings"] == []


def test_a_review_records_who_made_it_and_stays_a_metadata_change(clean: Path):
    assert run("review", "MAN-IS-001", "--by", "ciso", "--date", TODAY, "--today", TODAY, "--path",
               str(clean)).code == 0
    text = (clean / MANUAL).read_text()
    assert f"last_reviewed: {TODAY}\nreviewed_by: ciso\n" in text
    commit_all(git.Repo(clean), "Review the manual")
    assert check(clean) == []
    assert "ciso" in run("review", "MAN-IS-001", "--by", "cfo", "--path", str(clean)).err
    manual = clean / MANUAL
    manual.write_text(manual.read_text().replace("reviewed_by: ciso", "reviewed_by: cfo"))
    assert check(clean) == [("owner-unknown", MANUAL)]
