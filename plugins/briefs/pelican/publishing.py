"""Publishing receivers: settings check, Atom ids, head metadata, sitemap, robots, search.

Wired in :func:`briefs.plugin.register`; each receiver is a module-level function (Pelican
holds receivers by weak reference). Two settings drive them (see README, "Publishing"):

- ``BRIEFS_PUBLISHING`` (publishconf.py sets it): ``SITEURL`` must then be an absolute
  ``http(s)`` address and ``RELATIVE_URLS`` off, checked before anything is read.
- ``BRIEFS_SEARCH`` (default on): a ``search.html`` page (the Pagefind index of the briefs
  is written by :class:`briefs.pelican.generators.EntityPagesGenerator`).

A step that fails raises an error naming the step and the file, so the build fails
instead of publishing a site without its feed ids, sitemap or search index.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from feedgenerator import SyndicationFeed
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from pelican import Pelican
from pelican.contents import Article
from pelican.generators import Generator

from briefs.publish import searchnorm
from briefs.publish.jsonld import article_jsonld, jsonld_script
from briefs.publish.sitemap import (
    PageHead,
    SitemapError,
    iri_to_uri,
    read_heads,
    robots_txt,
    sitemap_pages,
    sitemap_xml,
)
from briefs.settings import BriefsConfigError

if TYPE_CHECKING:  # render_pool imports this module
    from briefs.pelican.render_pool import RenderPlan

logger = logging.getLogger(__name__)

SEARCH_TEMPLATE = "search"
# Pages that are not content: the error page and Pagefind's own files.
SITEMAP_SKIP = frozenset({"404.html", "pagefind/"})
HEADS_NOTES = "sitemap-heads.json"  # beside the kept pages: each entry's head, as read


class PublishConfigError(BriefsConfigError):
    """The settings cannot publish a site (for example an empty ``SITEURL``)."""


class FeedError(RuntimeError):
    """A feed could not be made valid; the message names the feed."""


def _publishing(settings: Mapping[str, Any]) -> bool:
    return bool(settings.get("BRIEFS_PUBLISHING", False))


def _search(settings: Mapping[str, Any]) -> bool:
    return bool(settings.get("BRIEFS_SEARCH", True))


def _absolute(siteurl: object) -> bool:
    parts = urlsplit(siteurl) if isinstance(siteurl, str) else None
    return bool(parts and parts.scheme in {"http", "https"} and parts.netloc)


# ── initialized ─────────────────────────────────────────────────────────────────────────


def check_publishing(pelican: Pelican) -> None:
    """With ``BRIEFS_PUBLISHING``, stop unless ``SITEURL`` is absolute and URLs are too."""
    settings = pelican.settings
    if not _publishing(settings):
        return
    siteurl = settings.get("SITEURL")
    if not _absolute(siteurl):
        msg = (f"BRIEFS_PUBLISHING is on but SITEURL is {siteurl!r}: set SITEURL to the "
               "site's absolute address, e.g. SITEURL = \"https://USER.github.io/REPO\" in "
               "publishconf.py, or the SITEURL environment variable, or pass "
               "--extra-settings SITEURL='\"https://…\"' (the Pages workflow does)")
        raise PublishConfigError(msg)
    if settings.get("RELATIVE_URLS"):
        msg = ("BRIEFS_PUBLISHING is on but RELATIVE_URLS is True: set RELATIVE_URLS = False "
               "in publishconf.py (feeds, canonical links and the sitemap need absolute URLs)")
        raise PublishConfigError(msg)


def add_search_page(pelican: Pelican) -> None:
    """Add ``search.html`` (the ``search`` direct template) when search is on."""
    settings = pelican.settings
    templates = list(settings.get("DIRECT_TEMPLATES") or [])
    if _search(settings) and SEARCH_TEMPLATE not in templates:
        settings["DIRECT_TEMPLATES"] = [*templates, SEARCH_TEMPLATE]


# ── generator_init: template helpers ───────────────────────────────────────────────────


def page_path(output_file: str | None) -> str:
    """Return the URL path (below SITEURL) of the page written to ``output_file``.

    >>> page_path("index.html"), page_path("page/2/index.html"), page_path("briefs/a.html")
    ('', 'page/2/', 'briefs/a.html')
    """
    path = (output_file or "").replace("\\", "/")
    if path == "index.html" or path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def og_locale(lang: str | None) -> str:
    """Return the Open Graph locale (``language_TERRITORY``) of a language code.

    >>> og_locale("ar"), og_locale("en"), og_locale("fr_CA"), og_locale("zz")
    ('ar_EG', 'en_US', 'fr_CA', 'zz')
    """
    code = (lang or "").replace("-", "_")
    try:
        locale = Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return code
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    likely = get_global("likely_subtags").get(locale.language, "")
    territory = Locale.parse(likely).territory if likely else None
    return f"{locale.language}_{territory}" if territory else locale.language


@pass_context
def news_article_jsonld(context: Context, article: object, url: str,
                        summary: str = "") -> Markup:
    """Return the brief's JSON-LD ``<script>`` (a Jinja filter: ``article|news_article_jsonld``)."""
    return jsonld_script(article_jsonld(article, url, str(summary or ""), context))


