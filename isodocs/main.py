"""The `isodocs` command line: parses arguments and dispatches to one module per command."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from isodocs import __version__
from isodocs.cli_language import language_for, speaking
from isodocs.errors import IsodocsError, UsageError
from isodocs.model.dates import Interval
from isodocs.translation import Translator, t

FORMATS = ("text", "json", "junit", "sarif", "github", "markdown", "codequality")


def build_parser(language: str = "en") -> argparse.ArgumentParser:
    """The parser, its texts in `language`; build and run it inside `speaking(language)` for argparse's own."""
    say = Translator(language, "cli.")
    m = Translator(language, "cli.metavar.")

    def date_value(value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(say("not-a-date", value=value)) from None

    def interval(value: str) -> Interval:
        try:
            return Interval.parse(value)
        except ValueError:
            raise argparse.ArgumentTypeError(say("not-an-interval", value=value)) from None

    def repository_option(parser: argparse.ArgumentParser, help: str = "help.repository") -> None:
        parser.add_argument("--path", default=".", metavar=m["path"], help=say(help))

    def today_option(parser: argparse.ArgumentParser, help: str = "help.today") -> None:
        parser.add_argument("--today", type=date_value, metavar=m["date"], help=say(help))

    def command(group: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> argparse.ArgumentParser:
        text = say(f"help.{name.replace(' ', '.')}")
        return group.add_parser(name.split()[-1], help=text, description=text)

    parser = argparse.ArgumentParser(prog="isodocs", description=say("help.description"))
    parser.add_argument("--version", action="version", version=f"isodocs {__version__}", help=say("help.version"))
    commands = parser.add_subparsers(dest="command", metavar=m["command"])

    check = command(commands, "check")
    check.add_argument("path", nargs="?", default=".", metavar=m["repository"], help=say("help.repository"))
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--output", metavar=m["file"], help=say("help.check.output"))
    today_option(check, "help.check.today")
    check.add_argument("--strict", action="store_true", help=say("help.check.strict"))
    check.add_argument("--no-cache", dest="cache", action="store_false", help=say("help.check.no-cache"))
    check.add_argument("--no-history", dest="history", action="store_false", help=say("help.check.no-history"))
    check.add_argument("--severity", choices=("error", "warning"), help=say("help.check.severity"))
    check.add_argument("--rule", dest="rules", action="append", default=[], metavar=m["rule"],
                       help=say("help.check.rule"))

    new = command(commands, "new")
    new.add_argument("directory", nargs="?", metavar=m["dir"], help=say("help.new.directory"))
    new.add_argument("--organization", metavar=m["name"])
    new.add_argument("--standard", action="append", default=[], metavar=m["catalog"], help=say("help.new.standard"))
    new.add_argument("--language", choices=("en", "ru"))
    new.add_argument("--ci", dest="ci_provider", choices=("github", "gitlab", "none"))
    new.add_argument("--review-interval", metavar=m["interval"], help=say("help.new.review-interval"))
    new.add_argument("--top-management", metavar=m["job-title"])
    new.add_argument("--system-owner", metavar=m["job-title"])
    new.add_argument("--security-officer", metavar=m["job-title"])
    new.add_argument("--reviewers", metavar=m["handle"], help=say("help.new.reviewers"))
    new.add_argument("--repo-url", metavar=m["url"], help=say("help.new.repo-url"))
    new.add_argument("--isodocs-source", metavar=m["source"], help=say("help.new.isodocs-source"))
    new.add_argument("--isodocs-repository", metavar=m["url"], help=say("help.new.isodocs-repository"))
    new.add_argument("--code-scanning", action="store_const", const="yes", help=say("help.new.code-scanning"))
    new.add_argument("--deploy-handbook", action="store_const", const="yes", help=say("help.new.deploy-handbook"))
    new.add_argument("--no-input", action="store_true", help=say("help.new.no-input"))

    history = command(commands, "history")
    history.add_argument("document", metavar=m["doc"], help=say("help.document"))
    repository_option(history)
    history.add_argument("--format", choices=("text", "json"), default="text")

    review = command(commands, "review")
    review.add_argument("document", metavar=m["doc"], help=say("help.document"))
    review.add_argument("--by", required=True, metavar=m["role"], help=say("help.review.by"))
    review.add_argument("--date", type=date_value, metavar=m["date"], help=say("help.review.date"))
    today_option(review, "help.today-not-later")
    repository_option(review)

    approve = command(commands, "approve")
    approve.add_argument("document", metavar=m["doc"], help=say("help.document"))
    approve.add_argument("--by", required=True, metavar=m["role"], help=say("help.approve.by"))
    approve.add_argument("--major", action="store_true", help=say("help.approve.major"))
    approve.add_argument("--date", type=date_value, metavar=m["date"], help=say("help.approve.date"))
    today_option(approve, "help.today-not-later")
    approve.add_argument("--change-approver", action="store_true", help=say("help.approve.change-approver"))
    repository_option(approve)

    add = command(commands, "add")
    add.add_argument("type", metavar=m["type"], help=say("help.add.type"))
    add.add_argument("title", metavar=m["doc-title"])
    add.add_argument("--clause", action="append", default=[], metavar=m["clause"], help=say("help.add.clause"))
    add.add_argument("--owner", required=True, metavar=m["role"])
    add.add_argument("--date", type=date_value, metavar=m["date"], help=say("help.add.date"))
    today_option(add, "help.today-not-later")
    repository_option(add)

    importing = command(commands, "import")
    importing.add_argument("paths", nargs="+", metavar=m["path"], help=say("help.import.paths"))
    importing.add_argument("--type", dest="kind", metavar=m["type"], help=say("help.import.type"))
    importing.add_argument("--owner", metavar=m["role"], help=say("help.import.owner"))
    importing.add_argument("--approver", metavar=m["role"], help=say("help.import.approver"))
    importing.add_argument("--clause", action="append", default=[], metavar=m["clause"],
                           help=say("help.import.clause"))
    importing.add_argument("--into", metavar=m["folder"], help=say("help.import.into"))
    importing.add_argument("--accept-suggestions", action="store_true", help=say("help.import.accept-suggestions"))
    importing.add_argument("--overwrite", action="store_true", help=say("help.import.overwrite"))
    importing.add_argument("--format", choices=("text", "json"), default="text")
    repository_option(importing)

    owners = command(commands, "codeowners")
    owners.add_argument("--check", action="store_true", help=say("help.codeowners.check"))
    repository_option(owners)

    diff = command(commands, "diff")
    diff.add_argument("base", metavar=m["base"], help=say("help.diff.base"))
    diff.add_argument("head", metavar=m["head"], nargs="?", help=say("help.diff.head"))
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    today_option(diff)
    repository_option(diff)

    due = command(commands, "tasks")
    due.add_argument("--format", choices=("text", "markdown", "json", "ics"), default="text",
                     help=say("help.tasks.format"))
    due.add_argument("--output", metavar=m["file"], help=say("help.tasks.output"))
    today_option(due, "help.tasks.today")
    due.add_argument("--within", type=interval, metavar=m["interval"], help=say("help.tasks.within"))
    due.add_argument("--published", action="store_true", help=say("help.tasks.published"))
    repository_option(due)

    copies = command(commands, "pdf")
    copies.add_argument("documents", nargs="*", metavar=m["doc"], help=say("help.pdf.documents"))
    copies.add_argument("--output", metavar=m["dir"], default="pdf", help=say("help.pdf.output"))
    copies.add_argument("--no-manual", dest="manual", action="store_false", help=say("help.pdf.no-manual"))
    today_option(copies, "help.pdf.today")
    repository_option(copies)

    export = command(commands, "export")
    tables = ("soa", "register", "risks", "nonconformities")
    export.add_argument("what", choices=tables, metavar=f"{{{','.join(tables)}}}")  # named so in errors too
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    export.add_argument("--output", metavar=m["file"], help=say("help.export.output"))
    today_option(export)
    repository_option(export)

    evidence = command(commands, "evidence")
    evidence_commands = evidence.add_subparsers(dest="evidence_command", metavar="add", required=True)
    record = command(evidence_commands, "evidence add")
    record.add_argument("record", metavar=m["record"], help=say("help.evidence.add.record"))
    record.add_argument("--control", action="append", required=True, metavar=m["clause"],
                        help=say("help.evidence.add.control"))
    record.add_argument("--what", required=True, metavar=m["text"], help=say("help.evidence.add.what"))
    record.add_argument("--by", metavar=m["who"], help=say("help.evidence.add.by"))
    record.add_argument("--date", type=date_value, metavar=m["date"], help=say("help.evidence.add.date"))
    record.add_argument("--file", action="append", default=[], metavar=m["path"], help=say("help.evidence.add.file"))
    record.add_argument("--link", metavar=m["url"], help=say("help.evidence.add.link"))
    today_option(record, "help.today-not-later")
    repository_option(record)

    audit = command(commands, "audit")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="checklist", required=True)
    checklist = command(audit_commands, "audit checklist")
    checklist.add_argument("standard", metavar=m["standard"], help=say("help.audit.checklist.standard"))
    checklist.add_argument("--format", choices=("markdown", "xlsx"), default="markdown")
    checklist.add_argument("--output", metavar=m["file"])
    today_option(checklist, "help.audit.checklist.today")
    repository_option(checklist)

    site = command(commands, "site")
    site_commands = site.add_subparsers(dest="site_command", metavar="build|scan", required=True)
    site_build = command(site_commands, "site build")
    site_build.add_argument("path", nargs="?", default=".", metavar=m["repository"], help=say("help.repository"))
    site_build.add_argument("--generator", choices=("mkdocs", "properdocs", "zensical"), default="mkdocs")
    site_build.add_argument("--site-dir", metavar=m["dir"], help=say("help.site.build.site-dir"))
    site_build.add_argument("--strict", action="store_true", help=say("help.site.build.strict"))
    shown = site_build.add_mutually_exclusive_group()
    shown.add_argument("--quiet", "-q", action="store_true", help=say("help.site.build.quiet"))
    shown.add_argument("--verbose", "-v", action="store_true", help=say("help.site.build.verbose"))
    today_option(site_build)
    site_scan = command(site_commands, "site scan")
    site_scan.add_argument("site_dir", metavar=m["site-dir"])
    repository_option(site_scan)

    rules = command(commands, "rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    repository_option(rules, "help.rules.path")

    migrate = command(commands, "migrate")
    migrate.add_argument("source", metavar=m["from"], help=say("help.migrate.source"))
    migrate.add_argument("target", metavar=m["to"], help=say("help.migrate.target"))
    migrate.add_argument("--write", action="store_true", help=say("help.migrate.write"))
    migrate.add_argument("--allow-dirty", action="store_true", help=say("help.migrate.allow-dirty"))
    repository_option(migrate)

    standards = command(commands, "standards")
    standards_commands = standards.add_subparsers(dest="standards_command", metavar="show")
    show = command(standards_commands, "standards show")
    show.add_argument("catalog", metavar=m["catalog"])
    show.add_argument("--format", choices=("text", "json"), default="text")
    repository_option(show, "help.standards.path")
    repository_option(standards, "help.standards.path")
    return parser


def dispatch(args: argparse.Namespace, language: str = "en") -> int:
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
    raise UsageError(t("cli.no-command", language), language=language)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    language = language_for(arguments)   # before parsing: argparse's own errors and help are said in it too
    with speaking(language):
        args = build_parser(language).parse_args(arguments)
    try:
        return dispatch(args, language)
    except IsodocsError as error:
        error.unless_known(language)   # raised where the repository's language was not at hand
        sys.stderr.write(f"isodocs: {t('cli.error', error.language)}: {error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"isodocs: {t('cli.interrupted', language)}\n")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
