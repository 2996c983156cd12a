"""Gate: quote detection and attribution must not fall below the pinned floors.

Runs the same evaluation as ``eval/quotes.py`` over ``tests/gold/quotes``. Floors are set a
little under the figures reached; raise them when the figures improve, never lower them
without saying why in the commit message.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "quotes"

FLOORS = {
    "overall": {"precision": 0.97, "recall": 0.95, "speaker_accuracy": 0.90},
    "ar": {"precision": 0.96, "recall": 0.94, "speaker_accuracy": 0.88},
    "en": {"precision": 0.95, "recall": 0.95, "speaker_accuracy": 0.95},
}


def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "eval" / "quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report():
    if not any(GOLD.glob("*.yml")):
        pytest.skip("no gold quote files")
    return _load_eval().evaluate(GOLD)


@pytest.mark.parametrize("scope", sorted(FLOORS))
def test_floors(report, scope):
    tally = report.overall if scope == "overall" else report.per_lang.get(scope)
    if tally is None:
        pytest.skip(f"no gold files for {scope}")
    for metric, floor in FLOORS[scope].items():
        value = getattr(tally, metric)
        assert value >= floor, f"{scope} {metric} {value:.3f} < floor {floor}\n" + "\n".join(
            report.misses
        )
