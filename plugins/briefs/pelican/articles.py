"""Turn the articles read by Pelican into briefs: analyse each, index the site, write markup.

Glue only: the text work is done by :mod:`briefs.analysis`, the index by
:mod:`briefs.site.entities`, the markup by :mod:`briefs.markup.render`. Reads and writes
``article._content`` only, never ``article.content`` (memoised: an early read would freeze
the page's HTML; getpelican/pelican#1986).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pelican.contents import Article
from pelican.utils import (
    strip_toc_elements_from_html,
    truncate_html_paragraphs,
    truncate_html_words,
)

from briefs.analyse_pool import Analyser, analyse_html
from briefs.analysis.boilerplate import find_boilerplate, removal_ranges
from briefs.analysis.entities import Gazetteer
from briefs.analysis.model import Dateline, Document, Span
from briefs.cache import AnalysisCache, BriefMarkup, CachedAnalysis, plugin_version
from briefs.i18n import text_direction
from briefs.markup.htmltext import BodyText, apply_wraps, drop_text_ranges, extract_body
from briefs.markup.render import entity_link_wraps, isolation_wraps, key_quote_wraps
from briefs.pelican.bodies import keep_packed, pack
from briefs.pelican.heap import kept_to_the_end
from briefs.pelican.workers import analyse_entries, analysis_key, analysis_task, body_of
from briefs.settings import BriefsSettings
from briefs.site.confidence import publishable, review_state
from briefs.site.entities import (
    EntityGroup,
    EntityIndex,
    brief_entities,
    display_name,
    group_by_type,
)
from briefs.site.index import SiteIndex, index_site, record_of

logger = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class KeyQuote:
    """A quote shown in the sidebar, linked to its place in the body and back."""

    number: int
    text: str
    speaker: str | None  # the speaker entity's site-wide name
    cue: str | None
    lang: str
    direction: str
    anchor: str  # id of the quote in the body
    backref: str  # id of the quote's figure in the sidebar
    parts: tuple[Span, ...]  # where the quote stands in the body text, one span a paragraph
    speaker_entity: BriefEntity | None = None  # linked to its page


@dataclass(frozen=True, slots=True)
class BriefEntity:
    """An entity as one brief shows it: linked to its page, with the brief's mention count."""

    id: str
    name: str
    kind: str
    url: str  # relative to SITEURL
    mentions: int
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class RelatedBrief:
    """A related brief, with what links it: shared entities (linked) and shared tags."""

    article: Article
    # Orders the links; shown in api/briefs.json, never on a page (the page cache skips it).
    score: float = field(metadata={"on_pages": False})
    shared: tuple[BriefEntity, ...]
    shared_tags: tuple[str, ...]
    pinned: bool


@dataclass(frozen=True, slots=True)
class Thread:
    """The briefs of this brief's story, in date order, with its neighbours."""

    members: tuple[Article, ...]
    previous: Article | None
    next: Article | None


@dataclass(frozen=True, slots=True)
class Brief:
    """What the templates show beside a brief's body."""

    lang: str
    direction: str
    dateline: Dateline | None
    boilerplate: tuple[str, ...]
    key_quotes: tuple[KeyQuote, ...]
    document: Document | None  # the whole analysis; None when the analysis failed
    entities: tuple[BriefEntity, ...] = ()
    # Links to other briefs, shown on this brief's own page only (a page listing the brief
    # does not show them: see briefs.pelican.page_cache).
    related: tuple[RelatedBrief, ...] = field(default=(), metadata={"relation": True})
    thread: Thread | None = field(default=None, metadata={"relation": True})
    # The body's text as analysed (boilerplate removed): the search record's, then let go
    # (briefs.pelican.generators), as no page shows it.
    text: str = ""
    # The analysis cache key ``document`` comes from: with the settings and the article's
    # metadata (its review date), it determines the document (see briefs.pelican.page_cache).
    analysis_key: str = ""

    @property
    def entity_groups(self) -> list[EntityGroup]:
        """Return the brief's entities grouped by type (people, organisations, places)."""
        return group_by_type(list(self.entities))


