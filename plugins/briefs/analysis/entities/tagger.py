"""The statistical tagger: a CRF (python-crfsuite) trained on ANERcorp by :mod:`.train`.

The model and its training lexicon are loaded once, lazily (``functools.cache``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from .features import sentence_features
from .gazetteer import Gazetteer, default_gazetteer

MODEL_FILE = "ner-ar.crfsuite"
LEXICON_FILE = "ner-ar-lexicon.json"


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


def model_available() -> bool:
    """True if the trained model file is present."""
    return (data_dir() / MODEL_FILE).exists()


def crf_tag(tokens: Sequence[str], gaz: Gazetteer | None = None) -> list[str]:
    """Tag one sentence of raw tokens with IOB tags over PERS, LOC, ORG, MISC."""
    if not tokens:
        return []
    lexicon = load_lexicon(str(data_dir() / LEXICON_FILE))
    feats = sentence_features(tokens, gaz or default_gazetteer(), lexicon)
    return list(_tagger(str(data_dir() / MODEL_FILE)).tag(feats))
