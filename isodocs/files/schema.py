"""JSON Schema validation of parsed YAML, with lines and "did you mean" for misspelled keys."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import fastjsonschema

from isodocs.files.resources import schema_path
from isodocs.files.yamlload import line_of
from isodocs.translation.messages import LANGUAGES, given, say


@dataclass(frozen=True)
class SchemaProblem:
    line: int
    message: str


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_path(name).read_text(encoding="utf-8"))
    return loaded


@cache
def fast_validator(name: str) -> Any:
    """Compiled to Python once: it says quickly whether a value is valid, but not all the ways it is not."""
    return fastjsonschema.compile(schema(name))


@cache
def validator(name: str) -> Any:
    import jsonschema  # only needed to explain invalid values; slow to import

    cls = jsonschema.validators.validator_for(schema(name))
    cls.check_schema(schema(name))
    return cls(schema(name))


def problems(name: str, value: Any, default_line: int = 1) -> Iterator[SchemaProblem]:
    """Every way `value` fails schema `name`, most precise first, each with its line."""
    try:
        fast_validator(name)(value)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(validator(name).iter_errors(value), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    for error in errors:
        yield from _explain(error, value, default_line)


def _explain(error: Any, root: Any, default_line: int) -> Iterator[SchemaProblem]:
    path = list(error.absolute_path)
    where = ".".join(str(step) for step in path)
    line = line_of(root, path, default_line)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for extra in sorted(set(error.instance) - set(allowed)):
            guess = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            hint = say("did-you-mean", guess=guess[0]) if guess else say("known-keys", keys=", ".join(allowed))
            yield SchemaProblem(line_of(root, [*path, extra], line), say("unknown-key", key=extra, hint=hint))
        return
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        inside = say("schema.inside", where=where) if where else ""
        yield SchemaProblem(line, say("missing-key", key=missing, inside=inside))
        return
    label = f"'{where}'" if where else say("schema.the-value")
    if error.validator == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        yield SchemaProblem(line, say("schema.enum", label=label, value=str(error.instance), choices=choices))
    elif error.validator == "type":
        expected = error.validator_value
        kinds = tuple(say(f"schema.a-{kind}") if f"schema.a-{kind}" in LANGUAGES["en"] else kind
                      for kind in (expected if isinstance(expected, list) else [expected]))
        yield SchemaProblem(line, say("schema.type", label=label, expected=kinds, kind=_kind(error.instance)))
    elif error.validator == "pattern":
        described = given(en=error.schema.get("description", f"the pattern {error.validator_value}"),
                          ru=error.schema.get("description_ru"))
        yield SchemaProblem(line, say("schema.pattern", label=label, value=str(error.instance), described=described))
    else:
        yield SchemaProblem(line, say("schema.other", label=label, problem=error.message))


def _kind(value: Any) -> str:
    if value is None:
        return say("schema.a-null")
    if isinstance(value, bool):
        return say("schema.true-false")
    if isinstance(value, dict):
        return say("schema.a-object")
    if isinstance(value, list):
        return say("schema.a-array")
    return f"'{value}'"
