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
joins it to its base URL), so the index is as useful as before. The binary runs in the
background while Pelican renders (:class:`SearchJob`); its bundle is moved into the output
when it is done.

All records go into one index, in the site language: the search page is in the site
language, and Pagefind loads the index of the page's ``<html lang>``. A step that fails
raises :class:`SearchIndexError` naming the step and the file.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import time
import weakref
from collections.abc import Iterable
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


class SearchJob:
    """The Pagefind binary indexing the records in the background.

    ``start`` writes the record pages and starts the binary; ``finish`` waits for it and
    moves its bundle to ``OUTPUT_PATH/pagefind``. Used as a context manager, the temporary
    folder goes whatever happens (an interrupted build kills the binary).
    """

    def __init__(self, records: Iterable[SearchRecord], language: str) -> None:
        self.records = sorted(records, key=lambda record: record.url)
        self.language = language
        self._folder = Path(tempfile.mkdtemp(prefix="briefs-search-"))
        self._process: subprocess.Popen[bytes] | None = None
        self._processes: list[subprocess.Popen[bytes]] = []
        self._started = 0.0
        # A build stopped before finish() (an error, Ctrl-C) still stops the binary and
        # removes the folder, at the latest when Python exits.
        self._cleanup = weakref.finalize(self, _stop_and_remove, self._processes, self._folder)

    def start(self) -> SearchJob:
        """Write one page per record and start the binary on them."""
        self._started = time.perf_counter()
        site = self._folder / "site"
        for record in self.records:
            page = site / record.url
            try:
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(record_page(record, self.language), encoding="utf-8")
            except OSError as error:
                raise SearchIndexError(f"search: writing {page}: {error}") from error
        site.mkdir(parents=True, exist_ok=True)
        command = [_pagefind_executable(), "--site", str(site), "--output-path",
                   str(self._folder / BUNDLE_DIR), "--force-language", self.language, "--quiet"]
        try:
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                             stderr=subprocess.STDOUT)
            self._processes.append(self._process)
        except OSError as error:
            raise SearchIndexError(f"search: starting {command[0]}: {error}") from error
        return self

    def finish(self, output: Path) -> int:
        """Wait for the binary, move its bundle to ``output/pagefind``; return the record count.

        Raises:
            SearchIndexError: Pagefind failed, or its bundle lacks a file the page needs.
        """
        if self._process is None:
            self.start()
        assert self._process is not None
        log, _ = self._process.communicate()
        text = log.decode("utf-8", "replace").strip()
        if self._process.returncode != 0:
            msg = (f"search: Pagefind failed ({self._process.returncode}) indexing "
                   f"{len(self.records)} briefs: {text[-2000:]}")
            raise SearchIndexError(msg)
        if text:
            logger.warning("search: Pagefind says: %s", text)
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
        seconds = time.perf_counter() - self._started
        if not self.records:
            logger.warning("search: no brief to index; the search page will find nothing")
        logger.info("search: indexed %d briefs into %s in %.1f s", len(self.records), target,
                    seconds)
        return len(self.records)

    def close(self) -> None:
        """Stop the binary if it still runs and remove the temporary folder."""
        self._cleanup()

    def __enter__(self) -> SearchJob:
        """Return the job; ``close`` runs on the way out."""
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop the binary and remove the temporary folder."""
        self.close()


def _stop_and_remove(processes: list[subprocess.Popen[bytes]], folder: Path) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()
    shutil.rmtree(folder, ignore_errors=True)


def build_search_index(records: Iterable[SearchRecord], output: Path, language: str) -> int:
    """Index ``records`` into ``output/pagefind`` and wait; return how many were indexed."""
    with SearchJob(records, language) as job:
        return job.start().finish(output)
