"""Matching keys: every rule of the reference notes §6, and offsets back into the text."""

import pytest

from briefs.analysis.normalize import key_with_offsets, match_key, normalise


@pytest.mark.parametrize(
    ("label", "original", "expected"),
    [
        ("tashkeel", "مُحَمَّدٌ", "محمد"),
        ("superscript alef", "هٰذا", "هذا"),
        ("tatweel", "قالــت", "قالت"),
        ("alef forms", "أإآٱ", "اااا"),
        ("alef maqsura", "مصطفى", "مصطفي"),
        ("taa marbuta", "الخارجية", "الخارجيه"),
        ("persian kaf and yeh", "کیف", "كيف"),
        ("arabic-indic digits", "١٢٠٠٠", "12000"),
        ("persian digits", "۲۰۲۴", "2024"),
        ("bidi marks", "\u200fروتي\u200e", "روتي"),
        ("zero width", "رو\u200bتي\u200c\u200d", "روتي"),
        ("embeddings and isolates", "\u202bأ\u202c\u2066ب\u2069", "اب"),
        ("bom", "\ufeffنص", "نص"),
        ("latin untouched", "NATO", "NATO"),
    ],
)
def test_normalise_rules(label, original, expected):
    assert normalise(original) == expected, label


def test_normalise_never_grows():
    text = "ﷲ ﷺ مُحَمَّد \u200f"
    assert len(normalise(text)) <= len(text)


def test_key_offsets_map_back_to_original():
    text = "قَالَ\u200f مارك  رُوتّي"
    key, offsets = key_with_offsets(text, fold_space=True)
    i = key.index("روتي")
    j = i + len("روتي")
    start, end = offsets[i], offsets[j - 1] + 1
    assert text[start:end] == "رُوتّي"
    assert len(offsets) == len(key) + 1


def test_match_key_is_loose():
    assert match_key(" Mark\n\tRUTTE ") == match_key("mark rutte")
    assert match_key("أكّد") == match_key("اكد")
