"""Speaker attribution in sieves, most precise first (CoreNLP's quoteattribution, adapted).

For each quote, stop at the first sieve that answers:

1. ``verb-subject``: a speech verb before the quote (or right after it) and its subject, titles
   and appositions skipped: «وقال الأمين العام لحلف شمال الأطلسي مارك روتي إن “…”».
2. ``subject-verb``: the subject before the verb: «وزير الخارجية الصيني وانغ يي قال إن “…”»,
   "…," Rutte said.
3. ``frame``: بحسب، وفقا لـ، على حد تعبير، نقلا عن; "according to".
4. ``continuation``: a subjectless verb (وأضاف، وكتب:، قال أيضا) or a pronoun (he said,
   على حد تعبيره) takes the previous speaker whose gender agrees with the verb.
5. ``alias``: a surname or short form resolves to the full name used earlier in the brief
   (بوريل → جوزيب بوريل); a bare title («وقال الوزير») resolves to the name last introduced
   with that title.
6. Otherwise the speaker is ``None``: never a guess. Anonymous sources (مسؤول، مصادر) give
   ``None`` too.

Every speech verb of the document (outside quotes) is an *event*; events are resolved in
document order so that indirect speech («وقال بلينكن إن …») also sets the previous speaker.
Optional ``candidates`` (name spans from an entity recogniser) take precedence over the rule
that reads names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .lang import ar
from .lexicon import (
    AR_AUXILIARIES,
    AR_DOCUMENT_CUE_NEXT,
    AR_DOCUMENT_CUES,
    AR_FRAMES,
    AR_ORG_HEADS,
    AR_PRONOUN_SUFFIX_GENDER,
    AR_RELAY_LEMMAS,
    AR_RELAYED_CLAUSE,
    AR_RELAYED_SAYINGS,
    AR_STATEMENT_NOUNS,
    AR_SUBJECT_STOPS,
    AR_SUBJECTLESS_LEMMAS,
    AR_TIME_ADVERBS,
    AR_TITLE_ONLY_VERB_FORMS,
    AR_VERB_FORMS,
    EN_FRAMES,
    EN_VERBS,
)
from .model import Quote, Span
from .normalize import normalise
from .resources import ALL_QUOTE_MARKS, BIDI_AND_ZERO_WIDTH
from .speakers import (
    ANON,
    NAME,
    NONE,
    PRONOUN,
    TITLE,
    Subject,
    strip_conjunction,
    subject_after_ar,
    subject_after_en,
    subject_before_ar,
    subject_before_en,
    title_head,
    verb_form,
)
from .tokens import Token

_CLEAN_NAME = re.compile("[" + BIDI_AND_ZERO_WIDTH + r"]|\s+")
#: How many word tokens after a closing mark may hold a trailing cue («”، قال روتي»).
TRAIL_WORDS = 7
#: What ends the clause a participle («قائلا») continues: a sentence end or a quote.
CLAUSE_ENDS = frozenset('.!?؟:«»“”"')
#: Verbs whose object is a statement and whose subject is an outlet («تلقته»): a speech
#: verb right after one is the outlet's name, not a cue.
AR_RECEIVING_VERBS = frozenset(normalise(word) for word in ar.RECEIVING_VERBS.split())
#: Conjunctions after a closing mark that open a clause of their own («لكن»).
AR_CONTRAST_OPENERS = frozenset(normalise(word) for word in ar.CONTRAST_OPENERS.split())
#: A preposition with a pronoun a relative clause's verb may carry before its subject.
AR_RESUMPTIVES = frozenset(normalise(word) for word in ar.RESUMPTIVE_PREPOSITIONS.split())
#: Sieves that name a speaker from the quote's own sentence.
EXPLICIT = frozenset({"verb-subject", "subject-verb", "frame"})


#: The sieve of a quote an unnamed source said («قال مسؤول», and the «وأضاف» after it).
ANONYMOUS_SIEVE = "anonymous"


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb or frame: token range, gender implied, and flags."""

    start: int
    end: int
    kind: str  # "verb" or "frame"
    gender: str | None = None
    relay: bool = False
    pronoun: bool = False
    strip_l: bool = False
    subjectless: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """The answer for one cue: who spoke (or None) and which sieve said so."""

    speaker: str | None
    span: Span | None
    cue: str
    sieve: str | None
    gender: str | None
    position: int
    resolved: bool  # False when nothing could be said about the subject
    paragraph: int = 0
    # The words that name the speaker at this cue: a name, a title or role phrase, or the
    # cue itself when its subject is implicit («وأضاف»).
    mention: Span | None = None
    role: str | None = None  # the title or head-noun key, when a role names the speaker


@dataclass(frozen=True, slots=True)
class KnownName:
    """A full name met in the document, with where it was first seen."""

    position: int
    keys: tuple[str, ...]
    display: str
    span: Span
    title_key: str | None = None


# --- cues --------------------------------------------------------------------------------------


_FRAME_FIRST = frozenset(f[0] for f in AR_FRAMES)


