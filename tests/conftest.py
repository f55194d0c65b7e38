"""Shared fixtures: copies of the fixture trees as real git repositories, and an in-process CLI."""

from __future__ import annotations

import atexit
import io
import os
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import git
import pytest

from isodocs.main import main

FIXTURES = Path(__file__).parent / "fixtures"

# isodocs' caches go to a folder of this test session, never the user's own.
os.environ["ISODOCS_CACHE_DIR"] = tempfile.mkdtemp(prefix="isodocs-test-cache-")
atexit.register(shutil.rmtree, os.environ["ISODOCS_CACHE_DIR"], True)
# Outside a repository the command line speaks the locale's language: the suite hears English whatever the
# machine's locale is (tests/test_cli_language.py gives its runs their own).
for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(variable, None)
os.environ["LANG"] = "C.UTF-8"
TODAY = "2026-11-21"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


def commit_all(repo: git.Repo, message: str) -> git.Commit:
    repo.git.add(A=True)
    return repo.index.commit(message, author=git.Actor("Sam Lee", "sam@example.com"),
                             committer=git.Actor("Sam Lee", "sam@example.com"))


def move_in_a_draft(root: Path, source: str) -> str:
    """A copy of `source` (id MAN-IS-002) committed in `drafts/`, then moved into the documents folder and
    committed again, as a team publishes a draft written elsewhere; the path it has now."""
    repo = git.Repo(root)
    (root / "drafts").mkdir()
    (root / "drafts/new-policy.md").write_text((root / source).read_text().replace("MAN-IS-001", "MAN-IS-002"))
    commit_all(repo, "Draft outside the handbook")
    repo.git.mv("drafts/new-policy.md", "docs/policies/new-policy.md")
    commit_all(repo, "Publish the draft")
    return "docs/policies/new-policy.md"


def make_repo(tmp_path: Path, fixture: str = "clean") -> Path:
    root = tmp_path / fixture
    shutil.copytree(FIXTURES / fixture, root)
    repo = git.Repo.init(root, initial_branch="main")
    commit_all(repo, "Initial document set")
    return root


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """The clean fixture repository, committed to a fresh git repository."""
    return make_repo(tmp_path)


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The git commands that gitpython starts from now on, as argument lists."""
    calls: list[list[str]] = []
    original = git.cmd.Git.execute

    def counting(self: git.cmd.Git, command: list[str], *args: object, **kwargs: object) -> object:
        calls.append(command)
        return original(self, command, *args, **kwargs)

    monkeypatch.setattr(git.cmd.Git, "execute", counting)
    return calls


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory):
    """isodocs built once per session by `python -m build` (the sdist, then the wheel from it)."""
    from distribution import build
    return build(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def dependencies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This environment's installed packages without isodocs, for fresh environments to import."""
    from distribution import dependency_folder
    return dependency_folder(tmp_path_factory.mktemp("dependencies") / "site")
