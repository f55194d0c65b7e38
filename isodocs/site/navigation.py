"""The handbook's navigation when mkdocs.yml has none: sections in the order of a manual, named in the
repository's language, holding only the pages the site publishes (the generated ones last). A section with more
entries than the group size is split into groups of consecutive entries, named by their first and last, so that
with navigation.prune a page carries a bounded share of the navigation however large its folder."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from isodocs.outputs.escape import html_text
from isodocs.site.labels import labels

SECTION_ORDER = ("manual", "policies", "procedures", "plans", "registers", "records", "forms")
INDEXES = ("index.md", "README.md")
GROUP_SIZE = 50      # entries a section holds before it is grouped (README, The handbook at size: how it was chosen)
LABEL_LENGTH = 32    # characters of a title kept in a group's name

Nav = list[str | dict[str, "Nav"]]
T = TypeVar("T")


@cache
def relative(target: str, from_page: str) -> str:
    """A relative link between two docs-relative paths (tens of thousands per build, few distinct folders)."""
    return _relative(target, posixpath.dirname(from_page) or ".")


@cache
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


@dataclass(frozen=True)
class Group(Generic[T]):
    """Consecutive entries of a section, and groups of them."""
    items: tuple[T | Group[T], ...]

    @property
    def first(self) -> T:
        item = self.items[0]
        return item.first if isinstance(item, Group) else item

    @property
    def last(self) -> T:
        item = self.items[-1]
        return item.last if isinstance(item, Group) else item


def grouped(entries: Sequence[T], bound: int, room: int | None = None) -> list[T | Group[T]]:
    """`entries` in their order, split into groups of consecutive entries, and those into groups, so that no level
    holds more than `bound` items (the first level `room`, when part of it is taken), with as few levels as can be
    and groups of equal size (within one) on each level."""
    if bound < 2:
        raise ValueError(f"a group size of {bound} cannot hold more than one entry")
    room = bound if room is None else room
    if room < 1:
        raise ValueError("no room for a group")
    if len(entries) <= room:
        return list(entries)
    span = bound   # the most entries a group may hold: a power of the bound, room groups of it holding them all
    while span * room < len(entries):
        span *= bound
    count = -(-len(entries) // span)
    size, extra = divmod(len(entries), count)
    result: list[T | Group[T]] = []
    start = 0
    for number in range(count):
        end = start + size + (number < extra)
        part = entries[start:end]
        result.append(part[0] if len(part) == 1 else Group(tuple(grouped(part, bound))))
        start = end
    return result


def group_size(value: object) -> int:
    """The option `navigation_group_size` checked: 0 (no groups) or at least 2; ValueError says why not."""
    if isinstance(value, bool) or not isinstance(value, int) or value == 1 or value < 0:
        raise ValueError(f"option 'navigation_group_size' is {value!r}: give the most entries a section of the "
                         "navigation may hold, 2 or more, or 0 for no groups")
    return value


def manual_nav(pages: list[str], language: str, generated: str, group_size: int = 0,
               title: Callable[[str], str] | None = None) -> Nav:
    """A `nav:` for the docs-relative `pages`: the root's index first, then its other pages, then the sections
    of SECTION_ORDER, any other folder by name, and the generated folder last. With a `group_size` (0: none), a
    section holding more entries is grouped (its index page first, outside the groups; folders kept whole),
    each group named by the `title` of its first and last page as the navigation shows it."""
    t = labels(language)
    top = generated.split("/", 1)[0]
    title = title or page_title_from_name

    def rank(folder: str) -> tuple[int, str]:
        if folder == top:
            return (len(SECTION_ORDER) + 1, folder)
        return (SECTION_ORDER.index(folder), folder) if folder in SECTION_ORDER else (len(SECTION_ORDER), folder)

    def section_title(folder: str) -> str:
        if folder == top:
            return t["section_overview"]
        if folder in SECTION_ORDER:
            return t[f"section_{folder}"]
        return title_plain(folder)

    def level(prefix: str, paths: list[str]) -> Nav:
        files = [p for p in paths if "/" not in p[len(prefix):]]
        folders = sorted({p[len(prefix):].split("/", 1)[0] for p in paths if "/" in p[len(prefix):]},
                         key=rank if not prefix else lambda f: (0, f))
        files.sort(key=lambda p: (posixpath.basename(p) not in INDEXES, order_in(prefix, p)))
        entries: list[str | tuple[str, Nav]] = list(files)
        for folder in folders:
            inner = [p for p in paths if p.startswith(f"{prefix}{folder}/")]
            entries.append((section_title(folder) if not prefix else title_plain(folder),
                            level(f"{prefix}{folder}/", inner)))
        head = entries[:1] if files and posixpath.basename(files[0]) in INDEXES else []
        rest = entries[len(head):]
        items = grouped(rest, group_size, group_size - len(head)) if group_size else rest
        return [nav_item(item) for item in [*head, *items]]

    def nav_item(item: str | tuple[str, Nav] | Group[str | tuple[str, Nav]]) -> str | dict[str, Nav]:
        if isinstance(item, str):
            return item
        if isinstance(item, tuple):
            return {html_text(item[0]): item[1]}   # themes print section titles as HTML
        first, last = name(item.first), name(item.last)
        return {html_text(t("nav_group", first=shortened(first), last=shortened(distinct_end(first, last)))):
                [nav_item(inner) for inner in item.items]}

    def name(entry: str | tuple[str, Nav]) -> str:
        return title(entry) if isinstance(entry, str) else entry[0]

    def order_in(prefix: str, path: str) -> tuple[int, str]:
        if prefix == f"{generated}/" and path in generated_order:
            return (generated_order.index(path), path)
        return (len(generated_order), path)

    generated_order = [p for p in pages if p.startswith(f"{generated}/")]
    return level("", sorted(pages))


def title_plain(folder: str) -> str:
    name = folder.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


def page_title_from_name(page: str) -> str:
    """The title MkDocs gives a page that names none: its folder's for an index, else its file's."""
    folder, name = posixpath.split(page)
    if name in INDEXES:
        return title_plain(posixpath.basename(folder)) if folder else "Home"
    return title_plain(posixpath.splitext(name)[0])


def heading(body: str) -> str | None:
    """The text of a Markdown body's first level-one heading (`# Title`), as MkDocs takes a page's title from it."""
    found = re.search(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", body, re.M)
    return found.group(1).strip() if found else None


def distinct_end(first: str, last: str) -> str:
    """`last` without the words it begins with in common with `first` ("Record 1", "Record 50": "50")."""
    a, b = first.split(), last.split()
    same = 0
    while same < min(len(a), len(b) - 1) and a[same] == b[same]:
        same += 1
    return " ".join(b[same:])


def shortened(text: str, length: int = LABEL_LENGTH) -> str:
    """`text` cut after at most `length` characters, at a space when there is one, marked by an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length]
    if " " in cut[length // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,.;:-–—") + "…"
