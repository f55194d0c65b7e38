"""Large sections of the navigation are grouped: every entry once, in order, no level above the bound, as few
levels as can be; index pages and folders kept as they were; groups named by their first and last entry."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest
from conftest import make_repo, run
from hypothesis import given, settings, strategies as st
from scaffold import scaffold
from test_large_folders import primary_nav, walk
from test_site import build

from isodocs import checks
from isodocs.git.history import History
from isodocs.model.repository import Repository
from isodocs.site.labels import labels
from isodocs.site.navigation import INDEXES, Group, Nav, group_size, grouped, manual_nav
from isodocs.site.pages import Handbook

Tree = list[int | Group[int]]


def flat(items: Tree) -> list[int]:
    return [leaf for item in items for leaf in (flat(list(item.items)) if isinstance(item, Group) else [item])]


def depth(items: Tree) -> int:
    return max((1 + depth(list(item.items)) for item in items if isinstance(item, Group)), default=0)


def levels(items: Tree) -> list[list[Tree]]:
    """Each level's groups (as their item lists), the top one first."""
    found: list[list[Tree]] = []
    level = [items]
    while level:
        found.append(level)
        level = [list(item.items) for items in level for item in items if isinstance(item, Group)]
    return found


@given(st.integers(0, 20_000), st.integers(2, 120), st.booleans())
@settings(max_examples=300, deadline=None)
def test_groups_keep_every_entry_once_in_order_with_no_level_above_the_bound(count: int, bound: int, index: bool):
    entries = list(range(count))
    room = bound - index   # an index page takes a place on the first level
    top = grouped(entries, bound, room)
    assert flat(top) == entries
    assert len(top) <= room
    for level in levels(top)[1:]:
        for items in level:
            assert 2 <= len(items) <= bound
    fewest = next(d for d in range(count + 1) if room * bound ** d >= count)
    assert depth(top) == fewest
    assert fewest <= max(0, math.ceil(math.log(max(count, 1), bound)))   # logarithmic in the number of entries
    for level in levels(top):   # the items a list is split into hold as many entries as each other, within one
        for items in level:
            sizes = [len(flat(list(item.items))) if isinstance(item, Group) else 1 for item in items]
            assert max(sizes, default=0) - min(sizes, default=0) <= 1


@given(st.integers(2, 5000), st.integers(2, 120))
@settings(max_examples=100, deadline=None)
def test_a_group_is_named_by_its_first_and_last_entry(count: int, bound: int):
    def check(items: Tree) -> None:
        for item in items:
            if isinstance(item, Group):
                inside = flat(list(item.items))
                assert (item.first, item.last) == (inside[0], inside[-1])
                check(list(item.items))
    check(grouped(list(range(count)), bound))


def test_a_group_size_below_two_is_refused():
    with pytest.raises(ValueError):
        grouped([1, 2, 3], 1)
    for wrong in (1, -5, True, "50", 2.5):
        with pytest.raises(ValueError, match="navigation_group_size"):
            group_size(wrong)
    assert group_size(0) == 0 and group_size(2) == 2


def sections(nav: Nav) -> list[tuple[str, Nav]]:
    """Every section of a nav, nested ones included, as (title, entries)."""
    found: list[tuple[str, Nav]] = []
    for item in nav:
        if isinstance(item, dict):
            for title, inner in item.items():
                found.append((title, inner))
                found += sections(inner)
    return found


def pages_of(nav: Nav) -> list[str]:
    return [page for item in nav for page in ([item] if isinstance(item, str) else
                                             [p for inner in item.values() for p in pages_of(inner)])]


FOLDERS = ("policies", "records", "records/audits", "records/audits/2026", "forms", "zeta", "overview")


@given(st.lists(st.tuples(st.sampled_from(FOLDERS), st.integers(0, 400), st.booleans()), min_size=1, max_size=6),
       st.integers(2, 60), st.sampled_from(["en", "ru"]))
@settings(max_examples=80, deadline=None)
def test_manual_nav_groups_large_sections_and_changes_nothing_else(folders: list[tuple[str, int, bool]], bound: int,
                                                                    language: str):
    pages = ["index.md"]
    for folder, count, index in folders:
        pages += [f"{folder}/rec-{number:04d}.md" for number in range(count)] + ([f"{folder}/index.md"] * index)
    pages = sorted(set(pages))
    plain = manual_nav(pages, language, "overview")
    nav = manual_nav(pages, language, "overview", bound, title=lambda page: page.rsplit("/", 1)[1])
    assert pages_of(nav) == pages_of(plain)   # every page once, in the order of the manual
    assert len(pages_of(nav)) == len(pages)
    assert len(nav) <= bound
    folder_sections = dict(sections(plain))
    kept = dict(section for section in sections(nav) if section[0] in folder_sections)
    assert {title: pages_of(inner) for title, inner in kept.items()} == \
        {title: pages_of(inner) for title, inner in folder_sections.items()}   # every folder a section, whole
    for title, entries in folder_sections.items():
        if isinstance(entries[0], str) and entries[0].rsplit("/", 1)[1] in INDEXES:
            assert kept[title][0] == entries[0]   # the index page stays first, outside the groups
    t = labels(language)

    def first(entries: Nav, end: int) -> str:
        item = entries[end]
        if isinstance(item, str):
            return item.rsplit("/", 1)[1]
        title, inner = next(iter(item.items()))
        return title if title in folder_sections else first(inner, end)

    for title, entries in sections(nav):
        assert len(entries) <= bound
        if title not in folder_sections:
            assert title == t("nav_group", first=first(entries, 0), last=first(entries, -1))


