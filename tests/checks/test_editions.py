"""edition-superseded: a warning during a transition, an error after its deadline, unless isodocs.yml says."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import run
from defects import DEFECTS, build
from hypothesis import given, settings, strategies as st

from isodocs.analysis import Analysis
from isodocs.checks import editions
from isodocs.model.repository import Repository

DEADLINE = date(2027, 6, 30)
EDITION = next(d for d in DEFECTS if d.rule == "edition-superseded")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root, _ = build(tmp_path_factory.mktemp("editions"), [EDITION])
    return root


def report(root: Path, today: str) -> list[tuple[str, str, int]]:
    """The edition findings of a check run (other rules fire too once a year has passed)."""
    result = run("check", str(root), "--format", "json", "--today", today)
    return [(f["severity"], f["path"], f["line"]) for f in json.loads(result.out)["findings"]
            if f["rule"] == "edition-superseded"]


def test_warns_until_the_deadline_and_errs_after_it(repository: Path):
    assert report(repository, "2026-11-21") == [("warning", "isodocs.yml", 6)]
    assert report(repository, "2027-06-30") == [("warning", "isodocs.yml", 6)]
    assert report(repository, "2027-07-01") == [("error", "isodocs.yml", 6)]


def test_isodocs_yml_can_set_the_severity_itself(repository: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "copy"
    shutil.copytree(repository, root)
    config = root / "isodocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("rules:", "rules:\n  edition-superseded: warning", 1) if "rules:" in text
                      else text + "rules:\n  edition-superseded: warning\n", encoding="utf-8")
    assert report(root, "2027-07-01") == [("warning", "isodocs.yml", 6)]


@settings(max_examples=40, deadline=None)
@given(offset=st.integers(min_value=-2000, max_value=2000))
def test_the_severity_turns_on_the_deadline_day(repository: Path, offset: int):
    today = DEADLINE + timedelta(days=offset)
    found = list(editions.check(Analysis(Repository.load(repository, cache=False), today)))
    assert [f.severity for f in found] == ["error" if today > DEADLINE else "warning"]
    assert "acme-2019" in found[0].message


BASE_MISSING = next(d for d in DEFECTS if d.rule == "catalog-base-missing")


@pytest.mark.parametrize(("base", "fires"), [(None, True), ("iso9001-2015", False), ("iso9001-2026", False),
                                             ("iso14001-2026", True)])
def test_additions_need_one_edition_of_their_base(tmp_path: Path, base: str | None, fires: bool):
    root, _ = build(tmp_path, [BASE_MISSING])
    config = root / "isodocs.yml"
    if base is not None:
        config.write_text(config.read_text(encoding="utf-8").replace(
            "  - acme-defence-2026\n", f"  - acme-defence-2026\n  - {base}\n"), encoding="utf-8")
    result = run("check", str(root), "--format", "json", "--today", "2026-11-21")
    found = [f for f in json.loads(result.out)["findings"] if f["rule"] == "catalog-base-missing"]
    assert bool(found) == fires
    if fires:
        assert found[0]["severity"] == "error" and result.code == 1
        assert "iso9001-2015 / iso9001-2026" in found[0]["message"]


def test_base_missing_speaks_russian(tmp_path: Path):
    root, _ = build(tmp_path, [BASE_MISSING])
    config = root / "isodocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("language: en", "language: ru") if "language: en" in text
                      else "language: ru\n" + text, encoding="utf-8")
    result = run("check", str(root), "--today", "2026-11-21")
    line = next(line for line in result.out.splitlines() if "[catalog-base-missing]" in line)
    assert "Acme Defence Additions 2026 дополняет iso9001-2015 / iso9001-2026 и сам по себе не применяется" in line


@settings(max_examples=30, deadline=None)
@given(chosen=st.sets(st.sampled_from(["iso9001-2015", "iso9001-2026", "iso14001-2026", "iso27001-2022",
                                       "iso31000-2018"])))
def test_base_missing_fires_exactly_when_no_base_is_in_scope(tmp_path_factory: pytest.TempPathFactory,
                                                             chosen: set[str]):
    root, _ = build(tmp_path_factory.mktemp("base"), [BASE_MISSING])
    config = root / "isodocs.yml"
    extra = "".join(f"  - {catalog_id}\n" for catalog_id in sorted(chosen - {"iso27001-2022"}))
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - acme-defence-2026\n", f"  - acme-defence-2026\n{extra}"), encoding="utf-8")
    found = [f for f in editions.check(Analysis(Repository.load(root, cache=False), date(2026, 11, 21)))
             if f.rule == "catalog-base-missing"]
    assert len(found) == (0 if {"iso9001-2015", "iso9001-2026"} & chosen else 1)
