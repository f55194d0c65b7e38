"""Packaging by every route: the sdist, the wheel built from it (as `python -m build` does), the wheel
built from the tree, and each installed into a fresh environment where `new`, `check` and the handbook
build work outside the checkout. The editable route is the one the test environment itself uses."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from distribution import ROOT, clean_environ, environment, pip_install

HOOKS = ("post_gen_project.py", "pre_gen_project.py")


def test_the_sdist_carries_the_template_with_its_hooks_and_the_licence(dist):
    with tarfile.open(dist.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        links = [m.name for m in archive.getmembers() if m.issym() or m.islnk()]
    assert {f"template/hooks/{hook}" for hook in HOOKS} <= names
    assert {"LICENSE", "README.md", "template/cookiecutter.json", "pyproject.toml"} <= names
    assert links == []


def test_the_wheel_from_the_sdist_and_the_wheel_from_the_tree_hold_the_same_files(dist, tmp_path: Path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    from_tree = zipfile.ZipFile(next(tmp_path.glob("isodocs-*.whl"))).namelist()
    from_sdist = zipfile.ZipFile(dist.wheel).namelist()
    assert sorted(from_tree) == sorted(from_sdist)
    assert {f"isodocs/_data/template/hooks/{hook}" for hook in HOOKS} <= set(from_sdist)
    assert "isodocs/py.typed" in from_sdist
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in from_sdist)


def test_the_metadata_reads_well_on_a_package_index(dist):
    with zipfile.ZipFile(dist.wheel) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(wheel.read(name).decode())
    assert metadata["License-Expression"] == "MIT"
    classifiers = metadata.get_all("Classifier")
    assert {"Framework :: MkDocs", "Programming Language :: Python :: 3.11", "Typing :: Typed"} <= set(classifiers)
    tested = f"Programming Language :: Python :: {sys.version_info.major}.{sys.version_info.minor}"
    assert tested in classifiers
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL"))
    assert urls["Source"].startswith("https://") and set(urls) >= {"Homepage", "Source", "Issues"}
    assert "iso27001" in metadata["Keywords"] and metadata["Author"] == "The isodocs authors"
    description = metadata.get_payload()
    assert description.startswith("# isodocs") and "## Install" in description


@pytest.mark.parametrize("route", ["wheel", "sdist"])
def test_installed_from_the_release_files_isodocs_scaffolds_checks_and_builds_the_handbook(
        route: str, dist, dependencies: Path, tmp_path: Path):
    bin_dir = environment(tmp_path / "env", dependencies)
    environ = clean_environ(bin_dir)
    # The sdist is built into a wheel on the spot by hatchling (from the dependencies), as pip does.
    pip_install(bin_dir, *(["--no-build-isolation"] if route == "sdist" else []),
                str(dist.sdist if route == "sdist" else dist.wheel), environ=environ)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def isodocs(*args: str, cwd: Path = elsewhere) -> subprocess.CompletedProcess:
        return subprocess.run([str(bin_dir / "isodocs"), *args], cwd=cwd, capture_output=True, text=True, env=environ)

    where = subprocess.run([str(bin_dir / "python"), "-c", "import isodocs; print(isodocs.__file__)"], cwd=elsewhere,
                           check=True, capture_output=True, text=True, env=environ).stdout
    assert where.startswith(str(tmp_path / "env"))
    shown = isodocs("standards", "show", "iso27001-2022", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    entries = json.loads(shown.stdout)
    assert len(entries) == 138 and sum(1 for e in entries if e["control"]) == 93

    made = isodocs("new", "acme", "--organization", "Acme Ltd", "--standard", "iso27001-2022", "--no-input")
    assert made.returncode == 0 and "Traceback" not in made.stderr, made.stderr
    project = elsewhere / "acme"
    assert (project / ".cruft.json").is_file() and (project / "requirements-isodocs.txt").is_file()
    checked = isodocs("check", "--format", "json", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["summary"]["errors"] == 0
    built = isodocs("site", "build", "--strict", "--site-dir", "site", cwd=project)
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "index.html").is_file()
    scanned = isodocs("site", "scan", "site", cwd=project)
    assert scanned.returncode == 0, scanned.stdout + scanned.stderr
