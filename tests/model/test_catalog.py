from __future__ import annotations

import re
from datetime import date

import pytest
from english import english as english_words

from isodocs.errors import CatalogError
from isodocs.model import catalog

REQUIREMENTS = ["iso27001-2022", "iso9001-2015", "iso14001-2015", "iso45001-2018", "iso42001-2023",
                "iso9001-2026", "iso14001-2026", "iso27701-2025", "iso22301-2019", "iso50001-2018"]
ALL = [*REQUIREMENTS, "aqap2110-2016", "iso31000-2018"]
TOPS = {"aqap2110-2016": ["4", "5"], "iso31000-2018": ["4", "5", "6"]}
RAW_ID = re.compile(r'^  - id: "([^"]+)"$', re.M)


def test_every_catalog_of_the_contract_ships():
    assert list(catalog.available()) == sorted(ALL)


def _number(entry_id: str) -> tuple[bool, tuple[int, ...]]:
    return entry_id.startswith("A."), tuple(int(part) for part in entry_id.removeprefix("A.").split("."))


@pytest.mark.parametrize("catalog_id", ALL)
def test_catalog_invariants(catalog_id: str):
    loaded = catalog.load(catalog_id)
    assert loaded.id == catalog_id and catalog.BUILTIN_ID.match(catalog_id)
    text = loaded.path.read_text(encoding="utf-8")
    raw_ids = RAW_ID.findall(text[text.index("\nentries:"):])
    assert len(raw_ids) == len(set(raw_ids)) == len(loaded.entries), "ids are unique"
    ids = list(loaded.entries)
    assert ids == sorted(ids, key=_number), "entries are listed in the standard's numbering order"
    tops = [e.id for e in loaded.entries.values() if e.parent is None and not e.annex]
    assert tops == TOPS.get(catalog_id, ["4", "5", "6", "7", "8", "9", "10"])
    for entry in loaded.entries.values():
        assert isinstance(entry.id, str)
        assert re.fullmatch(r"(A\.)?\d+(\.\d+)*", entry.id)
        assert entry.documented_information in (None, "maintained", "retained", "both")
        if entry.parent is not None:
            assert entry.parent in loaded.entries
            assert entry.id.rsplit(".", 1)[0] == entry.parent
        if entry.control:
            assert entry.annex and entry.parent is not None
    assert bool(loaded.requires_documents) == (loaded.kind != "guidance"), "guidance requires nothing by itself"
    assert "7.5.1" not in {e.id for e in loaded.requires_documents}, "7.5.1 asks for no document of its own"


@pytest.mark.parametrize("catalog_id", ALL)
def test_edition_facts_are_present_and_consistent(catalog_id: str):
    edition = catalog.load(catalog_id).edition
    assert edition.status in ("current", "superseded")
    assert edition.published and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", edition.published)
    assert edition.sources and all(s.startswith("https://") for s in edition.sources)
    assert edition.titles_en and edition.titles_ru
    if edition.superseded:
        successor = catalog.load(edition.replaced_by).edition
        assert successor.status == "current" and successor.replaces == catalog_id
        published = date.fromisoformat(successor.published)
        assert published < edition.transition_ends <= published.replace(year=published.year + 3, day=30)
    elif edition.replaces in catalog.available():
        assert catalog.load(edition.replaces).edition.replaced_by == catalog_id
    russian_adoption = [a for a in edition.adoptions if a.country == "RU"]
    name = catalog.load(catalog_id).name
    if any(a.adopts == name for a in russian_adoption):
        assert "ГОСТ" in edition.titles_ru
    else:
        assert "own translation" in edition.titles_ru or "none yet" in edition.titles_ru


def test_russian_titles_of_27001_2022_say_they_are_our_translation():
    edition = catalog.load("iso27001-2022").edition
    assert [(a.id, a.adopts) for a in edition.adoptions] == [("ГОСТ Р ИСО/МЭК 27001-2021", "ISO/IEC 27001:2013")]
    assert "own translation" in edition.titles_ru


def test_errors_found_against_the_sources_are_fixed():
    iso27001 = catalog.load("iso27001-2022")
    assert iso27001.entries["A.8.1"].title == "User endpoint devices"
    assert iso27001.entries["6.2"].documented_information == "both"
    iso42001 = catalog.load("iso42001-2023")
    assert iso42001.entries["6.1.1"].documented_information == "retained"
    assert iso42001.entries["6.1.3"].documented_information == "both"
    assert iso42001.entries["6.2"].documented_information == "both"


