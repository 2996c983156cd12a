"""Related briefs and story threads: the pure core (no Pelican import).

Ported from Hugo's related content (``related/inverted_index.go``): one inverted index over the
briefs' keys, a weight per field, a threshold, and keys used by too many documents dropped.
What we do differently, and why:

**The brief vector.** Every kept key ``f`` of brief ``a`` (an entity id, or ``"tag:<name>"``)
gets ``v_a(f) = sqrt(W_kind) * r(f) * s_a(f)`` where

* ``W_kind`` is the field weight (person 100, organization 80, place 60, tag 40);
* ``r(f) = log(1 + N/df) / log(1 + N)`` is the rarity of the key across the site (IDF scaled to
  ``(0, 1]``: 1 for a key only this brief uses), ``N`` the number of briefs that have entities;
* ``s_a(f)`` is the salience of the key in the brief: 1 if prominent (title or lead), otherwise
  ``0.3 + 0.2 * (mentions - 1)`` capped at 1; tags count as fully salient.

**The pair score** is the dot product of the two vectors times a date factor::

    score(a, b) = t(|date_a - date_b|) * sum over shared f of  W_kind * r(f)**2 * s_a(f) * s_b(f)
    t(d)        = floor + (1 - floor) * 2 ** (-d / half_life)        (0.5, 30 days by default)

so each shared key counts by its field, by its rarity *squared* (it is rare on both sides, as in
TF-IDF cosine), and by its salience in *both* briefs: a key entity of both counts fully, a key
entity of one that the other mentions once counts 0.3, a passing mention on both sides 0.09.
The score is symmetric by construction and summed with ``math.fsum``, so
``score(a, b) == score(b, a)`` exactly. A link needs ``score >= min_score`` (40), and optionally a
cosine ``score / (|v_a| |v_b|) >= min_cosine`` (off by default).

**Why this separates stories.** A place weighs 60, so one shared place links on its own only
if it is key to both briefs and very rare (``r >= 0.82``: the site of one event), never a country.
A common country or a much-covered leader has a small ``r``, and squaring makes it smaller:
"Russia" (r ~ 0.4) and "Putin" (r ~ 0.45) key to an OPEC+ brief and to a war brief add up to
about 30. Cross-story pairs in news mostly share *passing* mentions (a spokesman quoted in both,
an agency, a list of countries), which the salience product all but cancels. A person key to
both briefs passes alone when rare (``r >= 0.63``); a person and a place of middling rarity key to
both pass together when the briefs are close in time; the date factor takes links months apart
towards half weight. Older and newer briefs both count (unlike Hugo's default). The defaults
were checked on the gold stories of ``tests/gold`` (``eval/related.py``).

**Too-common keys.** As in Hugo's ``cardinalityThreshold``, a key used by more than
``max_share`` of the briefs (0.5) is dropped, but only once the site has ``max_share_min_briefs``
(20) briefs with entities: in a site of four briefs, "two of them mention NATO" says nothing.

**Cost.** Scoring walks the postings of the inverted index: for brief ``a`` and each of its
*proposing* keys, every *later* brief in the posting list gets ``v_a * v_c`` added (each
unordered pair is scored once); the other shared keys are then added only for candidates whose
upper bound can still reach ``min_score``. Two kinds of key do not propose:

* prefix filtering (as in all-pairs similarity search): the commonest keys of ``a`` whose best
  possible contributions sum to less than ``min_score`` cannot make a link alone. This is exact;
* keys used by more than ``seed_max_postings`` (100) briefs. This bounds the walk by
  ``N * keys_per_brief * seed_max_postings``, so it grows linearly, with no N x N matrix. The
  price: two briefs whose shared keys are *all* used by more than 100 briefs are never linked
  (such keys do not identify a story); those keys still add to links found otherwise.

**Editors.** ``pinned`` keys always appear first, in the given order, even beyond
``max_related``, when the brief exists; ``forbidden`` removes a computed link in both directions
(and wins over a pin in the same brief). :func:`unknown_references` lists pins and forbids that
name no brief. A brief without entities gets no computed links (its pins still show).

**Order.** Score descending, then date descending (newer first), then key: deterministic and
independent of the input order.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import Literal

__all__ = [
    "BriefFeatures",
    "EntityUse",
    "Related",
    "RelatedConfig",
    "StoryThread",
    "related_briefs",
    "story_threads",
    "unknown_references",
]

TAG_PREFIX = "tag:"
_EPSILON = 1e-9
_SECONDS_PER_DAY = 86400.0


@dataclass(frozen=True, slots=True)
class EntityUse:
    """One entity as used by one brief."""

    entity_id: str  # e.g. "person:mark-rutte", "place:KP", "organization:nato"
    kind: str  # "person" | "organization" | "place"
    mentions: int  # mention count in the brief
    prominent: bool  # in the title or the lead paragraph


@dataclass(frozen=True, slots=True)
class BriefFeatures:
    """What the related-briefs scoring knows about one brief."""

    key: str  # stable id (the brief's slug/URL)
    date: datetime
    entities: tuple[EntityUse, ...]
    tags: tuple[str, ...] = ()
    pinned: tuple[str, ...] = ()  # keys an editor forces as related
    forbidden: tuple[str, ...] = ()  # keys an editor forbids


@dataclass(frozen=True, slots=True)
class RelatedConfig:
    """Weights and thresholds of the related-briefs scoring (see the module docstring).

    Attributes:
        person_weight, organization_weight, place_weight: field weights of entity kinds.
        other_weight: weight of an entity of any other kind.
        tag_weight: weight of a shared tag (tags are ids ``"tag:<name>"``, case-folded).
        max_share: drop keys used by more than this share of the briefs with entities ...
        max_share_min_briefs: ... but only when there are at least this many such briefs.
        seed_max_postings: keys used by more briefs than this only strengthen links that rarer
            keys found; they never propose a link themselves (keeps the cost linear).
        min_score: the least score for a computed link.
        min_cosine: the least cosine between the two brief vectors (0 disables the check).
        date_half_life_days: days apart at which the date factor is halfway to its floor.
        date_floor: the date factor for briefs very far apart (1 disables the date decay).
        salience_base, salience_step: salience of a non-prominent entity with one mention,
            and what each further mention adds (capped at 1).
        max_related: how many computed links a brief shows (pins come on top if needed).
        thread_window_days: how far before and after a brief its story thread reaches.
        thread_main_entities: how many of a brief's strongest entities define its thread.
    """

    person_weight: float = 100.0
    organization_weight: float = 80.0
    place_weight: float = 60.0
    other_weight: float = 40.0
    tag_weight: float = 40.0
    max_share: float = 0.5
    max_share_min_briefs: int = 20
    seed_max_postings: int = 100
    min_score: float = 40.0
    min_cosine: float = 0.0
    date_half_life_days: float = 30.0
    date_floor: float = 0.5
    salience_base: float = 0.3
    salience_step: float = 0.2
    max_related: int = 5
    thread_window_days: float = 14.0
    thread_main_entities: int = 2

    def __post_init__(self) -> None:
        """Reject values the scoring cannot use, naming the field."""
        for name in ("person_weight", "organization_weight", "place_weight", "other_weight",
                     "tag_weight", "min_score", "min_cosine", "thread_window_days"):
            if getattr(self, name) < 0:
                msg = f"RelatedConfig.{name} must not be negative, got {getattr(self, name)!r}"
                raise ValueError(msg)
        checks = {
            "max_share": 0 < self.max_share <= 1,
            "date_floor": 0 <= self.date_floor <= 1,
            "date_half_life_days": self.date_half_life_days > 0,
            "salience_base": 0 < self.salience_base <= 1,
            "salience_step": self.salience_step >= 0,
            "max_share_min_briefs": self.max_share_min_briefs >= 0,
            "seed_max_postings": self.seed_max_postings >= 1,
            "max_related": self.max_related >= 0,
            "thread_main_entities": self.thread_main_entities >= 1,
        }
        for name, ok in checks.items():
            if not ok:
                msg = f"RelatedConfig.{name} is out of range: {getattr(self, name)!r}"
                raise ValueError(msg)

    def kind_weight(self, kind: str) -> float:
        """Return the field weight of an entity kind (``other_weight`` if unknown)."""
        return {
            "person": self.person_weight,
            "organization": self.organization_weight,
            "place": self.place_weight,
        }.get(kind, self.other_weight)

    def salience(self, mentions: int, prominent: bool) -> float:
        """Return how central an entity is to one brief, in ``(0, 1]``.

        >>> RelatedConfig().salience(1, False), RelatedConfig().salience(1, True)
        (0.3, 1.0)
        """
        if prominent:
            return 1.0
        return min(1.0, self.salience_base + self.salience_step * (max(1, mentions) - 1))

    def date_factor(self, days_apart: float) -> float:
        """Return the multiplier for two briefs ``days_apart`` days apart.

        >>> RelatedConfig().date_factor(0.0), RelatedConfig().date_factor(30.0)
        (1.0, 0.75)
        """
        decay = 2.0 ** (-abs(days_apart) / self.date_half_life_days)
        return self.date_floor + (1.0 - self.date_floor) * decay


@dataclass(frozen=True, slots=True)
class Related:
    """One related brief, with the reasons for the link."""

    key: str
    score: float
    shared: tuple[str, ...]  # shared entity ids and "tag:<name>", strongest first
    pinned: bool = False  # put there by an editor


@dataclass(frozen=True, slots=True)
class StoryThread:
    """The briefs of one story around a brief, in date order."""

    key: str
    main: tuple[str, ...]  # the brief's main entity ids, which every member shares
    members: tuple[str, ...]  # keys in date order, the brief itself included
    previous: str | None
    next: str | None


# --------------------------------------------------------------------------- the index


@dataclass(frozen=True, slots=True)
class _Index:
    """Per-brief vectors and the inverted index over them (positions follow sorted keys)."""

    keys: tuple[str, ...]
    days: tuple[float, ...]
    vectors: tuple[dict[str, float], ...]  # key -> v_a(key), kept keys only
    norms: tuple[float, ...]
    seeds: tuple[tuple[tuple[str, float], ...], ...]  # keys that propose candidates
    boosts: tuple[dict[str, float], ...]  # kept keys that do not propose
    boost_caps: tuple[float, ...]  # the most the boost keys can add to a pair
    boost_keys: tuple[frozenset[str], ...]
    keysets: tuple[frozenset[str], ...]  # the keys of each vector
    postings: dict[str, tuple[tuple[int, ...], tuple[float, ...]]]  # seed keys only
    entity_keys: frozenset[str]  # kept keys that are entities (not tags)
    forbidden: tuple[frozenset[str], ...]


def _day_number(moment: datetime) -> float:
    """Return days since the epoch; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp() / _SECONDS_PER_DAY


