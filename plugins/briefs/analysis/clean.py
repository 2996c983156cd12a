"""Step 1: the cleaned body text (paragraphs kept, site chrome dropped)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Span
from .segment import paragraph_spans, split_paragraphs

PARAGRAPH_SEPARATOR = "\n\n"
#: The lead's ``strip_trailing_boilerplate`` signature.
Stripper = Callable[[Sequence[str], Sequence[re.Pattern[str]]], tuple[int, list[str]]]


@dataclass(frozen=True, slots=True)
class CleanBody:
    """The cleaned text, its paragraph spans and the chrome lines removed.

    Each removed line is a :class:`~briefs.analysis.boilerplate.Removed` (a ``str`` with
    its kind and its span in the body as given).
    """

    text: str
    paragraphs: tuple[Span, ...]
    boilerplate: tuple[str, ...]


def clean_body(
    body: str,
    patterns: Sequence[re.Pattern[str]] | None = None,
    strip: Stripper | None = None,
) -> CleanBody:
    """Split ``body`` into paragraphs, drop site chrome and join with a blank line.

    Chrome is found line by line anywhere in the body
    (:func:`~briefs.analysis.boilerplate.find_boilerplate`, with ``patterns`` as its
    share/navigation line patterns; default: the module's). A ``strip`` function given
    instead keeps the older contract: it drops trailing paragraphs only.

    >>> c = clean_body(" أ \\n\\n ب \\n\\nشاركها.\\nExit mobile version\\n")
    >>> c.text, c.boilerplate
    ('أ\\n\\nب', ('شاركها.', 'Exit mobile version'))
    """
    from .boilerplate import DEFAULT_PATTERNS, cut, find_boilerplate, removal_ranges

    patterns = DEFAULT_PATTERNS if patterns is None else patterns
    if strip is not None:
        paragraphs = split_paragraphs(body)
        kept, lines = strip(paragraphs, patterns)
        paragraphs = paragraphs[:kept]
        removed: tuple[str, ...] = tuple(lines)
    else:
        found = find_boilerplate(body, patterns)
        paragraphs = split_paragraphs(cut(body, removal_ranges(body, found)))
        removed = tuple(found)
    return CleanBody(
        PARAGRAPH_SEPARATOR.join(paragraphs),
        tuple(paragraph_spans(paragraphs, PARAGRAPH_SEPARATOR)),
        removed,
    )
