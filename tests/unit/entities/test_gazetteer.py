"""Layered gazetteers and the editors' entities.yml."""

from __future__ import annotations

import pytest

from briefs.analysis.entities import (
    EntitiesFileError,
    default_gazetteer,
    load_site_entities,
    parse_site_entities,
    site_gazetteer,
)
from briefs.analysis.entities.keys import name_key


def _id(gaz, name):
    return gaz.lookup(tuple(name_key(w) for w in name.split()))


@pytest.mark.parametrize(
    ("name", "eid"),
    [
        ("كوريا الشمالية", "place:KP"),
        ("North Korea", "place:KP"),
        ("بيونغ يانغ", "place:tz-Asia/Pyongyang"),
        ("بيونغيانغ", "place:tz-Asia/Pyongyang"),
        ("سول", "place:tz-Asia/Seoul"),
        ("سيول", "place:tz-Asia/Seoul"),
        ("خاركيف", "place:kharkiv"),
        ("خاركوف", "place:kharkiv"),
        ("الناتو", "organization:nato"),
        ("حلف شمال الأطلسي", "organization:nato"),
        ("حلف الأطلسي", "organization:nato"),
        ("NATO", "organization:nato"),
        ("الاتحاد الأوروبي", "organization:eu"),
        ("EU", "organization:eu"),
        ("الأمم المتحدة", "organization:un"),
        ("أ ف ب", "organization:afp"),
        ("فرانس برس", "organization:afp"),
        ("AFP", "organization:afp"),
        ("رويترز", "organization:reuters"),
        ("مارك روتي", "person:mark-rutte"),
        ("Mark Rutte", "person:mark-rutte"),
        ("بروكسل", "place:tz-Europe/Brussels"),
        # A time zone named after its country is that country, not a second place.
        ("المالديف", "place:MV"),
        ("جزر المالديف", "place:MV"),
        # CLDR names with a dash or a gloss get their plain forms.
        ("الكونغو", "place:CG"),
        ("جمهورية الكونغو الديمقراطية", "place:CD"),
        ("ميانمار", "place:MM"),
    ],
)
def test_default_layers(name, eid):
    assert _id(default_gazetteer(), name) == eid


def test_common_words_are_not_names():
    gaz = default_gazetteer()
    assert _id(gaz, "العالم") is None
    assert _id(gaz, "كيف") is None


def test_entry_fields():
    nato = default_gazetteer().entries["organization:nato"]
    assert nato.type == "organization"
    assert nato.wikidata == "Q7184"
    assert nato.name("en") == "NATO"


SITE = """\
entities:
  - id: person:mark-rutte
    type: person
    name: {ar: مارك روته, en: Mark Rutte}
    aliases: [روته]
    description: الأمين العام لحلف شمال الأطلسي
  - type: organization
    name: مجموعة فاغنر
    aliases: [فاغنر, Wagner Group]
  - id: place:KP
    type: organization
    name: كوريا الشمالية
merge:
  - into: organization:nato
    from: [organization:otan]
exclude:
  - organization:politico
  - روسيا
"""


def test_site_layer_wins(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text(SITE, encoding="utf-8")
    site = load_site_entities(path)
    gaz = site_gazetteer(site)
    assert _id(gaz, "روته") == "person:mark-rutte"
    assert _id(gaz, "روتي") == "person:mark-rutte"  # the curated alias is kept
    assert _id(gaz, "فاغنر") == "organization:مجموعه فاغنر"
    assert gaz.type_of("place:KP") == "organization"  # retyped
    assert _id(gaz, "بوليتيكو") is None  # excluded id
    assert _id(gaz, "روسيا") is None  # excluded name
    assert site.merge_target("organization:otan") == "organization:nato"


def test_missing_file_is_empty(tmp_path):
    assert load_site_entities(tmp_path / "none.yml").entries == ()


ERRORS = [
    ("entities:\n  - type: person\n    name: [x\n", 4, "bad YAML"),
    ("entities:\n  - type: persn\n    name: x\n", 2, "unknown type"),
    ("entities:\n  - id: a\n    type: person\n    name: x\n"
     "  - id: a\n    type: place\n    name: y\n", 5, "duplicate id"),
    ("entities:\n  - type: person\n    name: x\n    aliases: [z]\n"
     "  - type: place\n    name: y\n    aliases: [w, z]\n", 7, "claimed by"),
    ("entities:\n  - type: person\n    aliases: [z]\n", 2, "no name"),
    ("entities:\n  - type: person\n    name: ''\n", 3, "non-empty"),
    ("entitys:\n  - type: person\n", 1, "unknown section"),
    ("entities:\n  - type: person\n    name: x\n    colour: red\n", 4, "unknown field"),
    ("entities:\n  - type: organization\n    name: x\n    sport_aliases: {a: b}\n", 4,
     "must be a list"),
    ("entities:\n  - type: organization\n    name: x\n    aliases: [y]\n"
     "  - type: organization\n    name: z\n    sport_aliases: [y]\n", 7, "claimed by"),
]


@pytest.mark.parametrize(("text", "line", "problem"), ERRORS)
def test_site_errors_name_file_line_and_fix(tmp_path, text, line, problem):
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EntitiesFileError) as info:
        load_site_entities(path)
    err = info.value
    assert err.line == line
    assert problem in str(err)
    assert str(path) in str(err)
    assert "Fix:" in str(err)


def test_parse_empty():
    assert parse_site_entities("").entries == ()


def test_sport_aliases_only_in_a_sports_report():
    from briefs.analysis.entities import recognise

    sport = ("فاز الهلال على النصر بثلاثة أهداف في المباراة التي جرت ضمن الدوري، "
             "وسجل اللاعب سالم الدوسري هدفين في الشوط الأول.")
    found = {(m.text, m.entity_id) for m in recognise(sport, lang="ar")}
    assert ("الهلال", "organization:al-hilal") in found
    assert ("النصر", "organization:al-nassr") in found
    # The same words elsewhere are the crescent and victory.
    plain = "احتفل المسلمون برؤية الهلال، وحقق الجيش النصر في المعركة."
    assert not recognise(plain, lang="ar")
    # The plain gazetteer never holds them.
    assert _id(default_gazetteer(), "الهلال") is None


def test_editors_sport_aliases():
    from briefs.analysis.entities import recognise
    from briefs.analysis.entities.gazetteer import site_gazetteer
    from briefs.analysis.entities.site import parse_site_entities

    site = parse_site_entities(
        "entities:\n  - id: organization:al-faisaly\n    type: organization\n"
        "    name: الفيصلي السعودي\n    sport_aliases: [الفيصلي]\n")
    gaz = site_gazetteer(site)
    text = ("تعادل الفيصلي مع الهلال في المباراة التي جرت ضمن الدوري، وسجل اللاعب "
            "هدفا في الشوط الثاني.")
    assert "organization:al-faisaly" in {m.entity_id for m in recognise(text, lang="ar",
                                                                       gazetteer=gaz)}
    assert _id(gaz, "الفيصلي") is None


def test_sport_alias_beats_the_city_in_a_sports_report():
    from briefs.analysis.entities import recognise

    sport = ("فاز ريال مدريد على برشلونة بثلاثة أهداف في المباراة التي جرت ضمن الدوري، "
             "وسجل اللاعب هدفين في الشوط الأول.")
    assert ("برشلونة", "organization:fc-barcelona") in {
        (m.text, m.entity_id) for m in recognise(sport, lang="ar")}
    assert recognise("وصل الوزير إلى برشلونة أمس.", lang="ar")[0].type == "place"
