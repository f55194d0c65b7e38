"""The leak corpus built for real through the MkDocs plugin (`mkdocs build`, not only --strict): the secret
marker is nowhere in the site folder, or the build stops naming the file and line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from leaks import CASES, CONTROL, Case, commit, traces
from scaffold import scaffold
from test_site import ENV, MKDOCS


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scaffold(tmp_path_factory.mktemp("leaks") / "acme", "iso27001-2022", organization="Acme")


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
