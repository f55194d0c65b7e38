"""Faults: an editing command killed while it writes, and editing commands running at once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import run

from isodocs.files.frontmatter import decode, split
from isodocs.files.yamlload import parse

MANUAL = "docs/policies/controls-manual.md"
PAUSED_WRITER = r"""
import os, sys, time
real_fsync = os.fsync
def fsync_then_wait(fd):
    real_fsync(fd)
    open(sys.argv[1], "w").close()   # the new text is in a temporary file, not yet in place
    time.sleep(60)
os.fsync = fsync_then_wait
from isodocs.main import main
sys.exit(main(sys.argv[2:]))
"""


def header(path: Path) -> dict:
    return parse(split(decode(path.read_bytes())).header)


def test_a_command_killed_before_its_rename_leaves_the_old_file_whole(clean: Path, tmp_path: Path):
    path = clean / MANUAL
    before = path.read_bytes()
    ready = tmp_path / "ready"
    process = subprocess.Popen([sys.executable, "-c", PAUSED_WRITER, str(ready), "review", "MAN-IS-001", "--by",
                                "ciso", "--date", "2026-11-21", "--path", str(clean)])
    deadline = time.time() + 30
    while not ready.exists():
        assert process.poll() is None and time.time() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert path.read_bytes() == before
    assert run("review", "MAN-IS-001", "--by", "ciso", "--date", "2026-11-21", "--path", str(clean)).code == 0
    assert header(path)["last_reviewed"] == "2026-11-21"
    assert run("check", str(clean), "--today", "2026-11-21").code == 0  # the leftover temporary file is ignored


def test_commands_killed_at_random_moments_leave_the_old_or_the_new_file(clean: Path):
    path = clean / MANUAL
    rng = random.Random(7)
    isodocs = Path(sys.executable).parent / "isodocs"
    body = split(decode(path.read_bytes())).body
    version = 0
    for _ in range(12):
        process = subprocess.Popen([str(isodocs), "approve", "MAN-IS-001", "--by", "ceo", "--path", str(clean)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        fields = header(path)  # parses: the file is one whole version or the other, never a mix
        minor = int(fields["version"].split(".")[1])
        assert fields["status"] == "approved" and minor in (version, version + 1)
        assert split(decode(path.read_bytes())).body == body
        version = minor


def test_approvals_running_at_once_each_count(clean: Path):
    isodocs = Path(sys.executable).parent / "isodocs"
    processes = [subprocess.Popen([str(isodocs), "approve", "MAN-IS-001", "--by", "ceo", "--path", str(clean)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(8)]
    for process in processes:
        assert process.wait() == 0, process.stderr.read()
    assert header(clean / MANUAL)["version"] == "1.8"


def test_a_review_and_an_approval_at_once_leave_a_valid_file(clean: Path):
    isodocs = Path(sys.executable).parent / "isodocs"
    for _ in range(5):
        first = subprocess.Popen([str(isodocs), "review", "MAN-IS-001", "--by", "ciso", "--path", str(clean)])
        second = subprocess.Popen([str(isodocs), "approve", "MAN-IS-001", "--by", "ceo", "--path", str(clean)])
        assert first.wait() == 0 and second.wait() == 0
        fields = header(clean / MANUAL)
        assert fields["status"] == "approved" and fields["id"] == "MAN-IS-001"
    assert header(clean / MANUAL)["version"] == "1.5"
    leftovers = [p.name for p in (clean / MANUAL).parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
