"""The navigation each page's template is given when mkdocs-material prunes it (`navigation.prune`).

The theme then shows, of every section off the current page's branch, only a link to its first page, yet its
template still walks all the children of every section it meets, looking for an index page. On a page of a
folder with many sub-folders that walk covers a fair share of the whole site, and the build grows with the
square of the number of documents. The view below hands the template the same navigation with every section
off the branch reduced to its first entry: the theme writes the same page, and the work per page follows the
branch instead of the site.

The view is built once per build and reads each section's `active` flag when the template asks, so it
follows the page MkDocs is rendering.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section

# mkdocs-material expands these sections whether or not they hold the current page
EXPANDING_FEATURES = ("navigation.sections", "navigation.tabs")


def prunes(theme_name: str | None, features: list[str]) -> bool:
    """Whether the theme shows only the current branch in full, so the pruned view writes the same pages."""
    return (theme_name == "material" and "navigation.prune" in features
            and not any(feature in features for feature in EXPANDING_FEATURES))


def view(item: StructureItem | PrunedSection) -> StructureItem | PrunedSection:
    return PrunedSection(item) if isinstance(item, Section) else item


class PrunedSection:
    """A section whose children are all there when it holds the current page, and only the first otherwise."""

    def __init__(self, section: Section) -> None:
        self._section = section

    @property
    def children(self) -> list[StructureItem | PrunedSection]:
        children = self._section.children
        if self._section.active:
            return [view(child) for child in children]
        return [view(children[0])] if children else []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._section, name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PrunedSection):
            return self._section is other._section
        return self._section is other

    def __hash__(self) -> int:
        return id(self._section)

    def __repr__(self) -> str:
        return f"PrunedSection({self._section!r})"


class PrunedNavigation:
    """The site's navigation as the template reads it (`nav.items`, `nav.homepage`, iteration), pruned."""

    def __init__(self, navigation: Navigation) -> None:
        self._navigation = navigation

    @property
    def items(self) -> list[StructureItem | PrunedSection]:
        return [view(item) for item in self._navigation.items]

    def __iter__(self) -> Iterator[StructureItem | PrunedSection]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self._navigation.items)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._navigation, name)
