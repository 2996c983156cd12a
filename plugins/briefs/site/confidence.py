"""What the public site shows of an analysis: only what is sure, unless an editor reviewed it.

``BRIEFS_PUBLISH_CONFIDENCE`` is the least confidence an annotation needs to reach the public
site in a brief nobody has reviewed (``Reviewed:`` metadata). The rules, and why:

* a quote whose speaker's confidence is below it keeps its text and place but loses its
  speaker (shown as a quote of nobody named): a wrong name under a newsroom's masthead is
  worse than none, and the quote itself is found far more reliably than its speaker;
* an entity whose confidence is below it is dropped from the brief: not linked in the text,
  not listed beside it, not counted on its page or in related briefs — unless it speaks a
  quote whose attribution is published, since a sure attribution vouches for its speaker;
* a reviewed brief shows exactly what the analysis, with the editor's corrections
  (``Quote_*`` metadata, ``entities.yml``), gives: the editor accepted it as it stands.

The confidences are the analysis's own (:mod:`briefs.analysis.coreference`): how often the rule
that decided is right on the gold. A threshold of 0 (the default) changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from briefs.analysis.model import Document, Quote


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Whether an editor reviewed a brief: its ``Reviewed:`` date, or why it is not one."""

    reviewed_on: dt.date | None
    problem: str | None = None

    @property
    def reviewed(self) -> bool:
        """Tell whether the brief counts as reviewed."""
        return self.reviewed_on is not None


def review_state(value: object) -> ReviewState:
    """Read a ``Reviewed:`` metadata value: an ISO date (a datetime is accepted too).

    A value that is not a date does not count: publishing what nobody reviewed because of a
    typo would be the wrong way to fail.

    >>> review_state("2026-12-07").reviewed_on
    datetime.date(2026, 12, 7)
    >>> review_state(None).reviewed
    False
    >>> review_state("yes").problem
    "Reviewed: 'yes' is not a date (YYYY-MM-DD); the brief counts as not reviewed"
    """
    if value is None or value == "":
        return ReviewState(None)
    if isinstance(value, dt.datetime):
        return ReviewState(value.date())
    if isinstance(value, dt.date):
        return ReviewState(value)
    try:
        return ReviewState(dt.date.fromisoformat(str(value).strip()))
    except ValueError:
        return ReviewState(None, f"Reviewed: {str(value)!r} is not a date (YYYY-MM-DD); "
                                 "the brief counts as not reviewed")


def _unattributed(quote: Quote) -> Quote:
    """Return the quote without its speaker (the text and its place stay)."""
    return replace(quote, speaker=None, speaker_id=None, speaker_span=None,
                   speaker_mention=None, speaker_role=None, sieve=None, confidence=None)


def _sure_quote(quote: Quote, threshold: float) -> Quote:
    """Return the quote, without its speaker when the attribution is below ``threshold``."""
    if quote.speaker is None or (quote.confidence or 0.0) >= threshold:
        return quote
    return _unattributed(quote)


def publishable(document: Document, threshold: float, *, reviewed: bool) -> Document:
    """Return what the public site shows of ``document`` (see the module's rules).

    >>> from briefs.analysis.entities.model import EntityRef
    >>> sure = Quote("نعم", 0, 3, (), speaker="أ", speaker_id="person:a", confidence=0.95)
    >>> doubtful = Quote("لا", 5, 7, (), speaker="ب", speaker_id="person:b", confidence=0.6)
    >>> doc = Document("نعم، لا", "ar", "rtl", quotes=(sure, doubtful), entities=(
    ...     EntityRef("person:a", "أ", "person", confidence=0.5),
    ...     EntityRef("person:b", "ب", "person", confidence=0.5),
    ...     EntityRef("place:c", "ج", "place", confidence=0.99)))
    >>> shown = publishable(doc, 0.9, reviewed=False)
    >>> [q.speaker for q in shown.quotes], [e.id for e in shown.entities]
    (['أ', None], ['person:a', 'place:c'])
    >>> publishable(doc, 0.9, reviewed=True) is doc
    True
    """
    if reviewed or threshold <= 0.0:
        return document
    quotes = tuple(_sure_quote(quote, threshold) for quote in document.quotes)
    key_quotes = tuple(_sure_quote(quote, threshold) for quote in document.key_quotes)
    speakers = {quote.speaker_id for quote in quotes if quote.speaker_id}
    entities = tuple(ref for ref in document.entities
                     if (ref.confidence or 0.0) >= threshold or ref.id in speakers)
    return replace(document, quotes=quotes, key_quotes=key_quotes, entities=entities)
