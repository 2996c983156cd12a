"""Phrase rules for people: names after titles and leader cues, given names, nisbas,
regnal ordinals, name particles, and words that end or open no name."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ...lexicon import (
    AMBIGUOUS_GIVEN,
    AR_ACCUSATIVE_MARK,
    AR_TEAM_ROLES,
    AR_VERB_FORMS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    LEADER_CUES,
    LEADER_NAME_STOPS,
    MONTHS,
    NAME_LINKS,
    NO_NAME_OPENERS,
    OBJECT_HEADS,
    OF_A_PERSON,
    ORG_PHRASE_HEADS,
    PERSON_DESCRIPTORS,
    PERSON_TITLES,
    PHRASE_STOP,
    PRONOUNS,
    REGNAL_ORDINALS,
    SPEAKING_PRONOUNS,
)
from ..clitics import candidate_splits
from .tags import (
    OPEN_QUOTES,
    clear,
    ends_span,
    iter_spans,
    names_a_place,
    set_span,
    span_end,
)

#: «إن» and «أن» as written, with their hamza: a particle, never a name's first word.
_PARTICLES_AS_WRITTEN = frozenset({"إن", "أن", "إنّ", "أنّ", "لأن", "بأن"})


def person_nisba(keys: Sequence[str], tags: list[str],
                 places: Callable[[str], bool] = lambda _: False) -> None:
    """Given name + untagged definite nisba family name → a person (فهد السبيعي), also when
    the tagger took the given name alone («[صلاح] اليحيائي»).

    Not after «علي» (also على "on" in unvocalised text), not a nationality (الأمريكي).
    """
    for i in range(len(keys) - 1):
        fam = keys[i + 1]
        alone = tags[i] == "O" or (tags[i] == "B-PERS" and not tags[i + 1].startswith("I-"))
        if (alone and tags[i + 1] == "O" and keys[i] in GIVEN_NAMES
                and keys[i] not in AMBIGUOUS_GIVEN and fam.startswith("ال")
                and fam.endswith("ي") and len(fam) >= 6 and fam not in PHRASE_STOP
                and not names_a_place(fam, places) and (i == 0 or tags[i - 1] == "O")):
            set_span(tags, i, i + 2, "PERS")


def team_after_role(keys: Sequence[str], tags: list[str]) -> None:
    """A person right after an indefinite team role is the team the role is of, in
    construct: «لاعب [أولمبي مرسيليا] سابقا» is an organisation."""
    for i, end in list(iter_spans(tags, "B-PERS")):
        role = keys[i - 1] if i else ""
        if role in AR_TEAM_ROLES or (role[:1] in "وف" and role[1:] in AR_TEAM_ROLES):
            set_span(tags, i, end, "ORG")


def given_name_tail(tokens: Sequence[str], keys: Sequence[str], tags: list[str],
                    common: frozenset[str]) -> None:
    """A person's name of two given names goes on over a name-like word after it: a full
    name ends with a family name («[محمد ناجي] شحاتة», «[محمد المنصف] المرزوقي»)."""
    for i, end in list(iter_spans(tags, "B-PERS")):
        if (end - i == 2 and end < len(keys) and tags[end] == "O"
                and all(key in GIVEN_NAMES and key not in AMBIGUOUS_GIVEN
                        for key in keys[i:end])
                and not tokens[end - 1].endswith(("،", ",")) and keys[end]
                and not tokens[end].endswith("على")
                and _title_name_word(keys[end], False, common)):
            set_span(tags, i, end + 1, "PERS")


def compound_given_name_tail(tokens: Sequence[str], keys: Sequence[str], tags: list[str],
                             common: frozenset[str]) -> None:
    """A person's name that is only a compound given name («عبد الله», «عبد الرحمن») goes on
    over the definite word after it, the family name: «وزير الاتصالات [عبد الله] السواحة».
    A regnal ordinal or a nisba after it (a nationality, a family name in ـي) is left to
    the rules for those."""
    for i, end in list(iter_spans(tags, "B-PERS")):
        if end - i != 2 or keys[i] != "عبد" or end >= len(keys) or tags[end] != "O":
            continue
        key = keys[end]
        if (key.startswith("ال") and len(key) >= 5 and key.isalpha() and key not in common
                and key not in FUNCTION_WORDS and key not in PHRASE_STOP
                and key not in REGNAL_ORDINALS and not key.endswith(("ي", "يه"))
                and not tokens[end - 1].endswith(("،", ","))):
            set_span(tags, i, end + 1, "PERS")


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


def trim_common_tail(keys: Sequence[str], tags: list[str], common: frozenset[str]) -> None:
    """Drop a ``common`` word (frequent, never inside a name in the training data) ending a
    person's name: «ستيف ويتكوف [أجرى]», «رينار [المنتخب]». A nisba stays: it is a family
    name as often as an adjective («صالح الشهري»)."""
    for i in range(len(keys) - 1, 0, -1):
        k = keys[i]
        if (tags[i] == "I-PERS" and ends_span(tags, i) and k in common
                and not (k.startswith("ال") and k.endswith("ي"))):
            tags[i] = "O"


def drop_objects(keys: Sequence[str], tags: list[str]) -> None:
    """A person's name after an object word is the object's name: «تلسكوب [جيمس ويب]»."""
    for i in range(1, len(keys)):
        if tags[i] == "B-PERS" and keys[i - 1] in OBJECT_HEADS:
            clear(tags, i, span_end(tags, i))


def regnal_names(keys: Sequence[str], tags: list[str]) -> None:
    """A regnal ordinal after a person's name is part of it: «إليزابيث [الثانية]»."""
    for i in range(1, len(keys)):
        if (tags[i] == "O" and keys[i] in REGNAL_ORDINALS
                and tags[i - 1] in ("B-PERS", "I-PERS")):
            tags[i] = "I-PERS"


