"""Strict YAML reading that never builds objects and remembers where every value stood.

YAML is composed into nodes by libyaml's C composer (through PyYAML, which MkDocs already brings)
when it is there, else by ruamel.yaml; both give the same nodes, which are turned into plain values
here: mappings become `YMap`, sequences `YList`, and every scalar stays the exact text the
user wrote, except plain `null`/`~`/empty (None) and plain `true`/`false` (bool). So `5.10` stays
`"5.10"`, a date stays `"2026-03-02"` until a schema-aware reader parses it, and no tag can
construct a Python object. Anchors and aliases are refused: front matter has no use for them and
they are how "billion laughs" documents explode. Duplicate keys are refused with both lines.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from sys import intern
from typing import Any

from isodocs.errors import IsodocsError
from isodocs.translation import Message, say

try:
    import yaml as pyyaml
    from yaml import CSafeLoader

    LIBYAML = bool(pyyaml.__with_libyaml__)
except ImportError:  # pragma: no cover - PyYAML comes with MkDocs
    LIBYAML = False

MAX_DEPTH = 32

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}

COMPOSER = "libyaml" if LIBYAML else "ruamel"
MARKED_ERRORS: tuple[type[Exception], ...] = ()
ERRORS: tuple[type[Exception], ...] = ()
# PyYAML's and ruamel.yaml's node classes: the same attributes without a common base, so read as Any
SCALARS: tuple[type[Any], ...] = ()
SEQUENCES: tuple[type[Any], ...] = ()
MAPPINGS: tuple[type[Any], ...] = ()
if LIBYAML:
    MARKED_ERRORS += (pyyaml.MarkedYAMLError,)
    ERRORS += (pyyaml.YAMLError,)
    SCALARS += (pyyaml.ScalarNode,)
    SEQUENCES += (pyyaml.SequenceNode,)
    MAPPINGS += (pyyaml.MappingNode,)


@cache
def _ruamel() -> Any:
    """ruamel.yaml's composer, imported the first time it is used (libyaml's is preferred)."""
    global MARKED_ERRORS, ERRORS, SCALARS, SEQUENCES, MAPPINGS
    from ruamel.yaml import YAML, error, nodes

    MARKED_ERRORS += (error.MarkedYAMLError,)
    ERRORS += (error.YAMLError,)
    SCALARS += (nodes.ScalarNode,)
    SEQUENCES += (nodes.SequenceNode,)
    MAPPINGS += (nodes.MappingNode,)
    return YAML(typ="safe")


UNRESOLVED = "?"

if LIBYAML:
    class _Composer(CSafeLoader):
        """libyaml's composer without tag resolution: scalars are interpreted in `_convert` instead."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return UNRESOLVED

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            """No path resolvers are registered: nothing to follow on the way down or up."""

        def ascend_resolver(self) -> None:
            """See descend_resolver."""


def compose(text: str) -> Any:
    """The node tree of one YAML document, from the fastest composer available."""
    if COMPOSER == "libyaml":
        loader = _Composer(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    return _ruamel().compose(text)


class YamlError(IsodocsError):
    """The text is not acceptable YAML; `line` is 1-based, counted as `parse` was told (`first_line`)."""

    def __init__(self, message: str, line: int, path: Path | str | None = None) -> None:
        super().__init__(message, path, line)
        self.line: int = line


class YMap(dict[str, Any]):
    """A mapping that knows the line of each of its keys (1-based, within the parsed text)."""

    line: int
    lines: dict[str, int]


class YList(list[Any]):
    """A sequence that knows the line of each of its items."""

    line: int
    lines: list[int]


def parse(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document into YMap/YList/str/bool/None. Raises YamlError.

    `first_line` is the number, in its file, of the text's first line: every line reported (in
    values and in errors) is a line of the file."""
    try:
        node = compose(text)
    except MARKED_ERRORS as caught:
        error: Any = caught  # PyYAML's or ruamel.yaml's MarkedYAMLError: the same attributes, no common base
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark is not None else first_line
        problem = error.problem or error.context
        raise YamlError(_describe(problem, text, line - first_line + 1), line) from None
    except ERRORS as error:
        raise YamlError(say("yaml.problem", problem=str(error).splitlines()[0]), first_line) from None
    if node is None:
        return None
    return _Converter(first_line, text).convert(node, 0, node.start_mark.line + first_line)


def _describe(problem: str | None, text: str, line: int) -> Message:
    """The parser's own words (quoted where a language other than English says them), and a tab pointed out."""
    if problem is None:
        return say("yaml.invalid")
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1] and "tab" not in problem:
        return say("yaml.problem-tab", problem=problem)
    return say("yaml.problem", problem=problem)


