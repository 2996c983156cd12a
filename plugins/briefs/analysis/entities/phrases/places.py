"""Phrase rules for places: facilities and venues with their names («ميناء الحديدة»,
«ملعب غيلورا بونغ كارنو»)."""

from __future__ import annotations

from collections.abc import Sequence

from ...lexicon import (
    FACILITY_ADJECTIVES,
    FACILITY_HEADS,
    FACILITY_INNER_HEADS,
    FACILITY_TITLES,
    FUNCTION_WORDS,
    MONTHS,
    ORG_PHRASE_HEADS,
    PHRASE_STOP,
    VENUE_HEADS,
)
from ..clitics import candidate_splits
from .tags import (
    NOT_NOUN,
    head_of,
    is_adjective,
    is_free,
    set_span,
    span_end,
)

MAX_FACILITY_WORDS = 4


def _facility_word(key: str, common: frozenset[str]) -> bool:
    """A word that may name a facility: not common, not a function word, not a clitic
    phrase («بالتعادل», «ليتأهل») nor another head."""
    if key.startswith((*NOT_NOUN, "بال", "وال", "فال", "كال")) or any(
            r in common for _, r in candidate_splits(key)) or key.removeprefix("ال") in common:
        return False
    return (len(key) >= 3 and key.isalpha() and key not in common and key not in FUNCTION_WORDS
            and key not in PHRASE_STOP and key not in MONTHS and not is_adjective(key)
            and head_of(key, FACILITY_HEADS) is None
            and key not in ORG_PHRASE_HEADS
            and not (key[0] == "و" and key[1:] in FACILITY_INNER_HEADS | ORG_PHRASE_HEADS))


def facility_places(keys: Sequence[str], tags: list[str], common: frozenset[str]) -> None:
    """A facility head (:data:`FACILITY_HEADS`) and its name is one place (in place).

    The name is a tagged name right after the head («ميناء [الحديدة]», «مطار الملك [خالد]»),
    or up to two untagged words that are not ``common`` (seen often and never in a name in
    the training data: «قاعدة بيانات» is no place) unless an adjective of
    :data:`FACILITY_ADJECTIVES` follows («قاعدة بلد الجوية»). A coordinated head («ومستشفى»)
    starts the next place.
    """
    n = len(keys)
    i = 0
    while i < n - 1:
        if head_of(keys[i], FACILITY_HEADS) is None or tags[i].startswith("I-"):
            i += 1
            continue
        j = i + 1
        while (j < n and (keys[j] in FACILITY_HEADS or keys[j] in FACILITY_INNER_HEADS)
               and j - i < 3):
            j += 1
        start_name = j
        if j + 1 < n and keys[j] in FACILITY_TITLES:
            j += 1
        if j < n and tags[j].startswith("B-"):
            end = span_end(tags, j)
            j = next((t for t in range(j + 1, end) if head_of(keys[t], FACILITY_HEADS)), end)
            if j < end:
                tags[j] = "B-" + tags[j][2:]
        else:
            while (j < n and tags[j] == "O" and j - start_name < 2
                   and (_facility_word(keys[j], common) or (
                       j + 1 < n and keys[j + 1] in FACILITY_ADJECTIVES and len(keys[j]) >= 3))):
                j += 1
        if j == start_name or (j == start_name + 1 and keys[start_name] in FACILITY_TITLES):
            i += 1
            continue
        while j < n and tags[j] in ("O", "I-PERS", "I-LOC") and keys[j] in FACILITY_ADJECTIVES:
            j += 1
        if is_free(tags, i, j) or all(t == "O" or t.endswith(("PERS", "LOC")) for t in tags[i:j]):
            if j < n and tags[j].startswith("I-"):
                tags[j] = "B-" + tags[j][2:]
            set_span(tags, i, j, "LOC")
        i = j


def venue_phrases(keys: Sequence[str], tags: list[str]) -> None:
    """A venue head before a person-tagged name: the whole is a place."""
    n = len(keys)
    for i in range(n - 1):
        if tags[i] != "O" or head_of(keys[i], VENUE_HEADS) is None:
            continue
        k = i + 1
        if tags[k] == "O" and k + 1 < n and len(keys[k]) >= 3 and (
                not keys[k].startswith("ال") or keys[k] == "الشهيد"):
            k += 1  # one untagged word of the name: ملعب غيلورا [بونغ كارنو], ستاد الشهيد
        if tags[k] == "B-PERS":
            set_span(tags, i, span_end(tags, k), "LOC")
