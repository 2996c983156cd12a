"""Wire-story datelines: «بروكسل (أ ف ب) –», «موسكو - أ ف ب:», «LONDON (Reuters) -»."""

from __future__ import annotations

import re

from .model import Dateline, Span

_DASH = r"[-–—‒―]"
_AR_WORD = r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+"
_PLACE_AR = rf"{_AR_WORD}(?:[ \u00a0]{_AR_WORD}){{0,2}}"
_PLACE_EN = r"[A-Z][A-Za-z.'’\-]*(?:[ \u00a0][A-Z][A-Za-z.'’\-]*){0,2}"
_PLACE = rf"(?P<place>{_PLACE_AR}|{_PLACE_EN})"
#: An optional date after the place: «بروكسل، 14 نوفمبر (أ ف ب)», «WASHINGTON, Nov 14 (Reuters)».
_DATE = r"(?:\s*[،,]\s*[^()\n،,]{1,30}?)?"
_AGENCY = r"(?P<agency>[^()\n]{1,30}?)"
_LEAD = r"^[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\s]*"

#: «PLACE (AGENCY) –» and «PLACE, DATE (AGENCY) -».
_PAREN = re.compile(rf"{_LEAD}{_PLACE}{_DATE}\s*\(\s*{_AGENCY}\s*\)\s*(?:{_DASH}+|:)\s*")
#: «PLACE - AGENCY:» (the agency then a colon).
_DASHED = re.compile(
    rf"{_LEAD}{_PLACE}\s*{_DASH}+\s*(?P<agency>{_AR_WORD}(?:\s{_AR_WORD}){{0,2}}|[A-Z][\w.]*"
    rf"(?:\s[A-Z][\w.]*)?)\s*:\s*"
)
#: «PLACE –» alone, for an English all-caps place only («KYIV, Ukraine —» is common in AP copy).
_BARE_CAPS = re.compile(
    rf"{_LEAD}(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){{0,2}})"
    rf"(?:,\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?\s*{_DASH}+\s*"
)


def find_dateline(text: str) -> Dateline | None:
    """Return the dateline at the start of ``text``, or ``None``.

    >>> find_dateline("بروكسل (أ ف ب) – يكثف الحلف جهوده").place
    'بروكسل'
    >>> d = find_dateline("موسكو - أ ف ب: أعلن الكرملين")
    >>> (d.place, d.agency)
    ('موسكو', 'أ ف ب')
    >>> d = find_dateline("LONDON (Reuters) - Britain said")
    >>> (d.place, d.agency, d.span)
    ('LONDON', 'Reuters', Span(start=0, end=19))
    >>> find_dateline("قال روتي (الأمين العام) إن الحلف") is None
    True
    """
    head = text[:200]
    for pattern in (_PAREN, _DASHED, _BARE_CAPS):
        m = pattern.match(head)
        if m:
            agency = m.groupdict().get("agency")
            agency = agency.strip() if agency else None
            return Dateline(
                m.group("place").strip(), agency or None, Span(m.start("place"), m.end())
            )
    return None
