"""Phrase rules over a tagged Arabic sentence (in place, on IOB tags; run after the tagger).

* :func:`org_phrases`: an organisation head noun (وزارة، وكالة، منظمة، الاتحاد …) and a
  bounded run of modifiers — a definite genitive noun, then definite adjectives (nisba
  ـي/ـية, participles الم…, a few others) and لـ/للـ genitive phrases — is one organisation:
  «وزارة الخارجية الصينية», «وكالة الطاقة الدولية», «الاتحاد السعودي لكرة القدم»,
  «منظمة البلدان المصدرة للبترول». The run stops at verbs, prepositions, punctuation,
  time words and at another name. «إدارة» (also a verbal noun, "managing") heads an
  organisation only before a person: «إدارة بايدن».
* :func:`venue_phrases`: a venue head (ملعب، استاد، مطار، ساحة، ميدان) before a name
  the tagger took for a person is a place: «ملعب غيلورا بونغ كارنو», «مطار بن غوريون».
* :func:`facility_places`: a facility head (مطار، ميناء، قاعدة، حقل، حي …) and its name
  is a place: «ميناء الحديدة», «مطار الملك خالد الدولي», «حقل الشرارة».
* :func:`person_nisba`: a common given name before an untagged definite family name in
  ـي (the nisba: السبيعي، القحطاني) is a person: «فهد السبيعي».
* :func:`drop_generic`: descriptive references («المنظمة الدولية»), a head noun alone,
  diseases («فيروس كورونا») and titles taken for bodies name no entity.
* :func:`outlet_names`: «تسامح نيوز», «البوابة نيوز» are news outlets.
* :func:`drop_months`: month names (آب/أغسطس، تشرين الثاني) are never names.
* :func:`quoted_titles`: a quoted title after a word for a work (برنامج، بعنوان، فيلم،
  كتاب، مسلسل، رواية …) is a MISC name, whatever the tagger made of its words:
  «برنامج « حوار من القلب »», «بعنوان « الناس وأنا »».
* :func:`quoted_org_names`: a quoted name after a body's head noun is an organisation:
  «حزب "قلب تونس"», «مؤسسة "سيغما كونساي"».
* :func:`split_coordination`: «و» + a given name or a listed name inside a span starts a
  new name: «غادة عادل [وياسمين عبد العزيز]», «أرسنال [وموناكو]».
* :func:`given_name_start`: an untagged given name right before a person span opens it:
  «[طلعت] زكريا», «و[أسامة] حسني».
* :func:`trim_function_tail`: a name never ends with a preposition or adverb
  («محمد بن سلمان [بشأن]»).
* :func:`ministry_short_forms`: «الخارجية التركية» is a ministry.
* :func:`extend_org_nationality`: «الكونغرس الأميركي» is one name.
* :func:`drop_objects`: «تلسكوب جيمس ويب» names no person.
* :func:`trim_common_tail`: a frequent word never seen in a name does not end a person's
  name («ستيف ويتكوف [أجرى]»).
* :func:`regnal_names`: «إليزابيث الثانية», «محمد السادس».
* :func:`drop_common_openers`: «الماء الصالح» is no person.
* :func:`complete_particle_names`: a person's name never ends with «ولد، بن، آل».
* :func:`trim_number_tail`: «ال 15» after a name is a count, not part of it
  («مجلس الأمن ال 15» → «مجلس الأمن»).
* :func:`trim_demonym_tail`: a nationality after a person's name describes them
  («وانيمبا النيجيري» → «وانيمبا»).
* :func:`titled_names`: the untagged name after a title and its complement is a person:
  «وزير الطاقة التركي طنر يلديز».
* :func:`leader_names`: two unknown, indefinite words after «برئاسة، بزعامة، بقيادة» are
  a person: «برئاسة سوبير لال».
* :func:`trim_latin_tail`: a Latin gloss after an Arabic name is not part of it
  («مجموعة العشرين G20» → «مجموعة العشرين»).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from .clitics import candidate_splits
from .lexicon import (
    FACILITY_HEADS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    LEADER_CUES,
    MONTHS,
    NOT_NAMES,
    OBJECT_HEADS,
    ORG_PHRASE_HEADS,
    PERSON_TITLES,
    PHRASE_STOP,
    PORTFOLIOS,
    REGNAL_ORDINALS,
    VENUE_HEADS,
    WORK_HEADS,
)

_OPEN_QUOTES = "«\"“"
_CLOSE_QUOTES = "»\"”"
MAX_TITLE = 6

#: Given names that are also common words in unvocalised text (علي = على "on").
AMBIGUOUS_GIVEN = frozenset({"علي", "سعيد", "كريم", "جميل", "امين", "نور", "صالح", "سالم"})

#: Definite adjectives that are neither nisba (ـي/ـية) nor participles (الم…).
_ADJ = frozenset({"الكبري", "الاعلي", "العليا", "العظمي", "الاول", "الاولي", "العامه", "العام",
                  "الخاصه", "الحره", "الموحده"})

MAX_MODIFIERS = 5
_PREPOSITIONS = frozenset({"من", "في", "علي", "عن", "الي", "مع", "ضد"})

#: Heads that make a body of the place after them only: «أمانة بغداد» (أمانة is also
#: "honesty"), «بلدية غزة».
_OF_A_PLACE = frozenset({"امانه", "بلديه", "بورصه", "مطارات"})

#: Heads that take a person's name as a body's: «إدارة بايدن», «ميليشيات الحوثي». «إدارة»
#: (also "managing") heads an organisation only so.
_OF_A_PERSON = frozenset({"اداره", "ميليشيات", "ميليشيا", "قوات", "كتائب", "جماعه"})

#: ل + an imperfect verb or a particle (لتخفض، ليتم، لن، لم، لا، لهذا) is not a genitive.
_NOT_NOUN = ("لا", "لت", "لي", "لن", "لم", "لل", "له")

#: Generic heads + first modifier that name no one body (مجلس الإدارة: "the board").
GENERIC = frozenset({"مجلس الاداره", "هيئه التحكيم", "شركه الطاقه", "مجموعه العمل",
                     "المنظمه الدوليه", "المنظمه الامميه", "الهيئه الدوليه", "المنظمه العالميه",
                     "البنك المركزي", "مجلس الوزراء", "قوات الامن", "قوات الاحتلال",
                     "قوات الجيش", "قوات الشرطه", "قوات النظام", "قوات التحالف",
                     "قوات المعارضه", "جماعه مسلحه", "المخابرات العامه",
                     "الاستخبارات العامه", "الكلاسيكو", "كلاسيكو", "الديربي", "ديربي"})


@lru_cache(maxsize=65536)
def _base(key: str, heads: frozenset[str]) -> str | None:
    """The head word of ``key`` (``key`` itself or without a proclitic), if it is in ``heads``.

    The article must be written: «للمجموعة» is المجموعة, never مجموعة.
    """
    if key in heads:
        return key
    for n, r in candidate_splits(key):
        written = key[n:].startswith("ال") or key[:n].endswith("لل") or (
            key[:n].endswith("ل") and key[n:].startswith("ل"))
        if r in heads and r.startswith("ال") == written:
            return r
    return None


def _definite(key: str) -> bool:
    return key.startswith("ال") and len(key) >= 4 and key not in PHRASE_STOP and key not in MONTHS


def _adjective(key: str) -> bool:
    return _definite(key) and (key.endswith(("ي", "يه")) or key.startswith("الم") or key in _ADJ)


def _genitive(keys: Sequence[str], k: int) -> int:
    """Length of a لـ/للـ genitive phrase at ``k`` (0 if none): للبترول, لكرة القدم."""
    key = keys[k]
    if key.startswith("لل") and len(key) >= 5:
        return 1
    if (key.startswith("ل") and not key.startswith(_NOT_NOUN) and len(key) >= 4
            and k + 1 < len(keys) and _definite(keys[k + 1])):
        return 2
    return 0


def _span_end(tags: Sequence[str], k: int) -> int:
    j = k + 1
    while j < len(tags) and tags[j].startswith("I-"):
        j += 1
    return j


def _set(tags: list[str], i: int, j: int, tag: str) -> None:
    for t in range(i, j):
        tags[t] = ("B-" if t == i else "I-") + tag
    if j < len(tags) and tags[j].startswith("I-"):
        tags[j] = "B-" + tags[j][2:]  # a span cut in two keeps a valid start


def _free(tags: Sequence[str], i: int, j: int) -> bool:
    """True if no span crosses the edges of ``[i, j)``."""
    return not (tags[i].startswith("I-") or (j < len(tags) and tags[j].startswith("I-")))


def _body_of(keys: Sequence[str], tags: list[str], i: int, head: str | None) -> int:
    """Tag a body named after a place or a person at ``i`` («أمانة بغداد», «ميليشيات
    الحوثي», «إدارة بايدن»); return where the caller goes on, or 0 to treat ``i`` as an
    ordinary head."""
    if keys[i] in _OF_A_PLACE and tags[i] == "O" and tags[i + 1] == "B-LOC":
        j = _span_end(tags, i + 1)
        _set(tags, i, j, "ORG")
        return j
    if head not in _OF_A_PERSON:
        return 0
    if tags[i] == "B-PERS":  # «[ميليشيات الحوثي]» tagged as one person
        return _of_a_person(keys, tags, i, i + 1)
    if tags[i] == "O" and tags[i + 1] == "B-PERS":
        return _of_a_person(keys, tags, i, i + 1)
    return i + 1 if head == "اداره" else 0


def _of_a_person(keys: Sequence[str], tags: list[str], i: int, k: int) -> int:
    """Tag head ``i`` + the person span at or after ``k`` as one body, without a feminine
    nisba the tagger put in the name («ميليشيات الحوثي [الإيرانية]»); return its end."""
    end = _span_end(tags, k)
    j = end
    while j - 1 > k and keys[j - 1].endswith("يه") and _adjective(keys[j - 1]):
        j -= 1
    for t in range(j, end):
        tags[t] = "O"
    _set(tags, i, j, "ORG")
    return end


#: Definite heads that name a body only with a complement or «العليا»: «الهيئة العليا
#: المستقلة للانتخابات», not «اللجنة التنسيقية».
_WEAK_DEFINITE_HEADS = frozenset({"الهيئه", "اللجنه", "المحكمه", "المفوضيه", "الجبهه"})


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
        end = _span_end(tags, j)
        return end, end, 1
    if known and tags[j] == "O" and _foreign_name(keys[j], known):
        return j + 1, j + 1, 1
    return j, -1, 0


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
        head = _base(keys[i], ORG_PHRASE_HEADS)
        special = _body_of(keys, tags, i, head)
        if special:
            i = special
            continue
        if (head is None or i in listed or tags[i].startswith("I-")
                or tags[i] not in ("O", "B-ORG")):
            i += 1
            continue
        j = i + 1
        nisba = False
        definite_head = head.startswith("ال")
        j, g_end, mods = _named_complement(keys, tags, j, definite_head, known)
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
            elif genitive and key.startswith("وال") and _definite(key[1:]):
                j += 1  # coordinated genitives: للتربية والعلوم والثقافة
                g_end = j
            elif mods or definite_head:
                # Adjectives; a participle with its own complement after a nationality
                # nisba describes the body («شركة النفط النيجيرية المملوكة للحكومة»).
                if not _adjective(key) or (nisba and key.startswith("الم") and j + 1 < n and (
                        keys[j + 1].startswith(("ل", "ب")) or keys[j + 1] in _PREPOSITIONS)):
                    break
                nisba = nisba or key.endswith(("ي", "يه"))
                j += 1
            elif _definite(key) and key not in PERSON_TITLES and \
                    f"{head} {key}" not in GENERIC:
                j += 1
                g_end = j  # a genitive noun may be coordinated: وزارة النفط والغاز
            else:
                break
            mods += 1
        known_end = _span_end(tags, i) if tags[i] == "B-ORG" else i
        weak = head in _WEAK_DEFINITE_HEADS and not genitives and "العليا" not in keys[i:j]
        if mods and j > known_end and _free(tags, i, j) and not weak:
            _set(tags, i, j, "ORG")
        i = max(j, i + 1)


#: Titles that open a name inside a facility's name: «مطار الملك خالد الدولي».
_FACILITY_TITLES = frozenset({"الملك", "الامير", "الشيخ", "الشهيد", "الامام", "السلطان"})
#: Words that may follow the first head inside a facility's name: «ملعب مدينة الملك …».
_INNER_HEADS = frozenset({"مدينه", "مجمع", "قريه"})
#: Adjectives that end a facility's name (other adjectives describe it: «قصر سلوى التاريخي»).
FACILITY_ADJ = frozenset({
    "الدولي", "الدوليه", "الجوي", "الجويه", "البحري", "البحريه", "العسكري", "العسكريه",
    "العام", "الكبير", "الكبري", "الرياضي", "الرياضيه", "المركزي", "المركزيه", "النفطي",
    "النفطيه", "الوطني", "الوطنيه", "الجامعي", "الحكومي", "الحكوميه", "التخصصي"})
MAX_FACILITY_WORDS = 4


def _facility_word(key: str, common: frozenset[str]) -> bool:
    """A word that may name a facility: not common, not a function word, not a clitic
    phrase («بالتعادل», «ليتأهل») nor another head."""
    if key.startswith((*_NOT_NOUN, "بال", "وال", "فال", "كال")) or any(
            r in common for _, r in candidate_splits(key)) or key.removeprefix("ال") in common:
        return False
    return (len(key) >= 3 and key.isalpha() and key not in common and key not in FUNCTION_WORDS
            and key not in PHRASE_STOP and key not in MONTHS and not _adjective(key)
            and _base(key, FACILITY_HEADS) is None
            and key not in ORG_PHRASE_HEADS
            and not (key[0] == "و" and key[1:] in _INNER_HEADS | ORG_PHRASE_HEADS))


def facility_places(keys: Sequence[str], tags: list[str], common: frozenset[str]) -> None:
    """A facility head (:data:`FACILITY_HEADS`) and its name is one place (in place).

    The name is a tagged name right after the head («ميناء [الحديدة]», «مطار الملك [خالد]»),
    or up to two untagged words that are not ``common`` (seen often and never in a name in
    the training data: «قاعدة بيانات» is no place) unless an adjective of
    :data:`FACILITY_ADJ` follows («قاعدة بلد الجوية»). A coordinated head («ومستشفى»)
    starts the next place.
    """
    n = len(keys)
    i = 0
    while i < n - 1:
        if _base(keys[i], FACILITY_HEADS) is None or tags[i].startswith("I-"):
            i += 1
            continue
        j = i + 1
        while j < n and (keys[j] in FACILITY_HEADS or keys[j] in _INNER_HEADS) and j - i < 3:
            j += 1
        start_name = j
        if j + 1 < n and keys[j] in _FACILITY_TITLES:
            j += 1
        if j < n and tags[j].startswith("B-"):
            end = _span_end(tags, j)
            j = next((t for t in range(j + 1, end) if _base(keys[t], FACILITY_HEADS)), end)
            if j < end:
                tags[j] = "B-" + tags[j][2:]
        else:
            while (j < n and tags[j] == "O" and j - start_name < 2
                   and (_facility_word(keys[j], common) or (
                       j + 1 < n and keys[j + 1] in FACILITY_ADJ and len(keys[j]) >= 3))):
                j += 1
        if j == start_name or (j == start_name + 1 and keys[start_name] in _FACILITY_TITLES):
            i += 1
            continue
        while j < n and tags[j] in ("O", "I-PERS", "I-LOC") and keys[j] in FACILITY_ADJ:
            j += 1
        if _free(tags, i, j) or all(t == "O" or t.endswith(("PERS", "LOC")) for t in tags[i:j]):
            if j < n and tags[j].startswith("I-"):
                tags[j] = "B-" + tags[j][2:]
            _set(tags, i, j, "LOC")
        i = j


def venue_phrases(keys: Sequence[str], tags: list[str]) -> None:
    """A venue head before a person-tagged name: the whole is a place."""
    n = len(keys)
    for i in range(n - 1):
        if tags[i] != "O" or _base(keys[i], VENUE_HEADS) is None:
            continue
        k = i + 1
        if tags[k] == "O" and k + 1 < n and len(keys[k]) >= 3 and (
                not keys[k].startswith("ال") or keys[k] == "الشهيد"):
            k += 1  # one untagged word of the name: ملعب غيلورا [بونغ كارنو], ستاد الشهيد
        if tags[k] == "B-PERS":
            _set(tags, i, _span_end(tags, k), "LOC")


def _demonym(key: str, places: Callable[[str], bool]) -> bool:
    """True if a nisba names a listed place: الأمريكي (أمريكا), الروسي (روسيا), الصيني,
    الإيرانية (إيران)."""
    root = key[2:-2] if key.endswith("يه") else key[2:-1]
    forms = [root, root + "ا", root + "يا", "ال" + root, root + "ه"]
    if len(root) >= 5 and root.endswith("ل"):
        forms.append("ال" + root[:-1])  # الكونغولي (الكونغو)
    return any(places(f) for f in forms)


def person_nisba(keys: Sequence[str], tags: list[str],
                 places: Callable[[str], bool] = lambda _: False) -> None:
    """Given name + untagged definite nisba family name → a person (فهد السبيعي).

    Not after «علي» (also على "on" in unvocalised text), not a nationality (الأمريكي).
    """
    for i in range(len(keys) - 1):
        fam = keys[i + 1]
        if (tags[i] == "O" and tags[i + 1] == "O" and keys[i] in GIVEN_NAMES
                and keys[i] not in AMBIGUOUS_GIVEN and fam.startswith("ال")
                and fam.endswith("ي") and len(fam) >= 6 and fam not in PHRASE_STOP
                and not _demonym(fam, places) and (i == 0 or tags[i - 1] == "O")):
            _set(tags, i, i + 2, "PERS")


#: Words that open no name: diseases («فيروس كورونا») and the like.
NOT_NAME_HEADS = frozenset({"فيروس", "الفيروس", "وباء", "الوباء", "مرض", "جائحه", "الجائحه",
                            "متحور", "المتحور", "سلاله"})
#: A body's head noun alone («المنظمة», «الوزارة») refers back; it names nothing.
GENERIC_HEADS = frozenset({"المنظمه", "الوزاره", "الحكومه", "الشركه", "الهيئه", "اللجنه",
                           "الوكاله", "المؤسسه", "الجمعيه", "المجموعه", "الحركه", "الحزب"})


def drop_generic(keys: Sequence[str], tags: list[str]) -> None:
    """Untag descriptive references, with or without a proclitic: :data:`GENERIC`
    («المنظمة الدولية», «للمنظمة الدولية» stand for a body named elsewhere), a head noun
    alone, a span opened by :data:`NOT_NAME_HEADS` («لفيروس كورونا») and an organisation
    opened by a person's title («والسفير السعودي»)."""
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            j = _span_end(tags, i)
            first = keys[i]
            for proclitic in ("لل", "وال", "بال", "فال", "ال"):
                if first.startswith(proclitic):
                    first = "ال" + first[len(proclitic):]
                    break
            words = " ".join((first, *keys[i + 1 : j]))
            bare = keys[i][1:] if keys[i][:1] in "وف" else keys[i]
            opener = {keys[i], *(r for _, r in candidate_splits(keys[i]))}
            if (words in GENERIC or opener & NOT_NAME_HEADS or opener & NOT_NAMES
                    or (j - i == 1 and first in GENERIC_HEADS)
                    or (tags[i] == "B-ORG" and len(bare) >= 3  # «د ب أ» is an agency
                        and (keys[i] in PERSON_TITLES or bare in PERSON_TITLES))):
                for t in range(i, j):
                    tags[t] = "O"
            i = j
        else:
            i += 1


