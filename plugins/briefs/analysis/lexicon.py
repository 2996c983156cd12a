"""Normalised lookup tables built once, at import, from the word lists.

Logic stays out of the data modules (:mod:`.lexicon_ar`, :mod:`.lexicon_en`); this module only
turns their words into keys, so every lookup compares normalised keys.
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon_ar as ar
from . import lexicon_en as en
from .normalize import normalise


def _keys(words: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    """Return the normalised keys of ``words``."""
    return frozenset(normalise(w) for w in words)


#: Arabic speech-verb form key -> (lemma, gender).
AR_VERB_FORMS: dict[str, tuple[str, str | None]] = {
    normalise(form): (lemma, gender)
    for lemma, forms in ar.SPEECH_VERBS.items()
    for form, gender in forms.items()
}
AR_RELAY_LEMMAS = ar.RELAY_VERBS
AR_SUBJECTLESS_LEMMAS = ar.SUBJECTLESS_LEMMAS
AR_DOCUMENT_CUES = _keys(ar.DOCUMENT_CUES)
AR_DOCUMENT_CUE_NEXT = _keys(ar.DOCUMENT_CUE_NEXT)
#: Frames as tuples of token keys, longest first.
AR_FRAMES: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(normalise(f).split()) for f in ar.FRAMES}, key=len, reverse=True)
)
AR_TITLE_HEADS = _keys(ar.TITLE_HEADS)
AR_TITLE_COMPLEMENTS = _keys(ar.TITLE_COMPLEMENTS)
AR_ANONYMOUS = _keys(ar.ANONYMOUS)
AR_STOPS = _keys(ar.SUBJECT_STOPS)
AR_CONNECTORS = _keys(ar.NAME_CONNECTORS)
AR_ORG_HEADS = _keys(ar.ORG_HEADS)
AR_WORK_CUES = _keys(ar.TITLE_OF_WORK_CUES)
AR_NAMING_CUES = _keys(ar.NAMING_CUES)

EN_VERBS = en.SPEECH_VERBS
EN_FRAMES: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(f.split()) for f in en.FRAMES}, key=len, reverse=True)
)
EN_PRONOUNS = en.PRONOUNS
EN_TITLES = en.TITLE_WORDS
EN_NON_NAMES = en.NON_NAMES
EN_STOPS = en.SUBJECT_STOPS
EN_AUXILIARIES = en.AUXILIARIES
EN_WORK_CUES = en.TITLE_OF_WORK_CUES
EN_NAMING_CUES = en.NAMING_CUES


#: First words of multi-word place names that are not place names themselves.
_PLACE_PREFIXES = frozenset(
    normalise(w) for w in ("جزر", "جزيرة", "جمهورية", "سانت", "سان", "منطقة", "أقاليم", "إقليم")
)


@lru_cache(maxsize=1)
def place_keys() -> frozenset[str]:
    """Return normalised Arabic country, region and city names from Babel's CLDR data.

    Used to keep place names («روسيا», «بكين») out of speaker names after a title
    («وزير خارجية روسيا سيرغي لافروف»). Built lazily, once per process.
    """
    try:
        from babel import Locale

        loc = Locale.parse("ar")
    except (ImportError, ValueError):  # pragma: no cover - Babel is a hard dependency
        return frozenset()
    names: set[str] = set()
    for name in loc.territories.values():
        words = normalise(name).replace("(", " ").replace(")", " ").split()
        if len(words) == 1:
            names.add(words[0])
        elif words and not words[0].startswith("ال") and words[0] not in _PLACE_PREFIXES:
            names.add(words[0])  # «كوريا» of «كوريا الشمالية»
    for zone in loc.time_zones.values():
        city = zone.get("city")
        if city and " " not in city.strip():
            names.add(normalise(city.strip()))
    return frozenset(n.strip("()") for n in names if len(n.strip("()")) > 2)