def _match_frame_ar(tokens: Sequence[Token], i: int) -> Cue | None:
    """Return the Arabic frame starting at token ``i``, if any."""
    first = tokens[i].key
    if first not in _FRAME_FIRST and strip_conjunction(first) not in _FRAME_FIRST:
        return None
    for frame in AR_FRAMES:
        head = frame[:-1] if frame[-1] == "ل" else frame
        keys = [first if first == head[0] else strip_conjunction(first)]
        keys += [t.key for t in tokens[i + 1 : i + len(head)]]
        last = keys[-1] if keys else ""
        if tuple(keys[:-1]) != head[:-1]:
            continue
        end = i + len(head)
        if last == head[-1]:
            if frame[-1] == "ل":
                if end < len(tokens) and tokens[end].key == "ل":
                    return Cue(i, end + 1, "frame")
                return Cue(i, end, "frame", strip_l=True)
            return Cue(i, end, "frame")
        suffix = last[len(head[-1]) :] if last.startswith(head[-1]) else None
        if suffix in AR_PRONOUN_SUFFIX_GENDER and head[-1] in ("تعبير", "قول"):
            return Cue(i, end, "frame", gender=AR_PRONOUN_SUFFIX_GENDER[suffix], pronoun=True)
    return None


def _cue_at_en(tokens: Sequence[Token], i: int) -> Cue | None:
    """Return the English speech verb or frame at token ``i``, if any."""
    if tokens[i].text.lower() in EN_VERBS:
        return Cue(i, i + 1, "verb")
    for frame in EN_FRAMES:
        if tuple(t.text.lower() for t in tokens[i : i + len(frame)]) == frame:
            return Cue(i, i + len(frame), "frame")
    return None


def _cue_at_ar(tokens: Sequence[Token], i: int) -> Cue | None:
    """Return the Arabic speech verb, statement cue («وجاء في») or frame at token ``i``."""
    key = tokens[i].key
    if i > 0 and tokens[i - 1].is_word and tokens[i - 1].key in AR_RECEIVING_VERBS:
        return None  # «في بيان تلقته أكد نيوز»: an outlet's name, not a speech verb
    nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
    if strip_conjunction(key) in AR_DOCUMENT_CUES and nxt in AR_DOCUMENT_CUE_NEXT:
        return Cue(i, i + 1, "verb", subjectless=True)
    form = verb_form(key)
    if form is None and title_head(nxt):
        # «فرد القاضي», «رأى النائب»: a form spelt as a noun («فرد» "individual», «رأي»
        # "opinion") is a verb before a title.
        form = (AR_TITLE_ONLY_VERB_FORMS.get(strip_conjunction(key))
                or (AR_VERB_FORMS.get(key[1:]) if key[:1] == "ف" else None))
    if form:
        return Cue(i, i + 1, "verb", gender=form[1], relay=form[0] in AR_RELAY_LEMMAS,
                   subjectless=form[0] in AR_SUBJECTLESS_LEMMAS)
    return _match_frame_ar(tokens, i)


def find_cues(
    tokens: Sequence[Token], lang: str, quoted: Sequence[Span] = ()
) -> list[Cue]:
    """Return the speech verbs and frames of a token list, skipping tokens inside ``quoted``.

    >>> from .tokens import tokenise
    >>> t = tokenise("وأضافت الوزيرة، بحسب البيان، وعلى حد تعبيره").tokens
    >>> [(t[c.start].text, c.kind, c.gender) for c in find_cues(t, "ar")]
    [('وأضافت', 'verb', 'f'), ('بحسب', 'frame', None), ('وعلى', 'frame', 'm')]
    """
    cue_at = grammar(lang).cue_at
    starts = [s.start for s in quoted]
    out: list[Cue] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.is_word:
            i += 1
            continue
        k = bisect.bisect_right(starts, tok.start) - 1
        if k >= 0 and quoted[k].start <= tok.start < quoted[k].end:
            i += 1
            continue
        cue = cue_at(tokens, i)
        if cue:
            out.append(cue)
            i = cue.end
        else:
            i += 1
    return out


# --- names ---------------------------------------------------------------------------------


def clean_name(text: str) -> str:
    """Return a display name: bidi and zero-width controls removed, spaces folded.

    >>> clean_name("مارك\\u200f  روتي")
    'مارك روتي'
    """
    return _CLEAN_NAME.sub(lambda m: " " if m.group().isspace() else "", text).strip()


def _name_of(
    text: str, tokens: Sequence[Token], start: int, end: int, strip_l: bool = False
) -> tuple[str, Span, tuple[str, ...]]:
    """Return display, span and keys of the name over tokens ``[start, end)``."""
    cstart = tokens[start].start
    keys = [t.key for t in tokens[start:end] if t.is_word]
    if strip_l and keys and keys[0].startswith("ل") and len(keys[0]) > 2:
        skip = 1
        while cstart + skip < tokens[start].end and text[cstart + skip] == "ـ":
            skip += 1
        cstart += skip
        keys[0] = keys[0][1:]
    span = Span(cstart, tokens[end - 1].end)
    return clean_name(span.slice(text)), span, tuple(k.lower() for k in keys)


