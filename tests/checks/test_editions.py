"""edition-superseded: a warning during a transition, an error after its deadline, unless isodocs.yml says."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import run
from defects import DEFECTS, build
from hypothesis import given, settings, strategies as st

from isodocs.checks import editions
from isodocs.checks.context import Context
from isodocs.repository import Repository

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
    found = list(editions.check(Context(Repository.load(repository, cache=False), today)))
    assert [f.severity for f in found] == ["error" if today > DEADLINE else "warning"]
    assert "acme-2019" in found[0].message
