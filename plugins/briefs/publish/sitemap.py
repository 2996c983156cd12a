"""``sitemap.xml`` and ``robots.txt`` from the written site.

The sitemap is made from the output folder, not from Pelican's objects, so every page any
generator wrote (briefs, tags, entity pages, listings) is in it with the URL its own
``<link rel="canonical">`` gives, and with the ``hreflang`` alternates its head lists.
A page that says ``<meta name="robots" content="noindex">`` is left out. Written by hand
because pelican-sitemap writes ``ref=`` for ``href=`` in its alternates.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Characters an URI keeps as they are: RFC 3986 reserved and unreserved, and '%' so that
# an already percent-encoded URI is not encoded twice.
URI_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


class SitemapError(RuntimeError):
    """The sitemap could not be written; the message names the file."""


def iri_to_uri(iri: str) -> str:
    """Percent-encode the non-ASCII characters of an IRI (RFC 3987, section 3.1).

    >>> iri_to_uri("https://example.org/tags/أوبك.html")
    'https://example.org/tags/%D8%A3%D9%88%D8%A8%D9%83.html'
    >>> iri_to_uri("tag:example.org,2024-11-14:/a%20b")
    'tag:example.org,2024-11-14:/a%20b'
    """
    return quote(iri, safe=URI_SAFE)


@dataclass(frozen=True, slots=True)
class PageHead:
    """What the sitemap needs from a page's ``<head>``."""

    canonical: str | None
    alternates: tuple[tuple[str, str], ...]  # (hreflang, href)
    noindex: bool
    modified: str | None  # article:modified_time or article:published_time

    def to_json(self) -> list[Any]:
        """Return the head as JSON values (kept between builds, see :func:`read_heads`).

        >>> head = PageHead("https://x.org/a.html", (("en", "https://x.org/a.html"),), False, None)
        >>> PageHead.from_json(head.to_json()) == head
        True
        """
        return [self.canonical, [list(pair) for pair in self.alternates], self.noindex,
                self.modified]

    @classmethod
    def from_json(cls, value: object) -> PageHead | None:
        """Return the head :meth:`to_json` gave; None for anything else."""
        try:
            canonical, alternates, noindex, modified = value  # type: ignore[misc]
            pairs = tuple((str(lang), str(href)) for lang, href in alternates)
        except (TypeError, ValueError):
            return None
        if not all(value is None or isinstance(value, str) for value in (canonical, modified)) \
                or not isinstance(noindex, bool):
            return None
        return cls(canonical, pairs, noindex, modified)


