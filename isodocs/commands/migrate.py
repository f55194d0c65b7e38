"""`isodocs migrate FROM TO [--write]`: move a repository from one edition of a standard to the next.

The transition map (standards/transitions/FROM--TO.yml, or the repository's own) says where each clause
went. Clause maps in front matter, Statement of Applicability keys, open nonconformities, audits not yet
done and isodocs.yml (`standards`, `required`, `exclusions`) are rewritten token by token, so every
other byte stays; historical records (closed nonconformities, management reviews held, audits done,
retired documents) stay as they were, since they record what happened under the old edition. What a
person must decide (a split clause, a new clause no document addresses) is listed as findings.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from isodocs.errors import ConfigError, UsageError, spoken_in
from isodocs.files.atomic import write_together
from isodocs.files.editing import EditError, TokenEditor, locked, parse_header
from isodocs.files.fences import decode, split
from isodocs.files.yamlload import YamlError, parse
from isodocs.model import catalog, config as config_module, transitions
from isodocs.model.catalog import Entry
from isodocs.model.config import CONFIG_FILE
from isodocs.model.document import Document
from isodocs.model.findings import WARNING, Finding
from isodocs.model.repository import Repository
from isodocs.model.rules import MIGRATION_DECISION
from isodocs.model.transitions import Transition
from isodocs.translation import Translator, given, t
from isodocs.translation.messages import say, text_in

_round_trip = YAML(typ="rt")


def step(kind: str, /, **params: object) -> str:
    """One line of the preview (`migrate.step-KIND`), said again in the repository's language."""
    return say(f"migrate.step-{kind}", **params)


@dataclass
class Rewrite:
    """One file's planned rewrite: the new text and what changed, line by line, for the preview."""

    path: Path
    new_text: str
    steps: list[tuple[int, str]] = field(default_factory=list)   # (line, "old -> new")
    expect: dict[str, list[str]] = field(default_factory=dict)   # front matter clause map the result must have


@dataclass
class Plan:
    transition: Transition
    rewrites: list[Rewrite] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)     # (path, why it stays as it was)
    decisions: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reapprove: list[str] = field(default_factory=list)               # approved documents whose text changes


def migrate(source: str, target: str, path: str = ".", write: bool = False, allow_dirty: bool = False) -> int:
    root = config_module.find_root(Path(path))
    settings = config_module.load(root)
    own = root / settings.catalogs_dir
    said = Translator(settings.language, "migrate.")
    if source not in settings.standards:
        raise UsageError(said("not-in-scope", source=source, file=CONFIG_FILE),
                         hint=said("in-scope", standards=tuple(settings.standards)), language=said.language)
    if target in settings.standards:
        raise ConfigError(said("already-in-scope", source=source, target=target), settings.path,
                          settings.line("standards", settings.standards.index(target)),
                          hint=said("already-in-scope-hint", source=source, target=target), language=said.language)
    map_path = transitions.path_for(source, target, own)
    if map_path is None:
        known = tuple(f"{a} -> {b}" for a, b in transitions.available())
        raise UsageError(said("no-map", source=source, target=target), hint=said("known-maps", known=known),
                         language=said.language)
    with spoken_in(said.language):
        catalogs = {catalog_id: catalog.find(catalog_id, str(root)) for catalog_id in (source, target)}
        transition = transitions.read(map_path, catalogs)
        if not allow_dirty:
            _refuse_dirty(root, said)
        repository = Repository.load(root, cache=False)
        plan = _plan(repository, transition)
        out = sys.stdout
        out.write(_preview(plan, root, repository.config.language, write))
        if write:
            _write(plan.rewrites, transition.target.id)
            out.write(said("wrote", count=len(plan.rewrites)) + "\n")
    return 0


def _refuse_dirty(root: Path, said: Translator) -> None:
    try:
        import git

        repo = git.Repo(root, search_parent_directories=True)
    except Exception:  # gitpython raises several unrelated types for "not a repository"
        raise UsageError(said("not-in-git", root=root), hint=said["not-in-git-hint"],
                         language=said.language) from None
    if repo.is_dirty(untracked_files=True):
        raise UsageError(said["dirty"], hint=said["dirty-hint"], language=said.language)


def _plan(repository: Repository, transition: Transition) -> Plan:
    plan = Plan(transition)
    source, target = transition.source.id, transition.target.id
    for finding in repository.load_findings:
        raise EditError(say("migrate.unreadable", problem=finding.message), repository.root / finding.path,
                        finding.line or None, hint=say("migrate.unreadable-hint"))
    mapped: set[str] = set()
    for document in repository.documents:
        historical = document.historical
        if historical:
            if source in document.clauses or source in document.applicability:
                plan.kept.append((document.path, historical))
            continue
        rewrite = _document(repository.root / document.path, document, transition, plan)
        if rewrite is not None:
            plan.rewrites.append(rewrite)
            if document.approved_status:
                plan.reapprove.append(document.id)
        mapped.update(transition.map_ids(document.clauses.get(source, [])))
        mapped.update(document.clauses.get(target, []))
    plan.rewrites.append(_config(repository, transition, plan))
    for added in _new_ids(transition):
        if added not in mapped:
            entry = transition.target.entries[added]
            line = repository.config.line("standards", repository.config.standards.index(source))
            plan.decisions.append(MIGRATION_DECISION.finding(
                CONFIG_FILE, line,
                say("migration-new", catalog=target, clause=added, title=entry.title or ""), severity=WARNING))
    return plan


