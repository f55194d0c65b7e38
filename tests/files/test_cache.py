"""The caches of parsed documents and of git history: faster, and never wrong."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import git
import pytest
from conftest import TODAY, commit_all, run

from isodocs.files.cache import DocumentCache
from isodocs.git import history


def check(root: Path, *extra: str) -> dict:
    return json.loads(run("check", str(root), "--format", "json", "--today", TODAY, *extra).out)


def age(root: Path, seconds: int = 60) -> None:
    """Files written by the test are older than the racy window, as real files usually are."""
    past = time.time() - seconds
    for path in (root / "docs").rglob("*.md"):
        os.utime(path, (past, past))


def test_a_cached_run_gives_what_an_uncached_run_gives(clean: Path):
    age(clean)
    first = check(clean)
    assert len(DocumentCache(clean).entries) == len(list((clean / "docs").rglob("*.md")))
    assert check(clean) == first == check(clean, "--no-cache")


def test_every_field_of_a_document_survives_the_cache(clean: Path):
    """`reviewed_by` once fell out of the hand-written cache: an unknown reviewer was reported only without it."""
    path = clean / "docs/policies/information-security-policy.md"
    path.write_text(path.read_text().replace("owner: ciso", "reviewed_by: nobody\nowner: ciso", 1))
    age(clean)
    uncached = check(clean, "--no-cache")
    assert "reviewed_by 'nobody'" in json.dumps(uncached)
    check(clean)
    assert check(clean) == uncached


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(clean: Path):
    age(clean)
    check(clean)
    path = clean / "docs/procedures/objectives.md"
    stat = path.stat()
    text = path.read_text()
    path.write_text(text.replace("owner: ciso", "owner: cfox"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert [f["rule"] for f in check(clean)["findings"]] == ["owner-unknown"]


def test_files_changed_within_the_racy_window_are_not_cached(clean: Path):
    age(clean)
    (clean / "docs/procedures/objectives.md").write_text((clean / "docs/procedures/objectives.md").read_text())
    check(clean)
    assert "docs/procedures/objectives.md" not in DocumentCache(clean).entries


def test_history_read_on_top_of_the_cache_equals_a_fresh_read(clean: Path):
    repo = git.Repo(clean)
    history.read(clean, "docs")
    path = clean / "docs/policies/controls-manual.md"
    path.write_text(path.read_text().replace("every quarter", "every month"))
    commit_all(repo, "Monthly access reviews")
    repo.git.mv("docs/procedures/operations.md", "docs/procedures/operations-and-monitoring.md")
    commit_all(repo, "Rename operations")
    incremental = history.read(clean, "docs")
    fresh = history.read(clean, "docs", cache=False)
    assert incremental.revisions == fresh.revisions
    assert [r.subject for r in incremental.of("docs/procedures/operations-and-monitoring.md")] == \
        ["Initial document set", "Rename operations"]


def test_history_after_a_rewrite_of_the_branch_is_read_again(clean: Path):
    repo = git.Repo(clean)
    path = clean / "docs/index.md"
    path.write_text("# Changed\n")
    commit_all(repo, "Change the index")
    history.read(clean, "docs")
    repo.git.reset("--hard", "HEAD~1")
    path.write_text("# Changed differently\n")
    commit_all(repo, "Change the index differently")
    assert [r.subject for r in history.read(clean, "docs").of("docs/index.md")] == \
        ["Initial document set", "Change the index differently"]


def test_a_second_check_asks_git_for_no_log_and_no_document_versions(clean: Path, request: pytest.FixtureRequest):
    path = clean / "docs/policies/controls-manual.md"
    path.write_text(path.read_text().replace("every quarter", "every month"))
    commit_all(git.Repo(clean), "Monthly access reviews")
    first = run("check", str(clean), "--today", TODAY, "--format", "json").out
    calls = request.getfixturevalue("git_calls")
    assert run("check", str(clean), "--today", TODAY, "--format", "json").out == first
    assert '"changed-since-approval"' in first
    assert not [c for c in calls if "log" in c or "--batch" in c]
