"""The handbook as a manual: section order and names, badges, drafts left out, overdue banner, no outside requests,
`isodocs.yml` watched by `mkdocs serve`, and the dashboard whose figures equal `isodocs check`'s."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import git
import pytest
from conftest import run
from hypothesis import given, settings, strategies as st
from scaffold import approve_everything, scaffold
from test_site import build, check_json, html, set_today

from isodocs.site.labels import labels
from isodocs.site.navigation import SECTION_ORDER, manual_nav

EN_SECTIONS = ["Manual", "Policies", "Procedures", "Plans", "Registers", "Records", "Forms", "Overview"]
RU_SECTIONS = ["Руководство", "Политики", "Процедуры", "Планы", "Реестры", "Записи", "Формы", "Обзор"]


def sections(page: str) -> list[str]:
    """The section titles of mkdocs-material's primary navigation, in order: the open one (a label) and the folded
    ones, which navigation.prune leaves as links to their first page."""
    return re.findall(r'<li class="md-nav__item[^"]*md-nav__item--nested">\s*(?:<input [^>]*>\s*)?'
                      r'<(?:a|label) [^>]*class="md-nav__link[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', page)


@pytest.mark.parametrize("language,names", [("en", EN_SECTIONS), ("ru", RU_SECTIONS)])
def test_navigation_follows_the_manual_in_the_repository_language(tmp_path: Path, language: str, names: list[str]):
    root = scaffold(tmp_path / "acme", "iso27001-2022", "iso9001-2015", extra=("--language", language))
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert sections(html(root, "policies/backup")) == names


@given(st.lists(st.sampled_from([*SECTION_ORDER, "zeta", "alpha", "overview"]), min_size=1, max_size=12),
       st.sampled_from(["en", "ru"]))
@settings(max_examples=60, deadline=None)
def test_manual_nav_orders_sections_and_keeps_every_page(folders: list[str], language: str):
    pages = [f"{folder}/page-{i}.md" for i, folder in enumerate(folders)] + ["index.md"]
    nav = manual_nav(pages, language, "overview")
    assert nav[0] == "index.md"
    keys = [next(iter(item)) for item in nav[1:]]
    seen = list(dict.fromkeys(sorted(set(folders), key=lambda f: (
        len(SECTION_ORDER) + 1 if f == "overview" else SECTION_ORDER.index(f) if f in SECTION_ORDER
        else len(SECTION_ORDER), f))))
    t = labels(language)
    assert keys == [t["section_overview"] if f == "overview" else t[f"section_{f}"] if f in SECTION_ORDER
                    else f.capitalize() for f in seen]
    flat = ["index.md"] + [p for item in nav[1:] for p in next(iter(item.values()))]
    assert sorted(flat) == sorted(pages)


def approved_repository(tmp_path: Path) -> Path:
    root = scaffold(tmp_path / "acme", "iso27001-2022", "iso9001-2015")
    approve_everything(root, "2026-06-01")
    for name, reviewed in (("policies/access-control.md", "2025-10-01"), ("policies/backup.md", "2025-12-10")):
        path = root / "docs" / name
        path.write_text(path.read_text(encoding="utf-8").replace("last_reviewed: 2026-06-01",
                                                                 f"last_reviewed: {reviewed}"), encoding="utf-8")
    assert "required_reading: true" in (root / "docs/policies/acceptable-use.md").read_text(encoding="utf-8")
    set_today(root)
    return root


def draft(root: Path, name: str) -> None:
    path = root / "docs" / name
    path.write_text(path.read_text(encoding="utf-8").replace("status: approved", "status: draft"), encoding="utf-8")


def test_drafts_left_out_when_publish_says_so(tmp_path: Path):
    root = approved_repository(tmp_path)
    draft(root, "procedures/design-and-development.md")
    config = root / "isodocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  drafts: true" in text
    config.write_text(text.replace("  drafts: true", "  drafts: false"), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert not (root / "site/procedures/design-and-development").exists()
    assert "PRO-QM-002" not in (root / "site/overview/register/index.html").read_text(encoding="utf-8")
    assert run("site", "scan", str(root / "site"), "--path", str(root)).code == 0
    staged = run("site", "build", str(root), "--site-dir", str(tmp_path / "staged"))
    assert staged.code == 0, staged.err
    assert not (tmp_path / "staged/procedures/design-and-development").exists()
    assert (tmp_path / "staged/procedures/internal-audit/index.html").exists()
    staged_home = (tmp_path / "staged/index.html").read_text(encoding="utf-8")
    assert 'class="isodocs-figures"' in staged_home and sections(staged_home)[:2] == ["Manual", "Policies"]
    page = root / "docs/policies/backup.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [design](../procedures/design-and-development.md).\n",
                    encoding="utf-8")
    found = check_json(root)["findings"]
    assert any(f["rule"] == "link-hidden" and "publish.drafts is false" in f["message"] for f in found)


def test_drafts_published_by_default_with_a_readable_badge(tmp_path: Path):
    root = approved_repository(tmp_path)
    draft(root, "procedures/design-and-development.md")
    assert build(root).returncode == 0
    page = html(root, "procedures/design-and-development")
    assert '<span class="isodocs-status isodocs-status--draft">draft</span>' in page
    assert 'class="md-status md-status--draft" title="Draft"' in page   # the nav's badge, worded by isodocs.css
    assert ".md-nav__link .md-status::after { content: attr(title)" in \
        (root / "site/overview/isodocs.css").read_text(encoding="utf-8")


class Sources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
        for key, value in attrs:
            if key == names.get(tag) and value:
                self.urls.append(value)


def test_no_request_to_another_host_and_edit_links_from_the_scaffold(tmp_path: Path):
    root = scaffold(tmp_path / "acme", "iso27001-2022")
    assert "font: false" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n# repo_url:" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert build(root).returncode == 0
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = Sources()
        parser.feed(page.read_text(encoding="utf-8"))
        outside = [u for u in parser.urls if urlparse(u).scheme in ("http", "https") or u.startswith("//")]
        assert not outside, (page, outside)
    linked = scaffold(tmp_path / "linked", "iso27001-2022", extra=("--repo-url", "https://git.example.com/a/b"))
    assert "repo_url: 'https://git.example.com/a/b'" in (linked / "mkdocs.yml").read_text(encoding="utf-8")
    assert build(linked).returncode == 0
    assert 'href="https://git.example.com/a/b/edit/main/docs/policies/backup.md"' in html(linked, "policies/backup")


def test_mkdocs_serve_watches_isodocs_yml(tmp_path: Path):
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    root = scaffold(tmp_path / "acme", "iso27001-2022")
    config = load_config(str(root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        assert str((root / "isodocs.yml").resolve()) in {str(Path(p).resolve()) for p in server._watched_paths}
    finally:
        server.server_close()


def figures(page: str) -> dict[str, int]:
    """data-figure -> data-count of each dashboard figure (md_in_html may reorder the attributes)."""
    found = {}
    for tag in re.findall(r'<div class="isodocs-figure(?: [^"]*)?"[^>]*>', page):
        found[re.search(r'data-figure="([a-z_]+)"', tag).group(1)] = int(re.search(r'data-count="(\d+)"', tag).group(1))
    return found


def test_dashboard_figures_equal_the_check(tmp_path: Path):
    root = approved_repository(tmp_path)
    draft(root, "procedures/design-and-development.md")
    assert build(root).returncode == 0, "build"
    report = check_json(root)
    rules = Counter(f["rule"] for f in report["findings"])
    for page in (html(root, "overview"), (root / "site/index.html").read_text(encoding="utf-8")):
        shown = figures(page)
        assert shown["reviews_overdue"] == rules["review-overdue"] == 1
        assert shown["reviews_due_soon"] == rules["review-due-soon"]
        assert shown["actions_overdue"] == rules["nonconformity-overdue"]
        for catalog, ready in report["readiness"].items():
            assert f'data-catalog="{catalog}" data-percent="{ready["percent"]:g}"' in page
        assert re.search(r'data-figure="reviews_overdue">\s*<p><a href="[^"]*calendar/"><strong>1</strong>', page)
        reading = page.split("isodocs-required-reading", 1)[1].split("</div>", 1)[0]
        assert "POL-IS-002" in reading and "POL-001" in reading and "POL-IS-001" not in reading
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert 'href="overview/coverage-iso27001-2022/"' in home


def test_dashboard_counts_nothing_from_a_hidden_document(tmp_path: Path):
    root = approved_repository(tmp_path)
    path = root / "docs/policies/access-control.md"   # the one overdue review
    path.write_text(path.read_text(encoding="utf-8").replace("classification: internal", "classification: restricted"),
                    encoding="utf-8")
    assert "max_classification: internal" in (root / "isodocs.yml").read_text(encoding="utf-8")
    git.Repo(root).git.add(A=True)
    assert build(root).returncode == 0
    assert figures(html(root, "overview"))["reviews_overdue"] == 0
    assert Counter(f["rule"] for f in check_json(root)["findings"])["review-overdue"] == 1
    assert run("site", "scan", str(root / "site"), "--path", str(root)).code == 0
