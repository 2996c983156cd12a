"""A news page's article and metadata: trafilatura for the body, the page's own tags for the rest.

trafilatura finds the main text (it scores best among open-source extractors) and a first
reading of the metadata. What it leaves out, this module reads from the page itself, in the
order a publisher's own data is most reliable: JSON-LD ``NewsArticle`` (``headline``,
``datePublished`` with its offset, ``inLanguage``, ``publisher``, ``author``), then Open Graph
and ``article:`` tags, then ``<time datetime>``, ``<html lang>`` and the canonical link. The
title is the headline printed above the article (its ``<h1>``) when the metadata's title is a
version of it; a date written in Arabic words is read too.

The body comes back as typed blocks (paragraphs, headings, list items, quotations) whose
text is plain: links are kept only with ``http(s)`` targets, and nothing else of the page
is. trafilatura is asked to favour precision, and its default reading is taken when that
lost the article; what comes before the block repeating the headline, or before the
headline's ``<h1>`` on the page, is not the article. When the page carries its own
``articleBody`` and the text misses much of it, the recall-oriented extraction is tried, and
failing that the ``articleBody`` itself.

Named corrections read the page's structure where trafilatura errs (``correct_before``,
``correct_after``). Before trafilatura reads the page, an embedded post of a person (a
tweet) becomes a plain quotation, and these go: runs of links set inside a paragraph's
sentence (a card shown on hovering a name), the boxes to write a comment, the
calls in bold that open and close the article with one link, empty formatting elements
inside paragraphs, the cards of the site's other stories set among the paragraphs, and the
links to a place on the page standing as blocks («Skip to content», «Comments»); text
written straight into the article's container beside its ``<p>``, and a ``<div>`` written
as a paragraph (text and inline elements only), become a ``<p>``. After it, what it left out
is added: the parts of an article cut into several containers of one kind, a paragraph set
in a card of its own between two kept cards, and a lead printed in a container of its own
right before the article's; unrendered shortcodes and headings that end the article with
nothing under them go.
"""

from __future__ import annotations

import configparser
import copy
import functools
import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import Element as html_element
from lxml.html import HtmlElement

