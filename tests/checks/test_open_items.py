"""Readiness you can explain: on scaffolded 27001 + 9001 repositories in several states, readiness equals what the
open items say, every open item has a finding of its kind, and only approved, current documents count."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import TODAY, run
from hypothesis import HealthCheck, given, settings, strategies as st
from scaffold import approve_everything, scaffold

from isodocs.site.labels import LABELS

STANDARDS = ("iso27001-2022", "iso9001-2015")
SOA = "docs/records/statement-of-applicability.md"
A_YEAR_LATER = (date.fromisoformat(TODAY) + timedelta(days=400)).isoformat()   # past the yearly reviews

# The rule that reports each state, and whether it names the clause or control itself (the others report a whole
# Statement of Applicability at once).
RULE_FOR_STATE = {"uncovered": ("clause-uncovered", True), "stale": ("clause-uncovered", True),
                  "draft-only": ("clause-draft-only", True), "unjustified": ("soa-unjustified-exclusion", True),
                  "unimplemented": ("soa-unimplemented", True), "pending": ("soa-draft-only", True),
                  "undecided": ("soa-missing-decision", False), "unapproved": ("soa-draft-only", False),
                  "unevidenced": ("evidence-stale", True)}


def approve_half(root: Path) -> None:
    """Approve every other draft document (sorted by path), leaving the rest as drafts; the SoA gets decisions."""
    drafts = sorted(p for p in (root / "docs").rglob("*.md") if "\nstatus: draft\n" in p.read_text(encoding="utf-8"))
    keep = {p for i, p in enumerate(drafts) if i % 2}
    hidden = root.parent / f"{root.name}-kept"
    hidden.mkdir()
    for path in keep:
        shutil.move(path, hidden / path.relative_to(root).as_posix().replace("/", "__"))
    approve_everything(root, TODAY)
    for moved in hidden.iterdir():
        shutil.move(moved, root / moved.name.replace("__", "/"))
    hidden.rmdir()


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    base = tmp_path_factory.mktemp("readiness")
    new = scaffold(base / "new", *STANDARDS, organization="Acme Ltd")
    half = base / "half"
    shutil.copytree(new, half)
    approve_half(half)
    approved = base / "approved"
    shutil.copytree(new, approved)
    approve_everything(approved, TODAY)
    return {"new": (new, TODAY), "half": (half, TODAY), "approved": (approved, TODAY),
            "a year later": (approved, A_YEAR_LATER)}


def report(root: Path, today: str, *extra: str) -> dict:
    result = run("check", str(root), "--format", "json", "--today", today, *extra)
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


@pytest.mark.parametrize("state", ["new", "half", "approved", "a year later"])
def test_readiness_equals_what_the_open_items_say(states: dict[str, tuple[Path, str]], state: str):
    root, today = states[state]
    checked = report(root, today)
    assert set(checked["open_items"]) == set(STANDARDS) == set(checked["readiness"])
    for catalog, ready in checked["readiness"].items():
        items = checked["open_items"][catalog]
        assert ready["required"] - ready["covered"] == len(items)
        assert len({item["id"] for item in items}) == len(items)
        for item in items:
            assert item["state"] in RULE_FOR_STATE and item["close"]
            rule, names_it = RULE_FOR_STATE[item["state"]]
            reasons = [f for f in checked["findings"] if f["rule"] == rule]
            if names_it:
                reasons = [f for f in reasons if re.search(rf"\b{re.escape(item['id'])}\b", f["message"])]
            assert reasons, f"{catalog} {item['id']} is open ({item['state']}) and no {rule} finding says so"


def test_the_states_tell_apart(states: dict[str, tuple[Path, str]]):
    kinds = {name: {i["state"] for items in report(root, today)["open_items"].values() for i in items}
             for name, (root, today) in states.items()}
    assert "undecided" in kinds["new"] and "draft-only" in kinds["new"]
    assert kinds["approved"] == set()
    assert "stale" in kinds["a year later"]
    half = report(*states["half"])
    assert 0 < half["readiness"]["iso27001-2022"]["covered"] < half["readiness"]["iso27001-2022"]["required"]


def test_applicable_controls_implemented_only_by_drafts_have_a_finding(states, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(states["approved"][0], root)
    policy = next(p for p in (root / "docs").rglob("*.md")
                  if "A.5.15" in p.read_text(encoding="utf-8") and p.name != Path(SOA).name)
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("\nstatus: approved\n", "\nstatus: draft\n", 1), encoding="utf-8")
    checked = report(root, TODAY)
    items = {i["id"]: i for i in checked["open_items"]["iso27001-2022"]}
    assert items["A.5.15"]["state"] == "pending"
    assert any(d["status"] == "draft" for d in items["A.5.15"]["documents"])
    found = [f for f in checked["findings"] if f["rule"] == "soa-draft-only" and "A.5.15" in f["message"]]
    assert len(found) == 1 and found[0]["path"] == SOA


def test_soa_decisions_count_once_the_soa_is_approved(states, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(states["approved"][0], root)
    before = report(root, TODAY)["readiness"]["iso27001-2022"]
    soa = root / SOA
    soa.write_text(soa.read_text(encoding="utf-8").replace("\nstatus: approved\n", "\nstatus: draft\n", 1),
                   encoding="utf-8")
    checked = report(root, TODAY)
    after = checked["readiness"]["iso27001-2022"]
    controls = [i for i in checked["open_items"]["iso27001-2022"] if i["kind"] == "control"]
    assert len(controls) == 93 and {i["state"] for i in controls} == {"unapproved"}
    assert before["covered"] - after["covered"] == 93
    found = [f for f in checked["findings"] if f["rule"] == "soa-draft-only"]
    assert len(found) == 1 and "93" in found[0]["message"] and found[0]["path"] == SOA
    # excluding controls in a draft SoA changes nothing until it is approved
    text = soa.read_text(encoding="utf-8")
    soa.write_text(re.sub(r"A\.7\.1:\s*\{[^}]*\}", "A.7.1: {applicable: false, justification: Fully remote}", text),
                   encoding="utf-8")
    assert report(root, TODAY)["readiness"]["iso27001-2022"] == after


def test_management_reviews_count_only_from_approved_records(states, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(states["approved"][0], root)
    assert not [f for f in report(root, TODAY)["findings"] if f["rule"] == "management-review-overdue"]
    record = root / "docs/records/management-review.md"
    record.write_text(record.read_text(encoding="utf-8").replace("\nstatus: approved\n", "\nstatus: draft\n", 1),
                      encoding="utf-8")
    assert [f for f in report(root, TODAY)["findings"] if f["rule"] == "management-review-overdue"]


NC = ("---\nid: NC-2026-007\ntitle: Access review missed\ntype: record\nowner: security-officer\nstatus: {status}\n"
      "{approval}nonconformity:\n  raised: 2026-09-01\n  source: internal-audit\n  clause: iso27001-2022:A.5.18\n"
      "  grade: major\n  due: 2026-10-31\n  closed: 2026-10-20\n---\n# Access review missed\n")


def test_a_nonconformity_closure_counts_only_from_an_approved_record(states, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(states["approved"][0], root)
    record = root / "docs/records/nc-2026-007.md"
    record.write_text(NC.format(status="draft", approval=""), encoding="utf-8")
    found = [f for f in report(root, TODAY)["findings"] if f["rule"] == "nonconformity-overdue"]
    assert len(found) == 1 and "draft" in found[0]["message"]
    record.write_text(NC.format(status="approved", approval=f'approver: top-management\nversion: "1.0"\n'
                                f"approved: {TODAY}\nlast_reviewed: {TODAY}\n"), encoding="utf-8")
    assert not [f for f in report(root, TODAY)["findings"] if f["rule"] == "nonconformity-overdue"]


def test_the_markdown_report_lists_the_open_items(states: dict[str, tuple[Path, str]]):
    root, today = states["half"]
    checked = report(root, today)
    out = run("check", str(root), "--format", "markdown", "--today", today).out
    for catalog, items in checked["open_items"].items():
        assert f"{catalog}: {len(items)} open items" in out
        for item in items[:5]:
            label = LABELS["en"][f"state_{item['state']}"]   # the state as a person reads it, then its id
            assert f"| {item['id']} | {label} (`{item['state']}`) |" in out


def test_a_justification_with_commas_just_works_in_the_starter_soa(states, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(states["approved"][0], root)
    soa = root / SOA
    text = soa.read_text(encoding="utf-8")
    block = re.search(r"\n    A\.7\.1:[^\n]*\n      applicable: true\n(      [^\n]*\n)+", text)
    assert block, "the starter SoA writes each control in block style"
    soa.write_text(text.replace(block.group(0), "\n    A.7.1:\n      applicable: false\n"
                                "      justification: No offices, no server room\n"), encoding="utf-8")
    checked = report(root, TODAY)
    assert [f for f in checked["findings"] if f["rule"] != "edition-superseded"] == []
    assert checked["open_items"]["iso27001-2022"] == []
    out = run("export", "soa", "--path", str(root)).out
    assert "No offices, no server room" in out


def test_a_comma_inside_a_flow_mapping_is_one_finding_with_the_fix(states, tmp_path: Path):
    root = tmp_path / "repo"
    shutil.copytree(states["approved"][0], root)
    soa = root / SOA
    text = soa.read_text(encoding="utf-8")
    block = re.search(r"\n    A\.7\.1:[^\n]*\n(      [^\n]*\n)+", text)
    soa.write_text(text.replace(block.group(0), "\n    A.7.1: {applicable: false, justification: No offices, no server "
                                "room}\n"), encoding="utf-8")
    line = soa.read_text(encoding="utf-8").split("\n").index(
        "    A.7.1: {applicable: false, justification: No offices, no server room}") + 1
    found = [f for f in report(root, TODAY)["findings"] if f["path"] == SOA]
    assert [(f["rule"], f["line"]) for f in found] == [("frontmatter-invalid", line)]
    assert 'justification: "No offices, no server room"' in found[0]["message"]
    assert "unknown key" not in found[0]["message"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_any_mix_of_approved_drafts_and_decisions_keeps_readiness_and_open_items_in_step(states, tmp_path_factory,
                                                                                         data):
    """Documents drafted back at random, SoA decisions changed at random, a random day: readiness is always
    required minus the open items, and every open item has its finding."""
    root = tmp_path_factory.mktemp("mix") / "repo"
    shutil.copytree(states["approved"][0], root)
    documents = sorted(p for p in (root / "docs").rglob("*.md") if "\nstatus: approved\n" in p.read_text("utf-8"))
    for path in data.draw(st.sets(st.sampled_from(documents), max_size=len(documents) // 2), label="drafted"):
        path.write_text(path.read_text("utf-8").replace("\nstatus: approved\n", "\nstatus: draft\n", 1), "utf-8")
    soa = root / SOA
    text = soa.read_text("utf-8")
    blocks = re.findall(r"\n    A\.[0-9.]+:[^\n]*\n(?:      [^\n]*\n)+", text)
    changes = data.draw(st.lists(st.tuples(st.sampled_from(blocks), st.sampled_from(
        ["applicable: false\n      justification: No offices, no server room", "applicable: false",
         "applicable:", "applicable: true\n      justification: Contract"])), max_size=6), label="decisions")
    for block, decision in changes:
        control = block.split(":")[0]
        text = text.replace(block, f"{control}:\n      {decision}\n", 1)
    soa.write_text(text, "utf-8")
    today = data.draw(st.sampled_from([TODAY, A_YEAR_LATER]), label="today")
    checked = report(root, today)
    for catalog, ready in checked["readiness"].items():
        items = checked["open_items"][catalog]
        assert ready["required"] - ready["covered"] == len(items)
        for item in items:
            rule, names_it = RULE_FOR_STATE[item["state"]]
            reasons = [f for f in checked["findings"] if f["rule"] == rule]
            if names_it:
                reasons = [f for f in reasons if re.search(rf"\b{re.escape(item['id'])}\b", f["message"])]
            assert reasons, f"{catalog} {item['id']} is open ({item['state']}) and no {rule} finding says so"
