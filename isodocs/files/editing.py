"""Editing front matter without disturbing anything the user wrote.

The header is read with ruamel.yaml's round-trip loader, which knows where every key and value
stands; only the lines of the fields being changed are rewritten (or new lines inserted), so
comments, key order, quoting, line ends, a byte-order mark and the body stay byte for byte. The
result is parsed again before it is written, atomically, under a lock on the folder.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from isodocs.errors import IsodocsError
from isodocs.files.atomic import write_bytes
from isodocs.files.fences import SplitError, decode, split
from isodocs.files.yamlload import YamlError, YMap, parse
from isodocs.translation import say

_round_trip = YAML(typ="rt")


@dataclass(frozen=True)
class Change:
    key: str
    value: str                   # the new value, e.g. 2026-11-21 or 1.1
    after: tuple[str, ...] = ()  # where to insert the key when it is missing: after the first of these present
    quote: bool = False          # double-quote a new value (an existing one keeps its own quoting)


class EditError(IsodocsError):
    """A file that cannot be edited safely; nothing was written."""


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One editor at a time in a folder: a second one waits until the first has written."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)


def quoted_like(old_token: str | None, value: str) -> str:
    """`value` written with the quotes the old value had ("1.0" stays double-quoted)."""
    if old_token and old_token[0] in "'\"":
        return f"{old_token[0]}{value}{old_token[0]}"
    return value


def parse_header(raw: bytes, path: Path) -> tuple[CommentedMap, YMap]:
    try:
        text = decode(raw)
        parts = split(text)
    except SplitError as error:
        raise EditError(error.message, path, error.line) from None
    if parts.header is None:
        raise EditError(say("edit.no-front-matter"), path, 1, hint=say("edit.no-front-matter-hint"))
    try:
        plain = parse(parts.header, first_line=2)
        data = _round_trip.load(parts.header)
    except YamlError as error:
        raise EditError(say("edit.unparsed", problem=error.message), path, error.line,
                        hint=say("edit.unparsed-hint")) from None
    except YAMLError as error:
        raise EditError(say("edit.unparsed", problem=str(error)), path, 2, hint=say("edit.unparsed-hint")) from None
    if not isinstance(data, CommentedMap) or not isinstance(plain, YMap):
        raise EditError(say("edit.not-a-mapping"), path, 2, hint=say("edit.unparsed-hint"))
    return data, plain


def edit(path: Path, changes: list[Change] | Callable[[YMap], list[Change]]) -> bytes:
    """Apply the changes to the file's front matter; returns the new bytes (already written).

    `changes` may be a function of the front matter as it is once the lock is held, so that two
    commands editing the same file at once each build on the other's result.
    """
    with locked(path.parent):
        raw = path.read_bytes()
        data, plain = parse_header(raw, path)
        new = apply(raw, data, changes(plain) if callable(changes) else changes, path)
        write_bytes(path, new)
        return new


def apply(raw: bytes, data: CommentedMap, changes: list[Change], path: Path) -> bytes:
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    text = raw[len(bom):].decode("utf-8")
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    lines = text.splitlines(keepends=True)
    offset = 1  # the opening --- line
    inserts: dict[int, list[str]] = {}
    for change in changes:
        if change.key in data:
            line, column = data.lc.value(change.key)
            index = offset + line
            current = lines[index]
            end = _value_end(current, column)
            if end is None or _spans_lines(data, change.key):
                raise EditError(say("edit.several-lines", key=change.key), path, index + 1)
            token = current[column:end]
            lines[index] = current[:column] + quoted_like(token, change.value) + current[end:]
        else:
            anchor = next((k for k in change.after if k in data), None)
            index = offset + (data.lc.key(anchor)[0] if anchor else _last_line(data))
            value = f'"{change.value}"' if change.quote else change.value
            inserts.setdefault(index, []).append(f"{change.key}: {value}{newline}")
    for index in sorted(inserts, reverse=True):
        lines[index + 1:index + 1] = inserts[index]
    result = bom + "".join(lines).encode("utf-8")
    try:
        parse(split(decode(result)).header or "")
    except (YamlError, SplitError) as error:
        raise EditError(say("edit.would-break", problem=error.message), path) from None
    return result


def append_item(path: Path, key: str, item: list[tuple[str, str]]) -> tuple[bytes, int]:
    """Append a mapping (`item`: keys and YAML values, in order) to the block sequence under `key` in the front
    matter, or start the sequence at the end of the header; returns the new bytes (already written) and the file
    line of the new item. Every other line stays as it was."""
    with locked(path.parent):
        raw = path.read_bytes()
        data, plain = parse_header(raw, path)
        bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
        text = raw[len(bom):].decode("utf-8")
        newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
        lines = text.splitlines(keepends=True)
        offset = 1  # the opening --- line
        existing = data.get(key)
        if key in data and existing is not None:
            if not isinstance(existing, CommentedSeq) or not existing or existing.fa.flow_style():
                raise EditError(say("edit.not-a-block-list", key=key), path, offset + data.lc.key(key)[0] + 1,
                                hint=say("edit.nothing-changed"))
            first_line, column = existing.lc.item(0)
            indent = " " * max(lines[offset + first_line].rfind("-", 0, column), 0)
            after = offset + max(_deepest_line(existing), first_line)
            while after + 1 < len(lines) and _inside(lines, after + 1, indent + " "):
                after += 1   # the rest of the last item: a value on several lines, its comments
            block = []
        else:
            if key in data:   # `key:` with nothing after it
                raise EditError(say("edit.empty-key", key=key), path, offset + data.lc.key(key)[0] + 1,
                                hint=say("edit.nothing-changed"))
            indent = "  "
            after = offset + _last_line(data)
            block = [f"{key}:{newline}"]
        for position, (name, value) in enumerate(item):
            block.append(f"{indent}{'- ' if position == 0 else '  '}{name}: {value}{newline}")
        lines[after + 1:after + 1] = block
        new = bom + "".join(lines).encode("utf-8")
        try:
            reread = parse(split(decode(new)).header or "")
        except (YamlError, SplitError) as error:
            raise EditError(say("edit.would-break", problem=error.message), path) from None
        before = plain.get(key) or []
        if not isinstance(reread, YMap) or len(reread.get(key) or []) != len(before) + 1:
            raise EditError(say("edit.item-misplaced", key=key), path,
                            offset + data.lc.key(key)[0] + 1 if key in data else None)
        write_bytes(path, new)
        return new, after + 2 + (len(block) - len(item))


def _inside(lines: list[str], index: int, deeper: str) -> bool:
    """Whether the line (or, for a blank line, the next one that is not blank) is indented at least `deeper`."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index < len(lines) and lines[index].startswith(deeper)


