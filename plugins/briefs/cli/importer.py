"""``mujaz import``: saved pages, addresses and feeds into ``content/`` as Markdown briefs.

trafilatura (through :mod:`briefs.cli.extract`) finds the article and the page's metadata;
:mod:`briefs.cli.fetch` downloads addresses and reads feeds. This module does the rest:
Markdown that renders back to exactly the article's words (the page's markup never comes
alive in the brief), metadata one line a value, ASCII slugs unique in ``content/``, and
never overwriting a brief: one that exists (by ``Url`` or by file) is skipped. Chrome left
inside the text is not edited out here: the build's boilerplate step drops it, and
``mujaz annotate`` shows what it dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import stat
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TextIO
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from briefs.cli.extract import (
    Block,
    Inline,
    Page,
    PageTooLarge,
    extract_page,
    http_url,
    language_of_text,
)
from briefs.cli.fetch import DEFAULT_MAX_BYTES, FetchError, feed_items, fetch
from briefs.cli.sources import ContentFileError

# A line Markdown would read as a heading, list, quote block, rule, definition or fence.
_BLOCK_SYNTAX = re.compile(r"^(\s*)(#|>|:|~~~|[-*+](\s|$)|\d+[.)](\s|$)|[=-]+\s*$)")
# Characters that are markup anywhere in a line (Python-Markdown and its "extra").
_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]{}|])")
# Line starts Python-Markdown cannot backslash-escape: written as character references.
_NOT_ESCAPABLE = frozenset("=:~")
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
#: Characters a link target keeps as they are; the rest is percent-encoded.
_URL_SAFE = "/:?#&=%+,;@!$~.-_"
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt"})
MAX_SLUG = 60


# --- Markdown ---------------------------------------------------------------------------


def escape_inline(text: str) -> str:
    """Escape the characters that are Markdown markup anywhere in a line.

    >>> print(escape_inline("<b> & *a* `b` | [c]"))
    &lt;b> &amp; \\*a\\* \\`b\\` \\| \\[c\\]
    """
    return _INLINE_SYNTAX.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def escape_line_starts(text: str) -> str:
    """Drop leading spaces and escape a line Markdown would read as a block of its own.

    >>> print(escape_line_starts("  # x\\n1. y\\n==\\nz"))
    \\# x
    1\\. y
    &#61;=
    z
    """
    lines = []
    for raw_line in text.split("\n"):
        line = raw_line.lstrip()
        match = _BLOCK_SYNTAX.match(line)
        if match and match.group(2)[:1].isdigit():
            digits = re.match(r"\d+", line)
            end = digits.end() if digits else 0
            line = f"{line[:end]}\\{line[end:]}"
        elif match and line[0] in _NOT_ESCAPABLE:
            line = f"&#{ord(line[0])};{line[1:]}"  # Markdown has no backslash escape for it
        elif match:
            line = f"\\{line}"
        lines.append(line)
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Escape what Markdown would misread, leaving the words as they are.

    Markup and links are the page's, not the brief's: ``<``, ``&`` and ``[`` are escaped,
    so no tag, entity, link or reference definition (``[ref]: javascript:…``) comes alive in
    the brief; emphasis, code, table and attribute characters are escaped too, and a line
    that Markdown would read as a heading, list, quotation or rule is escaped at its start.
    Leading spaces go (four of them would make code).

    >>> escape_markdown("# 1. <b>")
    '\\\\# 1. &lt;b>'
    >>> print(escape_markdown("[x](javascript:alert(1)) *a* `b` | c"))
    \\[x\\](javascript:alert(1)) \\*a\\* \\`b\\` \\| c
    """
    return escape_line_starts(escape_inline(text))


def link_target(url: str) -> str:
    """Return an http(s) address as a Markdown link target (nothing in it is markup).

    >>> link_target("https://x.org/a b(c)<d>")
    'https://x.org/a%20b%28c%29%3Cd%3E'
    """
    return quote(url, safe=_URL_SAFE)


