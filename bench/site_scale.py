"""How the handbook's build grows with the number of documents, with the scaffold's own mkdocs.yml, beside its
floor and its peers, measured in the same run.

    .venv/bin/python bench/site_scale.py [--documents 1000 2000 10000] [--repeat 1] [--sphinx VENV] [--strictdoc VENV]
                                         [--also sections no-prune] [--folder-size N]

For each size, a synthetic repository (bench/generate.py) is built, the builds taking turns:
- isodocs: the scaffold's mkdocs.yml as `isodocs new` writes it (mkdocs-material, isodocs plugin);
- floor: the same pages, theme and features without the isodocs plugin;
- with --sphinx VENV: Sphinx with sphinx-needs on the same documents (bench/peers.py), one process like MkDocs;
- with --strictdoc VENV: strictdoc's HTML export of the same documents;
- with --also sections: the scaffold with mkdocs-material's navigation.sections (the scaffold before it was left
  out), and its floor; --also no-prune: without navigation.prune, and its floor.
With --folder-size N the documents fill folders of N each (bench/generate.py), so a page's open folder lists N
documents, which the navigation's groups (plugin option navigation_group_size) keep to a bounded share of a page.
It prints the time (the wall clock's, or with --clock cpu the processor time) and peak memory, each figure's
ratio to its floor, the bytes of one page, isodocs against each peer, and the growth from the first size to each
later one (equal to the ratio of sizes when linear).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peers import sphinx_project, strictdoc_project
from run import BIN, generated, interleaved, run_once

ENV = {"NO_MKDOCS_2_WARNING": "1"}


def scaffold_config(work: Path) -> str:
    """The mkdocs.yml `isodocs new` writes (English, 27001), docs_dir set to the synthetic repository's."""
    target = work / "scaffold"
    subprocess.run([str(BIN / "isodocs"), "new", str(target), "--organization", "Bench Ltd", "--standard",
                    "iso27001-2022", "--no-input"], check=True, capture_output=True)
    text = (target / "mkdocs.yml").read_text(encoding="utf-8")
    shutil.rmtree(target)
    return re.sub(r"^docs_dir: .*$", "docs_dir: docs", text, flags=re.M)


def without_plugin(config: str) -> str:
    """The floor's configuration: the isodocs plugin left out, the extension its pages need kept, so the floor
    renders the same Markdown."""
    plain = re.sub(r"^  - isodocs.*\n(?:      .*\n)*", "", config, flags=re.M)
    return "\n".join((plain.rstrip(), "  - md_in_html", ""))


def variants(config: str, also: list[str]) -> dict[str, str]:
    prune = re.compile(r"^    - navigation\.prune\b.*\n", re.M)
    assert prune.search(config), "the scaffold's mkdocs.yml should prune the navigation"
    found = {"isodocs": config, "floor": without_plugin(config)}
    if "sections" in also:
        sections = prune.sub(lambda m: "    - navigation.sections\n" + m.group(0), config)
        found |= {"isodocs, sections": sections, "floor, sections": without_plugin(sections)}
    if "no-prune" in also:
        unpruned = prune.sub("", config)
        found |= {"isodocs, no prune": unpruned, "floor, no prune": without_plugin(unpruned)}
    return found


def floor_of(name: str) -> str | None:
    if name in ("isodocs", "floor"):
        return "floor"
    if name.startswith(("isodocs, ", "floor, ")):
        return "floor, " + name.split(", ", 1)[1]
    return "floor"   # the peers, beside MkDocs without the plugin