# The <link> and <meta> tags of a head, and the name="value" attributes of one tag. A head is
# markup the theme wrote (attributes quoted, values escaped), so two expressions read it; an
# HTML parser spent 0.5 ms a page on the JSON-LD and titles around these tags (1.4 s of a
# 1,000-brief build).
_HEAD_TAG = re.compile(r"<(link|meta)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# What a tag the sitemap reads says somewhere in it.
_WORDS_OF_INTEREST = ("canonical", "alternate", "robots", "article:")
# A <script> or <style> of the head may hold text that looks like a tag: it is skipped.
_RAW_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _attributes(source: str) -> dict[str, str]:
    """Return a tag's attributes, names lower-cased and character references decoded."""
    return {match[1].lower(): html.unescape(match[2] or match[3] or match[4] or "")
            for match in _ATTRIBUTE.finditer(source)}


def read_head(page: str) -> PageHead:
    """Read the canonical URL, hreflang alternates, robots and dates of one page.

    >>> head = read_head('<head><link rel="canonical" href="https://x.org/a.html">'
    ...                  '<link rel="alternate" hreflang="en" href="https://x.org/a.en.html">'
    ...                  '<script type="application/ld+json">{"a": "<link rel=canonical>"}'
    ...                  '</script></head><body><link rel="canonical" href="ignored"></body>')
    >>> head.canonical, head.alternates
    ('https://x.org/a.html', (('en', 'https://x.org/a.en.html'),))
    >>> read_head('<head><meta name="robots" content="noindex, follow"></head>').noindex
    True
    >>> head = read_head('<head><meta property="article:published_time" content="2024-11-14T10:00'
    ...                  '+01:00"><link rel="canonical" href="/a?b=1&amp;c=2"></head>')
    >>> head.canonical, head.modified
    ('/a?b=1&c=2', '2024-11-14T10:00+01:00')
    """
    end = page.find("</head>")
    head = _RAW_TEXT.sub("", page if end < 0 else page[:end])
    canonical: str | None = None
    alternates: list[tuple[str, str]] = []
    noindex = False
    times: dict[str, str] = {}
    for tag, source in _HEAD_TAG.findall(head):
        if not any(word in source for word in _WORDS_OF_INTEREST):
            continue  # a stylesheet, icon, description or Open Graph tag
        attributes = _attributes(source)
        rel = attributes.get("rel", "").split()
        if tag.lower() == "link":
            if "canonical" in rel and canonical is None:
                canonical = attributes.get("href")
            elif "alternate" in rel and attributes.get("hreflang") and attributes.get("href"):
                pair = (attributes["hreflang"], attributes["href"])
                if pair not in alternates:
                    alternates.append(pair)
        elif attributes.get("name") == "robots" and "noindex" in attributes.get("content", ""):
            noindex = True
        elif attributes.get("property", "").startswith("article:") and attributes.get("content"):
            times[attributes["property"]] = attributes["content"]
    modified = times.get("article:modified_time") or times.get("article:published_time")
    return PageHead(canonical=canonical, alternates=tuple(alternates), noindex=noindex,
                    modified=modified)


def head_text(path: Path, chunk: int = 16384) -> str:
    """Return a page's text up to its ``</head>`` (all of it if there is none).

    The sitemap reads heads only: at 10,000 briefs the pages hold 700 MB, their heads a
    third of that.
    """
    read = b""
    with path.open("rb") as page:
        while block := page.read(chunk):
            # The end tag may straddle two blocks: look from just before the new one.
            start = max(0, len(read) - len(b"</head>"))
            read += block
            if read.find(b"</head>", start) >= 0:
                break
    return read.decode("utf-8", errors="replace")


def read_heads(output: Path, skip: frozenset[str] = frozenset(),
               known: Mapping[str, PageHead] | None = None) -> dict[str, PageHead]:
    """Return the head of every HTML page under ``output``, by path relative to it.

    ``skip`` holds such paths (404 pages, the search bundle's files). ``known`` gives the
    heads already known of some pages (a page copied from the page cache: the same bytes
    as when its head was read); the others are read.
    """
    known = known or {}
    heads = {}
    for path in output.rglob("*.html"):
        relative = path.relative_to(output).as_posix()
        if relative in skip or any(relative.startswith(prefix) for prefix in skip
                                   if prefix.endswith("/")):
            continue
        head = known.get(relative)
        heads[relative] = head if head is not None else read_head(head_text(path))
    return heads


def sitemap_pages(heads: Mapping[str, PageHead], output: Path) -> list[PageHead]:
    """Return the indexable pages of ``heads`` (:func:`read_heads`), sorted by URL.

    A page without a canonical link raises :class:`SitemapError`: every page must have one.
    """
    pages = []
    for relative, head in sorted(heads.items()):
        if head.noindex:
            continue
        if not head.canonical:
            msg = f"sitemap: {output / relative} has no <link rel=\"canonical\">"
            raise SitemapError(msg)
        pages.append(head)
    return sorted(pages, key=lambda head: head.canonical or "")


def sitemap_xml(pages: list[PageHead]) -> str:
    """Return the sitemap of ``pages``, with ``xhtml:link`` alternates for translations.

    >>> xml = sitemap_xml([PageHead("https://x.org/أ.html", (("ar", "https://x.org/أ.html"),
    ...     ("en", "https://x.org/a.en.html")), False, "2024-11-14T10:00:00+00:00")])
    >>> "<loc>https://x.org/%D8%A3.html</loc>" in xml, xml.count("<xhtml:link")
    (True, 2)
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    for page in pages:
        lines.append("  <url>")
        lines.append(f"    <loc>{xml_escape(iri_to_uri(page.canonical or ''))}</loc>")
        if page.modified:
            lines.append(f"    <lastmod>{xml_escape(page.modified)}</lastmod>")
        for lang, href in page.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} '
                         f"href={quoteattr(iri_to_uri(href))}/>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(sitemap_url: str) -> str:
    """Return a ``robots.txt`` that allows everything and names the sitemap.

    >>> print(robots_txt("https://x.org/sitemap.xml"), end="")
    User-agent: *
    Allow: /
    Sitemap: https://x.org/sitemap.xml
    """
    return f"User-agent: *\nAllow: /\nSitemap: {iri_to_uri(sitemap_url)}\n"
