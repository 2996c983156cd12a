"""The reader's side in the built demo site: front page, entity links, entity pages, quotes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from atomcheck import ATOM
from htmlquery import select
from support import ROOT, build_site

ENTITY_LINK = re.compile(r'<a class="entity-link entity-link--\w+" href="([^"]+)">')


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _briefs(site: Path) -> list[dict]:
    return json.loads(read(site / "api" / "briefs.json"))["briefs"]


def _links_per_brief(site: Path) -> dict[str, Counter[str]]:
    return {brief["url"]: Counter(ENTITY_LINK.findall(read(site / brief["url"])))
            for brief in _briefs(site)}


def test_front_page_sections_come_before_the_archive(built_site: Path) -> None:
    page = read(built_site / "index.html")
    marks = ['class="front__stories"', 'class="front__latest"', 'class="front__news"',
             'class="front__quotes"', 'class="brief-index"']
    places = [page.find(mark) for mark in marks]
    assert -1 not in places and places == sorted(places), places
    # The newest brief's story leads: the front page follows the archive, not the clock.
    newest = max(_briefs(built_site), key=lambda brief: brief["date"])
    stories = page[page.find('class="front__stories"'):page.find('class="front__latest"')]
    assert f'href="./{newest["url"]}"' in stories
    # Page 2 of the archive is only the archive.
    page_two = read(built_site / "page" / "2" / "index.html")
    assert "front__stories" not in page_two and "teaser-list" in page_two


def test_in_the_news_counts_the_briefs_of_the_last_week(built_site: Path) -> None:
    briefs = _briefs(built_site)
    newest = max(brief["date"] for brief in briefs)
    page = read(built_site / "index.html")
    news = page[page.find('class="front__news"'):page.find('class="front__quotes"')]
    first = select(news, "li")[0]
    url = first.children[0].attrs["href"].removeprefix("./")
    entity_id = next(entity["id"] for entity in json.loads(
        read(built_site / "api" / "entities.json"))["entities"] if entity["url"] == url)
    since = datetime.fromisoformat(newest) - timedelta(days=7)
    # The front page counts the briefs the home page lists (translations are not listed).
    listed = {a.attrs["href"].removeprefix("./") for a in select(page, "a")}
    expected = sum(entity_id in brief["entities"] for brief in briefs
                   if datetime.fromisoformat(brief["date"]) >= since and brief["url"] in listed)
    count = re.search(r"\d+", first.text.split(first.children[0].text, 1)[1])
    assert count is not None and int(count.group()) == expected


def test_by_default_a_brief_links_each_entity_once(built_site: Path) -> None:
    links = _links_per_brief(built_site)
    assert sum(map(len, links.values())) > 20  # the demo briefs do link their names
    repeated = {url: [href for href, n in counts.items() if n > 1]
                for url, counts in links.items() if max(counts.values(), default=0) > 1}
    assert not repeated


@pytest.mark.parametrize("mode", ["paragraph", "none"])
def test_link_mentions_setting(tmp_path: Path, built_site: Path, mode: str) -> None:
    output = tmp_path / "site"
    build_site(ROOT / "content", output, BRIEFS_LINK_MENTIONS=mode, BRIEFS_SEARCH=False,
               CACHE_PATH=str(tmp_path / "cache"))
    first, other = _links_per_brief(built_site), _links_per_brief(output)
    if mode == "none":
        assert not any(other.values())
    else:  # the first mention in every paragraph: more links, some names several times
        assert sum(map(len, other.values())) == sum(map(len, first.values()))
        assert sum(c.total() for c in other.values()) > sum(c.total() for c in first.values())
        assert any(max(c.values()) > 1 for c in other.values())


def test_quotes_pages_list_every_key_quote_newest_first(built_site: Path) -> None:
    key_quotes = sum(len(select(read(built_site / brief["url"]), "figure", class_="key-quote"))
                     for brief in _briefs(built_site))
    pages = [built_site / "quotes" / "index.html",
             *sorted((built_site / "quotes" / "page").glob("*/index.html"))]
    listed = [figure for page in pages for figure in select(read(page), "figure")]
    assert len(listed) == key_quotes > 0
    dates = [t.attrs["datetime"] for page in pages for t in select(read(page), "time")]
    assert dates == sorted(dates, reverse=True)
    links = [a.attrs["href"] for page in pages for a in select(read(page), "a",
                                                             class_="key-quote__link")]
    assert all(re.search(r"\.html#quote-\d+$", link) for link in links)


def test_a_speakers_page_has_only_their_quotes(built_site: Path) -> None:
    page = read(built_site / "quotes" / "person-mark-rutte.html")
    cites = {cite.text.strip() for cite in select(page, "cite")}
    assert cites == {"مارك روتي"}
    said = [quote for brief in _briefs(built_site) for quote in brief["quotes"]
            if quote["speaker_id"] == "person:mark-rutte"]
    assert 0 < len(select(page, "figure")) <= len(said)
    entity = read(built_site / "entities" / "person-mark-rutte.html")
    assert "../quotes/person-mark-rutte.html" in entity


def test_entity_page_has_a_weekly_chart_and_its_table(built_site: Path) -> None:
    page = read(built_site / "entities" / "person-mark-rutte.html")
    (svg,) = select(page, "svg")
    assert svg.attrs["role"] == "img"
    title, desc = (select(page, tag)[-1] for tag in ("title", "desc"))
    assert "مارك روتي" in title.text and desc.text
    rows = select(page[page.find("<tbody"):], "tr")
    weeks = {cell.attrs["datetime"] for row in rows for cell in row.children[0].children}
    briefs = [brief for brief in _briefs(built_site) if "person:mark-rutte" in brief["entities"]]
    assert sum(int(row.children[1].text) for row in rows) == len(briefs)
    assert len(select(page, "rect")) == len(weeks)
    assert 'href="https://www.wikidata.org/wiki/Q57792"' in page



def test_the_quotes_feed_carries_each_quote_with_its_speaker(built_site: Path) -> None:
    feed = built_site / "feeds" / "quotes.atom.xml"  # valid Atom: test_publish.py checks
    entities = json.loads(read(built_site / "api" / "entities.json"))["entities"]
    names = {entity["id"]: {entity["name"], *entity["names"].values()} for entity in entities}
    speakers_of: dict[str, set[str]] = {}  # a quote's text (spaces folded): its speaker's names
    for brief in _briefs(built_site):
        for quote in brief["quotes"]:
            speakers_of.setdefault(" ".join(quote["text"].split()), set()).update(
                names.get(quote["speaker_id"], set()))
    entries = ET.parse(feed).getroot().findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        title = " ".join(entry.findtext(f"{ATOM}title").split())
        author = entry.findtext(f"{ATOM}author/{ATOM}name")
        text = title.removeprefix(f"{author}: ")
        assert text in speakers_of  # the quote itself, never the title of its brief
        assert author in speakers_of[text] or (text == title and not speakers_of[text])
        assert re.search(r"#quote-\d+$", entry.find(f"{ATOM}link").get("href"))
