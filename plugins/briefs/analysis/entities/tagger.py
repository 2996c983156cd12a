"""The statistical tagger: a CRF (python-crfsuite) trained on ANERcorp by :mod:`.train`.

The model and its training lexicon are loaded once, lazily (``functools.cache``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from .features import sentence_features
from .gazetteer import Gazetteer, default_gazetteer

MODEL_FILE = "ner-ar.crfsuite"
LEXICON_FILE = "ner-ar-lexicon.json"
WORDS_FILE = "ner-ar-words.json"


@cache
def data_dir() -> Path:
    """Return the package's data directory."""
    return Path(str(resources.files(__package__).joinpath("data")))


@cache
def _tagger(path: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


@cache
def load_lexicon(path: str) -> dict[str, str]:
    """Return the training lexicon saved next to the model (empty if there is none)."""
    p = Path(path)
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    p = data_dir() / WORDS_FILE
    lists = json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}
    return {name: frozenset(lists.get(name, ())) for name in ("common", "seen")}


def frequent_words() -> Mapping[str, str]:
    """The training lexicon: a frequent word's key → the tag the training data gives it."""
    return _lexicon_at(data_dir())


@lru_cache(maxsize=4)
def _lexicon_at(directory: object) -> Mapping[str, str]:
    # Keyed by the folder, so a test that points data_dir elsewhere reads its own lexicon.
    return load_lexicon(str(Path(str(directory)) / LEXICON_FILE))


def common_words() -> frozenset[str]:
    """Keys the training data uses often and never as (part of) a name (see ``train``)."""
    return _word_lists()["common"]


def training_vocabulary() -> frozenset[str]:
    """Keys the training data has at least twice."""
    return _word_lists()["seen"]


def model_available() -> bool:
    """True if the trained model file is present."""
    return (data_dir() / MODEL_FILE).exists()


@cache
def _models() -> tuple[pycrfsuite.Tagger, dict[str, str], frozenset[str]]:
    """The tagger, the training lexicon and the model's attributes (loaded once)."""
    d = data_dir()
    tagger = _tagger(str(d / MODEL_FILE))
    vocab = frozenset(attr for attr, _ in tagger.info().state_features)
    return tagger, load_lexicon(str(d / LEXICON_FILE)), vocab


def lexicon() -> dict[str, str]:
    """The training lexicon shipped with the model (empty without a model)."""
    return _models()[1] if model_available() else {}


def crf_tag(tokens: Sequence[str], gaz: Gazetteer | None = None) -> list[str]:
    """Tag one sentence of raw tokens with IOB tags over PERS, LOC, ORG, MISC."""
    if not tokens:
        return []
    return crf_tag_document([tokens], gaz)[0]


def crf_tag_document(sentences: Sequence[Sequence[str]], gaz: Gazetteer | None = None,
                     ) -> list[list[str]]:
    """Tag the sentences of one document (each sentence is one CRF sequence)."""
    tagger, lex, vocab = _models()
    gaz = gaz or default_gazetteer()
    return [tagger.tag(sentence_features(s, gaz, lex, vocab)) if s else [] for s in sentences]
