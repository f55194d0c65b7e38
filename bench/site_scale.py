"""How the handbook's build grows with the number of documents, with the scaffold's own mkdocs.yml.

    .venv/bin/python bench/site_scale.py [--documents 1000 2000] [--repeat 1]

For each size, a synthetic repository (bench/generate.py) is built four ways, taking turns:
- the scaffold's mkdocs.yml as `isodocs new` writes it (mkdocs-material with `navigation.prune`, isodocs);
- the same without `navigation.prune` (every page then carries the whole navigation);
- the floor: the same pages, theme and features with `navigation.prune`, without the isodocs plugin;
- the floor without `navigation.prune`.
It prints wall time and peak memory, each figure's ratio to its floor, the bytes of one page, and the growth per
doubling (2.0 is linear).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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


def variants(config: str) -> dict[str, str]:
    prune = re.compile(r"^    - navigation\.prune\b.*\n", re.M)
    assert prune.search(config), "the scaffold's mkdocs.yml should prune the navigation"
    unpruned = prune.sub("", config)
    without = partial(re.sub, r"^  - isodocs.*\n(?:      .*\n)*", "", flags=re.M)
    # without the plugin, the extensions its pages need are still there, so the floor renders the same Markdown
    plain = "\n".join((without(config).rstrip(), "  - md_in_html", ""))
    plain_unpruned = "\n".join((without(unpruned).rstrip(), "  - md_in_html", ""))
    return {"isodocs, prune": config, "isodocs, no prune": unpruned, "floor, prune": plain,
            "floor, no prune": plain_unpruned}


def page_size(site: Path) -> int:
    pages = sorted(site.rglob("doc-*/index.html"))
    return pages[len(pages) // 2].stat().st_size if pages else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build; the best counts")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; mkdocs build -q, best of {args.repeat}")
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="isodocs-site-scale-") as folder:
        work = Path(folder)
        configs = variants(scaffold_config(work))
        for documents in args.documents:
            root = generated(work / f"repo-{documents}", documents)
            roots = {}
            for name, text in configs.items():
                copy = work / f"{documents}-{re.sub(r'[^a-z]+', '-', name)}"
                shutil.copytree(root, copy, symlinks=True)
                (copy / "mkdocs.yml").write_text(text, encoding="utf-8")
                roots[name] = copy
            runs = [partial(run_once, [str(BIN / "mkdocs"), "build", "-q"], roots[name], ENV) for name in configs]
            figures = dict(zip(configs, interleaved(*runs, repeat=args.repeat), strict=True))
            for name, (seconds, memory) in figures.items():
                floor = figures["floor, prune" if "no prune" not in name else "floor, no prune"][0]
                results.setdefault(name, []).append(seconds)
                kb = page_size(roots[name] / "site") / 1024
                print(f"{documents:>6,} documents  {name:<18} {seconds:8.1f} s  {seconds / floor:5.2f}x floor "
                      f"{memory:7.0f} MB  {kb:7.0f} KB a page")
            for copy in roots.values():
                shutil.rmtree(copy)
            shutil.rmtree(root)
    sizes = args.documents
    for name, times in results.items():
        steps = [f"x{times[i + 1] / times[i]:.2f} for x{sizes[i + 1] / sizes[i]:g}" for i in range(len(times) - 1)]
        print(f"growth  {name:<18} {', '.join(steps)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
