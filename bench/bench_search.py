"""Time and memory of the search index at archive scale: one Pagefind index vs cached shards.

Run: ``.venv/bin/python bench/bench_search.py`` (``--size 10000``, ``--shard-size 1000``,
``--processes N`` Pagefind processes at once, by default what a build uses; ``--repeat 3``
runs the reference and the cold shards alternately three times and prints the medians;
``--work DIR`` keeps the records and outputs).

The records of ``--size`` generated briefs (``bench/corpus.py``, the same text the build
would index) are made once, without Pelican. Then, each in a fresh subprocess, its wall
time, its CPU time (user and system, its children's included) and the peak memory of its
process tree sampled every 250 ms (``bench_build.run``):

1. the Pagefind binary alone on the records' pages (the reference);
2. :func:`briefs.publish.search.index_shards` in shards of ``--shard-size``, with an empty
   shard cache (cold): the search step of a first build;
3. again, every shard in the cache (warm);
4. with one brief added, the newest (only the last shard is indexed again);
5. with one shard of every record (no cache): the memory shards save.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "plugins"))

from bench_build import Run, run  # noqa: E402
from corpus import SEED, Generator  # noqa: E402

from briefs.publish.search import (  # noqa: E402
    cut_shards,
    index_shards,
    make_pages_folder,
    pagefind_processes,
    record_page,
    search_record,
    sort_records,
)


def make_records(size: int, path: Path) -> None:
    """Pickle the records of ``size`` generated briefs (and one more, newer) to ``path``."""
    briefs = Generator(SEED).briefs(size)
    records = [search_record(url=f"briefs/brief-{number:05d}.html", title=title, lang="ar",
                             date=f"{date:%Y-%m-%d}", body=body, when=date)
               for number, (date, title, body) in enumerate(briefs, start=1)]
    newest = max(date for date, _title, _body in briefs)
    _date, title, body = Generator(SEED + size + 1).briefs(1)[0]
    extra = search_record(url=f"briefs/brief-{size + 1:05d}.html", title=title, lang="ar",
                          date=f"{newest:%Y-%m-%d}", body=body,
                          when=newest.replace(year=newest.year + 1))
    path.write_bytes(pickle.dumps((records, extra)))


def scenario(name: str, work: Path, shard_size: int, processes: int) -> None:
    """Run one scenario in this process (called by the parent in a subprocess)."""
    records, extra = pickle.loads((work / "records.pkl").read_bytes())
    if name == "pages":
        site = work / "pages"
        shutil.rmtree(site, ignore_errors=True)
        for record in records:
            page = site / record.url
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(record_page(record, "ar"), encoding="utf-8")
        return
    if name == "add":
        records = [*records, extra]
    records = sort_records(records)
    size = len(records) if name == "one" else shard_size
    cache = None if name == "one" else work / "cache"
    pages = make_pages_folder()  # where the build writes them
    with tempfile.TemporaryDirectory(dir=work) as folder:
        started = time.perf_counter()
        outcomes = index_shards(cut_shards(records, size), "ar", Path(folder), cache_dir=cache,
                                processes=processes, pages_dir=pages)
        seconds = time.perf_counter() - started
    shutil.rmtree(pages)
    indexed = [o.number + 1 for o in outcomes if not o.cached]
    print(f"{len(outcomes)} shards, indexed {len(indexed)} ({indexed[:3]}…), "
          f"{seconds:.1f} s inside")


def main(argv: list[str] | None = None) -> int:
    """Run every scenario and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--shard-size", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=pagefind_processes({}))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scenario:
        scenario(args.scenario, args.work, args.shard_size, args.processes)
        return 0
    from pagefind_bin import get_executable

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{datetime.now():%Y-%m-%d %H:%M}: {args.size} briefs, shards of "
          f"{args.shard_size}, {args.processes} Pagefind processes at once, work in {work}")
    make_records(args.size, work / "records.pkl")
    shutil.rmtree(work / "cache", ignore_errors=True)

    def step(name: str) -> object:
        return run([sys.executable, __file__, "--scenario", name, "--work", str(work),
                    "--shard-size", str(args.shard_size), "--processes", str(args.processes)],
                   cwd=ROOT)

    def binary_alone() -> Run:
        shutil.rmtree(work / "alone", ignore_errors=True)
        return run([str(get_executable()), "--site", str(work / "pages"), "--output-path",
                    str(work / "alone"), "--force-language", "ar", "--quiet"], cwd=ROOT)

    step("pages")
    cold_label = f"shards of {args.shard_size}, empty cache"
    rows = []
    # The reference and the cold shards side by side, so that each ratio compares runs
    # made on the same (shared, noisy) cores at about the same time.
    pairs = []
    for _ in range(args.repeat):
        alone = binary_alone()
        shutil.rmtree(work / "cache", ignore_errors=True)
        cold = step("cold")
        rows += [("Pagefind binary alone, one index", alone), (cold_label, cold)]
        pairs.append((alone, cold))
    for name, label in (("warm", f"shards of {args.shard_size}, every shard cached"),
                        ("add", "one brief added (newest)"),
                        ("one", "index_shards, one shard")):
        rows.append((label, step(name)))
    for label, figures in rows:
        note = figures.log.strip().splitlines()[-1] if figures.log.strip() else ""
        print(f"{label:<40} {figures.seconds:6.1f} s  CPU {figures.cpu:6.1f} s  "
              f"{figures.peak_mb:7.0f} MB  {note}")
    walls = [cold.seconds / alone.seconds for alone, cold in pairs]
    cpus = [cold.cpu / alone.cpu for alone, cold in pairs]
    print(f"cold shards vs the binary alone, {args.repeat} pairs: wall "
          f"{' '.join(f'{ratio:.2f}×' for ratio in walls)} (median "
          f"{statistics.median(walls):.2f}×); CPU {' '.join(f'{ratio:.2f}×' for ratio in cpus)} "
          f"(median {statistics.median(cpus):.2f}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
