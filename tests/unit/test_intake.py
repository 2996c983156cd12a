"""Content at the door (briefs.pelican.intake): plain metadata, checked Lang and Slug."""

from __future__ import annotations

import logging

import pytest

from briefs.pelican.intake import (
    ContentError,
    check_slug,
    checked_lang,
    duplicate_outputs,
    html_text,
    plain_text,
)


@pytest.mark.parametrize(("raw", "plain"), [
    ("\u202eevil", "evil"),  # right-to-left override
    ("عنوان \u2067مفتوح", "عنوان مفتوح"),  # an isolate never closed
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("\u200fعنوان\u200e", "عنوان"),  # marks
    ("a\x00b\x1bc", "abc"),  # control characters
    ("  spaced\n  title\t", "spaced title"),
    ("نیم\u200cفاصله", "نیم\u200cفاصله"),  # the Persian half-space is kept
])
def test_plain_text(raw: str, plain: str) -> None:
    assert plain_text(raw) == plain


def test_html_titles_become_text() -> None:
    assert html_text("Fish <em>and</em> chips &amp; <code>&lt;b&gt;</code>") == \
        "Fish and chips & <b>"


@pytest.mark.parametrize("slug", ["nato-china", "a", "G20", "روسيا-اوكرانيا", "v2.1", "a_b"])
def test_safe_slugs(slug: str) -> None:
    check_slug(slug)


@pytest.mark.parametrize("slug", ['x" onmouseover="alert(1)', "../../evil", "a/b", "a\\b",
                                  ".hidden", "", "a b", "x>y", "-dash", "a..b", "x" * 300])
def test_unsafe_slugs_name_the_fix(slug: str) -> None:
    with pytest.raises(ContentError, match="Slug"):
        check_slug(slug)


@pytest.mark.parametrize("lang", ["ar", "en", "fr-CA", "ar_EG", "fa"])
def test_known_languages_pass(lang: str) -> None:
    assert checked_lang(lang, "ar", "x.md") == lang


@pytest.mark.parametrize("lang", ["xx", 'ar" onmouseover="alert(1)', "", "english", "a"])
def test_unknown_languages_fall_back_with_a_warning(lang: str, caplog) -> None:
    with caplog.at_level(logging.WARNING):
        assert checked_lang(lang, "ar", "content/x.md") == "ar"
    assert "content/x.md" in caplog.text
    assert "Lang" in caplog.text


def test_duplicate_outputs_name_every_file() -> None:
    class Item:
        def __init__(self, save_as: str, source_path: str) -> None:
            self.save_as, self.source_path = save_as, source_path

    found = duplicate_outputs([Item("briefs/a.html", "b.md"), Item("briefs/a.html", "a.md"),
                               Item("", "hidden.md"), Item("", "other.md"),
                               Item("briefs/b.html", "c.md")])
    assert found == [("briefs/a.html", ["a.md", "b.md"])]