#: JSON-LD types that describe the article itself.
ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
    "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report",
})
#: ``<meta>`` names and properties giving the publication date, most reliable first.
DATE_META = (
    "article:published_time", "og:article:published_time", "article:published",
    "datepublished", "publishdate", "pubdate", "publish-date", "publication_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dc:date", "dcterms:issued", "dcterms:created",
    "date", "og:published_time",
)
DESCRIPTION_META = ("og:description", "description", "twitter:description")
TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
SITE_META = ("og:site_name", "application-name", "al:android:app_name", "twitter:site")
AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author")
#: Elements a page may have (news pages have a few thousand; trafilatura's time grows faster).
MAX_ELEMENTS = 20_000
#: Publication dates before this year are placeholders («0001-01-01»), not dates.
MIN_YEAR = 1990
#: A JSON-LD script longer than this is not metadata (and is not parsed).
MAX_JSON_LD_CHARS = 2_000_000
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(https?://\S+?)\s*-->", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}")
# Letters that only Persian or Urdu write with the Arabic script.
_PERSIAN = frozenset("پچژگکی")
_URDU = frozenset("ٹڈڑںےھ")
_FRENCH_WORDS = frozenset(re.findall(r"\S+", "le la les des du de et est une un dans pour qui "
                                     "que sur pas au aux avec ce cette il elle ont été selon"))
_ENGLISH_WORDS = frozenset(re.findall(r"\S+", "the and of to in is was for that on with as by "
                                      "at from he she it are were has have said"))


class PageTooLarge(ValueError):
    """A page too large to extract in bounded time; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Inline:
    """A run of a block's text; ``href`` is set when the run is an http(s) link."""

    text: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article: ``p``, ``h2``…``h6``, ``li``, ``oli`` (numbered) or ``quote``."""

    kind: str
    inlines: tuple[Inline, ...]

    @property
    def text(self) -> str:
        """Return the block's plain text."""
        return "".join(piece.text for piece in self.inlines)


@dataclass(frozen=True, slots=True)
class Page:
    """What a news page says about its article, and the article's blocks."""

    title: str = ""
    date: datetime | None = None
    lang: str = ""
    source: str = ""
    author: str = ""
    url: str = ""
    blocks: tuple[Block, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # how the body was found

    @property
    def text(self) -> str:
        """Return the article's block texts joined by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)


def one_line(value: object) -> str:
    """Return a value as one line of text, spaces folded, character references decoded.

    JSON-LD and some ``<meta>`` values carry HTML references (``&#8216;``, ``&amp;``).

    >>> one_line("  Breaking:\\n NATO &#8216;now&#8217;  ")
    'Breaking: NATO ‘now’'
    """
    text = str(value or "")
    if "&" in text:
        text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


#: What separates a headline from the site's name in a page title: «Headline | Site».
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—·•:]|-{1,2}|::)\s+")


def without_site_name(title: str, site: str, host: str = "") -> str:
    """Drop a site name written after (or before) the headline: «Headline | Site».

    >>> without_site_name("Meth campaign works | TheHill", "The Hill", "thehill.com")
    'Meth campaign works'
    >>> without_site_name("الناتو يضغط على الصين - الجزيرة نت", "الجزيرة نت")
    'الناتو يضغط على الصين'
    >>> without_site_name("Opinion | Republicans Are Following Trump", "The New York Times")
    'Opinion | Republicans Are Following Trump'
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = {_squash(site), _squash(host.removeprefix("www.").split(".")[0]) if host else ""}
    names.discard("")
    separators = _TITLE_SEPARATORS.findall(title)
    for index in (len(parts) - 1, 0):
        name = _squash(parts[index])
        short = len(parts[index].split()) <= 4
        if name and any(name == known or (short and len(name) > 3 and name in known) or
                        (short and len(known) > 3 and known in name) for known in names):
            kept = parts[:-1] if index else parts[1:]
            seps = separators[:-1] if index else separators[1:]
            rebuilt = kept[0]
            for separator, part in zip(seps, kept[1:], strict=True):
                rebuilt += separator + part
            return rebuilt.strip() or title
    return title


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _is_site_name(text: str, site: str, host: str) -> bool:
    """Tell whether a text is the site's name (a logo's ``<h1>``): «India Post», «Vox»."""
    name = _squash(text)
    known = {_squash(site), _squash(host.removeprefix("www.").split(".")[0]) if host else ""}
    return bool(name) and name in known


def _content_words(text: str) -> set[str]:
    """Return the words of four letters or more of a text, case-folded (what a headline is
    about, not its articles and prepositions)."""
    return {word for word in re.findall(r"\w+", text.casefold()) if len(word) >= 4}


#: Two words of a headline are one word in two forms when they share this many first letters,
#: and all of the shorter one's but ``MAX_ENDING_LETTERS``: «фудблогера», «фудблогеры».
MIN_STEM_LETTERS, MAX_ENDING_LETTERS = 5, 2


def _one_word(first: str, second: str) -> bool:
    """Tell whether two words are one word, perhaps in two inflected forms (another ending).

    >>> _one_word("фудблогера", "фудблогеры"), _one_word("самых", "самые")
    (True, False)
    """
    if first == second:
        return True
    stem = next((index for index, (one, other) in enumerate(zip(first, second, strict=False))
                 if one != other), min(len(first), len(second)))
    return stem >= MIN_STEM_LETTERS and stem >= min(len(first), len(second)) - MAX_ENDING_LETTERS


def _shared_words(first: set[str], second: set[str]) -> int:
    """Return how many of the words of ``first`` are words of ``second`` (in any form)."""
    return sum(any(_one_word(word, other) for other in second) for word in first)


def _versions_of_one_headline(heading: str, title: str) -> bool:
    """Tell whether a visible heading and a metadata title are versions of one headline.

    Either holds the other (the metadata adds a kicker, a section or the site's name, or cuts
    the headline short), or they share two words of four letters or more and a third of the
    shorter one's, a word in another form counting as shared (``_one_word``): editors rewrite
    headlines for search and social cards, not their subject.

    >>> _versions_of_one_headline("Taylor Swift is allowed to play her music at the AMAs",
    ...                           "Taylor Swift's AMA row seems to be over")
    True
    >>> _versions_of_one_headline("'Why Don't You Go Fight For The Reindeer?'",
    ...                           "The Early Reviews For Google's Stadia Are Here")
    False
    """
    folded_heading, folded_title = _normalised(heading), _normalised(title)
    shorter, longer = sorted((folded_heading, folded_title), key=len)
    if shorter and shorter in longer and len(shorter) >= len(longer) / 2:
        return True
    heading_words, title_words = _content_words(heading), _content_words(title)
    shared = _shared_words(heading_words, title_words)
    return shared >= 2 and shared >= min(len(heading_words), len(title_words)) / 3


#: A visible headline longer than this is not one (a whole teaser or a page in an ``<h1>``).
MAX_HEADLINE_CHARS = 300
#: Elements that set a piece of an ``<h1>`` apart: a kicker, a logo's link, a byline.
_HEADING_PIECE_TAGS = frozenset({"a", "br", "span", "div", "p", "small", "time", "sup"})


def heading_pieces(element: etree._Element) -> tuple[str, ...]:
    """Return the text of an ``<h1>`` cut where an element sets a piece apart.

    >>> from lxml.html import fragment_fromstring
    >>> heading_pieces(fragment_fromstring(
    ...     "<h1><span>Kicker</span> The <em>big</em> news<br><a href='/'>Site</a></h1>"))
    ('Kicker', 'The big news', 'Site')
    """
    pieces = [""]

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and node.text:
            pieces[-1] += node.text
        for child in node:
            apart = isinstance(child.tag, str) and child.tag in _HEADING_PIECE_TAGS
            if apart:
                pieces.append("")
            walk(child)
            if apart:
                pieces.append("")
            if child.tail:
                pieces[-1] += child.tail

    walk(element)
    return tuple(text for text in (one_line(piece) for piece in pieces) if text)


@dataclass(frozen=True, slots=True)
class _Heading:
    """An ``<h1>`` of the page: its pieces, and how many of the page's paragraphs stand
    before it."""

    pieces: tuple[str, ...]
    paragraphs_before: int


def page_headings(tree: HtmlElement) -> tuple[list[_Heading], list[str]]:
    """Return the page's ``<h1>``, and the word tokens (joined by spaces) of each of its
    ``<p>`` in page order (read before trafilatura prunes the tree)."""
    headings: list[_Heading] = []
    paragraphs: list[str] = []
    for element in tree.iter("p", "h1"):
        if element.tag == "p":
            paragraphs.append(" ".join(_tokens(element.text_content())))
            continue
        pieces = heading_pieces(element)
        if pieces and sum(len(piece) for piece in pieces) <= MAX_HEADLINE_CHARS:
            headings.append(_Heading(pieces, len(paragraphs)))
    return headings, paragraphs


def headline_surroundings(tree: HtmlElement) -> list[str]:
    """Return the text around each ``<h1>`` (its parent's), where a page without date tags
    writes its date: «تم نشره الجمعة 24 نيسان / أبريل 2020»."""
    texts = []
    for element in tree.iter("h1"):
        parent = element.getparent()
        if parent is not None:
            texts.append(one_line(parent.text_content())[:MAX_HEADLINE_CHARS * 3])
    return texts


def _shares_with(piece: str, title: str) -> bool:
    return bool(_content_words(piece) & _content_words(title)) or (
        _normalised(piece) in _normalised(title))


def _headline_of(pieces: tuple[str, ...], title: str) -> str:
    """Join an ``<h1>``'s pieces, without the pieces at its edges that share no word with the
    title: a kicker before the headline, a logo's link or a byline after it."""
    kept = list(pieces)
    while kept and not _shares_with(kept[0], title):
        kept.pop(0)
    while kept and not _shares_with(kept[-1], title):
        kept.pop()
    return " ".join(kept)


def visible_headline(headings: list[tuple[str, ...]], title: str, site: str = "",
                     host: str = "") -> str:
    """Return the headline the reader sees (one of the page's ``<h1>``, given as its pieces)
    when it is a version of the metadata's ``title``, else ``title``.

    JSON-LD ``headline``, ``og:title`` and ``<title>`` are often written for search engines
    and social cards («Delhi air pollution: The law that's helping fuel the city's poor air
    quality»), carry a kicker or a section («Opinion | …», «… | Editorial») or are cut
    short; the ``<h1>`` above the article is the headline as published. An ``<h1>`` that is
    the site's name (a logo), or shares nothing with the title (a section's name, another
    story's teaser), is not the article's headline. Of several ``<h1>``, the one closest to
    the title wins.

    >>> visible_headline([("India Post",), ("Deportees return home",)],
    ...                  "With shattered dreams, deportees return home from US", "India Post")
    'Deportees return home'
    """
    if not title:
        return title
    best, best_shared = "", -1
    for pieces in headings:
        heading = _headline_of(pieces, title)
        if (not heading or _is_site_name(heading, site, host)
                or not _versions_of_one_headline(heading, title)):
            continue
        shared = _shared_words(_content_words(heading), _content_words(title))
        if shared > best_shared:
            best, best_shared = heading, shared
    return best or title


def http_url(value: str, base: str = "") -> str:
    """Return ``value`` made absolute against ``base`` if it is an http(s) address, else "".

    >>> http_url("/news/1", "https://example.org/a"), http_url("javascript:alert(1)")
    ('https://example.org/news/1', '')
    """
    value = one_line(value)
    if not value:
        return ""
    try:
        absolute = urljoin(base, value) if base else value
        parts = urlsplit(absolute)
    except ValueError:
        return ""
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ""
    return absolute


#: ISO 8601's basic format, without separators: «20180619T055000+0900».
_ISO_BASIC = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?")
#: A date as JavaScript's ``Date.toString`` writes it: «Tue Nov 19 2019 03:05:46 GMT+0000».
_JAVASCRIPT_DATE = re.compile(r"(?:[A-Z][a-z]{2},? )?([A-Z][a-z]{2}) (\d{1,2}),? (\d{4}) "
                              r"(\d{1,2}:\d{2}(?::\d{2})?) (?:GMT|UTC)([+-]\d{4})\b.*")


def _date_with_zone_in_words(value: str) -> datetime | None:
    """Read a date written as e-mail (RFC 2822) or JavaScript write it, with its zone."""
    from email.utils import parsedate_to_datetime

    javascript = _JAVASCRIPT_DATE.fullmatch(value)
    if javascript:
        month, day, year, clock, zone = javascript.groups()
        value = f"{day} {month} {year} {clock} {zone}"
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # Without its zone the instant is unknown: trafilatura's reading of the page is better.
    return parsed if parsed.tzinfo is not None else None


def parse_date(value: str) -> datetime | None:
    """Read an ISO 8601 date (with its offset when it has one), or one with its zone as
    e-mail or JavaScript write it; None when it is not one.

    >>> parse_date("2024-11-14T10:05:00+03:00").isoformat()
    '2024-11-14T10:05:00+03:00'
    >>> parse_date("2024-11-14T07:05:00.000Z").utcoffset().total_seconds()
    0.0
    >>> parse_date("20180619T055000+0900").isoformat()
    '2018-06-19T05:50:00+09:00'
    >>> parse_date("Tue Nov 19 2019 03:05:46 GMT+0000").isoformat()
    '2019-11-19T03:05:46+00:00'
    >>> parse_date("yesterday") is None
    True
    """
    value = one_line(value)
    basic = _ISO_BASIC.fullmatch(value)
    if basic:
        year, month, day, hour, minute, second, zone = basic.groups()
        value = f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{zone or ''}"
    if not re.match(r"\d{4}-\d{2}-\d{2}", value):
        parsed = _date_with_zone_in_words(value)
        return parsed if parsed and MIN_YEAR <= parsed.year <= datetime.now().year + 1 else None
    value = re.sub(r"(\.\d+)?Z$", "+00:00", value)
    value = re.sub(r"\.\d+(?=[+-]\d{2}:?\d{2}$|$)", "", value)
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    # «0001-01-01» and dates far ahead are placeholders of a CMS, not publication dates.
    return parsed if MIN_YEAR <= parsed.year <= datetime.now().year + 1 else None


#: Month names of dates written in Arabic: Egypt and the Gulf, the Levant and Iraq, the Maghreb.
ARABIC_MONTHS = {
    **dict.fromkeys(("يناير", "كانون الثاني", "جانفي"), 1),
    **dict.fromkeys(("فبراير", "شباط", "فيفري"), 2),
    **dict.fromkeys(("مارس", "آذار", "اذار"), 3),
    **dict.fromkeys(("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"), 4),
    **dict.fromkeys(("مايو", "أيار", "ايار", "ماي"), 5),
    **dict.fromkeys(("يونيو", "يونيه", "حزيران", "جوان"), 6),
    **dict.fromkeys(("يوليو", "يوليه", "تموز", "جويلية"), 7),
    **dict.fromkeys(("أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت"), 8),
    **dict.fromkeys(("سبتمبر", "أيلول", "ايلول"), 9),
    **dict.fromkeys(("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"), 10),
    **dict.fromkeys(("نوفمبر", "تشرين الثاني"), 11),
    **dict.fromkeys(("ديسمبر", "كانون الأول", "كانون الاول"), 12),
}
_MONTH_NAME = "|".join(sorted(map(re.escape, ARABIC_MONTHS), key=len, reverse=True))
# «07 أكتوبر 2020 - 12:09 م», «24 نيسان / أبريل 2020 09:22 مساءً»: a day, one or two names of
# its month, a year, and perhaps a time with its half of the day.
_DATE_IN_WORDS = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_MONTH_NAME})(?:\s*/\s*(?:{_MONTH_NAME}))?\s*,?\s+(\d{{4}})"
    r"(?:[\s\-–|،,]+(\d{1,2}):(\d{2})(?::\d{2})?\s*(ص|م)?)?")
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def date_in_words(text: str) -> datetime | None:
    """Read the first date written in Arabic words in a text (its time too, without a zone).

    >>> date_in_words("الأربعاء، 07 أكتوبر 2020 - 12:09 م").isoformat()
    '2020-10-07T12:09:00'
    >>> date_in_words("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً").isoformat()
    '2020-04-24T21:22:00'
    >>> date_in_words("٠٢:٠٠ الثلاثاء ١ ديسمبر ٢٠٢٠").isoformat()
    '2020-12-01T00:00:00'
    """
    match = _DATE_IN_WORDS.search(text.translate(_EASTERN_DIGITS)[:5000])
    if not match:
        return None
    day, month, year, hour, minute, half = match.groups()
    hours = int(hour or 0) % 12 + (12 if half == "م" else 0) if half else int(hour or 0)
    try:
        found = datetime(int(year), ARABIC_MONTHS[month], int(day), hours, int(minute or 0))
    except ValueError:
        return None
    return found if MIN_YEAR <= found.year <= datetime.now().year + 1 else None


