"""Page weight: what a brief page costs a reader on a phone, measured in Chromium.

The demo site is served as GitHub Pages serves it: text (HTML, CSS, JavaScript, JSON, XML,
SVG) gzip-compressed when the browser accepts it, fonts as they are (WOFF2 is compressed
already), every file with ``Cache-Control: max-age=600``. The browser's Resource Timing
entries give what crossed the network (``transferSize``: headers and encoded body; 0 for a
file served from the cache).

- First load, nothing cached: at most 150 KB, the Arabic font subsets included.
- The next brief, fonts and CSS cached: at most 40 KB.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIRST_LOAD_MAX = 150 * 1024
CACHED_LOAD_MAX = 40 * 1024
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
TRANSFERRED = """() => [performance.getEntriesByType('navigation')[0],
                        ...performance.getEntriesByType('resource')]
                       .map((entry) => [entry.name, entry.transferSize])"""


class PagesLikeHandler(http.server.BaseHTTPRequestHandler):
    """Serve a built site with gzip and a cache lifetime, as GitHub Pages does."""

    root: Path

    def do_GET(self) -> None:
        path = self.root / unquote(urlsplit(self.path).path).lstrip("/")
        if path.is_dir():
            path /= "index.html"
        if not path.resolve().is_relative_to(self.root.resolve()) or not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        gzipped = (path.suffix in COMPRESSED
                   and "gzip" in self.headers.get("Accept-Encoding", ""))
        if gzipped:
            body = gzip.compress(body, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0]
                         or "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def pages_server(built_site: Path) -> Iterator[str]:
    """The Arabic demo site, served like GitHub Pages."""
    handler = type("Handler", (PagesLikeHandler,), {"root": built_site})
    yield from serve(handler)


def _heaviest_briefs(site: Path, count: int) -> list[str]:
    """Return the URL paths of the ``count`` largest brief pages, largest first."""
    pages = sorted((site / "briefs").glob("*.html"), key=lambda p: (-p.stat().st_size, p.name))
    return [page.relative_to(site).as_posix() for page in pages[:count]]


def _transferred(page: object) -> tuple[int, list[tuple[str, int]]]:
    entries = page.evaluate(TRANSFERRED)
    return sum(size for _name, size in entries), entries


def test_a_brief_page_is_light_on_first_load_and_lighter_after(browser, built_site,
                                                                pages_server) -> None:
    heaviest, *others = _heaviest_briefs(built_site, 3)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{pages_server}/{heaviest}", wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        first, entries = _transferred(page)
        names = [name for name, _size in entries]
        assert any(name.endswith(".woff2") for name in names), \
            f"the Arabic font was not loaded: the measure would be too kind ({names})"
        print(f"first load of {heaviest}: {first} bytes: {entries}")
        assert first <= FIRST_LOAD_MAX, f"{heaviest}: {first} bytes on first load: {entries}"
        for other in others:
            page.goto(f"{pages_server}/{other}", wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            after, entries = _transferred(page)
            print(f"next load of {other}: {after} bytes: {entries}")
            cached = [name for name, size in entries if size == 0]
            assert any(name.endswith(".css") for name in cached), entries
            assert after <= CACHED_LOAD_MAX, f"{other}: {after} bytes with CSS and fonts cached"
    finally:
        context.close()
