"""A build stopped by the plugin's own error shows its message without a traceback."""

from __future__ import annotations

import logging

import pytest

from briefs.pelican.intake import DuplicateOutputError
from briefs.pelican.reporting import quiet_tracebacks
from briefs.settings import BriefsConfigError


def _log_failure(logger: logging.Logger, error: Exception) -> None:
    try:
        raise error
    except Exception as caught:  # as pelican.main logs the error that ended a build
        logger.critical("%s: %s", caught.__class__.__name__, caught, exc_info=True)


@pytest.mark.parametrize(("error", "traceback"), [
    (DuplicateOutputError("briefs/a.html would be written by a.md and b.md"), False),
    (BriefsConfigError("BRIEFS_DIGITS must be one of latn, arab, not 'x'"), False),
    (KeyError("a bug"), True),  # a bug still shows where it is
])
def test_explained_errors_lose_only_their_traceback(caplog, error, traceback) -> None:
    logger = logging.getLogger("test-reporting")
    quiet_tracebacks(logger)
    quiet_tracebacks(logger)  # installed once, however often a build starts
    assert sum(type(item).__name__ == "DropExplainedTracebacks" for item in logger.filters) == 1
    with caplog.at_level(logging.CRITICAL, logger="test-reporting"):
        _log_failure(logger, error)
    assert str(error).strip("'") in caplog.text
    assert ("Traceback" in caplog.text) is traceback
