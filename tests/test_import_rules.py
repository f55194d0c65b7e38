"""The rules behind `isodocs import`: reading document-control tables, dates, names, types and clause
suggestions, checked over many generated inputs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import given, settings, strategies as st

from isodocs.importing.control_table import HEADINGS, match_role, parse_day, recognise, settle
from isodocs.importing.kinds import guess
from isodocs.importing.suggest import stem, words
from isodocs.model.config import Config, Member, Role

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))


def config(**roles: Role) -> Config:
    return Config(Path("isodocs.yml"), "Example", ["iso27001-2022"], roles=dict(roles))


@given(days)
def test_dates_written_the_usual_ways_read_back_exactly(day: date):
    for text in (day.isoformat(), day.strftime("%d.%m.%Y"), f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}",
                 f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}", f"{day.day} {MONTHS_RU[day.month - 1]} "
                 f"{day.year} г."):
        assert parse_day(text) == (day, ""), text
    two_digits = parse_day(f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}")[0]
    assert two_digits is not None and two_digits.year % 100 == day.year % 100
    assert two_digits.year <= date.today().year < two_digits.year + 100


@given(days)
def test_a_slashed_date_is_read_only_when_it_cannot_be_the_other_way_round(day: date):
    found, problem = parse_day(f"{day.day}/{day.month}/{day.year}")
    if day.day > 12 or day.day == day.month:
        assert found == day
    else:
        assert found is None and "day/month or month/day" in problem


@given(st.permutations(["version", "date", "author", "approver", "description"]), st.sampled_from(["en", "ru"]))
def test_a_revision_table_is_read_whatever_the_order_of_its_columns(order: list[str], language: str):
    names = {key: HEADINGS[key][0] if language == "en" else next(n for n in HEADINGS[key] if not n.isascii())
             for key in order}
    values = {"version": "2.1", "date": "2025-03-15", "author": "Jane Doe", "approver": "Anna Petrova",
              "description": "Annual review"}
    data = recognise([[names[key].title() for key in order], [values[key] for key in order]])
    assert data is not None and data.revisions[0].cells == values
    settled = settle(data, config(ceo=Role("ceo", "Anna Petrova")))
    assert settled.front == {"version": "2.1", "approved": "2025-03-15", "last_reviewed": "2025-03-15",
                             "approver": "ceo"}
    assert settled.needs_person == ["owner: 'Jane Doe' matches no role's name or e-mail; choose a role in isodocs.yml"]


def test_a_plain_table_of_the_text_is_no_control_table():
    assert recognise([["Asset", "Owner"], ["Laptops", "IT"]]) is None
    assert recognise([["Step", "Who"], ["1", "IT"], ["2", "HR"]]) is None


def test_the_newest_revision_wins_whichever_way_the_table_is_sorted():
    rows = [["Версия", "Дата", "Утвердил"], ["1.10", "01.02.2025", "CEO"], ["1.9", "01.02.2024", "CEO"]]
    data = settle(recognise(rows), config(ceo=Role("ceo", "Chief Executive Officer")))
    assert data.front["version"] == "1.10" and data.front["approved"] == "2025-02-01"
    assert data.front["approver"] == "ceo"


def test_a_person_is_matched_by_e_mail_name_or_role_id_and_never_by_likeness():
    roles = config(ciso=Role("ciso", "Information Security Officer", "jane@example.com"),
                   ceo=Role("ceo", "Anna Petrova", "anna@example.com"))
    assert match_role(roles, "Jane Doe <JANE@example.com>") == ("ciso", "")
    assert match_role(roles, "Anna  Petrova") == ("ceo", "")
    assert match_role(roles, "A. Petrova, CISO") == ("ciso", "")
    assert match_role(roles, "Anna Petrov")[0] is None
    assert match_role(roles, "Anna Petrova / jane@example.com") == (None, "matches several roles (ceo, ciso)")


def test_a_person_is_matched_through_the_members_of_a_role():
    roles = config(ceo=Role("ceo", "Chief Executive Officer", members=(Member("Иван Петров", "ivan@example.com"),
                                                                       Member("Olga Smirnova"))))
    assert match_role(roles, "Петров Иван")[0] is None  # a name in another order is not the same text
    assert match_role(roles, "Иван Петров") == ("ceo", "")
    assert match_role(roles, "I. Petrov <IVAN@example.com>") == ("ceo", "")
    assert match_role(roles, "Olga Smirnova (acting)") == ("ceo", "")


def test_the_type_comes_from_the_title_then_the_folder():
    assert guess("Incident management procedure", Path("x.docx")) == ("procedure", "title")
    assert guess("Logical access", Path("share/Policies/a.docx")) == ("policy", "folder")
    assert guess("Реестр рисков", Path("a.docx")) == ("register", "title")
    assert guess("Политика резервного копирования", Path("a.docx")) == ("policy", "title")
    assert guess("Clear desk", Path("a.docx")) == (None, "")


def test_stems_join_the_forms_of_a_word():
    assert stem("policies") == stem("policy") and stem("controls") == stem("control")
    assert stem("управления") == stem("управление") and stem("доступом") == stem("доступ")
    assert words("The Policy of access") == {stem("access")}


def test_clauses_are_suggested_in_either_language_and_shown_in_the_repositorys():
    from isodocs.importing.suggest import suggest
    from isodocs.model import catalog

    iso27001 = [catalog.load("iso27001-2022")]
    for title in ("Access control policy", "Политика управления доступом"):
        found = {(s.clause, s.title) for s in suggest(iso27001, "ru", title, [], "")}
        assert ("A.5.15", "Управление доступом") in found, title
        found = {(s.clause, s.title) for s in suggest(iso27001, "en", title, [], "")}
        assert ("A.5.15", "Access control") in found, title
    assert suggest(iso27001, "en", "Canteen menu", ["Soups"], "Soup of the day.") == []


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "b", "i", "br"]), TEXT), min_size=1, max_size=4),
       st.sampled_from(["p", "td", "li", "h2"]))
def test_the_words_of_a_document_stay_words_in_the_handbook(pieces: list[tuple[str, str]], where: str):
    """Whatever text a Word, OpenDocument or HTML file holds, the Markdown made of it renders (with the
    scaffold's Markdown extensions) as that text and the block it was in: no heading, list, link, code,
    table, attribute or HTML appears that the document did not have."""
    import html

    import markdown
    from bs4 import BeautifulSoup

    from isodocs.importing import Source
    from isodocs.importing.convert import convert

    inner = "".join(f"<{tag}>{html.escape(text)}</{tag}>" if tag in ("b", "i") else
                    f"<br>{html.escape(text)}" if tag == "br" else html.escape(text) for tag, text in pieces)
    block = {"td": f"<table><tr><td>H</td></tr><tr><td>{inner}</td></tr></table>", "li": f"<ul><li>{inner}</li></ul>"}
    body = convert(Source(html=f"<h1>T</h1>{block.get(where, f'<{where}>{inner}</{where}>')}"), config()).body
    page = BeautifulSoup(markdown.markdown(body, extensions=["admonition", "attr_list", "tables", "footnotes", "toc"]),
                         "html.parser")
    shown = page.find_all("td")[-1] if where == "td" else page
    assert "".join(shown.get_text().split()) == "".join("".join(text for _, text in pieces).split())
    assert {tag.name for tag in page.find_all(True)} <= {"p", "strong", "em", "br", "table", "thead", "tbody", "tr",
                                                         "th", "td", "ul", "li", "h2"}


def test_nested_opendocument_lists_keep_their_kinds(tmp_path: Path):
    from odf import text
    from odf.opendocument import OpenDocumentText

    from isodocs.importing.convert import convert
    from isodocs.importing.sources import read

    document = OpenDocumentText()
    style = text.ListStyle(name="Mixed")
    style.addElement(text.ListLevelStyleNumber(level=1, numformat="1"))
    style.addElement(text.ListLevelStyleBullet(level=2, bulletchar="•"))
    document.automaticstyles.addElement(style)
    document.text.addElement(text.H(outlinelevel=1, text="Steps"))
    outer = text.List(stylename=style)
    for step in ("Prepare", "Act"):
        item = text.ListItem()
        item.addElement(text.P(text=step))
        inner = text.List()
        for detail in ("first", "then"):
            sub = text.ListItem()
            sub.addElement(text.P(text=f"{step} {detail}"))
            inner.addElement(sub)
        item.addElement(inner)
        outer.addElement(item)
    document.text.addElement(outer)
    document.save(str(tmp_path / "steps.odt"))
    body = convert(read(tmp_path / "steps.odt"), config()).body
    assert _rendered(body) == ("<ol><li><p>Prepare</p><ul><li>Prepare first</li><li>Prepare then</li></ul></li>"
                               "<li><p>Act</p><ul><li>Act first</li><li>Act then</li></ul></li></ol>")


def _rendered(body: str) -> str:
    import markdown

    return re.sub(r">\s+<", "><", markdown.markdown(body, extensions=["tables", "footnotes", "attr_list"])).strip()
