"""The search index in cached shards (briefs.publish.search), with the real Pagefind binary.

Records are cut by date, then URL, into shards of a tiny size here; each shard's bundle is
cached under a digest of its pages. What is checked: the layout the search page reads, that
adding the newest brief indexes the last shard only, that a changed record indexes its own
shard again, that a damaged or partial cache entry is never used, pruning, byte-identical
output, and the failure message. The browser side is in tests/browser/test_search.py.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefs.publish import search
from briefs.publish.search import (
    CACHE_KEEP_SECONDS,
    SearchIndexError,
    SearchJob,
    search_options,
    search_record,
)
from support import ROOT, file_hashes

START = datetime(2024, 11, 1, 8, 0, tzinfo=UTC)
PLUGINS = ROOT / "plugins"


def _record(number: int, *, day: int | None = None, word: str = "") -> search.SearchRecord:
    title = f"Brief {number} word{number}x"
    return search_record(url=f"briefs/b{number:02d}.html", title=title, lang="en",
                         date=f"day {number}", body=f"Body of brief {number}. {word}".strip(),
                         when=START + timedelta(days=number if day is None else day))


def _build(records: list, output: Path, cache: Path | None, size: int = 3,
           processes: int = 1) -> SearchJob:
    with SearchJob(records, "en", shard_size=size, cache_dir=cache,
                   processes=processes, output=output) as job:
        job.start().finish(output)
        return job


def _urls(bundle: Path) -> set[str]:
    """The URLs a bundle's fragments hold (Pagefind writes them gzipped, with a prefix)."""
    urls = set()
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def _entries(cache: Path) -> set[str]:
    return {entry.name for entry in cache.iterdir() if not entry.name.startswith(".")}


