"""`isodocs standards` and `isodocs standards show ID`: the catalogs that ship with isodocs."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from isodocs.model import catalog
from isodocs.model.catalog import Catalog, Entry


def list_catalogs(path: str | None = None) -> int:
    """Every catalog isodocs ships (and, inside a repository, the repository's own) with its edition's status."""
    out = sys.stdout
    rows = [("id", "standard", "status", "published", "transition ends", "successor", "entries", "clauses",
             "controls", "documented", "kind", "extends")]
    for loaded in catalog.every(path):
        edition = loaded.edition
        rows.append((loaded.id, loaded.name, edition.status + ("" if loaded.builtin else " (own)"),
                     edition.published or "-", str(edition.transition_ends or "-"), edition.replaced_by or "-",
                     str(len(loaded.entries)), str(sum(1 for e in loaded.entries.values() if not e.annex)),
                     str(len(loaded.controls)), str(len(loaded.requires_documents)), loaded.kind,
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
    out.write(f"{loaded.name} — {loaded.title}\n")
    for line in edition_lines(loaded):
        out.write(line + "\n")
    for amendment in loaded.amendments:
        out.write(f"Amended by {amendment.id} ({amendment.title}): {', '.join(amendment.entries)}\n")
    _tree(loaded, None, 0, out)
    return 0


def edition_lines(loaded: Catalog) -> list[str]:
    """The edition's facts as `standards show` prints them, one per line."""
    edition = loaded.edition
    lines = [f"Kind: {kind_line(loaded)}",
             f"Status: {edition.status}" + (f", published {edition.published}" if edition.published else "")]
    if edition.replaces:
        lines.append(f"Replaces: {edition.replaces}")
    if edition.superseded:
        lines.append(f"Superseded by {edition.replaced_by}; transition ends {edition.transition_ends}")
    for adoption in edition.adoptions:
        note = f" ({adoption.note})" if adoption.note else ""
        lines.append(f"National adoption: {adoption.id} ({adoption.country}) adopts {adoption.adopts}{note}")
    if edition.titles_en:
        lines.append(f"English titles: {edition.titles_en}")
    if edition.titles_ru:
        lines.append(f"Russian titles: {edition.titles_ru}")
    if edition.incomplete:
        lines.append(f"Incomplete: {edition.incomplete}")
    if edition.gaps:
        lines.append(f"Known gaps: {edition.gaps}")
    lines += [f"Source: {source}" for source in edition.sources]
    return lines


def kind_line(loaded: Catalog) -> str:
    if loaded.kind == "additions":
        return f"additions to {' or '.join(loaded.extends)} (one of them must be in scope too)"
    if loaded.kind == "guidance":
        return "guidance, not certifiable (nothing is required unless isodocs.yml names it under required:)"
    return "certifiable requirements"


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


def _tree(loaded: Catalog, parent: str | None, depth: int, out: TextIO) -> None:
    for entry in loaded.children(parent):
        marks = []
        if entry.documented_information:
            marks.append(f"documented: {entry.documented_information}")
        if entry.control:
            marks.append("SoA")
        if entry.amendment:
            marks.append(f"amended: {entry.amendment}")
        if entry.extends:
            marks.append(f"extends: {', '.join(entry.extends)}")
        suffix = f"  [{'; '.join(marks)}]" if marks else ""
        out.write(f"{'  ' * depth}{entry.id}  {entry.title or '(untitled)'}{suffix}\n")
        _tree(loaded, entry.id, depth + 1, out)
