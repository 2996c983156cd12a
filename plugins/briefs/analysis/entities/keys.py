"""Normalised matching keys for entity names.

A *key* is what two spellings of one name have in common: tashkeel and tatweel
removed, alef forms folded, ``ى`` → ``ي``, ``ة`` → ``ه``, Persian-script letters
mapped, bidi and zero-width marks removed, Eastern digits mapped, Latin casefolded
and whitespace collapsed. Keys are for lookup only: text and offsets always refer
to the original string.

This module is self-contained (it does not depend on ``briefs.analysis.normalize``)
so that the entity package can be used alone; deduplicate later if the rules agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Characters deleted from keys: tashkeel U+064B–U+0652, superscript alef U+0670,
#: tatweel U+0640, bidi and zero-width marks, the BOM and soft hyphen.
_DELETE = (
    [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f"]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]
    + ["\u2069", "\ufeff", "\u00ad"]
)

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # alef forms
    "ى": "ي", "ی": "ي",  # alef maqsura, Persian yeh
    "ک": "ك", "ة": "ه",  # Persian kaf, teh marbuta (key only)
}
_FOLD.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_FOLD.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Extended (Persian) digits

KEY_TABLE = str.maketrans({**dict.fromkeys(_DELETE), **_FOLD})

_SPACES = re.compile(r"\s+")

#: Arabic letters proper (no marks, no digits, no punctuation).
ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("پچژگکیٱ")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Return the normalised lookup key of a name or token.

    >>> name_key("بيونغْ  يانغ")
    'بيونغ يانغ'
    >>> name_key("الأمم المتحدة") == name_key("الامم المتحده")
    True
    >>> name_key("Mark RUTTE")
    'mark rutte'
    """
    return _SPACES.sub(" ", text.translate(KEY_TABLE).casefold()).strip()


def squash_key(key: str) -> str:
    """Return ``key`` without spaces, to merge ``بيونغ يانغ`` and ``بيونغيانغ``.

    >>> squash_key(name_key("بيونغ يانغ")) == squash_key(name_key("بيونغيانغ"))
    True
    """
    return key.replace(" ", "")


def is_arabic(text: str) -> bool:
    """Return True if ``text`` contains at least one Arabic letter.

    >>> is_arabic("NATO"), is_arabic("الناتو")
    (False, True)
    """
    return any(ch in ARABIC_LETTERS for ch in text)
