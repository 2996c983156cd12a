"""Build a generated archive with plain Pelican and with Mujaz, in one run, and compare.

Run: ``.venv/bin/python bench/bench_build.py`` (``--sizes 1000`` for a quick run;
``--workers N``; ``--work DIR`` keeps the corpus and outputs between runs).

For each size, the corpus of ``bench/corpus.py`` (realistic Arabic briefs) is built:

1. by plain Pelican 4.12 with its default configuration (no settings file: the default
   theme, its default feeds), the reference;
2. by Mujaz with ``publishconf.py`` (feeds, sitemap, JSON-LD, search on), with empty
   caches (cold: analysis, search shards and rendered pages), then again (warm: every
   page and shard copied from the cache), then warm without the page cache (every page
   rendered);
3. by Mujaz after adding one brief to the warm site (the incremental rebuild), into an
   empty output folder, and again at the end keeping the last build's output folder (as
   an editor's next build runs: the pages that did not change are not written again);
4. by the Pagefind binary alone, on the brief pages Mujaz wrote (the search reference).

Each build runs in a fresh subprocess; its wall time and the peak memory of its whole
process tree (the build, its analysis workers, the search helper, Pagefind), sampled every
250 ms, are printed with their ratio to plain Pelican's, beside the issue's targets. Memory
is the proportional set size (PSS, /proc/PID/smaps_rollup): forked workers share the
build's pages, and PSS counts a shared page once across the processes that share it (RSS
would count it in each). Then the output: its size, the largest page and the most entries
in a feed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import extra_brief, write_corpus  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SITEURL = "https://example.org/archive"


@dataclass
class Run:
    """One build: wall seconds, CPU seconds, peak memory of its process tree, and its log."""

    seconds: float
    peak_mb: float
    log: str
    cpu: float = 0.0  # user + system seconds of the build and every process it waited for


def _pss(pid: int) -> int | None:
    """Return the proportional set size of a process in bytes; None if it cannot be read."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _tree_memory(root: int) -> int:
    """Return the memory of ``root`` and every process below it (PSS, else RSS)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * PAGE_SIZE
    total, stack = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    while stack:
        pid = stack.pop()
        pss = _pss(pid)
        total += pss if pss is not None else rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command, sampling its process tree's memory; fail loudly if it fails."""
    start = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_memory(process.pid))
                done.wait(0.25)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _pid, wait_status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        status = process.returncode = os.waitstatus_to_exitcode(wait_status)
        done.set()
        sampler.join()
        log.seek(0)
        text = log.read()
    if status != 0:
        sys.exit(f"bench_build: {' '.join(command)} failed ({status}):\n{text[-4000:]}")
    return Run(seconds, peak / 2**20, text, usage.ru_utime + usage.ru_stime)


def plain_pelican(content: Path, output: Path, work: Path) -> Run:
    """Build with plain Pelican's default configuration (no settings file in ``work``)."""
    shutil.rmtree(output, ignore_errors=True)
    return run([sys.executable, "-m", "pelican", str(content), "-o", str(output)], cwd=work)


BENCH_SETTINGS = """\
# publishconf.py for the benchmark: its own cache, and the plugin's INFO lines without
# Pelican's one line per written file.
import sys
sys.path.insert(0, {root!r})
from publishconf import *  # noqa: F403
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
CACHE_PATH = {cache!r}
LOG_FILTER = [(20, 'Writing "%s"')]
"""


def mujaz(content: Path, output: Path, cache: Path, workers: int | None, *,
          keep_output: bool = False, **settings: object) -> Run:
    """Build with Mujaz's publishing settings (and ``settings``), the caches in ``cache``.

    The output folder is emptied first, as for plain Pelican, unless ``keep_output``: then
    the build starts from the last build's output, as an editor's next build does.
    """
    if not keep_output:
        shutil.rmtree(output, ignore_errors=True)
    settings_file = cache.parent / "benchconf.py"
    settings_file.write_text(BENCH_SETTINGS.format(
        root=str(ROOT), theme=str(ROOT / "theme"), plugins=str(ROOT / "plugins"),
        cache=str(cache)), encoding="utf-8")
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(settings_file),
               "-o", str(output), "-v"]
    if workers is not None:
        settings["BRIEFS_WORKERS"] = workers
    if settings:  # one -e for all: Pelican keeps only the last one it is given
        command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]
    return run(command, cwd=ROOT, env={"SITEURL": SITEURL, "PYTHONPATH": str(ROOT / "plugins")})


