"""Language data, one module per language: the word lists the analysis reads.

:func:`language_data` finds a language's module and fails loudly for one the analysis has no
data for; :mod:`briefs.analysis.lexicon` builds the lookup keys from these modules once.
"""

from __future__ import annotations

from types import ModuleType

from . import ar, en

#: The languages with word lists, by their base language tag.
LANGUAGES: dict[str, ModuleType] = {"ar": ar, "en": en}


def language_data(lang: str) -> ModuleType:
    """Return the word-list module of a base language tag.

    >>> language_data("en").FRAMES[0]
    'according to'
    >>> language_data("fr")
    Traceback (most recent call last):
    ...
    ValueError: no language data for 'fr' (known: ar, en)
    """
    try:
        return LANGUAGES[lang]
    except KeyError:
        raise ValueError(f"no language data for {lang!r} (known: {', '.join(LANGUAGES)})"
                         ) from None
