"""Pagefind search over the published briefs, indexed by the Pagefind binary in one pass.

Only briefs are indexed: each brief becomes one Pagefind record whose content is the
normalised text of its title and body (:mod:`briefs.publish.searchnorm`), so that
clitics, spelling variants, harakat and tatweel do not hide a brief. The records come from
what the build already holds (each brief's title, language, date and analysed body text),
never from re-reading the written pages.

Pagefind's Python API takes custom records one at a time through a service (about 0.1 s a
brief); its binary indexes a folder of HTML files on every core. So each record is written
as a minimal HTML page (the normalised text in ``data-pagefind-body``, the title, summary,
language and date as ``data-pagefind-meta``) in a temporary folder at the page's own URL,
and the binary from the ``pagefind[bin]`` wheel indexes that folder with one call: the
fragments are the custom records' (same content, same metadata, same URL once Pagefind
joins it to its base URL), so the index is as useful as before. Normalising, writing and
indexing run in a helper process while Pelican renders (:class:`SearchJob`); the bundle is
moved into the output when it is done.

All records go into one index, in the site language: the search page is in the site
language, and Pagefind loads the index of the page's ``<html lang>``. A step that fails
raises :class:`SearchIndexError` naming the step and the file.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import shutil
import signal
import subprocess
import tempfile
import time
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from briefs.publish.searchnorm import index_text

logger = logging.getLogger(__name__)

# Pagefind writes its bundle here, below the output folder (no underscore since 1.0).
BUNDLE_DIR = "pagefind"
SUMMARY_CHARS = 220
# Files the bundle must hold for the search page to work.
REQUIRED_FILES = ("pagefind.js", "pagefind-entry.json")


class SearchIndexError(RuntimeError):
    """The search index could not be built; the message names the step and the file."""


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One brief as the search index sees it."""

    url: str  # relative to the site root, as Pagefind joins it to its base URL
    title: str
    lang: str
    date: str  # as the brief page writes it
    summary: str
    text: str  # title and body, whitespace squeezed


