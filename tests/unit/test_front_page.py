"""The front page, the weekly series and the quotes, as pure functions of the archive."""

from __future__ import annotations

import itertools
import random
import re
from datetime import UTC, date, datetime, timedelta

from briefs.markup.chart import mention_chart
from briefs.site.front import FrontBrief, front_page, in_the_news, top_stories
from briefs.site.quotes import SiteQuote, by_speaker, most_quoted, newest_first
from briefs.site.timeline import Week, busy_weeks, week_axis, weekly_counts

NEWEST = datetime(2024, 11, 28, 17, 10, tzinfo=UTC)


def _archive() -> list[FrontBrief]:
    """Two stories (NATO: three briefs, OPEC: two), a lone brief, and an old story."""
    nato = ("nato-1", "nato-2", "nato-3")
    opec = ("opec-1", "opec-2")
    day = timedelta(days=1)
    return [
        FrontBrief("nato-1", NEWEST - 6 * day, nato, ("org:nato", "person:rutte", "place:ru")),
        FrontBrief("nato-2", NEWEST - 4 * day, nato, ("org:nato", "person:rutte")),
        FrontBrief("nato-3", NEWEST - 2 * day, nato, ("org:nato", "place:ru")),
        FrontBrief("opec-1", NEWEST - 3 * day, opec, ("org:opec", "place:ru")),
        FrontBrief("opec-2", NEWEST, opec, ("org:opec",)),
        FrontBrief("lone", NEWEST - day, ("lone",), ("place:jp",)),
        FrontBrief("old", NEWEST - 40 * day, ("old",), ("person:old", "person:old")),
    ]


def test_the_biggest_story_leads_with_its_newest_brief() -> None:
    stories = top_stories(_archive(), days=7, stories=3, others=3)
    assert [(story.lead, story.others) for story in stories] == [
        ("nato-3", ("nato-2", "nato-1")), ("opec-2", ("opec-1",)), ("lone", ())]


def test_an_old_story_is_no_top_story_and_the_window_follows_the_newest_brief() -> None:
    leads = [story.lead for story in top_stories(_archive(), days=7, stories=5, others=3)]
    assert "old" not in leads
    # The same archive a year later (every date moved): the same front page, whatever
    # the day the site is built.
    later = [FrontBrief(b.key, b.date + timedelta(days=365), b.thread, b.entities)
             for b in _archive()]
    assert front_page(later) == front_page(_archive())


def test_the_front_page_does_not_depend_on_the_order_of_the_briefs() -> None:
    briefs = _archive()
    expected = front_page(briefs)
    for seed in range(5):
        shuffled = briefs[:]
        random.Random(seed).shuffle(shuffled)
        assert front_page(shuffled) == expected


def test_latest_leaves_out_what_the_stories_show() -> None:
    front = front_page(_archive(), stories=1, others=1)
    assert front.stories[0].lead == "nato-3" and front.stories[0].others == ("nato-2",)
    assert front.latest == ("opec-2", "lone", "opec-1", "nato-1", "old")


def test_in_the_news_counts_briefs_of_the_week_not_mentions() -> None:
    assert in_the_news(_archive(), days=7, limit=3) == [
        ("org:nato", 3), ("place:ru", 3), ("org:opec", 2)]
    assert ("person:old", 1) not in in_the_news(_archive(), days=7, limit=100)


def test_weekly_series_has_every_week_of_the_archive() -> None:
    axis = week_axis(date(2024, 11, 11), date(2025, 1, 3))
    assert len(axis) == 8  # 11 November to the week of 30 December, across the new year
    assert all(b - a == timedelta(weeks=1) for a, b in itertools.pairwise(axis))
    dates = [date(2024, 11, 12), date(2024, 11, 13), date(2025, 1, 2), date(2025, 2, 1)]
    counts = weekly_counts(dates, axis)
    assert counts == (2, 0, 0, 0, 0, 0, 0, 1)  # a date past the archive is not counted
    assert busy_weeks(axis, counts) == [Week(date(2024, 12, 30), 1), Week(date(2024, 11, 11), 2)]


def test_the_chart_has_one_bar_a_busy_week_to_scale_and_escapes_its_text() -> None:
    series = (4, 0, 1)
    svg = mention_chart(series, title='<script>"x"</script>', description="a & b")
    assert svg.count("<rect") == 2
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg
    heights = [float(height) for height in re.findall(r'<rect [^>]*height="([0-9.]+)"', svg)]
    assert heights[0] == 4 * heights[1]
    assert mention_chart(series, title="t", description="d") == \
        mention_chart(list(series), title="t", description="d")


def test_quotes_newest_first_and_by_speaker() -> None:
    day = datetime(2024, 11, 20, tzinfo=UTC)
    quotes = [SiteQuote("b", day, 2, "b2", "person:rutte"), SiteQuote("a", day, 1, "a1"),
              SiteQuote("c", day + timedelta(days=1), 1, "c1", "person:xi"),
              SiteQuote("b", day, 1, "b1", "person:rutte")]
    ordered = newest_first(quotes)
    assert [quote.text for quote in ordered] == ["c1", "a1", "b1", "b2"]
    assert {speaker: [q.text for q in said] for speaker, said in by_speaker(ordered).items()} \
        == {"person:xi": ["c1"], "person:rutte": ["b1", "b2"]}
    assert most_quoted(ordered, 1) == [("person:rutte", 2)]
