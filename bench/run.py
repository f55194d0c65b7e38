"""Benchmarks: every figure beside its floor, measured in the same run, with peak memory.

    .venv/bin/python bench/run.py            # 1,000 and 10,000 documents (a few minutes)
    .venv/bin/python bench/run.py --large    # adds 100,000 documents

Each measured step runs as its own process, timed by the wall clock, its peak memory read from the
kernel (wait4). The best of --repeat runs is kept.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
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


def measure(command: list[str], cwd: Path | None = None, repeat: int = 3, env: dict | None = None
            ) -> tuple[float, float]:
    """Best wall time in seconds and the peak memory in MB of that command."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"failed: {' '.join(command)}")
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


def row(name: str, figure: tuple[float, float], floor: tuple[float, float] | None, target: str = "") -> None:
    seconds, memory = figure
    if floor is None:
        print(f"{name:<44} {seconds:8.3f} s {'':>22} {memory:7.0f} MB  {target}")
        return
    ratio = seconds / floor[0] if floor[0] else float("inf")
    print(f"{name:<44} {seconds:8.3f} s  floor {floor[0]:7.3f} s {ratio:5.2f}x {memory:7.0f} MB  {target}")


def generated(out: Path, documents: int, commits: int = 0) -> Path:
    """A synthetic repository, made in a child process so that this one stays small (children inherit
    their parent's peak memory figure), with its files dated a minute back, as a real checkout's are."""
    subprocess.run([PYTHON, str(BENCH / "generate.py"), str(out), "--documents", str(documents), "--commits",
                    str(commits)], check=True)
    past = time.time() - 60
    for folder, _, names in os.walk(out / "docs"):
        for name in names:
            os.utime(os.path.join(folder, name), (past, past))
    return out


def bench_check(work: Path, documents: int, repeat: int) -> None:
    root = generated(work / f"check-{documents}", documents)
    floor = measure([PYTHON, "-c", FLOOR, str(root)], repeat=repeat)
    cache = work / f"cache-{documents}"
    cold = measure([str(BIN / "isodocs"), "check", str(root), "--format", "json", "--no-cache"], repeat=repeat)
    row(f"check {documents:,} documents (no cache)", cold, floor, "target: < 2x floor, < 2 s at 10,000")
    measure([str(BIN / "isodocs"), "check", str(root), "--format", "json"], repeat=1,
            env={"ISODOCS_CACHE_DIR": str(cache)})
    warm = measure([str(BIN / "isodocs"), "check", str(root), "--format", "json"], repeat=repeat,
                   env={"ISODOCS_CACHE_DIR": str(cache)})
    row(f"check {documents:,} documents (cached)", warm, floor, "target: < 0.4 s at 10,000")
    shutil.rmtree(root)


def bench_history(work: Path, documents: int, commits: int, repeat: int) -> None:
    root = generated(work / "history", documents, commits)
    floor = measure(["git", "log", "--name-status", "--format=%H %at %an %s", "--", "docs"], cwd=root,
                    repeat=repeat)
    script = ("import sys; from pathlib import Path; from isodocs import history; "
              "history.read(Path(sys.argv[1]), 'docs', cache=sys.argv[2] == 'cache')")
    cache = {"ISODOCS_CACHE_DIR": str(work / "history-cache")}
    cold = measure([PYTHON, "-c", script, str(root), "no-cache"], repeat=repeat, env=cache)
    row(f"history {documents:,} docs, {commits:,} commits", cold, floor, "target: < 2x git log")
    measure([PYTHON, "-c", script, str(root), "cache"], repeat=1, env=cache)
    warm = measure([PYTHON, "-c", script, str(root), "cache"], repeat=repeat, env=cache)
    row("history, cached up to HEAD", warm, floor)
    check = measure([str(BIN / "isodocs"), "check", str(root), "--format", "json"], repeat=repeat, env=cache)
    row(f"check {documents:,} docs, git history (cached)", check, None, "(reports every edited document)")
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
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
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
