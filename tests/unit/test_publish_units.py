"""Publishing helpers without a build: settings check, feed ids, sitemap, search records."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from feedgenerator import Atom1Feed, get_tag_uri

from briefs.pelican.publishing import PublishConfigError, ascii_feed_ids, check_publishing
from briefs.publish import search, sitemap
from briefs.publish.search import SearchIndexError, build_search_index, search_record
from briefs.settings import BriefsConfigError, BriefsSettings


def _pelican(**settings: object) -> SimpleNamespace:
    return SimpleNamespace(settings={"BRIEFS_PUBLISHING": True, "RELATIVE_URLS": False,
                                     **settings})


@pytest.mark.parametrize("siteurl", ["", None, "example.org", "/mujaz", "ftp://x.org"])
def test_publishing_needs_an_absolute_siteurl(siteurl: object) -> None:
    with pytest.raises(PublishConfigError, match=r"SITEURL.*publishconf\.py"):
        check_publishing(_pelican(SITEURL=siteurl))


def test_publishing_needs_absolute_urls() -> None:
    with pytest.raises(PublishConfigError, match="RELATIVE_URLS = False"):
        check_publishing(_pelican(SITEURL="https://u.github.io/r", RELATIVE_URLS=True))


def test_not_publishing_checks_nothing() -> None:
    check_publishing(SimpleNamespace(settings={"SITEURL": ""}))
    check_publishing(_pelican(SITEURL="https://u.github.io/mujaz"))


def test_publishing_settings_are_booleans() -> None:
    with pytest.raises(BriefsConfigError, match="BRIEFS_SEARCH must be True or False"):
        BriefsSettings.from_pelican({"BRIEFS_SEARCH": "yes"})


def test_feed_ids_become_ascii() -> None:
    feed = Atom1Feed(title="موجز", link="https://u.github.io/r/",
                     feed_url="https://u.github.io/r/feeds/tags/أوبك.atom.xml", description="")
    link = "https://u.github.io/r/briefs/أوبك-تخفض.html"
    feed.add_item(title="أوبك", link=link, description="",
                  unique_id=get_tag_uri(link, datetime(2024, 11, 12, tzinfo=UTC)))
    ascii_feed_ids({"DEFAULT_LANG": "ar"}, feed)
    item = feed.items[0]
    assert item["unique_id"].isascii()
    assert item["unique_id"].startswith("tag:u.github.io,2024-11-12:")
    assert "%D8%A3%D9%88%D8%A8%D9%83" in item["unique_id"]
    assert item["link"].isascii() and feed.feed["feed_url"].isascii()
    assert feed.feed["language"] == "ar"


def test_a_failing_pagefind_names_the_step(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(search, "_pagefind_executable", lambda: "false")
    record = search_record(url="briefs/a.html", title="عنوان", lang="ar", date="", body="نص")
    with pytest.raises(SearchIndexError, match=r"search: Pagefind failed \(1\) indexing 1 briefs"):
        build_search_index([record], tmp_path, "ar")
    assert not (tmp_path / "pagefind").exists()


def test_records_come_from_the_briefs_text(tmp_path: Path) -> None:
    body = "One.\n\nTwo " + "word " * 60
    record = search_record(url="a.html", title="Title", lang="en", date="1 Jan", body=body)
    assert (record.url, record.title, record.lang) == ("a.html", "Title", "en")
    assert record.text.startswith("Title One. Two word")
    assert record.summary.endswith("…") and len(record.summary) <= 221
    assert build_search_index([record], tmp_path, "en") == 1
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()


def test_page_without_canonical_fails_the_sitemap(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<head><title>x</title></head>", encoding="utf-8")
    with pytest.raises(sitemap.SitemapError, match=r"a\.html has no"):
        sitemap.sitemap_pages(sitemap.read_heads(tmp_path), tmp_path)


def test_the_sitemap_reads_each_page_up_to_the_end_of_its_head(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    head = '<head><link rel="canonical" href="https://x.org/أ.html"></head>'
    page.write_text(head + "<body>" + "نص " * 5000 + "</body>", encoding="utf-8")
    # Blocks of 7 bytes: "</head>" and the Arabic letters straddle block boundaries.
    assert sitemap.head_text(page, chunk=7).startswith(head)
    assert len(sitemap.head_text(page, chunk=7).encode()) < len(head.encode()) + 7
    assert sitemap.read_head(sitemap.head_text(page)).canonical == "https://x.org/أ.html"
    no_head = tmp_path / "b.html"
    no_head.write_text("<p>نص</p>", encoding="utf-8")
    assert sitemap.head_text(no_head, chunk=4) == "<p>نص</p>"
