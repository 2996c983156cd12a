"""Speaker noun phrases: read the subject of a speech verb without a parser.

After a verb the subject is a title phrase (الأمين العام لحلف شمال الأطلسي، وزير الخارجية
الأمريكي، NATO Secretary-General) followed by one to three name-like words, ending at a
complementiser, preposition, time word, relative pronoun, punctuation or quote mark; or a
title or description, then the name set off by commas («وزيرة المالية، طيف سامي،»). These are
small pure functions over a token list; they return token index ranges, never strings.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import (
    AR_ACCUSATIVE_MARK,
    AR_ANONYMOUS,
    AR_CLITIC_HOSTS,
    AR_CLITIC_PRONOUNS,
    AR_COMPLEMENTISERS,
    AR_CONNECTORS,
    AR_ORG_HEADS,
    AR_POSSESSIVE_ENDINGS,
    AR_QUANTIFIERS,
    AR_SUBJECT_STOPS,
    AR_SVO_OPENERS,
    AR_TEAM_ROLES,
    AR_TITLE_COMPLEMENTS,
    AR_TITLE_HEADS,
    AR_VERB_FORMS,
    EN_AUXILIARIES,
    EN_NON_NAMES,
    EN_PRONOUNS,
    EN_SUBJECT_STOPS,
    EN_TITLE_WORDS,
    EN_VERBS,
    GIVEN_NAMES,
    PREPOSITIONS,
    place_keys,
)
from .tokens import Token

#: What a subject turned out to be.
NAME, ANON, TITLE, PRONOUN, NONE = "name", "anonymous", "title", "pronoun", "none"
MAX_NAME_WORDS = 3
#: How many words a description before a name set off by commas may hold: a role the lists
#: do not know («قلب دفاع السعودية»), or one with prepositional phrases («المختص في …»).
APPOSED_DESCRIPTION_WORDS = 4
DESCRIPTION_WORDS = 6
#: How many words of prepositional phrases may complete a title before its name: «مدير شعبة
#: التحصين [في قسم الرعاية الصحية الاولية في دائرة الصحة العامة] معتز محمد عباس ان».
TITLE_PLACE_WORDS = 10
#: How many words a parenthesis closing a title may hold: «(اليونيسف)», «(أ ف ب)».
PARENTHESIS_WORDS = 3
_SCAN_LIMIT = 12


@dataclass(frozen=True, slots=True)
class Subject:
    """A parsed subject: its kind and the token range ``[start, end)`` of the name or title."""

    kind: str
    start: int = -1
    end: int = -1
    gender: str | None = None
    title_key: str | None = None


_NOSUBJECT = Subject(NONE)


@functools.lru_cache(maxsize=1 << 16)  # one word at a time, thousands a brief
def strip_conjunction(key: str) -> str:
    """Drop a leading و/ف from a key of four letters or more.

    >>> strip_conjunction("وقال"), strip_conjunction("فقالت"), strip_conjunction("قال")
    ('قال', 'قالت', 'قال')
    """
    if len(key) > 3 and key[0] in "وف":
        return key[1:]
    return key


@functools.lru_cache(maxsize=1 << 16)  # one word at a time, thousands a brief
def verb_form(key: str) -> tuple[str, str | None] | None:
    """Return (lemma, gender) when ``key`` is an Arabic speech-verb form, with or without و/ف.

    >>> verb_form("واضافت")
    ('أضاف', 'f')
    >>> verb_form("وزير") is None
    True
    >>> verb_form("ورد"), verb_form("فرد")
    (('رد', 'm'), None)
    """
    found = AR_VERB_FORMS.get(key) or AR_VERB_FORMS.get(strip_conjunction(key))
    if found is None and key[:1] == "و":
        # «ورد الوزير»: «و» before a two-letter form (not «ف»: «فرد» is "individual").
        found = AR_VERB_FORMS.get(key[1:])
    return found


def conjoined_verb(key: str) -> bool:
    """Tell whether ``key`` is a speech verb joined by و/ف: it opens its own clause, and the
    words before it (the end of another clause, a subheading) are never its subject.

    >>> conjoined_verb("واشار"), conjoined_verb("فقالت"), conjoined_verb("اشار")
    (True, True, False)
    """
    return key not in AR_VERB_FORMS and verb_form(key) is not None


def has_article(text: str) -> bool:
    """Tell whether a word as written opens with the article «ال» (not «أل» of ألكسندر).

    >>> has_article("الخارجية"), has_article("والأمن"), has_article("ألكسندر")
    (True, True, False)
    """
    word = text.lstrip("\u0640")
    return len(word) > 3 and word.startswith(("ال", "وال", "فال", "بال", "كال", "لل"))


@functools.lru_cache(maxsize=1 << 16)  # one word at a time, thousands a brief
def title_head(key: str) -> str | None:
    """Return the title word of ``key`` without «ال» and proclitics, or ``None``.

    >>> title_head("للمدرب"), title_head("والرئيس"), title_head("لوزير"), title_head("روتي")
    ('مدرب', 'رئيس', 'وزير', None)
    """
    for cand in (key, strip_conjunction(key)):
        if cand in AR_TITLE_HEADS:
            return cand.removeprefix("ال")
    if key.startswith("لل") and "ال" + key[2:] in AR_TITLE_HEADS:
        return key[2:]
    if len(key) > 3 and key[0] in "لب" and key[1:] in AR_TITLE_HEADS:
        return key[1:].removeprefix("ال")
    return None


def _is_title_complement(key: str, text: str = "") -> bool:
    """Tell whether a word can continue a title phrase (الخارجية، لحلف، بالاتحاد، روسيا).

    ``text`` is the word as written: «ال» is read there, since keys fold «أل» to «ال».
    """
    if key in AR_TITLE_COMPLEMENTS or key in place_keys() or key in AR_ORG_HEADS:
        return True
    if key[:1] == "و" and key[1:] in AR_TITLE_COMPLEMENTS:
        return True  # coordinated: «وزيرة الشؤون الاجتماعية وشؤون المرأة»
    if has_article(text or key):
        return True
    if len(key) > 3 and key[0] in "لب":
        rest = key[1:].lstrip("ـ")
        return (
            rest in AR_TITLE_COMPLEMENTS
            or rest in place_keys()
            or rest in AR_ORG_HEADS
            or rest.startswith("ال")
        )
    return False


def _ends_name(key: str) -> bool:
    """Tell whether ``key`` ends a name, or cannot start one (للصحافيين، لوكالة، بالتوصل).

    >>> from .normalize import normalise
    >>> [_ends_name(normalise(w)) for w in ("لوكالة", "بالتوصل", "لين", "لافروف", "لمراسلة")]
    [True, True, False, False, True]
    """
    if key.startswith(("لل", "بال", "كال", "فال")) and len(key) > 4:
        return True
    if len(key) > 3 and key[0] == "ل":
        rest = key[1:].lstrip("ـ")
        # «وقال الوزير لمراسلة “…”»: to a role, an addressee, never the speaker's name.
        return (
            rest in AR_ANONYMOUS
            or rest in AR_TITLE_COMPLEMENTS
            or rest in AR_ORG_HEADS
            or rest in AR_TITLE_HEADS
            or "ال" + rest in AR_TITLE_HEADS
            or rest.startswith("ال")
        )
    return False


def is_clitic_particle(key: str) -> bool:
    """Tell whether ``key`` is a lone conjunction or a particle, preposition or verb with a
    pronoun suffix: words a subject may hide in, never a name.

    >>> from .normalize import normalise
    >>> [is_clitic_particle(normalise(w)) for w in ("و", "عنه", "لكنه", "لهم", "بعدها", "طه")]
    [True, True, True, True, True, False]
    """
    if len(key) == 1:
        return True
    return any(key.endswith(suffix) and key[: -len(suffix)] in AR_CLITIC_HOSTS
               for suffix in AR_CLITIC_PRONOUNS)


def _is_arabic_name_token(tok: Token) -> bool:
    """Tell whether a token may be part of a name."""
    k = tok.key
    if not tok.is_word or any(c.isdigit() for c in k) or is_clitic_particle(k):
        return False
    if len(k) > 4 and k.endswith(AR_POSSESSIVE_ENDINGS):
        return False  # a noun with a pronoun suffix: رحلته، علاقتهما، تصريحاتها
    if AR_ACCUSATIVE_MARK in tok.text:
        return False  # «وقال ترامب مخاطبًا رئيس الشركة»: the participle is no name
    # «آن» (Anne) folds to the key of «أن» but, written with its madda, is no particle.
    stop = k in AR_SUBJECT_STOPS and not tok.text.startswith("آ")
    title = title_head(k) and not (k in GIVEN_NAMES and not has_article(tok.text))
    return not (stop or k in AR_ANONYMOUS or title or verb_form(k))


def given_after_title(tokens: Sequence[Token], j: int) -> bool:
    """Tell whether the word at ``j``, a title that is also a given name («أمين»), is the
    given name: it follows a title's complement and a name word follows it («وزير الاقتصاد
    أمين سلام»; «أمين عام الحزب» is a title)."""
    k = tokens[j].key
    return (k in GIVEN_NAMES and title_head(k) is not None and not has_article(tokens[j].text)
            and j >= 1 and tokens[j - 1].is_word and has_article(tokens[j - 1].text)
            and title_head(tokens[j - 1].key) is None
            and j + 1 < len(tokens) and tokens[j + 1].is_word
            and not has_article(tokens[j + 1].text) and title_head(tokens[j + 1].key) is None
            and tokens[j + 1].key not in AR_SUBJECT_STOPS)


def _trim_name(
    tokens: Sequence[Token], start: int, end: int, titled: bool = True
) -> tuple[int, int]:
    """Keep at most three name words (connectors not counted).

    After a title the name comes first, so the first three are kept; a longer run with no
    title is not a clean name and gives an empty range.
    """
    while end > start and tokens[end - 1].key in AR_CONNECTORS:
        end -= 1
    words = [i for i in range(start, end) if tokens[i].key not in AR_CONNECTORS]
    if len(words) > MAX_NAME_WORDS:
        if not titled:
            return start, start
        end = words[MAX_NAME_WORDS]
        while end > start and tokens[end - 1].key in AR_CONNECTORS:
            end -= 1
    return start, end


def _org_phrase(tokens: Sequence[Token], i: int, stop: int) -> Subject:
    """Read an organisation name opened by an org head («وزارة الدفاع الكورية الجنوبية»)."""
    head = tokens[i].key
    j = i + 1
    while j < stop and j - i < 7 and tokens[j].is_word:
        k = tokens[j].key
        if k in AR_SUBJECT_STOPS or verb_form(k) or title_head(k):
            break
        construct = j == i + 1 and not head.startswith("ال") and _is_arabic_name_token(tokens[j])
        complement = _is_title_complement(k, tokens[j].text)
        if not (construct or complement or (len(k) > 3 and k[0] == "ل")):
            break
        j += 1
    base = "org:" + head.removeprefix("ال")
    if j == i + 1:
        return Subject(TITLE, i, j, title_key=base) if head.startswith("ال") else _NOSUBJECT
    return Subject(NAME, i, j, title_key=base)


def _person_name(
    tokens: Sequence[Token], j: int, stop: int, titled: bool = True
) -> tuple[int, int]:
    """Return the token range of a person's name starting at ``j`` (empty when none)."""
    start = j
    words = 0
    after_connector = False
    while j < stop and _is_arabic_name_token(tokens[j]):
        k = tokens[j].key
        if _ends_name(k) or (j + 1 < stop and tokens[j + 1].key in AR_QUANTIFIERS):
            break  # a word before «بعض»/«كل» is a noun in construct, not a name
        article = has_article(tokens[j].text)
        if j > start and k == "الله":
            pass  # «عبد الله», «دخل الله», «نصر الله»
        elif (j > start and article and not (words == 1 or after_connector)
              and not _titled_after(tokens, j + 1)):
            # «دعا أندريه سيبيغا الحلفاء»: an object, not a third name («عمر سلطان العلماء،
            # وزير الدولة»: a third name, which a title in apposition follows)
            break
        if words == 0 and article and not after_connector:
            break  # names do not open with «ال» after a title
        after_connector = k in AR_CONNECTORS
        if not after_connector:
            words += 1
        j += 1
        if j - start > 6:
            break
    # A place before a name is a modifier: «في لندن توماس كيلر».
    while j - start > 1 and tokens[start].key in place_keys():
        start += 1
    return _trim_name(tokens, start, j, titled)