def render_inlines(inlines: Iterable[Inline]) -> str:
    """Return a block's text as escaped Markdown, its http(s) links as links."""
    pieces = []
    for run in inlines:
        text = escape_inline(run.text)
        target = http_url(run.href or "")
        if target and run.text.strip():
            lead = " " if text[:1].isspace() else ""
            trail = " " if text[-1:].isspace() else ""
            pieces.append(f"{lead}[{' '.join(text.split())}]({link_target(target)}){trail}")
        else:
            pieces.append(text)
    return escape_line_starts("".join(pieces))


def render_markdown(blocks: Sequence[Block]) -> str:
    """Return the article's blocks as Markdown: paragraphs, headings, lists and quotations."""
    parts: list[str] = []
    previous = ""
    for block in blocks:
        text = render_inlines(block.inlines)
        if not text.strip():
            continue
        if block.kind.startswith("h") and block.kind[1:].isdigit():
            chunk = f"{'#' * int(block.kind[1:])} {' '.join(text.split())}"
        elif block.kind in {"li", "oli"}:
            marker = "1." if block.kind == "oli" else "-"
            chunk = f"{marker} {' '.join(text.split())}"
            if previous == block.kind:
                parts[-1] += "\n" + chunk  # one list: items on consecutive lines
                continue
        elif block.kind == "quote":
            chunk = "\n".join(f"> {line}" for line in text.split("\n"))
        else:
            chunk = text
        parts.append(chunk)
        previous = block.kind
    return "\n\n".join(parts)


def text_blocks(text: str) -> list[Block]:
    """Return a plain-text article's paragraphs (separated by blank lines) as blocks."""
    paragraphs = re.split(r"\n[ \t\u00a0]*\n\s*", text.replace("\r\n", "\n").strip())
    blocks = []
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if lines:
            blocks.append(Block("p", (Inline("\n".join(lines)),)))
    return blocks


# --- names ------------------------------------------------------------------------------


def ascii_slug(text: str, limit: int = MAX_SLUG) -> str:
    """Return a short ASCII slug (empty when the text has no ASCII letters or digits).

    Accents go (``é`` → ``e``); the cut falls between words.

    >>> ascii_slug("NATO presses China, 2024!")
    'nato-presses-china-2024'
    >>> ascii_slug("Le séisme frappe Népal")
    'le-seisme-frappe-nepal'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = _SLUG_CHARS.sub("-", plain.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug.strip("-")


def _words(slug: str) -> int:
    return sum(1 for part in slug.split("-") if re.search(r"[a-z]", part))


def slug_from_url(url: str) -> str:
    """Return the slug an article's address gives: its most wordy path segment in ASCII.

    >>> slug_from_url("https://www.example.com/world/2024/11/14/nato-presses-china.html")
    'nato-presses-china'
    >>> slug_from_url("https://www.example.com/news/1644450")
    ''
    """
    try:
        path = urlsplit(url).path
    except ValueError:
        return ""
    best = ""
    for raw_segment in path.split("/"):
        segment = re.sub(r"\.(html?|php|aspx?|jsp|cms)$", "", unquote(raw_segment), flags=re.I)
        if not segment.isascii():
            continue
        slug = ascii_slug(segment)
        if _words(slug) > _words(best):
            best = slug
    return best if _words(best) >= 2 else ""


def derive_slug(page: Page) -> str:
    """Return a slug for a page: from its address, else its title, else site and number."""
    if slug := slug_from_url(page.url):
        return slug
    title = ascii_slug(page.title)
    if (_words(title) >= 2 and page.title.isascii()) or _words(title) >= 3:
        return title
    host = ""
    if page.url:
        host = (urlsplit(page.url).hostname or "").removeprefix("www.").split(".")[0]
    digits = re.findall(r"\d{4,}", urlsplit(page.url).path) if page.url else []
    tail = digits[-1] if digits else hashlib.sha256(
        f"{page.url}\n{page.title}".encode()).hexdigest()[:8]
    return ascii_slug(f"{host or 'brief'}-{tail}")


def same_address(url: str) -> str:
    """Return the form of an address used to tell whether two briefs have the same source.

    >>> same_address("HTTPS://Example.org/a/?x=1#top") == same_address("https://example.org/a?x=1")
    True
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    return urlunsplit(("https" if parts.scheme.lower() in {"http", "https"} else parts.scheme,
                       (parts.hostname or "").removeprefix("www."), parts.path.rstrip("/"),
                       parts.query, ""))


