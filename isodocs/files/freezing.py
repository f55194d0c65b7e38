"""Data classes to plain values that `marshal` keeps (tuples, lists, dicts, str, int, float, bool, None) and back,
driven by each class's fields and type hints, so that a cache never lists fields by hand.

A data class becomes the tuple of its fields in declaration order; a field whose metadata says
`{"cached": False}` is left out and takes its default when thawed. Dates become ordinals, enums their value,
paths text. A `str` field may hold a `Message` (English text that can be said again in another language): it is
kept as its key and parameters. `layout(type)` describes the shape, so a cache can tell when a class changed.
The converters are generated once per type, as `dataclasses` generates `__init__`, so that tens of thousands of
documents freeze and thaw at the speed of hand-written code.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Union

from isodocs.translation import Message

Converter = Callable[[Any], Any]
PLAIN = (str, int, float, bool, type(None))
NOT_CACHED = {"cached": False}   # `field(metadata=NOT_CACHED)`: recomputed on load, never stored


def freeze(value: Any, kind: Any) -> Any:
    """`value`, of type `kind`, as plain values."""
    convert = freezer(kind)
    return value if convert is None else convert(value)


def thaw(plain: Any, kind: Any) -> Any:
    """The value of type `kind` that `freeze` made `plain`."""
    convert = thawer(kind)
    return plain if convert is None else convert(plain)


def layout(*kinds: Any) -> str:
    """A short digest of the shape of `kinds`: it changes whenever a field is added, removed, renamed, retyped
    or moved in any class they reach."""
    return hashlib.sha256(";".join(describe(kind) for kind in kinds).encode()).hexdigest()[:16]


@cache
def describe(kind: Any) -> str:
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        inner = ",".join(f"{f.name}:{describe(hints[f.name])}" for f in cached_fields(kind))
        return f"{kind.__module__}.{kind.__qualname__}({inner})"
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is not None:
        name = "union" if origin in (Union, types.UnionType) else getattr(origin, "__qualname__", str(origin))
        return f"{name}[{','.join('...' if a is Ellipsis else describe(a) for a in args)}]"
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return f"{kind.__module__}.{kind.__qualname__}{{{','.join(str(m.value) for m in kind)}}}"
    return getattr(kind, "__qualname__", repr(kind))


def cached_fields(cls: type) -> list[dataclasses.Field[Any]]:
    found = []
    for f in dataclasses.fields(cls):
        if not f.init:
            raise TypeError(f"{cls.__qualname__}.{f.name} is not an __init__ field: it cannot be thawed")
        if f.metadata.get("cached", True):
            found.append(f)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise TypeError(f"{cls.__qualname__}.{f.name} is not cached and has no default")
    return found


def _optional(kind: Any) -> Any | None:
    """X for `X | None`, else None."""
    if typing.get_origin(kind) in (Union, types.UnionType):
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(kind)) == 2:
            return args[0]
        raise TypeError(f"cannot freeze {kind}: only `X | None` unions are supported")
    return None


@cache
def freezer(kind: Any) -> Converter | None:
    """A function making a value of `kind` plain; None when the value is plain already."""
    inner = _optional(kind)
    if inner is not None:
        convert = freezer(inner)
        return None if convert is None else _or_none(convert)
    if kind in PLAIN:
        return None
    if kind is date:
        return date.toordinal
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return lambda v: v.value
    if kind is Path:
        return str
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass_freezer(kind)
    return _container(kind, freezer)


@cache
def thawer(kind: Any) -> Converter | None:
    """A function making the value of `kind` from its plain form; None when the plain form is the value."""
    inner = _optional(kind)
    if inner is not None:
        convert = thawer(inner)
        return None if convert is None else _or_none(convert)
    if kind in PLAIN:
        return None
    if kind is date:
        return date.fromordinal
    if isinstance(kind, type) and issubclass(kind, (enum.Enum, Path)):
        return kind
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass_thawer(kind)
    return _container(kind, thawer)


def _container(kind: Any, convert: Callable[[Any], Converter | None]) -> Converter | None:
    """The converter of a tuple, list or dict type from `convert` (freezer or thawer) of what it holds."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = convert(args[0])
        return None if item is None else _each_of_tuple(item)
    if origin is tuple:
        items = [convert(a) for a in args]
        if all(i is None for i in items):
            return None
        steps = [i or _same for i in items]
        return lambda v: tuple(step(x) for step, x in zip(steps, v, strict=True))
    if origin is list:
        item = convert(args[0])
        return None if item is None else _each_of_list(item)
    if origin is dict:
        key, value = convert(args[0]), convert(args[1])
        if key is None and value is None:
            return None
        return _each_of_dict(key or _same, value or _same)
    raise TypeError(f"cannot freeze or thaw {kind!r}")