def _titled_after(tokens: Sequence[Token], j: int) -> bool:
    """Tell whether a comma and a title stand at ``j``: the apposition after a name."""
    return (j + 1 < len(tokens) and tokens[j].text in "،," and tokens[j + 1].is_word
            and title_head(tokens[j + 1].key) is not None)


def _opens_construct(tokens: Sequence[Token], j: int) -> bool:
    """Tell whether a ل-prefixed word opens a construct with a definite noun after it:
    «المفوض السامي لحقوق الإنسان», «مدير عام لشؤون الأمن» continue the title (a given
    name such as «لطفي الخطيب» does not; ب-words are too often names: بشار، بسام)."""
    key = tokens[j].key
    return (len(key) > 3 and key[0] == "ل" and key not in GIVEN_NAMES
            and j + 1 < len(tokens) and tokens[j + 1].is_word
            and has_article(tokens[j + 1].text))


def _body_construct(tokens: Sequence[Token], j: int) -> bool:
    """Tell whether the word at ``j`` is the name a body's head noun before it is in
    construct with: «رئيس نادي [برشلونة] خوان لابورتا» (the club's name, not the person's)."""
    before = tokens[j - 1] if j > 0 else None
    return (before is not None and before.is_word and before.key in AR_ORG_HEADS
            and not before.key.startswith("ال") and tokens[j].is_word
            and _is_arabic_name_token(tokens[j]))


