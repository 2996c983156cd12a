"""Builds at scale: the same bytes with one worker or many, paginated entity pages, summary
feeds (entities, tags) capped at FEED_MAX_ITEMS and BRIEFS_ENTITY_FEED_ITEMS, ``mujaz
analyse`` filling the cache a build then uses, and Ctrl-C during ``mujaz analyse`` leaving
a valid cache. (Speed is measured in bench/.)"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefs.cache import CachedAnalysis
from briefs.site.entities import sort_key
from htmlquery import select
from support import FIXTURE_SITE, ROOT, build_site, file_hashes

pytestmark = pytest.mark.slow

NATO_BRIEF = """Title: {title}
Date: 2024-11-{day:02d} 10:00
Lang: ar
Slug: nato-{day}
Tags: الناتو

بروكسل (أ ف ب) – قال الأمين العام لحلف شمال الأطلسي مارك روتي إن «الحلف سيواصل دعم \
أوكرانيا» في اليوم {day}.

وأضاف روتي أن الاجتماع المقبل سيعقد في لاهاي.

{tail}
"""


def nato_site(tmp_path: Path, extra: int = 3) -> Path:
    """The fixture site and ``extra`` briefs that all name NATO and Mark Rutte."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE / "content", content)
    for day in range(1, extra + 1):
        tail = " ".join(["فقرة أخيرة طويلة لا تظهر كلها في الملخص."] * 40) + " خاتمة."
        (content / f"2024-11-{day:02d}-nato.ar.md").write_text(
            NATO_BRIEF.format(title=f"الناتو في اليوم {day}", day=day, tail=tail),
            encoding="utf-8")
    return content


def settings_file(tmp_path: Path, cache: Path) -> Path:
    """pelicanconf.py with its cache in ``cache`` (``mujaz analyse`` takes a settings file)."""
    settings = tmp_path / "conf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                        "from pelicanconf import *  # noqa: F403\n"
                        f"THEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        f"CACHE_PATH = {str(cache)!r}\n", encoding="utf-8")
    return settings


def test_output_is_byte_identical_with_one_worker_or_two(tmp_path: Path) -> None:
    content = nato_site(tmp_path)
    hashes = []
    for workers in (1, 2, 2):
        output = tmp_path / f"out-{len(hashes)}"
        build_site(content, output, BRIEFS_WORKERS=workers,
                   CACHE_PATH=str(tmp_path / f"cache-{len(hashes)}"))
        hashes.append(file_hashes(output))
    assert hashes[0] == hashes[1] == hashes[2]
    assert any(name.startswith("pagefind/") for name in hashes[0])


def test_entity_pages_are_paginated_newest_first_and_feeds_carry_summaries(
        tmp_path: Path) -> None:
    output = tmp_path / "out"
    build_site(nato_site(tmp_path), output, BRIEFS_ENTITY_PAGE_SIZE=2, FEED_MAX_ITEMS=2,
               CACHE_PATH=str(tmp_path / "cache"),
               PAGINATED_TEMPLATES={"index": None, "archives": 300, "entity_type": 2},
               TAG_FEED_ATOM="feeds/tags/{slug}.atom.xml", BRIEFS_ENTITY_FEED_ITEMS=1)
    first = output / "entities" / "organization-nato.html"
    second = output / "entities" / "organization-nato" / "page" / "2" / "index.html"
    pages = [first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")]
    # The dates of each page's list of briefs (the chart's table and quotes have their own).
    times = [[child.attrs["datetime"] for item in select(page, "li", class_="date-list__item")
              for child in item.children if child.tag == "time"] for page in pages]
    assert [len(listed) for listed in times] == [2, 2]  # four briefs name NATO
    assert times[0] + times[1] == sorted(times[0] + times[1], reverse=True)
    steps = [[a.attrs["rel"] for a in select(page, "a") if a.attrs.get("rel") in {"next", "prev"}]
             for page in pages]
    assert steps == [["next"], ["prev"]]
    assert not (output / "entities" / "organization-nato" / "page" / "3").exists()
    # Each page shows the quotes of its own briefs; companions on the first page only.
    assert "حلف شمال الأطلسي" in pages[0] and "Often" not in pages[1]
    feed = (output / "feeds" / "entities" / "organization-nato.atom.xml").read_text("utf-8")
    assert feed.count("<entry>") == 1  # BRIEFS_ENTITY_FEED_ITEMS
    assert "خاتمة" not in feed  # the summary, never the whole body
    tag_feed = (output / "feeds" / "tags" / "الناتو.atom.xml").read_text("utf-8")
    assert tag_feed.count("<entry>") == 2 and "خاتمة" not in tag_feed  # tag feeds too
    for path in (output / "feeds").rglob("*.xml"):
        assert path.read_text(encoding="utf-8").count("<entry>") <= 2
    # A type's list of entities is paginated too, alphabetically across its pages.
    places = [output / "entities" / "place.html",
              *sorted((output / "entities" / "place" / "page").glob("*/index.html"),
                      key=lambda path: int(path.parent.name))]
    names = [[link.text for link in select(path.read_text(encoding="utf-8"), "a")
              if "entities/place-" in link.attrs["href"]] for path in places]
    assert len(places) > 1 and all(len(listed) <= 2 for listed in names)
    listed = [name for page in names for name in page]
    assert listed == sorted(listed, key=sort_key)


def test_mujaz_analyse_fills_the_cache_the_build_then_uses(tmp_path: Path) -> None:
    content = nato_site(tmp_path)
    settings = settings_file(tmp_path, tmp_path / "cache")
    command = [sys.executable, "-m", "briefs.cli.main", "analyse", str(content), "-s",
               str(settings), "--workers", "2", "--progress"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    first = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path,
                           env=environment)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "6 briefs: 6 analysed, 0 from the cache, 0 failed"
    assert "6/6 briefs" in first.stderr  # the progress bar
    assert not (tmp_path / "output").exists()  # nothing rendered
    again = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path,
                           env=environment)
    assert again.stdout.strip() == "6 briefs: 0 analysed, 6 from the cache, 0 failed"
    build = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o",
         str(tmp_path / "out"), "--verbose"], capture_output=True, text=True, check=False,
        cwd=ROOT, env={**environment, "COLUMNS": "400"})
    assert build.returncode == 0, build.stdout + build.stderr
    assert "6 analysed (6 from the cache)" in " ".join(build.stdout.split())


def test_ctrl_c_stops_mujaz_analyse_and_leaves_a_valid_cache(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    body = (FIXTURE_SITE / "content" / "2024-11-20-summit.ar.md").read_text(encoding="utf-8")
    for number in range(300):
        (content / f"brief-{number}.ar.md").write_text(
            body.replace("fixture-summit", f"brief-{number}").replace(
                "12000", str(number * 7 + 1)), encoding="utf-8")
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "briefs.cli.main", "analyse", str(content), "-s",
               str(settings_file(tmp_path, cache)), "--workers", "2"]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        start_new_session=True)  # a terminal's Ctrl-C reaches the whole process group
    try:
        deadline = time.monotonic() + 120
        while len(list(cache.rglob("*.pickle"))) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, err
    assert "stopped; the analyses already stored stay valid" in err
    assert "Traceback" not in err
    stored = list(cache.rglob("*.pickle"))
    assert 5 <= len(stored) < 300
    assert not list(cache.rglob("*.tmp"))
    for path in stored:
        assert isinstance(pickle.loads(path.read_bytes()), CachedAnalysis)
    assert not [line for line in err.splitlines() if re.search(r"Error|error", line)]
