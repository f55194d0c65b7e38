"""A folder of hundreds of documents, built with the scaffold's mkdocs.yml: its section is grouped, so every page
carries a bounded share of the navigation, every document is still reached once, in the folder's order, and a
page's weight does not grow with the folder."""

from __future__ import annotations

import functools
import http.server
import json
import re
import sys
import threading
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from scaffold import scaffold
from test_browser import CHROMIUM, chromium
from test_site import build

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from generate import generate

BOUND = 50
FOLDER = "policies/00"   # bench/generate.py's first folder, which --folder-size fills
UNSAFE = "<img src=x onerror=alert(1)> & Synthetic document 50"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Item:
    """An entry of mkdocs-material's primary navigation: a page, a folded section (a link to its first page) or an
    open one."""
    classes: list[str] = field(default_factory=list)
    label: str | None = None
    href: str | None = None
    children: list[Item] = field(default_factory=list)

    @property
    def section(self) -> bool:
        return "md-nav__item--nested" in self.classes or "md-nav__item--pruned" in self.classes

    @property
    def active(self) -> bool:
        return "md-nav__item--active" in self.classes


class PrimaryNav(HTMLParser):
    """The tree of the primary navigation's entries, the page's own table of contents left out."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Item()
        self.items = [self.root]
        self.open: list[tuple[str, str]] = []   # (tag, what it opened)
        self.reading_label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        inside = any(kind == "primary" for _, kind in self.open)
        skipped = any(kind == "skip" for _, kind in self.open)
        kind = ""
        if not inside:
            kind = "primary" if tag == "nav" and "md-nav--primary" in classes else ""
        elif skipped or (tag == "nav" and "md-nav--secondary" in classes):
            kind = "skip"
        elif tag == "li" and "md-nav__item" in classes:
            item = Item(classes)
            self.items[-1].children.append(item)
            self.items.append(item)
            kind = "item"
        elif tag == "a" and "md-nav__link" in classes and self.items[-1].href is None:
            self.items[-1].href = dict(attrs).get("href")
        elif tag == "span" and "md-ellipsis" in classes and self.items[-1].label is None and len(self.items) > 1:
            self.items[-1].label = ""
            kind = "label"
        self.open.append((tag, kind))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            opened, kind = self.open.pop()
            if kind == "item":
                self.items.pop()
            if opened == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1][1] == "label" and self.items[-1].label is not None:
            self.items[-1].label += data


def primary_nav(html: str) -> Item:
    parser = PrimaryNav()
    parser.feed(html)
    for item in walk(parser.root):
        item.label = " ".join((item.label or "").split())
    return parser.root


def walk(item: Item) -> list[Item]:
    return [item] + [inner for child in item.children for inner in walk(child)]


def page_url(site: Path, html: Path) -> str:
    folder = html.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


def resolve(url: str, href: str) -> str:
    parts = [p for p in url.split("/") if p]
    for step in href.split("#")[0].split("/"):
        if step == "..":
            parts.pop()
        elif step and step != ".":
            parts.append(step)
    return "/".join(parts) + "/" if parts else ""


def repository(root: Path, documents: int) -> Path:
    """bench/generate.py's synthetic repository with every document in one folder, and the scaffold's mkdocs.yml
    with the group size set."""
    generate(root, documents, folder_size=documents)
    unsafe = root / "docs" / FOLDER / "doc-000050.md"
    unsafe.write_text(unsafe.read_text(encoding="utf-8").replace("title: 'Synthetic document 50'",
                                                                 f"title: '{UNSAFE}'"), encoding="utf-8")
    config = (scaffold(root.parent / f"scaffold-{documents}", "iso27001-2022") / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"^docs_dir: .*$", "docs_dir: docs", config, flags=re.M)
    config = config.replace("  - isodocs\n", f"  - isodocs:\n      today: '2026-11-21'\n"
                                             f"      navigation_group_size: {BOUND}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("large-folders")
    return {documents: repository(folder / f"repo-{documents}", documents) for documents in (300, 600)}


@pytest.fixture(scope="module")
def navs(sites: dict[int, Path]) -> dict[str, Item]:
    """Every page of the 600-document site, by its address, with its primary navigation."""
    site = sites[600]
    return {page_url(site, html): primary_nav(html.read_text(encoding="utf-8")) for html in site.rglob("index.html")}


def documents(site: Path) -> list[str]:
    return sorted(page_url(site, html) for html in (site / FOLDER).glob("doc-*/index.html"))


def test_no_level_of_any_page_lists_more_than_the_bound(navs: dict[str, Item]):
    assert len(navs) > 600
    for url, nav in navs.items():
        for item in walk(nav):
            assert len(item.children) <= BOUND, (url, item.label, len(item.children))
        assert len(walk(nav)) < 4 * BOUND, url   # top sections, the groups on the page's way and its own


def test_every_document_is_reached_once_in_the_folders_order(sites: dict[int, Path], navs: dict[str, Item]):
    wanted = documents(sites[600])
    assert len(wanted) == 600
    places: dict[str, tuple[int, ...]] = {}
    for url in wanted:
        item, place = navs[url], []
        while not (item.active and not item.section):   # down the open branch to the page itself
            active = [i for i, child in enumerate(item.children) if child.active]
            assert len(active) == 1, (url, item.label)
            place.append(active[0])
            item = item.children[active[0]]
        assert resolve(url, item.href or "") == url
        places[url] = tuple(place)
        leaves = [resolve(url, c.href or "") for c in walk(navs[url]) if not c.section and c.href]
        assert len(leaves) == len(set(leaves)), url   # no page listed twice
    assert len(set(places.values())) == len(wanted)     # each document in exactly one place
    assert sorted(wanted, key=places.__getitem__) == wanted   # in the folder's order
    assert len({place[:-1] for place in places.values()}) == 12   # in groups of 50

    reached, queue = {""}, deque([""])   # and a reader clicking through the navigation from the home page finds all
    while queue:
        url = queue.popleft()
        for item in walk(navs[url]):
            target = resolve(url, item.href) if item.href else None
            if target is not None and target in navs and target not in reached:
                reached.add(target)
                queue.append(target)
    assert set(wanted) <= reached


def test_groups_are_named_by_their_first_and_last_entry_escaped(sites: dict[int, Path], navs: dict[str, Item]):
    url = f"{FOLDER}/doc-000070/"
    folder = next(item for item in walk(navs[url]) if item.label == "00")
    names = [group.label or "" for group in folder.children]
    assert names[:3] == ["Synthetic document 0 – 49", "<img src=x onerror=alert(1)> &… – Synthetic document 99",
                         "Synthetic document 100 – 149"]
    assert names[-1] == "Synthetic document 550 – 599"
    group = folder.children[1]
    assert group.active and [c.label for c in group.children][1:] == [f"Synthetic document {n}" for n in range(51, 100)]
    html = (sites[600] / url / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt; &amp;… – Synthetic document 99" in html
    assert "<img src=x" not in html


def test_a_pages_weight_does_not_grow_with_its_folder(sites: dict[int, Path]):
    pages = {count: (site / FOLDER / "doc-000120" / "index.html").read_text("utf-8") for count, site in sites.items()}
    sizes = {count: len(page.encode()) for count, page in pages.items()}
    links = {count: len(re.findall(r'class="md-nav__link[ "]', page.split("md-sidebar--primary", 1)[1]
                                   .split("md-sidebar--secondary", 1)[0])) for count, page in pages.items()}
    # the folder's level gains one folded group a bound of documents (6), and nothing else
    assert links[600] - links[300] == 600 // BOUND - 300 // BOUND, links
    # listed whole, every document added would add its link (about 260 bytes) to every page of the folder; grouped,
    # a folded group of 50 adds its link, about 530 bytes (36.4 KB at 300 documents, 39.6 KB at 600)
    assert sizes[600] - sizes[300] < 300 * 15, sizes
    assert max(len(html.read_bytes()) for html in (sites[600] / FOLDER).glob("doc-*/index.html")) < 64_000


def test_a_grouped_page_shows_its_group_open_in_chromium(sites: dict[int, Path], tmp_path: Path):
    assert CHROMIUM, "Chromium is not installed: .ci/run installs Debian's chromium package"
    site = sites[600]
    page = f"/{FOLDER}/doc-000321/"
    (site / "probe.html").write_text(
        '<!doctype html><iframe id="page" src="' + page + '" width="1280" height="1400"></iframe><script>\n'
        'document.getElementById("page").onload = () => {\n'
        '  const doc = document.getElementById("page").contentDocument;\n'
        '  const nav = doc.querySelector(".md-sidebar--primary");\n'
        '  const seen = (e) => !!e && e.checkVisibility() && e.getBoundingClientRect().width > 0;\n'
        '  const own = nav.querySelector("a.md-nav__link--active");\n'
        '  const group = own.closest("li.md-nav__item--nested");\n'
        '  const label = group.querySelector(":scope > label.md-nav__link, :scope > .md-nav__link");\n'
        '  const entries = [...group.querySelectorAll(":scope > nav > ul > li > a.md-nav__link")];\n'
        '  document.body.dataset.result = JSON.stringify({own: seen(own), label: label.textContent.trim(),\n'
        '    labelSeen: seen(label), entries: entries.length, entriesSeen: entries.filter(seen).length,\n'
        '    open: getComputedStyle(group.querySelector(":scope > nav")).display});\n'
        '};\n</script>\n', encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dom = chromium(tmp_path / "profile", "--virtual-time-budget=10000", "--dump-dom",
                       f"http://127.0.0.1:{server.server_address[1]}/probe.html")
    finally:
        server.shutdown()
    found = re.search(r'data-result="([^"]*)"', dom)
    assert found, dom[-2000:]
    result = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert result["label"] == "Synthetic document 300 – 349"
    assert result["own"] and result["labelSeen"] and result["open"] != "none", result
    assert result["entries"] == BOUND and result["entriesSeen"] == BOUND, result   # its 50 entries, all shown
