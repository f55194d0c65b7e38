"""Progress of long builds: pages done of the total on stderr, on a terminal (or with --verbose), never with --quiet."""

from __future__ import annotations

import os
import pty
import re
import subprocess
from pathlib import Path

import pytest
from conftest import run
from hypothesis import given, strategies as st
from scaffold import scaffold
from test_site import ENV, MKDOCS

from isodocs.site.progress import Progress

LINE = re.compile(r"isodocs: ([\d,]+) of ([\d,]+) pages \((\d+)%\)")


@given(st.integers(min_value=0, max_value=60), st.lists(st.integers(min_value=0, max_value=3), max_size=80))
def test_progress_shows_each_count_short_of_the_total_then_closes_on_it(total: int, steps: list[int]):
    lines: list[str] = []
    progress = Progress(total, lines.append, interval=0)
    done, short = 0, []
    for step in steps:
        done = min(total, done + step)
        progress.advance(done)
        if done < total:
            short.append(done)
    progress.finish()
    expected = [*short, total] if short else []
    pages = "page" if total == 1 else "pages"
    assert lines == [f"isodocs: {n:,} of {total:,} {pages} ({100 * n // total}%)" for n in expected]


def test_progress_speaks_the_repository_language_with_plural_forms():
    for total, word in ((21, "страницы"), (22, "страниц"), (1000, "страниц")):
        lines: list[str] = []
        progress = Progress(total, lines.append, interval=0, language="ru")
        progress.advance(1)
        assert lines == [f"isodocs: 1 из {total} {word} ({100 // total}%)"]


def test_a_build_shorter_than_the_interval_prints_nothing():
    lines: list[str] = []
    progress = Progress(1000, lines.append, interval=3600)
    for done in range(1, 1001):
        progress.advance(done)
    progress.finish()
    assert lines == []


@pytest.fixture(scope="module")
def every_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scaffold whose plugin reports after every page (progress_interval: 0)."""
    root = scaffold(tmp_path_factory.mktemp("progress") / "acme", "iso27001-2022")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - isodocs\n" in text
    config.write_text(text.replace("\n  - isodocs\n", "\n  - isodocs:\n      progress_interval: 0\n"), encoding="utf-8")
    return root


def on_a_terminal(root: Path, *args: str) -> str:
    """`mkdocs build` with its stderr on a pseudo-terminal, as a person at a terminal runs it; what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([str(MKDOCS), "build", *args], cwd=root, env=ENV, stdout=subprocess.DEVNULL,
                               stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:   # the terminal closes when the build ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait() == 0
    return b"".join(chunks).decode("utf-8")


def pages_built(root: Path) -> int:
    return sum(1 for _ in (root / "site").rglob("*.html")) - 1   # 404.html is no page of the docs


def test_plugin_shows_pages_done_of_the_total_on_a_terminal(every_page: Path):
    printed = on_a_terminal(every_page)
    counts = [(int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))) for m in LINE.finditer(printed)]
    total = pages_built(every_page)
    assert counts and {seen for _, seen in counts} == {total}, printed[-2000:]
    done = [d for d, _ in counts]
    assert done == sorted(done) and done[-1] == total and done[0] < total


def test_plugin_is_silent_with_quiet_and_off_a_terminal_unless_verbose(every_page: Path):
    assert not LINE.search(on_a_terminal(every_page, "--quiet"))
    piped = subprocess.run([str(MKDOCS), "build"], cwd=every_page, env=ENV, capture_output=True, text=True)
    assert piped.returncode == 0 and not LINE.search(piped.stderr), piped.stderr[-2000:]
    verbose = subprocess.run([str(MKDOCS), "build", "--verbose"], cwd=every_page, env=ENV, capture_output=True,
                             text=True)
    assert verbose.returncode == 0
    assert {int(m.group(2)) for m in LINE.finditer(verbose.stderr)} == {pages_built(every_page)}


def test_site_build_counts_the_pages_the_generator_wrote(every_page: Path, tmp_path: Path):
    verbose = run("site", "build", str(every_page), "--site-dir", str(tmp_path / "verbose"), "--verbose")
    assert verbose.code == 0, verbose.err
    pages = sum(1 for _ in (tmp_path / "verbose").rglob("*.html")) - 1
    counts = [(int(m.group(1)), int(m.group(2))) for m in LINE.finditer(verbose.err)]
    assert counts and counts[-1] == (pages, pages) and {seen for _, seen in counts} == {pages}, verbose.err
    plain = run("site", "build", str(every_page), "--site-dir", str(tmp_path / "plain"))   # stderr is no terminal
    assert plain.code == 0 and not LINE.search(plain.err) and "site written to" in plain.err
    quiet = run("site", "build", str(every_page), "--site-dir", str(tmp_path / "quiet"), "--quiet")
    assert quiet.code == 0 and quiet.err == "" and (tmp_path / "quiet" / "index.html").is_file()
