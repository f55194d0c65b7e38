"""Build isodocs the way a release does, and make fresh virtual environments that install it.

A fresh environment sees this test environment's dependencies (mkdocs, cookiecutter, ...) through a
.pth file pointing at a folder of links to them, isodocs itself left out, so installing isodocs from a
wheel or an sdist there takes a second and reaches no network, and nothing of this checkout leaks in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Dist:
    sdist: Path
    wheel: Path          # built by `python -m build` from the sdist, as a release is
    folder: Path


def build(outdir: Path) -> Dist:
    """`python -m build`: the sdist first, then the wheel from the unpacked sdist (no isolation: the
    build backend comes from this environment, so no network is needed)."""
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(ROOT)],
                   check=True, capture_output=True)
    return Dist(next(outdir.glob("isodocs-*.tar.gz")), next(outdir.glob("isodocs-*.whl")), outdir)


def dependency_folder(target: Path) -> Path:
    """Links to everything installed in this environment except isodocs (editable or not)."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in Path(sysconfig.get_path("purelib")).iterdir():
        name = entry.name.lower()
        if name.startswith(("isodocs", "__editable__", "_isodocs", "__pycache__")) or name.endswith(".pth"):
            continue
        link = target / entry.name
        if not link.exists():
            link.symlink_to(entry)
    return target


def environment(where: Path, dependencies: Path) -> Path:
    """A new virtual environment that imports the given dependencies; returns its bin folder."""
    venv.create(where, with_pip=False)
    bin_dir = where / "bin"
    purelib = subprocess.run([str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "_isodocs_test_dependencies.pth").write_text(f"{dependencies}\n")
    # The commands the dependencies install (mkdocs, properdocs, zensical...), as pip would write them.
    for entry in metadata.entry_points(group="console_scripts"):
        if entry.dist is None or entry.dist.name.lower() == "isodocs" or (bin_dir / entry.name).exists():
            continue
        module, _, attribute = entry.value.partition(":")
        script = bin_dir / entry.name
        script.write_text(f"#!{bin_dir / 'python'}\nimport sys\nfrom {module} import {attribute.split('.')[0]}\n"
                          f"sys.exit({attribute}())\n")
        script.chmod(0o755)
    return bin_dir


def clean_environ(bin_dir: Path, **extra: str) -> dict[str, str]:
    """The environment variables of a process that should know nothing of this checkout."""
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environ["PATH"] = f"{bin_dir}{os.pathsep}{environ.get('PATH', '')}"
    environ.update(extra)
    return environ


def pip_install(bin_dir: Path, *args: str, environ: dict[str, str] | None = None) -> None:
    """pip from this environment, installing into the one at bin_dir; never from an index."""
    subprocess.run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "--quiet",
                    "--no-index", "--no-deps", *args], check=True, capture_output=True, env=environ)