#: Last words of news outlets' names: «تسامح نيوز», «البوابة نيوز», «عرب تايمز».
OUTLET_TAILS = frozenset({"نيوز", "تايمز", "بوست", "برس", "بريس", "انفو", "ميديا"})


def outlet_names(keys: Sequence[str], tags: list[str]) -> None:
    """An untagged word before «نيوز» (and the like) is a news outlet: both are one body."""
    for i in range(1, len(keys)):
        if (keys[i] in OUTLET_TAILS and tags[i] == "O" and tags[i - 1] == "O"
                and len(keys[i - 1]) >= 3 and keys[i - 1].isalpha()
                and keys[i - 1] not in FUNCTION_WORDS):
            _set(tags, i - 1, i + 1, "ORG")


def drop_months(keys: Sequence[str], tags: list[str]) -> None:
    """Untag spans made of month names only (آب/أغسطس، كانون الأول)."""
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            j = _span_end(tags, i)
            words = [w for k in keys[i:j] for w in k.split("/") if w]
            # One word alone may be a name too (نيسان: Nissan); pairs and two-word months not.
            if len(words) >= 2 and all(w in MONTHS for w in words):
                for t in range(i, j):
                    tags[t] = "O"
            i = j
        else:
            i += 1


def trim_latin_tail(tokens_core: Sequence[str], tags: list[str]) -> None:
    """Drop Latin tokens that end a span of Arabic words («مجموعة العشرين G20»)."""
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            j = _span_end(tags, i)
            k = j
            while k > i and tokens_core[k - 1].isascii() and any(
                    c.isalpha() for c in tokens_core[k - 1]):
                k -= 1
            if i < k < j:
                for t in range(k, j):
                    tags[t] = "O"
            i = j
        else:
            i += 1


