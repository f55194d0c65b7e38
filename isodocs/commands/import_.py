"""`isodocs import PATH...`: existing .docx, .odt, .html and .md files become draft documents.

Every file is read and converted first (in worker processes when there are many); then, per target
folder and under the same lock `isodocs add` takes, ids are given out and the documents written (images
first, the Markdown last, each atomically).
One file's failure is reported on its line and never stops the others; exit 1 when any file failed.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import repeat
from pathlib import Path

from isodocs.errors import IsodocsError, UsageError
from isodocs.files.atomic import write_bytes, write_text
from isodocs.files.drafts import FOLDER, free_id, header, parse_clauses, slug
from isodocs.files.editing import locked
from isodocs.importing import ImportFailure, Source, sources
from isodocs.importing.control_table import history_section
from isodocs.importing.convert import Converted, convert
from isodocs.importing.images import IMAGE_TOKEN
from isodocs.importing.kinds import guess
from isodocs.importing.suggest import Suggestion, suggest
from isodocs.model.config import Config
from isodocs.model.document import TYPES
from isodocs.model.repository import Repository
from isodocs.outputs.escape import markdown_text, terminal_text
from isodocs.translation import Translator, say, t, value

PARALLEL_FROM = 8  # files: below this, starting worker processes costs more than it saves
MAX_WORKERS = 8


@dataclass
class Report:
    source: str
    status: str = "imported"          # imported | failed | skipped
    message: str | None = None        # why it failed or was skipped: a message, said in the repository's language
    path: str | None = None
    id: str | None = None
    type: str | None = None
    type_from: str | None = None      # title | folder | --type | default
    title: str | None = None
    carried: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    suggested: list[dict[str, object]] = field(default_factory=list)
    suggestions_accepted: bool = False
    needs_person: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)


@dataclass
class Options:
    kind: str | None
    owner: str | None
    approver: str | None
    clauses: dict[str, list[str]]
    into: Path | None
    accept: bool
    overwrite: bool


@dataclass
class Planned:
    report: Report
    converted: Converted
    images: dict[str, bytes]
    kind: str
    target: Path
    suggestions: list[Suggestion]


def import_documents(paths: list[str], kind: str | None = None, owner: str | None = None,
                     approver: str | None = None, clauses: list[str] | None = None, into: str | None = None,
                     accept: bool = False, output: str = "text", overwrite: bool = False, path: str = ".") -> int:
    repository = Repository.load(Path(path))
    language = repository.config.language
    options = _options(repository, kind, owner, approver, clauses or [], into, accept, overwrite)
    given = [Path(p) for p in paths]
    for item in given:
        if not item.exists() and not item.is_symlink():
            raise UsageError(t("import.no-such-file", language, item=item),
                             hint=t("import.nothing-imported", language), language=language)
    reports: list[Report] = []
    wanted: list[tuple[Path, Report]] = []
    for file, reason in sources.files(given):
        report = Report(str(file))
        reports.append(report)
        if reason is not None:
            report.status, report.message = "skipped", ImportFailure(reason, file).said()
        else:
            wanted.append((file, report))
    planned: list[Planned] = []
    for (file, report), result in zip(wanted, _read_all([file for file, _ in wanted], repository.config), strict=True):
        if isinstance(result, ImportFailure):
            report.status, report.message = "failed", result.said()
        else:
            planned.append(_prepare(repository, options, file, report, *result))
    _write(repository, options, planned)
    _print(reports, output, language)
    return 1 if any(report.status == "failed" for report in reports) else 0


def _options(repository: Repository, kind: str | None, owner: str | None, approver: str | None,
             clauses: list[str], into: str | None, accept: bool, overwrite: bool) -> Options:
    said = Translator(repository.config.language, "import.")
    if kind is not None and kind not in TYPES:
        raise UsageError(t("cli.unknown-type", said.language, kind=kind),
                         hint=t("cli.one-of-types", said.language, types=tuple(TYPES)), language=said.language)
    for role in (owner, approver):
        if role is not None:
            repository.config.known_role(role)
    folder = None
    if into is not None:
        folder = (repository.docs_dir / into).resolve()
        if not folder.is_relative_to(repository.docs_dir.resolve()):
            raise UsageError(said("into-outside", into=into, docs=repository.config.docs_dir),
                             hint=said["into-outside-hint"], language=said.language)
    return Options(kind, owner, approver, parse_clauses(repository, clauses), folder, accept, overwrite)


def _read_all(files: list[Path], config: Config) -> Iterator[tuple[Source, Converted] | ImportFailure]:
    """Each file read and converted (or why it cannot be), in order; many files in worker processes, whose
    failures come back pickled with their file, key and parameters."""
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
                  MAX_WORKERS)
    if len(files) < PARALLEL_FROM or workers < 2:
        yield from (_read(file, config) for file in files)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(_read, files, repeat(config), chunksize=2)


def _read(file: Path, config: Config) -> tuple[Source, Converted] | ImportFailure:
    try:
        source = sources.read(file)
        return source, convert(source, config)
    except ImportFailure as error:
        return error
    except Exception as error:  # the conversion tripping over an odd file: that file fails, the others go on
        return sources.unreadable(file, error)


def _prepare(repository: Repository, options: Options, file: Path, report: Report, source: Source,
             converted: Converted) -> Planned:
    """Decide where a converted file goes and what its report says; nothing is written yet."""
    title_guess = file.stem.replace("_", " ").strip() or "document"
    config = repository.config
    title = converted.title or title_guess
    if options.kind:
        kind, kind_from = options.kind, "--type"
    else:
        guessed, where = guess(title, file)
        kind, kind_from = (guessed, where) if guessed else ("policy", "default")
    folder = options.into or repository.docs_dir / FOLDER[kind]
    target = folder / f"{slug(title)}.md"
    images = {name: data for name, data in source.images.items() if f"{IMAGE_TOKEN}{name}" in converted.body}
    converted.body = converted.body.replace(IMAGE_TOKEN, f"{target.stem}-images/")
    converted.title = title
    report.title, report.type, report.type_from = title, kind, kind_from
    if kind_from == "default":
        report.needs_person.append(say("import.type-assumed"))
    report.unsupported = list(source.notes)
    control = converted.control
    report.carried += control.carried
    report.needs_person += control.needs_person
    catalogs = list(repository.catalogs.values())
    suggestions = suggest(catalogs, config.language, title, converted.headings, converted.body)
    report.suggested = [asdict(s) for s in suggestions]
    report.suggestions_accepted = options.accept and bool(suggestions)
    if suggestions and not options.accept:
        report.needs_person.append(say("import.clauses-confirm"))
    if not suggestions and not options.clauses:
        report.needs_person.append(say("import.clauses-none"))
    return Planned(report, converted, images, kind, target, suggestions)


def _write(repository: Repository, options: Options, planned: list[Planned]) -> None:
    by_folder: dict[Path, list[Planned]] = {}
    for item in planned:
        by_folder.setdefault(item.target.parent, []).append(item)
    taken: set[str] = set()
    claimed: dict[Path, str] = {}
    for folder, items in sorted(by_folder.items()):
        folder.mkdir(parents=True, exist_ok=True)
        with locked(folder):
            current = Repository.load(repository.root)  # ids taken meanwhile (by isodocs add, say) count too
            for item in items:
                try:
                    _write_one(current, options, item, taken, claimed)
                except ImportFailure as error:
                    item.report.status, item.report.message = "failed", error.said()
                except (IsodocsError, OSError) as error:  # an OutputError from the atomic write, or the folder's
                    cause = error.said() if isinstance(error, IsodocsError) else say(
                        "import.os-error", target=item.target, error=error.strerror or str(error))
                    failure = ImportFailure(say("import.not-written", error=cause), item.report.source)
                    item.report.status, item.report.message = "failed", failure.said()


def _write_one(repository: Repository, options: Options, item: Planned, taken: set[str],
               claimed: dict[Path, str]) -> None:
    report, target, root = item.report, item.target, repository.root
    shown = target.relative_to(root).as_posix()
    images = target.parent / f"{target.stem}-images"
    if target in claimed:
        raise ImportFailure(say("import.same-target", path=shown, other=claimed[target]), report.source,
                            hint=say("import.same-target-hint"))
    existing = next((d for d in repository.documents if d.path == shown), None)
    if (target.exists() or (item.images and images.exists())) and not options.overwrite:
        raise ImportFailure(say("import.exists", path=shown), report.source, hint=say("import.exists-hint"))
    claimed[target] = report.source
    namesakes = [d for d in repository.documents if d.path != shown and d.title
                 and d.title.casefold() == (item.converted.title or "").casefold()]
    for namesake in namesakes:
        report.needs_person.append(say("import.namesake", id=namesake.id, path=namesake.path))
    doc_id = existing.id if existing is not None and existing.id else free_id(repository, item.kind, taken)
    taken.add(doc_id)
    text = _render(repository, options, item, doc_id)
    written: list[Path] = []
    try:
        for name, data in item.images.items():
            write_bytes(images / name, data)
            written.append(images / name)
        write_text(target, text)
    except OSError:
        if not options.overwrite:  # a new document's images go with it; replaced ones cannot come back
            for image in written:
                image.unlink(missing_ok=True)
        raise
    report.images = [image.relative_to(root).as_posix() for image in written]
    report.path, report.id = shown, doc_id


def _render(repository: Repository, options: Options, item: Planned, doc_id: str) -> str:
    config = repository.config
    control = item.converted.control
    front = control.front
    owner = front.get("owner") or options.owner
    approver = front.get("approver") or options.approver
    if owner is None and not any(note.startswith("owner:") for note in item.report.needs_person):
        item.report.needs_person.append(say("import.owner-unknown"))
    clauses = {catalog: list(ids) for catalog, ids in options.clauses.items()}
    if options.accept:
        for suggestion in item.suggestions:
            if suggestion.clause not in clauses.setdefault(suggestion.catalog, []):
                clauses[suggestion.catalog].append(suggestion.clause)
    more = {"approver": approver, "version": f'"{front.get("version", "0.1")}"', "approved": front.get("approved"),
            "last_reviewed": front.get("last_reviewed")}
    lines = ["---", *header(doc_id, item.converted.title or doc_id, item.kind, owner, clauses,
                             front.get("classification", config.default_classification), more)]
    if item.suggestions:
        lines.append("# " + t("import.comment-accepted" if options.accept else "import.comment-confirm",
                              config.language))
        lines += ["#   " + t("import.comment-suggestion", config.language, catalog=s.catalog, clause=s.clause,
                              title=_comment(s.title), score=s.score) for s in item.suggestions]
    lines.append("# " + t("import.comment-from", config.language, name=_comment(Path(item.report.source).name)))
    lines += ["---", f"# {markdown_text(item.converted.title or doc_id)}", "", item.converted.body.rstrip("\n")]
    history = history_section(control, config.language)
    if history:
        lines += ["", history.rstrip("\n")]
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    return " ".join(text.split())


def _print(reports: list[Report], output: str, language: str) -> None:
    counts = {status: sum(1 for r in reports if r.status == status) for status in ("imported", "failed", "skipped")}
    if output == "json":
        json.dump({"files": [asdict(r) for r in reports], "summary": counts}, sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
        return
    said = Translator(language, "import.")
    out = []
    for report in reports:
        if report.status != "imported":
            out.append(said(report.status, message=said.message(report.message or "")))
            continue
        out.append(said("imported", source=report.source, path=report.path, id=report.id,
                        type=value(report.type or ""), origin=said[f"type-from-{report.type_from}"]))
        if report.carried:
            out.append(said("carried", items=tuple(said.message(item) for item in report.carried)))
        for image in report.images:
            out.append(said("image", image=image))
        for suggestion in report.suggested:
            out.append(said("accepted" if report.suggestions_accepted else "suggested", **suggestion))
        for note in report.unsupported:
            out.append(said("not-carried", note=said.message(note)))
        for note in report.needs_person:
            out.append(said("needs-person", note=said.message(note)))
    out.append(said("summary", **counts))
    sys.stdout.write("\n".join(terminal_text(line) for line in out) + "\n")
