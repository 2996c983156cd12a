"""The briefs' markup kept with their analyses: a warm build takes it from the cache, and
anything it is made from (here a setting and an entity's page) makes it be written again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, build_site, file_hashes

SETTINGS = {"BRIEFS_SEARCH": False, "BRIEFS_PAGE_CACHE": False}
BRIEF = "briefs/oil-weekly-loss.html"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def test_kept_markup_is_the_markup_written_and_follows_its_inputs(
        site: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_site(site, tmp_path / "first", CACHE_PATH=str(cache), **SETTINGS)
    kept = sorted((cache / "briefs").glob("*/*.markup"))
    assert len(kept) == len(list(site.glob("*.md")))
    stamps = {path: path.stat().st_mtime_ns for path in kept}
    build_site(site, tmp_path / "second", CACHE_PATH=str(cache), **SETTINGS)
    assert {path: path.stat().st_mtime_ns for path in kept} == stamps, "taken, not rewritten"
    assert file_hashes(tmp_path / "second") == file_hashes(tmp_path / "first")

    # A setting the markup reads: no entity links in any body.
    build_site(site, tmp_path / "unlinked", CACHE_PATH=str(cache), BRIEFS_LINK_MENTIONS="none",
               **SETTINGS)
    page = (tmp_path / "unlinked" / BRIEF).read_text(encoding="utf-8")
    assert "entity-link" in (tmp_path / "first" / BRIEF).read_text(encoding="utf-8")
    assert "entity-link" not in page

    # Where entity pages are: every link in the bodies follows.
    build_site(site, tmp_path / "moved", CACHE_PATH=str(cache), ENTITY_URL="people/{slug}.html",
               ENTITY_SAVE_AS="people/{slug}.html", **SETTINGS)
    page = (tmp_path / "moved" / BRIEF).read_text(encoding="utf-8")
    assert 'class="entity-link entity-link--organization" href="../people/' in page
    assert 'entity-link--organization" href="../entities/' not in page
