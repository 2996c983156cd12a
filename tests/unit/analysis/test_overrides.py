"""Editor overrides: add, hide, re-attribute; unmatched entries are reported."""

from briefs.analysis.overrides import apply_overrides, parse_pair, split_entries
from briefs.analysis.pipeline import analyse

BODY = (
    "وقال روتي إن «الحلف قوي جدا ومتماسك».\n\n"
    "«أتحمل المسؤولية كاملة. لم نكن في المستوى».\n\n"
    "وقالت مصادر إن الاجتماع ناقش خطة السلام الجديدة."
)


def test_split_and_parse():
    assert split_entries(["a => b", "c => d\ne => f"]) == ["a => b", "c => d", "e => f"]
    assert split_entries(None) == []
    assert parse_pair("نص; مع فاصلة => روتي") == ("نص; مع فاصلة", "روتي")


def test_quote_speaker_sets_speaker():
    doc, warnings = apply_overrides(
        analyse(BODY, lang="ar"), speaker="أتحمل المسؤولية => هيرفي رينار"
    )
    assert warnings == []
    assert doc.quotes[1].speaker == "هيرفي رينار"
    assert doc.quotes[1].sieve == "editor"


def test_quote_hide_keeps_quote_out_of_key_quotes():
    doc, warnings = apply_overrides(analyse(BODY, lang="ar"), hide=["الحلف قوي"])
    assert warnings == []
    assert doc.quotes[0].hidden
    assert all(not q.hidden for q in doc.key_quotes)


def test_quote_add_new_span_and_tashkeel_insensitive():
    doc, warnings = apply_overrides(analyse(BODY, lang="ar"), add="خُطة السلام الجديدة => روتي")
    assert warnings == []
    added = [q for q in doc.quotes if q.sieve == "editor"]
    assert added[0].text == "خطة السلام الجديدة"
    assert doc.text[added[0].start : added[0].end] == "خطة السلام الجديدة"


def test_unmatched_overrides_are_reported():
    _, warnings = apply_overrides(
        analyse(BODY, lang="ar"),
        add=["نص غير موجود => أحد", "بلا سهم"],
        hide="غير موجود",
        speaker="غير موجود => أحد",
    )
    assert len(warnings) == 4
    assert any("not found" in w for w in warnings)
    assert any("expected 'text => speaker'" in w for w in warnings)
