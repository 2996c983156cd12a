"""Measure ``mujaz import`` on saved real news pages: body token F1, title and date.

    .venv/bin/python eval/import.py PAGES_DIR [--details] [--floor 0.95]

``PAGES_DIR`` holds the saved pages and a ``manifest.json`` (real pages are not openly
licensed: they stay outside the repository)::

    [{"file": "page.html", "site": "example.org", "lang": "ar",
      "body": "the true article text (paragraphs on their own lines)",
      "title": "the true headline" | null, "date": "2024-11-14" | "2024-11-14T10:05+03:00" | null,
      "source": "where the page and its truth come from"}]

Each page is imported as an editor would (``mujaz import PAGE``, nothing given on the command
line, into a temporary content folder); the brief is then read and cleaned as the build
reads it (Markdown rendered, site chrome removed), and compared with the truth:

- body: token F1 (words, case-folded) of the brief's text against ``body``;
- title: equal after folding case and spaces (``null``: not scored);
- chrome: lines of the brief that are timestamps, or a read-also or list-heading cue with
  nothing or a separator after it (what the boilerplate step should have removed);
- date: the same day as the truth (for a date with an offset: that day in some time zone,
  since a day alone has none); when the truth has a time, the same instant.

Prints one line per page with ``--details``, then the summary: pages, sites, body F1 (mean,
minimum, median, pages under the floor, how many pages in each band), title and date
accuracy, and the time taken.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.analysis.boilerplate import default_cues, is_timestamp  # noqa: E402
from briefs.analysis.pipeline import AnalysisConfig, analyse  # noqa: E402
from briefs.cli.extract import parse_date, token_f1  # noqa: E402
from briefs.cli.importer import ContentIndex, Given, Options, import_one  # noqa: E402
from briefs.cli.sources import read_content_file  # noqa: E402

#: The bands the body F1 distribution is counted in.
F1_BANDS = (("≥ 0.99", 0.99, 2.0), ("0.95–0.99", 0.95, 0.99), ("0.90–0.95", 0.90, 0.95),
            ("0.80–0.90", 0.80, 0.90), ("< 0.80", -1.0, 0.80))


def fold(text: str) -> str:
    """Fold case, spaces and quote marks for comparing titles."""
    text = re.sub(r"[\"'“”‘’«»]", "", (text or "").replace("…", "..."))
    return " ".join(text.casefold().split())


def same_date(found: str, truth: str) -> bool:
    """Tell whether the brief's ``Date`` is the true date (same instant if a time is known)."""
    got = parse_date(found.replace(" ", "T", 1)) if found else None
    want = parse_date(truth)
    if got is None or want is None:
        return False
    if "T" not in truth:
        if got.tzinfo is None:
            return got.date() == want.date()
        # A day without its zone: the instant falls on that day somewhere (UTC-12 to UTC+14).
        start = datetime.combine(want.date(), datetime.min.time(), UTC)
        return start - timedelta(hours=14) <= got < start + timedelta(hours=36)
    if (got.tzinfo is None) != (want.tzinfo is None):
        return got.replace(tzinfo=None) == want.replace(tzinfo=None)
    return got == want


def chrome_left(text: str) -> list[str]:
    """Return the lines of a brief's text that are timestamps or start with a read-also or
    list-heading cue followed by a separator (what the boilerplate step should have removed)."""
    cues = default_cues()
    left = []
    for line in text.split("\n"):
        rest = cues.match("read_also", line)
        heading = cues.match("list_heading", line)
        if (is_timestamp(line) or (rest is not None and rest[:1] in {":", "|", "-", "–", "—"})
                or (heading is not None and not heading.strip(" :"))):
            left.append(line)
    return left


def evaluate(folder: Path, *, details: bool, floor: float) -> int:
    """Import every page of the manifest and print the figures; return 1 below the floor."""
    pages = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:
        for number, page in enumerate(pages):
            content = Path(scratch) / f"c{number}"
            outcome = import_one(str(folder / page["file"]), Options(content_dir=content),
                                 ContentIndex())
            if outcome.status == "failed" and "--date" in outcome.reason:
                # An editor gives the date the page lacks; the date then counts as wrong.
                given = Given(date=datetime(1970, 1, 1))
                outcome = import_one(str(folder / page["file"]),
                                     Options(content_dir=content, given=given), ContentIndex())
            text, title, date = "", "", ""
            if outcome.status == "imported" and outcome.path is not None:
                brief = read_content_file(outcome.path)
                document = analyse(brief.body, lang=brief.lang or "ar",
                                   config=AnalysisConfig(recognise_entities=False))
                text = document.text
                title, date = brief.metadata.get("title", ""), brief.metadata.get("date", "")
            f1 = token_f1(text, page["body"])[2]
            left = chrome_left(text)
            row = {"file": page["file"], "site": page.get("site", ""), "f1": f1,
                   "title": None if page.get("title") is None else fold(title) == fold(
                       page["title"]),
                   "date": None if page.get("date") is None else same_date(date, page["date"]),
                   "why": outcome.reason, "chrome": left}
            rows.append(row)
            if details:
                print(f"{f1:.3f}  title {row['title']!s:5}  date {row['date']!s:5}  "
                      f"{page['file']}  {outcome.reason}")
                if row["title"] is False:
                    print(f"        title: {title!r} ≠ {page['title']!r}")
                if row["date"] is False:
                    print(f"        date: {date!r} ≠ {page['date']!r}")
    elapsed = time.monotonic() - started
    scores = [row["f1"] for row in rows]
    titles = [row["title"] for row in rows if row["title"] is not None]
    dates = [row["date"] for row in rows if row["date"] is not None]
    below = [row for row in rows if row["f1"] < floor]
    print(f"pages {len(rows)}, sites {len({row['site'] for row in rows})}, "
          f"{elapsed:.1f} s ({elapsed / max(len(rows), 1) * 1000:.0f} ms a page)")
    print(f"body token F1: mean {statistics.mean(scores):.3f}, min {min(scores):.3f}, "
          f"median {statistics.median(scores):.3f}; {len(below)} pages below {floor}")
    print("body token F1 distribution: " + ", ".join(
        f"{label} {sum(low <= score < high for score in scores)}"
        for label, low, high in F1_BANDS))
    print(f"title right: {sum(titles)}/{len(titles)} ({sum(titles) / max(len(titles), 1):.1%}); "
          f"date right: {sum(dates)}/{len(dates)} ({sum(dates) / max(len(dates), 1):.1%})")
    left = [line for row in rows for line in row["chrome"]]
    print(f"timestamp, read-also and list-heading lines left in the briefs: {len(left)}")
    for line in left:
        print(f"  left: {line[:80]}")
    for row in sorted(below, key=lambda r: r["f1"]):
        print(f"  below the floor: {row['f1']:.3f} {row['file']} {row['why']}")
    return 1 if below else 0


def main() -> int:
    """Parse the arguments and run the evaluation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="saved pages and their manifest.json")
    parser.add_argument("--details", action="store_true", help="one line per page")
    parser.add_argument("--floor", type=float, default=0.95, help="the body F1 every page needs")
    arguments = parser.parse_args()
    return evaluate(arguments.folder, details=arguments.details, floor=arguments.floor)


if __name__ == "__main__":
    sys.exit(main())