def language_of_text(text: str) -> str:
    """Guess a language from the script (and, for Latin, common words) of a text.

    >>> language_of_text("قال الوزير إن الحكومة"), language_of_text("Le ministre a dit que la")
    ('ar', 'fr')
    """
    arabic = latin = 0
    persian = urdu = 0
    for char in text[:20_000]:
        if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f":
            arabic += 1
            persian += char in _PERSIAN
            urdu += char in _URDU
        elif (char.isalpha() and char.isascii()) or "\u00c0" <= char <= "\u024f":
            latin += 1
    if arabic > latin:
        if urdu > 0.01 * arabic:
            return "ur"
        return "fa" if persian > 0.01 * arabic else "ar"
    if not latin:
        return ""
    words = re.findall(r"[a-zà-ÿ]+", text[:20_000].lower())
    french = sum(word in _FRENCH_WORDS for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    return "fr" if french > english else "en"


def _script(lang: str) -> str:
    return "arabic" if lang in {"ar", "fa", "ur", "ps", "ku", "sd", "ug"} else "latin"


def base_language(tag: str) -> str:
    """Return the primary subtag of a language tag, lower-cased (``ar_SA`` → ``ar``)."""
    match = _LANG_TAG.match(one_line(tag))
    return match.group(0).lower() if match else ""


# --- metadata ---------------------------------------------------------------------------


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Yield every JSON object of the page's JSON-LD scripts (graphs and lists walked)."""
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _name(value: object) -> str:
    """Return the name of a JSON-LD person or organisation (or list of them)."""
    if isinstance(value, list):
        names = [_name(item) for item in value[:5]]
        return ", ".join(dict.fromkeys(name for name in names if name))
    if isinstance(value, dict):
        return one_line(value.get("name") or "")
    return one_line(value) if isinstance(value, str) and "://" not in value else ""


@dataclass(slots=True)
class _Meta:
    """Metadata candidates read from the page's own tags."""

    title: str = ""
    dates: list[str] = field(default_factory=list)
    lang: str = ""
    site: str = ""
    author: str = ""
    url: str = ""
    body: str = ""
    description: str = ""


def read_metadata(tree: HtmlElement, raw_head: str = "") -> _Meta:
    """Read the page's JSON-LD, ``<meta>`` tags, ``<time>``, ``lang`` and canonical link."""
    meta = _Meta()
    for item in _json_ld_objects(tree):
        if not _types(item) & ARTICLE_TYPES:
            continue
        meta.title = meta.title or one_line(item.get("headline") or "")
        if isinstance(item.get("datePublished"), str):
            meta.dates.append(item["datePublished"])
        meta.lang = meta.lang or base_language(str(item.get("inLanguage") or ""))
        meta.site = meta.site or _name(item.get("publisher"))
        meta.author = meta.author or _name(item.get("author"))
        if isinstance(item.get("articleBody"), str) and not meta.body:
            meta.body = item["articleBody"]
        if isinstance(item.get("description"), str):
            meta.description = meta.description or one_line(item["description"])
        entity = item.get("mainEntityOfPage")
        if isinstance(entity, dict):
            entity = entity.get("@id") or entity.get("url")
        meta.url = meta.url or http_url(str(item.get("url") or entity or ""))
    tags: dict[str, str] = {}
    # <meta> tags, and RDFa or microdata on any element («<span property="dc:date" content=…>»).
    for element in tree.xpath("//meta | //*[@content][@property or @itemprop]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        content = element.get("content")
        if key and content and key not in tags:
            tags[key] = content
    meta.title = meta.title or next((one_line(tags[k]) for k in TITLE_META if k in tags), "")
    meta.description = meta.description or next(
        (one_line(tags[k]) for k in DESCRIPTION_META if k in tags), "")
    meta.dates += [tags[k] for k in DATE_META if k in tags]
    for time in tree.iterfind(".//time"):
        if time.get("datetime"):
            meta.dates.append(time.get("datetime") or "")
            break
    meta.site = meta.site or next((one_line(tags[k]) for k in SITE_META
                                   if k in tags and not tags[k].startswith("@")), "")
    meta.author = meta.author or next((one_line(tags[k]) for k in AUTHOR_META
                                       if k in tags and "://" not in tags[k]), "")
    meta.lang = (meta.lang or base_language(tree.get("lang") or tree.get("xml:lang") or "")
                 or base_language(tags.get("og:locale", ""))
                 or base_language(tags.get("content-language", "")))
    canonical = next((link.get("href") or "" for link in tree.iterfind(".//link")
                      if "canonical" in (link.get("rel") or "").lower().split()), "")
    saved = _SAVED_FROM.search(raw_head)
    meta.url = (http_url(canonical) or meta.url or http_url(tags.get("og:url", ""))
                or (http_url(saved.group(1)) if saved else ""))
    return meta


# --- body -------------------------------------------------------------------------------


def _inlines(element: etree._Element, base: str) -> list[Inline]:
    """Return the text runs of a trafilatura XML element, links kept only when http(s)."""
    runs: list[Inline] = []

    def walk(node: etree._Element, href: str | None) -> None:
        if node.text:
            runs.append(Inline(node.text, href))
        for child in node:
            if child.tag == "lb":
                runs.append(Inline("\n", href))
            elif child.tag == "graphic":
                pass
            elif child.tag == "ref" and href is None:
                walk(child, http_url(child.get("target") or "", base) or None)
            else:
                walk(child, href)
            if child.tail:
                runs.append(Inline(child.tail, href))

    walk(element, None)
    merged: list[Inline] = []
    for run in runs:
        if merged and merged[-1].href == run.href:
            merged[-1] = Inline(merged[-1].text + run.text, run.href)
        else:
            merged.append(run)
    return merged


def _clean_inlines(runs: list[Inline]) -> tuple[Inline, ...]:
    """Fold spaces inside lines, trim the block's outer whitespace, keep links on one line."""
    out = []
    for run in runs:
        text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", run.text)
        text = re.sub(r"\s+", " ", text) if run.href else re.sub(r" ?\n[\s]*", "\n", text)
        out.append(Inline(text, run.href))
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if not out:
        return ()
    out[0] = Inline(out[0].text.lstrip(), out[0].href)
    out[-1] = Inline(out[-1].text.rstrip(), out[-1].href)
    return tuple(run for run in out if run.text)


def body_blocks(body: etree._Element, base: str = "") -> list[Block]:
    """Return the article's blocks from trafilatura's XML body."""
    blocks: list[Block] = []

    def add(kind: str, element: etree._Element) -> None:
        inlines = _clean_inlines(_inlines(element, base))
        if inlines:
            blocks.append(Block(kind, inlines))

    def walk(node: etree._Element) -> None:  # noqa: PLR0912 - one branch a tag
        for child in node:
            tag = child.tag
            if tag == "p":
                add("p", child)
            elif tag == "head":
                rend = child.get("rend") or "h2"
                level = min(max(int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2, 2), 6)
                add(f"h{level}", child)
            elif tag == "list":
                numbered = (child.get("rend") or "") == "ol"
                for item in child.iterfind("item"):
                    nested = item.findall("list")
                    for sub in nested:
                        item.remove(sub)
                    add("oli" if numbered else "li", item)
                    for sub in nested:
                        wrapper = etree.Element("div")
                        wrapper.append(sub)
                        walk(wrapper)
            elif tag == "quote":
                if len(child) and all(sub.tag in {"p", "list", "head"} for sub in child):
                    before = len(blocks)
                    walk(child)
                    blocks[before:] = [Block("quote", b.inlines) for b in blocks[before:]]
                else:
                    add("quote", child)
            elif tag == "table":
                for row in child.iterfind(".//row"):
                    cells = [one_line("".join(cell.itertext())) for cell in row.iterfind("cell")]
                    cells = [cell for cell in cells if cell]
                    if cells:
                        blocks.append(Block("p", (Inline(" | ".join(cells)),)))
            elif tag in {"div", "section", "body"}:
                walk(child)
            elif tag in {"graphic", "lb", "code", "hi", "ref", "del"}:
                if tag in {"code", "hi", "ref"}:
                    add("p", child)
            else:
                add("p", child)

    walk(body)
    return blocks


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(found: str, truth: str) -> tuple[float, float, float]:
    """Return the precision, recall and F1 of ``found``'s word tokens against ``truth``'s.

    >>> token_f1("a b c", "a b d")
    (0.6666666666666666, 0.6666666666666666, 0.6666666666666666)
    """
    got, want = Counter(_tokens(found)), Counter(_tokens(truth))
    common = sum((got & want).values())
    if not got or not want:
        return (float(not got and not want),) * 3  # type: ignore[return-value]
    precision, recall = common / sum(got.values()), common / sum(want.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


#: Below this share of the default extraction's words, the precision-oriented one lost the
#: article (on the benchmark pages: 8 % where it did, 36 % and more where it only left chrome).
MIN_PRECISION_SHARE = 0.25
#: Below this share of the extraction's words, a JSON-LD ``articleBody`` is a teaser.
ARTICLE_BODY_SHARE = 0.5
_HTML_TAG = re.compile(r"<(?:p|br|div|span|a|img|h[1-6]|em|strong|iframe)\b[^>]*>", re.IGNORECASE)
_BREAKING_TAGS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")


def _extraction(tree: HtmlElement, options: dict[str, Any],
                **favor: bool) -> tuple[Any, list[Block]]:
    """Run trafilatura on a tree (which it prunes) and return its document and blocks."""
    from trafilatura import bare_extraction

    document = bare_extraction(tree, **options, **favor)
    if document is None:
        return None, []
    return document, body_blocks(document.body, options.get("url") or "")


def kept_the_article(precise: list[Block], default: list[Block]) -> bool:
    """Tell whether the precision-oriented extraction kept the article the default one found.

    Favouring precision prunes the chrome around the article (other stories' linked
    headlines, newsletter boxes, page headers). Keeping under ``MIN_PRECISION_SHARE`` of
    the default's words, it pruned the article itself.
    """
    return token_f1(_text(precise), _text(default))[1] >= MIN_PRECISION_SHARE


#: Elements whose text the page does not show.
UNSHOWN_TAGS = frozenset({"script", "style", "noscript", "template"})


def page_words(tree: HtmlElement) -> int:
    """Return how many words the page shows (its body's text outside scripts and styles)."""
    texts = tree.xpath("//body//text()[not(" + " or ".join(
        f"ancestor::{tag}" for tag in sorted(UNSHOWN_TAGS)) + ")]")
    return sum(len(_tokens(text)) for text in texts)


def shown_words(tree: HtmlElement) -> dict[etree._Element, int]:
    """Return how many words each element shows (its text outside scripts and styles), in one
    pass from the leaves up."""
    counts: dict[etree._Element, int] = {}
    for element in reversed(list(tree.iter())):  # children before their parents
        if not isinstance(element.tag, str) or element.tag in UNSHOWN_TAGS:
            counts[element] = 0
            continue
        counts[element] = len(_tokens(element.text or "")) + sum(
            counts[child] + len(_tokens(child.tail or "")) for child in element)
    return counts


def _teaser_of(body: str, blocks: list[Block]) -> bool:
    """Tell whether a JSON-LD ``articleBody`` is a teaser of the extracted text, not the
    article: it has fewer than half the extraction's words (lexpress.fr gives its headline
    and lead there, and the extraction holds the 600 words after them). Such a body cannot
    say the extraction missed the article, and scored against itself it would always win.

    >>> lead = "The council voted the budget. "
    >>> _teaser_of(lead, [Block("p", (Inline(lead * 3),))])
    True
    """
    return len(_tokens(body)) < ARTICLE_BODY_SHARE * len(_tokens(_text(blocks)))


def _article_body_text(body: str) -> str:
    """Return a JSON-LD ``articleBody`` as text, its paragraphs on lines of their own.

    Some publishers put the article's HTML there (images, iframes and captions included),
    sometimes escaped (``&lt;h2&gt;``): that is read as HTML, its text kept and its tags
    dropped.

    >>> _article_body_text('<div><img src="x.jpg"/>A caption</div><h2>Keyboard</h2><p>Good.</p>')
    'A caption\\nKeyboard\\nGood.'
    """
    if "&lt;" in body:
        body = html.unescape(body)  # the HTML written as text in the JSON
    if not _HTML_TAG.search(body):
        return body
    from lxml.html import fragment_fromstring

    try:
        root = fragment_fromstring(body, create_parent="div")
    except (etree.ParserError, ValueError):
        return body
    for element in root.iter(*_BREAKING_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return "\n".join(line for line in (one_line(part) for part in
                                        root.text_content().split("\n")) if line)


def _article_body_blocks(text: str) -> list[Block]:
    """Return the blocks of a JSON-LD ``articleBody`` (paragraphs on its line breaks)."""
    paragraphs = [one_line(part) for part in re.split(r"\n\s*", text)]
    return [Block("p", (Inline(part),)) for part in paragraphs if part]


def _normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def start_after_headline_on_page(blocks: list[Block], title: str, headings: list[_Heading],
                                 paragraphs: list[str]) -> list[Block]:
    """Start the article after what the page prints before its headline.

    A notice printed at the top of the page for its printed copy (for personal use only,
    where to order reprints), a site's banner text or a teaser before the
    ``<h1>`` is not the article, which is printed under its headline. The leading blocks
    that are paragraphs standing before the ``<h1>`` of the brief's title (``headings`` and
    ``paragraphs`` from ``page_headings``) go, when they are less than the article after
    them.
    """
    heading = next((heading for heading in headings
                    if _headline_of(heading.pieces, title) == title), None)
    if heading is None or not heading.paragraphs_before:
        return blocks
    before = set(paragraphs[:heading.paragraphs_before])
    count = 0
    while count < len(blocks) and " ".join(_tokens(blocks[count].text)) in before:
        count += 1
    if count and len(_text(blocks[:count])) < len(_text(blocks[count:])):
        return blocks[count:]
    return blocks


def start_at_headline(blocks: list[Block], title: str) -> list[Block]:
    """Start the article after the block that repeats its headline.

    The article begins at its headline: what was extracted before it, if it is less than
    the article after it, is other stories' teasers or a kicker; the headline itself is
    the brief's ``Title``, not its text.

    >>> [b.text for b in start_at_headline([Block("p", (Inline("Teaser."),)),
    ...     Block("h2", (Inline("Budget voted"),)), Block("p", (Inline("The council met."),))],
    ...     "Budget voted")]
    ['The council met.']
    """
    wanted = _normalised(title)
    if not wanted:
        return blocks
    for index, block in enumerate(blocks):
        if _normalised(block.text) == wanted:
            before, after = _text(blocks[:index]), _text(blocks[index + 1:])
            if len(before) < len(after):
                return start_at_headline(blocks[index + 1:], title)
            break
    return blocks


#: Elements that run inside a paragraph's text (any other child makes a ``<div>`` a frame).
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "img",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "wbr",
})
#: A ``<div>`` written as a paragraph holds at least this many words, under half of them linked.
MIN_DIV_PARAGRAPH_WORDS = 10


def _link_words(element: etree._Element) -> int:
    return sum(len(_tokens(link.text_content())) for link in element.iter("a"))


def _div_paragraph_words(div: etree._Element) -> int:
    """Return the words of a ``<div>`` written as a paragraph (only text and inline elements,
    ten words or more, under half of them linked), else 0."""
    for node in div.iterdescendants():
        if isinstance(node.tag, str) and node.tag not in INLINE_TAGS:
            return 0
    words = len(_tokens(div.text_content()))
    if words < MIN_DIV_PARAGRAPH_WORDS or 2 * _link_words(div) >= words:
        return 0
    return words


def paragraphs_written_as_divs(tree: HtmlElement) -> int:
    """Make each ``<div>`` written as a paragraph a ``<p>``; return how many.

    Some pages write the article's paragraphs as ``<div>`` holding only text, links and other
    inline elements, beside a ``<p>`` or two (a lead, a dateline). Finding ``<p>`` text on the
    page, trafilatura then reads only the ``<p>`` and the links inside those ``<div>`` (with
    what follows each link): the paragraphs lose their first words, or all of them. A
    ``<div>`` is read as a paragraph (as readability does) when it holds no block element and
    ten words or more, under half of them linked, and it is not alone: a sibling is a ``<p>``,
    or another such ``<div>`` of the same class family (its first class name; two captions or
    credits side by side seldom share one). The ``<div>`` becomes a ``<p>`` and keeps its
    class, which trafilatura's pruning reads (a ``<p>`` put inside the ``<div>`` would make
    it a frame around a short linked text, which trafilatura prunes). A page without ``<p>``
    text is left as it is: trafilatura then reads the ``<div>`` themselves.
    """
    least = trafilatura_config().getint("DEFAULT", "MIN_EXTRACTED_SIZE")
    if len("".join(tree.xpath("//p//text()"))) < least:
        return 0  # without <p> text, trafilatura reads the <div> itself
    made = 0
    for parent in dict.fromkeys(div.getparent() for div in tree.iter("div")):
        if parent is None:
            continue
        beside_p = parent.find("p") is not None
        families: dict[str, list[etree._Element]] = {}
        for child in parent:
            if child.tag == "div" and _div_paragraph_words(child):
                family = (child.get("class") or "").split()[:1]
                families.setdefault(family[0] if family else "", []).append(child)
        for divs in families.values():
            if len(divs) < 2 and not beside_p:
                continue
            for div in divs:
                div.tag = "p"
                made += 1
    return made


#: Inline elements that show something with no text of their own.
_SHOWN_EMPTY = frozenset({"img", "wbr", "br", "iframe", "svg", "picture", "video"})


def drop_empty_formatting(tree: HtmlElement) -> int:
    """Remove the empty formatting elements inside paragraphs (``<strong></strong>``); return
    how many.

    Favouring precision, trafilatura drops a paragraph that begins with an empty element of
    formatting (what an editor's bold button leaves): the paragraph after it is lost whole.
    An inline element with no text and no child shows nothing; its tail stays.
    """
    empty = [element for paragraph in tree.iter("p") for element in paragraph.iterdescendants()
             if isinstance(element.tag, str) and element.tag in INLINE_TAGS
             and element.tag not in _SHOWN_EMPTY and element.tag != "a"
             and not len(element) and not (element.text or "").strip()]
    for element in empty:
        element.drop_tag()
    return len(empty)


def _is_inline(node: etree._Element) -> bool:
    return not isinstance(node.tag, str) or node.tag in INLINE_TAGS  # comments run on too


def loose_text_as_paragraphs(tree: HtmlElement) -> int:
    """Make each run of text written straight into a container beside its ``<p>`` a ``<p>``;
    return how many.

    Some pages write a paragraph into the article's container without its tags: the
    introduction before the first (empty) ``<p></p>``, a quotation after a ``</p>``, a
    paragraph between two ``<br>``. trafilatura reads the ``<p>`` and leaves such text out.
    A run is what stands between two block elements or line breaks of the container: its
    loose text and the inline elements in it. It becomes a ``<p>`` when its loose text has
    words and the run holds ``MIN_DIV_PARAGRAPH_WORDS`` words or more, under half of them
    linked.
    """
    made = 0
    for container in dict.fromkeys(paragraph.getparent() for paragraph in tree.iter("p")):
        if container is None or container.tag == "p" or _is_inline(container):
            continue
        # Each run: the element its text follows (None: the container's start) and the
        # inline elements in it.
        runs: list[tuple[etree._Element | None, list[etree._Element]]] = [(None, [])]
        for child in container:
            if _is_inline(child):
                runs[-1][1].append(child)
            else:
                runs.append((child, []))
        for before, inline in reversed(runs):  # from the end: what is moved stays behind
            text = container.text if before is None else before.tail
            words = len(_tokens(text or "")) + sum(
                len(_tokens(element.text_content() if isinstance(element.tag, str) else ""))
                + len(_tokens(element.tail or "")) for element in inline)
            loose = len(_tokens(text or "")) + sum(len(_tokens(element.tail or ""))
                                                   for element in inline)
            linked = sum(_link_words(element) for element in inline
                         if isinstance(element.tag, str))
            if not loose or words < MIN_DIV_PARAGRAPH_WORDS or 2 * linked >= words:
                continue
            paragraph = html_element("p")
            paragraph.text = text
            if before is None:
                container.text = None
                container.insert(0, paragraph)
            else:
                before.tail = None
                before.addnext(paragraph)
            for element in inline:
                paragraph.append(element)  # moves it, with its tail
            made += 1
    return made


#: A container of the article's text: two or more paragraphs (its own ``<p>`` children) of
#: this many words, under ``MAX_CHUNK_LINK_SHARE`` of its paragraphs' words linked.
MIN_CHUNK_PARAGRAPH_WORDS = 15
MAX_CHUNK_LINK_SHARE = 0.25
#: Parts of one article share an ancestor at most this many levels above each of them.
MAX_CHUNK_DISTANCE = 3
#: The extraction holds a part when it holds this share of the part's words, misses it under
#: ``LEFT_SHARE``.
TAKEN_SHARE, LEFT_SHARE = 0.6, 0.2


@dataclass(slots=True)
class _Chunk:
    """A container of article paragraphs, one of a family of its kind (``article_chunks``)."""

    order: int  # its place in the page
    text: str
    element: etree._Element  # a copy, taken before trafilatura prunes the page


def _chunk_text(element: etree._Element) -> str:
    """Return the text of a container's own paragraphs if they read as an article's, else ""."""
    paragraphs = [one_line(child.text_content()) for child in element if child.tag == "p"]
    lengths = [len(_tokens(text)) for text in paragraphs]
    if sum(length >= MIN_CHUNK_PARAGRAPH_WORDS for length in lengths) < 2:
        return ""
    links = sum(_link_words(child) for child in element if child.tag == "p")
    return "\n".join(paragraphs) if links <= MAX_CHUNK_LINK_SHARE * sum(lengths) else ""


def _near(first: etree._Element, second: etree._Element) -> bool:
    """Tell whether two elements share an ancestor at most ``MAX_CHUNK_DISTANCE`` levels up."""
    above = list(first.iterancestors())[:MAX_CHUNK_DISTANCE]
    return any(ancestor in above for ancestor in list(second.iterancestors())[:MAX_CHUNK_DISTANCE])


def _share_held(words: str, text: str) -> float:
    """Return the share of a text's words that are in paragraphs ``words`` holds whole
    (``words``: a text's word tokens joined by spaces, with a space at each end)."""
    held = total = 0
    for paragraph in text.split("\n"):
        tokens = _tokens(paragraph)
        total += len(tokens)
        if tokens and f" {' '.join(tokens)} " in words:
            held += len(tokens)
    return held / total if total else 0.0


def article_chunks(tree: HtmlElement) -> list[list[_Chunk]]:
    """Return the families of containers that may each hold a part of one article.

    Some pages cut the article into several containers of one kind (to put advertisements
    between them): ``<div class="article__body">`` three times over. trafilatura reads the
    first it finds, and the article stops after its first part. A family is two or more
    elements of the same tag and class whose own ``<p>`` read as an article's (two paragraphs
    of fifteen words or more, under a quarter of the words linked), none inside another,
    each near the next (an ancestor in common at most three levels up) with no ``<h1>``
    between them (another story's headline). The rest is decided once trafilatura has read the page
    (``whole_article``). Each part is copied before trafilatura prunes the page.
    """
    kinds: dict[tuple[str, str], list[etree._Element]] = {}
    for parent in dict.fromkeys(paragraph.getparent() for paragraph in tree.iter("p")):
        if parent is not None and parent.get("class") and isinstance(parent.tag, str):
            kinds.setdefault((parent.tag, parent.get("class") or ""), []).append(parent)
    if all(len(members) < 2 for members in kinds.values()):
        return []
    order = {element: index for index, element in enumerate(tree.iter())}
    headlines = [order[element] for element in tree.iter("h1")]
    families = []
    for members in kinds.values():
        if len(members) < 2:
            continue
        family: list[_Chunk] = []
        for element in members:
            text = _chunk_text(element)
            if not text:
                continue
            if family:
                previous = family[-1]
                if (not _near(previous.element, element)
                        or any(previous.order < at < order[element] for at in headlines)
                        or element in previous.element.iterancestors()
                        or previous.element in element.iterancestors()):
                    continue
            family.append(_Chunk(order[element], text, element))
        if len(family) >= 2:
            for chunk in family:
                chunk.element = copy.deepcopy(chunk.element)
            families.append(family)
    return families


def whole_article(blocks: list[Block], families: list[list[_Chunk]],
                  options: dict[str, Any]) -> tuple[list[Block], int]:
    """Add to the extracted blocks the parts of the article trafilatura left out; return the
    blocks and how many parts were added.

    Of a family of containers (``article_chunks``), when the extraction holds one part (three
    fifths of its words) and misses others (under a fifth of their words), each missed part
    is read by trafilatura alone (its pruning of asides, calls to subscribe and link lists
    applies) and put before or after the extracted text, where it stands on the page.
    """
    if not families:
        return blocks, 0
    from trafilatura import bare_extraction

    words = f" {' '.join(_tokens(_text(blocks)))} "
    added = 0
    for family in families:
        shares = [_share_held(words, chunk.text) for chunk in family]
        taken = [chunk.order for chunk, share in zip(family, shares, strict=True)
                 if share >= TAKEN_SHARE]
        if not taken:
            continue
        before: list[Block] = []
        after: list[Block] = []
        for chunk, share in zip(family, shares, strict=True):
            if share >= LEFT_SHARE:
                continue
            page, body = html_element("html"), html_element("body")
            page.append(body)
            body.append(chunk.element)
            document = bare_extraction(page, **{**options, "with_metadata": False},
                                       favor_precision=True)
            if document is None:
                continue
            part = body_blocks(document.body, options.get("url") or "")
            (before if chunk.order < taken[0] else after).extend(part)
            added += bool(part)
        blocks = [*before, *blocks, *after]
    return blocks, added


#: A description shorter than this many words is a slogan, not a lead.
MIN_LEAD_WORDS = 8


@dataclass(frozen=True, slots=True)
class _Lead:
    """A lead paragraph in a container of its own right before the article's (``separate_lead``)."""

    text: str
    following: str  # the word tokens of the article's first paragraph, joined by spaces


def separate_lead(tree: HtmlElement, description: str) -> _Lead | None:
    """Find the article's lead when the page prints it in a container of its own, right
    before the container of the article's text (which trafilatura reads alone).

    The lead is the visible element whose text is the page's description (cut short with «…»,
    it begins the element's text). It is the article's first paragraph only when nothing
    stands between them: the next element beside it (or beside its largest container holding
    only it) that shows words holds the first paragraph after it. A standfirst in the
    article's ``<header>``, or followed by a byline, a date or a photo, is not.
    """
    wanted = _tokens(description.rstrip(".…").strip())
    body = tree.find("body")
    if len(wanted) < MIN_LEAD_WORDS or body is None:
        return None
    found, longest = None, 2 * len(description) + 100  # characters, to skip the long texts
    for element in body.iter("p", "div", "h2", "span", "section"):
        text = element.text_content()
        if (len(text) <= longest and len(tokens := _tokens(text)) <= 1.2 * len(wanted) + 2
                and tokens[:len(wanted)] == wanted):
            found = element  # the innermost, read last
        elif found is not None and found not in element.iterancestors():
            break
    if found is None or any(ancestor.tag in {"header", "a", "script", "noscript", "template"}
                            for ancestor in found.iterancestors()):
        return None
    top, words = found, _tokens(found.text_content())
    while (parent := top.getparent()) is not None and _tokens(parent.text_content()) == words:
        top = parent
    after = top.getnext()
    while after is not None and not (isinstance(after.tag, str)
                                     and _tokens(after.text_content())):
        after = after.getnext()
    first = found.xpath("following::p[normalize-space()][1]")
    if after is None or not first or not (after is first[0]
                                          or after in first[0].iterancestors()):
        return None
    return _Lead(one_line(found.text_content()), " ".join(_tokens(first[0].text_content())))


def with_lead(blocks: list[Block], lead: _Lead | None) -> list[Block]:
    """Put the article's lead (``separate_lead``) before the extracted blocks when trafilatura
    left it out and the article it extracted begins with the paragraph after the lead."""
    if lead is None or not blocks or not lead.following:
        return blocks
    if _share_held(f" {' '.join(_tokens(_text(blocks)))} ", lead.text) >= LEFT_SHARE:
        return blocks
    if " ".join(_tokens(blocks[0].text)) != lead.following:
        return blocks
    return [Block("p", (Inline(lead.text),)), *blocks]


#: Paragraphs set each in a card of their own come in families of at least this many cards.
MIN_PARAGRAPH_CARDS = 3
#: A paragraph put back between two cards holds at least this many words, under half linked.
MIN_CARD_PARAGRAPH_WORDS = 5


@dataclass(frozen=True, slots=True)
class _CardParagraph:
    """A paragraph alone in its card, one of a family of cards (``paragraph_cards``)."""

    text: str
    sentence: bool  # MIN_CARD_PARAGRAPH_WORDS words or more, under half of them linked


def paragraph_cards(tree: HtmlElement) -> list[list[_CardParagraph]]:
    """Return the families of cards that each hold one paragraph of the article, in page order.

    Some pages set every paragraph of the article in a card of its own (a ``<div>`` around
    the ``<p>``, the next card beside it). trafilatura's pruning then judges each card alone,
    and drops one whose short text ends in a link («… published in the journal Nature»),
    although the cards before and after it are kept (``paragraphs_between_cards``). A card is
    the largest element around a ``<p>`` that shows no other word (a script of an
    advertisement inside it does not count); a family is ``MIN_PARAGRAPH_CARDS`` cards or more
    of one tag and class beside each other.
    """
    counts = shown_words(tree)
    kinds: dict[tuple[etree._Element, str, str], list[_CardParagraph]] = {}
    for paragraph in tree.iter("p"):
        words = counts.get(paragraph, 0)
        card = paragraph
        while ((parent := card.getparent()) is not None and parent.tag != "body"
               and counts.get(parent) == words):
            card = parent
        holder = card.getparent()
        if not words or card is paragraph or holder is None:
            continue
        text = one_line(paragraph.text_content())
        sentence = (words >= MIN_CARD_PARAGRAPH_WORDS
                    and 2 * _link_words(paragraph) < len(_tokens(text)))
        kinds.setdefault((holder, card.tag, card.get("class") or ""), []).append(
            _CardParagraph(text, sentence))
    return [family for family in kinds.values() if len(family) >= MIN_PARAGRAPH_CARDS]


def paragraphs_between_cards(blocks: list[Block],
                             families: list[list[_CardParagraph]]) -> tuple[list[Block], int]:
    """Put back the paragraph of a card (``paragraph_cards``) that the extraction left out
    while it kept the cards on both sides of it; return the blocks and how many came back.

    The paragraph is put after the block holding the paragraph of the card before it, as
    plain text; one that is not a sentence (under ``MIN_CARD_PARAGRAPH_WORDS`` words, or half
    linked: a "read more" card) stays out.
    """
    added = 0
    for family in families:
        words = f" {' '.join(_tokens(_text(blocks)))} "
        held = [_share_held(words, card.text) >= TAKEN_SHARE for card in family]
        for index in range(1, len(family) - 1):
            card = family[index]
            if (not card.sentence or not held[index - 1] or not held[index + 1]
                    or _share_held(words, card.text) >= LEFT_SHARE):
                continue
            before = " ".join(_tokens(family[index - 1].text))
            at = next((number for number, block in enumerate(blocks)
                       if before in " ".join(_tokens(block.text))), None)
            if at is not None:
                blocks = [*blocks[:at + 1], Block("p", (Inline(card.text),)), *blocks[at + 1:]]
                added += 1
    return blocks, added


#: Classes of the ``<blockquote>`` that a platform's embed code writes around a person's post,
#: with the post's text in ``<p>`` and its author and date line after it: X/Twitter, Bluesky,
#: Instagram, and Facebook (the ``<blockquote>`` inside its ``fb-post``; its page plugin has no
#: ``<p>``). Threads and TikTok write no text of the post in theirs.
EMBEDDED_POST_CLASSES = frozenset({"twitter-tweet", "twitter-video", "bluesky-embed",
                                   "instagram-media", "fb-xfbml-parse-ignore"})
#: Containers that hold the article itself, not an embed's wrapper.
_ARTICLE_CONTAINERS = frozenset({"body", "main", "article"})


def embedded_posts_as_quotes(tree: HtmlElement) -> int:
    """Rewrite each embedded post of a person (a tweet, an Instagram, Facebook or Bluesky
    post) as a plain quotation of its text and its author and date line; return how many.

    In news the post is often the very statement the story reports, so a brief keeps it.
    trafilatura keeps or drops one by its wrapper: the embed's ``<div class="social-media-
    embed">`` or ``"article-widget"`` is chrome by its class, so the same ``<blockquote
    class="twitter-tweet">`` stays on one page and goes on another. The post's wrapper (the
    largest element around it showing no other word, not the article's container) becomes a
    ``<blockquote>`` without class: each of the post's ``<p>``, then the author and date line
    as the page shows it («— Name (@handle) November 18, 2019», «Posted by Name on …»: the
    text outside the ``<p>``), links kept. A blockquote
    without a ``<p>`` of words (a page's "follow us" plugin) is left as it is.
    """
    posts = [quote for quote in tree.iter("blockquote")
             if EMBEDDED_POST_CLASSES & set((quote.get("class") or "").split())
             and any(_tokens(paragraph.text_content()) for paragraph in quote.iter("p"))]
    if not posts:
        return 0
    counts = shown_words(tree)
    for post in posts:
        wrapper, holder = post, post.getparent()
        while (holder is not None and holder.tag not in _ARTICLE_CONTAINERS
               and counts.get(holder) == counts[post]):
            wrapper, holder = holder, holder.getparent()
        if holder is None:
            continue
        quotation = html_element("blockquote")
        quotation.tail = wrapper.tail
        lines = [paragraph for paragraph in post.iter("p") if _tokens(paragraph.text_content())]
        author = _author_line(post)
        for line in [*lines, *([author] if _tokens(author.text_content()) else [])]:
            line.tail = None
            line.attrib.clear()
            _show_whole(line)
            quotation.append(line)  # moves it
        holder.replace(wrapper, quotation)
    return len(posts)


def _show_whole(line: etree._Element) -> None:
    """Keep the words of a line of an embedded post that trafilatura would drop: a ``<time>``
    (its date, which trafilatura removes with its text) and a link holding all the line's
    words (an Instagram caption linked all through to the post, which it prunes as a link)."""
    for element in list(line.iter("time")):
        element.drop_tag()
    links = list(line.iter("a"))
    if len(links) == 1 and _tokens(links[0].text_content()) == _tokens(line.text_content()):
        links[0].drop_tag()


def _author_line(post: etree._Element) -> etree._Element:
    """Return, as a ``<p>``, what an embedded post shows outside its ``<p>``: its text and
    inline elements standing straight in it (the author and date line)."""
    line = html_element("p")
    line.text = post.text
    for child in list(post):
        tail, child.tail = child.tail, None
        if isinstance(child.tag, str) and child.tag in INLINE_TAGS and child.find(".//p") is None:
            line.append(child)  # moves it
        if tail and len(line):
            line[-1].tail = (line[-1].tail or "") + tail
        elif tail:
            line.text = (line.text or "") + tail
    return line


#: Elements in which a link stands as a block of its own (not a paragraph, item or heading).
_BLOCK_FRAMES = frozenset({"div", "section", "body", "header", "footer", "nav", "aside",
                           "form", "article", "main"})


def drop_jump_links(tree: HtmlElement) -> int:
    """Remove the links to a place on the page itself standing as blocks; return how many.

    «Skip to content», «Back to top», «Commenter» (to ``#comments``): a link whose target
    is an anchor of the page (``#…``) standing alone in a frame, with no word of the text
    around it, moves the reader on the page and says nothing of the article. trafilatura
    keeps the one it finds among the article's paragraphs as a paragraph. A link to an
    anchor inside a sentence, a list (a table of contents), a heading or an inline element
    (a footnote's number) stays.
    """
    jumps = []
    for link in tree.iter("a"):
        parent = link.getparent()
        if (parent is None or parent.tag not in _BLOCK_FRAMES
                or not (link.get("href") or "").strip().startswith("#")):
            continue
        previous = link.getprevious()
        before = parent.text if previous is None else previous.tail
        if not _tokens(before or "") and not _tokens(link.tail or ""):
            jumps.append(link)
    for link in jumps:
        link.drop_tree()
    return len(jumps)


#: A class naming a picture's caption: «imageCaption», «wp-caption-text», «figure__caption».
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
#: A caption is a line or two; an element so named holding more is a container.
MAX_CAPTION_WORDS = 60


def drop_captions(tree: HtmlElement) -> int:
    """Remove the pictures' captions written as paragraphs; return how many.

    trafilatura leaves out ``<figcaption>``, but a caption written as ``<p
    class="imageCaption">`` (dailymail.co.uk) or ``<div class="wp-caption-text">`` reads as
    a paragraph of the article: the photo's description, often a sentence of the text
    again. An element whose class names a caption, holding no paragraph and at most
    ``MAX_CAPTION_WORDS`` words, goes.
    """
    captions = [element for element in tree.iter("p", "div", "span", "figcaption")
                if _CAPTION_CLASS.search(element.get("class") or "")
                and next(element.iterdescendants("p"), None) is None
                and len(_tokens(element.text_content())) <= MAX_CAPTION_WORDS]
    for element in captions:
        element.drop_tree()
    return len(captions)


#: A link laid out as a card holds at least this many elements with text of their own, or
#: this many words.
MIN_CARD_PIECES = 2
MIN_LINK_PARAGRAPH_WORDS = 15


def drop_story_cards(tree: HtmlElement, url: str) -> int:
    """Remove the cards of other stories of the site set among the article's paragraphs;
    return how many.

    A card is a link standing as a block of its own beside two paragraphs or more (not inside
    one), made of pieces (a label and a headline: «Also on …», the other story's title) or
    as long as a paragraph (``MIN_LINK_PARAGRAPH_WORDS``: an offer to subscribe, linked all
    through), leading to another page of the page's own site. A link to another site (a
    "tweet this" quote, a source) is kept.
    """
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    if not host:
        return 0
    cards = []
    for link in tree.iter("a"):
        parent = link.getparent()
        if parent is None or sum(child.tag == "p" and len(_tokens(child.text_content())) >= 8
                                 for child in parent) < 2:
            continue
        pieces = sum(1 for node in link.iterdescendants()
                     if isinstance(node.tag, str) and _tokens(node.text or ""))
        target = http_url(link.get("href") or "", url)
        if ((pieces >= MIN_CARD_PIECES
             or len(_tokens(link.text_content())) >= MIN_LINK_PARAGRAPH_WORDS)
                and target and target != url
                and (urlsplit(target).hostname or "").removeprefix("www.") == host):
            cards.append(link)
    for link in cards:
        link.drop_tree()  # its tail stays
    return len(cards)


#: A run of links with no word of its own holds at least this many links (a name's link
#: and a card of its latest headlines, a list of tags).
MIN_LINK_RUN = 3


def drop_link_runs_in_paragraphs(tree: HtmlElement) -> int:
    """Remove the runs of links set inside a paragraph's sentence; return how many.

    Some pages put a card inside the paragraph, right after a person's linked name, that
    shows on hovering: the full name, a picture and links to the latest stories about
    them. trafilatura reads it as the sentence's words («Mayor Lina MorelLina Sofia
    MorelMayor opens the ferry terminal … MORE said on Monday …»). A run is an element
    inside a ``<p>`` (not a link) holding ``MIN_LINK_RUN`` links or more and no word outside
    them, while what it stands in has words besides its own: a sentence never lists three
    links with nothing between them («A, B and C» has its «and»). Of nested runs the
    innermost goes: the name's own link before the card stays.
    """
    runs = []
    for paragraph in tree.iter("p"):
        for element in paragraph.iterdescendants():
            if not isinstance(element.tag, str) or element.tag == "a":
                continue
            links = sum(1 for _ in element.iter("a"))
            words = len(_tokens(element.text_content()))
            parent = element.getparent()
            # Counted apart, the links' words can be more: «Morel» and «Lina» of two links
            # glue into one token when the element's text is read whole.
            if (links >= MIN_LINK_RUN and words and words <= _link_words(element)
                    and parent is not None
                    and len(_tokens(parent.text_content())) > words):
                runs.append(element)
    innermost = [run for run in runs
                 if not any(other is not run and run in other.iterancestors()
                            for other in runs)]
    for run in innermost:
        run.drop_tree()  # its tail, the sentence's next words, stays
    return len(innermost)


#: A comment box's heading, rules and labels beside its form are fewer words than this.
MAX_COMMENT_BOX_WORDS = 100
#: The empty element a comments service's script fills: Facebook's comments plugin, Disqus.
_COMMENT_WIDGETS = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' fb-comments ')"
                    " or @id = 'disqus_thread']")


