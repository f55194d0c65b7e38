"""A `Source` made into the body of an isodocs document: its title, clean Markdown without the
document-control table, the headings (for clause suggestions) and the control data found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from markdownify import MarkdownConverter

from isodocs.importing import Source
from isodocs.importing.control_table import CAPTIONS, ControlData, merge, recognise, settle
from isodocs.importing.images import IMAGE_TOKEN
from isodocs.model.config import Config
from isodocs.outputs.escape import linkable

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
FIRST_PAGE = 15  # blocks (paragraphs, headings, tables) that make the first page, where control tables live
FOOTNOTE = "ISODOCSFOOTNOTE{}X"


@dataclass
class Converted:
    title: str | None
    body: str                                   # Markdown
    headings: list[str] = field(default_factory=list)
    control: ControlData = field(default_factory=ControlData)


INLINE_MARKS = re.compile(r"([\\`\[\]{}|#])")
LINE_START = re.compile(r"(?m)^(\s*)([>!+=-]|\d+(?=[.)]))")


class Converter(MarkdownConverter):
    """markdownify, with a document's words kept words: every mark that Markdown (with the tables,
    footnotes and attribute-list extensions) could read as syntax is escaped, HTML made text."""

    def escape(self, text: str, parent_tags: set[str]) -> str:
        text = INLINE_MARKS.sub(r"\\\1", text)
        # markdownify's bundled stub leaves out escape and convert_li, which MarkdownConverter defines
        text = str(super().escape(text, parent_tags))  # type: ignore[misc]
        if not parent_tags & {"h1", "h2", "h3", "h4", "h5", "h6", "td", "th"}:  # those lines start with # or |
            text = LINE_START.sub(_line_start, text)
        return re.sub(r"&(?!#61;)", "&amp;", text).replace("<", "&lt;")


    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A list item whose further lines (a nested list, a second paragraph) are indented by four
        spaces, as Python-Markdown needs to nest them, not by the bullet's width, and end in a blank line."""
        item = str(super().convert_li(el, text, parent_tags))  # type: ignore[misc]  # see escape
        first, newline, rest = item.partition("\n")
        bullet = re.match(r"\s*(\d+[.)]|[-*+]) ", first)
        if bullet is None or not rest.strip():
            return item
        width = len(bullet.group(0))
        lines = ["    " + line[width:] if line.startswith(" " * width) else line for line in rest.split("\n")]
        return first + newline + "\n".join(lines) + "\n"  # a blank line ends it, or the next item joins the nested list


def _line_start(match: re.Match[str]) -> str:
    """`> `, `- `, `1. `, `!!!`, `===` at the start of a line escaped (a number keeps its digits and
    has its `.` or `)` escaped instead)."""
    space, mark = match.group(1), match.group(2)
    if mark == "=":
        return f"{space}&#61;"  # Markdown has no backslash escape for it
    return f"{space}{mark}\\" if mark[0].isdigit() else f"{space}\\{mark}"


def convert(source: Source, config: Config) -> Converted:
    """Images are linked as IMAGE_TOKEN + name until the caller knows their folder."""
    if source.markdown is not None:
        result = _from_markdown(source.markdown, config)
    else:
        result = _from_html(source.html or "", config, set(source.images))
    result.title = result.title or source.title
    if result.title:
        result.title = " ".join(result.title.split())
    return result


