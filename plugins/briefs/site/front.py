"""The front page, pure: the top stories of the last days, the latest briefs, who is in the news.

Every window is counted back from the newest brief's date, never from the clock, so the
same archive always gives the same front page (and a build is byte-identical).

Formulas, with ``newest`` the date of the newest brief and ``window`` a number of days:

- *recent*: the briefs dated on or after ``newest - window``;
- *top stories*: each recent brief stands for its story thread
  (:func:`briefs.site.related.story_threads`: the briefs sharing its main entities within
  ``BRIEFS_THREAD_DAYS``); candidates are ranked by the size of that thread, then newest
  first, then by key. Stories are taken in that order, and a candidate already shown in an
  earlier story is skipped, so one story appears once. A story's briefs are the candidate
  and its thread, less those shown already: the newest is its lead, the next ``others``
  newest are listed under it;
- *latest*: the newest briefs that no top story shows;
- *in the news*: each entity counted once per recent brief that mentions it; the most
  counted first, ties by entity id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class FrontBrief:
    """What the front page needs to know about one brief."""

    key: str  # the brief's URL
    date: datetime
    thread: tuple[str, ...] = ()  # keys of its story thread in date order (itself included)
    entities: tuple[str, ...] = ()  # the site entity ids it mentions


@dataclass(frozen=True, slots=True)
class Story:
    """A top story: its lead brief and other briefs of its thread, newest first."""

    lead: str
    others: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Front:
    """The keys of everything the front page shows, in the order it shows them."""

    stories: tuple[Story, ...]
    latest: tuple[str, ...]
    in_the_news: tuple[tuple[str, int], ...]  # (entity id, recent briefs that mention it)


def recent(briefs: Sequence[FrontBrief], days: int) -> list[FrontBrief]:
    """Return the briefs dated within ``days`` of the newest one, newest first.

    >>> a = FrontBrief("a", datetime(2024, 11, 1))
    >>> b = FrontBrief("b", datetime(2024, 11, 20))
    >>> c = FrontBrief("c", datetime(2024, 11, 26))
    >>> [brief.key for brief in recent([a, b, c], 7)]
    ['c', 'b']
    """
    if not briefs:
        return []
    since = max(brief.date for brief in briefs) - timedelta(days=days)
    return newest_first([brief for brief in briefs if brief.date >= since])


def newest_first(briefs: Sequence[FrontBrief]) -> list[FrontBrief]:
    """Return ``briefs`` newest first, ties by key (so the order never depends on input)."""
    return sorted(sorted(briefs, key=lambda brief: brief.key),
                  key=lambda brief: brief.date, reverse=True)


def top_stories(briefs: Sequence[FrontBrief], *, days: int, stories: int,
                others: int) -> list[Story]:
    """Return up to ``stories`` top stories of the last ``days`` (see the module's formulas).

    >>> d = datetime(2024, 11, 20)
    >>> briefs = [FrontBrief("x1", d - timedelta(days=3), ("x1", "x2", "x3")),
    ...           FrontBrief("x2", d - timedelta(days=2), ("x1", "x2", "x3")),
    ...           FrontBrief("x3", d - timedelta(days=1), ("x1", "x2", "x3")),
    ...           FrontBrief("y", d, ("y",))]
    >>> top_stories(briefs, days=7, stories=2, others=3)
    [Story(lead='x3', others=('x2', 'x1')), Story(lead='y', others=())]

    The lead is the story's newest brief, whichever brief's thread was the largest:

    >>> top_stories([FrontBrief("old", d - timedelta(days=1), ("old", "new", "z")),
    ...              FrontBrief("new", d, ("old", "new"))], days=7, stories=1, others=3)
    [Story(lead='new', others=('old',))]
    """
    by_key = {brief.key: brief for brief in briefs}
    candidates = sorted(recent(briefs, days), key=lambda brief: -len(brief.thread))
    shown: set[str] = set()
    chosen = []
    for candidate in candidates:
        if len(chosen) == stories:
            break
        if candidate.key in shown:
            continue
        keys = {candidate.key, *(key for key in candidate.thread if key in by_key)} - shown
        lead, *rest = newest_first([by_key[key] for key in keys])
        chosen.append(Story(lead.key, tuple(brief.key for brief in rest[:others])))
        shown.update(keys)
    return chosen


def in_the_news(briefs: Sequence[FrontBrief], *, days: int, limit: int) -> list[tuple[str, int]]:
    """Return the entities mentioned in the most briefs of the last ``days``, with counts.

    >>> d = datetime(2024, 11, 20)
    >>> in_the_news([FrontBrief("a", d, entities=("person:x", "place:y")),
    ...              FrontBrief("b", d, entities=("place:y",)),
    ...              FrontBrief("c", d - timedelta(days=30), entities=("person:x",))],
    ...             days=7, limit=5)
    [('place:y', 2), ('person:x', 1)]
    """
    counts = Counter(entity for brief in recent(briefs, days) for entity in set(brief.entities))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def front_page(briefs: Sequence[FrontBrief], *, days: int = 7, stories: int = 3,
               others: int = 3, latest: int = 6, in_the_news_limit: int = 10) -> Front:
    """Return what the front page shows: top stories, the latest briefs, who is in the news.

    >>> d = datetime(2024, 11, 20)
    >>> front = front_page([FrontBrief("a", d, ("a", "b")), FrontBrief("b", d, ("a", "b")),
    ...                     FrontBrief("c", d - timedelta(days=1))], stories=1)
    >>> front.stories, front.latest
    ((Story(lead='a', others=('b',)),), ('c',))
    """
    chosen = top_stories(briefs, days=days, stories=stories, others=others)
    shown = {key for story in chosen for key in (story.lead, *story.others)}
    rest = [brief.key for brief in newest_first(briefs) if brief.key not in shown]
    return Front(stories=tuple(chosen), latest=tuple(rest[:latest]),
                 in_the_news=tuple(in_the_news(briefs, days=days, limit=in_the_news_limit)))
