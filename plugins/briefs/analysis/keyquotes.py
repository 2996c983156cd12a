"""Choose the key quotes for the sidebar."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Quote

#: Quotes shorter than this many characters rank below longer ones of the same class.
SHORT_QUOTE = 40


def _rank(item: tuple[int, Quote]) -> tuple[int, int, int, int]:
    """Sort key: named speaker first, then long enough, then longer, then earlier."""
    index, q = item
    return (
        0 if q.speaker else 1,
        0 if len(q.text) >= SHORT_QUOTE else 1,
        -min(len(q.text), 400),
        index,
    )


def select_key_quotes(quotes: Sequence[Quote], n: int = 4) -> list[Quote]:
    """Return up to ``n`` quotes that are neither fragments nor hidden, best first; deterministic.

    Quotes with a named speaker come first, then longer ones (up to 400 characters: a very
    long quote earns nothing more), then earlier ones. A text quoted twice appears once.

    >>> from .model import Span
    >>> q = lambda t, s, f=False: Quote(t, 0, len(t), (Span(0, len(t)),), speaker=s, fragment=f)
    >>> [x.text for x in select_key_quotes([q("قصير", None), q("نص طويل " * 6, "روتي"),
    ...                                     q("الخط الأحمر", None, True)], 4)]
    ['نص طويل نص طويل نص طويل نص طويل نص طويل نص طويل ', 'قصير']
    """
    if n <= 0:
        return []
    seen: set[str] = set()
    out: list[Quote] = []
    for _, q in sorted(enumerate(quotes), key=_rank):
        if q.fragment or q.hidden or q.text in seen:
            continue
        seen.add(q.text)
        out.append(q)
        if len(out) == n:
            break
    return out