def quoted_titles(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """A quoted title (up to :data:`MAX_TITLE` words) after a work word is MISC.

    ``tokens`` are the raw tokens (quote marks separate, as in ANERcorp, or attached).
    """
    _tag_quoted(tokens, keys, tags, WORK_HEADS, "MISC")


#: Head nouns before a body's quoted name: «حزب "قلب تونس"», «مؤسسة "سيغما كونساي"».
QUOTED_ORG_HEADS = frozenset({
    "حزب", "حركه", "مؤسسه", "وكاله", "شركه", "جمعيه", "منظمه", "قناه", "صحيفه", "مجله",
    "تيار", "جبهه", "ائتلاف", "تحالف", "قائمه", "مجموعه", "نادي", "فريق", "موقع", "اذاعه"})


def quoted_org_names(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """A quoted name after a body's head noun (:data:`QUOTED_ORG_HEADS`) is an organisation."""
    _tag_quoted(tokens, keys, tags, QUOTED_ORG_HEADS, "ORG")


def _tag_quoted(tokens: Sequence[str], keys: Sequence[str], tags: list[str],
                heads: frozenset[str], tag: str) -> None:
    n = len(tokens)
    for i in range(n - 2):
        if keys[i] not in heads and keys[i][1:] not in heads:
            continue
        q = tokens[i + 1]
        if not q or q[0] not in _OPEN_QUOTES:
            continue
        start = i + 2 if not keys[i + 1] else i + 1
        end = -1
        for j in range(start, min(n, start + MAX_TITLE + 1)):
            raw = tokens[j]
            if not keys[j]:
                if raw and raw[-1] in _CLOSE_QUOTES:
                    end = j
                break
            if raw[-1] in _CLOSE_QUOTES and (j > i + 1 or len(raw) > 1):
                end = j + 1
                break
            if raw[-1] in ".،,:؛":
                break
        if end > start and _free(tags, start, end):
            _set(tags, start, end, tag)


def split_coordination(keys: Sequence[str], tags: list[str], known: Callable[[str], bool],
                       ) -> None:
    """Inside a span, a token «و» + a given name, or a one-word name ``known`` says is listed
    (and the span ends there), opens a new span of the same type: «منطقة آسيا والمحيط
    الهادئ» stays whole; a word that itself starts with و (وليد، وائل) is left alone."""
    for i in range(1, len(keys)):
        k = keys[i]
        if (not tags[i].startswith("I-") or tags[i] == "I-MISC" or len(k) < 4 or k[0] != "و"
                or k in GIVEN_NAMES):
            continue
        rest = k[1:]
        if (rest in GIVEN_NAMES and rest not in AMBIGUOUS_GIVEN) or (known(rest) and (
                i + 1 == len(tags) or not tags[i + 1].startswith("I-"))):
            tags[i] = "B-" + tags[i][2:]


def given_name_start(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """An untagged given name (also after و) right before a person span joins the span
    (one word only: «ومتعب وأسامة حسني» are two people)."""
    starts = [i for i in range(1, len(keys)) if tags[i] == "B-PERS" and tags[i - 1] == "O"]
    for i in starts:
        k = keys[i - 1]
        if tokens[i - 1].endswith("ى"):
            continue
        base = k if k in GIVEN_NAMES else k[1:] if k[:1] == "و" else ""
        if base in GIVEN_NAMES and base not in AMBIGUOUS_GIVEN:
            tags[i - 1], tags[i] = "B-PERS", "I-PERS"


def trim_function_tail(keys: Sequence[str], tags: list[str],
                       listed: frozenset[tuple[int, int]] = frozenset()) -> None:
    """Drop prepositions, adverbs and relatives (:data:`FUNCTION_WORDS`) ending a span,
    unless the span is a ``listed`` name (``(start, end)`` token spans: «أو إم في»)."""
    for i in range(len(keys) - 1, 0, -1):
        k = keys[i]
        if (tags[i].startswith("I-") and (k in FUNCTION_WORDS or (
                k[:1] == "و" and (k[1:] in PERSON_TITLES or k == "وولي")))  # «[وولي] العهد»
                and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))):
            start = i
            while not tags[start].startswith("B-") and start > 0:
                start -= 1
            if (start, i + 1) not in listed:
                tags[i] = "O"


def trim_common_tail(keys: Sequence[str], tags: list[str], common: frozenset[str]) -> None:
    """Drop a ``common`` word (frequent, never inside a name in the training data) ending a
    person's name: «ستيف ويتكوف [أجرى]», «رينار [المنتخب]». A nisba stays: it is a family
    name as often as an adjective («صالح الشهري»)."""
    for i in range(len(keys) - 1, 0, -1):
        k = keys[i]
        if (tags[i] == "I-PERS" and _ends_span(tags, i) and k in common
                and not (k.startswith("ال") and k.endswith("ي"))):
            tags[i] = "O"


def _ends_span(tags: Sequence[str], i: int) -> bool:
    return tags[i].startswith("I-") and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))