def _tag_id(tag: str) -> str:
    """Return the key id of a tag (case-folded, inner spaces collapsed)."""
    return TAG_PREFIX + " ".join(tag.split()).casefold()


def _raw_features(brief: BriefFeatures, config: RelatedConfig) -> dict[str, tuple[float, float]]:
    """Return key id -> (field weight, salience) of one brief; repeated entities merge."""
    mentions: dict[str, int] = {}
    prominent: dict[str, bool] = {}
    kinds: dict[str, str] = {}
    for use in brief.entities:
        mentions[use.entity_id] = mentions.get(use.entity_id, 0) + max(1, use.mentions)
        prominent[use.entity_id] = prominent.get(use.entity_id, False) or use.prominent
        kinds.setdefault(use.entity_id, use.kind)
    raw = {
        entity: (config.kind_weight(kinds[entity]),
                 config.salience(count, prominent[entity]))
        for entity, count in mentions.items()
    }
    for tag in brief.tags:
        if tag.strip():
            raw.setdefault(_tag_id(tag), (config.tag_weight, 1.0))
    return raw


def _check_keys(briefs: Sequence[BriefFeatures]) -> list[BriefFeatures]:
    """Return the briefs sorted by key; raise ``ValueError`` on a repeated key."""
    ordered = sorted(briefs, key=lambda brief: brief.key)
    for before, after in pairwise(ordered):
        if before.key == after.key:
            msg = f"two briefs have the key {after.key!r}"
            raise ValueError(msg)
    return ordered


