"""Fetch a page or a feed over HTTP(S), politely and within bounds; read a feed's items.

urllib3 (what trafilatura itself fetches with): a timeout on connecting and on each read, a
deadline for the whole download, a size cap checked against ``Content-Length`` and again
while reading, a user agent that says who is asking, and at most a few redirects, each of
which must stay on http(s). Feeds (RSS 2.0, RSS 1.0, Atom) are parsed with lxml without
entities, DTDs or network access.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from briefs.cli.extract import http_url, one_line, parse_date

USER_AGENT = "Mujaz/0.1 (news brief importer: mujaz import, one page at a time)"
#: A page larger than this is refused (news pages are 50 KB to 3 MB; a 50 MB one is not news).
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
TOTAL_TIMEOUT = 60.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


class FetchError(ValueError):
    """A page or feed could not be fetched; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded document: its bytes, the address it ended at, and its content type."""

    body: bytes
    url: str
    content_type: str


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: the address it links to, and its date when the feed gives one."""

    url: str
    date: datetime | None


def fetch(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = TOTAL_TIMEOUT,
          pool: object | None = None) -> Fetched:
    """Download ``url`` (http or https only), following redirects; raise :class:`FetchError`."""
    import urllib3

    if not http_url(url):
        raise FetchError(f"{url}: not an http(s) address")
    manager = pool or urllib3.PoolManager(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                 "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                 "Accept-Encoding": "gzip, deflate"},
        timeout=urllib3.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT),
        retries=urllib3.Retry(total=3, connect=2, read=1, redirect=MAX_REDIRECTS,
                              allowed_methods=frozenset({"GET"}), raise_on_status=False))
    started = time.monotonic()
    try:
        response = manager.request("GET", url, preload_content=False,  # type: ignore[attr-defined]
                                   decode_content=True, redirect=True)
    except urllib3.exceptions.MaxRetryError as error:
        raise FetchError(f"{url}: {_reason(error.reason)}") from error
    except (urllib3.exceptions.HTTPError, OSError, ValueError) as error:
        raise FetchError(f"{url}: {_reason(error)}") from error
    try:
        final = _final_url(url, response)
        if not http_url(final):
            raise FetchError(f"{url}: redirected to {final!r}, not an http(s) address")
        if response.status >= 400:
            raise FetchError(f"{url}: the server answered HTTP {response.status}")
        body = _read_capped(response, url, max_bytes, started + timeout)
        return Fetched(body, str(final),
                       response.headers.get("Content-Type", "").split(";")[0].strip().lower())
    finally:
        response.release_conn()


def _final_url(url: str, response: object) -> str:
    """Return the address a response ended at, after redirects (urllib3 may give a path)."""
    final = url
    for step in getattr(getattr(response, "retries", None), "history", ()) or ():
        if step.redirect_location:
            final = urljoin(final, step.redirect_location)
    return final


def _read_capped(response: object, url: str, max_bytes: int, deadline: float) -> bytes:
    """Read a response body, refusing one over ``max_bytes`` or still coming at ``deadline``."""
    import urllib3

    length = response.headers.get("Content-Length", "")  # type: ignore[attr-defined]
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url}: {int(length)} bytes, more than the {max_bytes} allowed "
                         "(--max-bytes)")
    chunks, size = [], 0
    try:
        for chunk in response.stream(_CHUNK):  # type: ignore[attr-defined]
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: more than the {max_bytes} bytes allowed (--max-bytes)")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: the download took too long")
            chunks.append(chunk)
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise FetchError(f"{url}: {_reason(error)}") from error
    return b"".join(chunks)


def _reason(error: object) -> str:
    text = one_line(str(error))
    return text.split(": ", 1)[-1] if "object at 0x" in text else text


_FEED_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                               huge_tree=False, recover=True)


#: Item date elements, the publication date first (Atom's ``updated`` only as a last resort).
_DATE_TAGS = ("pubdate", "published", "issued", "date", "updated")


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _feed_date(value: str) -> datetime | None:
    value = one_line(value)
    if not value:
        return None
    parsed = parse_date(value)
    if parsed is not None:
        return parsed
    try:
        return parsedate_to_datetime(value)  # RSS's RFC 822 dates
    except (TypeError, ValueError, IndexError):
        return None


def feed_items(body: bytes, base: str = "") -> list[FeedItem]:
    """Return the items of an RSS or Atom feed (their http(s) links and dates), in order.

    >>> rss = b"<rss><channel><item><link>https://x.org/a</link>"
    >>> rss += b"<pubDate>Thu, 14 Nov 2024 10:00:00 +0300</pubDate></item></channel></rss>"
    >>> [(i.url, i.date.isoformat()) for i in feed_items(rss)]
    [('https://x.org/a', '2024-11-14T10:00:00+03:00')]
    """
    try:
        root = etree.fromstring(body, _FEED_PARSER)
    except etree.XMLSyntaxError as error:
        raise FetchError(f"{base or 'the feed'}: not an RSS or Atom feed ({error})") from error
    if root is None or _local(root.tag) not in {"rss", "feed", "rdf"}:
        raise FetchError(f"{base or 'the feed'}: not an RSS or Atom feed")
    items = []
    for entry in root.iter():
        if _local(entry.tag) not in {"item", "entry"}:
            continue
        link, dates = "", {}
        for child in entry:
            name = _local(child.tag)
            if name == "link" and not link:
                href = child.get("href")
                rel = (child.get("rel") or "alternate").lower()
                if href is not None and rel == "alternate":
                    link = http_url(href, base)
                elif href is None:
                    link = http_url(child.text or "", base)
            elif name in _DATE_TAGS:
                dates.setdefault(name, _feed_date(child.text or ""))
        date = next((dates[name] for name in _DATE_TAGS if dates.get(name)), None)
        if not link:
            about = entry.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about") or ""
            link = http_url(about, base)
        if link:
            items.append(FeedItem(link, date))
    return items