def _new_ids(transition: Transition) -> list[str]:
    """Ids of the new edition with no single predecessor: the new ones and the extra ids of a split."""
    found = [new_id for change in transition.added for new_id in change.new]
    for change in transition.changes.values():
        if change.kind == "split":
            found += [new_id for new_id in change.new[1:] if new_id not in found]
    return found


def _document(path: Path, document: Document, transition: Transition, plan: Plan) -> Rewrite | None:
    source, target = transition.source.id, transition.target.id
    raw = path.read_bytes()
    data, _ = parse_header(raw, path)
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig") if bom else raw.decode("utf-8")
    editor = TokenEditor(text, offset=1)
    rewrite = Rewrite(path, "")
    rel = document.path
    clauses = data.get("clauses")
    if isinstance(clauses, CommentedMap) and source in clauses:
        if target in clauses:
            plan.decisions.append(MIGRATION_DECISION.finding(rel, document.line("clauses"),
                                          say("migration-both", source=source, target=target), document.id, WARNING))
            return None
        old_ids = [str(item) for item in clauses[source]]
        editor.key(clauses, source, target)
        rewrite.steps.append((document.line("clauses"), step("key", key="clauses", source=source, target=target)))
        replacements = transition.replacements(old_ids)
        for old_id, new_ids in zip(old_ids, replacements, strict=True):
            line = document.clause_lines.get((source, old_id), document.line("clauses"))
            _explain(plan, rewrite, transition, old_id, new_ids, rel, line, document.id)
        editor.items(clauses[source], replacements)
        rewrite.expect = {target: transition.map_ids(old_ids)}
    soa = data.get("applicability")
    if isinstance(soa, CommentedMap) and source in soa:
        editor.key(soa, source, target)
        rewrite.steps.append((document.line("applicability"), step("key", key="applicability", source=source,
                                                                    target=target)))
        for control in list(soa[source]):
            moved = transition.ids(str(control))
            if moved != (str(control),):
                editor.key(soa[source], control, moved[0])
                _explain(plan, rewrite, transition, str(control), list(moved), rel,
                         document.line("applicability"), document.id)
    record = data.get("nonconformity")
    if isinstance(record, CommentedMap) and str(record.get("clause", "")).startswith(source + ":"):
        old_id = str(record["clause"]).split(":", 1)[1]
        new_ids = list(transition.ids(old_id))
        editor.value(record, "clause", f"{target}:{new_ids[0]}")
        line = document.nonconformity.line if document.nonconformity else document.line("nonconformity")
        _explain(plan, rewrite, transition, old_id, new_ids, rel, line, document.id)
    for audit in data.get("audits") or []:
        if isinstance(audit, CommentedMap) and audit.get("standard") == source and not audit.get("done"):
            editor.value(audit, "standard", target)
            editor.items(audit["clauses"], transition.replacements([str(c) for c in audit["clauses"]]))
            rewrite.steps.append((audit.lc.line + 2, step("audit", planned=str(audit["planned"]), source=source,
                                                          target=target)))
    if not rewrite.steps:
        return None
    rewrite.new_text = ("\ufeff" if bom else "") + editor.result(path)
    return rewrite


def _explain(plan: Plan, rewrite: Rewrite, transition: Transition, old_id: str, new_ids: list[str], rel: str,
             line: int, document_id: str | None) -> None:
    change = transition.changes.get(old_id)
    if change is None:
        rewrite.steps.append((line, step("unknown", clause=old_id, catalog=transition.source.id)))
        return
    if change.kind != "same" and change.new == (old_id,):
        old, new = transition.source.entries[old_id], transition.target.entries[old_id]
        rewrite.steps.append((line, step("retitled", clause=old_id, kind=say(f"migrate.kind-{change.kind}"),
                                         old=_title(old), new=_title(new))))
    elif change.kind != "same":
        rewrite.steps.append((line, step("moved" if change.new else "removed", clause=old_id, new=tuple(change.new),
                                         kind=say(f"migrate.kind-{change.kind}"))))
    if change.kind in transitions.DECISIONS or change.kind == "removed":
        plan.decisions.append(MIGRATION_DECISION.finding(rel, line, say(
            f"migration-{change.kind}", clause=old_id, new=", ".join(change.new),
            note=given(en=change.note or "", ru=change.note_ru)),
            document_id, WARNING))
    elif change.note:
        note = say("migrate.note", catalog=transition.target.id, new=tuple(change.new),
                   note=given(en=change.note, ru=change.note_ru))
        if note not in plan.notes:
            plan.notes.append(note)