def drop_comment_forms(tree: HtmlElement) -> int:
    """Remove the box of each form to write a comment, with its heading and rules; return how
    many.

    Under the article, a comment box holds a heading («Comentar», «أضف تعليقك»), the rules
    of the discussion as a list or a paragraph, and a form with a ``<textarea>`` or the
    empty element a comments service fills (``fb-comments``, ``disqus_thread``);
    trafilatura keeps the heading and the rules as the article's last blocks. The box is
    the largest element around the form with, beside the form, no ``<h1>``, no paragraph of
    the article (a ``<p>`` of ``MIN_CHUNK_PARAGRAPH_WORDS`` words) and under
    ``MAX_COMMENT_BOX_WORDS`` words: climbing from the form stops where the article's text
    begins, even when it is not written in ``<p>``. A search form has no ``<textarea>``.
    When the box stands straight among the article's own ``<p>``, the elements between the
    last of them and the box (a rule, the rules of the discussion in a ``<div>``: under
    ``MAX_COMMENT_BOX_WORDS`` words) are the box's too.
    """
    boxes: dict[etree._Element, None] = {}
    forms = [form for form in tree.iter("form") if form.find(".//textarea") is not None]
    for form in [*forms, *tree.xpath(_COMMENT_WIDGETS)]:
        box = form
        while (parent := box.getparent()) is not None and parent.tag != "body":
            beside = [node for node in parent.iter("p", "h1")
                      if node is not box and box not in node.iterancestors()]
            if (any(node.tag == "h1" or len(_tokens(node.text_content()))
                    >= MIN_CHUNK_PARAGRAPH_WORDS for node in beside)
                    or len(_tokens(parent.text_content())) - len(_tokens(box.text_content()))
                    >= MAX_COMMENT_BOX_WORDS):
                break
            box = parent
        boxes[box] = None
        boxes.update(dict.fromkeys(_comment_box_heading(box)))
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return len(boxes)