def pagefind_alone(output: Path, bundle: Path) -> Run:
    """Index the brief pages of ``output`` with the Pagefind binary of the wheel."""
    from pagefind_bin import get_executable

    shutil.rmtree(bundle, ignore_errors=True)
    return run([str(get_executable()), "--site", str(output), "--glob", "briefs/*.html",
                "--output-path", str(bundle), "--force-language", "ar", "--quiet"], cwd=ROOT)


def search_times(log: str) -> tuple[float, float] | None:
    """Return the search step's wall and CPU seconds from a Mujaz build log, if it says."""
    pattern = (r"search: indexed\s+\d+\s+briefs\s+into\s.*?:\s+([\d.]+)\s+s\s+of\s+indexing"
               r".*?CPU\s+([\d.]+)\s+s")
    match = re.search(pattern, log, re.DOTALL)
    return (float(match.group(1)), float(match.group(2))) if match else None


def output_figures(output: Path) -> dict[str, object]:
    """Return the output's size (and by top-level folder: where it goes), its largest page
    and the most entries in one feed."""
    total, largest, largest_page, feed_max, feed_name = 0, 0, "", 0, ""
    folders: dict[str, int] = {}
    for path in output.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        relative = path.relative_to(output).as_posix()
        folder = relative.split("/")[0] if "/" in relative else "(top)"
        folders[folder] = folders.get(folder, 0) + size
        if path.suffix == ".html" and size > largest:
            largest, largest_page = size, relative
        if path.suffix == ".xml" and "feeds" in relative:
            entries = path.read_text(encoding="utf-8").count("<entry>")
            entries += path.read_text(encoding="utf-8").count("<item>")
            if entries > feed_max:
                feed_max, feed_name = entries, relative
    return {"total_mb": total / 2**20, "largest_kb": largest / 1024, "largest": largest_page,
            "feed_max": feed_max, "feed": feed_name,
            "folders_mb": {name: size / 2**20 for name, size in
                           sorted(folders.items(), key=lambda item: -item[1])}}


def ratio(value: float, reference: float) -> str:
    return f"{value / reference:5.2f}×" if reference else "  n/a"


