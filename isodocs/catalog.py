"""Standards catalogs: every clause and Annex A control of one edition, numbers and short titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from isodocs.errors import CatalogError
from isodocs.resources import data_dir
from isodocs.schema import problems
from isodocs.yamlload import YamlError, YList, YMap, parse


@dataclass(frozen=True)
class Entry:
    """One clause, sub-clause, Annex A heading or control."""

    id: str
    title: str | None
    parent: str | None = None
    documented_information: str | None = None  # maintained | retained | both
    control: bool = False
    amendment: str | None = None
    note: str | None = None
    title_ru: str | None = None

    @property
    def annex(self) -> bool:
        return self.id.startswith("A.")


@dataclass(frozen=True)
class Amendment:
    id: str
    title: str
    entries: tuple[str, ...]


@dataclass
class Catalog:
    id: str
    name: str
    title: str
    path: Path
    entries: dict[str, Entry]
    amendments: list[Amendment] = field(default_factory=list)

    @property
    def controls(self) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.control]

    @property
    def requires_documents(self) -> list[Entry]:
        """Clauses (not controls) where the standard asks for documented information."""
        return [e for e in self.entries.values() if e.documented_information and not e.control]

    def children(self, parent: str | None) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.parent == parent]

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def control(self, control_id: str) -> Entry | None:
        """The Annex A control of that id; None when there is no such entry or it is not a control."""
        entry = self.entries.get(control_id)
        return entry if entry is not None and entry.control else None


def catalog_dir() -> Path:
    return data_dir("standards")


@cache
def available() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in catalog_dir().glob("*.yml")))


@cache
def load(catalog_id: str) -> Catalog:
    """The catalog with this id; CatalogError names the file and line when it is broken."""
    path = catalog_dir() / f"{catalog_id}.yml"
    if catalog_id not in available():
        raise CatalogError(f"unknown catalog '{catalog_id}'",
                           hint=f"known catalogs: {', '.join(available())}")
    from isodocs.cache import CatalogCache

    stored = CatalogCache(path)
    found = stored.get()
    if found is None:
        found = read(path)
        stored.put(found)
    return found


def read(path: Path) -> Catalog:
    try:
        data = parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"cannot read catalog: {error}", path) from None
    except YamlError as error:
        raise CatalogError(error.message, path, error.line) from None
    for problem in problems("catalog", data):
        raise CatalogError(problem.message, path, problem.line)
    assert isinstance(data, YMap)
    if data["id"] != path.stem:
        raise CatalogError(f"catalog id '{data['id']}' does not match its file name", path, data.lines["id"],
                           hint=f"name the file {data['id']}.yml")
    entries: dict[str, Entry] = {}
    items: YList = data["entries"]
    for item, line in zip(items, items.lines):
        entry = Entry(**item)
        if entry.id in entries:
            raise CatalogError(f"duplicate entry '{entry.id}'", path, line)
        if entry.parent is not None and entry.parent not in entries:
            raise CatalogError(f"entry '{entry.id}' names parent '{entry.parent}', which is not listed before it",
                               path, line)
        entries[entry.id] = entry
    amendments = [Amendment(a["id"], a["title"], tuple(a["entries"])) for a in data.get("amendments") or []]
    for amendment in amendments:
        for entry_id in amendment.entries:
            if entry_id not in entries:
                raise CatalogError(f"amendment {amendment.id} names unknown entry '{entry_id}'", path)
    return Catalog(data["id"], data["name"], data["title"], path, entries, amendments)
