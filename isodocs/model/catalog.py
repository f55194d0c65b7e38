"""Standards catalogs: every clause and Annex A control of one edition, numbers and short titles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from isodocs.errors import CatalogError, ConfigError
from isodocs.files.cache import FileCache
from isodocs.files.resources import data_dir
from isodocs.files.schema import problems
from isodocs.files.yamlload import YamlError, YList, YMap, parse
from isodocs.translation import say


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
    extends: tuple[str, ...] = ()   # an addition's clauses of the base standard (the crosswalk to it)
    source: str | None = None       # the public page this entry was confirmed against
    note_ru: str | None = None      # the note in isodocs' own Russian words

    def note_in(self, language: str) -> str | None:
        return self.note_ru if language == "ru" and self.note_ru else self.note

    @property
    def annex(self) -> bool:
        return self.id.startswith("A.")

    def title_in(self, language: str) -> str | None:
        """The short title in `language`: the Russian one where the catalog gives it, else the English one."""
        return self.title_ru if language == "ru" and self.title_ru else self.title


@dataclass(frozen=True)
class Amendment:
    id: str
    title: str
    entries: tuple[str, ...]
    title_ru: str | None = None


@dataclass(frozen=True)
class Adoption:
    """A national standard that adopts an edition (which may be an older one than the catalog's)."""

    id: str
    country: str
    adopts: str
    note: str | None = None
    note_ru: str | None = None


@dataclass(frozen=True)
class Edition:
    """The facts of one edition: when it was published, whether it is current, what it replaces."""

    published: str | None = None           # YYYY-MM-DD, or YYYY-MM when sources give only the month
    status: str = "current"                 # current | superseded
    replaces: str | None = None             # a catalog id, or the older edition's reference
    replaced_by: str | None = None
    transition_ends: date | None = None     # the last day certificates to the superseded edition are valid
    titles_en: str | None = None            # where the English titles come from
    titles_ru: str | None = None            # where the Russian titles come from
    adoptions: tuple[Adoption, ...] = ()
    sources: tuple[str, ...] = ()
    gaps: str | None = None                 # what the catalog knowingly lacks or could not confirm, said plainly
    incomplete: str | None = None           # entries it lacks, so coverage cannot be complete (check warns)
    titles_en_ru: str | None = None         # the facts above said in Russian (`titles_ru`, `gaps_ru`, ... in YAML)
    titles_ru_ru: str | None = None
    gaps_ru: str | None = None
    incomplete_ru: str | None = None
    replaces_ru: str | None = None          # `replaces` said in Russian, where it is more than a designation

    @property
    def superseded(self) -> bool:
        return self.status == "superseded"


@dataclass
class Catalog:
    id: str
    name: str
    title: str
    path: Path
    entries: dict[str, Entry]
    amendments: list[Amendment] = field(default_factory=list)
    edition: Edition = field(default_factory=Edition)
    builtin: bool = True
    kind: str = "requirements"       # requirements | additions (to the `extends` catalogs) | guidance
    extends: tuple[str, ...] = ()    # for additions: the base catalogs, any one of which must be in scope
    title_ru: str | None = None      # the standard's title in Russian (the national adoption's, or isodocs' own)

    @property
    def controls(self) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.control]

    @property
    def requires_documents(self) -> list[Entry]:
        """Clauses (not controls) where the standard asks for documented information; none for guidance,
        which requires only what the repository's `required:` names."""
        if self.kind == "guidance":
            return []
        return [e for e in self.entries.values() if e.documented_information and not e.control]

    def children(self, parent: str | None) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.parent == parent]

    def title_of(self, entry: Entry, language: str) -> str:
        """An entry's title in `language`; an entry without one is named by its parent's title and its own id."""
        title = entry.title_in(language)
        if title:
            return title
        parent = self.entries.get(entry.parent or "")
        parent_title = parent.title_in(language) if parent else None
        return f"{parent_title} ({entry.id})" if parent_title else entry.id

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def control(self, control_id: str) -> Entry | None:
        """The Annex A control of that id; None when there is no such entry or it is not a control."""
        entry = self.entries.get(control_id)
        return entry if entry is not None and entry.control else None


BUILTIN_ID = re.compile(r"^[a-z]+[0-9]+-[0-9]{4}$")  # iso27001-2022; also aqap2110-2016 and the like


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
        raise CatalogError(say("catalog.unknown", catalog=catalog_id), hint=say("catalog.known", known=available()))
    stored = FileCache(path, Catalog)
    found = stored.get()
    if found is None:
        found = read(path)
        stored.put(found)
    found.path = path
    return found


def read_checked(path: Path, schema: str) -> YMap:
    """A catalog, transition map or crosswalk file, parsed and held to its schema (CatalogError: file and line)."""
    try:
        data = parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(say("catalog.unreadable", schema=schema, error=str(error)), path) from None
    except YamlError as error:
        raise CatalogError(error.message, path, error.line) from None
    for problem in problems(schema, data):
        raise CatalogError(problem.message, path, problem.line)
    assert isinstance(data, YMap)
    return data


