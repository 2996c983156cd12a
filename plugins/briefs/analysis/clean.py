"""Step 1: the cleaned body text (paragraphs kept, trailing boilerplate dropped)."""

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
    """The cleaned text, its paragraph spans and the boilerplate lines removed."""

    text: str
    paragraphs: tuple[Span, ...]
    boilerplate: tuple[str, ...]


def clean_body(
    body: str,
    patterns: Sequence[re.Pattern[str]] | None = None,
    strip: Stripper | None = None,
) -> CleanBody:
    """Split ``body`` into paragraphs, drop trailing boilerplate and join with a blank line.

    ``patterns`` and ``strip`` default to the lead's ``boilerplate`` module.

    >>> c = clean_body(" أ \\n\\n ب \\n\\nشاركها.\\nExit mobile version\\n")
    >>> c.text, c.boilerplate
    ('أ\\n\\nب', ('شاركها.', 'Exit mobile version'))
    """
    if strip is None or patterns is None:
        from .boilerplate import DEFAULT_PATTERNS, strip_trailing_boilerplate

        strip = strip or strip_trailing_boilerplate
        patterns = DEFAULT_PATTERNS if patterns is None else patterns
    paragraphs = split_paragraphs(body)
    kept, removed = strip(paragraphs, patterns)
    paragraphs = paragraphs[:kept]
    return CleanBody(
        PARAGRAPH_SEPARATOR.join(paragraphs),
        tuple(paragraph_spans(paragraphs, PARAGRAPH_SEPARATOR)),
        tuple(removed),
    )
