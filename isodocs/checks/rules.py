"""The severity each rule has in a repository, and the rule ids isodocs.yml may name (the rules: isodocs/rules.py)."""

from __future__ import annotations

import difflib

from isodocs.errors import ConfigError
from isodocs.model.config import Config
from isodocs.model.rules import ERROR, OFF, RULES, WARNING, Rule
from isodocs.translation import say


def severity(rule_id: str, config: Config) -> str:
    """The severity in force: isodocs.yml `rules:` first, then the stage, then the default."""
    configured = config.rules.get(rule_id)
    if configured is not None:
        return configured
    rule = RULES[rule_id]
    if rule.gap and config.stage == "preparation":
        return WARNING
    return rule.severity


def validate(config: Config) -> None:
    for rule_id in config.rules:
        if rule_id not in RULES:
            guess = difflib.get_close_matches(rule_id, list(RULES), n=1)
            hint = say("did-you-mean", guess=guess[0]) if guess else say("cli.see-rules")
            raise ConfigError(say("config.unknown-rule", rule=rule_id), config.path, config.line("rules", rule_id),
                              hint=hint)


__all__ = ["ERROR", "OFF", "RULES", "WARNING", "Rule", "severity", "validate"]
