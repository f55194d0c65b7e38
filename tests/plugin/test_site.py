"""The handbook: a scaffolded repository built with `mkdocs build --strict`, checked against the checker."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from conftest import TODAY, run
from scaffold import approve_everything, scaffold

MKDOCS = Path(sys.executable).parent / "mkdocs"


ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "ISODOCS_CACHE_DIR": os.environ["ISODOCS_CACHE_DIR"]}
def build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(MKDOCS), "build", "--strict", *extra], cwd=root, capture_output=True, text=True,
                          env=ENV)


def set_today(root: Path, extra: str = "") -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - isodocs\n", f"  - isodocs:\n      today: "
                                                                                 f"'{TODAY}'\n{extra}"),
                      encoding="utf-8")


def check_json(root: Path) -> dict:
    return json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)


def html(root: Path, page: str) -> str:
    return (root / "site" / page / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scaffolded 27001 + 9001 repository, half approved, some reviews overdue or due soon, built."""
    root = scaffold(tmp_path_factory.mktemp("site") / "acme", "iso27001-2022", "iso9001-2015",
                    organization="Acme & Söhne")
    approve_everything(root, "2026-06-01")
    for name, reviewed in (("policies/access-control.md", "2025-10-01"), ("policies/backup.md", "2025-12-10"),
                           ("procedures/internal-audit.md", "2025-12-01")):
        path = root / "docs" / name
        path.write_text(path.read_text(encoding="utf-8").replace("last_reviewed: 2026-06-01",
                                                                 f"last_reviewed: {reviewed}"), encoding="utf-8")
    path = root / "docs/procedures/design-and-development.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: approved", "status: draft"), encoding="utf-8")
    set_today(root)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root


def test_fresh_scaffold_builds_strict(tmp_path: Path):
    root = scaffold(tmp_path / "fresh", "iso27001-2022", "iso9001-2015")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "overview" / "register" / "index.html").is_file()
    decisions = json.loads(run("check", str(root), "--format", "json").out)["open_decisions"]
    page = html(root, "overview/register")
    assert decisions["total"] > 100 and f'data-decisions="{decisions["total"]}"' in page
    assert f"{decisions['total']} in {len(decisions['documents'])} documents" in page
    for document in decisions["documents"]:
        row = re.search(rf">{re.escape(document['id'])}</a></td>(.*?)</tr>", page, re.S)
        assert row and re.findall(r"<td>([^<]*)</td>", row.group(1))[-1] == str(document["count"])


def test_register_lists_every_document(built: Path):
    page = html(built, "overview/register")
    from isodocs.model.repository import Repository
    repository = Repository.load(built)
    ids = sorted(d.id for d in repository.documents)
    listed = re.findall(r"<tr>\s*<td><a href=\"[^\"]+\">([^<]+)</a>", page)
    assert sorted(unescape(i) for i in listed) == ids
    # a person is shown as everywhere else (the panel, the exports): the name isodocs.yml gives, with the role
    owner = repository.by_id["POL-IS-001"][0].owner
    assert owner is not None
    row = re.search(r"<tr>\s*<td><a [^>]+>POL-IS-001</a>.*?</tr>", page, re.S)
    assert row and f"<td>{repository.config.roles[owner].name} ({owner})</td>" in row.group(0)


def test_coverage_pages_show_the_checkers_readiness(built: Path):
    report = check_json(built)
    for catalog_id, ready in report["readiness"].items():
        page = html(built, f"overview/coverage-{catalog_id}")
        match = re.search(r'data-required="(\d+)" data-covered="(\d+)" data-percent="([\d.]+)"', page)
        assert match, catalog_id
        assert (int(match.group(1)), int(match.group(2)), float(match.group(3))) == \
               (ready["required"], ready["covered"], ready["percent"])
    assert 0 < report["readiness"]["iso9001-2015"]["percent"] < 100  # design and development is a draft again


def test_coverage_page_of_a_superseded_edition_shows_the_transition(built: Path):
    old = html(built, "overview/coverage-iso9001-2015")
    match = re.search(r'<div class="isodocs-transition" data-catalog="iso9001-2015" data-successor="iso9001-2026" '
                      r'data-deadline="2029-09-30"><strong>([^<]+)<code>isodocs migrate iso9001-2015 iso9001-2026'
                      r'</code>', old)
    assert match and "superseded by ISO 9001:2026" in match.group(1) and "until 2029-09-30" in match.group(1)
    current = html(built, "overview/coverage-iso27001-2022")
    assert "isodocs-transition" not in current and "Edition: current, published 2022-10-25." in current


def test_soa_page_lists_every_control_with_its_decision(built: Path):
    page = html(built, "overview/soa-iso27001-2022")
    rows = re.findall(r"<tr>\s*<td>(A\.\d+\.\d+)</td>", page)
    assert len(rows) == 93
    assert page.count("<td>yes</td>") == 93


