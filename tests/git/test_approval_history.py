"""Approvals judged along the commit graph, on real git repositories: merges, reverts, deletions, renames,
shallow clones and skipped history."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import git
import pytest
from conftest import TODAY, commit_all, move_in_a_draft, run

MANUAL = "docs/policies/controls-manual.md"
APPROVE_1_1 = (('version: "1.0"', 'version: "1.1"'), ("approved: 2026-06-01", "approved: 2026-11-02"))


def edit(root: Path, path: str, *pairs: tuple[str, str]) -> None:
    target = root / path
    text = target.read_text()
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    target.write_text(text)


def findings(root: Path, *extra: str) -> list[tuple[str, str]]:
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY, *extra).out)
    return [(f["rule"], f["path"]) for f in report["findings"]]


def commit_dated(repo: git.Repo, message: str, when: str) -> None:
    repo.git.add(A=True)
    actor = git.Actor("Sam Lee", "sam@example.com")
    repo.index.commit(message, author=actor, committer=actor, author_date=when, commit_date=when)


def test_an_edit_on_a_side_branch_dated_before_the_approval_but_merged_after_it_is_a_change(clean: Path):
    repo = git.Repo(clean)
    trunk = repo.active_branch
    repo.create_head("early-edit").checkout()
    edit(clean, MANUAL, ("every quarter", "every month"))
    commit_dated(repo, "Monthly access reviews (never approved)", "2026-10-01T10:00:00")
    trunk.checkout()
    edit(clean, MANUAL, *APPROVE_1_1, ("per control theme.", "per control theme, as approved."))
    commit_dated(repo, "Approve the manual 1.1", "2026-11-02T10:00:00")
    assert findings(clean) == []
    repo.git.merge("early-edit", "--no-ff", "-m", "Merge the early edit")
    assert findings(clean) == [("changed-since-approval", MANUAL)]
    out = run("check", str(clean), "--today", TODAY).out
    assert "Merge the early edit" in out or "Monthly access reviews" in out


def test_an_approval_made_on_a_side_branch_covers_its_own_text_only(clean: Path):
    repo = git.Repo(clean)
    trunk = repo.active_branch
    repo.create_head("approval").checkout()
    edit(clean, MANUAL, *APPROVE_1_1)
    commit_all(repo, "Approve the manual 1.1")
    trunk.checkout()
    edit(clean, MANUAL, ("every quarter", "every month"))
    commit_all(repo, "Monthly access reviews on trunk")
    assert findings(clean) == [("changed-since-approval", MANUAL)]
    repo.git.merge("approval", "--no-ff", "-m", "Merge the approval")
    # The approval of 1.1 saw the quarterly text; the merged text is monthly: still a change.
    assert findings(clean) == [("changed-since-approval", MANUAL)]


def test_git_revert_back_to_the_approved_text_is_no_change(clean: Path):
    repo = git.Repo(clean)
    edit(clean, MANUAL, ("every quarter", "every month"))
    commit_all(repo, "Monthly access reviews")
    assert findings(clean) == [("changed-since-approval", MANUAL)]
    repo.git.revert("--no-edit", "HEAD")
    assert findings(clean) == []
    edit(clean, MANUAL, ("every quarter", "every week"))
    assert findings(clean) == [("changed-since-approval", MANUAL)]
    edit(clean, MANUAL, ("every week", "every quarter"))  # undone by hand, uncommitted
    assert findings(clean) == []


def test_a_document_deleted_and_added_again_needs_a_new_approval(clean: Path):
    repo = git.Repo(clean)
    text = (clean / MANUAL).read_text()
    (clean / MANUAL).unlink()
    commit_all(repo, "Remove the manual")
    (clean / MANUAL).write_text(text.replace("every quarter", "every month"))
    commit_all(repo, "Add the manual again, edited")
    assert findings(clean) == [("changed-since-approval", MANUAL)]
    message = json.loads(run("check", str(clean), "--format", "json", "--today", TODAY).out)["findings"][0]["message"]
    assert "deleted and added again" in message
    # Even the very text that was approved before needs its approval again in a new life.
    (clean / MANUAL).write_text(text)
    commit_all(repo, "Restore the old text")
    assert findings(clean) == [("changed-since-approval", MANUAL)]
    assert run("approve", "MAN-IS-001", "--by", "ceo", "--date", TODAY, "--today", TODAY, "--path",
               str(clean)).code == 0
    commit_all(repo, "Approve the manual again")
    assert findings(clean) == []


def test_a_rename_keeps_the_approval_only_while_the_text_is_unchanged(clean: Path):
    repo = git.Repo(clean)
    renamed = "docs/policies/security-controls.md"
    repo.git.mv(MANUAL, renamed)
    commit_all(repo, "Rename the manual")
    assert findings(clean) == [("link-broken", "docs/policies/information-security-policy.md")]
    repo.git.mv(renamed, MANUAL)
    edit(clean, MANUAL, ("every quarter", "every month"))
    commit_all(repo, "Rename back, with an edit")
    assert findings(clean) == [("changed-since-approval", MANUAL)]


def shallow_clone(source: Path, target: Path, depth: int = 1) -> Path:
    subprocess.run(["git", "clone", "-q", "--depth", str(depth), f"file://{source}", str(target)], check=True)
    return target


@pytest.fixture
def shallow_branch(clean: Path, tmp_path: Path) -> Path:
    """A depth-1 clone of a branch that edits an approved policy without approving it."""
    repo = git.Repo(clean)
    repo.create_head("edit").checkout()
    edit(clean, MANUAL, ("every quarter", "every month"))
    commit_all(repo, "Monthly access reviews")
    return shallow_clone(clean, tmp_path / "shallow")


FIXES = ("fetch-depth: 0", "GIT_DEPTH: 0", "git fetch --unshallow")


def test_a_shallow_clone_fails_with_the_fix_in_every_format(shallow_branch: Path):
    root = shallow_branch
    assert findings(root) == [("history-missing", "isodocs.yml")]
    outputs = {}
    for fmt in ("text", "json", "junit", "sarif", "github", "markdown", "codequality"):
        result = run("check", str(root), "--format", fmt, "--today", TODAY)
        assert result.code == 1, fmt
        outputs[fmt] = result.out
        assert "history-missing" in result.out, fmt
        assert all(fix in result.out for fix in FIXES), fmt
    assert re.search(r"^::error file=isodocs.yml,title=history-missing::", outputs["github"], re.M)
    sarif = json.loads(outputs["sarif"])["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in sarif] == [("history-missing", "error")]
    assert '<failure type="history-missing"' in outputs["junit"]
    assert "| error | `history-missing` |" in outputs["markdown"]


def test_a_shallow_clone_verifies_what_its_history_shows(clean: Path, tmp_path: Path):
    repo = git.Repo(clean)
    edit(clean, "docs/index.md", ("Start with", "Begin with"))
    commit_all(repo, "Index wording")
    edit(clean, MANUAL, *APPROVE_1_1, ("every quarter", "every month"))
    commit_all(repo, "Approve the manual 1.1")
    root = shallow_clone(clean, tmp_path / "depth-2", depth=2)
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
    [finding] = report["findings"]
    assert finding["rule"] == "history-missing" and "MAN-IS-001" not in finding["message"]
    assert "POL-IS-001" in finding["message"]
    subprocess.run(["git", "-C", str(root), "fetch", "-q", "--unshallow"], check=True)
    assert findings(root) == []


def test_no_history_is_an_explicit_choice_that_every_format_reports(shallow_branch: Path):
    root = shallow_branch
    for fmt in ("text", "json", "junit", "sarif", "github", "markdown", "codequality"):
        result = run("check", str(root), "--format", fmt, "--today", TODAY, "--no-history")
        assert result.code == 0, fmt
        assert "history-skipped" in result.out and "--no-history" in result.out, fmt
    assert findings(root, "--no-history") == [("history-skipped", "isodocs.yml")]
    assert run("check", str(root), "--today", TODAY, "--no-history", "--strict").code == 1


def test_an_approved_document_moved_in_from_outside_the_documents_counts_as_imported(clean: Path):
    move_in_a_draft(clean, MANUAL)
    assert findings(clean) == []
    edit(clean, "docs/policies/new-policy.md", ("every quarter", "every month"))
    assert findings(clean) == [("changed-since-approval", "docs/policies/new-policy.md")]


def test_a_revert_that_brings_back_an_older_version_does_not_approve_it_again(clean: Path):
    repo = git.Repo(clean)
    edit(clean, MANUAL, ("every quarter", "every month"))
    commit_all(repo, "Monthly access reviews")
    edit(clean, MANUAL, *APPROVE_1_1)
    commit_all(repo, "Approve the manual 1.1")
    assert findings(clean) == []
    repo.git.revert("--no-edit", "HEAD")  # version 1.0 again, with the monthly text 1.0 never had
    assert findings(clean) == [("changed-since-approval", MANUAL)]


def test_a_merge_does_not_approve_what_a_side_branch_added_again_without_approval(clean: Path):
    repo = git.Repo(clean)
    trunk = repo.active_branch
    repo.create_head("side").checkout()
    edit(clean, MANUAL, *APPROVE_1_1)
    commit_all(repo, "Approve the manual 1.1")
    text = (clean / MANUAL).read_text()
    (clean / MANUAL).unlink()
    commit_all(repo, "Remove the manual")
    (clean / MANUAL).write_text(text)
    commit_all(repo, "Add the manual again")
    assert findings(clean) == [("changed-since-approval", MANUAL)]
    trunk.checkout()
    repo.git.merge("side", "--no-ff", "-m", "Merge the side branch")
    assert findings(clean) == [("changed-since-approval", MANUAL)]


def test_a_deletion_on_a_side_branch_that_the_merge_discards_leaves_the_document_judged(clean: Path):
    repo = git.Repo(clean)
    trunk = repo.active_branch
    repo.create_head("removal").checkout()
    (clean / MANUAL).unlink()
    commit_all(repo, "Remove the manual")
    trunk.checkout()
    edit(clean, MANUAL, ("every quarter", "every month"))
    commit_all(repo, "Monthly access reviews")
    repo.git.merge("removal", "-s", "ours", "-m", "Merge the removal, keeping the manual")
    assert findings(clean) == [("changed-since-approval", MANUAL)]


def unapproved_edit_then_another_commit(root: Path) -> str:
    """The manual edited without approval, then an unrelated commit: the one a graft makes a root."""
    repo = git.Repo(root)
    edit(root, MANUAL, ("every quarter", "every month"))
    commit_all(repo, "Monthly access reviews")
    edit(root, "docs/index.md", ("Start with", "Begin with"))
    return commit_all(repo, "Index wording").hexsha


def test_a_graft_that_cuts_the_history_is_missing_history(clean: Path):
    cut = unapproved_edit_then_another_commit(clean)
    (clean / ".git/info").mkdir(exist_ok=True)
    (clean / ".git/info/grafts").write_text(f"{cut}\n")  # the old graft file: the commit without parents
    assert findings(clean) == [("history-missing", "isodocs.yml")]


def test_a_replacement_cannot_hide_an_unapproved_edit(clean: Path):
    """`git replace --graft` makes git log show a commit without its parents (everything "added" by it, as
    by a first commit); isodocs reads the history as committed, so the edit stays visible."""
    cut = unapproved_edit_then_another_commit(clean)
    subprocess.run(["git", "-C", str(clean), "replace", "--graft", cut], check=True)
    assert git.Repo(clean).git.log("--format=%s") == "Index wording"  # what git shows by default
    assert findings(clean) == [("changed-since-approval", MANUAL)]
