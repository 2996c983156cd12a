"""Word and punctuation tokens with offsets and normalised keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import KEY_TABLE

_W = r"[^\s،,:;؛.!?؟…()\[\]{}<>“”«»„‘’‚‹›\"'\-–—‒―/\\|*]"
#: A word (letters, digits, marks; inner apostrophes, hyphens and dots allowed) or one symbol.
TOKEN_RE = re.compile(rf"(?P<w>{_W}+(?:['’.\-]{_W}+)*)|\S")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, matching key, offsets and whether it is a word."""

    text: str
    key: str
    start: int
    end: int
    is_word: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize("وقال روتي: “نعم”")]
    ['وقال', 'روتي', ':', '“', 'نعم', '”']
    >>> [t.text for t in tokenize("NATO Secretary-General Mark Rutte's view")]
    ['NATO', 'Secretary-General', 'Mark', "Rutte's", 'view']
    """
    stop = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    for m in TOKEN_RE.finditer(text, start, stop):
        s = m.group()
        if m.lastgroup == "w":
            append(Token(s, s.translate(KEY_TABLE), m.start(), m.end(), True))
        else:
            append(Token(s, s, m.start(), m.end(), False))
    return out
