"""Normalised matching keys for entity names.

A *key* is what two spellings of one name have in common: tashkeel and tatweel
removed, alef forms folded, ``ى`` → ``ي``, ``ة`` → ``ه``, Persian-script letters
mapped, bidi and zero-width marks removed, Eastern digits mapped, Latin casefolded
and whitespace collapsed. Keys are for lookup only: text and offsets always refer
to the original string.

The character rules are the analysis's own (``briefs.analysis.resources.KEY_TABLE``);
a name key also casefolds Latin and collapses whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import KEY_TABLE

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