@dataclass(frozen=True, slots=True)
class Analysed:
    """One article's body (boilerplate removed) and its analysis.

    In a whole-site build the body is None until the brief's markup is written (read then
    from the cache: see :mod:`briefs.cache`), so that the bodies are never all in memory.
    """

    body: BodyText | None
    document: Document | None
    key: str = ""  # the analysis cache key, to read the body when it is needed


def key_quotes_of(document: Document,
                  speaker_of: Callable[[str], BriefEntity | None] = lambda _id: None,
                  ) -> tuple[KeyQuote, ...]:
    """Number the document's key quotes in reading order; give each its body and sidebar ids.

    ``speaker_of`` turns a speaker's entity id in the document into the site's entity, so
    «روتي» in one brief and «Mark Rutte» in another are one speaker, named and linked alike.
    """
    direction = text_direction(document.lang)
    in_reading_order = sorted(document.key_quotes, key=lambda quote: quote.start)
    quotes = []
    for number, quote in enumerate(in_reading_order, start=1):
        entity = speaker_of(quote.speaker_id) if quote.speaker_id else None
        quotes.append(KeyQuote(
            number=number, text=quote.text, speaker=entity.name if entity else quote.speaker,
            cue=quote.cue, lang=document.lang, direction=direction, anchor=f"quote-{number}",
            backref=f"key-quote-{number}", parts=quote.parts, speaker_entity=entity))
    return tuple(quotes)


def analyse_article(article: Article, settings: BriefsSettings, gazetteer: Gazetteer,
                    cache: AnalysisCache) -> Analysed:
    """Analyse one article in this process (or take its analysis from the cache)."""
    task = analysis_task(article, settings)
    key = analysis_key(task, settings, cache)
    entry = cache.get(key)
    if entry is None:
        entry = analyse_html(task, settings.analysis, gazetteer)
        cache.put(key, entry)
    return with_body(article, analysed_of(article, key, entry, settings.publish_confidence),
                     settings, cache)


def analysed_of(article: Article, key: str, entry: CachedAnalysis,
                publish_confidence: float = 0.0) -> Analysed:
    """Report an analysis's warnings; keep its document only if it fits the page body.

    The document kept is what the public site may show (:mod:`briefs.site.confidence`):
    below ``publish_confidence``, speakers and entities of a brief nobody reviewed are left
    out, before the site's indexes count them.
    """
    for warning in entry.warnings:
        logger.warning("%s: %s", article.source_path, warning)
    review = review_state(article.metadata.get("reviewed"))
    if review.problem:
        logger.warning("%s: %s", article.source_path, review.problem)
    document = publishable(entry.document, publish_confidence, reviewed=review.reviewed)
    if not entry.text_matches:
        # Offsets would point at the wrong words: keep the page, write no markup from them.
        logger.warning("%s: the analysed text differs from the page body; quotes and names "
                       "are not marked in the text", article.source_path)
        return Analysed(None, None, key)
    if not document.text:
        what = "only boilerplate" if document.boilerplate else "empty"
        logger.warning("%s: the body is %s; the brief has no text", article.source_path, what)
    return Analysed(None, document, key)


def with_body(article: Article, analysed: Analysed, settings: BriefsSettings,
              cache: AnalysisCache) -> Analysed:
    """Return ``analysed`` with its body (from the cache), boilerplate removed."""
    if analysed.body is not None:
        return analysed
    body = (body_of(article, analysed.key, cache) if analysed.key
            else extract_body(article._content or ""))
    document = analysed.document
    if document is not None:
        removed = document.boilerplate
    else:  # still drop the site chrome when the analysis failed, so it never shows
        removed = tuple(find_boilerplate(body.text, settings.boilerplate_patterns))
    kept = drop_text_ranges(body, removal_ranges(body.text, removed))
    return Analysed(kept, document, analysed.key)


def without_analysis(article: Article, settings: BriefsSettings) -> Analysed:
    """Still drop trailing boilerplate when the analysis failed, so it never shows."""
    return with_body(article, Analysed(None, None), settings, AnalysisCache(None))


def site_href(from_url: str, target_url: str, siteurl: str, relative: bool) -> str:
    """Return the href of a site URL as written on the page at ``from_url``.

    >>> site_href("briefs/a.html", "entities/b.html", "", True)
    '../entities/b.html'
    >>> site_href("briefs/a.html", "entities/b.html", "https://x.org/site", False)
    'https://x.org/site/entities/b.html'
    """
    if relative:
        return "../" * from_url.count("/") + target_url
    return f"{siteurl}/{target_url}"


