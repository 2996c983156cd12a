"""Datelines of wire stories."""

import pytest

from briefs.analysis.dateline import find_dateline
from briefs.analysis.pipeline import analyse


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
        ("تونس -معا- أعلنت الهيئة", "تونس", "معا"),
        ("القاهرة - أ ش أ - قال الوزير", "القاهرة", "أ ش أ"),
        # A plain-text article keeps its headline on top: the dateline opens the next paragraph.
        ("فوز المرشح في الانتخابات\n\nالرام – معا - تعادل المنتخبان", "الرام", "معا"),
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
        "قال الوزير - وهو غاضب - إن القرار خاطئ",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_span_ends_after_dash():
    text = "بروكسل (أ ف ب) – يكثف"
    d = find_dateline(text)
    assert text[d.span.end :] == "يكثف"


def test_dateline_name_spans():
    text = "عنوان\n\nبروكسل (أ ف ب) – يكثف"
    d = find_dateline(text)
    assert text[d.place_span.start : d.place_span.end] == "بروكسل"
    assert text[d.agency_span.start : d.agency_span.end] == "أ ف ب"


def test_dateline_names_become_entities():
    from briefs.analysis.pipeline import analyse

    doc = analyse("الرام – معا - تعادل منتخبا العراق والإمارات في المباراة.", lang="ar")
    found = {(e.name, e.type) for e in doc.entities}
    assert {("الرام", "place"), ("معا", "organization"), ("العراق", "place")} <= found


def test_a_role_in_parentheses_is_no_agency_and_makes_no_dateline():
    assert find_dateline("الموقع الإخباري (وزير الصحة) – أعلنت الوزارة أمس أن") is None


def test_a_place_and_an_outlet_alone_on_the_first_line_are_a_dateline():
    doc = analyse("الدوحة – نبض الخليج\n\nقال المدرب إن الفريق جاهز للمباراة.", lang="ar")
    assert (doc.dateline.place, doc.dateline.agency) == ("الدوحة", "نبض الخليج")
    outlets = [e.name for e in doc.entities if e.type == "organization"]
    assert "نبض الخليج" in outlets
    assert "الخليج" not in [e.name for e in doc.entities if e.type == "place"]


def test_wire_services_in_general_are_no_agency():
    doc = analyse("عمان - الوكالات: أعلنت الحكومة خطة جديدة للنقل.", lang="ar")
    assert doc.dateline.place == "عمان"
    assert doc.dateline.agency is None
    assert not [e for e in doc.entities if e.type == "organization"]


def test_a_desk_credit_is_no_agency():
    doc = analyse("الموصل - متابعة\n\nأعلن المحافظ افتتاح الجسر الجديد.", lang="ar")
    assert not [e for e in doc.entities if e.type == "organization"]
