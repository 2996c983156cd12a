"""Typed records of the analysis: spans, datelines, quotes and the document that owns the text.

Every annotation holds character offsets into :attr:`Document.text`, the one canonical string
(spaCy's "the Doc owns the text" rule). Records are frozen and slotted: build new ones with
:func:`dataclasses.replace` instead of mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .boilerplate import Removed
from .entities.model import EntityRef
from .pickling import pickled_by_arguments
from .tokens import TokenLayer


def entity_json(ref: EntityRef) -> dict[str, Any]:
    """Return the public JSON shape of one entity found in a document."""
    return {
        "id": ref.id,
        "name": ref.name,
        "type": ref.type,
        "aliases": list(ref.aliases),
        "confidence": ref.confidence,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in ref.mentions],
    }


@pickled_by_arguments()
@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into the document text.

    >>> Span(2, 5).slice("abcdefg")
    'cde'
    >>> len(Span(2, 5))
    3
    """

    start: int
    end: int

    def __len__(self) -> int:
        """Return the number of characters covered."""
        return max(0, self.end - self.start)

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlap(self, other: Span) -> int:
        """Return how many characters this span shares with ``other``.

        >>> Span(0, 10).overlap(Span(5, 20))
        5
        """
        return max(0, min(self.end, other.end) - max(self.start, other.start))


@pickled_by_arguments()
@dataclass(frozen=True, slots=True)
class Dateline:
    """The opening dateline of a wire story: «بروكسل (أ ف ب) –» or «LONDON (Reuters) -».

    ``span`` covers the whole dateline; ``place_span`` and ``agency_span`` its two names.
    """

    place: str
    agency: str | None
    span: Span
    place_span: Span | None = None
    agency_span: Span | None = None


@pickled_by_arguments()
@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation.

    ``text`` is the quoted content without its marks; for a quote running over several paragraphs
    it is the parts joined with a blank line. ``start``/``end`` run from the start of the first part
    to the end of the last; ``parts`` are the content spans, one per paragraph. ``speaker`` is the
    display name of the entity who said it (never a guess: ``None`` when unknown), and
    ``speaker_id`` that entity's id in :attr:`Document.entities`; ``speaker_span`` is where the
    entity is named in full, ``speaker_mention`` the words that name it at this quote (a name,
    a role such as «المتحدث باسم الوزارة», or the verb of a subject-less «وأضاف»);
    ``speaker_role`` is that role's key when the speaker was named by a role or head noun.
    ``cue`` is the speech verb or frame as written; ``sieve`` names the rule that answered and
    ``confidence`` how often that rule is right (:mod:`.coreference`); ``hidden`` is set by an
    editor's ``quote_hide``: still a quote, never a key quote.
    """

    text: str
    start: int
    end: int
    parts: tuple[Span, ...]
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    fragment: bool = False
    lang: str = "ar"
    closed: bool = True
    sieve: str | None = None
    hidden: bool = False
    speaker_id: str | None = None
    speaker_mention: Span | None = None
    speaker_role: str | None = None
    confidence: float | None = None

    @property
    def span(self) -> Span:
        """Return the span from the first part's start to the last part's end."""
        return Span(self.start, self.end)

    def to_json(self, text: str) -> dict[str, Any]:
        """Return the public JSON shape of one quote (``text``: the document's text)."""
        mention = self.speaker_mention
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "speaker_mention": ({"start": mention.start, "end": mention.end,
                                 "text": mention.slice(text)} if mention else None),
            "sieve": self.sieve,
            "confidence": self.confidence,
            "start": self.start,
            "end": self.end,
            "fragment": self.fragment,
            "cue": self.cue,
        }


@pickled_by_arguments("tokens")
@dataclass(frozen=True, slots=True)
class Document:
    """One analysed article: the cleaned body text and every annotation over it.

    ``tokens`` is the token layer every step of the analysis read (made once, over the
    analysed part of the text; without the whitespace view when entities are not looked
    for). It is left out of pickles: the cache and the build's worker processes keep the
    text and the annotations, and a document read back from them has ``tokens`` ``None``
    (:func:`.tokens.tokenise` makes it again if something needs it).
    """

    text: str
    lang: str
    direction: str
    title: str = ""
    paragraphs: tuple[Span, ...] = ()
    boilerplate: tuple[str, ...] = ()
    dateline: Dateline | None = None
    quotes: tuple[Quote, ...] = ()
    sentences: tuple[Span, ...] = ()
    key_quotes: tuple[Quote, ...] = ()
    entities: tuple[EntityRef, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    tokens: TokenLayer | None = field(default=None, compare=False, repr=False)

    def paragraph_texts(self) -> list[str]:
        """Return the text of each paragraph, in order."""
        return [p.slice(self.text) for p in self.paragraphs]

    def to_json(self) -> dict[str, Any]:
        """Return the stable public JSON shape (documented in the README).

        ``extra`` holds keys added by later steps.
        """
        out: dict[str, Any] = {
            "lang": self.lang,
            "direction": self.direction,
            "title": self.title,
            "text": self.text,
            "dateline": (
                {"place": self.dateline.place, "agency": self.dateline.agency}
                if self.dateline
                else None
            ),
            "boilerplate": [Removed.json_of(item) for item in self.boilerplate],
            "quotes": [q.to_json(self.text) for q in self.quotes],
            "entities": [entity_json(ref) for ref in self.entities],
        }
        out.update(self.extra)
        return out