def _name_at_en(tokens: Sequence[Token], i: int) -> Subject | None:
    """Return the name a capitalised run opening at token ``i`` reads, if one opens there."""
    if tokens[i].text[:1].isupper() and (i == 0 or not tokens[i - 1].text[:1].isupper()):
        return subject_after_en(tokens, i, len(tokens))
    return None


def _name_at_ar(tokens: Sequence[Token], i: int) -> Subject | None:
    """Return the name a title phrase or a body's head noun opening at token ``i`` reads."""
    key = tokens[i].key
    title = title_head(key)
    if (title and (i == 0 or not title_head(tokens[i - 1].key))) or (
            key in AR_ORG_HEADS and not key.startswith("ال")):
        sub = subject_after_ar(tokens, i, len(tokens))
        if sub.kind == NAME and not title and key not in AR_ORG_HEADS:
            return None
        return sub
    return None


def known_names(
    text: str,
    tokens: Sequence[Token],
    lang: str,
    candidates: Sequence[Span] = (),
    quoted: Sequence[Span] = (),
) -> list[KnownName]:
    """Collect full names (two words or more) introduced in the document, in order.

    Names come from title phrases («منسق السياسة الخارجية … جوزيب بوريل»), from capitalised
    runs in English, and from ``candidates`` supplied by an entity recogniser.
    """
    name_at = grammar(lang).name_at
    found: list[KnownName] = []
    starts = [s.start for s in quoted]
    for i, tok in enumerate(tokens):
        if not tok.is_word:
            continue
        k = bisect.bisect_right(starts, tok.start) - 1
        if k >= 0 and quoted[k].start <= tok.start < quoted[k].end:
            continue
        sub = name_at(tokens, i)
        if sub is not None and sub.kind == NAME and sub.end - sub.start >= 2:
            display, span, keys = _name_of(text, tokens, sub.start, sub.end)
            found.append(KnownName(span.start, keys, display, span, sub.title_key))
    for cand in candidates:
        words = [t for t in tokens if cand.start <= t.start and t.end <= cand.end and t.is_word]
        if len(words) >= 2:
            keys = tuple(t.key.lower() for t in words)
            found.append(KnownName(cand.start, keys, clean_name(cand.slice(text)), cand))
    found.sort(key=lambda n: n.position)
    return found


def resolve_alias(
    keys: tuple[str, ...], position: int, names: Sequence[KnownName]
) -> KnownName | None:
    """Return the first full name met before ``position`` that ends with ``keys``.

    >>> n = [KnownName(0, ("جوزيب", "بوريل"), "جوزيب بوريل", Span(0, 11))]
    >>> resolve_alias(("بوريل",), 50, n).display
    'جوزيب بوريل'
    >>> resolve_alias(("بوريل",), 0, n) is None
    True
    """
    prefixed: list[KnownName] = []
    n = len(keys)
    for name in names:
        if name.position >= position:
            break
        if len(name.keys) > n and name.keys[-n:] == keys:
            return name
        # «جوزيب بوريل زار»: a known name may carry a trailing word; cut it after the match.
        for k in range(1, len(name.keys) - n):
            if name.keys[k : k + n] == keys:
                return _truncate(name, k + n)
        if len(name.keys) > len(keys) and name.keys[: len(keys)] == keys:
            prefixed.append(name)
    # A first name or a leading part («عبد العزيز», «كيم») only when one full name fits.
    if len({n.keys for n in prefixed}) == 1:
        return prefixed[0]
    return None


def _truncate(name: KnownName, words: int) -> KnownName:
    """Return ``name`` cut after its first ``words`` words."""
    parts = name.display.split()
    if len(parts) != len(name.keys):
        return name
    display = " ".join(parts[:words])
    end = min(name.span.end, name.span.start + len(display))  # exact unless controls were removed
    return KnownName(
        name.position, name.keys[:words], display, Span(name.span.start, end), name.title_key
    )


def resolve_title(title_key: str, position: int, names: Sequence[KnownName]) -> KnownName | None:
    """Return the name last introduced with this title before ``position``, if unambiguous.

    An exact title phrase («الرئيس الصيني») picks the latest name it introduced; a bare head
    («الرئيس») only resolves when a single person was introduced with it.
    """
    exact = [n for n in names if n.position < position and n.title_key == title_key]
    if exact:
        return exact[-1]
    head = title_key.split(" ", maxsplit=1)[0]
    same = {
        n.keys: n
        for n in names
        if n.position < position
        and n.title_key
        and n.title_key.split(" ")[0] == head
        and " " not in title_key
    }
    return next(iter(same.values())) if len(same) == 1 else None


# --- events ------------------------------------------------------------------------------------


