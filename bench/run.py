"""Benchmarks: every figure beside its floor, measured in the same run, with peak memory.

    .venv/bin/python bench/run.py            # 1,000 and 10,000 documents (a few minutes)
    .venv/bin/python bench/run.py --large    # adds 100,000 documents

Each measured step runs as its own process, timed by the wall clock, its peak memory read from the
kernel (wait4). The best of --repeat runs is kept.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
FLOOR = r"""
import os, sys, yaml
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for folder, _, names in os.walk(os.path.join(sys.argv[1], "docs")):
    for name in names:
        if name.endswith(".md"):
            with open(os.path.join(folder, name), "rb") as handle:
                text = handle.read().decode("utf-8")
            if text.startswith("---\n"):
                yaml.load(text[4:text.find("\n---\n", 4)], Loader=loader)
"""


def run_once(command: list[str], cwd: Path | None = None, env: dict | None = None, clock: str = "wall"
             ) -> tuple[float, float]:
    """Time in seconds and peak memory in MB of one run of the command. The time is the wall clock's, or with
    clock="cpu" the processor time the command used (user and system), which other work on a busy machine
    changes far less."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}")
    seconds = usage.ru_utime + usage.ru_stime if clock == "cpu" else elapsed
    return seconds, usage.ru_maxrss / 1024


def measure(command: list[str], cwd: Path | None = None, repeat: int = 3, env: dict | None = None
            ) -> tuple[float, float]:
    """Best wall time in seconds and the peak memory in MB over `repeat` runs of the command."""
    return interleaved(partial(run_once, command, cwd, env), repeat=repeat)[0]


def interleaved(*runs: Callable[[], tuple[float, float]], repeat: int = 3) -> list[tuple[float, float]]:
    """Each run's best time and peak memory, the runs taking turns, so that a figure and its floor see the
    same moments of a noisy machine."""
    results = [[float("inf"), 0.0] for _ in runs]
    for _ in range(repeat):
        for result, run in zip(results, runs, strict=True):
            seconds, memory = run()
            result[0], result[1] = min(result[0], seconds), max(result[1], memory)
    return [(seconds, memory) for seconds, memory in results]


def row(name: str, figure: tuple[float, float], floor: tuple[float, float] | None, target: str = "") -> None:
    seconds, memory = figure
    if floor is None:
        print(f"{name:<44} {seconds:8.3f} s {'':>22} {memory:7.0f} MB  {target}")
        return
    ratio = seconds / floor[0] if floor[0] else float("inf")
    print(f"{name:<44} {seconds:8.3f} s  floor {floor[0]:7.3f} s {ratio:5.2f}x {memory:7.0f} MB  {target}")


def generated(out: Path, documents: int, commits: int = 0, folder_size: int = 0) -> Path:
    """A synthetic repository, made in a child process so that this one stays small (children inherit
    their parent's peak memory figure), with its files dated a minute back, as a real checkout's are."""
    subprocess.run([PYTHON, str(BENCH / "generate.py"), str(out), "--documents", str(documents), "--commits",
                    str(commits), "--folder-size", str(folder_size)], check=True)
    past = time.time() - 60
    for folder, _, names in os.walk(out / "docs"):
        for name in names:
            os.utime(os.path.join(folder, name), (past, past))
    return out


def bench_check(work: Path, documents: int, repeat: int) -> None:
    root = generated(work / f"check-{documents}", documents)
    check = [str(BIN / "isodocs"), "check", str(root), "--format", "json"]
    cache = {"ISODOCS_CACHE_DIR": str(work / f"cache-{documents}")}
    floor, cold = interleaved(partial(run_once, [PYTHON, "-c", FLOOR, str(root)]),
                              partial(run_once, [*check, "--no-cache"]), repeat=repeat)
    row(f"check {documents:,} documents (no cache)", cold, floor, "target: < 2x floor, < 2 s at 10,000")
    measure(check, repeat=1, env=cache)
    warm = measure(check, repeat=repeat, env=cache)
    row(f"check {documents:,} documents (cached)", warm, floor, "target: < 0.4 s at 10,000")
    shutil.rmtree(root)


