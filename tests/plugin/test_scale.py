"""The scaffold's handbook grows linearly: a page carries its own section's navigation, not every document's."""

from __future__ import annotations

import re
from pathlib import Path

from scaffold import scaffold
from test_site import build, html


def primary_nav(page: str) -> str:
    """The primary sidebar: the site's navigation (with the page's own table of contents inside)."""
    start = page.index('md-sidebar--primary')
    return re.sub(r"\s+", " ", page[start:page.index('md-sidebar--secondary', start)])   # the theme's blank lines vary


def test_documents_added_to_another_section_leave_a_page_as_it_was(tmp_path: Path):
    root = scaffold(tmp_path / "acme", "iso27001-2022")
    assert build(root).returncode == 0
    before = html(root, "policies/backup")
    bulk = root / "docs" / "records" / "bulk"
    bulk.mkdir()
    for number in range(60):
        (bulk / f"record-{number:03d}.md").write_text(
            f"---\nid: REC-BULK-{number:03d}\ntitle: Bulk record {number}\ntype: record\nowner: system-owner\n"
            f"status: draft\n---\n# Bulk record {number}\n\nA record.\n", encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    after = html(root, "policies/backup")
    record = html(root, "records/bulk/record-007")
    assert "Bulk record 27" in primary_nav(record)   # the section of the new records lists them (its first group)
    assert "Bulk record 30 – 59" in primary_nav(record) and "Bulk record 42" not in primary_nav(record)
    assert primary_nav(after) == primary_nav(before)
    assert "Bulk record" not in after
    assert abs(len(after) - len(before)) < len(before) // 100, (len(before), len(after))
    assert len(re.findall(r'class="md-nav__item', primary_nav(after))) < 40


def bulk_records(root: Path, folders: int, each: int) -> None:
    for folder in range(folders):
        bulk = root / "docs" / "records" / f"bulk-{folder}"
        bulk.mkdir(parents=True)
        (bulk / "index.md").write_text(f"# Bulk folder {folder}\n\nRecords kept in bulk.\n", encoding="utf-8")
        for number in range(each):
            (bulk / f"record-{number:03d}.md").write_text(
                f"---\nid: REC-B{folder}-{number:03d}\ntitle: Bulk record {folder}.{number}\ntype: record\n"
                f"owner: system-owner\nstatus: draft\n---\n# Bulk record {folder}.{number}\n\nA record.\n",
                encoding="utf-8")


def pages_of(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(site.rglob("*")) if path.suffix in (".html", ".xml", ".json")}


def folded(text: str) -> str:
    """Blank lines and indentation folded: the theme's loops leave them, one per child walked."""
    return re.sub(r"\s+", " ", text)


def test_the_pruned_navigation_writes_the_pages_the_theme_would(tmp_path: Path):
    root = scaffold(tmp_path / "acme", "iso27001-2022")
    bulk_records(root, folders=3, each=8)
    config = root / "mkdocs.yml"
    assert build(root).returncode == 0
    pruned = pages_of(root / "site")
    config.write_text(config.read_text(encoding="utf-8").replace("  - isodocs\n", "  - isodocs:\n"
                                                                 "      prune_navigation: false\n"), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    whole = pages_of(root / "site")
    assert len(pruned) > 60 and pruned.keys() == whole.keys()
    assert [name for name in pruned if folded(pruned[name]) != folded(whole[name])] == []
    record = "records/bulk-2/record-005/index.html"
    assert "Bulk record 2.7" in pruned[record] and "Bulk record 1.7" not in pruned[record]   # its own folder only
    assert len(pruned[record]) < len(whole[record])   # the theme walked fewer children