def _candidate_in(
    candidates: Sequence[Span], tokens: Sequence[Token], start: int, end: int
) -> tuple[int, int] | None:
    """Return the token range of the last candidate span lying in tokens ``[start, end)``."""
    if not candidates or end <= start:
        return None
    lo, hi = tokens[start].start, tokens[end - 1].end
    best = None
    for cand in candidates:
        if lo <= cand.start and cand.end <= hi:
            s = next(i for i in range(start, end) if tokens[i].end > cand.start)
            e = max(i for i in range(start, end) if tokens[i].start < cand.end) + 1
            best = (s, e)
    return best


def _as_recognised(tokens: Sequence[Token], cue: Cue, sub: Subject, people: Sequence[Span],
                   named: Sequence[Span]) -> Subject:
    """Return the subject the grammar read, as the recogniser's mentions complete it: the
    person right after a verb or frame where it read none («أجاب الناصر قائلا»), and a
    name run on to the end of the recogniser's name it begins («أعلنت [منظمة أطباء] بلا
    حدود»: the whole name)."""
    if sub.kind == NONE:
        return _person_after_cue(tokens, cue, people) or sub
    if sub.kind != NAME:
        return sub
    first, last = tokens[sub.start].start, tokens[sub.end - 1].end
    for name in named:
        if name.start == first and name.end > last:
            end = sub.end
            while end < len(tokens) and tokens[end].start < name.end:
                end += 1
            # Not over a word that ends a subject, where the recogniser ran on too far
            # («وفقا لـ روتي [فإن]»).
            if all(token.is_word and token.key not in AR_SUBJECT_STOPS
                   for token in tokens[sub.end:end]):
                return replace(sub, end=end)
    return sub


def _person_after_cue(tokens: Sequence[Token], cue: Cue,
                      people: Sequence[Span]) -> Subject | None:
    """Return the person the recogniser found right after a verb or frame whose grammar
    reads no name there: a family name with the article («أجاب الناصر قائلا», «وفق تعبير
    الخلفي»), or a name set in quote marks («وقال “الحمدي” في حوار»)."""
    start = cue.end
    if start < len(tokens) and tokens[start].text in ALL_QUOTE_MARKS:
        start += 1
    found = _candidate_in(people, tokens, start, min(len(tokens), start + 4))
    return Subject(NAME, *found) if found is not None and found[0] == start else None


def _subject(tokens: Sequence[Token], cue: Cue, lang: str) -> tuple[Subject, str]:
    """Parse the subject of a cue; return it and the sieve that found it."""
    if cue.pronoun or cue.subjectless:
        return Subject(PRONOUN, gender=cue.gender), "continuation"
    sub, sieve = grammar(lang).subject(tokens, cue)
    if (sub.kind == ANON and sub.end == sub.start + 1
            and strip_conjunction(tokens[sub.start].key) in AR_STATEMENT_NOUNS):
        return Subject(PRONOUN), "continuation"  # «وتابع البيان»: its issuer goes on
    return sub, sieve


def _subject_en(tokens: Sequence[Token], cue: Cue) -> tuple[Subject, str]:
    """Parse the subject of an English cue: before the verb ("Rutte said"), else after it."""
    n = len(tokens)
    if cue.kind == "frame":
        return subject_after_en(tokens, cue.end, n), "frame"
    sub = subject_before_en(tokens, cue.start, max(0, cue.start - 8))
    if sub.kind != NONE:
        return sub, "subject-verb"
    sub = subject_after_en(tokens, cue.end, n)
    if sub.kind in (NAME, PRONOUN):
        return sub, "verb-subject"
    return Subject(NONE), "verb-subject"


def _subject_ar(tokens: Sequence[Token], cue: Cue) -> tuple[Subject, str]:
    """Parse the subject of an Arabic cue: after the verb (VSO, the real source after «عن»
    for a relaying verb), else before it (SVO), else after an auxiliary opening the clause."""
    n = len(tokens)
    if cue.kind == "frame":
        return subject_after_ar(tokens, cue.end, n), "frame"
    sub = _subject_after_verb(tokens, cue.end)
    if sub.kind != NONE:
        relayed = _relayed_source(tokens, sub.end, 8, after_outlet=True) if cue.relay else None
        return relayed or sub, "verb-subject"
    if cue.relay:
        relayed = _relayed_source(tokens, cue.end, 10, after_outlet=False)
        if relayed is not None:
            return relayed, "verb-subject"
    sub = subject_before_ar(tokens, cue.start, max(0, cue.start - 8))
    if sub.kind == NONE:
        sub = _subject_after_auxiliary(tokens, cue.start)
    return sub, "subject-verb"


