"""Pelican's reader cache, made safe to leave on: it is forgotten when the settings change.

With ``CACHE_CONTENT`` and ``LOAD_CONTENT_CACHE`` on, Pelican keeps what its readers made of
each content file (the body's HTML and the metadata) in ``CACHE_PATH`` and, on the next
build, reads again only the files whose modification stamp changed. A warm build then skips
Markdown, which is a fifth of its time.

Pelican does not check that the settings are the ones the cache was made with: the tags,
categories and authors in the cached metadata keep a copy of the settings of the build that
read them (their URLs come from it), and ``MARKDOWN`` or ``READERS`` change what a reader
makes. So the plugin keeps, beside Pelican's cache, a digest of the settings and of the
versions of Pelican and its readers; when it differs, Pelican's cache files are deleted
before anything is read, and this build reads every file again. Switching between
``pelicanconf.py`` and ``publishconf.py`` therefore costs one full read each time.
"""

from __future__ import annotations

import hashlib
import logging
from importlib import metadata
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.generators import Generator

from briefs.pelican.page_cache import settings_digest

logger = logging.getLogger(__name__)

STAMP_FILE = "briefs-reader-cache.stamp"
# What Pelican's readers are made of: a new version can read a file differently.
READER_PACKAGES = ("pelican", "markdown", "docutils")


def reader_cache_stamp(settings: dict[str, Any]) -> str:
    """Return the digest the reader cache is valid for: settings and reader versions."""
    versions = []
    for package in READER_PACKAGES:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=none")
    return hashlib.sha256(
        (settings_digest(settings) + "\0" + ",".join(versions)).encode()).hexdigest()


def forget_stale_reader_cache(pelican: Pelican) -> None:
    """Before any content is read: if Pelican's reader cache was made with other settings,
    delete it and read every file this build.

    Only the ``*-Readers`` files (Pelican's reader-layer cache) go; the plugin's own caches
    check their keys themselves. The new stamp is written only once the old files are gone,
    so a build stopped before Pelican saves its cache never leaves stale entries behind a
    valid stamp; if they cannot be deleted, this build does not load them either.
    """
    settings = pelican.settings
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        return
    folder = Path(settings.get("CACHE_PATH", "cache"))
    stamp_file = folder / STAMP_FILE
    stamp = reader_cache_stamp(settings)
    try:
        if stamp_file.read_text(encoding="ascii") == stamp:
            return
    except (OSError, UnicodeDecodeError):
        pass  # no stamp yet (or unreadable): whatever cache is there is of unknown settings
    try:
        stale = sorted(folder.glob("*-Readers")) if folder.is_dir() else []
        for path in stale:
            path.unlink(missing_ok=True)
        folder.mkdir(parents=True, exist_ok=True)
        stamp_file.write_text(stamp, encoding="ascii")
    except OSError as error:
        logger.warning("Pelican's reader cache in %s cannot be renewed (%s); every content "
                       "file is read again", folder, error)
        settings["LOAD_CONTENT_CACHE"] = False
        return
    if stale:
        logger.info("Pelican's reader cache was made with other settings: every content "
                    "file is read again")


def release_reader_cache(generator: Generator) -> None:
    """Let go of Pelican's reader cache once Pelican has saved it (just before the
    generator's ``*_generator_finalized`` signal): it holds every content file's HTML as
    first read (70 MB at 10,000 briefs), which nothing reads again in this build."""
    cache = getattr(getattr(generator, "readers", None), "_cache", None)
    if isinstance(cache, dict):
        cache.clear()