def test_9001_2026_splits_6_1_and_folds_10_3_into_10_1():
    loaded = catalog.load("iso9001-2026")
    assert [e.id for e in loaded.children("6.1")] == ["6.1.1", "6.1.2", "6.1.3"]
    assert loaded.entries["6.1.3"].title == "Actions to address opportunities"
    assert [e.id for e in loaded.children("10")] == ["10.1", "10.2"]
    assert loaded.entries["10.1"].title == "Continual improvement"
    assert loaded.entries["9.2.2"].title and loaded.entries["9.3.3"].title == "Management review results"
    assert not loaded.amendments, "the 2024 climate amendment is part of the 2026 text"
    assert loaded.entries["7.1.5.2"].title == "Measurement traceability", "no public source gives a new title"
    assert "7.1.5.2" in loaded.edition.gaps and "Searched" in loaded.edition.gaps


def test_14001_2026_adds_6_1_4_and_6_3_and_moves_planning_action():
    loaded = catalog.load("iso14001-2026")
    assert [(e.id, e.title) for e in loaded.children("6.1")][-2:] == [
        ("6.1.4", "Risks and opportunities"), ("6.1.5", "Planning action")]
    assert loaded.entries["6.3"].title == "Planning of changes"
    assert loaded.entries["5.3"].title == "Roles, responsibilities and authorities"
    assert [(e.id, e.title) for e in loaded.children("9.3")] == [
        ("9.3.1", "General"), ("9.3.2", "Management review inputs"), ("9.3.3", "Management review results")]
    assert [(e.id, e.title) for e in loaded.children("10")] == [
        ("10.1", "Continual improvement"), ("10.2", "Nonconformity and corrective action")]
    assert loaded.entries["9.3.3"].documented_information == "retained"
    assert loaded.entries["9.3"].documented_information is None, "the records belong to the results"
    assert "sqmc.co.uk" in " ".join(loaded.edition.sources) and "isomanaged.com" in loaded.edition.gaps


def test_27701_2025_has_all_78_controls_in_three_tables():
    loaded = catalog.load("iso27701-2025")
    tables = {table: [c.id for c in loaded.controls if c.id.startswith(table + ".")] for table in ("A.1", "A.2", "A.3")}
    assert (len(tables["A.1"]), len(tables["A.2"]), len(tables["A.3"])) == (31, 18, 29)
    assert len(loaded.controls) == 78 and loaded.edition.incomplete is None
    assert loaded.entries["A.1.2.2"].title == "Identify and document purpose"
    assert loaded.entries["A.2.2.2"].title == "Customer agreement"
    assert tables["A.3"] == [f"A.3.{n}" for n in range(3, 32)], "Table A.3 runs from A.3.3 to A.3.31"
    assert loaded.entries["A.3.11"].title == "Information security incident management planning and preparation"
    iso27001 = catalog.load("iso27001-2022")
    for control in tables["A.3"]:
        entry = loaded.entries[control]
        counterpart = re.search(r"ISO/IEC 27001:2022 (A\.\d+\.\d+)", entry.note or "")
        assert counterpart, f"{control} names the 27001 control it applies to PII"
        assert iso27001.entries[counterpart.group(1)].title == entry.title, control
        assert iso27001.entries[counterpart.group(1)].title_ru == entry.title_ru, control
    assert "Table A.3" in loaded.edition.gaps and "ciso-assistant" in " ".join(loaded.edition.sources)
    assert loaded.entries["6.1.3"].documented_information == "both"


def test_new_standards_have_their_own_operation_clauses():
    assert catalog.load("iso22301-2019").entries["8.2.2"].title == "Business impact analysis"
    assert catalog.load("iso50001-2018").entries["6.5"].title == "Energy baseline"


def test_27001_has_138_entries_93_controls_in_four_themes():
    loaded = catalog.load("iso27001-2022")
    assert len(loaded.entries) == 138
    themes = {theme: len([c for c in loaded.controls if c.id.startswith(theme + ".")])
              for theme in ("A.5", "A.6", "A.7", "A.8")}
    assert themes == {"A.5": 37, "A.6": 8, "A.7": 14, "A.8": 34}
    assert [e.id for e in loaded.entries.values() if e.annex and e.parent is None] == ["A.5", "A.6", "A.7", "A.8"]
    assert loaded.entries["5.10" if "5.10" in loaded.entries else "A.5.10"].id == "A.5.10"
    assert loaded.entries["A.5.1"].title == "Policies for information security"


