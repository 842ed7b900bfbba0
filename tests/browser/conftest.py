"""Browser tests: the fixture project built once, served on 127.0.0.1, opened in Debian's Chromium.

Chromium is never downloaded: Playwright drives /usr/bin/chromium (installed by
.ci/run with apt). Without it the tests fail with a message saying so; they
never skip, so a CI machine without a browser cannot pass silently.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.site_project import REPO, make_project, set_languages

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        return None


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 (a free port) while the block runs: its URL, ending in ``/``."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


SIX_LANGUAGES = ["en", "ko", "ja", "zh_Hans", "ru", "ar"]


@contextlib.contextmanager
def six_language_site(folder: Path, prepare: Callable[[Path], None] | None = None) -> Iterator[str]:
    """The fixture project in all six languages (``prepare(project)`` first), built and served: its URL."""
    from pipeline.config import load_config
    from pipeline.site import build_site

    project = make_project(folder / "project")
    set_languages(project, SIX_LANGUAGES)
    if prepare is not None:
        prepare(project)
    result = build_site(load_config(project), progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    with served(project / "site") as url:
        yield url


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.config import load_config
    from pipeline.site import build_site

    project = make_project(tmp_path_factory.mktemp("browser") / "project")
    result = build_site(load_config(project), progress=False)
    assert not result.failed, [str(f) for f in result.failures]
    return project / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium), as .ci/run does")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def serious_violations(page: object) -> list[str]:
    """axe-core's serious and critical violations on the page open in ``page``, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
