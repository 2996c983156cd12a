"""Datelines of wire stories."""

import pytest

from briefs.analysis.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("بروكسل (أ ف ب) – يكثف حلف شمال الأطلسي", "بروكسل", "أ ف ب"),
        ("الرياض (رويترز) - أعلنت السعودية", "الرياض", "رويترز"),
        ("موسكو - أ ف ب: أعلن الكرملين", "موسكو", "أ ف ب"),
        ("بيونغ يانغ (أ ف ب) – تعهد", "بيونغ يانغ", "أ ف ب"),
        ("BRUSSELS (AP) — NATO is pressing", "BRUSSELS", "AP"),
        ("LONDON (Reuters) - Oil prices", "LONDON", "Reuters"),
        ("WASHINGTON, Nov 14 (Reuters) - The US", "WASHINGTON", "Reuters"),
        ("\u200fبروكسل (أ ف ب) – نص", "بروكسل", "أ ف ب"),
    ],
)
def test_datelines(text, place, agency):
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.agency) == (place, agency)
    assert text[d.span.start : d.span.start + len(place)] == place


@pytest.mark.parametrize(
    "text",
    [
        "",
        "قال روتي (الأمين العام) إن الحلف قوي",
        "يكثف حلف شمال الأطلسي جهوده - في بروكسل",
        "The alliance (NATO) said",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_span_ends_after_dash():
    text = "بروكسل (أ ف ب) – يكثف"
    d = find_dateline(text)
    assert text[d.span.end :] == "يكثف"
