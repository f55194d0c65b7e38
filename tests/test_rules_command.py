from __future__ import annotations

import json

from conftest import run

from isodocs.checks.rules import RULES

CONTRACT = ["clause-uncovered", "clause-draft-only", "clause-unknown", "owner-missing", "owner-unknown",
            "review-missing", "review-overdue", "review-due-soon", "approval-missing", "changed-since-approval",
            "id-duplicate", "frontmatter-invalid", "schema-invalid", "link-broken", "soa-missing-decision",
            "soa-unjustified-exclusion", "soa-unimplemented", "placeholder-left", "nonconformity-overdue"]


def test_rules_lists_every_rule_of_the_contract():
    result = run("rules")
    assert result.code == 0
    for rule_id in CONTRACT:
        assert f"{rule_id}  [" in result.out
    assert set(CONTRACT) <= set(RULES)


def test_rules_json():
    rules = json.loads(run("rules", "--format", "json").out)
    assert [r["id"] for r in rules] == list(RULES)
    assert all(r["summary"] and r["fix"] and r["severity"] in ("error", "warning") for r in rules)
