"""Evidence of operation, reasons for selection, the risk acceptance level and open decisions where an auditor and
the organization look: the handbook (built with `mkdocs build --strict`, opened in headless Chromium), the SoA
export and the audit checklist (read back with openpyxl)."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from datetime import date
from html import unescape
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY, run
from scaffold import approve_everything, scaffold
from test_browser import CHROMIUM, chromium
from test_site import build, html, set_today

SOA = "docs/records/statement-of-applicability.md"
EVIDENCE = """---
id: REC-EV-002
title: Evidence of operation, fourth quarter
type: record
owner: security-officer
approver: top-management
status: approved
version: "1.0"
approved: 2026-11-15
last_reviewed: 2026-11-15
evidence:
  - date: 2026-11-10
    by: security-officer
    what: Restore test of the <b>billing</b> database
    controls: {iso27001-2022: ["A.8.13", "9.1"]}
    files: [evidence/restore-2026-11.txt]
---
# Evidence of operation, fourth quarter
"""
UNFINISHED = """---
id: PRO-NEW-1
title: Capacity management
type: procedure
owner: system-owner
status: draft
version: "0.1"
---
# Capacity management

Capacity is reviewed every [[decide: how often]] by [[decide: which role]].
"""
RISKS = ("risks:\n"
         "  R-001: {asset: Customer database, threat: Stolen credentials, likelihood: 3, impact: 5, "
         "owner: security-officer, treatment: reduce, controls: {iso27001-2022: [\"A.8.5\"]}, "
         "residual: {likelihood: 1, impact: 5}, review: 2027-03-01, action: MFA for administrators, due: 2027-01-31}\n"
         "  R-002: {asset: Office printer, threat: Paper jam, likelihood: 2, impact: 2, owner: system-owner, "
         "treatment: accept, review: 2027-03-01}\n")


def decide(text: str, control: str, extra: str) -> str:
    """A line added to a control's decision in the approved starter SoA (block style, one answer a line)."""
    pattern = rf"(\n    {re.escape(control)}:[^\n]*\n      applicable: true\n)"
    assert re.search(pattern, text), control
    return re.sub(pattern, rf"\g<1>      {extra}\n", text, count=1)


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("evidence") / "acme", "iso27001-2022", organization="Acme")
    approve_everything(root, "2026-06-01")   # the starter evidence record REC-EV-001 (January) is approved too
    soa = root / SOA
    text = decide(decide(soa.read_text(encoding="utf-8"), "A.8.13", "frequency: monthly"), "A.5.18",
                  "frequency: quarterly")
    soa.write_text(text, encoding="utf-8")
    (root / "docs/records/evidence-q4.md").write_text(EVIDENCE, encoding="utf-8")
    (root / "evidence").mkdir()
    (root / "evidence/restore-2026-11.txt").write_text("restored and compared\n", encoding="utf-8")
    (root / "docs/procedures/capacity.md").write_text(UNFINISHED, encoding="utf-8")
    register = root / "docs/registers/risk-register.md"
    register.write_text(register.read_text(encoding="utf-8").replace("risks: {}\n", RISKS), encoding="utf-8")
    config = root / "isodocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("defaults:\n", "defaults:\n  risk_acceptance: 8\n", 1),
                      encoding="utf-8")
    set_today(root)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root


def row_of(page: str, control: str) -> str:
    found = re.search(rf"<tr>\s*<td>{re.escape(control)}</td>(.*?)</tr>", page, re.DOTALL)
    assert found, control
    return unescape(re.sub(r"<[^>]+>", " ", found.group(1)))


def test_the_check_follows_the_frequencies(handbook: Path):
    checked = json.loads(run("check", str(handbook), "--format", "json", "--today", TODAY).out)
    stale = [f for f in checked["findings"] if f["rule"] == "evidence-stale"]
    assert len(stale) == 1 and "A.5.18" in stale[0]["message"] and "2026-04-12" in stale[0]["message"]
    states = {i["id"]: i["state"] for i in checked["open_items"]["iso27001-2022"]}
    assert states.get("A.5.18") == "unevidenced" and "A.8.13" not in states
    assert checked["open_decisions"]["total"] == 2


