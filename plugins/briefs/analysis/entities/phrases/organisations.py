"""Phrase rules for organisations: head + modifiers, bodies of a place or a person,
ministries by portfolio, outlets, quoted names, and references that name no body."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...lang import ar
from ...lexicon import (
    ADDRESSEES,
    AR_ORG_HEADS,
    AR_QUANTIFIERS,
    AR_SUBJECT_STOPS,
    COMPETITION_HEADS,
    DOMAIN_ENDINGS,
    FUNCTION_WORDS,
    GENERIC_BODIES,
    GENERIC_HEADS,
    GIVEN_NAMES,
    MINISTER_WORDS,
    MONTHS,
    NATIONAL_HEADS,
    NATIONAL_HEADS_M,
    NOT_NAME_HEADS,
    NOT_NAMES,
    OF_A_PERSON,
    OF_A_PLACE,
    ORG_PHRASE_HEADS,
    OUTLET_HEADS,
    OUTLET_TAILS,
    PERSON_TITLES,
    PHRASE_STOP,
    PORTFOLIOS,
    PREPOSITIONS,
    QUOTED_ORG_HEADS,
    WEAK_DEFINITE_HEADS,
    WORK_HEADS,
)
from ...normalize import normalise
from ..clitics import candidate_splits
from .tags import (
    NOT_NOUN,
    clear,
    head_of,
    is_adjective,
    is_definite,
    is_free,
    iter_spans,
    names_a_place,
    set_span,
    span_end,
    tag_quoted,
)

MAX_MODIFIERS = 5
#: Verbs of receiving a statement with the statement as a pronoun («تلقته»): their subject,
#: up to the comma, is the outlet («في بيان، تلقته أكد نيوز،»).
_RECEIVED = frozenset(key for key in map(normalise, ar.RECEIVING_VERBS.split())
                      if key.endswith("ه"))
#: How many words an outlet after a verb of receiving may hold.
MAX_OUTLET = 3
#: Every head noun of a body, with and without the article (الوزارة، المنظمة، وزارة …).
_BODY_HEADS = ORG_PHRASE_HEADS | AR_ORG_HEADS


def _genitive(keys: Sequence[str], k: int) -> int:
    """Length of a لـ/للـ genitive phrase at ``k`` (0 if none): للبترول, لكرة القدم."""
    key = keys[k]
    if key.startswith("لل") and len(key) >= 5:
        # «للصحفيين»: to whom someone of the body spoke, no part of its name; «للمنظمة»
        # alone refers to a body named elsewhere («الأمانة العامة للمنظمة» names none).
        body = "ال" + key[2:] in _BODY_HEADS and not (
            k + 1 < len(keys) and is_adjective(keys[k + 1]))
        return 0 if "ال" + key[2:] in ADDRESSEES or body else 1
    # «لذلك», «لكل»: ل before a demonstrative or a quantifier is no genitive noun.
    if (key.startswith("ل") and not key.startswith(NOT_NOUN) and len(key) >= 4
            and key[1:] not in AR_SUBJECT_STOPS and key[1:] not in AR_QUANTIFIERS
            and k + 1 < len(keys) and is_definite(keys[k + 1])):
        return 2
    return 0


def _body_of(keys: Sequence[str], tags: list[str], i: int, head: str | None) -> int:
    """Tag a body named after a place or a person at ``i`` («أمانة بغداد», «ميليشيات
    الحوثي», «إدارة بايدن»); return where the caller goes on, or 0 to treat ``i`` as an
    ordinary head."""
    if tags[i] == "O" and tags[i + 1] == "B-LOC" and head_of(keys[i], OF_A_PLACE):
        j = span_end(tags, i + 1)
        set_span(tags, i, j, "ORG")
        return j
    if head not in OF_A_PERSON:
        return 0
    if tags[i] == "B-PERS":  # «[ميليشيات الحوثي]» tagged as one person
        return _of_a_person(keys, tags, i, i + 1)
    if tags[i] == "O" and tags[i + 1] == "B-PERS":
        return _of_a_person(keys, tags, i, i + 1)
    return i + 1 if head == "اداره" else 0


def _of_a_person(keys: Sequence[str], tags: list[str], i: int, k: int) -> int:
    """Tag head ``i`` + the person span at or after ``k`` as one body, without a feminine
    nisba the tagger put in the name («ميليشيات الحوثي [الإيرانية]»); return its end."""
    end = span_end(tags, k)
    j = end
    while j - 1 > k and keys[j - 1].endswith("يه") and is_adjective(keys[j - 1]):
        j -= 1
    clear(tags, j, end)
    set_span(tags, i, j, "ORG")
    return end


def _foreign_name(key: str, known: frozenset[str]) -> bool:
    """An indefinite word the training data never saw, after a head: «جامعة [ستانفورد]»
    (not a plural, «شركة استشارات», nor a word after a conjunction)."""
    return (len(key) >= 4 and key.isalpha() and not key.startswith(("ال", "و", "ف"))
            and not key.endswith("ات") and key not in known and key not in FUNCTION_WORDS
            and key not in PERSON_TITLES and key not in PHRASE_STOP and key not in MONTHS
            and key not in GIVEN_NAMES)


def _named_complement(keys: Sequence[str], tags: Sequence[str], j: int, definite_head: bool,
                      known: frozenset[str]) -> tuple[int, int, int]:
    """``(end, genitive end, modifiers)`` of a name right after an indefinite head: a place
    («جامعة فلوريدا», «هيئة دبي للطيران») or an unknown word; ``(j, -1, 0)`` if none."""
    if definite_head:
        return j, -1, 0
    if tags[j] == "B-LOC":
        end = span_end(tags, j)
        return end, end, 1
    if known and tags[j] == "O" and _foreign_name(keys[j], known):
        return j + 1, j + 1, 1
    if (j + 1 < len(keys) and tags[j] == "O"
            and (_construct_noun(keys[j]) or keys[j] in OF_A_PLACE)
            and (tags[j + 1] == "B-LOC" or (tags[j + 1] == "O" and is_definite(keys[j + 1])))):
        # A construct chain: «مجلس [صيانة الدستور]», «وزارة [خارجية المالديف]»; «بلدية»
        # opens like a preposition (ب) but is a body's head: «مديرية [بلدية المدينة]».
        end = span_end(tags, j + 1)
        return end, end, 1
    return j, -1, 0


def _construct_noun(key: str) -> bool:
    """An indefinite noun that may stand in a name's construct chain (not a particle, title,
    adjective-like time word, or a word after a conjunction)."""
    return (len(key) >= 3 and key.isalpha() and not key.startswith(("ال", "و", "ف", "ب", "ل"))
            and key not in FUNCTION_WORDS and key not in PERSON_TITLES
            and key not in PHRASE_STOP and key not in GIVEN_NAMES)


def org_phrases(
    keys: Sequence[str], tags: list[str],
    listed: frozenset[int] = frozenset(), known: frozenset[str] = frozenset(),
) -> None:
    """Tag head + modifiers as one organisation (see the module docstring).

    ``listed``: token indexes where a gazetteer name starts; a listed name is complete
    («الاتحاد الأوروبي للعمل على …» is not a longer name). ``known``: the words of the
    training data; with it, an indefinite head takes one unseen word as a name
    («جامعة ستانفورد»).
    """
    n = len(keys)
    i = 0
    while i < n - 1:
        head = head_of(keys[i], ORG_PHRASE_HEADS)
        special = _body_of(keys, tags, i, head)
        if special:
            i = special
            continue
        if (head is None or i in listed or tags[i].startswith("I-")
                or tags[i] not in ("O", "B-ORG")):
            i += 1
            continue
        definite_head = head.startswith("ال")
        j, g_end, mods = _named_complement(keys, tags, i + 1, definite_head, known)
        j, mods, genitives = _modifiers(keys, tags, head, j, g_end=g_end, mods=mods)
        known_end = span_end(tags, i) if tags[i] == "B-ORG" else i
        weak = head in WEAK_DEFINITE_HEADS and not genitives and "العليا" not in keys[i:j]
        if mods and j > known_end and is_free(tags, i, j) and not weak:
            set_span(tags, i, j, "ORG")
        i = max(j, i + 1)


def _modifiers(keys: Sequence[str], tags: Sequence[str], head: str, j: int, *, g_end: int,
               mods: int) -> tuple[int, int, int]:
    """Walk the modifiers of a body's name from ``j``: genitive nouns, coordinated genitives,
    adjectives and لـ/للـ phrases. Return ``(end, modifiers, لـ-genitives)``."""
    n = len(keys)
    nisba = False
    definite_head = head.startswith("ال")
    genitives = 0
    while j < n and mods < MAX_MODIFIERS:
        if tags[j] != "O" and not tags[j].endswith("ORG"):
            break  # another name (وزارة الخارجية الصينية الولايات المتحدة …)
        key = keys[j]
        g = _genitive(keys, j)
        genitive = g_end == j
        if g and mods:
            j += g
            g_end = j
            genitives += 1
        elif (genitive and key.startswith("وال") and is_definite(key[1:])
              and head_of(key, ORG_PHRASE_HEADS) is None):  # «والهيئة …»: another body
            j += 1  # coordinated genitives: للتربية والعلوم والثقافة
            g_end = j
        elif (genitive and key.startswith("و") and j + 1 < n and tags[j + 1] == "O"
              and _construct_noun(key[1:]) and is_definite(keys[j + 1])):
            j += 2  # a coordinated construct: «… [وإعادة المؤسسات]», «[وموارد المياه]»
            g_end = j
        elif mods or definite_head:
            # Adjectives; a participle with its own complement after a nationality
            # nisba describes the body («شركة النفط النيجيرية المملوكة للحكومة»).
            if not is_adjective(key) or (nisba and key.startswith("الم") and j + 1 < n and (
                    keys[j + 1].startswith(("ل", "ب")) or keys[j + 1] in PREPOSITIONS)):
                break
            nisba = nisba or key.endswith(("ي", "يه"))
            j += 1
            if genitive:  # the adjective of the genitive noun: coordination may follow
                g_end = j
        elif (is_definite(key) and key not in PERSON_TITLES
              and f"{head} {key}" not in GENERIC_BODIES):
            j += 1
            g_end = j  # a genitive noun may be coordinated: وزارة النفط والغاز
        else:
            break
        mods += 1
    return j, mods, genitives


def split_body_coordination(keys: Sequence[str], tags: list[str]) -> None:
    """«و» + a body's head noun inside an organisation starts another one: «[وزارة الأشغال
    العامة] [ومجلس الجنوب]» are two bodies (a coordinated genitive, «وزارة النفط
    والغاز», has no head noun)."""
    for i in range(1, len(keys)):
        key = keys[i]
        if (tags[i] == "I-ORG" and key[:1] == "و" and len(key) > 3
                and key[1:] in ORG_PHRASE_HEADS and not key[1:].startswith("ال")):
            tags[i] = "B-ORG"


def title_ends_body(keys: Sequence[str], tags: list[str]) -> None:
    """A person's title ending an organisation right before a person is that person's:
    «[مجلس الجنوب] المهندس [حسن هاني]», not «مجلس الجنوب المهندس»."""
    for i, end in list(iter_spans(tags, "B-ORG")):
        if (end - i >= 3 and end < len(tags) and tags[end] == "B-PERS"
                and keys[end - 1] in PERSON_TITLES):
            tags[end - 1] = "O"


def name_after_definite_head(keys: Sequence[str], tags: list[str],
                             known: frozenset[str]) -> None:
    """A definite head noun («المنظمة», «للمنظمة») refers to a body named elsewhere and takes
    no name of its own: indefinite words the training data never saw after it, at the end
    of a title («مساعد المدير العام [للمنظمة] بروس ايلورد»), are the person who holds the
    title, not a body."""
    for i, end in list(iter_spans(tags, "B-ORG")):
        head = head_of(keys[i], _BODY_HEADS)
        rest = keys[i + 1:end]
        if (head is None or not head.startswith("ال") or not rest or len(rest) > 3
                or i == 0 or not any(_is_person_title(key) for key in keys[max(0, i - 3):i])
                or not all(_foreign_name(key, known) for key in rest)):
            continue
        # The person is for the speaker's rule to name (the recogniser would peel «ب» off
        # «بروس» as a preposition): the words are no body.
        clear(tags, i, end)


def _is_person_title(key: str) -> bool:
    """Tell whether a word is a person's title, with or without و/ف before it."""
    return key in PERSON_TITLES or (key[:1] in "وف" and key[1:] in PERSON_TITLES)


