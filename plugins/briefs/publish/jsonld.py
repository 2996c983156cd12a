"""JSON-LD ``NewsArticle`` for a brief: a pure builder and a safe ``<script>`` serialiser.

Follows schema.org ``NewsArticle`` and Google's article guidelines: ISO 8601 dates with
their UTC offset, ``dateline``, the source agency as ``sourceOrganization`` (and author),
entities as ``about``/``mentions`` with Wikidata ``sameAs``, key quotes as ``Quotation``.
The Pelican side (:func:`article_jsonld`) only reads attributes, guarded, because the
brief's entity data is optional.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup

# Entity kinds of the briefs plugin → schema.org types; anything else is a Thing.
SCHEMA_TYPES = {
    "person": "Person", "per": "Person", "pers": "Person",
    "organization": "Organization", "organisation": "Organization", "org": "Organization",
    "place": "Place", "loc": "Place", "location": "Place", "gpe": "Place",
}
WIKIDATA = "https://www.wikidata.org/wiki/"


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity a brief mentions."""

    name: str
    kind: str
    url: str | None = None  # absolute URL of the entity's page
    wikidata: str | None = None  # a Q-id or a full URL
    in_headline: bool = False


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A key quote and who said it: the speaker entity, or a bare name an editor gave, or
    None when the speaker is unknown."""

    text: str
    speaker: str | None
    speaker_entity: EntityRef | None = None


def iso8601(value: datetime) -> str:
    """Return ``value`` in ISO 8601; a naive datetime is refused (readers need the offset).

    >>> from datetime import timezone
    >>> iso8601(datetime(2024, 11, 14, 10, 0, tzinfo=timezone.utc))
    '2024-11-14T10:00:00+00:00'
    """
    if value.tzinfo is None or value.utcoffset() is None:
        msg = f"{value!r} has no time zone: set TIMEZONE so dates carry their offset"
        raise ValueError(msg)
    return value.isoformat()


def entity_node(entity: EntityRef) -> dict[str, Any]:
    """Return the schema.org node of one entity.

    >>> entity_node(EntityRef("NATO", "organization", wikidata="Q7184"))
    {'@type': 'Organization', 'name': 'NATO', 'sameAs': 'https://www.wikidata.org/wiki/Q7184'}
    """
    node: dict[str, Any] = {"@type": SCHEMA_TYPES.get(entity.kind.lower(), "Thing"),
                            "name": entity.name}
    if entity.wikidata:
        node["sameAs"] = (entity.wikidata if entity.wikidata.startswith("http")
                          else WIKIDATA + entity.wikidata)
    if entity.url:
        node["url"] = entity.url
    return node


def news_article(
    *,
    headline: str,
    url: str,
    published: datetime,
    lang: str,
    publisher: str,
    publisher_url: str,
    modified: datetime | None = None,
    description: str = "",
    dateline: str | None = None,
    source: str | None = None,
    keywords: Iterable[str] = (),
    entities: Iterable[EntityRef] = (),
    quotes: Iterable[QuoteRef] = (),
    based_on: str | None = None,
) -> dict[str, Any]:
    """Return the JSON-LD ``NewsArticle`` of one brief as a plain dict.

    ``based_on`` is the original article's address (the brief's ``Url``): ``isBasedOn``.

    The source agency, when known, is both ``sourceOrganization`` and ``author`` (it wrote
    the story); the site is the ``publisher``. Entities named in the headline are what the
    brief is ``about``; every entity is in ``mentions``.
    """
    publisher_node = {"@type": "Organization", "name": publisher, "url": publisher_url}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": lang,
        "datePublished": iso8601(published),
        "dateModified": iso8601(modified or published),
        "publisher": publisher_node,
    }
    if description:
        data["description"] = description
    if based_on:
        data["isBasedOn"] = based_on
    if dateline:
        data["dateline"] = dateline
        data["locationCreated"] = {"@type": "Place", "name": dateline}
    if source:
        data["sourceOrganization"] = {"@type": "Organization", "name": source}
        data["author"] = [{"@type": "Organization", "name": source}]
    else:
        data["author"] = [publisher_node]
    keywords = [keyword for keyword in keywords if keyword]
    if keywords:
        data["keywords"] = keywords
    entities = list(entities)
    if entities:
        data["mentions"] = [entity_node(entity) for entity in entities]
        about = [entity_node(entity) for entity in entities if entity.in_headline]
        if about:
            data["about"] = about
    quotations = []
    for quote in quotes:
        node: dict[str, Any] = {"@type": "Quotation", "text": quote.text, "inLanguage": lang}
        if quote.speaker_entity is not None:
            node["spokenByCharacter"] = entity_node(quote.speaker_entity)
        elif quote.speaker:
            node["spokenByCharacter"] = {"@type": "Person", "name": quote.speaker}
        quotations.append(node)
    if quotations:
        data["hasPart"] = quotations
    return data


def jsonld_script(data: Mapping[str, Any]) -> Markup:
    """Serialise ``data`` into a ``<script type="application/ld+json">`` element.

    ``<``, ``>`` and ``&`` are escaped as ``\\u003c``-style sequences, so text from an
    article can never close the script or open a comment.

    >>> print(jsonld_script({"headline": "</script><b>"}))
    <script type="application/ld+json">{"headline":"\\u003c/script\\u003e\\u003cb\\u003e"}</script>
    """
    # Without the spaces after "," and ":": a brief's 20-40 mentions are a sixth of its page.
    text = json.dumps(dict(data), ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def article_jsonld(article: object, url: str, description: str,
                   context: Mapping[str, Any]) -> dict[str, Any]:
    """Read a Pelican article (and its ``brief``, if any) into :func:`news_article`.

    ``url`` is the brief's canonical URL; entity URLs are joined to ``SITEURL``. The
    template passes ``description`` (the summary): a plugin never reads ``article.summary``.
    """
    brief = getattr(article, "brief", None)
    # Titles are plain text (briefs.pelican.intake): only white space is folded.
    title = " ".join(str(getattr(article, "title", "")).split())
    dateline = getattr(article, "dateline", None)
    if not dateline and getattr(brief, "dateline", None) is not None:
        dateline = getattr(brief.dateline, "place", None)
    siteurl = str(context.get("SITEURL") or "")
    def ref(entity: object) -> EntityRef:
        return EntityRef(name=str(entity.name), kind=str(getattr(entity, "kind", "") or ""),
                         # Entity URLs are relative to SITEURL, like every Pelican URL.
                         url=f"{siteurl}/{entity.url}" if getattr(entity, "url", None) else None,
                         wikidata=getattr(entity, "wikidata", None),
                         in_headline=bool(entity.name) and str(entity.name) in title)

    entities = [ref(entity) for entity in getattr(brief, "entities", None) or ()]
    quotes = [QuoteRef(text=str(quote.text), speaker=getattr(quote, "speaker", None),
                       speaker_entity=(ref(quote.speaker_entity)
                                       if getattr(quote, "speaker_entity", None) else None))
              for quote in getattr(brief, "key_quotes", None) or ()]
    return news_article(
        headline=title,
        url=url,
        published=article.date,
        modified=getattr(article, "modified", None),
        lang=str(getattr(article, "lang", "") or context.get("DEFAULT_LANG", "")),
        publisher=_plain(str(context.get("SITENAME", ""))),
        publisher_url=f"{siteurl}/",
        description=_plain(description),
        dateline=str(dateline) if dateline else None,
        source=str(article.source) if getattr(article, "source", None) else None,
        keywords=[str(tag) for tag in getattr(article, "tags", None) or ()],
        entities=entities,
        quotes=quotes,
        based_on=str(getattr(article, "source_url", "") or "") or None,
    )


def _plain(html: str) -> str:
    return " ".join(Markup(html).striptags().split())
