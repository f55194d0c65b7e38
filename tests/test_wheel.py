"""The wheel carries the catalogs: install it in a fresh environment and use it outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installed_outside_the_checkout_prints_the_27001_catalog(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("isodocs-*.whl"))
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    # The dependencies come from this environment; isodocs itself only from the wheel.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([str(python), "-c", "import isodocs; print(isodocs.__file__)"], cwd=elsewhere,
                           check=True, capture_output=True, text=True, env=environment).stdout
    assert where.startswith(str(env_dir))
    result = subprocess.run([str(env_dir / "bin" / "isodocs"), "standards", "show", "iso27001-2022", "--format",
                             "json"], cwd=elsewhere, capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert len(entries) == 138
    assert sum(1 for e in entries if e["control"]) == 93
    assert [e["id"] for e in entries if e["id"] in ("A.5", "A.6", "A.7", "A.8")] == ["A.5", "A.6", "A.7", "A.8"]
