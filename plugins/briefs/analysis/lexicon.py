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
#: Frames as tuples of token keys, longest first.
AR_FRAMES: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(normalise(f).split()) for f in ar.FRAMES}, key=len, reverse=True)
)
AR_TITLE_HEADS = _keys(ar.TITLE_HEADS)
AR_TITLE_COMPLEMENTS = _keys(ar.TITLE_COMPLEMENTS)
AR_ANONYMOUS = _keys(ar.ANONYMOUS)
AR_STOPS = _keys(ar.SUBJECT_STOPS)
AR_CONNECTORS = _keys(ar.NAME_CONNECTORS)
AR_WORK_CUES = _keys(ar.TITLE_OF_WORK_CUES)

EN_VERBS = en.SPEECH_VERBS
EN_FRAMES: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(f.split()) for f in en.FRAMES}, key=len, reverse=True)
)
EN_PRONOUNS = en.PRONOUNS
EN_TITLES = en.TITLE_WORDS
EN_NON_NAMES = en.NON_NAMES
EN_STOPS = en.SUBJECT_STOPS
EN_WORK_CUES = en.TITLE_OF_WORK_CUES


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
        names.update(normalise(name).split())
    for zone in loc.time_zones.values():
        city = zone.get("city")
        if city:
            names.update(normalise(city).split())
    # Territories carry words like «الشمالية»; keep only words that look like names on their own.
    return frozenset(n.strip("()") for n in names if len(n.strip("()")) > 2)
