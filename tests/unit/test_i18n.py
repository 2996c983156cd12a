"""Babel helpers: direction, dates, numbers, digits and translated plural strings."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from briefs.i18n import (
    format_brief_date,
    format_number,
    load_translations,
    localise_digits,
    text_direction,
)

THEME_TRANSLATIONS = Path(__file__).resolve().parents[2] / "theme" / "translations"


@pytest.mark.parametrize(("lang", "direction"), [
    ("ar", "rtl"), ("ar-EG", "rtl"), ("ar_SA", "rtl"), ("fa", "rtl"), ("ur", "rtl"),
    ("he", "rtl"), ("en", "ltr"), ("fr", "ltr"), ("en-GB", "ltr"), (None, "ltr"), ("", "ltr"),
    ("ar-XX-nonsense", "rtl"), ("zz", "ltr"),
])
def test_text_direction(lang: str | None, direction: str) -> None:
    assert text_direction(lang) == direction


def test_arabic_date_uses_cldr_names_not_os_locales() -> None:
    assert format_brief_date(datetime(2024, 11, 14, 10, 0), "ar") == "الخميس، 14 نوفمبر 2024"


def test_arabic_indic_digits_setting() -> None:
    assert format_brief_date(date(2024, 11, 14), "ar", "arab") == "الخميس، ١٤ نوفمبر ٢٠٢٤"


def test_english_and_regional_dates() -> None:
    assert format_brief_date(date(2024, 11, 14), "en") == "Thursday, November 14, 2024"
    assert "كانون الثاني" in format_brief_date(date(2024, 1, 1), "ar_LB")


def test_unknown_language_falls_back_to_english() -> None:
    assert format_brief_date(date(2024, 11, 14), "zz") == "Thursday, November 14, 2024"


def test_numbers_and_digits() -> None:
    assert format_number(12000, "en") == "12,000"
    assert format_number(12000, "ar") == "12,000"
    assert format_number(12000, "ar", "arab") == "١٢٬٠٠٠"
    assert localise_digits("2024", "latn") == "2024"
    with pytest.raises(ValueError, match="unknown digit system"):
        localise_digits("1", "roman")


def test_missing_catalogue_gives_source_strings(tmp_path: Path) -> None:
    translations = load_translations(tmp_path, "ar")
    assert translations.gettext("Key quotes") == "Key quotes"


@pytest.mark.parametrize(("count", "form"), [
    (0, 0), (1, 1), (2, 2), (3, 3), (10, 3), (11, 4), (99, 4), (100, 5), (102, 5), (103, 3),
])
def test_arabic_catalogue_has_six_plural_forms(count: int, form: int) -> None:
    """Each CLDR plural category of Arabic selects its own translation of the briefs count."""
    translations = load_translations(THEME_TRANSLATIONS, "ar")
    catalog_forms = {
        n: translations.ngettext("%(num)s brief", "%(num)s briefs", n)
        for n in (0, 1, 2, 3, 11, 100)
    }
    assert len(set(catalog_forms.values())) == 6, catalog_forms
    representative = {0: 0, 1: 1, 2: 2, 3: 3, 4: 11, 5: 100}[form]
    assert translations.ngettext("%(num)s brief", "%(num)s briefs", count) == catalog_forms[
        representative]
