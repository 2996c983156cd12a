"""Entity pages (paginated, one Atom feed per entity), the entity index, the JSON API, search.

Pelican glue, modelled on ``ArticlesGenerator.generate_tags``: ``generate_context`` turns the
entity index (built when the articles were annotated) into page objects; ``generate_output``
writes them. Nothing is written while the shared context can still change.

An entity's briefs are listed newest first, ``BRIEFS_ENTITY_PAGE_SIZE`` a page (Pelican's
paginator, ``PAGINATION_PATTERNS``), each page with the quotes of its own briefs, so that no
page grows with the archive. An entity's feed carries the summaries of its newest
``FEED_MAX_ITEMS`` briefs, not their bodies (a brief is in the feeds of its 20-40 entities).

The search index is started here too, once the briefs are annotated: its records come from
what the build holds, and the Pagefind binary indexes them on another core while Pelican
renders the pages (see :mod:`briefs.publish.search`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.contents import Article
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from briefs.i18n import format_brief_date
from briefs.publish.search import SearchJob, search_record
from briefs.site.entities import IndexedEntity, display_name, group_by_type, sort_key
from briefs.site.index import SiteIndex

logger = logging.getLogger(__name__)

URL_DEFAULTS = {
    "ENTITY_URL": "entities/{slug}.html",
    "ENTITY_SAVE_AS": "entities/{slug}.html",
    "ENTITIES_URL": "entities/index.html",
    "ENTITIES_SAVE_AS": "entities/index.html",
    "ENTITY_FEED_ATOM": "feeds/entities/{slug}.atom.xml",
    "ENTITIES_API_SAVE_AS": "api/entities.json",
    "ARTICLES_API_SAVE_AS": "api/briefs.json",
}


@dataclass(frozen=True, slots=True)
class ListedBrief:
    """A brief on an entity's page: how often it names the entity, what the entity said."""

    article: Article
    mentions: int
    url: str  # the brief's URL, worked out once (Pelican's is a 30 µs property)
    quotes: tuple[str, ...] = ()


class SummaryEntry:
    """A brief as an entity feed carries it: the summary, never the whole body."""

    def __init__(self, article: Article, url: str) -> None:
        self._article = article
        self.url = url

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - the article's own attributes
        return getattr(self._article, name)

    def get_content(self, siteurl: str) -> str:
        """Return the summary where Pelican's feed writer asks for the content."""
        return self._article.get_summary(siteurl)


class Entity(URLWrapper):
    """An entity page; its URL settings are ``ENTITY_URL`` and ``ENTITY_SAVE_AS``.

    Equality and hashing go by slug, so the slug is the site entity's stable, unique one.
    """

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
        self.search: SearchJob | None = None
        self.settings["PAGINATED_TEMPLATES"] = {
            **self.settings.get("PAGINATED_TEMPLATES", {}),
            "entity": self.settings.get("BRIEFS_ENTITY_PAGE_SIZE", 20)}
        if self.settings.get("BRIEFS_SEARCH", True):
            self.search = SearchJob(self._search_records(), self._site_lang()).start()
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
        self.context["entities"] = self.entities
        # In the order of the names as the page shows them (the site's language).
        self.context["entity_groups"] = group_by_type(
            sorted(self.entities, key=lambda page: (sort_key(page.name), page.id)))

    def _site_lang(self) -> str:
        return str(self.settings.get("DEFAULT_LANG") or "en")

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
                body=brief.text if brief is not None else ""))
        return records

    def generate_output(self, writer: Writer) -> None:
        """Write every entity page and feed, the index page and the JSON API.

        With a :class:`~briefs.pelican.render_pool.SharedWriter`, pages and feeds are
        rendered by several processes; the forked ones stop here, and this process waits
        for them before it writes the rest.
        """
        forked = getattr(writer, "forked", False)
        if not forked:
            self._write_json(self.settings["ARTICLES_API_SAVE_AS"], self._briefs_api())
        template = self.get_template("entity")
        feed_pattern = self.settings.get("ENTITY_FEED_ATOM")
        feed_items = self.settings.get("FEED_MAX_ITEMS")
        for entity in self.entities:
            writer.write_file(entity.save_as, template, self.context, entity=entity,
                              paginated={"articles": entity.briefs}, url=entity.url,
                              template_name="entity",
                              relative_urls=self.settings["RELATIVE_URLS"])
            if feed_pattern:
                newest = entity.briefs[:feed_items] if feed_items is not None else entity.briefs
                writer.write_feed([SummaryEntry(brief.article, brief.url) for brief in newest],
                                  self.context, feed_pattern.format(slug=entity.slug),
                                  feed_title=entity.name)
        writer.write_file(self.settings["ENTITIES_SAVE_AS"], self.get_template("entities"),
                          self.context, url=self.settings["ENTITIES_URL"],
                          template_name="entities", relative_urls=self.settings["RELATIVE_URLS"])
        if forked:
            return
        self._write_json(self.settings["ENTITIES_API_SAVE_AS"], self._entities_api())
        join_shares = getattr(writer, "join_shares", None)
        if join_shares is not None:
            join_shares()
        if self.search is not None:
            with self.search:
                self.search.finish(Path(self.output_path))

    def _briefs_api(self) -> dict[str, Any]:
        briefs = []
        site: SiteIndex | None = self.context.get("site_index")
        # A speaker is the site's entity: its id there, and its site-wide name.
        site_id_of = site.entities.site_id_of if site else {}
        names = ({item.entity.id: item.entity.name for item in site.entities.entities}
                 if site else {})
        for article in sorted(self.articles, key=lambda a: (a.date, a.url), reverse=True):
            brief = getattr(article, "brief", None)
            document = brief.document if brief else None
            briefs.append({
                "url": article.url,
                "title": str(article.title),
                "date": article.date.isoformat(),
                "lang": article.lang,
                "quotes": [{"text": quote.text,
                            "speaker": names.get(site_id_of.get(quote.speaker_id or ""),
                                                 quote.speaker),
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
        target.write_text(json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                          encoding="utf-8")
