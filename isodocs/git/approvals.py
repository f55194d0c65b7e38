"""Who approved the text in force, and whether git proves it (`approvals.verify` in isodocs.yml).

`author`: the commit that approved a document's current version must be authored by a member of the
document's approver role (an e-mail address listed for the role). `signature`: it must carry a good SSH or
GPG signature by a key listed for that role. Signatures are checked by git itself, in one call for all
approving commits, against an allowed-signers file written from isodocs.yml into a temporary folder.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import tempfile
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from isodocs.git.history import History, Revision
from isodocs.model.config import Config, Role

RECORD = "\x1e"
UNIT = "\x1f"
Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True)
class Proof:
    """What git says of one approving commit."""

    commit: str
    verified: bool
    signer: str = ""      # the fingerprint of the key that signed it, when signed
    by: str = ""          # the member of the approver role it proves, when verified


def proofs(config: Config, history: History, origins: Mapping[Key, tuple[Revision, str | None]]
           ) -> dict[Key, Proof]:
    """For each approving revision (keyed as the caller likes: a document's path, or a path and a commit),
    whether it was authored or signed by the approver role given beside it (a role id); empty when verify is
    off. Signatures of all of them are read in one call to git."""
    if config.verify == "off" or not origins:
        return {}
    signatures = _signatures(config, history, {r.hash for r, _ in origins.values() if not r.uncommitted}) \
        if config.verify == "signature" else {}
    result: dict[Key, Proof] = {}
    for key, (revision, role_id) in origins.items():
        role = config.roles.get(role_id or "")
        if role is None:  # no approver, or one isodocs.yml lacks: approval-missing and owner-unknown say so
            continue
        if revision.uncommitted:
            result[key] = Proof(revision.hash, False)
        elif config.verify == "author":
            member = next((m for m in role.people if m.email and m.email.lower() == revision.email.lower()), None)
            result[key] = Proof(revision.hash, member is not None, by=member.name or revision.author if member else "")
        else:
            status, fingerprint, primary = signatures.get(revision.hash, ("N", "", ""))
            good = status == "G" or (status == "U" and not fingerprint.startswith("SHA256:"))  # GPG: ours to trust
            member = next((m for m in role.people if m.signing_key and fingerprint
                           and _fingerprint(m.signing_key) in (fingerprint, primary)), None)  # a GPG subkey: its key
            verified = good and member is not None
            result[key] = Proof(revision.hash, verified, fingerprint, member.name if member and verified else "")
    return result


def allowed_signers(roles: dict[str, Role]) -> str:
    """git's allowed-signers file (gpg.ssh.allowedSignersFile) listing every SSH key of every role; which
    role a key belongs to is checked by its fingerprint afterwards."""
    lines = []
    for role in roles.values():
        for member in role.people:
            if member.signing_key and member.signing_key.startswith(("ssh-", "ecdsa-", "sk-")):
                lines.append(f'* namespaces="git" {" ".join(member.signing_key.split()[:2])}')
    return "\n".join(lines) + "\n"


def _signatures(config: Config, history: History, commits: set[str]) -> dict[str, tuple[str, str, str]]:
    """(git's signature status letter, the signing key's fingerprint, its primary key's fingerprint for GPG) per
    commit, from one `git log`."""
    if not commits or history.blobs.repo is None:
        return {}
    with tempfile.TemporaryDirectory(prefix="isodocs-signers-") as folder:
        signers = Path(folder) / "allowed_signers"
        signers.write_text(allowed_signers(config.roles), encoding="utf-8")
        output = history.blobs.repo.git.execute(
            ["git", "--no-replace-objects", "-c", f"gpg.ssh.allowedSignersFile={signers}", "log", "--no-walk=unsorted",
             f"--format={RECORD}%H{UNIT}%G?{UNIT}%GF{UNIT}%GP", *sorted(commits)])
    found = {}
    for record in output.split(RECORD)[1:]:
        sha, status, fingerprint, primary = ([*record.strip().split(UNIT), "", "", ""])[:4]
        found[sha] = (status, _fingerprint(fingerprint), _fingerprint(primary))
    return found


def _fingerprint(key: str | None) -> str:
    """A key as git names the one that made a signature: SHA256:... for SSH, upper-case hex for GPG."""
    if not key:
        return ""
    key = key.strip()
    if key.startswith("SHA256:"):
        return key
    parts = key.split()
    if len(parts) >= 2 and parts[0].startswith(("ssh-", "ecdsa-", "sk-")):
        try:
            blob = base64.b64decode(parts[1], validate=True)
        except (binascii.Error, ValueError):
            return key
        return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return re.sub(r"[\s:]|^0x", "", key).upper()