def policy_with_wasm(policy: str) -> str:
    """Return a Content-Security-Policy that also lets scripts compile WebAssembly.

    Pagefind runs its index as WebAssembly, which ``script-src`` must allow with
    ``'wasm-unsafe-eval'`` (never ``'unsafe-eval'``): only the search page needs it.

    >>> policy_with_wasm("default-src 'self'; script-src 'self'")
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"
    >>> policy_with_wasm("default-src 'self'")
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"
    >>> policy_with_wasm("")
    ''
    """
    if not policy:
        return ""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [directive.split()[0].lower() for directive in directives]
    if "script-src" not in names:
        # Without script-src, scripts follow default-src: give script-src the same sources.
        fallback = next((d for d, n in zip(directives, names, strict=True)
                         if n == "default-src"), "default-src 'self'")
        directives.append("script-src" + fallback[len("default-src"):])
        names.append("script-src")
    index = names.index("script-src")
    if "'wasm-unsafe-eval'" not in directives[index].split():
        directives[index] += " 'wasm-unsafe-eval'"
    return "; ".join(directives)


def install_jinja(generator: Generator) -> None:
    """Add the publishing filters and the search normaliser's tables to a generator.

    Its templates are not checked for changes at each use: a build renders thousands of
    pages, each including a dozen partials, and each check is a ``stat`` of the file
    (``pelican --autoreload`` makes new generators, with new environments, at each change).
    """
    generator.env.auto_reload = False
    generator.env.filters.update(
        page_path=page_path, og_locale=og_locale, news_article_jsonld=news_article_jsonld,
        jsonld_script=jsonld_script, iri_to_uri=iri_to_uri)
    rules = json.dumps(searchnorm.rules(), ensure_ascii=False).replace("<", "\\u003c")
    policy = str(generator.settings.get("BRIEFS_CONTENT_SECURITY_POLICY", ""))
    generator.env.globals.update(BRIEFS_SEARCH=_search(generator.settings),
                                 SEARCH_RULES_JSON=Markup(rules),
                                 SEARCH_CONTENT_SECURITY_POLICY=policy_with_wasm(policy))


class SummaryEntry:
    """A brief as an entity or tag feed carries it: the summary, never the whole body (a
    brief is in the feeds of its 20-40 entities and of each of its tags)."""

    def __init__(self, article: Article, url: str) -> None:
        self._article = article
        self.url = url

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - the article's own attributes
        return getattr(self._article, name)

    def get_content(self, siteurl: str) -> str:
        """Return the summary where Pelican's feed writer asks for the content."""
        return self._article.get_summary(siteurl)


def summary_feeds(settings: Mapping[str, Any]) -> re.Pattern[str] | None:
    """Return what the paths of Pelican's tag feeds match (``TAG_FEED_ATOM``,
    ``TAG_FEED_RSS``), the feeds that carry summaries; None when there are none."""
    patterns = [re.escape(str(pattern)).replace(re.escape("{slug}"), "[^/]+")
                for pattern in (settings.get("TAG_FEED_ATOM"), settings.get("TAG_FEED_RSS"))
                if pattern]
    return re.compile("|".join(patterns)) if patterns else None


# ── feed_generated ──────────────────────────────────────────────────────────────────────