def subject_after_ar(tokens: Sequence[Token], i: int, stop: int) -> Subject:
    """Parse an Arabic subject starting at token ``i`` (just after the verb), before ``stop``.

    >>> from .tokens import tokenise
    >>> t = tokenise("قال الأمين العام لحلف شمال الأطلسي مارك روتي إن").tokens
    >>> s = subject_after_ar(t, 1, len(t))
    >>> s.kind, " ".join(x.text for x in t[s.start:s.end]), s.title_key
    ('name', 'مارك روتي', 'امين العام لحلف شمال الاطلسي')
    >>> subject_after_ar(tokenise("قال إن").tokens, 1, 2).kind
    'none'
    >>> subject_after_ar(tokenise("قال مسؤول أمريكي").tokens, 1, 3).kind
    'anonymous'
    >>> t = tokenise("قالت وزارة الدفاع الكورية الجنوبية إن").tokens
    >>> s = subject_after_ar(t, 1, len(t))
    >>> " ".join(x.text for x in t[s.start:s.end])
    'وزارة الدفاع الكورية الجنوبية'
    """
    reach = min(stop, len(tokens))
    stop = min(reach, i + _SCAN_LIMIT)
    if i >= stop or not tokens[i].is_word or tokens[i].key in AR_SUBJECT_STOPS:
        return _NOSUBJECT
    first = tokens[i].key
    if first in AR_ANONYMOUS or strip_conjunction(first) in AR_ANONYMOUS:
        return Subject(ANON, i, i + 1)
    if first in AR_ORG_HEADS:
        return _org_phrase(tokens, i, stop)
    j = i
    head: str | None = None
    while j < stop and tokens[j].is_word:
        k = tokens[j].key
        th = title_head(k)
        if head and j > i and given_after_title(tokens, j):
            break  # «وزير الاقتصاد أمين سلام»: the given name «أمين», not a second title
        if th and (head is None or j == i or k in AR_TITLE_HEADS):
            head = head or th
            j += 1
        elif head and (_is_title_complement(k, tokens[j].text) or _opens_construct(tokens, j)
                       or _body_construct(tokens, j)):
            j += 1
        else:
            break
    title_key = None
    if head:
        title_key = " ".join([head, *(t.key for t in tokens[i + 1 : j] if t.is_word)])
        j = _past_parenthesis(tokens, j, stop)
        placed = _name_after_places(tokens, j, reach)
        if placed is not None:
            return Subject(NAME, *placed, title_key=title_key)
    return _named_subject(tokens, i, j, stop, title_key)


