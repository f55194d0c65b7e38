from __future__ import annotations

import json

from conftest import run


def test_standards_lists_every_catalog_with_counts_status_and_transition(tmp_path):
    result = run("standards", "--path", str(tmp_path))
    assert result.code == 0
    rows = {line.split("  ")[0]: [cell.strip() for cell in line.split("  ") if cell.strip()]
            for line in result.out.splitlines()[1:]}
    assert set(rows) == {"iso27001-2022", "iso9001-2015", "iso14001-2015", "iso45001-2018", "iso42001-2023",
                         "iso9001-2026", "iso14001-2026", "iso27701-2025", "iso22301-2019", "iso50001-2018",
                         "aqap2110-2016", "iso31000-2018"}
    assert rows["iso27001-2022"][-6:-4] == ["138", "41"]
    assert rows["iso9001-2015"][2:6] == ["superseded", "2015-09-15", "2029-09-30", "iso9001-2026"]
    assert rows["iso9001-2026"][2:6] == ["current", "2026-09-16", "-", "-"]
    assert rows["iso14001-2015"][2:6] == ["superseded", "2015-09-15", "2029-04-15", "iso14001-2026"]
    assert rows["iso27701-2025"][-4] == "78"
    assert rows["iso27001-2022"][-2:] == ["requirements", "-"]
    assert rows["aqap2110-2016"][-3:] == ["3", "additions", "iso9001-2015,iso9001-2026"]
    assert rows["iso31000-2018"][-3:] == ["0", "guidance", "-"]


def test_show_names_the_kind_and_the_clause_each_addition_extends():
    out = run("standards", "show", "aqap2110-2016").out
    assert "Kind: additions to iso9001-2015 or iso9001-2026" in out
    assert "  4.3  Access to supplier and external providers and support for GQA activities  [extends: 8.4.3]" in out
    assert "Incomplete: the operation clauses after 5.4.1" in out
    assert "Kind: guidance, not certifiable" in run("standards", "show", "iso31000-2018").out
    assert "Kind: certifiable requirements" in run("standards", "show", "iso9001-2026").out
    entries = {e["id"]: e for e in json.loads(run("standards", "show", "aqap2110-2016", "--format", "json").out)}
    assert entries["5.4.1"]["extends"] == ["8.1"] and entries["5.4.1"]["source"].startswith("https://")


def test_show_prints_the_edition_facts():
    out = run("standards", "show", "iso9001-2015").out
    assert "Status: superseded, published 2015-09-15" in out
    assert "Superseded by iso9001-2026; transition ends 2029-09-30" in out
    assert "National adoption: ГОСТ Р ИСО 9001-2015 (RU) adopts ISO 9001:2015" in out
    out = run("standards", "show", "iso27001-2022").out
    assert "adopts ISO/IEC 27001:2013" in out and "own translation" in out
    shown = run("standards", "show", "iso27701-2025").out
    assert "Incomplete:" not in shown and "  A.3.31  Test information  [SoA]" in shown.splitlines()


def test_show_json_lists_objects_with_string_ids():
    result = run("standards", "show", "iso27001-2022", "--format", "json")
    entries = json.loads(result.out)
    assert len(entries) == 138
    assert {"id", "title", "parent", "documented_information", "control"} <= set(entries[0])
    by_id = {e["id"]: e for e in entries}
    assert by_id["A.5.10"]["parent"] == "A.5" and by_id["A.5.10"]["control"] is True
    assert by_id["4.3"]["documented_information"] == "maintained"


def test_show_text_is_an_indented_tree():
    lines = run("standards", "show", "iso9001-2015").out.splitlines()
    assert "    8.7.2  (untitled)  [documented: retained]" in lines
    assert any(line.startswith("  4.1  Understanding the organization") for line in lines)


def test_unknown_catalog_exits_2():
    result = run("standards", "show", "iso9999-2020")
    assert result.code == 2 and "unknown catalog" in result.err


def test_bad_flag_exits_2():
    result = run("check", "--formt", "json")
    assert result.code == 2


def test_a_russian_repository_reads_the_catalogs_and_their_edition_facts_in_russian(tmp_path):
    (tmp_path / "isodocs.yml").write_text("organization: Ромашка\nlanguage: ru\nstandards: [iso27001-2022]\n",
                                          encoding="utf-8")
    listed = run("standards", "--path", str(tmp_path)).out.splitlines()
    assert listed[0].split()[:3] == ["код", "стандарт", "статус"]
    row = next(line.split() for line in listed if line.startswith("iso9001-2015"))
    assert row[3] == "заменён" and row[-2:] == ["требования", "-"]
    out = run("standards", "show", "aqap2110-2016", "--path", str(tmp_path)).out
    assert "Вид: дополнения к iso9001-2015 или iso9001-2026" in out
    assert "Неполнота: пункты раздела о деятельности после 5.4.1" in out
    assert "  4.3  " in out and "[дополняет: 8.4.3]" in out and "Incomplete" not in out
    out = run("standards", "show", "iso27001-2022", "--path", str(tmp_path)).out
    assert "ГОСТ Р ИСО/МЭК 27001-2021 (`RU`) принимает ISO/IEC 27001:2013 (принимает предыдущую редакцию)" in out
    assert "  5.2  Политика  [документируется: поддерживается]" in out
    assert "Русские названия: собственный перевод isodocs" in out and "  5.1  Лидерство и приверженность" in out
    assert out.startswith("ISO/IEC 27001:2022 — Информационная безопасность, кибербезопасность")
    assert "Изменение `Amd 1:2024` (Изменения, связанные с действиями по климату): 4.1, 4.2" in out
