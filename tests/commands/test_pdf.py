"""`isodocs pdf` on real scaffolds, its PDFs opened with pypdf: the title block, the revision history, the running
header and footer, the draft watermark, the manual's contents, Cyrillic text, and no trace of a hidden document."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TODAY, run
from hypothesis import given, strategies as st
from leaks import CASES, CONTROL, SECRET, Case, commit, edit, restricted, write
from pypdf import PdfReader
from scaffold import scaffold

from isodocs.model.document import Document
from isodocs.pdf.copies import css_string, file_name

ROOT = Path(__file__).resolve().parents[2]
KEPT = ("manual/scope-and-context.md", "policies/backup.md", "policies/access-control.md",
        "procedures/incident-management.md")
HIDDEN_TITLE = "Project Kestrel merger"


def trimmed(root: Path) -> None:
    """A scaffold cut to four documents, so that the manual renders in seconds."""
    for path in (root / "docs").rglob("*.md"):
        relative = path.relative_to(root / "docs").as_posix()
        if "/" in relative and relative not in KEPT:
            path.unlink()


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 60), (30, 90, 160)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A trimmed English 27001 scaffold (limit `internal`): the backup policy approved in a second commit, with a
    table, an image, a footnote, a link to a restricted plan and a raw <img> of that plan's chart; the rest drafts."""
    root = scaffold(tmp_path_factory.mktemp("pdf") / "acme", "iso27001-2022", organization="Acme & Co")
    trimmed(root)
    commit(root, "Keep four documents")
    (root / "docs/policies/restore-flow.png").write_bytes(png())
    (root / "docs/plans/merger-chart.png").parent.mkdir(parents=True, exist_ok=True)
    (root / "docs/plans/merger-chart.png").write_bytes(png())
    write(root, "docs/plans/merger.md", restricted("PLN-X-9", HIDDEN_TITLE,
                                                   body=f"{SECRET} ![chart](merger-chart.png)"))
    commit(root, "Add a plan")
    edit(root, "docs/policies/backup.md", "\nstatus: draft\n", "\nstatus: approved\n")
    edit(root, "docs/policies/backup.md", '\nversion: "0.1"\n',
         f'\nversion: "1.0"\napproved: {TODAY}\nlast_reviewed: {TODAY}\n')
    edit(root, "docs/policies/backup.md", "\n## Purpose\n",
         "\n![Restore flow](restore-flow.png)\n\nSee the [merger plan](../plans/merger.md) and "
         "[ISO](https://www.iso.org/).\n\n"
         '<img src="../plans/merger-chart.png" alt=""> <a href="../plans/merger.md">raw</a>\n\n'
         "| Copy | Where kept |\n|---|---|\n"
         "| Nightly | Second site |\n\nCopies leave the building.[^site]\n\n[^site]: The second site is 40 km away.\n"
         "\n## Purpose\n")
    commit(root, "Approve backup policy")
    return root


@dataclass
class Copy:
    reader: PdfReader
    pages: list[str]   # each page's text, extracted once
    links: list[str]   # the targets of its link annotations

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


@pytest.fixture(scope="module")
def printed(english: Path) -> dict[str, Copy]:
    out = english.parent / "pdf"
    result = run("pdf", "--path", str(english), "--output", str(out), "--today", TODAY)
    assert result.code == 0, result.err
    assert "1 resource left out of POL-IS-004.pdf" in result.err and "merger" not in result.err
    copies = {}
    for path in sorted(out.glob("*.pdf")):
        reader = PdfReader(path)
        links = [str(annotation.get_object().get("/A", {}).get("/URI", "")) for page in reader.pages
                 for annotation in page.get("/Annots", [])]
        copies[path.name] = Copy(reader, [page.extract_text() for page in reader.pages], links)
    return copies


def test_a_copy_of_each_published_document_and_the_manual(printed: dict[str, Copy]):
    assert sorted(printed) == ["MAN-001.pdf", "POL-IS-001.pdf", "POL-IS-004.pdf", "PRO-IS-002.pdf", "manual.pdf"]
    manual = printed["manual.pdf"].reader.metadata
    assert manual is not None and manual.title == "Management system manual" and manual.author == "Acme & Co"
    backup = printed["POL-IS-004.pdf"].reader.metadata
    assert backup is not None and backup.title == "Backup policy"


def test_the_title_block_holds_the_document_control_data(printed: dict[str, Copy]):
    first = printed["POL-IS-004.pdf"].pages[0]
    for label, value in (("ID", "POL-IS-004"), ("Title", "Backup policy"), ("Version", "1.0"),
                         ("Status", "approved"), ("Owner", "Information Security Officer (security-officer)"),
                         ("Approver", "Chief Executive Officer (top-management)"), ("Approved", TODAY),
                         ("Next review", "2027-11-21"), ("Classification", "internal")):
        assert re.search(rf"^{label} {re.escape(value)}$", first, re.MULTILINE), (label, first)
    assert first.startswith("Acme & Co\nBackup policy\n")


