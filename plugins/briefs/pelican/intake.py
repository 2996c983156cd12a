"""Content at the door: each article or page Pelican reads is checked and made safe once.

Everything a content file brings is untrusted (it is often pasted from the web), so before
any other part of the plugin or the theme sees an article or a page:

- its metadata is **plain text**: the rST and HTML readers give the title as HTML, which
  is turned into its text; bidi controls and other invisible format characters (U+202E,
  an unclosed U+2067, zero-width spaces) are stripped, since they spill into the page title
  and can reverse what a reader sees. The theme escapes every value (autoescape is on);
- its body and formatted fields (``Summary``) are **sanitised** (:mod:`briefs.markup.sanitise`),
  unless ``BRIEFS_RAW_HTML`` says every author is trusted;
- ``Lang`` must be a language Babel knows (else a warning, and the site's language);
- ``Slug`` must be a safe path segment, and every tag must have a name that makes a URL;
  a bad one raises :class:`ContentError`, which Pelican reports as the file it could not
  process (see :mod:`briefs.pelican.content_errors`): the rest of the site still builds.

Duplicate output paths are found once everything is read (:func:`duplicate_outputs`),
before the plugin lets anything in ``OUTPUT_PATH`` be deleted (:mod:`briefs.plugin`).
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from pelican.contents import Content, Static
from pelican.urlwrappers import Tag

from briefs.i18n import parse_locale
from briefs.markup.sanitise import sanitise_html

logger = logging.getLogger(__name__)

# Readers whose title is HTML (docutils' and the HTML reader's); Markdown's is the raw line.
HTML_TITLE_SUFFIXES = frozenset({".rst", ".html", ".htm"})
# Joiners shape Arabic and Persian words (U+200C is the Persian half-space): they stay.
KEPT_FORMAT_CHARACTERS = frozenset({"\u200c", "\u200d"})
# Metadata that is not text: dates, flags, lists the readers already parsed.
TEXT_FIELDS = ("title", "source", "dateline", "author", "subtitle", "description")
# One path segment: letters, digits, '-', '_' and '.', not starting with a dot.
SAFE_SLUG = re.compile(r"[^\W_](?:[\w.-]*[^\W_])?")
MAX_SLUG_BYTES = 200  # file systems allow 255 bytes a name; suffixes need the rest
_TAG = re.compile(r"<[^>]*>")


# The lists of content objects Pelican's article and page generators keep, every status.
CONTENT_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
                 "drafts_translations", "pages", "hidden_pages", "draft_pages",
                 "draft_translations")


class ContentError(ValueError):
    """A content file's metadata cannot be published; the message names the field and fix."""


class DuplicateOutputError(RuntimeError):
    """Two content files would be written to one page; the message names both."""


def plain_text(value: str) -> str:
    """Return metadata text without control and invisible format characters, spaces folded.

    >>> plain_text("\\u202eevil\\u2067 title\\u200b  here\\n")
    'evil title here'
    >>> plain_text("می\\u200cخواهم")  # the Persian half-space is part of the word
    'می\\u200cخواهم'
    """
    kept = "".join(
        char for char in value
        if char in KEPT_FORMAT_CHARACTERS or unicodedata.category(char) not in {"Cf", "Cc"}
        or char in "\t\n\r")
    return " ".join(kept.split())


def html_text(value: str) -> str:
    """Return the text of an HTML fragment (a title some readers give as HTML).

    >>> html_text("Fish <em>&amp;</em> chips &lt;3")
    'Fish & chips <3'
    """
    return html.unescape(_TAG.sub("", value))


def check_slug(slug: str) -> None:
    """Raise :class:`ContentError` unless ``slug`` is one safe path segment.

    >>> check_slug("nato-china"); check_slug("روسيا-2024.v2")
    >>> try:
    ...     check_slug('x" onmouseover="alert(1)')
    ... except ContentError as error:
    ...     print(str(error)[:60])
    Slug 'x" onmouseover="alert(1)' is not a safe file name: use
    """
    if not SAFE_SLUG.fullmatch(slug) or ".." in slug:
        msg = (f"Slug {slug!r} is not a safe file name: use letters, digits, '-', '_' and "
               "'.' only (for example Slug: nato-china)")
        raise ContentError(msg)
    if len(slug.encode()) > MAX_SLUG_BYTES:
        msg = (f"Slug {slug[:40]!r}… is {len(slug.encode())} bytes long; file names allow "
               f"{MAX_SLUG_BYTES}: give a short ASCII Slug")
        raise ContentError(msg)


def checked_lang(lang: str, site_lang: str, source: str) -> str:
    """Return ``lang`` if Babel knows it, else warn naming the file and return the site's."""
    if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", lang) and parse_locale(lang):
        return lang
    logger.warning("%s: Lang %r is not a language tag Babel knows (such as ar, en, fr-CA); "
                   "the site's %r is used", source, lang, site_lang)
    return site_lang


