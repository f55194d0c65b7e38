"""The handbook's navigation when mkdocs.yml has none: sections in the order of a manual, named in the
repository's language, holding only the pages the site publishes (the generated ones last)."""

from __future__ import annotations

import posixpath
from functools import cache

from isodocs.site.labels import labels

SECTION_ORDER = ("manual", "policies", "procedures", "plans", "registers", "records", "forms")
INDEXES = ("index.md", "README.md")

Nav = list[str | dict[str, "Nav"]]


@cache
def relative(target: str, from_page: str) -> str:
    """A relative link between two docs-relative paths (tens of thousands per build, few distinct folders)."""
    return _relative(target, posixpath.dirname(from_page) or ".")


@cache
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def manual_nav(pages: list[str], language: str, generated: str) -> Nav:
    """A `nav:` for the docs-relative `pages`: the root's index first, then its other pages, then the sections
    of SECTION_ORDER, any other folder by name, and the generated folder last."""
    t = labels(language)
    top = generated.split("/", 1)[0]

    def rank(folder: str) -> tuple[int, str]:
        if folder == top:
            return (len(SECTION_ORDER) + 1, folder)
        return (SECTION_ORDER.index(folder), folder) if folder in SECTION_ORDER else (len(SECTION_ORDER), folder)

    def title(folder: str) -> str:
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
        nav: Nav = list(files)
        for folder in folders:
            inner = [p for p in paths if p.startswith(f"{prefix}{folder}/")]
            nav.append({title(folder) if not prefix else title_plain(folder): level(f"{prefix}{folder}/", inner)})
        return nav

    def order_in(prefix: str, path: str) -> tuple[int, str]:
        if prefix == f"{generated}/" and path in generated_order:
            return (generated_order.index(path), path)
        return (len(generated_order), path)

    generated_order = [p for p in pages if p.startswith(f"{generated}/")]
    return level("", sorted(pages))


def title_plain(folder: str) -> str:
    name = folder.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name
