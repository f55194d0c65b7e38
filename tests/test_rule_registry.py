"""The rule registry: every rule declared once, said in every language, documented, and triggered by a test."""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from pathlib import Path

from conftest import TODAY, run
from defects import DEFECTS, build

from isodocs import checks
from isodocs.model.repository import Repository
from isodocs.model.rules import RULES
from isodocs.translation import LANGUAGES, Message

TESTS = Path(__file__).parent
PACKAGE = TESTS.parent / "isodocs"


def _asserted_strings() -> dict[str, set[str]]:
    """Every word of every string constant inside an `assert` (or a parametrize list), per test file."""
    found: dict[str, set[str]] = {}
    for path in TESTS.rglob("*.py"):
        if path.name == Path(__file__).name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assert):
                for constant in ast.walk(node):
                    if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
                        for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", constant.value):
                            found.setdefault(word, set()).add(path.name)
    return found


def test_every_rule_says_only_messages_every_language_has():
    for rule in RULES.values():
        assert rule.messages, f"{rule.id} declares no messages"
        for key in rule.messages:
            for language, table in LANGUAGES.items():
                assert key in table, f"{rule.id}: message '{key}' missing in {language}"


def test_every_rule_is_documented_by_isodocs_rules():
    listed = {r["id"]: r for r in json.loads(run("rules", "--format", "json").out)}
    assert list(listed) == list(RULES)
    text = run("rules").out
    for rule in RULES.values():
        assert listed[rule.id]["summary"] == rule.meaning() and rule.meaning().endswith(".")
        assert listed[rule.id]["fix"] == rule.fix() and rule.fix()
        assert f"{rule.id}  [{rule.severity}" in text
        for language in LANGUAGES:
            assert rule.meaning(language).endswith(".") and rule.fix(language).endswith("."), (rule.id, language)


def test_isodocs_rules_speaks_the_repository_s_language(tmp_path: Path):
    (tmp_path / "isodocs.yml").write_text("organization: Ромашка\nlanguage: ru\nstandards: [iso27001-2022]\n",
                                          encoding="utf-8")
    text = run("rules", "--path", str(tmp_path)).out
    for rule in RULES.values():
        assert f"    {rule.meaning('ru')}\n    Как исправить: {rule.fix('ru')}" in text
    assert "ошибка (на этапе подготовки — предупреждение)" in text and "Fix:" not in text


def test_every_rule_is_triggered_by_a_test():
    """A check rule by its defect (tests/checks/test_rules.py asserts each yields exactly its rule); the rules
    of `diff` and `migrate` by an assertion that names them in those commands' tests."""
    defects = {d.rule for d in DEFECTS}
    asserted = _asserted_strings()
    for rule in RULES.values():
        if rule.command == "check":
            assert rule.id in defects, f"{rule.id} has no defect in tests/defects.py"
        else:
            assert f"test_{rule.command}.py" in asserted.get(rule.id, set()), \
                f"no assertion in tests/commands/test_{rule.command}.py names {rule.id}"


def test_each_finding_says_a_message_of_its_own_rule(tmp_path: Path):
    root, _ = build(tmp_path, [d for d in DEFECTS if not d.alone])
    report = checks.run(Repository.load(root), date.fromisoformat(TODAY))
    assert report.findings
    for finding in report.findings:
        if isinstance(finding.message, Message):
            assert finding.message.key in RULES[finding.rule].messages, (finding.rule, finding.message.key)


def test_no_module_names_a_rule_by_a_bare_id():
    """Checks report through the rule objects: `RULE.finding(...)`, `finding.rule == RULE.id`."""
    bare = re.compile(r"""(Finding\(\s*|\.rule\s*(==|!=|in)\s*\(?)["'][a-z]""")
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not bare.search(text), f"{path.relative_to(PACKAGE)} names a rule by a bare id"

