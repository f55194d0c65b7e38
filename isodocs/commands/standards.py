"""`isodocs standards` and `isodocs standards show ID`: the catalogs that ship with isodocs."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from isodocs.model import catalog
from isodocs.model.catalog import Catalog, Entry
from isodocs.model.config import language_at
from isodocs.translation import Translator, given

COLUMNS = ("id", "standard", "status", "published", "transition-ends", "successor", "entries", "clauses", "controls",
           "documented", "kind", "extends")


def list_catalogs(path: str | None = None) -> int:
    """Every catalog isodocs ships (and, inside a repository, the repository's own) with its edition's status."""
    out = sys.stdout
    say = Translator(language_at(path), "standards.")
    rows = [tuple(say[f"column-{column}"] for column in COLUMNS)]
    for loaded in catalog.every(path):
        edition = loaded.edition
        rows.append((loaded.id, loaded.name, say[f"status-{edition.status}"] + ("" if loaded.builtin else say["own"]),
                     edition.published or "-", str(edition.transition_ends or "-"), edition.replaced_by or "-",
                     str(len(loaded.entries)), str(sum(1 for e in loaded.entries.values() if not e.annex)),
                     str(len(loaded.controls)), str(len(loaded.requires_documents)), say[f"kind-{loaded.kind}"],
                     ",".join(loaded.extends) or "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n")
    return 0


def show(catalog_id: str, fmt: str = "text", path: str | None = None) -> int:
    out = sys.stdout
    loaded = catalog.find(catalog_id, path)
    if fmt == "json":
        json.dump([entry_json(entry) for entry in loaded.entries.values()], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    say = Translator(language_at(path), "standards.")
    out.write(f"{loaded.name} — {given(en=loaded.title, ru=loaded.title_ru).said_in(say.language)}\n")
    for line in edition_lines(loaded, say.language):
        out.write(line + "\n")
    for amendment in loaded.amendments:
        out.write(say("amended-by", id=amendment.id, title=given(en=amendment.title, ru=amendment.title_ru),
                      entries=tuple(amendment.entries)) + "\n")
    _tree(loaded, None, 0, out, say)
    return 0


def edition_lines(loaded: Catalog, language: str = "en") -> list[str]:
    """The edition's facts as `standards show` prints them, one per line, in the language."""
    edition = loaded.edition
    say = Translator(language, "standards.")
    status = say[f"status-{edition.status}"]
    lines = [say("kind", kind=kind_line(loaded, language)),
             say("status-published", status=status, published=edition.published) if edition.published
             else say("status", status=status)]
    if edition.replaces:
        lines.append(say("replaces", edition=given(en=edition.replaces, ru=edition.replaces_ru)))
    if edition.superseded:
        lines.append(say("superseded", successor=edition.replaced_by, ends=str(edition.transition_ends)))
    for adoption in edition.adoptions:
        note = say("adoption-note", note=given(en=adoption.note, ru=adoption.note_ru)) if adoption.note else ""
        lines.append(say("adoption", id=adoption.id, country=adoption.country, adopts=adoption.adopts, note=note))
    for key, fact, fact_ru in (("titles-en", edition.titles_en, edition.titles_en_ru),
                               ("titles-ru", edition.titles_ru, edition.titles_ru_ru),
                               ("incomplete", edition.incomplete, edition.incomplete_ru),
                               ("gaps", edition.gaps, edition.gaps_ru)):
        if fact:
            lines.append(say(key, fact=given(en=fact, ru=fact_ru)))
    lines += [say("source", source=source) for source in edition.sources]
    return lines


def kind_line(loaded: Catalog, language: str = "en") -> str:
    say = Translator(language, "standards.")
    if loaded.kind == "additions":
        return say("kind-line-additions", bases=tuple(loaded.extends))
    return say[f"kind-line-{loaded.kind}"]


def entry_json(entry: Entry) -> dict[str, object]:
    return {
        "id": entry.id,
        "title": entry.title,
        "parent": entry.parent,
        "documented_information": entry.documented_information,
        "control": entry.control,
        "amendment": entry.amendment,
        "note": entry.note,
        "extends": list(entry.extends),
        "source": entry.source,
    }


def _tree(loaded: Catalog, parent: str | None, depth: int, out: TextIO, say: Translator) -> None:
    for entry in loaded.children(parent):
        marks = []
        if entry.documented_information:
            marks.append(say("documented", what=say.get(f"documented-{entry.documented_information}",
                                                        entry.documented_information)))
        if entry.control:
            marks.append(say["soa"])
        if entry.amendment:
            marks.append(say("amended", amendment=entry.amendment))
        if entry.extends:
            marks.append(say("extends", bases=tuple(entry.extends)))
        suffix = f"  [{'; '.join(marks)}]" if marks else ""
        out.write(f"{'  ' * depth}{entry.id}  {entry.title_in(say.language) or say['untitled']}{suffix}\n")
        if entry.note:
            out.write(f"{'  ' * (depth + 2)}{say('note', note=entry.note_in(say.language))}\n")
        _tree(loaded, entry.id, depth + 1, out, say)
