"""Tagger features: the transliteration hint and the given-name list."""

from __future__ import annotations

import pytest

from briefs.analysis.entities.features import sentence_features
from briefs.analysis.entities.gazetteer import default_gazetteer
from briefs.analysis.entities.keys import name_key
from briefs.analysis.lexicon import GIVEN_NAMES


def _tr(word):
    feats = sentence_features([word], default_gazetteer(), {})[0]
    return next((f.split("=", 1)[1] for f in feats if f.startswith("tr=")), "")


@pytest.mark.parametrize(("word", "hint"), [
    ("ميليفسكيي", "سكيي"),
    ("إيفانوف", "وف"),
    ("بيللغريني", "يني"),
    ("كاسياس", "v"),
    ("وكاسياس", "v"),
    ("پاریس", "L"),
])
def test_foreign_hint(word, hint):
    assert _tr(word) == hint


@pytest.mark.parametrize("word", ["الحكومة", "الوزراء", "للوزراء", "مباحثات", "قال", "يستطيع"])
def test_no_foreign_hint_on_arabic_words(word):
    assert _tr(word) == ""


def test_given_names_hold_no_common_words():
    assert {"ان", "انا", "جو", "بن", "لي"}.isdisjoint(GIVEN_NAMES)
    assert {name_key(w) for w in ("فاطمة", "طلعت", "غادة", "إيمانويل", "ديديه")} <= GIVEN_NAMES