def test_42001_has_38_controls():
    assert len(catalog.load("iso42001-2023").controls) == 38


def test_9001_keeps_untitled_paragraphs_where_requirements_sit():
    loaded = catalog.load("iso9001-2015")
    assert loaded.entries["8.7.2"].title is None
    assert loaded.entries["8.7.2"].documented_information == "retained"
    assert loaded.entries["4.4.2"].documented_information == "both"


@pytest.mark.parametrize("catalog_id", ["iso27001-2022", "iso9001-2015", "iso14001-2015", "iso45001-2018"])
def test_climate_amendment_is_noted_on_4_1_and_4_2(catalog_id: str):
    loaded = catalog.load(catalog_id)
    assert [a.entries for a in loaded.amendments] == [("4.1", "4.2")]
    assert loaded.entries["4.1"].amendment == loaded.entries["4.2"].amendment == "Amd 1:2024"


def test_broken_catalog_names_file_and_line(tmp_path):
    path = tmp_path / "iso27001-2022.yml"
    path.write_text('id: iso27001-2022\nname: x\ntitle: y\nentries:\n  - id: "4"\n    titel: Context\n')
    with pytest.raises(CatalogError) as raised:
        catalog.read(path)
    assert raised.value.line == 6
    assert "did you mean 'title'" in str(raised.value)


def test_catalog_with_missing_parent_is_refused(tmp_path):
    path = tmp_path / "iso9001-2015.yml"
    path.write_text('id: iso9001-2015\nname: x\ntitle: y\nentries:\n  - id: "4.1"\n    title: a\n    parent: "4"\n')
    with pytest.raises(CatalogError, match="parent '4'"):
        catalog.read(path)


def test_unknown_catalog():
    with pytest.raises(CatalogError, match="unknown catalog 'iso27001-2013'"):
        catalog.load("iso27001-2013")


def test_aqap_2110_adds_to_both_9001_editions_with_a_crosswalk_per_clause():
    aqap = catalog.load("aqap2110-2016")
    assert aqap.kind == "additions" and aqap.extends == ("iso9001-2015", "iso9001-2026")
    chapters = {"4", "5"}
    for entry in aqap.entries.values():
        assert entry.source and entry.source in aqap.edition.sources, entry.id
        if entry.id in chapters:
            continue
        assert entry.extends, f"{entry.id} names the ISO 9001 clause it adds to"
        for base in aqap.extends:
            assert all(clause in catalog.load(base).entries for clause in entry.extends)
    assert aqap.entries["4.3"].extends == ("8.4.3",) and "GQA" in aqap.entries["4.3"].title
    assert aqap.entries["5.2.1"].title == "Risk management" and aqap.entries["5.2.1"].extends == ("6.1",)
    assert [e.id for e in aqap.requires_documents] == ["5.2.1", "5.3.5", "5.4.1"]
    assert aqap.edition.incomplete and "5.5" in aqap.edition.incomplete, "unconfirmed clauses are named"
    assert "5.4.2" not in aqap.entries and "5.5" not in aqap.entries, "unconfirmed clauses are left out"


def test_31000_is_guidance_with_the_whole_process():
    loaded = catalog.load("iso31000-2018")
    assert loaded.kind == "guidance" and loaded.extends == () and loaded.requires_documents == []
    assert all(e.documented_information is None for e in loaded.entries.values())
    process = [e.id for e in loaded.entries.values() if e.id.startswith("6.")]
    assert process == ["6.1", "6.2", "6.3", "6.3.1", "6.3.2", "6.3.3", "6.3.4", "6.4", "6.4.1", "6.4.2", "6.4.3",
                       "6.4.4", "6.5", "6.5.1", "6.5.2", "6.5.3", "6.6", "6.7"]
    assert loaded.entries["6.4.3"].title == "Risk analysis"


