"""The analysis step of a build: cached analyses read, the missing ones made by workers.

Pelican glue around :mod:`briefs.analyse_pool`: turns each article into a picklable
:class:`~briefs.analyse_pool.AnalysisTask`, looks its analysis up in the content-hash cache,
sends the briefs the cache lacks to the executor the settings choose (this process, a
process pool, a Dask cluster) and stores what comes back. The cache key hashes the body's
HTML as Pelican read it (so a warm build never parses a body), the language, the title,
the ``Quote_*`` overrides and the settings.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pelican.contents import Article

from briefs.analyse_pool import Analyser, AnalysisTask, Outcome, Progress, WorkerContext
from briefs.analysis.entities import Gazetteer, SiteEntities
from briefs.analysis.pipeline import OVERRIDE_KEYS
from briefs.cache import AnalysisCache, CachedAnalysis
from briefs.markup.htmltext import BodyText, extract_body
from briefs.settings import BriefsSettings

logger = logging.getLogger(__name__)


def _metadata_text(value: Any) -> str:  # noqa: ANN401 - Pelican metadata is str or list
    return "\n".join(value) if isinstance(value, list | tuple) else str(value or "")


def analysis_task(article: Article, settings: BriefsSettings) -> AnalysisTask:
    """Return what the analysis of one article reads, as picklable text."""
    return AnalysisTask(
        source=str(article.source_path), html=article._content or "",
        lang=getattr(article, "lang", None) or settings.site_lang,
        title=str(getattr(article, "title", "")),
        overrides=tuple((key, _metadata_text(article.metadata.get(key)))
                        for key in OVERRIDE_KEYS))


def analysis_key(task: AnalysisTask, settings: BriefsSettings, cache: AnalysisCache) -> str:
    """Return the cache key of a task (the cache adds the analyser and the entities salt)."""
    return cache.key(["html", task.html, task.lang, task.title,
                      *(value for _key, value in task.overrides), settings.fingerprint])


def make_analyser(settings: BriefsSettings, site: SiteEntities, gazetteer: Gazetteer,
                  salt: str, progress: Progress | None = None) -> Analyser:
    """Return the analyser the settings ask for (workers, Dask scheduler, time limit)."""
    context = WorkerContext(config=settings.analysis, site=site, key=salt or "default",
                            timeout=float(settings.analysis_timeout))
    return Analyser(context, gazetteer, workers=settings.workers,
                    dask_scheduler=settings.dask_scheduler, progress=progress)


def analyse_entries(articles: Sequence[Article], settings: BriefsSettings,
                    cache: AnalysisCache, analyser: Analyser,
                    ) -> list[tuple[str, CachedAnalysis | None]]:
    """Return (cache key, analysis) for each article; None where the analysis failed.

    Cached analyses are read here; the rest go to the analyser in one batch and are stored.
    A failed brief is reported with its file and the reason, and the others go on.
    """
    tasks = [analysis_task(article, settings) for article in articles]
    keys = [analysis_key(task, settings, cache) for task in tasks]
    entries: list[CachedAnalysis | None] = [cache.get(key) for key in keys]
    missing = [index for index, entry in enumerate(entries) if entry is None]
    if missing:
        logger.info("briefs: analysing %d briefs (%d from the cache)", len(missing),
                    len(tasks) - len(missing))

    def store(position: int, outcome: Outcome) -> None:
        """Store one brief's analysis as soon as it is done (its body goes to the cache)."""
        index = missing[position]
        if outcome.entry is None:
            logger.error("%s: %s; the brief is published without quotes or entities",
                         tasks[index].source, outcome.error)
            return
        cache.put(keys[index], outcome.entry)
        entries[index] = replace(outcome.entry, body=None)

    analyser.run([tasks[index] for index in missing], consume=store)
    return list(zip(keys, entries, strict=True))


def body_of(article: Article, key: str, cache: AnalysisCache) -> BodyText:
    """Return an analysed article's body: from the cache, or read from its HTML again."""
    body = cache.get_body(key)
    return body if body is not None else extract_body(article._content or "")
