"""The page cache: a rebuild copies the pages whose inputs did not change, and every page is
byte for byte what a build without the cache writes.

The demo site is built once to fill the cache; then briefs are added, edited and deleted
(a new brief shares entities, tags and a related story with others, so its entity pages, tag
pages, lists and related briefs change), and the site is built again with the cache and
without it, in two processes (the forked rendering path) and in one.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from support import ROOT, build_site, file_hashes

SETTINGS = {"BRIEFS_SEARCH": False}
NEW_BRIEF = """\
Title: روتي يدعو الصين مجددا إلى الضغط على بيونغ يانغ
Date: 2024-11-21 09:00
Lang: ar
Slug: rutte-china-again
Tags: حلف شمال الأطلسي, الصين

جدد الأمين العام لحلف شمال الأطلسي مارك روتي دعوته الصين إلى استخدام نفوذها لدى كوريا الشمالية.

وقال روتي في بروكسل إن "على بكين أن توقف دعم الحرب على أوكرانيا".
"""


def _counts(log: str) -> tuple[int, int]:
    """Return (rendered, copied) from the build's page-cache line."""
    match = re.search(r"(\d+) pages rendered, (\d+) copied from the page cache", log)
    assert match, f"no page-cache line in the log:\n{log[-3000:]}"
    return int(match.group(1)), int(match.group(2))


def _build(content: Path, output: Path, cache: Path, **settings: object) -> tuple[int, int]:
    shutil.rmtree(output, ignore_errors=True)
    result = build_site(content, output, verbose=True, CACHE_PATH=str(cache), **SETTINGS,
                        **settings)
    log = result.stdout + result.stderr
    return _counts(log) if settings.get("BRIEFS_PAGE_CACHE", True) else (0, 0)


@pytest.fixture(autouse=True)
def one_line_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # log records on one line each where they fit


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def _add_a_brief(content: Path) -> None:
    (content / "2024-11-21-rutte-china-again.ar.md").write_text(NEW_BRIEF, encoding="utf-8")


def _edit_and_delete(content: Path) -> None:
    edited = content / "2024-11-15-oil-weekly-loss.ar.md"
    head, _, body = edited.read_text(encoding="utf-8").partition("\n\n")
    edited.write_text(f"{head}\n\nوقال محلل إن \"الأسعار ستبقى متقلبة\".\n\n{body}",
                      encoding="utf-8")
    (content / "2024-11-19-indonesia-beat-saudi.en.md").unlink()


def _same_as_without_cache(content: Path, tmp_path: Path, cached: Path, workers: int,
                           **settings: object) -> None:
    plain = tmp_path / "plain"
    _build(content, plain, tmp_path / "plain-cache", BRIEFS_PAGE_CACHE=False,
           BRIEFS_WORKERS=workers, **settings)
    kept, made = file_hashes(cached), file_hashes(plain)
    assert kept.keys() == made.keys()
    assert [name for name in kept if kept[name] != made[name]] == []


@pytest.mark.parametrize("workers", [2, 1])
def test_rebuild_copies_unchanged_pages_and_matches_a_build_without_cache(
        site: Path, tmp_path: Path, workers: int) -> None:
    cache = tmp_path / "cache"
    everything, copied = _build(site, tmp_path / "first", cache, BRIEFS_WORKERS=workers)
    assert copied == 0 and everything > 0, "an empty cache renders every page"

    again = _build(site, tmp_path / "again", cache, BRIEFS_WORKERS=workers)
    assert again == (0, everything), "nothing changed: every page comes from the cache"
    assert file_hashes(tmp_path / "again") == file_hashes(tmp_path / "first")

    # One brief added: its page, its entities' pages, the lists and its related briefs.
    _add_a_brief(site)
    rendered, copied = _build(site, tmp_path / "added", cache, BRIEFS_WORKERS=workers)
    _same_as_without_cache(site, tmp_path, tmp_path / "added", workers)
    assert 0 < rendered < copied, "most pages do not show the new brief and are copied"

    _edit_and_delete(site)
    rendered, _ = _build(site, tmp_path / "edited", cache, BRIEFS_WORKERS=workers)
    assert rendered > 0
    _same_as_without_cache(site, tmp_path, tmp_path / "edited", workers)


def test_a_build_with_nothing_changed_copies_the_pages_in_one_process(
        site: Path, tmp_path: Path) -> None:
    def log_of_build(output: str) -> str:
        result = build_site(site, tmp_path / output, verbose=True,
                            CACHE_PATH=str(tmp_path / "cache"), BRIEFS_WORKERS=2, **SETTINGS)
        return result.stdout + result.stderr

    forked, alone = "rendering pages in 2 processes", "the pages are copied in one process"
    first = log_of_build("first")
    assert forked in first and alone not in first
    again = log_of_build("again")
    assert alone in again and forked not in again
    assert _counts(again)[0] == 0
    _add_a_brief(site)
    added = log_of_build("added")
    assert forked in added and alone not in added


