"""A document-control table (version, date, author, approver, changes) read into front matter.

Tables come in as rows of cell texts. Two shapes are recognised, in English and Russian: a revision
table (a header row naming at least two of version, date, author, approver, changes, one row per
revision) and a label/value table ("Owner | Jane Doe", "Версия | 1.2"). What cannot be read for sure
(an ambiguous date such as 03/04/2024, a name that is no role in isodocs.yml) is listed for a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from isodocs.model.config import Config
from isodocs.outputs.escape import markdown_cell as cell
from isodocs.translation import Translator, say

# Column and label names, lower case, punctuation removed; each maps to one field.
HEADINGS: dict[str, tuple[str, ...]] = {
    "version": ("version", "ver", "version no", "version number", "revision", "rev", "issue", "edition",
                "версия", "номер версии", "версия документа", "редакция", "ред", "номер редакции"),
    "date": ("date", "revision date", "change date", "date of change", "effective date", "issue date", "дата",
             "дата изменения", "дата редакции", "дата введения", "дата выпуска"),
    "approved_on": ("approval date", "date approved", "approved on", "дата утверждения"),
    "reviewed_on": ("review date", "last reviewed", "last review", "date reviewed", "дата пересмотра",
                    "дата последнего пересмотра", "дата проверки"),
    "author": ("author", "prepared by", "changed by", "modified by", "editor", "written by", "автор",
               "разработал", "разработчик", "подготовил", "исполнитель", "автор изменений", "внес изменения",
               "внёс изменения"),
    "owner": ("owner", "document owner", "process owner", "владелец", "владелец документа", "владелец процесса",
              "ответственный"),
    "approver": ("approved by", "approver", "approval", "approved", "утвердил", "утверждено", "утвердил а",
                 "утверждающий", "кем утвержден", "кем утверждено"),
    "reviewer": ("reviewed by", "reviewer", "checked by", "проверил", "пересмотрел", "согласовал"),
    "description": ("change description", "description", "description of change", "changes", "change",
                    "summary of changes", "summary", "comments", "comment", "reason for change", "notes",
                    "описание изменений", "описание изменения", "описание", "изменения", "изменение",
                    "содержание изменений", "содержание изменения", "примечание", "комментарий",
                    "причина изменения"),
    "classification": ("classification", "confidentiality", "security classification", "гриф",
                       "гриф конфиденциальности", "уровень конфиденциальности", "классификация"),
}
_FIELD = {name: key for key, names in HEADINGS.items() for name in names}
REVISION_FIELDS = ("version", "date", "author", "approver", "description", "reviewer", "approved_on",
                   "reviewed_on")
CAPTIONS = re.compile(r"^(document control|document history|revision history|version history|change history|"
                      r"change log|record of changes|amendment record|version control|контроль документа|"
                      r"история изменений|история версий|лист регистрации изменений|"
                      r"регистрация изменений|сведения о документе|управление документом)\b", re.IGNORECASE)
CLASSIFICATIONS = {"public": "public", "публичн": "public", "открыт": "public", "internal": "internal",
                   "внутренн": "internal", "для служебного": "internal", "confidential": "confidential",
                   "конфиденц": "confidential", "restricted": "restricted", "strictly confidential": "restricted",
                   "секрет": "restricted", "ограниченн": "restricted", "строго конфиденц": "restricted"}
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
          "nov": 11, "dec": 12, "янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
          "сен": 9, "окт": 10, "ноя": 11, "дек": 12}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def label(text: str) -> str:
    """A heading cell as a key of HEADINGS: lower case, punctuation and numbering marks gone."""
    text = text.lower().replace("ё", "е").replace("№", " ")
    return " ".join(re.findall(r"[\w]+", text))


def field_of(text: str) -> str | None:
    return _FIELD.get(label(text))


@dataclass
class Revision:
    cells: dict[str, str]                           # field -> text, for the columns recognised
    row: list[str] = field(default_factory=list)    # every cell as written, for the revision history

    def get(self, key: str) -> str:
        return self.cells.get(key, "").strip()


@dataclass
class ControlData:
    """What a document-control table says, and what of it needs a person."""

    columns: list[str] = field(default_factory=list)     # the revision table's headings as written
    revisions: list[Revision] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # from a label/value table
    pairs: list[list[str]] = field(default_factory=list)   # that table's rows as written, for the body
    front: dict[str, str] = field(default_factory=dict)   # version, approved, last_reviewed, owner, approver, ...
    carried: list[str] = field(default_factory=list)
    needs_person: list[str] = field(default_factory=list)


def recognise(rows: list[list[str]]) -> ControlData | None:
    """The table's data when it is a document-control table, else None."""
    rows = [[" ".join(cell.split()) for cell in row] for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return None
    header = [field_of(cell) for cell in rows[0]]
    if len({f for f in header if f in REVISION_FIELDS}) >= 2 and len(rows) >= 1:
        data = ControlData(columns=rows[0])
        for row in rows[1:]:
            # a row shorter than the header leaves the rest of its columns empty
            cells = {key: cell for key, cell in zip(header, row, strict=False) if key and cell}
            if cells:
                data.revisions.append(Revision(cells, row))
        return data
    pairs = [(field_of(row[0]), row[1]) for row in rows if len(row) >= 2 and row[0]]
    known = [(key, value) for key, value in pairs if key]
    if len(known) >= 2 and len(known) * 2 >= len(rows):
        data = ControlData()
        for key, value in known:
            if value and key not in data.values:
                data.values[key] = value
        data.pairs = rows
        return data
    return None


def merge(found: list[ControlData]) -> ControlData:
    data = ControlData()
    for part in found:
        if part.revisions:
            data.columns = data.columns or part.columns
            data.revisions += part.revisions
        for key, value in part.values.items():
            data.values.setdefault(key, value)
        data.pairs += part.pairs
    return data


def settle(data: ControlData, config: Config) -> ControlData:
    """Fill `front`, `carried` and `needs_person` from the table's rows and values."""
    latest = _latest(data)
    source = {**(latest.cells if latest else {}), **data.values}
    version = _version(source.get("version", ""), data)
    if version:
        data.front["version"] = version
    dated = [(d, r) for r in data.revisions if (d := _date(r.get("date"), data, "date"))]
    when = _date(source.get("approved_on", ""), data, "approval date") or (
        _date(latest.get("date"), data, "date") if latest and latest.get("approver") else None)
    if when is None and "approver" in data.values and dated:
        when = max(dated, key=lambda pair: pair[0])[0]
    if when:
        data.front["approved"] = when.isoformat()
    reviewed = _date(source.get("reviewed_on", ""), data, "review date")
    latest_date = max((d for d, _ in dated), default=None)
    reviewed = max((d for d in (reviewed, latest_date, when) if d), default=None)
    if reviewed:
        data.front["last_reviewed"] = reviewed.isoformat()
    for key, names in (("owner", ("owner", "author")), ("approver", ("approver",))):
        person = next((source[name] for name in names if source.get(name)), "")
        if not person:
            continue
        role, problem = match_role(config, person)
        if role:
            data.front[key] = role
            data.carried.append(say("import.carried-role", key=key, person=person, role=role))
        else:
            data.needs_person.append(say("import.person-no-role", key=key, person=person, problem=problem))
    level = source.get("classification", "")
    if level:
        chosen = _classification(level)
        if chosen:
            data.front["classification"] = chosen
        else:
            data.needs_person.append(say("import.classification-unknown", level=level))
    if data.revisions:
        data.carried.append(say("import.carried-revisions", count=len(data.revisions)))
    if data.pairs:
        data.carried.append(say("import.carried-table"))
    for key in ("version", "approved", "last_reviewed"):
        if key in data.front:
            data.carried.append(say("import.carried-value", key=key, value=data.front[key]))
    return data


def match_role(config: Config, text: str) -> tuple[str | None, str]:
    """The one role whose id, name or e-mail, or one of whose members' name or e-mail, the text names;
    otherwise None and why."""
    emails = {m.group(0).lower() for m in EMAIL.finditer(text)}
    parts = {_person(part) for part in re.split(r"[,;/()\[\]\n]|\s[-–—]\s", EMAIL.sub(" ", text)) if part.strip()}
    parts.add(_person(EMAIL.sub(" ", text)))
    parts.discard("")
    matches = set()
    for role in config.roles.values():
        addresses = {person.email.lower() for person in role.people if person.email}
        names = {_person(role.name), _person(role.id)} | {_person(member.name) for member in role.members}
        if addresses & emails or names & parts:
            matches.add(role.id)
    if len(matches) == 1:
        return matches.pop(), ""
    if matches:
        return None, say("import.role-several", roles=tuple(sorted(matches)))
    return None, say("import.role-none")


def _person(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("ё", "е").replace("-", " ")))


