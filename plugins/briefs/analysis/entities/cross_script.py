"""One person, one page, in any script: Arabic and Latin ids of one name join.

Gazetteer entities already carry both names. For the others — people and organisations no
list has, met in Arabic briefs and in English ones — :func:`cross_script_pairs` pairs an
Arabic id with a Latin id when their names are transliterations of each other
(:func:`.transliterate.name_match`) or, for organisations, translations of each other
(:func:`.org_names.translated_match`: «البنك المركزي الأوروبي» / "European Central Bank")
*and* the evidence agrees, never on a guess:

- same type;
- a score of at least ``SURE`` joins on the name alone (near-exact: every consonant
  agrees); a score of at least ``LIKELY`` needs one more clue: the two share an entity
  that their briefs mention beside them (the same club, ministry or country);
- each id joins at most one other, the best, and only when no other candidate comes close
  (``MARGIN``): two Latin «Mohammed»s never share one Arabic page;
- the editors have the last word: a pair in ``apart:`` of ``entities.yml`` stays apart
  (``merge:`` already joins any two ids).

Pairs that score at least ``LIKELY`` but lack the clue are returned as candidates, so a
build can list them for an editor to confirm (``merge:``) or forbid (``apart:``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .keys import is_arabic, name_key
from .org_names import compare, read_org_name
from .transliterate import arabic_skeleton, latin_skeleton, name_match, skeleton_similarity

SURE = 0.95
LIKELY = 0.85
MARGIN = 0.05
TYPES = frozenset({"person", "organization"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """An Arabic and a Latin entity that may be one: their ids, names and score."""

    arabic_id: str
    latin_id: str
    arabic: str
    latin: str
    score: float
    clue: bool


def _key(entity_id: str) -> str:
    return entity_id.partition(":")[2]


def pair_score(kind: str, arabic: str, latin: str) -> float:
    """Return how close an Arabic and a Latin name of one type are: a person's by
    transliteration, an organisation's by the better of transliteration and translation."""
    if kind in ("org", "organization"):
        return max(name_match(arabic, latin, organisation=True),
                   compare(read_org_name(arabic), read_org_name(latin)))
    return name_match(arabic, latin)


def _translated_pairs(arabic: Mapping[str, str], latin: Mapping[str, str],
                      ) -> list[tuple[float, str, str]]:
    """Return ``(score, arabic id, latin id)`` of the organisations whose names translate
    each other at ``LIKELY`` or more (``arabic``, ``latin``: id → name).

    Blocking, as for transliterations: a match shares the Latin name's required concepts
    and most consonant pairs of its name parts (or, with none, one of its other concepts or
    places), or most consonant pairs of its words read as names ("Congress" and
    «الكونغرس»); an Arabic name is found by any of its keys and consonant pairs.
    """
    read = {eid: read_org_name(name) for eid, name in (*arabic.items(), *latin.items())}
    by_anchor: dict[str, list[str]] = {}
    for aid in arabic:
        name = read[aid]
        for anchor in (name.keys() | _pairs_of(name.rest_skeleton(()))
                       | _pairs_of(name.rest_skeleton(name.words))):
            by_anchor.setdefault(anchor, []).append(aid)
    scored: list[tuple[float, str, str]] = []
    for lid in latin:
        name = read[lid]
        rest, words = name.rest_skeleton(()), name.rest_skeleton(name.words)
        anchors = name.required() | _pairs_of(rest) or name.keys()
        candidates: set[str] = set()
        for wanted_from, skeleton in ((anchors, rest), (_pairs_of(words), words)):
            shared: dict[str, int] = {}
            for anchor in wanted_from:
                for aid in by_anchor.get(anchor, ()):
                    shared[aid] = shared.get(aid, 0) + 1
            edits = math.ceil((1 - LIKELY) * len(skeleton))
            wanted = max(1, len(wanted_from) - 2 * edits)
            candidates.update(aid for aid, count in shared.items() if count >= wanted)
        for aid in candidates:
            score = compare(read[aid], name)
            if score >= LIKELY:
                scored.append((score, aid, lid))
    return scored


def _pairs_of(skeleton: str) -> set[str]:
    """A skeleton's consonant pairs as blocking anchors (marked apart from concept keys)."""
    return {f"~{pair}" for pair in _bigrams(skeleton)} if skeleton else set()


