"""A Russian repository: documents, catalogs, check output and the published manual in Russian."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import TODAY, run
from scaffold import approve_everything, scaffold

from isodocs.model import catalog
from isodocs.site.labels import LABELS

CYRILLIC = re.compile("[А-Яа-яЁё]")


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scaffold(tmp_path_factory.mktemp("ru") / "romashka", "iso9001-2015", "iso27001-2022",
                    extra=("--language", "ru"))


def test_every_starter_document_is_in_russian(russian: Path):
    from isodocs.model.repository import Repository
    documents = Repository.load(russian).documents
    assert len(documents) > 30
    for document in documents:
        assert CYRILLIC.search(document.title), document.title
        body = document.body
        assert len(CYRILLIC.findall(body)) > 0.5 * len(re.findall("[A-Za-z]", body)), document.path
        assert "[[decide:" not in body
    everything = " ".join(d.body for d in documents).lower()
    for term in ("высшее руководство", "заинтересованн", "документированн", "несоответстви", "корректирующ"):
        assert term in everything, term


def test_check_output_is_in_russian(russian: Path):
    result = run("check", str(russian), "--today", TODAY)
    assert result.code == 0
    assert "предупреждений:" in result.out and "готовность iso27001-2022" in result.out
    messages = [line for line in result.out.splitlines() if line.startswith("  ")]
    assert messages and all(CYRILLIC.search(line) for line in messages)
    markdown = run("check", str(russian), "--format", "markdown", "--today", TODAY).out
    assert markdown.startswith("## Проверка isodocs ✅ пройдена")
    assert "| Уровень | Правило | Где | Сообщение |" in markdown
    assert json.loads(run("check", str(russian), "--format", "json", "--today", TODAY).out)["summary"]["errors"] == 0


def test_catalogs_carry_russian_titles():
    for catalog_id in catalog.available():
        entries = [e for e in catalog.load(catalog_id).entries.values() if e.title]
        assert all(e.title_ru and CYRILLIC.search(e.title_ru) for e in entries), catalog_id


class Visible(HTMLParser):
    """The text of headings, table headers and cells inside the page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.inside: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("h1", "h2", "h3", "th", "td", "p", "li"):
            self.inside.append(tag)
        if tag in ("code", "a"):
            self.inside.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if self.inside and self.inside[-1] == tag:
            self.inside.pop()

    def handle_data(self, data: str) -> None:
        if self.depth and self.inside and self.inside[-1] not in ("code", "a") and data.strip():
            self.texts.append(data.strip())


def test_site_builds_and_no_english_label_is_left(russian: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "site-ru"
    shutil.copytree(russian, root)
    approve_everything(root, TODAY, review_title="Анализ со стороны руководства",
                       justification="Выбрана по итогам оценки рисков")
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"], cwd=root,
                            capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    english = {text for key, text in LABELS["en"].items() if LABELS["ru"].get(key) != text and len(text) > 3}
    generated = sorted((root / "site" / "overview").glob("*/index.html"))
    assert len(generated) >= 8
    for page in [*generated, root / "site/procedures/internal-audit/index.html"]:
        parser = Visible()
        parser.feed(page.read_text(encoding="utf-8"))
        for text in parser.texts:
            assert text not in english, f"{text!r} on {page}"
            assert not re.fullmatch(r"[A-Za-z][A-Za-z ,.'()-]{3,}", text) or text.startswith(("ISO", "Amd")), \
                f"{text!r} on {page}"
    coverage = (root / "site/overview/coverage-iso9001-2015/index.html").read_text(encoding="utf-8")
    assert "Готовность: 100%" in coverage and "Среда организации" in coverage
    index = json.loads((root / "site/search/search_index.json").read_text(encoding="utf-8"))
    assert "ru" in index["config"]["lang"]
    assert any("Внутренний аудит" in doc["title"] for doc in index["docs"])