def _rewrite(entry: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    """Rewrite a cache entry (a zip) with ``change`` applied to each member."""
    with zipfile.ZipFile(entry) as archive:
        members = [(name, archive.read(name)) for name in archive.namelist()]
    with zipfile.ZipFile(entry, "w") as archive:
        for name, data in members:
            changed = change(name, data)
            if changed is not None:
                archive.writestr(name, changed)


def test_records_are_cut_by_date_into_shards_the_page_can_merge(tmp_path: Path) -> None:
    records = [_record(n) for n in (7, 2, 5, 1, 3, 6, 4)]  # any order: sorted by date
    job = _build(records, tmp_path / "out", tmp_path / "cache")
    bundle = tmp_path / "out" / "pagefind"
    assert [shard.records for shard in job.shards] == [3, 3, 1]
    assert json.loads((bundle / "mujaz-shards.json").read_text("utf-8")) == {
        "shards": ["shards/1/", "shards/2/"], "digests": [shard.digest for shard in job.shards]}
    assert _urls(bundle) == {"/briefs/b01.html", "/briefs/b02.html", "/briefs/b03.html"}
    assert _urls(bundle / "shards" / "1") == {"/briefs/b04.html", "/briefs/b05.html",
                                              "/briefs/b06.html"}
    assert _urls(bundle / "shards" / "2") == {"/briefs/b07.html"}
    assert (bundle / "pagefind.js").is_file()
    # The other shards hold only their index: the browser searches them with the first
    # shard's WebAssembly.
    extra = {path.name for path in (bundle / "shards" / "1").iterdir()}
    assert "pagefind-entry.json" in extra and "fragment" in extra and "index" in extra
    assert not [name for name in extra if name.endswith((".js", ".css"))
                or name.startswith("wasm.")]
    assert not any(shard.cached for shard in job.shards)
    assert len(_entries(tmp_path / "cache")) == 3


def test_same_date_is_ordered_by_url(tmp_path: Path) -> None:
    records = [_record(n, day=1) for n in (3, 1, 2, 4)]
    job = _build(records, tmp_path / "out", None, size=2)
    assert [(shard.first, shard.last) for shard in job.shards] == [
        ("briefs/b01.html", "briefs/b02.html"), ("briefs/b03.html", "briefs/b04.html")]


def test_adding_the_newest_brief_indexes_the_last_shard_only(tmp_path: Path,
                                                             caplog) -> None:
    cache = tmp_path / "cache"
    records = [_record(n) for n in range(1, 8)]
    _build(records, tmp_path / "first", cache)
    before = _entries(cache)
    with caplog.at_level(logging.INFO, logger="briefs.publish.search"):
        job = _build([*records, _record(8)], tmp_path / "second", cache)
    assert [shard.cached for shard in job.shards] == [True, True, False]
    assert ("3 shards of at most 3, 2 from the cache, 0 already in the output, indexed: 3"
            in caplog.text)
    assert re.search(r"s of indexing \(normalising, writing, Pagefind; CPU [\d.]+ s\)",
                     caplog.text)
    after = _entries(cache)
    assert len(after - before) == 1  # the new last shard; the old one stays a while
    assert _urls(tmp_path / "second" / "pagefind" / "shards" / "2") == {
        "/briefs/b07.html", "/briefs/b08.html"}


def test_a_changed_record_indexes_its_own_shard_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    records = [_record(n) for n in range(1, 8)]
    _build(records, tmp_path / "first", cache)
    edited = [_record(5, word="amended") if record.url.endswith("b05.html") else record
              for record in records]
    job = _build(edited, tmp_path / "second", cache)
    assert [shard.cached for shard in job.shards] == [True, False, True]
    # Metadata count too: a new title is a new key.
    retitled = [search.SearchRecord(**{**_asdict(r), "title": "Other"})
                if r.url.endswith("b07.html") else r for r in records]
    assert [s.cached for s in _build(retitled, tmp_path / "third", cache).shards] == [
        True, True, False]
    # So do the language and the Pagefind version (the rest of the key).
    pages = [("a.html", b"<html></html>")]
    assert search.shard_digest(pages, "en", "pagefind 1.5.2") != search.shard_digest(
        pages, "ar", "pagefind 1.5.2")
    assert search.shard_digest(pages, "en", "pagefind 1.5.2") != search.shard_digest(
        pages, "en", "pagefind 1.5.3")
    assert search.shard_digest(pages, "en", "v") != search.shard_digest(
        [("b.html", b"<html></html>")], "en", "v")


def _asdict(record: search.SearchRecord) -> dict:
    return {name: getattr(record, name) for name in search.SearchRecord.__slots__}


def test_an_old_dated_brief_shifts_the_later_shards(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    records = [_record(n) for n in range(1, 8)]
    _build(records, tmp_path / "first", cache)
    job = _build([*records, _record(99, day=4)], tmp_path / "second", cache)  # between 3, 4
    assert [shard.cached for shard in job.shards] == [True, False, False]


def test_output_is_byte_identical_from_the_cache_or_not(tmp_path: Path) -> None:
    records = [_record(n) for n in range(1, 8)]
    _build(records, tmp_path / "cold", tmp_path / "cache")
    warm = _build(records, tmp_path / "warm", tmp_path / "cache")
    assert all(shard.cached for shard in warm.shards)
    _build(records, tmp_path / "uncached", None)
    cold = file_hashes(tmp_path / "cold")
    assert cold == file_hashes(tmp_path / "warm") == file_hashes(tmp_path / "uncached")


def _inodes(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_ino
            for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize(("change", "kept"), [
    (lambda records: [*records, _record(8)], [True, True, False]),  # a new brief: last shard
    (lambda records: [_record(5, word="amended") if record.url.endswith("b05.html")
                      else record for record in records], [True, False, True]),
    (lambda records: [_record(1, word="amended"), *records[1:]], [False, True, True]),
    (lambda records: records[:5], [True, False]),  # briefs deleted: a shard fewer
])
def test_shards_already_in_the_output_stay_there(tmp_path: Path, change, kept) -> None:
    output, cache = tmp_path / "out", tmp_path / "cache"
    records = [_record(n) for n in range(1, 8)]
    _build(records, output, cache)
    before = _inodes(output / "pagefind")
    job = _build(change(records), output, cache)
    assert [shard.kept for shard in job.shards] == kept
    after = _inodes(output / "pagefind")
    for shard in job.shards:  # a kept shard's files were not written again
        prefix = "" if shard.number == 0 else f"shards/{shard.number}/"
        files = {name for name in after if name.startswith(prefix) and (
            shard.number > 0 or not name.startswith("shards/"))}
        assert files
        assert all((after[name] == before.get(name)) == shard.kept for name in files
                   if name != "mujaz-shards.json")
    # Exactly what a build into an empty folder writes.
    _build(change(records), tmp_path / "empty", None)
    assert file_hashes(output) == file_hashes(tmp_path / "empty")


def test_a_damaged_shard_in_the_output_is_made_again(tmp_path: Path) -> None:
    output = tmp_path / "out"
    records = [_record(n) for n in range(1, 8)]
    _build(records, output, None)
    (output / "pagefind" / "shards" / "1" / "pagefind-entry.json").unlink()
    job = _build(records, output, None)
    assert [shard.kept for shard in job.shards] == [True, False, True]
    _build(records, tmp_path / "empty", None)
    assert file_hashes(output) == file_hashes(tmp_path / "empty")


@pytest.mark.parametrize("listing", ["not json", '{"digests": "abc"}', '{"shards": []}', "[]"])
def test_a_shard_list_in_the_output_that_is_not_ours_keeps_nothing(tmp_path: Path,
                                                                   listing: str) -> None:
    output = tmp_path / "out"
    records = [_record(n) for n in range(1, 8)]
    _build(records, output, None)
    (output / "pagefind" / "mujaz-shards.json").write_text(listing, encoding="utf-8")
    job = _build(records, output, None)
    assert not any(shard.kept for shard in job.shards)
    _build(records, tmp_path / "empty", None)
    assert file_hashes(output) == file_hashes(tmp_path / "empty")


def test_a_bundle_lacking_a_file_the_page_needs_leaves_the_last_one(tmp_path: Path,
                                                                     monkeypatch) -> None:
    output = tmp_path / "out"
    records = [_record(n) for n in range(1, 8)]
    _build(records, output, None)
    before = file_hashes(output)
    monkeypatch.setattr(search, "REQUIRED_FILES", (*search.REQUIRED_FILES, "missing.js"))
    with pytest.raises(SearchIndexError, match=r"Pagefind wrote no .*pagefind/missing\.js"):
        _build([*records, _record(8)], output, None)
    assert file_hashes(output) == before


def test_shards_indexed_at_once_make_the_same_bundle_and_cache(tmp_path: Path) -> None:
    records = [_record(n) for n in range(1, 11)]
    one = _build(records, tmp_path / "one", tmp_path / "cache-one")
    two = _build(records, tmp_path / "two", tmp_path / "cache-two", processes=2)
    assert [shard.number for shard in two.shards] == [0, 1, 2, 3]
    assert [shard.digest for shard in two.shards] == [shard.digest for shard in one.shards]
    assert file_hashes(tmp_path / "two") == file_hashes(tmp_path / "one")
    assert _entries(tmp_path / "cache-two") == _entries(tmp_path / "cache-one")
    # Half of it from the cache, the rest indexed two at a time.
    again = _build([*records, *(_record(n) for n in range(11, 15))], tmp_path / "more",
                   tmp_path / "cache-two", processes=2)
    assert [shard.cached for shard in again.shards] == [True, True, True, False, False]


def test_a_damaged_or_partial_cache_entry_is_never_used(tmp_path: Path, caplog) -> None:
    cache = tmp_path / "cache"
    records = [_record(n) for n in range(1, 8)]
    first = _build(records, tmp_path / "first", cache)
    expected = file_hashes(tmp_path / "first")
    damaged, partial, truncated = (cache / f"{shard.digest}.zip" for shard in first.shards)
    # A file changed (the zip itself is valid: only the manifest's SHA-256 tells), a file
    # missing, and a zip cut short.
    _rewrite(damaged, lambda name, data: data + b"x" if name.endswith(".pf_fragment")
             else data)
    _rewrite(partial, lambda name, data: None if name.endswith("pagefind-entry.json")
             else data)
    truncated.write_bytes(truncated.read_bytes()[:1000])
    with caplog.at_level(logging.WARNING, logger="briefs.publish.search"):
        job = _build(records, tmp_path / "second", cache)
    assert [shard.cached for shard in job.shards] == [False, False, False]
    assert caplog.text.count("is unusable") == 3
    assert file_hashes(tmp_path / "second") == expected
    # Both entries were replaced by whole ones.
    assert [s.cached for s in _build(records, tmp_path / "third", cache).shards] == [
        True, True, True]


def test_unused_entries_are_pruned_once_old(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    records = [_record(n) for n in range(1, 4)]
    old, recent = cache / f"{'0' * 64}.zip", cache / f"{'1' * 64}.zip"
    stale, used_long_ago = cache / ".tmp-dead-x", cache / "older-layout"
    cache.mkdir()
    for entry in (old, recent, stale):
        entry.write_bytes(b"")
    used_long_ago.mkdir()
    first = _build(records, tmp_path / "first", cache)  # its entry is used, so kept
    long_ago = time.time() - CACHE_KEEP_SECONDS - 60
    for entry in (old, stale, used_long_ago, cache / f"{first.shards[0].digest}.zip"):
        os.utime(entry, (long_ago, long_ago))
    job = _build(records, tmp_path / "out", cache)
    assert job.shards[0].cached
    assert _entries(cache) == {f"{job.shards[0].digest}.zip", recent.name}
    assert not stale.exists() and not old.exists() and not used_long_ago.exists()


def test_pages_are_written_in_memory_where_there_is_a_memory_folder(tmp_path: Path,
                                                                      monkeypatch) -> None:
    records = [_record(n) for n in range(1, 8)]
    monkeypatch.setattr(search, "MEMORY_FOLDER", tmp_path / "none")
    _build(records, tmp_path / "on-disk", None)
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(search, "MEMORY_FOLDER", memory)
    with SearchJob(records, "en", shard_size=3) as job:
        assert job._pages.parent == memory
        job.start().finish(tmp_path / "in-memory")
    assert not list(memory.iterdir())
    assert file_hashes(tmp_path / "in-memory") == file_hashes(tmp_path / "on-disk")


@pytest.mark.parametrize("processes", [1, 2])
def test_a_failing_pagefind_names_the_shard(tmp_path: Path, monkeypatch,
                                            processes: int) -> None:
    monkeypatch.setattr(search, "_pagefind_executable", lambda: "false")
    records = [_record(n) for n in range(1, 5)]
    with pytest.raises(SearchIndexError, match=r"search: Pagefind failed \(1\) indexing 3 "
                       r"briefs \(shard 1 of 2: briefs/b01\.html … briefs/b03\.html\)"):
        _build(records, tmp_path / "out", tmp_path / "cache", processes=processes)
    assert not (tmp_path / "out" / "pagefind").exists()


def test_options_come_from_the_settings(tmp_path: Path) -> None:
    options = search_options({"CACHE_PATH": str(tmp_path), "BRIEFS_WORKERS": 8})
    assert options == {"shard_size": search.DEFAULT_SHARD_SIZE, "cache_dir": tmp_path / "search",
                       "processes": search.MAX_PAGEFIND_PROCESSES}
    assert search_options({"BRIEFS_CACHE": False, "BRIEFS_SEARCH_SHARD_SIZE": 5,
                           "BRIEFS_WORKERS": 1}) == {
        "shard_size": 5, "cache_dir": None, "processes": 1}
    assert 1 <= search_options({})["processes"] <= search.MAX_PAGEFIND_PROCESSES
    for bad in (0, -1, True, "100", 2.5):
        with pytest.raises(SearchIndexError, match="BRIEFS_SEARCH_SHARD_SIZE must be"):
            search_options({"BRIEFS_SEARCH_SHARD_SIZE": bad})


def test_the_helper_does_not_run_the_build_script_again(tmp_path: Path) -> None:
    # A build script with no `if __name__ == "__main__"` guard, as editors write them:
    # a helper started by importing the main module again would run it a second time.
    script = tmp_path / "build.py"
    script.write_text(
        "from pathlib import Path\n"
        "from briefs.publish.search import SearchJob, search_record\n"
        f"with open({str(tmp_path / 'runs')!r}, 'a') as runs:\n"
        "    runs.write('run\\n')\n"
        "record = search_record(url='a.html', title='Title', lang='en', date='', body='Body')\n"
        "with SearchJob([record], 'en') as job:\n"
        f"    job.start().finish(Path({str(tmp_path / 'site')!r}))\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          check=False, env={**os.environ, "PYTHONPATH": str(PLUGINS)})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "runs").read_text(encoding="utf-8") == "run\n"
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()
