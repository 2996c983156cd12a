"""Entity pages (paginated, one Atom feed per entity), the entity index, the front page's data,
the quotes pages (and their feed), the JSON API, search.

Pelican glue, modelled on ``ArticlesGenerator.generate_tags``: ``generate_context`` turns the
entity index (built when the articles were annotated) into page objects; ``generate_output``
writes them. Nothing is written while the shared context can still change.

An entity's briefs are listed newest first, ``BRIEFS_ENTITY_PAGE_SIZE`` a page (Pelican's
paginator, ``PAGINATION_PATTERNS``), each page with the quotes of its own briefs, so that no
page grows with the archive. An entity's feed carries the summaries of its newest
``BRIEFS_ENTITY_FEED_ITEMS`` briefs (at most ``FEED_MAX_ITEMS``), not their bodies (a brief is
in the feeds of its 20-40 entities). The entity index shows each type's
``ENTITY_INDEX_TOP`` most mentioned entities and links to the type's own list of every one,
paginated alphabetically (``ENTITY_TYPE_SAVE_AS``), so that it stays small too.
Each entity page charts the briefs that mention it week by week over the whole archive
(:mod:`briefs.site.timeline`, drawn by :mod:`briefs.markup.chart` when the page is rendered).

The front page (Pelican's ``index`` template) gets ``front``: the top stories, the latest
briefs, who is in the news and the latest key quotes (:mod:`briefs.site.front`). The quotes
pages list every key quote newest first, one set of pages for the whole site and one per
speaker, with an Atom feed of the newest (:mod:`briefs.site.quotes`).

The search index is started here too, once the briefs are annotated: its records come from
what the build holds, and the Pagefind binary indexes them on another core while Pelican
renders the pages (see :mod:`briefs.publish.search`).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from markupsafe import Markup, escape
from pelican.contents import Article
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from briefs.i18n import format_brief_date, load_translations
from briefs.markup.chart import mention_chart
from briefs.pelican.publishing import SummaryEntry
from briefs.publish.search import SearchJob, search_options, search_record
from briefs.site.entities import IndexedEntity, display_name, group_by_type, sort_key
from briefs.site.front import FrontBrief, front_page
from briefs.site.index import SiteIndex
from briefs.site.quotes import SiteQuote, by_speaker, most_quoted, newest_first
from briefs.site.timeline import Week, busy_weeks, week_axis, weekly_counts

logger = logging.getLogger(__name__)

URL_DEFAULTS = {
    "ENTITY_URL": "entities/{slug}.html",
    "ENTITY_SAVE_AS": "entities/{slug}.html",
    "ENTITIES_URL": "entities/index.html",
    "ENTITIES_SAVE_AS": "entities/index.html",
    # An entity's slug always starts with its type ("person-…"), so never clashes with these.
    "ENTITY_TYPE_URL": "entities/{kind}.html",
    "ENTITY_TYPE_SAVE_AS": "entities/{kind}.html",
    "ENTITY_FEED_ATOM": "feeds/entities/{slug}.atom.xml",
    "ENTITIES_API_SAVE_AS": "api/entities.json",
    "ARTICLES_API_SAVE_AS": "api/briefs.json",
    "QUOTES_URL": "quotes/index.html",
    "QUOTES_SAVE_AS": "quotes/index.html",
    "SPEAKER_QUOTES_URL": "quotes/{slug}.html",
    "SPEAKER_QUOTES_SAVE_AS": "quotes/{slug}.html",
    "QUOTES_FEED_ATOM": "feeds/quotes.atom.xml",
}
#: Quotes a page of the quotes pages lists (``PAGINATED_TEMPLATES["quotes"]`` overrides it).
QUOTES_PAGE_SIZE = 30
#: Entities a page of a type's list shows (``PAGINATED_TEMPLATES["entity_type"]`` overrides it).
ENTITY_TYPE_PAGE_SIZE = 200
#: How many of each type's most mentioned entities the entity index shows.
ENTITY_INDEX_TOP = 20
#: How many speakers the quotes pages offer as filters (every quote links its own speaker).
SPEAKER_FILTERS = 20
#: How many key quotes the front page's strip shows (the newest, one a brief).
FRONT_QUOTES = 4
WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True, slots=True)
class ListedBrief:
    """A brief on an entity's page: how often it names the entity, what the entity said."""

    article: Article
    mentions: int
    url: str  # the brief's URL, worked out once (Pelican's is a 30 µs property)
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ListedQuote:
    """A key quote as the quotes pages and the front page list it."""

    article: Article
    url: str  # the brief's URL and the quote's place in it ("briefs/x.html#quote-2")
    text: str
    speaker: Entity | None  # the speaker's page
    speaker_name: str | None  # the name the brief gives (a speaker may have no page)


