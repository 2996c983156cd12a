"""Matching keys for Arabic and English text.

A key is used for matching only: offsets and displayed text always refer to the original string.
Every rule maps one character to zero or one character, so a key never grows; when offsets are
needed, :func:`key_with_offsets` returns the original index of each key character.
"""

from __future__ import annotations

import re

from .resources import KEY_TABLE

_SPACE_RUN = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return the matching key of ``text``.

    Strips tashkeel, the superscript alef and tatweel; folds alef forms to ا, ى to ي, ة to ه,
    Persian ک/ی to ك/ي; maps Eastern digits to ASCII; drops bidi and zero-width controls.

    >>> normalise("إِنَّ")
    'ان'
    >>> normalise("مُحَمَّد") == normalise("محمد")
    True
    >>> normalise("قالــت ١٢")
    'قالت 12'
    >>> normalise("\u200fروتي\u200e")
    'روتي'
    >>> normalise("مدرسة")
    'مدرسه'
    """
    return text.translate(KEY_TABLE)


def key_with_offsets(
    text: str, *, fold_space: bool = False, casefold: bool = False
) -> tuple[str, list[int]]:
    """Return the key of ``text`` and, for each key character, its index in ``text``.

    The offset list has one extra entry, ``len(text)``, so a key range ``[i, j)`` maps back to
    ``[offsets[i], offsets[j - 1] + 1)``. ``fold_space`` collapses whitespace runs to one space;
    ``casefold`` lower-cases (one character to one character only).

    >>> key, off = key_with_offsets("قَالَ  روتي", fold_space=True)
    >>> key
    'قال روتي'
    >>> off[3], off[4]
    (5, 7)
    """
    out: list[str] = []
    offsets: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        mapped = KEY_TABLE.get(ord(ch), ch)
        if mapped is None:
            continue
        if fold_space and mapped.isspace():
            if prev_space:
                continue
            mapped = " "
            prev_space = True
        else:
            prev_space = False
        if casefold:
            low = mapped.lower()
            if len(low) == 1:
                mapped = low
        out.append(mapped)
        offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def match_key(text: str) -> str:
    """Return a loose key for substring matching: normalised, whitespace folded, lower-cased.

    >>> match_key("  Mark\\n Rutte ")
    'mark rutte'
    """
    return _SPACE_RUN.sub(" ", normalise(text)).strip().lower()
