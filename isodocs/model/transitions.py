"""Transition maps: how the clauses of one edition map to those of the next, as data.

A map lists only what changed: an id of the old catalog that it does not list keeps its number in
the new one (and must exist there); every id of the new catalog that no old id reaches is listed
as `new`. Both rules are checked when the map is read, so a map cannot silently drop a clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from isodocs.errors import CatalogError
from isodocs.files.yamlload import YList
from isodocs.model.catalog import Catalog, catalog_dir, read_checked
from isodocs.translation import say

DECISIONS = ("split", "new")  # kinds that leave a decision to a person


@dataclass(frozen=True)
class Change:
    old: str | None
    new: tuple[str, ...]
    kind: str      # same | renamed | renumbered | split | merged | new | removed
    note: str | None = None
    note_ru: str | None = None   # the note in isodocs' own Russian words, for Russian repositories
    line: int = 0


@dataclass
class Transition:
    source: Catalog
    target: Catalog
    changes: dict[str, Change]          # by old id, every old id (the unlisted ones as `same`)
    added: list[Change]                 # kind `new`: ids of the new catalog that no old id reaches
    path: Path

    def targets(self, old_id: str) -> tuple[str, ...] | None:
        """The new ids for an old one; None when the old catalog has no such id."""
        change = self.changes.get(old_id)
        return change.new if change else None

    def ids(self, old_id: str) -> tuple[str, ...]:
        """The new ids for an old one; an id the old catalog lacks stays as written."""
        targets = self.targets(old_id)
        return (old_id,) if targets is None else targets

    def replacements(self, old_ids: list[str]) -> list[list[str]]:
        """For each old id of a list, the new ids it becomes there: none when an earlier one took them already."""
        seen: list[str] = []
        result = []
        for old_id in old_ids:
            new_ids = [new_id for new_id in self.ids(old_id) if new_id not in seen]
            seen += new_ids
            result.append(new_ids)
        return result

    def map_ids(self, old_ids: list[str]) -> list[str]:
        """The new ids for a list of old ones, in order, each once; ids the old catalog lacks stay as written."""
        return [new_id for new_ids in self.replacements(old_ids) for new_id in new_ids]


def transitions_dir() -> Path:
    return catalog_dir() / "transitions"


def path_for(source: str, target: str, own: Path | None = None) -> Path | None:
    """The map from `source` to `target`: a repository's own (in its catalogs folder) first, then the built-in."""
    name = f"{source}--{target}.yml"
    for folder in ([own / "transitions"] if own else []) + [transitions_dir()]:
        if (folder / name).is_file():
            return folder / name
    return None


def available() -> list[tuple[str, str]]:
    return sorted(tuple(path.stem.split("--", 1)) for path in transitions_dir().glob("*--*.yml"))  # type: ignore[misc]


def read(path: Path, catalogs: dict[str, Catalog]) -> Transition:
    """The map in `path`, checked against both catalogs; CatalogError names the file and line."""
    data = read_checked(path, "transition")
    ends = {}
    for key in ("from", "to"):
        if data[key] not in catalogs:
            raise CatalogError(say("transition.unknown-catalog", catalog=data[key]), path, data.lines[key])
        ends[key] = catalogs[data[key]]
    if path.stem != f"{data['from']}--{data['to']}":
        raise CatalogError(say("transition.file-name"), path, 1,
                           hint=say("transition.file-name-hint", name=f"{data['from']}--{data['to']}.yml"))
    source, target = ends["from"], ends["to"]
    listed: dict[str, Change] = {}
    added: list[Change] = []
    items: YList = data["changes"]
    for item, line in zip(items, items.lines, strict=True):
        change = Change(item.get("old"), tuple(item.get("new") or ()), item["kind"], item.get("note"),
                        item.get("note_ru"), line)
        _check(change, source, target, path)
        if change.old is None:
            added.append(change)
        elif change.old in listed:
            raise CatalogError(say("transition.twice", old=change.old), path, line)
        else:
            listed[change.old] = change
    changes: dict[str, Change] = {}
    for old_id in source.entries:
        listed_change = listed.get(old_id)
        if listed_change is None:
            if old_id not in target.entries:
                raise CatalogError(say("transition.unmapped", source=source.id, old=old_id, target=target.id), path,
                                   hint=say("transition.unmapped-hint"))
            listed_change = Change(old_id, (old_id,), "same")
        changes[old_id] = listed_change
    reached = {new_id for change in [*changes.values(), *added] for new_id in change.new}
    missing = [entry_id for entry_id in target.entries if entry_id not in reached]
    if missing:
        raise CatalogError(say("transition.unreached", target=target.id, new=missing[0]), path,
                           hint=say("transition.unreached-hint", new=missing[0]))
    return Transition(source, target, changes, added, path)


def _check(change: Change, source: Catalog, target: Catalog, path: Path) -> None:
    if change.old is not None and change.old not in source.entries:
        raise CatalogError(say("catalog.no-entry", catalog=source.id, entry=change.old), path, change.line)
    for new_id in change.new:
        if new_id not in target.entries:
            raise CatalogError(say("catalog.no-entry", catalog=target.id, entry=new_id), path, change.line)
    expected = {"new": (change.old is None and len(change.new) >= 1),
                "removed": (change.old is not None and not change.new),
                "split": (change.old is not None and len(change.new) >= 2)}
    if change.kind in expected and not expected[change.kind]:
        raise CatalogError(say("transition.shape", kind=change.kind), path, change.line,
                           hint=say("transition.shape-hint"))
    if change.kind not in expected and (change.old is None or len(change.new) != 1):
        raise CatalogError(say("transition.one-to-one", kind=change.kind), path, change.line)
