"""Presentation markup written into a brief's body: isolation, quote anchors, entity links.

The only place that changes an article's HTML; it writes markup at text offsets found by
the analysis, through :mod:`briefs.markup.htmltext`, and never re-serialises the author's HTML.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from briefs.analysis.model import Document, Span
from briefs.markup.htmltext import BodyText, Wrap


class NumberedQuote(Protocol):
    """A key quote as the sidebar numbers it."""

    number: int
    anchor: str
    backref: str
    parts: tuple[Span, ...]

# A run of left-to-right words (Latin names, numbers, codes such as G20 or 3.5%), possibly
# several words long; the run must start and end on a letter, digit or percent sign.
_LATIN = r"A-Za-z0-9\u00C0-\u024F"
_LTR_WORD = rf"[{_LATIN}](?:[{_LATIN}.,%'’&+/:_-]*[{_LATIN}%])?"
LTR_RUN = re.compile(rf"{_LTR_WORD}(?:[ \u00A0]+{_LTR_WORD})*")


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """Find the left-to-right runs (Latin words, numbers) inside right-to-left text.

    >>> text = "قال NATO Secretary إن 12000 جندي"
    >>> [text[s:e] for s, e in ltr_runs(text)]
    ['NATO Secretary', '12000']
    """
    return [match.span() for match in LTR_RUN.finditer(text)]


def isolation_wraps(body: BodyText) -> list[Wrap]:
    """Return ``<bdi>`` wraps for every left-to-right run of a right-to-left body."""
    return [Wrap(start, end, "<bdi>", "</bdi>") for start, end in ltr_runs(body.text)]


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Tell whether [start, end) overlaps one of ``spans``."""
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def key_quote_wraps(key_quotes: Sequence[NumberedQuote],
                    author_links: Sequence[tuple[int, int]] = ()) -> list[Wrap]:
    """Mark each key quote in the body: an ``id`` to link to, and a numbered link back.

    Where the quote opens inside the author's own link, the number is left out: a link
    inside a link would empty the author's in the browser, and the link's text stays as
    the author wrote it. The sidebar still links to the quote's place.
    """
    wraps = []
    for quote in key_quotes:
        back_link = f'<a class="quote-ref" href="#{quote.backref}">{quote.number}</a>'
        if quote.parts and _inside(quote.parts[0].start, quote.parts[0].start + 1,
                                   author_links):
            back_link = ""
        for index, part in enumerate(quote.parts):
            first = (f'<span class="brief-quote" id="{quote.anchor}">{back_link}'
                     if index == 0 else None)
            wraps.append(Wrap(part.start, part.end, '<span class="brief-quote">', "</span>",
                              first_open_tag=first))
    return wraps


#: How many mentions of an entity a brief links (``BRIEFS_LINK_MENTIONS``): the first in
#: the brief, the first in each paragraph, or none.
LINK_MENTION_MODES = ("first", "paragraph", "none")


def entity_link_wraps(document: Document, site_id_of: Mapping[str, str],
                      href: Callable[[str], str],
                      author_links: Sequence[tuple[int, int]] = (),
                      mode: str = "first") -> list[Wrap]:
    """Link mentions of each indexed entity to its page: the first one in the brief
    (``mode="first"``), the first one in every paragraph (``"paragraph"``), or none.

    A link on every name turns a page into a forest of underlines, so by default a reader
    meets each name's link once. The whole word is linked (with its proclitic: «وكوريا»),
    so Arabic letters are never split by the link. A name whose direction differs from the
    brief's is isolated. A mention inside the author's own link is left as it is (links must
    not nest), and the entity's next mention is linked instead.
    """
    if mode == "none":
        return []
    paragraph_starts = [paragraph.start for paragraph in document.paragraphs]
    linked: set[tuple[int, str]] = set()
    wraps = []
    mentions = sorted(
        ((mention, site_id_of[ref.id]) for ref in document.entities if ref.id in site_id_of
         for mention in ref.mentions),
        key=lambda item: (item[0].start, item[0].end))
    for mention, site_id in mentions:
        paragraph = (bisect.bisect_right(paragraph_starts, mention.start)
                     if mode == "paragraph" else 0)
        start = mention.token_start if 0 <= mention.token_start <= mention.start else mention.start
        if (paragraph, site_id) in linked or _inside(start, mention.end, author_links):
            continue
        linked.add((paragraph, site_id))
        open_tag = (f'<a class="entity-link entity-link--{html.escape(site_id.split(":")[0])}" '
                    f'href="{html.escape(href(site_id))}">')
        wraps.append(Wrap(start, mention.end, open_tag, "</a>"))
        if _is_rtl(mention.text) != (document.direction == "rtl"):
            wraps.append(Wrap(start, mention.end, "<bdi>", "</bdi>"))
    return wraps


def _is_rtl(text: str) -> bool:
    """Tell whether a name's first strong letter is right-to-left (Arabic, Hebrew)."""
    for char in text:
        if unicodedata.bidirectional(char) in {"R", "AL"}:
            return True
        if unicodedata.bidirectional(char) == "L":
            return False
    return False