def page_size(site: Path) -> int:
    pages = sorted(site.rglob("doc-000*.html")) or sorted(site.rglob("doc-000*/index.html"))
    return pages[len(pages) // 2].stat().st_size if pages else 0


def fresh(run: partial, *folders: Path) -> tuple[float, float]:
    """`run` after removing what an earlier run left (a peer's output and caches), so every run does all the work."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    return run()


def said_when_done(what: str, run: partial) -> tuple[float, float]:
    """`run`, its figure printed as soon as it is known (a long run's first figures survive an interrupted one)."""
    seconds, memory = run()
    print(f"    ({what}: {seconds:.1f} s, {memory:.0f} MB, at {time.strftime('%H:%M:%S')})", flush=True)
    return seconds, memory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 2000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build; the best counts")
    parser.add_argument("--sphinx", type=Path, metavar="VENV", help="a virtual environment with sphinx-needs and "
                        "myst-parser")
    parser.add_argument("--strictdoc", type=Path, metavar="VENV", help="a virtual environment with strictdoc")
    parser.add_argument("--also", nargs="*", default=[], choices=("sections", "no-prune"))
    parser.add_argument("--folder-size", type=int, default=0, metavar="N",
                        help="documents a folder holds (default: each type's documents over 50 folders)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="time by the wall clock, or by the processor time each build used (fairer on a busy "
                        "machine)")
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; mkdocs build -q, best of {args.repeat}, "
          f"{args.clock} time; "
          f"load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at {time.strftime('%H:%M:%S')}", flush=True)
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="isodocs-site-scale-") as folder:
        work = Path(folder)
        configs = variants(scaffold_config(work), args.also)
        for documents in args.documents:
            root = generated(work / f"repo-{documents}", documents, folder_size=args.folder_size)
            runs, sites = {}, {}
            for name, text in configs.items():
                copy = work / f"{documents}-{re.sub(r'[^a-z]+', '-', name)}"
                shutil.copytree(root, copy, symlinks=True)
                (copy / "mkdocs.yml").write_text(text, encoding="utf-8")
                runs[name] = partial(run_once, [str(BIN / "mkdocs"), "build", "-q"], copy, ENV, args.clock)
                sites[name] = copy / "site"
            if args.sphinx:
                source, out = sphinx_project(root, work / f"{documents}-sphinx"), work / f"{documents}-sphinx-html"
                command = [str(args.sphinx / "bin" / "sphinx-build"), "-q", "-E", "-b", "html", str(source), str(out)]
                runs["sphinx-needs"] = partial(fresh, partial(run_once, command, work, clock=args.clock), out)
                sites["sphinx-needs"] = out
            if args.strictdoc:
                source, out = strictdoc_project(root, work / f"{documents}-sdoc"), work / f"{documents}-sdoc-html"
                cache = work / f"{documents}-sdoc-tmp"
                command = [str(args.strictdoc / "bin" / "strictdoc"), "export", str(source), "--output-dir", str(out)]
                export = partial(run_once, command, work, {"TMPDIR": str(cache)}, args.clock)
                runs["strictdoc"] = partial(fresh, export, out, cache)
                sites["strictdoc"] = out
            said = [partial(said_when_done, f"{documents:,} documents, {name}", run) for name, run in runs.items()]
            figures = dict(zip(runs, interleaved(*said, repeat=args.repeat), strict=True))
            load = os.getloadavg()
            for name, (seconds, memory) in figures.items():
                floor = figures[floor_of(name)][0]
                results.setdefault(name, []).append(seconds)
                kb = page_size(sites[name]) / 1024
                print(f"{documents:>6,} documents  {name:<18} {seconds:8.1f} s  {seconds / floor:5.2f}x floor "
                      f"{memory:7.0f} MB  {kb:7.0f} KB a page", flush=True)
            for peer in ("sphinx-needs", "strictdoc"):
                if peer in figures:
                    ratio = figures["isodocs"][0] / figures[peer][0]
                    print(f"{documents:>6,} documents  isodocs / {peer}: {ratio:.2f}", flush=True)
            print(f"        load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at {time.strftime('%H:%M:%S')}", flush=True)
            for leftover in work.iterdir():
                if leftover.name.startswith(f"{documents}-") or leftover == root:
                    shutil.rmtree(leftover)
    sizes = args.documents
    for name, times in results.items():
        steps = [f"x{times[i] / times[0]:.2f} for x{sizes[i] / sizes[0]:g}" for i in range(1, len(times))]
        print(f"growth  {name:<18} {', '.join(steps)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
