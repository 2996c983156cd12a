"""Weekly series over the archive, pure: how many briefs mention an entity each week.

A week starts on Monday (ISO 8601) and is named by that Monday's date. A series runs from
the week of the archive's oldest brief to the week of its newest, every week present (a
quiet week is a 0, not a gap), so the series of every entity share one time axis.

``count(week) = the number of briefs dated in that week that mention the entity`` (a
brief counts once however often it names the entity).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
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


def weekly_series(dates: Iterable[date | datetime], first: date | datetime,
                  last: date | datetime) -> tuple[Week, ...]:
    """Return one :class:`Week` for every week from ``first``'s to ``last``'s, with counts.

    ``dates`` are the dates of the briefs that count; those outside the span are ignored.

    >>> series = weekly_series([date(2024, 11, 12), date(2024, 11, 14), date(2024, 11, 28)],
    ...                        date(2024, 11, 11), date(2024, 11, 28))
    >>> [(week.start.isoformat(), week.count) for week in series]
    [('2024-11-11', 2), ('2024-11-18', 0), ('2024-11-25', 1)]
    """
    counts = Counter(week_of(day) for day in dates)
    start, end = week_of(first), week_of(last)
    weeks = (end - start).days // 7 + 1
    return tuple(Week(monday, counts[monday])
                 for monday in (start + timedelta(weeks=n) for n in range(max(weeks, 0))))
