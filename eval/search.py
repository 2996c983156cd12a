"""Search hit rate over the demo corpus, through the real Pagefind index in Chromium.

Builds content/ with pelicanconf.py, serves it, and for each pair of
eval/search_queries.json opens ``search.html?q=…`` in headless Chromium (Debian's
/usr/bin/chromium), the way a reader does: search.js normalises the query and asks
Pagefind's index. A query hits when its expected brief is among the first ``--top``
results. Prints every miss and the hit rate; exits 1 below ``--floor``.
``--shard-size N`` builds the index in shards of N briefs (``BRIEFS_SEARCH_SHARD_SIZE``),
which the search page merges: each shard is ranked on its own statistics, so this checks
that a sharded index keeps the hit rate (the demo corpus is one shard by default).

    .venv/bin/python eval/search.py [--top 3] [--floor 0.95] [--shard-size 4]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "search_queries.json"
CHROMIUM = Path(os.environ.get("MUJAZ_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One query: what was expected, what came back, and whether it hit."""

    query: str
    expect: str
    found: tuple[str, ...]  # slugs of the results, best first
    hit: bool


def load_queries(path: Path = QUERIES) -> list[dict[str, str]]:
    """Return the query/expected-brief pairs."""
    return json.loads(path.read_text(encoding="utf-8"))


def slug_of(href: str) -> str:
    """Return the brief slug of a result URL (``/briefs/x.en.html`` → ``x``)."""
    name = href.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
    return name.split(".", 1)[0]


def search(page: Any, base_url: str, query: str) -> tuple[str, ...]:  # noqa: ANN401
    """Run one query on the search page; return the result slugs, best first."""
    page.goto(f"{base_url}/search.html?q={quote(query)}")
    page.wait_for_function("() => document.documentElement.dataset.search === 'done'",
                           timeout=15000)
    hrefs = page.eval_on_selector_all(".search-results a",
                                      "links => links.map(a => a.getAttribute('href'))")
    return tuple(slug_of(href) for href in hrefs)


def evaluate(page: Any, base_url: str, queries: list[dict[str, str]],  # noqa: ANN401
             top: int = 3) -> list[Outcome]:
    """Run every query; a hit is the expected slug among the first ``top`` results."""
    outcomes = []
    for pair in queries:
        found = search(page, base_url, pair["query"])
        outcomes.append(Outcome(pair["query"], pair["expect"], found,
                                pair["expect"] in found[:top]))
    return outcomes


def hit_rate(outcomes: list[Outcome]) -> float:
    """Return the share of queries that hit."""
    return sum(o.hit for o in outcomes) / len(outcomes) if outcomes else 0.0


def build_demo(output: Path, shard_size: int | None = None) -> None:
    """Build content/ into ``output`` with the development settings (search included)."""
    extra = ["-e", f"BRIEFS_SEARCH_SHARD_SIZE={shard_size}"] if shard_size else []
    subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py",
                    "-o", str(output), "--delete-output-directory", "-q", *extra],
                   cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free local port; yield its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Keep the report readable."""

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    """Build, serve, query, report; return 1 when the hit rate is below the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=3)
    parser.add_argument("--floor", type=float, default=0.95)
    parser.add_argument("--shard-size", type=int, default=None,
                        help="index in shards of this many briefs (default: the setting's)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    with tempfile.TemporaryDirectory(prefix="mujaz-search-") as tmp:
        build_demo(Path(tmp), args.shard_size)
        with serve(Path(tmp)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=CHROMIUM_ARGS)
            outcomes = evaluate(browser.new_page(), base, queries, args.top)
            browser.close()
    for outcome in outcomes:
        if not outcome.hit:
            print(f"MISS {outcome.query!r}: expected {outcome.expect}, got "
                  f"{', '.join(outcome.found[:5]) or 'nothing'}")
    rate = hit_rate(outcomes)
    print(f"search hit rate (expected brief in the top {args.top}): "
          f"{sum(o.hit for o in outcomes)}/{len(outcomes)} = {rate:.3f} (floor {args.floor})")
    return 0 if rate >= args.floor else 1


if __name__ == "__main__":
    sys.exit(main())
