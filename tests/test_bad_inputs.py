"""The corpus of bad inputs (tests/fixtures/bad-inputs/cases.yml): each gives its message and exit code,
never a traceback, never a silent skip, and nothing in the repository is changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, TODAY, run
from scaffold import tree

CORPUS = FIXTURES / "bad-inputs"
CASES = yaml.safe_load((CORPUS / "cases.yml").read_text(encoding="utf-8"))
ISODOCS = Path(sys.executable).parent / "isodocs"
TARGET = "docs/procedures/bad-input.md"


def large_file(root: Path) -> str:
    (root / TARGET).write_text("---\nid: BAD-001\n---\n" + "x" * (6 * 1024 * 1024))
    return TARGET


def symlink_loop(root: Path) -> str:
    os.symlink("..", root / "docs/procedures/loop")
    return "docs/procedures/loop"


def symlink_outside(root: Path) -> str:
    outside = root.parent / "outside.md"
    outside.write_text("---\nid: SECRET-001\ntitle: Outside\ntype: policy\nstatus: draft\n---\n")
    os.symlink(outside, root / TARGET)
    return TARGET


def unreadable_file(root: Path) -> str:
    shutil.copy(CORPUS / "crlf.md", root / TARGET)
    os.chmod(root / TARGET, 0)
    return TARGET


def missing_config(root: Path) -> str:
    (root / "isodocs.yml").unlink()
    return ""


def broken_config(root: Path) -> str:
    (root / "isodocs.yml").write_text("organization: Example Ltd\nstandards:\n  - iso27001-2022\n - oops\n")
    return "isodocs.yml"


def unknown_catalog(root: Path) -> str:
    path = root / "isodocs.yml"
    path.write_text(path.read_text().replace("  - iso27001-2022", "  - iso27001-2013"))
    return "isodocs.yml"


def broken_catalog(root: Path) -> str:
    folder = root.parent / "catalogs"
    folder.mkdir()
    source = (Path(__file__).parent.parent / "standards" / "iso27001-2022.yml").read_text()
    lines = source.split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("title:") and i > 3)
    lines[index] = lines[index].replace("title:", "titel:")
    (folder / "iso27001-2022.yml").write_text("\n".join(lines[:5] + lines[5:]))
    return str(folder)


def broken_own_catalog(root: Path) -> str:
    (root / "catalogs").mkdir()
    (root / "catalogs" / "acme-2026.yml").write_text(
        "id: acme-2026\nname: Acme\ntitle: Our baseline\nentries:\n  - id: \"1\"\n    titel: Governance\n")
    return "catalogs/acme-2026.yml"


def broken_crosswalk(root: Path) -> str:
    (root / "catalogs" / "crosswalks").mkdir(parents=True)
    (root / "catalogs" / "crosswalks" / "iso27001-2022--iso9001-2026.yml").write_text(
        'from: iso27001-2022\nto: iso9001-2026\nmap:\n  "5.2": ["5.2"]\n  "A.5.99": ["5.2"]\n')
    return "catalogs/crosswalks/iso27001-2022--iso9001-2026.yml"


# Root reads any file: the unreadable case then runs without the capabilities that allow it.
WITHOUT_OVERRIDE = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                    "--bounding-set=-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else []


def check_in_subprocess(root: Path, env: dict[str, str] | None = None, prefix: list[str] | None = None
                        ) -> tuple[int, str, str]:
    command = [*(prefix or []), str(ISODOCS), "check", str(root), "--format", "json", "--today", TODAY, "--no-cache"]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})})
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_bad_input(case: dict, tmp_path: Path):
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    env, prefix = None, None
    if "file" in case:
        shutil.copy(CORPUS / case["file"], root / TARGET)
        path = TARGET
    else:
        path = globals()[case["setup"]](root)
        if case["setup"] == "broken_catalog":
            env, path = {"ISODOCS_STANDARDS": path}, ""
        if case["setup"] == "unreadable_file":
            prefix = WITHOUT_OVERRIDE
    before = {k: v for k, v in tree(root).items() if k != TARGET} if case.get("setup") != "unreadable_file" else None
    if env or prefix is not None:
        code, out, err = check_in_subprocess(root, env, prefix)
    else:
        result = run("check", str(root), "--format", "json", "--today", TODAY, "--no-cache")
        code, out, err = result.code, result.out, result.err
    assert "Traceback" not in err
    assert code == case["exit"], err or out
    if case["exit"] == 2:
        assert err.startswith("isodocs: error: ") and len(err.strip().splitlines()) == 1
        assert case["message"] in err
    else:
        findings = json.loads(out)["findings"]
        assert ("history-skipped", "isodocs.yml") in {(f["rule"], f["path"]) for f in findings}  # not in git
        findings = [f for f in findings if f["rule"] != "history-skipped"]
        expected = [(case["rule"], path, case["line"])] if "rule" in case else []
        assert [(f["rule"], f["path"], f["line"]) for f in findings] == expected
        if "rule" in case:
            assert case["message"] in findings[0]["message"]
    if before is not None:
        assert {k: v for k, v in tree(root).items() if k != TARGET} == before
    assert not Path("/tmp/isodocs-pwned").exists()


def test_a_document_read_with_a_byte_order_mark_or_crlf_is_a_document(tmp_path: Path):
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    for name in ("byte-order-mark.md", "crlf.md"):
        shutil.copy(CORPUS / name, root / "docs/procedures" / name)
    from isodocs.model.repository import Repository
    titles = sorted(d.title for d in Repository.load(root, cache=False).documents if d.id == "BAD-001")
    assert titles == ["Bad input", "CRLF line ends"]


def russian_case(case: dict) -> bool:
    """The cases whose repository names its language: without isodocs.yml, or with one that says nothing of its
    language, nothing tells isodocs to speak Russian."""
    return case.get("setup") not in ("missing_config", "broken_config")


@pytest.mark.parametrize("case", [c for c in CASES if russian_case(c)], ids=lambda c: c["case"])
def test_bad_input_in_a_russian_repository_is_said_in_russian(case: dict, tmp_path: Path):
    from english import english
    root = tmp_path / "repository"
    shutil.copytree(FIXTURES / "clean", root)
    env, prefix = {}, []
    if "file" in case:
        shutil.copy(CORPUS / case["file"], root / TARGET)
    else:
        path = globals()[case["setup"]](root)
        if case["setup"] == "broken_catalog":
            env = {"ISODOCS_STANDARDS": path}
        if case["setup"] == "unreadable_file":
            prefix = WITHOUT_OVERRIDE
    config = root / "isodocs.yml"
    config.write_text(config.read_text().replace("language: en", "language: ru"))
    result = subprocess.run([*prefix, str(ISODOCS), "check", str(root), "--today", TODAY, "--no-cache"],
                            capture_output=True, text=True, env={**os.environ, **env})
    assert "Traceback" not in result.stderr
    assert result.returncode == case["exit"], result.stderr or result.stdout
    if case["exit"] == 2:
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("isodocs: ошибка: ") and not english(line), line
    else:
        lines = [line for line in result.stdout.splitlines() if english(line)]
        assert not lines, "\n".join(lines)
