"""Signal wiring of the briefs plugin: nothing but connections."""

from __future__ import annotations

from typing import Any

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, Generator

from briefs import articles, jinja
from briefs.settings import BriefsSettings


def check_settings(pelican: Pelican) -> None:
    """Validate the ``BRIEFS_*`` settings before anything is read (raises on a bad key)."""
    pelican.settings["BRIEFS"] = BriefsSettings.from_pelican(pelican.settings)


def install_jinja(generator: Generator) -> None:
    """Give a generator's Jinja environment the brief filters and the theme's translations."""
    jinja.install(generator.env, _settings(generator.settings))


def annotate_articles(generator: ArticlesGenerator) -> None:
    """Turn every article (and translation) into a brief."""
    settings = _settings(generator.settings)
    articles.prepare_briefs([*generator.articles, *generator.translations], settings)


def _settings(pelican_settings: dict[str, Any]) -> BriefsSettings:
    # Set by check_settings; built again when a generator is used without Pelican.run().
    cached = pelican_settings.get("BRIEFS")
    return cached if isinstance(cached, BriefsSettings) else BriefsSettings.from_pelican(
        pelican_settings)


def register() -> None:
    """Connect the briefs plugin to Pelican's signals."""
    # Fail fast on bad BRIEFS_* settings, before any content is read.
    signals.initialized.connect(check_settings)
    # Filters, globals and gettext for every generator's templates.
    signals.generator_init.connect(install_jinja)
    # All articles read and the content cache saved: safe to rewrite _content.
    signals.article_generator_finalized.connect(annotate_articles)