def test_the_body_keeps_its_table_and_image_and_withholds_the_hidden_link(printed: dict[str, Copy]):
    backup = printed["POL-IS-004.pdf"]
    body = backup.text
    assert "Copy Where kept\nNightly Second site" in body
    assert "[a document that is not published]" in body
    assert backup.links.count("https://www.iso.org/") == 1   # the one link that leaves the copy
    # the restore flow, not the plan's chart (pages share one resource dictionary: count distinct images)
    assert len({image.name for page in backup.reader.pages for image in page.images}) == 1


def test_the_revision_history_lists_each_commit_with_who_approved(printed: dict[str, Copy]):
    body = printed["POL-IS-004.pdf"].text
    history = " ".join(re.sub(r"-\s+", "-", body[body.index("Revision history"):]).split())   # cells' lines joined
    assert "Date Version Change Author Commit Approved by" in history
    assert re.search(r"\d{4}-\d\d-\d\d 1\.0 Approve backup policy Sam Lee [0-9a-f]{7,} Chief Executive Officer "
                     r"\(top-management\) \d{4}-\d\d-\d\d 0\.1 Management system documents for Acme & Co,", history)


def test_every_page_carries_the_id_version_page_number_and_uncontrolled_notice(printed: dict[str, Copy]):
    backup = printed["POL-IS-004.pdf"]
    pages = len(backup.pages)
    for number, found in enumerate(backup.pages, 1):
        assert "POL-IS-004 — Version 1.0" in found
        assert f"Page {number} of {pages}" in found
        assert "Uncontrolled copy when printed" in found


def test_drafts_are_watermarked_and_approved_copies_are_not(printed: dict[str, Copy]):
    assert all(re.search(r"^DRAFT$", page, re.MULTILINE) for page in printed["POL-IS-001.pdf"].pages)
    assert not any("DRAFT" in page for page in printed["POL-IS-004.pdf"].pages)
    manual = printed["manual.pdf"]
    marked = [bool(re.search(r"^DRAFT$", page, re.MULTILINE)) for page in manual.pages]
    backup = [i for i, page in enumerate(manual.pages) if "POL-IS-004 — Version 1.0" in page]
    assert backup and not any(marked[i] for i in backup)
    assert sum(marked) == len(manual.pages) - len(backup) - 2   # all but the cover, the contents and the policy


def test_the_manual_has_contents_with_page_numbers_in_the_handbooks_order(printed: dict[str, Copy]):
    manual = printed["manual.pdf"]
    contents = manual.pages[1]
    entries = re.findall(r"^(\S+) \u2002 (.+?) \.+ (\d+)$", contents, re.MULTILINE)
    assert [e[0] for e in entries] == ["MAN-001", "POL-IS-001", "POL-IS-004", "PRO-IS-002"]
    for doc_id, _title, page in entries:   # each entry's page is where its document starts
        assert f"{doc_id} — Version" in manual.pages[int(page) - 1]
        assert f"{doc_id} — Version" not in manual.pages[int(page) - 2]
    # headings and footnotes keep ids of their own per document, so links inside each lead to its own
    destinations = set(manual.reader.named_destinations)
    assert {f"doc-{n}-purpose" for n in range(1, 5)} | {"doc-3-fn:site", "doc-3-fnref:site"} <= destinations
    titles = [o.title for o in manual.reader.outline if not isinstance(o, list)]
    assert titles[:2] == ["Contents", "Scope and context of the management system"]


def test_no_pdf_holds_a_trace_of_the_hidden_document(printed: dict[str, Copy]):
    for name, copy in printed.items():
        found = copy.text + str(copy.reader.metadata)
        for trace in (SECRET, HIDDEN_TITLE, "PLN-X-9", "merger.md", "merger-chart"):
            assert trace not in found and not any(trace in link for link in copy.links), (name, trace)


def test_a_hidden_document_gets_no_copy(english: Path, tmp_path: Path):
    result = run("pdf", "PLN-X-9", "--path", str(english), "--output", str(tmp_path / "out"))
    assert result.code == 2
    assert "docs/plans/merger.md:1: PLN-X-9 is not published: its classification 'restricted' is above " \
           "'internal'" in result.err
    assert not (tmp_path / "out").exists()


def test_a_page_that_cannot_be_classified_stops_every_copy(english: Path, tmp_path: Path):
    root = tmp_path / "acme"
    shutil.copytree(english, root, symlinks=True)
    write(root, "docs/plans/draft.md", restricted("PLN-X-10", "Merger", extra="owner: [unclosed\n"))
    result = run("pdf", "POL-IS-004", "--path", str(root), "--output", str(tmp_path / "out"))
    assert result.code == 2
    assert "docs/plans/draft.md:" in result.err and "cannot classify this page" in result.err
    assert not (tmp_path / "out").exists()