def _comment_box_heading(box: etree._Element) -> list[etree._Element]:
    """Return the elements between a comment box and the last ``<p>`` before it among its
    siblings, when they are under ``MAX_COMMENT_BOX_WORDS`` words (else none)."""
    between: list[etree._Element] = []
    sibling = box.getprevious()
    while sibling is not None and sibling.tag != "p":
        between.append(sibling)
        sibling = sibling.getprevious()
    if sibling is None or sum(len(_tokens(element.text_content())) for element in between
                              if isinstance(element.tag, str)) >= MAX_COMMENT_BOX_WORDS:
        return []
    return between


#: A block that is a CMS shortcode the page left unrendered: «[button link="…"]Subscribe
#: now[/button]», «[caption id="…"]…[/caption]», «[gallery ids="1,2"]» (a name in brackets
#: alone, «[Reuters]», is a source).
_SHORTCODE = re.compile(r"\[([a-z][\w-]*)(?:\s[^\]]*=[^\]]*\](?:.*\[/\1\])?"
                        r"|(?:\s[^\]]*)?\].*\[/\1\])", re.IGNORECASE | re.DOTALL)
#: At the end of the extraction, a heading followed by at most ``MAX_HEADED_BLOCKS`` blocks of
#: at most ``MAX_HEADED_WORDS`` words heads a section that was not extracted (comments).
MAX_HEADED_BLOCKS, MAX_HEADED_WORDS = 2, 2


