"""Evidence of operation: records with dates name the controls they show operating; an applicable control whose SoA
decision sets `frequency:` needs evidence recent enough, in an approved record (`evidence-stale`)."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import git
from conftest import FIXTURES, TODAY, commit_all, run
from hypothesis import HealthCheck, given, settings, strategies as st

from isodocs.checks import run as run_checks
from isodocs.model.repository import Repository

SOA = "docs/records/statement-of-applicability.md"
BACKUP = ('    A.8.13: {applicable: true, implementation: implemented, justification: "Risk treatment.", '
          'documents: [MAN-IS-001]}')


def record(entries: str, status: str = "approved", doc_id: str = "REC-EV-1") -> str:
    approval = 'version: "1.0"\napproved: 2026-06-01\nlast_reviewed: 2026-06-01\n' if status == "approved" else \
        'version: "0.1"\n'
    return (f"---\nid: {doc_id}\ntitle: Evidence of operation\ntype: record\nowner: it-lead\napprover: ciso\n"
            f"status: {status}\n{approval}evidence:\n{entries}---\n# Evidence of operation\n")


def entry(day: str, control: str = "A.8.13", files: str = "") -> str:
    return (f"  - date: {day}\n    by: it-lead\n    what: Restore test of the customer database\n"
            f"    controls: {{iso27001-2022: [\"{control}\"]}}\n{files}")


def repository(tmp_path: Path, frequency: str | None = "monthly", records: dict[str, str] | None = None,
               files: dict[str, str] | None = None) -> Path:
    """The clean fixture with a frequency on A.8.13 and the records given, committed as one approved set."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "clean", root)
    soa = root / SOA
    text = soa.read_text(encoding="utf-8")
    assert BACKUP in text
    if frequency is not None:
        soa.write_text(text.replace(BACKUP, BACKUP[:-1] + f", frequency: {frequency}}}"), encoding="utf-8")
    for name, content in {**(records or {}), **(files or {})}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    commit_all(git.Repo.init(root, initial_branch="main"), "Document set with evidence")
    return root


def check(root: Path, today: str = TODAY) -> dict:
    result = run("check", str(root), "--format", "json", "--today", today)
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


def stale(checked: dict) -> list[dict]:
    return [f for f in checked["findings"] if f["rule"] == "evidence-stale"]


def test_evidence_is_opt_in(tmp_path: Path):
    checked = check(repository(tmp_path, frequency=None))
    assert not stale(checked) and checked["summary"]["errors"] == 0
    assert checked["readiness"]["iso27001-2022"]["percent"] == 100


def test_a_control_with_a_frequency_and_no_evidence_is_an_open_item_with_a_finding(tmp_path: Path):
    checked = check(repository(tmp_path))
    found = stale(checked)
    assert len(found) == 1 and found[0]["path"] == SOA and found[0]["severity"] == "error"   # stage: certified
    assert "A.8.13" in found[0]["message"] and "monthly" in found[0]["message"]
    items = checked["open_items"]["iso27001-2022"]
    assert [(i["id"], i["state"]) for i in items] == [("A.8.13", "unevidenced")]
    assert "monthly" in items[0]["close"]
    ready = checked["readiness"]["iso27001-2022"]
    assert ready["required"] - ready["covered"] == 1


def test_recent_evidence_in_an_approved_record_closes_it_and_ages(tmp_path: Path):
    root = repository(tmp_path, records={"docs/records/evidence.md": record(entry("2026-11-02") + entry("2026-09-01"))})
    checked = check(root)
    assert not stale(checked) and not checked["open_items"]["iso27001-2022"]
    later = check(root, "2026-12-03")   # the newest entry, 2026-11-02, was due again on 2026-12-02
    found = stale(later)
    assert len(found) == 1
    assert "2026-11-02" in found[0]["message"] and "2026-12-02" in found[0]["message"] \
        and "1 days ago" in found[0]["message"] and "REC-EV-1" in found[0]["message"]
    assert check(root, "2026-12-02")["open_items"]["iso27001-2022"] == []