def test_the_output_folder_may_not_lie_in_the_docs(english: Path):
    result = run("pdf", "POL-IS-004", "--path", str(english), "--output", str(english / "docs" / "pdf"))
    assert result.code == 2 and "lies in the docs folder" in result.err


def test_a_russian_copy_is_set_in_cyrillic(tmp_path: Path):
    root = scaffold(tmp_path / "romashka", "iso27001-2022", extra=("--language", "ru"))
    out = tmp_path / "pdf"
    result = run("pdf", "POL-IS-004", "--path", str(root), "--output", str(out), "--today", TODAY)
    assert result.code == 0, result.err
    reader = PdfReader(out / "POL-IS-004.pdf")
    first = reader.pages[0].extract_text()
    assert "ООО «Ромашка» & Co" in first and "Политика резервного копирования" in first
    assert re.search(r"^Статус проект$", first, re.MULTILINE) and re.search(r"^ПРОЕКТ$", first, re.MULTILINE)
    assert f"Стр. 1 из {len(reader.pages)}" in first
    assert "Распечатанная копия не контролируется" in first
    assert "POL-IS-004 — Версия 0.1" in first
    if shutil.which("pdftoppm"):   # the first page as a picture, for a person to look at
        artifacts = ROOT / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        str(out / "POL-IS-004.pdf"), str(artifacts / "pdf-ru-first-page")], check=True)
        assert (artifacts / "pdf-ru-first-page.png").stat().st_size > 10_000


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scaffold(tmp_path_factory.mktemp("pdf-leaks") / "acme", "iso27001-2022", organization="Acme")


@pytest.mark.slow
@pytest.mark.parametrize("case", [*CASES, CONTROL], ids=[c.name for c in [*CASES, CONTROL]])
def test_the_leak_corpus_leaves_no_trace_in_any_pdf(pristine: Path, tmp_path: Path, case: Case):
    """Each way a restricted document could reach the site, through `isodocs pdf` (every copy and the manual):
    the run stops naming the file and line, or no PDF carries the marker; the control case proves that a public
    marker is found."""
    root = tmp_path / "acme"
    shutil.copytree(pristine, root, symlinks=True)
    case.make(root)
    if "commit" not in case.name:
        commit(root, "Working copy of the case")
    result = run("pdf", "--path", str(root), "--output", str(tmp_path / "pdf"), "--today", TODAY)
    if case.blocked:
        assert result.code == 2 and case.blocked in result.err, result.err
        assert "cannot classify this page" in result.err and not (tmp_path / "pdf").exists()
        return
    assert result.code == 0, result.err
    found = []
    for path in sorted((tmp_path / "pdf").glob("*.pdf")):
        reader = PdfReader(path)
        if re.search(SECRET, "\n".join(p.extract_text() for p in reader.pages) + str(reader.metadata), re.IGNORECASE):
            found.append(path.name)
    assert (found != []) == (case is CONTROL), found


@given(st.text())
def test_a_css_string_reads_back_as_the_text_it_holds(text: str):
    """Labels reach the page frame as CSS strings: whatever they hold, a CSS parser reads back the same text."""
    import tinycss2

    tokens = [t for t in tinycss2.parse_component_value_list(css_string(text)) if t.type != "whitespace"]
    expected = text.replace("\0", "\ufffd")   # CSS reads NUL as U+FFFD
    assert [(t.type, t.value) for t in tokens] == [("string", expected)]


@given(st.lists(st.text(min_size=1), max_size=8))
def test_copy_file_names_are_safe_and_distinct(ids: list[str]):
    taken: set[str] = set()
    names = [file_name(Document(path="docs/x.md", id=doc_id, title="t", type="policy", status="draft"), taken)
             for doc_id in ids]
    assert len({n.lower() for n in names}) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.pdf", n) for n in names)   # no leading dash or dot


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_machine_without_pango_gets_one_line_in_the_repositorys_language(tmp_path: Path, language: str):
    """WeasyPrint raises OSError on import where the system's Pango is missing; a package of that name shadowing
    the real one plays that machine."""
    from english import english

    root = scaffold(tmp_path / "acme", "iso27001-2022", extra=("--language", language))
    shadow = tmp_path / "shadow" / "weasyprint"
    (shadow / "text").mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0': not found\")\n")
    (shadow / "text" / "__init__.py").write_text("")
    isodocs = Path(sys.executable).parent / "isodocs"
    result = subprocess.run([str(isodocs), "pdf", "POL-001", "--path", str(root), "--output", str(tmp_path / "pdf")],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(shadow.parent)})
    assert result.returncode == 2, result.stderr
    line, = result.stderr.splitlines()
    assert "libpango-1.0-0" in line and "apt-get install" in line
    assert bool(english(line)) == (language == "en"), line