def entity_url(slug: str, pelican_settings: dict[str, Any]) -> str:
    """Return an entity page's URL (relative to SITEURL) from ``ENTITY_URL``."""
    return str(pelican_settings["ENTITY_URL"]).format(slug=slug)


@dataclass
class BriefEntities:
    """The site's entities as briefs show them, each made once a build.

    The briefs of a site name the same few hundred entities again and again: one object
    for each entity, count and language, not one for each time a brief lists it (300,000
    at 10,000 briefs, 45 MB).
    """

    index: EntityIndex
    pelican_settings: dict[str, Any]
    _made: dict[tuple[str, int, str | None], BriefEntity] = field(default_factory=dict)

    def __call__(self, site_id: str, mentions: int = 0, lang: str | None = None) -> BriefEntity:
        """Return the entity ``site_id`` as a brief shows it, named in ``lang`` (default:
        the site's), with the brief's ``mentions`` of it."""
        key = (site_id, mentions, lang)
        made = self._made.get(key)
        if made is None:
            entity = self.index.by_id[site_id].entity
            name = display_name(entity, lang or self.pelican_settings.get("DEFAULT_LANG"))
            made = self._made[key] = BriefEntity(
                id=entity.id, name=name, kind=entity.type,
                url=entity_url(entity.slug, self.pelican_settings), mentions=mentions,
                wikidata=entity.wikidata)
        return made


def related_of(article: Article, site: SiteIndex, by_key: dict[str, Article],
               shown: BriefEntities) -> tuple[tuple[RelatedBrief, ...], Thread | None]:
    """Return a brief's related briefs (with their reasons) and its story thread."""
    related = tuple(
        RelatedBrief(
            article=by_key[link.key], score=link.score, pinned=link.pinned,
            shared=tuple(shown(key) for key in link.shared if key in site.entities.by_id),
            shared_tags=tuple(key.removeprefix("tag:") for key in link.shared
                              if key.startswith("tag:")),
        )
        for link in site.related.get(article.url, []) if link.key in by_key
    )
    thread = site.threads.get(article.url)
    if thread is None or len(thread.members) < 2:
        return related, None
    return related, Thread(members=tuple(by_key[key] for key in thread.members),
                           previous=by_key.get(thread.previous or ""),
                           next=by_key.get(thread.next or ""))


def brief_of(article: Article, analysed: Analysed, site: SiteIndex, by_key: dict[str, Article],
             shown: BriefEntities) -> Brief:
    """Return the data the templates show for one brief."""
    index = site.entities
    lang = getattr(article, "lang", None) or shown.pelican_settings.get("DEFAULT_LANG") or "en"
    document = analysed.document
    if document is None:
        text = analysed.body.text if analysed.body is not None else ""
        return Brief(lang=lang, direction=text_direction(lang), dateline=None, boilerplate=(),
                     key_quotes=(), document=None, text=text)
    entities = tuple(shown(item.entity.id, count, lang)
                     for item, count in brief_entities(index, document.entities))

    def speaker_of(ref_id: str) -> BriefEntity | None:
        site_id = index.site_id_of.get(ref_id)
        return shown(site_id, lang=lang) if site_id else None

    related, thread = related_of(article, site, by_key, shown)
    return Brief(lang=lang, direction=document.direction, dateline=document.dateline,
                 boilerplate=document.boilerplate,
                 key_quotes=key_quotes_of(document, speaker_of),
                 document=document, entities=entities, related=related, thread=thread,
                 # The analysed text is the body's without its boilerplate (or the analysis
                 # would have been dropped: see analysed_of).
                 text=document.text, analysis_key=analysed.key or "")


def entity_hrefs(document: Document, index: EntityIndex, page_url: str,
                 pelican_settings: dict[str, Any]) -> dict[str, str]:
    """Return the href, as written on the page at ``page_url``, of each indexed entity of
    ``document``, by site entity id."""
    relative = bool(pelican_settings.get("RELATIVE_URLS"))
    siteurl = str(pelican_settings.get("SITEURL", ""))
    hrefs = {}
    for ref in document.entities:
        site_id = index.site_id_of.get(ref.id)
        if site_id is not None and site_id not in hrefs:
            target = entity_url(index.by_id[site_id].entity.slug, pelican_settings)
            hrefs[site_id] = site_href(page_url, target, siteurl, relative)
    return hrefs


