"""`isodocs standards` and `isodocs standards show ID`: the catalogs that ship with isodocs."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from isodocs import catalog
from isodocs.catalog import Catalog, Entry


def list_catalogs() -> int:
    out = sys.stdout
    rows = [("id", "standard", "entries", "clauses", "controls", "documented")]
    for catalog_id in catalog.available():
        loaded = catalog.load(catalog_id)
        controls = len(loaded.controls)
        rows.append((loaded.id, loaded.name, str(len(loaded.entries)),
                     str(sum(1 for e in loaded.entries.values() if not e.annex)), str(controls),
                     str(len(loaded.requires_documents))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n")
    return 0


def show(catalog_id: str, fmt: str = "text") -> int:
    out = sys.stdout
    loaded = catalog.load(catalog_id)
    if fmt == "json":
        json.dump([entry_json(entry) for entry in loaded.entries.values()], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    out.write(f"{loaded.name} — {loaded.title}\n")
    for amendment in loaded.amendments:
        out.write(f"Amended by {amendment.id} ({amendment.title}): {', '.join(amendment.entries)}\n")
    _tree(loaded, None, 0, out)
    return 0


def entry_json(entry: Entry) -> dict[str, object]:
    return {
        "id": entry.id,
        "title": entry.title,
        "parent": entry.parent,
        "documented_information": entry.documented_information,
        "control": entry.control,
        "amendment": entry.amendment,
        "note": entry.note,
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
        suffix = f"  [{'; '.join(marks)}]" if marks else ""
        out.write(f"{'  ' * depth}{entry.id}  {entry.title or '(untitled)'}{suffix}\n")
        _tree(loaded, entry.id, depth + 1, out)
