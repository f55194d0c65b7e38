"""`isodocs rules`: every rule with its default severity, meaning and fix."""

from __future__ import annotations

import json
import sys

from isodocs.model.rules import RULES


def rules(fmt: str = "text") -> int:
    if fmt == "json":
        json.dump([{"id": r.id, "severity": r.severity, "gap": r.gap, "summary": r.summary, "fix": r.fix}
                   for r in RULES.values()], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for rule in RULES.values():
        stage = " (a warning in the preparation stage)" if rule.gap else ""
        sys.stdout.write(f"{rule.id}  [{rule.severity}{stage}]\n    {rule.summary}\n    Fix: {rule.fix}\n\n")
    return 0
