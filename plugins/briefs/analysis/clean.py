"""Step 1: the cleaned body text (paragraphs kept, site chrome dropped)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .boilerplate import DEFAULT_PATTERNS, cut, find_boilerplate, removal_ranges
from .model import Span
from .segment import paragraph_spans, split_paragraphs

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class CleanBody:
    """The cleaned text, its paragraph spans and the chrome lines removed.

    Each removed line is a :class:`~briefs.analysis.boilerplate.Removed` (a ``str`` with
    its kind and its span in the body as given).
    """

    text: str
    paragraphs: tuple[Span, ...]
    boilerplate: tuple[str, ...]


def clean_body(body: str, patterns: Sequence[re.Pattern[str]] | None = None) -> CleanBody:
    """Split ``body`` into paragraphs, drop site chrome and join with a blank line.

    Chrome is found line by line anywhere in the body
    (:func:`~briefs.analysis.boilerplate.find_boilerplate`, with ``patterns`` as its
    share/navigation line patterns; default: the module's).

    >>> c = clean_body(" أ \\n\\n ب \\n\\nشاركها.\\nExit mobile version\\n")
    >>> c.text, c.boilerplate
    ('أ\\n\\nب', ('شاركها.', 'Exit mobile version'))
    """
    patterns = DEFAULT_PATTERNS if patterns is None else patterns
    found = find_boilerplate(body, patterns)
    paragraphs = split_paragraphs(cut(body, removal_ranges(body, found)))
    return CleanBody(
        PARAGRAPH_SEPARATOR.join(paragraphs),
        tuple(paragraph_spans(paragraphs, PARAGRAPH_SEPARATOR)),
        tuple(found),
    )