def _rarities(raws: Sequence[dict[str, tuple[float, float]]], config: RelatedConfig
              ) -> tuple[dict[str, float], dict[str, int]]:
    """Return key -> rarity ``r`` (kept keys only) and key -> document frequency."""
    document_frequency: dict[str, int] = {}
    for raw in raws:
        for key_id in raw:
            document_frequency[key_id] = document_frequency.get(key_id, 0) + 1
    with_entities = sum(1 for raw in raws if raw)
    limit = with_entities * config.max_share
    apply_share = with_entities >= config.max_share_min_briefs
    log_scale = math.log1p(with_entities) if with_entities else 1.0
    rarity = {
        key_id: math.log1p(with_entities / df) / log_scale
        for key_id, df in document_frequency.items()
        if not (apply_share and df > limit)
    }
    return rarity, document_frequency


def _vector(raw: dict[str, tuple[float, float]], rarity: dict[str, float],
            document_frequency: dict[str, int]) -> tuple[dict[str, float], float]:
    """Return a brief's vector over shared kept keys, and its norm over all kept keys."""
    vector: dict[str, float] = {}
    squares: list[float] = []
    for key_id in sorted(raw):
        r = rarity.get(key_id)
        if r is None:
            continue
        field_weight, salience = raw[key_id]
        value = math.sqrt(field_weight) * salience * r
        squares.append(value * value)
        if document_frequency[key_id] >= 2:  # a key no other brief has links nothing
            vector[key_id] = value
    return vector, math.sqrt(math.fsum(squares))


