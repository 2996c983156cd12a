"""Recognition on the seed article, document merging, site merging and slugs."""

from __future__ import annotations

import pytest

from briefs.analysis.entities import (
    Mention,
    entity_slug,
    link_document,
    merge_site,
    recognise,
)
from briefs.analysis.tokens import core_words
from briefs.cli.sources import read_content_file
from support import ROOT

#: The seed AFP article's plain text: the body of its content file (copied character for
#: character from the project's seed, see tests/gold/README.md).
SEED_TEXT = read_content_file(ROOT / "content" / "2024-11-14-nato-china-north-korea.ar.md").body

S1 = ("وفي مقال رأي لصحيفة بوليتيكو الأسبوع الماضي، قال الأمين العام لحلف شمال الأطلسي "
      "مارك روتي إن “الصين تتحمل مسؤولية خاصة هنا لاستخدام نفوذها في بيونغ يانغ وموسكو.")
S2 = ("وفي زيارة إلى لاتفيا يوم الخميس، حذر روتي من أن ذلك يشكل "
      "“تهديدا مباشرا لليابان وكوريا الجنوبية”.")
S3 = "وكتب بوريل، الذي أجرى أيضًا محادثات مع بلينكن يوم الأربعاء: “يمثل هذا تصعيدًا”."


def _ids(text, lang="ar"):
    return {(m.text, m.entity_id) for m in recognise(text, lang=lang)}


def test_core_words_offsets():
    text = "قال روتي: “الصين”."
    for word in core_words(text):
        assert text[word.start : word.end] == word.text
    assert [w.text for w in core_words(text)] == ["قال", "روتي", "الصين"]


def test_seed_sentence_one():
    found = _ids(S1)
    # The listed alias «صحيفة بوليتيكو» is the longest listed name there.
    assert ("صحيفة بوليتيكو", "organization:politico") in found
    assert ("مارك روتي", "person:mark-rutte") in found
    assert ("الصين", "place:CN") in found
    assert ("بيونغ يانغ", "place:tz-Asia/Pyongyang") in found
    assert ("موسكو", "place:tz-Europe/Moscow") in found
    assert ("حلف شمال الأطلسي", "organization:nato") in found


def test_clitic_mentions_cover_the_name():
    ms = {m.key: m for m in recognise(S2, lang="ar")}
    kr = ms["كوريا الجنوبيه"]
    assert kr.text == "كوريا الجنوبية"
    assert S2[kr.token_start : kr.end] == "وكوريا الجنوبية"
    assert kr.entity_id == "place:KR"
    assert ms["اليابان"].entity_id == "place:JP"
    assert ms["روتي"].type == "person"


def test_offsets_point_into_text():
    text = SEED_TEXT
    mentions = recognise(text, lang="ar")
    assert len(mentions) > 30
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.type in ("person", "organization", "place")


def test_seed_document_entities():
    refs = {r.id: r for r in link_document(recognise(SEED_TEXT, lang="ar"))}
    for eid in ("person:mark-rutte", "person:josep-borrell", "person:antony-blinken",
                "organization:nato", "organization:eu", "place:KP", "place:CN", "place:RU"):
        assert eid in refs, eid
    assert len(refs["person:mark-rutte"].mentions) >= 2
    assert len(refs["person:josep-borrell"].mentions) >= 3


def test_english():
    text = ("NATO Secretary General Mark Rutte met Antony Blinken in Brussels. "
            "Rutte said the European Union and the Northwind Trading Company disagreed.")
    found = {(m.text, m.type, m.entity_id) for m in recognise(text, lang="en")}
    assert ("NATO", "organization", "organization:nato") in found
    assert ("Mark Rutte", "person", "person:mark-rutte") in found
    assert ("Brussels", "place", "place:tz-Europe/Brussels") in found
    assert ("European Union", "organization", "organization:eu") in found
    assert ("Northwind Trading Company", "organization", None) in found


def _m(text, etype="person", eid=None, start=0):
    from briefs.analysis.entities.keys import name_key

    return Mention(start, start + len(text), text, etype, name_key(text), eid)


def test_surname_joins_full_name():
    refs = link_document([_m("سامر قاسمي"), _m("قاسمي", start=40)])
    assert [(r.id, len(r.mentions)) for r in refs] == [("person:سامر قاسمي", 2)]


