"""Signal wiring of the briefs plugin: nothing but connections and the receivers they call."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, Generator

from briefs import articles, jinja, publish
from briefs.analysis.entities import (
    Gazetteer,
    SiteEntities,
    load_site_entities,
    site_gazetteer,
)
from briefs.cache import AnalysisCache
from briefs.generators import URL_DEFAULTS, EntityPagesGenerator
from briefs.settings import BriefsSettings


@dataclass(frozen=True, slots=True)
class BriefsBuild:
    """What one build shares between receivers: settings, the gazetteer and the cache."""

    settings: BriefsSettings
    gazetteer: Gazetteer
    cache: AnalysisCache


def start_build(pelican: Pelican) -> None:
    """Validate settings and load the editors' entity file before anything is read.

    A bad ``BRIEFS_*`` value or a malformed entities file raises here, so the build stops
    before anything is written, with a message naming the setting or the file and line.
    """
    for key, value in URL_DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    settings = BriefsSettings.from_pelican(pelican.settings)
    entities_file = settings.entities_file
    site = load_site_entities(entities_file) if entities_file.is_file() else SiteEntities()
    # The editors' file changes what the analysis finds: it is part of every cache key.
    salt = hashlib.sha256(entities_file.read_bytes()).hexdigest() if entities_file.is_file() else ""
    pelican.settings["BRIEFS"] = BriefsBuild(
        settings=settings, gazetteer=site_gazetteer(site),
        cache=AnalysisCache(settings.cache_dir, salt=salt))


def install_jinja(generator: Generator) -> None:
    """Give a generator's Jinja environment the brief filters and the theme's translations."""
    jinja.install(generator.env, _build(generator.settings).settings)


def annotate_articles(generator: ArticlesGenerator) -> None:
    """Analyse every article (and translation), index the site, write each brief's markup."""
    build = _build(generator.settings)
    site = articles.annotate_site(
        [*generator.articles, *generator.translations], build.settings, build.gazetteer,
        build.cache, generator.settings)
    generator.context["site_index"] = site


def entity_pages_generator(pelican: Pelican) -> type[EntityPagesGenerator]:
    """Add the generator of entity pages (it runs after the articles are annotated)."""
    return EntityPagesGenerator


def _build(pelican_settings: dict[str, Any]) -> BriefsBuild:
    build = pelican_settings.get("BRIEFS")
    if not isinstance(build, BriefsBuild):
        msg = "the briefs plugin was not initialised: is 'briefs' in PLUGINS?"
        raise RuntimeError(msg)
    return build


def register() -> None:
    """Connect the briefs plugin to Pelican's signals."""
    # Fail fast on bad BRIEFS_* settings or entities.yml, before any content is read.
    signals.initialized.connect(start_build)
    # Filters, globals and gettext for every generator's templates.
    signals.generator_init.connect(install_jinja)
    # All articles read and the content cache saved: safe to rewrite _content.
    signals.article_generator_finalized.connect(annotate_articles)
    # Publishing build: stop early on an empty or relative SITEURL.
    signals.initialized.connect(publish.check_publishing)
    # Search on: add the search.html direct template before generators are made.
    signals.initialized.connect(publish.add_search_page)
    # Canonical/Open Graph/JSON-LD filters and the search normaliser's tables.
    signals.generator_init.connect(publish.install_jinja)
    # Atom ids and links percent-encoded (Arabic slugs), xml:lang set, for every feed.
    signals.feed_generated.connect(publish.ascii_feed_ids)
    # Site written: .nojekyll, sitemap.xml and robots.txt from the pages' heads.
    signals.finalized.connect(publish.write_site_files)
    # Site written: the Pagefind index of the briefs (a failure fails the build).
    signals.finalized.connect(publish.index_search)
    # Entity pages, the entity index page, per-entity feeds and the JSON API.
    signals.get_generators.connect(entity_pages_generator)
