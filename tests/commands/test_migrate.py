"""`isodocs migrate`: scaffolded 2015 repositories moved to the 2026 editions, with nothing of the user's lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import git
import pytest
from conftest import TODAY, commit_all, run
from hypothesis import given, settings, strategies as st
from ruamel.yaml import YAML
from scaffold import approve_everything, scaffold, tree

from isodocs.files.editing import TokenEditor
from isodocs.files.yamlload import parse
from isodocs.model import catalog, transitions

ID_IN_LIST = re.compile(r"""(["']?)(?:A\.)?[0-9]+(?:\.[0-9]+)*\1(, )?""")
HISTORICAL_NC = """---
id: REC-NC-001
title: Supplier evaluation skipped
type: record
owner: system-owner
status: approved
approver: top-management
version: "1.0"
approved: 2026-05-04
last_reviewed: 2026-05-04
clauses:
  {source}: ["{clause}"]   # what the auditor cited
nonconformity:
  raised: 2026-04-01
  source: internal-audit
  clause: {source}:{clause}
  grade: minor
  due: 2026-05-01
  closed: 2026-04-28
---
# Supplier evaluation skipped
"""
OPEN_NC = """---
id: REC-NC-002
title: Risk register not reviewed
type: record
owner: system-owner
status: draft
clauses:
  {source}:
    - "6.1.2"   # block style on purpose
    - '10.3'
nonconformity:
  raised: 2026-10-01
  clause: {source}:10.3
  due: 2027-10-01
---
# Risk register not reviewed
"""


def migrated(root: Path, source: str, target: str, *extra: str):
    return run("migrate", source, target, "--path", str(root), *extra)


def check(root: Path) -> tuple[int, dict]:
    result = run("check", str(root), "--format", "json", "--today", TODAY)
    return result.code, json.loads(result.out)


def unchanged_apart_from_clause_ids(before: str, after: str, source: str, target: str) -> None:
    """Every line of `before` is in `after`, in order, equal once the catalog id is renamed and the clause ids
    inside lists are set aside; a block list may have gained items."""
    old = [line.replace(source, target) for line in before.splitlines()]
    new = after.splitlines()
    position = 0
    for line in old:
        while position < len(new) and ID_IN_LIST.sub("", new[position]) != ID_IN_LIST.sub("", line):
            assert re.fullmatch(r"\s*- (['\"]?)[0-9A.]+\1", new[position]), f"line added or lost: {new[position]!r}"
            position += 1
        assert position < len(new), f"line lost: {line!r}"
        position += 1


def _add_records(root: Path, source: str, clause: str) -> None:
    records = root / "docs" / "records" / "nonconformities"
    records.mkdir(parents=True)
    (records / "nc-001.md").write_text(HISTORICAL_NC.format(source=source, clause=clause), encoding="utf-8")
    (records / "nc-002.md").write_text(OPEN_NC.format(source=source), encoding="utf-8")
    config = root / "isodocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("rules: {}\n",
                        "rules: {}\n# Clauses we keep a document for although the standard does not ask\n"
                        f"required:\n  {source}: [\"7.1.6\", \"10.3\"]  # knowledge, improvement\n"
                        f"exclusions:\n  {source}:\n    \"8.3\": We build only to our customers' designs\n")
    config.write_text(text, encoding="utf-8")
    commit_all(git.Repo(root), "Records and settings of the 2015 edition")


@pytest.fixture(scope="module")
def quality_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = scaffold(tmp_path_factory.mktemp("migrate") / "quality", "iso9001-2015", organization="Example Ltd")
    _add_records(root, "iso9001-2015", "8.4.1")
    return root


@pytest.fixture
def quality(quality_once: Path, tmp_path: Path) -> Path:
    """A committed, scaffolded ISO 9001:2015 repository with records and settings, fresh for each test."""
    import shutil
    return Path(shutil.copytree(quality_once, tmp_path / "quality"))


def test_preview_writes_nothing_and_names_the_decisions(quality: Path):
    before = tree(quality)
    result = migrated(quality, "iso9001-2015", "iso9001-2026")
    assert result.code == 0, result.err
    assert tree(quality) == before
    assert "Nothing was written" in result.out
    assert "docs/procedures/risks-and-opportunities.md:11: warning migration-decision: 6.1.2 is split into 6.1.2, " \
           "6.1.3" in result.out
    assert "docs/records/nonconformities/nc-001.md  (a closed nonconformity)" in result.out
    assert "standards: iso9001-2015 -> iso9001-2026" in result.out


