"""Records of the entity package: gazetteer entries, mentions, per-document refs, site entities."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..pickling import pickled_by_arguments

#: Product entity types.
TYPES = ("person", "organization", "place")

#: ANERcorp tag types → product types (MISC has no product type and is dropped).
TAG_TO_TYPE = {"PERS": "person", "ORG": "organization", "LOC": "place"}
TYPE_TO_TAG = {v: k for k, v in TAG_TO_TYPE.items()}


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer entity: stable id, type, display names and aliases."""

    id: str
    type: str
    name_ar: str = ""
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    description: str = ""
    source: str = ""
    #: Bare forms that name this entity only in a sports report (الهلال, النصر, الأهلي).
    sport_aliases: tuple[str, ...] = ()
    #: Another entry written with the same letters once the vowels are dropped (عمّان, the
    #: city, is «عمان» as عُمان, the country, is; the other entry wins the bare name): this
    #: entry names a document's «عمان» when one of ``evidence`` (entity ids: place:JO) is
    #: named in it too.
    reading_of: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """All surface names: Arabic, English, then aliases (non-empty, in order)."""
        return tuple(n for n in (self.name_ar, self.name_en, *self.aliases) if n)

    def name(self, lang: str) -> str:
        """Return the display name in ``lang`` ('ar' or 'en'), falling back to the other."""
        if lang == "ar":
            return self.name_ar or self.name_en or self.id
        return self.name_en or self.name_ar or self.id


@pickled_by_arguments(interned=("text", "type", "key", "entity_id", "source"))
@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a text.

    ``start``/``end`` cover the *name part* in the original string, without a
    proclitic (in «وكوريا الشمالية» the mention is «كوريا الشمالية»);
    ``token_start`` is where the first whole token begins (for linking the whole
    word). ``key`` is the normalised, clitic-stripped key used for the index.
    ``entity_id`` is set when a gazetteer or the document's earlier mentions identify it.
    ``source`` says what found it: ``gazetteer``, ``crf``, ``rule``, ``document``, ``caps``.
    """

    start: int
    end: int
    text: str
    type: str
    key: str
    entity_id: str | None = None
    token_start: int = -1
    source: str = ""


@pickled_by_arguments(interned=("id", "name", "type"))
@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity as found in one document, with its mentions."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    confidence: float | None = None  # how sure the analysis is (briefs.analysis.coreference)


def with_shared_strings(refs: tuple[EntityRef, ...]) -> tuple[EntityRef, ...]:
    """Return ``refs`` with one string object for each distinct id, name, type, key and source.

    A brief's mentions repeat a few names and the same types, ids and sources, each its own
    copy of the characters: a quarter of an analysis's memory when a build holds 10,000 of
    them. Equal strings made one object stay one in a pickle (its memo), so the analyses
    read back from the cache share them too, and their pickles are a sixth smaller.

    >>> refs = (EntityRef("place:gaza", "غزة", "place", mentions=(
    ...     Mention(0, 3, "غزة", "place", "غزه"), Mention(9, 12, "".join(["غ", "زة"]), "place",
    ...                                                  "غزه"))),)
    >>> shared = with_shared_strings(refs)
    >>> shared == refs, shared[0].mentions[0].text is shared[0].mentions[1].text
    (True, True)
    """
    pool: dict[str, str] = {}
    one = pool.setdefault

    def mention(m: Mention) -> Mention:
        return Mention(start=m.start, end=m.end, text=one(m.text, m.text),
                       type=one(m.type, m.type), key=one(m.key, m.key),
                       entity_id=m.entity_id and one(m.entity_id, m.entity_id),
                       token_start=m.token_start, source=one(m.source, m.source))

    return tuple(
        EntityRef(id=one(ref.id, ref.id), name=one(ref.name, ref.name),
                  type=one(ref.type, ref.type),
                  aliases=tuple(one(alias, alias) for alias in ref.aliases),
                  mentions=tuple(mention(m) for m in ref.mentions), confidence=ref.confidence)
        for ref in refs)


@dataclass(frozen=True, slots=True)
class Entity:
    """A site-wide entity: the merge of the refs of all documents."""

    id: str
    slug: str
    name: str
    type: str
    names: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    mention_count: int = 0
    wikidata: str | None = None
    description: str = ""
    ref_ids: tuple[str, ...] = ()  # the per-document ref ids merged into this entity
