"""`isodocs new`: a working compliance repository in one command, bad answers refused first."""

from __future__ import annotations

import json
import re
from pathlib import Path

import git
import pytest
from conftest import TODAY, run
from scaffold import ROMASHKA, approve_everything, scaffold, tree

from isodocs.model import catalog


@pytest.fixture(scope="module")
def romashka(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scaffold(tmp_path_factory.mktemp("new") / "romashka", "iso27001-2022", "iso9001-2015")


def check(root: Path, *extra: str) -> tuple[int, dict]:
    result = run("check", str(root), "--format", "json", "--today", TODAY, *extra)
    return result.code, json.loads(result.out)


def transition_notices(*standards: str) -> list[tuple[str, str, str]]:
    """What a finished repository still hears: a warning per superseded edition in scope (in its transition) and
    per catalog that knowingly lacks entries."""
    found = [("edition-superseded", "warning", "isodocs.yml") for s in standards if catalog.load(s).edition.superseded]
    found += [("catalog-incomplete", "warning", "isodocs.yml") for s in standards if catalog.load(s).edition.incomplete]
    return sorted(found)


def rules_of(report: dict) -> list[tuple[str, str, str]]:
    return sorted((f["rule"], f["severity"], f["path"]) for f in report["findings"])


def test_new_repository_is_one_commit_that_passes_with_its_gap_list(romashka: Path):
    repo = git.Repo(romashka)
    assert len(list(repo.iter_commits())) == 1
    assert not repo.is_dirty(untracked_files=True)
    assert ROMASHKA in repo.head.commit.message
    code, report = check(romashka)
    assert code == 0
    assert report["summary"]["errors"] == 0 and report["summary"]["warnings"] > 0
    rules = {f["rule"] for f in report["findings"]}
    assert rules <= {"clause-draft-only", "soa-missing-decision", "management-review-overdue", "edition-superseded"}
    for catalog_id in ("iso27001-2022", "iso9001-2015"):
        assert report["readiness"][catalog_id]["percent"] < 100


def test_the_organization_name_comes_through_intact(romashka: Path):
    assert f"organization: '{ROMASHKA}'" in (romashka / "isodocs.yml").read_text(encoding="utf-8")
    assert ROMASHKA in (romashka / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"how {ROMASHKA} checks" in (romashka / "docs/procedures/internal-audit.md").read_text(encoding="utf-8")
    from isodocs.model.repository import Repository
    assert Repository.load(romashka).config.organization == ROMASHKA


def test_every_starter_document_is_a_draft_and_only_chosen_standards_appear(romashka: Path):
    from isodocs.model.repository import Repository
    repository = Repository.load(romashka)
    assert repository.load_findings == []
    assert len(repository.documents) > 20
    for document in repository.documents:
        assert document.status == "draft", document.path
        assert document.clauses and set(document.clauses) <= {"iso27001-2022", "iso9001-2015"}, document.path
    assert any("[[decide:" in d.body for d in repository.documents)


def test_approved_reviewed_and_decided_reaches_100_percent(tmp_path: Path, romashka: Path):
    import shutil
    root = tmp_path / "approved"
    shutil.copytree(romashka, root)
    approve_everything(root, TODAY)
    code, report = check(root)
    assert (code, rules_of(report)) == (0, transition_notices("iso9001-2015"))
    assert {c: r["percent"] for c, r in report["readiness"].items()} == {"iso27001-2022": 100.0, "iso9001-2015": 100.0}


ALONE = sorted(c for c in catalog.available() if catalog.load(c).kind != "additions")
AQAP_DOCUMENTS = {"plans/quality-plan.md": "PLN-AQ-001", "procedures/configuration-management.md": "PRO-AQ-001",
                  "procedures/counterfeit-prevention.md": "PRO-AQ-002",
                  "procedures/gqa-cooperation-and-access.md": "PRO-AQ-003",
                  "procedures/customer-deliverable-documents.md": "PRO-AQ-004"}


@pytest.mark.parametrize("standard", ALONE)
def test_each_standard_alone_scaffolds_and_reaches_100_percent(tmp_path: Path, standard: str):
    root = scaffold(tmp_path / standard, standard, organization="Example Ltd")
    code, report = check(root)
    assert code == 0 and report["summary"]["errors"] == 0
    approve_everything(root, TODAY)
    code, report = check(root)
    assert (code, rules_of(report)) == (0, transition_notices(standard))
    assert report["readiness"][standard]["percent"] == 100.0


def test_every_standard_and_edition_shares_one_document_set(tmp_path: Path):
    root = scaffold(tmp_path / "all", *catalog.available(), organization="Example Ltd")
    approve_everything(root, TODAY)
    code, report = check(root)
    assert (code, rules_of(report)) == (0, transition_notices(*catalog.available()))
    from isodocs.model.repository import Repository
    audits = [d for d in Repository.load(root).documents if d.title == "Internal audit"]
    assert len(audits) == 1 and set(audits[0].clauses) == {c for c in catalog.available()
                                                           if catalog.load(c).kind == "requirements"}


def test_every_annex_a_control_has_a_starter_document(tmp_path: Path):
    root = scaffold(tmp_path / "controls", "iso27001-2022", "iso42001-2023", "iso27701-2025",
                    organization="Example Ltd")
    from isodocs.model.repository import Repository
    named = {(c, i) for d in Repository.load(root).documents for c, ids in d.clauses.items() for i in ids}
    for catalog_id in ("iso27001-2022", "iso42001-2023", "iso27701-2025"):
        missing = [e.id for e in catalog.load(catalog_id).controls if (catalog_id, e.id) not in named]
        assert missing == [], f"{catalog_id}: no starter document names {missing}"


def test_the_same_answers_give_the_same_files(tmp_path: Path, romashka: Path):
    again = scaffold(tmp_path / "romashka", "iso27001-2022", "iso9001-2015")
    assert tree(again) == tree(romashka)


@pytest.mark.parametrize("args, words", [
    (["--organization", "", "--standard", "iso9001-2015"], "organization name is empty"),
    (["--organization", "Acme", "--standard", "iso9001-2016"], "unknown standard 'iso9001-2016'"),
    (["--organization", "Acme"], None),
    (["--organization", "{{ 7 * 7 }}", "--standard", "iso9001-2015"], "template syntax"),
    (["--organization", "Acme", "--standard", "iso9001-2015", "--review-interval", "yearly"], "review interval"),
    (["--organization", "Acme", "--standard", "aqap2110-2016"],
     "aqap2110_2016 adds to ISO 9001 and cannot stand alone"),
    (["--organization", "Acme", "--standard", "aqap2110-2016", "--standard", "iso14001-2026"],
     "iso9001_2015 or iso9001_2026"),
])
def test_bad_answers_are_refused_before_anything_is_written(tmp_path: Path, args: list[str], words: str | None):
    target = tmp_path / "repo"
    result = run("new", str(target), "--no-input", *args)
    if words is None:  # no standard given: the template's default (27001) applies
        assert result.code == 0
        return
    assert result.code == 2
    assert words in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not target.exists()


@pytest.mark.parametrize("name", ["a b", "..", "bad|name", "-rf"])
def test_a_folder_name_that_is_not_plain_is_refused(tmp_path: Path, name: str):
    result = run("new", str(tmp_path / "x" / name), "--organization", "Acme", "--no-input")
    assert result.code == 2 and "plain folder name" in result.err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_non_empty_folder_is_refused(tmp_path: Path):
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "notes.txt").write_text("mine")
    result = run("new", str(tmp_path / "repo"), "--organization", "Acme", "--no-input")
    assert result.code == 2 and "already exists and is not empty" in result.err
    assert [p.name for p in (tmp_path / "repo").iterdir()] == ["notes.txt"]


def test_ci_provider_gitlab_keeps_only_gitlab_files(tmp_path: Path):
    root = scaffold(tmp_path / "gl", "iso9001-2015", extra=("--ci", "gitlab"))
    files = tree(root)
    assert ".gitlab-ci.yml" in files and ".gitlab/merge_request_templates/Default.md" in files
    assert not any(path.startswith(".github/") for path in files)
    github = tree(scaffold(tmp_path / "gh", "iso9001-2015", extra=("--ci", "github")))
    assert ".github/workflows/isodocs.yml" in github and ".gitlab-ci.yml" not in github
    assert ".github/dependabot.yml" in github and "requirements-isodocs.txt" in files and ".cruft.json" in files
    assert "fetch-depth: 0" in github[".github/workflows/isodocs.yml"].decode()


@pytest.mark.parametrize(("base", "language"), [("iso9001-2015", "en"), ("iso9001-2026", "ru")])
def test_aqap_with_9001_scaffolds_its_additions_and_reaches_100_percent(tmp_path: Path, base: str, language: str):
    root = scaffold(tmp_path / "defence", base, "aqap2110-2016", extra=("--language", language))
    from isodocs.model.repository import Repository
    documents = {d.path.removeprefix("docs/"): d for d in Repository.load(root).documents}
    for path, document_id in AQAP_DOCUMENTS.items():
        document = documents[path]
        assert document.id == document_id and set(document.clauses) == {"aqap2110-2016"}
        assert ("[[decide:" if language == "en" else "[[решить:") in document.body
        assert ("GQA" if language == "en" else "ГОК") in documents["procedures/gqa-cooperation-and-access.md"].body
    assert "AQAP 2105" in documents["plans/quality-plan.md"].body
    named = {i for d in documents.values() for i in d.clauses.get("aqap2110-2016", [])}
    assert named == set(catalog.load("aqap2110-2016").entries), "every AQAP clause has a starter document"
    for shared in ("manual/scope-and-context.md", "policies/management-system-policy.md",
                   "procedures/competence-and-awareness.md", "procedures/monitoring-and-measurement.md"):
        assert "AQAP 2110" in documents[shared].body, f"{shared} says what AQAP adds"
    checklist = run("audit", "checklist", "aqap2110-2016", "--path", str(root))
    assert checklist.code == 0
    assert re.search(r"^\| 4\.3 \| [^\n]*\| PRO-AQ-003 ", checklist.out, re.M)
    exported = run("export", "register", "--format", "csv", "--path", str(root)).out
    assert all(document_id in exported for document_id in AQAP_DOCUMENTS.values())
    code, report = check(root)
    assert code == 0 and report["summary"]["errors"] == 0
    assert {f["rule"] for f in report["findings"]} <= {"clause-draft-only", "management-review-overdue",
                                                       "edition-superseded", "catalog-incomplete"}
    approve_everything(root, TODAY)
    if language == "ru":
        for path in (root / "docs").rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"\[\[решить: [^\]]*\]\]", "как решила организация", text), encoding="utf-8")
    code, report = check(root)
    assert (code, rules_of(report)) == (0, transition_notices(base, "aqap2110-2016"))
    assert report["readiness"]["aqap2110-2016"]["percent"] == 100.0


def test_31000_maps_the_risk_procedure_and_register_to_its_process(tmp_path: Path):
    root = scaffold(tmp_path / "risk", "iso9001-2026", "iso31000-2018", organization="Example Ltd")
    from isodocs.model.repository import Repository
    documents = {d.id: d for d in Repository.load(root).documents}
    process = {"6.3", "6.4", "6.4.2", "6.4.3", "6.4.4", "6.5", "6.6", "6.7"}
    assert set(documents["PRO-002"].clauses["iso31000-2018"]) == process
    assert set(documents["REG-003"].clauses["iso31000-2018"]) == process - {"6.3", "6.4"}
    code, report = check(root)
    assert code == 0 and report["readiness"]["iso31000-2018"] == {"required": 0, "covered": 0, "percent": 100.0}
    config = root / "isodocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + 'required:\n  iso31000-2018: ["6.4.2", "6.7"]\n',
                      encoding="utf-8")
    code, report = check(root)
    assert report["readiness"]["iso31000-2018"]["required"] == 2
    assert {f["rule"] for f in report["findings"] if "31000" in f["message"]} == {
        "clause-draft-only", "audit-programme-gap"}, "what the repository requires counts, and is audited"
