"""The one exception root: the CLI turns any IsodocsError into a one-line message and exit code 2."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from isodocs.translation import DEFAULT, Message, say


class IsodocsError(Exception):
    """Something makes the call or the repository unusable. Printed as one line, exit 2.

    `message` and `hint` are best given as messages (`say(key, ...)`): the error is then said in the
    repository's language (`language`, or `said_in`) and keeps its key and parameters when pickled, as a
    worker process hands it back."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None,
                 hint: str | None = None, language: str = DEFAULT) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint
        self.language = language  # of the repository, when the message and hint are said in it

    def said(self) -> Message:
        """The whole line (file, line, message, hint) as a message, to be said in any language."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        if self.hint:
            return say("error.line-hint", where=where, message=self.message, hint=self.hint)
        return say("error.line", where=where, message=self.message)

    def said_in(self, language: str) -> str:
        return self.said().said_in(language)

    def unless_known(self, language: str) -> IsodocsError:
        """This error, to be said in `language` unless it already knows its repository's."""
        if self.language == DEFAULT:
            self.language = language
        return self

    def __str__(self) -> str:
        return self.said_in(self.language)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), dict(self.__dict__)))


def _restore(kind: type[IsodocsError], state: dict[str, Any]) -> IsodocsError:
    """An error rebuilt from its fields, whatever its subclass's constructor takes."""
    error = kind.__new__(kind)
    Exception.__init__(error, state.get("message"))
    error.__dict__.update(state)
    return error


@contextmanager
def spoken_in(language: str) -> Iterator[None]:
    """Errors raised inside, from code that does not know the repository's language, are said in it."""
    try:
        yield
    except IsodocsError as error:
        error.unless_known(language)
        raise


class ConfigError(IsodocsError):
    """isodocs.yml is missing or does not fit its schema."""


class CatalogError(IsodocsError):
    """A standards catalog is unknown or broken."""


class UsageError(IsodocsError):
    """The command line itself is wrong."""


class DateError(IsodocsError, ValueError):
    """A date or a review interval that cannot be read; a ValueError too, for the parsers that try one."""


class OutputError(IsodocsError, OSError):
    """A file cannot be written (an OSError too, so that a cache that cannot be written is still only skipped)."""
