"""The tagger's features (with the model's vocabulary) are the training features, filtered
and encoded: the two paths of ``sentence_features`` must never drift apart."""

from __future__ import annotations

import pytest

from briefs.analysis.entities.features import sentence_features
from briefs.analysis.entities.gazetteer import default_gazetteer

SENTENCES = [
    ["وقال", "الأمين", "العام", "لحلف", "شمال", "الأطلسي", "مارك", "روتي", "إن", "الحلف",
     "سيبقى", "موحدا", "."],
    ["وأضاف", "روتي", "،", "في", "مؤتمر", "صحافي", "ببروكسل", ":", "«", "نعم", "»"],
    ["بيونغ"],
    ["مع", "اليابان"],
]


@pytest.mark.parametrize("tokens", SENTENCES)
def test_tagging_features_are_the_training_features_the_model_knows(tokens: list[str]) -> None:
    gaz = default_gazetteer()
    lexicon = {"روتي": "B-PERS"}
    every = sentence_features(tokens, gaz, lexicon)
    # A vocabulary with some features of each kind: own, lent by neighbours, pairs, edges.
    vocab = frozenset(f for i, features in enumerate(every) for f in features[i % 3 :: 2])
    kept = sentence_features(tokens, gaz, lexicon, vocab)
    # The edges' BOUND features are kept whatever the vocabulary, as they always were.
    assert kept == [[f.encode() for f in features if f in vocab or f.endswith("BOUND")]
                    for features in every]
    # A second call reads the same features from the memo.
    assert sentence_features(tokens, gaz, lexicon, vocab) == kept


def test_no_tokens_no_features() -> None:
    assert sentence_features([], default_gazetteer(), {}, frozenset()) == []
