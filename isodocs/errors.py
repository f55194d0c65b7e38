"""The one exception root: the CLI turns any IsodocsError into a one-line message and exit code 2."""

from __future__ import annotations

from pathlib import Path

from isodocs.translation import t


class IsodocsError(Exception):
    """Something makes the call or the repository unusable. Printed as one line, exit 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None,
                 hint: str | None = None, language: str = "en") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint
        self.language = language  # of the repository, when the message and hint are said in it

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({t('cli.hint', self.language)}: {self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


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
