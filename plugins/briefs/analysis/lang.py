"""Text direction of a language tag."""

from __future__ import annotations

from functools import lru_cache

#: Used when Babel does not know the tag.
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "iw", "yi", "ps", "sd", "ug", "ckb", "dv"})


@lru_cache(maxsize=64)
def text_direction(lang: str) -> str:
    """Return ``"rtl"`` or ``"ltr"`` for a language tag (``ar``, ``en-GB``, ``fa_IR``).

    >>> text_direction("ar"), text_direction("en"), text_direction("ur"), text_direction("xx")
    ('rtl', 'ltr', 'rtl', 'ltr')
    """
    tag = (lang or "").strip().replace("-", "_")
    try:
        from babel import Locale, UnknownLocaleError

        try:
            return Locale.parse(tag).text_direction
        except (UnknownLocaleError, ValueError, TypeError):
            pass
    except ImportError:  # pragma: no cover - Babel is a hard dependency
        pass
    return "rtl" if tag.split("_")[0].lower() in RTL_LANGUAGES else "ltr"