def _additions(tmp_path, extends: str | None = "[iso9001-2015]", clause: str = '"8.1"', kind: str = "additions"):
    path = tmp_path / "acme-defence-2026.yml"
    bases = f"extends: {extends}\n" if extends is not None else ""
    path.write_text(f'id: acme-defence-2026\nname: x\ntitle: y\nkind: {kind}\n{bases}'
                    f'entries:\n  - id: "1"\n    title: a\n    extends: [{clause}]\n', encoding="utf-8")
    return path


def test_additions_catalog_is_read_with_its_crosswalk(tmp_path):
    loaded = catalog.read(_additions(tmp_path), builtin=False)
    assert loaded.kind == "additions" and loaded.entries["1"].extends == ("8.1",)


@pytest.mark.parametrize(("arguments", "message"), [
    ({"clause": '"8.99"'}, "extends '8.99', which ISO 9001:2015 does not have"),
    ({"extends": "[iso9999-2020]"}, "unknown catalog 'iso9999-2020'"),
    ({"kind": "guidance"}, "extends nothing"),
    ({"extends": None}, "names the catalogs it extends"),
    ({"extends": "[]"}, "should be non-empty"),
])
def test_broken_additions_are_refused_with_file_and_line(tmp_path, arguments, message):
    with pytest.raises(CatalogError, match=message) as raised:
        catalog.read(_additions(tmp_path, **arguments), builtin=False)
    assert raised.value.line


def test_titles_in_the_repository_language_with_the_parent_for_an_untitled_entry():
    iso9001 = catalog.load("iso9001-2015")
    context, untitled = iso9001.entries["4.1"], iso9001.entries["4.4.1"]
    assert context.title_in("en") == "Understanding the organization and its context"
    assert context.title_in("ru") == "Понимание организации и ее среды"
    assert untitled.title is None and untitled.title_in("ru") is None
    assert iso9001.title_of(untitled, "en") == "Quality management system and its processes (4.4.1)"
    assert iso9001.title_of(untitled, "ru") == "Система менеджмента качества и ее процессы (4.4.1)"
    assert iso9001.title_of(context, "ru") == context.title_ru
    english_only = catalog.Entry("X.1", "Only in English", title_ru=None)
    assert english_only.title_in("ru") == "Only in English"


@pytest.mark.parametrize("catalog_id", catalog.available())
def test_every_edition_fact_is_said_in_russian_too(catalog_id: str):
    """An edition's facts are English by nature (they cite English sources); a Russian repository reads them in
    isodocs' own Russian words (`titles_ru`, `gaps_ru`, `incomplete_ru`, adoptions' and entries' `note_ru`, and
    `replaces_ru` where `replaces` is more than a designation), so each has its counterpart."""
    loaded = catalog.load(catalog_id)
    edition = loaded.edition
    pairs = [(loaded.title, loaded.title_ru), *((a.title, a.title_ru) for a in loaded.amendments),
             (edition.titles_en, edition.titles_en_ru), (edition.titles_ru, edition.titles_ru_ru),
             (edition.gaps, edition.gaps_ru), (edition.incomplete, edition.incomplete_ru),
             *((adoption.note, adoption.note_ru) for adoption in edition.adoptions),
             *((entry.note, entry.note_ru) for entry in loaded.entries.values())]
    if english_words(edition.replaces or "", frozenset(c.name for c in catalog.every())):   # more than a name
        pairs.append((edition.replaces, edition.replaces_ru))
    else:
        assert edition.replaces_ru is None, catalog_id
    for english, russian in pairs:
        assert bool(english) == bool(russian), (catalog_id, english, russian)
        if russian:
            assert re.search("[а-яё]", russian) and not re.search(r"\b(the|and|of|is|are)\b", russian), russian


def test_the_catalog_schema_refuses_a_misspelt_russian_fact(tmp_path):
    text = (catalog.catalog_dir() / "iso31000-2018.yml").read_text(encoding="utf-8").replace(
        "id: iso31000-2018", "id: own-31000")
    (tmp_path / "own-31000.yml").write_text(text, encoding="utf-8")
    assert catalog.local(tmp_path)["own-31000"].edition.gaps_ru.startswith("Разделы 1–3")
    (tmp_path / "own-31000.yml").write_text(text.replace("  gaps_ru:", "  gaps_rus:"), encoding="utf-8")
    with pytest.raises(CatalogError, match="gaps_rus"):
        catalog.local(tmp_path)
