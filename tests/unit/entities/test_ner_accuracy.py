"""Accuracy gate: the committed model on the ANERcorp CAMeL test split (no training).

Floors sit a little below the measured figures (see eval/ner.py). Raise them when the
recogniser improves; never lower them without saying why in the commit message.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "eval"))

from ner import TEST_FILE, evaluate  # noqa: E402

from briefs.analysis.entities.train import default_data  # noqa: E402

FLOORS = {
    "document": {"ALL": 69.1, "PERS": 67.2, "LOC": 84.6, "ORG": 52.9},
    "sentence": {"ALL": 66.7, "PERS": 61.7, "LOC": 84.1, "ORG": 51.4},
}


@pytest.mark.skipif(not (default_data() / TEST_FILE).exists(), reason="ANERcorp not available")
def test_ner_floors():
    results = evaluate(default_data())
    low = [f"{mode} {t}: {results[mode][t].f} < {floor}"
           for mode, floors in FLOORS.items() for t, floor in floors.items()
           if results[mode][t].f < floor]
    assert not low, low