def ministry_short_forms(keys: Sequence[str], tags: list[str],
                         places: Callable[[str], bool]) -> None:
    """A portfolio and a feminine nationality nisba is a ministry: «الخارجية التركية»
    (but «وزير الخارجية التركي» and «وزيرة الخارجية الأمريكية» name a minister's post,
    and in «السياسة الخارجية الأمريكية» the portfolio word is an adjective)."""
    for i in range(len(keys) - 1):
        k, nis = keys[i], keys[i + 1]
        prev = keys[i - 1] if i else ""
        if (k in PORTFOLIOS and tags[i] == "O" and tags[i + 1] == "O"
                and nis.startswith("ال") and nis.endswith("يه") and _demonym(nis, places)
                and not prev.startswith("ال") and prev not in _MINISTER
                and _base(prev, _MINISTER) is None):
            _set(tags, i, i + 2, "ORG")


_MINISTER = frozenset({"وزير", "وزيره", "الوزير", "الوزيره", "وزاره", "الوزاره"})


def extend_org_nationality(keys: Sequence[str], tags: list[str],
                           places: Callable[[str], bool],
                           listed: Callable[[Sequence[str]], bool]) -> None:
    """An organisation no list has takes the nationality after it: «[الكونغرس] الأميركي»
    (a listed one does not: «الوداد المغربي» is «الوداد», see :func:`trim_demonym_tail`)."""
    i = 0
    while i < len(tags):
        if tags[i] != "B-ORG":
            i += 1
            continue
        j = _span_end(tags, i)
        if (j < len(tags) and tags[j] == "O" and keys[j].startswith("ال")
                and keys[j].endswith(("ي", "يه")) and _demonym(keys[j], places)
                and not listed(keys[i:j])):
            tags[j] = "I-ORG"
            j += 1
        i = j