def _past_parenthesis(tokens: Sequence[Token], j: int, stop: int) -> int:
    """Return the index after a short parenthesis at ``j`` (an acronym or a gloss closing a
    title: «للطفولة (اليونيسف)، آن فينمان»), else ``j``."""
    if j < stop and tokens[j].text == "(":
        for k in range(j + 1, min(stop, j + PARENTHESIS_WORDS + 2)):
            if tokens[k].text == ")":
                return k + 1
    return j


def _name_after_places(tokens: Sequence[Token], j: int, stop: int) -> tuple[int, int] | None:
    """Return the range of a name of two or three words after the prepositional phrases
    that complete a title at ``j`` (the body's departments: «في قسم الرعاية الصحية الاولية في
    دائرة الصحة العامة»), when a complementiser or a colon ends the name: that is the clause's
    subject, not a name inside the phrases.

    >>> from .tokens import tokenise
    >>> t = tokenise("مدير شعبة التحصين في قسم الرعاية في دائرة الصحة معتز محمد عباس ان").tokens
    >>> " ".join(x.text for x in t[slice(*_name_after_places(t, 3, len(t)))])
    'معتز محمد عباس'
    >>> t = tokenise("مدير الشركة في لقاء مع الصحافيين أن").tokens
    >>> _name_after_places(t, 2, len(t)) is None
    True
    """
    if j >= stop or tokens[j].key != "في":
        return None
    k = j
    while k < stop and k - j < TITLE_PLACE_WORDS and tokens[k].is_word:
        key = tokens[k].key
        if key == "في" or _is_title_complement(key, tokens[k].text):
            k += 1
            continue
        s, e = _person_name(tokens, k, stop)
        words = [n for n in range(s, e) if tokens[n].key not in AR_CONNECTORS]
        ended = e < len(tokens) and (tokens[e].key in AR_COMPLEMENTISERS or tokens[e].text == ":")
        return (s, e) if len(words) >= 2 and ended else None
    return None


