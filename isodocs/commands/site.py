"""`isodocs site build` and `isodocs site scan`: publish through any generator, and prove nothing hidden got out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from isodocs import checks
from isodocs.analysis.publishing import Publication
from isodocs.errors import ConfigError, IsodocsError, UsageError
from isodocs.git.history import History
from isodocs.model.repository import Repository
from isodocs.site.navigation import GROUP_SIZE, group_size
from isodocs.site.progress import INTERVAL, Progress
from isodocs.translation import Translator, say as message

GENERATORS = ("mkdocs", "properdocs", "zensical")


def build(path: str, generator: str, site_dir: str | None, strict: bool, today: date | None, quiet: bool = False,
          verbose: bool = False) -> int:
    from isodocs.site.pages import FOLDER, Handbook
    from isodocs.site.stage import generator_config, named_assets, stage

    repository = Repository.load(Path(path), history=True)
    config_path, config = generator_config(repository.root)
    options = _plugin_options(config)
    docs_dir = str(config.get("docs_dir") or "docs")
    if (config_path.parent / docs_dir).resolve() != repository.docs_dir.resolve():
        raise ConfigError(message("site.docs-dir-differs", docs=docs_dir, config=repository.config.docs_dir),
                          config_path)
    if today is None and options.get("today"):
        today = _date(str(options["today"]), config_path)
    today = today or date.today()
    publication = Publication.decide(repository, named_assets(config))
    publication.require()
    history = repository.history if options.get("history", True) else History()
    report = checks.run(repository, today, history)
    handbook = Handbook.build(repository, report, history, today, str(options.get("generated_dir") or FOLDER),
                              publication, _group_size(options, config_path))
    history.remember()
    target = Path(os.path.abspath(site_dir)) if site_dir else repository.root / str(config.get("site_dir") or "site")
    _replaceable(target, repository)
    command = _generator(generator)
    say = Translator(repository.config.language, "cli.")
    with tempfile.TemporaryDirectory(prefix="isodocs-stage-") as folder:
        staged = stage(handbook, config_path, config, Path(folder))
        files = [file for file in (Path(folder) / "docs").rglob("*") if file.is_file()]
        if not quiet:
            sys.stderr.write(say("site-staged", count=len(files), generator=generator, hidden=len(publication.hidden))
                             + "\n")
        args = [*command, "build", "-f", str(staged)] + (["--strict"] if strict else [])
        if quiet and generator != "zensical":
            args.append("--quiet")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        built = Path(folder) / "site"
        pages = sum(1 for file in files if file.suffix == ".md")
        interval = float(options.get("progress_interval", INTERVAL))
        shown = not quiet and (verbose or sys.stderr.isatty())
        returncode = _run_watching(args, folder, env, Progress(pages, _stderr_line, interval, say.language) if shown
                                   else None, built)
        if returncode != 0 or not built.is_dir():
            sys.stderr.write(say("site-failed", generator=generator, code=returncode, target=target) + "\n")
            return 1
        try:
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(built, target)
        except OSError as error:
            raise IsodocsError(message("site.cannot-write", reason=error.strerror or str(error)),
                               error.filename or target) from None
    if not quiet:
        sys.stderr.write(say("site-written", target=target) + "\n")
    return 0


def _run_watching(args: list[str], cwd: str, env: dict[str, str], progress: Progress | None, site: Path) -> int:
    """Run the generator; with `progress`, count the pages it has written into `site` once an interval (any
    generator writes one HTML file a page, so this needs nothing from it)."""
    process = subprocess.Popen(args, cwd=cwd, env=env)
    if progress is None:
        return process.wait()
    while True:
        try:
            returncode = process.wait(timeout=progress.interval or 0.1)
            break
        except subprocess.TimeoutExpired:
            progress.advance(_pages_written(site))
    if returncode == 0:
        progress.finish()
    return returncode


def _pages_written(site: Path) -> int:
    count = 0
    for _, _, names in os.walk(site):
        count += sum(1 for name in names if name.endswith(".html") and name != "404.html")
    return count


def _stderr_line(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _replaceable(target: Path, repository: Repository) -> None:
    """Refuse a site folder whose replacement would lose the user's files."""
    if target.is_symlink():
        raise UsageError(message("site.target-link", target=target), hint=message("site.target-link-hint"))
    root = repository.root.resolve()
    target = target.resolve()
    if target == root or target in root.parents or target.is_relative_to(repository.docs_dir.resolve()):
        raise UsageError(message("site.target-repository", target=target),
                         hint=message("site.target-repository-hint"))
    if target.is_file() or (target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file()
                            and not (target / "404.html").is_file()):
        raise UsageError(message("site.target-not-site", target=target), hint=message("site.target-not-site-hint"))


def scan(site_dir: str, path: str) -> int:
    from isodocs.site.scan import hits, traces

    site = Path(site_dir)
    if not site.is_dir():
        raise UsageError(message("site.no-site", site=site_dir), hint=message("site.no-site-hint"))
    repository = Repository.load(Path(path), history=True)
    publication = Publication.decide(repository)
    wanted, named = traces(repository, publication)
    say = Translator(repository.config.language, "cli.")
    found = list(hits(site, wanted))
    for trace in named:
        sys.stderr.write(say("scan-named", kind=say("scan-kind-" + trace.kind), text=trace.text, path=trace.path)
                         + "\n")
    for file, trace in found:
        sys.stdout.write(say("scan-hit", file=file, kind=say("scan-kind-" + trace.kind), text=trace.text,
                             path=trace.path) + "\n")
    hidden = len(publication.hidden)
    if found:
        sys.stderr.write(say("scan-found", count=len(found), site=site_dir) + "\n")
        return 1
    sys.stderr.write(say("scan-clean", site=site_dir, hidden=hidden, looked=len(wanted)) + "\n")
    return 0


def _plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "isodocs" in plugin:
            options = plugin["isodocs"] or {}
            return options if isinstance(options, dict) else dict(options)   # ruamel's map knows its lines
    return {}


def _group_size(options: dict[str, Any], where: Path) -> int:
    value = options.get("navigation_group_size", GROUP_SIZE)
    try:
        return group_size(value)
    except ValueError:
        lines = getattr(options, "lc", None)
        line = lines.key("navigation_group_size")[0] + 1 if lines is not None else None
        raise ConfigError(message("site.plugin-group-size", value=repr(value)), where, line,
                          hint=message("site.plugin-group-size-hint")) from None


def _date(value: str, where: Path) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(message("site.plugin-today", value=value), where) from None


def _generator(name: str) -> list[str]:
    """How to start a generator: its script beside this Python, else on the PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        raise UsageError(message("site.not-installed", name=name), hint=message("site.not-installed-hint", name=name))
    return [found]