def drop_objects(keys: Sequence[str], tags: list[str]) -> None:
    """A person's name after an object word is the object's name: «تلسكوب [جيمس ويب]»."""
    for i in range(1, len(keys)):
        if tags[i] == "B-PERS" and keys[i - 1] in OBJECT_HEADS:
            for t in range(i, _span_end(tags, i)):
                tags[t] = "O"


#: Name particles after which a name goes on: «محمد محمود ولد [الشيخ]», «عبد الله بن [بيه]».
_NAME_LINKS = frozenset({"ولد", "بن", "بنت", "ابن", "ال", "ابو", "عبد"})


def regnal_names(keys: Sequence[str], tags: list[str]) -> None:
    """A regnal ordinal after a person's name is part of it: «إليزابيث [الثانية]»."""
    for i in range(1, len(keys)):
        if (tags[i] == "O" and keys[i] in REGNAL_ORDINALS
                and tags[i - 1] in ("B-PERS", "I-PERS")):
            tags[i] = "I-PERS"


def drop_common_openers(keys: Sequence[str], tags: list[str], common: frozenset[str]) -> None:
    """A person's name never opens with a definite common word: «[الماء الصالح] للشرب»."""
    for i, k in enumerate(keys):
        if tags[i] == "B-PERS" and k.startswith(("ال", "بال", "وال")) and k in common:
            for t in range(i, _span_end(tags, i)):
                tags[t] = "O"


