"""The project's own documentation builds with --strict, its reference generated from the code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from isodocs.checks.rules import RULES

ROOT = Path(__file__).resolve().parents[2]


ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "ISODOCS_CACHE_DIR": os.environ["ISODOCS_CACHE_DIR"]}
def test_project_documentation_builds_strict(tmp_path: Path):
    site = tmp_path / "site"
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    rules = (site / "reference" / "rules" / "index.html").read_text(encoding="utf-8")
    assert all(f"<code>{rule_id}</code>" in rules for rule_id in RULES)
    front_matter = (site / "reference" / "front-matter" / "index.html").read_text(encoding="utf-8")
    assert "<code>review_interval</code>" in front_matter and "<code>applicability</code>" in front_matter
    assert "isodocs new" in (site / "reference" / "cli" / "index.html").read_text(encoding="utf-8")
    assert not list(site.rglob("*.py")) and not list(site.rglob("*.in")) and not list(site.rglob("*.pyc"))
    import yaml
    hardening = (site / "hardening" / "index.html").read_text(encoding="utf-8")
    cases = yaml.safe_load((ROOT / "tests/fixtures/bad-inputs/cases.yml").read_text(encoding="utf-8"))
    assert all(case["case"] in hardening for case in cases)
