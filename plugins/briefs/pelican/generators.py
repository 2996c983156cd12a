"""Entity pages (one page and Atom feed per entity), the entity index, and the JSON API.

Pelican glue, modelled on ``ArticlesGenerator.generate_tags``: ``generate_context`` turns the
entity index (built when the articles were annotated) into page objects; ``generate_output``
writes them. Nothing is written while the shared context can still change.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pelican.contents import Article
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from briefs.site.entities import IndexedEntity, group_by_type
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


class Entity(URLWrapper):
    """An entity page; its URL settings are ``ENTITY_URL`` and ``ENTITY_SAVE_AS``.

    Equality and hashing go by slug, so the slug is the site entity's stable, unique one.
    """

    def __init__(self, item: IndexedEntity, settings: dict[str, Any]) -> None:
        super().__init__(item.entity.name, settings)
        self.slug = item.entity.slug
        self.id = item.entity.id
        self.kind = item.entity.type
        self.aliases = item.entity.aliases
        self.description = item.entity.description
        self.wikidata = item.entity.wikidata
        self.mention_count = item.mention_count
        # Filled in by the generator once every page object exists.
        self.briefs: list[tuple[Article, int]] = []
        self.quotes: list[tuple[Article, str]] = []
        self.companions: list[tuple[Entity, int]] = []

    @property
    def articles(self) -> list[Article]:
        """Return the briefs that mention the entity, newest first."""
        return [article for article, _count in self.briefs]


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
        if site is None:
            return
        index = site.entities
        pages = {item.entity.id: Entity(item, self.settings) for item in index.entities}
        for item in index.entities:
            page = pages[item.entity.id]
            page.briefs = [(by_url[brief.key], brief.mentions) for brief in item.briefs
                           if brief.key in by_url]
            page.quotes = [(by_url[quote.key], quote.text) for quote in item.quotes
                           if quote.key in by_url]
            page.companions = [(pages[other], count) for other, count in item.companions]
            self.entities.append(page)
        self.context["entities"] = self.entities
        self.context["entity_groups"] = group_by_type(self.entities)

    def generate_output(self, writer: Writer) -> None:
        """Write every entity page and feed, the index page and the JSON API."""
        self._write_json(self.settings["ARTICLES_API_SAVE_AS"], self._briefs_api())
        template = self.get_template("entity")
        feed_pattern = self.settings.get("ENTITY_FEED_ATOM")
        for entity in self.entities:
            writer.write_file(entity.save_as, template, self.context, entity=entity,
                              articles=entity.articles, url=entity.url, template_name="entity",
                              relative_urls=self.settings["RELATIVE_URLS"])
            if feed_pattern:
                writer.write_feed(entity.articles, self.context,
                                  feed_pattern.format(slug=entity.slug), feed_title=entity.name)
        writer.write_file(self.settings["ENTITIES_SAVE_AS"], self.get_template("entities"),
                          self.context, url=self.settings["ENTITIES_URL"],
                          template_name="entities", relative_urls=self.settings["RELATIVE_URLS"])
        self._write_json(self.settings["ENTITIES_API_SAVE_AS"], self._entities_api())

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
