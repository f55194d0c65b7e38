"""`isodocs diff` on real branches: documents, versions, approvals, coverage, readiness, reviewers."""

from __future__ import annotations

import json
from pathlib import Path

import git
from conftest import TODAY, commit_all, run


def edit(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    target.write_text(target.read_text().replace(old, new, 1))


def diff(root: Path, *args: str, code: int = 0) -> dict:
    result = run("diff", *args, "--format", "json", "--today", TODAY, "--path", str(root))
    assert result.code == code, result.err
    return json.loads(result.out)


def test_diff_between_branches(clean: Path):
    repo = git.Repo(clean)
    repo.git.checkout("-b", "feature")
    edit(clean, "docs/policies/controls-manual.md", "every quarter", "every month")
    (clean / "docs/plans").mkdir(exist_ok=True)
    repo.git.mv("docs/procedures/objectives.md", "docs/plans/objectives.md")
    edit(clean, "docs/procedures/competence.md", 'version: "1.0"', 'version: "1.1"')
    edit(clean, "docs/procedures/competence.md", "approved: 2026-06-01", "approved: 2026-11-20")
    edit(clean, "docs/procedures/competence.md", "training records", "training and awareness records")
    (clean / "docs/procedures/management-review.md").unlink()
    commit_all(repo, "Feature")
    report = diff(clean, "main", "feature", code=1)
    assert [(f["rule"], f["path"], f["severity"]) for f in report["findings"]] == [
        ("approval-removed", "docs/procedures/management-review.md", "error")]
    by_id = {d["id"]: d for d in report["documents"]}
    assert set(by_id) == {"MAN-IS-001", "PLN-IS-001", "PRO-IS-002", "PRO-IS-006"}
    assert by_id["MAN-IS-001"]["change"] == "changed" and by_id["MAN-IS-001"]["unapproved_change"] is True
    assert by_id["PLN-IS-001"]["change"] == "renamed"
    assert by_id["PLN-IS-001"]["old_path"] == "docs/procedures/objectives.md"
    assert by_id["PRO-IS-002"]["unapproved_change"] is False
    assert (by_id["PRO-IS-002"]["old_version"], by_id["PRO-IS-002"]["new_version"]) == ("1.0", "1.1")
    assert by_id["PRO-IS-006"]["change"] == "removed"
    assert [(c["id"], c["before"], c["after"]) for c in report["clauses"]] == [("9.3.3", "covered", "uncovered")]
    assert report["readiness"]["iso27001-2022"] == {"before": {"required": 106, "covered": 106, "percent": 100.0},
                                                    "after": {"required": 106, "covered": 105, "percent": 99.1}}
    assert "Sam Lee (@example/security)" in report["reviewers"]


def test_diff_against_the_working_tree_in_markdown(clean: Path):
    edit(clean, "docs/procedures/management-review.md", "status: approved", "status: draft")
    result = run("diff", "HEAD", "--today", TODAY, "--path", str(clean))
    assert result.code == 0
    assert "| changed | PRO-IS-006 Management review" in result.out
    assert "| iso27001-2022 | 9.3.3 Management review results | covered | drafts only |" in result.out
    assert "Alex Morgan (@alex)" in result.out


def test_diff_with_an_unknown_revision_is_unusable(clean: Path):
    result = run("diff", "no-such-branch", "--path", str(clean))
    assert result.code == 2 and "cannot read no-such-branch" in result.err


def test_retiring_before_deleting_passes_and_deleting_an_approved_document_fails(clean: Path):
    repo = git.Repo(clean)
    path = "docs/procedures/management-review.md"
    (clean / path).unlink()
    result = run("diff", "HEAD", "--today", TODAY, "--path", str(clean))
    assert result.code == 1
    assert "### Errors" in result.out and "`approval-removed`" in result.out and "PRO-IS-006" in result.out
    repo.git.checkout("--", path)
    edit(clean, path, "status: approved", "status: retired")
    commit_all(repo, "Retire the management review procedure")
    (clean / path).unlink()
    assert run("diff", "HEAD", "--today", TODAY, "--path", str(clean)).code == 0


def test_a_change_of_owner_or_approver_is_named_with_who_must_agree(clean: Path):
    edit(clean, "docs/procedures/competence.md", "approver: ceo", "approver: it-lead")
    edit(clean, "docs/procedures/operations.md", "owner: it-lead", "owner: ciso")
    report = diff(clean, "HEAD")
    by_id = {d["id"]: d for d in report["documents"]}
    assert by_id["PRO-IS-002"]["approver_change"] == {"from": "ceo", "to": "it-lead"}
    assert by_id["PRO-IS-002"]["agree"] == ["Alex Morgan (@alex)", "Kim Park (@kim)"]
    assert by_id["PRO-IS-002"]["metadata"] is False
    assert by_id["PRO-IS-004"]["owner_change"] == {"from": "it-lead", "to": "ciso"}
    assert by_id["PRO-IS-004"]["agree"] == ["Kim Park (@kim)", "Sam Lee (@example/security)", "Alex Morgan (@alex)"]
    out = run("diff", "HEAD", "--today", TODAY, "--path", str(clean)).out
    assert "approver: ceo → it-lead — ⚠️ to be agreed by Alex Morgan (@alex), Kim Park (@kim)" in out
    assert "owner: it-lead → ciso" in out and "| metadata" not in out



def test_a_russian_repository_gets_its_pull_request_summary_in_russian(clean: Path):
    edit(clean, "isodocs.yml", "language: en", "language: ru")
    commit_all(git.Repo(clean), "Russian")
    edit(clean, "docs/procedures/management-review.md", "status: approved", "status: draft")
    result = run("diff", "HEAD", "--today", TODAY, "--path", str(clean))
    assert result.code == 0
    assert "## isodocs: что делает это изменение (`HEAD` → рабочая копия)" in result.out
    assert "| Изменение | Документ | Версия | Что изменилось |" in result.out
    assert "| изменён | PRO-IS-006 Management review" in result.out
    assert "| iso27001-2022 | 9.3.3 Результаты анализа со стороны руководства | выполнено | только проекты |" \
        in result.out
    assert "### Готовность" in result.out and "### Нужна проверка" in result.out
