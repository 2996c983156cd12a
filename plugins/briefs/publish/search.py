"""Pagefind search over the published briefs, indexed after every build.

Only briefs are indexed: each brief page of the output (``<article class="brief">``)
becomes one Pagefind *custom record* whose content is the normalised text of its title
and body (:mod:`briefs.publish.searchnorm`), so that clitics, spelling variants, harakat and
tatweel do not hide a brief. Reading the written pages, rather than Pelican's articles,
indexes exactly what readers see, entity and tag pages excluded.

All records go into one index, in the site language: the search page is in the site
language, and Pagefind loads the index of the page's ``<html lang>``. A step that fails
raises :class:`SearchIndexError` naming the step and the file.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from briefs.publish.searchnorm import index_text

logger = logging.getLogger(__name__)

# Pagefind writes its bundle here, below the output folder (no underscore since 1.0).
BUNDLE_DIR = "pagefind"
SUMMARY_CHARS = 220
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr"})
# Elements that end a run of words: their text must not run into the next block's.
BLOCK_ELEMENTS = frozenset({
    "p", "br", "li", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
    "figcaption", "ul", "ol", "section", "td", "th"})


class SearchIndexError(RuntimeError):
    """The search index could not be built; the message names the step and the file."""


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One brief as the search index sees it."""

    url: str  # relative to the site root, as Pagefind joins it to its base URL
    title: str
    lang: str
    date: str
    summary: str
    text: str  # title and body, as written


class _BriefPageParser(HTMLParser):
    """Collect the title, date, language and body text of a brief page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.found = False
        self.parts: dict[str, list[str]] = {"title": [], "date": [], "body": []}
        self._stack: list[str | None] = []  # the part each open element belongs to

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        part = self._stack[-1] if self._stack else None
        if tag == "article" and "brief" in classes:
            self.found, self.lang, part = True, attributes.get("lang") or "", "brief"
        elif part == "brief" and "brief__title" in classes:
            part = "title"
        elif part == "brief" and tag == "time" and not self.parts["date"]:
            part = "date"
        elif part == "brief" and "brief__body" in classes:
            part = "body"
        if tag in BLOCK_ELEMENTS:
            self._space()
        if tag not in VOID_ELEMENTS:
            self._stack.append(part)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_ELEMENTS and self._stack:
            self._stack.pop()
        if tag in BLOCK_ELEMENTS:
            self._space()

    def _space(self) -> None:
        part = self._stack[-1] if self._stack else None
        if part in self.parts:
            self.parts[part].append(" ")

    def handle_data(self, data: str) -> None:
        part = self._stack[-1] if self._stack else None
        if part in self.parts:
            self.parts[part].append(data)


def _squeeze(parts: Iterable[str]) -> str:
    return " ".join("".join(parts).split())


def read_brief_page(html: str, url: str) -> SearchRecord | None:
    """Return the search record of a brief page, or None for any other page.

    >>> page = ('<article class="brief" lang="ar"><h1 class="brief__title">عنوان</h1>'
    ...         '<time datetime="2024">١ يناير</time><div class="brief__body"><p>نص'
    ...         '<br>ثان</p></div></article>')
    >>> read_brief_page(page, "briefs/a.html").text
    'عنوان نص ثان'
    """
    parser = _BriefPageParser()
    parser.feed(html)
    parser.close()
    if not parser.found:
        return None
    title = _squeeze(parser.parts["title"])
    body = _squeeze(parser.parts["body"])
    summary = body if len(body) <= SUMMARY_CHARS else body[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return SearchRecord(url=url, title=title, lang=parser.lang, date=_squeeze(parser.parts["date"]),
                        summary=summary, text=f"{title} {body}".strip())


def brief_records(output: Path) -> list[SearchRecord]:
    """Return a record for every brief page under ``output``, sorted by URL."""
    records = []
    for path in sorted(output.rglob("*.html")):
        url = path.relative_to(output).as_posix()
        if url.startswith(f"{BUNDLE_DIR}/"):
            continue
        try:
            record = read_brief_page(path.read_text(encoding="utf-8"), url)
        except (OSError, UnicodeDecodeError) as error:
            raise SearchIndexError(f"search: reading {path}: {error}") from error
        if record is not None:
            records.append(record)
    return records


async def _write_index(records: list[SearchRecord], bundle: Path, language: str) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=str(bundle), force_language=language)
    async with PagefindIndex(config=config) as index:
        for record in records:
            try:
                await index.add_custom_record(
                    url=record.url, content=index_text(record.text), language=language,
                    meta={"title": record.title, "summary": record.summary,
                          "lang": record.lang, "date": record.date})
            except Exception as error:  # the service reports any failure as a plain error
                msg = f"search: indexing {record.url}: {error}"
                raise SearchIndexError(msg) from error


def build_search_index(output: Path, language: str) -> int:
    """Index every brief under ``output`` into ``output/pagefind``; return how many.

    Raises:
        SearchIndexError: a page could not be read, Pagefind failed, or its bundle is missing.
    """
    records = brief_records(output)
    if not records:
        logger.warning("search: no brief page in %s; the search page will find nothing", output)
    bundle = output / BUNDLE_DIR
    try:
        asyncio.run(_write_index(records, bundle, language))
    except SearchIndexError:
        raise
    except Exception as error:  # Pagefind's service: binary missing, crashed, write failed
        msg = f"search: writing the Pagefind index to {bundle}: {error}"
        raise SearchIndexError(msg) from error
    for required in ("pagefind.js", "pagefind-entry.json"):
        if not (bundle / required).is_file():
            msg = f"search: Pagefind wrote no {bundle / required}"
            raise SearchIndexError(msg)
    logger.info("search: indexed %d briefs into %s", len(records), bundle)
    return len(records)
