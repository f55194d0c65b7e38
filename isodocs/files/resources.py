"""Where the data that ships with isodocs lives: catalogs, the template, the hooks, the schemas.

In a wheel, the top-level `standards/` and `template/` (with its `hooks/`) folders are packed into
`isodocs/_data/`; in a checkout (or an editable install) they are read where they stand.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def cache_directory() -> Path:
    """Where isodocs keeps what it parsed for the next run: ISODOCS_CACHE_DIR, else the user's cache folder."""
    configured = os.environ.get("ISODOCS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "isodocs"


@cache
def data_dir(name: str) -> Path:
    """The folder `name` (`standards`, `template`) from the wheel or the checkout.

    ISODOCS_STANDARDS names another folder of catalogs (an organization's own, or a test's)."""
    if name == "standards" and os.environ.get("ISODOCS_STANDARDS"):
        return Path(os.environ["ISODOCS_STANDARDS"])
    for candidate in (PACKAGE_DIR / "_data" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"isodocs is installed without its {name}/ folder")


def schema_path(name: str) -> Path:
    return PACKAGE_DIR / "schemas" / f"{name}.schema.json"


def project_url() -> str:
    """The isodocs repository's URL, written once in pyproject.toml ([project.urls] Source)."""
    try:
        entries = metadata.metadata("isodocs").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        entries = []
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "source":
            return url.strip()
    from isodocs.errors import IsodocsError
    from isodocs.translation import say
    raise IsodocsError(say("install.no-project-urls"), hint=say("install.again"))
