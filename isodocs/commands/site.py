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
from isodocs.translation import Translator

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
        raise ConfigError(f"docs_dir is {docs_dir}, but isodocs.yml reads {repository.config.docs_dir}; make them "
                          "the same", config_path)
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
            raise IsodocsError(f"cannot write the site: {error.strerror or error}", error.filename or target
                               ) from None
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
        raise UsageError(f"{target} is a link; not replaced", hint="give the folder it leads to, or another one")
    root = repository.root.resolve()
    target = target.resolve()
    if target == root or target in root.parents or target.is_relative_to(repository.docs_dir.resolve()):
        raise UsageError(f"--site-dir {target} would replace the repository or its documents",
                         hint="choose a folder of its own, such as site")
    if target.is_file() or (target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file()
                            and not (target / "404.html").is_file()):
        raise UsageError(f"{target} exists and is not a built site; not replaced", hint="choose an empty folder")


def scan(site_dir: str, path: str) -> int:
    from isodocs.site.scan import hits, traces

    site = Path(site_dir)
    if not site.is_dir():
        raise UsageError(f"no built site in {site_dir}", hint="build it first: isodocs site build --site-dir DIR")
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
    try:
        return group_size(options.get("navigation_group_size", GROUP_SIZE))
    except ValueError as error:
        lines = getattr(options, "lc", None)
        line = lines.key("navigation_group_size")[0] + 1 if lines is not None else None
        raise ConfigError(f"the isodocs plugin's {error}", where, line) from None


def _date(value: str, where: Path) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"option 'today' of the isodocs plugin: '{value}' is not a date (YYYY-MM-DD)", where
                          ) from None


def _generator(name: str) -> list[str]:
    """How to start a generator: its script beside this Python, else on the PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        raise UsageError(f"{name} is not installed", hint=f"pip install {name}")
    return [found]
