"""JSON-LD NewsArticle: the pure builder, the safe <script>, and reading a Pelican article."""

from __future__ import annotations

import doctest
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from briefs.publish import jsonld
from briefs.publish.jsonld import EntityRef, QuoteRef, article_jsonld, jsonld_script, news_article

RIYADH = timezone(timedelta(hours=3))
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")


def _article(**brief: object) -> SimpleNamespace:
    return SimpleNamespace(
        title="الناتو يضغط على <em>الصين</em>", date=datetime(2024, 11, 14, 10, 0, tzinfo=RIYADH),
        lang="ar", source="وكالة فرانس برس", dateline="بروكسل",
        tags=["الناتو", "الصين"], brief=SimpleNamespace(**brief) if brief else None)


def test_required_properties() -> None:
    data = news_article(headline="h", url="https://x.org/a.html",
                        published=datetime(2024, 11, 14, 10, tzinfo=RIYADH), lang="ar",
                        publisher="موجز", publisher_url="https://x.org/")
    assert data["@type"] == "NewsArticle"
    assert data["@context"] == "https://schema.org"
    assert data["datePublished"] == "2024-11-14T10:00:00+03:00"
    assert ISO_WITH_OFFSET.match(data["dateModified"])
    assert data["author"] == [data["publisher"]]  # no source agency: the site is the author
    assert data["mainEntityOfPage"]["@id"] == data["url"]


def test_naive_date_is_refused() -> None:
    with pytest.raises(ValueError, match="TIMEZONE"):
        news_article(headline="h", url="u", published=datetime(2024, 1, 1), lang="ar",
                     publisher="p", publisher_url="u")


def test_entities_quotes_and_source() -> None:
    data = news_article(
        headline="الناتو والصين", url="https://x.org/a.html",
        published=datetime(2024, 11, 14, tzinfo=UTC), lang="ar", publisher="موجز",
        publisher_url="https://x.org/", source="وكالة فرانس برس", dateline="بروكسل",
        entities=[EntityRef("الناتو", "organization", "https://x.org/e/nato.html", "Q7184",
                            in_headline=True),
                  EntityRef("مارك روتي", "person"), EntityRef("كورسك", "place"),
                  EntityRef("شيء", "misc")],
        quotes=[QuoteRef("نص", "مارك روتي"), QuoteRef("بلا قائل", None)])
    assert data["sourceOrganization"] == {"@type": "Organization", "name": "وكالة فرانس برس"}
    assert data["author"][0]["name"] == "وكالة فرانس برس"
    assert data["dateline"] == "بروكسل"
    types = [node["@type"] for node in data["mentions"]]
    assert types == ["Organization", "Person", "Place", "Thing"]
    assert data["mentions"][0]["sameAs"] == "https://www.wikidata.org/wiki/Q7184"
    assert [node["name"] for node in data["about"]] == ["الناتو"]
    quotes = data["hasPart"]
    assert quotes[0] == {"@type": "Quotation", "text": "نص", "inLanguage": "ar",
                         "spokenByCharacter": {"@type": "Person", "name": "مارك روتي"}}
    assert "spokenByCharacter" not in quotes[1]


def test_script_cannot_be_closed_by_article_text() -> None:
    script = jsonld_script({"headline": "</script><script>alert(1)</script> & <!--"})
    inner = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_article_without_brief_data() -> None:
    data = article_jsonld(_article(), "https://x.org/briefs/a.html", "<p>ملخص</p>",
                          {"SITENAME": "موجز", "SITEURL": "https://x.org"})
    # Titles are plain text by the time JSON-LD is written (briefs.pelican.intake turned
    # any reader's HTML into text): what looks like a tag is the editor's text, kept.
    assert data["headline"] == "الناتو يضغط على <em>الصين</em>"
    assert data["description"] == "ملخص"
    assert data["keywords"] == ["الناتو", "الصين"]
    assert "mentions" not in data and "hasPart" not in data


def test_article_with_brief_entities_and_quotes() -> None:
    article = _article(
        entities=[SimpleNamespace(name="الصين", kind="place", url="entities/cn.html",
                                  wikidata="Q148")],
        key_quotes=[SimpleNamespace(text="قول", speaker="ينس ستولتنبرغ")],
        dateline=SimpleNamespace(place="بروكسل", agency="أ ف ب"))
    article.dateline = None  # fall back to the analysed dateline
    data = article_jsonld(article, "https://x.org/briefs/a.html", "",
                          {"SITENAME": "موجز", "SITEURL": "https://x.org"})
    assert data["mentions"] == [{"@type": "Place", "name": "الصين",
                                 "sameAs": "https://www.wikidata.org/wiki/Q148",
                                 "url": "https://x.org/entities/cn.html"}]
    assert data["about"][0]["name"] == "الصين"
    assert data["hasPart"][0]["spokenByCharacter"]["name"] == "ينس ستولتنبرغ"
    assert data["dateline"] == "بروكسل"


def test_doctests() -> None:
    assert doctest.testmod(jsonld).failed == 0