def test_soa_page_shows_reasons_and_the_latest_evidence(handbook: Path):
    page = html(handbook, "overview/soa-iso27001-2022")
    assert "<th>Reasons for selection</th>" in page and "<th>Evidence of operation</th>" in page
    backup = row_of(page, "A.8.13")
    assert "risk treatment" in backup
    assert "2026-11-10: Restore test of the <b>billing</b> database (security-officer)" in backup
    assert "REC-EV-002" in backup and "expected monthly" in backup and "next by 2026-12-10" in backup
    assert "<b>billing</b>" not in page   # the record's text is escaped, never markup
    access = row_of(page, "A.5.18")
    assert "2026-01-12" in access and "REC-EV-001" in access and "overdue since 2026-04-12" in access
    assert "expected" not in row_of(page, "A.5.1")   # no frequency: nothing is followed


def test_risk_page_draws_the_acceptance_level_and_marks_risks_above_it(handbook: Path):
    page = html(handbook, "overview/risks")
    assert "Risk acceptance level: 8" in page
    maps = re.findall(r"<svg class=\"isodocs-heatmap\".*?</svg>", page, re.DOTALL)
    above = {(likelihood, impact) for likelihood in range(1, 6) for impact in range(1, 6) if likelihood * impact > 8}
    for svg in maps:
        assert 'data-acceptance="8"' in svg
        outlined = set(re.findall(r'data-likelihood="(\d)" data-impact="(\d)" data-count="\d+" stroke="#000" '
                                  r'stroke-width="3" data-above="true"', svg))
        assert {(int(a), int(b)) for a, b in outlined} == above
    assert "▲" in row_of(page, "R-001") and "▲" not in row_of(page, "R-002")


def test_open_decisions_on_the_dashboard_and_the_document(handbook: Path):
    home = html(handbook, "overview")
    assert re.search(r'data-count="2" data-figure="open_decisions"|data-figure="open_decisions" data-count="2"', home)
    procedure = html(handbook, "procedures/capacity")
    assert re.search(r'class="isodocs-decisions" data-count="2"><a href="[^"]*register/">2</a>', procedure)
    assert 'class="isodocs-decisions"' not in html(handbook, "policies/backup")


def test_soa_export_and_checklist_carry_the_evidence(handbook: Path, tmp_path: Path):
    target = tmp_path / "soa.xlsx"
    assert run("export", "soa", "--format", "xlsx", "--output", str(target), "--path", str(handbook),
               "--today", TODAY).code == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    head = next(i for i, row in enumerate(rows) if row[:2] == ("Standard", "Control"))
    table = {row[1]: dict(zip(rows[head], row, strict=True)) for row in rows[head + 1:]}
    backup = table["A.8.13"]
    assert backup["Evidence expected"] == "monthly" and backup["Evidence date"].date() == date(2026, 11, 10)
    assert backup["Latest evidence"] == ("Restore test of the <b>billing</b> database (security-officer); REC-EV-002, "
                                         "evidence/restore-2026-11.txt")
    assert backup["Evidence status"] == "current, next by 2026-12-10" and backup["State in isodocs"] == "implemented"
    assert table["A.5.18"]["Evidence status"] == "overdue since 2026-04-12"
    assert table["A.5.18"]["State in isodocs"] == "unevidenced"
    assert table["A.5.1"]["Evidence expected"] is None and table["A.5.1"]["Evidence status"] is None

    target = tmp_path / "checklist.xlsx"
    assert run("audit", "checklist", "iso27001-2022", "--format", "xlsx", "--output", str(target),
               "--path", str(handbook), "--today", TODAY).code == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    head = next(i for i, row in enumerate(rows) if row[0] == "Clause")
    column = list(rows[head]).index("Recorded evidence of operation")
    recorded = {row[0]: row[column] for row in rows[head + 1:]}
    assert recorded["A.8.13"].startswith("2026-11-10: Restore test") and "expected monthly" in recorded["A.8.13"]
    assert recorded["9.1"].startswith("2026-11-10: Restore test")   # a clause can be evidenced too
    assert "overdue since 2026-04-12" in recorded["A.5.18"]
    assert recorded["A.5.1"] is None


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_pages_in_the_browser(handbook: Path, tmp_path: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(handbook / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        soa = chromium(tmp_path, "--dump-dom", f"{url}/overview/soa-iso27001-2022/")
        assert "overdue since 2026-04-12" in row_of(soa, "A.5.18") and "risk treatment" in row_of(soa, "A.8.13")
        risks = chromium(tmp_path, "--dump-dom", f"{url}/overview/risks/")
        assert risks.count('data-above="true"') == 2 * 11 and "Risk acceptance level: 8" in risks
    finally:
        server.shutdown()
