"""Speakers are entities: each attributed quote is resolved, through a mention, to an entity.

Attribution (:mod:`.attribution`) finds *who* in the words around a quote: a name («وقال
روتي»), a role or head noun («وقال المدافع الفرنسي», «وأوضحت الشركة»), or nothing but the
verb of a subject-less «وأضاف» that continues an earlier speaker. This step is the second
stage of the two-stage sieve attribution of Muzny et al. (2017, quote → mention → entity):
it ties that mention to one of the document's entities, so that «روتي», «مارك روتي» and
«Mark Rutte» are one speaker across the site. In order:

1. ``span``: an entity mention covers the words that named the speaker (its full name or
   the name at the quote);
2. ``name``: the speaker's name is an entity's name, alias or mention, or the surname of
   exactly one person of the document;
3. ``role``: a role or head noun refers back to an entity met before the quote. A body's
   head noun (الوزارة، الشركة، الوكالة) takes the latest organisation whose name holds that
   noun; a person's role (المدافع الفرنسي، الوزير) takes the latest person introduced with
   that role word just before the name («مدافع ريال مدريد الفرنسي فيرلان ميندي»), or the one
   person of the document met so far. Anything else stays unresolved: ``speaker`` is
   ``None``, never a guess;
4. ``new``: a name attribution read but no recogniser found becomes a person (or an
   organisation) of the document, so a speaker is always in ``Document.entities``.

Each quote's ``confidence`` is how often its attribution rule and its resolution step were
right on the demo gold (``tests/gold/quotes``, see ``SIEVE_CONFIDENCE``): a review step can
list the doubtful ones first. An entity's ``confidence`` follows the surest source that
found it (``SOURCE_CONFIDENCE``), more with more than one mention.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .entities.gazetteer import Gazetteer, default_gazetteer
from .entities.keys import name_key
from .entities.link import link_document
from .entities.model import EntityRef, Mention
from .lexicon import AR_ORG_HEADS
from .model import Quote, Span
from .overrides import find_words

# How often each attribution rule names the right speaker (demo gold, after resolution).
# Rules are named as :mod:`.attribution` names them; "+alias" resolutions share their rule's.
SIEVE_CONFIDENCE: dict[str, float] = {
    "editor": 1.0,
    "verb-subject": 0.95,
    "subject-verb": 0.9,
    "frame": 0.9,
    "alias": 0.85,
    "continuation": 0.85,
    "same-sentence": 0.9,
    "same-paragraph": 0.75,
    "role": 0.7,
}
# A step of resolution lowers it: a name matched only by its words, or a speaker that no
# recogniser found (the attribution's own name rule alone).
RESOLUTION_FACTOR: dict[str, float] = {"span": 1.0, "name": 0.95, "role": 1.0, "new": 0.8}
# How sure a mention is: one a gazetteer (or the editors' file) names, or by what found it
# (the tagger with its rules, English capitalisation, the dateline, a speaker's name).
LISTED_CONFIDENCE = 0.95
SOURCE_CONFIDENCE: dict[str, float] = {
    "gazetteer": 0.95, "dateline": 0.85, "tagger": 0.75, "caps": 0.7, "speaker": 0.75,
    "editor": 0.99,
}
DEFAULT_SOURCE_CONFIDENCE = 0.7
# A role word may stand this many characters before the name it introduces.
ROLE_REACH = 60
ROLE_TYPES = ("person", "organization")


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entity a quote's speaker is, and the step that found it."""

    entity: EntityRef
    step: str  # span | name | role | new