def read(path: Path, builtin: bool = True) -> Catalog:
    data = read_checked(path, "catalog")
    if data["id"] != path.stem:
        raise CatalogError(say("catalog.id-not-file", id=data["id"]), path, data.lines["id"],
                           hint=say("catalog.id-not-file-hint", id=data["id"]))
    if builtin and not BUILTIN_ID.match(data["id"]):
        raise CatalogError(say("catalog.id-form", id=data["id"]), path, data.lines["id"],
                           hint=say("catalog.id-form-hint"))
    entries: dict[str, Entry] = {}
    items: YList = data["entries"]
    for item, line in zip(items, items.lines, strict=True):
        entry = Entry(**{**item, "extends": tuple(str(i) for i in item.get("extends") or ())})
        if entry.id in entries:
            raise CatalogError(say("catalog.duplicate-entry", entry=entry.id), path, line)
        if entry.parent is not None and entry.parent not in entries:
            raise CatalogError(say("catalog.parent-later", entry=entry.id, parent=entry.parent), path, line)
        entries[entry.id] = entry
    amendments = [Amendment(a["id"], a["title"], tuple(a["entries"]), a.get("title_ru"))
                  for a in data.get("amendments") or []]
    for amendment in amendments:
        for entry_id in amendment.entries:
            if entry_id not in entries:
                raise CatalogError(say("catalog.amendment-entry", amendment=amendment.id, entry=entry_id), path)
    kind, extends = _kind(data, entries, path)
    return Catalog(data["id"], data["name"], data["title"], path, entries, amendments,
                   _edition(data.get("edition"), path), builtin, kind, extends, data.get("title_ru"))


def _kind(data: YMap, entries: dict[str, Entry], path: Path) -> tuple[str, tuple[str, ...]]:
    """The catalog's kind and base catalogs; an addition names its bases and each entry the clauses it extends,
    and every one of those clauses exists in every base."""
    kind = data.get("kind") or "requirements"
    extends = tuple(data.get("extends") or ())
    line = data.lines.get("kind", data.lines.get("id"))
    if kind != "additions":
        if extends:
            raise CatalogError(say("catalog.extends-not-additions", kind=kind), path,
                               data.lines.get("extends"))
        if any(entry.extends for entry in entries.values()):
            raise CatalogError(say("catalog.entries-extend"), path, line)
        return kind, extends
    if not extends:
        raise CatalogError(say("catalog.additions-extend"), path, line)
    for base_id in extends:
        if base_id not in available():
            raise CatalogError(say("catalog.extends-unknown", catalog=base_id), path, data.lines.get("extends"),
                               hint=say("catalog.known", known=available()))
        base = load(base_id)
        for entry in entries.values():
            for clause in entry.extends:
                if clause not in base.entries:
                    raise CatalogError(say("catalog.extends-missing", entry=entry.id, clause=clause, name=base.name),
                                       path, line)
    return kind, extends


def _edition(data: YMap | None, path: Path) -> Edition:
    if data is None:
        return Edition()

    def day(key: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise CatalogError(say("catalog.edition-date", key=key, value=str(value)), path,
                               data.lines.get(key)) from None

    titles = data.get("titles") or {}
    titles_said_ru = data.get("titles_ru") or {}
    edition = Edition(
        published=str(data["published"]) if data.get("published") else None, status=data.get("status") or "current",
        replaces=data.get("replaces"), replaced_by=data.get("replaced_by"), transition_ends=day("transition_ends"),
        titles_en=titles.get("en"), titles_ru=titles.get("ru"),
        adoptions=tuple(Adoption(a["id"], a["country"], a["adopts"], a.get("note"), a.get("note_ru"))
                        for a in data.get("adoptions") or []),
        sources=tuple(data.get("sources") or []), gaps=data.get("gaps"), incomplete=data.get("incomplete"),
        titles_en_ru=titles_said_ru.get("en"), titles_ru_ru=titles_said_ru.get("ru"), gaps_ru=data.get("gaps_ru"),
        incomplete_ru=data.get("incomplete_ru"), replaces_ru=data.get("replaces_ru"))
    if edition.superseded and (edition.replaced_by is None or edition.transition_ends is None):
        raise CatalogError(say("catalog.superseded-facts"), path, data.lines.get("status"))
    if not edition.superseded and edition.replaced_by is not None:
        raise CatalogError(say("catalog.current-replaced"), path,
                           data.lines.get("replaced_by"))
    return edition


def local(folder: Path, root: Path | None = None) -> dict[str, Catalog]:
    """A repository's own catalogs: every *.yml directly in `folder`, read and checked like the built-in ones.
    With `root`, a folder that resolves outside it is refused rather than followed."""
    found: dict[str, Catalog] = {}
    if root is not None and not folder.resolve().is_relative_to(root.resolve()):
        raise ConfigError(say("config.catalogs-outside", folder=str(folder)), root / "isodocs.yml",
                          hint=say("config.catalogs-outside-hint"))
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yml")):
        loaded = read(path, builtin=False)
        if loaded.id in available():
            raise CatalogError(say("catalog.id-builtin", id=loaded.id), path, hint=say("catalog.id-builtin-hint"))
        found[loaded.id] = loaded
    return found


def every(path: str | None = None) -> list[Catalog]:
    """The built-in catalogs, then the own catalogs of the repository at or above `path` (if there is one)."""
    loaded = [load(catalog_id) for catalog_id in available()]
    return loaded + list(_repository_catalogs(path).values())


def find(catalog_id: str, path: str | None = None) -> Catalog:
    """A built-in catalog, else one of the repository's own; CatalogError names the known ones."""
    if catalog_id in available():
        return load(catalog_id)
    own = _repository_catalogs(path)
    if catalog_id in own:
        return own[catalog_id]
    raise CatalogError(say("catalog.unknown", catalog=catalog_id),
                       hint=say("catalog.known", known=(*available(), *own)))


def _repository_catalogs(path: str | None) -> dict[str, Catalog]:
    from isodocs.model import config as config_module

    try:
        root = config_module.find_root(Path(path or "."))
        settings = config_module.load(root)
    except ConfigError:
        return {}
    return local(root / settings.catalogs_dir, root)
