"""The search normaliser (briefs.publish.searchnorm) against the shared cases.

tests/cases/search_normalise.json is read here and by tests/browser/test_search.py, which
runs the same inputs through the browser's normaliser (theme/static/js/search.js): both
must give the stored output, so the index and the query are normalised alike.
"""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

from briefs.publish import searchnorm

CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "cases" / "search_normalise.json").read_text(
        encoding="utf-8"))


@pytest.mark.parametrize("case", [c for c in CASES if "query" in c], ids=lambda c: c["label"])
def test_query_text(case: dict) -> None:
    assert searchnorm.query_text(case["input"]) == case["query"]


@pytest.mark.parametrize("case", [c for c in CASES if "index" in c], ids=lambda c: c["label"])
def test_index_text(case: dict) -> None:
    assert searchnorm.index_text(case["input"]) == case["index"]


@pytest.mark.parametrize("word", ["الحكومة", "الصين", "الأوروبي", "الرئيس", "لبنان", "وزير",
                                  "الولايات", "المتحدة", "التحالف", "كييف"])
@pytest.mark.parametrize("clitic", ["", "و", "ف", "ب", "ل", "ك", "وب", "ول"])
def test_a_clitic_never_changes_the_base(word: str, clitic: str) -> None:
    """Whatever the reader prefixes, the query's base is one the index holds for the word."""
    indexed = searchnorm.index_text(word).split()
    if clitic.endswith("ل") and word.startswith("ال"):
        word = word[1:]  # ل + الحكومة is written للحكومة
    assert searchnorm.query_text(clitic + word) in indexed


def test_every_query_word_is_in_the_index_of_its_own_text() -> None:
    text = "قال رئيس الحكومة الأوروبية إن الاتحاد الأوربي سيجتمع بالصين وبكين"
    indexed = set(searchnorm.index_text(text).split())
    assert set(searchnorm.query_text(text).split()) <= indexed


@pytest.mark.parametrize("text", [
    "والحكومة ،الصينية«» — ١٢٣ talks", "ا \u064bب", "بـ ـالصين", "\ufdfa والحكومة",
    "a\ufe70b", "ΟΔΟΣ ΟΔΟΣ.", "x\u00a0والحكومة\u3000y\x1cz", "«»   ", ""])
def test_the_index_text_is_that_of_the_whole_text(text: str) -> None:
    """Normalised a whitespace-separated token at a time, the text gives what its whole
    folded text gives: marks, ligatures that hold spaces, final sigma, odd spaces."""
    whole = " ".join(searchnorm._indexed_word(word) for word in searchnorm.words(text))
    assert searchnorm.index_text(text) == whole


def test_rules_are_plain_json() -> None:
    rules = json.loads(json.dumps(searchnorm.rules(), ensure_ascii=False))
    assert rules["clitics"] == list(searchnorm.CLITICS)
    assert rules["minBase"] == searchnorm.MIN_BASE


def test_doctests() -> None:
    assert doctest.testmod(searchnorm).failed == 0
