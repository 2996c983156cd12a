"""Keys and lexicon-guided clitic stripping."""

from __future__ import annotations

import pytest

from briefs.analysis.entities.clitics import strip_key, strip_word
from briefs.analysis.entities.gazetteer import default_gazetteer
from briefs.analysis.entities.keys import name_key
from briefs.analysis.entities.match import gazetteer_matches


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("الأمم المتحدة", "الامم المتحده"),
        ("مُحَمَّد", "محمد"),
        ("مصطفى", "مصطفي"),
        ("إيران", "ايران"),
        ("آسيا", "اسيا"),
        ("روتي\u200f", "روتي"),
        ("كـوريا", "كوريا"),
        ("Mark RUTTE", "mark rutte"),
        ("ک", "ك"),
        ("٢٠٢٤", "2024"),
    ],
)
def test_name_key_folds(a, b):
    assert name_key(a) == name_key(b)


def _known(key: str) -> bool:
    return key in default_gazetteer()


@pytest.mark.parametrize("word", ["لبنان", "بلجيكا", "فرنسا", "كندا", "لندن", "ليبيا", "فنلندا"])
def test_names_stay_whole(word):
    assert strip_key(name_key(word), _known) == (0, name_key(word))


@pytest.mark.parametrize(
    ("word", "rest"),
    [("بالصين", "الصين"), ("وروسيا", "روسيا"), ("لأوكرانيا", "اوكرانيا"), ("وكوريا", "كوريا")],
)
def test_proclitics_stripped_when_known(word, rest):
    n, key = strip_key(name_key(word), _known)
    assert n > 0
    assert key == name_key(rest)


def test_article_alone_is_not_stripped():
    assert strip_key(name_key("المالي"), _known)[0] == 0


def test_unknown_words_kept():
    assert strip_key(name_key("وبلينكن"), {"شيء"}.__contains__) == (0, name_key("وبلينكن"))
    assert strip_key(name_key("وبلينكن"), {"بلينكن"}.__contains__) == (1, "بلينكن")


def test_strip_word_offsets_into_original():
    word = "وَكوريا"
    offset, key = strip_word(word, {"كوريا"}.__contains__)
    assert word[offset:] == "كوريا"
    assert key == "كوريا"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وكوريا الشمالية", ("place:KP", 1)),
        ("بالصين", ("place:CN", 1)),
        ("للاتحاد الأوروبي", ("organization:eu", 1)),
        ("لبنان", ("place:LB", 0)),
    ],
)
def test_gazetteer_match_with_clitics(text, expected):
    keys = [name_key(w) for w in text.split()]
    (m,) = gazetteer_matches(keys, default_gazetteer())
    assert (m.entity_id, m.prefix) == expected
    assert (m.i, m.j) == (0, len(keys))


def test_only_first_word_takes_proclitics():
    keys = [name_key(w) for w in ["كوريا", "والشمالية"]]
    assert all(m.entity_id != "place:KP" for m in gazetteer_matches(keys, default_gazetteer()))


def test_a_bare_lam_hides_no_article():
    from briefs.analysis.entities.clitics import candidate_splits

    assert (1, "الكاميرون") not in candidate_splits("لكاميرون")
    assert (1, "الاتحاد") in candidate_splits("للاتحاد")
