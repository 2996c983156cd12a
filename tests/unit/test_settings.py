"""Settings validation names the bad key."""

from __future__ import annotations

import pytest

from briefs.settings import BriefsConfigError, BriefsSettings


def test_defaults() -> None:
    settings = BriefsSettings.from_pelican({"DEFAULT_LANG": "ar", "THEME": "theme"})
    assert settings.digits == "latn"
    assert settings.key_quotes == 4
    assert settings.site_lang == "ar"
    assert str(settings.translations_dir) == "theme/translations"
    assert any(p.fullmatch("Exit mobile version") for p in settings.boilerplate_patterns)


@pytest.mark.parametrize(("key", "value", "message"), [
    ("BRIEFS_DIGITS", "roman", "BRIEFS_DIGITS must be one of latn, arab"),
    ("BRIEFS_KEY_QUOTES", -1, "BRIEFS_KEY_QUOTES must be a whole number"),
    ("BRIEFS_KEY_QUOTES", True, "BRIEFS_KEY_QUOTES must be a whole number"),
    ("BRIEFS_BOILERPLATE_PATTERNS", "share", "must be a list"),
    ("BRIEFS_BOILERPLATE_EXTRA", ["(bad"], "'\\(bad' is not a valid regular expression"),
    ("BRIEFS_KEYQUOTES", 3, "unknown setting\\(s\\) BRIEFS_KEYQUOTES"),
    ("BRIEFS_PUBLISH_CONFIDENCE", 1.5, "BRIEFS_PUBLISH_CONFIDENCE must be a number from 0 to 1"),
    ("BRIEFS_PUBLISH_CONFIDENCE", "0.9", "BRIEFS_PUBLISH_CONFIDENCE must be a number from 0 to 1"),
    ("BRIEFS_SEARCH_SHARD_SIZE", 0, "BRIEFS_SEARCH_SHARD_SIZE must be a whole number of briefs"),
    ("BRIEFS_SEARCH_SHARD_SIZE", True, "BRIEFS_SEARCH_SHARD_SIZE must be a whole number"),
    ("BRIEFS_PAGE_CACHE", "yes", "BRIEFS_PAGE_CACHE must be True or False"),
])
def test_bad_values_are_named(key: str, value: object, message: str) -> None:
    with pytest.raises(BriefsConfigError, match=message):
        BriefsSettings.from_pelican({key: value})


def test_extra_patterns_extend_the_defaults() -> None:
    settings = BriefsSettings.from_pelican({"BRIEFS_BOILERPLATE_EXTRA": ["انتهى"]})
    assert any(p.fullmatch("انتهى") for p in settings.boilerplate_patterns)
    assert any(p.fullmatch("شاركها") for p in settings.boilerplate_patterns)