def bench(size: int, work: Path, workers: int | None) -> None:
    """Build one size every way and print the figures."""
    work.mkdir(parents=True, exist_ok=True)
    content = work / "content"
    stamp = content / f".corpus-{size}"
    if not stamp.exists():
        shutil.rmtree(content, ignore_errors=True)
        write_corpus(content, size)
        stamp.touch()
    for leftover in content.glob("*-brief-extra*.md"):
        leftover.unlink()
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    print(f"\n== {size} briefs ({len(list(content.glob('*.md')))} files), "
          f"workers {workers or 'default (all cores)'}", flush=True)
    plain = plain_pelican(content, work / "plain", work)
    print(f"plain Pelican             {plain.seconds:8.1f} s  {plain.peak_mb:7.0f} MB   "
          f"(CPU {plain.cpu:.1f} s)", flush=True)
    rows = [("Mujaz, empty cache (cold)", mujaz(content, work / "out", cache, workers), 5.0),
            ("Mujaz, warm cache", mujaz(content, work / "out", cache, workers), 1.5)]
    # One brief added right after the warm build, whose page cache it starts from (a build
    # without the page cache, below, leaves that cache holding nothing).
    one = with_one_brief_added(content, size,
                               lambda: mujaz(content, work / "out", cache, workers))
    rows.append(("  the same, no page cache", mujaz(content, work / "out", cache, workers,
                                                    BRIEFS_PAGE_CACHE=False), 1.5))
    for name, result, target in rows:
        print(f"{name:<25} {result.seconds:8.1f} s  {result.peak_mb:7.0f} MB   time "
              f"{ratio(result.seconds, plain.seconds)} (target ≤ {target}×)   memory "
              f"{ratio(result.peak_mb, plain.peak_mb)} (target ≤ 4×)   (CPU {result.cpu:.1f} s)",
              flush=True)
    warm, rendered = rows[1][1], rows[2][1]
    print_one_brief("one brief added, warm", one, warm, rendered)
    mujaz(content, work / "out", cache, workers)  # the output of the corpus again
    binary = pagefind_alone(work / "out", work / "pagefind-alone")
    searched = search_times(rows[0][1].log)  # the cold build indexes every shard
    if searched is not None:
        # The step runs beside the page renderers on the same cores, the binary alone: the
        # CPU seconds compare the work, the wall seconds also count the renderers' turns.
        print(f"search step {searched[0]:.1f} s (CPU {searched[1]:.1f} s), Pagefind binary "
              f"alone on the same briefs {binary.seconds:.1f} s (CPU {binary.cpu:.1f} s): "
              f"{ratio(searched[0], binary.seconds)} wall, {ratio(searched[1], binary.cpu)} "
              "CPU (target ≤ 1.5×)")
    ours, theirs = output_figures(work / "out"), output_figures(work / "plain")
    print(f"output {ours['total_mb']:.0f} MB against plain Pelican's {theirs['total_mb']:.0f} MB: "
          f"{ratio(ours['total_mb'], theirs['total_mb'])} (target ≤ 2×); largest page "
          f"{ours['largest_kb']:.0f} KB ({ours['largest']}; target ≤ 300 KB); most feed "
          f"entries {ours['feed_max']} ({ours['feed']}; FEED_MAX_ITEMS 50)", flush=True)
    print("output by folder: " + ", ".join(
        f"{name} {mb:.1f} MB" for name, mb in ours["folders_mb"].items() if mb >= 0.1),
        flush=True)
    # The same brief added as an editor adds it: the output folder of the last build (the
    # corpus, just written above) is kept, so the pages that did not change stay as they are.
    kept = with_one_brief_added(
        content, size, lambda: mujaz(content, work / "out", cache, workers, keep_output=True))
    print_one_brief("one brief added, output", kept, warm, rendered,
                    "; the last build's output folder kept")


def with_one_brief_added(content: Path, size: int, build: Callable[[], Run]) -> Run:
    """Run ``build`` with one more brief in ``content`` (dated after the others, as a
    newsroom adds one), then take the brief away again."""
    added = extra_brief(content, size + 1)
    added = added.rename(added.with_name(added.name.replace("-brief-", "-brief-extra-")))
    try:
        return build()
    finally:
        added.unlink()


def print_one_brief(name: str, run: Run, warm: Run, rendered: Run, note: str = "") -> None:
    """Print a one-brief rebuild against the warm build and a build rendering every page."""
    print(f"{name:<25} {run.seconds:8.1f} s  {run.peak_mb:7.0f} MB   "
          f"{ratio(run.seconds, warm.seconds)} of the warm build, "
          f"{ratio(run.seconds, rendered.seconds)} of one rendering every page "
          f"(target ≤ 0.5×{note})", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=None,
                        help="BRIEFS_WORKERS for the Mujaz builds (default: the setting's)")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep corpora and outputs here (default: a temporary folder)")
    arguments = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores; each build in a fresh process")
    if arguments.work is not None:
        for size in arguments.sizes:
            bench(size, arguments.work / str(size), arguments.workers)
        return 0
    with tempfile.TemporaryDirectory(prefix="mujaz-bench-") as folder:
        for size in arguments.sizes:
            bench(size, Path(folder) / str(size), arguments.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
