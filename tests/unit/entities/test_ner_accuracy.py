"""Accuracy gate: the committed model on the ANERcorp CAMeL test split (no training).

The split is committed (``data/anercorp/``), so this test always runs; a clone without it fails.

Floors sit a little below the measured figures (see eval/ner.py). Raise them when the
recogniser improves; never lower them without saying why in the commit message.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "eval"))

from ner import TEST_FILE, evaluate  # noqa: E402

from briefs.analysis.entities.train import default_data  # noqa: E402

FLOORS = {
    "document": {"ALL": 70.4, "PERS": 69.0, "LOC": 85.7, "ORG": 54.5},
    "sentence": {"ALL": 68.3, "PERS": 63.6, "LOC": 85.5, "ORG": 54.0},
}


def test_ner_floors():
    data = default_data()
    assert (data / TEST_FILE).is_file(), f"ANERcorp's test split is missing from {data}"
    results = evaluate(data)
    low = [f"{mode} {t}: {results[mode][t].f} < {floor}"
           for mode, floors in FLOORS.items() for t, floor in floors.items()
           if results[mode][t].f < floor]
    assert not low, low