#: A verb in the dual or plural (يستعيدان، تعلنون): no name looks so.
MIN_VERB = 6
_PLURAL_VERB = re.compile(r"^(?:[وف]?(?:س?[يت]))\w{3,}(?:ان|ون|ين)$")


def drop_common_openers(keys: Sequence[str], tags: list[str], common: frozenset[str]) -> None:
    """A person's name never opens with a definite common word («[الماء الصالح] للشرب»,
    also after a proclitic: «بالماء»), a particle («[أو استفسار]») or a verb in the dual or
    plural («[يستعيدان نغمة]»), and is never made of common words only («[أرضًا احتفالًا]»)."""
    for i, k in enumerate(keys):
        if tags[i] != "B-PERS":
            continue
        end = span_end(tags, i)
        forms = {k, *(r for _, r in candidate_splits(k))}
        verb = len(k) >= MIN_VERB and k not in GIVEN_NAMES and _PLURAL_VERB.match(k)
        if (verb or k in NO_NAME_OPENERS
                or any(f.startswith("ال") and f in common for f in forms)
                or all(w in common for w in keys[i:end])):
            clear(tags, i, end)


def drop_after_speaking_pronoun(keys: Sequence[str], tags: list[str]) -> None:
    """A person right after «أنا»/«نحن»/«أنت» is what the speaker says of himself, an
    adjective: «أنا [فخور] بالفريق», «أنا [سعيد] بالمردود»."""
    for i in range(1, len(keys)):
        if tags[i] == "B-PERS" and keys[i - 1] in SPEAKING_PRONOUNS:
            clear(tags, i, span_end(tags, i))


def cut_at_pronouns(keys: Sequence[str], tags: list[str]) -> None:
    """End any span before a pronoun inside it."""
    for i in range(1, len(keys)):
        if tags[i].startswith("I-") and keys[i] in PRONOUNS:
            j = i
            while j < len(tags) and tags[j].startswith("I-"):
                tags[j] = "O"
                j += 1


def cut_at_accusatives(tokens: Sequence[str], tags: list[str]) -> None:
    """End any span before a word written with the accusative's mark: an adverb or a
    circumstantial participle, never a name («[ترامب] مخاطبًا», «[الرياض] أيضًا»).

    >>> tags = ["B-PERS", "I-PERS", "O"]
    >>> cut_at_accusatives(["ترامب", "مخاطبًا", "رئيس"], tags); tags
    ['B-PERS', 'O', 'O']
    """
    for i, token in enumerate(tokens):
        if tags[i] != "O" and AR_ACCUSATIVE_MARK in token:
            clear(tags, i, span_end(tags, i))


