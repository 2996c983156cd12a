"""Every key quote of the site, pure: newest first, by speaker, the most quoted speakers.

Order: the newest brief's quotes first; within a brief, in reading order (the sidebar's
numbers); briefs of the same date by key. A quote without a speaker is listed on the
quotes page but under no speaker: the build never guesses one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SiteQuote:
    """One key quote of one brief."""

    key: str  # the brief's URL
    date: datetime  # the brief's date
    number: int  # its number in the brief (reading order)
    text: str
    speaker_id: str | None = None  # the site entity that said it


def newest_first(quotes: Iterable[SiteQuote]) -> list[SiteQuote]:
    """Return the quotes newest brief first, each brief's in reading order.

    >>> old = SiteQuote("a", datetime(2024, 11, 1), 1, "one")
    >>> new = [SiteQuote("b", datetime(2024, 11, 9), n, t) for n, t in ((2, "y"), (1, "x"))]
    >>> [quote.text for quote in newest_first([old, *new])]
    ['x', 'y', 'one']
    """
    in_brief_order = sorted(quotes, key=lambda quote: (quote.key, quote.number))
    return sorted(in_brief_order, key=lambda quote: quote.date, reverse=True)


def by_speaker(quotes: Sequence[SiteQuote]) -> dict[str, list[SiteQuote]]:
    """Group quotes by speaker id, keeping their order; quotes without a speaker are left out.

    >>> d = datetime(2024, 11, 1)
    >>> groups = by_speaker([SiteQuote("a", d, 1, "x", "person:p"), SiteQuote("a", d, 2, "y"),
    ...                      SiteQuote("b", d, 1, "z", "person:p")])
    >>> {speaker: [quote.text for quote in said] for speaker, said in groups.items()}
    {'person:p': ['x', 'z']}
    """
    groups: dict[str, list[SiteQuote]] = {}
    for quote in quotes:
        if quote.speaker_id:
            groups.setdefault(quote.speaker_id, []).append(quote)
    return groups


def most_quoted(quotes: Sequence[SiteQuote], limit: int) -> list[tuple[str, int]]:
    """Return the ``limit`` speakers with the most quotes, with counts; ties by id.

    >>> d = datetime(2024, 11, 1)
    >>> most_quoted([SiteQuote("a", d, 1, "x", "person:q"), SiteQuote("a", d, 2, "y", "person:p"),
    ...              SiteQuote("b", d, 1, "z", "person:p"), SiteQuote("b", d, 2, "w")], 5)
    [('person:p', 2), ('person:q', 1)]
    """
    counts = Counter(quote.speaker_id for quote in quotes if quote.speaker_id)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