def test_evidence_in_a_draft_record_does_not_count_and_is_named(tmp_path: Path):
    root = repository(tmp_path, records={"docs/records/evidence.md": record(entry("2026-11-02"), status="draft")})
    found = stale(check(root))
    assert len(found) == 1 and "REC-EV-1 (draft)" in found[0]["message"] and "no approved record" in found[0]["message"]


def test_evidence_whose_file_is_missing_does_not_count(tmp_path: Path):
    files = "    files: [evidence/restore-2026-11.txt]\n"
    root = repository(tmp_path, records={"docs/records/evidence.md": record(entry("2026-11-02", files=files))})
    checked = check(root)
    broken = [f for f in checked["findings"] if f["rule"] == "link-broken"]
    assert len(broken) == 1 and broken[0]["path"] == "docs/records/evidence.md" and broken[0]["line"] == 12
    assert "evidence/restore-2026-11.txt" in broken[0]["message"]
    assert len(stale(checked)) == 1
    (root / "evidence").mkdir()
    (root / "evidence/restore-2026-11.txt").write_text("restored 1,204,332 rows\n", encoding="utf-8")
    mended = check(root)
    assert not stale(mended) and not [f for f in mended["findings"] if f["rule"] == "link-broken"]


def test_evidence_naming_what_is_not_there_is_a_finding_with_its_line(tmp_path: Path):
    entries = entry("2026-11-02", control="A.8.99") + entry("2026-12-24")
    checked = check(repository(tmp_path, records={"docs/records/evidence.md": record(entries)}))
    unknown = [f for f in checked["findings"] if f["rule"] == "clause-unknown"]
    assert len(unknown) == 1 and unknown[0]["line"] == 12 and "A.8.99" in unknown[0]["message"]
    future = [f for f in checked["findings"] if f["rule"] == "schema-invalid"]
    assert len(future) == 1 and future[0]["line"] == 16 and "2026-12-24" in future[0]["message"]
    assert len(stale(checked)) == 1   # neither entry counts


def test_bad_evidence_and_frequency_give_one_line_each_with_the_line(tmp_path: Path):
    bad = "  - date: 2026-11-02\n    by: it-lead\n    controls: {iso27001-2022: [\"A.8.13\"]}\n"
    root = repository(tmp_path, frequency="fortnightly", records={"docs/records/evidence.md": record(bad)})
    result = run("check", str(root), "--today", TODAY)
    assert result.code == 1 and "Traceback" not in result.err and "docs/records/evidence.md\n" in result.out
    found = [(f["path"], f["line"], f["message"]) for f in check(root)["findings"] if f["rule"] == "schema-invalid"]
    assert ("docs/records/evidence.md", 12, "missing required key 'what' in 'evidence.0'") in found
    assert any(path == SOA and line == 87 and "'fortnightly'" in message and "quarterly" in message
               for path, line, message in found), found


def test_the_russian_report_says_it_in_russian(tmp_path: Path):
    root = repository(tmp_path)
    config = root / "isodocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: ru"), encoding="utf-8")
    result = run("check", str(root), "--today", TODAY)
    assert "свидетельства работы ожидаются ежемесячно" in result.out


DAY = date.fromisoformat(TODAY)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ages=st.lists(st.integers(min_value=0, max_value=800), max_size=3),
       drafts=st.lists(st.integers(min_value=0, max_value=800), max_size=2),
       frequency=st.sampled_from(["weekly", "monthly", "quarterly", "half-yearly", "yearly", "45 days", "2 months"]))