def markup_digest(article: Article, analysed: Analysed, brief: Brief, hrefs: dict[str, str],
                  settings: BriefsSettings) -> str:
    """Return a digest of everything a brief's markup is made from.

    The body's HTML and the analysis (by its key; what the public site may show of it
    depends on the review date and ``BRIEFS_PUBLISH_CONFIDENCE``), the key quotes, the
    entity each mention links to and where its page is, the isolation and link settings,
    the summary's settings, and the plugin's code.
    """
    document = analysed.document
    site_refs = () if document is None else tuple(ref.id for ref in document.entities)
    article_settings = article.settings
    inputs = (
        plugin_version(), analysed.key, article._content or "",
        str(article.metadata.get("reviewed", "")), settings.publish_confidence,
        settings.isolate_ltr, settings.link_mentions, brief.direction,
        tuple((quote.number, quote.anchor, quote.backref,
               tuple((part.start, part.end) for part in quote.parts))
              for quote in brief.key_quotes),
        site_refs, sorted(hrefs.items()),
        "summary" in article.metadata, article_settings.get("SUMMARY_MAX_PARAGRAPHS"),
        article_settings.get("SUMMARY_MAX_LENGTH"), article_settings.get("SUMMARY_END_SUFFIX"),
    )
    return hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).hexdigest()


def mark_up(article: Article, analysed: Analysed, brief: Brief, *, index: EntityIndex,
            settings: BriefsSettings, pelican_settings: dict[str, Any],
            cache: AnalysisCache) -> None:
    """Write the brief's body with its markup, or take it from the cache when nothing it is
    made from changed (:func:`markup_digest`): then the body is not even read."""
    hrefs = ({} if analysed.document is None
             else entity_hrefs(analysed.document, index, article.url, pelican_settings))
    digest = markup_digest(article, analysed, brief, hrefs, settings)
    kept = cache.get_markup(analysed.key, digest) if analysed.key else None
    if kept is not None:
        if kept.summary is not None:
            article.metadata["summary"] = article._summary = kept.summary
        keep_packed(article, kept.packed)
        article.brief = brief
        return
    analysed = with_body(article, analysed, settings, cache)
    summary = write_markup(article, analysed, brief, index=index, hrefs=hrefs,
                           settings=settings)
    packed = pack(article._content)
    keep_packed(article, packed)
    if analysed.key:
        cache.put_markup(analysed.key, BriefMarkup(digest, packed, summary))


def write_markup(article: Article, analysed: Analysed, brief: Brief, *, index: EntityIndex,
                 hrefs: dict[str, str], settings: BriefsSettings) -> str | None:
    """Write the brief's body: isolation, key-quote anchors and entity links (``hrefs``:
    :func:`entity_hrefs`). Return the summary it cut from the body, if it did."""
    assert analysed.body is not None, "with_body() first"
    wraps = []
    if settings.isolate_ltr and brief.direction == "rtl":
        wraps += isolation_wraps(analysed.body)
    author_links = analysed.body.link_spans()
    wraps += key_quote_wraps(brief.key_quotes, author_links)
    if analysed.document is not None:
        wraps += entity_link_wraps(analysed.document, index.site_id_of, hrefs.__getitem__,
                                   author_links, settings.link_mentions)
    summary = keep_summary_unmarked(article, analysed.body.html)
    article._content = apply_wraps(analysed.body, wraps)
    article.brief = brief
    return summary


