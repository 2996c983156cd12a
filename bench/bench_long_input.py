"""Time the analysis of one huge paragraph against a small one: does it stay linear?

Run: ``.venv/bin/python bench/bench_long_input.py [--runs 3]``. Each body is one paragraph
made of a repeated unit (a quote left open, a run of quote marks, an abbreviation, a colon
cue, one long word). For each unit it prints the median time of a 10 KB body (the reference,
measured in the same process) and of a large one, and their ratio *per character*: 1.0 is
linear, above 1 grows faster than the text. Wall-clock limits belong here, not in the tests,
which only check that such bodies are analysed.

- as the build runs it: a 1 MB body with the default ``AnalysisConfig``, whose
  ``max_analysed_chars`` guard looks for quotes and names in the first 100,000 characters
  only (so the ratio is well below 1);
- the whole text analysed: a 100 KB body with the guard off, to catch a step that grows
  faster than the text before the guard hides it (target: ratio near 1).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from briefs.analysis.pipeline import AnalysisConfig, analyse

UNITS = ("وقال روتي إن “الحلف قوي ", "«“\"'", "”»’ ", "أ. ", "قال: " * 3, "ا" * 50 + " ")
REFERENCE_CHARS = 10_000


def body_of(unit: str, chars: int) -> str:
    """Return ``unit`` repeated to about ``chars`` characters: one paragraph."""
    return unit * (chars // len(unit))


def median_seconds(body: str, config: AnalysisConfig, runs: int) -> float:
    """Return the median wall-clock time of ``runs`` analyses of ``body``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analyse(body, lang="ar", config=config)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(title: str, config: AnalysisConfig, chars: int, runs: int) -> None:
    """Print, for each unit, the reference and large times and their per-character ratio."""
    print(f"{title}: {chars:,} characters against {REFERENCE_CHARS:,}, median of {runs}")
    for unit in UNITS:
        reference = body_of(unit, REFERENCE_CHARS)
        large = body_of(unit, chars)
        small_s = median_seconds(reference, config, max(runs, 5))
        large_s = median_seconds(large, config, runs)
        ratio = (large_s / len(large)) / (small_s / len(reference))
        print(f"  {unit[:12]!r:<18} 10 KB {small_s * 1000:7.1f} ms   large {large_s:6.2f} s"
              f"   per-character ratio {ratio:5.2f}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    analyse(body_of(UNITS[0], REFERENCE_CHARS), lang="ar")  # lazy tables load on first use
    report("as the build runs it", AnalysisConfig(), 1_000_000, arguments.runs)
    report("the whole text analysed (guard off)", AnalysisConfig(max_analysed_chars=sys.maxsize),
           100_000, arguments.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
