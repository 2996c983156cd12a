"""Benchmark the review desk (``mujaz review``) over HTTP, as the page uses it.

Run: ``.venv/bin/python bench/bench_review.py`` (``--queue-size 1000`` to choose).

On a temporary copy of the demo site (``content/``, with ``pelicanconf.py``'s settings):

* opening a brief's page: the page, its script and style sheet and the brief's analysis
  (``/api/brief``), each brief the first time the desk sees it (the process is warm: the
  first brief pays for loading the tagger and the gazetteers, reported apart);
* a correction with its re-analysis: hiding a quote (the brief's ``Quote_hide`` line) and
  excluding an entity (``entities.yml``: the gazetteer is rebuilt), each undone after;

and on 1,000 generated briefs (``bench/corpus.py``): opening the queue, before any brief is
analysed and while the background count runs. Targets: 300 ms, 500 ms and 1 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402

from briefs.cli.review import desk_settings  # noqa: E402
from briefs.review.desk import Desk  # noqa: E402
from briefs.review.server import TOKEN_HEADER, ReviewServer, serve_in_thread  # noqa: E402

TARGETS = {"open": 0.300, "correct": 0.500, "queue": 1.0}


class Client:
    """The page's requests, on one kept-alive connection."""

    def __init__(self, server: ReviewServer) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        self.headers = {"Host": f"127.0.0.1:{server.port}", TOKEN_HEADER: server.token,
                        "Content-Type": "application/json"}

    def get(self, path: str) -> bytes:
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status} {body[:200]!r}")
        return body

    def post(self, path: str, data: dict) -> dict:
        self.connection.request("POST", path, body=json.dumps(data).encode(),
                                headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"POST {path}: {response.status} {body[:200]!r}")
        return json.loads(body)


def open_page(client: Client, brief: str) -> tuple[float, dict]:
    """Return the time to load a brief's page (page, assets, analysis) and its data."""
    started = time.perf_counter()
    client.get(f"/?lang=en#brief={brief}")
    client.get("/static/review.js")
    client.get("/static/review.css")
    data = json.loads(client.get(f"/api/brief?path={brief}"))
    return time.perf_counter() - started, data


def corrected(client: Client, brief: dict, action: str, params: dict) -> float:
    """Return the time of one correction with its re-analysis; undo it (not timed)."""
    started = time.perf_counter()
    client.post("/api/correct", {"path": brief["path"], "action": action, "params": params,
                                 "versions": brief["versions"]})
    elapsed = time.perf_counter() - started
    client.post("/api/undo", {"path": brief["path"]})
    return elapsed


def line(what: str, times: list[float], target: float) -> str:
    """Return one result line: median and worst against the target."""
    worst = max(times)
    verdict = "ok" if worst <= target else "OVER"
    return (f"{what:<46} median {statistics.median(times) * 1000:6.0f} ms, "
            f"worst {worst * 1000:6.0f} ms  (target {target * 1000:.0f} ms: {verdict}, "
            f"n={len(times)})")


def bench_demo(tmp: Path) -> None:
    content = tmp / "demo"
    shutil.copytree(ROOT / "content", content)
    desk = Desk(desk_settings(content, ROOT / "pelicanconf.py"))
    server = serve_in_thread(desk)
    client = Client(server)
    try:
        briefs = [row["path"] for row in json.loads(client.get("/api/queue"))["briefs"]]
        first, _ = open_page(client, briefs[0])
        opened = {}
        times = []
        for brief in briefs[1:]:
            elapsed, opened[brief] = open_page(client, brief)
            times.append(elapsed)
        print(f"{'first brief (loads the tagger, gazetteers)':<46} {first * 1000:6.0f} ms")
        print(line(f"open a brief's page ({len(times)} demo briefs)", times, TARGETS["open"]))
        again = [open_page(client, brief)[0] for brief in briefs[1:]]
        print(line("open it again (analysis kept)", again, TARGETS["open"]))
        hide, exclude = [], []
        for brief, data in opened.items():
            quotes = [quote for quote in data["quotes"] if not quote["hidden"]]
            if quotes:
                hide.append(corrected(client, data, "hide", {"start": quotes[0]["start"]}))
            now = json.loads(client.get(f"/api/brief?path={brief}"))
            speakers = {quote["speaker_id"] for quote in now["quotes"]}
            others = [entity for entity in now["entities"] if entity["id"] not in speakers]
            if others:
                exclude.append(corrected(client, now, "exclude", {"id": others[0]["id"]}))
        print(line("hide a quote + re-analysis (Quote_hide)", hide, TARGETS["correct"]))
        print(line("exclude an entity + re-analysis (entities.yml)", exclude,
                   TARGETS["correct"]))
    finally:
        server.shutdown()
        server.server_close()


def bench_queue(tmp: Path, size: int) -> None:
    content = tmp / "queue"
    write_corpus(content, size)
    desk = Desk(desk_settings(content, ROOT / "pelicanconf.py"))
    server = serve_in_thread(desk)
    client = Client(server)
    try:
        started = time.perf_counter()
        client.get("/")
        rows = json.loads(client.get("/api/queue"))["briefs"]
        cold = time.perf_counter() - started
        assert len(rows) == size, len(rows)
        desk.start_counting()
        time.sleep(1.0)  # the count is under way: the queue must not wait for it
        busy = []
        for _ in range(5):
            started = time.perf_counter()
            client.get("/")
            rows = json.loads(client.get("/api/queue"))["briefs"]
            busy.append(time.perf_counter() - started)
        counted = sum(row["doubtful"] is not None for row in rows)
        print(line(f"open the queue of {size:,} briefs (none analysed)", [cold],
                   TARGETS["queue"]))
        print(line("the same while the background count runs", busy, TARGETS["queue"]))
        print(f"{'':<46} ({counted} of {size} counted by then)")
    finally:
        desk.stop()
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the figures next to their targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queue-size", type=int, default=1000)
    arguments = parser.parse_args(argv)
    print("mujaz review (HTTP, one client, the demo site's settings)")
    with tempfile.TemporaryDirectory(prefix="mujaz-review-bench-") as folder:
        bench_demo(Path(folder))
        bench_queue(Path(folder), arguments.queue_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
