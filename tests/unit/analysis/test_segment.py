"""Paragraph and sentence segmentation."""

from briefs.analysis.model import Span
from briefs.analysis.segment import paragraph_spans, split_paragraphs, split_sentences


def _sentences(text, protected=()):
    return [s.slice(text) for s in split_sentences(text, [Span(0, len(text))], protected)]


def test_split_paragraphs_blank_lines_with_spaces():
    assert split_paragraphs("أ\n \t\nب\nج\n\n\n\nد ") == ["أ", "ب\nج", "د"]


def test_paragraph_spans_offsets():
    paras = ["أول", "ثان"]
    text = "\n\n".join(paras)
    assert [s.slice(text) for s in paragraph_spans(paras)] == paras


def test_arabic_terminators_and_not_comma():
    text = "قال روتي، في بروكسل، إن الحلف قوي. هل تتحرك الصين؟ نعم! انتهى"
    assert _sentences(text) == [
        "قال روتي، في بروكسل، إن الحلف قوي.",
        "هل تتحرك الصين؟",
        "نعم!",
        "انتهى",
    ]


def test_numbers_and_abbreviations():
    assert _sentences("ارتفع النفط 3.5 بالمئة. وقال د. أحمد إن") == [
        "ارتفع النفط 3.5 بالمئة.",
        "وقال د. أحمد إن",
    ]
    assert _sentences("Mr. Rutte met U.S. officials. They talked.") == [
        "Mr. Rutte met U.S. officials.",
        "They talked.",
    ]


def test_agency_letters_are_not_sentences():
    text = "بروكسل (أ ف ب) – يكثف الحلف جهوده. وقال روتي"
    assert _sentences(text) == ["بروكسل (أ ف ب) – يكثف الحلف جهوده.", "وقال روتي"]


def test_no_split_inside_protected_quote():
    text = "قال روتي إن “الحرب طويلة. والسلام بعيد” اليوم. وأضاف"
    q = Span(text.index("“"), text.index("”") + 1)
    assert _sentences(text, [q]) == ["قال روتي إن “الحرب طويلة. والسلام بعيد” اليوم.", "وأضاف"]


def test_newline_inside_paragraph_ends_sentence():
    assert _sentences("سطر أول\nسطر ثان") == ["سطر أول", "سطر ثان"]


def test_sentence_after_closing_mark():
    text = "قال: “انتهى الأمر.” ثم غادر"
    assert _sentences(text, [Span(5, text.index("”") + 1)]) == ["قال: “انتهى الأمر.”", "ثم غادر"]
