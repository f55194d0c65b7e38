"""History from git in one pass: renames followed, versions at each commit, changes since approval."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import git
from conftest import FIXTURES, TODAY, commit_all, move_in_a_draft, run

from isodocs.git import history

MANUAL = "docs/policies/controls-manual.md"


def edit(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text()
    assert old in text
    target.write_text(text.replace(old, new, 1))


def rules(root: Path) -> list[tuple[str, str]]:
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
    return [(f["rule"], f["path"]) for f in report["findings"]]


def test_history_follows_renames_and_knows_each_version(clean: Path):
    repo = git.Repo(clean)
    repo.git.mv(MANUAL, "docs/policies/security-controls.md")
    commit_all(repo, "Rename the controls manual")
    edit(clean, "docs/policies/security-controls.md", 'version: "1.0"', 'version: "1.1"')
    edit(clean, "docs/policies/security-controls.md", "approved: 2026-06-01", "approved: 2026-07-01")
    commit_all(repo, "Approve 1.1")
    revisions = history.read(clean, "docs").of("docs/policies/security-controls.md")
    assert [r.subject for r in revisions] == ["Initial document set", "Rename the controls manual", "Approve 1.1"]
    assert [r.version for r in revisions] == ["1.0", "1.0", "1.1"]
    assert [r.path for r in revisions] == [MANUAL, "docs/policies/security-controls.md",
                                           "docs/policies/security-controls.md"]
    out = run("history", "MAN-IS-001", "--path", str(clean)).out
    assert "v1.1" in out and "Rename the controls manual" in out
    assert [line.endswith("[approved by ceo]") for line in out.splitlines()[1:]] == [True, False, True]
    rows = json.loads(run("history", "MAN-IS-001", "--path", str(clean), "--format", "json").out)
    assert [row["approved_by"] for row in rows] == ["ceo", None, "ceo"]


def test_history_reads_the_log_in_one_pass(clean: Path, git_calls: list[list[str]]):
    calls = git_calls
    for number in range(5):
        (clean / "docs/index.md").write_text(f"# Index, edit {number}\n")
        commit_all(git.Repo(clean), f"Edit {number}")
    calls.clear()
    result = history.read(clean, "docs")
    assert len(result.revisions) == len(list((clean / "docs").rglob("*.md")))
    assert sum(1 for command in calls if "log" in command) == 1
    assert len(calls) <= 4
    calls.clear()
    result.classify(result.revisions)
    assert [command[1:] for command in calls] == [["--no-replace-objects", "cat-file", "--batch"]]  # as committed
    assert [r.content for r in result.of("docs/index.md")] == [True] * 6


def test_a_text_change_after_approval_is_found_and_a_review_stamp_is_not(clean: Path):
    repo = git.Repo(clean)
    edit(clean, MANUAL, "last_reviewed: 2026-06-01", "last_reviewed: 2026-11-01")
    commit_all(repo, "Review the manual")
    edit(clean, "docs/procedures/operations.md", "owner: it-lead", "owner: ciso")
    commit_all(repo, "New owner for operations")
    assert rules(clean) == []
    edit(clean, MANUAL, "every quarter", "every month")
    commit_all(repo, "Tighten access reviews")
    assert rules(clean) == [("changed-since-approval", MANUAL)]
    edit(clean, MANUAL, 'version: "1.0"', 'version: "1.1"')
    edit(clean, MANUAL, "approved: 2026-06-01", "approved: 2026-11-02")
    commit_all(repo, "Approve 1.1")
    assert rules(clean) == []


def test_a_clause_map_change_needs_a_new_approval_and_uncommitted_edits_count(clean: Path):
    edit(clean, MANUAL, '"A.8.5"]', '"A.8.5", "A.8.3"]')
    assert rules(clean) == [("changed-since-approval", MANUAL)]


def test_a_shallow_clone_is_reported_with_the_fix(clean: Path, tmp_path: Path):
    edit(clean, "docs/index.md", "Start with", "Begin with")
    commit_all(git.Repo(clean), "Second commit")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{clean}", str(shallow)], check=True)
    result = run("check", str(shallow), "--today", TODAY)
    assert "shallow" in result.out and "fetch-depth: 0" in result.out and "GIT_DEPTH: 0" in result.out
    assert "git fetch --unshallow" in run("history", "POL-IS-001", "--path", str(shallow)).out


def kinds(root: Path, reference: str) -> list[tuple[str, bool, bool, str | None]]:
    rows = json.loads(run("history", reference, "--path", str(root), "--format", "json").out)
    return [(r["subject"], r["approval"], r["content"], r["version"]) for r in rows]


def test_comments_blank_lines_metadata_and_quoting_are_not_changes_but_body_text_is(clean: Path):
    repo = git.Repo(clean)
    edit(clean, MANUAL, "classification: internal", "classification: internal  # as agreed\ntags:\n- access\n- review")
    edit(clean, MANUAL, 'version: "1.0"', "version: '1.0'")
    edit(clean, MANUAL, "## Access control\n", "## Access control\n\n\n")
    commit_all(repo, "Tidy the manual")
    edit(clean, MANUAL, "- review\n", "- reviews\n  # kept short\n")
    commit_all(repo, "Retag the manual")
    assert kinds(clean, "MAN-IS-001")[1:] == [("Tidy the manual", False, False, "1.0"),
                                              ("Retag the manual", False, False, "1.0")]
    assert rules(clean) == []
    edit(clean, MANUAL, "## Access control\n", "## Access control\n\nversion: 9.9\n")
    commit_all(repo, "A line in the text that looks like a key")
    assert kinds(clean, "MAN-IS-001")[-1] == ("A line in the text that looks like a key", False, True, "1.0")
    assert rules(clean) == [("changed-since-approval", MANUAL)]


def test_commits_merged_from_branches_are_each_judged_against_their_own_parent(clean: Path):
    repo = git.Repo(clean)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Sam Lee")
        config.set_value("user", "email", "sam@example.com")
    trunk = repo.active_branch
    repo.create_head("approved-change").checkout()
    edit(clean, MANUAL, "every quarter", "every month")
    edit(clean, MANUAL, 'version: "1.0"', 'version: "1.1"')
    edit(clean, MANUAL, "approved: 2026-06-01", "approved: 2026-11-02")
    commit_all(repo, "Monthly access reviews, approved as 1.1")
    trunk.checkout()
    edit(clean, "docs/index.md", "Start with", "Begin with")
    commit_all(repo, "Index wording")
    repo.git.merge("approved-change", "--no-ff", "-m", "Merge the approved change")
    assert rules(clean) == []
    assert kinds(clean, "MAN-IS-001")[-2:] == [("Monthly access reviews, approved as 1.1", True, True, "1.1"),
                                               ("Merge the approved change", True, True, "1.1")]
    repo.create_head("unapproved-change").checkout()
    edit(clean, MANUAL, "every month", "every week")
    commit_all(repo, "Weekly access reviews")
    trunk.checkout()
    repo.git.merge("unapproved-change", "--no-ff", "-m", "Merge the unapproved change")
    assert rules(clean) == [("changed-since-approval", MANUAL)]


def test_a_damaged_repository_is_named_with_the_fix(clean: Path):
    repo = git.Repo(clean)
    first = repo.git.rev_parse(f"HEAD:{MANUAL}")
    edit(clean, MANUAL, "every quarter", "every month")
    commit_all(repo, "Monthly access reviews")
    (Path(repo.git_dir) / "objects" / first[:2] / first[2:]).unlink()
    result = run("check", str(clean), "--today", TODAY)
    assert result.code == 2 and "Traceback" not in result.err
    assert first in result.err and "git fsck" in result.err


def test_a_project_in_a_folder_of_a_larger_repository_has_its_history(tmp_path: Path):
    outer = tmp_path / "monorepo"
    shutil.copytree(FIXTURES / "clean", outer / "compliance")
    (outer / "src").mkdir()
    (outer / "src/app.py").write_text("print('hello')\n")
    (outer / "docs").mkdir()
    (outer / "docs/readme.md").write_text("# The product's own docs, not the management system's\n")
    repo = git.Repo.init(outer, initial_branch="main")
    commit_all(repo, "Product and management system")
    project = outer / "compliance"
    repo.git.mv(f"compliance/{MANUAL}", "compliance/docs/policies/security-controls.md")
    (outer / "docs/readme.md").write_text("# Product docs, edited\n")
    commit_all(repo, "Rename the controls manual")
    edit(project, "docs/policies/security-controls.md", "every quarter", "every month")
    commit_all(repo, "Monthly access reviews")
    result = history.read(project, "docs")
    assert "readme.md" not in " ".join(result.revisions)
    assert [(r.subject, r.path) for r in result.classified("docs/policies/security-controls.md")] == [
        ("Product and management system", MANUAL), ("Rename the controls manual", "docs/policies/security-controls.md"),
        ("Monthly access reviews", "docs/policies/security-controls.md")]
    assert ("changed-since-approval", "docs/policies/security-controls.md") in rules(project)


def test_a_document_moved_in_from_outside_the_documents_folder_starts_its_history_there(clean: Path):
    move_in_a_draft(clean, MANUAL)
    revisions = history.read(clean, "docs").classified("docs/policies/new-policy.md")
    assert [(r.subject, r.approval, r.content) for r in revisions] == [("Publish the draft", False, False)]
    assert "drafts/new-policy.md" not in history.read(clean, "docs").revisions


def test_a_commit_git_cannot_read_is_named_with_the_fix(clean: Path):
    repo = git.Repo(clean)
    edit(clean, MANUAL, "every quarter", "every month")
    commit_all(repo, "Monthly access reviews")
    tree = repo.head.commit.tree.hexsha
    (Path(repo.git_dir) / "objects" / tree[:2] / tree[2:]).unlink()
    result = run("check", str(clean), "--today", TODAY)
    assert result.code == 2 and "Traceback" not in result.err
    assert "git cannot read the history" in result.err and "git fsck" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_submodule_and_images_in_the_documents_folder_are_no_documents_and_no_damage(clean: Path, tmp_path: Path):
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    (vendor / "README.md").write_text("# A vendor's handbook\n")
    commit_all(git.Repo.init(vendor, initial_branch="main"), "Vendor handbook")
    repo = git.Repo(clean)
    repo.git.execute(["git", "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(vendor),
                      "docs/vendor"])
    (clean / "docs/diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    commit_all(repo, "Vendor handbook and a diagram")
    assert "docs/vendor" not in history.read(clean, "docs").revisions
    result = run("check", str(clean), "--today", TODAY, "--format", "json")
    assert result.code == 0, result.err


def test_a_review_stamp_in_a_working_file_with_windows_line_ends_is_not_a_change(clean: Path):
    path = clean / MANUAL
    text = path.read_text().replace("last_reviewed: 2026-06-01", "last_reviewed: 2026-11-01")
    path.write_bytes(text.replace("\n", "\r\n").encode())
    assert rules(clean) == []
    path.write_bytes(text.replace("every quarter", "every month").replace("\n", "\r\n").encode())
    assert rules(clean) == [("changed-since-approval", MANUAL)]


def test_paths_with_spaces_and_accents_keep_their_history(clean: Path):
    repo = git.Repo(clean)
    renamed = "docs/policies/política de control.md"
    repo.git.mv(MANUAL, renamed)
    commit_all(repo, "Rename to Spanish")
    edit(clean, renamed, "every quarter", "every month")
    commit_all(repo, "Monthly reviews")
    revisions = history.read(clean, "docs").classified(renamed)
    assert [(r.subject, r.path, r.content) for r in revisions] == [
        ("Initial document set", MANUAL, True), ("Rename to Spanish", renamed, False),
        ("Monthly reviews", renamed, True)]
    assert ("changed-since-approval", renamed) in rules(clean)
