"""The review queue: every brief of a content folder, newest first, read from its metadata only.

Opening the queue must stay fast for a large archive (1,000 briefs in well under a second),
so a row needs only the file's bytes (for its version) and its metadata block: no Markdown
and no analysis. The doubtful counts come from the desk's background analysis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .edits import version_of

#: The suffixes Pelican reads as Markdown.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mkd"})
_KEY_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_MORE_LINE = re.compile(r"[ ]{4,}\S.*")


@dataclass(frozen=True, slots=True)
class BriefRow:
    """One brief in the queue."""

    path: str  # relative to the content folder, with "/"
    title: str
    date: str
    lang: str
    reviewed: str | None  # the Reviewed: date, if the brief has one
    version: str  # of the file's bytes


def read_header(text: str) -> dict[str, str]:
    """Return the metadata block's keys (lower-cased) and values (continuations joined).

    >>> read_header("Title: t\\nQuote_hide: a\\n    b\\n\\nTitle: not metadata")
    {'title': 't', 'quote_hide': 'a\\nb'}
    """
    header: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        match = _KEY_LINE.fullmatch(line)
        if match:
            key = match["key"].lower()
            header.setdefault(key, match["value"].strip())
        elif key and _MORE_LINE.fullmatch(line):
            header[key] = f"{header[key]}\n{line.strip()}".strip()
        else:
            break
    return header


def _sort_key(date: str) -> datetime:
    """Return the moment a ``Date`` names (no offset: UTC; unreadable: the earliest)."""
    try:
        moment = datetime.fromisoformat(date.strip())
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def brief_files(content: Path, page_paths: tuple[str, ...] = ("pages",)) -> list[Path]:
    """Return the Markdown files of the content folder that are articles (not pages)."""
    skipped = [content / folder for folder in page_paths]
    return sorted(path for path in content.rglob("*")
                  if path.suffix.lower() in MARKDOWN_SUFFIXES and path.is_file()
                  and not any(path.is_relative_to(folder) for folder in skipped))


def read_row(content: Path, path: Path, site_lang: str) -> BriefRow | None:
    """Return a brief's queue row; None for a file that is not a brief (no Title)."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    header = read_header(text[:8192])
    if not header.get("title"):
        return None
    return BriefRow(path=path.relative_to(content).as_posix(), title=header["title"],
                    date=header.get("date", ""), lang=header.get("lang") or site_lang,
                    reviewed=header.get("reviewed") or None, version=version_of(data))


def list_briefs(content: Path, site_lang: str,
                page_paths: tuple[str, ...] = ("pages",)) -> list[BriefRow]:
    """Return the briefs of ``content``, newest first (then by path, for a stable order)."""
    rows = [row for path in brief_files(content, page_paths)
            if (row := read_row(content, path, site_lang)) is not None]
    rows.sort(key=lambda row: row.path)
    rows.sort(key=lambda row: _sort_key(row.date), reverse=True)
    return rows
