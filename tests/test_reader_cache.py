"""Pelican's reader cache (on in pelicanconf.py): a rebuild reads only the changed files,
and a change of settings is never answered from a cache made with the old ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, build_site, file_hashes

SETTINGS = {"BRIEFS_SEARCH": False, "BRIEFS_PAGE_CACHE": False}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def test_a_rebuild_from_the_reader_cache_writes_the_same_site(site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_site(site, tmp_path / "first", CACHE_PATH=str(cache), **SETTINGS)
    assert (cache / "ArticlesGenerator-Readers").is_file()
    build_site(site, tmp_path / "second", CACHE_PATH=str(cache), **SETTINGS)
    assert file_hashes(tmp_path / "second") == file_hashes(tmp_path / "first")

    edited = site / "2024-11-15-oil-weekly-loss.ar.md"
    head, _, body = edited.read_text(encoding="utf-8").partition("\n\n")
    edited.write_text(f"{head}\n\nفقرة أضافها المحرر للتو.\n\n{body}", encoding="utf-8")
    build_site(site, tmp_path / "third", CACHE_PATH=str(cache), **SETTINGS)
    page = (tmp_path / "third" / "briefs" / "oil-weekly-loss.html").read_text(encoding="utf-8")
    assert "فقرة أضافها المحرر للتو" in page


def test_changed_settings_are_not_answered_from_the_old_reader_cache(
        site: Path, tmp_path: Path) -> None:
    # The tags in Pelican's cached metadata carry the settings they were read with: without
    # the plugin's stamp, the second build would still link every tag to tags/….
    cache = tmp_path / "cache"
    build_site(site, tmp_path / "first", CACHE_PATH=str(cache), **SETTINGS)
    build_site(site, tmp_path / "second", CACHE_PATH=str(cache), **SETTINGS,
               TAG_URL="topics/{slug}.html", TAG_SAVE_AS="topics/{slug}.html")
    page = (tmp_path / "second" / "briefs" / "oil-weekly-loss.html").read_text(encoding="utf-8")
    assert 'href="../topics/النفط.html"' in page
    assert 'href="../tags/' not in page
    assert (tmp_path / "second" / "topics").is_dir()
    assert not (tmp_path / "second" / "tags").exists()
