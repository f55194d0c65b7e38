from __future__ import annotations

import re

import pytest

from isodocs import catalog
from isodocs.errors import CatalogError

ALL = ["iso27001-2022", "iso9001-2015", "iso14001-2015", "iso45001-2018", "iso42001-2023"]


def test_every_catalog_of_the_contract_ships():
    assert list(catalog.available()) == sorted(ALL)


@pytest.mark.parametrize("catalog_id", ALL)
def test_catalog_invariants(catalog_id: str):
    loaded = catalog.load(catalog_id)
    assert loaded.id == catalog_id
    tops = [e.id for e in loaded.entries.values() if e.parent is None and not e.annex]
    assert tops == ["4", "5", "6", "7", "8", "9", "10"]
    for entry in loaded.entries.values():
        assert isinstance(entry.id, str)
        assert re.fullmatch(r"(A\.)?\d+(\.\d+)*", entry.id)
        if entry.parent is not None:
            assert entry.parent in loaded.entries
            if not entry.annex:
                assert entry.id.rsplit(".", 1)[0] == entry.parent
        if entry.control:
            assert entry.annex and entry.parent is not None
    assert loaded.requires_documents, "every standard requires some documented information"


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