def drop_shortcodes(blocks: list[Block]) -> tuple[list[Block], int]:
    """Leave out the blocks that are an unrendered shortcode; return the blocks and how many
    went.

    A WordPress shortcode the page printed as text is a widget (a button, a gallery, a
    caption), its words a label, not the article's.
    """
    kept = [block for block in blocks if not _SHORTCODE.fullmatch(block.text.strip())]
    return kept, len(blocks) - len(kept)


def drop_heading_of_nothing(blocks: list[Block]) -> tuple[list[Block], int]:
    """Leave out the headings that end the article with nothing under them (and the word or
    two kept after each); return the blocks and how many went.

    trafilatura keeps the heading of the comments («What do you think?») or of a
    newsletter box (its name, then its call to subscribe as a second heading), and of what
    it heads only a word or two («comments», «Share»): a heading with no paragraph under it
    ends nothing of the article.
    """
    kept = blocks
    while True:
        end = len(kept)
        while (end and len(kept) - end < MAX_HEADED_BLOCKS
               and not kept[end - 1].kind.startswith("h")
               and len(_tokens(kept[end - 1].text)) <= MAX_HEADED_WORDS):
            end -= 1
        if end <= 1 or not kept[end - 1].kind.startswith("h"):
            return kept, len(blocks) - len(kept)
        kept = kept[:end - 1]


