"""MkDocs hook for isodocs' own site: reference pages generated from the code, so they cannot drift."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.structure.files import File, Files

from isodocs.checks.rules import RULES
from isodocs.files.schema import schema as load_schema
from isodocs.main import build_parser


def on_files(files: Files, config) -> Files:
    files.append(File.generated(config, "reference/rules.md", content=rules_page()))
    files.append(File.generated(config, "reference/front-matter.md", content=schema_page(
        "frontmatter", "Front matter", "The YAML header of every controlled document, between `---` lines.")))
    files.append(File.generated(config, "reference/configuration.md", content=schema_page(
        "config", "isodocs.yml", "The repository's configuration, at its root.")))
    files.append(File.generated(config, "reference/catalog.md", content=schema_page(
        "catalog", "Catalogs", "One edition of a standard (in `standards/`), or a repository's own catalog (in "
        "`catalogs/` beside `isodocs.yml`): clause numbers and short titles, with the edition's facts.")))
    files.append(File.generated(config, "reference/transition.md", content=schema_page(
        "transition", "Transition maps", "How one edition's clauses map to the next, read by `isodocs migrate` "
        "(`standards/transitions/FROM--TO.yml`, or a repository's own in `catalogs/transitions/`).")))
    files.append(File.generated(config, "reference/crosswalk.md", content=schema_page(
        "crosswalk", "Crosswalks", "One catalog's ids mapped to another's (`catalogs/crosswalks/FROM--TO.yml`).")))
    files.append(File.generated(config, "reference/cli.md", content=cli_page()))
    files.append(File.generated(config, "hardening.md", content=hardening_page()))
    return files


CASES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "bad-inputs" / "cases.yml"


def hardening_page() -> str:
    """The bad-input corpus the tests run, as a table; and what else is tried."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    lines = [(Path(__file__).parent / "hardening.md.in").read_text(encoding="utf-8").rstrip(), "",
             "| Case | Exit | Rule | Line | What isodocs says |", "|---|---|---|---|---|"]
    for case in cases:
        line = case.get("line", "")
        lines.append(f"| {case['case']} | {case['exit']} | {('`' + case['rule'] + '`') if 'rule' in case else ''} | "
                     f"{line if line != 0 else 'file'} | {case.get('message', 'nothing: the file is read as it is')} |")
    lines += ["", "In every case the test also checks that no file of the repository changed and that no "
              "traceback was printed.", ""]
    return "\n".join(lines)


def rules_page() -> str:
    lines = ["# Rules", "", "Every finding carries one of these stable rule ids. Severities can be changed, or a rule "
             "turned `off`, under `rules:` in `isodocs.yml`. Rules marked *gap* are warnings while the stage is "
             "`preparation` and errors once it is `certified`.", "",
             "| Rule | Default | Means | Fix |", "|---|---|---|---|"]
    for rule in RULES.values():
        severity = f"{rule.severity} (gap)" if rule.gap else rule.severity
        lines.append(f"| `{rule.id}` | {severity} | {rule.meaning()} | {rule.fix()} |")
    return "\n".join(lines) + "\n"


def schema_page(name: str, title: str, intro: str) -> str:
    schema = load_schema(name)
    required = set(schema.get("required", []))
    lines = [f"# {title}", "", intro, schema.get("description", ""), "",
             f"The JSON Schema ships with the package as `isodocs/schemas/{name}.schema.json`.", "",
             "| Key | Required | Value | Meaning |", "|---|---|---|---|"]
    definitions = schema.get("$defs", {})
    for key, spec in schema["properties"].items():
        lines.append(f"| `{key}` | {'yes' if key in required else ''} | {_kind(spec, definitions)} | "
                     f"{_describe(spec, definitions)} |")
    return "\n".join(lines) + "\n"


def _resolve(spec: dict, definitions: dict) -> dict:
    if "$ref" in spec:
        return {**definitions[spec["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in spec.items() if k != "$ref"}}
    return spec


def _kind(spec: dict, definitions: dict) -> str:
    spec = _resolve(spec, definitions)
    if "enum" in spec:
        return " \\| ".join(f"`{v}`" for v in spec["enum"])
    if "anyOf" in spec:
        return " or ".join(_kind(s, definitions) for s in spec["anyOf"])
    kind = spec.get("type", "")
    return " or ".join(kind) if isinstance(kind, list) else {"object": "mapping", "array": "list"}.get(kind, kind)


def _describe(spec: dict, definitions: dict) -> str:
    return _resolve(spec, definitions).get("description", "").replace("|", "\\|")


def cli_page() -> str:
    parser = build_parser()
    lines = ["# Command line", "", "```text", parser.format_help().rstrip(), "```", ""]
    for action in parser._subparsers._group_actions:
        for name, sub in action.choices.items():
            lines += [f"## isodocs {name}", "", "```text", sub.format_help().rstrip(), "```", ""]
    return "\n".join(lines)