def bench_history(work: Path, documents: int, commits: int, repeat: int) -> None:
    root = generated(work / "history", documents, commits)
    script = ("import sys; from pathlib import Path; from isodocs import history; "
              "h = history.read(Path(sys.argv[1]), 'docs', cache=sys.argv[2] == 'cache'); "
              "h.classify(h.revisions) if sys.argv[3] == 'all' else None; h.remember()")
    cache = {"ISODOCS_CACHE_DIR": str(work / "history-cache")}
    floor, cold, every = interleaved(
        partial(run_once, ["git", "log", "--name-status", "--format=%H %at %an %s", "--", "docs"], cwd=root),
        partial(run_once, [PYTHON, "-c", script, str(root), "no-cache", "log"]),
        partial(run_once, [PYTHON, "-c", script, str(root), "no-cache", "all"]), repeat=repeat)
    row(f"history {documents:,} docs, {commits:,} commits", cold, floor, "target: < 2x git log")
    row("  and the version and kind of every change", every, floor, "(reads every version's blob)")
    measure([PYTHON, "-c", script, str(root), "cache", "all"], repeat=1, env=cache)
    warm = measure([PYTHON, "-c", script, str(root), "cache", "all"], repeat=repeat, env=cache)
    row("  the same, cached up to HEAD", warm, floor)
    check = [str(BIN / "isodocs"), "check", str(root), "--format", "json"]
    floor, first = interleaved(partial(run_once, [PYTHON, "-c", FLOOR, str(root)]),
                               partial(run_once, [*check, "--no-cache"], env=cache), repeat=repeat)
    row(f"check {documents:,} docs with that history", first, floor, "(nothing cached; floor: reading them)")
    measure(check, repeat=1, env=cache)
    again = measure(check, repeat=repeat, env=cache)
    row("  the same, cached", again, floor)
    shutil.rmtree(root)


def bench_site(work: Path, documents: int, repeat: int) -> None:
    root = generated(work / "site", documents)
    (root / "mkdocs.yml").write_text("site_name: Bench\ntheme: {name: material}\nplugins: [search, isodocs]\n")
    plain = root.parent / "site-plain"
    shutil.copytree(root, plain)
    (plain / "mkdocs.yml").write_text("site_name: Bench\ntheme: {name: material}\nplugins: [search]\n"
                                      "markdown_extensions: [tables, md_in_html, attr_list]\n")
    env = {"NO_MKDOCS_2_WARNING": "1"}
    floor = measure([str(BIN / "mkdocs"), "build", "-q"], cwd=plain, repeat=repeat, env=env)
    figure = measure([str(BIN / "mkdocs"), "build", "-q"], cwd=root, repeat=repeat, env=env)
    row(f"mkdocs build {documents:,} documents with plugin", figure, floor, "target: < 1.25x without")
    shutil.rmtree(root)
    shutil.rmtree(plain)


def bench_scaffold(work: Path, repeat: int) -> None:
    standards = ["--standard", "iso27001-2022", "--standard", "iso9001-2015", "--standard", "iso14001-2015",
                 "--standard", "iso45001-2018", "--standard", "iso42001-2023"]
    times = []
    for attempt in range(repeat):
        target = work / f"scaffold-{attempt}"
        times.append(measure([str(BIN / "isodocs"), "new", str(target), "--organization", "Bench Ltd", *standards,
                              "--no-input"], repeat=1))
    floor = measure([PYTHON, "-c", "import cookiecutter.main, git"], repeat=repeat)
    row("isodocs new, all five standards", min(times), floor, "(floor: importing cookiecutter and git)")


def main() -> int:
    parser = argparse.ArgumentParser(description="isodocs benchmarks")
    parser.add_argument("--large", action="store_true", help="also 100,000 documents")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step; the best counts")
    args = parser.parse_args()
    compileall.compile_dir(str(BENCH.parent / "isodocs"), quiet=1)  # as an installed package has it
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    with tempfile.TemporaryDirectory(prefix="isodocs-bench-") as folder:
        work = Path(folder)
        for documents in (1_000, 10_000) + ((100_000,) if args.large else ()):
            bench_check(work, documents, 1 if documents >= 100_000 else args.repeat)
        bench_history(work, 10_000, 10_000, args.repeat)
        bench_site(work, 1_000, 1 if args.repeat < 2 else 2)
        bench_scaffold(work, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
