"""The review flow on a scaffolded repository: edit on a branch, see it flagged, approve, clean."""

from __future__ import annotations

import json
from pathlib import Path

import git
from conftest import TODAY, commit_all, run
from scaffold import approve_everything, scaffold

POLICY = "docs/policies/access-control.md"


def test_unapproved_edit_on_a_branch_is_flagged_until_approved(tmp_path: Path):
    root = scaffold(tmp_path / "acme", "iso27001-2022", organization="Acme Ltd")
    repo = git.Repo(root)
    approve_everything(root, TODAY)
    commit_all(repo, "Approve the whole document set")
    assert json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)["findings"] == []

    repo.git.checkout("-b", "tighten-access")
    path = root / POLICY
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## Policy\n", "## Policy\n\nShared accounts are forbidden.\n", 1), encoding="utf-8")
    commit_all(repo, "Forbid shared accounts")

    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [("changed-since-approval", POLICY)]
    summary = run("diff", "main", "--today", TODAY, "--path", str(root)).out
    assert "| changed | POL-IS-001 Access control policy" in summary
    assert "approved text changed without a new version and approval" in summary
    assert "Information Security Officer" in summary

    assert run("approve", "POL-IS-001", "--by", "top-management", "--date", TODAY, "--path", str(root)).code == 0
    commit_all(repo, "Approve access control 1.1")
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
    assert report["findings"] == []
    after = json.loads(run("diff", "main", "--format", "json", "--today", TODAY, "--path", str(root)).out)
    assert [(d["id"], d["unapproved_change"], d["new_version"]) for d in after["documents"]] == \
        [("POL-IS-001", False, "1.1")]

    history = run("history", "POL-IS-001", "--path", str(root)).out
    for subject in ("scaffolded by isodocs", "Approve the whole document set", "Forbid shared accounts",
                    "Approve access control 1.1"):
        assert subject in history


def test_comments_in_front_matter_survive_approval(tmp_path: Path):
    root = scaffold(tmp_path / "acme", "iso27001-2022", organization="Acme Ltd")
    path = root / POLICY
    text = path.read_text(encoding="utf-8").replace("owner: security-officer",
                                                     "owner: security-officer   # Sam until March")
    path.write_text(text, encoding="utf-8")
    assert run("approve", POLICY, "--by", "top-management", "--path", str(root)).code == 0
    assert "owner: security-officer   # Sam until March\n" in path.read_text(encoding="utf-8")