def keep_summary_unmarked(article: Article, body_html: str) -> str | None:
    """Give a brief without ``Summary:`` the summary Pelican would cut from its body, now.

    Pelican cuts it from the body when a template asks, which would be after the plugin's
    markup went in: the teaser on the home page would show quote numbers whose links point
    at anchors of another page. Same rules as ``Content.get_summary``, on the body without
    its trailing boilerplate and before any markup. Return the summary (None: the brief has
    its own).
    """
    if "summary" in article.metadata:
        return None
    settings = article.settings
    summary = body_html
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        summary = truncate_html_paragraphs(summary, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings.get("SUMMARY_MAX_LENGTH") is not None:
        summary = truncate_html_words(summary, settings["SUMMARY_MAX_LENGTH"],
                                      settings.get("SUMMARY_END_SUFFIX", "…"))
    article.metadata["summary"] = article._summary = strip_toc_elements_from_html(summary)
    return article._summary


def editor_links(article: Article, key: str, by_slug: dict[str, list[Article]]) -> tuple[str, ...]:
    """Return the brief keys an editor names in ``Related:`` or ``Unrelated:`` metadata.

    Briefs are named by slug, comma-separated; one that names no brief is reported with
    both names, and the build goes on.
    """
    value = article.metadata.get(key)
    names = value if isinstance(value, list) else str(value or "").split(",")
    keys = []
    for slug in (name.strip() for name in names):
        if not slug:
            continue
        matches = by_slug.get(slug, [])
        if not matches:
            logger.warning("%s: %s names the brief %r, but no content file has that Slug",
                           article.source_path, key.capitalize(), slug)
            continue
        # A translation shares its slug: prefer the one in this brief's language.
        same_lang = [m for m in matches if getattr(m, "lang", None) == article.lang]
        keys.append((same_lang or matches)[0].url)
    return tuple(keys)


def annotate_site(articles: Sequence[Article], settings: BriefsSettings, gazetteer: Gazetteer,
                  cache: AnalysisCache, pelican_settings: dict[str, Any], *,
                  analyser: Analyser) -> SiteIndex:
    """Analyse every article, index the site, then write each brief's markup.

    The analyses the cache lacks are made by ``analyser`` (worker processes or a Dask
    cluster). An article whose analysis fails is reported by file and published without
    quotes, entities or related briefs; the rest of the site is built as usual.
    """
    with kept_to_the_end():  # the analyses and the index live as long as the build
        return _annotate_site(articles, settings, gazetteer, cache, pelican_settings,
                              analyser=analyser)


def _annotate_site(articles: Sequence[Article], settings: BriefsSettings,
                   gazetteer: Gazetteer, cache: AnalysisCache,
                   pelican_settings: dict[str, Any], *, analyser: Analyser) -> SiteIndex:
    by_slug: dict[str, list[Article]] = {}
    for article in articles:
        by_slug.setdefault(article.slug, []).append(article)
    analysed: dict[int, Analysed] = {}
    records = []
    for article, (key, entry) in zip(
            articles, analyse_entries(articles, settings, cache, analyser), strict=True):
        item = (Analysed(None, None, key) if entry is None
                else analysed_of(article, key, entry, settings.publish_confidence))
        if item.document is not None:
            records.append(record_of(
                item.document, key=article.url, date=article.date,
                title=str(getattr(article, "title", "")),
                tags=[str(tag) for tag in getattr(article, "tags", [])],
                pinned=editor_links(article, "related", by_slug),
                forbidden=editor_links(article, "unrelated", by_slug)))
            # Nothing after the record reads the sentences: a build of 10,000 briefs
            # would hold 50 MB of them until each brief's markup is written.
            item = replace(item, document=replace(item.document, sentences=()))
        analysed[id(article)] = item
    site = index_site(records, gazetteer=gazetteer, related_config=settings.related)
    # The records hold each brief's mentions: let them go with the brief's markup below.
    del records
    by_key = {article.url: article for article in articles}
    shown = BriefEntities(site.entities, pelican_settings)
    for article in articles:
        item = analysed.pop(id(article))
        if item.document is None:  # no analysis: the brief's text comes from its body
            item = with_body(article, item, settings, cache)
        # The body is read (if the markup is not kept) and let go with the brief's markup:
        # never all at once.
        brief = brief_of(article, item, site, by_key, shown)
        mark_up(article, item, brief, index=site.entities, settings=settings,
                pelican_settings=pelican_settings, cache=cache)
        if brief.document is not None:
            # Once the markup is written, the pages need the analysis's quotes, not its
            # words and mentions (three quarters of its memory).
            article.brief = replace(brief, document=replace(
                brief.document, entities=(), paragraphs=(), text=""))
    logger.info("briefs: %d analysed (%d from the cache), %d entities", len(articles),
                cache.hits, len(site.entities.entities))
    return site
