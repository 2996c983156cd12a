"""The trailing boilerplate rule: share/print/navigation lines at an article's end."""

from __future__ import annotations

import pytest

from briefs.analysis.boilerplate import (
    DEFAULT_PATTERNS,
    compile_patterns,
    is_boilerplate_line,
    strip_trailing_boilerplate,
)

STORY = "وقال روتي إن الحلف سيواصل دعم أوكرانيا."


@pytest.mark.parametrize(
    "line",
    ["شاركها.", "شارك", "اطبع", "اقرأ أيضاً:", "تابعونا على تويتر", "Exit mobile version",
     "Share this article", "SHARE", "Read more", "Print", "Skip to content", "Partager",
     "Lire aussi :", "Imprimer cet article", "Retour en haut", "WhatsApp"],
)
def test_share_print_and_navigation_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate_line(line, DEFAULT_PATTERNS)


@pytest.mark.parametrize(
    "line",
    [STORY, "شاركها الوزير في الاجتماع.", "Read more about the summit in our archive.",
     "Partager le fardeau est nécessaire, a dit le ministre.", ""],
)
def test_story_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line, DEFAULT_PATTERNS)


def test_seed_ending_is_removed_and_reported() -> None:
    kept, removed = strip_trailing_boilerplate([STORY, "شاركها.\nExit mobile version"])
    assert kept == 1
    assert removed == ["شاركها.", "Exit mobile version"]


def test_only_trailing_paragraphs_are_removed() -> None:
    paragraphs = ["Share", STORY, "Read more", "Print"]
    assert strip_trailing_boilerplate(paragraphs) == (2, ["Read more", "Print"])


def test_paragraph_mixing_story_and_share_line_is_kept() -> None:
    assert strip_trailing_boilerplate([STORY, f"{STORY}\nشاركها."]) == (2, [])


def test_body_of_only_boilerplate_keeps_nothing() -> None:
    assert strip_trailing_boilerplate(["شاركها.", "Exit mobile version"]) == (
        0, ["شاركها.", "Exit mobile version"])


def test_empty_body() -> None:
    assert strip_trailing_boilerplate([]) == (0, [])


def test_custom_patterns_replace_the_defaults() -> None:
    patterns = compile_patterns([r"انتهى"])
    assert strip_trailing_boilerplate([STORY, "انتهى", "شاركها."], patterns) == (3, [])
    assert strip_trailing_boilerplate([STORY, "انتهى"], patterns) == (1, ["انتهى"])


def test_bad_pattern_is_named() -> None:
    with pytest.raises(ValueError, match=r"'\(unclosed'"):
        compile_patterns(["(unclosed"])