def test_stale_exactly_when_the_newest_approved_evidence_is_older_than_its_frequency(tmp_path_factory, ages, drafts,
                                                                                     frequency):
    from isodocs.analysis.evidence import NAMED
    from isodocs.model.dates import Interval

    root = tmp_path_factory.mktemp("evidence") / "repo"
    shutil.copytree(FIXTURES / "clean", root)
    soa = root / SOA
    soa.write_text(soa.read_text(encoding="utf-8").replace(BACKUP, BACKUP[:-1] + f", frequency: {frequency}}}"),
                   encoding="utf-8")
    days = [(DAY - timedelta(days=a)).isoformat() for a in ages]
    if days:
        (root / "docs/records/evidence.md").write_text(record("".join(entry(d) for d in days)), encoding="utf-8")
    if drafts:
        (root / "docs/records/evidence-draft.md").write_text(
            record("".join(entry((DAY - timedelta(days=a)).isoformat()) for a in drafts), "draft", "REC-EV-2"),
            encoding="utf-8")
    report = run_checks(Repository.load(root, cache=False), DAY)
    interval = NAMED.get(frequency) or Interval.parse(frequency)
    expected = not ages or interval.after(DAY - timedelta(days=min(ages))) < DAY
    found = [f for f in report.findings if f.rule == "evidence-stale"]
    assert len(found) == int(expected)
    open_ids = [(i.id, i.state) for i in report.open_items["iso27001-2022"]]
    assert open_ids == ([("A.8.13", "unevidenced")] if expected else [])


# `isodocs evidence add`: a new entry through the round trip, every other line kept.

def test_evidence_add_appends_an_entry_keeping_every_line(tmp_path: Path):
    entries = entry("2026-11-02") + "    # the restore log is in the ticket\n"
    root = repository(tmp_path, records={"docs/records/evidence.md": record(entries, status="draft")})
    (root / "evidence").mkdir()
    (root / "evidence/access-review.csv").write_text("user,access\n", encoding="utf-8")
    path = root / "docs/records/evidence.md"
    before = path.read_text(encoding="utf-8").splitlines()
    result = run("evidence", "add", "REC-EV-1", "--control", "iso27001-2022:A.5.18", "--control", "iso27001-2022:9.1",
                 "--what", 'Access review: 3 accounts removed, "stale" ones # too', "--by", "security-officer",
                 "--date", "2026-11-20", "--file", "evidence/access-review.csv", "--path", str(root), "--today", TODAY)
    assert result.code == 0, result.err
    assert "docs/records/evidence.md:15: evidence of iso27001-2022 A.5.18, 9.1 on 2026-11-20" in result.out
    assert "counts once REC-EV-1 (draft) is approved" in result.out
    after = path.read_text(encoding="utf-8").splitlines()
    assert after[:14] == before[:14] and after[14 + 5:] == before[14:]   # the comment stays with its entry
    from isodocs.model.repository import Repository as Model
    added = next(d for d in Model.load(root, cache=False).documents if d.id == "REC-EV-1").evidence[-1]
    assert (added.date, added.by, added.what, added.controls, added.files) == (
        date(2026, 11, 20), "security-officer", 'Access review: 3 accounts removed, "stale" ones # too',
        {"iso27001-2022": ("A.5.18", "9.1")}, ("evidence/access-review.csv",))


def test_evidence_add_starts_the_list_in_a_record_without_one(tmp_path: Path):
    root = repository(tmp_path)
    result = run("evidence", "add", "MAN-IS-001", "--control", "iso27001-2022:A.8.13", "--what", "Restore test",
                 "--path", str(root), "--today", TODAY)
    assert result.code == 0, result.err
    assert "is approved, so this changes it" in result.out
    text = (root / "docs/policies/controls-manual.md").read_text(encoding="utf-8")
    assert f'evidence:\n  - date: {TODAY}\n    what: "Restore test"\n    controls: {{iso27001-2022: ["A.8.13"]}}\n---' \
        in text
    checked = check(root)   # an approved record changed after its approval: the new entry waits for approval
    assert {f["rule"] for f in checked["findings"]} >= {"changed-since-approval"}