def trim_person_descriptors(keys: Sequence[str], tags: list[str]) -> None:
    """Drop :data:`PERSON_DESCRIPTORS` ending a person's name, and titles opening it
    («[وعضو المجلس] أحمد»: the title and its complement go)."""
    for i in range(len(keys) - 1, 0, -1):
        if tags[i] == "I-PERS" and ends_span(tags, i) and keys[i] in PERSON_DESCRIPTORS:
            tags[i] = "O"
    for i, end in iter_spans(tags, "B-PERS"):
        if _is_title(keys[i]) and not _given_after_title(keys, i, end):
            j = i + 1
            while j < end - 1 and keys[j].startswith("ال") and keys[j] not in GIVEN_NAMES:
                j += 1
            clear(tags, i, j)
            if j < end:
                tags[j] = "B-PERS"


def _given_after_title(keys: Sequence[str], i: int, end: int) -> bool:
    """Tell whether the word at ``i``, a title that is also a given name («أمين»), opening
    the person's span ``[i, end)``, is the given name: it follows a title, or a title and
    its complement («وزير الاقتصاد [أمين] سلام»), or the name's own title follows the span
    («قال [أمين] الناصر الرئيس التنفيذي»: no one is introduced by a title on both sides).

    >>> _given_after_title(["قال", "امين", "الناصر", "الرئيس"], 1, 3)
    True
    >>> _given_after_title(["قال", "امين", "الناصر", "في"], 1, 3)
    False
    """
    key = keys[i]
    return (key in GIVEN_NAMES and not key.startswith("ال") and (
        (i >= 1 and (_is_title(keys[i - 1])
                     or (i >= 2 and keys[i - 1].startswith("ال") and _is_title(keys[i - 2]))))
        or (end < len(keys) and _is_title(keys[end]))))


def _is_title(key: str) -> bool:
    """Tell whether a word is a person's title, also after a proclitic: «وعضو», «للفنان»
    (ل + الفنان), «لرئيس», «بالمستشار»."""
    forms = {key, key[1:] if key[:1] in "وفلب" else key}
    if key.startswith("لل"):
        forms.add("ال" + key[2:])
    if key[:1] in "وف" and key[1:2] in "لب":
        forms.add(key[2:])
    return bool(forms & PERSON_TITLES)


def cut_at_open_quote(tokens: Sequence[str], tags: list[str]) -> None:
    """A name goes on over no word that opens a quotation, with or without a proclitic
    before the mark («خليل لـ«الصحيفة»»: the paper the words were said to)."""
    for i in range(1, len(tokens)):
        core = tokens[i].lstrip("وفلبـ")
        if tags[i].startswith("I-") and core and core[0] in OPEN_QUOTES:
            j = i
            while j < len(tags) and tags[j].startswith("I-"):
                tags[j] = "O"
                j += 1


def drop_particle_opener(tokens: Sequence[str], tags: list[str]) -> None:
    """A person's name never opens with «إن» or «أن», written with its hamza and maybe a
    conjunction («[فإن كوك] تبنى»: «فإن» is the particle, «كوك» the name; «فان» without
    the hamza may be a name's «van»)."""
    for i, end in list(iter_spans(tags, "B-PERS")):
        if tokens[i].lstrip("وف") in _PARTICLES_AS_WRITTEN:
            clear(tags, i, i + 1)
            if i + 1 < end:
                tags[i + 1] = "B-PERS"


def drop_verb_opener(keys: Sequence[str], tags: list[str]) -> None:
    """A name of two words or more never opens with a speech verb: «[عدّ] ريزيتش مدرب الرائد
    أن» is the verb and the name (the tagger reads a verb it does not know as a name)."""
    for i, end in list(iter_spans(tags, "B-PERS")):
        key = keys[i]
        verb = key in AR_VERB_FORMS or (key[:1] in "وف" and key[1:] in AR_VERB_FORMS)
        if verb and end - i >= 2:
            clear(tags, i, i + 1)
            tags[i + 1] = "B-PERS"