def _or_none(convert: Converter) -> Converter:
    return lambda v: None if v is None else convert(v)


def _each_of_tuple(item: Converter) -> Converter:
    return lambda v: tuple(map(item, v))


def _each_of_list(item: Converter) -> Converter:
    return lambda v: list(map(item, v))


def _each_of_dict(key: Converter, value: Converter) -> Converter:
    return lambda v: {key(k): value(x) for k, x in v.items()}


def _same(value: Any) -> Any:
    return value


def _text_field(kind: Any) -> bool:
    return kind is str or _optional_text(kind)


def _optional_text(kind: Any) -> bool:
    try:
        return _optional(kind) is str
    except TypeError:
        return False


def _dataclass_freezer(cls: type) -> Converter:
    hints = typing.get_type_hints(cls)
    scope: dict[str, Any] = {"_said": freeze_said}
    parts = []
    for position, f in enumerate(cached_fields(cls)):
        kind, value = hints[f.name], f"o.{f.name}"
        if _text_field(kind):
            parts.append(f"({value} if {value}.__class__ is not _Message else _said({value}))")
            scope["_Message"] = Message
            continue
        convert = freezer(kind)
        if convert is None:
            parts.append(value)
        else:
            scope[f"_f{position}"] = convert
            parts.append(f"_f{position}({value})")
    return _compiled(f"def freeze(o):\n    return ({', '.join(parts)},)\n", scope, "freeze", cls)


def _dataclass_thawer(cls: type) -> Converter:
    hints = typing.get_type_hints(cls)
    scope: dict[str, Any] = {"_cls": cls, "_unsaid": thaw_said}
    arguments = []
    stored = 0
    for position, f in enumerate(dataclasses.fields(cls)):
        if not f.metadata.get("cached", True):
            if f.default_factory is not dataclasses.MISSING:
                scope[f"_d{position}"] = f.default_factory
                arguments.append(f"_d{position}()")
            else:
                scope[f"_d{position}"] = f.default
                arguments.append(f"_d{position}")
            continue
        kind, value = hints[f.name], f"v[{stored}]"
        stored += 1
        if _text_field(kind):
            arguments.append(f"({value} if {value}.__class__ is not tuple else _unsaid({value}))")
            continue
        convert = thawer(kind)
        if convert is None:
            arguments.append(value)
        else:
            scope[f"_t{position}"] = convert
            arguments.append(f"_t{position}({value})")
    return _compiled(f"def thaw(v):\n    return _cls({', '.join(arguments)})\n", scope, "thaw", cls)


def _compiled(source: str, scope: dict[str, Any], name: str, cls: type) -> Converter:
    code = compile(source, f"<isodocs.files.freezing {name} {cls.__qualname__}>", "exec")
    exec(code, scope)
    function: Converter = scope[name]
    return function


def freeze_said(message: Message) -> Any:
    """A message as its key and plain parameters, so it can be said in another language later; text otherwise.
    A parameter that lists messages (a tuple) is kept as a list, since a tuple is a message."""
    if all(_plain(v) for v in message.params.values()):
        return (message.key, {k: _frozen_param(v) for k, v in message.params.items()})
    return str(message)


def _plain(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(isinstance(v, Message) for v in value)
    return isinstance(value, (str, int, Message))


def _frozen_param(value: Any) -> Any:
    if isinstance(value, tuple):
        return [freeze_said(v) for v in value]
    return freeze_said(value) if isinstance(value, Message) else value


def _thawed_param(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(thaw_said(v) for v in value)
    return thaw_said(value) if isinstance(value, tuple) else value


def thaw_said(value: Any) -> Message:
    key, params = value
    return Message(key, **{k: _thawed_param(v) for k, v in params.items()})