def _named_subject(tokens: Sequence[Token], i: int, j: int, stop: int,
                   title_key: str | None) -> Subject:
    """Return the subject whose title phrase (``title_key``, None without one) spans
    ``[i, j)``: the name after it, the name set off by commas after it, or the title."""
    s, e = _person_name(tokens, j, stop, titled=title_key is not None)
    if e > s:
        first = tokens[i].key
        if title_key is None and e == s + 1 and first not in GIVEN_NAMES:
            # «أكد قلب دفاع السعودية، سعود عبد الحميد،»: a description the lists do not
            # hold, then the name in apposition.
            apposed = _apposed_name(tokens, i, stop)
            if apposed is not None:
                return Subject(NAME, *apposed)
        # «لاعب أولمبي مرسيليا»: the name is the team the role is of; the role speaks.
        team = j == i + 1 and strip_conjunction(first) in AR_TEAM_ROLES
        return Subject(TITLE if team else NAME, i if team else s, e, title_key=title_key)
    if title_key is None:
        # «يرى المختص في الأمراض المتنقلة، الدكتور محمد يوسفي، أن»: a description with no
        # title the lists hold, then the name in apposition.
        apposed = _apposed_name(tokens, i, stop, described=True)
        return Subject(NAME, *apposed) if apposed is not None else _NOSUBJECT
    # «وزيرة المالية، طيف سامي،»: the title, then the name in apposition.
    apposed = _apposed_name(tokens, j, stop, titled=True)
    if apposed is not None:
        return Subject(NAME, *apposed, title_key=title_key)
    return Subject(TITLE, i, j, title_key=title_key)