class _Converter:
    """Nodes to values, refusing aliases, duplicate keys and deep nesting, with the file's lines."""

    def __init__(self, first_line: int, text: str = "") -> None:
        self.first_line = first_line
        self.text = text
        self.seen: set[int] = set()

    def line(self, node: Any) -> int:
        line: int = node.start_mark.line + self.first_line
        return line

    def convert(self, node: Any, depth: int, where: int) -> Any:
        if depth > MAX_DEPTH:
            raise YamlError(say("yaml.nesting", depth=MAX_DEPTH), self.line(node))
        if id(node) in self.seen:
            # the composer hands back the anchored node itself; report where it is used again
            raise YamlError(say("yaml.alias"), where)
        self.seen.add(id(node))
        if isinstance(node, SCALARS):
            value = node.value
            if not node.style and (value in _NULLS or value in _BOOLS):
                tag = node.tag  # an explicit tag (`!!str true`) keeps the text
                if value in _NULLS and (tag == UNRESOLVED or tag.endswith(":null")):
                    return None
                if value in _BOOLS and (tag == UNRESOLVED or tag.endswith(":bool")):
                    return _BOOLS[value]
            return value
        first_line = self.first_line
        if isinstance(node, SEQUENCES):
            items = YList()
            items.line = start = node.start_mark.line + first_line
            items.lines = lines = []
            for item in node.value:
                items.append(self.convert(item, depth + 1, start))
                lines.append(item.start_mark.line + first_line)
            return items
        if isinstance(node, MAPPINGS):
            mapping = YMap()
            mapping.line = node.start_mark.line + first_line
            key_lines: dict[str, int] = {}
            mapping.lines = key_lines
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + first_line
                key = self.convert(key_node, depth + 1, line)
                if not isinstance(key, str):
                    raise YamlError(say("yaml.key-plain"), line)
                if key in mapping:
                    raise YamlError(say("yaml.duplicate", key=key, first=key_lines[key]), line)
                if node.flow_style and self._without_colon(key_node, value_node):
                    raise YamlError(_split_by_comma(key, mapping), line)
                key = intern(key)  # the same few keys in every document: keep one copy of each
                mapping[key] = self.convert(value_node, depth + 1, line)
                key_lines[key] = line
            return mapping
        raise YamlError(say("yaml.unsupported", kind=type(node).__name__), self.line(node))

    def _without_colon(self, key_node: Any, value_node: Any) -> bool:
        """A key in `{...}` written without `: value`: what a comma inside a plain value leaves behind."""
        if not isinstance(key_node, SCALARS) or key_node.style or not isinstance(value_node, SCALARS):
            return False
        if value_node.value != "" or value_node.style:
            return False
        rest = self.text[key_node.end_mark.index:].lstrip(" \t\r\n")
        return not rest.startswith(":")


def _split_by_comma(key: str, mapping: YMap) -> Message:
    previous = next(reversed(mapping), None) if mapping else None
    if previous is not None and isinstance(mapping[previous], str):
        example = f'{previous}: "{mapping[previous]}, {key}"'
        return say("yaml.comma-early", previous=previous, key=key, example=example)
    return say("yaml.comma-no-value", key=key)


def line_of(value: Any, path: list[str | int], default: int) -> int:
    """The line of the deepest key or item along `path` inside a parsed value."""
    line = getattr(value, "line", default)
    for step in path:
        if isinstance(value, YMap) and isinstance(step, str) and step in value:
            line = value.lines[step]
            value = value[step]
        elif isinstance(value, YList) and isinstance(step, int) and 0 <= step < len(value):
            line = value.lines[step]
            value = value[step]
        else:
            break
    return line
