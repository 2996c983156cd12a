"""The site-wide index of briefs: entities, related briefs and story threads (pure).

Built once all briefs are analysed, from one :class:`~briefs.site.entities.BriefRecord` per
brief. Related briefs are scored on *site* entity ids, so an Arabic and an English brief
about the same people link, whatever the language of their names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from briefs.analysis.entities import Gazetteer, name_key
from briefs.analysis.model import Document
from briefs.site.entities import BriefRecord, EntityIndex, build_entity_index
from briefs.site.related import (
    BriefFeatures,
    EntityUse,
    Related,
    RelatedConfig,
    StoryThread,
    related_and_threads,
)


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """Everything the pages need to know about the whole site."""

    entities: EntityIndex
    related: Mapping[str, list[Related]]
    threads: Mapping[str, StoryThread]


def record_of(document: Document, *, key: str, date: datetime, title: str, tags: Sequence[str],
              pinned: Sequence[str] = (), forbidden: Sequence[str] = ()) -> BriefRecord:
    """Return what the site index needs to know about one analysed brief."""
    return BriefRecord(
        key=key, date=date, refs=document.entities, quotes=document.quotes, title=title,
        tags=tuple(tags),
        lead_end=document.paragraphs[0].end if document.paragraphs else 0,
        dateline_end=document.dateline.span.end if document.dateline else 0,
        pinned=tuple(pinned), forbidden=tuple(forbidden),
    )


def brief_features(record: BriefRecord, index: EntityIndex) -> BriefFeatures:
    """Describe one brief for the related-briefs scoring, on site entity ids.

    An entity is prominent when a mention stands in the lead paragraph or one of its
    names appears in the title. Mentions inside the dateline do not count: every wire story
    names its agency there, which says nothing about the story.
    """
    title_key = f" {name_key(record.title)} "
    counts: Counter[str] = Counter()
    prominent: set[str] = set()
    for ref in record.refs:
        site_id = index.site_id_of.get(ref.id)
        mentions = [m for m in ref.mentions if m.start >= record.dateline_end]
        if site_id is None or not mentions:
            continue
        counts[site_id] += len(mentions)
        names = {ref.name, *ref.aliases, *(mention.text for mention in mentions)}
        if any(mention.start < record.lead_end for mention in mentions) or any(
                f" {name_key(name)} " in title_key for name in names if name):
            prominent.add(site_id)
    uses = tuple(
        EntityUse(entity_id=site_id, kind=index.by_id[site_id].entity.type, mentions=count,
                  prominent=site_id in prominent)
        for site_id, count in sorted(counts.items())
    )
    return BriefFeatures(key=record.key, date=record.date, entities=uses, tags=record.tags,
                         pinned=record.pinned, forbidden=record.forbidden)


def index_site(records: Sequence[BriefRecord], *, gazetteer: Gazetteer | None = None,
               related_config: RelatedConfig | None = None) -> SiteIndex:
    """Index the entities of every brief, then find each brief's related briefs and thread."""
    entities = build_entity_index(records, gazetteer=gazetteer)
    features = [brief_features(record, entities) for record in records]
    related, threads = related_and_threads(features, related_config)
    return SiteIndex(entities=entities, related=related, threads=threads)
