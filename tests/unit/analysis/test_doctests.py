"""Run the doctests of the analysis modules (the entities package tests itself)."""

import doctest
import importlib

import pytest

MODULES = [
    "model",
    "normalize",
    "tokens",
    "segment",
    "dateline",
    "quotes",
    "speakers",
    "attribution",
    "clean",
    "keyquotes",
    "pipeline",
    "overrides",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(f"briefs.analysis.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
