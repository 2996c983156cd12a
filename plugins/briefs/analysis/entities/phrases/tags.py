"""Shared helpers of the phrase rules: IOB span edits, head-noun and adjective tests,
quoted names."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from ...lexicon import (
    MONTHS,
    PHRASE_STOP,
    PLAIN_ADJECTIVES,
)
from ..clitics import candidate_splits

OPEN_QUOTES = "«\"“"


CLOSE_QUOTES = "»\"”"


MAX_TITLE = 6


#: ل + an imperfect verb or a particle (لتخفض، ليتم، لن، لم، لا، لهذا) is not a genitive.
NOT_NOUN = ("لا", "لت", "لي", "لن", "لم", "لل", "له")


@lru_cache(maxsize=65536)
def head_of(key: str, heads: frozenset[str]) -> str | None:
    """The head word of ``key`` (``key`` itself or without a proclitic), if it is in ``heads``.

    The article must be written: «للمجموعة» is المجموعة, never مجموعة.
    """
    if key in heads:
        return key
    for n, r in candidate_splits(key):
        written = key[n:].startswith("ال") or key[:n].endswith("لل") or (
            key[:n].endswith("ل") and key[n:].startswith("ل"))
        if r in heads and r.startswith("ال") == written:
            return r
    return None


def is_definite(key: str) -> bool:
    return key.startswith("ال") and len(key) >= 4 and key not in PHRASE_STOP and key not in MONTHS


def is_adjective(key: str) -> bool:
    return is_definite(key) and (
        key.endswith(("ي", "يه")) or key.startswith("الم") or key in PLAIN_ADJECTIVES)


def span_end(tags: Sequence[str], k: int) -> int:
    j = k + 1
    while j < len(tags) and tags[j].startswith("I-"):
        j += 1
    return j


def iter_spans(tags: Sequence[str], start: str = "B-") -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each span whose first tag starts with ``start`` (``"B-"``:
    every span; ``"B-PERS"``: people). The caller may retag a span as it goes.

    Every rule walks every sentence with it: outside names (most words) one comparison
    with ``"O"`` per word, and the span's end found inline.
    """
    i, n = 0, len(tags)
    while i < n:
        tag = tags[i]
        if tag != "O" and tag.startswith(start):
            end = i + 1
            while end < n and tags[end].startswith("I-"):
                end += 1
            yield i, end
            i = end
        else:
            i += 1


def clear(tags: list[str], i: int, j: int) -> None:
    """Untag ``[i, j)``."""
    for t in range(i, j):
        tags[t] = "O"


def set_span(tags: list[str], i: int, j: int, tag: str) -> None:
    for t in range(i, j):
        tags[t] = ("B-" if t == i else "I-") + tag
    if j < len(tags) and tags[j].startswith("I-"):
        tags[j] = "B-" + tags[j][2:]  # a span cut in two keeps a valid start


def is_free(tags: Sequence[str], i: int, j: int) -> bool:
    """True if no span crosses the edges of ``[i, j)``."""
    return not (tags[i].startswith("I-") or (j < len(tags) and tags[j].startswith("I-")))


def names_a_place(key: str, places: Callable[[str], bool]) -> bool:
    """True if a nisba names a listed place: الأمريكي (أمريكا), الروسي (روسيا), الصيني,
    الإيرانية (إيران)."""
    root = key[2:-2] if key.endswith("يه") else key[2:-1]
    forms = [root, root + "ا", root + "يا", "ال" + root, root + "ه"]
    if len(root) >= 5 and root.endswith("ل"):
        forms.append("ال" + root[:-1])  # الكونغولي (الكونغو)
    return any(places(f) for f in forms)


def tag_quoted(tokens: Sequence[str], keys: Sequence[str], tags: list[str],
                heads: frozenset[str], tag: str) -> None:
    n = len(tokens)
    for i in range(n - 2):
        q = tokens[i + 1]
        if not q or q[0] not in OPEN_QUOTES:
            continue  # tested first: few words open a quote, many are heads
        if keys[i] not in heads and keys[i][1:] not in heads:
            continue
        start = i + 2 if not keys[i + 1] else i + 1
        end = -1
        for j in range(start, min(n, start + MAX_TITLE + 1)):
            # «قناة «صدى البلد»، إن»: punctuation may follow the closing mark
            closed = tokens[j].rstrip(".،,:؛")
            if not keys[j]:
                if closed and closed[-1] in CLOSE_QUOTES:
                    end = j
                break
            if closed and closed[-1] in CLOSE_QUOTES and (j > i + 1 or len(closed) > 1):
                end = j + 1
                break
            if tokens[j][-1] in ".،,:؛":
                break
        if end > start and is_free(tags, start, end):
            set_span(tags, start, end, tag)


def ends_span(tags: Sequence[str], i: int) -> bool:
    return tags[i].startswith("I-") and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