_HEADER_LINE = re.compile(r"([A-Za-z0-9_-]+):\s*(.*)")


@dataclass(slots=True)
class ContentIndex:
    """The slugs and source addresses of the briefs already in ``content/``."""

    slugs: dict[str, Path] = field(default_factory=dict)
    urls: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def scan(cls, content_dir: Path) -> ContentIndex:
        """Read the metadata block of every Markdown file under ``content_dir``."""
        index = cls()
        if not content_dir.is_dir():
            return index
        for path in sorted(content_dir.rglob("*.md")):
            metadata = _header(path)
            slug = metadata.get("slug") or ascii_slug(
                re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.name.split(".")[0]))
            index.add(path, slug, metadata.get("url", ""))
        return index

    def add(self, path: Path, slug: str, url: str) -> None:
        """Remember a brief."""
        if slug:
            self.slugs.setdefault(slug, path)
        if url:
            self.urls.setdefault(same_address(url), path)

    def by_url(self, url: str) -> Path | None:
        """Return the brief with this source address, if any."""
        return self.urls.get(same_address(url)) if url else None

    def free_slug(self, slug: str) -> str:
        """Return ``slug``, or ``slug-2``, ``slug-3``… if a brief has it."""
        candidate, number = slug, 2
        while candidate in self.slugs:
            candidate = f"{slug[: MAX_SLUG - 4].rstrip('-')}-{number}"
            number += 1
        return candidate


def _header(path: Path) -> dict[str, str]:
    """Return the lower-cased metadata keys and values of a Markdown file's first block."""
    metadata: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for count, line in enumerate(handle):
                if not line.strip() or count > 60:
                    break
                match = _HEADER_LINE.match(line.strip())
                if match:
                    metadata.setdefault(match.group(1).lower(), match.group(2).strip())
    except OSError:
        pass
    return metadata


# --- one brief --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Given:
    """What the editor said on the command line; each value wins over the page's."""

    title: str = ""
    date: datetime | None = None
    lang: str = ""
    slug: str = ""
    source: str = ""
    dateline: str = ""
    author: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: ``imported`` (``path``), ``skipped`` or ``failed``."""

    name: str  # the file or address, as given
    status: str
    path: Path | None = None
    reason: str = ""


class PageError(ValueError):
    """One input cannot become a brief; the message says why, in one line."""


def format_date(date: datetime) -> str:
    """Return a ``Date`` metadata value, with the UTC offset when the page gave one.

    >>> from datetime import timedelta, timezone
    >>> format_date(datetime(2024, 11, 14, 10, 5, tzinfo=timezone(timedelta(hours=3))))
    '2024-11-14 10:05+03:00'
    >>> format_date(datetime(2024, 11, 14, 10, 5))
    '2024-11-14 10:05'
    """
    text = f"{date:%Y-%m-%d %H:%M}"
    offset = date.strftime("%z")
    return f"{text}{offset[:3]}:{offset[3:]}" if offset else text


def brief_text(page: Page, given: Given, slug: str) -> str:
    """Return the whole Markdown file of a brief: metadata lines, a blank line, the body."""
    date = given.date or page.date
    if date is None:
        raise PageError("the page gives no publication date: give --date")
    metadata = {
        "Title": given.title or page.title,
        "Date": format_date(date),
        "Lang": given.lang or page.lang,
        "Slug": slug,
        "Source": given.source or page.source,
        "Dateline": given.dateline,
        "Author": given.author or page.author,
        "Url": http_url(given.url or page.url),
    }
    # One line a value: a newline in a value would start a metadata line of its own.
    header = "".join(f"{key}: {' '.join(value.split())}\n"
                     for key, value in metadata.items() if value.strip())
    return f"{header}\n{render_markdown(page.blocks)}\n"


def read_page(path: Path, max_bytes: int) -> bytes:
    """Read a saved page or article, refusing what is not a regular file or is too large."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise PageError(f"cannot be read: {error.strerror or error}") from error
    if not stat.S_ISREG(info.st_mode):
        raise PageError("not a regular file")
    if info.st_size > max_bytes:
        raise PageError(f"{info.st_size} bytes, more than the {max_bytes} allowed "
                           "(--max-bytes)")
    try:
        return path.read_bytes()
    except OSError as error:
        raise PageError(f"cannot be read: {error.strerror or error}") from error


