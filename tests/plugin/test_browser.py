"""The built handbook opened in headless Chromium, as a reader sees it."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from scaffold import scaffold
from test_manual import sections
from test_site import build

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
         "--disable-domain-reliability", "--disable-client-side-phishing-detection",
         "--disable-features=AutofillServerCommunication,NetworkTimeServiceQuerying,OptimizationHints,MediaRouter"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    assert CHROMIUM, "Chromium is not installed: .ci/run installs Debian's chromium package"
    root = scaffold(tmp_path_factory.mktemp("browser") / "acme", "iso27001-2022", "iso9001-2015")
    assert build(root).returncode == 0
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}", tmp_path_factory.mktemp("chromium")
    server.shutdown()


def chromium(profile: Path, *args: str) -> str:
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_register_lists_every_document_in_the_browser(site):
    root, url, profile = site
    from isodocs.model.repository import Repository
    dom = chromium(profile, "--dump-dom", f"{url}/overview/register/")
    for document in Repository.load(root).documents:
        assert f">{document.id}</a>" in dom, document.id


def test_document_page_shows_its_panel_and_a_screenshot_is_kept(site):
    _root, url, profile = site
    dom = chromium(profile, "--dump-dom", f"{url}/procedures/internal-audit/")
    assert 'class="isodocs-panel"' in dom and "PRO-008" in dom and "Management System Manager" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "document-page.png"
    shot.unlink(missing_ok=True)
    chromium(profile, "--window-size=1280,1400", f"--screenshot={shot}", f"{url}/procedures/internal-audit/")
    assert shot.stat().st_size > 10_000


def test_coverage_page_shows_the_readiness_in_the_browser(site):
    _root, url, profile = site
    dom = chromium(profile, "--dump-dom", f"{url}/overview/coverage-iso27001-2022/")
    assert "Readiness: 0%" in dom and 'data-required="106"' in dom


def test_home_dashboard_and_manual_navigation_in_the_browser(site):
    root, url, profile = site
    import json
    import re
    from collections import Counter

    from conftest import run
    dom = chromium(profile, "--dump-dom", f"{url}/")
    report = json.loads(run("check", str(root), "--format", "json").out)
    rules = Counter(f["rule"] for f in report["findings"])
    for figure, rule in (("reviews_overdue", "review-overdue"), ("reviews_due_soon", "review-due-soon"),
                         ("actions_overdue", "nonconformity-overdue")):
        tag = re.search(rf'<div [^>]*data-figure="{figure}"[^>]*>', dom).group(0)
        assert f'data-count="{rules[rule]}"' in tag, (figure, tag)
    for catalog, ready in report["readiness"].items():
        assert f'data-catalog="{catalog}" data-percent="{ready["percent"]:g}"' in dom
    assert sections(dom) == ["Manual", "Policies", "Procedures", "Plans", "Registers", "Records", "Forms", "Overview"]
    page = chromium(profile, "--dump-dom", f"{url}/policies/backup/")
    assert 'class="isodocs-status isodocs-status--draft"' in page and 'class="md-status md-status--draft"' in page
    assert '<div class="admonition warning isodocs-banner" data-status="draft">' in page
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard.png"
    shot.unlink(missing_ok=True)
    chromium(profile, "--window-size=1280,1400", f"--screenshot={shot}", f"{url}/")
    assert shot.stat().st_size > 10_000


def page_requests(profile: Path, page: str, log: Path) -> list[str]:
    """Every URL Chromium requested for `page` (and what it loaded, its scripts' requests included), from its
    network log. The browser's own requests (sign-in, time) are made for no page: their network isolation key
    names another site, or none, and are left out."""
    log.unlink(missing_ok=True)
    chromium(profile, f"--log-net-log={log}", "--virtual-time-budget=5000", "--dump-dom", page)
    data = json.loads(log.read_text(encoding="utf-8"))
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    site = "{0.scheme}://{0.hostname}".format(urlparse(page))
    requests = []
    for event in data["events"]:
        params = event.get("params") or {}
        if event["type"] == start and site in str(params.get("network_isolation_key", "")).split():
            requests.append(params["url"])
    return requests


def test_pages_make_no_request_to_another_host_in_chromium(site, tmp_path: Path):
    root, url, profile = site
    server = urlparse(url).netloc
    (root / "site" / "outside-control.html").write_text(
        '<!doctype html><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<img src="https://cdn.example.com/logo.png"><p>control</p>', encoding="utf-8")
    control = page_requests(profile, f"{url}/outside-control.html", tmp_path / "control.json")
    assert {urlparse(u).netloc for u in control} >= {"fonts.googleapis.com", "cdn.example.com", server}, control
    for page in ("/", "/policies/backup/", "/overview/register/", "/overview/coverage-iso27001-2022/"):
        requests = page_requests(profile, url + page, tmp_path / "net.json")
        assert any(u.endswith("/search/search_index.json") for u in requests), (page, requests)  # its scripts ran
        assert any(urlparse(u).path.endswith(".css") for u in requests), (page, requests)
        outside = [u for u in requests if urlparse(u).netloc != server]
        assert not outside, (page, outside)