def complete_particle_names(keys: Sequence[str], tags: list[str]) -> None:
    """A person's name never ends with a particle (ولد، بن، آل، أبو): the next word joins
    it, and an untagged person's name right after joins too («… ولد [محمد الأمين]»)."""
    i = len(keys) - 2
    while i >= 0:
        if (tags[i] in ("B-PERS", "I-PERS") and keys[i] in _NAME_LINKS
                and not tags[i + 1].startswith("I-") and keys[i + 1].isalpha()):
            j = _span_end(tags, i + 1) if tags[i + 1].startswith("B-") else i + 2
            for t in range(i + 1, j):
                tags[t] = "I-PERS"
        i -= 1


def trim_number_tail(keys: Sequence[str], tags: list[str]) -> None:
    """Drop a count («ال 15», «الـ 192») ending a span: the article and the number."""
    for i in range(len(keys) - 1, 1, -1):
        if (_ends_span(tags, i) and keys[i].isdigit() and keys[i - 1] in ("ال", "الـ")
                and tags[i - 1].startswith("I-")):
            tags[i - 1] = tags[i] = "O"


def trim_demonym_tail(keys: Sequence[str], tags: list[str], places: Callable[[str], bool],
                      listed: Callable[[Sequence[str]], bool] = lambda _: False) -> None:
    """Drop a nationality nisba (of a listed place) ending a name.

    A person: after a one-word name that is not a given name, «وانيمبا النيجيري»;
    «أحمد المصري», «سعيد محمد الكندي» keep theirs (nisbas are family names too). An
    organisation: when the rest is a ``listed`` name, «الوداد المغربي» is «الوداد»; the
    body of a person too: «ميليشيات الحوثي الإيرانية» is «ميليشيات الحوثي».
    """
    i = len(keys) - 1
    while i > 0:
        k = keys[i]
        if (_ends_span(tags, i) and k.startswith("ال") and k.endswith(("ي", "يه"))
                and _demonym(k, places)):
            start = i - 1
            while not tags[start].startswith("B-"):
                start -= 1
            if (tags[i] == "I-PERS" and start == i - 1 and keys[start] not in GIVEN_NAMES) or (
                    tags[i] == "I-ORG" and (listed(keys[start:i]) or (
                        start == i - 2 and _base(keys[start], _OF_A_PERSON)))):
                tags[i] = "O"
        i -= 1