class QuoteEntry:
    """A key quote as the quotes feed carries it: the quote, its speaker, its brief's date."""

    def __init__(self, quote: ListedQuote) -> None:
        self.url = quote.url
        self.date = quote.article.date
        self.summary = None
        name = quote.speaker.name if quote.speaker else quote.speaker_name
        # The speaker is the entry's author (the brief's author when nobody is named).
        self.author = name or getattr(quote.article, "author", "")
        # Pelican's feed writer reads the title as HTML: give it escaped text.
        self.title = str(escape(f"{name}: {quote.text}" if name else quote.text))
        self._content = Markup("<blockquote><p>{}</p></blockquote>{}").format(
            quote.text, Markup("<p>{}</p>").format(name) if name else "")

    def get_content(self, siteurl: str) -> str:
        """Return the quote (and its speaker) as the entry's HTML content."""
        return str(self._content)


@dataclass(frozen=True, slots=True)
class FrontStory:
    """A top story on the front page: its lead brief and other briefs of its thread."""

    lead: Article
    others: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class FrontPage:
    """What the front page shows above the archive."""

    stories: tuple[FrontStory, ...]
    latest: tuple[Article, ...]
    in_the_news: tuple[tuple[Entity, int], ...]  # (entity page, recent briefs naming it)
    quotes: tuple[ListedQuote, ...]


@dataclass(frozen=True, slots=True)
class EntityType:
    """The entities of one type: their own pages, and the most mentioned on the index."""

    kind: str
    url: str
    save_as: str
    entities: tuple[Entity, ...]  # every one, alphabetically
    top: tuple[Entity, ...]  # the most mentioned, alphabetically


class Entity(URLWrapper):
    """An entity page; its URL settings are ``ENTITY_URL`` and ``ENTITY_SAVE_AS``.

    Equality and hashing go by slug, so the slug is the site entity's stable, unique one.
    """

    # What only the entity's own page shows (a page listing entities shows their names and
    # counts): the page cache leaves them out of a listed entity's signature.
    page_relations: ClassVar[frozenset[str]] = frozenset(
        {"briefs", "companions", "weeks", "week_counts"})

    def __init__(self, item: IndexedEntity, settings: dict[str, Any]) -> None:
        super().__init__(display_name(item.entity, settings.get("DEFAULT_LANG")), settings)
        self.slug = item.entity.slug
        self.id = item.entity.id
        self.kind = item.entity.type
        self.aliases = item.entity.aliases
        self.names = item.entity.names  # the name in each language ({"ar": …, "en": …})
        self.description = item.entity.description
        self.wikidata = item.entity.wikidata
        self.mention_count = item.mention_count
        # Filled in by the generator once every page object exists.
        self.briefs: list[ListedBrief] = []
        self.companions: list[tuple[Entity, int]] = []
        self.weeks: tuple[date, ...] = ()  # the archive's weeks (their Mondays)
        self.week_counts: tuple[int, ...] = ()  # briefs naming it in each of those weeks
        self.quotes_url: str | None = None  # its page on the quotes pages, if it was quoted
        self.quote_count = 0

    @property
    def other_names(self) -> list[tuple[str, str]]:
        """Return its names in languages other than the page's, as (language, name)."""
        return [(lang, name) for lang, name in sorted(self.names.items()) if name != self.name]

    @property
    def wikidata_url(self) -> str | None:
        """Return its Wikidata page's address, when its Wikidata id is well formed."""
        if self.wikidata and WIKIDATA_ID.fullmatch(self.wikidata):
            return f"https://www.wikidata.org/wiki/{self.wikidata}"
        return None

    @property
    def active_weeks(self) -> list[Week]:
        """Return the weeks in which a brief names it, newest first (the chart's table)."""
        return busy_weeks(self.weeks, self.week_counts)

    @property
    def articles(self) -> list[Article]:
        """Return the briefs that mention the entity, newest first."""
        return [brief.article for brief in self.briefs]

    @property
    def quotes(self) -> list[tuple[Article, str]]:
        """Return what the entity said, brief by brief, newest first."""
        return [(brief.article, text) for brief in self.briefs for text in brief.quotes]


