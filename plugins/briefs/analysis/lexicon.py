"""Normalised lookup tables built once, at import, from the language data (:mod:`.lang`).

Logic stays out of the data modules (:mod:`.lang.ar`, :mod:`.lang.en`); this module only turns
their words into keys, so every lookup — quotes, speakers and the recogniser alike — compares
normalised keys made the same way (:func:`.normalize.normalise`, the character rules of
``name_key`` without its case folding, which Arabic does not need and English lists are
written lower-case for).
"""

from __future__ import annotations

from functools import lru_cache

from .lang import LANGUAGES, ar, en
from .normalize import normalise


def _words(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of a word-list string, as written."""
    return frozenset(words.split())


def _keys(words: str | tuple[str, ...]) -> frozenset[str]:
    """Return the normalised keys of a word-list string (or of a tuple of phrases)."""
    return frozenset(normalise(w) for w in (words.split() if isinstance(words, str) else words))


# --- Quotes and speakers -------------------------------------------------------------------

#: Arabic speech-verb form key -> (lemma, gender).
AR_VERB_FORMS: dict[str, tuple[str, str | None]] = {
    normalise(form): (lemma, gender)
    for lemma, forms in ar.SPEECH_VERB_FORMS.items()
    for form, gender in forms.items()
}
AR_RELAY_LEMMAS = _words(ar.RELAY_VERBS)
AR_AUXILIARIES = _keys(ar.AUXILIARIES)
AR_TIME_ADVERBS = _keys(ar.TIME_ADVERBS)
AR_QUANTIFIERS = _keys(ar.QUANTIFIERS)
#: A leader cue's key -> the key of the role it gives the person after it.
AR_LEADER_ROLES = {normalise(cue): normalise(role) for cue, role in ar.LEADER_ROLES.items()}
AR_SUBJECTLESS_LEMMAS = _words(ar.SUBJECTLESS_LEMMAS)
AR_CONTINUING_LEMMAS = _words(ar.CONTINUING_LEMMAS)
AR_TEAM_ROLES = _keys(ar.TEAM_ROLES)
AR_TITLE_ONLY_VERB_FORMS = {normalise(form): (lemma, gender)
                            for form, (lemma, gender) in ar.TITLE_ONLY_VERB_FORMS.items()}
#: Sentence openers as tuples of token keys: «من جانبه», «بدوره».
AR_DISCOURSE_OPENERS = frozenset(tuple(normalise(phrase).split())
                                 for phrase in ar.DISCOURSE_OPENERS)
AR_ROLE_SYNONYMS = {normalise(role): tuple(normalise(other) for other in others)
                    for role, others in ar.ROLE_SYNONYMS.items()}
AR_DOCUMENT_CUES = _keys(ar.DOCUMENT_CUES)
AR_DOCUMENT_CUE_NEXT = _keys(ar.DOCUMENT_CUE_NEXT)
AR_STATEMENT_NOUNS = _keys(ar.STATEMENT_NOUNS)
#: Frames as tuples of token keys, longest first.
AR_FRAMES: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(normalise(f).split()) for f in ar.FRAMES}, key=len, reverse=True)
)
AR_PRONOUN_SUFFIX_GENDER = ar.PRONOUN_SUFFIX_GENDER
AR_TITLE_HEADS = _keys(ar.TITLE_HEADS)
AR_TITLE_COMPLEMENTS = _keys(ar.TITLE_COMPLEMENTS)
AR_ANONYMOUS = _keys(ar.ANONYMOUS)
AR_SUBJECT_STOPS = _keys(ar.SUBJECT_STOPS)
AR_CONNECTORS = _keys(ar.NAME_CONNECTORS)
AR_ORG_HEADS = _keys(ar.BODY_HEADS)
AR_COMPLEMENTISERS = _keys(ar.COMPLEMENTISERS)
AR_RELAYED_CLAUSE = _keys(ar.RELAYED_CLAUSE_OPENERS)
AR_RELAYED_SAYINGS = _keys(ar.RELAYED_SAYINGS)
#: Words before a person that make it no sentence subject: prepositions, complementisers.
AR_SUBJECT_PARTICLES = (_keys(ar.PREPOSITIONS) | _keys(ar.COMPLEMENTISERS)
                        | _keys(ar.QUOTE_COMPLEMENTISERS) | _keys(ar.FUNCTION_WORDS))
AR_SVO_OPENERS = _keys(ar.SVO_OPENERS)
AR_POSSESSIVE_ENDINGS = ar.POSSESSIVE_ENDINGS
AR_ACCUSATIVE_MARK = ar.ACCUSATIVE_MARK
AR_CLITIC_PRONOUNS = tuple(normalise(s) for s in ar.CLITIC_PRONOUNS)
#: Words that take a pronoun suffix and are then no name: particles, prepositions, verbs.
AR_CLITIC_HOSTS = (_keys(ar.CLITIC_PREPOSITIONS) | _keys(ar.SUBJECT_STOPS)
                   | _keys(ar.FUNCTION_WORDS) | _keys(ar.PREPOSITIONS))
#: Cues that make the next quote a title or a label («بعنوان», "titled"), by language.
WORK_CUES = {lang: _keys(data.TITLE_OF_WORK_CUES) for lang, data in LANGUAGES.items()}
#: Naming words that may stand up to three words before a label («المعروف بـ»), by language.
NAMING_CUES = {lang: _keys(data.NAMING_CUES) for lang, data in LANGUAGES.items()}
#: The words before a speaker's own clause, as written, in either language.
QUOTE_COMPLEMENTISERS = _words(ar.QUOTE_COMPLEMENTISERS) | _words(en.QUOTE_COMPLEMENTISERS)

EN_VERBS = _words(en.SPEECH_VERBS)
EN_FRAMES: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(f.split()) for f in en.FRAMES}, key=len, reverse=True)
)
EN_PRONOUNS = en.PRONOUNS
EN_TITLE_WORDS = _words(en.TITLE_WORDS)
EN_NON_NAMES = _words(en.NON_NAMES)
EN_SUBJECT_STOPS = _words(en.SUBJECT_STOPS)
EN_AUXILIARIES = _words(en.AUXILIARIES)

# --- Sentences ------------------------------------------------------------------------------

#: Abbreviations that end with a dot but rarely end a sentence, as written, in any language
#: (a brief quotes English in Arabic and the other way round).
ABBREVIATIONS = frozenset().union(*(_words(data.ABBREVIATIONS) for data in LANGUAGES.values()))

# --- Names: the tagger's features (fixed with the trained model) ---------------------------

PERSON_TITLES = _keys(ar.PERSON_TITLES)
GIVEN_NAMES = _keys(ar.GIVEN_NAMES)
TAGGER_ORG_HEADS = _keys(ar.TAGGER_ORG_HEADS)
TAGGER_PLACE_TRIGGERS = _keys(ar.TAGGER_PLACE_TRIGGERS)
TAGGER_SPEECH_VERBS = _keys(ar.TAGGER_SPEECH_VERBS)
TAGGER_NAME_PARTICLES = _keys(ar.TAGGER_NAME_PARTICLES)

# --- Names: the recogniser's rules -----------------------------------------------------------

WORK_HEADS = _keys(ar.WORK_HEADS)
FUNCTION_WORDS = _keys(ar.FUNCTION_WORDS)
LEADER_CUES = _keys(tuple(ar.LEADER_ROLES))
ORG_PHRASE_HEADS = _keys(ar.ORG_PHRASE_HEADS)
VENUE_HEADS = _keys(ar.VENUE_HEADS)
FACILITY_HEADS = _keys(ar.FACILITY_HEADS)
MONTHS = _keys(ar.MONTHS)
NAMED_MONTHS = _keys(ar.NAMED_MONTHS)
PHRASE_STOP = _keys(ar.PHRASE_STOP)
SPORT_CUES = _keys(ar.SPORT_CUES)
PORTFOLIOS = _keys(ar.PORTFOLIOS)
NATIONAL_HEADS = _keys(ar.NATIONAL_HEADS)
NATIONAL_HEADS_M = _keys(ar.NATIONAL_HEADS_M)
OBJECT_HEADS = _keys(ar.OBJECT_HEADS)
NOT_NAMES = _keys(ar.NOT_NAMES)
REGNAL_ORDINALS = _keys(ar.REGNAL_ORDINALS)
AMBIGUOUS_GIVEN = _keys(ar.AMBIGUOUS_GIVEN)
NAME_LINKS = _keys(ar.NAME_LINKS)
NO_NAME_OPENERS = _keys(ar.NO_NAME_OPENERS)
#: As written, not as keys: the keys are names' (see ``lang.ar``).
PARTICLES_WITH_YA = frozenset(ar.PARTICLES_WITH_YA.split())
PERSON_DESCRIPTORS = _keys(ar.PERSON_DESCRIPTORS)
PRONOUNS = _keys(ar.PRONOUNS)
SPEAKING_PRONOUNS = _keys(ar.SPEAKING_PRONOUNS)
LEADER_NAME_STOPS = _keys(ar.LEADER_NAME_STOPS)
PREPOSITIONS = _keys(ar.PREPOSITIONS)
OF_A_PLACE = _keys(ar.OF_A_PLACE)
OF_A_PERSON = _keys(ar.OF_A_PERSON)
GENERIC_BODIES = _keys(ar.GENERIC_BODIES)
WEAK_DEFINITE_HEADS = _keys(ar.WEAK_DEFINITE_HEADS)
NOT_NAME_HEADS = _keys(ar.NOT_NAME_HEADS)
GENERIC_HEADS = _keys(ar.GENERIC_HEADS)
OUTLET_TAILS = _keys(ar.OUTLET_TAILS)
DOMAIN_ENDINGS = _keys(ar.DOMAIN_ENDINGS)
OUTLET_HEADS = _keys(ar.OUTLET_HEADS)
QUOTED_ORG_HEADS = _keys(ar.QUOTED_ORG_HEADS)
GENERIC_AGENCIES = _keys(ar.GENERIC_AGENCIES)
ADDRESSEES = _keys(ar.ADDRESSEES)
COMPETITION_HEADS = _keys(ar.COMPETITION_HEADS)
MINISTER_WORDS = _keys(ar.MINISTER_WORDS)
FACILITY_TITLES = _keys(ar.FACILITY_TITLES)
FACILITY_INNER_HEADS = _keys(ar.FACILITY_INNER_HEADS)
FACILITY_ADJECTIVES = _keys(ar.FACILITY_ADJECTIVES)
PLAIN_ADJECTIVES = _keys(ar.PLAIN_ADJECTIVES)

EN_STOP = _words(en.NAME_STOPS)
EN_DEMONYMS = _words(en.DEMONYMS)
EN_TITLES = _words(en.PERSON_TITLES)
EN_ORG_HEADS = _words(en.ORG_HEADS)
EN_PLACE_HEADS = _words(en.PLACE_HEADS)
EN_EVENT_WORDS = _words(en.EVENT_WORDS)

#: First words of multi-word place names that are not place names themselves.
_PLACE_PREFIXES = _keys(ar.PLACE_PREFIXES)


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