def _value_end(line: str, column: int) -> int | None:
    body = line.rstrip("\r\n")
    if column >= len(body):
        return column
    quote = body[column]
    if quote in "'\"":
        position = column + 1
        while position < len(body):
            if body[position] == quote:
                if quote == "'" and body[position + 1:position + 2] == "'":
                    position += 2
                    continue
                return position + 1
            position += 2 if quote == '"' and body[position] == "\\" else 1
        return None
    comment = body.find(" #", column)
    return len(body[:comment].rstrip()) if comment != -1 else len(body.rstrip())


def _spans_lines(data: CommentedMap, key: str) -> bool:
    value = data[key]
    return isinstance(value, (dict, list)) or "\n" in str(value)


def _last_line(data: CommentedMap) -> int:
    """The line of the header's last top-level key's value (insertions go below its block)."""
    last = list(data)[-1]
    line: int = data.lc.value(last)[0]
    value = data[last]
    if isinstance(value, (dict, list)) and len(value):
        line = max(line, _deepest_line(value))
    return line


def _deepest_line(value: object) -> int:
    lines: list[int] = []
    if isinstance(value, CommentedMap):  # round-trip YAML: every mapping and sequence knows its lines
        for key in value:
            lines.append(value.lc.value(key)[0])
            lines.append(_deepest_line(value[key]))
    elif isinstance(value, CommentedSeq):
        for index, item in enumerate(value):
            lines.append(value.lc.item(index)[0])
            lines.append(_deepest_line(item))
    return max(lines, default=0)


