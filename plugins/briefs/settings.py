"""The plugin's ``BRIEFS_*`` settings: defaults in one place, validated once at start-up."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefs.analysis.boilerplate import DEFAULT_PATTERN_SOURCES, compile_patterns
from briefs.analysis.pipeline import AnalysisConfig
from briefs.i18n import DIGIT_SYSTEMS
from briefs.markup.render import LINK_MENTION_MODES
from briefs.publish.search import DEFAULT_SHARD_SIZE, shard_size_problem
from briefs.site.related import RelatedConfig


class BriefsConfigError(ValueError):
    """A ``BRIEFS_*`` setting has a value the plugin cannot use."""


DEFAULTS: dict[str, Any] = {
    # Regular expressions for share/print/navigation lines at the end of a scraped article.
    "BRIEFS_BOILERPLATE_PATTERNS": list(DEFAULT_PATTERN_SOURCES),
    # Patterns added to the list above, so a site can extend the defaults without copying them.
    "BRIEFS_BOILERPLATE_EXTRA": [],
    # Digits for dates and numbers in the theme: "latn" (0-9) or "arab" (٠-٩).
    "BRIEFS_DIGITS": "latn",
    # How many key quotes the sidebar shows.
    "BRIEFS_KEY_QUOTES": 4,
    # Wrap Latin names and numbers inside right-to-left text in <bdi>.
    "BRIEFS_ISOLATE_LTR": True,
    # gettext catalogues of the theme; None means <THEME>/translations.
    "BRIEFS_TRANSLATIONS_DIR": None,
    # The editors' entity file (aliases, merges, exclusions), relative to PATH (content/).
    "BRIEFS_ENTITIES_FILE": "entities.yml",
    # Keep analyses under CACHE_PATH/briefs, keyed by content hash, across builds.
    "BRIEFS_CACHE": True,
    # Keep rendered pages under CACHE_PATH/briefs-pages: a page is rendered again only when
    # a value its templates read changed (see briefs.pelican.page_cache).
    "BRIEFS_PAGE_CACHE": True,
    # Publishing build (publishconf.py): SITEURL must be absolute, RELATIVE_URLS off.
    "BRIEFS_PUBLISHING": False,
    # A search page and a Pagefind index of the briefs, written after every build.
    "BRIEFS_SEARCH": True,
    # Briefs per search-index shard (oldest first; Pagefind needs about 340 KB a brief, so
    # this bounds the search step's memory): see briefs.publish.search.
    "BRIEFS_SEARCH_SHARD_SIZE": DEFAULT_SHARD_SIZE,
    # How many related briefs a brief shows (editors' pins come on top).
    "BRIEFS_RELATED_MAX": 5,
    # The least relatedness score for a link (see briefs.site.related): higher links less.
    "BRIEFS_RELATED_MIN_SCORE": 40,
    # A story thread holds briefs on the same main entities up to this many days apart.
    "BRIEFS_THREAD_DAYS": 14,
    # Keep the authors' HTML as written (scripts, event handlers, any link): only for a site
    # whose every author is trusted. Off: bodies and summaries go through an allowlist.
    "BRIEFS_RAW_HTML": False,
    # The analysis reads this many characters of a brief; a longer one gets a warning.
    "BRIEFS_MAX_ANALYSED_CHARS": 100_000,
    # The Content-Security-Policy of every page (a <meta http-equiv>): no inline script or
    # style, scripts and styles from the site only (the search page adds WebAssembly for
    # Pagefind). Images may come from any https address (agencies' pictures). "" omits it.
    "BRIEFS_CONTENT_SECURITY_POLICY": (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        "img-src 'self' https:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'"),
    # A content file that cannot be read fails the build (once the rest is written);
    # True only logs it, and the build exits 0 without that brief.
    "BRIEFS_SKIP_UNREADABLE": False,
    # Worker processes analysing the briefs the cache lacks; 0: one a core, 1: no pool.
    "BRIEFS_WORKERS": 0,
    # A Dask scheduler address ("tcp://host:8786"): analyse on that cluster instead.
    "BRIEFS_DASK_SCHEDULER": None,
    # Seconds one brief's analysis may take in a worker before it is given up; 0: no limit.
    "BRIEFS_ANALYSIS_TIMEOUT": 120,
    # Briefs per entity page (newest first; the rest on page 2, 3, ...).
    "BRIEFS_ENTITY_PAGE_SIZE": 20,
    # Briefs an entity's feed carries (its newest; FEED_MAX_ITEMS caps it too): one feed an
    # entity, thousands of entities, so a feed is kept short.
    "BRIEFS_ENTITY_FEED_ITEMS": 10,
    # mujaz review lists a quote attribution or an entity below this confidence as doubtful.
    "BRIEFS_REVIEW_CONFIDENCE": 0.9,
    # Which mentions of an entity in a brief's body link to its page: "first" (in the
    # brief), "paragraph" (the first in each paragraph) or "none".
    "BRIEFS_LINK_MENTIONS": "first",
    # The least confidence a speaker or an entity needs to be shown in a brief nobody has
    # reviewed (see briefs.site.confidence); 0.0 shows everything the analysis found.
    "BRIEFS_PUBLISH_CONFIDENCE": 0.0,
}


@dataclass(frozen=True, slots=True)
class BriefsSettings:
    """Validated plugin settings."""

    boilerplate_patterns: tuple[re.Pattern[str], ...]
    digits: str
    key_quotes: int
    isolate_ltr: bool
    translations_dir: Path
    site_lang: str
    entities_file: Path
    cache_dir: Path | None
    related: RelatedConfig
    raw_html: bool = False
    content_security_policy: str = ""
    max_analysed_chars: int = 100_000
    skip_unreadable: bool = False
    workers: int = 0
    dask_scheduler: str | None = None
    analysis_timeout: int = 120
    entity_page_size: int = 20
    entity_feed_items: int = 10
    review_confidence: float = 0.9
    link_mentions: str = "first"
    publish_confidence: float = 0.0
    page_cache: bool = True

    @property
    def fingerprint(self) -> str:
        """Return the settings the analysis depends on, as text for cache keys."""
        patterns = "|".join(pattern.pattern for pattern in self.boilerplate_patterns)
        return (f"{patterns}\x00{self.key_quotes}\x00{self.site_lang}"
                f"\x00{self.max_analysed_chars}")

    @property
    def analysis(self) -> AnalysisConfig:
        """Return the analysis settings these plugin settings imply."""
        return AnalysisConfig(boilerplate_patterns=self.boilerplate_patterns,
                              key_quotes=self.key_quotes,
                              max_analysed_chars=self.max_analysed_chars)

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> BriefsSettings:
        """Read and check the ``BRIEFS_*`` keys of Pelican's settings, naming any bad key."""
        merged = {**DEFAULTS, **{k: v for k, v in settings.items() if k.startswith("BRIEFS_")}}
        unknown = sorted(set(merged) - set(DEFAULTS))
        if unknown:
            known = ", ".join(sorted(DEFAULTS))
            msg = f"unknown setting(s) {', '.join(unknown)}; the known ones are: {known}"
            raise BriefsConfigError(msg)
        sources = merged["BRIEFS_BOILERPLATE_PATTERNS"], merged["BRIEFS_BOILERPLATE_EXTRA"]
        for key, value in zip(("BRIEFS_BOILERPLATE_PATTERNS", "BRIEFS_BOILERPLATE_EXTRA"),
                              sources, strict=True):
            if isinstance(value, str) or not all(isinstance(item, str) for item in value):
                msg = f"{key} must be a list of regular-expression strings, not {value!r}"
                raise BriefsConfigError(msg)
        try:
            patterns = compile_patterns([*sources[0], *sources[1]])
        except ValueError as error:
            raise BriefsConfigError(f"BRIEFS_BOILERPLATE_PATTERNS: {error}") from error
        digits = _one_of(merged, "BRIEFS_DIGITS", DIGIT_SYSTEMS)
        key_quotes, related_max, min_score, thread_days, max_chars = (
            _whole_number(merged, key) for key in ("BRIEFS_KEY_QUOTES", "BRIEFS_RELATED_MAX",
                                                   "BRIEFS_RELATED_MIN_SCORE",
                                                   "BRIEFS_THREAD_DAYS",
                                                   "BRIEFS_MAX_ANALYSED_CHARS"))
        workers, timeout, page_size, feed_items = (_whole_number(merged, key) for key in (
            "BRIEFS_WORKERS", "BRIEFS_ANALYSIS_TIMEOUT", "BRIEFS_ENTITY_PAGE_SIZE",
            "BRIEFS_ENTITY_FEED_ITEMS"))
        if page_size == 0:
            raise BriefsConfigError("BRIEFS_ENTITY_PAGE_SIZE must be 1 or more, not 0")
        problem = shard_size_problem(merged["BRIEFS_SEARCH_SHARD_SIZE"])
        if problem:
            raise BriefsConfigError(problem)
        scheduler = merged["BRIEFS_DASK_SCHEDULER"]
        if scheduler is not None and (not isinstance(scheduler, str) or not scheduler.strip()):
            msg = ("BRIEFS_DASK_SCHEDULER must be a scheduler address such as "
                   f"\"tcp://10.0.0.5:8786\", or None, not {scheduler!r}")
            raise BriefsConfigError(msg)
        if max_chars == 0:  # would analyse nothing: every brief without quotes or names
            msg = ("BRIEFS_MAX_ANALYSED_CHARS must be 1 or more, not 0: it is how many "
                   "characters of a brief the analysis reads (100_000 covers any news brief)")
            raise BriefsConfigError(msg)
        for key in ("BRIEFS_PUBLISHING", "BRIEFS_SEARCH", "BRIEFS_RAW_HTML",
                    "BRIEFS_SKIP_UNREADABLE", "BRIEFS_PAGE_CACHE"):
            if not isinstance(merged[key], bool):
                raise BriefsConfigError(f"{key} must be True or False, not {merged[key]!r}")
        policy = merged["BRIEFS_CONTENT_SECURITY_POLICY"]
        if not isinstance(policy, str) or any(char in policy for char in "\"<>\n"):
            msg = ("BRIEFS_CONTENT_SECURITY_POLICY must be a policy string such as "
                   f"\"default-src 'self'\" (or \"\" for none), not {policy!r}")
            raise BriefsConfigError(msg)
        publish_confidence = _fraction(merged, "BRIEFS_PUBLISH_CONFIDENCE")
        link_mentions = _one_of(merged, "BRIEFS_LINK_MENTIONS", LINK_MENTION_MODES)
        review_confidence = _fraction(merged, "BRIEFS_REVIEW_CONFIDENCE")
        translations = merged["BRIEFS_TRANSLATIONS_DIR"]
        if translations is None:
            translations = Path(settings.get("THEME", ".")) / "translations"
        content = Path(settings.get("PATH", "content"))
        entities_file = Path(merged["BRIEFS_ENTITIES_FILE"])
        cache_dir = Path(settings.get("CACHE_PATH", "cache")) / "briefs"
        return cls(
            entities_file=entities_file if entities_file.is_absolute() else content / entities_file,
            cache_dir=cache_dir if merged["BRIEFS_CACHE"] else None,
            boilerplate_patterns=patterns,
            digits=digits,
            key_quotes=key_quotes,
            isolate_ltr=bool(merged["BRIEFS_ISOLATE_LTR"]),
            translations_dir=Path(translations),
            site_lang=str(settings.get("DEFAULT_LANG") or "en"),
            related=RelatedConfig(max_related=related_max, min_score=min_score,
                                  thread_window_days=thread_days),
            raw_html=merged["BRIEFS_RAW_HTML"],
            content_security_policy=policy,
            max_analysed_chars=max_chars,
            skip_unreadable=merged["BRIEFS_SKIP_UNREADABLE"],
            workers=workers,
            dask_scheduler=scheduler,
            analysis_timeout=timeout,
            entity_page_size=page_size,
            entity_feed_items=feed_items,
            review_confidence=review_confidence,
            link_mentions=link_mentions,
            publish_confidence=publish_confidence,
            page_cache=merged["BRIEFS_PAGE_CACHE"],
        )


def _whole_number(merged: Mapping[str, Any], key: str) -> int:
    """Return the setting if it is a whole number of 0 or more; else name it in an error."""
    value = merged[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        msg = f"{key} must be a whole number of 0 or more, not {value!r}"
        raise BriefsConfigError(msg)
    return value


def _fraction(merged: Mapping[str, Any], key: str) -> float:
    """Return the setting if it is a number from 0 to 1; else name it in an error."""
    value = merged[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        msg = f"{key} must be a number from 0 to 1 (a confidence), not {value!r}"
        raise BriefsConfigError(msg)
    return float(value)


def _one_of(merged: Mapping[str, Any], key: str, choices: Sequence[str]) -> str:
    """Return the setting if it is one of ``choices``; else name it and them in an error."""
    value = merged[key]
    if value not in choices:
        msg = f"{key} must be one of {', '.join(choices)}, not {value!r}"
        raise BriefsConfigError(msg)
    return str(value)
