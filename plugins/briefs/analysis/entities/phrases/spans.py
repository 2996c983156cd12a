"""Edits on any span: months, Latin glosses, quoted titles, coordination, and the tails
(function words, counts, nationalities) that end no name."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...lexicon import (
    AMBIGUOUS_GIVEN,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    MONTHS,
    NAMED_MONTHS,
    OF_A_PERSON,
    PERSON_TITLES,
    PHRASE_STOP,
    WORK_HEADS,
)
from .tags import (
    clear,
    ends_span,
    head_of,
    iter_spans,
    names_a_place,
    span_end,
    tag_quoted,
)


def drop_months(keys: Sequence[str], tags: list[str]) -> None:
    """Untag spans made of month names only (آب/أغسطس، كانون الأول), or with a time word
    («مايو/أيار الجاري», and «رمضان الجاري»: a Hijri month that is a given name too is a
    month only so)."""
    if (MONTHS.isdisjoint(keys) and NAMED_MONTHS.isdisjoint(keys)
            and "/" not in "".join(keys)):
        return  # no word is (or holds) a month: most sentences
    for i, j in iter_spans(tags):
        words = [w for k in keys[i:j] for w in k.split("/") if w]
        months = [w for w in words if w not in PHRASE_STOP]
        timed = len(months) < len(words)
        # A month alone is a month too unless it is an organisation (the company is «شركة
        # نيسان»).
        if months and all(w in MONTHS or (timed and w in NAMED_MONTHS) for w in months) and (
                len(words) >= 2 or not tags[i].endswith("ORG")):
            clear(tags, i, j)


def drop_idioms(keys: Sequence[str], tags: list[str]) -> None:
    """Untag a place that is an idiom's word: «مسقط رأسه» is a birthplace, not Muscat."""
    if "مسقط" not in keys:
        return  # most sentences: the word is not there
    for i in range(len(keys) - 1):
        if tags[i] == "B-LOC" and keys[i] == "مسقط" and keys[i + 1].startswith("راس"):
            clear(tags, i, span_end(tags, i))


def trim_latin_tail(tokens_core: Sequence[str], tags: list[str]) -> None:
    """Drop Latin tokens that end a span of Arabic words («مجموعة العشرين G20»)."""
    for i, j in iter_spans(tags):
        k = j
        while k > i and tokens_core[k - 1].isascii() and any(
                c.isalpha() for c in tokens_core[k - 1]):
            k -= 1
        if i < k < j:
            clear(tags, k, j)


def quoted_titles(tokens: Sequence[str], keys: Sequence[str], tags: list[str]) -> None:
    """A quoted title (up to :data:`MAX_TITLE` words) after a work word is MISC.

    ``tokens`` are the raw tokens (quote marks separate, as in ANERcorp, or attached).
    """
    tag_quoted(tokens, keys, tags, WORK_HEADS, "MISC")


def split_coordination(keys: Sequence[str], tags: list[str], known: Callable[[str], bool],
                       ) -> None:
    """Inside a span, a token «و» + a given name, or a one-word name ``known`` says is listed
    (and the span ends there), opens a new span of the same type: «منطقة آسيا والمحيط
    الهادئ» stays whole; a word that itself starts with و (وليد، وائل) is left alone."""
    for i in range(1, len(keys)):
        k = keys[i]
        # The cheap tests first: most words do not start with و.
        if (len(k) < 4 or k[0] != "و" or not tags[i].startswith("I-") or tags[i] == "I-MISC"
                or k in GIVEN_NAMES):
            continue
        rest = k[1:]
        if (rest in GIVEN_NAMES and rest not in AMBIGUOUS_GIVEN) or (known(rest) and (
                i + 1 == len(tags) or not tags[i + 1].startswith("I-"))):
            tags[i] = "B-" + tags[i][2:]


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


def trim_number_tail(keys: Sequence[str], tags: list[str]) -> None:
    """Drop a count («ال 15», «الـ 192») ending a span: the article and the number."""
    for i in range(len(keys) - 1, 1, -1):
        if (keys[i].isdigit() and keys[i - 1] in ("ال", "الـ") and ends_span(tags, i)
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
    # Right to left, as a dropped nisba may make the word before it end a span. Only a
    # definite word in ـي/ـية can go: the others are not visited.
    nisbas = [i for i, k in enumerate(keys) if i and k.startswith("ال") and k.endswith(("ي", "يه"))]
    for i in reversed(nisbas):
        k = keys[i]
        if ends_span(tags, i) and names_a_place(k, places):
            start = i - 1
            while not tags[start].startswith("B-"):
                start -= 1
            if (tags[i] == "I-PERS" and start == i - 1 and keys[start] not in GIVEN_NAMES) or (
                    tags[i] == "I-ORG" and (listed(keys[start:i]) or (
                        start == i - 2 and head_of(keys[start], OF_A_PERSON)))):
                tags[i] = "O"
