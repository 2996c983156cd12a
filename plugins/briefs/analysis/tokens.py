"""The document's one token layer: every split of the text into words happens here.

Two views of the same text, made once per document (:func:`tokenise`) and read by every step:

* :class:`Token` — words and single symbols with offsets and normalised keys («روتي» «:» «“»),
  what quotes, speech cues and speaker phrases read;
* :class:`Word` — the whitespace view the CRF was trained on (ANERcorp: a word keeps its
  clitics, punctuation glued to it is split off as its own token), grouped into sentences,
  what the recogniser reads.

Offsets always refer to the original text: ``text[t.start:t.end] == t.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from .resources import KEY_TABLE

#: Characters that are never inside a word token (punctuation, quote marks, brackets).
_SEPARATORS = r"،,:;؛.!?؟…()\[\]{}<>“”«»„‘’‚‹›\"'\-–—‒―/\\|*"
_W = rf"[^\s{_SEPARATORS}]"
#: A word (letters, digits, marks; inner apostrophes, hyphens and dots allowed) or one symbol.
TOKEN_RE = re.compile(rf"(?P<w>{_W}+(?:['’.\-]{_W}+)*)|\S")
#: A character that may make a whitespace word more than one token.
_BREAK = re.compile(rf"[{_SEPARATORS}]")
#: A letter or digit: what makes a token a word when counting words.
_LETTER_OR_DIGIT = re.compile(r"[^\s\W_]|\d")

#: Punctuation peeled off both ends of a whitespace word (ASCII, Arabic, quotes, dashes).
PUNCT = frozenset(
    "\"'`“”„‟«»‹›‘’‚‛()[]{}<>.,;:!?…،؛؟٪%*–—-_/\\|~^=+#@&·•٫٬"
)
#: A whitespace word; its group ``line_break`` matches (empty) when a line break follows within
#: one character, which ends a sentence of the whitespace view.
_WHITESPACE_WORD = re.compile(r"\S+(?P<line_break>(?=\s?\n))?")
_SENTENCE_END = frozenset(".!?؟…\n")
#: A proclitic glued to a quote mark (و"توتال"): the name after the mark is a word.
_PROCLITICS = frozenset("وفبلك")
_QUOTE_OPENERS = frozenset("\"«“„'")


class Token(NamedTuple):
    """One token: its text, matching key, offsets and whether it is a word (a named tuple:
    made a thousand times per brief, three times cheaper than a frozen dataclass)."""

    text: str
    key: str
    start: int
    end: int
    is_word: bool


class Word(NamedTuple):
    """A token of the whitespace view (a named tuple: made hundreds of times per brief).

    ``core`` is False for a run of punctuation split off a word.
    """

    text: str
    start: int
    end: int
    core: bool


@dataclass(frozen=True, slots=True)
class TokenLayer:
    """The tokens of ``text[start:end]`` in both views, made once by :func:`tokenise`."""

    tokens: tuple[Token, ...] = ()
    sentences: tuple[tuple[Word, ...], ...] = ()

    def words_before(self, end: int, start: int, count: int) -> list[Token]:
        """Return the last ``count`` word tokens lying inside ``[start, end)``, in order.

        >>> [t.text for t in tokenise("ما يعرف بـ“الخط”").words_before(10, 0, 2)]
        ['يعرف', 'بـ']
        """
        tokens = self.tokens
        k = bisect_left(tokens, end, key=lambda t: t.end)
        if k < len(tokens) and tokens[k].end == end:
            k += 1
        out: list[Token] = []
        while k > 0 and len(out) < count:
            k -= 1
            if tokens[k].start < start:
                break
            if tokens[k].is_word:
                out.append(tokens[k])
        return out[::-1]

    def token_at(self, position: int) -> Token | None:
        """Return the token covering the character at ``position``, if one does.

        >>> tokenise("قال إن").token_at(5).text, tokenise("قال إن").token_at(3)
        ('إن', None)
        """
        tokens = self.tokens
        k = bisect_right(tokens, position, key=lambda t: t.start) - 1
        return tokens[k] if k >= 0 and position < tokens[k].end else None

    def word_count(self, start: int, end: int) -> int:
        """Return the number of word tokens (with a letter or digit) inside ``[start, end)``.

        >>> tokenise("قال: «نعم، سنفعل»").word_count(6, 16)
        2
        """
        tokens = self.tokens
        first = bisect_left(tokens, start, key=lambda t: t.start)
        count = 0
        for token in tokens[first:]:
            if token.end > end:
                break
            if token.is_word and _LETTER_OR_DIGIT.match(token.text):
                count += 1
        return count


def peel(word: str) -> tuple[int, int]:
    """Return the ``(lo, hi)`` slice of ``word`` without edge punctuation.

    >>> w = "“الصين"
    >>> lo, hi = peel(w); w[lo:hi]
    'الصين'
    >>> peel("...")
    (3, 3)
    >>> w = "(أوبك+)،"
    >>> lo, hi = peel(w); w[lo:hi]
    'أوبك+'
    >>> peel("+")
    (1, 1)
    """
    lo, hi = 0, len(word)
    while lo < hi and word[lo] in PUNCT:
        lo += 1
    while hi > lo and word[hi - 1] in PUNCT:
        if word[hi - 1] == "+" and hi - 1 > lo and word[hi - 2].isalpha():
            break  # a name that ends with "+" keeps it: أوبك+ / OPEC+ is not أوبك / OPEC
        hi -= 1
    return lo, hi


#: Keys of the words met so far: a brief repeats its words, and translating is the costly part.
_KEYS: dict[str, str] = {}
_KEYS_MAX = 200_000


def _key(word: str) -> str:
    """Return the matching key of a word (:data:`.resources.KEY_TABLE`), memoised."""
    key = _KEYS.get(word)
    if key is None:
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        key = _KEYS[word] = word.translate(KEY_TABLE)
    return key


#: Makes a named tuple from a tuple of its fields, skipping the Python-level ``__new__`` of
#: ``Token(...)`` and ``Word(...)``: a thousand of each are made per brief.
_new = tuple.__new__


def _chunk_tokens(text: str, s: int, e: int, tokens: list[Token]) -> None:
    """Add the tokens of ``text[s:e]``, one whitespace-separated word holding punctuation."""
    for m in TOKEN_RE.finditer(text, s, e):
        t = m.group()
        if m.lastgroup == "w":
            tokens.append(_new(Token, (t, _key(t), m.start(), m.end(), True)))
        else:
            tokens.append(_new(Token, (t, t, m.start(), m.end(), False)))


def _chunk_words(text: str, s: int, e: int, words: list[Word]) -> bool:
    """Add the whitespace-view words of ``text[s:e]``, one whitespace-separated word holding
    punctuation; return whether punctuation that ends a sentence closes it."""
    w = text[s:e]
    if len(w) > 2 and w[0] in _PROCLITICS and w[1] in _QUOTE_OPENERS:
        words.append(_new(Word, (w[0], s, s + 1, True)))  # و"توتال": the name is a word
        w, s = w[1:], s + 1
    lo, hi = peel(w)
    if lo:
        words.append(_new(Word, (w[:lo], s, s + lo, False)))
    if lo < hi:
        words.append(_new(Word, (w[lo:hi], s + lo, s + hi, True)))
    if hi < len(w):
        words.append(_new(Word, (w[hi:], s + hi, s + len(w), False)))
        return not _SENTENCE_END.isdisjoint(w[hi:])
    return False


def tokenise(text: str, start: int = 0, end: int | None = None, *,
             tokens: bool = True, words: bool = True) -> TokenLayer:
    """Return the token layer of ``text[start:end]`` (offsets into ``text``), in one pass.

    A whitespace word of letters only (most of them) is one token in both views; only a
    word holding punctuation is split further. A sentence of the whitespace view ends after
    punctuation that ends one or at a line break. ``tokens``/``words`` ask for each view
    (a view not asked for is left empty: quotes alone need no whitespace view, the
    recogniser alone no tokens).

    >>> layer = tokenise("وقال روتي: “نعم”. وأضاف")
    >>> [t.text for t in layer.tokens]
    ['وقال', 'روتي', ':', '“', 'نعم', '”', '.', 'وأضاف']
    >>> [[w.text for w in s] for s in layer.sentences]
    [['وقال', 'روتي', ':', '“', 'نعم', '”.'], ['وأضاف']]
    >>> [t.text for t in tokenise("NATO Secretary-General Mark Rutte's view").tokens]
    ['NATO', 'Secretary-General', 'Mark', "Rutte's", 'view']
    """
    stop = len(text) if end is None else end
    found: list[Token] = []
    sentences: list[list[Word]] = [[]]
    current = sentences[-1]
    keys = _KEYS
    for m in _WHITESPACE_WORD.finditer(text, start, stop):
        w = m.group()
        s, e = m.span()
        ends = False
        # A word of letters only (isalpha: no punctuation, no separator) needs no more checks.
        if not w.isalpha() and (w[0] in PUNCT or w[-1] in PUNCT or _BREAK.search(w)):
            if tokens:
                _chunk_tokens(text, s, e, found)
            if words:
                ends = _chunk_words(text, s, e, current)
        else:
            if tokens:
                key = keys.get(w)
                found.append(_new(Token, (w, _key(w) if key is None else key, s, e, True)))
            if words:
                current.append(_new(Word, (w, s, e, True)))
        if words and (ends or m.lastindex) and current:
            current = []
            sentences.append(current)
    return TokenLayer(tuple(found), tuple(tuple(s) for s in sentences if s))


def core_words(text: str) -> list[Word]:
    """Return the words of ``text`` without the punctuation around them.

    >>> [w.text for w in core_words("قال روتي: “الصين”.")]
    ['قال', 'روتي', 'الصين']
    """
    return [w for sentence in tokenise(text, tokens=False).sentences for w in sentence if w.core]
