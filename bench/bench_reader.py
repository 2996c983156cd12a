"""What the reader's side adds to a build of 10,000 briefs: front page, charts, quotes order.

Run: ``.venv/bin/python bench/bench_reader.py`` (``--size 20000`` for another size).

The corpus is bench_related.py's (seeded; 5,000 entities with a Zipf-like popularity, stories
of 2-20 briefs, three years of dates), with story threads from ``story_threads`` and four
key quotes a brief. Measured, each the best of three runs in this process:

- ``front_page`` over every brief (the top stories, the latest, who is in the news);
- the weekly counts of every entity on the archive's time axis (``weekly_counts``);
- drawing every entity's chart as inline SVG with drawsvg (``mention_chart``), which the
  build does while rendering the entity pages, spread over the render processes;
- ordering and grouping every key quote (``newest_first``, ``by_speaker``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_related import make_corpus

from briefs.markup.chart import mention_chart
from briefs.site.front import FrontBrief, front_page
from briefs.site.quotes import SiteQuote, by_speaker, newest_first
from briefs.site.related import story_threads
from briefs.site.timeline import week_axis, weekly_counts

QUOTES_A_BRIEF = 4


def best_of_three(work: Callable[[], object]) -> float:
    """Return the least wall time of three runs of ``work``, in seconds."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    size = parser.parse_args().size
    briefs = make_corpus(size)
    threads = story_threads(briefs)
    front = [FrontBrief(b.key, b.date, threads[b.key].members,
                        tuple(use.entity_id for use in b.entities)) for b in briefs]
    dates: dict[str, list] = defaultdict(list)
    for brief in briefs:
        for use in brief.entities:
            dates[use.entity_id].append(brief.date)
    axis = week_axis(min(b.date for b in briefs), max(b.date for b in briefs))
    series = {entity: weekly_counts(days, axis) for entity, days in dates.items()}
    quotes = [SiteQuote(b.key, b.date, n, f"quote {n}", b.entities[n % len(b.entities)].entity_id
                        if b.entities else None)
              for b in briefs for n in range(1, QUOTES_A_BRIEF + 1)]

    figures = {
        "front page": best_of_three(lambda: front_page(front)),
        "weekly counts": best_of_three(
            lambda: [weekly_counts(days, axis) for days in dates.values()]),
        "charts (drawsvg)": best_of_three(
            lambda: [mention_chart(weeks, title="t", description="d")
                     for weeks in series.values()]),
        "quotes order": best_of_three(lambda: by_speaker(newest_first(quotes))),
    }
    weeks = len(axis)
    print(f"{size:,} briefs, {len(dates):,} entities with a page, {weeks} weeks, "
          f"{len(quotes):,} key quotes")
    for name, seconds in figures.items():
        print(f"  {name:<18} {seconds:7.3f} s")
    print(f"  {'total':<18} {sum(figures.values()):7.3f} s")


if __name__ == "__main__":
    main()
