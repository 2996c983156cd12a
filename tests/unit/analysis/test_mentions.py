"""Mention texts as the recogniser cuts them from the words as written."""

from __future__ import annotations

from briefs.analysis.pipeline import analyse


def mention_texts(body: str) -> set[str]:
    document = analyse(body, lang="ar")
    return {mention.text for entity in document.entities for mention in entity.mentions}


def test_a_name_after_lil_keeps_its_preposition_not_half_of_it() -> None:
    # «لل» is ل + ال with the alef elided: no cut of the word reads the name.
    texts = mention_texts("سافر الوفد التجاري للولايات المتحدة مساء الأحد الماضي.")
    assert "للولايات المتحدة" in texts
    assert "لولايات المتحدة" not in texts


def test_a_name_after_bi_loses_its_preposition() -> None:
    assert "الصين" in mention_texts("التقى الوزير نظيره بالصين مساء الأحد الماضي.")


def test_a_name_of_two_given_names_goes_on_to_the_family_name() -> None:
    texts = mention_texts("وحضر الاجتماع محمد ناجي عبيدات وعدد من المسؤولين في المحافظة.")
    assert "محمد ناجي عبيدات" in texts


def test_a_preposition_after_a_name_is_not_part_of_it() -> None:
    document = analyse("وقال وزير المالية سامر البيطار قبيل الجلسة إن \"الموازنة جاهزة للتصويت "
                       "في البرلمان\".", lang="ar")
    assert document.quotes[0].speaker == "سامر البيطار"


def entity_names(body: str) -> set[str]:
    return {entity.name for entity in analyse(body, lang="ar").entities}


def test_an_unvowelled_name_reads_as_the_place_the_document_gives_evidence_for() -> None:
    assert "عمّان" in entity_names(
        "وصل الوفد الأردني إلى عمان مساء أمس بعد زيارة قصيرة إلى الأردن والعراق.")
    assert "عُمان" in entity_names("وقعت عمان والهند اتفاقا تجاريا جديدا مساء أمس.")
