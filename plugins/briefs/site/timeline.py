"""Weekly series over the archive, pure: how many briefs mention an entity each week.

A week starts on Monday (ISO 8601) and is named by that Monday's date. The archive's time
axis runs from the week of its oldest brief to the week of its newest, every week present;
an entity's series is one count for each week of that axis (a quiet week is a 0, not a
gap), so the series of every entity share one axis. Counts are kept as plain integers: a
site of 10,000 briefs has thousands of entities and a few hundred weeks.

``count(week) = the number of briefs dated in that week that mention the entity`` (a
brief counts once however often it names the entity).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True, slots=True)
class Week:
    """One week of a series: its Monday and how many briefs of the week count."""

    start: date
    count: int


def week_of(day: date | datetime) -> date:
    """Return the Monday of the week ``day`` falls in.

    >>> week_of(date(2024, 11, 14))  # a Thursday
    datetime.date(2024, 11, 11)
    >>> week_of(datetime(2024, 11, 11, 23, 0))
    datetime.date(2024, 11, 11)
    """
    as_date = day.date() if isinstance(day, datetime) else day
    return as_date - timedelta(days=as_date.weekday())


def week_axis(first: date | datetime, last: date | datetime) -> tuple[date, ...]:
    """Return the Monday of every week from ``first``'s to ``last``'s: the archive's time axis.

    >>> [monday.isoformat() for monday in week_axis(date(2024, 11, 14), date(2024, 11, 28))]
    ['2024-11-11', '2024-11-18', '2024-11-25']
    """
    start, end = week_of(first), week_of(last)
    return tuple(start + timedelta(weeks=n) for n in range((end - start).days // 7 + 1))


def weekly_counts(dates: Iterable[date | datetime], axis: Sequence[date]) -> tuple[int, ...]:
    """Return, for each week of ``axis``, how many of ``dates`` fall in it (others are ignored).

    >>> axis = week_axis(date(2024, 11, 11), date(2024, 11, 28))
    >>> weekly_counts([date(2024, 11, 12), date(2024, 11, 14), date(2024, 11, 28)], axis)
    (2, 0, 1)
    """
    counts = Counter(week_of(day) for day in dates)
    return tuple(counts[monday] for monday in axis)


def busy_weeks(axis: Sequence[date], counts: Sequence[int]) -> list[Week]:
    """Return the weeks with a count, newest first (a chart's table of numbers).

    >>> weeks = busy_weeks(week_axis(date(2024, 11, 11), date(2024, 11, 25)), (2, 0, 1))
    >>> [(week.start.isoformat(), week.count) for week in weeks]
    [('2024-11-25', 1), ('2024-11-11', 2)]
    """
    return [Week(monday, count) for monday, count in zip(reversed(axis), reversed(counts),
                                                         strict=True) if count]
