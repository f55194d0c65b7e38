"""The leak corpus through `isodocs site build` on every supported generator, each site then scanned by
`isodocs site scan`; and the scan catching what a build without isodocs lets out."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TODAY, run
from leaks import CASES, CONTROL, SECRET, Case, traces
from test_leaks import mkdocs, prepare, pristine  # noqa: F401 (the fixture)

from isodocs.files.markdown import SUFFIXES

# MkDocs runs the whole corpus through the plugin by default (test_leaks.py) and Zensical through the staging
# here; the staging on MkDocs and ProperDocs runs with -m slow (every generator builds the control site below)
GENERATORS = ["zensical", pytest.param("mkdocs", marks=pytest.mark.slow),
              pytest.param("properdocs", marks=pytest.mark.slow)]


def site_build(root: Path, generator: str, *extra: str):
    return run("site", "build", str(root), "--generator", generator, "--site-dir", str(root / "public"),
               "--today", TODAY, *extra)


@pytest.mark.parametrize("generator", GENERATORS)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_site_build_publishes_no_trace_of_a_hidden_document(pristine: Path, tmp_path: Path, case: Case,
                                                             generator: str):
    root = prepare(pristine, tmp_path, case)
    result = site_build(root, generator)
    if case.blocked:
        assert result.code == 2 and case.blocked in result.err, result.err
        assert not (root / "public").exists()
        return
    assert result.code == 0, result.err
    assert (root / "public" / "404.html").is_file()
    assert traces(root / "public") == []
    scan = run("site", "scan", str(root / "public"), "--path", str(root))
    assert scan.code == 0, scan.out


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs", "zensical"])
def test_every_generator_builds_the_same_pages_with_the_panel(pristine: Path, tmp_path: Path, generator: str):
    root = prepare(pristine, tmp_path, CONTROL)
    result = site_build(root, generator, "--strict")
    assert result.code == 0, result.err
    site = root / "public"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert "overview/register/index.html" in pages and "overview/soa-iso27001-2022/index.html" in pages
    from isodocs.model.repository import Repository
    generated = 8   # dashboard, register, calendar, changes, risks, nonconformities, coverage and SoA of 27001
    assert len(pages) == len(Repository.load(root).pages) + generated
    assert 'class="isodocs-panel"' in (site / "policies/backup/index.html").read_text(encoding="utf-8")
    assert "policies/backup/index.html" in traces(site)   # the control: public text is there to be found


def test_the_scan_catches_a_build_that_ignored_the_limit(pristine: Path, tmp_path: Path):
    root = prepare(pristine, tmp_path, next(c for c in CASES if c.name == "link-to-hidden"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - isodocs\n", "") +
                      "site_url: https://handbook.example.com/\n", encoding="utf-8")
    assert mkdocs(root).returncode == 0
    assert traces(root / "site")   # without isodocs, MkDocs published the restricted plan
    scan = run("site", "scan", str(root / "site"), "--path", str(root))
    assert scan.code == 1
    hidden = f"docs/plans/{SECRET.lower()}-plan.md"
    found = {tuple(re.match(r"(\S+): (\S+(?: subject)?) '.*' of hidden (\S+)$", line).groups())
             for line in scan.out.splitlines()}
    assert ("sitemap.xml", "address", hidden) in found and ("sitemap.xml.gz", "address", hidden) in found
    assert ("search/search_index.json", "address", hidden) in found
    assert ("search/search_index.json", "text", hidden) in found
    assert ("search/search_index.json", "id", hidden) not in found   # MkDocs alone never prints front matter
    assert (f"plans/{SECRET.lower()}-plan/index.html", "text", hidden) in found
    assert ("policies/backup/index.html", "address", hidden) in found   # the link from the public policy


def test_the_scan_refuses_what_is_not_a_site(tmp_path: Path, pristine: Path):
    assert run("site", "scan", str(tmp_path / "missing"), "--path", str(pristine)).code == 2
    assert run("site", "scan", str(tmp_path), "--path", str(tmp_path)).code == 2   # no isodocs.yml


def test_isodocs_reads_every_suffix_that_the_generators_publish():
    import mkdocs.utils
    import properdocs.utils

    assert set(mkdocs.utils.markdown_extensions) | set(properdocs.utils.markdown_extensions) <= set(SUFFIXES)
    assert {".mdwn", ".mdtxt", ".mdtext"} <= set(SUFFIXES)   # what older MkDocs releases read as pages too


def test_a_missing_generator_is_a_usage_error(pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import sys
    root = prepare(pristine, tmp_path, CONTROL)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", f"{tmp_path}:{Path(shutil.which('git')).parent}")
    result = site_build(root, "zensical")
    assert result.code == 2 and "zensical is not installed" in result.err


def test_site_dir_that_is_not_a_site_is_not_replaced(pristine: Path, tmp_path: Path):
    root = prepare(pristine, tmp_path, CONTROL)
    (root / "public").mkdir()
    (root / "public" / "notes.txt").write_text("mine")
    result = site_build(root, "mkdocs")
    assert result.code == 2 and "is not a built site" in result.err
    assert (root / "public" / "notes.txt").read_text() == "mine"
    assert run("site", "build", str(root), "--site-dir", str(root)).code == 2
    (tmp_path / "link").symlink_to(root / "public")
    assert "is a link" in run("site", "build", str(root), "--site-dir", str(tmp_path / "link")).err
    assert subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout \
        .strip() == "?? public/"


def test_site_build_keeps_the_tags_of_mkdocs_yml(pristine: Path, tmp_path: Path):
    """mkdocs-material's emoji settings name Python objects, and !ENV reads the environment: the staged
    configuration keeps both for the generator to resolve."""
    root = prepare(pristine, tmp_path, CONTROL)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("markdown_extensions:\n", (
        "copyright: !ENV [ISODOCS_TEST_COPYRIGHT, 'Copyright Acme']\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n")), encoding="utf-8")
    (root / "docs/policies/backup.md").write_text(
        (root / "docs/policies/backup.md").read_text(encoding="utf-8") + "\nDone :smile:\n", encoding="utf-8")
    result = site_build(root, "mkdocs", "--strict")
    assert result.code == 0, result.err
    page = (root / "public/policies/backup/index.html").read_text(encoding="utf-8")
    assert 'class="twemoji"' in page.split("Done", 1)[1][:400]
    assert "Copyright Acme" in page