def plain_feed_titles(context: Mapping[str, Any], feed: SyndicationFeed) -> None:
    """Give each feed entry its brief's title exactly as the editor typed it.

    Pelican's feed writer reads a title as HTML (``Markup(title).striptags()``), which is
    right for its rST titles but drops ``<…>`` and decodes ``&lt;`` in the plain-text
    titles the plugin keeps (:mod:`briefs.pelican.intake`). Entries are matched to briefs
    by their link's path; an entry linking to a place in a brief (``#quote-2``: the quotes
    feed) is not the brief and keeps its own title.
    """
    titles = context.get("brief_titles")  # made once a build (a brief's URL costs 30 µs)
    if titles is None:
        titles = {str(article.url): str(article.title)
                  for article in context.get("annotated_briefs", ())}
    for item in feed.items:
        link = urlsplit(str(item.get("link") or ""))
        if link.fragment:
            continue
        path = unquote(link.path).lstrip("/")
        # The link is SITEURL (or FEED_DOMAIN) and the brief's URL: try each path suffix.
        parts = path.split("/")
        title = next((titles[key] for key in ("/".join(parts[i:]) for i in range(len(parts)))
                      if key in titles), None)
        if title is not None:
            item["title"] = title


def ascii_feed_ids(context: Mapping[str, Any], feed: SyndicationFeed) -> None:
    """Percent-encode a feed's ids and links and give it ``xml:lang``.

    Pelican builds entry ids as ``tag:`` URIs from the raw link, so an Arabic slug puts
    Arabic into ``<id>``, which feed validators reject (getpelican/feedgenerator#49). The
    encoded form names the same resource (RFC 3987, section 3.1). Works for every feed
    (site, tag, translation, entity), whatever generator wrote it.
    """
    where = feed.feed.get("feed_url") or feed.feed.get("link") or "a feed"
    try:
        for key in ("id", "link", "feed_url"):
            if feed.feed.get(key):
                feed.feed[key] = iri_to_uri(feed.feed[key])
        if not feed.feed.get("language"):
            feed.feed["language"] = context.get("DEFAULT_LANG") or None
        for item in feed.items:
            for key in ("unique_id", "link"):
                if item.get(key):
                    item[key] = iri_to_uri(item[key])
    except (TypeError, ValueError, AttributeError) as error:
        raise FeedError(f"feeds: making the ids of {where} ASCII-safe: {error}") from error


# ── finalized ───────────────────────────────────────────────────────────────────────────


def _read_heads(output: Path, plan: RenderPlan | None) -> dict[str, PageHead]:
    """Read the heads of the output's pages; a page copied from the page cache has the head
    noted when the sitemap last read that very entry, and is not read again."""
    cache = plan.pages if plan is not None else None
    if cache is None:
        return read_heads(output, SITEMAP_SKIP)
    entries = cache.page_entries()
    notes = cache.read_notes(HEADS_NOTES)
    known = {path: head for path, name in entries.items()
             if (head := PageHead.from_json(notes.get(name))) is not None}
    heads = read_heads(output, SITEMAP_SKIP, known)
    cache.write_notes(HEADS_NOTES, {name: heads[path].to_json()
                                    for path, name in entries.items() if path in heads})
    return heads


def write_site_files(pelican: Pelican) -> None:
    """Write ``.nojekyll``, and with an absolute SITEURL ``sitemap.xml`` and ``robots.txt``.

    ``.nojekyll`` stops GitHub Pages from running Jekyll, which would hide files and
    folders that start with an underscore.
    """
    output = Path(pelican.output_path)
    nojekyll = output / ".nojekyll"
    try:
        nojekyll.write_text("", encoding="utf-8")
    except OSError as error:
        raise SitemapError(f"pages: writing {nojekyll}: {error}") from error
    siteurl = pelican.settings.get("SITEURL")
    if not _absolute(siteurl):
        logger.debug("sitemap: SITEURL %r is not absolute; no sitemap.xml or robots.txt",
                     siteurl)
        return
    sitemap = output / "sitemap.xml"
    try:
        heads = _read_heads(output, getattr(pelican.settings.get("BRIEFS"), "render", None))
        pages = sitemap_pages(heads, output)
        sitemap.write_text(sitemap_xml(pages), encoding="utf-8")
        (output / "robots.txt").write_text(robots_txt(f"{siteurl}/sitemap.xml"),
                                           encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SitemapError(f"sitemap: writing {sitemap}: {error}") from error
    logger.info("sitemap: %d pages in %s", len(pages), sitemap)