def _apposed_name(tokens: Sequence[Token], j: int, stop: int, *, described: bool = False,
                  titled: bool = False, skip: bool = True) -> tuple[int, int] | None:
    """Return the range of a name of two or three words set off by a comma after a
    description that ends at or within four words after ``j``: «قلب دفاع السعودية، سعود عبد
    الحميد، على» (after the name, a comma or a word that ends a subject). A ``described``
    subject may hold prepositional phrases (six words) and its name a title word: «المختص في
    الأمراض المتنقلة، الدكتور محمد يوسفي، أن». After a title (``titled``) the comma may
    follow at once, and one short apposition (``skip``) may stand before the name: «نائبة
    السكرتير الصحفي بوزارة الدفاع، البنتاجون، سابرينا سينج في».

    >>> from .tokens import tokenise
    >>> t = tokenise("قلب دفاع السعودية، سعود عبد الحميد، على المجهود").tokens
    >>> " ".join(x.text for x in t[slice(*_apposed_name(t, 0, len(t)))])
    'سعود عبد الحميد'
    >>> t = tokenise("في كلمة له، أمام البرلمان، إن").tokens
    >>> _apposed_name(t, 0, len(t)) is None
    True
    >>> t = tokenise("المختص في الأمراض المتنقلة، الدكتور محمد يوسفي، أن").tokens
    >>> " ".join(x.text for x in t[slice(*_apposed_name(t, 0, len(t), described=True))])
    'محمد يوسفي'
    >>> t = tokenise("، البنتاجون، سابرينا سينج في مؤتمر").tokens
    >>> " ".join(x.text for x in t[slice(*_apposed_name(t, 0, len(t), titled=True))])
    'سابرينا سينج'
    """
    reach = DESCRIPTION_WORDS if described else APPOSED_DESCRIPTION_WORDS
    comma = j
    while comma < stop and comma - j <= reach and tokens[comma].is_word:
        key = tokens[comma].key
        if (key in AR_COMPLEMENTISERS or verb_form(key)
                or (key in AR_SUBJECT_STOPS and not (described and key in PREPOSITIONS))):
            return None
        comma += 1
    if comma >= stop or (comma == j and not titled) or tokens[comma].text not in "،,":
        return None
    first = comma + 1
    if (described or titled) and first < len(tokens) and title_head(tokens[first].key):
        first += 1  # «، الدكتور محمد يوسفي،»
    s, e = _person_name(tokens, first, len(tokens))
    words = [k for k in range(s, e) if tokens[k].key not in AR_CONNECTORS]
    if 2 <= len(words) <= MAX_NAME_WORDS and e < len(tokens) and (
            tokens[e].text in "،," or (tokens[e].is_word and tokens[e].key in AR_SUBJECT_STOPS)):
        return s, e
    if titled and skip:
        # «، البنتاجون، سابرينا سينج»: the body the title is of, then the name.
        k = first
        while k < len(tokens) and k - first < APPOSED_DESCRIPTION_WORDS and tokens[k].is_word:
            k += 1
        if first < k < len(tokens) and tokens[k].text in "،,":
            return _apposed_name(tokens, k, stop, titled=True, skip=False)
    return None


def subject_before_ar(tokens: Sequence[Token], verb: int, floor: int) -> Subject:
    """Parse an Arabic subject that ends just before the verb at ``verb`` (SVO order).

    The phrase must start a clause (after punctuation, the text start or «إن»/«لكن»…)
    and reach the verb.

    >>> from .tokens import tokenise
    >>> t = tokenise("وزير الخارجية الصيني وانغ يي قال إن").tokens
    >>> s = subject_before_ar(t, 5, 0)
    >>> " ".join(x.text for x in t[s.start:s.end])
    'وانغ يي'
    >>> t = tokenise("ولم يعلق على تقديرات غربية وكورية جنوبية تفيد بأن").tokens
    >>> subject_before_ar(t, 7, 0).kind
    'none'
    >>> subject_before_ar(tokenise("تقديرات غربية وكورية جنوبية تفيد").tokens, 4, 0).kind
    'none'
    >>> subject_before_ar(tokenise("أحداث كبرى وأشار إلى").tokens, 2, 0).kind
    'none'
    """
    if conjoined_verb(tokens[verb].key):
        return _NOSUBJECT
    j = verb
    while j > floor and j > verb - 10:
        tok = tokens[j - 1]
        if not tok.is_word or tok.key in AR_SUBJECT_STOPS or verb_form(tok.key):
            break
        j -= 1
    if j == verb:
        return _NOSUBJECT
    before = tokens[j - 1] if j > 0 else None
    sub = subject_after_ar(tokens, j, verb)
    skipped_places = sub.kind == NAME and all(
        tokens[x].key in place_keys() for x in range(j, sub.start)
    )
    # «المحلل في لندن توماس كيلر قال»: a locative inside a long title, then the name.
    locative = (skipped_places and sub.start > j and before is not None
                and before.key in AR_SUBJECT_STOPS)
    if before is not None and before.is_word and before.key not in AR_SVO_OPENERS and not locative:
        return _NOSUBJECT
    if sub.kind == NAME and sub.title_key is None and sub.start > j and not skipped_places:
        return _NOSUBJECT  # words were dropped from a title-less phrase: not a clean subject
    if sub.kind in (NAME, TITLE, ANON) and sub.end == verb:
        return sub
    return _NOSUBJECT


