"""Time the analysis of a ~700-word Arabic article, pinned to one core.

Run: ``.venv/bin/python bench/bench_analysis.py [--runs 200] [--clock cpu]``. The article is
the AFP seed padded with paragraphs of the Arabic demo briefs, trimmed to about 700 words.
Prints the median and p90 of three measurements (targets in brackets):

- quotes and attribution: ``analyse`` with entity recognition off (≤ 5 ms);
- entities: ``recognise`` and ``link_document`` alone;
- the whole analysis: ``analyse`` as the build runs it (≤ 15 ms, issue #10).

``--clock cpu`` times the CPU the process itself used (``time.process_time``) instead of the
wall clock: on a shared machine the wall clock also counts the time other processes held
the core.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.analysis.entities import link_document, recognise  # noqa: E402
from briefs.analysis.pipeline import AnalysisConfig, analyse  # noqa: E402
from briefs.cli.sources import read_content_file  # noqa: E402

SEED = ROOT / "content" / "2024-11-14-nato-china-north-korea.ar.md"


def sample_article(words: int = 700) -> str:
    """Return the seed padded with Arabic demo-brief paragraphs, trimmed to ~``words`` words."""
    sources = [SEED, *sorted(set((ROOT / "content").glob("*.ar.md")) - {SEED})]
    paragraphs = [paragraph for path in sources
                  for paragraph in read_content_file(path).body.split("\n\n") if paragraph]
    out: list[str] = []
    count = 0
    for paragraph in paragraphs:
        if count >= words:
            break
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(out)


#: The clocks ``--clock`` names.
CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def timed(run: Callable[[], object], runs: int,
          clock: Callable[[], float] = time.perf_counter) -> tuple[float, float]:
    """Return the median and p90 in milliseconds of ``runs`` calls, after a warm-up."""
    for _ in range(10):  # lazy tables (gazetteers, the model) load on first use
        run()
    times = []
    for _ in range(runs):
        start = clock()
        run()
        times.append((clock() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="wall: elapsed time (default); cpu: the process's own CPU time")
    arguments = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    text = sample_article()
    quotes_only = AnalysisConfig(recognise_entities=False)
    stages = {
        "quotes and attribution (target 5 ms)": lambda: analyse(text, lang="ar",
                                                                config=quotes_only),
        "entities (recognise + link)": lambda: link_document(recognise(text, lang="ar")),
        "whole analysis (target 15 ms)": lambda: analyse(text, lang="ar"),
    }
    print(f"article: {len(text.split())} words; {arguments.runs} runs each, one core, "
          f"{arguments.clock} clock")
    for name, run in stages.items():
        median, p90 = timed(run, arguments.runs, CLOCKS[arguments.clock])
        print(f"{name:<40} median {median:6.2f} ms   p90 {p90:6.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
