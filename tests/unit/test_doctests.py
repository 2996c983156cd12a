"""Run the doctests of every module of the plugin, so an example in a docstring stays true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import briefs

MODULES = sorted(info.name for info in pkgutil.walk_packages(briefs.__path__, "briefs."))


def test_every_module_is_collected() -> None:
    assert {"briefs.markup.htmltext", "briefs.markup.sanitise", "briefs.analysis.pipeline",
            "briefs.analysis.entities.link"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