def test_rutte_joins_mark_rutte():
    refs = link_document(recognise(S1 + "\n\n" + S2, lang="ar"))
    rutte = next(r for r in refs if r.id == "person:mark-rutte")
    assert {m.text for m in rutte.mentions} == {"مارك روتي", "روتي"}


def test_compound_name_joins_across_spacing():
    # «محمد عبدالفتاح» first, «وأوضح عبد الفتاح» later: one person, however عبد is written.
    refs = link_document([_m("محمد عبدالفتاح"), _m("عبد الفتاح", start=40),
                          _m("عبدالله", start=80), _m("عبد الله", start=90)])
    assert sorted((r.id, len(r.mentions)) for r in refs) == [
        ("person:عبد الله", 2), ("person:محمد عبدالفتاح", 2)]


def test_a_name_found_once_never_spreads_to_a_particle_with_its_key():
    # «علي» (a judge's given name) and the preposition «على» share a key
    text = ("قضت المحكمة برئاسة المستشار علي الدريع ببراءة المتهمين.\n\n"
            "وحصل المتهم على البراءة بعد أن قدم دفاعه على الفور.")
    assert "على" not in {m.text for m in recognise(text, lang="ar")}


def test_shared_surname_not_merged():
    refs = link_document([_m("سامر قاسمي"), _m("هالة قاسمي", start=20), _m("قاسمي", start=40)])
    assert {r.id for r in refs} == {"person:سامر قاسمي", "person:هاله قاسمي", "person:قاسمي"}


def test_merge_site_across_documents_and_languages():
    a = link_document(recognise(S1, lang="ar"))
    b = link_document(recognise("Mark Rutte visited Pyongyang.", lang="en"))
    c = link_document([_m("بيونغيانغ", "place"), _m("سامر قاسمي")])
    d = link_document([_m("هالة قاسمي")])
    ents = merge_site([("a", a), ("b", b), ("c", c), ("d", d)])
    by_id = {e.id: e for e in ents}
    assert by_id["person:mark-rutte"].documents == ("a", "b")
    assert by_id["place:tz-Asia/Pyongyang"].documents == ("a", "b", "c")
    assert "person:سامر قاسمي" in by_id and "person:هاله قاسمي" in by_id
    assert [e.id for e in ents] == sorted(e.id for e in ents)
    assert ents == merge_site([("d", d), ("c", c), ("b", b), ("a", a)])
    assert len({e.slug for e in ents}) == len(ents)


@pytest.mark.parametrize(
    "eid",
    ['person:../../etc/passwd', 'person:<script>"x"</script>', "place:.", "place:..",
     "person:" + "ا" * 500, "person:/", "organization:a.b/c"],
)
def test_slugs_are_safe(eid):
    slug = entity_slug(eid)
    assert slug
    assert len(slug) <= 80
    assert not set(slug) & set('/\\.<>"\' ')
    assert slug not in (".", "..")


def test_slugs_readable_and_distinct():
    assert entity_slug("place:KP") == "place-kp"
    assert entity_slug("person:mark-rutte") == "person-mark-rutte"
    assert entity_slug("person:مارك روتي") == "person-مارك-روتي"
    long_a, long_b = "person:" + "ا" * 500, "person:" + "ا" * 499 + "ب"
    assert entity_slug(long_a) != entity_slug(long_b)


def test_colliding_slugs_disambiguated():
    refs = [("x", link_document([_m("a/b", "organization"), _m("a b", "organization", start=9)]))]
    ents = merge_site(refs)
    assert len({e.slug for e in ents}) == len(ents) == 2


def test_a_name_opening_with_fa_keeps_it_and_its_first_family_name_joins_the_full_name():
    text = ("عبّر خورخي فيلدا رودريغيز، مدرب المنتخب المغربي، عن سعادته بالفوز.\n\n"
            "وقال فيلدا خلال الندوة الصحافية عقب اللقاء إن الفريق قدم مباراة كبيرة.")
    mentions = recognise(text, lang="ar")
    assert [m.text for m in mentions if m.type == "person"] == ["خورخي فيلدا رودريغيز", "فيلدا"]
    people = [ref for ref in link_document(mentions) if ref.type == "person"]
    assert [(ref.name, len(ref.mentions)) for ref in people] == [("خورخي فيلدا رودريغيز", 2)]