def drop_body_openers(keys: Sequence[str], tags: list[str]) -> None:
    """A person's name never opens with a body's head noun: «رئيس [مجلس إدارة شركة]» names
    no one («إدارة بايدن», a body of a person, is read before as an organisation)."""
    for i, end in list(iter_spans(tags, "B-PERS")):
        key = keys[i]
        bare = key[1:] if key[:1] in "وفلب" and len(key) > 4 else key
        if (key in ORG_PHRASE_HEADS or bare in ORG_PHRASE_HEADS) and bare not in OF_A_PERSON:
            clear(tags, i, end)


def join_split_person(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """One word tagged as a person of its own right after a person's name, with nothing
    between them, is that name's last word: «[علي حسن] [خليل]» is «علي حسن خليل» (two
    people are kept apart by a comma or «و», which :func:`split_coordination` reads). So is
    a name a particle opens: «[محمود خيرو] [عبد الوهاب]» is one name."""
    for i in range(1, len(keys)):
        if (tags[i] == "B-PERS" and tags[i - 1] in ("B-PERS", "I-PERS")
                and (span_end(tags, i) == i + 1 or keys[i] in NAME_LINKS)
                and keys[i][:1] not in "وف"
                and tokens[i - 1][-1:].isalpha() and keys[i] not in PERSON_TITLES):
            for j in range(i, span_end(tags, i)):
                tags[j] = "I-PERS"


# The second half of compound names: رزق الله، نصر الله، فضل الله، جار الله.
THEOPHORIC_TAIL = "الله"


def complete_particle_names(keys: Sequence[str], tags: list[str]) -> None:
    """A person's name never ends with a particle (ولد، بن، آل، أبو, عبد): the next word
    joins it, and a name span right after joins too («… ولد [محمد الأمين]»); a particle and
    its word right after a name join it as well («محمد بن عبد الملك [آل الشيخ]»). «الله»
    after a name is the second half of a compound name, even where the tagger read it
    alone: «يوسف شريف رزق [الله]».

    >>> tags = ["B-PERS", "I-PERS", "I-PERS", "O", "O"]
    >>> complete_particle_names(["يوسف", "شريف", "رزق", "الله", "في"], tags); tags
    ['B-PERS', 'I-PERS', 'I-PERS', 'I-PERS', 'O']
    """
    n = len(keys)
    for i in range(n - 1):
        if tags[i] not in ("B-PERS", "I-PERS") or tags[i + 1].startswith("I-"):
            continue
        if (keys[i] in NAME_LINKS and keys[i + 1].isalpha()) or (
                keys[i + 1] == THEOPHORIC_TAIL and tags[i + 1] in ("O", "B-MISC")):
            start = i + 1
        elif (tags[i + 1] == "O" and keys[i + 1] in NAME_LINKS and i + 2 < n
              and keys[i + 2].isalpha() and not tags[i + 2].startswith("I-")):
            start = i + 2
        else:
            continue
        end = span_end(tags, start) if tags[start].startswith("B-") else start + 1
        for t in range(i + 1, end):
            tags[t] = "I-PERS"


MAX_TITLE_COMPLEMENT = 4


#: Commas that set off a name in apposition: «رئيس الحكومة، الحبيب الصيد، اليوم».
_COMMAS = frozenset({"،", ","})


def appositive_names(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """A one-word person set off by commas takes the other word between them (in place):
    «رئيس الحكومة، [الحبيب] الصيد، اليوم» is الحبيب الصيد, «…، [بينغ] شياو،» is بينغ شياو,
    «وزيرة المالية، طيف [سامي]،» is طيف سامي — an apposition runs from comma to comma.
    The word must be letters only and neither a title, a descriptor nor a function word (a
    common word may be a family name there: الصيد)."""
    def joins(word: str) -> bool:
        return (word.isalpha() and word not in PERSON_TITLES and word not in PERSON_DESCRIPTORS
                and word not in FUNCTION_WORDS and word not in PHRASE_STOP)

    for i in range(1, len(keys) - 1):
        if tags[i] != "B-PERS" or tags[i + 1].startswith("I-"):
            continue
        if (i + 2 < len(keys) and tags[i + 1] == "O" and tokens[i - 1] in _COMMAS
                and tokens[i + 2][:1] in _COMMAS and joins(keys[i + 1])):
            tags[i + 1] = "I-PERS"
        elif (i >= 2 and tags[i - 1] == "O" and tokens[i - 2] in _COMMAS
                and tokens[i + 1][:1] in _COMMAS and joins(keys[i - 1])
                and not keys[i - 1].startswith("ال")):
            tags[i - 1], tags[i] = "B-PERS", "I-PERS"


def name_before_title(tokens: Sequence[str], keys: Sequence[str], tags: list[str],
                      common: frozenset[str]) -> None:
    """A person's name, one untagged word, then a title: the word ends the name (in place).
    «عادل بن محمد [فقيه] وزير الصحة» is عادل بن محمد فقيه: an apposition without a comma
    follows the whole name, and the tagger stopped one word short of it; so does one after
    a comma: «الحسين [عموتة]، مدرب المنتخب». A given name spelt like a common word once
    normalised is one as written: «حسين [علي] وكيل» (not «على»)."""
    for i in range(1, len(keys) - 1):
        key = keys[i]
        named = key in GIVEN_NAMES and tokens[i] == key  # «علي» as written, not «على»
        title = i + 2 if tokens[i + 1] in _COMMAS and i + 2 < len(keys) else i + 1
        if (tags[i] == "O" and tags[i - 1] in ("B-PERS", "I-PERS")
                and all(tag == "O" for tag in tags[i + 1:title + 1])
                and _is_title(keys[title]) and len(key) >= 3 and key.isalpha()
                and (named or key not in common) and key not in FUNCTION_WORDS
                and key not in PHRASE_STOP
                and key not in MONTHS and key not in PERSON_TITLES
                and key not in PERSON_DESCRIPTORS and not key.startswith(("ال", "وال"))):
            tags[i] = "I-PERS"


def title_word_before_name(keys: Sequence[str], tags: list[str],
                           common: frozenset[str]) -> None:
    """A title (with its complement), then an untagged word that may open a name, then a
    person's name: the word opens that name (in place). «الفنانة [صفاء] أبو السعود» is صفاء
    أبو السعود, «وزير النفط [حيان] عبدالغني» حيان عبدالغني: a title is followed by the whole
    name, and the tagger knew only its end."""
    for i in range(2, len(keys)):
        if (tags[i] == "B-PERS" and tags[i - 1] == "O" and tags[i - 2] == "O"
                and _title_name_word(keys[i - 1], True, common)
                and (_is_title(keys[i - 2]) or (
                    i >= 3 and tags[i - 3] == "O" and _is_title(keys[i - 3])
                    and keys[i - 2].startswith("ال")))):
            tags[i - 1], tags[i] = "B-PERS", "I-PERS"


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
        if tags[i] != "O" or not _is_title(k):
            i += 1
            continue
        j = i + 1
        while (j < n and j - i <= MAX_TITLE_COMPLEMENT and tags[j] == "O"
               and keys[j].startswith(("ال", "لل", "وال")) and keys[j] not in PERSON_TITLES):
            j += 1
        while j < n and tags[j] == "O" and keys[j] in PERSON_TITLES:
            j += 1
        if j + 1 < n and not keys[j] and tokens[j][:1] in OPEN_QUOTES:
            j += 1
        end = j
        while (end < n and end - j < 3 and tags[end] == "O"
               and _title_name_word(keys[end], end == j, common)
               and not tokens[end].endswith("على")):
            end += 1
        if end - j >= 2 or (end - j == 1 and keys[j] in GIVEN_NAMES
                            and keys[j] not in AMBIGUOUS_GIVEN):
            set_span(tags, j, end, "PERS")
        i = max(end, i + 1)


def _leader_word(key: str) -> bool:
    """A word that may be part of a name: not a particle, title, definite noun, plural
    (ـات) or feminine nisba (ـية, «قوات روسية»)."""
    return (len(key) >= 2 and key.isalpha() and not key.startswith("ال")
            and not key.endswith(("ات", "يه")) and key not in LEADER_NAME_STOPS
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
            set_span(tags, i + 1, j, "PERS")