MAX_TITLE_COMPLEMENT = 4


def _title_name_word(key: str, first: bool, common: frozenset[str]) -> bool:
    """A word that may be part of a name after a title: not common, function, time or title
    word; not definite (but a later word may be a nisba family name: «مصطفى الكاظمي»); no
    proclitic ب/ل/و/ف before a word that is not a given name."""
    if (len(key) < 2 or not key.isalpha() or key in common or key in FUNCTION_WORDS
            or key in PHRASE_STOP or key in MONTHS or key in PERSON_TITLES):
        return False
    if key.startswith("ال"):
        return not first and key.endswith("ي")
    return key[0] not in "بلوف" or key in GIVEN_NAMES


def titled_names(tokens: Sequence[str], keys: Sequence[str], tags: list[str],
                 common: frozenset[str]) -> None:
    """After a title and its complement, an untagged name is a person (in place):
    «وزير الطاقة التركي [طنر يلديز]», «رئيس الوزراء العراقي [مصطفى الكاظمي]», and a name in
    quote marks: «ووزير الطاقة والموارد الطبيعية "[طنر يلديز]"».

    The complement is up to :data:`MAX_TITLE_COMPLEMENT` definite words, coordinated or
    لل-genitives (portfolio, nationality); a second title may follow («الأمير»). The name is
    two or three words, or one given name (not «على», the preposition).
    """
    n = len(keys)
    i = 0
    while i < n:
        k = keys[i]
        if tags[i] != "O" or not (k in PERSON_TITLES or (k[:1] in "وف" and k[1:] in PERSON_TITLES)):
            i += 1
            continue
        j = i + 1
        while (j < n and j - i <= MAX_TITLE_COMPLEMENT and tags[j] == "O"
               and keys[j].startswith(("ال", "لل", "وال")) and keys[j] not in PERSON_TITLES):
            j += 1
        while j < n and tags[j] == "O" and keys[j] in PERSON_TITLES:
            j += 1
        if j + 1 < n and not keys[j] and tokens[j][:1] in _OPEN_QUOTES:
            j += 1
        end = j
        while (end < n and end - j < 3 and tags[end] == "O"
               and _title_name_word(keys[end], end == j, common)
               and not tokens[end].endswith("على")):
            end += 1
        if end - j >= 2 or (end - j == 1 and keys[j] in GIVEN_NAMES
                            and keys[j] not in AMBIGUOUS_GIVEN):
            _set(tags, j, end, "PERS")
        i = max(end, i + 1)


#: Particles that end a run of leader-name words.
_PARTICLES = frozenset({"من", "علي", "الي", "ان", "لا", "ما", "او", "ثم", "قد", "لم", "لن"})


def _leader_word(key: str) -> bool:
    """A word that may be part of a name: not a particle, title, definite noun, plural
    (ـات) or feminine nisba (ـية, «قوات روسية»)."""
    return (len(key) >= 2 and key.isalpha() and not key.startswith("ال")
            and not key.endswith(("ات", "يه")) and key not in _PARTICLES
            and key not in FUNCTION_WORDS and key not in PERSON_TITLES
            and key not in PHRASE_STOP)


def leader_names(keys: Sequence[str], tags: list[str]) -> None:
    """Tag two untagged, indefinite, unknown words after a leader cue as a person (a third
    word is as often the next word of the sentence: «مني مناوي بدعوى»)."""
    n = len(keys)
    for i in range(n - 1):
        if keys[i] not in LEADER_CUES or tags[i + 1] != "O":
            continue
        j = i + 1
        while j < n and j - i <= 2 and tags[j] == "O" and _leader_word(keys[j]):
            j += 1
        if j - i == 3:  # a one-word leader is too often a common noun
            _set(tags, i + 1, j, "PERS")