def clean_tags(tags: Iterable[Tag], settings: dict[str, Any]) -> list[Tag]:
    """Return the tags with plain-text names; raise if one has no name that makes a URL."""
    cleaned = []
    for tag in tags:
        name = plain_text(str(tag))
        fresh = Tag(name, settings) if name != str(tag) else tag
        if not fresh.slug:
            msg = (f"the tag {str(tag)!r} has no letter or digit to make its page's URL: "
                   "remove it or spell it out")
            raise ContentError(msg)
        cleaned.append(fresh)
    return cleaned


def admit(content: Content) -> None:
    """Check and clean one article or page in place (``content_object_init`` receiver)."""
    if isinstance(content, Static):
        return
    build = content.settings.get("BRIEFS")
    raw_html = bool(getattr(getattr(build, "settings", None), "raw_html", False))
    source = str(content.source_path or "")
    _clean_metadata(content, source)
    take_source_url(content, source)
    site_lang = str(content.settings.get("DEFAULT_LANG") or "en")
    lang = getattr(content, "lang", None)
    if lang and (checked := checked_lang(str(lang), site_lang, source)) != lang:
        content.lang = content.metadata["lang"] = checked
        content.in_default_lang = checked == site_lang
    check_slug(str(getattr(content, "slug", "") or ""))
    if getattr(content, "tags", None):
        content.tags = content.metadata["tags"] = clean_tags(content.tags, content.settings)
    if raw_html:
        return
    content._content = sanitise_html(content._content or "")
    for field in content.settings.get("FORMATTED_FIELDS", ()):
        if isinstance(content.metadata.get(field), str):
            content.metadata[field] = sanitise_html(content.metadata[field])
    if hasattr(content, "_summary"):
        content._summary = content.metadata.get("summary", content._summary)


def source_address(value: str) -> str:
    """Return an http(s) address made safe to print in a link, or "" for anything else.

    >>> source_address("https://example.org/a b"), source_address("javascript:alert(1)")
    ('https://example.org/a%20b', '')
    """
    value = plain_text(value)
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return quote(value, safe="/:?#[]@!$&'()*+,;=%~.-_")


def take_source_url(content: Content, source: str) -> None:
    """Read ``Url`` as the article's original address (``source_url``), never the brief's URL.

    Pelican takes ``url`` metadata as the page's own address (``override_url``); for a brief
    it is where the article came from: shown as the source link and the JSON-LD
    ``isBasedOn``. Only an http(s) address is kept.
    """
    if "url" not in content.metadata:
        return
    value = str(content.metadata.pop("url") or "")
    if hasattr(content, "override_url"):
        del content.override_url
    address = source_address(value)
    if address:
        content.source_url = content.metadata["source_url"] = address
    elif value.strip():
        logger.warning("%s: Url %r is not an http(s) address; it is left out", source,
                       plain_text(value)[:80])


def _clean_metadata(content: Content, source: str) -> None:
    html_title = Path(source).suffix.lower() in HTML_TITLE_SUFFIXES
    for field in TEXT_FIELDS:
        value = content.metadata.get(field)
        if not isinstance(value, str):
            continue
        text = plain_text(html_text(value) if field == "title" and html_title else value)
        content.metadata[field] = text
        setattr(content, field, text)


def duplicate_outputs(contents: Iterable[Content]) -> list[tuple[str, list[str]]]:
    """Return each output path that two or more contents would write, with their files.

    >>> class Item:
    ...     def __init__(self, save_as, source_path):
    ...         self.save_as, self.source_path = save_as, source_path
    >>> duplicate_outputs([Item("briefs/a.html", "a.md"), Item("briefs/b.html", "b.md"),
    ...                    Item("briefs/a.html", "c.md")])
    [('briefs/a.html', ['a.md', 'c.md'])]
    """
    writers: dict[str, list[str]] = {}
    for content in contents:
        if content.save_as:
            writers.setdefault(content.save_as, []).append(str(content.source_path))
    return sorted((path, sorted(files)) for path, files in writers.items() if len(files) > 1)


def contents_of(generators: Iterable[object]) -> list[Content]:
    """Return every article and page the generators hold, whatever its status, once each."""
    # Keyed by identity: other generators (the plugin's) hold the same articles in their lists.
    found = {id(item): item for generator in generators for name in CONTENT_LISTS
             for item in getattr(generator, name, ())}
    return list(found.values())


def refuse_duplicates(contents: Iterable[Content]) -> None:
    """Raise :class:`DuplicateOutputError` naming the files that would share a page."""
    duplicates = duplicate_outputs(contents)
    if duplicates:
        lines = "; ".join(f"{path} would be written by {' and '.join(files)}"
                          for path, files in duplicates)
        msg = (f"{lines}. Give each brief its own Slug (or a different Lang for a "
               "translation); nothing was deleted or written")
        raise DuplicateOutputError(msg)