def test_calendar_matches_the_review_findings(built: Path):
    report = check_json(built)
    page = html(built, "overview/calendar")
    counts = dict(re.findall(r'data-bucket="(\w+)" data-count="(\d+)"', page))
    overdue = [f for f in report["findings"] if f["rule"] == "review-overdue"]
    due_soon = [f for f in report["findings"] if f["rule"] == "review-due-soon"]
    assert int(counts["overdue"]) == len(overdue) == 1
    assert int(counts["due_30"]) == len(due_soon) == 2
    assert "POL-IS-001" in page


def test_document_page_has_panel_banner_and_history(built: Path):
    page = html(built, "procedures/design-and-development")
    assert 'class="admonition warning isodocs-banner" data-status="draft"' in page
    assert 'class="isodocs-panel"' in page and "PRO-QM-002" in page
    assert 'href="../../overview/coverage-iso9001-2015/#clause-8-3-1"' in page
    assert "Revision history" in page
    assert re.search(r"<td>0\.1</td>\s*<td>[^<]*scaffolded by isodocs", page), "the version at each commit"
    overdue = html(built, "policies/access-control")
    assert 'class="isodocs-overdue"' in overdue and 'data-status="overdue" data-due="2026-10-01"' in overdue
    assert "Overdue for review: the next review was due on 2026-10-01" in overdue
    due_soon = html(built, "policies/backup")
    assert 'class="isodocs-due-soon"' in due_soon and "isodocs-banner" not in due_soon
    assert 'class="isodocs-status isodocs-status--draft">draft</span>' in page


def test_document_above_the_classification_limit_leaves_no_trace(tmp_path: Path):
    root = scaffold(tmp_path / "secret", "iso27001-2022")
    path = root / "docs/plans/business-continuity.md"
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^title: '(.+)'$", text, re.M).group(1)
    path.write_text(text.replace("classification: internal", "classification: restricted"), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "plans" / "business-continuity").exists()
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".xml", ".js"):
            content = file.read_text(encoding="utf-8", errors="replace")
            for trace in ("PLN-IS-001", title, "business-continuity"):
                assert trace not in content, f"{trace} in {file}"


def test_front_matter_that_does_not_parse_fails_the_build_with_file_and_line(tmp_path: Path):
    root = scaffold(tmp_path / "broken", "iso9001-2015")
    path = root / "docs/procedures/internal-audit.md"
    path.write_text(path.read_text(encoding="utf-8").replace("type: procedure", "type: procedure: x"),
                    encoding="utf-8")
    result = build(root)
    assert result.returncode != 0
    assert "docs/procedures/internal-audit.md:4: front matter does not parse" in result.stderr


def test_findings_can_fail_a_strict_build(tmp_path: Path):
    root = scaffold(tmp_path / "strict", "iso9001-2015")
    set_today(root, "      findings: all\n")
    result = build(root)
    assert result.returncode != 0
    assert "[clause-draft-only]" in result.stderr


def test_each_version_shows_who_reviewed_it_and_the_verified_approving_commit(tmp_path: Path):
    import git
    from conftest import commit_all, make_repo

    root = make_repo(tmp_path)
    config = root / "isodocs.yml"
    config.write_text(config.read_text().replace(
        'ceo: {name: Alex Morgan, email: alex@example.com, handle: "@alex"}',
        'ceo: {name: Alex Morgan, email: alex@example.com, handle: "@alex", members: [{name: Sam Lee, '
        'email: sam@example.com}]}') + "approvals: {verify: author}\n")
    (root / "mkdocs.yml").write_text("site_name: Example\ntheme: {name: material}\nplugins:\n  - isodocs\n"
                                     "markdown_extensions: [admonition, attr_list, tables, md_in_html]\n")
    set_today(root)
    repo = git.Repo(root)
    commit_all(repo, "Verify approvals")
    assert run("review", "POL-IS-001", "--by", "ciso", "--date", TODAY, "--today", TODAY, "--path", str(root)).code == 0
    manual = root / "docs/policies/controls-manual.md"
    manual.write_text(manual.read_text().replace('version: "1.0"', 'version: "1.1"'))
    repo.git.add(A=True)
    stranger = repo.index.commit("Approve the manual 1.1", author=git.Actor("Pat Doe", "pat@elsewhere.example"),
                                 committer=git.Actor("Pat Doe", "pat@elsewhere.example")).hexsha
    result = build(root)
    assert result.returncode == 0, result.stderr
    policy = html(root, "policies/information-security-policy")
    assert re.search(r"<td>Reviewed by</td>\s*<td>Sam Lee \(ciso\)</td>", policy)
    initial = repo.git.rev_list("--max-parents=0", "HEAD")
    assert f'<span class="isodocs-verified" data-commit="{initial}">verified</span>' in policy
    manual_page = html(root, "policies/controls-manual")
    assert f'<span class="isodocs-unverified" data-commit="{stranger}">not verified</span>' in manual_page

    manual.write_text(manual.read_text().replace('version: "1.1"', 'version: "1.2"'))
    approved = commit_all(repo, "Approve the manual 1.2").hexsha  # by Sam Lee, a member of the ceo role
    manual.write_text(manual.read_text().replace("approver: ceo", "approver: it-lead"))
    commit_all(repo, "The IT lead approves the manual from now on")  # metadata: no version approved here
    assert build(root).returncode == 0
    rows = history_rows(html(root, "policies/controls-manual"))
    assert [(row[1], row[2]) for row in rows] == [
        ("1.2", "The IT lead approves the manual from now on"), ("1.2", "Approve the manual 1.2"),
        ("1.1", "Approve the manual 1.1"), ("1.0", "Initial document set")]
    assert rows[0][5] == ""  # approved nothing
    verified, unverified = '<span class="isodocs-verified" data-commit="{}">verified (Sam Lee)</span>', \
        '<span class="isodocs-unverified" data-commit="{}">not verified</span>'
    assert rows[1][5] == "Alex Morgan (ceo) " + verified.format(approved)
    assert rows[2][5] == "Alex Morgan (ceo) " + unverified.format(stranger)
    assert rows[3][5] == "Alex Morgan (ceo) " + verified.format(initial)


