"""Do an Arabic and a Latin organisation name say the same thing? Names read as concepts.

Organisations are known by translated names: «وزارة الخارجية الروسية» is "Russian Foreign
Ministry" and "Ministry of Foreign Affairs of Russia"; «البنك المركزي الأوروبي» is "European
Central Bank". Each name is read, word by word (longest phrase first), into

- *concepts*, from a bilingual table of head nouns and modifiers (``data/org_words.yml``:
  وزارة = ministry, المركزي = central; Arabic taken without its article or a prefixed
  preposition, and without a final ة, so «الوطنية» and «الوطني» are one word);
- *places*: CLDR territory names in Arabic, English and French (via Babel), the adjectives
  derived from them (روسيا → «روسي», Russia → "Russian"), and the table's own forms;
- the *rest*: proper-name words («غولدمان ساكس» / "Goldman Sachs"), compared by their
  transliteration skeleton (:mod:`.transliterate`).

Word order is not compared (Arabic construct order is not English order). Two names match
*exactly* when their concepts and places are the same and their rests transliterate each
other; a concept word one side has and the other lacks is read as a name («الاتحاد» in
«الاتحاد للطيران» is "Etihad" in "Etihad Airways"). A match that only leaves out optional
words («حركة حماس» / "Hamas") or names a place on one side only ("Republican Party" /
«الحزب الجمهوري الأمريكي») is *partial*: it scores at most ``PARTIAL``, below what joins on
the name alone. Two different places never match.

>>> translated_match("وزارة الخارجية الروسية", "Ministry of Foreign Affairs of Russia")
1.0
>>> translated_match("وزارة الخارجية الروسية", "Russian Defence Ministry") < 0.5
True
>>> translated_match("حركة حماس", "Hamas")
0.9
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import resources

import yaml
from babel import Locale

from .keys import is_arabic, name_key
from .transliterate import arabic_skeleton, latin_skeleton, skeleton_similarity

PARTIAL = 0.9
ARABIC_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LATIN_WORDS = re.compile(r"[\s\-–/]+")


@dataclass(frozen=True, slots=True)
class Word:
    """One word or phrase of a name: its concept or place keys (and which of them the other
    script may leave out), or none for a name part."""

    surface: str
    keys: tuple[str, ...] = ()
    place: bool = False
    optional: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class OrgName:
    """A name read into its words, with the concept keys, places and name parts it holds."""

    script: str  # "ar" or "latin"
    words: tuple[Word, ...]

    @property
    def concepts(self) -> Counter[str]:
        return Counter(key for word in self.words if not word.place for key in word.keys)

    @property
    def places(self) -> frozenset[str]:
        return frozenset(key for word in self.words if word.place for key in word.keys)

    def required(self) -> frozenset[str]:
        """The concept keys a translation must have too (not optional, not places)."""
        return frozenset(key for word in self.words if not word.place
                         for key in word.keys if key not in word.optional)

    def keys(self) -> frozenset[str]:
        """Every concept and place key of the name."""
        return frozenset(key for word in self.words for key in word.keys)

    def rest_skeleton(self, extra: tuple[Word, ...]) -> str:
        """The skeleton of the name parts and of ``extra`` words read as names, in order."""
        words = [word.surface for word in self.words
                 if (not word.keys) or any(word is other for other in extra)]
        text = " ".join(words)
        return arabic_skeleton(text) if self.script == "ar" else latin_skeleton(text)


#: What a phrase of the table says: its keys, whether they are places, the optional ones.
Meaning = tuple[tuple[str, ...], bool, frozenset[str]]


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    by_script: dict[str, dict[tuple[str, ...], Meaning]]
    longest: int
    arabic_words: frozenset[str]
    function_words: dict[str, frozenset[str]]


def _arabic_form(word: str) -> str:
    """An Arabic word as the table compares it: its key without a final ة (or ه)."""
    key = name_key(word)
    return key[:-1] if key.endswith("ه") and len(key) > 2 else key


def _latin_form(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.casefold().replace("'", "").replace("’", ""))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _derived_adjectives(name: str, language: str, suffixes: list[str]) -> list[str]:
    """Adjectives derived from a CLDR place name (see ``adjectives`` in the table)."""
    words = name.split()
    if language == "ar":
        # On the word as written: the table reads the adjective as it reads a name's words.
        first = words[0][2:] if words[0].startswith("ال") and len(words[0]) > 4 else words[0]
        stem = first[:-2] if first.endswith("يا") else first[:-1] if first.endswith("ا") else first
        return [" ".join([stem + "ي", *words[1:]])]
    last = words[-1].casefold()
    stems = {stem for stem in (last.rstrip("aeiou"), last.rstrip("aeiouy")) if len(stem) >= 3}
    forms = {stem + suffix for stem in stems for suffix in suffixes}
    return [" ".join([*words[:-1], form]) for form in sorted(forms - {last})]


def _form(language: str, phrase: str) -> tuple[str, ...]:
    """A phrase of the table as names are read: Arabic words by :func:`_arabic_stem`."""
    if language == "ar":
        return tuple(_arabic_stem(word, frozenset()) for word in phrase.split())
    return tuple(_latin_form(word) for word in phrase.replace("-", " ").split())


def _hand_written(data: dict) -> dict[str, dict[tuple[str, ...], set[tuple[str, bool, bool]]]]:
    """The table's concepts and places, per script: phrase → (key, place, optional)."""
    hand: dict[str, dict[tuple[str, ...], set[tuple[str, bool, bool]]]] = {"ar": {}, "latin": {}}
    entries = [(key, entry, False) for key, entry in data["concepts"].items()]
    entries += [(str(key), entry, True) for key, entry in data["places"].items()]
    for key, entry, place in entries:
        for language in ("ar", "en", "fr"):
            table = hand["ar" if language == "ar" else "latin"]
            for phrase in entry.get(language, []):
                table.setdefault(_form(language, phrase), set()).add(
                    (key, place, bool(entry.get("optional"))))
    return hand


