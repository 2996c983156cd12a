"""The whole pipeline: input contract, JSON shape, direction, boilerplate and bad input."""

import json

import pytest

from briefs.analysis.pipeline import AnalysisConfig, analyse

SEED_LIKE = (
    "بروكسل (أ ف ب) – يكثف حلف شمال الأطلسي جهوده.\n\n"
    "وقال الأمين العام لحلف شمال الأطلسي مارك روتي إن “الصين تتحمل مسؤولية خاصة هنا.\n\n"
    "وكتب: “من المؤكد أن الاتحاد الأوروبي لم يولد كتحالف عسكري”.\n\n"
    "شاركها.\nExit mobile version"
)


def test_text_is_kept_paragraphs_joined_exactly():
    doc = analyse(SEED_LIKE, lang="ar")
    paras = [p.strip() for p in SEED_LIKE.split("\n\n")][:3]
    assert doc.text == "\n\n".join(paras)
    assert doc.paragraph_texts() == paras
    assert doc.boilerplate == ("شاركها.", "Exit mobile version")


def test_json_shape_is_the_public_contract():
    data = analyse(SEED_LIKE, lang="ar", title="عنوان").to_json()
    assert list(data) == [
        "lang", "direction", "title", "text", "dateline", "boilerplate", "quotes", "entities"]
    assert data["dateline"] == {"place": "بروكسل", "agency": "أ ف ب"}
    assert data["direction"] == "rtl"
    assert set(data["quotes"][0]) == {"text", "speaker", "speaker_id", "speaker_mention",
                                      "sieve", "confidence", "start", "end", "fragment", "cue"}
    assert data["quotes"][0]["speaker"] == "مارك روتي"
    assert data["quotes"][1]["speaker"] == "مارك روتي"
    rutte = next(e for e in data["entities"] if e["name"] == "مارك روتي")
    assert data["quotes"][0]["speaker_id"] == data["quotes"][1]["speaker_id"] == rutte["id"]
    assert set(rutte) == {"id", "name", "type", "aliases", "confidence", "mentions"}
    assert rutte["type"] == "person"
    for mention in rutte["mentions"]:
        assert data["text"][mention["start"]:mention["end"]] == mention["text"]
    json.dumps(data, ensure_ascii=False)


def test_offsets_point_into_text():
    doc = analyse(SEED_LIKE, lang="ar")
    for q in doc.quotes:
        assert doc.text[q.parts[0].start : q.parts[0].end] in q.text
    for s in doc.sentences:
        assert doc.text[s.start : s.end].strip() == doc.text[s.start : s.end]


def test_key_quotes_follow_config():
    doc = analyse(SEED_LIKE, lang="ar", config=AnalysisConfig(key_quotes=1))
    assert len(doc.key_quotes) == 1
    assert doc.key_quotes[0].speaker == "مارك روتي"



def test_config_rejects_bad_values():
    with pytest.raises(ValueError, match="key_quotes"):
        AnalysisConfig(key_quotes=-1)


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "   ", "\n\n\n", "\u200f\u200e"])
def test_empty_bodies(body):
    doc = analyse(body, lang="ar")
    assert doc.quotes == ()
    assert doc.dateline is None
    assert doc.to_json()["quotes"] == []


def test_body_that_is_only_boilerplate():
    doc = analyse("شاركها.\n\nExit mobile version", lang="ar")
    assert doc.text == ""
    assert doc.paragraphs == ()
    assert doc.boilerplate == ("شاركها.", "Exit mobile version")


def test_unbalanced_marks_everywhere():
    body = "«قال “روتي» إن ”الحلف» قوي“ «\n\n»»» “““ \"\" ' '' «« ”\n\nوقال: «نص سليم تماما هنا»"
    doc = analyse(body, lang="ar")
    for q in doc.quotes:
        assert q.text.strip()
        assert 0 <= q.start < q.end <= len(doc.text)
    assert doc.quotes[-1].text == "نص سليم تماما هنا"


def test_bidi_and_zero_width_everywhere():
    body = (
        "\u200fوقال\u200b الأمين\u200c العام مارك\u200d روتي\u200e إن \u2066“الحلف قوي جدا”\u2069."
    )
    doc = analyse(body, lang="ar")
    assert doc.text == body  # the text is never normalised
    assert doc.quotes[0].speaker == "مارك روتي"


@pytest.mark.parametrize(
    "unit",
    ["وقال روتي إن “الحلف قوي ", "«“\"'", "”»’ ", "أ. ", "قال: " * 3, "ا" * 50 + " "],
)
def test_one_megabyte_paragraph_is_analysed(unit):
    # Its time against a 10 KB paragraph's is a figure of bench/bench_long_input.py.
    body = unit * (1_000_000 // len(unit))
    doc = analyse(body, lang="ar")
    assert len(doc.text) == len(body.strip())
    assert len(doc.paragraphs) == 1