class EntityPagesGenerator(Generator):
    """Write a page per entity, the entity index page, per-entity feeds and the JSON API."""

    def generate_context(self) -> None:
        """Turn the entity index into page objects (the index was built with the articles)."""
        site: SiteIndex | None = self.context.get("site_index")
        # Every brief the plugin annotated, translations included (Pelican puts none of
        # the article generator's translations in the shared context).
        self.articles: list[Article] = list(self.context.get("annotated_briefs", []))
        by_url = {article.url: article for article in self.articles}
        self.entities: list[Entity] = []
        self.quotes: list[ListedQuote] = []
        self.speakers: list[tuple[Entity, list[ListedQuote]]] = []
        self.search: SearchJob | None = None
        self.entity_types: list[EntityType] = []
        self.settings["PAGINATED_TEMPLATES"] = {
            "quotes": QUOTES_PAGE_SIZE, "entity_type": ENTITY_TYPE_PAGE_SIZE,
            **self.settings.get("PAGINATED_TEMPLATES", {}),
            "entity": self.settings.get("BRIEFS_ENTITY_PAGE_SIZE", 20)}
        self.env.filters["mention_chart"] = mention_chart
        if self.settings.get("BRIEFS_SEARCH", True):
            self.search = SearchJob(self._search_records(), self._site_lang(),
                                    output=Path(self.output_path),
                                    **search_options(self.settings)).start()
        # The analysed text was kept for the search records: no page shows it (at 10,000
        # briefs, 80 MB held through the rendering, and pickled for every page digest).
        for article in self.articles:
            brief = getattr(article, "brief", None)
            if brief is not None and brief.text:
                article.brief = replace(brief, text="")
        if site is None:
            return
        index = site.entities
        pages = {item.entity.id: Entity(item, self.settings) for item in index.entities}
        for item in index.entities:
            page = pages[item.entity.id]
            said: dict[str, list[str]] = {}
            for quote in item.quotes:
                said.setdefault(quote.key, []).append(quote.text)
            page.briefs = [ListedBrief(by_url[brief.key], brief.mentions, brief.key,
                                       tuple(said.get(brief.key, ())))
                           for brief in item.briefs if brief.key in by_url]
            page.companions = [(pages[other], count) for other, count in item.companions]
            self.entities.append(page)
        self._chart_weeks()
        self.context["entities"] = self.entities
        self.quotes = self._site_quotes(pages)
        self.speakers = self._speaker_quotes(pages)
        self.context["quote_speakers"] = [
            (page, len(said)) for page, said in self.speakers[:SPEAKER_FILTERS]]
        self.context["front"] = self._front_page(site, pages)
        self.entity_types = self._entity_types()
        self.context["entity_groups"] = self.entity_types

    def _entity_types(self) -> list[EntityType]:
        """Group the entities by type, in the order of the names as the pages show them (the
        site's language); each type's most mentioned go on the index, so that it stays small."""
        ordered = sorted(self.entities, key=lambda page: (sort_key(page.name), page.id))
        types = []
        for group in group_by_type(ordered):
            most = sorted(group.entities, key=lambda page: (-page.mention_count, page.id))
            top = set(most[:ENTITY_INDEX_TOP])
            types.append(EntityType(
                kind=group.kind, url=self.settings["ENTITY_TYPE_URL"].format(kind=group.kind),
                save_as=self.settings["ENTITY_TYPE_SAVE_AS"].format(kind=group.kind),
                entities=group.entities,
                top=tuple(page for page in group.entities if page in top)))
        return types

    def _site_lang(self) -> str:
        return str(self.settings.get("DEFAULT_LANG") or "en")

    def _chart_weeks(self) -> None:
        """Give every entity page its weekly series, all on the archive's time axis."""
        if not self.articles:
            return
        axis = week_axis(min(article.date for article in self.articles),
                         max(article.date for article in self.articles))
        for page in self.entities:
            page.weeks = axis
            page.week_counts = weekly_counts((brief.article.date for brief in page.briefs), axis)

    def _site_quotes(self, pages: dict[str, Entity]) -> list[ListedQuote]:
        """Return every key quote of the site, newest first (see :mod:`briefs.site.quotes`)."""
        found: dict[tuple[str, int], ListedQuote] = {}
        records = []
        for article in self.articles:
            brief = getattr(article, "brief", None)
            url = str(article.url)
            for quote in brief.key_quotes if brief is not None else ():
                speaker = quote.speaker_entity.id if quote.speaker_entity else None
                records.append(SiteQuote(url, article.date, quote.number, quote.text, speaker))
                found[url, quote.number] = ListedQuote(
                    article=article, url=f"{url}#{quote.anchor}", text=quote.text,
                    speaker=pages.get(speaker or ""), speaker_name=quote.speaker)
        return [found[record.key, record.number] for record in newest_first(records)]

    def _speaker_quotes(self, pages: dict[str, Entity]) -> list[tuple[Entity, list[ListedQuote]]]:
        """Return each speaker with a page and their quotes, the most quoted first."""
        speakers: list[tuple[Entity, list[ListedQuote]]] = []
        if not self.settings.get("SPEAKER_QUOTES_SAVE_AS"):  # "" turns them off, as in Pelican
            return speakers
        # Each record's number is the quote's place in self.quotes, to find it again.
        records = [SiteQuote(quote.url, quote.article.date, position, quote.text,
                             quote.speaker.id if quote.speaker else None)
                   for position, quote in enumerate(self.quotes)]
        said = by_speaker(records)
        for speaker_id, count in most_quoted(records, len(said)):
            page = pages[speaker_id]
            page.quote_count = count
            page.quotes_url = self.settings["SPEAKER_QUOTES_URL"].format(slug=page.slug)
            speakers.append((page, [self.quotes[record.number] for record in said[speaker_id]]))
        return speakers

    def _front_page(self, site: SiteIndex, pages: dict[str, Entity]) -> FrontPage:
        """Return the front page's top stories, latest briefs, names and quotes."""
        listed: list[Article] = list(self.context.get("articles", []))
        by_url = {str(article.url): article for article in listed}
        briefs = []
        for url, article in by_url.items():
            brief = getattr(article, "brief", None)
            thread = site.threads.get(url)
            briefs.append(FrontBrief(
                key=url, date=article.date,
                thread=tuple(key for key in thread.members if key in by_url) if thread else (),
                entities=tuple(entity.id for entity in brief.entities) if brief else ()))
        front = front_page(briefs)
        quotes: list[ListedQuote] = []
        for quote in self.quotes:
            if len(quotes) == FRONT_QUOTES:
                break
            if (quote.speaker and str(quote.article.url) in by_url
                    and all(quote.article is not shown.article for shown in quotes)):
                quotes.append(quote)
        return FrontPage(
            stories=tuple(FrontStory(by_url[story.lead], tuple(by_url[key] for key in story.others))
                          for story in front.stories),
            latest=tuple(by_url[key] for key in front.latest),
            in_the_news=tuple((pages[entity_id], count) for entity_id, count in front.in_the_news
                              if entity_id in pages),
            quotes=tuple(quotes))

    def _search_records(self) -> list[Any]:
        """Return the search record of every annotated brief, from what the build holds."""
        digits = str(self.settings.get("BRIEFS_DIGITS", "latn"))
        records = []
        for article in self.articles:
            brief = getattr(article, "brief", None)
            lang = getattr(article, "lang", None) or self._site_lang()
            records.append(search_record(
                url=str(article.url), title=str(article.title), lang=lang,
                date=format_brief_date(article.date, lang, digits),
                body=brief.text if brief is not None else "", when=article.date))
        return records

    def generate_output(self, writer: Writer) -> None:
        """Write every entity page and feed, the index page, the quotes pages and their feed,
        and the JSON API.

        With a :class:`~briefs.pelican.render_pool.SharedWriter`, pages and feeds are
        rendered by several processes; the forked ones stop here, and this process waits
        for them before it writes the rest.
        """
        forked = getattr(writer, "forked", False)
        if not forked:
            self._write_json(self.settings["ARTICLES_API_SAVE_AS"], self._briefs_api())
        template = self.get_template("entity")
        feed_pattern = self.settings.get("ENTITY_FEED_ATOM")
        feed_items = self.settings["BRIEFS"].settings.entity_feed_items
        if self.settings.get("FEED_MAX_ITEMS") is not None:
            feed_items = min(feed_items, self.settings["FEED_MAX_ITEMS"])
        for entity in self.entities:
            writer.write_file(entity.save_as, template, self.context, entity=entity,
                              paginated={"articles": entity.briefs}, url=entity.url,
                              template_name="entity",
                              relative_urls=self.settings["RELATIVE_URLS"])
            if feed_pattern:
                writer.write_feed([SummaryEntry(brief.article, brief.url)
                                   for brief in entity.briefs[:feed_items]],
                                  self.context, feed_pattern.format(slug=entity.slug),
                                  feed_title=entity.name)
        writer.write_file(self.settings["ENTITIES_SAVE_AS"], self.get_template("entities"),
                          self.context, url=self.settings["ENTITIES_URL"],
                          template_name="entities", relative_urls=self.settings["RELATIVE_URLS"])
        for entity_type in self.entity_types:
            writer.write_file(entity_type.save_as, self.get_template("entity_type"),
                              self.context, entity_type=entity_type,
                              paginated={"articles": list(entity_type.entities)},
                              url=entity_type.url, template_name="entity_type",
                              relative_urls=self.settings["RELATIVE_URLS"])
        self._write_quotes(writer)
        if forked:
            return
        self._write_json(self.settings["ENTITIES_API_SAVE_AS"], self._entities_api())
        join_shares = getattr(writer, "join_shares", None)
        if join_shares is not None:
            join_shares()
        if self.search is not None:
            with self.search:
                self.search.finish(Path(self.output_path))

    def _write_quotes(self, writer: Writer) -> None:
        """Write the quotes pages (every quote, then each speaker's) and the quotes feed."""
        template = self.get_template("quotes")
        relative = self.settings["RELATIVE_URLS"]
        # An empty QUOTES_SAVE_AS writes no page (Pelican's writer skips an empty name).
        writer.write_file(self.settings["QUOTES_SAVE_AS"], template, self.context,
                          paginated={"articles": self.quotes}, url=self.settings["QUOTES_URL"],
                          template_name="quotes", relative_urls=relative, speaker=None)
        for speaker, said in self.speakers:
            writer.write_file(self.settings["SPEAKER_QUOTES_SAVE_AS"].format(slug=speaker.slug),
                              template, self.context, paginated={"articles": said},
                              url=speaker.quotes_url, template_name="quotes",
                              relative_urls=relative, speaker=speaker)
        feed = self.settings.get("QUOTES_FEED_ATOM")
        if feed:
            feed_items = self.settings.get("FEED_MAX_ITEMS")
            newest = self.quotes[:feed_items] if feed_items is not None else self.quotes
            translations = load_translations(self.settings["BRIEFS"].settings.translations_dir,
                                             self._site_lang())
            writer.write_feed([QuoteEntry(quote) for quote in newest], self.context, feed,
                              feed_title=translations.gettext("Key quotes"))

    def _briefs_api(self) -> dict[str, Any]:
        briefs = []
        site: SiteIndex | None = self.context.get("site_index")
        # A speaker is the site's entity: its id there, and its name in the brief's language
        # (as the brief's sidebar and the quotes pages name it).
        site_id_of = site.entities.site_id_of if site else {}
        entities = {item.entity.id: item.entity for item in site.entities.entities} if site else {}

        def speaker_name(quote: Any, lang: str) -> str | None:  # noqa: ANN401 - a Quote
            entity = entities.get(site_id_of.get(quote.speaker_id or "", ""))
            return display_name(entity, lang) if entity else quote.speaker

        for article in sorted(self.articles, key=lambda a: (a.date, a.url), reverse=True):
            brief = getattr(article, "brief", None)
            document = brief.document if brief else None
            briefs.append({
                "url": article.url,
                "title": str(article.title),
                "date": article.date.isoformat(),
                "lang": article.lang,
                "quotes": [{"text": quote.text,
                            "speaker": speaker_name(quote, article.lang),
                            "speaker_id": site_id_of.get(quote.speaker_id or "")}
                           for quote in (document.quotes if document else ())
                           if not quote.fragment and not quote.hidden],
                "entities": [entity.id for entity in (brief.entities if brief else ())],
                "related": [{"url": link.article.url, "score": round(link.score, 3),
                             "shared": [entity.id for entity in link.shared]
                             + [f"tag:{tag}" for tag in link.shared_tags]}
                            for link in (brief.related if brief else ())],
            })
        return {"briefs": briefs}

    def _entities_api(self) -> dict[str, Any]:
        return {
            "entities": [
                {
                    "id": entity.id,
                    "slug": entity.slug,
                    "type": entity.kind,
                    "name": entity.name,
                    "names": entity.names,
                    "aliases": list(entity.aliases),
                    "wikidata": entity.wikidata,
                    "url": entity.url,
                    "mentions": entity.mention_count,
                    "briefs": [article.url for article in entity.articles],
                }
                for entity in self.entities
            ]
        }

    def _write_json(self, relative: str, payload: dict[str, Any]) -> None:
        target = Path(self.output_path) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact: an indented dump runs in json's pure-Python encoder (three times slower),
        # and its indentation is a fifth of the bytes (29 MB at 10,000 briefs).
        target.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")) + "\n", encoding="utf-8")
