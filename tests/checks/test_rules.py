"""Each defect, written into the clean fixture repository, yields exactly its rule at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import TODAY, run
from defects import DEFECTS, Defect, build

from isodocs.checks.rules import RULES


def findings(root: Path) -> tuple[int, dict]:
    result = run("check", str(root), "--format", "json", "--today", TODAY)
    return result.code, json.loads(result.out)


def test_every_rule_of_the_contract_has_a_defect_here():
    assert sorted(d.rule for d in DEFECTS) == sorted(rule for rule in RULES if RULES[rule].command == "check")


def test_the_clean_repository_passes(clean: Path):
    code, report = findings(clean)
    assert (code, report["findings"]) == (0, [])
    assert report["readiness"] == {"iso27001-2022": {"required": 106, "covered": 106, "percent": 100.0}}


@pytest.mark.parametrize("defect", DEFECTS, ids=[d.rule for d in DEFECTS])
def test_each_defect_yields_exactly_its_rule(tmp_path: Path, defect: Defect):
    root, want = build(tmp_path, [defect])
    code, report = findings(root)
    assert {(f["rule"], f["path"], f["line"]) for f in report["findings"]} == want
    severity = RULES[defect.rule].severity
    assert {f["severity"] for f in report["findings"]} == {severity}
    assert code == (1 if severity == "error" else 0)


def test_a_repository_with_every_defect(tmp_path: Path):
    root, want = build(tmp_path, [d for d in DEFECTS if not d.alone])
    code, report = findings(root)
    assert {(f["rule"], f["path"], f["line"]) for f in report["findings"]} == want
    assert code == 1
    warnings = sum(1 for rule, _, _ in want if RULES[rule].severity == "warning")
    assert report["summary"] == {"errors": len(want) - warnings, "warnings": warnings}
    assert report["readiness"]["iso27001-2022"]["covered"] < 106
