"""`isodocs.yml`: the repository's configuration, read strictly into typed objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from isodocs.errors import ConfigError, IsodocsError, UsageError
from isodocs.files.schema import problems
from isodocs.files.yamlload import YamlError, YMap, line_of, parse
from isodocs.model.dates import Interval, parse_date
from isodocs.translation import Translator, language_of, say

CONFIG_FILE = "isodocs.yml"
LANGUAGE_LINE = re.compile(r"^language:\s*\[?\s*['\"]?([a-z]{2})\b", re.M)
CLASSIFICATIONS = ("public", "internal", "confidential", "restricted")
STAGES = ("preparation", "certified")
VERIFY = ("off", "author", "signature")


@dataclass(frozen=True)
class Member:
    name: str
    email: str | None = None
    signing_key: str | None = None


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    email: str | None = None
    handle: str | None = None
    members: tuple[Member, ...] = ()

    @property
    def people(self) -> tuple[Member, ...]:
        """Who holds the role: its members, and the role's own e-mail address as one more."""
        listed = {m.email.lower() for m in self.members if m.email}
        extra = (Member(self.name, self.email),) if self.email and self.email.lower() not in listed else ()
        return (*self.members, *extra)


@dataclass
class Certification:
    body: str | None = None
    certificate: str | None = None
    issued: date | None = None
    expires: date | None = None
    surveillance: list[date] = field(default_factory=list)
    recertification: date | None = None
    initial: date | None = None   # the initial certification audit (stage 2)


@dataclass
class Config:
    path: Path
    organization: str
    standards: list[str]
    language: str = "en"
    docs_dir: str = "docs"
    catalogs_dir: str = "catalogs"
    stage: str = "preparation"
    roles: dict[str, Role] = field(default_factory=dict)
    review_interval: Interval = Interval(12, "month")
    due_soon: Interval = Interval(30, "day")
    management_review: Interval = Interval(12, "month")
    audit_cycle: Interval = Interval(3, "year")
    risk_acceptance: int | None = None   # defaults.risk_acceptance: the highest level accepted untreated
    default_classification: str = "internal"
    certification: Certification = field(default_factory=Certification)
    rules: dict[str, str] = field(default_factory=dict)
    required: dict[str, list[str]] = field(default_factory=dict)
    exclusions: dict[str, dict[str, str]] = field(default_factory=dict)
    max_classification: str | None = None
    publish_drafts: bool = True            # publish.drafts: false leaves drafts and documents in review out
    placeholders: list[str] = field(default_factory=list)
    verify: str = "off"                  # approvals.verify: off | author | signature
    allow_self_approval: bool = False    # approvals.allow_self_approval
    lines: YMap | None = None

    def line(self, *path: str | int) -> int:
        return line_of(self.lines, list(path), 1) if self.lines is not None else 1

    def known_role(self, role_id: str) -> str:
        """A role named on the command line, refused unless isodocs.yml lists it."""
        if role_id not in self.roles:
            say = Translator(self.language, "cli.")
            raise UsageError(say("unknown-role", role=role_id),
                             hint=say("roles", roles=", ".join(sorted(self.roles)) or say("no-roles")),
                             language=say.language)
        return role_id

    def role_label(self, role_id: str | None) -> str | None:
        """Who holds a role, as every page, table and message shows it: "Name (role id)", the id alone when
        isodocs.yml lists no such role, None for no role."""
        if role_id is None:
            return None
        role = self.roles.get(role_id)
        return f"{role.name} ({role_id})" if role else role_id


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds isodocs.yml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ConfigError(say("config.no-root", file=CONFIG_FILE, start=start), hint=say("config.no-root-hint"))


def language_at(path: str | Path | None) -> str:
    """The language of the repository at or above `path`, for commands that also run outside one: English
    when there is no repository (see repository_language)."""
    return repository_language(path) or "en"


def repository_language(path: str | Path | None) -> str | None:
    """The language of the repository at or above `path`, or None when there is none. An isodocs.yml that does
    not load (which the commands that load it report) is asked only for its `language:` line, so that the
    report is said in it; None when it has none."""
    try:
        root = find_root(Path(path or "."))
    except (ConfigError, OSError, ValueError):
        return None
    try:
        return load(root).language
    except IsodocsError:
        try:
            match = LANGUAGE_LINE.search((root / CONFIG_FILE).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            return None
        return language_of(match.group(1)) if match else None


def load(root: Path) -> Config:
    path = root / CONFIG_FILE
    if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
        raise ConfigError(say("config.link-outside"), path, hint=say("config.link-outside-hint"))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(say("config.no-file-here", file=CONFIG_FILE), root, hint=say("config.no-root-hint")) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(say("config.unreadable", error=str(error)), path) from None
    try:
        data = parse(text)
    except YamlError as error:
        raise ConfigError(error.message, path, error.line) from None
    if not isinstance(data, YMap):
        raise ConfigError(say("config.not-a-mapping"), path, 1)
    for problem in problems("config", data):
        raise ConfigError(problem.message, path, problem.line)
    return _build(path, data)


def _build(path: Path, data: YMap) -> Config:
    def day(value: str, *where: str | int) -> date:
        try:
            return parse_date(value)
        except ValueError as error:
            raise ConfigError(error.message if isinstance(error, IsodocsError) else str(error), path,
                              line_of(data, list(where), 1)) from None

    def when(value: str | None, *where: str | int) -> date | None:
        return None if value is None else day(value, *where)

    defaults = data.get("defaults") or {}
    cert = data.get("certification") or {}
    roles = {rid: Role(rid, r["name"], r.get("email"), r.get("handle"),
                       tuple(Member(m["name"], m.get("email"), m.get("signing_key")) for m in r.get("members") or []))
             for rid, r in (data.get("roles") or {}).items()}
    approvals = data.get("approvals") or {}
    certification = Certification(
        body=cert.get("body"), certificate=cert.get("certificate"),
        issued=when(cert.get("issued"), "certification", "issued"),
        expires=when(cert.get("expires"), "certification", "expires"),
        surveillance=[day(value, "certification", "surveillance", i)  # the schema allows no empty item
                      for i, value in enumerate(cert.get("surveillance") or [])],
        recertification=when(cert.get("recertification"), "certification", "recertification"),
        initial=when(cert.get("initial"), "certification", "initial"),
    )
    config = Config(
        path=path,
        organization=data["organization"],
        standards=list(data["standards"]),
        language=data.get("language") or "en",
        docs_dir=data.get("docs_dir") or "docs",
        catalogs_dir=data.get("catalogs_dir") or "catalogs",
        stage=data.get("stage") or "preparation",
        roles=roles,
        certification=certification,
        rules=dict(data.get("rules") or {}),
        required={k: list(v) for k, v in (data.get("required") or {}).items()},
        exclusions={k: dict(v) for k, v in (data.get("exclusions") or {}).items()},
        max_classification=(data.get("publish") or {}).get("max_classification"),
        publish_drafts=bool((data.get("publish") or {}).get("drafts", True)),
        placeholders=list(data.get("placeholders") or []),
        verify=approvals.get("verify") or "off",
        allow_self_approval=bool(approvals.get("allow_self_approval", False)),
        lines=data,
    )
    for key in ("review_interval", "due_soon", "management_review", "audit_cycle"):
        if key in defaults:
            setattr(config, key, Interval.parse(defaults[key]))
    if defaults.get("risk_acceptance") is not None:
        config.risk_acceptance = int(defaults["risk_acceptance"])
    if "classification" in defaults:
        config.default_classification = defaults["classification"]
    return config