def _relayed_source(tokens: Sequence[Token], start: int, reach: int, *,
                    after_outlet: bool) -> Subject | None:
    """Return the source a relaying verb passes on, within ``reach`` tokens of ``start``
    and its clause: the subject after «عن» («نقلت الوكالة عن روتي قوله»), or, right after
    the outlet (``after_outlet``), the named subject of the clause it relays («نقلت وكالة
    فرنسية أن تييري هرتسوغ … عبر عن»: the channel is not the speaker). None when neither
    stands there."""
    n = len(tokens)
    j = start - 1
    while j + 1 < min(n, start + reach):
        j = _past_marked_name(tokens, j + 1)
        if j >= n or tokens[j].text in '.:؛«»“”"':
            break  # (a comma may set off the source: «ونقل حساب الشركة على تويتر، عن الناصر»)
        if tokens[j].key == "عن":
            relayed = subject_after_ar(tokens, j + 1, n)
            if (relayed.kind == NONE and j + 2 < n and tokens[j + 1].is_word
                    and tokens[j + 2].key in AR_RELAYED_SAYINGS):
                relayed = Subject(NAME, j + 1, j + 2)  # «عن الناصر قوله»: a family name
            if relayed.kind != NONE or not after_outlet:
                return relayed
        elif after_outlet and j == start and tokens[j].key in AR_RELAYED_CLAUSE:
            relayed = subject_after_ar(tokens, j + 1, n)
            if relayed.kind == NAME:
                return relayed
    return None


def _past_marked_name(tokens: Sequence[Token], j: int) -> int:
    """Return the index after a name of one to three words set in quote marks at ``j`` (an
    outlet's name: «نقلت صحيفة “الوطن” السورية عن الوزير»), else ``j``."""
    if j >= len(tokens) or tokens[j].text not in ALL_QUOTE_MARKS:
        return j
    for k in range(j + 2, min(len(tokens), j + 5)):
        if tokens[k].text in ALL_QUOTE_MARKS:
            return k + 1 if all(token.is_word for token in tokens[j + 1:k]) else j
        if not tokens[k].is_word:
            return j
    return j


def _subject_after_verb(tokens: Sequence[Token], after: int) -> Subject:
    """Return the subject right after an Arabic verb, or after a resumptive pronoun there.

    «جلسة قال فيها الدفاع»: the pronoun is what the relative clause is about; the subject
    stands after it, when a title or an anonymous source opens it (in «بيانا أكد فيه ثقته»
    the words after are the object).
    """
    n = len(tokens)
    time_words = 0
    while after < n and time_words < MAX_TIME_WORDS and tokens[after].key in AR_TIME_ADVERBS:
        after += 1  # «قالت اليوم المديرة التنفيذية», «وجه مساء اليوم الأربعاء الرئيس»
        time_words += 1
    sub = subject_after_ar(tokens, after, n)
    if sub.kind == NONE and after < n and tokens[after].key in AR_RESUMPTIVES:
        later = subject_after_ar(tokens, after + 1, n)
        if later.kind in (ANON, TITLE) or (later.kind == NAME and later.title_key):
            return later
    return sub


#: How many time words may stand between a verb and its subject («مساء اليوم الأربعاء»).
MAX_TIME_WORDS = 3
#: How far back from a speech verb an auxiliary opening its clause is looked for.
AUXILIARY_REACH = 14


def _subject_after_auxiliary(tokens: Sequence[Token], verb: int) -> Subject:
    """Return the subject after an auxiliary that opens the verb's clause: «وكان مصدر مسؤول
    في الوزارة، قال إن» (the source, not the ministry), «وكان الوزير قد دعا».

    >>> from .tokens import tokenise
    >>> t = tokenise("وكان مصدر مسؤول في الوزارة، قال إن").tokens
    >>> _subject_after_auxiliary(t, 6).kind
    'anonymous'
    """
    for j in range(verb - 1, max(-1, verb - AUXILIARY_REACH), -1):
        token = tokens[j]
        if token.text in '.:؛«»“”"' or (token.is_word and verb_form(token.key)):
            return Subject(NONE)
        if token.is_word and (token.key in AR_AUXILIARIES
                              or strip_conjunction(token.key) in AR_AUXILIARIES):
            return subject_after_ar(tokens, j + 1, verb)
    return Subject(NONE)


@dataclass(frozen=True, slots=True)
class Grammar:
    """How one language reports speech, read over the token layer: the speech verb or frame
    at a token, the subject of a cue (and the sieve that read it), and the name a title
    phrase or capitalised run opening at a token reads (``None``: none opens there)."""

    cue_at: Callable[[Sequence[Token], int], Cue | None]
    subject: Callable[[Sequence[Token], Cue], tuple[Subject, str]]
    name_at: Callable[[Sequence[Token], int], Subject | None]


#: The grammars by base language tag (:func:`.pipeline.rules_language`).
GRAMMARS: dict[str, Grammar] = {
    "ar": Grammar(_cue_at_ar, _subject_ar, _name_at_ar),
    "en": Grammar(_cue_at_en, _subject_en, _name_at_en),
}


def grammar(lang: str) -> Grammar:
    """Return the grammar of a base language tag; fail loudly for one without rules.

    >>> grammar("ar").cue_at is _cue_at_ar
    True
    >>> grammar("fr")
    Traceback (most recent call last):
    ...
    ValueError: no attribution rules for 'fr' (known: ar, en)
    """
    try:
        return GRAMMARS[lang]
    except KeyError:
        raise ValueError(f"no attribution rules for {lang!r} (known: {', '.join(GRAMMARS)})"
                         ) from None