def _latest(data: ControlData) -> Revision | None:
    """The newest revision: the highest version number, or the last row when versions do not say."""
    if not data.revisions:
        return None
    numbered = [(_number(r.get("version")), i, r) for i, r in enumerate(data.revisions)]
    if all(n is not None for n, _, _ in numbered):
        return max(numbered, key=lambda item: (item[0], item[1]))[2]
    return data.revisions[-1]


def _number(text: str) -> tuple[int, ...] | None:
    match = re.search(r"\d+(\.\d+)*", text)
    return tuple(int(p) for p in match.group(0).split(".")) if match else None


def _version(text: str, data: ControlData) -> str | None:
    if not text:
        return None
    match = re.search(r"\d+(\.\d+)*", text)
    if not match:
        data.needs_person.append(say("import.version-unreadable", text=text))
        return None
    number = match.group(0)
    return number if "." in number else f"{number}.0"


def _classification(text: str) -> str | None:
    lower = text.lower()
    found = {level for word, level in CLASSIFICATIONS.items() if word in lower}
    if len(found) == 2 and "restricted" in found:
        return "restricted"  # "strictly confidential" names both
    return found.pop() if len(found) == 1 else None


def _date(text: str, data: ControlData, what: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    day, problem = parse_day(text)
    if problem:
        message = say("import.date-not-carried", what=say(f"import.date-{what.replace(' ', '-')}"), text=text,
                      problem=problem)
        if message not in data.needs_person:
            data.needs_person.append(message)
    return day


def parse_day(text: str) -> tuple[date | None, str]:
    """A date as people write it in a table, or why it cannot be read for sure (never a guess)."""
    text = re.sub(r"\s*(года|г)$", "", text.strip().lower().rstrip(".")).strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return date(int(m[1]), int(m[2]), int(m[3])), ""
        if m := re.fullmatch(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})", text):
            first, second, year = int(m[1]), int(m[3]), int(m[4])
            if len(m[4]) == 2:  # a two-digit year is the latest such year not in the future
                year += 2000 if 2000 + year <= date.today().year else 1900
            if m[2] == "." or first > 12:
                return date(year, second, first), ""
            if second > 12:
                return date(year, first, second), ""
            if first == second:
                return date(year, first, second), ""
            return None, say("import.date-ambiguous")
        if m := re.fullmatch(r"(\d{1,2})\s+([a-zа-я]+)\s+(\d{4})", text):
            month = _month(m[2])
            if month:
                return date(int(m[3]), month, int(m[1])), ""
        if m := re.fullmatch(r"([a-zа-я]+)\s+(\d{1,2}),?\s+(\d{4})", text):
            month = _month(m[1])
            if month:
                return date(int(m[3]), month, int(m[2])), ""
    except ValueError:
        return None, say("import.date-impossible")
    return None, say("import.date-unreadable")


def _month(word: str) -> int | None:
    if word in ("май", "мая"):
        return 5
    return next((number for prefix, number in MONTHS.items() if word.startswith(prefix)), None)


def history_section(data: ControlData, language: str) -> str:
    """The control tables again, every cell as written, as Markdown sections at the end of the body: the
    revision table as the revision history, a label/value table as the document's information."""
    sections = []
    say = Translator(language, "import.")
    if data.revisions:
        sections.append(_table(say("revision-history"), data.columns, [r.row for r in data.revisions]))
    if data.pairs:
        sections.append(_table(say("document-information"), [say("field"), say("value")], data.pairs))
    return "\n".join(sections)


def _table(heading: str, columns: list[str], rows: list[list[str]]) -> str:
    width = max(len(columns), *(len(row) for row in rows))
    header = columns + [""] * (width - len(columns))
    lines = [f"## {heading}", "", "| " + " | ".join(cell(c) for c in header) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(cell(c) for c in row + [""] * (width - len(row))) + " |" for row in rows]
    return "\n".join(lines) + "\n"
