"""Whitespace tokenisation with character offsets.

Tokens are whitespace-separated words with leading and trailing punctuation and
quote marks peeled off; every token keeps ``start``/``end`` offsets into the
original string, so ``text[tok.start:tok.end] == tok.text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Punctuation peeled off both ends of a whitespace token (ASCII, Arabic, quotes, dashes).
PUNCT = frozenset(
    "\"'`“”„‟«»‹›‘’‚‛()[]{}<>.,;:!?…،؛؟٪%*–—-_/\\|~^=+#@&·•٫٬"
)

_WS = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


def peel(word: str) -> tuple[int, int]:
    """Return the ``(lo, hi)`` slice of ``word`` without edge punctuation.

    >>> w = "“الصين"
    >>> lo, hi = peel(w); w[lo:hi]
    'الصين'
    >>> peel("...")
    (3, 3)
    >>> w = "(أوبك+)،"
    >>> lo, hi = peel(w); w[lo:hi]
    'أوبك+'
    >>> peel("+")
    (1, 1)
    """
    lo, hi = 0, len(word)
    while lo < hi and word[lo] in PUNCT:
        lo += 1
    while hi > lo and word[hi - 1] in PUNCT:
        if word[hi - 1] == "+" and hi - 1 > lo and word[hi - 2].isalpha():
            break  # a name that ends with "+" keeps it: أوبك+ / OPEC+ is not أوبك / OPEC
        hi -= 1
    return lo, hi


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with offsets; punctuation-only words are dropped.

    >>> [t.text for t in tokenize("قال روتي: “الصين تتحمل”.")]
    ['قال', 'روتي', 'الصين', 'تتحمل']
    >>> t = tokenize("(أ ف ب)")[0]; (t.text, t.start, t.end)
    ('أ', 1, 2)
    """
    out: list[Token] = []
    for m in _WS.finditer(text):
        word = m.group()
        lo, hi = peel(word)
        if lo < hi:
            out.append(Token(word[lo:hi], m.start() + lo, m.start() + hi))
    return out
