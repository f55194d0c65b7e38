"""Real Word and OpenDocument files for the import tests, written by python-docx and odfpy.

`docx_from_markdown` turns a document body (headings, paragraphs, lists, pipe tables, **bold** and
*italic*) into a .docx the way a person would have typed it in Word: the first heading in the Title
style, the others as Heading 1..n, lists in Word's list styles, tables as Word tables.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.shared import Inches
from odf import draw, style as odf_style, table as odf_table, text as odf_text
from odf.opendocument import OpenDocumentText

INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


def png(red: int = 255) -> bytes:
    """A valid one-pixel PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes([0, red, 0, 0]))) + chunk(b"IEND", b""))


def _runs(paragraph, text: str) -> None:
    for part in INLINE.split(text):
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and part.endswith("*") and len(part) > 1:
            paragraph.add_run(part[1:-1]).italic = True
        elif part:
            paragraph.add_run(part)


def docx_from_markdown(body: str, target: Path, control: list[list[str]] | None = None) -> Path:
    document = docx.Document()
    first_heading = True
    for block in _blocks(body):
        heading = re.match(r"^(#{1,6})\s+(.*)$", block)
        if heading:
            document.add_heading(heading.group(2), 0 if first_heading else min(len(heading.group(1)) - 1, 9))
            if first_heading and control:
                add_table(document, control)
            first_heading = False
        elif block.startswith("|"):
            add_table(document, [[cell.strip() for cell in line.strip().strip("|").split("|")]
                                 for line in block.split("\n") if not re.match(r"^\|[\s:|-]+\|$", line)])
        elif re.match(r"^[-*]\s+", block):
            _runs(document.add_paragraph(style="List Bullet"), re.sub(r"^[-*]\s+", "", block))
        elif re.match(r"^\d+\.\s+", block):
            _runs(document.add_paragraph(style="List Number"), re.sub(r"^\d+\.\s+", "", block))
        else:
            _runs(document.add_paragraph(), block)
    document.save(target)
    return target


def _blocks(body: str) -> list[str]:
    """Headings, list items, tables and paragraphs, with wrapped lines joined as Word keeps them."""
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current) if not current[0].startswith("|") else "\n".join(current))
            current.clear()

    for line in body.splitlines():
        stripped = line.strip()
        starts = re.match(r"^(#{1,6}\s|[-*]\s|\d+\.\s|\|)", stripped)
        if not stripped:
            close()
        elif current and current[0].startswith("|") and stripped.startswith("|"):
            current.append(stripped)
        elif starts or (current and current[0].startswith("|")):
            close()
            current.append(stripped)
            if stripped.startswith("#"):
                close()
        else:
            current.append(stripped)
    close()
    return blocks


def add_table(document, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value


def policy_docx(target: Path, title: str, control: list[list[str]], sections: dict[str, list[str]],
                image: bool = True) -> Path:
    """A policy as organizations keep them: title, a document-control table, numbered sections with
    bulleted and numbered lists, bold and italic, a table and an image."""
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, 0)
    add_table(document, control)
    for number, (heading, paragraphs) in enumerate(sections.items(), 1):
        document.add_heading(f"{number}. {heading}", 1)
        for text in paragraphs:
            if text.startswith("- "):
                _runs(document.add_paragraph(style="List Bullet"), text[2:])
            elif text.startswith("# "):
                _runs(document.add_paragraph(style="List Number"), text[2:])
            else:
                _runs(document.add_paragraph(), text)
    add_table(document, [["Asset", "Owner"], ["Laptops", "IT"], ["HR files", "HR"]])
    if image:
        document.add_picture(io.BytesIO(png()), width=Inches(1))
    document.save(target)
    return target