def test_9001_repository_moves_to_2026_and_passes_check_with_every_line_kept(quality: Path):
    before = tree(quality)
    result = migrated(quality, "iso9001-2015", "iso9001-2026", "--write")
    assert result.code == 0, result.err
    after = tree(quality)
    changed = sorted(path for path in before if before[path] != after[path])
    assert "docs/records/nonconformities/nc-001.md" not in changed, "a closed nonconformity is history"
    assert len(changed) >= 20 and "isodocs.yml" in changed
    for path in changed:
        unchanged_apart_from_clause_ids(before[path].decode(), after[path].decode(), "iso9001-2015", "iso9001-2026")
    config = parse(after["isodocs.yml"].decode())
    assert config["standards"] == ["iso9001-2026"]
    assert config["required"] == {"iso9001-2026": ["7.1.6", "10.1"]}
    assert config["exclusions"] == {"iso9001-2026": {"8.3": "We build only to our customers' designs"}}
    assert "# Clauses we keep a document for" in after["isodocs.yml"].decode()
    risks = parse(after["docs/procedures/risks-and-opportunities.md"].decode().split("---")[1])
    assert risks["clauses"] == {"iso9001-2026": ["6.1", "6.1.1", "6.1.2", "6.1.3", "6.3"]}
    open_nc = after["docs/records/nonconformities/nc-002.md"].decode()
    assert "  iso9001-2026:\n    - \"6.1.2\"   # block style on purpose\n    - \"6.1.3\"\n    - '10.1'\n" in open_nc
    assert "clause: iso9001-2026:10.1" in open_nc
    audits = parse(after["docs/plans/audit-programme.md"].decode().split("---")[1])["audits"]
    assert {a["standard"] for a in audits} == {"iso9001-2026"}
    code, report = check(quality)
    assert code == 0 and report["summary"]["errors"] == 0
    assert set(report["readiness"]) == {"iso9001-2026"}
    rules = {f["rule"] for f in report["findings"]}
    assert "edition-superseded" not in rules and "clause-unknown" not in rules


def test_14001_repository_moves_to_2026_and_the_new_clause_is_left_to_a_person(tmp_path: Path):
    root = scaffold(tmp_path / "environment", "iso14001-2015", organization="Example Ltd")
    _add_records(root, "iso14001-2015", "6.1.3")
    before = tree(root)
    result = migrated(root, "iso14001-2015", "iso14001-2026", "--write")
    assert result.code == 0, result.err
    assert "iso14001-2026 6.3 (Planning of changes) is new and no document addresses it yet" in result.out
    assert "6.1.4 -> 6.1.5 (renumbered)" in result.out
    after = tree(root)
    for path in (p for p in before if before[p] != after[p]):
        unchanged_apart_from_clause_ids(before[path].decode(), after[path].decode(), "iso14001-2015", "iso14001-2026")
    risks = parse(after["docs/procedures/risks-and-opportunities.md"].decode().split("---")[1])
    assert risks["clauses"] == {"iso14001-2026": ["6.1", "6.1.1", "6.1.4", "6.1.5"]}
    review = parse(after["docs/procedures/management-review.md"].decode().split("---")[1])
    assert review["clauses"] == {"iso14001-2026": ["9.3", "9.3.1", "9.3.2", "9.3.3"]}
    corrective = parse(after["docs/procedures/nonconformity-and-corrective-action.md"].decode().split("---")[1])
    assert corrective["clauses"] == {"iso14001-2026": ["10.1", "10.2"]}, "10.3 went into 10.1"
    assert "9.3 -> 9.3, 9.3.1, 9.3.2, 9.3.3 (split)" in result.out
    code, report = check(root)
    assert code == 0 and report["summary"]["errors"] == 0
    assert set(report["readiness"]) == {"iso14001-2026"}


def test_approved_documents_are_named_for_approval_again(tmp_path: Path):
    root = scaffold(tmp_path / "approved", "iso9001-2015", organization="Example Ltd")
    approve_everything(root, TODAY)
    commit_all(git.Repo(root), "Approved")
    result = migrated(root, "iso9001-2015", "iso9001-2026", "--write")
    assert "to approve again" in result.out and "PRO-002" in result.out
    commit_all(git.Repo(root), "Moved to ISO 9001:2026")
    code, report = check(root)
    changed = {f["document"] for f in report["findings"] if f["rule"] == "changed-since-approval"}
    assert code == 1 and "PRO-002" in changed, "a changed clause map needs a new approval"


