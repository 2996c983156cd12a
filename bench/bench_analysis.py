"""Time the full analysis (clean, quotes, attribution) on a ~700-word Arabic article.

Run: ``.venv/bin/python bench/bench_analysis.py [--runs 200]``. The article is the seed AFP
brief plus paragraphs of a demo brief, trimmed to about 700 words. Prints median and p90.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from briefs.analysis.pipeline import analyse  # noqa: E402

SEED = Path("/work/shared/seed/afp-nato-china-north-korea.ar.txt")
DEMO = ROOT / "content" / "2024-11-26-nato-ukraine-council.ar.md"
FALLBACK = (
    "وقال الأمين العام لحلف شمال الأطلسي مارك روتي إن “الحلف لن يتراجع عن دعم أوكرانيا مهما"
    " كانت الضغوط”. وأضاف: “علينا أن نكون مستعدين لكل الاحتمالات، وأن نعزز دفاعاتنا”."
)


def build_article(words: int = 700) -> str:
    """Return an Arabic article of about ``words`` words, paragraphs separated by blank lines."""
    paragraphs: list[str] = []
    if SEED.exists():
        paragraphs += [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if DEMO.exists():
        body = DEMO.read_text(encoding="utf-8").partition("\n\n")[2]
        paragraphs += [p for p in body.split("\n\n") if p.strip()]
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(FALLBACK)
    out: list[str] = []
    count = 0
    for p in paragraphs:
        if count >= words:
            break
        out.append(p)
        count += len(p.split())
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    text = build_article()
    for _ in range(10):  # warm up: lazy tables (Babel place names) load on first use
        analyse(text, lang="ar")
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        doc = analyse(text, lang="ar")
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p90 = times[int(0.9 * (len(times) - 1))]
    print(
        f"analyse(): {len(text.split())} words, {len(doc.quotes)} quotes, {args.runs} runs, "
        f"one core: median {statistics.median(times):.2f} ms, p90 {p90:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