#: Elements that set a whole paragraph apart in bold or italics.
EMPHASIS_TAGS = frozenset({"strong", "b", "em", "i"})


def _emphasised_link(paragraph: etree._Element) -> str:
    """Return the address a paragraph links to when it is set wholly in bold or italics (its
    only child an emphasis holding all its words) and links to one address, else ""."""
    children = [child for child in paragraph if isinstance(child.tag, str)]
    if (len(children) != 1 or children[0].tag not in EMPHASIS_TAGS
            or _tokens(paragraph.text or "") or _tokens(children[0].tail or "")):
        return ""
    targets = {link.get("href") or "" for link in children[0].iter("a")}
    return targets.pop() if len(targets) == 1 else ""


def drop_framing_calls(tree: HtmlElement) -> int:
    """Remove the calls that frame an article: its first and last paragraphs, both set wholly
    in bold or italics and linking to the same address; return how many went.

    A newsletter or a sponsor opens the article with a call in bold («Our morning letter is
    free: sign up») and closes it with another to the same address («Get it every day»). An
    article's own first and last paragraphs are not both set apart and linked to one place.
    """
    framed = 0
    for parent in dict.fromkeys(paragraph.getparent() for paragraph in tree.iter("p")):
        if parent is None:
            continue
        paragraphs = [child for child in parent if child.tag == "p" and _tokens(
            child.text_content())]
        if len(paragraphs) < 3:
            continue
        first, last = _emphasised_link(paragraphs[0]), _emphasised_link(paragraphs[-1])
        if first and first == last:
            for paragraph in (paragraphs[0], paragraphs[-1]):
                paragraph.drop_tree()
            framed += 2
    return framed