def test_refuses_to_write_over_uncommitted_changes(quality: Path):
    policy = quality / "docs" / "policies" / "management-system-policy.md"
    policy.write_text(policy.read_text(encoding="utf-8") + "\nA line not yet committed.\n", encoding="utf-8")
    before = tree(quality)
    for write in ((), ("--write",)):
        result = migrated(quality, "iso9001-2015", "iso9001-2026", *write)
        assert result.code == 2 and "uncommitted changes" in result.err and "--allow-dirty" in result.err
    assert tree(quality) == before
    assert migrated(quality, "iso9001-2015", "iso9001-2026", "--write", "--allow-dirty").code == 0
    assert "A line not yet committed." in policy.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, words", [
    (["iso9001-2015", "iso27001-2022"], "no transition map from iso9001-2015 to iso27001-2022"),
    (["iso14001-2015", "iso14001-2026"], "'iso14001-2015' is not among the standards"),
])
def test_bad_requests_exit_2(quality: Path, args: list[str], words: str):
    result = migrated(quality, *args)
    assert result.code == 2 and words in result.err


def test_every_transition_map_reads_and_reaches_every_new_clause():
    for source, target in transitions.available():
        loaded = transitions.read(transitions.path_for(source, target),
                                  {source: catalog.load(source), target: catalog.load(target)})
        assert set(loaded.changes) == set(loaded.source.entries)
        reached = {i for change in [*loaded.changes.values(), *loaded.added] for i in change.new}
        assert reached == set(loaded.target.entries)
        assert catalog.load(source).edition.replaced_by == target


NINE = transitions.read(transitions.path_for("iso9001-2015", "iso9001-2026"),
                        {c: catalog.load(c) for c in ("iso9001-2015", "iso9001-2026")})


@settings(max_examples=80, deadline=None)
@given(ids=st.lists(st.sampled_from(sorted(NINE.source.entries)), min_size=1, max_size=8, unique=True),
       flow=st.booleans(), quote=st.sampled_from(['"', "'", ""]), wrap=st.integers(min_value=1, max_value=8))
def test_rewritten_lists_read_as_the_map_says_and_keep_every_other_line(ids: list[str], flow: bool, quote: str,
                                                                        wrap: int):
    items = [f"{quote}{i}{quote}" for i in ids]
    rows = [", ".join(items[start:start + wrap]) for start in range(0, len(items), wrap)]  # a flow list over lines
    listing = "  iso9001-2015: [" + ",\n                 ".join(rows) + "]  # kept\n" if flow else \
        "  iso9001-2015:  # kept\n" + "".join(f"    - {item}\n" for item in items)
    text = f"id: X  # first\nclauses:\n{listing}owner: a  # last\n"
    data = YAML(typ="rt").load(text)
    editor = TokenEditor(text)
    editor.key(data["clauses"], "iso9001-2015", "iso9001-2026")
    editor.items(data["clauses"]["iso9001-2015"], NINE.replacements(ids))
    result = editor.result(Path("x"))
    assert [str(i) for i in parse(result)["clauses"]["iso9001-2026"]] == NINE.map_ids(ids)
    lines = result.splitlines()
    assert lines[0] == "id: X  # first" and lines[-1] == "owner: a  # last" and "# kept" in result
    assert len(lines) == len(text.splitlines()) + (0 if flow else len(NINE.map_ids(ids)) - len(ids))


OLD_OWN = """id: acme-2019
name: Acme Baseline 2019
title: Our own controls
edition: {published: "2019-01-10", status: superseded, replaced_by: acme-2026, transition_ends: "2027-06-30"}
entries:
  - {id: "4", title: Scope}
  - {id: "A.1", title: Controls}
  - {id: "A.1.1", title: Access reviews, parent: "A.1", control: true}
  - {id: "A.1.2", title: Backups, parent: "A.1", control: true}
"""
NEW_OWN = """id: acme-2026
name: Acme Baseline 2026
title: Our own controls
edition: {published: "2026-01-10", status: current, replaces: acme-2019}
entries:
  - {id: "4", title: Scope}
  - {id: "A.1", title: Controls}
  - {id: "A.1.1", title: Access reviews, parent: "A.1", control: true}
  - {id: "A.1.3", title: Backups, parent: "A.1", control: true}
"""
OWN_MAP = """from: acme-2019
to: acme-2026
changes:
  - {old: "A.1.2", new: ["A.1.3"], kind: renumbered, note: Backups moved.}
"""
OWN_SOA = """---
id: REG-ACME
title: Our applicability decisions
type: register
owner: system-owner
status: draft
clauses: {acme-2019: ["A.1.1"]}
applicability:
  acme-2019:
    A.1.1: {applicable: true, justification: Needed}   # reviewed quarterly
    'A.1.2': {applicable: false, justification: No data of our own}
---
# Decisions
"""


