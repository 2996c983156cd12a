"""Benchmark ``briefs.site.related.related_briefs`` on generated corpora of 5k, 20k and 50k briefs.

Run: ``.venv/bin/python bench/bench_related.py`` (``--sizes 5000 20000`` to choose).

The corpus is seeded and meant to look like a news site: 5,000 distinct entities (persons,
organisations, places) with a Zipf-like popularity; stories of 2-20 briefs that share a core
of 2-4 entities (prominent, several mentions) within a few weeks; each brief adds background
entities drawn by popularity, for 3-15 entities in all, and 0-3 tags; dates span three years.

Every size runs twice, each time in a fresh subprocess: once for the wall time of
``related_briefs`` and the growth of the peak resident set size (``ru_maxrss`` after minus
before the call, so it counts only memory the call added beyond what corpus generation had
already touched), once under ``tracemalloc`` for the peak of Python allocations during the call
(tracemalloc slows the call down, so its time is not reported).
"""

from __future__ import annotations

import argparse
import bisect
import gc
import json
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from briefs.site.related import BriefFeatures, EntityUse, related_briefs

ENTITIES = 5000
TAGS = 200
KINDS = ("person", "organization", "place")
START = datetime(2022, 1, 1, tzinfo=UTC)
SPAN_DAYS = 3 * 365


def zipf_sampler(rng: random.Random, count: int, exponent: float):
    """Return a function drawing ranks 0..count-1 with probability proportional to 1/(r+1)^s."""
    cumulative = list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(count)))
    total = cumulative[-1]
    return lambda: min(bisect.bisect_left(cumulative, rng.random() * total), count - 1)


def make_corpus(size: int, seed: int = 20240601) -> list[BriefFeatures]:
    """Generate ``size`` briefs grouped in stories (deterministic for a seed)."""
    rng = random.Random(seed)
    entity_rank = zipf_sampler(rng, ENTITIES, 1.0)
    tag_rank = zipf_sampler(rng, TAGS, 1.1)
    kinds = [KINDS[rng.randrange(3)] for _ in range(ENTITIES)]
    ids = [f"{kinds[i]}:e{i}" for i in range(ENTITIES)]
    briefs: list[BriefFeatures] = []
    story = 0
    while len(briefs) < size:
        story += 1
        members = min(rng.randint(2, 20), size - len(briefs))
        # A story's core: mostly mid-to-rare entities, sometimes a popular one (a country).
        core = {rng.randrange(200, ENTITIES) for _ in range(rng.randint(1, 3))}
        core.add(entity_rank())
        start = rng.uniform(0, SPAN_DAYS)
        for member in range(members):
            uses = [EntityUse(ids[e], kinds[e], rng.randint(2, 6), rng.random() < 0.7)
                    for e in sorted(core)]
            chosen = set(core)
            for _ in range(rng.randint(3, 15) - len(uses)):
                e = entity_rank()
                if e not in chosen:
                    chosen.add(e)
                    uses.append(EntityUse(ids[e], kinds[e], rng.randint(1, 2), rng.random() < 0.1))
            tags = tuple(sorted({f"t{tag_rank()}" for _ in range(rng.randint(0, 3))}))
            date = START + timedelta(days=min(SPAN_DAYS, start + rng.expovariate(1 / 7)))
            briefs.append(BriefFeatures(f"s{story}-b{member}", date, tuple(uses), tags))
    return briefs


def measure(size: int, mode: str) -> dict[str, float]:
    """Generate a corpus and time or trace one ``related_briefs`` call (in this process)."""
    briefs = make_corpus(size)
    gc.collect()
    if mode == "time":
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        result = related_briefs(briefs)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        links = sum(len(v) for v in result.values())
        with_links = sum(1 for v in result.values() if v)
        return {"seconds": seconds, "rss_mb": (after - before) / 1024, "links": links,
                "with_links": with_links, "walked": postings_walked(briefs) / size}
    tracemalloc.start()
    related_briefs(briefs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"traced_mb": peak / 2**20}


def postings_walked(briefs: list[BriefFeatures]) -> int:
    """Count the postings the scoring walks (from the private index; after timing)."""
    from briefs.site.related import RelatedConfig, _build_index

    index = _build_index(briefs, RelatedConfig())
    walked = 0
    for a, seeds in enumerate(index.seeds):
        for key_id, _ in seeds:
            positions = index.postings[key_id][0]
            walked += len(positions) - bisect.bisect_right(positions, a)
    return walked


def run_child(size: int, mode: str) -> dict[str, float]:
    """Run :func:`measure` in a fresh interpreter and return its figures."""
    command = [sys.executable, __file__, "--child", str(size), "--mode", mode]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    """Print the table of sizes, times, memory and growth ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=("time", "trace"), default="time", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.mode)))
        return
    header = (f"{'briefs':>7} {'seconds':>8} {'s/1k':>6} {'time x':>7} {'RSS+ MB':>8} "
              f"{'traced MB':>9} {'mem x':>6} {'links':>7} {'linked':>7} {'walk/brief':>10}")
    print(header)
    first: tuple[int, float, float] | None = None
    for size in args.sizes:
        timed = run_child(size, "time")
        traced = run_child(size, "trace")
        if first is None:
            first = (size, timed["seconds"], traced["traced_mb"])
        scale = size / first[0]
        time_growth = timed["seconds"] / first[1] / scale
        mem_growth = traced["traced_mb"] / first[2] / scale
        print(f"{size:>7} {timed['seconds']:>8.2f} {1000 * timed['seconds'] / size:>6.3f} "
              f"{time_growth:>7.2f} {timed['rss_mb']:>8.1f} {traced['traced_mb']:>9.1f} "
              f"{mem_growth:>6.2f} {timed['links']:>7} {timed['with_links']:>7} "
              f"{timed['walked']:>10.1f}")
    print("time x, mem x: growth per brief relative to the first size (1.00 = linear).")
    print("RSS+ = ru_maxrss delta over the call; traced = tracemalloc peak during the call.")
    print("walk/brief = postings visited per brief; bounded by keys x seed_max_postings.")


if __name__ == "__main__":
    main()
