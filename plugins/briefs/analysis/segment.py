"""Paragraph and sentence segmentation.

Sentences end at ``. ! ? ؟`` (and runs of them) followed by whitespace, and at a line break
inside a paragraph; never at the Arabic comma «،», never inside a protected span (a quote),
never after an abbreviation or an initial («د.», «J.», «U.S.»), never inside a number (3.5).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import ABBREVIATIONS
from .model import Span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
#: A boundary: terminal punctuation (closing marks/brackets allowed) then space; or a newline.
_BOUNDARY = re.compile(r"[.!?؟]+[”»’\"')\]]*(?=\s|$)|\n")
_LAST_WORD = re.compile(r"(\S+)$")


def split_paragraphs(body: str) -> list[str]:
    """Split a body on blank lines, strip each paragraph and drop empty ones.

    >>> split_paragraphs("  أ  \\n\\n\\n ب\\nج \\n \\n")
    ['أ', 'ب\\nج']
    """
    return [p.strip() for p in _PARAGRAPH_BREAK.split(body) if p.strip()]


def paragraph_spans(paragraphs: Sequence[str], sep: str = "\n\n") -> list[Span]:
    """Return the span of each paragraph in ``sep.join(paragraphs)``.

    >>> paragraph_spans(["ab", "c"])
    [Span(start=0, end=2), Span(start=4, end=5)]
    """
    spans: list[Span] = []
    pos = 0
    for p in paragraphs:
        spans.append(Span(pos, pos + len(p)))
        pos += len(p) + len(sep)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """Tell whether the dot at ``dot`` closes an abbreviation or an initial."""
    m = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lstrip("(«“\"'").lower()
    return len(word) == 1 or word in ABBREVIATIONS


def _inside(pos: int, protected: Sequence[Span], hint: int) -> tuple[bool, int]:
    """Tell whether ``pos`` falls strictly inside a protected span (spans sorted by start)."""
    i = hint
    while i < len(protected) and protected[i].end <= pos:
        i += 1
    return (i < len(protected) and protected[i].start < pos < protected[i].end), i


def split_sentences(
    text: str, paragraphs: Sequence[Span], protected: Sequence[Span] = ()
) -> list[Span]:
    """Return sentence spans, paragraph by paragraph, never splitting inside ``protected``.

    >>> t = "قال روتي إن “الحرب. ستطول” اليوم. وأضاف: نعم، 3.5 بالمئة؟ د. أحمد حاضر"
    >>> [s.slice(t) for s in split_sentences(t, [Span(0, len(t))], [Span(12, 27)])]
    ['قال روتي إن “الحرب. ستطول” اليوم.', 'وأضاف: نعم، 3.5 بالمئة؟', 'د. أحمد حاضر']
    """
    prot = sorted(protected, key=lambda s: s.start)
    hint = 0
    out: list[Span] = []
    for para in paragraphs:
        start = para.start
        for m in _BOUNDARY.finditer(text, para.start, para.end):
            end = m.end()
            if m.group() != "\n":
                inside, hint = _inside(end, prot, hint)
                if inside:
                    continue
                if m.group().startswith(".") and len(m.group().rstrip("”»’\"')]")) == 1:
                    if _is_abbreviation(text, m.start()):
                        continue
                    nxt = text[end : end + 2].lstrip()
                    if nxt[:1].islower():
                        continue
            _add(out, text, start, m.start() if m.group() == "\n" else end)
            start = end
        _add(out, text, start, para.end)
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    """Append the stripped span ``[start, end)`` if it is not empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))
