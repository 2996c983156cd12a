"""The boilerplate rule: share/print/navigation lines, wherever they stand in a brief."""

from __future__ import annotations

import pytest

from briefs.analysis.boilerplate import (
    DEFAULT_PATTERNS,
    compile_patterns,
    find_boilerplate,
    is_boilerplate_line,
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


def removed(*paragraphs: str, patterns=DEFAULT_PATTERNS) -> list[str]:
    return [str(line) for line in find_boilerplate("\n\n".join(paragraphs), patterns)]


def test_seed_ending_is_removed_and_reported() -> None:
    assert removed(STORY, "شاركها.\nExit mobile version") == ["شاركها.", "Exit mobile version"]


def test_share_lines_are_removed_wherever_they_stand() -> None:
    assert removed("Share", STORY, "Read more", "Print") == ["Share", "Read more", "Print"]


def test_a_story_line_that_opens_like_a_share_line_is_kept() -> None:
    assert removed(STORY, f"{STORY}\nشاركها الوزير في الاجتماع.") == []


def test_body_of_only_boilerplate_keeps_nothing() -> None:
    assert removed("شاركها.", "Exit mobile version") == ["شاركها.", "Exit mobile version"]


def test_empty_body() -> None:
    assert removed() == []


def test_custom_patterns_replace_the_defaults() -> None:
    patterns = compile_patterns([r"انتهى"])
    assert removed(STORY, "انتهى", patterns=patterns) == ["انتهى"]


def test_bad_pattern_is_named() -> None:
    with pytest.raises(ValueError, match=r"'\(unclosed'"):
        compile_patterns(["(unclosed"])