def _scored_pairs(arabic: Mapping[str, str], latin: Mapping[str, str],
                  ) -> list[tuple[float, str, str]]:
    """Return ``(score, arabic id, latin id)`` of the same-type pairs scoring ``LIKELY`` or
    more, from the ids' skeletons.

    Blocking, so a site of thousands of names compares only plausible pairs: a close match
    shares most consonant pairs (an edit changes at most two of them).
    """
    by_bigram: dict[str, list[str]] = {}
    for aid, skeleton in arabic.items():
        for bigram in _bigrams(skeleton):
            by_bigram.setdefault(bigram, []).append(aid)
    scored: list[tuple[float, str, str]] = []
    for lid, skeleton in latin.items():
        shared: dict[str, int] = {}
        for bigram in _bigrams(skeleton):
            for aid in by_bigram.get(bigram, ()):
                shared[aid] = shared.get(aid, 0) + 1
        # A score of LIKELY allows (1 - LIKELY) of the letters to differ; each edit
        # changes at most two consonant pairs, and the lengths by one.
        edits = math.ceil((1 - LIKELY) * len(skeleton))
        wanted = max(1, len(_bigrams(skeleton)) - 2 * edits)
        for aid, count in shared.items():
            other = arabic[aid]
            if (count >= wanted and abs(len(other) - len(skeleton)) <= edits + 1
                    and aid.split(":")[0] == lid.split(":")[0]):
                score = skeleton_similarity(other, skeleton,
                                            organisation=aid.startswith("organization:"))
                if score >= LIKELY:
                    scored.append((score, aid, lid))
    return scored


def _bigrams(skeleton: str) -> set[str]:
    """Return the consonant pairs of a skeleton (the one class of a one-letter name)."""
    return {skeleton[i:i + 2] for i in range(len(skeleton) - 1)} or {skeleton}


def _kept_apart(apart: frozenset[frozenset[str]], ids: tuple[str, str],
                names: tuple[str, str]) -> bool:
    return any(pair <= {*ids, *names} for pair in apart)


def cross_script_pairs(
    names: Mapping[str, str], companions: Mapping[str, set[str]], *,
    apart: frozenset[frozenset[str]] = frozenset(),
) -> tuple[dict[str, str], list[Candidate]]:
    """Return the Latin ids to fold into Arabic ids, and the candidates left apart.

    ``names``: id → display name, for the ids no gazetteer knows; ``companions``: id → the
    ids of the other entities its briefs mention.

    >>> joins, _ = cross_script_pairs(
    ...     {"person:ألكسندر نوفاك": "ألكسندر نوفاك", "person:alexander novak": "Alexander Novak"},
    ...     {"person:ألكسندر نوفاك": {"org:opec"}, "person:alexander novak": {"org:opec"}})
    >>> joins
    {'person:alexander novak': 'person:ألكسندر نوفاك'}
    """
    arabic = {eid: arabic_skeleton(names[eid]) for eid in names
              if eid.split(":")[0] in TYPES and is_arabic(_key(eid))}
    latin = {eid: latin_skeleton(names[eid]) for eid in names
             if eid.split(":")[0] in TYPES and not is_arabic(_key(eid))}
    best: dict[tuple[str, str], float] = {}
    organisations = [{eid: names[eid] for eid in side if eid.startswith("organization:")}
                     for side in (arabic, latin)]
    for score, aid, lid in (*_scored_pairs(arabic, latin), *_translated_pairs(*organisations)):
        best[aid, lid] = max(score, best.get((aid, lid), 0.0))
    scored = [(score, aid, lid) for (aid, lid), score in best.items()]
    by_id: dict[str, list[tuple[float, str]]] = {}
    for score, aid, lid in scored:
        by_id.setdefault(aid, []).append((score, lid))
        by_id.setdefault(lid, []).append((score, aid))
    joins: dict[str, str] = {}
    candidates: list[Candidate] = []
    for score, aid, lid in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        # A close runner-up on either side means the name alone cannot tell them apart.
        rivals = [other for one, two in ((aid, lid), (lid, aid))
                  for other, partner in by_id[one] if partner != two and other > score - MARGIN]
        clue = bool(companions.get(aid, set()) & companions.get(lid, set()))
        if (_kept_apart(apart, (aid, lid), (name_key(names[aid]), name_key(names[lid])))
                or rivals
                or aid in joins.values() or lid in joins):
            candidates.append(Candidate(aid, lid, names[aid], names[lid], round(score, 3), clue))
        elif score >= SURE or clue:
            joins[lid] = aid
        else:
            candidates.append(Candidate(aid, lid, names[aid], names[lid], round(score, 3), clue))
    return joins, candidates
