"""Publishing helpers without a build: settings check, feed ids, sitemap, search records."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from feedgenerator import Atom1Feed, get_tag_uri

from briefs.pelican.publishing import PublishConfigError, ascii_feed_ids, check_publishing
from briefs.publish import sitemap
from briefs.publish.search import SearchIndexError, brief_records
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


def test_unreadable_page_names_the_step_and_file(tmp_path: Path) -> None:
    page = tmp_path / "briefs" / "bad.html"
    page.parent.mkdir()
    page.write_bytes(b"<article class='brief'>\xff\xfe</article>")
    with pytest.raises(SearchIndexError, match=r"search: reading .*bad\.html"):
        brief_records(tmp_path)


def test_only_brief_pages_become_records(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>الرئيسية</h1>", encoding="utf-8")
    (tmp_path / "a.html").write_text(
        '<article class="brief" lang="en"><h1 class="brief__title">Title</h1>'
        '<div class="brief__body"><p>One.</p><p>Two.</p></div>'
        '<footer><a>Also in Arabic</a></footer></article>', encoding="utf-8")
    records = brief_records(tmp_path)
    assert [(r.url, r.title, r.lang, r.text) for r in records] == [
        ("a.html", "Title", "en", "Title One. Two.")]


def test_page_without_canonical_fails_the_sitemap(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<head><title>x</title></head>", encoding="utf-8")
    with pytest.raises(sitemap.SitemapError, match=r"a\.html has no"):
        sitemap.collect_pages(tmp_path)
