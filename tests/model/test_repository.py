"""Repository.load in a process that loads many times (mkdocs serve, a test suite, a library user)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import git
from scaffold import scaffold

from isodocs.model.repository import Repository


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_loading_again_frees_what_the_caller_left_in_reference_cycles(tmp_path: Path):
    """The first load freezes the garbage collector over its model; what the caller leaves behind later (here
    gitpython's repositories, whose reference cycles hold git's processes and pipes) is not frozen with it."""
    root = scaffold(tmp_path / "acme", "iso27001-2022")
    Repository.load(root, cache=False)
    before = open_files()
    for _ in range(20):
        git.Repo(root).head.commit.tree["isodocs.yml"].data_stream.read()   # two git processes left to the collector
        Repository.load(root, cache=False)
    gc.collect()   # which cannot reach what is frozen
    assert open_files() - before < 12   # at most the last repository's, not twenty's