def search_record(*, url: str, title: str, lang: str, date: str, body: str) -> SearchRecord:
    """Return the record of one brief from its title and body text.

    >>> record = search_record(url="briefs/a.html", title=" عنوان ", lang="ar", date="١ يناير",
    ...                        body="نص\\n\\nثان")
    >>> record.text, record.summary
    ('عنوان نص ثان', 'نص ثان')
    """
    title = " ".join(title.split())
    body = " ".join(body.split())
    summary = body if len(body) <= SUMMARY_CHARS else body[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return SearchRecord(url=url, title=title, lang=lang, date=date, summary=summary,
                        text=f"{title} {body}".strip())


def record_page(record: SearchRecord, language: str) -> str:
    """Return the minimal page Pagefind indexes for one record.

    The normalised text is the only indexed content; the metadata stand outside it.

    >>> page = record_page(SearchRecord("a.html", "A & B", "en", "", "", "A & B"), "en")
    >>> '<main data-pagefind-body>a b</main>' in page
    True
    >>> 'data-pagefind-meta="title">A &amp; B<' in page
    True
    """
    meta = "".join(f'<p data-pagefind-meta="{key}">{escape(value)}</p>'
                   for key, value in (("title", record.title), ("summary", record.summary),
                                      ("lang", record.lang), ("date", record.date)))
    return (f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8">'
            f"<title></title></head><body>{meta}<main data-pagefind-body>"
            f"{escape(index_text(record.text))}</main></body></html>\n")


def _pagefind_executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        msg = "search: the Pagefind binary is missing: install pagefind[bin] (pip install -e .)"
        raise SearchIndexError(msg) from error
    return str(get_executable())


def index_folder(records: Sequence[SearchRecord], language: str, folder: Path) -> tuple[int, str]:
    """Write the record pages under ``folder/site``, index them into ``folder/pagefind``.

    Returns the binary's exit status and what it printed (a page that cannot be written
    gives status 2 and the reason).
    """
    site = folder / "site"
    site.mkdir(parents=True, exist_ok=True)
    for record in records:
        page = site / record.url
        try:
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(record_page(record, language), encoding="utf-8")
        except OSError as error:
            return 2, f"writing {page}: {error}"
    command = [_pagefind_executable(), "--site", str(site), "--output-path",
               str(folder / BUNDLE_DIR), "--force-language", language, "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, check=False)
    except OSError as error:
        return 2, f"starting {command[0]}: {error}"
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace").strip()


def _index_in_background(records: Sequence[SearchRecord], language: str, folder: Path) -> None:
    """The forked helper: normalise, write and index, then leave the outcome in ``folder``."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    started = time.perf_counter()
    try:
        status, log = index_folder(records, language, folder)
    except SearchIndexError as error:
        status, log = 2, str(error)
    (folder / "seconds.txt").write_text(f"{time.perf_counter() - started:.3f}", encoding="utf-8")
    (folder / "log.txt").write_text(log, encoding="utf-8")
    os._exit(status)  # no atexit handlers: they belong to the build process


class SearchJob:
    """The search index made in the background while Pelican renders.

    ``start`` forks a helper process that normalises the records' text (a few seconds of
    Python for a large archive), writes their pages and runs the Pagefind binary, so all
    of it runs on another core; ``finish`` waits for it and moves the bundle to
    ``OUTPUT_PATH/pagefind``. Where processes cannot be forked, ``finish`` does the work
    itself. Used as a context manager, the temporary folder goes whatever happens (an
    interrupted build stops the helper).
    """

    def __init__(self, records: Iterable[SearchRecord], language: str) -> None:
        self.records = sorted(records, key=lambda record: record.url)
        self.count = len(self.records)
        self.language = language
        self._folder = Path(tempfile.mkdtemp(prefix="briefs-search-"))
        self._helpers: list[multiprocessing.process.BaseProcess] = []
        self._started = 0.0
        # A build stopped before finish() (an error, Ctrl-C) still stops the helper and
        # removes the folder, at the latest when Python exits.
        self._cleanup = weakref.finalize(self, _stop_and_remove, self._helpers, self._folder,
                                         os.getpid())

    def start(self) -> SearchJob:
        """Start the helper process (where processes can be forked)."""
        self._started = time.perf_counter()
        if "fork" in multiprocessing.get_all_start_methods():
            gc.freeze()  # the collector would copy the build's pages into the helper
            helper = multiprocessing.get_context("fork").Process(
                target=_index_in_background, args=(self.records, self.language, self._folder),
                name="briefs-search", daemon=True)
            helper.start()
            self._helpers.append(helper)
            self.records = []  # the helper has its own copy: let this process's go
        return self

    def finish(self, output: Path) -> int:
        """Wait for the index, move it to ``output/pagefind``; return the record count.

        Raises:
            SearchIndexError: Pagefind failed, or its bundle lacks a file the page needs.
        """
        if self._helpers:
            helper = self._helpers[0]
            helper.join()
            status = helper.exitcode
            log_file, seconds_file = self._folder / "log.txt", self._folder / "seconds.txt"
            log = log_file.read_text(encoding="utf-8") if log_file.is_file() else ""
            working = float(seconds_file.read_text()) if seconds_file.is_file() else 0.0
        else:
            self._started = self._started or time.perf_counter()
            status, log = index_folder(self.records, self.language, self._folder)
            working = time.perf_counter() - self._started
        if status != 0:
            msg = (f"search: Pagefind failed ({status}) indexing {self.count} briefs: "
                   f"{log[-2000:] or 'no message'}")
            raise SearchIndexError(msg)
        if log:
            logger.warning("search: Pagefind says: %s", log)
        bundle, target = self._folder / BUNDLE_DIR, output / BUNDLE_DIR
        for required in REQUIRED_FILES:
            if not (bundle / required).is_file():
                raise SearchIndexError(f"search: Pagefind wrote no {target / required}")
        try:
            shutil.rmtree(target, ignore_errors=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(bundle), str(target))
        except OSError as error:
            raise SearchIndexError(f"search: writing the index to {target}: {error}") from error
        if not self.count:
            logger.warning("search: no brief to index; the search page will find nothing")
        logger.info("search: indexed %d briefs into %s: %.1f s of indexing (normalising, "
                    "writing, Pagefind), beside the rendering", self.count, target, working)
        return self.count

    def close(self) -> None:
        """Stop the helper if it still runs and remove the temporary folder."""
        self._cleanup()

    def __enter__(self) -> SearchJob:
        """Return the job; ``close`` runs on the way out."""
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop the helper and remove the temporary folder."""
        self.close()


def _stop_and_remove(helpers: list[multiprocessing.process.BaseProcess], folder: Path,
                     owner: int) -> None:
    if os.getpid() != owner:  # a forked process (rendering pages) owns none of it
        return
    for helper in helpers:
        if helper.is_alive():
            helper.kill()  # its Pagefind child ends when its pipe closes
        helper.join()
    shutil.rmtree(folder, ignore_errors=True)


def build_search_index(records: Iterable[SearchRecord], output: Path, language: str) -> int:
    """Index ``records`` into ``output/pagefind`` and wait; return how many were indexed."""
    with SearchJob(records, language) as job:
        return job.start().finish(output)
