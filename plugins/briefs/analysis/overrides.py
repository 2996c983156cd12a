"""Editor overrides from brief metadata: add, hide, remove or re-attribute quotes.

Metadata keys (Pelican lower-cases them): ``quote_add``, ``quote_hide``, ``quote_speaker``,
``quote_remove``.
Each value is a string or a list of strings (Pelican gives a list when a key is repeated or
continued on indented lines); inside a string, entries are separated by newlines. A literal
``;`` is *not* a separator, because quoted speech contains it.

* ``quote_add: text => speaker`` — the text must occur in the body (matched on normalised
  keys: tashkeel, alef forms and spacing do not matter). If it lies inside a detected quote,
  that quote gets the speaker; otherwise a new quote is made over that span.
* ``quote_hide: substring`` — every quote containing the substring is hidden: it stays in
  ``Document.quotes`` (and in the body markup) but is never a key quote.
* ``quote_speaker: substring => speaker`` — every quote containing the substring gets the
  speaker (``=> none`` clears it). The quote stops being a fragment.
* ``quote_remove: substring`` — every quote containing the substring is not a quote: it
  leaves ``Document.quotes`` (no highlight, no sidebar, no speaker).

An entry that matches nothing, or cannot be parsed, comes back as a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from .keyquotes import select_key_quotes
from .model import Document, Quote, Span
from .normalize import key_with_offsets, match_key

ARROW = "=>"
_NONE_WORDS = frozenset({"none", "null", "-", ""})


def split_entries(value: str | Sequence[str] | None) -> list[str]:
    """Return the non-empty entries of a metadata value.

    >>> split_entries("أ => ب\\n\\n ج => د ")
    ['أ => ب', 'ج => د']
    >>> split_entries(["x", "y\\nz"])
    ['x', 'y', 'z']
    """
    if value is None:
        return []
    items: Iterable[str] = [value] if isinstance(value, str) else value
    return [line.strip() for item in items for line in str(item).splitlines() if line.strip()]


def parse_pair(entry: str) -> tuple[str, str | None] | None:
    """Split ``"text => speaker"``; ``None`` when there is no arrow or no text.

    >>> parse_pair("أتحمل المسؤولية => هيرفي رينار")
    ('أتحمل المسؤولية', 'هيرفي رينار')
    >>> parse_pair("نص => none")
    ('نص', None)
    >>> parse_pair("no arrow") is None
    True
    """
    text, sep, speaker = entry.rpartition(ARROW)
    if not sep or not text.strip():
        return None
    name = speaker.strip()
    return text.strip(), (None if name.lower() in _NONE_WORDS else name)


def editor_speaker(name: str | None) -> dict[str, Any]:
    """Return the quote fields an editor's speaker sets: the name, and nothing the machine
    had found (the entity is resolved again from the editor's name)."""
    return {"speaker": name, "speaker_id": None, "speaker_span": None, "speaker_mention": None,
            "speaker_role": None, "confidence": None, "sieve": "editor"}


def find_words(text: str, needle: str) -> Span | None:
    """Return the span of ``needle`` in ``text``, matched on loose keys."""
    i = text.find(needle)
    if i >= 0:
        return Span(i, i + len(needle))
    key, offsets = key_with_offsets(text, fold_space=True, casefold=True)
    want = match_key(needle)
    j = key.find(want) if want else -1
    if j < 0:
        return None
    return Span(offsets[j], offsets[j + len(want) - 1] + 1)


def quote_contains(quote: Quote, needle: str) -> bool:
    """Tell whether a quote's text contains ``needle`` (loose keys)."""
    want = match_key(needle)
    return bool(want) and want in match_key(quote.text)


def apply_overrides(  # noqa: PLR0912 - three override kinds, each reported
    doc: Document,
    *,
    add: str | Sequence[str] | None = None,
    hide: str | Sequence[str] | None = None,
    speaker: str | Sequence[str] | None = None,
    remove: str | Sequence[str] | None = None,
    key_quotes: int = 4,
) -> tuple[Document, list[str]]:
    """Return the document with editor overrides applied, and warnings for unmatched entries.

    The key quotes are selected again (``key_quotes`` of them).
    """
    quotes = list(doc.quotes)
    warnings: list[str] = []
    for entry in split_entries(add):
        pair = parse_pair(entry)
        if pair is None:
            warnings.append(f"quote_add: expected 'text => speaker', got {entry!r}")
            continue
        words, name = pair
        span = find_words(doc.text, words)
        if span is None:
            warnings.append(f"quote_add: text not found in the body: {words!r}")
            continue
        inside = [k for k, q in enumerate(quotes) if any(p.overlap(span) for p in q.parts)]
        if inside:
            for k in inside:
                quotes[k] = replace(quotes[k], fragment=False, **editor_speaker(name))
        else:
            quotes.append(
                Quote(
                    span.slice(doc.text),
                    span.start,
                    span.end,
                    (span,),
                    cue=None,
                    fragment=False,
                    lang=doc.lang,
                    **editor_speaker(name),
                )
            )
    for entry in split_entries(speaker):
        pair = parse_pair(entry)
        if pair is None:
            warnings.append(f"quote_speaker: expected 'text => speaker', got {entry!r}")
            continue
        words, name = pair
        hits = [k for k, q in enumerate(quotes) if quote_contains(q, words)]
        if not hits:
            warnings.append(f"quote_speaker: no quote contains {words!r}")
        for k in hits:
            quotes[k] = replace(quotes[k], fragment=False, **editor_speaker(name))
    for entry in split_entries(remove):
        kept = [q for q in quotes if not quote_contains(q, entry)]
        if len(kept) == len(quotes):
            warnings.append(f"quote_remove: no quote contains {entry!r}")
        quotes = kept
    for entry in split_entries(hide):
        hits = [k for k, q in enumerate(quotes) if quote_contains(q, entry)]
        if not hits:
            warnings.append(f"quote_hide: no quote contains {entry!r}")
        for k in hits:
            quotes[k] = replace(quotes[k], hidden=True)
    quotes.sort(key=lambda q: q.start)
    new = replace(
        doc, quotes=tuple(quotes), key_quotes=tuple(select_key_quotes(quotes, key_quotes))
    )
    return new, warnings
