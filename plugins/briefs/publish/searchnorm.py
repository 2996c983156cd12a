"""Search normalisation for Arabic (and Latin) text: one key for what a reader means.

The same rules run twice: here on every brief before Pagefind indexes it, and in the
reader's browser on the query (``theme/static/js/search.js``) before ``pagefind.search()``.
The browser reads the tables below from the search page (:func:`rules`), so the data is
shared; the logic is written twice and kept equal by ``tests/cases/search_normalise.json``,
which both the unit test and the browser test run.

Pagefind's Arabic Snowball stemmer leaves و+ال attached (``والحكومة`` finds nothing) and
knows no spelling variants, hence the steps:

1. NFKC, lower case; drop harakat, Quranic marks and tatweel.
2. Fold letters: أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک → ي ك; Eastern digits → 0-9.
3. Split on anything that is not a letter or a digit.
4. Strip leading clitics (و ف ب ك ل, ال, لل) again and again while three letters remain,
   then apply the spelling variants (``اوروب`` → ``اورب``). This is the *base* of a word.

The index holds every word and its base; the query is made of bases only, so
``والحكومة``, ``الحكومة`` and ``حكومة`` all look for ``حكومه``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from briefs.analysis.resources import KEY_FOLD

# Harakat and other combining marks (U+064B-065F, superscript alef U+0670), Quranic
# annotation marks (U+0610-061A, U+06D6-06ED) and tatweel (U+0640): none changes a word.
MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
# Letter forms a reader types interchangeably: the analysis's own folds (alef forms,
# ى, ة, Persian letters, Eastern digits).
FOLD = KEY_FOLD
# Leading clitics, longest first: conjunctions (و ف), prepositions (ب ك ل), the article.
CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
# A base keeps at least this many letters (most Arabic roots have three).
MIN_BASE = 3
# Spelling variants of one word, as substrings of a base: variant → the form kept.
VARIANTS = {
    "اوروب": "اورب",  # الأوروبي / الأوربي, أوروبا / أوربا
    "اميرك": "امريك",  # الأميركي / الأمريكي
}
ARABIC_LETTER = "[\u0620-\u064a\u0671-\u06d3]"

_MARKS = re.compile(MARKS)
# The letters to fold, found by one regular expression: faster than str.translate, which
# looks every character of a brief up.
_FOLD = re.compile("[" + re.escape("".join(FOLD)) + "]")
# Letters and digits only; ``\w`` would also keep the underscore.
_WORD = re.compile(r"[^\W_]+")
_ARABIC = re.compile(ARABIC_LETTER)


def fold(text: str) -> str:
    """Return ``text`` in NFKC, lower case, without marks or tatweel, letter forms folded.

    >>> fold("الأُوروبِّيّـة ٢٠٢٤")
    'الاوروبيه 2024'
    """
    text = unicodedata.normalize("NFKC", text).lower()
    return _FOLD.sub(lambda match: FOLD[match.group()], _MARKS.sub("", text))


def words(text: str) -> list[str]:
    """Return the folded words of ``text``.

    >>> words("«والحكومة»، بالصين!")
    ['والحكومه', 'بالصين']
    """
    return _WORD.findall(fold(text))


def base(word: str) -> str:
    """Return the base of one folded word: clitics stripped, spelling variant applied.

    >>> base("والحكومه"), base("بالصين"), base("الاوربي"), base("talks")
    ('حكومه', 'صين', 'اوربي', 'talks')
    """
    if not _ARABIC.search(word):
        return word
    stripped = True
    while stripped:
        stripped = False
        for clitic in CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= MIN_BASE:
                word = word[len(clitic):]
                stripped = True
                break
    for variant, kept in VARIANTS.items():
        word = word.replace(variant, kept)
    return word


def index_text(text: str) -> str:
    """Return what Pagefind indexes for ``text``: each folded word, then its base if different.

    >>> index_text("والحكومة الصينية")
    'والحكومه حكومه الصينيه صينيه'
    """
    return " ".join(filter(None, map(_indexed_token, text.split())))


@functools.lru_cache(maxsize=1 << 17)
def _indexed_token(token: str) -> str:
    # Folded, split and stripped a whitespace-separated token at a time (none of it reaches
    # across whitespace), so that each of the few tens of thousands of tokens an archive
    # repeats is normalised once: three times faster than the regular expressions over
    # every brief's whole text.
    return " ".join(map(_indexed_word, words(token)))


@functools.lru_cache(maxsize=1 << 17)
def _indexed_word(word: str) -> str:
    # An archive repeats a few tens of thousands of words: each is stripped once (index_text
    # of 10,000 briefs takes seconds instead of 16 s).
    stem = base(word)
    return word if stem == word else f"{word} {stem}"


def query_text(query: str) -> str:
    """Return the query Pagefind is given: the base of each word.

    >>> query_text("والحكومةُ بالصين")
    'حكومه صين'
    """
    return " ".join(base(word) for word in words(query))


def rules() -> dict[str, Any]:
    """Return the tables the browser's normaliser uses (serialised into the search page)."""
    return {"marks": MARKS, "fold": FOLD, "clitics": list(CLITICS), "minBase": MIN_BASE,
            "variants": VARIANTS, "arabicLetter": ARABIC_LETTER}
