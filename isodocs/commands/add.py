"""`isodocs add TYPE "TITLE" --clause CAT:ID --owner ROLE [--date D] [--today D]`: a new draft document with a
free id, and the day it was begun (`created`)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from isodocs.errors import UsageError
from isodocs.files.atomic import write_text
from isodocs.files.drafts import FOLDER, free_id, header, parse_clauses, slug
from isodocs.files.editing import locked
from isodocs.model.dates import not_future
from isodocs.model.document import TYPES
from isodocs.model.repository import Repository
from isodocs.outputs.escape import markdown_text
from isodocs.translation import say, t

SECTIONS = {"policy": ["Purpose", "Scope", "Responsibilities", "Policy", "Records"],
            "procedure": ["Purpose", "Scope", "Responsibilities", "Procedure", "Records"]}


def add(kind: str, title: str, clauses: list[str], owner: str, path: str = ".", when: date | None = None,
        today: date | None = None) -> int:
    repository = Repository.load(Path(path))
    if kind not in TYPES:
        raise UsageError(say("cli.unknown-type", kind=kind), hint=say("cli.one-of-types", types=tuple(TYPES)))
    if not title.strip():
        raise UsageError(say("cli.empty-title"))
    repository.config.known_role(owner)
    when = not_future(when, today, "document", repository.config.language)
    mapped = parse_clauses(repository, clauses)
    folder = repository.docs_dir / FOLDER[kind]
    if not folder.resolve().is_relative_to(repository.root.resolve()):
        raise UsageError(say("cli.folder-outside", folder=folder.relative_to(repository.root)))
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder):
        repository = Repository.load(repository.root)  # ids taken by anyone who added meanwhile count too
        doc_id = free_id(repository, kind)
        target = folder / f"{slug(title)}.md"
        if target.exists():
            raise UsageError(say("cli.exists", path=target.relative_to(repository.root)),
                             hint=say("cli.exists-hint"))
        write_text(target, render(doc_id, title, kind, owner, mapped, repository.config.default_classification, when))
    sys.stdout.write(t("cli.added", repository.config.language, id=doc_id, path=target.relative_to(repository.root))
                     + "\n")
    return 0


def render(doc_id: str, title: str, kind: str, owner: str, clauses: dict[str, list[str]], classification: str,
           created: date) -> str:
    lines = ["---", *header(doc_id, title, kind, owner, clauses, classification, {"created": created.isoformat()}),
             "---", f"# {markdown_text(title)}", ""]
    for section in SECTIONS.get(kind, ["Purpose", "Scope", "Content", "Records"]):
        lines += [f"## {section}", "", f"[[decide: {section.lower()} of this {kind}]]", ""]
    return "\n".join(lines)