def test_a_build_with_nothing_changed_renders_a_page_whose_kept_copy_is_gone(
        site: Path, tmp_path: Path) -> None:
    # Nothing changed: pages are taken by name from the entries the last build noted; one
    # whose entry went missing is rendered, not left out.
    cache = tmp_path / "cache"
    everything, _ = _build(site, tmp_path / "first", cache)
    entries = sorted((cache / "briefs-pages").glob("*/*"))
    entries[len(entries) // 2].unlink()
    assert _build(site, tmp_path / "again", cache) == (1, everything - 1)
    assert file_hashes(tmp_path / "again") == file_hashes(tmp_path / "first")


def test_a_date_read_from_the_files_time_is_an_input(site: Path, tmp_path: Path) -> None:
    # With DEFAULT_DATE = "fs" a brief with no Date: is dated by its file's time: touching
    # the file redates the brief although its bytes are the same.
    undated = site / "2024-11-21-rutte-china-again.ar.md"
    undated.write_text(NEW_BRIEF.replace("Date: 2024-11-21 09:00\n", ""), encoding="utf-8")
    os.utime(undated, (1_732_000_000, 1_732_000_000))
    cache, output = tmp_path / "cache", tmp_path / "out"
    _build(site, output, cache, DEFAULT_DATE="fs")
    os.utime(undated, (1_600_000_000, 1_600_000_000))
    rendered, _ = _build(site, output, cache, DEFAULT_DATE="fs")
    assert rendered > 0
    _same_as_without_cache(site, tmp_path, output, 0, DEFAULT_DATE="fs")


def test_a_changed_template_renders_every_page_again(site: Path, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    cache = tmp_path / "cache"
    rendered, _ = _build(site, tmp_path / "first", cache, THEME=str(theme))
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- x --></body>"),
                    encoding="utf-8")
    assert _build(site, tmp_path / "second", cache, THEME=str(theme)) == (rendered, 0)
    page = next((tmp_path / "second" / "briefs").glob("*.html")).read_text(encoding="utf-8")
    assert "<!-- x -->" in page


def test_a_changed_setting_renders_every_page_again(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    rendered, _ = _build(site, tmp_path / "first", cache)
    assert _build(site, tmp_path / "second", cache, SITENAME="موجز آخر") == (rendered, 0)
    # How many processes render changes nothing a page shows: the cache is used.
    assert _build(site, tmp_path / "third", cache, SITENAME="موجز آخر",
                  BRIEFS_WORKERS=1) == (0, rendered)


def test_kept_pages_nothing_uses_are_removed(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(site, tmp_path / "first", cache)
    kept = {path.name for path in (cache / "briefs-pages").glob("*/*")}
    _build(site, tmp_path / "second", cache, SITENAME="موجز آخر")
    now = {path.name for path in (cache / "briefs-pages").glob("*/*")}
    assert now and not now & kept, "the first build's pages went with its settings"
    assert not list((cache / "briefs-pages").glob(".used-*"))


def test_a_cache_that_cannot_be_written_leaves_the_site_built(site: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    output = tmp_path / "out"
    result = build_site(site, output, verbose=True, CACHE_PATH=str(blocked / "cache"),
                        BRIEFS_CACHE=False, **SETTINGS)
    log = result.stdout + result.stderr
    assert "page cache: cannot write" in log and "are not kept" in log
    assert _counts(log)[1] == 0
    _same_as_without_cache(site, tmp_path, output, 0)


def test_a_rebuild_in_place_leaves_unchanged_pages_and_removes_stale_ones(
        site: Path, tmp_path: Path) -> None:
    # DELETE_OUTPUT_DIRECTORY, as publishconf.py sets it: the folder must end as a build into
    # an empty folder leaves it, although the unchanged pages are not written again.
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {**SETTINGS, "CACHE_PATH": str(cache), "DELETE_OUTPUT_DIRECTORY": True,
                "OUTPUT_RETENTION": ["CNAME"], "BRIEFS_WORKERS": 2}
    build_site(site, output, **settings)
    (output / "CNAME").write_text("news.example.org\n", encoding="utf-8")
    (output / "stray.html").write_text("<p>left by hand</p>", encoding="utf-8")
    deleted = next((output / "briefs").glob("indonesia-beat-saudi*.html"))
    tampered = output / "briefs" / "oil-weekly-loss.html"
    tampered.write_text("<p>edited in the output</p>", encoding="utf-8")
    pages = {path: (path.stat().st_ino, path.stat().st_mtime_ns, path.read_bytes())
             for path in output.rglob("*.html")}

    _add_a_brief(site)
    _edit_and_delete(site)
    build_site(site, output, **settings)

    same = [path for path, (_, _, data) in pages.items()
            if path.is_file() and path.read_bytes() == data]
    left = [path for path in same
            if (path.stat().st_ino, path.stat().st_mtime_ns) == pages[path][:2]]
    # Those rendered again (a list whose briefs shifted back to where they were) are written.
    assert len(left) > len(same) // 2, "a page copied from the cache is not written again"
    assert not deleted.exists(), "the deleted brief's page is gone"
    assert not (output / "stray.html").exists()
    assert (output / "CNAME").read_text(encoding="utf-8") == "news.example.org\n"
    (output / "CNAME").unlink()
    fresh = tmp_path / "fresh"
    build_site(site, fresh, **SETTINGS, CACHE_PATH=str(tmp_path / "fresh-cache"),
               BRIEFS_PAGE_CACHE=False)
    assert file_hashes(output) == file_hashes(fresh)
