"""Approvals proven by git (approvals.verify): the approving commit authored, or signed with a real SSH key,
by a member of the approver role."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import git
import pytest
from conftest import FIXTURES, TODAY, run

MANUAL = "docs/policies/controls-manual.md"
ALEX = ("Alex Morgan", "alex@example.com")
SAM = ("Sam Lee", "sam@example.com")

needs_ssh = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs OpenSSH's ssh-keygen")
needs_gpg = pytest.mark.skipif(shutil.which("gpg") is None, reason="needs GnuPG's gpg")


def key(folder: Path, name: str) -> Path:
    path = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)], check=True)
    return path


def commit(root: Path, message: str, who: tuple[str, str], signing_key: Path | str | None = None) -> str:
    """Commit everything as `who`, signed with an SSH key (a path) or a GPG key (a fingerprint) when given."""
    options = ["-c", f"user.name={who[0]}", "-c", f"user.email={who[1]}"]
    if isinstance(signing_key, Path):
        options += ["-c", "gpg.format=ssh", "-c", f"user.signingkey={signing_key}"]
    elif signing_key is not None:
        options += ["-c", "gpg.format=openpgp", "-c", f"user.signingkey={signing_key}"]
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), *options, "commit", "-q", *(["-S"] if signing_key else []),
                    "-m", message], check=True)
    return git.Repo(root).head.commit.hexsha


def repository(tmp_path: Path, approvals: str, members: str, first_by: tuple[str, str] = ALEX,
               signing_key: Path | str | None = None) -> Path:
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    config = root / "isodocs.yml"
    config.write_text(config.read_text().replace(
        "  ceo: {name: Alex Morgan, email: alex@example.com, handle: \"@alex\"}",
        f"  ceo:\n    name: Alex Morgan\n    handle: \"@alex\"\n    members:\n{members}")
        + f"approvals: {approvals}\n")
    git.Repo.init(root, initial_branch="main")
    commit(root, "Initial document set", first_by, signing_key)
    return root


def approve(root: Path, version: str) -> None:
    manual = root / MANUAL
    text = manual.read_text()
    current = text.split('version: "', 1)[1].split('"', 1)[0]
    manual.write_text(text.replace(f'version: "{current}"', f'version: "{version}"')
                      .replace("every quarter", f"every quarter (v{version})"))


def findings(root: Path) -> list[dict]:
    return json.loads(run("check", str(root), "--format", "json", "--today", TODAY).out)["findings"]


def test_author_verification_names_the_commit_its_author_and_the_role(tmp_path: Path):
    root = repository(tmp_path, "{verify: author}", "      - {name: Alex Morgan, email: alex@example.com}\n"
                                                     "      - {name: Robin Roe, email: robin@example.com}\n")
    assert findings(root) == []
    approve(root, "1.1")
    sha = commit(root, "Approve the manual 1.1", SAM)
    [finding] = findings(root)
    assert (finding["rule"], finding["path"], finding["severity"]) == ("approval-unverified", MANUAL, "error")
    assert sha[:8] in finding["message"] and "Sam Lee <sam@example.com>" in finding["message"]
    assert "Alex Morgan (ceo)" in finding["message"]
    approve(root, "1.2")
    commit(root, "Approve the manual 1.2", ("Robin Roe", "Robin@Example.com"))
    assert findings(root) == []


def test_the_first_commit_counts_as_the_approval_and_is_verified_too(tmp_path: Path):
    root = repository(tmp_path, "{verify: author}", "      - {name: Alex Morgan, email: alex@example.com}\n",
                      first_by=SAM)
    found = findings(root)
    assert {f["rule"] for f in found} == {"approval-unverified"} and len(found) == 15


def test_a_role_email_counts_as_a_member(tmp_path: Path):
    root = repository(tmp_path, "{verify: author}", "      - {name: Robin Roe, email: robin@example.com}\n")
    config = root / "isodocs.yml"
    config.write_text(config.read_text().replace("    name: Alex Morgan\n", "    name: Alex Morgan\n"
                                                 "    email: alex@example.com\n"))
    assert findings(root) == []


def only_the_members_key_proves_an_approval(root: Path, alex: Path | str, stranger: Path | str) -> None:
    """Unsigned, then signed by a stranger: unverified, naming the commit; signed by Alex's key: verified."""
    approve(root, "1.1")
    unsigned = commit(root, "Approve the manual 1.1, unsigned", ALEX)
    [finding] = findings(root)
    assert finding["rule"] == "approval-unverified" and unsigned[:8] in finding["message"]
    assert "without a good signature" in finding["message"] and "Alex Morgan (ceo)" in finding["message"]

    approve(root, "1.2")
    wrong = commit(root, "Approve the manual 1.2, signed by someone else", ALEX, stranger)
    [finding] = findings(root)
    assert finding["rule"] == "approval-unverified" and wrong[:8] in finding["message"]

    approve(root, "1.3")
    commit(root, "Approve the manual 1.3, signed by Alex", SAM, alex)  # the key proves it, not the author field
    assert findings(root) == []


