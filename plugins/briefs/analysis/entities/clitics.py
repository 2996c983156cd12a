"""Proclitic stripping guided by a lexicon.

Blind light stemming destroys names (لبنان → بنان). Here a split of the
proclitics ``(و|ف)?(ب|ل|ك)?(ال)?`` (``لل`` read as ``ل`` + ``ال``) is accepted
only if the remainder's key is *known*: a gazetteer or alias key, or an entity
already seen in the document. The article stays with the remainder as written
(بالصين → الصين); a bare ل never hides one (لكاميرون is ل + كاميرون, not الكاميرون: that
would be written للكاميرون). So لبنان, بلجيكا, فرنسا, كندا and لندن stay whole by
construction, and وكوريا → كوريا once كوريا الشمالية is known.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .keys import name_key

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")

Known = Callable[[str], bool]

#: Shortest remainder accepted; a whole one-word name needs 4 letters (see match.py).
MIN_REMAINDER = 3


@lru_cache(maxsize=65536)
def candidate_splits(key: str) -> tuple[tuple[int, str], ...]:
    """Yield ``(prefix_length, remainder)`` splits of a *key*, shortest prefix first.

    The article is never added (لكاميرون is not للكاميرون) and never stripped alone
    (المالي is not مالي); لل gives ل + ال. Remainders are at least :data:`MIN_REMAINDER`
    letters.

    >>> candidate_splits("بالصين")
    ((1, 'الصين'),)
    >>> candidate_splits("الصين")
    ()
    >>> (1, "الاتحاد") in list(candidate_splits("للاتحاد"))
    True
    """
    seen: set[tuple[int, str]] = set()
    out: list[tuple[int, str]] = []
    for conj in _CONJ:
        for prep in _PREP:
            pre = conj + prep
            if pre and not key.startswith(pre):
                continue
            rest = key[len(pre) :]
            if prep == "ل" and rest.startswith("ل"):
                # لل = ل + ال: الاتحاد from للاتحاد
                cands = [(len(pre), "ا" + rest), (len(pre) + 1, rest[1:])]
            elif rest.startswith("ال"):
                cands = [(len(pre), rest)]
            else:
                cands = [(len(pre), rest)]
            for n, r in cands:
                if n and len(r) >= MIN_REMAINDER and (n, r) not in seen:
                    seen.add((n, r))
                    out.append((n, r))
    # Shortest prefix first: prefer بالصين → الصين over صين.
    out.sort(key=lambda nr: nr[0])
    return tuple(out)


def strip_key(key: str, known: Known) -> tuple[int, str]:
    """Return ``(prefix_length, remainder_key)`` for a token key.

    ``prefix_length`` counts key characters; ``(0, key)`` means "keep whole".
    A word that is itself known is never split.

    >>> known = {"كوريا الشمالية", "كوريا", "الصين", "لبنان"}.__contains__
    >>> strip_key("وكوريا", known), strip_key("لبنان", known), strip_key("بالصين", known)
    ((1, 'كوريا'), (0, 'لبنان'), (1, 'الصين'))
    """
    return (0, key) if known(key) else split_known(key, known)


def split_known(key: str, known: Known) -> tuple[int, str]:
    """Return the first split of a key (shortest prefix first) whose remainder is ``known``,
    or ``(0, key)``; the whole key is not asked about (:func:`strip_key` asks first).

    >>> split_known("وكوريا", {"كوريا"}.__contains__), split_known("لبنان", {"بنان"}.__contains__)
    ((1, 'كوريا'), (1, 'بنان'))
    """
    for n, rest in candidate_splits(key):
        if known(rest):
            return n, rest
    return 0, key


def strip_word(word: str, known: Known, *, whole_checked: bool = False) -> tuple[int, str]:
    """Strip known proclitics from a word as written.

    Returns ``(offset, remainder_key)``: ``word[offset:]`` is the name part in
    the original spelling (diacritics after a clitic stay with the clitic).
    ``whole_checked``: the caller has found already that the whole word is not known, so
    it is not asked again.

    >>> strip_word("وَكوريا", {"كوريا"}.__contains__)
    (2, 'كوريا')
    """
    key = name_key(word)
    n, rest = split_known(key, known) if whole_checked else strip_key(key, known)
    if n == 0:
        return 0, rest
    return offset_after_letters(word, n), rest


def offset_after_letters(word: str, letters: int) -> int:
    """Return the index in ``word`` after ``letters`` key-significant characters.

    Marks (tashkeel, tatweel, bidi) following the last counted letter belong to it.

    >>> offset_after_letters("وَبلينكن", 1)
    2
    """
    count = 0
    for i, ch in enumerate(word):
        if name_key(ch):
            if count == letters:
                return i
            count += 1
    return len(word)