# --- English ---------------------------------------------------------------------------------


def _cap(tok: Token) -> bool:
    """Tell whether a token is a capitalised word."""
    return tok.is_word and tok.text[:1].isupper()


def _en_title(tok: Token) -> bool:
    """Tell whether a token is a title word, an acronym or a possessive (China's)."""
    low = tok.text.lower()
    if low in EN_TITLE_WORDS:
        return True
    if tok.is_word and tok.text.isupper() and len(tok.text) <= 5:
        return True
    return low.endswith(("'s", "’s"))


def subject_after_en(tokens: Sequence[Token], i: int, stop: int) -> Subject:
    """Parse an English subject starting at token ``i``.

    >>> from .tokens import tokenise
    >>> t = tokenise("said NATO Secretary-General Mark Rutte on Monday").tokens
    >>> s = subject_after_en(t, 1, len(t))
    >>> " ".join(x.text for x in t[s.start:s.end])
    'Mark Rutte'
    >>> subject_after_en(tokenise("he said").tokens, 0, 1).gender
    'm'
    """
    stop = min(stop, len(tokens), i + _SCAN_LIMIT)
    if i >= stop or not tokens[i].is_word:
        return _NOSUBJECT
    low = tokens[i].text.lower()
    if low in EN_PRONOUNS:
        return Subject(PRONOUN, i, i + 1, gender=EN_PRONOUNS[low])
    if low in EN_NON_NAMES and low not in EN_TITLE_WORDS:
        return Subject(ANON, i, i + 1)
    j = i
    saw_title = False
    while j < stop:
        tok = tokens[j]
        if tok.is_word and _en_title(tok):
            saw_title = True
            j += 1
        elif saw_title and tok.text == "," and j + 1 < stop and _cap(tokens[j + 1]):
            j += 1
        else:
            break
    name_start = j
    while (
        j < stop
        and _cap(tokens[j])
        and tokens[j].text.lower() not in EN_TITLE_WORDS
        and tokens[j].text.lower() not in EN_SUBJECT_STOPS
        and tokens[j].text.lower() not in EN_VERBS
        and j - name_start < MAX_NAME_WORDS
    ):
        j += 1
    if j > name_start:
        return Subject(NAME, name_start, j)
    if saw_title:
        return Subject(TITLE, i, name_start, title_key=tokens[name_start - 1].text.lower())
    return _NOSUBJECT


def subject_before_en(tokens: Sequence[Token], verb: int, floor: int) -> Subject:
    """Parse an English subject that ends just before the verb (``Rutte said``).

    >>> from .tokens import tokenise
    >>> t = tokenise("NATO chief Mark Rutte said").tokens
    >>> s = subject_before_en(t, 4, 0)
    >>> " ".join(x.text for x in t[s.start:s.end])
    'Mark Rutte'
    """
    while verb > floor + 1 and tokens[verb - 1].text.lower() in EN_AUXILIARIES:
        verb -= 1
    j = verb
    while j > floor and j > verb - 8:
        tok = tokens[j - 1]
        if not tok.is_word or tok.text.lower() in EN_VERBS:
            break
        if not (_cap(tok) or _en_title(tok) or tok.text.lower() in EN_PRONOUNS):
            break
        j -= 1
    if j == verb:
        return _NOSUBJECT
    sub = subject_after_en(tokens, j, verb)
    return sub if sub.end == verb or (sub.kind == PRONOUN and sub.end == verb) else _NOSUBJECT