def _proposing(vector: dict[str, float], largest: dict[str, float],
               document_frequency: dict[str, int], bar: float) -> set[str]:
    """Return the keys of a brief that must propose candidates (prefix filtering).

    The commonest keys whose best possible contributions add up to less than ``bar``
    cannot make a link on their own, so they only strengthen candidates found otherwise.
    """
    tail_bound = 0.0
    proposing: set[str] = set()
    for key_id in sorted(vector, key=lambda k: (-document_frequency[k], k)):
        bound = vector[key_id] * largest[key_id]
        if proposing or tail_bound + bound >= bar:
            proposing.add(key_id)
        else:
            tail_bound += bound
    return proposing


def _build_index(briefs: Sequence[BriefFeatures], config: RelatedConfig) -> _Index:
    """Build the brief vectors and the inverted index."""
    ordered = _check_keys(briefs)
    raws = [_raw_features(brief, config) if brief.entities else {} for brief in ordered]
    rarity, document_frequency = _rarities(raws, config)
    vectors, norms = [], []
    for raw in raws:
        vector, norm = _vector(raw, rarity, document_frequency)
        vectors.append(vector)
        norms.append(norm)
    largest: dict[str, float] = {}
    for vector in vectors:
        for key_id, value in vector.items():
            largest[key_id] = max(value, largest.get(key_id, 0.0))
    bar = config.min_score * (1.0 - _EPSILON)
    seeds: list[tuple[tuple[str, float], ...]] = []
    boosts: list[dict[str, float]] = []
    boost_caps: list[float] = []
    posting_lists: dict[str, tuple[list[int], list[float]]] = {}
    for position, vector in enumerate(vectors):
        proposing = _proposing(vector, largest, document_frequency, bar)
        seed_items = tuple((k, v) for k, v in vector.items()
                           if k in proposing and document_frequency[k] <= config.seed_max_postings)
        seeds.append(seed_items)
        seed_keys = {k for k, _ in seed_items}
        boost_items = {k: v for k, v in vector.items() if k not in seed_keys}
        boosts.append(boost_items)
        boost_caps.append(math.fsum(v * largest[k] for k, v in boost_items.items()))
        for key_id, value in vector.items():
            if document_frequency[key_id] <= config.seed_max_postings:
                positions, values = posting_lists.setdefault(key_id, ([], []))
                positions.append(position)
                values.append(value)
    return _Index(
        keys=tuple(brief.key for brief in ordered),
        days=tuple(_day_number(brief.date) for brief in ordered),
        vectors=tuple(vectors),
        norms=tuple(norms),
        seeds=tuple(seeds),
        boosts=tuple(boosts),
        boost_caps=tuple(boost_caps),
        boost_keys=tuple(frozenset(b) for b in boosts),
        keysets=tuple(frozenset(v) for v in vectors),
        postings={k: (tuple(p), tuple(v)) for k, (p, v) in posting_lists.items()},
        entity_keys=frozenset(k for k in largest if not k.startswith(TAG_PREFIX)),
        forbidden=tuple(frozenset(brief.forbidden) for brief in ordered),
    )


def _score(index: _Index, a: int, b: int, config: RelatedConfig) -> float:
    """Return the exact score of two briefs.

    Symmetric: the products are commutative and ``math.fsum`` does not depend on the order.
    """
    va, vb = index.vectors[a], index.vectors[b]
    base = math.fsum(va[k] * vb[k] for k in va.keys() & vb.keys())
    return base * config.date_factor(index.days[a] - index.days[b])