class TokenEditor:
    """Rewrites single scalars (keys, values, sequence items) of a YAML text where ruamel.yaml found them.

    Every other byte stays as written: comments, key order, quoting (a new value takes the quotes of the
    one it replaces), line ends. `offset` is the line of the text where the YAML starts (1 for a front
    matter header after its opening ---). Edits are collected first and applied bottom-up.
    """

    def __init__(self, text: str, offset: int = 0) -> None:
        self.lines = text.splitlines(keepends=True)
        self.offset = offset
        # (line, column, new text or None to remove it, whether the text is quoted already, whether in flow style)
        self.tokens: list[tuple[int, int, str | None, bool, bool]] = []
        self.inserts: list[tuple[int, list[str]]] = []         # after line: new lines
        self.deletes: set[int] = set()

    def key(self, mapping: CommentedMap, key: str, new: str) -> None:
        line, column = mapping.lc.key(key)
        self.tokens.append((self.offset + line, column, new, False, mapping.fa.flow_style()))

    def value(self, mapping: CommentedMap, key: str, new: str) -> None:
        line, column = mapping.lc.value(key)
        self.tokens.append((self.offset + line, column, new, False, mapping.fa.flow_style()))

    def items(self, sequence: CommentedSeq, replacements: list[list[str]]) -> None:
        """Item i of `sequence` becomes the items replacements[i] (none: removed; several: added after it)."""
        flow = sequence.fa.flow_style()
        for index, new in enumerate(replacements):
            line, column = sequence.lc.item(index)
            line += self.offset
            if len(new) == 1 and new[0] == sequence[index]:
                continue
            if not new:
                if flow:
                    self.tokens.append((line, column, None, False, True))
                else:
                    self.deletes.add(line)
                continue
            current = self.lines[line]
            token = current[column:_scalar_end(current, column, flow)]
            if flow:
                self.tokens.append((line, column, ", ".join(quoted_like(token, item) for item in new), True, True))
            else:
                ending = current[len(current.rstrip("\r\n")):]
                self.tokens.append((line, column, new[0], False, False))
                self.inserts.append((line, [current[:column] + quoted_like(token, item) + ending for item in new[1:]]))

    def result(self, path: Path) -> str:
        lines = list(self.lines)
        for line, column, new, quoted, flow in sorted(self.tokens, key=lambda t: (t[0], t[1]), reverse=True):
            current = lines[line]
            end = _scalar_end(current, column, flow)
            if end is None:
                raise EditError(say("edit.value-several-lines"), path, line + 1)
            if new is None:
                lines[line] = _remove_flow_item(current, column, end)
            else:
                token = new if quoted else quoted_like(current[column:end], new)
                lines[line] = current[:column] + token + current[end:]
        for line, new_lines in sorted(self.inserts, reverse=True):
            lines[line + 1:line + 1] = new_lines
        removed = {line + sum(len(n) for at, n in self.inserts if at < line) for line in self.deletes}
        return "".join(line for index, line in enumerate(lines) if index not in removed)


def _scalar_end(line: str, column: int, flow: bool) -> int | None:
    """Where the scalar starting at `column` ends: its closing quote, or the plain scalar's last character."""
    body = line.rstrip("\r\n")
    if column < len(body) and body[column] in "'\"":
        return _value_end(body, column)
    position = column
    while position < len(body):
        char = body[position]
        if flow and char in ",]}":
            break
        if char == ":" and (position + 1 == len(body) or body[position + 1] in " \t"):
            break
        if char == "#" and position > column and body[position - 1] in " \t":
            break
        position += 1
    return len(body[:position].rstrip())


def _remove_flow_item(line: str, column: int, end: int) -> str:
    """`line` without the flow item at column..end and one separating comma."""
    before = line[:column].rstrip(" ")
    if before.endswith(","):
        return before[:-1] + line[end:]
    after = line[end:]
    stripped = after.lstrip(" ")
    if stripped.startswith(","):
        return line[:column] + stripped[1:].lstrip(" ")
    return line[:column] + after
