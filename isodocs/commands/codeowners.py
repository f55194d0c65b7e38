"""`isodocs codeowners [--check]`: CODEOWNERS from the documents' owners and approvers.

isodocs keeps its lines between two marker comments, written in the repository's language; whatever the user
wrote outside them stays. A block is found by its markers in any language and keeps the ones it has, so a
CODEOWNERS file stays current when a repository changes its language or isodocs words its markers anew.
"""

from __future__ import annotations

import sys
from pathlib import Path

from isodocs.files.atomic import write_text
from isodocs.model.repository import Repository
from isodocs.translation import LANGUAGES, Translator, t

LOCATIONS = ("CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS")


def location(root: Path) -> Path:
    return next((root / name for name in LOCATIONS if (root / name).is_file()), root / "CODEOWNERS")


def generated(repository: Repository) -> list[str]:
    roles = repository.config.roles
    lines = []
    config_owners = sorted({role.handle for role in roles.values() if role.handle})
    if config_owners:
        lines.append(f"/{repository.config.path.name} {' '.join(config_owners)}")
    for document in sorted(repository.documents, key=lambda d: d.path):
        handles = []
        for role_id in (document.owner, document.approver):
            role = roles.get(role_id or "")
            if role is not None and role.handle and role.handle not in handles:
                handles.append(role.handle)
        if handles:
            lines.append(f"/{_escape(document.path)} {' '.join(handles)}")
    return lines


def _escape(path: str) -> str:
    return path.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#")


def markers(language: str) -> tuple[str, str]:
    """The comment lines that open and close isodocs' block, in the language."""
    return t("codeowners.begin", language), t("codeowners.end", language)


def render(existing: str, lines: list[str], language: str = "en") -> str:
    for begin, end in [markers(language), *(markers(other) for other in LANGUAGES if other != language)]:
        before, found, rest = existing.partition(begin)
        if found and end in rest:
            _, _, after = rest.partition(end)
            return before + "\n".join([begin, *lines, end]) + "\n" + after.lstrip("\n")
    begin, end = markers(language)
    separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    return existing + separator + "\n".join([begin, *lines, end]) + "\n"


def codeowners(check: bool = False, path: str = ".") -> int:
    repository = Repository.load(Path(path))
    target = location(repository.root)
    existing = target.read_text(encoding="utf-8") if target.is_file() else ""
    wanted = render(existing, generated(repository), repository.config.language)
    relative = target.relative_to(repository.root)
    say = Translator(repository.config.language, "cli.")
    if check:
        if wanted != existing:
            sys.stdout.write(say("codeowners-stale", path=relative) + "\n")
            return 1
        sys.stdout.write(say("codeowners-current", path=relative) + "\n")
        return 0
    if wanted != existing:
        write_text(target, wanted)
        sys.stdout.write(say("codeowners-written", path=relative) + "\n")
    else:
        sys.stdout.write(say("codeowners-unchanged", path=relative) + "\n")
    return 0
