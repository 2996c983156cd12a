"""Entities on real news: given names spelt another way, bodies named with a nationality,
and words that end a body's name."""

from briefs.analysis.entities.model import Mention
from briefs.analysis.entities.variants import extend_given_names, skeleton
from briefs.analysis.pipeline import analyse


def test_a_variant_spelling_of_a_given_name_joins_the_persons_mention() -> None:
    # The same article writes the given name two ways: one person, named in full at first.
    document = analyse(
        "فاز لاعب الشطرنج الأرميني ليفون أرونيان بالمباراة الأولى. وقال ليفون أرونيان "
        "بعدها إنه سعيد. وكان لافون أرونيان قد خسر العام الماضي.", lang="ar")
    people = [entity for entity in document.entities if entity.type == "person"]
    assert len(people) == 1
    assert "لافون أرونيان" in {mention.text for mention in people[0].mentions}


def test_a_word_with_other_consonants_is_not_taken_in() -> None:
    text = "قال سامر نادال"
    lone = Mention(9, 14, "نادال", "person", "نادال")
    full = Mention(30, 43, "رافائيل نادال", "person", "رافائيل نادال")
    assert extend_given_names(text + " " * 16 + "رافائيل نادال", [lone, full])[0].text == "نادال"


def test_the_skeleton_drops_long_vowels_and_hamza_seats() -> None:
    assert skeleton("رفائيل") == skeleton("رافائيل") == "رفل"


def test_whom_a_body_s_member_spoke_to_is_no_part_of_its_name() -> None:
    document = analyse(
        "وقالت سلمى القاسم مديرة قسم الأدوية في منظمة الغذاء للصحفيين إن المخزون كاف.",
        lang="ar")
    bodies = [entity.name for entity in document.entities if entity.type == "organization"]
    assert not any("للصحفيين" in name for name in bodies)


def test_an_army_with_its_nationality_is_an_organisation() -> None:
    document = analyse("وأعلن الجيش الموريتاني أن الحدود الشرقية آمنة.", lang="ar")
    assert ("الجيش الموريتاني", "organization") in {
        (entity.name, entity.type) for entity in document.entities}