def resolve_events(
    text: str,
    tokens: Sequence[Token],
    cues: Sequence[Cue],
    *,
    lang: str,
    paragraph_of: Sequence[int],
    names: Sequence[KnownName],
    candidates: Sequence[Span] = (),
    people: Sequence[Span] = (),
    named: Sequence[Span] = (),
    continuation_paragraphs: int = 3,
) -> list[Attribution]:
    """Attribute every cue in document order (sieves 1–6), tracking the previous speakers
    (``people``: the recogniser's person mentions, read after a verb or frame; ``named``:
    its people and bodies, whose whole names a subject takes)."""
    out: list[Attribution] = []
    genders: dict[str, str | None] = {}
    names = list(names)
    for cue in cues:
        sub, sieve = _subject(tokens, cue, lang)
        sub = _as_recognised(tokens, cue, sub, people, named)
        cue_text = " ".join(t.text for t in tokens[cue.start : cue.end])
        pos = tokens[cue.start].start
        para = paragraph_of[cue.start]
        cue_span = Span(pos, tokens[cue.end - 1].end)
        if sub.kind in (NAME, TITLE):
            cand = _candidate_in(candidates, tokens, sub.start, sub.end)
            if cand:
                sub = Subject(NAME, cand[0], cand[1], title_key=sub.title_key)
        phrase = (Span(tokens[sub.start].start, tokens[sub.end - 1].end)
                  if sub.start >= 0 and sub.end > sub.start else None)
        if sub.kind == NAME:
            display, span, keys = _name_of(text, tokens, sub.start, sub.end, cue.strip_l)
            here = span
            full = resolve_alias(keys, pos, names)
            if full:
                display, span, sieve = full.display, full.span, sieve + "+alias"
            elif len(keys) >= 2:
                bisect.insort(
                    names,
                    KnownName(span.start, keys, display, span, sub.title_key),
                    key=lambda n: n.position,
                )
            genders.setdefault(display, cue.gender)
            # The title before a name, or a body's head («org:وزاره»: an organisation).
            out.append(Attribution(display, span, cue_text, sieve, cue.gender, pos, True, para,
                                   mention=here, role=sub.title_key))
        elif sub.kind == ANON:
            out.append(Attribution(None, None, cue_text, ANONYMOUS_SIEVE, cue.gender, pos, True,
                                   para, mention=phrase))
        elif sub.kind == TITLE and sub.title_key and resolve_title(sub.title_key, pos, names):
            known = resolve_title(sub.title_key, pos, names)
            assert known is not None
            out.append(
                Attribution(
                    known.display, known.span, cue_text, "alias", cue.gender, pos, True, para,
                    mention=phrase, role=sub.title_key,
                )
            )
        elif sub.kind == TITLE:
            # A role or head noun no name here answers («وقال المدافع الفرنسي»): the
            # coreference step looks for the entity it refers back to.
            out.append(Attribution(None, None, cue_text, "title", cue.gender, pos, True, para,
                                   mention=phrase, role=sub.title_key))
        else:  # subjectless verb or pronoun: the previous speaker whose gender agrees
            gender = sub.gender if sub.kind == PRONOUN else cue.gender
            clause = out[-1] if out and _one_clause(tokens, cues[len(out) - 1], cue) else None
            out.append(_continued(
                _previous(out, genders, gender, para, continuation_paragraphs), clause,
                Attribution(None, None, cue_text, None, gender, pos, False, para,
                            mention=cue_span), subjectless=cue.subjectless))
    return out


def _continued(prev: Attribution | None, clause: Attribution | None, here: Attribution, *,
               subjectless: bool) -> Attribution:
    """Return the attribution of a cue with no subject of its own (``here``, unresolved):
    the role of its own clause for a participle, else the previous speaker."""
    if subjectless and clause is not None and clause.speaker is None and clause.role:
        # «ورد القاضي على المتهم، قائلا»: a participle goes on with its own clause's
        # subject, a role no name answered, never with an earlier speaker.
        return replace(clause, cue=here.cue, position=here.position, paragraph=here.paragraph)
    if prev is not None and prev.speaker is None and prev.sieve == "title":
        # «ودعت المنظمة …» then «وأضافت: …»: the role goes on, for the coreference step
        # to resolve as it resolves the role itself.
        return replace(prev, cue=here.cue, position=here.position, paragraph=here.paragraph)
    if prev is not None and prev.speaker is None:
        # «وقال أحد السكان: …» then «وأضاف: …»: the same unnamed source goes on; no one
        # named in between is the speaker.
        return replace(here, sieve=ANONYMOUS_SIEVE)
    if prev is not None:
        return replace(prev, cue=here.cue, sieve="continuation", position=here.position,
                       gender=here.gender or prev.gender, paragraph=here.paragraph,
                       mention=here.mention)
    return here


