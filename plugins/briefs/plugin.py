"""Signal wiring of the briefs plugin: nothing but connections and the receivers they call."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import Pelican, signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator

from briefs.analyse_pool import Progress
from briefs.analysis.entities import (
    Gazetteer,
    SiteEntities,
    load_site_entities,
    site_gazetteer,
)
from briefs.cache import AnalysisCache
from briefs.pelican import (
    articles,
    compat,
    content_errors,
    heap,
    intake,
    jinja,
    output_dir,
    publishing,
    reader_cache,
    render_pool,
    reporting,
    workers,
)
from briefs.pelican.generators import URL_DEFAULTS, EntityPagesGenerator
from briefs.pelican.page_cache import PageCache
from briefs.publish import search
from briefs.settings import BriefsSettings


@dataclass(frozen=True, slots=True)
class BriefsBuild:
    """What one build shares between receivers: settings, the gazetteer and the cache."""

    settings: BriefsSettings
    gazetteer: Gazetteer
    cache: AnalysisCache
    # Pelican's DELETE_OUTPUT_DIRECTORY, taken over so that the old site is only deleted
    # once every content file has been read and checked (see check_outputs).
    clean_output: bool = False
    # The editors' entities and their hash: what analysis workers build the gazetteer from.
    site_entities: SiteEntities | None = None
    salt: str = ""
    # Told of each analysed brief (mujaz analyse draws its progress bar with it).
    progress: Progress | None = None
    # mujaz analyse: fill the analysis cache, then stop (no index, no markup).
    analyse_only: bool = False
    # Filled once the generators are final: how the pages are shared between processes.
    render: render_pool.RenderPlan = field(default_factory=render_pool.RenderPlan)

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        """Pickle as nothing: this build's runtime objects (a progress bar on stderr, the
        cache, worker plans) are no data. Pelican's reader cache pickles the settings its
        tags and categories hold, and the settings hold this object."""
        return (_no_build, ())


def _no_build() -> None:
    return None


def start_build(pelican: Pelican) -> None:
    """Validate settings and load the editors' entity file before anything is read.

    A bad ``BRIEFS_*`` value or a malformed entities file raises here, so the build stops
    before anything is written, with a message naming the setting or the file and line.
    Autoescape is turned on for every template: the theme marks safe only the HTML the
    plugin sanitised.
    """
    reporting.quiet_tracebacks()
    for key, value in URL_DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    pelican.settings["JINJA_ENVIRONMENT"] = {**pelican.settings.get("JINJA_ENVIRONMENT", {}),
                                             "autoescape": True}
    clean_output = bool(pelican.delete_outputdir)
    pelican.delete_outputdir = False
    settings = BriefsSettings.from_pelican(pelican.settings)
    entities_file = settings.entities_file
    # A missing file is an empty layer; anything else there must load, or the build stops.
    site = load_site_entities(entities_file)
    # The editors' file changes what the analysis finds: it is part of every cache key.
    salt = hashlib.sha256(entities_file.read_bytes()).hexdigest() if entities_file.is_file() else ""
    pelican.settings["BRIEFS"] = BriefsBuild(
        settings=settings, gazetteer=site_gazetteer(site),
        cache=AnalysisCache(settings.cache_dir, salt=salt), clean_output=clean_output,
        site_entities=site, salt=salt)


def admit_content(content: Content) -> None:
    """Check and clean an article or page as soon as Pelican has read it."""
    intake.admit(content)


def check_article_outputs(generator: ArticlesGenerator) -> None:
    """Stop before the site is indexed if two briefs (any status) would share a page."""
    intake.refuse_duplicates(intake.contents_of([generator]))


def check_outputs(generators: list[Generator]) -> None:
    """Everything is read and checked: refuse duplicate pages, then empty ``OUTPUT_PATH``.

    Pelican itself empties the output folder before it reads any content; the plugin takes
    that over (``start_build``) so that a build stopped by bad content keeps the old site,
    and leaves the page cache's pages of the last build for it (:mod:`briefs.pelican.output_dir`).
    """
    intake.refuse_duplicates(intake.contents_of(generators))
    if not generators or not _build(generators[0].settings).clean_output:
        return
    settings = generators[0].settings
    output, content = Path(generators[0].output_path), Path(generators[0].path)
    # Never delete the folder that holds the content (Pelican's own guard).
    if output.resolve() not in (content.resolve(), *content.resolve().parents):
        build = _build(settings)
        kept = PageCache.previous_outputs(settings) if build.settings.page_cache else set()
        # The search bundle stays until the new one is installed over it: its unchanged
        # shards are kept there (briefs.publish.search.install_bundle).
        retained = [*settings.get("OUTPUT_RETENTION", []),
                    *([search.BUNDLE_DIR] if settings.get("BRIEFS_SEARCH", True) else [])]
        build.render.output_started = output_dir.empty_output(output, retained, kept)


def plan_rendering(generators: list[Generator]) -> None:
    """Every context is final: URLs computed once, and how many processes render the pages."""
    if generators:
        for generator in generators:
            if isinstance(generator, ArticlesGenerator):
                render_pool.freeze_urls([*generator.articles, *generator.translations])
        build = _build(generators[0].settings)
        pages = PageCache.open(generators[0].settings, build.settings.translations_dir) \
            if build.settings.page_cache else None
        render_pool.plan_rendering(build.render, generators, build.settings.workers,
                                   last=EntityPagesGenerator, pages=pages)


def finish_page_cache(pelican: Pelican) -> None:
    """Every page written: drop the kept pages nothing used, say how many were copied."""
    plan = _build(pelican.settings).render
    if plan.pages is not None:
        plan.pages.finish(plan.output_started)


def shared_writer(pelican: Pelican) -> type[render_pool.SharedWriter]:
    """Give Pelican the writer that renders the pages on every core."""
    return render_pool.SharedWriter


def install_jinja(generator: Generator) -> None:
    """Give a generator's Jinja environment the brief filters and the theme's translations."""
    jinja.install(generator.env, _build(generator.settings).settings)


def annotate_articles(generator: ArticlesGenerator) -> None:
    """Analyse every article (and translation), index the site, write each brief's markup."""
    build = _build(generator.settings)
    analyser = workers.make_analyser(build.settings, build.site_entities or SiteEntities(),
                                     build.gazetteer, build.salt, build.progress)
    briefs = [*generator.articles, *generator.translations]
    # Their URLs are final once read; the site index and every page read them again.
    render_pool.freeze_urls(briefs)
    if build.analyse_only:
        entries = workers.analyse_entries(briefs, build.settings, build.cache, analyser)
        failed = sum(entry is None for _key, entry in entries)
        generator.context["briefs_analysed"] = (len(briefs), build.cache.hits, failed)
        return
    site = articles.annotate_site(briefs, build.settings, build.gazetteer, build.cache,
                                  generator.settings, analyser=analyser)
    generator.context["site_index"] = site
    generator.context["annotated_briefs"] = briefs
    # Each feed matches its entries to briefs by URL (publishing.plain_feed_titles).
    generator.context["brief_titles"] = {str(brief.url): str(brief.title) for brief in briefs}


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
    # Pelican's reader cache made with other settings is deleted before anything is read.
    signals.initialized.connect(reader_cache.forget_stale_reader_cache)
    # Every article and page read: plain-text metadata, checked Lang and Slug, safe HTML.
    signals.content_object_init.connect(admit_content)
    # A content file Pelican cannot read is logged with its reason (FILE:LINE: why).
    signals.readers_init.connect(content_errors.watch_readers)
    # Drafts without a Category get the default one: Pelican's draft writer needs it.
    signals.article_generator_pretaxonomy.connect(compat.give_drafts_a_category)
    # Two briefs on one page would break the site index: stop before indexing.
    signals.article_generator_pretaxonomy.connect(check_article_outputs)
    # Everything read and checked: only now is the old output deleted.
    signals.all_generators_finalized.connect(check_outputs)
    # Filters, globals and gettext for every generator's templates.
    signals.generator_init.connect(install_jinja)
    # All content read and Pelican's reader cache saved: its copies are let go.
    signals.article_generator_finalized.connect(reader_cache.release_reader_cache)
    signals.page_generator_finalized.connect(reader_cache.release_reader_cache)
    # All articles read and the content cache saved: safe to rewrite _content.
    signals.article_generator_finalized.connect(annotate_articles)
    # Publishing build: stop early on an empty or relative SITEURL.
    signals.initialized.connect(publishing.check_publishing)
    # Search on: add the search.html direct template before generators are made.
    signals.initialized.connect(publishing.add_search_page)
    # Canonical/Open Graph/JSON-LD filters and the search normaliser's tables.
    signals.generator_init.connect(publishing.install_jinja)
    # Feed entry titles as typed (Pelican strips tags from them), then
    # Atom ids and links percent-encoded (Arabic slugs), xml:lang set, for every feed.
    signals.feed_generated.connect(publishing.plain_feed_titles)
    signals.feed_generated.connect(publishing.ascii_feed_ids)
    # Site written: .nojekyll, sitemap.xml and robots.txt from the pages' heads.
    signals.finalized.connect(publishing.write_site_files)
    # Site written: fail the build if a content file could not be read (unless
    # BRIEFS_SKIP_UNREADABLE); connected after the other finalized receivers.
    signals.finalized.connect(content_errors.fail_on_unreadable)
    # Entity pages, the entity index page, per-entity feeds and the JSON API.
    signals.get_generators.connect(entity_pages_generator)
    # Every context final: plan the writing phase, then render it in several processes.
    signals.all_generators_finalized.connect(plan_rendering)
    signals.get_writer.connect(shared_writer)
    # Site written: the page cache keeps only what this build used.
    signals.finalized.connect(finish_page_cache)
    # Site written: the objects frozen for the build go back to the garbage collector.
    signals.finalized.connect(heap.hand_back)
