"""Crosswalks: a document that names a clause of one catalog also addresses the clauses it maps to in another.

Files live in the `crosswalks/` folder of the repository's catalogs folder, one per direction, and are
checked against both catalogs when the repository loads (CatalogError with file and line).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from isodocs.errors import CatalogError
from isodocs.files.yamlload import YMap
from isodocs.model import catalog as catalog_module
from isodocs.model.catalog import Catalog
from isodocs.translation import say


@dataclass(frozen=True)
class Crosswalk:
    source: str
    target: str
    map: dict[str, tuple[str, ...]]
    path: Path


def load(folder: Path, own: dict[str, Catalog]) -> list[Crosswalk]:
    """Every crosswalk in `folder` (the catalogs folder's crosswalks/), checked against the catalogs it names."""
    found: list[Crosswalk] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yml")):
        found.append(read(path, own))
    return found


def read(path: Path, own: dict[str, Catalog]) -> Crosswalk:
    data = catalog_module.read_checked(path, "crosswalk")
    ends: dict[str, Catalog] = {}
    for key in ("from", "to"):
        catalog_id = data[key]
        if catalog_id in own:
            ends[key] = own[catalog_id]
        elif catalog_id in catalog_module.available():
            ends[key] = catalog_module.load(catalog_id)
        else:
            raise CatalogError(say("catalog.crosswalk-unknown", catalog=catalog_id), path, data.lines[key],
                               hint=say("catalog.known", known=(*catalog_module.available(), *own)))
    mapping: YMap = data["map"]
    result: dict[str, tuple[str, ...]] = {}
    for source_id, target_ids in mapping.items():
        line = mapping.lines[source_id]
        if source_id not in ends["from"].entries:
            raise CatalogError(say("catalog.no-entry", catalog=ends["from"].id, entry=source_id), path, line)
        for target_id in target_ids:
            if target_id not in ends["to"].entries:
                raise CatalogError(say("catalog.no-entry", catalog=ends["to"].id, entry=target_id), path, line)
        result[str(source_id)] = tuple(str(i) for i in target_ids)
    return Crosswalk(ends["from"].id, ends["to"].id, result, path)


def targets(crosswalks: list[Crosswalk]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(catalog, id) to the (catalog, id) pairs it also addresses, over every crosswalk."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for crosswalk in crosswalks:
        for source_id, target_ids in crosswalk.map.items():
            found.setdefault((crosswalk.source, source_id), []).extend((crosswalk.target, t) for t in target_ids)
    return found