def page_of_text(raw: bytes) -> Page:
    """Return a plain-text article as a page (its title and date come from the editor)."""
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as error:
        raise PageError(f"not valid UTF-8 (byte {error.start}); save the file as UTF-8"
                           ) from error
    blocks = text_blocks(text)
    return Page(blocks=tuple(blocks), lang=language_of_text(text))


def write_brief(page: Page, given: Given, content_dir: Path, index: ContentIndex) -> Outcome:
    """Write one brief for ``page``; skip it if one exists (by ``Url`` or file name)."""
    url = http_url(given.url or page.url)
    if existing := index.by_url(url):
        return Outcome("", "skipped", existing, f"a brief with this Url exists: {existing}")
    if not (given.title or page.title):
        raise PageError("the page gives no title: give --title")
    if not page.blocks:
        raise PageError("no article text was found in the page")
    lang = given.lang or page.lang or "ar"
    page = replace(page, lang=lang)
    date = given.date or page.date
    if date is None:
        raise PageError("the page gives no publication date: give --date")
    if given.slug:
        slug = ascii_slug(given.slug)
        if not slug:
            raise PageError("give --slug with ASCII letters or digits")
    else:
        slug = derive_slug(replace(page, title=given.title or page.title, url=url))
    target = content_dir / f"{date:%Y-%m-%d}-{slug}.{lang}.md"
    if target.exists() or slug in index.slugs:
        if given.slug or not url:
            # The editor's slug, or a page with no address to tell it from the brief that
            # has its name: that brief is taken to be this one.
            existing = target if target.exists() else index.slugs[slug]
            return Outcome("", "skipped", existing, f"{existing} already exists")
        while target.exists() or slug in index.slugs:  # another article: another name
            index.slugs.setdefault(slug, target)
            slug = index.free_slug(slug)
            target = content_dir / f"{date:%Y-%m-%d}-{slug}.{lang}.md"
    text = brief_text(page, given, slug)
    content_dir.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as output:
            output.write(text)
    except FileExistsError:
        return Outcome("", "skipped", target, f"{target} already exists")
    index.add(target, slug, url)
    return Outcome("", "imported", target)


# --- batches ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Options:
    """How a batch runs."""

    content_dir: Path = Path("content")
    max_bytes: int = DEFAULT_MAX_BYTES
    given: Given = Given()


def is_address(name: str) -> bool:
    """Tell whether an input names a web address rather than a file."""
    return bool(re.match(r"https?://", name, re.IGNORECASE))


def expand_inputs(names: Iterable[str]) -> Iterator[str]:
    """Yield each input; a folder gives its saved pages and .txt articles, sorted."""
    for name in names:
        path = Path(name)
        if not is_address(name) and path.is_dir():
            yield from (str(child) for child in sorted(path.iterdir())
                        if child.suffix.lower() in PAGE_SUFFIXES | TEXT_SUFFIXES
                        and child.is_file())
        else:
            yield name


