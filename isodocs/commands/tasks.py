"""`isodocs tasks`: what is due, per owner, as text, Markdown (the upkeep issue), JSON or an iCalendar feed."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from isodocs import __version__
from isodocs.analysis import analyse
from isodocs.analysis.publishing import Publication
from isodocs.analysis.upkeep import Task, due_by
from isodocs.files.atomic import write_bytes
from isodocs.model.config import Config
from isodocs.model.dates import Interval
from isodocs.model.repository import Repository
from isodocs.outputs import ical
from isodocs.outputs.escape import markdown_cell, markdown_code
from isodocs.translation.messages import phrase, text_in


def tasks(fmt: str = "text", output: str | None = None, path: str = ".", today: date | None = None,
          within: Interval | None = None, published: bool = False) -> int:
    """Lists are of what is overdue or due within `within` (default: the repository's due_soon window);
    the calendar holds every dated duty, so a subscribed calendar shows the year ahead. Text, Markdown and
    the calendar speak the repository's language; JSON stays English for the machines that read it.
    `published` keeps only what the handbook may show (nothing recorded in a document kept out of the site),
    for a feed published beside it."""
    repository = Repository.load(Path(path))
    config = repository.config
    today = today or date.today()
    analysis = analyse(repository, today)
    until = None if fmt == "ics" and within is None else (within or config.due_soon).after(today)
    found = due_by(analysis, until)
    if published:
        publication = Publication.decide(repository)
        publication.require()
        found = [task for task in found if publication.publishable(task.path)]
    text = {"text": _text, "markdown": _markdown, "json": _json, "ics": _ics}[fmt](found, config, today, until)
    if output:
        write_bytes(Path(output), text.encode("utf-8"))
        sys.stdout.write(f"{len(found)} tasks; {fmt} in {output}\n")
    else:
        sys.stdout.write(text)
    return 0


def _owner(task: Task, config: Config) -> str:
    return config.role_label(task.owner) or phrase("tasks-nobody", config.language)


def _by_owner(found: list[Task], config: Config) -> list[tuple[str, list[Task]]]:
    owners: dict[str, list[Task]] = {}
    for task in found:
        owners.setdefault(_owner(task, config), []).append(task)
    nobody = phrase("tasks-nobody", config.language)
    return sorted(owners.items(), key=lambda pair: (pair[0] == nobody, pair[0]))


def _when(task: Task, today: date, language: str) -> str:
    if task.due < today:
        return phrase("tasks-overdue", language, date=task.due.isoformat())
    if task.due == today:
        return phrase("tasks-today", language)
    return phrase("tasks-due", language, date=task.due.isoformat())


def _until(until: date | None, language: str) -> str:
    return until.isoformat() if until else phrase("tasks-any-date", language)


def _text(found: list[Task], config: Config, today: date, until: date | None) -> str:
    language = config.language
    if not found:
        return phrase("tasks-nothing", language, until=_until(until, language)) + "\n"
    lines = []
    for owner, owned in _by_owner(found, config):
        lines.append(owner)
        for task in owned:
            lines.append(f"  {task.due.isoformat()}  {_when(task, today, language):<28} "
                         f"{text_in(task.title, language)}  ({task.path}:{task.line})")
        lines.append("")
    overdue = sum(1 for t in found if t.overdue(today))
    lines.append(phrase("tasks-total", language, count=len(found), overdue=overdue, until=_until(until, language)))
    return "\n".join(lines) + "\n"


def _markdown(found: list[Task], config: Config, today: date, until: date | None) -> str:
    language = config.language
    lines = [phrase("tasks-title", language, today=today.isoformat()), ""]
    if not found:
        return "\n".join([*lines, phrase("tasks-nothing", language, until=_until(until, language)), ""])
    overdue = sum(1 for t in found if t.overdue(today))
    lines += [phrase("tasks-count", language, count=len(found), overdue=overdue, until=_until(until, language)), ""]
    for owner, owned in _by_owner(found, config):
        lines += [f"### {markdown_cell(owner)}", "", phrase("tasks-head", language), "|---|---|---|"]
        for task in owned:
            when = _when(task, today, language)
            when = f"**{when}**" if task.overdue(today) else when
            where = markdown_code(f"{task.path}:{task.line}")
            lines.append(f"| {when} | {markdown_cell(text_in(task.title, language))} | {where} |")
        lines.append("")
    return "\n".join(lines)


def _name(config: Config, role_id: str | None) -> str | None:
    """For the JSON list: the name alone (what a script puts in a greeting), beside the role id in `owner`."""
    role = config.roles.get(role_id or "")
    return role.name if role else role_id


def _json(found: list[Task], config: Config, today: date, until: date | None) -> str:
    return json.dumps({
        "today": today.isoformat(), "until": until.isoformat() if until else None,
        "tasks": [{"due": t.due.isoformat(), "overdue": t.overdue(today), "kind": t.kind, "title": str(t.title),
                   "owner": t.owner, "owner_name": _name(config, t.owner),
                   "document": t.document, "path": t.path, "line": t.line} for t in found],
    }, ensure_ascii=False, indent=2) + "\n"


def _ics(found: list[Task], config: Config, today: date, until: date | None) -> str:
    stamp = today.strftime("%Y%m%dT000000Z")   # from --today, so the same repository gives the same feed
    organization = config.organization or "isodocs"
    language = config.language
    events = []
    for task in found:
        uid = hashlib.sha256(f"{organization}\0{task.key}".encode()).hexdigest()[:32]
        owner = _owner(task, config)
        events.append([
            ("UID", f"{uid}@isodocs"),
            ("DTSTAMP", stamp),
            ("DTSTART;VALUE=DATE", task.due.strftime("%Y%m%d")),
            ("DTEND;VALUE=DATE", (task.due + timedelta(days=1)).strftime("%Y%m%d")),
            ("SUMMARY", ical.escape(text_in(task.title, language))),
            ("DESCRIPTION", ical.escape(phrase("tasks-owner", language, owner=owner) + "\n"
                                        + phrase("tasks-where", language, where=f"{task.path}:{task.line}"))),
            ("CATEGORIES", ical.escape(task.kind)),
            ("TRANSP", "TRANSPARENT"),
        ])
    properties = [("PRODID", f"-//isodocs//isodocs {__version__}//EN"), ("VERSION", "2.0"),
                  ("CALSCALE", "GREGORIAN"), ("METHOD", "PUBLISH"),
                  ("X-WR-CALNAME", ical.escape(phrase("tasks-calendar", language, organization=organization)))]
    return ical.calendar(properties, events)