def _title(entry: Entry) -> str:
    """An entry's title in every language; a paragraph the standard leaves untitled says so."""
    return given(en=entry.title, ru=entry.title_ru) if entry.title else say("standards.untitled")


def _config(repository: Repository, transition: Transition, plan: Plan) -> Rewrite:
    source, target = transition.source.id, transition.target.id
    path = repository.config.path
    text = path.read_text(encoding="utf-8-sig")
    data = _round_trip.load(text)
    editor = TokenEditor(text)
    rewrite = Rewrite(path, "")
    config = repository.config
    position = config.standards.index(source)
    editor.items(data["standards"], [[target] if i == position else [str(v)]
                                     for i, v in enumerate(data["standards"])])
    rewrite.steps.append((config.line("standards", position), step("key", key="standards", source=source,
                                                                    target=target)))
    required = data.get("required")
    if isinstance(required, CommentedMap) and source in required:
        editor.key(required, source, target)
        old_ids = [str(v) for v in required[source]]
        editor.items(required[source], transition.replacements(old_ids))
        rewrite.steps.append((config.line("required", source), step("key", key="required", source=source,
                                                                  target=target)))
        for old_id in old_ids:
            _explain(plan, rewrite, transition, old_id, list(transition.ids(old_id)),
                     CONFIG_FILE, config.line("required", source), None)
    exclusions = data.get("exclusions")
    if isinstance(exclusions, CommentedMap) and source in exclusions:
        editor.key(exclusions, source, target)
        rewrite.steps.append((config.line("exclusions", source), step("key", key="exclusions", source=source,
                                                                    target=target)))
        taken: set[str] = set()
        for clause in list(exclusions[source]):
            new_ids = list(transition.ids(str(clause)))
            line = config.line("exclusions", source, str(clause))
            if new_ids and new_ids[0] in taken:
                plan.decisions.append(MIGRATION_DECISION.finding(CONFIG_FILE, line, say(
                    "migration-merged-exclusion", clause=str(clause), new=new_ids[0]), None, WARNING))
                continue
            if new_ids and new_ids[0] != str(clause):
                editor.key(exclusions[source], clause, new_ids[0])
            taken.update(new_ids[:1])
            _explain(plan, rewrite, transition, str(clause), new_ids, CONFIG_FILE, line, None)
    rewrite.new_text = editor.result(path)
    return rewrite


def _preview(plan: Plan, root: Path, language: str, write: bool) -> str:
    transition = plan.transition
    say = Translator(language, "migrate.")
    lines = [say("title-write" if write else "title-preview", source=transition.source.name,
                 target=transition.target.name, map=transition.path.name), ""]
    for rewrite in plan.rewrites:
        lines.append(rewrite.path.relative_to(root).as_posix())
        lines += [f"  {line:>5}  {text_in(step, language)}" for line, step in rewrite.steps]
    if plan.kept:
        lines += ["", say("kept")]
        lines += [f"  {path}  ({text_in(why, language)})" for path, why in plan.kept]
    if plan.decisions:
        lines += ["", say("decide")]
        for finding in sorted(plan.decisions, key=Finding.sort_key):
            lines.append(f"  {finding.path}:{finding.line}: {t(finding.severity, language)} {finding.rule}: "
                         f"{text_in(finding.message, language)}")
    if plan.reapprove:
        lines += ["", say("reapprove"), "  " + ", ".join(plan.reapprove)]
    if plan.notes:
        lines += ["", say("notes")] + [f"  {text_in(note, language)}" for note in plan.notes]
    if not write:
        lines += ["", say("nothing-written")]
    return "\n".join(lines) + "\n"


def _write(rewrites: list[Rewrite], target: str) -> None:
    """Every rewritten file checked, then all written or none (each atomically, under its folder's lock)."""
    for rewrite in rewrites:
        _verify(rewrite, target)
    with ExitStack() as stack:
        for folder in sorted({rewrite.path.parent for rewrite in rewrites}):
            stack.enter_context(locked(folder))
        write_together([(rewrite.path, rewrite.new_text.encode("utf-8")) for rewrite in rewrites])


def _verify(rewrite: Rewrite, target: str) -> None:
    """The rewritten text parses and says what was planned."""
    path = rewrite.path
    try:
        if path.name == CONFIG_FILE:
            data = parse(rewrite.new_text)
            if target not in (data.get("standards") or []):
                raise EditError(say("migrate.lost-standard", target=target), path, hint=say("migrate.by-hand-hint"))
        else:
            header = split(decode(rewrite.new_text.encode("utf-8"))).header or ""
            data = parse(header, first_line=2)
            for catalog_id, ids in rewrite.expect.items():
                if [str(i) for i in data["clauses"][catalog_id]] != ids:
                    raise EditError(say("migrate.misread", found=tuple(str(i) for i in data["clauses"][catalog_id]),
                                        planned=tuple(ids)), path, hint=say("migrate.by-hand-hint"))
    except YamlError as error:
        raise EditError(say("migrate.would-break", problem=error.message), path, error.line,
                        hint=say("migrate.by-hand-hint")) from None
