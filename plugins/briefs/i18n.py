"""Locale helpers on Babel: direction, dates, numbers, digits and the theme's translations.

Everything goes through Babel's CLDR data, never through OS locales or ``strftime``, so a
build works on a machine with no system locales installed (CI, containers).
"""

from __future__ import annotations

import functools
import io
import logging
from datetime import date, datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

logger = logging.getLogger(__name__)

DIGIT_SYSTEMS = ("latn", "arab")
# Babel never writes Arabic-Indic digits (python-babel/babel#731), so map them ourselves.
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Scripts written right to left, for language tags Babel does not know (e.g. "ar-XX-foo").
_RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb"})


@functools.cache
def parse_locale(lang: str) -> Locale | None:
    """Parse a language tag such as ``ar``, ``ar-EG`` or ``en_GB``; None if Babel lacks it.

    >>> str(parse_locale("ar-EG"))
    'ar_EG'
    >>> parse_locale("xx") is None
    True
    """
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@functools.cache
def text_direction(lang: str | None) -> str:
    """Return ``"rtl"`` or ``"ltr"`` for a language tag.

    >>> [text_direction(lang) for lang in ("ar", "fa", "ur", "he", "en", "fr")]
    ['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr']
    """
    if not lang:
        return "ltr"
    locale = parse_locale(lang)
    if locale is not None:
        return locale.text_direction
    return "rtl" if lang.replace("_", "-").split("-")[0].lower() in _RTL_LANGUAGES else "ltr"


def locale_or_default(lang: str | None, default: str = "en") -> Locale:
    """Return Babel's locale for ``lang``, or the default one when Babel does not know it."""
    return parse_locale(lang or default) or parse_locale(default) or Locale("en")


def localise_digits(text: str, digits: str = "latn") -> str:
    """Write ASCII digits in the chosen system: ``latn`` (0-9) or ``arab`` (٠-٩).

    >>> localise_digits("14 نوفمبر 2024", "arab")
    '١٤ نوفمبر ٢٠٢٤'
    """
    if digits not in DIGIT_SYSTEMS:
        msg = f"unknown digit system {digits!r}; use one of {', '.join(DIGIT_SYSTEMS)}"
        raise ValueError(msg)
    return text.translate(_ARABIC_INDIC) if digits == "arab" else text


@functools.lru_cache(maxsize=65536)  # a site has a few thousand dates: each formatted once
def format_brief_date(value: date | datetime, lang: str | None, digits: str = "latn") -> str:
    """Format a date in full, in the brief's language.

    >>> format_brief_date(date(2024, 11, 14), "ar")
    'الخميس، 14 نوفمبر 2024'
    >>> format_brief_date(date(2024, 11, 14), "en")
    'Thursday, November 14, 2024'
    """
    day = value.date() if isinstance(value, datetime) else value
    return localise_digits(format_date(day, "full", locale=locale_or_default(lang)), digits)


@functools.lru_cache(maxsize=8192)  # pages print the same counts over and over (27 µs each)
def format_number(value: float, lang: str | None, digits: str = "latn") -> str:
    """Format a number with the language's grouping, in the chosen digits.

    >>> format_number(12000.5, "ar", "arab")
    '١٢٬٠٠٠٫٥'
    >>> format_number(12000, "en")
    '12,000'
    """
    # With Arabic-Indic digits, CLDR's Arabic separators (٬ ٫) go with them.
    formatted = format_decimal(value, locale=locale_or_default(lang), numbering_system=digits)
    return localise_digits(formatted, digits)


def load_translations(directory: Path, lang: str, domain: str = "messages") -> NullTranslations:
    """Compile ``<directory>/<lang>/LC_MESSAGES/<domain>.po`` in memory and return it.

    The ``.po`` files are the only source: nothing compiled is committed or written. A
    missing catalogue gives the source (English) strings, with a warning.
    """
    locale = locale_or_default(lang)
    po_path = directory / lang / "LC_MESSAGES" / f"{domain}.po"
    if not po_path.is_file():
        logger.warning("no %s catalogue for %r at %s: theme strings stay in English",
                       domain, lang, po_path)
        return NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=locale, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=domain)
