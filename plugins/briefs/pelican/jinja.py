"""Jinja filters, globals and gettext for the theme, installed on every generator."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from briefs.i18n import format_brief_date, format_number, load_translations, text_direction
from briefs.settings import BriefsSettings


def iso_datetime(value: date | datetime) -> str:
    """Return an ISO 8601 timestamp, with the UTC offset when the date has a time zone.

    >>> iso_datetime(datetime(2024, 11, 14, 10, 0))
    '2024-11-14T10:00:00'
    """
    return value.isoformat()


def bdi(value: object) -> Markup:
    """Return ``value`` escaped and isolated in ``<bdi>`` (for names inside a translated phrase).

    >>> bdi("<Oslo>")
    Markup('<bdi>&lt;Oslo&gt;</bdi>')
    """
    return Markup("<bdi>{}</bdi>").format(value)


def install(env: Environment, settings: BriefsSettings) -> None:
    """Add the brief filters, the site-language globals and gettext to ``env``."""
    digits = settings.digits

    def brief_date(value: date | datetime, lang: str | None = None) -> str:
        return format_brief_date(value, lang or settings.site_lang, digits)

    def brief_number(value: float, lang: str | None = None) -> str:
        return format_number(value, lang or settings.site_lang, digits)

    filters: dict[str, Any] = {
        "text_direction": text_direction,
        "brief_date": brief_date,
        "brief_number": brief_number,
        "iso_datetime": iso_datetime,
        "bdi": bdi,
    }
    env.filters.update(filters)
    env.globals.update(SITE_LANG=settings.site_lang, SITE_DIR=text_direction(settings.site_lang),
                       CONTENT_SECURITY_POLICY=settings.content_security_policy)
    env.add_extension("jinja2.ext.i18n")
    translations = load_translations(settings.translations_dir, settings.site_lang)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
