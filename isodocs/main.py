"""The `isodocs` command line: parses arguments and dispatches to one module per command."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from isodocs import __version__
from isodocs.errors import IsodocsError, UsageError
from isodocs.model.dates import Interval
from isodocs.translation import t

FORMATS = ("text", "json", "junit", "sarif", "github", "markdown", "codequality")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def _interval(value: str) -> Interval:
    try:
        return Interval.parse(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _repository_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--path", default=".", help="the repository (default: the current folder)")


def _today_option(parser: argparse.ArgumentParser, help: str = "pretend today is DATE") -> None:
    parser.add_argument("--today", type=_date, metavar="DATE", help=help)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="isodocs", description="Compliance documentation as code for ISO "
                                                                 "management systems.")
    parser.add_argument("--version", action="version", version=f"isodocs {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="run every rule over a compliance repository")
    check.add_argument("path", nargs="?", default=".", help="the repository (default: the current folder)")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    _today_option(check, "pretend today is DATE, for reproducible runs")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--no-cache", dest="cache", action="store_false",
                       help="parse every file again instead of reusing unchanged ones")
    check.add_argument("--no-history", dest="history", action="store_false",
                       help="do not read git history: approvals are not verified (every format says so)")
    check.add_argument("--severity", choices=("error", "warning"),
                       help="report findings of this severity or higher: `error` shows errors only")
    check.add_argument("--rule", dest="rules", action="append", default=[], metavar="ID",
                       help="report only findings of this rule (repeatable; see `isodocs rules`)")

    new = commands.add_parser("new", help="scaffold a compliance repository from the template")
    new.add_argument("directory", nargs="?", metavar="DIR", help="the new repository's folder (default: from the "
                                                                   "organization's name, in the current folder)")
    new.add_argument("--organization", metavar="NAME")
    new.add_argument("--standard", action="append", default=[], metavar="ID",
                     help="a catalog id, e.g. iso27001-2022; repeat for several")
    new.add_argument("--language", choices=("en", "ru"))
    new.add_argument("--ci", dest="ci_provider", choices=("github", "gitlab", "none"))
    new.add_argument("--review-interval", metavar="INTERVAL", help="default review interval, e.g. '12 months'")
    new.add_argument("--top-management", metavar="TITLE")
    new.add_argument("--system-owner", metavar="TITLE")
    new.add_argument("--security-officer", metavar="TITLE")
    new.add_argument("--reviewers", metavar="HANDLE", help="code-host team or user for CODEOWNERS")
    new.add_argument("--repo-url", metavar="URL", help="web address of the repository: edit links in the handbook")
    new.add_argument("--isodocs-source", metavar="SOURCE",
                     help="where CI and pre-commit install isodocs from: git (default: the isodocs repository at "
                          "this version's tag), index (isodocs==VERSION), a private index URL, or "
                          "git+https://...@TAG")
    new.add_argument("--isodocs-repository", metavar="URL",
                     help="the isodocs git repository or your mirror of it (default: the project's own)")
    new.add_argument("--code-scanning", action="store_const", const="yes",
                     help="upload findings to GitHub code scanning (needs GitHub Advanced Security when private)")
    new.add_argument("--deploy-handbook", action="store_const", const="yes",
                     help="publish the handbook with GitHub Pages or GitLab Pages from the default branch")
    new.add_argument("--no-input", action="store_true", help="ask nothing; use the options and the defaults")

    history = commands.add_parser("history", help="a document's revision history from git")
    history.add_argument("document", metavar="DOC", help="a document id or path")
    _repository_option(history)
    history.add_argument("--format", choices=("text", "json"), default="text")

    review = commands.add_parser("review", help="stamp a review of a document")
    review.add_argument("document", metavar="DOC", help="a document id or path")
    review.add_argument("--by", required=True, metavar="ROLE", help="the role that reviewed it")
    review.add_argument("--date", type=_date, metavar="DATE", help="the day of the review (default: today)")
    _today_option(review, "pretend today is DATE (a later --date is refused)")
    _repository_option(review)

    approve = commands.add_parser("approve", help="approve a new version of a document")
    approve.add_argument("document", metavar="DOC", help="a document id or path")
    approve.add_argument("--by", required=True, metavar="ROLE", help="the approving role")
    approve.add_argument("--major", action="store_true", help="raise the major version (1.3 -> 2.0)")
    approve.add_argument("--date", type=_date, metavar="DATE", help="the day of the approval (default: today)")
    _today_option(approve, "pretend today is DATE (a later --date is refused)")
    approve.add_argument("--change-approver", action="store_true",
                         help="let a role other than the document's approver approve it, and become its approver")
    _repository_option(approve)

    add = commands.add_parser("add", help="add a new draft document with a free id")
    add.add_argument("type", metavar="TYPE",
                     help="policy, procedure, plan, record, register, form, manual or guideline")
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--clause", action="append", default=[], metavar="CAT:ID",
                     help="a clause it addresses, e.g. iso27001-2022:A.5.15; repeat for several")
    add.add_argument("--owner", required=True, metavar="ROLE")
    add.add_argument("--date", type=_date, metavar="DATE", help="the day the document is begun (default: today)")
    _today_option(add, "pretend today is DATE (a later --date is refused)")
    _repository_option(add)

    importing = commands.add_parser("import", help="existing .docx, .odt, .html and .md files become draft documents")
    importing.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders to import every file from")
    importing.add_argument("--type", dest="kind", metavar="TYPE",
                           help="the type of every imported document (default: guessed from title or folder)")
    importing.add_argument("--owner", metavar="ROLE",
                           help="owner when the document-control table names nobody who holds a role")
    importing.add_argument("--approver", metavar="ROLE",
                           help="approver when the document-control table names nobody who holds a role")
    importing.add_argument("--clause", action="append", default=[], metavar="CAT:ID",
                           help="a clause every imported document addresses; repeat for several")
    importing.add_argument("--into", metavar="FOLDER",
                           help="a folder inside the documents' folder (default: one per type, as isodocs add)")
    importing.add_argument("--accept-suggestions", action="store_true",
                           help="list the suggested clauses under clauses: instead of in a comment")
    importing.add_argument("--overwrite", action="store_true", help="replace documents that already exist")
    importing.add_argument("--format", choices=("text", "json"), default="text")
    _repository_option(importing)

    owners = commands.add_parser("codeowners", help="write CODEOWNERS from the documents' owners, or check it")
    owners.add_argument("--check", action="store_true", help="exit 1 when CODEOWNERS is out of date")
    _repository_option(owners)

    diff = commands.add_parser("diff", help="what a change does to the document set")
    diff.add_argument("base", metavar="BASE", help="the branch, tag or commit to compare with")
    diff.add_argument("head", metavar="HEAD", nargs="?", help="default: the working tree")
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    _today_option(diff)
    _repository_option(diff)

    due = commands.add_parser("tasks", help="what is due, per owner: reviews, risks, nonconformities, audits")
    due.add_argument("--format", choices=("text", "markdown", "json", "ics"), default="text",
                     help="ics: an iCalendar feed of every dated duty, to subscribe to in a calendar")
    due.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    _today_option(due, "pretend today is DATE (also the feed's stamp)")
    due.add_argument("--within", type=_interval, metavar="INTERVAL",
                     help="list what falls due within INTERVAL, e.g. '90 days' (default: defaults.due_soon)")
    due.add_argument("--published", action="store_true",
                     help="only what the handbook may show: leave out duties recorded in documents kept out of it")
    _repository_option(due)

    copies = commands.add_parser("pdf", help="controlled copies as PDF: each published document, and the manual")
    copies.add_argument("documents", nargs="*", metavar="DOC",
                        help="ids or paths of the documents to print (default: every published one, and the manual)")
    copies.add_argument("--output", metavar="DIR", default="pdf", help="the folder for the PDFs (default: pdf)")
    copies.add_argument("--no-manual", dest="manual", action="store_false",
                        help="only the single copies, not the manual")
    _today_option(copies, "pretend today is DATE (the next review dates and the manual's cover)")
    _repository_option(copies)

    export = commands.add_parser("export", help="a spreadsheet for auditors")
    export.add_argument("what", choices=("soa", "register", "risks", "nonconformities"))
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    export.add_argument("--output", metavar="FILE", help="the file to write (required for xlsx)")
    _today_option(export)
    _repository_option(export)

    evidence = commands.add_parser("evidence", help="record evidence that controls operate")
    evidence_commands = evidence.add_subparsers(dest="evidence_command", metavar="add", required=True)
    record = evidence_commands.add_parser("add", help="a new entry under `evidence:` in a record")
    record.add_argument("record", metavar="RECORD", help="the record's id or path")
    record.add_argument("--control", action="append", required=True, metavar="CAT:ID",
                        help="a control or clause it shows operating, e.g. iso27001-2022:A.8.13 (repeatable)")
    record.add_argument("--what", required=True, metavar="TEXT", help="what was done")
    record.add_argument("--by", metavar="WHO", help="who did it: a role or a person")
    record.add_argument("--date", type=_date, metavar="DATE", help="the day it was done (default: today)")
    record.add_argument("--file", action="append", default=[], metavar="PATH",
                        help="a file in the repository that holds the proof (repeatable)")
    record.add_argument("--link", metavar="URL", help="where the proof is kept outside the repository")
    _today_option(record, "pretend today is DATE (a later --date is refused)")
    _repository_option(record)

    audit = commands.add_parser("audit", help="internal audit tools")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="checklist", required=True)
    checklist = audit_commands.add_parser("checklist", help="a checklist per clause of a standard")
    checklist.add_argument("standard", metavar="STANDARD", help="a catalog id in scope, e.g. iso27001-2022")
    checklist.add_argument("--format", choices=("markdown", "xlsx"), default="markdown")
    checklist.add_argument("--output", metavar="FILE")
    _today_option(checklist, "pretend today is DATE (the day prepared, and whether evidence is overdue)")
    _repository_option(checklist)

    site = commands.add_parser("site", help="build the handbook through a site generator, or scan a built site")
    site_commands = site.add_subparsers(dest="site_command", metavar="build|scan", required=True)
    site_build = site_commands.add_parser("build", help="stage the publishable pages and run the generator on them")
    site_build.add_argument("path", nargs="?", default=".", help="the repository (default: the current folder)")
    site_build.add_argument("--generator", choices=("mkdocs", "properdocs", "zensical"), default="mkdocs")
    site_build.add_argument("--site-dir", metavar="DIR", help="where the site goes (default: mkdocs.yml's site_dir)")
    site_build.add_argument("--strict", action="store_true", help="the generator fails on its warnings")
    shown = site_build.add_mutually_exclusive_group()
    shown.add_argument("--quiet", "-q", action="store_true", help="no progress or summary lines, the generator quiet")
    shown.add_argument("--verbose", "-v", action="store_true",
                       help="progress lines (pages written of the total) even when stderr is not a terminal")
    _today_option(site_build)
    site_scan = site_commands.add_parser("scan", help="exit 1 naming every trace of a hidden document in a site")
    site_scan.add_argument("site_dir", metavar="SITE_DIR")
    _repository_option(site_scan)

    rules = commands.add_parser("rules", help="list every rule with its meaning and fix")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--path", default=".", help="the repository whose language the rules are told in")

    migrate = commands.add_parser("migrate", help="move the repository from one edition of a standard to the next")
    migrate.add_argument("source", metavar="FROM", help="the catalog in scope now, e.g. iso9001-2015")
    migrate.add_argument("target", metavar="TO", help="the catalog to move to, e.g. iso9001-2026")
    migrate.add_argument("--write", action="store_true", help="rewrite the files (default: preview only)")
    migrate.add_argument("--allow-dirty", action="store_true",
                         help="write even though the working tree has uncommitted changes")
    _repository_option(migrate)

    standards = commands.add_parser("standards", help="list the catalogs, or show one")
    standards_commands = standards.add_subparsers(dest="standards_command", metavar="show")
    show = standards_commands.add_parser("show", help="print one catalog")
    show.add_argument("catalog", metavar="ID")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--path", default=".", help="the repository whose own catalogs are listed too")
    standards.add_argument("--path", default=".", help="the repository whose own catalogs are listed too")
    return parser


def dispatch(args: argparse.Namespace) -> int:
    if args.command == "check":
        from isodocs.commands.check import check
        return check(args.path, args.format, args.output, args.today, args.strict, args.cache, args.history,
                     args.severity, args.rules)
    if args.command == "new":
        from isodocs.commands.new import new
        options = {key: getattr(args, key) for key in ("language", "ci_provider", "review_interval",
                                                       "top_management", "system_owner", "security_officer",
                                                       "reviewers", "isodocs_source", "isodocs_repository",
                                                       "code_scanning", "deploy_handbook", "repo_url")}
        return new(args.directory, args.organization, args.standard, args.no_input, options)
    if args.command == "history":
        from isodocs.commands.history import show
        return show(args.document, args.path, args.format)
    if args.command == "review":
        from isodocs.commands.review import review
        return review(args.document, args.by, args.date, args.path, args.today)
    if args.command == "approve":
        from isodocs.commands.approve import approve
        return approve(args.document, args.by, args.major, args.date, args.path, args.today, args.change_approver)
    if args.command == "add":
        from isodocs.commands.add import add
        return add(args.type, args.title, args.clause, args.owner, args.path, args.date, args.today)
    if args.command == "import":
        from isodocs.commands.import_ import import_documents
        return import_documents(args.paths, args.kind, args.owner, args.approver, args.clause, args.into,
                                args.accept_suggestions, args.format, args.overwrite, args.path)
    if args.command == "codeowners":
        from isodocs.commands.codeowners import codeowners
        return codeowners(args.check, args.path)
    if args.command == "diff":
        from isodocs.commands.diff import diff
        return diff(args.base, args.head, args.format, args.path, args.today)
    if args.command == "tasks":
        from isodocs.commands.tasks import tasks
        return tasks(args.format, args.output, args.path, args.today, args.within, args.published)
    if args.command == "pdf":
        from isodocs.commands.pdf import pdf
        return pdf(args.documents, args.output, args.manual, args.path, args.today)
    if args.command == "export":
        from isodocs.commands.export import export
        return export(args.what, args.format, args.output, args.path, args.today)
    if args.command == "evidence":
        from isodocs.commands.evidence import add as add_evidence
        return add_evidence(args.record, args.control, args.what, args.by, args.date, args.file, args.link, args.path,
                            args.today)
    if args.command == "audit":
        from isodocs.commands.audit import checklist
        return checklist(args.standard, args.format, args.output, args.path, args.today)
    if args.command == "site":
        from isodocs.commands import site
        if args.site_command == "build":
            return site.build(args.path, args.generator, args.site_dir, args.strict, args.today, args.quiet,
                              args.verbose)
        return site.scan(args.site_dir, args.path)
    if args.command == "rules":
        from isodocs.commands.rules import rules
        return rules(args.format, args.path)
    if args.command == "migrate":
        from isodocs.commands.migrate import migrate
        return migrate(args.source, args.target, args.path, args.write, args.allow_dirty)
    if args.command == "standards":
        from isodocs.commands import standards
        if args.standards_command == "show":
            return standards.show(args.catalog, args.format, args.path)
        return standards.list_catalogs(args.path)
    raise UsageError("no command given; try 'isodocs --help'")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return dispatch(args)
    except IsodocsError as error:
        if error.language == "en":   # raised where the repository's language was not at hand
            from isodocs.model.config import language_at
            error.language = language_at(getattr(args, "path", None))
        sys.stderr.write(f"isodocs: {t('cli.error', error.language)}: {error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("isodocs: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
