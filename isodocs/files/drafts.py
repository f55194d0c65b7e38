"""A new draft document: a free id of its type, a file name from its title, its front matter, and the clause
references (CAT:ID) given on the command line, checked against the catalogs in scope."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from isodocs.errors import UsageError
from isodocs.model.repository import Repository
from isodocs.translation import say

PREFIX = {"policy": "POL", "procedure": "PRO", "plan": "PLN", "record": "REC", "register": "REG", "form": "FRM",
          "manual": "MAN", "guideline": "GUI"}
FOLDER = {"policy": "policies", "procedure": "procedures", "plan": "plans", "record": "records",
          "register": "registers", "form": "forms", "manual": "manual", "guideline": "guidelines"}


def free_id(repository: Repository, kind: str, taken: Collection[str] = ()) -> str:
    """The next unused id of the type's prefix; `taken` holds ids given out but not yet on disk."""
    prefix = PREFIX[kind]
    numbers = [int(m.group(1)) for doc_id in (*repository.by_id, *taken)
               if (m := re.fullmatch(rf"{prefix}-(\d+)", doc_id))]
    return f"{prefix}-{max(numbers, default=0) + 1:03d}"


CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))


def slug(title: str) -> str:
    """A file name from a title: Latin letters and digits, Cyrillic transliterated, joined by dashes."""
    latin = "".join(CYRILLIC.get(char, char) for char in title.lower())
    ascii_title = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words)[:60] or "document"


def parse_clauses(repository: Repository, given: list[str]) -> dict[str, list[str]]:
    clauses: dict[str, list[str]] = {}
    for item in given:
        catalog_id, _, clause_id = item.partition(":")
        catalog = repository.catalogs.get(catalog_id)
        if catalog is None:
            raise UsageError(say("cli.clause-out-of-scope", item=item, catalog=catalog_id),
                             hint=say("cli.in-scope", standards=tuple(repository.catalogs)))
        if clause_id not in catalog.entries:
            raise UsageError(say("cli.clause-unknown", item=item, name=catalog.name, clause=clause_id),
                             hint=say("cli.see-standard", catalog=catalog_id))
        clauses.setdefault(catalog_id, []).append(clause_id)
    return clauses


def header(doc_id: str, title: str, kind: str, owner: str | None, clauses: dict[str, list[str]],
           classification: str, more: dict[str, str | None] | None = None) -> list[str]:
    """A draft's front matter lines, without the fences; `more` adds keys (approver, version, dates)."""
    quoted_title = "'" + " ".join(title.split()).replace("'", "''") + "'"
    fields = {"approver": None, "version": '"0.1"', "approved": None, "last_reviewed": None, "created": None,
              **(more or {})}
    lines = [f"id: {doc_id}", f"title: {quoted_title}", f"type: {kind}"]
    lines += [f"owner: {owner}"] if owner else []
    lines += [f"approver: {fields['approver']}"] if fields["approver"] else []
    lines += ["status: draft", f"version: {fields['version']}"]
    lines += [f"{key}: {fields[key]}" for key in ("approved", "last_reviewed", "created") if fields[key]]
    lines += [f"classification: {classification}", "clauses:"]
    lines += [f"  {catalog}: [{', '.join(chr(34) + c + chr(34) for c in ids)}]" for catalog, ids in clauses.items()]
    if not clauses:
        lines[-1] = "clauses: {}"
    return lines