def test_group_names_say_the_first_title_and_what_the_last_adds_escaped_for_html():
    pages = [f"records/r-{n:03d}.md" for n in range(120)] + ["records/index.md"]
    titles = {page: f"Record {page[-6:-3].lstrip('0') or '0'}" for page in pages}
    titles["records/r-000.md"] = "<b onclick=alert(1)>A</b> & co"
    nav = manual_nav(pages, "en", "overview", 50, title=titles.__getitem__)
    records = nav[0]["Records"]
    assert records[0] == "records/index.md"
    names = [next(iter(item)) for item in records[1:]]
    assert names == ["&lt;b onclick=alert(1)&gt;A&lt;/b&gt; &amp; co – Record 39", "Record 40 – 79",
                     "Record 80 – 119"]   # 120 pages and the index: three groups of 40
    long = {page: f"A very long title of a record kept for the auditors number {page[-6:-3]}" for page in pages}
    names = [next(iter(item)) for item in manual_nav(pages, "en", "overview", 50, title=long.__getitem__)[0]["Records"]
             if isinstance(item, dict)]
    assert names[0] == "A very long title of a record… – 039"
    odd = manual_nav(["index.md", "r&d <i>x<i>/a.md", "r&d <i>x<i>/b.md"], "en", "overview")
    assert list(odd[1]) == ["R&amp;d &lt;i&gt;x&lt;i&gt;"]   # a folder's name, printed by the theme as HTML


def test_handbook_names_groups_by_the_titles_the_navigation_shows(tmp_path: Path):
    root = make_repo(tmp_path)
    notes = root / "docs" / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("---\ntitle: Front & title\n---\n# Not this\n", encoding="utf-8")
    (notes / "b.md").write_text("Some text.\n\n# Heading title #\n\nMore.\n", encoding="utf-8")
    (notes / "c-plain_name.md").write_text("No heading.\n", encoding="utf-8")
    (notes / "d.md").write_text("---\ntitle: [not, text]\n---\n\n## Second level only\n", encoding="utf-8")
    repository = Repository.load(root)
    handbook = Handbook.build(repository, checks.run(repository, date(2026, 11, 21), History()), History(),
                              date(2026, 11, 21), group_size=2)
    nav = handbook.nav()
    groups = dict(sections(nav))
    notes_section = groups["Notes"]
    assert [next(iter(item)) for item in notes_section] == ["Front &amp; title – Heading title", "C plain name – D"]
    assert pages_of(notes_section) == ["notes/a.md", "notes/b.md", "notes/c-plain_name.md", "notes/d.md"]
    t = labels("en")
    assert groups["Overview"][0] == "overview/index.md"   # the dashboard, first and outside the groups
    assert f"{t['register']} – {t['calendar']}" in groups   # generated pages named by their own headings
    assert f"{t['changes']} – {t['risks']}" in groups
    assert all(len(items) <= 2 for _, items in sections(nav))
    assert len(nav) <= 2


def test_the_option_is_checked_and_isodocs_site_build_groups_as_the_plugin_does(tmp_path: Path):
    root = scaffold(tmp_path / "acme", "iso27001-2022")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - isodocs\n", "  - isodocs:\n      navigation_group_size: 1\n"), encoding="utf-8")
    result = build(root)
    assert result.returncode != 0 and "option 'navigation_group_size' is 1" in result.stderr, result.stderr
    line = text.splitlines().index("  - isodocs") + 2
    result = run("site", "build", str(root), "--site-dir", str(tmp_path / "public"))
    assert result.code == 2 and f"mkdocs.yml:{line}: option 'navigation_group_size' of the isodocs plugin is 1: " \
        in result.err and "give 2 or more, or 0 for no groups" in result.err, result.err
    config.write_text(text.replace("  - isodocs\n", "  - isodocs:\n      navigation_group_size: 4\n"), encoding="utf-8")
    result = run("site", "build", str(root), "--site-dir", str(tmp_path / "public"), "--strict")
    assert result.code == 0, result.err
    page = (tmp_path / "public" / "policies" / "backup" / "index.html").read_text(encoding="utf-8")
    nav = primary_nav(page)
    assert all(len(item.children) <= 4 for item in walk(nav))
    names = [item.label for item in walk(nav)]
    assert "Acceptable use policy – Backup policy" in names and "Backup policy" in names, names   # its group, open