@dataclass(slots=True)
class _Corrections:
    """What the page's structure says of the article before trafilatura reads it."""

    posts: int  # embedded posts rewritten as quotations
    runs: int  # runs of links inside paragraphs removed
    forms: int  # comment boxes removed
    calls: int  # calls framing the article removed
    loose: int  # runs of loose text made paragraphs
    empty: int  # empty formatting elements inside paragraphs removed
    divs: int  # <div> made paragraphs
    story_cards: int  # cards of other stories removed
    jumps: int  # links to a place on the page standing as blocks removed
    captions: int  # pictures' captions written as paragraphs removed
    families: list[list[_Chunk]]
    cards: list[list[_CardParagraph]]  # paragraphs each in a card of its own
    lead: _Lead | None


def correct_before(tree: HtmlElement, description: str, url: str) -> _Corrections:
    """Correct the page before trafilatura reads (and prunes) it, and note what only its
    reading can settle: embedded posts, runs of links inside paragraphs, comment boxes, calls
    framing the article, loose text, empty formatting, paragraphs written as ``<div>``, cards
    of other stories among the paragraphs, links to places on the page, the parts of an
    article cut into containers, paragraphs each in a card of their own, a lead set apart (in
    this order: each reads the page the one before left)."""
    return _Corrections(posts=embedded_posts_as_quotes(tree),
                        runs=drop_link_runs_in_paragraphs(tree),
                        forms=drop_comment_forms(tree), calls=drop_framing_calls(tree),
                        loose=loose_text_as_paragraphs(tree),
                        empty=drop_empty_formatting(tree),
                        divs=paragraphs_written_as_divs(tree),
                        story_cards=drop_story_cards(tree, url), jumps=drop_jump_links(tree),
                        captions=drop_captions(tree),
                        families=article_chunks(tree), cards=paragraph_cards(tree),
                        lead=separate_lead(tree, description))


def correct_after(blocks: list[Block], corrections: _Corrections, options: dict[str, Any],
                  notes: list[str]) -> list[Block]:
    """Add to the extracted blocks the parts of the article, the paragraphs between cards and
    the lead trafilatura left out, leave out the unrendered shortcodes and the headings that
    end the article with nothing under them; add to ``notes`` what was corrected."""
    blocks, parts = whole_article(blocks, corrections.families, options)
    blocks, between = paragraphs_between_cards(blocks, corrections.cards)
    blocks, shortcodes = drop_shortcodes(blocks)
    blocks, ending = drop_heading_of_nothing(blocks)
    led = with_lead(blocks, corrections.lead)
    notes += [note for count, note in ((corrections.posts, "embedded posts read as quotations"),
                                       (corrections.runs, "runs of links in paragraphs left out"),
                                       (corrections.forms, "comment boxes left out"),
                                       (corrections.calls, "calls framing the article left out"),
                                       (corrections.loose, "loose text read as paragraphs"),
                                       (corrections.empty, "empty formatting left out"),
                                       (corrections.divs, "<div> read as paragraphs"),
                                       (corrections.story_cards,
                                        "cards of other stories left out"),
                                       (corrections.jumps, "links to places on the page left out"),
                                       (corrections.captions, "captions left out"),
                                       (parts, "more parts of the article"),
                                       (between, "paragraphs between cards put back"),
                                       (shortcodes, "shortcodes left out"),
                                       (ending, "a heading of nothing at the end left out"),
                                       (led is not blocks, "the lead set apart")) if count]
    return led


@functools.cache
def trafilatura_config() -> configparser.ConfigParser:
    """Return trafilatura's settings, with a lower floor for a short article.

    Below ``MIN_EXTRACTED_SIZE`` characters trafilatura distrusts its result and falls back
    to all the page's text, menus included; a brief can be a few lines.
    """
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "25")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def extract_page(raw: bytes, url: str = "") -> Page:
    """Extract a saved or fetched page (its bytes): the article's blocks and metadata.

    ``url`` is the address the page was fetched from (a saved file: ""); the page's own
    canonical link wins over it.
    """
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is None:
        return Page(url=http_url(url))
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        # Extraction time grows faster than the page: a hostile page must not hold a batch.
        msg = (f"the page has {elements} elements, more than the {MAX_ELEMENTS} a news page "
               "has; save the article alone, or paste its text into a .txt file")
        raise PageTooLarge(msg)
    head = raw[:4096].decode("utf-8", "replace")
    meta = read_metadata(tree, head)
    page_url = meta.url or http_url(url)
    options = {"config": trafilatura_config(), "url": page_url or None,
               "include_comments": False, "include_tables": True,
               "include_links": True, "include_images": False, "include_formatting": False,
               "with_metadata": True, "date_extraction_params": {"extensive_search": False,
                                                                 "original_date": True}}
    corrections = correct_before(tree, meta.description, page_url)
    headings, paragraphs = page_headings(tree)
    header_texts = headline_surroundings(tree)
    words_on_page = page_words(tree)
    spares = [copy.deepcopy(tree) for _ in range(2 if meta.body else 1)]  # trafilatura prunes
    document, blocks = _extraction(tree, options, favor_precision=True)
    notes = ["trafilatura, favor_precision"]
    if len(_tokens(_text(blocks))) < MIN_PRECISION_SHARE * words_on_page:
        # Holding a quarter of the page's words, it holds a quarter of any reading's: only
        # below that can it have lost the article, and the default reading is worth its time.
        default_document, default_blocks = _extraction(spares.pop(), options)
        if not kept_the_article(blocks, default_blocks):
            document, blocks, notes = default_document, default_blocks, ["trafilatura"]
    truth = _article_body_text(meta.body)
    if len(truth) >= 200 and spares and not _teaser_of(truth, blocks) \
            and token_f1(_text(blocks), truth)[1] < 0.9:
        # The page's own articleBody says the extraction missed much: try for recall.
        _recall_document, recall_blocks = _extraction(spares.pop(), options, favor_recall=True)
        candidates = [(token_f1(_text(b), truth)[2], name, b) for name, b in
                      ((notes[0], blocks), ("trafilatura, favor_recall", recall_blocks),
                       ("JSON-LD articleBody", _article_body_blocks(truth)))]
        best = max(candidates, key=lambda item: item[0])
        # articleBody is the publisher's own text, but often without its paragraphs.
        _score, name, blocks = best
        notes = [name]
    source = meta.site or one_line(getattr(document, "sitename", "") or "")
    host = urlsplit(page_url).hostname or "" if page_url else ""
    title = without_site_name(meta.title or one_line(getattr(document, "title", "") or ""),
                              source, host)
    title = visible_headline([heading.pieces for heading in headings], title, source, host)
    dates = [*meta.dates, str(getattr(document, "date", "") or "")]
    date = (next((parsed for value in dates if (parsed := parse_date(value))), None)
            # A date written in words: in the page's date tags, else beside its headline.
            or next((parsed for value in [*dates, *header_texts]
                     if (parsed := date_in_words(value))), None))
    blocks = correct_after(start_after_headline_on_page(start_at_headline(blocks, title),
                                                        title, headings, paragraphs),
                           corrections, options, notes)
    text = _text(blocks)
    detected = language_of_text(text or title)
    lang = meta.lang or base_language(str(getattr(document, "language", "") or ""))
    if not lang or (detected and _script(detected) != _script(lang)):
        lang = detected  # pages in Arabic often keep a theme's lang="en-US"
    author = meta.author or one_line(getattr(document, "author", "") or "")
    if author and author == source:
        author = ""
    return Page(title=title, date=date, lang=lang, source=source, author=author,
                url=page_url, blocks=tuple(blocks), notes=tuple(notes))


def _text(blocks: list[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)
