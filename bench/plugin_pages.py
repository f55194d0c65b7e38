"""The isodocs plugin's own work at each size, without the theme and Markdown that dominate a build.

    .venv/bin/python bench/plugin_pages.py [--documents 1000 2000] [--commits-per-document 1] [--profile N]

For each size, a synthetic repository with a git history (bench/generate.py) is loaded by MkDocs with the
scaffold's mkdocs.yml, and the plugin's hooks run as `mkdocs build` runs them: on_config (the model, the check,
the history), on_files (hidden files out, the generated pages rendered) and on_page_markdown on every page (panel,
banner, revision history, links redacted). It prints the time of each and the time a page; a page's time that
stays flat as the size grows is work that grows linearly. --profile N prints cProfile's N costliest functions of
the isodocs package for each size.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import generated
from site_scale import scaffold_config


def measure(root: Path, profile: int) -> tuple[float, float, float, int]:
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    profiler = cProfile.Profile() if profile else None
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    config = config.plugins.on_config(config)
    configured = time.perf_counter()
    files = config.plugins.on_files(get_files(config), config=config)
    filed = time.perf_counter()
    get_navigation(files, config)
    pages = []
    for file in files.documentation_pages():
        page = file.page or Page(None, file, config)
        page.read_source(config)
        pages.append(page)
    paged = time.perf_counter()
    for page in pages:
        config.plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
    done = time.perf_counter()
    if profiler:
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats("isodocs/", profile)
        print(out.getvalue())
    return configured - start, filed - configured, done - paged, len(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--commits-per-document", type=float, default=1.0)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.root:   # one size, in a process of its own, so that no size finds another's imports and caches warm
        configured, filed, marked, pages = measure(args.root, args.profile)
        print(f"{args.documents[0]:>6,} documents  on_config {configured:6.2f} s  on_files {filed:6.2f} s  "
              f"on_page_markdown {marked:6.2f} s for {pages:,} pages: {marked / pages * 1e3:6.3f} ms a page",
              flush=True)
        return 0
    with tempfile.TemporaryDirectory(prefix="isodocs-plugin-pages-") as folder:
        work = Path(folder)
        config = scaffold_config(work)
        for documents in args.documents:
            root = generated(work / f"repo-{documents}", documents, int(documents * args.commits_per_document))
            (root / "mkdocs.yml").write_text(config, encoding="utf-8")
            env = {**os.environ, "ISODOCS_CACHE_DIR": str(work / "cache")}
            subprocess.run([sys.executable, __file__, "--documents", str(documents), "--profile", str(args.profile),
                            "--root", str(root)], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