def drop_generic(keys: Sequence[str], tags: list[str]) -> None:
    """Untag descriptive references, with or without a proclitic: :data:`GENERIC_BODIES`
    («المنظمة الدولية», «للمنظمة الدولية» stand for a body named elsewhere), a head noun
    alone, a span opened by :data:`NOT_NAME_HEADS` («لفيروس كورونا») and an organisation
    opened by a person's title («والسفير السعودي») — but not a quoted name after a body's
    head noun: «لصحيفة “السفير”» names the newspaper."""
    for i, j in iter_spans(tags):
        if i >= 2 and not keys[i - 1] and (
                keys[i - 2] in QUOTED_ORG_HEADS or keys[i - 2][1:] in QUOTED_ORG_HEADS):
            continue
        first = keys[i]
        for proclitic in ("لل", "وال", "بال", "فال", "ال"):
            if first.startswith(proclitic):
                first = "ال" + first[len(proclitic):]
                break
        words = " ".join((first, *keys[i + 1 : j]))
        bare = keys[i][1:] if keys[i][:1] in "وف" else keys[i]
        opener = {keys[i], *(r for _, r in candidate_splits(keys[i]))}
        if (words in GENERIC_BODIES or opener & NOT_NAME_HEADS or opener & NOT_NAMES
                or (j - i == 1 and first in GENERIC_HEADS)
                or (tags[i] == "B-ORG" and len(bare) >= 3  # «د ب أ» is an agency
                    and (keys[i] in PERSON_TITLES or bare in PERSON_TITLES))):
            clear(tags, i, j)


