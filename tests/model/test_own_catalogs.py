"""A repository's own catalogs and crosswalks, end to end: check, `mkdocs build --strict` and an export."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, run
from scaffold import approve_everything, scaffold

OWN = """# Acme's security baseline: our own requirements, our own words.
id: acme-sec-2026
name: Acme Security Baseline 2026
title: Internal security requirements
entries:
  - {id: "1", title: Governance}
  - {id: "1.1", title: Security policy approved by the board, parent: "1", documented_information: maintained}
  - {id: "2", title: Operations}
  - {id: "2.1", title: Threat intelligence feeds reviewed weekly, parent: "2"}
"""
WALK = """from: acme-sec-2026
to: iso27001-2022
note: Our baseline's requirements and the Annex A controls they satisfy.
map:
  "2.1": ["A.5.7"]
"""
MKDOCS = Path(sys.executable).parent / "mkdocs"


def write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def edit(root: Path, path: str, old: str, new: str) -> None:
    text = (root / path).read_text(encoding="utf-8")
    assert old in text, (path, old)
    (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scaffolded 27001 repository that adds its own baseline; A.5.7 is addressed only through the crosswalk."""
    root = scaffold(tmp_path_factory.mktemp("own") / "acme", "iso27001-2022", organization="Acme")
    write(root, "catalogs/acme-sec-2026.yml", OWN)
    write(root, "catalogs/crosswalks/acme-sec-2026--iso27001-2022.yml", WALK)
    edit(root, "isodocs.yml", "  - iso27001-2022\n", "  - iso27001-2022\n  - acme-sec-2026\n")
    edit(root, "docs/procedures/logging-and-monitoring.md", '"A.5.7", ', "")
    edit(root, "docs/procedures/logging-and-monitoring.md", "clauses:\n", 'clauses:\n  acme-sec-2026: ["2", "2.1"]\n')
    edit(root, "docs/policies/management-system-policy.md", "clauses:\n", 'clauses:\n  acme-sec-2026: ["1", "1.1"]\n')
    edit(root, "docs/plans/audit-programme.md", "audits:\n",
         'audits:\n  - {planned: "2027-03", standard: acme-sec-2026, clauses: ["1", "2"], auditor: }\n')
    approve_everything(root, TODAY)
    return root


def check(root: Path) -> tuple[int, dict]:
    result = run("check", str(root), "--format", "json", "--today", TODAY)
    return result.code, json.loads(result.out)


def test_own_catalog_and_crosswalk_pass_check_like_built_in_ones(own: Path):
    code, report = check(own)
    assert (code, report["findings"]) == (0, [])
    assert report["readiness"]["acme-sec-2026"] == {"required": 1, "covered": 1, "percent": 100.0}
    assert report["readiness"]["iso27001-2022"]["percent"] == 100.0


def test_without_the_crosswalk_the_control_has_no_document(own: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "copy"
    shutil.copytree(own, root)
    (root / "catalogs/crosswalks/acme-sec-2026--iso27001-2022.yml").unlink()
    _code, report = check(root)
    assert [(f["rule"], f["message"][:26]) for f in report["findings"]] == [
        ("soa-unimplemented", "ISO/IEC 27001:2022 A.5.7 (")]


def test_handbook_builds_strict_and_shows_crosswalked_coverage(own: Path):
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "ISODOCS_CACHE_DIR": os.environ["ISODOCS_CACHE_DIR"]}
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=own, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    page = (own / "site/overview/coverage-iso27001-2022/index.html").read_text(encoding="utf-8")
    row = page[page.index('<span id="clause-a-5-7"></span>A.5.7'):].split("</tr>", 1)[0]
    assert "<td>implemented</td>" in row and ">PRO-IS-004</a>" in row
    assert (own / "site/overview/coverage-acme-sec-2026/index.html").is_file()


def test_own_catalog_text_lands_inert_in_the_handbook(own: Path, tmp_path: Path):
    import shutil
    root = Path(shutil.copytree(own, tmp_path / "hostile"))
    hostile = OWN.replace("name: Acme Security Baseline 2026", "name: 'Acme <script>alert(1)</script> *Baseline*'")
    hostile = hostile.replace("title: Security policy approved by the board", "title: '<img src=x onerror=alert(2)>'")
    write(root, "catalogs/acme-sec-2026.yml", hostile)
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "ISODOCS_CACHE_DIR": os.environ["ISODOCS_CACHE_DIR"]}
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    page = (root / "site/overview/coverage-acme-sec-2026/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<em>Baseline</em>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page


def test_soa_export_names_the_document_reached_through_the_crosswalk(own: Path, tmp_path: Path):
    result = run("export", "soa", "--path", str(own), "--today", TODAY)
    rows = {row[1]: row for row in csv.reader(io.StringIO(result.out)) if len(row) > 1}  # below the control block
    assert result.code == 0 and "PRO-IS-" in ";".join(rows["A.5.7"])


def test_diff_reads_the_own_catalogs_of_the_base_revision(own: Path, tmp_path: Path):
    import shutil

    import git
    from conftest import commit_all
    root = Path(shutil.copytree(own, tmp_path / "diffed"))
    repo = git.Repo(root)
    commit_all(repo, "Own baseline, approved")
    edit(root, "docs/policies/management-system-policy.md", '  acme-sec-2026: ["1", "1.1"]\n', "")
    result = run("diff", "HEAD", "--path", str(root), "--format", "json", "--today", TODAY)
    assert result.code == 0, result.err
    clauses = json.loads(result.out)["clauses"]
    assert {"catalog": "acme-sec-2026", "id": "1.1"}.items() <= clauses[0].items()


def test_a_catalogs_folder_outside_the_repository_is_refused(own: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "inside"
    shutil.copytree(own, root)
    shutil.copytree(own / "catalogs", tmp_path / "outside")
    edit(root, "isodocs.yml", "docs_dir: docs\n", "docs_dir: docs\ncatalogs_dir: ../outside\n")
    result = run("check", str(root), "--today", TODAY)
    assert result.code == 2 and "lies outside the repository; not followed" in result.err


def test_standards_lists_and_shows_the_own_catalog(own: Path):
    listing = run("standards", "--path", str(own)).out
    assert any(line.startswith("acme-sec-2026") and " current (own) " in line for line in listing.splitlines())
    assert "Acme Security Baseline 2026" in run("standards", "show", "acme-sec-2026", "--path", str(own)).out


@pytest.mark.parametrize("path, text, words", [
    ("catalogs/acme-sec-2026.yml", OWN.replace("parent: \"1\", documented", "parent: \"9\", documented"),
     "catalogs/acme-sec-2026.yml:7: entry '1.1' names parent '9'"),
    ("catalogs/acme-sec-2026.yml", OWN.replace("title: Governance", "titel: Governance"),
     "catalogs/acme-sec-2026.yml:6:"),
    ("catalogs/iso9001-2015.yml", OWN.replace("acme-sec-2026", "iso9001-2015"), "is the id of a catalog isodocs ships"),
    ("catalogs/crosswalks/acme-sec-2026--iso27001-2022.yml", WALK.replace("A.5.7", "A.5.77"),
     "acme-sec-2026--iso27001-2022.yml:5: iso27001-2022 has no 'A.5.77'"),
])
def test_a_broken_own_catalog_or_crosswalk_stops_check_with_file_and_line(own: Path, tmp_path: Path, path: str,
                                                                         text: str, words: str):
    import shutil
    root = tmp_path / "broken"
    shutil.copytree(own, root)
    write(root, path, text)
    result = run("check", str(root), "--today", TODAY)
    assert result.code == 2 and words in result.err and "Traceback" not in result.err