@needs_ssh
def test_signature_verification_with_real_ssh_keys(tmp_path: Path):
    alex, stranger = key(tmp_path, "alex"), key(tmp_path, "stranger")
    public = alex.with_suffix(".pub").read_text().strip()
    root = repository(tmp_path, "{verify: signature}",
                      f"      - {{name: Alex Morgan, email: alex@example.com, signing_key: \"{public}\"}}\n",
                      signing_key=alex)
    assert findings(root) == []

    only_the_members_key_proves_an_approval(root, alex, stranger)


@needs_ssh
def test_a_key_listed_for_another_role_does_not_prove_this_one(tmp_path: Path):
    alex, sam = key(tmp_path, "alex"), key(tmp_path, "sam")
    root = repository(tmp_path, "{verify: signature}",
                      f"      - {{name: Alex Morgan, signing_key: \"{alex.with_suffix('.pub').read_text().strip()}\"}}"
                      "\n",
                      signing_key=alex)
    config = root / "isodocs.yml"
    config.write_text(config.read_text().replace(
        "  ciso: {name: Sam Lee, email: sam@example.com, handle: \"@example/security\"}",
        "  ciso: {name: Sam Lee, email: sam@example.com, handle: \"@example/security\", members: [{name: Sam Lee, "
        f"signing_key: \"{sam.with_suffix('.pub').read_text().strip()}\"}}]}}"))
    commit(root, "List Sam's key", ALEX, alex)
    assert findings(root) == []
    approve(root, "1.1")
    commit(root, "Approve the manual 1.1, signed by Sam", SAM, sam)
    assert [f["rule"] for f in findings(root)] == ["approval-unverified"]


@pytest.fixture
def gnupg(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A throwaway GnuPG home (short, for the agent's socket), the one git and isodocs use in this test."""
    home = Path(tempfile.mkdtemp(prefix="gpg-", dir="/tmp"))
    home.chmod(0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    yield home
    subprocess.run(["gpgconf", "--kill", "all"], check=False, capture_output=True)
    shutil.rmtree(home, ignore_errors=True)


def gpg_key(name: str, email: str) -> tuple[str, str]:
    """A new GPG key without passphrase: a certifying primary key and a signing subkey; their fingerprints."""
    spec = ("%no-protection\nKey-Type: eddsa\nKey-Curve: ed25519\nKey-Usage: cert\nSubkey-Type: eddsa\n"
            f"Subkey-Curve: ed25519\nSubkey-Usage: sign\nName-Real: {name}\nName-Email: {email}\n"
            "Expire-Date: 0\n%commit\n")
    subprocess.run(["gpg", "--batch", "--quiet", "--gen-key"], input=spec, text=True, check=True, capture_output=True)
    listing = subprocess.run(["gpg", "--batch", "--with-colons", "--list-keys", email], text=True, check=True,
                             capture_output=True).stdout
    primary, subkey = [line.split(":")[9] for line in listing.splitlines() if line.startswith("fpr:")][:2]
    return primary, subkey


@needs_gpg
def test_signature_verification_with_real_gpg_keys(tmp_path: Path, gnupg: Path):
    alex, alex_signing = gpg_key("Alex Morgan", "alex@example.com")
    stranger, _ = gpg_key("Stranger", "stranger@example.com")
    root = repository(tmp_path, "{verify: signature}",
                      f"      - {{name: Alex Morgan, email: alex@example.com, signing_key: \"{alex}\"}}\n",
                      signing_key=alex)
    assert findings(root) == []  # signed by the subkey, listed by the primary key's fingerprint

    only_the_members_key_proves_an_approval(root, alex, stranger)

    config = root / "isodocs.yml"  # the signing subkey's fingerprint, written in groups as gpg prints it
    spaced = " ".join(alex_signing[i:i + 4] for i in range(0, 40, 4))
    config.write_text(config.read_text().replace(alex, spaced))
    commit(root, "List Alex's signing subkey", ALEX, alex)
    assert findings(root) == []

    subprocess.run(["gpg", "--batch", "--yes", "--delete-secret-and-public-keys", alex], check=True,
                   capture_output=True)  # a key git cannot check proves nothing: fails closed
    found = findings(root)
    assert {f["rule"] for f in found} == {"approval-unverified"} and MANUAL in {f["path"] for f in found}
    assert len(found) == 15  # the manual's approval and the first commit's, for the fourteen others