def drop_described_bodies(keys: Sequence[str], tags: list[str], common: frozenset[str]) -> None:
    """Untag a body's indefinite head noun with one indefinite adjective after it: a
    description, not a name («شركة ناشئة», «بطولة جماعية», «منظمة دولية»). A body's name after
    an indefinite head is the noun it is in construct with («شركة أرامكو»), never an
    adjective; an adjective here is a frequent word of the training data, a feminine nisba
    (ـية) or an active participle (فاعلة: «ناشئة»)."""
    for i, j in iter_spans(tags, "B-ORG"):
        if j - i != 2 or keys[i] not in _BODY_HEADS | COMPETITION_HEADS or keys[i].startswith("ال"):
            continue
        word = keys[i + 1]
        participle = len(word) == 5 and word[1] == "ا" and word.endswith("ه")
        if word.isalpha() and not word.startswith("ال") and (
                word in common or word.endswith("يه") or participle):
            clear(tags, i, j)


def outlet_names(keys: Sequence[str], tags: list[str]) -> None:
    """An untagged word before «نيوز», «موتورز» (and the like) is an outlet or a company:
    both are one body (a span the tagger made of the two, a person, becomes it too). A
    domain-like word is an outlet too: «مجالس.نت»."""
    for i, key in enumerate(keys):
        name, dot, ending = key.rpartition(".")
        if dot and ending in DOMAIN_ENDINGS and len(name) >= 2 and name.replace(".", "").isalnum():
            set_span(tags, i, i + 1, "ORG")
    for i in range(1, len(keys)):
        if keys[i] not in OUTLET_TAILS or not keys[i - 1].isalpha() or len(keys[i - 1]) < 3:
            continue
        untagged = tags[i] == "O" and tags[i - 1] == "O" and keys[i - 1] not in FUNCTION_WORDS
        two_word_person = tags[i - 1] == "B-PERS" and tags[i] == "I-PERS" and (
            i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
        if untagged or two_word_person:
            set_span(tags, i - 1, i + 1, "ORG")


def competition_names(keys: Sequence[str], tags: list[str],
                      known: frozenset[str] = frozenset()) -> None:
    """A competition's head noun (:data:`COMPETITION_HEADS`) and its name are one
    organisation, as the annotation guidelines count leagues and competitions: «كأس العالم
    للأندية 2025», «دوري أبطال آسيا», «بطولة ويمبلدون», «الدوري المصري الممتاز».

    The name is a first complement (a tagged name, a definite noun, a word the training data
    never saw, a construct «أبطال آسيا», another competition head, or the edition's year),
    then adjectives and لـ/للـ genitives, and ends after a year. «بطولة» before a person or
    a work («بطولة الفيلم», "starring") is not a competition.
    """
    n = len(keys)
    i = 0
    while i < n - 1:
        head = head_of(keys[i], COMPETITION_HEADS)
        if head is None or tags[i] not in ("O", "B-MISC"):
            i += 1
            continue
        j = _competition_end(keys, tags, i + 1, head.startswith("ال"), known)
        if j > i + 1 and is_free(tags, i, j):
            set_span(tags, i, j, "ORG")
        i = max(j, i + 1)


def _competition_end(keys: Sequence[str], tags: Sequence[str], j: int, definite_head: bool,
                     known: frozenset[str]) -> int:
    """Where the name of a competition whose head ends at ``j`` ends (``j`` if it has none):
    a first complement (none after a definite head, «الدوري»), then adjectives and لـ/للـ
    genitives, up to the edition's year."""
    n = len(keys)
    if not definite_head:
        while j < n and head_of(keys[j], COMPETITION_HEADS) and tags[j] == "O":
            j += 1  # «بطولة كأس العرب»: the name follows the inner head
        end = _competition_complement(keys, tags, j, known)
        if end == j:
            return j
        j = end
    sponsor = not definite_head
    while j < n:
        key, tag = keys[j], tags[j]
        if key.isdigit() and len(key) == 4:
            return j + 1  # the edition's year closes the name
        if tag.startswith("I-") or (tag == "O" and is_adjective(key)):
            j += 1
        elif tag == "B-ORG" and sponsor:
            j = span_end(tags, j)  # a sponsor's name: «بطولة قطر [إكسون موبيل] المفتوحة»
            sponsor = False
        elif tag == "O" and key not in PHRASE_STOP and (g := _genitive(keys, j)):
            j += g
        else:
            return j
    return j


def _competition_complement(keys: Sequence[str], tags: Sequence[str], j: int,
                            known: frozenset[str]) -> int:
    """End of the name right after an indefinite competition head (``j`` if none): a tagged
    name, a definite noun, an unseen word, a construct «أبطال آسيا», or a year."""
    if j >= len(keys):
        return j
    key, tag = keys[j], tags[j]
    if tag.startswith("I-") or tag in ("B-LOC", "B-ORG", "B-MISC"):
        # a tagged name, or the tagger's own span over head and name
        return span_end(tags, j - 1 if tag.startswith("I-") else j)
    if tag != "O" or head_of(key, WORK_HEADS):  # a person or a work: «بطولة الفيلم»
        return j
    year = key.isdigit() and len(key) == 4
    definite_noun = is_definite(key) and key not in PERSON_TITLES and not is_adjective(key)
    if year or definite_noun or (known and _foreign_name(key, known)):
        return j + 1
    if (j + 1 < len(keys) and _construct_noun(key) and (tags[j + 1] == "B-LOC" or (
            tags[j + 1] == "O" and is_definite(keys[j + 1])))):
        return span_end(tags, j + 1)
    return j


def unknown_outlet_names(keys: Sequence[str], tags: list[str], known: frozenset[str],
                         listed: frozenset[int] = frozenset()) -> None:
    """An outlet's head noun (:data:`OUTLET_HEADS`) before an untagged word the training data
    never saw names that outlet: «لموقع [كوورة]», «وكالة [صحراء ميديا]» (with a tail of
    :data:`OUTLET_TAILS`). The head is left out, as the outlet's own name does, unless a
    list names the two words together (``listed``: where a gazetteer name starts)."""
    for i in range(len(keys) - 1):
        if (head_of(keys[i], OUTLET_HEADS) is None or i in listed
                or not _foreign_name(keys[i + 1], known)):
            continue
        if tags[i] == "B-ORG" and span_end(tags, i) == i + 2:
            clear(tags, i, i + 2)  # «[وكالة صحراء]» read as one body: the name is the word
        if tags[i] != "O" or tags[i + 1] != "O":
            continue
        j = i + 2
        if j < len(keys) and keys[j] in OUTLET_TAILS and (
                tags[j] == "O" or (tags[j].startswith("B-") and span_end(tags, j) == j + 1)):
            j += 1
        set_span(tags, i + 1, j, "ORG")


def outlet_after_receiving(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """The words after a verb of receiving with a pronoun («تلقته», «نشرتها»), up to a
    comma, name the outlet that received the statement: «في بيان، تلقته [أكد نيوز]،»."""
    for i in range(len(keys) - 1):
        if keys[i] not in _RECEIVED:
            continue
        end = _before_comma(tokens, i + 1)
        if (end is not None and all(keys[i + 1:end])
                and not any(tag.endswith(("ORG", "LOC")) for tag in tags[i + 1:end])
                and is_free(tags, i + 1, end)):
            set_span(tags, i + 1, end, "ORG")


def _before_comma(tokens: Sequence[str], start: int) -> int | None:
    """Return where a run of up to :data:`MAX_OUTLET` words from ``start`` ends at a comma
    (written apart or glued to the last word), or None."""
    for j in range(start, min(len(tokens), start + MAX_OUTLET + 1)):
        if tokens[j] in ("،", ","):
            return j if j > start else None
        if tokens[j].endswith(("،", ",")):
            return j + 1
    return None


def quoted_org_names(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """A quoted name after a body's head noun (:data:`QUOTED_ORG_HEADS`) is an organisation."""
    tag_quoted(tokens, keys, tags, QUOTED_ORG_HEADS, "ORG")


def ministry_short_forms(keys: Sequence[str], tags: list[str],
                         places: Callable[[str], bool]) -> None:
    """A portfolio and a feminine nationality nisba is a ministry: «الخارجية التركية»
    (but «وزير الخارجية التركي» and «وزيرة الخارجية الأمريكية» name a minister's post,
    and in «السياسة الخارجية الأمريكية» the portfolio word is an adjective); so is a
    government with its nationality: «الحكومة الأردنية», and an army with its masculine
    one: «الجيش السوداني» (:data:`NATIONAL_HEADS_M`)."""
    for i in range(len(keys) - 1):
        k, nis = keys[i], keys[i + 1]
        prev = keys[i - 1] if i else ""
        feminine = k in PORTFOLIOS or k in NATIONAL_HEADS
        if ((feminine or k in NATIONAL_HEADS_M) and tags[i] == "O" and tags[i + 1] == "O"
                and nis.startswith("ال") and nis.endswith("يه" if feminine else "ي")
                and names_a_place(nis, places)
                and not prev.startswith("ال") and prev not in MINISTER_WORDS
                and head_of(prev, MINISTER_WORDS) is None):
            set_span(tags, i, i + 2, "ORG")


# «بلا» ("without") inside a body's name: أطباء بلا حدود.
WITHOUT = "بلا"


def extend_org_nationality(keys: Sequence[str], tags: list[str],
                           places: Callable[[str], bool],
                           listed: Callable[[Sequence[str]], bool]) -> None:
    """An organisation no list has takes the nationality after it: «[الكونغرس] الأميركي»
    (a listed one does not: «الوداد المغربي» is «الوداد», see :func:`trim_demonym_tail`),
    nor one whose name has its country already: in «مدرب [منتخب مصر] البرتغالي» the
    nationality is the coach's.

    >>> tags = ["O", "B-ORG", "I-ORG", "O"]
    >>> extend_org_nationality(["مدرب", "منتخب", "مصر", "البرتغالي"], tags,
    ...                        lambda key: key in {"مصر", "البرتغال"}, lambda keys: False)
    >>> tags
    ['O', 'B-ORG', 'I-ORG', 'O']
    """
    for i, j in iter_spans(tags, "B-ORG"):
        if (j < len(tags) and tags[j] == "O" and keys[j].startswith("ال")
                and keys[j].endswith(("ي", "يه")) and names_a_place(keys[j], places)
                and not listed(keys[i:j]) and not any(map(places, keys[i:j]))):
            tags[j] = "I-ORG"


def without_tail(keys: Sequence[str], tags: list[str]) -> None:
    """An organisation's name goes on over «بلا» and the word after it: «[أطباء] بلا حدود»,
    «[مراسلون] بلا حدود».

    >>> tags = ["O", "B-ORG", "I-ORG", "O", "O", "O"]
    >>> without_tail(["قالت", "منظمه", "اطباء", "بلا", "حدود", "ان"], tags); tags
    ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']
    """
    for _i, j in iter_spans(tags, "B-ORG"):
        if (j + 1 < len(tags) and keys[j] == WITHOUT and tags[j] == "O"
                and tags[j + 1] == "O" and keys[j + 1][:1].isalpha()):
            tags[j] = tags[j + 1] = "I-ORG"