def test_evidence_add_refuses_bad_input_in_one_line_and_changes_nothing(tmp_path: Path):
    flow = "  [{date: 2026-11-02, what: Restore test, controls: {iso27001-2022: [A.8.13]}}]\n"
    root = repository(tmp_path, records={"docs/records/evidence.md": record(entry("2026-11-02"), status="draft"),
                                         "docs/records/flow.md": record("", "draft", "REC-EV-2").replace(
                                             "evidence:\n", "evidence:\n" + flow)})
    files = {p: p.read_bytes() for p in (root / "docs").rglob("*.md")}
    cases = [
        (["REC-EV-1", "--control", "iso27001-2022:A.8.99", "--what", "x"], "has no clause 'A.8.99'"),
        (["REC-EV-1", "--control", "iso9001-2015:9.1", "--what", "x"], "not among the standards"),
        (["REC-EV-1", "--control", "iso27001-2022:A.8.13", "--what", " "], "--what is empty"),
        (["REC-EV-1", "--control", "iso27001-2022:A.8.13", "--what", "x", "--date", "2026-12-01"], "in the future"),
        (["REC-EV-1", "--control", "iso27001-2022:A.8.13", "--what", "x", "--file", "../etc/passwd"], "no such file"),
        (["REC-EV-9", "--control", "iso27001-2022:A.8.13", "--what", "x"], "no document 'REC-EV-9'"),
        (["REC-EV-2", "--control", "iso27001-2022:A.8.13", "--what", "x"], "flow.md:9: 'evidence' is not a block list"),
    ]
    for args, said in cases:
        result = run("evidence", "add", *args, "--path", str(root), "--today", TODAY)
        assert result.code == 2 and said in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) <= 2 and "Traceback" not in result.err
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*.md")} == files


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
                      .filter(lambda t: t.strip()), min_size=1, max_size=3))
def test_evidence_add_reads_back_exactly_what_was_given(tmp_path_factory, texts):
    from isodocs.model.repository import Repository as Model

    root = tmp_path_factory.mktemp("add") / "repo"
    shutil.copytree(FIXTURES / "clean", root)
    path = root / "docs/records/evidence.md"
    path.write_text(record(entry("2026-11-02"), status="draft"), encoding="utf-8")
    original = path.read_text(encoding="utf-8")
    for text in texts:
        # `--what=TEXT`: a text that starts with a dash is otherwise read as an option, as with any argparse CLI
        result = run("evidence", "add", "REC-EV-1", "--control", "iso27001-2022:A.8.13", f"--what={text}",
                     f"--by={text}", "--path", str(root), "--today", TODAY)
        assert result.code == 0, result.err
    added = next(d for d in Model.load(root, cache=False).documents if d.id == "REC-EV-1").evidence
    assert [(e.what, e.by) for e in added[1:]] == [(t, t) for t in texts]
    assert path.read_text(encoding="utf-8").startswith(original.split("---\n# Evidence")[0])


def test_tasks_list_when_evidence_is_next_due(tmp_path: Path):
    root = repository(tmp_path, records={"docs/records/evidence.md": record(entry("2026-11-02"))})

    def listed(today: str) -> list[dict]:
        result = run("tasks", "--path", str(root), "--format", "json", "--today", today, "--within", "3 months")
        assert result.code == 0, result.err
        return [t for t in json.loads(result.out)["tasks"] if t["kind"] == "evidence"]

    found = listed(TODAY)
    assert [(t["due"], t["owner"], t["path"], t["overdue"]) for t in found] == [("2026-12-02", "ciso", SOA, False)]
    assert "A.8.13" in found[0]["title"] and "monthly" in found[0]["title"]
    assert listed("2026-12-05")[0]["overdue"] is True
    bare = repository(tmp_path / "bare")
    result = run("tasks", "--path", str(bare), "--format", "json", "--today", TODAY)
    assert [t["due"] for t in json.loads(result.out)["tasks"] if t["kind"] == "evidence"] == [TODAY]
