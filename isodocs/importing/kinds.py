"""A document's type guessed from words in its title, else in its folder's name."""

from __future__ import annotations

import re
from pathlib import Path

# Checked in this order: "Access control procedure for the policy register" is a procedure.
WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("procedure", ("procedure", "process", "sop", "процедур", "порядок", "регламент", "методик")),
    ("plan", ("plan", "programme", "program", "план", "программ")),
    ("register", ("register", "registry", "inventory", "log", "реестр", "журнал", "перечень")),
    ("record", ("record", "minutes", "report", "запис", "протокол", "отчет", "отчёт")),
    ("form", ("form", "template", "checklist", "форма", "шаблон", "бланк", "чек-лист")),
    ("manual", ("manual", "handbook", "руководство по", "руководство системы")),
    ("guideline", ("guideline", "guidance", "guide", "instruction", "standard", "инструкц", "рекомендац",
                   "руководств", "стандарт")),
    ("policy", ("policy", "policies", "statement", "политик", "положени")),
)


def guess(title: str, source: Path) -> tuple[str | None, str]:
    """(type, where it came from) or (None, "") when neither the title nor the folders say."""
    for where, text in (("title", title), ("folder", " ".join(source.parent.parts[-2:]))):
        lower = text.lower()
        for kind, stems in WORDS:
            if any(re.search(_pattern(stem), lower) for stem in stems):
                return kind, where
    return None, ""


def _pattern(stem: str) -> str:
    """English words whole (an optional plural s); Russian ones as the start of a word, any ending."""
    if stem.isascii():
        return rf"(?<![a-z]){re.escape(stem)}s?(?![a-z])"
    return rf"(?<![а-я]){re.escape(stem)}"