def import_one(name: str, options: Options, index: ContentIndex) -> Outcome:
    """Import one file or address; any failure becomes an outcome with its reason."""
    given = options.given
    try:
        if is_address(name):
            if existing := index.by_url(given.url or name):
                return Outcome(name, "skipped", existing,
                               f"a brief with this Url exists: {existing}")
            fetched = fetch(name, max_bytes=options.max_bytes)
            page = extract_page(fetched.body, fetched.url)
        else:
            path = Path(name)
            suffix = path.suffix.lower()
            if suffix not in PAGE_SUFFIXES | TEXT_SUFFIXES:
                raise PageError("unknown kind of file; expected .html, .htm or .txt")
            raw = read_page(path, options.max_bytes)
            page = page_of_text(raw) if suffix in TEXT_SUFFIXES else extract_page(raw)
        outcome = write_brief(page, given, options.content_dir, index)
    except (PageError, PageTooLarge, FetchError, ContentFileError) as error:
        return Outcome(name, "failed", reason=_strip_name(str(error), name))
    except Exception as error:  # noqa: BLE001 - one hostile page never stops the batch
        return Outcome(name, "failed", reason=f"{type(error).__name__}: {error}")
    return replace(outcome, name=name)


def _strip_name(message: str, name: str) -> str:
    return " ".join(message.removeprefix(f"{name}: ").split())


