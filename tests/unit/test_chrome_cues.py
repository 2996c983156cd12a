"""Chrome cues (boilerplate.Cues): a cue counts at a line's start as a whole word only."""

from __future__ import annotations

import pytest

from briefs.analysis.boilerplate import Cues


@pytest.fixture
def cues() -> Cues:
    return Cues.from_data({"ar": {"read_also": ["اقرأ", "اقرأ أيضا"]},
                           "en": {"credit": ["Photo"]}})


@pytest.mark.parametrize(("kind", "line", "rest"), [
    ("read_also", "اقرأ أيضا: الصين ترد", ": الصين ترد"),  # the longer cue first
    ("read_also", "■ إقرأ أيضاً", ""),  # lead symbol, hamza and tanwin folded
    ("read_also", "اقرأ المزيد", " المزيد"),  # the shorter cue where the longer does not fit
    ("credit", "PHOTO: AFP", ": afp"),
])
def test_a_cue_opening_a_line_gives_the_rest(cues: Cues, kind: str, line: str,
                                             rest: str) -> None:
    assert cues.match(kind, line) == rest


@pytest.mark.parametrize(("kind", "line"), [
    ("read_also", "اقرأوا الخبر"),  # a letter goes on: another word
    ("credit", "Photo2 gallery"),  # a digit too
    ("credit", "Photography"),
    ("read_also", "الخبر اقرأ أيضا"),  # not at the start
    ("newsletter", "اقرأ أيضا"),  # a kind with no phrases matches nothing
    ("no such kind", "اقرأ أيضا"),
])
def test_a_cue_inside_a_longer_word_or_elsewhere_is_no_cue(cues: Cues, kind: str,
                                                            line: str) -> None:
    assert cues.match(kind, line) is None
