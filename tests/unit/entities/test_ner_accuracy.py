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
    "document": {"ALL": 68.5, "PERS": 67.0, "LOC": 83.8, "ORG": 51.3},
    "sentence": {"ALL": 65.6, "PERS": 60.9, "LOC": 83.5, "ORG": 49.1},
}


@pytest.mark.skipif(not (default_data() / TEST_FILE).exists(), reason="ANERcorp not available")
def test_ner_floors():
    results = evaluate(default_data())
    low = [f"{mode} {t}: {results[mode][t].f} < {floor}"
           for mode, floors in FLOORS.items() for t, floor in floors.items()
           if results[mode][t].f < floor]
    assert not low, low