def _cldr_places(data: dict) -> list[dict[str, dict[tuple[str, ...], set[str]]]]:
    """CLDR's place names, then the adjectives derived from them: phrase → codes, per
    script."""
    names: dict[str, dict[tuple[str, ...], set[str]]] = {"ar": {}, "latin": {}}
    adjectives: dict[str, dict[tuple[str, ...], set[str]]] = {"ar": {}, "latin": {}}
    for language in ("ar", "en", "fr"):
        script = "ar" if language == "ar" else "latin"
        territories = Locale(language).territories
        codes = [code for code in territories if code.isalpha() and len(code) == 2
                 and code not in data["not_places"]]
        for code in [*codes, *data["regions"]]:
            name = territories[code].replace("-", " ")
            names[script].setdefault(_form(language, name), set()).add(code)
            for adjective in _derived_adjectives(name, language,
                                                 data["adjectives"].get(language, [])):
                adjectives[script].setdefault(_form(language, adjective), set()).add(code)
    return [names, adjectives]


@functools.cache
def _vocabulary() -> _Vocabulary:
    text = resources.files(__package__).joinpath("data/org_words.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    hand = _hand_written(data)
    # Latin names may be English or French: one table for both. Three tiers, the first
    # that has a phrase wins: the hand-written table, CLDR's place names, the adjectives
    # derived from them; within a tier, a phrase two places share is left out.
    by_script: dict[str, dict[tuple[str, ...], Meaning]] = {}
    for script in ("ar", "latin"):
        table = {phrase: (tuple(sorted({key for key, _, _ in meanings})),
                          any(place for _, place, _ in meanings),
                          frozenset(key for key, _, optional in meanings if optional))
                 for phrase, meanings in hand[script].items()}
        for tier in _cldr_places(data):
            for phrase, codes in tier[script].items():
                if len(codes) == 1 and phrase not in table:
                    table[phrase] = ((next(iter(codes)),), True, frozenset())
        by_script[script] = table
    return _Vocabulary(
        by_script=by_script,
        longest=max(len(phrase) for table in by_script.values() for phrase in table),
        arabic_words=frozenset(word for phrase in by_script["ar"] for word in phrase),
        function_words={script: frozenset(_form(language, word)[0]
                                          for language, words in data["function_words"].items()
                                          if (language == "ar") == (script == "ar")
                                          for word in words)
                        for script in ("ar", "latin")},
    )


def _arabic_stem(word: str, known: frozenset[str]) -> str:
    """The table form of an Arabic word: without the article or a prefixed preposition when
    that leaves a word the table knows («للطيران» → «طيران»); without the article anyway.

    The prefixes are read on the word as written: «ألمانيا» has no article.
    """
    key = name_key(word)
    prefixes = [len(p) for p in ARABIC_PREFIXES if word.startswith(p)]
    for candidate in (key, *(key[size:] for size in prefixes)):
        stem = _arabic_form(candidate)
        if len(candidate) > 1 and stem in known:
            return stem
    return _arabic_form(key[2:] if word.startswith("ال") and len(key) > 4 else key)


@functools.lru_cache(maxsize=65536)
def read_org_name(name: str) -> OrgName:
    """Read a name into concepts, places and name parts (see the module docstring)."""
    vocabulary = _vocabulary()
    if is_arabic(name):
        surfaces = name.split()
        stems = [_arabic_stem(word, vocabulary.arabic_words) for word in surfaces]
        table = vocabulary.by_script["ar"]
        function_words = vocabulary.function_words["ar"]
    else:
        surfaces = [word for word in _LATIN_WORDS.split(_CAMEL.sub(" ", name))
                    if word.strip(".,'’")]
        stems = [_latin_form(word.strip(".,")) for word in surfaces]
        table = vocabulary.by_script["latin"]
        function_words = vocabulary.function_words["latin"]
    words: list[Word] = []
    i = 0
    while i < len(stems):
        for size in range(min(vocabulary.longest, len(stems) - i), 0, -1):
            phrase = tuple(stems[i:i + size])
            meaning = table.get(phrase)
            if meaning is None and size == 1 and not is_arabic(name) and phrase[0].endswith("s"):
                meaning = table.get((phrase[0][:-1],))  # a plural the table does not list
            if meaning is not None:
                keys, place, optional = meaning
                words.append(Word(" ".join(surfaces[i:i + size]), keys, place, optional))
                i += size
                break
        else:
            if stems[i] not in function_words:
                words.append(Word(surfaces[i]))
            i += 1
    return OrgName("ar" if is_arabic(name) else "latin", tuple(words))


def _unmatched(name: OrgName, common: Counter[str]) -> tuple[list[Word], bool]:
    """The words of ``name`` whose concepts the other name lacks, and whether any of them
    is optional."""
    left = Counter(common)
    unmatched, optional = [], False
    for word in name.words:
        if word.place or not word.keys:
            continue
        missing = {key for key in word.keys if left[key] <= 0}
        for key in word.keys:
            left[key] -= 1
        if missing and missing <= word.optional:
            optional = True
        elif missing:
            unmatched.append(word)
    return unmatched, optional


def compare(arabic: OrgName, latin: OrgName) -> float:
    """Return how well two read names match: 1 for the same concepts, places and names."""
    common = arabic.concepts & latin.concepts
    arabic_left, arabic_optional = _unmatched(arabic, common)
    latin_left, latin_optional = _unmatched(latin, common)
    if arabic_optional and latin_optional:
        return 0.0  # two kinds of body: «قناة الجزيرة» is not "Al Jazira Club"
    partial = arabic_optional or latin_optional
    if arabic.places != latin.places:
        if arabic.places and latin.places:
            return 0.0
        partial = True
    arabic_rest = arabic.rest_skeleton(tuple(arabic_left))
    latin_rest = latin.rest_skeleton(tuple(latin_left))
    if arabic_rest and latin_rest:
        score = skeleton_similarity(arabic_rest, latin_rest, organisation=True)
    elif arabic_rest or latin_rest:
        return 0.0
    else:
        score = 1.0 if common else 0.0  # nothing but concepts and places, and they agree
    return min(score, PARTIAL) if partial else score


def translated_match(arabic: str, latin: str) -> float:
    """Return how well an Arabic and a Latin organisation name translate each other."""
    return compare(read_org_name(arabic), read_org_name(latin))