def _bare(word: str) -> str:
    """Return a role word's key without «ال» and a leading و/ف/ل/ب (as a name key)."""
    key = name_key(word)
    for prefix in ("وال", "فال", "بال", "لل", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return key[len(prefix):]
    return key


class DocumentEntities:
    """The document's entities, looked up by span, by name and by role."""

    def __init__(self, entities: Sequence[EntityRef]) -> None:
        self.entities = list(entities)
        self._mentions = sorted(
            ((mention, ref) for ref in self.entities for mention in ref.mentions),
            key=lambda item: item[0].start)
        self._starts = [mention.start for mention, _ in self._mentions]

    def by_span(self, span: Span | None) -> EntityRef | None:
        """Return the entity with the longest mention inside ``span`` (person first).

        A mention reaching past the words that name the speaker is another name, or a
        name the recogniser over-read («روتي فإن»): it does not count.
        """
        if span is None:
            return None
        best: tuple[int, bool, EntityRef] | None = None
        i = bisect.bisect_left(self._starts, span.start)
        for mention, ref in self._mentions[i:]:
            if mention.start >= span.end:
                break
            if mention.end > span.end:
                continue
            rank = (mention.end - mention.start, ref.type == "person")
            if best is None or rank > best[:2]:
                best = (*rank, ref)
        return best[2] if best else None

    def by_name(self, name: str) -> EntityRef | None:
        """Return the entity named ``name`` (name, alias or mention), or the one person
        whose name ends with it (a surname)."""
        key = name_key(name)
        for ref in self.entities:
            keys = {name_key(ref.name), *map(name_key, ref.aliases),
                    *(mention.key for mention in ref.mentions),
                    *(name_key(mention.text) for mention in ref.mentions)}
            if key in keys:
                return ref
        ending = [ref for ref in self.entities
                  if ref.type == "person" and name_key(ref.name).endswith(" " + key)]
        return ending[0] if len(ending) == 1 else None

    def by_role(self, role: str, text: str, before: int) -> EntityRef | None:
        """Return the entity a role or head noun before ``before`` refers back to."""
        head = _bare(role.split(" ", 1)[0])
        seen = [(mention, ref) for mention, ref in self._mentions if mention.end <= before]
        if head in {_bare(word) for word in AR_ORG_HEADS}:
            bodies = [ref for mention, ref in seen
                      if ref.type == "organization" and head in name_key(ref.name).split()]
            return bodies[-1] if bodies else None
        introduced = [ref for mention, ref in seen if ref.type == "person"
                      and head in {_bare(word) for word in
                                   text[max(0, mention.start - ROLE_REACH):mention.start].split()}]
        if introduced:
            return introduced[-1]
        people = {ref.id: ref for _, ref in seen if ref.type == "person"}
        return next(iter(people.values())) if len(people) == 1 else None

    def add(self, ref: EntityRef) -> EntityRef:
        """Add an entity the recogniser did not find (or return the one with its id)."""
        for known in self.entities:
            if known.id == ref.id:
                return known
        self.entities.append(ref)
        for mention in ref.mentions:
            index = bisect.bisect_left(self._starts, mention.start)
            self._starts.insert(index, mention.start)
            self._mentions.insert(index, (mention, ref))
        return ref


def _new_entity(text: str, quote: Quote, gazetteer: Gazetteer | None) -> EntityRef | None:
    """Return an entity for a speaker attribution named that no recogniser found: the
    gazetteer's when it knows the name («روتي» is مارك روتي), else one of the document's."""
    span = quote.speaker_span or quote.speaker_mention
    if not quote.speaker or span is None:
        return None
    kind = ("organization" if quote.speaker_role and quote.speaker_role.split(" ", 1)[0]
            in AR_ORG_HEADS else "person")
    key = name_key(quote.speaker)
    listed = (gazetteer or default_gazetteer()).lookup(tuple(key.split(" ")))
    mention = Mention(span.start, span.end, span.slice(text), kind, key, entity_id=listed,
                      token_start=span.start, source="speaker")
    (ref,) = link_document([mention], gazetteer=gazetteer)
    return ref


def _editor_entity(text: str, name: str, gazetteer: Gazetteer | None) -> EntityRef | None:
    """Return the entity of a speaker an editor named that the document's entities do not
    hold, where the name stands in the text (the gazetteer's entity if it knows the name)."""
    span = find_words(text, name)
    if span is None:
        return None
    key = name_key(name)
    listed = (gazetteer or default_gazetteer()).lookup(tuple(key.split(" ")))
    mention = Mention(span.start, span.end, span.slice(text), "person", key, entity_id=listed,
                      token_start=span.start, source="editor")
    (ref,) = link_document([mention], gazetteer=gazetteer)
    return ref


def resolve_quote(  # noqa: PLR0911 - one return a step
        text: str, quote: Quote, entities: DocumentEntities,
        gazetteer: Gazetteer | None = None) -> Resolution | None:
    """Return the entity who said ``quote`` and the step that found it, or None."""
    if quote.sieve == "editor":
        if not quote.speaker:
            return None
        found = entities.by_name(quote.speaker)
        new = None if found else _editor_entity(text, quote.speaker, gazetteer)
        return Resolution(found or entities.add(new), "name") if found or new else None
    if quote.speaker:
        found = entities.by_span(quote.speaker_span) or entities.by_span(quote.speaker_mention)
        if found is not None:
            return Resolution(found, "span")
        found = entities.by_name(quote.speaker)
        if found is not None:
            return Resolution(found, "name")
        new = _new_entity(text, quote, gazetteer)
        return Resolution(entities.add(new), "new") if new is not None else None
    if quote.speaker_role:
        found = entities.by_role(quote.speaker_role, text, quote.start)
        if found is not None and found.type in ROLE_TYPES:
            return Resolution(found, "role")
    return None


def quote_confidence(sieve: str | None, step: str) -> float:
    """Return how sure an attribution is, from its rule and its resolution step.

    >>> quote_confidence("verb-subject+alias", "span"), quote_confidence("role", "role")
    (0.95, 0.7)
    """
    rule = (sieve or "").split("+")[0]
    return round(SIEVE_CONFIDENCE.get(rule, 0.5) * RESOLUTION_FACTOR.get(step, 1.0), 2)


def resolve_speakers(text: str, quotes: Sequence[Quote], entities: Sequence[EntityRef],
                     gazetteer: Gazetteer | None = None,
                     ) -> tuple[list[Quote], tuple[EntityRef, ...]]:
    """Give every attributed quote its speaker entity; return the quotes and the entities.

    A quote already resolved (``speaker_id`` set) keeps its entity; one whose speaker cannot
    be resolved gets ``speaker = None``, except an editor's speaker, which stands even when
    the text never names it (then it has no entity). Entities gain the speakers no
    recogniser found and a ``confidence`` each.
    """
    known = DocumentEntities(entities)
    out = []
    for quote in quotes:
        if quote.fragment or quote.speaker_id:
            out.append(quote)
            continue
        resolution = resolve_quote(text, quote, known, gazetteer)
        if resolution is None and quote.sieve == "editor":
            # An editor's word stands, even for a speaker the text never names.
            out.append(replace(quote, confidence=1.0 if quote.speaker else None))
            continue
        if resolution is None:
            out.append(replace(quote, speaker=None, speaker_id=None, confidence=None))
            continue
        sieve = "role" if resolution.step == "role" else quote.sieve
        out.append(replace(quote, speaker=resolution.entity.name,
                           speaker_id=resolution.entity.id, sieve=sieve,
                           confidence=quote_confidence(sieve, resolution.step)))
    rated = tuple(sorted((replace(ref, confidence=entity_confidence(ref))
                          for ref in known.entities), key=lambda ref: ref.id))
    return out, rated


def entity_confidence(ref: EntityRef) -> float:
    """Return how sure an entity is: its surest source, more with more than one mention.

    >>> m = Mention(0, 4, "روتي", "person", "روتي", source="tagger")
    >>> entity_confidence(EntityRef("person:x", "روتي", "person", mentions=(m,)))
    0.75
    >>> entity_confidence(EntityRef("person:x", "روتي", "person", mentions=(m, m)))
    0.85
    """
    best = max((LISTED_CONFIDENCE if mention.entity_id else
                SOURCE_CONFIDENCE.get(mention.source, DEFAULT_SOURCE_CONFIDENCE)
                for mention in ref.mentions), default=DEFAULT_SOURCE_CONFIDENCE)
    if len(ref.mentions) > 1:
        best = min(0.99, best + 0.1)
    return round(best, 2)
