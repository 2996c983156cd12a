"""The site-wide entity index: which briefs mention whom, what people said, who goes with whom.

Pure and deterministic (no Pelican): built from one record per brief after every brief has
been analysed, so that brief bodies can link to entity pages whose ids and slugs are final.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from briefs.analysis.entities import Entity, EntityRef, Gazetteer, merge_site, name_key
from briefs.analysis.model import Quote

#: Order of the types on index pages and in a brief's sidebar.
TYPE_ORDER = ("person", "organization", "place")
#: How many companion entities an entity page lists.
COMPANIONS = 10


@dataclass(frozen=True, slots=True)
class BriefRecord:
    """What the index needs to know about one brief."""

    key: str  # unique per brief (its URL)
    date: datetime
    refs: tuple[EntityRef, ...]
    quotes: tuple[Quote, ...] = ()
    title: str = ""
    tags: tuple[str, ...] = ()
    lead_end: int = 0  # where the lead paragraph ends in the brief's text
    dateline_end: int = 0  # where the dateline («بروكسل (أ ف ب) –») ends, 0 if none
    pinned: tuple[str, ...] = ()  # keys of briefs an editor links to this one
    forbidden: tuple[str, ...] = ()  # keys of briefs an editor forbids linking


@dataclass(frozen=True, slots=True)
class EntityBrief:
    """One brief on an entity's page, with how often it mentions the entity."""

    key: str
    mentions: int


@dataclass(frozen=True, slots=True)
class SpokenQuote:
    """A quote a person (or organisation) said in one brief."""

    key: str
    text: str


@dataclass(frozen=True, slots=True)
class IndexedEntity:
    """A site entity with everything its page shows."""

    entity: Entity
    briefs: tuple[EntityBrief, ...]  # newest first
    quotes: tuple[SpokenQuote, ...]  # in the order of ``briefs``, then of the text
    companions: tuple[tuple[str, int], ...]  # (entity id, briefs shared), most first

    @property
    def mention_count(self) -> int:
        """Return how many times the entity is mentioned across the site."""
        return sum(brief.mentions for brief in self.briefs)


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Every entity of the site, sorted for an index page, with per-brief lookups."""

    entities: tuple[IndexedEntity, ...]
    site_id_of: Mapping[str, str] = field(default_factory=dict)  # ref id -> site entity id
    by_id: Mapping[str, IndexedEntity] = field(default_factory=dict)

    def of_type(self, kind: str) -> list[IndexedEntity]:
        """Return the entities of one type, in index order."""
        return [item for item in self.entities if item.entity.type == kind]


def sort_key(name: str) -> tuple[str, str]:
    """Sort Arabic names alphabetically: alef and hamza forms folded, a leading ال ignored.

    Unicode orders the Arabic letters as the alphabet does (ا ب ت ث … ه و ي), so the
    normalised key sorts correctly once the article ال no longer files «الصين» under alef.

    >>> sorted(["الصين", "أوكرانيا", "بروكسل", "إيران", "Zelensky"], key=sort_key)
    ['Zelensky', 'أوكرانيا', 'إيران', 'بروكسل', 'الصين']
    """
    key = name_key(name)
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    return key, name


def display_name(entity: Entity, lang: str | None) -> str:
    """Return an entity's name in a page's language when it has one (a person met in
    Arabic and English briefs has both), else its name.

    >>> display_name(Entity("person:x", "x", "أليكس", "person", {"ar": "أليكس", "en": "Alex"}),
    ...              "en-GB")
    'Alex'
    """
    base = (lang or "").replace("_", "-").split("-")[0].lower()
    return entity.names.get(base) or entity.name


def _spoken_quotes(record: BriefRecord) -> dict[str, list[SpokenQuote]]:
    """Return the brief's quotes by the id of the entity that said them, in their order."""
    spoken: dict[str, list[SpokenQuote]] = {}
    for quote in record.quotes:
        if quote.speaker_id and not quote.fragment:
            spoken.setdefault(quote.speaker_id, []).append(SpokenQuote(record.key, quote.text))
    return spoken


def build_entity_index(
    records: Iterable[BriefRecord], *, gazetteer: Gazetteer | None = None
) -> EntityIndex:
    """Merge every brief's entities and index them."""
    ordered = sorted(records, key=lambda record: (record.date, record.key), reverse=True)
    entities = merge_site([(record.key, record.refs) for record in ordered], gazetteer=gazetteer)
    site_id_of = {ref_id: entity.id for entity in entities for ref_id in entity.ref_ids}

    mentions: dict[str, Counter[str]] = defaultdict(Counter)  # entity id -> brief -> count
    quotes: dict[str, list[SpokenQuote]] = defaultdict(list)
    brief_entities: dict[str, set[str]] = defaultdict(set)
    for record in ordered:
        spoken = _spoken_quotes(record)
        for ref in record.refs:
            site_id = site_id_of.get(ref.id)
            if site_id is None:
                continue
            mentions[site_id][record.key] += len(ref.mentions)
            brief_entities[record.key].add(site_id)
            quotes[site_id].extend(spoken.get(ref.id, ()))

    order = {record.key: position for position, record in enumerate(ordered)}
    indexed = []
    for entity in entities:
        companions: Counter[str] = Counter()
        for brief in mentions[entity.id]:
            companions.update(brief_entities[brief])
        del companions[entity.id]  # (every brief of it names it)
        top = sorted(companions.items(), key=lambda item: (-item[1], item[0]))[:COMPANIONS]
        briefs = sorted(mentions[entity.id].items(), key=lambda item: order[item[0]])
        indexed.append(IndexedEntity(
            entity=entity,
            briefs=tuple(EntityBrief(key, count) for key, count in briefs),
            quotes=tuple(quotes[entity.id]),
            companions=tuple(top),
        ))
    indexed.sort(key=lambda item: (_type_rank(item.entity.type), sort_key(item.entity.name),
                                   item.entity.id))
    return EntityIndex(entities=tuple(indexed), site_id_of=site_id_of,
                       by_id={item.entity.id: item for item in indexed})


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """The entities of one type, for the index page and a brief's sidebar."""

    kind: str
    entities: tuple[Any, ...]


def group_by_type(items: Sequence[Any]) -> list[EntityGroup]:
    """Group objects with a ``kind`` attribute in :data:`TYPE_ORDER`, keeping their order."""
    groups = [EntityGroup(kind, tuple(item for item in items if item.kind == kind))
              for kind in TYPE_ORDER]
    return [group for group in groups if group.entities]


def _type_rank(kind: str) -> int:
    return TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER)


def brief_entities(
    index: EntityIndex, refs: Sequence[EntityRef]
) -> list[tuple[IndexedEntity, int]]:
    """Return one brief's entities with their mention counts, grouped by type, most first."""
    counts: Counter[str] = Counter()
    for ref in refs:
        site_id = index.site_id_of.get(ref.id)
        if site_id is not None:
            counts[site_id] += len(ref.mentions)
    items = [(index.by_id[site_id], count) for site_id, count in counts.items()]
    items.sort(key=lambda item: (_type_rank(item[0].entity.type), -item[1],
                                 sort_key(item[0].entity.name)))
    return items