def test_own_catalogs_migrate_through_their_own_map_including_the_soa(tmp_path: Path):
    root = scaffold(tmp_path / "own", "iso27001-2022", organization="Example Ltd")
    for path, text in (("catalogs/acme-2019.yml", OLD_OWN), ("catalogs/acme-2026.yml", NEW_OWN),
                       ("catalogs/transitions/acme-2019--acme-2026.yml", OWN_MAP), ("docs/records/acme.md", OWN_SOA)):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    config = root / "isodocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - iso27001-2022\n", "  - iso27001-2022\n  - acme-2019\n")
    config.write_text(text, encoding="utf-8")
    commit_all(git.Repo(root), "Our own baseline")
    result = migrated(root, "acme-2019", "acme-2026", "--write")
    assert result.code == 0, result.err
    assert "A.1.2 -> A.1.3 (renumbered)" in result.out
    text = (root / "docs/records/acme.md").read_text(encoding="utf-8")
    assert "  acme-2026:\n    A.1.1: {applicable: true, justification: Needed}   # reviewed quarterly\n" \
           "    'A.1.3': {applicable: false, justification: No data of our own}\n" in text
    assert 'clauses: {acme-2026: ["A.1.1"]}' in text
    _code, report = check(root)
    assert not [f for f in report["findings"] if f["rule"] in ("clause-unknown", "edition-superseded")]


def test_audits_done_under_the_old_edition_still_count_for_the_clauses_that_carried_over(tmp_path: Path):
    root = scaffold(tmp_path / "audited", "iso14001-2015", organization="Example Ltd")
    edit = root / "docs/plans/audit-programme.md"
    text = edit.read_text(encoding="utf-8")
    full = ('  - {planned: "2027-03", standard: iso14001-2015, clauses: ["4", "5", "6", "7", "8", "9", "10"], '
            'auditor: }\n')
    assert full in text
    text = text.replace(full, "")   # this programme audits clause by clause, within three years
    text = text.replace('{planned: "2029-03", standard: iso14001-2015, clauses: ["7", "8"]',
                        '{planned: "2028-03", standard: iso14001-2015, clauses: ["7", "8"]')
    text = text.replace('{planned: "2030-03", standard: iso14001-2015, clauses: ["9", "10"]',
                        '{planned: "2029-03", standard: iso14001-2015, clauses: ["9", "10"]')
    old = '{planned: "2028-03", standard: iso14001-2015, clauses: ["4", "5", "6"], auditor: }'
    assert old in text
    edit.write_text(text.replace(old, '{planned: "2026-04", standard: iso14001-2015, clauses: ["4", "5", "6"], '
                                      'auditor: Sam Lee, done: 2026-04-20}'), encoding="utf-8")
    commit_all(git.Repo(root), "First audit done")
    assert migrated(root, "iso14001-2015", "iso14001-2026", "--write").code == 0
    assert 'standard: iso14001-2015, clauses: ["4", "5", "6"], auditor: Sam Lee, done: 2026-04-20' in \
        edit.read_text(encoding="utf-8"), "an audit done is history"
    _, report = check(root)
    gaps = [f["message"] for f in report["findings"] if f["rule"] == "audit-programme-gap"]
    assert len(gaps) == 1 and "leaves 1 clauses of ISO 14001:2026 unaudited" not in gaps[0], \
        "an audit done counts only from an approved programme"
    text = edit.read_text(encoding="utf-8").replace(
        "\nstatus: draft\n", f"\nstatus: approved\napproved: {TODAY}\nlast_reviewed: {TODAY}\n", 1)
    edit.write_text(text.replace('\nversion: "0.1"\n', '\nversion: "1.0"\n', 1), encoding="utf-8")
    _, report = check(root)
    gaps = [f["message"] for f in report["findings"] if f["rule"] == "audit-programme-gap"]
    assert len(gaps) == 1 and "leaves 1 clauses of ISO 14001:2026 unaudited" in gaps[0] and gaps[0].endswith(": 6.3")