def _from_html(html: str, config: Config, images: set[str]) -> Converted:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for table in _control_tables(soup):
        rows = [[cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"], recursive=False)]
                for row in table.find_all("tr") if row.find_parent("table") is table]
        data = recognise(rows)
        if data is not None:
            found.append(data)
            caption = table.find_previous_sibling()
            if caption is not None and CAPTIONS.match(caption.get_text(" ", strip=True)) and len(
                    caption.get_text(strip=True)) < 80:
                caption.decompose()
            table.decompose()
    title = _take_title(soup)
    for image in soup.find_all("img"):
        if image.get("src") in images:
            image["src"] = f"{IMAGE_TOKEN}{image['src']}"
    for link in soup.find_all("a"):
        href = str(link.get("href") or "")
        if href and not linkable(href):
            link.replace_with(*link.contents) if link.contents else link.decompose()
    _merge_runs(soup)
    notes = _footnotes(soup)
    headings = [h.get_text(" ", strip=True) for h in soup.find_all(HEADINGS)]
    for cell in soup.find_all(["td", "th"]):
        for paragraph in cell.find_all("p"):  # Word puts a paragraph in every cell: one line per cell in Markdown
            paragraph.insert_after(NavigableString(" "))
            paragraph.unwrap()
    body = Converter(heading_style="ATX", bullets="-", strong_em_symbol="*", escape_misc=False,
                     table_infer_header=True, keep_inline_images_in=["td", "th", "a", "li", "span", "strong",
                                                                      "em", "b", "i"]).convert_soup(soup)
    for number in range(1, len(notes) + 1):
        body = body.replace(FOOTNOTE.format(number), f"[^{number}]")
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    if notes:
        body += "\n" + "".join(f"[^{n}]: {text}\n" for n, text in enumerate(notes, 1))
    return Converted(title, body, headings, _settled(found, config))


def _merge_runs(soup: BeautifulSoup) -> None:
    """`<em>a</em><em>b</em>` (two runs of one format) as `<em>ab</em>`: Markdown cannot write them apart."""
    for tag in soup.find_all(["strong", "b", "em", "i"]):
        following = tag.next_sibling
        while isinstance(following, Tag) and following.name == tag.name:
            tag.extend(list(following.contents))
            following.decompose()
            following = tag.next_sibling


def _control_tables(soup: BeautifulSoup) -> list[Tag]:
    """Tables on the first page (before the first heading of the text proper) and tables under a
    'Document control' or 'Revision history' caption anywhere."""
    chosen = []
    content_started = False
    for position, element in enumerate(e for e in soup.find_all(["table", *HEADINGS, "p"])
                                       if e.find_parent("table") is None):
        text = element.get_text(" ", strip=True)
        if element.name == "table":
            if not content_started and position < FIRST_PAGE:
                chosen.append(element)
            else:
                previous = element.find_previous_sibling()
                if previous is not None and CAPTIONS.match(previous.get_text(" ", strip=True)):
                    chosen.append(element)
        elif element.name in HEADINGS and element.name != "h1" and not CAPTIONS.match(text):
            content_started = True
        elif element.name == "h1" and chosen:
            content_started = True
    return chosen


def _take_title(soup: BeautifulSoup) -> str | None:
    """The first level-1 heading is the title; when more remain, every heading moves one level down."""
    first = soup.find("h1")
    if first is None:
        return None
    title = first.get_text(" ", strip=True)
    first.decompose()
    if soup.find("h1") is not None:
        for heading in reversed(soup.find_all(HEADINGS)):
            heading.name = f"h{min(int(heading.name[1]) + 1, 6)}"
    return title or None


def _footnotes(soup: BeautifulSoup) -> list[str]:
    """Footnotes (as mammoth and our OpenDocument reader write them) turned into Markdown footnotes."""
    notes: list[str] = []
    items = soup.select('li[id^="footnote-"], li[id^="endnote-"]')
    numbers: dict[str, int] = {}
    for item in items:
        for back in item.select('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'):
            back.decompose()
        text = Converter(escape_misc=False).convert_soup(BeautifulSoup(item.decode_contents(), "html.parser"))
        numbers[str(item["id"])] = len(notes) + 1
        notes.append(" ".join(text.split()) or "(empty)")
        parent = item.parent
        item.decompose()
        if parent is not None and not parent.find("li"):
            parent.decompose()
    for reference in soup.select('a[href^="#footnote-"], a[href^="#endnote-"]'):
        number = numbers.get(str(reference["href"])[1:])
        if number is None:
            continue
        holder = reference.parent if reference.parent is not None and reference.parent.name == "sup" else reference
        holder.replace_with(NavigableString(FOOTNOTE.format(number)))
    return notes


def _settled(found: list[ControlData], config: Config) -> ControlData:
    return settle(merge(found), config) if found else ControlData()


# Markdown sources

TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _from_markdown(text: str, config: Config) -> Converted:
    lines = text.split("\n")
    fenced = _fenced(lines)
    headings = {i: match for i, line in enumerate(lines) if i not in fenced and (match := ATX.match(line))}
    title_line = next(iter(headings), None)
    title = None
    if title_line is not None and len(headings[title_line].group(1)) == 1:
        title = headings[title_line].group(2)
    else:
        title_line = None
    found, drop = [], {title_line} if title_line is not None else set()
    content_started = False
    index = 0
    while index < len(lines):
        if index in headings:
            content_started = content_started or (index != title_line and not CAPTIONS.match(headings[index][2]))
        elif index not in fenced and TABLE_ROW.match(lines[index]):
            end = index
            while end < len(lines) and TABLE_ROW.match(lines[end]):
                end += 1
            above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
            caption = above if above in headings and CAPTIONS.match(headings[above][2]) else None
            if (not content_started and index < 3 * FIRST_PAGE) or caption is not None:
                data = recognise([_cells(row) for row in lines[index:end] if not SEPARATOR.match(row)])
                if data is not None:
                    found.append(data)
                    drop.update(range(index, end))
                    if caption is not None:
                        drop.add(caption)
            index = end
            continue
        index += 1
    demote = title is not None and any(len(m.group(1)) == 1 for i, m in headings.items() if i != title_line)
    kept = [("#" + line if demote and i in headings and len(headings[i].group(1)) < 6 else line)
            for i, line in enumerate(lines) if i not in drop]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip() + "\n"
    names = [m.group(2) for i, m in headings.items() if i not in drop]
    return Converted(title, body, names, _settled(found, config))


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)]


def _fenced(lines: list[str]) -> set[int]:
    inside, fence, marked = False, "", set()
    for index, line in enumerate(lines):
        stripped = line.lstrip()
        if not inside and stripped.startswith(("```", "~~~")):
            inside, fence = True, stripped[:3]
            marked.add(index)
        elif inside:
            marked.add(index)
            if stripped.startswith(fence):
                inside = False
    return marked
