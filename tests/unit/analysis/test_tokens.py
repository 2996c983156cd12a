"""The document's one token layer: both views, exact offsets, made once and not pickled."""

import pickle

from briefs.analysis.pipeline import analyse
from briefs.analysis.tokens import tokenise

TEXT = "وقال روتي في جنيف:\"سنواصل العمل\"، وأضاف و\"توتال\" (أوبك+).\nوتابع"


def test_every_token_and_word_points_into_the_text():
    layer = tokenise(TEXT)
    assert layer.tokens and layer.sentences
    for token in layer.tokens:
        assert TEXT[token.start : token.end] == token.text
    for sentence in layer.sentences:
        for word in sentence:
            assert TEXT[word.start : word.end] == word.text


def test_punctuation_glued_to_words_is_split_off_in_both_views():
    layer = tokenise(TEXT)
    assert [t.text for t in layer.tokens[:6]] == ["وقال", "روتي", "في", "جنيف", ":", '"']
    words = [w.text for w in layer.sentences[0] if w.core]
    assert "أوبك+" in words  # a name ending with + keeps it
    at = words.index("توتال")
    assert words[at - 1 : at + 1] == ["و", "توتال"]


def test_sentences_end_at_full_stops_and_line_breaks():
    layer = tokenise(TEXT)
    assert [w.text for w in layer.sentences[-1]] == ["وتابع"]


def test_a_limit_cuts_the_layer_without_moving_offsets():
    cut = TEXT.index("وأضاف")
    layer = tokenise(TEXT, 0, cut)
    assert layer.tokens[-1].end <= cut
    assert tokenise(TEXT).tokens[: len(layer.tokens)] == layer.tokens


def test_word_count_counts_words_not_marks():
    layer = tokenise("قال: «نعم، سنفعل ذلك»")
    assert layer.word_count(6, 20) == 3


def test_the_document_carries_its_layer_but_pickles_without_it():
    doc = analyse("وقال روتي إن “الحلف سيبقى موحدا مهما حدث”.", lang="ar")
    assert doc.tokens is not None
    assert [t.text for t in doc.tokens.tokens][:2] == ["وقال", "روتي"]
    again = pickle.loads(pickle.dumps(doc))
    assert again.tokens is None
    assert again == doc