def history_rows(page: str) -> list[list[str]]:
    """The cells of each row of a document's revision history table, newest first."""
    table = page.split('id="revision-history"', 1)[1].split("</table>", 1)[0]
    return [[cell.strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]


def test_aqap_coverage_page_shows_the_additions_and_their_starter_documents(tmp_path: Path):
    root = scaffold(tmp_path / "defence", "iso9001-2015", "aqap2110-2016", "iso31000-2018", organization="Acme")
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = unescape(re.sub(r"<[^>]+>", " ", html(root, "overview/coverage-aqap2110-2016")))
    assert "Additions to ISO 9001:2015 / ISO 9001:2026" in page
    assert re.search(r"Risk management \(adds to 6\.1\)\s+drafts only\s+PRO-002 ,\s+REG-003", page)
    for document_id in ("PLN-AQ-001", "PRO-AQ-001", "PRO-AQ-002", "PRO-AQ-004"):
        assert re.search(rf"5\.(4\.1|3\.5)\s+[^|]*?{document_id}", page), document_id
    assert re.search(r"support for GQA activities \(adds to 8\.4\.3\)\s+PRO-AQ-003", page)
    guidance = unescape(re.sub(r"<[^>]+>", " ", html(root, "overview/coverage-iso31000-2018")))
    assert "Guidance, not certifiable" in guidance
    assert re.search(r"Risk analysis\s+PRO-002 ,\s+REG-003", guidance)


def test_risk_page_names_the_31000_step_of_each_register_field(tmp_path: Path, built: Path):
    root = scaffold(tmp_path / "risk", "iso9001-2026", "iso31000-2018", organization="Acme", extra=("--language", "ru"))
    register = root / "docs/registers/risk-register.md"
    register.write_text(register.read_text(encoding="utf-8").replace("risks: {}", (
        "risks:\n  R-001: {asset: Склад, threat: Пожар, likelihood: 2, impact: 5, owner: system-owner, "
        "treatment: reduce, review: 2027-03-01}")), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = unescape(re.sub(r"<[^>]+>", " ", html(root, "overview/risks")))
    assert "Как реестр следует ISO 31000" in page
    for field, step in (("Угроза", "6.4.2 Идентификация риска"), ("Уровень", "6.4.3 Анализ риска"),
                        ("Обработка", "6.4.4 Сравнительная оценка риска; 6.5.2 Выбор вариантов обработки риска"),
                        ("Следующий пересмотр", "6.6 Мониторинг и пересмотр"),
                        ("Реестр", "6.7 Документирование и отчетность")):
        assert re.search(rf"{re.escape(field)}\s+{re.escape(step)}", page), field
    assert "R-001" in page
    assert "ISO 31000" not in html(built, "overview/risks"), "shown only when ISO 31000 is in scope"


def test_the_plugin_refuses_in_the_repositorys_language(tmp_path: Path):
    from english import english

    root = scaffold(tmp_path / "romashka", "iso27001-2022", extra=("--language", "ru"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    refusals = []
    for broken in (text.replace("  - isodocs\n", "  - isodocs:\n      today: 'вчера'\n"),
                   text.replace("docs_dir: docs", "docs_dir: elsewhere")):
        config.write_text(broken, encoding="utf-8")
        (root / "elsewhere").mkdir(exist_ok=True)
        result = build(root)
        assert result.returncode != 0
        refusal = next(line for line in result.stderr.splitlines() if "isodocs:" in line)
        refusals.append(refusal.split("isodocs:", 1)[1])
    assert "вчера" in refusals[0] and "elsewhere" in refusals[1]
    assert [english(refusal) for refusal in refusals] == [[], []], refusals
