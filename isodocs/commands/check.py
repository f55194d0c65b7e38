"""`isodocs check`: run every rule, print the report, exit 0 (clean), 1 (errors) or 2 (unusable)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from isodocs import checks
from isodocs.files.atomic import write_text
from isodocs.git.history import SKIPPED, History
from isodocs.model.repository import Repository
from isodocs.outputs.formats import RENDERERS, text


def check(path: str, fmt: str = "text", output: str | None = None, today: date | None = None,
          strict: bool = False, cache: bool = True, history: bool = True, severity: str | None = None,
          rules: Sequence[str] = ()) -> int:
    checks.validate_filter(rules)
    repository = Repository.load(Path(path), cache=cache, history=history)
    report = checks.run(repository, today or date.today(),
                        None if history else History(available=False, reason=SKIPPED))
    report = checks.filtered(report, severity, rules)
    if fmt == "text":
        rendered = text.render(report, colour=output is None and sys.stdout.isatty())
    else:
        rendered = RENDERERS[fmt](report)
    if output:
        write_text(Path(output), rendered)
        if fmt != "text":
            sys.stdout.write(f"{report.errors} errors, {report.warnings} warnings; {fmt} report in {output}\n")
    else:
        sys.stdout.write(rendered)
    return report.exit_code(strict)
