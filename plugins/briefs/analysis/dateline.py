"""Wire-story datelines: «بروكسل (أ ف ب) –», «موسكو - أ ف ب:», «LONDON (Reuters) -»."""

from __future__ import annotations

import re

from .lexicon import GENERIC_AGENCIES
from .model import Dateline, Span
from .normalize import normalise
from .speakers import title_head

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
#: «PLACE -AGENCY-» (Palestinian and Maghreb outlets: «تونس -معا-», «القاهرة - أ ش أ -»);
#: a place of two words at most, and an agency that is no clause («- وهو غاضب -»).
_DASH_PAIR = re.compile(
    rf"{_LEAD}(?P<place>{_AR_WORD}(?:[ \u00a0]{_AR_WORD})?)\s*{_DASH}+\s*"
    rf"(?P<agency>(?![وف]){_AR_WORD}(?:\s{_AR_WORD}){{0,2}})\s*{_DASH}+\s*"
)
#: «PLACE – OUTLET» alone on the first line: «أبوظبي – صوت الإمارات» (a local outlet's credit).
_DASH_LINE = re.compile(
    rf"{_LEAD}(?P<place>{_AR_WORD}(?:[ \u00a0]{_AR_WORD})?)[ \u00a0]*{_DASH}+[ \u00a0]*"
    rf"(?P<agency>(?![وف]){_AR_WORD}(?:[ \u00a0]{_AR_WORD}){{0,2}})[ \u00a0]*\n\s*"
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
    >>> find_dateline("الموقع الإخباري (رئيس الحكومة) – نحن مصممون") is None
    True
    >>> d = find_dateline("الدوحة – نبض الخليج\\n\\nقال المدرب")
    >>> (d.place, d.agency)
    ('الدوحة', 'نبض الخليج')
    >>> find_dateline("طهران - الوكالات: نقل التلفزيون").agency is None
    True
    """
    for offset in _starts(text):
        head = text[offset : offset + 200]
        for pattern in (_PAREN, _DASHED, _DASH_PAIR, _DASH_LINE, _BARE_CAPS):
            m = pattern.match(head)
            if m and not _a_role(m.groupdict().get("agency")):
                return _dateline(m, offset)
    return None


def _a_role(agency: str | None) -> bool:
    """Tell whether the words in an agency's place name a role, not an agency: «المنبر
    التونسي (رئيس الحكومة) –» is an outlet and whom its story is about.

    >>> _a_role("رئيس الحكومة"), _a_role("أ ف ب"), _a_role(None)
    (True, False, False)
    """
    words = (agency or "").split()
    return bool(words) and title_head(normalise(words[0])) is not None


def _starts(text: str) -> list[int]:
    """Where a dateline may start: the text, and the paragraph after a first short line
    that is a headline (an imported page or plain text keeps its title on top)."""
    first = text.find("\n")
    if first < 0 or len(text[:first].split()) > MAX_HEADLINE_WORDS:
        return [0]
    rest = len(text) - len(text[first:].lstrip())
    return [0, rest]


#: A first line of at most this many words, before a blank line, may be a headline.
MAX_HEADLINE_WORDS = 25


def _dateline(m: re.Match[str], offset: int) -> Dateline:
    place = m.group("place")
    p_lo = offset + m.start("place") + (len(place) - len(place.lstrip()))
    place_span = Span(p_lo, p_lo + len(place.strip()))
    agency = m.groupdict().get("agency")
    agency_span = None
    if agency and normalise(agency.strip()) in GENERIC_AGENCIES:
        agency = None  # «طهران - الوكالات:»: wire services in general, no one body
    if agency and agency.strip():
        a_lo = offset + m.start("agency") + (len(agency) - len(agency.lstrip()))
        agency_span = Span(a_lo, a_lo + len(agency.strip()))
    return Dateline(place.strip(), agency.strip() if agency and agency.strip() else None,
                    Span(offset + m.start("place"), offset + m.end()), place_span, agency_span)