def _reasons(index: _Index, a: int, b: int) -> tuple[str, ...]:
    """Return the keys two briefs share, strongest contribution first, then by id."""
    va, vb = index.vectors[a], index.vectors[b]
    return tuple(sorted(va.keys() & vb.keys(), key=lambda k: (-va[k] * vb[k], k)))


def _passes(index: _Index, a: int, b: int, score: float, config: RelatedConfig) -> bool:
    """Say whether a computed pair clears the score and cosine thresholds."""
    if score < config.min_score or score <= 0:
        return False
    if config.min_cosine <= 0:
        return True
    base = score / config.date_factor(index.days[a] - index.days[b])
    return base >= config.min_cosine * index.norms[a] * index.norms[b]


def _candidates(
    index: _Index, a: int, bar: float, scratch: list[float]
) -> list[tuple[int, float]]:
    """Return ``(b, dot product)`` for later briefs ``b`` that may reach ``bar`` with ``a``.

    Walks the postings of ``a``'s proposing keys, accumulating into ``scratch`` (one slot per
    brief, all zero between calls), then adds the other shared keys only for candidates whose
    upper bound can still reach the bar.
    """
    touched: set[int] = set()
    for key_id, value in index.seeds[a]:
        positions, values = index.postings[key_id]
        start = bisect_right(positions, a)
        later = positions[start:]
        touched.update(later)
        for other, other_value in zip(later, values[start:], strict=True):
            scratch[other] += value * other_value
    boosts, cap = index.boosts[a], index.boost_caps[a]
    boost_keys, keysets, vectors = index.boost_keys[a], index.keysets, index.vectors
    found: list[tuple[int, float]] = []
    for other in touched:
        dot = scratch[other]
        scratch[other] = 0.0
        if dot + cap < bar:
            continue
        if boosts:
            vector = vectors[other]
            for k in boost_keys & keysets[other]:
                dot += boosts[k] * vector[k]
            if dot < bar:
                continue
        found.append((other, dot))
    return found


def _computed_links(index: _Index, config: RelatedConfig) -> list[list[tuple[float, int]]]:
    """Return, per brief position, ``(score, other position)`` of every link that passes."""
    links: list[list[tuple[float, int]]] = [[] for _ in index.keys]
    bar = config.min_score * (1.0 - _EPSILON)
    scratch = [0.0] * len(index.keys)
    days, keys, forbidden = index.days, index.keys, index.forbidden
    floor, half_life = config.date_floor, config.date_half_life_days
    for a in range(len(keys)):
        if not index.seeds[a]:
            continue
        for b, dot in _candidates(index, a, bar, scratch):
            # The date factor, inlined: this runs once per candidate.
            decay = 2.0 ** (-abs(days[a] - days[b]) / half_life)
            if dot * (floor + (1.0 - floor) * decay) < bar:
                continue
            if keys[b] in forbidden[a] or keys[a] in forbidden[b]:
                continue
            score = _score(index, a, b, config)
            if _passes(index, a, b, score, config):
                links[a].append((score, b))
                links[b].append((score, a))
    return links


def related_briefs(
    briefs: Sequence[BriefFeatures], config: RelatedConfig | None = None
) -> dict[str, list[Related]]:
    """Return, for every brief key, its related briefs: pins first, then the best computed links.

    Args:
        briefs: the features of every brief of the site (keys must be unique).
        config: weights and thresholds; the defaults when None.

    Returns:
        A dict in key order; a brief with no links maps to an empty list.

    Raises:
        ValueError: two briefs have the same key.
    """
    config = config or RelatedConfig()
    return _related_of(_build_index(briefs, config), briefs, config)


def related_and_threads(
    briefs: Sequence[BriefFeatures], config: RelatedConfig | None = None
) -> tuple[dict[str, list[Related]], dict[str, StoryThread]]:
    """Return :func:`related_briefs` and :func:`story_threads` of ``briefs``, from one index
    (building it is half the work of each)."""
    config = config or RelatedConfig()
    index = _build_index(briefs, config)
    return _related_of(index, briefs, config), _threads_of(index, config)


