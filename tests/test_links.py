"""Crawl the published site as GitHub Pages serves a project site: below ``/mujaz/``.

The site is built with publishconf.py and ``SITEURL=http://127.0.0.1:PORT/mujaz``, served
by a local HTTP server that maps ``/mujaz/`` to the output folder (anything else is a
404), and crawled from the home page: every internal link, stylesheet, font, script,
image and feed reachable from it, plus ``url()`` in CSS, must answer 200.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

from briefs.publish.sitemap import iri_to_uri
from published import PREFIX, published_site

pytestmark = pytest.mark.slow

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# (tag, attribute) pairs that load or link to a resource.
LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
           ("source", "src"), ("form", "action"), ("section", "data-pagefind")}


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serve ``directory`` under PREFIX only, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if route != PREFIX and not route.startswith(PREFIX + "/"):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path(path[len(PREFIX):] or "/")

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (tag, name) in LINKING:
                self.urls.append(value)


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    output, siteurl = published_site()
    port = urlsplit(siteurl).port
    handler = functools.partial(_PrefixHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield siteurl
    finally:
        server.shutdown()
        server.server_close()


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(iri_to_uri(url), timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(start: str, siteurl: str) -> tuple[dict[str, int], list[str]]:
    """Return {url: status} for everything reachable from ``start`` inside ``siteurl``."""
    seen: dict[str, int] = {}
    broken: list[str] = []
    queue = [(start, "(start)")]
    while queue:
        url, referrer = queue.pop()
        if url in seen:
            continue
        status, kind, body = _fetch(url)
        seen[url] = status
        if status != 200:
            broken.append(f"{url} (HTTP {status}) linked from {referrer}")
            continue
        if kind == "text/html":
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            found = parser.urls
        elif kind == "text/css":
            found = CSS_URL.findall(body.decode("utf-8"))
        else:
            found = []
        for raw in found:
            target = unquote(urldefrag(urljoin(url, raw)).url.split("?")[0])
            if target.startswith(siteurl + "/") or target == siteurl:
                queue.append((target, url))
    return seen, broken


def test_no_broken_internal_link_below_a_subpath(served: str) -> None:
    seen, broken = crawl(served + "/", served)
    assert not broken, f"{len(broken)} broken of {len(seen)}:\n" + "\n".join(broken[:20])
    kinds = {Path(urlsplit(url).path).suffix for url in seen}
    # Pages, styles, the web font, the search script and Pagefind, feeds: all reached.
    assert {".html", ".css", ".woff2", ".js", ".xml"} <= kinds, kinds
    assert any(url.endswith("/pagefind/pagefind.js") for url in seen)
    print(f"crawled {len(seen)} URLs: " + ", ".join(
        f"{sum(1 for u in seen if Path(urlsplit(u).path).suffix == k)} {k or '/'}"
        for k in sorted(kinds)))


def test_outside_the_prefix_is_not_served(served: str) -> None:
    root = served.removesuffix(PREFIX)
    assert _fetch(root + "/index.html")[0] == 404
