"""Gazetteer longest-match over token keys, with lexicon-guided clitic stripping."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .clitics import candidate_splits
from .gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class GazMatch:
    """Tokens ``[i, j)`` match gazetteer id ``entity_id``; ``prefix`` key letters are proclitics."""

    i: int
    j: int
    entity_id: str
    prefix: int
    key: str


def _first_candidates(key: str, gaz: Gazetteer) -> list[tuple[int, str]]:
    cands = [(0, key)] if key in gaz else []
    cands += [(n, rest) for n, rest in candidate_splits(key) if rest in gaz]
    return cands


_MEMO: dict[tuple[int, tuple[str, ...]], tuple[Gazetteer, list[GazMatch]]] = {}


def gazetteer_matches(keys: Sequence[str], gaz: Gazetteer,
                      known: Callable[[str], str | None] | None = None) -> list[GazMatch]:
    """Memoised :func:`_gazetteer_matches` (the tagger's features and the recogniser
    match the same sentence against the same gazetteer)."""
    if known is not None:
        return _gazetteer_matches(keys, gaz, known)
    memo_key = (id(gaz), tuple(keys))
    hit = _MEMO.get(memo_key)
    if hit is not None and hit[0] is gaz:
        return list(hit[1])
    if len(_MEMO) > 4096:
        _MEMO.clear()
    out = _gazetteer_matches(keys, gaz)
    _MEMO[memo_key] = (gaz, out)
    return list(out)


def _gazetteer_matches(keys: Sequence[str], gaz: Gazetteer,
                       known: Callable[[str], str | None] | None = None) -> list[GazMatch]:
    """Return non-overlapping longest matches, left to right.

    ``keys`` are token keys. Only the first token of a name may carry proclitics.
    ``known`` maps a key seen earlier in the document to an id (used for single
    tokens when the gazetteer has nothing).

    >>> from .gazetteer import default_gazetteer
    >>> from .keys import name_key
    >>> ks = [name_key(w) for w in "مع اليابان وكوريا الشمالية بالصين".split()]
    >>> [(m.i, m.j, m.entity_id, m.prefix) for m in gazetteer_matches(ks, default_gazetteer())]
    [(1, 2, 'place:JP', 0), (2, 4, 'place:KP', 1), (4, 5, 'place:CN', 1)]
    """
    out: list[GazMatch] = []
    i, n = 0, len(keys)
    while i < n:
        best: GazMatch | None = None
        for prefix, first in _first_candidates(keys[i], gaz):
            for length in gaz.first.get(first, (1,)):
                if i + length > n or (best and length <= best.j - best.i):
                    continue
                if prefix and length == 1 and len(first) < 4:
                    continue  # لترك → ترك, وباب → باب: too risky for a one-word name
                phrase = (first, *keys[i + 1 : i + length])
                eid = gaz.lookup(phrase)
                if eid is not None:
                    best = GazMatch(i, i + length, eid, prefix, " ".join(phrase))
                    break
        if best is None and known is not None:
            key = keys[i]
            for prefix, rest in [(0, key), *candidate_splits(key)]:
                eid = known(rest)
                if eid:
                    best = GazMatch(i, i + 1, eid, prefix, rest)
                    break
        if best is not None:
            out.append(best)
            i = best.j
        else:
            i += 1
    return out
