"""Properties of the whole analysis on any text (Hypothesis).

Whatever an editor pastes (unbalanced quote marks, bidi and zero-width controls, harakat,
blank lines, Latin inside Arabic) and whatever overrides the brief carries, ``analyse_brief``
must not raise, every span it returns must lie inside ``Document.text`` and say what the
model promises it covers, and two runs must give the same result: the build, the cache and
``mujaz annotate`` rely on all three.

With ``CI`` set the examples are derandomised (the same every run, no example database), so
CI is deterministic; on a developer machine they vary, and a failure is replayed from the
local database (``.hypothesis/``, which ignores itself in git).
"""

from __future__ import annotations

import json
import os

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefs.analysis.model import Document, Span
from briefs.analysis.pipeline import analyse_brief

# With CI set (.ci/run), Hypothesis loads its own "ci" profile: derandomize, no database,
# no deadline. Loading it here too keeps that if Hypothesis's CI detection ever changes.
if os.environ.get("CI"):
    settings.load_profile("ci")
#: A moderate number of examples keeps the suite quick; the analysis of a long body may take
#: longer than Hypothesis's default deadline on a busy machine.
PROPERTIES = settings(max_examples=150, deadline=None)

ARABIC_LETTERS = "".join(map(chr, [*range(0x0621, 0x063B), *range(0x0641, 0x064B)]))
HARAKAT = "".join(map(chr, range(0x064B, 0x0653))) + "\u0670\u0640"  # and superscript alef, tatweel
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
QUOTE_MARKS = "«»“”„‘’\"'"
PUNCTUATION = ":،؛؟.,!()–-—"
SPACES = "  \n\n\t\u00a0\r\u2028\u2029\x85\x0b\x0c"  # and what str.splitlines() breaks at
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ALPHABET = ARABIC_LETTERS + HARAKAT + DIGITS + LATIN + QUOTE_MARKS + PUNCTUATION + SPACES \
    + INVISIBLE + BIDI

#: Pieces of real briefs, so that datelines, speech cues, names and quotes are exercised.
PHRASES = (
    "بروكسل (أ ف ب) –", "LONDON (Reuters) -", "موسكو - أ ف ب:", "وقال", "قال", "وأضاف",
    "وقالت", "إن", "أن", ":", "“", "”", "«", "»", "مارك روتي", "روتي",
    "الأمين العام لحلف شمال الأطلسي",
    "حلف شمال الأطلسي", "الناتو", "الصين", "وكوريا الشمالية", "بالصين", "جوزيب بوريل", "بوريل",
    "الاتحاد الأوروبي", "بيونغ يانغ", "Mark Rutte", "said", "NATO", "شاركها.",
    "Exit mobile version", "الحلف قوي جدا ومتماسك", "أ ف ب", "وزير الخارجية",
)
SEPARATORS = (" ", " ", " ", "\n", "\n\n", "\n\n\n", " \n \n", "\r\n")

words = st.one_of(st.text(alphabet=ALPHABET, min_size=1, max_size=10), st.sampled_from(PHRASES))
runs = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), min_size=1, max_size=30).map(
    lambda pairs: "".join(word + separator for word, separator in pairs))
#: A few runs of words (a run may hold line breaks and blank lines) after one another.
structured = st.lists(runs, min_size=1, max_size=6).map("".join)
#: Arabic-heavy structured text most of the time, any Unicode text now and then.
bodies = st.one_of(structured, structured, structured, st.text(max_size=200))
langs = st.sampled_from(("ar", "ar", "en", "ar-EG", "fr"))


@st.composite
def briefs(draw: st.DrawFn) -> tuple[str, str, dict[str, str]]:
    """A body, its language and editor overrides naming pieces of the body (or not)."""
    body = draw(bodies)

    def piece() -> str:
        start = draw(st.integers(0, len(body)))
        return body[start:draw(st.integers(start, min(len(body), start + 40)))]

    overrides: dict[str, str] = {}
    for key in draw(st.sets(st.sampled_from(("quote_add", "quote_hide", "quote_speaker")))):
        text = piece() if draw(st.booleans()) else draw(words)
        name = draw(st.sampled_from(("مارك روتي", "Rutte", "none", "")))
        overrides[key] = text if key == "quote_hide" else f"{text} => {name}"
    return body, draw(langs), overrides


def analysed(brief: tuple[str, str, dict[str, str]]) -> tuple[Document, list[str]]:
    body, lang, overrides = brief
    return analyse_brief(body, lang=lang, overrides=overrides)


def assert_inside(span: Span, text: str) -> None:
    assert 0 <= span.start <= span.end <= len(text), (span, len(text))


@settings(PROPERTIES)
@given(briefs())
@example(("ً قال", "ar", {}))  # a word of harakat alone before a cue raised IndexError
def test_every_span_lies_in_the_text_and_covers_what_it_says(brief):
    doc, warnings = analysed(brief)
    text = doc.text
    assert all(isinstance(warning, str) for warning in warnings)
    for span in (*doc.paragraphs, *doc.sentences):
        assert_inside(span, text)
    # The text is the paragraphs joined by blank lines (README: the `text` key).
    assert "\n\n".join(doc.paragraph_texts()) == text
    for quote in doc.quotes:
        assert quote.parts
        for part in quote.parts:
            assert_inside(part, text)
        assert (quote.parts[0].start, quote.parts[-1].end) == (quote.start, quote.end)
        # model.Quote: the content without its marks, parts joined with a blank line.
        assert quote.text == "\n\n".join(part.slice(text) for part in quote.parts)
        if quote.speaker_span is not None:
            assert_inside(quote.speaker_span, text)
        if quote.speaker_mention is not None:
            assert_inside(quote.speaker_mention, text)
        # A speaker is an entity of the document (an editor may name one the text never does).
        if quote.speaker is not None and quote.sieve != "editor":
            entity = next(e for e in doc.entities if e.id == quote.speaker_id)
            assert entity.name == quote.speaker
            assert 0 < (quote.confidence or 0) <= 1
    assert set(doc.key_quotes) <= set(doc.quotes)
    for entity in doc.entities:
        assert entity.mentions
        for mention in entity.mentions:
            assert_inside(Span(mention.start, mention.end), text)
            # README: a mention's span covers the name as written, without its proclitic.
            assert text[mention.start:mention.end] == mention.text
    if doc.dateline is not None:
        dateline = doc.dateline
        assert_inside(dateline.span, text)
        if dateline.place_span is not None:
            assert dateline.place_span.slice(text) == dateline.place
        if dateline.agency_span is not None:
            assert dateline.agency_span.slice(text) == dateline.agency


@settings(PROPERTIES)
@given(briefs())
def test_analysis_is_deterministic_and_its_json_serialisable(brief):
    first, first_warnings = analysed(brief)
    second, second_warnings = analysed(brief)
    assert first == second
    assert first_warnings == second_warnings
    data = first.to_json()
    assert data == second.to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data  # what `mujaz annotate` prints
