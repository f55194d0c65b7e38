"""`isodocs rules`: every rule with its default severity, meaning and fix, in the repository's language."""

from __future__ import annotations

import json
import sys

from isodocs.model.config import language_at
from isodocs.model.rules import RULES
from isodocs.translation import Translator


def rules(fmt: str = "text", path: str | None = None) -> int:
    if fmt == "json":
        json.dump([{"id": r.id, "severity": r.severity, "gap": r.gap, "summary": r.meaning(), "fix": r.fix()}
                   for r in RULES.values()], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    say = Translator(language_at(path), "cli.rules-")
    for rule in RULES.values():
        stage = say("stage") if rule.gap else ""
        sys.stdout.write(f"{rule.id}  [{say['severity-' + rule.severity]}{stage}]\n    {rule.meaning(say.language)}\n"
                         f"    {say('fix', fix=rule.fix(say.language))}\n\n")
    return 0
