"""Quote marks, nesting, quotes left open, continued quotes and fragments."""

import pytest

from briefs.analysis.model import Span
from briefs.analysis.quotes import find_quotes, scan_paragraph
from briefs.analysis.segment import paragraph_spans
from briefs.analysis.tokens import tokenise


def _texts(text):
    return [text[q.start : q.end] for q in scan_paragraph(text, 0, len(text))]


def _doc_quotes(paragraphs, lang="ar"):
    text = "\n\n".join(paragraphs)
    return text, find_quotes(text, paragraph_spans(paragraphs), tokenise(text), lang=lang)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال: “الحلف قوي”", ["الحلف قوي"]),
        ("قال: «الحلف قوي»", ["الحلف قوي"]),
        ('قال: "الحلف قوي"', ["الحلف قوي"]),
        ("Er sagte: „Die Lage ist ernst“.", ["Die Lage ist ernst"]),
        ("He said ‘we will stay’ today", ["we will stay"]),
        ("He said 'we will stay' today", ["we will stay"]),
        ("قال إن “أ” و“ب”", ["أ", "ب"]),
        ("وصف بـ“الخطر الداهم” الوضع", ["الخطر الداهم"]),
        ("ودعا لـ«رد ملموس»", ["رد ملموس"]),
    ],
)
def test_marks(text, expected):
    assert _texts(text) == expected


def test_apostrophes_are_not_quotes():
    assert _texts("We don't know, it's Rutte's call and the players' view") == []
    assert _texts("Qur’an and don’t") == []


def test_nested_quote_is_part_of_outer():
    text = "قال: «إن الرئيس وصف ذلك بـ“الخطأ الجسيم” أمس» ثم غادر"
    assert _texts(text) == ["إن الرئيس وصف ذلك بـ“الخطأ الجسيم” أمس"]


def test_inner_left_open_outer_closes():
    assert _texts("قال: «نص “داخلي بلا إغلاق» انتهى") == ["نص “داخلي بلا إغلاق"]


def test_open_quote_runs_to_paragraph_end():
    assert _texts("قال إن “الصين تتحمل مسؤولية. ولا يمكن لبكين.") == [
        "الصين تتحمل مسؤولية. ولا يمكن لبكين."
    ]


def test_same_mark_reopened_ends_previous_open_quote():
    assert _texts("قال “أولا نص مفتوح. وأضاف “ثانيا نص مغلق”") == [
        "أولا نص مفتوح. وأضاف",
        "ثانيا نص مغلق",
    ]


def test_reversed_guillemets_and_same_mark_pairs():
    assert _texts("قال »الحلف قوي« أمس") == ["الحلف قوي"]
    assert _texts("قال “الحلف قوي“ أمس") == ["الحلف قوي"]


def test_stray_closers_ignored():
    assert _texts("نص” آخر» و’ نهاية") == []


@pytest.mark.parametrize("text", ["«««««««", "»»»»", '"""""', "“”“”“”", "« »", "“   ”", "' ' '"])
def test_unbalanced_garbage_never_crashes_and_gives_no_empty_quotes(text):
    for q in scan_paragraph(text, 0, len(text)):
        assert q.end > q.start
        assert text[q.start : q.end].strip()


def test_continued_quote_over_paragraphs_is_one_quote():
    text, quotes = _doc_quotes(
        [
            "وقال روتي: «الجزء الأول من التصريح",
            "«الجزء الثاني من التصريح",
            "«والجزء الأخير».",
            "وانتهى",
        ]
    )
    assert len(quotes) == 1
    q = quotes[0]
    assert len(q.parts) == 3
    assert q.text == "الجزء الأول من التصريح\n\nالجزء الثاني من التصريح\n\nوالجزء الأخير"
    assert q.parts[0].slice(text) == "الجزء الأول من التصريح"
    assert q.closed


def test_no_continuation_without_reopening_mark():
    _, quotes = _doc_quotes(["قال إن “الصين تتحمل مسؤولية خاصة هنا.", "وفي زيارة إلى لاتفيا قال"])
    assert len(quotes) == 1
    assert len(quotes[0].parts) == 1
    assert not quotes[0].closed


def test_no_continuation_when_previous_was_closed():
    _, quotes = _doc_quotes(["قال: «نص مغلق تماما هنا»", "«نص جديد في فقرة جديدة»"])
    assert len(quotes) == 2


def test_quote_text_has_no_marks_and_offsets_match():
    text, quotes = _doc_quotes(["وقال: «  الحلف قوي جدا  »"])
    q = quotes[0]
    assert q.text == "الحلف قوي جدا"
    assert text[q.start : q.end] == q.text


def test_titles_of_works_are_fragments_whatever_their_length():
    _, quotes = _doc_quotes(["نشر الكاتب كتابا بعنوان «الطريق الطويل إلى السلام في الشرق الأوسط»"])
    assert quotes[0].fragment
    _, quotes = _doc_quotes(
        ['The treaty, known as the "Comprehensive Strategic Partnership Treaty"'], "en"
    )
    assert quotes[0].fragment


def test_paragraph_bounds_respected():
    text = "أ “ب\n\nج” د"
    spans = [Span(0, 4), Span(6, 10)]
    quotes = find_quotes(text, spans, tokenise(text))
    assert all(
        any(p.start >= s.start and p.end <= s.end for s in spans) for q in quotes for p in q.parts
    )


@pytest.mark.parametrize("text", [
    'وقال المدير في برنامج " صباح الخير " المسائي، :"  سنفتتح الفرع الجديد قريبا ".',
    "وأضاف المدير:” سنفتتح الفرع الجديد قريبا “.",
    "وتابع المدير:” سنفتتح الفرع الجديد قريبا.”",
])
def test_a_mark_after_a_colon_opens_whatever_spaces_flank_it(text: str) -> None:
    quotes = [text[q.start:q.end] for q in scan_paragraph(text, 0, len(text))]
    assert quotes[-1].rstrip(".") == "سنفتتح الفرع الجديد قريبا"


def test_a_mark_written_against_a_speech_verb_opens_a_quote():
    text = "وقال”إن الفريق سيعود إلى التدريب الأسبوع المقبل بعد الراحة”."
    assert [text[q.start:q.end] for q in scan_paragraph(text, 0, len(text))] == [
        "إن الفريق سيعود إلى التدريب الأسبوع المقبل بعد الراحة"]


def test_a_name_after_the_word_expression_is_a_label():
    from briefs.analysis.pipeline import analyse
    body = ("وأوضح المتحدث أن الوثيقة مزورة بدليل استخدامها تعبير "
            "\"الانسحاب المنظم من كل المواقع المتقدمة\": إذ لا تستعمل هذه التسمية.")
    assert all(q.fragment for q in analyse(body, lang="ar").quotes)
