"""The pruned navigation view against a reference model of how mkdocs-material renders a pruned navigation."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st
from mkdocs.structure.nav import Link, Navigation, Section

from isodocs.site.pruning import PrunedNavigation, PrunedSection, prunes


def trees(depth: int = 3) -> st.SearchStrategy[list[Section | Link]]:
    leaf = st.builds(lambda n: Link(f"link {n}", f"/{n}/"), st.integers(0, 10**6))
    if depth == 0:
        return st.lists(leaf, min_size=1, max_size=4)
    section = st.builds(lambda title, children: Section(title, children), st.text(min_size=1, max_size=5),
                        trees(depth - 1))
    return st.lists(st.one_of(leaf, section), min_size=1, max_size=5)


def parented(items: list, parent: Section | None = None) -> list:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            parented(item.children, item)
    return items


def leaves(items: list) -> list[Link]:
    return [leaf for item in items for leaf in (leaves(item.children) if isinstance(item, Section) else [item])]


def shown(items: list) -> list[str]:
    """What the theme writes with navigation.prune: an active section in full; any other section a link to its
    first page (following first children down); a page its link. Both views must give the same."""
    def first_url(section) -> str:
        first = section.children[0]
        return first_url(first) if isinstance(first, (Section, PrunedSection)) else first.url

    out: list[str] = []
    for item in items:
        if isinstance(item, (Section, PrunedSection)):
            out += [f"[{item.title}]", *shown(item.children)] if item.active else [f"{item.title} -> {first_url(item)}"]
        else:
            out.append(item.url)
    return out


@settings(deadline=None, max_examples=60)
@given(trees(), st.data())
def test_the_view_shows_what_the_theme_shows_and_walks_only_the_branch(items, data):
    items = parented(items)
    links = leaves(items)
    current = data.draw(st.sampled_from(links))
    if current.parent is not None:
        current.parent.active = True
    navigation = Navigation(items, [])
    view = PrunedNavigation(navigation)
    assert shown(view.items) == shown(navigation.items)
    assert len(view) == len(navigation) and list(view) == view.items

    def reached(items: list) -> list[PrunedSection]:
        return [x for item in items if isinstance(item, PrunedSection) for x in (item, *reached(item.children))]

    for section in reached(view.items):
        assert len(section.children) == (len(section._section.children) if section.active else 1)


def test_an_inactive_section_of_a_thousand_pages_offers_its_first():
    section = Section("Records", parented([Link(f"r{n}", f"/r{n}/") for n in range(1000)]))
    view = PrunedSection(section)
    assert [child.url for child in view.children] == ["/r0/"]
    section.active = True
    assert len(view.children) == 1000
    assert view == PrunedSection(section) and view == section and hash(view) == hash(PrunedSection(section))
    assert view.title == "Records" and view.is_section


def test_only_a_pruning_theme_gets_the_view():
    assert prunes("material", ["navigation.prune", "search.highlight"])
    assert not prunes("material", ["navigation.indexes"])
    assert not prunes("material", ["navigation.prune", "navigation.sections"])
    assert not prunes("material", ["navigation.prune", "navigation.tabs"])
    assert not prunes("mkdocs", ["navigation.prune"])