def _related_of(index: _Index, briefs: Sequence[BriefFeatures],
                config: RelatedConfig) -> dict[str, list[Related]]:
    position = {key: i for i, key in enumerate(index.keys)}
    links = _computed_links(index, config)
    by_key = {brief.key: brief for brief in briefs}
    result: dict[str, list[Related]] = {}
    for a, key in enumerate(index.keys):
        chosen: list[Related] = []
        seen = {key}
        for pinned in by_key[key].pinned:
            b = position.get(pinned)
            if b is None or pinned in seen or pinned in index.forbidden[a]:
                continue
            chosen.append(Related(pinned, _score(index, a, b, config), _reasons(index, a, b),
                                  pinned=True))
            seen.add(pinned)
        room = config.max_related - len(chosen)
        ranked = sorted(links[a], key=lambda s: (-s[0], -index.days[s[1]], index.keys[s[1]]))
        for score, b in ranked:
            if room <= 0:
                break
            if index.keys[b] not in seen:
                chosen.append(Related(index.keys[b], score, _reasons(index, a, b)))
                seen.add(index.keys[b])
                room -= 1
        result[key] = chosen
    return result


def _main_entities(index: _Index, a: int, count: int) -> tuple[str, ...]:
    """Return the ``count`` entity keys of brief ``a`` with the largest vector values."""
    vector = index.vectors[a]
    ranked = sorted((k for k in vector if k in index.entity_keys), key=lambda k: (-vector[k], k))
    return tuple(ranked[:count])


def story_threads(
    briefs: Sequence[BriefFeatures], config: RelatedConfig | None = None
) -> dict[str, StoryThread]:
    """Return, for every brief key, the briefs of its story around it in date order.

    A brief's thread holds the briefs that share all of its main entities (its
    ``thread_main_entities`` strongest kept entities) and lie within ``thread_window_days``
    of it, minus forbidden ones; ``previous`` and ``next`` are its neighbours in that list.
    A brief without kept entities has a thread of one.

    Raises:
        ValueError: two briefs have the same key.
    """
    config = config or RelatedConfig()
    return _threads_of(_build_index(briefs, config), config)


def _threads_of(index: _Index, config: RelatedConfig) -> dict[str, StoryThread]:
    by_date: dict[str, tuple[list[float], list[int]]] = {}
    for a, vector in enumerate(index.vectors):
        for key_id in vector:
            if key_id in index.entity_keys:
                by_date.setdefault(key_id, ([], []))[1].append(a)
    for days, positions in by_date.values():
        positions.sort(key=lambda p: (index.days[p], index.keys[p]))
        days.extend(index.days[p] for p in positions)
    result: dict[str, StoryThread] = {}
    for a, key in enumerate(index.keys):
        main = _main_entities(index, a, config.thread_main_entities)
        members = [a]
        if main:
            rarest = min(main, key=lambda k: (len(by_date[k][1]), k))
            days, positions = by_date[rarest]
            low = bisect_left(days, index.days[a] - config.thread_window_days)
            high = bisect_right(days, index.days[a] + config.thread_window_days)
            for b in positions[low:high]:
                if b == a or not all(k in index.vectors[b] for k in main):
                    continue
                if index.keys[b] in index.forbidden[a] or key in index.forbidden[b]:
                    continue
                members.append(b)
        members.sort(key=lambda p: (index.days[p], index.keys[p]))
        at = members.index(a)
        result[key] = StoryThread(
            key=key,
            main=main,
            members=tuple(index.keys[p] for p in members),
            previous=index.keys[members[at - 1]] if at > 0 else None,
            next=index.keys[members[at + 1]] if at + 1 < len(members) else None,
        )
    return result


def unknown_references(
    briefs: Iterable[BriefFeatures],
) -> list[tuple[str, str, Literal["pin", "forbid"]]]:
    """Return ``(brief_key, missing_key, "pin" | "forbid")`` for editor links to no brief.

    >>> from datetime import datetime
    >>> b = BriefFeatures("a", datetime(2024, 1, 1), (), pinned=("zz",))
    >>> unknown_references([b])
    [('a', 'zz', 'pin')]
    """
    briefs = list(briefs)
    known = {brief.key for brief in briefs}
    missing: set[tuple[str, str, Literal["pin", "forbid"]]] = set()
    for brief in briefs:
        missing.update((brief.key, k, "pin") for k in brief.pinned if k not in known)
        missing.update((brief.key, k, "forbid") for k in brief.forbidden if k not in known)
    return sorted(missing)