def test_a_russian_repository_reads_the_preview_and_its_notes_in_russian(tmp_path: Path):
    from english import english
    root = scaffold(tmp_path / "ru", "iso9001-2015", organization="ООО Ромашка", extra=("--language", "ru"))
    _add_records(root, "iso9001-2015", "8.4.1")   # a closed nonconformity, an open one, required, exclusions
    result = migrated(root, "iso9001-2015", "iso9001-2026")
    assert result.code == 0, result.err
    out = result.out
    assert "`standards`: iso9001-2015 -> iso9001-2026" in out
    assert "iso9001-2026 4.1: Климатическое изменение 2024 года теперь часть пункта" in out
    assert "(закрытое несоответствие)" in out and "разделён" in out
    people = frozenset(git.Repo(root).git.log("--format=%an%n%cn").splitlines())
    designations = frozenset(loaded.name for loaded in catalog.every())
    assert not [line for line in out.splitlines() if english(line, people | designations)]


def test_every_transition_note_is_said_in_russian_too():
    for path in sorted((catalog.catalog_dir() / "transitions").glob("*.yml")):
        for change in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["changes"]:
            assert bool(change.get("note")) == bool(change.get("note_ru")), (path.name, change)
            assert not change.get("note_ru") or re.search("[а-яё]", change["note_ru"]), change


@pytest.fixture(scope="module")
def russian_quality(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scaffold(tmp_path_factory.mktemp("migrate") / "ru", "iso9001-2015", organization="ООО Ромашка",
                    extra=("--language", "ru"))


def _said_in_russian(err: str) -> str:
    from english import english
    assert err.startswith("isodocs: ошибка: ") and len(err.strip().splitlines()) == 1, err
    assert not english(err), err
    return err


CORRECTIVE = "docs/procedures/nonconformity-and-corrective-action.md"


def test_what_stops_a_write_is_said_in_russian_and_nothing_is_written(russian_quality: Path, tmp_path: Path):
    import os
    import shutil
    import subprocess
    import sys

    from test_bad_inputs import WITHOUT_OVERRIDE
    root = Path(shutil.copytree(russian_quality, tmp_path / "ru"))
    before = tree(root)
    # a clause map that cannot be edited token by token: "10.3" written over two lines (YAML joins them)
    path = root / CORRECTIVE
    text = path.read_text(encoding="utf-8")
    assert '"10.3"]' in text
    path.write_text(text.replace('"10.3"]', '"10.\\\n    3"]'), encoding="utf-8")
    assert parse(path.read_text(encoding="utf-8").split("---")[1])["clauses"]["iso9001-2015"][-1] == "10.3"
    result = migrated(root, "iso9001-2015", "iso9001-2026", "--write", "--allow-dirty")
    assert result.code == 2
    assert f"{path}:11: значение занимает несколько строк" in _said_in_russian(result.err)
    # a document that cannot be read
    path.write_text(text.replace("owner: ", "owner: [", 1), encoding="utf-8")
    result = migrated(root, "iso9001-2015", "iso9001-2026", "--write", "--allow-dirty")
    assert result.code == 2
    assert "не читается, поэтому его нельзя перевести" in _said_in_russian(result.err) and str(path) in result.err
    path.write_text(text, encoding="utf-8")
    assert tree(root) == before
    # a folder that may not be written to: every other file stays as it was (all or nothing)
    folder = root / "docs/procedures"
    folder.chmod(0o555)
    try:
        done = subprocess.run([*WITHOUT_OVERRIDE, str(Path(sys.executable).parent / "isodocs"), "migrate",
                               "iso9001-2015", "iso9001-2026", "--write", "--path", str(root)],
                              capture_output=True, text=True, env={**os.environ})
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert "не удаётся записать" in _said_in_russian(done.stderr) and str(folder) in done.stderr
    assert "ничего не записано" in done.stderr
    assert tree(root) == before and not list(root.rglob("*.tmp"))
    result = migrated(root, "iso9001-2015", "iso9001-2026", "--write")
    assert result.code == 0 and re.fullmatch(r"Записано \d+ файл(а|ов)?\. Дальше: `git diff`, `isodocs check`, затем "
                                             r"коммит\.", result.out.splitlines()[-1])