def policy_odt(target: Path, title: str, control: list[list[str]], sections: dict[str, list[str]],
               image: bool = True) -> Path:
    """The same kind of policy as an OpenDocument text, written by odfpy."""
    document = OpenDocumentText()
    bold = odf_style.Style(name="Bold", family="text")
    bold.addElement(odf_style.TextProperties(fontweight="bold"))
    italic = odf_style.Style(name="Italic", family="text")
    italic.addElement(odf_style.TextProperties(fontstyle="italic"))
    numbered = odf_text.ListStyle(name="Numbered")
    numbered.addElement(odf_text.ListLevelStyleNumber(level=1, numformat="1"))
    bullets = odf_text.ListStyle(name="Bullets")
    bullets.addElement(odf_text.ListLevelStyleBullet(level=1, bulletchar="•"))
    for item in (bold, italic, numbered, bullets):
        document.automaticstyles.addElement(item)
    document.text.addElement(odf_text.H(outlinelevel=1, text=title))
    document.text.addElement(_odt_table(control))
    for number, (heading, paragraphs) in enumerate(sections.items(), 1):
        document.text.addElement(odf_text.H(outlinelevel=2, text=f"{number}. {heading}"))
        current, kind = None, None
        for text in paragraphs:
            wanted = "bullets" if text.startswith("- ") else "numbered" if text.startswith("# ") else None
            if wanted is None:
                current = kind = None
                paragraph = odf_text.P()
                for part in INLINE.split(text):
                    if part.startswith("**"):
                        paragraph.addElement(odf_text.Span(stylename=bold, text=part[2:-2]))
                    elif part.startswith("*") and len(part) > 1:
                        paragraph.addElement(odf_text.Span(stylename=italic, text=part[1:-1]))
                    elif part:
                        paragraph.addText(part)
                document.text.addElement(paragraph)
                continue
            if kind != wanted:
                current = odf_text.List(stylename=bullets if wanted == "bullets" else numbered)
                document.text.addElement(current)
                kind = wanted
            item = odf_text.ListItem()
            item.addElement(odf_text.P(text=text[2:]))
            current.addElement(item)
    document.text.addElement(_odt_table([["Asset", "Owner"], ["Laptops", "IT"], ["HR files", "HR"]]))
    if image:
        href = document.addPicture("Pictures/logo.png", "image/png", png(10))
        frame = draw.Frame(width="1cm", height="1cm", anchortype="as-char")
        frame.addElement(draw.Image(href=href))
        paragraph = odf_text.P()
        paragraph.addElement(frame)
        document.text.addElement(paragraph)
    note = odf_text.Note(noteclass="footnote", id="ftn1")
    note.addElement(odf_text.NoteCitation(text="1"))
    body = odf_text.NoteBody()
    body.addElement(odf_text.P(text="See the risk register."))
    note.addElement(body)
    closing = odf_text.P(text="Exceptions are recorded")
    closing.addElement(note)
    document.text.addElement(closing)
    document.save(str(target))
    return target


def _odt_table(rows: list[list[str]]):
    table = odf_table.Table(name=f"T{id(rows)}")
    table.addElement(odf_table.TableColumn(numbercolumnsrepeated=max(len(r) for r in rows)))
    for row in rows:
        table_row = odf_table.TableRow()
        for value in row:
            cell = odf_table.TableCell()
            cell.addElement(odf_text.P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    return table


def _damaged_part(source: Path, target: Path, part: str) -> Path:
    """`source` copied to `target` with `part` cut in half: still a sound zip, with broken XML inside."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info)
            copy.writestr(info, data[: len(data) // 2] if info.filename == part else data)
    source.unlink()
    return target


def _truncated(path: Path) -> Path:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def damaged_files(folder: Path) -> dict[str, str]:
    """Office files made by the real libraries (python-docx, odfpy, openpyxl, pypdf), then damaged, each with
    the key of the reason `isodocs import` gives for it."""
    import openpyxl
    from pypdf import PdfWriter

    control = [["Version", "Date"], ["1.0", "2024-01-01"]]
    _truncated(policy_docx(folder / "truncated.docx", "Truncated", control, {}))
    _damaged_part(policy_docx(folder / "whole.docx", "Broken XML", control, {}), folder / "broken-xml.docx",
                  "word/document.xml")
    _damaged_part(policy_odt(folder / "whole.odt", "Broken XML", control, {}), folder / "broken-xml.odt",
                  "content.xml")
    workbook = openpyxl.Workbook()
    workbook.active.append(["Risk", "Owner"])
    workbook.save(folder / "risks.xlsx")
    _truncated(folder / "risks.xlsx")
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (folder / "scan.pdf").open("wb") as stream:
        writer.write(stream)
    _truncated(folder / "scan.pdf")
    return {"truncated.docx": "import.not-a-zip", "broken-xml.docx": "import.unconvertible",
            "broken-xml.odt": "import.broken-part", "risks.xlsx": "import.not-a-format",
            "scan.pdf": "import.refused.pdf"}