def _one_clause(tokens: Sequence[Token], first: Cue, second: Cue) -> bool:
    """Tell whether two cues stand in one sentence with no quote between them."""
    return not any(token.text in CLAUSE_ENDS for token in tokens[first.end : second.start])


def _previous(
    events: Sequence[Attribution],
    genders: dict[str, str | None],
    gender: str | None,
    para: int,
    window: int,
) -> Attribution | None:
    """Return the latest resolved event with an agreeing gender, within ``window`` paragraphs."""
    for ev in reversed(events[-6:]):
        if not ev.resolved:
            continue
        if para - ev.paragraph > window:
            return None
        known = genders.get(ev.speaker) if ev.speaker else ev.gender
        if gender is None or known is None or known == gender:
            return ev if ev.speaker or ev.sieve in (ANONYMOUS_SIEVE, "title") else None
    return None


# --- quotes ----------------------------------------------------------------------------------


def attribute_quotes(
    text: str,
    quotes: Sequence[Quote],
    tokens: Sequence[Token],
    sentences: Sequence[Span],
    paragraphs: Sequence[Span],
    *,
    lang: str,
    candidates: Sequence[Span] = (),
    people: Sequence[Span] = (),
    named: Sequence[Span] = (),
    continuation_paragraphs: int = 3,
) -> list[Quote]:
    """Return ``quotes`` with speaker, speaker span, cue and sieve filled in (``people``
    and ``named``: the recogniser's mentions, see :func:`resolve_events`).

    Fragments are returned unchanged: a scare quote is the writer's, not a speaker's.
    """
    quoted = [Span(q.start, q.end) for q in quotes]
    cues = find_cues(tokens, lang, quoted)
    para_starts = [p.start for p in paragraphs]
    paragraph_of = [max(0, bisect.bisect_right(para_starts, t.start) - 1) for t in tokens]
    names = known_names(text, tokens, lang, candidates, quoted)
    events = resolve_events(
        text,
        tokens,
        cues,
        lang=lang,
        paragraph_of=paragraph_of,
        names=names,
        candidates=candidates,
        people=people,
        named=named,
        continuation_paragraphs=continuation_paragraphs,
    )
    tok_starts = [t.start for t in tokens]
    cue_pos = [tokens[c.start].start for c in cues]
    sent_starts = [s.start for s in sentences]

    def para_of_pos(pos: int) -> int:
        return bisect.bisect_right(para_starts, pos) - 1

    out: list[Quote] = []
    prev_full: Quote | None = None
    prev_attr: Attribution | None = None
    for q in quotes:
        if q.fragment:
            out.append(q)
            continue
        open_pos = _mark_before(text, q.start)
        close_pos = _mark_after(text, q.end) if q.closed else q.end
        si = bisect.bisect_right(sent_starts, open_pos) - 1
        sent = sentences[si] if si >= 0 else Span(0, len(text))
        lead_lo = sent.start
        same_sentence = prev_full is not None and prev_full.end >= sent.start
        if same_sentence and prev_full is not None:
            lead_lo = max(lead_lo, prev_full.end)
        lo = bisect.bisect_left(cue_pos, lead_lo)
        hi = bisect.bisect_left(cue_pos, open_pos)
        if hi == lo and not same_sentence and si > 0 and _after_colon(text, open_pos):
            # «وتابع الركراكي في برنامج “الرياضية”. يوم أمس:”…”»: a stray full stop split
            # the clause a colon introduces; its verb stands in the sentence before.
            # Or a paragraph ends with the colon and the quote is the next one's opening
            # («كما قال الوزير:» then a paragraph «“…”»): the colon's verb is its speaker.
            before = sentences[si - 1]
            here = para_of_pos(open_pos)
            opens = here > 0 and not text[paragraphs[here].start:open_pos].strip()
            if (para_of_pos(before.start) == here
                    or (opens and para_of_pos(before.start) == here - 1)) and (
                    prev_full is None or prev_full.end < before.start):
                lo = bisect.bisect_left(cue_pos, before.start)
        attr: Attribution | None = events[hi - 1] if hi > lo else None
        if (attr is not None and attr.sieve == "frame" and hi - 1 > lo
                and cues[hi - 2].kind == "verb"
                and _one_clause(tokens, cues[hi - 2], cues[hi - 1])):
            # «وقال المتحدث …، كريم السيد، بحسب الوكالة: “…”»: the channel is not the
            # speaker; the verb's own subject is.
            attr = events[hi - 2]
        # A verb the quote follows after a colon («مضيفاً: "…"، وأوضح لاعب …») owns the
        # quote: a verb after it opens the next clause.
        if q.closed and not _explicit(attr) and not (
                attr is not None and _after_colon(text, open_pos)):
            trail = _trailing(
                tokens, tok_starts, cue_pos, events, after=close_pos, limit=sent.end,
                next_sentence=_next_sentence(sentences, sent_starts, para_starts, close_pos))
            if trail is not None and (attr is None or _explicit(trail)) and not (
                    attr is not None and attr.role and _relayed_by_body(trail)):
                # «وقالت الوزارة في بيان: “…”، وفق وكالة رويترز»: the agency relays what
                # the verb's own subject (a role the coreference step resolves) said; «وفق
                # تعبير الخلفي» names who said it.
                attr = trail
        if attr is None and same_sentence and prev_attr is not None:
            attr = replace(prev_attr, sieve="same-sentence")
        if (
            attr is None
            and prev_attr is not None
            and prev_full is not None
            and prev_attr.speaker
            and para_of_pos(prev_full.end) == para_of_pos(q.start)
        ):
            attr = replace(prev_attr, sieve="same-paragraph")
        if (attr is None and prev_attr is not None and prev_full is not None
                and para_of_pos(prev_full.end) == para_of_pos(q.start) - 1
                and not text[paragraphs[para_of_pos(q.start)].start:open_pos].strip()):
            # A paragraph that is nothing but a quote goes on with the quote just before it.
            attr = replace(prev_attr, sieve="next-paragraph")
        if attr is not None:
            q = replace(  # noqa: PLW2901
                q, speaker=attr.speaker, speaker_span=attr.span, cue=attr.cue, sieve=attr.sieve,
                speaker_mention=attr.mention, speaker_role=attr.role,
            )
        out.append(q)
        prev_full, prev_attr = q, attr
    return out