class Progress:
    """A progress bar on standard error: count, rate and time left."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.done = 0
        self.started = time.monotonic()
        self.tty = enabled and stream.isatty()

    def line(self) -> str:
        """Return the bar as text, e.g. ``[#####-----] 5/10 2.5/s 2 s left``."""
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        width = 20
        filled = width * self.done // max(self.total, 1)
        return (f"[{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} "
                f"{rate:.1f}/s {left:.0f} s left")

    def step(self) -> None:
        """Count one input done and redraw."""
        self.done += 1
        if not self.enabled:
            return
        end = "\r" if self.tty and self.done < self.total else "\n"
        print(self.line(), end=end, file=self.stream, flush=True)


def feed_addresses(feed: str, since: datetime | None, max_bytes: int) -> list[str]:
    """Return the addresses a feed (an address or a saved file) links to, since a date."""
    if is_address(feed):
        fetched = fetch(feed, max_bytes=max_bytes)
        body, base = fetched.body, fetched.url
    else:
        try:
            body, base = read_page(Path(feed), max_bytes), ""
        except PageError as error:
            raise FetchError(f"{feed}: {error}") from error
    addresses = []
    for item in feed_items(body, base):
        if since is not None:
            if item.date is None:
                continue
            when, limit = item.date, since
            if (when.tzinfo is None) != (limit.tzinfo is None):
                when, limit = when.replace(tzinfo=None), limit.replace(tzinfo=None)
            if when < limit:
                continue
        addresses.append(item.url)
    return list(dict.fromkeys(addresses))


def run_batch(names: Sequence[str], options: Options, *, stream: TextIO = sys.stderr,
              progress: bool | None = None) -> list[Outcome]:
    """Import every input in turn, with a progress bar; return each input's outcome."""
    inputs = list(dict.fromkeys(expand_inputs(names)))
    index = ContentIndex.scan(options.content_dir)
    bar = Progress(len(inputs), stream, stream.isatty() if progress is None else progress)
    outcomes = []
    for name in inputs:
        outcomes.append(import_one(name, options, index))
        bar.step()
    return outcomes


def summary(outcomes: Sequence[Outcome]) -> list[str]:
    """Return the end-of-batch report: counts, then each skipped and failed input."""
    counts = {status: sum(1 for o in outcomes if o.status == status)
              for status in ("imported", "skipped", "failed")}
    lines = [f"{counts['imported']} imported, {counts['skipped']} skipped (the brief exists), "
             f"{counts['failed']} failed"]
    lines += [f"  skipped {o.name}: {o.reason}" for o in outcomes if o.status == "skipped"]
    lines += [f"  failed {o.name}: {o.reason}" for o in outcomes if o.status == "failed"]
    return lines


# --- the command ------------------------------------------------------------------------


def _date_argument(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as error:
        msg = (f"{value!r} is not a date such as 2024-11-14, 2024-11-14T10:00 or "
               "2024-11-14T10:00+03:00")
        raise argparse.ArgumentTypeError(msg) from error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``mujaz import``'s arguments to its (argparse) sub-parser."""
    add = parser.add_argument
    add("inputs", nargs="*", metavar="PAGE",
        help="saved .html pages, .txt articles, folders of them, or http(s) addresses")
    add("--feed", action="append", default=[], metavar="FEED",
        help="an RSS or Atom feed (address or saved file): import each item it links to")
    add("--since", type=_date_argument, metavar="DATE",
        help="with --feed: only the items published on or after DATE")
    add("--title", default="", help="the brief's title (default: the page's)")
    add("--date", type=_date_argument,
        help="publication date, ISO 8601 (default: the page's), e.g. 2024-11-14T10:00+03:00")
    add("--lang", default="", help="language (default: the page's, else from its script)")
    add("--slug", default="", help="short ASCII name of the brief's URL (default: from the "
                                    "page's address or title)")
    add("--source", default="", help="the agency or outlet (default: the page's site name)")
    add("--dateline", default="", help="the place of the dateline, e.g. بروكسل")
    add("--author", default="", help="the author (default: the page's)")
    add("--url", default="", help="the article's original address (default: the page's)")
    add("--content", type=Path, default=Path("content"),
        help="the content folder (default: content)")
    add("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
        help=f"refuse a page larger than this (default {DEFAULT_MAX_BYTES})")
    add("--progress", action=argparse.BooleanOptionalAction, default=None,
        help="show the progress bar (default: when standard error is a terminal)")


def command(args: argparse.Namespace) -> int:
    """Run ``mujaz import``: print each written brief, then a summary on standard error.

    Exit status 0 when nothing failed (skipped briefs are not failures), 1 otherwise.
    """
    names = list(args.inputs)
    per_page = {"--title": args.title, "--slug": args.slug,
                "--url": args.url}
    feeds = list(args.feed)
    if not names and not feeds:
        print("mujaz import: give saved pages, folders, addresses or --feed FEED",
              file=sys.stderr)
        return 2
    addresses: list[str] = []
    failures: list[Outcome] = []
    for feed in feeds:
        try:
            addresses += feed_addresses(feed, args.since, args.max_bytes)
        except FetchError as error:
            failures.append(Outcome(feed, "failed", reason=_strip_name(str(error), feed)))
    inputs = list(dict.fromkeys([*expand_inputs(names), *addresses]))
    many = [flag for flag, value in per_page.items() if value]
    if many and len(inputs) > 1:
        print(f"mujaz import: {', '.join(many)} names one brief; give it with one page only",
              file=sys.stderr)
        return 2
    given = Given(title=args.title, date=args.date, lang=args.lang,
                  slug=args.slug, source=args.source,
                  dateline=args.dateline, author=args.author, url=args.url)
    options = Options(content_dir=args.content, max_bytes=args.max_bytes,
                      given=given)
    outcomes = failures + run_batch(inputs, options, progress=args.progress)
    for outcome in outcomes:
        if outcome.status == "imported":
            print(outcome.path)
    for line in summary(outcomes):
        print(f"mujaz import: {line}" if not line.startswith(" ") else line, file=sys.stderr)
    return 1 if any(outcome.status == "failed" for outcome in outcomes) else 0
