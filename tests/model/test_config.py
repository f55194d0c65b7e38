from __future__ import annotations

from pathlib import Path

from conftest import run

from isodocs.model.config import load
from isodocs.model.dates import Interval


def write(root: Path, text: str) -> None:
    (root / "docs").mkdir(exist_ok=True)
    (root / "isodocs.yml").write_text(text)


def test_defaults(tmp_path: Path):
    write(tmp_path, "organization: Acme\nstandards: [iso9001-2015]\n")
    config = load(tmp_path)
    assert config.stage == "preparation" and config.language == "en" and config.docs_dir == "docs"
    assert config.review_interval == Interval(12, "month")
    assert config.due_soon == Interval(30, "day")


def test_no_config_is_unusable(tmp_path: Path):
    result = run("check", str(tmp_path))
    assert result.code == 2
    assert "no isodocs.yml" in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_unknown_catalog_is_unusable_with_line(tmp_path: Path):
    write(tmp_path, "organization: Acme\nstandards:\n  - iso9001-2015\n  - iso27001-2013\n")
    result = run("check", str(tmp_path))
    assert result.code == 2
    assert result.err.startswith(f"isodocs: error: {tmp_path / 'isodocs.yml'}:4: unknown catalog 'iso27001-2013'")


def test_broken_config_names_line_and_key(tmp_path: Path):
    write(tmp_path, "organization: Acme\nstandards: [iso9001-2015]\nstgae: certified\n")
    result = run("check", str(tmp_path))
    assert result.code == 2
    assert ":3: unknown key 'stgae': did you mean 'stage'?" in result.err


def test_unknown_rule_in_config(tmp_path: Path):
    write(tmp_path, "organization: Acme\nstandards: [iso9001-2015]\nrules:\n  review-overdu: warning\n")
    result = run("check", str(tmp_path))
    assert result.code == 2
    assert ":4: unknown rule 'review-overdu' under rules (hint: did you mean 'review-overdue'?)" in result.err


def test_config_that_does_not_parse(tmp_path: Path):
    write(tmp_path, "organization: Acme\nstandards: [iso9001-2015\n")
    result = run("check", str(tmp_path))
    assert result.code == 2 and "isodocs.yml:" in result.err


def test_months_clamp_to_month_end():
    from datetime import date
    assert Interval(1, "month").after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert Interval(1, "year").after(date(2024, 2, 29)) == date(2025, 2, 28)
    assert Interval(6, "week").after(date(2026, 1, 1)) == date(2026, 2, 12)
