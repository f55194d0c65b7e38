"""`isodocs tasks`: what is due per owner agrees with the check, and the calendar feed is valid RFC 5545."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import markdown as python_markdown
import pytest
from conftest import TODAY, run
from hypothesis import given, strategies as st

from isodocs.outputs import ical


@pytest.fixture
def clean(clean: Path) -> Path:
    """The clean repository with its risk treatment action overdue since 2026-09-30: a duty the list keeps (the
    check reports it as risk-action-overdue; the clean repository itself has it due on 2027-06-30)."""
    register = clean / "docs" / "registers" / "risk-register.md"
    text = register.read_text(encoding="utf-8")
    assert "due: 2027-06-30" in text
    register.write_text(text.replace("due: 2027-06-30", "due: 2026-09-30"), encoding="utf-8")
    return clean


def tasks(root: Path, *args: str) -> dict:
    result = run("tasks", "--path", str(root), "--format", "json", *args)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_every_kind_of_duty_is_listed_with_its_owner_and_place(clean: Path):
    found = tasks(clean, "--today", TODAY, "--within", "3 years")["tasks"]
    kinds = {t["kind"] for t in found}
    assert kinds >= {"review", "risk-review", "risk-action", "audit", "management-review", "certification"}
    action = next(t for t in found if t["kind"] == "risk-action")
    assert action["owner"] == "ciso" and action["owner_name"] == "Sam Lee" and action["overdue"] is True
    assert action["path"] == "docs/registers/risk-register.md" and action["line"] > 1
    surveillance = [t for t in found if t["kind"] == "certification" and "Surveillance" in t["title"]]
    assert [t["due"] for t in surveillance] == ["2027-03-15", "2028-03-15"]
    assert [t["due"] for t in found] == sorted(t["due"] for t in found)


def test_the_list_stops_at_the_due_soon_window_and_keeps_what_is_overdue(clean: Path):
    soon = tasks(clean, "--today", TODAY)
    assert soon["until"] == "2026-12-21"                            # defaults.due_soon: 30 days
    assert all(t["due"] <= "2026-12-21" for t in soon["tasks"])
    assert any(t["overdue"] for t in soon["tasks"])
    assert len(tasks(clean, "--today", TODAY, "--within", "1 year")["tasks"]) > len(soon["tasks"])


@pytest.mark.parametrize("today", ["2027-07-01", "2028-01-01"])
def test_overdue_reviews_are_the_ones_the_check_reports(clean: Path, today: str):
    listed = {t["document"] for t in tasks(clean, "--today", today)["tasks"] if t["kind"] == "review" and t["overdue"]}
    report = json.loads(run("check", str(clean), "--format", "json", "--today", today).out)
    reported = {f["document"] for f in report["findings"] if f["rule"] == "review-overdue"}
    assert listed == reported and listed


def test_text_and_markdown_group_by_owner(clean: Path):
    text = run("tasks", "--path", str(clean), "--today", TODAY).out
    assert re.search(r"^Sam Lee \(ciso\)\n  2026-09-30  overdue since 2026-09-30 +Treat risk R-001", text, re.M)
    assert text.rstrip().endswith("up to 2026-12-21")
    markdown = run("tasks", "--path", str(clean), "--today", TODAY, "--format", "markdown").out
    assert markdown.startswith("## isodocs: what is due (as of 2026-11-21)")
    assert "### Sam Lee (ciso)" in markdown and "| **overdue since 2026-09-30** | Treat risk R-001" in markdown


def test_nothing_due_says_so(clean: Path):
    root = clean
    text = run("tasks", "--path", str(root), "--today", "2026-01-01", "--within", "1 day").out
    # Before anything falls due: only what is already overdue would show, and nothing is.
    assert text.startswith("Nothing is due up to 2026-01-02")
    markdown = run("tasks", "--path", str(root), "--today", "2026-01-01", "--within", "1 day",
                   "--format", "markdown").out
    assert "Nothing is due up to 2026-01-02." in markdown


def test_the_calendar_feed_is_valid_icalendar(clean: Path, tmp_path: Path):
    from icalendar import Calendar
    target = tmp_path / "due.ics"
    result = run("tasks", "--path", str(clean), "--today", TODAY, "--format", "ics", "--output", str(target))
    assert result.code == 0, result.err
    data = target.read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    every = tasks(clean, "--today", TODAY, "--within", "10 years")["tasks"]
    assert len(events) == len(every)                               # the feed holds every dated duty
    assert {str(e["SUMMARY"]) for e in events} == {t["title"] for t in every}
    assert {e.decoded("DTSTAMP").isoformat() for e in events} == {"2026-11-21T00:00:00+00:00"}
    assert len({str(e["UID"]) for e in events}) == len(events)
    first = min(events, key=lambda e: e.decoded("DTSTART"))
    assert first.decoded("DTSTART") == date(2026, 9, 30) and first.decoded("DTEND") == date(2026, 10, 1)


def test_uids_stay_when_a_date_moves_and_the_feed_is_the_same_for_the_same_day(clean: Path):
    def feed() -> str:
        return run("tasks", "--path", str(clean), "--today", TODAY, "--format", "ics").out

    def uids(text: str) -> dict[str, str]:
        return dict(re.findall(r"UID:(\S+)\r\nDTSTAMP:\S+\r\nDTSTART;VALUE=DATE:\d+\r\nDTEND;VALUE=DATE:\d+\r\n"
                               r"SUMMARY:([^\r]+)", text))

    before = feed()
    assert feed() == before
    register = clean / "docs" / "registers" / "risk-register.md"
    register.write_text(register.read_text(encoding="utf-8").replace("due: 2026-09-30", "due: 2026-12-31"),
                        encoding="utf-8")
    after = feed()
    assert after != before and uids(after) == uids(before)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(",;\\\n"), max_size=300))
def test_escaped_folded_text_comes_back_intact(value: str):
    from icalendar import Calendar
    line = "SUMMARY:" + ical.escape(value)
    folded = ical.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    text = ical.calendar([("PRODID", "-//t//t//EN"), ("VERSION", "2.0")],
                         [[("UID", "u@t"), ("DTSTAMP", "20260101T000000Z"), ("DTSTART;VALUE=DATE", "20260101"),
                           ("SUMMARY", ical.escape(value))]])
    event = Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == value.replace("\r\n", "\n").replace("\r", "\n")


def test_a_russian_repository_gets_its_list_and_calendar_in_russian(tmp_path: Path):
    from scaffold import scaffold
    root = scaffold(tmp_path / "ru", "iso9001-2015", extra=("--language", "ru"))
    markdown = run("tasks", "--path", str(root), "--today", TODAY, "--format", "markdown").out
    assert markdown.startswith("## isodocs: что предстоит (на 2026-11-21)")
    assert "| срок сегодня | Провести первый анализ со стороны руководства |" in markdown
    feed = run("tasks", "--path", str(root), "--today", TODAY, "--format", "ics").out
    assert "SUMMARY:Внутренний аудит iso9001-2015\\, пункты 4\\, 5\\, 6" in feed.replace("\r\n ", "")
    data = json.loads(run("tasks", "--path", str(root), "--today", TODAY, "--format", "json").out)
    assert data["tasks"][0]["title"] == "Hold the first management review"     # JSON stays English


def test_the_published_feed_leaves_out_what_hidden_documents_record(clean: Path):
    """The handbook publishes the feed: a duty recorded in a document kept out of the site must not reach it."""
    config = clean / "isodocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "publish: {max_classification: internal}\n",
                      encoding="utf-8")
    register = clean / "docs" / "registers" / "risk-register.md"
    register.write_text(register.read_text(encoding="utf-8").replace("classification: internal",
                                                                     "classification: confidential"), encoding="utf-8")
    every = run("tasks", "--path", str(clean), "--today", TODAY, "--format", "ics").out
    published = run("tasks", "--path", str(clean), "--today", TODAY, "--format", "ics", "--published").out
    assert "R-001" in every.replace("\r\n ", "")
    unfolded = published.replace("\r\n ", "")
    assert "R-001" not in unfolded and "risk-register" not in unfolded and "Customer database" not in unfolded
    recorded_there = [t for t in tasks(clean, "--today", TODAY, "--within", "10 years")["tasks"]
                      if t["path"] == "docs/registers/risk-register.md"]
    assert len(recorded_there) == 4                     # its review, two risk reviews and a treatment action
    assert unfolded.count("BEGIN:VEVENT") == every.count("BEGIN:VEVENT") - len(recorded_there)


def test_markdown_keeps_front_matter_text_inert(clean: Path):
    """A title is the user's text: in the Markdown list it renders as the words it is, in one table cell."""
    register = clean / "docs" / "registers" / "risk-register.md"
    text = register.read_text(encoding="utf-8")
    hostile = "Risks *all* | [here](javascript:alert(1)) <b>x</b> & `code`"
    register.write_text(text.replace("title: Information security risk register", f"title: '{hostile}'"),
                        encoding="utf-8")
    out = run("tasks", "--path", str(clean), "--today", TODAY, "--within", "3 years", "--format", "markdown").out
    row = next(line for line in out.splitlines() if "Risks" in line and line.startswith("|"))
    html = python_markdown.markdown("| a | b | c |\n|---|---|---|\n" + row, extensions=["tables"])
    cells = re.findall(r"<td>(.*?)</td>", html, re.S)
    assert len(cells) == 3
    assert "<a" not in html and "<em>" not in html and "<b>" not in html
    assert "Risks *all* | [here](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt; &amp; `code`" in cells[1]
    assert cells[2].startswith("<code>docs/registers/risk-register.md:")