def _explicit(attr: Attribution | None) -> bool:
    """Tell whether an attribution names a speaker from a cue and its own subject."""
    return bool(attr and attr.speaker and (attr.sieve or "").split("+")[0] in EXPLICIT)


def _trailing(
    tokens: Sequence[Token],
    tok_starts: Sequence[int],
    cue_pos: Sequence[int],
    events: Sequence[Attribution],
    *,
    after: int,
    limit: int,
    next_sentence: Span | None = None,
) -> Attribution | None:
    """Return the event of a cue within the first few words after a closing mark, before
    ``limit`` (the end of the quote's sentence).

    When the quote's own full stop ended its sentence («“… على الطريق الصحيح.” قالت
    مرسي»), a speech verb that opens ``next_sentence`` right after the mark, with no «و» or
    «ف» to open a sentence of its own, is still this quote's.
    """
    i = bisect.bisect_left(tok_starts, after)
    if after >= limit and next_sentence is not None:
        k = bisect.bisect_left(cue_pos, next_sentence.start)
        first = next((tok for tok in tokens[i:] if tok.is_word), None)
        if (first is not None and k < len(cue_pos) and cue_pos[k] == first.start
                and first.start < next_sentence.end
                and strip_conjunction(first.key) == first.key):
            return events[k]
        return None
    words = 0
    while i < len(tokens) and tokens[i].start < limit and words < TRAIL_WORDS:
        tok = tokens[i]
        if tok.text in '“”«»"„.!?؟':
            return None  # (a full stop with no space after it ends the sentence too)
        if tok.is_word:
            if tok.key in AR_CONTRAST_OPENERS:
                return None  # «”، لكن رد الوزير كان …»: another clause's verb
            words += 1
            k = bisect.bisect_left(cue_pos, tok.start)
            if k < len(cue_pos) and cue_pos[k] == tok.start:
                return events[k]
        i += 1
    return None


def _relayed_by_body(trail: Attribution) -> bool:
    """Tell whether a trailing frame passes on a body's account («وفق وكالة رويترز»), not
    a person's words («وفق تعبير الخلفي»)."""
    return (trail.sieve or "").startswith("frame") and (
        trail.speaker is None or (trail.role or "").startswith("org:"))


def _next_sentence(sentences: Sequence[Span], starts: Sequence[int],
                   paragraph_starts: Sequence[int], position: int) -> Span | None:
    """Return the first sentence (``starts``: where each starts) that starts at or after
    ``position`` in the same paragraph, if any (a headline's next line is a byline or the
    story, never its cue)."""
    k = bisect.bisect_left(starts, position)
    if k == len(sentences):
        return None
    paragraph = bisect.bisect_right(paragraph_starts, position)
    return sentences[k] if bisect.bisect_right(paragraph_starts, starts[k]) == paragraph \
        else None


def _after_colon(text: str, open_pos: int) -> bool:
    """Tell whether the opening mark at ``open_pos`` follows a colon, spaces aside."""
    i = open_pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1] == ":"


def _mark_before(text: str, start: int) -> int:
    """Return the position of the opening mark (or whitespace) just before a quote's content."""
    i = start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in "“”«»„‘’‚‹›\"'"):
        i -= 1
        if not text[i].isspace():
            return i
    return i


def _mark_after(text: str, end: int) -> int:
    """Return the position just past the closing mark of a quote's content."""
    i = end
    while i < len(text) and (text[i].isspace() or text[i] in "“”«»„‘’‚‹›\"'"):
        i += 1
        if not text[i - 1].isspace():
            return i
    return i
