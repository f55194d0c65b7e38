"""`isodocs new`: scaffold a compliance repository through the cookiecutter template."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from cookiecutter.exceptions import CookiecutterException, FailedHookException
from cookiecutter.main import cookiecutter

from isodocs import __version__
from isodocs.errors import IsodocsError, UsageError, spoken_in
from isodocs.files.resources import data_dir, project_url
from isodocs.model import catalog
from isodocs.translation import say, t


def template_hook(name: str) -> ModuleType:
    """A hook of the template, imported as plain Python (its Jinja sits inside a string)."""
    path = data_dir("template") / "hooks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"isodocs_template_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def answers_for(directory: str | None, organization: str | None, standards: list[str], options: dict[str, str | None]
                ) -> tuple[Path, dict[str, object]]:
    """The output folder and the cookiecutter answers that the command line gives."""
    unknown = [s for s in standards if s not in catalog.available()]
    if unknown:
        raise UsageError(say("cli.unknown-standard", catalog=unknown[0]),
                         hint=say("catalog.known", known=catalog.available()))
    # The scaffold pins the isodocs that made it, from the isodocs repository unless told otherwise.
    context: dict[str, object] = {"isodocs_version": __version__, "isodocs_repository": project_url()}
    context.update({key: value for key, value in options.items() if value is not None})
    if organization is not None:
        context["organization"] = organization
    if standards:
        for catalog_id in catalog.available():
            context[catalog_id.replace("-", "_")] = catalog_id in standards
    output = Path.cwd()
    if directory is not None:
        target = Path(directory)
        context["project_slug"] = target.name
        output = target.parent if str(target.parent) else Path(".")
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise IsodocsError(say("cli.folder-not-empty", folder=directory), hint=say("cli.folder-not-empty-hint"))
    return output, context


def new(directory: str | None, organization: str | None, standards: list[str], no_input: bool,
        options: dict[str, str | None]) -> int:
    with spoken_in(options.get("language") or "en"):   # the language asked for, before any repository exists
        return _new(directory, organization, standards, no_input, options)


def _new(directory: str | None, organization: str | None, standards: list[str], no_input: bool,
         options: dict[str, str | None]) -> int:
    output, context = answers_for(directory, organization, standards, options)
    template = data_dir("template")
    if no_input:
        defaults = _defaults(template)
        problems = template_hook("pre_gen_project").problems({**defaults, **context})
        if problems:
            raise UsageError(say("cli.more-problems", first=problems[0], count=len(problems) - 1)
                             if len(problems) > 1 else problems[0])
    try:
        created = cookiecutter(str(template), no_input=no_input, extra_context=context, output_dir=str(output),
                               default_config=True)
    except FailedHookException:
        raise IsodocsError(say("cli.template-refused")) from None
    except CookiecutterException as error:
        raise IsodocsError(say("cli.cannot-scaffold", error=str(error))) from None
    project = Path(created)
    count = sum(1 for path in (project / "docs").rglob("*.md") if path.name != "index.md")
    sys.stdout.write(t("cli.new-created", str(context.get("language") or "en"), project=project, count=count) + "\n")
    return 0


def _defaults(template: Path) -> dict[str, object]:
    """The answers --no-input starts from: each plain default, or the first of each choice."""
    raw = json.loads((template / "cookiecutter.json").read_text(encoding="utf-8"))
    answers = {key: value[0] if isinstance(value, list) else value
               for key, value in raw.items() if not key.startswith("_")}
    # Defaults that cookiecutter renders from other answers (the slug, the reviewers) are its own text.
    return {key: value for key, value in answers.items() if not (isinstance(value, str) and "{" + "{" in value)}
