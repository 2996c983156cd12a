"""A build stopped by the plugin says why in one message, not a page of traceback.

``pelican`` logs any exception that ends a build with its traceback (``exc_info=True`` in
``pelican.main``). For the plugin's own errors the message already names the file, the
setting or the step and the fix, and the traceback only hides it: a filter on Pelican's
logger drops the traceback of these, and of nothing else (a bug still shows where it is;
``--debug`` still prints every traceback).
"""

from __future__ import annotations

import logging

from briefs.analysis.entities import EntitiesFileError
from briefs.pelican.content_errors import UnreadableContentError
from briefs.pelican.intake import DuplicateOutputError
from briefs.pelican.publishing import FeedError
from briefs.publish.search import SearchIndexError
from briefs.publish.sitemap import SitemapError
from briefs.settings import BriefsConfigError

# Errors whose message is the whole story: what is wrong, where, and how to fix it.
EXPLAINED_ERRORS: tuple[type[Exception], ...] = (
    BriefsConfigError, EntitiesFileError, DuplicateOutputError, UnreadableContentError,
    FeedError, SitemapError, SearchIndexError)


class DropExplainedTracebacks(logging.Filter):
    """Keep a record, without its traceback when the error is one of ``EXPLAINED_ERRORS``."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Drop ``exc_info`` of an explained error; let every record through."""
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, EXPLAINED_ERRORS):
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_tracebacks(logger: logging.Logger | None = None) -> None:
    """Install the filter on Pelican's logger, once."""
    target = logger or logging.getLogger("pelican")
    if not any(isinstance(item, DropExplainedTracebacks) for item in target.filters):
        target.addFilter(DropExplainedTracebacks())
