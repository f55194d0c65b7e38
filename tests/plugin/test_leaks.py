"""The leak corpus built for real through the MkDocs plugin (`mkdocs build`, not only --strict): the secret
marker is nowhere in the site folder, or the build stops naming the file and line."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from leaks import CASES, CONTROL, Case, commit, restricted, traces
from scaffold import scaffold
from test_site import ENV, MKDOCS


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("leaks") / "acme", "iso27001-2022", organization="Acme")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("site_url: https://handbook.example.com/\n")   # so that the sitemap lists every page
    commit(root, "Publish at handbook.example.com")
    return root


def prepare(pristine: Path, tmp_path: Path, case: Case) -> Path:
    root = tmp_path / "acme"
    shutil.copytree(pristine, root, symlinks=True)
    case.make(root)
    if "commit" not in case.name:
        commit(root, "Working copy of the case")
    return root


def mkdocs(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(MKDOCS), "build"], cwd=root, capture_output=True, text=True, env=ENV)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_plugin_publishes_no_trace_of_a_hidden_document(pristine: Path, tmp_path: Path, case: Case):
    root = prepare(pristine, tmp_path, case)
    result = mkdocs(root)
    if case.blocked:
        assert result.returncode != 0
        assert case.blocked in result.stderr, result.stderr
        assert "cannot classify this page" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    assert traces(root / "site") == []


def test_the_search_finds_a_marker_that_is_public(pristine: Path, tmp_path: Path):
    root = prepare(pristine, tmp_path, CONTROL)
    assert mkdocs(root).returncode == 0
    found = traces(root / "site")
    assert "policies/backup/index.html" in found and "search/search_index.json" in found


def test_a_commit_that_touched_a_hidden_document_shows_only_as_a_redacted_entry(pristine: Path, tmp_path: Path):
    from html import unescape

    root = prepare(pristine, tmp_path, next(c for c in CASES if c.name == "commit-subject"))
    assert mkdocs(root).returncode == 0
    page = unescape((root / "site/policies/backup/index.html").read_text(encoding="utf-8"))
    rows = re.findall(r"<tr>\s*<td>(\d{4}-\d\d-\d\d)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>"
                      r"\s*<td>(.*?)</td>", page, re.S)
    assert len(rows) == 2   # newest first: the commit that also added the restricted plan, then the scaffold's
    (_, version, change, author, commit_id), scaffolded = rows
    assert version == "0.1" and change.startswith("Change not shown") and author == "" and commit_id == ""
    assert scaffolded[2] == "Management system documents for Acme, scaffolded by isodocs" and scaffolded[4]
    changes = unescape((root / "site/overview/changes/index.html").read_text(encoding="utf-8"))
    assert "Change not shown" in changes and "Sam Lee" not in changes


def test_check_reports_a_plain_page_linking_to_a_hidden_document(pristine: Path, tmp_path: Path):
    from conftest import TODAY, run
    from leaks import write

    def make(root: Path) -> None:
        write(root, "docs/plans/merger.md", restricted("PLN-X-8", "Merger"))
        write(root, "docs/notes.md", "# Notes\n\nIntro.\n\nSee [it](plans/merger.md).\n")

    root = prepare(pristine, tmp_path, Case("plain-link", make))
    report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
    hidden = [(f["path"], f["line"]) for f in report["findings"] if f["rule"] == "link-hidden"]
    assert hidden == [("docs/notes.md", 5)]
    assert mkdocs(root).returncode == 0
    assert "merger" not in (root / "site/notes/index.html").read_text(encoding="utf-8")
